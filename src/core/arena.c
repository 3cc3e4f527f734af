#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "xalloc.h"

/* Blocks form a singly linked list, newest first; large requests get a block
 * of their own so that a big allocation does not waste the current block. */
struct block {
	struct block *next;
	size_t size; /* usable bytes in data[] */
	size_t used;
	max_align_t data[];
};

struct tl_arena {
	struct block *head;
	size_t total; /* bytes handed out */
};

enum { BLOCK_SIZE = 64 * 1024 };
#define ALIGN (sizeof(max_align_t))

tl_arena *tl_arena_new(void)
{
	return xcalloc(1, sizeof(tl_arena));
}

void tl_arena_free(tl_arena *a)
{
	if (!a)
		return;
	struct block *b = a->head;
	while (b) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

static struct block *new_block(size_t size)
{
	struct block *b = xmalloc(sizeof(struct block) + size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void *tl_arena_alloc(tl_arena *a, size_t n)
{
	size_t need = (n + ALIGN - 1) & ~(ALIGN - 1);
	if (need < n)
		tl_panic("arena allocation overflow (%zu bytes)", n);
	struct block *b = a->head;
	if (!b || b->size - b->used < need) {
		if (need > BLOCK_SIZE / 4) {
			/* Own block, linked behind the current one so it stays current. */
			struct block *big = new_block(need);
			if (b) {
				big->next = b->next;
				b->next = big;
			} else {
				a->head = big;
			}
			big->used = need;
			a->total += n;
			memset(big->data, 0, need);
			return big->data;
		}
		b = new_block(BLOCK_SIZE);
		b->next = a->head;
		a->head = b;
	}
	void *p = (char *)b->data + b->used;
	b->used += need;
	a->total += n;
	memset(p, 0, need);
	return p;
}

void *tl_arena_array(tl_arena *a, size_t count, size_t size)
{
	if (size && count > SIZE_MAX / size)
		tl_panic("arena array overflow (%zu x %zu)", count, size);
	return tl_arena_alloc(a, count * size);
}

char *tl_arena_strndup(tl_arena *a, const char *s, size_t n)
{
	char *p = tl_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *tl_arena_strdup(tl_arena *a, const char *s)
{
	return s ? tl_arena_strndup(a, s, strlen(s)) : NULL;
}

char *tl_arena_vprintf(tl_arena *a, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		tl_panic("bad format string");
	char *p = tl_arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *tl_arena_printf(tl_arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = tl_arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

size_t tl_arena_used(const tl_arena *a)
{
	return a->total;
}
