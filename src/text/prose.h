/*
 * prose — a scanner for Dutch report text: figures, quantities, words of
 * approximation, dates, sentences and the words that make claims.
 *
 * tl_prose_scan() reads Markdown-ish Dutch text once and returns, with byte
 * offsets into that text:
 *     quantities   "74,2%", "€ 36.200,-", "€ 5 miljoen", "11 duizend",
 *                  "twaalf", "iets meer dan een kwart", "bijna één op de tien"
 *     dates        "donderdag 12 december 2025", "8 oktober 2022", "juni 2024"
 *     claims       "stijgt", "neemt af", "hoger dan", "gelijk aan het
 *                  landelijk gemiddelde", "ongunstig" …
 *     words        every word, for matching indicator titles and names
 *     sentences and paragraphs (blank lines, headings and list items end them)
 * It knows the conventions of FORMATS.md §9: decimal comma, thousands point,
 * "€ 24,-", "procent", lowercase month names.  Numbers written the English way
 * ("750,000", "1,234.5", "74.2%") are returned with TL_QF_FOREIGN so the
 * checker can say so.
 *
 * What it does not do: decide what a figure refers to, or whether it is
 * right (that is check.c), or parse Markdown structure beyond headings, list
 * items and blank lines.  Everything is pure: no I/O, no globals, no
 * allocation outside the arena passed in.  Any byte sequence is accepted
 * (invalid UTF-8 is treated as letters); the scan is linear in the input.
 *
 * Usage:
 *     struct tl_prose p;
 *     tl_prose_scan(text, len, arena, &p);
 *     for (size_t i = 0; i < p.n_q; i++) {
 *         double lo, hi;
 *         tl_quantity_range(&p.q[i], &lo, &hi);   // what the words allow
 *         …
 *     }
 */
#ifndef TL_PROSE_H
#define TL_PROSE_H

#include <stddef.h>

#include "../core/arena.h"

/* ---- Quantities ---------------------------------------------------------- */

enum tl_qkind {
	TL_Q_COUNT = 0, /* a plain number: "42", "260.000", "twaalf", "11 duizend", "7,9" */
	TL_Q_PERCENT,   /* "74,2%", "16,4 procent" */
	TL_Q_SHARE,     /* a fraction in words, as a percentage: "de helft" 50, "één op de tien" 10 */
	TL_Q_EURO,      /* "€ 36.200,-", "€ 5 miljoen", "3000 euro" */
	TL_Q_YEAR,      /* 1900..2100 written as a bare integer: "2025" */
};

/* The words before a figure and what they allow (see tl_quantity_range). */
enum tl_approx {
	TL_APPROX_EXACT = 0,  /* as written, up to its rounding */
	TL_APPROX_ALMOST,     /* bijna, nagenoeg, vrijwel, net geen: a little below */
	TL_APPROX_JUST_OVER,  /* iets meer dan, ruim, dik: a little above */
	TL_APPROX_OVER,       /* meer dan, boven de, ten minste, minstens: at least */
	TL_APPROX_UNDER,      /* minder dan, onder de, nog geen, hooguit, maximaal: at most */
	TL_APPROX_ABOUT,      /* ongeveer, rond, circa, ca., zo'n, naar schatting: either side */
};

#define TL_QF_WORDS 0x01    /* the figure is written in words ("twaalf", "de helft") */
#define TL_QF_GROUPED 0x02  /* thousands separators: "260.000" */
#define TL_QF_FOREIGN 0x04  /* English notation: "750,000", "1,234.5", "74.2%" */
#define TL_QF_AMBIGUOUS 0x08 /* "1,500": a Dutch decimal or English thousands */
#define TL_QF_DASH 0x10     /* ",-" after a whole amount: "€ 90.000,-" */
#define TL_QF_ODD 0x20      /* digits and separators that make no number ("1.2.3") */
#define TL_QF_SCALED 0x40   /* multiplied by duizend/miljoen/miljard */
#define TL_QF_DOTDEC 0x80   /* a decimal point ("2.0", "74.2"): English, or a version number */

struct tl_quantity {
	size_t start, end;         /* the whole phrase, approximation words included */
	size_t num_start, num_end; /* the figure itself: "31", "een kwart", "€ 750,000,-" */
	enum tl_qkind kind;
	enum tl_approx approx;
	double value;              /* 11000 for "11 duizend", 25 for "een kwart" */
	int decimals;              /* as written: 1 for "74,2" */
	double step;               /* the rounding the text implies: 0,1 for "74,2"; 1000 for "11 duizend" */
	unsigned flags;            /* TL_QF_* */
	size_t noun_start, noun_end; /* the counted word after it ("initiatieven"); equal when none */
};

/* The interval of true values the phrase allows, in the quantity's unit:
 * "74,2" → [74,15, 74,25]; "bijna 70" → [65,1, 70,5]; "ruim 70" → [69,5, 88];
 * "meer dan de helft" → [49, +inf]; "onder de 60" → [-inf, 60,5].  Tolerances
 * are deliberately generous: a check built on them should only fire when the
 * text and the data clearly disagree. */
void tl_quantity_range(const struct tl_quantity *q, double *lo, double *hi);

/* Dutch words: "bijna", "ruim", "iets meer dan", …; "" for TL_APPROX_EXACT. */
const char *tl_approx_name(enum tl_approx a);

/* ---- Dates --------------------------------------------------------------- */

/* A date as written in prose, with where it stands (analysis/target.h has
 * struct tl_date, a calendar date). */
struct tl_written_date {
	size_t start, end;
	int weekday; /* 1 maandag .. 7 zondag; 0 when not written */
	int day;     /* 1..31; 0 when only a month is written ("juni 2024") */
	int month;   /* 1..12 */
	int year;    /* 0 when not written ("25 november") */
};

/* Day of the week of a Gregorian date: 1 Monday .. 7 Sunday; 0 if invalid. */
int tl_weekday(int year, int month, int day);
/* "maandag" .. "zondag"; NULL out of range. */
const char *tl_weekday_name(int weekday);
/* 28..31; 0 for a month out of range. */
int tl_days_in_month(int year, int month);

/* ---- Claims -------------------------------------------------------------- */

enum tl_claim_kind {
	TL_CLAIM_UP = 0,      /* stijgt, groeit, neemt toe, toename, steeds meer */
	TL_CLAIM_DOWN,        /* daalt, neemt af, afname, loopt terug, steeds minder */
	TL_CLAIM_STABLE,      /* stabiel, gelijk gebleven */
	TL_CLAIM_BETTER,      /* verbetert, verbeterd */
	TL_CLAIM_WORSE,       /* verslechtert, verslechterd */
	TL_CLAIM_HIGHER,      /* hoger, meer … dan, boven(gemiddeld) */
	TL_CLAIM_LOWER,       /* lager, minder … dan, onder(gemiddeld) */
	TL_CLAIM_EQUAL,       /* gelijk aan, in lijn met, even hoog als */
	TL_CLAIM_FAVOURABLE,  /* gunstig(er), positief, beter */
	TL_CLAIM_UNFAVOURABLE /* ongunstig(er), negatief, slechter */
};

#define TL_CF_NATIONAL 0x01 /* the phrase names the national level: "dan landelijk", "landelijk gemiddelde" */
#define TL_CF_SLIGHT 0x02   /* "iets", "licht", "langzaam": a small difference */
#define TL_CF_FUTURE 0x04   /* "zal", "zullen", "verwacht": about the future, not the data */
#define TL_CF_NEGATED 0x08  /* "niet", "geen": the claim is denied */
#define TL_CF_THAN 0x10     /* a comparative followed by "dan" in the same sentence */

struct tl_claim {
	size_t start, end; /* the claim words: "neemt … toe" spans from "neemt" to "toe" */
	enum tl_claim_kind kind;
	unsigned flags;    /* TL_CF_* */
};

/* ---- Text structure ------------------------------------------------------ */

struct tl_word {
	size_t start, end;
};

struct tl_sentence {
	size_t start, end; /* trimmed; end exclusive */
	size_t para;       /* index into paragraphs */
};

struct tl_paragraph {
	size_t start, end; /* trimmed; may span several lines */
	int heading;       /* 0 for text, 1..6 for a Markdown heading */
	int list;          /* 1 when it is a list item */
};

/* Everything tl_prose_scan() found, in text order; arrays live in the arena. */
struct tl_prose {
	struct tl_word *words; size_t n_words;
	struct tl_quantity *q; size_t n_q;
	struct tl_written_date *dates; size_t n_dates;
	struct tl_claim *claims; size_t n_claims;
	struct tl_sentence *sent; size_t n_sent;
	struct tl_paragraph *para; size_t n_para;
};

/* Scan text[0..len) (need not be NUL-terminated).  Fills *out with arrays
 * allocated in `a` (freed with the arena).  Returns 0. */
int tl_prose_scan(const char *text, size_t len, tl_arena *a, struct tl_prose *out);

/* Index of the sentence containing byte `offset`, or of the last one before
 * it; 0 when there is none. */
size_t tl_prose_sentence_at(const struct tl_prose *p, size_t offset);

/* First word index with start >= offset (n_words when none). */
size_t tl_prose_word_at(const struct tl_prose *p, size_t offset);

/* 1 when text[s..e) is a Dutch function word (de, het, een, van, en, …) that
 * never names anything by itself.  Case-insensitive. */
int tl_prose_stopword(const char *s, size_t n);

/* Case-insensitive: does s[0..n) spell w (a lowercase UTF-8 word)?  Folds
 * ASCII and Latin-1 capitals ("Één" equals "één"). */
int tl_prose_word_eq(const char *s, size_t n, const char *w);

/* Lowercase copy of s[0..n) into buf (NUL-terminated), folding as above.
 * Returns n, or 0 when buf (of cap bytes) is too small. */
size_t tl_prose_lower(const char *s, size_t n, char *buf, size_t cap);

/* Parse a number word: "twee" 2 … "twaalf", "twintig", "honderd",
 * "vijfentwintig", "tweeëntwintig".  "een"/"één" give 1.  Case-insensitive.
 * Returns 0 and sets *v, or -1. */
int tl_prose_number_word(const char *s, size_t n, double *v);

#endif
