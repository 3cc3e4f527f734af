/*
 * export — writes a model back out as an agenda folder.
 *
 * `telling export --db FILE -o DIR`: agenda.yml (agenda, themes and goals,
 * indicators with their import specs, regions, region groups, chapters),
 * chapters/NAME.md, data/observations.csv (every observation in the long
 * format, values written so that they read back to the same number),
 * report.yml and stories/NAME.md.  Loading the folder with `telling init`
 * gives the same store and the same report: export is the inverse of
 * folder.h, and a test holds it to that.
 *
 * An export is the editors' own copy of everything in the store, including
 * unpublished stories and people who did not consent to be named: it is not
 * a publication (see docs/agenda-format.md).
 */
#ifndef TL_EXPORT_H
#define TL_EXPORT_H

#include "../core/err.h"
#include "../model/report.h"

struct tl_export_stats {
	size_t files;
	size_t observations;
};

/* Write m into dir (created when missing; the files it writes are
 * replaced, other files are left alone).  0 or < 0 with errors. */
int tl_export_folder(const struct tl_model *m, const char *dir, struct tl_export_stats *stats,
		     tl_errors *errs);

/* The shortest decimal text (point, no exponent) that tl_parse_decimal
 * reads back as exactly v, into out (at least 48 bytes). */
void tl_export_number(double v, char *out, size_t n);

#endif
