/*
 * err — errors as values, with the position where they happened.
 *
 * Functions return TL_OK (0) or a negative tl_err.  Details go into a
 * caller-owned tl_errors list: parsers append every problem they find (up to
 * its limit) and the CLI prints them as
 *     file:line:column: what is wrong (the text)
 * Nothing here exits; only main.c decides the exit code.
 */
#ifndef TL_ERR_H
#define TL_ERR_H

#include <stdarg.h>
#include <stdio.h>

enum tl_err {
	TL_OK = 0,
	TL_ERR_INPUT = -1,  /* bad input; details in the error list */
	TL_ERR_IO = -2,     /* file or network could not be read or written */
	TL_ERR_STORE = -3,  /* the database refused */
	TL_ERR_LIMIT = -4,  /* input exceeds a documented limit */
	TL_ERR_NOTFOUND = -5,
	TL_ERR_CONFLICT = -6, /* changed by someone else since it was read */
};

struct tl_error {
	char *file;  /* owned; may be NULL */
	unsigned line;   /* 1-based; 0 = not about a line */
	unsigned col;    /* 1-based; 0 = whole line */
	char *field; /* owned; column or key name, may be NULL */
	char *msg;   /* owned */
};

typedef struct tl_errors {
	struct tl_error *items; /* owned */
	size_t n;
	size_t cap;
	size_t limit;   /* stop recording after this many; 0 = default 100 */
	size_t dropped; /* errors seen beyond the limit */
	size_t warnings; /* count of entries that are warnings, not errors */
	unsigned char *is_warning; /* parallel to items; owned */
} tl_errors;

#define TL_ERRORS_INIT {NULL, 0, 0, 0, 0, 0, NULL}

/* Record an error at file:line:col.  field may be NULL.  Copies everything. */
void tl_errors_add(tl_errors *e, const char *file, unsigned line, unsigned col,
		   const char *field, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Same, as a warning: printed, but tl_errors_failed() ignores it. */
void tl_errors_warn(tl_errors *e, const char *file, unsigned line, unsigned col,
		    const char *field, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Either of the two with a va_list, for a parser's own variadic helper that
 * fills in its file and position. */
void tl_errors_vadd(tl_errors *e, int warning, const char *file, unsigned line, unsigned col,
		    const char *field, const char *fmt, va_list ap) __attribute__((format(printf, 7, 0)));
/* Number of errors (not warnings) seen, including dropped ones. */
size_t tl_errors_count(const tl_errors *e);
int tl_errors_failed(const tl_errors *e);
/* Print every entry as "file:line:col: [warning: ]msg" and a trailer for
 * dropped ones. */
void tl_errors_print(const tl_errors *e, FILE *out);
/* Format one entry into a malloc'd string (caller frees). */
char *tl_error_format(const struct tl_error *err, int warning);
void tl_errors_free(tl_errors *e);

#endif
