/*
 * sql — the seam between the store and a database engine.
 *
 * The store (store_sqlite.c, store_web.c) speaks SQL through these calls
 * only, never through an engine's own API, so one set of statements runs on
 * SQLite (sql_sqlite.c) and on PostgreSQL (sql_pg.c).  The calls map one to
 * one onto SQLite's prepare/bind/step/column/reset/finalize cycle, which is
 * the simplest model both engines can offer.
 *
 * The SQL itself is the portable subset both engines accept:
 *   - parameters are written ?1, ?2, … (the PostgreSQL engine makes them $1);
 *   - upserts are INSERT … ON CONFLICT (cols) DO UPDATE / DO NOTHING, never
 *     INSERT OR REPLACE / OR IGNORE;
 *   - generated ids come back through RETURNING, never last_insert_rowid();
 *   - timestamps are bound from C (tl_sql_now), never strftime('now');
 *   - `a IS DISTINCT FROM b`, not SQLite's `a IS NOT b`; CAST(?1 AS TEXT)
 *     where a parameter's type cannot be inferred (`?1 IS NULL`).
 * Schema scripts (schema.c, run with tl_sql_exec) use the type words
 * INTEGER, REAL, TEXT, BLOB and INTEGER PRIMARY KEY; each engine maps them
 * from the one table in sql.c (tl_sql_pg_types).
 *
 * Ownership: a tl_sql owns its statements' engine resources; every
 * statement must be finalized before tl_sql_close.  Text and blobs are
 * copied when bound.  Column text and blobs are borrowed until the next
 * step, reset or finalize of that statement.
 *
 * Not thread-safe: one connection is used by one thread at a time (the web
 * server holds its db_lock around every use).
 */
#ifndef TL_SQL_H
#define TL_SQL_H

#include <stddef.h>
#include <stdint.h>

typedef struct tl_sql tl_sql;
typedef struct tl_sql_stmt tl_sql_stmt;

enum tl_sql_kind { TL_SQL_SQLITE, TL_SQL_PG };

/* tl_sql_step results. */
enum {
	TL_SQL_ROW = 1,       /* a row is ready: read it with tl_sql_col_* */
	TL_SQL_DONE = 0,      /* the statement ran to completion */
	TL_SQL_ERROR = -1,    /* see tl_sql_errmsg */
	TL_SQL_CONSTRAINT = -2 /* a unique or primary-key violation */
};

/* Open the database `uri` names: "postgresql://…" or "postgres://…" for
 * PostgreSQL, anything else (optionally "sqlite:PATH") a SQLite file,
 * created when missing.  Returns 0, or < 0 with *out still set (when memory
 * allowed) so that tl_sql_errmsg can say why; close it either way. */
int tl_sql_open(tl_sql **out, const char *uri);
void tl_sql_close(tl_sql *db);
/* True when uri names a PostgreSQL database. */
int tl_sql_is_pg_uri(const char *uri);

enum tl_sql_kind tl_sql_kind(const tl_sql *db);
/* The last error on db (borrowed; "" when none). */
const char *tl_sql_errmsg(tl_sql *db);

/* Run a script of ;-separated statements without parameters or rows
 * (schema migrations, bulk deletes).  0 or TL_SQL_ERROR. */
int tl_sql_exec(tl_sql *db, const char *script);

/* Transactions.  begin takes the write lock at once on SQLite (BEGIN
 * IMMEDIATE) so that two writers queue instead of failing at commit. */
int tl_sql_begin(tl_sql *db);
int tl_sql_commit(tl_sql *db);
void tl_sql_rollback(tl_sql *db);

/* Prepare one statement; NULL on error (tl_sql_errmsg says why). */
tl_sql_stmt *tl_sql_prepare(tl_sql *db, const char *sql);

/* Bind parameter i (1-based).  A NULL text binds SQL NULL. */
void tl_sql_bind_int(tl_sql_stmt *s, int i, int64_t v);
void tl_sql_bind_double(tl_sql_stmt *s, int i, double v);
void tl_sql_bind_text(tl_sql_stmt *s, int i, const char *v);
void tl_sql_bind_blob(tl_sql_stmt *s, int i, const void *v, size_t len);
void tl_sql_bind_null(tl_sql_stmt *s, int i);

int tl_sql_step(tl_sql_stmt *s);

/* Run a statement whose rows and change count the caller does not need (an
 * INSERT or UPDATE in a bulk load), then reset it like tl_sql_reset.
 * SQLite runs it at once.  PostgreSQL, inside a transaction, may send it
 * without waiting for its answer (libpq's pipeline mode), so that a burst
 * of them costs a round trip per few hundred instead of one each; an error
 * is then returned by the next call that waits (any other call on db),
 * with the failed statement's message.  0 or TL_SQL_ERROR/CONSTRAINT. */
int tl_sql_run_later(tl_sql_stmt *s);

/* Column i (0-based) of the current row.  NULL reads as 0, 0.0, NULL. */
int tl_sql_col_null(tl_sql_stmt *s, int i);
int64_t tl_sql_col_int(tl_sql_stmt *s, int i);
double tl_sql_col_double(tl_sql_stmt *s, int i);
const char *tl_sql_col_text(tl_sql_stmt *s, int i);
const void *tl_sql_col_blob(tl_sql_stmt *s, int i, size_t *len);

/* Ready the statement to run again, with every parameter unbound (NULL). */
void tl_sql_reset(tl_sql_stmt *s);
/* Free the statement.  NULL is a no-op. */
void tl_sql_finalize(tl_sql_stmt *s);

/* Rows changed by the last INSERT, UPDATE or DELETE on db. */
long tl_sql_changes(tl_sql *db);

/* Whether table `name` exists. */
int tl_sql_has_table(tl_sql *db, const char *name);
/* The schema version a store kept before it had table schema_version
 * (SQLite's PRAGMA user_version); 0 on engines that never had one. */
int tl_sql_legacy_version(tl_sql *db);
/* Keep that old place in step too, so that a telling from before table
 * schema_version refuses a store a newer one upgraded.  0 or TL_SQL_ERROR. */
int tl_sql_set_legacy_version(tl_sql *db, int version);

/* Run `copy` (COPY table (cols) FROM STDIN) with `len` bytes of its text
 * format as input: PostgreSQL's bulk load.  SQLite has no COPY: there it
 * fails, and callers insert row by row instead.  0, TL_SQL_CONSTRAINT when
 * a row's key is already there (nothing copied), or TL_SQL_ERROR. */
int tl_sql_copy(tl_sql *db, const char *copy, const char *data, size_t len);

/* A number that changes whenever another connection commits a change (for
 * telling serve, polled).  -1 on error.  PostgreSQL counts notifications;
 * SQLite reads data_counter (migration 13) when PRAGMA data_version moved,
 * and on a store without that table counts every commit by another. */
int64_t tl_sql_data_version(tl_sql *db);

/* While `on`, writes on db are bookkeeping (login sessions), not data: they
 * do not move other connections' tl_sql_data_version, so a login through
 * one telling serve does not make every other serve on the store reload its
 * report.  Writes made while off count, also in a transaction that made
 * bookkeeping writes too.  On SQLite this needs migration 13 (before it,
 * every commit counts). */
void tl_sql_bookkeeping(tl_sql *db, int on);

/* The current UTC time as 2026-11-29T09:38:00Z, for timestamp columns. */
void tl_sql_now(char out[21]);

#endif
