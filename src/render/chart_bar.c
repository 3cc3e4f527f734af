/*
 * chart_bar — the horizontal bar chart of render/chart.h: one row per
 * region, sorted descending, the province highlighted, Nederland as a dashed
 * reference line.
 *
 * Wide layout: labels right-aligned in a column left of the bars.  Narrow
 * layout: each label on its own line above its bar, so long municipality
 * names keep the full width.  Bars start at 0 and the x axis always includes
 * 0, so a bar's length is proportional to its value; negative values grow to
 * the left of the zero line.  Missing items come last and say "geen
 * gegevens" where the bar would be.  Long lists get the axis at the top as
 * well as the bottom.
 *
 * Memory: one sorted copy of the rows (xmalloc), freed before returning.
 * Time: O(n log n) for the sort, then linear.
 */
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"
#include "html.h"
#include "svg.h"

struct geom {
	double w;         /* viewBox width */
	double fs;        /* category labels */
	double fs_tick;   /* values, tick labels, notes */
	double row_h;     /* height of one row */
	double bar_h;     /* thickness of a bar */
	int stacked;      /* 1 = label above the bar; 0 = label column on the left */
	double label_cap; /* widest label column, as a fraction of w (side-by-side only) */
};

static const struct geom wide = {680, 14, 13, 26, 16, 0, 0.36};
static const struct geom narrow = {320, 15, 14, 46, 16, 1, 0};

/* Rows above which the axis is repeated at the top. */
#define TOP_AXIS_ROWS 15
#define VALUE_LIMIT 1e15

struct row {
	const struct tl_bar_item *it;
	size_t idx; /* position in the caller's array: the tie-breaker */
	int ok;     /* has a usable value */
};

static int by_value(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->ok != y->ok)
		return x->ok ? -1 : 1;
	if (x->ok && x->it->value != y->it->value)
		return x->it->value > y->it->value ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static int usable(double v)
{
	return isfinite(v) && fabs(v) < VALUE_LIMIT;
}

/*
 * Ticks for [lo, hi] whose labels do not collide across `room` units: as
 * many as fit, from 4–6 down to 2.
 */
static void fit_ticks(const struct tl_bar_chart *c, const struct geom *g, double lo, double hi, double room,
		      struct tl_svg_ticks *t)
{
	static const int range[][2] = {{4, 6}, {3, 5}, {3, 4}, {2, 3}, {2, 2}};
	for (size_t k = 0; k < sizeof range / sizeof range[0]; k++) {
		tl_svg_ticks(lo, hi, range[k][0], range[k][1], t);
		double tw = 0;
		for (int i = 0; i < t->n; i++)
			tw = fmax(tw, tl_svg_value_width(t->v[i], t->decimals, c->kind, c->lang, g->fs_tick, 0));
		if (room / (t->n - 1) >= tw + 12)
			return;
	}
}

static void tick_labels(tl_buf *b, const struct tl_bar_chart *c, const struct geom *g,
			const struct tl_svg_ticks *t, double plot_l, double plot_r, double y)
{
	double t0 = t->v[0], t1 = t->v[t->n - 1];
	for (int k = 0; k < t->n; k++) {
		double x = plot_l + (t->v[k] - t0) / (t1 - t0) * (plot_r - plot_l);
		double tw = tl_svg_value_width(t->v[k], t->decimals, c->kind, c->lang, g->fs_tick, 0);
		const char *anchor = x - tw / 2 < 2 ? "start" : x + tw / 2 > g->w - 2 ? "end" : "middle";
		tl_svg_text_open(b, anchor[0] == 's' ? fmax(x - tw / 2, 2) : x, y, anchor, TL_SVG_MUTED,
				 g->fs_tick, 0);
		tl_html_value(b, t->v[k], t->decimals, c->kind, c->lang);
		tl_html_lit(b, "</text>\n");
	}
}

/* Top of the bar in row i. */
static double bar_y(const struct geom *g, double rows_top, size_t i)
{
	double ry = rows_top + (double)i * g->row_h;
	return g->stacked ? ry + g->fs + 5 : ry + (g->row_h - g->bar_h) / 2;
}

/* ---- One layout --------------------------------------------------------- */

static void render(tl_buf *b, const struct tl_bar_chart *c, const struct geom *g, const struct row *rows,
		   size_t n, const char *id, const char *cls, int hidden)
{
	const char *nodata = c->lang == TL_LANG_NL ? "geen gegevens" : "no data";
	int has_ref = c->has_ref && usable(c->ref_value);
	double lo = 0, hi = 0;
	int any = has_ref;
	double vw = 0, labw = 0;
	for (size_t i = 0; i < n; i++) {
		const struct tl_bar_item *it = rows[i].it;
		labw = fmax(labw, tl_svg_text_width(it->label, g->fs, it->highlight));
		if (!rows[i].ok)
			continue;
		any = 1;
		lo = fmin(lo, it->value);
		hi = fmax(hi, it->value);
		vw = fmax(vw, tl_svg_value_width(it->value, c->decimals, c->kind, c->lang, g->fs_tick,
						 it->highlight));
	}
	if (has_ref) {
		lo = fmin(lo, c->ref_value);
		hi = fmax(hi, c->ref_value);
	}
	if (hi == lo)
		hi = lo + 1; /* all zero, or nothing at all: any scale will do */

	/* Horizontal layout. */
	double label_x, plot_l, plot_r, label_w; /* label_x: left edge (stacked) or right edge */
	if (g->stacked) {
		/* Labels indented a little from the zero line they stand on. */
		label_w = g->w - 12;
		label_x = 8;
		plot_l = 4;
	} else {
		label_w = fmin(labw, g->w * g->label_cap);
		label_x = 6 + label_w;
		plot_l = label_x + 12;
	}
	if (lo < 0)
		plot_l += vw + 8; /* room for the value label of the most negative bar */
	plot_r = g->w - fmax(vw, 4) - 10;
	double nw = tl_svg_text_width(nodata, g->fs_tick, 0);
	if (plot_r - plot_l < nw)
		plot_r = plot_l + nw; /* absurdly long values: let them run off rather than invert */

	struct tl_svg_ticks t;
	fit_ticks(c, g, lo, hi, plot_r - plot_l, &t);
	double t0 = t.v[0], t1 = t.v[t.n - 1];
#define X(v) (plot_l + ((v) - t0) / (t1 - t0) * (plot_r - plot_l))
	double x0 = X(0);

	/* Vertical layout, from the top: the repeated axis (long lists), the
	 * reference label just above the rows so its line crosses no tick
	 * label, the rows, the axis. */
	double y = 4;
	double ref_y = 0, top_axis_y = 0;
	int top_axis = any && n > TOP_AXIS_ROWS;
	if (top_axis) {
		top_axis_y = y + g->fs_tick;
		y = top_axis_y + 8;
	}
	if (has_ref) {
		ref_y = y + g->fs_tick;
		y = ref_y + 8;
	}
	double rows_top = y + 2;
	double rows_bottom = rows_top + (double)n * g->row_h;
	double axis_y = rows_bottom + g->fs_tick + 8;
	double h = (any ? axis_y + g->fs_tick * 0.4 : rows_bottom) + 6;

	tl_svg_begin(b, id, cls, g->w, h, g->fs, c->title, c->desc, hidden);

	/* Gridlines behind the bars; the zero line solid. */
	if (any) {
		for (int k = 0; k < t.n; k++)
			if (t.v[k] != 0)
				tl_svg_line(b, X(t.v[k]), rows_top, X(t.v[k]), rows_bottom + 4, TL_SVG_GRID, 1,
					    "3 3");
		tick_labels(b, c, g, &t, plot_l, plot_r, axis_y);
		if (top_axis)
			tick_labels(b, c, g, &t, plot_l, plot_r, top_axis_y);
	}

	/* Bars first, then the zero line and the reference line over them, then
	 * every text with a white halo so lines never run through a label. */
	for (size_t i = 0; i < n; i++) {
		if (!rows[i].ok)
			continue;
		double xv = X(rows[i].it->value);
		double bw = fabs(xv - x0);
		if (bw > 0)
			tl_svg_rect(b, fmin(x0, xv), bar_y(g, rows_top, i), bw, g->bar_h,
				    rows[i].it->highlight ? TL_SVG_FOCUS : TL_SVG_BAR);
	}
	if (any)
		tl_svg_line(b, x0, rows_top - 2, x0, rows_bottom + 4, TL_SVG_MUTED, 1.5, NULL);
	double xr = has_ref ? X(c->ref_value) : 0;
	if (has_ref) {
		/* A white edge keeps the dashes visible where they cross a bar. */
		tl_svg_line(b, xr, ref_y + 5, xr, rows_bottom + 4, "#ffffff", 4, NULL);
		tl_svg_line(b, xr, ref_y + 5, xr, rows_bottom + 4, TL_SVG_COMPARE, 2, "6 4");
	}

	for (size_t i = 0; i < n; i++) {
		const struct tl_bar_item *it = rows[i].it;
		double ry = rows_top + (double)i * g->row_h;
		int bold = it->highlight ? TL_SVG_BOLD : 0;
		if (g->stacked)
			tl_svg_text(b, label_x, ry + g->fs, "start", TL_SVG_INK, g->fs, bold | TL_SVG_HALO, it->label,
				    label_w);
		else
			tl_svg_text(b, label_x, ry + g->row_h / 2 + g->fs * 0.35, "end", TL_SVG_INK, g->fs, bold,
				    it->label, label_w);
		double mid = bar_y(g, rows_top, i) + g->bar_h / 2 + g->fs_tick * 0.35;
		if (!rows[i].ok) {
			int left = x0 > (plot_l + plot_r) / 2;
			tl_svg_text(b, left ? x0 - 5 : x0 + 5, mid, left ? "end" : "start", TL_SVG_MUTED, g->fs_tick,
				    TL_SVG_ITALIC | TL_SVG_HALO, nodata, 0);
			continue;
		}
		double v = it->value, xv = X(v);
		tl_svg_text_open(b, v < 0 ? xv - 5 : xv + 5, mid, v < 0 ? "end" : "start", TL_SVG_INK, g->fs_tick,
				 bold | TL_SVG_HALO);
		tl_html_value(b, v, c->decimals, c->kind, c->lang);
		tl_html_lit(b, "</text>\n");
	}

	if (has_ref) {
		tl_buf txt = TL_BUF_INIT;
		tl_buf_puts(&txt, c->ref_label ? c->ref_label : "");
		tl_buf_putc(&txt, ' ');
		tl_fmt_value(&txt, c->ref_value, c->decimals, c->kind, c->lang);
		double tw = tl_svg_text_width(txt.data, g->fs_tick, 1);
		double tx = xr;
		const char *anchor = "middle";
		if (xr + tw / 2 > g->w - 2) {
			anchor = "end";
			tx = fmin(xr + 6, g->w - 2);
		} else if (xr - tw / 2 < 2) {
			anchor = "start";
			tx = fmax(xr - 6, 2);
		}
		tl_svg_text(b, tx, ref_y, anchor, TL_SVG_COMPARE, g->fs_tick, TL_SVG_BOLD, txt.data, g->w - 4);
		tl_buf_free(&txt);
	}
#undef X
	tl_svg_end(b);
}

/* ---- Entry point -------------------------------------------------------- */

void tl_chart_bar(tl_buf *b, const struct tl_bar_chart *c)
{
	char id[80];
	size_t n = c->items ? c->n_items : 0;
	if (n == 0) {
		tl_svg_chart_id(id, sizeof id, c->id, "");
		if (c->layout == TL_CHART_WIDE || c->layout == TL_CHART_NARROW) {
			tl_svg_empty(b, id, "tl-chart", c->layout == TL_CHART_WIDE ? wide.w : narrow.w,
				     c->layout == TL_CHART_WIDE ? wide.fs : narrow.fs, c->title, c->desc, c->lang, 0);
			return;
		}
		tl_svg_empty(b, id, "tl-chart tl-chart--wide", wide.w, wide.fs, c->title, c->desc, c->lang, 0);
		tl_svg_chart_id(id, sizeof id, c->id, "-narrow");
		tl_svg_empty(b, id, "tl-chart tl-chart--narrow", narrow.w, narrow.fs, c->title, c->desc, c->lang,
			     1);
		return;
	}

	struct row *rows = xmalloc(n * sizeof *rows);
	for (size_t i = 0; i < n; i++) {
		rows[i].it = &c->items[i];
		rows[i].idx = i;
		rows[i].ok = c->items[i].present && usable(c->items[i].value);
	}
	qsort(rows, n, sizeof *rows, by_value);

	switch (c->layout) {
	case TL_CHART_WIDE:
	case TL_CHART_NARROW:
		tl_svg_chart_id(id, sizeof id, c->id, "");
		render(b, c, c->layout == TL_CHART_WIDE ? &wide : &narrow, rows, n, id, "tl-chart", 0);
		break;
	case TL_CHART_RESPONSIVE:
	default:
		tl_svg_chart_id(id, sizeof id, c->id, "");
		render(b, c, &wide, rows, n, id, "tl-chart tl-chart--wide", 0);
		tl_svg_chart_id(id, sizeof id, c->id, "-narrow");
		render(b, c, &narrow, rows, n, id, "tl-chart tl-chart--narrow", 1);
		break;
	}
	free(rows);
}
