/*
 * obs_import — the long observations CSV importer of obs_import.h.
 *
 * One pass over the file with the streaming CSV reader: the header row maps
 * column names to field indexes, then each row is checked cell by cell (all
 * problems of a row are reported, not just the first) and, when clean,
 * given to tl_store_put_observation_later(), which writes the cells in
 * sorted batches (on SQLite on a thread of its own, while this one reads
 * on).  Memory stays flat: the reader holds one record, this file holds one
 * row's trimmed copies and the names of the last indicator and region found
 * in the store, the store a bounded batch.
 *
 * Duplicates: the store tells us when this import already wrote a cell (at
 * once, or when it writes its batch: with the line and column we gave it),
 * but not where the first one was.  Rather than remembering a line per
 * cell, we keep the duplicates (at most DUP_MAX) and, after the pass, read
 * the file once more to find the first line of each; their errors are then
 * sorted in among the others by line.
 */
#include "obs_import.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../core/buf.h"
#include "../core/fmt.h"
#include "../core/str.h"
#include "../core/xalloc.h"
#include "csv.h"

enum {
	DUP_MAX = 100,                 /* duplicates whose first line we look up */
	PROGRESS_MIN = 4 << 20,        /* show progress for inputs over 4 MiB */
	PROGRESS_EVERY = 1024,         /* rows between clock checks */
	NAME_MAX_LEN = 32,             /* longer column names / statuses are unknown */
};

/* ---- Columns ------------------------------------------------------------ */

enum col { C_INDICATOR, C_REGION, C_PERIOD, C_VALUE, C_STATUS, C_SOURCE, C_NOTE, C_N };

static const struct {
	const char *en, *nl; /* accepted names, lowercase; nl may equal en */
	int required;
} columns[C_N] = {
	[C_INDICATOR] = {"indicator", "indicator", 1},
	[C_REGION] = {"region", "regio", 1},
	[C_PERIOD] = {"period", "periode", 1},
	[C_VALUE] = {"value", "waarde", 1},
	[C_STATUS] = {"status", "status", 0},
	[C_SOURCE] = {"source", "bron", 0},
	[C_NOTE] = {"note", "toelichting", 0},
};

#define ACCEPTED "indicator, region (regio), period (periode), value (waarde), " \
		 "status, source (bron), note (toelichting)"

/* ---- State -------------------------------------------------------------- */

/* Where the input comes from, so that it can be read twice. */
struct input {
	const char *name;
	const char *data; /* memory input, or NULL */
	size_t len;
	FILE *f;          /* file input, or NULL */
	unsigned long long size; /* for progress; 0 = unknown */
};

/* A duplicate cell whose first line is still to be found. */
struct dup {
	unsigned line, col; /* the second occurrence */
	unsigned first;     /* line of the first, 0 = not found (yet) */
	char *indicator;    /* owned */
	char *region;       /* owned */
	struct tl_period period;
};

struct imp {
	tl_store *st;
	int64_t import_id;
	const struct input *in;
	tl_errors *errs;
	struct tl_import_stats stats;

	int map[C_N];      /* field index of each column, -1 when absent */
	size_t ncols;      /* fields in the header row */
	unsigned header_line;

	char dec;          /* decimal separator of this file, 0 = not seen yet */
	unsigned dec_line; /* where it was first seen */

	tl_buf cell[C_N];  /* this row's trimmed cells, NUL-terminated */
	tl_buf last_ind;   /* last indicator / region found in the store */
	tl_buf last_reg;

	struct dup *dups;
	size_t ndups;
	long dups_lost;    /* duplicates over DUP_MAX, reported without a first line */
	int failed;        /* TL_ERR_STORE or TL_ERR_IO: stop */

	int progress;      /* 1 when progress is shown */
	int progress_shown;
	struct timespec progress_last;
};

/* ---- Small helpers ------------------------------------------------------ */

/* Lowercase ASCII copy of s[0..n) into out (NAME_MAX_LEN bytes); -1 when too
 * long to be any name we accept. */
static int lower(char out[NAME_MAX_LEN], const char *s, size_t n)
{
	if (n >= NAME_MAX_LEN)
		return -1;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[n] = '\0';
	return 0;
}

/* "msg \"text…\"" helpers: append a quoted snippet of s[0..n). */
static char *quoted(tl_buf *b, const char *s, size_t n)
{
	tl_buf_reset(b);
	tl_csv_snippet(b, s, n);
	return b->data;
}

static void err_at(struct imp *m, const struct tl_csv_field *f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void err_at(struct imp *m, const struct tl_csv_field *f, const char *fmt, ...)
{
	tl_buf b = TL_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	tl_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	tl_errors_add(m->errs, m->in->name, f->line, f->col, NULL, "%s", b.data);
	tl_buf_free(&b);
}

static int all_blank(const struct tl_csv_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = f[i].n;
		tl_trim(f[i].s, &len);
		if (len)
			return 0;
	}
	return 1;
}

static tl_csv *open_input(const struct input *in)
{
	if (in->data || !in->f)
		return tl_csv_open_mem(in->data, in->len, in->name, NULL);
	return tl_csv_open_file(in->f, in->name, NULL);
}

/* ---- Progress ----------------------------------------------------------- */

static double since(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

static void progress_tick(struct imp *m, const tl_csv *c)
{
	if (!m->progress || m->stats.rows % PROGRESS_EVERY)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (m->progress_shown && since(&m->progress_last, &now) < 0.1)
		return;
	m->progress_last = now;
	m->progress_shown = 1;
	unsigned long long pct = tl_csv_offset(c) * 100 / m->in->size;
	fprintf(stderr, "\rimport: %llu%% (%ld rows)", pct > 100 ? 100 : pct, m->stats.rows);
	fflush(stderr);
}

static void progress_end(struct imp *m)
{
	if (m->progress_shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
}

/* ---- Header ------------------------------------------------------------- */

/* Map the header row's names to columns.  0, or -1 after recording errors. */
static int header(struct imp *m, const struct tl_csv_field *f, size_t n)
{
	int bad = 0;
	for (int k = 0; k < C_N; k++)
		m->map[k] = -1;
	m->ncols = n;
	m->header_line = f[0].line;
	tl_buf q = TL_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		size_t len = f[i].n;
		const char *s = tl_trim(f[i].s, &len);
		char name[NAME_MAX_LEN];
		int k = C_N;
		if (lower(name, s, len) == 0)
			for (k = 0; k < C_N; k++)
				if (!strcmp(name, columns[k].en) || !strcmp(name, columns[k].nl))
					break;
		if (len == 0) {
			err_at(m, &f[i], "empty column name in the header (column %zu); accepted: "
				   ACCEPTED, i + 1);
			bad = 1;
		} else if (k == C_N) {
			err_at(m, &f[i], "unknown column %s; accepted: " ACCEPTED,
			       quoted(&q, s, len));
			bad = 1;
		} else if (m->map[k] >= 0) {
			err_at(m, &f[i], "column %s appears twice (also column %d)",
			       quoted(&q, s, len), m->map[k] + 1);
			bad = 1;
		} else {
			m->map[k] = (int)i;
		}
	}
	for (int k = 0; k < C_N; k++) {
		if (columns[k].required && m->map[k] < 0) {
			if (strcmp(columns[k].en, columns[k].nl))
				tl_errors_add(m->errs, m->in->name, m->header_line, 1, NULL,
					      "missing required column \"%s\" (or \"%s\")",
					      columns[k].en, columns[k].nl);
			else
				tl_errors_add(m->errs, m->in->name, m->header_line, 1, NULL,
					      "missing required column \"%s\"", columns[k].en);
			bad = 1;
		}
	}
	tl_buf_free(&q);
	return bad ? -1 : 0;
}

/* ---- Cells -------------------------------------------------------------- */

/* Is the NUL-terminated name known to the store?  `last` caches the last
 * name found, since long files repeat an indicator for many rows. */
static int known(struct imp *m, tl_buf *last, const char *name, size_t n,
		 int (*has)(tl_store *, const char *))
{
	if (last->len == n && last->data && memcmp(last->data, name, n) == 0)
		return 1;
	if (!has(m->st, name))
		return 0;
	tl_buf_reset(last);
	tl_buf_put(last, name, n);
	return 1;
}

enum vkind { V_EMPTY, V_DOT, V_NUM };

static int has_exponent(const char *s, size_t n)
{
	int e = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (ch == 'e' || ch == 'E')
			e = 1;
		else if (!(ch >= '0' && ch <= '9') && ch != '.' && ch != ',' && ch != '+' && ch != '-')
			return 0;
	}
	return e;
}

/* Parse the trimmed value cell.  Sets *kind and *v; returns -1 after
 * recording an error. */
static int value(struct imp *m, const struct tl_csv_field *f, const char *s, size_t n,
		 enum vkind *kind, double *v)
{
	tl_buf q = TL_BUF_INIT;
	int rc = -1;
	*kind = V_EMPTY;
	if (n == 0)
		return 0;
	if (n == 1 && s[0] == '.') {
		*kind = V_DOT;
		return 0;
	}
	const char *t = s;
	size_t tn = n;
	if (*t == '+' || *t == '-')
		t++, tn--;
	char low[NAME_MAX_LEN];
	if (lower(low, t, tn) == 0 &&
	    (!strcmp(low, "inf") || !strcmp(low, "infinity") || !strcmp(low, "nan"))) {
		err_at(m, f, "not a number: %s (inf and nan are not allowed; leave the value "
			     "empty and give a status)", quoted(&q, s, n));
		goto out;
	}
	if (has_exponent(s, n)) {
		err_at(m, f, "number with an exponent: %s (write the number out in full)",
		       quoted(&q, s, n));
		goto out;
	}
	size_t commas = 0, points = 0;
	for (size_t i = 0; i < n; i++) {
		commas += s[i] == ',';
		points += s[i] == '.';
	}
	if (commas + points > 1) {
		err_at(m, f, "thousands separator in %s (write numbers without grouping, "
			     "with at most one decimal separator)", quoted(&q, s, n));
		goto out;
	}
	char sep = commas ? ',' : points ? '.' : 0;
	if (sep && !m->dec) {
		m->dec = sep;
		m->dec_line = f->line;
	} else if (sep && sep != m->dec) {
		err_at(m, f, "mixed decimal separators: %s uses a %s, but line %u used a %s "
			     "(one file uses one of them)", quoted(&q, s, n),
		       sep == ',' ? "comma" : "point", m->dec_line,
		       m->dec == ',' ? "comma" : "point");
		goto out;
	}
	if (tl_parse_decimal(s, n, sep ? sep : '.', v)) {
		err_at(m, f, "not a number: %s", quoted(&q, s, n));
		goto out;
	}
	*kind = V_NUM;
	rc = 0;
out:
	tl_buf_free(&q);
	return rc;
}

/* Copy the trimmed cell of column k (empty when absent) into m->cell[k]. */
static void take(struct imp *m, const struct tl_csv_field *f, int k)
{
	tl_buf *b = &m->cell[k];
	tl_buf_reset(b);
	tl_buf_put(b, "", 0);
	if (m->map[k] < 0)
		return;
	size_t n = f[m->map[k]].n;
	const char *s = tl_trim(f[m->map[k]].s, &n);
	tl_buf_put(b, s, n);
}

/* Remember a duplicate of an earlier row (its cell at line:col); its error
 * is added after the second pass.  Over DUP_MAX, report it at once without
 * the first line. */
static void add_dup(struct imp *m, unsigned line, unsigned col, const char *indicator, const char *region,
		    const struct tl_period *p)
{
	if (m->ndups == DUP_MAX) {
		char code[9];
		tl_period_code(p, code);
		tl_errors_add(m->errs, m->in->name, line, col, NULL,
			      "duplicate cell: indicator \"%s\", region \"%s\", period %s is given "
			      "earlier in this file", indicator, region, code);
		m->dups_lost++;
		return;
	}
	if (!m->dups)
		m->dups = xcalloc(DUP_MAX, sizeof *m->dups);
	struct dup *d = &m->dups[m->ndups++];
	d->line = line;
	d->col = col;
	d->first = 0;
	d->indicator = xstrdup(indicator);
	d->region = xstrdup(region);
	d->period = *p;
}

/* A duplicate the store found when it wrote its bulk buffer (tag: the
 * row's line and column); it was counted as written. */
static void late_dup(void *ctx, uint64_t tag, const struct tl_observation *o)
{
	struct imp *m = ctx;
	add_dup(m, (unsigned)(tag >> 32), (unsigned)(tag & 0xFFFFFFFFu), o->indicator, o->region, &o->period);
	m->stats.observations--;
}

/* One data row of the right width: check every cell, write when clean. */
static void row(struct imp *m, const struct tl_csv_field *f)
{
	tl_buf q = TL_BUF_INIT;
	int bad = 0;
	for (int k = 0; k < C_N; k++)
		take(m, f, k);
	const struct tl_csv_field *fi = &f[m->map[C_INDICATOR]];
	const struct tl_csv_field *fr = &f[m->map[C_REGION]];
	const struct tl_csv_field *fp = &f[m->map[C_PERIOD]];
	const struct tl_csv_field *fv = &f[m->map[C_VALUE]];
	const struct tl_csv_field *fs = m->map[C_STATUS] >= 0 ? &f[m->map[C_STATUS]] : fv;
	tl_buf *ind = &m->cell[C_INDICATOR], *reg = &m->cell[C_REGION];
	tl_buf *per = &m->cell[C_PERIOD], *val = &m->cell[C_VALUE];
	tl_buf *sta = &m->cell[C_STATUS], *note = &m->cell[C_NOTE], *src = &m->cell[C_SOURCE];

	if (ind->len == 0) {
		err_at(m, fi, "empty indicator");
		bad = 1;
	} else if (!known(m, &m->last_ind, ind->data, ind->len, tl_store_has_indicator)) {
		err_at(m, fi, "unknown indicator %s (not in agenda.yml)",
		       quoted(&q, ind->data, ind->len));
		bad = 1;
	}
	if (reg->len == 0) {
		err_at(m, fr, "empty region");
		bad = 1;
	} else if (!known(m, &m->last_reg, reg->data, reg->len, tl_store_has_region)) {
		err_at(m, fr, "unknown region %s (not in agenda.yml)",
		       quoted(&q, reg->data, reg->len));
		bad = 1;
	}
	struct tl_period period;
	if (tl_period_parse(per->data, per->len, &period)) {
		err_at(m, fp, "bad period %s (expected a year like 2024 or a CBS code like "
			      "2024JJ00, 2024KW02, 2024MM11)", quoted(&q, per->data, per->len));
		bad = 1;
	}

	enum vkind vk;
	double v = 0;
	if (value(m, fv, val->data, val->len, &vk, &v))
		bad = 1;

	enum tl_status status = TL_STATUS_FINAL;
	int have_status = 0;
	if (sta->len) {
		char low[NAME_MAX_LEN];
		if (lower(low, sta->data, sta->len) || tl_status_parse(low, &status)) {
			err_at(m, fs, "unknown status %s; accepted: final (definitief), provisional "
				      "(voorlopig, *), unknown (onbekend, .), suppressed (geheim), "
				      "not-applicable (nvt), missing (ontbreekt)",
			       quoted(&q, sta->data, sta->len));
			bad = 1;
			goto done;
		}
		have_status = 1;
	}
	switch (vk) {
	case V_NUM:
		if (!have_status) {
			status = TL_STATUS_FINAL;
		} else if (!tl_status_has_value(status)) {
			err_at(m, fv, "value %s contradicts status \"%s\" (a cell with status %s has "
				      "no value)", quoted(&q, val->data, val->len),
			       tl_status_name(status), tl_status_name(status));
			bad = 1;
		}
		break;
	case V_DOT:
		if (!have_status) {
			status = TL_STATUS_UNKNOWN;
		} else if (status != TL_STATUS_UNKNOWN && status != TL_STATUS_SUPPRESSED) {
			err_at(m, fv, "value \".\" means unknown, but the status is \"%s\"",
			       tl_status_name(status));
			bad = 1;
		}
		break;
	case V_EMPTY:
		if (val->len) /* a value that failed to parse: already reported */
			break;
		if (!have_status) {
			status = TL_STATUS_NOT_APPLICABLE;
		} else if (tl_status_has_value(status)) {
			err_at(m, fs, "status \"%s\" needs a value", tl_status_name(status));
			bad = 1;
		}
		break;
	}
	if (have_status && status == TL_STATUS_MISSING && note->len == 0) {
		err_at(m, fs, "status \"missing\" needs a note saying why (column note or "
			      "toelichting)");
		bad = 1;
	}
done:
	if (!bad) {
		struct tl_observation o = {
			.indicator = ind->data,
			.region = reg->data,
			.period = period,
			.value = v,
			.status = status,
			.source = src->len ? src->data : NULL,
			.note = note->len ? note->data : NULL,
		};
		int r = tl_store_put_observation_later(m->st, m->import_id, &o,
						       (uint64_t)f[0].line << 32 | f[0].col, m->errs);
		if (r == 1)
			add_dup(m, f[0].line, f[0].col, ind->data, reg->data, &period);
		else if (r < 0)
			m->failed = TL_ERR_STORE;
		else
			m->stats.observations++;
	}
	tl_buf_free(&q);
}

/* ---- Duplicates: the second pass ---------------------------------------- */

static int same_cell(const struct dup *d, const char *ind, size_t ni, const char *reg, size_t nr,
		     const struct tl_period *p)
{
	return tl_slice_eq(ind, ni, d->indicator) && tl_slice_eq(reg, nr, d->region) &&
	       tl_period_cmp(p, &d->period) == 0;
}

/* Read the input again to find the first line of each duplicate. */
static void find_first_lines(struct imp *m)
{
	unsigned last = 0;
	for (size_t i = 0; i < m->ndups; i++)
		if (m->dups[i].line > last)
			last = m->dups[i].line;
	if (m->in->f && fseek(m->in->f, 0, SEEK_SET) != 0)
		return; /* not seekable: report without the first lines */
	tl_errors quiet = TL_ERRORS_INIT;
	tl_csv *c = open_input(m->in);
	const struct tl_csv_field *f;
	size_t n, todo = m->ndups;
	int r, seen_header = 0;
	while (todo && (r = tl_csv_next(c, &f, &n, &quiet)) != 0) {
		if (r < 0 || all_blank(f, n))
			continue;
		if (!seen_header) {
			seen_header = 1;
			continue;
		}
		if (f[0].line >= last)
			break;
		if (n != m->ncols)
			continue;
		size_t ni = f[m->map[C_INDICATOR]].n, nr = f[m->map[C_REGION]].n;
		const char *ind = tl_trim(f[m->map[C_INDICATOR]].s, &ni);
		const char *reg = tl_trim(f[m->map[C_REGION]].s, &nr);
		struct tl_period p;
		const struct tl_csv_field *fp = &f[m->map[C_PERIOD]];
		if (tl_period_parse(fp->s, fp->n, &p))
			continue;
		for (size_t i = 0; i < m->ndups; i++) {
			struct dup *d = &m->dups[i];
			if (!d->first && d->line > f[0].line && same_cell(d, ind, ni, reg, nr, &p)) {
				d->first = f[0].line;
				todo--;
			}
		}
	}
	tl_csv_close(c);
	tl_errors_free(&quiet);
}

/* Stable sort of errs->items[from..n) by line and column. */
static void sort_errors(tl_errors *e, size_t from)
{
	for (size_t i = from + 1; i < e->n; i++) {
		struct tl_error it = e->items[i];
		unsigned char w = e->is_warning[i];
		size_t j = i;
		while (j > from && (e->items[j - 1].line > it.line ||
				    (e->items[j - 1].line == it.line && e->items[j - 1].col > it.col))) {
			e->items[j] = e->items[j - 1];
			e->is_warning[j] = e->is_warning[j - 1];
			j--;
		}
		e->items[j] = it;
		e->is_warning[j] = w;
	}
}

static void report_dups(struct imp *m, size_t errs_from)
{
	find_first_lines(m);
	for (size_t i = 0; i < m->ndups; i++) {
		struct dup *d = &m->dups[i];
		char code[9];
		tl_period_code(&d->period, code);
		if (d->first)
			tl_errors_add(m->errs, m->in->name, d->line, d->col, NULL,
				      "duplicate cell: indicator \"%s\", region \"%s\", period %s is "
				      "also on line %u", d->indicator, d->region, code, d->first);
		else
			tl_errors_add(m->errs, m->in->name, d->line, d->col, NULL,
				      "duplicate cell: indicator \"%s\", region \"%s\", period %s is "
				      "given earlier in this file", d->indicator, d->region, code);
	}
	sort_errors(m->errs, errs_from);
}

/* ---- The import --------------------------------------------------------- */

static int import(tl_store *st, const struct input *in, int64_t import_id,
		  struct tl_import_stats *stats, tl_errors *errs)
{
	struct imp m;
	memset(&m, 0, sizeof m);
	m.st = st;
	m.import_id = import_id;
	m.in = in;
	m.errs = errs;
	m.progress = in->size > PROGRESS_MIN && isatty(STDERR_FILENO);
	size_t errs_from = errs->n;
	size_t count_before = tl_errors_count(errs);

	tl_store_bulk_begin(st, late_dup, &m);
	tl_csv *c = open_input(in);
	const struct tl_csv_field *f;
	size_t n;
	int r, have_header = 0, header_bad = 0;
	while (!m.failed && (r = tl_csv_next(c, &f, &n, errs)) != 0) {
		if (r == TL_ERR_IO) {
			m.failed = TL_ERR_IO;
			break;
		}
		if (!have_header) {
			if (r < 0) {
				header_bad = 1;
				break;
			}
			if (all_blank(f, n))
				continue;
			have_header = 1;
			if (header(&m, f, n)) {
				header_bad = 1;
				break;
			}
			continue;
		}
		m.stats.rows++;
		progress_tick(&m, c);
		if (r < 0)
			continue;
		if (all_blank(f, n)) {
			m.stats.skipped++;
			continue;
		}
		if (n != m.ncols) {
			const struct tl_csv_field *at = n > m.ncols ? &f[m.ncols] : &f[0];
			err_at(&m, at, "row has %zu field%s, but the header (line %u) has %zu", n,
			       n == 1 ? "" : "s", m.header_line, m.ncols);
			continue;
		}
		row(&m, f);
	}
	progress_end(&m);
	tl_csv_close(c);
	/* The cells still in the store's bulk buffer: a duplicate among them
	 * is reported through late_dup. */
	if (tl_store_bulk_end(st, errs) && !m.failed)
		m.failed = TL_ERR_STORE;
	if (!have_header && !header_bad && !m.failed)
		tl_errors_add(errs, in->name, 1, 1, NULL,
			      "empty file: expected a header row naming the columns indicator, "
			      "region, period and value");
	if (m.ndups && !m.failed)
		report_dups(&m, errs_from);

	for (size_t i = 0; i < m.ndups; i++) {
		free(m.dups[i].indicator);
		free(m.dups[i].region);
	}
	free(m.dups);
	for (int k = 0; k < C_N; k++)
		tl_buf_free(&m.cell[k]);
	tl_buf_free(&m.last_ind);
	tl_buf_free(&m.last_reg);
	if (stats)
		*stats = m.stats;
	if (m.failed)
		return m.failed;
	return tl_errors_count(errs) > count_before ? TL_ERR_INPUT : TL_OK;
}

int tl_obs_import_mem(tl_store *st, const char *name, const char *data, size_t len,
		      int64_t import_id, struct tl_import_stats *stats, tl_errors *errs)
{
	struct input in = {name, data ? data : "", len, NULL, len};
	return import(st, &in, import_id, stats, errs);
}

int tl_obs_import_file(tl_store *st, const char *path, int64_t import_id,
		       struct tl_import_stats *stats, tl_errors *errs)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	FILE *f = fopen(path, "rb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return TL_ERR_IO;
	}
	struct input in = {path, NULL, 0, f, 0};
	struct stat sb;
	if (fstat(fileno(f), &sb) == 0 && S_ISREG(sb.st_mode))
		in.size = (unsigned long long)sb.st_size;
	int r = import(st, &in, import_id, stats, errs);
	fclose(f);
	return r;
}
