/* Municipal position, theme outliers, rank correlation, target progress,
 * the tolerance of comparisons, the sentences made from them (golden, in
 * Dutch and English) and the chapter bindings that place them.  Expected
 * values are computed by hand in the comments; where the input is real,
 * it is the Drenthe example's data (examples/drenthe-2025/data). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analysis/compare.h"
#include "analysis/correlate.h"
#include "analysis/outliers.h"
#include "analysis/position.h"
#include "analysis/series.h"
#include "analysis/target.h"
#include "import/agenda.h"
#include "import/folder.h"
#include "store/store.h"
#include "text/chapter.h"
#include "text/narrate_analysis.h"
#include "test_fixture.h"

/* ---- fixtures ------------------------------------------------------------ */

/* The shared synthetic agenda with a few synthetic figures. */
static struct tl_model *fixture(tl_arena *a)
{
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_equal(tl_agenda_parse("agenda.yml", fixture_yml, strlen(fixture_yml), a, &m, &e), 0);
	tl_errors_free(&e);
	static const struct {
		const char *ind, *reg;
		int year;
		double v;
	} rows[] = {
		{"ervaren-gezondheid", "PV22", 2016, 72.1},
		{"ervaren-gezondheid", "PV22", 2020, 79.3},
		{"ervaren-gezondheid", "PV22", 2022, 79.3},
		{"ervaren-gezondheid", "PV22", 2024, 74.2},
		{"ervaren-gezondheid", "NL01", 2024, 74.24},
		{"schulden", "PV22", 2020, 5.0},
		{"schulden", "PV22", 2021, 5.5},
		{"schulden", "PV22", 2022, 4.0},
		{"schulden", "PV22", 2023, 4.4},
		{"schulden", "NL01", 2023, 4.9},
	};
	size_t n = sizeof rows / sizeof *rows;
	m->obs = TL_NEW_ARRAY(a, struct tl_observation, n);
	for (size_t i = 0; i < n; i++) {
		struct tl_observation *o = &m->obs[m->n_obs++];
		o->indicator = tl_model_indicator(m, rows[i].ind)->slug;
		o->region = tl_model_region(m, rows[i].reg)->code;
		o->period = (struct tl_period){rows[i].year, TL_PERIOD_YEAR, 0};
		o->value = rows[i].v;
		o->status = TL_STATUS_FINAL;
	}
	tl_model_index(m);
	assert_int_equal(tl_model_check(m, stderr), 0);
	return m;
}

/* The Drenthe example, loaded as `telling build FOLDER` loads it. */
static struct tl_model *drenthe(tl_arena *a)
{
	static const char *const tries[] = {"examples/drenthe-2025", "../examples/drenthe-2025",
					    "../../examples/drenthe-2025", "../../../examples/drenthe-2025"};
	const char *dir = NULL;
	struct stat st;
	for (size_t i = 0; i < sizeof tries / sizeof *tries && !dir; i++)
		if (!stat(tries[i], &st) && S_ISDIR(st.st_mode))
			dir = tries[i];
	assert_non_null(dir);
	tl_errors e = TL_ERRORS_INIT;
	tl_store *s;
	struct tl_model *m = NULL;
	assert_int_equal(tl_store_open(&s, ":memory:", &e), 0);
	assert_int_equal(tl_folder_load(s, dir, 1, NULL, &e), 0);
	assert_int_equal(tl_store_load(s, a, &m, &e), 0);
	tl_store_close(s);
	tl_errors_free(&e);
	return m;
}

static const struct tl_region *const *gemeenten(const struct tl_model *m, size_t *n)
{
	return (const struct tl_region *const *)tl_model_children(m, "PV22", "gemeente", n);
}

/* ---- previous comparable value ----------------------------------------- */

static void test_previous_value_skips_empty_cells_and_stops_at_a_break(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	size_t n;
	/* ervaren-gezondheid PV22: 2016, 2020, 2022, 2024, no break: 2024's
	 * previous is 2022 (index 2), 2016's has none. */
	const struct tl_indicator *d = tl_model_indicator(m, "ervaren-gezondheid");
	const struct tl_observation *s = tl_model_series(m, d->slug, "PV22", &n);
	assert_int_equal(tl_series_comparable_previous(d, s, n, 3), 2);
	assert_int_equal(tl_series_comparable_previous(d, s, n, 0), -1);
	/* schulden PV22 2020..2023, break 2022: 2023 -> 2022; 2022 -> none
	 * (2021 lies before the break); 2021 -> 2020. */
	d = tl_model_indicator(m, "schulden");
	s = tl_model_series(m, d->slug, "PV22", &n);
	assert_int_equal(tl_series_comparable_previous(d, s, n, 3), 2);
	assert_int_equal(tl_series_comparable_previous(d, s, n, 2), -1);
	assert_int_equal(tl_series_comparable_previous(d, s, n, 1), 0);
	/* An empty cell is skipped, not compared with. */
	struct tl_observation gap[3] = {
		{"x", "R", {2020, TL_PERIOD_YEAR, 0}, 1, TL_STATUS_FINAL, NULL, NULL},
		{"x", "R", {2021, TL_PERIOD_YEAR, 0}, 0, TL_STATUS_SUPPRESSED, NULL, NULL},
		{"x", "R", {2022, TL_PERIOD_YEAR, 0}, 2, TL_STATUS_FINAL, NULL, NULL},
	};
	assert_int_equal(tl_series_comparable_previous(tl_model_indicator(m, "ervaren-gezondheid"), gap, 3, 2), 0);
	tl_arena_free(a);
}

/* ---- compare ------------------------------------------------------------- */

static void test_without_margin_equal_means_equal_after_rounding(void **state)
{
	(void)state;
	/* 74,2 vs 74,24 both read 74,2 at one decimal: equal (the seed's
	 * "gelijk aan het landelijk gemiddelde"); 74,26 reads 74,3: lower. */
	assert_int_equal(tl_compare_tolerance(74.2, 74.24, 1, NAN), 0);
	assert_int_equal(tl_compare_tolerance(74.2, 74.26, 1, 0), -1);
	assert_int_equal(tl_compare_tolerance(55.9, 50.0, 1, -1), 1);
}

static void test_with_margin_differences_within_it_are_equal(void **state)
{
	(void)state;
	/* |55,9 - 55,5| = 0,4 <= 0,5: equal; |55,9 - 50,0| = 5,9 > 1,0: higher;
	 * |74,2 - 74,24| = 0,04 > 0,01: lower, though equal after rounding. */
	assert_int_equal(tl_compare_tolerance(55.9, 55.5, 1, 0.5), 0);
	assert_int_equal(tl_compare_tolerance(55.9, 50.0, 1, 1.0), 1);
	assert_int_equal(tl_compare_tolerance(74.2, 74.24, 1, 0.01), -1);
}

static void test_favour_reads_comparison_through_polarity(void **state)
{
	(void)state;
	/* Overweight (lower is better): Drenthe 55,9% vs 50,0% is unfavourable. */
	assert_int_equal(tl_compare_favour(TL_POLARITY_LOWER_BETTER, 55.9, 50.0, 1, NAN), -1);
	assert_int_equal(tl_compare_favour(TL_POLARITY_HIGHER_BETTER, 55.9, 50.0, 1, NAN), 1);
	assert_int_equal(tl_compare_favour(TL_POLARITY_NEUTRAL, 55.9, 50.0, 1, NAN), 0);
}

/* ---- position ------------------------------------------------------------ */

static void test_position_ranks_problem_indicator_lowest_first_with_ties(void **state)
{
	(void)state;
	/* Problematische schulden 2023 (RMBW), rounded to one decimal:
	 * Meppel 6,4  Assen 6,5  De Wolden 6,6  Hoogeveen 6,7  Noordenveld 6,8
	 * Westerveld 7,0 (7,005)  Midden-Drenthe 7,0 (7,044)  Tynaarlo 7,3
	 * Coevorden 7,9  Aa en Hunze 8,0  Borger-Odoorn 8,7  Emmen 9,0.
	 * Lower is better: Meppel 1st ... Emmen 12th; Westerveld and
	 * Midden-Drenthe share 6th, Tynaarlo is 8th.  k = 12/3 = 4: the first
	 * four are favourable, the last four unfavourable. */
	const double v[] = {6.51996796888, 7.88601269618, 8.98195578097, 6.69868928065,
			    6.40182182635, 8.02231378035, 8.71101594931, 6.61980976193,
			    6.83326295213, 7.00502657107, 7.32932152708, 7.04437629798};
	enum { AS, CO, EM, HO, ME, AH, BO, DW, NO, WE, TY, MD, N };
	unsigned char has[N];
	memset(has, 1, sizeof has);
	struct tl_position p[N];
	tl_positions(v, has, N, TL_POLARITY_LOWER_BETTER, 1, p);
	assert_int_equal(p[ME].rank, 1);
	assert_int_equal(p[AS].rank, 2);
	assert_int_equal(p[WE].rank, 6);
	assert_int_equal(p[MD].rank, 6);
	assert_int_equal(p[WE].tied, 2);
	assert_int_equal(p[TY].rank, 8);
	assert_int_equal(p[EM].rank, 12);
	assert_int_equal(p[EM].of, 12);
	assert_int_equal(p[HO].third, TL_THIRD_FAVOURABLE);
	assert_int_equal(p[NO].third, TL_THIRD_MIDDLE);
	assert_int_equal(p[TY].third, TL_THIRD_MIDDLE);
	assert_int_equal(p[CO].third, TL_THIRD_UNFAVOURABLE);
	assert_int_equal(p[EM].third, TL_THIRD_UNFAVOURABLE);
	/* Read the other way round (higher is better), Emmen is first. */
	tl_positions(v, has, N, TL_POLARITY_HIGHER_BETTER, 1, p);
	assert_int_equal(p[EM].rank, 1);
	assert_int_equal(p[EM].third, TL_THIRD_FAVOURABLE);
}

static void test_ties_are_never_split_across_thirds(void **state)
{
	(void)state;
	/* 6 values, higher is better, k = 2.  50: 0 better -> favourable;
	 * 40: 1 better -> favourable; 30: 2 better, 3 worse -> middle; the two
	 * 20s: 3 better, 1 worse (< 2) -> both unfavourable; 10 unfavourable. */
	const double v[] = {10, 20, 20, 30, 40, 50};
	const unsigned char has[] = {1, 1, 1, 1, 1, 1};
	struct tl_position p[6];
	tl_positions(v, has, 6, TL_POLARITY_HIGHER_BETTER, 0, p);
	assert_int_equal(p[5].third, TL_THIRD_FAVOURABLE);
	assert_int_equal(p[4].third, TL_THIRD_FAVOURABLE);
	assert_int_equal(p[3].third, TL_THIRD_MIDDLE);
	assert_int_equal(p[1].third, TL_THIRD_UNFAVOURABLE);
	assert_int_equal(p[2].third, TL_THIRD_UNFAVOURABLE);
	assert_int_equal(p[1].rank, 4);
	assert_int_equal(p[1].tied, 2);
	assert_int_equal(p[0].rank, 6);
}

static void test_position_skips_regions_without_figures_and_judges_no_small_sets(void **state)
{
	(void)state;
	/* Only two figures: k = 0, nobody is judged; the missing one has no rank. */
	const double v[] = {1, 99, 2};
	const unsigned char has[] = {1, 0, 1};
	struct tl_position p[3];
	tl_positions(v, has, 3, TL_POLARITY_HIGHER_BETTER, 0, p);
	assert_int_equal(p[1].has, 0);
	assert_int_equal(p[1].rank, 0);
	assert_int_equal(p[2].rank, 1);
	assert_int_equal(p[0].rank, 2);
	assert_int_equal(p[0].of, 2);
	assert_int_equal(p[0].third, TL_THIRD_NONE);
	/* Neutral indicators are ranked (highest first) but never judged. */
	const double w[] = {1, 2, 3};
	const unsigned char all[] = {1, 1, 1};
	tl_positions(w, all, 3, TL_POLARITY_NEUTRAL, 0, p);
	assert_int_equal(p[2].rank, 1);
	assert_int_equal(p[2].third, TL_THIRD_NONE);
}

/* ---- outliers ------------------------------------------------------------ */

static void test_outlier_threshold_is_two_thirds_and_at_least_two(void **state)
{
	(void)state;
	/* k = max(2, ceil(2J/3)): J=1 -> none, 2 -> 2, 3 -> 2, 4 -> 3, 5 -> 4, 7 -> 5. */
	assert_int_equal(tl_outlier_threshold(0), 0);
	assert_int_equal(tl_outlier_threshold(1), 0);
	assert_int_equal(tl_outlier_threshold(2), 2);
	assert_int_equal(tl_outlier_threshold(3), 2);
	assert_int_equal(tl_outlier_threshold(4), 3);
	assert_int_equal(tl_outlier_threshold(5), 4);
	assert_int_equal(tl_outlier_threshold(7), 5);
}

static void test_outliers_count_thirds_per_region_over_judged_indicators(void **state)
{
	(void)state;
	/* Three regions A, B, C (k = 1 per indicator).
	 * i1 higher-better {10, 20, 30}: A unfavourable, C favourable.
	 * i2 lower-better  {5, 3, 1}:    A unfavourable, C favourable.
	 * i3 neutral: not judged.  i4 only two figures: not judged.
	 * i5 higher-better {1, 3, 2}:    A unfavourable, B favourable.
	 * J = 3; A: 3 unfavourable; B: 1 favourable; C: 2 favourable. */
	const double v1[] = {10, 20, 30}, v2[] = {5, 3, 1}, v3[] = {1, 2, 3}, v4[] = {1, 0, 2},
		     v5[] = {1, 3, 2};
	const unsigned char all[] = {1, 1, 1}, two[] = {1, 0, 1};
	const struct tl_outlier_input in[] = {
		{v1, all, TL_POLARITY_HIGHER_BETTER, 0}, {v2, all, TL_POLARITY_LOWER_BETTER, 0},
		{v3, all, TL_POLARITY_NEUTRAL, 0},       {v4, two, TL_POLARITY_HIGHER_BETTER, 0},
		{v5, all, TL_POLARITY_HIGHER_BETTER, 0},
	};
	struct tl_outlier_count c[3];
	assert_int_equal(tl_outliers_count(in, 5, 3, c), 3);
	assert_int_equal(c[0].unfavourable, 3);
	assert_int_equal(c[0].favourable, 0);
	assert_int_equal(c[1].favourable, 1);
	assert_int_equal(c[1].unfavourable, 0);
	assert_int_equal(c[2].favourable, 2);
	assert_int_equal(c[0].judged, 3);
}

/* ---- correlation --------------------------------------------------------- */

static void test_average_ranks_for_ties(void **state)
{
	(void)state;
	/* 3, 1, 3, 2 -> ranks 3.5, 1, 3.5, 2; the unused 0 does not count. */
	const double x[] = {3, 1, 3, 2, 0};
	const unsigned char use[] = {1, 1, 1, 1, 0};
	assert_true(tl_rank_avg(x, use, 5, 0) == 3.5);
	assert_true(tl_rank_avg(x, use, 5, 1) == 1.0);
	assert_true(tl_rank_avg(x, use, 5, 2) == 3.5);
	assert_true(tl_rank_avg(x, use, 5, 3) == 2.0);
}

static void test_spearman_on_drenthe_poverty_and_health_with_ties(void **state)
{
	(void)state;
	/* Gezondheidsmonitor 2020, 12 Drenthe municipalities: moeite met
	 * rondkomen (x) and ervaren gezondheid (zeer) goed (y).
	 *           As   Co   Em   Ho   Me   AH   BO   DW   No   We   Ty   MD
	 * x       12,6 10,9 12,5 11,8 12,5  9,4 10,6  8,1  9,2  9,1  8,2  9,7
	 * rank x    12    8 10,5    9 10,5    5    7    1    4    3    2    6
	 * y       78,6 78,9 76,7 78,3 80,2 80,5 78,5 82,1 79,8 80,5 81,6 80,5
	 * rank y     4    5    1    2    7    9    3   12    6    9   11    9
	 * Deviations from the mean rank 6,5, summed:
	 * Σdx·dy = -112, Σdx² = 142,5, Σdy² = 141
	 * rho = -112 / sqrt(142,5 · 141) = -112 / 141,748 = -0,7901. */
	const double x[] = {12.6, 10.9, 12.5, 11.8, 12.5, 9.4, 10.6, 8.1, 9.2, 9.1, 8.2, 9.7};
	const double y[] = {78.6, 78.9, 76.7, 78.3, 80.2, 80.5, 78.5, 82.1, 79.8, 80.5, 81.6, 80.5};
	unsigned char use[12];
	memset(use, 1, sizeof use);
	struct tl_correlation c = tl_spearman(x, y, use, 12);
	assert_true(c.ok);
	assert_int_equal(c.n, 12);
	assert_true(fabs(c.rho - (-112.0 / sqrt(142.5 * 141.0))) < 1e-12);
	assert_true(fabs(c.rho + 0.7901) < 0.0001);
	assert_true(c.strong);
}

static void test_spearman_needs_enough_pairs_and_variation(void **state)
{
	(void)state;
	/* 7 pairs < TL_CORR_MIN_N (8): no coefficient, though perfectly ordered. */
	const double x[] = {1, 2, 3, 4, 5, 6, 7, 8}, y[] = {2, 4, 6, 8, 10, 12, 14, 16};
	unsigned char use[] = {1, 1, 1, 1, 1, 1, 1, 0};
	struct tl_correlation c = tl_spearman(x, y, use, 8);
	assert_false(c.ok);
	assert_int_equal(c.n, 7);
	use[7] = 1;
	c = tl_spearman(x, y, use, 8);
	assert_true(c.ok);
	assert_true(c.rho == 1.0);
	/* y all equal: no variation, no coefficient. */
	const double flat[] = {5, 5, 5, 5, 5, 5, 5, 5};
	c = tl_spearman(x, flat, use, 8);
	assert_false(c.ok);
	/* A weak one: x = 1..8, y = 2,1,4,3,6,5,8,7 has Σd² = 8,
	 * rho = 1 - 6·8 / (8·63) = 1 - 48/504 = 0,9048: strong.
	 * y = 5,1,8,2,7,3,6,4: ranks = values; d = -4,1,-5,2,-2,3,1,4;
	 * Σd² = 16+1+25+4+4+9+1+16 = 76; rho = 1 - 456/504 = 0,0952: weak. */
	const double y2[] = {2, 1, 4, 3, 6, 5, 8, 7}, y3[] = {5, 1, 8, 2, 7, 3, 6, 4};
	c = tl_spearman(x, y2, use, 8);
	assert_true(fabs(c.rho - (1.0 - 48.0 / 504.0)) < 1e-12);
	assert_true(c.strong);
	c = tl_spearman(x, y3, use, 8);
	assert_true(fabs(c.rho - (1.0 - 456.0 / 504.0)) < 1e-12);
	assert_false(c.strong);
}

/* ---- target -------------------------------------------------------------- */

static void test_date_days_counts_from_1970(void **state)
{
	(void)state;
	/* 1970-01-01 = 0; 2024-01-01 = 54·365 + 13 leap days (1972..2020) = 19723;
	 * 2024-03-01 = 19723 + 31 + 29 = 19783. */
	assert_int_equal(tl_date_days(&(struct tl_date){1970, 1, 1}), 0);
	assert_int_equal(tl_date_days(&(struct tl_date){2024, 1, 1}), 19723);
	assert_int_equal(tl_date_days(&(struct tl_date){2024, 3, 1}), 19783);
	assert_int_equal(tl_date_days(&(struct tl_date){1969, 12, 31}), -1);
}

/* A lower-is-better target: 10,0% on 2024-01-01 down to 8,0% by 2029-01-01. */
static struct tl_target_input lower(const struct tl_target_point *p, size_t n)
{
	struct tl_target_input in = {{10.0, {2024, 1, 1}}, {8.0, {2029, 1, 1}}, p, n, 1,
				     TL_POLARITY_LOWER_BETTER};
	return in;
}

static void test_target_on_track_when_pace_so_far_suffices(void **state)
{
	(void)state;
	/* 9,0 on 2026-01-01: 731 days = 2,00137 years elapsed (2024 is a leap
	 * year), 1096 days = 3,00068 years left (2028 is).  share = (9-10)/(8-10)
	 * = 0,5; pace so far = -1 / 2,00137 = -0,49966 per year; needed =
	 * (8-9) / 3,00068 = -0,33326 per year: falling faster than needed. */
	const struct tl_target_point p[] = {{9.0, {2026, 1, 1}}, {9.5, {2025, 1, 1}}};
	struct tl_target_input in = lower(p, 2);
	struct tl_target_progress r = tl_target_assess(&in);
	assert_int_equal(r.status, TL_TARGET_ON_TRACK);
	assert_true(r.latest.value == 9.0);
	assert_true(fabs(r.share - 0.5) < 1e-12);
	assert_true(fabs(r.years_elapsed - 731 / 365.25) < 1e-12);
	assert_true(fabs(r.pace_so_far - (-1.0 / (731 / 365.25))) < 1e-12);
	assert_true(fabs(r.pace_needed - (-1.0 / (1096 / 365.25))) < 1e-12);
}

static void test_target_off_track_missed_achieved_and_without_data(void **state)
{
	(void)state;
	/* 9,8 in 2026: share 0,1; -0,0999/year so far, -0,5999 needed: off. */
	const struct tl_target_point slow[] = {{9.8, {2026, 1, 1}}};
	struct tl_target_input in = lower(slow, 1);
	struct tl_target_progress r = tl_target_assess(&in);
	assert_int_equal(r.status, TL_TARGET_OFF_TRACK);
	assert_true(fabs(r.share - 0.1) < 1e-12);
	/* 10,5: moving away, share (10,5-10)/(8-10) = -0,25. */
	const struct tl_target_point away[] = {{10.5, {2026, 1, 1}}};
	in = lower(away, 1);
	r = tl_target_assess(&in);
	assert_int_equal(r.status, TL_TARGET_OFF_TRACK);
	assert_true(fabs(r.share + 0.25) < 1e-12);
	/* 7,96 reads 8,0: reached. */
	const struct tl_target_point done[] = {{7.96, {2027, 6, 1}}};
	in = lower(done, 1);
	assert_int_equal(tl_target_assess(&in).status, TL_TARGET_ACHIEVED);
	/* 8,5 on the deadline itself: missed. */
	const struct tl_target_point late[] = {{8.5, {2029, 1, 1}}};
	in = lower(late, 1);
	assert_int_equal(tl_target_assess(&in).status, TL_TARGET_MISSED);
	/* Only a measurement on the baseline date: no data. */
	const struct tl_target_point base[] = {{10.0, {2024, 1, 1}}};
	in = lower(base, 1);
	assert_int_equal(tl_target_assess(&in).status, TL_TARGET_NO_DATA);
	in = lower(NULL, 0);
	assert_int_equal(tl_target_assess(&in).status, TL_TARGET_NO_DATA);
	assert_string_equal(tl_target_status_name(TL_TARGET_OFF_TRACK), "off-track");
}

static void test_target_to_hold_a_level_uses_polarity(void **state)
{
	(void)state;
	/* Keep 74,2% (higher is better): 74,24 reads 74,2: achieved; 74,0: off. */
	const struct tl_target_point same[] = {{74.24, {2025, 1, 1}}}, less[] = {{74.0, {2025, 1, 1}}},
				     more[] = {{75.0, {2025, 1, 1}}};
	struct tl_target_input in = {{74.2, {2024, 1, 1}}, {74.2, {2029, 1, 1}}, same, 1, 1,
				     TL_POLARITY_HIGHER_BETTER};
	assert_int_equal(tl_target_assess(&in).status, TL_TARGET_ACHIEVED);
	in.progress = more;
	assert_int_equal(tl_target_assess(&in).status, TL_TARGET_ACHIEVED);
	in.progress = less;
	assert_int_equal(tl_target_assess(&in).status, TL_TARGET_OFF_TRACK);
}

/* ---- sentences (golden) -------------------------------------------------- */

typedef int (*region_sentence)(tl_buf *, const struct tl_model *, const struct tl_indicator *,
			       const struct tl_region *, enum tl_lang);

static int versus_rounding(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
			   const struct tl_region *r, enum tl_lang lang)
{
	return tl_narrate_versus(out, m, d, r, NAN, lang);
}

static void expect_sentence(const struct tl_model *m, region_sentence f, const char *ind,
			    const char *reg, enum tl_lang lang, const char *want)
{
	tl_buf b = TL_BUF_INIT;
	f(&b, m, tl_model_indicator(m, ind), tl_model_region(m, reg), lang);
	assert_string_equal(b.data, want);
	tl_buf_free(&b);
}

static void test_versus_national_sentence_reads_polarity(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	expect_sentence(m, versus_rounding, "ervaren-gezondheid", "PV22", TL_LANG_NL,
			"Met 74,2% (2024) zit Drenthe bij ‘Ervaren gezondheid (zeer) goed’ op het landelijk gemiddelde (74,2%).");
	expect_sentence(m, versus_rounding, "ervaren-gezondheid", "PV22", TL_LANG_EN,
			"At 74.2% (2024), Drenthe is level with the national average (74.2%) on ‘Ervaren gezondheid (zeer) goed’.");
	expect_sentence(m, versus_rounding, "schulden", "PV22", TL_LANG_NL,
			"Met 4,4% (2023) zit Drenthe bij ‘Problematische schulden’ onder het landelijk gemiddelde (4,9%), "
			"wat bij deze indicator gunstig is.");
	expect_sentence(m, versus_rounding, "schulden", "PV22", TL_LANG_EN,
			"At 4.4% (2023), Drenthe is below the national average (4.9%) on ‘Problematische schulden’, "
			"which is favourable for this indicator.");
	expect_sentence(m, versus_rounding, "schulden", "GM0114", TL_LANG_NL,
			"Voor Emmen zijn er geen cijfers over dit onderwerp.");
	/* With a margin of 0,5 the 0,5 point difference is "equal", and said so. */
	tl_buf b = TL_BUF_INIT;
	tl_narrate_versus(&b, m, tl_model_indicator(m, "schulden"), tl_model_region(m, "PV22"), 0.5,
			  TL_LANG_NL);
	assert_string_equal(b.data, "Met 4,4% (2023) zit Drenthe bij ‘Problematische schulden’ op het landelijk gemiddelde (4,9%); "
				    "het verschil valt binnen de foutmarge.");
	tl_buf_free(&b);
	tl_arena_free(a);
}

static void test_versus_national_on_drenthe_overweight(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = drenthe(a);
	/* The seed: "meer volwassenen overgewicht dan in de rest van Nederland
	 * (55,9% vs. 50,0%)". */
	expect_sentence(m, versus_rounding, "overgewicht", "PV22", TL_LANG_NL,
			"Met 55,9% (2024) zit Drenthe bij ‘Overgewicht’ boven het landelijk gemiddelde (50,0%), "
			"wat bij deze indicator ongunstig is.");
	expect_sentence(m, versus_rounding, "overgewicht", "PV22", TL_LANG_EN,
			"At 55.9% (2024), Drenthe is above the national average (50.0%) on ‘Overgewicht’, "
			"which is unfavourable for this indicator.");
	tl_arena_free(a);
}

static void test_change_since_previous_and_first_never_across_a_break(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	/* 2022 79,3 -> 2024 74,2: -5,1; 2016 72,1 -> 74,2: +2,1. */
	expect_sentence(m, tl_narrate_change, "ervaren-gezondheid", "PV22", TL_LANG_NL,
			"In 2024 is ‘Ervaren gezondheid (zeer) goed’ in Drenthe 74,2%. "
			"Ten opzichte van 2022 (79,3%) is dit gedaald met 5,1 procentpunt, een ongunstige ontwikkeling. "
			"Sinds 2016 (72,1%) is dit gestegen met 2,1 procentpunt, een gunstige ontwikkeling.");
	expect_sentence(m, tl_narrate_change, "ervaren-gezondheid", "PV22", TL_LANG_EN,
			"In 2024 ‘Ervaren gezondheid (zeer) goed’ is 74.2% in Drenthe. "
			"Compared with 2022 (79.3%), it has fallen by 5.1 percentage points, an unfavourable development. "
			"Since 2016 (72.1%), it has risen by 2.1 percentage points, a favourable development.");
	/* Break in 2022: 2023 compares with 2022 only (4,0 -> 4,4: +0,4, bad
	 * for a problem indicator); 2020 and 2021 are left out and the break said. */
	expect_sentence(m, tl_narrate_change, "schulden", "PV22", TL_LANG_NL,
			"In 2023 is ‘Problematische schulden’ in Drenthe 4,4%. "
			"Ten opzichte van 2022 (4,0%) is dit gestegen met 0,4 procentpunt, een ongunstige ontwikkeling. "
			"Door een trendbreuk in 2022 zijn cijfers van vóór 2022 niet vergelijkbaar.");
	expect_sentence(m, tl_narrate_change, "schulden", "PV22", TL_LANG_EN,
			"In 2023 ‘Problematische schulden’ is 4.4% in Drenthe. "
			"Compared with 2022 (4.0%), it has risen by 0.4 percentage points, an unfavourable development. "
			"Because of a series break in 2022, figures from before 2022 are not comparable.");
	tl_arena_free(a);
}

static void expect_position(const struct tl_model *m, const char *ind, const char *reg,
			    enum tl_lang lang, const char *want)
{
	size_t n;
	const struct tl_region *const *g = gemeenten(m, &n);
	tl_buf b = TL_BUF_INIT;
	tl_narrate_position(&b, m, tl_model_indicator(m, ind), tl_model_region(m, reg), g, n, "Drenthe",
			    lang);
	assert_string_equal(b.data, want);
	tl_buf_free(&b);
}

static void test_position_sentences_on_drenthe_debts(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = drenthe(a);
	/* Ranks as in test_position_ranks_problem_indicator_lowest_first_with_ties. */
	expect_position(m, "problematische-schulden", "GM0114", TL_LANG_NL,
			"Bij ‘Huishoudens met geregistreerde problematische schulden’ staat Emmen in 2023 met 9,0% op plaats 12 van de 12 gemeenten met cijfers "
			"(plaats 1 is het gunstigst). Daarmee scoort Emmen relatief ongunstig binnen Drenthe.");
	expect_position(m, "problematische-schulden", "GM0114", TL_LANG_EN,
			"On ‘Huishoudens met geregistreerde problematische schulden’, Emmen ranks 12th of 12 municipalities with figures in 2023, at 9.0% "
			"(1st is the most favourable). That is relatively unfavourable within Drenthe.");
	expect_position(m, "problematische-schulden", "GM1701", TL_LANG_NL,
			"Bij ‘Huishoudens met geregistreerde problematische schulden’ staat Westerveld in 2023 met 7,0% op plaats 6 (gedeeld) van de 12 gemeenten met cijfers "
			"(plaats 1 is het gunstigst). Daarmee hoort Westerveld bij de middengroep binnen Drenthe.");
	expect_position(m, "problematische-schulden", "GM0119", TL_LANG_EN,
			"On ‘Huishoudens met geregistreerde problematische schulden’, Meppel ranks 1st of 12 municipalities with figures in 2023, at 6.4% "
			"(1st is the most favourable). That is relatively favourable within Drenthe.");
	tl_arena_free(a);
}

static void expect_outliers(const struct tl_model *m, tl_arena *a, const char *theme,
			    enum tl_lang lang, const char *want)
{
	size_t n;
	const struct tl_region *const *g = gemeenten(m, &n);
	tl_buf b = TL_BUF_INIT;
	tl_narrate_outliers(&b, m, theme, g, n, "Drenthe", a, lang);
	assert_string_equal(b.data, want);
	tl_buf_free(&b);
}

static void test_outlier_sentences_on_drenthe_health(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = drenthe(a);
	/* Seven health indicators have municipal figures (J = 7, k = 5). */
	expect_outliers(m, a, "gezondheid", TL_LANG_NL,
			"Borger-Odoorn en Emmen scoren op meerdere indicatoren van dit thema relatief ongunstig "
			"binnen Drenthe (bij de ongunstigste derde op ten minste 5 van de 7 indicatoren). "
			"Tynaarlo en De Wolden scoren juist op meerdere indicatoren relatief gunstig.");
	expect_outliers(m, a, "gezondheid", TL_LANG_EN,
			"Borger-Odoorn and Emmen score relatively unfavourably within Drenthe on several "
			"indicators of this theme (in the least favourable third on at least 5 of the 7 indicators). "
			"Tynaarlo and De Wolden, on the other hand, score relatively favourably on several indicators.");
	/* Inclusion has one indicator with municipal figures: nothing to list. */
	expect_outliers(m, a, "inclusie-en-diversiteit", TL_LANG_NL,
			"Voor dit thema zijn te weinig indicatoren met cijfers van de gemeenten om "
			"uitschieters te benoemen.");
	tl_arena_free(a);
}

static void expect_correlation(const struct tl_model *m, const char *x, const char *y,
			       enum tl_lang lang, const char *want)
{
	size_t n;
	const struct tl_region *const *g = gemeenten(m, &n);
	tl_buf b = TL_BUF_INIT;
	tl_narrate_correlation(&b, m, tl_model_indicator(m, x), tl_model_indicator(m, y), g, n, lang);
	assert_string_equal(b.data, want);
	tl_buf_free(&b);
}

static void test_correlation_sentences_claim_no_causation(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = drenthe(a);
	/* rho = -0,79 as computed in test_spearman_on_drenthe_poverty_and_health_with_ties. */
	expect_correlation(m, "moeite-met-rondkomen", "ervaren-gezondheid-gezondheidsmonitor", TL_LANG_NL,
			   "Gemeenten waar ‘Moeite met rondkomen’ hoger ligt, scoren gemiddeld lager op "
			   "‘Ervaren gezondheid (zeer) goed (Gezondheidsmonitor)’ (Spearman-rangcorrelatie -0,79; "
			   "12 gemeenten, 2020). Gemeenten die op het ene relatief ongunstig scoren, doen dat dus "
			   "vaak ook op het andere. Dat is een samenhang, geen bewijs dat het een het ander veroorzaakt.");
	expect_correlation(m, "moeite-met-rondkomen", "ervaren-gezondheid-gezondheidsmonitor", TL_LANG_EN,
			   "Municipalities where ‘Moeite met rondkomen’ is higher tend to score lower on "
			   "‘Ervaren gezondheid (zeer) goed (Gezondheidsmonitor)’ (Spearman rank correlation -0.79; "
			   "12 municipalities, 2020). Municipalities that score relatively unfavourably on one thus "
			   "often do so on the other as well. This is an association, not evidence that one causes the other.");
	/* A weak one is reported as weak, without a direction. */
	expect_correlation(m, "moeite-met-rondkomen", "beweegrichtlijn", TL_LANG_NL,
			   "Tussen de gemeenten is er geen sterk verband tussen ‘Moeite met rondkomen’ en "
			   "‘Voldoet aan de beweegrichtlijn’ (Spearman-rangcorrelatie -0,17; 12 gemeenten, 2020).");
	/* Never in the same year: no statement. */
	expect_correlation(m, "problematische-schulden", "moeite-met-rondkomen", TL_LANG_NL,
			   "Er zijn geen gemeenten met cijfers voor ‘Huishoudens met geregistreerde problematische "
			   "schulden’ en ‘Moeite met rondkomen’ in hetzelfde jaar.");
	tl_arena_free(a);
}

static void test_target_sentences(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	const struct tl_indicator *d = tl_model_indicator(m, "schulden");
	/* As in test_target_on_track_when_pace_so_far_suffices: -0,5 per year
	 * so far, -0,3 needed. */
	const struct tl_target_point p[] = {{9.0, {2026, 1, 1}}};
	struct tl_target_input in = lower(p, 1);
	struct tl_target_progress r = tl_target_assess(&in);
	tl_buf b = TL_BUF_INIT;
	tl_narrate_target(&b, d, &in, &r, TL_LANG_NL);
	assert_string_equal(b.data, "Het doel is 8,0% in 2029 (uitgangswaarde 10,0% in 2024). "
				    "Met 9,0% in 2026 is 50% van de afstand afgelegd. Tot nu toe daalde dit met "
				    "0,5 procentpunt per jaar; om het doel te halen is een daling van 0,3 procentpunt "
				    "per jaar nodig. Het doel ligt op koers.");
	tl_buf_reset(&b);
	tl_narrate_target(&b, d, &in, &r, TL_LANG_EN);
	assert_string_equal(b.data, "The target is 8.0% by 2029 (baseline 10.0% in 2024). "
				    "At 9.0% in 2026, 50% of the way has been covered. So far it has fallen by "
				    "0.5 percentage points per year; reaching the target needs a fall of 0.3 "
				    "percentage points per year. The target is on track.");
	const struct tl_target_point away[] = {{10.5, {2026, 1, 1}}};
	in = lower(away, 1);
	r = tl_target_assess(&in);
	tl_buf_reset(&b);
	tl_narrate_target(&b, d, &in, &r, TL_LANG_NL);
	assert_string_equal(b.data, "Het doel is 8,0% in 2029 (uitgangswaarde 10,0% in 2024). "
				    "Met 10,5% in 2026 is de afstand tot het doel groter geworden. Tot nu toe steeg "
				    "dit met 0,2 procentpunt per jaar; om het doel te halen is een daling van 0,8 "
				    "procentpunt per jaar nodig. Het doel ligt niet op koers.");
	const struct tl_target_point done[] = {{7.9, {2027, 1, 1}}};
	in = lower(done, 1);
	r = tl_target_assess(&in);
	tl_buf_reset(&b);
	tl_narrate_target(&b, d, &in, &r, TL_LANG_NL);
	assert_string_equal(b.data, "Het doel is 8,0% in 2029 (uitgangswaarde 10,0% in 2024). "
				    "Met 7,9% in 2027 is het doel bereikt.");
	in = lower(NULL, 0);
	r = tl_target_assess(&in);
	tl_buf_reset(&b);
	tl_narrate_target(&b, d, &in, &r, TL_LANG_EN);
	assert_string_equal(b.data, "The target is 8.0% by 2029 (baseline 10.0% in 2024). "
				    "There are no figures after 2024 yet to measure progress.");
	tl_buf_free(&b);
	tl_arena_free(a);
}

/* ---- chapter bindings ---------------------------------------------------- */

static struct tl_chapter chapter(const char *md, const char *theme)
{
	struct tl_chapter c = {"h", 1, theme, NULL, "chapters/h.md", md};
	return c;
}

static void expect_binding_error(const char *md, const char *theme, const char *want)
{
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	struct tl_chapter c = chapter(md, theme);
	struct tl_block *blk;
	size_t n;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_not_equal(tl_chapter_parse(&c, m, a, &blk, &n, &e), 0);
	assert_true(e.n > 0);
	char *s = tl_error_format(&e.items[0], 0);
	if (!strstr(s, want))
		fail_msg("expected \"%s\" in \"%s\"", want, s);
	free(s);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_bad_analysis_bindings_are_errors_with_positions(void **state)
{
	(void)state;
	expect_binding_error("ab {{positie onbekend GM0114}}\n", NULL,
			     "chapters/h.md:1:4: binding: unknown indicator \"onbekend\"");
	expect_binding_error("\n{{ontwikkeling schulden GM9999}}\n", NULL,
			     "chapters/h.md:2:1: binding: unknown region \"GM9999\"");
	expect_binding_error("{{positie schulden PV22}}\n", NULL,
			     "1:1: binding: positie ranks a region among the regions of the same level under the same parent; \"PV22\" has none");
	expect_binding_error("x {{uitschieters armoede}}\n", NULL, "1:3: binding: unknown theme \"armoede\"");
	expect_binding_error("{{uitschieters}}\n", NULL, "binding: uitschieters needs one theme");
	expect_binding_error("{{verband schulden}}\n", NULL, "binding: verband needs two indicators");
	expect_binding_error("{{correlation schulden schulden}}\n", NULL,
			     "binding: correlation needs two different indicators, not \"schulden\" twice");
	expect_binding_error("{{vergelijking schulden PV22 2024}}\n", NULL,
			     "binding: vergelijking needs an indicator and a region");
}

static void test_analysis_bindings_expand_to_sentences(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	struct tl_chapter c = chapter("{{vergelijking schulden PV22}} {{change schulden PV22}}\n", NULL);
	struct tl_block *blk;
	size_t n;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_chapter_parse(&c, m, a, &blk, &n, &e), 0);
	assert_int_equal(blk[0].n_bindings, 2);
	assert_int_equal(blk[0].bindings[0].kind, TL_BIND_COMPARISON);
	assert_int_equal(blk[0].bindings[1].kind, TL_BIND_CHANGE);
	assert_null(tl_binding_resolve(&blk[0].bindings[0], m));
	tl_buf out = TL_BUF_INIT;
	tl_chapter_expand(&blk[0], &c, m, TL_LANG_NL, &out, &e);
	assert_string_equal(out.data,
			    "Met 4,4% (2023) zit Drenthe bij ‘Problematische schulden’ onder het landelijk "
			    "gemiddelde (4,9%), wat bij deze indicator gunstig is. In 2023 is ‘Problematische "
			    "schulden’ in Drenthe 4,4%. Ten opzichte van 2022 (4,0%) "
			    "is dit gestegen met 0,4 procentpunt, een ongunstige ontwikkeling. Door een trendbreuk "
			    "in 2022 zijn cijfers van vóór 2022 niet vergelijkbaar.\n");
	assert_int_equal(e.n, 0);
	tl_buf_free(&out);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_outliers_binding_takes_the_chapter_theme_and_warns_without_data(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	/* The fixture has no municipal figures: the sentence says so, with a warning. */
	struct tl_chapter c = chapter("Tekst.\n{{uitschieters}}\n", "gezondheid");
	struct tl_block *blk;
	size_t n;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_chapter_parse(&c, m, a, &blk, &n, &e), 0);
	assert_string_equal(blk[0].bindings[0].theme, "gezondheid");
	tl_buf out = TL_BUF_INIT;
	tl_chapter_expand(&blk[0], &c, m, TL_LANG_NL, &out, &e);
	assert_string_equal(out.data, "Tekst.\nVoor dit thema zijn te weinig indicatoren met cijfers van de "
				      "gemeenten om uitschieters te benoemen.\n");
	assert_int_equal(e.n, 1);
	assert_int_equal(e.warnings, 1);
	char *s = tl_error_format(&e.items[0], 0);
	assert_non_null(strstr(s, "chapters/h.md:2:1:"));
	free(s);
	tl_buf_free(&out);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_position_binding_on_drenthe_in_english(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = drenthe(a);
	struct tl_chapter c = chapter("{{position problematische-schulden GM0114}}", NULL);
	struct tl_block *blk;
	size_t n;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_chapter_parse(&c, m, a, &blk, &n, &e), 0);
	tl_buf out = TL_BUF_INIT;
	tl_chapter_expand(&blk[0], &c, m, TL_LANG_EN, &out, &e);
	assert_string_equal(out.data, "On ‘Huishoudens met geregistreerde problematische schulden’, Emmen ranks 12th of 12 municipalities with figures in 2023, at 9.0% "
				      "(1st is the most favourable). That is relatively unfavourable within Drenthe.");
	assert_int_equal(e.n, 0);
	tl_buf_free(&out);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_analysis_keywords_cannot_be_indicator_slugs(void **state)
{
	(void)state;
	assert_true(tl_agenda_is_keyword("positie"));
	assert_true(tl_agenda_is_keyword("correlation"));
	assert_false(tl_agenda_is_keyword("overgewicht"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_previous_value_skips_empty_cells_and_stops_at_a_break),
		cmocka_unit_test(test_without_margin_equal_means_equal_after_rounding),
		cmocka_unit_test(test_with_margin_differences_within_it_are_equal),
		cmocka_unit_test(test_favour_reads_comparison_through_polarity),
		cmocka_unit_test(test_position_ranks_problem_indicator_lowest_first_with_ties),
		cmocka_unit_test(test_ties_are_never_split_across_thirds),
		cmocka_unit_test(test_position_skips_regions_without_figures_and_judges_no_small_sets),
		cmocka_unit_test(test_outlier_threshold_is_two_thirds_and_at_least_two),
		cmocka_unit_test(test_outliers_count_thirds_per_region_over_judged_indicators),
		cmocka_unit_test(test_average_ranks_for_ties),
		cmocka_unit_test(test_spearman_on_drenthe_poverty_and_health_with_ties),
		cmocka_unit_test(test_spearman_needs_enough_pairs_and_variation),
		cmocka_unit_test(test_date_days_counts_from_1970),
		cmocka_unit_test(test_target_on_track_when_pace_so_far_suffices),
		cmocka_unit_test(test_target_off_track_missed_achieved_and_without_data),
		cmocka_unit_test(test_target_to_hold_a_level_uses_polarity),
		cmocka_unit_test(test_versus_national_sentence_reads_polarity),
		cmocka_unit_test(test_versus_national_on_drenthe_overweight),
		cmocka_unit_test(test_change_since_previous_and_first_never_across_a_break),
		cmocka_unit_test(test_position_sentences_on_drenthe_debts),
		cmocka_unit_test(test_outlier_sentences_on_drenthe_health),
		cmocka_unit_test(test_correlation_sentences_claim_no_causation),
		cmocka_unit_test(test_target_sentences),
		cmocka_unit_test(test_bad_analysis_bindings_are_errors_with_positions),
		cmocka_unit_test(test_analysis_bindings_expand_to_sentences),
		cmocka_unit_test(test_outliers_binding_takes_the_chapter_theme_and_warns_without_data),
		cmocka_unit_test(test_position_binding_on_drenthe_in_english),
		cmocka_unit_test(test_analysis_keywords_cannot_be_indicator_slugs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
