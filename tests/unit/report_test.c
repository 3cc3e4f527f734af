/* The annual report's content: report.yml and stories parsed with positioned
 * errors, computed grant totals next to the stated ones, and a round trip
 * through the store.  Fixture: tests/data/mini-report (synthetic). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/agenda.h"
#include "import/folder.h"
#include "import/report.h"
#include "model/report.h"
#include "store/store.h"
#include "test_store.h"

#define MINI "tests/data/mini-report"

/* The mini agenda's framework and report, loaded from the folder. */
static struct tl_model *load_mini(tl_arena *a)
{
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_equal(tl_agenda_load(MINI, a, &m, &e), 0);
	assert_int_equal(tl_report_load(MINI, m, &e), 0);
	tl_errors_free(&e);
	return m;
}

static void test_mini_report_loads_into_a_consistent_model(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = load_mini(a);
	assert_int_equal(m->n_instruments, 2);
	assert_int_equal(m->n_targets, 2);
	assert_int_equal(m->n_stories, 2);
	assert_int_equal(m->n_next_steps, 3);
	const struct tl_instrument *in = tl_model_instrument(m, "regeling-a");
	assert_non_null(in);
	assert_int_equal(in->n_partners, 2);
	assert_int_equal(in->n_municipalities, 2);
	assert_int_equal(in->n_grants, 3);
	assert_true(in->has_budget);
	assert_true(in->budget == 100000);
	assert_int_equal(in->start_year, 2024);
	assert_int_equal(in->end_year, 2025);
	assert_int_equal(in->in_agenda, 1);
	assert_int_equal(tl_model_instrument(m, "netwerk-b")->in_agenda, 0);
	assert_false(in->grants[2].has_amount);
	assert_null(in->grants[2].recipient);
	const struct tl_story *s = tl_model_story(m, "gepubliceerd");
	assert_non_null(s);
	assert_true(s->published);
	assert_int_equal(s->n_people, 2);
	assert_false(s->people[1].consent);
	assert_string_equal(s->people[1].alias, "een deelnemer");
	assert_int_equal(s->date.year, 2025);
	assert_int_equal(s->date.month, 10);
	assert_int_equal(s->date.day, 0);
	assert_non_null(strstr(s->markdown, "## Tussenkop"));
	assert_false(tl_model_story(m, "concept")->published);
	const struct tl_target *t = tl_model_target(m, "doel-zonder-getal");
	assert_false(t->has_target);
	assert_false(t->has_baseline);
	assert_int_equal(t->deadline.year, 2027);
	assert_int_equal(m->next_steps[1].status, TL_STEP_DROPPED);
	assert_int_equal(tl_model_check(m, stderr), 0);
	tl_arena_free(a);
}

static void test_grant_totals_are_computed_and_stated_ones_kept_apart(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = load_mini(a);
	struct tl_grant_sum all = tl_grants_sum(m, "regeling-a", 0, NULL, 0);
	assert_int_equal(all.count, 3);
	assert_int_equal(all.with_amount, 2);
	assert_true(all.amount == 4000.5);
	struct tl_grant_sum y2025 = tl_grants_sum(m, "regeling-a", 0, NULL, 2025);
	assert_int_equal(y2025.count, 2);
	struct tl_grant_sum goal2 = tl_grants_sum(m, NULL, 2, NULL, 0);
	assert_int_equal(goal2.count, 1);
	assert_true(goal2.amount == 1500.5);
	struct tl_grant_sum emmen = tl_grants_sum(m, NULL, 0, "GM0114", 0);
	assert_int_equal(emmen.count, 1);
	const struct tl_stated_total *st = tl_instrument_stated(tl_model_instrument(m, "regeling-a"), 2025, NULL);
	assert_non_null(st);
	assert_int_equal(st->count, 4); /* stated 4, named 2 for 2025: both kept */
	assert_true(st->amount == 10000);
	assert_non_null(tl_instrument_stated(tl_model_instrument(m, "regeling-a"), 2025, "thema"));
	assert_null(tl_instrument_stated(tl_model_instrument(m, "regeling-a"), 2024, NULL));
	tl_arena_free(a);
}

static void test_profile_queries_leave_out_unpublished_stories(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = load_mini(a);
	size_t n;
	const struct tl_grant **g = tl_model_grants_in(m, "GM0106", &n);
	assert_int_equal(n, 1);
	assert_string_equal(g[0]->recipient, "Stichting Een");
	tl_model_stories_in(m, "GM0114", &n); /* only the unpublished concept is there */
	assert_int_equal(n, 0);
	const struct tl_story **s = tl_model_stories_in(m, "GM0106", &n);
	assert_int_equal(n, 1);
	assert_string_equal(s[0]->slug, "gepubliceerd");
	tl_model_stories_about(m, "regeling-a", 0, &n);
	assert_int_equal(n, 1);
	tl_arena_free(a);
}

/* A story concerns a municipality when it is set there or is about an
 * instrument that works there; a group sees each story once; the
 * unpublished concept (set in Emmen) concerns nobody. */
static void test_stories_concern_where_they_are_set_and_where_their_instrument_works(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = load_mini(a);
	const char *via[4];
	size_t n;
	const char *assen[] = {"GM0106"}, *emmen[] = {"GM0114"}, *tynaarlo[] = {"GM1730"};
	const char *all[] = {"GM0106", "GM0114", "GM1730"};
	const struct tl_story **s = tl_model_stories_concerning(m, assen, 1, via, &n);
	assert_int_equal(n, 1);
	assert_string_equal(s[0]->slug, "gepubliceerd");
	assert_null(via[0]); /* set there */
	s = tl_model_stories_concerning(m, emmen, 1, via, &n);
	assert_int_equal(n, 1);
	assert_string_equal(s[0]->slug, "gepubliceerd");
	assert_string_equal(via[0], "regeling-a"); /* Regeling A works in Emmen */
	tl_model_stories_concerning(m, tynaarlo, 1, NULL, &n);
	assert_int_equal(n, 0);
	s = tl_model_stories_concerning(m, all, 3, via, &n);
	assert_int_equal(n, 1);
	assert_null(via[0]);
	tl_arena_free(a);
}

/* The mini agenda's framework with report.yml text `yml`: first error. */
static void expect_report_error(const char *yml, const char *want)
{
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_equal(tl_agenda_load(MINI, a, &m, &e), 0);
	assert_int_not_equal(tl_report_parse("report.yml", yml, strlen(yml), m, &e), 0);
	assert_int_equal(m->n_instruments, 0); /* nothing half-filled */
	assert_true(e.n > 0);
	char *got = tl_error_format(&e.items[0], 0);
	if (!strstr(got, want))
		fail_msg("expected \"%s\" in \"%s\"", want, got);
	free(got);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_report_mistakes_are_named_with_their_position(void **state)
{
	(void)state;
	expect_report_error("instruments:\n  - {slug: a, name: A, kind: regeling, theme: geen}\n",
			    "report.yml:2:47: instrument: unknown theme \"geen\"");
	expect_report_error("instruments:\n  - slug: a\n    name: A\n    kind: x\n    budget: 800.000,00\n",
			    "report.yml:5:13: instrument: \"budget\" must be a number");
	expect_report_error("instruments:\n  - slug: a\n    name: A\n    kind: x\n    grants:\n"
			    "      - {recipient: R, year: 2025, goals: [9]}\n",
			    "report.yml:6:44: grant: unknown goal 9");
	expect_report_error("instruments:\n  - slug: a\n    name: A\n    kind: x\n    grants:\n"
			    "      - {year: 2025, amount: 5}\n",
			    "grant: needs a recipient or a project");
	expect_report_error("instruments:\n  - {slug: a, name: A, kind: x, municipalities: [GM9999]}\n",
			    "report.yml:2:50: instrument: unknown region \"GM9999\"");
	expect_report_error("targets:\n  - slug: t\n    title: T\n    target: {value: 5, date: 2027-13}\n",
			    "report.yml:4:30: target: \"date\" must be a date");
	expect_report_error("targets:\n  - slug: t\n    title: T\n    instrument: geen\n",
			    "target: unknown instrument \"geen\"");
	expect_report_error("next_steps:\n  - {theme: thema, year: 2026, status: misschien, text: x}\n",
			    "report.yml:2:40: next step: status must be planned, started, done or dropped");
	expect_report_error("stories: [../weg.md]\n", "report.yml:1:11: stories: \"../weg.md\"");
	expect_report_error("instrumenten: []\n", "unknown key \"instrumenten\" in report.yml");
	expect_report_error("instruments:\n  - {slug: a, name: A, kind: x}\n  - {slug: a, name: B, kind: y}\n",
			    "report.yml:3:12: instrument \"a\" is declared twice");
}

static void expect_story_error(const char *md, const char *want)
{
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m = load_mini(a);
	struct tl_story s = {0};
	s.slug = "x";
	assert_int_not_equal(tl_story_parse("x.md", md, strlen(md), m, &s, &e), 0);
	assert_true(e.n > 0);
	char *got = tl_error_format(&e.items[0], 0);
	if (!strstr(got, want))
		fail_msg("expected \"%s\" in \"%s\"", want, got);
	free(got);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_story_front_matter_mistakes_are_positioned_in_the_file(void **state)
{
	(void)state;
	expect_story_error("Geen front matter\n", "x.md:1:1: a story starts with front matter");
	expect_story_error("---\ntitle: T\npublished: true\nTekst\n", "front matter is not closed");
	/* line numbers count the opening "---" */
	expect_story_error("---\ntitle: T\npublished: misschien\n---\nTekst\n",
			   "x.md:3:12: story: \"published\" must be true or false");
	expect_story_error("---\ntitle: T\npeople:\n  - {name: Iemand}\npublished: true\n---\nTekst\n",
			   "x.md:4:5: person: \"consent\" is required");
	expect_story_error("---\ntitle: T\ninstruments: [geen]\npublished: true\n---\nTekst\n",
			   "x.md:3:15: story: unknown instrument \"geen\"");
	expect_story_error("---\ntitle: T\npublished: true\n---\n\n  \n", "the story has no text");
	expect_story_error("---\ntitle: [T\n---\nTekst\n", "x.md:3:1: YAML");
}

static void test_report_round_trips_through_the_store(void **state)
{
	(void)state;
	char path[64];
	snprintf(path, sizeof path, "/tmp/tl-report-test-%d.db", (int)getpid());
	unlink(path);
	tl_errors e = TL_ERRORS_INIT;
	tl_store *st;
	assert_int_equal(tl_store_open(&st, test_store_uri(path), &e), 0);
	struct tl_folder_stats fs;
	assert_int_equal(tl_folder_load(st, MINI, 1, &fs, &e), 0);
	assert_int_equal(fs.grants, 3);
	tl_arena *a = tl_arena_new(), *b = tl_arena_new();
	struct tl_model *want = load_mini(a), *got;
	assert_int_equal(tl_store_load(st, b, &got, &e), 0);
	assert_int_equal(tl_model_check(got, stderr), 0);
	assert_int_equal(got->n_instruments, want->n_instruments);
	const struct tl_instrument *x = tl_model_instrument(got, "regeling-a"), *y = tl_model_instrument(want, "regeling-a");
	assert_int_equal(x->n_grants, y->n_grants);
	for (size_t i = 0; i < x->n_grants; i++) {
		assert_int_equal(x->grants[i].has_amount, y->grants[i].has_amount);
		assert_true(x->grants[i].amount == y->grants[i].amount);
		assert_int_equal(x->grants[i].n_goals, y->grants[i].n_goals);
	}
	assert_int_equal(x->n_stated, 2);
	assert_int_equal(x->stated[1].count, 3);
	assert_false(x->stated[1].has_amount);
	assert_string_equal(x->partners[1], "Partner Twee");
	const struct tl_target *t = tl_model_target(got, "doel-met-alles");
	assert_true(t->has_baseline && t->has_target);
	assert_int_equal(t->deadline.year, 2028);
	assert_int_equal(t->n_progress, 1);
	assert_true(t->progress[0].value == 4);
	const struct tl_story *s = tl_model_story(got, "gepubliceerd");
	assert_string_equal(s->markdown, tl_model_story(want, "gepubliceerd")->markdown);
	assert_false(s->people[1].consent);
	assert_int_equal(s->date.month, 10);
	assert_string_equal(got->next_steps[0].outcome, "Gedaan in maart.");
	/* loading again replaces, it does not duplicate */
	assert_int_equal(tl_folder_load(st, MINI, 1, &fs, &e), 0);
	tl_errors_free(&e);
	tl_arena_free(a);
	tl_arena_free(b);
	tl_store_close(st);
	test_store_remove(path);
}

static void test_dates_keep_their_precision(void **state)
{
	(void)state;
	struct tl_ymd d;
	char t[11];
	assert_int_equal(tl_ymd_parse("2027", 4, &d), 0);
	tl_ymd_text(&d, t);
	assert_string_equal(t, "2027");
	assert_int_equal(tl_ymd_parse("2026-03", 7, &d), 0);
	tl_ymd_text(&d, t);
	assert_string_equal(t, "2026-03");
	assert_int_equal(tl_ymd_parse("2024-02-29", 10, &d), 0);
	assert_int_not_equal(tl_ymd_parse("2025-02-29", 10, &d), 0);
	assert_int_not_equal(tl_ymd_parse("2025-1-1", 8, &d), 0);
	assert_int_not_equal(tl_ymd_parse("20x5", 4, &d), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mini_report_loads_into_a_consistent_model),
		cmocka_unit_test(test_grant_totals_are_computed_and_stated_ones_kept_apart),
		cmocka_unit_test(test_profile_queries_leave_out_unpublished_stories),
		cmocka_unit_test(test_stories_concern_where_they_are_set_and_where_their_instrument_works),
		cmocka_unit_test(test_report_mistakes_are_named_with_their_position),
		cmocka_unit_test(test_story_front_matter_mistakes_are_positioned_in_the_file),
		cmocka_unit_test(test_report_round_trips_through_the_store),
		cmocka_unit_test(test_dates_keep_their_precision),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
