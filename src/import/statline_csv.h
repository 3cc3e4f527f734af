/*
 * statline_csv — reader for StatLine's "CSV met titels" download, the
 * titled, pivoted layout (family C of docs FORMATS §4), see raw.h.
 *
 * What such a file looks like (';', every field quoted, UTF-8 with or
 * without a BOM, CRLF or LF):
 *     "Regionale kerncijfers Nederland"                        title line
 *     ""                                                       blank lines
 *     "Perioden: 2017"                                         filter lines (optional)
 *     "Onderwerp";"Bevolking|…|Bevolkingsdichtheid";…          topic path per column
 *     "Regio's";"Nederland";"Groningen (PV)";…                 more column headers
 *     "Perioden";"aantal inwoners per km²";…                   unit row
 *     "2019";"513";"251";…                                     one row per row label
 *     "Bron: CBS"                                              footer
 * The header is found by structure, not by line number:
 *   - lines with one field before the header are the title (the first)
 *     and filter lines "Dimension: label" (a fixed coordinate of every
 *     cell; other single-field lines are notes and ignored);
 *   - the header block is every row from the first row with more than one
 *     field up to the first data row, and must hold the topic row, whose
 *     label cell is "Onderwerp" (or "Onderwerpen");
 *   - a data row is a row after the topic row whose value cells are all
 *     values (a number, ".", "x", "-", empty) and not all empty — except a
 *     "Perioden" row whose cells are all period labels, which is a header;
 *   - the label columns are those before the topic row's first topic path
 *     (usually one); the last header row is the unit row when it is not
 *     the topic row and its cells agree for every two columns of the same
 *     topic (a unit belongs to a topic; labels of a dimension do not); its
 *     label cells name the row dimensions ("Perioden");
 *   - every other header row is a column dimension, named by its label cell;
 *   - a row whose first field starts with "Bron:" or "©" is the footer:
 *     reading stops there.
 * A dimension named "Perioden" (or "Periode") has period labels: "2019",
 * "2019 1e kwartaal", "2019 januari", CBS codes ("2019JJ00"), with "*" or
 * "**" or "(voorlopig)" after them for provisional figures.  A dimension
 * named "Regio's", "Regio", "Gemeenten", "Wijken en buurten", "Provincies"
 * … (or any name starting with "Regio") has region labels.  Any other
 * dimension becomes a tl_raw_dim {its name, the label}.  An empty label in a
 * column header repeats the label to its left; an empty row label repeats
 * the one above (StatLine leaves repeated labels out in some exports).
 *
 * What is reported through the sink:
 *   table   the id the file name starts with ("70072ned_…csv" → "70072ned"),
 *           with the title line as title; not called when the name has no id;
 *   topic   each distinct topic path once, in column order, before any
 *           cell: key = the path as written
 *           ("Bevolking|Bevolkingssamenstelling op 1 januari|Bevolkingsdichtheid"),
 *           title = its last part, unit = the unit row's cell (NULL
 *           without one), decimals -1, numeric 1;
 *   cell    one per value cell: table, topic, region NULL and region_label
 *           the label as written ("Drenthe (PV)": the mapper resolves it
 *           through the region register), period, dims, value and status
 *           (a number → final, provisional when the period or the value is
 *           marked so ("513*"); "." → unknown; "x" → suppressed (geheim);
 *           "-" or "–" → 0 with the note "nihil" (CBS: the figure is nil);
 *           empty → not applicable), and the position of the value.
 * Numbers have no grouping; the decimal separator, comma or point, is
 * decided per file by the first value that has one; a value with the other
 * one is an error (the file mixes them), as is one with both.
 *
 * Not read: StatLine's long layout (family B: a single header row of
 * dimension labels and "Topic (unit)" columns, no title line).  No real
 * file of that layout is at hand to test against, so it is refused with a
 * message naming the layout rather than guessed at; the sniffer returns 0.
 *
 * Errors (file:line:column and the offending text; the reader goes on with
 * the next row): a row with another number of fields than the topic row, a
 * value that is not a number or a CBS symbol, a period label that is not a
 * period (the row, or that column, is skipped), an empty first row label.
 * Fatal: no topic row, no topic columns, an empty file.
 *
 * Memory: the header rows and one value per column are kept; data rows are
 * streamed.  Who frees what: nothing is allocated for the caller; every
 * string handed to the sink is borrowed, valid only during that callback;
 * the in-memory text stays the caller's; entries added to errs are freed
 * with tl_errors_free().
 */
#ifndef TL_STATLINE_CSV_H
#define TL_STATLINE_CSV_H

#include <stddef.h>

#include "../core/err.h"
#include "raw.h"

/* The note of a cell that held CBS's "nihil" sign. */
#define TL_STATLINE_NIHIL_NOTE "nihil (-) in de bron"

struct tl_statline_stats {
	size_t topics;        /* distinct topics reported */
	size_t columns;       /* value columns */
	size_t header_rows;   /* rows of the header block */
	long rows;            /* data rows (blank rows excluded) */
	long cells;           /* cells reported */
	long values;          /* … with a value */
	long provisional;     /* … provisional */
	long unknown;         /* … "." */
	long suppressed;      /* … "x" */
	long not_applicable;  /* … empty */
	long bad_rows;        /* rows refused with an error */
	long bad_cells;       /* cells refused with an error */
	char decimal;         /* ',' or '.', 0 when no value had a separator */
};

/* Read the StatLine CSV at path.  Returns TL_OK; TL_ERR_INPUT when there
 * were errors (good rows were still reported); TL_ERR_IO when the file
 * cannot be read; or the negative value a sink function returned. */
int tl_read_statline_csv(const char *path, const struct tl_raw_sink *sink, tl_errors *errs);
/* The same, filling *stats (may be NULL). */
int tl_read_statline_csv_stats(const char *path, const struct tl_raw_sink *sink,
			       struct tl_statline_stats *stats, tl_errors *errs);
/* The same over data[0..len) (borrowed); `name` is used in messages and for
 * the table id. */
int tl_read_statline_csv_mem(const char *name, const char *data, size_t len,
			     const struct tl_raw_sink *sink, struct tl_statline_stats *stats,
			     tl_errors *errs);

/* 1 when head[0..n), the first bytes of a file, is a titled StatLine CSV:
 * ';'-separated, optional single-field lines, then (within the first 32
 * records, before any data row) a row whose label cell is "Onderwerp". */
int tl_sniff_statline_csv(const char *head, size_t n);

#endif
