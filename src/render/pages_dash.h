/*
 * pages_dash — the dashboard pages telling serve adds to the report: the
 * indicator explorer (one indicator, several regions, a range of years),
 * compare (two regions, or one region in two years, indicator by
 * indicator) and search (themes, goals, indicators, instruments, stories,
 * regions).
 *
 * Same rules as pages.h: one entry function per page, the report's chrome
 * from layout.h (root "/"), every byte through html.h, charts through
 * chart.h.  The server parses and checks the query string (web/server.c)
 * and hands over only known slugs and codes; what was wrong with the
 * request comes as errs and is shown above the form.  Every page works
 * without JavaScript: its form is a GET form that reloads the page.
 *
 * They read the live model, like the JSON API: current figures, published
 * stories only, names of people without consent withheld.
 */
#ifndef TL_PAGES_DASH_H
#define TL_PAGES_DASH_H

#include "../core/buf.h"
#include "../core/err.h"
#include "layout.h"

#define TL_DASH_MAX_REGIONS 6
#define TL_DASH_MAX_QUERY 100 /* bytes of a search text */

/* What a dashboard page was asked, checked (NULL / 0 = not given). */
struct tl_dash_query {
	const char *theme;     /* theme slug: limits the indicators */
	const char *indicator; /* explorer: the indicator shown */
	const char *regions[TL_DASH_MAX_REGIONS]; /* explorer: region codes */
	size_t n_regions;      /* 0 = the agenda's focus and national regions */
	int from, to;          /* explorer: years, inclusive */
	const char *left, *right; /* compare: region codes */
	int left_year, right_year; /* compare: 0 = the latest year both sides have */
	const char *q;         /* search: the text, at most TL_DASH_MAX_QUERY bytes */
	/* After a publication the dashboard still shows the current data (see
	 * docs/architecture.md, "After a publication"), and says so:
	 * published_at is when the report in effect was published (NULL before
	 * the first), in_report(in_report_ctx, path) whether that report has a
	 * page (path without the leading '/'); a search hit whose page it lacks
	 * is shown without its link.  in_report NULL: every page exists. */
	const char *published_at;
	int (*in_report)(void *ctx, const char *path);
	void *in_report_ctx;
};

/* /verkennen: the form, then the chosen indicator as a line chart (yearly
 * figures) and a table (every period) for the regions; without an
 * indicator, the indicators (of the theme) with their latest figure for
 * the focus region, each linking to its view. */
void tl_page_explore(tl_buf *b, const struct tl_page *p, const struct tl_dash_query *q,
		     const tl_errors *errs);

/* /vergelijken: the form, then per indicator (of the theme) the left and
 * right figure in the chosen or latest common year, the difference and how
 * it reads through the indicator's polarity. */
void tl_page_compare(tl_buf *b, const struct tl_page *p, const struct tl_dash_query *q,
		     const tl_errors *errs);

/* /zoeken: the form, then what matches q (case and accents ignored), by
 * kind, each with a link to its page in the report (none when the
 * published report lacks it: it came later). */
void tl_page_search(tl_buf *b, const struct tl_page *p, const struct tl_dash_query *q,
		    const tl_errors *errs);

/* Fold s for matching: ASCII letters lower-cased, the accented Latin
 * letters Dutch uses (é, ë, ï, ö, ü, á, à, è, ê, ó, ú, ç, ñ …) to their
 * base letter, everything else byte for byte.  Appends to out. */
void tl_dash_fold(const char *s, tl_buf *out);

#endif
