/*
 * map — choropleth maps of regions as accessible inline SVG, and the pure
 * geometry behind them: projection, simplification, classification.
 *
 * Projection.  WGS84 outlines are drawn in an equirectangular projection
 * whose standard parallel is the middle latitude of what is drawn
 * (x = lon·cos φ0, y = lat, in radians): at the scale of a province or the
 * Netherlands its distortion is well below what a reader sees, and it needs
 * no tables.  RD New (EPSG:28992) is already a plane in metres and is drawn
 * as is.  y grows downward in SVG, so north stays up.
 *
 * Simplification.  Douglas–Peucker on each closed ring in drawing units
 * (the ring is split at its first point and the point farthest from it, so
 * at least three points stay); a ring whose simplified form has fewer than
 * three points is smaller than the tolerance and is left out.  Neighbours
 * are simplified separately, so a shared border may differ by up to twice
 * the tolerance between the two; the outline stroke (wider than that)
 * hides it.
 *
 * Classification.  Quantiles: with n values sorted ascending (s[0..n-1])
 * and k classes, the class bounds are s[⌊i·n/k⌋] for i = 1..k-1, without
 * repeats and without one equal to s[0]; a value's class is the number of
 * bounds it is at least.  Equal values are always in the same class, so
 * ties can leave fewer classes than asked.  k is 5 from 20 values, 4 from
 * 8, 3 from 3, else 1 (tl_map_class_count).
 *
 * Colours go through polarity: for an indicator where higher (or lower) is
 * better the classes run from a blue "gunstig" end to an orange "ongunstig"
 * end; a neutral indicator gets one blue ramp from low to high.  Every
 * outline has a dark stroke (7:1 on white), so each region is visible
 * whatever its fill; regions without a figure are hatched.  The legend is
 * HTML next to the map (tl_map_legend), so it stays legible at phone width.
 */
#ifndef TL_MAP_H
#define TL_MAP_H

#include <stddef.h>

#include "../core/buf.h"
#include "../core/fmt.h"
#include "../model/model.h"

/* ---- Projection ---------------------------------------------------------- */

struct tl_map_frame {
	enum tl_crs crs;
	double cos0;          /* cos of the standard parallel (WGS84), 1 for RD */
	double minx, maxy;    /* projected bounds (before scaling) */
	double scale;         /* drawing units per projected unit */
	double pad;
	double width, height; /* of the drawing, padding included */
};

/* Fit shapes (all in the same crs; the first one's counts) into a drawing
 * `width` units wide with `pad` units around; height follows.  No shapes or
 * no extent gives a square frame that draws nothing. */
void tl_map_fit(const struct tl_shape *const *shapes, size_t n, double width, double pad, struct tl_map_frame *f);
/* One point in drawing units. */
void tl_map_project(const struct tl_map_frame *f, double x, double y, double *px, double *py);

/* ---- Simplification ------------------------------------------------------ */

/* Douglas–Peucker on a closed ring of n points (xy: 2n values, the closing
 * point not repeated).  keep[i] is set to 1 for each kept point; returns the
 * number kept (0 when n < 3 or fewer than 3 survive). */
size_t tl_map_simplify_ring(const double *xy, size_t n, double tol, unsigned char *keep);

/* ---- Classification ------------------------------------------------------ */

#define TL_MAP_MAX_CLASSES 5

int tl_map_class_count(size_t n_values);
/* Quantile bounds of v[0..n-1] (any order) for k classes into bounds[0..k-2];
 * returns the number of classes there are (bounds used + 1, at least 1). */
int tl_map_classify(const double *v, size_t n, int k, double *bounds);
/* The class (0 = lowest values) of value x. */
int tl_map_class_of(double x, const double *bounds, int n_classes);
/* Fill colour of class c of n: through polarity (see above). */
const char *tl_map_colour(int c, int n, enum tl_polarity pol);
/* Is class c of n the favourable end (1), the unfavourable end (-1), or
 * neither / neutral (0)? */
int tl_map_class_judgement(int c, int n, enum tl_polarity pol);

/* ---- The map ------------------------------------------------------------- */

struct tl_map_item {
	const char *label;            /* "Assen" */
	const char *href;             /* its profile page, or NULL */
	const struct tl_shape *shape; /* NULL: not drawn */
	double value;
	int present;                  /* 0: no figure (hatched) */
	int cls;                      /* class, when present */
};

struct tl_map_chart {
	const char *id, *title, *desc; /* as for the charts (render/chart.h) */
	const struct tl_map_item *items;
	size_t n_items;
	int n_classes;
	enum tl_polarity polarity;
	int decimals;
	enum tl_unit_kind kind;
	enum tl_lang lang;
	double width;                  /* drawing width in units (e.g. 600) */
};

/* The SVG, a labelled group (role="group" named by its <title> and <desc>;
 * not role="img", whose children could not be links): one path per region
 * (fill-rule evenodd) with a <title> "Assen: 74,2%" and, with an href, a
 * link to its page named the same way, reachable with the keyboard. */
void tl_map_svg(tl_buf *b, const struct tl_map_chart *c);

/* The legend as an HTML list, favourable (or lowest) class first:
 * swatch, value range, and "gunstigst"/"ongunstigst" at the ends. */
void tl_map_legend(tl_buf *b, const struct tl_map_chart *c);

#endif
