#include "target.h"

#include "series.h"

long tl_date_days(const struct tl_date *d)
{
	/* Howard Hinnant's days_from_civil. */
	long y = d->year;
	unsigned mo = d->month > 0 ? (unsigned)d->month : 1;
	unsigned dd = d->day > 0 ? (unsigned)d->day : 1;
	y -= mo <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5 + dd - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static double years_between(const struct tl_date *a, const struct tl_date *b)
{
	return (double)(tl_date_days(b) - tl_date_days(a)) / 365.25;
}

const char *tl_target_status_name(enum tl_target_status s)
{
	switch (s) {
	case TL_TARGET_NO_DATA: return "no-data";
	case TL_TARGET_ON_TRACK: return "on-track";
	case TL_TARGET_OFF_TRACK: return "off-track";
	case TL_TARGET_ACHIEVED: return "achieved";
	case TL_TARGET_MISSED: return "missed";
	}
	return "?";
}

struct tl_target_progress tl_target_assess(const struct tl_target_input *in)
{
	struct tl_target_progress r = {0};
	r.status = TL_TARGET_NO_DATA;
	long base = tl_date_days(&in->baseline.date);
	const struct tl_target_point *latest = NULL;
	for (size_t i = 0; i < in->n_progress; i++) {
		const struct tl_target_point *p = &in->progress[i];
		long t = tl_date_days(&p->date);
		if (t <= base)
			continue;
		if (!latest || t > tl_date_days(&latest->date))
			latest = p;
	}
	if (!latest)
		return r;
	r.latest = *latest;
	double b = in->baseline.value, g = in->target.value, v = latest->value;
	r.years_elapsed = years_between(&in->baseline.date, &latest->date);
	r.years_left = years_between(&latest->date, &in->target.date);
	if (r.years_left < 0)
		r.years_left = 0;
	r.pace_so_far = r.years_elapsed > 0 ? (v - b) / r.years_elapsed : 0;
	/* Direction of the target: +1 up, -1 down, 0 hold (then polarity). */
	int dir = tl_compare_rounded(g, b, in->decimals);
	int hold = dir == 0;
	if (hold)
		dir = in->polarity == TL_POLARITY_LOWER_BETTER ? -1 : 1;
	r.share = hold ? (tl_compare_rounded(v, g, in->decimals) == 0 ? 1 : 0) : (v - b) / (g - b);
	int reached = tl_compare_rounded(v, g, in->decimals) * dir >= 0;
	if (reached) {
		r.status = TL_TARGET_ACHIEVED;
		return r;
	}
	if (r.years_left <= 0) {
		r.status = TL_TARGET_MISSED;
		return r;
	}
	r.pace_needed = (g - v) / r.years_left;
	if (hold)
		r.status = TL_TARGET_OFF_TRACK;
	else
		r.status = r.pace_so_far * dir >= r.pace_needed * dir ? TL_TARGET_ON_TRACK : TL_TARGET_OFF_TRACK;
	return r;
}
