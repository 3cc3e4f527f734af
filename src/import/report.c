#include "report.h"

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
#include "yaml_doc.h"

/* The parse state: the YAML document with its marks, the file name and the
 * line offset for messages (front matter starts on line 2 of a story), and
 * the model being filled. */
struct ctx {
	struct tl_yaml y;
	const struct tl_model *m;
};

/* A number such as 800000, 28200000 or 12.5 (decimal point, no thousands
 * separators: YAML is not prose).  Returns 1 when present and valid. */
static int num_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what, int required,
		     double *out)
{
	yaml_node_t *v = tl_yaml_get(&c->y, map, key);
	if (!v || tl_yaml_is_null(v)) {
		if (required)
			tl_yaml_err(&c->y, v ? v : map, key, "%s: \"%s\" is required", what, key);
		return 0;
	}
	const char *s = v->type == YAML_SCALAR_NODE ? (const char *)v->data.scalar.value : "";
	if (v->type != YAML_SCALAR_NODE || tl_parse_decimal(s, strlen(s), '.', out)) {
		tl_yaml_err(&c->y, v, key,
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
	yaml_node_t *v = tl_yaml_get(&c->y, map, key);
	if (!v || tl_yaml_is_null(v)) {
		if (required)
			tl_yaml_err(&c->y, v ? v : map, key, "%s: \"%s\" is required (true or false)", what, key);
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
	tl_yaml_err(&c->y, v, key, "%s: \"%s\" must be true or false", what, key);
	return def;
}

static int date_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what, int required,
		      struct tl_ymd *out)
{
	*out = (struct tl_ymd){0, 0, 0};
	const char *s = tl_yaml_str_field(&c->y, map, key, what, required);
	if (!s)
		return 0;
	if (tl_ymd_parse(s, strlen(s), out)) {
		tl_yaml_err(&c->y, tl_yaml_get(&c->y, map, key), key,
		       "%s: \"%s\" must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not \"%s\"", what, key, s);
		return 0;
	}
	return 1;
}

/* goals: [1, 2] — every number a goal of the agenda. */
static int *goals_field(struct ctx *c, yaml_node_t *map, const char *what, size_t *n)
{
	yaml_node_t *gs = tl_yaml_seq_field(&c->y, map, "goals", what, 0);
	int *goals = TL_NEW_ARRAY(c->y.a, int, tl_yaml_seq_len(gs) + 1);
	*n = 0;
	for (size_t k = 0; k < tl_yaml_seq_len(gs); k++) {
		yaml_node_t *gn = tl_yaml_seq_at(&c->y, gs, k);
		long g;
		if (gn->type != YAML_SCALAR_NODE || tl_yaml_parse_long((const char *)gn->data.scalar.value, 1, 9999, &g)) {
			tl_yaml_err(&c->y, gn, "goals", "%s: goals must be goal numbers, e.g. [1, 2]", what);
			continue;
		}
		if (!tl_model_goal(c->m, (int)g)) {
			tl_yaml_err(&c->y, gn, "goals", "%s: unknown goal %ld (not in agenda.yml)", what, g);
			continue;
		}
		int dup = 0;
		for (size_t i = 0; i < *n; i++)
			dup |= goals[i] == (int)g;
		if (dup)
			tl_yaml_err(&c->y, gn, "goals", "%s: goal %ld is listed twice", what, g);
		else
			goals[(*n)++] = (int)g;
	}
	return goals;
}

/* A list of texts (partners). */
static const char **texts_field(struct ctx *c, yaml_node_t *map, const char *key, const char *what,
				size_t *n)
{
	yaml_node_t *ls = tl_yaml_seq_field(&c->y, map, key, what, 0);
	const char **out = TL_NEW_ARRAY(c->y.a, const char *, tl_yaml_seq_len(ls) + 1);
	*n = 0;
	for (size_t k = 0; k < tl_yaml_seq_len(ls); k++) {
		const char *t = tl_yaml_text(&c->y, tl_yaml_seq_at(&c->y, ls, k), key, what, 1, ls);
		if (t)
			out[(*n)++] = t;
	}
	return out;
}

static const char *region_ref(struct ctx *c, yaml_node_t *v, const char *key, const char *what,
			      yaml_node_t *map)
{
	const char *code = tl_yaml_text(&c->y, v, key, what, 0, map);
	if (!code)
		return NULL;
	const struct tl_region *r = tl_model_region(c->m, code);
	if (!r) {
		tl_yaml_err(&c->y, v, key, "%s: unknown region \"%s\" (a CBS code from agenda.yml, e.g. GM0106)", what, code);
		return NULL;
	}
	return r->code;
}

static const char *theme_ref(struct ctx *c, yaml_node_t *map, const char *what)
{
	const char *t = tl_yaml_str_field(&c->y, map, "theme", what, 0);
	if (!t)
		return NULL;
	const struct tl_theme *th = tl_model_theme(c->m, t);
	if (!th) {
		tl_yaml_err(&c->y, tl_yaml_get(&c->y, map, "theme"), "theme", "%s: unknown theme \"%s\" (not in agenda.yml)", what, t);
		return NULL;
	}
	return th->slug;
}

static const char *slug_field(struct ctx *c, yaml_node_t *map, const char *what)
{
	const char *s = tl_yaml_str_field(&c->y, map, "slug", what, 1);
	if (s && !tl_is_slug(s)) {
		tl_yaml_err(&c->y, tl_yaml_get(&c->y, map, "slug"), "slug", "%s: slug \"%s\" may only contain a-z, 0-9, - and _", what, s);
		return NULL;
	}
	return s;
}

/* ---- instruments -------------------------------------------------------- */

static void parse_stated(struct ctx *c, yaml_node_t *inode, struct tl_instrument *in)
{
	static const char *const keys[] = {"year", "theme", "count", "amount", "text", NULL};
	yaml_node_t *seq = tl_yaml_seq_field(&c->y, inode, "stated", "instrument", 0);
	in->stated = TL_NEW_ARRAY(c->y.a, struct tl_stated_total, tl_yaml_seq_len(seq) + 1);
	for (size_t i = 0; i < tl_yaml_seq_len(seq); i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "a stated total"))
			continue;
		tl_yaml_check_keys(&c->y, t, "stated total", keys);
		struct tl_stated_total *s = &in->stated[in->n_stated];
		s->year = (int)tl_yaml_int_field(&c->y, t, "year", "stated total", 1800, 2200, 0, 1);
		s->theme = theme_ref(c, t, "stated total");
		s->count = tl_yaml_int_field(&c->y, t, "count", "stated total", 0, 100000000, -1, 0);
		s->has_amount = num_field(c, t, "amount", "stated total", 0, &s->amount);
		s->text = tl_yaml_str_field(&c->y, t, "text", "stated total", 0);
		if (s->count < 0 && !s->has_amount && !s->text) {
			tl_yaml_err(&c->y, t, NULL, "stated total: needs a count, an amount or the text that states it");
			continue;
		}
		if (in->slug && tl_instrument_stated(in, s->year, s->theme)) {
			tl_yaml_err(&c->y, t, "year", "instrument %s: a second stated total for %d%s%s", in->slug, s->year,
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
	yaml_node_t *seq = tl_yaml_seq_field(&c->y, inode, "grants", "instrument", 0);
	in->grants = TL_NEW_ARRAY(c->y.a, struct tl_grant, tl_yaml_seq_len(seq) + 1);
	for (size_t i = 0; i < tl_yaml_seq_len(seq); i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "a grant"))
			continue;
		tl_yaml_check_keys(&c->y, t, "grant", keys);
		struct tl_grant *g = &in->grants[in->n_grants];
		size_t before = tl_errors_count(c->y.errs);
		g->instrument = in->slug;
		g->recipient = tl_yaml_str_field(&c->y, t, "recipient", "grant", 0);
		g->project = tl_yaml_str_field(&c->y, t, "project", "grant", 0);
		if (!g->recipient && !g->project)
			tl_yaml_err(&c->y, t, "recipient", "grant: needs a recipient or a project (or both)");
		g->municipality = region_ref(c, tl_yaml_get(&c->y, t, "municipality"), "municipality", "grant", t);
		g->year = (int)tl_yaml_int_field(&c->y, t, "year", "grant", 1800, 2200, 0, 1);
		g->has_amount = num_field(c, t, "amount", "grant", 0, &g->amount);
		if (g->has_amount && g->amount < 0)
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "amount"), "amount", "grant: amount cannot be negative");
		g->goals = goals_field(c, t, "grant", &g->n_goals);
		g->note = tl_yaml_str_field(&c->y, t, "note", "grant", 0);
		if (tl_errors_count(c->y.errs) == before)
			in->n_grants++;
	}
}

static void parse_instruments(struct ctx *c, yaml_node_t *seq, struct tl_model *m)
{
	static const char *const keys[] = {"slug", "name", "kind", "theme", "goals", "partners",
					   "municipalities", "budget", "budget_note", "period",
					   "in_agenda", "description", "source", "stated", "grants", NULL};
	m->instruments = TL_NEW_ARRAY(c->y.a, struct tl_instrument, tl_yaml_seq_len(seq) + 1);
	for (size_t i = 0; i < tl_yaml_seq_len(seq); i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "an instrument"))
			continue;
		tl_yaml_check_keys(&c->y, t, "instrument", keys);
		struct tl_instrument *in = &m->instruments[m->n_instruments];
		size_t before = tl_errors_count(c->y.errs);
		in->slug = slug_field(c, t, "instrument");
		if (in->slug && tl_model_instrument(m, in->slug))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug", "instrument \"%s\" is declared twice", in->slug);
		in->name = tl_yaml_str_field(&c->y, t, "name", "instrument", 1);
		in->kind = tl_yaml_str_field(&c->y, t, "kind", "instrument", 1);
		in->theme = theme_ref(c, t, "instrument");
		in->goals = goals_field(c, t, "instrument", &in->n_goals);
		in->partners = texts_field(c, t, "partners", "instrument", &in->n_partners);
		yaml_node_t *ms = tl_yaml_seq_field(&c->y, t, "municipalities", "instrument", 0);
		in->municipalities = TL_NEW_ARRAY(c->y.a, const char *, tl_yaml_seq_len(ms) + 1);
		for (size_t k = 0; k < tl_yaml_seq_len(ms); k++) {
			const char *code = region_ref(c, tl_yaml_seq_at(&c->y, ms, k), "municipalities", "instrument", ms);
			if (code)
				in->municipalities[in->n_municipalities++] = code;
		}
		in->has_budget = num_field(c, t, "budget", "instrument", 0, &in->budget);
		in->budget_note = tl_yaml_str_field(&c->y, t, "budget_note", "instrument", 0);
		in->in_agenda = bool_field(c, t, "in_agenda", "instrument", 0, 1);
		in->description = tl_yaml_str_field(&c->y, t, "description", "instrument", 0);
		in->source = tl_yaml_str_field(&c->y, t, "source", "instrument", 0);
		in->position = (int)m->n_instruments + 1;
		yaml_node_t *p = tl_yaml_get(&c->y, t, "period");
		if (p && !tl_yaml_is_null(p)) {
			long a = 0, b = 0;
			int ok = 0;
			if (p->type == YAML_SCALAR_NODE)
				ok = !tl_yaml_parse_long((const char *)p->data.scalar.value, 1800, 2200, &a), b = a;
			else if (p->type == YAML_SEQUENCE_NODE && tl_yaml_seq_len(p) == 2) {
				yaml_node_t *x = tl_yaml_seq_at(&c->y, p, 0), *y = tl_yaml_seq_at(&c->y, p, 1);
				ok = x->type == YAML_SCALAR_NODE && y->type == YAML_SCALAR_NODE &&
				     !tl_yaml_parse_long((const char *)x->data.scalar.value, 1800, 2200, &a) &&
				     !tl_yaml_parse_long((const char *)y->data.scalar.value, 1800, 2200, &b) && a <= b;
			}
			if (!ok)
				tl_yaml_err(&c->y, p, "period", "instrument: period must be a year or [first year, last year]");
			in->start_year = (int)a;
			in->end_year = (int)b;
		}
		if (tl_errors_count(c->y.errs) != before)
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
	yaml_node_t *p = tl_yaml_get(&c->y, t, key);
	if (!p || tl_yaml_is_null(p))
		return;
	if (!tl_yaml_want_map(&c->y, p, key))
		return;
	tl_yaml_check_keys(&c->y, p, key, keys);
	*has = num_field(c, p, "value", key, 0, value);
	date_field(c, p, "date", key, 0, date);
}

static void parse_targets(struct ctx *c, yaml_node_t *seq, struct tl_model *m)
{
	static const char *const keys[] = {"slug", "title", "theme", "goals", "instrument", "unit",
					   "decimals", "polarity", "baseline", "target", "text",
					   "source", "progress", NULL};
	static const char *const pkeys[] = {"date", "value", "source", "note", NULL};
	m->targets = TL_NEW_ARRAY(c->y.a, struct tl_target, tl_yaml_seq_len(seq) + 1);
	for (size_t i = 0; i < tl_yaml_seq_len(seq); i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "a target"))
			continue;
		tl_yaml_check_keys(&c->y, t, "target", keys);
		struct tl_target *g = &m->targets[m->n_targets];
		size_t before = tl_errors_count(c->y.errs);
		g->slug = slug_field(c, t, "target");
		if (g->slug && tl_model_target(m, g->slug))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug", "target \"%s\" is declared twice", g->slug);
		g->title = tl_yaml_str_field(&c->y, t, "title", "target", 1);
		g->theme = theme_ref(c, t, "target");
		g->goals = goals_field(c, t, "target", &g->n_goals);
		g->instrument = tl_yaml_str_field(&c->y, t, "instrument", "target", 0);
		if (g->instrument) {
			const struct tl_instrument *in = tl_model_instrument(m, g->instrument);
			if (!in)
				tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "instrument"), "instrument",
				       "target: unknown instrument \"%s\" (not under instruments:)", g->instrument);
			else
				g->instrument = in->slug;
		}
		g->unit = tl_yaml_str_field(&c->y, t, "unit", "target", 0);
		g->decimals = (int)tl_yaml_int_field(&c->y, t, "decimals", "target", 0, 6, 0, 0);
		g->polarity = TL_POLARITY_HIGHER_BETTER;
		const char *pol = tl_yaml_str_field(&c->y, t, "polarity", "target", 0);
		if (pol && tl_polarity_parse(pol, &g->polarity))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "polarity"), "polarity",
			       "target: polarity must be higher-is-better, lower-is-better or neutral, not \"%s\"", pol);
		parse_point(c, t, "baseline", &g->has_baseline, &g->baseline, &g->baseline_date);
		parse_point(c, t, "target", &g->has_target, &g->target, &g->deadline);
		g->text = tl_yaml_str_field(&c->y, t, "text", "target", 0);
		g->source = tl_yaml_str_field(&c->y, t, "source", "target", 0);
		g->position = (int)m->n_targets + 1;
		yaml_node_t *ps = tl_yaml_seq_field(&c->y, t, "progress", "target", 0);
		g->progress = TL_NEW_ARRAY(c->y.a, struct tl_target_entry, tl_yaml_seq_len(ps) + 1);
		for (size_t k = 0; k < tl_yaml_seq_len(ps); k++) {
			yaml_node_t *pn = tl_yaml_seq_at(&c->y, ps, k);
			if (!tl_yaml_want_map(&c->y, pn, "a progress entry"))
				continue;
			tl_yaml_check_keys(&c->y, pn, "progress entry", pkeys);
			struct tl_target_entry *e = &g->progress[g->n_progress];
			int ok = date_field(c, pn, "date", "progress entry", 1, &e->date);
			ok &= num_field(c, pn, "value", "progress entry", 1, &e->value);
			e->source = tl_yaml_str_field(&c->y, pn, "source", "progress entry", 0);
			e->note = tl_yaml_str_field(&c->y, pn, "note", "progress entry", 0);
			if (!ok)
				continue;
			if (g->n_progress && tl_ymd_cmp(&g->progress[g->n_progress - 1].date, &e->date) > 0) {
				tl_yaml_err(&c->y, pn, "date", "target: progress entries must be in date order");
				continue;
			}
			g->n_progress++;
		}
		if (tl_errors_count(c->y.errs) == before)
			m->n_targets++;
	}
}

/* ---- next steps --------------------------------------------------------- */

static void parse_next_steps(struct ctx *c, yaml_node_t *seq, struct tl_model *m)
{
	static const char *const keys[] = {"slug", "theme", "year", "status", "text", "outcome", NULL};
	m->next_steps = TL_NEW_ARRAY(c->y.a, struct tl_next_step, tl_yaml_seq_len(seq) + 1);
	for (size_t i = 0; i < tl_yaml_seq_len(seq); i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "a next step"))
			continue;
		tl_yaml_check_keys(&c->y, t, "next step", keys);
		struct tl_next_step *n = &m->next_steps[m->n_next_steps];
		size_t before = tl_errors_count(c->y.errs);
		n->slug = tl_yaml_str_field(&c->y, t, "slug", "next step", 0);
		if (n->slug && !tl_is_slug(n->slug))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug", "next step: slug \"%s\" may only contain a-z, 0-9, - and _",
			       n->slug);
		n->theme = theme_ref(c, t, "next step");
		if (!n->theme && !tl_yaml_get(&c->y, t, "theme"))
			tl_yaml_err(&c->y, t, "theme", "next step: \"theme\" is required");
		n->year = (int)tl_yaml_int_field(&c->y, t, "year", "next step", 1800, 2200, 0, 1);
		const char *status = tl_yaml_str_field(&c->y, t, "status", "next step", 0);
		n->status = TL_STEP_PLANNED;
		if (status && tl_step_status_parse(status, &n->status))
			tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "status"), "status",
			       "next step: status must be planned, started, done or dropped, not \"%s\"", status);
		n->text = tl_yaml_str_field(&c->y, t, "text", "next step", 1);
		n->outcome = tl_yaml_str_field(&c->y, t, "outcome", "next step", 0);
		n->position = (int)m->n_next_steps + 1;
		for (size_t k = 0; n->slug && k < m->n_next_steps; k++)
			if (m->next_steps[k].slug && !strcmp(m->next_steps[k].slug, n->slug) &&
			    m->next_steps[k].year == n->year)
				tl_yaml_err(&c->y, tl_yaml_get(&c->y, t, "slug"), "slug", "next step \"%s\" is declared twice for %d",
				       n->slug, n->year);
		if (tl_errors_count(c->y.errs) == before)
			m->n_next_steps++;
	}
}

/* ---- stories list ------------------------------------------------------- */

static void parse_story_list(struct ctx *c, yaml_node_t *seq, struct tl_model *m)
{
	m->stories = TL_NEW_ARRAY(c->y.a, struct tl_story, tl_yaml_seq_len(seq) + 1);
	for (size_t i = 0; i < tl_yaml_seq_len(seq); i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		const char *file = tl_yaml_text(&c->y, t, "stories", "stories", 1, seq);
		if (!file)
			continue;
		size_t fl = strlen(file);
		if (fl < 4 || strcmp(file + fl - 3, ".md") != 0 || strchr(file, '/') || file[0] == '.') {
			tl_yaml_err(&c->y, t, "stories", "stories: \"%s\" must be a .md file name inside stories/", file);
			continue;
		}
		char *slug = tl_arena_strndup(c->y.a, file, fl - 3);
		if (!tl_is_slug(slug)) {
			tl_yaml_err(&c->y, t, "stories", "stories: file name \"%s\" may only contain a-z, 0-9, - and _ before .md",
			       file);
			continue;
		}
		if (tl_model_story(m, slug)) {
			tl_yaml_err(&c->y, t, "stories", "stories: %s is listed twice", file);
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

int tl_report_parse(const char *name, const char *text, size_t len, struct tl_model *m, tl_errors *errs)
{
	yaml_document_t doc;
	int rc = tl_yaml_load(name, text, len, TL_AGENDA_MAX_FILE, 0, &doc, errs);
	if (rc)
		return rc;
	struct ctx c = {{&doc, name, 0, errs, m->arena}, m};
	struct tl_model r = *m; /* filled here, copied back only on success */
	r.n_instruments = r.n_targets = r.n_stories = r.n_next_steps = 0;
	c.m = &r;
	size_t before = tl_errors_count(errs);
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (root && tl_yaml_want_map(&c.y, root, "report.yml")) {
		static const char *const keys[] = {"instruments", "targets", "next_steps", "stories", NULL};
		tl_yaml_check_keys(&c.y, root, "report.yml", keys);
		parse_instruments(&c, tl_yaml_seq_field(&c.y, root, "instruments", "report.yml", 0), &r);
		parse_targets(&c, tl_yaml_seq_field(&c.y, root, "targets", "report.yml", 0), &r);
		parse_next_steps(&c, tl_yaml_seq_field(&c.y, root, "next_steps", "report.yml", 0), &r);
		parse_story_list(&c, tl_yaml_seq_field(&c.y, root, "stories", "report.yml", 0), &r);
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
	yaml_node_t *seq = tl_yaml_seq_field(&c->y, fm, "people", "story", 0);
	s->people = TL_NEW_ARRAY(c->y.a, struct tl_person, tl_yaml_seq_len(seq) + 1);
	for (size_t i = 0; i < tl_yaml_seq_len(seq); i++) {
		yaml_node_t *t = tl_yaml_seq_at(&c->y, seq, i);
		if (!tl_yaml_want_map(&c->y, t, "a person"))
			continue;
		tl_yaml_check_keys(&c->y, t, "person", keys);
		struct tl_person *p = &s->people[s->n_people];
		p->name = tl_yaml_str_field(&c->y, t, "name", "person", 1);
		p->role = tl_yaml_str_field(&c->y, t, "role", "person", 0);
		/* No default: whoever adds a person decides, in writing. */
		p->consent = bool_field(c, t, "consent", "person", 1, 0);
		p->alias = tl_yaml_str_field(&c->y, t, "alias", "person", 0);
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
	int rc = tl_yaml_load(name, text + fm, end - fm, TL_AGENDA_MAX_FILE, 1, &doc, errs);
	if (rc)
		return rc;
	tl_arena *a = m->arena;
	struct ctx c = {{&doc, name, 1, errs, a}, m};
	size_t before = tl_errors_count(errs);
	yaml_node_t *root = yaml_document_get_root_node(&doc);
	if (!root) {
		tl_errors_add(errs, name, 2, 1, NULL, "front matter is empty: a story needs at least title and published");
	} else if (tl_yaml_want_map(&c.y, root, "front matter")) {
		tl_yaml_check_keys(&c.y, root, "story", keys);
		s->title = tl_yaml_str_field(&c.y, root, "title", "story", 1);
		s->kicker = tl_yaml_str_field(&c.y, root, "kicker", "story", 0);
		s->lead = tl_yaml_str_field(&c.y, root, "lead", "story", 0);
		parse_people(&c, root, s);
		s->place = tl_yaml_str_field(&c.y, root, "place", "story", 0);
		s->municipality = region_ref(&c, tl_yaml_get(&c.y, root, "municipality"), "municipality", "story", root);
		s->goals = goals_field(&c, root, "story", &s->n_goals);
		yaml_node_t *is = tl_yaml_seq_field(&c.y, root, "instruments", "story", 0);
		s->instruments = TL_NEW_ARRAY(a, const char *, tl_yaml_seq_len(is) + 1);
		for (size_t k = 0; k < tl_yaml_seq_len(is); k++) {
			yaml_node_t *v = tl_yaml_seq_at(&c.y, is, k);
			const char *slug = tl_yaml_text(&c.y, v, "instruments", "story", 1, is);
			const struct tl_instrument *in = slug ? tl_model_instrument(m, slug) : NULL;
			if (slug && !in)
				tl_yaml_err(&c.y, v, "instruments", "story: unknown instrument \"%s\" (not in report.yml)", slug);
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
