#include "series.h"

#include <string.h>

#include "../core/fmt.h"

long tl_series_latest(const struct tl_observation *s, size_t n)
{
	for (size_t i = n; i-- > 0;)
		if (tl_status_has_value(s[i].status))
			return (long)i;
	return -1;
}

long tl_series_first(const struct tl_observation *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (tl_status_has_value(s[i].status))
			return (long)i;
	return -1;
}

int tl_series_breaks_between(const struct tl_indicator *d, const struct tl_period *a,
			     const struct tl_period *b)
{
	for (size_t i = 0; i < d->n_breaks; i++) {
		int y = d->breaks[i].year;
		if (y > a->year && y <= b->year)
			return 1;
	}
	return 0;
}

int tl_series_breaks_between_in(const struct tl_model *m, const struct tl_indicator *d, const char *region,
				const struct tl_period *a, const struct tl_period *b)
{
	if (tl_series_breaks_between(d, a, b))
		return 1;
	return m && region && tl_model_region_break(m, d, region, a->year, b->year) != 0;
}

long tl_series_comparable_first_in(const struct tl_model *m, const struct tl_indicator *d,
				   const struct tl_observation *s, size_t n, long latest)
{
	if (latest < 0 || (size_t)latest >= n)
		return -1;
	long first = -1;
	for (long i = latest - 1; i >= 0; i--) {
		if (!tl_status_has_value(s[i].status))
			continue;
		if (tl_series_breaks_between_in(m, d, s[latest].region, &s[i].period, &s[latest].period))
			break;
		first = i;
	}
	return first;
}

long tl_series_comparable_previous_in(const struct tl_model *m, const struct tl_indicator *d,
				      const struct tl_observation *s, size_t n, long latest)
{
	if (latest < 0 || (size_t)latest >= n)
		return -1;
	for (long i = latest - 1; i >= 0; i--) {
		if (!tl_status_has_value(s[i].status))
			continue;
		return tl_series_breaks_between_in(m, d, s[latest].region, &s[i].period, &s[latest].period) ? -1 : i;
	}
	return -1;
}

long tl_series_comparable_first(const struct tl_indicator *d, const struct tl_observation *s,
				size_t n, long latest)
{
	return tl_series_comparable_first_in(NULL, d, s, n, latest);
}

long tl_series_comparable_previous(const struct tl_indicator *d, const struct tl_observation *s,
				   size_t n, long latest)
{
	return tl_series_comparable_previous_in(NULL, d, s, n, latest);
}

int tl_compare_rounded(double a, double b, int decimals)
{
	double ra = tl_round(a, decimals), rb = tl_round(b, decimals);
	return ra < rb ? -1 : ra > rb ? 1 : 0;
}

int tl_judge_change(enum tl_polarity p, double from, double to, int decimals)
{
	int dir = tl_compare_rounded(to, from, decimals);
	switch (p) {
	case TL_POLARITY_HIGHER_BETTER: return dir;
	case TL_POLARITY_LOWER_BETTER: return -dir;
	case TL_POLARITY_NEUTRAL: return 0;
	}
	return 0;
}

/* First cell of series s[0..k) after period `after` (any when NULL) that has
 * a value, or NULL.  The series is in period order: bisect, then skip cells
 * without a value. */
static const struct tl_observation *next_valued(const struct tl_observation *s, size_t k,
						 const struct tl_period *after)
{
	size_t lo = 0, hi = k;
	while (after && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (tl_period_cmp(&s[mid].period, after) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < k; lo++)
		if (tl_status_has_value(s[lo].status))
			return &s[lo];
	return NULL;
}

int tl_best_period(const struct tl_model *m, const char *indicator,
		   const struct tl_region *const *regions, size_t n, struct tl_period *out,
		   size_t *coverage)
{
	/* Walk the periods that any region has a value for in increasing order,
	 * each once: a pass finds the next such period and how many regions
	 * have it (a region has at most one cell per period).  Passes times
	 * regions times log(series) lookups, allocation-free; counting each
	 * region's periods against every other region made 342 municipalities
	 * quadratic. */
	int found = 0;
	struct tl_period best = {0, TL_PERIOD_YEAR, 0}, last = best;
	size_t best_cov = 0;
	for (int have_last = 0;; have_last = 1) {
		struct tl_period p = {0, TL_PERIOD_YEAR, 0};
		size_t cov = 0;
		for (size_t r = 0; r < n; r++) {
			size_t k;
			const struct tl_observation *s = tl_model_series(m, indicator, regions[r]->code, &k);
			const struct tl_observation *o = next_valued(s, k, have_last ? &last : NULL);
			if (!o)
				continue;
			int c = cov ? tl_period_cmp(&o->period, &p) : -1;
			if (c < 0) {
				p = o->period;
				cov = 1;
			} else if (c == 0) {
				cov++;
			}
		}
		if (!cov)
			break;
		/* increasing order: on equal coverage the later period wins */
		if (!found || cov >= best_cov) {
			best = p;
			best_cov = cov;
			found = 1;
		}
		last = p;
	}
	if (!found)
		return -1;
	*out = best;
	*coverage = best_cov;
	return 0;
}
