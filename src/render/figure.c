#include "figure.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "../analysis/series.h"
#include "../core/str.h"
#include "../text/narrate.h"
#include "chart.h"
#include "html.h"


/* What a cell without a value says, in words. */
static const char *status_words(enum tl_status s, enum tl_lang lang)
{
	switch (s) {
	case TL_STATUS_UNKNOWN: return tl_word(lang, "onbekend", "unknown");
	case TL_STATUS_SUPPRESSED: return tl_word(lang, "geheim", "suppressed");
	case TL_STATUS_NOT_APPLICABLE: return tl_word(lang, "niet van toepassing", "not applicable");
	case TL_STATUS_MISSING: return tl_word(lang, "geen gegevens", "no data");
	default: return "";
	}
}

/* A table cell for one observation (or its absence). */
static void value_cell(tl_buf *b, const struct tl_indicator *d, const struct tl_observation *o,
		       enum tl_lang lang)
{
	tl_html_lit(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column tl-num\">");
	if (o && tl_status_has_value(o->status)) {
		tl_html_value(b, o->value, d->decimals, tl_unit_kind(d->unit), lang);
		if (o->status == TL_STATUS_PROVISIONAL)
			tl_html_lit(b, "*");
	} else {
		tl_html_lit(b, "<span class=\"tl-missing\">");
		tl_html_text(b, o ? status_words(o->status, lang) : tl_word(lang, "geen gegevens", "no data"));
		tl_html_lit(b, "</span>");
	}
	tl_html_lit(b, "</td>");
}

int tl_title_names(const char *title, const char *word)
{
	size_t n = strlen(word), len = strlen(title);
	for (size_t i = 0; n && i + n <= len; i++)
		if ((i == 0 || !isalpha((unsigned char)title[i - 1])) && !isalpha((unsigned char)title[i + n]) &&
		    tl_slice_eq_ci(title + i, n, word))
			return 1; /* a whole word: "jaar" is not named by "jaren" */
	return 0;
}

/* Caption in the seed's form: "2024 | Bron: RMBW", plus what is shown. */
static void caption(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d, const char *what,
		    int year, int has_year)
{
	tl_html_lit(b, "<figcaption class=\"utrecht-figure__caption tl-caption\"><span class=\"tl-caption__title\">");
	tl_html_text(b, d->title);
	if (d->unit && *d->unit && strcmp(d->unit, "%") != 0 && tl_unit_kind(d->unit) != TL_UNIT_EURO &&
	    !tl_title_names(d->title, d->unit)) {
		tl_html_lit(b, " (");
		tl_html_text(b, d->unit);
		tl_html_lit(b, ")");
	}
	if (d->subject && !tl_title_names(d->title, d->subject)) {
		tl_html_lit(b, ", ");
		tl_html_text(b, d->subject);
	}
	tl_html_lit(b, "</span> <span class=\"tl-caption__what\">");
	tl_html_text(b, what);
	tl_html_lit(b, "</span><span class=\"tl-caption__source\">");
	if (has_year) {
		tl_html_int(b, year);
		tl_html_lit(b, " | ");
	}
	tl_html_text(b, tl_word(p->lang, "Bron: ", "Source: "));
	tl_html_text(b, d->source);
	tl_html_lit(b, "</span></figcaption>\n");
}

struct col {
	const struct tl_region *r;
	const struct tl_observation *s;
	size_t n;
};

/* Line chart (or two bars when there is one period) of focus vs national. */
static void trend(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d, const char *id)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	struct col cols[2];
	size_t nc = 0;
	const char *codes[2] = {m->agenda.focus_region, m->agenda.national_region};
	for (int i = 0; i < 2; i++) {
		const struct tl_region *r = codes[i] ? tl_model_region(m, codes[i]) : NULL;
		if (!r)
			continue;
		size_t n;
		const struct tl_observation *s = tl_model_series(m, d->slug, r->code, &n);
		if (tl_series_latest(s, n) < 0)
			continue;
		cols[nc++] = (struct col){r, s, n};
	}
	if (nc == 0)
		return;

	/* The x axis: every period either region has a value for, in order. */
	struct tl_period xs[64];
	size_t nx = 0;
	for (size_t c = 0; c < nc; c++) {
		for (size_t i = 0; i < cols[c].n; i++) {
			const struct tl_observation *o = &cols[c].s[i];
			if (!tl_status_has_value(o->status))
				continue;
			size_t k = 0;
			while (k < nx && tl_period_cmp(&xs[k], &o->period) < 0)
				k++;
			if (k < nx && tl_period_cmp(&xs[k], &o->period) == 0)
				continue;
			if (nx == sizeof xs / sizeof *xs)
				break;
			memmove(&xs[k + 1], &xs[k], (nx - k) * sizeof *xs);
			xs[k] = o->period;
			nx++;
		}
	}
	tl_arena *a = m->arena;
	char **labels = TL_NEW_ARRAY(a, char *, nx);
	for (size_t i = 0; i < nx; i++) {
		if (xs[i].kind == TL_PERIOD_YEAR)
			labels[i] = tl_arena_printf(a, "%d", xs[i].year);
		else if (xs[i].kind == TL_PERIOD_QUARTER)
			labels[i] = tl_arena_printf(a, "%d K%d", xs[i].year, xs[i].sub);
		else
			labels[i] = tl_arena_printf(a, "%d-%02d", xs[i].year, xs[i].sub);
	}
	const char *names = nc == 2 ? tl_arena_printf(a, "%s %s %s", cols[0].r->name,
						      tl_word(lang, "en", "and"), cols[1].r->name)
				    : cols[0].r->name;
	const char *span = nx > 1 ? tl_arena_printf(a, "%s, %s–%s", names, labels[0], labels[nx - 1])
				  : tl_arena_printf(a, "%s, %s", names, labels[0]);
	tl_buf desc = TL_BUF_INIT;
	tl_narrate_indicator(&desc, m, d, lang);

	tl_html_lit(b, "<figure class=\"utrecht-figure tl-figure\">\n");
	if (nx >= 2) {
		struct tl_chart_series ser[2];
		for (size_t c = 0; c < nc; c++) {
			double *v = TL_NEW_ARRAY(a, double, nx);
			unsigned char *present = TL_NEW_ARRAY(a, unsigned char, nx);
			unsigned char *prov = TL_NEW_ARRAY(a, unsigned char, nx);
			for (size_t i = 0; i < nx; i++) {
				const struct tl_observation *o = tl_model_obs(m, d->slug, cols[c].r->code, &xs[i]);
				if (o && tl_status_has_value(o->status)) {
					v[i] = o->value;
					present[i] = 1;
					prov[i] = o->status == TL_STATUS_PROVISIONAL;
				}
			}
			ser[c] = (struct tl_chart_series){cols[c].r->name, v, present, prov, (int)c};
		}
		size_t *brk = TL_NEW_ARRAY(a, size_t, nx);
		size_t nbrk = 0;
		for (size_t i = 1; i < nx; i++)
			if (tl_series_breaks_between(d, &xs[i - 1], &xs[i]))
				brk[nbrk++] = i;
		struct tl_line_chart lc = {0};
		lc.id = tl_arena_printf(a, "%s-trend", id);
		lc.title = tl_arena_printf(a, "%s: %s", d->title, span);
		lc.desc = desc.data ? desc.data : "";
		lc.x_labels = (const char *const *)labels;
		lc.n_x = nx;
		lc.series = ser;
		lc.n_series = nc;
		lc.decimals = d->decimals;
		lc.kind = tl_unit_kind(d->unit);
		lc.lang = lang;
		lc.breaks = brk;
		lc.layout = p->print ? TL_CHART_WIDE : TL_CHART_RESPONSIVE;
		lc.n_breaks = nbrk;
		tl_chart_line(b, &lc);
	} else {
		struct tl_bar_item items[2];
		for (size_t c = 0; c < nc; c++) {
			const struct tl_observation *o = tl_model_obs(m, d->slug, cols[c].r->code, &xs[0]);
			items[c] = (struct tl_bar_item){cols[c].r->name, o ? o->value : 0,
							o && tl_status_has_value(o->status), c == 0};
		}
		struct tl_bar_chart bc = {0};
		bc.id = tl_arena_printf(a, "%s-trend", id);
		bc.title = tl_arena_printf(a, "%s: %s", d->title, span);
		bc.desc = desc.data ? desc.data : "";
		bc.items = items;
		bc.n_items = nc;
		bc.decimals = d->decimals;
		bc.kind = tl_unit_kind(d->unit);
		bc.lang = lang;
		bc.layout = p->print ? TL_CHART_WIDE : TL_CHART_RESPONSIVE;
		tl_chart_bar(b, &bc);
	}
	caption(b, p, d, span, xs[nx - 1].year, 1);
	tl_html_lit(b, "</figure>\n");
	tl_buf_free(&desc);

	/* The same figures as a table. */
	tl_html_lit(b, p->print ? "<details class=\"tl-data\" open><summary>" : "<details class=\"tl-data\"><summary>");
	tl_html_text(b, tl_word(lang, "Tabel bij deze grafiek", "Table for this chart"));
	tl_html_lit(b, "</summary>\n");
	tl_html_scroll_begin(b, d->title, span);
	tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption\">");
	tl_html_text(b, d->title);
	tl_html_lit(b, ": ");
	tl_html_text(b, span);
	tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr><th scope=\"col\" class=\"utrecht-table__header-cell\">");
	tl_html_text(b, tl_word(lang, "Periode", "Period"));
	tl_html_lit(b, "</th>");
	for (size_t c = 0; c < nc; c++) {
		tl_html_lit(b, "<th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">");
		tl_html_text(b, cols[c].r->name);
		tl_html_lit(b, "</th>");
	}
	tl_html_lit(b, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	for (size_t i = 0; i < nx; i++) {
		tl_html_lit(b, "<tr><th scope=\"row\" class=\"utrecht-table__header-cell\">");
		tl_html_text(b, labels[i]);
		tl_html_lit(b, "</th>");
		for (size_t c = 0; c < nc; c++)
			value_cell(b, d, tl_model_obs(m, d->slug, cols[c].r->code, &xs[i]), lang);
		tl_html_lit(b, "</tr>\n");
	}
	tl_html_lit(b, "</tbody></table></div></details>\n");
}

/* Bar chart of the focus region's municipalities in the best-covered period. */
static void municipalities(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d,
			   const char *id)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	tl_arena *a = m->arena;
	const char *focus = m->agenda.focus_region;
	size_t n;
	const struct tl_region **gm = tl_report_municipalities(m, &n);
	struct tl_period per;
	size_t cov;
	if (n == 0 || tl_best_period(m, d->slug, (const struct tl_region *const *)gm, n, &per, &cov))
		return;
	struct tl_bar_item *items = TL_NEW_ARRAY(a, struct tl_bar_item, n + 1);
	for (size_t i = 0; i < n; i++) {
		const struct tl_observation *o = tl_model_obs(m, d->slug, gm[i]->code, &per);
		items[i] = (struct tl_bar_item){gm[i]->name, o ? o->value : 0,
						o && tl_status_has_value(o->status), 0};
	}
	size_t ni = n;
	const struct tl_region *fr = focus ? tl_model_region(m, focus) : NULL;
	const struct tl_observation *fo = fr ? tl_model_obs(m, d->slug, fr->code, &per) : NULL;
	if (fr && fo && tl_status_has_value(fo->status))
		items[ni++] = (struct tl_bar_item){fr->name, fo->value, 1, 1};
	const struct tl_region *nr = m->agenda.national_region ? tl_model_region(m, m->agenda.national_region) : NULL;
	const struct tl_observation *no = nr ? tl_model_obs(m, d->slug, nr->code, &per) : NULL;

	const char *what = tl_arena_printf(a, "%s %s, %d", tl_word(lang, "Gemeenten in", "Municipalities in"),
					   fr ? fr->name : tl_word(lang, "Nederland", "the Netherlands"), per.year);
	tl_buf desc = TL_BUF_INIT;
	tl_narrate_spread(&desc, m, d, (const struct tl_region *const *)gm, n, lang);

	struct tl_bar_chart bc = {0};
	bc.id = tl_arena_printf(a, "%s-gemeenten", id);
	bc.title = tl_arena_printf(a, "%s: %s", d->title, what);
	bc.desc = desc.data ? desc.data : "";
	bc.items = items;
	bc.n_items = ni;
	if (nr && no && tl_status_has_value(no->status)) {
		bc.ref_label = nr->name;
		bc.ref_value = no->value;
		bc.has_ref = 1;
	}
	bc.decimals = d->decimals;
	bc.kind = tl_unit_kind(d->unit);
	bc.lang = lang;
	bc.layout = p->print ? TL_CHART_WIDE : TL_CHART_RESPONSIVE;
	if (desc.len) {
		tl_html_lit(b, "<p class=\"tl-spread\">");
		tl_html_text(b, desc.data);
		tl_html_lit(b, "</p>\n");
	}
	tl_html_lit(b, "<figure class=\"utrecht-figure tl-figure\">\n");
	tl_chart_bar(b, &bc);
	caption(b, p, d, what, per.year, 1);
	tl_html_lit(b, "</figure>\n");
	tl_buf_free(&desc);

	tl_html_lit(b, p->print ? "<details class=\"tl-data\" open><summary>" : "<details class=\"tl-data\"><summary>");
	tl_html_text(b, tl_word(lang, "Tabel bij deze grafiek", "Table for this chart"));
	tl_html_lit(b, "</summary>\n");
	tl_html_scroll_begin(b, d->title, what);
	tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption\">");
	tl_html_text(b, d->title);
	tl_html_lit(b, ": ");
	tl_html_text(b, what);
	tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr><th scope=\"col\" class=\"utrecht-table__header-cell\">");
	tl_html_text(b, tl_word(lang, "Gemeente", "Municipality"));
	tl_html_lit(b, "</th><th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">");
	tl_html_int(b, per.year);
	tl_html_lit(b, "</th></tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	for (size_t i = 0; i < n; i++) {
		tl_html_lit(b, "<tr><th scope=\"row\" class=\"utrecht-table__header-cell\">");
		char file[64];
		tl_region_page_file(gm[i], file, sizeof file);
		tl_html_link(b, tl_arena_printf(a, "%s%s", p->root ? p->root : "", file), gm[i]->name);
		tl_html_lit(b, "</th>");
		value_cell(b, d, tl_model_obs(m, d->slug, gm[i]->code, &per), lang);
		tl_html_lit(b, "</tr>\n");
	}
	const struct tl_region *refs[2] = {fr, nr};
	for (int k = 0; k < 2; k++) {
		if (!refs[k])
			continue;
		tl_html_lit(b, "<tr class=\"tl-table__ref\"><th scope=\"row\" class=\"utrecht-table__header-cell\">");
		tl_html_text(b, refs[k]->name);
		tl_html_lit(b, "</th>");
		value_cell(b, d, tl_model_obs(m, d->slug, refs[k]->code, &per), lang);
		tl_html_lit(b, "</tr>\n");
	}
	tl_html_lit(b, "</tbody></table></div></details>\n");
}

/* Notes: definition, series breaks, and why figures are missing. */
static void notes(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	int any_prov = 0;
	size_t n_missing = 0;
	for (size_t i = 0; i < m->n_obs; i++) {
		const struct tl_observation *o = &m->obs[i];
		if (strcmp(o->indicator, d->slug) != 0)
			continue;
		any_prov |= o->status == TL_STATUS_PROVISIONAL;
		n_missing += o->status == TL_STATUS_MISSING && o->note;
	}
	if (!d->notes && !d->n_breaks && !any_prov && !n_missing && !d->source_detail)
		return;
	tl_html_lit(b, "<div class=\"tl-notes\">\n");
	if (d->notes) {
		tl_html_lit(b, "<p>");
		tl_html_text(b, d->notes);
		tl_html_lit(b, "</p>\n");
	}
	for (size_t i = 0; i < d->n_breaks; i++) {
		tl_html_lit(b, "<p><strong>");
		tl_html_text(b, tl_word(lang, "Trendbreuk ", "Series break "));
		tl_html_int(b, d->breaks[i].year);
		tl_html_lit(b, ":</strong> ");
		tl_html_text(b, d->breaks[i].explanation);
		tl_html_lit(b, "</p>\n");
	}
	if (any_prov) {
		tl_html_lit(b, "<p>");
		tl_html_text(b, tl_word(lang, "* voorlopig cijfer", "* provisional figure"));
		tl_html_lit(b, "</p>\n");
	}
	if (n_missing) {
		tl_html_lit(b, "<ul class=\"tl-missing-list\">\n");
		/* One line per region and reason, with its periods: observations are
		 * sorted by region and period, so equal runs are adjacent. */
		size_t i = 0;
		while (i < m->n_obs) {
			const struct tl_observation *o = &m->obs[i];
			if (strcmp(o->indicator, d->slug) != 0 || o->status != TL_STATUS_MISSING || !o->note) {
				i++;
				continue;
			}
			size_t j = i + 1;
			while (j < m->n_obs && !strcmp(m->obs[j].indicator, d->slug) &&
			       !strcmp(m->obs[j].region, o->region) && m->obs[j].status == TL_STATUS_MISSING &&
			       m->obs[j].note && !strcmp(m->obs[j].note, o->note))
				j++;
			const struct tl_region *r = tl_model_region(m, o->region);
			tl_html_lit(b, "<li>");
			tl_html_text(b, tl_word(lang, "Geen gegevens voor ", "No data for "));
			tl_html_text(b, r ? r->name : o->region);
			tl_html_lit(b, " (");
			tl_html_int(b, o->period.year);
			int span = m->obs[j - 1].period.year - o->period.year + 1;
			if (j - i > 1 && (size_t)span == j - i && j - i > 2) {
				tl_html_lit(b, "–"); /* every year of the range */
				tl_html_int(b, m->obs[j - 1].period.year);
			} else {
				for (size_t k = i + 1; k < j; k++) {
					tl_html_lit(b, ", ");
					tl_html_int(b, m->obs[k].period.year);
				}
			}
			tl_html_lit(b, "): ");
			tl_html_text(b, o->note);
			tl_html_lit(b, "</li>\n");
			i = j;
		}
		tl_html_lit(b, "</ul>\n");
	}
	if (d->source_detail) {
		tl_html_lit(b, "<p>");
		tl_html_text(b, tl_word(lang, "Bron: ", "Source: "));
		tl_html_text(b, d->source_detail);
		tl_html_lit(b, "</p>\n");
	}
	tl_html_lit(b, "</div>\n");
}

void tl_figure_open(tl_buf *b, const char *block, const char *id, int level, const char *title_prefix,
		    const char *title)
{
	static const char *const h_open[] = {"<h2", "<h3", "<h4", "<h5", "<h6"};
	static const char *const h_close[] = {"</h2>", "</h3>", "</h4>", "</h5>", "</h6>"};
	int k = (level < 2 ? 2 : level > 6 ? 6 : level) - 2;
	tl_html_lit(b, "<section");
	tl_html_attr(b, "class", block);
	tl_html_attr(b, "id", id);
	tl_html_lit(b, ">\n");
	tl_buf at = TL_BUF_INIT;
	tl_buf_printf(&at, "%s__title", block);
	tl_html_lit(b, h_open[k]);
	tl_html_attr(b, "class", at.data);
	tl_html_lit(b, ">");
	tl_html_text(b, title_prefix);
	tl_html_text(b, title);
	tl_html_lit(b, h_close[k]);
	tl_html_lit(b, "\n");
	tl_buf_free(&at);
}

void tl_render_indicator(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d,
			 int heading_level)
{
	char id[96]; /* charts and tables take their ids from the section's */
	snprintf(id, sizeof id, "indicator-%s", d->slug);
	tl_figure_open(b, "tl-indicator", id, heading_level, "", d->title);

	size_t before = b->len;
	tl_buf lead = TL_BUF_INIT;
	tl_narrate_indicator(&lead, p->m, d, p->lang);
	if (lead.len) {
		tl_html_lit(b, "<p class=\"tl-lead\">");
		tl_html_text(b, lead.data);
		tl_html_lit(b, "</p>\n");
	}
	tl_buf_free(&lead);
	size_t after_lead = b->len;
	trend(b, p, d, id);
	municipalities(b, p, d, id);
	if (b->len == after_lead) {
		/* No figures anywhere: say so plainly, no empty chart. */
		(void)before;
		tl_html_lit(b, "<p class=\"tl-nodata\">");
		tl_html_text(b, tl_word(p->lang,
					"Voor deze indicator zijn (nog) geen cijfers beschikbaar in de data van dit verslag.",
					"There are no figures for this indicator in this report's data (yet)."));
		tl_html_lit(b, "</p>\n");
	}
	notes(b, p, d);
	tl_render_downloads(b, p, d);
	tl_html_lit(b, "</section>\n");
}

void tl_render_downloads(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d)
{
	static const char *const ext[] = {"csv", "json"}, *const label[] = {"CSV", "JSON"};
	tl_html_lit(b, "<p class=\"tl-download\">");
	tl_html_text(b, tl_word(p->lang, "Download de cijfers van ", "Download the figures for "));
	tl_html_text(b, d->title);
	tl_html_lit(b, ": ");
	for (int i = 0; i < 2; i++) {
		char file[160];
		snprintf(file, sizeof file, "%sdata/%s.%s", p->root ? p->root : "", d->slug, ext[i]);
		if (i)
			tl_html_lit(b, " · ");
		tl_html_lit(b, "<a");
		tl_html_href(b, file);
		tl_html_lit(b, ">");
		tl_html_text(b, label[i]);
		tl_html_lit(b, "<span class=\"tl-visually-hidden\"> ");
		tl_html_text(b, d->title);
		tl_html_lit(b, "</span></a>");
	}
	tl_html_lit(b, "</p>\n");
}
