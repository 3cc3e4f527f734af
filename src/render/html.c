#include "html.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/str.h"

void tl_html_lit(tl_buf *b, const char *literal)
{
	tl_buf_puts(b, literal);
}

void tl_html_textn(tl_buf *b, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\0': rep = ""; break;
		default: continue;
		}
		tl_buf_put(b, s + start, i - start);
		tl_buf_puts(b, rep);
		start = i + 1;
	}
	tl_buf_put(b, s + start, n - start);
}

void tl_html_text(tl_buf *b, const char *s)
{
	if (s)
		tl_html_textn(b, s, strlen(s));
}

void tl_html_attr(tl_buf *b, const char *name, const char *value)
{
	tl_buf_putc(b, ' ');
	tl_buf_puts(b, name);
	tl_buf_puts(b, "=\"");
	tl_html_text(b, value ? value : "");
	tl_buf_putc(b, '"');
}

void tl_html_int(tl_buf *b, long v)
{
	tl_buf_printf(b, "%ld", v);
}

void tl_html_attr_int(tl_buf *b, const char *name, long v)
{
	tl_buf_putc(b, ' ');
	tl_buf_puts(b, name);
	tl_buf_printf(b, "=\"%ld\"", v);
}

void tl_html_coord(tl_buf *b, double v)
{
	if (!isfinite(v))
		v = 0;
	/* Two decimals are plenty at screen resolution; trim trailing zeros so
	 * golden files stay readable.  snprintf in the C locale always uses '.'
	 * and telling never calls setlocale(). */
	char s[48];
	snprintf(s, sizeof s, "%.2f", round(v * 100) / 100 + 0.0);
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == '0')
		n--;
	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 2 && s[0] == '-' && s[1] == '0')
		tl_buf_putc(b, '0');
	else
		tl_buf_put(b, s, n);
}

void tl_html_attr_num(tl_buf *b, const char *name, double v)
{
	tl_buf_putc(b, ' ');
	tl_buf_puts(b, name);
	tl_buf_puts(b, "=\"");
	tl_html_coord(b, v);
	tl_buf_putc(b, '"');
}

void tl_html_value(tl_buf *b, double v, int decimals, enum tl_unit_kind kind, enum tl_lang lang)
{
	tl_buf tmp = TL_BUF_INIT;
	tl_fmt_value(&tmp, v, decimals, kind, lang);
	tl_html_textn(b, tmp.data, tmp.len);
	tl_buf_free(&tmp);
}

static int safe_url(const char *url)
{
	const char *colon = strchr(url, ':');
	const char *slash = strchr(url, '/');
	if (!colon || (slash && slash < colon))
		return 1; /* relative */
	return tl_starts_with(url, "http://") || tl_starts_with(url, "https://") ||
	       tl_starts_with(url, "mailto:");
}

void tl_html_href(tl_buf *b, const char *url)
{
	tl_html_attr(b, "href", url && safe_url(url) ? url : "#");
}

void tl_html_link(tl_buf *b, const char *url, const char *text)
{
	tl_html_lit(b, "<a");
	tl_html_href(b, url);
	tl_html_lit(b, ">");
	tl_html_text(b, text);
	tl_html_lit(b, "</a>");
}

void tl_html_idify(char *out, size_t n, const char *s)
{
	size_t k = 0;
	int dash = 0;
	if (n == 0)
		return;
	for (; *s && k + 1 < n; s++) {
		unsigned char c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && k > 0 && k + 2 < n)
				out[k++] = '-';
			dash = 0;
			out[k++] = (char)c;
		} else {
			dash = 1;
		}
	}
	out[k] = '\0';
}

void tl_html_scroll_begin(tl_buf *b, const char *what, const char *detail)
{
	tl_buf label = TL_BUF_INIT;
	tl_buf_puts(&label, what ? what : "");
	if (detail && *detail) {
		tl_buf_puts(&label, ": ");
		tl_buf_puts(&label, detail);
	}
	tl_html_lit(b, "<div class=\"tl-table-scroll\" role=\"region\" tabindex=\"0\"");
	tl_html_attr(b, "aria-label", label.data ? label.data : "");
	tl_html_lit(b, ">");
	tl_buf_free(&label);
}
