/*
 * agenda — reads an agenda folder's framework: agenda.yml and the chapter files.
 *
 * The parser checks everything a policy team can get wrong in agenda.yml —
 * unknown keys (typos), missing fields, duplicate slugs or goal numbers,
 * references to themes, goals and regions that do not exist — and reports
 * each as file:line:column with the key concerned, collecting all problems
 * rather than stopping at the first.  Nothing is written anywhere: the
 * result is a model (without observations) in the caller's arena.
 *
 * Loading a folder into a store, data files included, is folder.h's job.
 * The format is documented in docs/agenda-format.md.
 */
#ifndef TL_AGENDA_H
#define TL_AGENDA_H

#include <stddef.h>

#include "../core/arena.h"
#include "../core/err.h"
#include "../model/model.h"

/* Parse agenda.yml text (name is used in messages).  Chapters listed in it
 * are recorded with path = their file name and markdown = NULL.  Returns 0
 * with *out set, or < 0 with errors in errs (and *out NULL). */
int tl_agenda_parse(const char *name, const char *text, size_t len, tl_arena *a,
		    struct tl_model **out, tl_errors *errs);

/* Read DIR/agenda.yml and every chapter it lists from DIR/chapters/.  A
 * chapter file that is not listed gives a warning. */
int tl_agenda_load(const char *dir, tl_arena *a, struct tl_model **out, tl_errors *errs);

/* Parse an import spec file (docs/agenda-format.md, "Import specs in a file
 * of their own"): `imports:` — entries with an `indicator` of `agenda` and
 * the keys of an indicator's import spec — and `mergers:` as in agenda.yml.
 * The result is a copy of `agenda` (in a; the agenda is not changed) whose
 * indicators have the file's specs after their own and whose mergers
 * include the file's.  Errors name file:line:column. */
int tl_spec_parse(const char *name, const char *text, size_t len, const struct tl_model *agenda, tl_arena *a,
		  struct tl_model **out, tl_errors *errs);

/* Words that cannot be indicator slugs because chapter bindings use them. */
int tl_agenda_is_keyword(const char *word);

/* Largest agenda.yml or chapter file we read (bytes). */
#define TL_AGENDA_MAX_FILE (16u * 1024 * 1024)

#endif
