/* The dashboard pages' text matching (src/render/page_dash.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "render/pages_dash.h"

static const char *fold(const char *s, tl_buf *b)
{
	b->len = 0;
	tl_dash_fold(s, b);
	tl_buf_putc(b, '\0');
	return b->data;
}

static void test_fold_lowercases_ascii_and_strips_dutch_accents(void **state)
{
	(void)state;
	tl_buf b = TL_BUF_INIT;
	assert_string_equal(fold("AANDEEL A", &b), "aandeel a");
	assert_string_equal(fold("\xc3\x89\xc3\xa9n caf\xc3\xa9, ru\xc3\xafne, co\xc3\xb6peratie, \xc3\x9c" "ber", &b),
			    "een cafe, ruine, cooperatie, uber");
	assert_string_equal(fold("\xc3\xa0\xc3\xa7\xc3\xa8\xc3\xb1\xc3\xb3\xc3\xbb", &b), "acenou");
	tl_buf_free(&b);
}

static void test_fold_keeps_other_bytes_as_they_are(void **state)
{
	(void)state;
	tl_buf b = TL_BUF_INIT;
	/* The euro sign and the en dash are three-byte sequences: untouched. */
	assert_string_equal(fold("\xe2\x82\xac 36.200 \xe2\x80\x93 74,2%", &b), "\xe2\x82\xac 36.200 \xe2\x80\x93 74,2%");
	assert_string_equal(fold("<script>", &b), "<script>");
	/* A lone lead byte at the end is not read past. */
	assert_string_equal(fold("x\xc3", &b), "x\xc3");
	assert_string_equal(fold("", &b), "");
	tl_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_lowercases_ascii_and_strips_dutch_accents),
		cmocka_unit_test(test_fold_keeps_other_bytes_as_they_are),
	};
	return cmocka_run_group_tests_name("dash", tests, NULL, NULL);
}
