#!/bin/sh
# Render sample charts into an HTML page and screenshot it with headless
# Chromium, so a person can look at them (wide and phone width).
#
#   tools/chart-preview.sh [OUTDIR]        (default /tmp)
#
# Writes OUTDIR/chart-preview.html (realistic charts), OUTDIR/chart-edge.html
# (edge cases: one point, negatives, all missing, huge values, 342 bars) and
# the screenshots OUTDIR/chart.png (1000 px wide), OUTDIR/chart-360.png
# (360 px, the narrow layouts), OUTDIR/chart-edge.png and OUTDIR/chart-grey.png
# (the realistic page in greyscale).  The pages come
# from the chart unit test binary in its --preview mode, compiled straight
# from the sources so that a half-finished file elsewhere cannot block it.
set -eu
cd "$(dirname "$0")/.."
out=${1:-/tmp}
mkdir -p "$out"
bin="$out/chart-preview-bin"

cc=${CC:-cc}
$cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Wall -Wextra -Werror -O1 -g -Isrc \
	tests/unit/chart_test.c src/render/chart_line.c src/render/chart_bar.c src/render/svg.c \
	src/render/html.c src/core/buf.c src/core/fmt.c src/core/str.c src/core/xalloc.c \
	-lcmocka -lm -o "$bin"
"$bin" --preview "$out/chart-preview.html"
"$bin" --preview-edge "$out/chart-edge.html"

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
	echo "chart-preview: no chromium found; open $out/chart-preview.html yourself" >&2
	exit 1
fi
shot() { # shot PNG WIDTH,HEIGHT HTML
	profile=$(mktemp -d)
	"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --disable-quic \
		--hide-scrollbars --user-data-dir="$profile" --screenshot="$1" --window-size="$2" \
		"file://$3" >/dev/null 2>&1 || echo "chart-preview: chromium failed for $1" >&2
	rm -rf "$profile"
}
shot "$out/chart.png" 1000,2600 "$out/chart-preview.html"
shot "$out/chart-360.png" 360,3200 "$out/chart-preview.html"
shot "$out/chart-edge.png" 1000,3000 "$out/chart-edge.html"
# FORMATS.md §12: the charts must still read in greyscale.
sed 's|</style>|html{filter:grayscale(1)}</style>|' "$out/chart-preview.html" >"$out/chart-grey.html"
shot "$out/chart-grey.png" 1000,2600 "$out/chart-grey.html"
echo "chart-preview: $out/chart-preview.html"
echo "chart-preview: $out/chart.png $out/chart-360.png $out/chart-edge.png $out/chart-grey.png"
