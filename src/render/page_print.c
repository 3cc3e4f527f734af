#include <stdio.h>
#include <string.h>

#include "../text/story.h"
#include "html.h"
#include "pages.h"

/* Has the model a published story?  Only then is there a part "Interviews". */
static size_t published_stories(const struct tl_model *m)
{
	size_t n = 0;
	for (size_t i = 0; i < m->n_stories; i++)
		n += m->stories[i].published != 0;
	return n;
}

size_t tl_print_toc(const struct tl_page *p, const char ***titles)
{
	const struct tl_model *m = p->m;
	size_t ns = published_stories(m);
	size_t n = m->n_chapters + (ns ? 1 + ns : 0), k = 0;
	const char **t = TL_NEW_ARRAY(m->arena, const char *, n ? n : 1);
	for (size_t i = 0; i < m->n_chapters; i++)
		t[k++] = tl_chapter_title(m, &m->chapters[i]);
	if (ns) {
		t[k++] = tl_word(p->lang, "Interviews", "Interviews");
		for (size_t i = 0; i < m->n_stories; i++) {
			const struct tl_story *s = &m->stories[i];
			if (!s->published)
				continue;
			/* as the interview's heading prints it: names without consent withheld */
			tl_buf r = TL_BUF_INIT;
			tl_story_redact(s, s->title, strlen(s->title), p->lang, &r);
			t[k++] = tl_arena_strndup(m->arena, r.data ? r.data : "", r.len);
			tl_buf_free(&r);
		}
	}
	*titles = t;
	return k;
}

/* Entry i's page number in the contents, when the PDF's passes gave them
 * (a placeholder of the same width in the first pass: site.c). */
static void toc_page(tl_buf *b, const struct tl_page *p, const int *toc_pages, size_t i)
{
	if (!toc_pages)
		return;
	int n = toc_pages[i];
	if (n <= 0)
		return;
	tl_html_lit(b, " <span class=\"tl-toc__page\"><span class=\"tl-visually-hidden\">");
	tl_html_text(b, tl_word(p->lang, "pagina", "page"));
	tl_html_lit(b, " </span>");
	tl_html_int(b, n);
	tl_html_lit(b, "</span>");
}

void tl_page_print(tl_buf *b, const struct tl_page *p, struct tl_block *const *blocks,
		   const size_t *n_blocks, const int *toc_pages, tl_errors *errs)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	tl_layout_begin(b, p);
	tl_report_cover(b, p, "tl-cover tl-print-cover");
	tl_html_lit(b, "<nav class=\"tl-toc tl-print-toc\" aria-labelledby=\"inhoudsopgave\">\n<h2 id=\"inhoudsopgave\">");
	tl_html_text(b, tl_word(lang, "Inhoud", "Contents"));
	tl_html_lit(b, "</h2>\n<ol class=\"tl-toc__list\">\n");
	const char **titles;
	size_t nt = tl_print_toc(p, &titles);
	for (size_t i = 0; i < m->n_chapters; i++) {
		char href[96];
		snprintf(href, sizeof href, "#hoofdstuk-%s", m->chapters[i].slug);
		tl_html_lit(b, "<li class=\"tl-toc__item\">");
		tl_html_link(b, href, titles[i]);
		toc_page(b, p, toc_pages, i);
		tl_html_lit(b, "</li>\n");
	}
	size_t ns = published_stories(m);
	if (ns) {
		/* the interviews as the report's last part, each listed */
		size_t e = m->n_chapters;
		tl_html_lit(b, "<li class=\"tl-toc__item\">");
		tl_html_link(b, "#interviews", titles[e]);
		toc_page(b, p, toc_pages, e++);
		tl_html_lit(b, "\n<ol class=\"tl-toc__list\">\n");
		for (size_t i = 0; i < m->n_stories && e < nt; i++) {
			const struct tl_story *s = &m->stories[i];
			if (!s->published)
				continue;
			char href[160];
			snprintf(href, sizeof href, "#interview-%s", s->slug);
			tl_html_lit(b, "<li class=\"tl-toc__item\">");
			tl_html_link(b, href, titles[e]);
			toc_page(b, p, toc_pages, e++);
			tl_html_lit(b, "</li>\n");
		}
		tl_html_lit(b, "</ol></li>\n");
	}
	tl_html_lit(b, "</ol>\n</nav>\n");
	for (size_t i = 0; i < m->n_chapters; i++)
		tl_chapter_body(b, p, &m->chapters[i], blocks[i], n_blocks[i], 2, errs);
	if (ns) {
		tl_html_lit(b, "<section class=\"tl-interviews\" aria-labelledby=\"interviews\">\n<h2 id=\"interviews\" class=\"tl-interviews__title\">");
		tl_html_text(b, tl_word(lang, "Interviews", "Interviews"));
		tl_html_lit(b, "</h2>\n");
		const struct tl_chapter **from = TL_NEW_ARRAY(m->arena, const struct tl_chapter *, m->n_chapters + 1);
		for (size_t i = 0; i < m->n_stories; i++) {
			const struct tl_story *s = &m->stories[i];
			if (!s->published)
				continue;
			size_t nf = tl_story_linked_from(m, blocks, n_blocks, s->slug, from);
			tl_story_body(b, p, s, from, nf, tl_story_instrument_chapters(m, blocks, n_blocks, s));
		}
		tl_html_lit(b, "</section>\n");
	}
	tl_layout_end(b, p);
}
