#!/bin/sh
# Install what telling needs to build, test and render, on Debian 12.
# As root it installs with apt-get; otherwise it prints the exact command.
# With --web it also installs the browser test tools (axe-core,
# playwright-core) from npm (package-lock.json) into node_modules/; the
# report itself needs no npm: its CSS is vendored in assets/.
web=0
[ "${1:-}" = "--web" ] && web=1
set -eu
cd "$(dirname "$0")/.."

PKGS="build-essential pkg-config sqlite3 libsqlite3-dev postgresql libpq-dev libyaml-dev libmd4c-dev libjansson-dev libmicrohttpd-dev libsodium-dev zlib1g-dev"
[ "$web" = 1 ] && PKGS="$PKGS clang libclang-rt-14-dev libcmocka-dev chromium poppler-utils nodejs npm curl"

missing=""
for p in $PKGS; do
	# nodejs/npm may come from elsewhere (nodesource); a working binary is enough.
	case $p in
	nodejs) command -v node >/dev/null 2>&1 && continue ;;
	npm) command -v npm >/dev/null 2>&1 && continue ;;
	esac
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
	if [ "$(id -u)" = 0 ]; then
		echo "setup: installing$missing"
		export DEBIAN_FRONTEND=noninteractive
		apt-get update -qq
		# shellcheck disable=SC2086
		apt-get install -y -qq --no-install-recommends $missing >/dev/null
	else
		echo "setup: missing Debian packages:$missing" >&2
		echo "setup: run as root:  apt-get install -y$missing" >&2
		exit 1
	fi
fi

if [ "$web" = 1 ] && [ -f package-lock.json ]; then
	if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
		echo "setup: npm ci (NL Design System CSS, axe-core, playwright-core)"
		npm ci --no-audit --no-fund --loglevel=error >/dev/null
	fi
fi
