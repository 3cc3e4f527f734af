#include "site.h"

#include <string.h>

#include "../core/buf.h"
#include "../core/file.h"
#include "../text/chapter.h"
#include "download.h"
#include "layout.h"
#include "pdf.h"
#include "pages.h"

static int write_out(const char *dir, const char *name, tl_buf *b, struct tl_site_stats *st,
		     tl_errors *errs)
{
	tl_buf path = TL_BUF_INIT;
	tl_buf_printf(&path, "%s/%s", dir, name);
	int rc = tl_file_write(path.data, b->data ? b->data : "", b->len, errs);
	tl_buf_free(&path);
	st->bytes += b->len;
	return rc;
}

/* Copy the stylesheets the pages link to. */
static int copy_assets(const char *assets_dir, const char *outdir, tl_arena *a, tl_errors *errs)
{
	static const char *const files[] = {"nlds.css", "telling.css"};
	char *dst = tl_arena_printf(a, "%s/assets", outdir);
	if (tl_mkdirs(dst, errs))
		return TL_ERR_IO;
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *src = tl_arena_printf(a, "%s/%s", assets_dir, files[i]);
		char *data;
		size_t len;
		if (tl_file_read(src, 8u << 20, a, &data, &len, errs))
			return TL_ERR_IO;
		if (tl_file_write(tl_arena_printf(a, "%s/%s", dst, files[i]), data, len, errs))
			return TL_ERR_IO;
	}
	return TL_OK;
}

/* verhalen/<slug>.html for every published story (never for an unpublished
 * one), linked back to the chapters whose {{verhaal}} bindings point at
 * it, and verhalen/index.html listing them. */
static int write_stories(const struct tl_model *m, const char *outdir, enum tl_lang lang,
			 struct tl_block *const *blocks, const size_t *nblocks, tl_buf *b,
			 struct tl_site_stats *st, tl_errors *errs)
{
	size_t published = 0;
	for (size_t i = 0; i < m->n_stories; i++)
		published += m->stories[i].published != 0;
	if (!published)
		return TL_OK;
	char *dir = tl_arena_printf(m->arena, "%s/verhalen", outdir);
	if (tl_mkdirs(dir, errs))
		return TL_ERR_IO;
	const struct tl_chapter **from = TL_NEW_ARRAY(m->arena, const struct tl_chapter *, m->n_chapters + 1);
	for (size_t i = 0; i < m->n_stories; i++) {
		const struct tl_story *s = &m->stories[i];
		if (!s->published)
			continue;
		size_t nf = 0;
		for (size_t c = 0; c < m->n_chapters; c++) {
			int links = 0;
			for (size_t k = 0; k < nblocks[c]; k++)
				for (size_t j = 0; j < blocks[c][k].n_bindings; j++)
					links |= blocks[c][k].bindings[j].kind == TL_BIND_STORY_LINK &&
						 !strcmp(blocks[c][k].bindings[j].story, s->slug);
			if (links)
				from[nf++] = &m->chapters[c];
		}
		char *file = tl_arena_printf(m->arena, "verhalen/%s.html", s->slug);
		struct tl_page page = {m, lang, s->title, file, "../", 0};
		tl_buf_reset(b);
		tl_page_story(b, &page, s, from, nf);
		if (write_out(outdir, file, b, st, errs))
			return TL_ERR_IO;
		st->pages++;
	}
	struct tl_page index = {m, lang, tl_word(lang, "Interviews", "Interviews"), "verhalen/index.html", "../", 0};
	tl_buf_reset(b);
	tl_page_stories(b, &index);
	if (write_out(outdir, "verhalen/index.html", b, st, errs))
		return TL_ERR_IO;
	st->pages++;
	return TL_OK;
}

int tl_site_build(const struct tl_model *m, const char *outdir, const struct tl_site_opts *o,
		  struct tl_site_stats *stats, tl_errors *errs)
{
	const char *assets_dir = o->assets_dir;
	enum tl_lang lang = o->lang;
	struct tl_site_stats st = {0};
	tl_arena *a = m->arena;

	/* Parse every chapter before writing anything. */
	struct tl_block **blocks = TL_NEW_ARRAY(a, struct tl_block *, m->n_chapters + 1);
	size_t *nblocks = TL_NEW_ARRAY(a, size_t, m->n_chapters + 1);
	const char **chart_chapter = TL_NEW_ARRAY(a, const char *, m->n_indicators + 1);
	int failed = 0;
	for (size_t i = 0; i < m->n_chapters; i++) {
		if (tl_chapter_parse(&m->chapters[i], m, a, &blocks[i], &nblocks[i], errs))
			failed = 1;
		for (size_t k = 0; k < nblocks[i]; k++) {
			if (blocks[i][k].kind != TL_BLOCK_CHART || !blocks[i][k].indicator)
				continue;
			for (size_t d = 0; d < m->n_indicators; d++)
				if (!chart_chapter[d] && !strcmp(m->indicators[d].slug, blocks[i][k].indicator))
					chart_chapter[d] = m->chapters[i].slug;
		}
	}
	if (failed)
		return TL_ERR_INPUT;
	if (tl_mkdirs(outdir, errs) || tl_mkdirs(tl_arena_printf(a, "%s/data", outdir), errs))
		return TL_ERR_IO;

	tl_buf b = TL_BUF_INIT;
	struct tl_page page = {m, lang, NULL, "index.html", "", 0};
	page.title = m->agenda.report_title ? m->agenda.report_title : m->agenda.title;
	tl_page_index(&b, &page, chart_chapter);
	if (write_out(outdir, "index.html", &b, &st, errs))
		goto fail;
	st.pages++;

	for (size_t i = 0; i < m->n_chapters; i++) {
		const struct tl_chapter *c = &m->chapters[i];
		char file[96];
		tl_chapter_file(c, file, sizeof file);
		page.title = tl_chapter_title(m, c);
		page.current = file;
		tl_buf_reset(&b);
		tl_page_chapter(&b, &page, c, blocks[i], nblocks[i], errs);
		if (write_out(outdir, file, &b, &st, errs))
			goto fail;
		st.pages++;
		for (size_t k = 0; k < nblocks[i]; k++)
			st.charts += blocks[i][k].kind == TL_BLOCK_CHART;
	}

	if (write_stories(m, outdir, lang, blocks, nblocks, &b, &st, errs))
		goto fail;

	/* The one-document version; its binding warnings repeat the pages' own. */
	{
		tl_errors quiet = TL_ERRORS_INIT;
		struct tl_page pp = {m, lang, tl_word(lang, "Het hele verslag", "The whole report"),
				     "rapport.html", "", 1};
		tl_buf_reset(&b);
		tl_page_print(&b, &pp, blocks, nblocks, &quiet);
		tl_errors_free(&quiet);
		if (write_out(outdir, "rapport.html", &b, &st, errs))
			goto fail;
		st.pages++;
	}

	for (size_t d = 0; d < m->n_indicators; d++) {
		tl_buf_reset(&b);
		tl_download_csv(&b, m, m->indicators[d].slug);
		char *name = tl_arena_printf(a, "data/%s.csv", m->indicators[d].slug);
		if (write_out(outdir, name, &b, &st, errs))
			goto fail;
		st.downloads++;
	}
	tl_buf_reset(&b);
	tl_download_csv(&b, m, NULL);
	if (write_out(outdir, "data/alle-cijfers.csv", &b, &st, errs))
		goto fail;
	st.downloads++;
	tl_buf_free(&b);

	if (copy_assets(assets_dir, outdir, a, errs))
		return TL_ERR_IO;
	if (o->pdf) {
		char *html = tl_arena_printf(a, "%s/rapport.html", outdir);
		char *pdf = tl_arena_printf(a, "%s/rapport.pdf", outdir);
		if (tl_pdf_print(html, pdf, errs))
			return TL_ERR_IO;
		st.pages++;
	}
	if (stats)
		*stats = st;
	return TL_OK;
fail:
	tl_buf_free(&b);
	return TL_ERR_IO;
}
