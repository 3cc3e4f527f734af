/*
 * telling — the command line.
 *
 * One const table of commands (cgit's cmd.c style); each command parses its
 * own options, calls the library, prints what went wrong as
 * file:line:column: message, and returns the exit code.  Only this file
 * exits.  Exit codes: 0 done, 1 bad input or failure, 2 wrong usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/file.h"
#include "import/folder.h"
#include "import/statfile.h"
#include "render/site.h"
#include "store/schema.h"
#include "store/store.h"

#ifndef TL_ASSETS_DIR
#define TL_ASSETS_DIR "assets"
#endif
#define TL_VERSION "0.1.0"

struct opts {
	const char *db;
	const char *out;
	const char *lang;
	const char *assets;
	const char *arg; /* the one positional argument */
	int dry_run;
	int add_regions;
	int pdf;
};

static int usage(const char *msg)
{
	if (msg)
		fprintf(stderr, "telling: %s\n", msg);
	fputs("usage:\n"
	      "  telling init FOLDER --db FILE          load an agenda folder into a store\n"
	      "  telling import FILE|FOLDER --db FILE   import observations: telling long CSV, CBS OData v3\n"
	      "        [--dry-run] [--add-regions]      (CSV/JSON), v4 bulk, StatLine CSV, RIVM, RMBW\n"
	      "  telling build FOLDER|--db FILE -o DIR  build the report site\n"
	      "        [--lang nl|en] [--assets DIR] [--pdf]\n"
	      "  telling version\n",
	      stderr);
	return 2;
}

/* Parse "--db X", "--db=X", "-o X", "--lang X", "--assets X" and one positional. */
static int parse_opts(int argc, char **argv, struct opts *o)
{
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char **slot = NULL;
		const char *name = NULL;
		if (!strcmp(a, "--db") || !strncmp(a, "--db=", 5)) {
			slot = &o->db;
			name = "--db";
		} else if (!strcmp(a, "-o") || !strcmp(a, "--out") || !strncmp(a, "--out=", 6)) {
			slot = &o->out;
			name = "-o";
		} else if (!strcmp(a, "--lang") || !strncmp(a, "--lang=", 7)) {
			slot = &o->lang;
			name = "--lang";
		} else if (!strcmp(a, "--assets") || !strncmp(a, "--assets=", 9)) {
			slot = &o->assets;
			name = "--assets";
		}
		if (slot) {
			const char *eq = strchr(a, '=');
			if (eq) {
				*slot = eq + 1;
			} else if (i + 1 < argc) {
				*slot = argv[++i];
			} else {
				fprintf(stderr, "telling: %s needs a value\n", name);
				return -1;
			}
			continue;
		}
		if (!strcmp(a, "--dry-run")) {
			o->dry_run = 1;
			continue;
		}
		if (!strcmp(a, "--pdf")) {
			o->pdf = 1;
			continue;
		}
		if (!strcmp(a, "--add-regions")) {
			o->add_regions = 1;
			continue;
		}
		if (a[0] == '-' && a[1]) {
			fprintf(stderr, "telling: unknown option %s\n", a);
			return -1;
		}
		if (o->arg) {
			fprintf(stderr, "telling: unexpected argument %s\n", a);
			return -1;
		}
		o->arg = a;
	}
	return 0;
}

static int report(tl_errors *errs, int rc)
{
	tl_errors_print(errs, stderr);
	tl_errors_free(errs);
	return rc;
}

static int cmd_init(int argc, char **argv)
{
	struct opts o = {0};
	if (parse_opts(argc, argv, &o))
		return usage(NULL);
	if (!o.arg || !o.db)
		return usage("init needs an agenda folder and --db FILE");
	tl_errors errs = TL_ERRORS_INIT;
	tl_store *st;
	if (tl_store_open(&st, o.db, &errs))
		return report(&errs, 1);
	struct tl_folder_stats s;
	int rc = tl_folder_load(st, o.arg, 1, &s, &errs);
	tl_store_close(st);
	if (rc) {
		tl_errors_print(&errs, stderr);
		fprintf(stderr, "telling: %s not loaded; %s is unchanged\n", o.arg, o.db);
		tl_errors_free(&errs);
		return 1;
	}
	tl_errors_print(&errs, stderr); /* warnings */
	tl_errors_free(&errs);
	printf("init: %s → %s: %zu themes, %zu goals, %zu indicators, %zu regions, %zu region groups, "
	       "%zu chapters, %ld observations from %zu files\n",
	       o.arg, o.db, s.themes, s.goals, s.indicators, s.regions, s.groups, s.chapters,
	       s.observations, s.files);
	return 0;
}

static int cmd_import(int argc, char **argv)
{
	struct opts o = {0};
	if (parse_opts(argc, argv, &o))
		return usage(NULL);
	if (!o.arg || !o.db)
		return usage("import needs a file or folder and --db FILE");
	tl_errors errs = TL_ERRORS_INIT;
	tl_store *st;
	if (tl_store_open(&st, o.db, &errs))
		return report(&errs, 1);
	tl_arena *a = tl_arena_new();
	struct tl_model *m;
	struct tl_path_stats s = {0};
	struct tl_import_opts io = {o.add_regions};
	int rc = tl_store_load_framework(st, a, &m, &errs);
	if (!rc)
		rc = tl_store_begin(st, &errs);
	if (!rc) {
		rc = tl_import_path(st, m, o.arg, &io, &s, &errs);
		if (!rc && !o.dry_run)
			rc = tl_store_commit(st, &errs);
		else
			tl_store_rollback(st);
	}
	tl_store_close(st);
	tl_arena_free(a);
	tl_errors_print(&errs, stderr);
	if (rc) {
		fprintf(stderr, "telling: %zu error%s; nothing imported, %s is unchanged\n",
			tl_errors_count(&errs), tl_errors_count(&errs) == 1 ? "" : "s", o.db);
		tl_errors_free(&errs);
		return 1;
	}
	tl_errors_free(&errs);
	const struct tl_mapper_stats *c = &s.cells;
	printf("import: %s%s: %d file%s", o.dry_run ? "(dry run, nothing written) " : "", o.arg, s.files,
	       s.files == 1 ? "" : "s");
	if (s.rows)
		printf(", %ld rows", s.rows);
	if (c->cells)
		printf(", %ld cells", c->cells);
	printf(", %ld observations %s", s.observations, o.dry_run ? "would be loaded" : "loaded");
	if (c->missing)
		printf(" (%ld without a value)", c->missing);
	if (c->regions_added)
		printf(", %ld regions added", c->regions_added);
	printf("\n");
	if (c->cells > c->observations) {
		printf("skipped: %ld topic not asked for by any indicator, %ld other dimension codes "
		       "(age group, margin …), %ld other table, %ld region not in the agenda, %ld without period",
		       c->skip_topic, c->skip_dims, c->skip_table, c->skip_region, c->skip_period);
		if (c->skip_merged)
			printf(", %ld replaced by a merger's mapped figure", c->skip_merged);
		printf("\n");
	}
	if (c->regions_seen)
		printf("regions: %ld named in the file%s, %ld new to the region register\n", c->regions_seen,
		       s.files == 1 ? "" : "s", c->regions_registered);
	if (c->merged_cells || c->mergers_applied || c->mergers_broken)
		printf("mergers: %ld applied (%ld cells of old municipalities mapped onto %ld figures), "
		       "%ld left as a series break\n",
		       c->mergers_applied, c->merged_cells, c->merged_obs, c->mergers_broken);
	return 0;
}

static int cmd_build(int argc, char **argv)
{
	struct opts o = {0};
	if (parse_opts(argc, argv, &o))
		return usage(NULL);
	if ((!o.arg && !o.db) || (o.arg && o.db))
		return usage("build needs either an agenda folder or --db FILE");
	if (!o.out)
		return usage("build needs -o DIR");
	enum tl_lang lang = TL_LANG_NL;
	if (o.lang && !strcmp(o.lang, "en"))
		lang = TL_LANG_EN;
	else if (o.lang && strcmp(o.lang, "nl") != 0)
		return usage("--lang must be nl or en");
	const char *assets = o.assets ? o.assets : getenv("TELLING_ASSETS");
	if (!assets)
		assets = TL_ASSETS_DIR;

	tl_errors errs = TL_ERRORS_INIT;
	tl_store *st;
	/* A folder is loaded into a private in-memory store first, so that the
	 * report always comes from the store, whichever way it was asked for. */
	if (tl_store_open(&st, o.db ? o.db : ":memory:", &errs))
		return report(&errs, 1);
	if (o.arg && tl_folder_load(st, o.arg, 1, NULL, &errs)) {
		tl_store_close(st);
		return report(&errs, 1);
	}
	tl_arena *a = tl_arena_new();
	struct tl_model *m;
	int rc = tl_store_load(st, a, &m, &errs);
	tl_store_close(st);
	struct tl_site_stats s = {0};
	struct tl_site_opts so = {assets, lang, o.pdf};
	if (!rc)
		rc = tl_site_build(m, o.out, &so, &s, &errs);
	tl_errors_print(&errs, stderr);
	size_t warnings = errs.warnings;
	tl_errors_free(&errs);
	tl_arena_free(a);
	if (rc) {
		fprintf(stderr, "telling: report not built\n");
		return 1;
	}
	printf("build: %s: %d pages, %d indicator figures, %d downloads, %zu kB%s\n", o.out, s.pages,
	       s.charts, s.downloads, s.bytes / 1024, warnings ? " (see warnings above)" : "");
	return 0;
}

static int cmd_version(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("telling %s (store schema %d)\n", TL_VERSION, tl_schema_version);
	return 0;
}

static const struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
} cmds[] = {
	{"init", cmd_init},
	{"import", cmd_import},
	{"build", cmd_build},
	{"version", cmd_version},
	{"--version", cmd_version},
};

int main(int argc, char **argv)
{
	if (argc < 2)
		return usage(NULL);
	for (size_t i = 0; i < sizeof cmds / sizeof *cmds; i++)
		if (!strcmp(argv[1], cmds[i].name))
			return cmds[i].fn(argc - 2, argv + 2);
	if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		usage(NULL);
		return 0;
	}
	fprintf(stderr, "telling: unknown command \"%s\"\n", argv[1]);
	return usage(NULL);
}
