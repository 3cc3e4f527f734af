/*
 * profile_render — bench/import.sh's "time to render a municipality
 * profile" on a store: what a fresh `telling serve` or `telling build`
 * does before the first profile exists, in phases, so that an engine's
 * share (loading the model) is apart from rendering (the same code on
 * both engines).
 *
 *   profile_render STORE [GM-CODE]
 *
 * Opens STORE (a SQLite file or a postgresql:// URI), loads the model,
 * parses the site, renders gemeente/CODE.html (default: the first
 * municipality of the site) and prints one line:
 *   profile CODE: open S s, load S s, site S s, render S s, total S s, BYTES bytes, sha256-free cksum N
 * (wall seconds; the checksum lets the bench compare both engines' bytes).
 * Benchmark code: not part of telling.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/err.h"
#include "render/site.h"
#include "store/store.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* FNV-1a over the page: equal pages from both engines give equal sums. */
static unsigned long long fnv(const char *p, size_t n)
{
	unsigned long long h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ull;
	}
	return h;
}

int main(int argc, char **argv)
{
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: profile_render STORE [GM-CODE]\n");
		return 2;
	}
	tl_errors errs = TL_ERRORS_INIT;
	tl_arena *a = tl_arena_new();
	tl_store *st = NULL;
	struct tl_model *m = NULL;
	tl_site *site = NULL;
	tl_buf b = TL_BUF_INIT;
	int rc = 1;
	char path[64];

	double t0 = now();
	if (tl_store_open(&st, argv[1], &errs))
		goto out;
	double t1 = now();
	if (tl_store_load(st, a, &m, &errs))
		goto out;
	double t2 = now();
	if (tl_site_open(m, TL_LANG_NL, &site, &errs))
		goto out;
	double t3 = now();
	if (argc == 3) {
		snprintf(path, sizeof path, "gemeente/%s.html", argv[2]);
	} else {
		const char *const *paths;
		size_t n = tl_site_paths(site, &paths);
		path[0] = '\0';
		for (size_t i = 0; i < n && !path[0]; i++)
			if (!strncmp(paths[i], "gemeente/", 9))
				snprintf(path, sizeof path, "%s", paths[i]);
		if (!path[0]) {
			fprintf(stderr, "profile_render: the site has no municipality profile\n");
			goto out;
		}
	}
	tl_errors warn = TL_ERRORS_INIT;
	int r = tl_site_render(site, path, &b, &warn);
	tl_errors_free(&warn);
	if (r) {
		fprintf(stderr, "profile_render: %s: cannot render\n", path);
		goto out;
	}
	double t4 = now();
	printf("profile %s: open %.3f s, load %.3f s, site %.3f s, render %.3f s, total %.3f s, %zu bytes, sum %016llx\n",
	       path, t1 - t0, t2 - t1, t3 - t2, t4 - t3, t4 - t0, b.len, fnv(b.data, b.len));
	rc = 0;
out:
	tl_errors_print(&errs, stderr);
	tl_errors_free(&errs);
	tl_buf_free(&b);
	tl_store_close(st);
	tl_arena_free(a);
	return rc;
}
