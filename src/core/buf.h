/*
 * buf — the growable byte buffer that every renderer writes into.
 *
 * Renderers never write to stdout: they append to a tl_buf passed in, and the
 * caller sends the bytes to a file, an HTTP response or Chromium.  A tl_buf is
 * a value type: zero-initialise it (TL_BUF_INIT), append, then either read
 * b.data/b.len, take ownership with tl_buf_detach(), or tl_buf_free().
 * data is always NUL-terminated after the first append.
 */
#ifndef TL_BUF_H
#define TL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct tl_buf {
	char *data; /* owned; NULL until the first append */
	size_t len;
	size_t cap;
} tl_buf;

#define TL_BUF_INIT {NULL, 0, 0}

void tl_buf_put(tl_buf *b, const void *p, size_t n);
void tl_buf_puts(tl_buf *b, const char *s);
void tl_buf_putc(tl_buf *b, char c);
/* printf-style append.  Never for markup: HTML goes through render/html.h. */
void tl_buf_printf(tl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void tl_buf_vprintf(tl_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Forget the contents, keep the memory. */
void tl_buf_reset(tl_buf *b);
/* Hand the bytes to the caller (free() them); b is empty afterwards.
 * Returns an empty string, not NULL, for an empty buffer. */
char *tl_buf_detach(tl_buf *b, size_t *len);
void tl_buf_free(tl_buf *b);

#endif
