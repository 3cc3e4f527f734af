#!/bin/sh
# Accessibility and page test of the built site, plus screenshots.
#
#   sh tests/web/run.sh [SITE_DIR]        (default: out/site, made by `make demo-build` if it is missing)
#
# 1. npm ci when node_modules/ is missing or older than package-lock.json (axe-core, playwright-core,
#    NL Design System CSS);
# 2. full-page screenshots of every page at 1280 px and 375 px into build/screenshots/
#    (NAME-1280.png, NAME-375.png; a page in a subfolder becomes SUB_NAME-...);
# 3. tests/web/axe.mjs SITE_DIR: axe-core (WCAG 2.1 A/AA + best practice), console errors, failed or
#    external requests, reflow at 320 px; results also in build/web/axe.json.
# Exit code: that of axe.mjs (number of failing pages), or 126 when the harness cannot run.
# SCREENSHOTS=0 skips step 2.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"

if [ $# -gt 1 ]; then
	echo "usage: sh tests/web/run.sh [SITE_DIR]" >&2
	exit 2
fi
if [ $# -eq 1 ]; then
	SITE=$1
else
	SITE=out/site
	if [ ! -f "$SITE/index.html" ]; then
		echo "web: no site in $SITE yet; building it with make demo-build"
		make -s demo-build >&2 || { echo "web: make demo-build failed" >&2; exit 126; }
	fi
fi
[ -d "$SITE" ] || { echo "web: no such folder: $SITE" >&2; exit 126; }
SITE=$(cd "$SITE" && pwd)

command -v node >/dev/null 2>&1 || { echo "web: node is missing (apt-get install -y nodejs npm, or tools/setup.sh)" >&2; exit 126; }
# shellcheck disable=SC3013 # dash and bash have -nt
if [ ! -d node_modules/axe-core ] || [ ! -d node_modules/playwright-core ] ||
	{ [ -f node_modules/.package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
	echo "web: npm ci"
	npm ci --no-audit --no-fund --loglevel=error >&2 || { echo "web: npm ci failed" >&2; exit 126; }
fi

# screenshots first, so that the axe summary (`N passed, N failed`) is the last line
if [ "${SCREENSHOTS:-1}" != 0 ]; then
	rm -rf build/screenshots
	mkdir -p build/screenshots
	LIST=build/screenshots/list.tsv
	: >"$LIST"
	# index.html first, then every other page; one browser for all (tools/screenshot.sh --batch)
	for f in $(cd "$SITE" && { [ -f index.html ] && echo index.html; find . -name '*.html' ! -path ./index.html | sed 's#^\./##' | sort; }); do
		name=$(printf '%s' "${f%.html}" | tr '/' '_')
		for w in 1280 375; do
			printf '%s\t%s\t%s\n' "$SITE/$f" "build/screenshots/$name-$w.png" "$w" >>"$LIST"
		done
	done
	tools/screenshot.sh --batch "$LIST" || echo "web: some screenshots failed" >&2
	rm -f "$LIST"
	echo "web: $(find build/screenshots -name '*.png' | wc -l) screenshots in build/screenshots/" >&2
fi

mkdir -p build/web
status=0
node tests/web/axe.mjs "$SITE" --json build/web/axe.json || status=$?
exit "$status"
