/*
 * sql — dispatch of the sql.h seam to the engine a URI names.
 */
#include "sql.h"

#include <string.h>
#include <time.h>

#include "../core/str.h"
#include "sql_engine.h"

int tl_sql_is_pg_uri(const char *uri)
{
	return tl_starts_with(uri, "postgresql://") || tl_starts_with(uri, "postgres://");
}

int tl_sql_open(tl_sql **out, const char *uri)
{
	*out = NULL;
	if (tl_sql_is_pg_uri(uri))
		return tl_sql_pg_open(out, uri);
	if (tl_starts_with(uri, "sqlite:"))
		uri += strlen("sqlite:");
	return tl_sql_sqlite_open(out, uri);
}

void tl_sql_close(tl_sql *db)
{
	if (db)
		db->ops->close(db);
}

enum tl_sql_kind tl_sql_kind(const tl_sql *db)
{
	return db->ops->kind;
}

const char *tl_sql_errmsg(tl_sql *db)
{
	return db->ops->errmsg(db);
}

int tl_sql_exec(tl_sql *db, const char *script)
{
	return db->ops->exec(db, script);
}

int tl_sql_begin(tl_sql *db)
{
	return db->ops->begin(db);
}

int tl_sql_commit(tl_sql *db)
{
	return db->ops->commit(db);
}

void tl_sql_rollback(tl_sql *db)
{
	db->ops->rollback(db);
}

tl_sql_stmt *tl_sql_prepare(tl_sql *db, const char *sql)
{
	return db->ops->prepare(db, sql);
}

void tl_sql_bind_int(tl_sql_stmt *s, int i, int64_t v)
{
	s->db->ops->bind_int(s, i, v);
}

void tl_sql_bind_double(tl_sql_stmt *s, int i, double v)
{
	s->db->ops->bind_double(s, i, v);
}

void tl_sql_bind_text(tl_sql_stmt *s, int i, const char *v)
{
	if (v)
		s->db->ops->bind_text(s, i, v);
	else
		s->db->ops->bind_null(s, i);
}

void tl_sql_bind_blob(tl_sql_stmt *s, int i, const void *v, size_t len)
{
	s->db->ops->bind_blob(s, i, v, len);
}

void tl_sql_bind_null(tl_sql_stmt *s, int i)
{
	s->db->ops->bind_null(s, i);
}

int tl_sql_step(tl_sql_stmt *s)
{
	return s->db->ops->step(s);
}

int tl_sql_col_null(tl_sql_stmt *s, int i)
{
	return s->db->ops->col_null(s, i);
}

int64_t tl_sql_col_int(tl_sql_stmt *s, int i)
{
	return s->db->ops->col_int(s, i);
}

double tl_sql_col_double(tl_sql_stmt *s, int i)
{
	return s->db->ops->col_double(s, i);
}

const char *tl_sql_col_text(tl_sql_stmt *s, int i)
{
	return s->db->ops->col_text(s, i);
}

const void *tl_sql_col_blob(tl_sql_stmt *s, int i, size_t *len)
{
	return s->db->ops->col_blob(s, i, len);
}

int tl_sql_run_later(tl_sql_stmt *s)
{
	return s->db->ops->run_later(s);
}

void tl_sql_reset(tl_sql_stmt *s)
{
	s->db->ops->reset(s);
}

void tl_sql_finalize(tl_sql_stmt *s)
{
	if (s)
		s->db->ops->finalize(s);
}

long tl_sql_changes(tl_sql *db)
{
	return db->ops->changes(db);
}

int tl_sql_has_table(tl_sql *db, const char *name)
{
	return db->ops->has_table(db, name);
}

int tl_sql_legacy_version(tl_sql *db)
{
	return db->ops->legacy_version(db);
}

int tl_sql_set_legacy_version(tl_sql *db, int version)
{
	return db->ops->set_legacy_version(db, version);
}

int tl_sql_copy(tl_sql *db, const char *copy, const char *data, size_t len)
{
	return db->ops->copy(db, copy, data, len);
}

int64_t tl_sql_data_version(tl_sql *db)
{
	return db->ops->data_version(db);
}

void tl_sql_bookkeeping(tl_sql *db, int on)
{
	if (db->ops->bookkeeping)
		db->ops->bookkeeping(db, on);
}

void tl_sql_now(char out[21])
{
	time_t t = time(NULL);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
