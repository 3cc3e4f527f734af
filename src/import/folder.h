/*
 * folder — loads a whole agenda folder into a store, all or nothing.
 *
 * `telling init FOLDER --db FILE`: agenda.yml and its chapters (agenda.h),
 * report.yml and its stories (report.h),
 * then every CSV file in data/, in name order (obs_import.h), all in one store
 * transaction.  Any error anywhere rolls everything back: the store is left
 * exactly as it was.  The framework in the store is replaced by the
 * folder's; observations from the folder's files replace earlier values of
 * the same cells, and with `replace_data` all earlier observations go first.
 */
#ifndef TL_FOLDER_H
#define TL_FOLDER_H

#include "../core/err.h"
#include "../store/store.h"

struct tl_folder_stats {
	size_t themes, goals, indicators, regions, groups, chapters;
	size_t instruments, grants, targets, stories, next_steps; /* report.yml, stories/ */
	size_t files;
	long rows, observations;
};

int tl_folder_load(tl_store *st, const char *dir, int replace_data, struct tl_folder_stats *stats,
		   tl_errors *errs);

#endif
