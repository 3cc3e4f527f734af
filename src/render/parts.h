/*
 * parts — pieces the served pages share (the editor's pages in page_web.c,
 * the dashboard's in page_dash.c): the page heading and the block that
 * lists what was wrong with a form or query, each line naming its field.
 *
 * Every byte through html.h, like the pages themselves.  Nothing here is
 * page chrome (that is layout.h).
 */
#ifndef TL_PARTS_H
#define TL_PARTS_H

#include "../core/buf.h"
#include "../core/err.h"

/* <h1> with text. */
void tl_part_h1(tl_buf *b, const char *text);

/* <p> with text. */
void tl_part_para(tl_buf *b, const char *text);

/* Nothing when errs is NULL or empty; else an alert: intro in bold, then
 * one line per error, "file:line:col: " when it has a place, then its
 * field (the label in labels[i] for the field names[i], 0 <= i < n, linked
 * to the input of that id; else the field's name) and the message, and a
 * count of the errors not kept. */
void tl_part_errors(tl_buf *b, const char *intro, const tl_errors *errs, const char *const *names,
		    const char *const *labels, size_t n);

/* The opening of an editor page: a link back (to the editor's start or a
 * list) above the <h1>. */
void tl_part_page_top(tl_buf *b, const char *back_href, const char *back_text, const char *heading);

/* <table> with its caption and one header row of column heads heads[0..n),
 * up to the open <tbody>; the caller writes the rows and closes
 * "</tbody>\n</table>". */
void tl_part_table_begin(tl_buf *b, const char *caption, const char *const *heads, size_t n);

struct tl_region;

/* The region's name, linked to root + its page (gemeente/<code>.html) when
 * it is one of pages[0..n), the regions that have one; else plain text.
 * Shared by the report's story and profile pages. */
void tl_part_region_name(tl_buf *b, const char *root, const struct tl_region *const *pages, size_t n,
			 const struct tl_region *r);

#endif
