#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

struct slot {
	const char *key; /* NULL = empty */
	void *value;
	uint64_t hash;
};

struct tl_strmap {
	tl_arena *a;
	struct slot *slots;
	size_t cap;  /* power of two */
	size_t n;
};

/* FNV-1a: short keys, no adversary that matters here (keys come from the
 * agenda and from files the user imports). */
static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

tl_strmap *tl_strmap_new(tl_arena *a)
{
	tl_strmap *m = xcalloc(1, sizeof *m);
	m->a = a;
	m->cap = 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	return m;
}

void tl_strmap_free(tl_strmap *m)
{
	if (!m)
		return;
	free(m->slots);
	free(m);
}

static struct slot *find(const tl_strmap *m, const char *key, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct slot *s = &m->slots[i];
		if (!s->key || (s->hash == h && strcmp(s->key, key) == 0))
			return s;
	}
}

static void grow(tl_strmap *m)
{
	struct slot *old = m->slots;
	size_t oldcap = m->cap;
	m->cap *= 2;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (size_t i = 0; i < oldcap; i++) {
		if (!old[i].key)
			continue;
		struct slot *s = find(m, old[i].key, old[i].hash);
		*s = old[i];
	}
	free(old);
}

const char *tl_strmap_put(tl_strmap *m, const char *key, void *value)
{
	if ((m->n + 1) * 4 > m->cap * 3)
		grow(m);
	uint64_t h = hash(key);
	struct slot *s = find(m, key, h);
	if (!s->key) {
		s->key = tl_arena_strdup(m->a, key);
		s->hash = h;
		m->n++;
	}
	s->value = value;
	return s->key;
}

void *tl_strmap_get(const tl_strmap *m, const char *key, int *found)
{
	struct slot *s = find(m, key, hash(key));
	if (found)
		*found = s->key != NULL;
	return s->key ? s->value : NULL;
}

const char *tl_strmap_key(const tl_strmap *m, const char *key)
{
	return find(m, key, hash(key))->key;
}

size_t tl_strmap_size(const tl_strmap *m)
{
	return m->n;
}

void tl_strmap_each(const tl_strmap *m, void (*fn)(const char *key, void *value, void *ctx), void *ctx)
{
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key)
			fn(m->slots[i].key, m->slots[i].value, ctx);
}
