/*
 * cbs_meta — CBS metadata and the shared pieces of the CBS readers
 * (cbs_meta.h).
 *
 * Four parts: region-code helpers; the streaming JSON page reader, which
 * walks the document byte by byte only outside the element objects, copies
 * each element object into a buffer (noting where each member's value
 * starts) and lets jansson parse it; the metadata model (properties and
 * period statuses in an arena, looked up through hash maps); and the
 * metadata readers, which fill the model and, when given a sink, report
 * what they read as they read it.
 */
#include "cbs_meta.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/file.h"
#include "../core/fmt.h"
#include "../core/str.h"
#include "../core/strmap.h"
#include "../core/xalloc.h"
#include "csv.h"

/* ---- Region codes and table ids ------------------------------------------ */

static const struct {
	char prefix[3];
	const char *level; /* NULL: a known prefix without a telling level */
} prefixes[] = {
	{"NL", "land"},     {"LD", "landsdeel"}, {"PV", "provincie"}, {"CR", "corop"},
	{"GM", "gemeente"}, {"WK", "wijk"},      {"BU", "buurt"},     {"WP", "woonplaats"},
	{"AM", NULL},       {"GG", NULL},        {"JZ", NULL},        {"VR", NULL},
	{"ZK", NULL},       {"RE", NULL},
};

static int known_prefix(const char *s, size_t n, const char **level)
{
	if (n < 2)
		return 0;
	for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
		if (s[0] == prefixes[i].prefix[0] && s[1] == prefixes[i].prefix[1]) {
			*level = prefixes[i].level;
			return 1;
		}
	return 0;
}

int tl_cbs_region_code_like(const char *s, size_t n)
{
	const char *level;
	if (n < 4 || n > 12 || !known_prefix(s, n, &level) || s[2] < '0' || s[2] > '9')
		return 0;
	for (size_t i = 3; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'A' && s[i] <= 'Z')))
			return 0;
	return 1;
}

const char *tl_cbs_region_level(const char *s, size_t n)
{
	const char *level = NULL;
	if (!tl_cbs_region_code_like(s, n) || !known_prefix(s, n, &level))
		return NULL;
	return level;
}

size_t tl_cbs_region_name_len(const char *title, const char *level)
{
	size_t n = strlen(title);
	const char *suf = NULL;
	if (!level)
		return n;
	if (!strcmp(level, "provincie"))
		suf = " (PV)";
	else if (!strcmp(level, "landsdeel"))
		suf = " (LD)";
	else if (!strcmp(level, "corop"))
		suf = " (CR)";
	else if (!strcmp(level, "gemeente"))
		suf = " (gemeente)";
	if (!suf)
		return n;
	size_t k = strlen(suf);
	if (n > k && memcmp(title + n - k, suf, k) == 0)
		return n - k;
	return n;
}

const char *tl_cbs_table_id(const char *path, size_t *n)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	for (int i = 0; i < 5; i++)
		if (base[i] < '0' || base[i] > '9')
			return NULL;
	for (int i = 5; i < 8; i++) {
		char c = base[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return NULL;
	}
	char next = base[8];
	if (next && next != '_' && next != '.' && next != '-')
		return NULL;
	*n = 8;
	return base;
}

/* ---- Streaming JSON pages ------------------------------------------------- */

enum {
	J_CHUNK = 64 * 1024,
	J_DEPTH = 256,     /* nesting inside one element object */
	J_KEY = 128,       /* bytes of a top-level member name kept */
	J_META = 512,      /* bytes of the odata.metadata URL kept */
};

struct jin {
	const char *name;
	tl_errors *errs;
	FILE *f;                 /* borrowed; NULL for memory input */
	const unsigned char *p;  /* window: p[i..n) is unread */
	size_t n, i;
	unsigned char *buf;      /* FILE input: the window's storage (owned) */
	int eof, io_error;
	unsigned line, col;      /* position of p[i] */
	tl_buf obj;              /* the element object being captured */
	unsigned *vl, *vc;       /* its members' value positions (owned) */
	size_t nv, vcap;
	char meta[J_META];
	int have_meta;
	tl_cbs_json_fn fn;
	void *ctx;
	int stop;                /* fn's negative value */
};

static void jerr(struct jin *j, unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void jerr(struct jin *j, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tl_errors_vadd(j->errs, 0, j->name, line, col, NULL, fmt, ap);
	va_end(ap);
}

static int refill(struct jin *j)
{
	if (!j->f || j->eof)
		return 0;
	errno = 0;
	size_t got = fread(j->buf, 1, J_CHUNK, j->f);
	if (got < J_CHUNK) {
		j->eof = 1;
		if (ferror(j->f))
			j->io_error = errno ? errno : EIO;
	}
	j->p = j->buf;
	j->n = got;
	j->i = 0;
	return got > 0;
}

static inline int jpeek(struct jin *j)
{
	if (j->i == j->n && !refill(j))
		return -1;
	return j->p[j->i];
}

static inline int jget(struct jin *j)
{
	int c = jpeek(j);
	if (c < 0)
		return c;
	j->i++;
	if (c == '\n') {
		j->line++;
		j->col = 1;
	} else if ((c & 0xC0) != 0x80) {
		j->col++;
	}
	return c;
}

static void jws(struct jin *j)
{
	for (;;) {
		int c = jpeek(j);
		if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
			return;
		jget(j);
	}
}

/* A structural error at the current position, quoting what comes next. */
static int jfail(struct jin *j, const char *what)
{
	unsigned line = j->line, col = j->col;
	if (j->io_error) {
		jerr(j, line, col, "read error: %s", strerror(j->io_error));
		return TL_ERR_IO;
	}
	tl_buf ahead = TL_BUF_INIT, q = TL_BUF_INIT;
	for (int k = 0; k < 40; k++) {
		int c = jpeek(j);
		if (c < 0 || c == '\n' || c == '\r')
			break;
		tl_buf_putc(&ahead, (char)jget(j));
	}
	if (ahead.len) {
		tl_csv_snippet(&q, ahead.data, ahead.len);
		jerr(j, line, col, "%s (found: %s)", what, q.data);
	} else {
		jerr(j, line, col, "%s (found: the end of the file)", what);
	}
	tl_buf_free(&ahead);
	tl_buf_free(&q);
	return TL_ERR_INPUT;
}

/* A string at '"', its raw bytes (escapes kept) into out[0..max) when out is
 * given.  0, or -1 at the end of the input. */
static int jstring(struct jin *j, char *out, size_t max, size_t *len)
{
	size_t k = 0;
	jget(j);
	for (;;) {
		int c = jget(j);
		if (c < 0)
			return -1;
		if (c == '"')
			break;
		if (out && k + 1 < max)
			out[k++] = (char)c;
		if (c == '\\') {
			c = jget(j);
			if (c < 0)
				return -1;
			if (out && k + 1 < max)
				out[k++] = (char)c;
		}
	}
	if (out)
		out[k] = '\0';
	if (len)
		*len = k;
	return 0;
}

/* An object or array at '{' or '[', to its matching close.  With keep, its
 * bytes go to j->obj and, for an object, where each member's value starts
 * to j->vl/vc.  0; -1 at the end of the input; -2 over the size limit; -3
 * nested too deep. */
static int jcapture(struct jin *j, int keep)
{
	int depth = 0, instr = 0, esc = 0, want = 0;
	tl_buf_reset(&j->obj);
	j->nv = 0;
	for (;;) {
		int c = jpeek(j);
		if (c < 0)
			return -1;
		if (want && !instr && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
			if (j->nv == j->vcap) {
				j->vcap = j->vcap ? j->vcap * 2 : 64;
				j->vl = xrealloc(j->vl, j->vcap * sizeof *j->vl);
				j->vc = xrealloc(j->vc, j->vcap * sizeof *j->vc);
			}
			j->vl[j->nv] = j->line;
			j->vc[j->nv] = j->col;
			j->nv++;
			want = 0;
		}
		jget(j);
		if (keep) {
			if (j->obj.len >= TL_CBS_JSON_MAX_OBJECT)
				return -2;
			tl_buf_putc(&j->obj, (char)c);
		}
		if (instr) {
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"')
				instr = 0;
			continue;
		}
		switch (c) {
		case '"':
			instr = 1;
			break;
		case '{':
		case '[':
			if (++depth > J_DEPTH)
				return -3;
			break;
		case '}':
		case ']':
			if (--depth == 0)
				return 0;
			break;
		case ':':
			want = keep && depth == 1;
			break;
		}
	}
}

/* Skip any value at the current position.  0, or < 0 as jcapture. */
static int jskip(struct jin *j)
{
	int c = jpeek(j);
	if (c == '"')
		return jstring(j, NULL, 0, NULL);
	if (c == '{' || c == '[')
		return jcapture(j, 0);
	int any = 0;
	while ((c = jpeek(j)) >= 0 && c != ',' && c != '}' && c != ']' && c != ' ' && c != '\t' &&
	       c != '\r' && c != '\n') {
		jget(j);
		any = 1;
	}
	return any ? 0 : -1;
}

static int capture_failed(struct jin *j, int r, unsigned line, unsigned col)
{
	if (j->io_error)
		return jfail(j, "read error");
	if (r == -2)
		jerr(j, line, col, "object longer than %u bytes: refused", TL_CBS_JSON_MAX_OBJECT);
	else if (r == -3)
		jerr(j, line, col, "object nested deeper than %d levels: refused", J_DEPTH);
	else
		jerr(j, line, col, "unterminated object: the file ends inside it");
	return TL_ERR_INPUT;
}

/* The elements of an array at '['. */
static int jelements(struct jin *j)
{
	jget(j);
	jws(j);
	if (jpeek(j) == ']') {
		jget(j);
		return 0;
	}
	for (long index = 0;; index++) {
		jws(j);
		unsigned line = j->line, col = j->col;
		int c = jpeek(j);
		if (c == '{') {
			int r = jcapture(j, 1);
			if (r)
				return capture_failed(j, r, line, col);
			json_error_t e;
			json_t *o = json_loadb(j->obj.data, j->obj.len,
					       JSON_REJECT_DUPLICATES | JSON_DECODE_INT_AS_REAL, &e);
			if (!o) {
				unsigned el = e.line > 0 ? (unsigned)e.line : 1;
				unsigned ec = e.column > 0 ? (unsigned)e.column : 1;
				jerr(j, line + el - 1, el == 1 ? col + ec - 1 : ec, "malformed JSON object: %s",
				     e.text);
			} else {
				struct tl_cbs_json_obj ob = {o, line, col, j->vl, j->vc, j->nv, index,
							     j->have_meta ? j->meta : NULL};
				if (ob.nmembers != json_object_size(o))
					ob.nmembers = 0; /* should not happen: positions unknown */
				int rc = j->fn(j->ctx, &ob);
				json_decref(o);
				if (rc < 0) {
					j->stop = rc;
					return rc;
				}
			}
		} else if (c < 0) {
			return jfail(j, "unterminated array: expected an object or ']'");
		} else {
			jerr(j, line, col, "element %ld of the array is not an object: skipped", index + 1);
			int r = jskip(j);
			if (r)
				return r == -1 ? jfail(j, "unterminated value") : capture_failed(j, r, line, col);
		}
		jws(j);
		c = jpeek(j);
		if (c == ',') {
			jget(j);
			continue;
		}
		if (c == ']') {
			jget(j);
			return 0;
		}
		return jfail(j, "expected ',' or ']' after an element of the array");
	}
}

/* The members of the top-level object at '{'. */
static int jpage(struct jin *j)
{
	int found = 0;
	jget(j);
	jws(j);
	if (jpeek(j) == '}') {
		jget(j);
		jerr(j, j->line, j->col, "empty JSON object: an OData page has a \"value\" array");
		return TL_ERR_INPUT;
	}
	for (;;) {
		jws(j);
		if (jpeek(j) != '"')
			return jfail(j, "expected a member name in quotes");
		char key[J_KEY];
		size_t klen;
		if (jstring(j, key, sizeof key, &klen))
			return jfail(j, "unterminated member name");
		jws(j);
		if (jpeek(j) != ':')
			return jfail(j, "expected ':' after a member name");
		jget(j);
		jws(j);
		unsigned line = j->line, col = j->col;
		if (!strcmp(key, "value")) {
			if (found) {
				jerr(j, line, col, "a second \"value\" member: not an OData JSON page");
				return TL_ERR_INPUT;
			}
			if (jpeek(j) != '[')
				return jfail(j, "\"value\" is not an array");
			int rc = jelements(j);
			if (rc)
				return rc;
			found = 1;
		} else if (!strcmp(key, "odata.metadata") && jpeek(j) == '"') {
			if (jstring(j, j->meta, sizeof j->meta, NULL))
				return jfail(j, "unterminated string");
			j->have_meta = 1;
		} else {
			int r = jskip(j);
			if (r)
				return r == -1 ? jfail(j, "unterminated value") : capture_failed(j, r, line, col);
		}
		jws(j);
		int c = jpeek(j);
		if (c == ',') {
			jget(j);
			continue;
		}
		if (c == '}') {
			jget(j);
			break;
		}
		return jfail(j, "expected ',' or '}' after a member");
	}
	if (!found) {
		jerr(j, 1, 1, "no \"value\" array: not an OData JSON page");
		return TL_ERR_INPUT;
	}
	return 0;
}

int tl_cbs_json_each(const char *name, FILE *f, const char *data, size_t len, tl_cbs_json_fn fn,
		     void *ctx, tl_errors *errs)
{
	struct jin j;
	memset(&j, 0, sizeof j);
	j.name = name ? name : "-";
	j.errs = errs;
	j.f = f;
	j.fn = fn;
	j.ctx = ctx;
	j.line = j.col = 1;
	if (f) {
		j.buf = xmalloc(J_CHUNK);
		j.p = j.buf;
	} else {
		j.p = (const unsigned char *)(data ? data : "");
		j.n = data ? len : 0;
	}
	int rc = 0;
	if (jpeek(&j) == 0xEF) {
		int ok = jget(&j) == 0xEF && jget(&j) == 0xBB && jget(&j) == 0xBF;
		j.col = 1;
		if (!ok) {
			jerr(&j, 1, 1, "not UTF-8 JSON: a broken byte order mark");
			rc = TL_ERR_INPUT;
		}
	}
	if (!rc) {
		jws(&j);
		int c = jpeek(&j);
		if (c == '[')
			rc = jelements(&j);
		else if (c == '{')
			rc = jpage(&j);
		else if (c < 0 && !j.io_error)
			jerr(&j, j.line, j.col, "empty file: expected a JSON document"), rc = TL_ERR_INPUT;
		else
			rc = jfail(&j, "not an OData JSON page: expected '{' or '['");
	}
	if (!rc) {
		jws(&j);
		if (jpeek(&j) >= 0)
			rc = jfail(&j, "text after the end of the JSON document");
		else if (j.io_error)
			rc = jfail(&j, "read error");
	}
	free(j.buf);
	free(j.vl);
	free(j.vc);
	tl_buf_free(&j.obj);
	return rc;
}

/* ---- Metadata model ---------------------------------------------------------- */

struct tl_cbs_meta {
	tl_arena *a;
	struct tl_cbs_prop *props; /* owned (xrealloc) */
	size_t nprops, pcap;
	tl_strmap *by_key;         /* key → index + 1 */
	tl_strmap *periods;        /* code → status + 1 */
	size_t nperiods;
	const char *id, *title;    /* arena, may be NULL */
	int text_year;             /* a year stated with "indeling" in TableInfos */
};

tl_cbs_meta *tl_cbs_meta_new(void)
{
	tl_cbs_meta *m = xcalloc(1, sizeof *m);
	m->a = tl_arena_new();
	m->by_key = tl_strmap_new(m->a);
	m->periods = tl_strmap_new(m->a);
	return m;
}

void tl_cbs_meta_free(tl_cbs_meta *m)
{
	if (!m)
		return;
	tl_strmap_free(m->by_key);
	tl_strmap_free(m->periods);
	free(m->props);
	tl_arena_free(m->a);
	free(m);
}

const struct tl_cbs_prop *tl_cbs_meta_prop(const tl_cbs_meta *m, const char *key)
{
	if (!m || !key)
		return NULL;
	uintptr_t i = (uintptr_t)tl_strmap_get(m->by_key, key, NULL);
	return i ? &m->props[i - 1] : NULL;
}

size_t tl_cbs_meta_count(const tl_cbs_meta *m)
{
	return m ? m->nprops : 0;
}

const struct tl_cbs_prop *tl_cbs_meta_at(const tl_cbs_meta *m, size_t i)
{
	return m && i < m->nprops ? &m->props[i] : NULL;
}

const char *tl_cbs_meta_table(const tl_cbs_meta *m, const char **title)
{
	if (title)
		*title = m ? m->title : NULL;
	return m ? m->id : NULL;
}

int tl_cbs_meta_year(const tl_cbs_meta *m)
{
	if (!m)
		return 0;
	for (size_t i = 0; i < m->nprops; i++)
		if (m->props[i].kind == TL_CBS_GEO && m->props[i].map_year)
			return m->props[i].map_year;
	return m->text_year;
}

int tl_cbs_meta_period(const tl_cbs_meta *m, const char *code, size_t n, enum tl_status *st)
{
	if (!m || !m->nperiods || n == 0 || n > 32)
		return 0;
	char k[33];
	memcpy(k, code, n);
	k[n] = '\0';
	uintptr_t v = (uintptr_t)tl_strmap_get(m->periods, k, NULL);
	if (!v)
		return 0;
	*st = (enum tl_status)(v - 1);
	return 1;
}

size_t tl_cbs_meta_periods(const tl_cbs_meta *m)
{
	return m ? m->nperiods : 0;
}

/* A year (1800..2200) stated with "indeling" in text: "(indeling 2023)",
 * "gemeentelijke indeling is 1 januari 2025".  "herindeling" does not
 * count.  0 when there is none. */
static int indeling_year(const char *s)
{
	if (!s)
		return 0;
	for (const char *p = s; (p = strstr(p, "indeling")) != NULL; p += 8) {
		if (p - s >= 3 && tl_slice_eq_ci(p - 3, 3, "her"))
			continue;
		const char *end = p + 8;
		for (int k = 0; k < 48 && end[k]; k++) {
			const char *d = end + k;
			if (d[0] >= '0' && d[0] <= '9' && d[1] >= '0' && d[1] <= '9' && d[2] >= '0' &&
			    d[2] <= '9' && d[3] >= '0' && d[3] <= '9' && !(d[4] >= '0' && d[4] <= '9') &&
			    !(k > 0 && d[-1] >= '0' && d[-1] <= '9')) {
				int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
				if (y >= 1800 && y <= 2200)
					return y;
			}
			if (d[0] == '.' || d[0] == '\n')
				break;
		}
	}
	return 0;
}

/* Parse a Decimals or MapYear text: a whole number in [lo, hi].  0 or -1. */
static int small_int(const char *s, size_t n, int lo, int hi, int *out)
{
	double v;
	s = tl_trim(s, &n);
	if (!n || tl_parse_decimal(s, n, '.', &v) != 0 || v != (double)(int)v || v < lo || v > hi)
		return -1;
	*out = (int)v;
	return 0;
}

/* Map a period Status text.  0, or -1 when it is none of the three. */
static int status_of(const char *s, size_t n, enum tl_status *st)
{
	s = tl_trim(s, &n);
	if (!n || tl_slice_eq_ci(s, n, "Definitief")) {
		*st = TL_STATUS_FINAL;
		return 0;
	}
	if (tl_slice_eq_ci(s, n, "Voorlopig") || tl_slice_eq_ci(s, n, "Nader voorlopig")) {
		*st = TL_STATUS_PROVISIONAL;
		return 0;
	}
	*st = TL_STATUS_FINAL;
	return -1;
}

/* The kind of a DataProperties Type.  0 and *kind set, 1 for a TopicGroup,
 * -1 for an unknown Type. */
static int kind_of(const char *s, size_t n, enum tl_cbs_kind *kind)
{
	if (tl_slice_eq(s, n, "Topic"))
		*kind = TL_CBS_TOPIC;
	else if (tl_slice_eq(s, n, "Dimension"))
		*kind = TL_CBS_DIMENSION;
	else if (tl_slice_eq(s, n, "GeoDimension") || tl_slice_eq(s, n, "GeoDetail"))
		*kind = TL_CBS_GEO;
	else if (tl_slice_eq(s, n, "TimeDimension"))
		*kind = TL_CBS_TIME;
	else if (tl_slice_eq(s, n, "TopicGroup"))
		return 1;
	else
		return -1;
	return 0;
}

/* Add a property (the strings are copied).  -1 when the key is there already. */
/* A property Key is an identifier ("Gemeentenaam_1", "WijkenEnBuurten"):
 * no blanks or control characters anywhere.  Anything else is not CBS
 * metadata, and would make a topic no spec can name. */
static int key_ok(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f)
			return 0;
	return 1;
}

static int add_prop(tl_cbs_meta *m, const struct tl_cbs_prop *p)
{
	if (tl_strmap_get(m->by_key, p->key, NULL))
		return -1;
	if (m->nprops == m->pcap) {
		m->pcap = m->pcap ? m->pcap * 2 : 32;
		m->props = xrealloc(m->props, m->pcap * sizeof *m->props);
	}
	struct tl_cbs_prop *q = &m->props[m->nprops++];
	*q = *p;
	q->key = tl_strmap_put(m->by_key, p->key, (void *)(uintptr_t)m->nprops);
	q->title = p->title && *p->title ? tl_arena_strdup(m->a, p->title) : NULL;
	q->unit = p->unit && *p->unit ? tl_arena_strdup(m->a, p->unit) : NULL;
	return 0;
}

static void add_period(tl_cbs_meta *m, const char *code, enum tl_status st)
{
	if (!tl_strmap_get(m->periods, code, NULL))
		m->nperiods++;
	tl_strmap_put(m->periods, code, (void *)(uintptr_t)(st + 1));
}

/* ---- Metadata JSON ------------------------------------------------------------ */

struct mjson {
	tl_cbs_meta *m;
	const char *name;
	tl_errors *errs;
	tl_buf q;
};

/* Where member `key` of o starts (the object's position when unknown). */
static void member_pos(const struct tl_cbs_json_obj *o, const char *key, unsigned *line,
		       unsigned *col)
{
	*line = o->line;
	*col = o->col;
	size_t i = 0;
	const char *k;
	json_t *v;
	json_object_foreach(o->obj, k, v)
	{
		if (!strcmp(k, key) && i < o->nmembers) {
			*line = o->vline[i];
			*col = o->vcol[i];
			return;
		}
		i++;
	}
}

/* A member as trimmed text (strings, or numbers written as text), or NULL. */
static const char *member_text(struct mjson *mj, json_t *obj, const char *key, size_t *n)
{
	json_t *v = json_object_get(obj, key);
	if (json_is_string(v)) {
		*n = json_string_length(v);
		return tl_trim(json_string_value(v), n);
	}
	if (json_is_number(v)) {
		tl_buf_reset(&mj->q);
		double d = json_number_value(v);
		if (d == (double)(long long)d)
			tl_buf_printf(&mj->q, "%lld", (long long)d);
		else
			tl_buf_printf(&mj->q, "%.17g", d);
		*n = mj->q.len;
		return mj->q.data;
	}
	*n = 0;
	return NULL;
}

static const char *quote(tl_buf *b, const char *s, size_t n)
{
	tl_buf_reset(b);
	tl_csv_snippet(b, s, n);
	return b->data;
}

static void json_prop(struct mjson *mj, const struct tl_cbs_json_obj *o)
{
	size_t n;
	unsigned line, col;
	const char *type = member_text(mj, o->obj, "Type", &n);
	struct tl_cbs_prop p;
	memset(&p, 0, sizeof p);
	int k = kind_of(type, n, &p.kind);
	if (k == 1)
		return;
	tl_buf q = TL_BUF_INIT;
	if (k < 0) {
		member_pos(o, "Type", &line, &col);
		tl_errors_warn(mj->errs, mj->name, line, col, NULL,
			       "unknown DataProperties Type %s: property skipped", quote(&q, type, n));
		tl_buf_free(&q);
		return;
	}
	const char *key = member_text(mj, o->obj, "Key", &n);
	if (!key || !n) {
		member_pos(o, "Key", &line, &col);
		tl_errors_add(mj->errs, mj->name, line, col, NULL, "a %s property without a Key",
			      json_string_value(json_object_get(o->obj, "Type")));
		return;
	}
	if (!key_ok(key, n)) {
		member_pos(o, "Key", &line, &col);
		tl_errors_add(mj->errs, mj->name, line, col, NULL,
			      "property Key %s has blanks or control characters: not an identifier", quote(&q, key, n));
		tl_buf_free(&q);
		return;
	}
	char *keyc = tl_arena_strndup(mj->m->a, key, n);
	p.key = keyc;
	const char *s = member_text(mj, o->obj, "Title", &n);
	p.title = s ? tl_arena_strndup(mj->m->a, s, n) : NULL;
	s = member_text(mj, o->obj, "Unit", &n);
	p.unit = s ? tl_arena_strndup(mj->m->a, s, n) : NULL;
	p.decimals = -1;
	s = member_text(mj, o->obj, "Decimals", &n);
	if (s && n && small_int(s, n, 0, 20, &p.decimals)) {
		member_pos(o, "Decimals", &line, &col);
		tl_errors_add(mj->errs, mj->name, line, col, NULL,
			      "Decimals %s of %s is not a whole number from 0 to 20", quote(&q, s, n), keyc);
		p.decimals = -1;
	}
	p.numeric = p.kind == TL_CBS_TOPIC;
	s = member_text(mj, o->obj, "Datatype", &n);
	if (s && tl_slice_eq_ci(s, n, "String"))
		p.numeric = 0;
	s = member_text(mj, o->obj, "MapYear", &n);
	if (s && n && small_int(s, n, 1800, 2200, &p.map_year)) {
		member_pos(o, "MapYear", &line, &col);
		tl_errors_warn(mj->errs, mj->name, line, col, NULL, "MapYear %s is not a year: ignored",
			       quote(&q, s, n));
		p.map_year = 0;
	}
	if (add_prop(mj->m, &p)) {
		member_pos(o, "Key", &line, &col);
		tl_errors_add(mj->errs, mj->name, line, col, NULL, "property %s is listed twice", keyc);
	}
	tl_buf_free(&q);
}

static int json_meta_obj(void *ctx, const struct tl_cbs_json_obj *o)
{
	struct mjson *mj = ctx;
	size_t n;
	unsigned line, col;
	if (json_object_get(o->obj, "Type")) {
		json_prop(mj, o);
	} else if (json_object_get(o->obj, "Identifier")) {
		const char *id = member_text(mj, o->obj, "Identifier", &n);
		if (!id || !n) {
			member_pos(o, "Identifier", &line, &col);
			tl_errors_add(mj->errs, mj->name, line, col, NULL, "empty table Identifier");
			return 0;
		}
		if (mj->m->id)
			return 0; /* one table per metadata */
		mj->m->id = tl_arena_strndup(mj->m->a, id, n);
		const char *t = member_text(mj, o->obj, "Title", &n);
		mj->m->title = t && n ? tl_arena_strndup(mj->m->a, t, n) : NULL;
		int y = indeling_year(mj->m->title);
		const char *fields[] = {"ShortDescription", "Description", "Summary"};
		for (size_t i = 0; i < 3 && !y; i++) {
			json_t *v = json_object_get(o->obj, fields[i]);
			if (json_is_string(v))
				y = indeling_year(json_string_value(v));
		}
		mj->m->text_year = y;
	} else if (json_object_get(o->obj, "Key") && json_object_get(o->obj, "Status")) {
		const char *key = member_text(mj, o->obj, "Key", &n);
		if (!key || !n || n > 32) {
			member_pos(o, "Key", &line, &col);
			tl_errors_add(mj->errs, mj->name, line, col, NULL, "a period without a usable Key");
			return 0;
		}
		char *code = tl_arena_strndup(mj->m->a, key, n);
		const char *s = member_text(mj, o->obj, "Status", &n);
		enum tl_status st;
		if (status_of(s ? s : "", s ? n : 0, &st)) {
			tl_buf q = TL_BUF_INIT;
			member_pos(o, "Status", &line, &col);
			tl_errors_warn(mj->errs, mj->name, line, col, NULL,
				       "unknown period Status %s: %s taken as final", quote(&q, s, n), code);
			tl_buf_free(&q);
		}
		add_period(mj->m, code, st);
	} else if (json_object_get(o->obj, "Key")) {
		/* A code list without statuses: nothing this module keeps. */
	} else {
		tl_errors_add(mj->errs, mj->name, o->line, o->col, NULL,
			      "not a DataProperties, TableInfos or code list object (no Type, Identifier "
			      "or Key)");
	}
	return 0;
}

static int add_json(tl_cbs_meta *m, const char *name, FILE *f, const char *data, size_t len,
		    tl_errors *errs)
{
	struct mjson mj = {m, name, errs, TL_BUF_INIT};
	int rc = tl_cbs_json_each(name, f, data, len, json_meta_obj, &mj, errs);
	tl_buf_free(&mj.q);
	return rc;
}

int tl_cbs_meta_add_json(tl_cbs_meta *m, const char *name, const char *data, size_t len,
			 tl_errors *errs)
{
	return add_json(m, name, NULL, data, len, errs);
}

int tl_cbs_meta_add_json_file(tl_cbs_meta *m, const char *path, tl_errors *errs)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return TL_ERR_IO;
	}
	int rc = add_json(m, path, f, NULL, 0, errs);
	fclose(f);
	return rc;
}

/* ---- Metadata CSV --------------------------------------------------------------- */

enum sec { S_NONE, S_TABLE, S_PROPS, S_GEO, S_TIME, S_OTHER };

/* Columns each section kind uses, by name. */
enum {
	C_ID, C_TITLE, C_SHORTDESC, C_DESC, C_SUMMARY, /* TableInfos */
	C_TYPE = 0, C_KEY, C_PTITLE, C_UNIT, C_DECIMALS, C_DATATYPE, C_MAPYEAR, /* DataProperties */
	C_CODE = 0, C_NAME, C_STATUS,                  /* code lists */
	NWANT = 7,
};

static const char *const want_table[] = {"Identifier", "Title", "ShortDescription", "Description",
					 "Summary", NULL};
static const char *const want_props[] = {"Type", "Key", "Title", "Unit", "Decimals", "Datatype",
					 "MapYear", NULL};
static const char *const want_codes[] = {"Key", "Title", "Status", NULL};

struct mcsv {
	tl_cbs_meta *m;
	const struct tl_raw_sink *sink; /* NULL: fill the model only */
	tl_errors *errs;
	const char *name;
	int stop;
	long topics, regions;
	enum sec sec;
	int header;           /* expecting the section's header row */
	size_t ncols;
	unsigned header_line;
	int col[NWANT];       /* wanted column → field index, -1 */
	const char *land;     /* the geo section's NL code (arena) */
	int year;             /* classification year for its regions */
	tl_buf q, code, rname;
};

static int sunk(struct mcsv *r, int rc)
{
	if (rc < 0 && !r->stop)
		r->stop = rc;
	return rc < 0;
}

static const char *fld(const struct mcsv *r, const struct tl_csv_field *f, int which, size_t *n)
{
	int i = r->col[which];
	if (i < 0) {
		*n = 0;
		return "";
	}
	*n = f[i].n;
	return tl_trim(f[i].s, n);
}

static const struct tl_csv_field *fld_at(const struct mcsv *r, const struct tl_csv_field *f,
					 int which)
{
	return r->col[which] >= 0 ? &f[r->col[which]] : &f[0];
}

/* A new section named s[0..n): its kind. */
static enum sec section_kind(const struct mcsv *r, const char *s, size_t n)
{
	if (tl_slice_eq(s, n, "TableInfos"))
		return S_TABLE;
	if (tl_slice_eq(s, n, "DataProperties"))
		return S_PROPS;
	int geo = 0, time = 0;
	for (size_t i = 0; i < r->m->nprops; i++) {
		const struct tl_cbs_prop *p = &r->m->props[i];
		geo |= p->kind == TL_CBS_GEO;
		time |= p->kind == TL_CBS_TIME;
		if (tl_slice_eq(s, n, p->key))
			return p->kind == TL_CBS_GEO ? S_GEO : p->kind == TL_CBS_TIME ? S_TIME : S_OTHER;
	}
	/* Not in DataProperties (or none came first): the usual names. */
	if (!geo && (tl_slice_eq(s, n, "RegioS") || tl_slice_eq(s, n, "WijkenEnBuurten") ||
		     tl_slice_eq(s, n, "Gemeenten")))
		return S_GEO;
	if (!time && tl_slice_eq(s, n, "Perioden"))
		return S_TIME;
	return S_OTHER;
}

static void csv_header(struct mcsv *r, const struct tl_csv_field *f, size_t n)
{
	const char *const *want = r->sec == S_TABLE   ? want_table
				  : r->sec == S_PROPS ? want_props
				  : r->sec == S_OTHER ? NULL
						      : want_codes;
	r->ncols = n;
	r->header_line = f[0].line;
	r->header = 0;
	for (int k = 0; k < NWANT; k++)
		r->col[k] = -1;
	for (int k = 0; want && want[k]; k++)
		for (size_t i = 0; i < n; i++) {
			size_t len = f[i].n;
			const char *s = tl_trim(f[i].s, &len);
			if (tl_slice_eq(s, len, want[k])) {
				r->col[k] = (int)i;
				break;
			}
		}
	const char *need = NULL;
	if (r->sec == S_TABLE && r->col[C_ID] < 0)
		need = "Identifier";
	else if (r->sec == S_PROPS && (r->col[C_TYPE] < 0 || r->col[C_KEY] < 0))
		need = r->col[C_TYPE] < 0 ? "Type" : "Key";
	else if ((r->sec == S_GEO || r->sec == S_TIME) && r->col[C_CODE] < 0)
		need = "Key";
	if (need) {
		tl_errors_add(r->errs, r->name, f[0].line, f[0].col, NULL,
			      "the header of this section has no column \"%s\": its rows are skipped",
			      need);
		r->sec = S_OTHER;
	}
	if (r->sec == S_GEO) {
		r->year = tl_cbs_meta_year(r->m);
		r->land = NULL;
	}
}

static void csv_table_row(struct mcsv *r, const struct tl_csv_field *f)
{
	size_t n;
	const char *id = fld(r, f, C_ID, &n);
	if (!n) {
		const struct tl_csv_field *at = fld_at(r, f, C_ID);
		tl_errors_add(r->errs, r->name, at->line, at->col, NULL, "empty table Identifier");
		return;
	}
	if (r->m->id)
		return;
	r->m->id = tl_arena_strndup(r->m->a, id, n);
	const char *t = fld(r, f, C_TITLE, &n);
	r->m->title = n ? tl_arena_strndup(r->m->a, t, n) : NULL;
	int y = indeling_year(r->m->title);
	for (int k = C_SHORTDESC; k <= C_SUMMARY && !y; k++) {
		if (r->col[k] >= 0)
			y = indeling_year(f[r->col[k]].s);
	}
	r->m->text_year = y;
	if (r->sink && r->sink->table)
		sunk(r, r->sink->table(r->sink->ctx, r->m->id, r->m->title));
}

static void csv_prop_row(struct mcsv *r, const struct tl_csv_field *f)
{
	size_t n;
	const char *type = fld(r, f, C_TYPE, &n);
	struct tl_cbs_prop p;
	memset(&p, 0, sizeof p);
	int k = kind_of(type, n, &p.kind);
	if (k == 1)
		return;
	if (k < 0) {
		const struct tl_csv_field *at = fld_at(r, f, C_TYPE);
		tl_errors_warn(r->errs, r->name, at->line, at->col, NULL,
			       "unknown DataProperties Type %s: property skipped", quote(&r->q, type, n));
		return;
	}
	const char *key = fld(r, f, C_KEY, &n);
	if (!n) {
		const struct tl_csv_field *at = fld_at(r, f, C_KEY);
		tl_errors_add(r->errs, r->name, at->line, at->col, NULL, "a %.*s property without a Key",
			      (int)(type ? strlen(type) : 0), type);
		return;
	}
	if (!key_ok(key, n)) {
		const struct tl_csv_field *at = fld_at(r, f, C_KEY);
		tl_buf q = TL_BUF_INIT;
		tl_errors_add(r->errs, r->name, at->line, at->col, NULL,
			      "property Key %s has blanks or control characters: not an identifier",
			      quote(&q, key, n));
		tl_buf_free(&q);
		return;
	}
	p.key = tl_arena_strndup(r->m->a, key, n);
	const char *s = fld(r, f, C_PTITLE, &n);
	p.title = tl_arena_strndup(r->m->a, s, n);
	s = fld(r, f, C_UNIT, &n);
	p.unit = tl_arena_strndup(r->m->a, s, n);
	p.decimals = -1;
	s = fld(r, f, C_DECIMALS, &n);
	if (n && small_int(s, n, 0, 20, &p.decimals)) {
		const struct tl_csv_field *at = fld_at(r, f, C_DECIMALS);
		tl_errors_add(r->errs, r->name, at->line, at->col, NULL,
			      "Decimals %s of %s is not a whole number from 0 to 20", quote(&r->q, s, n),
			      p.key);
		p.decimals = -1;
	}
	p.numeric = p.kind == TL_CBS_TOPIC;
	s = fld(r, f, C_DATATYPE, &n);
	if (tl_slice_eq_ci(s, n, "String"))
		p.numeric = 0;
	s = fld(r, f, C_MAPYEAR, &n);
	if (n && small_int(s, n, 1800, 2200, &p.map_year))
		p.map_year = 0;
	if (add_prop(r->m, &p)) {
		const struct tl_csv_field *at = fld_at(r, f, C_KEY);
		tl_errors_add(r->errs, r->name, at->line, at->col, NULL, "property %s is listed twice",
			      p.key);
		return;
	}
	if (p.kind != TL_CBS_TOPIC)
		return;
	const struct tl_cbs_prop *q = &r->m->props[r->m->nprops - 1];
	struct tl_raw_topic t = {q->key, q->title, q->unit, q->decimals, q->numeric};
	r->topics++;
	if (r->sink && r->sink->topic)
		sunk(r, r->sink->topic(r->sink->ctx, &t));
}

static void csv_geo_row(struct mcsv *r, const struct tl_csv_field *f)
{
	size_t n, tn;
	const char *code = fld(r, f, C_CODE, &n);
	if (!n) {
		const struct tl_csv_field *at = fld_at(r, f, C_CODE);
		tl_errors_add(r->errs, r->name, at->line, at->col, NULL, "empty region code");
		return;
	}
	tl_buf_reset(&r->code);
	tl_buf_put(&r->code, code, n);
	tl_buf_putc(&r->code, '\0');
	const char *title = fld(r, f, C_NAME, &tn);
	tl_buf_reset(&r->rname);
	tl_buf_put(&r->rname, title, tn);
	tl_buf_putc(&r->rname, '\0');

	struct tl_raw_region g;
	memset(&g, 0, sizeof g);
	g.code = r->code.data;
	g.level = tl_cbs_region_level(code, n);
	g.name = tn ? r->rname.data : NULL;
	if (g.name) {
		/* Cutting the level suffix can leave a line break of a quoted
		 * multi-line title at the end ("Drenthe\n (PV)"): trim it too. */
		size_t k = tl_cbs_region_name_len(g.name, g.level);
		const char *t = tl_trim(g.name, &k);
		memmove(r->rname.data, t, k);
		r->rname.data[k] = '\0';
	}
	if (g.name && !*g.name)
		g.name = NULL;
	if (g.level && !strcmp(g.level, "land") && !r->land)
		r->land = tl_arena_strdup(r->m->a, g.code);
	else if (g.level && r->land && (!strcmp(g.level, "provincie") || !strcmp(g.level, "landsdeel")))
		g.parent = r->land;
	g.classification_year = r->year;
	r->regions++;
	if (r->sink && r->sink->region)
		sunk(r, r->sink->region(r->sink->ctx, &g));
}

static void csv_time_row(struct mcsv *r, const struct tl_csv_field *f)
{
	size_t n, sn;
	const char *code = fld(r, f, C_CODE, &n);
	if (!n || n > 32) {
		const struct tl_csv_field *at = fld_at(r, f, C_CODE);
		tl_errors_add(r->errs, r->name, at->line, at->col, NULL, "a period without a usable Key: %s",
			      quote(&r->q, code, n));
		return;
	}
	char *c = tl_arena_strndup(r->m->a, code, n);
	const char *s = fld(r, f, C_STATUS, &sn);
	enum tl_status st;
	if (status_of(s, sn, &st)) {
		const struct tl_csv_field *at = fld_at(r, f, C_STATUS);
		tl_errors_warn(r->errs, r->name, at->line, at->col, NULL,
			       "unknown period Status %s: %s taken as final", quote(&r->q, s, sn), c);
	}
	add_period(r->m, c, st);
}

static int csv_blank(const struct tl_csv_field *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = f[i].n;
		tl_trim(f[i].s, &len);
		if (len)
			return 0;
	}
	return 1;
}

/* Read a metadata CSV from f or data into r->m, reporting to r->sink. */
static int meta_csv(struct mcsv *r, FILE *f, const char *data, size_t len)
{
	struct tl_csv_opts o = {0};
	o.delim = ';';
	tl_csv *c = f ? tl_csv_open_file(f, r->name, &o) : tl_csv_open_mem(data, len, r->name, &o);
	const struct tl_csv_field *fl;
	size_t n;
	int rc, seen = 0, io = 0, records = 0;
	while (!r->stop && (rc = tl_csv_next(c, &fl, &n, r->errs)) != 0) {
		records++;
		if (rc == TL_ERR_IO) {
			io = 1;
			break;
		}
		if (rc < 0 || csv_blank(fl, n))
			continue;
		if (n == 1) {
			size_t len1 = fl[0].n;
			const char *s = tl_trim(fl[0].s, &len1);
			r->sec = section_kind(r, s, len1);
			r->header = 1;
			seen = 1;
			continue;
		}
		if (!seen) {
			tl_errors_add(r->errs, r->name, fl[0].line, fl[0].col, NULL,
				      "not a CBS metadata CSV: expected a section name such as "
				      "\"TableInfos\" on a line of its own");
			break;
		}
		if (r->header) {
			csv_header(r, fl, n);
			continue;
		}
		if (n != r->ncols) {
			const struct tl_csv_field *at = n > r->ncols ? &fl[r->ncols] : &fl[n - 1];
			tl_errors_add(r->errs, r->name, at->line, at->col, NULL,
				      "row has %zu field%s, but the header (line %u) has %zu: %s", n,
				      n == 1 ? "" : "s", r->header_line, r->ncols, quote(&r->q, at->s, at->n));
			continue;
		}
		switch (r->sec) {
		case S_TABLE: csv_table_row(r, fl); break;
		case S_PROPS: csv_prop_row(r, fl); break;
		case S_GEO: csv_geo_row(r, fl); break;
		case S_TIME: csv_time_row(r, fl); break;
		default: break;
		}
	}
	if (!seen && !io && !r->stop && !records)
		tl_errors_add(r->errs, r->name, 1, 1, NULL, "empty file: expected a CBS metadata CSV");
	tl_csv_close(c);
	tl_buf_free(&r->q);
	tl_buf_free(&r->code);
	tl_buf_free(&r->rname);
	if (r->stop)
		return r->stop;
	return io ? TL_ERR_IO : 0;
}

int tl_cbs_meta_add_csv(tl_cbs_meta *m, const char *name, const char *data, size_t len,
			tl_errors *errs)
{
	struct mcsv r;
	memset(&r, 0, sizeof r);
	r.m = m;
	r.errs = errs;
	r.name = name ? name : "-";
	return meta_csv(&r, NULL, data, len);
}

int tl_cbs_meta_add_csv_file(tl_cbs_meta *m, const char *path, tl_errors *errs)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return TL_ERR_IO;
	}
	struct mcsv r;
	memset(&r, 0, sizeof r);
	r.m = m;
	r.errs = errs;
	r.name = path;
	int rc = meta_csv(&r, f, NULL, 0);
	fclose(f);
	return rc;
}

/* ---- Metadata beside a data file ------------------------------------------------ */

tl_cbs_meta *tl_cbs_meta_beside(const char *dir, const char *table_id, tl_errors *errs)
{
	tl_buf p = TL_BUF_INIT;
	tl_cbs_meta *m = NULL;
	int rc = 0;
	tl_buf_printf(&p, "%s/DataProperties.json", dir);
	if (tl_is_file(p.data)) {
		m = tl_cbs_meta_new();
		rc = tl_cbs_meta_add_json_file(m, p.data, errs);
		tl_buf_reset(&p);
		tl_buf_printf(&p, "%s/TableInfos.json", dir);
		if (!rc && tl_is_file(p.data))
			rc = tl_cbs_meta_add_json_file(m, p.data, errs);
		const char *time_key = "Perioden";
		for (size_t i = 0; i < m->nprops; i++)
			if (m->props[i].kind == TL_CBS_TIME) {
				time_key = m->props[i].key;
				break;
			}
		tl_buf_reset(&p);
		tl_buf_printf(&p, "%s/%s.json", dir, time_key);
		if (!rc && !strchr(time_key, '/') && tl_is_file(p.data))
			rc = tl_cbs_meta_add_json_file(m, p.data, errs);
	} else if (table_id) {
		/* <id>_metadata.csv, in the id's own case, then upper and lower. */
		char id[3][64];
		size_t n = strlen(table_id);
		if (n >= sizeof id[0])
			n = sizeof id[0] - 1;
		for (size_t i = 0; i < n; i++) {
			char ch = table_id[i];
			id[0][i] = ch;
			id[1][i] = (char)(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
			id[2][i] = (char)(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
		}
		for (int k = 0; k < 3; k++) {
			id[k][n] = '\0';
			tl_buf_reset(&p);
			tl_buf_printf(&p, "%s/%s_metadata.csv", dir, id[k]);
			if (tl_is_file(p.data)) {
				m = tl_cbs_meta_new();
				rc = tl_cbs_meta_add_csv_file(m, p.data, errs);
				break;
			}
		}
	}
	tl_buf_free(&p);
	if (rc < 0) {
		tl_cbs_meta_free(m);
		return NULL;
	}
	return m;
}

/* ---- Readers -------------------------------------------------------------------- */

static const struct tl_raw_sink no_sink = {NULL, NULL, NULL, NULL, NULL, NULL};

/* Report the table and topics of m. */
static int report_meta(const tl_cbs_meta *m, const struct tl_raw_sink *sink)
{
	if (m->id && sink->table) {
		int rc = sink->table(sink->ctx, m->id, m->title);
		if (rc < 0)
			return rc;
	}
	for (size_t i = 0; i < m->nprops; i++) {
		const struct tl_cbs_prop *p = &m->props[i];
		if (p->kind != TL_CBS_TOPIC)
			continue;
		struct tl_raw_topic t = {p->key, p->title, p->unit, p->decimals, p->numeric};
		if (sink->topic) {
			int rc = sink->topic(sink->ctx, &t);
			if (rc < 0)
				return rc;
		}
	}
	return 0;
}

static int base_is(const char *path, const char *name)
{
	const char *b = strrchr(path, '/');
	return !strcmp(b ? b + 1 : path, name);
}

/* One element of CategoryGroups.json: {"ID":1,"DimensionKey":"RegioS",
 * "Title":"…","Description":…,"ParentID":…}.  telling has no use for the
 * groups of a v3 table yet, but reads them with the table so that a broken
 * companion file is an error where it stands, not skipped unseen. */
struct cgroups {
	const char *name;
	tl_errors *errs;
	long n;
};

static int category_group(void *ctx, const struct tl_cbs_json_obj *o)
{
	struct cgroups *g = ctx;
	static const char *const need[] = {"ID", "DimensionKey", "Title"};
	g->n++;
	for (size_t i = 0; i < sizeof need / sizeof *need; i++) {
		json_t *v = json_object_get(o->obj, need[i]);
		int ok = i == 0 ? json_is_integer(v) : json_is_string(v);
		if (!ok)
			tl_errors_add(g->errs, g->name, o->line, o->col, need[i],
				      "category group %ld: %s %s", o->index + 1, need[i],
				      v ? (i == 0 ? "is not a whole number" : "is not a text") : "is missing");
	}
	return 0;
}

/* Read the CategoryGroups.json beside a DataProperties.json, when there is one. */
static int read_category_groups(const char *path, tl_errors *errs)
{
	if (!tl_is_file(path))
		return 0;
	FILE *f = fopen(path, "rb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return TL_ERR_IO;
	}
	struct cgroups g = {path, errs, 0};
	int rc = tl_cbs_json_each(path, f, NULL, 0, category_group, &g, errs);
	fclose(f);
	return rc;
}

int tl_read_cbs_meta_json(const char *dir_or_file, const struct tl_raw_sink *sink, tl_errors *errs)
{
	if (!sink)
		sink = &no_sink;
	size_t before = tl_errors_count(errs);
	tl_buf dp = TL_BUF_INIT, ti = TL_BUF_INIT;
	errno = 0;
	if (tl_is_dir(dir_or_file)) {
		tl_buf_printf(&dp, "%s/DataProperties.json", dir_or_file);
		tl_buf_printf(&ti, "%s/TableInfos.json", dir_or_file);
	} else if (tl_is_file(dir_or_file)) {
		const char *slash = strrchr(dir_or_file, '/');
		int dirlen = slash ? (int)(slash - dir_or_file) : 1;
		const char *dirp = slash ? dir_or_file : ".";
		if (base_is(dir_or_file, "DataProperties.json")) {
			tl_buf_puts(&dp, dir_or_file);
			tl_buf_printf(&ti, "%.*s/TableInfos.json", dirlen, dirp);
		} else if (base_is(dir_or_file, "TableInfos.json")) {
			tl_buf_puts(&ti, dir_or_file);
			tl_buf_printf(&dp, "%.*s/DataProperties.json", dirlen, dirp);
		} else {
			tl_buf_puts(&dp, dir_or_file);
			tl_buf_puts(&ti, "");
		}
	} else {
		tl_errors_add(errs, dir_or_file, 0, 0, NULL, "cannot open: %s",
			      errno ? strerror(errno) : "no such file or folder");
		return TL_ERR_IO;
	}
	tl_cbs_meta *m = tl_cbs_meta_new();
	int rc = 0, read = 0;
	if (ti.len && tl_is_file(ti.data)) {
		rc = tl_cbs_meta_add_json_file(m, ti.data, errs);
		read++;
	}
	if (rc != TL_ERR_IO && tl_is_file(dp.data)) {
		int r2 = tl_cbs_meta_add_json_file(m, dp.data, errs);
		rc = rc ? rc : r2;
		read++;
		/* The companion file of the same download, read with the table. */
		const char *slash = strrchr(dp.data, '/');
		tl_buf cg = TL_BUF_INIT;
		if (slash)
			tl_buf_printf(&cg, "%.*s/CategoryGroups.json", (int)(slash - dp.data), dp.data);
		else
			tl_buf_puts(&cg, "CategoryGroups.json");
		int r3 = read_category_groups(cg.data, errs);
		rc = rc ? rc : r3;
		tl_buf_free(&cg);
	}
	if (!read) {
		tl_errors_add(errs, dir_or_file, 0, 0, NULL,
			      "no DataProperties.json or TableInfos.json here: nothing to read");
		rc = TL_ERR_IO;
	}
	int stop = rc != TL_ERR_IO ? report_meta(m, sink) : 0;
	tl_cbs_meta_free(m);
	tl_buf_free(&dp);
	tl_buf_free(&ti);
	if (stop < 0)
		return stop;
	if (rc == TL_ERR_IO)
		return rc;
	return tl_errors_count(errs) > before ? TL_ERR_INPUT : TL_OK;
}

int tl_read_cbs_meta_json_mem(const char *name, const char *data, size_t len,
			      const struct tl_raw_sink *sink, tl_errors *errs)
{
	if (!sink)
		sink = &no_sink;
	size_t before = tl_errors_count(errs);
	tl_cbs_meta *m = tl_cbs_meta_new();
	int rc = tl_cbs_meta_add_json(m, name ? name : "-", data, len, errs);
	int r2 = report_meta(m, sink);
	tl_cbs_meta_free(m);
	if (r2 < 0)
		return r2;
	if (rc == TL_ERR_IO)
		return rc;
	return tl_errors_count(errs) > before ? TL_ERR_INPUT : TL_OK;
}

static int read_meta_csv(const char *name, FILE *f, const char *data, size_t len,
			 const struct tl_raw_sink *sink, tl_errors *errs)
{
	size_t before = tl_errors_count(errs);
	struct mcsv r;
	memset(&r, 0, sizeof r);
	r.m = tl_cbs_meta_new();
	r.sink = sink ? sink : &no_sink;
	r.errs = errs;
	r.name = name ? name : "-";
	int rc = meta_csv(&r, f, data, len);
	tl_cbs_meta_free(r.m);
	if (rc < 0)
		return rc;
	return tl_errors_count(errs) > before ? TL_ERR_INPUT : TL_OK;
}

int tl_read_cbs_meta_csv_mem(const char *name, const char *data, size_t len,
			     const struct tl_raw_sink *sink, tl_errors *errs)
{
	return read_meta_csv(name, NULL, data, len, sink, errs);
}

int tl_read_cbs_meta_csv(const char *path, const struct tl_raw_sink *sink, tl_errors *errs)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return TL_ERR_IO;
	}
	int rc = read_meta_csv(path, f, NULL, 0, sink, errs);
	fclose(f);
	return rc;
}

/* ---- Sniffers ------------------------------------------------------------------- */

int tl_sniff_cbs_meta_csv(const char *head, size_t n)
{
	if (!head || !n)
		return 0;
	struct tl_csv_opts o = {0};
	o.delim = ';';
	tl_csv *c = tl_csv_open_mem(head, n, "head", &o);
	tl_errors errs = TL_ERRORS_INIT;
	const struct tl_csv_field *f;
	size_t nf;
	int ok = 0;
	if (tl_csv_next(c, &f, &nf, &errs) == 1 && nf == 1 &&
	    (tl_slice_eq(f[0].s, f[0].n, "TableInfos") || tl_slice_eq(f[0].s, f[0].n, "DataProperties")) &&
	    tl_csv_next(c, &f, &nf, &errs) == 1 && nf >= 2) {
		for (size_t i = 0; i < nf && !ok; i++)
			ok = tl_slice_eq(f[i].s, f[i].n, "Identifier") || tl_slice_eq(f[i].s, f[i].n, "Key");
	}
	tl_csv_close(c);
	tl_errors_free(&errs);
	return ok;
}

/* What the sniffer learns from the head of a JSON document. */
struct jsniff {
	int objects; /* element objects seen (at most 1: it stops there) */
	int kind;    /* TL_CBS_JSON_* */
};

/* 1 when key ends in "_<digits>" after at least one other character. */
static int topic_key(const char *k)
{
	size_t n = strlen(k), d = 0;
	while (d < n && k[n - 1 - d] >= '0' && k[n - 1 - d] <= '9')
		d++;
	return d && d + 1 < n && k[n - 1 - d] == '_';
}

static int sniff_obj(void *ctx, const struct tl_cbs_json_obj *o)
{
	struct jsniff *s = ctx;
	s->objects++;
	const char *hash = o->odata_metadata ? strrchr(o->odata_metadata, '#') : NULL;
	if (hash) {
		if (strstr(hash, "DataProperties") || strstr(hash, "TableInfos"))
			s->kind = TL_CBS_JSON_META;
		else if (strstr(hash, "TypedDataSet") || strstr(hash, "UntypedDataSet"))
			s->kind = TL_CBS_JSON_DATA;
		return -100;
	}
	json_t *type = json_object_get(o->obj, "Type");
	if (json_is_string(type) && json_object_get(o->obj, "Key")) {
		enum tl_cbs_kind k;
		const char *t = json_string_value(type);
		if (kind_of(t, strlen(t), &k) >= 0)
			s->kind = TL_CBS_JSON_META;
	} else if (json_object_get(o->obj, "Identifier") && json_object_get(o->obj, "Title")) {
		s->kind = TL_CBS_JSON_META;
	} else if (json_object_get(o->obj, "ID") && !json_object_get(o->obj, "Key") && !type) {
		const char *k;
		json_t *v;
		json_object_foreach(o->obj, k, v)
		{
			if (topic_key(k)) {
				s->kind = TL_CBS_JSON_DATA;
				break;
			}
		}
	}
	return -100;
}

int tl_cbs_json_sniff(const char *head, size_t n)
{
	struct jsniff s;
	memset(&s, 0, sizeof s);
	if (!head || !n)
		return TL_CBS_JSON_NONE;
	tl_errors errs = TL_ERRORS_INIT;
	errs.limit = 4;
	(void)tl_cbs_json_each("head", NULL, head, n, sniff_obj, &s, &errs);
	tl_errors_free(&errs);
	return s.objects ? s.kind : TL_CBS_JSON_NONE;
}

int tl_sniff_cbs_meta_json(const char *head, size_t n)
{
	return tl_cbs_json_sniff(head, n) == TL_CBS_JSON_META;
}
