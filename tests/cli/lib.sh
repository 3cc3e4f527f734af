# Shared helpers for the end-to-end tests.  Sourced by tNNNN-*.sh.
# $TELLING is the binary under test (the ASan+UBSan build by default);
# $TMPDIR_TEST a fresh directory removed afterwards.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=${TMPDIR_TEST:-$(mktemp -d)}
TELLING=${TELLING:-$ROOT/build/telling}

fail() {
	echo "FAIL: $*" >&2
	exit 1
}

# expect_in FILE TEXT: the file contains TEXT (fixed string).
expect_in() {
	grep -qF -- "$2" "$1" || fail "$1 does not contain: $2"
}

expect_not_in() {
	if grep -qF -- "$2" "$1"; then
		fail "$1 contains: $2"
	fi
}

# dump DB: the store's contents as SQL text, for before/after comparisons.
dump() {
	sqlite3 "$1" .dump
}
