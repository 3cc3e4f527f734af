/* The CBS OData v4 bulk reader on the real 85678NED download in
 * tests/data/cbs-v4/ (values checked by hand against the files, with the
 * shell command in a comment), and on small in-memory folders for what the
 * real one lacks: Impossible cells, other ValueAttributes, text cells, a
 * RegioS column, malformed rows. */
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
#include "core/file.h"
#include "import/cbs_v4.h"

#include "raw_collect.h"

/* The cell at file line `line`, or NULL. */
static const struct rcell *cell_at(const struct coll *c, unsigned line)
{
	for (size_t i = 0; i < c->nc; i++)
		if (c->cells[i].line == line)
			return &c->cells[i];
	return NULL;
}

#define FOLDER "cbs-v4/85678NED"

/* ---- The real download ----------------------------------------------------- */

static void real_counts(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v4_stats st;
	int rc = tl_read_cbs_v4_bulk_stats(data_path(FOLDER), &s, &st, &e);
	char *msg = messages(&e);
	assert_int_equal(rc, TL_OK);
	assert_int_equal(tl_errors_count(&e), 0);

	assert_int_equal(c->tables, 1);
	assert_string_equal(c->table, "85678NED");
	assert_string_equal(c->title, "Laag en langdurig laag inkomen; huishoudenskenmerken, "
				      "regio (indeling 2023)");
	/* awk -F';' 'NR>1' MeasureCodes.csv | wc -l                      → 6 */
	assert_int_equal(st.measures, 6);
	assert_int_equal(c->nt, 6);
	assert_string_equal(c->topics[0].key, "1050010_1");
	assert_string_equal(c->topics[0].title, "Particuliere huishoudens");
	assert_string_equal(c->topics[0].unit, "x 1 000");
	assert_int_equal(c->topics[0].decimals, 1);
	assert_int_equal(c->topics[0].numeric, 1);
	assert_string_equal(c->topics[3].key, "1050010_2");
	assert_string_equal(c->topics[3].unit, "%");
	/* awk -F';' 'NR>1' PeriodenCodes.csv | wc -l                     → 12 */
	assert_int_equal(st.periods, 12);
	/* grep -cE '^[A-Z]{2}[0-9]+;' RegioSCodes.csv                    → 434 */
	assert_int_equal(st.regions, 434);
	assert_int_equal(c->nr, 434);
	/* awk -F';' 'NR>1 && $7 != ""' Observations.csv | wc -l          → 11460 */
	assert_int_equal(st.rows, 11460);
	assert_int_equal(st.cells, 11460);
	assert_int_equal(st.values, 11460);
	assert_int_equal(c->nc, 11460);
	/* grep -c ';2022JJ00;' Observations.csv (2022 is Voorlopig)      → 752 */
	assert_int_equal(st.provisional, 752);
	/* grep -cE ';(2023|2024)JJ00;' Observations.csv                  → 1316 */
	assert_int_equal(st.unlisted_periods, 1316);
	assert_int_equal(st.impossible, 0);
	assert_int_equal(st.unknown, 0);
	assert_int_equal(st.strings, 0);
	assert_int_equal(st.bad, 0);
	assert_false(c->topic_after_cell); /* all measures before any cell */
	assert_false(c->region_after_cell);
	assert_false(c->unannounced);
	for (size_t i = 0; i < c->nc; i++) {
		assert_string_equal(c->cells[i].table, "85678NED");
		assert_null(c->cells[i].region); /* this slice has no RegioS column */
		assert_true(c->cells[i].has_period);
	}

	/* The marks of a folder whose observations are another table's. */
	assert_int_equal(e.warnings, 5);
	assert_has(msg, "Observations.csv:1:1: warning: Dimensions.csv lists RegioS, "
				    "but this file has no such column: cells carry no region");
	assert_has(msg, "Observations.csv:26:38: warning: period 2023JJ00 is not in ");
	assert_has(msg, "Observations.csv:80:38: warning: period 2024JJ00 is not in ");
	assert_has(msg, "Observations.csv:442:15: warning: KenmerkenVanHuishoudens code "
				    "\"A043011\" is not in ");
	assert_has(msg, "(5960 rows with codes outside the list)");
	assert_has(msg, "11460 rows, but Properties.csv says ObservationCount 11924982 "
				    "for 85678NED");
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

static void real_cells_by_hand(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_read_cbs_v4_bulk(data_path(FOLDER), &s, &e), TL_OK);

	/* grep -n '^440;' Observations.csv
	 * 442:440;1050010_1;A043011;1050290;A028721;2011JJ00;252,6;;None
	 * "440;1050010_1;A043011;1050290;A028721;2011JJ00;" is 47 characters. */
	const struct rcell *x = cell_at(c, 442);
	assert_non_null(x);
	assert_int_equal(x->col, 48);
	assert_string_equal(x->topic, "1050010_1");
	assert_string_equal(x->dims, "KenmerkenVanHuishoudens=A043011,InkomensgrensHuishouden=1050290,"
				     "DuurInkomenspositie=A028721");
	assert_int_equal(x->period.year, 2011);
	assert_int_equal(x->period.kind, TL_PERIOD_YEAR);
	assert_int_equal(x->status, TL_STATUS_FINAL);
	assert_true(x->value == 252.6); /* decimal comma */
	assert_null(x->note);

	/* 5:3;1050010_2;1050010;1050290;A028721;2012JJ00;8;;None — a whole number */
	x = cell_at(c, 5);
	assert_non_null(x);
	assert_string_equal(x->topic, "1050010_2");
	assert_true(x->value == 8.0);
	assert_int_equal(x->status, TL_STATUS_FINAL);

	/* 24:22;1050010_1;1050010;1050290;A028721;2022JJ00;320,6;;None
	 * PeriodenCodes.csv: 2022JJ00;0;Perioden;12;2022;Voorlopige cijfers;Voorlopig */
	x = cell_at(c, 24);
	assert_non_null(x);
	assert_int_equal(x->period.year, 2022);
	assert_true(x->value == 320.6);
	assert_int_equal(x->status, TL_STATUS_PROVISIONAL);

	/* The last row, 2024: not in PeriodenCodes.csv → reported final (warned).
	 * 11461:11459;1050010_2;1014900;A043008;A028724;2024JJ00;40,2;;None */
	x = cell_at(c, 11461);
	assert_non_null(x);
	assert_int_equal(x->period.year, 2024);
	assert_true(x->value == 40.2);
	assert_int_equal(x->status, TL_STATUS_FINAL);
	assert_string_equal(x->dims, "KenmerkenVanHuishoudens=1014900,InkomensgrensHuishouden=A043008,"
				     "DuurInkomenspositie=A028724");

	/* Every 2022 cell and only those are provisional. */
	for (size_t i = 0; i < c->nc; i++)
		assert_int_equal(c->cells[i].status == TL_STATUS_PROVISIONAL,
				 c->cells[i].period.year == 2022);
	tl_errors_free(&e);
	coll_free(c);
}

/* RegioSGroups.csv: every group is reported before the regions, with its
 * title and parent, and each region names its group. */
struct grp_coll {
	int n, regions_before;
	char gmpv22[128];
	int regions;
	char gm1680_group[16];
};

static int grp_on_group(void *ctx, const struct tl_raw_group *g)
{
	struct grp_coll *c = ctx;
	c->n++;
	c->regions_before += c->regions > 0;
	if (!strcmp(g->id, "GMPV22"))
		snprintf(c->gmpv22, sizeof c->gmpv22, "%s|%s|%s", g->title, g->parent ? g->parent : "-", g->dimension);
	return 0;
}

static int grp_on_region(void *ctx, const struct tl_raw_region *r)
{
	struct grp_coll *c = ctx;
	c->regions++;
	if (!strcmp(r->code, "GM1680"))
		snprintf(c->gm1680_group, sizeof c->gm1680_group, "%s", r->group ? r->group : "-");
	return 0;
}

static void real_region_groups(void **state)
{
	(void)state;
	struct grp_coll c = {0};
	struct tl_raw_sink s = {&c, NULL, NULL, grp_on_region, NULL, grp_on_group};
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_read_cbs_v4_bulk(data_path(FOLDER), &s, &e), TL_OK);
	/* awk -F';' 'NR>1' RegioSGroups.csv | wc -l                         → 30 */
	assert_int_equal(c.n, 30);
	assert_int_equal(c.regions_before, 0);
	/* GMPV22;19;Drenthe (PV);;GMPV;RegioS */
	assert_string_equal(c.gmpv22, "Drenthe (PV)|GMPV|RegioS");
	assert_string_equal(c.gm1680_group, "GMPV22");
	tl_errors_free(&e);
}

static void real_regions(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_read_cbs_v4_bulk(data_path(FOLDER), &s, &e), TL_OK);

	/* GM1680;GMPV22;RegioS;…;Aa en Hunze — group GMPV22 = gemeenten of PV22 */
	const struct rregion *g = region(c, "GM1680");
	assert_non_null(g);
	assert_string_equal(g->name, "Aa en Hunze");
	assert_string_equal(g->level, "gemeente");
	assert_string_equal(g->parent, "PV22");
	assert_int_equal(g->year, 2023); /* Dimensions.csv: RegioS MapYear 2023 */

	g = region(c, "PV22"); /* PV22;PV;RegioS;8;Drenthe (PV) */
	assert_non_null(g);
	assert_string_equal(g->name, "Drenthe");
	assert_string_equal(g->level, "provincie");
	assert_string_equal(g->parent, "NL01");
	g = region(c, "NL01");
	assert_string_equal(g->name, "Nederland");
	assert_string_equal(g->level, "land");
	assert_null(g->parent);
	g = region(c, "LD01");
	assert_string_equal(g->name, "Noord-Nederland");
	assert_string_equal(g->level, "landsdeel");
	assert_string_equal(g->parent, "NL01");
	g = region(c, "CR07"); /* CR07;CRPV22;…;Noord-Drenthe (CR) */
	assert_string_equal(g->name, "Noord-Drenthe");
	assert_string_equal(g->level, "corop");
	assert_string_equal(g->parent, "PV22");
	g = region(c, "AM03"); /* AM03;AM;…;Drenthe (AM): no level word for it */
	assert_string_equal(g->name, "Drenthe");
	assert_null(g->level);
	assert_string_equal(g->parent, "NL01");
	g = region(c, "GM0373"); /* official name with a parenthesis of its own */
	assert_string_equal(g->name, "Bergen (NH.)");
	g = region(c, "GM0014"); /* GM0014;GMPV20;…;Groningen (gemeente) */
	assert_string_equal(g->name, "Groningen");
	assert_string_equal(g->parent, "PV20");

	/* grep -c ';GMPV22;' RegioSCodes.csv → 12: the municipalities of Drenthe. */
	static const char *const drenthe[] = {"GM0106", "GM0109", "GM0114", "GM0118",
					      "GM0119", "GM1680", "GM1681", "GM1690",
					      "GM1699", "GM1701", "GM1730", "GM1731"};
	size_t n = 0;
	for (size_t i = 0; i < c->nr; i++) {
		const struct rregion *r = &c->regions[i];
		if (r->parent && !strcmp(r->parent, "PV22") && r->level &&
		    !strcmp(r->level, "gemeente")) {
			int known = 0;
			for (size_t k = 0; k < 12; k++)
				known |= !strcmp(r->code, drenthe[k]);
			assert_true(known);
			n++;
		}
	}
	assert_int_equal(n, 12);
	/* grep -cE '^GM[0-9]+;' RegioSCodes.csv → 342 municipalities (indeling 2023) */
	n = 0;
	for (size_t i = 0; i < c->nr; i++)
		n += c->regions[i].level && !strcmp(c->regions[i].level, "gemeente");
	assert_int_equal(n, 342);
	tl_errors_free(&e);
	coll_free(c);
}

static void real_observations_path(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v4_stats st;
	assert_int_equal(tl_read_cbs_v4_bulk_stats(data_path(FOLDER "/Observations.csv"), &s, &st,
						   &e),
			 TL_OK);
	assert_int_equal(st.cells, 11460);
	assert_int_equal(st.regions, 434);
	assert_string_equal(c->table, "85678NED");
	tl_errors_free(&e);
	coll_free(c);
}

static void sniff(void **state)
{
	(void)state;
	assert_int_equal(tl_sniff_cbs_v4_bulk(data_path(FOLDER)), 1);
	assert_int_equal(tl_sniff_cbs_v4_bulk(data_path(FOLDER "/Observations.csv")), 1);
	assert_int_equal(tl_sniff_cbs_v4_bulk(data_path(FOLDER "/MeasureCodes.csv")), 0);
	assert_int_equal(tl_sniff_cbs_v4_bulk(data_path(FOLDER "/RegioSCodes.csv")), 0);
	assert_int_equal(tl_sniff_cbs_v4_bulk(data_path("cbs-v4")), 0);
	assert_int_equal(tl_sniff_cbs_v4_bulk(data_path("rmbw")), 0);
	assert_int_equal(tl_sniff_cbs_v4_bulk(data_path(
				 "rmbw/brede-welvaart-indicators.drenthe.long.csv")),
			 0);
	assert_int_equal(tl_sniff_cbs_v4_bulk("/nonexistent/folder"), 0);

	static const char v4[] = "Id;Measure;Perioden;Value;StringValue;ValueAttribute\n0;M1;";
	static const char old[] = "Id;Measure;RegioS;Perioden;Value;ValueAttribute\r\n";
	static const char own[] = "indicator;region;period;value\nx;PV22;2024;1,5\n";
	static const char rmbw[] = "indicator,statcode,statnaam,year,value\n";
	static const char v3[] = "\"ID\";\"RegioS\";\"Perioden\";\"Bevolking_1\"\n";
	assert_int_equal(tl_sniff_cbs_v4_observations(v4, sizeof v4 - 1), 1);
	assert_int_equal(tl_sniff_cbs_v4_observations(old, sizeof old - 1), 1);
	assert_int_equal(tl_sniff_cbs_v4_observations(own, sizeof own - 1), 0);
	assert_int_equal(tl_sniff_cbs_v4_observations(rmbw, sizeof rmbw - 1), 0);
	assert_int_equal(tl_sniff_cbs_v4_observations(v3, sizeof v3 - 1), 0);
	assert_int_equal(tl_sniff_cbs_v4_observations("", 0), 0);
	assert_int_equal(tl_sniff_cbs_v4_observations(NULL, 0), 0);
}

/* ---- Small folders in memory --------------------------------------------------
 * Shapes of the real files, cut down; the numbers are made up. */

static const char m_measures[] =
	"Identifier;MeasureGroupId;Index;Title;Description;DataType;Unit;Decimals;PresentationType\n"
	"M1;;1;\"Huishoudens; laag inkomen\";\"Tekst met ; en\nnieuwe regel\";Double;%;1;Relative\n"
	"M2;;2;Aantal;;Long;aantal;0;Absolute\n"
	"T1;;3;Toelichting;;String;;;\n";
static const char m_dimensions[] =
	"Identifier;Title;Description;MapYear;ReleasePolicy;Kind;ContainsGroups;ContainsCodes;"
	"CodesUrl;GroupsUrl\n"
	"Leeftijd;Leeftijd;;;;Dimension;False;True;LeeftijdCodes.csv;\n"
	"RegioS;Regio's;;2024;;GeoDimension;True;True;RegioSCodes.csv;RegioSGroups.csv\n"
	"Perioden;Perioden;;;True;TimeDimension;True;True;PeriodenCodes.csv;\n";
static const char m_leeftijd[] = "Identifier;DimensionGroupId;DimensionId;Index;Title;Description\n"
				 "20300;;Leeftijd;1;18 jaar of ouder;\n";
static const char m_periods[] = "Identifier;DimensionGroupId;DimensionId;Index;Title;Description;Status\n"
				"2022JJ00;0;Perioden;1;2022;;Definitief\n"
				"2023JJ00;0;Perioden;2;2023;;Nader voorlopig\n"
				"2024JJ00;0;Perioden;3;2024;;Voorlopig\n";
static const char m_regions[] = "Identifier;DimensionGroupId;DimensionId;Index;Title;Description\n"
				"NL01;NL;RegioS;1;Nederland;\n"
				"PV22;PV;RegioS;2;Drenthe (PV);\"PV = Provincie\n\nmet ; erin\"\n"
				"GM0106;GMPV22;RegioS;3;Assen;\n"
				"GM0363;GMPV27;RegioS;4;Amsterdam;\n";
static const char m_groups[] = "Id;Index;Title;Description;ParentId;DimensionId\n"
			       "NL;0;Nederland;;;RegioS\nPV;1;Provincies;;;RegioS\n"
			       "GMPV;2;Gemeenten per provincie;;;RegioS\n"
			       "GMPV22;3;Drenthe (PV);;GMPV;RegioS\n";
static const char m_props[] = "Identifier;Title;ObservationCount;DatasetType\n"
			      "99999NED;Testtabel;10;Mixed\n";

#define OBS_HEAD "Id;Measure;Leeftijd;RegioS;Perioden;Value;StringValue;ValueAttribute\n"

static int run_mem(const char *obs, struct coll *c, struct tl_cbs_v4_stats *st, tl_errors *e)
{
	struct tl_cbs_v4_file files[] = {
		{"Observations.csv", obs, strlen(obs)},
		{"MeasureCodes.csv", m_measures, sizeof m_measures - 1},
		{"Dimensions.csv", m_dimensions, sizeof m_dimensions - 1},
		{"LeeftijdCodes.csv", m_leeftijd, sizeof m_leeftijd - 1},
		{"PeriodenCodes.csv", m_periods, sizeof m_periods - 1},
		{"RegioSCodes.csv", m_regions, sizeof m_regions - 1},
		{"RegioSGroups.csv", m_groups, sizeof m_groups - 1},
		{"Properties.csv", m_props, sizeof m_props - 1},
	};
	struct tl_raw_sink s = sink_of(c);
	return tl_read_cbs_v4_mem("99999NED", files, sizeof files / sizeof files[0], &s, st, e);
}

static void mem_attributes(void **state)
{
	(void)state;
	static const char obs[] = OBS_HEAD
		"0;M1;20300;GM0106;2022JJ00;12,5;;None\n"
		"1;M1;20300;GM0106;2023JJ00;-0,25;;None\n"
		"2;M1;20300;GM0106;2024JJ00;7;;None\n"
		"3;M1;20300;GM0363;2024JJ00;;;Impossible\n"
		"4;M2;20300;GM0106;2024JJ00;;;Confidential\n"
		"5;M2;20300;GM0363;2024JJ00;;;Confidential\n"
		"6;M2;20300;PV22;2024JJ00;;geheim;None\n"
		"7;T1;20300;PV22;2024JJ00;;Een tekst;None\n"
		"8;M2;20300;PV22;2023JJ00;;;None\n"
		"9;M2;20300;NL01;2023JJ00;;;\n";
	struct coll *c = coll_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v4_stats st;
	int rc = run_mem(obs, c, &st, &e);
	char *msg = messages(&e);
	assert_int_equal(rc, TL_OK);
	assert_int_equal(tl_errors_count(&e), 0);
	assert_string_equal(c->table, "99999NED");
	assert_int_equal(c->nt, 3);
	assert_string_equal(c->topics[0].title, "Huishoudens; laag inkomen");
	assert_int_equal(c->topics[2].numeric, 0);
	assert_int_equal(c->topics[2].decimals, -1);
	assert_null(c->topics[2].unit);
	assert_int_equal(c->nr, 4);
	assert_string_equal(region(c, "GM0106")->parent, "PV22");
	assert_string_equal(region(c, "GM0363")->parent, "NL01"); /* GMPV27: PV27 is not listed */
	assert_int_equal(region(c, "GM0363")->year, 2024);

	assert_int_equal(st.rows, 10);
	assert_int_equal(st.cells, 8);
	assert_int_equal(st.values, 3);
	assert_int_equal(st.provisional, 2);
	assert_int_equal(st.impossible, 1);
	assert_int_equal(st.unknown, 4);
	assert_int_equal(st.strings, 2);
	assert_int_equal(c->nc, 8);

	const struct rcell *x = cell_at(c, 2);
	assert_string_equal(x->region, "GM0106");
	assert_string_equal(x->dims, "Leeftijd=20300");
	assert_true(x->value == 12.5);
	assert_int_equal(x->status, TL_STATUS_FINAL);
	x = cell_at(c, 3); /* Nader voorlopig */
	assert_true(x->value == -0.25);
	assert_int_equal(x->status, TL_STATUS_PROVISIONAL);
	x = cell_at(c, 4); /* Voorlopig */
	assert_int_equal(x->status, TL_STATUS_PROVISIONAL);
	x = cell_at(c, 5);
	assert_string_equal(x->region, "GM0363");
	assert_int_equal(x->status, TL_STATUS_NOT_APPLICABLE);
	x = cell_at(c, 6);
	assert_int_equal(x->status, TL_STATUS_UNKNOWN);
	assert_string_equal(x->note, "CBS ValueAttribute Confidential");
	assert_int_equal(cell_at(c, 7)->status, TL_STATUS_UNKNOWN);
	assert_null(cell_at(c, 8)); /* a text cell */
	assert_null(cell_at(c, 9)); /* a String measure */
	x = cell_at(c, 10); /* None without any value */
	assert_int_equal(x->status, TL_STATUS_UNKNOWN);
	assert_string_equal(x->note, "CBS: lege waarde");
	assert_int_equal(cell_at(c, 11)->status, TL_STATUS_UNKNOWN); /* empty attribute = None */

	/* One warning per unknown attribute, one for empty values, one for the
	 * group GMPV27 that RegioSGroups.csv lacks. */
	assert_int_equal(e.warnings, 3);
	assert_has(msg, "99999NED/RegioSCodes.csv: warning: 1 region names a "
				    "DimensionGroupId that the groups file lacks (first \"GMPV27\")");
	assert_has(msg, "99999NED/Observations.csv:6:30: warning: ValueAttribute "
				    "\"Confidential\" is not None or Impossible");
	assert_has(msg, "99999NED/Observations.csv:10:26: warning: a cell with "
				    "ValueAttribute None has no value");
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

static void mem_malformed_rows(void **state)
{
	(void)state;
	static const char obs[] = OBS_HEAD
		"0;M1;20300;GM0106;2022JJ00;4,8,1;;None\n"
		"1;M1;20300;GM0106;2022JJ00;4.5;;None\n"
		"2;M1;20300;GM0106;2022JJ00;1,0;None\n"
		"3;M9;20300;GM0106;2022JJ00;1,0;;None\n"
		"4;M1;20300;GM0106;2024XX00;1,0;;None\n"
		"5;M1;;GM0106;2022JJ00;1,0;;None\n"
		"6;M1;20300;GM0106;2022JJ00;2,0;;Impossible\n"
		"7;M1;20300;GM0106;2022JJ00;1\"0;;None\n"
		"8;M1;20300;GM0106;2022JJ00;3,5;;None\n"
		"9;M1;20300;GM9999;2022JJ00;nan;;None\n"
		"10;M1;20301;GM9999;2022JJ00;4,5;;None\n";
	struct coll *c = coll_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v4_stats st;
	int rc = run_mem(obs, c, &st, &e);
	char *msg = messages(&e);
	assert_int_equal(rc, TL_ERR_INPUT);
	const char *want[] = {
		"99999NED/Observations.csv:2:28: not a number: \"4,8,1\"",
		"99999NED/Observations.csv:3:28: decimal point in \"4.5\" (the v4 bulk CSV writes a "
		"decimal comma)",
		"99999NED/Observations.csv:4:32: row has 7 fields, but the header (line 1) has 8: "
		"\"None\"",
		"99999NED/Observations.csv:5:3: measure \"M9\" is not in MeasureCodes.csv",
		"99999NED/Observations.csv:6:19: period \"2024XX00\" is not a CBS year, quarter or month "
		"code",
		"99999NED/Observations.csv:7:6: empty Leeftijd code",
		"99999NED/Observations.csv:8:28: a value \"2,0\" on a cell with ValueAttribute Impossible",
		"99999NED/Observations.csv:11:28: not a number: \"nan\"",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!strstr(msg, want[i]))
			fail_msg("missing \"%s\" in:\n%s", want[i], msg);
	/* the csv reader's own error for the quote inside a field */
	assert_has(msg, "99999NED/Observations.csv:9:");
	assert_int_equal(tl_errors_count(&e), 9);
	/* The good rows after the bad ones are still there. */
	assert_int_equal(st.bad, 9);
	assert_int_equal(st.cells, 2);
	assert_true(cell_at(c, 10)->value == 3.5);
	assert_true(cell_at(c, 12)->value == 4.5);
	/* Codes outside their lists: a warning per dimension, with a count. */
	assert_int_equal(st.unlisted_codes, 1);
	assert_has(msg, "99999NED/Observations.csv:12:7: warning: Leeftijd code "
				    "\"20301\" is not in 99999NED/LeeftijdCodes.csv (1 row");
	assert_has(msg, "99999NED/Observations.csv:12:13: warning: RegioS code "
				    "\"GM9999\" is not in 99999NED/RegioSCodes.csv (1 row");
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

/* The real folder in memory together with D-83841NED.json (kept apart in
 * tests/data/cbs-v4/): the dataset description of the national table whose
 * observations the folder holds.  The reader recognises them as that table's
 * and marks the cells national, instead of leaving them without a region. */
static void real_national_observations_recognised(void **state)
{
	(void)state;
	static const char *const names[] = {
		"Observations.csv", "MeasureCodes.csv", "Dimensions.csv", "PeriodenCodes.csv",
		"RegioSCodes.csv", "RegioSGroups.csv", "Properties.csv",
		"KenmerkenVanHuishoudensCodes.csv", "InkomensgrensHuishoudenCodes.csv",
		"DuurInkomenspositieCodes.csv", "D-83841NED.json",
	};
	enum { N = sizeof names / sizeof names[0] };
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v4_file files[N];
	for (size_t i = 0; i < N; i++) {
		char *data;
		size_t len;
		char rel[256];
		if (i == N - 1)
			snprintf(rel, sizeof rel, "cbs-v4/%s", names[i]);
		else
			snprintf(rel, sizeof rel, FOLDER "/%s", names[i]);
		assert_int_equal(tl_file_read(data_path(rel), 1 << 24, a, &data, &len, &e), TL_OK);
		files[i].name = names[i];
		files[i].data = data;
		files[i].len = len;
	}
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	struct tl_cbs_v4_stats st;
	int rc = tl_read_cbs_v4_mem("85678NED", files, N, &s, &st, &e);
	char *msg = messages(&e);
	assert_int_equal(rc, TL_OK);
	assert_int_equal(c->tables, 2); /* 85678NED from Properties.csv, then 83841NED */
	assert_string_equal(c->table, "83841NED");
	assert_int_equal(st.cells, 11460);
	assert_int_equal(st.provisional, 0); /* 85678NED's Voorlopig 2022 does not apply */
	assert_string_equal(c->cells[0].table, "83841NED");
	assert_null(c->cells[0].region);
	assert_int_equal(c->national, 11460);
	assert_has(msg, "85678NED/Observations.csv:1:1: warning: these are the observations of 83841NED "
			"(D-83841NED.json: the same dimensions, none of them a region), not of 85678NED");
	assert_has(msg, "the figures' statuses (final or provisional) are unknown and reported as final");
	assert_true(strstr(msg, "cells carry no region") == NULL);
	/* 11460 rows is 83841NED's ObservationCount: no partial-download warning. */
	assert_true(strstr(msg, "ObservationCount") == NULL);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
	tl_arena_free(a);
}

/* Without the dataset description the same cells have no region. */
static void real_national_needs_its_description(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_read_cbs_v4_bulk(data_path(FOLDER), &s, &e), TL_OK);
	assert_int_equal(c->national, 0);
	tl_errors_free(&e);
	coll_free(c);
}

static void real_malformed_rows(void **state)
{
	(void)state;
	/* The real folder in memory, with two rows of Observations.csv broken. */
	static const char *const names[] = {
		"Observations.csv", "MeasureCodes.csv", "Dimensions.csv", "PeriodenCodes.csv",
		"RegioSCodes.csv", "RegioSGroups.csv", "Properties.csv",
		"KenmerkenVanHuishoudensCodes.csv", "InkomensgrensHuishoudenCodes.csv",
		"DuurInkomenspositieCodes.csv",
	};
	enum { N = sizeof names / sizeof names[0] };
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v4_file files[N];
	char *obs = NULL;
	for (size_t i = 0; i < N; i++) {
		char *data;
		size_t len;
		char rel[256];
		snprintf(rel, sizeof rel, FOLDER "/%s", names[i]);
		assert_int_equal(tl_file_read(data_path(rel), 1 << 24, a, &data, &len, &e), TL_OK);
		files[i].name = names[i];
		files[i].data = data;
		files[i].len = len;
		if (i == 0)
			obs = data;
	}
	/* line 2: "0;1050010_1;1050010;1050290;A028721;2011JJ00;481,8;;None" */
	char *p = strstr(obs, ";481,8;");
	assert_non_null(p);
	p[4] = 'x';                   /* 481x8 */
	/* line 3: "1;1050010_2;…;2011JJ00;6,9;;None" loses a field */
	p = strstr(obs, ";6,9;;None\n");
	assert_non_null(p);
	memcpy(p, ";6;9;;None", 10);  /* same length, one field more */

	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	struct tl_cbs_v4_stats st;
	int rc = tl_read_cbs_v4_mem("85678NED", files, N, &s, &st, &e);
	char *msg = messages(&e);
	assert_int_equal(rc, TL_ERR_INPUT);
	assert_int_equal(tl_errors_count(&e), 2);
	assert_has(msg, "85678NED/Observations.csv:2:46: not a number: \"481x8\"\n");
	assert_has(msg, "85678NED/Observations.csv:3:51: row has 10 fields, but the header "
			"(line 1) has 9: \"None\"\n");
	assert_int_equal(st.bad, 2);
	assert_int_equal(st.cells, 11458);
	assert_non_null(cell_at(c, 4)); /* the reader went on */
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
	tl_arena_free(a);
}

static void mem_missing_parts(void **state)
{
	(void)state;
	tl_errors e = TL_ERRORS_INIT;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	static const char obs[] = "Id;Measure;Perioden;Value;StringValue;ValueAttribute\n"
				  "0;M1;2024JJ00;1,5;;None\n";
	/* No MeasureCodes.csv: refused, nothing reported. */
	struct tl_cbs_v4_file only_obs[] = {{"Observations.csv", obs, sizeof obs - 1}};
	assert_int_equal(tl_read_cbs_v4_mem("t", only_obs, 1, &s, NULL, &e), TL_ERR_INPUT);
	char *msg = messages(&e);
	assert_has(msg, "t/MeasureCodes.csv: no such file");
	assert_has(msg, "t/Properties.csv: warning: no such file");
	assert_int_equal(c->nc, 0);
	free(msg);
	tl_errors_free(&e);

	/* No Observations.csv. */
	struct tl_cbs_v4_file only_m[] = {{"MeasureCodes.csv", m_measures, sizeof m_measures - 1}};
	assert_int_equal(tl_read_cbs_v4_mem("t", only_m, 1, &s, NULL, &e), TL_ERR_INPUT);
	msg = messages(&e);
	assert_has(msg, "t/Observations.csv: no such file");
	free(msg);
	tl_errors_free(&e);

	/* Not a v4 header. */
	static const char own[] = "indicator;region;period;value\nx;PV22;2024;1,5\n";
	struct tl_cbs_v4_file wrong[] = {{"Observations.csv", own, sizeof own - 1},
					 {"MeasureCodes.csv", m_measures, sizeof m_measures - 1}};
	assert_int_equal(tl_read_cbs_v4_mem("t", wrong, 2, &s, NULL, &e), TL_ERR_INPUT);
	msg = messages(&e);
	assert_has(msg, "t/Observations.csv:1:1: not the header of a CBS v4 "
				    "Observations.csv");
	free(msg);
	tl_errors_free(&e);

	/* Without Dimensions.csv and Properties.csv: Perioden found by name, the
	 * table id from the one D-<id>.json. */
	static const char pc[] = "Identifier;Status\n2024JJ00;Voorlopig\n";
	struct tl_cbs_v4_file bare[] = {{"Observations.csv", obs, sizeof obs - 1},
					{"MeasureCodes.csv", m_measures, sizeof m_measures - 1},
					{"PeriodenCodes.csv", pc, sizeof pc - 1},
					{"D-12345NED.json", "{}", 2}};
	struct tl_cbs_v4_stats st;
	assert_int_equal(tl_read_cbs_v4_mem("t", bare, 4, &s, &st, &e), TL_OK);
	assert_int_equal(e.n, 0);
	assert_int_equal(st.cells, 1);
	assert_string_equal(c->table, "12345NED");
	assert_int_equal(c->cells[0].status, TL_STATUS_PROVISIONAL);
	assert_string_equal(c->cells[0].table, "12345NED");
	assert_true(c->cells[0].value == 1.5);
	tl_errors_free(&e);
	coll_free(c);
}

static void mem_code_list_names(void **state)
{
	(void)state;
	/* CodesUrl as a URL (its last segment is the file); a path is refused. */
	static const char dims[] =
		"Identifier;Title;Description;MapYear;ReleasePolicy;Kind;ContainsGroups;ContainsCodes;"
		"CodesUrl;GroupsUrl\n"
		"Leeftijd;Leeftijd;;;;Dimension;False;True;"
		"https://datasets.cbs.nl/odata/v1/CBS/99999NED/LeeftijdCodes.csv;\n"
		"RegioS;Regio's;;2024;;GeoDimension;True;True;RegioSCodes.csv;../../etc/passwd\n"
		"Perioden;Perioden;;;True;TimeDimension;True;True;PeriodenCodes.csv;\n";
	static const char obs[] = OBS_HEAD "0;M1;20399;GM0106;2022JJ00;12,5;;None\n";
	struct tl_cbs_v4_file files[] = {
		{"Observations.csv", obs, sizeof obs - 1},
		{"MeasureCodes.csv", m_measures, sizeof m_measures - 1},
		{"Dimensions.csv", dims, sizeof dims - 1},
		{"LeeftijdCodes.csv", m_leeftijd, sizeof m_leeftijd - 1},
		{"PeriodenCodes.csv", m_periods, sizeof m_periods - 1},
		{"RegioSCodes.csv", m_regions, sizeof m_regions - 1},
		{"Properties.csv", m_props, sizeof m_props - 1},
	};
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	struct tl_cbs_v4_stats st;
	int rc = tl_read_cbs_v4_mem("t", files, sizeof files / sizeof files[0], &s, &st, &e);
	char *msg = messages(&e);
	assert_int_equal(rc, TL_ERR_INPUT);
	assert_has(msg, "t/Dimensions.csv:3:62: not a plain file name: \"../../etc/passwd\"");
	/* LeeftijdCodes.csv was found through the URL: 20399 is checked against it. */
	assert_has(msg, "warning: Leeftijd code \"20399\" is not in t/LeeftijdCodes.csv");
	assert_int_equal(st.cells, 1);
	assert_int_equal(st.regions, 4);
	free(msg);
	tl_errors_free(&e);
	coll_free(c);
}

static void sink_stops(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	c->stop_at = 5;
	c->stop_rc = -42;
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_read_cbs_v4_bulk(data_path(FOLDER), &s, &e), -42);
	assert_int_equal(c->nc, 5);
	tl_errors_free(&e);
	coll_free(c);

	/* A NULL sink reads and checks without reporting. */
	struct tl_cbs_v4_stats st;
	assert_int_equal(tl_read_cbs_v4_bulk_stats(data_path(FOLDER), NULL, &st, &e), TL_OK);
	assert_int_equal(st.cells, 11460);
	tl_errors_free(&e);

	assert_int_equal(tl_read_cbs_v4_bulk("/nonexistent/x", NULL, &e), TL_ERR_IO);
	assert_int_equal(e.n, 1);
	tl_errors_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(real_counts),
		cmocka_unit_test(real_cells_by_hand),
		cmocka_unit_test(real_regions),
		cmocka_unit_test(real_observations_path),
		cmocka_unit_test(sniff),
		cmocka_unit_test(mem_attributes),
		cmocka_unit_test(mem_malformed_rows),
		cmocka_unit_test(real_malformed_rows),
		cmocka_unit_test(real_national_observations_recognised),
		cmocka_unit_test(real_region_groups),
		cmocka_unit_test(real_national_needs_its_description),
		cmocka_unit_test(mem_missing_parts),
		cmocka_unit_test(mem_code_list_names),
		cmocka_unit_test(sink_stops),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
