/*
 * toc_pages — on which page of a printed PDF each contents entry begins.
 *
 * Chromium cannot fill in target-counter(), so the PDF's table of contents
 * gets its page numbers in two passes (site.c): print, read where each
 * heading landed, print again with the numbers.  This is the reading half,
 * a pure function on the PDF's text as pdftotext writes it (UTF-8, pages
 * ended by form feeds).
 *
 * Every entry opens a page in the print CSS (chapters, the interviews part,
 * each interview), so an entry is looked for only in the first
 * TL_TOC_HEAD_LINES lines of a page (an interview's kicker comes before its
 * title), as whole lines: the title must start at a line start and end at
 * a line end, its words may be wrapped over lines, ASCII case is ignored.
 * Entries are in document order: entry i is looked for from the page of
 * entry i-1 on (and after page `after`, the contents' own pages), so a
 * chapter title quoted at the top of an earlier page cannot be taken.
 */
#ifndef TL_TOC_PAGES_H
#define TL_TOC_PAGES_H

#include <stddef.h>

#define TL_TOC_HEAD_LINES 4

/* pages[i] = the 1-based page where titles[i] begins, or 0 when it is not
 * found (the next entry is then looked for from the last found page).
 * Returns the number of entries found. */
size_t tl_toc_find_pages(const char *text, size_t len, const char *const *titles, size_t n,
			 int after, int *pages);

#endif
