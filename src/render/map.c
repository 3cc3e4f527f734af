#include "map.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"
#include "html.h"
#include "layout.h"
#include "svg.h"

#define DEG (3.14159265358979323846 / 180.0)

/* ---- Projection ---------------------------------------------------------- */

static void raw(const struct tl_map_frame *f, double x, double y, double *px, double *py)
{
	if (f->crs == TL_CRS_WGS84) {
		*px = x * DEG * f->cos0;
		*py = y * DEG;
	} else {
		*px = x;
		*py = y;
	}
}

void tl_map_fit(const struct tl_shape *const *shapes, size_t n, double width, double pad, struct tl_map_frame *f)
{
	memset(f, 0, sizeof *f);
	f->crs = n ? shapes[0]->crs : TL_CRS_WGS84;
	f->cos0 = 1;
	f->pad = pad;
	f->width = width;
	double lo_y = INFINITY, hi_y = -INFINITY;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < shapes[i]->n_points; k++) {
			double y = shapes[i]->xy[2 * k + 1];
			lo_y = y < lo_y ? y : lo_y;
			hi_y = y > hi_y ? y : hi_y;
		}
	if (f->crs == TL_CRS_WGS84 && lo_y <= hi_y)
		f->cos0 = cos((lo_y + hi_y) / 2 * DEG);
	double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < shapes[i]->n_points; k++) {
			double x, y;
			raw(f, shapes[i]->xy[2 * k], shapes[i]->xy[2 * k + 1], &x, &y);
			minx = x < minx ? x : minx;
			maxx = x > maxx ? x : maxx;
			miny = y < miny ? y : miny;
			maxy = y > maxy ? y : maxy;
		}
	if (!(maxx > minx) || !(maxy >= miny) || width <= 2 * pad || !isfinite(maxx - minx) ||
	    !isfinite(maxy - miny)) {
		f->scale = 0;
		f->height = width;
		return;
	}
	f->minx = minx;
	f->maxy = maxy;
	f->scale = (width - 2 * pad) / (maxx - minx);
	f->height = 2 * pad + (maxy - miny) * f->scale;
}

void tl_map_project(const struct tl_map_frame *f, double x, double y, double *px, double *py)
{
	double rx, ry;
	raw(f, x, y, &rx, &ry);
	*px = f->pad + (rx - f->minx) * f->scale;
	*py = f->pad + (f->maxy - ry) * f->scale;
	if (!isfinite(*px) || !isfinite(*py)) /* only with an empty frame (scale 0) */
		*px = *py = f->pad;
}

/* ---- Simplification ------------------------------------------------------ */

/* Distance from point p to the segment a–b. */
static double seg_dist(const double *p, const double *a, const double *b)
{
	double dx = b[0] - a[0], dy = b[1] - a[1];
	double len2 = dx * dx + dy * dy;
	double t = len2 > 0 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	double ex = a[0] + t * dx - p[0], ey = a[1] + t * dy - p[1];
	return sqrt(ex * ex + ey * ey);
}

/* Douglas–Peucker between indexes i < j (both kept), iteratively with an
 * explicit stack so that long rings cannot exhaust the C stack.  Index n
 * stands for point 0 (the ring's closing). */
static void dp(const double *xy, size_t n, size_t i, size_t j, double tol, unsigned char *keep)
{
	size_t cap = 64, top = 0;
	size_t *st = xmalloc(cap * 2 * sizeof *st);
	st[top++] = i;
	st[top++] = j;
	while (top) {
		size_t b = st[--top], a = st[--top];
		const double *pa = xy + 2 * (a % n), *pb = xy + 2 * (b % n);
		double best = -1;
		size_t at = a;
		for (size_t k = a + 1; k < b; k++) {
			double d = seg_dist(xy + 2 * k, pa, pb);
			if (d > best) {
				best = d;
				at = k;
			}
		}
		if (best > tol) {
			keep[at] = 1;
			if (top + 4 > cap * 2) {
				cap *= 2;
				st = xrealloc(st, cap * 2 * sizeof *st);
			}
			st[top++] = a;
			st[top++] = at;
			st[top++] = at;
			st[top++] = b;
		}
	}
	free(st);
}

size_t tl_map_simplify_ring(const double *xy, size_t n, double tol, unsigned char *keep)
{
	memset(keep, 0, n);
	if (n < 3)
		return 0;
	size_t far = 0;
	double best = -1;
	for (size_t k = 1; k < n; k++) {
		double dx = xy[2 * k] - xy[0], dy = xy[2 * k + 1] - xy[1];
		double d = dx * dx + dy * dy;
		if (d > best) {
			best = d;
			far = k;
		}
	}
	if (best <= 0)
		return 0;
	keep[0] = keep[far] = 1;
	dp(xy, n, 0, far, tol, keep);
	dp(xy, n, far, n, tol, keep);
	size_t kept = 0;
	for (size_t k = 0; k < n; k++)
		kept += keep[k];
	if (kept < 3) {
		memset(keep, 0, n);
		return 0;
	}
	return kept;
}

/* ---- Classification ------------------------------------------------------ */

int tl_map_class_count(size_t n)
{
	return n >= 20 ? 5 : n >= 8 ? 4 : n >= 3 ? 3 : 1;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return a < b ? -1 : a > b;
}

int tl_map_classify(const double *v, size_t n, int k, double *bounds)
{
	if (n == 0 || k <= 1)
		return 1;
	if (k > TL_MAP_MAX_CLASSES)
		k = TL_MAP_MAX_CLASSES;
	double *s = xmalloc(n * sizeof *s);
	memcpy(s, v, n * sizeof *s);
	qsort(s, n, sizeof *s, cmp_double);
	int nb = 0;
	for (int i = 1; i < k; i++) {
		double b = s[(size_t)i * n / (size_t)k];
		if (b == s[0] || (nb > 0 && b == bounds[nb - 1]))
			continue;
		bounds[nb++] = b;
	}
	free(s);
	return nb + 1;
}

int tl_map_class_of(double x, const double *bounds, int n_classes)
{
	int c = 0;
	while (c < n_classes - 1 && x >= bounds[c])
		c++;
	return c;
}

/* Blue (favourable) through light grey to orange (unfavourable); a blue
 * ramp for neutral indicators.  Which of the five each class count uses. */
static const char *const fav_ramp[5] = {"#1f4e8c", "#6f9fd8", "#e4e4e4", "#f0a35e", "#a65200"};
static const char *const seq_ramp[5] = {"#e3eef8", "#b3cde9", "#7aa7d6", "#3f77b8", "#154273"};
static const int pick[6][5] = {{2}, {2}, {0, 4}, {0, 2, 4}, {0, 1, 3, 4}, {0, 1, 2, 3, 4}};

const char *tl_map_colour(int c, int n, enum tl_polarity pol)
{
	if (n < 1 || n > 5 || c < 0 || c >= n)
		return "#ffffff";
	if (pol == TL_POLARITY_NEUTRAL)
		return seq_ramp[n == 1 ? 2 : pick[n][c]];
	int rank = pol == TL_POLARITY_HIGHER_BETTER ? n - 1 - c : c; /* 0 = favourable */
	return fav_ramp[pick[n][rank]];
}

int tl_map_class_judgement(int c, int n, enum tl_polarity pol)
{
	if (pol == TL_POLARITY_NEUTRAL || n < 2)
		return 0;
	int rank = pol == TL_POLARITY_HIGHER_BETTER ? n - 1 - c : c;
	return rank == 0 ? 1 : rank == n - 1 ? -1 : 0;
}

/* ---- The map ------------------------------------------------------------- */

static void ring_path(tl_buf *b, const struct tl_map_frame *f, const double *xy, size_t n, double tol)
{
	double *p = xmalloc((2 * n + 1) * sizeof *p);
	unsigned char *keep = xmalloc(n + 1);
	for (size_t k = 0; k < n; k++)
		tl_map_project(f, xy[2 * k], xy[2 * k + 1], &p[2 * k], &p[2 * k + 1]);
	if (tl_map_simplify_ring(p, n, tol, keep)) {
		int first = 1;
		for (size_t k = 0; k < n; k++) {
			if (!keep[k])
				continue;
			tl_html_lit(b, first ? "M" : "L");
			tl_html_coord(b, p[2 * k]);
			tl_html_lit(b, " ");
			tl_html_coord(b, p[2 * k + 1]);
			first = 0;
		}
		tl_html_lit(b, "Z");
	}
	free(p);
	free(keep);
}

void tl_map_svg(tl_buf *b, const struct tl_map_chart *c)
{
	char id[96];
	tl_svg_chart_id(id, sizeof id, c->id, "");
	const struct tl_shape **drawn = xmalloc((c->n_items + 1) * sizeof *drawn);
	size_t nd = 0;
	for (size_t i = 0; i < c->n_items; i++)
		if (c->items[i].shape)
			drawn[nd++] = c->items[i].shape;
	struct tl_map_frame f;
	tl_map_fit(drawn, nd, c->width > 0 ? c->width : 600, 4, &f);
	free(drawn);
	/* Not role="img": an image's children are presentational, and the
	 * regions are links.  A labelled group keeps the title and the text
	 * alternative (desc) and lets every region be reached and followed. */
	tl_html_lit(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tl-map__svg\" viewBox=\"0 0 ");
	tl_html_coord(b, f.width);
	tl_html_lit(b, " ");
	tl_html_coord(b, f.height);
	tl_html_lit(b, "\" width=\"100%\" role=\"group\"");
	tl_buf ids = TL_BUF_INIT;
	tl_buf_printf(&ids, "%s-title %s-desc", id, id);
	tl_html_attr(b, "aria-labelledby", ids.data);
	tl_buf_reset(&ids);
	tl_buf_printf(&ids, "%s-title", id);
	tl_html_lit(b, ">\n<title");
	tl_html_attr(b, "id", ids.data);
	tl_html_lit(b, ">");
	tl_html_text(b, c->title ? c->title : "");
	tl_html_lit(b, "</title>\n<desc");
	tl_buf_reset(&ids);
	tl_buf_printf(&ids, "%s-desc", id);
	tl_html_attr(b, "id", ids.data);
	tl_html_lit(b, ">");
	tl_html_text(b, c->desc ? c->desc : "");
	tl_html_lit(b, "</desc>\n");
	tl_buf_free(&ids);
	/* Hatching for regions without a figure. */
	tl_html_lit(b, "<defs><pattern");
	char pat[112];
	snprintf(pat, sizeof pat, "%s-nodata", id);
	tl_html_attr(b, "id", pat);
	tl_html_lit(b, " width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
		       "<rect width=\"6\" height=\"6\" fill=\"#ffffff\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"" TL_SVG_MUTED
		       "\" stroke-width=\"1.5\"/></pattern></defs>\n");
	char fill_nodata[128];
	snprintf(fill_nodata, sizeof fill_nodata, "url(#%s)", pat);
	double tol = f.width / 1500; /* a fraction of a pixel at full width */
	for (size_t i = 0; i < c->n_items; i++) {
		const struct tl_map_item *it = &c->items[i];
		if (!it->shape)
			continue;
		tl_buf name = TL_BUF_INIT;
		tl_buf_puts(&name, it->label);
		tl_buf_puts(&name, ": ");
		if (it->present)
			tl_fmt_value(&name, it->value, c->decimals, c->kind, c->lang);
		else
			tl_buf_puts(&name, tl_word(c->lang, "geen gegevens", "no data"));
		if (it->href) {
			tl_html_lit(b, "<a");
			tl_html_href(b, it->href);
			tl_html_attr(b, "aria-label", name.data);
			tl_html_lit(b, ">");
		}
		tl_html_lit(b, "<path");
		tl_html_attr(b, "fill", it->present ? tl_map_colour(it->cls, c->n_classes, c->polarity) : fill_nodata);
		tl_html_lit(b, " fill-rule=\"evenodd\" stroke=\"" TL_SVG_MUTED "\" stroke-width=\"0.6\" stroke-linejoin=\"round\" d=\"");
		const double *xy = it->shape->xy;
		for (size_t r = 0; r < it->shape->n_rings; r++) {
			ring_path(b, &f, xy, it->shape->ring_len[r], tol);
			xy += 2 * (size_t)it->shape->ring_len[r];
		}
		tl_html_lit(b, "\"><title>");
		tl_html_text(b, name.data);
		tl_html_lit(b, "</title></path>");
		tl_buf_free(&name);
		tl_html_lit(b, it->href ? "</a>\n" : "\n");
	}
	tl_svg_end(b);
}

static void swatch(tl_buf *b, const char *fill, int hatched)
{
	tl_html_lit(b, "<svg class=\"tl-map-legend__swatch\" width=\"18\" height=\"14\" viewBox=\"0 0 18 14\" aria-hidden=\"true\" focusable=\"false\">");
	if (hatched)
		tl_html_lit(b, "<rect x=\"0.5\" y=\"0.5\" width=\"17\" height=\"13\" fill=\"#ffffff\" stroke=\"" TL_SVG_MUTED
			       "\"/><path d=\"M0 14L14 0M4 14L18 0M-4 10L10 -4M8 18L22 4\" stroke=\"" TL_SVG_MUTED "\" stroke-width=\"1.5\"/>");
	else {
		tl_html_lit(b, "<rect x=\"0.5\" y=\"0.5\" width=\"17\" height=\"13\" stroke=\"" TL_SVG_MUTED "\"");
		tl_html_attr(b, "fill", fill);
		tl_html_lit(b, "/>");
	}
	tl_html_lit(b, "</svg>");
}

void tl_map_legend(tl_buf *b, const struct tl_map_chart *c)
{
	int n = c->n_classes < 1 ? 1 : c->n_classes;
	double lo[TL_MAP_MAX_CLASSES], hi[TL_MAP_MAX_CLASSES];
	int has[TL_MAP_MAX_CLASSES] = {0};
	int missing = 0;
	for (size_t i = 0; i < c->n_items; i++) {
		const struct tl_map_item *it = &c->items[i];
		if (!it->present) {
			missing |= it->shape != NULL;
			continue;
		}
		if (it->cls < 0 || it->cls >= n)
			continue;
		if (!has[it->cls] || it->value < lo[it->cls])
			lo[it->cls] = it->value;
		if (!has[it->cls] || it->value > hi[it->cls])
			hi[it->cls] = it->value;
		has[it->cls] = 1;
	}
	tl_html_lit(b, "<ul class=\"tl-map-legend\">\n");
	/* Favourable end first; neutral: lowest first. */
	int fav_high = c->polarity == TL_POLARITY_HIGHER_BETTER;
	for (int k = 0; k < n; k++) {
		int cls = fav_high ? n - 1 - k : k;
		if (!has[cls])
			continue;
		tl_html_lit(b, "<li>");
		swatch(b, tl_map_colour(cls, n, c->polarity), 0);
		tl_html_lit(b, " ");
		/* "70,1% – 70,3%", or one figure when both ends print the same. */
		tl_buf l = TL_BUF_INIT, h = TL_BUF_INIT;
		tl_fmt_value(&l, lo[cls], c->decimals, c->kind, c->lang);
		tl_fmt_value(&h, hi[cls], c->decimals, c->kind, c->lang);
		tl_html_text(b, l.data);
		if (strcmp(l.data, h.data) != 0) {
			tl_html_lit(b, " – ");
			tl_html_text(b, h.data);
		}
		tl_buf_free(&l);
		tl_buf_free(&h);
		int j = tl_map_class_judgement(cls, n, c->polarity);
		if (j) {
			tl_html_lit(b, " <span class=\"tl-map-legend__judgement\">(");
			tl_html_text(b, j > 0 ? tl_word(c->lang, "gunstigst", "most favourable")
					      : tl_word(c->lang, "ongunstigst", "least favourable"));
			tl_html_lit(b, ")</span>");
		}
		tl_html_lit(b, "</li>\n");
	}
	if (missing) {
		tl_html_lit(b, "<li>");
		swatch(b, NULL, 1);
		tl_html_lit(b, " ");
		tl_html_text(b, tl_word(c->lang, "geen gegevens", "no data"));
		tl_html_lit(b, "</li>\n");
	}
	tl_html_lit(b, "</ul>\n");
}
