#include "story.h"

#include <string.h>

/* A byte that can be part of a word: letters, digits, and every byte of a
 * UTF-8 sequence (é, ë), so "Emma" in "Emmaüs" is not a match. */
static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
	       c == '-' || c == '_';
}

/* Length of the first word of a name ("Bram" of "Bram Geheim"), or 0 when
 * the name is one word (then the full name covers it). */
static size_t first_word(const char *name)
{
	const char *sp = strchr(name, ' ');
	return sp ? (size_t)(sp - name) : 0;
}

/* Does a name of length nl start at text[i] as a whole word? */
static int name_at(const char *text, size_t n, size_t i, const char *name, size_t nl)
{
	if (nl == 0 || i + nl > n || memcmp(text + i, name, nl) != 0)
		return 0;
	if (i > 0 && word_byte((unsigned char)text[i - 1]))
		return 0;
	return i + nl == n || !word_byte((unsigned char)text[i + nl]);
}

/* Does a sentence start at text[i]? Looking back over spaces, quotes and
 * emphasis marks we reach the start, a blank line or . ! ? */
static int sentence_start(const char *text, size_t i)
{
	int newlines = 0;
	while (i > 0) {
		char c = text[i - 1];
		if (c == '\n') {
			if (++newlines == 2)
				return 1;
		} else if (!strchr(" \t\r*_\"'(", c)) {
			return strchr(".!?", c) != NULL;
		}
		i--;
	}
	return 1;
}

/* Write an alias, with its first letter (after an opening bracket) in
 * capitals when it opens a sentence: "een moeder" becomes "Een moeder". */
static void put_alias(tl_buf *out, const char *alias, int capital)
{
	size_t k = alias[0] == '[' ? 1 : 0;
	if (!capital || alias[k] < 'a' || alias[k] > 'z') {
		tl_buf_puts(out, alias);
		return;
	}
	tl_buf_put(out, alias, k);
	tl_buf_putc(out, (char)(alias[k] - 'a' + 'A'));
	tl_buf_puts(out, alias + k + 1);
}

void tl_story_redact(const struct tl_story *s, const char *text, size_t n, enum tl_lang lang, tl_buf *out)
{
	const char *withheld = lang == TL_LANG_NL ? "[naam weggelaten]" : "[name withheld]";
	for (size_t i = 0; i < n;) {
		size_t hit = 0;
		const char *alias = NULL;
		for (size_t k = 0; !hit && k < s->n_people; k++) {
			const struct tl_person *p = &s->people[k];
			if (p->consent || !p->name)
				continue;
			size_t full = strlen(p->name), first = first_word(p->name);
			/* the full name first, so "Bram Geheim" is one replacement */
			if (name_at(text, n, i, p->name, full))
				hit = full;
			else if (first >= 2 && name_at(text, n, i, p->name, first))
				hit = first;
			alias = p->alias ? p->alias : withheld;
		}
		if (hit) {
			put_alias(out, alias, sentence_start(text, i));
			i += hit;
		} else {
			tl_buf_putc(out, text[i]);
			i++;
		}
	}
}

size_t tl_story_named(const struct tl_story *s, const struct tl_person **people)
{
	size_t n = 0;
	for (size_t i = 0; i < s->n_people; i++)
		if (s->people[i].consent)
			people[n++] = &s->people[i];
	return n;
}
