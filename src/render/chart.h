/*
 * chart — the report's charts as accessible inline SVG: a line chart (a
 * region against the national trend over the years) and a horizontal bar
 * chart (the municipalities sorted, the province highlighted, Nederland as a
 * dashed reference line).
 *
 * Pure renderers: a description struct in, SVG markup appended to a tl_buf
 * out.  No I/O, no globals, nothing allocated that outlives the call; every
 * pointer in the structs is borrowed for the duration of the call only.  The
 * output is deterministic (golden files in tests/golden/charts/) and follows
 * FORMATS.md §9 and §12: Dutch numbers through core/fmt.h, gaps for missing
 * values (never interpolated, never drawn as 0), provisional points hollow,
 * series told apart by colour, dash pattern, marker shape and direct labels,
 * colours of at least 3:1 (graphics) and 4.5:1 (text) on white, no script,
 * no fonts (text inherits the page's font-family).
 *
 * Not done here: the <figure> and <figcaption> (title, unit, period,
 * "Bron: …"), the equivalent data table and the message in running text are
 * the page's job; the one-sentence message for <desc> is the caller's.  The
 * <svg> has role="img", so screen readers read its <title> and <desc> only,
 * never the text inside.
 *
 * Responsive output.  SVG text scales with the viewBox, so one drawing cannot
 * be legible on a 320 px phone and on a 900 px screen at once.  By default
 * (TL_CHART_RESPONSIVE) a chart is therefore written twice, as two sibling
 * <svg> elements drawn from the same data: a wide layout (class "tl-chart
 * tl-chart--wide", ids ID-title / ID-desc) and a narrow one (class "tl-chart
 * tl-chart--narrow", ids ID-narrow-title / ID-narrow-desc, display="none").
 * The page CSS switches between them:
 *
 *     .tl-chart { display: block; width: 100%; height: auto; }
 *     .tl-chart--narrow { display: none; }
 *     @media (max-width: 36em) {
 *             .tl-chart--wide { display: none; }
 *             .tl-chart--narrow { display: block; }
 *     }
 *
 * Without that CSS only the wide chart shows, and since the narrow one stays
 * display="none" a screen reader meets one image, not two.  TL_CHART_WIDE and
 * TL_CHART_NARROW write a single <svg> with plain ids (PDF, tests).
 *
 * Usage:
 *     static const char *years[] = {"2016", "2020", "2022", "2024"};
 *     double dr[] = {79.3, 76.8, 0, 74.2};
 *     unsigned char dr_ok[] = {1, 1, 0, 1};
 *     struct tl_chart_series s[] = {{"Drenthe", dr, dr_ok, NULL, 0}, …};
 *     struct tl_line_chart c = {.id = "gezondheid", .title = "…", .desc = "…",
 *             .x_labels = years, .n_x = 4, .series = s, .n_series = 2,
 *             .decimals = 1, .kind = TL_UNIT_PERCENT, .lang = TL_LANG_NL};
 *     tl_chart_line(&buf, &c);
 */
#ifndef TL_CHART_H
#define TL_CHART_H

#include <stddef.h>

#include "../core/buf.h"
#include "../core/fmt.h"

enum tl_chart_layout {
	TL_CHART_RESPONSIVE = 0, /* wide + narrow <svg>, switched by page CSS */
	TL_CHART_WIDE,           /* one <svg>, 680 units wide */
	TL_CHART_NARROW,         /* one <svg>, 320 units wide */
};

/* ---- Line chart --------------------------------------------------------- */

struct tl_chart_series {
	const char *label;                /* "Drenthe", "Nederland"; shown at the line's end */
	const double *values;             /* n_x values aligned with the x labels */
	const unsigned char *present;     /* n_x flags: 1 = value present, 0 = gap; NULL = all
	                                   * present.  A non-finite value is a gap too. */
	const unsigned char *provisional; /* n_x flags or NULL: 1 = provisional (hollow marker,
	                                   * "*" after the end value, a note under the chart) */
	int style;                        /* 0 = focus (solid, dark blue, circles), 1 = comparison
	                                   * (dashed, orange, squares), 2.. further styles */
};

struct tl_line_chart {
	const char *id;    /* unique in the page; turned into an id-safe token ([a-z0-9-]) */
	const char *title; /* short title -> <title> */
	const char *desc;  /* the one-sentence message -> <desc>; may be NULL */
	const char *const *x_labels; /* n_x labels, "2013" … "2024".  When all are years
	                              * (four digits, increasing) points are spaced by time,
	                              * otherwise evenly. */
	size_t n_x;
	const struct tl_chart_series *series; /* series[0] is drawn on top */
	size_t n_series;
	const size_t *breaks; /* x indexes i (1..n_x-1) where a series break falls between
	                       * x[i-1] and x[i]: lines are not joined across it and a dashed
	                       * rule labelled "Trendbreuk" / "Series break" marks it */
	size_t n_breaks;
	int decimals;           /* decimals of the values in end labels (ticks choose their own) */
	enum tl_unit_kind kind; /* "74,2%", "€ 36.200" or a plain number */
	enum tl_lang lang;
	enum tl_chart_layout layout;
};

/*
 * Appends the line chart to b.  The y axis has 4–6 nice ticks and spans the
 * data with some room, including 0 only when the data come near it; x labels
 * are thinned when they would collide (the last one always shows).  Zero x
 * labels or no value at all give a small chart that says "geen gegevens" /
 * "no data".
 */
void tl_chart_line(tl_buf *b, const struct tl_line_chart *c);

/* ---- Bar chart ---------------------------------------------------------- */

struct tl_bar_item {
	const char *label; /* "Assen" */
	double value;
	int present;   /* 0 = missing or suppressed: "geen gegevens" instead of a bar */
	int highlight; /* 1 = reference bar such as the province: dark colour, bold label */
};

struct tl_bar_chart {
	const char *id, *title, *desc; /* as for the line chart */
	const struct tl_bar_item *items; /* in any order; the chart sorts a copy: descending
	                                  * by value, ties in input order, missing last */
	size_t n_items;
	const char *ref_label; /* "Nederland": a dashed vertical reference line, labelled */
	double ref_value;
	int has_ref;
	int decimals;
	enum tl_unit_kind kind;
	enum tl_lang lang;
	enum tl_chart_layout layout;
};

/*
 * Appends the bar chart to b: one row per item, bars starting at 0 (their
 * length is honest, also for negative values), the value in Dutch format at
 * the end of each bar and an x axis with nice ticks.  The chart grows in
 * height with the number of items (342 municipalities stay legible); the work
 * is O(n log n).
 */
void tl_chart_bar(tl_buf *b, const struct tl_bar_chart *c);

#endif
