/*
 * fuzz_form — libFuzzer target for the request parsers (web/form.h): form
 * bodies and query strings, multipart uploads, cookies, request paths.
 *
 * The first byte picks the entry point (low 3 bits):
 *   0  tl_form_parse on the rest
 *   1  tl_multipart_parse: the rest up to the first '\n' is the
 *      Content-Type header, after it the body
 *   2  tl_path_valid on the rest as a C string
 *   3  tl_cookie_get: the rest is the Cookie header, names "tl_session"
 *      and "a"
 *   4  tl_text_valid on the rest
 * Besides the sanitizers the target checks the parsers' promises: every
 * text value is valid UTF-8 text with its length equal to strlen, and a
 * path accepted by tl_path_valid holds no "." or ".." segment and no
 * backslash.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/err.h"
#include "web/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_form(const struct tl_form *f)
{
	for (size_t i = 0; i < f->n; i++) {
		const struct tl_field *x = &f->f[i];
		if (!x->key || !x->val || !tl_text_valid(x->key, strlen(x->key)))
			abort();
		if (!x->filename && (strlen(x->val) != x->len || !tl_text_valid(x->val, x->len)))
			abort();
	}
	if (f->n > TL_FORM_MAX_FIELDS)
		abort();
}

static void check_path(const char *p)
{
	if (p[0] != '/' || strchr(p, '\\') || strstr(p, "/../") || strstr(p, "/./") || strstr(p, "//"))
		abort();
	size_t n = strlen(p);
	if ((n >= 3 && !strcmp(p + n - 3, "/..")) || (n >= 2 && !strcmp(p + n - 2, "/.")))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int mode = data[0] & 7;
	const char *s = (const char *)data + 1;
	size_t n = size - 1;
	tl_arena *a = tl_arena_new();
	tl_errors errs = TL_ERRORS_INIT;
	struct tl_form f;
	char *z = tl_arena_strndup(a, s, n); /* C-string view (stops at a NUL) */
	switch (mode) {
	case 0:
		if (tl_form_parse(s, n, a, &f, &errs) == TL_OK)
			check_form(&f);
		break;
	case 1: {
		const char *nl = memchr(s, '\n', n);
		if (!nl)
			break;
		char *ct = tl_arena_strndup(a, s, (size_t)(nl - s));
		if (tl_multipart_parse(ct, nl + 1, n - (size_t)(nl - s) - 1, a, &f, &errs) == TL_OK)
			check_form(&f);
		break;
	}
	case 2:
		if (tl_path_valid(z))
			check_path(z);
		break;
	case 3: {
		const char *v = tl_cookie_get(z, "tl_session", a);
		if (v && strlen(v) > strlen(z))
			abort();
		tl_cookie_get(z, "a", a);
		break;
	}
	default:
		tl_text_valid(s, n);
		break;
	}
	tl_errors_free(&errs);
	tl_arena_free(a);
	return 0;
}
