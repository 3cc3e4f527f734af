/*
 * report_blocks — the report's own content as HTML, for the chapter
 * directives {{subsidies X}}, {{instrumenten}}, {{streefdoelen}},
 * {{verhalen}}, {{vervolgstappen}} and for the story pages.
 *
 * Every figure shown is computed from the model (grant counts and sums,
 * target progress through analysis/target.h); a total the source states is
 * shown beside the computed one, labelled as such.  Unpublished stories and
 * people without consent never reach the page (text/story.h).
 * `heading` is the level of the heading the block sits under (1..5).
 */
#ifndef TL_REPORT_BLOCKS_H
#define TL_REPORT_BLOCKS_H

#include "../core/buf.h"
#include "../model/report.h"
#include "layout.h"

/* One instrument's grants as a table, with computed and stated totals. */
void tl_render_grants(tl_buf *b, const struct tl_page *p, const struct tl_instrument *in, int heading);
/* The instruments of a theme (NULL: those of no theme), with partners, municipalities,
 * budget, period, goals and their grants in short. */
void tl_render_instruments(tl_buf *b, const struct tl_page *p, const char *theme, int heading);
/* The targets of a theme (NULL: those of no theme): what, from where, to where, by when,
 * progress bar with deadline and pace, and what is not known. */
void tl_render_targets(tl_buf *b, const struct tl_page *p, const char *theme, int heading);
/* Links to the published stories about a theme (NULL: all). */
void tl_render_stories(tl_buf *b, const struct tl_page *p, const char *theme, int heading);
/* The theme's next steps for the year after the report year, and what
 * became of the steps for the report year itself. */
void tl_render_next_steps(tl_buf *b, const struct tl_page *p, const char *theme, int heading);

/* A date as precise as given: "2027", "juni 2025", "31 december 2026". */
void tl_render_ymd(tl_buf *b, const struct tl_ymd *d, enum tl_lang lang);

#endif
