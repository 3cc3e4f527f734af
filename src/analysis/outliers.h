/*
 * outliers — municipalities that score relatively unfavourably (or
 * favourably) on several indicators of one theme, as the seed report says
 * of Emmen and Tynaarlo.
 *
 * The rule: an indicator of the theme is "judged" when it has a polarity
 * (not neutral) and at least 3 of the regions have a figure in its
 * best-covered period (tl_best_period).  A region is in the unfavourable
 * (favourable) third of an indicator by the rule in position.h.  A region
 * "scores unfavourably on several indicators" when it is in the
 * unfavourable third of at least
 *     k = max(2, ceil(2J / 3))
 * of the J judged indicators: more than a single indicator, and at least
 * two thirds of what could be judged, so one or two bad figures among many
 * do not put a municipality on the list.  (On the Drenthe example's health
 * indicators, J = 7 and k = 5: Borger-Odoorn and Emmen are listed as
 * unfavourable, De Wolden and Tynaarlo as favourable; the seed report says
 * "de regio Emmen [laat] vaker een ongunstig beeld zien …, terwijl Tynaarlo
 * … gunstiger scoort".)  Likewise for favourable.  With fewer than 2
 * judged indicators nobody is listed.
 */
#ifndef TL_OUTLIERS_H
#define TL_OUTLIERS_H

#include <stddef.h>

#include "../core/arena.h"
#include "../model/model.h"

/* One indicator's figures across the n regions (pure input). */
struct tl_outlier_input {
	const double *v;
	const unsigned char *has;
	enum tl_polarity polarity;
	int decimals;
};

struct tl_outlier_count {
	size_t unfavourable; /* indicators on which the region is in the unfavourable third */
	size_t favourable;
	size_t judged;       /* judged indicators on which the region has a figure */
};

/* The threshold k for J judged indicators (0 when J < 2: nobody is listed). */
size_t tl_outlier_threshold(size_t judged);

/* Count, for each of n regions, over ind[0..n_ind); counts has n entries.
 * Returns J, the number of judged indicators.  Pure. */
size_t tl_outliers_count(const struct tl_outlier_input *ind, size_t n_ind, size_t n,
			 struct tl_outlier_count *counts);

/* The result for a theme of the model. */
struct tl_outliers {
	size_t judged;                        /* J */
	size_t threshold;                     /* k */
	const struct tl_region **unfavourable; /* regions listed, in the given order */
	size_t n_unfavourable;
	const struct tl_region **favourable;
	size_t n_favourable;
	struct tl_outlier_count *counts;      /* per region given */
};

/* Outliers of theme `theme` over regions[0..n); arrays live in `a`.
 * Returns 0, or -1 when the theme is unknown. */
int tl_theme_outliers(const struct tl_model *m, const char *theme,
		      const struct tl_region *const *regions, size_t n, tl_arena *a,
		      struct tl_outliers *out);

#endif
