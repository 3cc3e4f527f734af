#include "report.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "../core/buf.h"
#include "../core/file.h"
#include "../core/fmt.h"
#include "../core/str.h"
#include "../core/xalloc.h"
#include "agenda.h"

/* The parse state: the YAML document with its marks, the file name and the
 * line offset for messages (front matter starts on line 2 of a story), and
 * the model being filled. */
struct ctx {
	yaml_document_t *doc;
	const char *file;
	unsigned line0;
	tl_errors *errs;
	const struct tl_model *m;
	tl_arena *a;
};

/* ---- YAML access with positions ----------------------------------------- */

static void err_at(struct ctx *c, const yaml_node_t *n, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void err_at(struct ctx *c, const yaml_node_t *n, const char *field, const char *fmt, ...)
{
	va_list ap;
	tl_buf b = TL_BUF_INIT;
	va_start(ap, fmt);
	tl_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	tl_errors_add(c->errs, c->file, n ? (unsigned)n->start_mark.line + 1 + c->line0 : 0,
		      n ? (unsigned)n->start_mark.column + 1 : 0, field, "%s", b.data);
	tl_buf_free(&b);
}

static yaml_node_t *node(struct ctx *c, int id)
{
	return yaml_document_get_node(c->doc, id);
}

static const char *kind_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE: return "a value";
	case YAML_SEQUENCE_NODE: return "a list";
	case YAML_MAPPING_NODE: return "a mapping";
	default: return "nothing";
	}
}

static int want_map(struct ctx *c, yaml_node_t *n, const char *what)
{
	if (!n || n->type != YAML_MAPPING_NODE) {
		err_at(c, n, NULL, "%s must be a mapping (key: value lines), not %s", what,
		       n ? kind_name(n) : "nothing");
		return 0;
	}
	return 1;
}

static void check_keys(struct ctx *c, yaml_node_t *n, const char *what, const char *const *allowed)
{
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(c, p->key);
		if (!k || k->type != YAML_SCALAR_NODE) {
			err_at(c, k, NULL, "%s: keys must be plain words", what);
			continue;
		}
		const char *key = (const char *)k->data.scalar.value;
		int ok = 0;
		for (const char *const *a = allowed; *a; a++)
			ok |= !strcmp(key, *a);
		for (yaml_node_pair_t *q = n->data.mapping.pairs.start; q < p; q++) {
			yaml_node_t *k2 = node(c, q->key);
			if (k2 && k2->type == YAML_SCALAR_NODE && !strcmp((const char *)k2->data.scalar.value, key))
				err_at(c, k, key, "%s: \"%s\" is given twice", what, key);
		}
		if (ok)
			continue;
		tl_buf list = TL_BUF_INIT;
		for (const char *const *a = allowed; *a; a++) {
			if (a != allowed)
				tl_buf_puts(&list, ", ");
			tl_buf_puts(&list, *a);
		}
		err_at(c, k, key, "unknown key \"%s\" in %s (accepted: %s)", key, what, list.data);
		tl_buf_free(&list);
	}
}

static yaml_node_t *get(struct ctx *c, yaml_node_t *map, const char *key)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(c, p->key);
		if (k && k->type == YAML_SCALAR_NODE && !strcmp((const char *)k->data.scalar.value, key))
			return node(c, p->value);
	}
	return NULL;
}

static int is_null(const yaml_node_t *v)
{
	if (v->type != YAML_SCALAR_NODE)
		return 0;
	if (v->data.scalar.length == 0)
		return 1;
	const char *s = (const char *)v->data.scalar.value;
	return v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && (!strcmp(s, "~") || !strcmp(s, "null"));
}

/* A scalar's trimmed text in the arena; NULL when absent, null or empty
 * (an error when required). */
static const char *scalar_text(struct ctx *c, yaml_node_t *v, const char *key, const char *what,
			       int required, yaml_node_t *map)
{
	if (!v || is_null(v)) {
		if (required)
			err_at(c, v ? v : map, key, "%s: \"%s\" is required", what, key);
		return NULL;
	}
	if (v->type != YAML_SCALAR_NODE) {
		err_at(c, v, key, "%s: \"%s\" must be text, not %s", what, key, kind_name(v));
		return NULL;
	}
	size_t n = v->data.scalar.length;
	const char *s = tl_trim((const char *)v->data.scalar.value, &n);
	if (n == 0) {
		if (required)
			err_at(c, v, key, "%s: \"%s\" is empty", what, key);
		return NULL;
	}
	if (memchr(s, '\0', n)) {
		err_at(c, v, key, "%s: \"%s\" contains a NUL character", what, key);
		return NULL;
	}
	return tl_arena_strndup(c->a, s, n);
}

static const char *str_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what,
			     int required)
{
	return scalar_text(c, get(c, map, key), key, what, required, map);
}

static int parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	if (!*s || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	long v = strtol(s, &end, 10);
	if (*end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Whole number field; def when absent.  *bad set on error. */
static long int_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what, long min,
		      long max, long def, int required)
{
	yaml_node_t *v = get(c, map, key);
	if (!v || is_null(v)) {
		if (required)
			err_at(c, v ? v : map, key, "%s: \"%s\" is required", what, key);
		return def;
	}
	long out;
	if (v->type != YAML_SCALAR_NODE || parse_long((const char *)v->data.scalar.value, min, max, &out)) {
		err_at(c, v, key, "%s: \"%s\" must be a whole number from %ld to %ld", what, key, min, max);
		return def;
	}
	return out;
}

/* A number such as 800000, 28200000 or 12.5 (decimal point, no thousands
 * separators: YAML is not prose).  Returns 1 when present and valid. */
static int num_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what, int required,
		     double *out)
{
	yaml_node_t *v = get(c, map, key);
	if (!v || is_null(v)) {
		if (required)
			err_at(c, v ? v : map, key, "%s: \"%s\" is required", what, key);
		return 0;
	}
	const char *s = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
	if (v->type != YAML_SCALAR_NODE || tl_parse_decimal(s, strlen(s), '.', out)) {
		err_at(c, v, key,
		       "%s: \"%s\" must be a number with a decimal point and no thousands separators "
		       "(800000, 12.5), not \"%s\"",
		       what, key, s);
		return 0;
	}
	return 1;
}

static int bool_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what, int required,
		      int def)
{
	static const char *const yes[] = {"true", "yes", "ja", "waar"};
	static const char *const no[] = {"false", "no", "nee", "onwaar"};
	yaml_node_t *v = get(c, map, key);
	if (!v || is_null(v)) {
		if (required)
			err_at(c, v ? v : map, key, "%s: \"%s\" is required (true or false)", what, key);
		return def;
	}
	if (v->type == YAML_SCALAR_NODE) {
		const char *s = (const char *)v->data.scalar.value;
		for (size_t i = 0; i < 4; i++) {
			if (!strcasecmp(s, yes[i]))
				return 1;
			if (!strcasecmp(s, no[i]))
				return 0;
		}
	}
	err_at(c, v, key, "%s: \"%s\" must be true or false", what, key);
	return def;
}

static int date_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what, int required,
		      struct tl_ymd *out)
{
	*out = (struct tl_ymd){0, 0, 0};
	const char *s = str_field(c, map, key, what, required);
	if (!s)
		return 0;
	if (tl_ymd_parse(s, strlen(s), out)) {
		err_at(c, get(c, map, key), key,
		       "%s: \"%s\" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"%s\"", what, key, s);
		return 0;
	}
	return 1;
}

static size_t seq_len(yaml_node_t *s)
{
	return s ? (size_t)(s->data.sequence.items.top - s->data.sequence.items.start) : 0;
}

static yaml_node_t *seq_at(struct ctx *c, yaml_node_t *s, size_t i)
{
	return node(c, s->data.sequence.items.start[i]);
}

static yaml_node_t *seq_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what)
{
	yaml_node_t *v = get(c, map, key);
	if (!v || is_null(v))
		return NULL;
	if (v->type != YAML_SEQUENCE_NODE) {
		err_at(c, v, key, "%s: \"%s\" must be a list, not %s", what, key, kind_name(v));
		return NULL;
	}
	return v;
}

/* goals: [1, 2] — every number a goal of the agenda. */
static int *goals_field(struct ctx *c, yaml_node_t *map, const char *what, size_t *n)
{
	yaml_node_t *gs = seq_field(c, map, "goals", what);
	int *goals = TL_NEW_ARRAY(c->a, int, seq_len(gs) + 1);
	*n = 0;
	for (size_t k = 0; k < seq_len(gs); k++) {
		yaml_node_t *gn = seq_at(c, gs, k);
		long g;
		if (gn->type != YAML_SCALAR_NODE || parse_long((const char *)gn->data.scalar.value, 1, 9999, &g)) {
			err_at(c, gn, "goals", "%s: goals must be goal numbers, e.g. [1, 2]", what);
			continue;
		}
		if (!tl_model_goal(c->m, (int)g)) {
			err_at(c, gn, "goals", "%s: unknown goal %ld (not in agenda.yml)", what, g);
			continue;
		}
		int dup = 0;
		for (size_t i = 0; i < *n; i++)
			dup |= goals[i] == (int)g;
		if (dup)
			err_at(c, gn, "goals", "%s: goal %ld is listed twice", what, g);
		else
			goals[(*n)++] = (int)g;
	}
	return goals;
}

/* A list of texts (partners). */
static const char **texts_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what,
				size_t *n)
{
	yaml_node_t *ls = seq_field(c, map, key, what);
	const char **out = TL_NEW_ARRAY(c->a, const char *, seq_len(ls) + 1);
	*n = 0;
	for (size_t k = 0; k < seq_len(ls); k++) {
		const char *t = scalar_text(c, seq_at(c, ls, k), key, what, 1, ls);
		if (t)
			out[(*n)++] = t;
	}
	return out;
}

static const char *region_ref(struct ctx *c, yaml_node_t *v, const char *key, const char *what,
			      yaml_node_t *map)
{
	const char *code = scalar_text(c, v, key, what, 0, map);
	if (!code)
		return NULL;
	const struct tl_region *r = tl_model_region(c->m, code);
	if (!r) {
		err_at(c, v, key, "%s: unknown region \"%s\" (a CBS code from agenda.yml, e.g. GM0106)", what, code);
		return NULL;
	}
	return r->code;
}

static const char *theme_ref(struct ctx *c, yaml_node_t *map, const char *what)
{
	const char *t = str_field(c, map, "theme", what, 0);
	if (!t)
		return NULL;
	const struct tl_theme *th = tl_model_theme(c->m, t);
	if (!th) {
		err_at(c, get(c, map, "theme"), "theme", "%s: unknown theme \"%s\" (not in agenda.yml)", what, t);
		return NULL;
	}
	return th->slug;
}

static const char *slug_field(struct ctx *c, yaml_node_t *map, const char *what)
{
	const char *s = str_field(c, map, "slug", what, 1);
	if (s && !tl_is_slug(s)) {
		err_at(c, get(c, map, "slug"), "slug", "%s: slug \"%s\" may only contain a-z, 0-9, - and _", what, s);
		return NULL;
	}
	return s;
}

/* ---- instruments -------------------------------------------------------- */

static void parse_stated(struct ctx *c, yaml_node_t *inode, struct tl_instrument *in)
{
	static const char *const keys[] = {"year", "theme", "count", "amount", "text", NULL};
	yaml_node_t *seq = seq_field(c, inode, "stated", "instrument");
	in->stated = TL_NEW_ARRAY(c->a, struct tl_stated_total, seq_len(seq) + 1);
	for (size_t i = 0; i < seq_len(seq); i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "a stated total"))
			continue;
		check_keys(c, t, "stated total", keys);
		struct tl_stated_total *s = &in->stated[in->n_stated];
		s->year = (int)int_field(c, t, "year", "stated total", 1800, 2200, 0, 1);
		s->theme = theme_ref(c, t, "stated total");
		s->count = int_field(c, t, "count", "stated total", 0, 100000000, -1, 0);
		s->has_amount = num_field(c, t, "amount", "stated total", 0, &s->amount);
		s->text = str_field(c, t, "text", "stated total", 0);
		if (s->count < 0 && !s->has_amount && !s->text) {
			err_at(c, t, NULL, "stated total: needs a count, an amount or the text that states it");
			continue;
		}
		if (in->slug && tl_instrument_stated(in, s->year, s->theme)) {
			err_at(c, t, "year", "instrument %s: a second stated total for %d%s%s", in->slug, s->year,
			       s->theme ? " and theme " : "", s->theme ? s->theme : "");
			continue;
		}
		in->n_stated++;
	}
}

static void parse_grants(struct ctx *c, yaml_node_t *inode, struct tl_instrument *in)
{
	static const char *const keys[] = {"recipient", "project", "municipality", "year", "amount",
					   "goals", "note", NULL};
	yaml_node_t *seq = seq_field(c, inode, "grants", "instrument");
	in->grants = TL_NEW_ARRAY(c->a, struct tl_grant, seq_len(seq) + 1);
	for (size_t i = 0; i < seq_len(seq); i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "a grant"))
			continue;
		check_keys(c, t, "grant", keys);
		struct tl_grant *g = &in->grants[in->n_grants];
		size_t before = tl_errors_count(c->errs);
		g->instrument = in->slug;
		g->recipient = str_field(c, t, "recipient", "grant", 0);
		g->project = str_field(c, t, "project", "grant", 0);
		if (!g->recipient && !g->project)
			err_at(c, t, "recipient", "grant: needs a recipient or a project (or both)");
		g->municipality = region_ref(c, get(c, t, "municipality"), "municipality", "grant", t);
		g->year = (int)int_field(c, t, "year", "grant", 1800, 2200, 0, 1);
		g->has_amount = num_field(c, t, "amount", "grant", 0, &g->amount);
		if (g->has_amount && g->amount < 0)
			err_at(c, get(c, t, "amount"), "amount", "grant: amount cannot be negative");
		g->goals = goals_field(c, t, "grant", &g->n_goals);
		g->note = str_field(c, t, "note", "grant", 0);
		if (tl_errors_count(c->errs) == before)
			in->n_grants++;
	}
}

static void parse_instruments(struct ctx *c, yaml_node_t *seq, struct tl_model *m)
{
	static const char *const keys[] = {"slug", "name", "kind", "theme", "goals", "partners",
					   "municipalities", "budget", "budget_note", "period",
					   "in_agenda", "description", "source", "stated", "grants", NULL};
	m->instruments = TL_NEW_ARRAY(c->a, struct tl_instrument, seq_len(seq) + 1);
	for (size_t i = 0; i < seq_len(seq); i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "an instrument"))
			continue;
		check_keys(c, t, "instrument", keys);
		struct tl_instrument *in = &m->instruments[m->n_instruments];
		size_t before = tl_errors_count(c->errs);
		in->slug = slug_field(c, t, "instrument");
		if (in->slug && tl_model_instrument(m, in->slug))
			err_at(c, get(c, t, "slug"), "slug", "instrument \"%s\" is declared twice", in->slug);
		in->name = str_field(c, t, "name", "instrument", 1);
		in->kind = str_field(c, t, "kind", "instrument", 1);
		in->theme = theme_ref(c, t, "instrument");
		in->goals = goals_field(c, t, "instrument", &in->n_goals);
		in->partners = texts_field(c, t, "partners", "instrument", &in->n_partners);
		yaml_node_t *ms = seq_field(c, t, "municipalities", "instrument");
		in->municipalities = TL_NEW_ARRAY(c->a, const char *, seq_len(ms) + 1);
		for (size_t k = 0; k < seq_len(ms); k++) {
			const char *code = region_ref(c, seq_at(c, ms, k), "municipalities", "instrument", ms);
			if (code)
				in->municipalities[in->n_municipalities++] = code;
		}
		in->has_budget = num_field(c, t, "budget", "instrument", 0, &in->budget);
		in->budget_note = str_field(c, t, "budget_note", "instrument", 0);
		in->in_agenda = bool_field(c, t, "in_agenda", "instrument", 0, 1);
		in->description = str_field(c, t, "description", "instrument", 0);
		in->source = str_field(c, t, "source", "instrument", 0);
		in->position = (int)m->n_instruments + 1;
		yaml_node_t *p = get(c, t, "period");
		if (p && !is_null(p)) {
			long a = 0, b = 0;
			int ok = 0;
			if (p->type == YAML_SCALAR_NODE)
				ok = !parse_long((const char *)p->data.scalar.value, 1800, 2200, &a), b = a;
			else if (p->type == YAML_SEQUENCE_NODE && seq_len(p) == 2) {
				yaml_node_t *x = seq_at(c, p, 0), *y = seq_at(c, p, 1);
				ok = x->type == YAML_SCALAR_NODE && y->type == YAML_SCALAR_NODE &&
				     !parse_long((const char *)x->data.scalar.value, 1800, 2200, &a) &&
				     !parse_long((const char *)y->data.scalar.value, 1800, 2200, &b) && a <= b;
			}
			if (!ok)
				err_at(c, p, "period", "instrument: period must be a year or [first year, last year]");
			in->start_year = (int)a;
			in->end_year = (int)b;
		}
		if (tl_errors_count(c->errs) != before)
			continue;
		/* grants and totals refer to the instrument by its slug */
		parse_stated(c, t, in);
		parse_grants(c, t, in);
		m->n_instruments++;
	}
}

/* ---- targets ------------------------------------------------------------ */

/* baseline: {value, date} and target: {value, date}; either part optional. */
static void parse_point(struct ctx *c, yaml_node_t *t, const char *key, int *has, double *value,
			struct tl_ymd *date)
{
	static const char *const keys[] = {"value", "date", NULL};
	yaml_node_t *p = get(c, t, key);
	if (!p || is_null(p))
		return;
	if (!want_map(c, p, key))
		return;
	check_keys(c, p, key, keys);
	*has = num_field(c, p, "value", key, 0, value);
	date_field(c, p, "date", key, 0, date);
}

static void parse_targets(struct ctx *c, yaml_node_t *seq, struct tl_model *m)
{
	static const char *const keys[] = {"slug", "title", "theme", "goals", "instrument", "unit",
					   "decimals", "polarity", "baseline", "target", "text",
					   "source", "progress", NULL};
	static const char *const pkeys[] = {"date", "value", "source", "note", NULL};
	m->targets = TL_NEW_ARRAY(c->a, struct tl_target, seq_len(seq) + 1);
	for (size_t i = 0; i < seq_len(seq); i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "a target"))
			continue;
		check_keys(c, t, "target", keys);
		struct tl_target *g = &m->targets[m->n_targets];
		size_t before = tl_errors_count(c->errs);
		g->slug = slug_field(c, t, "target");
		if (g->slug && tl_model_target(m, g->slug))
			err_at(c, get(c, t, "slug"), "slug", "target \"%s\" is declared twice", g->slug);
		g->title = str_field(c, t, "title", "target", 1);
		g->theme = theme_ref(c, t, "target");
		g->goals = goals_field(c, t, "target", &g->n_goals);
		g->instrument = str_field(c, t, "instrument", "target", 0);
		if (g->instrument) {
			const struct tl_instrument *in = tl_model_instrument(m, g->instrument);
			if (!in)
				err_at(c, get(c, t, "instrument"), "instrument",
				       "target: unknown instrument \"%s\" (not under instruments:)", g->instrument);
			else
				g->instrument = in->slug;
		}
		g->unit = str_field(c, t, "unit", "target", 0);
		g->decimals = (int)int_field(c, t, "decimals", "target", 0, 6, 0, 0);
		g->polarity = TL_POLARITY_HIGHER_BETTER;
		const char *pol = str_field(c, t, "polarity", "target", 0);
		if (pol && tl_polarity_parse(pol, &g->polarity))
			err_at(c, get(c, t, "polarity"), "polarity",
			       "target: polarity must be higher-is-better, lower-is-better or neutral, not \"%s\"", pol);
		parse_point(c, t, "baseline", &g->has_baseline, &g->baseline, &g->baseline_date);
		parse_point(c, t, "target", &g->has_target, &g->target, &g->deadline);
		g->text = str_field(c, t, "text", "target", 0);
		g->source = str_field(c, t, "source", "target", 0);
		g->position = (int)m->n_targets + 1;
		yaml_node_t *ps = seq_field(c, t, "progress", "target");
		g->progress = TL_NEW_ARRAY(c->a, struct tl_target_entry, seq_len(ps) + 1);
		for (size_t k = 0; k < seq_len(ps); k++) {
			yaml_node_t *pn = seq_at(c, ps, k);
			if (!want_map(c, pn, "a progress entry"))
				continue;
			check_keys(c, pn, "progress entry", pkeys);
			struct tl_target_entry *e = &g->progress[g->n_progress];
			int ok = date_field(c, pn, "date", "progress entry", 1, &e->date);
			ok &= num_field(c, pn, "value", "progress entry", 1, &e->value);
			e->source = str_field(c, pn, "source", "progress entry", 0);
			e->note = str_field(c, pn, "note", "progress entry", 0);
			if (!ok)
				continue;
			if (g->n_progress && tl_ymd_cmp(&g->progress[g->n_progress - 1].date, &e->date) > 0) {
				err_at(c, pn, "date", "target: progress entries must be in date order");
				continue;
			}
			g->n_progress++;
		}
		if (tl_errors_count(c->errs) == before)
			m->n_targets++;
	}
}

/* ---- next steps --------------------------------------------------------- */

static void parse_next_steps(struct ctx *c, yaml_node_t *seq, struct tl_model *m)
{
	static const char *const keys[] = {"slug", "theme", "year", "status", "text", "outcome", NULL};
	m->next_steps = TL_NEW_ARRAY(c->a, struct tl_next_step, seq_len(seq) + 1);
	for (size_t i = 0; i < seq_len(seq); i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "a next step"))
			continue;
		check_keys(c, t, "next step", keys);
		struct tl_next_step *n = &m->next_steps[m->n_next_steps];
		size_t before = tl_errors_count(c->errs);
		n->slug = str_field(c, t, "slug", "next step", 0);
		if (n->slug && !tl_is_slug(n->slug))
			err_at(c, get(c, t, "slug"), "slug", "next step: slug \"%s\" may only contain a-z, 0-9, - and _",
			       n->slug);
		n->theme = theme_ref(c, t, "next step");
		if (!n->theme && !get(c, t, "theme"))
			err_at(c, t, "theme", "next step: \"theme\" is required");
		n->year = (int)int_field(c, t, "year", "next step", 1800, 2200, 0, 1);
		const char *status = str_field(c, t, "status", "next step", 0);
		n->status = TL_STEP_PLANNED;
		if (status && tl_step_status_parse(status, &n->status))
			err_at(c, get(c, t, "status"), "status",
			       "next step: status must be planned, started, done or dropped, not \"%s\"", status);
		n->text = str_field(c, t, "text", "next step", 1);
		n->outcome = str_field(c, t, "outcome", "next step", 0);
		n->position = (int)m->n_next_steps + 1;
		for (size_t k = 0; n->slug && k < m->n_next_steps; k++)
			if (m->next_steps[k].slug && !strcmp(m->next_steps[k].slug, n->slug) &&
			    m->next_steps[k].year == n->year)
				err_at(c, get(c, t, "slug"), "slug", "next step \"%s\" is declared twice for %d",
				       n->slug, n->year);
		if (tl_errors_count(c->errs) == before)
			m->n_next_steps++;
	}
}

/* ---- stories list ------------------------------------------------------- */

static void parse_story_list(struct ctx *c, yaml_node_t *seq, struct tl_model *m)
{
	m->stories = TL_NEW_ARRAY(c->a, struct tl_story, seq_len(seq) + 1);
	for (size_t i = 0; i < seq_len(seq); i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		const char *file = scalar_text(c, t, "stories", "stories", 1, seq);
		if (!file)
			continue;
		size_t fl = strlen(file);
		if (fl < 4 || strcmp(file + fl - 3, ".md") != 0 || strchr(file, '/') || file[0] == '.') {
			err_at(c, t, "stories", "stories: \"%s\" must be a .md file name inside stories/", file);
			continue;
		}
		char *slug = tl_arena_strndup(c->a, file, fl - 3);
		if (!tl_is_slug(slug)) {
			err_at(c, t, "stories", "stories: file name \"%s\" may only contain a-z, 0-9, - and _ before .md",
			       file);
			continue;
		}
		if (tl_model_story(m, slug)) {
			err_at(c, t, "stories", "stories: %s is listed twice", file);
			continue;
		}
		struct tl_story *s = &m->stories[m->n_stories];
		s->slug = slug;
		s->path = file;
		s->position = (int)m->n_stories + 1;
		m->n_stories++;
	}
}

/* ---- entry points ------------------------------------------------------- */

static int load_yaml(const char *name, const char *text, size_t len, unsigned line0, yaml_document_t *doc,
		     tl_errors *errs)
{
	if (len > TL_AGENDA_MAX_FILE) {
		tl_errors_add(errs, name, 0, 0, NULL, "file too large (the limit is %u bytes)", TL_AGENDA_MAX_FILE);
		return TL_ERR_LIMIT;
	}
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		tl_panic("cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&parser, doc)) {
		tl_errors_add(errs, name, (unsigned)parser.problem_mark.line + 1 + line0,
			      (unsigned)parser.problem_mark.column + 1, NULL, "YAML: %s%s%s",
			      parser.problem ? parser.problem : "syntax error", parser.context ? " " : "",
			      parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return TL_ERR_INPUT;
	}
	yaml_parser_delete(&parser);
	return TL_OK;
}

int tl_report_parse(const char *name, const char *text, size_t len, struct tl_model *m, tl_errors *errs)
{
	yaml_document_t doc;
	int rc = load_yaml(name, text, len, 0, &doc, errs);
	if (rc)
		return rc;
	struct ctx c = {&doc, name, 0, errs, m, m->arena};
	struct tl_model r = *m; /* filled here, copied back only on success */
	r.n_instruments = r.n_targets = r.n_stories = r.n_next_steps = 0;
	c.m = &r;
	size_t before = tl_errors_count(errs);
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (root && want_map(&c, root, "report.yml")) {
		static const char *const keys[] = {"instruments", "targets", "next_steps", "stories", NULL};
		check_keys(&c, root, "report.yml", keys);
		parse_instruments(&c, seq_field(&c, root, "instruments", "report.yml"), &r);
		parse_targets(&c, seq_field(&c, root, "targets", "report.yml"), &r);
		parse_next_steps(&c, seq_field(&c, root, "next_steps", "report.yml"), &r);
		parse_story_list(&c, seq_field(&c, root, "stories", "report.yml"), &r);
	}
	yaml_document_delete(&doc);
	if (tl_errors_count(errs) > before)
		return TL_ERR_INPUT;
	*m = r;
	return TL_OK;
}

static void parse_people(struct ctx *c, yaml_node_t *fm, struct tl_story *s)
{
	static const char *const keys[] = {"name", "role", "consent", "alias", NULL};
	yaml_node_t *seq = seq_field(c, fm, "people", "story");
	s->people = TL_NEW_ARRAY(c->a, struct tl_person, seq_len(seq) + 1);
	for (size_t i = 0; i < seq_len(seq); i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "a person"))
			continue;
		check_keys(c, t, "person", keys);
		struct tl_person *p = &s->people[s->n_people];
		p->name = str_field(c, t, "name", "person", 1);
		p->role = str_field(c, t, "role", "person", 0);
		/* No default: whoever adds a person decides, in writing. */
		p->consent = bool_field(c, t, "consent", "person", 1, 0);
		p->alias = str_field(c, t, "alias", "person", 0);
		if (p->name)
			s->n_people++;
	}
}

int tl_story_parse(const char *name, const char *text, size_t len, const struct tl_model *m,
		   struct tl_story *s, tl_errors *errs)
{
	static const char *const keys[] = {"title", "kicker", "lead", "people", "place", "municipality",
					   "goals", "instruments", "date", "published", NULL};
	if (len > TL_AGENDA_MAX_FILE) {
		tl_errors_add(errs, name, 0, 0, NULL, "file too large (the limit is %u bytes)", TL_AGENDA_MAX_FILE);
		return TL_ERR_LIMIT;
	}
	if (memchr(text, '\0', len)) {
		tl_errors_add(errs, name, 0, 0, NULL, "story contains a NUL byte: not a text file");
		return TL_ERR_INPUT;
	}
	/* "---\n" front matter "\n---\n" body */
	size_t start = 0;
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		start = 3;
	if (len - start < 4 || memcmp(text + start, "---", 3) != 0 ||
	    (text[start + 3] != '\n' && !(text[start + 3] == '\r' && len - start > 4 && text[start + 4] == '\n'))) {
		tl_errors_add(errs, name, 1, 1, NULL,
			      "a story starts with front matter: a line \"---\", title: … and the other fields, and \"---\"");
		return TL_ERR_INPUT;
	}
	size_t fm = start + (text[start + 3] == '\r' ? 5 : 4), end = 0, body = 0;
	unsigned line = 2;
	for (size_t i = fm; i < len;) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		size_t ll = e - i;
		if (ll && text[i + ll - 1] == '\r')
			ll--;
		if (ll == 3 && !memcmp(text + i, "---", 3)) {
			end = i;
			body = e < len ? e + 1 : len;
			break;
		}
		i = e + 1;
		line++;
	}
	if (!body) {
		tl_errors_add(errs, name, 1, 1, NULL, "front matter is not closed: no line \"---\" after it");
		return TL_ERR_INPUT;
	}
	yaml_document_t doc;
	int rc = load_yaml(name, text + fm, end - fm, 1, &doc, errs);
	if (rc)
		return rc;
	tl_arena *a = m->arena;
	struct ctx c = {&doc, name, 1, errs, m, a};
	size_t before = tl_errors_count(errs);
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root) {
		tl_errors_add(errs, name, 2, 1, NULL, "front matter is empty: a story needs at least title and published");
	} else if (want_map(&c, root, "front matter")) {
		check_keys(&c, root, "story", keys);
		s->title = str_field(&c, root, "title", "story", 1);
		s->kicker = str_field(&c, root, "kicker", "story", 0);
		s->lead = str_field(&c, root, "lead", "story", 0);
		parse_people(&c, root, s);
		s->place = str_field(&c, root, "place", "story", 0);
		s->municipality = region_ref(&c, get(&c, root, "municipality"), "municipality", "story", root);
		s->goals = goals_field(&c, root, "story", &s->n_goals);
		yaml_node_t *is = seq_field(&c, root, "instruments", "story");
		s->instruments = TL_NEW_ARRAY(a, const char *, seq_len(is) + 1);
		for (size_t k = 0; k < seq_len(is); k++) {
			yaml_node_t *v = seq_at(&c, is, k);
			const char *slug = scalar_text(&c, v, "instruments", "story", 1, is);
			const struct tl_instrument *in = slug ? tl_model_instrument(m, slug) : NULL;
			if (slug && !in)
				err_at(&c, v, "instruments", "story: unknown instrument \"%s\" (not in report.yml)", slug);
			else if (in)
				s->instruments[s->n_instruments++] = in->slug;
		}
		date_field(&c, root, "date", "story", 0, &s->date);
		s->published = bool_field(&c, root, "published", "story", 1, 0);
	}
	yaml_document_delete(&doc);
	size_t bl = len - body;
	const char *b = text + body;
	size_t tl = bl;
	tl_trim(b, &tl);
	if (tl == 0)
		tl_errors_add(errs, name, line + 1, 1, NULL, "the story has no text after its front matter");
	s->markdown = tl_arena_strndup(a, b, bl);
	return tl_errors_count(errs) > before ? TL_ERR_INPUT : TL_OK;
}

int tl_report_load(const char *dir, struct tl_model *m, tl_errors *errs)
{
	tl_arena *a = m->arena;
	char *path = tl_arena_printf(a, "%s/report.yml", dir);
	char *sdir = tl_arena_printf(a, "%s/stories", dir);
	if (!tl_is_file(path)) {
		if (tl_is_dir(sdir))
			tl_errors_warn(errs, sdir, 0, 0, NULL, "stories/ without report.yml: no story is loaded");
		return TL_OK;
	}
	char *text;
	size_t len;
	int rc = tl_file_read(path, TL_AGENDA_MAX_FILE, a, &text, &len, errs);
	if (!rc)
		rc = tl_report_parse(path, text, len, m, errs);
	if (rc)
		return rc;
	for (size_t i = 0; i < m->n_stories; i++) {
		struct tl_story *s = &m->stories[i];
		char *p = tl_arena_printf(a, "%s/%s", sdir, s->path);
		char *st;
		size_t sl;
		if (tl_file_read(p, TL_AGENDA_MAX_FILE, a, &st, &sl, errs) || tl_story_parse(p, st, sl, m, s, errs))
			rc = TL_ERR_INPUT;
		s->path = p;
	}
	size_t nfiles;
	char **files = tl_dir_list(sdir, ".md", a, &nfiles);
	for (size_t i = 0; i < nfiles; i++) {
		size_t fl = strlen(files[i]);
		char *slug = tl_arena_strndup(a, files[i], fl > 3 ? fl - 3 : fl);
		if (!tl_model_story(m, slug))
			tl_errors_warn(errs, tl_arena_printf(a, "%s/%s", sdir, files[i]), 0, 0, NULL,
				       "story file is not listed under stories: in report.yml; it is not loaded");
	}
	return rc;
}
