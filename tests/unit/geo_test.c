/*
 * Boundary files: the JSON reader keeps positions, GeoJSON and TopoJSON
 * outlines decode as worked out by hand (quantized, delta-encoded and
 * reversed arcs), RD New is recognised from "crs", bad files are refused
 * with the position of the value at fault, and outlines survive the store
 * bit for bit.  The last test reads the real example file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "import/geo.h"
#include "import/json.h"
#include "store/store.h"

static int parse(const char *text, tl_arena *a, struct tl_shape **s, size_t *n, tl_errors *e)
{
	return tl_geo_parse("t.json", text, strlen(text), a, s, n, e);
}

/* The first error as "line:col: message". */
static char *first_error(const tl_errors *e)
{
	assert_true(e->n > 0);
	return tl_error_format(&e->items[0], 0);
}

static void expect_error(const char *text, const char *want)
{
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_shape *s;
	size_t n;
	assert_int_not_equal(parse(text, a, &s, &n, &e), 0);
	char *got = first_error(&e);
	if (!strstr(got, want))
		fail_msg("expected \"%s\" in \"%s\"", want, got);
	free(got);
	tl_errors_free(&e);
	tl_arena_free(a);
}

/* ---- JSON ---------------------------------------------------------------- */

static void test_json_keeps_positions_and_decodes_escapes(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_json *v;
	const char *text = "{\"a\": [1, -2.5e1],\n \"\\u00e9\": \"\\ud83d\\ude00\\n\", \"t\": true}";
	assert_int_equal(tl_json_parse("x", text, strlen(text), a, &v, &e), 0);
	const struct tl_json *arr = tl_json_get(v, "a");
	assert_int_equal(arr->type, TL_JSON_ARRAY);
	assert_int_equal(arr->len, 2);
	assert_int_equal(arr->line, 1);
	assert_int_equal(arr->col, 7);
	assert_true(arr->items[1]->num == -25);
	assert_int_equal(arr->items[1]->col, 11);
	const struct tl_json *s = tl_json_get(v, "\xc3\xa9");
	assert_non_null(s);
	assert_int_equal(s->line, 2);
	assert_int_equal(s->col, 12);
	assert_string_equal(s->str, "\xf0\x9f\x98\x80\n");
	assert_int_equal(tl_json_get(v, "t")->type, TL_JSON_TRUE);
	assert_null(tl_json_get(v, "missing"));
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void json_error(const char *text, const char *want)
{
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_json *v;
	assert_int_equal(tl_json_parse("x", text, strlen(text), a, &v, &e), TL_ERR_INPUT);
	assert_null(v);
	char *got = first_error(&e);
	if (!strstr(got, want))
		fail_msg("expected \"%s\" in \"%s\"", want, got);
	free(got);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_json_errors_name_line_and_column(void **state)
{
	(void)state;
	json_error("{\"a\": [1, 2,]}", "x:1:13: JSON: unexpected character");
	json_error("{\"a\": 1\n \"b\": 2}", "x:2:2: JSON: expected ',' or '}'");
	json_error("[01]", "x:1:3: JSON: expected ',' or ']'");
	json_error("[1.]", "digits must follow the decimal point");
	json_error("\"abc", "unterminated string");
	json_error("\"\\ud800\"", "unpaired surrogate");
	json_error("\"\xff\"", "invalid UTF-8");
	json_error("\"a\tb\"", "control character");
	json_error("[1] x", "x:1:5: JSON: text after the end");
	json_error("", "expected a value");
	char deep[200];
	memset(deep, '[', sizeof deep - 1);
	deep[sizeof deep - 1] = '\0';
	json_error(deep, "nested too deeply");
}

/* ---- GeoJSON ------------------------------------------------------------- */

static void test_geojson_rd_multipolygon_with_crs(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_shape *s;
	size_t n;
	const char *text =
		"{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}},"
		"\"features\":[{\"type\":\"Feature\",\"properties\":{\"statcode\":\"GM0106 \"},\"geometry\":{\"type\":\"MultiPolygon\","
		"\"coordinates\":[[[[230000,550000],[240000,550000],[240000,560000],[230000,550000]]],"
		"[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[4,2],[4,4],[2,2]]]]}}]}";
	assert_int_equal(parse(text, a, &s, &n, &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(s[0].region, "GM0106"); /* trimmed */
	assert_int_equal(s[0].crs, TL_CRS_RD);
	assert_int_equal(s[0].n_rings, 3);
	assert_int_equal(s[0].ring_len[0], 3); /* closing point not repeated */
	assert_int_equal(s[0].ring_len[1], 4);
	assert_int_equal(s[0].ring_len[2], 3);
	assert_int_equal(s[0].n_points, 10);
	assert_true(s[0].xy[2] == 240000 && s[0].xy[3] == 550000);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_geojson_errors_are_positioned(void **state)
{
	(void)state;
	/* RD coordinates without a crs */
	expect_error("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"statcode\":\"GM1\"},\n"
		     "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[230000,550000],[240000,550000],[240000,560000]]]}}]}",
		     "t.json:2:46: coordinate (230000, 550000) lies outside longitude/latitude range");
	/* a point, not a polygon */
	expect_error("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"GM1\","
		     "\"geometry\":{\"type\":\"Point\",\"coordinates\":[5,52]}}]}",
		     "t.json:1:89: geometry type must be Polygon or MultiPolygon, not \"Point\"");
	/* two distinct points */
	expect_error("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"GM1\","
		     "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5,52],[6,52],[5,52],[6,52]]]}}]}",
		     "a ring needs at least three distinct points (it has 2)");
	/* no code */
	expect_error("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"naam\":\"Assen\"},"
		     "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5,52],[6,52],[6,53]]]}}]}",
		     "t.json:1:41: feature without a region code");
	/* the same region twice */
	expect_error("{\"type\":\"FeatureCollection\",\"features\":[\n"
		     "{\"type\":\"Feature\",\"id\":\"GM1\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5,52],[6,52],[6,53]]]}},\n"
		     "{\"type\":\"Feature\",\"id\":\"GM1\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5,52],[6,52],[6,53]]]}}]}",
		     "t.json:3:1: region GM1 has a second outline (the first is at line 2, column 1)");
	expect_error("{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:3857\"}},\"features\":[]}",
		     "coordinate system \"EPSG:3857\" is not supported");
	expect_error("{\"type\":\"FeatureCollection\",\"features\":[]}", "the file holds no outlines");
	expect_error("[1, 2]", "t.json:1:1: not a boundary file");
	expect_error("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":\"GM1\","
		     "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[5,\"52\"],[6,52],[6,53]]]}}]}",
		     "a position must be an array of two numbers");
}

/* ---- TopoJSON ------------------------------------------------------------ */

/* scale (0.5, 0.25), translate (5, 50).  Arc 0 deltas (0,0) (2,0) (0,4)
 * sum to (0,0) (2,0) (2,4): (5,50) (6,50) (6,51).  Arc 1 deltas (2,4)
 * (-2,0) (0,-4) sum to (2,4) (0,4) (0,0): (6,51) (5,51) (5,50).
 * [0, 1]: arc 0, then arc 1 without its first point, closing point
 * dropped: (5,50) (6,50) (6,51) (5,51).  [~1, ~0] = [-2, -1]: arc 1
 * backwards (5,50) (5,51) (6,51), then arc 0 backwards without its first
 * point: (6,50), closing dropped. */
static const char topo[] =
	"{\"type\":\"Topology\",\"transform\":{\"scale\":[0.5,0.25],\"translate\":[5,50]},\n"
	"\"arcs\":[[[0,0],[2,0],[0,4]],[[2,4],[-2,0],[0,-4]]],\n"
	"\"objects\":{\"gemeenten\":{\"type\":\"GeometryCollection\",\"geometries\":[\n"
	"{\"type\":\"Polygon\",\"arcs\":[[0,1]],\"properties\":{\"statcode\":\"GM0002\"}},\n"
	"{\"type\":\"MultiPolygon\",\"arcs\":[[[-2,-1]]],\"id\":\"GM0001\"}]}}}";

static void test_topojson_quantized_and_reversed_arcs(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_shape *s;
	size_t n;
	assert_int_equal(parse(topo, a, &s, &n, &e), 0);
	assert_int_equal(n, 2);
	/* sorted by code */
	assert_string_equal(s[0].region, "GM0001");
	assert_string_equal(s[1].region, "GM0002");
	const double fwd[] = {5, 50, 6, 50, 6, 51, 5, 51};
	const double rev[] = {5, 50, 5, 51, 6, 51, 6, 50};
	assert_int_equal(s[1].n_points, 4);
	assert_int_equal(s[0].n_points, 4);
	for (int i = 0; i < 8; i++) {
		assert_true(s[1].xy[i] == fwd[i]);
		assert_true(s[0].xy[i] == rev[i]);
	}
	assert_int_equal(s[0].crs, TL_CRS_WGS84);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_topojson_errors_are_positioned(void **state)
{
	(void)state;
	expect_error("{\"type\":\"Topology\",\"arcs\":[[[5,50],[6,50],[6,51]]],\"objects\":{\"g\":{\"type\":\"GeometryCollection\","
		     "\"geometries\":[{\"type\":\"Polygon\",\"arcs\":[[0,7]],\"id\":\"GM1\"}]}}}",
		     "t.json:1:139: arc 7 does not exist (the topology has 1 arcs)");
	expect_error("{\"type\":\"Topology\",\"arcs\":[[[5,50],[6,50],[6,51]]],\"objects\":{\"g\":{\"type\":\"GeometryCollection\","
		     "\"geometries\":[{\"type\":\"Polygon\",\"arcs\":[[0.5]],\"id\":\"GM1\"}]}}}",
		     "an arc reference must be a whole number");
	expect_error("{\"type\":\"Topology\",\"transform\":{\"scale\":[1]},\"arcs\":[],\"objects\":{}}",
		     "\"transform\" needs \"scale\" and \"translate\"");
	expect_error("{\"type\":\"Topology\",\"arcs\":[],\"objects\":{}}", "needs an object \"objects\"");
	expect_error("{\"type\":\"Topology\",\"transform\":{\"scale\":[1,1],\"translate\":[0,0]},\"arcs\":[[[0,0],[500,0],[0,1]]],"
		     "\"objects\":{\"g\":{\"type\":\"Polygon\",\"arcs\":[[0]],\"id\":\"GM1\"}}}",
		     "arc point (500, 0) lies outside longitude/latitude range");
}

/* ---- Store --------------------------------------------------------------- */

static void test_outlines_survive_the_store_bit_for_bit(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_shape *s;
	size_t n;
	assert_int_equal(parse(topo, a, &s, &n, &e), 0);
	tl_store *st;
	assert_int_equal(tl_store_open(&st, ":memory:", &e), 0);
	assert_int_equal(tl_store_begin(st, &e), 0);
	struct tl_agenda ag = {.slug = "t", .title = "T", .lang = "nl", .boundaries = "geo/t.json",
			       .boundaries_source = "test"};
	struct tl_region r1 = {"GM0001", "Een", "gemeente", NULL, 0}, r2 = {"GM0002", "Twee", "gemeente", NULL, 0};
	assert_int_equal(tl_store_put_agenda(st, &ag, &e), 0);
	assert_int_equal(tl_store_put_region(st, &r1, &e), 0);
	assert_int_equal(tl_store_put_region(st, &r2, &e), 0);
	struct tl_shape odd = s[1];
	double xy[8] = {5.123456789012345, 50.1, 1e-300, -0.0, 6, 51, 5, 51};
	odd.xy = xy;
	assert_int_equal(tl_store_put_shape(st, &s[0], &e), 0);
	assert_int_equal(tl_store_put_shape(st, &odd, &e), 0);
	assert_int_equal(tl_store_commit(st, &e), 0);
	struct tl_model *m;
	assert_int_equal(tl_store_load(st, a, &m, &e), 0);
	assert_int_equal(m->n_shapes, 2);
	assert_string_equal(m->agenda.boundaries, "geo/t.json");
	assert_string_equal(m->agenda.boundaries_source, "test");
	const struct tl_shape *got = tl_model_shape(m, "GM0002");
	assert_non_null(got);
	assert_memory_equal(got->xy, xy, sizeof xy);
	assert_int_equal(got->n_rings, 1);
	assert_int_equal(got->ring_len[0], 4);
	assert_null(tl_model_shape(m, "GM0003"));
	assert_int_equal(tl_model_check(m, NULL), 0);
	/* Clearing the agenda removes the outlines (they come with it). */
	assert_int_equal(tl_store_begin(st, &e), 0);
	assert_int_equal(tl_store_clear(st, 0, &e), 0);
	assert_int_equal(tl_store_put_agenda(st, &ag, &e), 0);
	assert_int_equal(tl_store_commit(st, &e), 0);
	assert_int_equal(tl_store_load(st, a, &m, &e), 0);
	assert_int_equal(m->n_shapes, 0);
	tl_store_close(st);
	tl_errors_free(&e);
	tl_arena_free(a);
}

/* The example's real file: all 342 municipalities of 2024, Assen among them. */
static void test_the_example_boundary_file_reads_whole(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	char *text;
	size_t len;
	assert_int_equal(tl_file_read("examples/drenthe-2025/geo/gemeente_2024.cartomap.topojson", TL_GEO_MAX_FILE, a,
				      &text, &len, &e),
			 0);
	struct tl_shape *s;
	size_t n;
	assert_int_equal(tl_geo_parse("gemeente_2024.cartomap.topojson", text, len, a, &s, &n, &e), 0);
	assert_int_equal(n, 342);
	int assen = 0;
	for (size_t i = 0; i < n; i++) {
		assen |= !strcmp(s[i].region, "GM0106");
		for (size_t k = 0; k < s[i].n_points; k++) {
			/* the Netherlands, roughly */
			assert_true(s[i].xy[2 * k] > 3 && s[i].xy[2 * k] < 7.3);
			assert_true(s[i].xy[2 * k + 1] > 50.7 && s[i].xy[2 * k + 1] < 53.6);
		}
	}
	assert_true(assen);
	tl_errors_free(&e);
	tl_arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_keeps_positions_and_decodes_escapes),
		cmocka_unit_test(test_json_errors_name_line_and_column),
		cmocka_unit_test(test_geojson_rd_multipolygon_with_crs),
		cmocka_unit_test(test_geojson_errors_are_positioned),
		cmocka_unit_test(test_topojson_quantized_and_reversed_arcs),
		cmocka_unit_test(test_topojson_errors_are_positioned),
		cmocka_unit_test(test_outlines_survive_the_store_bit_for_bit),
		cmocka_unit_test(test_the_example_boundary_file_reads_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
