#include "svg.h"

#include <math.h>
#include <string.h>

#include "../core/xalloc.h"
#include "html.h"

/* ---- Palette ------------------------------------------------------------ */

/* Colours follow the Rijkshuisstijl mood (dark blue first) and each is at
 * least 4.5:1 on white, so the same colour serves the line and its label.
 * Dash pattern and marker shape differ per style too, so the chart still
 * reads in greyscale. */
static const struct tl_svg_style styles[] = {
	{TL_SVG_FOCUS, NULL, 3, TL_SVG_CIRCLE},
	{TL_SVG_COMPARE, "7 4", 2.5, TL_SVG_SQUARE},
	{"#00727A", "2 3", 2.5, TL_SVG_TRIANGLE},
	{"#7A3E9D", "9 3 2 3", 2.5, TL_SVG_DIAMOND},
	{"#5E6D00", "4 4", 2.5, TL_SVG_CIRCLE},
	{"#A90061", "12 4", 2.5, TL_SVG_SQUARE},
};

const struct tl_svg_style *tl_svg_series_style(int n)
{
	if (n < 0)
		n = 0;
	return &styles[(size_t)n % (sizeof styles / sizeof styles[0])];
}

/* ---- Ticks -------------------------------------------------------------- */

static int decimals_for(double step)
{
	double p = 1;
	for (int d = 0; d < 9; d++, p *= 10) {
		double x = step * p;
		if (fabs(x - round(x)) < 1e-6 * (x > 1 ? x : 1))
			return d;
	}
	return 9;
}

static void fill_ticks(struct tl_svg_ticks *t, double first, double step, int n)
{
	t->step = step;
	t->n = n;
	t->decimals = decimals_for(step);
	double p = pow(10, t->decimals);
	for (int i = 0; i < n; i++) {
		/* Multiply, not accumulate, then snap to the decimals we print, so
		 * 0.1 * 3 is 0.3 in the output. */
		double v = round((first + i) * step * p) / p;
		t->v[i] = v == 0 ? 0 : v; /* no -0 */
	}
}

void tl_svg_ticks(double lo, double hi, int min_n, int max_n, struct tl_svg_ticks *t)
{
	static const double mult[] = {1, 2, 2.5, 5};
	if (min_n < 2)
		min_n = 2;
	if (max_n > TL_SVG_TICKS_MAX)
		max_n = TL_SVG_TICKS_MAX;
	if (min_n > max_n)
		min_n = max_n;
	if (!isfinite(lo) || !isfinite(hi) || !isfinite(hi - lo)) {
		lo = 0;
		hi = 1;
	}
	if (lo > hi) {
		double x = lo;
		lo = hi;
		hi = x;
	}
	if (hi - lo <= 1e-9 * fmax(1, fabs(lo))) {
		double d = fabs(lo) * 0.1;
		if (d == 0)
			d = 1;
		lo -= d;
		hi += d;
	}
	double span = hi - lo;
	int k0 = (int)floor(log10(span / max_n)) - 1;
	double best_first = 0, best_step = 0, best_range = 0;
	int best_n = 0;
	for (int k = k0; k <= k0 + 3; k++) {
		double p = pow(10, k);
		for (size_t m = 0; m < sizeof mult / sizeof mult[0]; m++) {
			double step = mult[m] * p;
			double a = floor(lo / step + 1e-9);
			double z = ceil(hi / step - 1e-9);
			double n = z - a + 1;
			if (n < min_n || n > max_n)
				continue;
			/* Tightest wins, but a 2.5 step that adds a decimal (72,5 or
			 * 0,25) must save a good part of the range to beat a step
			 * with rounder labels. */
			double range = (z - a) * step * (mult[m] == 2.5 && k < 1 ? 1.4 : 1);
			if (best_n == 0 || range < best_range * (1 - 1e-9)) {
				best_first = a;
				best_step = step;
				best_range = range;
				best_n = (int)n;
			}
		}
	}
	if (best_n == 0) {
		/* No nice step gives a count in range (only for odd min/max):
		 * fall back to the two ends. */
		fill_ticks(t, 0, span, 1);
		t->v[0] = lo;
		t->v[1] = hi;
		t->n = 2;
		return;
	}
	fill_ticks(t, best_first, best_step, best_n);
}

/* ---- Text measurement --------------------------------------------------- */

/* Advance widths of Arial / Liberation Sans for ASCII 32..126, in 1/1000 em. */
static const unsigned short advance[95] = {
	278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, /* ' '../ */
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, /* 0..? */
	1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, /* @..O */
	667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, /* P.._ */
	333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, /* `..o */
	556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,      /* p..~ */
};

/* Widen the estimate: the page font is unknown and may run wider than Arial. */
#define WIDTH_SAFETY 1.1
#define BOLD_FACTOR 1.07

static double glyph(const unsigned char *s, size_t *len)
{
	unsigned char c = s[0];
	if (c < 0x80) {
		*len = 1;
		return c >= 32 && c < 127 ? advance[c - 32] : 0;
	}
	/* One code point: the lead byte and its continuation bytes. */
	size_t n = 1;
	while (s[n] && (s[n] & 0xC0) == 0x80)
		n++;
	*len = n;
	if (c == 0xC2 && s[1] == 0xA0)
		return 278; /* no-break space, as in "€ 36.200" */
	return 600;
}

double tl_svg_text_width(const char *s, double size, int bold)
{
	double w = 0;
	if (!s)
		return 0;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		size_t n;
		w += glyph(p, &n);
		p += n;
	}
	return w / 1000 * size * WIDTH_SAFETY * (bold ? BOLD_FACTOR : 1);
}

double tl_svg_value_width(double v, int decimals, enum tl_unit_kind kind, enum tl_lang lang, double size,
			  int bold)
{
	tl_buf tmp = TL_BUF_INIT;
	tl_fmt_value(&tmp, v, decimals, kind, lang);
	double w = tl_svg_text_width(tmp.data, size, bold);
	tl_buf_free(&tmp);
	return w;
}

size_t tl_svg_fit(const char *s, double max_w, double size, int bold, int *cut)
{
	*cut = 0;
	if (!s)
		return 0;
	double scale = size * WIDTH_SAFETY * (bold ? BOLD_FACTOR : 1) / 1000;
	size_t total = strlen(s);
	if (tl_svg_text_width(s, size, bold) <= max_w)
		return total;
	double room = max_w - 1000 * scale; /* "…" is one em-ish; keep it generous */
	const unsigned char *p = (const unsigned char *)s;
	size_t keep = 0, i = 0;
	double w = 0;
	while (p[i]) {
		size_t n;
		double g = glyph(p + i, &n) * scale;
		if (w + g > room)
			break;
		w += g;
		i += n;
		keep = i;
	}
	while (keep > 0 && s[keep - 1] == ' ')
		keep--;
	*cut = 1;
	return keep;
}

/* ---- Element writers ---------------------------------------------------- */

static void attr_id(tl_buf *b, const char *name, const char *id, const char *suffix)
{
	tl_buf_putc(b, ' ');
	tl_html_lit(b, name);
	tl_html_lit(b, "=\"");
	tl_html_text(b, id);
	tl_html_lit(b, suffix);
	tl_html_lit(b, "\"");
}

void tl_svg_begin(tl_buf *b, const char *id, const char *cls, double w, double h, double font_size,
		  const char *title, const char *desc, int hidden)
{
	int has_desc = desc && *desc;
	tl_html_lit(b, "<svg xmlns=\"http://www.w3.org/2000/svg\"");
	tl_html_lit(b, " class=\"");
	tl_html_lit(b, cls);
	tl_html_lit(b, "\" viewBox=\"0 0 ");
	tl_html_coord(b, w);
	tl_html_lit(b, " ");
	tl_html_coord(b, h);
	tl_html_lit(b, "\" width=\"100%\" role=\"img\" aria-labelledby=\"");
	tl_html_text(b, id);
	tl_html_lit(b, "-title");
	if (has_desc) {
		tl_html_lit(b, " ");
		tl_html_text(b, id);
		tl_html_lit(b, "-desc");
	}
	tl_html_lit(b, "\"");
	tl_html_attr_num(b, "font-size", font_size);
	if (hidden)
		tl_html_lit(b, " display=\"none\"");
	tl_html_lit(b, ">\n<title");
	attr_id(b, "id", id, "-title");
	tl_html_lit(b, ">");
	tl_html_text(b, title ? title : "");
	tl_html_lit(b, "</title>\n");
	if (has_desc) {
		tl_html_lit(b, "<desc");
		attr_id(b, "id", id, "-desc");
		tl_html_lit(b, ">");
		tl_html_text(b, desc);
		tl_html_lit(b, "</desc>\n");
	}
}

void tl_svg_end(tl_buf *b)
{
	tl_html_lit(b, "</svg>\n");
}

void tl_svg_chart_id(char *out, size_t n, const char *id, const char *suffix)
{
	size_t sl = strlen(suffix);
	if (n <= sl + 5)
		tl_panic("chart id buffer too small");
	tl_html_idify(out, n - sl, id ? id : "");
	if (!out[0])
		strcpy(out, "chart");
	strcat(out, suffix);
}

void tl_svg_empty(tl_buf *b, const char *id, const char *cls, double w, double font_size, const char *title,
		  const char *desc, enum tl_lang lang, int hidden)
{
	double h = font_size * 5;
	tl_svg_begin(b, id, cls, w, h, font_size, title, desc, hidden);
	tl_svg_line(b, 0, h - 1, w, h - 1, TL_SVG_MUTED, 1, NULL);
	tl_svg_text(b, w / 2, h / 2 + font_size * 0.35, "middle", TL_SVG_MUTED, font_size, 0,
		    lang == TL_LANG_NL ? "geen gegevens" : "no data", 0);
	tl_svg_end(b);
}

void tl_svg_line(tl_buf *b, double x1, double y1, double x2, double y2, const char *stroke, double width,
		 const char *dash)
{
	tl_html_lit(b, "<line");
	tl_html_attr_num(b, "x1", x1);
	tl_html_attr_num(b, "y1", y1);
	tl_html_attr_num(b, "x2", x2);
	tl_html_attr_num(b, "y2", y2);
	tl_html_lit(b, " stroke=\"");
	tl_html_lit(b, stroke);
	tl_html_lit(b, "\"");
	tl_html_attr_num(b, "stroke-width", width);
	if (dash) {
		tl_html_lit(b, " stroke-dasharray=\"");
		tl_html_lit(b, dash);
		tl_html_lit(b, "\"");
	}
	tl_html_lit(b, "/>\n");
}

void tl_svg_rect(tl_buf *b, double x, double y, double w, double h, const char *fill)
{
	tl_html_lit(b, "<rect");
	tl_html_attr_num(b, "x", x);
	tl_html_attr_num(b, "y", y);
	tl_html_attr_num(b, "width", w);
	tl_html_attr_num(b, "height", h);
	tl_html_lit(b, " fill=\"");
	tl_html_lit(b, fill);
	tl_html_lit(b, "\"/>\n");
}

static void point(tl_buf *b, const char *cmd, double x, double y)
{
	tl_html_lit(b, cmd);
	tl_html_coord(b, x);
	tl_html_lit(b, " ");
	tl_html_coord(b, y);
}

void tl_svg_marker(tl_buf *b, enum tl_svg_marker shape, double x, double y, double r, const char *colour,
		   int hollow)
{
	/* Shapes of roughly equal area, so neither series looks heavier. */
	switch (shape) {
	case TL_SVG_SQUARE: {
		double h = r * 0.89;
		tl_html_lit(b, "<rect");
		tl_html_attr_num(b, "x", x - h);
		tl_html_attr_num(b, "y", y - h);
		tl_html_attr_num(b, "width", 2 * h);
		tl_html_attr_num(b, "height", 2 * h);
		break;
	}
	case TL_SVG_TRIANGLE:
		tl_html_lit(b, "<path d=\"");
		point(b, "M", x, y - 1.35 * r);
		point(b, "L", x + 1.2 * r, y + 0.75 * r);
		point(b, "L", x - 1.2 * r, y + 0.75 * r);
		tl_html_lit(b, "Z\"");
		break;
	case TL_SVG_DIAMOND:
		tl_html_lit(b, "<path d=\"");
		point(b, "M", x, y - 1.25 * r);
		point(b, "L", x + 1.25 * r, y);
		point(b, "L", x, y + 1.25 * r);
		point(b, "L", x - 1.25 * r, y);
		tl_html_lit(b, "Z\"");
		break;
	case TL_SVG_CIRCLE:
	default:
		tl_html_lit(b, "<circle");
		tl_html_attr_num(b, "cx", x);
		tl_html_attr_num(b, "cy", y);
		tl_html_attr_num(b, "r", r);
		break;
	}
	if (hollow) {
		tl_html_lit(b, " fill=\"#ffffff\" stroke=\"");
		tl_html_lit(b, colour);
		tl_html_lit(b, "\" stroke-width=\"2\"/>\n");
	} else {
		/* A thin white halo keeps markers apart where lines cross. */
		tl_html_lit(b, " fill=\"");
		tl_html_lit(b, colour);
		tl_html_lit(b, "\" stroke=\"#ffffff\" stroke-width=\"1\"/>\n");
	}
}

void tl_svg_text_open(tl_buf *b, double x, double y, const char *anchor, const char *fill, double size, int flags)
{
	tl_html_lit(b, "<text");
	tl_html_attr_num(b, "x", x);
	tl_html_attr_num(b, "y", y);
	if (anchor && strcmp(anchor, "start") != 0) {
		tl_html_lit(b, " text-anchor=\"");
		tl_html_lit(b, anchor);
		tl_html_lit(b, "\"");
	}
	tl_html_lit(b, " fill=\"");
	tl_html_lit(b, fill);
	tl_html_lit(b, "\"");
	if (size > 0)
		tl_html_attr_num(b, "font-size", size);
	if (flags & TL_SVG_BOLD)
		tl_html_lit(b, " font-weight=\"bold\"");
	if (flags & TL_SVG_ITALIC)
		tl_html_lit(b, " font-style=\"italic\"");
	if (flags & TL_SVG_HALO)
		tl_html_lit(b, " stroke=\"#ffffff\" stroke-width=\"4\" stroke-linejoin=\"round\""
			       " paint-order=\"stroke\"");
	tl_html_lit(b, ">");
}

void tl_svg_text(tl_buf *b, double x, double y, const char *anchor, const char *fill, double size, int flags,
		 const char *s, double max_w)
{
	tl_svg_text_open(b, x, y, anchor, fill, size, flags);
	if (!s)
		s = "";
	int cut = 0;
	size_t keep = max_w > 0 ? tl_svg_fit(s, max_w, size, flags & TL_SVG_BOLD, &cut) : strlen(s);
	if (cut) {
		/* The whole label as a tooltip; the figure's data table has it
		 * for everyone else. */
		tl_html_lit(b, "<title>");
		tl_html_text(b, s);
		tl_html_lit(b, "</title>");
	}
	tl_html_textn(b, s, keep);
	if (cut)
		tl_html_lit(b, "\xe2\x80\xa6"); /* … */
	tl_html_lit(b, "</text>\n");
}
