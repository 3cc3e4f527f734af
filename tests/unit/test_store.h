/*
 * test_store — the store a unit test opens, on either engine.
 *
 * Normally the SQLite file `path`.  With TELLING_TEST_PG=1 (make check-pg,
 * which runs the tests inside tools/pg-test.sh) it is the PostgreSQL
 * database TELLING_PG_URI, emptied first: the same test then pins the same
 * behaviour on the other engine.  Asked for PostgreSQL without one, it
 * aborts: a test meant for PostgreSQL never passes without it.
 */
#ifndef TEST_STORE_H
#define TEST_STORE_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "store/sql.h"

/* Remove the SQLite file path and the -wal and -shm files beside it (none
 * of them need exist). */
static inline void test_store_remove(const char *path)
{
	char p[256];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

static inline const char *test_store_uri(const char *path)
{
	if (!getenv("TELLING_TEST_PG"))
		return path;
	const char *uri = getenv("TELLING_PG_URI");
	if (!uri) {
		fprintf(stderr, "TELLING_TEST_PG is set but TELLING_PG_URI is not: run through tools/pg-test.sh\n");
		abort();
	}
	tl_sql *db;
	if (tl_sql_open(&db, uri) || tl_sql_exec(db, "DROP SCHEMA public CASCADE; CREATE SCHEMA public")) {
		fprintf(stderr, "%s: %s\n", uri, db ? tl_sql_errmsg(db) : "cannot open");
		abort();
	}
	tl_sql_close(db);
	return uri;
}

/* Rows per bulk batch in tests that cross batches (tl_store_bulk_rows):
 * the tests' cell counts and comments are sized for it, and a small batch
 * keeps them quick under the sanitizers. */
enum { TEST_BULK_ROWS = 32768 };

#endif
