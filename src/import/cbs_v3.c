/*
 * cbs_v3 — the OData v3 CSV and JSON readers of cbs_v3.h.
 *
 * Both formats go through one engine: a driver (CSV records, or JSON row
 * objects from tl_cbs_json_each) turns each row into an array of values,
 * one per column of the header (the first JSON object's members), with
 * positions.  The first row decides what the columns are (setup), and every
 * row then gives its regions and cells (row).  So the CSV and the JSON of a
 * table give the same cells, and the fuzzer drives both through the same
 * code.
 */
#include "cbs_v3.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/file.h"
#include "../core/fmt.h"
#include "../core/str.h"
#include "../core/strmap.h"
#include "../core/xalloc.h"
#include "csv.h"

enum {
	MAX_MENTIONS = 32,  /* regions one row can name */
	MAX_WARNED = 16,    /* unknown JSON members warned about */
	HEAD_FIELDS = 10000,
};

/* ---- Columns and values ------------------------------------------------------ */

enum role { R_SKIP, R_TIME, R_GEO, R_DIM, R_NUM, R_STR };

/* What a String topic says about the row's regions. */
enum desc {
	D_NONE,
	D_SOORT,     /* SoortRegio: the row region's level */
	D_GMNAME,    /* Gemeentenaam: the name of the row's gemeente */
	D_NAME,      /* an unpaired Naam: the row region's name */
	D_CODE,      /* an unpaired code topic */
	D_PAIR_CODE, /* Code_N of a Code/Naam pair (pair = the Naam column) */
};

struct col {
	const char *key;                 /* arena */
	enum role role;
	const struct tl_cbs_prop *prop;  /* from the metadata, or NULL */
	enum desc desc;
	int pair;                        /* D_PAIR_CODE: the name column */
};

enum vkind { V_ABSENT, V_TEXT, V_NUM, V_NULL, V_OTHER };

/* One column's value in the current row. */
struct val {
	enum vkind kind;
	const char *s;   /* V_TEXT: the text, untrimmed, NUL-terminated at s[n] */
	size_t n;
	double num;      /* V_NUM */
	unsigned line, col;
};

/* A region a row names. */
struct mention {
	size_t code, name;   /* offsets into the scratch buffer; name (size_t)-1 = none */
	const char *level;   /* static string or NULL */
	int parent;          /* index of the parent mention, -1 */
	size_t derived;      /* offset of a parent code derived from the code, or -1 */
};

struct v3 {
	const char *name;                /* for messages */
	const struct tl_raw_sink *sink;
	tl_errors *errs;
	const tl_cbs_meta *meta;         /* borrowed, may be NULL */
	tl_arena *a;
	struct tl_cbs_v3_stats st;
	const char *table, *title;       /* arena or the metadata's; may be NULL */
	const char *url_table;           /* JSON: id from odata.metadata (arena) */

	struct col *cols;                /* owned */
	size_t ncols;
	tl_strmap *col_of;               /* JSON: key → column + 1 */
	int time_col, geo_col;
	int has_desc;
	int soort_col, gmname_col, name_col;
	int setup;
	struct val *vals;                /* owned, per column */
	tl_buf *slot;                    /* owned, per column: trimmed copies */
	struct tl_raw_dim *rdims;        /* owned */
	size_t nrdims;
	tl_strmap *reported;             /* region codes reported */
	int year;                        /* classification year of reported regions */
	tl_strmap *warned;               /* JSON members warned about */
	size_t nwarned;

	tl_buf scratch;                  /* region strings of the current row */
	tl_buf q;                        /* message snippets */
	int stop;                        /* a sink's negative value */
	int fatal;                       /* the input cannot be read further */
};

static void err_at(struct v3 *r, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void warn_at(struct v3 *r, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void err_at(struct v3 *r, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tl_errors_vadd(r->errs, 0, r->name, line, col, NULL, fmt, ap);
	va_end(ap);
}

static void warn_at(struct v3 *r, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tl_errors_vadd(r->errs, 1, r->name, line, col, NULL, fmt, ap);
	va_end(ap);
}

/* A snippet of s[0..n) for a message (valid until the next call). */
static const char *quoted(struct v3 *r, const char *s, size_t n)
{
	return tl_csv_quoted(&r->q, s, n);
}

static int sunk(struct v3 *r, int rc)
{
	if (rc < 0 && !r->stop)
		r->stop = rc;
	return rc < 0;
}

/* 1 when the last `k` bytes of s[0..n) are word, case-insensitively. */
static int ends_ci(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);
	return n >= k && tl_slice_eq_ci(s + n - k, k, word);
}

/* The length of key without its "_<digits>" suffix; 0 when it has none
 * (then the key is not a topic key). */
static size_t stem_len(const char *key)
{
	size_t n = strlen(key), d = 0;
	while (d < n && key[n - 1 - d] >= '0' && key[n - 1 - d] <= '9')
		d++;
	if (!d || d + 1 >= n || key[n - 1 - d] != '_')
		return 0;
	return n - 1 - d;
}

/* 1 when the key of a topic names a text: Naam, Code, …naam, …code,
 * SoortRegio, Codering. */
static int text_key(const char *key)
{
	size_t n = stem_len(key);
	if (!n)
		n = strlen(key);
	return ends_ci(key, n, "naam") || ends_ci(key, n, "code") || tl_slice_eq_ci(key, n, "SoortRegio") ||
	       (n >= 8 && tl_slice_eq_ci(key, 8, "Codering"));
}

/* The value trimmed: *n set; for a number, its text in the column's slot. */
static const char *val_text(struct v3 *r, size_t i, size_t *n)
{
	const struct val *v = &r->vals[i];
	if (v->kind == V_TEXT) {
		*n = v->n;
		return tl_trim(v->s, n);
	}
	if (v->kind == V_NUM) {
		tl_buf_reset(&r->slot[i]);
		if (v->num == (double)(long long)v->num)
			tl_buf_printf(&r->slot[i], "%lld", (long long)v->num);
		else
			tl_buf_printf(&r->slot[i], "%.15g", v->num);
		*n = r->slot[i].len;
		return r->slot[i].data;
	}
	*n = 0;
	return "";
}

/* The value trimmed and NUL-terminated (in place when possible). */
static const char *val_str(struct v3 *r, size_t i, size_t *n)
{
	const char *s = val_text(r, i, n);
	const struct val *v = &r->vals[i];
	if (v->kind != V_TEXT || s + *n == v->s + v->n)
		return s;
	tl_buf_reset(&r->slot[i]);
	tl_buf_put(&r->slot[i], s, *n);
	tl_buf_putc(&r->slot[i], '\0');
	return r->slot[i].data;
}

/* ---- Setup: what the columns are ---------------------------------------------- */

/* A name that says a dimension holds regions. */
static int geo_name(const char *key)
{
	static const char *const names[] = {"RegioS",      "WijkenEnBuurten", "Gemeenten",
					    "Woonplaatsen", "Provincies",      "Landsdelen",
					    "Regios"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(key, names[i]))
			return 1;
	return tl_starts_with(key, "Regio");
}

/* Is a topic numeric, judged from its first value? */
static int guess_numeric(struct v3 *r, size_t i)
{
	const struct val *v = &r->vals[i];
	const char *key = r->cols[i].key;
	if (v->kind == V_NUM)
		return 1;
	if (v->kind != V_TEXT)
		return v->kind == V_OTHER ? 0 : !text_key(key);
	if (v->n == 0)
		return !text_key(key);
	size_t n = v->n;
	const char *s = tl_trim(v->s, &n);
	if (!n)
		return 0; /* blanks only: an empty String topic, padded to its width */
	if (tl_slice_eq(s, n, "."))
		return 1;
	double d;
	if (tl_parse_decimal(s, n, '.', &d) != 0)
		return 0;
	return v->s[v->n - 1] != ' '; /* left-aligned digits are a text */
}

static void mark_descriptions(struct v3 *r)
{
	int first = -1; /* column of the first Code or Naam: decides the pairs' order */
	for (size_t i = 0; i < r->ncols; i++) {
		struct col *c = &r->cols[i];
		if (c->role != R_STR)
			continue;
		size_t n = stem_len(c->key);
		if (!n)
			n = strlen(c->key);
		if (tl_slice_eq_ci(c->key, n, "SoortRegio")) {
			c->desc = D_SOORT;
		} else if (tl_slice_eq_ci(c->key, n, "Gemeentenaam")) {
			c->desc = D_GMNAME;
		} else if (tl_slice_eq_ci(c->key, n, "Naam")) {
			c->desc = D_NAME;
			if (first < 0)
				first = (int)i;
		} else if (tl_slice_eq_ci(c->key, n, "Code")) {
			c->desc = D_CODE;
			if (first < 0)
				first = (int)i;
		} else if (ends_ci(c->key, n, "code") || (n >= 8 && tl_slice_eq_ci(c->key, 8, "Codering"))) {
			c->desc = D_CODE;
		}
	}
	int name_first = first >= 0 && r->cols[first].desc == D_NAME;
	for (size_t i = 0; first >= 0 && i + 1 < r->ncols; i++) {
		struct col *c = &r->cols[i], *d = &r->cols[i + 1];
		size_t cn = stem_len(c->key), dn = stem_len(d->key);
		int c_code = c->desc == D_CODE && cn && tl_slice_eq_ci(c->key, cn, "Code");
		int d_code = d->desc == D_CODE && dn && tl_slice_eq_ci(d->key, dn, "Code");
		if (!name_first && c_code && d->desc == D_NAME) {
			c->desc = D_PAIR_CODE;
			c->pair = (int)i + 1;
			d->desc = D_NONE;
			i++;
		} else if (name_first && c->desc == D_NAME && d_code) {
			d->desc = D_PAIR_CODE;
			d->pair = (int)i;
			c->desc = D_NONE;
			i++;
		}
	}
	r->soort_col = r->gmname_col = r->name_col = -1;
	for (size_t i = 0; i < r->ncols; i++) {
		enum desc d = r->cols[i].desc;
		if (d == D_NONE)
			continue;
		r->has_desc = 1;
		if (d == D_SOORT && r->soort_col < 0)
			r->soort_col = (int)i;
		else if (d == D_GMNAME && r->gmname_col < 0)
			r->gmname_col = (int)i;
		else if (d == D_NAME && r->name_col < 0)
			r->name_col = (int)i;
	}
}

/* Decide the columns from the header and the first row (vals; all V_ABSENT
 * when the file has no rows), then report the table and the topics. */
static void setup(struct v3 *r)
{
	r->setup = 1;
	r->time_col = r->geo_col = -1;
	for (size_t i = 0; i < r->ncols; i++) {
		struct col *c = &r->cols[i];
		c->pair = -1;
		c->prop = tl_cbs_meta_prop(r->meta, c->key);
		if (!strcmp(c->key, "ID")) {
			c->role = R_SKIP;
		} else if (c->prop) {
			switch (c->prop->kind) {
			case TL_CBS_TOPIC: c->role = c->prop->numeric ? R_NUM : R_STR; break;
			case TL_CBS_TIME: c->role = r->time_col < 0 ? R_TIME : R_DIM; break;
			case TL_CBS_GEO: c->role = r->geo_col < 0 ? R_GEO : R_DIM; break;
			default: c->role = R_DIM; break;
			}
			if (c->role == R_TIME)
				r->time_col = (int)i;
			if (c->role == R_GEO)
				r->geo_col = (int)i;
		} else if (stem_len(c->key)) {
			c->role = guess_numeric(r, i) ? R_NUM : R_STR;
		} else {
			c->role = R_DIM;
		}
	}
	if (r->time_col < 0)
		for (size_t i = 0; i < r->ncols; i++)
			if (r->cols[i].role == R_DIM && !r->cols[i].prop && !strcmp(r->cols[i].key, "Perioden")) {
				r->cols[i].role = R_TIME;
				r->time_col = (int)i;
				break;
			}
	if (r->geo_col < 0) {
		int best = -1, score = 0;
		for (size_t i = 0; i < r->ncols; i++) {
			const struct col *c = &r->cols[i];
			if (c->role != R_DIM || c->prop)
				continue;
			size_t n;
			const char *code = val_text(r, i, &n);
			int s = (geo_name(c->key) ? 2 : 0) + (tl_cbs_region_code_like(code, n) ? 1 : 0);
			if (s > score) {
				best = (int)i;
				score = s;
			}
		}
		if (best >= 0) {
			r->cols[best].role = R_GEO;
			r->geo_col = best;
		}
	}
	mark_descriptions(r);
	r->year = tl_cbs_meta_year(r->meta);
	for (size_t i = 0; i < r->ncols; i++)
		if (r->cols[i].role == R_DIM)
			r->nrdims++;
	r->rdims = xcalloc(r->nrdims ? r->nrdims : 1, sizeof *r->rdims);

	/* The table, then every topic. */
	const char *id = r->table ? r->table : tl_cbs_meta_table(r->meta, NULL);
	if (!id)
		id = r->url_table;
	r->table = id;
	if (id && r->sink->table && sunk(r, r->sink->table(r->sink->ctx, id, r->title)))
		return;
	for (size_t i = 0; i < r->ncols && !r->stop; i++) {
		const struct col *c = &r->cols[i];
		if (c->role != R_NUM && c->role != R_STR)
			continue;
		struct tl_raw_topic t;
		memset(&t, 0, sizeof t);
		t.key = c->key;
		t.title = c->prop ? c->prop->title : NULL;
		t.unit = c->prop ? c->prop->unit : NULL;
		t.decimals = c->prop ? c->prop->decimals : -1;
		t.numeric = c->role == R_NUM;
		r->st.topics++;
		if (!t.numeric)
			r->st.string_topics++;
		if (r->sink->topic)
			sunk(r, r->sink->topic(r->sink->ctx, &t));
	}
}

/* Set the columns from the header keys.  0, or -1 (recorded) when a name is
 * empty or repeated. */
static int set_columns(struct v3 *r, const char *const *keys, const size_t *lens,
		       const unsigned *lines, const unsigned *cols, size_t n)
{
	r->ncols = n;
	r->cols = xcalloc(n ? n : 1, sizeof *r->cols);
	r->vals = xcalloc(n ? n : 1, sizeof *r->vals);
	r->slot = xcalloc(n ? n : 1, sizeof *r->slot);
	r->col_of = tl_strmap_new(r->a);
	for (size_t i = 0; i < n; i++) {
		size_t len = lens[i];
		const char *s = tl_trim(keys[i], &len);
		if (!len) {
			err_at(r, lines[i], cols[i], "empty column name in the header");
			return -1;
		}
		for (size_t j = 0; j < len; j++)
			if ((unsigned char)s[j] < 0x20 || s[j] == 0x7F) {
				err_at(r, lines[i], cols[i], "control character in column name %s",
				       quoted(r, s, len));
				return -1;
			}
		char *k = tl_arena_strndup(r->a, s, len);
		if (tl_strmap_get(r->col_of, k, NULL)) {
			err_at(r, lines[i], cols[i], "column %s appears twice", quoted(r, s, len));
			return -1;
		}
		r->cols[i].key = tl_strmap_put(r->col_of, k, (void *)(uintptr_t)(i + 1));
	}
	return 0;
}

/* Drop metadata that describes another table; warn about topics it lacks. */
static void check_meta(struct v3 *r, const char *file_id, unsigned line)
{
	if (!r->meta)
		return;
	const char *mid = tl_cbs_meta_table(r->meta, NULL);
	if (file_id && mid && strcasecmp(file_id, mid) != 0) {
		warn_at(r, line, 1, "the metadata beside this file is of table %s, not %s: ignored", mid,
			file_id);
		r->meta = NULL;
		return;
	}
	size_t topics = 0, found = 0;
	const char *first_missing = NULL;
	for (size_t i = 0; i < r->ncols; i++) {
		if (!stem_len(r->cols[i].key))
			continue;
		topics++;
		if (tl_cbs_meta_prop(r->meta, r->cols[i].key))
			found++;
		else if (!first_missing)
			first_missing = r->cols[i].key;
	}
	if (!tl_cbs_meta_count(r->meta))
		topics = found = 0; /* a period list or TableInfos only: nothing to compare */
	if (topics && found * 2 < topics) {
		warn_at(r, line, 1, "the metadata beside this file describes %zu of its %zu topics: "
				    "ignored (it belongs to another table)", found, topics);
		r->meta = NULL;
		return;
	}
	if (first_missing)
		warn_at(r, line, 1, "%zu topic%s not in the metadata (first %s): type guessed from "
				    "the first row", topics - found, topics - found == 1 ? " is" : "s are",
			first_missing);
	const char *title;
	tl_cbs_meta_table(r->meta, &title);
	r->title = title;
}

/* ---- Rows ------------------------------------------------------------------------ */

static const char *soort_level(const char *s, size_t n)
{
	static const struct {
		const char *word, *level;
	} map[] = {
		{"Land", "land"},         {"Landsdeel", "landsdeel"}, {"Provincie", "provincie"},
		{"COROP", "corop"},       {"COROP-gebied", "corop"},  {"Corop", "corop"},
		{"Gemeente", "gemeente"}, {"Wijk", "wijk"},           {"Buurt", "buurt"},
		{"Woonplaats", "woonplaats"},
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (tl_slice_eq_ci(s, n, map[i].word))
			return map[i].level;
	return NULL;
}

/* The level a region of `level` has its parent at, NULL for none. */
static const char *parent_level(const char *level)
{
	static const char *const up[][2] = {
		{"woonplaats", "gemeente"}, {"buurt", "wijk"},      {"wijk", "gemeente"},
		{"gemeente", "provincie"},  {"corop", "provincie"}, {"provincie", "land"},
		{"landsdeel", "land"},
	};
	for (size_t i = 0; level && i < sizeof up / sizeof up[0]; i++)
		if (!strcmp(level, up[i][0]))
			return up[i][1];
	return NULL;
}

static size_t put_str(tl_buf *b, const char *s, size_t n)
{
	size_t off = b->len;
	tl_buf_put(b, s, n);
	tl_buf_putc(b, '\0');
	return off;
}

/* Add a region the row names (or complete one named before). */
static int mention(struct v3 *r, struct mention *m, int *nm, const char *code, size_t cn,
		   const char *name, size_t nn, const char *level)
{
	for (int k = 0; k < *nm; k++) {
		const char *c = r->scratch.data + m[k].code;
		if (strlen(c) == cn && memcmp(c, code, cn) == 0) {
			if (m[k].name == (size_t)-1 && nn)
				m[k].name = put_str(&r->scratch, name, nn);
			if (!m[k].level)
				m[k].level = level;
			return k;
		}
	}
	if (*nm == MAX_MENTIONS)
		return -1;
	struct mention *x = &m[(*nm)++];
	x->code = put_str(&r->scratch, code, cn);
	x->name = nn ? put_str(&r->scratch, name, nn) : (size_t)-1;
	x->level = level;
	x->parent = -1;
	x->derived = (size_t)-1;
	return *nm - 1;
}

/* Report the regions the current row names (region = the row's code). */
static void describe(struct v3 *r, const char *region, size_t rn)
{
	struct mention m[MAX_MENTIONS];
	int nm = 0;
	size_t n, gn = 0;
	tl_buf_reset(&r->scratch);
	const char *gmname = r->gmname_col >= 0 ? val_text(r, (size_t)r->gmname_col, &gn) : NULL;
	if (region && !tl_cbs_region_code_like(region, rn))
		region = NULL; /* not a CBS region code: nothing to register */
	if (region) {
		const char *level = NULL;
		if (r->soort_col >= 0) {
			const char *s = val_text(r, (size_t)r->soort_col, &n);
			level = soort_level(s, n);
		}
		if (!level)
			level = tl_cbs_region_level(region, rn);
		size_t own = 0;
		const char *name = r->name_col >= 0 ? val_text(r, (size_t)r->name_col, &own) : NULL;
		int gm_own = gmname && gn && (!level || !strcmp(level, "gemeente") || !strcmp(level, "land"));
		if (!own && gm_own) {
			name = gmname;
			own = gn;
		}
		mention(r, m, &nm, region, rn, name, own, level);
		if (gmname && gn && level && (!strcmp(level, "wijk") || !strcmp(level, "buurt")) && rn >= 6) {
			char gm[6] = {'G', 'M', region[2], region[3], region[4], region[5]};
			if (tl_cbs_region_code_like(gm, 6))
				mention(r, m, &nm, gm, 6, gmname, gn, "gemeente");
		}
	}
	for (size_t i = 0; i < r->ncols; i++) {
		const struct col *c = &r->cols[i];
		if (c->desc != D_PAIR_CODE && c->desc != D_CODE)
			continue;
		const char *code = val_text(r, i, &n);
		if (!n || !tl_cbs_region_code_like(code, n))
			continue;
		size_t nn = 0;
		const char *name = c->desc == D_PAIR_CODE ? val_text(r, (size_t)c->pair, &nn) : NULL;
		if (c->desc == D_CODE && region && n == rn && memcmp(code, region, n) == 0)
			continue;
		mention(r, m, &nm, code, n, name, nn, tl_cbs_region_level(code, n));
	}
	/* Parents: the region of the level above that the row names, else one
	 * derived from a wijk's or buurt's code. */
	for (int k = 0; k < nm; k++) {
		const char *up = parent_level(m[k].level);
		for (int j = 0; up && j < nm; j++)
			if (j != k && m[j].level && !strcmp(m[j].level, up)) {
				m[k].parent = j;
				break;
			}
		if (m[k].parent >= 0 || !m[k].level)
			continue;
		const char *code = r->scratch.data + m[k].code;
		size_t cn = strlen(code);
		if (!strcmp(m[k].level, "buurt") && cn == 10) {
			char wk[8] = {'W', 'K', code[2], code[3], code[4], code[5], code[6], code[7]};
			if (tl_cbs_region_code_like(wk, 8))
				m[k].derived = put_str(&r->scratch, wk, 8);
		} else if (!strcmp(m[k].level, "wijk") && cn == 8) {
			char gm[6] = {'G', 'M', code[2], code[3], code[4], code[5]};
			if (tl_cbs_region_code_like(gm, 6))
				m[k].derived = put_str(&r->scratch, gm, 6);
		}
	}
	for (int k = 0; k < nm && !r->stop; k++) {
		const char *code = r->scratch.data + m[k].code;
		const char *parent = m[k].parent >= 0 ? r->scratch.data + m[m[k].parent].code
				     : m[k].derived != (size_t)-1 ? r->scratch.data + m[k].derived
								  : NULL;
		const char *name = m[k].name != (size_t)-1 ? r->scratch.data + m[k].name : NULL;
		if ((!name && !parent) || tl_strmap_get(r->reported, code, NULL))
			continue;
		tl_strmap_put(r->reported, code, (void *)1);
		struct tl_raw_region g = {code, name, m[k].level, parent, r->year, NULL};
		r->st.regions++;
		if (r->sink->region)
			sunk(r, r->sink->region(r->sink->ctx, &g));
	}
}

/* The status and value of a numeric topic's value.  0, or -1 (recorded). */
static int cell_value(struct v3 *r, size_t i, struct tl_raw_cell *c, enum tl_status period_st)
{
	const struct val *v = &r->vals[i];
	const char *key = r->cols[i].key;
	c->note = NULL;
	c->value = 0;
	switch (v->kind) {
	case V_NUM:
		c->value = v->num;
		c->status = period_st;
		return 0;
	case V_NULL:
		c->status = TL_STATUS_UNKNOWN;
		c->note = "null in de TypedDataSet: onbekend, geheim of niet van toepassing";
		return 0;
	case V_ABSENT:
		err_at(r, v->line, v->col, "no member %s in this row object (the first row has it)",
		       quoted(r, key, strlen(key)));
		return -1;
	case V_OTHER:
		err_at(r, v->line, v->col, "not a number in numeric topic %s: a JSON %s", key,
		       "true, false, object or array");
		return -1;
	case V_TEXT:
		break;
	}
	size_t n = v->n;
	const char *s = tl_trim(v->s, &n);
	if (!n) {
		c->status = TL_STATUS_NOT_APPLICABLE;
		return 0;
	}
	if (tl_slice_eq(s, n, ".")) {
		c->status = TL_STATUS_UNKNOWN;
		return 0;
	}
	if (tl_parse_decimal(s, n, '.', &c->value) == 0) {
		c->status = period_st;
		return 0;
	}
	c->value = 0;
	if (memchr(s, ',', n) && tl_parse_decimal(s, n, ',', &c->value) == 0)
		err_at(r, v->line, v->col, "decimal comma in numeric topic %s: %s (OData v3 writes a "
					   "decimal point)", key, quoted(r, s, n));
	else
		err_at(r, v->line, v->col, "not a number in numeric topic %s: %s", key, quoted(r, s, n));
	c->value = 0;
	return -1;
}

/* One data row: r->vals holds its values. */
static void row(struct v3 *r)
{
	if (!r->setup)
		setup(r);
	if (r->stop)
		return;
	r->st.rows++;
	struct tl_raw_cell c;
	memset(&c, 0, sizeof c);
	enum tl_status period_st = TL_STATUS_FINAL;
	int bad = 0;
	size_t n, nd = 0, rn = 0;
	const char *region = NULL;
	for (size_t i = 0; i < r->ncols; i++) {
		const struct col *col = &r->cols[i];
		if (col->role != R_TIME && col->role != R_GEO && col->role != R_DIM)
			continue;
		const struct val *v = &r->vals[i];
		if (v->kind == V_ABSENT || v->kind == V_NULL || v->kind == V_OTHER) {
			err_at(r, v->line, v->col, "%s %s in this row", v->kind == V_ABSENT ? "no member" : "no code for",
			       quoted(r, col->key, strlen(col->key)));
			bad = 1;
			continue;
		}
		const char *s = val_str(r, i, &n);
		if (!n) {
			err_at(r, v->line, v->col, "empty %s code", col->key);
			bad = 1;
			continue;
		}
		if (col->role == R_TIME) {
			size_t pn = n;
			int stars = 0;
			while (pn && s[pn - 1] == '*' && stars < 2) {
				pn--;
				stars++;
			}
			if (tl_period_parse(s, pn, &c.period) != 0) {
				err_at(r, v->line, v->col, "period %s is not a CBS year, quarter or month code "
							   "(2024JJ00, 2024KW01, 2024MM01)", quoted(r, s, n));
				bad = 1;
				continue;
			}
			c.has_period = 1;
			enum tl_status st;
			if (stars)
				period_st = TL_STATUS_PROVISIONAL;
			else if (tl_cbs_meta_period(r->meta, s, pn, &st))
				period_st = st;
		} else if (col->role == R_GEO) {
			region = s;
			rn = n;
		} else {
			r->rdims[nd].key = col->key;
			r->rdims[nd].code = s;
			nd++;
		}
	}
	if (bad) {
		r->st.bad_rows++;
		return;
	}
	if (r->has_desc)
		describe(r, region, rn);
	c.table = r->table;
	c.dims = nd ? r->rdims : NULL;
	c.n_dims = nd;
	c.region = region;
	for (size_t i = 0; i < r->ncols && !r->stop; i++) {
		if (r->cols[i].role != R_NUM)
			continue;
		if (cell_value(r, i, &c, period_st)) {
			r->st.bad_cells++;
			continue;
		}
		c.topic = r->cols[i].key;
		c.line = r->vals[i].line;
		c.col = r->vals[i].col;
		r->st.cells++;
		if (tl_status_has_value(c.status)) {
			r->st.values++;
			if (c.status == TL_STATUS_PROVISIONAL)
				r->st.provisional++;
		} else if (c.status == TL_STATUS_UNKNOWN) {
			r->st.unknown++;
		} else {
			r->st.not_applicable++;
		}
		if (r->sink->cell)
			sunk(r, r->sink->cell(r->sink->ctx, &c));
	}
}

/* ---- CSV ------------------------------------------------------------------------- */

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

static int csv_header(struct v3 *r, const struct tl_csv_field *f, size_t n, const char *file_id)
{
	const char **keys = xcalloc(n, sizeof *keys);
	size_t *lens = xcalloc(n, sizeof *lens);
	unsigned *lines = xcalloc(n, sizeof *lines), *cols = xcalloc(n, sizeof *cols);
	for (size_t i = 0; i < n; i++) {
		keys[i] = f[i].s;
		lens[i] = f[i].n;
		lines[i] = f[i].line;
		cols[i] = f[i].col;
	}
	int rc = set_columns(r, keys, lens, lines, cols, n);
	free(keys);
	free(lens);
	free(lines);
	free(cols);
	if (!rc)
		check_meta(r, file_id, f[0].line);
	return rc;
}

static void read_csv(struct v3 *r, tl_csv *c, const char *file_id, int *io)
{
	const struct tl_csv_field *f;
	size_t n;
	int rc, have_header = 0;
	unsigned header_line = 0;
	while (!r->stop && (rc = tl_csv_next(c, &f, &n, r->errs)) != 0) {
		if (rc == TL_ERR_IO) {
			*io = 1;
			break;
		}
		if (!have_header) {
			if (rc < 0 || all_blank(f, n))
				continue;
			have_header = 1;
			header_line = f[0].line;
			if (csv_header(r, f, n, file_id)) {
				r->fatal = 1;
				return;
			}
			continue;
		}
		if (rc < 0) {
			r->st.rows++;
			r->st.bad_rows++;
			continue;
		}
		if (all_blank(f, n))
			continue;
		if (n != r->ncols) {
			const struct tl_csv_field *at = n > r->ncols ? &f[r->ncols] : &f[n - 1];
			err_at(r, at->line, at->col, "row has %zu field%s, but the header (line %u) has %zu: %s",
			       n, n == 1 ? "" : "s", header_line, r->ncols, quoted(r, at->s, at->n));
			r->st.rows++;
			r->st.bad_rows++;
			continue;
		}
		for (size_t i = 0; i < n; i++) {
			struct val *v = &r->vals[i];
			v->kind = V_TEXT;
			v->s = f[i].s;
			v->n = f[i].n;
			v->line = f[i].line;
			v->col = f[i].col;
		}
		row(r);
	}
	if (!have_header && !*io) {
		err_at(r, 1, 1, "empty file: expected the header \"ID\";<dimensions…>;<topics…> of a CBS "
				"OData v3 CSV");
		r->fatal = 1;
	}
}

/* ---- JSON ------------------------------------------------------------------------ */

/* The table id in an odata.metadata URL: ".../OData/84489NED/$metadata#…". */
static const char *url_id(struct v3 *r, const char *url)
{
	const char *m = url ? strstr(url, "/$metadata") : NULL;
	if (!m)
		return NULL;
	const char *s = m;
	while (s > url && s[-1] != '/')
		s--;
	size_t n;
	char tmp[80];
	if ((size_t)(m - s) + 1 >= sizeof tmp)
		return NULL;
	memcpy(tmp, s, (size_t)(m - s));
	tmp[m - s] = '\0';
	const char *id = tl_cbs_table_id(tmp, &n);
	return id && id[n] == '\0' ? tl_arena_strndup(r->a, id, n) : NULL;
}

static void json_value(struct val *v, json_t *j, unsigned line, unsigned col)
{
	v->line = line;
	v->col = col;
	v->s = NULL;
	v->n = 0;
	if (json_is_string(j)) {
		v->kind = V_TEXT;
		v->s = json_string_value(j);
		v->n = json_string_length(j);
	} else if (json_is_number(j)) {
		v->kind = V_NUM;
		v->num = json_number_value(j);
	} else if (json_is_null(j)) {
		v->kind = V_NULL;
	} else {
		v->kind = V_OTHER;
	}
}

struct json_ctx {
	struct v3 *r;
	const char *file_id;
};

static int json_row(void *ctx, const struct tl_cbs_json_obj *o)
{
	struct json_ctx *jc = ctx;
	struct v3 *r = jc->r;
	size_t i = 0;
	const char *k;
	json_t *v;
	if (!r->cols) {
		size_t n = json_object_size(o->obj);
		const char **keys = xcalloc(n ? n : 1, sizeof *keys);
		size_t *lens = xcalloc(n ? n : 1, sizeof *lens);
		unsigned *lines = xcalloc(n ? n : 1, sizeof *lines), *cols = xcalloc(n ? n : 1, sizeof *cols);
		json_object_foreach(o->obj, k, v)
		{
			keys[i] = k;
			lens[i] = strlen(k);
			lines[i] = i < o->nmembers ? o->vline[i] : o->line;
			cols[i] = i < o->nmembers ? o->vcol[i] : o->col;
			i++;
		}
		int rc = set_columns(r, keys, lens, lines, cols, n);
		free(keys);
		free(lens);
		free(lines);
		free(cols);
		r->url_table = url_id(r, o->odata_metadata);
		if (rc) {
			r->fatal = 1;
			return -1;
		}
		check_meta(r, jc->file_id, o->line);
		i = 0;
	}
	for (size_t c = 0; c < r->ncols; c++) {
		r->vals[c].kind = V_ABSENT;
		r->vals[c].line = o->line;
		r->vals[c].col = o->col;
	}
	json_object_foreach(o->obj, k, v)
	{
		unsigned line = i < o->nmembers ? o->vline[i] : o->line;
		unsigned col = i < o->nmembers ? o->vcol[i] : o->col;
		size_t c;
		if (i < r->ncols && !strcmp(k, r->cols[i].key)) {
			c = i;
		} else {
			uintptr_t x = (uintptr_t)tl_strmap_get(r->col_of, k, NULL);
			if (!x) {
				if (r->nwarned < MAX_WARNED && !tl_strmap_get(r->warned, k, NULL)) {
					tl_strmap_put(r->warned, k, (void *)1);
					r->nwarned++;
					warn_at(r, line, col, "member %s is not in the first row object: ignored",
						quoted(r, k, strlen(k)));
				}
				i++;
				continue;
			}
			c = x - 1;
		}
		json_value(&r->vals[c], v, line, col);
		i++;
	}
	row(r);
	return r->stop ? r->stop : 0;
}

/* ---- Entry points ------------------------------------------------------------------ */

static const struct tl_raw_sink no_sink = {NULL, NULL, NULL, NULL, NULL, NULL};

static void init(struct v3 *r, const char *name, const tl_cbs_meta *meta,
		 const struct tl_raw_sink *sink, tl_errors *errs)
{
	memset(r, 0, sizeof *r);
	r->name = name ? name : "-";
	r->sink = sink ? sink : &no_sink;
	r->errs = errs;
	r->meta = meta;
	r->a = tl_arena_new();
	r->reported = tl_strmap_new(r->a);
	r->warned = tl_strmap_new(r->a);
	r->time_col = r->geo_col = -1;
	size_t n;
	const char *id = tl_cbs_table_id(r->name, &n);
	r->table = id ? tl_arena_strndup(r->a, id, n) : NULL;
	r->st.meta = meta != NULL;
}

static int finish(struct v3 *r, size_t before, int io, struct tl_cbs_v3_stats *stats)
{
	if (r->cols && !r->setup && !r->fatal && !r->stop) {
		for (size_t i = 0; i < r->ncols; i++)
			r->vals[i].kind = V_ABSENT;
		setup(r); /* a header without rows still has topics */
	}
	r->st.meta = r->meta != NULL && r->cols != NULL;
	if (stats)
		*stats = r->st;
	for (size_t i = 0; r->slot && i < r->ncols; i++)
		tl_buf_free(&r->slot[i]);
	free(r->slot);
	free(r->cols);
	free(r->vals);
	free(r->rdims);
	tl_strmap_free(r->col_of);
	tl_strmap_free(r->reported);
	tl_strmap_free(r->warned);
	tl_buf_free(&r->scratch);
	tl_buf_free(&r->q);
	tl_arena_free(r->a);
	if (r->stop)
		return r->stop;
	if (io)
		return TL_ERR_IO;
	return tl_errors_count(r->errs) > before ? TL_ERR_INPUT : TL_OK;
}

static int csv_run(const char *name, FILE *f, const char *data, size_t len, const tl_cbs_meta *meta,
		   const struct tl_raw_sink *sink, struct tl_cbs_v3_stats *stats, tl_errors *errs)
{
	size_t before = tl_errors_count(errs);
	struct v3 r;
	init(&r, name, meta, sink, errs);
	struct tl_csv_opts o = {0};
	o.delim = ';';
	tl_csv *c = f ? tl_csv_open_file(f, r.name, &o) : tl_csv_open_mem(data, len, r.name, &o);
	int io = 0;
	read_csv(&r, c, r.table, &io);
	tl_csv_close(c);
	return finish(&r, before, io, stats);
}

static int json_run(const char *name, FILE *f, const char *data, size_t len,
		    const tl_cbs_meta *meta, const struct tl_raw_sink *sink,
		    struct tl_cbs_v3_stats *stats, tl_errors *errs)
{
	size_t before = tl_errors_count(errs);
	struct v3 r;
	init(&r, name, meta, sink, errs);
	struct json_ctx jc = {&r, r.table};
	int rc = tl_cbs_json_each(r.name, f, data, len, json_row, &jc, errs);
	if (!r.cols && !rc && !r.stop)
		err_at(&r, 1, 1, "no row objects: the page's \"value\" array is empty");
	return finish(&r, before, rc == TL_ERR_IO, stats);
}

/* Open path and the metadata beside it; run. */
static int path_run(const char *path, int json, const struct tl_raw_sink *sink,
		    struct tl_cbs_v3_stats *stats, tl_errors *errs)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	FILE *f = fopen(path, "rb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return TL_ERR_IO;
	}
	size_t before = tl_errors_count(errs);
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	if (!*dir) {
		free(dir);
		dir = xstrdup("/");
	}
	size_t n;
	const char *id = tl_cbs_table_id(path, &n);
	char idc[16] = "";
	if (id)
		memcpy(idc, id, n);
	tl_cbs_meta *meta = tl_cbs_meta_beside(dir, id ? idc : NULL, errs);
	int rc = json ? json_run(path, f, NULL, 0, meta, sink, stats, errs)
		      : csv_run(path, f, NULL, 0, meta, sink, stats, errs);
	if (rc == TL_OK && tl_errors_count(errs) > before)
		rc = TL_ERR_INPUT; /* the metadata had errors */
	tl_cbs_meta_free(meta);
	free(dir);
	fclose(f);
	return rc;
}

int tl_read_cbs_v3_csv_stats(const char *path, const struct tl_raw_sink *sink,
			     struct tl_cbs_v3_stats *stats, tl_errors *errs)
{
	return path_run(path, 0, sink, stats, errs);
}

int tl_read_cbs_v3_csv(const char *path, const struct tl_raw_sink *sink, tl_errors *errs)
{
	return path_run(path, 0, sink, NULL, errs);
}

int tl_read_cbs_v3_csv_mem(const char *name, const char *data, size_t len, const tl_cbs_meta *meta,
			   const struct tl_raw_sink *sink, struct tl_cbs_v3_stats *stats,
			   tl_errors *errs)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	return csv_run(name, NULL, data ? data : "", data ? len : 0, meta, sink, stats, errs);
}

int tl_read_cbs_v3_json_stats(const char *path, const struct tl_raw_sink *sink,
			      struct tl_cbs_v3_stats *stats, tl_errors *errs)
{
	return path_run(path, 1, sink, stats, errs);
}

int tl_read_cbs_v3_json(const char *path, const struct tl_raw_sink *sink, tl_errors *errs)
{
	return path_run(path, 1, sink, NULL, errs);
}

int tl_read_cbs_v3_json_mem(const char *name, const char *data, size_t len,
			    const tl_cbs_meta *meta, const struct tl_raw_sink *sink,
			    struct tl_cbs_v3_stats *stats, tl_errors *errs)
{
	if (stats)
		memset(stats, 0, sizeof *stats);
	return json_run(name, NULL, data ? data : "", data ? len : 0, meta, sink, stats, errs);
}

int tl_sniff_cbs_v3_csv(const char *head, size_t n)
{
	if (!head || !n)
		return 0;
	struct tl_csv_opts o = {0};
	o.delim = ';';
	o.max_fields = HEAD_FIELDS;
	tl_csv *c = tl_csv_open_mem(head, n, "head", &o);
	tl_errors errs = TL_ERRORS_INIT;
	errs.limit = 4;
	const struct tl_csv_field *f;
	size_t nf;
	int ok = tl_csv_next(c, &f, &nf, &errs) == 1 && nf >= 2 && tl_slice_eq(f[0].s, f[0].n, "ID");
	int topics = 0;
	for (size_t i = 1; ok && i < nf; i++) {
		for (size_t k = 0; ok && k < f[i].n; k++) {
			char ch = f[i].s[k];
			ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
			     ch == '_';
		}
		ok = ok && f[i].n > 0;
		if (ok && stem_len(f[i].s))
			topics++;
	}
	tl_csv_close(c);
	tl_errors_free(&errs);
	return ok && topics > 0;
}

int tl_sniff_cbs_v3_json(const char *head, size_t n)
{
	return tl_cbs_json_sniff(head, n) == TL_CBS_JSON_DATA;
}
