/*
 * store — the only module that speaks SQL.
 *
 * One interface, several engines: a URI picks the backend.  A plain path (or
 * "sqlite:PATH") opens a SQLite file; "postgresql://…" or "postgres://…" (any
 * libpq connection URI) a PostgreSQL database.  Both run the same statements
 * through the sql.h seam and give the same models.  Callers never see SQL,
 * statements or rows: they put and get the plain structs of model/model.h.
 *
 * Opening a store creates it when missing (a SQLite file; a PostgreSQL
 * database must exist, its tables are created) and applies any pending
 * schema migrations (schema version in table schema_version).
 *
 * Writes happen inside a transaction: tl_store_begin() … tl_store_commit(),
 * or tl_store_rollback() to leave the store exactly as it was.  Imports and
 * agenda loads are all-or-nothing because of this.
 *
 * Usage:
 *     tl_store *st;
 *     if (tl_store_open(&st, "report.db", &errs)) { print errs; fail }
 *     tl_store_begin(st, &errs);
 *     tl_store_put_theme(st, &theme, &errs); …
 *     failed ? tl_store_rollback(st) : tl_store_commit(st, &errs);
 *     tl_store_close(st);
 */
#ifndef TL_STORE_H
#define TL_STORE_H

#include <stdint.h>

#include "../core/arena.h"
#include "../core/err.h"
#include "../model/model.h"
#include "../model/report.h"

typedef struct tl_store tl_store;

/* Open (creating and migrating as needed).  On failure returns < 0, sets
 * *out to NULL and adds a message naming the URI to errs. */
int tl_store_open(tl_store **out, const char *uri, tl_errors *errs);
/* Open a store that must already exist, for commands that only read it
 * (export): as tl_store_open, but a database with no telling schema at all
 * (an empty SQLite file, an empty PostgreSQL database) is refused before
 * anything is written to it.  An older schema is still migrated. */
int tl_store_open_existing(tl_store **out, const char *uri, tl_errors *errs);
/* Closes; rolls back an open transaction.  NULL is a no-op. */
void tl_store_close(tl_store *st);

/* True when uri names a PostgreSQL database (no file to look for). */
int tl_store_is_pg_uri(const char *uri);

/* Current schema version (for tests and `telling --version`). */
int tl_store_schema_version(tl_store *st);

int tl_store_begin(tl_store *st, tl_errors *errs);
int tl_store_commit(tl_store *st, tl_errors *errs);
void tl_store_rollback(tl_store *st);

/* Remove the agenda record, chapters, region groups, goal links, series
 * breaks and mergers.  With `with_data` also every observation, import
 * record, indicator, goal, theme and region, and the region register: the
 * store is empty.  Themes,
 * indicators and regions written again afterwards replace the old ones.
 * Inside a transaction. */
int tl_store_clear(tl_store *st, int with_data, tl_errors *errs);

/* ---- Framework writes (inside a transaction; replace on same key) ------- */
int tl_store_put_agenda(tl_store *st, const struct tl_agenda *a, tl_errors *errs);
int tl_store_put_theme(tl_store *st, const struct tl_theme *t, tl_errors *errs);
int tl_store_put_goal(tl_store *st, const struct tl_goal *g, tl_errors *errs);
int tl_store_put_indicator(tl_store *st, const struct tl_indicator *d, tl_errors *errs);
int tl_store_put_region(tl_store *st, const struct tl_region *r, tl_errors *errs);
int tl_store_put_group(tl_store *st, const struct tl_region_group *g, tl_errors *errs);
int tl_store_put_chapter(tl_store *st, const struct tl_chapter *c, tl_errors *errs);
/* A region's outline (the region must exist); replaces an earlier one.
 * tl_store_clear() removes every outline: they come with the agenda. */
int tl_store_put_shape(tl_store *st, const struct tl_shape *sh, tl_errors *errs);

/* ---- Annual report content (model/report.h; inside a transaction) ------- */
/* An instrument with its partners, municipalities, goals, grants and stated
 * totals; a target with its goals and progress; a story with its people;
 * a next step.  tl_store_clear removes them all. */
int tl_store_put_instrument(tl_store *st, const struct tl_instrument *in, tl_errors *errs);
int tl_store_put_target(tl_store *st, const struct tl_target *t, tl_errors *errs);
int tl_store_put_story(tl_store *st, const struct tl_story *s, tl_errors *errs);
int tl_store_put_next_step(tl_store *st, const struct tl_next_step *n, tl_errors *errs);

/* A municipal merger with its old codes (replaces one with the same new code and year). */
int tl_store_put_merger(tl_store *st, const struct tl_merger *g, tl_errors *errs);

/* ---- The region register (every region code statistics files name) ------ */

struct tl_register_region {
	const char *code;   /* GM0105 */
	const char *name;   /* NULL when the file gives none (cleaned of " (PV)" etc.) */
	const char *level;  /* land, landsdeel, provincie, corop, gemeente, wijk, buurt, or NULL */
	const char *parent; /* code or NULL */
	const char *group;  /* CBS code-list group (GMPV22) or NULL */
	int classification_year; /* 0 = unknown */
	int first_year, last_year; /* years with a figure; 0 = none seen */
};

/* Register a region: a new code is inserted; a known one keeps its name,
 * level, parent, group and classification year and only has gaps filled
 * (NULL / 0), and its first and last year widened.  *added (may be NULL) is
 * set to 1 when the code was new. */
int tl_store_register_region(tl_store *st, const struct tl_register_region *r, int *added,
			     tl_errors *errs);
/* A CBS region group (GMPV22 "Drenthe", parent GMPV); replaces its title. */
int tl_store_register_group(tl_store *st, const char *code, const char *title, const char *parent,
			    tl_errors *errs);
/* One registered region into *out (strings in a), or TL_ERR_NOTFOUND. */
int tl_store_register_get(tl_store *st, const char *code, tl_arena *a, struct tl_register_region *out);
/* Registered regions (level NULL: all). */
long tl_store_register_count(tl_store *st, const char *level);

/* ---- Observations ------------------------------------------------------- */

/* Start an import record for `file` (its name as given) and return its id.
 * Inside a transaction: a rollback forgets the import too. */
int tl_store_import_begin(tl_store *st, const char *file, int64_t *import_id, tl_errors *errs);
/* Record the row and observation counts of a finished import. */
int tl_store_import_end(tl_store *st, int64_t import_id, long rows, long observations,
			tl_errors *errs);
/* Insert or replace one observation.  The indicator and region must exist
 * (foreign keys); a violation returns TL_ERR_STORE with a message.
 * Returns 1 (and writes nothing) when this same import already wrote the
 * cell: a duplicate row in one file, which the importer reports with its
 * position.  A cell from an earlier import is replaced (returns 0). */
int tl_store_put_observation(tl_store *st, int64_t import_id, const struct tl_observation *o,
			     tl_errors *errs);

/* Bulk writes, for importers of large files.  Between tl_store_bulk_begin
 * and tl_store_bulk_end, tl_store_put_observation_later does what
 * tl_store_put_observation does, but may keep the observation and write it
 * later with others, in key order (on SQLite a bounded buffer, sorted and
 * written with multi-row INSERTs: memory does not grow with the file).  A
 * cell this import already wrote may then be found only when the buffer is
 * written: `dup` is called with the tag given with it (the caller's line
 * and column, say) and the observation as stored (strings valid during the
 * call).  When it is found at once, put_observation_later returns 1.  The
 * buffer is written before anything reads observations, before a commit
 * and by tl_store_bulk_end, which also stops calling dup; a rollback drops
 * it.  On SQLite the batches are written by a thread of the store's while
 * the caller goes on; dup is still called on the caller's thread (from
 * put_observation_later, bulk_end or a flush).  Between bulk_begin and
 * bulk_end the caller may also put regions, register regions and groups
 * and ask has_indicator / has_region (they take the connection between
 * two of the writer's INSERTs); any other store call waits for the writer
 * to finish its batch first.  One bulk writer at a time. */
typedef void (*tl_store_dup_fn)(void *ctx, uint64_t tag, const struct tl_observation *o);
void tl_store_bulk_begin(tl_store *st, tl_store_dup_fn dup, void *ctx);
/* Rows per bulk batch on SQLite (default 131 072, about 10 MB with their
 * sort order); only before the store's first bulk write.  Tests take a
 * small batch to cross batches with few rows. */
void tl_store_bulk_rows(tl_store *st, size_t rows);
int tl_store_put_observation_later(tl_store *st, int64_t import_id, const struct tl_observation *o,
				   uint64_t tag, tl_errors *errs);
int tl_store_bulk_end(tl_store *st, tl_errors *errs);

/* Lookups used by importers to validate codes before writing. */
int tl_store_has_indicator(tl_store *st, const char *slug);
int tl_store_has_region(tl_store *st, const char *code);

/* Counts for reports and tests. */
long tl_store_count_observations(tl_store *st);

/* ---- Accepted bound figures (telling check --accept) ------------------- */

/* Replace every accepted figure with these n, stamped with the current UTC
 * time.  Inside a transaction.  They are kept when an agenda is loaded
 * again (tl_store_clear leaves them): that is their point. */
int tl_store_put_accepted(tl_store *st, const struct tl_accepted *v, size_t n, tl_errors *errs);
/* All accepted figures, ordered by chapter and binding, into `a`; *n set. */
int tl_store_load_accepted(tl_store *st, tl_arena *a, struct tl_accepted **out, size_t *n,
			   tl_errors *errs);

/* ---- Reads -------------------------------------------------------------- */

/* Load the whole agenda with its observations into a model allocated in `a`.
 * The model is indexed (tl_model_index) before it is returned.  An empty
 * store gives TL_ERR_NOTFOUND ("no agenda loaded"). */
int tl_store_load(tl_store *st, tl_arena *a, struct tl_model **out, tl_errors *errs);
/* The same without observations (n_obs = 0): what importers need. */
int tl_store_load_framework(tl_store *st, tl_arena *a, struct tl_model **out, tl_errors *errs);

#endif
