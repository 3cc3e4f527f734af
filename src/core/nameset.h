/*
 * nameset — a set of byte-slice names with a small payload each.
 *
 * For importers that meet the same few codes millions of times (a CBS code
 * list, an RMBW file's regions): looked up by (pointer, length) without
 * making a NUL-terminated copy first.  Open addressing with linear probing;
 * keys are copied into the caller's arena, the slot table is heap memory:
 * free it with tl_nameset_free.  Entries are owned by the set and move when
 * it grows, so a pointer to one is valid until the next add.
 */
#ifndef TL_NAMESET_H
#define TL_NAMESET_H

#include <stddef.h>

#include "arena.h"

struct tl_name {
	const char *key;    /* arena copy; NULL = free slot */
	size_t len;
	unsigned hash;
	int val;            /* the owner's: a status, a flag */
	const char *aux;    /* the owner's: e.g. a region's first name */
};

struct tl_nameset {
	struct tl_name *slot; /* owned */
	size_t cap, n;
};

#define TL_NAMESET_INIT {NULL, 0, 0}

/* The hash the set uses, for callers that look a name up more than once. */
unsigned tl_name_hash(const char *s, size_t n);
/* The entry for s[0..n) whose hash is h, or NULL. */
struct tl_name *tl_nameset_find(const struct tl_nameset *set, const char *s, size_t n, unsigned h);
/* The same, hashing s itself. */
struct tl_name *tl_nameset_get(const struct tl_nameset *set, const char *s, size_t n);
/* Add s[0..n), known to be absent, with val 0 and aux NULL. */
struct tl_name *tl_nameset_add(struct tl_nameset *set, tl_arena *a, const char *s, size_t n, unsigned h);
/* The entry for s[0..n), added when absent; *added tells which. */
struct tl_name *tl_nameset_put(struct tl_nameset *set, tl_arena *a, const char *s, size_t n, int *added);
/* Free the slot table (not the keys: they are the arena's). */
void tl_nameset_free(struct tl_nameset *set);

#endif
