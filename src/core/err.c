#include "err.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xalloc.h"

void tl_errors_vadd(tl_errors *e, int warning, const char *file, unsigned line, unsigned col,
		    const char *field, const char *fmt, va_list ap)
{
	size_t limit = e->limit ? e->limit : 100;
	if (warning)
		e->warnings++;
	if (e->n >= limit) {
		if (!warning)
			e->dropped++;
		return;
	}
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 8;
		e->items = xrealloc(e->items, e->cap * sizeof *e->items);
		e->is_warning = xrealloc(e->is_warning, e->cap);
	}
	tl_buf b = TL_BUF_INIT;
	tl_buf_vprintf(&b, fmt, ap);
	struct tl_error *it = &e->items[e->n];
	it->file = file ? xstrdup(file) : NULL;
	it->line = line;
	it->col = col;
	it->field = field ? xstrdup(field) : NULL;
	it->msg = tl_buf_detach(&b, NULL);
	e->is_warning[e->n] = (unsigned char)warning;
	e->n++;
}

void tl_errors_add(tl_errors *e, const char *file, unsigned line, unsigned col,
		   const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tl_errors_vadd(e, 0, file, line, col, field, fmt, ap);
	va_end(ap);
}

void tl_errors_warn(tl_errors *e, const char *file, unsigned line, unsigned col,
		    const char *field, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tl_errors_vadd(e, 1, file, line, col, field, fmt, ap);
	va_end(ap);
}

size_t tl_errors_count(const tl_errors *e)
{
	size_t n = e->dropped;
	for (size_t i = 0; i < e->n; i++)
		if (!e->is_warning[i])
			n++;
	return n;
}

int tl_errors_failed(const tl_errors *e)
{
	return tl_errors_count(e) > 0;
}

char *tl_error_format(const struct tl_error *it, int warning)
{
	tl_buf b = TL_BUF_INIT;
	if (it->file) {
		tl_buf_puts(&b, it->file);
		if (it->line) {
			tl_buf_printf(&b, ":%u", it->line);
			if (it->col)
				tl_buf_printf(&b, ":%u", it->col);
		}
		tl_buf_puts(&b, ": ");
	}
	if (warning)
		tl_buf_puts(&b, "warning: ");
	tl_buf_puts(&b, it->msg);
	return tl_buf_detach(&b, NULL);
}

void tl_errors_print(const tl_errors *e, FILE *out)
{
	for (size_t i = 0; i < e->n; i++) {
		char *s = tl_error_format(&e->items[i], e->is_warning[i]);
		fprintf(out, "%s\n", s);
		free(s);
	}
	if (e->dropped)
		fprintf(out, "... and %zu more error%s not shown\n", e->dropped,
			e->dropped == 1 ? "" : "s");
}

void tl_errors_free(tl_errors *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->items[i].file);
		free(e->items[i].field);
		free(e->items[i].msg);
	}
	free(e->items);
	free(e->is_warning);
	e->items = NULL;
	e->is_warning = NULL;
	e->n = e->cap = e->dropped = e->warnings = 0;
}
