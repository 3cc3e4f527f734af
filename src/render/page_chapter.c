#include <stdio.h>
#include <string.h>

#include "figure.h"
#include "html.h"
#include "markdown.h"
#include "pages.h"
#include "report_blocks.h"

/* Level of the last ATX heading in a Markdown text, or 0. */
static int last_heading(const char *s, size_t n)
{
	int level = 0;
	for (size_t i = 0; i < n;) {
		size_t e = i;
		while (e < n && s[e] != '\n')
			e++;
		size_t k = i;
		while (k < e && k - i < 7 && s[k] == '#')
			k++;
		if (k > i && k - i <= 6 && (k == e || s[k] == ' '))
			level = (int)(k - i);
		i = e + 1;
	}
	return level;
}

static void goals(tl_buf *b, const struct tl_page *p, const struct tl_chapter *ch)
{
	const struct tl_model *m = p->m;
	tl_html_lit(b, "<ol class=\"tl-goals\">\n");
	for (size_t i = 0; i < m->n_goals; i++) {
		const struct tl_goal *g = &m->goals[i];
		if (!ch->theme || strcmp(g->theme, ch->theme) != 0)
			continue;
		tl_html_lit(b, "<li class=\"tl-goal\"");
		tl_html_attr_int(b, "value", g->number);
		tl_html_lit(b, "><span class=\"tl-goal__number\" aria-hidden=\"true\">");
		tl_html_int(b, g->number);
		tl_html_lit(b, "</span> <span class=\"tl-goal__title\">");
		tl_html_text(b, g->title);
		tl_html_lit(b, "</span>");
		if (g->text) {
			tl_html_lit(b, "<div class=\"tl-goal__text\">");
			struct tl_md_opts o = {0, "doel-", 0, p->lang};
			tl_markdown_render(b, g->text, strlen(g->text), &o);
			tl_html_lit(b, "</div>");
		}
		tl_html_lit(b, "</li>\n");
	}
	tl_html_lit(b, "</ol>\n");
}

void tl_chapter_body(tl_buf *b, const struct tl_page *p, const struct tl_chapter *ch,
		     const struct tl_block *blocks, size_t n_blocks, int level, tl_errors *errs)
{
	static const char *const h_open[] = {"<h1", "<h1", "<h2", "<h3"};
	static const char *const h_close[] = {"</h1>", "</h1>", "</h2>", "</h3>"};
	const struct tl_model *m = p->m;
	const struct tl_theme *t = ch->theme ? tl_model_theme(m, ch->theme) : NULL;
	if (level < 1)
		level = 1;
	if (level > 3)
		level = 3;
	tl_html_lit(b, "<article class=\"tl-chapter\"");
	if (p->print) {
		char id[96];
		snprintf(id, sizeof id, "hoofdstuk-%s", ch->slug);
		tl_html_attr(b, "id", id);
	}
	tl_html_lit(b, ">\n<header class=\"tl-chapter__header\">\n");
	tl_html_lit(b, h_open[level]);
	tl_html_lit(b, " class=\"tl-chapter__title\">");
	tl_html_text(b, tl_chapter_title(m, ch));
	tl_html_lit(b, h_close[level]);
	tl_html_lit(b, "\n");
	if (t && t->subtitle) {
		tl_html_lit(b, "<p class=\"tl-chapter__subtitle\">");
		tl_html_text(b, t->subtitle);
		tl_html_lit(b, "</p>\n");
	}
	tl_html_lit(b, "</header>\n");
	int heading = level;
	tl_buf md = TL_BUF_INIT;
	for (size_t i = 0; i < n_blocks; i++) {
		const struct tl_block *blk = &blocks[i];
		switch (blk->kind) {
		case TL_BLOCK_TEXT: {
			tl_buf_reset(&md);
			tl_chapter_expand(blk, ch, m, p->lang, &md, errs);
			/* In the one-document print version every chapter's headings
			 * move one level down, and ids get the chapter as prefix. */
			char prefix[80];
			snprintf(prefix, sizeof prefix, "%s-", ch->slug);
			struct tl_md_opts o = {level - 1, p->print ? prefix : NULL, p->print, p->lang};
			tl_markdown_render(b, md.data ? md.data : "", md.len, &o);
			int h = last_heading(blk->text, blk->len);
			if (h)
				heading = h + level - 1;
			break;
		}
		case TL_BLOCK_GOALS:
			goals(b, p, ch);
			break;
		case TL_BLOCK_CHART: {
			const struct tl_indicator *d = tl_model_indicator(m, blk->indicator);
			if (d)
				tl_render_indicator(b, p, d, heading + 1);
			break;
		}
		case TL_BLOCK_GRANTS: {
			const struct tl_instrument *in = tl_model_instrument(m, blk->ref);
			if (in)
				tl_render_grants(b, p, in, heading);
			break;
		}
		case TL_BLOCK_INSTRUMENTS:
			tl_render_instruments(b, p, blk->ref, heading);
			break;
		case TL_BLOCK_TARGETS:
			tl_render_targets(b, p, blk->ref, heading);
			break;
		case TL_BLOCK_STORIES:
			tl_render_stories(b, p, blk->ref, heading);
			break;
		case TL_BLOCK_NEXT_STEPS:
			tl_render_next_steps(b, p, blk->ref, heading);
			break;
		case TL_BLOCK_MAP: {
			const struct tl_indicator *d = tl_model_indicator(m, blk->indicator);
			if (d)
				tl_render_map(b, p, d, heading + 1);
			break;
		}
		}
	}
	tl_buf_free(&md);
	tl_html_lit(b, "</article>\n");
}

void tl_page_chapter(tl_buf *b, const struct tl_page *p, const struct tl_chapter *ch,
		     const struct tl_block *blocks, size_t n_blocks, tl_errors *errs)
{
	tl_layout_begin(b, p);
	tl_chapter_body(b, p, ch, blocks, n_blocks, 1, errs);
	tl_layout_end(b, p);
}
