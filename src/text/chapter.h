/*
 * chapter — Markdown chapters with data bindings and chart placements.
 *
 * A chapter is ordinary Markdown plus double-brace bindings (see
 * docs/agenda-format.md):
 *     {{ervaren-gezondheid PV22 2024}}          the value, formatted: 74,2%
 *     {{waarde ervaren-gezondheid PV22 laatste}} the latest value
 *     {{jaar ervaren-gezondheid PV22 laatste}}   the year of the latest value
 *     {{grafiek ervaren-gezondheid}}             (own line) charts + tables
 *     {{doelstellingen}}                         (own line) the theme's goals
 *     {{kaart ervaren-gezondheid}}               (own line) a map of the
 *                                                municipalities (needs
 *                                                boundaries: in agenda.yml)
 * English keywords work too: value, year, latest, chart, goals, map.
 * Sentences from the analysis (text/narrate_analysis.h):
 *     {{vergelijking ervaren-gezondheid PV22}}  latest value vs national
 *     {{ontwikkeling ervaren-gezondheid PV22}}  change since previous/first
 *     {{positie problematische-schulden GM0114}} position among its siblings
 *     {{uitschieters gezondheid}}                municipalities scoring
 *                                                (un)favourably on several
 *                                                indicators of a theme
 *     {{verband moeite-met-rondkomen ervaren-gezondheid}} rank correlation
 * (English: comparison, change, position, outliers, correlation).
 * The report's content (model/report.h):
 *     {{subsidies bewonersinitiatieven aantal}}  grants counted (report year;
 *     {{subsidies bewonersinitiatieven bedrag}}  or a year, or "alle"), with
 *                                                a differing stated total beside it
 *     {{verhaal sweelpop}}                       "Meer lezen in het interview" link
 *     {{subsidies bewonersinitiatieven}}         (own line) the grants as a table
 *     {{instrumenten}} {{streefdoelen}}          (own line) of the chapter's theme,
 *     {{verhalen}} {{vervolgstappen}}            or of the theme named after it
 * (English: grants … count/amount, story, instruments, targets, stories, next-steps).
 * For the check (check.h):
 *     {{ok}} {{ok parts}}                        the sentence is right as it stands:
 *                                                silences the check's findings in it
 *                                                (of one rule); prints nothing
 *
 * tl_chapter_parse() splits a chapter into blocks (Markdown text, chart,
 * goals) and checks every binding against the model, reporting unknown
 * indicators or regions and malformed bindings as file:line:column.
 * tl_chapter_expand() turns a text block's bindings into formatted values.
 * Nothing here writes HTML: render/ does.
 */
#ifndef TL_CHAPTER_H
#define TL_CHAPTER_H

#include <stddef.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/err.h"
#include "../core/fmt.h"
#include "../model/model.h"

enum tl_binding_kind {
	TL_BIND_VALUE = 0,
	TL_BIND_YEAR,
	/* analysis sentences (narrate_analysis.h) */
	TL_BIND_COMPARISON,  /* indicator, region */
	TL_BIND_CHANGE,      /* indicator, region */
	TL_BIND_POSITION,    /* indicator, region */
	TL_BIND_OUTLIERS,    /* theme */
	TL_BIND_CORRELATION, /* indicator, indicator2 */
	/* the report's content (model/report.h) */
	TL_BIND_GRANT_COUNT,  /* instrument, year: grants counted */
	TL_BIND_GRANT_AMOUNT, /* instrument, year: their amounts summed */
	TL_BIND_STORY_LINK,   /* story: "Meer lezen in het interview" */
	/* the check (check.h) */
	TL_BIND_OK,           /* {{ok}} / {{ok RULE}}: the sentence is right as it stands; prints nothing */
};

struct tl_binding {
	enum tl_binding_kind kind;
	const char *indicator;
	const char *region;
	struct tl_period period; /* unless latest */
	int latest;
	unsigned line, col;      /* of the opening "{{" in the chapter file */
	size_t offset, len;      /* byte range of the whole "{{…}}" in the block text */
	const char *indicator2;  /* CORRELATION: the second indicator */
	const char *theme;       /* OUTLIERS: theme slug */
	const char *instrument;  /* GRANT_*: instrument slug */
	const char *story;       /* STORY_LINK: story slug */
	int year;                /* GRANT_*: the year, 0 = every year */
	const char *rule;        /* OK: the check rule it silences ("parts"), NULL = every rule */
};

enum tl_block_kind {
	TL_BLOCK_TEXT = 0,
	TL_BLOCK_CHART,
	TL_BLOCK_GOALS,
	/* the report's content (render/report_blocks.h) */
	TL_BLOCK_GRANTS,      /* ref: instrument slug */
	TL_BLOCK_INSTRUMENTS, /* ref: theme slug, NULL = those of no theme */
	TL_BLOCK_TARGETS,     /* ref: theme slug, NULL = those of no theme */
	TL_BLOCK_STORIES,     /* ref: theme slug, NULL = all */
	TL_BLOCK_NEXT_STEPS,  /* ref: theme slug */
	TL_BLOCK_MAP,         /* indicator: a map ({{kaart}}) */
};

struct tl_block {
	enum tl_block_kind kind;
	const char *text;        /* TEXT: Markdown with bindings; borrowed from the chapter */
	size_t len;
	unsigned line;           /* first line of the block in the chapter file */
	const char *indicator;   /* CHART, MAP: indicator slug */
	struct tl_binding *bindings; /* TEXT: the inline bindings, in order */
	size_t n_bindings;
	const char *ref;         /* GRANTS, INSTRUMENTS, …: see tl_block_kind */
};

/* Split and check.  Blocks and bindings live in `a`.  Problems go to errs
 * with the chapter's path; returns < 0 when any is an error. */
int tl_chapter_parse(const struct tl_chapter *ch, const struct tl_model *m, tl_arena *a,
		     struct tl_block **blocks, size_t *n, tl_errors *errs);

/* Resolve one binding: the observation it refers to, or NULL when the data
 * has no such cell (or no value for "latest"). */
const struct tl_observation *tl_binding_resolve(const struct tl_binding *b, const struct tl_model *m);

/* Append the block's Markdown to out with every binding replaced by its
 * formatted value ("74,2%", "2024"); a binding without data becomes
 * "[geen gegevens]" and a warning naming its position. */
void tl_chapter_expand(const struct tl_block *blk, const struct tl_chapter *ch,
		       const struct tl_model *m, enum tl_lang lang, tl_buf *out, tl_errors *errs);

#endif
