/*
 * pages — one entry function per page type of the report.
 *
 * Each writes a whole HTML document into b through layout.h and html.h.
 * Problems found while rendering (a binding without data) are warnings in
 * errs; the page is still complete and says "geen gegevens" where a figure
 * is missing.
 */
#ifndef TL_PAGES_H
#define TL_PAGES_H

#include "../core/buf.h"
#include "../core/err.h"
#include "../text/chapter.h"
#include "layout.h"

/* The report's front page: cover, contents, the indicators at a glance.
 * chart_chapter[i] is the slug of the chapter that charts indicator i (to
 * link to it), or NULL; the array may be NULL. */
void tl_page_index(tl_buf *b, const struct tl_page *p, const char *const *chart_chapter);

/* A chapter, theme or not.  blocks come from tl_chapter_parse(). */
void tl_page_chapter(tl_buf *b, const struct tl_page *p, const struct tl_chapter *ch,
		     const struct tl_block *blocks, size_t n_blocks, tl_errors *errs);

#endif
