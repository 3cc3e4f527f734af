/* `telling check`: every rule with a hit and a near-miss (golden cases in
 * tests/data/check), the exact wording of the findings the issue asks for,
 * the API's contract, and two measurements that skip when their input is
 * missing: the seed report (../shared/seed, or $TL_SEED) and the example
 * agenda (examples/drenthe-2025).
 *
 * Set TL_CHECK_REGEN=1 to rewrite the .expect files; TL_CHECK_VERBOSE=1 to
 * print every finding of the seed and example runs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/file.h"
#include "import/agenda.h"
#include "import/csv.h"
#include "import/folder.h"
#include "store/store.h"
#include "model/report.h"
#include "text/chapter.h"
#include "text/check.h"

/* ---- Fixtures ------------------------------------------------------------ */

static const char *data_dir(void)
{
	static const char *const tries[] = {"tests/data/check", "../tests/data/check",
					    "../../tests/data/check", "../../../tests/data/check"};
	const char *env = getenv("TL_CHECK_DATA");
	struct stat st;
	if (env && !stat(env, &st))
		return env;
	for (size_t i = 0; i < sizeof tries / sizeof *tries; i++)
		if (!stat(tries[i], &st) && S_ISDIR(st.st_mode))
			return tries[i];
	return NULL;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	tl_buf b = TL_BUF_INIT;
	char chunk[8192];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		tl_buf_put(&b, chunk, n);
	fclose(f);
	if (len)
		*len = b.len;
	return tl_buf_detach(&b, NULL);
}

/* Observations from every CSV in dir/data (our long format). */
static void load_data(struct tl_model *m, const char *dir, tl_arena *a)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/data", dir);
	DIR *dd = opendir(path);
	if (!dd)
		return;
	struct tl_observation *v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(dd)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l < 4 || strcmp(de->d_name + l - 4, ".csv"))
			continue;
		char file[1400];
		snprintf(file, sizeof file, "%s/%s", path, de->d_name);
		FILE *f = fopen(file, "rb");
		if (!f)
			continue;
		tl_errors e = TL_ERRORS_INIT;
		tl_csv *c = tl_csv_open_file(f, file, NULL);
		const struct tl_csv_field *fl;
		size_t nf;
		int r, header = 1;
		while ((r = tl_csv_next(c, &fl, &nf, &e)) != 0) {
			if (r < 0 || nf < 5)
				continue;
			if (header) {
				header = 0;
				continue;
			}
			const struct tl_indicator *d = tl_model_indicator(m, fl[0].s);
			const struct tl_region *rg = tl_model_region(m, fl[1].s);
			if (!d || !rg)
				continue;
			struct tl_observation o;
			memset(&o, 0, sizeof o);
			o.indicator = d->slug;
			o.region = rg->code;
			if (tl_period_parse(fl[2].s, fl[2].n, &o.period))
				continue;
			o.status = TL_STATUS_FINAL;
			if (fl[4].n && tl_status_parse(fl[4].s, &o.status))
				continue;
			if (fl[3].n) {
				if (tl_parse_decimal(fl[3].s, fl[3].n, '.', &o.value))
					continue;
			} else if (o.status == TL_STATUS_FINAL) {
				o.status = TL_STATUS_MISSING;
			}
			if (n == cap) {
				cap = cap ? 2 * cap : 256;
				v = realloc(v, cap * sizeof *v);
				assert_non_null(v);
			}
			v[n++] = o;
		}
		tl_csv_close(c);
		fclose(f);
		tl_errors_free(&e);
	}
	closedir(dd);
	m->obs = TL_NEW_ARRAY(a, struct tl_observation, n ? n : 1);
	if (n)
		memcpy(m->obs, v, n * sizeof *v);
	m->n_obs = n;
	free(v);
	tl_model_index(m);
}

static struct tl_model *load_agenda(const char *dir, tl_arena *a)
{
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m = NULL;
	int rc = tl_agenda_load(dir, a, &m, &e);
	if (rc)
		tl_errors_print(&e, stderr);
	tl_errors_free(&e);
	if (rc)
		return NULL;
	load_data(m, dir, a);
	return m;
}

/* An agenda folder loaded as `telling check FOLDER` loads it (src/main.c):
 * into a store in memory, with report.yml, stories and every data file,
 * then the model from the store.  load_agenda() above gives only agenda.yml
 * and the CSVs in data/: fine for the small fixtures, but a chapter that binds
 * {{subsidies X}} or {{verhaal X}} then has unknown instruments and stories
 * (binding errors), and the stories are not checked. */
static struct tl_model *load_folder(const char *dir, tl_arena *a)
{
	tl_errors e = TL_ERRORS_INIT;
	tl_store *st;
	struct tl_model *m = NULL;
	int rc = tl_store_open(&st, ":memory:", &e);
	if (!rc) {
		rc = tl_folder_load(st, dir, 1, NULL, &e);
		if (!rc)
			rc = tl_store_load(st, a, &m, &e);
		tl_store_close(st);
	}
	if (rc)
		tl_errors_print(&e, stderr);
	tl_errors_free(&e);
	return rc ? NULL : m;
}

static struct tl_model *fixture(tl_arena *a)
{
	const char *dd = data_dir();
	assert_non_null(dd);
	char dir[512];
	snprintf(dir, sizeof dir, "%s/agenda", dd);
	struct tl_model *m = load_agenda(dir, a);
	assert_non_null(m);
	assert_int_equal(tl_model_check(m, stderr), 0);
	return m;
}

/* "LINE:COL SEVERITY RULE "QUOTE"" for finding i. */
static void golden_line(const tl_errors *e, size_t i, tl_buf *out)
{
	const struct tl_error *it = &e->items[i];
	const char *msg = it->msg;
	int warn = e->is_warning[i];
	if (!strncmp(msg, "error: ", 7))
		msg += 7;
	tl_buf_printf(out, "%u:%u %s %s ", it->line, it->col, warn ? "warning" : "error",
		      it->field ? it->field : "-");
	const char *q = msg[0] == '"' ? strchr(msg + 1, '"') : NULL;
	if (q)
		tl_buf_put(out, msg, (size_t)(q - msg) + 1);
	else
		tl_buf_puts(out, msg);
	tl_buf_putc(out, '\n');
}

static const struct tl_check_opts nl = {.lang = TL_LANG_NL};

/* ---- Golden cases ---------------------------------------------------------- */

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void compare_golden(const char *expect_path, const char *got, const char *what)
{
	if (getenv("TL_CHECK_REGEN")) {
		FILE *f = fopen(expect_path, "wb");
		assert_non_null(f);
		fputs(got, f);
		fclose(f);
		return;
	}
	char *want = slurp(expect_path, NULL);
	if (!want)
		fail_msg("%s: no %s (run with TL_CHECK_REGEN=1 to create it)", what, expect_path);
	if (strcmp(want, got)) {
		fprintf(stderr, "--- %s: expected\n%s--- got\n%s---\n", what, want, got);
		free(want);
		fail_msg("%s: findings differ from %s", what, expect_path);
	}
	free(want);
}

static void test_golden_cases(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	char dir[512];
	snprintf(dir, sizeof dir, "%s/cases", data_dir());
	DIR *dd = opendir(dir);
	assert_non_null(dd);
	char *names[64];
	size_t nn = 0;
	struct dirent *de;
	while ((de = readdir(dd)) != NULL && nn < 64) {
		size_t l = strlen(de->d_name);
		if (l > 3 && (!strcmp(de->d_name + l - 3, ".md") || !strcmp(de->d_name + l - 4, ".txt")))
			names[nn++] = strdup(de->d_name);
	}
	closedir(dd);
	qsort(names, nn, sizeof *names, cmp_names);
	assert_true(nn >= 6);
	for (size_t i = 0; i < nn; i++) {
		char path[1024], exp[1100];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		size_t len = 0;
		char *text = slurp(path, &len);
		assert_non_null(text);
		tl_errors e = TL_ERRORS_INIT;
		int errors;
		int md = strstr(names[i], ".md") != NULL;
		if (md) {
			struct tl_chapter ch = {names[i], 1, "t", NULL, names[i], text};
			errors = tl_check_chapter(m, &ch, &nl, &e);
		} else {
			errors = tl_check_text(names[i], text, len, NULL, &nl, &e);
		}
		assert_int_equal((size_t)errors, tl_errors_count(&e));
		tl_buf got = TL_BUF_INIT;
		for (size_t k = 0; k < e.n; k++)
			golden_line(&e, k, &got);
		snprintf(exp, sizeof exp, "%s/%.*s.expect", dir, (int)(strrchr(names[i], '.') - names[i]),
			 names[i]);
		compare_golden(exp, got.data ? got.data : "", names[i]);
		tl_buf_free(&got);
		tl_errors_free(&e);
		free(text);
		free(names[i]);
	}
	tl_arena_free(a);
}

/* Cross-chapter rules on the fixture folder: a paragraph in both chapters,
 * "stabiel" against "neemt af", a start year and a count stated twice. */
static void test_golden_model(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	tl_errors e = TL_ERRORS_INIT;
	int errors = tl_check_model(m, &nl, &e);
	assert_int_equal((size_t)errors, tl_errors_count(&e));
	tl_buf got = TL_BUF_INIT;
	for (size_t k = 0; k < e.n; k++) {
		const char *f = e.items[k].file ? strrchr(e.items[k].file, '/') : NULL;
		tl_buf_printf(&got, "%s ", f ? f + 1 : "?");
		golden_line(&e, k, &got);
	}
	char exp[600];
	snprintf(exp, sizeof exp, "%s/agenda.expect", data_dir());
	compare_golden(exp, got.data ? got.data : "", "agenda");
	tl_buf_free(&got);
	tl_errors_free(&e);
	tl_arena_free(a);
}

/* ---- The wording the issue asks for ------------------------------------------ */

static char *only_finding(const struct tl_model *m, const char *md, int *warning)
{
	tl_errors e = TL_ERRORS_INIT;
	struct tl_chapter ch = {"c", 1, "t", NULL, "chapters/c.md", md};
	tl_check_chapter(m, &ch, &nl, &e);
	if (e.n != 1) {
		tl_errors_print(&e, stderr);
		fail_msg("expected one finding, got %zu", e.n);
	}
	*warning = e.is_warning[0];
	char *s = tl_error_format(&e.items[0], e.is_warning[0]);
	tl_errors_free(&e);
	return s;
}

static void test_messages_say_text_data_and_fix(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	int w;
	char *s = only_finding(m, "Eerst iets.\n\nIn totaal ontvingen 42 initiatieven een bijdrage, waarvan 31 "
				  "gericht op naoberschap en 12 op gezondheid.\n", &w);
	assert_false(w);
	assert_string_equal(s, "chapters/c.md:3:21: error: \"42 initiatieven, waarvan 31 \xe2\x80\xa6 en 12 \xe2\x80\xa6\": "
			       "the parts add up to 43, not 42; correct one of the numbers, or say \"onder meer\" "
			       "if the parts overlap");
	free(s);
	s = only_finding(m, "Het was op donderdag 12 december 2025.\n", &w);
	assert_false(w);
	assert_string_equal(s, "chapters/c.md:1:12: error: \"donderdag 12 december 2025\": 12 december 2025 is a "
			       "vrijdag; correct the weekday or the date");
	free(s);
	s = only_finding(m, "Bijna 70 procent van de Drenten vindt de meeste mensen te vertrouwen.\n", &w);
	assert_true(w);
	assert_string_equal(s, "chapters/c.md:1:1: warning: \"Bijna 70 procent\" (vertrouwen-anderen, Drenthe): "
			       "the data say 61,2% in 2023; \"Bijna 70 procent\" means 65\xe2\x80\x93" "70 "
			       "\xe2\x80\x94 bind the figure: {{vertrouwen-anderen PV22 laatste}}, or write \"ruim 60%\"");
	free(s);
	s = only_finding(m, "Doel: 25 zorgzame gemeenschappen, twee in iedere gemeente.\n", &w);
	assert_false(w);
	assert_non_null(strstr(s, "with 12 gemeenten (in agenda.yml) that makes 24, not 25"));
	free(s);
	tl_arena_free(a);
}

/* ---- agenda.yml check: {off: [...]} ------------------------------------------------ */

/* The fields of the findings for text in a chapter of m, in order, as "form date". */
static void fields(const struct tl_model *m, const char *md, char *out, size_t n)
{
	struct tl_chapter ch = {"c", 1, "t", NULL, "c.md", md};
	tl_errors e = TL_ERRORS_INIT;
	tl_check_chapter(m, &ch, &nl, &e);
	out[0] = 0;
	for (size_t i = 0; i < e.n; i++)
		snprintf(out + strlen(out), n - strlen(out), "%s%s", i ? " " : "", e.items[i].field);
	tl_errors_free(&e);
}

static void test_agenda_switches_rules_off(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	const char *md = "Er is € 750,000,- beschikbaar. Op donderdag 12 december 2025 [lees meer](#).\n";
	char got[128];
	fields(m, md, got, sizeof got);
	assert_string_equal(got, "form date form");
	/* hit: form off drops both form findings, the date stays */
	m->agenda.check_off = "form";
	fields(m, md, got, sizeof got);
	assert_string_equal(got, "date");
	/* two rules off */
	m->agenda.check_off = "date form";
	fields(m, md, got, sizeof got);
	assert_string_equal(got, "");
	/* near-miss: rules named alike are not switched off ("formulier", "dat") */
	m->agenda.check_off = "dat formulier consistency";
	fields(m, md, got, sizeof got);
	assert_string_equal(got, "form date form");
	/* the switch is the agenda's: a plain text checked with --text keeps every rule */
	m->agenda.check_off = "form date";
	tl_errors e = TL_ERRORS_INIT;
	tl_check_text("x.txt", md, strlen(md), m, &nl, &e);
	assert_int_equal(e.n, 3);
	tl_errors_free(&e);
	/* the names agenda.yml accepts are the rules findings carry */
	assert_true(tl_check_rule_known("consistency"));
	assert_true(tl_check_rule_known("ok"));
	assert_false(tl_check_rule_known("binding")); /* a broken binding is never switched off */
	assert_false(tl_check_rule_known("Form"));
	tl_arena_free(a);
}

/* ---- Contract -------------------------------------------------------------------- */

static void test_contract(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	tl_errors e = TL_ERRORS_INIT;
	/* nothing to say about clean or empty text */
	assert_int_equal(tl_check_text("x.txt", "", 0, NULL, NULL, &e), 0);
	assert_int_equal(tl_check_text("x.txt", NULL, 0, m, &nl, &e), 0);
	const char *clean = "Het vertrouwen in andere mensen was in 2023 61,2%.\n";
	assert_int_equal(tl_check_text("x.txt", clean, strlen(clean), m, &nl, &e), 0);
	assert_int_equal(e.n, 0);
	/* without a model the data rules are silent, the others are not */
	const char *t = "Bijna 90 procent vindt de meeste mensen te vertrouwen. Op donderdag 12 december 2025.";
	assert_int_equal(tl_check_text("x.txt", t, strlen(t), NULL, &nl, &e), 1);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.items[0].field, "date");
	tl_errors_free(&e);
	/* binding errors of the chapter itself are findings too; the return
	 * value counts errors only */
	struct tl_chapter ch = {"c", 1, "t", NULL, "c.md", "Zie {{onbekend PV22 2024}} en [x](#).\n"};
	assert_int_equal(tl_check_chapter(m, &ch, &nl, &e), 1);
	assert_int_equal(e.n, 2);
	assert_string_equal(e.items[0].field, "binding");
	assert_true(e.is_warning[1]);
	tl_errors_free(&e);
	/* English formatting of the figures in messages */
	struct tl_check_opts en = {.lang = TL_LANG_EN};
	struct tl_chapter c2 = {"c", 1, "t", NULL, "c.md", "Bijna 70 procent vindt de meeste mensen te vertrouwen.\n"};
	tl_check_chapter(m, &c2, &en, &e);
	assert_int_equal(e.n, 1);
	assert_non_null(strstr(e.items[0].msg, "61.2%"));
	tl_errors_free(&e);
	/* the report year for dates without one comes from the options */
	struct tl_check_opts y = {.lang = TL_LANG_NL, .report_year = 2023};
	const char *d = "Op maandag 11 december.";
	tl_check_text("x.txt", d, strlen(d), NULL, &y, &e);
	assert_int_equal(e.n, 0); /* 11 december 2023 was a Monday */
	tl_check_text("x.txt", d, strlen(d), m, NULL, &e);
	assert_int_equal(e.n, 1); /* 2025, the agenda's report year: a Thursday */
	assert_true(e.is_warning[0]);
	tl_errors_free(&e);
	tl_arena_free(a);
}

/* A whole report of hostile repetition is read to the end with its findings
 * capped.  Its speed is measured in bench/check.sh, not asserted here (a time
 * in a test fails on a busy machine and passes a slow regression on a fast
 * one). */
static void test_pathological_input_is_read_with_capped_findings(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	tl_buf b = TL_BUF_INIT;
	for (int i = 0; i < 3000; i++)
		tl_buf_printf(&b, "In 'Project %d' vonden %d deelnemers een baan, waarvan %d en %d. "
				  "Sinds %d loopt het project 'X Y'. Emmen scoort ongunstig op schulden.\n\n",
			      i % 7, i, i / 2, i / 3, 2000 + i % 25);
	/* one sentence of 200 kB: no full stop, figures, regions, claims */
	for (int i = 0; i < 4000; i++)
		tl_buf_printf(&b, "%d initiatieven in Emmen, waarvan %d en %d, stijgt hoger dan landelijk ", i, i, i);
	tl_buf_puts(&b, "\n\n");
	/* dots that each look back for an abbreviation */
	for (int i = 0; i < 40000; i++)
		tl_buf_puts(&b, "a.");
	tl_buf_puts(&b, "\n\n");
	/* thousands of quoted names in two spellings, links on one line */
	for (int i = 0; i < 3000; i++)
		tl_buf_printf(&b, "'Naam %s %d' en [x](#) ", i % 2 ? "Een" : "een", i % 50);
	tl_buf_puts(&b, "\n\n");
	/* thousands of names led by a word in capitals ("AA en Hunze"), none written otherwise */
	for (int i = 0; i < 6000; i++)
		tl_buf_puts(&b, "AB Cd ef. ");
	tl_buf_puts(&b, "\n");
	tl_errors e = TL_ERRORS_INIT;
	e.limit = 50;
	tl_check_text("big.txt", b.data, b.len, m, &nl, &e);
	assert_true(e.n == 50 && e.dropped + e.warnings > 50);
	tl_errors_free(&e);
	tl_buf_free(&b);
	tl_arena_free(a);
}

/* ---- Measurements on real text ------------------------------------------------------- */

struct known {
	const char *rule;
	unsigned line;
	const char *quote; /* a piece of the quoted text */
	const char *what;
};

/* The seed's errors the issue and SEED-INVENTORY.md name, and where they are. */
static const struct known seed_known[] = {
	{"target", 388, "substantieel", "goal 9: youth health 'substantieel' up by 2027, no figure"},
	{"date", 402, "In 2024", "Gezonde Marke's 'Drentse droom' for 2024: passed, no result"},
	{"parts", 219, "42 initiatieven", "42 initiatieven, waarvan 31 en 12"},
	{"date", 213, "donderdag 12 december 2025", "12 december 2025 is a Friday"},
	{"form", 512, "750,000", "\xe2\x82\xac 750,000,- (first)"},
	{"form", 561, "750,000", "\xe2\x82\xac 750,000,- (second)"},
	{"form", 441, "uitgangspunten", "De Drentse Dialoog paragraph printed twice"},
	{"parts", 407, "25 zorgzame", "25 zorgzame gemeenschappen, twee in iedere gemeente"},
	{"consistency", 774, "31", "Snellere Start: 31 vs 22"},
};

/* Findings checked by hand and found to be real problems of the seed as well. */
static const struct known seed_also_real[] = {
	{"target", 407, "25 zorgzame", "25 zorgzame gemeenschappen by 2026: how many now? never said"},
	{"form", 338, "Hulp en op om Scholen", "'Hulp en op om Scholen' against 'Hulp op en om Scholen'"},
	{"consistency", 770, "2024", "Snellere Start started in 2023 or in June 2024"},
	{"form", 539, "Snellere Start", "'Snellere start, sterkere toekomst' spelt two ways"},
	{"consistency", 493, "afneemt", "trust in others 'stabiel' (l. 169) vs 'afneemt' (l. 493)"},
	{"number", 493, "ruim 70%", "'ruim 70%' in De Wolden, Tynaarlo: the data say 61-63%"},
	{"form", 18, "JAAAR", "'JAAAR VERSLAG': a letter three times in a row"},
	{"form", 223, "amiliep pad\" is written", "'Het Familiep pad' for 'Familiepad' (l. 577)"},
	{"form", 227, "amiliep pad\" is written", "'Het Familiep pad' for 'Familiepad' (link text)"},
	{"form", 593, "amiliep pad\" is written", "'het familiep pad' for 'Familiepad'"},
	{"form", 334, "Oriëntatie en Schakelen", "'Oriëntatie en Schakelen' against 'Oriënteren en Schakelen' (l. 63)"},
	{"form", 512, "\"AA en Hunze\" is written \"Aa en Hunze\"", "'AA en Hunze' for the municipality Aa en Hunze (l. 127)"},
	{"number", 349, "\"ruim 45.000\" (basisvaardigheden, Drenthe): 21% of the", "'ruim 45.000' inwoners against 21% of adults (needs the population: the example's inwoners-15-plus)"},
};

static int matches(const tl_errors *e, size_t i, const struct known *k)
{
	const struct tl_error *it = &e->items[i];
	return it->field && !strcmp(it->field, k->rule) && it->line == k->line && strstr(it->msg, k->quote);
}

static const char *seed_path(void)
{
	static const char *const tries[] = {"../shared/seed/000_e6398055a67304f1.txt",
					    "../../shared/seed/000_e6398055a67304f1.txt",
					    "../../../shared/seed/000_e6398055a67304f1.txt",
					    "../../../../shared/seed/000_e6398055a67304f1.txt"};
	const char *env = getenv("TL_SEED");
	struct stat st;
	if (env && !stat(env, &st))
		return env;
	for (size_t i = 0; i < sizeof tries / sizeof *tries; i++)
		if (!stat(tries[i], &st))
			return tries[i];
	return NULL;
}

static const char *example_dir(void)
{
	static const char *const tries[] = {"examples/drenthe-2025", "../examples/drenthe-2025",
					    "../../examples/drenthe-2025", "../../../examples/drenthe-2025"};
	struct stat st;
	for (size_t i = 0; i < sizeof tries / sizeof *tries; i++)
		if (!stat(tries[i], &st) && S_ISDIR(st.st_mode))
			return tries[i];
	return NULL;
}

/* Check the seed with or without a model; count found, missed, and
 * findings that are neither known nor checked-real (false alarms). */
static void seed_run(const struct tl_model *m, const char *label, size_t max_false)
{
	const char *path = seed_path();
	size_t len = 0;
	char *text = slurp(path, &len);
	assert_non_null(text);
	tl_errors e = TL_ERRORS_INIT;
	e.limit = 1000;
	clock_t t0 = clock();
	struct tl_check_opts o = nl;
	o.report_year = 2025; /* the seed is the 2025 report: `telling check --text … --year 2025` */
	tl_check_text("seed.txt", text, len, m, &o, &e);
	double ms = 1000.0 * (double)(clock() - t0) / CLOCKS_PER_SEC;
	size_t nk = sizeof seed_known / sizeof *seed_known;
	size_t nr = sizeof seed_also_real / sizeof *seed_also_real;
	size_t found = 0, real = 0, links = 0, false_alarms = 0;
	int *hit = calloc(nk, sizeof *hit);
	int verbose = getenv("TL_CHECK_VERBOSE") != NULL;
	for (size_t i = 0; i < e.n; i++) {
		int ok = 0;
		for (size_t k = 0; k < nk; k++)
			if (matches(&e, i, &seed_known[k])) {
				hit[k] = 1;
				ok = 1;
			}
		for (size_t k = 0; k < nr && !ok; k++)
			if (matches(&e, i, &seed_also_real[k])) {
				real++;
				ok = 2;
			}
		if (!ok && !strcmp(e.items[i].field, "form") && strstr(e.items[i].msg, "](#)\"")) {
			links++;
			ok = 3;
		}
		if (!ok)
			false_alarms++;
		if (verbose || !ok) {
			char *s = tl_error_format(&e.items[i], e.is_warning[i]);
			fprintf(stderr, "  %s %s\n", ok == 1 ? "known" : ok == 2 ? "real " : ok == 3 ? "link " : "FALSE", s);
			free(s);
		}
	}
	for (size_t k = 0; k < nk; k++) {
		found += (size_t)hit[k];
		if (!hit[k])
			fprintf(stderr, "  MISSED %s:%u %s\n", seed_known[k].rule, seed_known[k].line, seed_known[k].what);
	}
	fprintf(stderr,
		"seed (%s): %zu of %zu known errors found, %zu more real problems, %zu links to \"#\", "
		"%zu false alarms; %zu errors, %zu warnings in %.0f ms\n",
		label, found, nk, real, links, false_alarms, tl_errors_count(&e), e.warnings, ms);
	assert_int_equal(found, nk);
	assert_true(false_alarms <= max_false);
	free(hit);
	tl_errors_free(&e);
	free(text);
}

static void test_seed_report(void **state)
{
	(void)state;
	if (!seed_path())
		skip();
	seed_run(NULL, "no model", 0);
	const char *ex = example_dir();
	if (!ex)
		return;
	/* with the example's model: figures and claims are tied to indicators
	 * by title words.  The example is edited by others, so allow one
	 * finding that the list above does not know. */
	tl_arena *a = tl_arena_new();
	struct tl_model *m = load_folder(ex, a);
	assert_non_null(m);
	seed_run(m, "with the example model", 1);
	tl_arena_free(a);
}

static void test_example_report(void **state)
{
	(void)state;
	const char *ex = example_dir();
	if (!ex)
		skip();
	tl_arena *a = tl_arena_new();
	struct tl_model *m = load_folder(ex, a);
	assert_non_null(m);
	tl_errors e = TL_ERRORS_INIT;
	clock_t t0 = clock();
	int errors = tl_check_model(m, &nl, &e);
	double ms = 1000.0 * (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_int_equal((size_t)errors, tl_errors_count(&e));
	int verbose = getenv("TL_CHECK_VERBOSE") != NULL;
	for (size_t i = 0; i < e.n; i++) {
		assert_non_null(e.items[i].field);
		if (verbose) {
			char *s = tl_error_format(&e.items[i], e.is_warning[i]);
			fprintf(stderr, "  %s\n", s);
			free(s);
		}
	}
	/* the seed's errors the example still carries must be found */
	for (size_t c = 0; c < m->n_chapters; c++) {
		const char *md = m->chapters[c].markdown;
		if (!md)
			continue;
		const char *probes[][2] = {{"donderdag 12 december 2025", "date"},
					   {"waarvan 31 gericht op naoberschap en 12", "parts"},
					   {"25 zorgzame gemeenschappen te hebben, twee in iedere gemeente", "parts"}};
		for (size_t p = 0; p < 3; p++) {
			if (!strstr(md, probes[p][0]))
				continue;
			int seen = 0;
			for (size_t i = 0; i < e.n; i++)
				seen |= !strcmp(e.items[i].field, probes[p][1]) && e.items[i].file &&
					strstr(e.items[i].file, m->chapters[c].path ? m->chapters[c].path : "");
			assert_true(seen);
		}
	}
	fprintf(stderr, "example (%s): %zu chapters, %zu errors, %zu warnings in %.0f ms\n", ex,
		m->n_chapters, tl_errors_count(&e), e.warnings, ms);
	/* The same count as `telling check examples/drenthe-2025` (pinned in
	 * tests/cli/t0007): only the seed's own problems, no binding errors.
	 * 5 errors: 42 = 31 + 12, donderdag 12 december 2025, 25 = 2 x 12,
	 * "€ 750,000,-" twice; 12 warnings (docs/check.md, "Measured"). */
	for (size_t i = 0; i < e.n; i++)
		assert_string_not_equal(e.items[i].field, "binding");
	assert_int_equal(tl_errors_count(&e), 5);
	assert_int_equal(e.warnings, 12);
	tl_errors_free(&e);
	tl_arena_free(a);
}

/* ---- Rule 1: stale bindings ------------------------------------------------- */

static struct tl_observation *obs_mut(struct tl_model *m, const char *ind, const char *reg, int year)
{
	for (size_t i = 0; i < m->n_obs; i++)
		if (!strcmp(m->obs[i].indicator, ind) && !strcmp(m->obs[i].region, reg) &&
		    m->obs[i].period.year == year)
			return &m->obs[i];
	return NULL;
}

/* Check one chapter against the accepted figures; count stale findings. */
static size_t stale_findings(struct tl_model *m, const struct tl_accepted *v, size_t n, tl_errors *e)
{
	struct tl_check_opts o = nl;
	o.accepted = v;
	o.n_accepted = n;
	tl_check_model(m, &o, e);
	size_t k = 0;
	for (size_t i = 0; i < e->n; i++)
		k += e->items[i].field && !strcmp(e->items[i].field, "stale");
	return k;
}

static void test_stale_bindings(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	struct tl_chapter ch = {.slug = "s", .position = 1, .path = "s.md",
				.markdown = "In Drenthe ervaart {{ervaren-gezondheid PV22 laatste}} de gezondheid als goed "
					    "(meting {{jaar ervaren-gezondheid PV22 laatste}}).\n\n"
					    "Het vertrouwen was {{vertrouwen-anderen PV22 2023}}.\n"};
	m->chapters = &ch;
	m->n_chapters = 1;
	size_t n;
	struct tl_accepted *v = tl_check_bound_values(m, a, &n);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].binding, "waarde ervaren-gezondheid PV22 laatste");
	assert_string_equal(v[0].shown, "74,2%");
	assert_string_equal(v[0].period, "2024JJ00");
	assert_string_equal(v[1].binding, "jaar ervaren-gezondheid PV22 laatste");
	assert_string_equal(v[1].shown, "2024");
	assert_string_equal(v[2].binding, "waarde vertrouwen-anderen PV22 2023");

	/* nothing changed: nothing stale */
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(stale_findings(m, v, n, &e), 0);
	tl_errors_free(&e);

	/* near-miss: a revision that does not change the printed figure */
	struct tl_observation *o = obs_mut(m, "vertrouwen-anderen", "PV22", 2023);
	assert_non_null(o);
	o->value = 61.24;
	assert_int_equal(stale_findings(m, v, n, &e), 0);
	tl_errors_free(&e);

	/* hit: a revision that does */
	o->value = 60.4;
	assert_int_equal(stale_findings(m, v, n, &e), 1);
	assert_int_equal(tl_errors_count(&e), 1);
	assert_non_null(strstr(e.items[0].msg, "error: \"{{vertrouwen-anderen PV22 2023}}\": the data changed since"));
	assert_non_null(strstr(e.items[0].msg, "it showed 61,2% (2023), now 60,4% (2023)"));
	assert_int_equal(e.items[0].line, 3);
	assert_int_equal(e.items[0].col, 20);
	tl_errors_free(&e);
	o->value = 61.2;

	/* hit: "laatste" moves to a newer year (value and year binding both) */
	struct tl_observation *o24 = obs_mut(m, "ervaren-gezondheid", "PV22", 2024);
	o24->period.year = 2025;
	assert_int_equal(stale_findings(m, v, n, &e), 2);
	assert_non_null(strstr(e.items[0].msg, "it showed 74,2% (2024), now 74,2% (2025)"));
	assert_non_null(strstr(e.items[1].msg, "it showed 2024, now 2025"));
	tl_errors_free(&e);
	/* and its data gone altogether */
	o24->status = TL_STATUS_MISSING;
	assert_int_equal(stale_findings(m, v, n, &e), 2);
	assert_non_null(strstr(e.items[0].msg, "now 72,0% (2022)"));
	tl_errors_free(&e);

	/* never accepted: rule 1 is silent */
	assert_int_equal(stale_findings(m, NULL, 0, &e), 0);
	tl_errors_free(&e);
	m->chapters = NULL;
	m->n_chapters = 0;
	tl_arena_free(a);
}

/* ---- Rule 6 through the seam: structured targets --------------------------- */

static size_t count_rule(const tl_errors *e, const char *rule, const char *needle)
{
	size_t k = 0;
	for (size_t i = 0; i < e->n; i++)
		k += e->items[i].field && !strcmp(e->items[i].field, rule) &&
		     (!needle || strstr(e->items[i].msg, needle));
	return k;
}

static void test_structured_targets(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	struct tl_chapter *keep = m->chapters;
	size_t nkeep = m->n_chapters;
	m->n_chapters = 0; /* only the targets */
	struct tl_check_target t[] = {
		/* complete and on track: 40 of the way at 50% of the time (within a quarter) */
		{.name = "op koers", .file = "report.yml", .line = 3, .col = 5, .has_target = 1, .target = 75,
		 .has_baseline = 1, .baseline = 25, .baseline_year = 2023, .deadline_year = 2027,
		 .has_progress = 1, .progress = 45, .progress_year = 2025},
		/* off track: 10% of the way at 50% of the time */
		{.name = "achter", .file = "report.yml", .line = 9, .col = 5, .has_target = 1, .target = 75,
		 .has_baseline = 1, .baseline = 25, .baseline_year = 2023, .deadline_year = 2027,
		 .has_progress = 1, .progress = 30, .progress_year = 2025},
		/* no figure, no baseline, no deadline */
		{.name = "vaag", .file = "report.yml", .line = 15, .col = 5, .vague = 1},
		{.name = "zonder nulmeting", .has_target = 1, .target = 25, .deadline_year = 2026},
		/* passed before 2025 without a result; and one with a result */
		{.name = "verlopen", .has_target = 1, .target = 10, .has_baseline = 1, .deadline_year = 2024},
		{.name = "verlopen maar gemeten", .has_target = 1, .target = 10, .has_baseline = 1,
		 .deadline_year = 2024, .has_progress = 1, .progress = 10, .progress_year = 2024},
	};
	struct tl_check_opts o = nl;
	o.targets = t;
	o.n_targets = sizeof t / sizeof *t;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_check_model(m, &o, &e), 0); /* targets only warn */
	assert_int_equal(count_rule(&e, "target", "\"op koers\""), 0);
	assert_int_equal(count_rule(&e, "target", "\"achter\": off track: 10 of the way"), 1);
	assert_int_equal(count_rule(&e, "target", "\"vaag\": a target without a figure"), 1);
	assert_int_equal(count_rule(&e, "target", "\"vaag\": a target without a deadline"), 1);
	assert_int_equal(count_rule(&e, "target", "\"zonder nulmeting\": a target of 25 without a baseline"), 1);
	assert_int_equal(count_rule(&e, "date", "\"verlopen\": the target date (2024) passed"), 1);
	assert_int_equal(count_rule(&e, "date", "verlopen maar gemeten"), 0);
	/* positions as given */
	for (size_t i = 0; i < e.n; i++)
		if (strstr(e.items[i].msg, "\"achter\"")) {
			assert_string_equal(e.items[i].file, "report.yml");
			assert_int_equal(e.items[i].line, 9);
		}
	tl_errors_free(&e);

	/* the model's own targets (report.yml): judged unless the text states them */
	struct tl_target mt[3];
	memset(mt, 0, sizeof mt);
	mt[0] = (struct tl_target){.slug = "wijkteams", .title = "Wijkteams", .has_target = 1, .target = 25,
				   .deadline = {2026, 12, 31}, .text = "Er komen 25 wijkteams."};
	mt[1] = (struct tl_target){.slug = "gezegd", .title = "Gezegd", .has_target = 1, .target = 25,
				   .deadline = {2026, 0, 0}, .text = "Het doel is om eind 2026 25 buurthuizen te hebben."};
	mt[2] = (struct tl_target){.slug = "sport", .title = "Iedereen kan veilig sporten", .deadline = {2030, 0, 0}};
	struct tl_chapter tc = {.slug = "t", .position = 1, .path = "chapters/t.md",
				.markdown = "Het doel is om eind 2026 25 buurthuizen te hebben. Er zijn nu 3 buurthuizen.\n"};
	m->chapters = &tc;
	m->n_chapters = 1;
	m->targets = mt;
	m->n_targets = 3;
	o = nl;
	tl_check_model(m, &o, &e);
	assert_int_equal(count_rule(&e, "target", "\"Wijkteams (wijkteams)\": a target of 25 without a baseline"), 1);
	assert_int_equal(count_rule(&e, "target", "Gezegd"), 0);      /* the chapter states it */
	assert_int_equal(count_rule(&e, "target", "veilig sporten"), 0); /* "iedereen": 100% */
	for (size_t i = 0; i < e.n; i++)
		if (strstr(e.items[i].msg, "Wijkteams"))
			assert_string_equal(e.items[i].file, "report.yml");
	tl_errors_free(&e);
	m->targets = NULL;
	m->n_targets = 0;
	m->chapters = keep;
	m->n_chapters = nkeep;
	tl_arena_free(a);
}

/* ---- Rule 7: story links --------------------------------------------------- */

static void test_story_links(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	const char *md = "Lees [het interview met Milou](verhalen/snellere-start.html).\n\n"
			 "Lees [het interview met Renate](verhalen/veilige-kleedkamer.html).\n";
	struct tl_chapter ch = {.slug = "s", .position = 1, .path = "s.md", .markdown = md};
	const char *const stories[] = {"snellere-start"};
	struct tl_check_opts o = nl;
	tl_errors e = TL_ERRORS_INIT;
	/* without a model or a list, story links are not judged */
	tl_check_text("s.md", md, strlen(md), NULL, &o, &e);
	assert_int_equal(count_rule(&e, "form", NULL), 0);
	tl_errors_free(&e);
	/* with a model, its published stories count: the fixture has none */
	tl_check_chapter(m, &ch, &o, &e);
	assert_int_equal(count_rule(&e, "form", "the story link goes nowhere"), 2);
	tl_errors_free(&e);
	o.stories = stories;
	o.n_stories = 1;
	o.know_stories = 1;
	tl_check_chapter(m, &ch, &o, &e);
	assert_int_equal(count_rule(&e, "form", NULL), 1);
	assert_int_equal(e.items[0].line, 3);
	assert_int_equal(e.items[0].col, 6);
	assert_non_null(strstr(e.items[0].msg, "\"[het interview met Renate](verhalen/veilige-kleedkamer.html)\": "
					       "the story link goes nowhere: there is no published story \"veilige-kleedkamer\""));
	assert_true(e.is_warning[0]);
	tl_errors_free(&e);
	tl_arena_free(a);
}

/* {{ok}} silences the findings of its sentence (of one rule with {{ok RULE}});
 * the next sentence is still checked, and a marker that silences nothing is
 * itself reported. */
static void test_ok_marker_silences_its_sentence(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	static const char parts[] = "In totaal ontvingen 42 initiatieven een bijdrage, waarvan 31 gericht op "
				    "naoberschap en 12 op gezondheid.";
	tl_buf md = TL_BUF_INIT;
	tl_errors e = TL_ERRORS_INIT;
	struct tl_chapter ch = {.slug = "c", .position = 1, .path = "c.md"};

	/* hit: the marker after the sentence drops its parts finding */
	tl_buf_printf(&md, "%s {{ok}}\n", parts);
	ch.markdown = md.data;
	tl_check_chapter(m, &ch, &nl, &e);
	assert_int_equal(e.n, 0);
	tl_errors_free(&e);

	/* with the rule named */
	tl_buf_reset(&md);
	tl_buf_printf(&md, "%s {{ok parts}}\n", parts);
	ch.markdown = md.data;
	tl_check_chapter(m, &ch, &nl, &e);
	assert_int_equal(e.n, 0);
	tl_errors_free(&e);

	/* near miss: another rule named: the finding stays, the marker is reported */
	tl_buf_reset(&md);
	tl_buf_printf(&md, "%s {{ok date}}\n", parts);
	ch.markdown = md.data;
	tl_check_chapter(m, &ch, &nl, &e);
	assert_int_equal(count_rule(&e, "parts", "the parts add up to 43, not 42"), 1);
	assert_int_equal(count_rule(&e, "ok", "{{ok date}} silences nothing here"), 1);
	tl_errors_free(&e);

	/* near miss: the marker vouches for its own sentence, not the next one */
	tl_buf_reset(&md);
	tl_buf_printf(&md, "Het was een goed jaar. {{ok}} %s\n", parts);
	ch.markdown = md.data;
	tl_check_chapter(m, &ch, &nl, &e);
	assert_int_equal(count_rule(&e, "parts", NULL), 1);
	assert_int_equal(count_rule(&e, "ok", NULL), 1);
	tl_errors_free(&e);

	/* the report prints nothing for it */
	tl_buf_reset(&md);
	tl_buf_printf(&md, "Klopt. {{ok}}\n");
	ch.markdown = md.data;
	struct tl_block *blocks;
	size_t nb;
	assert_int_equal(tl_chapter_parse(&ch, m, a, &blocks, &nb, &e), 0);
	tl_buf out = TL_BUF_INIT;
	tl_chapter_expand(&blocks[0], &ch, m, TL_LANG_NL, &out, &e);
	assert_string_equal(out.data, "Klopt. \n");
	tl_buf_free(&out);
	/* an unknown rule is a positioned error of the chapter */
	tl_buf_reset(&md);
	tl_buf_printf(&md, "Klopt. {{ok spelling}}\n");
	ch.markdown = md.data;
	assert_true(tl_chapter_parse(&ch, m, a, &blocks, &nb, &e) < 0);
	char *msg = tl_error_format(&e.items[e.n - 1], 0);
	assert_non_null(strstr(msg, "c.md:1:8: {{ok}} takes at most one rule of the check"));
	free(msg);
	tl_errors_free(&e);
	tl_buf_free(&md);
	tl_arena_free(a);
}

/* Typing slips: a letter three times in a row; a word split in two with the
 * letter at the break typed twice, whose one-word form the text uses. */
static void test_typing_slips(void **state)
{
	(void)state;
	tl_errors e = TL_ERRORS_INIT;
	static const char hit[] = "# JAAAR VERSLAG\n\nWe openden Het Familiep pad in oktober.\n\n"
				  "Het Familiepad is 2 kilometer lang.\n";
	tl_check_text("t.md", hit, strlen(hit), NULL, &nl, &e);
	assert_int_equal(count_rule(&e, "form", "\"JAAAR\": the letter A three times in a row"), 1);
	assert_int_equal(count_rule(&e, "form", "a slip for \"JAAR\"?"), 1);
	assert_int_equal(count_rule(&e, "form", "\"Familiep pad\" is written as one word, \"Familiepad\", at line 5"), 1);
	assert_int_equal(e.n, 2);
	tl_errors_free(&e);
	/* near misses: numerals, one letter repeated, a diaeresis; a split that is
	 * Dutch or a choice of style, with both parts words of their own */
	static const char miss[] = "Hoofdstuk XXX en www.drenthe.nl: zzz. Een zeeëend.\n\n"
				   "We gaan samen werken; samenwerken loont, samen sterk, werken ook.\n\n"
				   "De Regio Deal en de Regiodeal; een deal per regio.\n";
	tl_check_text("m.md", miss, strlen(miss), NULL, &nl, &e);
	assert_int_equal(count_rule(&e, "form", NULL), 0);
	tl_errors_free(&e);
}

/* A story's body is checked like a chapter, positioned in its file after
 * the front matter, and no finding names a person without consent. */
static void test_stories_are_checked_and_redacted(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	struct tl_model *m = fixture(a);
	char path[64];
	snprintf(path, sizeof path, "/tmp/tl-check-story-%d.md", (int)getpid());
	/* the paragraph twice: the finding quotes its start, with the name */
	static const char body[] = "Emma Jansen vertelde op donderdag 12 december 2025 over haar werk in de voedseltuin "
				   "van het dorp. Ze werkt er twee dagen per week, samen met vrijwilligers uit de buurt.\n\n"
				   "Emma Jansen vertelde op donderdag 12 december 2025 over haar werk in de voedseltuin "
				   "van het dorp. Ze werkt er twee dagen per week, samen met vrijwilligers uit de buurt.\n";
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "---\ntitle: \"Emma\"\npeople:\n  - {name: \"Emma Jansen\", consent: false}\n---\n\n%s", body);
	fclose(f);
	struct tl_person *p = tl_arena_alloc(a, sizeof *p);
	*p = (struct tl_person){"Emma Jansen", NULL, 0, "een moeder"};
	struct tl_story *st = tl_arena_alloc(a, sizeof *st);
	memset(st, 0, sizeof *st);
	st->slug = "emma";
	st->title = "Emma";
	st->people = p;
	st->n_people = 1;
	st->path = path;
	st->markdown = body;
	m->stories = st;
	m->n_stories = 1;
	m->n_chapters = 0;
	tl_errors e = TL_ERRORS_INIT;
	tl_check_model(m, &nl, &e);
	unlink(path);
	if (getenv("TL_CHECK_VERBOSE"))
		tl_errors_print(&e, stderr);
	size_t dates = 0, alias = 0;
	for (size_t i = 0; i < e.n; i++) {
		if (strcmp(e.items[i].file, path) != 0)
			continue;
		assert_null(strstr(e.items[i].msg, "Emma"));
		alias += strstr(e.items[i].msg, "een moeder vertelde") != NULL;
		if (e.items[i].field && !strcmp(e.items[i].field, "date") && !dates++) {
			assert_int_equal(e.items[i].line, 7); /* 5 lines of front matter, a blank line */
			assert_int_equal(e.items[i].col, 25);
		}
	}
	assert_int_equal(dates, 2);
	assert_true(alias >= 1);
	tl_errors_free(&e);
	tl_arena_free(a);
}

/* One programme name in two word forms, after the same word. */
static void test_name_in_two_word_forms(void **state)
{
	(void)state;
	tl_errors e = TL_ERRORS_INIT;
	static const char hit[] = "Jongeren volgen het schakeltraject Oriënteren en Schakelen in Assen.\n\n"
				  "Ook het Schakeltraject Oriëntatie en Schakelen loopt door.\n";
	tl_check_text("t.md", hit, strlen(hit), NULL, &nl, &e);
	assert_int_equal(count_rule(&e, "form", "\"Oriëntatie en Schakelen\" is written \"Oriënteren en Schakelen\" "
						"at line 1; use one name"), 1);
	assert_int_equal(e.n, 1);
	tl_errors_free(&e);
	/* near misses: other names after the same word; the same name twice */
	static const char miss[] = "Het programma Jeugd en Gezondheid en het programma Jongeren en Gezondheid.\n\n"
				   "Het schakeltraject Oriënteren en Schakelen, weer het schakeltraject Oriënteren en "
				   "Schakelen.\n";
	tl_check_text("m.md", miss, strlen(miss), NULL, &nl, &e);
	assert_int_equal(count_rule(&e, "form", NULL), 0);
	tl_errors_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_cases),
		cmocka_unit_test(test_golden_model),
		cmocka_unit_test(test_messages_say_text_data_and_fix),
		cmocka_unit_test(test_contract),
		cmocka_unit_test(test_agenda_switches_rules_off),
		cmocka_unit_test(test_pathological_input_is_read_with_capped_findings),
		cmocka_unit_test(test_stale_bindings),
		cmocka_unit_test(test_structured_targets),
		cmocka_unit_test(test_story_links),
		cmocka_unit_test(test_ok_marker_silences_its_sentence),
		cmocka_unit_test(test_typing_slips),
		cmocka_unit_test(test_name_in_two_word_forms),
		cmocka_unit_test(test_stories_are_checked_and_redacted),
		cmocka_unit_test(test_seed_report),
		cmocka_unit_test(test_example_report),
	};
	if (!data_dir()) {
		fprintf(stderr, "check_test: tests/data/check not found (run from the repository root)\n");
		return 1;
	}
	return cmocka_run_group_tests(tests, NULL, NULL);
}
