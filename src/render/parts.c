/*
 * parts — pieces the served pages share (see parts.h).
 */
#include "parts.h"

#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "html.h"

void tl_part_h1(tl_buf *b, const char *text)
{
	tl_html_lit(b, "<h1 class=\"utrecht-heading-1\">");
	tl_html_text(b, text);
	tl_html_lit(b, "</h1>\n");
}

void tl_part_para(tl_buf *b, const char *text)
{
	tl_html_lit(b, "<p>");
	tl_html_text(b, text);
	tl_html_lit(b, "</p>\n");
}

/* The field name and its label, linked to its input, or the name alone. */
static void field_ref(tl_buf *b, const char *field, const char *const *names, const char *const *labels,
		      size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (names[i] && !strcmp(names[i], field)) {
			char id[64];
			tl_html_idify(id, sizeof id, field);
			tl_buf href = TL_BUF_INIT;
			tl_buf_printf(&href, "#%s", id);
			tl_html_link(b, href.data, labels[i]);
			tl_buf_free(&href);
			return;
		}
	tl_html_text(b, field);
}

void tl_part_errors(tl_buf *b, const char *intro, const tl_errors *errs, const char *const *names,
		    const char *const *labels, size_t n)
{
	if (!errs || !errs->n)
		return;
	tl_html_lit(b, "<div class=\"tl-alert tl-alert--error\" role=\"alert\">\n<p><strong>");
	tl_html_text(b, intro);
	tl_html_lit(b, "</strong></p>\n<ul>\n");
	for (size_t i = 0; i < errs->n; i++) {
		const struct tl_error *e = &errs->items[i];
		tl_html_lit(b, "<li>");
		if (e->file) {
			/* the place, as tl_error_format writes it */
			struct tl_error place = *e;
			place.msg = (char *)"";
			char *where = tl_error_format(&place, 0);
			tl_html_text(b, where);
			free(where);
		}
		if (e->field) {
			field_ref(b, e->field, names, labels, n);
			tl_html_lit(b, ": ");
		}
		if (errs->is_warning && errs->is_warning[i])
			tl_html_text(b, "warning: ");
		tl_html_text(b, e->msg);
		tl_html_lit(b, "</li>\n");
	}
	if (errs->dropped) {
		tl_html_lit(b, "<li>… ");
		tl_html_int(b, (long)errs->dropped);
		tl_html_lit(b, "</li>\n");
	}
	tl_html_lit(b, "</ul>\n</div>\n");
}

void tl_part_page_top(tl_buf *b, const char *back_href, const char *back_text, const char *heading)
{
	tl_html_lit(b, "<p>");
	tl_html_link(b, back_href, back_text);
	tl_html_lit(b, "</p>\n");
	tl_part_h1(b, heading);
}

void tl_part_table_begin(tl_buf *b, const char *caption, const char *const *heads, size_t n)
{
	tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption\">");
	tl_html_text(b, caption);
	tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr class=\"utrecht-table__row\">");
	for (size_t i = 0; i < n; i++) {
		tl_html_lit(b, "<th scope=\"col\" class=\"utrecht-table__header-cell\">");
		tl_html_text(b, heads[i]);
		tl_html_lit(b, "</th>");
	}
	tl_html_lit(b, "</tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
}

void tl_part_region_name(tl_buf *b, const char *root, const struct tl_region *const *pages, size_t n,
			 const struct tl_region *r)
{
	for (size_t i = 0; pages && i < n; i++)
		if (pages[i] == r) {
			char file[160];
			tl_region_page_file(r, file, sizeof file);
			tl_buf href = TL_BUF_INIT;
			tl_buf_printf(&href, "%s%s", root ? root : "", file);
			tl_html_link(b, href.data, r->name);
			tl_buf_free(&href);
			return;
		}
	tl_html_text(b, r->name);
}
