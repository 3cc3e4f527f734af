/*
 * raw_collect — a tl_raw_sink for reader tests that copies everything it is
 * told (table, topics, regions, cells), in order, into an arena, and the
 * helpers those tests share (messages, assert_has, and data_path from
 * test_data.h).  Shared by the CBS v3, v4, metadata, StatLine and RMBW
 * reader tests, which include <stdlib.h>, core/buf.h and core/err.h first.
 */
#ifndef TL_TEST_RAW_COLLECT_H
#define TL_TEST_RAW_COLLECT_H

#include "test_data.h"

/* ---- Harness ---------------------------------------------------------------
 * A sink that copies everything it is told, in order. */

struct rtopic {
	char *key, *title, *unit;
	int decimals, numeric;
};

struct rregion {
	char *code, *name, *level, *parent;
	int year;
};

struct rcell {
	char *table, *topic, *region, *label, *dims, *note; /* dims as "k=v,k=v" */
	struct tl_period period;
	int has_period;
	double value;
	enum tl_status status;
	unsigned line, col;
};

struct coll {
	tl_arena *a;
	char *table, *title;
	int tables;
	struct rtopic *topics;
	size_t nt;
	struct rregion *regions;
	size_t nr;
	struct rcell *cells;
	size_t nc;
	int topic_after_cell;  /* a topic came after a cell */
	int region_after_cell; /* a region came after a cell */
	long national;         /* cells marked national */
	int unannounced;       /* a cell's topic or region was not reported before it */
	int check_regions;     /* count a cell whose region was not reported as unannounced */
	int dup_region;        /* a region code came twice */
	long stop_at;          /* return stop_rc at this cell (1-based), 0 = never */
	int stop_rc;
};

static char *cdup(struct coll *c, const char *s)
{
	return s ? tl_arena_strdup(c->a, s) : NULL;
}

/* Grow an arena array of n elements of size sz to hold one more. */
static void *grow(struct coll *c, void *arr, size_t n, size_t sz)
{
	if (n && (n & (n - 1)) != 0)
		return arr;
	void *b = tl_arena_array(c->a, n ? n * 2 : 1, sz);
	if (n)
		memcpy(b, arr, n * sz);
	return b;
}

static int on_table(void *ctx, const char *id, const char *title)
{
	struct coll *c = ctx;
	c->table = cdup(c, id);
	c->title = cdup(c, title);
	c->tables++;
	return 0;
}

static int on_topic(void *ctx, const struct tl_raw_topic *t)
{
	struct coll *c = ctx;
	assert_non_null(t->key);
	if (c->nc)
		c->topic_after_cell = 1;
	c->topics = grow(c, c->topics, c->nt, sizeof *c->topics);
	struct rtopic *r = &c->topics[c->nt++];
	r->key = cdup(c, t->key);
	r->title = cdup(c, t->title);
	r->unit = cdup(c, t->unit);
	r->decimals = t->decimals;
	r->numeric = t->numeric;
	return 0;
}

static const struct rregion *region(const struct coll *c, const char *code)
{
	for (size_t i = 0; i < c->nr; i++)
		if (strcmp(c->regions[i].code, code) == 0)
			return &c->regions[i];
	return NULL;
}

static int on_region(void *ctx, const struct tl_raw_region *g)
{
	struct coll *c = ctx;
	assert_non_null(g->code);
	if (c->nc)
		c->region_after_cell = 1;
	if (region(c, g->code))
		c->dup_region = 1;
	c->regions = grow(c, c->regions, c->nr, sizeof *c->regions);
	struct rregion *r = &c->regions[c->nr++];
	r->code = cdup(c, g->code);
	r->name = cdup(c, g->name);
	r->level = cdup(c, g->level);
	r->parent = cdup(c, g->parent);
	r->year = g->classification_year;
	return 0;
}

static int on_cell(void *ctx, const struct tl_raw_cell *x)
{
	struct coll *c = ctx;
	int known = 0;
	for (size_t i = 0; i < c->nt && !known; i++)
		known = !strcmp(c->topics[i].key, x->topic);
	if (known && c->check_regions && x->region)
		known = region(c, x->region) != NULL;
	if (!known)
		c->unannounced = 1;
	c->cells = grow(c, c->cells, c->nc, sizeof *c->cells);
	struct rcell *r = &c->cells[c->nc++];
	c->national += x->national != 0;
	r->table = cdup(c, x->table);
	r->topic = cdup(c, x->topic);
	r->region = cdup(c, x->region);
	r->label = cdup(c, x->region_label);
	r->note = cdup(c, x->note);
	tl_buf b = TL_BUF_INIT;
	for (size_t i = 0; i < x->n_dims; i++)
		tl_buf_printf(&b, "%s%s=%s", i ? "," : "", x->dims[i].key, x->dims[i].code);
	r->dims = cdup(c, b.data ? b.data : "");
	tl_buf_free(&b);
	r->period = x->period;
	r->has_period = x->has_period;
	r->value = x->value;
	r->status = x->status;
	r->line = x->line;
	r->col = x->col;
	if (c->stop_at && (long)c->nc == c->stop_at)
		return c->stop_rc;
	return 0;
}

static struct coll *coll_new(void)
{
	tl_arena *a = tl_arena_new();
	struct coll *c = tl_arena_alloc(a, sizeof *c);
	c->a = a;
	return c;
}

static void coll_free(struct coll *c)
{
	tl_arena_free(c->a);
}

static struct tl_raw_sink sink_of(struct coll *c)
{
	struct tl_raw_sink s = {c, on_table, on_topic, on_region, on_cell, NULL};
	return s;
}

/* ---- Messages -------------------------------------------------------------- */

/* All entries of errs formatted, one per line (caller frees). */
static char *messages(const tl_errors *e)
{
	tl_buf b = TL_BUF_INIT;
	for (size_t i = 0; i < e->n; i++) {
		char *s = tl_error_format(&e->items[i], e->is_warning[i]);
		tl_buf_puts(&b, s);
		tl_buf_putc(&b, '\n');
		free(s);
	}
	return tl_buf_detach(&b, NULL);
}

/* Fail, showing all messages, unless msg contains want. */
#define assert_has(msg, want)                                                   \
	do {                                                                    \
		if (!strstr((msg), (want)))                                     \
			fail_msg("missing \"%s\" in:\n%s", (want), (msg));     \
	} while (0)

#endif
