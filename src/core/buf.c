#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

/* Cap far above any page we render; hitting it is a bug, not input. */
#define BUF_MAX ((size_t)1 << 31)

static void grow(tl_buf *b, size_t extra)
{
	if (extra > BUF_MAX - b->len)
		tl_panic("buffer would exceed %zu bytes", (size_t)BUF_MAX);
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	b->cap = cap;
}

void tl_buf_put(tl_buf *b, const void *p, size_t n)
{
	grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void tl_buf_puts(tl_buf *b, const char *s)
{
	tl_buf_put(b, s, strlen(s));
}

void tl_buf_putc(tl_buf *b, char c)
{
	grow(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void tl_buf_vprintf(tl_buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		tl_panic("bad format string");
	grow(b, (size_t)n);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void tl_buf_printf(tl_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tl_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void tl_buf_reset(tl_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

char *tl_buf_detach(tl_buf *b, size_t *len)
{
	char *p = b->data ? b->data : xstrdup("");
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

void tl_buf_free(tl_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}
