/* CBS metadata (import/cbs_meta.h) on the real files in tests/data/cbs/ —
 * the OData v3 metadata of 85984NED (DataProperties.json, TableInfos.json)
 * and the metadata CSV of 86132NED with its region register — with counts
 * and values checked by hand (the command is in a comment); and the shared
 * pieces: the streaming JSON page reader, region-code helpers, sniffers. */
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
#include "import/cbs_meta.h"

#include "raw_collect.h"

static const struct rtopic *topic(const struct coll *c, const char *key)
{
	for (size_t i = 0; i < c->nt; i++)
		if (strcmp(c->topics[i].key, key) == 0)
			return &c->topics[i];
	return NULL;
}

#define META85984 "cbs/odata3-meta-85984NED"
#define META86132 "cbs/metadata-csv-86132NED/86132NED_metadata.csv"

static int stop_third_topic(void *ctx, const struct tl_raw_topic *t)
{
	struct coll *c = ctx;
	on_topic(ctx, t);
	return c->nt == 3 ? -1 : 0;
}

/* ---- Metadata JSON ---------------------------------------------------------- */

static void meta_json_folder(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	int rc = tl_read_cbs_meta_json(data_path(META85984), &s, &e);
	char *msg = messages(&e);
	if (rc != TL_OK || e.n)
		fail_msg("rc %d:\n%s", rc, msg);
	free(msg);
	/* TableInfos.json: "Title": "Kerncijfers wijken en buurten 2024", "Identifier": "85984NED" */
	assert_int_equal(c->tables, 1);
	assert_string_equal(c->table, "85984NED");
	assert_string_equal(c->title, "Kerncijfers wijken en buurten 2024");
	/* grep -c '"Type": "Topic"' DataProperties.json                → 128
	 * grep -c '"Datatype": "String"' DataProperties.json            → 5 */
	assert_int_equal(c->nt, 128);
	size_t texts = 0;
	for (size_t i = 0; i < c->nt; i++)
		texts += !c->topics[i].numeric;
	assert_int_equal(texts, 5);
	assert_string_equal(c->topics[0].key, "Gemeentenaam_1");
	assert_string_equal(c->topics[0].title, "Gemeentenaam");
	assert_string_equal(c->topics[0].unit, "naam");
	assert_int_equal(c->topics[0].numeric, 0);
	/* {"Type": "Topic", "Key": "AantalInwoners_5", "Title": "Aantal inwoners",
	 *  "Datatype": "Long", "Unit": "aantal", "Decimals": 0, …} */
	const struct rtopic *t = topic(c, "AantalInwoners_5");
	assert_non_null(t);
	assert_string_equal(t->title, "Aantal inwoners");
	assert_string_equal(t->unit, "aantal");
	assert_int_equal(t->decimals, 0);
	assert_int_equal(t->numeric, 1);
	assert_null(topic(c, "WijkenEnBuurten")); /* a dimension, not a topic */
	assert_int_equal(c->nr, 0);
	assert_int_equal(c->nc, 0);
	tl_errors_free(&e);
	coll_free(c);

	/* One of the two files: its sibling is read too. */
	const char *files[] = {META85984 "/DataProperties.json", META85984 "/TableInfos.json"};
	for (int i = 0; i < 2; i++) {
		c = coll_new();
		s = sink_of(c);
		assert_int_equal(tl_read_cbs_meta_json(data_path(files[i]), &s, &e), TL_OK);
		assert_string_equal(c->table, "85984NED");
		assert_int_equal(c->nt, 128);
		coll_free(c);
	}
	assert_int_equal(tl_read_cbs_meta_json("/nonexistent/folder", &s, &e), TL_ERR_IO);
	tl_errors_free(&e);

	/* A sink that stops (with -1, which is also TL_ERR_INPUT's value) at the
	 * 3rd topic: that value comes back, and nothing more is reported. */
	c = coll_new();
	s = sink_of(c);
	s.topic = stop_third_topic;
	assert_int_equal(tl_read_cbs_meta_json(data_path(META85984), &s, &e), -1);
	assert_int_equal(c->nt, 3);
	assert_int_equal(e.n, 0);
	coll_free(c);
}

static void meta_json_model(void **state)
{
	(void)state;
	tl_errors e = TL_ERRORS_INIT;
	tl_cbs_meta *m = tl_cbs_meta_new();
	assert_int_equal(tl_cbs_meta_add_json_file(m, data_path(META85984 "/DataProperties.json"), &e), 0);
	/* 128 topics + 1 GeoDetail (the 43 TopicGroups are not kept)    → 129 */
	assert_int_equal(tl_cbs_meta_count(m), 129);
	const struct tl_cbs_prop *p = tl_cbs_meta_prop(m, "WijkenEnBuurten");
	assert_non_null(p);
	assert_int_equal(p->kind, TL_CBS_GEO);
	assert_int_equal(p->map_year, 2024); /* "MapYear": 2024 */
	assert_int_equal(tl_cbs_meta_year(m), 2024);
	assert_ptr_equal(tl_cbs_meta_at(m, 0), p);
	p = tl_cbs_meta_prop(m, "Codering_3");
	assert_int_equal(p->kind, TL_CBS_TOPIC);
	assert_int_equal(p->numeric, 0);
	assert_null(tl_cbs_meta_prop(m, "Nope_1"));
	assert_null(tl_cbs_meta_table(m, NULL));
	assert_int_equal(tl_cbs_meta_periods(m), 0);
	assert_int_equal(e.n, 0);
	tl_cbs_meta_free(m);
	tl_cbs_meta_free(NULL);

	/* Malformed properties: reported at the member, the rest kept. */
	static const char bad[] =
		"{\"odata.metadata\":\"x#Cbs.OData.WebAPI.DataProperties\",\"value\":[\n"
		"{\"Type\":\"Topic\",\"Key\":\"A_1\",\"Decimals\":\"many\"},\n"
		"{\"Type\":\"Topic\",\"Key\":\"A_1\"},\n"
		"{\"Type\":\"Cube\",\"Key\":\"X\"},\n"
		"{\"Type\":\"Topic\"},\n"
		"{\"Title\":\"neither\"},\n"
		"{\"Type\":\"Topic\",\"Key\":\"B_2\",\"Unit\":\"%\",\"Decimals\":1},\n"
		"{\"Type\":\"Topic\",\"Key\":\"C 3\\r\\nD\"}]}";
	m = tl_cbs_meta_new();
	assert_int_equal(tl_cbs_meta_add_json(m, "dp.json", bad, sizeof bad - 1, &e), 0);
	char *msg = messages(&e);
	assert_has(msg, "dp.json:2:40: Decimals \"many\" of A_1 is not a whole number from 0 to 20\n");
	assert_has(msg, "dp.json:3:23: property A_1 is listed twice\n");
	assert_has(msg, "dp.json:4:9: warning: unknown DataProperties Type \"Cube\": property skipped\n");
	assert_has(msg, "dp.json:5:1: a Topic property without a Key\n");
	assert_has(msg, "dp.json:6:1: not a DataProperties, TableInfos or code list object");
	/* Found by fuzzing: a Key with a line break is not an identifier. */
	assert_has(msg, "dp.json:8:23: property Key");
	assert_has(msg, "has blanks or control characters: not an identifier\n");
	assert_int_equal(tl_cbs_meta_count(m), 2);
	assert_int_equal(tl_cbs_meta_prop(m, "A_1")->decimals, -1);
	assert_int_equal(tl_cbs_meta_prop(m, "B_2")->decimals, 1);
	free(msg);
	tl_cbs_meta_free(m);
	tl_errors_free(&e);
}

/* ---- Metadata CSV ------------------------------------------------------------- */

static void meta_csv_real(void **state)
{
	(void)state;
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	int rc = tl_read_cbs_meta_csv(data_path(META86132), &s, &e);
	char *msg = messages(&e);
	if (rc != TL_OK || e.n)
		fail_msg("rc %d:\n%s", rc, msg);
	free(msg);
	/* 3:"0";"Armoede van kinderen; persoons- en huishoudenskenmerken, regio (2025)";
	 *   "Armoede van kinderen, regio";"86132NED";… */
	assert_int_equal(c->tables, 1);
	assert_string_equal(c->table, "86132NED");
	assert_string_equal(c->title, "Armoede van kinderen; persoons- en huishoudenskenmerken, regio (2025)");
	/* grep -c '"Topic";' F                                             → 5 */
	assert_int_equal(c->nt, 5);
	assert_string_equal(c->topics[0].key, "KinderenTotaal_1");
	assert_string_equal(c->topics[0].title, "Kinderen (totaal)");
	assert_string_equal(c->topics[0].unit, "x 1 000");
	assert_int_equal(c->topics[0].decimals, 1);
	assert_string_equal(c->topics[4].key, "KinderenLangdurigArmRelatief_5");
	assert_string_equal(c->topics[4].unit, "%");
	/* The RegioS section: grep -cE '^"(NL|LD|PV|CR|GM|AM)[0-9]+ *";' F → 434;
	 * by prefix (cut -c2-3 | sort | uniq -c): GM 342, CR 40, AM 35, PV 12,
	 * LD 4, NL 1 */
	assert_int_equal(c->nr, 434);
	size_t gm = 0, cr = 0, pv = 0, ld = 0, nl = 0, none = 0;
	for (size_t i = 0; i < c->nr; i++) {
		const char *l = c->regions[i].level;
		if (!l)
			none++;
		else if (!strcmp(l, "gemeente"))
			gm++;
		else if (!strcmp(l, "corop"))
			cr++;
		else if (!strcmp(l, "provincie"))
			pv++;
		else if (!strcmp(l, "landsdeel"))
			ld++;
		else if (!strcmp(l, "land"))
			nl++;
		assert_int_equal(c->regions[i].year, 2025);
		assert_null(strchr(c->regions[i].code, ' '));
	}
	assert_int_equal(gm, 342);
	assert_int_equal(cr, 40);
	assert_int_equal(pv, 12);
	assert_int_equal(ld, 4);
	assert_int_equal(nl, 1);
	assert_int_equal(none, 35); /* arbeidsmarktregio's */
	/* "NL01  ";"Nederland";"" */
	const struct rregion *g = region(c, "NL01");
	assert_string_equal(g->name, "Nederland");
	assert_string_equal(g->level, "land");
	assert_null(g->parent);
	/* "PV22  ";"Drenthe (PV)";"PV = Provincie…" */
	g = region(c, "PV22");
	assert_string_equal(g->name, "Drenthe");
	assert_string_equal(g->parent, "NL01");
	g = region(c, "LD01");
	assert_string_equal(g->name, "Noord-Nederland");
	assert_string_equal(g->parent, "NL01");
	g = region(c, "CR07");
	assert_string_equal(g->name, "Noord-Drenthe");
	assert_null(g->parent); /* the file does not say which province */
	g = region(c, "GM1680"); /* "GM1680";"Aa en Hunze";"Ontstaan per 01-01-1998" */
	assert_string_equal(g->name, "Aa en Hunze");
	assert_null(g->parent);
	assert_string_equal(region(c, "GM0014")->name, "Groningen"); /* "Groningen (gemeente)" */
	assert_string_equal(region(c, "GM0373")->name, "Bergen (NH.)");
	g = region(c, "AM03");
	assert_string_equal(g->name, "Drenthe (AM)"); /* no level: the suffix stays */
	assert_null(g->level);
	tl_errors_free(&e);
	coll_free(c);
}

static void meta_csv_model(void **state)
{
	(void)state;
	tl_errors e = TL_ERRORS_INIT;
	tl_cbs_meta *m = tl_cbs_meta_new();
	assert_int_equal(tl_cbs_meta_add_csv_file(m, data_path(META86132), &e), 0);
	assert_int_equal(e.n, 0);
	const char *title;
	assert_string_equal(tl_cbs_meta_table(m, &title), "86132NED");
	assert_non_null(title);
	/* ShortDescription: "Peildatum voor de gemeentelijke indeling is 1 januari 2025." */
	assert_int_equal(tl_cbs_meta_year(m), 2025);
	/* Dimension, GeoDimension, TimeDimension and 5 topics */
	assert_int_equal(tl_cbs_meta_count(m), 8);
	assert_int_equal(tl_cbs_meta_prop(m, "RegioS")->kind, TL_CBS_GEO);
	assert_string_equal(tl_cbs_meta_prop(m, "RegioS")->title, "Regio's");
	assert_int_equal(tl_cbs_meta_prop(m, "Perioden")->kind, TL_CBS_TIME);
	assert_int_equal(tl_cbs_meta_prop(m, "PersoonsEnHuishoudenskenmerken")->kind, TL_CBS_DIMENSION);
	/* The Perioden section: 2018JJ00 … 2023JJ00 Definitief, 2024JJ00 Voorlopig */
	assert_int_equal(tl_cbs_meta_periods(m), 7);
	enum tl_status st;
	assert_int_equal(tl_cbs_meta_period(m, "2024JJ00", 8, &st), 1);
	assert_int_equal(st, TL_STATUS_PROVISIONAL);
	assert_int_equal(tl_cbs_meta_period(m, "2023JJ00", 8, &st), 1);
	assert_int_equal(st, TL_STATUS_FINAL);
	assert_int_equal(tl_cbs_meta_period(m, "2017JJ00", 8, &st), 0);
	tl_cbs_meta_free(m);
	tl_errors_free(&e);
}

static void meta_csv_malformed(void **state)
{
	(void)state;
	static const char text[] =
		"\"TableInfos\"\n"
		"\"ID\";\"Title\";\"Identifier\"\n"
		"\"0\";\"Test (indeling 2023)\";\"12345NED\"\n"
		"\"DataProperties\"\n"
		"\"ID\";\"Type\";\"Key\";\"Title\";\"Unit\";\"Decimals\"\n"
		"\"0\";\"GeoDimension\";\"RegioS\";\"Regio's\";\"\";\"\"\n"
		"\"1\";\"Topic\";\"A_1\";\"A\";\"%\";\"veel\"\n"
		"\"2\";\"Topic\";\"B_2\"\n"
		"\"RegioS\"\n"
		"\"Key\";\"Title\";\"Description\"\n"
		"\"NL01  \";\"Nederland\";\"\"\n"
		"\"      \";\"Leeg\";\"\"\n"
		"\"PV22  \";\"Drenthe (PV)\";\"\"\n"
		"\"Perioden\"\n"
		"\"Key\";\"Title\";\"Status\"\n"
		"\"2024JJ00\";\"2024\";\"Misschien\"\n";
	struct coll *c = coll_new();
	struct tl_raw_sink s = sink_of(c);
	tl_errors e = TL_ERRORS_INIT;
	int rc = tl_read_cbs_meta_csv_mem("m.csv", text, sizeof text - 1, &s, &e);
	char *msg = messages(&e);
	assert_int_equal(rc, TL_ERR_INPUT);
	assert_has(msg, "m.csv:7:27: Decimals \"veel\" of A_1 is not a whole number from 0 to 20\n");
	assert_has(msg, "m.csv:8:13: row has 3 fields, but the header (line 5) has 6: \"B_2\"\n");
	assert_has(msg, "m.csv:12:1: empty region code\n");
	assert_has(msg, "m.csv:16:19: warning: unknown period Status \"Misschien\": 2024JJ00 taken as final\n");
	assert_int_equal(tl_errors_count(&e), 3);
	assert_string_equal(c->table, "12345NED");
	assert_int_equal(c->nt, 1);
	assert_int_equal(c->topics[0].decimals, -1);
	assert_int_equal(c->nr, 2);
	assert_int_equal(c->regions[1].year, 2023); /* "(indeling 2023)" in the title */
	assert_string_equal(c->regions[1].parent, "NL01");
	free(msg);
	tl_errors_free(&e);
	coll_free(c);

	c = coll_new();
	s = sink_of(c);
	rc = tl_read_cbs_meta_csv_mem("n.csv", "\"a\";\"b\"\n", 8, &s, &e);
	msg = messages(&e);
	assert_int_equal(rc, TL_ERR_INPUT);
	assert_has(msg, "n.csv:1:1: not a CBS metadata CSV");
	free(msg);
	tl_errors_free(&e);
	coll_free(c);

	/* A sink that stops at the 3rd region. */
	c = coll_new();
	s = sink_of(c);
	s.region = NULL;
	assert_int_equal(tl_read_cbs_meta_csv(data_path(META86132), &s, &e), TL_OK);
	assert_int_equal(c->nr, 0);
	coll_free(c);
	tl_errors_free(&e);
}

/* ---- The JSON page reader -------------------------------------------------------- */

struct seen {
	long n;
	unsigned line[8], col[8], v1line[8], v1col[8];
	char meta[64];
	long stop_at;
};

static int each_obj(void *ctx, const struct tl_cbs_json_obj *o)
{
	struct seen *s = ctx;
	if (s->n < 8) {
		s->line[s->n] = o->line;
		s->col[s->n] = o->col;
		s->v1line[s->n] = o->nmembers > 1 ? o->vline[1] : 0;
		s->v1col[s->n] = o->nmembers > 1 ? o->vcol[1] : 0;
	}
	assert_true(o->index >= s->n); /* skipped elements count too */
	if (o->odata_metadata)
		snprintf(s->meta, sizeof s->meta, "%s", o->odata_metadata);
	s->n++;
	return s->stop_at && s->n == s->stop_at ? -5 : 0;
}

static void json_each(void **state)
{
	(void)state;
	static const char page[] =
		"\xEF\xBB\xBF{\r\n"
		"  \"odata.metadata\":\"https://x/$metadata#Cbs.OData.WebAPI.TypedDataSet\",\"value\":[\r\n"
		"    {\r\n"
		"      \"ID\":0,\"Naam\":\"\xC3\xA9\xC3\xA9n \\\"}\",\"A\":[1,{\"b\":2}]\r\n"
		"    },{\"ID\":1,  \"Naam\": null}\r\n"
		"  ],\"odata.nextLink\":{\"x\":[\"]\"]}\r\n"
		"}\r\n";
	struct seen s;
	memset(&s, 0, sizeof s);
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_cbs_json_each("p.json", NULL, page, sizeof page - 1, each_obj, &s, &e), 0);
	assert_int_equal(e.n, 0);
	assert_int_equal(s.n, 2);
	assert_string_equal(s.meta, "https://x/$metadata#Cbs.OData.WebAPI.TypedDataSet");
	assert_int_equal(s.line[0], 3);
	assert_int_equal(s.col[0], 5);
	assert_int_equal(s.v1line[0], 4);
	assert_int_equal(s.v1col[0], 21); /* "Naam": value after 20 characters */
	assert_int_equal(s.line[1], 5);
	assert_int_equal(s.col[1], 7);
	assert_int_equal(s.v1line[1], 5);
	assert_int_equal(s.v1col[1], 25);

	/* A plain array, from a FILE, stopped by the callback. */
	FILE *f = tmpfile();
	assert_non_null(f);
	for (int i = 0; i < 5000; i++)
		fprintf(f, "%s{\"ID\":%d,\"A_1\":%d.5}", i ? ",\n" : "[", i, i);
	fputs("]\n", f);
	rewind(f);
	memset(&s, 0, sizeof s);
	assert_int_equal(tl_cbs_json_each("a.json", f, NULL, 0, each_obj, &s, &e), 0);
	assert_int_equal(s.n, 5000);
	assert_int_equal(s.line[7], 8);
	rewind(f);
	memset(&s, 0, sizeof s);
	s.stop_at = 3;
	assert_int_equal(tl_cbs_json_each("a.json", f, NULL, 0, each_obj, &s, &e), -5);
	assert_int_equal(s.n, 3);
	fclose(f);
	assert_int_equal(e.n, 0);

	/* Malformed objects are skipped with their position in the file. */
	static const char bad[] = "[{\"a\":1},\n  {\"a\":1,\n   \"a\":2},{\"b\":tru},{\"c\":3}]";
	memset(&s, 0, sizeof s);
	assert_int_equal(tl_cbs_json_each("b.json", NULL, bad, sizeof bad - 1, each_obj, &s, &e), 0);
	char *msg = messages(&e);
	assert_int_equal(s.n, 2);
	assert_has(msg, "b.json:3:6: malformed JSON object: duplicate object key near '\"a\"'");
	assert_has(msg, "b.json:3:18: malformed JSON object: invalid token near 'tru'");
	free(msg);
	tl_errors_free(&e);
}

/* ---- Helpers and sniffers ---------------------------------------------------------- */

static void region_helpers(void **state)
{
	(void)state;
	assert_string_equal(tl_cbs_region_level("GM0106", 6), "gemeente");
	assert_string_equal(tl_cbs_region_level("NL01", 4), "land");
	assert_string_equal(tl_cbs_region_level("BU01060000", 10), "buurt");
	assert_string_equal(tl_cbs_region_level("WP1925", 6), "woonplaats");
	assert_null(tl_cbs_region_level("AM03", 4)); /* known, but no telling level */
	assert_true(tl_cbs_region_code_like("AM03", 4));
	assert_false(tl_cbs_region_code_like("MW00000", 7)); /* RIVM's Marges code */
	assert_false(tl_cbs_region_code_like("T001038", 7));
	assert_false(tl_cbs_region_code_like("GM", 2));
	assert_false(tl_cbs_region_code_like("GM0106  ", 8)); /* untrimmed */
	assert_false(tl_cbs_region_code_like("GMX106", 6));
	assert_int_equal(tl_cbs_region_name_len("Drenthe (PV)", "provincie"), 7);
	assert_int_equal(tl_cbs_region_name_len("Drenthe (PV)", "gemeente"), 12);
	assert_int_equal(tl_cbs_region_name_len("Utrecht (gemeente)", "gemeente"), 7);
	assert_int_equal(tl_cbs_region_name_len("Bergen (NH.)", "gemeente"), 12);
	assert_int_equal(tl_cbs_region_name_len("Drenthe (AM)", NULL), 12);
	size_t n = 0;
	const char *id = tl_cbs_table_id("data/70072ned_UntypedDataSet_29122019_191739.csv", &n);
	assert_non_null(id);
	assert_int_equal(n, 8);
	assert_memory_equal(id, "70072ned", 8);
	assert_non_null(tl_cbs_table_id("84489NED.json", &n));
	assert_non_null(tl_cbs_table_id("/x/85678NED", &n));
	assert_null(tl_cbs_table_id("RIVM_gezondheid2020_18+.csv", &n));
	assert_null(tl_cbs_table_id("70072nedx.csv", &n));
	assert_null(tl_cbs_table_id("7007ned.csv", &n));
}

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
	assert_true(sniff_file(tl_sniff_cbs_meta_csv, data_path(META86132)));
	assert_false(sniff_file(tl_sniff_cbs_meta_csv,
				data_path("cbs/statline-csv-titled/70072ned_regionale_kerncijfers_provincies_2019-2024.csv")));
	assert_false(sniff_file(tl_sniff_cbs_meta_csv,
				data_path("cbs/odata3-untyped-csv/70262ned_UntypedDataSet_05022020_180935.csv")));
	assert_true(sniff_file(tl_sniff_cbs_meta_json, data_path(META85984 "/DataProperties.json")));
	assert_true(sniff_file(tl_sniff_cbs_meta_json, data_path(META85984 "/TableInfos.json")));
	assert_false(sniff_file(tl_sniff_cbs_meta_json, data_path(META85984 "/CategoryGroups.json")));
	assert_false(sniff_file(tl_sniff_cbs_meta_json, data_path("cbs/odata3-typed-84489NED/84489NED_TypedDataSet.json")));
	assert_false(sniff_file(tl_sniff_cbs_meta_json, data_path(META86132)));
	assert_int_equal(sniff_file(tl_cbs_json_sniff, data_path("cbs/odata3-typed-84489NED/84489NED_TypedDataSet.json")),
			 TL_CBS_JSON_DATA);
	static const char wrapped[] = "{\"odata.metadata\":\"u#Cbs.OData.WebAPI.DataProperties\",\"value\":"
				      "[{\"ID\":0,\"Key\":\"A_1\"}]}";
	assert_int_equal(tl_cbs_json_sniff(wrapped, sizeof wrapped - 1), TL_CBS_JSON_META);
	assert_int_equal(tl_cbs_json_sniff("{}", 2), TL_CBS_JSON_NONE);
	assert_int_equal(tl_cbs_json_sniff("", 0), TL_CBS_JSON_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(meta_json_folder),
		cmocka_unit_test(meta_json_model),
		cmocka_unit_test(meta_csv_real),
		cmocka_unit_test(meta_csv_model),
		cmocka_unit_test(meta_csv_malformed),
		cmocka_unit_test(json_each),
		cmocka_unit_test(region_helpers),
		cmocka_unit_test(sniffers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
