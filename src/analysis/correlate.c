#include "correlate.h"

#include <math.h>

#include "../core/fmt.h"

double tl_rank_avg(const double *x, const unsigned char *use, size_t n, size_t i)
{
	size_t below = 0, same = 0;
	for (size_t j = 0; j < n; j++) {
		if (!use[j])
			continue;
		if (x[j] < x[i])
			below++;
		else if (x[j] == x[i])
			same++;
	}
	/* ranks below+1 .. below+same, averaged */
	return (double)below + ((double)same + 1.0) / 2.0;
}

struct tl_correlation tl_spearman(const double *x, const double *y, const unsigned char *use,
				  size_t n)
{
	struct tl_correlation c = {0, 0, 0, 0};
	for (size_t i = 0; i < n; i++)
		c.n += use[i] != 0;
	if (c.n < TL_CORR_MIN_N)
		return c;
	/* Average ranks always sum to n(n+1)/2, so their mean is (n+1)/2. */
	double mean = ((double)c.n + 1.0) / 2.0;
	double sxy = 0, sxx = 0, syy = 0;
	for (size_t i = 0; i < n; i++) {
		if (!use[i])
			continue;
		double rx = tl_rank_avg(x, use, n, i) - mean;
		double ry = tl_rank_avg(y, use, n, i) - mean;
		sxy += rx * ry;
		sxx += rx * rx;
		syy += ry * ry;
	}
	if (sxx <= 0 || syy <= 0)
		return c;
	c.rho = sxy / sqrt(sxx * syy);
	if (c.rho > 1)
		c.rho = 1;
	if (c.rho < -1)
		c.rho = -1;
	c.ok = 1;
	c.strong = fabs(c.rho) >= TL_CORR_STRONG;
	return c;
}

static size_t fill(const struct tl_model *m, const struct tl_indicator *a,
		   const struct tl_indicator *b, const struct tl_region *const *regions, size_t n,
		   const struct tl_period *p, double *x, double *y, unsigned char *use)
{
	size_t k = 0;
	for (size_t r = 0; r < n; r++) {
		const struct tl_observation *oa = tl_model_obs(m, a->slug, regions[r]->code, p);
		const struct tl_observation *ob = tl_model_obs(m, b->slug, regions[r]->code, p);
		use[r] = oa && ob && tl_status_has_value(oa->status) && tl_status_has_value(ob->status);
		x[r] = use[r] ? tl_round(oa->value, a->decimals) : 0;
		y[r] = use[r] ? tl_round(ob->value, b->decimals) : 0;
		k += use[r];
	}
	return k;
}

int tl_correlate_model(const struct tl_model *m, const struct tl_indicator *a,
		       const struct tl_indicator *b, const struct tl_region *const *regions,
		       size_t n, struct tl_period *period, double *x, double *y, unsigned char *use,
		       struct tl_correlation *out)
{
	int found = 0;
	size_t best = 0;
	struct tl_period bp = {0, TL_PERIOD_YEAR, 0};
	/* Candidate periods: those in which a has a figure for some region. */
	for (size_t r = 0; r < n; r++) {
		size_t k;
		const struct tl_observation *s = tl_model_series(m, a->slug, regions[r]->code, &k);
		for (size_t i = 0; i < k; i++) {
			if (!tl_status_has_value(s[i].status))
				continue;
			size_t c = fill(m, a, b, regions, n, &s[i].period, x, y, use);
			if (c == 0)
				continue;
			if (!found || c > best || (c == best && tl_period_cmp(&s[i].period, &bp) > 0)) {
				best = c;
				bp = s[i].period;
				found = 1;
			}
		}
	}
	if (!found)
		return -1;
	fill(m, a, b, regions, n, &bp, x, y, use);
	*period = bp;
	*out = tl_spearman(x, y, use, n);
	return 0;
}
