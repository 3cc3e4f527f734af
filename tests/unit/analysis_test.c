/* Series analysis, generated sentences and chapter bindings, on a small
 * model with hand-computed expectations. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/series.h"
#include "import/agenda.h"
#include "text/chapter.h"
#include "text/narrate.h"
#include "test_fixture.h"

static struct tl_model *model(tl_arena *a)
{
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_equal(tl_agenda_parse("agenda.yml", fixture_yml, strlen(fixture_yml), a, &m, &e), 0);
	tl_errors_free(&e);
	static const struct {
		const char *ind, *reg;
		int year;
		double v;
		enum tl_status s;
	} rows[] = {
		{"ervaren-gezondheid", "PV22", 2016, 72.1, TL_STATUS_FINAL},
		{"ervaren-gezondheid", "PV22", 2020, 79.3, TL_STATUS_FINAL},
		{"ervaren-gezondheid", "PV22", 2024, 74.2, TL_STATUS_PROVISIONAL},
		{"ervaren-gezondheid", "NL01", 2024, 74.24, TL_STATUS_FINAL},
		{"ervaren-gezondheid", "GM0106", 2022, 71.1, TL_STATUS_FINAL},
		{"ervaren-gezondheid", "GM1690", 2022, 78.7, TL_STATUS_FINAL},
		{"ervaren-gezondheid", "GM0114", 2022, 0, TL_STATUS_MISSING},
		{"ervaren-gezondheid", "GM0114", 2024, 70.0, TL_STATUS_FINAL},
		{"schulden", "PV22", 2020, 5.0, TL_STATUS_FINAL},
		{"schulden", "PV22", 2021, 5.5, TL_STATUS_FINAL},
		{"schulden", "PV22", 2022, 4.0, TL_STATUS_FINAL},
		{"schulden", "PV22", 2023, 4.4, TL_STATUS_FINAL},
	};
	size_t n = sizeof rows / sizeof *rows;
	m->obs = TL_NEW_ARRAY(a, struct tl_observation, n);
	for (size_t i = 0; i < n; i++) {
		struct tl_observation *o = &m->obs[m->n_obs++];
		o->indicator = tl_model_indicator(m, rows[i].ind)->slug;
		o->region = tl_model_region(m, rows[i].reg)->code;
		o->period = (struct tl_period){rows[i].year, TL_PERIOD_YEAR, 0};
		o->value = rows[i].v;
		o->status = rows[i].s;
	}
	tl_model_index(m);
	assert_int_equal(tl_model_check(m, stderr), 0);
	return m;
}

static void test_latest_skips_cells_without_value(void **state)
{
	(void)state;
	struct tl_observation s[3] = {
		{"x", "R", {2020, TL_PERIOD_YEAR, 0}, 1, TL_STATUS_FINAL, NULL, NULL},
		{"x", "R", {2021, TL_PERIOD_YEAR, 0}, 2, TL_STATUS_PROVISIONAL, NULL, NULL},
		{"x", "R", {2022, TL_PERIOD_YEAR, 0}, 0, TL_STATUS_UNKNOWN, NULL, NULL},
	};
	assert_int_equal(tl_series_latest(s, 3), 1);
	assert_int_equal(tl_series_first(s, 3), 0);
	assert_int_equal(tl_series_latest(s + 2, 1), -1);
}

static void test_change_is_not_measured_across_a_series_break(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = model(a);
	const struct tl_indicator *d = tl_model_indicator(m, "schulden");
	size_t n;
	const struct tl_observation *s = tl_model_series(m, "schulden", "PV22", &n);
	assert_int_equal(n, 4);
	long last = tl_series_latest(s, n);
	assert_int_equal(last, 3);
	/* The break is in 2022: 2023 compares with 2022, not with 2020. */
	assert_int_equal(tl_series_comparable_first(d, s, n, last), 2);
	tl_arena_free(a);
}

static void test_comparison_treats_equal_after_rounding_as_equal(void **state)
{
	(void)state;
	assert_int_equal(tl_compare_rounded(74.2, 74.24, 1), 0);
	assert_int_equal(tl_compare_rounded(74.2, 74.26, 1), -1);
	assert_int_equal(tl_compare_rounded(55.9, 50.0, 1), 1);
}

static void test_polarity_decides_whether_a_rise_is_good(void **state)
{
	(void)state;
	assert_int_equal(tl_judge_change(TL_POLARITY_HIGHER_BETTER, 70, 74, 1), 1);
	assert_int_equal(tl_judge_change(TL_POLARITY_LOWER_BETTER, 5, 6, 1), -1);
	assert_int_equal(tl_judge_change(TL_POLARITY_NEUTRAL, 5, 6, 1), 0);
	assert_int_equal(tl_judge_change(TL_POLARITY_LOWER_BETTER, 5.01, 5.02, 1), 0);
}

static void test_best_period_prefers_coverage_over_recency(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = model(a);
	size_t n;
	const struct tl_region **gm = tl_model_children(m, "PV22", "gemeente", &n);
	assert_int_equal(n, 3);
	/* CBS order: Assen, Emmen, De Wolden (under W). */
	assert_string_equal(gm[0]->name, "Assen");
	assert_string_equal(gm[1]->name, "Emmen");
	assert_string_equal(gm[2]->name, "De Wolden");
	struct tl_period p;
	size_t cov;
	assert_int_equal(tl_best_period(m, "ervaren-gezondheid", (const struct tl_region *const *)gm, n, &p, &cov), 0);
	assert_int_equal(p.year, 2022);
	assert_int_equal(cov, 2);
	/* equal coverage: the latest period */
	const struct tl_region *pv[] = {tl_model_region(m, "PV22"), tl_model_region(m, "NL01")};
	assert_int_equal(tl_best_period(m, "schulden", pv, 1, &p, &cov), 0);
	assert_int_equal(p.year, 2023);
	assert_int_equal(cov, 1);
	/* the one period both have beats the focus region's other years */
	assert_int_equal(tl_best_period(m, "ervaren-gezondheid", pv, 2, &p, &cov), 0);
	assert_int_equal(p.year, 2024);
	assert_int_equal(cov, 2);
	/* no values at all */
	assert_int_equal(tl_best_period(m, "schulden", pv + 1, 1, &p, &cov), -1);
	tl_arena_free(a);
}

static void test_sentence_compares_with_national_and_first_year(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = model(a);
	tl_buf b = TL_BUF_INIT;
	tl_narrate_indicator(&b, m, tl_model_indicator(m, "ervaren-gezondheid"), TL_LANG_NL);
	assert_string_equal(b.data,
			    "Volgens de meest recente cijfers (2024) is dit in Drenthe 74,2% (voorlopig cijfer). "
			    "Dat is gelijk aan het landelijk gemiddelde (74,2%). "
			    "Sinds 2016 is dit gestegen met 2,1 procentpunt (was 72,1%).");
	tl_buf_reset(&b);
	tl_narrate_indicator(&b, m, tl_model_indicator(m, "schulden"), TL_LANG_NL);
	assert_string_equal(b.data,
			    "Volgens de meest recente cijfers (2023) is dit in Drenthe 4,4%. "
			    "Sinds 2022 is dit gestegen met 0,4 procentpunt (was 4,0%). "
			    "Door een trendbreuk in 2022 zijn eerdere cijfers niet vergelijkbaar.");
	tl_buf_reset(&b);
	tl_narrate_indicator(&b, m, tl_model_indicator(m, "ervaren-gezondheid"), TL_LANG_EN);
	assert_string_equal(b.data,
			    "According to the latest figures (2024), this is 74.2% in Drenthe (provisional). "
			    "That equals the national average (74.2%). "
			    "Since 2016 it has risen by 2.1 percentage points (from 72.1%).");
	tl_buf_free(&b);
	tl_arena_free(a);
}

static void test_spread_names_lowest_and_highest_municipality(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = model(a);
	size_t n;
	const struct tl_region **gm = tl_model_children(m, "PV22", "gemeente", &n);
	tl_buf b = TL_BUF_INIT;
	tl_narrate_spread(&b, m, tl_model_indicator(m, "ervaren-gezondheid"),
			  (const struct tl_region *const *)gm, n, TL_LANG_NL);
	assert_string_equal(b.data, "In 2022 varieert dit tussen de gemeenten van 71,1% in Assen tot 78,7% "
				    "in De Wolden (2 van de 3 gemeenten hebben cijfers).");
	tl_buf_free(&b);
	tl_arena_free(a);
}

static struct tl_chapter chapter(const char *md)
{
	struct tl_chapter c = {"gezondheid", 1, "gezondheid", NULL, "chapters/gezondheid.md", md};
	return c;
}

static void test_bindings_expand_to_dutch_values(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = model(a);
	struct tl_chapter c = chapter("In {{jaar ervaren-gezondheid PV22 laatste}} was het {{ervaren-gezondheid PV22 2024}}, "
				      "landelijk {{waarde ervaren-gezondheid NL01 2024JJ00}}.\n");
	struct tl_block *blk;
	size_t n;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_chapter_parse(&c, m, a, &blk, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_int_equal(blk[0].n_bindings, 3);
	tl_buf out = TL_BUF_INIT;
	tl_chapter_expand(&blk[0], &c, m, TL_LANG_NL, &out, &e);
	assert_string_equal(out.data, "In 2024 was het 74,2%, landelijk 74,2%.\n");
	assert_int_equal(e.n, 0);
	tl_buf_free(&out);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_binding_without_data_says_so_and_warns_with_position(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = model(a);
	struct tl_chapter c = chapter("Regel een.\nEmmen: {{ervaren-gezondheid GM0114 2022}}.\n");
	struct tl_block *blk;
	size_t n;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_chapter_parse(&c, m, a, &blk, &n, &e), 0);
	tl_buf out = TL_BUF_INIT;
	tl_chapter_expand(&blk[0], &c, m, TL_LANG_NL, &out, &e);
	assert_string_equal(out.data, "Regel een.\nEmmen: [geen gegevens].\n");
	assert_int_equal(e.n, 1);
	assert_true(e.is_warning[0]);
	assert_int_equal(e.items[0].line, 2);
	assert_int_equal(e.items[0].col, 8);
	assert_false(tl_errors_failed(&e));
	tl_buf_free(&out);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_chart_and_goals_directives_split_blocks(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = model(a);
	struct tl_chapter c = chapter("## Doelstellingen\n\n{{doelstellingen}}\n\nTekst.\n  {{grafiek schulden}}  \nSlot.\n");
	struct tl_block *blk;
	size_t n;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_chapter_parse(&c, m, a, &blk, &n, &e), 0);
	assert_int_equal(n, 5);
	assert_int_equal(blk[0].kind, TL_BLOCK_TEXT);
	assert_int_equal(blk[1].kind, TL_BLOCK_GOALS);
	assert_int_equal(blk[1].line, 3);
	assert_int_equal(blk[2].kind, TL_BLOCK_TEXT);
	assert_int_equal(blk[3].kind, TL_BLOCK_CHART);
	assert_string_equal(blk[3].indicator, "schulden");
	assert_int_equal(blk[4].kind, TL_BLOCK_TEXT);
	assert_int_equal(blk[4].line, 7);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void expect_chapter_error(const char *md, const char *want)
{
	tl_arena *a = tl_arena_new();
	struct tl_model *m = model(a);
	struct tl_chapter c = chapter(md);
	struct tl_block *blk;
	size_t n;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_not_equal(tl_chapter_parse(&c, m, a, &blk, &n, &e), 0);
	char *s = tl_error_format(&e.items[0], 0);
	if (!strstr(s, want))
		fail_msg("expected \"%s\" in \"%s\"", want, s);
	free(s);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_bad_bindings_are_errors_with_positions(void **state)
{
	(void)state;
	expect_chapter_error("x {{ervaren PV22 2024}}\n",
			     "chapters/gezondheid.md:1:3: binding: unknown indicator \"ervaren\"");
	expect_chapter_error("\n\nab {{schulden GM9999 2024}}\n",
			     "chapters/gezondheid.md:3:4: binding: unknown region \"GM9999\"");
	expect_chapter_error("{{schulden PV22 2024XX01}}\n", "\"2024XX01\" is not a period");
	expect_chapter_error("{{schulden PV22}}\n", "binding needs an indicator, a region and a period");
	expect_chapter_error("a {{schulden PV22 2024\n", "1:3: unclosed binding");
	expect_chapter_error("{{grafiek onbekend}}\n", "1:1: chart: unknown indicator \"onbekend\"");
	expect_chapter_error("tekst {{grafiek schulden}} tekst\n", "must stand on a line of its own");
}

static void test_utf8_text_counts_columns_in_characters(void **state)
{
	(void)state;
	expect_chapter_error("één {{x PV22 2024}}\n", "1:5: binding: unknown indicator");
}

/* Lookups bisect a series: every cell of a long mixed series (years, quarters
 * and months that start in the same month) is found, and a period that is not
 * there is not, nor a series of a region without figures. */
static void test_cell_lookup_finds_every_period_of_a_long_series(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = model(a);
	size_t n0 = m->n_obs, cap = n0 + 60 * 17;
	struct tl_observation *obs = TL_NEW_ARRAY(a, struct tl_observation, cap);
	memcpy(obs, m->obs, n0 * sizeof *obs);
	m->obs = obs;
	for (int y = 1960; y < 2020; y++) {
		for (int k = 0; k < 17; k++) {
			struct tl_observation *o = &m->obs[m->n_obs++];
			o->indicator = "schulden";
			o->region = "GM0106";
			o->period = k == 0 ? (struct tl_period){y, TL_PERIOD_YEAR, 0}
			    : k <= 4 ? (struct tl_period){y, TL_PERIOD_QUARTER, k}
				     : (struct tl_period){y, TL_PERIOD_MONTH, k - 4};
			o->value = y * 100 + k;
		}
	}
	tl_model_index(m);
	assert_int_equal(tl_model_check(m, stderr), 0);
	size_t n;
	const struct tl_observation *s = tl_model_series(m, "schulden", "GM0106", &n);
	assert_non_null(s);
	assert_int_equal(n, 60 * 17);
	for (int y = 1960; y < 2020; y++) {
		for (int k = 0; k < 17; k++) {
			struct tl_period p = k == 0 ? (struct tl_period){y, TL_PERIOD_YEAR, 0}
			    : k <= 4 ? (struct tl_period){y, TL_PERIOD_QUARTER, k}
				     : (struct tl_period){y, TL_PERIOD_MONTH, k - 4};
			const struct tl_observation *o = tl_model_obs(m, "schulden", "GM0106", &p);
			assert_non_null(o);
			assert_true(o->value == y * 100 + k);
		}
	}
	assert_null(tl_model_obs(m, "schulden", "GM0106", &(struct tl_period){2020, TL_PERIOD_YEAR, 0}));
	assert_null(tl_model_obs(m, "schulden", "GM0106", &(struct tl_period){1959, TL_PERIOD_MONTH, 12}));
	assert_null(tl_model_series(m, "schulden", "GM1690", &n));
	assert_int_equal(n, 0);
	s = tl_model_series(m, "schulden", "PV22", &n);
	assert_int_equal(n, 4);
	assert_true(s[0].value == 5.0 && s[3].value == 4.4);
	tl_arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latest_skips_cells_without_value),
		cmocka_unit_test(test_change_is_not_measured_across_a_series_break),
		cmocka_unit_test(test_comparison_treats_equal_after_rounding_as_equal),
		cmocka_unit_test(test_polarity_decides_whether_a_rise_is_good),
		cmocka_unit_test(test_best_period_prefers_coverage_over_recency),
		cmocka_unit_test(test_sentence_compares_with_national_and_first_year),
		cmocka_unit_test(test_spread_names_lowest_and_highest_municipality),
		cmocka_unit_test(test_bindings_expand_to_dutch_values),
		cmocka_unit_test(test_binding_without_data_says_so_and_warns_with_position),
		cmocka_unit_test(test_chart_and_goals_directives_split_blocks),
		cmocka_unit_test(test_bad_bindings_are_errors_with_positions),
		cmocka_unit_test(test_utf8_text_counts_columns_in_characters),
		cmocka_unit_test(test_cell_lookup_finds_every_period_of_a_long_series),
	};
	return cmocka_run_group_tests_name("analysis", tests, NULL, NULL);
}
