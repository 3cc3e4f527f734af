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

#include "../core/buf.h"
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

/* ---- One page at a time (the static build and telling serve) -----------
 *
 * A tl_site is a model with every chapter parsed.  It lives in the model's
 * arena (borrowed) and so does everything rendering allocates: rendering is
 * not thread-safe; a server renders under one lock per model and caches. */
typedef struct tl_site tl_site;

/* Parse every chapter of m.  TL_ERR_INPUT (errors in errs) when a binding
 * or chart refers to something the agenda does not declare. */
int tl_site_open(const struct tl_model *m, enum tl_lang lang, tl_site **out, tl_errors *errs);
/* Every page and download of the site, relative paths in build order
 * ("index.html", "naoberschap.html", "rapport.html", "data/x.csv").  Borrowed. */
size_t tl_site_paths(const tl_site *s, const char *const **paths);
/* Pages rendered from now on link to the dashboard of telling serve (1) or
 * not (0, the default: the static build's bytes). */
void tl_site_set_served(tl_site *s, int served);
/* Render one path into b.  TL_ERR_NOTFOUND (nothing written) for a path
 * that is not part of the site.  Binding warnings go to errs. */
int tl_site_render(const tl_site *s, const char *path, tl_buf *b, tl_errors *errs);
/* Content type for a site path, by its extension. */
const char *tl_site_content_type(const char *path);
/* Read stylesheet `name` ("nlds.css") from assets_dir into a; TL_ERR_NOTFOUND
 * for a name that is not one of the site's assets. */
int tl_site_asset(const char *assets_dir, const char *name, tl_arena *a, char **data, size_t *len,
		  tl_errors *errs);

/* The whole site into outdir: every tl_site_paths() entry rendered by
 * tl_site_render(), and the assets. */
int tl_site_build(const struct tl_model *m, const char *outdir, const struct tl_site_opts *o,
		  struct tl_site_stats *stats, tl_errors *errs);

#endif
