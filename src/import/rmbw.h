/*
 * rmbw — reader for the Regionale Monitor Brede Welvaart files (raw.h).
 *
 * CBS publishes the Regionale Monitor Brede Welvaart as a dashboard; the
 * machine-readable files telling reads are a third-party derivative (a
 * student project for CMO STAMM, 2025) of the CBS municipal values, in two
 * layouts, comma-separated, UTF-8 (a BOM is accepted), decimal point:
 *     long   indicator,statcode,statnaam,year,value
 *            ExperiencedHealth,GM0106,Assen,2020,80.5779826747
 *     wide   indicator,statcode,statnaam,Year2013,…,Year2023
 *            ExperiencedHealth,GM0106,Assen,,,,78.31…,,,,80.57…,,71.10…,
 * Column names are matched case-insensitively after trimming; the three
 * identity columns (and in the long layout all five) may come in any order;
 * a wide year column is named YearNNNN or just NNNN.  Any other column, a
 * missing or repeated one, or another delimiter makes the header refused:
 * the sniffers return 0 and the readers report positioned errors.
 *
 * What is reported through the sink, in file order:
 *   topic   each indicator name once, before its first cell ("ExperiencedHealth";
 *           no title, unit or decimals: the file has none);
 *   region  each statcode once, before its first cell, named statnaam, with
 *           the level from the code's prefix (GM → gemeente, PV → provincie,
 *           …), parent NULL (the file does not say), and classification year
 *           TL_RMBW_CLASSIFICATION_YEAR;
 *   cell    one per value: table NULL, no dims, region = statcode, period =
 *           the year, position of the value in the file.
 *
 * Per-source rules of this derivative (documented here so that the report
 * can say them, counted in tl_rmbw_stats so that the caller can show them):
 *   - **0 means missing.**  The derivative writes 0 where CBS has no figure
 *     (Assen has 0 for OftenFeelingUnsafe and SocialCohesion in every year;
 *     Westerveld for ContactWithFamilyEtc and others).  A value that equals
 *     zero ("0", "0.0", "-0") is reported as TL_STATUS_MISSING without a
 *     value and with note TL_RMBW_ZERO_NOTE — never as 0.  After the file,
 *     one warning in errs says how many cells this rule turned into missing
 *     (at the first of them).
 *   - An empty value in the long layout is a cell without a value
 *     (TL_STATUS_NOT_APPLICABLE).  In the wide layout an empty cell is what
 *     an absent row is in the long layout — the indicator has no figure for
 *     that year (year sets differ per indicator) — and is not reported.  So
 *     the long and the wide file of the same data give the same cells.
 *   - Regions are municipalities of the 2025 classification (342 in the
 *     all-municipalities file); the file itself carries no year.
 *   - Numbers are written the way Python writes floats: mostly plain
 *     decimals, but a small one may come with an exponent
 *     (6.88979353681e-05 in the all-municipalities file); both are read,
 *     locale-free.
 *   - Some change indicators (Update_Theme_*) of municipalities outside
 *     Drenthe hold -99 next to values between -7 and 7: very likely a code
 *     for "no figure", but the source does not say so.  Such values (-99,
 *     -999, -9999) are reported as they are, counted, and one warning says
 *     how many there were.
 *
 * Errors (file:line:column and the offending text, after which the reader
 * goes on with the next row): a wrong number of fields, an empty indicator
 * or name, a statcode that is not a CBS region code, a year that is not a
 * year, a value that is not a number (a decimal comma, inf, nan, text).  In
 * the wide layout a bad value only loses that cell.  The same statcode with
 * a second name gives a warning.  Duplicate cells are not detected here
 * (that would need memory in proportion to the file).
 *
 * Memory: one CSV record at a time plus the distinct indicator and region
 * names (at most TL_RMBW_MAX_NAMES of each; more is a TL_ERR_LIMIT error).
 * Who frees what: nothing is allocated for the caller.  Every string handed
 * to the sink is borrowed, valid only during that callback (raw.h; the
 * zero note is a static string); the in-memory text stays the caller's;
 * entries added to errs are freed with tl_errors_free().
 */
#ifndef TL_RMBW_H
#define TL_RMBW_H

#include <stddef.h>

#include "../core/err.h"
#include "raw.h"

/* The classification ("indeling") of the municipalities in these files. */
#define TL_RMBW_CLASSIFICATION_YEAR 2025
/* The note of a cell that held 0 in the file. */
#define TL_RMBW_ZERO_NOTE "0 in de bron = geen waarde (RMBW-afgeleide, CMO STAMM)"
/* Distinct indicators and distinct regions a file may have. */
#define TL_RMBW_MAX_NAMES 65536

struct tl_rmbw_stats {
	long rows;     /* data rows (header and blank rows excluded) */
	long cells;    /* cells reported */
	long values;   /* … of which with a value */
	long zeros;    /* … of which 0 in the file: reported missing (the rule above) */
	long empty;    /* empty values: long → reported not applicable; wide → not reported */
	long sentinels; /* values -99, -999 or -9999: reported as values, with a warning */
	long bad;      /* rows (long, or wide identity) and wide cells refused with an error */
	long blank;    /* blank rows skipped */
	size_t topics; /* distinct indicators */
	size_t regions; /* distinct statcodes */
};

/* Read the file at path (opened and closed here; path names it in
 * messages), layout TL_FORMAT_RMBW_LONG or TL_FORMAT_RMBW_WIDE.  stats may
 * be NULL; it is overwritten.  Returns TL_OK; TL_ERR_INPUT when the file had
 * errors (all in errs; every good row was still reported); TL_ERR_IO when it
 * cannot be read; TL_ERR_LIMIT past TL_RMBW_MAX_NAMES; or the negative value
 * a sink function returned to stop. */
int tl_read_rmbw_file(const char *path, enum tl_format layout, const struct tl_raw_sink *sink,
		      struct tl_rmbw_stats *stats, tl_errors *errs);
/* The same for data[0..len) (borrowed), called `name` in messages. */
int tl_read_rmbw_mem(const char *name, const char *data, size_t len, enum tl_format layout,
		     const struct tl_raw_sink *sink, struct tl_rmbw_stats *stats, tl_errors *errs);

/* tl_read_rmbw_file() for one layout, without stats. */
int tl_read_rmbw_long(const char *path, const struct tl_raw_sink *sink, tl_errors *errs);
int tl_read_rmbw_wide(const char *path, const struct tl_raw_sink *sink, tl_errors *errs);

/* 1 when head[0..n), the first bytes of a file, starts with the header row
 * of that layout; else 0.  Pass at least the whole first line (4 KiB is
 * plenty): without a line end, head is taken as the whole line, so a wide
 * header cut inside a column name ("…,Year20") is refused. */
int tl_sniff_rmbw_long(const char *head, size_t n);
int tl_sniff_rmbw_wide(const char *head, size_t n);

#endif
