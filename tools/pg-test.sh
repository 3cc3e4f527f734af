#!/bin/sh
# Run a command against a throwaway PostgreSQL cluster (issue 7, test groundwork).
#   tools/pg-test.sh CMD [ARG...]
# Creates a cluster in a temp dir with Debian's initdb, starts it with no
# TCP listener at all, only a unix socket in that dir, creates database
# "telling", exports TELLING_PG_URI=postgresql:///telling?host=DIR&port=PORT
# and runs CMD.  The port only names the socket (DIR/.s.PGSQL.PORT), so runs
# in parallel cannot collide on it; it still differs per run (PGPORT, or one
# derived from this shell's pid) because the server also derives its
# System V shared-memory key from it.
# The cluster is stopped and removed on exit, also on failure. If the
# cluster cannot be started this fails loudly (exit 2): it never skips.
# As root the server runs as the "postgres" user (initdb refuses root).
set -eu
[ $# -ge 1 ] || { echo "usage: tools/pg-test.sh CMD [ARG...]" >&2; exit 2; }

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PORT=${PGPORT:-$((20000 + $$ % 40000))}
[ -x "$PGBIN/initdb" ] || { echo "pg-test: $PGBIN/initdb not found (install Debian package postgresql: tools/setup.sh)" >&2; exit 2; }

dir=$(mktemp -d /tmp/telling-pg.XXXXXX)
chmod 755 "$dir"
if [ "$(id -u)" = 0 ]; then
	chown postgres "$dir"
	as() { runuser -u postgres -- "$@"; }
else
	as() { "$@"; }
fi

stop() {
	as "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

if ! as "$PGBIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C >"$dir/initdb.log" 2>&1; then
	echo "pg-test: initdb failed:" >&2; cat "$dir/initdb.log" >&2; exit 2
fi
if ! as "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
	-o "-p $PORT -k $dir -c listen_addresses=''" start >/dev/null; then
	echo "pg-test: PostgreSQL did not start on port $PORT:" >&2; cat "$dir/server.log" >&2; exit 2
fi
if ! "$PGBIN/createdb" -h "$dir" -p "$PORT" -U postgres telling; then
	echo "pg-test: createdb failed" >&2; exit 2
fi

TELLING_PG_URI="postgresql:///telling?host=$dir&port=$PORT&user=postgres"
export TELLING_PG_URI
"$@"
