/*
 * pages_web — the pages telling serve adds to the report: error pages,
 * login, the editor (chapters, statistics upload, publishing), the audit
 * trail and accounts.
 *
 * Same rules as pages.h: one entry function per page, the report's chrome
 * from layout.h (root "/"), every byte through html.h.  Every form carries
 * the session's CSRF token as a hidden field "csrf"; no page needs
 * JavaScript.
 */
#ifndef TL_PAGES_WEB_H
#define TL_PAGES_WEB_H

#include "../core/buf.h"
#include "../core/err.h"
#include "../store/store_web.h"
#include "layout.h"

/* A short page with a heading and one paragraph: 4xx answers, notices. */
void tl_page_message(tl_buf *b, const struct tl_page *p, const char *heading, const char *text);

/* Login form; name is refilled, error (may be NULL) shown above the form. */
void tl_page_login(tl_buf *b, const struct tl_page *p, const char *csrf, const char *name,
		   const char *error);

/* The editor's start: who is logged in, what they may do, chapters to edit. */
void tl_page_admin(tl_buf *b, const struct tl_page *p, const struct tl_user *u, const char *csrf,
		   const char *notice);

/* Edit one chapter's Markdown.  errs (may be NULL) lists what is wrong with
 * a refused text; preview (may be NULL) is the rendered chapter body. */
void tl_page_chapter_edit(tl_buf *b, const struct tl_page *p, const char *csrf,
			  const struct tl_chapter *c, const char *markdown, const tl_errors *errs,
			  const tl_buf *preview);

/* Upload a statistics file; after an attempt, errs (refused: nothing was
 * imported) or result (what was imported). */
void tl_page_import(tl_buf *b, const struct tl_page *p, const char *csrf, const tl_errors *errs,
		    const char *result);

/* One field of an editor form. */
struct tl_form_field {
	const char *name;
	const char *label;      /* in the page language */
	int kind;               /* TL_FIELD_* */
	const char *const *options; /* select: value, label, value, label, …, NULL */
	int required;
};
enum { TL_FIELD_TEXT = 0, TL_FIELD_TEXTAREA, TL_FIELD_SELECT, TL_FIELD_CHECKBOX, TL_FIELD_DATE,
       TL_FIELD_NUMBER };

/* An editor page for report content: what there is (items, plain text
 * lines, may be none), then a form that adds one.  values[i] refills field
 * i (may be NULL); notice (may be NULL) reports what was saved. */
void tl_page_content(tl_buf *b, const struct tl_page *p, const char *csrf, const char *heading,
		     const char *intro, const char *action, const char *const *items, size_t n_items,
		     const struct tl_form_field *fields, size_t n_fields, const char *const *values,
		     const tl_errors *errs, const char *notice);

/* The audit trail, newest first, one page of entries. */
void tl_page_audit(tl_buf *b, const struct tl_page *p, const struct tl_audit *e, size_t n,
		   long total, long offset, long limit);

/* Accounts and the form to add one. */
void tl_page_users(tl_buf *b, const struct tl_page *p, const char *csrf, const struct tl_user *u,
		   size_t n, const tl_errors *errs);

#endif
