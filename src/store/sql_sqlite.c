/*
 * sql_sqlite — the SQLite engine behind the sql.h seam.
 *
 * A thin layer: SQLite's own prepare/bind/step cycle is what the seam is
 * modelled on.  The file is opened in WAL mode (readers such as telling
 * serve are not blocked by an import; a process killed mid-import leaves
 * the last committed state) with foreign keys enforced.
 *
 * Change counter (tl_sql_data_version): PRAGMA data_version moves on any
 * commit by another connection, login sessions too, and a login through
 * one telling serve then made every other serve on the file reload its
 * whole report.  So a commit that changed data also adds one to
 * data_counter.n (migration 13), in the same transaction; a write outside
 * a transaction adds it right after, in one of its own.  What changed is
 * read from sqlite3_total_changes64 at the commit, not per statement: the
 * import's hot path pays nothing.  Writes made while bookkeeping
 * (tl_sql_bookkeeping) are left out of that count.  A reader asks PRAGMA
 * data_version first (no I/O) and reads data_counter only when it moved;
 * its own count grows when data_counter did.  On a store before migration
 * 13 (none yet, or while migrating) every commit by another connection
 * counts, as PRAGMA data_version alone did.  Schema changes that write no
 * row do not count; every migration writes schema_version.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"
#include "sql_engine.h"

struct lite {
	struct tl_sql base;
	sqlite3 *db;
	char *err; /* a message of our own (exec), else sqlite3_errmsg */
	sqlite3_stmt *bump;  /* adds one to data_counter.n; NULL until it exists */
	int in_tx;           /* between lite_begin and its commit or rollback */
	int bookkeeping;     /* writes now are not data (tl_sql_bookkeeping) */
	int wrote;           /* data written before the last bookkeeping began */
	int64_t mark;        /* total changes when the current data run began */
	int64_t seen_pv;     /* PRAGMA data_version at the last poll; -1 none */
	int64_t seen_n;      /* data_counter.n then; -1 when it had none */
	int64_t version;     /* what tl_sql_data_version returns */
};

struct lite_stmt {
	struct tl_sql_stmt base;
	sqlite3_stmt *s;
};

static struct lite *L(tl_sql *db)
{
	return (struct lite *)db;
}

static sqlite3_stmt *S(tl_sql_stmt *s)
{
	return ((struct lite_stmt *)s)->s;
}

static void set_err(struct lite *l, const char *msg)
{
	free(l->err);
	l->err = msg ? xstrdup(msg) : NULL;
}

static void lite_close(tl_sql *db)
{
	struct lite *l = L(db);
	sqlite3_finalize(l->bump);
	sqlite3_close(l->db);
	free(l->err);
	free(l);
}

static const char *lite_errmsg(tl_sql *db)
{
	struct lite *l = L(db);
	if (l->err)
		return l->err;
	return l->db ? sqlite3_errmsg(l->db) : "out of memory";
}

static int raw_exec(tl_sql *db, const char *script)
{
	struct lite *l = L(db);
	char *msg = NULL;
	if (sqlite3_exec(l->db, script, NULL, NULL, &msg) != SQLITE_OK) {
		set_err(l, msg ? msg : "error");
		sqlite3_free(msg);
		return TL_SQL_ERROR;
	}
	set_err(l, NULL);
	return 0;
}

/* Whether data changed since the transaction (or the last autocommit
 * write) began, leaving out bookkeeping writes. */
static int wrote_data(struct lite *l)
{
	return l->wrote || (!l->bookkeeping && sqlite3_total_changes64(l->db) != l->mark);
}

/* Start counting afresh: after a commit, a rollback or an autocommit. */
static void count_from_now(struct lite *l)
{
	l->wrote = 0;
	l->mark = sqlite3_total_changes64(l->db);
}

/* Add one to data_counter.n when data changed.  Before migration 13 there
 * is no counter: nothing to do.  Our own bump must not read as another's
 * change at our next poll: when the counter had not moved since that poll
 * but for us, the poll's value follows it. */
static int bump(struct lite *l)
{
	if (!wrote_data(l))
		return 0;
	if (!l->bump &&
	    sqlite3_prepare_v2(l->db, "UPDATE data_counter SET n = n + 1 RETURNING n", -1, &l->bump, NULL) != SQLITE_OK) {
		l->bump = NULL; /* no such table (yet) */
		return 0;
	}
	int rc = sqlite3_step(l->bump);
	if (rc == SQLITE_ROW) {
		int64_t n = sqlite3_column_int64(l->bump, 0);
		if (l->seen_n >= 0 && n == l->seen_n + 1)
			l->seen_n = n;
		rc = sqlite3_step(l->bump);
	}
	if (rc != SQLITE_DONE)
		set_err(l, sqlite3_errmsg(l->db));
	sqlite3_reset(l->bump);
	return rc == SQLITE_DONE ? 0 : TL_SQL_ERROR;
}

/* After a statement outside a transaction: its write has committed on its
 * own, so the counter follows in a commit of its own.  The caller checks
 * in_tx first, so that statements in a transaction (the import) pay one
 * branch. */
static void autocommitted(struct lite *l)
{
	if (!sqlite3_get_autocommit(l->db))
		return; /* a transaction begun by a script (SAVEPOINT) */
	if (wrote_data(l)) {
		bump(l);
		count_from_now(l);
	}
}

static int lite_exec(tl_sql *db, const char *script)
{
	struct lite *l = L(db);
	int rc = raw_exec(db, script);
	if (!l->in_tx)
		autocommitted(l);
	return rc;
}

static int lite_begin(tl_sql *db)
{
	struct lite *l = L(db);
	int rc = raw_exec(db, "BEGIN IMMEDIATE");
	if (!rc) {
		l->in_tx = 1;
		count_from_now(l);
	}
	return rc;
}

static int lite_commit(tl_sql *db)
{
	struct lite *l = L(db);
	int64_t seen_n = l->seen_n;
	int rc = bump(l);
	if (!rc)
		rc = raw_exec(db, "COMMIT");
	if (rc)
		l->seen_n = seen_n; /* our bump did not land */
	if (sqlite3_get_autocommit(l->db)) {
		l->in_tx = 0;
		count_from_now(l);
	}
	return rc;
}

static void lite_rollback(tl_sql *db)
{
	struct lite *l = L(db);
	sqlite3_exec(l->db, "ROLLBACK", NULL, NULL, NULL);
	l->in_tx = 0;
	count_from_now(l);
}

static tl_sql_stmt *lite_prepare(tl_sql *db, const char *sql)
{
	struct lite *l = L(db);
	sqlite3_stmt *s;
	set_err(l, NULL);
	if (sqlite3_prepare_v2(l->db, sql, -1, &s, NULL) != SQLITE_OK)
		return NULL;
	struct lite_stmt *ls = xcalloc(1, sizeof *ls);
	ls->base.db = db;
	ls->s = s;
	return &ls->base;
}

static void lite_bind_int(tl_sql_stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(S(s), i, v);
}

static void lite_bind_double(tl_sql_stmt *s, int i, double v)
{
	sqlite3_bind_double(S(s), i, v);
}

static void lite_bind_text(tl_sql_stmt *s, int i, const char *v)
{
	sqlite3_bind_text(S(s), i, v, -1, SQLITE_TRANSIENT);
}

static void lite_bind_blob(tl_sql_stmt *s, int i, const void *v, size_t len)
{
	sqlite3_bind_blob64(S(s), i, len ? v : "", len, SQLITE_TRANSIENT);
}

static void lite_bind_null(tl_sql_stmt *s, int i)
{
	sqlite3_bind_null(S(s), i);
}

static int lite_step(tl_sql_stmt *s)
{
	set_err(L(s->db), NULL);
	struct lite *l = L(s->db);
	int rc = sqlite3_step(S(s));
	if (rc == SQLITE_ROW)
		return TL_SQL_ROW;
	if (rc == SQLITE_DONE) {
		if (!l->in_tx)
			autocommitted(l);
		return TL_SQL_DONE;
	}
	int ext = sqlite3_extended_errcode(L(s->db)->db);
	if (ext == SQLITE_CONSTRAINT_PRIMARYKEY || ext == SQLITE_CONSTRAINT_UNIQUE)
		return TL_SQL_CONSTRAINT;
	return TL_SQL_ERROR;
}

static int lite_col_null(tl_sql_stmt *s, int i)
{
	return sqlite3_column_type(S(s), i) == SQLITE_NULL;
}

static int64_t lite_col_int(tl_sql_stmt *s, int i)
{
	return sqlite3_column_int64(S(s), i);
}

static double lite_col_double(tl_sql_stmt *s, int i)
{
	return sqlite3_column_double(S(s), i);
}

static const char *lite_col_text(tl_sql_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(S(s), i);
}

static const void *lite_col_blob(tl_sql_stmt *s, int i, size_t *len)
{
	const void *p = sqlite3_column_blob(S(s), i);
	*len = (size_t)sqlite3_column_bytes(S(s), i);
	return p;
}

/* A statement left before its last row (INSERT … RETURNING read once)
 * commits outside a transaction when it is reset or finalized. */
static void lite_reset(tl_sql_stmt *s)
{
	sqlite3_reset(S(s));
	sqlite3_clear_bindings(S(s));
	if (!L(s->db)->in_tx)
		autocommitted(L(s->db));
}

/* SQLite is in-process: there is no round trip to save. */
static int lite_run_later(tl_sql_stmt *s)
{
	int rc = lite_step(s);
	if (rc < 0)
		set_err(L(s->db), sqlite3_errmsg(L(s->db)->db)); /* before the reset */
	lite_reset(s);
	return rc < 0 ? rc : 0;
}

static void lite_finalize(tl_sql_stmt *s)
{
	struct lite *l = L(s->db);
	sqlite3_finalize(S(s));
	free(s);
	if (!l->in_tx)
		autocommitted(l);
}

static long lite_changes(tl_sql *db)
{
	return sqlite3_changes(L(db)->db);
}

static int64_t lite_int_query(tl_sql *db, const char *sql, const char *arg)
{
	sqlite3_stmt *s;
	int64_t v = -1;
	if (sqlite3_prepare_v2(L(db)->db, sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (arg)
		sqlite3_bind_text(s, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

static int lite_has_table(tl_sql *db, const char *name)
{
	return lite_int_query(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
			      name) > 0;
}

static int lite_legacy_version(tl_sql *db)
{
	return (int)lite_int_query(db, "PRAGMA user_version", NULL);
}

static int lite_set_legacy_version(tl_sql *db, int version)
{
	char sql[48];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", version);
	return lite_exec(db, sql);
}

static int64_t lite_data_version(tl_sql *db)
{
	struct lite *l = L(db);
	int64_t pv = lite_int_query(db, "PRAGMA data_version", NULL);
	if (pv < 0)
		return -1;
	if (pv == l->seen_pv)
		return l->version;
	/* -1 before migration 13: then every commit by another counts. */
	int64_t n = lite_int_query(db, "SELECT n FROM data_counter", NULL);
	if (l->seen_pv >= 0 && (n < 0 || n != l->seen_n))
		l->version++;
	l->seen_pv = pv;
	l->seen_n = n;
	return l->version;
}

static void lite_bookkeeping(tl_sql *db, int on)
{
	struct lite *l = L(db);
	if (!on == !l->bookkeeping)
		return;
	if (on)
		l->wrote = wrote_data(l);
	else
		l->mark = sqlite3_total_changes64(l->db);
	l->bookkeeping = on;
}

static int lite_copy(tl_sql *db, const char *copy, const char *data, size_t len)
{
	(void)copy;
	(void)data;
	(void)len;
	set_err(L(db), "COPY is PostgreSQL's; SQLite inserts row by row");
	return TL_SQL_ERROR;
}

static const struct tl_sql_ops lite_ops = {
	.kind = TL_SQL_SQLITE,
	.close = lite_close,
	.errmsg = lite_errmsg,
	.exec = lite_exec,
	.begin = lite_begin,
	.commit = lite_commit,
	.rollback = lite_rollback,
	.prepare = lite_prepare,
	.bind_int = lite_bind_int,
	.bind_double = lite_bind_double,
	.bind_text = lite_bind_text,
	.bind_blob = lite_bind_blob,
	.bind_null = lite_bind_null,
	.step = lite_step,
	.run_later = lite_run_later,
	.col_null = lite_col_null,
	.col_int = lite_col_int,
	.col_double = lite_col_double,
	.col_text = lite_col_text,
	.col_blob = lite_col_blob,
	.reset = lite_reset,
	.finalize = lite_finalize,
	.changes = lite_changes,
	.has_table = lite_has_table,
	.legacy_version = lite_legacy_version,
	.set_legacy_version = lite_set_legacy_version,
	.data_version = lite_data_version,
	.bookkeeping = lite_bookkeeping,
	.copy = lite_copy,
};

int tl_sql_sqlite_open(tl_sql **out, const char *path)
{
	struct lite *l = xcalloc(1, sizeof *l);
	l->base.ops = &lite_ops;
	l->seen_pv = -1;
	l->seen_n = -1;
	*out = &l->base;
	if (!*path) {
		set_err(l, "empty database path");
		return TL_SQL_ERROR;
	}
	/* NOMUTEX: a connection is used by one thread at a time (sql.h; the
	 * server holds its db_lock around every use), so SQLite's own per-call
	 * mutex is pure cost on the import's hot path. */
	if (sqlite3_open_v2(path, &l->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
			    NULL) != SQLITE_OK) {
		if (l->db)
			set_err(l, sqlite3_errmsg(l->db));
		return TL_SQL_ERROR;
	}
	sqlite3_busy_timeout(l->db, 5000);
	if (raw_exec(*out, "PRAGMA foreign_keys = ON") ||
	    (strcmp(path, ":memory:") != 0 && raw_exec(*out, "PRAGMA journal_mode = WAL")) ||
	    raw_exec(*out, "PRAGMA synchronous = NORMAL"))
		return TL_SQL_ERROR;
	return 0;
}
