#include "json.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/xalloc.h"

struct jp {
	const char *s;
	size_t n, i;
	unsigned line, col;
	const char *name;
	tl_arena *a;
	tl_errors *errs;
	int failed;
};

const char *tl_json_type_name(enum tl_json_type t)
{
	switch (t) {
	case TL_JSON_NULL: return "null";
	case TL_JSON_FALSE:
	case TL_JSON_TRUE: return "a boolean";
	case TL_JSON_NUMBER: return "a number";
	case TL_JSON_STRING: return "a string";
	case TL_JSON_ARRAY: return "an array";
	case TL_JSON_OBJECT: return "an object";
	}
	return "a value";
}

static int fail(struct jp *p, const char *what)
{
	if (!p->failed) {
		if (p->i >= p->n)
			tl_errors_add(p->errs, p->name, p->line, p->col, NULL, "JSON: %s (at the end of the file)", what);
		else
			tl_errors_add(p->errs, p->name, p->line, p->col, NULL, "JSON: %s (found '%c')", what,
				      (unsigned char)p->s[p->i] >= 0x20 && (unsigned char)p->s[p->i] < 0x7f ? p->s[p->i] : '?');
	}
	p->failed = 1;
	return -1;
}

/* Advance one byte, keeping line and column (columns count code points). */
static void adv(struct jp *p)
{
	unsigned char c = (unsigned char)p->s[p->i++];
	if (c == '\n') {
		p->line++;
		p->col = 1;
	} else if (c < 0x80 || c >= 0xC0) {
		p->col++;
	}
}

static void ws(struct jp *p)
{
	while (p->i < p->n && (p->s[p->i] == ' ' || p->s[p->i] == '\t' || p->s[p->i] == '\n' || p->s[p->i] == '\r'))
		adv(p);
}

static int hex4(const char *s, unsigned *out)
{
	unsigned v = 0;
	for (int k = 0; k < 4; k++) {
		char c = s[k];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	*out = v;
	return 0;
}

static void put_utf8(tl_buf *b, unsigned cp)
{
	if (cp < 0x80) {
		tl_buf_putc(b, (char)cp);
	} else if (cp < 0x800) {
		tl_buf_putc(b, (char)(0xC0 | (cp >> 6)));
		tl_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		tl_buf_putc(b, (char)(0xE0 | (cp >> 12)));
		tl_buf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		tl_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	} else {
		tl_buf_putc(b, (char)(0xF0 | (cp >> 18)));
		tl_buf_putc(b, (char)(0x80 | ((cp >> 12) & 0x3F)));
		tl_buf_putc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		tl_buf_putc(b, (char)(0x80 | (cp & 0x3F)));
	}
}

/* Length of a valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len;
	unsigned cp;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		cp = c & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return len;
}

/* A string starting at the opening quote. */
static int string(struct jp *p, const char **out, size_t *olen)
{
	tl_buf b = TL_BUF_INIT;
	adv(p); /* " */
	for (;;) {
		if (p->i >= p->n) {
			tl_buf_free(&b);
			return fail(p, "unterminated string");
		}
		unsigned char c = (unsigned char)p->s[p->i];
		if (c == '"') {
			adv(p);
			break;
		}
		if (c < 0x20) {
			tl_buf_free(&b);
			return fail(p, "control character in a string (write it as an escape)");
		}
		if (c == '\\') {
			if (p->i + 1 >= p->n) {
				tl_buf_free(&b);
				return fail(p, "unterminated string");
			}
			char e = p->s[p->i + 1];
			const char *simple = strchr("\"\\/bfnrt", e);
			if (e && simple) {
				static const char map[] = "\"\\/\b\f\n\r\t";
				tl_buf_putc(&b, map[simple - "\"\\/bfnrt"]);
				adv(p);
				adv(p);
				continue;
			}
			unsigned cp, lo;
			if (e != 'u' || p->i + 6 > p->n || hex4(p->s + p->i + 2, &cp)) {
				tl_buf_free(&b);
				return fail(p, "bad escape in a string (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
			}
			size_t used = 6;
			if (cp >= 0xD800 && cp <= 0xDBFF) {
				if (p->i + 12 > p->n || p->s[p->i + 6] != '\\' || p->s[p->i + 7] != 'u' ||
				    hex4(p->s + p->i + 8, &lo) || lo < 0xDC00 || lo > 0xDFFF) {
					tl_buf_free(&b);
					return fail(p, "unpaired surrogate in a \\u escape");
				}
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				used = 12;
			} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
				tl_buf_free(&b);
				return fail(p, "unpaired surrogate in a \\u escape");
			}
			put_utf8(&b, cp);
			for (size_t k = 0; k < used; k++)
				adv(p);
			continue;
		}
		size_t ul = utf8_len((const unsigned char *)p->s + p->i, p->n - p->i);
		if (!ul) {
			tl_buf_free(&b);
			return fail(p, "invalid UTF-8 in a string");
		}
		tl_buf_put(&b, p->s + p->i, ul);
		for (size_t k = 0; k < ul; k++)
			adv(p);
	}
	*olen = b.len;
	*out = tl_arena_strndup(p->a, b.data ? b.data : "", b.len);
	tl_buf_free(&b);
	return 0;
}

static int number(struct jp *p, double *out)
{
	size_t start = p->i;
	const char *s = p->s;
	size_t i = p->i;
	if (i < p->n && s[i] == '-')
		i++;
	if (i >= p->n || !(s[i] >= '0' && s[i] <= '9'))
		return fail(p, "bad number");
	if (s[i] == '0')
		i++;
	else
		while (i < p->n && s[i] >= '0' && s[i] <= '9')
			i++;
	if (i < p->n && s[i] == '.') {
		i++;
		if (i >= p->n || !(s[i] >= '0' && s[i] <= '9'))
			return fail(p, "bad number: digits must follow the decimal point");
		while (i < p->n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	if (i < p->n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < p->n && (s[i] == '+' || s[i] == '-'))
			i++;
		if (i >= p->n || !(s[i] >= '0' && s[i] <= '9'))
			return fail(p, "bad number: digits must follow the exponent");
		while (i < p->n && s[i] >= '0' && s[i] <= '9')
			i++;
	}
	char tmp[64];
	size_t len = i - start;
	if (len >= sizeof tmp)
		return fail(p, "number too long (more than 63 characters)");
	memcpy(tmp, s + start, len);
	tmp[len] = '\0';
	*out = strtod(tmp, NULL);
	while (p->i < i)
		adv(p);
	return 0;
}

static int literal(struct jp *p, const char *word)
{
	size_t l = strlen(word);
	if (p->n - p->i < l || memcmp(p->s + p->i, word, l) != 0)
		return fail(p, "unexpected character (expected a value: object, array, string, number, true, false or null)");
	for (size_t k = 0; k < l; k++)
		adv(p);
	return 0;
}

/* Growable child list, copied into the arena when complete. */
struct list {
	struct tl_json **items;
	const char **keys;
	size_t n, cap;
};

static void list_add(struct list *l, const char *key, struct tl_json *v)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->items = xrealloc(l->items, l->cap * sizeof *l->items);
		l->keys = xrealloc(l->keys, l->cap * sizeof *l->keys);
	}
	l->items[l->n] = v;
	l->keys[l->n] = key;
	l->n++;
}

static void list_finish(struct jp *p, struct list *l, struct tl_json *v, int with_keys)
{
	v->len = l->n;
	v->items = TL_NEW_ARRAY(p->a, struct tl_json *, l->n + 1);
	if (l->n)
		memcpy(v->items, l->items, l->n * sizeof *l->items);
	if (with_keys) {
		v->keys = TL_NEW_ARRAY(p->a, const char *, l->n + 1);
		if (l->n)
			memcpy(v->keys, l->keys, l->n * sizeof *l->keys);
	}
	free(l->items);
	free(l->keys);
}

static struct tl_json *value(struct jp *p, int depth)
{
	ws(p);
	if (p->i >= p->n) {
		fail(p, "expected a value");
		return NULL;
	}
	if (depth > TL_JSON_MAX_DEPTH) {
		fail(p, "nested too deeply (more than 64 levels)");
		return NULL;
	}
	struct tl_json *v = TL_NEW(p->a, struct tl_json);
	v->line = p->line;
	v->col = p->col;
	char c = p->s[p->i];
	if (c == '{' || c == '[') {
		int obj = c == '{';
		char close = obj ? '}' : ']';
		v->type = obj ? TL_JSON_OBJECT : TL_JSON_ARRAY;
		struct list l = {0};
		adv(p);
		ws(p);
		if (p->i < p->n && p->s[p->i] == close) {
			adv(p);
			list_finish(p, &l, v, obj);
			return v;
		}
		for (;;) {
			const char *key = NULL;
			if (obj) {
				ws(p);
				size_t kl;
				if (p->i >= p->n || p->s[p->i] != '"' || string(p, &key, &kl)) {
					fail(p, "expected a member name in quotes");
					list_finish(p, &l, v, obj);
					return NULL;
				}
				ws(p);
				if (p->i >= p->n || p->s[p->i] != ':') {
					fail(p, "expected ':' after a member name");
					list_finish(p, &l, v, obj);
					return NULL;
				}
				adv(p);
			}
			struct tl_json *item = value(p, depth + 1);
			if (!item) {
				list_finish(p, &l, v, obj);
				return NULL;
			}
			list_add(&l, key, item);
			ws(p);
			if (p->i < p->n && p->s[p->i] == ',') {
				adv(p);
				continue;
			}
			if (p->i < p->n && p->s[p->i] == close) {
				adv(p);
				break;
			}
			fail(p, obj ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array");
			list_finish(p, &l, v, obj);
			return NULL;
		}
		list_finish(p, &l, v, obj);
		return v;
	}
	int rc;
	if (c == '"') {
		v->type = TL_JSON_STRING;
		rc = string(p, &v->str, &v->len);
	} else if (c == '-' || (c >= '0' && c <= '9')) {
		v->type = TL_JSON_NUMBER;
		rc = number(p, &v->num);
	} else if (c == 't') {
		v->type = TL_JSON_TRUE;
		rc = literal(p, "true");
	} else if (c == 'f') {
		v->type = TL_JSON_FALSE;
		rc = literal(p, "false");
	} else if (c == 'n') {
		v->type = TL_JSON_NULL;
		rc = literal(p, "null");
	} else {
		rc = fail(p, "unexpected character (expected a value: object, array, string, number, true, false or null)");
	}
	return rc ? NULL : v;
}

int tl_json_parse(const char *name, const char *text, size_t len, tl_arena *a, struct tl_json **out,
		  tl_errors *errs)
{
	struct jp p = {text, len, 0, 1, 1, name, a, errs, 0};
	*out = NULL;
	/* A UTF-8 byte order mark is tolerated (Windows tools write one). */
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3))
		p.i = 3;
	struct tl_json *v = value(&p, 0);
	if (!v)
		return TL_ERR_INPUT;
	ws(&p);
	if (p.i < p.n) {
		fail(&p, "text after the end of the JSON value");
		return TL_ERR_INPUT;
	}
	*out = v;
	return TL_OK;
}

const struct tl_json *tl_json_get(const struct tl_json *o, const char *key)
{
	if (!o || o->type != TL_JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < o->len; i++)
		if (!strcmp(o->keys[i], key))
			return o->items[i];
	return NULL;
}
