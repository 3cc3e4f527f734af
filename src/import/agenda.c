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
#include "yaml_doc.h"

/* The parse state: the YAML document (libyaml's node tree, with marks), the
 * file name for messages, and the model being filled. */
struct ctx {
	struct tl_yaml y;
	struct tl_model *m;
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

/* ---- Sections ----------------------------------------------------------- */

static void parse_agenda(struct ctx *c, yaml_node_t *n)
{
	static const char *const keys[] = {"slug", "title", "subtitle", "organisation", "period",
					   "report_year", "report_title", "focus_region",
					   "national_region", "lang", "boundaries", "boundaries_source", NULL};
	if (!tl_yaml_want_map(&c->y, n, "agenda"))
		return;
	tl_yaml_check_keys(&c->y, n, "agenda", keys);
	struct tl_agenda *g = &c->m->agenda;
	g->slug = tl_yaml_str_field(&c->y, n, "slug", "agenda", 1);
	if (g->slug && !tl_is_slug(g->slug))
		tl_yaml_err(&c->y, tl_yaml_get(&c->y, n, "slug"), "slug", "agenda: slug \"%s\" may only contain a-z, 0-9, - and _",
		       g->slug);
	g->title = tl_yaml_str_field(&c->y, n, "title", "agenda", 1);
	g->subtitle = tl_yaml_str_field(&c->y, n, "subtitle", "agenda", 0);
	g->organisation = tl_yaml_str_field(&c->y, n, "organisation", "agenda", 0);
	g->report_year = (int)tl_yaml_int_field(&c->y, n, "report_year", "agenda", 1900, 2200, 0, 1);
	g->report_title = tl_yaml_str_field(&c->y, n, "report_title", "agenda", 0);
	g->focus_region = tl_yaml_str_field(&c->y, n, "focus_region", "agenda", 1);
	g->national_region = tl_yaml_str_field(&c->y, n, "national_region", "agenda", 0);
	g->lang = tl_yaml_str_field(&c->y, n, "lang", "agenda", 0);
	g->boundaries = tl_yaml_str_field(&c->y, n, "boundaries", "agenda", 0);
	g->boundaries_source = tl_yaml_str_field(&c->y, n, "boundaries_source", "agenda", 0);
	if (g->boundaries && !tl_relative_path_ok(g->boundaries))
		tl_yaml_err(&c->y, tl_yaml_get(&c->y, n, "boundaries"), "boundaries",
		       "agenda: boundaries must be a path inside the agenda folder (like geo/gemeenten.topojson), not \"%s\"",
		       g->boundaries);
	if (!g->lang)
		g->lang = "nl";
	else if (strcmp(g->lang, "nl") != 0 && strcmp(g->lang, "en") != 0)
		tl_yaml_err(&c->y, tl_yaml_get(&c->y, n, "lang"), "lang", "agenda: lang must be nl or en, not \"%s\"", g->lang);
	yaml_node_t *p = tl_yaml_get(&c->y, n, "period");
	if (p) {
		long a, b;
		if (p->type != YAML_SEQUENCE_NODE || tl_yaml_seq_len(p) != 2 ||
		    tl_yaml_scalar_long(&c->y, tl_yaml_seq_at(&c->y, p, 0), "period", "agenda", 1900, 2200, &a) ||
		    tl_yaml_scalar_long(&c->y, tl_yaml_seq_at(&c->y, p, 1), "period", "agenda", 1900, 2200, &b)) {
			if (p->type != YAML_SEQUENCE_NODE || tl_yaml_seq_len(p) != 2)
				tl_yaml_err(&c->y, p, "period", "agenda: period must be [first year, last year]");
		} else if (a > b) {
			tl_yaml_err(&c->y, p, "period", "agenda: period runs backwards (%ld to %ld)", a, b);
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
	if (!n || !tl_yaml_want_map(&c->y, n, "check"))
		return;
	tl_yaml_check_keys(&c->y, n, "check", keys);
	yaml_node_t *off = tl_yaml_get(&c->y, n, "off");
	if (!off)
		return;
	if (off->type != YAML_SEQUENCE_NODE) {
		tl_yaml_err(&c->y, off, "off", "check: off must be a list of rule names, like [form, date], not %s",
		       tl_yaml_kind(off));
		return;
	}
	tl_buf names = TL_BUF_INIT;
	for (size_t i = 0; i < tl_yaml_seq_len(off); i++) {
		yaml_node_t *r = tl_yaml_seq_at(&c->y, off, i);
		const char *v = r && r->type == YAML_SCALAR_NODE ? (const char *)r->data.scalar.value : NULL;
		if (!tl_check_rule_known(v)) {
			tl_buf list = TL_BUF_INIT;
			for (size_t k = 0; tl_check_rules[k]; k++)
				tl_buf_printf(&list, "%s%s", k ? ", " : "", tl_check_rules[k]);
			if (v)
				tl_yaml_err(&c->y, r, "off", "check: off: unknown rule \"%s\" (the rules: %s)", v, list.data);
			else
				tl_yaml_err(&c->y, r ? r : off, "off", "check: off: a rule name must be a word (the rules: %s)",
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
		c->m->agenda.check_off = tl_arena_strndup(c->y.a, names.data, names.len);
	tl_buf_free(&names);
}

static void parse_themes(struct ctx *c, yaml_node_t *seq)
{
	static const char *const tkeys[] = {"slug", "title", "subtitle", "goals", NULL};
	static const char *const gkeys[] = {"number", "title", "text", NULL};
	size_t nt = tl_yaml_seq_len(seq), ng = 0;
	for (size_t i = 0; i < nt; i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (t && t->type == YAML_MAPPING_NODE) {
			yaml_node_t *gs = tl_yaml_get(&c->y, t, "goals");
			if (gs && gs->type == YAML_SEQUENCE_NODE)
				ng += tl_yaml_seq_len(gs);
		}
	}
	c->m->themes = TL_NEW_ARRAY(c->y.a, struct tl_theme, nt + 1);
	c->m->goals = TL_NEW_ARRAY(c->y.a, struct tl_goal, ng + 1);
	for (size_t i = 0; i < nt; i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "a theme"))
			continue;
		tl_yaml_check_keys(&c->y, t, "theme", tkeys);
		struct tl_theme *th = &c->m->themes[c->m->n_themes];
		th->slug = tl_yaml_str_field(&c->y, t, "slug", "theme", 1);
		th->title = tl_yaml_str_field(&c->y, t, "title", "theme", 1);
		th->subtitle = tl_yaml_str_field(&c->y, t, "subtitle", "theme", 0);
		th->position = (int)c->m->n_themes + 1;
		if (!th->slug || !th->title)
			continue;
		if (!tl_is_slug(th->slug)) {
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug", "theme: slug \"%s\" may only contain a-z, 0-9, - and _",
			       th->slug);
			continue;
		}
		if (tl_model_theme(c->m, th->slug)) {
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug", "theme \"%s\" is declared twice", th->slug);
			continue;
		}
		c->m->n_themes++;
		yaml_node_t *gs = tl_yaml_seq_field(&c->y, t, "goals", "theme", 0);
		for (size_t k = 0; k < tl_yaml_seq_len(gs); k++) {
			yaml_node_t *gn = tl_yaml_seq_at(&c->y, gs, k);
			if (!tl_yaml_want_map(&c->y, gn, "a goal"))
				continue;
			tl_yaml_check_keys(&c->y, gn, "goal", gkeys);
			struct tl_goal *g = &c->m->goals[c->m->n_goals];
			g->number = (int)tl_yaml_int_field(&c->y, gn, "number", "goal", 1, 9999, 0, 1);
			g->title = tl_yaml_str_field(&c->y, gn, "title", "goal", 1);
			g->text = tl_yaml_str_field(&c->y, gn, "text", "goal", 0);
			g->theme = th->slug;
			if (!g->number || !g->title)
				continue;
			if (tl_model_goal(c->m, g->number)) {
				tl_yaml_err(&c->y, tl_yaml_get(&c->y, gn, "number"), "number", "goal %d is declared twice", g->number);
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
	sp->topic = tl_yaml_str_field(&c->y, t, "topic", "import spec", 1);
	sp->table = tl_yaml_str_field(&c->y, t, "table", "import spec", 0);
	sp->source = tl_yaml_str_field(&c->y, t, "source", "import spec", 0);
	sp->scale = 1;
	const char *scale = tl_yaml_str_field(&c->y, t, "scale", "import spec", 0);
	if (scale && (tl_parse_decimal(scale, strlen(scale), '.', &sp->scale) || sp->scale == 0))
		tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "scale"), "scale",
		       "import spec: scale must be a non-zero number such as 1000, not \"%s\"", scale);
	yaml_node_t *dims = tl_yaml_get(&c->y, t, "dimensions");
	if (dims && dims->type != YAML_MAPPING_NODE) {
		tl_yaml_err(&c->y, dims, "dimensions",
		       "import spec: dimensions must be a mapping such as {Leeftijd: \"20300\", Marges: MW00000}");
	} else if (dims) {
		size_t nd = (size_t)(dims->data.mapping.pairs.top - dims->data.mapping.pairs.start);
		sp->dim_keys = TL_NEW_ARRAY(c->y.a, const char *, nd + 1);
		sp->dim_codes = TL_NEW_ARRAY(c->y.a, const char *, nd + 1);
		for (yaml_node_pair_t *p = dims->data.mapping.pairs.start; p < dims->data.mapping.pairs.top; p++) {
			yaml_node_t *k = tl_yaml_node(&c->y, p->key), *v = tl_yaml_node(&c->y, p->value);
			if (!k || !v || k->type != YAML_SCALAR_NODE || v->type != YAML_SCALAR_NODE) {
				tl_yaml_err(&c->y, k ? k : dims, "dimensions", "import spec: a dimension is KEY: CODE");
				continue;
			}
			size_t vl = v->data.scalar.length;
			const char *vs = tl_trim((const char *)v->data.scalar.value, &vl);
			sp->dim_keys[sp->n_dims] = tl_arena_strdup(c->y.a, (const char *)k->data.scalar.value);
			sp->dim_codes[sp->n_dims] = tl_arena_strndup(c->y.a, vs, vl);
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
	yaml_node_t *seq = tl_yaml_seq_field(&c->y, ind, "import", "indicator", 0);
	size_t n = tl_yaml_seq_len(seq);
	d->imports = TL_NEW_ARRAY(c->y.a, struct tl_import_spec, n + 1);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "an import spec"))
			continue;
		tl_yaml_check_keys(&c->y, t, "import spec", keys);
		if (parse_spec(c, t, &d->imports[d->n_imports]))
			d->n_imports++;
	}
}

static void parse_indicators(struct ctx *c, yaml_node_t *seq)
{
	static const char *const keys[] = {"slug", "theme", "title", "subject", "unit", "decimals",
					   "polarity", "source", "source_detail", "notes", "goals",
					   "breaks", "import", NULL};
	size_t n = tl_yaml_seq_len(seq);
	c->m->indicators = TL_NEW_ARRAY(c->y.a, struct tl_indicator, n + 1);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "an indicator"))
			continue;
		tl_yaml_check_keys(&c->y, t, "indicator", keys);
		struct tl_indicator *d = &c->m->indicators[c->m->n_indicators];
		size_t errs_before = tl_errors_count(c->y.errs);
		d->slug = tl_yaml_str_field(&c->y, t, "slug", "indicator", 1);
		d->theme = tl_yaml_str_field(&c->y, t, "theme", "indicator", 0);
		d->title = tl_yaml_str_field(&c->y, t, "title", "indicator", 1);
		d->subject = tl_yaml_str_field(&c->y, t, "subject", "indicator", 0);
		d->unit = tl_yaml_str_field(&c->y, t, "unit", "indicator", 0);
		if (!d->unit) {
			/* An empty unit ("") is allowed: a plain number. */
			yaml_node_t *u = tl_yaml_get(&c->y, t, "unit");
			if (u && u->type == YAML_SCALAR_NODE)
				d->unit = "";
			else
				tl_yaml_err(&c->y, t, "unit", "indicator: \"unit\" is required (e.g. \"%%\", \"euro\", \"aantal\")");
		}
		d->decimals = (int)tl_yaml_int_field(&c->y, t, "decimals", "indicator", 0, 6, 1, 0);
		d->source = tl_yaml_str_field(&c->y, t, "source", "indicator", 1);
		d->source_detail = tl_yaml_str_field(&c->y, t, "source_detail", "indicator", 0);
		d->notes = tl_yaml_str_field(&c->y, t, "notes", "indicator", 0);
		d->position = (int)c->m->n_indicators + 1;
		const char *pol = tl_yaml_str_field(&c->y, t, "polarity", "indicator", 1);
		if (pol && tl_polarity_parse(pol, &d->polarity))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "polarity"), "polarity",
			       "indicator: polarity must be higher-is-better, lower-is-better or neutral, not \"%s\"",
			       pol);
		if (d->slug && !tl_is_slug(d->slug))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug",
			       "indicator: slug \"%s\" may only contain a-z, 0-9, - and _", d->slug);
		else if (d->slug && tl_agenda_is_keyword(d->slug))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug",
			       "indicator: \"%s\" is a binding keyword and cannot be an indicator slug", d->slug);
		else if (d->slug && tl_model_indicator(c->m, d->slug))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug", "indicator \"%s\" is declared twice", d->slug);
		if (d->theme && !tl_model_theme(c->m, d->theme))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "theme"), "theme", "indicator %s: unknown theme \"%s\"",
			       d->slug ? d->slug : "?", d->theme);
		yaml_node_t *gs = tl_yaml_get(&c->y, t, "goals");
		if (gs && gs->type != YAML_SEQUENCE_NODE) {
			tl_yaml_err(&c->y, gs, "goals", "indicator: goals must be a list of goal numbers, e.g. [1, 2]");
		} else if (gs) {
			d->goals = TL_NEW_ARRAY(c->y.a, int, tl_yaml_seq_len(gs) + 1);
			for (size_t k = 0; k < tl_yaml_seq_len(gs); k++) {
				long g;
				yaml_node_t *gn = tl_yaml_seq_at(&c->y, gs, k);
				if (tl_yaml_scalar_long(&c->y, gn, "goals", "indicator", 1, 9999, &g))
					continue;
				if (!tl_model_goal(c->m, (int)g)) {
					tl_yaml_err(&c->y, gn, "goals", "indicator %s: unknown goal %ld", d->slug ? d->slug : "?", g);
					continue;
				}
				d->goals[d->n_goals++] = (int)g;
			}
		}
		yaml_node_t *bs = tl_yaml_seq_field(&c->y, t, "breaks", "indicator", 0);
		d->breaks = TL_NEW_ARRAY(c->y.a, struct tl_series_break, tl_yaml_seq_len(bs) + 1);
		for (size_t k = 0; k < tl_yaml_seq_len(bs); k++) {
			static const char *const bkeys[] = {"year", "explanation", NULL};
			yaml_node_t *bn = tl_yaml_seq_at(&c->y, bs, k);
			if (!tl_yaml_want_map(&c->y, bn, "a series break"))
				continue;
			tl_yaml_check_keys(&c->y, bn, "series break", bkeys);
			struct tl_series_break *b = &d->breaks[d->n_breaks];
			b->year = (int)tl_yaml_int_field(&c->y, bn, "year", "series break", 1800, 2200, 0, 1);
			b->explanation = tl_yaml_str_field(&c->y, bn, "explanation", "series break", 1);
			if (b->year && b->explanation)
				d->n_breaks++;
		}
		parse_imports(c, t, d);
		if (tl_errors_count(c->y.errs) == errs_before)
			c->m->n_indicators++;
	}
}

static void parse_regions(struct ctx *c, yaml_node_t *seq)
{
	static const char *const keys[] = {"code", "name", "level", "parent", "classification_year", NULL};
	size_t n = tl_yaml_seq_len(seq);
	yaml_node_t **parents = xcalloc(n + 1, sizeof *parents);
	c->m->regions = TL_NEW_ARRAY(c->y.a, struct tl_region, n + 1);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "a region"))
			continue;
		tl_yaml_check_keys(&c->y, t, "region", keys);
		struct tl_region *r = &c->m->regions[c->m->n_regions];
		r->code = tl_yaml_str_field(&c->y, t, "code", "region", 1);
		r->name = tl_yaml_str_field(&c->y, t, "name", "region", 1);
		r->level = tl_yaml_str_field(&c->y, t, "level", "region", 1);
		r->parent = tl_yaml_str_field(&c->y, t, "parent", "region", 0);
		r->classification_year = (int)tl_yaml_int_field(&c->y, t, "classification_year", "region", 1800, 2200, 0, 0);
		if (!r->code || !r->name || !r->level)
			continue;
		int bad = 0;
		for (const char *p = r->code; *p; p++)
			if (!((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
				bad = 1;
		if (bad || strlen(r->code) > 16) {
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "code"), "code",
			       "region: code \"%s\" is not a CBS code (capitals and digits, e.g. GM0106)", r->code);
			continue;
		}
		if (tl_model_region(c->m, r->code)) {
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "code"), "code", "region %s is declared twice", r->code);
			continue;
		}
		parents[c->m->n_regions] = tl_yaml_get(&c->y, t, "parent");
		c->m->n_regions++;
	}
	for (size_t i = 0; i < c->m->n_regions; i++) {
		const struct tl_region *r = &c->m->regions[i];
		if (r->parent && !tl_model_region(c->m, r->parent))
			tl_yaml_err(&c->y, parents[i], "parent", "region %s: unknown parent region \"%s\"", r->code,
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
	size_t n = tl_yaml_seq_len(seq), have = c->m->n_mergers;
	struct tl_merger *all = TL_NEW_ARRAY(c->y.a, struct tl_merger, have + n + 1);
	if (have)
		memcpy(all, c->m->mergers, have * sizeof *all);
	c->m->mergers = all;
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "a merger"))
			continue;
		tl_yaml_check_keys(&c->y, t, "merger", keys);
		/* A refused merger leaves its slot to the next one: start clean. */
		struct tl_merger *g = &all[c->m->n_mergers];
		memset(g, 0, sizeof *g);
		size_t before = tl_errors_count(c->y.errs);
		g->new_code = tl_yaml_str_field(&c->y, t, "new", "merger", 1);
		g->year = (int)tl_yaml_int_field(&c->y, t, "year", "merger", 1800, 2200, 0, 1);
		if (g->new_code && !is_cbs_code(g->new_code))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "new"), "new",
			       "merger: \"%s\" is not a CBS code (capitals and digits, e.g. GM1680)", g->new_code);
		const char *action = tl_yaml_str_field(&c->y, t, "action", "merger", 0);
		if (!action || !strcmp(action, "break"))
			g->action = TL_MERGER_BREAK;
		else if (!strcmp(action, "map"))
			g->action = TL_MERGER_MAP;
		else
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "action"), "action",
			       "merger: action must be break (the default: the series is broken at the merger) "
			       "or map (earlier figures of the old codes are written to the new one), not \"%s\"",
			       action);
		yaml_node_t *olds = tl_yaml_seq_field(&c->y, t, "old", "merger", 1);
		if (olds && !tl_yaml_seq_len(olds))
			tl_yaml_err(&c->y, olds, "old", "merger: \"old\" needs at least one municipality code");
		g->old_codes = TL_NEW_ARRAY(c->y.a, const char *, tl_yaml_seq_len(olds) + 1);
		for (size_t k = 0; k < tl_yaml_seq_len(olds); k++) {
			yaml_node_t *o = tl_yaml_seq_at(&c->y, olds, k);
			if (o->type != YAML_SCALAR_NODE || !is_cbs_code((const char *)o->data.scalar.value)) {
				tl_yaml_err(&c->y, o, "old", "merger: old codes must be CBS codes such as GM0105");
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
						tl_yaml_err(&c->y, o, "old", "merger: %s already merges into %s in %d", code,
						       all[j].new_code, all[j].year);
						dup = 2;
						break;
					}
			if (dup == 1)
				tl_yaml_err(&c->y, o, "old", "merger: %s is listed twice", code);
			if (dup)
				continue;
			if (g->n_old == 64) {
				tl_yaml_err(&c->y, o, "old", "merger: at most 64 old codes per merger");
				break;
			}
			g->old_codes[g->n_old++] = tl_arena_strdup(c->y.a, code);
		}
		for (size_t j = 0; j < c->m->n_mergers && g->new_code; j++)
			if (!strcmp(all[j].new_code, g->new_code) && all[j].year == g->year)
				tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "new"), "new", "merger into %s in %d is declared twice",
				       g->new_code, g->year);
		if (tl_errors_count(c->y.errs) == before && g->new_code && g->year && g->n_old)
			c->m->n_mergers++;
	}
}

static void parse_groups(struct ctx *c, yaml_node_t *seq)
{
	static const char *const keys[] = {"slug", "name", "description", "members", NULL};
	size_t n = tl_yaml_seq_len(seq);
	c->m->groups = TL_NEW_ARRAY(c->y.a, struct tl_region_group, n + 1);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "a region group"))
			continue;
		tl_yaml_check_keys(&c->y, t, "region group", keys);
		struct tl_region_group *g = &c->m->groups[c->m->n_groups];
		g->slug = tl_yaml_str_field(&c->y, t, "slug", "region group", 1);
		g->name = tl_yaml_str_field(&c->y, t, "name", "region group", 1);
		g->description = tl_yaml_str_field(&c->y, t, "description", "region group", 0);
		if (!g->slug || !g->name)
			continue;
		if (!tl_is_slug(g->slug)) {
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug",
			       "region group: slug \"%s\" may only contain a-z, 0-9, - and _", g->slug);
			continue;
		}
		if (tl_model_group(c->m, g->slug)) {
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug", "region group %s is declared twice", g->slug);
			continue;
		}
		yaml_node_t *ms = tl_yaml_seq_field(&c->y, t, "members", "region group", 1);
		g->members = TL_NEW_ARRAY(c->y.a, const char *, tl_yaml_seq_len(ms) + 1);
		for (size_t k = 0; k < tl_yaml_seq_len(ms); k++) {
			yaml_node_t *mn = tl_yaml_seq_at(&c->y, ms, k);
			if (mn->type != YAML_SCALAR_NODE) {
				tl_yaml_err(&c->y, mn, "members", "region group %s: members must be region codes", g->slug);
				continue;
			}
			const char *code = (const char *)mn->data.scalar.value;
			const struct tl_region *r = tl_model_region(c->m, code);
			if (!r) {
				tl_yaml_err(&c->y, mn, "members", "region group %s: unknown region \"%s\"", g->slug, code);
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
	size_t n = tl_yaml_seq_len(seq);
	c->m->chapters = TL_NEW_ARRAY(c->y.a, struct tl_chapter, n + 1);
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "a chapter"))
			continue;
		tl_yaml_check_keys(&c->y, t, "chapter", keys);
		struct tl_chapter *ch = &c->m->chapters[c->m->n_chapters];
		const char *file = tl_yaml_str_field(&c->y, t, "file", "chapter", 1);
		ch->theme = tl_yaml_str_field(&c->y, t, "theme", "chapter", 0);
		ch->title = tl_yaml_str_field(&c->y, t, "title", "chapter", 0);
		ch->position = (int)c->m->n_chapters + 1;
		if (!file)
			continue;
		size_t fl = strlen(file);
		if (fl < 4 || strcmp(file + fl - 3, ".md") != 0 || strchr(file, '/') || file[0] == '.') {
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "file"), "file",
			       "chapter: file \"%s\" must be a .md file name inside chapters/", file);
			continue;
		}
		char *slug = tl_arena_strndup(c->y.a, file, fl - 3);
		if (!tl_is_slug(slug)) {
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "file"), "file",
			       "chapter: file name \"%s\" may only contain a-z, 0-9, - and _ before .md", file);
			continue;
		}
		if (ch->theme && !tl_model_theme(c->m, ch->theme)) {
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "theme"), "theme", "chapter %s: unknown theme \"%s\"", file, ch->theme);
			continue;
		}
		if (!ch->theme && !ch->title) {
			tl_yaml_err(&c->y, t, "title", "chapter %s: needs a title (or a theme)", file);
			continue;
		}
		int dup = 0;
		for (size_t k = 0; k < c->m->n_chapters; k++)
			if (!strcmp(c->m->chapters[k].slug, slug))
				dup = 1;
		if (dup) {
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "file"), "file", "chapter %s is listed twice", file);
			continue;
		}
		ch->slug = slug;
		ch->path = tl_arena_strdup(c->y.a, file);
		c->m->n_chapters++;
	}
}

/* ---- Entry points ------------------------------------------------------- */

int tl_agenda_parse(const char *name, const char *text, size_t len, tl_arena *a,
		    struct tl_model **out, tl_errors *errs)
{
	*out = NULL;
	yaml_document_t doc;
	int rc = tl_yaml_load(name, text, len, TL_AGENDA_MAX_FILE, 0, &doc, errs);
	if (rc)
		return rc;
	struct ctx c = {{&doc, name, 0, errs, a}, tl_model_new(a)};
	size_t before = tl_errors_count(errs);
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root) {
		tl_errors_add(errs, name, 1, 1, NULL, "agenda.yml is empty: it needs at least agenda:, themes: and regions:");
	} else if (tl_yaml_want_map(&c.y, root, "agenda.yml")) {
		static const char *const keys[] = {"agenda", "themes", "indicators", "regions",
						   "region_groups", "mergers", "chapters", "check", NULL};
		tl_yaml_check_keys(&c.y, root, "agenda.yml", keys);
		yaml_node_t *ag = tl_yaml_get(&c.y, root, "agenda");
		if (!ag)
			tl_yaml_err(&c.y, root, "agenda", "agenda.yml: \"agenda\" is required");
		else
			parse_agenda(&c, ag);
		parse_themes(&c, tl_yaml_seq_field(&c.y, root, "themes", "agenda.yml", 1));
		/* Regions before indicators' users and groups: they reference them. */
		parse_regions(&c, tl_yaml_seq_field(&c.y, root, "regions", "agenda.yml", 1));
		parse_indicators(&c, tl_yaml_seq_field(&c.y, root, "indicators", "agenda.yml", 0));
		parse_groups(&c, tl_yaml_seq_field(&c.y, root, "region_groups", "agenda.yml", 0));
		parse_mergers(&c, tl_yaml_seq_field(&c.y, root, "mergers", "agenda.yml", 0));
		parse_chapters(&c, tl_yaml_seq_field(&c.y, root, "chapters", "agenda.yml", 0));
		parse_check(&c, tl_yaml_get(&c.y, root, "check"));
		struct tl_agenda *g = &c.m->agenda;
		if (g->focus_region && !tl_model_region(c.m, g->focus_region))
			tl_yaml_err(&c.y, tl_yaml_get(&c.y, ag, "focus_region"), "focus_region",
			       "agenda: focus_region \"%s\" is not among the regions", g->focus_region);
		if (g->national_region && !tl_model_region(c.m, g->national_region))
			tl_yaml_err(&c.y, tl_yaml_get(&c.y, ag, "national_region"), "national_region",
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

int tl_spec_parse(const char *name, const char *text, size_t len, const struct tl_model *agenda, tl_arena *a,
		  struct tl_model **out, tl_errors *errs)
{
	*out = NULL;
	yaml_document_t doc;
	int rc = tl_yaml_load(name, text, len, TL_AGENDA_MAX_FILE, 0, &doc, errs);
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
	struct ctx c = {{&doc, name, 0, errs, a}, m};
	size_t before = tl_errors_count(errs);
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root) {
		tl_errors_add(errs, name, 1, 1, NULL, "the spec file is empty: it needs imports: or mergers:");
	} else if (tl_yaml_want_map(&c.y, root, "the spec file")) {
		static const char *const keys[] = {"imports", "mergers", NULL};
		static const char *const ikeys[] = {"indicator", "topic", "table", "dimensions", "scale", "source", NULL};
		tl_yaml_check_keys(&c.y, root, "the spec file", keys);
		yaml_node_t *seq = tl_yaml_seq_field(&c.y, root, "imports", "the spec file", 0);
		size_t n = tl_yaml_seq_len(seq);
		for (size_t i = 0; i < n; i++) {
			yaml_node_t *t = tl_yaml_seq_at(&c.y, seq, i);
			if (!tl_yaml_want_map(&c.y, t, "an import spec"))
				continue;
			tl_yaml_check_keys(&c.y, t, "import spec", ikeys);
			const char *slug = tl_yaml_str_field(&c.y, t, "indicator", "import spec", 1);
			struct tl_indicator *d = NULL;
			for (size_t k = 0; slug && k < m->n_indicators; k++)
				if (!strcmp(m->indicators[k].slug, slug))
					d = &m->indicators[k];
			if (slug && !d) {
				tl_yaml_err(&c.y, tl_yaml_get(&c.y, t, "indicator"), "indicator",
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
		parse_mergers(&c, tl_yaml_seq_field(&c.y, root, "mergers", "the spec file", 0));
		if (!tl_yaml_get(&c.y, root, "imports") && !tl_yaml_get(&c.y, root, "mergers"))
			tl_yaml_err(&c.y, root, NULL, "the spec file needs imports: or mergers:");
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
