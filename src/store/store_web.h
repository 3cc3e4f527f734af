/*
 * store_web — what telling serve keeps besides the agenda: accounts,
 * sessions, the audit trail, chapter edits and published snapshots.
 *
 * Same rules as store.h: bound parameters only, errors as values with a
 * message in errs.  The caller holds the transaction: an edit and its audit
 * row are written in one (tl_store_begin … tl_store_commit), so a change is
 * never recorded without its trail or the other way round.
 *
 * Nothing here hashes or checks passwords or makes tokens (web/auth.c does):
 * the store keeps the argon2id hash string and a hash of each session token.
 */
#ifndef TL_STORE_WEB_H
#define TL_STORE_WEB_H

#include <stddef.h>
#include <stdint.h>

#include "../model/report.h"
#include "store.h"

struct tl_user {
	int64_t id;
	const char *name;
	const char *role;         /* admin, editor, partner, viewer */
	const char *organisation; /* partners only, else NULL */
};

/* ---- Accounts ----------------------------------------------------------- */

/* A new account.  TL_ERR_INPUT with a message when the name is taken or the
 * role is unknown or a partner has no organisation. */
int tl_store_user_add(tl_store *st, const char *name, const char *pwhash, const char *role,
		      const char *organisation, tl_errors *errs);
/* Look up by name.  *pwhash and the strings of *u live in a.
 * TL_ERR_NOTFOUND when there is no such account. */
int tl_store_user_get(tl_store *st, const char *name, tl_arena *a, struct tl_user *u,
		      const char **pwhash);
/* One account by id with its version (strings in a).  TL_ERR_NOTFOUND when
 * there is none. */
int tl_store_user_get_id(tl_store *st, int64_t id, tl_arena *a, struct tl_user *u,
			 int64_t *version);
/* Change an account's role and organisation, and its password hash when
 * pwhash is not NULL; version-checked like the report content below.
 * TL_ERR_INPUT when it would leave no admin, or a partner without its
 * organisation. */
int tl_store_user_update(tl_store *st, int64_t id, const char *role, const char *organisation,
			 const char *pwhash, int64_t version, int64_t *new_version, tl_errors *errs);
/* Remove an account and its sessions (its audit rows keep its name).
 * TL_ERR_INPUT for the last admin. */
int tl_store_user_delete(tl_store *st, int64_t id, int64_t version, tl_errors *errs);
/* Every account, by name, into a; for the admin's list. */
int tl_store_user_list(tl_store *st, tl_arena *a, struct tl_user **out, size_t *n);
long tl_store_user_count(tl_store *st);

/* ---- Sessions ----------------------------------------------------------- */

/* Remember a session: token_hash (hex) → user, with its CSRF token, until
 * `expires` (unix seconds).  Expired sessions are removed on the way. */
int tl_store_session_put(tl_store *st, const char *token_hash, int64_t user_id, const char *csrf,
			 int64_t expires, int64_t now, tl_errors *errs);
/* The user and CSRF token of a live session (strings in a).
 * TL_ERR_NOTFOUND for an unknown or expired token. */
int tl_store_session_get(tl_store *st, const char *token_hash, int64_t now, tl_arena *a,
			 struct tl_user *u, const char **csrf);
void tl_store_session_delete(tl_store *st, const char *token_hash);
/* End every session of an account (its password changed). */
int tl_store_session_delete_user(tl_store *st, int64_t user_id, tl_errors *errs);

/* ---- Audit trail -------------------------------------------------------- */

struct tl_audit {
	int64_t id;
	const char *at;     /* UTC, ISO 8601 */
	const char *user;
	const char *action; /* "edit", "import", "publish", "user-add", "login" … */
	const char *entity; /* "chapter", "observations", "report", "user" */
	const char *key;    /* which one: a slug, a file name */
	const char *before; /* JSON text or NULL */
	const char *after;
};

/* Append one entry (inside the caller's transaction). */
int tl_store_audit_add(tl_store *st, const char *user, const char *action, const char *entity,
		       const char *key, const char *before, const char *after, tl_errors *errs);
/* Newest first: entries [offset, offset + limit), into a; *total is the count
 * of all entries. */
int tl_store_audit_list(tl_store *st, long offset, long limit, tl_arena *a, struct tl_audit **out,
			size_t *n, long *total);

/* ---- Edits -------------------------------------------------------------- */

/* A chapter's Markdown as stored now, copied into a.  TL_ERR_NOTFOUND for
 * an unknown slug. */
int tl_store_chapter_get_text(tl_store *st, const char *slug, tl_arena *a, const char **markdown);
/* Replace a chapter's Markdown.  TL_ERR_NOTFOUND for an unknown slug. */
int tl_store_chapter_set_text(tl_store *st, const char *slug, const char *markdown,
			      tl_errors *errs);

/* ---- Report content added from the editor ------------------------------
 * Each appends after the existing entries (position = last + 1) inside the
 * caller's transaction; references (instrument, target, theme, region) are
 * checked by the database's foreign keys and by the caller against the
 * model. */
int tl_store_story_add(tl_store *st, const struct tl_story *y, tl_errors *errs);
int tl_store_progress_add(tl_store *st, const char *target, const struct tl_target_entry *e,
			  tl_errors *errs);
int tl_store_grant_add(tl_store *st, const struct tl_grant *g, tl_errors *errs);
int tl_store_next_step_add(tl_store *st, const struct tl_next_step *n, tl_errors *errs);

/* ---- Version-checked edits and deletes ----------------------------------
 * Every item the editor changes carries a version (schema migration 9): the
 * value of one store-wide counter when it was last added or edited (0 = as
 * imported).  A get returns the item as stored now with its version; an
 * update or delete names the version the caller's form was loaded at and
 * succeeds only if the item is still at it, in one statement, so two
 * writers (threads or processes) can never both win.  Returns TL_OK (with
 * *new_version set by updates), TL_ERR_CONFLICT when the item has moved on
 * (nothing written: read it again to show both), TL_ERR_NOTFOUND when it
 * is gone.  Inside the caller's transaction, like the audit row that goes
 * with it.  Strings of a get live in a. */

int tl_store_chapter_get(tl_store *st, const char *slug, tl_arena *a, const char **markdown,
			 int64_t *version);
int tl_store_chapter_update(tl_store *st, const char *slug, const char *markdown,
			    int64_t version, int64_t *new_version, tl_errors *errs);

/* A story's own fields, its people, goals and instruments (not its path). */
int tl_store_story_get(tl_store *st, const char *slug, tl_arena *a, struct tl_story *y,
		       int64_t *version);
/* Title, kicker, lead, place, municipality, date, published and markdown of
 * the story y->slug, and its people, goals and instrument links (replaced
 * by y's). */
int tl_store_story_update(tl_store *st, const struct tl_story *y, int64_t version,
			  int64_t *new_version, tl_errors *errs);
/* The story with its people, goals and instrument links. */
int tl_store_story_delete(tl_store *st, const char *slug, int64_t version, tl_errors *errs);

/* Grants are keyed by their instrument and position there. */
int tl_store_grant_get(tl_store *st, const char *instrument, int position, tl_arena *a,
		       struct tl_grant *g, int64_t *version);
/* Recipient, project, municipality, year, amount, note and goals (g's
 * goals replace the stored ones). */
int tl_store_grant_update(tl_store *st, int position, const struct tl_grant *g, int64_t version,
			  int64_t *new_version, tl_errors *errs);
int tl_store_grant_delete(tl_store *st, const char *instrument, int position, int64_t version,
			  tl_errors *errs);

/* Progress entries are keyed by their target and position there. */
int tl_store_progress_get(tl_store *st, const char *target, int position, tl_arena *a,
			  struct tl_target_entry *e, int64_t *version);
int tl_store_progress_update(tl_store *st, const char *target, int position,
			     const struct tl_target_entry *e, int64_t version, int64_t *new_version,
			     tl_errors *errs);
int tl_store_progress_delete(tl_store *st, const char *target, int position, int64_t version,
			     tl_errors *errs);

/* Next steps are keyed by their position (n->position). */
int tl_store_next_step_get(tl_store *st, int position, tl_arena *a, struct tl_next_step *n,
			   int64_t *version);
/* Theme, year, status and text (slug and outcome kept). */
int tl_store_next_step_update(tl_store *st, const struct tl_next_step *n, int64_t version,
			      int64_t *new_version, tl_errors *errs);
int tl_store_next_step_delete(tl_store *st, int position, int64_t version, tl_errors *errs);

/* An instrument by slug: name, kind, theme, description, budget, budget
 * note, period, whether it is in the agenda, its source, partners,
 * municipalities, goals and stated totals (not its grants). */
int tl_store_instrument_get(tl_store *st, const char *slug, tl_arena *a, struct tl_instrument *in,
			    int64_t *version);
/* Name, kind, theme, description, budget, budget note, period, and
 * partners, municipalities and goals (replaced by in's) of the instrument
 * in->slug. */
int tl_store_instrument_update(tl_store *st, const struct tl_instrument *in, int64_t version,
			       int64_t *new_version, tl_errors *errs);
/* Whether the instrument in->slug is in the agenda, and its source.  Call
 * it in the transaction of tl_store_instrument_update, after that has
 * checked and bumped the version. */
int tl_store_instrument_origin_update(tl_store *st, const struct tl_instrument *in, tl_errors *errs);
/* A new instrument in->slug (after the others, in the agenda when
 * in->in_agenda, with its stated totals; its grants are not written).  The
 * caller picks a free slug. */
int tl_store_instrument_add(tl_store *st, const struct tl_instrument *in, tl_errors *errs);
/* Delete an instrument with its partners, municipalities, goals and stated
 * totals.  TL_ERR_INPUT (naming how many) while grants, targets or stories
 * still point at it: those are edited on their own pages and would be
 * lost or left dangling. */
int tl_store_instrument_delete(tl_store *st, const char *slug, int64_t version, tl_errors *errs);

/* A target by slug: title, theme, instrument, unit, polarity, baseline and
 * its date, target value, deadline and goals (not its text or progress). */
int tl_store_target_get(tl_store *st, const char *slug, tl_arena *a, struct tl_target *t,
			int64_t *version);
/* Title, theme, instrument, unit, polarity, baseline and its date, target
 * value, deadline and goals (replaced by t's) of the target t->slug. */
int tl_store_target_update(tl_store *st, const struct tl_target *t, int64_t version,
			   int64_t *new_version, tl_errors *errs);
/* A new target t->slug, after the others (its progress is not written). */
int tl_store_target_add(tl_store *st, const struct tl_target *t, tl_errors *errs);
/* Delete a target with its goals.  TL_ERR_INPUT while it has progress
 * entries (each is deleted on its own page first). */
int tl_store_target_delete(tl_store *st, const char *slug, int64_t version, tl_errors *errs);

/* ---- Published snapshots ------------------------------------------------ */

/* Start a publication; returns its id. */
int tl_store_publication_begin(tl_store *st, const char *user, const char *note,
			       const char *digest, int64_t *id, tl_errors *errs);
int tl_store_publication_put(tl_store *st, int64_t id, const char *path, const void *data,
			     size_t len, tl_errors *errs);
/* The newest publication's id (0 when nothing was ever published). */
int64_t tl_store_publication_latest(tl_store *st);
/* When publication id was made (UTC, ISO 8601, into a).  TL_ERR_NOTFOUND
 * when there is none. */
int tl_store_publication_at(tl_store *st, int64_t id, tl_arena *a, const char **at);
/* 1 when publication id has a file at path, else 0. */
int tl_store_publication_has(tl_store *st, int64_t id, const char *path);
/* One file of a publication, copied into a.  TL_ERR_NOTFOUND when absent. */
int tl_store_publication_get(tl_store *st, int64_t id, const char *path, tl_arena *a, char **data,
			     size_t *len);

/* A number that moves when another connection commits a data change
 * (tl_sql_data_version; login sessions do not count). */
int64_t tl_store_data_version(tl_store *st);

#endif
