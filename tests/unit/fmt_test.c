/* Dutch and English formatting of numbers, money, percentages and dates. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/fmt.h"

static char *fmt_value(double v, int dec, enum tl_unit_kind k, enum tl_lang lang)
{
	static char out[64];
	tl_buf b = TL_BUF_INIT;
	tl_fmt_value(&b, v, dec, k, lang);
	snprintf(out, sizeof out, "%s", b.data);
	tl_buf_free(&b);
	return out;
}

static void test_percent_uses_decimal_comma_in_dutch(void **state)
{
	(void)state;
	assert_string_equal(fmt_value(74.2, 1, TL_UNIT_PERCENT, TL_LANG_NL), "74,2%");
	assert_string_equal(fmt_value(74.2, 1, TL_UNIT_PERCENT, TL_LANG_EN), "74.2%");
}

static void test_euro_has_no_break_space_and_groups_thousands(void **state)
{
	(void)state;
	assert_string_equal(fmt_value(36200, 0, TL_UNIT_EURO, TL_LANG_NL), "€\xc2\xa0" "36.200");
	assert_string_equal(fmt_value(3000, 0, TL_UNIT_EURO, TL_LANG_NL), "€\xc2\xa0" "3.000");
	assert_string_equal(fmt_value(800000, 0, TL_UNIT_EURO, TL_LANG_EN), "€800,000");
}

static void test_large_counts_group_with_points(void **state)
{
	(void)state;
	assert_string_equal(fmt_value(260000, 0, TL_UNIT_NUMBER, TL_LANG_NL), "260.000");
	assert_string_equal(fmt_value(1234567.891, 2, TL_UNIT_NUMBER, TL_LANG_NL), "1.234.567,89");
	assert_string_equal(fmt_value(999, 0, TL_UNIT_NUMBER, TL_LANG_NL), "999");
}

static void test_rounding_is_half_away_from_zero(void **state)
{
	(void)state;
	assert_string_equal(fmt_value(74.25, 1, TL_UNIT_NUMBER, TL_LANG_NL), "74,3");
	assert_string_equal(fmt_value(-0.05, 1, TL_UNIT_NUMBER, TL_LANG_NL), "-0,1");
	assert_string_equal(fmt_value(0.04, 1, TL_UNIT_NUMBER, TL_LANG_NL), "0,0");
	assert_string_equal(fmt_value(-0.04, 1, TL_UNIT_NUMBER, TL_LANG_NL), "0,0");
	assert_string_equal(fmt_value(2.5, 0, TL_UNIT_NUMBER, TL_LANG_NL), "3");
}

static void test_non_finite_values_never_print_as_numbers(void **state)
{
	(void)state;
	assert_string_equal(fmt_value(1.0 / 0.0, 1, TL_UNIT_PERCENT, TL_LANG_NL), "?%");
}

static void test_dates_are_written_out_in_lowercase_dutch(void **state)
{
	(void)state;
	tl_buf b = TL_BUF_INIT;
	tl_fmt_date(&b, 2025, 12, 12, TL_LANG_NL);
	assert_string_equal(b.data, "12 december 2025");
	tl_buf_reset(&b);
	tl_fmt_date(&b, 2024, 7, 10, TL_LANG_EN);
	assert_string_equal(b.data, "10 July 2024");
	tl_buf_free(&b);
	assert_null(tl_month_name(13, TL_LANG_NL));
}

static void test_unit_kind_is_read_from_the_unit_text(void **state)
{
	(void)state;
	assert_int_equal(tl_unit_kind("%"), TL_UNIT_PERCENT);
	assert_int_equal(tl_unit_kind("euro"), TL_UNIT_EURO);
	assert_int_equal(tl_unit_kind("rapportcijfer"), TL_UNIT_NUMBER);
	assert_int_equal(tl_unit_kind(NULL), TL_UNIT_NUMBER);
}

static void test_parse_decimal_accepts_only_the_chosen_separator(void **state)
{
	(void)state;
	double v;
	assert_int_equal(tl_parse_decimal("  74.2", 6, '.', &v), 0);
	assert_true(v > 74.19 && v < 74.21);
	assert_int_equal(tl_parse_decimal("74,2", 4, ',', &v), 0);
	assert_true(v > 74.19 && v < 74.21);
	assert_int_equal(tl_parse_decimal("74,2", 4, '.', &v), -1);
	assert_int_equal(tl_parse_decimal("-3", 2, '.', &v), 0);
	assert_true(v == -3);
	assert_int_equal(tl_parse_decimal("1.234.5", 7, '.', &v), -1);
	assert_int_equal(tl_parse_decimal("1e5", 3, '.', &v), -1);
	assert_int_equal(tl_parse_decimal("inf", 3, '.', &v), -1);
	assert_int_equal(tl_parse_decimal("", 0, '.', &v), -1);
	assert_int_equal(tl_parse_decimal("-", 1, '.', &v), -1);
	assert_int_equal(tl_parse_decimal(".5", 2, '.', &v), 0);
	assert_true(v == 0.5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_percent_uses_decimal_comma_in_dutch),
		cmocka_unit_test(test_euro_has_no_break_space_and_groups_thousands),
		cmocka_unit_test(test_large_counts_group_with_points),
		cmocka_unit_test(test_rounding_is_half_away_from_zero),
		cmocka_unit_test(test_non_finite_values_never_print_as_numbers),
		cmocka_unit_test(test_dates_are_written_out_in_lowercase_dutch),
		cmocka_unit_test(test_unit_kind_is_read_from_the_unit_text),
		cmocka_unit_test(test_parse_decimal_accepts_only_the_chosen_separator),
	};
	return cmocka_run_group_tests_name("fmt", tests, NULL, NULL);
}
