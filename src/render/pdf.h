/*
 * pdf — prints an HTML file to PDF with headless Chromium.
 *
 * The PDF is the same HTML as the site (the one-document print version,
 * page_print.c) with the print rules of telling.css: A4, page numbers,
 * chapters on new pages, tables open, charts as vectors.  Chromium writes a
 * tagged PDF with a document outline from the headings.  Chromium is run
 * as a separate process with a fresh profile and no network services; the
 * browser binary is found as $TELLING_CHROMIUM, chromium or chromium-browser.
 */
#ifndef TL_PDF_H
#define TL_PDF_H

#include "../core/err.h"

int tl_pdf_print(const char *html_path, const char *pdf_path, tl_errors *errs);

#endif
