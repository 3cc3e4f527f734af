/*
 * figure — everything the report shows for one indicator.
 *
 * Placed in a chapter by {{grafiek SLUG}}: a generated sentence, a line chart
 * of the focus region against the national figure over the years (or, with a
 * single period, a bar comparison), a bar chart of the municipalities in the
 * best-covered recent period, a data table under each chart, captions in the
 * seed report's form ("2024 | Bron: RMBW"), definition notes, series breaks,
 * the reasons for missing figures, and a link to the figures as CSV.
 * Where there are no figures at all it says so; it never draws an invented 0.
 */
#ifndef TL_FIGURE_H
#define TL_FIGURE_H

#include "../core/buf.h"
#include "../core/err.h"
#include "layout.h"

/* heading_level: 2..6, the level of the indicator's own heading. */
void tl_render_indicator(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d,
			 int heading_level);

/* A map of the municipalities ({{kaart SLUG}}, render/figure_map.c): the
 * map with its legend, caption, a data table that links every municipality
 * to its page, downloads.  heading_level as above. */
void tl_render_map(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d, int heading_level);

/* Open a figure: <section class="BLOCK" id="ID"> and its heading
 * <hN class="BLOCK__title">TITLE_PREFIX TITLE</hN>, N = level clamped to
 * 2..6.  The caller closes the section. */
void tl_figure_open(tl_buf *b, const char *block, const char *id, int level, const char *title_prefix,
		    const char *title);

/* Whether a caption's title already names a word (its unit "rapportcijfer",
 * its subject "huishoudens") as a whole word, ignoring ASCII case: then the caption does not
 * repeat it in "(rapportcijfer)" or ", huishoudens". */
int tl_title_names(const char *title, const char *word);

/* The municipalities the report compares: the focus region's children of
 * level gemeente, or, when it has none (a national agenda whose
 * municipalities name no province), every region of level gemeente.  A
 * fresh array in the model's arena. */
const struct tl_region **tl_report_municipalities(const struct tl_model *m, size_t *n);

/* The file of a municipality's (or any region's) profile page, relative to
 * the site root: "gemeente/GM0106.html". */
void tl_region_page_file(const struct tl_region *r, char *out, size_t n);

/* "Download: CSV · JSON" links to an indicator's figures. */
void tl_render_downloads(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d);

#endif
