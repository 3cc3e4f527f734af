/*
 * html — the only door to HTML and SVG markup.
 *
 * Every byte of markup telling produces goes through these functions, so that
 * escaping cannot be forgotten: literals (trusted, written in our source) go
 * through tl_html_lit(); anything that came from data, files or users goes
 * through tl_html_text() or tl_html_attr(), which escape.  There is no
 * printf-style markup function: numbers are formatted by core/fmt.h and then
 * written as text.  (cgit's htmlf("%s") did not escape, and that is where its
 * XSS bugs came from.)
 *
 * All functions append to a tl_buf owned by the caller.
 */
#ifndef TL_HTML_H
#define TL_HTML_H

#include <stddef.h>

#include "../core/buf.h"
#include "../core/fmt.h"

/* Trusted markup from our own source code: tags, fixed attributes. */
void tl_html_lit(tl_buf *b, const char *literal);
/* Text content: escapes & < > " '. */
void tl_html_text(tl_buf *b, const char *s);
void tl_html_textn(tl_buf *b, const char *s, size_t n);
/* ` name="value"` with the value escaped; name is a literal. */
void tl_html_attr(tl_buf *b, const char *name, const char *value);
/* ` name="123"` for integers and ` name="12.5"` for SVG coordinates
 * (always '.', at most 2 decimals, locale-free). */
void tl_html_attr_int(tl_buf *b, const char *name, long v);
void tl_html_attr_num(tl_buf *b, const char *name, double v);
/* A number as SVG coordinate text (no attribute), e.g. inside a path "d". */
void tl_html_coord(tl_buf *b, double v);
/* An integer as text. */
void tl_html_int(tl_buf *b, long v);
/* A value formatted the Dutch (or English) way, escaped: "74,2%". */
void tl_html_value(tl_buf *b, double v, int decimals, enum tl_unit_kind kind, enum tl_lang lang);
/* ` href="…"` for a relative path or an http(s)/mailto URL.  Other schemes
 * (javascript:, data:) are replaced by "#". */
void tl_html_href(tl_buf *b, const char *url);
/* <a href="url">text</a>, both escaped. */
void tl_html_link(tl_buf *b, const char *url, const char *text);

/* The box around a table that may be wider than the screen:
 * <div class="tl-table-scroll" role="region" tabindex="0" aria-label="…">.
 * Focusable, so a keyboard user can scroll it; named "what: detail" (detail
 * may be NULL), so a screen reader says which table the region holds.  The
 * CSS draws a shadow on the side where columns are hidden.  Close with
 * "</div>". */
void tl_html_scroll_begin(tl_buf *b, const char *what, const char *detail);

/* Turn arbitrary text into an id-safe token ([a-z0-9-]) in out (size n). */
void tl_html_idify(char *out, size_t n, const char *s);

#endif
