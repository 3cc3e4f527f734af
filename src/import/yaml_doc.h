/* Reading a libyaml document tree with positions: every accessor reports a
 * problem as file:line:column with the field's name, so agenda.yml, spec
 * files, report.yml and story front matter all speak the same way.
 *
 * A tl_yaml is a borrowed view: the document, file name, error list and
 * arena belong to the caller.  Text returned is copied into the arena. */
#ifndef TL_IMPORT_YAML_DOC_H
#define TL_IMPORT_YAML_DOC_H

#include <stddef.h>
#include <yaml.h>

#include "../core/arena.h"
#include "../core/err.h"

struct tl_yaml {
	yaml_document_t *doc;
	const char *file;
	unsigned line0; /* lines before the document (front matter starts on line 2) */
	tl_errors *errs;
	tl_arena *a;
};

/* Parse text (at most max bytes) into doc; a syntax error is reported with
 * its place.  On success the caller deletes doc. */
int tl_yaml_load(const char *name, const char *text, size_t len, size_t max, unsigned line0,
		 yaml_document_t *doc, tl_errors *errs);

void tl_yaml_err(const struct tl_yaml *y, const yaml_node_t *n, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

yaml_node_t *tl_yaml_node(const struct tl_yaml *y, int id);
/* "a value", "a list", "a mapping": for messages. */
const char *tl_yaml_kind(const yaml_node_t *n);
/* Empty, or a plain ~ / null. */
int tl_yaml_is_null(const yaml_node_t *v);

/* 1 when n is a mapping, else an error naming `what`. */
int tl_yaml_want_map(const struct tl_yaml *y, yaml_node_t *n, const char *what);
/* Every key of mapping n is one of allowed (NULL-terminated) and appears once. */
void tl_yaml_check_keys(const struct tl_yaml *y, yaml_node_t *n, const char *what,
			const char *const *allowed);
/* The value under key in mapping map, or NULL. */
yaml_node_t *tl_yaml_get(const struct tl_yaml *y, yaml_node_t *map, const char *key);

/* A scalar's trimmed text in the arena; NULL when absent, null or empty (an
 * error when required).  map is where a missing value is reported. */
const char *tl_yaml_text(const struct tl_yaml *y, yaml_node_t *v, const char *key, const char *what,
			 int required, yaml_node_t *map);
const char *tl_yaml_str_field(const struct tl_yaml *y, yaml_node_t *map, const char *key,
			      const char *what, int required);
/* Decimal digits with an optional minus, in [min, max]; -1 otherwise. */
int tl_yaml_parse_long(const char *s, long min, long max, long *out);
/* A whole number in [min, max] in *out; -1 (reported) when it is not one. */
int tl_yaml_scalar_long(const struct tl_yaml *y, yaml_node_t *v, const char *key, const char *what,
			long min, long max, long *out);
/* Whole number field; def when absent or null (an error when required). */
long tl_yaml_int_field(const struct tl_yaml *y, yaml_node_t *map, const char *key, const char *what,
		       long min, long max, long def, int required);
/* A list field; NULL when absent or null (an error when required). */
yaml_node_t *tl_yaml_seq_field(const struct tl_yaml *y, yaml_node_t *map, const char *key,
			       const char *what, int required);
size_t tl_yaml_seq_len(const yaml_node_t *s);
yaml_node_t *tl_yaml_seq_at(const struct tl_yaml *y, const yaml_node_t *s, size_t i);

#endif
