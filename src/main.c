/*
 * telling — the command line.
 *
 * One const table of commands (cgit's cmd.c style); each command parses its
 * own options, calls the library, prints what went wrong as
 * file:line:column: message, and returns the exit code.  Only this file
 * exits.  Exit codes: 0 done, 1 bad input or failure, 2 wrong usage.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/buf.h"
#include "core/file.h"
#include "import/agenda.h"
#include "import/export.h"
#include "import/folder.h"
#include "import/statfile.h"
#include "render/site.h"
#include "store/schema.h"
#include "store/store.h"
#include "store/store_web.h"
#include "web/auth.h"
#include "web/server.h"
#include "text/check.h"

#ifndef TL_ASSETS_DIR
#define TL_ASSETS_DIR "assets"
#endif
#define TL_VERSION "0.1.0"
#define TL_CHECK_TEXT_MAX (64u << 20) /* a report of 64 MB is not a report */

struct opts {
	const char *db;
	const char *out;
	const char *lang;
	const char *assets;
	const char *text;  /* check --text FILE */
	const char *year;  /* check --year YYYY */
	const char *spec;  /* import: a file of import specs and mergers */
	const char *arg; /* the one positional argument */
	int dry_run;
	int add_regions;
	int pdf;
	int strict;
	int accept;
};

static int usage(const char *msg)
{
	if (msg)
		fprintf(stderr, "telling: %s\n", msg);
	fputs("usage:\n"
	      "  telling init FOLDER --db FILE          load an agenda folder into a store\n"
	      "  telling import FILE|FOLDER --db FILE   import observations: telling long CSV, CBS OData v3\n"
	      "        [--dry-run] [--add-regions]      (CSV/JSON), v4 bulk, StatLine CSV, RIVM, RMBW\n"
	      "        [--spec FILE]                    import specs and mergers from FILE besides the agenda's\n"
	      "  telling build FOLDER|--db FILE -o DIR  build the report site\n"
	      "        [--lang nl|en] [--assets DIR] [--pdf] [--strict]\n"
	      "  telling check FOLDER|--db FILE         check the report's text against its data\n"
	      "  telling check --text FILE [--db FILE]  check a plain-text or Markdown report\n"
	      "        [--year YYYY]                    the year it reports on (default: the agenda's)\n"
	      "        [--lang nl|en] [--accept]            (--accept, with --db: record the bound figures\n"
	      "                                         as read, so later data changes are reported)\n"
	      "  telling export --db FILE -o DIR        write a store back out as an agenda folder\n"
	      "  telling serve --db FILE [--port 8080] [--bind 127.0.0.1]\n"
	      "        [--lang nl|en] [--assets DIR] [--secure-cookies]\n"
	      "        [--timeout S] [--request-time S] [--per-ip N]\n"
	      "                                         serve the report, dashboard, API and editor\n"
	      "  telling user add NAME --role ROLE --db FILE [--organisation ORG]\n"
	      "                                         add an account (password on stdin); roles:\n"
	      "                                         admin, editor, partner, viewer\n"
	      "  telling version\n"
	      "FILE after --db is a SQLite file, or a PostgreSQL database as postgresql://HOST/NAME\n"
	      "(any PostgreSQL connection URI)\n",
	      stderr);
	return 2;
}

/* "--name VALUE" or "--name=VALUE" at argv[*i]: the value, or NULL. */
static const char *opt_value(int argc, char **argv, int *i, const char *name, int *bad)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		fprintf(stderr, "telling: %s needs a value\n", name);
		*bad = 1;
		return NULL;
	}
	return argv[++*i];
}

/* Parse the options of every command ("--db X" or "--db=X", flags) and the
 * one positional argument. */
static int parse_opts(int argc, char **argv, struct opts *o)
{
	const struct {
		const char *name, *alias;
		const char **slot;
	} values[] = {
		{"--db", NULL, &o->db},         {"-o", "--out", &o->out},     {"--lang", NULL, &o->lang},
		{"--assets", NULL, &o->assets}, {"--spec", NULL, &o->spec},   {"--text", NULL, &o->text},
		{"--year", NULL, &o->year},
	};
	const struct {
		const char *name;
		int *flag;
	} flags[] = {
		{"--dry-run", &o->dry_run}, {"--pdf", &o->pdf},	    {"--accept", &o->accept},
		{"--strict", &o->strict},   {"--add-regions", &o->add_regions},
	};
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		int bad = 0, matched = 0;
		for (size_t v = 0; v < sizeof values / sizeof *values && !matched && !bad; v++) {
			const char *val = opt_value(argc, argv, &i, values[v].name, &bad);
			if (!val && !bad && values[v].alias)
				val = opt_value(argc, argv, &i, values[v].alias, &bad);
			if (val) {
				*values[v].slot = val;
				matched = 1;
			}
		}
		if (bad)
			return -1;
		if (matched)
			continue;
		size_t f = 0;
		while (f < sizeof flags / sizeof *flags && strcmp(a, flags[f].name))
			f++;
		if (f < sizeof flags / sizeof *flags) {
			*flags[f].flag = 1;
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
	if (s.instruments || s.targets || s.stories || s.next_steps)
		printf("init: report: %zu instruments, %zu grants, %zu targets, %zu stories, %zu next steps\n",
		       s.instruments, s.grants, s.targets, s.stories, s.next_steps);
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
	struct tl_import_opts io = {o.add_regions, isatty(STDERR_FILENO)};
	int rc = tl_store_load_framework(st, a, &m, &errs);
	size_t agenda_mergers = rc ? 0 : m->n_mergers;
	if (!rc && o.spec) {
		/* Specs (and mergers) from a file of their own, added to the agenda's. */
		char *text;
		size_t len;
		rc = tl_file_read(o.spec, TL_AGENDA_MAX_FILE, a, &text, &len, &errs);
		if (!rc)
			rc = tl_spec_parse(o.spec, text, len, m, a, &m, &errs);
	}
	if (!rc)
		rc = tl_store_begin(st, &errs);
	for (size_t i = agenda_mergers; !rc && i < m->n_mergers; i++)
		rc = tl_store_put_merger(st, &m->mergers[i], &errs);
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
	if (s.rows || c->rows)
		printf(", %ld rows", s.rows + c->rows);
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
	if (c->regions_seen) {
		printf("regions: %ld named in the file%s, %ld new to the region register", c->regions_seen,
		       s.files == 1 ? "" : "s", c->regions_registered);
		if (c->groups_registered)
			printf(", %ld group%s of its code lists", c->groups_registered,
			       c->groups_registered == 1 ? "" : "s");
		printf("\n");
	}
	if (c->merged_cells || c->mergers_applied || c->mergers_broken)
		printf("mergers: %ld applied (%ld cells of old municipalities mapped onto %ld figures), "
		       "%ld left as a series break\n",
		       c->mergers_applied, c->merged_cells, c->merged_obs, c->mergers_broken);
	return 0;
}

static int parse_lang(const struct opts *o, enum tl_lang *lang)
{
	*lang = TL_LANG_NL;
	if (o->lang && !strcmp(o->lang, "en"))
		*lang = TL_LANG_EN;
	else if (o->lang && strcmp(o->lang, "nl") != 0)
		return -1;
	return 0;
}

/* The model of an agenda folder or a store.  A folder is loaded into a
 * private in-memory store first, so that the report always comes from the
 * store, whichever way it was asked for.  The store is closed again. */
static int load_model(const struct opts *o, tl_arena *a, struct tl_model **m, tl_errors *errs)
{
	tl_store *st;
	if (tl_store_open(&st, o->db ? o->db : ":memory:", errs))
		return -1;
	int rc = 0;
	if (o->arg && !o->db)
		rc = tl_folder_load(st, o->arg, 1, NULL, errs);
	if (!rc)
		rc = tl_store_load(st, a, m, errs);
	tl_store_close(st);
	return rc ? -1 : 0;
}

/* The bound figures as last accepted, from the store at `db` (rule 1 of the
 * check).  With `accept`, first record what m's bindings print now. */
static int accepted_figures(const char *db, const struct tl_model *m, int accept, tl_arena *a,
			    struct tl_check_opts *co, tl_errors *errs)
{
	tl_store *st;
	if (tl_store_open(&st, db, errs))
		return -1;
	int rc = 0;
	if (accept) {
		size_t n;
		struct tl_accepted *v = tl_check_bound_values(m, a, &n);
		rc = tl_store_begin(st, errs);
		if (!rc)
			rc = tl_store_put_accepted(st, v, n, errs);
		if (!rc)
			rc = tl_store_commit(st, errs);
		else
			tl_store_rollback(st);
		if (!rc)
			printf("accept: %zu bound figure%s recorded as read\n", n, n == 1 ? "" : "s");
	}
	struct tl_accepted *v = NULL;
	size_t n = 0;
	if (!rc)
		rc = tl_store_load_accepted(st, a, &v, &n, errs);
	tl_store_close(st);
	co->accepted = v;
	co->n_accepted = n;
	return rc ? -1 : 0;
}

/* "check: 3 errors, 6 warnings", in English like the findings. */
static void check_summary(FILE *f, const char *what, size_t errors, size_t warnings)
{
	fprintf(f, "%s: %zu error%s, %zu warning%s\n", what, errors, errors == 1 ? "" : "s", warnings,
		warnings == 1 ? "" : "s");
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
	enum tl_lang lang;
	if (parse_lang(&o, &lang))
		return usage("--lang must be nl or en");
	const char *assets = o.assets ? o.assets : getenv("TELLING_ASSETS");
	if (!assets)
		assets = TL_ASSETS_DIR;

	tl_errors errs = TL_ERRORS_INIT;
	tl_arena *a = tl_arena_new();
	struct tl_model *m;
	if (load_model(&o, a, &m, &errs)) {
		tl_arena_free(a);
		return report(&errs, 1);
	}
	/* The text against its data: findings are printed; with --strict an
	 * error stops the build before anything is written. */
	tl_errors chk = TL_ERRORS_INIT;
	chk.limit = 10000;
	struct tl_check_opts co = {.lang = TL_LANG_NL};
	if (o.db && accepted_figures(o.db, m, 0, a, &co, &errs)) {
		tl_arena_free(a);
		return report(&errs, 1);
	}
	tl_check_model(m, &co, &chk);
	tl_errors_print(&chk, stderr);
	size_t chk_errors = tl_errors_count(&chk), chk_warnings = chk.warnings;
	tl_errors_free(&chk);
	if (chk_errors || chk_warnings)
		check_summary(stderr, "check", chk_errors, chk_warnings);
	if (o.strict && chk_errors) {
		fprintf(stderr, "telling: report not built: the check found %zu error%s (--strict)\n",
			chk_errors, chk_errors == 1 ? "" : "s");
		tl_arena_free(a);
		return report(&errs, 1);
	}
	struct tl_site_stats s = {0};
	struct tl_site_opts so = {assets, lang, o.pdf};
	int rc = tl_site_build(m, o.out, &so, &s, &errs);
	tl_errors_print(&errs, stderr);
	size_t warnings = errs.warnings + chk_warnings + chk_errors;
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

static int cmd_serve(int argc, char **argv)
{
	struct tl_serve_opts so = {0};
	so.bind = "127.0.0.1";
	so.port = 8080;
	so.max_body = 64u << 10;
	so.max_upload = 32u << 20;
	so.timeout = 30;
	so.request_time = 60;
	so.per_ip = 64;
	const char *lang = NULL, *port = NULL, *timeout = NULL, *request_time = NULL, *per_ip = NULL;
	int bad = 0;
	for (int i = 0; i < argc && !bad; i++) {
		const char *v;
		if ((v = opt_value(argc, argv, &i, "--db", &bad)))
			so.db = v;
		else if ((v = opt_value(argc, argv, &i, "--port", &bad)))
			port = v;
		else if ((v = opt_value(argc, argv, &i, "--bind", &bad)))
			so.bind = v;
		else if ((v = opt_value(argc, argv, &i, "--lang", &bad)))
			lang = v;
		else if ((v = opt_value(argc, argv, &i, "--assets", &bad)))
			so.assets = v;
		else if ((v = opt_value(argc, argv, &i, "--timeout", &bad)))
			timeout = v;
		else if ((v = opt_value(argc, argv, &i, "--request-time", &bad)))
			request_time = v;
		else if ((v = opt_value(argc, argv, &i, "--per-ip", &bad)))
			per_ip = v;
		else if (!strcmp(argv[i], "--secure-cookies"))
			so.secure_cookies = 1;
		else if (!bad) {
			fprintf(stderr, "telling: serve: unexpected argument %s\n", argv[i]);
			bad = 1;
		}
	}
	if (bad)
		return usage(NULL);
	if (!so.db)
		return usage("serve needs --db FILE");
	if (port) {
		char *end;
		long p = strtol(port, &end, 10);
		if (*end || p < 1 || p > 65535)
			return usage("--port must be a number from 1 to 65535");
		so.port = (int)p;
	}
	const char *const lim_name[3] = {"--timeout", "--request-time", "--per-ip"};
	const char *const lim_val[3] = {timeout, request_time, per_ip};
	unsigned *const lim_out[3] = {&so.timeout, &so.request_time, &so.per_ip};
	for (int k = 0; k < 3; k++) {
		if (!lim_val[k])
			continue;
		char *end;
		long n = strtol(lim_val[k], &end, 10);
		if (*end || n < 1 || n > 86400) {
			fprintf(stderr, "telling: serve: %s must be a number from 1 to 86400\n", lim_name[k]);
			return usage(NULL);
		}
		*lim_out[k] = (unsigned)n;
	}
	so.lang = TL_LANG_NL;
	if (lang && !strcmp(lang, "en"))
		so.lang = TL_LANG_EN;
	else if (lang && strcmp(lang, "nl") != 0)
		return usage("--lang must be nl or en");
	if (!so.assets)
		so.assets = getenv("TELLING_ASSETS");
	if (!so.assets)
		so.assets = TL_ASSETS_DIR;
	tl_errors errs = TL_ERRORS_INIT;
	int rc = tl_serve_run(&so, &errs);
	return report(&errs, rc ? 1 : 0);
}

/* telling user add NAME --role ROLE [--organisation ORG] --db FILE; the
 * password is the first line of standard input. */
static int cmd_user(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[0], "add") != 0)
		return usage("user needs: add NAME --role ROLE --db FILE");
	const char *name = argv[1], *role = NULL, *org = NULL, *db = NULL;
	int bad = 0;
	for (int i = 2; i < argc && !bad; i++) {
		const char *v;
		if ((v = opt_value(argc, argv, &i, "--db", &bad)))
			db = v;
		else if ((v = opt_value(argc, argv, &i, "--role", &bad)))
			role = v;
		else if ((v = opt_value(argc, argv, &i, "--organisation", &bad)))
			org = v;
		else if (!bad) {
			fprintf(stderr, "telling: user add: unexpected argument %s\n", argv[i]);
			bad = 1;
		}
	}
	if (bad)
		return usage(NULL);
	if (!db || !role)
		return usage("user add needs --role ROLE and --db FILE");
	if (!*name || strlen(name) > 64 || strpbrk(name, " \t\r\n")) {
		fprintf(stderr, "telling: user add: a user name is 1 to 64 characters without spaces\n");
		return 1;
	}
	char pw[1025];
	if (isatty(0))
		fprintf(stderr, "password for %s (at least 12 characters): ", name);
	if (!fgets(pw, sizeof pw, stdin)) {
		fprintf(stderr, "telling: user add: no password on standard input\n");
		return 1;
	}
	pw[strcspn(pw, "\r\n")] = '\0';
	if (strlen(pw) < 12) {
		fprintf(stderr, "telling: user add: the password needs at least 12 characters\n");
		return 1;
	}
	char hash[256];
	if (tl_auth_init() || tl_auth_hash(pw, hash, sizeof hash)) {
		fprintf(stderr, "telling: user add: cannot hash the password\n");
		return 1;
	}
	memset(pw, 0, sizeof pw);
	tl_errors errs = TL_ERRORS_INIT;
	tl_store *st;
	if (tl_store_open(&st, db, &errs))
		return report(&errs, 1);
	int rc = tl_store_begin(st, &errs);
	if (!rc) {
		rc = tl_store_user_add(st, name, hash, role, org, &errs);
		if (!rc) {
			json_t *after = json_object();
			json_object_set_new(after, "name", json_string(name));
			json_object_set_new(after, "role", json_string(role));
			json_object_set_new(after, "organisation", org ? json_string(org) : json_null());
			char *aj = json_dumps(after, JSON_COMPACT | JSON_SORT_KEYS);
			json_decref(after);
			rc = tl_store_audit_add(st, "(command line)", "user-add", "user", name, NULL, aj, &errs);
			free(aj);
		}
		if (!rc)
			rc = tl_store_commit(st, &errs);
		else
			tl_store_rollback(st);
	}
	tl_store_close(st);
	if (rc) {
		tl_errors_print(&errs, stderr);
		fprintf(stderr, "telling: account %s not added\n", name);
		tl_errors_free(&errs);
		return 1;
	}
	tl_errors_free(&errs);
	printf("user: %s added as %s%s%s\n", name, role, org ? " of " : "", org ? org : "");
	return 0;
}

/* telling check FOLDER|--db FILE, or --text FILE [--db FILE].  Findings go
 * to stdout (they are what was asked for), one per line as
 * file:line:column: severity: message; exit 1 when any is an error. */
static int cmd_check(int argc, char **argv)
{
	struct opts o = {0};
	if (parse_opts(argc, argv, &o))
		return usage(NULL);
	if (o.text ? o.arg != NULL : (!o.arg == !o.db))
		return usage("check needs an agenda folder, --db FILE, or --text FILE [--db FILE]");
	if (o.out || o.assets || o.pdf || o.dry_run || o.add_regions || o.strict)
		return usage("check takes only --db, --text, --year, --lang and --accept");
	if (o.accept && (!o.db || o.text))
		return usage("--accept needs --db FILE without --text: the accepted figures are kept in the store");
	struct tl_check_opts co = {0};
	if (parse_lang(&o, &co.lang))
		return usage("--lang must be nl or en");
	if (o.year) {
		char *end;
		long y = strtol(o.year, &end, 10);
		if (*end || end == o.year || y < 1900 || y > 2100)
			return usage("--year must be a year, e.g. 2025");
		co.report_year = (int)y;
	}

	tl_errors errs = TL_ERRORS_INIT;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = NULL;
	if ((o.arg || o.db) && load_model(&o, a, &m, &errs)) {
		tl_arena_free(a);
		return report(&errs, 1);
	}
	if (o.db && !o.text && accepted_figures(o.db, m, o.accept, a, &co, &errs)) {
		tl_arena_free(a);
		return report(&errs, 1);
	}
	tl_errors_print(&errs, stderr); /* warnings of the load */
	tl_errors_free(&errs);

	tl_errors chk = TL_ERRORS_INIT;
	chk.limit = 10000;
	int rc = 0;
	if (o.text) {
		size_t len;
		char *text;
		if (tl_file_read(o.text, TL_CHECK_TEXT_MAX, a, &text, &len, &chk)) {
			tl_arena_free(a);
			return report(&chk, 1);
		}
		tl_check_text(o.text, text, len, m, &co, &chk);
	} else {
		tl_check_model(m, &co, &chk);
	}
	tl_errors_print(&chk, stdout);
	size_t errors = tl_errors_count(&chk);
	check_summary(stdout, "check", errors, chk.warnings);
	if (errors)
		rc = 1;
	tl_errors_free(&chk);
	tl_arena_free(a);
	return rc;
}

static int cmd_export(int argc, char **argv)
{
	struct opts o = {0};
	if (parse_opts(argc, argv, &o))
		return usage(NULL);
	if (o.arg || !o.db || !o.out)
		return usage("export needs --db FILE and -o DIR");
	if (!tl_store_is_pg_uri(o.db) && !tl_is_file(o.db)) {
		fprintf(stderr, "telling: %s: no such store\n", o.db);
		return 1;
	}
	tl_errors errs = TL_ERRORS_INIT;
	tl_store *st;
	if (tl_store_open_existing(&st, o.db, &errs)) {
		tl_errors_print(&errs, stderr);
		tl_errors_free(&errs);
		fprintf(stderr, "telling: %s not exported\n", o.db);
		return 1;
	}
	tl_arena *a = tl_arena_new();
	struct tl_model *m;
	struct tl_export_stats s = {0, 0};
	int rc = tl_store_load(st, a, &m, &errs);
	tl_store_close(st);
	if (!rc)
		rc = tl_export_folder(m, o.out, &s, &errs);
	tl_arena_free(a);
	tl_errors_print(&errs, stderr);
	tl_errors_free(&errs);
	if (rc) {
		fprintf(stderr, "telling: %s not exported\n", o.db);
		return 1;
	}
	printf("export: %s → %s: %zu files, %zu observations\n", o.db, o.out, s.files, s.observations);
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
	{"serve", cmd_serve},
	{"user", cmd_user},
	{"check", cmd_check},
	{"export", cmd_export},
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
