#include <stdio.h>

#include "html.h"
#include "pages.h"

void tl_page_print(tl_buf *b, const struct tl_page *p, struct tl_block *const *blocks,
		   const size_t *n_blocks, tl_errors *errs)
{
	const struct tl_model *m = p->m;
	const struct tl_agenda *ag = &m->agenda;
	enum tl_lang lang = p->lang;
	tl_layout_begin(b, p);
	tl_html_lit(b, "<div class=\"tl-cover tl-print-cover\">\n<h1 class=\"tl-cover__title\">");
	tl_html_text(b, ag->report_title ? ag->report_title : ag->title);
	tl_html_lit(b, "</h1>\n<p class=\"tl-cover__subtitle\">");
	tl_html_text(b, ag->title);
	if (ag->subtitle) {
		tl_html_lit(b, " · “");
		tl_html_text(b, ag->subtitle);
		tl_html_lit(b, "”");
	}
	tl_html_lit(b, "</p>\n");
	if (ag->organisation) {
		tl_html_lit(b, "<p class=\"tl-cover__org\">");
		tl_html_text(b, ag->organisation);
		tl_html_lit(b, "</p>\n");
	}
	tl_html_lit(b, "</div>\n<nav class=\"tl-toc tl-print-toc\" aria-labelledby=\"inhoudsopgave\">\n<h2 id=\"inhoudsopgave\">");
	tl_html_text(b, tl_word(lang, "Inhoud", "Contents"));
	tl_html_lit(b, "</h2>\n<ol class=\"tl-toc__list\">\n");
	for (size_t i = 0; i < m->n_chapters; i++) {
		char href[96];
		snprintf(href, sizeof href, "#hoofdstuk-%s", m->chapters[i].slug);
		tl_html_lit(b, "<li class=\"tl-toc__item\">");
		tl_html_link(b, href, tl_chapter_title(m, &m->chapters[i]));
		tl_html_lit(b, "</li>\n");
	}
	tl_html_lit(b, "</ol>\n</nav>\n");
	for (size_t i = 0; i < m->n_chapters; i++)
		tl_chapter_body(b, p, &m->chapters[i], blocks[i], n_blocks[i], 2, errs);
	tl_layout_end(b, p);
}
