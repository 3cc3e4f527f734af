/*
 * libFuzzer target for chapter text: bindings and directives
 * (text/chapter.c) and the Markdown renderer (render/markdown.c).  The first
 * byte picks the entry point: even = parse + expand against a small model,
 * odd = render Markdown directly.  The output must never contain a raw
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
		if (tl_agenda_parse("f.yml", yml, sizeof yml - 1, a, &m, &e))
			__builtin_trap();
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
