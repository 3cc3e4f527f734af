#!/bin/sh
# Self-test of the browser harness (tests/web/axe.mjs) and of the NL Design System CSS list
# (tests/web/nlds-css.txt), without the C build: a site made of tests/web/fixtures/ with
# assets/nlds.css concatenated from the list. good.html (markup as the report's layout writes it)
# must pass; bad.html must fail on the axe rules, the console error, the missing stylesheet and
# the reflow at 320 px that it contains, and be warned of words broken letter by letter.
#   sh tests/web/selftest.sh          -> `N passed, N failed`, exit 1 if any check failed
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
if [ ! -d node_modules/axe-core ] || [ ! -d node_modules/playwright-core ]; then
	npm ci --no-audit --no-fund --loglevel=error >&2
fi
SITE=$(mktemp -d /tmp/telling-web-selftest-XXXXXX)
trap 'rm -rf "$SITE"' EXIT
mkdir -p "$SITE/assets"
missing=0
while IFS= read -r f; do
	case $f in "#"* | "") continue ;; esac
	if [ -f "$f" ]; then cat "$f" >>"$SITE/assets/nlds.css"; else echo "selftest: missing CSS file $f" >&2; missing=1; fi
done <tests/web/nlds-css.txt
cp tests/web/fixtures/good.html tests/web/fixtures/bad.html "$SITE/"
cp tests/web/fixtures/good.html "$SITE/index.html"

node tests/web/axe.mjs "$SITE" --json "$SITE/axe.json" >"$SITE/axe.txt" 2>&1 || true
sed 's/^/# /' "$SITE/axe.txt"
# shellcheck disable=SC2016 # a JavaScript program, not shell
MISSING=$missing node --input-type=module -e '
import { readFileSync } from "node:fs";
const r = JSON.parse(readFileSync(process.argv[1], "utf8")).results;
const page = n => r.find(x => x.page === n) || {};
const checks = [
  ["every CSS file of tests/web/nlds-css.txt is installed", process.env.MISSING === "0"],
  ["good.html passes (axe, console, requests, reflow)", page("good.html").ok === true],
  ["index.html passes", page("index.html").ok === true],
  ["good.html loads assets/nlds.css", page("good.html").requests?.length === 0],
];
const bad = page("bad.html");
const ids = (bad.violations || []).map(v => v.id);
for (const id of ["image-alt", "label", "html-has-lang", "color-contrast", "svg-img-alt", "landmark-one-main"])
  checks.push([`bad.html: axe finds ${id}`, ids.includes(id)]);
checks.push(["bad.html: console error reported", (bad.console || []).some(c => c.includes("fout in het script"))]);
checks.push(["bad.html: 404 for the stylesheet reported", (bad.requests || []).some(q => q.includes("404") && q.includes("ontbreekt.css"))]);
checks.push(["bad.html: horizontal scroll at 320 px reported", !!bad.reflow]);
checks.push(["bad.html: words broken over 3+ lines reported (warning)", (bad.warnings || []).some(w => w.includes("Indicatornaam"))]);
checks.push(["good.html: no warnings", (page("good.html").warnings || []).length === 0]);
let p = 0, f = 0;
for (const [name, ok] of checks) { console.log(`${ok ? "ok" : "not ok"} - ${name}`); ok ? p++ : f++; }
console.log(`${p} passed, ${f} failed`);
process.exitCode = f ? 1 : 0;
' "$SITE/axe.json"
