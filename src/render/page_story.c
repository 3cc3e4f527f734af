#include <stdio.h>
#include <string.h>

#include "../text/story.h"
#include "figure.h"
#include "html.h"
#include "markdown.h"
#include "pages.h"
#include "parts.h"
#include "report_blocks.h"

/* Text of a story with every name withheld from it replaced. */
static void redacted(tl_buf *b, const struct tl_story *s, const char *text, enum tl_lang lang)
{
	tl_buf t = TL_BUF_INIT;
	tl_story_redact(s, text, strlen(text), lang, &t);
	tl_html_text(b, t.data ? t.data : "");
	tl_buf_free(&t);
}

size_t tl_story_linked_from(const struct tl_model *m, struct tl_block *const *blocks, const size_t *n_blocks,
			    const char *slug, const struct tl_chapter **from)
{
	size_t nf = 0;
	for (size_t c = 0; c < m->n_chapters; c++) {
		int links = 0;
		for (size_t k = 0; !links && k < n_blocks[c]; k++)
			for (size_t j = 0; j < blocks[c][k].n_bindings; j++)
				links |= blocks[c][k].bindings[j].kind == TL_BIND_STORY_LINK &&
					 !strcmp(blocks[c][k].bindings[j].story, slug);
		if (links)
			from[nf++] = &m->chapters[c];
	}
	return nf;
}

const struct tl_chapter **tl_story_instrument_chapters(const struct tl_model *m, struct tl_block *const *blocks,
						       const size_t *n_blocks, const struct tl_story *s)
{
	const struct tl_chapter **at = TL_NEW_ARRAY(m->arena, const struct tl_chapter *, s->n_instruments + 1);
	for (size_t i = 0; i < s->n_instruments; i++) {
		const struct tl_instrument *in = tl_model_instrument(m, s->instruments[i]);
		/* the rule of tl_render_instruments: a block lists its theme's
		 * instruments, a block without a theme those without one */
		for (size_t c = 0; in && !at[i] && c < m->n_chapters; c++)
			for (size_t k = 0; !at[i] && k < n_blocks[c]; k++) {
				const struct tl_block *bl = &blocks[c][k];
				if (bl->kind == TL_BLOCK_INSTRUMENTS &&
				    (bl->ref ? in->theme && !strcmp(in->theme, bl->ref) : !in->theme))
					at[i] = &m->chapters[c];
			}
	}
	return at;
}

/* The municipality's name, linked to its page when it has one (not in the
 * one-document version, which has no region pages). */
static void municipality(tl_buf *b, const struct tl_page *p, const struct tl_region *r)
{
	size_t n = 0;
	const struct tl_region **gm = p->print ? NULL : tl_report_municipalities(p->m, &n);
	tl_part_region_name(b, p->root, (const struct tl_region *const *)gm, n, r);
}

/* The facts above a story: who is in it, where, when, goals, instruments. */
static void facts(tl_buf *b, const struct tl_page *p, const struct tl_story *s,
		  const struct tl_chapter *const *at)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	const struct tl_person **named = TL_NEW_ARRAY(m->arena, const struct tl_person *, s->n_people + 1);
	size_t nn = tl_story_named(s, named);
	tl_html_lit(b, "<dl class=\"tl-facts tl-story__facts\">\n");
	if (nn) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "In dit verhaal", "In this story"));
		tl_html_lit(b, "</dt><dd><ul class=\"tl-people\">");
		for (size_t i = 0; i < nn; i++) {
			tl_html_lit(b, "<li>");
			tl_html_text(b, named[i]->name);
			if (named[i]->role) {
				tl_html_lit(b, ", ");
				tl_html_text(b, named[i]->role);
			}
			tl_html_lit(b, "</li>");
		}
		tl_html_lit(b, "</ul></dd>\n");
	}
	if (s->place || s->municipality) {
		const struct tl_region *r = s->municipality ? tl_model_region(m, s->municipality) : NULL;
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Waar", "Where"));
		tl_html_lit(b, "</dt><dd>");
		if (r && s->place && !strcmp(s->place, r->name)) {
			municipality(b, p, r); /* "Assen" is the place and the municipality */
		} else {
			if (s->place)
				tl_html_text(b, s->place);
			if (r) {
				if (s->place)
					tl_html_lit(b, ", ");
				tl_html_text(b, tl_word(lang, "gemeente ", "municipality of "));
				municipality(b, p, r);
			}
		}
		tl_html_lit(b, "</dd>\n");
	}
	if (s->date.year) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Wanneer", "When"));
		tl_html_lit(b, "</dt><dd>");
		tl_render_ymd(b, &s->date, lang);
		tl_html_lit(b, "</dd>\n");
	}
	if (s->n_goals) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Doelen", "Goals"));
		tl_html_lit(b, "</dt><dd>");
		for (size_t i = 0; i < s->n_goals; i++) {
			const struct tl_goal *g = tl_model_goal(m, s->goals[i]);
			if (i)
				tl_html_lit(b, "; ");
			tl_html_int(b, s->goals[i]);
			if (g) {
				tl_html_lit(b, ". ");
				tl_html_text(b, g->title);
			}
		}
		tl_html_lit(b, "</dd>\n");
	}
	if (s->n_instruments) {
		tl_html_lit(b, "<dt>");
		tl_html_text(b, tl_word(lang, "Instrument", "Instrument"));
		tl_html_lit(b, "</dt><dd>");
		for (size_t i = 0; i < s->n_instruments; i++) {
			const struct tl_instrument *in = tl_model_instrument(m, s->instruments[i]);
			if (i)
				tl_html_lit(b, "; ");
			if (in && at && at[i]) {
				char file[200];
				if (p->print)
					snprintf(file, sizeof file, "#instrument-%s", in->slug);
				else {
					char ch[96];
					tl_chapter_file(at[i], ch, sizeof ch);
					snprintf(file, sizeof file, "%s%s#instrument-%s", p->root ? p->root : "", ch, in->slug);
				}
				tl_html_link(b, file, in->name);
			} else {
				tl_html_text(b, in ? in->name : s->instruments[i]);
			}
		}
		tl_html_lit(b, "</dd>\n");
	}
	tl_html_lit(b, "</dl>\n");
}

void tl_story_body(tl_buf *b, const struct tl_page *p, const struct tl_story *s,
		   const struct tl_chapter *const *from, size_t n_from, const struct tl_chapter *const *at)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	/* On its own page the title is the h1; in the one-document version an
	 * interview is an h3 under the part "Interviews" (h2), with an id the
	 * chapters link to. */
	const char *h = p->print ? "h3" : "h1";
	tl_html_lit(b, "<article class=\"tl-chapter tl-story\"");
	char id[160];
	snprintf(id, sizeof id, "interview-%s", s->slug);
	if (p->print)
		tl_html_attr(b, "id", id);
	tl_html_lit(b, ">\n<header class=\"tl-chapter__header\">\n");
	if (s->kicker) {
		tl_html_lit(b, "<p class=\"tl-story__kicker\">");
		redacted(b, s, s->kicker, lang);
		tl_html_lit(b, "</p>\n");
	}
	tl_html_lit(b, "<");
	tl_html_lit(b, h);
	tl_html_lit(b, " class=\"tl-chapter__title\">");
	redacted(b, s, s->title, lang);
	tl_html_lit(b, "</");
	tl_html_lit(b, h);
	tl_html_lit(b, ">\n");
	if (s->lead) {
		tl_html_lit(b, "<p class=\"tl-lead\">");
		redacted(b, s, s->lead, lang);
		tl_html_lit(b, "</p>\n");
	}
	tl_html_lit(b, "</header>\n");
	facts(b, p, s, at);

	tl_buf md = TL_BUF_INIT;
	tl_story_redact(s, s->markdown ? s->markdown : "", s->markdown ? strlen(s->markdown) : 0, lang, &md);
	char prefix[176];
	snprintf(prefix, sizeof prefix, "%s-", id);
	/* a story's own "## Tussenkop" sits under its title: h2 on the page, h4 in print */
	struct tl_md_opts o = {p->print ? 2 : 0, p->print ? prefix : NULL, p->print, p->lang};
	tl_markdown_render(b, md.data ? md.data : "", md.len, &o);
	tl_buf_free(&md);

	/* and back to where the story is told about (in print a plain list: one
	 * navigation landmark per interview would crowd the document's) */
	if (p->print) {
		tl_html_lit(b, "<div class=\"tl-back\"");
	} else {
		tl_html_lit(b, "<nav class=\"tl-back\"");
		tl_html_attr(b, "aria-label", tl_word(lang, "Terug", "Back"));
	}
	tl_html_lit(b, "><ul>\n");
	for (size_t i = 0; i < n_from; i++) {
		char file[160];
		if (p->print)
			snprintf(file, sizeof file, "#hoofdstuk-%s", from[i]->slug);
		else
			snprintf(file, sizeof file, "%s%s.html", p->root ? p->root : "", from[i]->slug);
		tl_buf t = TL_BUF_INIT;
		tl_buf_printf(&t, "%s%s", tl_word(lang, "Terug naar ", "Back to "), tl_chapter_title(m, from[i]));
		tl_html_lit(b, "<li>");
		tl_html_link(b, file, t.data);
		tl_html_lit(b, "</li>\n");
		tl_buf_free(&t);
	}
	char idx[64];
	if (p->print)
		snprintf(idx, sizeof idx, "#interviews");
	else
		snprintf(idx, sizeof idx, "%sverhalen/index.html", p->root ? p->root : "");
	tl_html_lit(b, "<li>");
	tl_html_link(b, idx, tl_word(lang, "Alle interviews", "All interviews"));
	tl_html_lit(b, "</li>\n</ul>");
	tl_html_lit(b, p->print ? "</div>\n</article>\n" : "</nav>\n</article>\n");
}

void tl_page_story(tl_buf *b, const struct tl_page *p, const struct tl_story *s,
		   const struct tl_chapter *const *from, size_t n_from, const struct tl_chapter *const *at)
{
	tl_layout_begin(b, p);
	tl_story_body(b, p, s, from, n_from, at);
	tl_layout_end(b, p);
}

void tl_page_stories(tl_buf *b, const struct tl_page *p)
{
	tl_layout_begin(b, p);
	tl_html_lit(b, "<article class=\"tl-chapter\">\n<header class=\"tl-chapter__header\"><h1 class=\"tl-chapter__title\">");
	tl_html_text(b, p->title);
	tl_html_lit(b, "</h1></header>\n");
	tl_render_stories(b, p, NULL, 1);
	tl_html_lit(b, "</article>\n");
	tl_layout_end(b, p);
}
