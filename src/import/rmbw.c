/*
 * rmbw — the Regionale Monitor Brede Welvaart reader of rmbw.h.
 *
 * One pass with the streaming CSV reader (delimiter forced to ','): the
 * header row is mapped to columns, then every row is checked and turned into
 * cells.  Indicator and region names are remembered in two small hash sets
 * (keys in an arena) so that each is reported once, before its first cell;
 * that is the only memory that grows, and only with the number of distinct
 * names, not with the file.
 */
#include "rmbw.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/fmt.h"
#include "../core/nameset.h"
#include "../core/str.h"
#include "../core/xalloc.h"
#include "csv.h"

enum { NAME_LEN = 32 }; /* longer column names are no names we accept */

/* ---- Header --------------------------------------------------------------- */

enum col { C_INDICATOR, C_STATCODE, C_STATNAAM, C_YEAR, C_VALUE, C_N };

static const char *const col_names[C_N] = {"indicator", "statcode", "statnaam", "year", "value"};

struct header {
	int map[C_N];   /* field index of each column, -1 when absent */
	size_t ncols;   /* fields in the header row */
	int *years;     /* wide: year of each field, 0 for the identity columns; owned */
	size_t nyears;  /* wide: year columns */
	unsigned line;  /* where the header stands */
};

/* A header problem: recorded when errs is given (the sniffers pass NULL). */
static void header_err(tl_errors *errs, const char *name, const struct tl_csv_field *f,
		       const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void header_err(tl_errors *errs, const char *name, const struct tl_csv_field *f,
		       const char *fmt, ...)
{
	if (!errs)
		return;
	va_list ap;
	va_start(ap, fmt);
	tl_errors_vadd(errs, 0, name, f->line, f->col, NULL, fmt, ap);
	va_end(ap);
}

/* Lowercase ASCII copy of s[0..n) into out; -1 when too long to be a name. */
static int lower(char out[NAME_LEN], const char *s, size_t n)
{
	if (n >= NAME_LEN)
		return -1;
	for (size_t i = 0; i < n; i++)
		out[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	out[n] = '\0';
	return 0;
}

/* "year2013" or "2013" → 2013; 0 when the name is no year column. */
static int year_column(const char *low)
{
	if (strncmp(low, "year", 4) == 0)
		low += 4;
	struct tl_period p;
	if (strlen(low) != 4 || tl_period_parse(low, 4, &p) != 0)
		return 0;
	return p.year;
}

/* Map the header row of `layout` into h (h->years is allocated for the wide
 * layout and must be freed by the caller, also on failure).  Returns 0, or
 * -1 after recording the problems in errs (when errs is not NULL). */
static int header_parse(const struct tl_csv_field *f, size_t n, enum tl_format layout,
			struct header *h, const char *name, tl_errors *errs)
{
	int wide = layout == TL_FORMAT_RMBW_WIDE;
	int bad = 0;
	tl_buf q = TL_BUF_INIT;
	for (int k = 0; k < C_N; k++)
		h->map[k] = -1;
	h->ncols = n;
	h->nyears = 0;
	h->line = f[0].line;
	h->years = wide ? xcalloc(n, sizeof *h->years) : NULL;
	if (n == 1 && (memchr(f[0].s, ';', f[0].n) || memchr(f[0].s, '\t', f[0].n))) {
		header_err(errs, name, &f[0], "the header has one column: RMBW files are "
					      "comma-separated, not by ';' or tabs");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		size_t len = f[i].n;
		const char *s = tl_trim(f[i].s, &len);
		char low[NAME_LEN];
		int k = C_N;
		if (lower(low, s, len) == 0)
			for (k = 0; k < C_N; k++)
				if (strcmp(low, col_names[k]) == 0)
					break;
		if (wide && k >= C_YEAR)
			k = C_N; /* year and value are long-layout columns */
		if (k < C_N) {
			if (h->map[k] >= 0) {
				tl_buf_reset(&q);
				tl_csv_snippet(&q, s, len);
				header_err(errs, name, &f[i], "column %s appears twice (also column %d)",
					   q.data, h->map[k] + 1);
				bad = 1;
			}
			h->map[k] = (int)i;
			continue;
		}
		int y = wide && len < NAME_LEN ? year_column(low) : 0;
		if (y) {
			for (size_t j = 0; j < i; j++)
				if (h->years[j] == y) {
					tl_buf_reset(&q);
					tl_csv_snippet(&q, s, len);
					header_err(errs, name, &f[i],
						   "year column %s appears twice (also column %zu)", q.data,
						   j + 1);
					bad = 1;
				}
			h->years[i] = y;
			h->nyears++;
			continue;
		}
		tl_buf_reset(&q);
		tl_csv_snippet(&q, s, len);
		header_err(errs, name, &f[i], "unknown column %s in a %s RMBW file; expected %s", q.data,
			   wide ? "wide" : "long",
			   wide ? "indicator, statcode, statnaam and year columns Year2013 (or 2013)…"
				: "indicator, statcode, statnaam, year and value");
		bad = 1;
	}
	int need = wide ? C_YEAR : C_N;
	for (int k = 0; k < need; k++)
		if (h->map[k] < 0) {
			header_err(errs, name, &f[0], "missing column \"%s\" in the header of a %s RMBW file",
				   col_names[k], wide ? "wide" : "long");
			bad = 1;
		}
	if (wide && !h->nyears) {
		header_err(errs, name, &f[0], "no year columns (Year2013 or 2013 …) in the header of a "
					      "wide RMBW file");
		bad = 1;
	}
	tl_buf_free(&q);
	return bad ? -1 : 0;
}

/* ---- Sniffing ------------------------------------------------------------- */

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

static int sniff(const char *head, size_t n, enum tl_format layout)
{
	if (!head || !n)
		return 0;
	struct tl_csv_opts o = {0};
	o.delim = ',';
	tl_csv *c = tl_csv_open_mem(head, n, "head", &o);
	tl_errors errs = TL_ERRORS_INIT;
	const struct tl_csv_field *f;
	size_t nf;
	int ok = 0, rc;
	while ((rc = tl_csv_next(c, &f, &nf, &errs)) == 1 && all_blank(f, nf))
		; /* blank lines before the header, as the reader allows */
	if (rc == 1 && nf >= 3) {
		struct header h;
		ok = header_parse(f, nf, layout, &h, "head", NULL) == 0;
		free(h.years);
	}
	tl_csv_close(c);
	tl_errors_free(&errs);
	return ok;
}

int tl_sniff_rmbw_long(const char *head, size_t n)
{
	return sniff(head, n, TL_FORMAT_RMBW_LONG);
}

int tl_sniff_rmbw_wide(const char *head, size_t n)
{
	return sniff(head, n, TL_FORMAT_RMBW_WIDE);
}

/* ---- Reading -------------------------------------------------------------- */

struct reader {
	const char *name;
	const struct tl_raw_sink *sink;
	tl_errors *errs;
	struct tl_rmbw_stats st;
	struct header h;
	tl_arena *arena;       /* the names in the sets */
	struct tl_nameset topics, regions; /* regions: aux = first name, val = warned */
	tl_buf q;              /* message snippets */
	tl_buf slot[3];        /* trimmed copies when a field had trailing blanks */
	unsigned zero_line, zero_col; /* the first 0 turned into missing */
	unsigned sentinel_line, sentinel_col; /* the first -99 */
	int stop;              /* < 0: a sink's value, or TL_ERR_LIMIT */
};

static void err_at(struct reader *r, const struct tl_csv_field *f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void err_at(struct reader *r, const struct tl_csv_field *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tl_errors_vadd(r->errs, 0, r->name, f->line, f->col, NULL, fmt, ap);
	va_end(ap);
}

/* A snippet of s[0..n) in r->q, for messages. */
static const char *quoted(struct reader *r, const char *s, size_t n)
{
	return tl_csv_quoted(&r->q, s, n);
}

/* The field trimmed and NUL-terminated: in place when only leading blanks
 * were cut (fields are NUL-terminated by the CSV reader), else copied into
 * slot k.  *len is set. */
static const char *field_str(struct reader *r, int k, const struct tl_csv_field *f, size_t *len)
{
	size_t n = f->n;
	const char *s = tl_trim(f->s, &n);
	*len = n;
	if (s + n == f->s + f->n)
		return s;
	tl_buf_reset(&r->slot[k]);
	tl_buf_put(&r->slot[k], s, n);
	tl_buf_putc(&r->slot[k], '\0');
	return r->slot[k].data;
}

/* 1 when s[0..n) looks like a CBS region code: two capitals, then 2 to 10
 * capitals or digits (NL01, PV22, GM0106, WK010600, BU01060000). */
static int is_region_code(const char *s, size_t n)
{
	if (n < 4 || n > 12)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		int cap = c >= 'A' && c <= 'Z', dig = c >= '0' && c <= '9';
		if (i < 2 ? !cap : !(cap || dig))
			return 0;
	}
	return 1;
}

/* The level word of a region code's prefix, NULL for prefixes without one. */
static const char *code_level(const char *code)
{
	static const struct {
		char prefix[3];
		const char *level;
	} levels[] = {
		{"NL", "land"}, {"LD", "landsdeel"}, {"PV", "provincie"}, {"CR", "corop"},
		{"GM", "gemeente"}, {"WK", "wijk"}, {"BU", "buurt"},
	};
	for (size_t i = 0; i < sizeof levels / sizeof levels[0]; i++)
		if (code[0] == levels[i].prefix[0] && code[1] == levels[i].prefix[1])
			return levels[i].level;
	return NULL;
}

enum val { V_NUM, V_EMPTY, V_BAD };

/*
 * A number as Python writes a float: [sign] digits [. digits] [e [sign]
 * digits] — the derivative has 6.88979353681e-05 among plain decimals.
 * Locale-free and exact for what the files hold: the significant digits are
 * collected as an integer M (up to 19 digits; later fraction digits are
 * dropped) and the value is M × 10^E with one correctly rounded operation
 * when |E| <= 22 and M < 2^53.  Returns 0 and sets *out, or -1.
 */
static int parse_number(const char *s, size_t n, double *out)
{
	static const double p10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
				     1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
				     1e20, 1e21, 1e22};
	size_t i = 0;
	int neg = 0;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	unsigned long long m = 0;
	int digits = 0, sig = 0, e10 = 0;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
		if (sig < 19) {
			m = m * 10 + (unsigned)(s[i] - '0');
			sig += m != 0;
		} else {
			e10++; /* an integer part beyond 19 digits: keep its magnitude */
		}
	}
	if (i < n && s[i] == '.') {
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, digits++) {
			if (sig < 19) {
				m = m * 10 + (unsigned)(s[i] - '0');
				sig += m != 0;
				e10--;
			}
		}
	}
	if (!digits)
		return -1;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		int eneg = 0, ed = 0, ev = 0;
		if (i < n && (s[i] == '-' || s[i] == '+'))
			eneg = s[i++] == '-';
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, ed++)
			if (ev < 10000)
				ev = ev * 10 + (s[i] - '0');
		if (!ed)
			return -1;
		e10 += eneg ? -ev : ev;
	}
	if (i != n)
		return -1;
	double v = (double)m;
	if (m == 0 || e10 == 0) {
		/* v as it is */
	} else if (e10 > 0 && e10 <= 22 && m < (1ull << 53)) {
		v *= p10[e10];
	} else if (e10 < 0 && e10 >= -22 && m < (1ull << 53)) {
		v /= p10[-e10];
	} else if (e10 > 308 || e10 < -340) {
		return -1; /* out of range for a statistic */
	} else {
		for (; e10 > 22; e10 -= 22)
			v *= 1e22;
		for (; e10 < -22; e10 += 22)
			v /= 1e22;
		v = e10 >= 0 ? v * p10[e10] : v / p10[-e10];
	}
	if (v != v || v > 1.7e308 || v < -1.7e308)
		return -1;
	*out = neg ? -v : v;
	return 0;
}

/* Parse a value field: a decimal number with a decimal point (see above). */
static enum val parse_value(struct reader *r, const struct tl_csv_field *f, double *v)
{
	size_t n = f->n;
	const char *s = tl_trim(f->s, &n);
	if (n == 0)
		return V_EMPTY;
	if (parse_number(s, n, v) == 0) {
		if (*v == -99 || *v == -999 || *v == -9999) {
			if (!r->st.sentinels++) {
				r->sentinel_line = f->line;
				r->sentinel_col = f->col;
			}
		}
		return V_NUM;
	}
	if (memchr(s, ',', n))
		err_at(r, f, "decimal comma in %s (this source writes a decimal point)",
		       quoted(r, s, n));
	else
		err_at(r, f, "not a number: %s", quoted(r, s, n));
	return V_BAD;
}

/* Call a sink function's result through: a negative value stops the read. */
static int sunk(struct reader *r, int rc)
{
	if (rc < 0 && !r->stop)
		r->stop = rc;
	return rc < 0 ? -1 : 0;
}

/* The identity of a row: indicator, region code and name, each checked. */
struct ident {
	const char *ind, *code, *cname;
	size_t ind_n, code_n, cname_n;
	const struct tl_csv_field *fcode, *fname;
	int announced; /* topic and region reported for this row */
};

static int row_ident(struct reader *r, const struct tl_csv_field *f, struct ident *id)
{
	int bad = 0;
	const struct tl_csv_field *fi = &f[r->h.map[C_INDICATOR]];
	id->fcode = &f[r->h.map[C_STATCODE]];
	id->fname = &f[r->h.map[C_STATNAAM]];
	id->ind = field_str(r, 0, fi, &id->ind_n);
	id->code = field_str(r, 1, id->fcode, &id->code_n);
	id->cname = field_str(r, 2, id->fname, &id->cname_n);
	id->announced = 0;
	if (!id->ind_n) {
		err_at(r, fi, "empty indicator");
		bad = 1;
	}
	if (!is_region_code(id->code, id->code_n)) {
		err_at(r, id->fcode, "statcode %s is not a CBS region code (like GM0106)",
		       quoted(r, id->code, id->code_n));
		bad = 1;
	}
	if (!id->cname_n) {
		err_at(r, id->fname, "empty statnaam (the region's name)");
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* Report the row's topic and region when they are new.  0, or -1 to stop. */
static int announce(struct reader *r, struct ident *id)
{
	if (id->announced)
		return 0;
	id->announced = 1;
	unsigned h = tl_name_hash(id->ind, id->ind_n);
	if (!tl_nameset_find(&r->topics, id->ind, id->ind_n, h)) {
		if (r->topics.n >= TL_RMBW_MAX_NAMES) {
			tl_errors_add(r->errs, r->name, id->fcode->line, 1, NULL,
				      "more than %d distinct indicators: not an RMBW file?",
				      TL_RMBW_MAX_NAMES);
			r->stop = TL_ERR_LIMIT;
			return -1;
		}
		tl_nameset_add(&r->topics, r->arena, id->ind, id->ind_n, h);
		struct tl_raw_topic t = {id->ind, NULL, NULL, -1, 1};
		if (r->sink->topic && sunk(r, r->sink->topic(r->sink->ctx, &t)))
			return -1;
	}
	h = tl_name_hash(id->code, id->code_n);
	struct tl_name *e = tl_nameset_find(&r->regions, id->code, id->code_n, h);
	if (e) {
		if (!e->val && strcmp(e->aux, id->cname) != 0) {
			tl_errors_warn(r->errs, r->name, id->fname->line, id->fname->col, NULL,
				       "region %s is named %s here, but \"%s\" before; the first name "
				       "is kept", e->key, quoted(r, id->cname, id->cname_n), e->aux);
			e->val = 1; /* once per code */
		}
		return 0;
	}
	if (r->regions.n >= TL_RMBW_MAX_NAMES) {
		tl_errors_add(r->errs, r->name, id->fcode->line, 1, NULL,
			      "more than %d distinct regions: not an RMBW file?", TL_RMBW_MAX_NAMES);
		r->stop = TL_ERR_LIMIT;
		return -1;
	}
	e = tl_nameset_add(&r->regions, r->arena, id->code, id->code_n, h);
	e->aux = tl_arena_strndup(r->arena, id->cname, id->cname_n);
	struct tl_raw_region reg = {id->code, id->cname, code_level(id->code), NULL,
				    TL_RMBW_CLASSIFICATION_YEAR, NULL};
	if (r->sink->region && sunk(r, r->sink->region(r->sink->ctx, &reg)))
		return -1;
	return 0;
}

/* Report one cell of the row: kind V_NUM (value v) or V_EMPTY.  0, or -1 to
 * stop. */
static int cell(struct reader *r, struct ident *id, int year, enum val kind, double v,
		const struct tl_csv_field *fv)
{
	if (announce(r, id))
		return -1;
	struct tl_raw_cell c;
	memset(&c, 0, sizeof c);
	c.topic = id->ind;
	c.region = id->code;
	c.period.year = year;
	c.period.kind = TL_PERIOD_YEAR;
	c.has_period = 1;
	c.line = fv->line;
	c.col = fv->col;
	if (kind == V_EMPTY) {
		c.status = TL_STATUS_NOT_APPLICABLE;
	} else if (v == 0) {
		c.status = TL_STATUS_MISSING;
		c.note = TL_RMBW_ZERO_NOTE;
		if (!r->st.zeros++) {
			r->zero_line = fv->line;
			r->zero_col = fv->col;
		}
	} else {
		c.status = TL_STATUS_FINAL;
		c.value = v;
		r->st.values++;
	}
	r->st.cells++;
	if (r->sink->cell && sunk(r, r->sink->cell(r->sink->ctx, &c)))
		return -1;
	return 0;
}

static void row_long(struct reader *r, const struct tl_csv_field *f)
{
	struct ident id;
	int bad = row_ident(r, f, &id);
	const struct tl_csv_field *fy = &f[r->h.map[C_YEAR]];
	size_t yn = fy->n;
	const char *ys = tl_trim(fy->s, &yn);
	struct tl_period p;
	if (yn != 4 || tl_period_parse(ys, yn, &p) != 0) {
		err_at(r, fy, "bad year %s (expected a year like 2020)", quoted(r, ys, yn));
		bad = 1;
	}
	const struct tl_csv_field *fv = &f[r->h.map[C_VALUE]];
	double v = 0;
	enum val kind = parse_value(r, fv, &v);
	if (bad || kind == V_BAD) {
		r->st.bad++;
		return;
	}
	if (kind == V_EMPTY)
		r->st.empty++;
	cell(r, &id, p.year, kind, v, fv);
}

static void row_wide(struct reader *r, const struct tl_csv_field *f, size_t n)
{
	struct ident id;
	if (row_ident(r, f, &id)) {
		r->st.bad++;
		return;
	}
	for (size_t i = 0; i < n && !r->stop; i++) {
		if (!r->h.years[i])
			continue;
		double v = 0;
		enum val kind = parse_value(r, &f[i], &v);
		if (kind == V_BAD) {
			r->st.bad++;
		} else if (kind == V_EMPTY) {
			r->st.empty++;
		} else {
			cell(r, &id, r->h.years[i], kind, v, &f[i]);
		}
	}
}

/* Read from c (consumed: closed here). */
static int read_csv(tl_csv *c, const char *name, enum tl_format layout,
		    const struct tl_raw_sink *sink, struct tl_rmbw_stats *stats, tl_errors *errs)
{
	static const struct tl_raw_sink none = {NULL, NULL, NULL, NULL, NULL, NULL};
	if (layout != TL_FORMAT_RMBW_LONG && layout != TL_FORMAT_RMBW_WIDE)
		tl_panic("tl_read_rmbw: layout %d is not an RMBW layout", (int)layout);
	struct reader r;
	memset(&r, 0, sizeof r);
	r.name = name;
	r.sink = sink ? sink : &none;
	r.errs = errs;
	r.arena = tl_arena_new();
	size_t count_before = tl_errors_count(errs);
	int wide = layout == TL_FORMAT_RMBW_WIDE;

	const struct tl_csv_field *f;
	size_t n;
	int rc, have_header = 0, header_bad = 0, io = 0;
	while (!r.stop && (rc = tl_csv_next(c, &f, &n, errs)) != 0) {
		if (rc == TL_ERR_IO) {
			io = 1;
			break;
		}
		if (!have_header) {
			if (rc < 0) {
				header_bad = 1;
				break;
			}
			if (all_blank(f, n))
				continue;
			have_header = 1;
			if (header_parse(f, n, layout, &r.h, name, errs)) {
				header_bad = 1;
				break;
			}
			continue;
		}
		if (rc < 0) {
			r.st.rows++;
			r.st.bad++;
			continue;
		}
		if (all_blank(f, n)) {
			r.st.blank++;
			continue;
		}
		r.st.rows++;
		if (n != r.h.ncols) {
			const struct tl_csv_field *at = n > r.h.ncols ? &f[r.h.ncols] : &f[n - 1];
			err_at(&r, at, "row has %zu field%s, but the header (line %u) has %zu: %s", n,
			       n == 1 ? "" : "s", r.h.line, r.h.ncols, quoted(&r, at->s, at->n));
			r.st.bad++;
			continue;
		}
		if (wide)
			row_wide(&r, f, n);
		else
			row_long(&r, f);
	}
	tl_csv_close(c);
	if (!have_header && !header_bad && !io)
		tl_errors_add(errs, name, 1, 1, NULL, "empty file: expected the header row of a %s "
						      "RMBW file",
			      wide ? "wide" : "long");
	if (r.st.zeros)
		tl_errors_warn(errs, name, r.zero_line, r.zero_col, NULL,
			       "%ld cell%s 0, which this source writes for \"no figure\": "
			       "reported as missing, not as 0 (first here)",
			       r.st.zeros, r.st.zeros == 1 ? " holds" : "s hold");
	if (r.st.sentinels)
		tl_errors_warn(errs, name, r.sentinel_line, r.sentinel_col, NULL,
			       "%ld cell%s -99 (or -999, -9999), which looks like a code for \"no "
			       "figure\" but is reported as a value: check (first here)",
			       r.st.sentinels, r.st.sentinels == 1 ? " holds" : "s hold");
	r.st.topics = r.topics.n;
	r.st.regions = r.regions.n;
	if (stats)
		*stats = r.st;
	free(r.h.years);
	tl_nameset_free(&r.topics);
	tl_nameset_free(&r.regions);
	tl_arena_free(r.arena);
	tl_buf_free(&r.q);
	for (int k = 0; k < 3; k++)
		tl_buf_free(&r.slot[k]);
	if (r.stop)
		return r.stop;
	if (io)
		return TL_ERR_IO;
	return tl_errors_count(errs) > count_before ? TL_ERR_INPUT : TL_OK;
}

int tl_read_rmbw_mem(const char *name, const char *data, size_t len, enum tl_format layout,
		     const struct tl_raw_sink *sink, struct tl_rmbw_stats *stats, tl_errors *errs)
{
	struct tl_csv_opts o = {0};
	o.delim = ',';
	tl_csv *c = tl_csv_open_mem(data ? data : "", data ? len : 0, name, &o);
	return read_csv(c, name, layout, sink, stats, errs);
}

int tl_read_rmbw_file(const char *path, enum tl_format layout, const struct tl_raw_sink *sink,
		      struct tl_rmbw_stats *stats, tl_errors *errs)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	FILE *f = fopen(path, "rb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return TL_ERR_IO;
	}
	struct tl_csv_opts o = {0};
	o.delim = ',';
	tl_csv *c = tl_csv_open_file(f, path, &o);
	int rc = read_csv(c, path, layout, sink, stats, errs);
	fclose(f);
	return rc;
}

int tl_read_rmbw_long(const char *path, const struct tl_raw_sink *sink, tl_errors *errs)
{
	return tl_read_rmbw_file(path, TL_FORMAT_RMBW_LONG, sink, NULL, errs);
}

int tl_read_rmbw_wide(const char *path, const struct tl_raw_sink *sink, tl_errors *errs)
{
	return tl_read_rmbw_file(path, TL_FORMAT_RMBW_WIDE, sink, NULL, errs);
}
