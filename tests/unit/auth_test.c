/* Passwords, tokens and the login rate limit (src/web/auth.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <string.h>

#include "web/auth.h"

static int setup(void **state)
{
	(void)state;
	return tl_auth_init() == 0 ? 0 : -1;
}

static void test_password_hash_is_argon2id_and_verifies_only_the_right_password(void **state)
{
	(void)state;
	char h1[256], h2[256];
	assert_int_equal(tl_auth_hash("correct horse", h1, sizeof h1), 0);
	assert_int_equal(tl_auth_hash("correct horse", h2, sizeof h2), 0);
	assert_int_equal(strncmp(h1, "$argon2id$", 10), 0);
	assert_string_not_equal(h1, h2); /* salted */
	assert_true(tl_auth_verify(h1, "correct horse"));
	assert_false(tl_auth_verify(h1, "correct hors"));
	assert_false(tl_auth_verify(h1, ""));
	assert_false(tl_auth_verify("not a hash", "correct horse"));
	/* Too small an output buffer is refused, not truncated. */
	char small[16];
	assert_int_not_equal(tl_auth_hash("x", small, sizeof small), 0);
}

static int is_hex64(const char *s)
{
	if (strlen(s) != 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

static void test_tokens_are_fresh_hex_and_stored_only_as_hashes(void **state)
{
	(void)state;
	char t1[TL_TOKEN_HEX], t2[TL_TOKEN_HEX], h1[TL_TOKEN_HEX], h1b[TL_TOKEN_HEX];
	tl_auth_token(t1);
	tl_auth_token(t2);
	assert_true(is_hex64(t1));
	assert_true(is_hex64(t2));
	assert_string_not_equal(t1, t2);
	tl_auth_token_hash(t1, h1);
	tl_auth_token_hash(t1, h1b);
	assert_true(is_hex64(h1));
	assert_string_equal(h1, h1b);
	assert_string_not_equal(h1, t1);
}

static void test_token_equality_needs_same_length_and_bytes_and_refuses_empty(void **state)
{
	(void)state;
	assert_true(tl_auth_token_eq("abc123", "abc123"));
	assert_false(tl_auth_token_eq("abc123", "abc124"));
	assert_false(tl_auth_token_eq("abc123", "abc12"));
	assert_false(tl_auth_token_eq("", ""));
}

static void test_rate_limit_blocks_after_max_fails_until_the_window_ends(void **state)
{
	(void)state;
	const char *k = "unit-test:ip-1";
	int64_t t0 = 1000000;
	assert_int_equal(tl_ratelimit_wait(k, t0), 0);
	for (int i = 0; i < TL_LOGIN_MAX_FAILS - 1; i++)
		tl_ratelimit_fail(k, t0 + i);
	assert_int_equal(tl_ratelimit_wait(k, t0 + 10), 0);
	tl_ratelimit_fail(k, t0 + 10);
	assert_int_equal(tl_ratelimit_wait(k, t0 + 10), TL_LOGIN_WINDOW - 10);
	/* Another key is not affected. */
	assert_int_equal(tl_ratelimit_wait("unit-test:ip-2", t0 + 10), 0);
	/* The window counts from the first failure. */
	assert_int_equal(tl_ratelimit_wait(k, t0 + TL_LOGIN_WINDOW - 1), 1);
	assert_int_equal(tl_ratelimit_wait(k, t0 + TL_LOGIN_WINDOW), 0);
}

static void test_rate_limit_reset_clears_a_key(void **state)
{
	(void)state;
	const char *k = "unit-test:ip-3";
	int64_t t0 = 2000000;
	for (int i = 0; i < TL_LOGIN_MAX_FAILS; i++)
		tl_ratelimit_fail(k, t0);
	assert_true(tl_ratelimit_wait(k, t0 + 1) > 0);
	tl_ratelimit_reset(k);
	assert_int_equal(tl_ratelimit_wait(k, t0 + 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_password_hash_is_argon2id_and_verifies_only_the_right_password),
		cmocka_unit_test(test_tokens_are_fresh_hex_and_stored_only_as_hashes),
		cmocka_unit_test(test_token_equality_needs_same_length_and_bytes_and_refuses_empty),
		cmocka_unit_test(test_rate_limit_blocks_after_max_fails_until_the_window_ends),
		cmocka_unit_test(test_rate_limit_reset_clears_a_key),
	};
	return cmocka_run_group_tests_name("auth", tests, setup, NULL);
}
