/*
 * site — builds the static report site from a model.
 *
 * Writes, into outdir: index.html, one page per chapter, data/<indicator>.csv
 * and data/alle-cijfers.csv, and copies the stylesheets from assets_dir into
 * outdir/assets/.  Every chapter is parsed first; a binding or chart that
 * refers to something the agenda does not declare is an error and nothing is
 * written.  Bindings without data are warnings.  Files are written
 * atomically one by one.
 */
#ifndef TL_SITE_H
#define TL_SITE_H

#include "../core/err.h"
#include "../core/fmt.h"
#include "../model/model.h"

struct tl_site_stats {
	int pages;
	int charts;    /* indicator figures placed */
	int downloads;
	size_t bytes;  /* total bytes written */
};

int tl_site_build(const struct tl_model *m, const char *outdir, const char *assets_dir,
		  enum tl_lang lang, struct tl_site_stats *stats, tl_errors *errs);

#endif
