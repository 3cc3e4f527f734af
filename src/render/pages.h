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
#include "../model/report.h"
#include "layout.h"

/* The report's front page: cover, contents, the indicators at a glance.
 * chart_chapter[i] is the slug of the chapter that charts indicator i (to
 * link to it), or NULL; the array may be NULL. */
void tl_page_index(tl_buf *b, const struct tl_page *p, const char *const *chart_chapter);

/* A chapter, theme or not.  blocks come from tl_chapter_parse(). */
void tl_page_chapter(tl_buf *b, const struct tl_page *p, const struct tl_chapter *ch,
		     const struct tl_block *blocks, size_t n_blocks, tl_errors *errs);

/* A chapter's article without the page around it; level 1 = its title is
 * the page's h1, level 2 = an h2 in the one-document print version. */
void tl_chapter_body(tl_buf *b, const struct tl_page *p, const struct tl_chapter *ch,
		     const struct tl_block *blocks, size_t n_blocks, int level, tl_errors *errs);

/* The whole report as one document, for printing to PDF: cover, contents,
 * every chapter.  blocks[i] / n_blocks[i] belong to m->chapters[i]. */
void tl_page_print(tl_buf *b, const struct tl_page *p, struct tl_block *const *blocks,
		   const size_t *n_blocks, tl_errors *errs);

/* An interview or story page (verhalen/<slug>.html; p->root "../"): only
 * for a published story, with the names of people without consent withheld.
 * from[] are the chapters that link to it, for the way back. */
void tl_page_story(tl_buf *b, const struct tl_page *p, const struct tl_story *s,
		   const struct tl_chapter *const *from, size_t n_from);
/* The list of every published story (verhalen/index.html). */
void tl_page_stories(tl_buf *b, const struct tl_page *p);

#endif
