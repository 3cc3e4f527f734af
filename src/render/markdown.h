/*
 * markdown — Markdown to HTML through html.h, with raw HTML switched off.
 *
 * md4c parses (CommonMark + tables); this module writes the markup itself so
 * that every byte goes through the escaping vocabulary: raw HTML in a chapter
 * is shown as text, link targets are allow-listed (relative, http, https,
 * mailto), and a link without a real target ("#" or empty) becomes plain
 * text instead of an empty link.  Headings get ids for the table of contents.
 */
#ifndef TL_MARKDOWN_H
#define TL_MARKDOWN_H

#include <stddef.h>

#include "../core/buf.h"
#include "../core/fmt.h"

struct tl_md_opts {
	int heading_shift;  /* added to each heading level (0 = as written), max h6 */
	const char *id_prefix; /* prefix for heading ids, may be NULL */
	int local_stories;     /* the one-document version: a link to a story's page
	                        * (verhalen/<slug>.html) goes to the interview in the
	                        * same document (#interview-<slug>) */
	enum tl_lang lang;     /* of the words telling adds (a table's region label) */
};

/* Render text[0..len) as HTML into out.  Returns 0, or -1 when md4c fails
 * (then out holds the text escaped as one paragraph). */
int tl_markdown_render(tl_buf *out, const char *text, size_t len, const struct tl_md_opts *o);

#endif
