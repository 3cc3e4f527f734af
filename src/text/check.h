/*
 * check — verifies an annual report's text against its data: `telling check`.
 *
 * Annual reports are full of figures typed by hand that drift from the
 * data.  The checker reads the text with prose.h and reports, as
 * file:line:column with the text quoted, what the data (or plain
 * arithmetic) say and a suggested fix:
 *
 *   rule 2 "number"       a typed figure next to a binding, or near an
 *                         indicator it plausibly refers to, that the data
 *                         contradict — allowing for rounding and for "bijna",
 *                         "ruim", "iets meer dan een kwart", "één op de tien" …
 *   rule 3 "parts"        parts that do not add up to their total: "42 …,
 *                         waarvan 31 … en 12 …", "12 leden: 4 … en 9 …",
 *                         "25 …, twee in iedere gemeente" (12 gemeenten),
 *                         "vijf initiatieven: A, B, C en D", "alle elf gemeenten"
 *   rule 4 "claim"        "stijgt", "neemt af", "hoger dan landelijk", "gelijk
 *                         aan het landelijk gemiddelde", "Emmen scoort
 *                         ongunstig" against the series, where the claim can
 *                         be tied to an indicator (a binding in the sentence,
 *                         the indicator's title words, or the chart placed
 *                         right after the paragraph)
 *   rule 5 "date"         a weekday that does not match its date; a date
 *                         that does not exist; a target date that passed
 *                         before the report year without a word on the
 *                         result; a date well after the report year told
 *                         in the past tense
 *   rule 6 "target"       a target without a figure ("substantieel
 *                         gestegen"), without a baseline or a deadline, or
 *                         behind the straight line from baseline to target
 *   rule 7 "form"         a paragraph printed twice; links to "" or "#", and
 *                         story links ("verhalen/x.html") to no published story;
 *                         a programme name with its words in another order;
 *                         numbers in English notation ("€ 750,000,-",
 *                         "1,234.5"); one quoted name spelt two ways
 *   rule 8 "consistency"  the same quantity stated twice with different
 *                         values (a pilot's participants, a start year), and
 *                         contradicting direction claims about one indicator
 *   rule 1 "stale"        a bound figure that the data changed since its text
 *                         was accepted (`telling check --accept` stores what
 *                         each binding printed; opts->accepted gives it back):
 *                         "it showed 74,2% (2024), now 75,0% (2025)"
 *
 * Findings are errors (the text contradicts the data or itself) or warnings
 * (doubtful: the tie to an indicator is indirect, or the words are vague).
 * Precision comes before recall: when the checker cannot tell what a figure
 * refers to, it stays silent.  The `field` of each finding is the rule name
 * above ("parts", "date", …), so callers can filter.  Error messages start
 * with "error: " so that tl_errors_print() gives
 *     chapters/naoberschap.md:51:79: error: "42 initiatieven, waarvan 31 … en 12 …": …
 *     chapters/naoberschap.md:15:311: warning: "bijna 70 procent" (…): …
 * Positions are of the start of the quoted text, lines and columns counted
 * in characters as in chapter.h.  Messages are English; figures in them are
 * formatted for opts->lang.
 *
 * Memory: each call works in a private arena freed before it returns; the
 * only thing left behind is the findings appended to the caller's tl_errors
 * (copied, so they outlive the model and the text).  Findings of one call
 * are in text order: by chapter, line, column.  A tl_errors keeps 100
 * entries by default; raise its `limit` for a whole report (findings over
 * the limit are still counted, as tl_errors does).
 *
 * Nothing here prints or exits, and the model is only read.  docs/check.md
 * lists every rule with a hit and a near-miss and how to silence a finding.
 */
#ifndef TL_CHECK_H
#define TL_CHECK_H

#include <stddef.h>

#include "../core/err.h"
#include "../core/fmt.h"
#include "../model/model.h"

/* A target as rule 6 judges it.  The caller passes the agenda's structured
 * targets in opts->targets (any field may be missing); the check adds the
 * ones it finds in the text ("Het doel is om aan het einde van 2026 25
 * zorgzame gemeenschappen te hebben").  Both are judged alike. */
struct tl_check_target {
	const char *name; /* what is to be reached, for messages */
	const char *file; /* where it is stated, for positions; NULL = the agenda */
	unsigned line, col;
	int has_target;
	double target;
	int has_baseline;
	double baseline;
	int baseline_year, baseline_month; /* 0 = not given */
	int deadline_year, deadline_month; /* 0 = no deadline; month 0 = end of the year */
	int has_progress;                  /* the latest measurement */
	double progress;
	int progress_year, progress_month;
	int vague;           /* words promise a change without a figure: "substantieel" */
	int result_reported; /* the text says whether it was reached */
};

struct tl_check_opts {
	enum tl_lang lang; /* how figures in messages are formatted */
	int report_year;   /* for dates without a year; 0 = the agenda's report_year */
	/* Rule 1: the bound figures as last accepted (from the store); NULL when
	 * never accepted, and then rule 1 is silent. */
	const struct tl_accepted *accepted;
	size_t n_accepted;
	/* Rule 7: the slugs of the published stories, for links to
	 * "verhalen/<slug>.html"; with know_stories 0 the model's published
	 * stories are used, and without a model such links are not judged. */
	const char *const *stories;
	size_t n_stories;
	int know_stories;
	/* Rule 6: structured targets; none = the model's own (report.yml). */
	const struct tl_check_target *targets;
	size_t n_targets;
};

/* Check one chapter (Markdown with bindings) against the model (m must not
 * be NULL; a chapter without markdown has nothing to check).  Binding errors
 * of the chapter itself (unknown indicator …) are reported too.  Findings are
 * appended to `out` with the chapter's path; the caller frees them with
 * tl_errors_free().  Returns the number of errors (not warnings) added. */
int tl_check_chapter(const struct tl_model *m, const struct tl_chapter *ch,
		     const struct tl_check_opts *o, tl_errors *out);

/* Check every chapter of the model, plus the rules that look across
 * chapters (a paragraph printed twice, the same quantity stated twice).
 * Returns the number of errors added. */
int tl_check_model(const struct tl_model *m, const struct tl_check_opts *o, tl_errors *out);

/* Check a plain-text or Markdown report that has no bindings (name is the
 * file name used in positions; text need not be NUL-terminated).  m may be
 * NULL: then only the rules that need no data run (parts and totals, dates,
 * form, consistency); with a model, figures and claims are tied to
 * indicators by their title words, and the number of municipalities comes
 * from the model.  Returns the number of errors added. */
int tl_check_text(const char *name, const char *text, size_t len, const struct tl_model *m,
		  const struct tl_check_opts *o, tl_errors *out);

/* The value and year bindings of every chapter as the report prints them
 * now (figures in Dutch notation), one per chapter and canonical binding,
 * for the store to keep as accepted.  In `a`; *n set. */
struct tl_accepted *tl_check_bound_values(const struct tl_model *m, tl_arena *a, size_t *n);

#endif
