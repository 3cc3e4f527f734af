/*
 * obs_import — load a long observations CSV into the store.
 *
 * The file is telling's own data format (docs/agenda-format.md): one header
 * row naming the columns, in any order, case-insensitive, English or Dutch,
 *     indicator, region|regio, period|periode, value|waarde   (required)
 *     status, source|bron, note|toelichting                   (optional)
 * then one observation per row.  Delimiter ';' or ',' (detected), UTF-8 with
 * or without BOM.  Fields are trimmed (CBS pads codes: "GM0106    ").
 *
 * Every row is checked against the agenda already in the store (indicator
 * and region must exist) and against itself: the period code parses, the
 * value is a plain decimal number written with one decimal separator for the
 * whole file (comma or point, whichever the first value with a separator
 * uses), "." means unknown and an empty value means not applicable unless the
 * status says missing, suppressed or unknown; a status that contradicts the
 * value, status missing without a note, a wrong number of fields and a cell
 * written twice in one file are errors.  Blank rows are skipped.
 *
 * Errors are collected, not fatal: the whole file is read and every problem
 * is recorded in errs with file:line:col (the list stops recording at its
 * limit but keeps counting).  A duplicate cell names both lines; to keep
 * memory flat, the first line is found by reading the file a second time
 * (only when there are duplicates).
 *
 * Transactions belong to the caller: call tl_store_begin() and
 * tl_store_import_begin() first; valid rows are written as they are read, so
 * on a negative return the caller must tl_store_rollback().
 *
 * Progress: when stderr is a terminal and the input is over 4 MiB, a line
 * "import: NN% (N rows)" is updated on stderr about ten times a second and
 * cleared at the end.
 */
#ifndef TL_OBS_IMPORT_H
#define TL_OBS_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include "../core/err.h"
#include "../store/store.h"

struct tl_import_stats {
	long rows;         /* data rows read (header excluded, blank rows included) */
	long observations; /* observations written */
	long skipped;      /* blank rows */
};

/* Import the file at `path` (opened and closed here; `path` is used in
 * messages) under import_id.  stats may be NULL; it is overwritten.
 * Returns TL_OK, TL_ERR_INPUT when the file has errors (all in errs),
 * TL_ERR_IO when it cannot be read, TL_ERR_STORE when the store refused. */
int tl_obs_import_file(tl_store *st, const char *path, int64_t import_id,
		       struct tl_import_stats *stats, tl_errors *errs);
/* The same for data[0..len) (borrowed), named `name` in messages. */
int tl_obs_import_mem(tl_store *st, const char *name, const char *data, size_t len,
		      int64_t import_id, struct tl_import_stats *stats, tl_errors *errs);

#endif
