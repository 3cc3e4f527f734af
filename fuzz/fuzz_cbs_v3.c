/*
 * fuzz_cbs_v3 — libFuzzer target for the CBS OData v3 readers (import/cbs_v3.h)
 * and the JSON side of import/cbs_meta.h.
 *
 * The first byte picks the entry point (bits 0–2) and a mode (bit 3):
 *     0  tl_read_cbs_v3_csv_mem, no metadata
 *     1  tl_read_cbs_v3_csv_mem with metadata: the bytes before the first NUL
 *        are a DataProperties/TableInfos/Perioden JSON document
 *        (tl_cbs_meta_add_json), the rest is the CSV
 *     2  tl_read_cbs_v3_json_mem, no metadata
 *     3  tl_read_cbs_v3_json_mem with metadata (split as in 1)
 *     4  tl_read_cbs_meta_json_mem
 *     5  tl_cbs_json_each, checking positions and order
 *     6  the sniffers only (every one of this target)
 *     7  the same table as CSV and as untyped JSON: the bytes are a CSV;
 *        it is also turned into an UntypedDataSet page, and both must give
 *        the same cells
 *     bit 3: the sink stops the reader at the 3rd cell (0–3, 7) or topic (4).
 * The rest of the bytes are the input.  Every run also calls the sniffers.
 *
 * Besides the sanitizers, the target checks the readers' promises: topics
 * before the first cell, each once; every cell's topic a reported numeric
 * topic; regions reported once per code, each with a trimmed code and a
 * parent other than itself; region codes, dims and notes well-formed; a
 * valid status and a finite value only where the status has one; positions
 * from line 1; stats that agree with the calls; a failure says why; a
 * sink's stop value comes back unchanged.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "import/cbs_meta.h"
#include "import/cbs_v3.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x))                                                               \
			__builtin_trap();                                               \
	} while (0)

struct seen {
	tl_buf topics;   /* "\n"-separated keys, numeric ones marked with a leading '#' */
	tl_buf regions;  /* "\n"-separated codes */
	tl_buf cells;    /* a digest of every cell, for mode 7 */
	long ntopics, nregions, cells_n, values, stop_at, stop_topic;
	int tables;
};

static int listed(const tl_buf *b, const char *key)
{
	size_t n = strlen(key);
	const char *p = b->data;
	while (p && (p = strstr(p, key)) != NULL) {
		if ((p == b->data || p[-1] == '\n') && p[n] == '\n')
			return 1;
		p += 1;
	}
	return 0;
}

static int blank_edges(const char *s)
{
	size_t n = strlen(s);
	return n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t' ||
		     s[n - 1] == '\r' || s[n - 1] == '\n');
}

static int on_table(void *ctx, const char *id, const char *title)
{
	struct seen *s = ctx;
	(void)title;
	CHECK(id && *id && s->tables == 0 && s->cells_n == 0 && s->ntopics == 0);
	s->tables++;
	return 0;
}

static int on_topic(void *ctx, const struct tl_raw_topic *t)
{
	struct seen *s = ctx;
	CHECK(s->cells_n == 0);
	CHECK(t->key && *t->key && !strchr(t->key, '\n') && !blank_edges(t->key));
	CHECK(!listed(&s->topics, t->key));
	tl_buf b = TL_BUF_INIT;
	tl_buf_printf(&b, "#%s", t->key);
	CHECK(!listed(&s->topics, b.data));
	tl_buf_free(&b);
	CHECK(t->decimals >= -1 && t->decimals <= 20);
	CHECK(t->numeric == 0 || t->numeric == 1);
	if (t->numeric)
		tl_buf_putc(&s->topics, '#');
	tl_buf_puts(&s->topics, t->key);
	tl_buf_putc(&s->topics, '\n');
	s->ntopics++;
	if (s->stop_topic && s->ntopics == s->stop_topic)
		return -55;
	return 0;
}

static int on_region(void *ctx, const struct tl_raw_region *r)
{
	struct seen *s = ctx;
	CHECK(r->code && tl_cbs_region_code_like(r->code, strlen(r->code)));
	CHECK(!strchr(r->code, '\n') && !listed(&s->regions, r->code));
	CHECK(r->name || r->parent);
	CHECK(!r->name || (*r->name && !blank_edges(r->name)));
	CHECK(!r->parent || (*r->parent && strcmp(r->parent, r->code) != 0));
	CHECK(r->classification_year == 0 ||
	      (r->classification_year >= 1800 && r->classification_year <= 2200));
	tl_buf_puts(&s->regions, r->code);
	tl_buf_putc(&s->regions, '\n');
	s->nregions++;
	return 0;
}

static int on_cell(void *ctx, const struct tl_raw_cell *c)
{
	struct seen *s = ctx;
	tl_buf b = TL_BUF_INIT;
	tl_buf_printf(&b, "#%s", c->topic);
	CHECK(listed(&s->topics, b.data));
	tl_buf_free(&b);
	CHECK(!c->region || (*c->region && !blank_edges(c->region)));
	CHECK(!c->region_label);
	CHECK(c->line >= 1 && c->col >= 1);
	for (size_t i = 0; i < c->n_dims; i++)
		CHECK(c->dims[i].key && *c->dims[i].key && c->dims[i].code && *c->dims[i].code &&
		      !blank_edges(c->dims[i].code));
	CHECK(c->n_dims == 0 || c->dims);
	if (c->has_period)
		CHECK(c->period.year >= 1800 && c->period.year <= 2200);
	switch (c->status) {
	case TL_STATUS_FINAL:
	case TL_STATUS_PROVISIONAL:
		CHECK(isfinite(c->value) && !c->note);
		s->values++;
		break;
	case TL_STATUS_UNKNOWN:
	case TL_STATUS_NOT_APPLICABLE:
		CHECK(c->value == 0);
		break;
	default:
		CHECK(0);
	}
	tl_buf_printf(&s->cells, "%s|%s|%d|%d|%d|%d|%.17g|", c->topic, c->region ? c->region : "",
		      c->has_period, c->period.year, c->period.sub, (int)c->status, c->value);
	for (size_t i = 0; i < c->n_dims; i++)
		tl_buf_printf(&s->cells, "%s=%s,", c->dims[i].key, c->dims[i].code);
	tl_buf_putc(&s->cells, '\n');
	s->cells_n++;
	if (s->stop_at && s->cells_n == s->stop_at)
		return -55;
	return 0;
}

static void seen_free(struct seen *s)
{
	tl_buf_free(&s->topics);
	tl_buf_free(&s->regions);
	tl_buf_free(&s->cells);
}

/* What every reader promises about its return value and errors. */
static void check_rc(int rc, const tl_errors *e, const struct seen *s, int stopping)
{
	if (rc == -55) {
		CHECK(stopping);
		return;
	}
	CHECK(rc == TL_OK || rc == TL_ERR_INPUT);
	CHECK((rc == TL_ERR_INPUT) == (tl_errors_count(e) > 0));
	for (size_t i = 0; i < e->n; i++)
		CHECK(e->items[i].msg && *e->items[i].msg && e->items[i].file);
	(void)s;
}

static void check_stats(const struct tl_cbs_v3_stats *st, const struct seen *s, int rc)
{
	if (rc == -55)
		return;
	CHECK(st->cells == s->cells_n && st->values == s->values);
	CHECK((long)st->topics == s->ntopics && (long)st->regions == s->nregions);
	CHECK(st->cells == st->values + st->unknown + st->not_applicable);
	CHECK(st->provisional <= st->values && st->string_topics <= st->topics);
	CHECK(st->bad_rows <= st->rows);
}

/* A CSV (a tiny, strict subset: ';', every field quoted, no embedded quotes
 * or line ends) as an UntypedDataSet page.  0 when the CSV is not that. */
static int csv_to_json(const char *p, size_t n, tl_buf *out)
{
	tl_buf keys[64];
	size_t nk = 0, line = 0;
	int ok = 1;
	memset(keys, 0, sizeof keys);
	tl_buf_puts(out, "{\"odata.metadata\":\"x#Cbs.OData.WebAPI.UntypedDataSet\",\"value\":[");
	size_t i = 0;
	while (ok && i < n) {
		size_t e = i;
		while (e < n && p[e] != '\n')
			e++;
		size_t le = e > i && p[e - 1] == '\r' ? e - 1 : e;
		if (le == i) {
			i = e + 1;
			continue; /* a blank line: the CSV reader skips it too */
		}
		size_t f = i, k = 0;
		if (line)
			tl_buf_puts(out, line > 1 ? ",{" : "{");
		while (ok && f < le) {
			if (p[f] != '"') {
				ok = 0;
				break;
			}
			size_t q = f + 1;
			while (q < le && p[q] != '"')
				q++;
			if (q >= le || (q + 1 < le && p[q + 1] != ';')) {
				ok = 0;
				break;
			}
			for (size_t j = f + 1; j < q && ok; j++)
				ok = (unsigned char)p[j] >= 0x20 && p[j] != '\\' && (unsigned char)p[j] < 0x80;
			if (!ok)
				break;
			if (!line) {
				if (nk == 64) {
					ok = 0;
					break;
				}
				tl_buf_put(&keys[nk], p + f + 1, q - f - 1);
				tl_buf_putc(&keys[nk], '\0');
				nk++;
			} else {
				if (k >= nk) {
					ok = 0;
					break;
				}
				tl_buf_printf(out, "%s\"%s\":\"%.*s\"", k ? "," : "", keys[k].data,
					      (int)(q - f - 1), p + f + 1);
				k++;
			}
			f = q + 2;
		}
		if (line) {
			ok = ok && k == nk;
			tl_buf_putc(out, '}');
		}
		line++;
		i = e + 1;
	}
	tl_buf_puts(out, "]}");
	for (size_t k = 0; k < 64; k++)
		tl_buf_free(&keys[k]);
	return ok && line > 1 && nk > 0;
}

struct order {
	long n;
	unsigned line, col;
};

static int each_obj(void *ctx, const struct tl_cbs_json_obj *o)
{
	struct order *s = ctx;
	CHECK(o->obj && json_is_object(o->obj));
	CHECK(o->line >= 1 && o->col >= 1);
	CHECK(o->line > s->line || (o->line == s->line && o->col > s->col) || s->n == 0);
	CHECK(o->index >= s->n);
	CHECK(o->nmembers == 0 || o->nmembers == json_object_size(o->obj));
	for (size_t i = 0; i < o->nmembers; i++)
		CHECK(o->vline[i] > o->line || (o->vline[i] == o->line && o->vcol[i] > o->col));
	s->line = o->line;
	s->col = o->col;
	s->n++;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	unsigned entry = data[0] & 7, stop = (data[0] >> 3) & 1;
	const char *p = (const char *)data + 1;
	size_t n = size - 1;

	/* Split off the metadata document for entries 1 and 3. */
	const char *meta_text = NULL;
	size_t meta_len = 0;
	if (entry == 1 || entry == 3) {
		const char *nul = memchr(p, '\0', n);
		if (nul) {
			meta_text = p;
			meta_len = (size_t)(nul - p);
			n -= meta_len + 1;
			p = nul + 1;
		}
	}

	struct seen s;
	memset(&s, 0, sizeof s);
	if (stop && entry == 4)
		s.stop_topic = 3;
	else if (stop)
		s.stop_at = 3;
	struct tl_raw_sink sink = {&s, on_table, on_topic, on_region, on_cell, NULL};
	tl_errors e = TL_ERRORS_INIT;
	e.limit = 1000;
	tl_errors me = TL_ERRORS_INIT;
	tl_cbs_meta *meta = NULL;
	if (meta_text) {
		meta = tl_cbs_meta_new();
		int mrc = tl_cbs_meta_add_json(meta, "DataProperties.json", meta_text, meta_len, &me);
		CHECK(mrc == 0 || mrc == TL_ERR_INPUT);
		for (size_t i = 0; i < tl_cbs_meta_count(meta); i++) {
			const struct tl_cbs_prop *pr = tl_cbs_meta_at(meta, i);
			CHECK(pr->key && *pr->key && tl_cbs_meta_prop(meta, pr->key) == pr);
		}
	}
	struct tl_cbs_v3_stats st;
	int rc;
	switch (entry) {
	case 0:
	case 1:
		rc = tl_read_cbs_v3_csv_mem("12345NED_fuzz.csv", p, n, meta, &sink, &st, &e);
		check_rc(rc, &e, &s, stop);
		check_stats(&st, &s, rc);
		break;
	case 2:
	case 3:
		rc = tl_read_cbs_v3_json_mem("fuzz.json", p, n, meta, &sink, &st, &e);
		check_rc(rc, &e, &s, stop);
		check_stats(&st, &s, rc);
		break;
	case 4:
		rc = tl_read_cbs_meta_json_mem("DataProperties.json", p, n, &sink, &e);
		check_rc(rc, &e, &s, stop);
		CHECK(s.cells_n == 0 && s.nregions == 0);
		break;
	case 5: {
		struct order o;
		memset(&o, 0, sizeof o);
		rc = tl_cbs_json_each("fuzz.json", NULL, p, n, each_obj, &o, &e);
		CHECK(rc == 0 || rc == TL_ERR_INPUT);
		CHECK(rc == 0 || tl_errors_count(&e) > 0);
		break;
	}
	case 7: {
		rc = tl_read_cbs_v3_csv_mem("fuzz.csv", p, n, NULL, &sink, &st, &e);
		check_rc(rc, &e, &s, stop);
		tl_buf json = TL_BUF_INIT;
		if (rc == TL_OK && !stop && csv_to_json(p, n, &json)) {
			struct seen s2;
			memset(&s2, 0, sizeof s2);
			struct tl_raw_sink sink2 = {&s2, on_table, on_topic, on_region, on_cell, NULL};
			tl_errors e2 = TL_ERRORS_INIT;
			int rc2 = tl_read_cbs_v3_json_mem("fuzz.json", json.data, json.len, NULL, &sink2,
							  NULL, &e2);
			/* Same columns and rows: the same cells (JSON keys are a
			 * stricter set, so JSON may refuse what the CSV took). */
			if (rc2 == TL_OK) {
				CHECK(s.ntopics == s2.ntopics && s.nregions == s2.nregions);
				CHECK(s.cells.len == s2.cells.len &&
				      (!s.cells.len || memcmp(s.cells.data, s2.cells.data, s.cells.len) == 0));
			}
			seen_free(&s2);
			tl_errors_free(&e2);
		}
		tl_buf_free(&json);
		break;
	}
	default:
		break;
	}
	/* The sniffers never crash, and never claim two formats. */
	int a = tl_sniff_cbs_v3_csv(p, n), b = tl_sniff_cbs_v3_json(p, n), c = tl_sniff_cbs_meta_json(p, n);
	CHECK(a + b + c <= 1);
	tl_cbs_meta_free(meta);
	seen_free(&s);
	tl_errors_free(&e);
	tl_errors_free(&me);
	return 0;
}
