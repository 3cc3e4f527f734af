/*
 * statfile — recognise a statistics file by its structure and import it.
 *
 * tl_format_detect() looks at a file's first bytes (or a folder's files) and
 * names its format — never guessing: a file that matches no reader's sniffer
 * is TL_FORMAT_UNKNOWN and is refused with a message.  tl_import_path()
 * imports a file, or every file of a folder in name order, into a store:
 * long observation CSVs through obs_import.c, everything else through its
 * reader and the agenda's import specs (mapper.h).  The caller owns the
 * transaction; nothing is committed here.
 */
#ifndef TL_STATFILE_H
#define TL_STATFILE_H

#include "../store/store.h"
#include "mapper.h"
#include "raw.h"

enum tl_format tl_format_detect(const char *path, tl_errors *errs);

struct tl_import_opts {
	int add_regions; /* register the regions a file describes (national tables) */
	int progress;    /* a progress line on stderr (main sets it when stderr is a terminal) */
};

struct tl_path_stats {
	int files;
	long rows;           /* long-CSV rows */
	struct tl_mapper_stats cells; /* summed over statistics files (table = last one) */
	long observations;   /* written, all files */
};

/* Import path (file or folder) against agenda m (its specs and regions).
 * Each file gets its own import record.  Returns < 0 on any error; errors
 * name file:line:column. */
int tl_import_path(tl_store *st, const struct tl_model *m, const char *path,
		   const struct tl_import_opts *o, struct tl_path_stats *stats, tl_errors *errs);

#endif
