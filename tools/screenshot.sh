#!/bin/sh
# Screenshot of a page in Debian's headless Chromium.
#
#   tools/screenshot.sh URL_OR_FILE OUT.png [WIDTH] [HEIGHT]
#   tools/screenshot.sh --batch LIST      (LIST: one shot a line, tab-separated: URL_OR_FILE OUT.png WIDTH [HEIGHT];
#                                          one browser for all of them, much faster than one call each)
#
# WIDTH defaults to 1280. Without HEIGHT the whole page is captured (full page, via playwright-core
# from node_modules/; the image is as wide as the page's scroll width); with HEIGHT only that
# viewport. A local file is opened as a file:// URL. Requests to other hosts are blocked (the site must
# be self-contained). Without playwright-core (no `npm ci` yet) it falls back to Chromium's own
# --screenshot, which captures the viewport only (HEIGHT defaults to 2000 then).
# Environment: CHROMIUM (default /usr/bin/chromium).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
TAB=$(printf '\t')
usage() {
	echo "usage: tools/screenshot.sh URL_OR_FILE OUT.png [WIDTH] [HEIGHT]" >&2
	echo "       tools/screenshot.sh --batch LIST   (lines: URL_OR_FILE<TAB>OUT.png<TAB>WIDTH[<TAB>HEIGHT])" >&2
	exit 2
}
[ -x "$CHROMIUM" ] || { echo "screenshot: no Chromium at $CHROMIUM (apt-get install -y chromium)" >&2; exit 2; }

JOBS=$(mktemp /tmp/telling-shots-XXXXXX)
trap 'rm -f "$JOBS"' EXIT

# one checked job line: URL<TAB>OUT<TAB>WIDTH<TAB>HEIGHT
add_job() {
	src=$1 out=$2 width=${3:-1280} height=${4:-}
	case $src in
	http://* | https://* | file://*) url=$src ;;
	*)
		[ -f "$src" ] || { echo "screenshot: no such file: $src" >&2; exit 2; }
		url="file://$(cd "$(dirname "$src")" && pwd)/$(basename "$src")"
		;;
	esac
	case $width$height in *[!0-9]* | "") echo "screenshot: WIDTH and HEIGHT are numbers of CSS px" >&2; exit 2 ;; esac
	mkdir -p "$(dirname "$out")"
	case $out in /*) ;; *) out=$(pwd)/$out ;; esac
	printf '%s\t%s\t%s\t%s\n' "$url" "$out" "$width" "$height" >>"$JOBS"
}

if [ "${1:-}" = --batch ]; then
	if [ $# -ne 2 ] || [ ! -f "$2" ]; then usage; fi
	while IFS="$TAB" read -r s o w h; do
		[ -n "$s" ] || continue
		add_job "$s" "$o" "$w" "$h"
	done <"$2"
else
	if [ $# -lt 2 ] || [ $# -gt 4 ]; then usage; fi
	add_job "$@"
fi

if [ -d "$ROOT/node_modules/playwright-core" ]; then
	# shellcheck disable=SC2016 # a JavaScript program, not shell
	ROOT=$ROOT JOBS=$JOBS CHROMIUM=$CHROMIUM node --input-type=module -e '
import { createRequire } from "node:module";
import { mkdtemp, rm, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
const { ROOT, JOBS, CHROMIUM } = process.env;
const { chromium } = createRequire(join(ROOT, "package.json"))("playwright-core");
const jobs = (await readFile(JOBS, "utf8")).split("\n").filter(Boolean).map(l => l.split("\t"));
const profile = await mkdtemp(join(tmpdir(), "telling-shot-"));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"],
  locale: "nl-NL",
});
let failed = 0;
try {
  const page = await ctx.newPage();
  // the site must be self-contained: never wait on the (closed) network
  await page.route("**/*", r => /^(file|data|blob):|^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(r.request().url())
    ? r.continue() : r.abort("blockedbyclient"));
  for (const [url, out, width, height] of jobs) {
    try {
      await page.setViewportSize({ width: Number(width), height: Number(height || 800) });
      await page.goto(url, { waitUntil: "load", timeout: 30000 });
      await page.screenshot({ path: out, fullPage: !height });
    } catch (e) {
      failed++;
      console.error(`screenshot: ${url} at ${width}px: ${e.message.split("\n")[0]}`);
    }
  }
} finally {
  await ctx.close();
  await rm(profile, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
'
else
	status=0
	while IFS="$TAB" read -r url out width height; do
		PROFILE=$(mktemp -d /tmp/telling-shot-XXXXXX)
		"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
			--disable-component-update --disable-sync --no-first-run --disable-quic \
			--user-data-dir="$PROFILE" --hide-scrollbars --window-size="$width,${height:-2000}" \
			--screenshot="$out" "$url" >/dev/null 2>&1 || status=1
		rm -rf "$PROFILE"
		[ -s "$out" ] || { echo "screenshot: no image written for $url" >&2; status=1; }
	done <"$JOBS"
	exit "$status"
fi
