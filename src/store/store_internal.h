/*
 * store_internal — what the store's own files share, and nobody else sees.
 *
 * store_sqlite.c owns the connection; store_web.c (accounts, sessions,
 * audit, publications) runs its statements on the same connection.
 */
#ifndef TL_STORE_INTERNAL_H
#define TL_STORE_INTERNAL_H

#include <string.h>

#include "../core/arena.h"
#include "sql.h"
#include "store.h"

/* The connection behind st.  Borrowed: valid until tl_store_close(). */
tl_sql *tl_store_sql(tl_store *st);
/* The URI the store was opened with, for messages.  Borrowed. */
const char *tl_store_uri(const tl_store *st);

/* Small child lists of an owner row (partners, goal links, a story's
 * instruments).  The loaders run sql with the owner as ?1 and return
 * column 0 of every row, in a (*n set; NULL with errs on failure).  The
 * writers run sql once per entry: ?1 owner, then ?2 the goal, or ?2 the
 * position and ?3 the text. */
int *tl_store_load_goal_list(tl_store *st, tl_arena *a, const char *sql, const char *owner, size_t *n,
			     tl_errors *errs);
const char **tl_store_load_text_list(tl_store *st, tl_arena *a, const char *sql, const char *owner,
				     size_t *n, tl_errors *errs);
int tl_store_put_goal_list(tl_store *st, const char *sql, const char *owner, const int *goals, size_t n,
			   tl_errors *errs);
int tl_store_put_text_list(tl_store *st, const char *sql, const char *owner, const char *const *v, size_t n,
			   tl_errors *errs);
/* An instrument's child lists: partners, municipalities, goals and
 * stated totals (positions 0, 1, … in each); the loader of an agenda and
 * the editor's update both write them here.  The caller has removed the
 * old ones.  TL_ERR_STORE with errs on failure. */
int tl_store_put_instrument_lists(tl_store *st, const struct tl_instrument *in, tl_errors *errs);
/* A story's goals, instruments and people, the same way. */
int tl_store_put_story_lists(tl_store *st, const struct tl_story *y, tl_errors *errs);

/* The child lists of one item (its slug, or a grant's instrument and
 * position, already set), into a: partners, municipalities, goals and
 * stated totals of an instrument; a grant's goals; a target's goals; a story's goals,
 * instruments and people.  The model loader and the editor's getters
 * both read them here.  TL_ERR_STORE with errs on failure. */
int tl_store_load_instrument_lists(tl_store *st, tl_arena *a, struct tl_instrument *in, tl_errors *errs);
int tl_store_load_grant_goals(tl_store *st, tl_arena *a, struct tl_grant *g, tl_errors *errs);
int tl_store_load_target_lists(tl_store *st, tl_arena *a, struct tl_target *t, tl_errors *errs);
int tl_store_load_story_lists(tl_store *st, tl_arena *a, struct tl_story *y, tl_errors *errs);

/* Columns and parameters of the store's rows, for both files.  Text binds
 * with tl_sql_bind_text itself, which already binds NULL as SQL NULL. */

/* Column text copied into a; NULL stays NULL. */
static inline const char *col_text(tl_arena *a, tl_sql_stmt *s, int i)
{
	const char *t = tl_sql_col_text(s, i);
	return t ? tl_arena_strdup(a, t) : NULL;
}

/* An optional number (budget, amount, baseline): NULL when there is none. */
static inline void bind_opt_double(tl_sql_stmt *s, int i, int has, double v)
{
	if (has)
		tl_sql_bind_double(s, i, v);
	else
		tl_sql_bind_null(s, i);
}

/* Column i into *v, 0 when NULL; whether it held a number. */
static inline int col_opt_double(tl_sql_stmt *s, int i, double *v)
{
	int has = !tl_sql_col_null(s, i);
	*v = has ? tl_sql_col_double(s, i) : 0;
	return has;
}

/* A date as its text (2025, 2025-06 or 2025-06-30); no date binds NULL. */
static inline void bind_ymd(tl_sql_stmt *s, int i, const struct tl_ymd *d)
{
	char t[11];
	tl_ymd_text(d, t);
	tl_sql_bind_text(s, i, t[0] ? t : NULL);
}

/* A date column back into a tl_ymd (NULL or malformed: no date). */
static inline struct tl_ymd col_ymd(tl_sql_stmt *s, int i)
{
	struct tl_ymd d = {0, 0, 0};
	const char *t = tl_sql_col_text(s, i);
	if (t && tl_ymd_parse(t, strlen(t), &d))
		d = (struct tl_ymd){0, 0, 0};
	return d;
}

#endif
