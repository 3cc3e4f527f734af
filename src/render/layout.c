#include "layout.h"

#include <stdio.h>
#include <string.h>

#include "html.h"

const char *tl_word(enum tl_lang lang, const char *nl, const char *en)
{
	return lang == TL_LANG_NL ? nl : en;
}

void tl_chapter_file(const struct tl_chapter *c, char *out, size_t n)
{
	snprintf(out, n, "%s.html", c->slug);
}

const char *tl_chapter_title(const struct tl_model *m, const struct tl_chapter *c)
{
	const struct tl_theme *t = c->theme ? tl_model_theme(m, c->theme) : NULL;
	if (t)
		return t->title;
	return c->title ? c->title : c->slug;
}

static void href(tl_buf *b, const struct tl_page *p, const char *file)
{
	tl_buf u = TL_BUF_INIT;
	tl_buf_puts(&u, p->root ? p->root : "");
	tl_buf_puts(&u, file);
	tl_html_href(b, u.data);
	tl_buf_free(&u);
}

void tl_layout_begin(tl_buf *b, const struct tl_page *p)
{
	const struct tl_agenda *ag = &p->m->agenda;
	const char *report = ag->report_title ? ag->report_title : ag->title;
	tl_html_lit(b, "<!DOCTYPE html>\n<html");
	tl_html_attr(b, "lang", p->lang == TL_LANG_NL ? "nl" : "en");
	tl_html_lit(b, " class=\"utrecht-root voorbeeld-theme tl-theme\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	if (p->title && strcmp(p->title, report) != 0) {
		tl_html_text(b, p->title);
		tl_html_lit(b, " – ");
	}
	tl_html_text(b, report);
	tl_html_lit(b, "</title>\n<link rel=\"stylesheet\"");
	href(b, p, "assets/nlds.css");
	tl_html_lit(b, ">\n<link rel=\"stylesheet\"");
	href(b, p, "assets/telling.css");
	tl_html_lit(b, ">\n</head>\n<body class=\"utrecht-body\">\n<a class=\"nl-skip-link tl-skip-link\" href=\"#inhoud\">");
	tl_html_text(b, tl_word(p->lang, "Direct naar de inhoud", "Skip to content"));
	tl_html_lit(b, "</a>\n<header class=\"tl-header\">\n<div class=\"tl-wrap tl-header__inner\">\n<p class=\"tl-header__org\">");
	tl_html_text(b, ag->organisation ? ag->organisation : ag->title);
	tl_html_lit(b, "</p>\n<p class=\"tl-header__report\"><a");
	href(b, p, "index.html");
	tl_html_lit(b, ">");
	tl_html_text(b, report);
	tl_html_lit(b, "</a></p>\n");
	if (p->served) {
		/* served pages sit at the server's root or under /concept/ */
		tl_html_lit(b, "<p class=\"tl-header__dash\"><a href=\"/verkennen\">");
		tl_html_text(b, tl_word(p->lang, "Cijfers verkennen", "Explore figures"));
		tl_html_lit(b, "</a> · <a href=\"/zoeken\">");
		tl_html_text(b, tl_word(p->lang, "Zoeken", "Search"));
		tl_html_lit(b, "</a></p>\n");
	}
	tl_html_lit(b, "</div>\n<nav class=\"tl-nav\"");
	tl_html_attr(b, "aria-label", tl_word(p->lang, "Hoofdstukken", "Chapters"));
	tl_html_lit(b, ">\n<ul class=\"tl-wrap tl-nav__list\">\n");
	for (size_t i = 0; i < p->m->n_chapters; i++) {
		const struct tl_chapter *c = &p->m->chapters[i];
		if (!c->theme)
			continue; /* the navigation bar lists the themes; the index lists all */
		char file[96];
		tl_chapter_file(c, file, sizeof file);
		tl_html_lit(b, "<li><a");
		href(b, p, file);
		if (p->current && strcmp(p->current, file) == 0)
			tl_html_lit(b, " aria-current=\"page\"");
		tl_html_lit(b, ">");
		tl_html_text(b, tl_chapter_title(p->m, c));
		tl_html_lit(b, "</a></li>\n");
	}
	tl_html_lit(b, "</ul>\n</nav>\n</header>\n<main id=\"inhoud\" class=\"tl-wrap tl-main\">\n");
}

void tl_layout_end(tl_buf *b, const struct tl_page *p)
{
	const struct tl_agenda *ag = &p->m->agenda;
	tl_html_lit(b, "</main>\n<footer class=\"tl-footer\">\n<div class=\"tl-wrap\">\n<p>");
	tl_html_text(b, ag->organisation ? ag->organisation : "");
	if (ag->organisation)
		tl_html_lit(b, " · ");
	tl_html_text(b, ag->title);
	if (ag->subtitle) {
		tl_html_lit(b, " “");
		tl_html_text(b, ag->subtitle);
		tl_html_lit(b, "”");
	}
	tl_html_lit(b, "</p>\n<p>");
	tl_html_text(b, tl_word(p->lang,
				"Alle cijfers in dit verslag staan met hun bron in de downloads: ",
				"Every figure in this report is in the downloads with its source: "));
	tl_html_lit(b, "<a");
	href(b, p, "data/alle-cijfers.csv");
	tl_html_lit(b, ">");
	tl_html_text(b, tl_word(p->lang, "alle cijfers (CSV)", "all figures (CSV)"));
	tl_html_lit(b, "</a> · <a");
	href(b, p, "data/alle-cijfers.json");
	tl_html_lit(b, ">");
	tl_html_text(b, tl_word(p->lang, "alle cijfers (JSON)", "all figures (JSON)"));
	tl_html_lit(b, "</a>. ");
	tl_html_text(b, tl_word(p->lang, "Open data van CBS en RIVM: CC BY 4.0.",
				"Open data from CBS and RIVM: CC BY 4.0."));
	tl_html_lit(b, "</p>\n<p class=\"tl-footer__made\">");
	tl_html_text(b, tl_word(p->lang, "Gemaakt met telling: tellen en vertellen.",
				"Made with telling: counting and telling."));
	tl_html_lit(b, "</p>\n</div>\n</footer>\n</body>\n</html>\n");
}
