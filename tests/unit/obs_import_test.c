/* Importing a long observations CSV: header mapping, cell rules, positions
 * of every error, duplicates naming both lines, blank rows.  The figures are
 * synthetic test values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "import/obs_import.h"
#include "store/store.h"
#include "test_store.h"

struct fx {
	char path[64];
	tl_store *st;
	tl_arena *a;
	tl_errors errs;
	struct tl_import_stats stats;
	char *text; /* every error of the last import, one per line */
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/tl-obs-import-test-%d.db", (int)getpid());
	unlink(f->path);
	tl_errors e = TL_ERRORS_INIT;
	if (tl_store_open(&f->st, test_store_uri(f->path), &e))
		return -1;
	tl_store_bulk_rows(f->st, TEST_BULK_ROWS);
	f->a = tl_arena_new();
	struct tl_agenda ag = {.slug = "t", .title = "T", .period_start = 2024, .period_end = 2029,
			       .report_year = 2025, .focus_region = "PV22", .national_region = "NL01",
			       .lang = "nl"};
	struct tl_theme th = {"thema", 1, "Thema", NULL};
	struct tl_goal g = {1, "thema", "Doel", NULL};
	int goal = 1;
	struct tl_indicator ind[] = {
		{.slug = "aandeel-a", .theme = "thema", .title = "A", .unit = "%", .decimals = 1,
		 .polarity = TL_POLARITY_HIGHER_BETTER, .source = "Test", .goals = &goal, .n_goals = 1,
		 .position = 1},
		{.slug = "bedrag-c", .theme = "thema", .title = "C", .unit = "euro", .decimals = 0,
		 .polarity = TL_POLARITY_NEUTRAL, .source = "Test", .position = 2},
	};
	struct tl_region reg[] = {
		{"NL01", "Nederland", "land", NULL, 2025},
		{"PV22", "Drenthe", "provincie", "NL01", 2025},
		{"GM0106", "Assen", "gemeente", "PV22", 2025},
	};
	int bad = tl_store_begin(f->st, &e) || tl_store_put_agenda(f->st, &ag, &e) ||
		  tl_store_put_theme(f->st, &th, &e) || tl_store_put_goal(f->st, &g, &e);
	for (size_t i = 0; i < 3; i++)
		bad = bad || tl_store_put_region(f->st, &reg[i], &e);
	for (size_t i = 0; i < 2; i++)
		bad = bad || tl_store_put_indicator(f->st, &ind[i], &e);
	bad = bad || tl_store_commit(f->st, &e);
	if (bad) {
		tl_errors_print(&e, stderr);
		return -1;
	}
	tl_errors_free(&e);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	tl_store_close(f->st);
	tl_arena_free(f->a);
	tl_errors_free(&f->errs);
	free(f->text);
	test_store_remove(f->path);
	free(f);
	return 0;
}

static void collect_text(struct fx *f)
{
	tl_buf b = TL_BUF_INIT;
	for (size_t i = 0; i < f->errs.n; i++) {
		char *s = tl_error_format(&f->errs.items[i], f->errs.is_warning[i]);
		tl_buf_printf(&b, "%s\n", s);
		free(s);
	}
	free(f->text);
	f->text = tl_buf_detach(&b, NULL);
}

/* Import csv as file "o.csv" in its own transaction (committed when clean,
 * rolled back otherwise, as the CLI does).  Errors go to f->errs/f->text. */
static int import(struct fx *f, const char *csv)
{
	tl_errors_free(&f->errs);
	int64_t id;
	assert_int_equal(tl_store_begin(f->st, &f->errs), 0);
	assert_int_equal(tl_store_import_begin(f->st, "o.csv", &id, &f->errs), 0);
	int r = tl_obs_import_mem(f->st, "o.csv", csv, strlen(csv), id, &f->stats, &f->errs);
	if (r)
		tl_store_rollback(f->st);
	else
		assert_int_equal(tl_store_commit(f->st, &f->errs), 0);
	collect_text(f);
	return r;
}

static void assert_clean(struct fx *f, int r)
{
	if (r || f->errs.n)
		fail_msg("unexpected errors:\n%s", f->text);
}

static void assert_error(struct fx *f, const char *want)
{
	if (!strstr(f->text, want))
		fail_msg("expected error\n  %s\nin\n%s", want, f->text);
}

/* The stored cell, from a fresh load of the store. */
static const struct tl_observation *cell(struct fx *f, const char *ind, const char *reg,
					 const char *period)
{
	struct tl_model *m;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_store_load(f->st, f->a, &m, &e), 0);
	tl_errors_free(&e);
	struct tl_period p;
	assert_int_equal(tl_period_parse(period, strlen(period), &p), 0);
	return tl_model_obs(m, ind, reg, &p);
}

/* ---- Accepted input ----------------------------------------------------- */

static void test_english_header_with_point_decimals_is_imported(void **state)
{
	struct fx *f = *state;
	int r = import(f, "indicator,region,period,value\n"
			  "aandeel-a,PV22,2024,74.2\n"
			  "aandeel-a,NL01,2024,-3\n");
	assert_clean(f, r);
	assert_int_equal(f->stats.rows, 2);
	assert_int_equal(f->stats.observations, 2);
	assert_int_equal(f->stats.skipped, 0);
	const struct tl_observation *o = cell(f, "aandeel-a", "PV22", "2024");
	assert_non_null(o);
	assert_true(o->value == 74.2);
	assert_int_equal(o->status, TL_STATUS_FINAL);
	assert_true(cell(f, "aandeel-a", "NL01", "2024")->value == -3);
}

static void test_dutch_header_in_any_order_and_case_with_decimal_comma(void **state)
{
	struct fx *f = *state;
	int r = import(f, "WAARDE;Periode;Regio;Indicator;Bron;Toelichting;Status\n"
			  "\"74,2\";2024JJ00;PV22;aandeel-a;CBS;uit tabel 1;voorlopig\n");
	assert_clean(f, r);
	const struct tl_observation *o = cell(f, "aandeel-a", "PV22", "2024");
	assert_true(o->value == 74.2);
	assert_int_equal(o->status, TL_STATUS_PROVISIONAL);
	assert_string_equal(o->source, "CBS");
	assert_string_equal(o->note, "uit tabel 1");
}

static void test_fields_are_trimmed_like_cbs_padded_codes(void **state)
{
	struct fx *f = *state;
	int r = import(f, "\xEF\xBB\xBF\"indicator \";\"region\";\"period\";\"value\"\r\n"
			  "\" aandeel-a\";\"GM0106    \";\"2024JJ00\";\"    12.2\"\r\n");
	assert_clean(f, r);
	assert_true(cell(f, "aandeel-a", "GM0106", "2024")->value == 12.2);
}

static void test_every_period_form_is_accepted(void **state)
{
	struct fx *f = *state;
	int r = import(f, "indicator;region;period;value\n"
			  "bedrag-c;PV22;2023;1\n"
			  "bedrag-c;PV22;2024JJ00;2\n"
			  "bedrag-c;PV22;2024KW02;3\n"
			  "bedrag-c;PV22;2024MM11;4\n");
	assert_clean(f, r);
	assert_true(cell(f, "bedrag-c", "PV22", "2024KW02")->value == 3);
	assert_true(cell(f, "bedrag-c", "PV22", "2024MM11")->value == 4);
}

static void test_dot_means_unknown_and_empty_means_not_applicable(void **state)
{
	struct fx *f = *state;
	int r = import(f, "indicator;region;period;value;status;note\n"
			  "aandeel-a;PV22;2022;.;;\n"
			  "aandeel-a;PV22;2023;;;\n"
			  "aandeel-a;PV22;2024;;geheim;\n"
			  "aandeel-a;NL01;2024;;missing;nog niet gepubliceerd\n"
			  "aandeel-a;NL01;2023;  .  ;onbekend;\n");
	assert_clean(f, r);
	assert_int_equal(cell(f, "aandeel-a", "PV22", "2022")->status, TL_STATUS_UNKNOWN);
	assert_int_equal(cell(f, "aandeel-a", "PV22", "2023")->status, TL_STATUS_NOT_APPLICABLE);
	assert_int_equal(cell(f, "aandeel-a", "PV22", "2024")->status, TL_STATUS_SUPPRESSED);
	const struct tl_observation *o = cell(f, "aandeel-a", "NL01", "2024");
	assert_int_equal(o->status, TL_STATUS_MISSING);
	assert_string_equal(o->note, "nog niet gepubliceerd");
	assert_int_equal(cell(f, "aandeel-a", "NL01", "2023")->status, TL_STATUS_UNKNOWN);
}

static void test_status_is_case_insensitive_and_accepts_cbs_symbols(void **state)
{
	struct fx *f = *state;
	int r = import(f, "indicator;region;period;value;status\n"
			  "aandeel-a;PV22;2022;1,5;*\n"
			  "aandeel-a;PV22;2023;2;Definitief\n"
			  "aandeel-a;PV22;2024;;NVT\n");
	assert_clean(f, r);
	assert_int_equal(cell(f, "aandeel-a", "PV22", "2022")->status, TL_STATUS_PROVISIONAL);
	assert_int_equal(cell(f, "aandeel-a", "PV22", "2023")->status, TL_STATUS_FINAL);
	assert_int_equal(cell(f, "aandeel-a", "PV22", "2024")->status, TL_STATUS_NOT_APPLICABLE);
}

static void test_blank_rows_are_skipped_and_counted(void **state)
{
	struct fx *f = *state;
	int r = import(f, "indicator;region;period;value\n"
			  "aandeel-a;PV22;2022;1\n"
			  "\n"
			  ";;;\n"
			  "  ; ;\t;\n"
			  "aandeel-a;PV22;2023;2\n\n\n");
	assert_clean(f, r);
	assert_int_equal(f->stats.rows, 5);
	assert_int_equal(f->stats.skipped, 3);
	assert_int_equal(f->stats.observations, 2);
}

static void test_a_later_import_replaces_cells_of_an_earlier_one(void **state)
{
	struct fx *f = *state;
	assert_clean(f, import(f, "indicator;region;period;value\naandeel-a;PV22;2024;1\n"));
	assert_clean(f, import(f, "indicator;region;period;value\naandeel-a;PV22;2024;2\n"));
	assert_true(cell(f, "aandeel-a", "PV22", "2024")->value == 2);
	assert_int_equal(tl_store_count_observations(f->st), 1);
}

static void test_file_input_is_imported(void **state)
{
	struct fx *f = *state;
	char path[64];
	snprintf(path, sizeof path, "/tmp/tl-obs-import-%d.csv", (int)getpid());
	FILE *fp = fopen(path, "w");
	fputs("indicator;region;period;value\naandeel-a;PV22;2024;5,5\n", fp);
	fclose(fp);
	int64_t id;
	assert_int_equal(tl_store_begin(f->st, &f->errs), 0);
	assert_int_equal(tl_store_import_begin(f->st, path, &id, &f->errs), 0);
	assert_int_equal(tl_obs_import_file(f->st, path, id, &f->stats, &f->errs), 0);
	assert_int_equal(tl_store_commit(f->st, &f->errs), 0);
	unlink(path);
	assert_true(cell(f, "aandeel-a", "PV22", "2024")->value == 5.5);
}

/* ---- Header errors ------------------------------------------------------ */

static void test_missing_required_column_is_an_error_at_line_1(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period\naandeel-a;PV22;2024\n"), TL_ERR_INPUT);
	assert_error(f, "o.csv:1:1: missing required column \"value\" (or \"waarde\")\n");
	assert_int_equal(f->errs.n, 1);
}

static void test_unknown_column_is_named_with_the_accepted_names(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;jaar;period;value\n"), TL_ERR_INPUT);
	assert_error(f, "o.csv:1:18: unknown column \"jaar\"; accepted: indicator, region (regio), "
			"period (periode), value (waarde), status, source (bron), note (toelichting)");
}

static void test_column_given_twice_is_an_error(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value;waarde\n"), TL_ERR_INPUT);
	assert_error(f, "o.csv:1:31: column \"waarde\" appears twice (also column 4)");
}

static void test_empty_file_is_an_error(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, ""), TL_ERR_INPUT);
	assert_error(f, "o.csv:1:1: empty file: expected a header row");
	assert_int_equal(import(f, "\xEF\xBB\xBF\r\n\r\n"), TL_ERR_INPUT);
	assert_error(f, "o.csv:1:1: empty file");
}

static void test_header_only_is_an_empty_import(void **state)
{
	struct fx *f = *state;
	assert_clean(f, import(f, "indicator;region;period;value\n"));
	assert_int_equal(f->stats.rows, 0);
}

/* ---- Cell errors -------------------------------------------------------- */

static void test_unknown_indicator_and_region_are_reported_at_their_cells(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value\n"
				   "aandeel-a;PV22;2024;1\n"
				   "xyz;GM9999;2024;1\n"),
			 TL_ERR_INPUT);
	assert_error(f, "o.csv:3:1: unknown indicator \"xyz\" (not in agenda.yml)\n");
	assert_error(f, "o.csv:3:5: unknown region \"GM9999\" (not in agenda.yml)\n");
	assert_int_equal(f->errs.n, 2);
}

static void test_bad_period_codes_are_errors(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value\n"
				   "aandeel-a;PV22;2024XX01;1\n"
				   "aandeel-a;PV22;24;1\n"
				   "aandeel-a;PV22;2024KW05;1\n"
				   "aandeel-a;PV22;;1\n"),
			 TL_ERR_INPUT);
	assert_error(f, "o.csv:2:16: bad period \"2024XX01\" (expected a year like 2024");
	assert_error(f, "o.csv:3:16: bad period \"24\"");
	assert_error(f, "o.csv:4:16: bad period \"2024KW05\"");
	assert_error(f, "o.csv:5:16: bad period \"\"");
}

static void test_mixed_decimal_separators_name_the_line_of_the_other_style(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value\n"
				   "aandeel-a;PV22;2021;12\n"
				   "aandeel-a;PV22;2022;1,5\n"
				   "aandeel-a;PV22;2023;7\n"
				   "aandeel-a;PV22;2024;2.5\n"),
			 TL_ERR_INPUT);
	assert_error(f, "o.csv:5:21: mixed decimal separators: \"2.5\" uses a point, but line 3 "
			"used a comma");
	assert_int_equal(f->errs.n, 1);
}

static void test_thousands_separators_exponents_inf_and_nan_are_rejected(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value\n"
				   "bedrag-c;PV22;2020;\"1.234,5\"\n"
				   "bedrag-c;PV22;2021;1.234.567\n"
				   "bedrag-c;PV22;2022;1e5\n"
				   "bedrag-c;PV22;2023;inf\n"
				   "bedrag-c;PV22;2024;NaN\n"
				   "bedrag-c;NL01;2024;-Infinity\n"
				   "bedrag-c;NL01;2023;12 345\n"
				   "bedrag-c;NL01;2022;0x10\n"),
			 TL_ERR_INPUT);
	assert_error(f, "o.csv:2:20: thousands separator in \"1.234,5\"");
	assert_error(f, "o.csv:3:20: thousands separator in \"1.234.567\"");
	assert_error(f, "o.csv:4:20: number with an exponent: \"1e5\"");
	assert_error(f, "o.csv:5:20: not a number: \"inf\" (inf and nan are not allowed");
	assert_error(f, "o.csv:6:20: not a number: \"NaN\"");
	assert_error(f, "o.csv:7:20: not a number: \"-Infinity\"");
	assert_error(f, "o.csv:8:20: not a number: \"12 345\"");
	assert_error(f, "o.csv:9:20: not a number: \"0x10\"");
	assert_int_equal(f->errs.n, 8);
}

static void test_status_contradicting_the_value_is_an_error(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value;status;note\n"
				   "aandeel-a;PV22;2020;12,5;unknown;\n"
				   "aandeel-a;PV22;2021;3;missing;reden\n"
				   "aandeel-a;PV22;2022;;final;\n"
				   "aandeel-a;PV22;2023;;voorlopig;\n"
				   "aandeel-a;PV22;2024;.;final;\n"
				   "aandeel-a;NL01;2024;.;nvt;\n"),
			 TL_ERR_INPUT);
	assert_error(f, "o.csv:2:21: value \"12,5\" contradicts status \"unknown\"");
	assert_error(f, "o.csv:3:21: value \"3\" contradicts status \"missing\"");
	assert_error(f, "o.csv:4:22: status \"final\" needs a value");
	assert_error(f, "o.csv:5:22: status \"provisional\" needs a value");
	assert_error(f, "o.csv:6:21: value \".\" means unknown, but the status is \"final\"");
	assert_error(f, "o.csv:7:21: value \".\" means unknown, but the status is \"not-applicable\"");
	assert_int_equal(f->errs.n, 6);
}

static void test_status_missing_needs_a_note(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value;status\n"
				   "aandeel-a;PV22;2024;;ontbreekt\n"),
			 TL_ERR_INPUT);
	assert_error(f, "o.csv:2:22: status \"missing\" needs a note saying why");
}

static void test_unknown_status_lists_the_accepted_ones(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value;status\n"
				   "aandeel-a;PV22;2024;1;zeker\n"),
			 TL_ERR_INPUT);
	assert_error(f, "o.csv:2:23: unknown status \"zeker\"; accepted: final (definitief)");
}

static void test_wrong_number_of_fields_is_an_error(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value\n"
				   "aandeel-a;PV22;2024\n"
				   "aandeel-a;PV22;2023;1;extra\n"),
			 TL_ERR_INPUT);
	assert_error(f, "o.csv:2:1: row has 3 fields, but the header (line 1) has 4\n");
	assert_error(f, "o.csv:3:23: row has 5 fields, but the header (line 1) has 4\n");
}

static void test_duplicate_cell_names_both_lines(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value\n"
				   "aandeel-a;PV22;2023;1\n"
				   "aandeel-a;PV22;2024;1\n"
				   "aandeel-a;NL01;2024;1\n"
				   "aandeel-a;PV22;2024JJ00;2\n"
				   "xyz;PV22;2024;1\n"
				   "aandeel-a;PV22;2023;3\n"),
			 TL_ERR_INPUT);
	assert_string_equal(f->text,
			    "o.csv:5:1: duplicate cell: indicator \"aandeel-a\", region \"PV22\", "
			    "period 2024JJ00 is also on line 3\n"
			    "o.csv:6:1: unknown indicator \"xyz\" (not in agenda.yml)\n"
			    "o.csv:7:1: duplicate cell: indicator \"aandeel-a\", region \"PV22\", "
			    "period 2023JJ00 is also on line 2\n");
}

static void test_duplicate_in_a_file_names_both_lines(void **state)
{
	struct fx *f = *state;
	char path[64];
	snprintf(path, sizeof path, "/tmp/tl-obs-import-dup-%d.csv", (int)getpid());
	FILE *fp = fopen(path, "w");
	fputs("indicator;region;period;value\n\"aandeel-a\";PV22;2024;1\n"
	      "\"two\nlines\";;;\naandeel-a;PV22;2024;2\n", fp);
	fclose(fp);
	int64_t id;
	assert_int_equal(tl_store_begin(f->st, &f->errs), 0);
	assert_int_equal(tl_store_import_begin(f->st, path, &id, &f->errs), 0);
	assert_int_equal(tl_obs_import_file(f->st, path, id, &f->stats, &f->errs), TL_ERR_INPUT);
	tl_store_rollback(f->st);
	unlink(path);
	collect_text(f);
	assert_error(f, ":5:1: duplicate cell: indicator \"aandeel-a\", region \"PV22\", period "
			"2024JJ00 is also on line 2\n");
	assert_error(f, ":3:1: unknown indicator \"two\\nlines\"");
}

/* Row r of a long file of 2 indicators x 3 regions x 1800..2200 x (12
 * months, 4 quarters): 38 496 rows, more than the store's bulk batch. */
enum { LARGE_ROWS = 2 * 3 * 401 * 16 };

static void large_row(tl_buf *b, int r, int value)
{
	static const char *const inds[] = {"aandeel-a", "bedrag-c"}, *const regs[] = {"NL01", "PV22", "GM0106"};
	int p = r % 16, y = 1800 + r / 16 % 401, g = r / 16 / 401;
	tl_buf_printf(b, "%s;%s;%d%s%02d;%d\n", inds[g / 3], regs[g % 3], y, p < 12 ? "MM" : "KW",
		      p < 12 ? p + 1 : p - 11, value);
}

/* A file larger than the store's bulk batch (32 768 cells): its cells are
 * written on the store's writer thread while the file is read on.  All of
 * them arrive.  Imported again with two duplicates — one inside the first
 * batch (found by that thread), one across batches — both name their two
 * lines, and the rollback leaves the first import as it was. */
static void test_a_large_file_is_written_whole_and_its_duplicates_name_both_lines(void **state)
{
	struct fx *f = *state;
	tl_buf b = TL_BUF_INIT;
	tl_buf_puts(&b, "indicator;region;period;value\n");
	for (int r = 0; r < LARGE_ROWS; r++)
		large_row(&b, r, r % 1000);
	assert_clean(f, import(f, b.data));
	assert_int_equal(f->stats.observations, LARGE_ROWS);
	assert_int_equal(tl_store_count_observations(f->st), LARGE_ROWS);
	const struct tl_observation *o = cell(f, "bedrag-c", "GM0106", "2200KW04");
	assert_non_null(o);
	assert_true(o->value == (LARGE_ROWS - 1) % 1000);

	tl_buf_reset(&b);
	tl_buf_puts(&b, "indicator;region;period;value\n");
	for (int r = 0; r < LARGE_ROWS; r++) {
		large_row(&b, r, 5000);
		if (r == 99)
			large_row(&b, 3, 6000); /* line 102: the cell of line 5 */
	}
	large_row(&b, 6, 6000); /* line LARGE_ROWS + 3: the cell of line 8 */
	assert_int_equal(import(f, b.data), TL_ERR_INPUT);
	tl_buf_free(&b);
	char want[512];
	snprintf(want, sizeof want,
		 "o.csv:102:1: duplicate cell: indicator \"aandeel-a\", region \"NL01\", "
		 "period 1800MM04 is also on line 5\n"
		 "o.csv:%d:1: duplicate cell: indicator \"aandeel-a\", region \"NL01\", "
		 "period 1800MM07 is also on line 8\n", LARGE_ROWS + 3);
	assert_string_equal(f->text, want);
	assert_int_equal(f->stats.observations, LARGE_ROWS);
	assert_int_equal(tl_store_count_observations(f->st), LARGE_ROWS);
	o = cell(f, "bedrag-c", "GM0106", "2200KW04");
	assert_true(o->value == (LARGE_ROWS - 1) % 1000);
}

static void test_csv_syntax_errors_are_reported_and_later_rows_still_checked(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value\n"
				   "aandeel-a;PV22;2024;1\"2\n"
				   "aandeel-a;XX;2024;1\n"),
			 TL_ERR_INPUT);
	assert_error(f, "o.csv:2:22: quote inside an unquoted field");
	assert_error(f, "o.csv:3:11: unknown region \"XX\"");
	assert_int_equal(f->stats.rows, 2);
}

static void test_every_error_is_collected_and_counting_goes_on_past_the_limit(void **state)
{
	struct fx *f = *state;
	tl_buf b = TL_BUF_INIT;
	tl_buf_puts(&b, "indicator;region;period;value\n");
	for (int i = 0; i < 150; i++)
		tl_buf_printf(&b, "nope-%d;PV22;2024;1\n", i);
	assert_int_equal(import(f, b.data), TL_ERR_INPUT);
	assert_int_equal(f->errs.n, 100);
	assert_int_equal(tl_errors_count(&f->errs), 150);
	assert_int_equal(f->stats.rows, 150);
	tl_buf_free(&b);
}

static void test_failed_import_leaves_nothing_after_rollback(void **state)
{
	struct fx *f = *state;
	assert_int_equal(import(f, "indicator;region;period;value\n"
				   "aandeel-a;PV22;2024;1\n"
				   "aandeel-a;PV22;2023;x\n"),
			 TL_ERR_INPUT);
	assert_int_equal(tl_store_count_observations(f->st), 0);
}

static void test_missing_file_is_an_io_error(void **state)
{
	struct fx *f = *state;
	tl_errors_free(&f->errs);
	assert_int_equal(tl_obs_import_file(f->st, "/nonexistent/x.csv", 1, &f->stats, &f->errs),
			 TL_ERR_IO);
	collect_text(f);
	assert_error(f, "/nonexistent/x.csv: cannot open: ");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(test_english_header_with_point_decimals_is_imported),
		T(test_dutch_header_in_any_order_and_case_with_decimal_comma),
		T(test_fields_are_trimmed_like_cbs_padded_codes),
		T(test_every_period_form_is_accepted),
		T(test_dot_means_unknown_and_empty_means_not_applicable),
		T(test_status_is_case_insensitive_and_accepts_cbs_symbols),
		T(test_blank_rows_are_skipped_and_counted),
		T(test_a_later_import_replaces_cells_of_an_earlier_one),
		T(test_file_input_is_imported),
		T(test_missing_required_column_is_an_error_at_line_1),
		T(test_unknown_column_is_named_with_the_accepted_names),
		T(test_column_given_twice_is_an_error),
		T(test_empty_file_is_an_error),
		T(test_header_only_is_an_empty_import),
		T(test_unknown_indicator_and_region_are_reported_at_their_cells),
		T(test_bad_period_codes_are_errors),
		T(test_mixed_decimal_separators_name_the_line_of_the_other_style),
		T(test_thousands_separators_exponents_inf_and_nan_are_rejected),
		T(test_status_contradicting_the_value_is_an_error),
		T(test_status_missing_needs_a_note),
		T(test_unknown_status_lists_the_accepted_ones),
		T(test_wrong_number_of_fields_is_an_error),
		T(test_duplicate_cell_names_both_lines),
		T(test_duplicate_in_a_file_names_both_lines),
		T(test_a_large_file_is_written_whole_and_its_duplicates_name_both_lines),
		T(test_csv_syntax_errors_are_reported_and_later_rows_still_checked),
		T(test_every_error_is_collected_and_counting_goes_on_past_the_limit),
		T(test_failed_import_leaves_nothing_after_rollback),
		T(test_missing_file_is_an_io_error),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
