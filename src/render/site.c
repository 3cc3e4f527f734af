#include "site.h"

#include <string.h>

#include "../core/buf.h"
#include "../core/file.h"
#include "../text/chapter.h"
#include "../text/story.h"
#include "download.h"
#include "figure.h"
#include "layout.h"
#include "pdf.h"
#include "pages.h"
#include "toc_pages.h"

/* A model with every chapter parsed: what any one page needs. */
struct tl_site {
	const struct tl_model *m;
	enum tl_lang lang;
	struct tl_block **blocks; /* per chapter */
	size_t *nblocks;
	const char **chart_chapter; /* per indicator: slug of the chapter charting it */
	const char **paths;         /* every page and download, in build order */
	struct tl_profile_ctx *profiles; /* positions for the region pages */
	size_t n_paths;
	int served;                 /* pages link to the dashboard (tl_site_set_served) */
};

/* Stylesheets the pages link to (assets/NAME). */
static const char *const asset_files[] = {"nlds.css", "telling.css"};

int tl_site_open(const struct tl_model *m, enum tl_lang lang, tl_site **out, tl_errors *errs)
{
	tl_arena *a = m->arena;
	tl_site *s = TL_NEW(a, tl_site);
	s->m = m;
	s->lang = lang;
	s->blocks = TL_NEW_ARRAY(a, struct tl_block *, m->n_chapters + 1);
	s->nblocks = TL_NEW_ARRAY(a, size_t, m->n_chapters + 1);
	s->chart_chapter = TL_NEW_ARRAY(a, const char *, m->n_indicators + 1);
	int failed = 0;
	for (size_t i = 0; i < m->n_chapters; i++) {
		if (tl_chapter_parse(&m->chapters[i], m, a, &s->blocks[i], &s->nblocks[i], errs))
			failed = 1;
		for (size_t k = 0; k < s->nblocks[i]; k++) {
			const struct tl_block *bl = &s->blocks[i][k];
			if (bl->kind != TL_BLOCK_CHART || !bl->indicator)
				continue;
			for (size_t d = 0; d < m->n_indicators; d++)
				if (!s->chart_chapter[d] && !strcmp(m->indicators[d].slug, bl->indicator))
					s->chart_chapter[d] = m->chapters[i].slug;
		}
	}
	if (failed) {
		*out = NULL;
		return TL_ERR_INPUT;
	}
	s->profiles = tl_profile_ctx_new(m, s->chart_chapter);
	size_t ngm;
	const struct tl_region *const *gm = tl_profile_municipalities(s->profiles, &ngm);
	s->paths = TL_NEW_ARRAY(a, const char *,
				m->n_chapters + 2 * m->n_indicators + m->n_stories + ngm + m->n_groups + 6);
	s->paths[s->n_paths++] = "index.html";
	for (size_t i = 0; i < m->n_chapters; i++)
		s->paths[s->n_paths++] = tl_arena_printf(a, "%s.html", m->chapters[i].slug);
	/* A page per published story, never one for an unpublished story. */
	size_t stories = 0;
	for (size_t i = 0; i < m->n_stories; i++)
		if (m->stories[i].published) {
			s->paths[s->n_paths++] = tl_arena_printf(a, "verhalen/%s.html", m->stories[i].slug);
			stories++;
		}
	if (stories)
		s->paths[s->n_paths++] = "verhalen/index.html";
	s->paths[s->n_paths++] = "rapport.html";
	/* A page per municipality and per region group. */
	for (size_t i = 0; i < ngm; i++)
		s->paths[s->n_paths++] = tl_arena_printf(a, "gemeente/%s.html", gm[i]->code);
	for (size_t i = 0; i < m->n_groups; i++)
		s->paths[s->n_paths++] = tl_arena_printf(a, "groep/%s.html", m->groups[i].slug);
	for (size_t d = 0; d < m->n_indicators; d++) {
		s->paths[s->n_paths++] = tl_arena_printf(a, "data/%s.csv", m->indicators[d].slug);
		s->paths[s->n_paths++] = tl_arena_printf(a, "data/%s.json", m->indicators[d].slug);
	}
	s->paths[s->n_paths++] = "data/alle-cijfers.csv";
	s->paths[s->n_paths++] = "data/alle-cijfers.json";
	*out = s;
	return TL_OK;
}

size_t tl_site_paths(const tl_site *s, const char *const **paths)
{
	*paths = s->paths;
	return s->n_paths;
}

const char *tl_site_content_type(const char *path)
{
	size_t n = strlen(path);
	if (n >= 4 && !strcmp(path + n - 4, ".csv"))
		return "text/csv; charset=utf-8";
	if (n >= 5 && !strcmp(path + n - 5, ".json"))
		return "application/json";
	if (n >= 4 && !strcmp(path + n - 4, ".css"))
		return "text/css; charset=utf-8";
	return "text/html; charset=utf-8";
}

/* verhalen/<slug>.html for a published story (linked back to the chapters
 * whose {{verhaal}} bindings point at it) and verhalen/index.html listing
 * them; an unpublished story is not found. */
static int render_story(const tl_site *s, const char *path, tl_buf *b)
{
	const struct tl_model *m = s->m;
	struct tl_page page = {m, s->lang, tl_word(s->lang, "Interviews", "Interviews"), path, "../", 0, s->served};
	if (!strcmp(path, "verhalen/index.html")) {
		for (size_t i = 0; i < m->n_stories; i++)
			if (m->stories[i].published) {
				tl_page_stories(b, &page);
				return TL_OK;
			}
		return TL_ERR_NOTFOUND;
	}
	for (size_t i = 0; i < m->n_stories; i++) {
		const struct tl_story *st = &m->stories[i];
		size_t sl = strlen(st->slug);
		if (!st->published || strncmp(path + 9, st->slug, sl) != 0 || strcmp(path + 9 + sl, ".html") != 0)
			continue;
		const struct tl_chapter **from = TL_NEW_ARRAY(m->arena, const struct tl_chapter *, m->n_chapters + 1);
		size_t nf = tl_story_linked_from(m, s->blocks, s->nblocks, st->slug, from);
		/* the <title> too: a name withheld in the text is withheld there */
		tl_buf t = TL_BUF_INIT;
		tl_story_redact(st, st->title, strlen(st->title), s->lang, &t);
		page.title = tl_arena_strndup(m->arena, t.data ? t.data : "", t.len);
		tl_buf_free(&t);
		tl_page_story(b, &page, st, from, nf,
			      tl_story_instrument_chapters(m, s->blocks, s->nblocks, st));
		return TL_OK;
	}
	return TL_ERR_NOTFOUND;
}

void tl_site_set_served(tl_site *s, int served)
{
	s->served = served;
}

int tl_site_render(const tl_site *s, const char *path, tl_buf *b, tl_errors *errs)
{
	const struct tl_model *m = s->m;
	struct tl_page page = {m, s->lang, NULL, path, "", 0, s->served};
	if (!strcmp(path, "index.html")) {
		page.title = m->agenda.report_title ? m->agenda.report_title : m->agenda.title;
		tl_page_index(b, &page, s->chart_chapter);
		return TL_OK;
	}
	if (!strcmp(path, "rapport.html")) {
		/* The one-document version; its binding warnings repeat the pages' own. */
		tl_errors quiet = TL_ERRORS_INIT;
		page.title = tl_word(s->lang, "Het hele verslag", "The whole report");
		page.print = 1;
		tl_page_print(b, &page, s->blocks, s->nblocks, NULL, &quiet);
		tl_errors_free(&quiet);
		return TL_OK;
	}
	if (!strcmp(path, "data/alle-cijfers.csv")) {
		tl_download_csv(b, m, NULL);
		return TL_OK;
	}
	if (!strcmp(path, "data/alle-cijfers.json")) {
		tl_download_json(b, m, NULL);
		return TL_OK;
	}
	if (!strncmp(path, "data/", 5)) {
		size_t n = strlen(path);
		int json = n >= 10 && !strcmp(path + n - 5, ".json");
		size_t ext = json ? 5 : 4;
		if (n < 10 || (!json && strcmp(path + n - 4, ".csv") != 0))
			return TL_ERR_NOTFOUND;
		for (size_t d = 0; d < m->n_indicators; d++) {
			const char *slug = m->indicators[d].slug;
			if (strlen(slug) == n - 5 - ext && !strncmp(path + 5, slug, n - 5 - ext)) {
				if (json)
					tl_download_json(b, m, slug);
				else
					tl_download_csv(b, m, slug);
				return TL_OK;
			}
		}
		return TL_ERR_NOTFOUND;
	}
	if (!strncmp(path, "gemeente/", 9) || !strncmp(path, "groep/", 6)) {
		struct tl_page rp = {m, s->lang, NULL, path, "../", 0, s->served};
		size_t ngm;
		const struct tl_region *const *gm = tl_profile_municipalities(s->profiles, &ngm);
		char file[160];
		for (size_t i = 0; i < ngm; i++) {
			tl_region_page_file(gm[i], file, sizeof file);
			if (!strcmp(path, file)) {
				rp.title = gm[i]->name;
				tl_page_region(b, &rp, s->profiles, gm[i]);
				return TL_OK;
			}
		}
		for (size_t i = 0; i < m->n_groups; i++) {
			tl_group_page_file(&m->groups[i], file, sizeof file);
			if (!strcmp(path, file)) {
				rp.title = m->groups[i].name;
				tl_page_group(b, &rp, s->profiles, &m->groups[i]);
				return TL_OK;
			}
		}
		return TL_ERR_NOTFOUND;
	}
	if (!strncmp(path, "verhalen/", 9))
		return render_story(s, path, b);
	for (size_t i = 0; i < m->n_chapters; i++) {
		const struct tl_chapter *c = &m->chapters[i];
		char file[96];
		tl_chapter_file(c, file, sizeof file);
		if (strcmp(path, file) != 0)
			continue;
		page.title = tl_chapter_title(m, c);
		tl_page_chapter(b, &page, c, s->blocks[i], s->nblocks[i], errs);
		return TL_OK;
	}
	return TL_ERR_NOTFOUND;
}

int tl_site_asset(const char *assets_dir, const char *name, tl_arena *a, char **data, size_t *len,
		  tl_errors *errs)
{
	const size_t max = (size_t)8 * 1024 * 1024;
	for (size_t i = 0; i < sizeof asset_files / sizeof *asset_files; i++) {
		if (strcmp(name, asset_files[i]) != 0)
			continue;
		const char *path = tl_arena_printf(a, "%s/%s", assets_dir, name);
		return tl_file_read(path, max, a, data, len, errs);
	}
	return TL_ERR_NOTFOUND;
}

/* Copy the stylesheets the pages link to. */
static int copy_assets(const char *assets_dir, const char *outdir, tl_arena *a, tl_errors *errs)
{
	char *dst = tl_arena_printf(a, "%s/assets", outdir);
	if (tl_mkdirs(dst, errs))
		return TL_ERR_IO;
	for (size_t i = 0; i < sizeof asset_files / sizeof *asset_files; i++) {
		char *data;
		size_t len;
		if (tl_site_asset(assets_dir, asset_files[i], a, &data, &len, errs))
			return TL_ERR_IO;
		if (tl_file_write(tl_arena_printf(a, "%s/%s", dst, asset_files[i]), data, len, errs))
			return TL_ERR_IO;
	}
	return TL_OK;
}

/* Print the one-document version with page numbers `pages` (NULL: none)
 * beside its contents into html, then to pdf. */
static int print_pass(const tl_site *s, const int *pages, const char *html, const char *pdf, tl_errors *errs)
{
	const struct tl_model *m = s->m;
	struct tl_page page = {m, s->lang, tl_word(s->lang, "Het hele verslag", "The whole report"),
			       "rapport.html", "", 1, 0};
	tl_buf b = TL_BUF_INIT;
	tl_errors quiet = TL_ERRORS_INIT; /* the pages' own warnings, already given */
	tl_page_print(&b, &page, s->blocks, s->nblocks, pages, &quiet);
	tl_errors_free(&quiet);
	int rc = tl_file_write(html, b.data ? b.data : "", b.len, errs);
	tl_buf_free(&b);
	return rc ? rc : tl_pdf_print(html, pdf, errs);
}

/* On which page each contents entry of the printed pdf begins, into
 * pages; the number found.  The contents are on the pages after the cover. */
static size_t read_pages(const char *pdf, const char *const *titles, size_t n, int *pages, tl_arena *a,
			 tl_errors *errs, int *failed)
{
	char *text;
	size_t len;
	if (tl_pdf_text(pdf, a, &text, &len, errs)) {
		*failed = 1;
		return 0;
	}
	/* the contents start on page 2 and take at least one page; entries are
	 * looked for after their own listing (page 2) */
	return tl_toc_find_pages(text, len, titles, n, 2, pages);
}

/* rapport.pdf with page numbers in its contents.  Chromium has no
 * target-counter(), so: print with placeholders as wide as the numbers
 * will be, read where each heading landed, print with those numbers, and
 * read again: the numbers must be where they say (a third print if the
 * numbers moved a heading, an error if they still do not agree).  The HTML
 * printed sits beside rapport.html (same relative links) and is removed. */
static int build_pdf(const tl_site *s, const char *outdir, tl_errors *errs)
{
	tl_arena *a = s->m->arena;
	const char *html = tl_arena_printf(a, "%s/.rapport-pdf.html", outdir);
	const char *pdf = tl_arena_printf(a, "%s/rapport.pdf", outdir);
	struct tl_page page = {s->m, s->lang, NULL, "rapport.html", "", 1, 0};
	const char **titles;
	size_t n = tl_print_toc(&page, &titles);
	int *want = TL_NEW_ARRAY(a, int, n + 1), *got = TL_NEW_ARRAY(a, int, n + 1);
	for (size_t i = 0; i < n; i++)
		want[i] = 888; /* three digits' width: a report of up to 999 pages */
	int rc = 0, failed = 0, agree = 0;
	for (int pass = 0; pass < 3 && !rc && !agree; pass++) {
		rc = print_pass(s, want, html, pdf, errs);
		if (rc)
			break;
		read_pages(pdf, titles, n, got, a, errs, &failed);
		if (failed) {
			rc = TL_ERR_IO;
			break;
		}
		agree = pass > 0 && !memcmp(want, got, n * sizeof *got);
		memcpy(want, got, n * sizeof *got);
	}
	remove(html);
	if (!rc && !agree) {
		tl_errors_add(errs, pdf, 0, 0, NULL,
			      "the page numbers of the contents do not settle: each print moves a heading");
		rc = TL_ERR_IO;
	}
	if (rc) {
		remove(pdf); /* no PDF with placeholder or wrong numbers in its contents */
		return rc;
	}
	for (size_t i = 0; i < n; i++)
		if (!got[i])
			tl_errors_warn(errs, pdf, 0, 0, NULL,
				       "the contents have no page number for \"%s\": its heading was not found "
				       "at the top of a page of the PDF",
				       titles[i]);
	return TL_OK;
}

int tl_site_build(const struct tl_model *m, const char *outdir, const struct tl_site_opts *o,
		  struct tl_site_stats *stats, tl_errors *errs)
{
	struct tl_site_stats st = {0};
	tl_arena *a = m->arena;
	tl_site *s;

	/* Parse every chapter before writing anything. */
	if (tl_site_open(m, o->lang, &s, errs))
		return TL_ERR_INPUT;
	if (tl_mkdirs(outdir, errs) || tl_mkdirs(tl_arena_printf(a, "%s/data", outdir), errs))
		return TL_ERR_IO;
	static const char *const subdirs[] = {"verhalen/", "gemeente/", "groep/"};
	for (size_t d = 0; d < sizeof subdirs / sizeof *subdirs; d++)
		for (size_t i = 0; i < s->n_paths; i++)
			if (!strncmp(s->paths[i], subdirs[d], strlen(subdirs[d]))) {
				char *dir = tl_arena_printf(a, "%s/%.*s", outdir, (int)strlen(subdirs[d]) - 1, subdirs[d]);
				if (tl_mkdirs(dir, errs))
					return TL_ERR_IO;
				break;
			}

	tl_buf b = TL_BUF_INIT;
	for (size_t i = 0; i < s->n_paths; i++) {
		const char *path = s->paths[i];
		tl_buf_reset(&b);
		tl_site_render(s, path, &b, errs);
		st.bytes += b.len;
		if (tl_file_write(tl_arena_printf(a, "%s/%s", outdir, path), b.data ? b.data : "", b.len,
				  errs)) {
			tl_buf_free(&b);
			return TL_ERR_IO;
		}
		if (!strncmp(path, "data/", 5))
			st.downloads++;
		else
			st.pages++;
	}
	tl_buf_free(&b);
	for (size_t i = 0; i < m->n_chapters; i++)
		for (size_t k = 0; k < s->nblocks[i]; k++)
			st.charts += s->blocks[i][k].kind == TL_BLOCK_CHART;

	if (copy_assets(o->assets_dir, outdir, a, errs))
		return TL_ERR_IO;
	if (o->pdf) {
		if (build_pdf(s, outdir, errs))
			return TL_ERR_IO;
		st.pages++;
	}
	if (stats)
		*stats = st;
	return TL_OK;
}
