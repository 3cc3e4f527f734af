#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- Dates as precise as given ------------------------------------------ */

static int digits(const char *s, size_t n, int *out)
{
	int v = 0;
	if (n == 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int tl_ymd_parse(const char *s, size_t n, struct tl_ymd *out)
{
	struct tl_ymd d = {0, 0, 0};
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (n != 4 && n != 7 && n != 10)
		return -1;
	if (digits(s, 4, &d.year) || d.year < 1800 || d.year > 2200)
		return -1;
	if (n >= 7 && (s[4] != '-' || digits(s + 5, 2, &d.month) || d.month < 1 || d.month > 12))
		return -1;
	if (n == 10 && (s[7] != '-' || digits(s + 8, 2, &d.day) || d.day < 1 || d.day > mdays[d.month - 1]))
		return -1;
	if (d.month == 2 && d.day == 29 && !((d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0))
		return -1;
	*out = d;
	return 0;
}

void tl_ymd_text(const struct tl_ymd *d, char out[11])
{
	if (!d->year)
		out[0] = '\0';
	else if (!d->month)
		snprintf(out, 11, "%04u", (unsigned)d->year % 10000u);
	else if (!d->day)
		snprintf(out, 11, "%04u-%02u", (unsigned)d->year % 10000u, (unsigned)d->month % 100u);
	else
		snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d->year % 10000u, (unsigned)d->month % 100u,
			 (unsigned)d->day % 100u);
}

int tl_ymd_cmp(const struct tl_ymd *a, const struct tl_ymd *b)
{
	int x[3] = {a->year, a->month, a->day}, y[3] = {b->year, b->month, b->day};
	for (int i = 0; i < 3; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

/* ---- Next step statuses ------------------------------------------------- */

static const char *const step_names[] = {"planned", "started", "done", "dropped"};

int tl_step_status_parse(const char *s, enum tl_step_status *out)
{
	static const struct {
		const char *word;
		enum tl_step_status st;
	} words[] = {
		{"planned", TL_STEP_PLANNED}, {"gepland", TL_STEP_PLANNED},
		{"started", TL_STEP_STARTED}, {"gestart", TL_STEP_STARTED},
		{"done", TL_STEP_DONE},       {"gedaan", TL_STEP_DONE},
		{"afgerond", TL_STEP_DONE},   {"dropped", TL_STEP_DROPPED},
		{"geschrapt", TL_STEP_DROPPED}, {"vervallen", TL_STEP_DROPPED},
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (!strcasecmp(s, words[i].word)) {
			*out = words[i].st;
			return 0;
		}
	return -1;
}

const char *tl_step_status_name(enum tl_step_status s)
{
	return (unsigned)s < 4 ? step_names[s] : "planned";
}

/* ---- Lookups ------------------------------------------------------------ */

const struct tl_instrument *tl_model_instrument(const struct tl_model *m, const char *slug)
{
	for (size_t i = 0; slug && i < m->n_instruments; i++)
		if (!strcmp(m->instruments[i].slug, slug))
			return &m->instruments[i];
	return NULL;
}

const struct tl_target *tl_model_target(const struct tl_model *m, const char *slug)
{
	for (size_t i = 0; slug && i < m->n_targets; i++)
		if (!strcmp(m->targets[i].slug, slug))
			return &m->targets[i];
	return NULL;
}

const struct tl_story *tl_model_story(const struct tl_model *m, const char *slug)
{
	for (size_t i = 0; slug && i < m->n_stories; i++)
		if (!strcmp(m->stories[i].slug, slug))
			return &m->stories[i];
	return NULL;
}

static int has_goal(const int *goals, size_t n, int goal)
{
	for (size_t i = 0; i < n; i++)
		if (goals[i] == goal)
			return 1;
	return 0;
}

static int grant_matches(const struct tl_grant *g, const char *instrument, int goal,
			 const char *municipality, int year)
{
	if (instrument && strcmp(g->instrument, instrument) != 0)
		return 0;
	if (goal && !has_goal(g->goals, g->n_goals, goal))
		return 0;
	if (municipality && (!g->municipality || strcmp(g->municipality, municipality) != 0))
		return 0;
	return !year || g->year == year;
}

struct tl_grant_sum tl_grants_sum(const struct tl_model *m, const char *instrument, int goal,
				  const char *municipality, int year)
{
	struct tl_grant_sum s = {0, 0, 0};
	for (size_t i = 0; i < m->n_instruments; i++) {
		const struct tl_instrument *in = &m->instruments[i];
		for (size_t k = 0; k < in->n_grants; k++) {
			const struct tl_grant *g = &in->grants[k];
			if (!grant_matches(g, instrument, goal, municipality, year))
				continue;
			s.count++;
			if (g->has_amount) {
				s.with_amount++;
				s.amount += g->amount;
			}
		}
	}
	return s;
}

const struct tl_stated_total *tl_instrument_stated(const struct tl_instrument *in, int year,
						   const char *theme)
{
	for (size_t i = 0; i < in->n_stated; i++) {
		const struct tl_stated_total *t = &in->stated[i];
		if (t->year != year)
			continue;
		if ((!theme && !t->theme) || (theme && t->theme && !strcmp(theme, t->theme)))
			return t;
	}
	return NULL;
}

const struct tl_grant **tl_model_grants_in(const struct tl_model *m, const char *municipality,
					   size_t *n)
{
	size_t total = 0;
	for (size_t i = 0; i < m->n_instruments; i++)
		total += m->instruments[i].n_grants;
	const struct tl_grant **out = TL_NEW_ARRAY(m->arena, const struct tl_grant *, total + 1);
	*n = 0;
	for (size_t i = 0; i < m->n_instruments; i++)
		for (size_t k = 0; k < m->instruments[i].n_grants; k++) {
			const struct tl_grant *g = &m->instruments[i].grants[k];
			if (g->municipality && municipality && !strcmp(g->municipality, municipality))
				out[(*n)++] = g;
		}
	return out;
}

const struct tl_story **tl_model_stories_in(const struct tl_model *m, const char *municipality,
					    size_t *n)
{
	const struct tl_story **out = TL_NEW_ARRAY(m->arena, const struct tl_story *, m->n_stories + 1);
	*n = 0;
	for (size_t i = 0; i < m->n_stories; i++) {
		const struct tl_story *s = &m->stories[i];
		if (s->published && s->municipality && municipality && !strcmp(s->municipality, municipality))
			out[(*n)++] = s;
	}
	return out;
}

const struct tl_story **tl_model_stories_about(const struct tl_model *m, const char *instrument,
					       int goal, size_t *n)
{
	const struct tl_story **out = TL_NEW_ARRAY(m->arena, const struct tl_story *, m->n_stories + 1);
	*n = 0;
	for (size_t i = 0; i < m->n_stories; i++) {
		const struct tl_story *s = &m->stories[i];
		if (!s->published)
			continue;
		int hit = goal && has_goal(s->goals, s->n_goals, goal);
		for (size_t k = 0; instrument && !hit && k < s->n_instruments; k++)
			hit = !strcmp(s->instruments[k], instrument);
		if (hit)
			out[(*n)++] = s;
	}
	return out;
}

/* Does instrument `slug` work in one of codes[0..n): listed under its
 * municipalities, or with a grant there? */
static int instrument_in(const struct tl_model *m, const char *slug, const char *const *codes, size_t n)
{
	const struct tl_instrument *in = tl_model_instrument(m, slug);
	if (!in)
		return 0;
	for (size_t c = 0; c < n; c++) {
		for (size_t k = 0; k < in->n_municipalities; k++)
			if (!strcmp(in->municipalities[k], codes[c]))
				return 1;
		for (size_t k = 0; k < in->n_grants; k++)
			if (in->grants[k].municipality && !strcmp(in->grants[k].municipality, codes[c]))
				return 1;
	}
	return 0;
}

const struct tl_story **tl_model_stories_concerning(const struct tl_model *m, const char *const *codes,
						    size_t n_codes, const char **via, size_t *n)
{
	const struct tl_story **out = TL_NEW_ARRAY(m->arena, const struct tl_story *, m->n_stories + 1);
	*n = 0;
	for (size_t i = 0; i < m->n_stories; i++) {
		const struct tl_story *s = &m->stories[i];
		if (!s->published)
			continue;
		const char *why = NULL;
		int here = 0;
		for (size_t c = 0; !here && s->municipality && c < n_codes; c++)
			here = !strcmp(s->municipality, codes[c]);
		for (size_t k = 0; !here && !why && k < s->n_instruments; k++)
			if (instrument_in(m, s->instruments[k], codes, n_codes))
				why = s->instruments[k];
		if (!here && !why)
			continue;
		if (via)
			via[*n] = here ? NULL : why;
		out[(*n)++] = s;
	}
	return out;
}

/* ---- Invariants --------------------------------------------------------- */

#define VIOLATION(...)                                       \
	do {                                                 \
		bad++;                                       \
		if (out) {                                   \
			fprintf(out, "model: " __VA_ARGS__); \
			fputc('\n', out);                    \
		}                                            \
	} while (0)

static int check_goals(const struct tl_model *m, const int *goals, size_t n, const char *what,
		       const char *slug, FILE *out)
{
	int bad = 0;
	for (size_t i = 0; i < n; i++)
		if (!tl_model_goal(m, goals[i]))
			VIOLATION("%s %s: unknown goal %d", what, slug, goals[i]);
	return bad;
}

int tl_report_check(const struct tl_model *m, FILE *out)
{
	int bad = 0;
	for (size_t i = 0; i < m->n_instruments; i++) {
		const struct tl_instrument *in = &m->instruments[i];
		if (!in->slug || !in->name)
			VIOLATION("instrument %zu lacks slug or name", i);
		if (!in->slug)
			continue;
		if (tl_model_instrument(m, in->slug) != in)
			VIOLATION("duplicate instrument %s", in->slug);
		if (in->theme && !tl_model_theme(m, in->theme))
			VIOLATION("instrument %s: unknown theme %s", in->slug, in->theme);
		for (size_t k = 0; k < in->n_municipalities; k++)
			if (!tl_model_region(m, in->municipalities[k]))
				VIOLATION("instrument %s: unknown region %s", in->slug, in->municipalities[k]);
		bad += check_goals(m, in->goals, in->n_goals, "instrument", in->slug, out);
		for (size_t k = 0; k < in->n_grants; k++) {
			const struct tl_grant *g = &in->grants[k];
			if (!g->instrument || strcmp(g->instrument, in->slug) != 0)
				VIOLATION("instrument %s: grant %zu belongs elsewhere", in->slug, k);
			if (g->municipality && !tl_model_region(m, g->municipality))
				VIOLATION("instrument %s: grant to unknown region %s", in->slug, g->municipality);
			bad += check_goals(m, g->goals, g->n_goals, "grant of", in->slug, out);
		}
		for (size_t k = 0; k < in->n_stated; k++)
			if (in->stated[k].theme && !tl_model_theme(m, in->stated[k].theme))
				VIOLATION("instrument %s: stated total for unknown theme", in->slug);
	}
	for (size_t i = 0; i < m->n_targets; i++) {
		const struct tl_target *t = &m->targets[i];
		if (!t->slug || !t->title) {
			VIOLATION("target %zu lacks slug or title", i);
			continue;
		}
		if (tl_model_target(m, t->slug) != t)
			VIOLATION("duplicate target %s", t->slug);
		if (t->theme && !tl_model_theme(m, t->theme))
			VIOLATION("target %s: unknown theme %s", t->slug, t->theme);
		if (t->instrument && !tl_model_instrument(m, t->instrument))
			VIOLATION("target %s: unknown instrument %s", t->slug, t->instrument);
		bad += check_goals(m, t->goals, t->n_goals, "target", t->slug, out);
		for (size_t k = 1; k < t->n_progress; k++)
			if (tl_ymd_cmp(&t->progress[k - 1].date, &t->progress[k].date) > 0)
				VIOLATION("target %s: progress not in date order", t->slug);
	}
	for (size_t i = 0; i < m->n_stories; i++) {
		const struct tl_story *s = &m->stories[i];
		if (!s->slug || !s->title) {
			VIOLATION("story %zu lacks slug or title", i);
			continue;
		}
		if (tl_model_story(m, s->slug) != s)
			VIOLATION("duplicate story %s", s->slug);
		if (s->municipality && !tl_model_region(m, s->municipality))
			VIOLATION("story %s: unknown region %s", s->slug, s->municipality);
		for (size_t k = 0; k < s->n_instruments; k++)
			if (!tl_model_instrument(m, s->instruments[k]))
				VIOLATION("story %s: unknown instrument %s", s->slug, s->instruments[k]);
		bad += check_goals(m, s->goals, s->n_goals, "story", s->slug, out);
	}
	for (size_t i = 0; i < m->n_next_steps; i++) {
		const struct tl_next_step *n = &m->next_steps[i];
		if (!n->theme || !tl_model_theme(m, n->theme) || !n->text)
			VIOLATION("next step %zu: unknown theme or no text", i);
	}
	return bad;
}
