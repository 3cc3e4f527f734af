/*
 * arena — region allocator: one owner for everything a build or a request
 * allocates.
 *
 * Allocate freely with tl_arena_alloc() and friends; free everything at once
 * with tl_arena_free().  Nothing allocated from an arena is freed on its own.
 * Models loaded from the store, rendered strings and parse results live in the
 * arena of the build (telling build) or of the request (telling serve).
 *
 * Not thread-safe: one arena per thread of work.
 */
#ifndef TL_ARENA_H
#define TL_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct tl_arena tl_arena;

/* A new, empty arena.  Free with tl_arena_free(). */
tl_arena *tl_arena_new(void);
/* Frees the arena and everything allocated from it.  NULL is a no-op. */
void tl_arena_free(tl_arena *a);

/* n bytes, aligned for any type, zeroed.  Valid until tl_arena_free(). */
void *tl_arena_alloc(tl_arena *a, size_t n);
/* count * size bytes, zeroed; aborts on overflow (caller caps input sizes). */
void *tl_arena_array(tl_arena *a, size_t count, size_t size);
/* Copy of s (NULL stays NULL). */
char *tl_arena_strdup(tl_arena *a, const char *s);
/* Copy of the first n bytes of s, NUL-terminated. */
char *tl_arena_strndup(tl_arena *a, const char *s, size_t n);
/* printf into the arena.  Not for HTML: see render/html.h. */
char *tl_arena_printf(tl_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *tl_arena_vprintf(tl_arena *a, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* Bytes handed out so far (for tests and memory reports). */
size_t tl_arena_used(const tl_arena *a);

#define TL_NEW(a, type) ((type *)tl_arena_alloc((a), sizeof(type)))
#define TL_NEW_ARRAY(a, type, n) ((type *)tl_arena_array((a), (n), sizeof(type)))

#endif
