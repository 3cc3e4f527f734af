/*
 * file — whole-file reads and atomic writes, with errors that name the path.
 */
#ifndef TL_FILE_H
#define TL_FILE_H

#include <stddef.h>

#include "arena.h"
#include "err.h"

/* Read all of path into the arena, NUL-terminated.  Files over max bytes are
 * refused (TL_ERR_LIMIT) before anything is allocated. */
int tl_file_read(const char *path, size_t max, tl_arena *a, char **data, size_t *len, tl_errors *errs);
/* Write via a temporary file and rename, so readers never see half a file. */
int tl_file_write(const char *path, const void *data, size_t len, tl_errors *errs);
/* mkdir -p. */
int tl_mkdirs(const char *path, tl_errors *errs);
/* 1 when path is an existing directory / regular file. */
int tl_is_dir(const char *path);
int tl_is_file(const char *path);
/* Sorted names in dir ending in suffix (e.g. ".csv"), into the arena; *n set.
 * A missing directory gives zero names. */
char **tl_dir_list(const char *dir, const char *suffix, tl_arena *a, size_t *n);

#endif
