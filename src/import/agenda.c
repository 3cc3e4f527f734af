#include "agenda.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "../core/buf.h"
#include "../core/file.h"
#include "../core/fmt.h"
#include "../core/str.h"
#include "../core/xalloc.h"
#include "geo.h"

/* The parse state: the YAML document (libyaml's node tree, with marks), the
 * file name for messages, and the model being filled. */
struct ctx {
	yaml_document_t *doc;
	const char *file;
	tl_errors *errs;
	struct tl_model *m;
	tl_arena *a;
};

static const char *const keywords[] = {
	"waarde", "value", "jaar", "year", "grafiek", "chart", "doelstellingen", "goals",
	/* analysis sentences (text/chapter.c) */
	"vergelijking", "comparison", "ontwikkeling", "change", "positie", "position",
	"uitschieters", "outliers", "verband", "correlation",
	/* the report's content (text/chapter.c) */
	"subsidies", "grants", "verhaal", "story", "instrumenten", "instruments", "streefdoelen",
	"targets", "verhalen", "stories", "vervolgstappen", "next-steps",
	/* maps (text/chapter.c) */
	"kaart", "map",
};

int tl_agenda_is_keyword(const char *word)
{
	for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
		if (strcmp(word, keywords[i]) == 0)
			return 1;
	return 0;
}

/* A relative path that stays inside its folder: no leading '/', no ".."
 * component, no backslash, not empty. */
static int tl_relative_path_ok(const char *p)
{
	if (!*p || *p == '/' || strchr(p, '\\'))
		return 0;
	for (const char *s = p; *s;) {
		const char *e = strchr(s, '/');
		size_t l = e ? (size_t)(e - s) : strlen(s);
		if (l == 2 && s[0] == '.' && s[1] == '.')
			return 0;
		if (!e)
			break;
		s = e + 1;
	}
	return 1;
}

/* ---- YAML access with positions ----------------------------------------- */

static unsigned line_of(const yaml_node_t *n)
{
	return (unsigned)n->start_mark.line + 1;
}

static unsigned col_of(const yaml_node_t *n)
{
	return (unsigned)n->start_mark.column + 1;
}

static void err_at(struct ctx *c, const yaml_node_t *n, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void err_at(struct ctx *c, const yaml_node_t *n, const char *field, const char *fmt, ...)
{
	va_list ap;
	tl_buf b = TL_BUF_INIT;
	va_start(ap, fmt);
	tl_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	tl_errors_add(c->errs, c->file, n ? line_of(n) : 0, n ? col_of(n) : 0, field, "%s", b.data);
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

/* Check that every key of mapping n is one of `allowed` (NULL-terminated). */
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
			if (strcmp(key, *a) == 0)
				ok = 1;
		if (!ok) {
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
}

static yaml_node_t *get(struct ctx *c, yaml_node_t *map, const char *key)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *k = node(c, p->key);
		if (k && k->type == YAML_SCALAR_NODE && strcmp((const char *)k->data.scalar.value, key) == 0)
			return node(c, p->value);
	}
	return NULL;
}

/* A scalar's text copied into the arena, trimmed; NULL when absent (and an
 * error when required).  Empty strings count as absent. */
static const char *str_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what,
			     int required)
{
	yaml_node_t *v = get(c, map, key);
	if (!v || (v->type == YAML_SCALAR_NODE && v->data.scalar.length == 0) ||
	    (v->type == YAML_SCALAR_NODE && v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	     (strcmp((const char *)v->data.scalar.value, "~") == 0 ||
	      strcmp((const char *)v->data.scalar.value, "null") == 0))) {
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
	return tl_arena_strndup(c->a, s, n);
}

static int parse_int(const char *s, long min, long max, long *out)
{
	char *end;
	if (!*s)
		return -1;
	long v = strtol(s, &end, 10);
	if (*end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static int scalar_int(struct ctx *c, yaml_node_t *v, const char *key, const char *what, long min,
		      long max, long *out)
{
	if (v->type != YAML_SCALAR_NODE ||
	    parse_int((const char *)v->data.scalar.value, min, max, out)) {
		err_at(c, v, key, "%s: \"%s\" must be a whole number from %ld to %ld", what, key, min, max);
		return -1;
	}
	return 0;
}

/* Integer field; returns def when absent and not required. */
static long int_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what, long min,
		      long max, long def, int required)
{
	yaml_node_t *v = get(c, map, key);
	if (!v) {
		if (required)
			err_at(c, map, key, "%s: \"%s\" is required", what, key);
		return def;
	}
	long out;
	return scalar_int(c, v, key, what, min, max, &out) ? def : out;
}

static yaml_node_t *seq_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what,
			      int required)
{
	yaml_node_t *v = get(c, map, key);
	if (!v) {
		if (required)
			err_at(c, map, key, "%s: \"%s\" is required", what, key);
		return NULL;
	}
	if (v->type != YAML_SEQUENCE_NODE) {
		err_at(c, v, key, "%s: \"%s\" must be a list, not %s", what, key, kind_name(v));
		return NULL;
	}
	return v;
}

static size_t seq_len(yaml_node_t *s)
{
	return s ? (size_t)(s->data.sequence.items.top - s->data.sequence.items.start) : 0;
}

static yaml_node_t *seq_at(struct ctx *c, yaml_node_t *s, size_t i)
{
	return node(c, s->data.sequence.items.start[i]);
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

/* ---- Sections ----------------------------------------------------------- */

static void parse_agenda(struct ctx *c, yaml_node_t *n)
{
	static const char *const keys[] = {"slug", "title", "subtitle", "organisation", "period",
					   "report_year", "report_title", "focus_region",
					   "national_region", "lang", "boundaries", "boundaries_source", NULL};
	if (!want_map(c, n, "agenda"))
		return;
	check_keys(c, n, "agenda", keys);
	struct tl_agenda *g = &c->m->agenda;
	g->slug = str_field(c, n, "slug", "agenda", 1);
	if (g->slug && !tl_is_slug(g->slug))
		err_at(c, get(c, n, "slug"), "slug", "agenda: slug \"%s\" may only contain a-z, 0-9, - and _",
		       g->slug);
	g->title = str_field(c, n, "title", "agenda", 1);
	g->subtitle = str_field(c, n, "subtitle", "agenda", 0);
	g->organisation = str_field(c, n, "organisation", "agenda", 0);
	g->report_year = (int)int_field(c, n, "report_year", "agenda", 1900, 2200, 0, 1);
	g->report_title = str_field(c, n, "report_title", "agenda", 0);
	g->focus_region = str_field(c, n, "focus_region", "agenda", 1);
	g->national_region = str_field(c, n, "national_region", "agenda", 0);
	g->lang = str_field(c, n, "lang", "agenda", 0);
	g->boundaries = str_field(c, n, "boundaries", "agenda", 0);
	g->boundaries_source = str_field(c, n, "boundaries_source", "agenda", 0);
	if (g->boundaries && !tl_relative_path_ok(g->boundaries))
		err_at(c, get(c, n, "boundaries"), "boundaries",
		       "agenda: boundaries must be a path inside the agenda folder (like geo/gemeenten.topojson), not \"%s\"",
		       g->boundaries);
	if (!g->lang)
		g->lang = "nl";
	else if (strcmp(g->lang, "nl") != 0 && strcmp(g->lang, "en") != 0)
		err_at(c, get(c, n, "lang"), "lang", "agenda: lang must be nl or en, not \"%s\"", g->lang);
	yaml_node_t *p = get(c, n, "period");
	if (p) {
		long a, b;
		if (p->type != YAML_SEQUENCE_NODE || seq_len(p) != 2 ||
		    scalar_int(c, seq_at(c, p, 0), "period", "agenda", 1900, 2200, &a) ||
		    scalar_int(c, seq_at(c, p, 1), "period", "agenda", 1900, 2200, &b)) {
			if (p->type != YAML_SEQUENCE_NODE || seq_len(p) != 2)
				err_at(c, p, "period", "agenda: period must be [first year, last year]");
		} else if (a > b) {
			err_at(c, p, "period", "agenda: period runs backwards (%ld to %ld)", a, b);
		} else {
			g->period_start = (int)a;
			g->period_end = (int)b;
		}
	}
}

/* check: {off: [form, date]}: rules of telling check this agenda does not
 * want (a draft with placeholder links).  Kept as "form date". */
static void parse_check(struct ctx *c, yaml_node_t *n)
{
	static const char *const keys[] = {"off", NULL};
	if (!n || !want_map(c, n, "check"))
		return;
	check_keys(c, n, "check", keys);
	yaml_node_t *off = get(c, n, "off");
	if (!off)
		return;
	if (off->type != YAML_SEQUENCE_NODE) {
		err_at(c, off, "off", "check: off must be a list of rule names, like [form, date], not %s",
		       kind_name(off));
		return;
	}
	tl_buf names = TL_BUF_INIT;
	for (size_t i = 0; i < seq_len(off); i++) {
		yaml_node_t *r = seq_at(c, off, i);
		const char *v = r && r->type == YAML_SCALAR_NODE ? (const char *)r->data.scalar.value : NULL;
		if (!tl_check_rule_known(v)) {
			tl_buf list = TL_BUF_INIT;
			for (size_t k = 0; tl_check_rules[k]; k++)
				tl_buf_printf(&list, "%s%s", k ? ", " : "", tl_check_rules[k]);
			if (v)
				err_at(c, r, "off", "check: off: unknown rule \"%s\" (the rules: %s)", v, list.data);
			else
				err_at(c, r ? r : off, "off", "check: off: a rule name must be a word (the rules: %s)",
				       list.data);
			tl_buf_free(&list);
			continue;
		}
		struct tl_agenda probe = {.check_off = names.data};
		if (tl_agenda_check_off(&probe, v))
			continue; /* named twice */
		tl_buf_printf(&names, "%s%s", names.len ? " " : "", v);
	}
	if (names.len)
		c->m->agenda.check_off = tl_arena_strndup(c->a, names.data, names.len);
	tl_buf_free(&names);
}

static void parse_themes(struct ctx *c, yaml_node_t *seq)
{
	static const char *const tkeys[] = {"slug", "title", "subtitle", "goals", NULL};
	static const char *const gkeys[] = {"number", "title", "text", NULL};
	size_t nt = seq_len(seq), ng = 0;
	for (size_t i = 0; i < nt; i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (t && t->type == YAML_MAPPING_NODE) {
			yaml_node_t *gs = get(c, t, "goals");
			if (gs && gs->type == YAML_SEQUENCE_NODE)
				ng += seq_len(gs);
		}
	}
	c->m->themes = TL_NEW_ARRAY(c->a, struct tl_theme, nt + 1);
	c->m->goals = TL_NEW_ARRAY(c->a, struct tl_goal, ng + 1);
	for (size_t i = 0; i < nt; i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "a theme"))
			continue;
		check_keys(c, t, "theme", tkeys);
		struct tl_theme *th = &c->m->themes[c->m->n_themes];
		th->slug = str_field(c, t, "slug", "theme", 1);
		th->title = str_field(c, t, "title", "theme", 1);
		th->subtitle = str_field(c, t, "subtitle", "theme", 0);
		th->position = (int)c->m->n_themes + 1;
		if (!th->slug || !th->title)
			continue;
		if (!tl_is_slug(th->slug)) {
			err_at(c, get(c, t, "slug"), "slug", "theme: slug \"%s\" may only contain a-z, 0-9, - and _",
			       th->slug);
			continue;
		}
		if (tl_model_theme(c->m, th->slug)) {
			err_at(c, get(c, t, "slug"), "slug", "theme \"%s\" is declared twice", th->slug);
			continue;
		}
		c->m->n_themes++;
		yaml_node_t *gs = seq_field(c, t, "goals", "theme", 0);
		for (size_t k = 0; k < seq_len(gs); k++) {
			yaml_node_t *gn = seq_at(c, gs, k);
			if (!want_map(c, gn, "a goal"))
				continue;
			check_keys(c, gn, "goal", gkeys);
			struct tl_goal *g = &c->m->goals[c->m->n_goals];
			g->number = (int)int_field(c, gn, "number", "goal", 1, 9999, 0, 1);
			g->title = str_field(c, gn, "title", "goal", 1);
			g->text = str_field(c, gn, "text", "goal", 0);
			g->theme = th->slug;
			if (!g->number || !g->title)
				continue;
			if (tl_model_goal(c->m, g->number)) {
				err_at(c, get(c, gn, "number"), "number", "goal %d is declared twice", g->number);
				continue;
			}
			c->m->n_goals++;
		}
	}
}

/* An indicator's import specs: where its figures come from in statistics
 * tables (see tl_import_spec in model.h). */
/* One import spec from mapping t (its keys already checked).  1 when it
 * has a topic. */
static int parse_spec(struct ctx *c, yaml_node_t *t, struct tl_import_spec *sp)
{
	sp->topic = str_field(c, t, "topic", "import spec", 1);
	sp->table = str_field(c, t, "table", "import spec", 0);
	sp->source = str_field(c, t, "source", "import spec", 0);
	sp->scale = 1;
	const char *scale = str_field(c, t, "scale", "import spec", 0);
	if (scale && (tl_parse_decimal(scale, strlen(scale), '.', &sp->scale) || sp->scale == 0))
		err_at(c, get(c, t, "scale"), "scale",
		       "import spec: scale must be a non-zero number such as 1000, not \"%s\"", scale);
	yaml_node_t *dims = get(c, t, "dimensions");
	if (dims && dims->type != YAML_MAPPING_NODE) {
		err_at(c, dims, "dimensions",
		       "import spec: dimensions must be a mapping such as {Leeftijd: \"20300\", Marges: MW00000}");
	} else if (dims) {
		size_t nd = (size_t)(dims->data.mapping.pairs.top - dims->data.mapping.pairs.start);
		sp->dim_keys = TL_NEW_ARRAY(c->a, const char *, nd + 1);
		sp->dim_codes = TL_NEW_ARRAY(c->a, const char *, nd + 1);
		for (yaml_node_pair_t *p = dims->data.mapping.pairs.start; p < dims->data.mapping.pairs.top; p++) {
			yaml_node_t *k = node(c, p->key), *v = node(c, p->value);
			if (!k || !v || k->type != YAML_SCALAR_NODE || v->type != YAML_SCALAR_NODE) {
				err_at(c, k ? k : dims, "dimensions", "import spec: a dimension is KEY: CODE");
				continue;
			}
			size_t vl = v->data.scalar.length;
			const char *vs = tl_trim((const char *)v->data.scalar.value, &vl);
			sp->dim_keys[sp->n_dims] = tl_arena_strdup(c->a, (const char *)k->data.scalar.value);
			sp->dim_codes[sp->n_dims] = tl_arena_strndup(c->a, vs, vl);
			sp->n_dims++;
		}
	}
	return sp->topic != NULL;
}

/* An indicator's import specs: where its figures come from in statistics
 * tables (see tl_import_spec in model.h). */
static void parse_imports(struct ctx *c, yaml_node_t *ind, struct tl_indicator *d)
{
	static const char *const keys[] = {"topic", "table", "dimensions", "scale", "source", NULL};
	yaml_node_t *seq = seq_field(c, ind, "import", "indicator", 0);
	size_t n = seq_len(seq);
	d->imports = TL_NEW_ARRAY(c->a, struct tl_import_spec, n + 1);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "an import spec"))
			continue;
		check_keys(c, t, "import spec", keys);
		if (parse_spec(c, t, &d->imports[d->n_imports]))
			d->n_imports++;
	}
}

static void parse_indicators(struct ctx *c, yaml_node_t *seq)
{
	static const char *const keys[] = {"slug", "theme", "title", "subject", "unit", "decimals",
					   "polarity", "source", "source_detail", "notes", "goals",
					   "breaks", "import", NULL};
	size_t n = seq_len(seq);
	c->m->indicators = TL_NEW_ARRAY(c->a, struct tl_indicator, n + 1);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "an indicator"))
			continue;
		check_keys(c, t, "indicator", keys);
		struct tl_indicator *d = &c->m->indicators[c->m->n_indicators];
		size_t errs_before = tl_errors_count(c->errs);
		d->slug = str_field(c, t, "slug", "indicator", 1);
		d->theme = str_field(c, t, "theme", "indicator", 0);
		d->title = str_field(c, t, "title", "indicator", 1);
		d->subject = str_field(c, t, "subject", "indicator", 0);
		d->unit = str_field(c, t, "unit", "indicator", 0);
		if (!d->unit) {
			/* An empty unit ("") is allowed: a plain number. */
			yaml_node_t *u = get(c, t, "unit");
			if (u && u->type == YAML_SCALAR_NODE)
				d->unit = "";
			else
				err_at(c, t, "unit", "indicator: \"unit\" is required (e.g. \"%%\", \"euro\", \"aantal\")");
		}
		d->decimals = (int)int_field(c, t, "decimals", "indicator", 0, 6, 1, 0);
		d->source = str_field(c, t, "source", "indicator", 1);
		d->source_detail = str_field(c, t, "source_detail", "indicator", 0);
		d->notes = str_field(c, t, "notes", "indicator", 0);
		d->position = (int)c->m->n_indicators + 1;
		const char *pol = str_field(c, t, "polarity", "indicator", 1);
		if (pol && tl_polarity_parse(pol, &d->polarity))
			err_at(c, get(c, t, "polarity"), "polarity",
			       "indicator: polarity must be higher-is-better, lower-is-better or neutral, not \"%s\"",
			       pol);
		if (d->slug && !tl_is_slug(d->slug))
			err_at(c, get(c, t, "slug"), "slug",
			       "indicator: slug \"%s\" may only contain a-z, 0-9, - and _", d->slug);
		else if (d->slug && tl_agenda_is_keyword(d->slug))
			err_at(c, get(c, t, "slug"), "slug",
			       "indicator: \"%s\" is a binding keyword and cannot be an indicator slug", d->slug);
		else if (d->slug && tl_model_indicator(c->m, d->slug))
			err_at(c, get(c, t, "slug"), "slug", "indicator \"%s\" is declared twice", d->slug);
		if (d->theme && !tl_model_theme(c->m, d->theme))
			err_at(c, get(c, t, "theme"), "theme", "indicator %s: unknown theme \"%s\"",
			       d->slug ? d->slug : "?", d->theme);
		yaml_node_t *gs = get(c, t, "goals");
		if (gs && gs->type != YAML_SEQUENCE_NODE) {
			err_at(c, gs, "goals", "indicator: goals must be a list of goal numbers, e.g. [1, 2]");
		} else if (gs) {
			d->goals = TL_NEW_ARRAY(c->a, int, seq_len(gs) + 1);
			for (size_t k = 0; k < seq_len(gs); k++) {
				long g;
				yaml_node_t *gn = seq_at(c, gs, k);
				if (scalar_int(c, gn, "goals", "indicator", 1, 9999, &g))
					continue;
				if (!tl_model_goal(c->m, (int)g)) {
					err_at(c, gn, "goals", "indicator %s: unknown goal %ld", d->slug ? d->slug : "?", g);
					continue;
				}
				d->goals[d->n_goals++] = (int)g;
			}
		}
		yaml_node_t *bs = seq_field(c, t, "breaks", "indicator", 0);
		d->breaks = TL_NEW_ARRAY(c->a, struct tl_series_break, seq_len(bs) + 1);
		for (size_t k = 0; k < seq_len(bs); k++) {
			static const char *const bkeys[] = {"year", "explanation", NULL};
			yaml_node_t *bn = seq_at(c, bs, k);
			if (!want_map(c, bn, "a series break"))
				continue;
			check_keys(c, bn, "series break", bkeys);
			struct tl_series_break *b = &d->breaks[d->n_breaks];
			b->year = (int)int_field(c, bn, "year", "series break", 1800, 2200, 0, 1);
			b->explanation = str_field(c, bn, "explanation", "series break", 1);
			if (b->year && b->explanation)
				d->n_breaks++;
		}
		parse_imports(c, t, d);
		if (tl_errors_count(c->errs) == errs_before)
			c->m->n_indicators++;
	}
}

static void parse_regions(struct ctx *c, yaml_node_t *seq)
{
	static const char *const keys[] = {"code", "name", "level", "parent", "classification_year", NULL};
	size_t n = seq_len(seq);
	yaml_node_t **parents = xcalloc(n + 1, sizeof *parents);
	c->m->regions = TL_NEW_ARRAY(c->a, struct tl_region, n + 1);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "a region"))
			continue;
		check_keys(c, t, "region", keys);
		struct tl_region *r = &c->m->regions[c->m->n_regions];
		r->code = str_field(c, t, "code", "region", 1);
		r->name = str_field(c, t, "name", "region", 1);
		r->level = str_field(c, t, "level", "region", 1);
		r->parent = str_field(c, t, "parent", "region", 0);
		r->classification_year = (int)int_field(c, t, "classification_year", "region", 1800, 2200, 0, 0);
		if (!r->code || !r->name || !r->level)
			continue;
		int bad = 0;
		for (const char *p = r->code; *p; p++)
			if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
				bad = 1;
		if (bad || strlen(r->code) > 16) {
			err_at(c, get(c, t, "code"), "code",
			       "region: code \"%s\" is not a CBS code (capitals and digits, e.g. GM0106)", r->code);
			continue;
		}
		if (tl_model_region(c->m, r->code)) {
			err_at(c, get(c, t, "code"), "code", "region %s is declared twice", r->code);
			continue;
		}
		parents[c->m->n_regions] = get(c, t, "parent");
		c->m->n_regions++;
	}
	for (size_t i = 0; i < c->m->n_regions; i++) {
		const struct tl_region *r = &c->m->regions[i];
		if (r->parent && !tl_model_region(c->m, r->parent))
			err_at(c, parents[i], "parent", "region %s: unknown parent region \"%s\"", r->code,
			       r->parent);
	}
	free(parents);
}

static int is_cbs_code(const char *s)
{
	if (!*s || strlen(s) > 16)
		return 0;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
			return 0;
	return 1;
}

/* mergers: [{old: [GM0105, GM0113], new: GM1680, year: 1998, action: map}]
 * Appended to m->mergers (which may hold the agenda's already). */
static void parse_mergers(struct ctx *c, yaml_node_t *seq)
{
	static const char *const keys[] = {"old", "new", "year", "action", NULL};
	size_t n = seq_len(seq), have = c->m->n_mergers;
	struct tl_merger *all = TL_NEW_ARRAY(c->a, struct tl_merger, have + n + 1);
	if (have)
		memcpy(all, c->m->mergers, have * sizeof *all);
	c->m->mergers = all;
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "a merger"))
			continue;
		check_keys(c, t, "merger", keys);
		/* A refused merger leaves its slot to the next one: start clean. */
		struct tl_merger *g = &all[c->m->n_mergers];
		memset(g, 0, sizeof *g);
		size_t before = tl_errors_count(c->errs);
		g->new_code = str_field(c, t, "new", "merger", 1);
		g->year = (int)int_field(c, t, "year", "merger", 1800, 2200, 0, 1);
		if (g->new_code && !is_cbs_code(g->new_code))
			err_at(c, get(c, t, "new"), "new",
			       "merger: \"%s\" is not a CBS code (capitals and digits, e.g. GM1680)", g->new_code);
		const char *action = str_field(c, t, "action", "merger", 0);
		if (!action || !strcmp(action, "break"))
			g->action = TL_MERGER_BREAK;
		else if (!strcmp(action, "map"))
			g->action = TL_MERGER_MAP;
		else
			err_at(c, get(c, t, "action"), "action",
			       "merger: action must be break (the default: the series is broken at the merger) "
			       "or map (earlier figures of the old codes are written to the new one), not \"%s\"",
			       action);
		yaml_node_t *olds = seq_field(c, t, "old", "merger", 1);
		if (olds && !seq_len(olds))
			err_at(c, olds, "old", "merger: \"old\" needs at least one municipality code");
		g->old_codes = TL_NEW_ARRAY(c->a, const char *, seq_len(olds) + 1);
		for (size_t k = 0; k < seq_len(olds); k++) {
			yaml_node_t *o = seq_at(c, olds, k);
			if (o->type != YAML_SCALAR_NODE || !is_cbs_code((const char *)o->data.scalar.value)) {
				err_at(c, o, "old", "merger: old codes must be CBS codes such as GM0105");
				continue;
			}
			const char *code = (const char *)o->data.scalar.value;
			int dup = 0;
			for (size_t j = 0; j < g->n_old; j++)
				if (!strcmp(g->old_codes[j], code))
					dup = 1;
			/* A code can end in one merger of a year only. */
			for (size_t j = 0; j < c->m->n_mergers && !dup; j++)
				for (size_t q = 0; q < all[j].n_old; q++)
					if (all[j].year == g->year && !strcmp(all[j].old_codes[q], code)) {
						err_at(c, o, "old", "merger: %s already merges into %s in %d", code,
						       all[j].new_code, all[j].year);
						dup = 2;
						break;
					}
			if (dup == 1)
				err_at(c, o, "old", "merger: %s is listed twice", code);
			if (dup)
				continue;
			if (g->n_old == 64) {
				err_at(c, o, "old", "merger: at most 64 old codes per merger");
				break;
			}
			g->old_codes[g->n_old++] = tl_arena_strdup(c->a, code);
		}
		for (size_t j = 0; j < c->m->n_mergers && g->new_code; j++)
			if (!strcmp(all[j].new_code, g->new_code) && all[j].year == g->year)
				err_at(c, get(c, t, "new"), "new", "merger into %s in %d is declared twice",
				       g->new_code, g->year);
		if (tl_errors_count(c->errs) == before && g->new_code && g->year && g->n_old)
			c->m->n_mergers++;
	}
}

static void parse_groups(struct ctx *c, yaml_node_t *seq)
{
	static const char *const keys[] = {"slug", "name", "description", "members", NULL};
	size_t n = seq_len(seq);
	c->m->groups = TL_NEW_ARRAY(c->a, struct tl_region_group, n + 1);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "a region group"))
			continue;
		check_keys(c, t, "region group", keys);
		struct tl_region_group *g = &c->m->groups[c->m->n_groups];
		g->slug = str_field(c, t, "slug", "region group", 1);
		g->name = str_field(c, t, "name", "region group", 1);
		g->description = str_field(c, t, "description", "region group", 0);
		if (!g->slug || !g->name)
			continue;
		if (!tl_is_slug(g->slug)) {
			err_at(c, get(c, t, "slug"), "slug",
			       "region group: slug \"%s\" may only contain a-z, 0-9, - and _", g->slug);
			continue;
		}
		if (tl_model_group(c->m, g->slug)) {
			err_at(c, get(c, t, "slug"), "slug", "region group %s is declared twice", g->slug);
			continue;
		}
		yaml_node_t *ms = seq_field(c, t, "members", "region group", 1);
		g->members = TL_NEW_ARRAY(c->a, const char *, seq_len(ms) + 1);
		for (size_t k = 0; k < seq_len(ms); k++) {
			yaml_node_t *mn = seq_at(c, ms, k);
			if (mn->type != YAML_SCALAR_NODE) {
				err_at(c, mn, "members", "region group %s: members must be region codes", g->slug);
				continue;
			}
			const char *code = (const char *)mn->data.scalar.value;
			const struct tl_region *r = tl_model_region(c->m, code);
			if (!r) {
				err_at(c, mn, "members", "region group %s: unknown region \"%s\"", g->slug, code);
				continue;
			}
			g->members[g->n_members++] = r->code;
		}
		c->m->n_groups++;
	}
}

static void parse_chapters(struct ctx *c, yaml_node_t *seq)
{
	static const char *const keys[] = {"file", "theme", "title", NULL};
	size_t n = seq_len(seq);
	c->m->chapters = TL_NEW_ARRAY(c->a, struct tl_chapter, n + 1);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = seq_at(c, seq, i);
		if (!want_map(c, t, "a chapter"))
			continue;
		check_keys(c, t, "chapter", keys);
		struct tl_chapter *ch = &c->m->chapters[c->m->n_chapters];
		const char *file = str_field(c, t, "file", "chapter", 1);
		ch->theme = str_field(c, t, "theme", "chapter", 0);
		ch->title = str_field(c, t, "title", "chapter", 0);
		ch->position = (int)c->m->n_chapters + 1;
		if (!file)
			continue;
		size_t fl = strlen(file);
		if (fl < 4 || strcmp(file + fl - 3, ".md") != 0 || strchr(file, '/') || file[0] == '.') {
			err_at(c, get(c, t, "file"), "file",
			       "chapter: file \"%s\" must be a .md file name inside chapters/", file);
			continue;
		}
		char *slug = tl_arena_strndup(c->a, file, fl - 3);
		if (!tl_is_slug(slug)) {
			err_at(c, get(c, t, "file"), "file",
			       "chapter: file name \"%s\" may only contain a-z, 0-9, - and _ before .md", file);
			continue;
		}
		if (ch->theme && !tl_model_theme(c->m, ch->theme)) {
			err_at(c, get(c, t, "theme"), "theme", "chapter %s: unknown theme \"%s\"", file, ch->theme);
			continue;
		}
		if (!ch->theme && !ch->title) {
			err_at(c, t, "title", "chapter %s: needs a title (or a theme)", file);
			continue;
		}
		int dup = 0;
		for (size_t k = 0; k < c->m->n_chapters; k++)
			if (!strcmp(c->m->chapters[k].slug, slug))
				dup = 1;
		if (dup) {
			err_at(c, get(c, t, "file"), "file", "chapter %s is listed twice", file);
			continue;
		}
		ch->slug = slug;
		ch->path = tl_arena_strdup(c->a, file);
		c->m->n_chapters++;
	}
}

/* ---- Entry points ------------------------------------------------------- */

int tl_agenda_parse(const char *name, const char *text, size_t len, tl_arena *a,
		    struct tl_model **out, tl_errors *errs)
{
	*out = NULL;
	if (len > TL_AGENDA_MAX_FILE) {
		tl_errors_add(errs, name, 0, 0, NULL, "file too large (the limit is %u bytes)",
			      TL_AGENDA_MAX_FILE);
		return TL_ERR_LIMIT;
	}
	yaml_parser_t parser;
	yaml_document_t doc;
	if (!yaml_parser_initialize(&parser))
		tl_panic("cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&parser, &doc)) {
		unsigned line = (unsigned)parser.problem_mark.line + 1;
		unsigned col = (unsigned)parser.problem_mark.column + 1;
		tl_errors_add(errs, name, line, col, NULL, "YAML: %s%s%s",
			      parser.problem ? parser.problem : "syntax error",
			      parser.context ? " " : "", parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return TL_ERR_INPUT;
	}
	yaml_parser_delete(&parser);

	struct ctx c = {&doc, name, errs, tl_model_new(a), a};
	size_t before = tl_errors_count(errs);
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root) {
		tl_errors_add(errs, name, 1, 1, NULL, "agenda.yml is empty: it needs at least agenda:, themes: and regions:");
	} else if (want_map(&c, root, "agenda.yml")) {
		static const char *const keys[] = {"agenda", "themes", "indicators", "regions",
						   "region_groups", "mergers", "chapters", "check", NULL};
		check_keys(&c, root, "agenda.yml", keys);
		yaml_node_t *ag = get(&c, root, "agenda");
		if (!ag)
			err_at(&c, root, "agenda", "agenda.yml: \"agenda\" is required");
		else
			parse_agenda(&c, ag);
		parse_themes(&c, seq_field(&c, root, "themes", "agenda.yml", 1));
		/* Regions before indicators' users and groups: they reference them. */
		parse_regions(&c, seq_field(&c, root, "regions", "agenda.yml", 1));
		parse_indicators(&c, seq_field(&c, root, "indicators", "agenda.yml", 0));
		parse_groups(&c, seq_field(&c, root, "region_groups", "agenda.yml", 0));
		parse_mergers(&c, seq_field(&c, root, "mergers", "agenda.yml", 0));
		parse_chapters(&c, seq_field(&c, root, "chapters", "agenda.yml", 0));
		parse_check(&c, get(&c, root, "check"));
		struct tl_agenda *g = &c.m->agenda;
		if (g->focus_region && !tl_model_region(c.m, g->focus_region))
			err_at(&c, get(&c, ag, "focus_region"), "focus_region",
			       "agenda: focus_region \"%s\" is not among the regions", g->focus_region);
		if (g->national_region && !tl_model_region(c.m, g->national_region))
			err_at(&c, get(&c, ag, "national_region"), "national_region",
			       "agenda: national_region \"%s\" is not among the regions", g->national_region);
	}
	yaml_document_delete(&doc);
	if (tl_errors_count(errs) > before)
		return TL_ERR_INPUT;
	*out = c.m;
	return TL_OK;
}

/* Read the boundary file the agenda names and keep the outlines of the
 * regions it declares (a national file serves a provincial agenda). */
static int load_boundaries(const char *dir, struct tl_model *m, tl_arena *a, tl_errors *errs)
{
	char *path = tl_arena_printf(a, "%s/%s", dir, m->agenda.boundaries);
	char *text;
	size_t len;
	if (tl_file_read(path, TL_GEO_MAX_FILE, a, &text, &len, errs))
		return TL_ERR_INPUT;
	struct tl_shape *all;
	size_t n;
	if (tl_geo_parse(path, text, len, a, &all, &n, errs))
		return TL_ERR_INPUT;
	m->shapes = TL_NEW_ARRAY(a, struct tl_shape, n + 1);
	for (size_t i = 0; i < n; i++)
		if (tl_model_region(m, all[i].region))
			m->shapes[m->n_shapes++] = all[i];
	/* Municipalities a map would leave blank: say which. */
	tl_buf missing = TL_BUF_INIT;
	size_t n_missing = 0;
	for (size_t i = 0; i < m->n_regions; i++) {
		const struct tl_region *r = &m->regions[i];
		if (!r->level || strcmp(r->level, "gemeente") != 0 || tl_model_shape(m, r->code))
			continue;
		if (n_missing++ < 5)
			tl_buf_printf(&missing, "%s%s", n_missing > 1 ? ", " : "", r->code);
	}
	if (n_missing)
		tl_errors_warn(errs, path, 0, 0, NULL,
			       "%zu municipalities of the agenda have no outline in this file (%s%s): maps leave them blank",
			       n_missing, missing.data, n_missing > 5 ? ", …" : "");
	tl_buf_free(&missing);
	return TL_OK;
}

/* Load text as a YAML document; a syntax error is reported with its place. */
static int load_yaml(const char *name, const char *text, size_t len, yaml_document_t *doc, tl_errors *errs)
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
		tl_errors_add(errs, name, (unsigned)parser.problem_mark.line + 1, (unsigned)parser.problem_mark.column + 1,
			      NULL, "YAML: %s%s%s", parser.problem ? parser.problem : "syntax error",
			      parser.context ? " " : "", parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return TL_ERR_INPUT;
	}
	yaml_parser_delete(&parser);
	return TL_OK;
}

int tl_spec_parse(const char *name, const char *text, size_t len, const struct tl_model *agenda, tl_arena *a,
		  struct tl_model **out, tl_errors *errs)
{
	*out = NULL;
	yaml_document_t doc;
	int rc = load_yaml(name, text, len, &doc, errs);
	if (rc)
		return rc;
	/* A shallow copy of the agenda whose indicators get their own spec
	 * arrays (the agenda's specs first) and whose merger list grows. */
	struct tl_model *m = tl_model_new(a);
	tl_arena *keep = m->arena;
	*m = *agenda;
	m->arena = keep;
	m->indicators = TL_NEW_ARRAY(a, struct tl_indicator, agenda->n_indicators + 1);
	if (agenda->n_indicators)
		memcpy(m->indicators, agenda->indicators, agenda->n_indicators * sizeof *m->indicators);
	struct ctx c = {&doc, name, errs, m, a};
	size_t before = tl_errors_count(errs);
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root) {
		tl_errors_add(errs, name, 1, 1, NULL, "the spec file is empty: it needs imports: or mergers:");
	} else if (want_map(&c, root, "the spec file")) {
		static const char *const keys[] = {"imports", "mergers", NULL};
		static const char *const ikeys[] = {"indicator", "topic", "table", "dimensions", "scale", "source", NULL};
		check_keys(&c, root, "the spec file", keys);
		yaml_node_t *seq = seq_field(&c, root, "imports", "the spec file", 0);
		size_t n = seq_len(seq);
		for (size_t i = 0; i < n; i++) {
			yaml_node_t *t = seq_at(&c, seq, i);
			if (!want_map(&c, t, "an import spec"))
				continue;
			check_keys(&c, t, "import spec", ikeys);
			const char *slug = str_field(&c, t, "indicator", "import spec", 1);
			struct tl_indicator *d = NULL;
			for (size_t k = 0; slug && k < m->n_indicators; k++)
				if (!strcmp(m->indicators[k].slug, slug))
					d = &m->indicators[k];
			if (slug && !d) {
				err_at(&c, get(&c, t, "indicator"), "indicator",
				       "import spec: unknown indicator \"%s\" (the agenda in the store has no such indicator)", slug);
				continue;
			}
			struct tl_import_spec sp = {0};
			if (!parse_spec(&c, t, &sp) || !d)
				continue;
			struct tl_import_spec *grown = TL_NEW_ARRAY(a, struct tl_import_spec, d->n_imports + 2);
			if (d->n_imports)
				memcpy(grown, d->imports, d->n_imports * sizeof *grown);
			grown[d->n_imports++] = sp;
			d->imports = grown;
		}
		parse_mergers(&c, seq_field(&c, root, "mergers", "the spec file", 0));
		if (!get(&c, root, "imports") && !get(&c, root, "mergers"))
			err_at(&c, root, NULL, "the spec file needs imports: or mergers:");
	}
	yaml_document_delete(&doc);
	if (tl_errors_count(errs) > before)
		return TL_ERR_INPUT;
	*out = m;
	return TL_OK;
}

int tl_agenda_load(const char *dir, tl_arena *a, struct tl_model **out, tl_errors *errs)
{
	/* "folder/" and "folder" name the same files in messages. */
	size_t dl = strlen(dir);
	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	dir = tl_arena_strndup(a, dir, dl);
	*out = NULL;
	if (!tl_is_dir(dir)) {
		tl_errors_add(errs, dir, 0, 0, NULL, "not an agenda folder (no such directory)");
		return TL_ERR_IO;
	}
	char *path = tl_arena_printf(a, "%s/agenda.yml", dir);
	char *text;
	size_t len;
	int rc = tl_file_read(path, TL_AGENDA_MAX_FILE, a, &text, &len, errs);
	if (rc)
		return rc;
	struct tl_model *m;
	rc = tl_agenda_parse(path, text, len, a, &m, errs);
	if (rc)
		return rc;
	char *chdir = tl_arena_printf(a, "%s/chapters", dir);
	for (size_t i = 0; i < m->n_chapters; i++) {
		struct tl_chapter *ch = &m->chapters[i];
		char *p = tl_arena_printf(a, "%s/%s", chdir, ch->path);
		char *md;
		size_t mdlen;
		if (tl_file_read(p, TL_AGENDA_MAX_FILE, a, &md, &mdlen, errs)) {
			rc = TL_ERR_INPUT;
			continue;
		}
		if (memchr(md, '\0', mdlen)) {
			tl_errors_add(errs, p, 0, 0, NULL, "chapter contains a NUL byte: not a text file");
			rc = TL_ERR_INPUT;
			continue;
		}
		ch->markdown = md;
		ch->path = p;
	}
	if (m->agenda.boundaries && load_boundaries(dir, m, a, errs))
		rc = TL_ERR_INPUT;
	size_t nfiles;
	char **files = tl_dir_list(chdir, ".md", a, &nfiles);
	for (size_t i = 0; i < nfiles; i++) {
		int listed = 0;
		for (size_t k = 0; k < m->n_chapters; k++) {
			size_t sl = strlen(m->chapters[k].slug);
			if (!strncmp(files[i], m->chapters[k].slug, sl) && !strcmp(files[i] + sl, ".md"))
				listed = 1;
		}
		if (!listed)
			tl_errors_warn(errs, tl_arena_printf(a, "%s/%s", chdir, files[i]), 0, 0, NULL,
				       "chapter file is not listed under chapters: in agenda.yml; it is not loaded");
	}
	if (rc)
		return rc;
	*out = m;
	return TL_OK;
}
