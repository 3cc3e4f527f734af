/*
 * api — JSON (jansson) and CSV answers for /api/v1/ (see api.h).
 */
#include "api.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../model/report.h"
#include "../render/download.h"

#define DEFAULT_LIMIT 100
#define MAX_LIMIT 1000

struct page {
	long limit, offset;
};

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

/* Write v (consumed) into b and return status. */
static int emit(tl_buf *b, json_t *v, int status)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENSURE_ASCII | JSON_REAL_PRECISION(15));
	json_decref(v);
	if (s) {
		tl_buf_puts(b, s);
		tl_buf_putc(b, '\n');
		free(s);
	}
	return status;
}

static int bad(tl_buf *b, const char *param, const char *msg)
{
	json_t *e = json_object();
	json_object_set_new(e, "error", json_string(msg));
	json_object_set_new(e, "parameter", str_or_null(param));
	return emit(b, e, param ? 400 : 404);
}

/* A non-negative integer parameter within [0, max]; -1 when malformed. */
static long int_param(const char *s, long max)
{
	if (!s || !*s || strlen(s) > 9)
		return -1;
	long v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		v = v * 10 + (*p - '0');
	}
	return v > max ? -1 : v;
}

static int paging(const struct tl_form *q, struct page *p, tl_buf *b)
{
	const char *l = tl_form_get(q, "limit"), *o = tl_form_get(q, "offset");
	p->limit = l ? int_param(l, MAX_LIMIT) : DEFAULT_LIMIT;
	p->offset = o ? int_param(o, 1000000000L) : 0;
	if (p->limit < 1) {
		bad(b, "limit", "limit must be a whole number from 1 to 1000");
		return -1;
	}
	if (p->offset < 0) {
		bad(b, "offset", "offset must be a whole number, 0 or more");
		return -1;
	}
	return 0;
}

/* The list envelope; items consumed.  total counts all matches. */
static int list(tl_buf *b, const char *path, json_t *items, size_t total, const struct page *p)
{
	json_t *o = json_object();
	json_object_set_new(o, "items", items);
	json_object_set_new(o, "total", json_integer((json_int_t)total));
	json_object_set_new(o, "limit", json_integer(p->limit));
	json_object_set_new(o, "offset", json_integer(p->offset));
	if ((size_t)(p->offset + p->limit) < total) {
		char next[160];
		snprintf(next, sizeof next, "/api/v1/%s?limit=%ld&offset=%ld", path, p->limit,
			 p->offset + p->limit);
		json_object_set_new(o, "next", json_string(next));
	} else {
		json_object_set_new(o, "next", json_null());
	}
	return emit(b, o, 200);
}

static int in_page(size_t i, const struct page *p)
{
	return (long)i >= p->offset && (long)i < p->offset + p->limit;
}

static json_t *indicator_json(const struct tl_indicator *d)
{
	json_t *o = json_object();
	json_object_set_new(o, "slug", json_string(d->slug));
	json_object_set_new(o, "theme", str_or_null(d->theme));
	json_object_set_new(o, "title", json_string(d->title));
	json_object_set_new(o, "subject", str_or_null(d->subject));
	json_object_set_new(o, "unit", json_string(d->unit));
	json_object_set_new(o, "decimals", json_integer(d->decimals));
	json_object_set_new(o, "polarity", json_string(tl_polarity_name(d->polarity)));
	json_object_set_new(o, "source", str_or_null(d->source));
	json_object_set_new(o, "source_detail", str_or_null(d->source_detail));
	json_object_set_new(o, "notes", str_or_null(d->notes));
	json_t *g = json_array();
	for (size_t i = 0; i < d->n_goals; i++)
		json_array_append_new(g, json_integer(d->goals[i]));
	json_object_set_new(o, "goals", g);
	json_t *br = json_array();
	for (size_t i = 0; i < d->n_breaks; i++) {
		json_t *x = json_object();
		json_object_set_new(x, "year", json_integer(d->breaks[i].year));
		json_object_set_new(x, "explanation", json_string(d->breaks[i].explanation));
		json_array_append_new(br, x);
	}
	json_object_set_new(o, "series_breaks", br);
	return o;
}

static int agenda(const struct tl_model *m, tl_buf *b)
{
	const struct tl_agenda *ag = &m->agenda;
	json_t *o = json_object();
	json_object_set_new(o, "slug", json_string(ag->slug));
	json_object_set_new(o, "title", json_string(ag->title));
	json_object_set_new(o, "subtitle", str_or_null(ag->subtitle));
	json_object_set_new(o, "organisation", str_or_null(ag->organisation));
	json_object_set_new(o, "period_start", json_integer(ag->period_start));
	json_object_set_new(o, "period_end", json_integer(ag->period_end));
	json_object_set_new(o, "report_year", json_integer(ag->report_year));
	json_object_set_new(o, "report_title", str_or_null(ag->report_title));
	json_object_set_new(o, "focus_region", str_or_null(ag->focus_region));
	json_object_set_new(o, "national_region", str_or_null(ag->national_region));
	return emit(b, o, 200);
}

static int themes(const struct tl_model *m, const struct tl_form *q, tl_buf *b)
{
	struct page p;
	if (paging(q, &p, b))
		return 400;
	json_t *items = json_array();
	for (size_t i = 0; i < m->n_themes; i++) {
		if (!in_page(i, &p))
			continue;
		const struct tl_theme *t = &m->themes[i];
		json_t *o = json_object();
		json_object_set_new(o, "slug", json_string(t->slug));
		json_object_set_new(o, "position", json_integer(t->position));
		json_object_set_new(o, "title", json_string(t->title));
		json_object_set_new(o, "subtitle", str_or_null(t->subtitle));
		json_array_append_new(items, o);
	}
	return list(b, "themes", items, m->n_themes, &p);
}

static int goals(const struct tl_model *m, const struct tl_form *q, tl_buf *b)
{
	struct page p;
	if (paging(q, &p, b))
		return 400;
	const char *theme = tl_form_get(q, "theme");
	if (theme && !tl_model_theme(m, theme))
		return bad(b, "theme", "no such theme");
	json_t *items = json_array();
	size_t k = 0;
	for (size_t i = 0; i < m->n_goals; i++) {
		const struct tl_goal *g = &m->goals[i];
		if (theme && strcmp(g->theme, theme) != 0)
			continue;
		if (in_page(k++, &p)) {
			json_t *o = json_object();
			json_object_set_new(o, "number", json_integer(g->number));
			json_object_set_new(o, "theme", json_string(g->theme));
			json_object_set_new(o, "title", json_string(g->title));
			json_object_set_new(o, "text", str_or_null(g->text));
			json_array_append_new(items, o);
		}
	}
	return list(b, "goals", items, k, &p);
}

static int indicators(const struct tl_model *m, const struct tl_form *q, tl_buf *b)
{
	struct page p;
	if (paging(q, &p, b))
		return 400;
	const char *theme = tl_form_get(q, "theme");
	if (theme && !tl_model_theme(m, theme))
		return bad(b, "theme", "no such theme");
	json_t *items = json_array();
	size_t k = 0;
	for (size_t i = 0; i < m->n_indicators; i++) {
		const struct tl_indicator *d = &m->indicators[i];
		if (theme && (!d->theme || strcmp(d->theme, theme) != 0))
			continue;
		if (in_page(k++, &p))
			json_array_append_new(items, indicator_json(d));
	}
	return list(b, "indicators", items, k, &p);
}

static int regions(const struct tl_model *m, const struct tl_form *q, tl_buf *b)
{
	struct page p;
	if (paging(q, &p, b))
		return 400;
	const char *level = tl_form_get(q, "level"), *parent = tl_form_get(q, "parent");
	json_t *items = json_array();
	size_t k = 0;
	for (size_t i = 0; i < m->n_regions; i++) {
		const struct tl_region *r = &m->regions[i];
		if (level && strcmp(r->level, level) != 0)
			continue;
		if (parent && (!r->parent || strcmp(r->parent, parent) != 0))
			continue;
		if (in_page(k++, &p)) {
			json_t *o = json_object();
			json_object_set_new(o, "code", json_string(r->code));
			json_object_set_new(o, "name", json_string(r->name));
			json_object_set_new(o, "level", json_string(r->level));
			json_object_set_new(o, "parent", str_or_null(r->parent));
			json_array_append_new(items, o);
		}
	}
	return list(b, "regions", items, k, &p);
}

static int groups(const struct tl_model *m, const struct tl_form *q, tl_buf *b)
{
	struct page p;
	if (paging(q, &p, b))
		return 400;
	json_t *items = json_array();
	for (size_t i = 0; i < m->n_groups; i++) {
		if (!in_page(i, &p))
			continue;
		const struct tl_region_group *g = &m->groups[i];
		json_t *o = json_object();
		json_object_set_new(o, "slug", json_string(g->slug));
		json_object_set_new(o, "name", json_string(g->name));
		json_object_set_new(o, "description", str_or_null(g->description));
		json_t *mem = json_array();
		for (size_t k = 0; k < g->n_members; k++)
			json_array_append_new(mem, json_string(g->members[k]));
		json_object_set_new(o, "members", mem);
		json_array_append_new(items, o);
	}
	return list(b, "groups", items, m->n_groups, &p);
}

/* ---- series ------------------------------------------------------------- */

struct filter {
	const char *indicator;
	const char **regions; /* NULL = all */
	size_t n_regions;
	struct tl_period from, to;
	int has_from, has_to;
};

static int wanted_region(const struct filter *f, const char *code)
{
	if (!f->regions)
		return 1;
	for (size_t i = 0; i < f->n_regions; i++)
		if (!strcmp(f->regions[i], code))
			return 1;
	return 0;
}

static int series_filter(const struct tl_model *m, const struct tl_form *q, tl_arena *a,
			 struct filter *f, tl_buf *b)
{
	memset(f, 0, sizeof *f);
	f->indicator = tl_form_get(q, "indicator");
	if (f->indicator && !tl_model_indicator(m, f->indicator)) {
		bad(b, "indicator", "no such indicator");
		return -1;
	}
	size_t nr = 0;
	for (size_t i = 0; i < q->n; i++)
		nr += !strcmp(q->f[i].key, "region");
	const char *group = tl_form_get(q, "group");
	const struct tl_region_group *g = NULL;
	if (group && !(g = tl_model_group(m, group))) {
		bad(b, "group", "no such region group");
		return -1;
	}
	if (nr || g) {
		f->regions = TL_NEW_ARRAY(a, const char *, nr + (g ? g->n_members : 0) + 1);
		for (size_t i = 0; i < q->n; i++) {
			if (strcmp(q->f[i].key, "region") != 0)
				continue;
			if (!tl_model_region(m, q->f[i].val)) {
				bad(b, "region", "no such region");
				return -1;
			}
			f->regions[f->n_regions++] = q->f[i].val;
		}
		for (size_t i = 0; g && i < g->n_members; i++)
			f->regions[f->n_regions++] = g->members[i];
	}
	const char *from = tl_form_get(q, "from"), *to = tl_form_get(q, "to");
	if (from) {
		if (tl_period_parse(from, strlen(from), &f->from)) {
			bad(b, "from", "from must be a year (2024) or a CBS period (2024JJ00, 2024KW01, 2024MM03)");
			return -1;
		}
		f->has_from = 1;
	}
	if (to) {
		if (tl_period_parse(to, strlen(to), &f->to)) {
			bad(b, "to", "to must be a year (2024) or a CBS period (2024JJ00, 2024KW01, 2024MM03)");
			return -1;
		}
		f->has_to = 1;
		/* A plain year as upper bound includes its quarters and months. */
		if (f->to.kind == TL_PERIOD_YEAR) {
			f->to.kind = TL_PERIOD_MONTH;
			f->to.sub = 12;
		}
	}
	return 0;
}

static int obs_match(const struct filter *f, const struct tl_observation *o)
{
	if (f->indicator && strcmp(o->indicator, f->indicator) != 0)
		return 0;
	if (!wanted_region(f, o->region))
		return 0;
	if (f->has_from && tl_period_cmp(&o->period, &f->from) < 0)
		return 0;
	if (f->has_to && tl_period_cmp(&o->period, &f->to) > 0)
		return 0;
	return 1;
}

static int series(const struct tl_model *m, const struct tl_form *q, tl_arena *a, tl_buf *b,
		  int csv, const char **ctype)
{
	struct page p;
	struct filter f;
	if (!csv && paging(q, &p, b))
		return 400;
	if (series_filter(m, q, a, &f, b))
		return 400;
	if (csv) {
		*ctype = "text/csv; charset=utf-8";
		tl_buf_puts(b, "indicator,region,region_name,period,value,status,source,note\n");
	}
	json_t *items = csv ? NULL : json_array();
	size_t k = 0;
	for (size_t i = 0; i < m->n_obs; i++) {
		const struct tl_observation *o = &m->obs[i];
		if (!obs_match(&f, o))
			continue;
		char code[9];
		tl_period_code(&o->period, code);
		const struct tl_indicator *d = tl_model_indicator(m, o->indicator);
		const char *src = o->source ? o->source : (d ? d->source : NULL);
		if (csv) {
			const struct tl_region *r = tl_model_region(m, o->region);
			tl_csv_field(b, o->indicator);
			tl_buf_putc(b, ',');
			tl_csv_field(b, o->region);
			tl_buf_putc(b, ',');
			tl_csv_field(b, r ? r->name : "");
			tl_buf_printf(b, ",%s,", code);
			if (tl_status_has_value(o->status))
				tl_buf_printf(b, "%.15g", o->value);
			tl_buf_printf(b, ",%s,", tl_status_name(o->status));
			tl_csv_field(b, src);
			tl_buf_putc(b, ',');
			tl_csv_field(b, o->note);
			tl_buf_putc(b, '\n');
			continue;
		}
		if (!in_page(k++, &p))
			continue;
		json_t *x = json_object();
		json_object_set_new(x, "indicator", json_string(o->indicator));
		json_object_set_new(x, "region", json_string(o->region));
		json_object_set_new(x, "period", json_string(code));
		json_object_set_new(x, "value",
				    tl_status_has_value(o->status) ? json_real(o->value) : json_null());
		json_object_set_new(x, "status", json_string(tl_status_name(o->status)));
		json_object_set_new(x, "source", str_or_null(src));
		json_object_set_new(x, "note", str_or_null(o->note));
		json_array_append_new(items, x);
	}
	if (csv)
		return 200;
	return list(b, "series", items, k, &p);
}

/* ---- Report content: instruments and grants, targets, stories, steps ---- */

static json_t *goals_json(const int *g, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_integer(g[i]));
	return a;
}

static json_t *opt_real(int has, double v)
{
	return has ? json_real(v) : json_null();
}

static json_t *ymd_json(const struct tl_ymd *d)
{
	char t[11];
	tl_ymd_text(d, t);
	return t[0] ? json_string(t) : json_null();
}

static json_t *grant_json(const struct tl_grant *g)
{
	json_t *o = json_object();
	json_object_set_new(o, "instrument", json_string(g->instrument));
	json_object_set_new(o, "recipient", str_or_null(g->recipient));
	json_object_set_new(o, "project", str_or_null(g->project));
	json_object_set_new(o, "municipality", str_or_null(g->municipality));
	json_object_set_new(o, "year", json_integer(g->year));
	json_object_set_new(o, "amount", opt_real(g->has_amount, g->amount));
	json_object_set_new(o, "goals", goals_json(g->goals, g->n_goals));
	json_object_set_new(o, "note", str_or_null(g->note));
	return o;
}

static int instruments(const struct tl_model *m, const struct tl_form *q, tl_buf *b)
{
	struct page p;
	if (paging(q, &p, b))
		return 400;
	const char *theme = tl_form_get(q, "theme");
	json_t *items = json_array();
	size_t k = 0;
	for (size_t i = 0; i < m->n_instruments; i++) {
		const struct tl_instrument *in = &m->instruments[i];
		if (theme && (!in->theme || strcmp(in->theme, theme) != 0))
			continue;
		if (!in_page(k++, &p))
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "slug", json_string(in->slug));
		json_object_set_new(o, "name", json_string(in->name));
		json_object_set_new(o, "kind", json_string(in->kind));
		json_object_set_new(o, "theme", str_or_null(in->theme));
		json_object_set_new(o, "description", str_or_null(in->description));
		json_t *pa = json_array();
		for (size_t j = 0; j < in->n_partners; j++)
			json_array_append_new(pa, json_string(in->partners[j]));
		json_object_set_new(o, "partners", pa);
		json_t *mu = json_array();
		for (size_t j = 0; j < in->n_municipalities; j++)
			json_array_append_new(mu, json_string(in->municipalities[j]));
		json_object_set_new(o, "municipalities", mu);
		json_object_set_new(o, "goals", goals_json(in->goals, in->n_goals));
		json_object_set_new(o, "budget", opt_real(in->has_budget, in->budget));
		json_object_set_new(o, "budget_note", str_or_null(in->budget_note));
		json_object_set_new(o, "start_year", in->start_year ? json_integer(in->start_year) : json_null());
		json_object_set_new(o, "end_year", in->end_year ? json_integer(in->end_year) : json_null());
		json_object_set_new(o, "in_agenda", json_boolean(in->in_agenda));
		json_object_set_new(o, "grants", json_integer((json_int_t)in->n_grants));
		json_array_append_new(items, o);
	}
	return list(b, "instruments", items, k, &p);
}

static int grants(const struct tl_model *m, const struct tl_form *q, tl_buf *b, int csv,
		  const char **ctype)
{
	struct page p;
	if (!csv && paging(q, &p, b))
		return 400;
	const char *ins = tl_form_get(q, "instrument"), *mun = tl_form_get(q, "municipality");
	const char *ys = tl_form_get(q, "year");
	long year = ys ? int_param(ys, 9999) : 0;
	if (year < 0)
		return bad(b, "year", "year must be a year such as 2025");
	if (ins && !tl_model_instrument(m, ins))
		return bad(b, "instrument", "no such instrument");
	if (csv) {
		*ctype = "text/csv; charset=utf-8";
		tl_buf_puts(b, "instrument,recipient,project,municipality,year,amount,note\n");
	}
	json_t *items = csv ? NULL : json_array();
	size_t k = 0;
	for (size_t i = 0; i < m->n_instruments; i++) {
		const struct tl_instrument *in = &m->instruments[i];
		if (ins && strcmp(in->slug, ins) != 0)
			continue;
		for (size_t j = 0; j < in->n_grants; j++) {
			const struct tl_grant *g = &in->grants[j];
			if ((mun && (!g->municipality || strcmp(g->municipality, mun) != 0)) ||
			    (year && g->year != year))
				continue;
			if (csv) {
				tl_csv_field(b, g->instrument);
				tl_buf_putc(b, ',');
				tl_csv_field(b, g->recipient);
				tl_buf_putc(b, ',');
				tl_csv_field(b, g->project);
				tl_buf_putc(b, ',');
				tl_csv_field(b, g->municipality);
				tl_buf_printf(b, ",%d,", g->year);
				if (g->has_amount)
					tl_buf_printf(b, "%.15g", g->amount);
				tl_buf_putc(b, ',');
				tl_csv_field(b, g->note);
				tl_buf_putc(b, '\n');
				continue;
			}
			if (in_page(k++, &p))
				json_array_append_new(items, grant_json(g));
		}
	}
	if (csv)
		return 200;
	return list(b, "grants", items, k, &p);
}

static int targets(const struct tl_model *m, const struct tl_form *q, tl_buf *b)
{
	struct page p;
	if (paging(q, &p, b))
		return 400;
	const char *theme = tl_form_get(q, "theme");
	json_t *items = json_array();
	size_t k = 0;
	for (size_t i = 0; i < m->n_targets; i++) {
		const struct tl_target *t = &m->targets[i];
		if (theme && (!t->theme || strcmp(t->theme, theme) != 0))
			continue;
		if (!in_page(k++, &p))
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "slug", json_string(t->slug));
		json_object_set_new(o, "title", json_string(t->title));
		json_object_set_new(o, "theme", str_or_null(t->theme));
		json_object_set_new(o, "instrument", str_or_null(t->instrument));
		json_object_set_new(o, "goals", goals_json(t->goals, t->n_goals));
		json_object_set_new(o, "unit", str_or_null(t->unit));
		json_object_set_new(o, "polarity", json_string(tl_polarity_name(t->polarity)));
		json_object_set_new(o, "baseline", opt_real(t->has_baseline, t->baseline));
		json_object_set_new(o, "baseline_date", ymd_json(&t->baseline_date));
		json_object_set_new(o, "target", opt_real(t->has_target, t->target));
		json_object_set_new(o, "deadline", ymd_json(&t->deadline));
		json_object_set_new(o, "text", str_or_null(t->text));
		json_object_set_new(o, "source", str_or_null(t->source));
		json_t *pr = json_array();
		for (size_t j = 0; j < t->n_progress; j++) {
			json_t *e = json_object();
			json_object_set_new(e, "date", ymd_json(&t->progress[j].date));
			json_object_set_new(e, "value", json_real(t->progress[j].value));
			json_object_set_new(e, "source", str_or_null(t->progress[j].source));
			json_object_set_new(e, "note", str_or_null(t->progress[j].note));
			json_array_append_new(pr, e);
		}
		json_object_set_new(o, "progress", pr);
		json_array_append_new(items, o);
	}
	return list(b, "targets", items, k, &p);
}

/* Published stories only.  A person without consent appears by alias (or
 * "[naam weggelaten]"), never by name; the body is left out because it may
 * name them: it is on the report's pages, where that rule is applied. */
static int stories(const struct tl_model *m, const struct tl_form *q, tl_buf *b)
{
	struct page p;
	if (paging(q, &p, b))
		return 400;
	json_t *items = json_array();
	size_t k = 0;
	for (size_t i = 0; i < m->n_stories; i++) {
		const struct tl_story *y = &m->stories[i];
		if (!y->published || !in_page(k++, &p))
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "slug", json_string(y->slug));
		json_object_set_new(o, "title", json_string(y->title));
		json_object_set_new(o, "kicker", str_or_null(y->kicker));
		json_object_set_new(o, "lead", str_or_null(y->lead));
		json_object_set_new(o, "place", str_or_null(y->place));
		json_object_set_new(o, "municipality", str_or_null(y->municipality));
		json_object_set_new(o, "date", ymd_json(&y->date));
		json_object_set_new(o, "goals", goals_json(y->goals, y->n_goals));
		json_t *ins = json_array();
		for (size_t j = 0; j < y->n_instruments; j++)
			json_array_append_new(ins, json_string(y->instruments[j]));
		json_object_set_new(o, "instruments", ins);
		json_t *pe = json_array();
		for (size_t j = 0; j < y->n_people; j++) {
			const struct tl_person *x = &y->people[j];
			json_t *e = json_object();
			json_object_set_new(e, "name", json_string(x->consent ? x->name
							   : x->alias ? x->alias
								      : "[naam weggelaten]"));
			json_object_set_new(e, "role", str_or_null(x->role));
			json_array_append_new(pe, e);
		}
		json_object_set_new(o, "people", pe);
		json_array_append_new(items, o);
	}
	return list(b, "stories", items, k, &p);
}

static int next_steps(const struct tl_model *m, const struct tl_form *q, tl_buf *b)
{
	struct page p;
	if (paging(q, &p, b))
		return 400;
	const char *theme = tl_form_get(q, "theme");
	const char *ys = tl_form_get(q, "year");
	long year = ys ? int_param(ys, 9999) : 0;
	if (year < 0)
		return bad(b, "year", "year must be a year such as 2026");
	json_t *items = json_array();
	size_t k = 0;
	for (size_t i = 0; i < m->n_next_steps; i++) {
		const struct tl_next_step *n = &m->next_steps[i];
		if ((theme && (!n->theme || strcmp(n->theme, theme) != 0)) || (year && n->year != year))
			continue;
		if (!in_page(k++, &p))
			continue;
		json_t *o = json_object();
		json_object_set_new(o, "slug", str_or_null(n->slug));
		json_object_set_new(o, "theme", str_or_null(n->theme));
		json_object_set_new(o, "year", json_integer(n->year));
		json_object_set_new(o, "status", json_string(tl_step_status_name(n->status)));
		json_object_set_new(o, "text", json_string(n->text));
		json_object_set_new(o, "outcome", str_or_null(n->outcome));
		json_array_append_new(items, o);
	}
	return list(b, "next-steps", items, k, &p);
}

int tl_api_answer(const struct tl_model *m, const char *path, const struct tl_form *q,
		  tl_arena *a, tl_buf *b, const char **content_type)
{
	*content_type = "application/json";
	if (!strcmp(path, "agenda"))
		return agenda(m, b);
	if (!strcmp(path, "themes"))
		return themes(m, q, b);
	if (!strcmp(path, "goals"))
		return goals(m, q, b);
	if (!strcmp(path, "indicators"))
		return indicators(m, q, b);
	if (!strncmp(path, "indicators/", 11)) {
		const struct tl_indicator *d = tl_model_indicator(m, path + 11);
		if (!d)
			return bad(b, NULL, "no such indicator");
		return emit(b, indicator_json(d), 200);
	}
	if (!strcmp(path, "regions"))
		return regions(m, q, b);
	if (!strcmp(path, "groups"))
		return groups(m, q, b);
	if (!strcmp(path, "series"))
		return series(m, q, a, b, 0, content_type);
	if (!strcmp(path, "series.csv"))
		return series(m, q, a, b, 1, content_type);
	if (!strcmp(path, "instruments"))
		return instruments(m, q, b);
	if (!strcmp(path, "grants"))
		return grants(m, q, b, 0, content_type);
	if (!strcmp(path, "grants.csv"))
		return grants(m, q, b, 1, content_type);
	if (!strcmp(path, "targets"))
		return targets(m, q, b);
	if (!strcmp(path, "stories"))
		return stories(m, q, b);
	if (!strcmp(path, "next-steps"))
		return next_steps(m, q, b);
	return bad(b, NULL, "no such resource; see /api/v1/ in docs/api.md");
}
