/* The sql.h seam: the behaviour the store relies on from every engine.
 * Runs on SQLite (in memory) and, when TELLING_PG_URI is set (tools/pg-test.sh),
 * on PostgreSQL too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "store/sql.h"

static int open_db(void **state, const char *uri)
{
	tl_sql *db;
	if (tl_sql_open(&db, uri)) {
		fprintf(stderr, "cannot open %s: %s\n", uri, db ? tl_sql_errmsg(db) : "?");
		tl_sql_close(db);
		return -1;
	}
	/* A clean slate on a shared PostgreSQL database. */
	if (tl_sql_exec(db, "DROP TABLE IF EXISTS t; DROP TABLE IF EXISTS b;"
			    "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, x REAL, n INTEGER);"
			    "CREATE TABLE b (k TEXT PRIMARY KEY, v BLOB)")) {
		fprintf(stderr, "schema: %s\n", tl_sql_errmsg(db));
		tl_sql_close(db);
		return -1;
	}
	*state = db;
	return 0;
}

static int setup_sqlite(void **state)
{
	return open_db(state, ":memory:");
}

static int setup_pg(void **state)
{
	const char *uri = getenv("TELLING_PG_URI");
	return open_db(state, uri);
}

static int teardown(void **state)
{
	tl_sql *db = *state;
	tl_sql_exec(db, "DROP TABLE t; DROP TABLE b");
	tl_sql_close(db);
	return 0;
}

static int64_t insert(tl_sql *db, const char *name, double x, int64_t n, int *rc)
{
	tl_sql_stmt *s = tl_sql_prepare(db, "INSERT INTO t (name, x, n) VALUES (?1, ?2, ?3) RETURNING id");
	assert_non_null(s);
	tl_sql_bind_text(s, 1, name);
	tl_sql_bind_double(s, 2, x);
	tl_sql_bind_int(s, 3, n);
	int64_t id = 0;
	*rc = tl_sql_step(s);
	if (*rc == TL_SQL_ROW) {
		id = tl_sql_col_int(s, 0);
		*rc = tl_sql_step(s);
	}
	tl_sql_finalize(s);
	return id;
}

static void test_generated_ids_come_back_through_returning(void **state)
{
	tl_sql *db = *state;
	int rc;
	int64_t a = insert(db, "a", 1.5, 1, &rc);
	assert_int_equal(rc, TL_SQL_DONE);
	int64_t b = insert(db, "b", 2.5, 2, &rc);
	assert_int_equal(rc, TL_SQL_DONE);
	assert_true(a > 0);
	assert_true(b > a);
}

static void test_a_unique_violation_is_reported_as_such(void **state)
{
	tl_sql *db = *state;
	int rc;
	insert(db, "a", 1, 1, &rc);
	assert_int_equal(rc, TL_SQL_DONE);
	insert(db, "a", 2, 2, &rc);
	assert_int_equal(rc, TL_SQL_CONSTRAINT);
	assert_true(strlen(tl_sql_errmsg(db)) > 0);
}

/* Doubles and 64-bit integers come back bit for bit; NULL reads as NULL. */
static void test_values_round_trip_exactly(void **state)
{
	tl_sql *db = *state;
	int rc;
	const double x = 0.1 + 0.2; /* not representable in few digits */
	const int64_t big = ((int64_t)1 << 62) + 12345;
	insert(db, "a", x, big, &rc);
	assert_int_equal(rc, TL_SQL_DONE);
	tl_sql_stmt *s = tl_sql_prepare(db, "INSERT INTO t (name) VALUES (?1)");
	tl_sql_bind_text(s, 1, "leeg");
	assert_int_equal(tl_sql_step(s), TL_SQL_DONE);
	tl_sql_finalize(s);

	s = tl_sql_prepare(db, "SELECT name, x, n FROM t ORDER BY name");
	assert_non_null(s);
	assert_int_equal(tl_sql_step(s), TL_SQL_ROW);
	assert_string_equal(tl_sql_col_text(s, 0), "a");
	assert_true(tl_sql_col_double(s, 1) == x);
	assert_true(tl_sql_col_int(s, 2) == big);
	assert_false(tl_sql_col_null(s, 1));
	assert_int_equal(tl_sql_step(s), TL_SQL_ROW);
	assert_string_equal(tl_sql_col_text(s, 0), "leeg");
	assert_true(tl_sql_col_null(s, 1));
	assert_true(tl_sql_col_null(s, 2));
	assert_null(tl_sql_col_text(s, 2));
	assert_true(tl_sql_col_int(s, 2) == 0);
	assert_int_equal(tl_sql_step(s), TL_SQL_DONE);
	tl_sql_finalize(s);
}

static void test_blobs_round_trip_with_zero_bytes(void **state)
{
	tl_sql *db = *state;
	const unsigned char v[] = {0, 1, 2, 0xff, 0, '\\', 'x'};
	tl_sql_stmt *s = tl_sql_prepare(db, "INSERT INTO b (k, v) VALUES (?1, ?2), (?3, ?4)");
	assert_non_null(s);
	tl_sql_bind_text(s, 1, "full");
	tl_sql_bind_blob(s, 2, v, sizeof v);
	tl_sql_bind_text(s, 3, "empty");
	tl_sql_bind_blob(s, 4, NULL, 0);
	assert_int_equal(tl_sql_step(s), TL_SQL_DONE);
	tl_sql_finalize(s);
	s = tl_sql_prepare(db, "SELECT k, v FROM b ORDER BY k");
	assert_int_equal(tl_sql_step(s), TL_SQL_ROW);
	size_t n = 99;
	tl_sql_col_blob(s, 1, &n);
	assert_int_equal(n, 0);
	assert_int_equal(tl_sql_step(s), TL_SQL_ROW);
	const void *p = tl_sql_col_blob(s, 1, &n);
	assert_int_equal(n, sizeof v);
	assert_memory_equal(p, v, sizeof v);
	assert_int_equal(tl_sql_step(s), TL_SQL_DONE);
	tl_sql_finalize(s);
}

/* Upserts, changed-row counts, and a reset that unbinds everything. */
static void test_upsert_changes_and_reset(void **state)
{
	tl_sql *db = *state;
	int rc;
	insert(db, "a", 1, 1, &rc);
	tl_sql_stmt *s = tl_sql_prepare(db, "INSERT INTO t (name, n) VALUES (?1, ?2)"
					    " ON CONFLICT (name) DO UPDATE SET n = excluded.n"
					    " WHERE t.n IS DISTINCT FROM excluded.n");
	assert_non_null(s);
	tl_sql_bind_text(s, 1, "a");
	tl_sql_bind_int(s, 2, 1);
	assert_int_equal(tl_sql_step(s), TL_SQL_DONE);
	assert_int_equal(tl_sql_changes(db), 0);
	tl_sql_reset(s);
	tl_sql_bind_text(s, 1, "a");
	tl_sql_bind_int(s, 2, 7);
	assert_int_equal(tl_sql_step(s), TL_SQL_DONE);
	assert_int_equal(tl_sql_changes(db), 1);
	tl_sql_reset(s);
	tl_sql_bind_text(s, 1, "b");
	assert_int_equal(tl_sql_step(s), TL_SQL_DONE); /* n unbound: NULL */
	tl_sql_finalize(s);
	s = tl_sql_prepare(db, "SELECT count(*) FROM t WHERE n IS NULL AND CAST(?1 AS TEXT) IS NULL");
	assert_non_null(s);
	assert_int_equal(tl_sql_step(s), TL_SQL_ROW);
	assert_int_equal(tl_sql_col_int(s, 0), 1);
	tl_sql_finalize(s);
}

static void test_rollback_forgets_and_commit_keeps(void **state)
{
	tl_sql *db = *state;
	int rc;
	assert_int_equal(tl_sql_begin(db), 0);
	insert(db, "weg", 1, 1, &rc);
	tl_sql_rollback(db);
	assert_int_equal(tl_sql_begin(db), 0);
	insert(db, "blijft", 1, 1, &rc);
	assert_int_equal(tl_sql_commit(db), 0);
	tl_sql_stmt *s = tl_sql_prepare(db, "SELECT name FROM t");
	assert_int_equal(tl_sql_step(s), TL_SQL_ROW);
	assert_string_equal(tl_sql_col_text(s, 0), "blijft");
	assert_int_equal(tl_sql_step(s), TL_SQL_DONE);
	tl_sql_finalize(s);
	assert_true(tl_sql_has_table(db, "t"));
	assert_false(tl_sql_has_table(db, "nope"));
}

static void test_a_bad_statement_says_why(void **state)
{
	tl_sql *db = *state;
	assert_null(tl_sql_prepare(db, "SELECT nope FROM t"));
	assert_non_null(strstr(tl_sql_errmsg(db), "nope"));
	assert_int_not_equal(tl_sql_exec(db, "DELETE FROM nope"), 0);
	assert_non_null(strstr(tl_sql_errmsg(db), "nope"));
}

/* tl_sql_run_later: statements sent without waiting run in order (more of
 * them than a pipeline holds), and a later read sees them all. */
static void test_run_later_runs_in_order(void **state)
{
	tl_sql *db = *state;
	assert_int_equal(tl_sql_begin(db), 0);
	tl_sql_stmt *s = tl_sql_prepare(db, "INSERT INTO t (name, n) VALUES (?1, ?2)"
					    " ON CONFLICT (name) DO UPDATE SET n = excluded.n");
	assert_non_null(s);
	char name[16];
	for (int i = 0; i < 700; i++) {
		snprintf(name, sizeof name, "r%d", i % 600);
		tl_sql_bind_text(s, 1, name);
		tl_sql_bind_int(s, 2, i);
		assert_int_equal(tl_sql_run_later(s), 0);
	}
	tl_sql_finalize(s);
	tl_sql_stmt *q = tl_sql_prepare(db, "SELECT count(*), sum(n) FROM t");
	assert_int_equal(tl_sql_step(q), TL_SQL_ROW);
	assert_int_equal(tl_sql_col_int(q, 0), 600);
	/* r0..r99 were written twice; the second (i = 600..699) won. */
	assert_int_equal(tl_sql_col_int(q, 1), (int64_t)(100 + 599) * 500 / 2 + (int64_t)(600 + 699) * 100 / 2);
	tl_sql_finalize(q);
	assert_int_equal(tl_sql_commit(db), 0);
}

/* A failure among statements sent without waiting is reported, with its
 * message, by that call or by the next one that waits (here a prepare);
 * the caller rolls back and nothing is kept. */
static void test_run_later_failure_is_reported(void **state)
{
	tl_sql *db = *state;
	assert_int_equal(tl_sql_begin(db), 0);
	tl_sql_stmt *s = tl_sql_prepare(db, "INSERT INTO t (name, n) VALUES (?1, ?2)");
	assert_non_null(s);
	tl_sql_bind_text(s, 1, "eerste");
	tl_sql_bind_int(s, 2, 1);
	int rc = tl_sql_run_later(s);
	if (!rc) {
		tl_sql_bind_text(s, 1, NULL); /* name is NOT NULL */
		tl_sql_bind_int(s, 2, 2);
		rc = tl_sql_run_later(s);
	}
	if (!rc) {
		tl_sql_bind_text(s, 1, "derde");
		tl_sql_bind_int(s, 2, 3);
		rc = tl_sql_run_later(s);
	}
	if (!rc) {
		assert_null(tl_sql_prepare(db, "SELECT count(*) FROM t"));
		rc = TL_SQL_ERROR;
	}
	const char *m = tl_sql_errmsg(db);
	assert_true(strstr(m, "null") || strstr(m, "NULL"));
	tl_sql_finalize(s);
	tl_sql_rollback(db);
	tl_sql_stmt *q = tl_sql_prepare(db, "SELECT count(*) FROM t");
	assert_int_equal(tl_sql_step(q), TL_SQL_ROW);
	assert_int_equal(tl_sql_col_int(q, 0), 0);
	tl_sql_finalize(q);
}

/* COPY of a key that is already there says so (the store then takes its
 * upsert path), and copies nothing. */
static void test_copy_reports_a_unique_violation(void **state)
{
	tl_sql *db = *state;
	if (tl_sql_kind(db) != TL_SQL_PG)
		skip();
	int rc;
	insert(db, "er", 1, 1, &rc);
	const char *rows = "nieuw\t2\ner\t3\n";
	assert_int_equal(tl_sql_copy(db, "COPY t (name, n) FROM STDIN", rows, strlen(rows)), TL_SQL_CONSTRAINT);
	tl_sql_stmt *q = tl_sql_prepare(db, "SELECT count(*) FROM t");
	assert_int_equal(tl_sql_step(q), TL_SQL_ROW);
	assert_int_equal(tl_sql_col_int(q, 0), 1);
	tl_sql_finalize(q);
}

static void insert_rows(tl_sql *db, int n)
{
	tl_sql_stmt *s = tl_sql_prepare(db, "INSERT INTO t (name, n) VALUES (?1, ?2)");
	assert_non_null(s);
	char name[16];
	for (int i = 0; i < n; i++) {
		snprintf(name, sizeof name, "r%04d", i);
		tl_sql_bind_text(s, 1, name);
		tl_sql_bind_int(s, 2, i);
		assert_int_equal(tl_sql_step(s), TL_SQL_DONE);
		tl_sql_reset(s);
	}
	tl_sql_finalize(s);
}

/* Rows of a SELECT can be walked while other statements run on the same
 * connection (PostgreSQL streams a SELECT's rows: the others must not
 * lose them): a lookup, a write and a statement sent without waiting per
 * row, and the walk still sees every row in order. */
static void test_other_statements_run_while_a_select_is_walked(void **state)
{
	tl_sql *db = *state;
	insert_rows(db, 300);
	assert_int_equal(tl_sql_begin(db), 0);
	tl_sql_stmt *outer = tl_sql_prepare(db, "SELECT name, n FROM t ORDER BY n");
	tl_sql_stmt *look = tl_sql_prepare(db, "SELECT n FROM t WHERE name = ?1");
	tl_sql_stmt *upd = tl_sql_prepare(db, "UPDATE t SET x = ?2 WHERE name = ?1");
	assert_non_null(outer);
	assert_non_null(look);
	assert_non_null(upd);
	int seen = 0;
	while (tl_sql_step(outer) == TL_SQL_ROW) {
		const char *name = tl_sql_col_text(outer, 0);
		assert_int_equal(tl_sql_col_int(outer, 1), seen);
		if (seen % 7 == 0) {
			tl_sql_bind_text(look, 1, name);
			assert_int_equal(tl_sql_step(look), TL_SQL_ROW);
			assert_int_equal(tl_sql_col_int(look, 0), seen);
			tl_sql_reset(look);
			/* the borrowed text of the outer row survives the others */
			tl_sql_bind_text(upd, 1, name);
			tl_sql_bind_double(upd, 2, seen * 0.5);
			if (seen % 2)
				assert_int_equal(tl_sql_run_later(upd), 0);
			else {
				assert_int_equal(tl_sql_step(upd), TL_SQL_DONE);
				tl_sql_reset(upd);
			}
			char want[16];
			snprintf(want, sizeof want, "r%04d", seen);
			assert_string_equal(name, want);
		}
		seen++;
	}
	assert_int_equal(seen, 300);
	tl_sql_finalize(outer);
	tl_sql_finalize(look);
	tl_sql_finalize(upd);
	assert_int_equal(tl_sql_commit(db), 0);
	tl_sql_stmt *q = tl_sql_prepare(db, "SELECT count(*), sum(x) FROM t WHERE x IS NOT NULL");
	assert_int_equal(tl_sql_step(q), TL_SQL_ROW);
	assert_int_equal(tl_sql_col_int(q, 0), 43); /* 0, 7, …, 294 */
	assert_true(tl_sql_col_double(q, 1) == 0.5 * 7 * (42 * 43 / 2));
	tl_sql_finalize(q);
}

/* A SELECT left before its last row (reset, finalize) leaves the
 * connection usable, and runs again in full after a reset. */
static void test_a_select_left_halfway_leaves_the_connection_usable(void **state)
{
	tl_sql *db = *state;
	insert_rows(db, 50);
	tl_sql_stmt *s = tl_sql_prepare(db, "SELECT n FROM t WHERE n >= ?1 ORDER BY n");
	assert_non_null(s);
	tl_sql_bind_int(s, 1, 10);
	assert_int_equal(tl_sql_step(s), TL_SQL_ROW);
	assert_int_equal(tl_sql_col_int(s, 0), 10);
	assert_int_equal(tl_sql_step(s), TL_SQL_ROW);
	tl_sql_reset(s);
	tl_sql_bind_int(s, 1, 45);
	int n = 0;
	while (tl_sql_step(s) == TL_SQL_ROW)
		assert_int_equal(tl_sql_col_int(s, 0), 45 + n++);
	assert_int_equal(n, 5);
	tl_sql_reset(s);
	tl_sql_bind_int(s, 1, 0);
	assert_int_equal(tl_sql_step(s), TL_SQL_ROW);
	tl_sql_finalize(s); /* with 49 rows unread */
	tl_sql_stmt *q = tl_sql_prepare(db, "SELECT count(*) FROM t");
	assert_non_null(q);
	assert_int_equal(tl_sql_step(q), TL_SQL_ROW);
	assert_int_equal(tl_sql_col_int(q, 0), 50);
	tl_sql_finalize(q);
	int rc;
	insert(db, "daarna", 1, 1, &rc);
	assert_int_equal(rc, TL_SQL_DONE);
}

/* A SELECT that fails after some rows says why, and the connection goes on. */
static void test_a_select_failing_midway_says_why(void **state)
{
	tl_sql *db = *state;
	if (tl_sql_kind(db) != TL_SQL_PG)
		skip(); /* SQLite's 1/0 is NULL, not an error */
	insert_rows(db, 20);
	tl_sql_stmt *s = tl_sql_prepare(db, "SELECT 100 / (n - 10) FROM t ORDER BY n");
	assert_non_null(s);
	int rc, rows = 0;
	while ((rc = tl_sql_step(s)) == TL_SQL_ROW)
		rows++;
	assert_int_equal(rc, TL_SQL_ERROR);
	assert_true(rows <= 10);
	assert_non_null(strstr(tl_sql_errmsg(db), "division by zero"));
	tl_sql_finalize(s);
	tl_sql_stmt *q = tl_sql_prepare(db, "SELECT count(*) FROM t");
	assert_int_equal(tl_sql_step(q), TL_SQL_ROW);
	assert_int_equal(tl_sql_col_int(q, 0), 20);
	tl_sql_finalize(q);
}

/* Another connection's change counter, after it settled: notifications
 * travel asynchronously, so poll until it moved past `from`, then a little
 * longer for any that would follow. */
static int64_t settled_version(tl_sql *db, int64_t from)
{
	int64_t v = tl_sql_data_version(db);
	for (int i = 0; i < 200 && v == from; i++) {
		nanosleep(&(struct timespec){0, 10000000}, NULL);
		v = tl_sql_data_version(db);
	}
	nanosleep(&(struct timespec){0, 300000000}, NULL);
	return tl_sql_data_version(db);
}

/* Writes marked as bookkeeping (login sessions) do not move another
 * connection's change counter; a data write after them does, once. */
static void test_bookkeeping_writes_are_not_a_data_change(void **state)
{
	tl_sql *db = *state;
	if (tl_sql_kind(db) != TL_SQL_PG)
		skip(); /* SQLite's PRAGMA data_version moves on any commit */
	tl_sql *other;
	assert_int_equal(tl_sql_open(&other, getenv("TELLING_PG_URI")), 0);
	int64_t v0 = tl_sql_data_version(other); /* starts listening */
	assert_true(v0 >= 0);
	int rc;
	tl_sql_bookkeeping(db, 1);
	insert(db, "sessie", 1, 1, &rc); /* outside a transaction */
	assert_int_equal(tl_sql_begin(db), 0);
	insert(db, "sessie2", 1, 1, &rc); /* and inside one */
	assert_int_equal(tl_sql_commit(db), 0);
	tl_sql_bookkeeping(db, 0);
	insert(db, "gegeven", 1, 1, &rc);
	assert_int_equal(rc, TL_SQL_DONE);
	assert_int_equal(settled_version(other, v0), v0 + 1);
	/* A transaction with both kinds of write counts. */
	assert_int_equal(tl_sql_begin(db), 0);
	insert(db, "gegeven2", 1, 1, &rc);
	tl_sql_bookkeeping(db, 1);
	insert(db, "sessie3", 1, 1, &rc);
	tl_sql_bookkeeping(db, 0);
	assert_int_equal(tl_sql_commit(db), 0);
	assert_int_equal(settled_version(other, v0 + 1), v0 + 2);
	tl_sql_close(other);
}

/* Two connections to one fresh SQLite file: the change counter is between
 * connections, and two connections to :memory: are two databases. */
static void open_lite_pair(char *path, size_t len, tl_sql **a, tl_sql **b)
{
	snprintf(path, len, "/tmp/tl-sql-test-%ld-XXXXXX", (long)getpid());
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	assert_int_equal(tl_sql_open(a, path), 0);
	assert_int_equal(tl_sql_open(b, path), 0);
	assert_int_equal(tl_sql_exec(*a, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
					 " x REAL, n INTEGER)"),
			 0);
}

static void close_lite_pair(const char *path, tl_sql *a, tl_sql *b)
{
	tl_sql_close(a);
	tl_sql_close(b);
	char side[300];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static int64_t counter(tl_sql *db)
{
	tl_sql_stmt *q = tl_sql_prepare(db, "SELECT n FROM data_counter");
	assert_int_equal(tl_sql_step(q), TL_SQL_ROW);
	int64_t n = tl_sql_col_int(q, 0);
	tl_sql_finalize(q);
	return n;
}

/* The same on SQLite, with the counter of migration 13 (schema.c) in
 * place: PRAGMA data_version alone moves on any commit, sessions too. */
static void test_bookkeeping_writes_are_not_a_data_change_on_sqlite(void **state)
{
	(void)state;
	char path[64];
	tl_sql *db, *other;
	open_lite_pair(path, sizeof path, &db, &other);
	assert_int_equal(tl_sql_exec(db, "CREATE TABLE data_counter (id INTEGER PRIMARY KEY CHECK (id = 1),"
					 " n INTEGER NOT NULL);"
					 "INSERT INTO data_counter (id, n) VALUES (1, 0)"),
			 0);
	int64_t n0 = counter(db);
	int64_t v0 = tl_sql_data_version(other);
	assert_true(v0 >= 0);
	int rc;
	tl_sql_bookkeeping(db, 1);
	insert(db, "sessie", 1, 1, &rc); /* outside a transaction */
	assert_int_equal(tl_sql_begin(db), 0);
	insert(db, "sessie2", 1, 1, &rc); /* and inside one */
	assert_int_equal(tl_sql_commit(db), 0);
	tl_sql_bookkeeping(db, 0);
	assert_int_equal(tl_sql_data_version(other), v0);
	insert(db, "gegeven", 1, 1, &rc);
	assert_int_equal(rc, TL_SQL_DONE);
	assert_int_equal(tl_sql_data_version(other), v0 + 1);
	assert_int_equal(tl_sql_data_version(other), v0 + 1);
	/* A transaction with both kinds of write counts, once. */
	assert_int_equal(tl_sql_begin(db), 0);
	insert(db, "gegeven2", 1, 1, &rc);
	tl_sql_bookkeeping(db, 1);
	insert(db, "sessie3", 1, 1, &rc);
	tl_sql_bookkeeping(db, 0);
	assert_int_equal(tl_sql_commit(db), 0);
	assert_int_equal(tl_sql_data_version(other), v0 + 2);
	/* A rolled-back one does not. */
	assert_int_equal(tl_sql_begin(db), 0);
	insert(db, "weg", 1, 1, &rc);
	tl_sql_rollback(db);
	assert_int_equal(tl_sql_data_version(other), v0 + 2);
	/* Nor does a connection's own commit, seen from itself. */
	int64_t mine = tl_sql_data_version(db);
	insert(db, "eigen", 1, 1, &rc);
	assert_int_equal(tl_sql_data_version(db), mine);
	assert_int_equal(tl_sql_data_version(other), v0 + 3);
	tl_sql_bookkeeping(other, 1);
	insert(other, "sessie4", 1, 1, &rc);
	tl_sql_bookkeeping(other, 0);
	assert_int_equal(tl_sql_data_version(db), mine);
	/* One count per transaction that wrote data, whatever else it wrote. */
	assert_int_equal(counter(db), n0 + 3);
	close_lite_pair(path, db, other);
}

/* A store before migration 13 has no counter: every commit by another
 * connection counts, as PRAGMA data_version alone did, and writing works. */
static void test_without_the_counter_every_commit_counts_on_sqlite(void **state)
{
	(void)state;
	char path[64];
	tl_sql *db, *other;
	open_lite_pair(path, sizeof path, &db, &other);
	int64_t v0 = tl_sql_data_version(other);
	int rc;
	tl_sql_bookkeeping(db, 1);
	insert(db, "sessie", 1, 1, &rc);
	tl_sql_bookkeeping(db, 0);
	assert_int_equal(rc, TL_SQL_DONE);
	assert_int_equal(tl_sql_data_version(other), v0 + 1);
	assert_int_equal(tl_sql_begin(db), 0);
	insert(db, "gegeven", 1, 1, &rc);
	assert_int_equal(tl_sql_commit(db), 0);
	assert_int_equal(tl_sql_data_version(other), v0 + 2);
	close_lite_pair(path, db, other);
}

#define ALL(setup)                                                                      \
	cmocka_unit_test_setup_teardown(test_generated_ids_come_back_through_returning, setup, \
					teardown),                                      \
		cmocka_unit_test_setup_teardown(test_a_unique_violation_is_reported_as_such, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_values_round_trip_exactly, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_blobs_round_trip_with_zero_bytes, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_upsert_changes_and_reset, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_rollback_forgets_and_commit_keeps, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_a_bad_statement_says_why, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_run_later_runs_in_order, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_run_later_failure_is_reported, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_copy_reports_a_unique_violation, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_bookkeeping_writes_are_not_a_data_change, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_other_statements_run_while_a_select_is_walked, setup, teardown), \
		cmocka_unit_test_setup_teardown(test_a_select_left_halfway_leaves_the_connection_usable, setup, \
						teardown), \
		cmocka_unit_test_setup_teardown(test_a_select_failing_midway_says_why, setup, teardown)

int main(void)
{
	const struct CMUnitTest lite[] = {ALL(setup_sqlite)};
	int rc = cmocka_run_group_tests_name("sql (SQLite)", lite, NULL, NULL);
	const struct CMUnitTest lite_file[] = {
		cmocka_unit_test(test_bookkeeping_writes_are_not_a_data_change_on_sqlite),
		cmocka_unit_test(test_without_the_counter_every_commit_counts_on_sqlite),
	};
	rc |= cmocka_run_group_tests_name("sql (SQLite file, two connections)", lite_file, NULL, NULL);
	if (getenv("TELLING_PG_URI")) {
		const struct CMUnitTest pg[] = {ALL(setup_pg)};
		rc |= cmocka_run_group_tests_name("sql (PostgreSQL)", pg, NULL, NULL);
	}
	return rc;
}
