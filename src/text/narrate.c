#include "narrate.h"

#include <string.h>

#include "../analysis/series.h"

static void value(tl_buf *out, const struct tl_indicator *d, double v, enum tl_lang lang)
{
	tl_fmt_value(out, v, d->decimals, tl_unit_kind(d->unit), lang);
}

/* "procentpunt" for percentages: a change from 72% to 74% is 2 points, not 2%. */
static void difference(tl_buf *out, const struct tl_indicator *d, double diff, enum tl_lang lang)
{
	enum tl_unit_kind k = tl_unit_kind(d->unit);
	if (k == TL_UNIT_PERCENT) {
		tl_fmt_number(out, diff, d->decimals, lang);
		tl_buf_puts(out, lang == TL_LANG_NL ? " procentpunt" : " percentage points");
	} else {
		tl_fmt_value(out, diff, d->decimals, k, lang);
	}
}

void tl_narrate_indicator(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
			  enum tl_lang lang)
{
	const struct tl_agenda *ag = &m->agenda;
	const struct tl_region *focus = ag->focus_region ? tl_model_region(m, ag->focus_region) : NULL;
	const struct tl_region *nat = ag->national_region ? tl_model_region(m, ag->national_region) : NULL;
	int nl = lang == TL_LANG_NL;
	if (!focus)
		return;
	size_t n;
	const struct tl_observation *s = tl_model_series(m, d->slug, focus->code, &n);
	long last = tl_series_latest(s, n);
	if (last < 0) {
		tl_buf_printf(out, nl ? "Voor %s zijn er geen cijfers over dit onderwerp in de data." :
					"There are no figures on this for %s in the data.",
			      focus->name);
		return;
	}
	const struct tl_observation *o = &s[last];
	if (nl)
		tl_buf_printf(out, "Volgens de meest recente cijfers (%d) is dit in %s ", o->period.year, focus->name);
	else
		tl_buf_printf(out, "According to the latest figures (%d), this is ", o->period.year);
	value(out, d, o->value, lang);
	if (!nl)
		tl_buf_printf(out, " in %s", focus->name);
	if (o->status == TL_STATUS_PROVISIONAL)
		tl_buf_puts(out, nl ? " (voorlopig cijfer)" : " (provisional)");
	tl_buf_puts(out, ".");

	const struct tl_observation *no = nat ? tl_model_obs(m, d->slug, nat->code, &o->period) : NULL;
	if (no && tl_status_has_value(no->status)) {
		int c = tl_compare_rounded(o->value, no->value, d->decimals);
		if (nl)
			tl_buf_puts(out, c == 0 ? " Dat is gelijk aan het landelijk gemiddelde (" :
					 c > 0 ? " Dat is hoger dan het landelijk gemiddelde (" :
						 " Dat is lager dan het landelijk gemiddelde (");
		else
			tl_buf_puts(out, c == 0 ? " That equals the national average (" :
					 c > 0 ? " That is higher than the national average (" :
						 " That is lower than the national average (");
		value(out, d, no->value, lang);
		tl_buf_puts(out, ").");
	}

	long first = tl_series_comparable_first_in(m, d, s, n, last);
	if (first >= 0) {
		const struct tl_observation *f = &s[first];
		int dir = tl_compare_rounded(o->value, f->value, d->decimals);
		if (dir == 0) {
			tl_buf_printf(out, nl ? " Dat is even hoog als in %d." : " That is the same as in %d.",
				      f->period.year);
		} else {
			double diff = o->value - f->value;
			if (diff < 0)
				diff = -diff;
			if (nl)
				tl_buf_printf(out, " Sinds %d is dit %s met ", f->period.year,
					      dir > 0 ? "gestegen" : "gedaald");
			else
				tl_buf_printf(out, " Since %d it has %s by ", f->period.year,
					      dir > 0 ? "risen" : "fallen");
			difference(out, d, diff, lang);
			tl_buf_puts(out, nl ? " (was " : " (from ");
			value(out, d, f->value, lang);
			tl_buf_puts(out, ").");
		}
	}
	/* Mention a break when the series has values from before it: those are
	 * the ones the change above deliberately leaves out. */
	long earliest = tl_series_first(s, n);
	for (size_t i = 0; i < d->n_breaks; i++) {
		const struct tl_series_break *b = &d->breaks[i];
		if (b->year <= o->period.year && earliest >= 0 && s[earliest].period.year < b->year) {
			tl_buf_printf(out, nl ? " Door een trendbreuk in %d zijn eerdere cijfers niet vergelijkbaar." :
						" Because of a series break in %d, earlier figures are not comparable.",
				      b->year);
			break;
		}
	}
}

void tl_narrate_spread(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
		       const struct tl_region *const *regions, size_t n, enum tl_lang lang)
{
	struct tl_period p;
	size_t cov;
	if (n < 2 || tl_best_period(m, d->slug, regions, n, &p, &cov) || cov < 2)
		return;
	const struct tl_observation *lo = NULL, *hi = NULL;
	const struct tl_region *rlo = NULL, *rhi = NULL;
	for (size_t i = 0; i < n; i++) {
		const struct tl_observation *o = tl_model_obs(m, d->slug, regions[i]->code, &p);
		if (!o || !tl_status_has_value(o->status))
			continue;
		if (!lo || o->value < lo->value) {
			lo = o;
			rlo = regions[i];
		}
		if (!hi || o->value > hi->value) {
			hi = o;
			rhi = regions[i];
		}
	}
	if (!lo || !hi)
		return;
	int nl = lang == TL_LANG_NL;
	if (tl_compare_rounded(lo->value, hi->value, d->decimals) == 0) {
		tl_buf_printf(out, nl ? "In %d is dit in alle gemeenten met cijfers even hoog: " :
					"In %d this is the same in every municipality with figures: ",
			      p.year);
		value(out, d, lo->value, lang);
		tl_buf_puts(out, ".");
		return;
	}
	tl_buf_printf(out, nl ? "In %d varieert dit tussen de gemeenten van " :
				"In %d this ranges across the municipalities from ",
		      p.year);
	value(out, d, lo->value, lang);
	tl_buf_printf(out, nl ? " in %s tot " : " in %s to ", rlo->name);
	value(out, d, hi->value, lang);
	tl_buf_printf(out, " in %s", rhi->name);
	if (cov < n)
		tl_buf_printf(out, nl ? " (%zu van de %zu gemeenten hebben cijfers)" :
					" (%zu of %zu municipalities have figures)",
			      cov, n);
	tl_buf_puts(out, ".");
}

void tl_narrate_value(tl_buf *out, const struct tl_indicator *d, double v, enum tl_lang lang)
{
	value(out, d, v, lang);
}

void tl_narrate_difference(tl_buf *out, const struct tl_indicator *d, double diff,
			   enum tl_lang lang)
{
	difference(out, d, diff, lang);
}
