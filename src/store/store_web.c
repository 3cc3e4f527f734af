/*
 * store_web — accounts, sessions, audit, edits and publications in the
 * store (see store_web.h), through the sql.h seam.  Statements are prepared per call: these are rare
 * compared with page views, which never reach the store.
 */
#include "store_web.h"

#include <stdio.h>
#include <string.h>

#include "../core/arena.h"
#include "store_internal.h"

static int fail(tl_store *st, tl_errors *errs, const char *what)
{
	tl_errors_add(errs, tl_store_uri(st), 0, 0, NULL, "store: %s: %s", what,
		      tl_sql_errmsg(tl_store_sql(st)));
	return TL_ERR_STORE;
}

static tl_sql_stmt *prep(tl_store *st, const char *sql)
{
	return tl_sql_prepare(tl_store_sql(st), sql);
}

/* Step a one-shot statement to completion and finalize it. */
static int done(tl_store *st, tl_sql_stmt *s, tl_errors *errs, const char *what)
{
	if (!s)
		return fail(st, errs, what);
	int rc = tl_sql_step(s);
	tl_sql_finalize(s);
	if (rc != TL_SQL_DONE)
		return fail(st, errs, what);
	return TL_OK;
}

static long count(tl_store *st, const char *sql);
static int stamp(tl_store *st, const char *sql, const char *key, int64_t ikey, tl_errors *errs);

static int valid_role(const char *r)
{
	return r && (!strcmp(r, "admin") || !strcmp(r, "editor") || !strcmp(r, "partner") ||
		     !strcmp(r, "viewer"));
}

/* ---- Accounts ----------------------------------------------------------- */

int tl_store_user_add(tl_store *st, const char *name, const char *pwhash, const char *role,
		      const char *organisation, tl_errors *errs)
{
	if (!valid_role(role)) {
		tl_errors_add(errs, NULL, 0, 0, "role", "unknown role \"%s\" (admin, editor, partner, viewer)",
			      role ? role : "");
		return TL_ERR_INPUT;
	}
	int partner = !strcmp(role, "partner");
	if (partner && (!organisation || !*organisation)) {
		tl_errors_add(errs, NULL, 0, 0, "organisation", "a partner account needs its organisation");
		return TL_ERR_INPUT;
	}
	/* DO NOTHING rather than a failed insert: on PostgreSQL a failed
	 * statement would end the caller's transaction. */
	tl_sql_stmt *s = prep(st, "INSERT INTO app_user (name, pwhash, role, organisation, created)"
				   " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (name) DO NOTHING");
	if (!s)
		return fail(st, errs, "user");
	char now[21];
	tl_sql_now(now);
	tl_sql_bind_text(s, 1, name);
	tl_sql_bind_text(s, 2, pwhash);
	tl_sql_bind_text(s, 3, role);
	tl_sql_bind_text(s, 4, partner ? organisation : NULL);
	tl_sql_bind_text(s, 5, now);
	int rc = tl_sql_step(s);
	tl_sql_finalize(s);
	if (rc == TL_SQL_CONSTRAINT || (rc == TL_SQL_DONE && tl_sql_changes(tl_store_sql(st)) == 0)) {
		tl_errors_add(errs, NULL, 0, 0, "name", "there is already an account named \"%s\"", name);
		return TL_ERR_INPUT;
	}
	if (rc != TL_SQL_DONE)
		return fail(st, errs, "user");
	/* Ids of deleted accounts may be given again: the version tells a
	 * new account from the old one. */
	return stamp(st, "UPDATE app_user SET version = ?1 WHERE name = ?2", name, 0, errs);
}

static void read_user(tl_sql_stmt *s, int col, tl_arena *a, struct tl_user *u)
{
	u->id = tl_sql_col_int(s, col);
	u->name = col_text(a, s, col + 1);
	u->role = col_text(a, s, col + 2);
	u->organisation = col_text(a, s, col + 3);
}

int tl_store_user_get(tl_store *st, const char *name, tl_arena *a, struct tl_user *u,
		      const char **pwhash)
{
	tl_sql_stmt *s = prep(st, "SELECT id, name, role, organisation, pwhash FROM app_user WHERE name = ?1");
	if (!s)
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, name);
	int rc = TL_ERR_NOTFOUND;
	if (tl_sql_step(s) == TL_SQL_ROW) {
		read_user(s, 0, a, u);
		if (pwhash)
			*pwhash = col_text(a, s, 4);
		rc = TL_OK;
	}
	tl_sql_finalize(s);
	return rc;
}

int tl_store_user_list(tl_store *st, tl_arena *a, struct tl_user **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	long total = tl_store_user_count(st);
	if (total < 0)
		return TL_ERR_STORE;
	tl_sql_stmt *s = prep(st, "SELECT id, name, role, organisation FROM app_user ORDER BY name");
	if (!s)
		return TL_ERR_STORE;
	struct tl_user *us = TL_NEW_ARRAY(a, struct tl_user, (size_t)total + 1);
	size_t k = 0;
	while (k < (size_t)total && tl_sql_step(s) == TL_SQL_ROW)
		read_user(s, 0, a, &us[k++]);
	tl_sql_finalize(s);
	*out = us;
	*n = k;
	return TL_OK;
}

static long count(tl_store *st, const char *sql)
{
	tl_sql_stmt *s = prep(st, sql);
	long n = -1;
	if (s && tl_sql_step(s) == TL_SQL_ROW)
		n = (long)tl_sql_col_int(s, 0);
	tl_sql_finalize(s);
	return n;
}

long tl_store_user_count(tl_store *st)
{
	return count(st, "SELECT count(*) FROM app_user");
}

static int next_version(tl_store *st, int64_t *v, tl_errors *errs);

/* The row a versioned write names (see "Version-checked edits" below). */
struct row {
	const char *what;   /* "grant", for messages */
	const char *exists; /* SELECT 1 … by the key alone */
	const char *text;   /* text key (?1), or NULL */
	int64_t num;        /* integer key (?1, or ?2 after a text key), if has_num */
	int has_num;
};
static tl_sql_stmt *row_stmt(tl_store *st, const char *sql, const struct row *r);
static int row_write(tl_store *st, tl_sql_stmt *s, const struct row *r, tl_errors *errs);
static int row_delete(tl_store *st, const char *sql, const struct row *r, int64_t version,
		      tl_errors *errs);

int tl_store_user_get_id(tl_store *st, int64_t id, tl_arena *a, struct tl_user *u,
			 int64_t *version)
{
	tl_sql_stmt *s = prep(st, "SELECT id, name, role, organisation, version FROM app_user WHERE id = ?1");
	if (!s)
		return TL_ERR_STORE;
	tl_sql_bind_int(s, 1, id);
	int rc = TL_ERR_NOTFOUND;
	if (tl_sql_step(s) == TL_SQL_ROW) {
		read_user(s, 0, a, u);
		*version = tl_sql_col_int(s, 4);
		rc = TL_OK;
	}
	tl_sql_finalize(s);
	return rc;
}

/* Would the account `id` stop being an admin leave the store without one? */
static int last_admin(tl_store *st, int64_t id)
{
	tl_sql_stmt *s = prep(st, "SELECT (SELECT count(*) FROM app_user WHERE role = 'admin' AND id <> ?1),"
				   " (SELECT count(*) FROM app_user WHERE role = 'admin' AND id = ?1)");
	int last = 0;
	if (s) {
		tl_sql_bind_int(s, 1, id);
		if (tl_sql_step(s) == TL_SQL_ROW)
			last = tl_sql_col_int(s, 0) == 0 && tl_sql_col_int(s, 1) > 0;
		tl_sql_finalize(s);
	}
	return last;
}

static struct row user_row(int64_t id)
{
	return (struct row){"user", "SELECT 1 FROM app_user WHERE id = ?1", NULL, id, 1};
}

int tl_store_user_update(tl_store *st, int64_t id, const char *role, const char *organisation,
			 const char *pwhash, int64_t version, int64_t *new_version, tl_errors *errs)
{
	if (!valid_role(role)) {
		tl_errors_add(errs, NULL, 0, 0, "role", "unknown role \"%s\" (admin, editor, partner, viewer)",
			      role ? role : "");
		return TL_ERR_INPUT;
	}
	int partner = !strcmp(role, "partner");
	if (partner && (!organisation || !*organisation)) {
		tl_errors_add(errs, NULL, 0, 0, "organisation", "a partner account needs its organisation");
		return TL_ERR_INPUT;
	}
	if (strcmp(role, "admin") != 0 && last_admin(st, id)) {
		tl_errors_add(errs, NULL, 0, 0, "role", "this is the last admin account");
		return TL_ERR_INPUT;
	}
	if (next_version(st, new_version, errs))
		return TL_ERR_STORE;
	struct row r = user_row(id);
	tl_sql_stmt *s = row_stmt(st, "UPDATE app_user SET role = ?2, organisation = ?3,"
				       " pwhash = coalesce(?4, pwhash), version = ?5 WHERE id = ?1 AND version = ?6", &r);
	if (s) {
		tl_sql_bind_text(s, 2, role);
		tl_sql_bind_text(s, 3, partner ? organisation : NULL);
		tl_sql_bind_text(s, 4, pwhash);
		tl_sql_bind_int(s, 5, *new_version);
		tl_sql_bind_int(s, 6, version);
	}
	return row_write(st, s, &r, errs);
}

int tl_store_user_delete(tl_store *st, int64_t id, int64_t version, tl_errors *errs)
{
	if (last_admin(st, id)) {
		tl_errors_add(errs, NULL, 0, 0, NULL, "this is the last admin account");
		return TL_ERR_INPUT;
	}
	/* Its sessions go with it (ON DELETE CASCADE). */
	struct row r = user_row(id);
	return row_delete(st, "DELETE FROM app_user WHERE id = ?1 AND version = ?2", &r, version, errs);
}

/* ---- Sessions -----------------------------------------------------------
 * Session rows are not report data: their writes are bookkeeping for the
 * change counter (tl_sql_bookkeeping), so that a login or logout through one
 * telling serve does not make the others on the store reload the report. */

int tl_store_session_put(tl_store *st, const char *token_hash, int64_t user_id, const char *csrf,
			 int64_t expires, int64_t now, tl_errors *errs)
{
	tl_sql_bookkeeping(tl_store_sql(st), 1);
	tl_sql_stmt *s = prep(st, "DELETE FROM session WHERE expires <= ?1");
	if (s)
		tl_sql_bind_int(s, 1, now);
	int rc = done(st, s, errs, "session");
	if (!rc) {
		s = prep(st, "INSERT INTO session (token_hash, user_id, csrf, expires) VALUES (?1, ?2, ?3, ?4)");
		if (s) {
			tl_sql_bind_text(s, 1, token_hash);
			tl_sql_bind_int(s, 2, user_id);
			tl_sql_bind_text(s, 3, csrf);
			tl_sql_bind_int(s, 4, expires);
		}
		rc = done(st, s, errs, "session");
	}
	tl_sql_bookkeeping(tl_store_sql(st), 0);
	return rc;
}

int tl_store_session_get(tl_store *st, const char *token_hash, int64_t now, tl_arena *a,
			 struct tl_user *u, const char **csrf)
{
	tl_sql_stmt *s = prep(st, "SELECT u.id, u.name, u.role, u.organisation, s.csrf"
				   " FROM session s JOIN app_user u ON u.id = s.user_id"
				   " WHERE s.token_hash = ?1 AND s.expires > ?2");
	if (!s)
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, token_hash);
	tl_sql_bind_int(s, 2, now);
	int rc = TL_ERR_NOTFOUND;
	if (tl_sql_step(s) == TL_SQL_ROW) {
		read_user(s, 0, a, u);
		*csrf = col_text(a, s, 4);
		rc = TL_OK;
	}
	tl_sql_finalize(s);
	return rc;
}

void tl_store_session_delete(tl_store *st, const char *token_hash)
{
	tl_sql_stmt *s = prep(st, "DELETE FROM session WHERE token_hash = ?1");
	if (!s)
		return;
	tl_sql_bind_text(s, 1, token_hash);
	tl_sql_bookkeeping(tl_store_sql(st), 1);
	tl_sql_step(s);
	tl_sql_bookkeeping(tl_store_sql(st), 0);
	tl_sql_finalize(s);
}

int tl_store_session_delete_user(tl_store *st, int64_t user_id, tl_errors *errs)
{
	tl_sql_stmt *s = prep(st, "DELETE FROM session WHERE user_id = ?1");
	if (s)
		tl_sql_bind_int(s, 1, user_id);
	tl_sql_bookkeeping(tl_store_sql(st), 1);
	int rc = done(st, s, errs, "session");
	tl_sql_bookkeeping(tl_store_sql(st), 0);
	return rc;
}

/* ---- Audit trail -------------------------------------------------------- */

int tl_store_audit_add(tl_store *st, const char *user, const char *action, const char *entity,
		       const char *key, const char *before, const char *after, tl_errors *errs)
{
	tl_sql_stmt *s = prep(st, "INSERT INTO audit (at, user_name, action, entity, entity_key, before, after)"
				   " VALUES (?7, ?1, ?2, ?3, ?4, ?5, ?6)");
	if (s) {
		char now[21];
		tl_sql_now(now);
		tl_sql_bind_text(s, 7, now);
		tl_sql_bind_text(s, 1, user);
		tl_sql_bind_text(s, 2, action);
		tl_sql_bind_text(s, 3, entity);
		tl_sql_bind_text(s, 4, key);
		tl_sql_bind_text(s, 5, before);
		tl_sql_bind_text(s, 6, after);
	}
	return done(st, s, errs, "audit");
}

int tl_store_audit_list(tl_store *st, long offset, long limit, tl_arena *a, struct tl_audit **out,
			size_t *n, long *total)
{
	*out = NULL;
	*n = 0;
	*total = count(st, "SELECT count(*) FROM audit");
	if (*total < 0)
		return TL_ERR_STORE;
	if (limit <= 0 || offset < 0)
		return TL_OK;
	tl_sql_stmt *s = prep(st, "SELECT id, at, user_name, action, entity, entity_key, before, after"
				   " FROM audit ORDER BY id DESC LIMIT ?1 OFFSET ?2");
	if (!s)
		return TL_ERR_STORE;
	tl_sql_bind_int(s, 1, limit);
	tl_sql_bind_int(s, 2, offset);
	struct tl_audit *v = TL_NEW_ARRAY(a, struct tl_audit, (size_t)limit);
	size_t k = 0;
	while (k < (size_t)limit && tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_audit *e = &v[k++];
		e->id = tl_sql_col_int(s, 0);
		e->at = col_text(a, s, 1);
		e->user = col_text(a, s, 2);
		e->action = col_text(a, s, 3);
		e->entity = col_text(a, s, 4);
		e->key = col_text(a, s, 5);
		e->before = col_text(a, s, 6);
		e->after = col_text(a, s, 7);
	}
	tl_sql_finalize(s);
	*out = v;
	*n = k;
	return TL_OK;
}

/* ---- Edits -------------------------------------------------------------- */

int tl_store_chapter_get_text(tl_store *st, const char *slug, tl_arena *a, const char **markdown)
{
	tl_sql_stmt *s = prep(st, "SELECT markdown FROM chapter WHERE slug = ?1");
	if (!s)
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, slug);
	int rc = TL_ERR_NOTFOUND;
	if (tl_sql_step(s) == TL_SQL_ROW) {
		*markdown = col_text(a, s, 0);
		rc = TL_OK;
	}
	tl_sql_finalize(s);
	return rc;
}

int tl_store_chapter_set_text(tl_store *st, const char *slug, const char *markdown,
			      tl_errors *errs)
{
	tl_sql_stmt *s = prep(st, "UPDATE chapter SET markdown = ?2 WHERE slug = ?1");
	if (!s)
		return fail(st, errs, "chapter");
	tl_sql_bind_text(s, 1, slug);
	tl_sql_bind_text(s, 2, markdown);
	int rc = tl_sql_step(s);
	tl_sql_finalize(s);
	if (rc != TL_SQL_DONE)
		return fail(st, errs, "chapter");
	if (tl_sql_changes(tl_store_sql(st)) == 0) {
		tl_errors_add(errs, NULL, 0, 0, "chapter", "no chapter \"%s\"", slug);
		return TL_ERR_NOTFOUND;
	}
	return TL_OK;
}

/* ---- Report content added from the editor ------------------------------ */

static int next_position(tl_store *st, const char *sql)
{
	long n = count(st, sql);
	return n < 0 ? 0 : (int)n;
}

/* The next value of the store-wide edit counter (migration 9), inside the
 * caller's transaction. */
static int next_version(tl_store *st, int64_t *v, tl_errors *errs)
{
	if (done(st, prep(st, "UPDATE edit_counter SET n = n + 1 WHERE id = 1"), errs, "edit counter"))
		return TL_ERR_STORE;
	long n = count(st, "SELECT n FROM edit_counter WHERE id = 1");
	if (n <= 0)
		return fail(st, errs, "edit counter");
	*v = n;
	return TL_OK;
}

/* Give a freshly added row its version: sql has the version as ?1 and the
 * key as ?2 (text) or ?2 (int, when key is NULL). */
static int stamp(tl_store *st, const char *sql, const char *key, int64_t ikey, tl_errors *errs)
{
	int64_t v;
	if (next_version(st, &v, errs))
		return TL_ERR_STORE;
	tl_sql_stmt *s = prep(st, sql);
	if (s) {
		tl_sql_bind_int(s, 1, v);
		if (key)
			tl_sql_bind_text(s, 2, key);
		else
			tl_sql_bind_int(s, 2, ikey);
	}
	return done(st, s, errs, "version");
}

int tl_store_story_add(tl_store *st, const struct tl_story *y, tl_errors *errs)
{
	struct tl_story c = *y;
	c.position = next_position(st, "SELECT coalesce(max(position), 0) + 1 FROM story");
	int rc = tl_store_put_story(st, &c, errs);
	if (!rc)
		rc = stamp(st, "UPDATE story SET version = ?1 WHERE slug = ?2", c.slug, 0, errs);
	return rc;
}

int tl_store_next_step_add(tl_store *st, const struct tl_next_step *n, tl_errors *errs)
{
	struct tl_next_step c = *n;
	c.position = next_position(st, "SELECT coalesce(max(position), 0) + 1 FROM next_step");
	int rc = tl_store_put_next_step(st, &c, errs);
	if (!rc)
		rc = stamp(st, "UPDATE next_step SET version = ?1 WHERE position = ?2", NULL, c.position, errs);
	return rc;
}

int tl_store_progress_add(tl_store *st, const char *target, const struct tl_target_entry *e,
			  tl_errors *errs)
{
	char date[11];
	tl_ymd_text(&e->date, date);
	int64_t v;
	if (next_version(st, &v, errs))
		return TL_ERR_STORE;
	tl_sql_stmt *s = prep(st, "INSERT INTO target_progress (target, position, date, value, source, note,"
				   " version) VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM target_progress"
				   " WHERE target = ?1), ?2, ?3, ?4, ?5, ?6)");
	if (s) {
		tl_sql_bind_text(s, 1, target);
		tl_sql_bind_text(s, 2, date);
		tl_sql_bind_double(s, 3, e->value);
		tl_sql_bind_text(s, 4, e->source);
		tl_sql_bind_text(s, 5, e->note);
		tl_sql_bind_int(s, 6, v);
	}
	return done(st, s, errs, "target progress");
}

/* Replace a grant's goal links; position -1 = the grant added last. */
static int put_grant_goals(tl_store *st, const char *instrument, int position, const int *goals, size_t n,
			   tl_errors *errs)
{
	if (position < 0) {
		tl_sql_stmt *q = prep(st, "SELECT max(position) FROM award WHERE instrument = ?1");
		if (!q)
			return fail(st, errs, "grant goals");
		tl_sql_bind_text(q, 1, instrument);
		if (tl_sql_step(q) == TL_SQL_ROW)
			position = (int)tl_sql_col_int(q, 0);
		tl_sql_finalize(q);
	}
	tl_sql_stmt *s = prep(st, "DELETE FROM award_goal WHERE instrument = ?1 AND position = ?2");
	if (s) {
		tl_sql_bind_text(s, 1, instrument);
		tl_sql_bind_int(s, 2, position);
	}
	if (done(st, s, errs, "grant goals"))
		return TL_ERR_STORE;
	for (size_t i = 0; i < n; i++) {
		s = prep(st, "INSERT INTO award_goal (instrument, position, goal) VALUES (?1, ?2, ?3)");
		if (s) {
			tl_sql_bind_text(s, 1, instrument);
			tl_sql_bind_int(s, 2, position);
			tl_sql_bind_int(s, 3, goals[i]);
		}
		if (done(st, s, errs, "grant goal"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_grant_add(tl_store *st, const struct tl_grant *g, tl_errors *errs)
{
	int64_t v;
	if (next_version(st, &v, errs))
		return TL_ERR_STORE;
	tl_sql_stmt *s = prep(st, "INSERT INTO award (instrument, position, recipient, project, region, year,"
				   " amount, note, version) VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM award"
				   " WHERE instrument = ?1), ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
	if (s) {
		tl_sql_bind_int(s, 8, v);
		tl_sql_bind_text(s, 1, g->instrument);
		tl_sql_bind_text(s, 2, g->recipient);
		tl_sql_bind_text(s, 3, g->project);
		tl_sql_bind_text(s, 4, g->municipality);
		tl_sql_bind_int(s, 5, g->year);
		bind_opt_double(s, 6, g->has_amount, g->amount);
		tl_sql_bind_text(s, 7, g->note);
	}
	if (done(st, s, errs, "grant"))
		return TL_ERR_STORE;
	return put_grant_goals(st, g->instrument, -1, g->goals, g->n_goals, errs);
}

/* ---- Version-checked edits and deletes --------------------------------- */

/* Finish a versioned write s (prepared and bound; its WHERE names the key and
 * the expected version).  When it changed no row, exists (the key alone,
 * prepared and bound) says whether the item moved on or is gone.
 * Finalizes both. */
static int versioned(tl_store *st, tl_sql_stmt *s, tl_sql_stmt *exists, const char *what,
		     const char *key, tl_errors *errs)
{
	int rc = TL_ERR_STORE;
	if (s && exists) {
		int step = tl_sql_step(s);
		if (step != TL_SQL_DONE)
			rc = fail(st, errs, what);
		else if (tl_sql_changes(tl_store_sql(st)) > 0)
			rc = TL_OK;
		else if (tl_sql_step(exists) == TL_SQL_ROW) {
			tl_errors_add(errs, NULL, 0, 0, "version", "%s %s changed since it was opened", what, key);
			rc = TL_ERR_CONFLICT;
		} else {
			tl_errors_add(errs, NULL, 0, 0, NULL, "no %s %s", what, key);
			rc = TL_ERR_NOTFOUND;
		}
	} else {
		rc = fail(st, errs, what);
	}
	tl_sql_finalize(s);
	tl_sql_finalize(exists);
	return rc;
}

/* sql prepared with r's key bound (?1, ?2); the caller binds the rest. */
static tl_sql_stmt *row_stmt(tl_store *st, const char *sql, const struct row *r)
{
	tl_sql_stmt *s = prep(st, sql);
	if (s) {
		if (r->text)
			tl_sql_bind_text(s, 1, r->text);
		if (r->has_num)
			tl_sql_bind_int(s, r->text ? 2 : 1, r->num);
	}
	return s;
}

/* Finish the versioned write s on row r (see versioned()). */
static int row_write(tl_store *st, tl_sql_stmt *s, const struct row *r, tl_errors *errs)
{
	char key[160];
	if (r->text && r->has_num)
		snprintf(key, sizeof key, "%s/%lld", r->text, (long long)r->num);
	else if (r->text)
		snprintf(key, sizeof key, "%s", r->text);
	else
		snprintf(key, sizeof key, "%lld", (long long)r->num);
	return versioned(st, s, row_stmt(st, r->exists, r), r->what, key, errs);
}

/* Delete row r if it is still at version: sql's WHERE names the key and
 * the version as the parameter after it. */
static int row_delete(tl_store *st, const char *sql, const struct row *r, int64_t version,
		      tl_errors *errs)
{
	tl_sql_stmt *s = row_stmt(st, sql, r);
	if (s)
		tl_sql_bind_int(s, (r->text != NULL) + r->has_num + 1, version);
	return row_write(st, s, r, errs);
}

/* Read row r into item: sql selects the version first and then the
 * columns read() takes, by r's key (bound as row_stmt binds it).
 * TL_ERR_NOTFOUND when there is no such row. */
typedef void (*row_reader)(tl_sql_stmt *s, tl_arena *a, void *item);

static int row_get(tl_store *st, const char *sql, const struct row *r, row_reader read, tl_arena *a,
		   void *item, int64_t *version)
{
	tl_sql_stmt *s = row_stmt(st, sql, r);
	if (!s)
		return TL_ERR_STORE;
	int rc = TL_ERR_NOTFOUND;
	if (tl_sql_step(s) == TL_SQL_ROW) {
		*version = tl_sql_col_int(s, 0);
		read(s, a, item);
		rc = TL_OK;
	}
	tl_sql_finalize(s);
	return rc;
}

/* A child-list loader's answer as a getter's: errors are the store's. */
static int lists_loaded(int rc, tl_errors *errs)
{
	tl_errors_free(errs);
	return rc ? TL_ERR_STORE : TL_OK;
}

static struct row chapter_row(const char *slug)
{
	return (struct row){"chapter", "SELECT 1 FROM chapter WHERE slug = ?1", slug, 0, 0};
}

static struct row story_row(const char *slug)
{
	return (struct row){"story", "SELECT 1 FROM story WHERE slug = ?1", slug, 0, 0};
}

static struct row grant_row(const char *instrument, int position)
{
	return (struct row){"grant", "SELECT 1 FROM award WHERE instrument = ?1 AND position = ?2", instrument,
			    position, 1};
}

static struct row progress_row(const char *target, int position)
{
	return (struct row){"progress", "SELECT 1 FROM target_progress WHERE target = ?1 AND position = ?2",
			    target, position, 1};
}

static struct row step_row(int position)
{
	return (struct row){"next step", "SELECT 1 FROM next_step WHERE position = ?1", NULL, position, 1};
}

/* ---- Instruments, targets and a story's lists ---------------------------- */

/* Empty a child list: del names the owner as ?1. */
static int clear_list(tl_store *st, const char *del, const char *key, tl_errors *errs)
{
	tl_sql_stmt *s = prep(st, del);
	if (s)
		tl_sql_bind_text(s, 1, key);
	return done(st, s, errs, "list");
}

static struct row instrument_row(const char *slug)
{
	return (struct row){"instrument", "SELECT 1 FROM instrument WHERE slug = ?1", slug, 0, 0};
}

static struct row target_row(const char *slug)
{
	return (struct row){"target", "SELECT 1 FROM target WHERE slug = ?1", slug, 0, 0};
}

static void read_instrument(tl_sql_stmt *s, tl_arena *a, void *item)
{
	struct tl_instrument *in = item;
	in->slug = col_text(a, s, 1);
	in->name = col_text(a, s, 2);
	in->kind = col_text(a, s, 3);
	in->theme = col_text(a, s, 4);
	in->has_budget = col_opt_double(s, 5, &in->budget);
	in->budget_note = col_text(a, s, 6);
	in->start_year = (int)tl_sql_col_int(s, 7);
	in->end_year = (int)tl_sql_col_int(s, 8);
	in->description = col_text(a, s, 9);
	in->in_agenda = (int)tl_sql_col_int(s, 10);
	in->source = col_text(a, s, 11);
}

int tl_store_instrument_get(tl_store *st, const char *slug, tl_arena *a, struct tl_instrument *in,
			    int64_t *version)
{
	memset(in, 0, sizeof *in);
	struct row r = instrument_row(slug);
	int rc = row_get(st, "SELECT version, slug, name, kind, theme, budget, budget_note, start_year, end_year,"
			     " description, in_agenda, source FROM instrument WHERE slug = ?1", &r, read_instrument, a, in, version);
	if (rc)
		return rc;
	tl_errors errs = TL_ERRORS_INIT;
	return lists_loaded(tl_store_load_instrument_lists(st, a, in, &errs), &errs);
}

int tl_store_instrument_update(tl_store *st, const struct tl_instrument *in, int64_t version,
			       int64_t *new_version, tl_errors *errs)
{
	if (next_version(st, new_version, errs))
		return TL_ERR_STORE;
	struct row r = instrument_row(in->slug);
	tl_sql_stmt *s = row_stmt(st, "UPDATE instrument SET name = ?2, budget = ?3, budget_note = ?4,"
				       " start_year = ?5, end_year = ?6, version = ?7, kind = ?9, theme = ?10,"
				       " description = ?11 WHERE slug = ?1 AND version = ?8", &r);
	if (s) {
		tl_sql_bind_text(s, 2, in->name);
		bind_opt_double(s, 3, in->has_budget, in->budget);
		tl_sql_bind_text(s, 4, in->budget_note);
		tl_sql_bind_int(s, 5, in->start_year);
		tl_sql_bind_int(s, 6, in->end_year);
		tl_sql_bind_int(s, 7, *new_version);
		tl_sql_bind_int(s, 8, version);
		tl_sql_bind_text(s, 9, in->kind);
		tl_sql_bind_text(s, 10, in->theme);
		tl_sql_bind_text(s, 11, in->description);
	}
	int rc = row_write(st, s, &r, errs);
	if (rc || clear_list(st, "DELETE FROM instrument_partner WHERE instrument = ?1", in->slug, errs) ||
	    clear_list(st, "DELETE FROM instrument_region WHERE instrument = ?1", in->slug, errs) ||
	    clear_list(st, "DELETE FROM instrument_goal WHERE instrument = ?1", in->slug, errs) ||
	    clear_list(st, "DELETE FROM stated_total WHERE instrument = ?1", in->slug, errs) ||
	    tl_store_put_instrument_lists(st, in, errs))
		return rc ? rc : TL_ERR_STORE;
	return TL_OK;
}

int tl_store_instrument_origin_update(tl_store *st, const struct tl_instrument *in, tl_errors *errs)
{
	tl_sql_stmt *s = prep(st, "UPDATE instrument SET in_agenda = ?2, source = ?3 WHERE slug = ?1");
	if (s) {
		tl_sql_bind_text(s, 1, in->slug);
		tl_sql_bind_int(s, 2, in->in_agenda ? 1 : 0);
		tl_sql_bind_text(s, 3, in->source);
	}
	return done(st, s, errs, "instrument");
}

static void read_target(tl_sql_stmt *s, tl_arena *a, void *item)
{
	struct tl_target *t = item;
	t->slug = col_text(a, s, 1);
	t->title = col_text(a, s, 2);
	t->instrument = col_text(a, s, 3);
	t->unit = col_text(a, s, 4);
	t->has_baseline = col_opt_double(s, 5, &t->baseline);
	t->baseline_date = col_ymd(s, 6);
	t->has_target = col_opt_double(s, 7, &t->target);
	t->deadline = col_ymd(s, 8);
	t->theme = col_text(a, s, 9);
	const char *pol = tl_sql_col_text(s, 10);
	if (!pol || tl_polarity_parse(pol, &t->polarity))
		t->polarity = TL_POLARITY_NEUTRAL;
	t->text = col_text(a, s, 11);
	t->source = col_text(a, s, 12);
	t->decimals = (int)tl_sql_col_int(s, 13);
}

int tl_store_target_get(tl_store *st, const char *slug, tl_arena *a, struct tl_target *t,
			int64_t *version)
{
	memset(t, 0, sizeof *t);
	struct row r = target_row(slug);
	int rc = row_get(st, "SELECT version, slug, title, instrument, unit, baseline, baseline_date, target, deadline,"
			     " theme, polarity, text, source, decimals FROM target WHERE slug = ?1", &r, read_target, a, t, version);
	if (rc)
		return rc;
	tl_errors errs = TL_ERRORS_INIT;
	return lists_loaded(tl_store_load_target_lists(st, a, t, &errs), &errs);
}

int tl_store_target_update(tl_store *st, const struct tl_target *t, int64_t version,
			   int64_t *new_version, tl_errors *errs)
{
	if (next_version(st, new_version, errs))
		return TL_ERR_STORE;
	struct row r = target_row(t->slug);
	tl_sql_stmt *s = row_stmt(st, "UPDATE target SET title = ?2, unit = ?3, baseline = ?4, baseline_date = ?5,"
				       " target = ?6, deadline = ?7, version = ?8, theme = ?10, instrument = ?11,"
				       " polarity = ?12, text = ?13, source = ?14, decimals = ?15"
				       " WHERE slug = ?1 AND version = ?9", &r);
	if (s) {
		tl_sql_bind_text(s, 2, t->title);
		tl_sql_bind_text(s, 3, t->unit);
		bind_opt_double(s, 4, t->has_baseline, t->baseline);
		bind_ymd(s, 5, &t->baseline_date);
		bind_opt_double(s, 6, t->has_target, t->target);
		bind_ymd(s, 7, &t->deadline);
		tl_sql_bind_int(s, 8, *new_version);
		tl_sql_bind_int(s, 9, version);
		tl_sql_bind_text(s, 10, t->theme);
		tl_sql_bind_text(s, 11, t->instrument);
		tl_sql_bind_text(s, 12, tl_polarity_name(t->polarity));
		tl_sql_bind_text(s, 13, t->text);
		tl_sql_bind_text(s, 14, t->source);
		tl_sql_bind_int(s, 15, t->decimals);
	}
	int rc = row_write(st, s, &r, errs);
	if (rc || clear_list(st, "DELETE FROM target_goal WHERE target = ?1", t->slug, errs) ||
	    tl_store_put_goal_list(st, "INSERT INTO target_goal (target, goal) VALUES (?1, ?2)", t->slug, t->goals,
				   t->n_goals, errs))
		return rc ? rc : TL_ERR_STORE;
	return TL_OK;
}

/* Items that point at an instrument or target and are edited on their own
 * pages: deleting it would take them along or leave them dangling, so the
 * delete is refused, naming how many there are.  sqls[i] counts the
 * rows of kind names[i] with ?1 = slug. */
static int refuse_if_used(tl_store *st, const char *slug, const char *const *sqls, const char *const *names,
			  size_t n, tl_errors *errs)
{
	char what[200] = "";
	size_t len = 0;
	for (size_t i = 0; i < n; i++) {
		tl_sql_stmt *s = prep(st, sqls[i]);
		if (!s)
			return fail(st, errs, "references");
		tl_sql_bind_text(s, 1, slug);
		long c = tl_sql_step(s) == TL_SQL_ROW ? (long)tl_sql_col_int(s, 0) : 0;
		tl_sql_finalize(s);
		if (c > 0 && len < sizeof what)
			len += (size_t)snprintf(what + len, sizeof what - len, "%s%ld %s", len ? ", " : "", c, names[i]);
	}
	if (!len)
		return TL_OK;
	tl_errors_add(errs, NULL, 0, 0, NULL, "%s", what);
	return TL_ERR_INPUT;
}

int tl_store_instrument_add(tl_store *st, const struct tl_instrument *in, tl_errors *errs)
{
	struct tl_instrument c = *in;
	c.position = next_position(st, "SELECT coalesce(max(position), 0) + 1 FROM instrument");
	c.n_grants = 0;
	int rc = tl_store_put_instrument(st, &c, errs);
	if (!rc)
		rc = stamp(st, "UPDATE instrument SET version = ?1 WHERE slug = ?2", c.slug, 0, errs);
	return rc;
}

int tl_store_instrument_delete(tl_store *st, const char *slug, int64_t version, tl_errors *errs)
{
	static const char *const sqls[] = {"SELECT count(*) FROM award WHERE instrument = ?1",
					   "SELECT count(*) FROM target WHERE instrument = ?1",
					   "SELECT count(*) FROM story_instrument WHERE instrument = ?1"};
	static const char *const names[] = {"grant(s)", "target(s)", "story link(s)"};
	int rc = refuse_if_used(st, slug, sqls, names, 3, errs);
	if (rc)
		return rc;
	/* Its partners, municipalities, goals and stated totals go with it
	 * (ON DELETE CASCADE). */
	struct row r = instrument_row(slug);
	return row_delete(st, "DELETE FROM instrument WHERE slug = ?1 AND version = ?2", &r, version, errs);
}

int tl_store_target_add(tl_store *st, const struct tl_target *t, tl_errors *errs)
{
	struct tl_target c = *t;
	c.position = next_position(st, "SELECT coalesce(max(position), 0) + 1 FROM target");
	c.n_progress = 0;
	int rc = tl_store_put_target(st, &c, errs);
	if (!rc)
		rc = stamp(st, "UPDATE target SET version = ?1 WHERE slug = ?2", c.slug, 0, errs);
	return rc;
}

int tl_store_target_delete(tl_store *st, const char *slug, int64_t version, tl_errors *errs)
{
	static const char *const sqls[] = {"SELECT count(*) FROM target_progress WHERE target = ?1"};
	static const char *const names[] = {"progress entr(y/ies)"};
	int rc = refuse_if_used(st, slug, sqls, names, 1, errs);
	if (rc)
		return rc;
	struct row r = target_row(slug);
	return row_delete(st, "DELETE FROM target WHERE slug = ?1 AND version = ?2", &r, version, errs);
}

int tl_store_chapter_get(tl_store *st, const char *slug, tl_arena *a, const char **markdown,
			 int64_t *version)
{
	tl_sql_stmt *s = prep(st, "SELECT markdown, version FROM chapter WHERE slug = ?1");
	if (!s)
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, slug);
	int rc = TL_ERR_NOTFOUND;
	if (tl_sql_step(s) == TL_SQL_ROW) {
		*markdown = col_text(a, s, 0);
		*version = tl_sql_col_int(s, 1);
		rc = TL_OK;
	}
	tl_sql_finalize(s);
	return rc;
}

int tl_store_chapter_update(tl_store *st, const char *slug, const char *markdown,
			    int64_t version, int64_t *new_version, tl_errors *errs)
{
	if (next_version(st, new_version, errs))
		return TL_ERR_STORE;
	struct row r = chapter_row(slug);
	tl_sql_stmt *s = row_stmt(st, "UPDATE chapter SET markdown = ?2, version = ?3 WHERE slug = ?1 AND version = ?4", &r);
	if (s) {
		tl_sql_bind_text(s, 2, markdown);
		tl_sql_bind_int(s, 3, *new_version);
		tl_sql_bind_int(s, 4, version);
	}
	return row_write(st, s, &r, errs);
}

static void read_story(tl_sql_stmt *s, tl_arena *a, void *item)
{
	struct tl_story *y = item;
	y->slug = col_text(a, s, 1);
	y->title = col_text(a, s, 2);
	y->kicker = col_text(a, s, 3);
	y->lead = col_text(a, s, 4);
	y->place = col_text(a, s, 5);
	y->municipality = col_text(a, s, 6);
	y->date = col_ymd(s, 7);
	y->published = tl_sql_col_int(s, 8);
	y->markdown = col_text(a, s, 9);
	y->position = tl_sql_col_int(s, 10);
}

int tl_store_story_get(tl_store *st, const char *slug, tl_arena *a, struct tl_story *y,
		       int64_t *version)
{
	memset(y, 0, sizeof *y);
	struct row r = story_row(slug);
	int rc = row_get(st, "SELECT version, slug, title, kicker, lead, place, region, date, published, markdown,"
			     " position FROM story WHERE slug = ?1", &r, read_story, a, y, version);
	if (rc)
		return rc;
	tl_errors errs = TL_ERRORS_INIT;
	return lists_loaded(tl_store_load_story_lists(st, a, y, &errs), &errs);
}

int tl_store_story_update(tl_store *st, const struct tl_story *y, int64_t version,
			  int64_t *new_version, tl_errors *errs)
{
	if (next_version(st, new_version, errs))
		return TL_ERR_STORE;
	struct row r = story_row(y->slug);
	tl_sql_stmt *s = row_stmt(st, "UPDATE story SET title = ?2, kicker = ?3, lead = ?4, place = ?5, region = ?6,"
				       " date = ?7, published = ?8, markdown = ?9, version = ?10"
				       " WHERE slug = ?1 AND version = ?11", &r);
	if (s) {
		tl_sql_bind_text(s, 2, y->title);
		tl_sql_bind_text(s, 3, y->kicker);
		tl_sql_bind_text(s, 4, y->lead);
		tl_sql_bind_text(s, 5, y->place);
		tl_sql_bind_text(s, 6, y->municipality);
		bind_ymd(s, 7, &y->date);
		tl_sql_bind_int(s, 8, y->published ? 1 : 0);
		tl_sql_bind_text(s, 9, y->markdown ? y->markdown : "");
		tl_sql_bind_int(s, 10, *new_version);
		tl_sql_bind_int(s, 11, version);
	}
	int rc = row_write(st, s, &r, errs);
	if (!rc && (clear_list(st, "DELETE FROM story_goal WHERE story = ?1", y->slug, errs) ||
		    clear_list(st, "DELETE FROM story_instrument WHERE story = ?1", y->slug, errs) ||
		    clear_list(st, "DELETE FROM story_person WHERE story = ?1", y->slug, errs) ||
		    tl_store_put_story_lists(st, y, errs)))
		rc = TL_ERR_STORE;
	return rc;
}

int tl_store_story_delete(tl_store *st, const char *slug, int64_t version, tl_errors *errs)
{
	/* People, goals and instrument links go with it (ON DELETE CASCADE). */
	struct row r = story_row(slug);
	return row_delete(st, "DELETE FROM story WHERE slug = ?1 AND version = ?2", &r, version, errs);
}

static void read_grant(tl_sql_stmt *s, tl_arena *a, void *item)
{
	struct tl_grant *g = item;
	g->instrument = col_text(a, s, 1);
	g->recipient = col_text(a, s, 2);
	g->project = col_text(a, s, 3);
	g->municipality = col_text(a, s, 4);
	g->year = tl_sql_col_int(s, 5);
	g->has_amount = col_opt_double(s, 6, &g->amount);
	g->note = col_text(a, s, 7);
}

int tl_store_grant_get(tl_store *st, const char *instrument, int position, tl_arena *a,
		       struct tl_grant *g, int64_t *version)
{
	memset(g, 0, sizeof *g);
	struct row r = grant_row(instrument, position);
	int rc = row_get(st, "SELECT version, instrument, recipient, project, region, year, amount, note"
			     " FROM award WHERE instrument = ?1 AND position = ?2", &r, read_grant, a, g, version);
	if (rc)
		return rc;
	g->position = position;
	tl_errors errs = TL_ERRORS_INIT;
	return lists_loaded(tl_store_load_grant_goals(st, a, g, &errs), &errs);
}

int tl_store_grant_update(tl_store *st, int position, const struct tl_grant *g, int64_t version,
			  int64_t *new_version, tl_errors *errs)
{
	if (next_version(st, new_version, errs))
		return TL_ERR_STORE;
	struct row r = grant_row(g->instrument, position);
	tl_sql_stmt *s = row_stmt(st, "UPDATE award SET recipient = ?3, project = ?4, region = ?5, year = ?6,"
				       " amount = ?7, note = ?8, version = ?9"
				       " WHERE instrument = ?1 AND position = ?2 AND version = ?10", &r);
	if (s) {
		tl_sql_bind_text(s, 3, g->recipient);
		tl_sql_bind_text(s, 4, g->project);
		tl_sql_bind_text(s, 5, g->municipality);
		tl_sql_bind_int(s, 6, g->year);
		bind_opt_double(s, 7, g->has_amount, g->amount);
		tl_sql_bind_text(s, 8, g->note);
		tl_sql_bind_int(s, 9, *new_version);
		tl_sql_bind_int(s, 10, version);
	}
	int rc = row_write(st, s, &r, errs);
	return rc ? rc : put_grant_goals(st, g->instrument, position, g->goals, g->n_goals, errs);
}

int tl_store_grant_delete(tl_store *st, const char *instrument, int position, int64_t version,
			  tl_errors *errs)
{
	struct row r = grant_row(instrument, position);
	return row_delete(st, "DELETE FROM award WHERE instrument = ?1 AND position = ?2 AND version = ?3", &r,
			  version, errs);
}

static void read_progress(tl_sql_stmt *s, tl_arena *a, void *item)
{
	struct tl_target_entry *e = item;
	e->date = col_ymd(s, 1);
	e->value = tl_sql_col_double(s, 2);
	e->source = col_text(a, s, 3);
	e->note = col_text(a, s, 4);
}

int tl_store_progress_get(tl_store *st, const char *target, int position, tl_arena *a,
			  struct tl_target_entry *e, int64_t *version)
{
	memset(e, 0, sizeof *e);
	struct row r = progress_row(target, position);
	return row_get(st, "SELECT version, date, value, source, note FROM target_progress"
			   " WHERE target = ?1 AND position = ?2", &r, read_progress, a, e, version);
}

int tl_store_progress_update(tl_store *st, const char *target, int position,
			     const struct tl_target_entry *e, int64_t version, int64_t *new_version,
			     tl_errors *errs)
{
	if (next_version(st, new_version, errs))
		return TL_ERR_STORE;
	struct row r = progress_row(target, position);
	tl_sql_stmt *s = row_stmt(st, "UPDATE target_progress SET date = ?3, value = ?4, source = ?5, note = ?6,"
				       " version = ?7 WHERE target = ?1 AND position = ?2 AND version = ?8", &r);
	if (s) {
		bind_ymd(s, 3, &e->date);
		tl_sql_bind_double(s, 4, e->value);
		tl_sql_bind_text(s, 5, e->source);
		tl_sql_bind_text(s, 6, e->note);
		tl_sql_bind_int(s, 7, *new_version);
		tl_sql_bind_int(s, 8, version);
	}
	return row_write(st, s, &r, errs);
}

int tl_store_progress_delete(tl_store *st, const char *target, int position, int64_t version,
			     tl_errors *errs)
{
	struct row r = progress_row(target, position);
	return row_delete(st, "DELETE FROM target_progress WHERE target = ?1 AND position = ?2 AND version = ?3",
			  &r, version, errs);
}

static void read_step(tl_sql_stmt *s, tl_arena *a, void *item)
{
	struct tl_next_step *n = item;
	n->slug = col_text(a, s, 1);
	n->theme = col_text(a, s, 2);
	n->year = tl_sql_col_int(s, 3);
	const char *status = col_text(a, s, 4);
	if (!status || tl_step_status_parse(status, &n->status) < 0)
		n->status = TL_STEP_PLANNED;
	n->text = col_text(a, s, 5);
	n->outcome = col_text(a, s, 6);
}

int tl_store_next_step_get(tl_store *st, int position, tl_arena *a, struct tl_next_step *n,
			   int64_t *version)
{
	memset(n, 0, sizeof *n);
	n->position = position;
	struct row r = step_row(position);
	return row_get(st, "SELECT version, slug, theme, year, status, text, outcome FROM next_step"
			   " WHERE position = ?1", &r, read_step, a, n, version);
}

int tl_store_next_step_update(tl_store *st, const struct tl_next_step *n, int64_t version,
			      int64_t *new_version, tl_errors *errs)
{
	if (next_version(st, new_version, errs))
		return TL_ERR_STORE;
	struct row r = step_row(n->position);
	tl_sql_stmt *s = row_stmt(st, "UPDATE next_step SET theme = ?2, year = ?3, status = ?4, text = ?5,"
				       " version = ?6 WHERE position = ?1 AND version = ?7", &r);
	if (s) {
		tl_sql_bind_text(s, 2, n->theme);
		tl_sql_bind_int(s, 3, n->year);
		tl_sql_bind_text(s, 4, tl_step_status_name(n->status));
		tl_sql_bind_text(s, 5, n->text);
		tl_sql_bind_int(s, 6, *new_version);
		tl_sql_bind_int(s, 7, version);
	}
	return row_write(st, s, &r, errs);
}

int tl_store_next_step_delete(tl_store *st, int position, int64_t version, tl_errors *errs)
{
	struct row r = step_row(position);
	return row_delete(st, "DELETE FROM next_step WHERE position = ?1 AND version = ?2", &r, version, errs);
}

/* ---- Published snapshots ------------------------------------------------ */

int tl_store_publication_begin(tl_store *st, const char *user, const char *note,
			       const char *digest, int64_t *id, tl_errors *errs)
{
	tl_sql_stmt *s = prep(st, "INSERT INTO publication (at, user_name, note, digest)"
				   " VALUES (?4, ?1, ?2, ?3) RETURNING id");
	if (!s)
		return fail(st, errs, "publication");
	char now[21];
	tl_sql_now(now);
	tl_sql_bind_text(s, 1, user);
	tl_sql_bind_text(s, 2, note);
	tl_sql_bind_text(s, 3, digest);
	tl_sql_bind_text(s, 4, now);
	int rc = tl_sql_step(s);
	if (rc == TL_SQL_ROW) {
		*id = tl_sql_col_int(s, 0);
		rc = tl_sql_step(s);
	}
	tl_sql_finalize(s);
	return rc == TL_SQL_DONE ? TL_OK : fail(st, errs, "publication");
}

int tl_store_publication_put(tl_store *st, int64_t id, const char *path, const void *data,
			     size_t len, tl_errors *errs)
{
	tl_sql_stmt *s = prep(st, "INSERT INTO publication_file (publication, path, content) VALUES (?1, ?2, ?3)");
	if (s) {
		tl_sql_bind_int(s, 1, id);
		tl_sql_bind_text(s, 2, path);
		tl_sql_bind_blob(s, 3, data, len);
	}
	return done(st, s, errs, "publication file");
}

int64_t tl_store_publication_latest(tl_store *st)
{
	long n = count(st, "SELECT coalesce(max(id), 0) FROM publication");
	return n < 0 ? 0 : n;
}

int tl_store_publication_at(tl_store *st, int64_t id, tl_arena *a, const char **at)
{
	tl_sql_stmt *s = prep(st, "SELECT at FROM publication WHERE id = ?1");
	if (!s)
		return TL_ERR_STORE;
	tl_sql_bind_int(s, 1, id);
	int rc = TL_ERR_NOTFOUND;
	if (tl_sql_step(s) == TL_SQL_ROW) {
		*at = col_text(a, s, 0);
		rc = TL_OK;
	}
	tl_sql_finalize(s);
	return rc;
}

int tl_store_publication_has(tl_store *st, int64_t id, const char *path)
{
	tl_sql_stmt *s = prep(st, "SELECT 1 FROM publication_file WHERE publication = ?1 AND path = ?2");
	if (!s)
		return 0;
	tl_sql_bind_int(s, 1, id);
	tl_sql_bind_text(s, 2, path);
	int has = tl_sql_step(s) == TL_SQL_ROW;
	tl_sql_finalize(s);
	return has;
}

int tl_store_publication_get(tl_store *st, int64_t id, const char *path, tl_arena *a, char **data,
			     size_t *len)
{
	tl_sql_stmt *s = prep(st, "SELECT content FROM publication_file WHERE publication = ?1 AND path = ?2");
	if (!s)
		return TL_ERR_STORE;
	tl_sql_bind_int(s, 1, id);
	tl_sql_bind_text(s, 2, path);
	int rc = TL_ERR_NOTFOUND;
	if (tl_sql_step(s) == TL_SQL_ROW) {
		size_t n;
		const void *blob = tl_sql_col_blob(s, 0, &n);
		char *d = tl_arena_alloc(a, n + 1);
		if (n)
			memcpy(d, blob, n);
		*data = d;
		*len = n;
		rc = TL_OK;
	}
	tl_sql_finalize(s);
	return rc;
}

int64_t tl_store_data_version(tl_store *st)
{
	return tl_sql_data_version(tl_store_sql(st));
}
