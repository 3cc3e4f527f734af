/*
 * narrate — plain-language sentences generated from the analysis.
 *
 * One short paragraph per indicator in the register of an annual report:
 *   "Volgens de meest recente cijfers (2024) is dit in Drenthe 74,2%. Dat is
 *    gelijk aan het landelijk gemiddelde (74,2%). In 2016 was het 72,1%."
 * Output is plain UTF-8 text (the renderer escapes it), never markup.
 * Comparisons use series.h, so sentences and charts agree.
 */
#ifndef TL_NARRATE_H
#define TL_NARRATE_H

#include "../core/buf.h"
#include "../core/fmt.h"
#include "../model/model.h"

/* Append the paragraph for indicator d about the agenda's focus region
 * (compared with its national region) to out.  Writes nothing when neither
 * the focus region nor any of its municipalities has a figure. */
void tl_narrate_indicator(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
			  enum tl_lang lang);

/* The municipal spread: "In 2022 varieert dit van 70,3% in Emmen tot 79,1%
 * in De Wolden." for the regions given (period chosen by tl_best_period). */
void tl_narrate_spread(tl_buf *out, const struct tl_model *m, const struct tl_indicator *d,
		       const struct tl_region *const *regions, size_t n, enum tl_lang lang);

/* A value of d formatted with its unit ("74,2%"), and a difference of d
 * ("2,1 procentpunt" for percentages): shared with narrate_analysis.c. */
void tl_narrate_value(tl_buf *out, const struct tl_indicator *d, double v, enum tl_lang lang);
void tl_narrate_difference(tl_buf *out, const struct tl_indicator *d, double diff,
			   enum tl_lang lang);

#endif
