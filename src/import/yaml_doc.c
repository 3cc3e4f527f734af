#include "yaml_doc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/str.h"
#include "../core/xalloc.h"

int tl_yaml_load(const char *name, const char *text, size_t len, size_t max, unsigned line0,
		 yaml_document_t *doc, tl_errors *errs)
{
	if (len > max) {
		tl_errors_add(errs, name, 0, 0, NULL, "file too large (the limit is %zu bytes)", max);
		return TL_ERR_LIMIT;
	}
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		tl_panic("cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&parser, doc)) {
		tl_errors_add(errs, name, (unsigned)parser.problem_mark.line + 1 + line0,
			      (unsigned)parser.problem_mark.column + 1, NULL, "YAML: %s%s%s",
			      parser.problem ? parser.problem : "syntax error", parser.context ? " " : "",
			      parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		return TL_ERR_INPUT;
	}
	yaml_parser_delete(&parser);
	return TL_OK;
}

void tl_yaml_err(const struct tl_yaml *y, const yaml_node_t *n, const char *field, const char *fmt, ...)
{
	va_list ap;
	tl_buf b = TL_BUF_INIT;
	va_start(ap, fmt);
	tl_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	tl_errors_add(y->errs, y->file, n ? (unsigned)n->start_mark.line + 1 + y->line0 : 0,
		      n ? (unsigned)n->start_mark.column + 1 : 0, field, "%s", b.data);
	tl_buf_free(&b);
}

yaml_node_t *tl_yaml_node(const struct tl_yaml *y, int id)
{
	return yaml_document_get_node(y->doc, id);
}

const char *tl_yaml_kind(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE: return "a value";
	case YAML_SEQUENCE_NODE: return "a list";
	case YAML_MAPPING_NODE: return "a mapping";
	default: return "nothing";
	}
}

int tl_yaml_is_null(const yaml_node_t *v)
{
	if (v->type != YAML_SCALAR_NODE)
		return 0;
	if (v->data.scalar.length == 0)
		return 1;
	const char *s = (const char *)v->data.scalar.value;
	return v->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && (!strcmp(s, "~") || !strcmp(s, "null"));
}

int tl_yaml_want_map(const struct tl_yaml *y, yaml_node_t *n, const char *what)
{
	if (!n || n->type != YAML_MAPPING_NODE) {
		tl_yaml_err(y, n, NULL, "%s must be a mapping (key: value lines), not %s", what,
			    n ? tl_yaml_kind(n) : "nothing");
		return 0;
	}
	return 1;
}

static const char *key_text(const struct tl_yaml *y, int id)
{
	yaml_node_t *k = tl_yaml_node(y, id);
	return k && k->type == YAML_SCALAR_NODE ? (const char *)k->data.scalar.value : NULL;
}

void tl_yaml_check_keys(const struct tl_yaml *y, yaml_node_t *n, const char *what,
			const char *const *allowed)
{
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = tl_yaml_node(y, p->key);
		const char *key = key_text(y, p->key);
		if (!key) {
			tl_yaml_err(y, k, NULL, "%s: keys must be plain words", what);
			continue;
		}
		for (yaml_node_pair_t *q = n->data.mapping.pairs.start; q < p; q++) {
			const char *earlier = key_text(y, q->key);
			if (earlier && !strcmp(earlier, key))
				tl_yaml_err(y, k, key, "%s: \"%s\" is given twice", what, key);
		}
		int ok = 0;
		for (const char *const *a = allowed; *a; a++)
			ok |= !strcmp(key, *a);
		if (ok)
			continue;
		tl_buf list = TL_BUF_INIT;
		for (const char *const *a = allowed; *a; a++) {
			if (a != allowed)
				tl_buf_puts(&list, ", ");
			tl_buf_puts(&list, *a);
		}
		tl_yaml_err(y, k, key, "unknown key \"%s\" in %s (accepted: %s)", key, what, list.data);
		tl_buf_free(&list);
	}
}

yaml_node_t *tl_yaml_get(const struct tl_yaml *y, yaml_node_t *map, const char *key)
{
	for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		const char *k = key_text(y, p->key);
		if (k && !strcmp(k, key))
			return tl_yaml_node(y, p->value);
	}
	return NULL;
}

/* 1 when v (the value of key in map, NULL when absent) is absent or null,
 * reported when the field is required; 0 when there is a value to read. */
static int absent(const struct tl_yaml *y, yaml_node_t *v, yaml_node_t *map, const char *key, const char *what,
		  int required)
{
	if (v && !tl_yaml_is_null(v))
		return 0;
	if (required)
		tl_yaml_err(y, v ? v : map, key, "%s: \"%s\" is required", what, key);
	return 1;
}

const char *tl_yaml_text(const struct tl_yaml *y, yaml_node_t *v, const char *key, const char *what,
			 int required, yaml_node_t *map)
{
	if (absent(y, v, map, key, what, required))
		return NULL;
	if (v->type != YAML_SCALAR_NODE) {
		tl_yaml_err(y, v, key, "%s: \"%s\" must be text, not %s", what, key, tl_yaml_kind(v));
		return NULL;
	}
	size_t n = v->data.scalar.length;
	const char *s = tl_trim((const char *)v->data.scalar.value, &n);
	if (n == 0) {
		if (required)
			tl_yaml_err(y, v, key, "%s: \"%s\" is empty", what, key);
		return NULL;
	}
	if (memchr(s, '\0', n)) {
		tl_yaml_err(y, v, key, "%s: \"%s\" contains a NUL character", what, key);
		return NULL;
	}
	return tl_arena_strndup(y->a, s, n);
}

const char *tl_yaml_str_field(const struct tl_yaml *y, yaml_node_t *map, const char *key,
			      const char *what, int required)
{
	return tl_yaml_text(y, tl_yaml_get(y, map, key), key, what, required, map);
}

int tl_yaml_parse_long(const char *s, long min, long max, long *out)
{
	char *end;
	if (!*s || (*s != '-' && (*s < '0' || *s > '9')))
		return -1;
	long v = strtol(s, &end, 10);
	if (*end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int tl_yaml_scalar_long(const struct tl_yaml *y, yaml_node_t *v, const char *key, const char *what,
			long min, long max, long *out)
{
	if (v->type != YAML_SCALAR_NODE || tl_yaml_parse_long((const char *)v->data.scalar.value, min, max, out)) {
		tl_yaml_err(y, v, key, "%s: \"%s\" must be a whole number from %ld to %ld", what, key, min,
			    max);
		return -1;
	}
	return 0;
}

long tl_yaml_int_field(const struct tl_yaml *y, yaml_node_t *map, const char *key, const char *what,
		       long min, long max, long def, int required)
{
	yaml_node_t *v = tl_yaml_get(y, map, key);
	if (absent(y, v, map, key, what, required))
		return def;
	long out;
	return tl_yaml_scalar_long(y, v, key, what, min, max, &out) ? def : out;
}

yaml_node_t *tl_yaml_seq_field(const struct tl_yaml *y, yaml_node_t *map, const char *key,
			       const char *what, int required)
{
	yaml_node_t *v = tl_yaml_get(y, map, key);
	if (absent(y, v, map, key, what, required))
		return NULL;
	if (v->type != YAML_SEQUENCE_NODE) {
		tl_yaml_err(y, v, key, "%s: \"%s\" must be a list, not %s", what, key, tl_yaml_kind(v));
		return NULL;
	}
	return v;
}

size_t tl_yaml_seq_len(const yaml_node_t *s)
{
	return s ? (size_t)(s->data.sequence.items.top - s->data.sequence.items.start) : 0;
}

yaml_node_t *tl_yaml_seq_at(const struct tl_yaml *y, const yaml_node_t *s, size_t i)
{
	return tl_yaml_node(y, s->data.sequence.items.start[i]);
}
