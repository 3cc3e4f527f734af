#include "chapter.h"

#include <string.h>

#include "../core/str.h"
#include "../import/agenda.h"
#include "../model/report.h"
#include "narrate_analysis.h"
#include "story.h"

static int is_word(const char *s, size_t n, const char *nl, const char *en)
{
	return tl_slice_eq(s, n, nl) || tl_slice_eq(s, n, en);
}

/* Split "{{ a b c }}" contents into at most 5 words. */
static size_t words(const char *s, size_t n, const char **w, size_t *wl, size_t max)
{
	size_t k = 0, i = 0;
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n)
			break;
		size_t start = i;
		while (i < n && s[i] != ' ' && s[i] != '\t')
			i++;
		if (k < max) {
			w[k] = s + start;
			wl[k] = i - start;
		}
		k++;
	}
	return k;
}

struct pctx {
	const struct tl_chapter *ch;
	const struct tl_model *m;
	tl_arena *a;
	tl_errors *errs;
	int failed;
};

static const char *path_of(const struct tl_chapter *ch)
{
	return ch->path ? ch->path : ch->slug;
}

#define PERR(c, line, col, ...)                                                          \
	do {                                                                             \
		tl_errors_add((c)->errs, path_of((c)->ch), (line), (col), NULL, __VA_ARGS__); \
		(c)->failed = 1;                                                         \
	} while (0)

/* ---- analysis sentences: {{positie SLUG REGIO}} and friends ---------- */

static const struct {
	const char *nl, *en;
	enum tl_binding_kind kind;
	const char *usage;
} analysis_words[] = {
	{"vergelijking", "comparison", TL_BIND_COMPARISON, "{{vergelijking ervaren-gezondheid PV22}}"},
	{"ontwikkeling", "change", TL_BIND_CHANGE, "{{ontwikkeling ervaren-gezondheid PV22}}"},
	{"positie", "position", TL_BIND_POSITION, "{{positie problematische-schulden GM0114}}"},
	{"uitschieters", "outliers", TL_BIND_OUTLIERS, "{{uitschieters gezondheid}}"},
	{"verband", "correlation", TL_BIND_CORRELATION, "{{verband moeite-met-rondkomen ervaren-gezondheid}}"},
};

/* Index into analysis_words, or -1. */
static int analysis_word(const char *w, size_t wl)
{
	for (size_t i = 0; i < sizeof analysis_words / sizeof *analysis_words; i++)
		if (is_word(w, wl, analysis_words[i].nl, analysis_words[i].en))
			return (int)i;
	return -1;
}

/* The indicator named w[0..wl), or NULL and an error that starts with
 * `what` (binding, chart, map). */
static const struct tl_indicator *bind_indicator(struct pctx *c, const char *what, const char *w,
						 size_t wl, unsigned line, unsigned col)
{
	char *slug = tl_arena_strndup(c->a, w, wl);
	const struct tl_indicator *d = tl_model_indicator(c->m, slug);
	if (!d)
		PERR(c, line, col, "%s: unknown indicator \"%s\" (not in agenda.yml)", what, slug);
	return d;
}

/* The municipalities of the focus region, for outliers and correlations. */
static const struct tl_region **focus_members(const struct tl_model *m, size_t *n)
{
	*n = 0;
	if (!m->agenda.focus_region)
		return NULL;
	return tl_model_children(m, m->agenda.focus_region, "gemeente", n);
}

static int parse_analysis(struct pctx *c, int which, const char **w, size_t *wl, size_t nw,
			  unsigned line, unsigned col, struct tl_binding *b)
{
	enum tl_binding_kind kind = analysis_words[which].kind;
	const char *usage = analysis_words[which].usage;
	b->kind = kind;
	b->latest = 1;
	if (kind == TL_BIND_OUTLIERS) {
		if (nw > 2 || (nw == 1 && !c->ch->theme)) {
			PERR(c, line, col, "binding: %.*s needs one theme (outside a theme chapter), e.g. %s",
			     (int)wl[0], w[0], usage);
			return -1;
		}
		char *slug = nw == 2 ? tl_arena_strndup(c->a, w[1], wl[1]) : NULL;
		const struct tl_theme *t = tl_model_theme(c->m, slug ? slug : c->ch->theme);
		if (!t) {
			PERR(c, line, col, "binding: unknown theme \"%s\" (not in agenda.yml)",
			     slug ? slug : c->ch->theme);
			return -1;
		}
		size_t n;
		focus_members(c->m, &n);
		if (n < 3) {
			PERR(c, line, col,
			     "binding: %.*s compares the focus region's municipalities (level gemeente), and it has %zu",
			     (int)wl[0], w[0], n);
			return -1;
		}
		b->theme = t->slug;
		return 0;
	}
	if (nw != 3) {
		PERR(c, line, col, "binding: %.*s needs %s, e.g. %s", (int)wl[0], w[0],
		     kind == TL_BIND_CORRELATION ? "two indicators" : "an indicator and a region", usage);
		return -1;
	}
	const struct tl_indicator *d = bind_indicator(c, "binding", w[1], wl[1], line, col);
	if (kind == TL_BIND_CORRELATION) {
		const struct tl_indicator *d2 = bind_indicator(c, "binding", w[2], wl[2], line, col);
		if (!d || !d2)
			return -1;
		if (d == d2) {
			PERR(c, line, col, "binding: %.*s needs two different indicators, not \"%s\" twice",
			     (int)wl[0], w[0], d->slug);
			return -1;
		}
		size_t n;
		focus_members(c->m, &n);
		if (n < 3) {
			PERR(c, line, col,
			     "binding: %.*s compares the focus region's municipalities (level gemeente), and it has %zu",
			     (int)wl[0], w[0], n);
			return -1;
		}
		b->indicator = d->slug;
		b->indicator2 = d2->slug;
		return 0;
	}
	char *code = tl_arena_strndup(c->a, w[2], wl[2]);
	const struct tl_region *r = tl_model_region(c->m, code);
	if (!r) {
		PERR(c, line, col, "binding: unknown region \"%s\" (not in agenda.yml)", code);
		return -1;
	}
	if (!d)
		return -1;
	if (kind == TL_BIND_POSITION) {
		size_t n = 0;
		if (r->parent && r->level)
			tl_model_children(c->m, r->parent, r->level, &n);
		if (n < 2) {
			PERR(c, line, col,
			     "binding: %.*s ranks a region among the regions of the same level under the same parent; \"%s\" has none",
			     (int)wl[0], w[0], r->code);
			return -1;
		}
	}
	b->indicator = d->slug;
	b->region = r->code;
	return 0;
}

/* {{subsidies SLUG aantal|bedrag [YEAR|alle]}} and {{verhaal SLUG}}. */
static int parse_report_binding(struct pctx *c, const char **w, size_t *wl, size_t nw, unsigned line,
				unsigned col, struct tl_binding *b)
{
	if (is_word(w[0], wl[0], "verhaal", "story")) {
		if (nw != 2) {
			PERR(c, line, col, "binding: %.*s needs one story, e.g. {{verhaal sweelpop}}", (int)wl[0], w[0]);
			return -1;
		}
		char *slug = tl_arena_strndup(c->a, w[1], wl[1]);
		const struct tl_story *st = tl_model_story(c->m, slug);
		if (!st) {
			PERR(c, line, col, "binding: unknown story \"%s\" (not listed under stories: in report.yml)", slug);
			return -1;
		}
		b->kind = TL_BIND_STORY_LINK;
		b->story = st->slug;
		return 0;
	}
	if (nw < 3 || nw > 4 ||
	    !(is_word(w[2], wl[2], "aantal", "count") || is_word(w[2], wl[2], "bedrag", "amount"))) {
		PERR(c, line, col,
		     "binding: %.*s needs an instrument and aantal or bedrag (and a year or alle), e.g. "
		     "{{subsidies bewonersinitiatieven aantal}}",
		     (int)wl[0], w[0]);
		return -1;
	}
	char *slug = tl_arena_strndup(c->a, w[1], wl[1]);
	const struct tl_instrument *in = tl_model_instrument(c->m, slug);
	if (!in) {
		PERR(c, line, col, "binding: unknown instrument \"%s\" (not under instruments: in report.yml)", slug);
		return -1;
	}
	b->kind = is_word(w[2], wl[2], "aantal", "count") ? TL_BIND_GRANT_COUNT : TL_BIND_GRANT_AMOUNT;
	b->instrument = in->slug;
	b->year = c->m->agenda.report_year;
	if (nw == 4) {
		struct tl_period per;
		if (is_word(w[3], wl[3], "alle", "all")) {
			b->year = 0;
		} else if (tl_period_parse(w[3], wl[3], &per) || per.kind != TL_PERIOD_YEAR) {
			PERR(c, line, col, "binding: \"%.*s\" is not a year (2025) or alle", (int)wl[3], w[3]);
			return -1;
		} else {
			b->year = per.year;
		}
	}
	return 0;
}

/* The rules of the check (check.h) that {{ok RULE}} may name. */
static const char *const check_rules[] = {
	"stale", "number", "parts", "claim", "date", "target", "form", "consistency",
};

/* {{ok}} or {{ok RULE}}: the writer vouches for the sentence. */
static int parse_ok(struct pctx *c, const char **w, size_t *wl, size_t nw, unsigned line, unsigned col,
		    struct tl_binding *b)
{
	b->kind = TL_BIND_OK;
	if (nw == 1)
		return 0;
	for (size_t k = 0; nw == 2 && k < sizeof check_rules / sizeof *check_rules; k++)
		if (wl[1] == strlen(check_rules[k]) && !strncmp(w[1], check_rules[k], wl[1])) {
			b->rule = check_rules[k];
			return 0;
		}
	PERR(c, line, col,
	     "{{ok}} takes at most one rule of the check (stale, number, parts, claim, date, target, form, "
	     "consistency), e.g. {{ok parts}}");
	return -1;
}

/* Parse an inline binding's words into b.  Returns 0 or -1 (error recorded). */
static int parse_binding(struct pctx *c, const char **w, size_t *wl, size_t nw, unsigned line,
			 unsigned col, struct tl_binding *b)
{
	size_t i = 0;
	b->kind = TL_BIND_VALUE;
	if (nw > 0 && wl[0] == 2 && !strncmp(w[0], "ok", 2))
		return parse_ok(c, w, wl, nw, line, col, b);
	if (nw > 0 && (is_word(w[0], wl[0], "subsidies", "grants") || is_word(w[0], wl[0], "verhaal", "story")))
		return parse_report_binding(c, w, wl, nw, line, col, b);
	int which = nw > 0 ? analysis_word(w[0], wl[0]) : -1;
	if (which >= 0)
		return parse_analysis(c, which, w, wl, nw, line, col, b);
	if (nw > 0 && is_word(w[0], wl[0], "jaar", "year")) {
		b->kind = TL_BIND_YEAR;
		i = 1;
	} else if (nw > 0 && is_word(w[0], wl[0], "waarde", "value")) {
		i = 1;
	}
	if (nw - i != 3 || nw > 5) {
		PERR(c, line, col,
		     "binding needs an indicator, a region and a period, e.g. {{ervaren-gezondheid PV22 2024}}");
		return -1;
	}
	char *ind = tl_arena_strndup(c->a, w[i], wl[i]);
	char *reg = tl_arena_strndup(c->a, w[i + 1], wl[i + 1]);
	const struct tl_indicator *d = tl_model_indicator(c->m, ind);
	const struct tl_region *r = tl_model_region(c->m, reg);
	int bad = 0;
	if (!d) {
		PERR(c, line, col, "binding: unknown indicator \"%s\" (not in agenda.yml)", ind);
		bad = 1;
	}
	if (!r) {
		PERR(c, line, col, "binding: unknown region \"%s\" (not in agenda.yml)", reg);
		bad = 1;
	}
	const char *p = w[i + 2];
	size_t pl = wl[i + 2];
	if (is_word(p, pl, "laatste", "latest")) {
		b->latest = 1;
	} else if (tl_period_parse(p, pl, &b->period)) {
		PERR(c, line, col, "binding: \"%.*s\" is not a period (2024, 2024JJ00, 2024KW01, laatste)",
		     (int)pl, p);
		bad = 1;
	}
	if (bad)
		return -1;
	b->indicator = d->slug;
	b->region = r->code;
	return 0;
}

/* The one indicator of {{grafiek SLUG}} or {{kaart SLUG}} (nl, en: the
 * directive's names) into blk, or an error.  0 when the directive has the
 * wrong number of words, so nothing more can be said about it. */
static int block_indicator(struct pctx *c, struct tl_block *blk, const char *const *w, const size_t *wl,
			   size_t nw, unsigned line, unsigned col, const char *nl, const char *en)
{
	if (nw != 2) {
		PERR(c, line, col, "{{%s}} needs one indicator, e.g. {{%s ervaren-gezondheid}}", nl, nl);
		return 0;
	}
	const struct tl_indicator *d = bind_indicator(c, en, w[1], wl[1], line, col);
	if (d)
		blk->indicator = d->slug;
	return 1;
}

/* Is this line (without newline) a block directive?  Sets kind/indicator. */
static int block_directive(struct pctx *c, const char *s, size_t n, unsigned line,
			   struct tl_block *blk)
{
	size_t tn = n;
	const char *t = tl_trim(s, &tn);
	if (tn < 4 || t[0] != '{' || t[1] != '{' || t[tn - 2] != '}' || t[tn - 1] != '}')
		return 0;
	if (memchr(t + 2, '}', tn - 4) || memchr(t + 2, '{', tn - 4))
		return 0;
	const char *w[5];
	size_t wl[5];
	size_t nw = words(t + 2, tn - 4, w, wl, 5);
	unsigned col = (unsigned)(t - s) + 1;
	if (nw >= 1 && is_word(w[0], wl[0], "doelstellingen", "goals")) {
		if (nw != 1)
			PERR(c, line, col, "{{doelstellingen}} takes no arguments");
		if (!c->ch->theme)
			PERR(c, line, col, "{{doelstellingen}} only works in a theme chapter");
		blk->kind = TL_BLOCK_GOALS;
		return 1;
	}
	static const struct {
		const char *nl, *en;
		enum tl_block_kind kind;
	} theme_blocks[] = {
		{"instrumenten", "instruments", TL_BLOCK_INSTRUMENTS},
		{"streefdoelen", "targets", TL_BLOCK_TARGETS},
		{"verhalen", "stories", TL_BLOCK_STORIES},
		{"vervolgstappen", "next-steps", TL_BLOCK_NEXT_STEPS},
	};
	for (size_t k = 0; nw >= 1 && k < sizeof theme_blocks / sizeof *theme_blocks; k++) {
		if (!is_word(w[0], wl[0], theme_blocks[k].nl, theme_blocks[k].en))
			continue;
		blk->kind = theme_blocks[k].kind;
		if (nw > 2) {
			PERR(c, line, col, "{{%.*s}} takes at most a theme, e.g. {{%s naoberschap}}", (int)wl[0], w[0],
			     theme_blocks[k].nl);
			return 1;
		}
		char *theme = nw == 2 ? tl_arena_strndup(c->a, w[1], wl[1]) : NULL;
		const char *want = theme ? theme : c->ch->theme;
		const struct tl_theme *th = want ? tl_model_theme(c->m, want) : NULL;
		if (theme && !th)
			PERR(c, line, col, "{{%.*s}}: unknown theme \"%s\" (not in agenda.yml)", (int)wl[0], w[0], theme);
		else if (!th && blk->kind == TL_BLOCK_NEXT_STEPS)
			PERR(c, line, col, "{{%.*s}} needs a theme outside a theme chapter, e.g. {{vervolgstappen naoberschap}}",
			     (int)wl[0], w[0]);
		blk->ref = th ? th->slug : NULL;
		return 1;
	}
	if (nw == 2 && is_word(w[0], wl[0], "subsidies", "grants")) {
		blk->kind = TL_BLOCK_GRANTS;
		char *slug = tl_arena_strndup(c->a, w[1], wl[1]);
		const struct tl_instrument *in = tl_model_instrument(c->m, slug);
		if (!in)
			PERR(c, line, col, "{{subsidies}}: unknown instrument \"%s\" (not under instruments: in report.yml)",
			     slug);
		else
			blk->ref = in->slug;
		return 1;
	}
	if (nw >= 1 && is_word(w[0], wl[0], "grafiek", "chart")) {
		blk->kind = TL_BLOCK_CHART;
		block_indicator(c, blk, w, wl, nw, line, col, "grafiek", "chart");
		return 1;
	}
	if (nw >= 1 && is_word(w[0], wl[0], "kaart", "map")) {
		blk->kind = TL_BLOCK_MAP;
		if (!block_indicator(c, blk, w, wl, nw, line, col, "kaart", "map"))
			return 1;
		if (c->m->n_shapes == 0)
			PERR(c, line, col,
			     "map: the agenda has no region outlines; name a boundary file with boundaries: in agenda.yml");
		return 1;
	}
	return 0;
}

/* Collect the inline bindings of a text block; report stray braces. */
static void scan_bindings(struct pctx *c, struct tl_block *blk)
{
	size_t cap = 0;
	unsigned line = blk->line, col = 1;
	const char *s = blk->text;
	for (size_t i = 0; i < blk->len; i++) {
		if (s[i] == '\n') {
			line++;
			col = 1;
			continue;
		}
		if (s[i] == '{' && i + 1 < blk->len && s[i + 1] == '{') {
			size_t j = i + 2;
			while (j + 1 < blk->len && !(s[j] == '}' && s[j + 1] == '}') && s[j] != '\n' &&
			       !(s[j] == '{' && s[j + 1] == '{'))
				j++;
			if (j + 1 >= blk->len || s[j] != '}' || s[j + 1] != '}') {
				PERR(c, line, col, "unclosed binding: \"{{\" without \"}}\" on the same line");
				col++;
				continue;
			}
			const char *w[5];
			size_t wl[5];
			size_t nw = words(s + i + 2, j - i - 2, w, wl, 5);
			struct tl_binding b = {0};
			if (nw >= 1 && (is_word(w[0], wl[0], "grafiek", "chart") ||
					is_word(w[0], wl[0], "doelstellingen", "goals") ||
					is_word(w[0], wl[0], "instrumenten", "instruments") ||
					is_word(w[0], wl[0], "streefdoelen", "targets") ||
					is_word(w[0], wl[0], "verhalen", "stories") ||
					is_word(w[0], wl[0], "vervolgstappen", "next-steps") ||
					(nw == 2 && is_word(w[0], wl[0], "subsidies", "grants")) ||
					is_word(w[0], wl[0], "kaart", "map"))) {
				PERR(c, line, col, "{{%.*s}} must stand on a line of its own", (int)wl[0], w[0]);
			} else if (parse_binding(c, w, wl, nw, line, col, &b) == 0) {
				b.line = line;
				b.col = col;
				b.offset = i;
				b.len = j + 2 - i;
				if (blk->n_bindings == cap) {
					cap = cap ? cap * 2 : 8;
					struct tl_binding *nb = TL_NEW_ARRAY(c->a, struct tl_binding, cap);
					if (blk->n_bindings)
						memcpy(nb, blk->bindings, blk->n_bindings * sizeof *nb);
					blk->bindings = nb;
				}
				blk->bindings[blk->n_bindings++] = b;
			}
			col += (unsigned)(j + 2 - i);
			i = j + 1;
			continue;
		}
		if ((unsigned char)s[i] < 0x80 || (unsigned char)s[i] >= 0xC0)
			col++; /* count characters, not UTF-8 continuation bytes */
	}
}

int tl_chapter_parse(const struct tl_chapter *ch, const struct tl_model *m, tl_arena *a,
		     struct tl_block **blocks, size_t *n, tl_errors *errs)
{
	struct pctx c = {ch, m, a, errs, 0};
	const char *s = ch->markdown ? ch->markdown : "";
	size_t len = strlen(s);
	/* Upper bound on blocks: one per line plus one. */
	size_t lines = 1;
	for (size_t i = 0; i < len; i++)
		lines += s[i] == '\n';
	struct tl_block *out = TL_NEW_ARRAY(a, struct tl_block, 2 * lines + 1);
	size_t k = 0;
	size_t text_start = 0;
	unsigned text_line = 1, line = 1;
	int in_fence = 0;
	for (size_t i = 0; i <= len;) {
		size_t e = i;
		while (e < len && s[e] != '\n')
			e++;
		size_t ll = e - i;
		if (ll >= 3 && (!strncmp(s + i, "```", 3) || !strncmp(s + i, "~~~", 3)))
			in_fence = !in_fence;
		struct tl_block d = {0};
		if (!in_fence && block_directive(&c, s + i, ll, line, &d)) {
			if (i > text_start) {
				out[k] = (struct tl_block){TL_BLOCK_TEXT, s + text_start, i - text_start,
							   text_line, NULL, NULL, 0, NULL};
				scan_bindings(&c, &out[k]);
				k++;
			}
			d.line = line;
			out[k++] = d;
			text_start = e < len ? e + 1 : len;
			text_line = line + 1;
		}
		if (e >= len)
			break;
		i = e + 1;
		line++;
	}
	if (len > text_start) {
		out[k] = (struct tl_block){TL_BLOCK_TEXT, s + text_start, len - text_start, text_line,
					   NULL, NULL, 0, NULL};
		scan_bindings(&c, &out[k]);
		k++;
	}
	*blocks = out;
	*n = k;
	return c.failed ? TL_ERR_INPUT : TL_OK;
}

const struct tl_observation *tl_binding_resolve(const struct tl_binding *b, const struct tl_model *m)
{
	if (b->kind != TL_BIND_VALUE && b->kind != TL_BIND_YEAR)
		return NULL; /* a sentence, not one cell */
	if (!b->latest)
		return tl_model_obs(m, b->indicator, b->region, &b->period);
	size_t n;
	const struct tl_observation *s = tl_model_series(m, b->indicator, b->region, &n);
	for (size_t i = n; i-- > 0;)
		if (tl_status_has_value(s[i].status))
			return &s[i];
	return NULL;
}

/* An analysis binding becomes its sentence(s); when the data cannot support
 * a statement the sentence says so and a warning names the binding. */
static void expand_analysis(const struct tl_binding *b, const struct tl_chapter *ch,
			    const struct tl_model *m, enum tl_lang lang, tl_buf *out, tl_errors *errs)
{
	const struct tl_indicator *d = b->indicator ? tl_model_indicator(m, b->indicator) : NULL;
	const struct tl_region *r = b->region ? tl_model_region(m, b->region) : NULL;
	const struct tl_region *focus = m->agenda.focus_region ? tl_model_region(m, m->agenda.focus_region) : NULL;
	int ok = 0;
	size_t n = 0;
	const struct tl_region **regions;
	switch (b->kind) {
	case TL_BIND_COMPARISON:
		ok = tl_narrate_versus(out, m, d, r, 0, lang);
		break;
	case TL_BIND_CHANGE:
		ok = tl_narrate_change(out, m, d, r, lang);
		break;
	case TL_BIND_POSITION: {
		const struct tl_region *parent = tl_model_region(m, r->parent);
		regions = tl_model_children(m, r->parent, r->level, &n);
		ok = tl_narrate_position(out, m, d, r, (const struct tl_region *const *)regions, n,
					 parent ? parent->name : r->parent, lang);
		break;
	}
	case TL_BIND_OUTLIERS:
		regions = focus_members(m, &n);
		ok = tl_narrate_outliers(out, m, b->theme, (const struct tl_region *const *)regions, n,
					 focus ? focus->name : "", m->arena, lang);
		break;
	case TL_BIND_CORRELATION:
		regions = focus_members(m, &n);
		ok = tl_narrate_correlation(out, m, d, tl_model_indicator(m, b->indicator2),
					    (const struct tl_region *const *)regions, n, lang);
		break;
	default: break;
	}
	if (!ok)
		tl_errors_warn(errs, path_of(ch), b->line, b->col, NULL,
			       "the data do not support this analysis binding: the text says so instead");
}

/* Grants counted or summed from the named awards; a total the source
 * states for the same year that differs is written beside it. */
static void expand_grants(const struct tl_binding *b, const struct tl_model *m, enum tl_lang lang,
			  tl_buf *out)
{
	const struct tl_instrument *in = tl_model_instrument(m, b->instrument);
	struct tl_grant_sum sum = tl_grants_sum(m, b->instrument, 0, NULL, b->year);
	const struct tl_stated_total *st = in && b->year ? tl_instrument_stated(in, b->year, NULL) : NULL;
	if (b->kind == TL_BIND_GRANT_COUNT) {
		tl_fmt_number(out, (double)sum.count, 0, lang);
		if (st && st->count >= 0 && st->count != sum.count) {
			tl_buf_puts(out, lang == TL_LANG_NL ? " (volgens opgave: " : " (as stated: ");
			tl_fmt_number(out, (double)st->count, 0, lang);
			tl_buf_puts(out, ")");
		}
		return;
	}
	tl_fmt_value(out, sum.amount, sum.amount == (double)(long long)sum.amount ? 0 : 2, TL_UNIT_EURO, lang);
	if (sum.with_amount < sum.count) {
		tl_buf_printf(out, lang == TL_LANG_NL ? " (bedrag bekend van %ld van de %ld toekenningen)"
						      : " (amount known for %ld of %ld grants)",
			      sum.with_amount, sum.count);
	}
	if (st && st->has_amount && st->amount != sum.amount) {
		tl_buf_puts(out, lang == TL_LANG_NL ? " (volgens opgave: " : " (as stated: ");
		tl_fmt_value(out, st->amount, 0, TL_UNIT_EURO, lang);
		tl_buf_puts(out, ")");
	}
}

/* "Meer lezen in het interview" as a Markdown link to the story's page;
 * nothing at all for an unpublished story. */
static void expand_story_link(const struct tl_binding *b, const struct tl_chapter *ch,
			      const struct tl_model *m, enum tl_lang lang, tl_buf *out, tl_errors *errs)
{
	const struct tl_story *st = tl_model_story(m, b->story);
	if (!st || !st->published) {
		tl_errors_warn(errs, path_of(ch), b->line, b->col, NULL,
			       "story %s is not published: the link to it is left out", b->story);
		return;
	}
	tl_buf title = TL_BUF_INIT;
	tl_story_redact(st, st->title, strlen(st->title), lang, &title);
	tl_buf_puts(out, "[");
	tl_buf_puts(out, lang == TL_LANG_NL ? "Meer lezen in het interview: " : "Read more in the interview: ");
	for (size_t i = 0; i < title.len; i++) {
		if (strchr("[]\\*_`<>", title.data[i]))
			tl_buf_putc(out, '\\');
		tl_buf_putc(out, title.data[i]);
	}
	tl_buf_printf(out, "](verhalen/%s.html)", st->slug);
	tl_buf_free(&title);
}

void tl_chapter_expand(const struct tl_block *blk, const struct tl_chapter *ch,
		       const struct tl_model *m, enum tl_lang lang, tl_buf *out, tl_errors *errs)
{
	size_t at = 0;
	for (size_t i = 0; i < blk->n_bindings; i++) {
		const struct tl_binding *b = &blk->bindings[i];
		tl_buf_put(out, blk->text + at, b->offset - at);
		at = b->offset + b->len;
		if (b->kind == TL_BIND_GRANT_COUNT || b->kind == TL_BIND_GRANT_AMOUNT) {
			expand_grants(b, m, lang, out);
			continue;
		}
		if (b->kind == TL_BIND_STORY_LINK) {
			expand_story_link(b, ch, m, lang, out, errs);
			continue;
		}
		if (b->kind == TL_BIND_OK)
			continue; /* a note to the check: prints nothing */
		if (b->kind != TL_BIND_VALUE && b->kind != TL_BIND_YEAR) {
			expand_analysis(b, ch, m, lang, out, errs);
			continue;
		}
		const struct tl_observation *o = tl_binding_resolve(b, m);
		if (!o || !tl_status_has_value(o->status)) {
			char code[9];
			tl_period_code(&b->period, code);
			tl_errors_warn(errs, path_of(ch), b->line, b->col, NULL,
				       "no figure for %s in %s for %s: the text says \"geen gegevens\"",
				       b->indicator, b->region, b->latest ? "the latest period" : code);
			tl_buf_puts(out, lang == TL_LANG_NL ? "[geen gegevens]" : "[no data]");
			continue;
		}
		if (b->kind == TL_BIND_YEAR) {
			tl_buf_printf(out, "%d", o->period.year);
			continue;
		}
		const struct tl_indicator *d = tl_model_indicator(m, b->indicator);
		tl_fmt_value(out, o->value, d->decimals, tl_unit_kind(d->unit), lang);
	}
	tl_buf_put(out, blk->text + at, blk->len - at);
}
