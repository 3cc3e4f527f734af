/*
 * site — builds the static report site from a model.
 *
 * Writes, into outdir: index.html, one page per chapter, a page per
 * municipality (gemeente/<code>.html) and per region group
 * (groep/<slug>.html), rapport.html (the whole report as one document, for
 * print; rapport.pdf with opts->pdf), data/<indicator>.csv and .json and
 * data/alle-cijfers.csv and .json, and copies the stylesheets from
 * assets_dir into outdir/assets/.  The same data give the same bytes.  Every chapter is parsed first; a binding or chart that
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

struct tl_site_opts {
	const char *assets_dir; /* where nlds.css and telling.css are */
	enum tl_lang lang;
	int pdf;                /* also print rapport.html to rapport.pdf (needs Chromium) */
};

int tl_site_build(const struct tl_model *m, const char *outdir, const struct tl_site_opts *o,
		  struct tl_site_stats *stats, tl_errors *errs);

#endif
