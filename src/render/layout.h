/*
 * layout — the chrome around every page: document head, skip link, header
 * with the report's navigation, footer with source and licence.
 *
 * One page = one page_*.c entry function that calls tl_layout_begin(), writes
 * its <main> content, and calls tl_layout_end().  The static site, the served
 * pages and the PDF all come through here.
 */
#ifndef TL_LAYOUT_H
#define TL_LAYOUT_H

#include "../core/buf.h"
#include "../core/fmt.h"
#include "../model/model.h"

struct tl_page {
	const struct tl_model *m;
	enum tl_lang lang;
	const char *title;   /* page title (without the report title) */
	const char *current; /* file name of this page, e.g. "gezondheid.html" */
	const char *root;    /* relative path to the site root: "" */
	int print;           /* the one-document print version (PDF): tables open,
	                      * one drawing per chart, headings one level down */
	int served;          /* telling serve: the header links to the dashboard
	                      * (/verkennen, /zoeken); 0 for the static build */
};

/* Everything up to and including the opening <main>. */
void tl_layout_begin(tl_buf *b, const struct tl_page *p);
/* Closing </main>, footer, </html>. */
void tl_layout_end(tl_buf *b, const struct tl_page *p);

/* File name of a chapter's page ("naoberschap.html"). Borrowed/static-free:
 * written into out (at least 80 bytes). */
void tl_chapter_file(const struct tl_chapter *c, char *out, size_t n);
/* Display title of a chapter: its theme's title or its own. */
const char *tl_chapter_title(const struct tl_model *m, const struct tl_chapter *c);

/* Words the pages use, in the page language. */
const char *tl_word(enum tl_lang lang, const char *nl, const char *en);

#endif
