/*
 * correlate — Spearman rank correlation across regions between two
 * indicators (e.g. poverty and health across the municipalities).
 *
 * Each indicator's figures are ranked among the regions that have a figure
 * on both; equal figures get the average of the ranks they span (1, 2.5,
 * 2.5, 4); rho is Pearson's correlation of those ranks, so ties are handled
 * exactly.  With fewer than TL_CORR_MIN_N pairs, or when either side has no
 * variation (all tied), there is no coefficient.
 *
 * "Strong" (the only case the narrator turns into a sentence) is
 * |rho| >= TL_CORR_STRONG with at least TL_CORR_MIN_N pairs: with 8 pairs
 * a rho of 0.74 is significant at the 5% level (two-sided), with 12 pairs
 * 0.59.  A correlation says regions that score high on one tend to score
 * high (or low) on the other, never that one causes the other.
 */
#ifndef TL_CORRELATE_H
#define TL_CORRELATE_H

#include <stddef.h>

#include "../model/model.h"

#define TL_CORR_MIN_N 8
#define TL_CORR_STRONG 0.7

struct tl_correlation {
	int ok;        /* 1 when rho is defined (enough pairs, both vary) */
	double rho;    /* -1..1 when ok */
	size_t n;      /* pairs used */
	int strong;    /* ok && |rho| >= TL_CORR_STRONG */
};

/* Average rank (1-based) of x[i] among the x[j] with use[j]. */
double tl_rank_avg(const double *x, const unsigned char *use, size_t n, size_t i);

/* Spearman's rho over the pairs (x[i], y[i]) with use[i].  Pure; O(n^2),
 * no allocation. */
struct tl_correlation tl_spearman(const double *x, const double *y, const unsigned char *use,
				  size_t n);

/* Indicators a and b across regions[0..n) of the model, both in the same
 * period: the latest period with the most regions that have both figures
 * (set in *period).  Figures are rounded to their indicator's decimals first,
 * so figures that read the same are tied.  x, y and use are n-sized scratch
 * arrays from the caller.  Returns -1 when no period has a pair. */
int tl_correlate_model(const struct tl_model *m, const struct tl_indicator *a,
		       const struct tl_indicator *b, const struct tl_region *const *regions,
		       size_t n, struct tl_period *period, double *x, double *y, unsigned char *use,
		       struct tl_correlation *out);

#endif
