/* The region register and municipal mergers: what an import registers,
 * how a merger maps or breaks a series, and that the analysis does not
 * compare across a break.
 *
 * Real figures come from tests/data/cbs/odata3-untyped-csv/37259ned…drenthe.csv
 * (CBS 37259ned, population on 1 January, the 12 Drenthe municipalities
 * 1960–2018), checked by hand with grep:
 *   line 40:  "GM1680";"1998JJ00";"   24806"   (Aa en Hunze: "" up to 1997, it
 *                                                 was formed on 1 January 1998)
 *   line 179: "GM0109";"1960JJ00";"    9921"
 *   line 216: "GM0109";"1997JJ00";"   14946"
 *   line 217: "GM0109";"1998JJ00";"   34497"   (Coevorden after the 1998
 *                                                 herindeling; it kept its code)
 *   line 237: "GM0109";"2018JJ00";"   35299"
 * The merger declarations below are test inputs: the Coevorden merger lists
 * only the predecessor this file holds (GM0109 itself), not all of them.
 * Codes GM9001…GM9003 are made up for the synthetic mapping tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analysis/series.h"
#include "core/buf.h"
#include "import/agenda.h"
#include "import/mapper.h"
#include "import/statfile.h"
#include "store/store.h"
#include "text/narrate_analysis.h"
#include "test_data.h"
#include "test_store.h"

#define K37259 "cbs/odata3-untyped-csv/37259ned_UntypedDataSet_05022020_161506.drenthe.csv"

static const char yml[] =
	"agenda: {slug: r, title: R, report_year: 2025, focus_region: PV22, national_region: NL01}\n"
	"themes: [{slug: t, title: T, goals: [{number: 1, title: G}]}]\n"
	"indicators:\n"
	"  - {slug: inwoners, theme: t, title: Inwoners, unit: aantal, decimals: 0, polarity: neutral,\n"
	"     source: CBS, import: [{topic: BevolkingOp1Januari_1}]}\n"
	"  - {slug: aandeel, theme: t, title: Aandeel, unit: '%', polarity: higher-is-better, source: T,\n"
	"     import: [{topic: Aandeel_2}]}\n"
	"regions:\n"
	"  - {code: NL01, name: Nederland, level: land}\n"
	"  - {code: PV22, name: Drenthe, level: provincie, parent: NL01}\n"
	"  - {code: GM0109, name: Coevorden, level: gemeente, parent: PV22}\n"
	"  - {code: GM1680, name: Aa en Hunze, level: gemeente, parent: PV22}\n"
	"  - {code: GM9003, name: Testgemeente, level: gemeente, parent: PV22}\n"
	"mergers:\n"
	"  - {old: [GM0109], new: GM0109, year: 1998}\n"
	"  - {old: [GM9001, GM9002], new: GM9003, year: 2000, action: map}\n";

struct fx {
	char path[64];
	tl_store *st;
	tl_arena *a;
	struct tl_model *m;
	tl_errors e;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/tl-regions-test-%d.db", (int)getpid());
	unlink(f->path);
	f->a = tl_arena_new();
	if (tl_store_open(&f->st, test_store_uri(f->path), &f->e) ||
	    tl_agenda_parse("agenda.yml", yml, strlen(yml), f->a, &f->m, &f->e))
		return -1;
	const struct tl_model *m = f->m;
	tl_store_begin(f->st, &f->e);
	tl_store_put_agenda(f->st, &m->agenda, &f->e);
	for (size_t i = 0; i < m->n_themes; i++)
		tl_store_put_theme(f->st, &m->themes[i], &f->e);
	for (size_t i = 0; i < m->n_goals; i++)
		tl_store_put_goal(f->st, &m->goals[i], &f->e);
	for (size_t i = 0; i < m->n_regions; i++)
		tl_store_put_region(f->st, &m->regions[i], &f->e);
	for (size_t i = 0; i < m->n_indicators; i++)
		tl_store_put_indicator(f->st, &m->indicators[i], &f->e);
	for (size_t i = 0; i < m->n_mergers; i++)
		tl_store_put_merger(f->st, &m->mergers[i], &f->e);
	if (tl_errors_failed(&f->e))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	tl_store_rollback(f->st);
	tl_store_close(f->st);
	tl_arena_free(f->a);
	tl_errors_free(&f->e);
	test_store_remove(f->path);
	free(f);
	return 0;
}

static void print_errors(tl_errors *e)
{
	tl_errors_print(e, stderr);
}

/* ---- The register --------------------------------------------------------- */

static void test_import_registers_every_municipality_with_its_years(void **state)
{
	struct fx *f = *state;
	struct tl_path_stats ps;
	int rc = tl_import_path(f->st, f->m, data_path(K37259), NULL, &ps, &f->e);
	if (rc)
		print_errors(&f->e);
	assert_int_equal(rc, 0);
	assert_int_equal(ps.cells.regions_seen, 12);
	assert_int_equal(ps.cells.regions_registered, 12);
	assert_int_equal(tl_store_register_count(f->st, "gemeente"), 12);
	struct tl_register_region r;
	assert_int_equal(tl_store_register_get(f->st, "GM1680", f->a, &r), 0);
	assert_int_equal(r.first_year, 1998); /* "" up to 1997 */
	assert_int_equal(r.last_year, 2018);
	assert_string_equal(r.level, "gemeente");
	assert_null(r.name); /* the file has codes only */
	assert_int_equal(tl_store_register_get(f->st, "GM0109", f->a, &r), 0);
	assert_int_equal(r.first_year, 1960);
	assert_int_equal(r.last_year, 2018);
}

static void test_register_fills_gaps_and_never_renames(void **state)
{
	struct fx *f = *state;
	struct tl_register_region a = {"GM0106", "Assen", "gemeente", NULL, NULL, 2020, 2016, 2020};
	int added;
	assert_int_equal(tl_store_register_region(f->st, &a, &added, &f->e), 0);
	assert_int_equal(added, 1);
	struct tl_register_region b = {"GM0106", "Anders", "wijk", "PV22", "GMPV22", 2025, 2012, 2018};
	assert_int_equal(tl_store_register_region(f->st, &b, &added, &f->e), 0);
	assert_int_equal(added, 0);
	struct tl_register_region r;
	assert_int_equal(tl_store_register_get(f->st, "GM0106", f->a, &r), 0);
	assert_string_equal(r.name, "Assen");
	assert_string_equal(r.level, "gemeente");
	assert_int_equal(r.classification_year, 2020);
	assert_string_equal(r.parent, "PV22");   /* a gap: filled */
	assert_string_equal(r.group, "GMPV22");
	assert_int_equal(r.first_year, 2012);     /* widened */
	assert_int_equal(r.last_year, 2020);
}

static void test_register_names_lose_cbs_suffixes(void **state)
{
	struct fx *f = *state;
	tl_mapper *mp = tl_mapper_new(f->st, f->m, "x.csv", 1, NULL, &f->e);
	const struct tl_raw_sink *s = tl_mapper_sink(mp);
	struct tl_raw_region rs[] = {
		{"PV22", "Drenthe (PV)", "provincie", "NL01", 2025, NULL},
		{"CR07", "Noord-Drenthe (CR)", NULL, "PV22", 2025, NULL},
		{"LD01", "Noord-Nederland (LD)  ", NULL, NULL, 0, NULL},
		{"GM0373", "Bergen (NH.)", "gemeente", NULL, 2025, NULL},
		{"GM0344", "Utrecht (gemeente)", "gemeente", NULL, 2025, NULL},
	};
	for (size_t i = 0; i < sizeof rs / sizeof *rs; i++)
		assert_int_equal(s->region(s->ctx, &rs[i]), 0);
	struct tl_mapper_stats st;
	assert_int_equal(tl_mapper_finish(mp, &st), 0);
	tl_mapper_free(mp);
	assert_int_equal(st.regions_seen, 5);
	assert_int_equal(st.regions_registered, 5);
	static const char *const want[][3] = {
		{"PV22", "Drenthe", "provincie"},       {"CR07", "Noord-Drenthe", "corop"},
		{"LD01", "Noord-Nederland", "landsdeel"}, {"GM0373", "Bergen (NH.)", "gemeente"},
		{"GM0344", "Utrecht", "gemeente"},
	};
	for (size_t i = 0; i < 5; i++) {
		struct tl_register_region r;
		assert_int_equal(tl_store_register_get(f->st, want[i][0], f->a, &r), 0);
		assert_string_equal(r.name, want[i][1]);
		assert_string_equal(r.level, want[i][2]);
	}
	/* The agenda's own region keeps its name and level. */
	assert_string_equal(tl_model_region(f->m, "PV22")->name, "Drenthe");
}

/* ---- Mergers: break ------------------------------------------------------- */

static void test_merger_breaks_the_successor_series_in_the_analysis(void **state)
{
	struct fx *f = *state;
	struct tl_path_stats ps;
	assert_int_equal(tl_import_path(f->st, f->m, data_path(K37259), NULL, &ps, &f->e), 0);
	assert_int_equal(ps.cells.mergers_broken, 1);   /* Coevorden has figures on both sides of 1998 */
	assert_int_equal(ps.cells.mergers_applied, 0);
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, f->a, &m, &f->e), 0);
	assert_int_equal(m->n_mergers, 2);
	const struct tl_indicator *d = tl_model_indicator(m, "inwoners");
	size_t n;
	const struct tl_observation *s = tl_model_series(m, "inwoners", "GM0109", &n);
	assert_int_equal(n, 59); /* 1960–2018 */
	long last = tl_series_latest(s, n);
	assert_int_equal(s[last].period.year, 2018);
	assert_true(s[last].value == 35299);
	/* Without the region's mergers the first comparable value is 1960 … */
	long plain = tl_series_comparable_first(d, s, n, last);
	assert_int_equal(s[plain].period.year, 1960);
	assert_true(s[plain].value == 9921);
	/* … with them it is the first year after the merger. */
	long first = tl_series_comparable_first_in(m, d, s, n, last);
	assert_int_equal(s[first].period.year, 1998);
	assert_true(s[first].value == 34497);
	/* 1998 has no comparable previous value: 1997 (14 946) is before the merger. */
	long y98 = first;
	assert_int_equal(tl_series_comparable_previous_in(m, d, s, n, y98), -1);
	assert_int_equal(tl_series_comparable_previous(d, s, n, y98), y98 - 1);
	assert_int_equal(tl_model_region_break(m, d, "GM0109", 1997, 1998), 1998);
	assert_int_equal(tl_model_region_break(m, d, "GM0109", 1998, 2018), 0);
	assert_int_equal(tl_model_region_break(m, d, "GM1680", 1960, 2018), 0);
	/* The sentence says why it does not go back further. */
	tl_buf b = TL_BUF_INIT;
	tl_narrate_change(&b, m, d, tl_model_region(m, "GM0109"), TL_LANG_NL);
	if (!strstr(b.data, "Sinds 1998") || !strstr(b.data, "herindeling van 1998"))
		fail_msg("sentence: %s", b.data);
	tl_buf_free(&b);
}

/* ---- Mergers: map ---------------------------------------------------------- */

static struct tl_raw_cell cell(const char *topic, const char *region, int year, double v, enum tl_status st)
{
	struct tl_raw_cell c = {0};
	c.topic = topic;
	c.region = region;
	c.period = (struct tl_period){year, TL_PERIOD_YEAR, 0};
	c.has_period = 1;
	c.value = v;
	c.status = st;
	c.line = 2;
	c.col = 1;
	return c;
}

static void test_merger_map_sums_counts_and_breaks_percentages(void **state)
{
	struct fx *f = *state;
	int64_t id;
	tl_store_import_begin(f->st, "x.csv", &id, &f->e);
	tl_mapper *mp = tl_mapper_new(f->st, f->m, "x.csv", id, NULL, &f->e);
	const struct tl_raw_sink *s = tl_mapper_sink(mp);
	struct tl_raw_topic t1 = {"BevolkingOp1Januari_1", NULL, NULL, 0, 1}, t2 = {"Aandeel_2", NULL, NULL, 1, 1};
	s->topic(s->ctx, &t1);
	s->topic(s->ctx, &t2);
	struct tl_raw_cell cs[] = {
		cell("BevolkingOp1Januari_1", "GM9001", 1999, 100, TL_STATUS_FINAL),
		cell("BevolkingOp1Januari_1", "GM9002", 1999, 50, TL_STATUS_FINAL),
		cell("BevolkingOp1Januari_1", "GM9003", 1999, 0, TL_STATUS_NOT_APPLICABLE), /* replaced */
		cell("BevolkingOp1Januari_1", "GM9003", 2000, 160, TL_STATUS_FINAL),
		cell("BevolkingOp1Januari_1", "GM9001", 1998, 98, TL_STATUS_FINAL), /* GM9002 lacks 1998 */
		cell("Aandeel_2", "GM9001", 1999, 10.0, TL_STATUS_FINAL),  /* a percentage: not summed */
		cell("Aandeel_2", "GM9003", 1999, 12.0, TL_STATUS_FINAL),
		cell("Aandeel_2", "GM9003", 2000, 11.0, TL_STATUS_FINAL),
	};
	for (size_t i = 0; i < sizeof cs / sizeof *cs; i++)
		assert_int_equal(s->cell(s->ctx, &cs[i]), 0);
	struct tl_mapper_stats st;
	int rc = tl_mapper_finish(mp, &st);
	if (rc)
		print_errors(&f->e);
	assert_int_equal(rc, 0);
	tl_mapper_free(mp);
	assert_int_equal(st.merged_cells, 3);   /* 100, 50 and 98 */
	assert_int_equal(st.merged_obs, 2);     /* 1999 and 1998 */
	assert_int_equal(st.skip_merged, 1);
	assert_int_equal(st.mergers_applied, 1);
	assert_int_equal(st.mergers_broken, 1); /* Aandeel has GM9003 figures before and after 2000 */
	/* GM9001 is no region of the agenda: its percentage is skipped. */
	assert_int_equal(st.skip_region, 1);
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, f->a, &m, &f->e), 0);
	struct tl_period p99 = {1999, TL_PERIOD_YEAR, 0}, p98 = {1998, TL_PERIOD_YEAR, 0};
	const struct tl_observation *o = tl_model_obs(m, "inwoners", "GM9003", &p99);
	assert_non_null(o);
	assert_int_equal(o->status, TL_STATUS_FINAL);
	assert_true(o->value == 150);
	o = tl_model_obs(m, "inwoners", "GM9003", &p98);
	assert_non_null(o);
	assert_int_equal(o->status, TL_STATUS_MISSING);
	assert_string_equal(o->note, "herindeling 2000: 1 van de 2 voorgangers met een cijfer");
	o = tl_model_obs(m, "aandeel", "GM9003", &p99);
	assert_non_null(o);
	assert_true(o->value == 12.0);
	/* Counts are comparable across the mapped merger, percentages are not. */
	const struct tl_indicator *inw = tl_model_indicator(m, "inwoners"), *aan = tl_model_indicator(m, "aandeel");
	assert_int_equal(tl_model_region_break(m, inw, "GM9003", 1999, 2000), 0);
	assert_int_equal(tl_model_region_break(m, aan, "GM9003", 1999, 2000), 2000);
}

/* A v4 download whose Observations.csv lacks the RegioS column (85678NED in
 * the shared data): its code lists name regions, its cells none.  Those
 * cells are refused, not taken for national figures. */
static void test_cells_without_region_in_a_regional_table_are_refused(void **state)
{
	struct fx *f = *state;
	tl_mapper *mp = tl_mapper_new(f->st, f->m, "85678NED", 1, NULL, &f->e);
	const struct tl_raw_sink *s = tl_mapper_sink(mp);
	struct tl_raw_topic t = {"BevolkingOp1Januari_1", NULL, NULL, 0, 1};
	s->topic(s->ctx, &t);
	struct tl_raw_region r = {"GM0109", "Coevorden", "gemeente", "PV22", 2023, NULL};
	s->region(s->ctx, &r);
	struct tl_raw_cell c = cell("BevolkingOp1Januari_1", NULL, 2020, 1, TL_STATUS_FINAL);
	s->cell(s->ctx, &c);
	s->cell(s->ctx, &c);
	struct tl_mapper_stats st;
	assert_int_not_equal(tl_mapper_finish(mp, &st), 0);
	tl_mapper_free(mp);
	assert_int_equal(st.observations, 0);
	assert_int_equal(f->e.n, 1); /* said once */
	char *msg = tl_error_format(&f->e.items[0], 0);
	assert_string_equal(msg, "85678NED:2:1: the table's code lists name regions, but this cell "
				 "(BevolkingOp1Januari_1) has none: which region its figure is for is unknown, "
				 "so it is not loaded");
	free(msg);
}

/* ---- Declaring mergers ------------------------------------------------------ */

static void test_bad_mergers_are_positioned_errors(void **state)
{
	(void)state;
	static const char bad[] =
		"agenda: {slug: r, title: R, report_year: 2025}\n"
		"themes: []\n"
		"regions: [{code: NL01, name: Nederland, level: land}]\n"
		"mergers:\n"
		"  - {old: [GM0105, GM0105], new: GM1680, year: 1998, action: optellen}\n"
		"  - {old: [gm0113], new: GM1680, year: 1998}\n"
		"  - {old: [], new: GM1681, year: 1998, when: 1}\n";
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_not_equal(tl_agenda_parse("agenda.yml", bad, strlen(bad), a, &m, &e), 0);
	tl_buf all = TL_BUF_INIT;
	for (size_t i = 0; i < e.n; i++) {
		char *msg = tl_error_format(&e.items[i], 0);
		tl_buf_puts(&all, msg);
		tl_buf_puts(&all, "\n");
		free(msg);
	}
	static const char *const want[] = {
		"agenda.yml:5:62: merger: action must be break",
		"agenda.yml:5:20: merger: GM0105 is listed twice",
		"agenda.yml:6:12: merger: old codes must be CBS codes such as GM0105",
		"agenda.yml:7:40: unknown key \"when\" in merger",
		"agenda.yml:7:11: merger: \"old\" needs at least one municipality code",
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		if (!strstr(all.data, want[i]))
			fail_msg("missing \"%s\" in:\n%s", want[i], all.data);
	tl_buf_free(&all);
	tl_errors_free(&e);
	tl_arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_import_registers_every_municipality_with_its_years, setup, teardown),
		cmocka_unit_test_setup_teardown(test_register_fills_gaps_and_never_renames, setup, teardown),
		cmocka_unit_test_setup_teardown(test_register_names_lose_cbs_suffixes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merger_breaks_the_successor_series_in_the_analysis, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merger_map_sums_counts_and_breaks_percentages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cells_without_region_in_a_regional_table_are_refused, setup, teardown),
		cmocka_unit_test(test_bad_mergers_are_positioned_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
