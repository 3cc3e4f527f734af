/* The CBS OData v3 readers (import/cbs_v3.h) on real files in tests/data/cbs/
 * — RIVM Gezondheidsmonitor 2020 and 2012 (Drenthe), 70072ned, 37259ned
 * (Drenthe), 70262ned as CSV, 84489NED as TypedDataSet JSON — with counts
 * and values checked by hand against the files (the shell command is in a
 * comment), and on small in-memory inputs for what the real files lack:
 * malformed rows, provisional periods, metadata, JSON nulls, a sink that
 * stops. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/file.h"
#include "import/cbs_meta.h"
#include "import/cbs_v3.h"

#include "raw_collect.h"

static const struct rtopic *topic(const struct coll *c, const char *key)
{
	for (size_t i = 0; i < c->nt; i++)
		if (strcmp(c->topics[i].key, key) == 0)
			return &c->topics[i];
	return NULL;
}

/* The cell of topic `key` and region `code` (NULL: any) of year `year`
 * (0: any), or NULL. */
static const struct rcell *cell(const struct coll *c, const char *key, const char *code, int year)
{
	for (size_t i = 0; i < c->nc; i++) {
		const struct rcell *x = &c->cells[i];
		if (!strcmp(x->topic, key) && (!code || (x->region && !strcmp(x->region, code))) &&
		    (!year || x->period.year == year))
			return x;
	}
	return NULL;
}

#define RIVM2020 "cbs/rivm-gezondheidsmonitor/RIVM_gezondheid2020_18+.drenthe.csv"
#define RIVM2012 "cbs/rivm-gezondheidsmonitor/2012_18+.drenthe.csv"
#define K70072 "cbs/odata3-untyped-csv/70072ned_UntypedDataSet_29122019_191739.csv"
#define K37259 "cbs/odata3-untyped-csv/37259ned_UntypedDataSet_05022020_161506.drenthe.csv"
#define K70262 "cbs/odata3-untyped-csv/70262ned_UntypedDataSet_05022020_180935.csv"
#define K84489 "cbs/odata3-typed-84489NED/84489NED_TypedDataSet.json"
#define META85984 "cbs/odata3-meta-85984NED"

/* Read a real CSV fixture; fails on any error. */
static struct coll *read_csv_ok(const char *rel, struct tl_cbs_v3_stats *st)
{
	struct coll *c = coll_new();
	c->check_regions = strstr(rel, "rivm") != NULL; /* RIVM describes every region */
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	int rc = tl_read_cbs_v3_csv_stats(data_path(rel), &s, st, &e);
	char *msg = messages(&e);
	if (rc != TL_OK || e.n)
		fail_msg("%s: rc %d:\n%s", rel, rc, msg);
	free(msg);
	tl_errors_free(&e);
	assert_false(c->topic_after_cell);
	assert_false(c->unannounced);
	assert_false(c->dup_region);
	return c;
}

/* ---- RIVM Gezondheidsmonitor ------------------------------------------------- */

static void rivm_2020_counts(void **state)
{
	(void)state;
	struct tl_cbs_v3_stats st;
	struct coll *c = read_csv_ok(RIVM2020, &st);
	/* RIVM's files carry no table id. */
	assert_int_equal(c->tables, 0);
	/* head -1 F | tr ';' '\n' | grep -c '_[0-9]*"'              → 38 topics,
	 * of which Gemeentenaam_1, SoortRegio_2, Codering_3 are texts. */
	assert_int_equal(c->nt, 38);
	assert_int_equal(st.topics, 38);
	assert_int_equal(st.string_topics, 3);
	assert_string_equal(c->topics[0].key, "Gemeentenaam_1");
	assert_int_equal(c->topics[0].numeric, 0);
	assert_int_equal(c->topics[2].numeric, 0);
	assert_string_equal(c->topics[3].key, "ErvarenGezondheidGoedZeerGoed_4");
	assert_int_equal(c->topics[3].numeric, 1);
	assert_null(c->topics[3].title); /* no metadata beside the file */
	assert_int_equal(c->topics[3].decimals, -1);
	/* awk 'NR>1' F | wc -l                                         → 857 rows */
	assert_int_equal(st.rows, 857);
	/* 857 rows × 35 numeric topics                                 → 29995 */
	assert_int_equal(st.cells, 29995);
	assert_int_equal(c->nc, 29995);
	/* awk -F';' 'NR>1{for(i=9;i<=NF;i++){v=$i; sub(/\r$/,"",v);
	 *   if(v=="\"\"") e++; else if (v ~ /^" *\."$/) d++; else n++}}
	 *   END{print e, d, n}' F                                       → 2571 928 26496 */
	assert_int_equal(st.values, 26496);
	assert_int_equal(st.unknown, 928);
	assert_int_equal(st.not_applicable, 2571);
	assert_int_equal(st.provisional, 0);
	assert_int_equal(st.bad_rows + st.bad_cells, 0);
	/* awk -F';' 'NR>1{print $7}' F | sort | uniq -c: 1 Land, 12 Gemeente,
	 * 181 Wijk, 663 Buurt: one region per row                      → 857 */
	assert_int_equal(c->nr, 857);
	assert_int_equal(st.regions, 857);
	for (size_t i = 0; i < c->nc; i++) {
		assert_null(c->cells[i].table);
		assert_string_equal(c->cells[i].dims, "Leeftijd=20300,Marges=MW00000");
		assert_true(c->cells[i].has_period);
		assert_int_equal(c->cells[i].period.year, 2020);
		assert_int_equal(c->cells[i].period.kind, TL_PERIOD_YEAR);
	}
	coll_free(c);
}

static void rivm_2020_cells_by_hand(void **state)
{
	(void)state;
	struct coll *c = read_csv_ok(RIVM2020, NULL);
	/* grep -n '"GM0106    "' F
	 * 79:"5186";"20300";"MW00000";"GM0106    ";"2020JJ00";"Assen    …";
	 *    "Gemeente  ";"GM0106              ";"    78.6";"    49.5";…
	 * sed -n 79p F | awk '{print index($0, "\"    78.6\"")}'        → 129 */
	const struct rcell *x = cell(c, "ErvarenGezondheidGoedZeerGoed_4", "GM0106", 2020);
	assert_non_null(x);
	assert_true(x->value == 78.6);
	assert_int_equal(x->status, TL_STATUS_FINAL);
	assert_int_equal(x->line, 79);
	assert_int_equal(x->col, 129);
	assert_null(x->note);
	assert_null(x->label);
	x = cell(c, "VoldoetAanBeweegrichtlijn_5", "GM0106", 2020);
	assert_true(x->value == 49.5);
	/* 2:"2";"20300";"MW00000";"NL01      ";"2020JJ00";"Nederland …";"Land      ";
	 *   "NL01                ";"    78.4";"    49.9";…;"";"";"";"     7.0";"    13.9" */
	x = cell(c, "ErvarenGezondheidGoedZeerGoed_4", "NL01", 2020); /* padded code, trimmed */
	assert_non_null(x);
	assert_true(x->value == 78.4);
	assert_int_equal(x->line, 2);
	assert_int_equal(x->col, 126);
	x = cell(c, "LopenNaarSchoolOfWerk_35", "NL01", 2020); /* "" */
	assert_int_equal(x->status, TL_STATUS_NOT_APPLICABLE);
	assert_false(tl_status_has_value(x->status));
	x = cell(c, "MoeiteMetRondkomen_38", "NL01", 2020);
	assert_true(x->value == 13.9);
	/* 27:"77";…;"BU16800709";…;"       .";"       .";… — suppressed buurt */
	x = cell(c, "ErvarenGezondheidGoedZeerGoed_4", "BU16800709", 2020);
	assert_int_equal(x->status, TL_STATUS_UNKNOWN);
	assert_int_equal(x->line, 27);
	coll_free(c);
}

static void rivm_2020_regions(void **state)
{
	(void)state;
	struct coll *c = read_csv_ok(RIVM2020, NULL);
	const struct rregion *g = region(c, "NL01");
	assert_non_null(g);
	assert_string_equal(g->name, "Nederland"); /* trimmed */
	assert_string_equal(g->level, "land");
	assert_null(g->parent);
	assert_int_equal(g->year, 0);
	g = region(c, "GM0106");
	assert_string_equal(g->name, "Assen");
	assert_string_equal(g->level, "gemeente");
	assert_null(g->parent); /* the file does not say */
	g = region(c, "GM1690");
	assert_string_equal(g->name, "De Wolden");
	/* A wijk's Gemeentenaam_1 is its gemeente's name, not its own. */
	g = region(c, "WK010600");
	assert_non_null(g);
	assert_null(g->name);
	assert_string_equal(g->level, "wijk");
	assert_string_equal(g->parent, "GM0106");
	g = region(c, "BU01060000");
	assert_null(g->name);
	assert_string_equal(g->level, "buurt");
	assert_string_equal(g->parent, "WK010600");
	/* Every gemeente of Drenthe, once. */
	static const char *const gm[] = {"GM0106", "GM0109", "GM0114", "GM0118", "GM0119", "GM1680",
					 "GM1681", "GM1690", "GM1699", "GM1701", "GM1730", "GM1731"};
	size_t n = 0;
	for (size_t i = 0; i < c->nr; i++)
		if (!strcmp(c->regions[i].level, "gemeente"))
			n++;
	assert_int_equal(n, 12);
	for (size_t i = 0; i < 12; i++)
		assert_non_null(region(c, gm[i]));
	coll_free(c);
}

static void rivm_2012_not_measured(void **state)
{
	(void)state;
	struct tl_cbs_v3_stats st;
	struct coll *c = read_csv_ok(RIVM2012, &st);
	/* The same awk as for 2020 on the 2012 file                   → 12855 600 16540 */
	assert_int_equal(st.cells, 29995);
	assert_int_equal(st.values, 16540);
	assert_int_equal(st.unknown, 600);
	assert_int_equal(st.not_applicable, 12855);
	/* 2:"0";"20300";"MW00000";"NL01      ";"2012JJ00";…;"    76.1";"";"";"     2.0";… */
	const struct rcell *x = cell(c, "ErvarenGezondheidGoedZeerGoed_4", "NL01", 2012);
	assert_true(x->value == 76.1);
	x = cell(c, "VoldoetAanBeweegrichtlijn_5", "NL01", 2012); /* not asked in 2012 */
	assert_int_equal(x->status, TL_STATUS_NOT_APPLICABLE);
	assert_true(x->value == 0); /* no value, and never a made-up one */
	coll_free(c);
}

/* ---- CBS tables ---------------------------------------------------------------- */

static void k70072_counts_and_cells(void **state)
{
	(void)state;
	struct tl_cbs_v3_stats st;
	struct coll *c = read_csv_ok(K70072, &st);
	assert_int_equal(c->tables, 1);
	assert_string_equal(c->table, "70072ned"); /* case kept */
	assert_null(c->title);
	/* head -1 F | tr ';' '\n' | wc -l → 309: ID, RegioS, Perioden, 306 topics;
	 * awk -F';' 'NR==2{for(i=4;i<=NF;i++) if ($i ~ /^" +"$/ || $i ~ /[^ ] +"$/)
	 *   s++; print s}' F → 37 String topics (Code_267…Naam_302 blank-padded,
	 *   KoppelvariabeleRegioCode_306) */
	assert_int_equal(st.topics, 306);
	assert_int_equal(st.string_topics, 37);
	assert_int_equal(topic(c, "Code_287")->numeric, 0);
	assert_int_equal(topic(c, "Gemeenten_303")->numeric, 1);
	/* 300 rows (12 provinces × 25 years) × 269 numeric topics     → 80700 */
	assert_int_equal(st.rows, 300);
	assert_int_equal(st.cells, 80700);
	/* awk -F';' 'NR>1{for(i=4;i<=NF;i++){v=$i; if (v=="\"\"") e++;
	 *   else if (v=="\"       .\"") d++}} END{print e, d}' F         → 18264 7234;
	 * the numbers among the 269 numeric topics                      → 55202 */
	assert_int_equal(st.not_applicable, 18264);
	assert_int_equal(st.unknown, 7234);
	assert_int_equal(st.values, 55202);
	/* grep -n '"PV22  ";"2019JJ00"' F → line 76; Bevolkingsdichtheid_57 is the
	 * 60th field, "     187"; index($0, "\"     187\"")            → 643 */
	const struct rcell *x = cell(c, "Bevolkingsdichtheid_57", "PV22", 2019);
	assert_non_null(x);
	assert_string_equal(x->table, "70072ned");
	assert_true(x->value == 187);
	assert_int_equal(x->line, 76);
	assert_int_equal(x->col, 643);
	assert_string_equal(x->dims, ""); /* RegioS and Perioden only */
	x = cell(c, "TotaleBevolking_1", "PV22", 2019); /* "  492167" */
	assert_true(x->value == 492167);
	x = cell(c, "Geboorte_58", "PV22", 2019); /* "" (not yet known in 2019) */
	assert_int_equal(x->status, TL_STATUS_NOT_APPLICABLE);
	x = cell(c, "Geboorte_58", "PV22", 2018); /* "    3992" */
	assert_true(x->value == 3992);
	/* awk -F';' '$2=="\"PV22  \"" && $40 ~ /\./' F → 52 "1995JJ00" "       ." */
	x = cell(c, "TotaalNietWesterseMigratieachtergrond_37", "PV22", 1995);
	assert_int_equal(x->status, TL_STATUS_UNKNOWN);
	assert_int_equal(x->line, 52);
	/* The Code_287/Naam_288 pair names each province's landsdeel. */
	assert_int_equal(c->nr, 4);
	assert_string_equal(region(c, "LD01")->name, "Noord-Nederland");
	assert_string_equal(region(c, "LD01")->level, "landsdeel");
	assert_null(region(c, "LD01")->parent);
	assert_non_null(region(c, "LD04"));
	assert_null(region(c, "PV22")); /* its name is not in the file */
	coll_free(c);
}

static void k37259_drenthe(void **state)
{
	(void)state;
	struct tl_cbs_v3_stats st;
	struct coll *c = read_csv_ok(K37259, &st);
	assert_string_equal(c->table, "37259ned");
	assert_int_equal(c->nt, 1);
	assert_string_equal(c->topics[0].key, "BevolkingOp1Januari_1");
	/* wc -l F → 709: 708 rows (12 gemeenten × 59 years), one topic */
	assert_int_equal(st.cells, 708);
	/* awk -F';' 'NR>1{print $5}' F | grep -c '^""'                   → 270 */
	assert_int_equal(st.not_applicable, 270);
	assert_int_equal(st.values, 438);
	assert_int_equal(c->nr, 0); /* no String topics describe regions */
	/* 709:"68734";"T001038";"GM1690";"2018JJ00";"   23917"
	 * sed -n 709p F | awk '{print index($0,"\"   23917\"")}'        → 39 */
	const struct rcell *x = cell(c, "BevolkingOp1Januari_1", "GM1690", 2018);
	assert_true(x->value == 23917);
	assert_string_equal(x->dims, "Geslacht=T001038");
	assert_int_equal(x->line, 709);
	assert_int_equal(x->col, 39);
	/* 2:"3363";"T001038";"GM1680";"1960JJ00";"" — Aa en Hunze did not exist */
	x = cell(c, "BevolkingOp1Januari_1", "GM1680", 1960);
	assert_int_equal(x->status, TL_STATUS_NOT_APPLICABLE);
	coll_free(c);
}

static void k70262_tiny(void **state)
{
	(void)state;
	struct tl_cbs_v3_stats st;
	struct coll *c = read_csv_ok(K70262, &st);
	assert_string_equal(c->table, "70262ned");
	/* 12 provinces × 2 topics */
	assert_int_equal(st.cells, 24);
	assert_int_equal(st.values, 24);
	/* 4:"63";"PV22  ";"2015JJ00";"    5648";"   46975" */
	assert_true(cell(c, "TotaalRecreatieterrein_19", "PV22", 2015)->value == 5648);
	assert_true(cell(c, "TotaalBosEnOpenNatuurlijkTerrein_28", "PV22", 2015)->value == 46975);
	coll_free(c);
}

static void k84489_typed_json(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v3_stats st;
	int rc = tl_read_cbs_v3_json_stats(data_path(K84489), &s, &st, &e);
	char *msg = messages(&e);
	if (rc != TL_OK || e.n)
		fail_msg("rc %d:\n%s", rc, msg);
	free(msg);
	assert_string_equal(c->table, "84489NED");
	/* Woonplaatscode_1, Naam_2, Code_3, Naam_4, Code_5, Naam_6, Code_7: texts */
	assert_int_equal(c->nt, 7);
	assert_int_equal(st.string_topics, 7);
	assert_int_equal(c->nc, 0);
	/* grep -c '"ID":' F                                              → 2500 */
	assert_int_equal(st.rows, 2500);
	/* for k in Woonplaatsen Code_3 Code_5 Code_7; do
	 *   grep -o "\"$k\":\"[A-Z0-9]*" F | sort -u | wc -l; done       → 2500 355 12 4 */
	assert_int_equal(c->nr, 2500 + 355 + 12 + 4);
	assert_false(c->dup_region);
	/* "ID":2,"Woonplaatsen":"WP2145","Woonplaatscode_1":"WP2145    ",
	 * "Naam_2":"Coevorden   …","Code_3":"GM0109    ","Naam_4":"Drenthe  …",
	 * "Code_5":"PV22      ","Naam_6":"Noord-Nederland  …","Code_7":"LD01      " */
	const struct rregion *g = region(c, "WP2145");
	assert_non_null(g);
	assert_null(g->name);
	assert_string_equal(g->level, "woonplaats");
	assert_string_equal(g->parent, "GM0109");
	g = region(c, "GM0109");
	assert_string_equal(g->name, "Coevorden");
	assert_string_equal(g->level, "gemeente");
	assert_string_equal(g->parent, "PV22");
	g = region(c, "PV22");
	assert_string_equal(g->name, "Drenthe");
	assert_string_equal(g->level, "provincie");
	assert_null(g->parent); /* not its landsdeel: telling's tree skips it */
	g = region(c, "LD01");
	assert_string_equal(g->name, "Noord-Nederland");
	assert_string_equal(g->level, "landsdeel");
	tl_errors_free(&e);
	coll_free(c);
}

/* ---- Malformed input ------------------------------------------------------------ */

static const char bad_csv[] =
	"\xEF\xBB\xBF\"ID\";\"RegioS\";\"Perioden\";\"A_1\";\"B_2\"\r\n"
	"\"0\";\"GM0106  \";\"2020JJ00\";\"    1.5\";\"     2\"\r\n"
	"\"1\";\"GM0109  \";\"2020JJ00\";\"abc\";\"     3\"\r\n"     /* text in a number */
	"\"2\";\"GM0114  \";\"2020JJ00\";\"    4.0\"\r\n"             /* too few fields */
	"\"3\";\"GM0118  \";\"2020XX01\";\"    5\";\"     6\"\r\n"   /* bad period */
	"\"4\";\"GM0119  \";\"2021JJ00\";\"  7,5\";\"     8\"\r\n"    /* decimal comma */
	"\"5\";\"\";\"2021JJ00\";\"    9\";\"    10\"\r\n"            /* empty region */
	"\"6\";\"GM1680  \";\"2021JJ00\";\"   11\";\"    12\"\r\n";

static void malformed_rows_positioned(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v3_stats st;
	int rc = tl_read_cbs_v3_csv_mem("bad.csv", bad_csv, sizeof bad_csv - 1, NULL, &s, &st, &e);
	char *msg = messages(&e);
	assert_int_equal(rc, TL_ERR_INPUT);
	assert_int_equal(tl_errors_count(&e), 5);
	assert_has(msg, "bad.csv:3:27: not a number in numeric topic A_1: \"abc\"\n");
	assert_has(msg, "bad.csv:4:27: row has 4 fields, but the header (line 1) has 5: \"    4.0\"");
	assert_has(msg, "bad.csv:5:16: period \"2020XX01\" is not a CBS year, quarter or month code");
	assert_has(msg, "bad.csv:6:27: decimal comma in numeric topic A_1: \"7,5\"");
	assert_has(msg, "bad.csv:7:5: empty RegioS code");
	/* The reader went on: good cells of every row are there, bad ones are
	 * not (and never 0). */
	assert_int_equal(st.rows, 7);
	assert_int_equal(st.bad_rows, 3);
	assert_int_equal(st.bad_cells, 2);
	assert_int_equal(c->nc, 2 + 1 + 1 + 2);
	assert_true(cell(c, "A_1", "GM0106", 2020)->value == 1.5);
	assert_null(cell(c, "A_1", "GM0109", 2020));
	assert_true(cell(c, "B_2", "GM0109", 2020)->value == 3);
	assert_null(cell(c, "A_1", "GM0119", 2021));
	assert_true(cell(c, "B_2", "GM0119", 2021)->value == 8);
	assert_true(cell(c, "B_2", "GM1680", 2021)->value == 12);
	assert_null(cell(c, "A_1", "GM0118", 0));
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

static void fatal_headers(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} cases[] = {
		{"", "x.csv:1:1: empty file"},
		{"\"ID\";\"A_1\";\"A_1\"\n\"0\";\"1\";\"2\"\n", "x.csv:1:12: column \"A_1\" appears twice"},
		{"\"ID\";\"\";\"A_1\"\n", "x.csv:1:6: empty column name"},
		{"\"ID\";\"A\r\n_1\"\n\"0\";\"1\"\n", "x.csv:1:6: control character in column name \"A\\r\\n_1\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tl_errors e = TL_ERRORS_INIT;
		struct coll *c = coll_new();
		struct tl_raw_sink s = sink_of(c);
		int rc = tl_read_cbs_v3_csv_mem("x.csv", cases[i].text, strlen(cases[i].text), NULL, &s,
						NULL, &e);
		char *msg = messages(&e);
		assert_int_equal(rc, TL_ERR_INPUT);
		assert_has(msg, cases[i].want);
		assert_int_equal(c->nc, 0);
		free(msg);
		tl_errors_free(&e);
		coll_free(c);
	}
}

static void sink_stops_reader(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	c->stop_at = 3;
	c->stop_rc = -77;
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	int rc = tl_read_cbs_v3_csv(data_path(RIVM2020), &s, &e);
	assert_int_equal(rc, -77);
	assert_int_equal(c->nc, 3);
	tl_errors_free(&e);
	coll_free(c);

	/* A region callback can stop it too, and so can a topic callback. */
	c = coll_new();
	s = sink_of(c);
	s.region = NULL;
	s.topic = NULL;
	struct tl_cbs_v3_stats st;
	rc = tl_read_cbs_v3_json_stats(data_path(K84489), &s, &st, &e);
	assert_int_equal(rc, TL_OK);
	assert_int_equal(st.regions, 2871); /* counted even without a callback */
	tl_errors_free(&e);
	coll_free(c);
}

/* ---- Periods and metadata --------------------------------------------------------- */

static void provisional_periods(void **state)
{
	(void)state;
	static const char text[] = "\"ID\";\"RegioS\";\"Perioden\";\"A_1\"\n"
				   "\"0\";\"PV22  \";\"2022JJ00\";\"   1.0\"\n"
				   "\"1\";\"PV22  \";\"2023JJ00*\";\"   2.0\"\n"
				   "\"2\";\"PV22  \";\"2024KW01**\";\"   3.0\"\n"
				   "\"3\";\"PV22  \";\"2024MM02\";\"   4.0\"\n";
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v3_stats st;
	assert_int_equal(tl_read_cbs_v3_csv_mem("p.csv", text, sizeof text - 1, NULL, &s, &st, &e), TL_OK);
	assert_int_equal(c->nc, 4);
	assert_int_equal(c->cells[0].status, TL_STATUS_FINAL);
	assert_int_equal(c->cells[1].status, TL_STATUS_PROVISIONAL);
	assert_int_equal(c->cells[1].period.year, 2023);
	assert_int_equal(c->cells[2].status, TL_STATUS_PROVISIONAL);
	assert_int_equal(c->cells[2].period.kind, TL_PERIOD_QUARTER);
	assert_int_equal(c->cells[3].period.kind, TL_PERIOD_MONTH);
	assert_int_equal(c->cells[3].period.sub, 2);
	assert_int_equal(st.provisional, 2);
	assert_null(c->table); /* "p.csv" is not a CBS id */
	coll_free(c);

	/* The metadata's period list: 2024 Voorlopig (as in 86132NED). */
	static const char perioden[] =
		"{\"odata.metadata\":\"https://opendata.cbs.nl/ODataApi/OData/86132NED/$metadata#"
		"Cbs.OData.WebAPI.Perioden\",\"value\":[{\"Key\":\"2023JJ00\",\"Title\":\"2023\","
		"\"Status\":\"Definitief\"},{\"Key\":\"2024JJ00\",\"Title\":\"2024\",\"Status\":"
		"\"Voorlopig\"}]}";
	static const char text2[] = "\"ID\";\"RegioS\";\"Perioden\";\"A_1\"\n"
				    "\"0\";\"PV22  \";\"2023JJ00\";\"   1.0\"\n"
				    "\"1\";\"PV22  \";\"2024JJ00\";\"   2.0\"\n"
				    "\"2\";\"PV22  \";\"2024JJ00\";\"     .\"\n";
	tl_cbs_meta *m = tl_cbs_meta_new();
	assert_int_equal(tl_cbs_meta_add_json(m, "Perioden.json", perioden, sizeof perioden - 1, &e), 0);
	assert_int_equal(tl_cbs_meta_periods(m), 2);
	c = coll_new();
	s = sink_of(c);
	assert_int_equal(tl_read_cbs_v3_csv_mem("86132NED_x.csv", text2, sizeof text2 - 1, m, &s, &st, &e),
			 TL_OK);
	assert_int_equal(c->cells[0].status, TL_STATUS_FINAL);
	assert_int_equal(c->cells[1].status, TL_STATUS_PROVISIONAL);
	assert_int_equal(c->cells[2].status, TL_STATUS_UNKNOWN); /* no value: its own status */
	assert_string_equal(c->table, "86132NED");
	tl_cbs_meta_free(m);
	tl_errors_free(&e);
	coll_free(c);
}

static void metadata_types_and_units(void **state)
{
	(void)state;
	/* A String topic with digits in its first row (a postcode) and a geo
	 * column with an unusual name: only the metadata can tell. */
	static const char props[] =
		"[{\"Type\":\"Dimension\",\"Key\":\"Geslacht\",\"Title\":\"Geslacht\"},"
		"{\"Type\":\"GeoDimension\",\"Key\":\"Plaatsen\",\"Title\":\"Plaatsen\",\"MapYear\":2023},"
		"{\"Type\":\"TimeDimension\",\"Key\":\"Jaren\",\"Title\":\"Jaren\"},"
		"{\"Type\":\"TopicGroup\",\"Key\":\"\",\"Title\":\"Groep\"},"
		"{\"Type\":\"Topic\",\"Key\":\"Postcode_1\",\"Title\":\"Postcode\",\"Datatype\":\"String\","
		"\"Unit\":\"code\",\"Decimals\":\"0\"},"
		"{\"Type\":\"Topic\",\"Key\":\"Inwoners_2\",\"Title\":\"Inwoners\",\"Datatype\":\"Long\","
		"\"Unit\":\"aantal\",\"Decimals\":0}]";
	static const char info[] = "[{\"Identifier\":\"99999NED\",\"Title\":\"Testtabel\"}]";
	static const char text[] = "\"ID\";\"Geslacht\";\"Plaatsen\";\"Jaren\";\"Postcode_1\";\"Inwoners_2\"\n"
				   "\"0\";\"T001038\";\"GM0106    \";\"2023JJ00\";\"9401\";\"  1234\"\n";
	tl_errors e = TL_ERRORS_INIT;
	tl_cbs_meta *m = tl_cbs_meta_new();
	assert_int_equal(tl_cbs_meta_add_json(m, "DataProperties.json", props, sizeof props - 1, &e), 0);
	assert_int_equal(tl_cbs_meta_add_json(m, "TableInfos.json", info, sizeof info - 1, &e), 0);
	assert_int_equal(e.n, 0);
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	struct tl_cbs_v3_stats st;
	assert_int_equal(tl_read_cbs_v3_csv_mem("t.csv", text, sizeof text - 1, m, &s, &st, &e), TL_OK);
	assert_int_equal(st.meta, 1);
	assert_string_equal(c->table, "99999NED");
	assert_string_equal(c->title, "Testtabel");
	assert_int_equal(c->nt, 2);
	assert_int_equal(c->topics[0].numeric, 0); /* "9401" looks like a number */
	assert_string_equal(c->topics[1].title, "Inwoners");
	assert_string_equal(c->topics[1].unit, "aantal");
	assert_int_equal(c->topics[1].decimals, 0);
	assert_int_equal(c->nc, 1);
	assert_string_equal(c->cells[0].region, "GM0106");
	assert_string_equal(c->cells[0].dims, "Geslacht=T001038");
	assert_int_equal(c->cells[0].period.year, 2023);
	assert_true(c->cells[0].value == 1234);
	tl_cbs_meta_free(m);
	tl_errors_free(&e);
	coll_free(c);
}

static void copy_file(const char *from, const char *to)
{
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	char *data;
	size_t len;
	assert_int_equal(tl_file_read(from, 64u << 20, a, &data, &len, &e), 0);
	assert_int_equal(tl_file_write(to, data, len, &e), 0);
	tl_errors_free(&e);
	tl_arena_free(a);
}

/* Metadata beside the file, from the real 85984NED metadata. */
static void metadata_beside(void **state)
{
	(void)state;
	char dir[] = "/tmp/tl_cbs_v3_XXXXXX";
	assert_non_null(mkdtemp(dir));
	char p[512], q[512];
	snprintf(p, sizeof p, "%s/DataProperties.json", dir);
	copy_file(data_path(META85984 "/DataProperties.json"), p);
	snprintf(p, sizeof p, "%s/TableInfos.json", dir);
	copy_file(data_path(META85984 "/TableInfos.json"), p);

	/* RIVM's file next to KWB metadata: 3 of its 38 topics are described
	 * there (Gemeentenaam_1, SoortRegio_2, Codering_3): not its metadata. */
	snprintf(q, sizeof q, "%s/rivm2020.csv", dir);
	copy_file(data_path(RIVM2020), q);
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v3_stats st;
	assert_int_equal(tl_read_cbs_v3_csv_stats(q, &s, &st, &e), TL_OK);
	char *msg = messages(&e);
	assert_int_equal(tl_errors_count(&e), 0);
	assert_has(msg, "rivm2020.csv:1:1: warning: the metadata beside this file describes 3 of its "
			"38 topics: ignored");
	assert_int_equal(st.meta, 0);
	assert_int_equal(st.cells, 29995);
	assert_null(c->topics[3].title);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
	unlink(q);

	/* A CSV of 85984NED itself (a few real columns, values made up). */
	static const char kwb[] =
		"\"ID\";\"WijkenEnBuurten\";\"Gemeentenaam_1\";\"SoortRegio_2\";\"Codering_3\";"
		"\"AantalInwoners_5\";\"Onbekend_999\"\r\n"
		"\"0\";\"GM1680    \";\"Aa en Hunze   \";\"Gemeente  \";\"GM1680    \";\"   100\";\"1\"\r\n"
		"\"1\";\"WK168000  \";\"Aa en Hunze   \";\"Wijk      \";\"WK168000  \";\"    50\";\"2\"\r\n";
	snprintf(q, sizeof q, "%s/85984NED_UntypedDataSet.csv", dir);
	assert_int_equal(tl_file_write(q, kwb, sizeof kwb - 1, &e), 0);
	c = coll_new();
	s = sink_of(c);
	assert_int_equal(tl_read_cbs_v3_csv_stats(q, &s, &st, &e), TL_OK);
	msg = messages(&e);
	assert_has(msg, "warning: 1 topic is not in the metadata (first Onbekend_999)");
	assert_int_equal(st.meta, 1);
	assert_string_equal(c->table, "85984NED");
	assert_string_equal(c->title, "Kerncijfers wijken en buurten 2024");
	const struct rtopic *t = topic(c, "AantalInwoners_5");
	assert_string_equal(t->title, "Aantal inwoners");
	assert_string_equal(t->unit, "aantal");
	assert_int_equal(t->decimals, 0);
	assert_int_equal(topic(c, "Gemeentenaam_1")->numeric, 0);
	assert_string_equal(topic(c, "Gemeentenaam_1")->unit, "naam");
	/* GeoDetail WijkenEnBuurten has MapYear 2024 */
	const struct rregion *g = region(c, "GM1680");
	assert_string_equal(g->name, "Aa en Hunze");
	assert_int_equal(g->year, 2024);
	assert_string_equal(region(c, "WK168000")->parent, "GM1680");
	assert_int_equal(c->nc, 4);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);

	/* The same file under another table's id: the metadata is ignored. */
	snprintf(p, sizeof p, "%s/12345NED_UntypedDataSet.csv", dir);
	assert_int_equal(rename(q, p), 0);
	c = coll_new();
	s = sink_of(c);
	assert_int_equal(tl_read_cbs_v3_csv_stats(p, &s, &st, &e), TL_OK);
	msg = messages(&e);
	assert_has(msg, "warning: the metadata beside this file is of table 85984NED, not 12345NED: "
			"ignored");
	assert_int_equal(st.meta, 0);
	assert_null(topic(c, "AantalInwoners_5")->title);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
	unlink(p);
	snprintf(p, sizeof p, "%s/DataProperties.json", dir);
	unlink(p);
	snprintf(p, sizeof p, "%s/TableInfos.json", dir);
	unlink(p);
	rmdir(dir);
}

/* ---- JSON ------------------------------------------------------------------------ */

static void json_typed_and_untyped(void **state)
{
	(void)state;
	static const char typed[] =
		"{\"odata.metadata\":\"https://opendata.cbs.nl/ODataApi/OData/83599NED/$metadata#"
		"Cbs.OData.WebAPI.TypedDataSet\",\"value\":[\n"
		"{\"ID\":0,\"Perioden\":\"2011KW01\",\"RegioS\":\"NL01  \",\"Vacatures_1\":135.5},\n"
		"{\"ID\":1,\"Perioden\":\"2011KW02\",\"RegioS\":\"NL01  \",\"Vacatures_1\":null},\n"
		"{\"ID\":2,\"Perioden\":\"2011KW03\",\"RegioS\":\"NL01  \",\"Vacatures_1\":true},\n"
		"{\"ID\":3,\"Perioden\":\"2011KW04\",\"RegioS\":\"NL01  \",\"Vacatures_1\":12 x},\n"
		"{\"ID\":4,\"Perioden\":\"2012KW01\",\"RegioS\":\"NL01  \"},\n"
		"{\"ID\":5,\"Perioden\":\"2012KW02\",\"RegioS\":\"NL01  \",\"Vacatures_1\":140,\"Extra\":1}\n"
		"]}";
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v3_stats st;
	int rc = tl_read_cbs_v3_json_mem("page.json", typed, sizeof typed - 1, NULL, &s, &st, &e);
	char *msg = messages(&e);
	assert_int_equal(rc, TL_ERR_INPUT);
	assert_string_equal(c->table, "83599NED"); /* from the odata.metadata URL */
	assert_int_equal(c->nt, 1);
	assert_int_equal(c->topics[0].numeric, 1);
	assert_int_equal(c->nc, 3);
	assert_true(c->cells[0].value == 135.5);
	assert_string_equal(c->cells[0].region, "NL01");
	assert_int_equal(c->cells[0].period.kind, TL_PERIOD_QUARTER);
	assert_int_equal(c->cells[0].line, 2);
	assert_int_equal(c->cells[0].col, 63); /* where 135.5 starts */
	assert_int_equal(c->cells[1].status, TL_STATUS_UNKNOWN);
	assert_non_null(c->cells[1].note);
	assert_true(c->cells[2].value == 140);
	assert_has(msg, "page.json:4:63: not a number in numeric topic Vacatures_1: a JSON true");
	assert_has(msg, "page.json:5:66: malformed JSON object: '}' expected near 'x'");
	assert_has(msg, "page.json:6:1: no member \"Vacatures_1\" in this row object");
	assert_has(msg, "page.json:7:75: warning: member \"Extra\" is not in the first row object");
	assert_int_equal(tl_errors_count(&e), 3);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);

	/* UntypedDataSet: the same texts as the CSV, and the same cells. */
	static const char untyped[] =
		"{\"odata.metadata\":\"x#Cbs.OData.WebAPI.UntypedDataSet\",\"value\":[\n"
		"{\"ID\":\"0\",\"RegioS\":\"PV22  \",\"Perioden\":\"2019JJ00\",\"Naam_1\":\"Drenthe   \","
		"\"A_2\":\"   1.5\",\"B_3\":\"     .\",\"C_4\":\"\"}]}";
	static const char csv[] = "\"ID\";\"RegioS\";\"Perioden\";\"Naam_1\";\"A_2\";\"B_3\";\"C_4\"\n"
				  "\"0\";\"PV22  \";\"2019JJ00\";\"Drenthe   \";\"   1.5\";\"     .\";\"\"\n";
	struct coll *j = coll_new(), *k = coll_new();
	s = sink_of(j);
	assert_int_equal(tl_read_cbs_v3_json_mem("u.json", untyped, sizeof untyped - 1, NULL, &s, NULL, &e),
			 TL_OK);
	s = sink_of(k);
	assert_int_equal(tl_read_cbs_v3_csv_mem("u.csv", csv, sizeof csv - 1, NULL, &s, NULL, &e), TL_OK);
	assert_int_equal(j->nc, 3);
	assert_int_equal(k->nc, 3);
	assert_int_equal(j->nt, 4);
	assert_int_equal(j->topics[0].numeric, 0);
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(j->cells[i].topic, k->cells[i].topic);
		assert_string_equal(j->cells[i].region, k->cells[i].region);
		assert_int_equal(j->cells[i].status, k->cells[i].status);
		assert_true(j->cells[i].value == k->cells[i].value);
	}
	assert_int_equal(k->cells[1].status, TL_STATUS_UNKNOWN);
	assert_int_equal(k->cells[2].status, TL_STATUS_NOT_APPLICABLE);
	/* An unpaired Naam names the row's region. */
	assert_int_equal(j->nr, 1);
	assert_string_equal(j->regions[0].name, "Drenthe");
	assert_string_equal(j->regions[0].level, "provincie");
	assert_null(j->regions[0].parent);
	tl_errors_free(&e);
	coll_free(j);
	coll_free(k);
}

static void json_structure_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text, *want;
	} cases[] = {
		{"{\"odata.metadata\":\"x\"}", "j.json:1:1: no \"value\" array"},
		{"{\"value\":{}}", "j.json:1:10: \"value\" is not an array"},
		{"{\"value\":[{\"ID\":0,\"A_1\":1}", "j.json:1:27: expected ',' or ']'"},
		{"[{\"ID\":0,\"A_1\":1}] x", "j.json:1:20: text after the end of the JSON document"},
		{"[1, {\"ID\":0,\"A_1\":1}]", "j.json:1:2: element 1 of the array is not an object"},
		{"[]", "j.json:1:1: no row objects"},
		{"nope", "j.json:1:1: not an OData JSON page"},
		{"[{\"ID\":0,\"A_1\":1", "j.json:1:2: unterminated object"},
		{"{\"value\":[{\"ID\":0,\"A_1\":1}],\"value\":[]}", "j.json:1:37: a second \"value\" member"},
		{"[{\"ID\":0,\"A\\u000a_1\":1}]", "j.json:1:22: control character in column name \"A\\n_1\""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tl_errors e = TL_ERRORS_INIT;
		int rc = tl_read_cbs_v3_json_mem("j.json", cases[i].text, strlen(cases[i].text), NULL, NULL,
						 NULL, &e);
		char *msg = messages(&e);
		assert_int_equal(rc, TL_ERR_INPUT);
		assert_has(msg, cases[i].want);
		free(msg);
		tl_errors_free(&e);
	}
}

/* ---- Sniffers ------------------------------------------------------------------------ */

static int sniff_file(int (*fn)(const char *, size_t), const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char head[65536];
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return fn(head, n);
}

static void sniffers(void **state)
{
	(void)state;
	assert_true(sniff_file(tl_sniff_cbs_v3_csv, data_path(RIVM2020)));
	assert_true(sniff_file(tl_sniff_cbs_v3_csv, data_path(K70072)));
	assert_true(sniff_file(tl_sniff_cbs_v3_csv, data_path(K37259)));
	assert_true(sniff_file(tl_sniff_cbs_v3_csv, data_path(K70262)));
	assert_false(sniff_file(tl_sniff_cbs_v3_csv, data_path(K84489)));
	assert_false(sniff_file(tl_sniff_cbs_v3_csv, data_path("cbs/metadata-csv-86132NED/86132NED_metadata.csv")));
	assert_false(sniff_file(tl_sniff_cbs_v3_csv,
				data_path("cbs/statline-csv-titled/70072ned_regionale_kerncijfers_provincies_2019-2024.csv")));
	assert_false(sniff_file(tl_sniff_cbs_v3_csv, data_path("cbs-v4/85678NED/Observations.csv")));
	assert_false(sniff_file(tl_sniff_cbs_v3_csv, data_path("rmbw/brede-welvaart-indicators.drenthe.long.csv")));
	assert_true(sniff_file(tl_sniff_cbs_v3_json, data_path(K84489)));
	assert_false(sniff_file(tl_sniff_cbs_v3_json, data_path(META85984 "/DataProperties.json")));
	assert_false(sniff_file(tl_sniff_cbs_v3_json, data_path(META85984 "/TableInfos.json")));
	assert_false(sniff_file(tl_sniff_cbs_v3_json, data_path(RIVM2020)));
	assert_false(tl_sniff_cbs_v3_csv("\"ID\";\"RegioS\";\"Perioden\"\n", 28)); /* no topic */
	assert_false(tl_sniff_cbs_v3_csv("", 0));
	assert_true(tl_sniff_cbs_v3_json("[{\"ID\":0,\"RegioS\":\"NL01\",\"A_1\":1}]", 34));
	assert_false(tl_sniff_cbs_v3_json("[{\"ID\":0,\"RegioS\":\"NL01\"}]", 26));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rivm_2020_counts),
		cmocka_unit_test(rivm_2020_cells_by_hand),
		cmocka_unit_test(rivm_2020_regions),
		cmocka_unit_test(rivm_2012_not_measured),
		cmocka_unit_test(k70072_counts_and_cells),
		cmocka_unit_test(k37259_drenthe),
		cmocka_unit_test(k70262_tiny),
		cmocka_unit_test(k84489_typed_json),
		cmocka_unit_test(malformed_rows_positioned),
		cmocka_unit_test(fatal_headers),
		cmocka_unit_test(sink_stops_reader),
		cmocka_unit_test(provisional_periods),
		cmocka_unit_test(metadata_types_and_units),
		cmocka_unit_test(metadata_beside),
		cmocka_unit_test(json_typed_and_untyped),
		cmocka_unit_test(json_structure_errors),
		cmocka_unit_test(sniffers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
