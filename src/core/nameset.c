#include "nameset.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

unsigned tl_name_hash(const char *s, size_t n)
{
	unsigned h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

struct tl_name *tl_nameset_find(const struct tl_nameset *set, const char *s, size_t n, unsigned h)
{
	if (!set->cap)
		return NULL;
	for (size_t i = h & (set->cap - 1);; i = (i + 1) & (set->cap - 1)) {
		struct tl_name *e = &set->slot[i];
		if (!e->key)
			return NULL;
		if (e->hash == h && e->len == n && memcmp(e->key, s, n) == 0)
			return e;
	}
}

struct tl_name *tl_nameset_get(const struct tl_nameset *set, const char *s, size_t n)
{
	return tl_nameset_find(set, s, n, tl_name_hash(s, n));
}

/* Keep the table at most half full (capacity a power of two). */
static void grow(struct tl_nameset *set)
{
	size_t cap = set->cap ? set->cap * 2 : 64;
	struct tl_name *slot = xcalloc(cap, sizeof *slot);
	for (size_t i = 0; i < set->cap; i++) {
		const struct tl_name *e = &set->slot[i];
		if (!e->key)
			continue;
		size_t j = e->hash & (cap - 1);
		while (slot[j].key)
			j = (j + 1) & (cap - 1);
		slot[j] = *e;
	}
	free(set->slot);
	set->slot = slot;
	set->cap = cap;
}

struct tl_name *tl_nameset_add(struct tl_nameset *set, tl_arena *a, const char *s, size_t n, unsigned h)
{
	if ((set->n + 1) * 2 > set->cap)
		grow(set);
	size_t i = h & (set->cap - 1);
	while (set->slot[i].key)
		i = (i + 1) & (set->cap - 1);
	struct tl_name *e = &set->slot[i];
	*e = (struct tl_name){tl_arena_strndup(a, s, n), n, h, 0, NULL};
	set->n++;
	return e;
}

struct tl_name *tl_nameset_put(struct tl_nameset *set, tl_arena *a, const char *s, size_t n, int *added)
{
	unsigned h = tl_name_hash(s, n);
	struct tl_name *e = tl_nameset_find(set, s, n, h);
	*added = !e;
	return e ? e : tl_nameset_add(set, a, s, n, h);
}

void tl_nameset_free(struct tl_nameset *set)
{
	free(set->slot);
	*set = (struct tl_nameset)TL_NAMESET_INIT;
}
