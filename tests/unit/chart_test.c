/*
 * Charts: golden SVGs for realistic cases plus properties every chart must
 * have (escaping, no nan/inf, gaps, "geen gegevens", aria ids, Dutch ticks,
 * no quadratic work).
 *
 * Golden files live in tests/golden/charts/ (run from the repository root).
 * After a deliberate change, regenerate and review the diff:
 *     TL_GOLDEN_UPDATE=1 build/asan/tests/chart_test
 * The same binary writes the preview page used by tools/chart-preview.sh:
 *     build/asan/tests/chart_test --preview /tmp/chart-preview.html
 *
 * Data: "Ervaren gezondheid" Nederland 2016 and 2020 are RIVM StatLine
 * 50090NED (18+, rounded); 2024 (74,2% for Drenthe and Nederland) is from the
 * seed report; the other line values are illustrative.  The municipal bars
 * are CBS Regionale Monitor Brede Welvaart "vertrouwen in andere mensen"
 * 2023 (rounded to one decimal; Westerveld is missing in the source); the
 * Drenthe and Nederland values there are illustrative.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/xalloc.h"
#include "render/chart.h"
#include "render/html.h"
#include "render/svg.h"

#include "test_count.h"

/* ---- Fixtures ----------------------------------------------------------- */

static const char *const years4[] = {"2016", "2020", "2022", "2024"};
static const double gez_dr[] = {79.3, 77.6, 0, 74.2};
static const unsigned char gez_dr_ok[] = {1, 1, 0, 1};
static const double gez_nl[] = {75.2, 78.4, 73.9, 74.2};
static const unsigned char gez_nl_ok[] = {1, 1, 1, 1};

static struct tl_chart_series gez_series[2];

static struct tl_line_chart gezondheid(enum tl_chart_layout layout)
{
	gez_series[0] = (struct tl_chart_series){"Drenthe", gez_dr, gez_dr_ok, NULL, 0};
	gez_series[1] = (struct tl_chart_series){"Nederland", gez_nl, gez_nl_ok, NULL, 1};
	return (struct tl_line_chart){
		.id = "ervaren-gezondheid",
		.title = "Ervaren gezondheid (zeer) goed, volwassenen, 2016–2024",
		.desc = "In 2024 ervaart 74,2% van de volwassen Drenten de eigen gezondheid als (zeer) goed, "
			"gelijk aan Nederland en lager dan in 2016.",
		.x_labels = years4,
		.n_x = 4,
		.series = gez_series,
		.n_series = 2,
		.decimals = 1,
		.kind = TL_UNIT_PERCENT,
		.lang = TL_LANG_NL,
		.layout = layout,
	};
}

/* Twelve years, a series break before 2021 and a provisional 2024. */
static const char *const years12[] = {"2013", "2014", "2015", "2016", "2017", "2018",
				      "2019", "2020", "2021", "2022", "2023", "2024"};
static const double schuld_dr[] = {6.1, 6.4, 6.6, 6.9, 7.0, 7.2, 7.1, 6.8, 8.4, 8.9, 9.3, 9.6};
static const double schuld_nl[] = {5.2, 5.5, 5.7, 5.9, 6.0, 6.1, 6.0, 5.8, 7.5, 7.9, 8.2, 8.3};
static const unsigned char all12[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
static const unsigned char dr12[] = {1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1};
static const unsigned char prov12[] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
static const size_t break2021[] = {8};
static struct tl_chart_series schuld_series[2];

static struct tl_line_chart schulden(enum tl_chart_layout layout)
{
	schuld_series[0] = (struct tl_chart_series){"Drenthe", schuld_dr, dr12, prov12, 0};
	schuld_series[1] = (struct tl_chart_series){"Nederland", schuld_nl, all12, prov12, 1};
	return (struct tl_line_chart){
		.id = "schulden",
		.title = "Huishoudens met problematische schulden, 2013–2024",
		.desc = "Het aandeel huishoudens met problematische schulden stijgt in Drenthe sneller dan in "
			"Nederland.",
		.x_labels = years12,
		.n_x = 12,
		.series = schuld_series,
		.n_series = 2,
		.breaks = break2021,
		.n_breaks = 1,
		.decimals = 1,
		.kind = TL_UNIT_PERCENT,
		.lang = TL_LANG_NL,
		.layout = layout,
	};
}

static const struct tl_bar_item vertrouwen_items[] = {
	{"Aa en Hunze", 62.6, 1, 0},   {"Assen", 63.5, 1, 0},     {"Borger-Odoorn", 61.2, 1, 0},
	{"Coevorden", 58.0, 1, 0},     {"De Wolden", 61.3, 1, 0}, {"Emmen", 57.8, 1, 0},
	{"Hoogeveen", 61.2, 1, 0},     {"Meppel", 61.4, 1, 0},    {"Midden-Drenthe", 62.9, 1, 0},
	{"Noordenveld", 64.3, 1, 0},   {"Tynaarlo", 63.0, 1, 0},  {"Westerveld", 0, 0, 0},
	{"Drenthe", 61.6, 1, 1},
};

static struct tl_bar_chart vertrouwen(enum tl_chart_layout layout)
{
	return (struct tl_bar_chart){
		.id = "vertrouwen-gemeenten",
		.title = "Vertrouwen in andere mensen, gemeenten in Drenthe, 2023",
		.desc = "Het vertrouwen in andere mensen is het hoogst in Noordenveld (64,3%) en het laagst in "
			"Emmen (57,8%).",
		.items = vertrouwen_items,
		.n_items = sizeof vertrouwen_items / sizeof vertrouwen_items[0],
		.ref_label = "Nederland",
		.ref_value = 62.5,
		.has_ref = 1,
		.decimals = 1,
		.kind = TL_UNIT_PERCENT,
		.lang = TL_LANG_NL,
		.layout = layout,
	};
}

/* Negative values, English. */
static const struct tl_bar_item saldo_items[] = {
	{"Emmen", -3.5, 1, 0}, {"Assen", 4.2, 1, 0},  {"Meppel", 7.9, 1, 0},
	{"Drenthe", 1.1, 1, 1}, {"Coevorden", -1.2, 1, 0}, {"Westerveld", 0, 0, 0},
};

static struct tl_bar_chart saldo(enum tl_chart_layout layout)
{
	return (struct tl_bar_chart){
		.id = "saldo",
		.title = "Net migration per 1,000 inhabitants, 2023",
		.desc = "Meppel gained most; Emmen and Coevorden lost inhabitants.",
		.items = saldo_items,
		.n_items = sizeof saldo_items / sizeof saldo_items[0],
		.ref_label = "Netherlands",
		.ref_value = 2.4,
		.has_ref = 1,
		.decimals = 1,
		.kind = TL_UNIT_NUMBER,
		.lang = TL_LANG_EN,
		.layout = layout,
	};
}

/* ---- Helpers ------------------------------------------------------------ */

static char *line_svg(const struct tl_line_chart *c)
{
	tl_buf b = TL_BUF_INIT;
	tl_chart_line(&b, c);
	return tl_buf_detach(&b, NULL);
}

static char *bar_svg(const struct tl_bar_chart *c)
{
	tl_buf b = TL_BUF_INIT;
	tl_chart_bar(&b, c);
	return tl_buf_detach(&b, NULL);
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	tl_buf b = TL_BUF_INIT;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		tl_buf_put(&b, chunk, n);
	fclose(f);
	return tl_buf_detach(&b, NULL);
}

static const char *golden_dir(void)
{
	const char *d = getenv("TL_GOLDEN_DIR");
	return d && *d ? d : "tests/golden/charts";
}

/* Compare with (or, under TL_GOLDEN_UPDATE=1, rewrite) a golden file. */
static void golden(const char *name, const char *got)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", golden_dir(), name);
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
		fail_msg("%s missing: run TL_GOLDEN_UPDATE=1 build/asan/tests/chart_test from the repo root", path);
	if (strcmp(want, got) != 0) {
		size_t line = 1, i = 0;
		while (want[i] && want[i] == got[i]) {
			if (want[i] == '\n')
				line++;
			i++;
		}
		print_error("%s differs from the output at line %zu\n", path, line);
		free(want);
		fail_msg("golden mismatch: %s (TL_GOLDEN_UPDATE=1 rewrites it; review the diff)", name);
	}
	free(want);
}

/* The number in attribute `name` of the element whose text is `text`. */
static double attr_of_text(const char *svg, const char *text, const char *name)
{
	const char *t = strstr(svg, text);
	assert_non_null(t);
	const char *open = t;
	while (open > svg && *open != '<')
		open--;
	char key[32];
	snprintf(key, sizeof key, " %s=\"", name);
	const char *a = strstr(open, key);
	assert_non_null(a);
	assert_true(a < t);
	return atof(a + strlen(key));
}

/* Every aria-labelledby token names an element with that id in the same <svg>. */
static void assert_aria_ids_resolve(const char *out)
{
	size_t svgs = 0;
	for (const char *s = strstr(out, "<svg"); s; s = strstr(s + 4, "<svg")) {
		svgs++;
		const char *end = strstr(s, "</svg>");
		assert_non_null(end);
		const char *al = strstr(s, "aria-labelledby=\"");
		assert_non_null(al);
		assert_true(al < end);
		al += strlen("aria-labelledby=\"");
		const char *q = strchr(al, '"');
		size_t tokens = 0;
		while (al < q) {
			const char *sp = memchr(al, ' ', (size_t)(q - al));
			const char *te = sp ? sp : q;
			char want[160];
			assert_true((size_t)(te - al) < 100);
			snprintf(want, sizeof want, " id=\"%.*s\"", (int)(te - al), al);
			const char *hit = strstr(s, want);
			assert_non_null(hit);
			assert_true(hit < end);
			tokens++;
			al = sp ? sp + 1 : q;
		}
		assert_true(tokens >= 1);
		assert_non_null(strstr(s, "role=\"img\""));
	}
	assert_true(svgs >= 1);
}

static void assert_no_nan_inf(const char *out)
{
	/* Case-insensitively: "nan", "inf" in any spelling printf may use. */
	for (const char *p = out; *p; p++) {
		char w[4] = {0};
		for (int k = 0; k < 3 && p[k]; k++)
			w[k] = (char)(p[k] | 0x20);
		assert_false(strcmp(w, "nan") == 0);
		assert_false(strcmp(w, "inf") == 0);
	}
}

static const enum tl_chart_layout layouts[] = {TL_CHART_RESPONSIVE, TL_CHART_WIDE, TL_CHART_NARROW};

/* ---- Golden files ------------------------------------------------------- */

static void test_golden_line_drenthe_nederland(void **state)
{
	(void)state;
	struct tl_line_chart c = gezondheid(TL_CHART_WIDE);
	char *s = line_svg(&c);
	golden("line-drenthe-nederland.svg", s);
	free(s);
	c.layout = TL_CHART_NARROW;
	s = line_svg(&c);
	golden("line-drenthe-nederland.narrow.svg", s);
	free(s);
}

static void test_golden_line_break_provisional(void **state)
{
	(void)state;
	struct tl_line_chart c = schulden(TL_CHART_WIDE);
	char *s = line_svg(&c);
	golden("line-break-provisional.svg", s);
	free(s);
}

static void test_golden_bar_municipalities(void **state)
{
	(void)state;
	struct tl_bar_chart c = vertrouwen(TL_CHART_WIDE);
	char *s = bar_svg(&c);
	golden("bar-drenthe-gemeenten.svg", s);
	free(s);
	c.layout = TL_CHART_NARROW;
	s = bar_svg(&c);
	golden("bar-drenthe-gemeenten.narrow.svg", s);
	free(s);
}

static void test_golden_bar_negative_english(void **state)
{
	(void)state;
	struct tl_bar_chart c = saldo(TL_CHART_WIDE);
	char *s = bar_svg(&c);
	golden("bar-negative-en.svg", s);
	free(s);
}

/* ---- Ticks -------------------------------------------------------------- */

static void test_ticks_are_nice_and_enclose_the_range(void **state)
{
	(void)state;
	struct tl_svg_ticks t;
	tl_svg_ticks(42, 78, 4, 6, &t);
	assert_int_equal(t.n, 5);
	assert_true(t.v[0] == 40 && t.v[4] == 80 && t.step == 10);
	tl_svg_ticks(0, 1234567, 4, 6, &t);
	assert_true(t.v[0] == 0 && t.v[t.n - 1] == 1250000 && t.step == 250000);

	/* A sweep: every range gets 4–6 ticks of a nice step that enclose it. */
	unsigned seed = 12345;
	for (int i = 0; i < 5000; i++) {
		seed = seed * 1103515245u + 12345u;
		double lo = (double)(seed % 200000) / 100 - 1000;
		seed = seed * 1103515245u + 12345u;
		double span = pow(10, (double)(seed % 900) / 100 - 3);
		double hi = lo + span;
		tl_svg_ticks(lo, hi, 4, 6, &t);
		assert_in_range(t.n, 4, 6);
		assert_true(t.v[0] <= lo + 1e-9 * fabs(lo) && t.v[t.n - 1] >= hi - 1e-9 * fabs(hi));
		double m = t.step / pow(10, floor(log10(t.step) + 1e-12));
		assert_true(fabs(m - 1) < 1e-9 || fabs(m - 2) < 1e-9 || fabs(m - 2.5) < 1e-9 ||
			    fabs(m - 5) < 1e-9);
	}
	tl_svg_ticks(NAN, 1, 4, 6, &t);
	assert_true(t.n >= 2 && isfinite(t.v[0]));
	tl_svg_ticks(5, 5, 4, 6, &t);
	assert_true(t.v[0] < 5 && t.v[t.n - 1] > 5);
}

static void test_tick_labels_use_the_decimal_comma_in_dutch(void **state)
{
	(void)state;
	static const char *const x[] = {"2022", "2023", "2024"};
	static const double v[] = {1.1, 2.1, 2.4};
	struct tl_chart_series s = {"Drenthe", v, NULL, NULL, 0};
	struct tl_line_chart c = {.id = "t", .title = "t", .x_labels = x, .n_x = 3, .series = &s, .n_series = 1,
				  .decimals = 1, .kind = TL_UNIT_PERCENT, .lang = TL_LANG_NL,
				  .layout = TL_CHART_WIDE};
	char *out = line_svg(&c);
	assert_non_null(strstr(out, ">0,5%</text>"));
	assert_non_null(strstr(out, ">2,5%</text>"));
	assert_non_null(strstr(out, ">2,4%</text>")); /* the end label, one decimal */
	assert_null(strstr(out, ">0.5%<"));
	free(out);
	c.lang = TL_LANG_EN;
	out = line_svg(&c);
	assert_non_null(strstr(out, ">0.5%</text>"));
	free(out);

	/* Euro ticks: "€ 30.000" with a no-break space. */
	static const double inc[] = {31200, 34900, 36200};
	s.values = inc;
	c.kind = TL_UNIT_EURO;
	c.decimals = 0;
	c.lang = TL_LANG_NL;
	out = line_svg(&c);
	assert_non_null(strstr(out, ">\xe2\x82\xac\xc2\xa0" "36.200</text>"));
	assert_non_null(strstr(out, ">\xe2\x82\xac\xc2\xa0" "30.000</text>"));
	free(out);
}

static void test_y_axis_includes_zero_only_when_the_data_come_near(void **state)
{
	(void)state;
	struct tl_line_chart c = gezondheid(TL_CHART_WIDE);
	char *out = line_svg(&c);
	assert_null(strstr(out, ">0%</text>")); /* 40–80% lives far from 0 */
	assert_non_null(strstr(out, ">80%</text>"));
	free(out);
	static const double small[] = {5.1, 8.0, 12.3, 11.0};
	struct tl_chart_series s = {"Drenthe", small, NULL, NULL, 0};
	c.series = &s;
	c.n_series = 1;
	out = line_svg(&c);
	assert_non_null(strstr(out, ">0%</text>"));
	assert_null(strstr(out, ">-")); /* never below 0 for data above 0 */
	free(out);
}

/* ---- Line chart properties ---------------------------------------------- */

/* The d attribute of the n-th <path> whose stroke is `colour`. */
static char *series_path(const char *svg, const char *colour)
{
	char key[64];
	snprintf(key, sizeof key, "\" fill=\"none\" stroke=\"%s\"", colour);
	const char *k = strstr(svg, key);
	if (!k)
		return NULL;
	const char *d = k;
	while (d > svg && strncmp(d, "<path d=\"", 9) != 0)
		d--;
	d += 9;
	return xstrndup(d, (size_t)(k - d));
}

static void test_gaps_split_the_line_and_lone_points_stay_markers(void **state)
{
	(void)state;
	static const char *const x[] = {"2018", "2019", "2020", "2021", "2022", "2023", "2024"};
	static const double v[] = {10, 11, 12, 0, 14, 15, 0};
	static const unsigned char ok[] = {1, 1, 1, 0, 1, 1, 0};
	static const double w[] = {20, 0, 22, 0, 0, 0, 0};
	static const unsigned char okw[] = {1, 0, 1, 0, 0, 0, 0};
	struct tl_chart_series s[2] = {{"A", v, ok, NULL, 0}, {"B", w, okw, NULL, 1}};
	struct tl_line_chart c = {.id = "g", .title = "g", .x_labels = x, .n_x = 7, .series = s, .n_series = 2,
				  .decimals = 0, .kind = TL_UNIT_NUMBER, .lang = TL_LANG_NL,
				  .layout = TL_CHART_WIDE};
	char *out = line_svg(&c);
	char *d = series_path(out, TL_SVG_FOCUS);
	assert_non_null(d);
	assert_int_equal(count_of(d, "M"), 2); /* 2018–2020 and 2022–2023 */
	assert_int_equal(count_of(d, "L"), 3);
	free(d);
	/* B has only lone points: no line at all, two markers. */
	assert_null(series_path(out, TL_SVG_COMPARE));
	assert_int_equal(count_of(out, "<rect"), 2);
	/* A's five values are five circles. */
	assert_int_equal(count_of(out, "<circle"), 5);
	/* A missing value is never drawn as 0: no marker at y(0) */
	free(out);
}

static void test_series_break_splits_the_line_and_is_labelled(void **state)
{
	(void)state;
	struct tl_line_chart c = schulden(TL_CHART_WIDE);
	char *out = line_svg(&c);
	assert_int_equal(count_of(out, ">Trendbreuk</text>"), 1);
	char *d = series_path(out, TL_SVG_COMPARE);
	assert_int_equal(count_of(d, "M"), 2); /* 2013–2020 | 2021–2024 */
	free(d);
	d = series_path(out, TL_SVG_FOCUS);
	/* Gap in 2019 and break before 2021: 2013–2018 | 2020 alone | 2021–2024. */
	assert_int_equal(count_of(d, "M"), 2);
	assert_int_equal(count_of(d, "L"), 5 + 3);
	free(d);
	assert_int_equal(count_of(out, "<circle"), 11 + 1); /* every Drenthe value + the note */
	/* Provisional 2024: hollow markers, "*" after the end values, a note. */
	assert_int_equal(count_of(out, "fill=\"#ffffff\" stroke="), 3); /* two series + the note */
	assert_non_null(strstr(out, ">9,6%*</text>"));
	assert_non_null(strstr(out, "voorlopig cijfer"));
	free(out);
	c.lang = TL_LANG_EN;
	out = line_svg(&c);
	assert_non_null(strstr(out, ">Series break</text>"));
	assert_non_null(strstr(out, "provisional figure"));
	free(out);
}

static void test_close_end_values_get_labels_that_do_not_overlap(void **state)
{
	(void)state;
	for (size_t k = 0; k < 2; k++) {
		struct tl_line_chart c = gezondheid(k ? TL_CHART_NARROW : TL_CHART_WIDE);
		char *out = line_svg(&c);
		/* Both end at 74,2%; their two-line blocks must not collide. */
		double y1 = attr_of_text(out, ">Drenthe</text>", "y");
		double y2 = attr_of_text(out, ">Nederland</text>", "y");
		assert_true(fabs(y1 - y2) >= 2 * 1.2 * 13);
		assert_int_equal(count_of(out, ">74,2%</text>"), 2);
		free(out);
	}
}

static void test_series_ending_early_names_its_year(void **state)
{
	(void)state;
	static const double v[] = {70, 71, 72, 0};
	static const unsigned char ok[] = {1, 1, 1, 0};
	struct tl_chart_series s = {"Drenthe", v, ok, NULL, 0};
	struct tl_line_chart c = gezondheid(TL_CHART_WIDE);
	c.series = &s;
	c.n_series = 1;
	char *out = line_svg(&c);
	assert_non_null(strstr(out, ">72,0% (2022)</text>"));
	free(out);
}

static void test_years_are_spaced_by_time(void **state)
{
	(void)state;
	struct tl_line_chart c = gezondheid(TL_CHART_WIDE);
	char *out = line_svg(&c);
	double x16 = attr_of_text(out, ">2016</text>", "x");
	double x20 = attr_of_text(out, ">2020</text>", "x");
	double x22 = attr_of_text(out, ">2022</text>", "x");
	double x24 = attr_of_text(out, ">2024</text>", "x");
	assert_true(fabs((x20 - x16) - 2 * (x22 - x20)) < 0.1);
	assert_true(fabs((x24 - x22) - (x22 - x20)) < 0.1);
	free(out);
}

static void test_many_x_labels_are_thinned_and_the_last_kept(void **state)
{
	(void)state;
	struct tl_line_chart c = schulden(TL_CHART_NARROW);
	char *out = line_svg(&c);
	size_t shown = 0;
	for (size_t i = 0; i < 12; i++) {
		char key[16];
		snprintf(key, sizeof key, ">%s</text>", years12[i]);
		shown += strstr(out, key) != NULL;
	}
	assert_in_range(shown, 2, 6);
	assert_non_null(strstr(out, ">2024</text>"));
	free(out);
}

static void test_edge_cases_render_without_nan(void **state)
{
	(void)state;
	static const char *const x1[] = {"2024"};
	static const double one[] = {74.2};
	static const double equal[] = {50, 50, 50, 50};
	static const double neg[] = {-4.5, -1.2, 2.3, 0.4};
	static const double huge[] = {1234567, 1100000, 0, 987654.3};
	static const unsigned char huge_ok[] = {1, 1, 0, 1};
	static const double bad[] = {NAN, INFINITY, -INFINITY, 1e300};
	static const unsigned char none[] = {0, 0, 0, 0};
	struct tl_chart_series s = {"Drenthe", one, NULL, NULL, 0};
	struct tl_line_chart c = {.id = "e", .title = "e", .x_labels = x1, .n_x = 1, .series = &s, .n_series = 1,
				  .decimals = 1, .kind = TL_UNIT_PERCENT, .lang = TL_LANG_NL};
	for (size_t l = 0; l < 3; l++) {
		c.layout = layouts[l];
		c.x_labels = x1;
		c.n_x = 1;
		s.values = one;
		s.present = NULL;
		char *out = line_svg(&c);
		assert_no_nan_inf(out);
		assert_null(series_path(out, TL_SVG_FOCUS)); /* one point: a marker, no line */
		assert_non_null(strstr(out, "<circle"));
		free(out);

		c.x_labels = years4;
		c.n_x = 4;
		const double *cases[] = {equal, neg, huge, bad};
		for (size_t k = 0; k < 4; k++) {
			s.values = cases[k];
			s.present = cases[k] == huge ? huge_ok : NULL;
			c.kind = cases[k] == huge ? TL_UNIT_EURO : TL_UNIT_PERCENT;
			out = line_svg(&c);
			assert_no_nan_inf(out);
			assert_aria_ids_resolve(out);
			if (cases[k] == bad)
				assert_non_null(strstr(out, "geen gegevens"));
			if (cases[k] == huge)
				assert_non_null(strstr(out, "\xe2\x82\xac\xc2\xa0" "987.654,3"));
			if (cases[k] == neg)
				assert_non_null(strstr(out, ">0%</text>"));
			free(out);
		}
		s.values = equal;
		s.present = none;
		out = line_svg(&c);
		assert_non_null(strstr(out, "geen gegevens"));
		free(out);
		c.n_x = 0;
		out = line_svg(&c);
		assert_non_null(strstr(out, "geen gegevens"));
		assert_aria_ids_resolve(out);
		free(out);
		c.n_series = 0;
		c.n_x = 4;
		out = line_svg(&c);
		assert_non_null(strstr(out, "geen gegevens"));
		free(out);
		c.n_series = 1;
	}
}

/* ---- Bar chart properties ----------------------------------------------- */

static void test_bars_are_sorted_descending_missing_last(void **state)
{
	(void)state;
	struct tl_bar_chart c = vertrouwen(TL_CHART_WIDE);
	char *out = bar_svg(&c);
	const char *order[] = {">Noordenveld<", ">Assen<", ">Tynaarlo<", ">Midden-Drenthe<", ">Aa en Hunze<",
			       ">Drenthe<", ">Meppel<", ">De Wolden<", ">Borger-Odoorn<", ">Hoogeveen<",
			       ">Coevorden<", ">Emmen<", ">Westerveld<"};
	const char *prev = out;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
		const char *p = strstr(out, order[i]);
		assert_non_null(p);
		assert_true(p > prev);
		prev = p;
	}
	/* Westerveld, missing: text instead of a bar, after the last bar. */
	assert_int_equal(count_of(out, ">geen gegevens</text>"), 1);
	assert_true(strstr(out, ">geen gegevens<") > strstr(out, ">Westerveld<"));
	assert_int_equal(count_of(out, "<rect"), 12);
	/* Drenthe highlighted: dark bar, bold label. */
	assert_int_equal(count_of(out, "fill=\"" TL_SVG_FOCUS "\""), 1);
	assert_non_null(strstr(out, "font-weight=\"bold\">Drenthe</text>"));
	/* Nederland reference line and label. */
	assert_non_null(strstr(out, ">Nederland 62,5%</text>"));
	assert_non_null(strstr(out, "stroke-dasharray=\"6 4\""));
	free(out);
	c.lang = TL_LANG_EN;
	out = bar_svg(&c);
	assert_int_equal(count_of(out, ">no data</text>"), 1);
	free(out);
}

static void test_bar_length_is_honest(void **state)
{
	(void)state;
	/* Bars start at 0: the 64,3 bar is 64.3/57.8 times the 57,8 bar. */
	struct tl_bar_chart c = vertrouwen(TL_CHART_WIDE);
	char *out = bar_svg(&c);
	double w_hi = 0, w_lo = 0;
	const char *p = out;
	for (const char *r = strstr(p, "<rect"); r; r = strstr(r + 1, "<rect")) {
		double w = atof(strstr(r, "width=\"") + 7);
		w_hi = fmax(w_hi, w);
		w_lo = w_lo == 0 ? w : fmin(w_lo, w);
	}
	assert_true(fabs(w_hi / w_lo - 64.3 / 57.8) < 0.005);
	free(out);

	/* Negative values grow left from the zero line. */
	struct tl_bar_chart n = saldo(TL_CHART_WIDE);
	out = bar_svg(&n);
	assert_non_null(strstr(out, ">-3.5</text>"));
	assert_non_null(strstr(out, ">Netherlands 2.4</text>"));
	assert_non_null(strstr(out, ">no data</text>"));
	free(out);
}

static void test_bar_edge_cases(void **state)
{
	(void)state;
	for (size_t l = 0; l < 3; l++) {
		struct tl_bar_chart c = {.id = "b", .title = "b", .decimals = 0, .kind = TL_UNIT_EURO,
					 .lang = TL_LANG_NL, .layout = layouts[l]};
		char *out = bar_svg(&c); /* zero items */
		assert_non_null(strstr(out, "geen gegevens"));
		assert_aria_ids_resolve(out);
		free(out);

		struct tl_bar_item all_missing[] = {{"A", 0, 0, 0}, {"B", NAN, 1, 0}};
		c.items = all_missing;
		c.n_items = 2;
		out = bar_svg(&c);
		assert_int_equal(count_of(out, ">geen gegevens</text>"), l == 0 ? 4 : 2);
		assert_no_nan_inf(out);
		free(out);

		struct tl_bar_item equal[] = {{"A", 0, 1, 0}, {"B", 0, 1, 1}};
		c.items = equal;
		out = bar_svg(&c);
		assert_no_nan_inf(out);
		free(out);

		struct tl_bar_item huge[] = {{"Amsterdam", 1234567, 1, 0}, {"Assen", 98765, 1, 1}};
		c.items = huge;
		c.ref_label = "Nederland";
		c.ref_value = 456789;
		c.has_ref = 1;
		out = bar_svg(&c);
		assert_non_null(strstr(out, ">\xe2\x82\xac\xc2\xa0" "1.234.567</text>"));
		assert_no_nan_inf(out);
		free(out);
	}
}

static char (*many_labels)[32];

static struct tl_bar_item *many_items(size_t n)
{
	struct tl_bar_item *it = xcalloc(n, sizeof *it);
	many_labels = xcalloc(n, sizeof *many_labels);
	for (size_t i = 0; i < n; i++) {
		snprintf(many_labels[i], sizeof many_labels[i], "Gemeente %zu", i + 1);
		it[i] = (struct tl_bar_item){many_labels[i], 40 + (double)((i * 7919) % 400) / 10, i % 17 != 5,
					     i == 100};
	}
	return it;
}

static void test_342_and_50000_bars_draw_every_row(void **state)
{
	(void)state;
	struct tl_bar_item *it = many_items(342);
	struct tl_bar_chart c = {.id = "alle-gemeenten", .title = "Alle gemeenten", .items = it, .n_items = 342,
				 .decimals = 1, .kind = TL_UNIT_PERCENT, .lang = TL_LANG_NL, .ref_label = "Nederland",
				 .ref_value = 60, .has_ref = 1, .layout = TL_CHART_WIDE};
	char *out = bar_svg(&c);
	double h = atof(strstr(out, "viewBox=\"0 0 680 ") + strlen("viewBox=\"0 0 680 "));
	assert_true(h > 342 * 20);
	assert_int_equal(count_of(out, "<rect") + count_of(out, ">geen gegevens<"), 342);
	/* Long lists repeat the axis on top. */
	assert_int_equal(count_of(out, ">80%</text>"), 2);
	free(out);
	free(it);
	free(many_labels);

	/* 50 000 rows in both layouts: two whole drawings, every row a bar or
	 * "geen gegevens" in each, every element closed, a few hundred bytes a
	 * row.  (Its speed is bench/chart.sh's to report.) */
	it = many_items(50000);
	c.items = it;
	c.n_items = 50000;
	c.layout = TL_CHART_RESPONSIVE;
	out = bar_svg(&c);
	size_t len = strlen(out);
	assert_int_equal(count_of(out, "<svg "), 2);
	assert_int_equal(count_of(out, "</svg>"), 2);
	assert_string_equal(out + len - strlen("</svg>\n"), "</svg>\n");
	assert_int_equal(count_of(out, "<rect") + count_of(out, ">geen gegevens<"), 2 * 50000);
	assert_int_equal(count_of(out, "<text"), count_of(out, "</text>"));
	assert_int_equal(count_of(out, "<title"), count_of(out, "</title>"));
	assert_int_equal(count_of(out, ">Gemeente 50000</text>"), 2);
	assert_true(len < (size_t)2 * 50000 * 1000);
	free(out);
	free(it);
	free(many_labels);
}

/* ---- Properties of both charts ------------------------------------------ */

static void test_every_label_is_escaped(void **state)
{
	(void)state;
	static const char *evil = "<script>alert(1)</script>\"'&";
	static const char *const x[] = {"<script>", "2024\"><script>"};
	static const double v[] = {1, 2};
	struct tl_chart_series s[2] = {{evil, v, NULL, NULL, 0}, {evil, v, NULL, NULL, 1}};
	struct tl_line_chart c = {.id = "\"><script>x", .title = evil, .desc = evil, .x_labels = x, .n_x = 2,
				  .series = s, .n_series = 2, .decimals = 0, .kind = TL_UNIT_NUMBER,
				  .lang = TL_LANG_NL};
	struct tl_bar_item items[] = {{evil, 1, 1, 1}, {evil, 2, 1, 0}, {evil, 0, 0, 0}};
	struct tl_bar_chart bc = {.id = evil, .title = evil, .desc = evil, .items = items, .n_items = 3,
				  .ref_label = evil, .ref_value = 1.5, .has_ref = 1, .decimals = 0,
				  .kind = TL_UNIT_NUMBER, .lang = TL_LANG_NL};
	for (size_t l = 0; l < 3; l++) {
		c.layout = layouts[l];
		bc.layout = layouts[l];
		char *out = line_svg(&c);
		assert_null(strstr(out, "<script"));
		assert_null(strstr(out, "\"'"));
		assert_non_null(strstr(out, "&lt;script&gt;"));
		assert_aria_ids_resolve(out);
		free(out);
		out = bar_svg(&bc);
		assert_null(strstr(out, "<script"));
		assert_non_null(strstr(out, "&lt;script&gt;"));
		assert_aria_ids_resolve(out);
		free(out);
	}
}

static void test_responsive_output_has_two_layouts_with_their_own_ids(void **state)
{
	(void)state;
	struct tl_line_chart c = gezondheid(TL_CHART_RESPONSIVE);
	char *out = line_svg(&c);
	assert_int_equal(count_of(out, "<svg"), 2);
	assert_non_null(strstr(out, "class=\"tl-chart tl-chart--wide\""));
	assert_non_null(strstr(out, "aria-labelledby=\"ervaren-gezondheid-title ervaren-gezondheid-desc\""));
	assert_non_null(strstr(out, "aria-labelledby=\"ervaren-gezondheid-narrow-title "
				    "ervaren-gezondheid-narrow-desc\""));
	assert_int_equal(count_of(out, "display=\"none\""), 1);
	assert_true(strstr(out, "display=\"none\"") > strstr(out, "tl-chart--narrow"));
	assert_aria_ids_resolve(out);
	/* Responsive, no fixed size: a viewBox and width 100%, no height. */
	assert_int_equal(count_of(out, "width=\"100%\""), 2);
	assert_null(strstr(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" height"));
	free(out);

	struct tl_bar_chart bc = vertrouwen(TL_CHART_RESPONSIVE);
	out = bar_svg(&bc);
	assert_int_equal(count_of(out, "<svg"), 2);
	assert_aria_ids_resolve(out);
	free(out);
}

static void test_output_is_deterministic_and_scriptless(void **state)
{
	(void)state;
	struct tl_line_chart c = schulden(TL_CHART_RESPONSIVE);
	char *a = line_svg(&c), *b = line_svg(&c);
	assert_string_equal(a, b);
	assert_null(strstr(a, "script"));
	assert_null(strstr(a, "font-family"));
	assert_null(strstr(a, "style="));
	assert_no_nan_inf(a);
	free(a);
	free(b);
	struct tl_bar_chart bc = vertrouwen(TL_CHART_RESPONSIVE);
	a = bar_svg(&bc);
	b = bar_svg(&bc);
	assert_string_equal(a, b);
	assert_no_nan_inf(a);
	free(a);
	free(b);
}

static void test_text_width_and_fit(void **state)
{
	(void)state;
	assert_true(tl_svg_text_width("Nederland", 14, 1) > tl_svg_text_width("Nederland", 14, 0));
	assert_true(tl_svg_text_width("€", 14, 0) > 0);
	int cut;
	const char *s = "Súdwest-Fryslân en nog veel meer";
	size_t k = tl_svg_fit(s, 60, 14, 0, &cut);
	assert_true(cut && k < strlen(s));
	assert_true((s[k] & 0xC0) != 0x80); /* never inside a UTF-8 sequence */
	assert_int_equal(tl_svg_fit("Assen", 200, 14, 0, &cut), 5);
	assert_false(cut);
}

/* ---- Preview page (tools/chart-preview.sh) ------------------------------ */

static void figure(tl_buf *b, const char *caption, const char *source)
{
	tl_html_lit(b, "<figcaption><strong>");
	tl_html_text(b, caption);
	tl_html_lit(b, "</strong><br><span class=\"src\">");
	tl_html_text(b, source);
	tl_html_lit(b, "</span></figcaption></figure>\n");
}

static int preview(const char *path, int edge)
{
	tl_buf b = TL_BUF_INIT;
	tl_html_lit(&b, "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
			"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
			"<title>telling — grafieken</title><style>\n"
			"body{font-family:\"Segoe UI\",system-ui,-apple-system,\"Helvetica Neue\",Arial,sans-serif;"
			"color:#1a1a1a;margin:0;padding:1rem;max-width:46rem}\n"
			"h1{font-size:1.4rem;color:#154273}\n"
			"figure{margin:0 0 2rem;padding:.75rem;border:1px solid #ccc}\n"
			"figcaption{margin-top:.5rem;font-size:.95rem}.src{color:#595959}\n"
			".tl-chart{display:block;width:100%;height:auto}\n"
			".tl-chart--narrow{display:none}\n"
			"@media (max-width:36em){.tl-chart--wide{display:none}.tl-chart--narrow{display:block}}\n"
			"</style></head><body>\n<h1>Grafieken — voorbeeld</h1>\n");
	if (!edge) {
		struct tl_line_chart l = gezondheid(TL_CHART_RESPONSIVE);
		tl_html_lit(&b, "<figure>");
		tl_chart_line(&b, &l);
		figure(&b, "Ervaren gezondheid (zeer) goed (% volwassenen), 2016–2024",
		       "Bron: RIVM/GGD'en/CBS, Gezondheidsmonitor");
		struct tl_bar_chart bc = vertrouwen(TL_CHART_RESPONSIVE);
		tl_html_lit(&b, "<figure>");
		tl_chart_bar(&b, &bc);
		figure(&b, "Vertrouwen in andere mensen (%), 2023", "Bron: CBS, Regionale Monitor Brede Welvaart");
		l = schulden(TL_CHART_RESPONSIVE);
		tl_html_lit(&b, "<figure>");
		tl_chart_line(&b, &l);
		figure(&b, "Problematische schulden (% huishoudens), 2013–2024", "Bron: CBS (illustratief)");
		static const char *const y[] = {"2019", "2020", "2021", "2022", "2023", "2024"};
		static const double inc_dr[] = {30100, 31000, 31900, 33100, 34800, 36200};
		static const double inc_nl[] = {31400, 32300, 33500, 34600, 36300, 37900};
		static struct tl_chart_series inc[2];
		inc[0] = (struct tl_chart_series){"Drenthe", inc_dr, NULL, NULL, 0};
		inc[1] = (struct tl_chart_series){"Nederland", inc_nl, NULL, NULL, 1};
		l = (struct tl_line_chart){.id = "inkomen", .title = "Mediaan besteedbaar inkomen", .x_labels = y,
					   .n_x = 6, .series = inc, .n_series = 2, .decimals = 0,
					   .kind = TL_UNIT_EURO, .lang = TL_LANG_NL};
		tl_html_lit(&b, "<figure>");
		tl_chart_line(&b, &l);
		figure(&b, "Mediaan besteedbaar inkomen huishoudens (euro), 2019–2024", "Bron: CBS (illustratief)");
		bc = saldo(TL_CHART_RESPONSIVE);
		tl_html_lit(&b, "<figure>");
		tl_chart_bar(&b, &bc);
		figure(&b, "Net migration per 1,000 inhabitants, 2023", "Source: CBS (illustrative)");
	} else {
		static const char *const x1[] = {"2024"};
		static const double one[] = {74.2};
		static const unsigned char prov1[] = {1};
		static struct tl_chart_series s1;
		s1 = (struct tl_chart_series){"Drenthe", one, NULL, prov1, 0};
		struct tl_line_chart l = {.id = "een", .title = "Eén punt", .x_labels = x1, .n_x = 1, .series = &s1,
					  .n_series = 1, .decimals = 1, .kind = TL_UNIT_PERCENT, .lang = TL_LANG_NL};
		tl_html_lit(&b, "<figure>");
		tl_chart_line(&b, &l);
		figure(&b, "Eén (voorlopig) punt", "Randgeval");
		static const double neg[] = {-4.5, -1.2, 2.3, 0.4};
		static const double eq[] = {50, 50, 50, 50};
		static struct tl_chart_series s2[2];
		s2[0] = (struct tl_chart_series){"Negatief", neg, NULL, NULL, 0};
		s2[1] = (struct tl_chart_series){"Gelijk aan elkaar met een lange naam", eq, NULL, NULL, 2};
		l = (struct tl_line_chart){.id = "neg", .title = "Negatief", .x_labels = years4, .n_x = 4,
					   .series = s2, .n_series = 2, .decimals = 1, .kind = TL_UNIT_NUMBER,
					   .lang = TL_LANG_NL};
		tl_html_lit(&b, "<figure>");
		tl_chart_line(&b, &l);
		figure(&b, "Negatieve waarden en gelijke waarden", "Randgeval");
		static const double r1[] = {61.0, 62.4, 63.1, 63.0};
		static const double r2[] = {60.2, 61.1, 62.0, 62.8};
		static const double r3[] = {58.3, 60.0, 61.7, 62.6};
		static const double r4[] = {63.5, 63.0, 62.9, 62.9};
		static struct tl_chart_series s4[4];
		s4[0] = (struct tl_chart_series){"Drenthe", r1, NULL, NULL, 0};
		s4[1] = (struct tl_chart_series){"Nederland", r2, NULL, NULL, 1};
		s4[2] = (struct tl_chart_series){"Groningen", r3, NULL, NULL, 2};
		s4[3] = (struct tl_chart_series){"Friesland", r4, NULL, NULL, 3};
		l = (struct tl_line_chart){.id = "vier", .title = "Vier reeksen", .x_labels = years4, .n_x = 4,
					   .series = s4, .n_series = 4, .decimals = 1, .kind = TL_UNIT_PERCENT,
					   .lang = TL_LANG_NL};
		tl_html_lit(&b, "<figure>");
		tl_chart_line(&b, &l);
		figure(&b, "Vier reeksen met bijna gelijke eindwaarden", "Randgeval");
		static const double none[] = {0, 0, 0, 0};
		static const unsigned char no[] = {0, 0, 0, 0};
		s1 = (struct tl_chart_series){"Drenthe", none, no, NULL, 0};
		l = (struct tl_line_chart){.id = "leeg", .title = "Leeg", .x_labels = years4, .n_x = 4,
					   .series = &s1, .n_series = 1, .lang = TL_LANG_NL};
		tl_html_lit(&b, "<figure>");
		tl_chart_line(&b, &l);
		figure(&b, "Alle waarden ontbreken", "Randgeval");
		static const struct tl_bar_item huge[] = {
			{"Amsterdam", 1234567, 1, 0}, {"Rotterdam", 876543, 1, 0}, {"Assen", 98765, 1, 1},
			{"Schiermonnikoog", 0, 0, 0},
			{"Een gemeente met een uitzonderlijk lange naam die niet past", 543210, 1, 0}};
		struct tl_bar_chart bc = {.id = "groot", .title = "Grote bedragen", .items = huge, .n_items = 5,
					  .ref_label = "Nederland", .ref_value = 456789, .has_ref = 1,
					  .kind = TL_UNIT_EURO, .lang = TL_LANG_NL};
		tl_html_lit(&b, "<figure>");
		tl_chart_bar(&b, &bc);
		figure(&b, "Grote bedragen (euro)", "Randgeval");
		struct tl_bar_item *it = many_items(342);
		bc = (struct tl_bar_chart){.id = "alle", .title = "342 gemeenten", .items = it, .n_items = 342,
					   .ref_label = "Nederland", .ref_value = 60, .has_ref = 1, .decimals = 1,
					   .kind = TL_UNIT_PERCENT, .lang = TL_LANG_NL};
		tl_html_lit(&b, "<figure>");
		tl_chart_bar(&b, &bc);
		figure(&b, "342 gemeenten (synthetisch)", "Randgeval");
		free(it);
		free(many_labels);
	}
	tl_html_lit(&b, "</body></html>\n");
	FILE *f = fopen(path, "wb");
	if (!f) {
		perror(path);
		tl_buf_free(&b);
		return 1;
	}
	fwrite(b.data, 1, b.len, f);
	fclose(f);
	tl_buf_free(&b);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--preview") == 0)
		return preview(argv[2], 0);
	if (argc == 3 && strcmp(argv[1], "--preview-edge") == 0)
		return preview(argv[2], 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_line_drenthe_nederland),
		cmocka_unit_test(test_golden_line_break_provisional),
		cmocka_unit_test(test_golden_bar_municipalities),
		cmocka_unit_test(test_golden_bar_negative_english),
		cmocka_unit_test(test_ticks_are_nice_and_enclose_the_range),
		cmocka_unit_test(test_tick_labels_use_the_decimal_comma_in_dutch),
		cmocka_unit_test(test_y_axis_includes_zero_only_when_the_data_come_near),
		cmocka_unit_test(test_gaps_split_the_line_and_lone_points_stay_markers),
		cmocka_unit_test(test_series_break_splits_the_line_and_is_labelled),
		cmocka_unit_test(test_close_end_values_get_labels_that_do_not_overlap),
		cmocka_unit_test(test_series_ending_early_names_its_year),
		cmocka_unit_test(test_years_are_spaced_by_time),
		cmocka_unit_test(test_many_x_labels_are_thinned_and_the_last_kept),
		cmocka_unit_test(test_edge_cases_render_without_nan),
		cmocka_unit_test(test_bars_are_sorted_descending_missing_last),
		cmocka_unit_test(test_bar_length_is_honest),
		cmocka_unit_test(test_bar_edge_cases),
		cmocka_unit_test(test_342_and_50000_bars_draw_every_row),
		cmocka_unit_test(test_every_label_is_escaped),
		cmocka_unit_test(test_responsive_output_has_two_layouts_with_their_own_ids),
		cmocka_unit_test(test_output_is_deterministic_and_scriptless),
		cmocka_unit_test(test_text_width_and_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
