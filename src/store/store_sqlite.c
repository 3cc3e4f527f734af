/*
 * store_sqlite — the store (store.h) on any engine behind the sql.h seam.
 *
 * Named for its first engine; it speaks only the portable SQL of sql.h, so
 * the same statements run on SQLite and on PostgreSQL.  One database holds
 * one agenda.  Statements are always bound, never built by concatenation;
 * the hot ones (observations) are prepared once per connection.
 */
#include "store.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/str.h"
#include "../core/strmap.h"
#include "../core/xalloc.h"
#include "schema.h"
#include "sql.h"
#include "store_internal.h"

struct tl_store {
	tl_sql *db;
	char *uri;
	int in_tx;
	tl_sql_stmt *put_obs, *upd_obs;
	tl_sql_stmt *put_period;
	tl_sql_stmt *has_ind;
	tl_sql_stmt *has_reg;
	tl_sql_stmt *ind_id, *reg_id, *src_id, *put_src;
	tl_sql_stmt *put_reg; /* prepared on first use: an import may add thousands */
	tl_sql_stmt *put_register; /* the region register, on first use */
	/* Codes in region_register, read once per transaction (register_known):
	 * a query per registered region cost a round trip each on PostgreSQL. */
	tl_arena *known_arena;
	tl_strmap *known;
	char last_period[9]; /* the period most recently ensured in table period */
	/* Integer ids of the keys observations use (schema migration 3), looked
	 * up once per key.  Ids given out inside a transaction die with it, so
	 * the caches are dropped on rollback and clear (forget_ids). */
	tl_arena *ids_arena;
	tl_strmap *ind_ids, *reg_ids, *src_ids;
	tl_strmap *periods; /* codes ensured in table period, with last_period */
	/* PostgreSQL's bulk path (see put_observation): observations waiting
	 * for COPY, and the keys the current import wrote. */
	int bulk;
	tl_buf pending;
	int64_t seen_import;
	uint64_t *seen;
	size_t seen_cap, seen_n;
	/* A file's cells come row by row: one region (and one source) for many
	 * cells in a row, so the last id of each is remembered before hashing. */
	char last_reg[32], last_src[96];
	int64_t last_reg_id, last_src_id;
	/* ... while the indicator changes from cell to cell, among a few dozen
	 * whose slugs the caller passes from the same places each row: ids are
	 * kept by pointer (checked against a copy of the text), in a small
	 * open-addressing table that keeps what it holds. */
	struct ind_memo {
		const char *ptr;
		char text[48];
		int64_t id;
	} ind_memo[128];
	/* SQLite's bulk path (see "SQLite bulk loading"): the batch being
	 * filled, the writer thread that writes full ones (NULL until the
	 * first is handed over), and what a write leaves for this thread to
	 * report: duplicates found late and the first error. */
	struct lite_batch {
		struct lite_row *rows;
		size_t n;
		int64_t import_id;
	} fill;
	struct lite_ord *lite_ord, *lite_tmp; /* the sort's, used by whoever writes */
	size_t lite_rows;                     /* rows per batch (tl_store_bulk_rows) */
	struct lite_writer *w;
	int db_depth, db_held; /* this thread's lite_enter nesting; whether it took the connection */
	struct lite_row *dups;
	size_t n_dups, cap_dups;
	int lite_rc;
	char lite_msg[512];
	tl_store_dup_fn dup;
	void *dup_ctx;
	tl_sql_stmt *put_obs_n;            /* LITE_CHUNK rows in one INSERT */
	tl_sql_stmt *ind_slug, *reg_code;  /* for reporting a duplicate found late */
	int lite_cache;                    /* the page cache is the import's (LITE_CACHE) */
};

/* A row of SQLite's bulk buffer, and its place in key order. */
struct lite_row {
	int64_t key;
	double value;
	int64_t src;   /* 0: none */
	uint64_t tag;
	char *note;    /* owned, NULL mostly */
	int status;
};

struct lite_ord {
	uint64_t key;
	uint32_t row;
};

enum {
	/* Rows per batch: 6 MB, and 4 MB of sort order.  A batch of a file
	 * that is not in key order touches pages all over the b-tree; four
	 * times the rows per batch is a quarter of the touches (a national
	 * long file sorted by indicator: 9,8 s CPU with 32 768 rows, 4,9 s;
	 * a wide file is the same either way). */
	LITE_ROWS = 131072,
	LITE_CHUNK = 64,   /* rows per INSERT */
	LITE_COLS = 5      /* parameters per row; import_id is shared */
};

/* ---- PostgreSQL bulk loading ---------------------------------------------
 * A row-by-row upsert costs a round trip per observation (7 000/s into a
 * local server; the national RIVM files took 250 s).  On PostgreSQL the
 * store instead collects observations in COPY's text format and loads them
 * in batches: COPY into a temporary table, then one INSERT … ON CONFLICT
 * into obs, which replaces cells of earlier imports.  A cell this import
 * already wrote is found in `seen` (the keys of the current import, an
 * open-addressing set; keys are never 0), so put_observation can still
 * report the duplicate at once, with the importer's position.  Pending rows
 * are flushed before anything reads obs and before a commit, and dropped
 * with a rollback. */

static void register_forget(tl_store *st); /* with the region register, below */

static void seen_forget(tl_store *st)
{
	free(st->seen);
	st->seen = NULL;
	st->seen_cap = st->seen_n = 0;
	st->seen_import = 0;
}

/* Add key; 0 when it was there already. */
static int seen_add(tl_store *st, uint64_t key)
{
	if (2 * (st->seen_n + 1) > st->seen_cap) {
		size_t cap = st->seen_cap ? 2 * st->seen_cap : 1024;
		uint64_t *old = st->seen, *tab = xcalloc(cap, sizeof *tab);
		for (size_t i = 0; i < st->seen_cap; i++) {
			if (!old[i])
				continue;
			size_t j = (size_t)(old[i] * 0x9E3779B97F4A7C15u >> 20) & (cap - 1);
			while (tab[j])
				j = (j + 1) & (cap - 1);
			tab[j] = old[i];
		}
		free(old);
		st->seen = tab;
		st->seen_cap = cap;
	}
	size_t j = (size_t)(key * 0x9E3779B97F4A7C15u >> 20) & (st->seen_cap - 1);
	while (st->seen[j]) {
		if (st->seen[j] == key)
			return 0;
		j = (j + 1) & (st->seen_cap - 1);
	}
	st->seen[j] = key;
	st->seen_n++;
	return 1;
}

/* Flushing a batch (pg_flush).  Staging and upserting every row cost 27 s
 * of the 44 s the national RIVM files took: the upsert's conflict check per
 * row, and inserts into the primary key's index in file order (region by
 * region, 31 indicators a row: all over the key space).  So the batch is
 * sorted by key and copied straight into obs, which is all a first import
 * (or one of new periods) needs.  When a key is already there (the batch
 * replaces cells of an earlier import, or another transaction wrote the
 * same cell and committed) the COPY fails with a unique violation; it is
 * undone to a savepoint and the batch goes the old way, through obs_stage
 * and one upsert.  A cell this import wrote never conflicts: seen keeps
 * its keys unique. */
struct pg_row {
	int64_t key;
	const char *line;
	size_t len;
};

static int pg_row_cmp(const void *a, const void *b)
{
	int64_t x = ((const struct pg_row *)a)->key, y = ((const struct pg_row *)b)->key;
	return (x > y) - (x < y);
}

/* Write st->pending (see above); 0 or TL_SQL_ERROR. */
static int pg_flush(tl_store *st)
{
	size_t n = 0, cap = 1024;
	struct pg_row *rows = xmalloc(cap * sizeof *rows);
	for (const char *p = st->pending.data, *end = p + st->pending.len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);
		if (n == cap)
			rows = xrealloc(rows, (cap *= 2) * sizeof *rows);
		rows[n++] = (struct pg_row){strtoll(p, NULL, 10), p, len};
		p += len;
	}
	qsort(rows, n, sizeof *rows, pg_row_cmp);
	tl_buf sorted = TL_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		tl_buf_put(&sorted, rows[i].line, rows[i].len);
	free(rows);
	/* Outside a transaction a failed COPY leaves nothing to undo. */
	int copied = 0, rc = st->in_tx ? tl_sql_exec(st->db, "SAVEPOINT obs_copy") : 0;
	if (!rc) {
		rc = tl_sql_copy(st->db, "COPY obs (key, value, status, source_id, note, import_id) FROM STDIN",
				 sorted.data, sorted.len);
		if (!rc) {
			copied = 1;
			if (st->in_tx)
				rc = tl_sql_exec(st->db, "RELEASE SAVEPOINT obs_copy");
		} else if (rc == TL_SQL_CONSTRAINT) {
			rc = st->in_tx ? tl_sql_exec(st->db, "ROLLBACK TO SAVEPOINT obs_copy") : 0;
		}
	}
	if (!rc && !copied)
		rc = tl_sql_exec(st->db, "CREATE TEMP TABLE IF NOT EXISTS obs_stage (LIKE obs)");
	if (!rc && !copied)
		rc = tl_sql_copy(st->db, "COPY obs_stage (key, value, status, source_id, note, import_id) FROM STDIN",
				 sorted.data, sorted.len);
	if (!rc && !copied)
		rc = tl_sql_exec(st->db,
				 "INSERT INTO obs (key, value, status, source_id, note, import_id)"
				 " SELECT key, value, status, source_id, note, import_id FROM obs_stage ORDER BY key"
				 " ON CONFLICT (key) DO UPDATE SET value = excluded.value, status = excluded.status,"
				 " source_id = excluded.source_id, note = excluded.note, import_id = excluded.import_id;"
				 "TRUNCATE obs_stage");
	tl_buf_free(&sorted);
	return rc ? TL_SQL_ERROR : 0;
}

/* Text for COPY's text format: backslash, tab and line ends escaped. */
static void copy_text(tl_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\\': tl_buf_puts(b, "\\\\"); break;
		case '\t': tl_buf_puts(b, "\\t"); break;
		case '\n': tl_buf_puts(b, "\\n"); break;
		case '\r': tl_buf_puts(b, "\\r"); break;
		default: tl_buf_putc(b, *s);
		}
	}
}

static int fail(tl_store *st, tl_errors *errs, const char *what);

/* SQLite's bulk path, below. */
static int lite_finish(tl_store *st, tl_errors *errs);
static void lite_drop(tl_store *st);
static void lite_settle(tl_store *st);
static void lite_enter(tl_store *st);
static void lite_leave(tl_store *st);
static void lite_cache_end(tl_store *st);

/* Write the pending observations: SQLite's bulk batches, PostgreSQL's COPY
 * text. */
static int flush_obs(tl_store *st, tl_errors *errs)
{
	if (st->fill.n || st->w || st->n_dups || st->lite_rc) {
		int lrc = lite_finish(st, errs);
		if (lrc)
			return lrc;
	}
	if (!st->pending.len)
		return TL_OK;
	int rc = pg_flush(st);
	tl_buf_reset(&st->pending);
	return rc ? fail(st, errs, "observations") : TL_OK;
}

static void forget_ids(tl_store *st)
{
	register_forget(st);
	tl_strmap_free(st->ind_ids);
	tl_strmap_free(st->reg_ids);
	tl_strmap_free(st->src_ids);
	tl_strmap_free(st->periods);
	tl_arena_free(st->ids_arena);
	st->ids_arena = tl_arena_new();
	st->ind_ids = tl_strmap_new(st->ids_arena);
	st->reg_ids = tl_strmap_new(st->ids_arena);
	st->src_ids = tl_strmap_new(st->ids_arena);
	st->periods = tl_strmap_new(st->ids_arena);
	st->last_period[0] = '\0';
	st->last_reg[0] = st->last_src[0] = '\0';
	st->last_reg_id = st->last_src_id = 0;
	memset(st->ind_memo, 0, sizeof st->ind_memo);
}

static int fail(tl_store *st, tl_errors *errs, const char *what)
{
	tl_errors_add(errs, st->uri, 0, 0, NULL, "store: %s: %s", what, tl_sql_errmsg(st->db));
	return TL_ERR_STORE;
}

static int exec(tl_store *st, const char *sql, tl_errors *errs)
{
	lite_settle(st);
	if (tl_sql_exec(st->db, sql)) {
		tl_errors_add(errs, st->uri, 0, 0, NULL, "store: %s", tl_sql_errmsg(st->db));
		return TL_ERR_STORE;
	}
	return TL_OK;
}

static int prepare(tl_store *st, tl_sql_stmt **out, const char *sql, tl_errors *errs)
{
	lite_settle(st);
	if (!(*out = tl_sql_prepare(st->db, sql)))
		return fail(st, errs, "prepare");
	return TL_OK;
}

/* One integer from a query without parameters; `fallback` when none. */
static int64_t query_int(tl_store *st, const char *sql, int64_t fallback)
{
	lite_settle(st);
	tl_sql_stmt *s = tl_sql_prepare(st->db, sql);
	int64_t v = fallback;
	if (s && tl_sql_step(s) == TL_SQL_ROW)
		v = tl_sql_col_int(s, 0);
	tl_sql_finalize(s);
	return v;
}

/* The schema version lives in table schema_version (one row).  A SQLite
 * store from before that table kept it in PRAGMA user_version: read once,
 * and moved into the table by the next migration. */
static int schema_version(tl_store *st)
{
	if (tl_sql_has_table(st->db, "schema_version"))
		return (int)query_int(st, "SELECT version FROM schema_version", -1);
	return tl_sql_legacy_version(st->db);
}

static int no_schema(const char *uri, tl_errors *errs)
{
	tl_errors_add(errs, uri, 0, 0, NULL, "store: no telling store in it (no schema; run: telling init FOLDER --db %s)",
		      uri);
	return TL_ERR_STORE;
}

/* Bring the schema up to date, all migrations in one transaction.  With
 * must_exist a database without any schema (an empty one) is refused
 * before anything is written to it. */
static int migrate(tl_store *st, int must_exist, tl_errors *errs)
{
	int v = schema_version(st);
	if (v < 0)
		return fail(st, errs, "cannot read schema version");
	if (must_exist && v == 0 && !tl_sql_has_table(st->db, "schema_version"))
		return no_schema(st->uri, errs);
	if (v > tl_schema_version) {
		tl_errors_add(errs, st->uri, 0, 0, NULL,
			      "store: schema version %d is newer than this telling understands (%d); "
			      "upgrade telling",
			      v, tl_schema_version);
		return TL_ERR_STORE;
	}
	int has_table = tl_sql_has_table(st->db, "schema_version");
	if (v == tl_schema_version && has_table)
		return TL_OK;
	if (tl_sql_begin(st->db))
		return fail(st, errs, "begin");
	for (int i = v; i < tl_schema_version; i++) {
		if (exec(st, tl_schema_migrations[i], errs)) {
			tl_sql_rollback(st->db);
			return TL_ERR_STORE;
		}
	}
	tl_sql_stmt *s = NULL;
	if ((!has_table && exec(st, "CREATE TABLE schema_version (version INTEGER NOT NULL);"
				    "INSERT INTO schema_version VALUES (0)", errs)) ||
	    prepare(st, &s, "UPDATE schema_version SET version = ?1", errs)) {
		tl_sql_rollback(st->db);
		return TL_ERR_STORE;
	}
	tl_sql_bind_int(s, 1, tl_schema_version);
	int rc = tl_sql_step(s);
	tl_sql_finalize(s);
	if (rc != TL_SQL_DONE || tl_sql_set_legacy_version(st->db, tl_schema_version)) {
		fail(st, errs, "schema version");
		tl_sql_rollback(st->db);
		return TL_ERR_STORE;
	}
	if (tl_sql_commit(st->db)) {
		fail(st, errs, "commit");
		tl_sql_rollback(st->db);
		return TL_ERR_STORE;
	}
	return TL_OK;
}

static int open_store(tl_store **out, const char *uri, int must_exist, tl_errors *errs)
{
	*out = NULL;
	/* An empty SQLite file is refused before it is opened: opening it
	 * switches it to WAL, which writes its first page. */
	struct stat sb;
	if (must_exist && !tl_sql_is_pg_uri(uri) &&
	    (stat(tl_starts_with(uri, "sqlite:") ? uri + strlen("sqlite:") : uri, &sb) != 0 || sb.st_size == 0))
		return no_schema(uri, errs);
	tl_store *st = xcalloc(1, sizeof *st);
	st->uri = xstrdup(uri);
	st->lite_rows = LITE_ROWS;
	forget_ids(st);
	if (tl_sql_open(&st->db, uri)) {
		tl_errors_add(errs, uri, 0, 0, NULL, "store: cannot open: %s",
			      st->db ? tl_sql_errmsg(st->db) : "out of memory");
		tl_store_close(st);
		return TL_ERR_STORE;
	}
	/* Observations: SQLite tries a plain insert and updates only when the
	 * cell exists (an upsert pays for the conflict check on every row);
	 * PostgreSQL cannot go on after a failed statement in a transaction,
	 * so it upserts.  Both change no row for a cell this import wrote. */
	const char *put_obs =
		tl_sql_kind(st->db) == TL_SQL_SQLITE
			? "INSERT INTO obs (key, value, status, source_id, note, import_id)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
			: "INSERT INTO obs (key, value, status, source_id, note, import_id)"
			  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
			  " ON CONFLICT (key) DO UPDATE SET value = excluded.value, status = excluded.status,"
			  " source_id = excluded.source_id, note = excluded.note, import_id = excluded.import_id"
			  " WHERE obs.import_id IS DISTINCT FROM excluded.import_id";
	if (migrate(st, must_exist, errs) || prepare(st, &st->put_obs, put_obs, errs) ||
	    prepare(st, &st->upd_obs,
		    "UPDATE obs SET value = ?2, status = ?3, source_id = ?4, note = ?5, import_id = ?6"
		    " WHERE key = ?1 AND import_id IS DISTINCT FROM ?6",
		    errs) ||
	    prepare(st, &st->put_period,
		    "INSERT INTO period (code, year, kind, sub, id) VALUES (?1, ?2, ?3, ?4, ?5)"
		    " ON CONFLICT DO NOTHING",
		    errs) ||
	    prepare(st, &st->ind_id, "SELECT id FROM indicator WHERE slug = ?1", errs) ||
	    prepare(st, &st->reg_id, "SELECT id FROM region WHERE code = ?1", errs) ||
	    prepare(st, &st->src_id, "SELECT id FROM source WHERE text = ?1", errs) ||
	    prepare(st, &st->put_src, "INSERT INTO source (text) VALUES (?1) ON CONFLICT DO NOTHING", errs) ||
	    prepare(st, &st->has_ind, "SELECT 1 FROM indicator WHERE slug = ?1", errs) ||
	    prepare(st, &st->has_reg, "SELECT 1 FROM region WHERE code = ?1", errs)) {
		tl_store_close(st);
		return TL_ERR_STORE;
	}
	st->bulk = tl_sql_kind(st->db) == TL_SQL_PG;
	*out = st;
	return TL_OK;
}

int tl_store_open(tl_store **out, const char *uri, tl_errors *errs)
{
	return open_store(out, uri, 0, errs);
}

int tl_store_open_existing(tl_store **out, const char *uri, tl_errors *errs)
{
	return open_store(out, uri, 1, errs);
}

void tl_store_close(tl_store *st)
{
	if (!st)
		return;
	if (st->in_tx)
		tl_store_rollback(st);
	lite_drop(st);
	free(st->fill.rows);
	free(st->dups);
	free(st->lite_ord);
	free(st->lite_tmp);
	tl_sql_finalize(st->put_obs_n);
	tl_sql_finalize(st->ind_slug);
	tl_sql_finalize(st->reg_code);
	tl_sql_finalize(st->put_obs);
	tl_sql_finalize(st->upd_obs);
	tl_sql_finalize(st->put_period);
	tl_sql_finalize(st->has_ind);
	tl_sql_finalize(st->has_reg);
	tl_sql_finalize(st->ind_id);
	tl_sql_finalize(st->reg_id);
	tl_sql_finalize(st->src_id);
	tl_sql_finalize(st->put_src);
	tl_sql_finalize(st->put_reg);
	tl_sql_finalize(st->put_register);
	register_forget(st);
	tl_strmap_free(st->ind_ids);
	tl_strmap_free(st->reg_ids);
	tl_strmap_free(st->src_ids);
	tl_strmap_free(st->periods);
	tl_arena_free(st->ids_arena);
	tl_buf_free(&st->pending);
	seen_forget(st);
	tl_sql_close(st->db);
	free(st->uri);
	free(st);
}

tl_sql *tl_store_sql(tl_store *st)
{
	lite_settle(st); /* the caller runs statements of its own */
	return st->db;
}

int tl_store_is_pg_uri(const char *uri)
{
	return tl_sql_is_pg_uri(uri);
}

const char *tl_store_uri(const tl_store *st)
{
	return st->uri;
}

int tl_store_schema_version(tl_store *st)
{
	return schema_version(st);
}

int tl_store_begin(tl_store *st, tl_errors *errs)
{
	if (st->in_tx)
		tl_panic("nested store transaction");
	if (tl_sql_begin(st->db))
		return fail(st, errs, "begin");
	register_forget(st); /* others may have registered since */
	st->in_tx = 1;
	return TL_OK;
}

int tl_store_commit(tl_store *st, tl_errors *errs)
{
	if (!st->in_tx)
		tl_panic("commit without transaction");
	if (flush_obs(st, errs)) {
		tl_store_rollback(st);
		return TL_ERR_STORE;
	}
	if (tl_sql_commit(st->db)) {
		fail(st, errs, "commit");
		tl_store_rollback(st);
		return TL_ERR_STORE;
	}
	st->in_tx = 0;
	lite_cache_end(st);
	return TL_OK;
}

void tl_store_rollback(tl_store *st)
{
	if (!st->in_tx)
		return;
	lite_drop(st); /* the writer thread first: it may be inside an INSERT */
	tl_sql_rollback(st->db);
	st->in_tx = 0;
	forget_ids(st); /* period rows and ids may have been rolled back */
	lite_cache_end(st);
	tl_buf_reset(&st->pending);
	seen_forget(st);
}

int tl_store_clear(tl_store *st, int with_data, tl_errors *errs)
{
	if (flush_obs(st, errs))
		return TL_ERR_STORE;
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

/* ---- Running statements ------------------------------------------------- */

/* Run a prepared one-shot statement to completion and finalize it. */
static int run(tl_store *st, tl_sql_stmt *s, tl_errors *errs, const char *what)
{
	int rc = tl_sql_step(s);
	tl_sql_finalize(s);
	if (rc != TL_SQL_DONE)
		return fail(st, errs, what);
	return TL_OK;
}

/* Run a one-shot INSERT … RETURNING id, read the id and finalize. */
static int run_id(tl_store *st, tl_sql_stmt *s, int64_t *id, tl_errors *errs, const char *what)
{
	int rc = tl_sql_step(s);
	if (rc == TL_SQL_ROW) {
		*id = tl_sql_col_int(s, 0);
		rc = tl_sql_step(s);
	}
	tl_sql_finalize(s);
	if (rc != TL_SQL_DONE)
		return fail(st, errs, what);
	return TL_OK;
}

/* ---- Framework writes --------------------------------------------------- */

int tl_store_put_agenda(tl_store *st, const struct tl_agenda *a, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO agenda (id, slug, title, subtitle, organisation, period_start,"
		    " period_end, report_year, report_title, focus_region, national_region, lang)"
		    " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
		    " ON CONFLICT (id) DO UPDATE SET slug = excluded.slug, title = excluded.title,"
		    " subtitle = excluded.subtitle, organisation = excluded.organisation,"
		    " period_start = excluded.period_start, period_end = excluded.period_end,"
		    " report_year = excluded.report_year, report_title = excluded.report_title,"
		    " focus_region = excluded.focus_region, national_region = excluded.national_region,"
		    " lang = excluded.lang",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, a->slug);
	tl_sql_bind_text(s, 2, a->title);
	tl_sql_bind_text(s, 3, a->subtitle);
	tl_sql_bind_text(s, 4, a->organisation);
	tl_sql_bind_int(s, 5, a->period_start);
	tl_sql_bind_int(s, 6, a->period_end);
	tl_sql_bind_int(s, 7, a->report_year);
	tl_sql_bind_text(s, 8, a->report_title);
	tl_sql_bind_text(s, 9, a->focus_region);
	tl_sql_bind_text(s, 10, a->national_region);
	tl_sql_bind_text(s, 11, a->lang ? a->lang : "nl");
	if (run(st, s, errs, "agenda"))
		return TL_ERR_STORE;
	if (prepare(st, &s, "UPDATE agenda SET boundaries = ?1, boundaries_source = ?2, check_off = ?3 WHERE id = 1",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, a->boundaries);
	tl_sql_bind_text(s, 2, a->boundaries_source);
	tl_sql_bind_text(s, 3, a->check_off);
	return run(st, s, errs, "agenda");
}

int tl_store_put_theme(tl_store *st, const struct tl_theme *t, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO theme (slug, position, title, subtitle) VALUES (?1, ?2, ?3, ?4)"
		    " ON CONFLICT (slug) DO UPDATE SET position = excluded.position,"
		    " title = excluded.title, subtitle = excluded.subtitle",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, t->slug);
	tl_sql_bind_int(s, 2, t->position);
	tl_sql_bind_text(s, 3, t->title);
	tl_sql_bind_text(s, 4, t->subtitle);
	return run(st, s, errs, "theme");
}

int tl_store_put_goal(tl_store *st, const struct tl_goal *g, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s, "INSERT INTO goal (number, theme, title, body) VALUES (?1, ?2, ?3, ?4)"
		    " ON CONFLICT (number) DO UPDATE SET theme = excluded.theme, title = excluded.title,"
		    " body = excluded.body",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_int(s, 1, g->number);
	tl_sql_bind_text(s, 2, g->theme);
	tl_sql_bind_text(s, 3, g->title);
	tl_sql_bind_text(s, 4, g->text);
	return run(st, s, errs, "goal");
}

int tl_store_put_indicator(tl_store *st, const struct tl_indicator *d, tl_errors *errs)
{
	tl_sql_stmt *s;
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
	tl_sql_bind_text(s, 1, d->slug);
	tl_sql_bind_text(s, 2, d->theme);
	tl_sql_bind_int(s, 3, d->position);
	tl_sql_bind_text(s, 4, d->title);
	tl_sql_bind_text(s, 5, d->subject);
	tl_sql_bind_text(s, 6, d->unit);
	tl_sql_bind_int(s, 7, d->decimals);
	tl_sql_bind_text(s, 8, tl_polarity_name(d->polarity));
	tl_sql_bind_text(s, 9, d->source);
	tl_sql_bind_text(s, 10, d->source_detail);
	tl_sql_bind_text(s, 11, d->notes);
	if (run(st, s, errs, "indicator"))
		return TL_ERR_STORE;
	if (prepare(st, &s, "DELETE FROM indicator_goal WHERE indicator = ?1", errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, d->slug);
	if (run(st, s, errs, "indicator goals"))
		return TL_ERR_STORE;
	for (size_t i = 0; i < d->n_goals; i++) {
		if (prepare(st, &s, "INSERT INTO indicator_goal (indicator, goal) VALUES (?1, ?2)", errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, d->slug);
		tl_sql_bind_int(s, 2, d->goals[i]);
		if (run(st, s, errs, "indicator goal"))
			return TL_ERR_STORE;
	}
	if (prepare(st, &s, "DELETE FROM series_break WHERE indicator = ?1", errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, d->slug);
	if (run(st, s, errs, "series breaks"))
		return TL_ERR_STORE;
	if (prepare(st, &s, "DELETE FROM indicator_import WHERE indicator = ?1", errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, d->slug);
	if (run(st, s, errs, "import specs"))
		return TL_ERR_STORE;
	for (size_t i = 0; i < d->n_imports; i++) {
		const struct tl_import_spec *sp = &d->imports[i];
		if (prepare(st, &s,
			    "INSERT INTO indicator_import (indicator, position, topic, table_id, scale, source)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, d->slug);
		tl_sql_bind_int(s, 2, (int)i);
		tl_sql_bind_text(s, 3, sp->topic);
		tl_sql_bind_text(s, 4, sp->table);
		tl_sql_bind_double(s, 5, sp->scale);
		tl_sql_bind_text(s, 6, sp->source);
		if (run(st, s, errs, "import spec"))
			return TL_ERR_STORE;
		for (size_t k = 0; k < sp->n_dims; k++) {
			if (prepare(st, &s,
				    "INSERT INTO indicator_import_dim (indicator, position, key, code)"
				    " VALUES (?1, ?2, ?3, ?4)",
				    errs))
				return TL_ERR_STORE;
			tl_sql_bind_text(s, 1, d->slug);
			tl_sql_bind_int(s, 2, (int)i);
			tl_sql_bind_text(s, 3, sp->dim_keys[k]);
			tl_sql_bind_text(s, 4, sp->dim_codes[k]);
			if (run(st, s, errs, "import spec dimension"))
				return TL_ERR_STORE;
		}
	}
	for (size_t i = 0; i < d->n_breaks; i++) {
		if (prepare(st, &s, "INSERT INTO series_break (indicator, year, explanation) VALUES (?1, ?2, ?3)",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, d->slug);
		tl_sql_bind_int(s, 2, d->breaks[i].year);
		tl_sql_bind_text(s, 3, d->breaks[i].explanation);
		if (run(st, s, errs, "series break"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

static int put_region(tl_store *st, const struct tl_region *r, tl_errors *errs);

int tl_store_put_region(tl_store *st, const struct tl_region *r, tl_errors *errs)
{
	/* Called between a bulk load's cells (a file that adds its regions):
	 * the connection is taken from the writer thread only for this. */
	lite_enter(st);
	int rc = put_region(st, r, errs);
	lite_leave(st);
	return rc;
}

static int put_region(tl_store *st, const struct tl_region *r, tl_errors *errs)
{
	if (!st->put_reg &&
	    prepare(st, &st->put_reg,
		    "INSERT INTO region (code, name, level, parent, classification_year, id)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(id), 0) + 1 FROM region))"
		    " ON CONFLICT (code) DO UPDATE SET name = excluded.name, level = excluded.level,"
		    " parent = excluded.parent, classification_year = excluded.classification_year",
		    errs))
		return TL_ERR_STORE;
	tl_sql_stmt *s = st->put_reg;
	tl_sql_bind_text(s, 1, r->code);
	tl_sql_bind_text(s, 2, r->name);
	tl_sql_bind_text(s, 3, r->level);
	tl_sql_bind_text(s, 4, r->parent);
	tl_sql_bind_int(s, 5, r->classification_year);
	return tl_sql_run_later(s) ? fail(st, errs, "region") : TL_OK;
}

int tl_store_put_group(tl_store *st, const struct tl_region_group *g, tl_errors *errs)
{
	tl_sql_stmt *s;
	/* Replacing a group replaces its members (what INSERT OR REPLACE's
	 * cascade did before the SQL became portable). */
	if (prepare(st, &s, "DELETE FROM region_group_member WHERE grp = ?1", errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, g->slug);
	if (run(st, s, errs, "region group"))
		return TL_ERR_STORE;
	if (prepare(st, &s,
		    "INSERT INTO region_group (slug, name, description) VALUES (?1, ?2, ?3)"
		    " ON CONFLICT (slug) DO UPDATE SET name = excluded.name, description = excluded.description",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, g->slug);
	tl_sql_bind_text(s, 2, g->name);
	tl_sql_bind_text(s, 3, g->description);
	if (run(st, s, errs, "region group"))
		return TL_ERR_STORE;
	for (size_t i = 0; i < g->n_members; i++) {
		if (prepare(st, &s, "INSERT INTO region_group_member (grp, region, position) VALUES (?1, ?2, ?3)",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, g->slug);
		tl_sql_bind_text(s, 2, g->members[i]);
		tl_sql_bind_int(s, 3, (int)i);
		if (run(st, s, errs, "region group member"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

static int has(tl_sql_stmt *s, const char *key);

int tl_store_put_merger(tl_store *st, const struct tl_merger *g, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s, "DELETE FROM merger WHERE new_code = ?1 AND year = ?2", errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, g->new_code);
	tl_sql_bind_int(s, 2, g->year);
	if (run(st, s, errs, "merger"))
		return TL_ERR_STORE;
	if (prepare(st, &s, "INSERT INTO merger (new_code, year, action) VALUES (?1, ?2, ?3)", errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, g->new_code);
	tl_sql_bind_int(s, 2, g->year);
	tl_sql_bind_text(s, 3, g->action == TL_MERGER_MAP ? "map" : "break");
	if (run(st, s, errs, "merger"))
		return TL_ERR_STORE;
	for (size_t i = 0; i < g->n_old; i++) {
		if (prepare(st, &s, "INSERT INTO merger_old (new_code, year, position, old_code) VALUES (?1, ?2, ?3, ?4)",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, g->new_code);
		tl_sql_bind_int(s, 2, g->year);
		tl_sql_bind_int(s, 3, (int)i);
		tl_sql_bind_text(s, 4, g->old_codes[i]);
		if (run(st, s, errs, "merger"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

/* Forget the register's codes (a transaction ended or began). */
static void register_forget(tl_store *st)
{
	tl_strmap_free(st->known);
	tl_arena_free(st->known_arena);
	st->known = NULL;
	st->known_arena = NULL;
}

/* Read the codes region_register holds into st->known. */
static int register_known(tl_store *st, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s, "SELECT code FROM region_register", errs))
		return TL_ERR_STORE;
	st->known_arena = tl_arena_new();
	st->known = tl_strmap_new(st->known_arena);
	int rc;
	while ((rc = tl_sql_step(s)) == TL_SQL_ROW)
		tl_strmap_put(st->known, tl_sql_col_text(s, 0), (void *)1);
	tl_sql_finalize(s);
	if (rc != TL_SQL_DONE) {
		register_forget(st);
		return fail(st, errs, "region register");
	}
	return TL_OK;
}

static int register_region(tl_store *st, const struct tl_register_region *r, int *added,
			   tl_errors *errs);

int tl_store_register_region(tl_store *st, const struct tl_register_region *r, int *added,
			     tl_errors *errs)
{
	lite_enter(st);
	int rc = register_region(st, r, added, errs);
	lite_leave(st);
	return rc;
}

static int register_region(tl_store *st, const struct tl_register_region *r, int *added,
			   tl_errors *errs)
{
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
		    " first_year = CASE WHEN region_register.first_year IS NULL THEN excluded.first_year"
		    "   WHEN excluded.first_year < region_register.first_year THEN excluded.first_year"
		    "   ELSE region_register.first_year END,"
		    " last_year = CASE WHEN region_register.last_year IS NULL THEN excluded.last_year"
		    "   WHEN excluded.last_year > region_register.last_year THEN excluded.last_year"
		    "   ELSE region_register.last_year END",
		    errs))
		return TL_ERR_STORE;
	if (added) {
		if (!st->known && register_known(st, errs))
			return TL_ERR_STORE;
		int known;
		tl_strmap_get(st->known, r->code, &known);
		*added = !known;
		if (!known)
			tl_strmap_put(st->known, r->code, (void *)1);
	}
	tl_sql_stmt *s = st->put_register;
	tl_sql_bind_text(s, 1, r->code);
	tl_sql_bind_text(s, 2, r->name);
	tl_sql_bind_text(s, 3, r->level);
	tl_sql_bind_text(s, 4, r->parent);
	tl_sql_bind_text(s, 5, r->group);
	tl_sql_bind_int(s, 6, r->classification_year);
	tl_sql_bind_int(s, 7, r->first_year);
	tl_sql_bind_int(s, 8, r->last_year);
	/* Thousands in a row on a national import: no round trip each. */
	return tl_sql_run_later(s) ? fail(st, errs, "region register") : TL_OK;
}

int tl_store_register_group(tl_store *st, const char *code, const char *title, const char *parent,
			    tl_errors *errs)
{
	tl_sql_stmt *s;
	lite_enter(st);
	int rc = prepare(st, &s,
			 "INSERT INTO region_register_group (code, title, parent) VALUES (?1, ?2, ?3)"
			 " ON CONFLICT (code) DO UPDATE SET title = excluded.title, parent = excluded.parent",
			 errs);
	if (!rc) {
		tl_sql_bind_text(s, 1, code);
		tl_sql_bind_text(s, 2, title);
		tl_sql_bind_text(s, 3, parent);
		rc = run(st, s, errs, "region group register");
	}
	lite_leave(st);
	return rc;
}

int tl_store_register_get(tl_store *st, const char *code, tl_arena *a, struct tl_register_region *out)
{
	lite_settle(st);
	tl_sql_stmt *s;
	if (!(s = tl_sql_prepare(st->db,
				 "SELECT code, name, level, parent, grp, classification_year, first_year, last_year"
				 " FROM region_register WHERE code = ?1")))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, code);
	int rc = TL_ERR_NOTFOUND;
	if (tl_sql_step(s) == TL_SQL_ROW) {
		out->code = col_text(a, s, 0);
		out->name = col_text(a, s, 1);
		out->level = col_text(a, s, 2);
		out->parent = col_text(a, s, 3);
		out->group = col_text(a, s, 4);
		out->classification_year = (int)tl_sql_col_int(s, 5);
		out->first_year = (int)tl_sql_col_int(s, 6);
		out->last_year = (int)tl_sql_col_int(s, 7);
		rc = TL_OK;
	}
	tl_sql_finalize(s);
	return rc;
}

long tl_store_register_count(tl_store *st, const char *level)
{
	lite_settle(st);
	tl_sql_stmt *s;
	if (!(s = tl_sql_prepare(st->db,
				 "SELECT count(*) FROM region_register WHERE CAST(?1 AS TEXT) IS NULL OR level = ?1")))
		return -1;
	tl_sql_bind_text(s, 1, level);
	long n = tl_sql_step(s) == TL_SQL_ROW ? tl_sql_col_int(s, 0) : -1;
	tl_sql_finalize(s);
	return n;
}

int tl_store_put_chapter(tl_store *st, const struct tl_chapter *c, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO chapter (slug, position, theme, title, path, markdown)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
		    " ON CONFLICT (slug) DO UPDATE SET position = excluded.position, theme = excluded.theme,"
		    " title = excluded.title, path = excluded.path, markdown = excluded.markdown",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, c->slug);
	tl_sql_bind_int(s, 2, c->position);
	tl_sql_bind_text(s, 3, c->theme);
	tl_sql_bind_text(s, 4, c->title);
	tl_sql_bind_text(s, 5, c->path);
	tl_sql_bind_text(s, 6, c->markdown);
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
	tl_sql_stmt *s;
	if (prepare(st, &s, "INSERT INTO region_shape (region, crs, rings, points) VALUES (?1, ?2, ?3, ?4)"
		    " ON CONFLICT (region) DO UPDATE SET crs = excluded.crs, rings = excluded.rings,"
		    " points = excluded.points",
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
	tl_sql_bind_text(s, 1, sh->region);
	tl_sql_bind_int(s, 2, (int)sh->crs);
	tl_sql_bind_blob(s, 3, rings, rl);
	tl_sql_bind_blob(s, 4, pts, pl);
	free(rings);
	free(pts);
	return run(st, s, errs, "region outline");
}

int tl_store_import_begin(tl_store *st, const char *file, int64_t *import_id, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO import (file, started) VALUES (?1, ?2) RETURNING id",
		    errs))
		return TL_ERR_STORE;
	char now[21];
	tl_sql_now(now);
	tl_sql_bind_text(s, 1, file);
	tl_sql_bind_text(s, 2, now);
	return run_id(st, s, import_id, errs, "import");
}

int tl_store_import_end(tl_store *st, int64_t import_id, long rows, long observations, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (flush_obs(st, errs) ||
	    prepare(st, &s, "UPDATE import SET rows = ?2, observations = ?3 WHERE id = ?1", errs))
		return TL_ERR_STORE;
	tl_sql_bind_int(s, 1, import_id);
	tl_sql_bind_int(s, 2, rows);
	tl_sql_bind_int(s, 3, observations);
	return run(st, s, errs, "import");
}

/* The id of key in table (via its prepared lookup), cached; 0 when absent. */
static int64_t key_id(tl_store *st, tl_strmap *cache, tl_sql_stmt *lookup, const char *key)
{
	int found;
	void *v = tl_strmap_get(cache, key, &found);
	if (found)
		return (int64_t)(intptr_t)v;
	lite_enter(st);
	tl_sql_bind_text(lookup, 1, key);
	int64_t id = tl_sql_step(lookup) == TL_SQL_ROW ? tl_sql_col_int(lookup, 0) : 0;
	tl_sql_reset(lookup);
	lite_leave(st);
	if (id)
		tl_strmap_put(cache, key, (void *)(intptr_t)id);
	return id;
}

static int64_t source_id(tl_store *st, const char *text, tl_errors *errs)
{
	int64_t id = key_id(st, st->src_ids, st->src_id, text);
	if (id)
		return id;
	lite_enter(st);
	tl_sql_bind_text(st->put_src, 1, text);
	int rc = tl_sql_step(st->put_src);
	tl_sql_reset(st->put_src);
	if (rc != TL_SQL_DONE)
		fail(st, errs, "source");
	lite_leave(st);
	return rc == TL_SQL_DONE ? key_id(st, st->src_ids, st->src_id, text) : 0;
}

/* A period's integer id, computed from its code (see schema migration 3). */
static int64_t period_id(const struct tl_period *p)
{
	static const int base[] = {0, 10, 20};
	return (int64_t)p->year * 100 + base[p->kind] + p->sub;
}

/* Bind an observation to the insert or update statement (same parameter
 * numbers), run it once and reset it.
 * the step and the bindings are cleared right after it. */
static int step_obs(tl_sql_stmt *s, int64_t key, const struct tl_observation *o, int64_t src,
		    int64_t import_id)
{
	tl_sql_bind_int(s, 1, key);
	if (tl_status_has_value(o->status))
		tl_sql_bind_double(s, 2, o->value);
	tl_sql_bind_int(s, 3, (int)o->status);
	if (src)
		tl_sql_bind_int(s, 4, src);
	if (o->note)
		tl_sql_bind_text(s, 5, o->note);
	tl_sql_bind_int(s, 6, import_id);
	int rc = tl_sql_step(s);
	tl_sql_reset(s);
	return rc;
}

/* The packed observation key (schema migration 12): period id in the high
 * bits, then region id, then indicator id, so that a wide file (one
 * period, rows of regions in file order, a column per indicator) is
 * written in ascending key order, an append.  The SQL in
 * load_observations and the view `observation` (schema.c) unpack it with
 * the same numbers. */
#define KEY_IND_BITS 20
#define KEY_REG_BITS 24
#define KEY_IND_MAX ((int64_t)1 << KEY_IND_BITS)
#define KEY_REG_MAX ((int64_t)1 << KEY_REG_BITS)
#define KEY_PER_MAX ((int64_t)1 << 19)

static int64_t obs_key(int64_t ind, int64_t reg, int64_t per)
{
	return per << (KEY_REG_BITS + KEY_IND_BITS) | reg << KEY_IND_BITS | ind;
}

static int64_t key_indicator(int64_t key)
{
	return key & (KEY_IND_MAX - 1);
}

static int64_t key_region(int64_t key)
{
	return (key >> KEY_IND_BITS) & (KEY_REG_MAX - 1);
}

static int64_t key_period(int64_t key)
{
	return key >> (KEY_REG_BITS + KEY_IND_BITS);
}

/* An indicator's id, by its slug's pointer first (see ind_memo). */
static int64_t indicator_id(tl_store *st, const char *slug)
{
	enum { N = sizeof st->ind_memo / sizeof *st->ind_memo };
	size_t h = (size_t)(((uint64_t)(uintptr_t)slug * 0x9E3779B97F4A7C15u) >> 57);
	for (size_t k = 0; k < N; k++) {
		struct ind_memo *im = &st->ind_memo[(h + k) & (N - 1)];
		if (im->ptr && im->ptr != slug)
			continue;
		if (im->ptr && !strcmp(im->text, slug))
			return im->id;
		int64_t id = key_id(st, st->ind_ids, st->ind_id, slug);
		size_t n = strlen(slug);
		if (id && n < sizeof im->text) { /* a new entry, or the same pointer with new text */
			im->ptr = slug;
			memcpy(im->text, slug, n + 1);
			im->id = id;
		}
		return id;
	}
	return key_id(st, st->ind_ids, st->ind_id, slug);
}

/* The packed key and source id of an observation, adding its period (and
 * source) to their tables when new.  TL_OK, or an error in errs. */
static int obs_ids(tl_store *st, const struct tl_observation *o, int64_t *keyp, int64_t *srcp,
		   tl_errors *errs)
{
	char code[9];
	static const char *const kinds[] = {"JJ", "KW", "MM"};
	tl_period_code(&o->period, code);

	/* Insert a period only the first time it is seen: rows of a wide file
	 * share their period, but a long file may change it on every row.
	 * The caches are cleared on rollback (see tl_store_rollback). */
	if (strcmp(code, st->last_period) != 0 && !tl_strmap_get(st->periods, code, NULL)) {
		tl_sql_stmt *p = st->put_period;
		tl_sql_bind_text(p, 1, code);
		tl_sql_bind_int(p, 2, o->period.year);
		tl_sql_bind_text(p, 3, kinds[o->period.kind]);
		tl_sql_bind_int(p, 4, o->period.sub);
		tl_sql_bind_int(p, 5, period_id(&o->period));
		lite_enter(st);
		int prc = tl_sql_run_later(p) ? fail(st, errs, "period") : TL_OK;
		lite_leave(st);
		if (prc)
			return prc;
		tl_strmap_put(st->periods, code, st);
	}
	memcpy(st->last_period, code, sizeof code);
	int64_t ind = indicator_id(st, o->indicator);
	int64_t reg;
	if (st->last_reg_id && !strcmp(o->region, st->last_reg)) {
		reg = st->last_reg_id;
	} else {
		reg = key_id(st, st->reg_ids, st->reg_id, o->region);
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
	*keyp = obs_key(ind, reg, per);
	*srcp = src;
	return TL_OK;
}

int tl_store_put_observation(tl_store *st, int64_t import_id, const struct tl_observation *o,
			     tl_errors *errs)
{
	int64_t key, src;
	/* Rows waiting in the bulk buffer were given first: they go first. */
	if (st->fill.n || st->w || st->n_dups || st->lite_rc) {
		int frc = lite_finish(st, errs);
		if (frc)
			return frc;
	}
	if (obs_ids(st, o, &key, &src, errs))
		return TL_ERR_STORE;
	if (st->bulk) {
		if (st->seen_import != import_id) {
			/* The pending rows are all of one import (pg_flush). */
			if (flush_obs(st, errs))
				return TL_ERR_STORE;
			seen_forget(st);
			st->seen_import = import_id;
		}
		if (!seen_add(st, (uint64_t)key))
			return 1;
		char num[64];
		snprintf(num, sizeof num, "%lld\t", (long long)key);
		tl_buf_puts(&st->pending, num);
		if (tl_status_has_value(o->status)) {
			snprintf(num, sizeof num, "%.17g\t", o->value);
			tl_buf_puts(&st->pending, num);
		} else {
			tl_buf_puts(&st->pending, "\\N\t");
		}
		snprintf(num, sizeof num, "%d\t", (int)o->status);
		tl_buf_puts(&st->pending, num);
		if (src)
			snprintf(num, sizeof num, "%lld\t", (long long)src);
		else
			snprintf(num, sizeof num, "\\N\t");
		tl_buf_puts(&st->pending, num);
		if (o->note)
			copy_text(&st->pending, o->note);
		else
			tl_buf_puts(&st->pending, "\\N");
		snprintf(num, sizeof num, "\t%lld\n", (long long)import_id);
		tl_buf_puts(&st->pending, num);
		if (!st->in_tx || st->pending.len >= ((size_t)64 << 20))
			return flush_obs(st, errs);
		return TL_OK;
	}
	int rc = step_obs(st->put_obs, key, o, src, import_id);
	if (rc == TL_SQL_CONSTRAINT) {
		rc = step_obs(st->upd_obs, key, o, src, import_id);
		if (rc == TL_SQL_DONE && tl_sql_changes(st->db) == 0)
			return 1;
	} else if (rc == TL_SQL_DONE && tl_sql_changes(st->db) == 0) {
		return 1; /* PostgreSQL's upsert left this import's cell alone */
	}
	if (rc != TL_SQL_DONE)
		return fail(st, errs, "observation");
	return TL_OK;
}

/* ---- SQLite bulk loading -------------------------------------------------
 * One INSERT per observation costs a statement run and a descent of the obs
 * b-tree per cell, in the order the file has them: a file that does not
 * come in key order (period, region, indicator: see obs_key), such as a long
 * file listed indicator by indicator, lands each insert in another place of
 * the key space.  The bulk path keeps
 * up to LITE_ROWS rows, sorts them by key (a stable radix sort on their
 * keys), and writes them LITE_CHUNK to an INSERT: the rows of one statement
 * then fall on one or two leaf pages, which are hot.  The buffer is
 * bounded, so memory stays flat in the file size; sorting the whole import
 * instead was measured slower (page faults on a buffer of 100+ MB).
 *
 * A multi-row INSERT stops at a key that is already there and SQLite undoes
 * that statement (cheaply: in key order it touched a page or two); its rows
 * are then written one by one the usual way, which replaces a cell of an
 * earlier import and finds a duplicate of this one.  A duplicate inside the
 * buffer sorts next to its first occurrence.  Either is reported through
 * the caller's dup function with the caller's tag.
 *
 * The writing runs on a thread of its own while the caller parses and maps
 * the next batch (two batches: the one being filled, the one being
 * written).  The connection is one, and SQLite's connections are opened
 * without their own mutex, so the two threads take turns: the writer holds
 * it for one INSERT at a time (lite_chunk), and the caller's thread takes it
 * between two (lite_enter) for the few statements it runs itself while a
 * batch is written: a new region or period, an id not yet cached.  What a
 * write finds — duplicates, the first error — waits in the store until the
 * caller's thread reports it (lite_report), at the next hand-over or at the
 * end; a duplicate's names are looked up then.  Anything else the store is
 * asked first lets the writer finish its batch and stop (lite_settle), and
 * a rollback stops it at the next INSERT (cancel).  The transaction stays
 * the caller's: all-or-nothing and kill -9 safety do not change. */

/* The page cache while a transaction loads in bulk, and after it (SQLite's
 * default): sorted inserts into a store of tens of MB dirty more pages per
 * flush than 2 MB hold, and every page spilled to the WAL mid-transaction
 * is written again at commit and often read back before that. */
#define LITE_CACHE "PRAGMA cache_size = -8192"
#define LITE_CACHE_DEFAULT "PRAGMA cache_size = -2000"

struct lite_writer {
	pthread_t th;
	pthread_mutex_t mx;
	pthread_cond_t cv;       /* every change below is broadcast */
	struct lite_batch batch; /* the writer's while busy */
	int busy;                /* a batch is handed over and not yet written */
	int stop;                /* exit when not busy */
	int cancel;              /* skip the rest of the batch (rollback) */
	int in_chunk;            /* the writer is inside an INSERT */
	int main_wait, main_in;  /* the caller's thread wants / has the connection */
};

void tl_store_bulk_rows(tl_store *st, size_t rows)
{
	if (rows && !st->fill.rows && !st->w)
		st->lite_rows = rows;
}

void tl_store_bulk_begin(tl_store *st, tl_store_dup_fn dup, void *ctx)
{
	lite_settle(st);
	st->dup = dup;
	st->dup_ctx = ctx;
	/* A larger page cache until the transaction ends (a cap: memory stays
	 * flat in the file size).  Only a hint: an error is no reason to fail. */
	if (st->in_tx && !st->lite_cache && tl_sql_kind(st->db) == TL_SQL_SQLITE)
		st->lite_cache = tl_sql_exec(st->db, LITE_CACHE) == 0;
}

/* Back to the default page cache when the transaction has ended. */
static void lite_cache_end(tl_store *st)
{
	if (st->lite_cache)
		tl_sql_exec(st->db, LITE_CACHE_DEFAULT);
	st->lite_cache = 0;
}

int tl_store_bulk_end(tl_store *st, tl_errors *errs)
{
	/* Both engines: PostgreSQL's COPY text too, or a later file of the same
	 * run that replaces a cell would meet it twice in one INSERT … ON
	 * CONFLICT ("cannot affect row a second time"). */
	int rc = flush_obs(st, errs);
	st->dup = NULL;
	st->dup_ctx = NULL;
	return rc;
}

/* The caller's thread takes the connection between two of the writer's
 * INSERTs (nested calls count; without a writer there is nothing to do). */
static void lite_enter(tl_store *st)
{
	struct lite_writer *w = st->w;
	if (st->db_depth++ || !w)
		return;
	pthread_mutex_lock(&w->mx);
	w->main_wait = 1;
	while (w->in_chunk)
		pthread_cond_wait(&w->cv, &w->mx);
	w->main_wait = 0;
	w->main_in = 1;
	pthread_mutex_unlock(&w->mx);
	st->db_held = 1;
}

static void lite_leave(tl_store *st)
{
	if (--st->db_depth || !st->db_held)
		return;
	struct lite_writer *w = st->w;
	pthread_mutex_lock(&w->mx);
	w->main_in = 0;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mx);
	st->db_held = 0;
}

/* The writer's side: wait for the connection; 1 when cancelled. */
static int writer_enter(struct lite_writer *w)
{
	pthread_mutex_lock(&w->mx);
	while (w->main_in || w->main_wait)
		pthread_cond_wait(&w->cv, &w->mx);
	int cancel = w->cancel;
	w->in_chunk = !cancel;
	pthread_mutex_unlock(&w->mx);
	return cancel;
}

static void writer_leave(struct lite_writer *w)
{
	pthread_mutex_lock(&w->mx);
	w->in_chunk = 0;
	if (w->main_wait)
		pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mx);
}

/* An error of a write, kept for lite_report (the connection is held). */
static int lite_fail(tl_store *st, const char *what)
{
	if (!st->lite_rc) {
		snprintf(st->lite_msg, sizeof st->lite_msg, "%s: %s", what, tl_sql_errmsg(st->db));
		st->lite_rc = TL_ERR_STORE;
	}
	return TL_ERR_STORE;
}

/* A duplicate found by a write, kept for lite_report (the note moves). */
static void lite_keep_dup(tl_store *st, struct lite_row *r)
{
	if (st->n_dups == st->cap_dups) {
		st->cap_dups = st->cap_dups ? 2 * st->cap_dups : 16;
		st->dups = xrealloc(st->dups, st->cap_dups * sizeof *st->dups);
	}
	st->dups[st->n_dups++] = *r;
	r->note = NULL;
}

/* Order batch b by key into st->lite_ord: LSD radix sort on 8-bit digits,
 * which is stable (a duplicate stays after its first occurrence); digits
 * that are the same in every key (most of them in one file's batch) cost
 * one counting pass and no move. */
static void lite_sort(tl_store *st, const struct lite_batch *b)
{
	size_t n = b->n;
	struct lite_ord *a = st->lite_ord, *t = st->lite_tmp;
	for (size_t i = 0; i < n; i++) {
		a[i].key = (uint64_t)b->rows[i].key;
		a[i].row = (uint32_t)i;
	}
	for (int shift = 0; shift < 64; shift += 8) {
		size_t count[257] = {0};
		for (size_t i = 0; i < n; i++)
			count[((a[i].key >> shift) & 0xFF) + 1]++;
		if (count[((a[0].key >> shift) & 0xFF) + 1] == n)
			continue;
		for (int d = 0; d < 256; d++)
			count[d + 1] += count[d];
		for (size_t i = 0; i < n; i++)
			t[count[(a[i].key >> shift) & 0xFF]++] = a[i];
		struct lite_ord *x = a;
		a = t;
		t = x;
	}
	st->lite_ord = a;
	st->lite_tmp = t;
}

/* One id's text column (slug, code) for a message, into out. */
static void lite_name(tl_store *st, tl_sql_stmt **s, const char *sql, int64_t id, char *out, size_t cap)
{
	snprintf(out, cap, "#%lld", (long long)id);
	if (!*s && !(*s = tl_sql_prepare(st->db, sql)))
		return;
	tl_sql_bind_int(*s, 1, id);
	if (tl_sql_step(*s) == TL_SQL_ROW && tl_sql_col_text(*s, 0))
		snprintf(out, cap, "%s", tl_sql_col_text(*s, 0));
	tl_sql_reset(*s);
}

/* A duplicate, reported by the caller's thread: to the caller's dup
 * function with the observation as stored, or (without one) an error of
 * our own. */
static int lite_dup(tl_store *st, const struct lite_row *r, tl_errors *errs)
{
	char ind[256], reg[64], per[9];
	lite_name(st, &st->ind_slug, "SELECT slug FROM indicator WHERE id = ?1", key_indicator(r->key), ind,
		  sizeof ind);
	lite_name(st, &st->reg_code, "SELECT code FROM region WHERE id = ?1", key_region(r->key), reg, sizeof reg);
	int64_t pid = key_period(r->key), rest = pid % 100;
	struct tl_period p = {(int)(pid / 100), rest < 10 ? TL_PERIOD_YEAR : rest < 20 ? TL_PERIOD_QUARTER : TL_PERIOD_MONTH,
			      (int)(rest < 10 ? rest : rest < 20 ? rest - 10 : rest - 20)};
	if (st->dup) {
		struct tl_observation o = {ind, reg, p, r->value, (enum tl_status)r->status, NULL, r->note};
		st->dup(st->dup_ctx, r->tag, &o);
		return TL_OK;
	}
	tl_period_code(&p, per);
	tl_errors_add(errs, st->uri, 0, 0, NULL, "store: a second value for %s in %s for %s in one import", ind,
		      reg, per);
	return TL_ERR_INPUT;
}

/* Report what writes left (the writer is idle): duplicates in the order
 * they were found, then the first error.  TL_OK or the first failure. */
static int lite_report(tl_store *st, tl_errors *errs)
{
	int rc = TL_OK;
	for (size_t i = 0; i < st->n_dups; i++) {
		if (!rc)
			rc = lite_dup(st, &st->dups[i], errs);
		free(st->dups[i].note);
	}
	st->n_dups = 0;
	if (st->lite_rc) {
		if (st->lite_msg[0])
			tl_errors_add(errs, st->uri, 0, 0, NULL, "store: %s", st->lite_msg);
		if (!rc)
			rc = st->lite_rc;
		st->lite_rc = 0;
		st->lite_msg[0] = '\0';
	}
	return rc;
}

/* Bind row r as row j (0-based) of the bulk INSERT, or of put_obs/upd_obs
 * (j = 0, import_id at 6). */
static void lite_bind(tl_sql_stmt *s, int j, const struct lite_row *r)
{
	int p = j * LITE_COLS;
	tl_sql_bind_int(s, p + 1, r->key);
	if (tl_status_has_value((enum tl_status)r->status))
		tl_sql_bind_double(s, p + 2, r->value);
	tl_sql_bind_int(s, p + 3, r->status);
	if (r->src)
		tl_sql_bind_int(s, p + 4, r->src);
	if (r->note)
		tl_sql_bind_text(s, p + 5, r->note);
}

/* Rows one by one: insert, else replace an earlier import's cell, else a
 * duplicate of this import. */
static int lite_one_by_one(tl_store *st, struct lite_row *const *rows, size_t n, int64_t import_id)
{
	for (size_t i = 0; i < n; i++) {
		lite_bind(st->put_obs, 0, rows[i]);
		tl_sql_bind_int(st->put_obs, 6, import_id);
		int rc = tl_sql_step(st->put_obs);
		tl_sql_reset(st->put_obs);
		if (rc == TL_SQL_CONSTRAINT) {
			lite_bind(st->upd_obs, 0, rows[i]);
			tl_sql_bind_int(st->upd_obs, 6, import_id);
			rc = tl_sql_step(st->upd_obs);
			tl_sql_reset(st->upd_obs);
			if (rc == TL_SQL_DONE && tl_sql_changes(st->db) == 0)
				lite_keep_dup(st, rows[i]);
		}
		if (rc != TL_SQL_DONE)
			return lite_fail(st, "observation");
	}
	return TL_OK;
}

/* LITE_CHUNK rows in one INSERT; one by one when a key is taken. */
static int lite_chunk(tl_store *st, struct lite_row *const *rows, int64_t import_id)
{
	if (!st->put_obs_n) {
		tl_buf q = TL_BUF_INIT;
		tl_buf_puts(&q, "INSERT INTO obs (key, value, status, source_id, note, import_id) VALUES ");
		for (int j = 0; j < LITE_CHUNK; j++) {
			int p = j * LITE_COLS;
			tl_buf_printf(&q, "%s(?%d, ?%d, ?%d, ?%d, ?%d, ?%d)", j ? ", " : "", p + 1, p + 2, p + 3,
				      p + 4, p + 5, LITE_CHUNK * LITE_COLS + 1);
		}
		st->put_obs_n = tl_sql_prepare(st->db, q.data);
		tl_buf_free(&q);
		if (!st->put_obs_n)
			return lite_fail(st, "prepare");
	}
	tl_sql_stmt *s = st->put_obs_n;
	for (int j = 0; j < LITE_CHUNK; j++)
		lite_bind(s, j, rows[j]);
	tl_sql_bind_int(s, LITE_CHUNK * LITE_COLS + 1, import_id);
	int rc = tl_sql_step(s);
	tl_sql_reset(s);
	if (rc == TL_SQL_CONSTRAINT)
		return lite_one_by_one(st, rows, LITE_CHUNK, import_id);
	return rc == TL_SQL_DONE ? TL_OK : lite_fail(st, "observations");
}

/* Write batch b in key order and empty it; on the writer thread (w) each
 * INSERT takes the connection, otherwise the caller holds it.  What it
 * finds is kept for lite_report. */
static void lite_write(tl_store *st, struct lite_batch *b, struct lite_writer *w)
{
	lite_sort(st, b);
	struct lite_row *chunk[LITE_CHUNK];
	size_t k = 0;
	int rc = st->lite_rc; /* after an error the rest is not written */
	for (size_t i = 0; i <= b->n && !rc; i++) {
		if (i < b->n) {
			struct lite_row *r = &b->rows[st->lite_ord[i].row];
			if (i && st->lite_ord[i].key == st->lite_ord[i - 1].key) {
				lite_keep_dup(st, r);
				continue;
			}
			chunk[k++] = r;
		}
		if (k == LITE_CHUNK || (i == b->n && k)) {
			if (w && writer_enter(w))
				break;
			rc = k == LITE_CHUNK ? lite_chunk(st, chunk, b->import_id)
					     : lite_one_by_one(st, chunk, k, b->import_id);
			if (w)
				writer_leave(w);
			k = 0;
		}
	}
	for (size_t i = 0; i < b->n; i++)
		free(b->rows[i].note);
	b->n = 0;
}

static void *lite_writer_main(void *arg)
{
	tl_store *st = arg;
	struct lite_writer *w = st->w;
	pthread_mutex_lock(&w->mx);
	for (;;) {
		while (!w->busy && !w->stop)
			pthread_cond_wait(&w->cv, &w->mx);
		if (!w->busy)
			break;
		pthread_mutex_unlock(&w->mx);
		lite_write(st, &w->batch, w);
		pthread_mutex_lock(&w->mx);
		w->busy = 0;
		pthread_cond_broadcast(&w->cv);
	}
	pthread_mutex_unlock(&w->mx);
	return NULL;
}

/* Start the writer thread; NULL when the system will not (then batches are
 * written by the caller's thread). */
static struct lite_writer *lite_start(tl_store *st)
{
	struct lite_writer *w = xcalloc(1, sizeof *w);
	w->batch.rows = xmalloc(st->lite_rows * sizeof *w->batch.rows);
	pthread_mutex_init(&w->mx, NULL);
	pthread_cond_init(&w->cv, NULL);
	st->w = w;
	if (pthread_create(&w->th, NULL, lite_writer_main, st)) {
		st->w = NULL;
		pthread_cond_destroy(&w->cv);
		pthread_mutex_destroy(&w->mx);
		free(w->batch.rows);
		free(w);
		return NULL;
	}
	return w;
}

/* Wait until the writer has written its batch (or, with cancel, skipped
 * it), then end the thread.  The caller's thread must not hold the
 * connection (lite_enter): the writer may be waiting for it. */
static void lite_stop(tl_store *st, int cancel)
{
	struct lite_writer *w = st->w;
	if (!w)
		return;
	pthread_mutex_lock(&w->mx);
	w->cancel = cancel;
	w->stop = 1;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mx);
	pthread_join(w->th, NULL);
	pthread_cond_destroy(&w->cv);
	pthread_mutex_destroy(&w->mx);
	for (size_t i = 0; i < w->batch.n; i++) /* a cancelled batch */
		free(w->batch.rows[i].note);
	free(w->batch.rows);
	free(w);
	st->w = NULL;
}

/* Whether a writer thread pays here.  Measured on the 2-core machine this
 * project is built on (bench/import.sh, quiet, alternated): with the thread
 * an import took 2,12-2,15 s wall and 2,31-2,34 s CPU, writing on the
 * importer's own thread 1,97-2,00 s and 1,84-1,86 s: taking turns on the
 * one connection costs more than the overlap gains when there are only two
 * cores.  So the thread starts only where cores are left over; that it
 * pays there is not yet measured. */
static int lite_thread_pays(void)
{
	return sysconf(_SC_NPROCESSORS_ONLN) >= 4;
}

/* Hand the full batch to the writer (starting it) and take back the one it
 * has written, after reporting what that write found. */
static int lite_handoff(tl_store *st, tl_errors *errs)
{
	struct lite_writer *w = st->w ? st->w : lite_thread_pays() ? lite_start(st) : NULL;
	if (!w) {
		lite_write(st, &st->fill, NULL);
		return lite_report(st, errs);
	}
	pthread_mutex_lock(&w->mx);
	while (w->busy)
		pthread_cond_wait(&w->cv, &w->mx);
	pthread_mutex_unlock(&w->mx);
	int rc = lite_report(st, errs);
	if (rc)
		return rc;
	struct lite_batch empty = w->batch;
	w->batch = st->fill;
	st->fill = empty;
	pthread_mutex_lock(&w->mx);
	w->busy = 1;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mx);
	return TL_OK;
}

/* The writer finishes its batch and stops; the caller's thread has the
 * connection to itself until the next hand-over.  Nothing is reported
 * here (lite_report does that, when asked). */
static void lite_settle(tl_store *st)
{
	if (st->w && !st->db_depth)
		lite_stop(st, 0);
}

/* Everything buffered written, the writer stopped, its findings reported. */
static int lite_finish(tl_store *st, tl_errors *errs)
{
	lite_stop(st, 0);
	if (st->fill.n)
		lite_write(st, &st->fill, NULL);
	return lite_report(st, errs);
}

/* Forget the pending rows (rollback, close): the writer stops at its next
 * INSERT. */
static void lite_drop(tl_store *st)
{
	lite_stop(st, 1);
	for (size_t i = 0; i < st->fill.n; i++)
		free(st->fill.rows[i].note);
	st->fill.n = 0;
	for (size_t i = 0; i < st->n_dups; i++)
		free(st->dups[i].note);
	st->n_dups = 0;
	st->lite_rc = 0;
	st->lite_msg[0] = '\0';
}

int tl_store_put_observation_later(tl_store *st, int64_t import_id, const struct tl_observation *o,
				   uint64_t tag, tl_errors *errs)
{
	if (tl_sql_kind(st->db) != TL_SQL_SQLITE || !st->in_tx)
		return tl_store_put_observation(st, import_id, o, errs);
	if (st->fill.n && (st->fill.n == st->lite_rows || st->fill.import_id != import_id)) {
		int frc = lite_handoff(st, errs);
		if (frc)
			return frc;
	}
	int64_t key, src;
	if (obs_ids(st, o, &key, &src, errs))
		return TL_ERR_STORE;
	if (!st->fill.rows) {
		st->fill.rows = xmalloc(st->lite_rows * sizeof *st->fill.rows);
		st->lite_ord = xmalloc(st->lite_rows * sizeof *st->lite_ord);
		st->lite_tmp = xmalloc(st->lite_rows * sizeof *st->lite_tmp);
	}
	struct lite_row *r = &st->fill.rows[st->fill.n++];
	r->key = key;
	r->value = tl_status_has_value(o->status) ? o->value : 0;
	r->src = src;
	r->tag = tag;
	r->note = o->note ? xstrdup(o->note) : NULL;
	r->status = (int)o->status;
	st->fill.import_id = import_id;
	return TL_OK;
}

static int has(tl_sql_stmt *s, const char *key)
{
	tl_sql_reset(s);
	tl_sql_bind_text(s, 1, key);
	int found = tl_sql_step(s) == TL_SQL_ROW;
	tl_sql_reset(s);
	return found;
}

int tl_store_has_indicator(tl_store *st, const char *slug)
{
	lite_enter(st);
	int found = has(st->has_ind, slug);
	lite_leave(st);
	return found;
}

int tl_store_has_region(tl_store *st, const char *code)
{
	lite_enter(st);
	int found = has(st->has_reg, code);
	lite_leave(st);
	return found;
}

long tl_store_count_observations(tl_store *st)
{
	tl_sql_stmt *s;
	long n = -1;
	tl_errors errs = TL_ERRORS_INIT;
	int rc = flush_obs(st, &errs);
	tl_errors_free(&errs);
	if (!rc && (s = tl_sql_prepare(st->db, "SELECT count(*) FROM obs"))) {
		if (tl_sql_step(s) == TL_SQL_ROW)
			n = (long)tl_sql_col_int(s, 0);
		tl_sql_finalize(s);
	}
	return n;
}

/* ---- Reads -------------------------------------------------------------- */

/* Count rows of a query so arrays can be allocated once. */
static size_t count_rows(tl_store *st, const char *table)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	tl_sql_stmt *s;
	size_t n = 0;
	if ((s = tl_sql_prepare(st->db, sql))) {
		if (tl_sql_step(s) == TL_SQL_ROW)
			n = (size_t)tl_sql_col_int(s, 0);
		tl_sql_finalize(s);
	}
	return n;
}

static int load_agenda(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "SELECT slug, title, subtitle, organisation, period_start, period_end, report_year,"
		    " report_title, focus_region, national_region, lang, boundaries, boundaries_source,"
		    " check_off FROM agenda WHERE id = 1",
		    errs))
		return TL_ERR_STORE;
	int rc = tl_sql_step(s);
	if (rc != TL_SQL_ROW) {
		tl_sql_finalize(s);
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
	g->period_start = (int)tl_sql_col_int(s, 4);
	g->period_end = (int)tl_sql_col_int(s, 5);
	g->report_year = (int)tl_sql_col_int(s, 6);
	g->report_title = col_text(a, s, 7);
	g->focus_region = col_text(a, s, 8);
	g->national_region = col_text(a, s, 9);
	g->lang = col_text(a, s, 10);
	g->boundaries = col_text(a, s, 11);
	g->boundaries_source = col_text(a, s, 12);
	g->check_off = col_text(a, s, 13);
	tl_sql_finalize(s);
	return TL_OK;
}

static int load_imports(tl_store *st, tl_arena *a, struct tl_indicator *d, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "SELECT count(*) FROM indicator_import WHERE indicator = ?1", errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, d->slug);
	size_t n = tl_sql_step(s) == TL_SQL_ROW ? (size_t)tl_sql_col_int(s, 0) : 0;
	tl_sql_finalize(s);
	d->imports = TL_NEW_ARRAY(a, struct tl_import_spec, n + 1);
	if (prepare(st, &s,
		    "SELECT position, topic, table_id, scale, source FROM indicator_import"
		    " WHERE indicator = ?1 ORDER BY position",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, d->slug);
	while (d->n_imports < n && tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_import_spec *sp = &d->imports[d->n_imports++];
		int pos = (int)tl_sql_col_int(s, 0);
		sp->topic = col_text(a, s, 1);
		sp->table = col_text(a, s, 2);
		sp->scale = tl_sql_col_double(s, 3);
		sp->source = col_text(a, s, 4);
		tl_sql_stmt *q;
		if (prepare(st, &q,
			    "SELECT key, code FROM indicator_import_dim WHERE indicator = ?1 AND position = ?2"
			    " ORDER BY key",
			    errs)) {
			tl_sql_finalize(s);
			return TL_ERR_STORE;
		}
		tl_sql_bind_text(q, 1, d->slug);
		tl_sql_bind_int(q, 2, pos);
		size_t cap = 8;
		sp->dim_keys = TL_NEW_ARRAY(a, const char *, cap);
		sp->dim_codes = TL_NEW_ARRAY(a, const char *, cap);
		while (tl_sql_step(q) == TL_SQL_ROW && sp->n_dims < cap) {
			sp->dim_keys[sp->n_dims] = col_text(a, q, 0);
			sp->dim_codes[sp->n_dims] = col_text(a, q, 1);
			sp->n_dims++;
		}
		tl_sql_finalize(q);
	}
	tl_sql_finalize(s);
	return TL_OK;
}

static int load_framework(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	tl_sql_stmt *s;

	m->themes = TL_NEW_ARRAY(a, struct tl_theme, count_rows(st, "theme") + 1);
	if (prepare(st, &s, "SELECT slug, position, title, subtitle FROM theme ORDER BY position, slug", errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_theme *t = &m->themes[m->n_themes++];
		t->slug = col_text(a, s, 0);
		t->position = (int)tl_sql_col_int(s, 1);
		t->title = col_text(a, s, 2);
		t->subtitle = col_text(a, s, 3);
	}
	tl_sql_finalize(s);

	m->goals = TL_NEW_ARRAY(a, struct tl_goal, count_rows(st, "goal") + 1);
	if (prepare(st, &s, "SELECT number, theme, title, body FROM goal ORDER BY number", errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_goal *g = &m->goals[m->n_goals++];
		g->number = (int)tl_sql_col_int(s, 0);
		g->theme = col_text(a, s, 1);
		g->title = col_text(a, s, 2);
		g->text = col_text(a, s, 3);
	}
	tl_sql_finalize(s);

	size_t n_ind = count_rows(st, "indicator");
	m->indicators = TL_NEW_ARRAY(a, struct tl_indicator, n_ind + 1);
	if (prepare(st, &s,
		    "SELECT slug, theme, position, title, subject, unit, decimals, polarity, source,"
		    " source_detail, notes FROM indicator ORDER BY position, slug",
		    errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_indicator *d = &m->indicators[m->n_indicators++];
		d->slug = col_text(a, s, 0);
		d->theme = col_text(a, s, 1);
		d->position = (int)tl_sql_col_int(s, 2);
		d->title = col_text(a, s, 3);
		d->subject = col_text(a, s, 4);
		d->unit = col_text(a, s, 5);
		d->decimals = (int)tl_sql_col_int(s, 6);
		const char *pol = tl_sql_col_text(s, 7);
		if (!pol || tl_polarity_parse(pol, &d->polarity))
			d->polarity = TL_POLARITY_NEUTRAL;
		d->source = col_text(a, s, 8);
		d->source_detail = col_text(a, s, 9);
		d->notes = col_text(a, s, 10);
	}
	tl_sql_finalize(s);

	/* Goals and breaks per indicator: small tables, one pass each. */
	for (size_t i = 0; i < m->n_indicators; i++) {
		struct tl_indicator *d = &m->indicators[i];
		if (prepare(st, &s, "SELECT goal FROM indicator_goal WHERE indicator = ?1 ORDER BY goal", errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, d->slug);
		size_t cap = 4;
		d->goals = TL_NEW_ARRAY(a, int, cap);
		while (tl_sql_step(s) == TL_SQL_ROW) {
			if (d->n_goals == cap) {
				int *g = TL_NEW_ARRAY(a, int, cap * 2);
				memcpy(g, d->goals, cap * sizeof *g);
				d->goals = g;
				cap *= 2;
			}
			d->goals[d->n_goals++] = (int)tl_sql_col_int(s, 0);
		}
		tl_sql_finalize(s);
		if (prepare(st, &s,
			    "SELECT year, explanation FROM series_break WHERE indicator = ?1 ORDER BY year", errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, d->slug);
		cap = 4;
		d->breaks = TL_NEW_ARRAY(a, struct tl_series_break, cap);
		while (tl_sql_step(s) == TL_SQL_ROW) {
			if (d->n_breaks == cap) {
				struct tl_series_break *b = TL_NEW_ARRAY(a, struct tl_series_break, cap * 2);
				memcpy(b, d->breaks, cap * sizeof *b);
				d->breaks = b;
				cap *= 2;
			}
			d->breaks[d->n_breaks].year = (int)tl_sql_col_int(s, 0);
			d->breaks[d->n_breaks].explanation = col_text(a, s, 1);
			d->n_breaks++;
		}
		tl_sql_finalize(s);
		if (load_imports(st, a, d, errs))
			return TL_ERR_STORE;
	}

	m->regions = TL_NEW_ARRAY(a, struct tl_region, count_rows(st, "region") + 1);
	if (prepare(st, &s, "SELECT code, name, level, parent, classification_year FROM region ORDER BY code",
		    errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_region *r = &m->regions[m->n_regions++];
		r->code = col_text(a, s, 0);
		r->name = col_text(a, s, 1);
		r->level = col_text(a, s, 2);
		r->parent = col_text(a, s, 3);
		r->classification_year = (int)tl_sql_col_int(s, 4);
	}
	tl_sql_finalize(s);

	size_t n_groups = count_rows(st, "region_group");
	m->groups = TL_NEW_ARRAY(a, struct tl_region_group, n_groups + 1);
	if (prepare(st, &s, "SELECT slug, name, description FROM region_group ORDER BY slug", errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_region_group *g = &m->groups[m->n_groups++];
		g->slug = col_text(a, s, 0);
		g->name = col_text(a, s, 1);
		g->description = col_text(a, s, 2);
	}
	tl_sql_finalize(s);
	for (size_t i = 0; i < m->n_groups; i++) {
		struct tl_region_group *g = &m->groups[i];
		if (prepare(st, &s, "SELECT region FROM region_group_member WHERE grp = ?1 ORDER BY position", errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, g->slug);
		size_t cap = 8;
		g->members = TL_NEW_ARRAY(a, const char *, cap);
		while (tl_sql_step(s) == TL_SQL_ROW) {
			if (g->n_members == cap) {
				const char **mm = TL_NEW_ARRAY(a, const char *, cap * 2);
				memcpy(mm, g->members, cap * sizeof *mm);
				g->members = mm;
				cap *= 2;
			}
			g->members[g->n_members++] = col_text(a, s, 0);
		}
		tl_sql_finalize(s);
	}

	m->mergers = TL_NEW_ARRAY(a, struct tl_merger, count_rows(st, "merger") + 1);
	if (prepare(st, &s, "SELECT new_code, year, action FROM merger ORDER BY new_code, year", errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_merger *g = &m->mergers[m->n_mergers++];
		g->new_code = col_text(a, s, 0);
		g->year = (int)tl_sql_col_int(s, 1);
		const char *act = tl_sql_col_text(s, 2);
		g->action = act && !strcmp(act, "map") ? TL_MERGER_MAP : TL_MERGER_BREAK;
	}
	tl_sql_finalize(s);
	for (size_t i = 0; i < m->n_mergers; i++) {
		struct tl_merger *g = &m->mergers[i];
		if (prepare(st, &s, "SELECT old_code FROM merger_old WHERE new_code = ?1 AND year = ?2 ORDER BY position",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, g->new_code);
		tl_sql_bind_int(s, 2, g->year);
		size_t cap = 8;
		g->old_codes = TL_NEW_ARRAY(a, const char *, cap);
		while (tl_sql_step(s) == TL_SQL_ROW) {
			if (g->n_old == cap) {
				const char **mm = TL_NEW_ARRAY(a, const char *, cap * 2);
				memcpy(mm, g->old_codes, cap * sizeof *mm);
				g->old_codes = mm;
				cap *= 2;
			}
			g->old_codes[g->n_old++] = col_text(a, s, 0);
		}
		tl_sql_finalize(s);
	}

	m->chapters = TL_NEW_ARRAY(a, struct tl_chapter, count_rows(st, "chapter") + 1);
	if (prepare(st, &s, "SELECT slug, position, theme, title, path, markdown FROM chapter ORDER BY position",
		    errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_chapter *c = &m->chapters[m->n_chapters++];
		c->slug = col_text(a, s, 0);
		c->position = (int)tl_sql_col_int(s, 1);
		c->theme = col_text(a, s, 2);
		c->title = col_text(a, s, 3);
		c->path = col_text(a, s, 4);
		c->markdown = col_text(a, s, 5);
	}
	tl_sql_finalize(s);
	return TL_OK;
}

/* Interned strings: observations repeat the same indicator slugs and
 * region codes; point them at the model's own copies instead of
 * duplicating.  By a map of the model's slugs or codes (`names`: the
 * model's string for each): a national store has 17 000 regions, and the
 * rows come in key order (period, region, indicator), so the indicator
 * changes on every row and the region every few rows. */
static const char *intern(struct tl_model *m, tl_strmap *names, const char *text, const char **last)
{
	if (*last && strcmp(*last, text) == 0)
		return *last;
	const char *own = tl_strmap_get(names, text, NULL);
	*last = own ? own : tl_arena_strdup(m->arena, text);
	return *last;
}

static int load_observations(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	tl_sql_stmt *s;
	if (flush_obs(st, errs))
		return TL_ERR_STORE;
	m->obs = TL_NEW_ARRAY(a, struct tl_observation, count_rows(st, "obs") + 1);
	/* In key order: tl_model_index sorts them by their text keys, so a
	 * model (and every page built from it) does not depend on the order
	 * ids were given out in.  An ORDER BY here made SQLite sort the 1,8 M
	 * rows of a national store as well (a third of the load's CPU). */
	if (prepare(st, &s,
		    "SELECT i.slug, r.code, p.year, p.kind, p.sub, o.value, o.status, s.text, o.note"
		    " FROM obs o JOIN indicator i ON i.id = (o.key & 1048575)"
		    " JOIN region r ON r.id = ((o.key >> 20) & 16777215)"
		    " JOIN period p ON p.id = (o.key >> 44) LEFT JOIN source s ON s.id = o.source_id",
		    errs))
		return TL_ERR_STORE;
	tl_strmap *sources = tl_strmap_new(a);
	tl_arena *names_arena = tl_arena_new();
	tl_strmap *slugs = tl_strmap_new(names_arena), *codes = tl_strmap_new(names_arena);
	for (size_t i = 0; i < m->n_indicators; i++)
		tl_strmap_put(slugs, m->indicators[i].slug, (void *)(uintptr_t)m->indicators[i].slug);
	for (size_t i = 0; i < m->n_regions; i++)
		tl_strmap_put(codes, m->regions[i].code, (void *)(uintptr_t)m->regions[i].code);
	const char *last_ind = NULL, *last_reg = NULL;
	int rc = TL_OK;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_observation *o = &m->obs[m->n_obs];
		const char *ind = tl_sql_col_text(s, 0);
		const char *reg = tl_sql_col_text(s, 1);
		const char *kind = tl_sql_col_text(s, 3);
		int status = (int)tl_sql_col_int(s, 6);
		if (!ind || !reg || !kind)
			continue;
		o->indicator = intern(m, slugs, ind, &last_ind);
		o->region = intern(m, codes, reg, &last_reg);
		o->period.year = (int)tl_sql_col_int(s, 2);
		o->period.kind = !strcmp(kind, "KW") ? TL_PERIOD_QUARTER : !strcmp(kind, "MM") ? TL_PERIOD_MONTH : TL_PERIOD_YEAR;
		o->period.sub = (int)tl_sql_col_int(s, 4);
		if (status < TL_STATUS_FINAL || status > TL_STATUS_MISSING) {
			tl_errors_add(errs, st->uri, 0, 0, NULL, "store: corrupt observation %s/%s/%d", ind, reg,
				      o->period.year);
			rc = TL_ERR_STORE;
			break;
		}
		o->status = (enum tl_status)status;
		o->value = tl_sql_col_double(s, 5);
		const char *src = tl_sql_col_text(s, 7);
		o->source = src ? tl_strmap_key(sources, src) : NULL;
		if (src && !o->source)
			o->source = tl_strmap_put(sources, src, NULL);
		o->note = col_text(a, s, 8);
		m->n_obs++;
	}
	tl_sql_finalize(s);
	tl_strmap_free(sources);
	tl_strmap_free(slugs);
	tl_strmap_free(codes);
	tl_arena_free(names_arena);
	return rc;
}

static int load_shapes(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	tl_sql_stmt *s;
	m->shapes = TL_NEW_ARRAY(a, struct tl_shape, count_rows(st, "region_shape") + 1);
	if (prepare(st, &s, "SELECT region, crs, rings, points FROM region_shape ORDER BY region", errs))
		return TL_ERR_STORE;
	int rc = TL_OK;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_shape *sh = &m->shapes[m->n_shapes];
		const char *code = tl_sql_col_text(s, 0);
		const struct tl_region *r = code ? tl_model_region(m, code) : NULL;
		size_t rl, pl;
		const unsigned char *rings = tl_sql_col_blob(s, 2, &rl);
		const unsigned char *pts = tl_sql_col_blob(s, 3, &pl);
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
		sh->crs = (int)tl_sql_col_int(s, 1) == 1 ? TL_CRS_RD : TL_CRS_WGS84;
		sh->xy = xy;
		sh->n_points = pl / 16;
		sh->ring_len = ring_len;
		sh->n_rings = rl / 4;
		m->n_shapes++;
	}
	tl_sql_finalize(s);
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

/* One statement per row of a small child table: (owner, position/goal, value). */
int tl_store_put_goal_list(tl_store *st, const char *sql, const char *owner, const int *goals, size_t n,
		     tl_errors *errs)
{
	for (size_t i = 0; i < n; i++) {
		tl_sql_stmt *s;
		if (prepare(st, &s, sql, errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, owner);
		tl_sql_bind_int(s, 2, goals[i]);
		if (run(st, s, errs, "goal link"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_put_text_list(tl_store *st, const char *sql, const char *owner, const char *const *v, size_t n,
		     tl_errors *errs)
{
	for (size_t i = 0; i < n; i++) {
		tl_sql_stmt *s;
		if (prepare(st, &s, sql, errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, owner);
		tl_sql_bind_int(s, 2, (int)i);
		tl_sql_bind_text(s, 3, v[i]);
		if (run(st, s, errs, "list"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

/* An instrument's stated totals, in order (position = index). */
static int put_stated_list(tl_store *st, const struct tl_instrument *in, tl_errors *errs)
{
	tl_sql_stmt *s;
	for (size_t i = 0; i < in->n_stated; i++) {
		const struct tl_stated_total *t = &in->stated[i];
		if (prepare(st, &s,
			    "INSERT INTO stated_total (instrument, position, year, theme, count, amount, text)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, in->slug);
		tl_sql_bind_int(s, 2, (int)i);
		tl_sql_bind_int(s, 3, t->year);
		tl_sql_bind_text(s, 4, t->theme);
		if (t->count >= 0)
			tl_sql_bind_int(s, 5, t->count);
		bind_opt_double(s, 6, t->has_amount, t->amount);
		tl_sql_bind_text(s, 7, t->text);
		if (run(st, s, errs, "stated total"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_put_instrument_lists(tl_store *st, const struct tl_instrument *in, tl_errors *errs)
{
	if (tl_store_put_text_list(st, "INSERT INTO instrument_partner (instrument, position, name) VALUES (?1, ?2, ?3)",
				   in->slug, in->partners, in->n_partners, errs) ||
	    tl_store_put_text_list(st, "INSERT INTO instrument_region (instrument, position, region) VALUES (?1, ?2, ?3)",
				   in->slug, in->municipalities, in->n_municipalities, errs) ||
	    tl_store_put_goal_list(st, "INSERT INTO instrument_goal (instrument, goal) VALUES (?1, ?2)", in->slug,
				   in->goals, in->n_goals, errs) ||
	    put_stated_list(st, in, errs))
		return TL_ERR_STORE;
	return TL_OK;
}

int tl_store_put_instrument(tl_store *st, const struct tl_instrument *in, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO instrument (slug, position, name, kind, theme, description, budget,"
		    " budget_note, start_year, end_year, in_agenda, source)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, in->slug);
	tl_sql_bind_int(s, 2, in->position);
	tl_sql_bind_text(s, 3, in->name);
	tl_sql_bind_text(s, 4, in->kind);
	tl_sql_bind_text(s, 5, in->theme);
	tl_sql_bind_text(s, 6, in->description);
	bind_opt_double(s, 7, in->has_budget, in->budget);
	tl_sql_bind_text(s, 8, in->budget_note);
	tl_sql_bind_int(s, 9, in->start_year);
	tl_sql_bind_int(s, 10, in->end_year);
	tl_sql_bind_int(s, 11, in->in_agenda ? 1 : 0);
	tl_sql_bind_text(s, 12, in->source);
	if (run(st, s, errs, "instrument") || tl_store_put_instrument_lists(st, in, errs))
		return TL_ERR_STORE;
	for (size_t i = 0; i < in->n_grants; i++) {
		const struct tl_grant *g = &in->grants[i];
		if (prepare(st, &s,
			    "INSERT INTO award (instrument, position, recipient, project, region, year, amount, note)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, in->slug);
		tl_sql_bind_int(s, 2, (int)i);
		tl_sql_bind_text(s, 3, g->recipient);
		tl_sql_bind_text(s, 4, g->project);
		tl_sql_bind_text(s, 5, g->municipality);
		tl_sql_bind_int(s, 6, g->year);
		bind_opt_double(s, 7, g->has_amount, g->amount);
		tl_sql_bind_text(s, 8, g->note);
		if (run(st, s, errs, "grant"))
			return TL_ERR_STORE;
		for (size_t k = 0; k < g->n_goals; k++) {
			if (prepare(st, &s, "INSERT INTO award_goal (instrument, position, goal) VALUES (?1, ?2, ?3)",
				    errs))
				return TL_ERR_STORE;
			tl_sql_bind_text(s, 1, in->slug);
			tl_sql_bind_int(s, 2, (int)i);
			tl_sql_bind_int(s, 3, g->goals[k]);
			if (run(st, s, errs, "grant goal"))
				return TL_ERR_STORE;
		}
	}
	return TL_OK;
}

int tl_store_put_target(tl_store *st, const struct tl_target *t, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO target (slug, position, title, theme, instrument, unit, decimals, polarity,"
		    " baseline, baseline_date, target, deadline, text, source)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, t->slug);
	tl_sql_bind_int(s, 2, t->position);
	tl_sql_bind_text(s, 3, t->title);
	tl_sql_bind_text(s, 4, t->theme);
	tl_sql_bind_text(s, 5, t->instrument);
	tl_sql_bind_text(s, 6, t->unit);
	tl_sql_bind_int(s, 7, t->decimals);
	tl_sql_bind_text(s, 8, tl_polarity_name(t->polarity));
	bind_opt_double(s, 9, t->has_baseline, t->baseline);
	bind_ymd(s, 10, &t->baseline_date);
	bind_opt_double(s, 11, t->has_target, t->target);
	bind_ymd(s, 12, &t->deadline);
	tl_sql_bind_text(s, 13, t->text);
	tl_sql_bind_text(s, 14, t->source);
	if (run(st, s, errs, "target") ||
	    tl_store_put_goal_list(st, "INSERT INTO target_goal (target, goal) VALUES (?1, ?2)", t->slug, t->goals,
		      t->n_goals, errs))
		return TL_ERR_STORE;
	for (size_t i = 0; i < t->n_progress; i++) {
		const struct tl_target_entry *e = &t->progress[i];
		if (prepare(st, &s,
			    "INSERT INTO target_progress (target, position, date, value, source, note)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, t->slug);
		tl_sql_bind_int(s, 2, (int)i);
		bind_ymd(s, 3, &e->date);
		tl_sql_bind_double(s, 4, e->value);
		tl_sql_bind_text(s, 5, e->source);
		tl_sql_bind_text(s, 6, e->note);
		if (run(st, s, errs, "target progress"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_put_story(tl_store *st, const struct tl_story *y, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO story (slug, position, title, kicker, lead, place, region, date, published,"
		    " path, markdown) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(s, 1, y->slug);
	tl_sql_bind_int(s, 2, y->position);
	tl_sql_bind_text(s, 3, y->title);
	tl_sql_bind_text(s, 4, y->kicker);
	tl_sql_bind_text(s, 5, y->lead);
	tl_sql_bind_text(s, 6, y->place);
	tl_sql_bind_text(s, 7, y->municipality);
	bind_ymd(s, 8, &y->date);
	tl_sql_bind_int(s, 9, y->published ? 1 : 0);
	tl_sql_bind_text(s, 10, y->path);
	tl_sql_bind_text(s, 11, y->markdown ? y->markdown : "");
	if (run(st, s, errs, "story") || tl_store_put_story_lists(st, y, errs))
		return TL_ERR_STORE;
	return TL_OK;
}

int tl_store_put_story_lists(tl_store *st, const struct tl_story *y, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (tl_store_put_goal_list(st, "INSERT INTO story_goal (story, goal) VALUES (?1, ?2)", y->slug, y->goals,
				   y->n_goals, errs) ||
	    tl_store_put_text_list(st, "INSERT INTO story_instrument (story, position, instrument) VALUES (?1, ?2, ?3)",
				   y->slug, y->instruments, y->n_instruments, errs))
		return TL_ERR_STORE;
	for (size_t i = 0; i < y->n_people; i++) {
		const struct tl_person *p = &y->people[i];
		if (prepare(st, &s,
			    "INSERT INTO story_person (story, position, name, role, consent, alias)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(s, 1, y->slug);
		tl_sql_bind_int(s, 2, (int)i);
		tl_sql_bind_text(s, 3, p->name);
		tl_sql_bind_text(s, 4, p->role);
		tl_sql_bind_int(s, 5, p->consent ? 1 : 0);
		tl_sql_bind_text(s, 6, p->alias);
		if (run(st, s, errs, "story person"))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

int tl_store_put_next_step(tl_store *st, const struct tl_next_step *n, tl_errors *errs)
{
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO next_step (position, slug, theme, year, status, text, outcome)"
		    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_int(s, 1, n->position);
	tl_sql_bind_text(s, 2, n->slug);
	tl_sql_bind_text(s, 3, n->theme);
	tl_sql_bind_int(s, 4, n->year);
	tl_sql_bind_text(s, 5, tl_step_status_name(n->status));
	tl_sql_bind_text(s, 6, n->text);
	tl_sql_bind_text(s, 7, n->outcome);
	return run(st, s, errs, "next step");
}

/* Rows of `sql` (one text parameter ?1 = owner) as goal numbers. */
int *tl_store_load_goal_list(tl_store *st, tl_arena *a, const char *sql, const char *owner, size_t *n,
			   tl_errors *errs)
{
	tl_sql_stmt *s;
	*n = 0;
	if (prepare(st, &s, sql, errs))
		return NULL;
	tl_sql_bind_text(s, 1, owner);
	size_t cap = 4;
	int *v = TL_NEW_ARRAY(a, int, cap);
	while (tl_sql_step(s) == TL_SQL_ROW) {
		if (*n == cap) {
			int *w = TL_NEW_ARRAY(a, int, cap * 2);
			memcpy(w, v, cap * sizeof *v);
			v = w;
			cap *= 2;
		}
		v[(*n)++] = (int)tl_sql_col_int(s, 0);
	}
	tl_sql_finalize(s);
	return v;
}

const char **tl_store_load_text_list(tl_store *st, tl_arena *a, const char *sql, const char *owner,
				   size_t *n, tl_errors *errs)
{
	tl_sql_stmt *s;
	*n = 0;
	if (prepare(st, &s, sql, errs))
		return NULL;
	tl_sql_bind_text(s, 1, owner);
	size_t cap = 4;
	const char **v = TL_NEW_ARRAY(a, const char *, cap);
	while (tl_sql_step(s) == TL_SQL_ROW) {
		if (*n == cap) {
			const char **w = TL_NEW_ARRAY(a, const char *, cap * 2);
			memcpy(w, v, cap * sizeof *v);
			v = w;
			cap *= 2;
		}
		v[(*n)++] = col_text(a, s, 0);
	}
	tl_sql_finalize(s);
	return v;
}

static size_t count_where(tl_store *st, const char *sql, const char *owner)
{
	tl_sql_stmt *s;
	size_t n = 0;
	if (!(s = tl_sql_prepare(st->db, sql)))
		return 0;
	tl_sql_bind_text(s, 1, owner);
	if (tl_sql_step(s) == TL_SQL_ROW)
		n = (size_t)tl_sql_col_int(s, 0);
	tl_sql_finalize(s);
	return n;
}

/* The child lists of one item, shared by the model loader below and the
 * editor's getters (store_web.c), so that both read the same rows. */
int tl_store_load_instrument_lists(tl_store *st, tl_arena *a, struct tl_instrument *in, tl_errors *errs)
{
	in->partners = tl_store_load_text_list(st, a, "SELECT name FROM instrument_partner WHERE instrument = ?1 ORDER BY position",
					       in->slug, &in->n_partners, errs);
	in->municipalities = tl_store_load_text_list(
		st, a, "SELECT region FROM instrument_region WHERE instrument = ?1 ORDER BY position", in->slug,
		&in->n_municipalities, errs);
	in->goals = tl_store_load_goal_list(st, a, "SELECT goal FROM instrument_goal WHERE instrument = ?1 ORDER BY goal",
					    in->slug, &in->n_goals, errs);
	if (!in->partners || !in->municipalities || !in->goals)
		return TL_ERR_STORE;
	tl_sql_stmt *q;
	size_t ns = count_where(st, "SELECT count(*) FROM stated_total WHERE instrument = ?1", in->slug);
	in->stated = TL_NEW_ARRAY(a, struct tl_stated_total, ns + 1);
	in->n_stated = 0;
	if (prepare(st, &q, "SELECT year, theme, count, amount, text FROM stated_total WHERE instrument = ?1 ORDER BY position",
		    errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(q, 1, in->slug);
	while (in->n_stated < ns && tl_sql_step(q) == TL_SQL_ROW) {
		struct tl_stated_total *t = &in->stated[in->n_stated++];
		t->year = (int)tl_sql_col_int(q, 0);
		t->theme = col_text(a, q, 1);
		t->count = tl_sql_col_null(q, 2) ? -1 : (long)tl_sql_col_int(q, 2);
		t->has_amount = col_opt_double(q, 3, &t->amount);
		t->text = col_text(a, q, 4);
	}
	tl_sql_finalize(q);
	return TL_OK;
}

int tl_store_load_grant_goals(tl_store *st, tl_arena *a, struct tl_grant *g, tl_errors *errs)
{
	tl_sql_stmt *r;
	g->n_goals = 0;
	if (prepare(st, &r, "SELECT goal FROM award_goal WHERE instrument = ?1 AND position = ?2 ORDER BY goal", errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(r, 1, g->instrument);
	tl_sql_bind_int(r, 2, g->position);
	size_t cap = 4;
	g->goals = TL_NEW_ARRAY(a, int, cap);
	while (tl_sql_step(r) == TL_SQL_ROW) {
		if (g->n_goals == cap) {
			int *w = TL_NEW_ARRAY(a, int, cap * 2);
			memcpy(w, g->goals, cap * sizeof *w);
			g->goals = w;
			cap *= 2;
		}
		g->goals[g->n_goals++] = (int)tl_sql_col_int(r, 0);
	}
	tl_sql_finalize(r);
	return TL_OK;
}

int tl_store_load_target_lists(tl_store *st, tl_arena *a, struct tl_target *t, tl_errors *errs)
{
	t->goals = tl_store_load_goal_list(st, a, "SELECT goal FROM target_goal WHERE target = ?1 ORDER BY goal", t->slug,
					   &t->n_goals, errs);
	return t->goals ? TL_OK : TL_ERR_STORE;
}

int tl_store_load_story_lists(tl_store *st, tl_arena *a, struct tl_story *y, tl_errors *errs)
{
	tl_sql_stmt *q;
	y->goals = tl_store_load_goal_list(st, a, "SELECT goal FROM story_goal WHERE story = ?1 ORDER BY goal", y->slug,
					   &y->n_goals, errs);
	y->instruments = tl_store_load_text_list(
		st, a, "SELECT instrument FROM story_instrument WHERE story = ?1 ORDER BY position", y->slug,
		&y->n_instruments, errs);
	if (!y->goals || !y->instruments)
		return TL_ERR_STORE;
	size_t np = count_where(st, "SELECT count(*) FROM story_person WHERE story = ?1", y->slug);
	y->people = TL_NEW_ARRAY(a, struct tl_person, np + 1);
	y->n_people = 0;
	if (prepare(st, &q, "SELECT name, role, consent, alias FROM story_person WHERE story = ?1 ORDER BY position", errs))
		return TL_ERR_STORE;
	tl_sql_bind_text(q, 1, y->slug);
	while (y->n_people < np && tl_sql_step(q) == TL_SQL_ROW) {
		struct tl_person *p = &y->people[y->n_people++];
		p->name = col_text(a, q, 0);
		p->role = col_text(a, q, 1);
		p->consent = (int)tl_sql_col_int(q, 2) != 0;
		p->alias = col_text(a, q, 3);
	}
	tl_sql_finalize(q);
	return TL_OK;
}

static int load_instruments(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	tl_sql_stmt *s, *q;
	m->instruments = TL_NEW_ARRAY(a, struct tl_instrument, count_rows(st, "instrument") + 1);
	if (prepare(st, &s,
		    "SELECT slug, position, name, kind, theme, description, budget, budget_note, start_year,"
		    " end_year, in_agenda, source FROM instrument ORDER BY position, slug",
		    errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_instrument *in = &m->instruments[m->n_instruments++];
		in->slug = col_text(a, s, 0);
		in->position = (int)tl_sql_col_int(s, 1);
		in->name = col_text(a, s, 2);
		in->kind = col_text(a, s, 3);
		in->theme = col_text(a, s, 4);
		in->description = col_text(a, s, 5);
		in->has_budget = col_opt_double(s, 6, &in->budget);
		in->budget_note = col_text(a, s, 7);
		in->start_year = (int)tl_sql_col_int(s, 8);
		in->end_year = (int)tl_sql_col_int(s, 9);
		in->in_agenda = (int)tl_sql_col_int(s, 10);
		in->source = col_text(a, s, 11);
	}
	tl_sql_finalize(s);
	for (size_t i = 0; i < m->n_instruments; i++) {
		struct tl_instrument *in = &m->instruments[i];
		if (tl_store_load_instrument_lists(st, a, in, errs))
			return TL_ERR_STORE;
		size_t ng = count_where(st, "SELECT count(*) FROM award WHERE instrument = ?1", in->slug);
		in->grants = TL_NEW_ARRAY(a, struct tl_grant, ng + 1);
		if (prepare(st, &q,
			    "SELECT position, recipient, project, region, year, amount, note FROM award"
			    " WHERE instrument = ?1 ORDER BY position",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(q, 1, in->slug);
		while (in->n_grants < ng && tl_sql_step(q) == TL_SQL_ROW) {
			struct tl_grant *g = &in->grants[in->n_grants++];
			int pos = (int)tl_sql_col_int(q, 0);
			g->position = pos;
			g->instrument = in->slug;
			g->recipient = col_text(a, q, 1);
			g->project = col_text(a, q, 2);
			g->municipality = col_text(a, q, 3);
			g->year = (int)tl_sql_col_int(q, 4);
			g->has_amount = col_opt_double(q, 5, &g->amount);
			g->note = col_text(a, q, 6);
			if (tl_store_load_grant_goals(st, a, g, errs)) {
				tl_sql_finalize(q);
				return TL_ERR_STORE;
			}
		}
		tl_sql_finalize(q);
	}
	return TL_OK;
}

static int load_targets(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	tl_sql_stmt *s, *q;
	m->targets = TL_NEW_ARRAY(a, struct tl_target, count_rows(st, "target") + 1);
	if (prepare(st, &s,
		    "SELECT slug, position, title, theme, instrument, unit, decimals, polarity, baseline,"
		    " baseline_date, target, deadline, text, source FROM target ORDER BY position, slug",
		    errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_target *t = &m->targets[m->n_targets++];
		t->slug = col_text(a, s, 0);
		t->position = (int)tl_sql_col_int(s, 1);
		t->title = col_text(a, s, 2);
		t->theme = col_text(a, s, 3);
		t->instrument = col_text(a, s, 4);
		t->unit = col_text(a, s, 5);
		t->decimals = (int)tl_sql_col_int(s, 6);
		const char *pol = tl_sql_col_text(s, 7);
		if (!pol || tl_polarity_parse(pol, &t->polarity))
			t->polarity = TL_POLARITY_NEUTRAL;
		t->has_baseline = col_opt_double(s, 8, &t->baseline);
		t->baseline_date = col_ymd(s, 9);
		t->has_target = col_opt_double(s, 10, &t->target);
		t->deadline = col_ymd(s, 11);
		t->text = col_text(a, s, 12);
		t->source = col_text(a, s, 13);
	}
	tl_sql_finalize(s);
	for (size_t i = 0; i < m->n_targets; i++) {
		struct tl_target *t = &m->targets[i];
		if (tl_store_load_target_lists(st, a, t, errs))
			return TL_ERR_STORE;
		size_t np = count_where(st, "SELECT count(*) FROM target_progress WHERE target = ?1", t->slug);
		t->progress = TL_NEW_ARRAY(a, struct tl_target_entry, np + 1);
		if (prepare(st, &q,
			    "SELECT date, value, source, note, position FROM target_progress WHERE target = ?1"
			    " ORDER BY position",
			    errs))
			return TL_ERR_STORE;
		tl_sql_bind_text(q, 1, t->slug);
		while (t->n_progress < np && tl_sql_step(q) == TL_SQL_ROW) {
			struct tl_target_entry *e = &t->progress[t->n_progress++];
			e->date = col_ymd(q, 0);
			e->value = tl_sql_col_double(q, 1);
			e->source = col_text(a, q, 2);
			e->note = col_text(a, q, 3);
			e->position = (int)tl_sql_col_int(q, 4);
		}
		tl_sql_finalize(q);
	}
	return TL_OK;
}

static int load_stories(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	tl_sql_stmt *s;
	m->stories = TL_NEW_ARRAY(a, struct tl_story, count_rows(st, "story") + 1);
	if (prepare(st, &s,
		    "SELECT slug, position, title, kicker, lead, place, region, date, published, path, markdown"
		    " FROM story ORDER BY position, slug",
		    errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_story *y = &m->stories[m->n_stories++];
		y->slug = col_text(a, s, 0);
		y->position = (int)tl_sql_col_int(s, 1);
		y->title = col_text(a, s, 2);
		y->kicker = col_text(a, s, 3);
		y->lead = col_text(a, s, 4);
		y->place = col_text(a, s, 5);
		y->municipality = col_text(a, s, 6);
		y->date = col_ymd(s, 7);
		y->published = (int)tl_sql_col_int(s, 8) != 0;
		y->path = col_text(a, s, 9);
		y->markdown = col_text(a, s, 10);
	}
	tl_sql_finalize(s);
	for (size_t i = 0; i < m->n_stories; i++) {
		struct tl_story *y = &m->stories[i];
		if (tl_store_load_story_lists(st, a, y, errs))
			return TL_ERR_STORE;
	}
	return TL_OK;
}

static int load_next_steps(tl_store *st, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	tl_sql_stmt *s;
	m->next_steps = TL_NEW_ARRAY(a, struct tl_next_step, count_rows(st, "next_step") + 1);
	if (prepare(st, &s, "SELECT position, slug, theme, year, status, text, outcome FROM next_step ORDER BY position",
		    errs))
		return TL_ERR_STORE;
	while (tl_sql_step(s) == TL_SQL_ROW) {
		struct tl_next_step *n = &m->next_steps[m->n_next_steps++];
		n->position = (int)tl_sql_col_int(s, 0);
		n->slug = col_text(a, s, 1);
		n->theme = col_text(a, s, 2);
		n->year = (int)tl_sql_col_int(s, 3);
		const char *status = tl_sql_col_text(s, 4);
		if (!status || tl_step_status_parse(status, &n->status))
			n->status = TL_STEP_PLANNED;
		n->text = col_text(a, s, 5);
		n->outcome = col_text(a, s, 6);
	}
	tl_sql_finalize(s);
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
	char now[21];
	tl_sql_now(now);
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "INSERT INTO accepted_binding (chapter, binding, shown, period, accepted_at)"
		    " VALUES (?1, ?2, ?3, ?4, ?5)"
		    " ON CONFLICT (chapter, binding) DO UPDATE SET shown = excluded.shown,"
		    " period = excluded.period, accepted_at = excluded.accepted_at",
		    errs))
		return TL_ERR_STORE;
	for (size_t i = 0; i < n; i++) {
		tl_sql_reset(s);
		tl_sql_bind_text(s, 1, v[i].chapter);
		tl_sql_bind_text(s, 2, v[i].binding);
		tl_sql_bind_text(s, 3, v[i].shown ? v[i].shown : "");
		tl_sql_bind_text(s, 4, v[i].period);
		tl_sql_bind_text(s, 5, now);
		if (tl_sql_step(s) != TL_SQL_DONE) {
			int rc = fail(st, errs, "accepted binding");
			tl_sql_finalize(s);
			return rc;
		}
	}
	tl_sql_finalize(s);
	return TL_OK;
}

int tl_store_load_accepted(tl_store *st, tl_arena *a, struct tl_accepted **out, size_t *n,
			   tl_errors *errs)
{
	size_t cap = count_rows(st, "accepted_binding"), k = 0;
	struct tl_accepted *v = tl_arena_array(a, cap ? cap : 1, sizeof *v);
	tl_sql_stmt *s;
	if (prepare(st, &s,
		    "SELECT chapter, binding, shown, period, accepted_at FROM accepted_binding"
		    " ORDER BY chapter, binding",
		    errs))
		return TL_ERR_STORE;
	int rc;
	while ((rc = tl_sql_step(s)) == TL_SQL_ROW && k < cap)
		v[k++] = (struct tl_accepted){col_text(a, s, 0), col_text(a, s, 1), col_text(a, s, 2),
					      col_text(a, s, 3), col_text(a, s, 4)};
	tl_sql_finalize(s);
	if (rc != TL_SQL_ROW && rc != TL_SQL_DONE)
		return fail(st, errs, "accepted bindings");
	*out = v;
	*n = k;
	return TL_OK;
}
