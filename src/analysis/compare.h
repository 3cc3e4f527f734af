/*
 * compare — is a region's figure higher, lower or equal to another's, with
 * a documented tolerance.
 *
 * The rule (used for "province vs national" and anywhere else two figures
 * are set side by side in a sentence):
 *   - when the data carries a margin (for a survey, the half-width of the
 *     95% confidence interval of the difference, in the indicator's unit),
 *     two figures are "equal" when they differ by no more than that margin;
 *   - otherwise they are "equal" when both round to the same figure at the
 *     indicator's decimals, i.e. when a reader of the report could not tell
 *     them apart ("gelijk aan het landelijk gemiddelde": 74,2% vs 74,24%).
 * Pure: no I/O, no allocation.
 */
#ifndef TL_COMPARE_H
#define TL_COMPARE_H

/* -1 when a is lower than b, 0 equal within the tolerance, 1 higher.
 * margin > 0 (and finite) selects the margin rule; 0, negative or NaN the
 * rounding rule at `decimals`. */
int tl_compare_tolerance(double a, double b, int decimals, double margin);

/* The same comparison read through polarity: 1 when a is more favourable
 * than b, -1 less favourable, 0 equal or not judged (neutral). */
int tl_compare_favour(int polarity, double a, double b, int decimals, double margin);

#endif
