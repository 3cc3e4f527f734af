#include "mapper.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/buf.h"
#include "../core/strmap.h"
#include "../core/xalloc.h"

/* One spec with the indicator it feeds. */
struct target {
	const struct tl_indicator *ind;
	const struct tl_import_spec *spec;
	struct target *next; /* more specs for the same topic */
};

/* A region the file names, as the register will get it. */
struct regent {
	const char *name, *level, *parent, *group; /* arena copies, NULL when unknown */
	int cy, first, last;
};

/* Mergers a code takes part in (as predecessor or as successor). */
struct mlink {
	const struct tl_merger *g;
	size_t idx;     /* index in m->mergers */
	size_t old_pos; /* position among g->old_codes (predecessor links) */
	struct mlink *next;
};

/* A successor's figure being summed from its predecessors' cells. */
struct acc {
	const struct tl_merger *g;
	size_t idx;
	const struct tl_indicator *ind;
	const struct tl_import_spec *spec;
	struct tl_period period;
	double sum;
	uint64_t have;   /* bit per predecessor that gave a cell */
	int unknown;     /* a predecessor's cell has no value */
	int provisional;
	unsigned line, col;
};

struct tl_mapper_run {
	tl_arena *a;
	tl_strmap *added; /* region codes added to the agenda by this run */
	tl_strmap *named; /* region codes a file of this run named */
};

tl_mapper_run *tl_mapper_run_new(void)
{
	tl_mapper_run *run = xcalloc(1, sizeof *run);
	run->a = tl_arena_new();
	run->added = tl_strmap_new(run->a);
	run->named = tl_strmap_new(run->a);
	return run;
}

void tl_mapper_run_free(tl_mapper_run *run)
{
	if (!run)
		return;
	tl_strmap_free(run->added);
	tl_strmap_free(run->named);
	tl_arena_free(run->a);
	free(run);
}

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
	/* Per-cell lookups without hashing.  Readers hand the same topic
	 * pointer for a column on every row, so topics are cached by pointer
	 * (checked against a copy of the text: a reader may reuse a buffer);
	 * the region of a row is the region of the cell before it. */
	struct tcache {
		const char *ptr;
		char text[48];
		struct target *t;
	} tcache[128];
	char last_region[32];
	const char *last_region_key; /* what tl_strmap_key gave for it (NULL: unknown) */
	tl_strmap *reg;        /* region register entries: code -> struct regent */
	const char *last_reg_code; /* cache for the register lookup per cell */
	struct regent *last_reg;
	tl_strmap *as_old, *as_new; /* code -> struct mlink list */
	tl_strmap *accs;       /* "slug|code|period" -> struct acc */
	tl_strmap *aliased;    /* spec topic key -> the label topic it was matched to */
	unsigned char *merger_before, *merger_after, *merger_applied; /* per merger */
	long described_regions; /* regions the file's code lists named */
	long no_region_reported;
	long topics, numeric_topics; /* reported by the reader */
	const char *dims_miss;  /* why the first asked-for cell was not taken (arena) */
	const char *region_miss; /* the first region of an asked-for cell not in the agenda */
	unsigned last_line;     /* line of the previous cell (rows are counted by line) */
	int bulk;               /* the store's bulk writes are ours (tl_store_bulk_begin) */
	int progress_shown;
	struct timespec progress_last;
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

/* CBS's level by code prefix: NL01, LD01, PV22, CR07, GM0106, WK010600, BU01060000. */
static const char *level_of(const char *code)
{
	static const struct { char p[3]; const char *level; } lv[] = {
		{"NL", "land"}, {"LD", "landsdeel"}, {"PV", "provincie"}, {"CR", "corop"},
		{"GM", "gemeente"}, {"WK", "wijk"}, {"BU", "buurt"},
	};
	for (size_t i = 0; i < sizeof lv / sizeof *lv; i++)
		if (code[0] == lv[i].p[0] && code[1] == lv[i].p[1])
			return lv[i].level;
	return NULL;
}

/* A name without CBS's disambiguating suffix — " (PV)", " (CR)", " (LD)",
 * " (AM)" (two capitals) or " (gemeente)" — and without padding, in a.
 * "Bergen (NH.)" keeps its suffix: that one is part of the name. */
static const char *clean_name(tl_arena *a, const char *t)
{
	size_t n = strlen(t);
	while (n && t[n - 1] == ' ')
		n--;
	while (n && *t == ' ') {
		t++;
		n--;
	}
	if (n > 5 && t[n - 5] == ' ' && t[n - 4] == '(' && t[n - 1] == ')' && isupper((unsigned char)t[n - 3]) &&
	    isupper((unsigned char)t[n - 2]))
		n -= 5;
	else if (n > 11 && !strncmp(t + n - 11, " (gemeente)", 11))
		n -= 11;
	return n ? tl_arena_strndup(a, t, n) : NULL;
}

static struct regent *regent_of(tl_mapper *mp, const char *code)
{
	if (mp->last_reg_code && !strcmp(mp->last_reg_code, code))
		return mp->last_reg;
	struct regent *e = tl_strmap_get(mp->reg, code, NULL);
	if (!e) {
		e = TL_NEW(mp->a, struct regent);
		tl_strmap_put(mp->reg, code, e);
	}
	mp->last_reg_code = tl_strmap_key(mp->reg, code);
	mp->last_reg = e;
	return e;
}

static int on_table(void *ctx, const char *id, const char *title)
{
	tl_mapper *mp = ctx;
	(void)title;
	if (id)
		snprintf(mp->stats.table, sizeof mp->stats.table, "%s", id);
	return 0;
}

/* ---- Topic keys and labels ------------------------------------------------
 * A StatLine CSV names its topics by label ("Bevolking|…|Bevolkingsdichtheid"),
 * the OData files of the same table by key ("Bevolkingsdichtheid_57").  CBS
 * makes a key from the title: words run together, a position suffix, "k_"
 * before a leading digit.  So a spec's key also finds a label topic whose
 * last part, reduced to lower-case letters and digits (accents folded), is
 * the key without its suffix, reduced the same way.  Only labels are matched
 * this way (a key never is: another suffix is a renumbered topic), and a key
 * that fits two labels of one table is an error, not a choice. */

static size_t base_len(const char *key);

/* Is this topic a label rather than a CBS key (anything but [A-Za-z0-9_])? */
static int is_label(const char *s)
{
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_')
			return 1;
	return 0;
}

/* s[0..n) reduced to lower-case ASCII letters and digits into out (NUL-ended,
 * at most cap - 1 bytes); UTF-8 Latin-1 letters (é, ë, â …) lose their accent. */
static void reduce(const char *s, size_t n, char *out, size_t cap)
{
	static const char fold[] = "aaaaaaaceeeeiiiidnooooo ouuuuyty"; /* U+00E0..U+00FF */
	size_t o = 0;
	for (size_t i = 0; i < n && o + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xC3 && i + 1 < n) {
			unsigned char d = (unsigned char)s[++i];
			if (d >= 0x80 && d <= 0xBF) {
				char f = fold[(d - 0x80) & 0x1F];
				if (f != ' ')
					out[o++] = f;
			}
		} else if (isalnum(c)) {
			out[o++] = (char)tolower(c);
		}
	}
	out[o] = '\0';
}

/* A spec key reduced: without its position suffix and a "k_" before a digit. */
static void reduce_key(const char *key, char *out, size_t cap)
{
	size_t n = base_len(key);
	if (n > 2 && key[0] == 'k' && key[1] == '_' && isdigit((unsigned char)key[2])) {
		key += 2;
		n -= 2;
	}
	reduce(key, n, out, cap);
}

/* A label topic: the specs whose key fits its last part read its cells. */
static int alias_label(tl_mapper *mp, const char *label)
{
	const char *last = strrchr(label, '|');
	last = last ? last + 1 : label;
	char want[256], have[256];
	reduce(last, strlen(last), have, sizeof have);
	if (!have[0])
		return 0;
	struct target *list = NULL;
	for (size_t i = 0; i < mp->m->n_indicators; i++) {
		const struct tl_indicator *d = &mp->m->indicators[i];
		for (size_t k = 0; k < d->n_imports; k++) {
			const struct tl_import_spec *sp = &d->imports[k];
			if (is_label(sp->topic))
				continue;
			reduce_key(sp->topic, want, sizeof want);
			if (strcmp(want, have) != 0)
				continue;
			const char *before = tl_strmap_get(mp->aliased, sp->topic, NULL);
			if (before && strcmp(before, label) != 0) {
				tl_errors_add(mp->errs, mp->file, 0, 0, NULL,
					      "indicator %s: topic \"%s\" fits two topics of this file, \"%s\" and "
					      "\"%s\": name the one meant as the spec's topic",
					      d->slug, sp->topic, before, label);
				mp->failed = 1;
				return -1;
			}
			tl_strmap_put(mp->aliased, sp->topic, (void *)tl_arena_strdup(mp->a, label));
			tl_strmap_put(mp->seen, sp->topic, (void *)1);
			struct target *t = TL_NEW(mp->a, struct target);
			t->ind = d;
			t->spec = sp;
			t->next = list;
			list = t;
		}
	}
	if (list)
		tl_strmap_put(mp->by_topic, label, list);
	return 0;
}

static int on_topic(void *ctx, const struct tl_raw_topic *t)
{
	tl_mapper *mp = ctx;
	if (!t->key)
		return 0;
	mp->topics++;
	mp->numeric_topics += t->numeric != 0;
	memset(mp->tcache, 0, sizeof mp->tcache); /* a label may gain targets */
	tl_strmap_put(mp->seen, t->key, (void *)1);
	if (is_label(t->key) && !tl_strmap_get(mp->by_topic, t->key, NULL))
		alias_label(mp, t->key);
	return 0;
}

static int on_region(void *ctx, const struct tl_raw_region *r)
{
	tl_mapper *mp = ctx;
	int known;
	if (!r->code || !r->code[0])
		return 0;
	mp->described_regions++;
	struct regent *e = regent_of(mp, r->code);
	const char *name = r->name ? clean_name(mp->a, r->name) : NULL;
	if (!e->name && name && strcmp(name, r->code) != 0)
		e->name = name;
	if (!e->level && r->level)
		e->level = tl_arena_strdup(mp->a, r->level);
	if (!e->parent && r->parent)
		e->parent = tl_arena_strdup(mp->a, r->parent);
	if (!e->cy)
		e->cy = r->classification_year;
	if (!e->group && r->group)
		e->group = tl_arena_strdup(mp->a, r->group);
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
	const char *level = r->level ? r->level : level_of(r->code);
	struct tl_region reg = {r->code, name ? name : r->code, level ? level : "onbekend",
				parent_known ? r->parent : NULL, r->classification_year};
	if (tl_store_put_region(mp->st, &reg, mp->errs)) {
		mp->failed = 1;
		return TL_ERR_STORE;
	}
	tl_strmap_put(mp->regions, r->code, (void *)1);
	if (mp->o.run)
		tl_strmap_put(mp->o.run->added, r->code, (void *)1);
	mp->last_region[0] = '\0'; /* the memo may say "unknown" for it */
	if (r->name)
		add_label(mp, r->name, r->level, r->code);
	mp->stats.regions_added++;
	return 0;
}

/* A group of a region code list goes to the register's groups. */
static int on_group(void *ctx, const struct tl_raw_group *g)
{
	tl_mapper *mp = ctx;
	if (!g->id || !g->id[0])
		return 0;
	const char *title = g->title ? clean_name(mp->a, g->title) : NULL;
	if (tl_store_register_group(mp->st, g->id, title ? title : g->id, g->parent, mp->errs)) {
		mp->failed = 1;
		return TL_ERR_STORE;
	}
	mp->stats.groups_registered++;
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

static int is_old_of(const struct tl_merger *g, const char *code)
{
	for (size_t i = 0; i < g->n_old; i++)
		if (!strcmp(g->old_codes[i], code))
			return 1;
	return 0;
}

/* A predecessor's cell for a period before its merger, summed onto the
 * successor (written in tl_mapper_finish, once every predecessor is in). */
static int contribute(tl_mapper *mp, const struct mlink *l, const struct target *t,
		      const struct tl_raw_cell *c, const char *code)
{
	char per[9];
	tl_period_code(&c->period, per);
	tl_buf k = TL_BUF_INIT;
	tl_buf_printf(&k, "%s|%s|%s", t->ind->slug, l->g->new_code, per);
	struct acc *x = tl_strmap_get(mp->accs, k.data, NULL);
	if (!x) {
		x = TL_NEW(mp->a, struct acc);
		x->g = l->g;
		x->idx = l->idx;
		x->ind = t->ind;
		x->spec = t->spec;
		x->period = c->period;
		x->line = c->line;
		x->col = c->col;
		tl_strmap_put(mp->accs, k.data, x);
	}
	tl_buf_free(&k);
	uint64_t bit = (uint64_t)1 << l->old_pos;
	if (x->have & bit) {
		tl_errors_add(mp->errs, mp->file, c->line, c->col, NULL,
			      "a second value for %s in %s for %s: each cell may appear once per file",
			      t->ind->slug, code, per);
		mp->failed = 1;
		return -1;
	}
	x->have |= bit;
	if (tl_status_has_value(c->status))
		x->sum += c->value * t->spec->scale;
	else
		x->unknown = 1;
	if (c->status == TL_STATUS_PROVISIONAL)
		x->provisional = 1;
	mp->stats.merged_cells++;
	return 0;
}

/* "Leeftijd=53105, Marges=MW00000" of n pairs, into b. */
static void put_dims(tl_buf *b, const char *const *keys, const char *const *codes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		tl_buf_printf(b, "%s%s=%s", i ? ", " : "", keys[i], codes[i]);
}

/* The first cell of an asked-for topic that no spec took for its other
 * dimension codes, kept to explain an import that loads nothing. */
static void note_dims_miss(tl_mapper *mp, const struct tl_raw_cell *c, const struct target *t)
{
	tl_buf b = TL_BUF_INIT;
	const char *keys[32], *codes[32];
	size_t n = c->n_dims < 32 ? c->n_dims : 32;
	for (size_t i = 0; i < n; i++) {
		keys[i] = c->dims[i].key;
		codes[i] = c->dims[i].code;
	}
	tl_buf_printf(&b, "the cells of topic %s have ", c->topic);
	put_dims(&b, keys, codes, n);
	if (!n)
		tl_buf_puts(&b, "no other dimensions");
	for (int k = 0; t && k < 3; t = t->next, k++) {
		tl_buf_printf(&b, k ? "; %s asks for " : ", but indicator %s asks for ", t->ind->slug);
		put_dims(&b, (const char *const *)t->spec->dim_keys, (const char *const *)t->spec->dim_codes,
			 t->spec->n_dims);
	}
	mp->dims_miss = tl_arena_strdup(mp->a, b.data ? b.data : "");
	tl_buf_free(&b);
}

/* A progress line on stderr, at most ten times a second: readers stream, so
 * what is known is how far we got, not how far there is to go. */
static void progress(tl_mapper *mp)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double dt = (double)(now.tv_sec - mp->progress_last.tv_sec) +
		    (double)(now.tv_nsec - mp->progress_last.tv_nsec) / 1e9;
	if (mp->progress_shown && dt < 0.1)
		return;
	mp->progress_last = now;
	mp->progress_shown = 1;
	fprintf(stderr, "\rimport: %ld rows, %ld cells, %ld observations …", mp->stats.rows, mp->stats.cells,
		mp->stats.observations);
	fflush(stderr);
}

static void second_value(tl_mapper *mp, unsigned line, unsigned col, const char *slug, const char *region,
			 const struct tl_period *p)
{
	char pc[9];
	tl_period_code(p, pc);
	tl_errors_add(mp->errs, mp->file, line, col, NULL,
		      "a second value for %s in %s for %s: each cell may appear once per file", slug, region, pc);
}

/* A second value for a cell, found when the store wrote its bulk buffer:
 * it was counted as written. */
static void on_dup(void *ctx, uint64_t tag, const struct tl_observation *o)
{
	tl_mapper *mp = ctx;
	second_value(mp, (unsigned)(tag >> 32), (unsigned)(tag & 0xFFFFFFFFu), o->indicator, o->region, &o->period);
	mp->stats.observations--;
	if (!tl_status_has_value(o->status))
		mp->stats.missing--;
	mp->failed = 1;
}

static int on_cell(void *ctx, const struct tl_raw_cell *c)
{
	tl_mapper *mp = ctx;
	mp->stats.cells++;
	if (c->line != mp->last_line || mp->stats.rows == 0) {
		mp->stats.rows++;
		mp->last_line = c->line;
	}
	if (mp->o.progress && (mp->stats.cells & 0x3FFF) == 0)
		progress(mp);
	struct target *t;
	struct tcache *tc = &mp->tcache[((uintptr_t)c->topic >> 3) & 127];
	if (tc->ptr == c->topic && !strcmp(tc->text, c->topic)) {
		t = tc->t;
	} else {
		t = tl_strmap_get(mp->by_topic, c->topic, NULL);
		size_t n = strlen(c->topic);
		tc->ptr = n < sizeof tc->text ? c->topic : NULL;
		if (tc->ptr)
			memcpy(tc->text, c->topic, n + 1);
		tc->t = t;
	}
	/* Every region code with a figure is registered, asked for or not. */
	if (c->region && c->region[0] && c->has_period && tl_status_has_value(c->status)) {
		struct regent *e = regent_of(mp, c->region);
		if (!e->first || c->period.year < e->first)
			e->first = c->period.year;
		if (c->period.year > e->last)
			e->last = c->period.year;
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
		if (!strcmp(region, mp->last_region)) {
			region = mp->last_region_key;
		} else {
			size_t n = strlen(region);
			const char *key = tl_strmap_key(mp->regions, region);
			if (n < sizeof mp->last_region) {
				memcpy(mp->last_region, region, n + 1);
				mp->last_region_key = key;
			}
			region = key;
		}
	} else if (c->region_label) {
		region = tl_strmap_get(mp->labels, c->region_label, NULL);
	} else if (c->national) {
		/* The reader showed that the table has no region dimension. */
		if (mp->m->agenda.national_region)
			region = tl_strmap_key(mp->regions, mp->m->agenda.national_region);
	} else if (mp->described_regions) {
		/* The table has a region code list, yet this cell has no region
		 * (a v4 download whose Observations.csv lacks the RegioS column):
		 * calling it national would be a guess. */
		if (!mp->no_region_reported++)
			tl_errors_add(mp->errs, mp->file, c->line, c->col, NULL,
				      "the table's code lists name regions, but this cell (%s) has none: "
				      "which region its figure is for is unknown, so it is not loaded", c->topic);
		mp->failed = 1;
		return 0;
	} else if (mp->m->agenda.national_region) {
		/* A table without a region dimension is national. */
		region = tl_strmap_key(mp->regions, mp->m->agenda.national_region);
	}
	const char *code = region ? region : c->region;
	const struct mlink *as_old = NULL, *as_new = NULL;
	if (mp->m->n_mergers && code) {
		as_old = tl_strmap_get(mp->as_old, code, NULL);
		as_new = tl_strmap_get(mp->as_new, code, NULL);
	}
	if (!region && !as_old) {
		mp->stats.skip_region++;
		if (!mp->region_miss && (c->region || c->region_label))
			mp->region_miss = tl_arena_strdup(mp->a, c->region ? c->region : c->region_label);
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
		/* Mergers: a predecessor's figure before the merger goes to the
		 * successor when the merger maps this indicator … */
		int mapped = 0, replaced = 0;
		for (const struct mlink *l = as_old; l; l = l->next) {
			if (c->period.year < l->g->year && tl_merger_maps(l->g, t->ind)) {
				if (contribute(mp, l, t, c, code))
					return 0;
				mapped = 1;
				/* A successor that kept its code: its old figure is
				 * one of the parts, not a cell of its own. */
				if (!strcmp(code, l->g->new_code))
					replaced = 1;
			}
		}
		/* … and replaces the successor's own cell of that period (a
		 * new code has "" there: it did not exist yet).  Otherwise the
		 * successor's series is broken at the merger. */
		for (const struct mlink *l = as_new; l; l = l->next) {
			if (tl_merger_maps(l->g, t->ind)) {
				if (c->period.year < l->g->year && !is_old_of(l->g, code))
					replaced = 1;
			} else if (tl_status_has_value(c->status)) {
				if (c->period.year < l->g->year)
					mp->merger_before[l->idx] = 1;
				else
					mp->merger_after[l->idx] = 1;
			}
		}
		if (replaced) {
			written++;
			if (!mapped)
				mp->stats.skip_merged++;
			continue;
		}
		if (!region) {
			written += mapped;
			continue;
		}
		struct tl_observation o = {t->ind->slug, region, c->period, 0, c->status, sp->source, c->note};
		if (tl_status_has_value(c->status))
			o.value = c->value * sp->scale;
		int rc = tl_store_put_observation_later(mp->st, mp->import_id, &o,
							(uint64_t)c->line << 32 | c->col, mp->errs);
		if (rc < 0) {
			mp->failed = 1;
			return rc;
		}
		if (rc == 1) {
			second_value(mp, c->line, c->col, t->ind->slug, region, &c->period);
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
		else if (!region)
			mp->stats.skip_region++;
		else {
			mp->stats.skip_dims++;
			if (!mp->dims_miss)
				note_dims_miss(mp, c, tl_strmap_get(mp->by_topic, c->topic, NULL));
		}
	}
	return 0;
}

static void link_merger(tl_mapper *mp, tl_strmap *map, const char *code, const struct tl_merger *g, size_t idx,
			size_t pos)
{
	struct mlink *l = TL_NEW(mp->a, struct mlink);
	l->g = g;
	l->idx = idx;
	l->old_pos = pos;
	l->next = tl_strmap_get(map, code, NULL);
	tl_strmap_put(map, code, l);
}

static void know_region(const char *code, void *value, void *ctx)
{
	tl_strmap_put(ctx, code, value);
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
	/* Regions an earlier file of the run added are known now. */
	if (mp->o.run)
		tl_strmap_each(mp->o.run->added, know_region, mp->regions);
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
	mp->reg = tl_strmap_new(mp->a);
	mp->as_old = tl_strmap_new(mp->a);
	mp->as_new = tl_strmap_new(mp->a);
	mp->accs = tl_strmap_new(mp->a);
	mp->aliased = tl_strmap_new(mp->a);
	size_t ng = m->n_mergers;
	mp->merger_before = TL_NEW_ARRAY(mp->a, unsigned char, ng + 1);
	mp->merger_after = TL_NEW_ARRAY(mp->a, unsigned char, ng + 1);
	mp->merger_applied = TL_NEW_ARRAY(mp->a, unsigned char, ng + 1);
	for (size_t i = 0; i < ng; i++) {
		const struct tl_merger *g = &m->mergers[i];
		/* The agenda parser caps predecessors at 64 (one bit each). */
		for (size_t k = 0; k < g->n_old && k < 64; k++)
			link_merger(mp, mp->as_old, g->old_codes[k], g, i, k);
		link_merger(mp, mp->as_new, g->new_code, g, i, 0);
	}
	mp->sink = (struct tl_raw_sink){mp, on_table, on_topic, on_region, on_cell, on_group};
	tl_store_bulk_begin(st, on_dup, mp);
	mp->bulk = 1;
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

struct walk {
	tl_mapper *mp;
	int rc;
};

/* Write one summed successor figure.  It has a value only when every
 * predecessor gave one; otherwise it is missing, and the note says why. */
static void write_acc(const char *key, void *value, void *vctx)
{
	(void)key;
	struct walk *w = vctx;
	tl_mapper *mp = w->mp;
	const struct acc *x = value;
	if (w->rc)
		return;
	const char *region = tl_strmap_key(mp->regions, x->g->new_code);
	if (!region) {
		mp->stats.skip_region++;
		return;
	}
	size_t n = x->g->n_old < 64 ? x->g->n_old : 64, got = 0;
	for (size_t i = 0; i < n; i++)
		got += (x->have >> i) & 1;
	struct tl_observation o = {x->ind->slug, region, x->period, 0, TL_STATUS_MISSING, x->spec->source, NULL};
	if (got == n && !x->unknown) {
		o.value = x->sum;
		o.status = x->provisional ? TL_STATUS_PROVISIONAL : TL_STATUS_FINAL;
	} else {
		o.note = tl_arena_printf(mp->a, "herindeling %d: %zu van de %zu voorgangers met een cijfer",
					 x->g->year, x->unknown ? got - 1 : got, n);
	}
	int rc = tl_store_put_observation(mp->st, mp->import_id, &o, mp->errs);
	if (rc == 1) {
		char pc[9];
		tl_period_code(&x->period, pc);
		tl_errors_add(mp->errs, mp->file, x->line, x->col, NULL,
			      "a second value for %s in %s for %s: the merger into %s maps its predecessors' figures there",
			      x->ind->slug, region, pc, region);
		rc = TL_ERR_INPUT;
	}
	if (rc) {
		w->rc = rc;
		return;
	}
	mp->stats.observations++;
	mp->stats.merged_obs++;
	if (!tl_status_has_value(o.status))
		mp->stats.missing++;
	mp->merger_applied[x->idx] = 1;
}

static void write_regent(const char *code, void *value, void *vctx)
{
	struct walk *w = vctx;
	const struct regent *e = value;
	if (w->rc)
		return;
	struct tl_register_region r = {code, e->name, e->level ? e->level : level_of(code), e->parent, e->group,
				       e->cy, e->first, e->last};
	int added = 0;
	if (tl_store_register_region(w->mp->st, &r, &added, w->mp->errs)) {
		w->rc = TL_ERR_STORE;
		return;
	}
	tl_mapper_run *run = w->mp->o.run;
	int found = 0;
	if (run)
		tl_strmap_get(run->named, code, &found);
	if (!found) {
		w->mp->stats.regions_seen++;
		if (run)
			tl_strmap_put(run->named, code, (void *)1);
	}
	w->mp->stats.regions_registered += added;
}

/* An import that loads nothing says why (a warning: what the file holds,
 * such as its regions, is still taken). */
static void explain_nothing(tl_mapper *mp)
{
	const struct tl_mapper_stats *s = &mp->stats;
	const char *tbl = s->table[0] ? s->table : "this file";
	if (mp->topics && !mp->numeric_topics)
		tl_errors_warn(mp->errs, mp->file, 0, 0, NULL,
			       "no observations loaded: every topic of %s is text (names, codes), none holds "
			       "figures; the file was read for its %ld region%s",
			       tbl, s->regions_seen, s->regions_seen == 1 ? "" : "s");
	else if (!s->cells)
		tl_errors_warn(mp->errs, mp->file, 0, 0, NULL,
			       "no observations loaded: %s holds no figures, only what describes them "
			       "(topics, regions, periods)", tbl);
	else if (s->skip_dims && mp->dims_miss)
		tl_errors_warn(mp->errs, mp->file, 0, 0, NULL,
			       "no observations loaded: %s (%ld cell%s of asked-for topics skipped for their "
			       "dimension codes)",
			       mp->dims_miss, s->skip_dims, s->skip_dims == 1 ? "" : "s");
	else if (s->skip_table)
		tl_errors_warn(mp->errs, mp->file, 0, 0, NULL,
			       "no observations loaded: the import specs that name this file's topics ask for "
			       "another table than %s", tbl);
	else if (s->skip_region)
		tl_errors_warn(mp->errs, mp->file, 0, 0, NULL,
			       "no observations loaded: no cell of an asked-for topic is for a region of the "
			       "agenda (first: %s); add the region to the agenda or import with --add-regions",
			       mp->region_miss ? mp->region_miss : "a cell without a region");
	else if (s->skip_period)
		tl_errors_warn(mp->errs, mp->file, 0, 0, NULL,
			       "no observations loaded: %s has no period dimension", tbl);
	else
		tl_errors_warn(mp->errs, mp->file, 0, 0, NULL,
			       "no observations loaded: no indicator's import spec asks for a topic of %s", tbl);
}

int tl_mapper_finish(tl_mapper *mp, struct tl_mapper_stats *stats)
{
	if (mp->progress_shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
	}
	/* The cells still in the store's bulk buffer go first: a duplicate
	 * among them fails the file. */
	int brc = mp->bulk ? tl_store_bulk_end(mp->st, mp->errs) : TL_OK;
	mp->bulk = 0;
	if (brc)
		mp->failed = 1;
	int rc = brc ? brc : mp->failed ? TL_ERR_INPUT : TL_OK;
	struct walk w = {mp, 0};
	if (!rc)
		tl_strmap_each(mp->accs, write_acc, &w);
	if (!rc && !w.rc)
		tl_strmap_each(mp->reg, write_regent, &w);
	if (w.rc) {
		rc = w.rc;
		mp->failed = 1;
	}
	for (size_t i = 0; i < mp->m->n_mergers; i++) {
		mp->stats.mergers_applied += mp->merger_applied[i];
		mp->stats.mergers_broken += mp->merger_before[i] && mp->merger_after[i];
	}
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
				/* A spec for another table says nothing about this one. */
				if (sp->table && mp->stats.table[0] && !names_table)
					continue;
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
	if (!rc && !mp->stats.observations && !mp->stats.merged_obs)
		explain_nothing(mp);
	if (stats)
		*stats = mp->stats;
	return rc;
}

void tl_mapper_free(tl_mapper *mp)
{
	if (!mp)
		return;
	if (mp->bulk) {
		/* Not finished (a failed read): write what is buffered, so that
		 * nothing calls back into a freed mapper; the caller rolls back. */
		tl_errors e = TL_ERRORS_INIT;
		tl_store_bulk_end(mp->st, &e);
		tl_errors_free(&e);
	}
	tl_strmap_free(mp->by_topic);
	tl_strmap_free(mp->seen);
	tl_strmap_free(mp->regions);
	tl_strmap_free(mp->labels);
	tl_strmap_free(mp->reg);
	tl_strmap_free(mp->as_old);
	tl_strmap_free(mp->as_new);
	tl_strmap_free(mp->accs);
	tl_strmap_free(mp->aliased);
	tl_arena_free(mp->a);
	free(mp);
}
