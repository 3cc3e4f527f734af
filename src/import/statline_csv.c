/*
 * statline_csv — the titled StatLine CSV reader of statline_csv.h.
 *
 * Before the data, rows are kept (title, filter lines, the header block, in
 * an arena); at the first data row the header block is analysed once: which
 * row holds the topics, which the units, which dimension each other row
 * spreads across the columns, which dimensions the label columns hold.  The
 * result is one struct per value column (topic, unit, its coordinates), and
 * every data row after that is streamed into cells column by column.
 */
#include "statline_csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/fmt.h"
#include "../core/str.h"
#include "../core/strmap.h"
#include "../core/xalloc.h"
#include "cbs_meta.h"
#include "csv.h"

enum {
	MAX_FILTERS = 16,
	MAX_HEADER_ROWS = 64,
	SNIFF_RECORDS = 32,
};

/* ---- Labels and values ----------------------------------------------------- */

enum ckind { C_DIM, C_PERIOD, C_REGION, C_GUESS };

static int starts_ci(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);
	return n >= k && tl_slice_eq_ci(s, k, word);
}

/* What kind of dimension a header name is. */
static enum ckind kind_of(const char *s, size_t n)
{
	static const char *const periods[] = {"Perioden", "Periode", "Jaar"};
	static const char *const regions[] = {"Regio's",    "Regios",       "Regio",
					      "Gemeenten",  "Gemeente",     "Wijken en buurten",
					      "Provincies", "Provincie",    "Woonplaatsen",
					      "Landsdelen", "Regioindeling"};
	for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++)
		if (tl_slice_eq_ci(s, n, periods[i]))
			return C_PERIOD;
	for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++)
		if (tl_slice_eq_ci(s, n, regions[i]))
			return C_REGION;
	return starts_ci(s, n, "Regio") ? C_REGION : C_DIM;
}

/* Strip a provisional mark from the end of s[0..*n): "*", "**",
 * "(voorlopig)", "voorlopig", "(nader voorlopig)".  1 when there was one. */
static int strip_provisional(const char *s, size_t *n)
{
	static const char *const words[] = {"(nader voorlopig)", "nader voorlopig", "(voorlopig)",
					    "voorlopig"};
	int prov = 0;
	for (int k = 0; k < 2 && *n && s[*n - 1] == '*'; k++) {
		(*n)--;
		prov = 1;
	}
	while (*n && s[*n - 1] == ' ')
		(*n)--;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		size_t k = strlen(words[i]);
		if (*n > k && tl_slice_eq_ci(s + *n - k, k, words[i])) {
			*n -= k;
			while (*n && s[*n - 1] == ' ')
				(*n)--;
			return 1;
		}
	}
	return prov;
}

/* A period label: "2019", "2019*", "2019 1e kwartaal", "2019 januari",
 * "2019JJ00", "2019 (voorlopig)".  0, or -1. */
static int period_label(const char *s, size_t n, struct tl_period *p, int *prov)
{
	static const char *const months[] = {"januari", "februari", "maart",     "april",
					     "mei",     "juni",     "juli",      "augustus",
					     "september", "oktober", "november", "december"};
	s = tl_trim(s, &n);
	*prov = strip_provisional(s, &n);
	if (tl_period_parse(s, n, p) == 0)
		return 0;
	if (n < 6 || s[4] != ' ' || tl_period_parse(s, 4, p) != 0)
		return -1;
	const char *r = s + 5;
	size_t rn = n - 5;
	r = tl_trim(r, &rn);
	if (rn == 11 && r[0] >= '1' && r[0] <= '4' && tl_slice_eq(r + 1, 10, "e kwartaal")) {
		p->kind = TL_PERIOD_QUARTER;
		p->sub = r[0] - '0';
		return 0;
	}
	for (int m = 0; m < 12; m++)
		if (tl_slice_eq_ci(r, rn, months[m])) {
			p->kind = TL_PERIOD_MONTH;
			p->sub = m + 1;
			return 0;
		}
	return -1;
}

/* "-" or "–" (U+2013): CBS's nihil. */
static int is_nihil(const char *s, size_t n)
{
	return tl_slice_eq(s, n, "-") || tl_slice_eq(s, n, "\xE2\x80\x93");
}

/* 1 when s[0..n) (trimmed) can stand in a value cell. */
static int value_like(const char *s, size_t n)
{
	s = tl_trim(s, &n);
	if (!n || tl_slice_eq(s, n, ".") || tl_slice_eq_ci(s, n, "x") || is_nihil(s, n))
		return 1;
	while (n && s[n - 1] == '*')
		n--;
	double v;
	return tl_parse_decimal(s, n, '.', &v) == 0 || tl_parse_decimal(s, n, ',', &v) == 0;
}

/* ---- Reader state ---------------------------------------------------------- */

/* A header cell, trimmed, in the arena. */
struct hcell {
	const char *s;
	size_t n;
	unsigned line, col;
};

struct hrow {
	struct hcell *c;
	size_t n;
	unsigned line;
};

/* A dimension spread across the columns (a header row) or fixed by a filter. */
struct coord {
	const char *title;  /* arena */
	enum ckind kind;
	const char **label; /* column dims: the label per column (arena) */
};

struct column {
	const char *topic;  /* arena */
	const char *unit;   /* arena, NULL when none */
	struct tl_period period;
	int has_period, prov;
	const char *region_label;
	int bad;            /* its period label is not a period */
};

struct filter {
	const char *title, *label; /* arena */
	enum ckind kind;
	struct tl_period period;
	int prov;
};

struct sl {
	const char *name;
	const struct tl_raw_sink *sink;
	tl_errors *errs;
	tl_arena *a;
	struct tl_statline_stats st;
	int stop, fatal;
	const char *table, *title;   /* arena, may be NULL */

	struct filter filters[MAX_FILTERS];
	size_t nfilters;
	struct hrow *hrows;          /* owned */
	size_t nh;
	int topic_row;               /* index into hrows, -1 */
	size_t k;                    /* first value column */
	size_t ncols;
	int ready;                   /* the header block was analysed */
	unsigned topic_line;

	struct column *cols;         /* owned, ncols (only k.. used) */
	struct coord *cc;            /* column dimensions (owned) */
	size_t ncc;
	struct coord *rc;            /* row dimensions, k of them (owned) */
	tl_buf *prev;                /* last label per label column (owned) */
	struct tl_raw_dim *dims;     /* owned */
	size_t maxdims;

	char dec;                    /* decimal separator decided, 0 = not yet */
	unsigned dec_line, dec_col;
	tl_buf q;
};

static void err_at(struct sl *r, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void err_at(struct sl *r, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tl_errors_vadd(r->errs, 0, r->name, line, col, NULL, fmt, ap);
	va_end(ap);
}

static const char *quoted(struct sl *r, const char *s, size_t n)
{
	return tl_csv_quoted(&r->q, s, n);
}

static int sunk(struct sl *r, int rc)
{
	if (rc < 0 && !r->stop)
		r->stop = rc;
	return rc < 0;
}

static const char *trimmed(const struct tl_csv_field *f, size_t *n)
{
	*n = f->n;
	return tl_trim(f->s, n);
}

/* Number of non-empty fields; *first gets the first one's index. */
static size_t nonempty(const struct tl_csv_field *f, size_t n, size_t *first)
{
	size_t c = 0;
	*first = n;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		trimmed(&f[i], &len);
		if (len) {
			if (!c)
				*first = i;
			c++;
		}
	}
	return c;
}

static int is_footer(const struct tl_csv_field *f)
{
	size_t n;
	const char *s = trimmed(f, &n);
	return starts_ci(s, n, "Bron:") || (n >= 2 && (unsigned char)s[0] == 0xC2 &&
					     (unsigned char)s[1] == 0xA9);
}

/* "Onderwerp": the label of the topic row. */
static int topic_label(const struct tl_csv_field *f)
{
	size_t n;
	const char *s = trimmed(f, &n);
	return tl_slice_eq_ci(s, n, "Onderwerp") || tl_slice_eq_ci(s, n, "Onderwerpen");
}

/* The label cell of a header row: its first non-empty cell before column
 * k (or anywhere, before k is known). */
static const struct hcell *label_cell(const struct sl *r, const struct hrow *h)
{
	size_t lim = r->topic_row >= 0 ? r->k : h->n;
	for (size_t i = 0; i < h->n && i < lim; i++)
		if (h->c[i].n)
			return &h->c[i];
	return NULL;
}

/* ---- Before the header: title and filter lines ------------------------------ */

static void pre_line(struct sl *r, const struct tl_csv_field *f)
{
	size_t n;
	const char *s = trimmed(f, &n);
	if (!r->title) {
		r->title = tl_arena_strndup(r->a, s, n);
		return;
	}
	const char *colon = NULL;
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == ':' && s[i + 1] == ' ') {
			colon = s + i;
			break;
		}
	if (!colon || r->nfilters == MAX_FILTERS)
		return; /* a note */
	size_t tn = (size_t)(colon - s), ln = n - tn - 2;
	const char *t = s, *l = colon + 2;
	t = tl_trim(t, &tn);
	l = tl_trim(l, &ln);
	if (!tn || !ln)
		return;
	struct filter *x = &r->filters[r->nfilters];
	x->kind = kind_of(t, tn);
	if (x->kind == C_PERIOD && period_label(l, ln, &x->period, &x->prov)) {
		err_at(r, f->line, f->col, "filter %s: %s is not a period label", quoted(r, t, tn),
		       quoted(r, l, ln));
		return;
	}
	x->title = tl_arena_strndup(r->a, t, tn);
	x->label = tl_arena_strndup(r->a, l, ln);
	r->nfilters++;
}

/* ---- The header block ---------------------------------------------------------- */

static void keep_header(struct sl *r, const struct tl_csv_field *f, size_t n)
{
	if (r->nh == MAX_HEADER_ROWS) {
		if (!r->fatal)
			err_at(r, f[0].line, f[0].col, "more than %d header rows before the first data "
						       "row: not a titled StatLine CSV", MAX_HEADER_ROWS);
		r->fatal = 1;
		return;
	}
	r->hrows = xrealloc(r->hrows, (r->nh + 1) * sizeof *r->hrows);
	struct hrow *h = &r->hrows[r->nh++];
	h->n = n;
	h->line = f[0].line;
	h->c = TL_NEW_ARRAY(r->a, struct hcell, n);
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *s = trimmed(&f[i], &len);
		h->c[i].s = tl_arena_strndup(r->a, s, len);
		h->c[i].n = len;
		h->c[i].line = f[i].line;
		h->c[i].col = f[i].col;
	}
	if (r->topic_row >= 0)
		return;
	size_t first;
	nonempty(f, n, &first);
	if (first < n && (tl_slice_eq_ci(h->c[first].s, h->c[first].n, "Onderwerp") ||
			  tl_slice_eq_ci(h->c[first].s, h->c[first].n, "Onderwerpen"))) {
		size_t k = first + 1;
		while (k < n && !h->c[k].n)
			k++;
		if (k == n) {
			err_at(r, h->c[first].line, h->c[first].col, "the Onderwerp row names no topic");
			r->fatal = 1;
			return;
		}
		r->topic_row = (int)(r->nh - 1);
		r->k = k;
		r->ncols = n;
		r->topic_line = h->line;
	}
}

/* Is this row (after the topic row) the first data row? */
static int is_data(const struct sl *r, const struct tl_csv_field *f, size_t n)
{
	if (n <= r->k)
		return 0;
	size_t filled = 0;
	for (size_t j = r->k; j < n; j++) {
		size_t len;
		const char *s = trimmed(&f[j], &len);
		if (!value_like(s, len))
			return 0;
		filled += len > 0;
	}
	if (!filled)
		return 0;
	/* "Perioden";"2019";"2020": periods across the columns are a header. */
	size_t first;
	nonempty(f, r->k, &first);
	if (first < r->k) {
		size_t len;
		const char *s = trimmed(&f[first], &len);
		if (kind_of(s, len) == C_PERIOD) {
			int all = 1;
			for (size_t j = r->k; j < n && all; j++) {
				struct tl_period p;
				int prov;
				size_t vn;
				const char *v = trimmed(&f[j], &vn);
				all = !vn || period_label(v, vn, &p, &prov) == 0;
			}
			if (all)
				return 0;
		}
	}
	return 1;
}

/* The cell of header row h at column j, "" beyond its end. */
static const struct hcell *hc(const struct hrow *h, size_t j)
{
	static const struct hcell empty = {"", 0, 0, 0};
	return j < h->n ? &h->c[j] : &empty;
}

/* Does header row u agree for every two columns of the same topic? */
static int units_agree(struct sl *r, const struct hrow *u)
{
	tl_strmap *seen = tl_strmap_new(r->a);
	int ok = 1;
	for (size_t j = r->k; j < r->ncols && ok; j++) {
		const struct hcell *c = hc(u, j);
		int found;
		const char *prev = tl_strmap_get(seen, r->cols[j].topic, &found);
		if (found)
			ok = !strcmp(prev, c->s);
		else
			tl_strmap_put(seen, r->cols[j].topic, (void *)(uintptr_t)c->s);
	}
	tl_strmap_free(seen);
	return ok;
}

/* Analyse the header block; report the table and the topics. */
static void analyse(struct sl *r)
{
	r->ready = 1;
	const struct hrow *t = &r->hrows[r->topic_row];
	r->cols = xcalloc(r->ncols, sizeof *r->cols);
	r->st.header_rows = r->nh;
	r->st.columns = r->ncols - r->k;
	for (size_t j = r->k; j < r->ncols; j++) {
		const struct hcell *c = hc(t, j);
		if (c->n)
			r->cols[j].topic = c->s;
		else if (j > r->k)
			r->cols[j].topic = r->cols[j - 1].topic;
		else
			r->cols[j].topic = ""; /* cannot happen: k is the first named column */
	}
	int unit_row = -1;
	if ((int)r->nh - 1 != r->topic_row && units_agree(r, &r->hrows[r->nh - 1]))
		unit_row = (int)r->nh - 1;
	for (size_t j = r->k; j < r->ncols && unit_row >= 0; j++) {
		const struct hcell *c = hc(&r->hrows[unit_row], j);
		r->cols[j].unit = c->n ? c->s : NULL;
	}

	/* Column dimensions. */
	r->cc = xcalloc(r->nh, sizeof *r->cc);
	int have_period = 0, have_region = 0;
	for (size_t i = 0; i < r->nh; i++) {
		if ((int)i == r->topic_row || (int)i == unit_row)
			continue;
		const struct hrow *h = &r->hrows[i];
		const struct hcell *lc = label_cell(r, h);
		if (!lc) {
			err_at(r, h->line, 1, "a header row without a name in its first cell: ignored");
			continue;
		}
		struct coord *c = &r->cc[r->ncc++];
		c->title = lc->s;
		c->kind = kind_of(lc->s, lc->n);
		if ((c->kind == C_PERIOD && have_period) || (c->kind == C_REGION && have_region))
			c->kind = C_DIM;
		have_period |= c->kind == C_PERIOD;
		have_region |= c->kind == C_REGION;
		c->label = TL_NEW_ARRAY(r->a, const char *, r->ncols);
		for (size_t j = r->k; j < r->ncols; j++) {
			const struct hcell *x = hc(h, j);
			c->label[j] = x->n ? x->s : j > r->k ? c->label[j - 1] : "";
			if (c->kind == C_PERIOD) {
				struct column *col = &r->cols[j];
				if (!*c->label[j] || period_label(c->label[j], strlen(c->label[j]), &col->period,
								  &col->prov)) {
					if (x->n || j == r->k)
						err_at(r, x->line ? x->line : h->line, x->col ? x->col : 1,
						       "%s: %s is not a period label (2019, 2019 1e kwartaal, "
						       "2019 januari): the column is skipped", c->title,
						       quoted(r, c->label[j], strlen(c->label[j])));
					col->bad = 1;
				}
				col->has_period = 1;
			} else if (c->kind == C_REGION) {
				r->cols[j].region_label = *c->label[j] ? c->label[j] : NULL;
			}
		}
	}

	/* Row dimensions: the unit row's label cells name them. */
	r->rc = xcalloc(r->k, sizeof *r->rc);
	r->prev = xcalloc(r->k, sizeof *r->prev);
	for (size_t i = 0; i < r->k; i++) {
		const struct hcell *c = unit_row >= 0 ? hc(&r->hrows[unit_row], i) : NULL;
		if (c && c->n) {
			r->rc[i].title = c->s;
			r->rc[i].kind = kind_of(c->s, c->n);
			if ((r->rc[i].kind == C_PERIOD && have_period) ||
			    (r->rc[i].kind == C_REGION && have_region))
				r->rc[i].kind = C_DIM;
		} else {
			r->rc[i].title = NULL;
			r->rc[i].kind = C_GUESS;
		}
		have_period |= r->rc[i].kind == C_PERIOD;
		have_region |= r->rc[i].kind == C_REGION;
	}
	r->maxdims = r->nfilters + r->ncc + r->k;
	r->dims = xcalloc(r->maxdims ? r->maxdims : 1, sizeof *r->dims);

	/* The table, then each distinct topic once. */
	if (r->table && r->sink->table && sunk(r, r->sink->table(r->sink->ctx, r->table, r->title)))
		return;
	tl_strmap *seen = tl_strmap_new(r->a);
	for (size_t j = r->k; j < r->ncols && !r->stop; j++) {
		const char *key = r->cols[j].topic;
		if (!*key || tl_strmap_get(seen, key, NULL))
			continue;
		tl_strmap_put(seen, key, (void *)1);
		const char *bar = strrchr(key, '|');
		struct tl_raw_topic tp = {key, bar && bar[1] ? bar + 1 : key, r->cols[j].unit, -1, 1};
		r->st.topics++;
		if (r->sink->topic)
			sunk(r, r->sink->topic(r->sink->ctx, &tp));
	}
	tl_strmap_free(seen);
}

/* ---- Data rows ------------------------------------------------------------------ */

/* The value of one cell into c.  0, or -1 (recorded). */
static int cell_value(struct sl *r, const struct tl_csv_field *f, struct tl_raw_cell *c, int prov)
{
	size_t n;
	const char *s = trimmed(f, &n);
	c->value = 0;
	c->note = NULL;
	if (!n) {
		c->status = TL_STATUS_NOT_APPLICABLE;
		return 0;
	}
	if (tl_slice_eq(s, n, ".")) {
		c->status = TL_STATUS_UNKNOWN;
		return 0;
	}
	if (tl_slice_eq_ci(s, n, "x")) {
		c->status = TL_STATUS_SUPPRESSED;
		return 0;
	}
	if (is_nihil(s, n)) {
		c->status = TL_STATUS_FINAL;
		c->note = TL_STATLINE_NIHIL_NOTE;
		return 0;
	}
	size_t vn = n;
	while (vn && s[vn - 1] == '*') {
		vn--;
		prov = 1;
	}
	const char *comma = memchr(s, ',', vn), *point = memchr(s, '.', vn);
	char sep = comma ? ',' : point ? '.' : 0;
	if (comma && point) {
		err_at(r, f->line, f->col, "%s has both a decimal comma and a point (no digit grouping "
					   "is read)", quoted(r, s, n));
		return -1;
	}
	if (sep && r->dec && sep != r->dec) {
		err_at(r, f->line, f->col, "decimal %s in %s, but this file writes a decimal %s (first at "
					   "line %u, column %u): it mixes both",
		       sep == ',' ? "comma" : "point", quoted(r, s, n), r->dec == ',' ? "comma" : "point",
		       r->dec_line, r->dec_col);
		return -1;
	}
	if (tl_parse_decimal(s, vn, sep ? sep : '.', &c->value) != 0) {
		c->value = 0;
		err_at(r, f->line, f->col, "not a number or a CBS symbol (., x, -): %s", quoted(r, s, n));
		return -1;
	}
	if (sep && !r->dec) {
		r->dec = sep;
		r->dec_line = f->line;
		r->dec_col = f->col;
		r->st.decimal = sep;
	}
	c->status = prov ? TL_STATUS_PROVISIONAL : TL_STATUS_FINAL;
	return 0;
}

static void data_row(struct sl *r, const struct tl_csv_field *f, size_t n)
{
	r->st.rows++;
	if (n < r->ncols || (n > r->ncols && nonempty(f + r->ncols, n - r->ncols, &(size_t){0}))) {
		const struct tl_csv_field *at = n > r->ncols ? &f[r->ncols] : &f[n - 1];
		err_at(r, at->line, at->col, "row has %zu field%s, but the Onderwerp row (line %u) has %zu: %s",
		       n, n == 1 ? "" : "s", r->topic_line, r->ncols, quoted(r, at->s, at->n));
		r->st.bad_rows++;
		return;
	}
	struct tl_raw_cell c;
	memset(&c, 0, sizeof c);
	c.table = r->table;
	size_t nd = 0;
	int row_period = 0, row_prov = 0, filter_period = 0, filter_prov = 0;
	struct tl_period rp = {0, TL_PERIOD_YEAR, 0}, fp = rp;
	const char *row_region = NULL, *filter_region = NULL;
	for (size_t i = 0; i < r->nfilters; i++) {
		const struct filter *x = &r->filters[i];
		if (x->kind == C_PERIOD && !filter_period) {
			filter_period = 1;
			fp = x->period;
			filter_prov = x->prov;
		} else if (x->kind == C_REGION && !filter_region) {
			filter_region = x->label;
		} else {
			r->dims[nd].key = x->title;
			r->dims[nd].code = x->label;
			nd++;
		}
	}
	/* The row labels, filled down when empty. */
	for (size_t i = 0; i < r->k; i++) {
		size_t len;
		const char *s = trimmed(&f[i], &len);
		if (len) {
			tl_buf_reset(&r->prev[i]);
			tl_buf_put(&r->prev[i], s, len);
			tl_buf_putc(&r->prev[i], '\0');
		} else if (!r->prev[i].len) {
			err_at(r, f[i].line, f[i].col, "empty row label, and no row above to repeat");
			r->st.bad_rows++;
			return;
		}
		const char *label = r->prev[i].data;
		size_t ln = r->prev[i].len - 1;
		struct coord *rc = &r->rc[i];
		struct tl_period p;
		int prov;
		if (rc->kind == C_GUESS)
			rc->kind = period_label(label, ln, &p, &prov) == 0 ? C_PERIOD : C_REGION;
		if (rc->kind == C_PERIOD) {
			if (period_label(label, ln, &rp, &row_prov)) {
				err_at(r, f[i].line, f[i].col, "%s: %s is not a period label (2019, 2019 1e "
							       "kwartaal, 2019 januari): row skipped",
				       rc->title ? rc->title : "row label", quoted(r, label, ln));
				r->st.bad_rows++;
				return;
			}
			row_period = 1;
		} else if (rc->kind == C_REGION) {
			row_region = label;
		} else {
			r->dims[nd].key = rc->title;
			r->dims[nd].code = label;
			nd++;
		}
	}
	size_t row_nd = nd;
	for (size_t j = r->k; j < r->ncols && !r->stop; j++) {
		const struct column *col = &r->cols[j];
		if (col->bad) {
			r->st.bad_cells++;
			continue;
		}
		nd = row_nd;
		for (size_t i = 0; i < r->ncc; i++)
			if (r->cc[i].kind == C_DIM && *r->cc[i].label[j]) { /* no label: no coordinate */
				r->dims[nd].key = r->cc[i].title;
				r->dims[nd].code = r->cc[i].label[j];
				nd++;
			}
		int prov = 0;
		if (col->has_period) {
			c.period = col->period;
			prov = col->prov;
		} else if (row_period) {
			c.period = rp;
			prov = row_prov;
		} else {
			c.period = fp;
			prov = filter_prov;
		}
		c.has_period = col->has_period || row_period || filter_period;
		c.region_label = col->region_label ? col->region_label
				 : row_region      ? row_region
						   : filter_region;
		if (cell_value(r, &f[j], &c, prov)) {
			r->st.bad_cells++;
			continue;
		}
		c.topic = col->topic;
		c.dims = nd ? r->dims : NULL;
		c.n_dims = nd;
		c.line = f[j].line;
		c.col = f[j].col;
		r->st.cells++;
		switch (c.status) {
		case TL_STATUS_UNKNOWN: r->st.unknown++; break;
		case TL_STATUS_SUPPRESSED: r->st.suppressed++; break;
		case TL_STATUS_NOT_APPLICABLE: r->st.not_applicable++; break;
		case TL_STATUS_PROVISIONAL: r->st.provisional++; r->st.values++; break;
		default: r->st.values++; break;
		}
		if (r->sink->cell)
			sunk(r, r->sink->cell(r->sink->ctx, &c));
	}
}

/* ---- The file -------------------------------------------------------------------- */

/* Looks like StatLine's long layout (family B): a first row of labels with
 * "… (unit)" columns. */
static int looks_long(const struct sl *r)
{
	if (!r->nh || r->title)
		return 0;
	const struct hrow *h = &r->hrows[0];
	for (size_t i = 0; i < h->n; i++)
		if (h->c[i].n > 3 && h->c[i].s[h->c[i].n - 1] == ')' && strstr(h->c[i].s, " ("))
			return 1;
	return 0;
}

static void read_all(struct sl *r, tl_csv *c, int *io)
{
	const struct tl_csv_field *f;
	size_t n;
	int rc;
	unsigned last_line = 1;
	while (!r->stop && !r->fatal && (rc = tl_csv_next(c, &f, &n, r->errs)) != 0) {
		if (rc == TL_ERR_IO) {
			*io = 1;
			break;
		}
		if (rc < 0) {
			if (r->ready) {
				r->st.rows++;
				r->st.bad_rows++;
			}
			continue;
		}
		last_line = f[0].line;
		size_t first;
		size_t filled = nonempty(f, n, &first);
		if (!filled)
			continue;
		if (is_footer(&f[first]) && first == 0)
			break;
		if (r->ready) {
			data_row(r, f, n);
			continue;
		}
		if (filled == 1 && first == 0 && !topic_label(&f[0])) {
			if (r->nh == 0)
				pre_line(r, &f[0]);
			continue; /* a title, filter or note line */
		}
		if (r->topic_row >= 0 && is_data(r, f, n)) {
			analyse(r);
			if (!r->stop)
				data_row(r, f, n);
			continue;
		}
		keep_header(r, f, n);
	}
	if (r->ready || r->stop || *io)
		return;
	if (r->topic_row >= 0 && !r->fatal) {
		analyse(r); /* a header without data rows still has topics */
		return;
	}
	if (r->fatal)
		return;
	if (looks_long(r))
		err_at(r, r->hrows[0].line, 1, "this is StatLine's long CSV layout (one header row with "
					       "\"Topic (unit)\" columns), which telling does not read: "
					       "download the table as \"CSV met titels\" (pivoted, with an "
					       "Onderwerp row) or as OData");
	else if (!r->nh && !r->title)
		err_at(r, 1, 1, "empty file: expected a StatLine CSV download");
	else
		err_at(r, r->nh ? r->hrows[0].line : last_line, 1,
		       "no \"Onderwerp\" row with topic paths: not a titled StatLine CSV");
}

static const struct tl_raw_sink no_sink = {NULL, NULL, NULL, NULL, NULL, NULL};

static int run(const char *name, FILE *fp, const char *data, size_t len,
	       const struct tl_raw_sink *sink, struct tl_statline_stats *stats, tl_errors *errs)
{
	size_t before = tl_errors_count(errs);
	struct sl r;
	memset(&r, 0, sizeof r);
	r.name = name ? name : "-";
	r.sink = sink ? sink : &no_sink;
	r.errs = errs;
	r.a = tl_arena_new();
	r.topic_row = -1;
	size_t idn;
	const char *id = tl_cbs_table_id(r.name, &idn);
	r.table = id ? tl_arena_strndup(r.a, id, idn) : NULL;
	struct tl_csv_opts o = {0};
	o.delim = ';';
	tl_csv *c = fp ? tl_csv_open_file(fp, r.name, &o) : tl_csv_open_mem(data, len, r.name, &o);
	int io = 0;
	read_all(&r, c, &io);
	tl_csv_close(c);
	if (stats)
		*stats = r.st;
	for (size_t i = 0; r.prev && i < r.k; i++)
		tl_buf_free(&r.prev[i]);
	free(r.prev);
	free(r.hrows);
	free(r.cols);
	free(r.cc);
	free(r.rc);
	free(r.dims);
	tl_buf_free(&r.q);
	tl_arena_free(r.a);
	if (r.stop)
		return r.stop;
	if (io)
		return TL_ERR_IO;
	return tl_errors_count(errs) > before ? TL_ERR_INPUT : TL_OK;
}

int tl_read_statline_csv_mem(const char *name, const char *data, size_t len,
			     const struct tl_raw_sink *sink, struct tl_statline_stats *stats,
			     tl_errors *errs)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	return run(name, NULL, data ? data : "", data ? len : 0, sink, stats, errs);
}

int tl_read_statline_csv_stats(const char *path, const struct tl_raw_sink *sink,
			       struct tl_statline_stats *stats, tl_errors *errs)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	FILE *f = fopen(path, "rb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return TL_ERR_IO;
	}
	int rc = run(path, f, NULL, 0, sink, stats, errs);
	fclose(f);
	return rc;
}

int tl_read_statline_csv(const char *path, const struct tl_raw_sink *sink, tl_errors *errs)
{
	return tl_read_statline_csv_stats(path, sink, NULL, errs);
}

int tl_sniff_statline_csv(const char *head, size_t n)
{
	if (!head || !n)
		return 0;
	struct tl_csv_opts o = {0};
	o.delim = ';';
	tl_csv *c = tl_csv_open_mem(head, n, "head", &o);
	tl_errors errs = TL_ERRORS_INIT;
	errs.limit = 4;
	const struct tl_csv_field *f;
	size_t nf;
	int rc, result = 0, records = 0;
	while (records < SNIFF_RECORDS && (rc = tl_csv_next(c, &f, &nf, &errs)) != 0) {
		if (rc < 0)
			break;
		size_t first;
		size_t filled = nonempty(f, nf, &first);
		if (!filled)
			continue;
		size_t len;
		const char *s = trimmed(&f[first], &len);
		if (!records++ && filled == 1 &&
		    (tl_slice_eq(s, len, "TableInfos") || tl_slice_eq(s, len, "DataProperties")))
			break; /* a metadata CSV */
		if (is_footer(&f[first]))
			break;
		if (filled == 1 && first == 0)
			continue;
		if (tl_slice_eq_ci(s, len, "Onderwerp") || tl_slice_eq_ci(s, len, "Onderwerpen")) {
			result = first + 1 < nf;
			break;
		}
		/* A row of values before any Onderwerp row: another format. */
		int values = 1;
		for (size_t j = first + 1; j < nf && values; j++) {
			const char *v = trimmed(&f[j], &len);
			values = value_like(v, len);
		}
		if (values && filled > 1)
			break;
	}
	tl_csv_close(c);
	tl_errors_free(&errs);
	return result;
}
