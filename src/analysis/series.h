/*
 * series — pure analysis of one indicator's figures.
 *
 * No I/O, no globals, no allocation except into an arena passed in: series
 * in, results out.  The renderer, the narrator and (later) the checker all
 * ask the same questions here, so the report never says one thing in a
 * sentence and shows another in a chart.
 */
#ifndef TL_SERIES_H
#define TL_SERIES_H

#include <stddef.h>

#include "../model/model.h"

/* Index of the latest observation with a value in s[0..n), or -1. */
long tl_series_latest(const struct tl_observation *s, size_t n);
/* Index of the earliest observation with a value, or -1. */
long tl_series_first(const struct tl_observation *s, size_t n);

/* 1 when a series break of d lies after period a and at or before period b:
 * values on either side are not comparable. */
int tl_series_breaks_between(const struct tl_indicator *d, const struct tl_period *a,
			     const struct tl_period *b);

/* Earliest value comparable with s[latest] (no break in between), or -1. */
long tl_series_comparable_first(const struct tl_indicator *d, const struct tl_observation *s,
				size_t n, long latest);

/* The nearest earlier value before s[latest], or -1 when there is none or a
 * series break lies between them (then there is no comparable previous). */
long tl_series_comparable_previous(const struct tl_indicator *d, const struct tl_observation *s,
				   size_t n, long latest);

/* The same questions for one region's series, which a municipal merger can
 * also break (tl_model_region_break: the successor's figures before and
 * after a merger that does not map this indicator are not comparable).
 * The region is s[latest].region.  These are what sentences use. */
int tl_series_breaks_between_in(const struct tl_model *m, const struct tl_indicator *d, const char *region,
				const struct tl_period *a, const struct tl_period *b);
long tl_series_comparable_first_in(const struct tl_model *m, const struct tl_indicator *d,
				   const struct tl_observation *s, size_t n, long latest);
long tl_series_comparable_previous_in(const struct tl_model *m, const struct tl_indicator *d,
				      const struct tl_observation *s, size_t n, long latest);

/* How a compares with b once both are rounded to the indicator's decimals:
 * -1 lower, 0 equal, 1 higher.  Equal within rounding is the tolerance the
 * seed report uses ("gelijk aan het landelijk gemiddelde"). */
int tl_compare_rounded(double a, double b, int decimals);

/* Is a movement from `from` to `to` good (1), bad (-1) or neither (0) for an
 * indicator of polarity p?  Equal values after rounding are 0. */
int tl_judge_change(enum tl_polarity p, double from, double to, int decimals);

/* The period for a municipal comparison: among regions[0..n), the latest
 * period in which the largest number of them has a value (so one stray
 * newer figure does not leave a chart with one bar).  Returns 0 and sets
 * *out and *coverage, or -1 when no region has any value. */
int tl_best_period(const struct tl_model *m, const char *indicator,
		   const struct tl_region *const *regions, size_t n, struct tl_period *out,
		   size_t *coverage);

#endif
