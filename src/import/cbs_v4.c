/*
 * cbs_v4 — the OData v4 bulk-download reader of cbs_v4.h.
 *
 * The small files are read first and kept in an arena: Properties.csv (the
 * table), Dimensions.csv (which column is what, where the code lists are),
 * MeasureCodes.csv (topics, reported at once), every dimension's code list
 * (period statuses, region codes to report, codes to check against), then
 * Observations.csv is streamed: one CSV record at a time, each turned into
 * at most one cell.  Lookups go through small hash sets of names.
 *
 * Every file is opened through one door (src_open), which reads either from
 * the folder or from the caller's in-memory files, so tests and the fuzzer
 * drive the very same code as a real download.
 */
#include "cbs_v4.h"

#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/file.h"
#include "../core/fmt.h"
#include "../core/nameset.h"
#include "../core/str.h"
#include "../core/xalloc.h"
#include "csv.h"

enum {
	NAME_LEN = 64,       /* longest column name we compare */
	MAX_ATTRS = 32,      /* distinct unknown ValueAttributes warned about */
	HEAD_MAX = 4096,     /* bytes of Observations.csv the sniffer looks at */
	UNLISTED = 0x100,    /* flag on a period added because it was not listed */
};

/* ---- Reader state ------------------------------------------------------------ */

enum kind { K_DIM, K_TIME, K_GEO };

struct dim {
	const char *id;          /* Identifier: "RegioS" (arena) */
	enum kind kind;
	const char *codes_file;  /* "RegioSCodes.csv" (arena) */
	const char *groups_file; /* "RegioSGroups.csv", NULL when none (arena) */
	int map_year;            /* MapYear, 0 when empty */
	int listed;              /* named in Dimensions.csv */
	int col;                 /* its column in Observations.csv, -1 when absent */
	struct tl_nameset codes;    /* its code list; a period's val is its status */
	int has_codes;           /* the code list was read */
	const char *codes_name;  /* the code list's name in messages (arena) */
	long unlisted;           /* rows with a code outside the list … */
	unsigned un_line, un_col; /* … the first of them … */
	const char *un_code;     /* … and its code (arena) */
};

/* A region row of a geo code list, kept until all codes are known. */
struct region_row {
	const char *code, *group, *title; /* arena */
};

/* The role of a column of Observations.csv. */
enum role { R_ID, R_MEASURE, R_VALUE, R_STRING, R_ATTR, R_TIME, R_GEO, R_DIM };

struct v4 {
	/* Input: a folder, or files in memory. */
	const char *dir;                    /* folder, or NULL */
	const char *obs_file;               /* name of the observations file */
	const char *prefix;                 /* memory input: folder name for messages */
	const struct tl_cbs_v4_file *files;
	size_t nfiles;

	const struct tl_raw_sink *sink;
	tl_errors *errs;
	tl_arena *a;                        /* code lists, names, messages' paths */
	struct tl_cbs_v4_stats st;

	const char *table, *title;          /* from Properties.csv (arena), may be NULL */
	long obs_count;                     /* ObservationCount, -1 when unknown */
	struct dim *dims;                   /* owned (xrealloc) */
	size_t ndims;
	int have_dimensions;                /* Dimensions.csv was read */
	struct tl_nameset measures;            /* val: 1 numeric, 0 text */
	struct tl_nameset attrs;               /* unknown ValueAttributes seen */
	struct region_row *rows;            /* geo code list being read (owned) */
	size_t nrows, rcap;

	/* Observations.csv */
	enum role *roles;                   /* per column (owned) */
	int *col_dim;                       /* per column: index into dims, -1 (owned) */
	size_t ncols;
	unsigned header_line;
	int time_col, geo_col, value_col, attr_col, string_col, measure_col;
	struct tl_raw_dim *rdims;           /* per row (owned) */
	size_t nrdims;
	tl_buf *slot;                       /* per column: trimmed copies (owned) */
	int warned_empty;                   /* an empty None value was warned about */
	int national;                       /* the cells are of a table without a geo
	                                     * dimension (a D-<id>.json says so) */

	tl_buf q;                           /* message snippets */
	tl_buf note;
	int io;                             /* a file could not be read */
	int stop;                           /* a sink's negative value */
};

static void err_at(struct v4 *r, const char *file, const struct tl_csv_field *f,
		   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void warn_at(struct v4 *r, const char *file, unsigned line, unsigned col,
		    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void err_at(struct v4 *r, const char *file, const struct tl_csv_field *f,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tl_errors_vadd(r->errs, 0, file, f ? f->line : 0, f ? f->col : 0, NULL, fmt, ap);
	va_end(ap);
}

static void warn_at(struct v4 *r, const char *file, unsigned line, unsigned col,
		    const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tl_errors_vadd(r->errs, 1, file, line, col, NULL, fmt, ap);
	va_end(ap);
}

/* A snippet of s[0..n) for a message (valid until the next call). */
static const char *quoted(struct v4 *r, const char *s, size_t n)
{
	return tl_csv_quoted(&r->q, s, n);
}

/* The trimmed field. */
static const char *trimmed(const struct tl_csv_field *f, size_t *n)
{
	*n = f->n;
	return tl_trim(f->s, n);
}

/* A trimmed copy of f in the arena; "" for NULL. */
static const char *copy(struct v4 *r, const struct tl_csv_field *f)
{
	if (!f)
		return "";
	size_t n;
	const char *s = trimmed(f, &n);
	return tl_arena_strndup(r->a, s, n);
}

static int same(const struct tl_csv_field *f, const char *word)
{
	size_t n;
	const char *s = trimmed(f, &n);
	return tl_slice_eq(s, n, word);
}

/* Call a sink function's result through: a negative value stops the read. */
static int sunk(struct v4 *r, int rc)
{
	if (rc < 0 && !r->stop)
		r->stop = rc;
	return rc < 0 ? -1 : 0;
}

/* ---- Files ---------------------------------------------------------------- */

struct source {
	tl_csv *csv;
	FILE *f;
	const char *name; /* for messages (arena) */
};

static const char *file_name(struct v4 *r, const char *file)
{
	if (r->dir)
		return tl_arena_printf(r->a, "%s/%s", r->dir, file);
	if (r->prefix && *r->prefix)
		return tl_arena_printf(r->a, "%s/%s", r->prefix, file);
	return tl_arena_strdup(r->a, file);
}

/* Open `file` of the download.  1 when open, 0 when there is no such file,
 * -1 when it exists but cannot be opened (recorded). */
static int src_open(struct v4 *r, const char *file, struct source *s)
{
	struct tl_csv_opts o = {0};
	o.delim = ';';
	memset(s, 0, sizeof *s);
	s->name = file_name(r, file);
	if (!r->dir) {
		for (size_t i = 0; i < r->nfiles; i++)
			if (r->files[i].name && strcmp(r->files[i].name, file) == 0) {
				const char *d = r->files[i].data ? r->files[i].data : "";
				size_t len = r->files[i].data ? r->files[i].len : 0;
				s->csv = tl_csv_open_mem(d, len, s->name, &o);
				return 1;
			}
		return 0;
	}
	if (!tl_is_file(s->name))
		return 0;
	s->f = fopen(s->name, "rb");
	if (!s->f) {
		tl_errors_add(r->errs, s->name, 0, 0, NULL, "cannot open: %s", strerror(errno));
		r->io = 1;
		return -1;
	}
	s->csv = tl_csv_open_file(s->f, s->name, &o);
	return 1;
}

static void src_close(struct source *s)
{
	tl_csv_close(s->csv);
	if (s->f)
		fclose(s->f);
	memset(s, 0, sizeof *s);
}

/* 1 when the download has a file named `file`. */
static int src_has(struct v4 *r, const char *file)
{
	if (!r->dir) {
		for (size_t i = 0; i < r->nfiles; i++)
			if (r->files[i].name && strcmp(r->files[i].name, file) == 0)
				return 1;
		return 0;
	}
	return tl_is_file(file_name(r, file));
}

static int all_blank(const struct tl_csv_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len;
		trimmed(&f[i], &len);
		if (len)
			return 0;
	}
	return 1;
}

/* ---- Small tables (everything but the observations) ------------------------ */

struct want {
	const char *name; /* column name */
	int required;
};

typedef int (*row_fn)(struct v4 *r, const char *name, const struct tl_csv_field **cols,
		      void *ctx);

/* Read `file` row by row, handing fn the fields of the wanted columns
 * (cols[k] NULL when the file has no such column).  fn returns < 0 to stop.
 * Returns 1 when the file was read, 0 when it is absent, -1 when it could
 * not be used (recorded) or fn stopped. */
static int each_row(struct v4 *r, const char *file, const struct want *want, size_t nwant,
		    row_fn fn, void *ctx)
{
	struct source s;
	int o = src_open(r, file, &s);
	if (o <= 0)
		return o;
	int map[16];
	const struct tl_csv_field *cols[16];
	if (nwant > 16)
		tl_panic("each_row: too many columns");
	const struct tl_csv_field *f;
	size_t n, ncols = 0;
	int rc, have_header = 0, result = 1;
	unsigned header_line = 0;
	while ((rc = tl_csv_next(s.csv, &f, &n, r->errs)) != 0) {
		if (rc == TL_ERR_IO) {
			r->io = 1;
			result = -1;
			break;
		}
		if (rc < 0)
			continue;
		if (all_blank(f, n))
			continue;
		if (!have_header) {
			have_header = 1;
			ncols = n;
			header_line = f[0].line;
			int missing = 0;
			for (size_t k = 0; k < nwant; k++) {
				map[k] = -1;
				for (size_t i = 0; i < n; i++)
					if (same(&f[i], want[k].name)) {
						map[k] = (int)i;
						break;
					}
				if (map[k] < 0 && want[k].required) {
					err_at(r, s.name, &f[0], "no column \"%s\" in the header",
					       want[k].name);
					missing = 1;
				}
			}
			if (missing) {
				result = -1;
				break;
			}
			continue;
		}
		if (n != ncols) {
			const struct tl_csv_field *at = n > ncols ? &f[ncols] : &f[n - 1];
			err_at(r, s.name, at, "row has %zu field%s, but the header (line %u) has %zu: %s",
			       n, n == 1 ? "" : "s", header_line, ncols, quoted(r, at->s, at->n));
			continue;
		}
		for (size_t k = 0; k < nwant; k++)
			cols[k] = map[k] >= 0 ? &f[map[k]] : NULL;
		if (fn(r, s.name, cols, ctx) < 0) {
			result = -1;
			break;
		}
	}
	src_close(&s);
	return result;
}

/* Properties.csv: the first row names the table. */
static int properties_row(struct v4 *r, const char *name, const struct tl_csv_field **c, void *ctx)
{
	(void)ctx;
	if (r->table)
		return 0;
	size_t n;
	const char *id = trimmed(c[0], &n);
	if (!n) {
		err_at(r, name, c[0], "empty table Identifier");
		return 0;
	}
	r->table = tl_arena_strndup(r->a, id, n);
	r->title = c[1] ? copy(r, c[1]) : NULL;
	if (c[2]) {
		const char *s = trimmed(c[2], &n);
		double v;
		if (n && tl_parse_decimal(s, n, '.', &v) == 0 && v >= 0 && v < 1e15 &&
		    v == (double)(long long)v)
			r->obs_count = (long)v;
	}
	return 0;
}

/* No Properties.csv: the id of the one D-<id>.json, if there is one. */
static void table_from_json(struct v4 *r)
{
	const char *only = NULL;
	size_t count = 0;
	if (r->dir) {
		size_t n;
		char **names = tl_dir_list(r->dir, ".json", r->a, &n);
		for (size_t i = 0; i < n; i++)
			if (tl_starts_with(names[i], "D-") && strlen(names[i]) > 7) {
				only = names[i];
				count++;
			}
	} else {
		for (size_t i = 0; i < r->nfiles; i++) {
			const char *nm = r->files[i].name;
			size_t len = nm ? strlen(nm) : 0;
			if (len > 7 && tl_starts_with(nm, "D-") && strcmp(nm + len - 5, ".json") == 0) {
				only = nm;
				count++;
			}
		}
	}
	if (count == 1) {
		r->table = tl_arena_strndup(r->a, only + 2, strlen(only) - 7);
		return;
	}
	warn_at(r, file_name(r, "Properties.csv"), 0, 0,
		"no such file%s: the table id is unknown, cells carry none",
		count > 1 ? ", and more than one D-<id>.json" : "");
}

/* A code list file name from Dimensions.csv: a plain name, nothing else. */
static const char *plain_file(struct v4 *r, const char *name, const struct tl_csv_field *f)
{
	size_t n;
	const char *s = trimmed(f, &n);
	if (!n)
		return NULL;
	/* A URL in newer downloads: keep its last segment. */
	const char *slash = NULL;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '/')
			slash = s + i;
	if (slash && (tl_starts_with(s, "http://") || tl_starts_with(s, "https://"))) {
		n -= (size_t)(slash + 1 - s);
		s = slash + 1;
	}
	int ok = n > 4 && n < 200 && s[0] != '.';
	for (size_t i = 0; ok && i < n; i++) {
		char c = s[i];
		ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		     c == '_' || c == '-' || c == '.';
	}
	if (!ok) {
		err_at(r, name, f, "not a plain file name: %s", quoted(r, s, n));
		return NULL;
	}
	return tl_arena_strndup(r->a, s, n);
}

static struct dim *dim_add(struct v4 *r, const char *id, enum kind kind)
{
	r->dims = xrealloc(r->dims, (r->ndims + 1) * sizeof *r->dims);
	struct dim *d = &r->dims[r->ndims++];
	memset(d, 0, sizeof *d);
	d->id = tl_arena_strdup(r->a, id);
	d->kind = kind;
	d->col = -1;
	d->codes_file = tl_arena_printf(r->a, "%sCodes.csv", id);
	return d;
}

static struct dim *dim_find(struct v4 *r, const char *s, size_t n)
{
	for (size_t i = 0; i < r->ndims; i++)
		if (tl_slice_eq(s, n, r->dims[i].id))
			return &r->dims[i];
	return NULL;
}

/* Dimensions.csv: Identifier, Kind, MapYear, CodesUrl, GroupsUrl. */
static int dimensions_row(struct v4 *r, const char *name, const struct tl_csv_field **c, void *ctx)
{
	(void)ctx;
	size_t n;
	const char *id = trimmed(c[0], &n);
	if (!n) {
		err_at(r, name, c[0], "empty dimension Identifier");
		return 0;
	}
	if (dim_find(r, id, n)) {
		err_at(r, name, c[0], "dimension %s is listed twice", quoted(r, id, n));
		return 0;
	}
	size_t kn;
	const char *k = c[1] ? trimmed(c[1], &kn) : "";
	if (!c[1])
		kn = 0;
	enum kind kind = K_DIM;
	if (tl_slice_eq_ci(k, kn, "TimeDimension"))
		kind = K_TIME;
	else if (tl_slice_eq_ci(k, kn, "GeoDimension"))
		kind = K_GEO;
	char *idc = tl_arena_strndup(r->a, id, n);
	struct dim *d = dim_add(r, idc, kind);
	d->listed = 1;
	if (c[2]) {
		const char *y = trimmed(c[2], &kn);
		struct tl_period p;
		if (kn == 4 && tl_period_parse(y, kn, &p) == 0)
			d->map_year = p.year;
		else if (kn)
			warn_at(r, name, c[2]->line, c[2]->col, "MapYear %s is not a year: ignored",
				quoted(r, y, kn));
	}
	if (c[3]) {
		const char *f = plain_file(r, name, c[3]);
		if (f)
			d->codes_file = f;
	}
	if (c[4])
		d->groups_file = plain_file(r, name, c[4]);
	else if (kind == K_GEO)
		d->groups_file = tl_arena_printf(r->a, "%sGroups.csv", d->id);
	return 0;
}

/* MeasureCodes.csv: report each measure as a topic. */
static int measure_row(struct v4 *r, const char *name, const struct tl_csv_field **c, void *ctx)
{
	(void)ctx;
	size_t n;
	const char *id = trimmed(c[0], &n);
	if (!n) {
		err_at(r, name, c[0], "empty measure Identifier");
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		/* An identifier is a code: a blank or a control character (a
		 * quoted line break) means the file is not a MeasureCodes list. */
		if ((unsigned char)id[i] <= ' ' || id[i] == 0x7f) {
			err_at(r, name, c[0], "measure Identifier %s holds a blank or control character",
			       quoted(r, id, n));
			return 0;
		}
	}
	int added;
	struct tl_name *e = tl_nameset_put(&r->measures, r->a, id, n, &added);
	if (!added) {
		err_at(r, name, c[0], "measure %s is listed twice", quoted(r, id, n));
		return 0;
	}
	struct tl_raw_topic t;
	memset(&t, 0, sizeof t);
	t.key = e->key;
	t.title = c[1] ? copy(r, c[1]) : NULL;
	t.unit = c[2] ? copy(r, c[2]) : NULL;
	if (t.title && !*t.title)
		t.title = NULL;
	if (t.unit && !*t.unit)
		t.unit = NULL;
	t.decimals = -1;
	if (c[3]) {
		const char *s = trimmed(c[3], &n);
		double v;
		if (n && tl_parse_decimal(s, n, '.', &v) == 0 && v >= 0 && v <= 20 && v == (int)v)
			t.decimals = (int)v;
		else if (n)
			err_at(r, name, c[3], "Decimals %s is not a small whole number", quoted(r, s, n));
	}
	t.numeric = 1;
	if (c[4]) {
		const char *s = trimmed(c[4], &n);
		if (tl_slice_eq_ci(s, n, "String") || tl_slice_eq_ci(s, n, "Text"))
			t.numeric = 0;
	}
	e->val = t.numeric;
	r->st.measures++;
	if (r->sink->topic && sunk(r, r->sink->topic(r->sink->ctx, &t)))
		return -1;
	return 0;
}

/* The status of a Perioden code list's Status text. */
static int period_status(const char *s, size_t n, enum tl_status *out)
{
	if (n == 0 || tl_slice_eq_ci(s, n, "Definitief")) {
		*out = TL_STATUS_FINAL;
		return 0;
	}
	if (tl_slice_eq_ci(s, n, "Voorlopig") || tl_slice_eq_ci(s, n, "Nader voorlopig")) {
		*out = TL_STATUS_PROVISIONAL;
		return 0;
	}
	return -1;
}

/* A code list row (Identifier, DimensionGroupId, Title, Status). */
static int code_row(struct v4 *r, const char *name, const struct tl_csv_field **c, void *ctx)
{
	struct dim *d = ctx;
	size_t n;
	const char *id = trimmed(c[0], &n);
	if (!n) {
		err_at(r, name, c[0], "empty code Identifier");
		return 0;
	}
	int added;
	struct tl_name *e = tl_nameset_put(&d->codes, r->a, id, n, &added);
	if (!added) {
		err_at(r, name, c[0], "code %s is listed twice", quoted(r, id, n));
		return 0;
	}
	if (d->kind == K_TIME) {
		enum tl_status st = TL_STATUS_FINAL;
		size_t sn = 0;
		const char *s = c[3] ? trimmed(c[3], &sn) : "";
		if (period_status(s, sn, &st)) {
			warn_at(r, name, c[3]->line, c[3]->col,
				"unknown period Status %s: its cells are reported as final",
				quoted(r, s, sn));
		}
		e->val = (int)st;
		r->st.periods++;
	} else if (d->kind == K_GEO) {
		if (r->nrows == r->rcap) {
			r->rcap = r->rcap ? r->rcap * 2 : 256;
			r->rows = xrealloc(r->rows, r->rcap * sizeof *r->rows);
		}
		struct region_row *rr = &r->rows[r->nrows++];
		rr->code = e->key;
		rr->group = copy(r, c[1]);
		rr->title = copy(r, c[2]);
	}
	return 0;
}

/* A groups row (Id;Title;ParentId): remember the id, report the group. */
struct groups_ctx {
	struct tl_nameset set;
	const char *dimension;
};

static int group_row(struct v4 *r, const char *name, const struct tl_csv_field **c, void *ctx)
{
	struct groups_ctx *g = ctx;
	size_t n;
	const char *id = trimmed(c[0], &n);
	int added;
	if (!n)
		return 0;
	struct tl_name *e = tl_nameset_put(&g->set, r->a, id, n, &added);
	if (!added) {
		err_at(r, name, c[0], "group %s is listed twice", quoted(r, id, n));
		return 0;
	}
	const char *title = c[1] ? copy(r, c[1]) : "";
	const char *parent = c[2] ? copy(r, c[2]) : "";
	struct tl_raw_group grp = {e->key, title[0] ? title : e->key, parent[0] ? parent : NULL, g->dimension};
	if (r->sink->group)
		sunk(r, r->sink->group(r->sink->ctx, &grp));
	return 0;
}

/* ---- Regions ---------------------------------------------------------------- */

/* The level word of a code or group prefix, NULL for prefixes without one. */
static const char *prefix_level(const char *code)
{
	static const struct {
		char prefix[3];
		const char *level;
	} levels[] = {
		{"NL", "land"}, {"LD", "landsdeel"}, {"PV", "provincie"}, {"CR", "corop"},
		{"GM", "gemeente"}, {"WK", "wijk"}, {"BU", "buurt"},
	};
	if (!code[0] || !code[1])
		return NULL;
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		if (code[0] == levels[i].prefix[0] && code[1] == levels[i].prefix[1])
			return levels[i].level;
	return NULL;
}

/* The title without CBS's disambiguating suffix: " (PV)", " (LD)", " (CR)",
 * " (AM)" … (two capitals) or " (gemeente)".  "Bergen (NH.)" stays. */
static size_t strip_suffix(const char *t)
{
	size_t n = strlen(t);
	if (n > 5 && t[n - 5] == ' ' && t[n - 4] == '(' && t[n - 1] == ')' &&
	    t[n - 3] >= 'A' && t[n - 3] <= 'Z' && t[n - 2] >= 'A' && t[n - 2] <= 'Z')
		return n - 5;
	static const char gm[] = " (gemeente)";
	size_t g = sizeof gm - 1;
	if (n > g && strcmp(t + n - g, gm) == 0)
		return n - g;
	return n;
}

/* Report the regions of geo dimension d (its code list is in r->rows). */
static int report_regions(struct v4 *r, struct dim *d, const struct tl_nameset *groups,
			  const char *codes_name)
{
	const char *land = NULL;
	size_t lands = 0;
	for (size_t i = 0; i < r->nrows; i++)
		if (tl_starts_with(r->rows[i].code, "NL")) {
			land = r->rows[i].code;
			lands++;
		}
	if (lands != 1)
		land = NULL;
	long unknown_groups = 0;
	const char *first_unknown = NULL;
	for (size_t i = 0; i < r->nrows && !r->stop; i++) {
		const struct region_row *rr = &r->rows[i];
		struct tl_raw_region reg;
		memset(&reg, 0, sizeof reg);
		reg.code = rr->code;
		size_t tn = strip_suffix(rr->title);
		reg.name = tn ? tl_arena_strndup(r->a, rr->title, tn) : rr->code;
		reg.level = prefix_level(rr->code);
		if (!reg.level && rr->group[0])
			reg.level = prefix_level(rr->group);
		reg.classification_year = d->map_year;
		reg.group = rr->group[0] ? rr->group : NULL;
		size_t gl = strlen(rr->group);
		if (gl > 4 && prefix_level(rr->group) &&
		    tl_nameset_get(&d->codes, rr->group + 2, gl - 2) &&
		    strcmp(rr->group + 2, rr->code) != 0)
			reg.parent = rr->group + 2;
		else if (land && strcmp(rr->code, land) != 0)
			reg.parent = land;
		if (rr->group[0] && groups->n && !tl_nameset_get(groups, rr->group, gl)) {
			if (!unknown_groups++)
				first_unknown = rr->group;
		}
		r->st.regions++;
		if (r->sink->region && sunk(r, r->sink->region(r->sink->ctx, &reg)))
			return -1;
	}
	if (unknown_groups)
		warn_at(r, codes_name, 0, 0,
			"%ld region%s a DimensionGroupId that the groups file lacks (first \"%s\")",
			unknown_groups, unknown_groups == 1 ? " names" : "s name", first_unknown);
	return 0;
}

/* Read every listed dimension's code list; report the regions. */
static int read_code_lists(struct v4 *r)
{
	static const struct want code_cols[] = {
		{"Identifier", 1}, {"DimensionGroupId", 0}, {"Title", 0}, {"Status", 0},
	};
	static const struct want group_cols[] = {{"Id", 1}, {"Title", 0}, {"ParentId", 0}};
	for (size_t i = 0; i < r->ndims && !r->stop; i++) {
		/* dims may grow later, never here: the pointer stays valid. */
		struct dim *d = &r->dims[i];
		r->nrows = 0;
		int got = each_row(r, d->codes_file, code_cols, 4, code_row, d);
		d->codes_name = file_name(r, d->codes_file);
		if (got < 0 && (r->stop || r->io))
			return -1;
		d->has_codes = got == 1;
		if (got == 0)
			warn_at(r, d->codes_name, 0, 0, "no such file: %s",
				d->kind == K_TIME ? "the status of every period is unknown "
						    "(cells are reported as final)"
				: d->kind == K_GEO ? "no regions are reported"
						   : "its codes are not checked");
		if (d->kind != K_GEO || got != 1)
			continue;
		struct groups_ctx groups = {{NULL, 0, 0}, d->id};
		if (d->groups_file) {
			int g = each_row(r, d->groups_file, group_cols, 3, group_row, &groups);
			if ((g < 0 && r->io) || r->stop) {
				tl_nameset_free(&groups.set);
				return -1;
			}
		}
		int rc = report_regions(r, d, &groups.set, d->codes_name);
		tl_nameset_free(&groups.set);
		if (rc)
			return -1;
	}
	return 0;
}

/* ---- Observations.csv ------------------------------------------------------ */

/* Map the header of Observations.csv.  With r == NULL only checks it (the
 * sniffer).  Returns 0, or -1 (recorded when r is given). */
static int obs_header(struct v4 *r, const char *name, const struct tl_csv_field *f, size_t n)
{
	int measure = -1, value = -1, attr = -1, string = -1, id = -1;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *s = trimmed(&f[i], &len);
		int *slot = tl_slice_eq(s, len, "Measure")          ? &measure
			    : tl_slice_eq(s, len, "Value")          ? &value
			    : tl_slice_eq(s, len, "ValueAttribute") ? &attr
			    : tl_slice_eq(s, len, "StringValue")    ? &string
			    : tl_slice_eq(s, len, "Id")             ? &id
								    : NULL;
		if (slot && *slot >= 0) {
			if (r)
				err_at(r, name, &f[i], "column %s appears twice", quoted(r, s, len));
			return -1;
		}
		if (slot)
			*slot = (int)i;
		else if (!len) {
			if (r)
				err_at(r, name, &f[i], "empty column name in the header");
			return -1;
		}
	}
	if (measure < 0 || value < 0 || attr < 0) {
		if (r)
			err_at(r, name, &f[0], "not the header of a CBS v4 Observations.csv: expected "
					       "the columns Id;Measure;<dimensions…>;Value;StringValue;"
					       "ValueAttribute (missing %s)",
			       measure < 0 ? "Measure" : value < 0 ? "Value" : "ValueAttribute");
		return -1;
	}
	if (!r)
		return 0;

	r->ncols = n;
	r->header_line = f[0].line;
	r->roles = xcalloc(n, sizeof *r->roles);
	r->col_dim = xcalloc(n, sizeof *r->col_dim);
	r->slot = xcalloc(n, sizeof *r->slot);
	r->measure_col = measure;
	r->value_col = value;
	r->attr_col = attr;
	r->string_col = string;
	r->time_col = r->geo_col = -1;
	for (size_t i = 0; i < n; i++) {
		r->col_dim[i] = -1;
		if ((int)i == measure)
			r->roles[i] = R_MEASURE;
		else if ((int)i == value)
			r->roles[i] = R_VALUE;
		else if ((int)i == attr)
			r->roles[i] = R_ATTR;
		else if ((int)i == string)
			r->roles[i] = R_STRING;
		else if ((int)i == id)
			r->roles[i] = R_ID;
		else {
			size_t len;
			const char *s = trimmed(&f[i], &len);
			struct dim *d = dim_find(r, s, len);
			if (!d) {
				char *nm = tl_arena_strndup(r->a, s, len);
				enum kind k = K_DIM;
				if (!r->have_dimensions) {
					if (!strcmp(nm, "Perioden"))
						k = K_TIME;
					else if (!strcmp(nm, "RegioS") || !strcmp(nm, "WijkenEnBuurten"))
						k = K_GEO;
				} else {
					warn_at(r, name, f[i].line, f[i].col,
						"column %s is not in Dimensions.csv: taken as a "
						"dimension without a code list", quoted(r, s, len));
				}
				d = dim_add(r, nm, k);
			}
			if (d->col >= 0) {
				err_at(r, name, &f[i], "column %s appears twice", quoted(r, s, len));
				return -1;
			}
			d->col = (int)i;
			r->col_dim[i] = (int)(d - r->dims);
			if (d->kind == K_TIME && r->time_col < 0) {
				r->roles[i] = R_TIME;
				r->time_col = (int)i;
			} else if (d->kind == K_GEO && r->geo_col < 0) {
				r->roles[i] = R_GEO;
				r->geo_col = (int)i;
			} else {
				r->roles[i] = R_DIM;
				r->nrdims++;
			}
		}
	}
	r->rdims = xcalloc(r->nrdims ? r->nrdims : 1, sizeof *r->rdims);
	return 0;
}

/* Field i trimmed and NUL-terminated: in place when only leading blanks were
 * cut (the CSV reader ends every field with a NUL), else copied into a slot. */
static const char *field_str(struct v4 *r, const struct tl_csv_field *f, size_t i, size_t *len)
{
	size_t n;
	const char *s = trimmed(&f[i], &n);
	*len = n;
	if (s + n == f[i].s + f[i].n)
		return s;
	tl_buf_reset(&r->slot[i]);
	tl_buf_put(&r->slot[i], s, n);
	tl_buf_putc(&r->slot[i], '\0');
	return r->slot[i].data;
}

/* Check a code against its dimension's list; count and remember the first
 * one outside it. */
static void check_code(struct v4 *r, struct dim *d, const char *s, size_t n,
		       const struct tl_csv_field *f)
{
	if (!d->has_codes || tl_nameset_get(&d->codes, s, n))
		return;
	if (!d->unlisted++) {
		d->un_line = f->line;
		d->un_col = f->col;
		d->un_code = tl_arena_strndup(r->a, s, n);
	}
}

/* One data row of Observations.csv. */
static void obs_row(struct v4 *r, const char *name, const struct tl_csv_field *f)
{
	struct tl_raw_cell c;
	memset(&c, 0, sizeof c);
	int bad = 0, unlisted = 0;
	size_t n;

	const struct tl_csv_field *fm = &f[r->measure_col];
	const char *ms = trimmed(fm, &n);
	const struct tl_name *m = tl_nameset_get(&r->measures, ms, n);
	if (!m) {
		err_at(r, name, fm, "measure %s is not in MeasureCodes.csv", quoted(r, ms, n));
		bad = 1;
	}

	size_t nd = 0;
	for (size_t i = 0; i < r->ncols; i++) {
		enum role role = r->roles[i];
		if (role != R_TIME && role != R_GEO && role != R_DIM)
			continue;
		const struct dim *d = &r->dims[r->col_dim[i]];
		const char *s = field_str(r, f, i, &n);
		if (!n) {
			err_at(r, name, &f[i], "empty %s code", d->id);
			bad = 1;
			continue;
		}
		if (role == R_TIME) {
			if (tl_period_parse(s, n, &c.period) != 0 || n != 8) {
				err_at(r, name, &f[i], "period %s is not a CBS year, quarter or month "
						       "code (2024JJ00, 2024KW01, 2024MM01)",
				       quoted(r, s, n));
				bad = 1;
			}
			c.has_period = 1;
		} else if (role == R_GEO) {
			c.region = s;
		} else {
			r->rdims[nd].key = d->id;
			r->rdims[nd].code = s;
			nd++;
		}
	}

	/* Value, StringValue, ValueAttribute. */
	const struct tl_csv_field *fv = &f[r->value_col];
	const struct tl_csv_field *fa = &f[r->attr_col];
	size_t vn, an, sn = 0;
	const char *vs = trimmed(fv, &vn);
	const char *as = trimmed(fa, &an);
	if (r->string_col >= 0)
		trimmed(&f[r->string_col], &sn);
	enum { A_NONE, A_IMPOSSIBLE, A_OTHER } attr = A_OTHER;
	if (!an || tl_slice_eq(as, an, "None"))
		attr = A_NONE;
	else if (tl_slice_eq(as, an, "Impossible"))
		attr = A_IMPOSSIBLE;
	double v = 0;
	if (m && !m->val) {
		/* A text measure: no values to report. */
	} else if (attr == A_IMPOSSIBLE && vn) {
		err_at(r, name, fv, "a value %s on a cell with ValueAttribute Impossible",
		       quoted(r, vs, vn));
		bad = 1;
	} else if (attr == A_NONE && vn && tl_parse_decimal(vs, vn, ',', &v) != 0) {
		if (memchr(vs, '.', vn) && !memchr(vs, ',', vn))
			err_at(r, name, fv, "decimal point in %s (the v4 bulk CSV writes a decimal "
					    "comma)", quoted(r, vs, vn));
		else
			err_at(r, name, fv, "not a number: %s", quoted(r, vs, vn));
		bad = 1;
	}
	if (bad) {
		r->st.bad++;
		return;
	}
	if ((m && !m->val) || (attr == A_NONE && !vn && sn)) {
		r->st.strings++;
		return;
	}

	c.table = r->table;
	c.national = r->national;
	c.topic = m->key;
	c.dims = nd ? r->rdims : NULL;
	c.n_dims = nd;
	c.line = fv->line;
	c.col = fv->col;
	if (attr == A_NONE && vn) {
		c.value = v;
		c.status = TL_STATUS_FINAL;
		if (c.has_period) {
			struct dim *td = &r->dims[r->col_dim[r->time_col]];
			const char *ps = field_str(r, f, (size_t)r->time_col, &n);
			int added;
			struct tl_name *pe = tl_nameset_put(&td->codes, r->a, ps, n, &added);
			if (added) {
				pe->val = TL_STATUS_FINAL | UNLISTED;
				if (td->has_codes)
					warn_at(r, name, f[r->time_col].line, f[r->time_col].col,
						"period %s is not in %s: its status is unknown; its "
						"cells are reported as final", pe->key, td->codes_name);
			}
			if (pe->val & UNLISTED)
				r->st.unlisted_periods++;
			c.status = (enum tl_status)(pe->val & ~UNLISTED);
		}
		r->st.values++;
		if (c.status == TL_STATUS_PROVISIONAL)
			r->st.provisional++;
	} else if (attr == A_IMPOSSIBLE) {
		c.status = TL_STATUS_NOT_APPLICABLE;
		r->st.impossible++;
	} else if (attr == A_NONE) {
		c.status = TL_STATUS_UNKNOWN;
		c.note = "CBS: lege waarde";
		r->st.unknown++;
		if (!r->warned_empty) {
			r->warned_empty = 1;
			warn_at(r, name, fv->line, fv->col,
				"a cell with ValueAttribute None has no value: reported as unknown "
				"(first here)");
		}
	} else {
		c.status = TL_STATUS_UNKNOWN;
		tl_buf_reset(&r->note);
		tl_buf_puts(&r->note, "CBS ValueAttribute ");
		tl_buf_put(&r->note, as, an);
		c.note = r->note.data;
		r->st.unknown++;
		int added = 0;
		if (r->attrs.n < MAX_ATTRS)
			tl_nameset_put(&r->attrs, r->a, as, an, &added);
		if (added)
			warn_at(r, name, fa->line, fa->col,
				"ValueAttribute %s is not None or Impossible: such cells are reported "
				"as unknown, without a value (first here)", quoted(r, as, an));
	}
	/* Codes outside their lists, counted for reported cells only. */
	for (size_t i = 0; i < r->ncols; i++) {
		if (r->roles[i] != R_GEO && r->roles[i] != R_DIM)
			continue;
		struct dim *d = &r->dims[r->col_dim[i]];
		const char *s = trimmed(&f[i], &n);
		long before = d->unlisted;
		check_code(r, d, s, n, &f[i]);
		unlisted |= d->unlisted != before;
	}
	if (unlisted)
		r->st.unlisted_codes++;
	r->st.cells++;
	if (r->sink->cell)
		sunk(r, r->sink->cell(r->sink->ctx, &c));
}

/* ---- A national table's observations in a regional table's folder ----------
 * A bulk folder can hold the Observations.csv of another table than its
 * Properties.csv and code lists describe (the shipped 85678NED folder holds
 * those of the national table 83841NED).  When Dimensions.csv lists a geo
 * dimension that Observations.csv lacks, the dataset descriptions D-<id>.json
 * of the folder are asked: one whose dimensions are exactly the columns of
 * Observations.csv and that has no GeoDimension says that the cells are that
 * table's, and national.  Without such evidence the cells stay without a
 * region (the mapper then refuses them). */

/* The text of a D-<id>.json of the download, in the arena; NULL when absent. */
static const char *json_text(struct v4 *r, const char *file, size_t *len)
{
	if (!r->dir) {
		for (size_t i = 0; i < r->nfiles; i++)
			if (r->files[i].name && !strcmp(r->files[i].name, file)) {
				*len = r->files[i].data ? r->files[i].len : 0;
				return r->files[i].data ? r->files[i].data : "";
			}
		return NULL;
	}
	tl_errors e = TL_ERRORS_INIT;
	char *data = NULL;
	int rc = tl_file_read(file_name(r, file), 8u << 20, r->a, &data, len, &e);
	tl_errors_free(&e);
	return rc ? NULL : data;
}

/* 1 when the dataset description d names exactly the dimension columns of
 * Observations.csv and no GeoDimension. */
static int describes_national_obs(struct v4 *r, json_t *d)
{
	json_t *dims = json_object_get(d, "Dimensions");
	if (!json_is_array(dims) || !json_array_size(dims))
		return 0;
	size_t matched = 0, ncols = 0;
	for (size_t i = 0; i < r->ncols; i++)
		ncols += r->roles[i] == R_TIME || r->roles[i] == R_GEO || r->roles[i] == R_DIM;
	size_t i;
	json_t *x;
	json_array_foreach(dims, i, x)
	{
		const char *id = json_string_value(json_object_get(x, "Identifier"));
		const char *kind = json_string_value(json_object_get(x, "Kind"));
		if (!id || (kind && !strcmp(kind, "GeoDimension")))
			return 0;
		struct dim *dm = dim_find(r, id, strlen(id));
		if (!dm || dm->col < 0)
			return 0;
		matched++;
	}
	return matched == ncols;
}

/* Look for the national table whose observations these are (see above). */
static void find_national_table(struct v4 *r, const char *obs_name)
{
	size_t n = 0;
	char **names = NULL;
	const char **mem = NULL;
	if (r->dir) {
		names = tl_dir_list(r->dir, ".json", r->a, &n);
	} else {
		mem = tl_arena_alloc(r->a, (r->nfiles + 1) * sizeof *mem);
		for (size_t i = 0; i < r->nfiles; i++) {
			const char *nm = r->files[i].name;
			size_t len = nm ? strlen(nm) : 0;
			if (len > 7 && strcmp(nm + len - 5, ".json") == 0)
				mem[n++] = nm;
		}
	}
	const char *found = NULL, *title = NULL;
	long count = -1;
	int matches = 0;
	for (size_t k = 0; k < n; k++) {
		const char *nm = names ? names[k] : mem[k];
		size_t len = strlen(nm);
		if (!tl_starts_with(nm, "D-") || len < 8)
			continue;
		size_t tl;
		const char *text = json_text(r, nm, &tl);
		if (!text)
			continue;
		json_t *d = json_loadb(text, tl, 0, NULL);
		if (d && describes_national_obs(r, d)) {
			matches++;
			found = tl_arena_strndup(r->a, nm + 2, len - 7);
			const char *t = json_string_value(json_object_get(d, "Title"));
			title = t ? tl_arena_strdup(r->a, t) : NULL;
			json_t *oc = json_object_get(d, "ObservationCount");
			count = json_is_integer(oc) ? (long)json_integer_value(oc) : -1;
		}
		json_decref(d);
	}
	if (matches != 1)
		return;
	warn_at(r, obs_name, r->header_line, 1,
		"these are the observations of %s (D-%s.json: the same dimensions, none of them "
		"a region), not of %s, whose Dimensions.csv lists a region dimension: read as "
		"%s, national figures",
		found, found, r->table ? r->table : "the table", found);
	r->national = 1;
	/* The period code list is the other table's: its statuses (Voorlopig)
	 * say nothing about these figures. */
	for (size_t i = 0; i < r->ndims; i++) {
		struct dim *d = &r->dims[i];
		if (d->kind == K_TIME && d->has_codes) {
			warn_at(r, obs_name, r->header_line, 1,
				"%s gives the period statuses of %s, not of %s: the figures' statuses "
				"(final or provisional) are unknown and reported as final",
				d->codes_name, r->table ? r->table : "the folder's table", found);
			tl_nameset_free(&d->codes);
			memset(&d->codes, 0, sizeof d->codes);
			d->has_codes = 0;
		}
	}
	r->table = found;
	r->obs_count = count;
	if (r->sink->table)
		sunk(r, r->sink->table(r->sink->ctx, found, title));
}

/* After the header: dimensions that Dimensions.csv lists but the file lacks. */
static void missing_columns(struct v4 *r, const char *name)
{
	for (size_t i = 0; i < r->ndims; i++) {
		const struct dim *d = &r->dims[i];
		if (d->listed && d->col < 0 && d->kind == K_GEO && !r->national)
			find_national_table(r, name);
	}
	for (size_t i = 0; i < r->ndims; i++) {
		const struct dim *d = &r->dims[i];
		if (d->listed && d->col < 0 && !(d->kind == K_GEO && r->national))
			warn_at(r, name, r->header_line, 1,
				"Dimensions.csv lists %s, but this file has no such column%s", d->id,
				d->kind == K_GEO ? ": cells carry no region"
				: d->kind == K_TIME ? ": cells carry no period" : "");
	}
}

static int read_observations(struct v4 *r)
{
	struct source s;
	int o = src_open(r, r->obs_file, &s);
	if (o < 0)
		return -1;
	if (o == 0) {
		tl_errors_add(r->errs, s.name, 0, 0, NULL, "no such file: a CBS v4 bulk download "
							    "needs its Observations.csv");
		return -1;
	}
	const struct tl_csv_field *f;
	size_t n;
	int rc, have_header = 0, result = 0;
	while (!r->stop && (rc = tl_csv_next(s.csv, &f, &n, r->errs)) != 0) {
		if (rc == TL_ERR_IO) {
			r->io = 1;
			result = -1;
			break;
		}
		if (!have_header) {
			if (rc < 0) {
				result = -1;
				break;
			}
			if (all_blank(f, n))
				continue;
			have_header = 1;
			if (obs_header(r, s.name, f, n)) {
				result = -1;
				break;
			}
			missing_columns(r, s.name);
			continue;
		}
		if (rc < 0) {
			r->st.rows++;
			r->st.bad++;
			continue;
		}
		if (all_blank(f, n))
			continue;
		r->st.rows++;
		if (n != r->ncols) {
			const struct tl_csv_field *at = n > r->ncols ? &f[r->ncols] : &f[n - 1];
			err_at(r, s.name, at, "row has %zu field%s, but the header (line %u) has %zu: %s",
			       n, n == 1 ? "" : "s", r->header_line, r->ncols, quoted(r, at->s, at->n));
			r->st.bad++;
			continue;
		}
		obs_row(r, s.name, f);
	}
	if (!have_header && result == 0)
		tl_errors_add(r->errs, s.name, 1, 1, NULL, "empty file: expected the header "
							   "Id;Measure;<dimensions…>;Value;StringValue;"
							   "ValueAttribute");
	/* What the rows say about the folder as a whole. */
	for (size_t i = 0; i < r->ndims && have_header; i++) {
		const struct dim *d = &r->dims[i];
		if (d->unlisted)
			warn_at(r, s.name, d->un_line, d->un_col,
				"%s code \"%s\" is not in %s (%ld row%s with codes outside the list): "
				"observations of another table?",
				d->id, d->un_code, d->codes_name, d->unlisted,
				d->unlisted == 1 ? "" : "s");
	}
	if (have_header && !r->stop && r->obs_count >= 0 && r->obs_count != r->st.rows)
		warn_at(r, s.name, 0, 0,
			"%ld row%s, but Properties.csv says ObservationCount %ld for %s: a "
			"partial download, or observations of another table?",
			r->st.rows, r->st.rows == 1 ? "" : "s", r->obs_count,
			r->table ? r->table : "the table");
	src_close(&s);
	return result;
}

/* ---- Entry points ----------------------------------------------------------- */

static int run(struct v4 *r, struct tl_cbs_v4_stats *stats)
{
	static const struct tl_raw_sink none = {NULL, NULL, NULL, NULL, NULL, NULL};
	static const struct want prop_cols[] = {
		{"Identifier", 1}, {"Title", 0}, {"ObservationCount", 0},
	};
	static const struct want dim_cols[] = {
		{"Identifier", 1}, {"Kind", 0}, {"MapYear", 0}, {"CodesUrl", 0}, {"GroupsUrl", 0},
	};
	static const struct want measure_cols[] = {
		{"Identifier", 1}, {"Title", 0}, {"Unit", 0}, {"Decimals", 0}, {"DataType", 0},
	};
	if (!r->sink)
		r->sink = &none;
	r->a = tl_arena_new();
	r->obs_count = -1;
	size_t count_before = tl_errors_count(r->errs);

	int ok = 1;
	int got = each_row(r, "Properties.csv", prop_cols, 3, properties_row, NULL);
	if (got == 0)
		table_from_json(r);
	if (r->io)
		ok = 0;
	if (ok && r->table && r->sink->table)
		ok = !sunk(r, r->sink->table(r->sink->ctx, r->table, r->title));
	if (ok) {
		got = each_row(r, "Dimensions.csv", dim_cols, 5, dimensions_row, NULL);
		r->have_dimensions = got == 1;
		if (r->io)
			ok = 0;
		else if (got == 0) {
			/* No Dimensions.csv: the usual code lists, when present; the
			 * columns are told apart by name (obs_header). */
			if (src_has(r, "PeriodenCodes.csv"))
				dim_add(r, "Perioden", K_TIME);
			if (src_has(r, "RegioSCodes.csv"))
				dim_add(r, "RegioS", K_GEO)->groups_file = "RegioSGroups.csv";
		}
	}
	if (ok) {
		got = each_row(r, "MeasureCodes.csv", measure_cols, 5, measure_row, NULL);
		if (got == 0)
			tl_errors_add(r->errs, file_name(r, "MeasureCodes.csv"), 0, 0, NULL,
				      "no such file: a CBS v4 bulk download needs its MeasureCodes.csv");
		ok = got == 1 && !r->stop;
	}
	if (ok)
		ok = read_code_lists(r) == 0 && !r->stop;
	if (ok)
		read_observations(r);

	if (stats)
		*stats = r->st;
	for (size_t i = 0; i < r->ndims; i++)
		tl_nameset_free(&r->dims[i].codes);
	free(r->dims);
	tl_nameset_free(&r->measures);
	tl_nameset_free(&r->attrs);
	free(r->rows);
	free(r->roles);
	free(r->col_dim);
	free(r->rdims);
	for (size_t i = 0; r->slot && i < r->ncols; i++)
		tl_buf_free(&r->slot[i]);
	free(r->slot);
	tl_buf_free(&r->q);
	tl_buf_free(&r->note);
	tl_arena_free(r->a);
	if (r->stop)
		return r->stop;
	if (r->io)
		return TL_ERR_IO;
	return tl_errors_count(r->errs) > count_before ? TL_ERR_INPUT : TL_OK;
}

int tl_read_cbs_v4_mem(const char *folder, const struct tl_cbs_v4_file *files, size_t n,
		       const struct tl_raw_sink *sink, struct tl_cbs_v4_stats *stats,
		       tl_errors *errs)
{
	struct v4 r;
	memset(&r, 0, sizeof r);
	r.prefix = folder;
	r.files = files;
	r.nfiles = files ? n : 0;
	r.obs_file = "Observations.csv";
	r.sink = sink;
	r.errs = errs;
	return run(&r, stats);
}

int tl_read_cbs_v4_bulk_stats(const char *path, const struct tl_raw_sink *sink,
			      struct tl_cbs_v4_stats *stats, tl_errors *errs)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	struct v4 r;
	memset(&r, 0, sizeof r);
	r.sink = sink;
	r.errs = errs;
	char *dir = NULL;
	errno = 0;
	if (tl_is_dir(path)) {
		r.dir = path;
		r.obs_file = "Observations.csv";
	} else if (tl_is_file(path)) {
		const char *slash = strrchr(path, '/');
		dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
		if (!*dir) {
			free(dir);
			dir = xstrdup("/");
		}
		r.dir = dir;
		r.obs_file = slash ? slash + 1 : path;
	} else {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open: %s",
			      errno ? strerror(errno) : "no such file or folder");
		return TL_ERR_IO;
	}
	int rc = run(&r, stats);
	free(dir);
	return rc;
}

int tl_read_cbs_v4_bulk(const char *path, const struct tl_raw_sink *sink, tl_errors *errs)
{
	return tl_read_cbs_v4_bulk_stats(path, sink, NULL, errs);
}

int tl_sniff_cbs_v4_observations(const char *head, size_t n)
{
	if (!head || !n)
		return 0;
	struct tl_csv_opts o = {0};
	o.delim = ';';
	tl_csv *c = tl_csv_open_mem(head, n, "head", &o);
	tl_errors errs = TL_ERRORS_INIT;
	const struct tl_csv_field *f;
	size_t nf;
	int ok = tl_csv_next(c, &f, &nf, &errs) == 1 && nf >= 3 && obs_header(NULL, NULL, f, nf) == 0;
	tl_csv_close(c);
	tl_errors_free(&errs);
	return ok;
}

int tl_sniff_cbs_v4_bulk(const char *path)
{
	tl_buf obs = TL_BUF_INIT, measures = TL_BUF_INIT;
	if (tl_is_dir(path)) {
		tl_buf_printf(&obs, "%s/Observations.csv", path);
		tl_buf_printf(&measures, "%s/MeasureCodes.csv", path);
	} else if (tl_is_file(path)) {
		const char *slash = strrchr(path, '/');
		tl_buf_puts(&obs, path);
		if (slash)
			tl_buf_printf(&measures, "%.*s/MeasureCodes.csv", (int)(slash - path), path);
		else
			tl_buf_puts(&measures, "MeasureCodes.csv");
	} else {
		return 0;
	}
	int ok = 0;
	if (tl_is_file(obs.data) && tl_is_file(measures.data)) {
		FILE *f = fopen(obs.data, "rb");
		if (f) {
			char head[HEAD_MAX];
			size_t n = fread(head, 1, sizeof head, f);
			fclose(f);
			ok = tl_sniff_cbs_v4_observations(head, n);
		}
	}
	tl_buf_free(&obs);
	tl_buf_free(&measures);
	return ok;
}
