/* The StatLine "CSV met titels" reader (import/statline_csv.h) on the real
 * 70072ned download in tests/data/cbs/statline-csv-titled/ (values checked
 * by hand; the file is small enough to read whole in the comments), and on
 * small in-memory files for the layouts and symbols the real one lacks:
 * decimal commas, ".", "x", "-", provisional periods, filter lines, periods
 * across the columns, fill-down labels, footers, malformed rows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "import/statline_csv.h"

#include "raw_collect.h"

#define TITLED "cbs/statline-csv-titled/70072ned_regionale_kerncijfers_provincies_2019-2024.csv"

/* The cell of topic `key`, region label `label` (NULL: any) and year. */
static const struct rcell *cell_l(const struct coll *c, const char *key, const char *label, int year)
{
	for (size_t i = 0; i < c->nc; i++) {
		const struct rcell *x = &c->cells[i];
		if (!strcmp(x->topic, key) && (!label || (x->label && !strcmp(x->label, label))) &&
		    (!year || x->period.year == year))
			return x;
	}
	return NULL;
}

static struct coll *read_mem(const char *name, const char *text, int want_rc,
			     struct tl_statline_stats *st, char **msg)
{
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	int rc = tl_read_statline_csv_mem(name, text, strlen(text), &s, st, &e);
	*msg = messages(&e);
	if (rc != want_rc)
		fail_msg("rc %d, expected %d:\n%s", rc, want_rc, *msg);
	tl_errors_free(&e);
	assert_false(c->topic_after_cell);
	assert_false(c->unannounced);
	return c;
}

#define BAR "Bevolking|Bevolkingssamenstelling op 1 januari|Bevolkingsdichtheid"

/* ---- The real download ------------------------------------------------------- */

static void real_titled(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_statline_stats st;
	int rc = tl_read_statline_csv_stats(data_path(TITLED), &s, &st, &e);
	char *msg = messages(&e);
	if (rc != TL_OK || e.n)
		fail_msg("rc %d:\n%s", rc, msg);
	free(msg);
	assert_int_equal(c->tables, 1);
	assert_string_equal(c->table, "70072ned");
	/* 1:"Regionale kerncijfers Nederland" */
	assert_string_equal(c->title, "Regionale kerncijfers Nederland");
	/* 4:"Onderwerp";"Bevolking|…|Bevolkingsdichtheid" × 13 — one topic;
	 * 6:"Perioden";"aantal inwoners per km²" × 13 — its unit */
	assert_int_equal(c->nt, 1);
	assert_string_equal(c->topics[0].key, BAR);
	assert_string_equal(c->topics[0].title, "Bevolkingsdichtheid");
	assert_string_equal(c->topics[0].unit, "aantal inwoners per km\xC2\xB2");
	assert_int_equal(c->topics[0].decimals, -1);
	assert_int_equal(c->topics[0].numeric, 1);
	assert_int_equal(st.header_rows, 3);
	assert_int_equal(st.columns, 13);
	/* grep -c '^"20[0-9][0-9]";' F → 6 rows × 13 regions */
	assert_int_equal(st.rows, 6);
	assert_int_equal(st.cells, 78);
	assert_int_equal(st.values, 78);
	assert_int_equal(st.decimal, 0); /* whole numbers only: undecided */
	/* 7:"2019";"513";"251";"194";"187";… — Drenthe (PV) is the 5th field:
	 * "2019";"513";"251";"194"; is 25 characters                  → 7:26 */
	const struct rcell *x = cell_l(c, BAR, "Drenthe (PV)", 2019);
	assert_non_null(x);
	assert_true(x->value == 187);
	assert_int_equal(x->status, TL_STATUS_FINAL);
	assert_int_equal(x->line, 7);
	assert_int_equal(x->col, 26);
	assert_null(x->region);
	assert_string_equal(x->table, "70072ned");
	assert_string_equal(x->dims, "");
	assert_int_equal(x->period.kind, TL_PERIOD_YEAR);
	/* The same figure as 70072ned's OData file: PV22 2019 Bevolkingsdichtheid_57 = 187. */
	/* 12:"2024";"533";…;"528" */
	x = cell_l(c, BAR, "Nederland", 2024);
	assert_true(x->value == 533);
	x = cell_l(c, BAR, "Limburg (PV)", 2024);
	assert_true(x->value == 528);
	assert_int_equal(x->line, 12);
	assert_non_null(cell_l(c, BAR, "Frysl\xC3\xA2n (PV)", 2021));
	tl_errors_free(&e);
	coll_free(c);
}

/* ---- Symbols, separators, layouts -------------------------------------------- */

static void comma_symbols_filters(void **state)
{
	(void)state;
	static const char text[] =
		"\xEF\xBB\xBF\"Gezondheid; leefstijl\"\r\n"
		"\"\"\r\n"
		"\"Leeftijd: 18 jaar of ouder\"\r\n"
		"\"Een notitie zonder dubbele punt\"\r\n"
		"\"Onderwerp\";\"Gezondheid|Ervaren gezondheid\";\"Gezondheid|Ervaren gezondheid\";\"Roken|Rokers\"\r\n"
		"\"Regio's\";\"Nederland\";\"Drenthe (PV)\";\"Drenthe (PV)\"\r\n"
		"\"Perioden\";\"%\";\"%\";\"%\"\r\n"
		"\"2022\";\"78,4\";\"77,9\";\"17,1\"\r\n"
		"\"2023*\";\".\";\"x\";\"-\"\r\n"
		"\"2024 (voorlopig)\";\"\";\"80,1*\";\"16\"\r\n"
		"\"\";\"79,0\";\"\";\"\"\r\n"
		"\"Bron: CBS\"\r\n"
		"\"2099\";\"garbage after the footer\";\"\";\"\"\r\n";
	struct tl_statline_stats st;
	char *msg;
	struct coll *c = read_mem("gezondheid.csv", text, TL_OK, &st, &msg);
	assert_string_equal(msg, "");
	assert_int_equal(c->tables, 0); /* no CBS id in the name */
	assert_int_equal(c->nt, 2);
	assert_string_equal(c->topics[0].key, "Gezondheid|Ervaren gezondheid");
	assert_string_equal(c->topics[0].unit, "%");
	assert_string_equal(c->topics[1].title, "Rokers");
	assert_int_equal(st.decimal, ',');
	assert_int_equal(st.rows, 4);
	assert_int_equal(st.cells, 12);
	const struct rcell *x = cell_l(c, "Gezondheid|Ervaren gezondheid", "Drenthe (PV)", 2022);
	assert_true(x->value == 77.9);
	assert_string_equal(x->dims, "Leeftijd=18 jaar of ouder"); /* the filter line */
	assert_int_equal(x->line, 8); /* "2022";"78,4"; is 14 characters */
	assert_int_equal(x->col, 15);
	x = cell_l(c, "Gezondheid|Ervaren gezondheid", "Nederland", 2023);
	assert_int_equal(x->status, TL_STATUS_UNKNOWN);
	x = cell_l(c, "Gezondheid|Ervaren gezondheid", "Drenthe (PV)", 2023);
	assert_int_equal(x->status, TL_STATUS_SUPPRESSED);
	x = cell_l(c, "Roken|Rokers", "Drenthe (PV)", 2023);
	assert_int_equal(x->status, TL_STATUS_FINAL); /* nihil */
	assert_true(x->value == 0);
	assert_string_equal(x->note, TL_STATLINE_NIHIL_NOTE);
	x = cell_l(c, "Gezondheid|Ervaren gezondheid", "Nederland", 2024);
	assert_int_equal(x->status, TL_STATUS_NOT_APPLICABLE);
	x = cell_l(c, "Gezondheid|Ervaren gezondheid", "Drenthe (PV)", 2024);
	assert_int_equal(x->status, TL_STATUS_PROVISIONAL);
	assert_true(x->value == 80.1);
	x = cell_l(c, "Roken|Rokers", "Drenthe (PV)", 2024);
	assert_int_equal(x->status, TL_STATUS_PROVISIONAL); /* "2024 (voorlopig)" */
	/* An empty row label repeats the one above: the 4th row is 2024 too. */
	assert_int_equal(c->cells[9].period.year, 2024);
	assert_true(c->cells[9].value == 79.0);
	assert_int_equal(c->cells[9].line, 11);
	assert_null(cell_l(c, "Gezondheid|Ervaren gezondheid", NULL, 2099)); /* after the footer */
	free(msg);
	coll_free(c);
}

static void periods_across_regions_down(void **state)
{
	(void)state;
	/* Transposed: periods across the columns, regions in the rows, quarters. */
	static const char text[] =
		"\"Werkloosheid\"\n"
		"\"Onderwerp\";\"Werkloosheid\";\"Werkloosheid\";\"Werkloosheid\"\n"
		"\"Perioden\";\"2024 1e kwartaal\";\"2024 2e kwartaal\";\"2024 juli*\"\n"
		"\"Geslacht\";\"Totaal\";\"Totaal\";\"Vrouwen\"\n"
		"\"Regio's\";\"%\";\"%\";\"%\"\n"
		"\"Drenthe (PV)\";\"3.5\";\"3.4\";\"3.6\"\n"
		"\"Nederland\";\"3.7\";\"3.6\";\"3.8\"\n";
	struct tl_statline_stats st;
	char *msg;
	struct coll *c = read_mem("80590ned_werkloosheid.csv", text, TL_OK, &st, &msg);
	assert_string_equal(c->table, "80590ned");
	assert_string_equal(c->title, "Werkloosheid");
	assert_int_equal(c->nt, 1);
	assert_string_equal(c->topics[0].unit, "%");
	assert_int_equal(st.decimal, '.');
	assert_int_equal(st.cells, 6);
	const struct rcell *x = &c->cells[1];
	assert_string_equal(x->label, "Drenthe (PV)");
	assert_int_equal(x->period.kind, TL_PERIOD_QUARTER);
	assert_int_equal(x->period.sub, 2);
	assert_true(x->value == 3.4);
	assert_string_equal(x->dims, "Geslacht=Totaal");
	x = &c->cells[5];
	assert_string_equal(x->label, "Nederland");
	assert_int_equal(x->period.kind, TL_PERIOD_MONTH);
	assert_int_equal(x->period.sub, 7);
	assert_int_equal(x->status, TL_STATUS_PROVISIONAL);
	assert_string_equal(x->dims, "Geslacht=Vrouwen");
	free(msg);
	coll_free(c);
}

static void malformed_rows_positioned(void **state)
{
	(void)state;
	static const char text[] =
		"\"Titel\"\n"
		"\"Onderwerp\";\"A\";\"B\"\n"
		"\"Perioden\";\"aantal\";\"%\"\n"
		"\"2019\";\"1,5\";\"2\"\n"
		"\"2020\";\"1.5\";\"veel\"\n"            /* mixed separator, text */
		"\"2021\";\"3\"\n"                        /* too few fields */
		"\"twintig\";\"4\";\"5\"\n"               /* not a period */
		"\"2022\";\"1.234,5\";\"6\"\n"            /* grouping */
		"\"2023\";\"7\";\"8\"\n";
	struct tl_statline_stats st;
	char *msg;
	struct coll *c = read_mem("m.csv", text, TL_ERR_INPUT, &st, &msg);
	assert_has(msg, "m.csv:5:8: decimal point in \"1.5\", but this file writes a decimal comma "
			"(first at line 4, column 8): it mixes both\n");
	assert_has(msg, "m.csv:5:14: not a number or a CBS symbol (., x, -): \"veel\"\n");
	assert_has(msg, "m.csv:6:8: row has 2 fields, but the Onderwerp row (line 2) has 3: \"3\"\n");
	assert_has(msg, "m.csv:7:1: Perioden: \"twintig\" is not a period label");
	assert_has(msg, "m.csv:8:8: \"1.234,5\" has both a decimal comma and a point");
	assert_int_equal(st.rows, 6);
	assert_int_equal(st.bad_rows, 2);
	assert_int_equal(st.bad_cells, 3);
	assert_int_equal(st.cells, 2 + 0 + 1 + 2);
	assert_true(cell_l(c, "A", NULL, 2019)->value == 1.5);
	assert_null(cell_l(c, "A", NULL, 2020));
	assert_null(cell_l(c, "B", NULL, 2020));
	assert_true(cell_l(c, "B", NULL, 2022)->value == 6);
	assert_true(cell_l(c, "B", NULL, 2023)->value == 8);
	free(msg);
	coll_free(c);
}

static void refused_layouts(void **state)
{
	(void)state;
	struct tl_statline_stats st;
	char *msg;
	/* Family B, the long layout. */
	struct coll *c = read_mem("long.csv",
				  "\"Inkomensgrens\";\"Regio's\";\"Perioden\";\"Huishoudens met laag inkomen (%)\"\n"
				  "\"Lage-inkomensgrens\";\"Drenthe (PV)\";\"2011\";\"    12.2\"\n",
				  TL_ERR_INPUT, &st, &msg);
	assert_has(msg, "long.csv:1:1: this is StatLine's long CSV layout");
	assert_int_equal(c->nc, 0);
	free(msg);
	coll_free(c);
	c = read_mem("none.csv", "\"Titel\"\n\"a\";\"b\"\n\"1\";\"2\"\n", TL_ERR_INPUT, &st, &msg);
	assert_has(msg, "none.csv:2:1: no \"Onderwerp\" row with topic paths");
	free(msg);
	coll_free(c);
	c = read_mem("empty.csv", "", TL_ERR_INPUT, &st, &msg);
	assert_has(msg, "empty.csv:1:1: empty file");
	free(msg);
	coll_free(c);
	c = read_mem("t.csv", "\"T\"\n\"Onderwerp\";\"\";\"\"\n", TL_ERR_INPUT, &st, &msg);
	assert_has(msg, "t.csv:2:1: the Onderwerp row names no topic");
	free(msg);
	coll_free(c);
	/* A header without data still reports its topics. */
	c = read_mem("h.csv", "\"T\"\n\"Onderwerp\";\"A\"\n\"Perioden\";\"km\"\n\"Bron: CBS\"\n", TL_OK, &st,
		     &msg);
	assert_int_equal(c->nt, 1);
	assert_string_equal(c->topics[0].unit, "km");
	assert_int_equal(c->nc, 0);
	free(msg);
	coll_free(c);
}

static void sink_stops_reader(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	c->stop_at = 3;
	c->stop_rc = -9;
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_read_statline_csv(data_path(TITLED), &s, &e), -9);
	assert_int_equal(c->nc, 3);
	tl_errors_free(&e);
	coll_free(c);
}

static int sniff_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char head[65536];
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return tl_sniff_statline_csv(head, n);
}

static void sniffer(void **state)
{
	(void)state;
	assert_true(sniff_file(data_path(TITLED)));
	assert_false(sniff_file(data_path("cbs/odata3-untyped-csv/70262ned_UntypedDataSet_05022020_180935.csv")));
	assert_false(sniff_file(data_path("cbs/rivm-gezondheidsmonitor/RIVM_gezondheid2020_18+.drenthe.csv")));
	assert_false(sniff_file(data_path("cbs/metadata-csv-86132NED/86132NED_metadata.csv")));
	assert_false(sniff_file(data_path("cbs-v4/85678NED/Observations.csv")));
	assert_false(sniff_file(data_path("rmbw/brede-welvaart-indicators.drenthe.wide.csv")));
	assert_false(sniff_file(data_path("cbs/odata3-typed-84489NED/84489NED_TypedDataSet.json")));
	assert_false(tl_sniff_statline_csv("\"A\";\"B\"\n\"2019\";\"5\"\n\"Onderwerp\";\"x\"\n", 37));
	assert_false(tl_sniff_statline_csv("", 0));
	assert_true(tl_sniff_statline_csv("\"T\"\n\"Regio's\";\"Nederland\"\n\"Onderwerp\";\"x\"\n", 41));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(real_titled),
		cmocka_unit_test(comma_symbols_filters),
		cmocka_unit_test(periods_across_regions_down),
		cmocka_unit_test(malformed_rows_positioned),
		cmocka_unit_test(refused_layouts),
		cmocka_unit_test(sink_stops_reader),
		cmocka_unit_test(sniffer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
