/*
 * json — a small JSON reader that keeps every value's line and column.
 *
 * For inputs whose structure is checked field by field with positioned
 * messages (boundary files: import/geo.h).  The whole text is parsed into a
 * tree in the caller's arena; every node knows where it starts, so a reader
 * can say "gemeente.topojson:1:53812: arc index 9999 out of range".
 *
 * RFC 8259: objects, arrays, strings (escapes and \u surrogate pairs are
 * decoded to UTF-8; invalid UTF-8 and unescaped control characters are
 * refused), numbers (strtod on a checked token, locale-free because the
 * grammar has no decimal comma and telling never calls setlocale), true,
 * false, null.  Nesting deeper than TL_JSON_MAX_DEPTH is refused, so a
 * hostile file cannot exhaust the stack.  Duplicate object keys are kept in
 * order; tl_json_get() returns the first.  Columns count characters (UTF-8
 * code points), as everywhere in telling's messages.
 */
#ifndef TL_JSON_H
#define TL_JSON_H

#include <stddef.h>

#include "../core/arena.h"
#include "../core/err.h"

#define TL_JSON_MAX_DEPTH 64

enum tl_json_type { TL_JSON_NULL = 0, TL_JSON_FALSE, TL_JSON_TRUE, TL_JSON_NUMBER, TL_JSON_STRING,
		    TL_JSON_ARRAY, TL_JSON_OBJECT };

struct tl_json {
	enum tl_json_type type;
	unsigned line, col;   /* where the value starts, 1-based */
	double num;           /* NUMBER */
	const char *str;      /* STRING: NUL-terminated UTF-8 (may contain \u0000 as a NUL: len counts it) */
	size_t len;           /* STRING: bytes; ARRAY/OBJECT: number of items */
	struct tl_json **items; /* ARRAY/OBJECT: values */
	const char **keys;      /* OBJECT: keys, parallel to items */
};

/* Parse text (name is for messages).  Returns 0 with *out set, or
 * TL_ERR_INPUT with one positioned error in errs. */
int tl_json_parse(const char *name, const char *text, size_t len, tl_arena *a, struct tl_json **out,
		  tl_errors *errs);

/* The first member `key` of an object, or NULL (also when o is not an object). */
const struct tl_json *tl_json_get(const struct tl_json *o, const char *key);

/* A type's name for messages: "an object", "a number", … */
const char *tl_json_type_name(enum tl_json_type t);

#endif
