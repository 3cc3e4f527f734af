/*
 * page_profile — a page per municipality (gemeente/<code>.html) and per
 * region group (groep/<slug>.html).
 *
 * A municipality's page lists every indicator of the agenda that has a
 * figure for some municipality, theme by theme (and names the others): the municipality's latest figure, the province's and the national
 * figure in that same period (so like is compared with like), and its
 * position among the municipalities the report compares (analysis/
 * position.h, in the best-covered period).  A group's page shows its
 * members side by side with the province and the nation.  Both end with the
 * annual report's grants awarded in the region and the published stories
 * set there (tl_render_region_annual).
 *
 * Positions need every municipality's figure of an indicator; a
 * tl_profile_ctx computes them once (O(n²) per indicator for n
 * municipalities), so that 342 pages do not repeat the work.
 */
#include <stdio.h>
#include <string.h>

#include "../analysis/position.h"
#include "../analysis/series.h"
#include "../model/report.h"
#include "../text/story.h"
#include "figure.h"
#include "html.h"
#include "pages.h"
#include "parts.h"

struct tl_profile_ind {
	int ok;                    /* 0: no municipality has a figure */
	struct tl_period period;   /* of the positions */
	struct tl_position *pos;   /* per municipality */
};

struct tl_profile_ctx {
	const struct tl_model *m;
	const struct tl_region **gm; /* the municipalities compared */
	size_t n_gm;
	struct tl_profile_ind *ind;  /* per indicator */
	const char **chart_chapter;  /* per indicator: chapter that charts it, or NULL */
};

struct tl_profile_ctx *tl_profile_ctx_new(const struct tl_model *m, const char *const *chart_chapter)
{
	tl_arena *a = m->arena;
	struct tl_profile_ctx *c = TL_NEW(a, struct tl_profile_ctx);
	c->m = m;
	c->gm = tl_report_municipalities(m, &c->n_gm);
	c->ind = TL_NEW_ARRAY(a, struct tl_profile_ind, m->n_indicators + 1);
	c->chart_chapter = TL_NEW_ARRAY(a, const char *, m->n_indicators + 1);
	double *v = TL_NEW_ARRAY(a, double, c->n_gm + 1);
	unsigned char *has = TL_NEW_ARRAY(a, unsigned char, c->n_gm + 1);
	for (size_t i = 0; i < m->n_indicators; i++) {
		struct tl_profile_ind *pi = &c->ind[i];
		pi->pos = TL_NEW_ARRAY(a, struct tl_position, c->n_gm + 1);
		pi->ok = tl_positions_model(m, &m->indicators[i], (const struct tl_region *const *)c->gm, c->n_gm,
					    &pi->period, v, has, pi->pos) == 0;
		c->chart_chapter[i] = chart_chapter ? chart_chapter[i] : NULL;
	}
	return c;
}

const struct tl_region *const *tl_profile_municipalities(const struct tl_profile_ctx *c, size_t *n)
{
	*n = c->n_gm;
	return (const struct tl_region *const *)c->gm;
}

void tl_group_page_file(const struct tl_region_group *g, char *out, size_t n)
{
	snprintf(out, n, "groep/%s.html", g->slug);
}

static void cell_open(tl_buf *b)
{
	tl_html_lit(b, "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column tl-num\">");
}

static void no_data(tl_buf *b, enum tl_lang lang)
{
	tl_html_lit(b, "<span class=\"tl-missing\">");
	tl_html_text(b, tl_word(lang, "geen gegevens", "no data"));
	tl_html_lit(b, "</span>");
}

/* A value cell for region code in period per (or its latest when per is NULL). */
static const struct tl_observation *value_cell(tl_buf *b, const struct tl_model *m, const struct tl_indicator *d,
					       const char *code, const struct tl_period *per, int with_year,
					       enum tl_lang lang)
{
	const struct tl_observation *o = NULL;
	if (code && per) {
		o = tl_model_obs(m, d->slug, code, per);
	} else if (code) {
		size_t n;
		const struct tl_observation *s = tl_model_series(m, d->slug, code, &n);
		long last = s ? tl_series_latest(s, n) : -1;
		o = last >= 0 ? &s[last] : NULL;
	}
	cell_open(b);
	if (o && tl_status_has_value(o->status)) {
		tl_html_value(b, o->value, d->decimals, tl_unit_kind(d->unit), lang);
		if (o->status == TL_STATUS_PROVISIONAL)
			tl_html_lit(b, "*");
		if (with_year) {
			tl_html_lit(b, " <span class=\"tl-period\">(");
			tl_html_int(b, o->period.year);
			tl_html_lit(b, ")</span>");
		}
	} else {
		no_data(b, lang);
		o = NULL;
	}
	tl_html_lit(b, "</td>");
	return o;
}

static void indicator_name(tl_buf *b, const struct tl_page *p, const struct tl_profile_ctx *c, size_t i)
{
	const struct tl_indicator *d = &p->m->indicators[i];
	if (c->chart_chapter[i]) {
		tl_buf u = TL_BUF_INIT;
		tl_buf_printf(&u, "%s%s.html#indicator-%s", p->root ? p->root : "", c->chart_chapter[i], d->slug);
		tl_html_link(b, u.data, d->title);
		tl_buf_free(&u);
	} else {
		tl_html_text(b, d->title);
	}
}

static void position_cell(tl_buf *b, const struct tl_profile_ctx *c, size_t ind, size_t k, enum tl_lang lang)
{
	tl_html_lit(b, "<td class=\"utrecht-table__cell\">");
	const struct tl_profile_ind *pi = &c->ind[ind];
	const struct tl_position *ps = pi->ok ? &pi->pos[k] : NULL;
	if (!ps || !ps->has) {
		no_data(b, lang);
		tl_html_lit(b, "</td>");
		return;
	}
	tl_buf t = TL_BUF_INIT;
	tl_buf_printf(&t, tl_word(lang, "%zu van %zu", "%zu of %zu"), ps->rank, ps->of);
	if (ps->tied > 1)
		tl_buf_puts(&t, tl_word(lang, " (gedeeld)", " (shared)"));
	tl_buf_printf(&t, " (%d)", pi->period.year);
	tl_html_text(b, t.data);
	tl_buf_free(&t);
	const char *j = ps->third == TL_THIRD_FAVOURABLE     ? tl_word(lang, "relatief gunstig", "relatively favourable")
			: ps->third == TL_THIRD_UNFAVOURABLE ? tl_word(lang, "relatief ongunstig", "relatively unfavourable")
			: ps->third == TL_THIRD_MIDDLE       ? tl_word(lang, "middengroep", "middle group")
							     : NULL;
	if (j) {
		tl_html_lit(b, "<br><span class=\"tl-third\">");
		tl_html_text(b, j);
		tl_html_lit(b, "</span>");
	}
	tl_html_lit(b, "</td>");
}

static void th_col(tl_buf *b, const char *text, int numeric)
{
	tl_html_lit(b, numeric ? "<th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">"
			       : "<th scope=\"col\" class=\"utrecht-table__header-cell\">");
	tl_html_text(b, text);
	tl_html_lit(b, "</th>");
}

/* Text of a story with the names of people who did not consent replaced
 * by their alias or "[naam weggelaten]" (report.h: such a name appears in
 * no output). */
static void story_text(tl_buf *b, const struct tl_story *st, const char *text, enum tl_lang lang)
{
	tl_buf out = TL_BUF_INIT;
	if (text)
		tl_story_redact(st, text, strlen(text), lang, &out);
	tl_html_text(b, out.data ? out.data : "");
	tl_buf_free(&out);
}

void tl_render_region_annual(tl_buf *b, const struct tl_page *p, const char *const *codes, size_t n,
			     const char *name)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	tl_arena *a = m->arena;
	size_t total_g = 0, total_s = 0;
	const struct tl_grant ***grants = TL_NEW_ARRAY(a, const struct tl_grant **, n + 1);
	size_t *ng = TL_NEW_ARRAY(a, size_t, n + 1);
	for (size_t i = 0; i < n; i++) {
		grants[i] = tl_model_grants_in(m, codes[i], &ng[i]);
		total_g += ng[i];
	}
	const char **via = TL_NEW_ARRAY(a, const char *, m->n_stories + 1);
	const struct tl_story **stories = tl_model_stories_concerning(m, codes, n, via, &total_s);
	if (!total_g && !total_s)
		return;
	tl_html_lit(b, "<section class=\"tl-profile__annual\" aria-labelledby=\"subsidies-en-verhalen\">\n<h2 id=\"subsidies-en-verhalen\">");
	tl_html_text(b, tl_word(lang, "Subsidies en verhalen in ", "Grants and stories in "));
	tl_html_text(b, name);
	tl_html_lit(b, "</h2>\n");
	if (total_g) {
		tl_html_scroll_begin(b, tl_word(lang, "Subsidies", "Grants"), name);
		tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption tl-visually-hidden\">");
		tl_html_text(b, tl_word(lang, "Subsidies in ", "Grants in "));
		tl_html_text(b, name);
		tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr>");
		th_col(b, tl_word(lang, "Regeling", "Scheme"), 0);
		th_col(b, tl_word(lang, "Ontvanger of project", "Recipient or project"), 0);
		if (n > 1)
			th_col(b, tl_word(lang, "Gemeente", "Municipality"), 0);
		th_col(b, tl_word(lang, "Jaar", "Year"), 1);
		th_col(b, tl_word(lang, "Bedrag", "Amount"), 1);
		tl_html_lit(b, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
		for (size_t i = 0; i < n; i++)
			for (size_t k = 0; k < ng[i]; k++) {
				const struct tl_grant *g = grants[i][k];
				const struct tl_instrument *in = tl_model_instrument(m, g->instrument);
				tl_html_lit(b, "<tr><td class=\"utrecht-table__cell\">");
				tl_html_text(b, in ? in->name : g->instrument);
				tl_html_lit(b, "</td><td class=\"utrecht-table__cell\">");
				tl_html_text(b, g->project ? g->project : g->recipient);
				if (g->project && g->recipient) {
					tl_html_lit(b, " (");
					tl_html_text(b, g->recipient);
					tl_html_lit(b, ")");
				}
				if (g->note) {
					tl_html_lit(b, ", ");
					tl_html_text(b, g->note);
				}
				tl_html_lit(b, "</td>");
				if (n > 1) {
					const struct tl_region *r = tl_model_region(m, codes[i]);
					tl_html_lit(b, "<td class=\"utrecht-table__cell\">");
					tl_html_text(b, r ? r->name : codes[i]);
					tl_html_lit(b, "</td>");
				}
				cell_open(b);
				if (g->year)
					tl_html_int(b, g->year);
				tl_html_lit(b, "</td>");
				cell_open(b);
				if (g->has_amount) {
					tl_html_value(b, g->amount, 0, TL_UNIT_EURO, lang);
				} else {
					tl_html_lit(b, "<span class=\"tl-missing\">");
					tl_html_text(b, tl_word(lang, "niet genoemd", "not stated"));
					tl_html_lit(b, "</span>");
				}
				tl_html_lit(b, "</td></tr>\n");
			}
		tl_html_lit(b, "</tbody></table></div>\n");
	}
	if (total_s) {
		/* Each story links to its page; one set elsewhere says which
		 * instrument ties it to this place. */
		tl_html_lit(b, "<ul class=\"tl-profile__stories\">\n");
		for (size_t k = 0; k < total_s; k++) {
			const struct tl_story *st = stories[k];
			char href[160];
			snprintf(href, sizeof href, "%sverhalen/%s.html", p->root ? p->root : "", st->slug);
			tl_buf t = TL_BUF_INIT;
			tl_story_redact(st, st->title, strlen(st->title), lang, &t);
			tl_html_lit(b, "<li><strong>");
			tl_html_link(b, href, t.data ? t.data : "");
			tl_html_lit(b, "</strong>");
			tl_buf_free(&t);
			const struct tl_region *r = st->municipality ? tl_model_region(m, st->municipality) : NULL;
			if (st->place || r) {
				tl_html_lit(b, " (");
				tl_html_text(b, st->place ? st->place : r->name);
				if (st->place && r && strcmp(st->place, r->name) != 0 && (via[k] || n > 1)) {
					tl_html_lit(b, ", ");
					tl_html_text(b, r->name);
				}
				tl_html_lit(b, ")");
			}
			if (via[k]) {
				const struct tl_instrument *in = tl_model_instrument(m, via[k]);
				tl_html_lit(b, " <span class=\"tl-note\">");
				tl_html_text(b, tl_word(lang, "over ", "about "));
				tl_html_text(b, in ? in->name : via[k]);
				tl_html_text(b, tl_word(lang, ", ook in ", ", also in "));
				tl_html_text(b, name);
				tl_html_lit(b, "</span>");
			}
			if (st->lead) {
				tl_html_lit(b, ": ");
				story_text(b, st, st->lead, lang);
			}
			tl_html_lit(b, "</li>\n");
		}
		tl_html_lit(b, "</ul>\n");
	}
	tl_html_lit(b, "</section>\n");
}

/* Theme t in report order; t == n_themes stands for the indicators
 * without a theme (NULL). */
static const struct tl_theme *theme_at(const struct tl_model *m, size_t t)
{
	return t < m->n_themes ? &m->themes[t] : NULL;
}

static int in_theme(const struct tl_indicator *d, const struct tl_theme *t)
{
	return t ? d->theme && !strcmp(d->theme, t->slug) : !d->theme;
}

/* Indicator i has a figure for at least one of the municipalities compared
 * (in any period).  One that has none (a file with only provincial rows)
 * is left out of the municipalities' and groups' tables: a row of "geen
 * gegevens" on every page would say nothing about the place.  "geen
 * gegevens" stays where other municipalities do have a figure. */
static int listed(const struct tl_profile_ctx *c, size_t i)
{
	return c->ind[i].ok;
}

/* The indicators left out (listed() == 0), each linked to where the report
 * charts it: "Niet opgenomen, …:" and a list.  Nothing when none is. */
static void not_listed(tl_buf *b, const struct tl_page *p, const struct tl_profile_ctx *c)
{
	const struct tl_model *m = p->m;
	size_t total = 0;
	for (size_t i = 0; i < m->n_indicators; i++)
		total += !listed(c, i);
	if (!total)
		return;
	tl_html_lit(b, "<div class=\"tl-note tl-profile__not-listed\">\n<p>");
	tl_html_text(b, tl_word(p->lang, "Niet opgenomen, omdat geen enkele gemeente er een cijfer voor heeft:",
				"Not listed, because no municipality has a figure for them:"));
	tl_html_lit(b, "</p>\n<ul>\n");
	for (size_t i = 0; i < m->n_indicators; i++) {
		if (listed(c, i))
			continue;
		tl_html_lit(b, "<li>");
		indicator_name(b, p, c, i);
		tl_html_lit(b, "</li>\n");
	}
	tl_html_lit(b, "</ul>\n</div>\n");
}

void tl_page_region(tl_buf *b, const struct tl_page *p, const struct tl_profile_ctx *c, const struct tl_region *r)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	size_t k = 0;
	while (k < c->n_gm && c->gm[k] != r)
		k++;
	const struct tl_region *nat = m->agenda.national_region ? tl_model_region(m, m->agenda.national_region) : NULL;
	const struct tl_region *prov = r->parent ? tl_model_region(m, r->parent) : NULL;
	if (prov && nat && prov == nat)
		prov = NULL; /* at national scale the parent is the nation itself */
	tl_layout_begin(b, p);
	tl_html_lit(b, "<article class=\"tl-profile\">\n<header class=\"tl-chapter__header\">\n<h1 class=\"tl-chapter__title\">");
	tl_html_text(b, r->name);
	tl_html_lit(b, "</h1>\n<p class=\"tl-chapter__subtitle\">");
	tl_html_text(b, tl_word(lang, "Gemeente", "Municipality"));
	if (prov) {
		tl_html_text(b, tl_word(lang, " in ", " in "));
		tl_html_text(b, prov->name);
	}
	tl_html_lit(b, " · ");
	tl_html_text(b, tl_word(lang, "CBS-code ", "CBS code "));
	tl_html_text(b, r->code);
	tl_html_lit(b, "</p>\n</header>\n<p>");
	tl_buf t = TL_BUF_INIT;
	tl_buf_printf(&t,
		      tl_word(lang,
			      "De indicatoren van deze agenda voor %s: het meest recente cijfer, het cijfer van %s%s%s in hetzelfde jaar (of, als dat er niet is, hun meest recente met het jaar erbij), en de plaats van %s tussen de %zu gemeenten (1 = gunstigst).",
			      "The indicators of this agenda for %s: the latest figure, the figure for %s%s%s in the same year (or, when there is none, their latest with its year), and the position of %s among the %zu municipalities (1 = most favourable)."),
		      r->name, prov ? prov->name : "", prov && nat ? tl_word(lang, " en ", " and ") : "",
		      nat ? nat->name : "", r->name, c->n_gm);
	tl_html_text(b, t.data);
	tl_buf_free(&t);
	tl_html_lit(b, "</p>\n");

	for (size_t ti = 0; ti <= m->n_themes; ti++) {
		const struct tl_theme *th = theme_at(m, ti);
		size_t count = 0;
		for (size_t i = 0; i < m->n_indicators; i++)
			count += in_theme(&m->indicators[i], th) && listed(c, i);
		if (!count)
			continue;
		char hid[96];
		snprintf(hid, sizeof hid, "thema-%s", th ? th->slug : "overig");
		tl_html_lit(b, "<section class=\"tl-profile__theme\"");
		tl_html_attr(b, "aria-labelledby", hid);
		tl_html_lit(b, ">\n<h2");
		tl_html_attr(b, "id", hid);
		tl_html_lit(b, ">");
		tl_html_text(b, th ? th->title : tl_word(lang, "Overige indicatoren", "Other indicators"));
		tl_html_lit(b, "</h2>\n");
		tl_html_scroll_begin(b, r->name, th ? th->title : tl_word(lang, "overige indicatoren", "other indicators"));
		tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption tl-visually-hidden\">");
		tl_html_text(b, r->name);
		tl_html_lit(b, ": ");
		tl_html_text(b, th ? th->title : tl_word(lang, "overige indicatoren", "other indicators"));
		tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr>");
		th_col(b, tl_word(lang, "Indicator", "Indicator"), 0);
		th_col(b, r->name, 1);
		if (prov)
			th_col(b, prov->name, 1);
		if (nat)
			th_col(b, nat->name, 1);
		th_col(b, tl_word(lang, "Plaats onder de gemeenten", "Position among the municipalities"), 0);
		tl_html_lit(b, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
		for (size_t i = 0; i < m->n_indicators; i++) {
			const struct tl_indicator *d = &m->indicators[i];
			if (!in_theme(d, th) || !listed(c, i))
				continue;
			tl_html_lit(b, "<tr><th scope=\"row\" class=\"utrecht-table__header-cell\">");
			indicator_name(b, p, c, i);
			tl_html_lit(b, "</th>");
			const struct tl_observation *o = value_cell(b, m, d, r->code, NULL, 1, lang);
			const struct tl_period *per = o ? &o->period : NULL;
			const struct tl_region *refs[2] = {prov, nat};
			for (int q = 0; q < 2; q++) {
				if (!refs[q])
					continue;
				/* The same period when there is a figure for it; else (also
				 * when the municipality has none) the latest, with its year
				 * so the difference shows, or "geen gegevens". */
				const struct tl_observation *same = per ? tl_model_obs(m, d->slug, refs[q]->code, per) : NULL;
				if (same && tl_status_has_value(same->status)) {
					value_cell(b, m, d, refs[q]->code, per, 0, lang);
				} else {
					value_cell(b, m, d, refs[q]->code, NULL, 1, lang);
				}
			}
			if (k < c->n_gm)
				position_cell(b, c, i, k, lang);
			else {
				tl_html_lit(b, "<td class=\"utrecht-table__cell\">");
				no_data(b, lang);
				tl_html_lit(b, "</td>");
			}
			tl_html_lit(b, "</tr>\n");
		}
		tl_html_lit(b, "</tbody></table></div>\n</section>\n");
	}
	not_listed(b, p, c);
	tl_render_region_annual(b, p, &r->code, 1, r->name);
	/* The groups this municipality belongs to. */
	int any = 0;
	for (size_t g = 0; g < m->n_groups; g++)
		for (size_t i = 0; i < m->groups[g].n_members; i++)
			if (!strcmp(m->groups[g].members[i], r->code)) {
				if (!any) {
					tl_html_lit(b, "<p class=\"tl-profile__groups\">");
					tl_html_text(b, tl_word(lang, "Hoort bij: ", "Part of: "));
				} else {
					tl_html_lit(b, ", ");
				}
				char file[128];
				tl_group_page_file(&m->groups[g], file, sizeof file);
				tl_buf u = TL_BUF_INIT;
				tl_buf_printf(&u, "%s%s", p->root ? p->root : "", file);
				tl_html_link(b, u.data, m->groups[g].name);
				tl_buf_free(&u);
				any = 1;
			}
	if (any)
		tl_html_lit(b, ".</p>\n");
	tl_html_lit(b, "</article>\n");
	tl_layout_end(b, p);
}

void tl_page_group(tl_buf *b, const struct tl_page *p, const struct tl_profile_ctx *c, const struct tl_region_group *g)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	const struct tl_region *nat = m->agenda.national_region ? tl_model_region(m, m->agenda.national_region) : NULL;
	const struct tl_region *focus = m->agenda.focus_region ? tl_model_region(m, m->agenda.focus_region) : NULL;
	if (focus == nat)
		focus = NULL;
	tl_layout_begin(b, p);
	tl_html_lit(b, "<article class=\"tl-profile\">\n<header class=\"tl-chapter__header\">\n<h1 class=\"tl-chapter__title\">");
	tl_html_text(b, g->name);
	tl_html_lit(b, "</h1>\n<p class=\"tl-chapter__subtitle\">");
	tl_html_text(b, tl_word(lang, "Groep van gemeenten", "Group of municipalities"));
	tl_html_lit(b, "</p>\n</header>\n");
	if (g->description) {
		tl_html_lit(b, "<p>");
		tl_html_text(b, g->description);
		tl_html_lit(b, "</p>\n");
	}
	tl_html_lit(b, "<p>");
	tl_html_text(b, tl_word(lang, "Gemeenten in deze groep: ", "Municipalities in this group: "));
	const struct tl_region **mem = TL_NEW_ARRAY(m->arena, const struct tl_region *, g->n_members + 1);
	size_t nm = 0;
	for (size_t i = 0; i < g->n_members; i++) {
		const struct tl_region *r = tl_model_region(m, g->members[i]);
		if (!r)
			continue;
		if (nm)
			tl_html_lit(b, ", ");
		mem[nm++] = r;
		tl_part_region_name(b, p->root, (const struct tl_region *const *)c->gm, c->n_gm, r);
	}
	tl_html_lit(b, ".</p>\n<p>");
	tl_html_text(b, tl_word(lang,
				"Per indicator het meest recente jaar waarin de meeste gemeenten van de groep een cijfer hebben (het jaar staat bij de indicator), met de cijfers van de provincie en het land in dat jaar, of hun meest recente met het jaar erbij.",
				"Per indicator the latest year in which most of the group's municipalities have a figure (the year is next to the indicator), with the province's and the national figure in that year, or their latest with its year."));
	tl_html_lit(b, "</p>\n");

	for (size_t ti = 0; ti <= m->n_themes; ti++) {
		const struct tl_theme *th = theme_at(m, ti);
		size_t count = 0;
		for (size_t i = 0; i < m->n_indicators; i++)
			count += in_theme(&m->indicators[i], th) && listed(c, i);
		if (!count)
			continue;
		char hid[96];
		snprintf(hid, sizeof hid, "thema-%s", th ? th->slug : "overig");
		tl_html_lit(b, "<section class=\"tl-profile__theme\"");
		tl_html_attr(b, "aria-labelledby", hid);
		tl_html_lit(b, ">\n<h2");
		tl_html_attr(b, "id", hid);
		tl_html_lit(b, ">");
		tl_html_text(b, th ? th->title : tl_word(lang, "Overige indicatoren", "Other indicators"));
		tl_html_lit(b, "</h2>\n");
		tl_html_scroll_begin(b, g->name, th ? th->title : tl_word(lang, "overige indicatoren", "other indicators"));
		tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption tl-visually-hidden\">");
		tl_html_text(b, g->name);
		tl_html_lit(b, ": ");
		tl_html_text(b, th ? th->title : tl_word(lang, "overige indicatoren", "other indicators"));
		tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr>");
		th_col(b, tl_word(lang, "Indicator", "Indicator"), 0);
		for (size_t i = 0; i < nm; i++)
			th_col(b, mem[i]->name, 1);
		if (focus)
			th_col(b, focus->name, 1);
		if (nat)
			th_col(b, nat->name, 1);
		tl_html_lit(b, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
		for (size_t i = 0; i < m->n_indicators; i++) {
			const struct tl_indicator *d = &m->indicators[i];
			if (!in_theme(d, th) || !listed(c, i))
				continue;
			struct tl_period per;
			size_t cov;
			int ok = nm && tl_best_period(m, d->slug, mem, nm, &per, &cov) == 0;
			tl_html_lit(b, "<tr><th scope=\"row\" class=\"utrecht-table__header-cell\">");
			indicator_name(b, p, c, i);
			if (ok) {
				tl_html_lit(b, " <span class=\"tl-period\">(");
				tl_html_int(b, per.year);
				tl_html_lit(b, ")</span>");
			}
			tl_html_lit(b, "</th>");
			for (size_t j = 0; j < nm; j++)
				value_cell(b, m, d, ok ? mem[j]->code : NULL, &per, 0, lang);
			const struct tl_region *refs[2] = {focus, nat};
			for (int q = 0; q < 2; q++) {
				if (!refs[q])
					continue;
				const struct tl_observation *same = ok ? tl_model_obs(m, d->slug, refs[q]->code, &per) : NULL;
				if (same && tl_status_has_value(same->status))
					value_cell(b, m, d, refs[q]->code, &per, 0, lang);
				else
					value_cell(b, m, d, refs[q]->code, NULL, 1, lang);
			}
			tl_html_lit(b, "</tr>\n");
		}
		tl_html_lit(b, "</tbody></table></div>\n</section>\n");
	}
	not_listed(b, p, c);
	const char **codes = TL_NEW_ARRAY(m->arena, const char *, nm + 1);
	for (size_t i = 0; i < nm; i++)
		codes[i] = mem[i]->code;
	tl_render_region_annual(b, p, codes, nm, g->name);
	tl_html_lit(b, "</article>\n");
	tl_layout_end(b, p);
}
