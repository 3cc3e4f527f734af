#!/usr/bin/env bash
# Where an import's time goes, per thread: the importer (parse, validate,
# map) and the store's bulk writer.  Needs the work folder of
# `KEEP=1 bash bench/import.sh` (its agenda/ and data/) and perf.
#   bash bench/import_threads.sh /tmp/tl-import-bench-XXXX [BINARY]
# Prints CPU seconds (perf samples at 1 kHz) of the importer thread, of the
# writer threads, of the importer while no writer runs (start, first batch
# of a file, commit), and their sum: the longest chain, i.e. about the wall
# time with a core free for each thread.  Compare binaries within one run.
set -euo pipefail
W=${1:?usage: bench/import_threads.sh WORKDIR [BINARY]}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${2:-$ROOT/build/telling}
command -v perf >/dev/null || { echo "bench/import_threads.sh: perf missing" >&2; exit 1; }
P=$(mktemp /tmp/tl-threads-XXXX.data)
trap 'rm -f "$P" "$W/threads.db"*' EXIT
rm -f "$W/threads.db"*
"$B" init "$W/agenda" --db "$W/threads.db" >/dev/null
perf record -q -F 1000 -o "$P" "$B" import "$W/data" --db "$W/threads.db" --add-regions >/dev/null 2>&1
perf script -i "$P" -F tid,time 2>/dev/null | awk '
{ tid = $1; t = $2 + 0; n[tid]++; ts[NR] = t; td[NR] = tid; if (!main) main = tid
  if (tid != main) { if (!(tid in first)) first[tid] = t; last[tid] = t } }
END { w = 0; for (x in n) if (x != main) w += n[x]
  alone = 0
  for (i = 1; i <= NR; i++) if (td[i] == main) {
    inw = 0; for (x in first) if (ts[i] >= first[x] && ts[i] <= last[x]) inw = 1
    if (!inw) alone++ }
  printf "importer %.2f s  writer %.2f s  importer alone %.2f s  longest chain %.2f s  (CPU %.2f s)\n",
    n[main] / 1000, w / 1000, alone / 1000, (w + alone) / 1000, (n[main] + w) / 1000 }'
