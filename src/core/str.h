/*
 * str — small string helpers on (pointer, length) slices.
 */
#ifndef TL_STR_H
#define TL_STR_H

#include <stddef.h>

/* Trim ASCII blanks (space, tab, CR, LF) on both sides of s[0..*n). Returns the
 * new start and updates *n. */
const char *tl_trim(const char *s, size_t *n);
/* 1 when s (NUL-terminated) starts with prefix. */
int tl_starts_with(const char *s, const char *prefix);
/* 1 when the slice equals the NUL-terminated word. */
int tl_slice_eq(const char *s, size_t n, const char *word);
/* The same, ignoring ASCII case. */
int tl_slice_eq_ci(const char *s, size_t n, const char *word);
/* 1 when s is a valid identifier for agenda keys: [a-z0-9_-]+, 1..64 long. */
int tl_is_slug(const char *s);

#endif
