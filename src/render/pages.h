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

/* The report's cover: title, the agenda's title and motto, organisation and
 * report year, in <div class="CLS"> (NULL: "tl-cover"). */
void tl_report_cover(tl_buf *b, const struct tl_page *p, const char *cls);

/* A chapter, theme or not.  blocks come from tl_chapter_parse(). */
void tl_page_chapter(tl_buf *b, const struct tl_page *p, const struct tl_chapter *ch,
		     const struct tl_block *blocks, size_t n_blocks, tl_errors *errs);

/* A chapter's article without the page around it; level 1 = its title is
 * the page's h1, level 2 = an h2 in the one-document print version. */
void tl_chapter_body(tl_buf *b, const struct tl_page *p, const struct tl_chapter *ch,
		     const struct tl_block *blocks, size_t n_blocks, int level, tl_errors *errs);

/* The whole report as one document, for printing to PDF: cover, contents,
 * every chapter.  blocks[i] / n_blocks[i] belong to m->chapters[i].
 * toc_pages: for the PDF, the page of each contents entry (tl_print_toc
 * order; 0 = not known), printed beside it; NULL for the site. */
void tl_page_print(tl_buf *b, const struct tl_page *p, struct tl_block *const *blocks,
		   const size_t *n_blocks, const int *toc_pages, tl_errors *errs);
/* The print version's contents entries in order, as their headings print
 * them: every chapter, then (with published stories) "Interviews" and each
 * story.  *titles in m's arena; returns their number. */
size_t tl_print_toc(const struct tl_page *p, const char ***titles);

/* An interview or story page (verhalen/<slug>.html; p->root "../"): only
 * for a published story, with the names of people without consent withheld.
 * from[] are the chapters that link to it, for the way back; at[i] (NULL, or
 * NULL entries) the chapter that lists the story's instrument i, which its
 * name then links to. */
void tl_page_story(tl_buf *b, const struct tl_page *p, const struct tl_story *s,
		   const struct tl_chapter *const *from, size_t n_from, const struct tl_chapter *const *at);
/* The list of every published story (verhalen/index.html). */
void tl_page_stories(tl_buf *b, const struct tl_page *p);
/* A story's article without the page around it: on its page (title h1) or,
 * with p->print, as an interview in the one-document version (title h3,
 * id "interview-<slug>", links back to "#hoofdstuk-<chapter>"). */
void tl_story_body(tl_buf *b, const struct tl_page *p, const struct tl_story *s,
		   const struct tl_chapter *const *from, size_t n_from, const struct tl_chapter *const *at);
/* For each of story s's instruments, the first chapter whose instruments
 * block lists it (or NULL), in m's arena: the `at` of tl_story_body. */
const struct tl_chapter **tl_story_instrument_chapters(const struct tl_model *m, struct tl_block *const *blocks,
						       const size_t *n_blocks, const struct tl_story *s);
/* The chapters whose {{verhaal SLUG}} bindings link to story `slug`, in
 * chapter order, into from[] (m->n_chapters entries); returns their number.
 * blocks[i] / n_blocks[i] belong to m->chapters[i]. */
size_t tl_story_linked_from(const struct tl_model *m, struct tl_block *const *blocks, const size_t *n_blocks,
			    const char *slug, const struct tl_chapter **from);
/* ---- Region pages (page_profile.c) ---------------------------------------- */

/* What every region page needs computed once: the municipalities compared
 * and each indicator's positions among them.  In the model's arena.
 * chart_chapter as for tl_page_index (may be NULL). */
struct tl_profile_ctx;
struct tl_profile_ctx *tl_profile_ctx_new(const struct tl_model *m, const char *const *chart_chapter);
/* The municipalities that get a page (tl_report_municipalities). */
const struct tl_region *const *tl_profile_municipalities(const struct tl_profile_ctx *c, size_t *n);

/* A municipality's page (gemeente/<code>.html; p->root "../"): every
 * indicator with its latest figure, the province and the nation in the same
 * period, its position among the municipalities, its groups, and the annual
 * report's grants and stories for it. */
void tl_page_region(tl_buf *b, const struct tl_page *p, const struct tl_profile_ctx *c,
		    const struct tl_region *r);
/* A region group's page (groep/<slug>.html): its members side by side with
 * the focus region and the nation, per indicator in the members' best
 * covered period. */
void tl_page_group(tl_buf *b, const struct tl_page *p, const struct tl_profile_ctx *c,
		   const struct tl_region_group *g);
/* "groep/<slug>.html" */
void tl_group_page_file(const struct tl_region_group *g, char *out, size_t n);

/* The annual report's grants awarded in, and published stories set in, the
 * regions codes[0..n) (one municipality, or a group's members), under a
 * heading naming `name`; names of people who did not consent are replaced.
 * Renders nothing when the model has none for them. */
void tl_render_region_annual(tl_buf *b, const struct tl_page *p, const char *const *codes, size_t n,
			     const char *name);

#endif
