/*
 * libFuzzer target for chapter text: bindings and directives
 * (text/chapter.c) and the Markdown renderer (render/markdown.c).  The first
 * byte picks the entry point: even = parse + expand against a small model,
 * odd = render Markdown directly; its second bit picks a model with
 * municipalities and figures, for the analysis bindings.  The output must never contain a raw
 * "<script" from the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "import/agenda.h"
#include "render/markdown.h"
#include "text/chapter.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char yml[] =
	"agenda: {slug: f, title: F, report_year: 2025, focus_region: PV22, national_region: NL01}\n"
	"themes: [{slug: t, title: T, goals: [{number: 1, title: G}]}]\n"
	"indicators: [{slug: a, theme: t, title: A, unit: '%', decimals: 1, polarity: neutral, source: S}]\n"
	"regions: [{code: NL01, name: N, level: land}, {code: PV22, name: P, level: provincie, parent: NL01}]\n";

/* A second theme indicator and three municipalities with a few figures, so
 * the analysis bindings (positie, uitschieters, verband, ...) have data. */
static const char yml_analysis[] =
	"agenda: {slug: f, title: F, report_year: 2025, focus_region: PV22, national_region: NL01}\n"
	"themes: [{slug: t, title: T, goals: [{number: 1, title: G}]}]\n"
	"indicators: [{slug: a, theme: t, title: A, unit: '%', decimals: 1, polarity: neutral, source: S},\n"
	"  {slug: b, theme: t, title: B, unit: '%', decimals: 1, polarity: lower-is-better, source: S,\n"
	"   breaks: [{year: 2022, explanation: X}]},\n"
	"  {slug: c, theme: t, title: C, unit: euro, decimals: 0, polarity: higher-is-better, source: S}]\n"
	"regions: [{code: NL01, name: N, level: land}, {code: PV22, name: P, level: provincie, parent: NL01},\n"
	"  {code: GM0001, name: G1, level: gemeente, parent: PV22},\n"
	"  {code: GM0002, name: G2, level: gemeente, parent: PV22},\n"
	"  {code: GM0003, name: G3, level: gemeente, parent: PV22}]\n";

static void add_figures(struct tl_model *m, tl_arena *a)
{
	static const char *const inds[] = {"a", "b", "c"};
	static const char *const regs[] = {"NL01", "PV22", "GM0001", "GM0002", "GM0003"};
	size_t n = 3 * 5 * 3;
	m->obs = TL_NEW_ARRAY(a, struct tl_observation, n);
	for (size_t i = 0; i < 3; i++)
		for (size_t r = 0; r < 5; r++)
			for (int y = 0; y < 3; y++) {
				struct tl_observation *o = &m->obs[m->n_obs++];
				o->indicator = tl_model_indicator(m, inds[i])->slug;
				o->region = tl_model_region(m, regs[r])->code;
				o->period = (struct tl_period){2021 + y, TL_PERIOD_YEAR, 0};
				o->value = (double)((i * 7 + r * 3 + (size_t)y * 5) % 11);
				o->status = r == 4 && y == 2 ? TL_STATUS_MISSING : TL_STATUS_FINAL;
			}
	tl_model_index(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int mode = data[0] & 1;
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	tl_arena *a = tl_arena_new();
	tl_buf out = TL_BUF_INIT;
	tl_errors e = TL_ERRORS_INIT;
	if (mode == 1) {
		tl_markdown_render(&out, text, len, NULL);
	} else {
		struct tl_model *m;
		/* Second bit: the model with municipalities and figures. */
		int rich = (data[0] >> 1) & 1;
		if (rich) {
			if (tl_agenda_parse("f.yml", yml_analysis, sizeof yml_analysis - 1, a, &m, &e))
				__builtin_trap();
			add_figures(m, a);
		} else if (tl_agenda_parse("f.yml", yml, sizeof yml - 1, a, &m, &e)) {
			__builtin_trap();
		}
		/* Chapters are NUL-terminated text in the model. */
		char *md = tl_arena_strndup(a, text, len);
		struct tl_chapter ch = {"c", 1, "t", NULL, "c.md", md};
		struct tl_block *blocks;
		size_t n;
		tl_chapter_parse(&ch, m, a, &blocks, &n, &e);
		tl_buf mdbuf = TL_BUF_INIT;
		for (size_t i = 0; i < n; i++) {
			if (blocks[i].kind != TL_BLOCK_TEXT)
				continue;
			tl_buf_reset(&mdbuf);
			tl_chapter_expand(&blocks[i], &ch, m, TL_LANG_NL, &mdbuf, &e);
			tl_markdown_render(&out, mdbuf.data ? mdbuf.data : "", mdbuf.len, NULL);
		}
		tl_buf_free(&mdbuf);
	}
	if (out.data && strstr(out.data, "<script"))
		__builtin_trap();
	tl_buf_free(&out);
	tl_errors_free(&e);
	tl_arena_free(a);
	return 0;
}
