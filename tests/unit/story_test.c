/* Redacting the names of people without consent from a story's text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "text/story.h"

static void expect_redacted(const char *alias, const char *in, const char *want)
{
	struct tl_person p = {"Emma de Vries", NULL, 0, alias};
	struct tl_story s = {.slug = "s", .people = &p, .n_people = 1};
	tl_buf b = TL_BUF_INIT;
	tl_story_redact(&s, in, strlen(in), TL_LANG_NL, &b);
	assert_string_equal(b.data ? b.data : "", want);
	tl_buf_free(&b);
}

static void test_alias_mid_sentence_keeps_its_case(void **state)
{
	(void)state;
	expect_redacted("een moeder", "Toen zei Emma de Vries ja.", "Toen zei een moeder ja.");
	expect_redacted("een moeder", "Het kind van Emma, en verder", "Het kind van een moeder, en verder");
}

static void test_alias_opening_a_sentence_gets_a_capital(void **state)
{
	(void)state;
	expect_redacted("een moeder", "Emma de Vries zegt ja.", "Een moeder zegt ja.");
	expect_redacted("een moeder", "Goed. Emma lacht.", "Goed. Een moeder lacht.");
	expect_redacted("een moeder", "Klaar?\n**Emma:** ja", "Klaar?\n**Een moeder:** ja");
	expect_redacted("een moeder", "eerste alinea\n\nEmma zegt", "eerste alinea\n\nEen moeder zegt");
	expect_redacted(NULL, "Emma zegt", "[Naam weggelaten] zegt");
}

static void test_a_line_break_inside_a_sentence_is_no_sentence_start(void **state)
{
	(void)state;
	expect_redacted("een moeder", "zei\nEmma toen", "zei\neen moeder toen");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alias_mid_sentence_keeps_its_case),
		cmocka_unit_test(test_alias_opening_a_sentence_gets_a_capital),
		cmocka_unit_test(test_a_line_break_inside_a_sentence_is_no_sentence_start),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
