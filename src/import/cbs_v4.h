/*
 * cbs_v4 — reader for a CBS OData v4 bulk download (a folder), see raw.h.
 *
 * `https://datasets.cbs.nl/csv/CBS/nl/{id}` gives a folder of CSV files,
 * all ';'-separated, UTF-8 without BOM, quoted only where needed (texts may
 * hold ';' and newlines in quotes):
 *     Observations.csv   Id;Measure;<dims…>;Value;StringValue;ValueAttribute
 *                        0;1050010_1;1050010;1050290;A028721;2011JJ00;481,8;;None
 *     MeasureCodes.csv   Identifier;…;Title;…;DataType;Unit;Decimals;…
 *     Dimensions.csv     Identifier;…;MapYear;…;Kind;…;CodesUrl;GroupsUrl
 *     <Dim>Codes.csv     Identifier;DimensionGroupId;…;Title;…[;Status]
 *     <Dim>Groups.csv    Id;Index;Title;Description;ParentId;DimensionId
 *     Properties.csv     Identifier;Title;…;ObservationCount;…;DatasetType;…
 * plus files this reader does not need (Catalog.csv, Distribution.csv,
 * Link*.csv, D-<id>.json).  Values use a **decimal comma**.
 *
 * What is reported through the sink, in this order:
 *   table   the id and title from Properties.csv ("85678NED"); without
 *           Properties.csv, the id of the one D-<id>.json in the folder
 *           (title NULL), else nothing (with a warning);
 *   topic   every row of MeasureCodes.csv, in file order, before any cell:
 *           key = Identifier, title, unit, decimals (-1 when empty), numeric
 *           = 0 for DataType String/Text;
 *   region  every code of each GeoDimension's code list, whether or not
 *           Observations.csv has that column (the shipped slice of 85678NED
 *           has none): code, Title without a CBS suffix " (PV)", " (LD)",
 *           " (CR)", " (AM)" … (two capitals) or " (gemeente)" — "Bergen
 *           (NH.)" keeps its name —, level from the code's prefix (NL land,
 *           LD landsdeel, PV provincie, CR corop, GM gemeente, WK wijk, BU
 *           buurt; else from the group's prefix; NULL for AM and other
 *           regions outside that list), classification year = the
 *           dimension's MapYear (0 when empty), and the parent:
 *             - a group id that is a level prefix followed by a listed region
 *               code names that region: GMPV22 and CRPV22 → PV22;
 *             - any other region (groups NL, LD, PV, AM, or none) gets the
 *               one land region of the list (NL01) when there is exactly
 *               one; the land itself gets none.  Provinces are therefore
 *               children of NL01, not of their landsdeel: the groups file
 *               does not say which landsdeel holds a province (only the free
 *               text of the LD descriptions does), and telling's region tree
 *               is gemeente → provincie → land.
 *   cell    one per row of Observations.csv with a numeric measure: table,
 *           topic = Measure, region = the GeoDimension column (NULL when
 *           there is none), period = the TimeDimension column, every other
 *           column as a tl_raw_dim, value and status:
 *             ValueAttribute None (or empty) with a value → the period's
 *               status from the time code list (Definitief → final,
 *               Voorlopig / Nader voorlopig → provisional);
 *             Impossible (no value) → not applicable;
 *             any other attribute → unknown, no value, note "CBS
 *               ValueAttribute X" (and one warning per distinct attribute:
 *               the vocabulary beyond None/Impossible is not documented);
 *             None without Value but with a StringValue → a text cell: not
 *               reported (counted); without either → unknown (warned once).
 *           Rows of a String/Text measure are not reported (counted).
 *           An absent observation is unknown: only rows that are there are
 *           reported.
 * Which column is time and which is geo comes from Dimensions.csv (Kind
 * TimeDimension / GeoDimension); without it, Perioden is time and RegioS or
 * WijkenEnBuurten geo.  Code lists are found through Dimensions.csv's
 * CodesUrl/GroupsUrl — a plain file name, or the last segment of an http(s)
 * URL; anything with a path in it is an error — or else as <Dim>Codes.csv.
 *
 * Checks.  Errors (file:line:column and the offending text; the reader goes
 * on with the next row): a wrong number of fields, a measure that is not in
 * MeasureCodes.csv, a period code that is not a year, quarter or month, an
 * empty dimension code, a value that is not a number with a decimal comma,
 * a value on an Impossible cell; a missing MeasureCodes.csv or
 * Observations.csv or a header without Measure/Value/ValueAttribute ends
 * the read.  Warnings (the cells are still reported): a period that is not
 * in the time code list (its status is unknown; the cells are reported as
 * final), codes outside their dimension's code list (one warning per
 * dimension, with a count), a listed dimension that Observations.csv lacks,
 * and a row count that differs from Properties.csv's ObservationCount —
 * these are the marks of a partial download or of observations from another
 * table (the shipped 85678NED folder has all of them: its Observations.csv
 * has the rows of the national table 83841NED).
 * A national table's observations.  When Dimensions.csv lists a geo
 * dimension that Observations.csv lacks, the folder's dataset descriptions
 * D-<id>.json are read: if exactly one names exactly the dimension columns
 * of Observations.csv and no GeoDimension, the cells are that table's (its
 * id is reported as the table, its ObservationCount checked) and marked
 * national (tl_raw_cell.national), with a warning; the folder's period code
 * list is then the other table's, so its statuses are not used.  Without
 * such a description the cells carry no region (the mapper refuses them).
 *
 * Memory: the code lists (measures, periods, regions, codes) are held in an
 * arena; Observations.csv is streamed one row at a time (62 MB of
 * observations read in under 2 MB of RSS).  Who frees what: nothing is
 * allocated for the caller.  Every string handed to the sink is borrowed,
 * valid only during that callback (raw.h); the in-memory files stay the
 * caller's; entries added to errs are freed with tl_errors_free().
 */
#ifndef TL_CBS_V4_H
#define TL_CBS_V4_H

#include <stddef.h>

#include "../core/err.h"
#include "raw.h"

/* One file of a bulk download held in memory (for tests and fuzzing). */
struct tl_cbs_v4_file {
	const char *name; /* "Observations.csv", "MeasureCodes.csv", "RegioSCodes.csv" … */
	const char *data; /* borrowed */
	size_t len;
};

struct tl_cbs_v4_stats {
	size_t measures;    /* topics reported */
	size_t periods;     /* rows of the time dimension's code list */
	size_t regions;     /* regions reported */
	long rows;          /* data rows of Observations.csv (blank rows excluded) */
	long cells;         /* cells reported */
	long values;        /* … with a value */
	long provisional;   /* … with a value of a provisional period */
	long impossible;    /* … not applicable (ValueAttribute Impossible) */
	long unknown;       /* … unknown: another ValueAttribute, or no value at all */
	long strings;       /* rows not reported: text cells and String/Text measures */
	long unlisted_periods; /* cells whose period is not in the time code list */
	long unlisted_codes;   /* rows with a dimension or region code outside its list */
	long bad;           /* rows refused with an error */
};

/* Read the bulk download at path: the folder, or its Observations.csv (the
 * other files are then taken from the same folder).  Returns TL_OK;
 * TL_ERR_INPUT when there were errors (all in errs; good rows were still
 * reported); TL_ERR_IO when a needed file cannot be read; or the negative
 * value a sink function returned to stop. */
int tl_read_cbs_v4_bulk(const char *path, const struct tl_raw_sink *sink, tl_errors *errs);
/* The same, filling *stats (may be NULL; overwritten). */
int tl_read_cbs_v4_bulk_stats(const char *path, const struct tl_raw_sink *sink,
			      struct tl_cbs_v4_stats *stats, tl_errors *errs);
/* The same over files[0..n) in memory (borrowed), looked up by name;
 * `folder` prefixes the names in messages ("85678NED/Observations.csv"). */
int tl_read_cbs_v4_mem(const char *folder, const struct tl_cbs_v4_file *files, size_t n,
		       const struct tl_raw_sink *sink, struct tl_cbs_v4_stats *stats,
		       tl_errors *errs);

/* 1 when path is a v4 bulk folder (an Observations.csv with a v4 header
 * next to a MeasureCodes.csv) or that Observations.csv itself; else 0. */
int tl_sniff_cbs_v4_bulk(const char *path);
/* 1 when head[0..n), the first bytes of a file, is an Observations.csv
 * header (';'-separated, with Measure, Value and ValueAttribute). */
int tl_sniff_cbs_v4_observations(const char *head, size_t n);

#endif
