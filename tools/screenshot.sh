#!/bin/sh
# Screenshot of a page in Debian's headless Chromium.
#
#   tools/screenshot.sh URL_OR_FILE OUT.png [WIDTH] [HEIGHT]
#
# WIDTH defaults to 1280. Without HEIGHT the whole page is captured (full page, via playwright-core
# from node_modules/); with HEIGHT only that viewport. A local file is opened as a file:// URL.
# Without playwright-core (no `npm ci` yet) it falls back to Chromium's own --screenshot, which
# captures the viewport only (HEIGHT defaults to 2000 then).
# Environment: CHROMIUM (default /usr/bin/chromium).
set -eu
if [ $# -lt 2 ] || [ $# -gt 4 ]; then
	echo "usage: tools/screenshot.sh URL_OR_FILE OUT.png [WIDTH] [HEIGHT]" >&2
	exit 2
fi
SRC=$1 OUT=$2 WIDTH=${3:-1280} HEIGHT=${4:-}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}

case $SRC in
http://* | https://* | file://*) URL=$SRC ;;
*)
	[ -f "$SRC" ] || { echo "screenshot: no such file: $SRC" >&2; exit 2; }
	URL="file://$(cd "$(dirname "$SRC")" && pwd)/$(basename "$SRC")"
	;;
esac
case $WIDTH$HEIGHT in *[!0-9]*) echo "screenshot: WIDTH and HEIGHT are numbers of CSS px" >&2; exit 2 ;; esac
[ -x "$CHROMIUM" ] || { echo "screenshot: no Chromium at $CHROMIUM (apt-get install -y chromium)" >&2; exit 2; }
mkdir -p "$(dirname "$OUT")"

if [ -d "$ROOT/node_modules/playwright-core" ]; then
	ROOT=$ROOT URL=$URL OUT=$OUT WIDTH=$WIDTH HEIGHT=$HEIGHT CHROMIUM=$CHROMIUM node --input-type=module -e '
import { createRequire } from "node:module";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
const { ROOT, URL, OUT, WIDTH, HEIGHT, CHROMIUM } = process.env;
const { chromium } = createRequire(join(ROOT, "package.json"))("playwright-core");
const profile = await mkdtemp(join(tmpdir(), "telling-shot-"));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM, headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"],
  viewport: { width: Number(WIDTH), height: Number(HEIGHT || 800) }, locale: "nl-NL",
});
try {
  const page = await ctx.newPage();
  // the site must be self-contained: never wait on the (closed) network
  await page.route("**/*", r => /^(file|data|blob):|^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(r.request().url())
    ? r.continue() : r.abort("blockedbyclient"));
  await page.goto(URL, { waitUntil: "load", timeout: 30000 });
  await page.screenshot({ path: OUT, fullPage: !HEIGHT });
} finally {
  await ctx.close();
  await rm(profile, { recursive: true, force: true });
}
'
else
	PROFILE=$(mktemp -d /tmp/telling-shot-XXXXXX)
	trap 'rm -rf "$PROFILE"' EXIT
	case $OUT in /*) ABS=$OUT ;; *) ABS=$(pwd)/$OUT ;; esac
	"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
		--disable-component-update --disable-sync --no-first-run --disable-quic \
		--user-data-dir="$PROFILE" --hide-scrollbars --window-size="$WIDTH,${HEIGHT:-2000}" \
		--screenshot="$ABS" "$URL" >/dev/null 2>&1
fi
[ -s "$OUT" ] || { echo "screenshot: no image written for $URL" >&2; exit 1; }
