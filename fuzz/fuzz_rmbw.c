/*
 * fuzz_rmbw — libFuzzer target for the RMBW reader (import/rmbw.h).
 *
 * The first byte picks the layout and the checks:
 *   bit 0     wide (1) or long (0) layout
 *   bit 1     the sink stops the reader at the (bits 2-4 + 1)-th cell
 *   bit 5     also read through a temporary file (the FILE path) and require
 *             the same report as from memory
 * The rest is the file.  Besides the sanitizers, the target checks the
 * reader's promises: every cell's topic and region reported before it, each
 * once; strings NUL-terminated and trimmed codes; a valid status, a finite
 * value only where the status has one, never a final 0 (the zero rule);
 * positions from line 1; the counts in the stats agree with the calls; a
 * failure says why; a sink's stop value comes back unchanged; and the
 * sniffers accept the header of every file read without a header error.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "import/rmbw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x))                                                               \
			__builtin_trap();                                               \
	} while (0)

struct seen {
	tl_buf topics, regions; /* "\n"-separated keys reported so far */
	tl_buf log;             /* everything reported, for the differential check */
	long cells, values, zeros;
	long stop_at;
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

static void add(tl_buf *b, const char *key)
{
	tl_buf_puts(b, key);
	tl_buf_putc(b, '\n');
}

static int on_topic(void *ctx, const struct tl_raw_topic *t)
{
	struct seen *s = ctx;
	CHECK(t->key && *t->key && !strchr(t->key, '\n'));
	CHECK(!listed(&s->topics, t->key));
	add(&s->topics, t->key);
	tl_buf_printf(&s->log, "T %s\n", t->key);
	return 0;
}

static int on_region(void *ctx, const struct tl_raw_region *r)
{
	struct seen *s = ctx;
	CHECK(r->code && r->name && *r->name);
	CHECK(!listed(&s->regions, r->code));
	CHECK(r->classification_year == TL_RMBW_CLASSIFICATION_YEAR && !r->parent);
	add(&s->regions, r->code);
	tl_buf_printf(&s->log, "R %s %s %s\n", r->code, r->name, r->level ? r->level : "-");
	return 0;
}

static int on_cell(void *ctx, const struct tl_raw_cell *c)
{
	struct seen *s = ctx;
	CHECK(c->topic && listed(&s->topics, c->topic));
	CHECK(c->region && listed(&s->regions, c->region));
	CHECK(!c->table && !c->n_dims && c->has_period && c->line >= 1 && c->col >= 1);
	CHECK(c->period.kind == TL_PERIOD_YEAR && c->period.year >= 1800 && c->period.year <= 2200);
	switch (c->status) {
	case TL_STATUS_FINAL:
		CHECK(isfinite(c->value) && c->value != 0 && !c->note);
		s->values++;
		break;
	case TL_STATUS_MISSING:
		CHECK(c->note && !strcmp(c->note, TL_RMBW_ZERO_NOTE));
		s->zeros++;
		break;
	case TL_STATUS_NOT_APPLICABLE:
		CHECK(!c->note);
		break;
	default:
		CHECK(0);
	}
	tl_buf_printf(&s->log, "C %s %s %d %d %.17g %u:%u\n", c->topic, c->region, c->period.year,
		      (int)c->status, c->status == TL_STATUS_FINAL ? c->value : 0.0, c->line, c->col);
	s->cells++;
	if (s->stop_at && s->cells == s->stop_at)
		return -77;
	return 0;
}

static char *run(const char *text, size_t len, const char *path, enum tl_format layout,
		 long stop_at, int *rc, struct tl_rmbw_stats *st, tl_errors *e, struct seen *s)
{
	memset(s, 0, sizeof *s);
	s->stop_at = stop_at;
	struct tl_raw_sink sink = {s, NULL, on_topic, on_region, on_cell, NULL};
	if (path)
		*rc = tl_read_rmbw_file(path, layout, &sink, st, e);
	else
		*rc = tl_read_rmbw_mem("fuzz.csv", text, len, layout, &sink, st, e);
	for (size_t i = 0; i < e->n; i++) {
		char *m = tl_error_format(&e->items[i], e->is_warning[i]);
		const char *colon = strchr(m, ':');
		tl_buf_puts(&s->log, colon ? colon : m); /* the file name differs */
		tl_buf_putc(&s->log, '\n');
		free(m);
	}
	tl_buf_free(&s->topics);
	tl_buf_free(&s->regions);
	return tl_buf_detach(&s->log, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	unsigned mode = data[0];
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	enum tl_format layout = (mode & 1) ? TL_FORMAT_RMBW_WIDE : TL_FORMAT_RMBW_LONG;
	long stop_at = (mode & 2) ? (long)((mode >> 2) & 7) + 1 : 0;

	tl_errors e = TL_ERRORS_INIT;
	e.limit = 1000;
	struct tl_rmbw_stats st;
	struct seen s;
	int rc;
	char *log = run(text, len, NULL, layout, stop_at, &rc, &st, &e, &s);

	if (rc == -77) {
		CHECK(stop_at && s.cells == stop_at);
	} else {
		CHECK(rc == TL_OK || rc == TL_ERR_INPUT);
		CHECK((rc == TL_ERR_INPUT) == (tl_errors_count(&e) > 0));
		CHECK(st.cells == s.cells && st.values == s.values && st.zeros == s.zeros);
		CHECK(st.cells == st.values + st.zeros + (layout == TL_FORMAT_RMBW_LONG ? st.empty : 0));
		CHECK((size_t)st.bad <= tl_errors_count(&e));
		/* A file read without a header error is recognised by its sniffer. */
		if (s.cells > 0 && len <= 4096) {
			int sniffed = layout == TL_FORMAT_RMBW_WIDE ? tl_sniff_rmbw_wide(text, len)
								    : tl_sniff_rmbw_long(text, len);
			CHECK(sniffed);
		}
	}
	CHECK(!(tl_sniff_rmbw_long(text, len) && tl_sniff_rmbw_wide(text, len)));

	if (mode & 32) {
		/* The FILE path must tell exactly the same story. */
		char path[] = "/tmp/fuzz_rmbw_XXXXXX";
		int fd = mkstemp(path);
		if (fd >= 0) {
			FILE *f = fdopen(fd, "wb");
			if (f && (len == 0 || fwrite(text, 1, len, f) == len)) {
				fclose(f);
				tl_errors e2 = TL_ERRORS_INIT;
				e2.limit = 1000;
				struct tl_rmbw_stats st2;
				struct seen s2;
				int rc2;
				char *log2 = run(NULL, 0, path, layout, stop_at, &rc2, &st2, &e2, &s2);
				CHECK(rc2 == rc && strcmp(log, log2) == 0);
				free(log2);
				tl_errors_free(&e2);
			} else if (f) {
				fclose(f);
			}
			unlink(path);
		}
	}
	free(log);
	tl_errors_free(&e);
	return 0;
}
