/*
 * test_data — where a unit test finds its fixtures under tests/data/.
 * Include after <cmocka.h> (a missing fixture fails the test).
 */
#ifndef TL_TEST_DATA_H
#define TL_TEST_DATA_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Path of a fixture under tests/data/: from $TL_TEST_DATA when set, else
 * from the source tree root (where make runs the tests), else relative to
 * this file.  A fixture that cannot be found fails the test with a hint. */
static const char *data_path(const char *rel)
{
	static char buf[4][1024];
	static int k;
	char *out = buf[k++ & 3];
	struct stat sb;
	const char *env = getenv("TL_TEST_DATA");
	if (env && *env) {
		snprintf(out, sizeof buf[0], "%s/%s", env, rel);
		if (stat(out, &sb) == 0)
			return out;
	}
	snprintf(out, sizeof buf[0], "tests/data/%s", rel);
	if (stat(out, &sb) == 0)
		return out;
	const char *me = __FILE__;
	const char *slash = strrchr(me, '/');
	snprintf(out, sizeof buf[0], "%.*s/../data/%s", slash ? (int)(slash - me) : 1,
		 slash ? me : ".", rel);
	if (stat(out, &sb) != 0)
		fail_msg("fixture tests/data/%s not found: run the tests from the source tree "
			 "root, or set TL_TEST_DATA to the tests/data folder", rel);
	return out;
}

#endif
