/* Region lookup by code: bisected through the index tl_model_index() builds,
 * and still right while a parser grows the regions array after indexing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "model/model.h"

static void fill(struct tl_model *m, size_t n)
{
	m->regions = TL_NEW_ARRAY(m->arena, struct tl_region, n);
	m->n_regions = n;
	/* Codes deliberately out of order: GM0999, GM0998, … */
	for (size_t i = 0; i < n; i++) {
		char code[16];
		snprintf(code, sizeof code, "GM%04zu", 999 - i);
		m->regions[i].code = tl_arena_strdup(m->arena, code);
		m->regions[i].name = m->regions[i].code;
	}
}

static void test_every_region_is_found_by_code_after_indexing(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = tl_model_new(a);
	fill(m, 500);
	tl_model_index(m);
	for (size_t i = 0; i < m->n_regions; i++)
		assert_ptr_equal(tl_model_region(m, m->regions[i].code), &m->regions[i]);
	assert_null(tl_model_region(m, "GM0499"));
	assert_null(tl_model_region(m, "GM1000"));
	assert_null(tl_model_region(m, ""));
	tl_arena_free(a);
}

static void test_a_region_added_after_indexing_is_still_found(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = tl_model_new(a);
	fill(m, 3);
	tl_model_index(m);
	struct tl_region *more = TL_NEW_ARRAY(a, struct tl_region, 4);
	memcpy(more, m->regions, 3 * sizeof *more);
	more[3].code = "PV22";
	m->regions = more;
	m->n_regions = 4;
	assert_ptr_equal(tl_model_region(m, "PV22"), &more[3]);
	assert_ptr_equal(tl_model_region(m, "GM0999"), &more[0]);
	tl_model_index(m);
	assert_ptr_equal(tl_model_region(m, "PV22"), &more[3]);
	tl_arena_free(a);
}

static void test_regions_by_level_put_larger_levels_first_then_names(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = tl_model_new(a);
	static const struct tl_region in[] = {
		{"GM0119", "Meppel", "gemeente", "PV22", 0},
		{"GM1680", "Aa en Hunze", "gemeente", "PV22", 0},
		{"GM1690", "De Wolden", "gemeente", "PV22", 0},
		{"XX01", "Elders", NULL, NULL, 0},
		{"NL01", "Nederland", "land", NULL, 0},
		{"PV22", "Drenthe", "provincie", "NL01", 0},
	};
	m->regions = TL_NEW_ARRAY(a, struct tl_region, 6);
	memcpy(m->regions, in, sizeof in);
	m->n_regions = 6;
	size_t n;
	const struct tl_region **r = tl_model_regions_by_level(m, &n);
	assert_int_equal(n, 6);
	/* "De Wolden" sorts under W, as CBS lists it. */
	static const char *const want[] = {"NL01", "PV22", "GM1680", "GM0119", "GM1690", "XX01"};
	for (size_t i = 0; i < n; i++)
		assert_string_equal(r[i]->code, want[i]);
	tl_arena_free(a);
}

static void test_an_empty_model_finds_nothing(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = tl_model_new(a);
	tl_model_index(m);
	assert_null(tl_model_region(m, "NL01"));
	tl_arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_region_is_found_by_code_after_indexing),
		cmocka_unit_test(test_a_region_added_after_indexing_is_still_found),
		cmocka_unit_test(test_regions_by_level_put_larger_levels_first_then_names),
		cmocka_unit_test(test_an_empty_model_finds_nothing),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
