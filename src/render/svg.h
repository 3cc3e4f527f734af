/*
 * svg — the shared pieces of telling's SVG charts: the opening <svg> element
 * with its accessible name, "nice" axis ticks, a text width estimate, the
 * colour palette and small element writers.
 *
 * Used by render/chart_line.c and render/chart_bar.c; page code calls the
 * charts (render/chart.h), not this module.  Everything appends to a tl_buf
 * owned by the caller and goes through render/html.h: coordinates with
 * tl_html_coord() (locale-free '.'), text with tl_html_text()/tl_html_value()
 * (escaped).  Nothing here allocates memory that outlives a call.
 *
 * Caveat: SVG text has no layout engine, so label widths are *estimated*
 * from Arial/Liberation Sans advance widths plus a safety margin (the chart
 * inherits the page's font, which we do not know).  Estimates err on the
 * wide side so labels do not collide in wider fonts such as DejaVu Sans.
 */
#ifndef TL_SVG_H
#define TL_SVG_H

#include <stddef.h>

#include "../core/buf.h"
#include "../core/fmt.h"

/* ---- Palette (contrast against white, WCAG 1.4.3 / 1.4.11) ------------- */

#define TL_SVG_INK "#333333"     /* labels and values, 12.6:1 */
#define TL_SVG_MUTED "#595959"   /* axes, tick labels, notes, 7.0:1 */
#define TL_SVG_GRID "#949494"    /* gridlines, 3.0:1 */
#define TL_SVG_BAR "#5B84B1"     /* ordinary bars, 3.9:1 */
#define TL_SVG_FOCUS "#154273"   /* focus series, highlighted bar, 10.2:1 */
#define TL_SVG_COMPARE "#B35900" /* comparison series, reference line, 4.8:1 */

/* Marker shapes; the series style picks one so lines differ without colour. */
enum tl_svg_marker { TL_SVG_CIRCLE = 0, TL_SVG_SQUARE, TL_SVG_TRIANGLE, TL_SVG_DIAMOND };

struct tl_svg_style {
	const char *colour; /* stroke, marker and label colour; >= 4.5:1 on white */
	const char *dash;   /* stroke-dasharray, NULL = solid */
	double width;       /* line width in user units */
	enum tl_svg_marker marker;
};

/* Style n (0 = focus, 1 = comparison, 2.. further series); cycles after the
 * palette runs out, and a negative n counts as 0.  Static storage. */
const struct tl_svg_style *tl_svg_series_style(int n);

/* ---- Ticks ------------------------------------------------------------- */

#define TL_SVG_TICKS_MAX 16

struct tl_svg_ticks {
	double v[TL_SVG_TICKS_MAX]; /* ascending; v[0] and v[n-1] enclose [lo, hi] */
	int n;
	double step;  /* 1, 2, 2.5 or 5 times a power of ten */
	int decimals; /* decimals needed to print every tick exactly (0..9) */
};

/*
 * Nice ticks enclosing [lo, hi]: the tightest range whose step is 1, 2, 2.5
 * or 5 x 10^k and that has between min_n and max_n ticks (2 <= min_n <=
 * max_n <= TL_SVG_TICKS_MAX).  lo == hi is widened first.  Non-finite input
 * gives the ticks 0 and 1.
 */
void tl_svg_ticks(double lo, double hi, int min_n, int max_n, struct tl_svg_ticks *t);

/* ---- Text measurement --------------------------------------------------- */

/* Estimated advance width of UTF-8 text s at font size `size`. */
double tl_svg_text_width(const char *s, double size, int bold);
/* Estimated width of a formatted value (tl_fmt_value) at `size`. */
double tl_svg_value_width(double v, int decimals, enum tl_unit_kind kind, enum tl_lang lang, double size,
			  int bold);
/*
 * Bytes of s to keep so that the kept part plus "…" fits in max_w.  Returns
 * strlen(s) when s fits whole (no ellipsis needed); never cuts a UTF-8
 * sequence.  *cut is set to 1 when an ellipsis must follow.
 */
size_t tl_svg_fit(const char *s, double max_w, double size, int bold, int *cut);

/* ---- Element writers ---------------------------------------------------- */

/*
 * Opens <svg …> with a viewBox of w x h, width 100%, role="img" and
 * aria-labelledby pointing at the <title> and (when desc is non-empty)
 * <desc> it writes.  Ids are `id` + `-title` / `-desc`; id must already be an
 * id-safe token (tl_html_idify).  cls is a literal class list.  hidden = 1
 * adds display="none" (a presentation attribute, so page CSS can override
 * it).  font-size is set on the root so text sizes are in viewBox units.
 */
void tl_svg_begin(tl_buf *b, const char *id, const char *cls, double w, double h, double font_size,
		  const char *title, const char *desc, int hidden);
void tl_svg_end(tl_buf *b);
/* The id token for a chart: tl_html_idify(id) ("chart" when that is empty)
 * followed by the literal suffix ("" or "-narrow"), written into out[n]. */
void tl_svg_chart_id(char *out, size_t n, const char *id, const char *suffix);
/* A whole small chart that says "geen gegevens" / "no data". */
void tl_svg_empty(tl_buf *b, const char *id, const char *cls, double w, double font_size, const char *title,
		  const char *desc, enum tl_lang lang, int hidden);

/* <line …/>; dash NULL = solid. */
void tl_svg_line(tl_buf *b, double x1, double y1, double x2, double y2, const char *stroke, double width,
		 const char *dash);
/* <rect …/> filled. */
void tl_svg_rect(tl_buf *b, double x, double y, double w, double h, const char *fill);
/* A marker of `shape` centred on (x, y), radius-like size r.  hollow = 1
 * draws a white fill with a coloured outline (provisional figures). */
void tl_svg_marker(tl_buf *b, enum tl_svg_marker shape, double x, double y, double r, const char *colour,
		   int hollow);
/* Text flags for tl_svg_text_open() / tl_svg_text(). */
enum {
	TL_SVG_BOLD = 1,
	TL_SVG_ITALIC = 2,
	TL_SVG_HALO = 4, /* white outline under the glyphs: legible over gridlines and reference lines */
};

/*
 * Opens <text x y> with text-anchor (a literal: "start", "middle", "end"),
 * fill (a literal colour), a font-size when size > 0 and the TL_SVG_* flags.
 * The caller writes the escaped content and closes with
 * tl_html_lit(b, "</text>").
 */
void tl_svg_text_open(tl_buf *b, double x, double y, const char *anchor, const char *fill, double size, int flags);
/* A complete <text> element holding s (escaped), shortened with "…" when it
 * is wider than max_w (max_w <= 0: never shortened); a shortened label keeps
 * the whole text in a <title> child. */
void tl_svg_text(tl_buf *b, double x, double y, const char *anchor, const char *fill, double size, int flags,
		 const char *s, double max_w);

#endif
