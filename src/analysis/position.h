/*
 * position — where each municipality stands on one indicator, read through
 * the indicator's polarity.
 *
 * Rank 1 is the most favourable figure: the highest for higher-is-better,
 * the lowest for a problem indicator (lower-is-better), the highest for a
 * neutral one.  Figures that are equal after rounding to the indicator's
 * decimals share a rank ("gedeelde plaats"), the next one skips: 1, 2, 2, 4.
 *
 * Thirds (the rule behind "relatief ongunstig"): with m regions that have a
 * figure and k = m / 3 (rounded down), a region is in the favourable third
 * when fewer than k regions are strictly more favourable, and in the
 * unfavourable third when fewer than k are strictly less favourable.  With
 * 12 municipalities that is the best and the worst four.  Ties are treated
 * alike on both sides, so equal figures are never split across thirds.  A
 * region that would be both (everyone tied) is in the middle; with fewer
 * than 3 figures nobody is judged.  Neutral indicators are not judged.
 * "Relatively unfavourable" is relative within the set given: it says
 * nothing about the situation in absolute terms.
 */
#ifndef TL_POSITION_H
#define TL_POSITION_H

#include <stddef.h>

#include "../model/model.h"

enum tl_third {
	TL_THIRD_NONE = 0,        /* no figure, too few figures or a neutral indicator */
	TL_THIRD_FAVOURABLE,
	TL_THIRD_MIDDLE,
	TL_THIRD_UNFAVOURABLE,
};

struct tl_position {
	int has;            /* 1 when this region has a figure */
	size_t rank;        /* 1 = most favourable; 0 without a figure */
	size_t tied;        /* how many regions share this rank (1 = alone) */
	size_t of;          /* how many regions have a figure */
	enum tl_third third;
};

/* The position of region i among n regions with values v[j] (only where
 * has[j]).  Pure; O(n), no allocation. */
struct tl_position tl_position_of(const double *v, const unsigned char *has, size_t n,
				  enum tl_polarity p, int decimals, size_t i);

/* Positions of n regions with values v[i] (only where has[i]) into out[n].
 * Pure; O(n^2), no allocation. */
void tl_positions(const double *v, const unsigned char *has, size_t n, enum tl_polarity p,
		  int decimals, struct tl_position *out);

/* The same for indicator d over regions[0..n) from the model, in the period
 * chosen by tl_best_period (set in *period).  v and has are n-sized scratch
 * arrays the caller provides, out the results.  -1 when no region has a
 * figure. */
int tl_positions_model(const struct tl_model *m, const struct tl_indicator *d,
		       const struct tl_region *const *regions, size_t n, struct tl_period *period,
		       double *v, unsigned char *has, struct tl_position *out);

#endif
