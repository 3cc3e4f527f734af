/* The shared YAML accessors that agenda.yml, spec files, report.yml and story
 * front matter are read with: positions (with a front-matter line offset),
 * repeated keys, null meaning absent, and strict whole numbers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "import/yaml_doc.h"

struct doc {
	yaml_document_t ydoc;
	struct tl_yaml y;
	tl_errors errs;
	tl_arena *a;
};

static yaml_node_t *open_doc(struct doc *d, const char *text, unsigned line0)
{
	memset(d, 0, sizeof *d);
	tl_errors init = TL_ERRORS_INIT;
	d->errs = init;
	d->a = tl_arena_new();
	assert_int_equal(tl_yaml_load("t.yml", text, strlen(text), 1024, line0, &d->ydoc, &d->errs), TL_OK);
	d->y = (struct tl_yaml){&d->ydoc, "t.yml", line0, &d->errs, d->a};
	return yaml_document_get_root_node(&d->ydoc);
}

static void close_doc(struct doc *d)
{
	yaml_document_delete(&d->ydoc);
	tl_errors_free(&d->errs);
	tl_arena_free(d->a);
}

static void test_a_key_given_twice_is_reported_at_its_second_place(void **state)
{
	(void)state;
	struct doc d;
	yaml_node_t *root = open_doc(&d, "title: a\nyear: 2025\ntitle: b\n", 0);
	static const char *const keys[] = {"title", "year", NULL};
	tl_yaml_check_keys(&d.y, root, "agenda", keys);
	assert_int_equal(tl_errors_count(&d.errs), 1);
	assert_int_equal(d.errs.items[0].line, 3);
	assert_int_equal(d.errs.items[0].col, 1);
	assert_non_null(strstr(d.errs.items[0].msg, "\"title\" is given twice"));
	close_doc(&d);
}

static void test_an_unknown_key_lists_the_accepted_ones(void **state)
{
	(void)state;
	struct doc d;
	yaml_node_t *root = open_doc(&d, "title: a\nyaer: 2025\n", 0);
	static const char *const keys[] = {"title", "year", NULL};
	tl_yaml_check_keys(&d.y, root, "agenda", keys);
	assert_int_equal(tl_errors_count(&d.errs), 1);
	assert_non_null(strstr(d.errs.items[0].msg, "unknown key \"yaer\" in agenda (accepted: title, year)"));
	close_doc(&d);
}

static void test_front_matter_lines_are_offset(void **state)
{
	(void)state;
	struct doc d;
	yaml_node_t *root = open_doc(&d, "title: a\nyear: twenty\n", 1);
	assert_int_equal(tl_yaml_int_field(&d.y, root, "year", "story", 1900, 2200, 7, 1), 7);
	assert_int_equal(tl_errors_count(&d.errs), 1);
	assert_int_equal(d.errs.items[0].line, 3);
	assert_int_equal(d.errs.items[0].col, 7);
	assert_string_equal(d.errs.items[0].field, "year");
	close_doc(&d);
}

static void test_null_and_empty_mean_absent_but_a_quoted_tilde_is_text(void **state)
{
	(void)state;
	struct doc d;
	yaml_node_t *root = open_doc(&d, "a: ~\nb: null\nc: ''\nd: '~'\ne:\n", 0);
	assert_null(tl_yaml_str_field(&d.y, root, "a", "x", 0));
	assert_null(tl_yaml_str_field(&d.y, root, "b", "x", 0));
	assert_null(tl_yaml_str_field(&d.y, root, "c", "x", 0));
	assert_string_equal(tl_yaml_str_field(&d.y, root, "d", "x", 0), "~");
	assert_int_equal(tl_yaml_int_field(&d.y, root, "e", "x", 0, 9, 4, 0), 4);
	assert_int_equal(tl_errors_count(&d.errs), 0);
	assert_null(tl_yaml_str_field(&d.y, root, "a", "x", 1));
	assert_int_equal(tl_errors_count(&d.errs), 1);
	assert_non_null(strstr(d.errs.items[0].msg, "\"a\" is required"));
	close_doc(&d);
}

static void test_whole_numbers_are_strict(void **state)
{
	(void)state;
	long v = 0;
	assert_int_equal(tl_yaml_parse_long("2025", 1900, 2200, &v), 0);
	assert_int_equal(v, 2025);
	assert_int_equal(tl_yaml_parse_long("-3", -5, 5, &v), 0);
	assert_int_equal(v, -3);
	assert_int_equal(tl_yaml_parse_long(" 2025", 1900, 2200, &v), -1);
	assert_int_equal(tl_yaml_parse_long("+2025", 1900, 2200, &v), -1);
	assert_int_equal(tl_yaml_parse_long("2025.0", 1900, 2200, &v), -1);
	assert_int_equal(tl_yaml_parse_long("2201", 1900, 2200, &v), -1);
	assert_int_equal(tl_yaml_parse_long("", 0, 1, &v), -1);
}

static void test_a_syntax_error_and_a_large_file_are_refused_with_their_place(void **state)
{
	(void)state;
	tl_errors e = TL_ERRORS_INIT;
	yaml_document_t doc;
	const char *bad = "a: [1, 2\nb: 3\n";
	assert_int_equal(tl_yaml_load("s.md", bad, strlen(bad), 1024, 1, &doc, &e), TL_ERR_INPUT);
	assert_int_equal(tl_errors_count(&e), 1);
	assert_true(e.items[0].line >= 2);
	assert_non_null(strstr(e.items[0].msg, "YAML: "));
	assert_int_equal(tl_yaml_load("s.md", bad, strlen(bad), 4, 0, &doc, &e), TL_ERR_LIMIT);
	assert_int_equal(tl_errors_count(&e), 2);
	assert_non_null(strstr(e.items[1].msg, "file too large (the limit is 4 bytes)"));
	tl_errors_free(&e);
}

static void test_a_list_field_rejects_a_mapping(void **state)
{
	(void)state;
	struct doc d;
	yaml_node_t *root = open_doc(&d, "goals: {a: 1}\nthemes: [x, y]\n", 0);
	assert_null(tl_yaml_seq_field(&d.y, root, "goals", "theme", 0));
	assert_non_null(strstr(d.errs.items[0].msg, "\"goals\" must be a list, not a mapping"));
	yaml_node_t *t = tl_yaml_seq_field(&d.y, root, "themes", "agenda", 1);
	assert_int_equal(tl_yaml_seq_len(t), 2);
	assert_string_equal((const char *)tl_yaml_seq_at(&d.y, t, 1)->data.scalar.value, "y");
	assert_null(tl_yaml_seq_field(&d.y, root, "missing", "agenda", 1));
	assert_int_equal(tl_errors_count(&d.errs), 2);
	close_doc(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_key_given_twice_is_reported_at_its_second_place),
		cmocka_unit_test(test_an_unknown_key_lists_the_accepted_ones),
		cmocka_unit_test(test_front_matter_lines_are_offset),
		cmocka_unit_test(test_null_and_empty_mean_absent_but_a_quoted_tilde_is_text),
		cmocka_unit_test(test_whole_numbers_are_strict),
		cmocka_unit_test(test_a_syntax_error_and_a_large_file_are_refused_with_their_place),
		cmocka_unit_test(test_a_list_field_rejects_a_mapping),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
