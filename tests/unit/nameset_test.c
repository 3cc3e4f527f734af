/* The importers' set of slice names: found again after the table grows,
 * told apart by length (not only bytes), and put adds only once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "core/nameset.h"

static void test_every_name_is_found_after_the_table_grows(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_nameset set = TL_NAMESET_INIT;
	char key[16];
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(key, sizeof key, "GM%04d", i);
		struct tl_name *e = tl_nameset_add(&set, a, key, (size_t)n, tl_name_hash(key, (size_t)n));
		e->val = i;
	}
	assert_int_equal(set.n, 1000);
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(key, sizeof key, "GM%04d", i);
		const struct tl_name *e = tl_nameset_get(&set, key, (size_t)n);
		assert_non_null(e);
		assert_int_equal(e->val, i);
		assert_int_equal(e->len, (size_t)n);
	}
	assert_null(tl_nameset_get(&set, "GM1000", 6));
	tl_nameset_free(&set);
	assert_null(set.slot);
	tl_arena_free(a);
}

static void test_a_prefix_is_another_name(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_nameset set = TL_NAMESET_INIT;
	/* Slices of one buffer without a NUL after them, as a CSV field is. */
	const char *buf = "WV2100WV21";
	int added;
	tl_nameset_put(&set, a, buf, 6, &added);
	assert_true(added);
	assert_null(tl_nameset_get(&set, buf, 4));
	struct tl_name *e = tl_nameset_put(&set, a, buf + 6, 4, &added);
	assert_true(added);
	assert_string_equal(e->key, "WV21");
	e->aux = "eerste naam";
	e = tl_nameset_put(&set, a, buf, 4, &added);
	assert_false(added);
	assert_string_equal(e->aux, "eerste naam");
	assert_int_equal(set.n, 2);
	tl_nameset_free(&set);
	tl_arena_free(a);
}

static void test_an_empty_set_finds_nothing(void **state)
{
	(void)state;
	struct tl_nameset set = TL_NAMESET_INIT;
	assert_null(tl_nameset_get(&set, "", 0));
	assert_null(tl_nameset_get(&set, "x", 1));
	tl_nameset_free(&set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_name_is_found_after_the_table_grows),
		cmocka_unit_test(test_a_prefix_is_another_name),
		cmocka_unit_test(test_an_empty_set_finds_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
