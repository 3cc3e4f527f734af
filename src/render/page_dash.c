/*
 * page_dash — the dashboard pages (see pages_dash.h).  Everything a page
 * allocates lives in an arena of its own, freed before it returns: these
 * pages answer arbitrary queries, so nothing may pile up in the model's
 * arena.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../analysis/compare.h"
#include "../model/report.h"
#include "../text/story.h"
#include "chart.h"
#include "html.h"
#include "pages_dash.h"
#include "parts.h"

static const char *W(const struct tl_page *p, const char *nl, const char *en)
{
	return tl_word(p->lang, nl, en);
}

static void h2(tl_buf *b, const char *text)
{
	tl_html_lit(b, "<h2 class=\"utrecht-heading-2\">");
	tl_html_text(b, text);
	tl_html_lit(b, "</h2>\n");
}

static void errors(tl_buf *b, const struct tl_page *p, const tl_errors *errs)
{
	tl_part_errors(b, W(p, "Deze vraag kan zo niet worden beantwoord:", "This question cannot be answered as asked:"),
		       errs, NULL, NULL, 0);
}

/* After a publication: these are today's figures, not the report's. */
static void published_note(tl_buf *b, const struct tl_page *p, const struct tl_dash_query *q)
{
	if (!q->published_at)
		return;
	tl_html_lit(b, "<p class=\"tl-dash-note\">");
	tl_html_text(b, W(p, "Het dashboard toont de actuele gegevens. Het verslag is gepubliceerd op ",
			  "The dashboard shows the current data. The report was published on "));
	tl_html_textn(b, q->published_at, strlen(q->published_at) >= 10 ? 10 : strlen(q->published_at));
	tl_html_text(b, W(p, " en blijft zoals het toen was; wat daarna is bijgewerkt staat hier wel, in het verslag "
			     "nog niet.",
			  " and stays as it was then; what has been updated since is shown here, not yet in the "
			  "report."));
	tl_html_lit(b, "</p>\n");
}

/* Links between the three pages. */
static void dash_nav(tl_buf *b, const struct tl_page *p, const char *current)
{
	static const char *const pages[][3] = {
		{"/verkennen", "Cijfers verkennen", "Explore figures"},
		{"/vergelijken", "Vergelijken", "Compare"},
		{"/zoeken", "Zoeken", "Search"},
	};
	tl_html_lit(b, "<nav class=\"tl-dash-nav\"");
	tl_html_attr(b, "aria-label", W(p, "Dashboard", "Dashboard"));
	tl_html_lit(b, "><ul>\n");
	for (size_t i = 0; i < 3; i++) {
		tl_html_lit(b, "<li>");
		if (!strcmp(pages[i][0], current)) {
			tl_html_lit(b, "<a aria-current=\"page\"");
			tl_html_attr(b, "href", pages[i][0]);
			tl_html_lit(b, ">");
			tl_html_text(b, W(p, pages[i][1], pages[i][2]));
			tl_html_lit(b, "</a>");
		} else {
			tl_html_link(b, pages[i][0], W(p, pages[i][1], pages[i][2]));
		}
		tl_html_lit(b, "</li>\n");
	}
	tl_html_lit(b, "</ul></nav>\n");
}

/* ---- Form pieces --------------------------------------------------------- */

static void label(tl_buf *b, const char *id, const char *text)
{
	tl_html_lit(b, "<label");
	tl_html_attr(b, "for", id);
	tl_html_lit(b, ">");
	tl_html_text(b, text);
	tl_html_lit(b, "</label><br>");
}

static void option(tl_buf *b, const char *value, const char *text, int selected)
{
	tl_html_lit(b, "<option");
	tl_html_attr(b, "value", value);
	if (selected)
		tl_html_lit(b, " selected");
	tl_html_lit(b, ">");
	tl_html_text(b, text);
	tl_html_lit(b, "</option>");
}

static void theme_select(tl_buf *b, const struct tl_page *p, const char *current)
{
	const struct tl_model *m = p->m;
	tl_html_lit(b, "<p>");
	label(b, "thema", W(p, "Thema", "Theme"));
	tl_html_lit(b, "<select id=\"thema\" name=\"thema\">");
	option(b, "", W(p, "(alle thema's)", "(all themes)"), !current);
	for (size_t i = 0; i < m->n_themes; i++)
		option(b, m->themes[i].slug, m->themes[i].title, current && !strcmp(current, m->themes[i].slug));
	tl_html_lit(b, "</select></p>\n");
}

static int in_theme(const struct tl_indicator *d, const char *theme)
{
	return !theme || (d->theme && !strcmp(d->theme, theme));
}

/* The regions one can choose: the agenda's own, the nation and province
 * first and the municipalities by name (the model keeps them in code order,
 * which put "Meppel" before "Aa en Hunze" and the nation last). */
static void region_options(tl_buf *b, const struct tl_model *m, const char *const *chosen, size_t n)
{
	size_t nr;
	const struct tl_region **by_level = tl_model_regions_by_level(m, &nr);
	for (size_t i = 0; i < nr; i++) {
		const struct tl_region *r = by_level[i];
		int sel = 0;
		for (size_t k = 0; k < n; k++)
			if (chosen[k] && !strcmp(chosen[k], r->code))
				sel = 1;
		option(b, r->code, r->name, sel);
	}
}

static void year_input(tl_buf *b, const char *id, const char *text, int year)
{
	tl_html_lit(b, "<p>");
	label(b, id, text);
	tl_html_lit(b, "<input inputmode=\"numeric\" size=\"6\" maxlength=\"4\"");
	tl_html_attr(b, "id", id);
	tl_html_attr(b, "name", id);
	if (year) {
		char y[16];
		snprintf(y, sizeof y, "%d", year);
		tl_html_attr(b, "value", y);
	} else {
		tl_html_attr(b, "value", "");
	}
	tl_html_lit(b, "></p>\n");
}

static void submit(tl_buf *b, const char *text)
{
	tl_html_lit(b, "<p><button class=\"utrecht-button\" type=\"submit\">");
	tl_html_text(b, text);
	tl_html_lit(b, "</button></p>\n</form>\n");
}

/* ---- Values ---------------------------------------------------------------- */

static void value_text(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d,
		       const struct tl_observation *o)
{
	if (!o || !tl_status_has_value(o->status)) {
		tl_html_text(b, W(p, "geen gegevens", "no data"));
		return;
	}
	tl_html_value(b, o->value, d->decimals, tl_unit_kind(d->unit), p->lang);
	if (o->status == TL_STATUS_PROVISIONAL)
		tl_html_lit(b, "*");
}

static void value_cell(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d,
		       const struct tl_observation *o)
{
	tl_html_lit(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-data\">");
	value_text(b, p, d, o);
	tl_html_lit(b, "</td>");
}

static void period_label(tl_buf *b, const struct tl_period *pe)
{
	char t[24];
	if (pe->kind == TL_PERIOD_YEAR)
		snprintf(t, sizeof t, "%d", pe->year);
	else if (pe->kind == TL_PERIOD_QUARTER)
		snprintf(t, sizeof t, "%d K%d", pe->year, pe->sub);
	else
		snprintf(t, sizeof t, "%d-%02d", pe->year, pe->sub);
	tl_html_text(b, t);
}

/* The newest observation with a value in region's series, or NULL. */
static const struct tl_observation *latest(const struct tl_model *m, const char *indicator,
					   const char *region)
{
	size_t n;
	const struct tl_observation *s = tl_model_series(m, indicator, region, &n);
	for (size_t i = n; i-- > 0;)
		if (tl_status_has_value(s[i].status))
			return &s[i];
	return NULL;
}

/* ---- Explorer ---------------------------------------------------------------- */

static void explore_form(tl_buf *b, const struct tl_page *p, const struct tl_dash_query *q,
			 const char *const *regions, size_t nr)
{
	const struct tl_model *m = p->m;
	tl_html_lit(b, "<form class=\"tl-form\" method=\"get\" action=\"/verkennen\">\n");
	theme_select(b, p, q->theme);
	tl_html_lit(b, "<p>");
	label(b, "indicator", W(p, "Indicator", "Indicator"));
	tl_html_lit(b, "<select id=\"indicator\" name=\"indicator\">");
	option(b, "", W(p, "(kies een indicator)", "(choose an indicator)"), !q->indicator);
	for (size_t i = 0; i < m->n_indicators; i++) {
		const struct tl_indicator *d = &m->indicators[i];
		if (in_theme(d, q->theme))
			option(b, d->slug, d->title, q->indicator && !strcmp(q->indicator, d->slug));
	}
	tl_html_lit(b, "</select></p>\n<p>");
	label(b, "regio", W(p, "Regio's (houd Ctrl of Cmd ingedrukt om er meer te kiezen, hoogstens 6)",
			    "Regions (hold Ctrl or Cmd to choose more, at most 6)"));
	tl_html_lit(b, "<select id=\"regio\" name=\"regio\" multiple size=\"8\">");
	region_options(b, m, regions, nr);
	tl_html_lit(b, "</select></p>\n");
	year_input(b, "van", W(p, "Vanaf jaar (niet verplicht)", "From year (optional)"), q->from);
	year_input(b, "tot", W(p, "Tot en met jaar (niet verplicht)", "To year (optional)"), q->to);
	submit(b, W(p, "Tonen", "Show"));
}

static int year_in(const struct tl_dash_query *q, int y)
{
	return (!q->from || y >= q->from) && (!q->to || y <= q->to);
}

/* The distinct periods of d for the regions within the years asked, in
 * order, into a (at most cap). */
static size_t periods_of(const struct tl_model *m, const struct tl_indicator *d,
			 const char *const *regions, size_t nr, const struct tl_dash_query *q,
			 struct tl_period *out, size_t cap)
{
	size_t n = 0;
	for (size_t r = 0; r < nr; r++) {
		size_t ns;
		const struct tl_observation *s = tl_model_series(m, d->slug, regions[r], &ns);
		for (size_t i = 0; i < ns; i++) {
			if (!year_in(q, s[i].period.year))
				continue;
			size_t k = 0;
			while (k < n && tl_period_cmp(&out[k], &s[i].period) < 0)
				k++;
			if (k < n && !tl_period_cmp(&out[k], &s[i].period))
				continue;
			if (n == cap)
				continue;
			memmove(&out[k + 1], &out[k], (n - k) * sizeof *out);
			out[k] = s[i].period;
			n++;
		}
	}
	return n;
}

static void explore_indicator(tl_buf *b, const struct tl_page *p, tl_arena *a,
			      const struct tl_dash_query *q, const struct tl_indicator *d,
			      const char *const *regions, size_t nr)
{
	const struct tl_model *m = p->m;
	h2(b, d->title);
	if (d->subject)
		tl_part_para(b, d->subject);
	size_t cap = 0;
	for (size_t r = 0; r < nr; r++) {
		size_t ns;
		tl_model_series(m, d->slug, regions[r], &ns);
		cap += ns;
	}
	struct tl_period *ps = TL_NEW_ARRAY(a, struct tl_period, cap + 1);
	size_t np = periods_of(m, d, regions, nr, q, ps, cap);
	if (!np) {
		tl_part_para(b, W(p, "Er zijn geen cijfers voor deze keuze.", "There are no figures for this choice."));
		return;
	}
	/* The chart: yearly figures only (quarters and months are in the table). */
	size_t ny = 0;
	for (size_t i = 0; i < np; i++)
		ny += ps[i].kind == TL_PERIOD_YEAR;
	if (ny >= 2) {
		const char **labels = TL_NEW_ARRAY(a, const char *, ny);
		struct tl_period *ys = TL_NEW_ARRAY(a, struct tl_period, ny);
		size_t k = 0;
		for (size_t i = 0; i < np; i++)
			if (ps[i].kind == TL_PERIOD_YEAR) {
				ys[k] = ps[i];
				labels[k++] = tl_arena_printf(a, "%d", ps[i].year);
			}
		struct tl_chart_series *ser = TL_NEW_ARRAY(a, struct tl_chart_series, nr);
		for (size_t r = 0; r < nr; r++) {
			double *v = TL_NEW_ARRAY(a, double, ny);
			unsigned char *present = TL_NEW_ARRAY(a, unsigned char, ny);
			unsigned char *prov = TL_NEW_ARRAY(a, unsigned char, ny);
			for (size_t i = 0; i < ny; i++) {
				const struct tl_observation *o = tl_model_obs(m, d->slug, regions[r], &ys[i]);
				if (o && tl_status_has_value(o->status)) {
					v[i] = o->value;
					present[i] = 1;
					prov[i] = o->status == TL_STATUS_PROVISIONAL;
				}
			}
			const struct tl_region *rg = tl_model_region(m, regions[r]);
			ser[r] = (struct tl_chart_series){rg ? rg->name : regions[r], v, present, prov, (int)r};
		}
		size_t *brk = TL_NEW_ARRAY(a, size_t, ny);
		size_t nbrk = 0;
		for (size_t i = 1; i < ny; i++)
			for (size_t bi = 0; bi < d->n_breaks; bi++)
				if (d->breaks[bi].year > ys[i - 1].year && d->breaks[bi].year <= ys[i].year) {
					brk[nbrk++] = i;
					break;
				}
		struct tl_line_chart lc = {0};
		lc.id = "verkennen";
		lc.title = tl_arena_printf(a, "%s, %s–%s", d->title, labels[0], labels[ny - 1]);
		lc.desc = tl_arena_printf(a, "%s %s", W(p, "Lijngrafiek van", "Line chart of"), d->title);
		lc.x_labels = labels;
		lc.n_x = ny;
		lc.series = ser;
		lc.n_series = nr;
		lc.breaks = brk;
		lc.n_breaks = nbrk;
		lc.decimals = d->decimals;
		lc.kind = tl_unit_kind(d->unit);
		lc.lang = p->lang;
		lc.layout = TL_CHART_RESPONSIVE;
		tl_html_lit(b, "<figure class=\"utrecht-figure tl-figure\">\n");
		tl_chart_line(b, &lc);
		tl_html_lit(b, "<figcaption class=\"utrecht-figure__caption\">");
		tl_html_text(b, d->title);
		if (d->unit && *d->unit) {
			tl_html_lit(b, " (");
			tl_html_text(b, d->unit);
			tl_html_lit(b, ")");
		}
		if (d->source) {
			tl_html_lit(b, ". ");
			tl_html_text(b, W(p, "Bron: ", "Source: "));
			tl_html_text(b, d->source);
		}
		tl_html_lit(b, "</figcaption>\n</figure>\n");
	}
	tl_html_scroll_begin(b, d->title, W(p, "cijfers per periode", "figures per period"));
	tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption\">");
	tl_html_text(b, d->title);
	tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr><th scope=\"col\" class=\"utrecht-table__header-cell\">");
	tl_html_text(b, W(p, "Periode", "Period"));
	tl_html_lit(b, "</th>");
	for (size_t r = 0; r < nr; r++) {
		const struct tl_region *rg = tl_model_region(m, regions[r]);
		tl_html_lit(b, "<th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">");
		tl_html_text(b, rg ? rg->name : regions[r]);
		tl_html_lit(b, "</th>");
	}
	tl_html_lit(b, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	int any_prov = 0;
	for (size_t i = 0; i < np; i++) {
		tl_html_lit(b, "<tr><th scope=\"row\" class=\"utrecht-table__header-cell\">");
		period_label(b, &ps[i]);
		tl_html_lit(b, "</th>");
		for (size_t r = 0; r < nr; r++) {
			const struct tl_observation *o = tl_model_obs(m, d->slug, regions[r], &ps[i]);
			any_prov |= o && o->status == TL_STATUS_PROVISIONAL;
			value_cell(b, p, d, o);
		}
		tl_html_lit(b, "</tr>\n");
	}
	tl_html_lit(b, "</tbody></table></div>\n");
	if (any_prov)
		tl_part_para(b, W(p, "* voorlopig cijfer", "* provisional figure"));
	tl_html_lit(b, "<p>");
	tl_html_link(b, tl_arena_printf(a, "/data/%s.csv", d->slug),
		     W(p, "Alle cijfers van deze indicator (CSV)", "All figures of this indicator (CSV)"));
	tl_html_lit(b, "</p>\n");
}

/* Without an indicator: the indicators of the theme with the focus region's
 * latest figure. */
static void explore_overview(tl_buf *b, const struct tl_page *p, tl_arena *a,
			     const struct tl_dash_query *q)
{
	const struct tl_model *m = p->m;
	const char *focus = m->agenda.focus_region;
	const struct tl_region *fr = focus ? tl_model_region(m, focus) : NULL;
	h2(b, W(p, "Indicatoren", "Indicators"));
	tl_html_scroll_begin(b, W(p, "Laatste cijfer per indicator", "Latest figure per indicator"),
			     fr ? fr->name : NULL);
	tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption\">");
	tl_html_text(b, W(p, "Laatste cijfer per indicator", "Latest figure per indicator"));
	if (fr) {
		tl_html_lit(b, ", ");
		tl_html_text(b, fr->name);
	}
	tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr><th scope=\"col\" class=\"utrecht-table__header-cell\">");
	tl_html_text(b, W(p, "Indicator", "Indicator"));
	tl_html_lit(b, "</th><th scope=\"col\" class=\"utrecht-table__header-cell\">");
	tl_html_text(b, W(p, "Periode", "Period"));
	tl_html_lit(b, "</th><th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">");
	tl_html_text(b, W(p, "Waarde", "Value"));
	tl_html_lit(b, "</th></tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	for (size_t i = 0; i < m->n_indicators; i++) {
		const struct tl_indicator *d = &m->indicators[i];
		if (!in_theme(d, q->theme))
			continue;
		const struct tl_observation *o = focus ? latest(m, d->slug, focus) : NULL;
		tl_html_lit(b, "<tr><th scope=\"row\" class=\"utrecht-table__header-cell\">");
		tl_html_link(b, tl_arena_printf(a, "/verkennen?indicator=%s", d->slug), d->title);
		tl_html_lit(b, "</th><td class=\"utrecht-table__cell\">");
		if (o)
			period_label(b, &o->period);
		tl_html_lit(b, "</td>");
		value_cell(b, p, d, o);
		tl_html_lit(b, "</tr>\n");
	}
	tl_html_lit(b, "</tbody></table></div>\n");
}

void tl_page_explore(tl_buf *b, const struct tl_page *p, const struct tl_dash_query *q,
		     const tl_errors *errs)
{
	const struct tl_model *m = p->m;
	tl_arena *a = tl_arena_new();
	const char *regions[TL_DASH_MAX_REGIONS];
	size_t nr = 0;
	for (size_t i = 0; i < q->n_regions && nr < TL_DASH_MAX_REGIONS; i++)
		regions[nr++] = q->regions[i];
	if (!nr) {
		if (m->agenda.focus_region && tl_model_region(m, m->agenda.focus_region))
			regions[nr++] = m->agenda.focus_region;
		if (m->agenda.national_region && tl_model_region(m, m->agenda.national_region))
			regions[nr++] = m->agenda.national_region;
	}
	tl_layout_begin(b, p);
	dash_nav(b, p, "/verkennen");
	tl_part_h1(b, W(p, "Cijfers verkennen", "Explore figures"));
	published_note(b, p, q);
	tl_part_para(b, W(p, "Kies een indicator en de regio's en jaren die u wilt zien. U krijgt een grafiek van de "
		     "jaarcijfers en een tabel met alle cijfers.",
		  "Choose an indicator and the regions and years you want to see. You get a chart of the "
		  "yearly figures and a table with all figures."));
	errors(b, p, errs);
	explore_form(b, p, q, regions, nr);
	const struct tl_indicator *d = q->indicator ? tl_model_indicator(m, q->indicator) : NULL;
	if (d && nr)
		explore_indicator(b, p, a, q, d, regions, nr);
	else
		explore_overview(b, p, a, q);
	tl_layout_end(b, p);
	tl_arena_free(a);
}

/* ---- Compare ------------------------------------------------------------------ */

/* The cell of indicator d for region in `year` (0: the latest year both
 * regions have a yearly figure for, or the region's latest yearly figure
 * when the other has none). */
static const struct tl_observation *pick(const struct tl_model *m, const struct tl_indicator *d,
					 const char *region, int year, const char *other, int other_year)
{
	struct tl_period pe = {year, TL_PERIOD_YEAR, 0};
	if (year)
		return tl_model_obs(m, d->slug, region, &pe);
	size_t n;
	const struct tl_observation *s = tl_model_series(m, d->slug, region, &n);
	const struct tl_observation *own = NULL;
	for (size_t i = n; i-- > 0;) {
		if (s[i].period.kind != TL_PERIOD_YEAR || !tl_status_has_value(s[i].status))
			continue;
		if (!own)
			own = &s[i];
		if (other_year)
			return own; /* the other side is fixed: simply the latest */
		const struct tl_observation *o = tl_model_obs(m, d->slug, other, &s[i].period);
		if (o && tl_status_has_value(o->status))
			return &s[i];
	}
	return own;
}

static void diff_text(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d, double v)
{
	enum tl_unit_kind k = tl_unit_kind(d->unit);
	double r = pow(10, d->decimals);
	if (round(v * r) == 0)
		v = 0;
	if (v > 0)
		tl_html_lit(b, "+");
	if (k == TL_UNIT_PERCENT) {
		tl_html_value(b, v, d->decimals, TL_UNIT_NUMBER, p->lang);
		tl_html_lit(b, " ");
		tl_html_text(b, W(p, "procentpunt", "percentage points"));
	} else {
		tl_html_value(b, v, d->decimals, k, p->lang);
	}
}

static void compare_form(tl_buf *b, const struct tl_page *p, const struct tl_dash_query *q)
{
	const struct tl_model *m = p->m;
	tl_html_lit(b, "<form class=\"tl-form\" method=\"get\" action=\"/vergelijken\">\n");
	theme_select(b, p, q->theme);
	const char *const sides[2][4] = {
		{"links", "jaar_links", "Links", "Left"},
		{"rechts", "jaar_rechts", "Rechts", "Right"},
	};
	for (int s = 0; s < 2; s++) {
		const char *cur = s ? q->right : q->left;
		tl_html_lit(b, "<fieldset><legend>");
		tl_html_text(b, W(p, sides[s][2], sides[s][3]));
		tl_html_lit(b, "</legend>\n<p>");
		label(b, sides[s][0], W(p, "Regio", "Region"));
		tl_html_lit(b, "<select");
		tl_html_attr(b, "id", sides[s][0]);
		tl_html_attr(b, "name", sides[s][0]);
		tl_html_lit(b, ">");
		region_options(b, m, &cur, 1);
		tl_html_lit(b, "</select></p>\n");
		year_input(b, sides[s][1], W(p, "Jaar (leeg: het laatste jaar met cijfers)", "Year (empty: the latest year with figures)"),
			   s ? q->right_year : q->left_year);
		tl_html_lit(b, "</fieldset>\n");
	}
	submit(b, W(p, "Vergelijken", "Compare"));
}

void tl_page_compare(tl_buf *b, const struct tl_page *p, const struct tl_dash_query *q,
		     const tl_errors *errs)
{
	const struct tl_model *m = p->m;
	struct tl_dash_query qq = *q;
	if (!qq.left)
		qq.left = m->agenda.focus_region;
	if (!qq.right)
		qq.right = m->agenda.national_region;
	const struct tl_region *l = qq.left ? tl_model_region(m, qq.left) : NULL;
	const struct tl_region *r = qq.right ? tl_model_region(m, qq.right) : NULL;
	tl_layout_begin(b, p);
	dash_nav(b, p, "/vergelijken");
	tl_part_h1(b, W(p, "Vergelijken", "Compare"));
	published_note(b, p, q);
	tl_part_para(b, W(p, "Zet twee regio's naast elkaar, of één regio in twee jaren. Zonder jaar geldt het laatste "
		     "jaar waarin beide kanten een cijfer hebben.",
		  "Set two regions side by side, or one region in two years. Without a year, the latest "
		  "year in which both sides have a figure applies."));
	errors(b, p, errs);
	compare_form(b, p, &qq);
	if (!l || !r) {
		tl_layout_end(b, p);
		return;
	}
	tl_arena *a = tl_arena_new();
	h2(b, tl_arena_printf(a, "%s %s %s", l->name, W(p, "naast", "beside"), r->name));
	const char *cap = tl_arena_printf(a, "%s %s %s", l->name, W(p, "en", "and"), r->name);
	tl_html_scroll_begin(b, W(p, "Per indicator", "Per indicator"), cap);
	tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption\">");
	tl_html_text(b, tl_arena_printf(a, "%s: %s", W(p, "Per indicator", "Per indicator"), cap));
	tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr><th scope=\"col\" class=\"utrecht-table__header-cell\">");
	tl_html_text(b, W(p, "Indicator", "Indicator"));
	tl_html_lit(b, "</th><th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">");
	tl_html_text(b, l->name);
	tl_html_lit(b, "</th><th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">");
	tl_html_text(b, r->name);
	tl_html_lit(b, "</th><th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">");
	tl_html_text(b, W(p, "Verschil (rechts − links)", "Difference (right − left)"));
	tl_html_lit(b, "</th><th scope=\"col\" class=\"utrecht-table__header-cell\">");
	tl_html_text(b, W(p, "Oordeel", "Reading"));
	tl_html_lit(b, "</th></tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	for (size_t i = 0; i < m->n_indicators; i++) {
		const struct tl_indicator *d = &m->indicators[i];
		if (!in_theme(d, qq.theme))
			continue;
		const struct tl_observation *ol = pick(m, d, l->code, qq.left_year, r->code, qq.right_year);
		const struct tl_observation *orr = pick(m, d, r->code, qq.right_year, l->code, qq.left_year);
		/* Without years asked, both sides take the same period when they can. */
		if (!qq.left_year && !qq.right_year && ol && orr && tl_period_cmp(&ol->period, &orr->period)) {
			const struct tl_observation *x = tl_model_obs(m, d->slug, r->code, &ol->period);
			if (x && tl_status_has_value(x->status))
				orr = x;
		}
		tl_html_lit(b, "<tr><th scope=\"row\" class=\"utrecht-table__header-cell\">");
		tl_html_link(b, tl_arena_printf(a, "/verkennen?indicator=%s&regio=%s&regio=%s", d->slug, l->code, r->code),
			     d->title);
		tl_html_lit(b, "</th>");
		const struct tl_observation *side[2] = {ol, orr};
		for (int s = 0; s < 2; s++) {
			tl_html_lit(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-data\">");
			value_text(b, p, d, side[s]);
			if (side[s] && tl_status_has_value(side[s]->status)) {
				tl_html_lit(b, " (");
				period_label(b, &side[s]->period);
				tl_html_lit(b, ")");
			}
			tl_html_lit(b, "</td>");
		}
		int both = ol && orr && tl_status_has_value(ol->status) && tl_status_has_value(orr->status);
		tl_html_lit(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-data\">");
		if (both)
			diff_text(b, p, d, orr->value - ol->value);
		tl_html_lit(b, "</td><td class=\"utrecht-table__cell\">");
		if (both) {
			int cmp = tl_compare_tolerance(orr->value, ol->value, d->decimals, 0);
			int fav = tl_compare_favour((int)d->polarity, orr->value, ol->value, d->decimals, 0);
			const char *t = cmp == 0 ? W(p, "gelijk", "equal")
				      : fav > 0  ? W(p, "rechts gunstiger", "right more favourable")
				      : fav < 0  ? W(p, "rechts ongunstiger", "right less favourable")
				      : cmp > 0  ? W(p, "rechts hoger", "right higher")
						 : W(p, "rechts lager", "right lower");
			tl_html_text(b, t);
		} else {
			tl_html_text(b, W(p, "niet te vergelijken", "cannot be compared"));
		}
		tl_html_lit(b, "</td></tr>\n");
	}
	tl_html_lit(b, "</tbody></table></div>\n");
	tl_part_para(b, W(p, "Gelijk: beide cijfers zijn na afronding hetzelfde. Gunstiger en ongunstiger volgen uit "
		     "de richting van de indicator (hoger is beter, of lager is beter).",
		  "Equal: both figures are the same after rounding. More or less favourable follows from "
		  "the indicator's direction (higher is better, or lower is better)."));
	tl_arena_free(a);
	tl_layout_end(b, p);
}

/* ---- Search ------------------------------------------------------------------- */

void tl_dash_fold(const char *s, tl_buf *out)
{
	/* Two-byte UTF-8 sequences C3 80..C3 BF (Latin-1 letters) to ASCII. */
	static const char latin1[64] = "aaaaaaaceeeeiiii"  /* C0..CF: À..Ï */
				       "dnooooo*ouuuuyps"  /* D0..DF: Ð..ß */
				       "aaaaaaaceeeeiiii"  /* E0..EF: à..ï */
				       "dnooooo/ouuuuypy"; /* F0..FF: ð..ÿ */
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 'A' && *p <= 'Z') {
			tl_buf_putc(out, (char)(*p - 'A' + 'a'));
		} else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			tl_buf_putc(out, latin1[p[1] - 0x80]);
			p++;
		} else {
			tl_buf_putc(out, (char)*p);
		}
	}
}

struct hit {
	const char *kind, *title, *href, *snippet;
};

struct hits {
	struct hit *v;
	size_t n, cap;
};

static void hit_add(tl_arena *a, struct hits *h, const char *kind, const char *title, const char *href,
		    const char *snippet)
{
	if (h->n == h->cap) {
		size_t cap = h->cap ? h->cap * 2 : 32;
		struct hit *v = TL_NEW_ARRAY(a, struct hit, cap);
		if (h->n)
			memcpy(v, h->v, h->n * sizeof *v);
		h->v = v;
		h->cap = cap;
	}
	h->v[h->n++] = (struct hit){kind, title, href, snippet};
}

/* Does any of the texts (NULL-terminated list, entries may be NULL)
 * contain the folded needle? */
static int matches(const char *needle, const char *const *texts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (!texts[i])
			continue;
		tl_buf f = TL_BUF_INIT;
		tl_dash_fold(texts[i], &f);
		int hit = f.data && strstr(f.data, needle);
		tl_buf_free(&f);
		if (hit)
			return 1;
	}
	return 0;
}

/* A chapter's file for a theme, or NULL. */
static const char *theme_href(const struct tl_model *m, tl_arena *a, const char *theme)
{
	for (size_t i = 0; theme && i < m->n_chapters; i++)
		if (m->chapters[i].theme && !strcmp(m->chapters[i].theme, theme)) {
			char f[96];
			tl_chapter_file(&m->chapters[i], f, sizeof f);
			return tl_arena_printf(a, "/%s", f);
		}
	return NULL;
}

static void search_all(const struct tl_page *p, tl_arena *a, const char *needle, struct hits *h)
{
	const struct tl_model *m = p->m;
	for (size_t i = 0; i < m->n_chapters; i++) {
		const struct tl_chapter *c = &m->chapters[i];
		const char *title = tl_chapter_title(m, c);
		const struct tl_theme *t = c->theme ? tl_model_theme(m, c->theme) : NULL;
		const char *texts[] = {title, t ? t->subtitle : NULL};
		if (matches(needle, texts, 2)) {
			char f[96];
			tl_chapter_file(c, f, sizeof f);
			hit_add(a, h, W(p, "Hoofdstuk", "Chapter"), title, tl_arena_printf(a, "/%s", f), NULL);
		}
	}
	for (size_t i = 0; i < m->n_goals; i++) {
		const struct tl_goal *g = &m->goals[i];
		const char *texts[] = {g->title};
		if (matches(needle, texts, 1))
			hit_add(a, h, W(p, "Doel", "Goal"), g->title, theme_href(m, a, g->theme), NULL);
	}
	for (size_t i = 0; i < m->n_indicators; i++) {
		const struct tl_indicator *d = &m->indicators[i];
		const char *texts[] = {d->title, d->subject, d->source, d->source_detail, d->notes};
		if (matches(needle, texts, 5))
			hit_add(a, h, W(p, "Indicator", "Indicator"), d->title,
				tl_arena_printf(a, "/verkennen?indicator=%s", d->slug), d->subject);
	}
	for (size_t i = 0; i < m->n_instruments; i++) {
		const struct tl_instrument *in = &m->instruments[i];
		const char *texts[] = {in->name, in->kind, in->description};
		int hit = matches(needle, texts, 3) || matches(needle, in->partners, in->n_partners);
		if (hit)
			hit_add(a, h, W(p, "Instrument", "Instrument"), in->name, theme_href(m, a, in->theme), in->kind);
	}
	for (size_t i = 0; i < m->n_stories; i++) {
		const struct tl_story *y = &m->stories[i];
		if (!y->published)
			continue;
		/* Names of people without consent are withheld before matching,
		 * so a search cannot tell they are in the story. */
		tl_buf red = TL_BUF_INIT;
		const char *parts[] = {y->title, y->kicker, y->lead, y->place, y->markdown};
		for (size_t k = 0; k < 5; k++)
			if (parts[k]) {
				tl_story_redact(y, parts[k], strlen(parts[k]), p->lang, &red);
				tl_buf_putc(&red, '\n');
			}
		const char *texts[] = {red.data};
		if (matches(needle, texts, 1)) {
			tl_buf title = TL_BUF_INIT;
			tl_story_redact(y, y->title, strlen(y->title), p->lang, &title);
			tl_buf lead = TL_BUF_INIT;
			if (y->lead)
				tl_story_redact(y, y->lead, strlen(y->lead), p->lang, &lead);
			hit_add(a, h, W(p, "Verhaal", "Story"), tl_arena_strdup(a, title.data ? title.data : ""),
				tl_arena_printf(a, "/verhalen/%s.html", y->slug),
				lead.data ? tl_arena_strdup(a, lead.data) : NULL);
			tl_buf_free(&title);
			tl_buf_free(&lead);
		}
		tl_buf_free(&red);
	}
	for (size_t i = 0; i < m->n_regions; i++) {
		const struct tl_region *r = &m->regions[i];
		const char *texts[] = {r->name, r->code};
		if (matches(needle, texts, 2))
			hit_add(a, h, W(p, "Regio", "Region"), r->name,
				!strcmp(r->level, "gemeente") ? tl_arena_printf(a, "/gemeente/%s.html", r->code)
							      : tl_arena_printf(a, "/verkennen?regio=%s", r->code),
				r->level);
	}
}

void tl_page_search(tl_buf *b, const struct tl_page *p, const struct tl_dash_query *q,
		    const tl_errors *errs)
{
	tl_arena *a = tl_arena_new();
	tl_layout_begin(b, p);
	dash_nav(b, p, "/zoeken");
	tl_part_h1(b, W(p, "Zoeken", "Search"));
	published_note(b, p, q);
	errors(b, p, errs);
	tl_html_lit(b, "<form class=\"tl-form\" method=\"get\" action=\"/zoeken\" role=\"search\">\n<p>");
	label(b, "q", W(p, "Zoek in thema's, doelen, indicatoren, instrumenten, verhalen en regio's",
			"Search themes, goals, indicators, instruments, stories and regions"));
	tl_html_lit(b, "<input id=\"q\" name=\"q\" maxlength=\"100\"");
	tl_html_attr(b, "value", q->q ? q->q : "");
	tl_html_lit(b, "></p>\n");
	submit(b, W(p, "Zoeken", "Search"));
	if (q->q && *q->q) {
		tl_buf needle = TL_BUF_INIT;
		tl_dash_fold(q->q, &needle);
		struct hits h = {0};
		search_all(p, a, needle.data, &h);
		tl_buf_free(&needle);
		tl_html_lit(b, "<h2 class=\"utrecht-heading-2\" id=\"resultaten\">");
		tl_html_int(b, (long)h.n);
		tl_html_text(b, h.n == 1 ? W(p, " resultaat voor ", " result for ") : W(p, " resultaten voor ", " results for "));
		tl_html_lit(b, "“");
		tl_html_text(b, q->q);
		tl_html_lit(b, "”</h2>\n");
		if (h.n) {
			tl_html_lit(b, "<ul class=\"tl-search-results\" aria-labelledby=\"resultaten\">\n");
			for (size_t i = 0; i < h.n; i++) {
				tl_html_lit(b, "<li>");
				tl_html_text(b, h.v[i].kind);
				tl_html_lit(b, ": ");
				const char *href = h.v[i].href;
				int later = href && q->in_report && href[0] == '/' &&
					    !q->in_report(q->in_report_ctx, href + 1);
				if (href && !later)
					tl_html_link(b, href, h.v[i].title);
				else
					tl_html_text(b, h.v[i].title);
				if (later) {
					tl_html_lit(b, " ");
					tl_html_text(b, W(p, "(nog niet in het gepubliceerde verslag)",
							  "(not yet in the published report)"));
				}
				if (h.v[i].snippet) {
					tl_html_lit(b, " — ");
					tl_html_text(b, h.v[i].snippet);
				}
				tl_html_lit(b, "</li>\n");
			}
			tl_html_lit(b, "</ul>\n");
		} else {
			tl_part_para(b, W(p, "Niets gevonden. Probeer een ander of korter woord.",
				  "Nothing found. Try another or a shorter word."));
		}
	}
	tl_layout_end(b, p);
	tl_arena_free(a);
}
