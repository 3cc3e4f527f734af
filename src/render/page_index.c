#include <string.h>

#include "../analysis/series.h"
#include "figure.h"
#include "html.h"
#include "pages.h"
#include "../model/report.h"

/* Whether some municipality of the report has a figure for the indicator. */
static int municipalities_have(const struct tl_model *m, const struct tl_indicator *d)
{
	size_t ngm, n;
	const struct tl_region **gm = tl_report_municipalities(m, &ngm);
	for (size_t i = 0; i < ngm; i++) {
		const struct tl_observation *s = tl_model_series(m, d->slug, gm[i]->code, &n);
		if (s && tl_series_latest(s, n) >= 0)
			return 1;
	}
	return 0;
}

/* The latest value of an indicator in a region, as table cell text.  With
 * by_municipality set, a region without a figure whose municipalities do
 * have one says so, rather than "geen gegevens" above a chart full of them. */
static void latest_cell(tl_buf *b, const struct tl_model *m, const struct tl_indicator *d,
			const char *region, int by_municipality, enum tl_lang lang)
{
	tl_html_lit(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column tl-num\">");
	size_t n;
	const struct tl_observation *s = region ? tl_model_series(m, d->slug, region, &n) : NULL;
	long last = s ? tl_series_latest(s, n) : -1;
	if (last < 0) {
		tl_html_lit(b, "<span class=\"tl-missing\">");
		if (by_municipality && municipalities_have(m, d))
			tl_html_text(b, tl_word(lang, "alleen per gemeente", "by municipality only"));
		else
			tl_html_text(b, tl_word(lang, "geen gegevens", "no data"));
		tl_html_lit(b, "</span>");
	} else {
		tl_html_value(b, s[last].value, d->decimals, tl_unit_kind(d->unit), lang);
		if (s[last].status == TL_STATUS_PROVISIONAL)
			tl_html_lit(b, "*");
		tl_html_lit(b, " <span class=\"tl-period\">(");
		tl_html_int(b, s[last].period.year);
		tl_html_lit(b, ")</span>");
	}
	tl_html_lit(b, "</td>");
}

void tl_report_cover(tl_buf *b, const struct tl_page *p, const char *cls)
{
	const struct tl_agenda *ag = &p->m->agenda;
	enum tl_lang lang = p->lang;
	tl_html_lit(b, "<div");
	tl_html_attr(b, "class", cls ? cls : "tl-cover");
	tl_html_lit(b, ">\n<h1 class=\"tl-cover__title\">");
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
		if (ag->report_year) {
			tl_html_lit(b, " · ");
			tl_html_text(b, tl_word(lang, "verslagjaar ", "report year "));
			tl_html_int(b, ag->report_year);
		}
		tl_html_lit(b, "</p>\n");
	}
	tl_html_lit(b, "</div>\n");
}

void tl_page_index(tl_buf *b, const struct tl_page *p, const char *const *chart_chapter)
{
	const struct tl_model *m = p->m;
	const struct tl_agenda *ag = &m->agenda;
	enum tl_lang lang = p->lang;
	tl_layout_begin(b, p);

	tl_report_cover(b, p, NULL);

	tl_html_lit(b, "<nav class=\"tl-toc\" aria-labelledby=\"inhoudsopgave\">\n<h2 id=\"inhoudsopgave\">");
	tl_html_text(b, tl_word(lang, "Inhoud", "Contents"));
	tl_html_lit(b, "</h2>\n<ol class=\"tl-toc__list\">\n");
	for (size_t i = 0; i < m->n_chapters; i++) {
		const struct tl_chapter *c = &m->chapters[i];
		const struct tl_theme *t = c->theme ? tl_model_theme(m, c->theme) : NULL;
		char file[96];
		tl_chapter_file(c, file, sizeof file);
		tl_html_lit(b, t ? "<li class=\"tl-toc__item tl-toc__item--theme\"><a" : "<li class=\"tl-toc__item\"><a");
		tl_html_href(b, file);
		tl_html_lit(b, ">");
		tl_html_text(b, tl_chapter_title(m, c));
		tl_html_lit(b, "</a>");
		if (t && t->subtitle) {
			tl_html_lit(b, " <span class=\"tl-toc__subtitle\">");
			tl_html_text(b, t->subtitle);
			tl_html_lit(b, "</span>");
		}
		tl_html_lit(b, "</li>\n");
	}
	size_t stories = 0;
	for (size_t i = 0; i < m->n_stories; i++)
		stories += m->stories[i].published != 0;
	if (stories) {
		tl_html_lit(b, "<li class=\"tl-toc__item tl-toc__item--theme\"><a href=\"verhalen/index.html\">");
		tl_html_text(b, tl_word(lang, "Interviews", "Interviews"));
		tl_html_lit(b, "</a></li>\n");
	}
	tl_html_lit(b, "</ol>\n</nav>\n");

	/* The indicators at a glance: latest focus and national figures. */
	const struct tl_region *focus = ag->focus_region ? tl_model_region(m, ag->focus_region) : NULL;
	const struct tl_region *nat = ag->national_region ? tl_model_region(m, ag->national_region) : NULL;
	if (m->n_indicators && focus) {
		tl_html_lit(b, "<section class=\"tl-glance\" aria-labelledby=\"kerncijfers\">\n<h2 id=\"kerncijfers\">");
		tl_html_text(b, tl_word(lang, "Kerncijfers", "Key figures"));
		tl_html_lit(b, "</h2>\n");
		const char *cap = tl_word(lang, "Meest recente cijfer per indicator, met het jaar tussen haakjes",
					  "Latest figure per indicator, with its year in brackets");
		tl_html_scroll_begin(b, tl_word(lang, "Kerncijfers", "Key figures"), cap);
		tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption\">");
		tl_html_text(b, cap);
		tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr><th scope=\"col\" class=\"utrecht-table__header-cell\">");
		tl_html_text(b, tl_word(lang, "Indicator", "Indicator"));
		tl_html_lit(b, "</th><th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">");
		tl_html_text(b, focus->name);
		tl_html_lit(b, "</th>");
		if (nat) {
			tl_html_lit(b, "<th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">");
			tl_html_text(b, nat->name);
			tl_html_lit(b, "</th>");
		}
		tl_html_lit(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">");
		tl_html_text(b, tl_word(lang, "Bron", "Source"));
		tl_html_lit(b, "</th></tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
		for (size_t i = 0; i < m->n_indicators; i++) {
			const struct tl_indicator *d = &m->indicators[i];
			const char *where = chart_chapter ? chart_chapter[i] : NULL;
			tl_html_lit(b, "<tr><th scope=\"row\" class=\"utrecht-table__header-cell\">");
			if (where) {
				tl_buf u = TL_BUF_INIT;
				tl_buf_printf(&u, "%s.html#indicator-%s", where, d->slug);
				tl_html_link(b, u.data, d->title);
				tl_buf_free(&u);
			} else {
				tl_html_text(b, d->title);
			}
			tl_html_lit(b, "</th>");
			latest_cell(b, m, d, focus->code, 1, lang);
			if (nat)
				latest_cell(b, m, d, nat->code, 0, lang);
			tl_html_lit(b, "<td class=\"utrecht-table__cell\">");
			tl_html_text(b, d->source);
			tl_html_lit(b, "</td></tr>\n");
		}
		tl_html_lit(b, "</tbody></table></div>\n</section>\n");
	}

	/* Every municipality and group has its own page. */
	size_t ngm;
	const struct tl_region **gm = tl_report_municipalities(m, &ngm);
	if (ngm || m->n_groups) {
		tl_html_lit(b, "<section class=\"tl-regions\" aria-labelledby=\"gemeenten\">\n<h2 id=\"gemeenten\">");
		tl_html_text(b, tl_word(lang, "Per gemeente", "By municipality"));
		tl_html_lit(b, "</h2>\n");
		if (ngm) {
			tl_html_lit(b, "<ul class=\"tl-regions__list\">\n");
			for (size_t i = 0; i < ngm; i++) {
				char file[64];
				tl_region_page_file(gm[i], file, sizeof file);
				tl_html_lit(b, "<li>");
				tl_html_link(b, file, gm[i]->name);
				tl_html_lit(b, "</li>\n");
			}
			tl_html_lit(b, "</ul>\n");
		}
		if (m->n_groups) {
			tl_html_lit(b, "<h3>");
			tl_html_text(b, tl_word(lang, "Groepen van gemeenten", "Groups of municipalities"));
			tl_html_lit(b, "</h3>\n<ul class=\"tl-regions__list\">\n");
			for (size_t i = 0; i < m->n_groups; i++) {
				char file[128];
				tl_group_page_file(&m->groups[i], file, sizeof file);
				tl_html_lit(b, "<li>");
				tl_html_link(b, file, m->groups[i].name);
				tl_html_lit(b, "</li>\n");
			}
			tl_html_lit(b, "</ul>\n");
		}
		tl_html_lit(b, "</section>\n");
	}
	tl_layout_end(b, p);
}
