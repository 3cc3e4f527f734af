/*
 * schema — the store's tables and their migrations, in one place.
 *
 * Migration N (1-based) brings a store from version N-1 to N.  Each is plain
 * SQL that both engines accept (TEXT/INTEGER/REAL, no engine-specific types),
 * so the PostgreSQL backend can run the same list.  One translation it needs:
 * obs.key is "INTEGER PRIMARY KEY" (SQLite's rowid alias, 64-bit), which
 * PostgreSQL must read as BIGINT (migration 3).  Never edit a migration that has
 * shipped: add the next one.
 */
#ifndef TL_SCHEMA_H
#define TL_SCHEMA_H

extern const char *const tl_schema_migrations[];
extern const int tl_schema_version; /* number of migrations */

#endif
