/*
 * report — reads the annual report's content from an agenda folder:
 * report.yml (instruments with their grants and stated totals, targets,
 * next steps, the list of stories) and stories/NAME.md (a story: YAML front
 * matter between "---" lines, then Markdown).  See model/report.h for what
 * they become and docs/agenda-format.md for the format.
 *
 * Like agenda.h: every problem is reported as file:line:column with the key
 * concerned, all problems are collected, and nothing is written anywhere —
 * the model (already holding the framework from agenda.yml, whose themes,
 * goals and regions are the references checked) is filled only on success.
 */
#ifndef TL_IMPORT_REPORT_H
#define TL_IMPORT_REPORT_H

#include <stddef.h>

#include "../core/err.h"
#include "../model/report.h"

/* Parse report.yml text into m (name for messages).  The stories it lists
 * get slug and path (their file name) only.  0 or < 0 with errors. */
int tl_report_parse(const char *name, const char *text, size_t len, struct tl_model *m,
		    tl_errors *errs);

/* Parse one story file into s (s->slug already set); instruments are
 * checked against m->instruments. */
int tl_story_parse(const char *name, const char *text, size_t len, const struct tl_model *m,
		   struct tl_story *s, tl_errors *errs);

/* Read DIR/report.yml when it exists, and every story it lists from
 * DIR/stories/.  A story file that is not listed gives a warning.  No
 * report.yml: nothing to do (0). */
int tl_report_load(const char *dir, struct tl_model *m, tl_errors *errs);

#endif
