#!/bin/sh
# Vendor the NL Design System CSS that the report uses into assets/nlds.css,
# from the npm packages pinned in package-lock.json (run `npm ci` first).
# The result is checked in, so building a report needs neither npm nor a
# network.  Licences: EUPL-1.2 (see assets/README.md and assets/LICENSE-nlds.txt).
set -eu
cd "$(dirname "$0")/.."
NM=node_modules
[ -d "$NM/@utrecht/root-css" ] || { echo "vendor-css: run npm ci first" >&2; exit 1; }
out=assets/nlds.css
{
	echo "/* NL Design System CSS, vendored by tools/vendor-css.sh from npm (EUPL-1.2)."
	echo " * Theme tokens: @nl-design-system-unstable/voorbeeld-design-tokens; components: @utrecht/*-css,"
	echo " * @nl-design-system-candidate/skip-link-css.  Versions: package-lock.json. */"
	cat "$NM/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css"
	echo
	for p in root body paragraph link heading-1 heading-2 heading-3 heading-4 ordered-list \
		unordered-list table figure separator data-list number-data; do
		f="$NM/@utrecht/$p-css/dist/index.min.css"
		[ -f "$f" ] || { echo "vendor-css: missing $f" >&2; exit 1; }
		cat "$f"
		echo
	done
	sed 's@/\*# sourceMappingURL=[^*]*\*/@@' "$NM/@nl-design-system-candidate/skip-link-css/dist/skip-link.css"
} >"$out"
cp "$NM/@utrecht/root-css/LICENSE.md" assets/LICENSE-nlds.txt 2>/dev/null ||
	cp "$NM/@utrecht/component-library-css/LICENSE.md" assets/LICENSE-nlds.txt 2>/dev/null || true
wc -c "$out"
