/*
 * xalloc — the one door to the C heap for telling's own code.
 *
 * Out of memory in our own code is not recoverable: these wrappers print a
 * message and abort.  Sizes driven by input must be capped and rejected by the
 * caller *before* they reach here (a positioned import error or a 413), so an
 * abort here means a real exhaustion, not hostile input.
 *
 * Memory returned by these functions is freed with free().
 */
#ifndef TL_XALLOC_H
#define TL_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Broken invariant: print "telling: internal error: ..." and abort. */
void tl_panic(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
