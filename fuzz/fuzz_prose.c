/*
 * libFuzzer target for the Dutch prose scanner (text/prose.c) and the
 * checker on top of it (text/check.c).  The first byte picks the entry
 * point:
 *   0  tl_prose_scan only, then every range and lookup helper
 *   1  tl_check_text without a model (the data-free rules)
 *   2  tl_check_text with a small model (figures and claims tied to titles)
 *   3  tl_check_chapter with the same model (bindings and charts blanked)
 * Every offset the scanner returns must lie inside the input and be in
 * order; the checker must return as many errors as it added.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "import/agenda.h"
#include "text/check.h"
#include "text/prose.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char yml[] =
	"agenda: {slug: f, title: F, report_year: 2025, focus_region: PV22, national_region: NL01}\n"
	"themes: [{slug: t, title: T, goals: [{number: 1, title: G}]}]\n"
	"indicators:\n"
	"  - {slug: a, theme: t, title: Vertrouwen in andere mensen, unit: '%', decimals: 1, polarity: higher-is-better, source: S}\n"
	"  - {slug: b, theme: t, title: Mediaan besteedbaar inkomen, unit: euro, decimals: 0, polarity: higher-is-better, source: S}\n"
	"  - {slug: c, theme: t, title: Rapportcijfer, unit: rapportcijfer, decimals: 1, polarity: lower-is-better, source: S}\n"
	"regions: [{code: NL01, name: Nederland, level: land}, {code: PV22, name: Drenthe, level: provincie, parent: NL01},\n"
	"  {code: GM0106, name: Assen, level: gemeente, parent: PV22}, {code: GM0114, name: Emmen, level: gemeente, parent: PV22},\n"
	"  {code: GM1680, name: Aa en Hunze, level: gemeente, parent: PV22}, {code: GM1730, name: Tynaarlo, level: gemeente, parent: PV22}]\n";

static struct tl_model *model(tl_arena *a)
{
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	if (tl_agenda_parse("f.yml", yml, sizeof yml - 1, a, &m, &e))
		__builtin_trap();
	tl_errors_free(&e);
	static const struct {
		const char *ind, *reg;
		int year;
		double v;
	} rows[] = {
		{"a", "NL01", 2023, 61.0}, {"a", "PV22", 2021, 63.0}, {"a", "PV22", 2023, 61.2},
		{"a", "GM0106", 2023, 60.0}, {"a", "GM0114", 2023, 57.8}, {"a", "GM1680", 2023, 64.0},
		{"a", "GM1730", 2023, 66.0}, {"b", "PV22", 2022, 34000}, {"b", "PV22", 2024, 36200},
		{"c", "PV22", 2024, 7.9},
	};
	size_t n = sizeof rows / sizeof *rows;
	m->obs = TL_NEW_ARRAY(a, struct tl_observation, n);
	for (size_t i = 0; i < n; i++) {
		struct tl_observation *o = &m->obs[m->n_obs++];
		o->indicator = tl_model_indicator(m, rows[i].ind)->slug;
		o->region = tl_model_region(m, rows[i].reg)->code;
		o->period = (struct tl_period){rows[i].year, TL_PERIOD_YEAR, 0};
		o->value = rows[i].v;
		o->status = TL_STATUS_FINAL;
	}
	tl_model_index(m);
	return m;
}

static void scan_only(const char *text, size_t len, tl_arena *a)
{
	struct tl_prose p;
	tl_prose_scan(text, len, a, &p);
	size_t last = 0;
	for (size_t i = 0; i < p.n_sent; i++) {
		if (p.sent[i].start > p.sent[i].end || p.sent[i].end > len || p.sent[i].start < last)
			__builtin_trap();
		last = p.sent[i].end;
		if (p.sent[i].para >= p.n_para)
			__builtin_trap();
	}
	for (size_t i = 0; i < p.n_q; i++) {
		const struct tl_quantity *q = &p.q[i];
		if (q->start > q->num_start || q->num_start > q->num_end || q->num_end > q->end || q->end > len ||
		    q->noun_start > q->noun_end || q->noun_end > len)
			__builtin_trap();
		double lo, hi;
		tl_quantity_range(q, &lo, &hi);
		if (!(lo <= hi))
			__builtin_trap();
		tl_prose_sentence_at(&p, q->start);
	}
	for (size_t i = 0; i < p.n_dates; i++)
		if (p.dates[i].end > len || p.dates[i].month < 1 || p.dates[i].month > 12)
			__builtin_trap();
	for (size_t i = 0; i < p.n_claims; i++)
		if (p.claims[i].start > p.claims[i].end || p.claims[i].end > len)
			__builtin_trap();
	for (size_t i = 0; i < p.n_words; i++)
		if (p.words[i].end > len || tl_prose_word_at(&p, p.words[i].start) != i)
			__builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int mode = data[0] & 3;
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_check_opts o = {.lang = (data[0] & 4) ? TL_LANG_EN : TL_LANG_NL, .report_year = (data[0] & 8) ? 2023 : 0};
	int n = 0;
	if (mode == 0) {
		scan_only(text, len, a);
	} else if (mode == 1) {
		n = tl_check_text("f.txt", text, len, NULL, &o, &e);
	} else if (mode == 2) {
		n = tl_check_text("f.txt", text, len, model(a), &o, &e);
	} else {
		/* chapters are NUL-terminated text in the model */
		char *md = tl_arena_strndup(a, text, len);
		struct tl_chapter ch = {"c", 1, "t", NULL, "c.md", md};
		if (data[0] & 16) {
			/* the whole-model path: accepted figures (rule 1, the chapter's
			 * own and a stale one), the agenda's goals as targets, story
			 * links against a list, structured targets */
			struct tl_model *m = model(a);
			m->chapters = &ch;
			m->n_chapters = 1;
			size_t nv;
			struct tl_accepted *v = tl_check_bound_values(m, a, &nv);
			struct tl_accepted *w = TL_NEW_ARRAY(a, struct tl_accepted, nv + 1);
			if (nv)
				memcpy(w, v, nv * sizeof *v);
			w[nv] = (struct tl_accepted){"c", "waarde a PV22 laatste", "1", "2020JJ00", "2026-01-01T00:00:00Z"};
			static const char *const stories[] = {"a"};
			static const struct tl_check_target targets[] = {
				{.name = "t", .has_target = 1, .target = 5, .has_baseline = 1, .baseline = 1,
				 .baseline_year = 2022, .deadline_year = 2024, .has_progress = 1, .progress = 2,
				 .progress_year = 2023},
				{.name = "u", .vague = 1},
			};
			o.accepted = w;
			o.n_accepted = nv + 1;
			o.stories = stories;
			o.n_stories = 1;
			o.know_stories = 1;
			o.targets = targets;
			o.n_targets = 2;
			n = tl_check_model(m, &o, &e);
		} else {
			n = tl_check_chapter(model(a), &ch, &o, &e);
		}
	}
	if ((size_t)n > tl_errors_count(&e))
		__builtin_trap();
	tl_errors_free(&e);
	tl_arena_free(a);
	return 0;
}
