/*
 * cbs_meta — CBS table metadata (OData v3 JSON and the metadata CSV), and
 * the pieces that every CBS reader shares.
 *
 * A CBS table comes with metadata that says what its columns are:
 *     DataProperties.json  one object per column: Type (Dimension,
 *                          GeoDimension, GeoDetail, TimeDimension, Topic,
 *                          TopicGroup), Key, Title, Unit, Decimals,
 *                          Datatype (Double, Long, String …), MapYear;
 *     TableInfos.json      one object: Identifier ("85984NED"), Title, …;
 *     Perioden.json        the period code list: Key, Title, Status
 *                          (Definitief, Voorlopig, Nader voorlopig);
 *     <id>_metadata.csv    the same in one ';'-separated file of sections,
 *                          each a line with the section's name and then a
 *                          header row and rows: TableInfos, DataProperties,
 *                          one code list per dimension (Key;Title;Description,
 *                          the time dimension adds Status).  The code list
 *                          of the geo dimension (RegioS) is a region
 *                          register: every region of the table's
 *                          classification.  Texts hold newlines in quotes.
 * The JSON files come either as an OData page ({"odata.metadata":…,
 * "value":[…]}) or as a plain array (as cbsodata saves them).
 *
 * This module
 *   - reads that metadata into a tl_cbs_meta, which the OData v3 readers
 *     (cbs_v3.h) use instead of guessing column types, units and period
 *     statuses;
 *   - reports it through a tl_raw_sink (tl_read_cbs_meta_json/_csv): the
 *     table, every Topic (in file order; TopicGroups and dimensions are not
 *     topics), and for the metadata CSV every region of the geo section;
 *   - holds what the CBS readers share: region-code helpers and a streaming
 *     reader of OData v3 JSON pages (tl_cbs_json_each), which hands out one
 *     element object of "value" at a time, parsed by jansson, with the
 *     line and column of the object and of each of its member values.
 *
 * Regions of the metadata CSV (tl_read_cbs_meta_csv): code trimmed ("NL01  "
 * → "NL01"); level from the code's prefix (NL land, LD landsdeel, PV
 * provincie, CR corop, GM gemeente, WK wijk, BU buurt, WP woonplaats; NULL
 * for AM, GG, … which telling has no level for); name = Title without the
 * suffix CBS adds for that level — " (PV)", " (LD)", " (CR)", " (gemeente)"
 * — so "Drenthe (PV)" → "Drenthe", "Groningen (gemeente)" → "Groningen",
 * but "Bergen (NH.)" stays and so does "Drenthe (AM)" (without a level the
 * suffix is all that tells it from the province); parent: the section's
 * land region (NL01) for provinces and landsdelen, NULL for the rest (the
 * file has no groups: which province a gemeente lies in is not said);
 * classification year: the geo dimension's MapYear when DataProperties has
 * one, else a year stated with "indeling" in the table's Title,
 * ShortDescription or Description ("regio (indeling 2023)", "Peildatum voor
 * de gemeentelijke indeling is 1 januari 2025"), else 0.
 *
 * Errors (file:line:column and the offending text; the readers go on with
 * the next row or object): a row with another number of fields than its
 * section's header, a Decimals that is not a small whole number, an empty
 * region code, an unknown period Status (a warning), malformed JSON (with
 * jansson's position inside the object translated to the file), an element
 * of "value" that is not an object.  A JSON document whose structure is
 * broken outside the objects ends the read.
 *
 * Memory: the CSV and JSON inputs are streamed; a tl_cbs_meta holds the
 * properties and period statuses (small), never the region register.  Who
 * frees what: tl_cbs_meta_* loaders return a tl_cbs_meta the caller frees
 * with tl_cbs_meta_free(); strings it hands out are borrowed from it.
 * Everything handed to a sink or a tl_cbs_json_fn is borrowed, valid only
 * during that callback; entries added to errs are freed with
 * tl_errors_free().  Nothing here prints or exits.
 */
#ifndef TL_CBS_META_H
#define TL_CBS_META_H

#include <jansson.h>
#include <stddef.h>
#include <stdio.h>

#include "../core/err.h"
#include "raw.h"

/* ---- Region codes and table ids ------------------------------------------ */

/* The level word of a region code's prefix: "gemeente" for GM0106, "land"
 * for NL01, "woonplaats" for WP1925 …; NULL when telling has no level for
 * the prefix (AM, GG, …) or s is not a region code.  s need not be
 * NUL-terminated after its first two bytes; n is its length. */
const char *tl_cbs_region_level(const char *s, size_t n);
/* 1 when s[0..n) looks like a CBS region code: a known two-letter prefix
 * (NL LD PV CR GM WK BU WP AM GG JZ VR ZK RE) and 2..10 digits or capitals
 * starting with a digit. */
int tl_cbs_region_code_like(const char *s, size_t n);
/* The length of title without the suffix CBS adds for `level` (" (PV)" for
 * provincie, " (LD)", " (CR)", " (gemeente)"); strlen(title) when it has
 * none or level is NULL. */
size_t tl_cbs_region_name_len(const char *title, const char *level);
/* The CBS table id a file name starts with — five digits and three letters
 * ("70072ned_UntypedDataSet_….csv", "84489NED_TypedDataSet.json"), followed
 * by '_', '.', '-' or the end — as a pointer into path's last component;
 * NULL when there is none.  *n is set to 8. */
const char *tl_cbs_table_id(const char *path, size_t *n);

/* ---- Streaming OData v3 JSON pages ---------------------------------------- */

/* One element object of a page's "value" array (or of a plain top-level
 * array).  Everything is borrowed, valid only during the callback. */
struct tl_cbs_json_obj {
	json_t *obj;            /* the object, parsed by jansson (member order kept) */
	unsigned line, col;     /* where its '{' stands (1-based; columns count characters) */
	const unsigned *vline;  /* per member, in order: where its value starts … */
	const unsigned *vcol;
	size_t nmembers;        /* … (the length of vline and vcol) */
	long index;             /* 0-based position in the array */
	const char *odata_metadata; /* the page's "odata.metadata" URL when it came
				     * before "value"; NULL otherwise */
};

/* Return 0 to go on, < 0 to stop (tl_cbs_json_each then returns that value). */
typedef int (*tl_cbs_json_fn)(void *ctx, const struct tl_cbs_json_obj *o);

/* The largest element object read (bigger ones end the read with an error). */
#define TL_CBS_JSON_MAX_OBJECT (16u << 20)

/*
 * Stream the element objects of a JSON document of the form
 *     {"odata.metadata": …, "value": [ {…}, {…} ], "odata.nextLink": …}
 * or [ {…}, {…} ] to fn, one at a time, from f (borrowed, read to its end)
 * or, when f is NULL, from data[0..len) (borrowed).  A UTF-8 BOM is skipped.
 * An object that jansson refuses is reported (at its position in the file)
 * and skipped, as is an element that is not an object; broken structure
 * outside the objects (no "value" array, text after the document, an
 * unterminated array, an object over TL_CBS_JSON_MAX_OBJECT bytes) ends the
 * read.  Returns 0 when the whole document was read (row errors may have
 * been added to errs), TL_ERR_INPUT after a structural error, TL_ERR_IO
 * after a read error, or the value with which fn stopped.  `name` is used
 * in messages.
 */
int tl_cbs_json_each(const char *name, FILE *f, const char *data, size_t len, tl_cbs_json_fn fn,
		     void *ctx, tl_errors *errs);

/* What the first bytes of a JSON file are: an OData v3 data page
 * (odata.metadata names TypedDataSet or UntypedDataSet, or, without it, the
 * first object has an ID and a "…_<digits>" topic), metadata (see
 * tl_sniff_cbs_meta_json), or neither.  The first element object must be
 * complete in head[0..n). */
enum { TL_CBS_JSON_NONE = 0, TL_CBS_JSON_DATA = 1, TL_CBS_JSON_META = 2 };
int tl_cbs_json_sniff(const char *head, size_t n);

/* ---- Metadata --------------------------------------------------------------- */

enum tl_cbs_kind {
	TL_CBS_TOPIC = 0,
	TL_CBS_DIMENSION, /* Dimension */
	TL_CBS_GEO,       /* GeoDimension or GeoDetail */
	TL_CBS_TIME,      /* TimeDimension */
};

/* One column of the table as DataProperties describes it. */
struct tl_cbs_prop {
	const char *key;     /* "AantalInwoners_5", "WijkenEnBuurten" */
	const char *title;   /* NULL when empty */
	const char *unit;    /* NULL when empty */
	enum tl_cbs_kind kind;
	int decimals;        /* -1 when unknown */
	int numeric;         /* topics: 0 for Datatype String; dimensions: 0 */
	int map_year;        /* geo: MapYear, 0 when not given */
};

typedef struct tl_cbs_meta tl_cbs_meta;

/* A new, empty tl_cbs_meta (free with tl_cbs_meta_free). */
tl_cbs_meta *tl_cbs_meta_new(void);
/* Add the objects of one metadata JSON document (DataProperties, TableInfos
 * or a period code list — told apart per object by its members) from
 * data[0..len) (borrowed); `name` is used in messages.  Returns 0, or < 0
 * when the document could not be read (recorded). */
int tl_cbs_meta_add_json(tl_cbs_meta *m, const char *name, const char *data, size_t len,
			 tl_errors *errs);
/* The same from a file. */
int tl_cbs_meta_add_json_file(tl_cbs_meta *m, const char *path, tl_errors *errs);
/* Add a metadata CSV from data[0..len) (its regions are not kept). */
int tl_cbs_meta_add_csv(tl_cbs_meta *m, const char *name, const char *data, size_t len,
			tl_errors *errs);
/* The same from a file. */
int tl_cbs_meta_add_csv_file(tl_cbs_meta *m, const char *path, tl_errors *errs);

/* The metadata that sits next to a data file in folder `dir`: its
 * DataProperties.json (with TableInfos.json and the time dimension's code
 * list, e.g. Perioden.json, when present), else the metadata CSV
 * "<table_id>_metadata.csv" (table_id may be NULL: then none is looked for).
 * Returns NULL when there is none, or when it could not be read (recorded).
 * Caller frees with tl_cbs_meta_free(). */
tl_cbs_meta *tl_cbs_meta_beside(const char *dir, const char *table_id, tl_errors *errs);

/* The property with this key, or NULL. */
const struct tl_cbs_prop *tl_cbs_meta_prop(const tl_cbs_meta *m, const char *key);
/* Properties in file order (TopicGroups left out): count and i-th. */
size_t tl_cbs_meta_count(const tl_cbs_meta *m);
const struct tl_cbs_prop *tl_cbs_meta_at(const tl_cbs_meta *m, size_t i);
/* The table's id (NULL when unknown); *title (may be NULL) gets its title. */
const char *tl_cbs_meta_table(const tl_cbs_meta *m, const char **title);
/* The classification year of the table's regions, 0 when not stated. */
int tl_cbs_meta_year(const tl_cbs_meta *m);
/* The status of a period code in the time code list: 1 and *st set when it
 * is listed (Definitief → final, Voorlopig / Nader voorlopig →
 * provisional), 0 when it is not (or there is no list). */
int tl_cbs_meta_period(const tl_cbs_meta *m, const char *code, size_t n, enum tl_status *st);
/* Number of periods listed. */
size_t tl_cbs_meta_periods(const tl_cbs_meta *m);
/* NULL is a no-op. */
void tl_cbs_meta_free(tl_cbs_meta *m);

/* ---- Readers ---------------------------------------------------------------- */

/*
 * Report the metadata JSON at dir_or_file: a folder holding DataProperties.json
 * and/or TableInfos.json, or one of those files (its sibling is read too).
 * Reported: table (when TableInfos gives an Identifier), then every Topic of
 * DataProperties in order (key, title, unit, decimals, numeric = Datatype is
 * not String).  Returns TL_OK, TL_ERR_INPUT when there were errors,
 * TL_ERR_IO when nothing could be read, or a sink's negative value.
 */
int tl_read_cbs_meta_json(const char *dir_or_file, const struct tl_raw_sink *sink, tl_errors *errs);
/* The same from one document in memory (borrowed). */
int tl_read_cbs_meta_json_mem(const char *name, const char *data, size_t len,
			      const struct tl_raw_sink *sink, tl_errors *errs);
/*
 * Report the metadata CSV at path: table (TableInfos Identifier and Title),
 * every Topic (as above), then every region of the geo dimension's section
 * (see the top of this file), streamed.  Returns as above.
 */
int tl_read_cbs_meta_csv(const char *path, const struct tl_raw_sink *sink, tl_errors *errs);
/* The same from memory (borrowed). */
int tl_read_cbs_meta_csv_mem(const char *name, const char *data, size_t len,
			     const struct tl_raw_sink *sink, tl_errors *errs);

/* 1 when head[0..n), the first bytes of a file, is a metadata CSV: a first
 * line with only "TableInfos" (or "DataProperties") and then a header row
 * with Identifier or Key. */
int tl_sniff_cbs_meta_csv(const char *head, size_t n);
/* 1 when head is a metadata JSON document: an OData page whose
 * odata.metadata names DataProperties or TableInfos, or an array whose
 * first object has Type and Key (DataProperties) or Identifier and Title
 * (TableInfos). */
int tl_sniff_cbs_meta_json(const char *head, size_t n);

#endif
