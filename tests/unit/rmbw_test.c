/* The RMBW reader on the real Drenthe files in tests/data/rmbw/ (values
 * checked by hand against the files, with the shell command in a comment):
 * long and wide give the same cells, 0 is reported as missing, and header
 * variants, malformed rows and the number forms of the source on small
 * inputs in memory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "import/rmbw.h"

#include "raw_collect.h"

#define LONG "rmbw/brede-welvaart-indicators.drenthe.long.csv"
#define WIDE "rmbw/brede-welvaart-indicators.drenthe.wide.csv"
#define ALL "/work/shared/data/brede-welvaart/brede-welvaart-indicators.all-gemeenten.wide.csv"

static const struct rcell *find(const struct coll *c, const char *topic, const char *region,
				int year)
{
	for (size_t i = 0; i < c->nc; i++)
		if (!strcmp(c->cells[i].topic, topic) && !strcmp(c->cells[i].region, region) &&
		    c->cells[i].period.year == year)
			return &c->cells[i];
	return NULL;
}

static int read_file(const char *rel, enum tl_format layout, struct coll *c,
		     struct tl_rmbw_stats *st, tl_errors *e)
{
	struct tl_raw_sink s = sink_of(c);
	return tl_read_rmbw_file(data_path(rel), layout, &s, st, e);
}

static int read_mem(const char *text, enum tl_format layout, struct coll *c,
		    struct tl_rmbw_stats *st, tl_errors *e)
{
	struct tl_raw_sink s = sink_of(c);
	return tl_read_rmbw_mem("t.csv", text, strlen(text), layout, &s, st, e);
}

/* ---- The real files ---------------------------------------------------------- */

static void long_real(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	c->check_regions = 1;
	tl_errors e = TL_ERRORS_INIT;
	struct tl_rmbw_stats st;
	assert_int_equal(read_file(LONG, TL_FORMAT_RMBW_LONG, c, &st, &e), TL_OK);
	char *msg = messages(&e);
	/* awk -F, 'NR>1' …long.csv | wc -l                       → 3456 */
	assert_int_equal(st.rows, 3456);
	assert_int_equal(st.cells, 3456);
	assert_int_equal(c->nc, 3456);
	/* awk -F, 'NR>1 && $5+0 != 0' …long.csv | wc -l           → 2905 */
	assert_int_equal(st.values, 2905);
	/* awk -F, 'NR>1 && $5+0 == 0' …long.csv | wc -l           → 551 */
	assert_int_equal(st.zeros, 551);
	assert_int_equal(st.empty, 0);
	assert_int_equal(st.bad, 0);
	assert_int_equal(st.sentinels, 0);
	/* awk -F, 'NR>1 {print $1}' …long.csv | sort -u | wc -l   → 41 (and $2 → 12) */
	assert_int_equal(st.topics, 41);
	assert_int_equal(c->nt, 41);
	assert_int_equal(st.regions, 12);
	assert_false(c->unannounced); /* each topic and region before its first cell */

	/* grep -n 'ExperiencedHealth,GM0106,Assen,2020' …long.csv
	 * 687:ExperiencedHealth,GM0106,Assen,2020,80.5779826747 (the value at column 37) */
	const struct rcell *x = find(c, "ExperiencedHealth", "GM0106", 2020);
	assert_non_null(x);
	assert_true(x->value == 80.5779826747);
	assert_int_equal(x->status, TL_STATUS_FINAL);
	assert_int_equal(x->line, 687);
	assert_int_equal(x->col, 37);
	assert_null(x->table);
	assert_string_equal(x->dims, "");
	assert_true(x->has_period);
	assert_int_equal(x->period.kind, TL_PERIOD_YEAR);
	assert_null(x->note);
	/* 2018 is not in the file for this indicator: no cell */
	assert_null(find(c, "ExperiencedHealth", "GM0106", 2018));

	/* The rule, visible: one warning at the first 0.
	 * 257:ContactWithFamilyEtc,GM1701,Westerveld,2013,0 */
	assert_int_equal(e.warnings, 1);
	assert_int_equal(tl_errors_count(&e), 0);
	assert_has(msg, "brede-welvaart-indicators.drenthe.long.csv:257:45: warning: 551 cells "
			"hold 0, which this source writes for \"no figure\": reported as missing, "
			"not as 0 (first here)");
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

static void wide_real(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	c->check_regions = 1;
	tl_errors e = TL_ERRORS_INIT;
	struct tl_rmbw_stats st;
	assert_int_equal(read_file(WIDE, TL_FORMAT_RMBW_WIDE, c, &st, &e), TL_OK);
	char *msg = messages(&e);
	/* awk -F, 'NR>1' …wide.csv | wc -l → 492 = 41 indicators × 12 municipalities */
	assert_int_equal(st.rows, 492);
	assert_int_equal(st.cells, 3456);
	assert_int_equal(st.values, 2905);
	assert_int_equal(st.zeros, 551);
	/* awk -F, 'NR>1{for(i=4;i<=NF;i++){v=$i; sub(/\r$/,"",v); if(v=="")e++}} END{print e}' → 1956 */
	assert_int_equal(st.empty, 1956);
	assert_int_equal(st.bad, 0);
	assert_int_equal(st.topics, 41);
	assert_int_equal(st.regions, 12);
	assert_false(c->unannounced);

	/* 98:ExperiencedHealth,GM0106,Assen,,,,78.3132592951,,,,80.5779826747,,71.102641367,
	 * Year2020 is the eighth year column: column 31 + 3 + 14 + 3 + 1 = 52. */
	const struct rcell *x = find(c, "ExperiencedHealth", "GM0106", 2020);
	assert_non_null(x);
	assert_true(x->value == 80.5779826747);
	assert_int_equal(x->status, TL_STATUS_FINAL);
	assert_int_equal(x->line, 98);
	assert_int_equal(x->col, 52);
	assert_true(find(c, "ExperiencedHealth", "GM0106", 2016)->value == 78.3132592951);
	assert_true(find(c, "ExperiencedHealth", "GM0106", 2022)->value == 71.102641367);
	assert_null(find(c, "ExperiencedHealth", "GM0106", 2018)); /* empty: not reported */
	assert_has(msg, "drenthe.wide.csv:35:40: warning: 551 cells hold 0");
	assert_int_equal(e.warnings, 1);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

/* "topic|region|year|status|value" of every cell, sorted, one per line. */
static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *cell_set(const struct coll *c)
{
	char **keys = calloc(c->nc ? c->nc : 1, sizeof *keys);
	assert_non_null(keys);
	for (size_t i = 0; i < c->nc; i++) {
		const struct rcell *x = &c->cells[i];
		tl_buf b = TL_BUF_INIT;
		tl_buf_printf(&b, "%s|%s|%d|%d|%.17g|%s", x->topic, x->region, x->period.year,
			      (int)x->status, x->value, x->note ? x->note : "");
		keys[i] = tl_buf_detach(&b, NULL);
	}
	qsort(keys, c->nc, sizeof *keys, cmp_str);
	tl_buf out = TL_BUF_INIT;
	for (size_t i = 0; i < c->nc; i++) {
		tl_buf_puts(&out, keys[i]);
		tl_buf_putc(&out, '\n');
		free(keys[i]);
	}
	free(keys);
	return tl_buf_detach(&out, NULL);
}

static char *region_set(const struct coll *c)
{
	tl_buf out = TL_BUF_INIT;
	for (size_t i = 0; i < c->nr; i++) {
		const struct rregion *r = &c->regions[i];
		tl_buf_printf(&out, "%s|%s|%s|%s|%d\n", r->code, r->name, r->level ? r->level : "",
			      r->parent ? r->parent : "", r->year);
	}
	return tl_buf_detach(&out, NULL);
}

static void long_equals_wide(void **state)
{
	(void)state;
	struct coll *l = coll_new(), *w = coll_new();
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(read_file(LONG, TL_FORMAT_RMBW_LONG, l, NULL, &e), TL_OK);
	assert_int_equal(read_file(WIDE, TL_FORMAT_RMBW_WIDE, w, NULL, &e), TL_OK);
	char *a = cell_set(l), *b = cell_set(w);
	assert_int_equal(l->nc, 3456);
	assert_string_equal(a, b);
	free(a);
	free(b);
	/* Both files list the indicators and regions in the same order. */
	a = region_set(l);
	b = region_set(w);
	assert_string_equal(a, b);
	free(a);
	free(b);
	assert_int_equal(l->nt, w->nt);
	for (size_t i = 0; i < l->nt; i++)
		assert_string_equal(l->topics[i].key, w->topics[i].key);
	tl_errors_free(&e);
	coll_free(l);
	coll_free(w);
}

static void zeros_are_missing(void **state)
{
	(void)state;
	for (int wide = 0; wide <= 1; wide++) {
		struct coll *c = coll_new();
		tl_errors e = TL_ERRORS_INIT;
		assert_int_equal(read_file(wide ? WIDE : LONG,
					   wide ? TL_FORMAT_RMBW_WIDE : TL_FORMAT_RMBW_LONG, c, NULL, &e),
				 TL_OK);
		/* grep -E '^(OftenFeelingUnsafe|SocialCohesion),GM0106' …long.csv: 0 in
		 * 2013–2017, 2019, 2021, 2023 */
		static const int years[] = {2013, 2014, 2015, 2016, 2017, 2019, 2021, 2023};
		for (size_t k = 0; k < 8; k++) {
			const struct rcell *x = find(c, "OftenFeelingUnsafe", "GM0106", years[k]);
			assert_non_null(x);
			assert_int_equal(x->status, TL_STATUS_MISSING);
			assert_string_equal(x->note, TL_RMBW_ZERO_NOTE);
			x = find(c, "SocialCohesion", "GM0106", years[k]);
			assert_non_null(x);
			assert_int_equal(x->status, TL_STATUS_MISSING);
		}
		size_t missing = 0;
		for (size_t i = 0; i < c->nc; i++) {
			const struct rcell *x = &c->cells[i];
			if (x->status == TL_STATUS_MISSING)
				missing++;
			else
				assert_true(x->status == TL_STATUS_FINAL && x->value != 0);
		}
		assert_int_equal(missing, 551);
		tl_errors_free(&e);
		coll_free(c);
	}
}

static void regions_real(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(read_file(LONG, TL_FORMAT_RMBW_LONG, c, NULL, &e), TL_OK);
	assert_int_equal(c->nr, 12);
	static const char *const want[] = {
		"GM0106|Assen|gemeente||2025\n",       "GM0109|Coevorden|gemeente||2025\n",
		"GM0114|Emmen|gemeente||2025\n",       "GM0118|Hoogeveen|gemeente||2025\n",
		"GM0119|Meppel|gemeente||2025\n",      "GM1680|Aa en Hunze|gemeente||2025\n",
		"GM1681|Borger-Odoorn|gemeente||2025\n", "GM1690|De Wolden|gemeente||2025\n",
		"GM1699|Noordenveld|gemeente||2025\n", "GM1701|Westerveld|gemeente||2025\n",
		"GM1730|Tynaarlo|gemeente||2025\n",    "GM1731|Midden-Drenthe|gemeente||2025\n",
	};
	char *got = region_set(c);
	for (size_t i = 0; i < 12; i++)
		assert_has(got, want[i]);
	free(got);
	assert_null(region(c, "PV22")); /* no province or national rows in this file */
	tl_errors_free(&e);
	coll_free(c);
}

/* ---- Sniffing and header variants ----------------------------------------------- */

static void sniff(void **state)
{
	(void)state;
	static const char *const longs[] = {
		"indicator,statcode,statnaam,year,value\n",
		"\xEF\xBB\xBF\"Indicator\",STATCODE,StatNaam,Year,Value\r\nX,GM0106,Assen,2020,1.5\r\n",
		"year,value,indicator,statcode,statnaam\n",
		" indicator , statcode ,statnaam,year,value",
	};
	static const char *const wides[] = {
		"indicator,statcode,statnaam,Year2013,Year2014,Year2015\n",
		"indicator,statcode,statnaam,2013,YEAR2014\r\n",
		"statcode,statnaam,indicator,year2020\n",
	};
	static const char *const neither[] = {
		"",
		"indicator;statcode;statnaam;year;value\n",
		"indicator,region,period,value\n",
		"indicator,statcode,statnaam\n",
		"indicator,statcode,statnaam,year,value,note\n",
		"indicator,statcode,statnaam,Year2013,Year20",
		"indicator,statcode,statnaam,Year2013,Year2013\n",
		"indicator,statcode,statnaam,Year1700\n",
		"Id;Measure;Perioden;Value;StringValue;ValueAttribute\n",
		"\"ID\";\"RegioS\";\"Perioden\";\"Bevolking_1\"\n",
		"{\"type\":\"FeatureCollection\"}",
	};
	for (size_t i = 0; i < sizeof longs / sizeof longs[0]; i++) {
		assert_int_equal(tl_sniff_rmbw_long(longs[i], strlen(longs[i])), 1);
		assert_int_equal(tl_sniff_rmbw_wide(longs[i], strlen(longs[i])), 0);
	}
	for (size_t i = 0; i < sizeof wides / sizeof wides[0]; i++) {
		assert_int_equal(tl_sniff_rmbw_wide(wides[i], strlen(wides[i])), 1);
		assert_int_equal(tl_sniff_rmbw_long(wides[i], strlen(wides[i])), 0);
	}
	for (size_t i = 0; i < sizeof neither / sizeof neither[0]; i++) {
		assert_int_equal(tl_sniff_rmbw_long(neither[i], strlen(neither[i])), 0);
		assert_int_equal(tl_sniff_rmbw_wide(neither[i], strlen(neither[i])), 0);
	}
	assert_int_equal(tl_sniff_rmbw_long(NULL, 0), 0);

	/* The first 4 KiB of the real files. */
	char head[4096];
	FILE *f = fopen(data_path(LONG), "rb");
	assert_non_null(f);
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	assert_int_equal(tl_sniff_rmbw_long(head, n), 1);
	assert_int_equal(tl_sniff_rmbw_wide(head, n), 0);
	f = fopen(data_path(WIDE), "rb");
	assert_non_null(f);
	n = fread(head, 1, sizeof head, f);
	fclose(f);
	assert_int_equal(tl_sniff_rmbw_wide(head, n), 1);
	assert_int_equal(tl_sniff_rmbw_long(head, n), 0);
}

static void header_variants(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum tl_format layout;
		unsigned line, col; /* of the one cell */
	} ok[] = {
		{"\xEF\xBB\xBF\"Indicator\",STATCODE,StatNaam,Year,Value\r\nX,GM0106,Assen,2020,1.5\r\n",
		 TL_FORMAT_RMBW_LONG, 2, 21},
		{"year,value,indicator,statcode,statnaam\n2020,1.5,X,GM0106,Assen\n",
		 TL_FORMAT_RMBW_LONG, 2, 6},
		{"\n\nindicator,statcode,statnaam,year,value\n\nX, GM0106 ,Assen,2020, 1.5\n\n",
		 TL_FORMAT_RMBW_LONG, 5, 23},
		{"indicator,statcode,statnaam,2013,YEAR2020\nX,GM0106,Assen,,1.5\n",
		 TL_FORMAT_RMBW_WIDE, 2, 17},
		{"statcode,Year2020,statnaam,indicator\nGM0106,1.5,Assen,X", TL_FORMAT_RMBW_WIDE, 2, 8},
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		struct coll *c = coll_new();
		tl_errors e = TL_ERRORS_INIT;
		struct tl_rmbw_stats st;
		assert_int_equal(read_mem(ok[i].text, ok[i].layout, c, &st, &e), TL_OK);
		assert_int_equal(e.n, 0);
		assert_int_equal(c->nc, 1);
		assert_string_equal(c->cells[0].topic, "X");
		assert_string_equal(c->cells[0].region, "GM0106");
		assert_int_equal(c->cells[0].period.year, 2020);
		assert_true(c->cells[0].value == 1.5);
		assert_int_equal(c->cells[0].line, ok[i].line);
		assert_int_equal(c->cells[0].col, ok[i].col);
		assert_string_equal(c->regions[0].name, "Assen");
		tl_errors_free(&e);
		coll_free(c);
	}

	static const struct {
		const char *text;
		enum tl_format layout;
		const char *msg;
	} bad[] = {
		{"indicator;statcode;statnaam;year;value\nX;GM0106;Assen;2020;1,5\n", TL_FORMAT_RMBW_LONG,
		 "t.csv:1:1: the header has one column: RMBW files are comma-separated, not by ';' "
		 "or tabs"},
		{"indicator,region,period,value\n", TL_FORMAT_RMBW_LONG,
		 "t.csv:1:11: unknown column \"region\" in a long RMBW file; expected indicator, "
		 "statcode, statnaam, year and value"},
		{"indicator,statcode,statnaam,year\n", TL_FORMAT_RMBW_LONG,
		 "t.csv:1:1: missing column \"value\" in the header of a long RMBW file"},
		{"indicator,statcode,statnaam,Year2013,2013\n", TL_FORMAT_RMBW_WIDE,
		 "t.csv:1:38: year column \"2013\" appears twice (also column 4)"},
		{"indicator,statcode,statnaam,year,value\n", TL_FORMAT_RMBW_WIDE,
		 "t.csv:1:29: unknown column \"year\" in a wide RMBW file"},
		{"indicator,statcode,statnaam\n", TL_FORMAT_RMBW_WIDE,
		 "t.csv:1:1: no year columns (Year2013 or 2013 …) in the header of a wide RMBW file"},
		{"indicator,Indicator,statcode,statnaam,year,value\n", TL_FORMAT_RMBW_LONG,
		 "t.csv:1:11: column \"Indicator\" appears twice (also column 1)"},
		{"", TL_FORMAT_RMBW_LONG, "t.csv:1:1: empty file: expected the header row of a long "
					  "RMBW file"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct coll *c = coll_new();
		tl_errors e = TL_ERRORS_INIT;
		assert_int_equal(read_mem(bad[i].text, bad[i].layout, c, NULL, &e), TL_ERR_INPUT);
		char *msg = messages(&e);
		assert_has(msg, bad[i].msg);
		assert_int_equal(c->nc, 0);
		free(msg);
		tl_errors_free(&e);
		coll_free(c);
	}
}

/* ---- Malformed rows and number forms ------------------------------------------------ */

static void malformed_long(void **state)
{
	(void)state;
	static const char text[] =
		"indicator,statcode,statnaam,year,value\n"
		"A,GM0106,Assen,2020,1.5\n"         /* 2 ok */
		"A,GM0106,Assen,2020\n"             /* 3 four fields */
		"A,0106,Assen,2020,1.5\n"           /* 4 not a region code */
		"A,GM0106,Assen,20x0,1.5\n"         /* 5 bad year */
		"A,GM0106,Assen,2021,\"1,5\"\n"     /* 6 decimal comma */
		"A,GM0106,Assen,2022,abc\n"         /* 7 text */
		",GM0106,Assen,2022,1\n"            /* 8 no indicator */
		"A,GM0106,,2022,1\n"                /* 9 no name */
		"A,GM0106,Assen,2023,\n"            /* 10 empty: not applicable */
		"A,GM0106,Assen,2023,2.5,x\n"       /* 11 six fields */
		"A,GM0106,Assen,2024,1e400\n"       /* 12 out of range */
		"A,GM0106,Ass\"en,2024,1\n"         /* 13 the CSV reader's error */
		"A,GM0106,Assen,2013,7\n";          /* 14 ok */
	struct coll *c = coll_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_rmbw_stats st;
	assert_int_equal(read_mem(text, TL_FORMAT_RMBW_LONG, c, &st, &e), TL_ERR_INPUT);
	char *msg = messages(&e);
	static const char *const want[] = {
		"t.csv:3:16: row has 4 fields, but the header (line 1) has 5: \"2020\"\n",
		"t.csv:4:3: statcode \"0106\" is not a CBS region code (like GM0106)\n",
		"t.csv:5:16: bad year \"20x0\" (expected a year like 2020)\n",
		"t.csv:6:21: decimal comma in \"1,5\" (this source writes a decimal point)\n",
		"t.csv:7:21: not a number: \"abc\"\n",
		"t.csv:8:1: empty indicator\n",
		"t.csv:9:10: empty statnaam (the region's name)\n",
		"t.csv:11:25: row has 6 fields, but the header (line 1) has 5: \"x\"\n",
		"t.csv:12:21: not a number: \"1e400\"\n",
		"t.csv:13:",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		assert_has(msg, want[i]);
	assert_int_equal(tl_errors_count(&e), 10);
	assert_int_equal(st.rows, 13);
	assert_int_equal(st.bad, 10);
	assert_int_equal(st.cells, 3);
	assert_int_equal(st.empty, 1);
	assert_true(find(c, "A", "GM0106", 2020)->value == 1.5);
	assert_int_equal(find(c, "A", "GM0106", 2023)->status, TL_STATUS_NOT_APPLICABLE);
	assert_true(find(c, "A", "GM0106", 2013)->value == 7);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

static void malformed_wide(void **state)
{
	(void)state;
	static const char text[] = "indicator,statcode,statnaam,Year2013,Year2014,Year2015\n"
				   "A,GM0106,Assen,1.5,x,2\n"
				   "A,Gm0106,Assen,1,2,3\n"
				   "A,GM0109,Coevorden,1,2\n"
				   "B,GM0109,Coevorden,,,-0.0\n";
	struct coll *c = coll_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_rmbw_stats st;
	assert_int_equal(read_mem(text, TL_FORMAT_RMBW_WIDE, c, &st, &e), TL_ERR_INPUT);
	char *msg = messages(&e);
	assert_has(msg, "t.csv:2:20: not a number: \"x\"\n");
	assert_has(msg, "t.csv:3:3: statcode \"Gm0106\" is not a CBS region code (like GM0106)\n");
	assert_has(msg, "t.csv:4:22: row has 5 fields, but the header (line 1) has 6: \"2\"\n");
	assert_has(msg, "t.csv:5:22: warning: 1 cell holds 0");
	assert_int_equal(tl_errors_count(&e), 3);
	assert_int_equal(st.cells, 3); /* a bad cell loses only itself */
	assert_true(find(c, "A", "GM0106", 2013)->value == 1.5);
	assert_null(find(c, "A", "GM0106", 2014));
	assert_true(find(c, "A", "GM0106", 2015)->value == 2);
	assert_int_equal(find(c, "B", "GM0109", 2015)->status, TL_STATUS_MISSING);
	/* The region of a refused row is not reported. */
	assert_int_equal(c->nr, 2);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

static void number_forms(void **state)
{
	(void)state;
	/* Two real rows of the all-municipalities file (the one exponent, and -99),
	 * then forms Python can write. */
	static const char text[] =
		"indicator,statcode,statnaam,Year2013,Year2014,Year2015,Year2016,Year2017,Year2018,"
		"Year2019,Year2020,Year2021,Year2022,Year2023\n"
		"Update_Theme_Natural_capital,GM0762,Deurne,,,6.88979353681e-05,,,,,,,,\n"
		"Update_Theme_Air_quality,GM0096,Vlieland,,,,,,,-99,-99,0.158385560771,,\n"
		"X,GM0106,Assen,1.5E3,+2,.5,-0,0.000,1e-300,12345678901234567890123,-7.25,"
		"0.1234567890123456789,1.,3e+2\n";
	struct coll *c = coll_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_rmbw_stats st;
	assert_int_equal(read_mem(text, TL_FORMAT_RMBW_WIDE, c, &st, &e), TL_OK);
	char *msg = messages(&e);
	assert_true(find(c, "Update_Theme_Natural_capital", "GM0762", 2015)->value ==
		    6.88979353681e-05);
	assert_true(find(c, "Update_Theme_Air_quality", "GM0096", 2019)->value == -99);
	assert_true(find(c, "Update_Theme_Air_quality", "GM0096", 2021)->value == 0.158385560771);
	assert_int_equal(st.sentinels, 2);
	assert_has(msg, "t.csv:3:48: warning: 2 cells hold -99 (or -999, -9999), which looks like "
			"a code for \"no figure\" but is reported as a value: check (first here)");
	assert_true(find(c, "X", "GM0106", 2013)->value == 1500);
	assert_true(find(c, "X", "GM0106", 2014)->value == 2);
	assert_true(find(c, "X", "GM0106", 2015)->value == 0.5);
	assert_int_equal(find(c, "X", "GM0106", 2016)->status, TL_STATUS_MISSING);
	assert_int_equal(find(c, "X", "GM0106", 2017)->status, TL_STATUS_MISSING);
	assert_true(find(c, "X", "GM0106", 2018)->value > 0);
	assert_true(find(c, "X", "GM0106", 2018)->value < 1.0001e-300);
	assert_true(fabs(find(c, "X", "GM0106", 2019)->value / 1.2345678901234567e22 - 1) < 1e-15);
	assert_true(find(c, "X", "GM0106", 2020)->value == -7.25);
	assert_true(fabs(find(c, "X", "GM0106", 2021)->value - 0.1234567890123456789) < 1e-17);
	assert_true(find(c, "X", "GM0106", 2022)->value == 1);
	assert_true(find(c, "X", "GM0106", 2023)->value == 300);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

static void all_gemeenten(void **state)
{
	(void)state;
	struct stat sb;
	if (stat(ALL, &sb) != 0)
		skip(); /* the shared data is not on this machine */
	struct coll *c = coll_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_rmbw_stats st;
	struct tl_raw_sink s = sink_of(c);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(tl_read_rmbw_file(ALL, TL_FORMAT_RMBW_WIDE, &s, &st, &e), TL_OK);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	/* awk -F, 'NR>1' …all-gemeenten.wide.csv | wc -l → 14022 = 41 × 342 */
	assert_int_equal(st.rows, 14022);
	assert_int_equal(st.topics, 41);
	assert_int_equal(st.regions, 342);
	assert_int_equal(st.cells, 98496);
	assert_int_equal(st.zeros, 21170);
	assert_int_equal(st.values, 77326);
	assert_int_equal(st.empty, 55746);
	assert_int_equal(st.sentinels, 94);
	assert_int_equal(st.bad, 0);
	char *got = region_set(c);
	assert_has(got, "GM0820|Nuenen, Gerwen en Nederwetten|gemeente||2025\n");
	assert_has(got, "GM0363|Amsterdam|gemeente||2025\n");
	free(got);
	print_message("all-gemeenten wide: %ld cells in %.1f ms (sanitizers on)\n", st.cells, ms);
	tl_errors_free(&e);
	coll_free(c);
}

static void sink_and_files(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	c->stop_at = 3;
	c->stop_rc = -9;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(read_file(LONG, TL_FORMAT_RMBW_LONG, c, NULL, &e), -9);
	assert_int_equal(c->nc, 3);
	coll_free(c);
	tl_errors_free(&e);

	struct tl_rmbw_stats st;
	assert_int_equal(tl_read_rmbw_file(data_path(WIDE), TL_FORMAT_RMBW_WIDE, NULL, &st, &e),
			 TL_OK);
	assert_int_equal(st.cells, 3456);
	tl_errors_free(&e);
	assert_int_equal(tl_read_rmbw_long(data_path(LONG), NULL, &e), TL_OK);
	assert_int_equal(tl_read_rmbw_wide(data_path(WIDE), NULL, &e), TL_OK);
	/* the wrong layout for the file: refused at the header */
	assert_int_equal(tl_read_rmbw_wide(data_path(LONG), NULL, &e), TL_ERR_INPUT);
	tl_errors_free(&e);
	assert_int_equal(tl_read_rmbw_long("/nonexistent/x.csv", NULL, &e), TL_ERR_IO);
	assert_int_equal(e.n, 1);
	tl_errors_free(&e);

	/* One code, two names: a warning, the first name kept. */
	c = coll_new();
	static const char two[] = "indicator,statcode,statnaam,year,value\n"
				  "A,GM0106,Assen,2020,1\nB,GM0106,Asen,2020,1\nC,GM0106,Asen,2020,1\n";
	assert_int_equal(read_mem(two, TL_FORMAT_RMBW_LONG, c, NULL, &e), TL_OK);
	char *msg = messages(&e);
	assert_int_equal(e.warnings, 1);
	assert_has(msg, "t.csv:3:10: warning: region GM0106 is named \"Asen\" here, but \"Assen\" "
			"before; the first name is kept");
	assert_int_equal(c->nr, 1);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(long_real),
		cmocka_unit_test(wide_real),
		cmocka_unit_test(long_equals_wide),
		cmocka_unit_test(zeros_are_missing),
		cmocka_unit_test(regions_real),
		cmocka_unit_test(sniff),
		cmocka_unit_test(header_variants),
		cmocka_unit_test(malformed_long),
		cmocka_unit_test(malformed_wide),
		cmocka_unit_test(number_forms),
		cmocka_unit_test(all_gemeenten),
		cmocka_unit_test(sink_and_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
