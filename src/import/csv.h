/*
 * csv — a streaming RFC 4180 CSV reader with positions.
 *
 * Reads a CSV file (or a block of memory) one record at a time and hands out
 * its fields, each with the line and column where it starts.  It accepts what
 * CBS, spreadsheets and R write: an optional UTF-8 byte order mark (stripped;
 * columns are still counted from 1 after it), CRLF, LF or lone CR line ends,
 * fields in double quotes with "" for a quote and with embedded delimiters
 * and newlines.  The delimiter is given, or detected from the first record:
 * ';' when it occurs outside quotes, else ',' when that does, else the file
 * has one column.  Columns count characters (UTF-8 code points), not bytes.
 *
 * It rejects, with file:line:col and the offending text shortened to ~40
 * bytes: a quote inside an unquoted field, text after a closing quote, an
 * unterminated quote at end of input, a NUL byte, invalid UTF-8, and fields,
 * rows or field counts over the limits in tl_csv_opts.  After a bad record
 * the reader continues with the next one, so that a caller can report every
 * bad row; an unterminated quote and a read error end the input.
 *
 * Empty lines at the very end of the input are ignored.  An empty line in
 * the middle is returned as a row with one empty field: the caller decides
 * what a blank row means.
 *
 * What it does not do: no header handling, no trimming, no type conversion,
 * no other encodings than UTF-8 (ISO-8859-1 files fail with a position).
 *
 * Memory: a FILE is read in chunks (64 KiB by default); the reader holds one
 * chunk and the current record, never the whole file.  Records are bounded by
 * max_record, fields by max_field.  Everything is freed by tl_csv_close().
 *
 * Usage:
 *     tl_csv *c = tl_csv_open_file(f, "data/obs.csv", NULL);
 *     const struct tl_csv_field *fl;
 *     size_t n;
 *     int r;
 *     while ((r = tl_csv_next(c, &fl, &n, &errs)) != 0) {
 *             if (r < 0)
 *                     continue;        (the error is in errs; go on or stop)
 *             for (size_t i = 0; i < n; i++)
 *                     use(fl[i].s, fl[i].n, fl[i].line, fl[i].col);
 *     }
 *     tl_csv_close(c);
 */
#ifndef TL_CSV_H
#define TL_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "../core/buf.h"
#include "../core/err.h"

typedef struct tl_csv tl_csv;

/* One field of the current record.  s is borrowed from the reader: valid until
 * the next tl_csv_next() or tl_csv_close().  s is NUL-terminated at s[n] and
 * contains no NUL itself; quotes are removed and "" is decoded to ". */
struct tl_csv_field {
	const char *s;
	size_t n;      /* bytes */
	unsigned line; /* where the field starts: 1-based line … */
	unsigned col;  /* … and 1-based column (the opening quote when quoted) */
	int quoted;    /* 1 when the field was written in quotes */
};

/* Options; a NULL pointer or zeroed struct gives the defaults. */
struct tl_csv_opts {
	char delim;        /* 0 = detect ';' or ',' from the first record; else any
			    * ASCII character but '"', CR, LF and NUL */
	size_t max_field;  /* bytes per field; 0 = 1 MiB */
	size_t max_fields; /* fields per record; 0 = 10000 */
	size_t max_record; /* bytes per record; 0 = 16 MiB */
	size_t chunk;      /* read size for FILE input; 0 = 64 KiB (tests use 1) */
};

/* A reader over f, which stays the caller's (borrowed; not closed).  `name`
 * is copied and used in messages.  Reading starts at once (BOM, delimiter
 * detection).  Never returns NULL; an invalid delim is a programming error
 * (tl_panic). */
tl_csv *tl_csv_open_file(FILE *f, const char *name, const struct tl_csv_opts *o);
/* A reader over data[0..len), borrowed: it must outlive the reader. */
tl_csv *tl_csv_open_mem(const char *data, size_t len, const char *name,
			const struct tl_csv_opts *o);

/*
 * Read the next record into *fields (borrowed, see above) and *n (>= 1).
 * Returns
 *   1            a record;
 *   0            end of input (also after a final error);
 *   TL_ERR_INPUT a malformed record, TL_ERR_LIMIT one over a limit: one error
 *                is added to errs with file:line:col; calling again continues
 *                with the next record (after an unterminated quote, returns 0);
 *   TL_ERR_IO    a read error, recorded; the next call returns 0.
 * On a negative return *fields and *n are set to an empty record.
 */
int tl_csv_next(tl_csv *c, const struct tl_csv_field **fields, size_t *n, tl_errors *errs);

/* The delimiter in use (given or detected when the reader opened). */
char tl_csv_delim(const tl_csv *c);
/* Bytes of input consumed so far, BOM included (for progress reports). */
unsigned long long tl_csv_offset(const tl_csv *c);
/* Free the reader (not the FILE).  NULL is a no-op. */
void tl_csv_close(tl_csv *c);

/* Append s[0..n) to b for an error message: double-quoted, cut after about 40
 * bytes at a character boundary with "…", control characters and invalid
 * UTF-8 escaped (\n, \t, \xNN), quotes and backslashes escaped.  Used by
 * the importers for "unknown indicator \"xyz\"" messages. */
void tl_csv_snippet(tl_buf *b, const char *s, size_t n);
/* The snippet of s[0..n) (s may be NULL: "") as q's whole text, for a
 * message being built; valid until q changes. */
const char *tl_csv_quoted(tl_buf *q, const char *s, size_t n);

#endif
