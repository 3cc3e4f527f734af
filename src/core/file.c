#include "file.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "xalloc.h"

int tl_file_read(const char *path, size_t max, tl_arena *a, char **data, size_t *len, tl_errors *errs)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return TL_ERR_IO;
	}
	struct stat sb;
	if (fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
		fclose(f);
		tl_errors_add(errs, path, 0, 0, NULL, "is a directory, expected a file");
		return TL_ERR_IO;
	}
	if (fstat(fileno(f), &sb) == 0 && (unsigned long long)sb.st_size > max) {
		fclose(f);
		tl_errors_add(errs, path, 0, 0, NULL, "file too large (%lld bytes; the limit is %zu)",
			      (long long)sb.st_size, max);
		return TL_ERR_LIMIT;
	}
	tl_buf b = TL_BUF_INIT;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + n > max) {
			fclose(f);
			tl_buf_free(&b);
			tl_errors_add(errs, path, 0, 0, NULL, "file too large (the limit is %zu bytes)", max);
			return TL_ERR_LIMIT;
		}
		tl_buf_put(&b, chunk, n);
	}
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		tl_buf_free(&b);
		tl_errors_add(errs, path, 0, 0, NULL, "read error");
		return TL_ERR_IO;
	}
	*data = tl_arena_strndup(a, b.data ? b.data : "", b.len);
	*len = b.len;
	tl_buf_free(&b);
	return TL_OK;
}

int tl_file_write(const char *path, const void *data, size_t len, tl_errors *errs)
{
	tl_buf tmp = TL_BUF_INIT;
	tl_buf_printf(&tmp, "%s.tmp%ld", path, (long)getpid());
	FILE *f = fopen(tmp.data, "wb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot write: %s", strerror(errno));
		tl_buf_free(&tmp);
		return TL_ERR_IO;
	}
	int ok = fwrite(data, 1, len, f) == len;
	ok = (fclose(f) == 0) && ok;
	if (!ok || rename(tmp.data, path) != 0) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot write: %s", strerror(errno));
		remove(tmp.data);
		tl_buf_free(&tmp);
		return TL_ERR_IO;
	}
	tl_buf_free(&tmp);
	return TL_OK;
}

int tl_mkdirs(const char *path, tl_errors *errs)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			tl_errors_add(errs, p, 0, 0, NULL, "cannot create directory: %s", strerror(errno));
			free(p);
			return TL_ERR_IO;
		}
		*s = '/';
	}
	int rc = TL_OK;
	if (mkdir(p, 0777) != 0 && errno != EEXIST) {
		tl_errors_add(errs, p, 0, 0, NULL, "cannot create directory: %s", strerror(errno));
		rc = TL_ERR_IO;
	}
	free(p);
	return rc;
}

int tl_is_dir(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int tl_is_file(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **tl_dir_list(const char *dir, const char *suffix, tl_arena *a, size_t *n)
{
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	size_t cap = 16, k = 0;
	char **names = xmalloc(cap * sizeof *names);
	struct dirent *e;
	size_t sl = strlen(suffix);
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || l <= sl || strcmp(e->d_name + l - sl, suffix) != 0)
			continue;
		if (k == cap) {
			cap *= 2;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[k++] = tl_arena_strdup(a, e->d_name);
	}
	closedir(d);
	qsort(names, k, sizeof *names, cmp_str);
	char **out = TL_NEW_ARRAY(a, char *, k + 1);
	memcpy(out, names, k * sizeof *names);
	free(names);
	*n = k;
	return out;
}
