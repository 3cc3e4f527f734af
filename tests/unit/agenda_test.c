/* agenda.yml parsing: the framework, and every mistake reported with its position. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/agenda.h"
#include "test_fixture.h"

static int parse(const char *yml, struct tl_model **m, tl_errors *e, tl_arena *a)
{
	return tl_agenda_parse("agenda.yml", yml, strlen(yml), a, m, e);
}

/* The first error message, formatted as printed. */
static char *first_error(tl_errors *e)
{
	static char out[512];
	assert_true(e->n > 0);
	char *s = tl_error_format(&e->items[0], 0);
	snprintf(out, sizeof out, "%s", s);
	free(s);
	return out;
}

static void test_fixture_parses_into_a_consistent_model(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_equal(parse(fixture_yml, &m, &e, a), 0);
	assert_int_equal(m->n_themes, 1);
	assert_int_equal(m->n_goals, 2);
	assert_int_equal(m->n_indicators, 2);
	assert_int_equal(m->n_regions, 5);
	assert_int_equal(m->n_groups, 1);
	assert_int_equal(m->n_chapters, 1);
	assert_string_equal(m->agenda.focus_region, "PV22");
	assert_int_equal(m->agenda.period_start, 2024);
	const struct tl_indicator *d = tl_model_indicator(m, "schulden");
	assert_non_null(d);
	assert_int_equal(d->polarity, TL_POLARITY_LOWER_BETTER);
	assert_int_equal(d->n_breaks, 1);
	assert_int_equal(d->breaks[0].year, 2022);
	assert_int_equal(tl_model_check(m, stderr), 0);
	tl_errors_free(&e);
	tl_arena_free(a);
}

/* Replace the first occurrence of `from` in the fixture by `to`. */
static char *mutate(const char *from, const char *to)
{
	static char buf[8192];
	const char *at = strstr(fixture_yml, from);
	assert_non_null(at);
	size_t pre = (size_t)(at - fixture_yml);
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)pre, fixture_yml, to, at + strlen(from));
	return buf;
}

static void expect_error(const char *yml, const char *want)
{
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_not_equal(parse(yml, &m, &e, a), 0);
	char *got = first_error(&e);
	if (!strstr(got, want))
		fail_msg("expected \"%s\" in \"%s\"", want, got);
	tl_errors_free(&e);
	tl_arena_free(a);
}

/* check: {off: [...]}: rules of telling check the agenda switches off */
static void test_check_off_names_rules_of_the_check(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_equal(parse(mutate("themes:\n", "check:\n  off: [form, date, form]\nthemes:\n"), &m, &e, a), 0);
	assert_string_equal(m->agenda.check_off, "form date"); /* named twice, kept once */
	assert_int_equal(parse(fixture_yml, &m, &e, a), 0);
	assert_null(m->agenda.check_off);
	assert_int_equal(parse(mutate("themes:\n", "check: {off: []}\nthemes:\n"), &m, &e, a), 0);
	assert_null(m->agenda.check_off);
	tl_errors_free(&e);
	tl_arena_free(a);
	/* an unknown rule is named with its position and the rules there are */
	expect_error(mutate("themes:\n", "check:\n  off: [form, datum]\nthemes:\n"),
		     "agenda.yml:11:15: check: off: unknown rule \"datum\" (the rules: stale, number, parts,");
	expect_error(mutate("themes:\n", "check:\n  off: form\nthemes:\n"),
		     "agenda.yml:11:8: check: off must be a list of rule names");
	expect_error(mutate("themes:\n", "check:\n  uit: [form]\nthemes:\n"),
		     "agenda.yml:11:3: unknown key \"uit\" in check (accepted: off)");
}

static void test_unknown_key_is_named_with_position_and_alternatives(void **state)
{
	(void)state;
	expect_error(mutate("    polarity: higher-is-better", "    polarty: higher-is-better"),
		     "agenda.yml:23:5: unknown key \"polarty\" in indicator (accepted: slug, theme,");
}

static void test_bad_polarity_is_refused(void **state)
{
	(void)state;
	expect_error(mutate("polarity: higher-is-better", "polarity: hoog"),
		     "agenda.yml:23:15: indicator: polarity must be higher-is-better, lower-is-better or neutral, not \"hoog\"");
}

static void test_unknown_theme_reference(void **state)
{
	(void)state;
	expect_error(mutate("    theme: gezondheid\n    title: Ervaren", "    theme: zorg\n    title: Ervaren"),
		     "agenda.yml:19:12: indicator ervaren-gezondheid: unknown theme \"zorg\"");
}

static void test_unknown_goal_reference(void **state)
{
	(void)state;
	expect_error(mutate("goals: [7]", "goals: [8]"), "agenda.yml:25:13: indicator ervaren-gezondheid: unknown goal 8");
}

static void test_duplicate_goal_number(void **state)
{
	(void)state;
	expect_error(mutate("{number: 9,", "{number: 7,"), "agenda.yml:16:18: goal 7 is declared twice");
}

static void test_unknown_parent_region(void **state)
{
	(void)state;
	expect_error(mutate("parent: NL01}", "parent: NL99}"), "region PV22: unknown parent region \"NL99\"");
}

static void test_group_member_must_be_a_region(void **state)
{
	(void)state;
	expect_error(mutate("members: [GM0114]", "members: [GM9999]"),
		     "region group zuid: unknown region \"GM9999\"");
}

static void test_focus_region_must_be_declared(void **state)
{
	(void)state;
	expect_error(mutate("focus_region: PV22", "focus_region: PV99"),
		     "agenda.yml:8:17: agenda: focus_region \"PV99\" is not among the regions");
}

static void test_yaml_syntax_error_has_position(void **state)
{
	(void)state;
	expect_error("agenda:\n  slug: [unclosed\n", "agenda.yml:3:1: YAML:");
}

static void test_binding_keyword_cannot_be_an_indicator(void **state)
{
	(void)state;
	expect_error(mutate("slug: schulden", "slug: grafiek"), "\"grafiek\" is a binding keyword");
}

static void test_missing_required_title(void **state)
{
	(void)state;
	expect_error(mutate("    title: Gezondheid\n", ""), "theme: \"title\" is required");
}

static void test_empty_document_is_explained(void **state)
{
	(void)state;
	expect_error("", "agenda.yml:1:1: agenda.yml is empty");
}

static void test_collects_several_errors_at_once(void **state)
{
	(void)state;
	char yml[8192];
	snprintf(yml, sizeof yml, "%s", mutate("goals: [7]", "goals: [8]"));
	char *p = strstr(yml, "polarity: lower-is-better");
	assert_non_null(p);
	memcpy(p, "polarity: lower-is-bettor", 25);
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_not_equal(parse(yml, &m, &e, a), 0);
	assert_int_equal(tl_errors_count(&e), 2);
	tl_errors_free(&e);
	tl_arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_parses_into_a_consistent_model),
		cmocka_unit_test(test_unknown_key_is_named_with_position_and_alternatives),
		cmocka_unit_test(test_check_off_names_rules_of_the_check),
		cmocka_unit_test(test_bad_polarity_is_refused),
		cmocka_unit_test(test_unknown_theme_reference),
		cmocka_unit_test(test_unknown_goal_reference),
		cmocka_unit_test(test_duplicate_goal_number),
		cmocka_unit_test(test_unknown_parent_region),
		cmocka_unit_test(test_group_member_must_be_a_region),
		cmocka_unit_test(test_focus_region_must_be_declared),
		cmocka_unit_test(test_yaml_syntax_error_has_position),
		cmocka_unit_test(test_binding_keyword_cannot_be_an_indicator),
		cmocka_unit_test(test_missing_required_title),
		cmocka_unit_test(test_empty_document_is_explained),
		cmocka_unit_test(test_collects_several_errors_at_once),
	};
	return cmocka_run_group_tests_name("agenda", tests, NULL, NULL);
}
