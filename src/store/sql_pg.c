/*
 * sql_pg — the PostgreSQL engine behind the sql.h seam (not built yet:
 * tl_store_open refuses postgresql:// URIs before reaching it).
 */
#include "sql_engine.h"

int tl_sql_pg_open(tl_sql **out, const char *uri)
{
	(void)uri;
	*out = NULL;
	return TL_SQL_ERROR;
}
