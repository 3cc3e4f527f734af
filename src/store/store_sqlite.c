/*
 * store_sqlite — the SQLite engine behind store.h.
 *
 * One database file holds one agenda.  Statements are prepared once per
 * connection and always bound, never built by concatenation.  The file is in
 * WAL mode so that readers (telling serve) are not blocked by an import, and a
 * process killed mid-import leaves the last committed state.
 */
#include "store.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/str.h"
#include "../core/strmap.h"
#include "../core/xalloc.h"
#include "schema.h"
#include "store_internal.h"

struct tl_store {
	sqlite3 *db;
	char *uri;
	int in_tx;
	sqlite3_stmt *put_obs, *upd_obs;
	sqlite3_stmt *put_period;
	sqlite3_stmt *has_ind;
	sqlite3_stmt *has_reg;
	sqlite3_stmt *ind_id, *reg_id, *src_id, *put_src;
	sqlite3_stmt *put_reg; /* prepared on first use: an import may add thousands */
	sqlite3_stmt *put_register, *reg_exists; /* the region register, on first use */
	char last_period[9]; /* the period most recently ensured in table period */
	/* Integer ids of the keys observations use (schema migration 3), looked
	 * up once per key.  Ids given out inside a transaction die with it, so
	 * the caches are dropped on rollback and clear (forget_ids). */
	tl_arena *ids_arena;
	tl_strmap *ind_ids, *reg_ids, *src_ids;
	/* A file's cells come row by row: one region (and one source) for many
	 * cells in a row, so the last id of each is remembered before hashing. */
	char last_reg[32], last_src[96];
	int64_t last_reg_id, last_src_id;
};

static void forget_ids(tl_store *st)
{
	tl_strmap_free(st->ind_ids);
	tl_strmap_free(st->reg_ids);
	tl_strmap_free(st->src_ids);
	tl_arena_free(st->ids_arena);
	st->ids_arena = tl_arena_new();
	st->ind_ids = tl_strmap_new(st->ids_arena);
	st->reg_ids = tl_strmap_new(st->ids_arena);
	st->src_ids = tl_strmap_new(st->ids_arena);
	st->last_period[0] = '\0';
	st->last_reg[0] = st->last_src[0] = '\0';
	st->last_reg_id = st->last_src_id = 0;
}

static int fail(tl_store *st, tl_errors *errs, const char *what)
{
	tl_errors_add(errs, st->uri, 0, 0, NULL, "store: %s: %s", what, sqlite3_errmsg(st->db));
	return TL_ERR_STORE;
}

static int exec(tl_store *st, const char *sql, tl_errors *errs)
{
	char *msg = NULL;
	if (sqlite3_exec(st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		tl_errors_add(errs, st->uri, 0, 0, NULL, "store: %s", msg ? msg : "error");
		sqlite3_free(msg);
		return TL_ERR_STORE;
	}
	return TL_OK;
}

static int prepare(tl_store *st, sqlite3_stmt **out, const char *sql, tl_errors *errs)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, out, NULL) != SQLITE_OK)
		return fail(st, errs, "prepare");
	return TL_OK;
}

static int user_version(tl_store *st)
{
	sqlite3_stmt *s;
	int v = -1;
	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	return v;
}

/* Bring the schema up to date, all migrations in one transaction. */
static int migrate(tl_store *st, tl_errors *errs)
{
	int v = user_version(st);
	if (v < 0)
		return fail(st, errs, "cannot read schema version");
	if (v > tl_schema_version) {
		tl_errors_add(errs, st->uri, 0, 0, NULL,
			      "store: schema version %d is newer than this telling understands (%d); "
			      "upgrade telling",
			      v, tl_schema_version);
		return TL_ERR_STORE;
	}
	if (v == tl_schema_version)
		return TL_OK;
	if (exec(st, "BEGIN IMMEDIATE", errs))
		return TL_ERR_STORE;
	for (int i = v; i < tl_schema_version; i++) {
		if (exec(st, tl_schema_migrations[i], errs)) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return TL_ERR_STORE;
		}
	}
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d", tl_schema_version);
	if (exec(st, sql, errs) || exec(st, "COMMIT", errs)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_open(tl_store **out, const char *uri, tl_errors *errs)
{
	*out = NULL;
	const char *path = uri;
	if (tl_starts_with(uri, "postgresql://") || tl_starts_with(uri, "postgres://")) {
		tl_errors_add(errs, uri, 0, 0, NULL,
			      "store: PostgreSQL is not supported by this build yet; use a SQLite file path");
		return TL_ERR_STORE;
	}
	if (tl_starts_with(uri, "sqlite:"))
		path = uri + strlen("sqlite:");
	if (!*path) {
		tl_errors_add(errs, NULL, 0, 0, NULL, "store: empty database path");
		return TL_ERR_STORE;
	}
	tl_store *st = xcalloc(1, sizeof *st);
	st->uri = xstrdup(uri);
	forget_ids(st);
	/* NOMUTEX: a store handle is used by one thread at a time (the server
	 * holds its db_lock around every use), so SQLite's own per-call mutex
	 * is pure cost on the import's hot path. */
	if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		tl_errors_add(errs, uri, 0, 0, NULL, "store: cannot open: %s",
			      st->db ? sqlite3_errmsg(st->db) : "out of memory");
		tl_store_close(st);
		return TL_ERR_STORE;
	}
	sqlite3_busy_timeout(st->db, 5000);
	if (exec(st, "PRAGMA foreign_keys = ON", errs) ||
	    (strcmp(path, ":memory:") != 0 && exec(st, "PRAGMA journal_mode = WAL", errs)) ||
	    exec(st, "PRAGMA synchronous = NORMAL", errs) || migrate(st, errs) ||
	    prepare(st, &st->put_obs,
		    "INSERT INTO obs (key, value, status, source_id, note, import_id)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		    errs) ||
	    prepare(st, &st->upd_obs,
		    "UPDATE obs SET value = ?2, status = ?3, source_id = ?4, note = ?5, import_id = ?6"
		    " WHERE key = ?1 AND import_id IS NOT ?6",
		    errs) ||
	    prepare(st, &st->put_period,
		    "INSERT OR IGNORE INTO period (code, year, kind, sub, id) VALUES (?1, ?2, ?3, ?4, ?5)", errs) ||
	    prepare(st, &st->ind_id, "SELECT id FROM indicator WHERE slug = ?1", errs) ||
	    prepare(st, &st->reg_id, "SELECT id FROM region WHERE code = ?1", errs) ||
	    prepare(st, &st->src_id, "SELECT id FROM source WHERE text = ?1", errs) ||
	    prepare(st, &st->put_src, "INSERT OR IGNORE INTO source (text) VALUES (?1)", errs) ||
	    prepare(st, &st->has_ind, "SELECT 1 FROM indicator WHERE slug = ?1", errs) ||
	    prepare(st, &st->has_reg, "SELECT 1 FROM region WHERE code = ?1", errs)) {
		tl_store_close(st);
		return TL_ERR_STORE;
	}
	*out = st;
	return TL_OK;
}

void tl_store_close(tl_store *st)
{
	if (!st)
		return;
	if (st->in_tx)
		tl_store_rollback(st);
	sqlite3_finalize(st->put_obs);
	sqlite3_finalize(st->upd_obs);
	sqlite3_finalize(st->put_period);
	sqlite3_finalize(st->has_ind);
	sqlite3_finalize(st->has_reg);
	sqlite3_finalize(st->ind_id);
	sqlite3_finalize(st->reg_id);
	sqlite3_finalize(st->src_id);
	sqlite3_finalize(st->put_src);
	sqlite3_finalize(st->put_reg);
	sqlite3_finalize(st->put_register);
	sqlite3_finalize(st->reg_exists);
	tl_strmap_free(st->ind_ids);
	tl_strmap_free(st->reg_ids);
	tl_strmap_free(st->src_ids);
	tl_arena_free(st->ids_arena);
	sqlite3_close(st->db);
	free(st->uri);
	free(st);
}

sqlite3 *tl_store_sqlite(tl_store *st)
{
	return st->db;
}

const char *tl_store_uri(const tl_store *st)
{
	return st->uri;
}

int tl_store_schema_version(tl_store *st)
{
	return user_version(st);
}

int tl_store_begin(tl_store *st, tl_errors *errs)
{
	if (st->in_tx)
		tl_panic("nested store transaction");
	if (exec(st, "BEGIN IMMEDIATE", errs))
		return TL_ERR_STORE;
	st->in_tx = 1;
	return TL_OK;
}

int tl_store_commit(tl_store *st, tl_errors *errs)
{
	if (!st->in_tx)
		tl_panic("commit without transaction");
	if (exec(st, "COMMIT", errs)) {
		tl_store_rollback(st);
		return TL_ERR_STORE;
	}
	st->in_tx = 0;
	return TL_OK;
}

void tl_store_rollback(tl_store *st)
{
	if (!st->in_tx)
		return;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->in_tx = 0;
	forget_ids(st); /* period rows and ids may have been rolled back */
}

int tl_store_clear(tl_store *st, int with_data, tl_errors *errs)
{
	forget_ids(st);
	/* The report's content refers to themes, goals and regions: it goes first. */
	if (exec(st,
		 "DELETE FROM story_instrument; DELETE FROM story_goal; DELETE FROM story_person;"
		 "DELETE FROM story; DELETE FROM target_progress; DELETE FROM target_goal;"
		 "DELETE FROM target; DELETE FROM award_goal; DELETE FROM award; DELETE FROM stated_total;"
		 "DELETE FROM instrument_goal; DELETE FROM instrument_region;"
		 "DELETE FROM instrument_partner; DELETE FROM instrument; DELETE FROM next_step;",
		 errs))
		return TL_ERR_STORE;
	if (exec(st,
		 "DELETE FROM chapter; DELETE FROM region_group_member; DELETE FROM region_group;"
		 "DELETE FROM series_break; DELETE FROM indicator_goal; DELETE FROM indicator_import;"
		 "DELETE FROM merger_old; DELETE FROM merger; DELETE FROM agenda; DELETE FROM region_shape;",
		 errs))
		return TL_ERR_STORE;
	if (!with_data)
		return TL_OK;
	/* Observations reference indicators and regions: only with the data gone
	 * can the rest of the framework go too. */
	return exec(st,
		    "DELETE FROM obs; DELETE FROM source; DELETE FROM import; DELETE FROM period;"
		    "DELETE FROM indicator; DELETE FROM goal; DELETE FROM theme;"
		    "UPDATE region SET parent = NULL; DELETE FROM region;"
		    "DELETE FROM region_register; DELETE FROM region_register_group;",
		    errs);
}

/* ---- Binding helpers ---------------------------------------------------- */

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, i);
}

static void bind_int0(sqlite3_stmt *s, int i, int v)
{
	sqlite3_bind_int(s, i, v);
}

/* Run a prepared one-shot statement to completion and finalize it. */
static int run(tl_store *st, sqlite3_stmt *s, tl_errors *errs, const char *what)
{
	int rc = sqlite3_step(s);
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE)
		return fail(st, errs, what);
	return TL_OK;
}

/* ---- Framework writes --------------------------------------------------- */

int tl_store_put_agenda(tl_store *st, const struct tl_agenda *a, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT OR REPLACE INTO agenda (id, slug, title, subtitle, organisation, period_start,"
		    " period_end, report_year, report_title, focus_region, national_region, lang)"
		    " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, a->slug);
	bind_text(s, 2, a->title);
	bind_text(s, 3, a->subtitle);
	bind_text(s, 4, a->organisation);
	bind_int0(s, 5, a->period_start);
	bind_int0(s, 6, a->period_end);
	bind_int0(s, 7, a->report_year);
	bind_text(s, 8, a->report_title);
	bind_text(s, 9, a->focus_region);
	bind_text(s, 10, a->national_region);
	bind_text(s, 11, a->lang ? a->lang : "nl");
	if (run(st, s, errs, "agenda"))
		return TL_ERR_STORE;
	if (prepare(st, &s, "UPDATE agenda SET boundaries = ?1, boundaries_source = ?2 WHERE id = 1", errs))
		return TL_ERR_STORE;
	bind_text(s, 1, a->boundaries);
	bind_text(s, 2, a->boundaries_source);
	return run(st, s, errs, "agenda");
}

int tl_store_put_theme(tl_store *st, const struct tl_theme *t, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO theme (slug, position, title, subtitle) VALUES (?1, ?2, ?3, ?4)"
		    " ON CONFLICT (slug) DO UPDATE SET position = excluded.position,"
		    " title = excluded.title, subtitle = excluded.subtitle",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, t->slug);
	bind_int0(s, 2, t->position);
	bind_text(s, 3, t->title);
	bind_text(s, 4, t->subtitle);
	return run(st, s, errs, "theme");
}

int tl_store_put_goal(tl_store *st, const struct tl_goal *g, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s, "INSERT OR REPLACE INTO goal (number, theme, title, body) VALUES (?1, ?2, ?3, ?4)",
		    errs))
		return TL_ERR_STORE;
	bind_int0(s, 1, g->number);
	bind_text(s, 2, g->theme);
	bind_text(s, 3, g->title);
	bind_text(s, 4, g->text);
	return run(st, s, errs, "goal");
}

int tl_store_put_indicator(tl_store *st, const struct tl_indicator *d, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO indicator (slug, theme, position, title, subject, unit, decimals,"
		    " polarity, source, source_detail, notes, id)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
		    " (SELECT coalesce(max(id), 0) + 1 FROM indicator))"
		    " ON CONFLICT (slug) DO UPDATE SET theme = excluded.theme, position = excluded.position,"
		    " title = excluded.title, subject = excluded.subject, unit = excluded.unit,"
		    " decimals = excluded.decimals, polarity = excluded.polarity, source = excluded.source,"
		    " source_detail = excluded.source_detail, notes = excluded.notes",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, d->slug);
	bind_text(s, 2, d->theme);
	bind_int0(s, 3, d->position);
	bind_text(s, 4, d->title);
	bind_text(s, 5, d->subject);
	bind_text(s, 6, d->unit);
	bind_int0(s, 7, d->decimals);
	bind_text(s, 8, tl_polarity_name(d->polarity));
	bind_text(s, 9, d->source);
	bind_text(s, 10, d->source_detail);
	bind_text(s, 11, d->notes);
	if (run(st, s, errs, "indicator"))
		return TL_ERR_STORE;
	if (prepare(st, &s, "DELETE FROM indicator_goal WHERE indicator = ?1", errs))
		return TL_ERR_STORE;
	bind_text(s, 1, d->slug);
	if (run(st, s, errs, "indicator goals"))
		return TL_ERR_STORE;
	for (size_t i = 0; i < d->n_goals; i++) {
		if (prepare(st, &s, "INSERT INTO indicator_goal (indicator, goal) VALUES (?1, ?2)", errs))
			return TL_ERR_STORE;
		bind_text(s, 1, d->slug);
		bind_int0(s, 2, d->goals[i]);
		if (run(st, s, errs, "indicator goal"))
			return TL_ERR_STORE;
	}
	if (prepare(st, &s, "DELETE FROM series_break WHERE indicator = ?1", errs))
		return TL_ERR_STORE;
	bind_text(s, 1, d->slug);
	if (run(st, s, errs, "series breaks"))
		return TL_ERR_STORE;
	if (prepare(st, &s, "DELETE FROM indicator_import WHERE indicator = ?1", errs))
		return TL_ERR_STORE;
	bind_text(s, 1, d->slug);
	if (run(st, s, errs, "import specs"))
		return TL_ERR_STORE;
	for (size_t i = 0; i < d->n_imports; i++) {
		const struct tl_import_spec *sp = &d->imports[i];
		if (prepare(st, &s,
			    "INSERT INTO indicator_import (indicator, position, topic, table_id, scale, source)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			    errs))
			return TL_ERR_STORE;
		bind_text(s, 1, d->slug);
		bind_int0(s, 2, (int)i);
		bind_text(s, 3, sp->topic);
		bind_text(s, 4, sp->table);
		sqlite3_bind_double(s, 5, sp->scale);
		bind_text(s, 6, sp->source);
		if (run(st, s, errs, "import spec"))
			return TL_ERR_STORE;
		for (size_t k = 0; k < sp->n_dims; k++) {
			if (prepare(st, &s,
				    "INSERT INTO indicator_import_dim (indicator, position, key, code)"
				    " VALUES (?1, ?2, ?3, ?4)",
				    errs))
				return TL_ERR_STORE;
			bind_text(s, 1, d->slug);
			bind_int0(s, 2, (int)i);
			bind_text(s, 3, sp->dim_keys[k]);
			bind_text(s, 4, sp->dim_codes[k]);
			if (run(st, s, errs, "import spec dimension"))
				return TL_ERR_STORE;
		}
	}
	for (size_t i = 0; i < d->n_breaks; i++) {
		if (prepare(st, &s, "INSERT INTO series_break (indicator, year, explanation) VALUES (?1, ?2, ?3)",
			    errs))
			return TL_ERR_STORE;
		bind_text(s, 1, d->slug);
		bind_int0(s, 2, d->breaks[i].year);
		bind_text(s, 3, d->breaks[i].explanation);
		if (run(st, s, errs, "series break"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_put_region(tl_store *st, const struct tl_region *r, tl_errors *errs)
{
	if (!st->put_reg &&
	    prepare(st, &st->put_reg,
		    "INSERT INTO region (code, name, level, parent, classification_year, id)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(id), 0) + 1 FROM region))"
		    " ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,"
		    " parent = excluded.parent, classification_year = excluded.classification_year",
		    errs))
		return TL_ERR_STORE;
	sqlite3_stmt *s = st->put_reg;
	bind_text(s, 1, r->code);
	bind_text(s, 2, r->name);
	bind_text(s, 3, r->level);
	bind_text(s, 4, r->parent);
	bind_int0(s, 5, r->classification_year);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? TL_OK : fail(st, errs, "region");
}

int tl_store_put_group(tl_store *st, const struct tl_region_group *g, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s, "INSERT OR REPLACE INTO region_group (slug, name, description) VALUES (?1, ?2, ?3)",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, g->slug);
	bind_text(s, 2, g->name);
	bind_text(s, 3, g->description);
	if (run(st, s, errs, "region group"))
		return TL_ERR_STORE;
	for (size_t i = 0; i < g->n_members; i++) {
		if (prepare(st, &s, "INSERT INTO region_group_member (grp, region, position) VALUES (?1, ?2, ?3)",
			    errs))
			return TL_ERR_STORE;
		bind_text(s, 1, g->slug);
		bind_text(s, 2, g->members[i]);
		bind_int0(s, 3, (int)i);
		if (run(st, s, errs, "region group member"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

static int has(sqlite3_stmt *s, const char *key);
static const char *col_text(tl_arena *a, sqlite3_stmt *s, int i);

int tl_store_put_merger(tl_store *st, const struct tl_merger *g, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s, "DELETE FROM merger WHERE new_code = ?1 AND year = ?2", errs))
		return TL_ERR_STORE;
	bind_text(s, 1, g->new_code);
	bind_int0(s, 2, g->year);
	if (run(st, s, errs, "merger"))
		return TL_ERR_STORE;
	if (prepare(st, &s, "INSERT INTO merger (new_code, year, action) VALUES (?1, ?2, ?3)", errs))
		return TL_ERR_STORE;
	bind_text(s, 1, g->new_code);
	bind_int0(s, 2, g->year);
	bind_text(s, 3, g->action == TL_MERGER_MAP ? "map" : "break");
	if (run(st, s, errs, "merger"))
		return TL_ERR_STORE;
	for (size_t i = 0; i < g->n_old; i++) {
		if (prepare(st, &s, "INSERT INTO merger_old (new_code, year, position, old_code) VALUES (?1, ?2, ?3, ?4)",
			    errs))
			return TL_ERR_STORE;
		bind_text(s, 1, g->new_code);
		bind_int0(s, 2, g->year);
		bind_int0(s, 3, (int)i);
		bind_text(s, 4, g->old_codes[i]);
		if (run(st, s, errs, "merger"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_register_region(tl_store *st, const struct tl_register_region *r, int *added,
			     tl_errors *errs)
{
	if (!st->reg_exists &&
	    prepare(st, &st->reg_exists, "SELECT 1 FROM region_register WHERE code = ?1", errs))
		return TL_ERR_STORE;
	if (!st->put_register &&
	    prepare(st, &st->put_register,
		    "INSERT INTO region_register (code, name, level, parent, grp, classification_year,"
		    " first_year, last_year) VALUES (?1, ?2, ?3, ?4, ?5, ?6, nullif(?7, 0), nullif(?8, 0))"
		    " ON CONFLICT (code) DO UPDATE SET"
		    " name = coalesce(region_register.name, excluded.name),"
		    " level = coalesce(region_register.level, excluded.level),"
		    " parent = coalesce(region_register.parent, excluded.parent),"
		    " grp = coalesce(region_register.grp, excluded.grp),"
		    " classification_year = CASE region_register.classification_year WHEN 0"
		    "   THEN excluded.classification_year ELSE region_register.classification_year END,"
		    " first_year = coalesce(min(region_register.first_year, excluded.first_year),"
		    "   region_register.first_year, excluded.first_year),"
		    " last_year = coalesce(max(region_register.last_year, excluded.last_year),"
		    "   region_register.last_year, excluded.last_year)",
		    errs))
		return TL_ERR_STORE;
	if (added)
		*added = !has(st->reg_exists, r->code);
	sqlite3_stmt *s = st->put_register;
	bind_text(s, 1, r->code);
	bind_text(s, 2, r->name);
	bind_text(s, 3, r->level);
	bind_text(s, 4, r->parent);
	bind_text(s, 5, r->group);
	bind_int0(s, 6, r->classification_year);
	bind_int0(s, 7, r->first_year);
	bind_int0(s, 8, r->last_year);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? TL_OK : fail(st, errs, "region register");
}

int tl_store_register_group(tl_store *st, const char *code, const char *title, const char *parent,
			    tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO region_register_group (code, title, parent) VALUES (?1, ?2, ?3)"
		    " ON CONFLICT (code) DO UPDATE SET title = excluded.title, parent = excluded.parent",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, code);
	bind_text(s, 2, title);
	bind_text(s, 3, parent);
	return run(st, s, errs, "region group register");
}

int tl_store_register_get(tl_store *st, const char *code, tl_arena *a, struct tl_register_region *out)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT code, name, level, parent, grp, classification_year, first_year, last_year"
			       " FROM region_register WHERE code = ?1",
			       -1, &s, NULL) != SQLITE_OK)
		return TL_ERR_STORE;
	bind_text(s, 1, code);
	int rc = TL_ERR_NOTFOUND;
	if (sqlite3_step(s) == SQLITE_ROW) {
		out->code = col_text(a, s, 0);
		out->name = col_text(a, s, 1);
		out->level = col_text(a, s, 2);
		out->parent = col_text(a, s, 3);
		out->group = col_text(a, s, 4);
		out->classification_year = sqlite3_column_int(s, 5);
		out->first_year = sqlite3_column_int(s, 6);
		out->last_year = sqlite3_column_int(s, 7);
		rc = TL_OK;
	}
	sqlite3_finalize(s);
	return rc;
}

long tl_store_register_count(tl_store *st, const char *level)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(st->db,
			       "SELECT count(*) FROM region_register WHERE ?1 IS NULL OR level = ?1", -1, &s,
			       NULL) != SQLITE_OK)
		return -1;
	bind_text(s, 1, level);
	long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	sqlite3_finalize(s);
	return n;
}

int tl_store_put_chapter(tl_store *st, const struct tl_chapter *c, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT OR REPLACE INTO chapter (slug, position, theme, title, path, markdown)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, c->slug);
	bind_int0(s, 2, c->position);
	bind_text(s, 3, c->theme);
	bind_text(s, 4, c->title);
	bind_text(s, 5, c->path);
	bind_text(s, 6, c->markdown);
	return run(st, s, errs, "chapter");
}

/* ---- Observations ------------------------------------------------------- */

/* ---- Region outlines ---------------------------------------------------- */

static void put_le(unsigned char *p, uint64_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le(const unsigned char *p, int bytes)
{
	uint64_t v = 0;
	for (int i = 0; i < bytes; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

int tl_store_put_shape(tl_store *st, const struct tl_shape *sh, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s, "INSERT OR REPLACE INTO region_shape (region, crs, rings, points) VALUES (?1, ?2, ?3, ?4)",
		    errs))
		return TL_ERR_STORE;
	size_t rl = sh->n_rings * 4, pl = sh->n_points * 16;
	unsigned char *rings = xmalloc(rl + 1), *pts = xmalloc(pl + 1);
	for (size_t i = 0; i < sh->n_rings; i++)
		put_le(rings + 4 * i, sh->ring_len[i], 4);
	for (size_t i = 0; i < 2 * sh->n_points; i++) {
		uint64_t u;
		memcpy(&u, &sh->xy[i], 8);
		put_le(pts + 8 * i, u, 8);
	}
	bind_text(s, 1, sh->region);
	sqlite3_bind_int(s, 2, (int)sh->crs);
	sqlite3_bind_blob(s, 3, rings, (int)rl, SQLITE_TRANSIENT);
	sqlite3_bind_blob(s, 4, pts, (int)pl, SQLITE_TRANSIENT);
	free(rings);
	free(pts);
	return run(st, s, errs, "region outline");
}

int tl_store_import_begin(tl_store *st, const char *file, int64_t *import_id, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO import (file, started) VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, file);
	if (run(st, s, errs, "import"))
		return TL_ERR_STORE;
	*import_id = sqlite3_last_insert_rowid(st->db);
	return TL_OK;
}

int tl_store_import_end(tl_store *st, int64_t import_id, long rows, long observations, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s, "UPDATE import SET rows = ?2, observations = ?3 WHERE id = ?1", errs))
		return TL_ERR_STORE;
	sqlite3_bind_int64(s, 1, import_id);
	sqlite3_bind_int64(s, 2, rows);
	sqlite3_bind_int64(s, 3, observations);
	return run(st, s, errs, "import");
}

/* The id of key in table (via its prepared lookup), cached; 0 when absent. */
static int64_t key_id(tl_strmap *cache, sqlite3_stmt *lookup, const char *key)
{
	int found;
	void *v = tl_strmap_get(cache, key, &found);
	if (found)
		return (int64_t)(intptr_t)v;
	sqlite3_bind_text(lookup, 1, key, -1, SQLITE_STATIC);
	int64_t id = sqlite3_step(lookup) == SQLITE_ROW ? sqlite3_column_int64(lookup, 0) : 0;
	sqlite3_reset(lookup);
	sqlite3_clear_bindings(lookup);
	if (id)
		tl_strmap_put(cache, key, (void *)(intptr_t)id);
	return id;
}

static int64_t source_id(tl_store *st, const char *text, tl_errors *errs)
{
	int64_t id = key_id(st->src_ids, st->src_id, text);
	if (id)
		return id;
	sqlite3_bind_text(st->put_src, 1, text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st->put_src);
	sqlite3_reset(st->put_src);
	sqlite3_clear_bindings(st->put_src);
	if (rc != SQLITE_DONE) {
		fail(st, errs, "source");
		return 0;
	}
	return key_id(st->src_ids, st->src_id, text);
}

/* A period's integer id, computed from its code (see schema migration 3). */
static int64_t period_id(const struct tl_period *p)
{
	static const int base[] = {0, 10, 20};
	return (int64_t)p->year * 100 + base[p->kind] + p->sub;
}

/* Bind an observation to the insert or update statement (same parameter
 * numbers), run it once and reset it.  SQLITE_STATIC: the note outlives
 * the step and the bindings are cleared right after it. */
static int step_obs(sqlite3_stmt *s, int64_t key, const struct tl_observation *o, int64_t src,
		    int64_t import_id)
{
	sqlite3_bind_int64(s, 1, key);
	if (tl_status_has_value(o->status))
		sqlite3_bind_double(s, 2, o->value);
	sqlite3_bind_int(s, 3, (int)o->status);
	if (src)
		sqlite3_bind_int64(s, 4, src);
	if (o->note)
		sqlite3_bind_text(s, 5, o->note, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 6, import_id);
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

/* Limits of the packed observation key (schema migration 3). */
#define KEY_IND_MAX ((int64_t)1 << 20)
#define KEY_REG_MAX ((int64_t)1 << 24)
#define KEY_PER_MAX ((int64_t)1 << 19)

static int64_t obs_key(int64_t ind, int64_t reg, int64_t per)
{
	return ind << 43 | reg << 19 | per;
}

int tl_store_put_observation(tl_store *st, int64_t import_id, const struct tl_observation *o,
			     tl_errors *errs)
{
	char code[9];
	static const char *const kinds[] = {"JJ", "KW", "MM"};
	tl_period_code(&o->period, code);

	/* Rows of a file mostly share their period: insert it only when it
	 * changes.  The cache is cleared on rollback (see tl_store_rollback). */
	if (strcmp(code, st->last_period) != 0) {
		sqlite3_stmt *p = st->put_period;
		sqlite3_bind_text(p, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_int(p, 2, o->period.year);
		sqlite3_bind_text(p, 3, kinds[o->period.kind], -1, SQLITE_STATIC);
		sqlite3_bind_int(p, 4, o->period.sub);
		sqlite3_bind_int64(p, 5, period_id(&o->period));
		int prc = sqlite3_step(p);
		sqlite3_reset(p);
		sqlite3_clear_bindings(p);
		if (prc != SQLITE_DONE)
			return fail(st, errs, "period");
		memcpy(st->last_period, code, sizeof code);
	}
	int64_t ind = key_id(st->ind_ids, st->ind_id, o->indicator);
	int64_t reg;
	if (st->last_reg_id && !strcmp(o->region, st->last_reg)) {
		reg = st->last_reg_id;
	} else {
		reg = key_id(st->reg_ids, st->reg_id, o->region);
		size_t n = strlen(o->region);
		if (reg && n < sizeof st->last_reg) {
			memcpy(st->last_reg, o->region, n + 1);
			st->last_reg_id = reg;
		}
	}
	if (!ind || !reg) {
		tl_errors_add(errs, st->uri, 0, 0, NULL, "store: observation for unknown %s '%s'",
			      ind ? "region" : "indicator", ind ? o->region : o->indicator);
		return TL_ERR_STORE;
	}
	int64_t src = 0;
	if (o->source && st->last_src_id && !strcmp(o->source, st->last_src)) {
		src = st->last_src_id;
	} else if (o->source) {
		if (!(src = source_id(st, o->source, errs)))
			return TL_ERR_STORE;
		size_t n = strlen(o->source);
		if (n < sizeof st->last_src) {
			memcpy(st->last_src, o->source, n + 1);
			st->last_src_id = src;
		}
	}

	/* A plain insert, which is the common case; only when the cell is
	 * already there does the update run: it replaces a cell of an earlier
	 * import and leaves one of this import alone (a duplicate, reported as
	 * 1).  An upsert would pay for the conflict check on every row. */
	int64_t per = period_id(&o->period);
	if (ind >= KEY_IND_MAX || reg >= KEY_REG_MAX || per <= 0 || per >= KEY_PER_MAX) {
		tl_errors_add(errs, st->uri, 0, 0, NULL,
			      "store: too many indicators or regions, or a period out of range, for the observation key");
		return TL_ERR_STORE;
	}
	int64_t key = obs_key(ind, reg, per);
	int rc = step_obs(st->put_obs, key, o, src, import_id);
	if (rc == SQLITE_CONSTRAINT && sqlite3_extended_errcode(st->db) == SQLITE_CONSTRAINT_PRIMARYKEY) {
		rc = step_obs(st->upd_obs, key, o, src, import_id);
		if (rc == SQLITE_DONE && sqlite3_changes(st->db) == 0)
			return 1;
	}
	if (rc != SQLITE_DONE)
		return fail(st, errs, "observation");
	return TL_OK;
}

static int has(sqlite3_stmt *s, const char *key)
{
	sqlite3_reset(s);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
	int found = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	return found;
}

int tl_store_has_indicator(tl_store *st, const char *slug)
{
	return has(st->has_ind, slug);
}

int tl_store_has_region(tl_store *st, const char *code)
{
	return has(st->has_reg, code);
}

long tl_store_count_observations(tl_store *st)
{
	sqlite3_stmt *s;
	long n = -1;
	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM obs", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			n = (long)sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	return n;
}

/* ---- Reads -------------------------------------------------------------- */

/* Column text copied into the arena; NULL stays NULL. */
static const char *col_text(tl_arena *a, sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	return t ? tl_arena_strdup(a, (const char *)t) : NULL;
}

/* Count rows of a query so arrays can be allocated once. */
static size_t count_rows(tl_store *st, const char *table)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	sqlite3_stmt *s;
	size_t n = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			n = (size_t)sqlite3_column_int64(s, 0);
		sqlite3_finalize(s);
	}
	return n;
}

static int load_agenda(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "SELECT slug, title, subtitle, organisation, period_start, period_end, report_year,"
		    " report_title, focus_region, national_region, lang, boundaries, boundaries_source"
		    " FROM agenda WHERE id = 1",
		    errs))
		return TL_ERR_STORE;
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		tl_errors_add(errs, st->uri, 0, 0, NULL,
			      "store: no agenda loaded (run: telling init FOLDER --db %s)", st->uri);
		return TL_ERR_NOTFOUND;
	}
	tl_arena *a = m->arena;
	struct tl_agenda *g = &m->agenda;
	g->slug = col_text(a, s, 0);
	g->title = col_text(a, s, 1);
	g->subtitle = col_text(a, s, 2);
	g->organisation = col_text(a, s, 3);
	g->period_start = sqlite3_column_int(s, 4);
	g->period_end = sqlite3_column_int(s, 5);
	g->report_year = sqlite3_column_int(s, 6);
	g->report_title = col_text(a, s, 7);
	g->focus_region = col_text(a, s, 8);
	g->national_region = col_text(a, s, 9);
	g->lang = col_text(a, s, 10);
	g->boundaries = col_text(a, s, 11);
	g->boundaries_source = col_text(a, s, 12);
	sqlite3_finalize(s);
	return TL_OK;
}

static int load_imports(tl_store *st, tl_arena *a, struct tl_indicator *d, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "SELECT count(*) FROM indicator_import WHERE indicator = ?1", errs))
		return TL_ERR_STORE;
	bind_text(s, 1, d->slug);
	size_t n = sqlite3_step(s) == SQLITE_ROW ? (size_t)sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	d->imports = TL_NEW_ARRAY(a, struct tl_import_spec, n + 1);
	if (prepare(st, &s,
		    "SELECT position, topic, table_id, scale, source FROM indicator_import"
		    " WHERE indicator = ?1 ORDER BY position",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, d->slug);
	while (d->n_imports < n && sqlite3_step(s) == SQLITE_ROW) {
		struct tl_import_spec *sp = &d->imports[d->n_imports++];
		int pos = sqlite3_column_int(s, 0);
		sp->topic = col_text(a, s, 1);
		sp->table = col_text(a, s, 2);
		sp->scale = sqlite3_column_double(s, 3);
		sp->source = col_text(a, s, 4);
		sqlite3_stmt *q;
		if (prepare(st, &q,
			    "SELECT key, code FROM indicator_import_dim WHERE indicator = ?1 AND position = ?2"
			    " ORDER BY key",
			    errs)) {
			sqlite3_finalize(s);
			return TL_ERR_STORE;
		}
		bind_text(q, 1, d->slug);
		bind_int0(q, 2, pos);
		size_t cap = 8;
		sp->dim_keys = TL_NEW_ARRAY(a, const char *, cap);
		sp->dim_codes = TL_NEW_ARRAY(a, const char *, cap);
		while (sqlite3_step(q) == SQLITE_ROW && sp->n_dims < cap) {
			sp->dim_keys[sp->n_dims] = col_text(a, q, 0);
			sp->dim_codes[sp->n_dims] = col_text(a, q, 1);
			sp->n_dims++;
		}
		sqlite3_finalize(q);
	}
	sqlite3_finalize(s);
	return TL_OK;
}

static int load_framework(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	sqlite3_stmt *s;

	m->themes = TL_NEW_ARRAY(a, struct tl_theme, count_rows(st, "theme") + 1);
	if (prepare(st, &s, "SELECT slug, position, title, subtitle FROM theme ORDER BY position, slug", errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_theme *t = &m->themes[m->n_themes++];
		t->slug = col_text(a, s, 0);
		t->position = sqlite3_column_int(s, 1);
		t->title = col_text(a, s, 2);
		t->subtitle = col_text(a, s, 3);
	}
	sqlite3_finalize(s);

	m->goals = TL_NEW_ARRAY(a, struct tl_goal, count_rows(st, "goal") + 1);
	if (prepare(st, &s, "SELECT number, theme, title, body FROM goal ORDER BY number", errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_goal *g = &m->goals[m->n_goals++];
		g->number = sqlite3_column_int(s, 0);
		g->theme = col_text(a, s, 1);
		g->title = col_text(a, s, 2);
		g->text = col_text(a, s, 3);
	}
	sqlite3_finalize(s);

	size_t n_ind = count_rows(st, "indicator");
	m->indicators = TL_NEW_ARRAY(a, struct tl_indicator, n_ind + 1);
	if (prepare(st, &s,
		    "SELECT slug, theme, position, title, subject, unit, decimals, polarity, source,"
		    " source_detail, notes FROM indicator ORDER BY position, slug",
		    errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_indicator *d = &m->indicators[m->n_indicators++];
		d->slug = col_text(a, s, 0);
		d->theme = col_text(a, s, 1);
		d->position = sqlite3_column_int(s, 2);
		d->title = col_text(a, s, 3);
		d->subject = col_text(a, s, 4);
		d->unit = col_text(a, s, 5);
		d->decimals = sqlite3_column_int(s, 6);
		const char *pol = (const char *)sqlite3_column_text(s, 7);
		if (!pol || tl_polarity_parse(pol, &d->polarity))
			d->polarity = TL_POLARITY_NEUTRAL;
		d->source = col_text(a, s, 8);
		d->source_detail = col_text(a, s, 9);
		d->notes = col_text(a, s, 10);
	}
	sqlite3_finalize(s);

	/* Goals and breaks per indicator: small tables, one pass each. */
	for (size_t i = 0; i < m->n_indicators; i++) {
		struct tl_indicator *d = &m->indicators[i];
		if (prepare(st, &s, "SELECT goal FROM indicator_goal WHERE indicator = ?1 ORDER BY goal", errs))
			return TL_ERR_STORE;
		bind_text(s, 1, d->slug);
		size_t cap = 4;
		d->goals = TL_NEW_ARRAY(a, int, cap);
		while (sqlite3_step(s) == SQLITE_ROW) {
			if (d->n_goals == cap) {
				int *g = TL_NEW_ARRAY(a, int, cap * 2);
				memcpy(g, d->goals, cap * sizeof *g);
				d->goals = g;
				cap *= 2;
			}
			d->goals[d->n_goals++] = sqlite3_column_int(s, 0);
		}
		sqlite3_finalize(s);
		if (prepare(st, &s,
			    "SELECT year, explanation FROM series_break WHERE indicator = ?1 ORDER BY year", errs))
			return TL_ERR_STORE;
		bind_text(s, 1, d->slug);
		cap = 4;
		d->breaks = TL_NEW_ARRAY(a, struct tl_series_break, cap);
		while (sqlite3_step(s) == SQLITE_ROW) {
			if (d->n_breaks == cap) {
				struct tl_series_break *b = TL_NEW_ARRAY(a, struct tl_series_break, cap * 2);
				memcpy(b, d->breaks, cap * sizeof *b);
				d->breaks = b;
				cap *= 2;
			}
			d->breaks[d->n_breaks].year = sqlite3_column_int(s, 0);
			d->breaks[d->n_breaks].explanation = col_text(a, s, 1);
			d->n_breaks++;
		}
		sqlite3_finalize(s);
		if (load_imports(st, a, d, errs))
			return TL_ERR_STORE;
	}

	m->regions = TL_NEW_ARRAY(a, struct tl_region, count_rows(st, "region") + 1);
	if (prepare(st, &s, "SELECT code, name, level, parent, classification_year FROM region ORDER BY code",
		    errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_region *r = &m->regions[m->n_regions++];
		r->code = col_text(a, s, 0);
		r->name = col_text(a, s, 1);
		r->level = col_text(a, s, 2);
		r->parent = col_text(a, s, 3);
		r->classification_year = sqlite3_column_int(s, 4);
	}
	sqlite3_finalize(s);

	size_t n_groups = count_rows(st, "region_group");
	m->groups = TL_NEW_ARRAY(a, struct tl_region_group, n_groups + 1);
	if (prepare(st, &s, "SELECT slug, name, description FROM region_group ORDER BY slug", errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_region_group *g = &m->groups[m->n_groups++];
		g->slug = col_text(a, s, 0);
		g->name = col_text(a, s, 1);
		g->description = col_text(a, s, 2);
	}
	sqlite3_finalize(s);
	for (size_t i = 0; i < m->n_groups; i++) {
		struct tl_region_group *g = &m->groups[i];
		if (prepare(st, &s, "SELECT region FROM region_group_member WHERE grp = ?1 ORDER BY position", errs))
			return TL_ERR_STORE;
		bind_text(s, 1, g->slug);
		size_t cap = 8;
		g->members = TL_NEW_ARRAY(a, const char *, cap);
		while (sqlite3_step(s) == SQLITE_ROW) {
			if (g->n_members == cap) {
				const char **mm = TL_NEW_ARRAY(a, const char *, cap * 2);
				memcpy(mm, g->members, cap * sizeof *mm);
				g->members = mm;
				cap *= 2;
			}
			g->members[g->n_members++] = col_text(a, s, 0);
		}
		sqlite3_finalize(s);
	}

	m->mergers = TL_NEW_ARRAY(a, struct tl_merger, count_rows(st, "merger") + 1);
	if (prepare(st, &s, "SELECT new_code, year, action FROM merger ORDER BY new_code, year", errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_merger *g = &m->mergers[m->n_mergers++];
		g->new_code = col_text(a, s, 0);
		g->year = sqlite3_column_int(s, 1);
		const char *act = (const char *)sqlite3_column_text(s, 2);
		g->action = act && !strcmp(act, "map") ? TL_MERGER_MAP : TL_MERGER_BREAK;
	}
	sqlite3_finalize(s);
	for (size_t i = 0; i < m->n_mergers; i++) {
		struct tl_merger *g = &m->mergers[i];
		if (prepare(st, &s, "SELECT old_code FROM merger_old WHERE new_code = ?1 AND year = ?2 ORDER BY position",
			    errs))
			return TL_ERR_STORE;
		bind_text(s, 1, g->new_code);
		bind_int0(s, 2, g->year);
		size_t cap = 8;
		g->old_codes = TL_NEW_ARRAY(a, const char *, cap);
		while (sqlite3_step(s) == SQLITE_ROW) {
			if (g->n_old == cap) {
				const char **mm = TL_NEW_ARRAY(a, const char *, cap * 2);
				memcpy(mm, g->old_codes, cap * sizeof *mm);
				g->old_codes = mm;
				cap *= 2;
			}
			g->old_codes[g->n_old++] = col_text(a, s, 0);
		}
		sqlite3_finalize(s);
	}

	m->chapters = TL_NEW_ARRAY(a, struct tl_chapter, count_rows(st, "chapter") + 1);
	if (prepare(st, &s, "SELECT slug, position, theme, title, path, markdown FROM chapter ORDER BY position",
		    errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_chapter *c = &m->chapters[m->n_chapters++];
		c->slug = col_text(a, s, 0);
		c->position = sqlite3_column_int(s, 1);
		c->theme = col_text(a, s, 2);
		c->title = col_text(a, s, 3);
		c->path = col_text(a, s, 4);
		c->markdown = col_text(a, s, 5);
	}
	sqlite3_finalize(s);
	return TL_OK;
}

/* Interned strings: observations repeat the same few indicator slugs and
 * region codes; point them at the model's own copies instead of duplicating. */
static const char *intern_indicator(struct tl_model *m, const char *slug)
{
	const struct tl_indicator *d = tl_model_indicator(m, slug);
	return d ? d->slug : tl_arena_strdup(m->arena, slug);
}

static const char *intern_region(struct tl_model *m, const char *code, const char **last)
{
	if (*last && strcmp(*last, code) == 0)
		return *last;
	const struct tl_region *r = tl_model_region(m, code);
	*last = r ? r->code : tl_arena_strdup(m->arena, code);
	return *last;
}

static int load_observations(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	sqlite3_stmt *s;
	m->obs = TL_NEW_ARRAY(a, struct tl_observation, count_rows(st, "obs") + 1);
	/* Ordered by the text keys, so a model (and every page built from it)
	 * does not depend on the order ids were given out in. */
	if (prepare(st, &s,
		    "SELECT i.slug, r.code, p.year, p.kind, p.sub, o.value, o.status, s.text, o.note"
		    " FROM obs o JOIN indicator i ON i.id = (o.key >> 43)"
		    " JOIN region r ON r.id = ((o.key >> 19) & 16777215)"
		    " JOIN period p ON p.id = (o.key & 524287) LEFT JOIN source s ON s.id = o.source_id"
		    " ORDER BY i.slug, r.code, p.code",
		    errs))
		return TL_ERR_STORE;
	tl_strmap *sources = tl_strmap_new(a);
	const char *last_ind = NULL, *last_reg = NULL;
	int rc = TL_OK;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_observation *o = &m->obs[m->n_obs];
		const char *ind = (const char *)sqlite3_column_text(s, 0);
		const char *reg = (const char *)sqlite3_column_text(s, 1);
		const char *kind = (const char *)sqlite3_column_text(s, 3);
		int status = sqlite3_column_int(s, 6);
		if (!ind || !reg || !kind)
			continue;
		if (!last_ind || strcmp(last_ind, ind) != 0)
			last_ind = intern_indicator(m, ind);
		o->indicator = last_ind;
		o->region = intern_region(m, reg, &last_reg);
		o->period.year = sqlite3_column_int(s, 2);
		o->period.kind = !strcmp(kind, "KW") ? TL_PERIOD_QUARTER : !strcmp(kind, "MM") ? TL_PERIOD_MONTH : TL_PERIOD_YEAR;
		o->period.sub = sqlite3_column_int(s, 4);
		if (status < TL_STATUS_FINAL || status > TL_STATUS_MISSING) {
			tl_errors_add(errs, st->uri, 0, 0, NULL, "store: corrupt observation %s/%s/%d", ind, reg,
				      o->period.year);
			rc = TL_ERR_STORE;
			break;
		}
		o->status = (enum tl_status)status;
		o->value = sqlite3_column_double(s, 5);
		const char *src = (const char *)sqlite3_column_text(s, 7);
		o->source = src ? tl_strmap_key(sources, src) : NULL;
		if (src && !o->source)
			o->source = tl_strmap_put(sources, src, NULL);
		o->note = col_text(a, s, 8);
		m->n_obs++;
	}
	sqlite3_finalize(s);
	tl_strmap_free(sources);
	return rc;
}

static int load_shapes(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	sqlite3_stmt *s;
	m->shapes = TL_NEW_ARRAY(a, struct tl_shape, count_rows(st, "region_shape") + 1);
	if (prepare(st, &s, "SELECT region, crs, rings, points FROM region_shape ORDER BY region", errs))
		return TL_ERR_STORE;
	int rc = TL_OK;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_shape *sh = &m->shapes[m->n_shapes];
		const char *code = (const char *)sqlite3_column_text(s, 0);
		const struct tl_region *r = code ? tl_model_region(m, code) : NULL;
		const unsigned char *rings = sqlite3_column_blob(s, 2);
		size_t rl = (size_t)sqlite3_column_bytes(s, 2);
		const unsigned char *pts = sqlite3_column_blob(s, 3);
		size_t pl = (size_t)sqlite3_column_bytes(s, 3);
		size_t sum = 0;
		unsigned *ring_len = TL_NEW_ARRAY(a, unsigned, rl / 4 + 1);
		for (size_t i = 0; rings && i < rl / 4; i++)
			sum += ring_len[i] = (unsigned)get_le(rings + 4 * i, 4);
		if (!r || rl % 4 || pl % 16 || sum != pl / 16) {
			tl_errors_add(errs, st->uri, 0, 0, NULL, "store: corrupt outline of region %s",
				      code ? code : "?");
			rc = TL_ERR_STORE;
			break;
		}
		double *xy = TL_NEW_ARRAY(a, double, pl / 8 + 1);
		for (size_t i = 0; i < pl / 8; i++) {
			uint64_t u = get_le(pts + 8 * i, 8);
			memcpy(&xy[i], &u, 8);
		}
		sh->region = r->code;
		sh->crs = sqlite3_column_int(s, 1) == 1 ? TL_CRS_RD : TL_CRS_WGS84;
		sh->xy = xy;
		sh->n_points = pl / 16;
		sh->ring_len = ring_len;
		sh->n_rings = rl / 4;
		m->n_shapes++;
	}
	sqlite3_finalize(s);
	return rc;
}

static int load_report(tl_store *st, struct tl_model *m, tl_errors *errs);

int tl_store_load(tl_store *st, tl_arena *a, struct tl_model **out, tl_errors *errs)
{
	struct tl_model *m = tl_model_new(a);
	int rc = load_agenda(st, m, errs);
	if (!rc)
		rc = load_framework(st, m, errs);
	if (!rc)
		rc = load_report(st, m, errs);
	if (!rc)
		rc = load_observations(st, m, errs);
	if (!rc)
		rc = load_shapes(st, m, errs);
	if (rc)
		return rc;
	tl_model_index(m);
	*out = m;
	return TL_OK;
}

int tl_store_load_framework(tl_store *st, tl_arena *a, struct tl_model **out, tl_errors *errs)
{
	struct tl_model *m = tl_model_new(a);
	int rc = load_agenda(st, m, errs);
	if (!rc)
		rc = load_framework(st, m, errs);
	if (!rc)
		rc = load_report(st, m, errs);
	if (rc)
		return rc;
	*out = m;
	return TL_OK;
}

/* ---- Annual report content (model/report.h) ------------------------------ */

static void bind_opt_double(sqlite3_stmt *s, int i, int has, double v)
{
	if (has)
		sqlite3_bind_double(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

static void bind_ymd(sqlite3_stmt *s, int i, const struct tl_ymd *d)
{
	char t[11];
	tl_ymd_text(d, t);
	bind_text(s, i, t[0] ? t : NULL);
}

/* One statement per row of a small child table: (owner, position/goal, value). */
static int put_goals(tl_store *st, const char *sql, const char *owner, const int *goals, size_t n,
		     tl_errors *errs)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s;
		if (prepare(st, &s, sql, errs))
			return TL_ERR_STORE;
		bind_text(s, 1, owner);
		bind_int0(s, 2, goals[i]);
		if (run(st, s, errs, "goal link"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

static int put_texts(tl_store *st, const char *sql, const char *owner, const char *const *v, size_t n,
		     tl_errors *errs)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s;
		if (prepare(st, &s, sql, errs))
			return TL_ERR_STORE;
		bind_text(s, 1, owner);
		bind_int0(s, 2, (int)i);
		bind_text(s, 3, v[i]);
		if (run(st, s, errs, "list"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_put_instrument(tl_store *st, const struct tl_instrument *in, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO instrument (slug, position, name, kind, theme, description, budget,"
		    " budget_note, start_year, end_year, in_agenda, source)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, in->slug);
	bind_int0(s, 2, in->position);
	bind_text(s, 3, in->name);
	bind_text(s, 4, in->kind);
	bind_text(s, 5, in->theme);
	bind_text(s, 6, in->description);
	bind_opt_double(s, 7, in->has_budget, in->budget);
	bind_text(s, 8, in->budget_note);
	bind_int0(s, 9, in->start_year);
	bind_int0(s, 10, in->end_year);
	bind_int0(s, 11, in->in_agenda ? 1 : 0);
	bind_text(s, 12, in->source);
	if (run(st, s, errs, "instrument") ||
	    put_texts(st, "INSERT INTO instrument_partner (instrument, position, name) VALUES (?1, ?2, ?3)",
		      in->slug, in->partners, in->n_partners, errs) ||
	    put_texts(st, "INSERT INTO instrument_region (instrument, position, region) VALUES (?1, ?2, ?3)",
		      in->slug, in->municipalities, in->n_municipalities, errs) ||
	    put_goals(st, "INSERT INTO instrument_goal (instrument, goal) VALUES (?1, ?2)", in->slug,
		      in->goals, in->n_goals, errs))
		return TL_ERR_STORE;
	for (size_t i = 0; i < in->n_stated; i++) {
		const struct tl_stated_total *t = &in->stated[i];
		if (prepare(st, &s,
			    "INSERT INTO stated_total (instrument, position, year, theme, count, amount, text)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			    errs))
			return TL_ERR_STORE;
		bind_text(s, 1, in->slug);
		bind_int0(s, 2, (int)i);
		bind_int0(s, 3, t->year);
		bind_text(s, 4, t->theme);
		if (t->count >= 0)
			sqlite3_bind_int64(s, 5, t->count);
		bind_opt_double(s, 6, t->has_amount, t->amount);
		bind_text(s, 7, t->text);
		if (run(st, s, errs, "stated total"))
			return TL_ERR_STORE;
	}
	for (size_t i = 0; i < in->n_grants; i++) {
		const struct tl_grant *g = &in->grants[i];
		if (prepare(st, &s,
			    "INSERT INTO award (instrument, position, recipient, project, region, year, amount, note)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			    errs))
			return TL_ERR_STORE;
		bind_text(s, 1, in->slug);
		bind_int0(s, 2, (int)i);
		bind_text(s, 3, g->recipient);
		bind_text(s, 4, g->project);
		bind_text(s, 5, g->municipality);
		bind_int0(s, 6, g->year);
		bind_opt_double(s, 7, g->has_amount, g->amount);
		bind_text(s, 8, g->note);
		if (run(st, s, errs, "grant"))
			return TL_ERR_STORE;
		for (size_t k = 0; k < g->n_goals; k++) {
			if (prepare(st, &s, "INSERT INTO award_goal (instrument, position, goal) VALUES (?1, ?2, ?3)",
				    errs))
				return TL_ERR_STORE;
			bind_text(s, 1, in->slug);
			bind_int0(s, 2, (int)i);
			bind_int0(s, 3, g->goals[k]);
			if (run(st, s, errs, "grant goal"))
				return TL_ERR_STORE;
		}
	}
	return TL_OK;
}

int tl_store_put_target(tl_store *st, const struct tl_target *t, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO target (slug, position, title, theme, instrument, unit, decimals, polarity,"
		    " baseline, baseline_date, target, deadline, text, source)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, t->slug);
	bind_int0(s, 2, t->position);
	bind_text(s, 3, t->title);
	bind_text(s, 4, t->theme);
	bind_text(s, 5, t->instrument);
	bind_text(s, 6, t->unit);
	bind_int0(s, 7, t->decimals);
	bind_text(s, 8, tl_polarity_name(t->polarity));
	bind_opt_double(s, 9, t->has_baseline, t->baseline);
	bind_ymd(s, 10, &t->baseline_date);
	bind_opt_double(s, 11, t->has_target, t->target);
	bind_ymd(s, 12, &t->deadline);
	bind_text(s, 13, t->text);
	bind_text(s, 14, t->source);
	if (run(st, s, errs, "target") ||
	    put_goals(st, "INSERT INTO target_goal (target, goal) VALUES (?1, ?2)", t->slug, t->goals,
		      t->n_goals, errs))
		return TL_ERR_STORE;
	for (size_t i = 0; i < t->n_progress; i++) {
		const struct tl_target_entry *e = &t->progress[i];
		if (prepare(st, &s,
			    "INSERT INTO target_progress (target, position, date, value, source, note)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			    errs))
			return TL_ERR_STORE;
		bind_text(s, 1, t->slug);
		bind_int0(s, 2, (int)i);
		bind_ymd(s, 3, &e->date);
		sqlite3_bind_double(s, 4, e->value);
		bind_text(s, 5, e->source);
		bind_text(s, 6, e->note);
		if (run(st, s, errs, "target progress"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_put_story(tl_store *st, const struct tl_story *y, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO story (slug, position, title, kicker, lead, place, region, date, published,"
		    " path, markdown) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
		    errs))
		return TL_ERR_STORE;
	bind_text(s, 1, y->slug);
	bind_int0(s, 2, y->position);
	bind_text(s, 3, y->title);
	bind_text(s, 4, y->kicker);
	bind_text(s, 5, y->lead);
	bind_text(s, 6, y->place);
	bind_text(s, 7, y->municipality);
	bind_ymd(s, 8, &y->date);
	bind_int0(s, 9, y->published ? 1 : 0);
	bind_text(s, 10, y->path);
	bind_text(s, 11, y->markdown ? y->markdown : "");
	if (run(st, s, errs, "story") ||
	    put_goals(st, "INSERT INTO story_goal (story, goal) VALUES (?1, ?2)", y->slug, y->goals,
		      y->n_goals, errs) ||
	    put_texts(st, "INSERT INTO story_instrument (story, position, instrument) VALUES (?1, ?2, ?3)",
		      y->slug, y->instruments, y->n_instruments, errs))
		return TL_ERR_STORE;
	for (size_t i = 0; i < y->n_people; i++) {
		const struct tl_person *p = &y->people[i];
		if (prepare(st, &s,
			    "INSERT INTO story_person (story, position, name, role, consent, alias)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			    errs))
			return TL_ERR_STORE;
		bind_text(s, 1, y->slug);
		bind_int0(s, 2, (int)i);
		bind_text(s, 3, p->name);
		bind_text(s, 4, p->role);
		bind_int0(s, 5, p->consent ? 1 : 0);
		bind_text(s, 6, p->alias);
		if (run(st, s, errs, "story person"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_put_next_step(tl_store *st, const struct tl_next_step *n, tl_errors *errs)
{
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO next_step (position, slug, theme, year, status, text, outcome)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		    errs))
		return TL_ERR_STORE;
	bind_int0(s, 1, n->position);
	bind_text(s, 2, n->slug);
	bind_text(s, 3, n->theme);
	bind_int0(s, 4, n->year);
	bind_text(s, 5, tl_step_status_name(n->status));
	bind_text(s, 6, n->text);
	bind_text(s, 7, n->outcome);
	return run(st, s, errs, "next step");
}

/* A date column back into a tl_ymd (NULL or malformed: no date). */
static struct tl_ymd col_ymd(sqlite3_stmt *s, int i)
{
	struct tl_ymd d = {0, 0, 0};
	const char *t = (const char *)sqlite3_column_text(s, i);
	if (t && tl_ymd_parse(t, strlen(t), &d))
		d = (struct tl_ymd){0, 0, 0};
	return d;
}

static int col_opt_double(sqlite3_stmt *s, int i, double *out)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return 0;
	*out = sqlite3_column_double(s, i);
	return 1;
}

/* Rows of `sql` (one text parameter ?1 = owner) as goal numbers. */
static int *load_goal_list(tl_store *st, tl_arena *a, const char *sql, const char *owner, size_t *n,
			   tl_errors *errs)
{
	sqlite3_stmt *s;
	*n = 0;
	if (prepare(st, &s, sql, errs))
		return NULL;
	bind_text(s, 1, owner);
	size_t cap = 4;
	int *v = TL_NEW_ARRAY(a, int, cap);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			int *w = TL_NEW_ARRAY(a, int, cap * 2);
			memcpy(w, v, cap * sizeof *v);
			v = w;
			cap *= 2;
		}
		v[(*n)++] = sqlite3_column_int(s, 0);
	}
	sqlite3_finalize(s);
	return v;
}

static const char **load_text_list(tl_store *st, tl_arena *a, const char *sql, const char *owner,
				   size_t *n, tl_errors *errs)
{
	sqlite3_stmt *s;
	*n = 0;
	if (prepare(st, &s, sql, errs))
		return NULL;
	bind_text(s, 1, owner);
	size_t cap = 4;
	const char **v = TL_NEW_ARRAY(a, const char *, cap);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (*n == cap) {
			const char **w = TL_NEW_ARRAY(a, const char *, cap * 2);
			memcpy(w, v, cap * sizeof *v);
			v = w;
			cap *= 2;
		}
		v[(*n)++] = col_text(a, s, 0);
	}
	sqlite3_finalize(s);
	return v;
}

static size_t count_where(tl_store *st, const char *sql, const char *owner)
{
	sqlite3_stmt *s;
	size_t n = 0;
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return 0;
	bind_text(s, 1, owner);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static int load_instruments(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	sqlite3_stmt *s, *q;
	m->instruments = TL_NEW_ARRAY(a, struct tl_instrument, count_rows(st, "instrument") + 1);
	if (prepare(st, &s,
		    "SELECT slug, position, name, kind, theme, description, budget, budget_note, start_year,"
		    " end_year, in_agenda, source FROM instrument ORDER BY position, slug",
		    errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_instrument *in = &m->instruments[m->n_instruments++];
		in->slug = col_text(a, s, 0);
		in->position = sqlite3_column_int(s, 1);
		in->name = col_text(a, s, 2);
		in->kind = col_text(a, s, 3);
		in->theme = col_text(a, s, 4);
		in->description = col_text(a, s, 5);
		in->has_budget = col_opt_double(s, 6, &in->budget);
		in->budget_note = col_text(a, s, 7);
		in->start_year = sqlite3_column_int(s, 8);
		in->end_year = sqlite3_column_int(s, 9);
		in->in_agenda = sqlite3_column_int(s, 10);
		in->source = col_text(a, s, 11);
	}
	sqlite3_finalize(s);
	for (size_t i = 0; i < m->n_instruments; i++) {
		struct tl_instrument *in = &m->instruments[i];
		in->partners = load_text_list(st, a,
					      "SELECT name FROM instrument_partner WHERE instrument = ?1 ORDER BY position",
					      in->slug, &in->n_partners, errs);
		in->municipalities = load_text_list(
			st, a, "SELECT region FROM instrument_region WHERE instrument = ?1 ORDER BY position",
			in->slug, &in->n_municipalities, errs);
		in->goals = load_goal_list(st, a, "SELECT goal FROM instrument_goal WHERE instrument = ?1 ORDER BY goal",
					   in->slug, &in->n_goals, errs);
		if (!in->partners || !in->municipalities || !in->goals)
			return TL_ERR_STORE;
		size_t ns = count_where(st, "SELECT count(*) FROM stated_total WHERE instrument = ?1", in->slug);
		in->stated = TL_NEW_ARRAY(a, struct tl_stated_total, ns + 1);
		if (prepare(st, &q,
			    "SELECT year, theme, count, amount, text FROM stated_total WHERE instrument = ?1"
			    " ORDER BY position",
			    errs))
			return TL_ERR_STORE;
		bind_text(q, 1, in->slug);
		while (in->n_stated < ns && sqlite3_step(q) == SQLITE_ROW) {
			struct tl_stated_total *t = &in->stated[in->n_stated++];
			t->year = sqlite3_column_int(q, 0);
			t->theme = col_text(a, q, 1);
			t->count = sqlite3_column_type(q, 2) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(q, 2);
			t->has_amount = col_opt_double(q, 3, &t->amount);
			t->text = col_text(a, q, 4);
		}
		sqlite3_finalize(q);
		size_t ng = count_where(st, "SELECT count(*) FROM award WHERE instrument = ?1", in->slug);
		in->grants = TL_NEW_ARRAY(a, struct tl_grant, ng + 1);
		if (prepare(st, &q,
			    "SELECT position, recipient, project, region, year, amount, note FROM award"
			    " WHERE instrument = ?1 ORDER BY position",
			    errs))
			return TL_ERR_STORE;
		bind_text(q, 1, in->slug);
		while (in->n_grants < ng && sqlite3_step(q) == SQLITE_ROW) {
			struct tl_grant *g = &in->grants[in->n_grants++];
			int pos = sqlite3_column_int(q, 0);
			g->instrument = in->slug;
			g->recipient = col_text(a, q, 1);
			g->project = col_text(a, q, 2);
			g->municipality = col_text(a, q, 3);
			g->year = sqlite3_column_int(q, 4);
			g->has_amount = col_opt_double(q, 5, &g->amount);
			g->note = col_text(a, q, 6);
			sqlite3_stmt *r;
			if (prepare(st, &r,
				    "SELECT goal FROM award_goal WHERE instrument = ?1 AND position = ?2 ORDER BY goal",
				    errs)) {
				sqlite3_finalize(q);
				return TL_ERR_STORE;
			}
			bind_text(r, 1, in->slug);
			bind_int0(r, 2, pos);
			/* goal links are unique per grant: at most one per goal */
			g->goals = TL_NEW_ARRAY(a, int, m->n_goals + 1);
			while (g->n_goals < m->n_goals && sqlite3_step(r) == SQLITE_ROW)
				g->goals[g->n_goals++] = sqlite3_column_int(r, 0);
			sqlite3_finalize(r);
		}
		sqlite3_finalize(q);
	}
	return TL_OK;
}

static int load_targets(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	sqlite3_stmt *s, *q;
	m->targets = TL_NEW_ARRAY(a, struct tl_target, count_rows(st, "target") + 1);
	if (prepare(st, &s,
		    "SELECT slug, position, title, theme, instrument, unit, decimals, polarity, baseline,"
		    " baseline_date, target, deadline, text, source FROM target ORDER BY position, slug",
		    errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_target *t = &m->targets[m->n_targets++];
		t->slug = col_text(a, s, 0);
		t->position = sqlite3_column_int(s, 1);
		t->title = col_text(a, s, 2);
		t->theme = col_text(a, s, 3);
		t->instrument = col_text(a, s, 4);
		t->unit = col_text(a, s, 5);
		t->decimals = sqlite3_column_int(s, 6);
		const char *pol = (const char *)sqlite3_column_text(s, 7);
		if (!pol || tl_polarity_parse(pol, &t->polarity))
			t->polarity = TL_POLARITY_NEUTRAL;
		t->has_baseline = col_opt_double(s, 8, &t->baseline);
		t->baseline_date = col_ymd(s, 9);
		t->has_target = col_opt_double(s, 10, &t->target);
		t->deadline = col_ymd(s, 11);
		t->text = col_text(a, s, 12);
		t->source = col_text(a, s, 13);
	}
	sqlite3_finalize(s);
	for (size_t i = 0; i < m->n_targets; i++) {
		struct tl_target *t = &m->targets[i];
		t->goals = load_goal_list(st, a, "SELECT goal FROM target_goal WHERE target = ?1 ORDER BY goal",
					  t->slug, &t->n_goals, errs);
		if (!t->goals)
			return TL_ERR_STORE;
		size_t np = count_where(st, "SELECT count(*) FROM target_progress WHERE target = ?1", t->slug);
		t->progress = TL_NEW_ARRAY(a, struct tl_target_entry, np + 1);
		if (prepare(st, &q,
			    "SELECT date, value, source, note FROM target_progress WHERE target = ?1 ORDER BY position",
			    errs))
			return TL_ERR_STORE;
		bind_text(q, 1, t->slug);
		while (t->n_progress < np && sqlite3_step(q) == SQLITE_ROW) {
			struct tl_target_entry *e = &t->progress[t->n_progress++];
			e->date = col_ymd(q, 0);
			e->value = sqlite3_column_double(q, 1);
			e->source = col_text(a, q, 2);
			e->note = col_text(a, q, 3);
		}
		sqlite3_finalize(q);
	}
	return TL_OK;
}

static int load_stories(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	sqlite3_stmt *s, *q;
	m->stories = TL_NEW_ARRAY(a, struct tl_story, count_rows(st, "story") + 1);
	if (prepare(st, &s,
		    "SELECT slug, position, title, kicker, lead, place, region, date, published, path, markdown"
		    " FROM story ORDER BY position, slug",
		    errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_story *y = &m->stories[m->n_stories++];
		y->slug = col_text(a, s, 0);
		y->position = sqlite3_column_int(s, 1);
		y->title = col_text(a, s, 2);
		y->kicker = col_text(a, s, 3);
		y->lead = col_text(a, s, 4);
		y->place = col_text(a, s, 5);
		y->municipality = col_text(a, s, 6);
		y->date = col_ymd(s, 7);
		y->published = sqlite3_column_int(s, 8) != 0;
		y->path = col_text(a, s, 9);
		y->markdown = col_text(a, s, 10);
	}
	sqlite3_finalize(s);
	for (size_t i = 0; i < m->n_stories; i++) {
		struct tl_story *y = &m->stories[i];
		y->goals = load_goal_list(st, a, "SELECT goal FROM story_goal WHERE story = ?1 ORDER BY goal", y->slug,
					  &y->n_goals, errs);
		y->instruments = load_text_list(
			st, a, "SELECT instrument FROM story_instrument WHERE story = ?1 ORDER BY position", y->slug,
			&y->n_instruments, errs);
		if (!y->goals || !y->instruments)
			return TL_ERR_STORE;
		size_t np = count_where(st, "SELECT count(*) FROM story_person WHERE story = ?1", y->slug);
		y->people = TL_NEW_ARRAY(a, struct tl_person, np + 1);
		if (prepare(st, &q,
			    "SELECT name, role, consent, alias FROM story_person WHERE story = ?1 ORDER BY position",
			    errs))
			return TL_ERR_STORE;
		bind_text(q, 1, y->slug);
		while (y->n_people < np && sqlite3_step(q) == SQLITE_ROW) {
			struct tl_person *p = &y->people[y->n_people++];
			p->name = col_text(a, q, 0);
			p->role = col_text(a, q, 1);
			p->consent = sqlite3_column_int(q, 2) != 0;
			p->alias = col_text(a, q, 3);
		}
		sqlite3_finalize(q);
	}
	return TL_OK;
}

static int load_next_steps(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	sqlite3_stmt *s;
	m->next_steps = TL_NEW_ARRAY(a, struct tl_next_step, count_rows(st, "next_step") + 1);
	if (prepare(st, &s, "SELECT position, slug, theme, year, status, text, outcome FROM next_step ORDER BY position",
		    errs))
		return TL_ERR_STORE;
	while (sqlite3_step(s) == SQLITE_ROW) {
		struct tl_next_step *n = &m->next_steps[m->n_next_steps++];
		n->position = sqlite3_column_int(s, 0);
		n->slug = col_text(a, s, 1);
		n->theme = col_text(a, s, 2);
		n->year = sqlite3_column_int(s, 3);
		const char *status = (const char *)sqlite3_column_text(s, 4);
		if (!status || tl_step_status_parse(status, &n->status))
			n->status = TL_STEP_PLANNED;
		n->text = col_text(a, s, 5);
		n->outcome = col_text(a, s, 6);
	}
	sqlite3_finalize(s);
	return TL_OK;
}

static int load_report(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	if (load_instruments(st, m, errs) || load_targets(st, m, errs) || load_stories(st, m, errs) ||
	    load_next_steps(st, m, errs))
		return TL_ERR_STORE;
	return TL_OK;
}

/* ---- Accepted bound figures --------------------------------------------- */

int tl_store_put_accepted(tl_store *st, const struct tl_accepted *v, size_t n, tl_errors *errs)
{
	if (exec(st, "DELETE FROM accepted_binding", errs))
		return TL_ERR_STORE;
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "INSERT OR REPLACE INTO accepted_binding (chapter, binding, shown, period, accepted_at)"
		    " VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%SZ','now'))",
		    errs))
		return TL_ERR_STORE;
	for (size_t i = 0; i < n; i++) {
		sqlite3_reset(s);
		bind_text(s, 1, v[i].chapter);
		bind_text(s, 2, v[i].binding);
		bind_text(s, 3, v[i].shown ? v[i].shown : "");
		bind_text(s, 4, v[i].period);
		if (sqlite3_step(s) != SQLITE_DONE) {
			int rc = fail(st, errs, "accepted binding");
			sqlite3_finalize(s);
			return rc;
		}
	}
	sqlite3_finalize(s);
	return TL_OK;
}

int tl_store_load_accepted(tl_store *st, tl_arena *a, struct tl_accepted **out, size_t *n,
			   tl_errors *errs)
{
	size_t cap = count_rows(st, "accepted_binding"), k = 0;
	struct tl_accepted *v = tl_arena_array(a, cap ? cap : 1, sizeof *v);
	sqlite3_stmt *s;
	if (prepare(st, &s,
		    "SELECT chapter, binding, shown, period, accepted_at FROM accepted_binding"
		    " ORDER BY chapter, binding",
		    errs))
		return TL_ERR_STORE;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && k < cap)
		v[k++] = (struct tl_accepted){col_text(a, s, 0), col_text(a, s, 1), col_text(a, s, 2),
					      col_text(a, s, 3), col_text(a, s, 4)};
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail(st, errs, "accepted bindings");
	*out = v;
	*n = k;
	return TL_OK;
}
