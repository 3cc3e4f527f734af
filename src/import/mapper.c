#include "mapper.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/strmap.h"
#include "../core/xalloc.h"

/* One spec with the indicator it feeds. */
struct target {
	const struct tl_indicator *ind;
	const struct tl_import_spec *spec;
	struct target *next; /* more specs for the same topic */
};

struct tl_mapper {
	tl_store *st;
	const struct tl_model *m;
	const char *file;
	int64_t import_id;
	struct tl_mapper_opts o;
	tl_errors *errs;
	tl_arena *a;
	tl_strmap *by_topic;   /* topic key -> struct target list */
	tl_strmap *seen;       /* topics the table reported */
	tl_strmap *regions;    /* known region codes -> (void *)1 */
	tl_strmap *labels;     /* region names and "Name (PV)" labels -> code */
	struct tl_raw_sink sink;
	struct tl_mapper_stats stats;
	const char *last_topic; /* cache: the last topic looked up and its targets */
	struct target *last_targets;
	int failed;
};

int tl_model_has_imports(const struct tl_model *m)
{
	for (size_t i = 0; i < m->n_indicators; i++)
		if (m->indicators[i].n_imports)
			return 1;
	return 0;
}

/* Suffix CBS adds to labels of a level: "Drenthe (PV)". */
static const char *label_suffix(const char *level)
{
	if (!level)
		return NULL;
	if (!strcmp(level, "provincie"))
		return " (PV)";
	if (!strcmp(level, "gemeente"))
		return " (gemeente)";
	if (!strcmp(level, "landsdeel"))
		return " (LD)";
	if (!strcmp(level, "corop"))
		return " (CR)";
	return NULL;
}

static void add_label(tl_mapper *mp, const char *name, const char *level, const char *code)
{
	const char *stored = tl_strmap_key(mp->regions, code);
	tl_strmap_put(mp->labels, name, (void *)(uintptr_t)stored);
	const char *suf = label_suffix(level);
	if (suf) {
		tl_buf b = TL_BUF_INIT;
		tl_buf_puts(&b, name);
		tl_buf_puts(&b, suf);
		tl_strmap_put(mp->labels, b.data, (void *)(uintptr_t)stored);
		tl_buf_free(&b);
	}
}

static int on_table(void *ctx, const char *id, const char *title)
{
	tl_mapper *mp = ctx;
	(void)title;
	if (id)
		snprintf(mp->stats.table, sizeof mp->stats.table, "%s", id);
	return 0;
}

static int on_topic(void *ctx, const struct tl_raw_topic *t)
{
	tl_mapper *mp = ctx;
	if (t->key)
		tl_strmap_put(mp->seen, t->key, (void *)1);
	return 0;
}

static int on_region(void *ctx, const struct tl_raw_region *r)
{
	tl_mapper *mp = ctx;
	int known;
	if (!r->code)
		return 0;
	tl_strmap_get(mp->regions, r->code, &known);
	if (known) {
		if (r->name)
			add_label(mp, r->name, r->level, r->code);
		return 0;
	}
	if (!mp->o.add_regions)
		return 0;
	int parent_known = 0;
	if (r->parent)
		tl_strmap_get(mp->regions, r->parent, &parent_known);
	struct tl_region reg = {r->code, r->name ? r->name : r->code, r->level ? r->level : "onbekend",
				parent_known ? r->parent : NULL, r->classification_year};
	if (tl_store_put_region(mp->st, &reg, mp->errs)) {
		mp->failed = 1;
		return TL_ERR_STORE;
	}
	tl_strmap_put(mp->regions, r->code, (void *)1);
	if (r->name)
		add_label(mp, r->name, r->level, r->code);
	mp->stats.regions_added++;
	return 0;
}

static int same_table(const char *a, const char *b)
{
	return strcasecmp(a, b) == 0;
}

/* Does the cell have every fixed dimension code the spec asks for? */
static int dims_match(const struct tl_import_spec *sp, const struct tl_raw_cell *c)
{
	for (size_t k = 0; k < sp->n_dims; k++) {
		int ok = 0;
		for (size_t j = 0; j < c->n_dims && !ok; j++)
			ok = !strcmp(c->dims[j].key, sp->dim_keys[k]) && !strcmp(c->dims[j].code, sp->dim_codes[k]);
		if (!ok)
			return 0;
	}
	return 1;
}

static int on_cell(void *ctx, const struct tl_raw_cell *c)
{
	tl_mapper *mp = ctx;
	mp->stats.cells++;
	struct target *t;
	if (mp->last_topic && !strcmp(mp->last_topic, c->topic)) {
		t = mp->last_targets;
	} else {
		t = tl_strmap_get(mp->by_topic, c->topic, NULL);
		mp->last_topic = tl_strmap_key(mp->by_topic, c->topic);
		mp->last_targets = t;
	}
	if (!t) {
		mp->stats.skip_topic++;
		return 0;
	}
	if (!c->has_period) {
		mp->stats.skip_period++;
		return 0;
	}
	const char *region = c->region;
	if (region) {
		region = tl_strmap_key(mp->regions, region);
	} else if (c->region_label) {
		region = tl_strmap_get(mp->labels, c->region_label, NULL);
	} else if (mp->m->agenda.national_region) {
		/* A table without a region dimension is national. */
		region = tl_strmap_key(mp->regions, mp->m->agenda.national_region);
	}
	if (!region) {
		mp->stats.skip_region++;
		return 0;
	}
	int written = 0, table_miss = 0;
	for (; t; t = t->next) {
		const struct tl_import_spec *sp = t->spec;
		if (sp->table && mp->stats.table[0] && !same_table(sp->table, mp->stats.table)) {
			table_miss = 1;
			continue;
		}
		if (!dims_match(sp, c))
			continue;
		struct tl_observation o = {t->ind->slug, region, c->period, 0, c->status, sp->source, c->note};
		if (tl_status_has_value(c->status))
			o.value = c->value * sp->scale;
		int rc = tl_store_put_observation(mp->st, mp->import_id, &o, mp->errs);
		if (rc < 0) {
			mp->failed = 1;
			return rc;
		}
		if (rc == 1) {
			char code[9];
			tl_period_code(&c->period, code);
			tl_errors_add(mp->errs, mp->file, c->line, c->col, NULL,
				      "a second value for %s in %s for %s: each cell may appear once per file",
				      t->ind->slug, region, code);
			mp->failed = 1;
			continue;
		}
		written++;
		mp->stats.observations++;
		if (!tl_status_has_value(c->status))
			mp->stats.missing++;
	}
	if (!written) {
		if (table_miss)
			mp->stats.skip_table++;
		else
			mp->stats.skip_dims++;
	}
	return 0;
}

tl_mapper *tl_mapper_new(tl_store *st, const struct tl_model *m, const char *file, int64_t import_id,
			 const struct tl_mapper_opts *o, tl_errors *errs)
{
	tl_mapper *mp = xcalloc(1, sizeof *mp);
	mp->st = st;
	mp->m = m;
	mp->file = file;
	mp->import_id = import_id;
	if (o)
		mp->o = *o;
	mp->errs = errs;
	mp->a = tl_arena_new();
	mp->by_topic = tl_strmap_new(mp->a);
	mp->seen = tl_strmap_new(mp->a);
	mp->regions = tl_strmap_new(mp->a);
	mp->labels = tl_strmap_new(mp->a);
	for (size_t i = 0; i < m->n_regions; i++)
		tl_strmap_put(mp->regions, m->regions[i].code, (void *)1);
	for (size_t i = 0; i < m->n_regions; i++)
		add_label(mp, m->regions[i].name, m->regions[i].level, m->regions[i].code);
	for (size_t i = 0; i < m->n_indicators; i++) {
		const struct tl_indicator *d = &m->indicators[i];
		for (size_t k = 0; k < d->n_imports; k++) {
			struct target *t = TL_NEW(mp->a, struct target);
			t->ind = d;
			t->spec = &d->imports[k];
			t->next = tl_strmap_get(mp->by_topic, t->spec->topic, NULL);
			tl_strmap_put(mp->by_topic, t->spec->topic, t);
		}
	}
	mp->sink = (struct tl_raw_sink){mp, on_table, on_topic, on_region, on_cell};
	return mp;
}

const struct tl_raw_sink *tl_mapper_sink(tl_mapper *mp)
{
	return &mp->sink;
}

/* "ErvarenGezondheid_4" -> length of "ErvarenGezondheid": CBS topic keys end
 * in _<position>, which changes between table versions. */
static size_t base_len(const char *key)
{
	size_t n = strlen(key), i = n;
	while (i > 0 && isdigit((unsigned char)key[i - 1]))
		i--;
	if (i < n && i > 0 && key[i - 1] == '_')
		return i - 1;
	return n;
}

/* Edit distance, capped: enough to rank a handful of near keys. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 200 || lb > 200)
		return 999;
	size_t prev[201], cur[201];
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t sub = prev[j - 1] + (tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]));
			size_t del = prev[j] + 1, ins = cur[j - 1] + 1;
			cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
		}
		memcpy(prev, cur, (lb + 1) * sizeof *prev);
	}
	return prev[lb];
}

struct nearest_ctx {
	const char *topic;
	size_t base;
	const char *key[3];
	size_t d[3];
};

/* Keep the three keys closest to the topic; a key with the same base and
 * another position suffix counts as distance 0. */
static void consider(const char *key, void *value, void *vctx)
{
	struct nearest_ctx *n = vctx;
	(void)value;
	size_t d = (base_len(key) == n->base && !strncmp(key, n->topic, n->base)) ? 0 : distance(key, n->topic);
	for (int i = 0; i < 3; i++) {
		if (!n->key[i] || d < n->d[i] || (d == n->d[i] && strcmp(key, n->key[i]) < 0)) {
			for (int j = 2; j > i; j--) {
				n->key[j] = n->key[j - 1];
				n->d[j] = n->d[j - 1];
			}
			n->key[i] = key;
			n->d[i] = d;
			return;
		}
	}
}

static void nearest(tl_mapper *mp, const char *topic, tl_buf *out)
{
	struct nearest_ctx n = {topic, base_len(topic), {NULL, NULL, NULL}, {0, 0, 0}};
	tl_strmap_each(mp->seen, consider, &n);
	for (int i = 0; i < 3 && n.key[i]; i++) {
		/* Far-off keys are noise, not suggestions. */
		if (n.d[i] > strlen(topic) / 2 + 2)
			break;
		if (i)
			tl_buf_puts(out, ", ");
		tl_buf_puts(out, n.key[i]);
	}
}

int tl_mapper_finish(tl_mapper *mp, struct tl_mapper_stats *stats)
{
	int rc = mp->failed ? TL_ERR_INPUT : TL_OK;
	/* Verify the topic keys of specs that name this table (or, without a
	 * table, whose key differs from one of this table's only in the
	 * position suffix — the classic renumbering between versions). */
	if (tl_strmap_size(mp->seen) > 0) {
		for (size_t i = 0; i < mp->m->n_indicators; i++) {
			const struct tl_indicator *d = &mp->m->indicators[i];
			for (size_t k = 0; k < d->n_imports; k++) {
				const struct tl_import_spec *sp = &d->imports[k];
				int found;
				tl_strmap_get(mp->seen, sp->topic, &found);
				if (found)
					continue;
				int names_table = sp->table && mp->stats.table[0] && same_table(sp->table, mp->stats.table);
				tl_buf near = TL_BUF_INIT;
				nearest(mp, sp->topic, &near);
				int renumbered = near.len > 0 && strncmp(near.data, sp->topic, base_len(sp->topic)) == 0;
				if (names_table || renumbered) {
					tl_errors_add(mp->errs, mp->file, 0, 0, NULL,
						      "indicator %s: topic \"%s\" is not in table %s%s%s",
						      d->slug, sp->topic, mp->stats.table[0] ? mp->stats.table : "(this file)",
						      near.len ? "; nearest: " : "", near.len ? near.data : "");
					rc = TL_ERR_INPUT;
				}
				tl_buf_free(&near);
			}
		}
	}
	if (stats)
		*stats = mp->stats;
	return rc;
}

void tl_mapper_free(tl_mapper *mp)
{
	if (!mp)
		return;
	tl_strmap_free(mp->by_topic);
	tl_strmap_free(mp->seen);
	tl_strmap_free(mp->regions);
	tl_strmap_free(mp->labels);
	tl_arena_free(mp->a);
	free(mp);
}
