/*
 * model — the plain structs that hold an agenda and its figures in memory.
 *
 * The agenda loader fills them from an agenda folder, the store writes them
 * and reads them back, analysis and rendering read them.  Every pointer in a
 * model points into the arena it was built in (see tl_model_new); nothing is
 * freed on its own.  Strings are UTF-8.  Identifiers ("slugs") are
 * [a-z0-9_-]; region codes are CBS codes, trimmed (NL01, PV22, GM0106).
 *
 * tl_model_check() verifies the invariants; tests call it after every load.
 */
#ifndef TL_MODEL_H
#define TL_MODEL_H

#include <stddef.h>
#include <stdio.h>

#include "../core/arena.h"

/* Is a higher value better, worse, or neither?  A "probleemindicator" (debts,
 * overweight) is lower-is-better. */
enum tl_polarity {
	TL_POLARITY_NEUTRAL = 0,
	TL_POLARITY_HIGHER_BETTER = 1,
	TL_POLARITY_LOWER_BETTER = 2,
};

/* Why a cell has (or lacks) a value.  Never turn a missing value into 0. */
enum tl_status {
	TL_STATUS_FINAL = 0,       /* definitief */
	TL_STATUS_PROVISIONAL = 1, /* voorlopig, CBS '*' */
	TL_STATUS_UNKNOWN = 2,     /* CBS '.': unknown, unreliable or secret */
	TL_STATUS_SUPPRESSED = 3,  /* withheld for disclosure control */
	TL_STATUS_NOT_APPLICABLE = 4, /* CBS blank: cannot occur / not asked */
	TL_STATUS_MISSING = 5,     /* no figure; the note says why */
};

/* 1 when a cell with this status carries a number. */
int tl_status_has_value(enum tl_status s);
/* Stable English names used in the store and in CSV files:
 * final, provisional, unknown, suppressed, not-applicable, missing. */
const char *tl_status_name(enum tl_status s);
/* Case-insensitive.  Accepts the English names and Dutch ones (definitief, voorlopig, onbekend,
 * geheim, nvt / n.v.t., ontbreekt) and CBS symbols (*, .).  -1 if unknown. */
int tl_status_parse(const char *s, enum tl_status *out);
const char *tl_polarity_name(enum tl_polarity p);
int tl_polarity_parse(const char *s, enum tl_polarity *out);

/* ---- Periods -------------------------------------------------------------
 * CBS period codes: 2024JJ00 (year), 2024KW01..KW04 (quarter), 2024MM01..12
 * (month).  Agenda files may write a year as plain "2024". */
enum tl_period_kind { TL_PERIOD_YEAR = 0, TL_PERIOD_QUARTER, TL_PERIOD_MONTH };

struct tl_period {
	int year;
	enum tl_period_kind kind;
	int sub; /* 0 for a year, 1..4 quarter, 1..12 month */
};

/* Parse "2024JJ00", "2024KW03", "2024MM11" or "2024".  0 or -1. */
int tl_period_parse(const char *s, size_t n, struct tl_period *out);
/* Canonical code into out (at least 9 bytes): "2024JJ00". */
void tl_period_code(const struct tl_period *p, char out[9]);
/* Ordering: -1, 0, 1. */
int tl_period_cmp(const struct tl_period *a, const struct tl_period *b);

/* ---- Agenda framework --------------------------------------------------- */

struct tl_goal {
	int number;        /* the agenda's own numbering, unique: 1..12 */
	const char *theme; /* slug of its theme */
	const char *title;
	const char *text;  /* optional explanation (Markdown), may be NULL */
};

struct tl_theme {
	const char *slug;
	int position;      /* order in the report, 1-based */
	const char *title;    /* "Naoberschap" */
	const char *subtitle; /* "Behouden en versterken" */
};

struct tl_series_break {
	int year;                /* first year on the new definition */
	const char *explanation;
};

/* Where an indicator's figures come from in a statistics table: cells of
 * topic `topic` (with every dimension in `dims` at the given code, and from
 * table `table` when set) become this indicator's observations, times
 * `scale`.  Topic keys carry a position suffix that changes between table
 * versions (…_78 vs …_89): the importer verifies them against the table. */
struct tl_import_spec {
	const char *topic;      /* "ErvarenGezondheidGoedZeerGoed_4", "M001924", "ExperiencedHealth" */
	const char *table;      /* "50090NED", or NULL for any table */
	const char **dim_keys;  /* n_dims pairs: "Leeftijd" = "20300" */
	const char **dim_codes;
	size_t n_dims;
	double scale;           /* 1 unless the source counts in thousands etc. */
	const char *source;     /* source label for the observations, or NULL */
};

struct tl_indicator {
	const char *slug;
	const char *theme;    /* slug, may be NULL */
	const char *title;    /* "Ervaren gezondheid (zeer) goed" */
	const char *subject;  /* who is measured: "volwassenen (18+)" — may be NULL */
	const char *unit;     /* "%", "euro", "rapportcijfer", "aantal" */
	int decimals;
	enum tl_polarity polarity;
	const char *source;   /* short caption source: "RMBW" */
	const char *source_detail; /* full attribution, may be NULL */
	const char *notes;    /* definition notes, may be NULL */
	int *goals;           /* goal numbers */
	size_t n_goals;
	struct tl_series_break *breaks;
	size_t n_breaks;
	struct tl_import_spec *imports; /* where its figures come from (may be none) */
	size_t n_imports;
	int position;         /* order within the agenda */
};

struct tl_region {
	const char *code;   /* NL01, PV22, GM0106 */
	const char *name;
	const char *level;  /* land, landsdeel, provincie, corop, gemeente, wijk, buurt */
	const char *parent; /* code, may be NULL */
	int classification_year; /* CBS "indeling", 0 = unknown */
};

/* A municipal merger (herindeling): from 1 January of `year` the regions in
 * old_codes are one region, new_code.  CBS keeps the code when the merged
 * municipality keeps a partner's name (GM0109 Coevorden, 1998), so the
 * successor may be among its own predecessors.  A series of the successor
 * that crosses the year is broken (figures before and after are not
 * compared) unless the merger says `map`: then the importer writes the
 * predecessors' figures for earlier periods to the successor — assigned
 * from a single predecessor, summed from several, and summed only for
 * counts (tl_merger_maps).  Never silently joined. */
enum tl_merger_action { TL_MERGER_BREAK = 0, TL_MERGER_MAP = 1 };

struct tl_merger {
	const char *new_code;    /* GM1680 */
	const char **old_codes;  /* GM0105, GM0113 …; may include new_code */
	size_t n_old;
	int year;                /* first year of the successor */
	enum tl_merger_action action;
};

/* 1 when merger g writes earlier figures of indicator d to its successor:
 * action map, and one predecessor (assigned) or a count (unit "aantal",
 * summed).  Percentages and averages of several municipalities cannot be
 * summed: for them the merger stays a break. */
int tl_merger_maps(const struct tl_merger *g, const struct tl_indicator *d);

struct tl_region_group {
	const char *slug;
	const char *name;
	const char *description; /* may be NULL */
	const char **members;    /* region codes */
	size_t n_members;
};

struct tl_observation {
	const char *indicator; /* slug */
	const char *region;    /* code */
	struct tl_period period;
	double value;          /* meaningful only when tl_status_has_value(status) */
	enum tl_status status;
	const char *source;    /* may be NULL: the indicator's source applies */
	const char *note;      /* reason for a missing value, may be NULL */
};

/* A chapter: Markdown text with data bindings (see text/chapter.h). */
struct tl_chapter {
	const char *slug;     /* file name without .md */
	int position;
	const char *theme;    /* slug when this is a theme chapter, else NULL */
	const char *title;    /* for non-theme chapters; theme chapters use the theme's */
	const char *path;     /* where it was loaded from, for messages; may be NULL */
	const char *markdown;
};

/* ---- Boundaries (maps) ---------------------------------------------------
 * A region's outline from a boundary file (import/geo.h): rings of points in
 * the file's coordinate system, listed flat.  Maps draw them with the
 * even-odd rule, so holes and enclaves need no flag. */
enum tl_crs {
	TL_CRS_WGS84 = 0, /* longitude, latitude in degrees (GeoJSON's default, TopoJSON) */
	TL_CRS_RD = 1,    /* EPSG:28992 Amersfoort / RD New, metres */
};

struct tl_shape {
	const char *region;       /* code */
	enum tl_crs crs;
	const double *xy;         /* 2 * n_points: x, y (lon, lat or RD x, y) */
	size_t n_points;
	const unsigned *ring_len; /* points per ring (n_rings); they add up to n_points */
	size_t n_rings;
};

struct tl_agenda {
	const char *slug;
	const char *title;      /* "Sociale Agenda 2024–2029" */
	const char *subtitle;   /* "Drenthe voor elkaar" */
	const char *organisation; /* "Provincie Drenthe" */
	int period_start, period_end;
	int report_year;        /* the year the report is about */
	const char *report_title; /* "Jaarverslag Sociale Agenda 2025" */
	const char *focus_region;    /* code of the region the agenda is about: PV22 */
	const char *national_region; /* code of the comparison: NL01 */
	const char *lang;       /* "nl" */
	const char *boundaries;        /* boundary file for maps, relative to the agenda folder
	                                * ("geo/gemeente_2024.topojson"), or NULL */
	const char *boundaries_source; /* its attribution ("CBS/Kadaster, PDOK"), or NULL */
	const char *check_off;  /* rules of telling check switched off for this agenda
	                         * (agenda.yml check: {off: [...]}), names separated by
	                         * one space ("form date"), or NULL */
};

/* The rules of telling check (docs/check.md) by the names their findings
 * carry and agenda.yml's check: {off: [...]} takes; NULL-terminated. */
extern const char *const tl_check_rules[];
/* Is `rule` one of tl_check_rules? */
int tl_check_rule_known(const char *rule);
/* Has the agenda switched rule `rule` off? */
int tl_agenda_check_off(const struct tl_agenda *g, const char *rule);

/* The annual report's content: model/report.h. */
struct tl_instrument;
struct tl_target;
struct tl_story;
struct tl_next_step;

struct tl_model {
	tl_arena *arena; /* borrowed: owns every pointer below */
	struct tl_agenda agenda;
	struct tl_theme *themes; size_t n_themes;
	struct tl_goal *goals; size_t n_goals;
	struct tl_indicator *indicators; size_t n_indicators;
	struct tl_region *regions; size_t n_regions;
	struct tl_region_group *groups; size_t n_groups;
	struct tl_chapter *chapters; size_t n_chapters;
	/* Sorted by indicator, region, period once tl_model_index() ran. */
	struct tl_observation *obs; size_t n_obs;
	/* Instruments (with their grants), targets, stories, next steps:
	 * model/report.h.  Empty when the folder has no report.yml. */
	struct tl_instrument *instruments; size_t n_instruments;
	struct tl_target *targets; size_t n_targets;
	struct tl_story *stories; size_t n_stories;
	struct tl_next_step *next_steps; size_t n_next_steps;
	struct tl_merger *mergers; size_t n_mergers;
	/* Region outlines for maps, sorted by region code (may be none). */
	struct tl_shape *shapes; size_t n_shapes;
	/* Pointers into regions sorted by code, built by tl_model_index() for
	 * exactly this regions array and count; lookups fall back to a scan
	 * when regions changed since (a parser still filling the model). */
	const struct tl_region **region_order; const struct tl_region *region_order_of; size_t n_region_order;
};

/* A bound figure as the report printed it when its text was last accepted
 * (`telling check --accept`).  The check (rule 1, text/check.h) compares it
 * with what the binding gives now: a change means the words around the
 * figure may no longer fit.  Kept by the store; not part of tl_model. */
struct tl_accepted {
	const char *chapter; /* chapter slug */
	const char *binding; /* canonical binding: "waarde ervaren-gezondheid PV22 laatste" */
	const char *shown;   /* what the report printed (Dutch): "74,2%", "2024"; "" without data */
	const char *period;  /* the period it resolved to, "2024JJ00"; NULL without data */
	const char *accepted_at; /* UTC, "2026-03-01T10:00:00Z"; set by the store */
};

/* A zeroed model whose allocations go to `a` (borrowed). */
struct tl_model *tl_model_new(tl_arena *a);

/* Sort observations and index regions by code for lookups.  Call after
 * filling the model. */
void tl_model_index(struct tl_model *m);

const struct tl_theme *tl_model_theme(const struct tl_model *m, const char *slug);
const struct tl_goal *tl_model_goal(const struct tl_model *m, int number);
const struct tl_indicator *tl_model_indicator(const struct tl_model *m, const char *slug);
const struct tl_region *tl_model_region(const struct tl_model *m, const char *code);
const struct tl_region_group *tl_model_group(const struct tl_model *m, const char *slug);

/* The observations of one indicator × region, in period order (needs
 * tl_model_index).  Returns the first and sets *n; NULL and 0 when none. */
const struct tl_observation *tl_model_series(const struct tl_model *m, const char *indicator,
					      const char *region, size_t *n);
/* One cell, or NULL. */
const struct tl_observation *tl_model_obs(const struct tl_model *m, const char *indicator,
					  const char *region, const struct tl_period *p);

/* The year of a merger that breaks indicator d's series of `region` after
 * year a and at or before year b (a merger whose successor is `region` and
 * that does not map d's figures), or 0 when there is none. */
int tl_model_region_break(const struct tl_model *m, const struct tl_indicator *d, const char *region,
			  int a, int b);
/* The outline of a region, or NULL (needs shapes sorted by region). */
const struct tl_shape *tl_model_shape(const struct tl_model *m, const char *code);

/* Regions whose parent is `code`, in CBS sort order of names ("De Wolden"
 * under W), into a fresh arena array; *n set. */
const struct tl_region **tl_model_children(const struct tl_model *m, const char *code,
					   const char *level, size_t *n);

/* Every region in the order a reader looks for it in a list to choose from:
 * by level, largest first (land, landsdeel, provincie, corop, gemeente, wijk,
 * buurt, then any other level), and within a level by name as
 * tl_model_children sorts them.  A fresh arena array; *n set. */
const struct tl_region **tl_model_regions_by_level(const struct tl_model *m, size_t *n);

/* Check every invariant (unique slugs/codes, references resolve, indexed
 * order).  Prints each violation to `out` (may be NULL); returns the count. */
int tl_model_check(const struct tl_model *m, FILE *out);

#endif
