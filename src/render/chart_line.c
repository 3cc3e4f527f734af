/*
 * chart_line — the line chart of render/chart.h: one or more series (a
 * province against Nederland) over a handful of years.
 *
 * Layout, left to right: y tick labels, the plot, then a column of direct
 * labels (name + last value) at the right end of each line, pushed apart
 * when two end values are close.  Top: a row for series-break labels when
 * there are breaks.  Bottom: x labels, then a note on provisional figures
 * when there are any.  Series differ by colour, dash pattern and marker
 * shape (svg.c palette); missing values split the line; a lone value is a
 * marker on its own.
 *
 * Memory: a few scratch arrays of n_x or n_series elements, allocated with
 * xmalloc and freed before returning.  The struct passed in is only read.
 */
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"
#include "html.h"
#include "svg.h"

/* Sizes in viewBox units; one set per layout (chart.h, "Responsive"). */
struct geom {
	double w;         /* viewBox width */
	double fs;        /* labels */
	double fs_tick;   /* tick labels, x labels, notes */
	double plot_h;    /* height of the plot area */
	double r;         /* marker radius */
	double label_cap; /* widest end label before names are shortened */
	int max_xlabels;  /* x labels shown at most ("thin them above ~8") */
};

static const struct geom wide = {680, 14, 13, 250, 4.5, 150, 8};
static const struct geom narrow = {320, 14, 13, 200, 4, 96, 5};

/* Values at or beyond this size are treated as missing: no statistic is that
 * large, and it keeps every coordinate finite. */
#define VALUE_LIMIT 1e15
/* Above this many points, markers are drawn only where they carry meaning. */
#define MARKERS_MAX 24

static int has(const struct tl_chart_series *s, size_t i)
{
	if (s->present && !s->present[i])
		return 0;
	double v = s->values[i];
	return isfinite(v) && fabs(v) < VALUE_LIMIT;
}

static int provisional(const struct tl_chart_series *s, size_t i)
{
	return s->provisional && s->provisional[i];
}

/* 1 when every label is a four-digit year and they increase. */
static int year_axis(const struct tl_line_chart *c, long *years)
{
	for (size_t i = 0; i < c->n_x; i++) {
		const char *l = c->x_labels[i];
		if (!l || strlen(l) != 4)
			return 0;
		long y = 0;
		for (int k = 0; k < 4; k++) {
			if (l[k] < '0' || l[k] > '9')
				return 0;
			y = y * 10 + (l[k] - '0');
		}
		if (i > 0 && y <= years[i - 1])
			return 0;
		years[i] = y;
	}
	return 1;
}

static const char *xlabel(const struct tl_line_chart *c, size_t i)
{
	const char *l = c->x_labels ? c->x_labels[i] : NULL;
	return l ? l : "";
}

/* An end label: the block of text at the right end of one series. */
struct endlabel {
	size_t s;     /* series index */
	size_t last;  /* x index of its last value */
	double want;  /* y of that value: where the block would like its centre */
	double top;   /* placed top of the block */
	tl_buf value; /* "74,2%*" or "74,2% (2022)", not yet escaped */
};

static int by_want(const void *a, const void *b)
{
	const struct endlabel *x = a, *y = b;
	if (x->want != y->want)
		return x->want < y->want ? -1 : 1;
	return x->s < y->s ? -1 : x->s > y->s;
}

/*
 * Stack blocks of height h, each as near its wanted centre as possible,
 * without overlap and inside [lo, hi].  One pass down pushes blocks apart, one
 * pass up pulls them back inside when the last one ran past hi.
 */
static void spread(struct endlabel *e, size_t n, double h, double gap, double lo, double hi)
{
	for (size_t i = 0; i < n; i++) {
		double t = e[i].want - h / 2;
		if (i > 0 && t < e[i - 1].top + h + gap)
			t = e[i - 1].top + h + gap;
		e[i].top = t < lo ? lo : t;
	}
	for (size_t i = n; i-- > 0;) {
		double limit = i + 1 < n ? e[i + 1].top - gap - h : hi - h;
		if (e[i].top > limit)
			e[i].top = limit;
	}
	for (size_t i = 0; i < n; i++)
		if (e[i].top < lo)
			e[i].top = lo; /* more labels than room: let them overlap the bottom, not the top */
}

/* ---- One layout --------------------------------------------------------- */

static void render(tl_buf *b, const struct tl_line_chart *c, const struct geom *g, const char *id,
		   const char *cls, int hidden)
{
	size_t nx = c->n_x, ns = c->series ? c->n_series : 0;
	double lo = INFINITY, hi = -INFINITY;
	int any_prov = 0;
	for (size_t s = 0; s < ns; s++)
		for (size_t i = 0; i < nx; i++)
			if (has(&c->series[s], i)) {
				double v = c->series[s].values[i];
				lo = fmin(lo, v);
				hi = fmax(hi, v);
				any_prov |= provisional(&c->series[s], i);
			}
	if (nx == 0 || lo > hi) {
		tl_svg_empty(b, id, cls, g->w, g->fs, c->title, c->desc, c->lang, hidden);
		return;
	}

	/* y domain: from the data, rounded out to nice ticks (that rounding is
	 * the padding); 0 only when the data come near it (5–12% includes 0,
	 * 40–80% does not).  Equal values get room around them, but the axis
	 * does not cross 0 or 100% when the data stay inside. */
	double dlo = lo, dhi = hi;
	if (dlo > 0 && dlo < 0.5 * dhi)
		dlo = 0;
	if (dhi < 0 && dhi > 0.5 * dlo)
		dhi = 0;
	if (dhi - dlo <= 1e-9 * fmax(1, fabs(dlo))) {
		double pad = dlo != 0 ? fabs(dlo) * 0.1 : 1;
		int pct = c->kind == TL_UNIT_PERCENT && dlo <= 100;
		dlo = dlo >= 0 && dlo - pad < 0 ? 0 : dlo - pad;
		dhi = dhi <= 0 && dhi + pad > 0 ? 0 : pct && dhi + pad > 100 ? 100 : dhi + pad;
		if (dhi <= dlo)
			dhi = dlo + 1;
	}
	struct tl_svg_ticks t;
	tl_svg_ticks(dlo, dhi, 4, 6, &t);
	double t0 = t.v[0], t1 = t.v[t.n - 1];

	double tickw = 0;
	for (int k = 0; k < t.n; k++)
		tickw = fmax(tickw, tl_svg_value_width(t.v[k], t.decimals, c->kind, c->lang, g->fs_tick, 0));

	/* End labels, one per series that has a value. */
	struct endlabel *e = xcalloc(ns ? ns : 1, sizeof *e);
	size_t ne = 0;
	double labw = 0, valw = 0;
	for (size_t s = 0; s < ns; s++) {
		const struct tl_chart_series *sr = &c->series[s];
		size_t last = nx;
		for (size_t i = nx; i-- > 0;)
			if (has(sr, i)) {
				last = i;
				break;
			}
		if (last == nx)
			continue;
		struct endlabel *l = &e[ne++];
		l->s = s;
		l->last = last;
		tl_fmt_value(&l->value, sr->values[last], c->decimals, c->kind, c->lang);
		if (provisional(sr, last))
			tl_buf_putc(&l->value, '*');
		if (last + 1 < nx) {
			/* The line stops early: say which year the value is from. */
			tl_buf_puts(&l->value, " (");
			tl_buf_puts(&l->value, xlabel(c, last));
			tl_buf_putc(&l->value, ')');
		}
		labw = fmax(labw, tl_svg_text_width(sr->label, g->fs, sr->style == 0));
		valw = fmax(valw, tl_svg_text_width(l->value.data, g->fs, 0));
	}
	/* Long names are shortened to the cap; values never are. */
	labw = fmax(fmin(labw, g->label_cap), valw);

	/* Horizontal layout. */
	int has_breaks = 0;
	unsigned char *brk = xcalloc(nx, 1);
	for (size_t k = 0; c->breaks && k < c->n_breaks; k++)
		if (c->breaks[k] >= 1 && c->breaks[k] < nx)
			brk[c->breaks[k]] = has_breaks = 1;
	double plot_l = 4 + tickw + 10;
	double label_x = g->w - 4 - labw;
	double plot_r = label_x - g->r - 10;
	double inner = g->r + 8; /* keeps the first and last markers off the plot edge */
	double *xs = xmalloc(nx * sizeof *xs);
	long *years = xmalloc(nx * sizeof *years);
	int by_year = nx > 1 && year_axis(c, years);
	for (size_t i = 0; i < nx; i++) {
		double f;
		if (nx == 1)
			f = 0.5;
		else if (by_year)
			f = (double)(years[i] - years[0]) / (double)(years[nx - 1] - years[0]);
		else
			f = (double)i / (double)(nx - 1);
		xs[i] = plot_l + inner + f * (plot_r - plot_l - 2 * inner);
	}

	/* Vertical layout. */
	double top = g->fs * 0.8;
	double brk_y = top + g->fs_tick * 0.8;
	if (has_breaks)
		top += g->fs_tick + 10;
	double bottom = top + g->plot_h;
	double xlab_y = bottom + g->fs_tick + 8;
	double note_y = xlab_y + g->fs_tick + 14;
	double h = (any_prov ? note_y : xlab_y) + g->fs_tick * 0.6 + 4;
#define Y(v) (top + (t1 - (v)) / (t1 - t0) * g->plot_h)

	/* x labels: every k-th counted back from the last, with the smallest k
	 * at which neighbours keep a gap and the count stays under the cap. */
	size_t step = 1;
	for (; step < nx; step++) {
		size_t count = 0, prev = nx;
		int fits = 1;
		for (size_t i = nx - 1;; i -= step) {
			count++;
			if (prev < nx) {
				double need = (tl_svg_text_width(xlabel(c, prev), g->fs_tick, 0) +
					       tl_svg_text_width(xlabel(c, i), g->fs_tick, 0)) / 2 + 8;
				if (xs[prev] - xs[i] < need)
					fits = 0;
			}
			prev = i;
			if (i < step || !fits)
				break;
		}
		if (fits && count <= (size_t)g->max_xlabels)
			break;
	}

	tl_svg_begin(b, id, cls, g->w, h, g->fs, c->title, c->desc, hidden);

	/* Gridlines and y tick labels. */
	for (int k = 0; k < t.n; k++) {
		double y = Y(t.v[k]);
		if (k > 0 && t.v[k] != 0)
			tl_svg_line(b, plot_l, y, plot_r, y, TL_SVG_GRID, 1, "3 3");
		tl_svg_text_open(b, plot_l - 10, y + g->fs_tick * 0.35, "end", TL_SVG_MUTED, g->fs_tick, 0);
		tl_html_value(b, t.v[k], t.decimals, c->kind, c->lang);
		tl_html_lit(b, "</text>\n");
	}
	if (t0 < 0 && t1 > 0)
		tl_svg_line(b, plot_l, Y(0), plot_r, Y(0), TL_SVG_MUTED, 1.5, NULL);
	tl_svg_line(b, plot_l, bottom, plot_r, bottom, TL_SVG_MUTED, 1, NULL);

	/* A small tick at every point while they stay apart, and the labels
	 * (every step-th, counted back from the last). */
	if (nx <= MARKERS_MAX)
		for (size_t i = 0; i < nx; i++)
			if (i % step != (nx - 1) % step)
				tl_svg_line(b, xs[i], bottom, xs[i], bottom + 4, TL_SVG_MUTED, 1, NULL);
	for (size_t i = nx - 1;; i -= step) {
		tl_svg_line(b, xs[i], bottom, xs[i], bottom + 6, TL_SVG_MUTED, 1, NULL);
		tl_svg_text(b, xs[i], xlab_y, "middle", TL_SVG_MUTED, g->fs_tick, 0, xlabel(c, i), 0);
		if (i < step)
			break;
	}

	/* Series breaks: a dashed rule between the two years, labelled on top. */
	for (size_t i = 1; i < nx; i++) {
		if (!brk[i])
			continue;
		double x = (xs[i - 1] + xs[i]) / 2;
		tl_svg_line(b, x, brk_y + 5, x, bottom, TL_SVG_MUTED, 1.5, "5 3");
		const char *txt = c->lang == TL_LANG_NL ? "Trendbreuk" : "Series break";
		double tw = tl_svg_text_width(txt, g->fs_tick, 0);
		const char *anchor = x + tw / 2 > g->w - 2 ? "end" : x - tw / 2 < 2 ? "start" : "middle";
		tl_svg_text(b, x, brk_y, anchor, TL_SVG_MUTED, g->fs_tick, 0, txt, 0);
	}

	/* Lines, last series first so series[0] lies on top. */
	tl_buf d = TL_BUF_INIT;
	for (size_t s = ns; s-- > 0;) {
		const struct tl_chart_series *sr = &c->series[s];
		const struct tl_svg_style *st = tl_svg_series_style(sr->style);
		tl_buf_reset(&d);
		/* A subpath per run of two or more consecutive values; a gap or
		 * a break ends the run. */
		for (size_t i = 0; i < nx; i++) {
			if (!has(sr, i))
				continue;
			int joins_prev = i > 0 && has(sr, i - 1) && !brk[i];
			int joins_next = i + 1 < nx && has(sr, i + 1) && !brk[i + 1];
			if (!joins_prev && !joins_next)
				continue;
			tl_html_lit(&d, joins_prev ? "L" : "M");
			tl_html_coord(&d, xs[i]);
			tl_html_lit(&d, " ");
			tl_html_coord(&d, Y(sr->values[i]));
		}
		if (d.len) {
			tl_html_lit(b, "<path d=\"");
			tl_html_lit(b, d.data);
			tl_html_lit(b, "\" fill=\"none\" stroke=\"");
			tl_html_lit(b, st->colour);
			tl_html_lit(b, "\"");
			tl_html_attr_num(b, "stroke-width", st->width);
			if (st->dash) {
				tl_html_lit(b, " stroke-dasharray=\"");
				tl_html_lit(b, st->dash);
				tl_html_lit(b, "\"");
			}
			tl_html_lit(b, " stroke-linejoin=\"round\" stroke-linecap=\"round\"/>\n");
		}
		size_t last = nx;
		for (size_t i = 0; i < nx; i++)
			if (has(sr, i))
				last = i;
		for (size_t i = 0; i < nx; i++) {
			if (!has(sr, i))
				continue;
			int lone = !(i > 0 && has(sr, i - 1) && !brk[i]) &&
				   !(i + 1 < nx && has(sr, i + 1) && !brk[i + 1]);
			if (nx <= MARKERS_MAX || lone || i == last || provisional(sr, i))
				tl_svg_marker(b, st->marker, xs[i], Y(sr->values[i]), g->r, st->colour,
					      provisional(sr, i));
		}
	}
	tl_buf_free(&d);

	/* Direct labels at the right, with a leader line when a label had to
	 * move away from its line's end. */
	double lh = g->fs * 1.2;
	double bh = 2 * lh;
	for (size_t k = 0; k < ne; k++)
		e[k].want = Y(c->series[e[k].s].values[e[k].last]);
	qsort(e, ne, sizeof *e, by_want);
	spread(e, ne, bh, 4, 2, h - 2);
	for (size_t k = 0; k < ne; k++) {
		const struct tl_chart_series *sr = &c->series[e[k].s];
		const struct tl_svg_style *st = tl_svg_series_style(sr->style);
		double px = xs[e[k].last], py = e[k].want;
		double mid = e[k].top + bh / 2;
		if (fabs(mid - py) > 2 || px < plot_r - inner - 1) {
			tl_html_lit(b, "<path d=\"");
			tl_html_lit(b, "M");
			tl_html_coord(b, px + g->r + 3);
			tl_html_lit(b, " ");
			tl_html_coord(b, py);
			tl_html_lit(b, "L");
			tl_html_coord(b, plot_r + 2);
			tl_html_lit(b, " ");
			tl_html_coord(b, py);
			tl_html_lit(b, "L");
			tl_html_coord(b, label_x - 4);
			tl_html_lit(b, " ");
			tl_html_coord(b, mid);
			tl_html_lit(b, "\" fill=\"none\" stroke=\"");
			tl_html_lit(b, TL_SVG_MUTED);
			tl_html_lit(b, "\" stroke-width=\"1\"/>\n");
		}
		tl_svg_text(b, label_x, e[k].top + g->fs * 0.95, "start", st->colour, g->fs,
			    sr->style == 0 ? TL_SVG_BOLD : 0, sr->label, labw);
		tl_svg_text_open(b, label_x, e[k].top + lh + g->fs * 0.95, "start", st->colour, g->fs, 0);
		tl_html_text(b, e[k].value.data);
		tl_html_lit(b, "</text>\n");
	}

	if (any_prov) {
		tl_svg_marker(b, TL_SVG_CIRCLE, plot_l + g->r, note_y - g->fs_tick * 0.35, g->r, TL_SVG_MUTED, 1);
		tl_svg_text(b, plot_l + 2 * g->r + 6, note_y, "start", TL_SVG_MUTED, g->fs_tick, 0,
			    c->lang == TL_LANG_NL ? "Open symbool en * = voorlopig cijfer"
						  : "Open symbol and * = provisional figure",
			    0);
	}
	tl_svg_end(b);
#undef Y

	for (size_t k = 0; k < ne; k++)
		tl_buf_free(&e[k].value);
	free(e);
	free(brk);
	free(xs);
	free(years);
}

/* ---- Entry point -------------------------------------------------------- */

void tl_chart_line(tl_buf *b, const struct tl_line_chart *c)
{
	char id[80];
	switch (c->layout) {
	case TL_CHART_WIDE:
	case TL_CHART_NARROW:
		tl_svg_chart_id(id, sizeof id, c->id, "");
		render(b, c, c->layout == TL_CHART_WIDE ? &wide : &narrow, id, "tl-chart", 0);
		break;
	case TL_CHART_RESPONSIVE:
	default:
		tl_svg_chart_id(id, sizeof id, c->id, "");
		render(b, c, &wide, id, "tl-chart tl-chart--wide", 0);
		tl_svg_chart_id(id, sizeof id, c->id, "-narrow");
		render(b, c, &narrow, id, "tl-chart tl-chart--narrow", 1);
		break;
	}
}
