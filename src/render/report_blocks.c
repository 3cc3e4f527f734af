#include "report_blocks.h"

#include <stdio.h>
#include <string.h>

#include "../analysis/target.h"
#include "../text/story.h"
#include "html.h"
#include "markdown.h"

static void h_open(tl_buf *b, int level, const char *cls)
{
	static const char *const open[] = {"<h2", "<h2", "<h2", "<h3", "<h4", "<h5", "<h6"};
	tl_html_lit(b, open[level < 0 ? 0 : level > 6 ? 6 : level]);
	tl_html_lit(b, " class=\"");
	tl_html_lit(b, cls);
	tl_html_lit(b, "\">");
}

static void h_close(tl_buf *b, int level)
{
	static const char *const close[] = {"</h2>\n", "</h2>\n", "</h2>\n", "</h3>\n", "</h4>\n", "</h5>\n", "</h6>\n"};
	tl_html_lit(b, close[level < 0 ? 0 : level > 6 ? 6 : level]);
}

static int sub(int heading)
{
	return heading + 1 > 6 ? 6 : heading + 1;
}

void tl_render_ymd(tl_buf *b, const struct tl_ymd *d, enum tl_lang lang)
{
	tl_buf t = TL_BUF_INIT;
	if (!d->year)
		tl_buf_puts(&t, "?");
	else if (!d->month)
		tl_buf_printf(&t, "%d", d->year);
	else if (!d->day)
		tl_buf_printf(&t, "%s %d", tl_month_name(d->month, lang), d->year);
	else
		tl_fmt_date(&t, d->year, d->month, d->day, lang);
	tl_html_text(b, t.data);
	tl_buf_free(&t);
}

static void euro(tl_buf *b, double v, enum tl_lang lang)
{
	tl_html_value(b, v, v == (double)(long long)v ? 0 : 2, TL_UNIT_EURO, lang);
}

static void region_name(tl_buf *b, const struct tl_model *m, const char *code)
{
	const struct tl_region *r = code ? tl_model_region(m, code) : NULL;
	tl_html_text(b, r ? r->name : code ? code : "");
}

/* "doel 1, 2" / "goals 1, 2" */
static void goal_list(tl_buf *b, const int *goals, size_t n, enum tl_lang lang)
{
	if (!n)
		return;
	tl_html_text(b, n == 1 ? tl_word(lang, "doel ", "goal ") : tl_word(lang, "doelen ", "goals "));
	for (size_t i = 0; i < n; i++) {
		if (i)
			tl_html_lit(b, ", ");
		tl_html_int(b, goals[i]);
	}
}

static int has_theme_goal(const struct tl_model *m, const int *goals, size_t n, const char *theme)
{
	for (size_t i = 0; i < n; i++) {
		const struct tl_goal *g = tl_model_goal(m, goals[i]);
		if (g && g->theme && !strcmp(g->theme, theme))
			return 1;
	}
	return 0;
}

/* ---- grants ------------------------------------------------------------- */

static void stated_line(tl_buf *b, const struct tl_page *p, const struct tl_stated_total *t)
{
	enum tl_lang lang = p->lang;
	const struct tl_theme *th = t->theme ? tl_model_theme(p->m, t->theme) : NULL;
	tl_html_lit(b, "<li>");
	if (t->year) {
		tl_html_int(b, t->year);
		tl_html_lit(b, ": ");
	}
	if (th) {
		tl_html_text(b, th->title);
		tl_html_lit(b, ": ");
	}
	if (t->count >= 0) {
		tl_html_int(b, t->count);
		tl_html_text(b, t->count == 1 ? tl_word(lang, " toekenning", " grant") : tl_word(lang, " toekenningen", " grants"));
	}
	if (t->has_amount) {
		if (t->count >= 0)
			tl_html_lit(b, ", ");
		euro(b, t->amount, lang);
	}
	if (t->text) {
		tl_html_lit(b, " <q class=\"tl-quote\">");
		tl_html_text(b, t->text);
		tl_html_lit(b, "</q>");
	}
	tl_html_lit(b, "</li>\n");
}

void tl_render_grants(tl_buf *b, const struct tl_page *p, const struct tl_instrument *in, int heading)
{
	enum tl_lang lang = p->lang;
	const struct tl_model *m = p->m;
	(void)heading;
	tl_html_lit(b, "<section class=\"tl-grants\">\n");
	tl_html_scroll_begin(b, in->name, tl_word(lang, "toekenningen", "grants"));
	tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption\">");
	tl_html_text(b, in->name);
	tl_html_text(b, tl_word(lang, ": toekenningen", ": grants"));
	tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr>");
	static const char *const nl[] = {"Ontvanger", "Project", "Gemeente", "Jaar", "Doelen", "Bedrag"};
	static const char *const en[] = {"Recipient", "Project", "Municipality", "Year", "Goals", "Amount"};
	for (int i = 0; i < 6; i++) {
		tl_html_lit(b, i >= 3 && i != 4 ? "<th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">"
					: "<th scope=\"col\" class=\"utrecht-table__header-cell\">");
		tl_html_text(b, tl_word(lang, nl[i], en[i]));
		tl_html_lit(b, "</th>");
	}
	tl_html_lit(b, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	for (size_t i = 0; i < in->n_grants; i++) {
		const struct tl_grant *g = &in->grants[i];
		tl_html_lit(b, "<tr><th scope=\"row\" class=\"utrecht-table__header-cell\">");
		tl_html_text(b, g->recipient ? g->recipient : "–");
		tl_html_lit(b, "</th><td class=\"utrecht-table__cell\">");
		tl_html_text(b, g->project ? g->project : "");
		if (g->note) {
			tl_html_lit(b, g->project ? " <span class=\"tl-note\">(" : "<span class=\"tl-note\">(");
			tl_html_text(b, g->note);
			tl_html_lit(b, ")</span>");
		}
		tl_html_lit(b, "</td><td class=\"utrecht-table__cell\">");
		region_name(b, m, g->municipality);
		tl_html_lit(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric-column tl-num\">");
		tl_html_int(b, g->year);
		tl_html_lit(b, "</td><td class=\"utrecht-table__cell\">");
		for (size_t k = 0; k < g->n_goals; k++) {
			if (k)
				tl_html_lit(b, ", ");
			tl_html_int(b, g->goals[k]);
		}
		tl_html_lit(b, "</td><td class=\"utrecht-table__cell utrecht-table__cell--numeric-column tl-num\">");
		if (g->has_amount) {
			euro(b, g->amount, lang);
		} else {
			tl_html_lit(b, "<span class=\"tl-missing\">");
			tl_html_text(b, tl_word(lang, "niet genoemd", "not stated"));
			tl_html_lit(b, "</span>");
		}
		tl_html_lit(b, "</td></tr>\n");
	}
	struct tl_grant_sum s = tl_grants_sum(m, in->slug, 0, NULL, 0);
	tl_html_lit(b, "</tbody>\n<tfoot><tr><th scope=\"row\" class=\"utrecht-table__header-cell\" colspan=\"5\">");
	tl_html_text(b, tl_word(lang, "Berekend uit de genoemde toekenningen: ", "Computed from the grants named: "));
	tl_html_int(b, s.count);
	if (s.with_amount == 0 && s.count) {
		tl_html_text(b, tl_word(lang, " (geen bedrag genoemd)", " (no amount stated)"));
	} else if (s.with_amount < s.count) {
		tl_html_text(b, tl_word(lang, " (bedrag bekend van ", " (amount known for "));
		tl_html_int(b, s.with_amount);
		tl_html_lit(b, ")");
	}
	tl_html_lit(b, "</th><td class=\"utrecht-table__cell utrecht-table__cell--numeric-column tl-num\">");
	/* no amount known is not an amount of € 0 */
	if (s.with_amount == 0 && s.count) {
		tl_html_lit(b, "<span class=\"tl-missing\">");
		tl_html_text(b, tl_word(lang, "niet genoemd", "not stated"));
		tl_html_lit(b, "</span>");
	} else {
		euro(b, s.amount, lang);
	}
	tl_html_lit(b, "</td></tr></tfoot></table></div>\n");
	if (in->n_stated) {
		/* Say that not every grant is named only when a stated total is
		 * not what the named grants add up to (or is one we cannot compute:
		 * a theme's share). */
		int differs = 0;
		for (size_t i = 0; i < in->n_stated; i++) {
			const struct tl_stated_total *t = &in->stated[i];
			struct tl_grant_sum y = tl_grants_sum(m, in->slug, 0, NULL, t->year);
			differs |= t->theme != NULL || (t->count >= 0 && t->count != y.count) ||
				   (t->has_amount && (y.with_amount < y.count || t->amount != y.amount));
		}
		tl_html_lit(b, "<div class=\"tl-stated\"><p>");
		tl_html_text(b, differs ? tl_word(lang, "Volgens opgave in de bron (niet alle toekenningen zijn bij naam genoemd):",
						  "As stated in the source (not every grant is named):")
					: tl_word(lang, "Volgens opgave in de bron:", "As stated in the source:"));
		tl_html_lit(b, "</p>\n<ul>\n");
		for (size_t i = 0; i < in->n_stated; i++)
			stated_line(b, p, &in->stated[i]);
		tl_html_lit(b, "</ul></div>\n");
	}
	tl_html_lit(b, "</section>\n");
}

/* ---- instruments -------------------------------------------------------- */

static void instrument_item(tl_buf *b, const struct tl_page *p, const struct tl_instrument *in, int level)
{
	enum tl_lang lang = p->lang;
	const struct tl_model *m = p->m;
	char id[96];
	snprintf(id, sizeof id, "instrument-%s", in->slug);
	tl_html_lit(b, "<li class=\"tl-instrument\"");
	tl_html_attr(b, "id", id);
	tl_html_lit(b, ">");
	h_open(b, level, "tl-instrument__name");
	tl_html_text(b, in->name);
	h_close(b, level);
	tl_html_lit(b, "<p class=\"tl-instrument__kind\">");
	tl_html_text(b, in->kind);
	if (!in->in_agenda)
		tl_html_text(b, tl_word(lang, " · geen onderdeel van de agenda", " · not part of the agenda"));
	if (in->n_goals) {
		tl_html_lit(b, " · ");
		goal_list(b, in->goals, in->n_goals, lang);
	}
	tl_html_lit(b, "</p>\n");
	if (in->description) {
		struct tl_md_opts o = {level, "instrument-", 0, p->lang};
		tl_markdown_render(b, in->description, strlen(in->description), &o);
	}
	tl_html_lit(b, "<dl class=\"tl-facts\">\n");
	if (in->n_partners) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Partners", "Partners"));
		tl_html_lit(b, "</dt><dd>");
		for (size_t i = 0; i < in->n_partners; i++) {
			if (i)
				tl_html_lit(b, ", ");
			tl_html_text(b, in->partners[i]);
		}
		tl_html_lit(b, "</dd>\n");
	}
	if (in->n_municipalities) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Gemeenten", "Municipalities"));
		tl_html_lit(b, "</dt><dd>");
		for (size_t i = 0; i < in->n_municipalities; i++) {
			if (i)
				tl_html_lit(b, ", ");
			region_name(b, m, in->municipalities[i]);
		}
		tl_html_lit(b, "</dd>\n");
	}
	if (in->has_budget) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Budget", "Budget"));
		tl_html_lit(b, "</dt><dd>");
		euro(b, in->budget, lang);
		if (in->budget_note) {
			tl_html_lit(b, " (");
			tl_html_text(b, in->budget_note);
			tl_html_lit(b, ")");
		}
		tl_html_lit(b, "</dd>\n");
	}
	if (in->start_year) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Looptijd", "Period"));
		tl_html_lit(b, "</dt><dd>");
		tl_html_int(b, in->start_year);
		if (in->end_year != in->start_year) {
			tl_html_lit(b, "–");
			tl_html_int(b, in->end_year);
		}
		tl_html_lit(b, "</dd>\n");
	}
	if (in->n_grants || in->n_stated) {
		struct tl_grant_sum s = tl_grants_sum(m, in->slug, 0, NULL, 0);
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Toekenningen", "Grants"));
		tl_html_lit(b, "</dt><dd>");
		tl_html_int(b, s.count);
		tl_html_text(b, tl_word(lang, " bij naam genoemd", " named"));
		if (s.with_amount) {
			tl_html_lit(b, ", ");
			euro(b, s.amount, lang);
		}
		for (size_t i = 0; i < in->n_stated; i++) {
			const struct tl_stated_total *t = &in->stated[i];
			if (t->theme)
				continue;
			tl_html_text(b, tl_word(lang, "; volgens opgave ", "; as stated "));
			tl_html_int(b, t->year);
			tl_html_lit(b, ": ");
			if (t->count >= 0)
				tl_html_int(b, t->count);
			if (t->count >= 0 && t->has_amount)
				tl_html_lit(b, ", ");
			if (t->has_amount)
				euro(b, t->amount, lang);
		}
		tl_html_lit(b, "</dd>\n");
	}
	size_t ns;
	const struct tl_story **st = tl_model_stories_about(m, in->slug, 0, &ns);
	if (ns) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Interview", "Interview"));
		tl_html_lit(b, "</dt><dd>");
		for (size_t i = 0; i < ns; i++) {
			char href[160];
			if (p->print) /* the interview is in the same document */
				snprintf(href, sizeof href, "#interview-%s", st[i]->slug);
			else
				snprintf(href, sizeof href, "%sverhalen/%s.html", p->root ? p->root : "", st[i]->slug);
			tl_buf t = TL_BUF_INIT;
			tl_story_redact(st[i], st[i]->title, strlen(st[i]->title), lang, &t);
			if (i)
				tl_html_lit(b, "; ");
			tl_html_link(b, href, t.data);
			tl_buf_free(&t);
		}
		tl_html_lit(b, "</dd>\n");
	}
	if (in->source) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Bron", "Source"));
		tl_html_lit(b, "</dt><dd>");
		tl_html_text(b, in->source);
		tl_html_lit(b, "</dd>\n");
	}
	tl_html_lit(b, "</dl>\n</li>\n");
}

void tl_render_instruments(tl_buf *b, const struct tl_page *p, const char *theme, int heading)
{
	const struct tl_model *m = p->m;
	size_t shown = 0;
	for (size_t i = 0; i < m->n_instruments; i++) {
		const struct tl_instrument *in = &m->instruments[i];
		if (theme ? !in->theme || strcmp(in->theme, theme) != 0 : in->theme != NULL)
			continue;
		if (!shown++)
			tl_html_lit(b, "<ul class=\"tl-instruments\">\n");
		instrument_item(b, p, in, sub(heading));
	}
	if (shown) {
		tl_html_lit(b, "</ul>\n");
	} else {
		tl_html_lit(b, "<p class=\"tl-missing\">");
		tl_html_text(b, tl_word(p->lang, "Geen instrumenten vastgelegd.", "No instruments recorded."));
		tl_html_lit(b, "</p>\n");
	}
}

/* ---- targets ------------------------------------------------------------ */

static const char *status_text(enum tl_target_status s, enum tl_lang lang)
{
	switch (s) {
	case TL_TARGET_NO_DATA: return tl_word(lang, "nog geen meting na de nulmeting", "no measurement since the baseline yet");
	case TL_TARGET_ON_TRACK: return tl_word(lang, "op koers", "on track");
	case TL_TARGET_OFF_TRACK: return tl_word(lang, "niet op koers", "not on track");
	case TL_TARGET_ACHIEVED: return tl_word(lang, "bereikt", "achieved");
	case TL_TARGET_MISSED: return tl_word(lang, "niet gehaald", "missed");
	}
	return "";
}

static void value_unit(tl_buf *b, const struct tl_target *t, double v, enum tl_lang lang)
{
	enum tl_unit_kind k = tl_unit_kind(t->unit ? t->unit : "");
	tl_html_value(b, v, t->decimals, k, lang);
	if (t->unit && k == TL_UNIT_NUMBER) {
		tl_html_lit(b, " ");
		tl_html_text(b, t->unit);
	}
}

static struct tl_date to_date(const struct tl_ymd *d)
{
	struct tl_date x = {d->year, d->month, d->day};
	return x;
}

/* A horizontal bar: the share of the way done, and where the deadline's
 * straight line says one should be by the latest measurement.  Drawn only;
 * the same facts are in the text beside it. */
static void bar(tl_buf *b, double share, double expected)
{
	if (share < 0)
		share = 0;
	if (share > 1)
		share = 1;
	tl_html_lit(b, "<svg class=\"tl-bar\" viewBox=\"0 0 200 16\" width=\"200\" height=\"16\" aria-hidden=\"true\" focusable=\"false\">"
		       "<rect x=\"0\" y=\"2\" width=\"200\" height=\"12\" fill=\"#e8eef5\" stroke=\"#154273\"/>"
		       "<rect x=\"0\" y=\"2\" height=\"12\" fill=\"#154273\"");
	tl_html_attr_num(b, "width", 200 * share);
	tl_html_lit(b, "/>");
	if (expected >= 0 && expected <= 1) {
		tl_html_lit(b, "<line y1=\"0\" y2=\"16\" stroke=\"#a3480f\" stroke-width=\"3\"");
		tl_html_attr_num(b, "x1", 200 * expected);
		tl_html_attr_num(b, "x2", 200 * expected);
		tl_html_lit(b, "/>");
	}
	tl_html_lit(b, "</svg>");
}

static void target_item(tl_buf *b, const struct tl_page *p, const struct tl_target *t, int level)
{
	enum tl_lang lang = p->lang;
	char id[96];
	snprintf(id, sizeof id, "streefdoel-%s", t->slug);
	tl_html_lit(b, "<li class=\"tl-target\"");
	tl_html_attr(b, "id", id);
	tl_html_lit(b, ">");
	h_open(b, level, "tl-target__title");
	tl_html_text(b, t->title);
	h_close(b, level);
	if (t->text) {
		tl_html_lit(b, "<p class=\"tl-target__text\"><q class=\"tl-quote\">");
		tl_html_text(b, t->text);
		tl_html_lit(b, "</q>");
		if (t->source) {
			tl_html_lit(b, " <span class=\"tl-note\">(");
			tl_html_text(b, t->source);
			tl_html_lit(b, ")</span>");
		}
		tl_html_lit(b, "</p>\n");
	}
	tl_html_lit(b, "<dl class=\"tl-facts\">\n<dt>");
	tl_html_text(b, tl_word(lang, "Nulmeting", "Baseline"));
	tl_html_lit(b, "</dt><dd>");
	if (t->has_baseline) {
		value_unit(b, t, t->baseline, lang);
		if (t->baseline_date.year) {
			tl_html_lit(b, " (");
			tl_render_ymd(b, &t->baseline_date, lang);
			tl_html_lit(b, ")");
		}
	} else {
		tl_html_lit(b, "<span class=\"tl-missing\">");
		tl_html_text(b, tl_word(lang, "geen nulmeting vastgelegd", "no baseline recorded"));
		tl_html_lit(b, "</span>");
	}
	tl_html_lit(b, "</dd>\n<dt>");
	tl_html_text(b, tl_word(lang, "Streefwaarde", "Target"));
	tl_html_lit(b, "</dt><dd>");
	if (t->has_target) {
		value_unit(b, t, t->target, lang);
	} else {
		tl_html_lit(b, "<span class=\"tl-missing\">");
		tl_html_text(b, tl_word(lang, "geen getal vastgelegd", "no number set"));
		tl_html_lit(b, "</span>");
	}
	tl_html_lit(b, "</dd>\n<dt>");
	tl_html_text(b, tl_word(lang, "Uiterlijk", "Deadline"));
	tl_html_lit(b, "</dt><dd>");
	if (t->deadline.year) {
		tl_render_ymd(b, &t->deadline, lang);
	} else {
		tl_html_lit(b, "<span class=\"tl-missing\">");
		tl_html_text(b, tl_word(lang, "geen termijn vastgelegd", "no deadline set"));
		tl_html_lit(b, "</span>");
	}
	tl_html_lit(b, "</dd>\n");
	const struct tl_target_entry *last = t->n_progress ? &t->progress[t->n_progress - 1] : NULL;
	if (last) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Laatste meting", "Latest measurement"));
		tl_html_lit(b, "</dt><dd>");
		value_unit(b, t, last->value, lang);
		tl_html_lit(b, " (");
		tl_render_ymd(b, &last->date, lang);
		if (last->source) {
			tl_html_lit(b, "; ");
			tl_html_text(b, last->source);
		}
		tl_html_lit(b, ")</dd>\n");
	}
	tl_html_lit(b, "</dl>\n");

	/* Progress: with a baseline, target and deadline, through the analysis
	 * (share, pace so far and needed); with only a target number and a
	 * count, the latest as a share of the target, without a pace. */
	if (t->has_baseline && t->has_target && t->deadline.year && t->baseline_date.year) {
		struct tl_target_point *pts = TL_NEW_ARRAY(p->m->arena, struct tl_target_point, t->n_progress + 1);
		for (size_t i = 0; i < t->n_progress; i++)
			pts[i] = (struct tl_target_point){t->progress[i].value, to_date(&t->progress[i].date)};
		struct tl_target_input in = {{t->baseline, to_date(&t->baseline_date)},
					     {t->target, to_date(&t->deadline)}, pts, t->n_progress, t->decimals,
					     t->polarity};
		struct tl_target_progress r = tl_target_assess(&in);
		tl_html_lit(b, "<div class=\"tl-progress\">");
		double total = (double)(tl_date_days(&in.target.date) - tl_date_days(&in.baseline.date));
		double expected = -1;
		if (r.status != TL_TARGET_NO_DATA && total > 0)
			expected = (double)(tl_date_days(&r.latest.date) - tl_date_days(&in.baseline.date)) / total;
		bar(b, r.status == TL_TARGET_NO_DATA ? 0 : r.share, expected);
		tl_html_lit(b, "<p class=\"tl-progress__text\"><strong>");
		tl_html_text(b, status_text(r.status, lang));
		tl_html_lit(b, "</strong>");
		if (r.status != TL_TARGET_NO_DATA) {
			tl_buf pct = TL_BUF_INIT;
			tl_fmt_value(&pct, r.share * 100, 0, TL_UNIT_PERCENT, lang);
			tl_html_lit(b, ": ");
			tl_html_text(b, pct.data);
			tl_html_text(b, tl_word(lang, " van de weg afgelegd", " of the way done"));
			tl_buf_free(&pct);
			if (r.status == TL_TARGET_ON_TRACK || r.status == TL_TARGET_OFF_TRACK) {
				tl_html_text(b, tl_word(lang, "; tempo tot nu toe ", "; pace so far "));
				struct tl_target finer = *t; /* a pace needs a decimal more than a level */
				finer.decimals = t->decimals + 1;
				value_unit(b, &finer, r.pace_so_far, lang);
				tl_html_text(b, tl_word(lang, " per jaar, nodig ", " a year, needed "));
				value_unit(b, &finer, r.pace_needed, lang);
				tl_html_text(b, tl_word(lang, " per jaar", " a year"));
			}
			tl_html_text(b, tl_word(lang, ". De streep markeert waar een rechte lijn naar de streefwaarde nu zou zijn.",
						". The mark shows where a straight line to the target would be now."));
		}
		tl_html_lit(b, "</p></div>\n");
	} else if (t->has_target && last && t->target > 0 && t->polarity == TL_POLARITY_HIGHER_BETTER) {
		tl_html_lit(b, "<div class=\"tl-progress\">");
		bar(b, last->value / t->target, -1);
		tl_html_lit(b, "<p class=\"tl-progress__text\">");
		tl_html_value(b, last->value, t->decimals, tl_unit_kind(t->unit ? t->unit : ""), lang);
		tl_html_text(b, tl_word(lang, " van ", " of "));
		value_unit(b, t, t->target, lang);
		tl_html_text(b, tl_word(lang, "; zonder nulmeting is het tempo niet te bepalen.",
					"; without a baseline the pace cannot be told."));
		tl_html_lit(b, "</p></div>\n");
	} else {
		tl_html_lit(b, "<p class=\"tl-progress__text tl-missing\">");
		tl_html_text(b, tl_word(lang, "Voortgang niet te meten: ", "Progress cannot be measured: "));
		int first = 1;
		if (!t->has_target) {
			tl_html_text(b, tl_word(lang, "het doel heeft geen getal", "the target has no number"));
			first = 0;
		}
		if (!t->has_baseline) {
			tl_html_text(b, first ? "" : ", ");
			tl_html_text(b, tl_word(lang, "er is geen nulmeting", "there is no baseline"));
			first = 0;
		}
		if (!t->deadline.year) {
			tl_html_text(b, first ? "" : ", ");
			tl_html_text(b, tl_word(lang, "er is geen termijn", "there is no deadline"));
			first = 0;
		}
		if (!last) {
			tl_html_text(b, first ? "" : ", ");
			tl_html_text(b, tl_word(lang, "er is nog geen meting", "there is no measurement yet"));
		}
		tl_html_lit(b, ".</p>\n");
	}
	tl_html_lit(b, "</li>\n");
}

void tl_render_targets(tl_buf *b, const struct tl_page *p, const char *theme, int heading)
{
	const struct tl_model *m = p->m;
	size_t shown = 0;
	for (size_t i = 0; i < m->n_targets; i++) {
		const struct tl_target *t = &m->targets[i];
		if (theme ? !((t->theme && !strcmp(t->theme, theme)) || has_theme_goal(m, t->goals, t->n_goals, theme))
			  : t->theme != NULL)
			continue;
		if (!shown++)
			tl_html_lit(b, "<ul class=\"tl-targets\">\n");
		target_item(b, p, t, sub(heading));
	}
	if (shown) {
		tl_html_lit(b, "</ul>\n");
	} else {
		tl_html_lit(b, "<p class=\"tl-missing\">");
		tl_html_text(b, tl_word(p->lang, "Geen streefdoelen vastgelegd.", "No targets recorded."));
		tl_html_lit(b, "</p>\n");
	}
}

/* ---- stories ------------------------------------------------------------ */

static int story_in_theme(const struct tl_model *m, const struct tl_story *s, const char *theme)
{
	if (has_theme_goal(m, s->goals, s->n_goals, theme))
		return 1;
	for (size_t i = 0; i < s->n_instruments; i++) {
		const struct tl_instrument *in = tl_model_instrument(m, s->instruments[i]);
		if (in && in->theme && !strcmp(in->theme, theme))
			return 1;
	}
	return 0;
}

void tl_render_stories(tl_buf *b, const struct tl_page *p, const char *theme, int heading)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	size_t shown = 0;
	for (size_t i = 0; i < m->n_stories; i++) {
		const struct tl_story *s = &m->stories[i];
		if (!s->published || (theme && !story_in_theme(m, s, theme)))
			continue;
		if (!shown++)
			tl_html_lit(b, "<ul class=\"tl-stories\">\n");
		tl_html_lit(b, "<li class=\"tl-story-card\">");
		if (s->kicker) {
			tl_html_lit(b, "<span class=\"tl-story-card__kicker\">");
			tl_buf k = TL_BUF_INIT;
			tl_story_redact(s, s->kicker, strlen(s->kicker), lang, &k);
			tl_html_text(b, k.data);
			tl_buf_free(&k);
			tl_html_lit(b, "</span> ");
		}
		char href[160];
		if (p->print) /* the interview is in the same document */
			snprintf(href, sizeof href, "#interview-%s", s->slug);
		else
			snprintf(href, sizeof href, "%sverhalen/%s.html", p->root ? p->root : "", s->slug);
		tl_buf t = TL_BUF_INIT;
		tl_story_redact(s, s->title, strlen(s->title), lang, &t);
		tl_html_lit(b, "<a class=\"tl-story-card__title\"");
		tl_html_href(b, href);
		tl_html_lit(b, ">");
		tl_html_text(b, t.data);
		tl_html_lit(b, "</a>");
		tl_buf_free(&t);
		if (s->place || s->municipality) {
			tl_html_lit(b, " <span class=\"tl-story-card__place\">(");
			if (s->place)
				tl_html_text(b, s->place);
			const struct tl_region *r = s->municipality ? tl_model_region(m, s->municipality) : NULL;
			if (r && (!s->place || strcmp(s->place, r->name) != 0)) {
				if (s->place)
					tl_html_lit(b, ", ");
				tl_html_text(b, tl_word(lang, "gemeente ", "municipality of "));
				tl_html_text(b, r->name);
			}
			tl_html_lit(b, ")</span>");
		}
		tl_html_lit(b, "</li>\n");
	}
	(void)heading;
	if (shown)
		tl_html_lit(b, "</ul>\n");
}

/* ---- next steps --------------------------------------------------------- */

static const char *step_word(enum tl_step_status s, enum tl_lang lang)
{
	switch (s) {
	case TL_STEP_PLANNED: return tl_word(lang, "gepland", "planned");
	case TL_STEP_STARTED: return tl_word(lang, "gestart", "started");
	case TL_STEP_DONE: return tl_word(lang, "gedaan", "done");
	case TL_STEP_DROPPED: return tl_word(lang, "geschrapt", "dropped");
	}
	return "";
}

static void step_list(tl_buf *b, const struct tl_page *p, const char *theme, int year, int outcome)
{
	const struct tl_model *m = p->m;
	tl_html_lit(b, "<ul class=\"tl-steps\">\n");
	for (size_t i = 0; i < m->n_next_steps; i++) {
		const struct tl_next_step *s = &m->next_steps[i];
		if (s->year != year || (theme && strcmp(s->theme, theme) != 0))
			continue;
		tl_html_lit(b, "<li class=\"tl-step\"><span class=\"tl-step__status tl-step__status--");
		tl_html_lit(b, tl_step_status_name(s->status));
		tl_html_lit(b, "\">");
		tl_html_text(b, step_word(s->status, p->lang));
		tl_html_lit(b, "</span> ");
		tl_html_text(b, s->text);
		if (outcome && s->outcome) {
			tl_html_lit(b, " <span class=\"tl-step__outcome\">");
			tl_html_text(b, s->outcome);
			tl_html_lit(b, "</span>");
		}
		tl_html_lit(b, "</li>\n");
	}
	tl_html_lit(b, "</ul>\n");
}

static size_t count_steps(const struct tl_model *m, const char *theme, int year)
{
	size_t n = 0;
	for (size_t i = 0; i < m->n_next_steps; i++)
		n += m->next_steps[i].year == year && (!theme || !strcmp(m->next_steps[i].theme, theme));
	return n;
}

void tl_render_next_steps(tl_buf *b, const struct tl_page *p, const char *theme, int heading)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	int year = m->agenda.report_year;
	int level = sub(heading);
	tl_html_lit(b, "<section class=\"tl-next-steps\">\n");
	if (count_steps(m, theme, year + 1)) {
		h_open(b, level, "tl-next-steps__title");
		tl_html_text(b, tl_word(lang, "Vervolgstappen voor ", "Next steps for "));
		tl_html_int(b, year + 1);
		h_close(b, level);
		step_list(b, p, theme, year + 1, 0);
	}
	if (count_steps(m, theme, year)) {
		h_open(b, level, "tl-next-steps__title");
		tl_html_text(b, tl_word(lang, "Wat werd er van de stappen voor ", "What became of the steps for "));
		tl_html_int(b, year);
		tl_html_lit(b, "?");
		h_close(b, level);
		step_list(b, p, theme, year, 1);
	}
	tl_html_lit(b, "</section>\n");
}
