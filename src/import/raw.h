/*
 * raw — what every statistics reader hands on: cells as the source has them.
 *
 * A reader (CBS OData v3 / v4, StatLine CSV, RIVM, RMBW …) knows one file
 * format and nothing about agendas: it streams the file and reports, through
 * a tl_raw_sink, the table's topics (measures) as soon as it knows them, the
 * regions its code lists describe, and then one tl_raw_cell per value.  The
 * mapper (import/spec.c) decides which cells become which indicator's
 * observations, using the import specs of the agenda; the store writes them.
 * So a reader never sees the store, and the mapper never sees a file format.
 *
 * All strings in the structs are borrowed: valid only during the callback.
 * Codes are trimmed (CBS pads them: "GM0106    " arrives as "GM0106").
 * A sink function returns 0 to go on, or < 0 to stop the reader (which then
 * returns that value).  Readers report their own problems — a malformed row,
 * a number that is not a number — in errs with file:line:column and go on
 * with the next row where they can.
 */
#ifndef TL_RAW_H
#define TL_RAW_H

#include <stddef.h>

#include "../core/err.h"
#include "../model/model.h"

/* One non-region, non-period dimension of a cell: Leeftijd=20300, Marges=MW00000. */
struct tl_raw_dim {
	const char *key;  /* dimension key: "Leeftijd" */
	const char *code; /* trimmed code: "20300" */
};

/* A topic (v3) or measure (v4) or indicator column (RMBW) of the table. */
struct tl_raw_topic {
	const char *key;      /* "ErvarenGezondheidGoedZeerGoed_4", "M001924", "ExperiencedHealth" */
	const char *title;    /* may be NULL */
	const char *unit;     /* "%", "aantal", "x 1 000" … may be NULL */
	int decimals;         /* -1 when unknown */
	int numeric;          /* 0 for String topics (names, codes), which carry no values */
};

/* A region as a code list or the file itself describes it. */
struct tl_raw_region {
	const char *code;     /* "GM1680" */
	const char *name;     /* "Aa en Hunze" (without a "(PV)" suffix where the source adds one) */
	const char *level;    /* land, landsdeel, provincie, corop, gemeente, wijk, buurt, or NULL */
	const char *parent;   /* code, or NULL when the source does not say */
	int classification_year; /* 0 when unknown */
	const char *group;    /* the code list's group of the region ("GMPV22"), or NULL */
};

/* A group of a code list (v4 RegioSGroups.csv): "GMPV22" "Drenthe (PV)", parent "GMPV". */
struct tl_raw_group {
	const char *id;
	const char *title;
	const char *parent;    /* id of the enclosing group, or NULL */
	const char *dimension; /* "RegioS" */
};

struct tl_raw_cell {
	const char *table;    /* table id when known ("50090NED"), else NULL */
	const char *topic;    /* key of a topic reported before */
	const struct tl_raw_dim *dims; /* the cell's other dimensions */
	size_t n_dims;
	const char *region;   /* trimmed code, NULL when the table has no region dimension
	                       * or names regions only by label */
	const char *region_label; /* the label when the file has labels, not codes ("Drenthe (PV)");
	                           * the mapper resolves it through the region register */
	struct tl_period period;
	int has_period;       /* 0 when the table has no period dimension */
	double value;         /* meaningful when tl_status_has_value(status) */
	enum tl_status status; /* provisional from the period code list or '*', unknown for '.',
	                        * not-applicable for an empty cell */
	unsigned line, col;   /* where the value stands in the file (1-based) */
	const char *note;     /* why a value is missing, when the source rule says so
	                       * ("0 in de bron = geen waarde"); may be NULL */
	int national;         /* 1 when the source shows that the cell, without a region,
	                       * is a figure for the whole country (a table without a
	                       * region dimension), so the mapper may use the national region */
};

struct tl_raw_sink {
	void *ctx;
	/* The table's id and title, once, when the reader learns them (may not be called). */
	int (*table)(void *ctx, const char *id, const char *title);
	/* Every topic, before the first cell that uses it. */
	int (*topic)(void *ctx, const struct tl_raw_topic *t);
	/* Regions described by the file or its code lists (may not be called). */
	int (*region)(void *ctx, const struct tl_raw_region *r);
	/* Every value cell, in file order. */
	int (*cell)(void *ctx, const struct tl_raw_cell *c);
	/* Groups of a region code list, before the regions that name them (may not be called). */
	int (*group)(void *ctx, const struct tl_raw_group *g);
};

/* The file formats telling reads, told apart by structure (tl_format_detect). */
enum tl_format {
	TL_FORMAT_UNKNOWN = 0,
	TL_FORMAT_LONG_CSV,       /* our own: indicator,region,period,value[,status,source,note] */
	TL_FORMAT_CBS_V3_CSV,     /* OData v3 UntypedDataSet/TypedDataSet as CSV: "ID";dims…;topics… (also RIVM 50090NED) */
	TL_FORMAT_CBS_V3_JSON,    /* OData v3 TypedDataSet / UntypedDataSet as JSON ({"value":[…]}) */
	TL_FORMAT_CBS_V4_BULK,    /* OData v4 bulk download folder (Observations.csv + *Codes.csv) */
	TL_FORMAT_STATLINE_CSV,   /* StatLine download: title, filter and header lines, labels, footer */
	TL_FORMAT_RMBW_LONG,      /* indicator,statcode,statnaam,year,value */
	TL_FORMAT_RMBW_WIDE,      /* indicator,statcode,statnaam,Year2013,… */
	TL_FORMAT_CBS_META_JSON,  /* OData v3 DataProperties.json / TableInfos.json: topics, no cells */
	TL_FORMAT_CBS_META_CSV,   /* the multi-section metadata CSV (TableInfos, DataProperties, RegioS…) */
};

const char *tl_format_name(enum tl_format f);

#endif
