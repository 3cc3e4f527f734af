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

#include <stdint.h>

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
			  const struct tl_chapter *c, const char *markdown, int64_t version,
			  const tl_errors *errs, const tl_buf *preview);

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
/* A TL_FIELD_PASSWORD is never filled in or shown back: pages write
 * "(ingevuld)" where a value was given.  A TL_FIELD_CHOICES is a group of
 * check boxes, one per option, all named after the field; its value is the
 * ticked option values, one per line.  A TL_FIELD_PEOPLE is the people in
 * a story, a group of inputs per person (NAME_N_name, _role, _consent,
 * _alias and, for the people already there, _remove; N from 0) and one
 * empty group to add a person; its value is a line per person, "name TAB
 * role TAB consent TAB alias" with consent "1" or "". */
enum { TL_FIELD_TEXT = 0, TL_FIELD_TEXTAREA, TL_FIELD_SELECT, TL_FIELD_CHECKBOX, TL_FIELD_DATE,
       TL_FIELD_NUMBER, TL_FIELD_PASSWORD, TL_FIELD_CHOICES, TL_FIELD_PEOPLE };

/* An editor page for report content: what there is (items, plain text
 * lines, may be none), then a form that adds one (none when n_fields is 0).
 * values[i] refills field i (may be NULL); notice (may be NULL) reports
 * what was saved.  Each error in errs names its field by label. */
void tl_page_content(tl_buf *b, const struct tl_page *p, const char *csrf, const char *heading,
		     const char *intro, const char *action, const char *const *items,
		     const char *const *links, size_t n_items, const struct tl_form_field *fields,
		     size_t n_fields, const char *const *values, const tl_errors *errs,
		     const char *notice);

/* Edit one item: a form (fields filled from values) that posts to action
 * with action=save, and (can_delete) one with action=delete; both carry
 * `version`, the version the item was read at.  back links to the list.
 * Each error in errs names its field by label. */
void tl_page_item_edit(tl_buf *b, const struct tl_page *p, const char *csrf, const char *heading,
		       const char *back, const char *action, const struct tl_form_field *fields,
		       size_t n_fields, const char *const *values, int64_t version,
		       const tl_errors *errs, int can_delete);

/* The 409 answer to a save (or delete, when deleting) against an item that
 * changed since its form was loaded: both versions field by field (mine =
 * what was sent, theirs = what is stored now), and a form holding mine at
 * their_version, so that nothing typed is lost and overwriting is a
 * conscious second step.  deleting: 0 a save, 1 a delete, 2 the item is
 * gone (a save after someone deleted it: only the sent values are shown). */
void tl_page_conflict(tl_buf *b, const struct tl_page *p, const char *csrf, const char *heading,
		      const char *back, const char *action, int deleting,
		      const struct tl_form_field *fields, size_t n_fields, const char *const *mine,
		      const char *const *theirs, int64_t their_version);

/* The audit trail, newest first, one page of entries. */
void tl_page_audit(tl_buf *b, const struct tl_page *p, const struct tl_audit *e, size_t n,
		   long total, long offset, long limit);

/* Accounts (each linking to /beheer/gebruikers/ID) and the form to add
 * one. */
void tl_page_users(tl_buf *b, const struct tl_page *p, const char *csrf, const struct tl_user *u,
		   size_t n, const tl_errors *errs);

#endif
