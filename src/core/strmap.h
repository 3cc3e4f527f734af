/*
 * strmap — a string-keyed hash map with arena-owned keys.
 *
 * For lookups on hot paths (region codes, topic keys per imported cell).
 * Keys are copied into the arena given to tl_strmap_new; values are borrowed
 * pointers.  The table itself is heap memory: free with tl_strmap_free.
 */
#ifndef TL_STRMAP_H
#define TL_STRMAP_H

#include <stddef.h>

#include "arena.h"

typedef struct tl_strmap tl_strmap;

tl_strmap *tl_strmap_new(tl_arena *a);
void tl_strmap_free(tl_strmap *m);
/* Insert or replace.  Returns the stored key (arena copy). */
const char *tl_strmap_put(tl_strmap *m, const char *key, void *value);
/* The value, or NULL when absent; *found (may be NULL) tells absent from a NULL value. */
void *tl_strmap_get(const tl_strmap *m, const char *key, int *found);
/* The stored key equal to key, or NULL: lets callers intern strings. */
const char *tl_strmap_key(const tl_strmap *m, const char *key);
size_t tl_strmap_size(const tl_strmap *m);
/* Call fn for every entry, in no particular order. */
void tl_strmap_each(const tl_strmap *m, void (*fn)(const char *key, void *value, void *ctx), void *ctx);

#endif
