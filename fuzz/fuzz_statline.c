/*
 * fuzz_statline — libFuzzer target for the StatLine CSV reader
 * (import/statline_csv.h) and the CSV side of import/cbs_meta.h.
 *
 * The first byte picks the entry point (bits 0–1) and a mode (bit 3):
 *     0  tl_read_statline_csv_mem
 *     1  tl_read_cbs_meta_csv_mem (the metadata CSV and its region register)
 *     2  tl_cbs_meta_add_csv on the bytes before the first NUL, then
 *        tl_read_cbs_v3_csv_mem on the rest with that metadata
 *     3  the sniffers only
 *     bit 3: the sink stops the reader at the 3rd cell (0, 2) or region (1).
 * The rest of the bytes are the input.  Every run also calls the sniffers,
 * which must never claim two formats for the same bytes.
 *
 * Besides the sanitizers, the target checks the readers' promises: topics
 * before the first cell, each once; cells of reported topics only; StatLine
 * cells carry a region label and never a code; valid statuses, a value only
 * where the status has one (nihil: 0 with its note); regions with trimmed
 * codes and names; stats that agree with the calls; a failure says why; a
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
#include "import/statline_csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x))                                                               \
			__builtin_trap();                                               \
	} while (0)

struct seen {
	tl_buf topics; /* "\n"-separated keys */
	long ntopics, nregions, cells, values, stop_cell, stop_region;
	int tables, statline;
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
	return n && (s[0] == ' ' || s[0] == '\t' || s[0] == '\r' || s[0] == '\n' || s[n - 1] == ' ' ||
		     s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n');
}

static int on_table(void *ctx, const char *id, const char *title)
{
	struct seen *s = ctx;
	CHECK(id && *id && s->tables == 0 && s->cells == 0);
	CHECK(!title || !blank_edges(title));
	s->tables++;
	return 0;
}

static int on_topic(void *ctx, const struct tl_raw_topic *t)
{
	struct seen *s = ctx;
	CHECK(s->cells == 0);
	CHECK(t->key && *t->key && !listed(&s->topics, t->key));
	CHECK(!s->statline || (t->title && *t->title && t->numeric == 1 && t->decimals == -1));
	CHECK(!t->unit || (*t->unit && !blank_edges(t->unit)));
	CHECK(t->decimals >= -1 && t->decimals <= 20);
	if (!strchr(t->key, '\n')) {
		tl_buf_puts(&s->topics, t->key);
		tl_buf_putc(&s->topics, '\n');
	}
	s->ntopics++;
	return 0;
}

static int on_region(void *ctx, const struct tl_raw_region *r)
{
	struct seen *s = ctx;
	CHECK(!s->statline);
	CHECK(r->code && *r->code && !blank_edges(r->code));
	CHECK(!r->name || (*r->name && !blank_edges(r->name)));
	CHECK(!r->parent || (*r->parent && strcmp(r->parent, r->code) != 0));
	CHECK(r->classification_year == 0 ||
	      (r->classification_year >= 1800 && r->classification_year <= 2200));
	s->nregions++;
	if (s->stop_region && s->nregions == s->stop_region)
		return -55;
	return 0;
}

static int on_cell(void *ctx, const struct tl_raw_cell *c)
{
	struct seen *s = ctx;
	CHECK(c->topic && (strchr(c->topic, '\n') || listed(&s->topics, c->topic)));
	CHECK(c->line >= 1 && c->col >= 1);
	if (s->statline) {
		CHECK(!c->region);
		CHECK(!c->region_label || (*c->region_label && !blank_edges(c->region_label)));
	}
	for (size_t i = 0; i < c->n_dims; i++)
		CHECK(c->dims[i].key && c->dims[i].code && *c->dims[i].code);
	if (c->has_period)
		CHECK(c->period.year >= 1800 && c->period.year <= 2200);
	switch (c->status) {
	case TL_STATUS_FINAL:
	case TL_STATUS_PROVISIONAL:
		CHECK(isfinite(c->value));
		CHECK(!c->note || (!strcmp(c->note, TL_STATLINE_NIHIL_NOTE) && c->value == 0));
		s->values++;
		break;
	case TL_STATUS_UNKNOWN:
	case TL_STATUS_SUPPRESSED:
	case TL_STATUS_NOT_APPLICABLE:
		CHECK(c->value == 0);
		break;
	default:
		CHECK(0);
	}
	s->cells++;
	if (s->stop_cell && s->cells == s->stop_cell)
		return -55;
	return 0;
}

static void check_rc(int rc, const tl_errors *e, int stopping)
{
	if (rc == -55) {
		CHECK(stopping);
		return;
	}
	CHECK(rc == TL_OK || rc == TL_ERR_INPUT);
	CHECK((rc == TL_ERR_INPUT) == (tl_errors_count(e) > 0));
	for (size_t i = 0; i < e->n; i++)
		CHECK(e->items[i].msg && *e->items[i].msg && e->items[i].file);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	unsigned entry = data[0] & 3, stop = (data[0] >> 3) & 1;
	const char *p = (const char *)data + 1;
	size_t n = size - 1;

	struct seen s;
	memset(&s, 0, sizeof s);
	if (stop && entry == 1)
		s.stop_region = 3;
	else if (stop)
		s.stop_cell = 3;
	struct tl_raw_sink sink = {&s, on_table, on_topic, on_region, on_cell, NULL};
	tl_errors e = TL_ERRORS_INIT;
	e.limit = 1000;
	int rc;
	switch (entry) {
	case 0: {
		struct tl_statline_stats st;
		s.statline = 1;
		rc = tl_read_statline_csv_mem("70072ned_fuzz.csv", p, n, &sink, &st, &e);
		check_rc(rc, &e, stop);
		if (rc != -55) {
			CHECK(st.cells == s.cells && st.values == s.values);
			CHECK((long)st.topics == s.ntopics);
			CHECK(st.cells == st.values + st.unknown + st.suppressed + st.not_applicable);
			CHECK(st.provisional <= st.values && st.bad_rows <= st.rows);
			CHECK(st.decimal == 0 || st.decimal == ',' || st.decimal == '.');
		}
		break;
	}
	case 1:
		rc = tl_read_cbs_meta_csv_mem("12345NED_metadata.csv", p, n, &sink, &e);
		check_rc(rc, &e, stop);
		CHECK(s.cells == 0);
		break;
	case 2: {
		const char *nul = memchr(p, '\0', n);
		const char *csv = nul ? nul + 1 : p + n;
		size_t mlen = nul ? (size_t)(nul - p) : n;
		tl_errors me = TL_ERRORS_INIT;
		tl_cbs_meta *m = tl_cbs_meta_new();
		int mrc = tl_cbs_meta_add_csv(m, "12345NED_metadata.csv", p, mlen, &me);
		CHECK(mrc == 0);
		enum tl_status st;
		for (size_t i = 0; i < tl_cbs_meta_count(m); i++)
			CHECK(tl_cbs_meta_prop(m, tl_cbs_meta_at(m, i)->key) == tl_cbs_meta_at(m, i));
		(void)tl_cbs_meta_period(m, "2024JJ00", 8, &st);
		struct tl_cbs_v3_stats vs;
		rc = tl_read_cbs_v3_csv_mem("12345NED_x.csv", csv, (size_t)(p + n - csv), m, &sink, &vs, &e);
		check_rc(rc, &e, stop);
		if (rc != -55)
			CHECK(vs.cells == s.cells && vs.cells == vs.values + vs.unknown + vs.not_applicable);
		tl_cbs_meta_free(m);
		tl_errors_free(&me);
		break;
	}
	default:
		break;
	}
	int a = tl_sniff_statline_csv(p, n), b = tl_sniff_cbs_meta_csv(p, n), c = tl_sniff_cbs_v3_csv(p, n);
	CHECK(a + b + c <= 1);
	tl_buf_free(&s.topics);
	tl_errors_free(&e);
	return 0;
}
