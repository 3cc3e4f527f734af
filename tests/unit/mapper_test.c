/* The import mapper: raw cells in, the agenda's observations out, with
 * every skip counted and topic keys verified against the table. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/agenda.h"
#include "import/mapper.h"
#include "store/store.h"
#include "test_store.h"

static const char yml[] =
	"agenda: {slug: m, title: M, report_year: 2025, focus_region: PV22, national_region: NL01}\n"
	"themes: [{slug: t, title: T, goals: [{number: 1, title: G}]}]\n"
	"indicators:\n"
	"  - {slug: gezond, theme: t, title: Gezond, unit: '%', polarity: higher-is-better, source: RIVM,\n"
	"     import: [{topic: ErvarenGezondheid_4, table: 50090NED, dimensions: {Leeftijd: '20300'}}]}\n"
	"  - {slug: inkomen, theme: t, title: Inkomen, unit: euro, polarity: higher-is-better, source: CBS,\n"
	"     import: [{topic: Inkomen_7, scale: 1000, source: 'CBS, tabel X'}]}\n"
	"regions:\n"
	"  - {code: NL01, name: Nederland, level: land}\n"
	"  - {code: PV22, name: Drenthe, level: provincie, parent: NL01}\n"
	"  - {code: GM0106, name: Assen, level: gemeente, parent: PV22}\n";

struct fx {
	char path[64];
	tl_store *st;
	tl_arena *a;
	struct tl_model *m;
	tl_errors e;
	int64_t id;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/tl-mapper-test-%d.db", (int)getpid());
	unlink(f->path);
	f->a = tl_arena_new();
	if (tl_store_open(&f->st, test_store_uri(f->path), &f->e) ||
	    tl_agenda_parse("agenda.yml", yml, strlen(yml), f->a, &f->m, &f->e))
		return -1;
	tl_store_bulk_rows(f->st, TEST_BULK_ROWS);
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
	tl_store_import_begin(f->st, "x.csv", &f->id, &f->e);
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

static struct tl_raw_cell cell(const char *topic, const char *region, int year, double v,
			       const struct tl_raw_dim *dims, size_t nd)
{
	struct tl_raw_cell c = {0};
	c.topic = topic;
	c.region = region;
	c.period = (struct tl_period){year, TL_PERIOD_YEAR, 0};
	c.has_period = 1;
	c.value = v;
	c.status = TL_STATUS_FINAL;
	c.dims = dims;
	c.n_dims = nd;
	c.line = 7;
	c.col = 3;
	return c;
}

static void topics(const struct tl_raw_sink *s, const char *const *keys)
{
	for (; *keys; keys++) {
		struct tl_raw_topic t = {*keys, NULL, NULL, -1, 1};
		s->topic(s->ctx, &t);
	}
}

static const char *const inkomen[] = {"Inkomen_7", NULL};

/* A mapper for x.csv in the fixture's import (o may be NULL), told the
 * file's topics (keys, ending in NULL); *s is its sink. */
static tl_mapper *open_mapper(struct fx *f, const struct tl_mapper_opts *o, const char *const *keys,
			      const struct tl_raw_sink **s)
{
	tl_mapper *mp = tl_mapper_new(f->st, f->m, "x.csv", f->id, o, &f->e);
	*s = tl_mapper_sink(mp);
	topics(*s, keys);
	return mp;
}

static void test_cells_of_a_spec_become_scaled_observations(void **state)
{
	struct fx *f = *state;
	static const char *const keys[] = {"Inkomen_7", "Anders_8", NULL};
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, keys, &s);
	struct tl_raw_cell c = cell("Inkomen_7", "GM0106", 2023, 36.2, NULL, 0);
	assert_int_equal(s->cell(s->ctx, &c), 0);
	c = cell("Anders_8", "GM0106", 2023, 1, NULL, 0);
	assert_int_equal(s->cell(s->ctx, &c), 0);
	c = cell("Inkomen_7", "GM9999", 2023, 1, NULL, 0);
	assert_int_equal(s->cell(s->ctx, &c), 0);
	struct tl_mapper_stats st;
	assert_int_equal(tl_mapper_finish(mp, &st), 0);
	assert_int_equal(st.cells, 3);
	assert_int_equal(st.observations, 1);
	assert_int_equal(st.skip_topic, 1);
	assert_int_equal(st.skip_region, 1);
	tl_mapper_free(mp);
	tl_store_commit(f->st, &f->e);
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, f->a, &m, &f->e), 0);
	struct tl_period p = {2023, TL_PERIOD_YEAR, 0};
	const struct tl_observation *o = tl_model_obs(m, "inkomen", "GM0106", &p);
	assert_non_null(o);
	assert_true(o->value > 36199.9 && o->value < 36200.1);
	assert_string_equal(o->source, "CBS, tabel X");
	tl_store_begin(f->st, &f->e); /* teardown rolls back */
}

static void test_dimension_codes_and_table_must_match(void **state)
{
	struct fx *f = *state;
	tl_mapper *mp = tl_mapper_new(f->st, f->m, "x.csv", f->id, NULL, &f->e);
	const struct tl_raw_sink *s = tl_mapper_sink(mp);
	s->table(s->ctx, "50090NED", "Gezondheidsmonitor");
	static const char *const keys[] = {"ErvarenGezondheid_4", NULL};
	topics(s, keys);
	struct tl_raw_dim adult = {"Leeftijd", "20300"}, old = {"Leeftijd", "80200"};
	struct tl_raw_cell c = cell("ErvarenGezondheid_4", "PV22", 2020, 76.0, &adult, 1);
	s->cell(s->ctx, &c);
	c = cell("ErvarenGezondheid_4", "PV22", 2020, 70.0, &old, 1);
	s->cell(s->ctx, &c);
	struct tl_mapper_stats st;
	assert_int_equal(tl_mapper_finish(mp, &st), 0);
	assert_int_equal(st.observations, 1);
	assert_int_equal(st.skip_dims, 1);
	tl_mapper_free(mp);

	mp = tl_mapper_new(f->st, f->m, "y.csv", f->id, NULL, &f->e);
	s = tl_mapper_sink(mp);
	s->table(s->ctx, "50120NED", "Gezondheidsmonitor 2022");
	topics(s, keys);
	c = cell("ErvarenGezondheid_4", "PV22", 2022, 76.0, &adult, 1);
	s->cell(s->ctx, &c);
	assert_int_equal(tl_mapper_finish(mp, &st), 0);
	assert_int_equal(st.skip_table, 1);
	assert_int_equal(st.observations, 0);
	tl_mapper_free(mp);
}

static void test_renumbered_topic_is_an_error_naming_the_nearest_key(void **state)
{
	struct fx *f = *state;
	tl_mapper *mp = tl_mapper_new(f->st, f->m, "x.csv", f->id, NULL, &f->e);
	const struct tl_raw_sink *s = tl_mapper_sink(mp);
	s->table(s->ctx, "50090NED", NULL);
	static const char *const keys[] = {"ErvarenGezondheid_5", "Overgewicht_9", "Inkomen_7", NULL};
	topics(s, keys);
	assert_int_not_equal(tl_mapper_finish(mp, NULL), 0);
	tl_mapper_free(mp);
	char *msg = tl_error_format(&f->e.items[0], 0);
	assert_string_equal(msg, "x.csv: indicator gezond: topic \"ErvarenGezondheid_4\" is not in table 50090NED; "
				 "nearest: ErvarenGezondheid_5");
	free(msg);
}

static void test_labels_resolve_through_the_region_register(void **state)
{
	struct fx *f = *state;
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, inkomen, &s);
	struct tl_raw_cell c = cell("Inkomen_7", NULL, 2023, 1, NULL, 0);
	c.region_label = "Drenthe (PV)";
	s->cell(s->ctx, &c);
	c.region_label = "Nederland";
	s->cell(s->ctx, &c);
	c.region_label = "Groningen (PV)";
	s->cell(s->ctx, &c);
	struct tl_mapper_stats st;
	assert_int_equal(tl_mapper_finish(mp, &st), 0);
	assert_int_equal(st.observations, 2);
	assert_int_equal(st.skip_region, 1);
	tl_mapper_free(mp);
}

static void test_add_regions_registers_what_the_file_describes(void **state)
{
	struct fx *f = *state;
	struct tl_mapper_opts o = {1, 0, NULL};
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, &o, inkomen, &s);
	struct tl_raw_region r = {"WK010600", "Centrum", "wijk", "GM0106", 2020, NULL};
	s->region(s->ctx, &r);
	struct tl_raw_cell c = cell("Inkomen_7", "WK010600", 2023, 1, NULL, 0);
	s->cell(s->ctx, &c);
	c.status = TL_STATUS_UNKNOWN;
	c.period.year = 2024;
	s->cell(s->ctx, &c);
	struct tl_mapper_stats st;
	assert_int_equal(tl_mapper_finish(mp, &st), 0);
	assert_int_equal(st.regions_added, 1);
	assert_int_equal(st.observations, 2);
	assert_int_equal(st.missing, 1);
	tl_mapper_free(mp);
	assert_true(tl_store_has_region(f->st, "WK010600"));
}

static void test_second_value_for_a_cell_is_a_positioned_error(void **state)
{
	struct fx *f = *state;
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, inkomen, &s);
	struct tl_raw_cell c = cell("Inkomen_7", "GM0106", 2023, 1, NULL, 0);
	s->cell(s->ctx, &c);
	c.line = 9;
	s->cell(s->ctx, &c);
	assert_int_not_equal(tl_mapper_finish(mp, NULL), 0);
	tl_mapper_free(mp);
	char *msg = tl_error_format(&f->e.items[0], 0);
	assert_string_equal(msg, "x.csv:9:3: a second value for inkomen in GM0106 for 2023JJ00: each cell may appear once per file");
	free(msg);
}

/* Monthly cells of topic Inkomen_7 for GM0106 from 2000MM01 on, line 100 + i. */
static void monthly_cells(const struct tl_raw_sink *s, int n, double v)
{
	for (int i = 0; i < n; i++) {
		struct tl_raw_cell c = cell("Inkomen_7", "GM0106", 2000 + i / 12, v, NULL, 0);
		c.period = (struct tl_period){2000 + i / 12, TL_PERIOD_MONTH, 1 + i % 12};
		c.line = 100 + (unsigned)i;
		s->cell(s->ctx, &c);
	}
}

/* The store may write cells later, in bulk (tl_store_put_observation_later):
 * a second value far behind the first (over 32 768 cells later, so in
 * another batch of SQLite's bulk buffer) is still found, with its position,
 * and not counted as loaded. */
static void test_second_value_far_behind_the_first_is_a_positioned_error(void **state)
{
	struct fx *f = *state;
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, inkomen, &s);
	monthly_cells(s, 33000, 1);
	struct tl_raw_cell c = cell("Inkomen_7", "GM0106", 2000, 2, NULL, 0);
	c.period = (struct tl_period){2000, TL_PERIOD_MONTH, 1};
	c.line = 40000;
	s->cell(s->ctx, &c);
	struct tl_mapper_stats st;
	assert_int_not_equal(tl_mapper_finish(mp, &st), 0);
	tl_mapper_free(mp);
	assert_int_equal(st.observations, 33000);
	assert_int_equal(tl_errors_count(&f->e), 1);
	char *msg = tl_error_format(&f->e.items[0], 0);
	assert_string_equal(msg, "x.csv:40000:3: a second value for inkomen in GM0106 for 2000MM01: each cell may appear once per file");
	free(msg);
	assert_int_equal(tl_store_count_observations(f->st), 33000);
}

/* A later import replaces an earlier one's cells (SQLite: the bulk INSERT
 * meets taken keys and its rows go one by one). */
static void test_a_later_import_replaces_the_cells_of_an_earlier_one(void **state)
{
	struct fx *f = *state;
	for (int k = 0; k < 2; k++) {
		int64_t id = f->id;
		if (k)
			assert_int_equal(tl_store_import_begin(f->st, "y.csv", &id, &f->e), 0);
		tl_mapper *mp = tl_mapper_new(f->st, f->m, k ? "y.csv" : "x.csv", id, NULL, &f->e);
		const struct tl_raw_sink *s = tl_mapper_sink(mp);
		topics(s, inkomen);
		monthly_cells(s, 1000, k + 1);
		struct tl_mapper_stats st;
		assert_int_equal(tl_mapper_finish(mp, &st), 0);
		assert_int_equal(st.observations, 1000);
		tl_mapper_free(mp);
		assert_int_equal(tl_store_import_end(f->st, id, 1000, st.observations, &f->e), 0);
	}
	assert_int_equal(tl_errors_count(&f->e), 0);
	assert_int_equal(tl_store_count_observations(f->st), 1000);
	tl_arena *a = tl_arena_new();
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, a, &m, &f->e), 0);
	assert_int_equal(m->n_obs, 1000);
	for (size_t i = 0; i < m->n_obs; i++)
		assert_true(m->obs[i].value == 2000.0); /* 2 × scale 1000 */
	tl_arena_free(a);
}

/* While the store's writer thread writes one batch, the mapper goes on with
 * the next: regions the file adds then take the connection between the
 * writer's INSERTs.  80 000 cells over 4 new regions (two hand-overs and a
 * rest): every region added, every cell stored under it. */
static void test_regions_added_while_a_batch_is_written_keep_their_cells(void **state)
{
	struct fx *f = *state;
	struct tl_mapper_opts o = {1, 0, NULL};
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, &o, inkomen, &s);
	static const char *const codes[] = {"WK010601", "WK010602", "WK010603", "WK010604"};
	for (int k = 0; k < 4; k++) {
		struct tl_raw_region r = {codes[k], "Wijk", "wijk", "GM0106", 2020, NULL};
		assert_int_equal(s->region(s->ctx, &r), 0);
		for (int i = 0; i < 20000; i++) {
			struct tl_raw_cell c = cell("Inkomen_7", codes[k], 2000, i, NULL, 0);
			c.period = (struct tl_period){2000 + i / 12, TL_PERIOD_MONTH, 1 + i % 12};
			c.line = 2 + (unsigned)(k * 20000 + i);
			assert_int_equal(s->cell(s->ctx, &c), 0);
		}
	}
	struct tl_mapper_stats st;
	assert_int_equal(tl_mapper_finish(mp, &st), 0);
	tl_mapper_free(mp);
	assert_int_equal(st.regions_added, 4);
	assert_int_equal(st.observations, 80000);
	assert_int_equal(tl_errors_count(&f->e), 0);
	assert_int_equal(tl_store_count_observations(f->st), 80000);
	tl_arena *a = tl_arena_new();
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, a, &m, &f->e), 0);
	struct tl_period p = {2000 + 19999 / 12, TL_PERIOD_MONTH, 1 + 19999 % 12};
	for (int k = 0; k < 4; k++) {
		assert_true(tl_store_has_region(f->st, codes[k]));
		const struct tl_observation *ob = tl_model_obs(m, "inkomen", codes[k], &p);
		assert_non_null(ob);
		assert_true(ob->value == 19999.0 * 1000);
	}
	tl_arena_free(a);
}

/* A second value inside a batch that the writer thread writes (both in the
 * first 32 768 cells, handed over when the next cell comes) is reported by
 * the caller's thread with its place, once, and not counted as loaded. */
static void test_a_second_value_the_writer_thread_finds_has_its_place(void **state)
{
	struct fx *f = *state;
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, inkomen, &s);
	monthly_cells(s, 100, 1);
	struct tl_raw_cell c = cell("Inkomen_7", "GM0106", 2000, 2, NULL, 0);
	c.period = (struct tl_period){2000, TL_PERIOD_MONTH, 5};
	c.line = 500;
	s->cell(s->ctx, &c);
	for (int i = 0; i < 70000; i++) { /* other cells: three more batches */
		c = cell("Inkomen_7", i % 2 ? "PV22" : "NL01", 2000, 1, NULL, 0);
		c.period = (struct tl_period){2000 + i / 24, TL_PERIOD_MONTH, 1 + i / 2 % 12};
		c.line = 1000 + (unsigned)i;
		s->cell(s->ctx, &c);
	}
	struct tl_mapper_stats st;
	assert_int_not_equal(tl_mapper_finish(mp, &st), 0);
	tl_mapper_free(mp);
	assert_int_equal(st.observations, 70100);
	assert_int_equal(tl_errors_count(&f->e), 1);
	char *msg = tl_error_format(&f->e.items[0], 0);
	assert_string_equal(msg, "x.csv:500:3: a second value for inkomen in GM0106 for 2000MM05: each cell may appear once per file");
	free(msg);
}

/* A read that fails while the writer thread has a batch: the mapper is
 * freed unfinished, the caller rolls back, and nothing of it is left. */
static void test_a_failed_read_during_a_bulk_write_leaves_nothing(void **state)
{
	struct fx *f = *state;
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, inkomen, &s);
	monthly_cells(s, 50000, 1);
	tl_mapper_free(mp);
	tl_store_rollback(f->st);
	assert_int_equal(tl_store_count_observations(f->st), 0);
	tl_store_begin(f->st, &f->e); /* teardown rolls back */
}

/* A StatLine CSV names topics by label; a spec's CBS key finds the label
 * whose last part is the key without its position suffix. */
static void test_a_key_finds_its_label_topic(void **state)
{
	struct fx *f = *state;
	static const char *const keys[] = {"Inkomen en vermogen|Inkomen", "Inkomen en vermogen|Vermogen", NULL};
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, keys, &s);
	struct tl_raw_cell c = cell("Inkomen en vermogen|Inkomen", "GM0106", 2023, 36.2, NULL, 0);
	s->cell(s->ctx, &c);
	c = cell("Inkomen en vermogen|Vermogen", "GM0106", 2023, 9, NULL, 0);
	s->cell(s->ctx, &c);
	struct tl_mapper_stats st;
	assert_int_equal(tl_mapper_finish(mp, &st), 0);
	assert_int_equal(st.observations, 1);
	assert_int_equal(st.skip_topic, 1);
	assert_int_equal(tl_errors_count(&f->e), 0);
	tl_mapper_free(mp);
}

/* Near miss: a key never stands for another key (a renumbered topic), and a
 * key that fits two labels is an error, not a choice. */
static void test_a_key_that_fits_two_labels_is_an_error(void **state)
{
	struct fx *f = *state;
	static const char *const keys[] = {"Huishoudens|Inkomen", "Personen|Inkomen", NULL};
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, keys, &s);
	assert_int_not_equal(tl_mapper_finish(mp, NULL), 0);
	tl_mapper_free(mp);
	char *msg = tl_error_format(&f->e.items[0], 0);
	assert_string_equal(msg, "x.csv: indicator inkomen: topic \"Inkomen_7\" fits two topics of this file, "
				 "\"Huishoudens|Inkomen\" and \"Personen|Inkomen\": name the one meant as the spec's topic");
	free(msg);
}

/* A reader that shows a cell is national (a table without a region
 * dimension) gets the agenda's national region. */
static void test_a_national_cell_goes_to_the_national_region(void **state)
{
	struct fx *f = *state;
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, inkomen, &s);
	struct tl_raw_region r = {"GM0106", "Assen", "gemeente", "PV22", 2023, NULL};
	s->region(s->ctx, &r);
	struct tl_raw_cell c = cell("Inkomen_7", NULL, 2023, 30, NULL, 0);
	c.national = 1;
	s->cell(s->ctx, &c);
	struct tl_mapper_stats st;
	assert_int_equal(tl_mapper_finish(mp, &st), 0);
	assert_int_equal(st.observations, 1);
	tl_mapper_free(mp);
	tl_store_commit(f->st, &f->e);
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, f->a, &m, &f->e), 0);
	struct tl_period p = {2023, TL_PERIOD_YEAR, 0};
	assert_non_null(tl_model_obs(m, "inkomen", "NL01", &p));
	tl_store_begin(f->st, &f->e);
}

/* An import that loads nothing says why. */
static void test_nothing_loaded_says_why(void **state)
{
	struct fx *f = *state;
	static const char *const keys[] = {"ErvarenGezondheid_4", NULL};
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, keys, &s);
	struct tl_raw_dim mid = {"Leeftijd", "53115"};
	struct tl_raw_cell c = cell("ErvarenGezondheid_4", "PV22", 2020, 76.0, &mid, 1);
	s->cell(s->ctx, &c);
	assert_int_equal(tl_mapper_finish(mp, NULL), 0);
	tl_mapper_free(mp);
	assert_int_equal(f->e.warnings, 1);
	char *msg = tl_error_format(&f->e.items[0], 1);
	assert_string_equal(msg, "x.csv: warning: no observations loaded: the cells of topic ErvarenGezondheid_4 "
				 "have Leeftijd=53115, but indicator gezond asks for Leeftijd=20300 (1 cell of "
				 "asked-for topics skipped for their dimension codes)");
	free(msg);

	/* A table of names and codes only. */
	tl_errors_free(&f->e);
	mp = tl_mapper_new(f->st, f->m, "w.json", f->id, NULL, &f->e);
	s = tl_mapper_sink(mp);
	struct tl_raw_topic t = {"Naam_2", NULL, NULL, -1, 0};
	s->topic(s->ctx, &t);
	assert_int_equal(tl_mapper_finish(mp, NULL), 0);
	tl_mapper_free(mp);
	msg = tl_error_format(&f->e.items[0], 1);
	assert_non_null(strstr(msg, "no observations loaded: every topic of this file is text (names, codes)"));
	free(msg);
}

/* The summary's rows: lines of the file that hold cells, however many
 * cells each holds. */
static void test_rows_are_counted_by_line(void **state)
{
	struct fx *f = *state;
	static const char *const keys[] = {"Inkomen_7", "Anders_8", NULL};
	const struct tl_raw_sink *s;
	tl_mapper *mp = open_mapper(f, NULL, keys, &s);
	for (unsigned line = 2; line < 5; line++) {
		struct tl_raw_cell c = cell("Inkomen_7", "GM0106", 2020 + (int)line, 1, NULL, 0);
		c.line = line;
		s->cell(s->ctx, &c);
		c = cell("Anders_8", "GM0106", 2020 + (int)line, 1, NULL, 0);
		c.line = line;
		s->cell(s->ctx, &c);
	}
	struct tl_mapper_stats st;
	assert_int_equal(tl_mapper_finish(mp, &st), 0);
	assert_int_equal(st.rows, 3);
	assert_int_equal(st.cells, 6);
	assert_int_equal(st.observations, 3);
	tl_mapper_free(mp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a_key_finds_its_label_topic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rows_are_counted_by_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_key_that_fits_two_labels_is_an_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_national_cell_goes_to_the_national_region, setup, teardown),
		cmocka_unit_test_setup_teardown(test_nothing_loaded_says_why, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cells_of_a_spec_become_scaled_observations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dimension_codes_and_table_must_match, setup, teardown),
		cmocka_unit_test_setup_teardown(test_renumbered_topic_is_an_error_naming_the_nearest_key, setup, teardown),
		cmocka_unit_test_setup_teardown(test_labels_resolve_through_the_region_register, setup, teardown),
		cmocka_unit_test_setup_teardown(test_add_regions_registers_what_the_file_describes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_value_for_a_cell_is_a_positioned_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_value_far_behind_the_first_is_a_positioned_error, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_later_import_replaces_the_cells_of_an_earlier_one, setup, teardown),
		cmocka_unit_test_setup_teardown(test_regions_added_while_a_batch_is_written_keep_their_cells, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_second_value_the_writer_thread_finds_has_its_place, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_failed_read_during_a_bulk_write_leaves_nothing, setup, teardown),
	};
	return cmocka_run_group_tests_name("mapper", tests, NULL, NULL);
}
