/*
 * fmt — locale-free Dutch and English formatting of numbers, money,
 * percentages and dates, and the matching strict number parser.
 *
 * telling never calls setlocale(): the build machine has no nl_NL locale and a
 * server must not change behaviour with its environment.  Everything a reader
 * sees as a number passes through here:
 *     nl: 74,2%   € 36.200   260.000   12 december 2025
 *     en: 74.2%   €36,200    260,000   12 December 2025
 * Rounding is half away from zero at the requested number of decimals.
 * Groups of three digits start at 1.000 (as the seed report writes € 3.000).
 */
#ifndef TL_FMT_H
#define TL_FMT_H

#include <stddef.h>

#include "buf.h"

enum tl_lang { TL_LANG_NL = 0, TL_LANG_EN = 1 };

/* How a value is shown.  Chosen from an indicator's unit text by
 * tl_unit_kind(): "%" -> percent, "euro"/"€" -> euro, anything else -> plain
 * number followed by nothing (the unit goes into captions, not each value). */
enum tl_unit_kind { TL_UNIT_NUMBER = 0, TL_UNIT_PERCENT, TL_UNIT_EURO };

enum tl_unit_kind tl_unit_kind(const char *unit);

/* 1234.5 with 1 decimal -> "1.234,5" (nl) / "1,234.5" (en).  NaN/inf -> "?" */
void tl_fmt_number(tl_buf *b, double v, int decimals, enum tl_lang lang);
/* Number with its unit: "74,2%", "€ 36.200" (U+00A0 after €), "7,9". */
void tl_fmt_value(tl_buf *b, double v, int decimals, enum tl_unit_kind kind, enum tl_lang lang);
/* "12 december 2025" / "12 December 2025"; month 1..12. */
void tl_fmt_date(tl_buf *b, int year, int month, int day, enum tl_lang lang);
/* Lowercase Dutch (or English) month name, NULL when out of range. */
const char *tl_month_name(int month, enum tl_lang lang);

/* Round half away from zero at `decimals` places (0..9). */
double tl_round(double v, int decimals);

/*
 * Strict decimal parser for data files.  Accepts an optional sign, digits and
 * at most one decimal separator `dec` ('.' or ','), surrounding blanks
 * allowed; no grouping, exponents, hex, inf or nan.  Returns 0 and sets *out,
 * or -1 for anything else.
 */
int tl_parse_decimal(const char *s, size_t n, char dec, double *out);

#endif
