/*
 * sql_engine — what an engine behind the sql.h seam provides.
 *
 * sql.c dispatches every tl_sql_* call through the connection's ops table;
 * an engine's connection and statement structs start with struct tl_sql and
 * struct tl_sql_stmt so that sql.c can reach the table.
 */
#ifndef TL_SQL_ENGINE_H
#define TL_SQL_ENGINE_H

#include "sql.h"

struct tl_sql_ops {
	enum tl_sql_kind kind;
	void (*close)(tl_sql *db);
	const char *(*errmsg)(tl_sql *db);
	int (*exec)(tl_sql *db, const char *script);
	int (*begin)(tl_sql *db);
	int (*commit)(tl_sql *db);
	void (*rollback)(tl_sql *db);
	tl_sql_stmt *(*prepare)(tl_sql *db, const char *sql);
	void (*bind_int)(tl_sql_stmt *s, int i, int64_t v);
	void (*bind_double)(tl_sql_stmt *s, int i, double v);
	void (*bind_text)(tl_sql_stmt *s, int i, const char *v);
	void (*bind_blob)(tl_sql_stmt *s, int i, const void *v, size_t len);
	void (*bind_null)(tl_sql_stmt *s, int i);
	int (*step)(tl_sql_stmt *s);
	int (*run_later)(tl_sql_stmt *s);
	int (*col_null)(tl_sql_stmt *s, int i);
	int64_t (*col_int)(tl_sql_stmt *s, int i);
	double (*col_double)(tl_sql_stmt *s, int i);
	const char *(*col_text)(tl_sql_stmt *s, int i);
	const void *(*col_blob)(tl_sql_stmt *s, int i, size_t *len);
	void (*reset)(tl_sql_stmt *s);
	void (*finalize)(tl_sql_stmt *s);
	long (*changes)(tl_sql *db);
	int (*has_table)(tl_sql *db, const char *name);
	int (*legacy_version)(tl_sql *db);
	int (*set_legacy_version)(tl_sql *db, int version);
	int64_t (*data_version)(tl_sql *db);
	void (*bookkeeping)(tl_sql *db, int on); /* NULL: no effect */
	int (*copy)(tl_sql *db, const char *copy, const char *data, size_t len);
};

struct tl_sql {
	const struct tl_sql_ops *ops;
};

struct tl_sql_stmt {
	tl_sql *db;
};

/* Engine constructors: *out set whenever memory allowed (see tl_sql_open). */
int tl_sql_sqlite_open(tl_sql **out, const char *path);
int tl_sql_pg_open(tl_sql **out, const char *uri);

#endif
