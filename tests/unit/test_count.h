/* count_of — occurrences of a string in a (possibly large) output, for the
 * unit tests.
 *
 * One pass by hand, never a strstr loop: under ASan each strstr call first
 * measures the whole rest of the haystack (the interceptor's strlen), so
 * counting with strstr is quadratic in the output (a 34 MB chart took about
 * 17 minutes).  Matches do not overlap ("aa" occurs once in "aaa"). */
#ifndef TL_TEST_COUNT_H
#define TL_TEST_COUNT_H

#include <stddef.h>
#include <string.h>

static size_t count_of(const char *hay, const char *needle)
{
	size_t n = 0, k = strlen(needle);
	if (!k)
		return 0;
	for (const char *p = hay; *p; p++)
		if (*p == *needle && !strncmp(p, needle, k)) {
			n++;
			p += k - 1;
		}
	return n;
}

#endif
