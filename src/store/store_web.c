/*
 * store_web — accounts, sessions, audit, edits and publications in the
 * store (see store_web.h), through the sql.h seam.  Statements are prepared per call: these are rare
 * compared with page views, which never reach the store.
 */
#include "store_web.h"

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

static void bind_text(tl_sql_stmt *s, int i, const char *v)
{
	if (v)
		tl_sql_bind_text(s, i, v);
	else
		tl_sql_bind_null(s, i);
}

static const char *col_text(tl_arena *a, tl_sql_stmt *s, int i)
{
	const char *t = tl_sql_col_text(s, i);
	return t ? tl_arena_strdup(a, (const char *)t) : NULL;
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
	bind_text(s, 1, name);
	bind_text(s, 2, pwhash);
	bind_text(s, 3, role);
	bind_text(s, 4, partner ? organisation : NULL);
	bind_text(s, 5, now);
	int rc = tl_sql_step(s);
	tl_sql_finalize(s);
	if (rc == TL_SQL_CONSTRAINT || (rc == TL_SQL_DONE && tl_sql_changes(tl_store_sql(st)) == 0)) {
		tl_errors_add(errs, NULL, 0, 0, "name", "there is already an account named \"%s\"", name);
		return TL_ERR_INPUT;
	}
	return rc == TL_SQL_DONE ? TL_OK : fail(st, errs, "user");
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
	bind_text(s, 1, name);
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

/* ---- Sessions ----------------------------------------------------------- */

int tl_store_session_put(tl_store *st, const char *token_hash, int64_t user_id, const char *csrf,
			 int64_t expires, int64_t now, tl_errors *errs)
{
	tl_sql_stmt *s = prep(st, "DELETE FROM session WHERE expires <= ?1");
	if (s)
		tl_sql_bind_int(s, 1, now);
	if (done(st, s, errs, "session"))
		return TL_ERR_STORE;
	s = prep(st, "INSERT INTO session (token_hash, user_id, csrf, expires) VALUES (?1, ?2, ?3, ?4)");
	if (s) {
		bind_text(s, 1, token_hash);
		tl_sql_bind_int(s, 2, user_id);
		bind_text(s, 3, csrf);
		tl_sql_bind_int(s, 4, expires);
	}
	return done(st, s, errs, "session");
}

int tl_store_session_get(tl_store *st, const char *token_hash, int64_t now, tl_arena *a,
			 struct tl_user *u, const char **csrf)
{
	tl_sql_stmt *s = prep(st, "SELECT u.id, u.name, u.role, u.organisation, s.csrf"
				   " FROM session s JOIN app_user u ON u.id = s.user_id"
				   " WHERE s.token_hash = ?1 AND s.expires > ?2");
	if (!s)
		return TL_ERR_STORE;
	bind_text(s, 1, token_hash);
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
	bind_text(s, 1, token_hash);
	tl_sql_step(s);
	tl_sql_finalize(s);
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
		bind_text(s, 7, now);
		bind_text(s, 1, user);
		bind_text(s, 2, action);
		bind_text(s, 3, entity);
		bind_text(s, 4, key);
		bind_text(s, 5, before);
		bind_text(s, 6, after);
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
	bind_text(s, 1, slug);
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
	bind_text(s, 1, slug);
	bind_text(s, 2, markdown);
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

int tl_store_story_add(tl_store *st, const struct tl_story *y, tl_errors *errs)
{
	struct tl_story c = *y;
	c.position = next_position(st, "SELECT coalesce(max(position), 0) + 1 FROM story");
	return tl_store_put_story(st, &c, errs);
}

int tl_store_next_step_add(tl_store *st, const struct tl_next_step *n, tl_errors *errs)
{
	struct tl_next_step c = *n;
	c.position = next_position(st, "SELECT coalesce(max(position), 0) + 1 FROM next_step");
	return tl_store_put_next_step(st, &c, errs);
}

int tl_store_progress_add(tl_store *st, const char *target, const struct tl_target_entry *e,
			  tl_errors *errs)
{
	char date[11];
	tl_ymd_text(&e->date, date);
	tl_sql_stmt *s = prep(st, "INSERT INTO target_progress (target, position, date, value, source, note)"
				   " VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM target_progress"
				   " WHERE target = ?1), ?2, ?3, ?4, ?5)");
	if (s) {
		bind_text(s, 1, target);
		bind_text(s, 2, date);
		tl_sql_bind_double(s, 3, e->value);
		bind_text(s, 4, e->source);
		bind_text(s, 5, e->note);
	}
	return done(st, s, errs, "target progress");
}

int tl_store_grant_add(tl_store *st, const struct tl_grant *g, tl_errors *errs)
{
	tl_sql_stmt *s = prep(st, "INSERT INTO award (instrument, position, recipient, project, region, year,"
				   " amount, note) VALUES (?1, (SELECT coalesce(max(position) + 1, 0) FROM award"
				   " WHERE instrument = ?1), ?2, ?3, ?4, ?5, ?6, ?7)");
	if (s) {
		bind_text(s, 1, g->instrument);
		bind_text(s, 2, g->recipient);
		bind_text(s, 3, g->project);
		bind_text(s, 4, g->municipality);
		tl_sql_bind_int(s, 5, g->year);
		if (g->has_amount)
			tl_sql_bind_double(s, 6, g->amount);
		else
			tl_sql_bind_null(s, 6);
		bind_text(s, 7, g->note);
	}
	return done(st, s, errs, "grant");
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
	bind_text(s, 1, user);
	bind_text(s, 2, note);
	bind_text(s, 3, digest);
	bind_text(s, 4, now);
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
		bind_text(s, 2, path);
		tl_sql_bind_blob(s, 3, data, len);
	}
	return done(st, s, errs, "publication file");
}

int64_t tl_store_publication_latest(tl_store *st)
{
	long n = count(st, "SELECT coalesce(max(id), 0) FROM publication");
	return n < 0 ? 0 : n;
}

int tl_store_publication_get(tl_store *st, int64_t id, const char *path, tl_arena *a, char **data,
			     size_t *len)
{
	tl_sql_stmt *s = prep(st, "SELECT content FROM publication_file WHERE publication = ?1 AND path = ?2");
	if (!s)
		return TL_ERR_STORE;
	tl_sql_bind_int(s, 1, id);
	bind_text(s, 2, path);
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
