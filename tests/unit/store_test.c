/* The SQLite store: migrations, transactions, observations, loading a model. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "import/agenda.h"
#include "store/schema.h"
#include "store/store.h"
#include "test_fixture.h"
#include "test_store.h"

struct fx {
	char path[64];
	tl_store *st;
	tl_arena *a;
	struct tl_model *m; /* the fixture agenda, parsed */
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/tl-store-test-%d.db", (int)getpid());
	unlink(f->path);
	tl_errors e = TL_ERRORS_INIT;
	if (tl_store_open(&f->st, test_store_uri(f->path), &e))
		return -1;
	f->a = tl_arena_new();
	if (tl_agenda_parse("agenda.yml", fixture_yml, strlen(fixture_yml), f->a, &f->m, &e))
		return -1;
	tl_errors_free(&e);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	tl_store_close(f->st);
	tl_arena_free(f->a);
	test_store_remove(f->path);
	free(f);
	return 0;
}

static void put_all(struct fx *f)
{
	tl_errors e = TL_ERRORS_INIT;
	const struct tl_model *m = f->m;
	assert_int_equal(tl_store_begin(f->st, &e), 0);
	assert_int_equal(tl_store_put_agenda(f->st, &m->agenda, &e), 0);
	for (size_t i = 0; i < m->n_themes; i++)
		assert_int_equal(tl_store_put_theme(f->st, &m->themes[i], &e), 0);
	for (size_t i = 0; i < m->n_goals; i++)
		assert_int_equal(tl_store_put_goal(f->st, &m->goals[i], &e), 0);
	for (size_t i = 0; i < m->n_regions; i++)
		assert_int_equal(tl_store_put_region(f->st, &m->regions[i], &e), 0);
	for (size_t i = 0; i < m->n_indicators; i++)
		assert_int_equal(tl_store_put_indicator(f->st, &m->indicators[i], &e), 0);
	for (size_t i = 0; i < m->n_groups; i++)
		assert_int_equal(tl_store_put_group(f->st, &m->groups[i], &e), 0);
	assert_int_equal(tl_store_commit(f->st, &e), 0);
	tl_errors_free(&e);
}

/* A transaction and an import record for `file` in it; the import's id. */
static int64_t begin_import(struct fx *f, const char *file, tl_errors *e)
{
	int64_t id;
	assert_int_equal(tl_store_begin(f->st, e), 0);
	assert_int_equal(tl_store_import_begin(f->st, file, &id, e), 0);
	return id;
}

static struct tl_observation obs(const char *ind, const char *reg, int year, double v, enum tl_status s)
{
	struct tl_observation o = {ind, reg, {year, TL_PERIOD_YEAR, 0}, v, s, NULL, NULL};
	return o;
}

static void test_new_store_is_migrated_to_the_latest_schema(void **state)
{
	struct fx *f = *state;
	assert_int_equal(tl_store_schema_version(f->st), tl_schema_version);
}

static void test_empty_store_says_no_agenda_loaded(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, f->a, &m, &e), TL_ERR_NOTFOUND);
	assert_non_null(strstr(e.items[0].msg, "no agenda loaded"));
	tl_errors_free(&e);
}

static void test_framework_round_trips_through_the_store(void **state)
{
	struct fx *f = *state;
	put_all(f);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, f->a, &m, &e), 0);
	assert_int_equal(m->n_themes, f->m->n_themes);
	assert_int_equal(m->n_goals, f->m->n_goals);
	assert_int_equal(m->n_indicators, f->m->n_indicators);
	assert_int_equal(m->n_regions, f->m->n_regions);
	const struct tl_indicator *d = tl_model_indicator(m, "schulden");
	assert_non_null(d);
	assert_int_equal(d->polarity, TL_POLARITY_LOWER_BETTER);
	assert_int_equal(d->n_breaks, 1);
	assert_string_equal(d->breaks[0].explanation, "Nieuwe definitie");
	d = tl_model_indicator(m, "ervaren-gezondheid");
	assert_int_equal(d->n_goals, 1);
	assert_int_equal(d->goals[0], 7);
	const struct tl_region_group *g = tl_model_group(m, "zuid");
	assert_non_null(g);
	assert_int_equal(g->n_members, 1);
	assert_string_equal(g->members[0], "GM0114");
	assert_int_equal(tl_model_check(m, stderr), 0);
	tl_errors_free(&e);
}

static void test_missing_values_are_stored_without_a_number(void **state)
{
	struct fx *f = *state;
	put_all(f);
	tl_errors e = TL_ERRORS_INIT;
	int64_t id = begin_import(f, "x.csv", &e);
	struct tl_observation o = obs("ervaren-gezondheid", "PV22", 2024, 74.2, TL_STATUS_FINAL);
	assert_int_equal(tl_store_put_observation(f->st, id, &o, &e), 0);
	o = obs("ervaren-gezondheid", "GM0106", 2024, 999, TL_STATUS_UNKNOWN);
	assert_int_equal(tl_store_put_observation(f->st, id, &o, &e), 0);
	assert_int_equal(tl_store_commit(f->st, &e), 0);
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, f->a, &m, &e), 0);
	struct tl_period p = {2024, TL_PERIOD_YEAR, 0};
	const struct tl_observation *got = tl_model_obs(m, "ervaren-gezondheid", "GM0106", &p);
	assert_non_null(got);
	assert_int_equal(got->status, TL_STATUS_UNKNOWN);
	assert_false(tl_status_has_value(got->status));
	got = tl_model_obs(m, "ervaren-gezondheid", "PV22", &p);
	assert_true(got->value > 74.19 && got->value < 74.21);
	tl_errors_free(&e);
}

/* Values and notes come back exactly, whatever characters a note holds
 * (PostgreSQL loads observations through COPY, which escapes them). */
static void test_values_and_notes_come_back_exactly(void **state)
{
	struct fx *f = *state;
	put_all(f);
	tl_errors e = TL_ERRORS_INIT;
	int64_t id;
	const char *note = "tab\there, new\nline, back\\slash \\N, cr\r, \xc3\xa9";
	id = begin_import(f, "x.csv", &e);
	struct tl_observation o = obs("ervaren-gezondheid", "PV22", 2024, 0.1 + 0.2, TL_STATUS_PROVISIONAL);
	o.note = note;
	o.source = "Bron\tmet tab";
	assert_int_equal(tl_store_put_observation(f->st, id, &o, &e), 0);
	assert_int_equal(tl_store_commit(f->st, &e), 0);
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, f->a, &m, &e), 0);
	struct tl_period p = {2024, TL_PERIOD_YEAR, 0};
	const struct tl_observation *got = tl_model_obs(m, "ervaren-gezondheid", "PV22", &p);
	assert_non_null(got);
	assert_true(got->value == 0.1 + 0.2);
	assert_int_equal(got->status, TL_STATUS_PROVISIONAL);
	assert_string_equal(got->note, note);
	assert_string_equal(got->source, "Bron\tmet tab");
	tl_errors_free(&e);
}

static void test_same_cell_twice_in_one_import_is_a_duplicate(void **state)
{
	struct fx *f = *state;
	put_all(f);
	tl_errors e = TL_ERRORS_INIT;
	int64_t id = begin_import(f, "a.csv", &e);
	struct tl_observation o = obs("schulden", "GM0114", 2023, 9.1, TL_STATUS_FINAL);
	assert_int_equal(tl_store_put_observation(f->st, id, &o, &e), 0);
	o.value = 9.2;
	assert_int_equal(tl_store_put_observation(f->st, id, &o, &e), 1);
	assert_int_equal(tl_store_commit(f->st, &e), 0);
	/* A later import replaces the cell. */
	id = begin_import(f, "b.csv", &e);
	o.value = 9.3;
	assert_int_equal(tl_store_put_observation(f->st, id, &o, &e), 0);
	assert_int_equal(tl_store_commit(f->st, &e), 0);
	assert_int_equal(tl_store_count_observations(f->st), 1);
	tl_errors_free(&e);
}

static void test_rollback_leaves_the_store_as_it_was(void **state)
{
	struct fx *f = *state;
	put_all(f);
	tl_errors e = TL_ERRORS_INIT;
	int64_t id = begin_import(f, "a.csv", &e);
	struct tl_observation o = obs("schulden", "GM0114", 2023, 9.1, TL_STATUS_FINAL);
	assert_int_equal(tl_store_put_observation(f->st, id, &o, &e), 0);
	tl_store_rollback(f->st);
	assert_int_equal(tl_store_count_observations(f->st), 0);
	tl_errors_free(&e);
}

/* Periods are inserted once per transaction however often a file switches
 * between them; a period first seen in a rolled-back import is inserted
 * again by the next one, so its cells are not lost to a missing period. */
static void test_periods_alternating_and_after_a_rollback_are_all_kept(void **state)
{
	struct fx *f = *state;
	put_all(f);
	tl_errors e = TL_ERRORS_INIT;
	int64_t id = begin_import(f, "a.csv", &e);
	struct tl_observation o = obs("schulden", "GM0114", 2030, 9.1, TL_STATUS_FINAL);
	assert_int_equal(tl_store_put_observation(f->st, id, &o, &e), 0);
	tl_store_rollback(f->st);

	id = begin_import(f, "b.csv", &e);
	static const char *const regions[] = {"GM0106", "GM0114"};
	for (int r = 0; r < 2; r++)
		for (int year = 2029; year <= 2031; year++) {
			o = obs("schulden", regions[r], year, year - 2000 + r, TL_STATUS_FINAL);
			assert_int_equal(tl_store_put_observation(f->st, id, &o, &e), 0);
		}
	assert_int_equal(tl_store_commit(f->st, &e), 0);
	assert_int_equal(tl_store_count_observations(f->st), 6);
	tl_arena *a = tl_arena_new();
	struct tl_model *m;
	assert_int_equal(tl_store_load(f->st, a, &m, &e), 0);
	assert_int_equal(m->n_obs, 6);
	for (size_t i = 0; i < 6; i++) {
		assert_string_equal(m->obs[i].region, regions[i / 3]);
		assert_int_equal(m->obs[i].period.year, 2029 + (int)(i % 3));
		assert_true(m->obs[i].value == 29 + (int)(i % 3) + (int)(i / 3));
	}
	tl_arena_free(a);
	tl_errors_free(&e);
}

static void test_unknown_indicator_and_region_lookups(void **state)
{
	struct fx *f = *state;
	put_all(f);
	assert_true(tl_store_has_indicator(f->st, "schulden"));
	assert_false(tl_store_has_indicator(f->st, "onbekend"));
	assert_true(tl_store_has_region(f->st, "GM0106"));
	assert_false(tl_store_has_region(f->st, "GM9999"));
}

static void test_clear_with_data_empties_the_store(void **state)
{
	struct fx *f = *state;
	put_all(f);
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_store_begin(f->st, &e), 0);
	assert_int_equal(tl_store_clear(f->st, 1, &e), 0);
	assert_int_equal(tl_store_commit(f->st, &e), 0);
	assert_false(tl_store_has_region(f->st, "GM0106"));
	tl_errors_free(&e);
}

/* Accepted bound figures (check rule 1): replaced as a whole, read back in
 * order, kept when the agenda is cleared for a reload, gone on rollback. */
static void test_accepted_figures_survive_a_reload(void **state)
{
	struct fx *f = *state;
	put_all(f);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_accepted v[] = {
		{"gezondheid", "waarde ervaren-gezondheid PV22 laatste", "74,2%", "2024JJ00", NULL},
		{"a", "jaar ervaren-gezondheid PV22 laatste", "", NULL, NULL},
	};
	assert_int_equal(tl_store_begin(f->st, &e), 0);
	assert_int_equal(tl_store_put_accepted(f->st, v, 2, &e), 0);
	assert_int_equal(tl_store_commit(f->st, &e), 0);
	assert_int_equal(tl_store_begin(f->st, &e), 0);
	assert_int_equal(tl_store_clear(f->st, 1, &e), 0);
	assert_int_equal(tl_store_commit(f->st, &e), 0);
	struct tl_accepted *got;
	size_t n;
	assert_int_equal(tl_store_load_accepted(f->st, f->a, &got, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(got[0].chapter, "a");
	assert_string_equal(got[0].shown, "");
	assert_null(got[0].period);
	assert_string_equal(got[1].binding, "waarde ervaren-gezondheid PV22 laatste");
	assert_string_equal(got[1].shown, "74,2%");
	assert_string_equal(got[1].period, "2024JJ00");
	assert_non_null(got[1].accepted_at);
	assert_int_equal(strlen(got[1].accepted_at), 20); /* 2026-03-01T10:00:00Z */
	/* a new accept replaces all; a rolled-back one changes nothing */
	assert_int_equal(tl_store_begin(f->st, &e), 0);
	assert_int_equal(tl_store_put_accepted(f->st, v, 1, &e), 0);
	tl_store_rollback(f->st);
	assert_int_equal(tl_store_load_accepted(f->st, f->a, &got, &n, &e), 0);
	assert_int_equal(n, 2);
	assert_int_equal(tl_store_begin(f->st, &e), 0);
	assert_int_equal(tl_store_put_accepted(f->st, v, 1, &e), 0);
	assert_int_equal(tl_store_commit(f->st, &e), 0);
	assert_int_equal(tl_store_load_accepted(f->st, f->a, &got, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(got[0].chapter, "gezondheid");
	tl_errors_free(&e);
}

/* A store written by schema version 2 (text-keyed observations) keeps its
 * observations, values, statuses and sources through migration 3. */
static void test_version_2_store_keeps_its_observations_after_migration(void **state)
{
	(void)state;
	char path[64];
	snprintf(path, sizeof path, "/tmp/tl-store-v2-%d.db", (int)getpid());
	unlink(path);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, tl_schema_migrations[0], NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, tl_schema_migrations[1], NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO agenda (id, slug, title, focus_region, national_region) VALUES (1, 'a', 'A', 'PV22', 'NL01');"
		"INSERT INTO theme VALUES ('t', 1, 'T', NULL);"
		"INSERT INTO indicator (slug, theme, position, title, unit, decimals, polarity)"
		"  VALUES ('gezond', 't', 1, 'Gezond', '%', 1, 'higher-is-better');"
		"INSERT INTO region (code, name, level) VALUES ('PV22', 'Drenthe', 'provincie');"
		"INSERT INTO period VALUES ('2020JJ00', 2020, 'JJ', 0), ('2024KW03', 2024, 'KW', 3);"
		"INSERT INTO import (id, file, started) VALUES (1, 'x.csv', '2026-01-01');"
		"INSERT INTO observation VALUES ('gezond', 'PV22', '2020JJ00', 74.2, 'final', 'RIVM', NULL, 1),"
		"  ('gezond', 'PV22', '2024KW03', NULL, 'suppressed', NULL, 'te weinig waarnemingen', 1);"
		"PRAGMA user_version = 2;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	tl_errors e = TL_ERRORS_INIT;
	tl_store *st;
	assert_int_equal(tl_store_open(&st, path, &e), 0);
	assert_int_equal(tl_store_schema_version(st), tl_schema_version);
	assert_int_equal(tl_store_count_observations(st), 2);
	tl_arena *a = tl_arena_new();
	struct tl_model *m;
	assert_int_equal(tl_store_load(st, a, &m, &e), 0);
	assert_int_equal(m->n_obs, 2);
	assert_string_equal(m->obs[0].indicator, "gezond");
	assert_int_equal(m->obs[0].period.year, 2020);
	assert_int_equal(m->obs[0].status, TL_STATUS_FINAL);
	assert_true(m->obs[0].value == 74.2);
	assert_string_equal(m->obs[0].source, "RIVM");
	assert_int_equal(m->obs[1].period.kind, TL_PERIOD_QUARTER);
	assert_int_equal(m->obs[1].period.sub, 3);
	assert_int_equal(m->obs[1].status, TL_STATUS_SUPPRESSED);
	assert_null(m->obs[1].source);
	assert_string_equal(m->obs[1].note, "te weinig waarnemingen");
	tl_arena_free(a);
	tl_store_close(st);
	tl_errors_free(&e);
	/* user_version follows table schema_version, so that a telling from
	 * before the table still sees that the store is newer than it. */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), tl_schema_version);
	sqlite3_finalize(s);
	sqlite3_close(db);
	unlink(path);
}

/* A store written by schema version 11 packed observation keys indicator
 * first; migration 12 packs them period first (period << 44 | region << 20
 * | indicator) and keeps every cell, and the observation view reads the new
 * keys. */
static void test_version_11_store_keeps_its_observations_when_keys_are_repacked(void **state)
{
	(void)state;
	char path[64];
	snprintf(path, sizeof path, "/tmp/tl-store-v11-%d.db", (int)getpid());
	unlink(path);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (int i = 0; i < 11; i++)
		assert_int_equal(sqlite3_exec(db, tl_schema_migrations[i], NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO agenda (id, slug, title, focus_region, national_region) VALUES (1, 'a', 'A', 'PV22', 'NL01');"
		"INSERT INTO theme VALUES ('t', 1, 'T', NULL);"
		"INSERT INTO indicator (slug, theme, position, title, unit, decimals, polarity, id) VALUES"
		"  ('gezond', 't', 1, 'Gezond', '%', 1, 'higher-is-better', 1),"
		"  ('eenzaam', 't', 2, 'Eenzaam', '%', 1, 'lower-is-better', 2);"
		"INSERT INTO region (code, name, level, id) VALUES ('PV22', 'Drenthe', 'provincie', 1),"
		"  ('GM0106', 'Assen', 'gemeente', 2);"
		"INSERT INTO period VALUES ('2020JJ00', 2020, 'JJ', 0, 202000), ('2024KW03', 2024, 'KW', 3, 202413);"
		"INSERT INTO source (id, text) VALUES (1, 'RIVM');"
		"INSERT INTO import (id, file, started) VALUES (1, 'x.csv', '2026-01-01');"
		"INSERT INTO obs (key, value, status, source_id, note, import_id) VALUES"
		"  ((1 << 43) | (1 << 19) | 202000, 74.2, 0, 1, NULL, 1),"
		"  ((1 << 43) | (2 << 19) | 202413, NULL, 3, NULL, 'te weinig waarnemingen', 1),"
		"  ((2 << 43) | (2 << 19) | 202000, 12.5, 1, 1, NULL, 1);"
		"PRAGMA user_version = 11;", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	tl_errors e = TL_ERRORS_INIT;
	tl_store *st;
	assert_int_equal(tl_store_open(&st, path, &e), 0);
	assert_int_equal(tl_store_count_observations(st), 3);
	tl_arena *a = tl_arena_new();
	struct tl_model *m;
	assert_int_equal(tl_store_load(st, a, &m, &e), 0);
	assert_int_equal(m->n_obs, 3);
	/* In the model's order: indicator slug, region code, period. */
	assert_string_equal(m->obs[0].indicator, "eenzaam");
	assert_string_equal(m->obs[0].region, "GM0106");
	assert_int_equal(m->obs[0].status, TL_STATUS_PROVISIONAL);
	assert_true(m->obs[0].value == 12.5);
	assert_string_equal(m->obs[1].indicator, "gezond");
	assert_string_equal(m->obs[1].region, "GM0106");
	assert_int_equal(m->obs[1].period.kind, TL_PERIOD_QUARTER);
	assert_int_equal(m->obs[1].period.sub, 3);
	assert_int_equal(m->obs[1].status, TL_STATUS_SUPPRESSED);
	assert_string_equal(m->obs[1].note, "te weinig waarnemingen");
	assert_string_equal(m->obs[2].region, "PV22");
	assert_true(m->obs[2].value == 74.2);
	assert_string_equal(m->obs[2].source, "RIVM");
	tl_arena_free(a);
	tl_store_close(st);
	tl_errors_free(&e);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT o.key, v.indicator, v.region, v.period FROM obs o, observation v"
		" WHERE v.value IS o.value AND v.status IS (CASE o.status WHEN 0 THEN 'final' WHEN 1 THEN 'provisional'"
		" ELSE 'suppressed' END) ORDER BY o.key", -1, &s, NULL), SQLITE_OK);
	static const struct { long long key; const char *ind, *reg, *per; } want[] = {
		{(202000LL << 44) | (1 << 20) | 1, "gezond", "PV22", "2020JJ00"},
		{(202000LL << 44) | (2 << 20) | 2, "eenzaam", "GM0106", "2020JJ00"},
		{(202413LL << 44) | (2 << 20) | 1, "gezond", "GM0106", "2024KW03"},
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int64(s, 0), want[i].key);
		assert_string_equal((const char *)sqlite3_column_text(s, 1), want[i].ind);
		assert_string_equal((const char *)sqlite3_column_text(s, 2), want[i].reg);
		assert_string_equal((const char *)sqlite3_column_text(s, 3), want[i].per);
	}
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(db);
	unlink(path);
}

/* A store from before table schema_version kept its version in PRAGMA
 * user_version: opening it moves the version into the table, and migrates
 * nothing twice. */
static void test_user_version_store_gets_a_schema_version_table(void **state)
{
	(void)state;
	char path[64];
	snprintf(path, sizeof path, "/tmp/tl-store-uv-%d.db", (int)getpid());
	unlink(path);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	for (int i = 0; i < tl_schema_version; i++)
		assert_int_equal(sqlite3_exec(db, tl_schema_migrations[i], NULL, NULL, NULL), SQLITE_OK);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", tl_schema_version);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);

	tl_errors e = TL_ERRORS_INIT;
	tl_store *st;
	assert_int_equal(tl_store_open(&st, path, &e), 0);
	assert_int_equal(tl_store_schema_version(st), tl_schema_version);
	tl_store_close(st);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT version FROM schema_version", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(s, 0), tl_schema_version);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);
	sqlite3_finalize(s);
	sqlite3_close(db);
	/* Opening it again reads the table and changes nothing. */
	assert_int_equal(tl_store_open(&st, path, &e), 0);
	assert_int_equal(tl_store_schema_version(st), tl_schema_version);
	tl_store_close(st);
	tl_errors_free(&e);
	unlink(path);
}

/* A PostgreSQL server that is not there: the message names the URI and says why. */
static void test_unreachable_postgresql_is_reported_clearly(void **state)
{
	(void)state;
	tl_errors e = TL_ERRORS_INIT;
	tl_store *st;
	const char *uri = "postgresql:///telling?host=/nonexistent-telling-socket&port=1";
	assert_int_not_equal(tl_store_open(&st, uri, &e), 0);
	assert_null(st);
	assert_string_equal(e.items[0].file, uri);
	assert_non_null(strstr(e.items[0].msg, "store: cannot open: "));
	assert_non_null(strstr(e.items[0].msg, "/nonexistent-telling-socket"));
	tl_errors_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_new_store_is_migrated_to_the_latest_schema, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_store_says_no_agenda_loaded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_framework_round_trips_through_the_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_values_are_stored_without_a_number, setup, teardown),
		cmocka_unit_test_setup_teardown(test_values_and_notes_come_back_exactly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_cell_twice_in_one_import_is_a_duplicate, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_leaves_the_store_as_it_was, setup, teardown),
		cmocka_unit_test_setup_teardown(test_periods_alternating_and_after_a_rollback_are_all_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_indicator_and_region_lookups, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clear_with_data_empties_the_store, setup, teardown),
		cmocka_unit_test_setup_teardown(test_accepted_figures_survive_a_reload, setup, teardown),
		cmocka_unit_test(test_version_2_store_keeps_its_observations_after_migration),
		cmocka_unit_test(test_version_11_store_keeps_its_observations_when_keys_are_repacked),
		cmocka_unit_test(test_user_version_store_gets_a_schema_version_table),
		cmocka_unit_test(test_unreachable_postgresql_is_reported_clearly),
	};
	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
