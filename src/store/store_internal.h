/*
 * store_internal — what the store's own files share, and nobody else sees.
 *
 * store_sqlite.c owns the connection; store_web.c (accounts, sessions,
 * audit, publications) runs its statements on the same connection.
 */
#ifndef TL_STORE_INTERNAL_H
#define TL_STORE_INTERNAL_H

#include "sql.h"
#include "store.h"

/* The connection behind st.  Borrowed: valid until tl_store_close(). */
tl_sql *tl_store_sql(tl_store *st);
/* The URI the store was opened with, for messages.  Borrowed. */
const char *tl_store_uri(const tl_store *st);

#endif
