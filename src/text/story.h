/*
 * story — what a story may say about the people in it.
 *
 * A person without consent is never named in any output: tl_story_redact()
 * copies text with every occurrence of such a person's full name, and of
 * their first name on its own (interviews write "Emma:"), replaced by the
 * person's alias or "[naam weggelaten]" / "[name withheld]".  Matches are
 * whole words, case-sensitive (names are capitalised; "emma" inside another
 * word is not a name).  Names of people who consented stay as written.
 * An alias that opens a sentence (start of text, after . ! ? or a blank
 * line) gets a capital: "een moeder" becomes "Een moeder".
 */
#ifndef TL_STORY_H
#define TL_STORY_H

#include <stddef.h>

#include "../core/buf.h"
#include "../core/fmt.h"
#include "../model/report.h"

void tl_story_redact(const struct tl_story *s, const char *text, size_t n, enum tl_lang lang, tl_buf *out);

/* The people who may be named (consent given), into people[] (size
 * s->n_people); returns their number. */
size_t tl_story_named(const struct tl_story *s, const struct tl_person **people);

#endif
