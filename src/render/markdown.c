#include "markdown.h"

#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"
#include "html.h"

struct r {
	tl_buf *out;        /* final output */
	tl_buf *cur;        /* where inline content goes (out, or the heading buffer) */
	tl_buf heading;     /* markup of the heading being collected */
	tl_buf plain;       /* plain text of the heading, for its id */
	unsigned level;
	const struct tl_md_opts *o;
	int link_depth;     /* >0 inside a link we chose to drop */
	int img_depth;      /* >0 inside an image: only its alt text is written */
	int table_head;
	int tables;         /* tables so far, to name each one's scroll region apart */
};

/* Copy an md4c attribute into a NUL-terminated buffer (entities kept). */
static void attr_text(tl_buf *b, const MD_ATTRIBUTE *a)
{
	tl_buf_reset(b);
	tl_buf_put(b, a->text, a->size);
}

static int useful_href(const char *h)
{
	return h && *h && strcmp(h, "#") != 0;
}

/* "verhalen/<slug>.html" becomes "#interview-<slug>" (local_stories). */
static void story_anchor(tl_buf *href)
{
	const char *h = href->data, *dir = "verhalen/", *ext = ".html";
	size_t n = href->len, nd = strlen(dir), ne = strlen(ext);
	if (n <= nd + ne || strncmp(h, dir, nd) != 0 || strcmp(h + n - ne, ext) != 0 ||
	    memchr(h + nd, '/', n - nd - ne) || memchr(h + nd, '#', n - nd - ne))
		return;
	tl_buf t = TL_BUF_INIT;
	tl_buf_puts(&t, "#interview-");
	tl_buf_put(&t, h + nd, n - nd - ne);
	tl_buf_reset(href);
	tl_buf_put(href, t.data, t.len);
	tl_buf_free(&t);
}

static const char *const htags_open[] = {"<h1", "<h2", "<h3", "<h4", "<h5", "<h6"};
static const char *const htags_close[] = {"</h1>\n", "</h2>\n", "</h3>\n", "</h4>\n", "</h5>\n", "</h6>\n"};

static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct r *r = ud;
	tl_buf *b = r->out;
	switch (type) {
	case MD_BLOCK_DOC: break;
	case MD_BLOCK_QUOTE: tl_html_lit(b, "<blockquote>\n"); break;
	case MD_BLOCK_UL: tl_html_lit(b, "<ul>\n"); break;
	case MD_BLOCK_OL: {
		const MD_BLOCK_OL_DETAIL *d = detail;
		tl_html_lit(b, "<ol");
		if (d->start != 1)
			tl_html_attr_int(b, "start", (long)d->start);
		tl_html_lit(b, ">\n");
		break;
	}
	case MD_BLOCK_LI: tl_html_lit(b, "<li>"); break;
	case MD_BLOCK_HR: tl_html_lit(b, "<hr>\n"); break;
	case MD_BLOCK_H: {
		const MD_BLOCK_H_DETAIL *d = detail;
		unsigned lv = d->level + (unsigned)(r->o->heading_shift > 0 ? r->o->heading_shift : 0);
		r->level = lv > 6 ? 6 : lv;
		tl_buf_reset(&r->heading);
		tl_buf_reset(&r->plain);
		r->cur = &r->heading;
		break;
	}
	case MD_BLOCK_CODE: tl_html_lit(b, "<pre><code>"); break;
	case MD_BLOCK_HTML: break; /* disabled by flags; never reached */
	case MD_BLOCK_P: tl_html_lit(b, "<p>"); break;
	case MD_BLOCK_TABLE: {
		/* "Tabel 2: <the heading above>": a name unique on the page */
		char what[32];
		snprintf(what, sizeof what, "%s %d", r->o->lang == TL_LANG_EN ? "Table" : "Tabel", ++r->tables);
		tl_html_scroll_begin(b, what, r->plain.data);
		tl_html_lit(b, "<table class=\"utrecht-table\">\n");
		break;
	}
	case MD_BLOCK_THEAD: r->table_head = 1; tl_html_lit(b, "<thead>\n"); break;
	case MD_BLOCK_TBODY: r->table_head = 0; tl_html_lit(b, "<tbody>\n"); break;
	case MD_BLOCK_TR: tl_html_lit(b, "<tr>"); break;
	case MD_BLOCK_TH: tl_html_lit(b, "<th scope=\"col\">"); break;
	case MD_BLOCK_TD: tl_html_lit(b, "<td>"); break;
	}
	return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct r *r = ud;
	tl_buf *b = r->out;
	(void)detail;
	switch (type) {
	case MD_BLOCK_DOC: break;
	case MD_BLOCK_QUOTE: tl_html_lit(b, "</blockquote>\n"); break;
	case MD_BLOCK_UL: tl_html_lit(b, "</ul>\n"); break;
	case MD_BLOCK_OL: tl_html_lit(b, "</ol>\n"); break;
	case MD_BLOCK_LI: tl_html_lit(b, "</li>\n"); break;
	case MD_BLOCK_HR: break;
	case MD_BLOCK_H: {
		char id[96];
		char base[80];
		tl_html_idify(base, sizeof base, r->plain.data ? r->plain.data : "");
		snprintf(id, sizeof id, "%s%s", r->o->id_prefix ? r->o->id_prefix : "", base);
		tl_html_lit(b, htags_open[r->level - 1]);
		if (base[0])
			tl_html_attr(b, "id", id);
		tl_html_lit(b, ">");
		if (r->heading.len)
			tl_buf_put(b, r->heading.data, r->heading.len);
		tl_html_lit(b, htags_close[r->level - 1]);
		r->cur = r->out;
		break;
	}
	case MD_BLOCK_CODE: tl_html_lit(b, "</code></pre>\n"); break;
	case MD_BLOCK_HTML: break;
	case MD_BLOCK_P: tl_html_lit(b, "</p>\n"); break;
	case MD_BLOCK_TABLE: tl_html_lit(b, "</table></div>\n"); break;
	case MD_BLOCK_THEAD: tl_html_lit(b, "</thead>\n"); break;
	case MD_BLOCK_TBODY: tl_html_lit(b, "</tbody>\n"); break;
	case MD_BLOCK_TR: tl_html_lit(b, "</tr>\n"); break;
	case MD_BLOCK_TH: tl_html_lit(b, "</th>"); break;
	case MD_BLOCK_TD: tl_html_lit(b, "</td>"); break;
	}
	return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct r *r = ud;
	tl_buf *b = r->cur;
	if (r->img_depth) {
		if (type == MD_SPAN_IMG)
			r->img_depth++;
		return 0;
	}
	switch (type) {
	case MD_SPAN_EM: tl_html_lit(b, "<em>"); break;
	case MD_SPAN_STRONG: tl_html_lit(b, "<strong>"); break;
	case MD_SPAN_CODE: tl_html_lit(b, "<code>"); break;
	case MD_SPAN_DEL: tl_html_lit(b, "<del>"); break;
	case MD_SPAN_U: tl_html_lit(b, "<u>"); break;
	case MD_SPAN_A: {
		const MD_SPAN_A_DETAIL *d = detail;
		tl_buf href = TL_BUF_INIT;
		attr_text(&href, &d->href);
		if (r->o->local_stories && href.data)
			story_anchor(&href);
		if (r->link_depth || !useful_href(href.data)) {
			r->link_depth++;
		} else {
			tl_html_lit(b, "<a");
			tl_html_href(b, href.data);
			tl_html_lit(b, ">");
		}
		tl_buf_free(&href);
		break;
	}
	case MD_SPAN_IMG:
		/* Images are not part of chapters yet: keep their alt text. */
		r->img_depth = 1;
		break;
	default: break;
	}
	return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct r *r = ud;
	tl_buf *b = r->cur;
	(void)detail;
	if (r->img_depth) {
		if (type == MD_SPAN_IMG)
			r->img_depth--;
		return 0;
	}
	switch (type) {
	case MD_SPAN_EM: tl_html_lit(b, "</em>"); break;
	case MD_SPAN_STRONG: tl_html_lit(b, "</strong>"); break;
	case MD_SPAN_CODE: tl_html_lit(b, "</code>"); break;
	case MD_SPAN_DEL: tl_html_lit(b, "</del>"); break;
	case MD_SPAN_U: tl_html_lit(b, "</u>"); break;
	case MD_SPAN_A:
		if (r->link_depth)
			r->link_depth--;
		else
			tl_html_lit(b, "</a>");
		break;
	default: break;
	}
	return 0;
}

/* An entity is passed through only when it is a well-formed reference; it
 * cannot open markup, so this is safe. */
static int entity_ok(const char *s, size_t n)
{
	if (n < 3 || n > 32 || s[0] != '&' || s[n - 1] != ';')
		return 0;
	for (size_t i = 1; i + 1 < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#'))
			return 0;
	}
	return 1;
}

static int text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *ud)
{
	struct r *r = ud;
	tl_buf *b = r->cur;
	switch (type) {
	case MD_TEXT_NULLCHAR: tl_html_lit(b, "\xef\xbf\xbd"); break;
	case MD_TEXT_BR: tl_html_lit(b, r->img_depth ? " " : "<br>\n"); break;
	case MD_TEXT_SOFTBR: tl_html_lit(b, "\n"); break;
	case MD_TEXT_ENTITY:
		if (entity_ok(s, n))
			tl_buf_put(b, s, n);
		else
			tl_html_textn(b, s, n);
		break;
	default:
		tl_html_textn(b, s, n);
		if (r->cur == &r->heading)
			tl_buf_put(&r->plain, s, n);
		break;
	}
	return 0;
}

int tl_markdown_render(tl_buf *out, const char *src, size_t len, const struct tl_md_opts *o)
{
	static const struct tl_md_opts defaults = {0, NULL, 0, TL_LANG_NL};
	struct r r = {out, out, TL_BUF_INIT, TL_BUF_INIT, 1, o ? o : &defaults, 0, 0, 0, 0};
	MD_PARSER p = {0};
	p.abi_version = 0;
	p.flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
	p.enter_block = enter_block;
	p.leave_block = leave_block;
	p.enter_span = enter_span;
	p.leave_span = leave_span;
	p.text = text;
	size_t mark = out->len;
	/* md4c 0.4.8 can hand the text callback a span that runs one byte past
	 * the input (found by fuzz/fuzz_chapter); parse a NUL-padded copy so such
	 * a read stays inside our memory and yields only a NUL, which
	 * tl_html_textn drops. */
	char *copy = xmalloc(len + 8);
	memcpy(copy, src, len);
	memset(copy + len, 0, 8);
	int rc = md_parse(copy, (MD_SIZE)len, &p, &r);
	free(copy);
	tl_buf_free(&r.heading);
	tl_buf_free(&r.plain);
	if (rc != 0) {
		out->len = mark;
		if (out->data)
			out->data[mark] = '\0';
		tl_html_lit(out, "<p>");
		tl_html_textn(out, src, len);
		tl_html_lit(out, "</p>\n");
		return -1;
	}
	return 0;
}
