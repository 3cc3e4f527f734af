/*
 * cbs_v3 — readers for CBS OData v3 data sets as CSV and as JSON (raw.h).
 *
 * The two shapes one table takes in OData v3 (opendata.cbs.nl,
 * dataderden.cbs.nl for RIVM and other third parties):
 *   CSV   the dataportal's UntypedDataSet export (family D): UTF-8 with a
 *         BOM, ';', every field quoted, CRLF or LF:
 *             "ID";"RegioS";"Perioden";"TotaleBevolking_1";…
 *             "125";"PV20  ";"1995JJ00";"  557995";…;"       .";""
 *         RIVM's Gezondheidsmonitor files (50090NED) have the same style:
 *             "ID";"Leeftijd";"Marges";"WijkenEnBuurten";"Perioden";
 *             "Gemeentenaam_1";"SoortRegio_2";"Codering_3";"ErvarenGezondheid…_4";…
 *   JSON  an OData page {"odata.metadata":…,"value":[{…},…]} (or a plain
 *         array of the row objects): TypedDataSet with JSON numbers and
 *         null, UntypedDataSet with texts as in the CSV.  Pages are
 *         streamed one row object at a time (tl_cbs_json_each).
 *
 * Columns.  "ID" is skipped.  With metadata beside the file (below), each
 * column is what DataProperties says: Topic, TimeDimension, GeoDimension /
 * GeoDetail, Dimension.  Without it: a key ending in "_<digits>" is a topic,
 * any other a dimension; the dimension "Perioden" is the period; the region
 * dimension is the one whose name says so (RegioS, WijkenEnBuurten,
 * Gemeenten, Woonplaatsen, Regio…) and whose first code looks like a CBS
 * region code (NL01, PV22, GM0106, WK010600, BU01060000, WP1925 …), else the
 * first whose first code does.  Every other dimension goes with each cell
 * as a tl_raw_dim {key, trimmed code}.
 *
 * Topic types without metadata are decided from the first data row: a JSON
 * number, a number text (right-aligned, with a decimal point), "." or an
 * empty value make a numeric topic; any other text — a name, a code, or
 * blanks only (CBS pads an empty String topic with spaces to its width,
 * while an empty number is "") — a String topic.  A value that is empty or
 * null in the first row leaves a topic numeric unless its key names a text
 * (Naam, Code, …naam, …code, SoortRegio, Codering).  String topics are
 * reported with numeric = 0 and give no cells.
 *
 * Metadata beside the file.  The path readers look in the file's folder for
 * DataProperties.json (with TableInfos.json and Perioden.json), else for
 * "<table id>_metadata.csv" (cbs_meta.h), and take topic titles, units,
 * decimals and types, the period and region columns, the table's title,
 * the regions' classification year and the periods' statuses from it.
 * Metadata that names another table (TableInfos Identifier), or that lacks
 * most of the file's topic keys, is ignored with a warning: it belongs to
 * another file in the same folder.  The _mem readers take it as an argument.
 *
 * What is reported through the sink, in this order:
 *   table   the id the file name starts with ("70072ned_Untyped…csv" →
 *           "70072ned", case kept), else the metadata's Identifier, else the
 *           id in a JSON page's odata.metadata URL; with the metadata's
 *           title.  Not called when no id is known (RIVM's files: cells
 *           carry table NULL; the mapper can still match by topic);
 *   topic   every topic column, in column order, before the first cell;
 *   region  when the table describes its regions in String topics (see
 *           below): each region once, before the first cell of its row;
 *   cell    per data row, one per numeric topic, in column order: table,
 *           topic key, dims, region (trimmed code), period, the value and
 *           its status, and where the value stands (CSV: the field's line and
 *           column, at its opening quote; JSON: the member value's):
 *             number          → final, or provisional when the period is
 *                               (a '*' or "**" after the period code, or a
 *                               Voorlopig / Nader voorlopig Status in the
 *                               metadata's period list);
 *             "." (trimmed)   → unknown, no value;
 *             "" or blanks    → not applicable (CBS: cannot occur / not
 *                               asked), no value;
 *             JSON null       → unknown, with a note (the TypedDataSet has
 *                               one null for every kind of missing).
 *
 * Regions described in String topics.  RIVM's files carry Gemeentenaam_N,
 * SoortRegio_N and Codering_N; 70072ned has Code_N/Naam_N pairs for the
 * regions a province lies in; 84489NED pairs Naam_N with the Code_N+1 of a
 * place's gemeente, province and landsdeel.  Per row this reader collects
 * the regions the row names:
 *   - the row's region: its code; level from SoortRegio (Land, Landsdeel,
 *     Provincie, COROP, Gemeente, Wijk, Buurt, Woonplaats) or else the
 *     code's prefix; name from an unpaired Naam_N topic, or from
 *     Gemeentenaam_N when the row is a gemeente or the land.  A wijk's or
 *     buurt's Gemeentenaam is its gemeente's name, not its own: such a
 *     region is reported without a name (the file has none), and the name
 *     goes to its gemeente (GM + the code's first four digits);
 *   - a pair Code_N/Naam_N (the pairs run code-first or name-first, as the
 *     first of those columns does) with a region code: that region, level
 *     from the prefix;
 *   - any other code topic (…code_N, Codering_N) with a region code other
 *     than the row's: that region, without a name.
 * Parents within a row follow the levels: woonplaats → gemeente, buurt →
 * wijk, wijk → gemeente, gemeente → provincie, corop → provincie,
 * provincie → land, landsdeel → land; when the row names no such region, a
 * buurt's parent is WK + its first six digits and a wijk's GM + its first
 * four, and others have none.  (A province is not made the child of its
 * landsdeel: telling's tree is gemeente → provincie → land.)  Only codes
 * that look like CBS region codes are reported, each once, the first time
 * a row gives it a name or a parent; the classification year is the
 * metadata's, else 0.
 *
 * Errors (file:line:column and the offending text; the reader goes on):
 *   a row with another number of fields than the header, a period that is
 *   not a CBS year, quarter or month code, an empty region or dimension
 *   code — the row is skipped; a value in a numeric topic that is not a
 *   number (a text, a decimal comma, a JSON true) — only that cell is
 *   skipped, never made 0; a JSON row object without a member of the first
 *   row — that cell or row; malformed JSON — that row object.  Fatal: an
 *   empty file, an empty or repeated column name or one with a control
 *   character, broken JSON structure.
 *   Warnings: metadata ignored (above), topics missing from the metadata,
 *   members that the first JSON row lacked.
 *
 * Speed and memory: the CSV is streamed one record at a time, the JSON one
 * row object at a time; besides that the reader keeps the columns, the set
 * of region codes reported and the metadata.  RIVM's national file (17 341
 * rows × 35 numeric topics, 8.5 MB) reads in well under a second.
 *
 * Who frees what: nothing is allocated for the caller.  Every string handed
 * to the sink is borrowed, valid only during that callback (raw.h); the
 * in-memory text and metadata stay the caller's; entries added to errs are
 * freed with tl_errors_free().
 */
#ifndef TL_CBS_V3_H
#define TL_CBS_V3_H

#include <stddef.h>

#include "../core/err.h"
#include "cbs_meta.h"
#include "raw.h"

struct tl_cbs_v3_stats {
	size_t topics;         /* topics reported, String topics included */
	size_t string_topics;  /* … of which String topics (no cells) */
	size_t regions;        /* regions reported */
	long rows;             /* data rows read (blank CSV rows excluded) */
	long cells;            /* cells reported */
	long values;           /* … with a value */
	long provisional;      /* … with a value of a provisional period */
	long unknown;          /* … unknown: "." or null */
	long not_applicable;   /* … not applicable: "" */
	long bad_rows;         /* rows refused with an error (no cells) */
	long bad_cells;        /* cells refused with an error */
	int meta;              /* 1 when metadata described the columns */
};

/* Read the v3 CSV at path (metadata from its folder when there).  Returns
 * TL_OK; TL_ERR_INPUT when there were errors (all in errs; good rows were
 * still reported); TL_ERR_IO when the file cannot be read; or the negative
 * value a sink function returned to stop. */
int tl_read_cbs_v3_csv(const char *path, const struct tl_raw_sink *sink, tl_errors *errs);
/* The same, filling *stats (may be NULL; overwritten). */
int tl_read_cbs_v3_csv_stats(const char *path, const struct tl_raw_sink *sink,
			     struct tl_cbs_v3_stats *stats, tl_errors *errs);
/* The same over data[0..len) (borrowed), with metadata meta (borrowed; may
 * be NULL).  `name` is used in messages and for the table id. */
int tl_read_cbs_v3_csv_mem(const char *name, const char *data, size_t len, const tl_cbs_meta *meta,
			   const struct tl_raw_sink *sink, struct tl_cbs_v3_stats *stats,
			   tl_errors *errs);

/* Read the v3 JSON page at path; as tl_read_cbs_v3_csv. */
int tl_read_cbs_v3_json(const char *path, const struct tl_raw_sink *sink, tl_errors *errs);
int tl_read_cbs_v3_json_stats(const char *path, const struct tl_raw_sink *sink,
			      struct tl_cbs_v3_stats *stats, tl_errors *errs);
int tl_read_cbs_v3_json_mem(const char *name, const char *data, size_t len, const tl_cbs_meta *meta,
			    const struct tl_raw_sink *sink, struct tl_cbs_v3_stats *stats,
			    tl_errors *errs);

/* 1 when head[0..n), the first bytes of a file, is a v3 CSV header:
 * ';'-separated, first column "ID", every column name a plain identifier,
 * at least one topic ("…_<digits>"). */
int tl_sniff_cbs_v3_csv(const char *head, size_t n);
/* 1 when head is a v3 data page in JSON (tl_cbs_json_sniff). */
int tl_sniff_cbs_v3_json(const char *head, size_t n);

#endif
