#include "model.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/str.h"
#include "report.h"

/* ---- Status and polarity names ------------------------------------------ */

static const char *const status_names[] = {
	"final", "provisional", "unknown", "suppressed", "not-applicable", "missing",
};

int tl_status_has_value(enum tl_status s)
{
	return s == TL_STATUS_FINAL || s == TL_STATUS_PROVISIONAL;
}

const char *tl_status_name(enum tl_status s)
{
	if ((unsigned)s < sizeof status_names / sizeof *status_names)
		return status_names[s];
	return "?";
}

int tl_status_parse(const char *s, enum tl_status *out)
{
	static const struct {
		const char *word;
		enum tl_status st;
	} words[] = {
		{"final", TL_STATUS_FINAL}, {"definitief", TL_STATUS_FINAL},
		{"provisional", TL_STATUS_PROVISIONAL}, {"voorlopig", TL_STATUS_PROVISIONAL},
		{"*", TL_STATUS_PROVISIONAL},
		{"unknown", TL_STATUS_UNKNOWN}, {"onbekend", TL_STATUS_UNKNOWN}, {".", TL_STATUS_UNKNOWN},
		{"suppressed", TL_STATUS_SUPPRESSED}, {"geheim", TL_STATUS_SUPPRESSED},
		{"not-applicable", TL_STATUS_NOT_APPLICABLE}, {"nvt", TL_STATUS_NOT_APPLICABLE},
		{"n.v.t.", TL_STATUS_NOT_APPLICABLE},
		{"missing", TL_STATUS_MISSING}, {"ontbreekt", TL_STATUS_MISSING},
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		if (strcasecmp(s, words[i].word) == 0) {
			*out = words[i].st;
			return 0;
		}
	}
	return -1;
}

const char *tl_polarity_name(enum tl_polarity p)
{
	switch (p) {
	case TL_POLARITY_HIGHER_BETTER: return "higher-is-better";
	case TL_POLARITY_LOWER_BETTER: return "lower-is-better";
	case TL_POLARITY_NEUTRAL: return "neutral";
	}
	return "?";
}

int tl_polarity_parse(const char *s, enum tl_polarity *out)
{
	if (!strcmp(s, "higher-is-better") || !strcmp(s, "hoger-is-beter")) {
		*out = TL_POLARITY_HIGHER_BETTER;
	} else if (!strcmp(s, "lower-is-better") || !strcmp(s, "lager-is-beter")) {
		*out = TL_POLARITY_LOWER_BETTER;
	} else if (!strcmp(s, "neutral") || !strcmp(s, "neutraal")) {
		*out = TL_POLARITY_NEUTRAL;
	} else {
		return -1;
	}
	return 0;
}

/* ---- Periods ------------------------------------------------------------ */

static int digits(const char *s, size_t n, int *out)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int tl_period_parse(const char *s, size_t n, struct tl_period *out)
{
	s = tl_trim(s, &n);
	struct tl_period p = {0, TL_PERIOD_YEAR, 0};
	if (n != 4 && n != 8)
		return -1;
	if (digits(s, 4, &p.year) || p.year < 1800 || p.year > 2200)
		return -1;
	if (n == 4) {
		*out = p;
		return 0;
	}
	int sub;
	if (digits(s + 6, 2, &sub))
		return -1;
	if (s[4] == 'J' && s[5] == 'J' && sub == 0) {
		p.kind = TL_PERIOD_YEAR;
	} else if (s[4] == 'K' && s[5] == 'W' && sub >= 1 && sub <= 4) {
		p.kind = TL_PERIOD_QUARTER;
	} else if (s[4] == 'M' && s[5] == 'M' && sub >= 1 && sub <= 12) {
		p.kind = TL_PERIOD_MONTH;
	} else {
		return -1;
	}
	p.sub = sub;
	*out = p;
	return 0;
}

void tl_period_code(const struct tl_period *p, char out[9])
{
	static const char *const kinds[] = {"JJ", "KW", "MM"};
	int year = p->year, sub = p->sub;
	if (year < 0 || year > 9999)
		year = 0;
	if (sub < 0 || sub > 99)
		sub = 0;
	const char *k = kinds[p->kind <= TL_PERIOD_MONTH ? p->kind : 0];
	out[0] = (char)('0' + year / 1000);
	out[1] = (char)('0' + year / 100 % 10);
	out[2] = (char)('0' + year / 10 % 10);
	out[3] = (char)('0' + year % 10);
	out[4] = k[0];
	out[5] = k[1];
	out[6] = (char)('0' + sub / 10);
	out[7] = (char)('0' + sub % 10);
	out[8] = '\0';
}

/* Month in which a period starts, so that years, quarters and months order
 * sensibly against each other. */
static int start_month(const struct tl_period *p)
{
	switch (p->kind) {
	case TL_PERIOD_QUARTER: return 3 * p->sub - 2;
	case TL_PERIOD_MONTH: return p->sub;
	case TL_PERIOD_YEAR: return 1;
	}
	return 1;
}

int tl_period_cmp(const struct tl_period *a, const struct tl_period *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	int ma = start_month(a), mb = start_month(b);
	if (ma != mb)
		return ma < mb ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return 0;
}

/* ---- Model -------------------------------------------------------------- */

struct tl_model *tl_model_new(tl_arena *a)
{
	struct tl_model *m = TL_NEW(a, struct tl_model);
	m->arena = a;
	return m;
}

static int obs_cmp(const void *pa, const void *pb)
{
	const struct tl_observation *a = pa, *b = pb;
	int c = strcmp(a->indicator, b->indicator);
	if (c)
		return c;
	c = strcmp(a->region, b->region);
	if (c)
		return c;
	return tl_period_cmp(&a->period, &b->period);
}

static int region_ptr_cmp(const void *pa, const void *pb)
{
	const struct tl_region *const *a = pa, *const *b = pb;
	return strcmp((*a)->code, (*b)->code);
}

void tl_model_index(struct tl_model *m)
{
	if (m->n_obs > 1)
		qsort(m->obs, m->n_obs, sizeof *m->obs, obs_cmp);
	const struct tl_region **order = TL_NEW_ARRAY(m->arena, const struct tl_region *, m->n_regions + 1);
	for (size_t i = 0; i < m->n_regions; i++)
		order[i] = &m->regions[i];
	qsort(order, m->n_regions, sizeof *order, region_ptr_cmp);
	m->region_order = order;
	m->region_order_of = m->regions;
	m->n_region_order = m->n_regions;
}

const struct tl_theme *tl_model_theme(const struct tl_model *m, const char *slug)
{
	for (size_t i = 0; i < m->n_themes; i++)
		if (strcmp(m->themes[i].slug, slug) == 0)
			return &m->themes[i];
	return NULL;
}

const struct tl_goal *tl_model_goal(const struct tl_model *m, int number)
{
	for (size_t i = 0; i < m->n_goals; i++)
		if (m->goals[i].number == number)
			return &m->goals[i];
	return NULL;
}

const struct tl_indicator *tl_model_indicator(const struct tl_model *m, const char *slug)
{
	for (size_t i = 0; i < m->n_indicators; i++)
		if (strcmp(m->indicators[i].slug, slug) == 0)
			return &m->indicators[i];
	return NULL;
}

const struct tl_region *tl_model_region(const struct tl_model *m, const char *code)
{
	if (m->region_order && m->region_order_of == m->regions && m->n_region_order == m->n_regions) {
		size_t lo = 0, hi = m->n_regions;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			const struct tl_region *r = m->region_order[mid];
			int c = strcmp(r->code, code);
			if (c == 0)
				return r;
			if (c < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		return NULL;
	}
	for (size_t i = 0; i < m->n_regions; i++)
		if (strcmp(m->regions[i].code, code) == 0)
			return &m->regions[i];
	return NULL;
}

const struct tl_shape *tl_model_shape(const struct tl_model *m, const char *code)
{
	size_t lo = 0, hi = m->n_shapes;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->shapes[mid].region, code);
		if (c == 0)
			return &m->shapes[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const struct tl_region_group *tl_model_group(const struct tl_model *m, const char *slug)
{
	for (size_t i = 0; i < m->n_groups; i++)
		if (strcmp(m->groups[i].slug, slug) == 0)
			return &m->groups[i];
	return NULL;
}

int tl_merger_maps(const struct tl_merger *g, const struct tl_indicator *d)
{
	if (g->action != TL_MERGER_MAP)
		return 0;
	if (g->n_old == 1)
		return 1;
	return d && d->unit && strcmp(d->unit, "aantal") == 0;
}

int tl_model_region_break(const struct tl_model *m, const struct tl_indicator *d, const char *region,
			  int a, int b)
{
	for (size_t i = 0; i < m->n_mergers; i++) {
		const struct tl_merger *g = &m->mergers[i];
		if (g->year > a && g->year <= b && strcmp(g->new_code, region) == 0 && !tl_merger_maps(g, d))
			return g->year;
	}
	return 0;
}

/* First index whose (indicator, region) is >= the key (upper == 0), or > the
 * key (upper == 1).  Both ends by bisection: a series can be thousands of
 * months long, and walking it per lookup made chart building quadratic. */
static size_t bound(const struct tl_model *m, const char *ind, const char *reg, int upper)
{
	size_t lo = 0, hi = m->n_obs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct tl_observation *o = &m->obs[mid];
		int c = strcmp(o->indicator, ind);
		if (!c)
			c = strcmp(o->region, reg);
		if (c < 0 || (upper && c == 0))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct tl_observation *tl_model_series(const struct tl_model *m, const char *indicator,
					      const char *region, size_t *n)
{
	size_t i = bound(m, indicator, region, 0);
	if (i >= m->n_obs || strcmp(m->obs[i].indicator, indicator) || strcmp(m->obs[i].region, region)) {
		*n = 0;
		return NULL;
	}
	size_t j = bound(m, indicator, region, 1);
	*n = j - i;
	return &m->obs[i];
}

/* A series is in tl_period_cmp order (tl_model_index), which also orders
 * kinds that start in the same month, so equal means the same period. */
const struct tl_observation *tl_model_obs(const struct tl_model *m, const char *indicator,
					  const char *region, const struct tl_period *p)
{
	size_t n;
	const struct tl_observation *s = tl_model_series(m, indicator, region, &n);
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = tl_period_cmp(&s[mid].period, p);
		if (c == 0)
			return s[mid].period.kind == p->kind ? &s[mid] : NULL;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* CBS sorts "De Wolden" under W: skip a leading article for ordering. */
static const char *sort_key(const char *name)
{
	static const char *const articles[] = {"De ", "Het ", "'s-", "'t "};
	for (size_t i = 0; i < sizeof articles / sizeof *articles; i++)
		if (tl_starts_with(name, articles[i]))
			return name + strlen(articles[i]);
	return name;
}

static int region_name_cmp(const void *pa, const void *pb)
{
	const struct tl_region *a = *(const struct tl_region *const *)pa;
	const struct tl_region *b = *(const struct tl_region *const *)pb;
	int c = strcmp(sort_key(a->name), sort_key(b->name));
	return c ? c : strcmp(a->code, b->code);
}

const struct tl_region **tl_model_children(const struct tl_model *m, const char *code,
					   const char *level, size_t *n)
{
	size_t k = 0;
	const struct tl_region **out = TL_NEW_ARRAY(m->arena, const struct tl_region *,
						    m->n_regions ? m->n_regions : 1);
	for (size_t i = 0; i < m->n_regions; i++) {
		const struct tl_region *r = &m->regions[i];
		if (r->parent && !strcmp(r->parent, code) && (!level || (r->level && !strcmp(r->level, level))))
			out[k++] = r;
	}
	qsort(out, k, sizeof *out, region_name_cmp);
	*n = k;
	return out;
}

static int level_rank(const char *level)
{
	static const char *const order[] = {"land", "landsdeel", "provincie", "corop", "gemeente", "wijk", "buurt"};
	for (int i = 0; level && i < (int)(sizeof order / sizeof *order); i++)
		if (!strcmp(level, order[i]))
			return i;
	return (int)(sizeof order / sizeof *order);
}

static int region_level_name_cmp(const void *pa, const void *pb)
{
	const struct tl_region *a = *(const struct tl_region *const *)pa;
	const struct tl_region *b = *(const struct tl_region *const *)pb;
	int c = level_rank(a->level) - level_rank(b->level);
	return c ? c : region_name_cmp(pa, pb);
}

const struct tl_region **tl_model_regions_by_level(const struct tl_model *m, size_t *n)
{
	const struct tl_region **out = TL_NEW_ARRAY(m->arena, const struct tl_region *,
						    m->n_regions ? m->n_regions : 1);
	for (size_t i = 0; i < m->n_regions; i++)
		out[i] = &m->regions[i];
	qsort(out, m->n_regions, sizeof *out, region_level_name_cmp);
	*n = m->n_regions;
	return out;
}

/* ---- Invariants --------------------------------------------------------- */

#define VIOLATION(...)                                 \
	do {                                           \
		bad++;                                 \
		if (out) {                             \
			fprintf(out, "model: " __VA_ARGS__); \
			fputc('\n', out);              \
		}                                      \
	} while (0)

int tl_model_check(const struct tl_model *m, FILE *out)
{
	int bad = 0;
	for (size_t i = 0; i < m->n_themes; i++) {
		if (!m->themes[i].slug || !m->themes[i].title)
			VIOLATION("theme %zu lacks slug or title", i);
		for (size_t j = 0; j < i; j++)
			if (m->themes[i].slug && m->themes[j].slug && !strcmp(m->themes[i].slug, m->themes[j].slug))
				VIOLATION("duplicate theme %s", m->themes[i].slug);
	}
	for (size_t i = 0; i < m->n_goals; i++) {
		const struct tl_goal *g = &m->goals[i];
		if (!g->theme || !tl_model_theme(m, g->theme))
			VIOLATION("goal %d: unknown theme", g->number);
		for (size_t j = 0; j < i; j++)
			if (m->goals[j].number == g->number)
				VIOLATION("duplicate goal %d", g->number);
	}
	for (size_t i = 0; i < m->n_indicators; i++) {
		const struct tl_indicator *d = &m->indicators[i];
		if (!d->slug || !d->title || !d->unit)
			VIOLATION("indicator %zu lacks slug, title or unit", i);
		if (d->theme && !tl_model_theme(m, d->theme))
			VIOLATION("indicator %s: unknown theme %s", d->slug, d->theme);
		for (size_t k = 0; k < d->n_goals; k++)
			if (!tl_model_goal(m, d->goals[k]))
				VIOLATION("indicator %s: unknown goal %d", d->slug, d->goals[k]);
		for (size_t j = 0; j < i; j++)
			if (d->slug && m->indicators[j].slug && !strcmp(d->slug, m->indicators[j].slug))
				VIOLATION("duplicate indicator %s", d->slug);
	}
	for (size_t i = 0; i < m->n_regions; i++) {
		const struct tl_region *r = &m->regions[i];
		if (r->parent && !tl_model_region(m, r->parent))
			VIOLATION("region %s: unknown parent %s", r->code, r->parent);
		for (size_t j = 0; j < i; j++)
			if (!strcmp(r->code, m->regions[j].code))
				VIOLATION("duplicate region %s", r->code);
	}
	for (size_t i = 0; i < m->n_groups; i++)
		for (size_t k = 0; k < m->groups[i].n_members; k++)
			if (!tl_model_region(m, m->groups[i].members[k]))
				VIOLATION("group %s: unknown region %s", m->groups[i].slug, m->groups[i].members[k]);
	for (size_t i = 0; i < m->n_mergers; i++) {
		const struct tl_merger *g = &m->mergers[i];
		if (!g->new_code || !g->n_old)
			VIOLATION("merger %zu: without successor or predecessors", i);
		for (size_t j = 0; j < i; j++)
			if (g->new_code && m->mergers[j].new_code && !strcmp(g->new_code, m->mergers[j].new_code) &&
			    g->year == m->mergers[j].year)
				VIOLATION("duplicate merger %s %d", g->new_code, g->year);
	}
	for (size_t i = 0; i < m->n_shapes; i++) {
		const struct tl_shape *sh = &m->shapes[i];
		size_t sum = 0;
		for (size_t k = 0; k < sh->n_rings; k++)
			sum += sh->ring_len[k];
		if (!tl_model_region(m, sh->region))
			VIOLATION("shape of unknown region %s", sh->region);
		if (i > 0 && strcmp(m->shapes[i - 1].region, sh->region) >= 0)
			VIOLATION("shapes not sorted by region at %s", sh->region);
		if (sum != sh->n_points)
			VIOLATION("shape %s: rings hold %zu points, not %zu", sh->region, sum, sh->n_points);
	}
	for (size_t i = 0; i < m->n_obs; i++) {
		const struct tl_observation *o = &m->obs[i];
		if (i > 0 && obs_cmp(&m->obs[i - 1], o) > 0)
			VIOLATION("observations not indexed at %zu", i);
		if (i > 0 && obs_cmp(&m->obs[i - 1], o) == 0)
			VIOLATION("duplicate observation %s/%s", o->indicator, o->region);
	}
	bad += tl_report_check(m, out);
	return bad;
}

const char *const tl_check_rules[] = {"stale", "number", "parts",       "claim", "date",
				      "target", "form",  "consistency", "ok",    NULL};

int tl_check_rule_known(const char *rule)
{
	for (size_t i = 0; rule && tl_check_rules[i]; i++)
		if (!strcmp(rule, tl_check_rules[i]))
			return 1;
	return 0;
}

int tl_agenda_check_off(const struct tl_agenda *g, const char *rule)
{
	if (!g || !g->check_off || !rule || !*rule)
		return 0;
	size_t n = strlen(rule);
	for (const char *p = g->check_off; *p;) {
		const char *e = strchr(p, ' ');
		size_t k = e ? (size_t)(e - p) : strlen(p);
		if (k == n && !memcmp(p, rule, n))
			return 1;
		p += k;
		while (*p == ' ')
			p++;
	}
	return 0;
}
