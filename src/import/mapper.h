/*
 * mapper — turns a statistics file's raw cells into an agenda's observations.
 *
 * A reader (raw.h) streams cells as the source has them; the mapper keeps
 * those that an indicator's import specs ask for (topic, table, fixed
 * dimension codes), scales them, checks their region against the agenda
 * (or, with add_regions, registers the regions the file describes), and
 * writes them to the store under one import id.  It counts every cell it
 * skips by reason, so an import can say what it did.  When the file is read,
 * tl_mapper_finish() verifies the specs' topic keys against the topics the
 * table has, naming the nearest keys when one is missing (CBS renumbers the
 * "_N" suffix between table versions).
 *
 * Every region code the file names goes to the store's region register (the
 * whole country, old municipalities included), with its name cleaned of
 * CBS's " (PV)" suffixes and the first and last year it has a figure; the
 * agenda's own regions are never renamed.  Municipal mergers (m->mergers)
 * are applied per cell: with action map the figures of predecessors for
 * periods before the merger are summed onto the successor (tl_merger_maps
 * says for which indicators); otherwise the series is left broken there and
 * the analysis does not compare across it.
 *
 * The caller owns the store transaction (and rolls back for a dry run).
 */
#ifndef TL_MAPPER_H
#define TL_MAPPER_H

#include <stdint.h>

#include "../store/store.h"
#include "raw.h"

/* What one import run (a file or a folder, in one transaction) remembers
 * across its files: the regions it added to the agenda and the codes it
 * named.  Without it every file of a folder added the same regions again
 * and the summary counted them once per file.  Owned by the caller. */
typedef struct tl_mapper_run tl_mapper_run;
tl_mapper_run *tl_mapper_run_new(void);
void tl_mapper_run_free(tl_mapper_run *run);

struct tl_mapper_opts {
	int add_regions;  /* register regions the file describes that the agenda lacks */
	int progress;     /* show a progress line on stderr (the caller checks it is a terminal) */
	tl_mapper_run *run; /* the run this file is part of (borrowed), or NULL: a run of its own */
};

struct tl_mapper_stats {
	long rows;           /* lines of the file that hold value cells (a row, a JSON object) */
	long cells;          /* value cells the reader reported */
	long observations;   /* written */
	long missing;        /* of which without a value (unknown, missing, not applicable) */
	long skip_topic;     /* no spec asks for this topic */
	long skip_dims;      /* a spec's topic, but other dimension codes (age group, margin…) */
	long skip_table;     /* a spec's topic, but for another table */
	long skip_region;    /* region not in the agenda (and not added) */
	long skip_period;    /* the table has no period */
	long regions_added;  /* added to the agenda's regions (add_regions), not by an earlier file of the run */
	long regions_seen;   /* distinct region codes the file names, not named by an earlier file of the run */
	long regions_registered; /* of which new to the region register */
	long groups_registered;  /* groups of a region code list (v4 RegioSGroups) put in the register */
	long merged_cells;   /* predecessor cells mapped onto a successor (merger action map) */
	long merged_obs;     /* successor observations written from them */
	long skip_merged;    /* a successor's own cell before its merger, replaced by the mapped figure */
	long mergers_applied; /* mergers that mapped at least one figure */
	long mergers_broken;  /* mergers whose successor has figures on both sides (series broken there) */
	char table[64];      /* table id the reader reported, "" when none */
};

typedef struct tl_mapper tl_mapper;

/* m: the agenda (borrowed; its indicators' specs and regions are used).
 * file: the name used in messages. */
tl_mapper *tl_mapper_new(tl_store *st, const struct tl_model *m, const char *file, int64_t import_id,
			 const struct tl_mapper_opts *o, tl_errors *errs);
/* The sink to hand to a reader.  Borrowed: valid until tl_mapper_free. */
const struct tl_raw_sink *tl_mapper_sink(tl_mapper *mp);
/* Verify topic keys; fill stats.  Returns < 0 when a spec's topic is
 * missing from the table (errors name the nearest keys). */
int tl_mapper_finish(tl_mapper *mp, struct tl_mapper_stats *stats);
void tl_mapper_free(tl_mapper *mp);

/* Specs that apply to a file: 1 when any indicator of m has one. */
int tl_model_has_imports(const struct tl_model *m);

#endif
