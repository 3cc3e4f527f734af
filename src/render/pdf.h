/*
 * pdf — prints an HTML file to PDF with headless Chromium.
 *
 * The PDF is the same HTML as the site (the one-document print version,
 * page_print.c) with the print rules of telling.css: A4, page numbers,
 * chapters on new pages, tables open, charts as vectors.  Chromium writes a
 * tagged PDF with a document outline from the headings.  Chromium is run
 * as a separate process with a fresh profile and no network services; the
 * browser binary is found as $TELLING_CHROMIUM, chromium or chromium-browser.
 * The contents get page numbers in a second print (site.c, toc_pages.h),
 * from the first print's text as pdftotext reads it.
 */
#ifndef TL_PDF_H
#define TL_PDF_H

#include "../core/arena.h"
#include "../core/err.h"

int tl_pdf_print(const char *html_path, const char *pdf_path, tl_errors *errs);

/* The PDF's text, pages ended by form feeds, in reading order (UTF-8), by
 * poppler-utils' pdftotext ($TELLING_PDFTOTEXT, or pdftotext on the PATH).
 * *text in a.  Used to find the pages of the contents' entries. */
int tl_pdf_text(const char *pdf_path, tl_arena *a, char **text, size_t *len, tl_errors *errs);

#endif
