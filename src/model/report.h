/*
 * report — the annual report's own content next to the figures: the
 * instruments the agenda works with (subsidy schemes, programmes, projects,
 * networks, prizes) with their grants, the quantified targets and their
 * progress, the stories (interviews) and the next steps per theme.
 *
 * Plain structs like model.h's; they hang off struct tl_model (instruments,
 * targets, stories, next_steps) and live in the model's arena.  The agenda
 * folder's report.yml and its stories/ files fill them (import/report.h), the
 * store keeps them (schema migration 4), render/ and text/ read them.
 *
 * Amounts are euros.  A value that the source does not give is absent
 * (has_* = 0), never 0.
 */
#ifndef TL_REPORT_H
#define TL_REPORT_H

#include <stddef.h>

#include "model.h"

/* A calendar date as precise as the source gives it: month and day 0 mean
 * "not given" ("2027", "2026-03").  year 0 = no date at all. */
struct tl_ymd {
	int year, month, day;
};

/* "2027", "2026-03" or "2026-12-31" (n bytes).  0 or -1. */
int tl_ymd_parse(const char *s, size_t n, struct tl_ymd *out);
/* Canonical text of a date as given ("2026-03"), into out (at least 11 bytes);
 * "" for no date. */
void tl_ymd_text(const struct tl_ymd *d, char out[11]);
/* Ordering (missing parts count as earliest). */
int tl_ymd_cmp(const struct tl_ymd *a, const struct tl_ymd *b);

/* A total as the source states it ("42 initiatieven, € 800.000"), kept next
 * to what the grants add up to: the seed is not always consistent. */
struct tl_stated_total {
	int year;            /* 0 = not tied to a year */
	const char *theme;   /* slug when the total is for one theme, else NULL */
	long count;          /* -1 = not stated */
	double amount;       /* meaningful when has_amount */
	int has_amount;
	const char *text;    /* the source's own words, may be NULL */
};

/* One award from an instrument. */
struct tl_grant {
	const char *instrument;   /* slug of its instrument */
	const char *recipient;    /* "Stichting Het Landschap van de Toekomst", may be NULL */
	const char *project;      /* "Familiepad 't Opgaonde", may be NULL (not both) */
	const char *municipality; /* region code, may be NULL */
	int year;
	double amount;            /* meaningful when has_amount */
	int has_amount;
	int *goals;
	size_t n_goals;
	const char *note;         /* "winnaar", "genomineerd", may be NULL */
	int position;             /* its key within the instrument in a store (may have gaps) */
};

struct tl_instrument {
	const char *slug;
	const char *name;
	const char *kind;        /* regeling, programma, project, netwerk, prijs, subsidie, fonds, … */
	const char *theme;       /* slug, may be NULL */
	const char *description; /* Markdown, may be NULL */
	const char **partners;
	size_t n_partners;
	const char **municipalities; /* region codes */
	size_t n_municipalities;
	int *goals;
	size_t n_goals;
	double budget;           /* meaningful when has_budget */
	int has_budget;
	const char *budget_note; /* "voor drie jaar", "van Zilveren Kruis", may be NULL */
	int start_year, end_year; /* 0 = not given */
	int in_agenda;           /* 0 for related instruments outside the agenda (Dorpsvernieuwingsfonds) */
	const char *source;      /* where it is described, may be NULL */
	struct tl_grant *grants;
	size_t n_grants;
	struct tl_stated_total *stated;
	size_t n_stated;
	int position;            /* order in report.yml */
};

/* One measurement of a target's progress. */
struct tl_target_entry {
	struct tl_ymd date;
	double value;
	const char *source; /* may be NULL */
	const char *note;   /* may be NULL */
	int position;       /* its key within the target in a store (may have gaps) */
};

/* A quantified (or not yet quantified) target: what, from where, to where,
 * by when.  Any part may be missing; the report says so. */
struct tl_target {
	const char *slug;
	const char *title;        /* what is to be reached */
	const char *theme;        /* slug, may be NULL */
	int *goals;
	size_t n_goals;
	const char *instrument;   /* slug, may be NULL */
	const char *unit;         /* "zorgzame gemeenschappen", "%", may be NULL */
	int decimals;
	enum tl_polarity polarity;
	int has_baseline;
	double baseline;
	struct tl_ymd baseline_date;
	int has_target;
	double target;
	struct tl_ymd deadline;   /* year 0 = no deadline */
	const char *text;         /* the source's own words */
	const char *source;       /* may be NULL */
	struct tl_target_entry *progress; /* in date order */
	size_t n_progress;
	int position;
};

/* Someone in a story.  Without consent the name appears in no output: the
 * report writes `alias` (or "[naam weggelaten]") wherever it occurs. */
struct tl_person {
	const char *name;
	const char *role;   /* may be NULL */
	int consent;
	const char *alias;  /* may be NULL */
};

struct tl_story {
	const char *slug;        /* file name without .md: verhalen/<slug>.html */
	const char *title;
	const char *kicker;      /* the heading above the title: the instrument as the source names it */
	const char *lead;        /* may be NULL */
	struct tl_person *people;
	size_t n_people;
	const char *place;       /* may be NULL */
	const char *municipality; /* region code, may be NULL */
	int *goals;
	size_t n_goals;
	const char **instruments; /* slugs */
	size_t n_instruments;
	struct tl_ymd date;
	int published;           /* unpublished stories appear in no output */
	const char *path;        /* where it was loaded from, may be NULL */
	const char *markdown;    /* the body */
	int position;
};

enum tl_step_status {
	TL_STEP_PLANNED = 0,
	TL_STEP_STARTED,
	TL_STEP_DONE,
	TL_STEP_DROPPED,
};

/* "Hoe gaan we verder?": what a theme will do in `year`.  The next year's
 * report records what became of it (status, outcome). */
struct tl_next_step {
	const char *slug;   /* stable across years, may be NULL */
	const char *theme;  /* slug */
	int year;
	enum tl_step_status status;
	const char *text;
	const char *outcome; /* what became of it, may be NULL */
	int position;
};

/* planned, started, done, dropped (and Dutch: gepland, gestart, gedaan /
 * afgerond, geschrapt / vervallen).  -1 if unknown. */
int tl_step_status_parse(const char *s, enum tl_step_status *out);
const char *tl_step_status_name(enum tl_step_status s);

const struct tl_instrument *tl_model_instrument(const struct tl_model *m, const char *slug);
const struct tl_target *tl_model_target(const struct tl_model *m, const char *slug);
/* Published or not: callers that write output check ->published. */
const struct tl_story *tl_model_story(const struct tl_model *m, const char *slug);

/* Counts and sums of grants, computed (never stated). */
struct tl_grant_sum {
	long count;        /* grants */
	long with_amount;  /* of which with an amount */
	double amount;     /* sum of the known amounts */
};

/* Grants matching every given filter: instrument slug (NULL = any), goal
 * (0 = any), municipality code (NULL = any), year (0 = any). */
struct tl_grant_sum tl_grants_sum(const struct tl_model *m, const char *instrument, int goal,
				  const char *municipality, int year);
/* The stated total of an instrument for a year and theme (theme NULL = the
 * whole), or NULL. */
const struct tl_stated_total *tl_instrument_stated(const struct tl_instrument *in, int year,
						   const char *theme);

/* What a municipality's profile shows: the grants awarded there and the
 * published stories set there, into fresh arena arrays (*n set). */
const struct tl_grant **tl_model_grants_in(const struct tl_model *m, const char *municipality,
					   size_t *n);
const struct tl_story **tl_model_stories_in(const struct tl_model *m, const char *municipality,
					    size_t *n);
/* Published stories that mention an instrument or a goal (goal 0 / NULL =
 * ignore), in story order. */
const struct tl_story **tl_model_stories_about(const struct tl_model *m, const char *instrument,
					       int goal, size_t *n);
/* Published stories that concern the regions codes[0..n_codes) (a
 * municipality, or a group's members), in story order, each once: set in one
 * of them, or about an instrument that works there (listed under its
 * municipalities or with a grant there).  via (n_stories entries, may be
 * NULL) gets NULL for a story set there, else the slug of the instrument
 * that ties it to them. */
const struct tl_story **tl_model_stories_concerning(const struct tl_model *m, const char *const *codes,
						    size_t n_codes, const char **via, size_t *n);

/* Check the report content's invariants (references resolve, slugs unique);
 * prints each violation to out (may be NULL); returns the count.  Called by
 * tl_model_check. */
int tl_report_check(const struct tl_model *m, FILE *out);

#endif
