#include "narrate_analysis.h"

#include <math.h>
#include <string.h>

#include "../analysis/compare.h"
#include "../analysis/correlate.h"
#include "../analysis/outliers.h"
#include "../analysis/position.h"
#include "../analysis/series.h"
#include "narrate.h"

static void val(tl_buf *out, const struct tl_indicator *d, double v, enum tl_lang lang)
{
	tl_narrate_value(out, d, v, lang);
}

static void diff(tl_buf *out, const struct tl_indicator *d, double x, enum tl_lang lang)
{
	tl_narrate_difference(out, d, fabs(x), lang);
}

static void no_figures(tl_buf *out, const struct tl_region *r, enum tl_lang lang)
{
	tl_buf_printf(out, lang == TL_LANG_NL ? "Voor %s zijn er geen cijfers over dit onderwerp." :
						"There are no figures on this for %s.",
		      r->name);
}

static int is_municipal(const struct tl_region *r)
{
	return r->level && strcmp(r->level, "gemeente") == 0;
}

static const char *members_word(const struct tl_region *r, enum tl_lang lang)
{
	if (is_municipal(r))
		return lang == TL_LANG_NL ? "gemeenten" : "municipalities";
	return lang == TL_LANG_NL ? "regio's" : "regions";
}

void tl_narrate_list(tl_buf *out, const struct tl_region *const *r, size_t n, enum tl_lang lang)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			tl_buf_puts(out, i + 1 == n ? (lang == TL_LANG_NL ? " en " : " and ") : ", ");
		tl_buf_puts(out, r[i]->name);
	}
}

/* ---- versus national ---------------------------------------------------- */

int tl_narrate_versus(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
		      const struct tl_region *r, double margin, enum tl_lang lang)
{
	int nl = lang == TL_LANG_NL;
	size_t n;
	const struct tl_observation *s = tl_model_series(m, d->slug, r->code, &n);
	long last = tl_series_latest(s, n);
	if (last < 0) {
		no_figures(out, r, lang);
		return 0;
	}
	const struct tl_observation *o = &s[last];
	const char *natc = m->agenda.national_region;
	const struct tl_region *nat = natc ? tl_model_region(m, natc) : NULL;
	const struct tl_observation *no = nat ? tl_model_obs(m, d->slug, nat->code, &o->period) : NULL;
	if (!no || !tl_status_has_value(no->status) || nat == r) {
		if (nl)
			tl_buf_printf(out, "Volgens de meest recente cijfers (%d) is ‘%s’ in %s ", o->period.year,
				      d->title, r->name);
		else
			tl_buf_printf(out, "According to the latest figures (%d), ‘%s’ is ", o->period.year, d->title);
		val(out, d, o->value, lang);
		if (!nl)
			tl_buf_printf(out, " in %s", r->name);
		tl_buf_printf(out, nl ? ". Voor %d is er geen landelijk cijfer om mee te vergelijken." :
					". There is no national figure for %d to compare with.",
			      o->period.year);
		return 1;
	}
	tl_buf_puts(out, nl ? "Met " : "At ");
	val(out, d, o->value, lang);
	int c = tl_compare_tolerance(o->value, no->value, d->decimals, margin);
	tl_buf_printf(out, " (%d)", o->period.year);
	if (nl)
		tl_buf_printf(out, " zit %s bij ‘%s’ %s het landelijk gemiddelde (", r->name, d->title,
			      c == 0 ? "op" : c > 0 ? "boven" : "onder");
	else
		tl_buf_printf(out, ", %s is %s the national average (", r->name,
			      c == 0 ? "level with" : c > 0 ? "above" : "below");
	val(out, d, no->value, lang);
	tl_buf_puts(out, ")");
	if (!nl)
		tl_buf_printf(out, " on ‘%s’", d->title);
	if (c == 0 && margin > 0 && tl_compare_rounded(o->value, no->value, d->decimals) != 0)
		tl_buf_puts(out, nl ? "; het verschil valt binnen de foutmarge" :
				      "; the difference is within the margin of error");
	int f = tl_compare_favour(d->polarity, o->value, no->value, d->decimals, margin);
	if (f != 0)
		tl_buf_printf(out, nl ? ", wat bij deze indicator %s is" : ", which is %s for this indicator",
			      f > 0 ? (nl ? "gunstig" : "favourable") : (nl ? "ongunstig" : "unfavourable"));
	tl_buf_puts(out, ".");
	return 1;
}

/* ---- change ------------------------------------------------------------- */

/* " is dit gestegen met 2,1 procentpunt, een gunstige ontwikkeling." */
static void movement(tl_buf *out, const struct tl_indicator *d, double from, double to,
		     enum tl_lang lang)
{
	int nl = lang == TL_LANG_NL;
	int dir = tl_compare_rounded(to, from, d->decimals);
	if (dir == 0) {
		tl_buf_puts(out, nl ? " is dit gelijk gebleven." : " it is unchanged.");
		return;
	}
	if (nl)
		tl_buf_printf(out, " is dit %s met ", dir > 0 ? "gestegen" : "gedaald");
	else
		tl_buf_printf(out, " it has %s by ", dir > 0 ? "risen" : "fallen");
	diff(out, d, to - from, lang);
	int j = tl_judge_change(d->polarity, from, to, d->decimals);
	if (j != 0)
		tl_buf_puts(out, j > 0 ? (nl ? ", een gunstige ontwikkeling" : ", a favourable development") :
					 (nl ? ", een ongunstige ontwikkeling" : ", an unfavourable development"));
	tl_buf_puts(out, ".");
}

int tl_narrate_change(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
		      const struct tl_region *r, enum tl_lang lang)
{
	int nl = lang == TL_LANG_NL;
	size_t n;
	const struct tl_observation *s = tl_model_series(m, d->slug, r->code, &n);
	long last = tl_series_latest(s, n);
	if (last < 0) {
		no_figures(out, r, lang);
		return 0;
	}
	const struct tl_observation *o = &s[last];
	if (nl)
		tl_buf_printf(out, "In %d is ‘%s’ in %s ", o->period.year, d->title, r->name);
	else
		tl_buf_printf(out, "In %d ‘%s’ is ", o->period.year, d->title);
	val(out, d, o->value, lang);
	if (!nl)
		tl_buf_printf(out, " in %s", r->name);
	tl_buf_puts(out, ".");
	long prev = tl_series_comparable_previous_in(m, d, s, n, last);
	long first = tl_series_comparable_first_in(m, d, s, n, last);
	if (prev < 0) {
		tl_buf_puts(out, nl ? " Er is geen eerder vergelijkbaar cijfer." :
				      " There is no earlier comparable figure.");
	} else {
		tl_buf_printf(out, nl ? " Ten opzichte van %d (" : " Compared with %d (", s[prev].period.year);
		val(out, d, s[prev].value, lang);
		tl_buf_puts(out, nl ? ")" : "),");
		movement(out, d, s[prev].value, o->value, lang);
		if (first >= 0 && first != prev) {
			tl_buf_printf(out, nl ? " Sinds %d (" : " Since %d (", s[first].period.year);
			val(out, d, s[first].value, lang);
			tl_buf_puts(out, nl ? ")" : "),");
			movement(out, d, s[first].value, o->value, lang);
		}
	}
	long earliest = tl_series_first(s, n);
	for (size_t i = 0; i < d->n_breaks; i++) {
		int by = d->breaks[i].year;
		if (by <= o->period.year && earliest >= 0 && s[earliest].period.year < by) {
			tl_buf_printf(out, nl ? " Door een trendbreuk in %d zijn cijfers van vóór %d niet vergelijkbaar." :
						" Because of a series break in %d, figures from before %d are not comparable.",
				      by, by);
			break;
		}
	}
	/* A municipal merger that breaks this region's series (and is not
	 * already said by an indicator break above). */
	int gy = earliest >= 0 ? tl_model_region_break(m, d, r->code, s[earliest].period.year, o->period.year) : 0;
	if (gy)
		tl_buf_printf(out, nl ? " Door de gemeentelijke herindeling van %d zijn cijfers van vóór %d niet vergelijkbaar." :
					" Because of the municipal merger of %d, figures from before %d are not comparable.",
			      gy, gy);
	return 1;
}

/* ---- position ----------------------------------------------------------- */

static void ordinal_en(tl_buf *out, size_t k)
{
	const char *suf = "th";
	if (k % 100 < 11 || k % 100 > 13) {
		if (k % 10 == 1)
			suf = "st";
		else if (k % 10 == 2)
			suf = "nd";
		else if (k % 10 == 3)
			suf = "rd";
	}
	tl_buf_printf(out, "%zu%s", k, suf);
}

int tl_narrate_position(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
			const struct tl_region *r, const struct tl_region *const *regions,
			size_t n, const char *group, enum tl_lang lang)
{
	int nl = lang == TL_LANG_NL;
	size_t at = n;
	for (size_t i = 0; i < n; i++)
		if (regions[i] == r)
			at = i;
	double *v = TL_NEW_ARRAY(m->arena, double, n + 1);
	unsigned char *has = TL_NEW_ARRAY(m->arena, unsigned char, n + 1);
	struct tl_position *pos = TL_NEW_ARRAY(m->arena, struct tl_position, n + 1);
	struct tl_period p;
	if (at == n || tl_positions_model(m, d, regions, n, &p, v, has, pos)) {
		no_figures(out, r, lang);
		return 0;
	}
	const struct tl_position *ps = &pos[at];
	const char *word = members_word(r, lang);
	if (!ps->has) {
		tl_buf_printf(out, nl ? "Voor %s is er geen cijfer in %d, het jaar waarin de meeste %s een cijfer hebben." :
					"There is no figure for %s in %d, the year in which most %s have one.",
			      r->name, p.year, word);
		return 0;
	}
	if (nl) {
		tl_buf_printf(out, "Bij ‘%s’ staat %s in %d met ", d->title, r->name, p.year);
		val(out, d, v[at], lang);
		tl_buf_printf(out, " op plaats %zu%s van de %zu %s met cijfers", ps->rank,
			      ps->tied > 1 ? " (gedeeld)" : "", ps->of, word);
		tl_buf_puts(out, d->polarity == TL_POLARITY_NEUTRAL ? " (plaats 1 is het hoogst)." :
								      " (plaats 1 is het gunstigst).");
	} else {
		tl_buf_printf(out, "On ‘%s’, %s ranks ", d->title, r->name);
		ordinal_en(out, ps->rank);
		tl_buf_printf(out, "%s of %zu %s with figures in %d, at ", ps->tied > 1 ? " (shared)" : "", ps->of,
			      word, p.year);
		val(out, d, v[at], lang);
		tl_buf_puts(out, d->polarity == TL_POLARITY_NEUTRAL ? " (1st is the highest)." :
								      " (1st is the most favourable).");
	}
	const char *g = group ? group : "";
	const char *judgement = NULL;
	switch (ps->third) {
	case TL_THIRD_FAVOURABLE: judgement = nl ? "scoort|relatief gunstig" : "relatively favourable"; break;
	case TL_THIRD_UNFAVOURABLE: judgement = nl ? "scoort|relatief ongunstig" : "relatively unfavourable"; break;
	case TL_THIRD_MIDDLE: judgement = nl ? "hoort|bij de middengroep" : "in the middle group"; break;
	case TL_THIRD_NONE: break;
	}
	if (judgement && nl) {
		/* "Daarmee <verb> <name> <phrase> binnen <group>." */
		const char *bar = strchr(judgement, '|');
		tl_buf_printf(out, " Daarmee %.*s %s %s binnen %s.", (int)(bar - judgement), judgement,
			      r->name, bar + 1, g);
	} else if (judgement) {
		tl_buf_printf(out, " That is %s within %s.", judgement, g);
	}
	return 1;
}

/* ---- outliers ----------------------------------------------------------- */

int tl_narrate_outliers(tl_buf *out, const struct tl_model *m, const char *theme,
			const struct tl_region *const *regions, size_t n, const char *group,
			tl_arena *a, enum tl_lang lang)
{
	int nl = lang == TL_LANG_NL;
	struct tl_outliers o;
	const char *g = group ? group : "";
	const char *word = n > 0 ? members_word(regions[0], lang) : (nl ? "gemeenten" : "municipalities");
	if (tl_theme_outliers(m, theme, regions, n, a, &o) || o.threshold == 0) {
		tl_buf_printf(out, nl ? "Voor dit thema zijn te weinig indicatoren met cijfers van de %s om uitschieters te benoemen." :
					"This theme has too few indicators with figures for the %s to name outliers.",
			      word);
		return 0;
	}
	if (o.n_unfavourable == 0 && o.n_favourable == 0) {
		if (nl)
			tl_buf_printf(out, "Geen van de %s scoort op %zu of meer van de %zu indicatoren van dit thema"
					   " relatief ongunstig of relatief gunstig binnen %s.",
				      word, o.threshold, o.judged, g);
		else
			tl_buf_printf(out, "None of the %s scores relatively unfavourably or favourably within %s"
					   " on %zu or more of this theme's %zu indicators.",
				      word, g, o.threshold, o.judged);
		return 1;
	}
	int first = 1;
	if (o.n_unfavourable) {
		tl_narrate_list(out, (const struct tl_region *const *)o.unfavourable, o.n_unfavourable, lang);
		if (nl)
			tl_buf_printf(out, " %s op meerdere indicatoren van dit thema relatief ongunstig binnen %s"
					   " (bij de ongunstigste derde op ten minste %zu van de %zu indicatoren).",
				      o.n_unfavourable == 1 ? "scoort" : "scoren", g, o.threshold, o.judged);
		else
			tl_buf_printf(out, " %s relatively unfavourably within %s on several indicators of this theme"
					   " (in the least favourable third on at least %zu of the %zu indicators).",
				      o.n_unfavourable == 1 ? "scores" : "score", g, o.threshold, o.judged);
		first = 0;
	}
	if (o.n_favourable) {
		if (!first)
			tl_buf_putc(out, ' ');
		tl_narrate_list(out, (const struct tl_region *const *)o.favourable, o.n_favourable, lang);
		if (nl && !first)
			tl_buf_printf(out, " %s juist op meerdere indicatoren relatief gunstig.",
				      o.n_favourable == 1 ? "scoort" : "scoren");
		else if (nl)
			tl_buf_printf(out, " %s op meerdere indicatoren van dit thema relatief gunstig binnen %s"
					   " (bij de gunstigste derde op ten minste %zu van de %zu indicatoren).",
				      o.n_favourable == 1 ? "scoort" : "scoren", g, o.threshold, o.judged);
		else if (!first)
			tl_buf_printf(out, ", on the other hand, %s relatively favourably on several indicators.",
				      o.n_favourable == 1 ? "scores" : "score");
		else
			tl_buf_printf(out, " %s relatively favourably within %s on several indicators of this theme"
					   " (in the most favourable third on at least %zu of the %zu indicators).",
				      o.n_favourable == 1 ? "scores" : "score", g, o.threshold, o.judged);
	}
	return 1;
}

/* ---- correlation -------------------------------------------------------- */

static int polarity_sign(enum tl_polarity p)
{
	return p == TL_POLARITY_HIGHER_BETTER ? 1 : p == TL_POLARITY_LOWER_BETTER ? -1 : 0;
}

int tl_narrate_correlation(tl_buf *out, const struct tl_model *m, const struct tl_indicator *a,
			   const struct tl_indicator *b, const struct tl_region *const *regions,
			   size_t n, enum tl_lang lang)
{
	int nl = lang == TL_LANG_NL;
	const char *word = n > 0 ? members_word(regions[0], lang) : (nl ? "gemeenten" : "municipalities");
	double *x = TL_NEW_ARRAY(m->arena, double, n + 1);
	double *y = TL_NEW_ARRAY(m->arena, double, n + 1);
	unsigned char *use = TL_NEW_ARRAY(m->arena, unsigned char, n + 1);
	struct tl_period p;
	struct tl_correlation c;
	if (tl_correlate_model(m, a, b, regions, n, &p, x, y, use, &c)) {
		tl_buf_printf(out, nl ? "Er zijn geen %s met cijfers voor ‘%s’ en ‘%s’ in hetzelfde jaar." :
					"No %s have figures for ‘%s’ and ‘%s’ in the same year.",
			      word, a->title, b->title);
		return 0;
	}
	if (!c.ok) {
		if (c.n < TL_CORR_MIN_N)
			tl_buf_printf(out, nl ? "Te weinig %s hebben cijfers voor ‘%s’ en ‘%s’ (%zu in %d; minimaal %d) om iets over een verband te zeggen." :
						"Too few %s have figures for ‘%s’ and ‘%s’ (%zu in %d; at least %d are needed) to say anything about a relationship.",
				      word, a->title, b->title, c.n, p.year, TL_CORR_MIN_N);
		else
			tl_buf_printf(out, nl ? "In %d verschilt ‘%s’ of ‘%s’ niet tussen de %s; een verband is niet te bepalen." :
						"In %d, ‘%s’ or ‘%s’ does not differ between the %s; no relationship can be measured.",
				      p.year, a->title, b->title, word);
		return 0;
	}
	tl_buf *t = out;
	if (!c.strong) {
		tl_buf_printf(t, nl ? "Tussen de %s is er geen sterk verband tussen ‘%s’ en ‘%s’ (Spearman-rangcorrelatie " :
				      "Across the %s there is no strong relationship between ‘%s’ and ‘%s’ (Spearman rank correlation ",
			      word, a->title, b->title);
	} else {
		if (nl)
			tl_buf_printf(t, "%c%s waar ‘%s’ hoger ligt, scoren gemiddeld %s op ‘%s’ (Spearman-rangcorrelatie ",
				      word[0] == 'g' ? 'G' : 'R', word + 1, a->title, c.rho > 0 ? "hoger" : "lager",
				      b->title);
		else
			tl_buf_printf(t, "%c%s where ‘%s’ is higher tend to score %s on ‘%s’ (Spearman rank correlation ",
				      word[0] == 'm' ? 'M' : 'R', word + 1, a->title, c.rho > 0 ? "higher" : "lower",
				      b->title);
	}
	tl_fmt_number(t, c.rho, 2, lang);
	tl_buf_printf(t, nl ? "; %zu %s, %d)." : "; %zu %s, %d).", c.n, word, p.year);
	if (!c.strong)
		return 1;
	int same = (c.rho > 0 ? 1 : -1) * polarity_sign(a->polarity) * polarity_sign(b->polarity);
	if (same > 0)
		tl_buf_printf(t, nl ? " %c%s die op het ene relatief ongunstig scoren, doen dat dus vaak ook op het andere." :
				      " %c%s that score relatively unfavourably on one thus often do so on the other as well.",
			      nl ? (word[0] == 'g' ? 'G' : 'R') : (word[0] == 'm' ? 'M' : 'R'), word + 1);
	else if (same < 0)
		tl_buf_puts(t, nl ? " Een relatief ongunstige score op het ene gaat dus vaak samen met een relatief gunstige op het andere." :
				    " A relatively unfavourable score on one thus often goes with a relatively favourable one on the other.");
	tl_buf_puts(t, nl ? " Dat is een samenhang, geen bewijs dat het een het ander veroorzaakt." :
			    " This is an association, not evidence that one causes the other.");
	return 1;
}

/* ---- target ------------------------------------------------------------- */

/* "steeg dit met 2,0 procentpunt" / "has risen by 2.0 percentage points" */
static void pace(tl_buf *out, const struct tl_indicator *d, double per_year, enum tl_lang lang)
{
	int nl = lang == TL_LANG_NL;
	int dir = tl_compare_rounded(per_year, 0, d->decimals);
	if (dir == 0) {
		tl_buf_puts(out, nl ? "bleef dit vrijwel gelijk" : "it has stayed about the same");
		return;
	}
	tl_buf_puts(out, nl ? (dir > 0 ? "steeg dit met " : "daalde dit met ") :
			      (dir > 0 ? "it has risen by " : "it has fallen by "));
	diff(out, d, per_year, lang);
	tl_buf_puts(out, nl ? " per jaar" : " per year");
}

void tl_narrate_target(tl_buf *out, const struct tl_indicator *d, const struct tl_target_input *in,
		       const struct tl_target_progress *p, enum tl_lang lang)
{
	int nl = lang == TL_LANG_NL;
	tl_buf_puts(out, nl ? "Het doel is " : "The target is ");
	val(out, d, in->target.value, lang);
	tl_buf_printf(out, nl ? " in %d (uitgangswaarde " : " by %d (baseline ", in->target.date.year);
	val(out, d, in->baseline.value, lang);
	tl_buf_printf(out, nl ? " in %d)." : " in %d).", in->baseline.date.year);
	if (p->status == TL_TARGET_NO_DATA) {
		tl_buf_printf(out, nl ? " Na %d zijn er nog geen cijfers om de voortgang te meten." :
					" There are no figures after %d yet to measure progress.",
			      in->baseline.date.year);
		return;
	}
	tl_buf_puts(out, nl ? " Met " : " At ");
	val(out, d, p->latest.value, lang);
	tl_buf_printf(out, " in %d", p->latest.date.year);
	switch (p->status) {
	case TL_TARGET_ACHIEVED:
		tl_buf_puts(out, nl ? " is het doel bereikt." : ", the target has been reached.");
		return;
	case TL_TARGET_MISSED:
		tl_buf_puts(out, nl ? " is het doel niet gehaald." : ", the target has not been met.");
		return;
	default: break;
	}
	if (p->share < 0) {
		tl_buf_puts(out, nl ? " is de afstand tot het doel groter geworden." :
				      ", the distance to the target has grown.");
	} else {
		tl_buf_puts(out, nl ? " is " : ", ");
		tl_fmt_number(out, p->share * 100, 0, lang);
		tl_buf_puts(out, nl ? "% van de afstand afgelegd." : "% of the way has been covered.");
	}
	tl_buf_puts(out, nl ? " Tot nu toe " : " So far ");
	pace(out, d, p->pace_so_far, lang);
	tl_buf_puts(out, nl ? "; om het doel te halen is " : "; reaching the target needs ");
	tl_buf_puts(out, nl ? (p->pace_needed > 0 ? "een stijging van " : "een daling van ") :
			      (p->pace_needed > 0 ? "a rise of " : "a fall of "));
	diff(out, d, p->pace_needed, lang);
	tl_buf_puts(out, nl ? " per jaar nodig." : " per year.");
	tl_buf_puts(out, p->status == TL_TARGET_ON_TRACK ? (nl ? " Het doel ligt op koers." : " The target is on track.") :
							   (nl ? " Het doel ligt niet op koers." : " The target is not on track."));
}
