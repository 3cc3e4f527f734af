/* CSV cells in downloads: quoting and the guard against formula injection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "render/download.h"

static void expect_field(const char *in, const char *want)
{
	tl_buf b = TL_BUF_INIT;
	tl_csv_field(&b, in);
	assert_string_equal(b.data ? b.data : "", want);
	tl_buf_free(&b);
}

static void test_plain_text_is_written_as_is(void **state)
{
	(void)state;
	expect_field("Assen", "Assen");
	expect_field("", "");
}

static void test_delimiters_and_quotes_are_quoted(void **state)
{
	(void)state;
	expect_field("a,b", "\"a,b\"");
	expect_field("zei \"ja\"", "\"zei \"\"ja\"\"\"");
}

static void test_formula_starts_are_neutralised(void **state)
{
	(void)state;
	expect_field("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	expect_field("+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\"");
	expect_field("-2+3", "\"'-2+3\"");
	expect_field("@SUM(A1)", "\"'@SUM(A1)\"");
	expect_field("\t=1", "\"'\t=1\"");
	expect_field("\r=1", "\"'\r=1\"");
	expect_field("-", "\"'-\"");
}

static void test_signed_plain_number_stays_a_number(void **state)
{
	(void)state;
	expect_field("-12", "-12");
	expect_field("-3.5", "-3.5");
	expect_field("+4", "+4");
	expect_field("-1,5", "\"-1,5\""); /* quoted for the comma, no apostrophe */
}

static void test_formula_characters_inside_a_cell_are_harmless(void **state)
{
	(void)state;
	expect_field("a=b", "a=b");
	expect_field("info@example.org", "info@example.org");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_text_is_written_as_is),
		cmocka_unit_test(test_delimiters_and_quotes_are_quoted),
		cmocka_unit_test(test_formula_starts_are_neutralised),
		cmocka_unit_test(test_signed_plain_number_stays_a_number),
		cmocka_unit_test(test_formula_characters_inside_a_cell_are_harmless),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
