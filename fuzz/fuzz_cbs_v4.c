/*
 * fuzz_cbs_v4 — libFuzzer target for the CBS OData v4 bulk reader
 * (import/cbs_v4.h), through tl_read_cbs_v4_mem().
 *
 * The input is a whole download folder: the bytes after the first are cut
 * at NUL bytes (which no CSV file may hold) into the files, in this order:
 *     Observations.csv, MeasureCodes.csv, Dimensions.csv, PeriodenCodes.csv,
 *     RegioSCodes.csv, RegioSGroups.csv, Properties.csv, LeeftijdCodes.csv,
 *     D-12345NED.json
 * The first byte says which of them exist: bit i for file i (0–6; the
 * observations always exist); LeeftijdCodes.csv comes with Dimensions.csv,
 * the JSON file only without Properties.csv.  The pieces go to the present
 * files in order.  Bit 7 makes the sink stop the reader at the 3rd cell.
 *
 * Besides the sanitizers, the target checks the reader's promises: all
 * measures before the first cell, each once; every cell's topic a reported
 * measure and its region (when it has one) a non-empty trimmed code; dims
 * with keys and codes; a valid status, a finite value only where the status
 * has one; positions from line 1; the stats agree with the calls; a failure
 * says why; a sink's stop value comes back unchanged.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "import/cbs_v4.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x))                                                               \
			__builtin_trap();                                               \
	} while (0)

struct seen {
	tl_buf topics;   /* "\n"-separated measure keys */
	long cells, values, stop_at;
	size_t regions;
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
	return n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t');
}

static int on_table(void *ctx, const char *id, const char *title)
{
	struct seen *s = ctx;
	(void)title;
	CHECK(id && *id && s->tables == 0 && s->cells == 0);
	s->tables++;
	return 0;
}

static int on_topic(void *ctx, const struct tl_raw_topic *t)
{
	struct seen *s = ctx;
	CHECK(s->cells == 0);
	CHECK(t->key && *t->key && !strchr(t->key, '\n') && !blank_edges(t->key));
	CHECK(!listed(&s->topics, t->key));
	CHECK(t->decimals >= -1 && t->decimals <= 20);
	tl_buf_puts(&s->topics, t->key);
	tl_buf_putc(&s->topics, '\n');
	return 0;
}

static int on_region(void *ctx, const struct tl_raw_region *r)
{
	struct seen *s = ctx;
	CHECK(s->cells == 0);
	CHECK(r->code && *r->code && r->name && *r->name);
	CHECK(!r->parent || (*r->parent && strcmp(r->parent, r->code) != 0));
	s->regions++;
	return 0;
}

/* Groups come before every cell, each with an id and a title. */
static int on_group(void *ctx, const struct tl_raw_group *g)
{
	struct seen *s = ctx;
	CHECK(s->cells == 0);
	CHECK(g->id && *g->id && g->title && *g->title && g->dimension);
	CHECK(!g->parent || *g->parent);
	return 0;
}

static int on_cell(void *ctx, const struct tl_raw_cell *c)
{
	struct seen *s = ctx;
	CHECK(c->topic && listed(&s->topics, c->topic));
	CHECK(!c->region || (*c->region && !blank_edges(c->region)));
	CHECK(c->line >= 2 && c->col >= 1);
	for (size_t i = 0; i < c->n_dims; i++)
		CHECK(c->dims[i].key && c->dims[i].code && *c->dims[i].code &&
		      !blank_edges(c->dims[i].code));
	if (c->has_period)
		CHECK(c->period.year >= 1800 && c->period.year <= 2200);
	switch (c->status) {
	case TL_STATUS_FINAL:
	case TL_STATUS_PROVISIONAL:
		CHECK(isfinite(c->value) && !c->note);
		s->values++;
		break;
	case TL_STATUS_UNKNOWN:
		CHECK(c->note != NULL);
		break;
	case TL_STATUS_NOT_APPLICABLE:
		break;
	default:
		CHECK(0);
	}
	s->cells++;
	if (s->stop_at && s->cells == s->stop_at)
		return -55;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"Observations.csv", "MeasureCodes.csv", "Dimensions.csv",  "PeriodenCodes.csv",
		"RegioSCodes.csv",  "RegioSGroups.csv", "Properties.csv",  "LeeftijdCodes.csv",
		"D-12345NED.json",
	};
	enum { NFILES = sizeof names / sizeof names[0] };
	if (size == 0)
		return 0;
	unsigned mode = data[0] | 1u;
	const char *p = (const char *)data + 1, *end = (const char *)data + size;

	struct tl_cbs_v4_file files[NFILES];
	size_t n = 0;
	for (size_t i = 0; i < NFILES; i++) {
		int present = i < 7 ? (mode >> i) & 1 : i == 7 ? (mode >> 2) & 1 : !((mode >> 6) & 1);
		if (!present)
			continue;
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		const char *stop = nul ? nul : end;
		files[n].name = names[i];
		files[n].data = p;
		files[n].len = (size_t)(stop - p);
		n++;
		p = nul ? nul + 1 : end;
	}

	struct seen s;
	memset(&s, 0, sizeof s);
	s.stop_at = (mode & 128) ? 3 : 0;
	struct tl_raw_sink sink = {&s, on_table, on_topic, on_region, on_cell, on_group};
	tl_errors e = TL_ERRORS_INIT;
	e.limit = 1000;
	struct tl_cbs_v4_stats st;
	int rc = tl_read_cbs_v4_mem("fuzz", files, n, &sink, &st, &e);
	if (rc == -55) {
		CHECK(s.cells == 3);
	} else {
		CHECK(rc == TL_OK || rc == TL_ERR_INPUT);
		CHECK((rc == TL_ERR_INPUT) == (tl_errors_count(&e) > 0));
		CHECK(st.cells == s.cells && st.values == s.values && st.regions == s.regions);
		CHECK(st.cells == st.values + st.impossible + st.unknown);
		CHECK(st.rows >= st.cells + st.strings + st.bad);
		CHECK(st.provisional <= st.values && st.unlisted_codes <= st.cells);
	}
	/* The sniffer on the observations text never crashes either. */
	(void)tl_sniff_cbs_v4_observations(files[0].data, files[0].len);
	tl_buf_free(&s.topics);
	tl_errors_free(&e);
	return 0;
}
