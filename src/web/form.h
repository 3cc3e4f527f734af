/*
 * form — the parsers of what a browser or client sends: form bodies and
 * query strings (application/x-www-form-urlencoded), multipart uploads,
 * cookies, and the request path.
 *
 * Every parser takes bytes and a length, never assumes a terminator, caps
 * what it accepts (fields, sizes) and refuses with a message naming the
 * field or byte offset.  Decoded keys and values are copied into the
 * caller's arena, always NUL-terminated, and are valid UTF-8 without
 * control characters other than tab, CR and LF (NUL is never accepted, so
 * every value is a safe C string).  libFuzzer target: fuzz/fuzz_form.c.
 */
#ifndef TL_FORM_H
#define TL_FORM_H

#include <stddef.h>

#include "../core/arena.h"
#include "../core/err.h"

#define TL_FORM_MAX_FIELDS 256

struct tl_field {
	const char *key;
	const char *val;      /* NUL-terminated; a file's bytes may hold NUL: use len */
	size_t len;           /* bytes in val */
	const char *filename; /* multipart file parts only, else NULL */
};

struct tl_form {
	struct tl_field *f;
	size_t n;
};

/* key=value&key=value with %XX and '+' decoded.  TL_ERR_INPUT for a bad
 * escape or bytes that are not UTF-8 text, TL_ERR_LIMIT for more than
 * TL_FORM_MAX_FIELDS fields. */
int tl_form_parse(const char *s, size_t n, tl_arena *a, struct tl_form *out, tl_errors *errs);

/* multipart/form-data with the boundary from content_type.  Text fields are
 * checked like tl_form_parse's values; file parts (with a filename) are
 * bytes as sent.  TL_ERR_INPUT when the body does not follow the format. */
int tl_multipart_parse(const char *content_type, const char *body, size_t n, tl_arena *a,
		       struct tl_form *out, tl_errors *errs);

/* The first field named key, or NULL. */
const struct tl_field *tl_form_field(const struct tl_form *f, const char *key);
/* Its value, or NULL. */
const char *tl_form_get(const struct tl_form *f, const char *key);

/* A cookie's value from a Cookie header ("a=1; b=2"), copied into a, or
 * NULL. */
const char *tl_cookie_get(const char *header, const char *name, tl_arena *a);

/* 1 when s[0..n) is UTF-8 text: no NUL, no control characters except tab,
 * CR and LF, no overlong or surrogate encodings. */
int tl_text_valid(const char *s, size_t n);

/* 1 when a (decoded) request path is safe to look up: starts with '/', no
 * "." or ".." segment, no backslash, no empty segment inside, no control
 * bytes, at most 512 bytes. */
int tl_path_valid(const char *path);

#endif
