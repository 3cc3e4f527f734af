/*
 * Maps: projection, simplification and classification against figures
 * computed by hand (each test says how), colours and legend through
 * polarity, and a golden SVG of a tiny map (tests/golden/maps/; after a
 * deliberate change: TL_GOLDEN_UPDATE=1 build/asan/tests/map_test from the
 * repository root, and review the diff).
 *
 * The squares and values are made up: they exist to make the arithmetic
 * checkable, not to describe any place.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "render/map.h"

#define NEAR(a, b) assert_true(fabs((a) - (b)) < 1e-9)

static struct tl_shape square(const char *code, enum tl_crs crs, double x0, double y0, double x1, double y1,
			      double *xy, unsigned *len)
{
	double p[8] = {x0, y0, x1, y0, x1, y1, x0, y1};
	memcpy(xy, p, sizeof p);
	*len = 4;
	return (struct tl_shape){code, crs, xy, 4, len, 1};
}

/* A 1°×1° square on the equator: cos φ0 = 1, so it is drawn square; 100
 * units between the 2-unit paddings. */
static void test_projection_wgs84_at_the_equator_keeps_a_square_square(void **state)
{
	(void)state;
	double xy[8];
	unsigned len;
	struct tl_shape s = square("A", TL_CRS_WGS84, 0, -0.5, 1, 0.5, xy, &len);
	const struct tl_shape *ss[] = {&s};
	struct tl_map_frame f;
	tl_map_fit(ss, 1, 104, 2, &f);
	NEAR(f.cos0, 1);
	NEAR(f.height, 104);
	double x, y;
	tl_map_project(&f, 0, 0.5, &x, &y); /* north-west corner: top left */
	NEAR(x, 2);
	NEAR(y, 2);
	tl_map_project(&f, 1, -0.5, &x, &y); /* south-east corner: bottom right */
	NEAR(x, 102);
	NEAR(y, 102);
}

/* At 60° north a degree of longitude is half a degree of latitude
 * (cos 60° = 0.5): the 1°×1° square is drawn twice as high as wide. */
static void test_projection_wgs84_at_60_degrees_halves_longitude(void **state)
{
	(void)state;
	double xy[8];
	unsigned len;
	struct tl_shape s = square("A", TL_CRS_WGS84, 5, 59.5, 6, 60.5, xy, &len);
	const struct tl_shape *ss[] = {&s};
	struct tl_map_frame f;
	tl_map_fit(ss, 1, 104, 2, &f);
	NEAR(f.cos0, 0.5);
	NEAR(f.height, 204);
	double x, y;
	tl_map_project(&f, 5.5, 60, &x, &y); /* the centre */
	NEAR(x, 52);
	NEAR(y, 102);
}

/* RD New is metres on a plane: 10 km × 20 km into 100 units wide is
 * 0.01 unit per metre, 200 high; north up. */
static void test_projection_rd_is_linear_with_north_up(void **state)
{
	(void)state;
	double xy[8];
	unsigned len;
	struct tl_shape s = square("A", TL_CRS_RD, 200000, 500000, 210000, 520000, xy, &len);
	const struct tl_shape *ss[] = {&s};
	struct tl_map_frame f;
	tl_map_fit(ss, 1, 100, 0, &f);
	NEAR(f.height, 200);
	double x, y;
	tl_map_project(&f, 200000, 520000, &x, &y);
	NEAR(x, 0);
	NEAR(y, 0);
	tl_map_project(&f, 210000, 500000, &x, &y);
	NEAR(x, 100);
	NEAR(y, 200);
	tl_map_project(&f, 205000, 510000, &x, &y);
	NEAR(x, 50);
	NEAR(y, 100);
}

/* A 10×10 square with a point in the middle of every side; the bottom
 * midpoint sits 0.1 off the line.  The ring splits at (0,0) and the
 * farthest point (10,10); with tolerance 0.5 only the corners stay, with
 * 0.05 the bent midpoint stays too. */
static void test_simplify_keeps_corners_and_drops_points_within_tolerance(void **state)
{
	(void)state;
	const double ring[] = {0, 0, 5, 0.1, 10, 0, 10, 5, 10, 10, 5, 10, 0, 10, 0, 5};
	unsigned char keep[8];
	assert_int_equal(tl_map_simplify_ring(ring, 8, 0.5, keep), 4);
	const unsigned char want[] = {1, 0, 1, 0, 1, 0, 1, 0};
	assert_memory_equal(keep, want, 8);
	assert_int_equal(tl_map_simplify_ring(ring, 8, 0.05, keep), 5);
	assert_int_equal(keep[1], 1);
}

/* Three points on a line, or a triangle smaller than the tolerance, leave
 * fewer than three points: the ring is not drawn. */
static void test_simplify_drops_degenerate_and_tiny_rings(void **state)
{
	(void)state;
	const double line[] = {0, 0, 1, 0, 2, 0};
	const double tiny[] = {0, 0, 0.1, 0, 0, 0.1};
	unsigned char keep[3];
	assert_int_equal(tl_map_simplify_ring(line, 3, 0.01, keep), 0);
	assert_int_equal(tl_map_simplify_ring(tiny, 3, 1, keep), 0);
	assert_int_equal(tl_map_simplify_ring(tiny, 3, 0.01, keep), 3);
	assert_int_equal(tl_map_simplify_ring(line, 2, 0.01, keep), 0);
}

/* A long zigzag ring does not recurse: it is handled with an explicit stack. */
static void test_simplify_handles_long_rings(void **state)
{
	(void)state;
	size_t n = 200000;
	double *xy = malloc(2 * n * sizeof *xy);
	unsigned char *keep = malloc(n);
	for (size_t i = 0; i < n; i++) {
		double t = 2 * 3.14159265358979 * (double)i / (double)n;
		xy[2 * i] = 1000 * cos(t);
		xy[2 * i + 1] = 1000 * sin(t);
	}
	size_t kept = tl_map_simplify_ring(xy, n, 0.5, keep);
	assert_true(kept > 3 && kept < n / 10);
	free(xy);
	free(keep);
}

/* 1..12 in 4 classes: bounds s[3] = 4, s[6] = 7, s[9] = 10. */
static void test_quantile_classes_by_hand(void **state)
{
	(void)state;
	double v[12];
	for (int i = 0; i < 12; i++)
		v[i] = 12 - i; /* any order */
	double b[TL_MAP_MAX_CLASSES];
	assert_int_equal(tl_map_classify(v, 12, 4, b), 4);
	NEAR(b[0], 4);
	NEAR(b[1], 7);
	NEAR(b[2], 10);
	assert_int_equal(tl_map_class_of(1, b, 4), 0);
	assert_int_equal(tl_map_class_of(3, b, 4), 0);
	assert_int_equal(tl_map_class_of(4, b, 4), 1);
	assert_int_equal(tl_map_class_of(9.99, b, 4), 2);
	assert_int_equal(tl_map_class_of(12, b, 4), 3);
}

/* Ties stay together: {1,1,1,1,1,2,3,4} in 4 classes has candidate bounds
 * s[2] = 1 and s[4] = 1 (equal to the lowest value: dropped) and s[6] = 3,
 * so two classes: below 3, and 3 and up. */
static void test_quantile_classes_never_split_ties(void **state)
{
	(void)state;
	const double v[] = {1, 1, 1, 1, 1, 2, 3, 4};
	double b[TL_MAP_MAX_CLASSES];
	assert_int_equal(tl_map_classify(v, 8, 4, b), 2);
	NEAR(b[0], 3);
	assert_int_equal(tl_map_class_of(2, b, 2), 0);
	assert_int_equal(tl_map_class_of(3, b, 2), 1);
	const double same[] = {5, 5, 5};
	assert_int_equal(tl_map_classify(same, 3, 3, b), 1);
	assert_int_equal(tl_map_classify(NULL, 0, 3, b), 1);
}

static void test_class_count_follows_the_number_of_values(void **state)
{
	(void)state;
	assert_int_equal(tl_map_class_count(342), 5);
	assert_int_equal(tl_map_class_count(20), 5);
	assert_int_equal(tl_map_class_count(19), 4);
	assert_int_equal(tl_map_class_count(12), 4);
	assert_int_equal(tl_map_class_count(8), 4);
	assert_int_equal(tl_map_class_count(7), 3);
	assert_int_equal(tl_map_class_count(3), 3);
	assert_int_equal(tl_map_class_count(2), 1);
}

/* Higher is better: the highest class is the favourable (blue) end; lower
 * is better turns it round; neutral is one ramp from light to dark. */
static void test_colours_and_judgements_read_through_polarity(void **state)
{
	(void)state;
	assert_string_equal(tl_map_colour(3, 4, TL_POLARITY_HIGHER_BETTER), "#1f4e8c");
	assert_string_equal(tl_map_colour(0, 4, TL_POLARITY_HIGHER_BETTER), "#a65200");
	assert_string_equal(tl_map_colour(0, 4, TL_POLARITY_LOWER_BETTER), "#1f4e8c");
	assert_string_equal(tl_map_colour(3, 4, TL_POLARITY_LOWER_BETTER), "#a65200");
	assert_string_equal(tl_map_colour(0, 3, TL_POLARITY_NEUTRAL), "#e3eef8");
	assert_string_equal(tl_map_colour(2, 3, TL_POLARITY_NEUTRAL), "#154273");
	assert_string_equal(tl_map_colour(9, 3, TL_POLARITY_NEUTRAL), "#ffffff");
	assert_int_equal(tl_map_class_judgement(3, 4, TL_POLARITY_HIGHER_BETTER), 1);
	assert_int_equal(tl_map_class_judgement(0, 4, TL_POLARITY_HIGHER_BETTER), -1);
	assert_int_equal(tl_map_class_judgement(1, 4, TL_POLARITY_HIGHER_BETTER), 0);
	assert_int_equal(tl_map_class_judgement(0, 4, TL_POLARITY_LOWER_BETTER), 1);
	assert_int_equal(tl_map_class_judgement(3, 4, TL_POLARITY_NEUTRAL), 0);
}

/* ---- The drawing ---------------------------------------------------------- */

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	size_t got = fread(s, 1, (size_t)n, f);
	s[got] = '\0';
	fclose(f);
	return s;
}

static void golden(const char *name, const char *got)
{
	char path[512];
	snprintf(path, sizeof path, "tests/golden/maps/%s", name);
	const char *upd = getenv("TL_GOLDEN_UPDATE");
	if (upd && strcmp(upd, "1") == 0) {
		FILE *f = fopen(path, "wb");
		if (!f)
			fail_msg("cannot write %s", path);
		fputs(got, f);
		fclose(f);
		return;
	}
	char *want = read_all(path);
	if (!want)
		fail_msg("%s missing: run TL_GOLDEN_UPDATE=1 build/asan/tests/map_test from the repo root", path);
	int same = strcmp(want, got) == 0;
	free(want);
	if (!same)
		fail_msg("golden mismatch: %s (TL_GOLDEN_UPDATE=1 rewrites it; review the diff)", name);
}

struct tiny {
	double xy[3][8];
	unsigned len[3];
	struct tl_shape s[3];
	struct tl_map_item items[4];
	struct tl_map_chart c;
};

/* Three unit squares in a row (RD metres ×1000) and a region without an
 * outline; values 10, 20 and none: with three values, classes by quantile. */
static void tiny_map(struct tiny *t, enum tl_polarity pol)
{
	memset(t, 0, sizeof *t);
	const char *codes[] = {"GM0001", "GM0002", "GM0003"};
	for (int i = 0; i < 3; i++)
		t->s[i] = square(codes[i], TL_CRS_RD, 1000.0 * i, 0, 1000.0 * (i + 1), 1000, t->xy[i], &t->len[i]);
	t->items[0] = (struct tl_map_item){"Oost & West", "gemeente/GM0001.html", &t->s[0], 10, 1, 0};
	t->items[1] = (struct tl_map_item){"Midden", "gemeente/GM0002.html", &t->s[1], 20, 1, 0};
	t->items[2] = (struct tl_map_item){"Zuid", NULL, &t->s[2], 0, 0, 0};
	t->items[3] = (struct tl_map_item){"Zonder grens", NULL, NULL, 30, 1, 0};
	double v[] = {10, 20, 30}, b[TL_MAP_MAX_CLASSES];
	int nc = tl_map_classify(v, 3, tl_map_class_count(3), b);
	for (int i = 0; i < 4; i++)
		if (t->items[i].present)
			t->items[i].cls = tl_map_class_of(t->items[i].value, b, nc);
	t->c = (struct tl_map_chart){"kaart-test", "Aandeel: gemeenten, 2024", "Kaart van vier gemeenten.",
				     t->items, 4, nc, pol, 1, TL_UNIT_PERCENT, TL_LANG_NL, 304};
}

static void test_golden_tiny_map(void **state)
{
	(void)state;
	struct tiny t;
	tiny_map(&t, TL_POLARITY_HIGHER_BETTER);
	assert_int_equal(t.c.n_classes, 3);
	tl_buf b = TL_BUF_INIT;
	tl_map_svg(&b, &t.c);
	tl_map_legend(&b, &t.c);
	golden("tiny.svg", b.data);
	/* What the golden file pins, said in words: */
	/* 3 km into 304 − 2·4 units: 0.098667 per metre, so 1 km high is
	 * 98.67 + 8; the first square's corners at 4 and 4 + 98.67. */
	assert_non_null(strstr(b.data, "viewBox=\"0 0 304 106.67\""));
	assert_non_null(strstr(b.data, "d=\"M4 102.67L102.67 102.67L102.67 4L4 4Z\""));
	assert_non_null(strstr(b.data, "role=\"group\""));
	assert_null(strstr(b.data, "role=\"img\""));
	assert_non_null(strstr(b.data, "aria-label=\"Oost &amp; West: 10,0%\""));
	assert_non_null(strstr(b.data, "url(#kaart-test-nodata)"));
	assert_null(strstr(b.data, "Zonder grens")); /* no outline: not drawn (its value still counts in the classes) */
	assert_non_null(strstr(b.data, "(gunstigst)"));
	assert_non_null(strstr(b.data, "(ongunstigst)"));
	assert_non_null(strstr(b.data, "geen gegevens"));
	tl_buf_free(&b);
}

/* The legend starts at the favourable end: for lower-is-better that is
 * the lowest figure. */
static void test_legend_order_follows_polarity(void **state)
{
	(void)state;
	struct tiny t;
	tiny_map(&t, TL_POLARITY_LOWER_BETTER);
	tl_buf b = TL_BUF_INIT;
	tl_map_legend(&b, &t.c);
	const char *ten = strstr(b.data, "10,0%"), *twenty = strstr(b.data, "20,0%");
	assert_non_null(ten);
	assert_non_null(twenty);
	assert_true(ten < twenty);
	assert_true(strstr(b.data, "gunstigst") < strstr(b.data, "ongunstigst"));
	tl_buf_reset(&b);
	tiny_map(&t, TL_POLARITY_HIGHER_BETTER);
	tl_map_legend(&b, &t.c);
	assert_true(strstr(b.data, "20,0%") < strstr(b.data, "10,0%"));
	tl_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_projection_wgs84_at_the_equator_keeps_a_square_square),
		cmocka_unit_test(test_projection_wgs84_at_60_degrees_halves_longitude),
		cmocka_unit_test(test_projection_rd_is_linear_with_north_up),
		cmocka_unit_test(test_simplify_keeps_corners_and_drops_points_within_tolerance),
		cmocka_unit_test(test_simplify_drops_degenerate_and_tiny_rings),
		cmocka_unit_test(test_simplify_handles_long_rings),
		cmocka_unit_test(test_quantile_classes_by_hand),
		cmocka_unit_test(test_quantile_classes_never_split_ties),
		cmocka_unit_test(test_class_count_follows_the_number_of_values),
		cmocka_unit_test(test_colours_and_judgements_read_through_polarity),
		cmocka_unit_test(test_golden_tiny_map),
		cmocka_unit_test(test_legend_order_follows_polarity),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
