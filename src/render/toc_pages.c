#include "toc_pages.h"

#include <string.h>

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v';
}

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Does the title match at text[i], where a line starts, and end where a
 * line ends, within text[0..end)?  Whitespace runs in either match each
 * other (a wrapped title); the title is trimmed by the caller. */
static int match_at(const char *text, size_t i, size_t end, const char *title, size_t tn)
{
	size_t k = 0;
	while (k < tn) {
		if (i >= end)
			return 0;
		unsigned char t = (unsigned char)title[k], c = (unsigned char)text[i];
		if (is_space(t)) {
			if (!is_space(c))
				return 0;
			while (k < tn && is_space((unsigned char)title[k]))
				k++;
			while (i < end && is_space((unsigned char)text[i]))
				i++;
			continue;
		}
		if (fold(t) != fold(c))
			return 0;
		i++, k++;
	}
	/* the heading ends here: only blanks before the end of the line */
	while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r'))
		i++;
	return i >= end || text[i] == '\n';
}

/* Is the title one of the whole-line runs among the first lines of the
 * page text[0..end)? */
static int in_head(const char *text, size_t end, const char *title, size_t tn)
{
	size_t i = 0;
	int lines = 0;
	while (i < end && lines < TL_TOC_HEAD_LINES) {
		/* skip blank lines and leading blanks */
		while (i < end && is_space((unsigned char)text[i]))
			i++;
		if (i >= end)
			break;
		if (match_at(text, i, end, title, tn))
			return 1;
		while (i < end && text[i] != '\n')
			i++;
		lines++;
	}
	return 0;
}

size_t tl_toc_find_pages(const char *text, size_t len, const char *const *titles, size_t n,
			 int after, int *pages)
{
	/* page starts: page p (1-based) is text[start[p-1] .. next form feed) */
	size_t found = 0;
	int from = after + 1;
	for (size_t e = 0; e < n; e++) {
		pages[e] = 0;
		const char *t = titles[e] ? titles[e] : "";
		while (*t && is_space((unsigned char)*t))
			t++;
		size_t tn = strlen(t);
		while (tn && is_space((unsigned char)t[tn - 1]))
			tn--;
		if (!tn)
			continue;
		size_t i = 0;
		for (int p = 1; i <= len; p++) {
			const char *ff = i < len ? memchr(text + i, '\f', len - i) : NULL;
			size_t end = ff ? (size_t)(ff - text) : len;
			if (p >= from && in_head(text + i, end - i, t, tn)) {
				pages[e] = p;
				from = p;
				found++;
				break;
			}
			if (!ff)
				break;
			i = end + 1;
		}
	}
	return found;
}
