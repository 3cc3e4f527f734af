/* Form bodies, query strings, multipart uploads, cookies and request paths
 * (src/web/form.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "web/form.h"

#define S(lit) lit, sizeof(lit) - 1

static void test_form_decodes_plus_and_percent_escapes(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_form f;
	assert_int_equal(tl_form_parse(S("titel=Ouderen+in+Emmen&plaats=%C3%A9%26x&leeg=&kaal"), a, &f, &e),
			 TL_OK);
	assert_int_equal(f.n, 4);
	assert_string_equal(tl_form_get(&f, "titel"), "Ouderen in Emmen");
	assert_string_equal(tl_form_get(&f, "plaats"), "\xc3\xa9&x");
	assert_int_equal(tl_form_field(&f, "plaats")->len, 4);
	assert_string_equal(tl_form_get(&f, "leeg"), "");
	assert_string_equal(tl_form_get(&f, "kaal"), "");
	assert_null(tl_form_get(&f, "ontbreekt"));
	assert_int_equal(tl_errors_count(&e), 0);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_form_keeps_the_first_of_repeated_keys_and_skips_empty_pairs(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_form f;
	assert_int_equal(tl_form_parse(S("&&a=1&&a=2&"), a, &f, &e), TL_OK);
	assert_int_equal(f.n, 2);
	assert_string_equal(tl_form_get(&f, "a"), "1");
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_form_refuses_bad_escapes_nul_and_control_bytes(void **state)
{
	(void)state;
	static const char *bad[] = {"a=%", "a=%4", "a=%zz", "a=%00", "a=%01", "a=%7F", "%0a%00=x",
				    "a=%C3", "a=%C0%AF", "a=%ED%A0%80"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		tl_arena *a = tl_arena_new();
		tl_errors e = TL_ERRORS_INIT;
		struct tl_form f;
		assert_int_equal(tl_form_parse(bad[i], strlen(bad[i]), a, &f, &e), TL_ERR_INPUT);
		assert_true(tl_errors_failed(&e));
		tl_errors_free(&e);
		tl_arena_free(a);
	}
}

static void test_form_names_the_byte_of_a_bad_escape(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_form f;
	assert_int_equal(tl_form_parse(S("ok=1&x=ab%g1"), a, &f, &e), TL_ERR_INPUT);
	assert_int_equal(e.n, 1);
	assert_non_null(strstr(e.items[0].msg, "byte 10"));
	tl_errors_free(&e);
	e = (tl_errors)TL_ERRORS_INIT;
	/* and in a key */
	assert_int_equal(tl_form_parse(S("ok=1&a%zb=1"), a, &f, &e), TL_ERR_INPUT);
	assert_non_null(strstr(e.items[0].msg, "byte 7"));
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_form_caps_the_number_of_fields(void **state)
{
	(void)state;
	char body[TL_FORM_MAX_FIELDS * 4 + 8];
	size_t n = 0;
	for (int i = 0; i < TL_FORM_MAX_FIELDS; i++)
		n += (size_t)snprintf(body + n, sizeof body - n, "%sa=1", i ? "&" : "");
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_form f;
	assert_int_equal(tl_form_parse(body, n, a, &f, &e), TL_OK);
	assert_int_equal(f.n, TL_FORM_MAX_FIELDS);
	n += (size_t)snprintf(body + n, sizeof body - n, "&b");
	assert_int_equal(tl_form_parse(body, n, a, &f, &e), TL_ERR_LIMIT);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_form_reads_only_the_given_length(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_form f;
	assert_int_equal(tl_form_parse("a=12&b=3", 4, a, &f, &e), TL_OK);
	assert_int_equal(f.n, 1);
	assert_string_equal(tl_form_get(&f, "a"), "12");
	tl_errors_free(&e);
	tl_arena_free(a);
}

#define MP_CT "multipart/form-data; boundary=XyZ"

static void test_multipart_reads_text_fields_and_files_with_nul_bytes(void **state)
{
	(void)state;
	static const char body[] = "--XyZ\r\n"
				   "Content-Disposition: form-data; name=\"csrf\"\r\n\r\n"
				   "tok123\r\n"
				   "--XyZ\r\n"
				   "Content-Disposition: form-data; name=\"file\"; filename=\"data.csv\"\r\n"
				   "Content-Type: text/csv\r\n\r\n"
				   "a;b\0c\r\n"
				   "--XyZ--\r\n";
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_form f;
	assert_int_equal(tl_multipart_parse(MP_CT, body, sizeof body - 1, a, &f, &e), TL_OK);
	assert_int_equal(f.n, 2);
	assert_string_equal(tl_form_get(&f, "csrf"), "tok123");
	assert_null(tl_form_field(&f, "csrf")->filename);
	const struct tl_field *file = tl_form_field(&f, "file");
	assert_non_null(file);
	assert_string_equal(file->filename, "data.csv");
	assert_int_equal(file->len, 5);
	assert_memory_equal(file->val, "a;b\0c", 5);
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_multipart_refuses_missing_boundary_cut_off_bodies_and_binary_text(void **state)
{
	(void)state;
	static const char ok_start[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XyZ--";
	static const char cut[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1";
	static const char bin[] = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\x01\r\n--XyZ--";
	static const char noname[] = "--XyZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XyZ--";
	struct {
		const char *ct, *body;
		size_t n;
	} cases[] = {
		{"multipart/form-data", ok_start, sizeof ok_start - 1},
		{"multipart/form-data; boundary=", ok_start, sizeof ok_start - 1},
		{NULL, ok_start, sizeof ok_start - 1},
		{"multipart/form-data; boundary=Other", ok_start, sizeof ok_start - 1},
		{MP_CT, cut, sizeof cut - 1},
		{MP_CT, bin, sizeof bin - 1},
		{MP_CT, noname, sizeof noname - 1},
		{MP_CT, "", 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		tl_arena *a = tl_arena_new();
		tl_errors e = TL_ERRORS_INIT;
		struct tl_form f;
		assert_int_equal(tl_multipart_parse(cases[i].ct, cases[i].body, cases[i].n, a, &f, &e),
				 TL_ERR_INPUT);
		assert_true(tl_errors_failed(&e));
		tl_errors_free(&e);
		tl_arena_free(a);
	}
	/* The well-formed one is accepted with the right boundary. */
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_form f;
	assert_int_equal(tl_multipart_parse(MP_CT, ok_start, sizeof ok_start - 1, a, &f, &e), TL_OK);
	assert_string_equal(tl_form_get(&f, "a"), "1");
	tl_errors_free(&e);
	tl_arena_free(a);
}

static void test_cookie_is_found_by_exact_name(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	assert_string_equal(tl_cookie_get("tl_session=abc; tl_csrf=def", "tl_csrf", a), "def");
	assert_string_equal(tl_cookie_get("tl_session=abc; tl_csrf=def", "tl_session", a), "abc");
	/* A longer name sharing the prefix is not the cookie asked for. */
	assert_null(tl_cookie_get("tl_sessionx=evil", "tl_session", a));
	assert_null(tl_cookie_get("x_tl_session=evil", "tl_session", a));
	assert_null(tl_cookie_get(NULL, "tl_session", a));
	assert_null(tl_cookie_get("", "tl_session", a));
	tl_arena_free(a);
}

static void test_text_valid_accepts_utf8_and_refuses_controls_overlongs_and_surrogates(void **state)
{
	(void)state;
	assert_true(tl_text_valid(S("Zuidlaren\tcaf\xc3\xa9\r\n\xe2\x82\xac \xf0\x9f\x98\x80")));
	assert_false(tl_text_valid(S("a\0b")));
	assert_false(tl_text_valid(S("\x1b[31m")));
	assert_false(tl_text_valid(S("\x7f")));
	assert_false(tl_text_valid(S("\xc0\xaf")));         /* overlong '/' */
	assert_false(tl_text_valid(S("\xe0\x80\xaf")));     /* overlong, 3 bytes */
	assert_false(tl_text_valid(S("\xed\xa0\x80")));     /* surrogate */
	assert_false(tl_text_valid(S("\xf4\x90\x80\x80"))); /* beyond U+10FFFF */
	assert_false(tl_text_valid(S("\xc3")));             /* cut off */
	assert_false(tl_text_valid(S("\x80")));             /* lone continuation */
}

static void test_path_valid_refuses_traversal_and_odd_segments(void **state)
{
	(void)state;
	assert_true(tl_path_valid("/"));
	assert_true(tl_path_valid("/verslag/doel-1.html"));
	assert_true(tl_path_valid("/static/"));
	assert_false(tl_path_valid(""));
	assert_false(tl_path_valid("verslag"));
	assert_false(tl_path_valid("/../etc/passwd"));
	assert_false(tl_path_valid("/a/.."));
	assert_false(tl_path_valid("/a/./b"));
	assert_false(tl_path_valid("/a//b"));
	assert_false(tl_path_valid("/a\\b"));
	assert_false(tl_path_valid("/a\nb"));
	assert_false(tl_path_valid("/a\xc0\xae"));
	char longp[600];
	memset(longp, 'a', sizeof longp - 1);
	longp[0] = '/';
	longp[sizeof longp - 1] = '\0';
	assert_false(tl_path_valid(longp));
	longp[512] = '\0';
	assert_true(tl_path_valid(longp));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_form_decodes_plus_and_percent_escapes),
		cmocka_unit_test(test_form_keeps_the_first_of_repeated_keys_and_skips_empty_pairs),
		cmocka_unit_test(test_form_refuses_bad_escapes_nul_and_control_bytes),
		cmocka_unit_test(test_form_names_the_byte_of_a_bad_escape),
		cmocka_unit_test(test_form_caps_the_number_of_fields),
		cmocka_unit_test(test_form_reads_only_the_given_length),
		cmocka_unit_test(test_multipart_reads_text_fields_and_files_with_nul_bytes),
		cmocka_unit_test(test_multipart_refuses_missing_boundary_cut_off_bodies_and_binary_text),
		cmocka_unit_test(test_cookie_is_found_by_exact_name),
		cmocka_unit_test(test_text_valid_accepts_utf8_and_refuses_controls_overlongs_and_surrogates),
		cmocka_unit_test(test_path_valid_refuses_traversal_and_odd_segments),
	};
	return cmocka_run_group_tests_name("form", tests, NULL, NULL);
}
