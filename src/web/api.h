/*
 * api — the JSON API, /api/v1/…, read-only, from a model.
 *
 * Resources: agenda, themes, goals, indicators (and indicators/SLUG),
 * regions, groups, series.  Lists are paged (?limit=, default 100, at most
 * 1000; ?offset=) and answer {"items": […], "total", "limit", "offset",
 * "next"}.  series filters by ?indicator=, ?region= (repeatable), ?group=,
 * ?from= / ?to= (years or CBS period codes); series.csv is the same table as
 * CSV.  A bad parameter is a 400 with {"error": …, "parameter": …}; an
 * unknown resource a 404.  Documented with examples in docs/api.md.
 *
 * Pure: reads the model and the parsed query, writes the body into b.
 * Allocation in the request arena `a` only, so it is safe on any thread.
 */
#ifndef TL_API_H
#define TL_API_H

#include "../core/arena.h"
#include "../core/buf.h"
#include "../model/model.h"
#include "form.h"

/* Answer the resource `path` (what follows /api/v1/, e.g. "indicators").
 * Sets *content_type (static string) and returns the HTTP status. */
int tl_api_answer(const struct tl_model *m, const char *path, const struct tl_form *query,
		  tl_arena *a, tl_buf *b, const char **content_type);

#endif
