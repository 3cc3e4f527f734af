/*
 * narrate_analysis — sentences from the analysis modules (position,
 * outliers, correlate, target, compare) in the register of the seed report,
 * in Dutch and English.  Plain UTF-8 text, never markup; numbers through
 * core/fmt.h.  Every function appends one or more complete sentences to out
 * and writes a "no data" sentence rather than nothing when the data cannot
 * support a statement, so a chapter binding never leaves a hole.
 */
#ifndef TL_NARRATE_ANALYSIS_H
#define TL_NARRATE_ANALYSIS_H

#include <stddef.h>

#include "../analysis/target.h"
#include "../core/buf.h"
#include "../core/fmt.h"
#include "../model/model.h"

/* The latest value of d in region r against the agenda's national region,
 * equal within the tolerance of analysis/compare.h (margin: the survey's
 * margin when known, else NaN or 0 for rounding):
 *   "Met 55,9% (2024) zit Drenthe bij ‘Overgewicht’ boven het landelijk
 *    gemiddelde (50,0%), wat bij deze indicator ongunstig is."
 * Returns 1 when a sentence with a figure was written, 0 for "no data". */
int tl_narrate_versus(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
		      const struct tl_region *r, double margin, enum tl_lang lang);

/* Change of d in region r since the previous and since the first comparable
 * measurement (never across a series break, which is mentioned):
 *   "In 2024 is ‘Ervaren gezondheid (zeer) goed’ in Drenthe 74,2%. Ten
 *    opzichte van 2022 (79,3%) is dit gedaald met 5,1 procentpunt, een
 *    ongunstige ontwikkeling. Sinds 2016 (72,1%) is dit gestegen met 2,1
 *    procentpunt, een gunstige ontwikkeling."
 * (figures of the unit-test fixture, not statistics) */
int tl_narrate_change(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
		      const struct tl_region *r, enum tl_lang lang);

/* Position of region r among regions[0..n) (its siblings) on d:
 *   "Bij ‘Huishoudens met geregistreerde problematische schulden’ staat Emmen
 *    in 2023 met 9,0% op plaats 12 van de 12 gemeenten met cijfers (plaats 1
 *    is het gunstigst). Daarmee scoort Emmen relatief ongunstig binnen
 *    Drenthe."
 * `group` names the whole ("Drenthe"); the kind of region ("gemeenten")
 * follows from r's level.  The period is the one most regions have. */
int tl_narrate_position(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
			const struct tl_region *r, const struct tl_region *const *regions,
			size_t n, const char *group, enum tl_lang lang);

/* Outliers of a theme over regions[0..n) (analysis/outliers.h):
 *   "Borger-Odoorn en Emmen scoren op meerdere indicatoren van dit thema
 *    relatief ongunstig binnen Drenthe (bij de ongunstigste derde op ten
 *    minste 5 van de 7 indicatoren). De Wolden en Tynaarlo scoren juist op
 *    meerdere indicatoren relatief gunstig." */
int tl_narrate_outliers(tl_buf *out, const struct tl_model *m, const char *theme,
			const struct tl_region *const *regions, size_t n, const char *group,
			tl_arena *a, enum tl_lang lang);

/* Rank correlation between a and b across regions[0..n); a sentence about
 * the direction only when it is strong with enough regions, always with a
 * caution against reading it as cause and effect. */
int tl_narrate_correlation(tl_buf *out, const struct tl_model *m, const struct tl_indicator *a,
			   const struct tl_indicator *b, const struct tl_region *const *regions,
			   size_t n, enum tl_lang lang);

/* Target progress for indicator d (its unit and decimals):
 *   "Het doel is 8,0% in 2029 (uitgangswaarde 10,0% in 2024). Met 9,0% in
 *    2026 is 50% van de afstand afgelegd. Tot nu toe daalde dit met 0,5
 *    procentpunt per jaar; om het doel te halen is een daling van 0,3
 *    procentpunt per jaar nodig. Het doel ligt op koers."
 * (a synthetic target from the unit tests) */
void tl_narrate_target(tl_buf *out, const struct tl_indicator *d, const struct tl_target_input *in,
		       const struct tl_target_progress *p, enum tl_lang lang);

/* "A", "A en B", "A, B en C" (English: "and"). */
void tl_narrate_list(tl_buf *out, const struct tl_region *const *r, size_t n, enum tl_lang lang);

#endif
