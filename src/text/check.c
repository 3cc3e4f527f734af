/*
 * check — see check.h.
 *
 * Every input becomes a `struct doc`: the text with bindings and directive
 * lines blanked out (so the prose scanner sees only prose, at unchanged
 * offsets), the prose scan, the bindings and charts with their offsets, and
 * the region names mentioned.  The per-document rules read one doc; the
 * cross rules (duplicate paragraphs, names, consistency) read all of them.
 *
 * How figures and claims are tied to an indicator, strongest first:
 *   1. a binding right next to the figure, or in the claim's sentence;
 *   2. the indicator's title words in the sentence (all of them for short
 *      titles, all but one for titles of three words or more), nearest to
 *      the figure, a comma-clause further counting as far away;
 *   3. a sentence that starts "Dit/Dat/Deze …" inherits the previous
 *      sentence's tie;
 *   4. the chart placed right after the paragraph.
 * Only tie 1 can give an error; the others give warnings, and only when
 * every candidate indicator with data contradicts the text.
 *
 * Memory: everything lives in one arena per call, freed before returning;
 * the findings are copied into the caller's tl_errors.
 */
#include "check.h"

#include <math.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../analysis/series.h"
#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/strmap.h"
#include "../model/report.h"
#include "../core/file.h"
#include "chapter.h"
#include "prose.h"
#include "story.h"

/* Caps that keep a hostile input linear: facts compared pairwise, names. */
#define MAX_FACTS 4000
#define MAX_NAMES 4000
#define MAX_TOPICS 4

/* ======================================================================
 * Documents
 * ==================================================================== */

enum mlevel { ML_OTHER = 0, ML_FOCUS = 1, ML_NATIONAL = 2 };

struct mention {
	size_t start, end;
	const char *code; /* region code; NULL for a national word without a model */
	enum mlevel level;
	int muni;         /* a municipality of the focus region */
};

struct bind {
	size_t start, end;
	const struct tl_binding *b;
};

struct chartref {
	size_t para; /* the paragraph the chart follows */
	const char *indicator;
};

struct name {
	size_t start, end; /* the name's text (inside quotes, or a heading) */
	size_t para;
	char *norm;        /* lowercase words joined by single spaces */
	char *raw;         /* as written */
	int quoted;
};

struct doc {
	const char *name; /* file name for positions */
	const struct tl_chapter *ch; /* NULL for a plain text */
	size_t goals_at; /* offset of the {{doelstellingen}} line; SIZE_MAX when none */
	const char *src;  /* original text, borrowed: quoted in messages */
	char *text;       /* working copy: bindings and directives blanked */
	size_t len;
	size_t *lines;    /* offset of each line start */
	size_t n_lines;
	struct tl_prose p;
	struct bind *binds;
	size_t n_binds;
	struct chartref *charts;
	size_t n_charts;
	struct mention *ment;
	size_t n_ment;
	struct name *names;
	size_t n_names;
	struct okmark *oks; /* {{ok}} markers of a chapter */
	size_t n_oks;
	unsigned line0;     /* lines of the file before the text (a story's front matter) */
	const struct tl_story *story; /* a story's body: findings are redacted */
};

/* {{ok}} / {{ok RULE}}: findings quoting text from the start of the marker's
 * sentence up to the marker are dropped (of that rule only, with a RULE).
 * A marker that drops nothing is itself reported, so stale ones go. */
struct okmark {
	size_t from, at; /* the silenced span: sentence start .. the marker */
	const char *rule; /* NULL = every rule */
	long used;
};

struct title {
	const struct tl_indicator *d;
	char w[8][40];
	size_t n;
	size_t need; /* words that must match */
};

enum fkind { F_START = 0, F_COUNT, F_MONEY };

#define P_WORK 0x01
#define P_FUNDED 0x02
#define P_JOIN 0x04
#define P_NOMINATED 0x08
#define S_PILOT 0x01
#define S_TARGET 0x02

struct fact {
	enum fkind kind;
	const struct doc *d;
	size_t start, end; /* quoted span */
	size_t sent;
	double value, lo, hi;
	const char *topic[MAX_TOPICS];
	size_t n_topic;
	int topic_in_sentence;
	char cls[40];      /* class of the counted thing; for starts the subject class */
	unsigned pred;
	unsigned scope;
	int years[4];
	size_t n_years;
};

struct dclaim {
	const char *indicator, *region;
	enum tl_claim_kind kind;
	const struct doc *d;
	size_t start, end;
	size_t para;
};

struct ctx {
	const struct tl_model *m;
	const struct tl_agenda *off; /* the agenda whose check: {off: [...]} applies, or NULL */
	struct tl_check_opts o;
	tl_errors *out;
	tl_arena *a;
	int errors;
	const struct tl_region *focus, *national;
	const struct tl_region **munis;
	size_t n_munis;
	/* The number of municipalities as the text itself states it ("alle
	 * twaalf Drentse gemeenten"), for checks without a model. */
	int text_munis;
	const struct doc *text_munis_doc;
	size_t text_munis_off;
	struct title *titles;
	size_t n_titles;
	struct doc **docs;
	size_t n_docs, cap_docs;
	struct fact *facts;
	size_t n_facts, cap_facts;
	struct dclaim *dcl;
	size_t n_dcl, cap_dcl;
};

#define GROW(c, arr, n, cap)                                                          \
	do {                                                                          \
		if ((n) == (cap)) {                                                   \
			size_t nc_ = (cap) ? 2 * (cap) : 16;                          \
			void *na_ = tl_arena_array((c)->a, nc_, sizeof *(arr));       \
			if (n)                                                        \
				memcpy(na_, (arr), (n) * sizeof *(arr));              \
			(arr) = na_;                                                  \
			(cap) = nc_;                                                  \
		}                                                                     \
	} while (0)

/* ---- Positions, quotes, findings ---------------------------------------- */

static void position(const struct doc *d, size_t off, unsigned *line, unsigned *col)
{
	size_t lo = 0, hi = d->n_lines;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->lines[mid] <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	size_t l = lo ? lo - 1 : 0;
	unsigned c = 1;
	for (size_t i = d->lines[l]; i < off && i < d->len; i++)
		if (((unsigned char)d->src[i] & 0xC0) != 0x80)
			c++;
	*line = (unsigned)(l + 1) + d->line0;
	*col = c;
}

/* The source text [s, e) with blanks collapsed, at most ~90 bytes (cut at a
 * character boundary, "…" appended).  In the arena. */
static char *quote(struct ctx *c, const struct doc *d, size_t s, size_t e)
{
	tl_buf b = TL_BUF_INIT;
	int sp = 0;
	if (e > d->len)
		e = d->len;
	for (size_t i = s; i < e; i++) {
		unsigned char ch = (unsigned char)d->src[i];
		if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
			sp = 1;
			continue;
		}
		if (b.len >= 90 && (ch & 0xC0) != 0x80) {
			tl_buf_puts(&b, "\xe2\x80\xa6");
			break;
		}
		if (sp && b.len)
			tl_buf_putc(&b, ' ');
		sp = 0;
		tl_buf_putc(&b, (char)ch);
	}
	char *r = tl_arena_strndup(c->a, b.data ? b.data : "", b.len);
	tl_buf_free(&b);
	return r;
}

static void report(struct ctx *c, const struct doc *d, size_t off, int error, const char *rule,
		   const char *fmt, ...) __attribute__((format(printf, 6, 7)));

static void report(struct ctx *c, const struct doc *d, size_t off, int error, const char *rule,
		   const char *fmt, ...)
{
	if (tl_agenda_check_off(c->off, rule))
		return; /* the agenda switched this rule off */
	for (size_t i = 0; i < d->n_oks; i++) {
		struct okmark *k = &d->oks[i];
		if (off >= k->from && off <= k->at && (!k->rule || (rule && !strcmp(rule, k->rule)))) {
			k->used++;
			return;
		}
	}
	size_t limit = c->out->limit ? c->out->limit : 100;
	if (c->out->n >= limit) {
		/* not recorded: count it, without the cost of the message */
		if (error) {
			tl_errors_add(c->out, d->name, 0, 0, rule, "-");
			c->errors++;
		} else {
			tl_errors_warn(c->out, d->name, 0, 0, rule, "-");
		}
		return;
	}
	unsigned line, col;
	position(d, off, &line, &col);
	tl_buf b = TL_BUF_INIT;
	va_list ap;
	va_start(ap, fmt);
	tl_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	const char *msg = b.data ? b.data : "";
	if (error) {
		tl_errors_add(c->out, d->name, line, col, rule, "error: %s", msg);
		c->errors++;
	} else {
		tl_errors_warn(c->out, d->name, line, col, rule, "%s", msg);
	}
	tl_buf_free(&b);
}

static const char *fmt_value(struct ctx *c, const struct tl_indicator *d, double v)
{
	tl_buf b = TL_BUF_INIT;
	tl_fmt_value(&b, v, d->decimals, tl_unit_kind(d->unit), c->o.lang);
	char *r = tl_arena_strndup(c->a, b.data ? b.data : "", b.len);
	tl_buf_free(&b);
	return r;
}

static const char *fmt_num(struct ctx *c, double v, int decimals)
{
	tl_buf b = TL_BUF_INIT;
	tl_fmt_number(&b, v, decimals, c->o.lang);
	char *r = tl_arena_strndup(c->a, b.data ? b.data : "", b.len);
	tl_buf_free(&b);
	return r;
}

static const char *region_name(struct ctx *c, const char *code)
{
	const struct tl_region *r = c->m && code ? tl_model_region(c->m, code) : NULL;
	return r ? r->name : code ? code : "?";
}

/* ---- Words ---------------------------------------------------------------- */

static int word_is(const struct doc *d, size_t wi, const char *w)
{
	return wi < d->p.n_words &&
	       tl_prose_word_eq(d->text + d->p.words[wi].start,
				d->p.words[wi].end - d->p.words[wi].start, w);
}

static int word_in(const struct doc *d, size_t wi, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (word_is(d, wi, list[i]))
			return 1;
	return 0;
}

/* Word indexes [*wb, *we) of sentence si. */
static void sent_words(const struct doc *d, size_t si, size_t *wb, size_t *we)
{
	*wb = tl_prose_word_at(&d->p, d->p.sent[si].start);
	*we = tl_prose_word_at(&d->p, d->p.sent[si].end);
}

/* Is any of the words in `list` in sentence si? */
static int sent_has(const struct doc *d, size_t si, const char *const *list)
{
	size_t wb, we;
	sent_words(d, si, &wb, &we);
	for (size_t w = wb; w < we; w++)
		if (word_in(d, w, list))
			return 1;
	return 0;
}

/* First index whose start is >= off, for each of the sorted arrays. */
#define LOWER_BOUND(name, type, arr, cnt)                                     \
	static size_t name(const struct doc *d, size_t off)                   \
	{                                                                     \
		size_t lo = 0, hi = d->cnt;                                   \
		while (lo < hi) {                                             \
			size_t mid = lo + (hi - lo) / 2;                      \
			if (d->arr[mid].start < off)                          \
				lo = mid + 1;                                 \
			else                                                  \
				hi = mid;                                     \
		}                                                             \
		return lo;                                                    \
	}
LOWER_BOUND(q_from, struct tl_quantity, p.q, p.n_q)
LOWER_BOUND(date_from, struct tl_written_date, p.dates, p.n_dates)
LOWER_BOUND(claim_from, struct tl_claim, p.claims, p.n_claims)
LOWER_BOUND(ment_from, struct mention, ment, n_ment)
LOWER_BOUND(bind_from, struct bind, binds, n_binds)
LOWER_BOUND(name_from, struct name, names, n_names)
#undef LOWER_BOUND

/* Two lowercase words the same up to an inflection: equal, or sharing a
 * prefix of at least 5 bytes and all but 2 of the shorter word. */
static int stem_eq(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	size_t m = 0;
	while (a[m] && a[m] == b[m])
		m++;
	if (m == la && m == lb)
		return 1;
	size_t sh = la < lb ? la : lb;
	return sh >= 5 && m >= 5 && m + 2 >= sh;
}

/* Clause boundaries (", " "; " ": " and parentheses) between two offsets: a
 * figure and the words that name it belong together when no boundary
 * separates them. */
static size_t clauses_between(const struct doc *d, size_t a, size_t b)
{
	if (a > b) {
		size_t t = a;
		a = b;
		b = t;
	}
	size_t n = 0;
	if (b - a > 4000)
		return 100; /* far apart: as good as another clause */
	for (size_t i = a; i + 1 < b && i + 1 < d->len; i++) {
		if ((d->text[i] == ',' || d->text[i] == ';' || d->text[i] == ':') &&
		    (d->text[i + 1] == ' ' || d->text[i + 1] == '\n'))
			n++;
		else if (d->text[i] == '(' || d->text[i] == ')')
			n++;
	}
	return n;
}

/* ======================================================================
 * Setting up: titles, municipalities, documents
 * ==================================================================== */

static void prepare_titles(struct ctx *c)
{
	if (!c->m)
		return;
	c->titles = TL_NEW_ARRAY(c->a, struct title, c->m->n_indicators ? c->m->n_indicators : 1);
	static const char *const skip[] = {"doet", "voelt", "eens", "zeer", "heeft", "hebben",
					   "wel", "zich", NULL};
	for (size_t i = 0; i < c->m->n_indicators; i++) {
		const struct tl_indicator *d = &c->m->indicators[i];
		struct title *t = &c->titles[c->n_titles];
		memset(t, 0, sizeof *t);
		t->d = d;
		const char *s = d->title ? d->title : "";
		int depth = 0;
		size_t j = 0, n = strlen(s);
		while (j < n && t->n < 8) {
			unsigned char ch = (unsigned char)s[j];
			if (ch == '(') {
				depth++;
				j++;
				continue;
			}
			if (ch == ')') {
				if (depth)
					depth--;
				j++;
				continue;
			}
			int letter = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch >= 0x80;
			if (!letter) {
				j++;
				continue;
			}
			size_t b = j;
			while (j < n && (((unsigned char)s[j] >= 'a' && (unsigned char)s[j] <= 'z') ||
					 ((unsigned char)s[j] >= 'A' && (unsigned char)s[j] <= 'Z') ||
					 (unsigned char)s[j] >= 0x80 || s[j] == '-'))
				j++;
			if (depth)
				continue;
			size_t l = j - b;
			double v;
			char w[40];
			if (l < 3 || !tl_prose_lower(s + b, l, w, sizeof w))
				continue;
			if ((tl_prose_stopword(s + b, l) && strcmp(w, "andere")) ||
			    tl_prose_number_word(s + b, l, &v) == 0)
				continue;
			int dup = 0;
			for (size_t k = 0; k < sizeof skip / sizeof *skip - 1; k++)
				dup |= !strcmp(w, skip[k]);
			if (dup)
				continue;
			memcpy(t->w[t->n++], w, l + 1);
		}
		if (!t->n)
			continue;
		t->need = t->n <= 2 ? t->n : t->n - 1;
		c->n_titles++;
	}
}

static void prepare_regions(struct ctx *c)
{
	if (!c->m)
		return;
	const struct tl_agenda *ag = &c->m->agenda;
	c->focus = ag->focus_region ? tl_model_region(c->m, ag->focus_region) : NULL;
	c->national = ag->national_region ? tl_model_region(c->m, ag->national_region) : NULL;
	if (c->focus)
		c->munis = tl_model_children(c->m, c->focus->code, "gemeente", &c->n_munis);
}

static int is_muni(const struct ctx *c, const char *code)
{
	for (size_t i = 0; i < c->n_munis; i++)
		if (!strcmp(c->munis[i]->code, code))
			return 1;
	return 0;
}

static void add_mention(struct ctx *c, struct doc *d, size_t *cap, size_t s, size_t e,
			const char *code, enum mlevel lv)
{
	if (d->n_ment && d->ment[d->n_ment - 1].start == s)
		return; /* one mention per position: the first match wins */
	GROW(c, d->ment, d->n_ment, *cap);
	struct mention *m = &d->ment[d->n_ment++];
	m->start = s;
	m->end = e;
	m->code = code;
	m->level = lv;
	m->muni = code ? is_muni(c, code) : 0;
}

/* Region names, the focus region's adjectives (Drentse, Drenten: the first
 * five letters of its name) and the national words. */
static void find_mentions(struct ctx *c, struct doc *d)
{
	size_t cap = 0;
	const char *fname = c->focus ? c->focus->name : NULL;
	size_t fpre = fname ? strlen(fname) : 0;
	if (fpre > 5)
		fpre = 5;
	const char *nat = c->national ? c->national->code : NULL;
	for (size_t wi = 0; wi < d->p.n_words; wi++) {
		const struct tl_word *w = &d->p.words[wi];
		const char *ws = d->text + w->start;
		size_t wl = w->end - w->start;
		if (word_is(d, wi, "landelijk") || word_is(d, wi, "landelijke") ||
		    word_is(d, wi, "nederland") ||
		    (word_is(d, wi, "land") && wi > 0 && word_is(d, wi - 1, "het"))) {
			add_mention(c, d, &cap, w->start, w->end, nat, ML_NATIONAL);
			continue;
		}
		if (!c->m)
			continue;
		int found = 0;
		for (size_t r = 0; r < c->m->n_regions && !found; r++) {
			const struct tl_region *reg = &c->m->regions[r];
			const char *nm = reg->name;
			if (!nm || !*nm)
				continue;
			/* match the name word by word */
			size_t k = wi, p = 0, nl = strlen(nm);
			int ok = 1;
			while (p < nl && ok) {
				while (p < nl && nm[p] == ' ')
					p++;
				size_t q = p;
				while (q < nl && nm[q] != ' ')
					q++;
				if (q == p)
					break;
				char part[64];
				if (q - p >= sizeof part || k >= d->p.n_words) {
					ok = 0;
					break;
				}
				memcpy(part, nm + p, q - p);
				part[q - p] = '\0';
				char low[64];
				if (!tl_prose_lower(part, q - p, low, sizeof low) || !word_is(d, k, low))
					ok = 0;
				k++;
				p = q;
			}
			if (ok && k > wi) {
				enum mlevel lv = c->national && reg == c->national ? ML_NATIONAL :
						 c->focus && reg == c->focus ? ML_FOCUS : ML_OTHER;
				add_mention(c, d, &cap, w->start, d->p.words[k - 1].end, reg->code, lv);
				wi = k - 1;
				found = 1;
			}
		}
		if (!found && fname && fpre >= 4 && wl >= fpre && c->focus) {
			char a[8], b[8];
			if (tl_prose_lower(ws, fpre, a, sizeof a) && tl_prose_lower(fname, fpre, b, sizeof b) &&
			    !strcmp(a, b) && !memchr(ws, '-', wl))
				add_mention(c, d, &cap, w->start, w->end, c->focus->code, ML_FOCUS);
		}
	}
}

static int upper_word(const char *s, size_t n)
{
	int letters = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 'a' && ch <= 'z')
			return 0;
		if (ch >= 'A' && ch <= 'Z')
			letters++;
		if (ch == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0xA0) /* é, ë … */
			return 0;
	}
	return letters > 0;
}

/* Normalised name: lowercase letters and digits, words joined by one space. */
static char *norm_name(struct ctx *c, const char *s, size_t n, size_t *nwords)
{
	char *out = tl_arena_alloc(c->a, 2 * n + 2);
	size_t o = 0, words = 0;
	int in = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		int keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			   (ch >= '0' && ch <= '9') || ch >= 0x80;
		if (!keep) {
			in = 0;
			continue;
		}
		if (!in) {
			if (o)
				out[o++] = ' ';
			words++;
			in = 1;
		}
		if (ch >= 'A' && ch <= 'Z')
			ch = (unsigned char)(ch + 32);
		else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && ch >= 0x80 && ch <= 0x9E)
			ch = (unsigned char)(ch + 0x20);
		out[o++] = (char)ch;
	}
	out[o] = '\0';
	*nwords = words;
	return out;
}

static void add_name(struct ctx *c, struct doc *d, size_t *cap, size_t s, size_t e, size_t para,
		     int quoted)
{
	size_t nw;
	char *nm = norm_name(c, d->text + s, e - s, &nw);
	if (nw < 2 || nw > 10 || d->n_names >= MAX_NAMES)
		return;
	GROW(c, d->names, d->n_names, *cap);
	struct name *x = &d->names[d->n_names++];
	x->start = s;
	x->end = e;
	x->para = para;
	x->norm = nm;
	x->raw = tl_arena_strndup(c->a, d->text + s, e - s);
	x->quoted = quoted;
}

/* Quoted names ('Snellere Start, Sterkere Toekomst', “…”) and headings in
 * capitals (the interview titles), in text order. */
static void find_names(struct ctx *c, struct doc *d)
{
	size_t cap = 0;
	for (size_t pi = 0; pi < d->p.n_para; pi++) {
		const struct tl_paragraph *p = &d->p.para[pi];
		const char *t = d->text;
		if (p->heading && upper_word(t + p->start, p->end - p->start))
			add_name(c, d, &cap, p->start, p->end, pi, 0);
		for (size_t i = p->start; i < p->end; i++) {
			unsigned char ch = (unsigned char)t[i];
			size_t ol = 0;
			const char *close = NULL;
			if (ch == '\'' || ch == '"') {
				ol = 1;
				close = ch == '\'' ? "'" : "\"";
			} else if (ch == 0xE2 && i + 2 < p->end && (unsigned char)t[i + 1] == 0x80 &&
				   ((unsigned char)t[i + 2] == 0x98 || (unsigned char)t[i + 2] == 0x9C)) {
				ol = 3;
				close = (unsigned char)t[i + 2] == 0x98 ? "\xe2\x80\x99" : "\xe2\x80\x9d";
			}
			if (!ol)
				continue;
			/* an opening mark follows a blank or "(" and precedes a letter */
			if (i > p->start && t[i - 1] != ' ' && t[i - 1] != '(' && t[i - 1] != '\n')
				continue;
			if (i + ol >= p->end || t[i + ol] == ' ')
				continue;
			size_t cl = strlen(close);
			size_t j = i + ol;
			size_t found = 0;
			for (; j + cl <= p->end && j < i + ol + 120; j++) {
				if (memcmp(t + j, close, cl))
					continue;
				if (t[j - 1] == ' ')
					continue;
				size_t after = j + cl;
				unsigned char na = after < p->end ? (unsigned char)t[after] : ' ';
				if ((na >= 'a' && na <= 'z') || (na >= 'A' && na <= 'Z'))
					continue; /* an apostrophe inside a word: thema's */
				found = j;
				break;
			}
			if (!found)
				continue;
			add_name(c, d, &cap, i + ol, found, pi, 1);
			i = found + cl - 1;
		}
	}
}

static void index_lines(struct ctx *c, struct doc *d)
{
	size_t n = 1;
	for (size_t i = 0; i < d->len; i++)
		n += d->src[i] == '\n';
	d->lines = TL_NEW_ARRAY(c->a, size_t, n);
	d->n_lines = 0;
	d->lines[d->n_lines++] = 0;
	for (size_t i = 0; i < d->len; i++)
		if (d->src[i] == '\n')
			d->lines[d->n_lines++] = i + 1;
}

static void finish_doc(struct ctx *c, struct doc *d)
{
	tl_prose_scan(d->text, d->len, c->a, &d->p);
	find_mentions(c, d);
	find_names(c, d);
	GROW(c, c->docs, c->n_docs, c->cap_docs);
	c->docs[c->n_docs++] = d;
}

/* Code is not prose: blank fenced blocks (``` or ~~~, fences included) and
 * inline `code` spans, keeping newlines so positions stay. */
static void blank_code(char *t, size_t n)
{
	int fence = 0;
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && t[e] != '\n')
			e++;
		size_t k = i;
		while (k < e && (t[k] == ' ' || t[k] == '\t'))
			k++;
		int is_fence = e - k >= 3 && (!strncmp(t + k, "```", 3) || !strncmp(t + k, "~~~", 3));
		if (is_fence || fence) {
			memset(t + i, ' ', e - i);
			if (is_fence)
				fence = !fence;
		} else {
			for (size_t j = i; j < e; j++) {
				if (t[j] != '`')
					continue;
				size_t q = j + 1;
				while (q < e && t[q] != '`')
					q++;
				if (q >= e)
					break;
				memset(t + j, ' ', q + 1 - j);
				j = q;
			}
		}
		i = e + 1;
	}
}

static struct doc *doc_text(struct ctx *c, const char *name, const char *text, size_t len)
{
	struct doc *d = TL_NEW(c->a, struct doc);
	d->name = name ? name : "-";
	d->src = text ? text : "";
	d->len = text ? len : 0;
	d->text = tl_arena_strndup(c->a, d->src, d->len);
	/* NUL bytes would end C-string views of the text early; blank them */
	for (size_t i = 0; i < d->len; i++)
		if (!d->text[i])
			d->text[i] = ' ';
	blank_code(d->text, d->len);
	index_lines(c, d);
	return d;
}

/* A chapter: parse its bindings and directives, blank them in the working
 * copy, remember where they are.  Binding errors go to the findings. */
static struct doc *doc_chapter(struct ctx *c, const struct tl_chapter *ch)
{
	const char *md = ch->markdown ? ch->markdown : "";
	const char *path = ch->path ? ch->path : ch->slug ? ch->slug : "chapter";
	struct doc *d = doc_text(c, path, md, strlen(md));
	d->ch = ch;
	d->goals_at = SIZE_MAX;
	tl_errors pe = TL_ERRORS_INIT;
	struct tl_block *blocks = NULL;
	size_t nb = 0;
	tl_chapter_parse(ch, c->m, c->a, &blocks, &nb, &pe);
	for (size_t i = 0; i < pe.n; i++) {
		const struct tl_error *e = &pe.items[i];
		if (pe.is_warning[i]) {
			tl_errors_warn(c->out, e->file, e->line, e->col, "binding", "%s", e->msg);
		} else {
			tl_errors_add(c->out, e->file, e->line, e->col, "binding", "error: %s", e->msg);
			c->errors++;
		}
	}
	tl_errors_free(&pe);
	size_t bcap = 0, ccap = 0, okcap = 0;
	size_t *chart_at = NULL; /* offsets of chart lines, parallel to charts */
	size_t chcap = 0, nch = 0;
	for (size_t i = 0; i < nb; i++) {
		const struct tl_block *b = &blocks[i];
		if (b->kind == TL_BLOCK_TEXT) {
			size_t base = (size_t)(b->text - md);
			for (size_t k = 0; k < b->n_bindings; k++) {
				const struct tl_binding *bd = &b->bindings[k];
				size_t s = base + bd->offset, e = s + bd->len;
				if (e > d->len)
					continue;
				memset(d->text + s, ' ', e - s);
				if (bd->kind == TL_BIND_OK) {
					GROW(c, d->oks, d->n_oks, okcap);
					d->oks[d->n_oks++] = (struct okmark){s, s, bd->rule, 0};
					continue;
				}
				GROW(c, d->binds, d->n_binds, bcap);
				d->binds[d->n_binds++] = (struct bind){s, e, bd};
			}
			continue;
		}
		/* a directive line: blank it */
		if (b->line == 0 || b->line > d->n_lines)
			continue;
		size_t ls = d->lines[b->line - 1], le = ls;
		while (le < d->len && d->text[le] != '\n')
			le++;
		memset(d->text + ls, ' ', le - ls);
		if (b->kind == TL_BLOCK_GOALS && d->goals_at == SIZE_MAX)
			d->goals_at = ls;
		if (b->kind == TL_BLOCK_CHART && b->indicator) {
			GROW(c, d->charts, nch, ccap);
			GROW(c, chart_at, nch, chcap);
			d->charts[nch] = (struct chartref){0, b->indicator};
			chart_at[nch] = ls;
			nch++;
		}
	}
	d->n_charts = nch;
	finish_doc(c, d);
	/* A marker vouches for its sentence: from where the sentence holding
	 * the text before it starts. */
	for (size_t k = 0; k < d->n_oks; k++) {
		size_t at = d->oks[k].at;
		while (at > 0 && (d->text[at - 1] == ' ' || d->text[at - 1] == '\t'))
			at--;
		if (d->p.n_sent) {
			size_t si = tl_prose_sentence_at(&d->p, at ? at - 1 : 0);
			if (d->p.sent[si].start <= d->oks[k].at)
				d->oks[k].from = d->p.sent[si].start;
		}
	}
	/* Which paragraph does each chart follow?  The last one that starts
	 * before it; a heading in between breaks the link. */
	for (size_t k = 0; k < nch; k++) {
		size_t para = (size_t)-1;
		for (size_t pi = 0; pi < d->p.n_para && d->p.para[pi].start < chart_at[k]; pi++)
			para = pi;
		if (para != (size_t)-1 && d->p.para[para].heading)
			para = (size_t)-1;
		d->charts[k].para = para;
	}
	return d;
}

/* ======================================================================
 * Ties: which indicator, which region, which period
 * ==================================================================== */

struct cand {
	const struct tl_indicator *d;
	size_t dist;
	int via; /* 1 binding, 2 title, 3 anaphora, 4 chart */
	const char *region; /* binding's region, or NULL */
	const struct tl_binding *b;
};

/* Indicators whose title words are in sentence si, nearest to offset `at`
 * first.  Returns how many (at most max). */
static size_t titles_in(struct ctx *c, const struct doc *d, size_t si, size_t at,
			struct cand *out, size_t max, int all)
{
	size_t wb, we;
	sent_words(d, si, &wb, &we);
	/* title words far away in a long sentence name nothing near `at` */
	size_t wa = tl_prose_word_at(&d->p, at);
	if (wa > wb + 60)
		wb = wa - 60;
	if (we > wa + 60)
		we = wa + 60;
	size_t n = 0;
	char lw[40];
	for (size_t t = 0; t < c->n_titles; t++) {
		const struct title *ti = &c->titles[t];
		size_t matched = 0, dist = 0;
		for (size_t k = 0; k < ti->n; k++) {
			size_t best = SIZE_MAX;
			for (size_t w = wb; w < we; w++) {
				const struct tl_word *x = &d->p.words[w];
				if (!tl_prose_lower(d->text + x->start, x->end - x->start, lw, sizeof lw))
					continue;
				if (!stem_eq(lw, ti->w[k]))
					continue;
				size_t off = x->start;
				size_t dd = off > at ? off - at : at - off;
				dd = dd / 8 + 40 * clauses_between(d, off, at);
				if (dd < best)
					best = dd;
			}
			if (best != SIZE_MAX) {
				matched++;
				dist += best;
			}
		}
		if (matched < ti->need)
			continue;
		dist /= matched;
		if (n < max) {
			out[n++] = (struct cand){ti->d, dist, 2, NULL, NULL};
		} else {
			size_t worst = 0;
			for (size_t k = 1; k < n; k++)
				if (out[k].dist > out[worst].dist)
					worst = k;
			if (dist < out[worst].dist)
				out[worst] = (struct cand){ti->d, dist, 2, NULL, NULL};
		}
	}
	if (all)
		return n;
	/* keep the nearest ones (within a little of the best) */
	size_t best = SIZE_MAX;
	for (size_t k = 0; k < n; k++)
		if (out[k].dist < best)
			best = out[k].dist;
	size_t m = 0;
	for (size_t k = 0; k < n; k++)
		if (out[k].dist <= best + 6)
			out[m++] = out[k];
	return m;
}

/* Does sentence si point back ("Dit is …", "Dat percentage …")? */
static int anaphoric(const struct doc *d, size_t si)
{
	size_t wb, we;
	sent_words(d, si, &wb, &we);
	if (wb >= we)
		return 0;
	if (word_is(d, wb, "dit") || word_is(d, wb, "dat") || word_is(d, wb, "deze"))
		return 1;
	static const char *const nouns[] = {"percentage", "cijfer", "aantal", "aandeel", NULL};
	if (we > wb + 12)
		we = wb + 12;
	for (size_t w = wb; w + 1 < we; w++)
		if ((word_is(d, w, "dit") || word_is(d, w, "dat") || word_is(d, w, "deze")) &&
		    word_in(d, w + 1, nouns))
			return 1;
	return 0;
}

/* Bindings (of values) in sentence si, nearest to `at` first. */
static size_t binds_in(const struct doc *d, size_t si, size_t at, struct cand *out, size_t max,
		       const struct tl_model *m)
{
	const struct tl_sentence *s = &d->p.sent[si];
	size_t n = 0;
	for (size_t k = bind_from(d, s->start); k < d->n_binds && n < max && d->binds[k].start < s->end; k++) {
		const struct bind *b = &d->binds[k];
		if (b->b->kind != TL_BIND_VALUE)
			continue;
		size_t dd = b->start > at ? b->start - at : at - b->start;
		dd = dd / 8 + 40 * clauses_between(d, b->start, at);
		out[n++] = (struct cand){tl_model_indicator(m, b->b->indicator), dd, 1, b->b->region, b->b};
	}
	/* sort by distance (n is small) */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && out[j].dist < out[j - 1].dist; j--) {
			struct cand t = out[j];
			out[j] = out[j - 1];
			out[j - 1] = t;
		}
	return n;
}

/* Candidate indicators for something at offset `at` in sentence si, by the
 * strongest tie available.  Bindings only when use_binds. */
static size_t candidates(struct ctx *c, const struct doc *d, size_t si, size_t at, int use_binds,
			 struct cand *out, size_t max)
{
	size_t n = 0;
	if (use_binds) {
		n = binds_in(d, si, at, out, max, c->m);
		if (n) {
			/* the nearest binding's indicator, all its bindings */
			const struct tl_indicator *first = out[0].d;
			size_t m = 0;
			for (size_t k = 0; k < n; k++)
				if (out[k].d == first)
					out[m++] = out[k];
			return m;
		}
	}
	n = titles_in(c, d, si, at, out, max, 0);
	if (n)
		return n;
	if (anaphoric(d, si) && si > 0 && d->p.sent[si - 1].para == d->p.sent[si].para) {
		size_t prev = si - 1;
		size_t pat = d->p.sent[prev].end;
		if (use_binds)
			n = binds_in(d, prev, pat, out, max, c->m);
		if (!n)
			n = titles_in(c, d, prev, pat, out, max, 0);
		for (size_t k = 0; k < n; k++)
			out[k].via = 3;
		if (n)
			return n;
	}
	size_t para = d->p.sent[si].para;
	for (size_t k = 0; k < d->n_charts && n < max; k++)
		if (d->charts[k].para == para) {
			const struct tl_indicator *ind = tl_model_indicator(c->m, d->charts[k].indicator);
			if (ind)
				out[n++] = (struct cand){ind, 0, 4, NULL, NULL};
		}
	return n;
}

/* Regions a figure or claim at `at` in sentence si is about: the nearest
 * region named before it (with the ones listed together: "De Wolden en
 * Tynaarlo"), else the only one named after it, else the focus region.
 * Returns the count (0: cannot tell). */
static size_t regions_at(struct ctx *c, const struct doc *d, size_t si, size_t at,
			 const char **out, size_t max)
{
	const struct tl_sentence *s = &d->p.sent[si];
	/* "46,1% van de Drenten", "48,9% gemiddeld in het land": a region named
	 * within four words after the figure, in the same clause */
	size_t w0 = tl_prose_word_at(&d->p, at);
	for (size_t k = ment_from(d, at); k < d->n_ment; k++) {
		const struct mention *m = &d->ment[k];
		if (m->start >= s->end)
			break;
		if (!m->code)
			continue;
		size_t wm = tl_prose_word_at(&d->p, m->start);
		if (wm <= w0 + 4 && clauses_between(d, at, m->start) == 0) {
			out[0] = m->code;
			return 1;
		}
		break;
	}
	long before = -1;
	size_t n_after = 0;
	const char *after = NULL;
	int after_ambiguous = 0;
	for (size_t k = ment_from(d, s->start); k < d->n_ment && d->ment[k].start < s->end; k++) {
		const struct mention *m = &d->ment[k];
		if (!m->code)
			continue;
		if (m->end <= at) {
			before = (long)k;
		} else if (m->start >= at && m->level != ML_NATIONAL) {
			/* a national word after the figure is the comparison
			 * ("… in lijn met het landelijk gemiddelde"), not the subject */
			if (!after) {
				after = m->code;
				n_after = 1;
			} else if (strcmp(after, m->code)) {
				after_ambiguous = 1;
			}
		}
	}
	size_t n = 0;
	if (before >= 0) {
		out[n++] = d->ment[before].code;
		/* coordinated: "De Wolden en Tynaarlo", "Assen, Emmen en Hoogeveen" */
		for (long k = before; k > 0 && n < max; k--) {
			const struct mention *cur = &d->ment[k], *prev = &d->ment[k - 1];
			if (prev->start < s->start || !prev->code)
				break;
			int ok = 1;
			for (size_t i = prev->end; i < cur->start && ok; i++) {
				char ch = d->text[i];
				if (ch == ' ' || ch == ',' || ch == '\n')
					continue;
				if ((i + 2 <= cur->start && !memcmp(d->text + i, "en", 2) &&
				     (d->text[i + 2] == ' ')) ||
				    (i + 2 <= cur->start && !memcmp(d->text + i, "of", 2) && d->text[i + 2] == ' ')) {
					i++;
					continue;
				}
				ok = 0;
			}
			if (!ok)
				break;
			out[n++] = prev->code;
		}
		for (size_t i = 0; i < n / 2; i++) { /* text order */
			const char *t = out[i];
			out[i] = out[n - 1 - i];
			out[n - 1 - i] = t;
		}
		return n;
	}
	if (n_after && !after_ambiguous) {
		out[0] = after;
		return 1;
	}
	if (after_ambiguous)
		return 0;
	if (c->focus) {
		out[0] = c->focus->code;
		return 1;
	}
	return 0;
}

/* Years written in sentence si (years and dates), not after the report year. */
static size_t years_in(struct ctx *c, const struct doc *d, size_t si, int *out, size_t max,
		       int *future)
{
	const struct tl_sentence *s = &d->p.sent[si];
	size_t n = 0;
	*future = 0;
	int ry = c->o.report_year;
	for (size_t k = q_from(d, s->start); k < d->p.n_q && d->p.q[k].start < s->end; k++) {
		const struct tl_quantity *q = &d->p.q[k];
		if (q->kind != TL_Q_YEAR)
			continue;
		if (ry && q->value > ry)
			*future = 1;
		else if (n < max)
			out[n++] = (int)q->value;
	}
	for (size_t k = date_from(d, s->start); k < d->p.n_dates && d->p.dates[k].start < s->end; k++) {
		const struct tl_written_date *t = &d->p.dates[k];
		if (!t->year)
			continue;
		if (ry && t->year > ry)
			*future = 1;
		else if (n < max)
			out[n++] = t->year;
	}
	return n;
}

/* The observation a text about (indicator, region) refers to: the year the
 * sentence names, or else the latest with a value. */
static const struct tl_observation *obs_for(struct ctx *c, const char *ind, const char *reg,
					    const int *years, size_t ny)
{
	size_t n;
	const struct tl_observation *s = tl_model_series(c->m, ind, reg, &n);
	if (!s)
		return NULL;
	if (ny) {
		int y = 0;
		for (size_t i = 0; i < ny; i++)
			if (years[i] > y)
				y = years[i];
		for (size_t i = n; i-- > 0;)
			if (s[i].period.year == y && s[i].period.kind == TL_PERIOD_YEAR &&
			    tl_status_has_value(s[i].status))
				return &s[i];
		return NULL;
	}
	long l = tl_series_latest(s, n);
	return l >= 0 ? &s[l] : NULL;
}

static int unit_fits(const struct tl_quantity *q, const struct tl_indicator *d)
{
	enum tl_unit_kind k = tl_unit_kind(d->unit);
	switch (q->kind) {
	case TL_Q_PERCENT:
	case TL_Q_SHARE: return k == TL_UNIT_PERCENT;
	case TL_Q_EURO: return k == TL_UNIT_EURO;
	case TL_Q_COUNT: return k == TL_UNIT_NUMBER && q->decimals > 0;
	case TL_Q_YEAR: return 0;
	}
	return 0;
}

static const char *const time_nouns[] = {"jaar", "jaren", "maanden", "maand", "weken", "week",
					 "dagen", "dag", "uur", "kilometer", "km", "meter", "jarigen",
					 "jarige", "hectare", "procentpunt", "procentpunten", NULL};

/* "vier jaar", "2 kilometer": durations and measures, never parts or facts. */
static int time_noun(const struct doc *d, const struct tl_quantity *q)
{
	if (q->noun_end <= q->noun_start)
		return 0;
	return word_in(d, tl_prose_word_at(&d->p, q->noun_start), time_nouns);
}

/* Is offset `at` inside parentheses opened after `from`? */
static int in_parens(const struct doc *d, size_t from, size_t at)
{
	int depth = 0;
	for (size_t i = from; i < at && i < d->len; i++) {
		if (d->text[i] == '(')
			depth++;
		else if (d->text[i] == ')' && depth)
			depth--;
	}
	return depth > 0;
}

/* ======================================================================
 * Rule 2: typed numbers
 * ==================================================================== */

/* Words that would fit the data: "ruim 60%", "bijna 65%". */
static const char *suggest_words(struct ctx *c, double v, const struct tl_indicator *d)
{
	enum tl_unit_kind k = tl_unit_kind(d->unit);
	double r;
	if (k == TL_UNIT_PERCENT)
		r = fabs(v) >= 10 ? 5 * floor(v / 5 + 0.5) : floor(v + 0.5);
	else if (fabs(v) >= 100) {
		double p = pow(10, floor(log10(fabs(v))) - 1);
		r = floor(v / p + 0.5) * p;
	} else {
		r = floor(v + 0.5);
	}
	const char *w = fabs(v - r) < 1e-9 ? "" : v < r ? "bijna " : "ruim ";
	tl_buf b = TL_BUF_INIT;
	tl_buf_puts(&b, w);
	tl_fmt_value(&b, r, 0, k, c->o.lang);
	char *s = tl_arena_strndup(c->a, b.data ? b.data : "", b.len);
	tl_buf_free(&b);
	return s;
}

/* What the words allow, for messages: "bijna 70" means 65–70. */
static const char *means(struct ctx *c, const struct tl_quantity *q)
{
	double lo, hi;
	tl_quantity_range(q, &lo, &hi);
	int dec = q->decimals;
	tl_buf b = TL_BUF_INIT;
	switch (q->approx) {
	case TL_APPROX_EXACT:
		break;
	case TL_APPROX_ALMOST:
		tl_buf_printf(&b, "%s\xe2\x80\x93%s", fmt_num(c, lo, dec), fmt_num(c, q->value, dec));
		break;
	case TL_APPROX_JUST_OVER:
		tl_buf_printf(&b, "%s\xe2\x80\x93%s", fmt_num(c, q->value, dec), fmt_num(c, hi, dec));
		break;
	case TL_APPROX_OVER:
		tl_buf_printf(&b, "above %s", fmt_num(c, q->value, dec));
		break;
	case TL_APPROX_UNDER:
		tl_buf_printf(&b, "below %s", fmt_num(c, q->value, dec));
		break;
	case TL_APPROX_ABOUT:
		tl_buf_printf(&b, "%s\xe2\x80\x93%s", fmt_num(c, lo, dec), fmt_num(c, hi, dec));
		break;
	}
	char *s = tl_arena_strndup(c->a, b.data ? b.data : "", b.len);
	tl_buf_free(&b);
	return s;
}

static int q_fits(const struct tl_quantity *q, double v)
{
	double lo, hi;
	tl_quantity_range(q, &lo, &hi);
	return v >= lo - 1e-9 && v <= hi + 1e-9;
}

/* A binding right before or after the figure: "een kwart ({{…}})". */
static const struct bind *adjacent_binding(const struct doc *d, const struct tl_quantity *q)
{
	size_t k0 = bind_from(d, q->end);
	for (size_t k = k0 ? k0 - 1 : 0; k < d->n_binds && k <= k0; k++) {
		const struct bind *b = &d->binds[k];
		if (b->start >= q->end && b->start - q->end <= 3) {
			int ok = 1;
			for (size_t i = q->end; i < b->start; i++)
				ok &= d->src[i] == ' ' || d->src[i] == '(';
			if (ok)
				return b;
		}
		if (b->end <= q->start && q->start - b->end <= 3) {
			int ok = 1;
			for (size_t i = b->end; i < q->start; i++)
				ok &= d->src[i] == ' ' || d->src[i] == '(' || d->src[i] == ')';
			if (ok)
				return b;
		}
	}
	return NULL;
}

/* Is the figure the other side of a comparison ("lager dan … (79,3%)")
 * rather than a value of the subject?  Then only an explicit region
 * between the comparative and the figure makes it checkable. */
static int comparison_side(const struct doc *d, size_t si, const struct tl_quantity *q)
{
	const struct tl_sentence *s = &d->p.sent[si];
	for (size_t k = claim_from(d, s->start); k < d->p.n_claims && d->p.claims[k].start < q->start; k++) {
		const struct tl_claim *cl = &d->p.claims[k];
		if (cl->kind != TL_CLAIM_HIGHER && cl->kind != TL_CLAIM_LOWER && cl->kind != TL_CLAIM_EQUAL)
			continue;
		if (!(cl->flags & TL_CF_THAN) && cl->kind != TL_CLAIM_EQUAL)
			continue;
		int region_between = 0;
		for (size_t m = ment_from(d, cl->end); m < d->n_ment && d->ment[m].start < q->start; m++)
			if (d->ment[m].start > cl->end && d->ment[m].end <= q->start)
				region_between = 1;
		if (!region_between)
			return 1;
	}
	return 0;
}

/* "55,9% vs. 50,0%": 1 when q is the first of such a pair, 2 the second. */
static int vs_pair(const struct doc *d, size_t qi)
{
	const struct tl_quantity *q = &d->p.q[qi];
	static const char *const vs[] = {"vs.", "vs", "versus", "tegen", "tegenover", NULL};
	for (int side = 0; side < 2; side++) {
		size_t oi = side ? qi - 1 : qi + 1;
		if ((side && qi == 0) || (!side && qi + 1 >= d->p.n_q))
			continue;
		const struct tl_quantity *o = &d->p.q[oi];
		if (o->kind != q->kind)
			continue;
		size_t a = side ? o->end : q->end, b = side ? q->start : o->start;
		if (b < a || b - a > 14)
			continue;
		/* only blanks and one of the vs-words between */
		size_t i = a;
		while (i < b && d->src[i] == ' ')
			i++;
		size_t j = b;
		while (j > i && d->src[j - 1] == ' ')
			j--;
		for (size_t k = 0; vs[k]; k++)
			if (j - i == strlen(vs[k]) && !memcmp(d->src + i, vs[k], j - i))
				return side ? 2 : 1;
	}
	return 0;
}

/* ---- A count of people against a percentage --------------------------------
 * "de ruim 45.000 Drentse inwoners die moeite hebben met basisvaardigheden"
 * next to "21% van de volwassenen": a count of people tied to a percentage
 * indicator is that percentage of the region's population.  The population
 * is an indicator of the agenda that counts people (unit "inwoners" or
 * "personen"); with none, or more than one, the checker says nothing. */

static const struct tl_indicator *population_indicator(const struct ctx *c)
{
	const struct tl_indicator *found = NULL;
	for (size_t i = 0; c->m && i < c->m->n_indicators; i++) {
		const struct tl_indicator *d = &c->m->indicators[i];
		if (!d->unit || (strcmp(d->unit, "inwoners") && strcmp(d->unit, "personen")))
			continue;
		if (found)
			return NULL; /* which one? */
		found = d;
	}
	return found;
}

/* Is the figure a count of people: one of these words among the two after it? */
static int counts_people(const struct doc *d, const struct tl_quantity *q)
{
	static const char *const people[] = {"inwoners", "volwassenen", "mensen", "personen",
					     "bewoners", "drenten", NULL};
	if (q->kind != TL_Q_COUNT || q->decimals || q->value < 100)
		return 0;
	size_t w = 0;
	while (w < d->p.n_words && d->p.words[w].start < q->num_end)
		w++;
	for (size_t k = w; k < w + 2 && k < d->p.n_words; k++)
		for (size_t i = 0; people[i]; i++)
			if (tl_prose_word_eq(d->text + d->p.words[k].start, d->p.words[k].end - d->p.words[k].start,
					     people[i]))
				return 1;
	return 0;
}

/* The people count q (a warning when it is far from pct% of the population)
 * for the percentage indicators among cand[] in regions regs[]: every one
 * with data must contradict the text.  Returns 1 when it reported. */
static int people_vs_share(struct ctx *c, struct doc *d, const struct tl_quantity *q, const struct cand *cand,
			   size_t nc, const char *const *regs, size_t nr, const int *years, size_t ny)
{
	const struct tl_indicator *pop = population_indicator(c);
	if (!pop || !counts_people(d, q))
		return 0;
	double lo, hi;
	tl_quantity_range(q, &lo, &hi);
	const struct tl_indicator *pi = NULL;
	const struct tl_observation *po = NULL, *pp = NULL;
	double implied = 0;
	for (size_t k = 0; k < nc; k++) {
		const struct tl_indicator *ind = cand[k].d;
		if (!ind || tl_unit_kind(ind->unit) != TL_UNIT_PERCENT)
			continue;
		for (size_t r = 0; r < nr; r++) {
			const struct tl_observation *o = obs_for(c, ind->slug, regs[r], years, ny);
			const struct tl_observation *p = obs_for(c, pop->slug, regs[r], NULL, 0);
			if (!o || !p || p->value <= 0)
				continue;
			/* the share's rounding, and a wide margin for the group: the share
			 * may be of a narrower group than the population indicator counts
			 * (16 to 65 against 15 and older: 0,7 of it) and the count of a
			 * wider one (all ages: 1,2 of the 15 and older), or of another year */
			double half = 0.5;
			for (int i = 0; i < ind->decimals; i++)
				half /= 10;
			double ilo = (o->value - half) / 100 * p->value * 0.7;
			double ihi = (o->value + half) / 100 * p->value * 1.2;
			if (hi >= ilo && lo <= ihi)
				return 0; /* one reading fits: silence */
			if (!pi) {
				pi = ind;
				po = o;
				pp = p;
				implied = o->value / 100 * p->value;
			}
		}
	}
	if (!pi)
		return 0;
	const char *quoted = quote(c, d, q->start, q->end);
	tl_buf b = TL_BUF_INIT;
	tl_buf_printf(&b, "\"%s\" (%s, %s): %s of the %s %s (%s, %d) is about %s", quoted, pi->slug,
		      region_name(c, po->region), fmt_value(c, pi, po->value), fmt_num(c, pp->value, 0),
		      pop->subject ? pop->subject : pop->title, pop->slug, pp->period.year,
		      fmt_num(c, implied >= 10000 ? 1000 * (double)(long)(implied / 1000 + 0.5) : implied, 0));
	const char *mw = means(c, q);
	if (*mw)
		tl_buf_printf(&b, "; \"%s\" means %s", quoted, mw);
	tl_buf_printf(&b, " \xe2\x80\x94 correct the count, or say which group it counts");
	report(c, d, q->start, 0, "number", "%s", b.data);
	tl_buf_free(&b);
	return 1;
}

static void rule_numbers(struct ctx *c, struct doc *d)
{
	if (!c->m)
		return;
	static const char *const target_words[] = {"doel", "doelen", "streven", "streeft", "ambitie",
						   "streefwaarde", "willen", "moet", "moeten", "beoogd",
						   NULL};
	size_t cached = SIZE_MAX, ny = 0;
	int years[8], future = 0, skip = 0;
	for (size_t qi = 0; qi < d->p.n_q; qi++) {
		const struct tl_quantity *q = &d->p.q[qi];
		if (q->kind == TL_Q_YEAR || (q->flags & (TL_QF_FOREIGN | TL_QF_ODD | TL_QF_DOTDEC)))
			continue;
		if (time_noun(d, q))
			continue;
		size_t si = tl_prose_sentence_at(&d->p, q->start);
		if (si >= d->p.n_sent || d->p.para[d->p.sent[si].para].heading)
			continue;
		const char *quoted = quote(c, d, q->start, q->end);

		/* 1. a binding right next to it */
		const struct bind *ab = adjacent_binding(d, q);
		if (ab && ab->b->kind == TL_BIND_VALUE) {
			const struct tl_indicator *ind = tl_model_indicator(c->m, ab->b->indicator);
			const struct tl_observation *o = tl_binding_resolve(ab->b, c->m);
			if (!ind || !o || !tl_status_has_value(o->status) || !unit_fits(q, ind))
				continue;
			if (q_fits(q, o->value))
				continue;
			tl_buf b = TL_BUF_INIT;
			tl_buf_printf(&b, "\"%s\" next to %s: the data say %s (%s, %d)", quoted,
				      quote(c, d, ab->start, ab->end), fmt_value(c, ind, o->value),
				      region_name(c, o->region), o->period.year);
			const char *mw = means(c, q);
			if (*mw)
				tl_buf_printf(&b, "; \"%s\" means %s", quoted, mw);
			tl_buf_printf(&b, "; change the words to fit, e.g. \"%s\"",
				      suggest_words(c, o->value, ind));
			report(c, d, q->start, 1, "number", "%s", b.data);
			tl_buf_free(&b);
			continue;
		}

		/* 2–4. title words, anaphora, the chart after the paragraph */
		if (si != cached) {
			cached = si;
			ny = years_in(c, d, si, years, 8, &future);
			skip = future || sent_has(d, si, target_words);
		}
		if (skip)
			continue;
		if (comparison_side(d, si, q))
			continue;
		struct cand cand[8];
		size_t nc = candidates(c, d, si, q->start, 0, cand, 8);
		const char *regs[6];
		size_t nr = 0;
		int pair = vs_pair(d, qi);
		if (pair) {
			/* distinct regions in order of appearance */
			const struct tl_sentence *s = &d->p.sent[si];
			const char *seen[2] = {NULL, NULL};
			size_t ns = 0;
			for (size_t k = ment_from(d, s->start); k < d->n_ment && ns < 2 && d->ment[k].start < s->end; k++) {
				const struct mention *m = &d->ment[k];
				if (!m->code)
					continue;
				if (ns && !strcmp(seen[0], m->code))
					continue;
				seen[ns++] = m->code;
			}
			if (ns == 2) {
				regs[0] = seen[pair - 1];
				nr = 1;
			}
		} else {
			nr = regions_at(c, d, si, q->start, regs, 6);
		}
		if (!nr)
			continue;
		int any_data = 0, all_wrong = 1;
		const struct tl_indicator *wrong_ind = NULL;
		const struct tl_observation *wrong[6];
		size_t nw = 0;
		int via = 0;
		for (size_t k = 0; k < nc; k++) {
			if (!cand[k].d || !unit_fits(q, cand[k].d))
				continue;
			for (size_t r = 0; r < nr; r++) {
				const struct tl_observation *o = obs_for(c, cand[k].d->slug, regs[r], years, ny);
				if (!o)
					continue;
				any_data = 1;
				if (q_fits(q, o->value)) {
					all_wrong = 0;
				} else if (!wrong_ind || wrong_ind == cand[k].d) {
					wrong_ind = cand[k].d;
					if (nw < 6)
						wrong[nw++] = o;
					via = cand[k].via;
				}
			}
		}
		if (!any_data && people_vs_share(c, d, q, cand, nc, regs, nr, years, ny))
			continue;
		if (!any_data || !all_wrong || !nw)
			continue;
		tl_buf b = TL_BUF_INIT;
		tl_buf_printf(&b, "\"%s\" (%s, ", quoted, wrong_ind->slug);
		for (size_t k = 0; k < nw; k++)
			tl_buf_printf(&b, "%s%s", k ? (k + 1 == nw ? " and " : ", ") : "",
				      region_name(c, wrong[k]->region));
		tl_buf_printf(&b, "%s): the data say ", via == 4 ? ", the chart after this paragraph" :
						      via == 3 ? ", as in the sentence before" : "");
		for (size_t k = 0; k < nw; k++) {
			tl_buf_printf(&b, "%s%s", k ? (k + 1 == nw ? " and " : ", ") : "",
				      fmt_value(c, wrong_ind, wrong[k]->value));
			if (nw > 1)
				tl_buf_printf(&b, " (%s)", region_name(c, wrong[k]->region));
		}
		tl_buf_printf(&b, " in %d", wrong[0]->period.year);
		const char *mw = means(c, q);
		if (*mw)
			tl_buf_printf(&b, "; \"%s\" means %s", quoted, mw);
		tl_buf_printf(&b, " \xe2\x80\x94 bind the figure: {{%s %s ", wrong_ind->slug, wrong[0]->region);
		if (ny)
			tl_buf_printf(&b, "%d}}", wrong[0]->period.year);
		else
			tl_buf_puts(&b, "laatste}}");
		tl_buf_printf(&b, ", or write \"%s\"", suggest_words(c, wrong[0]->value, wrong_ind));
		report(c, d, q->start, 0, "number", "%s", b.data);
		tl_buf_free(&b);
	}
}

/* ======================================================================
 * Rule 3: parts and totals
 * ==================================================================== */

/* Quantities of sentence si: indexes [*qb, *qe). */
static void sent_q(const struct doc *d, size_t si, size_t *qb, size_t *qe)
{
	const struct tl_sentence *s = &d->p.sent[si];
	size_t i = q_from(d, s->start);
	*qb = i;
	while (i < d->p.n_q && d->p.q[i].start < s->end)
		i++;
	*qe = i;
}

static int countable(const struct tl_quantity *q)
{
	return (q->kind == TL_Q_COUNT || q->kind == TL_Q_EURO) &&
	       !(q->flags & (TL_QF_ODD | TL_QF_DOTDEC));
}

static int word_before(const struct doc *d, size_t off, const char *w)
{
	size_t wi = tl_prose_word_at(&d->p, off);
	return wi > 0 && word_is(d, wi - 1, w);
}

/* "42 initiatieven, waarvan 31 … en 12 …" */
static void parts_waarvan(struct ctx *c, struct doc *d, size_t si)
{
	static const char *const subset[] = {"onder", "andere", "o.a", "oa", "bijvoorbeeld",
					     "zoals", "waaronder", "onder meer", NULL};
	size_t wb, we;
	sent_words(d, si, &wb, &we);
	size_t qb, qe;
	sent_q(d, si, &qb, &qe);
	for (size_t w = wb; w < we; w++) {
		if (!word_is(d, w, "waarvan"))
			continue;
		size_t at = d->p.words[w].start;
		/* the total: the last countable figure before "waarvan" */
		long ti = -1;
		for (size_t k = qb; k < qe && d->p.q[k].end <= at; k++)
			if (countable(&d->p.q[k]))
				ti = (long)k;
		if (ti < 0)
			return;
		const struct tl_quantity *t = &d->p.q[ti];
		size_t parts[8], np = 0;
		int other_kind = 0;
		for (size_t k = (size_t)ti + 1; k < qe && np < 8; k++) {
			const struct tl_quantity *q = &d->p.q[k];
			if (q->start < at)
				continue;
			if (q->kind == TL_Q_YEAR || time_noun(d, q) || in_parens(d, at, q->start))
				continue;
			if (q->kind != t->kind || !countable(q)) {
				other_kind = 1;
				continue;
			}
			/* parts follow each other closely, in one clause */
			size_t from = np ? d->p.q[parts[np - 1]].end : d->p.words[w].end;
			if (q->start - from > 60)
				break;
			int broken = 0;
			for (size_t i = from; i < q->start; i++)
				broken |= strchr(":;|()[]", d->text[i]) != NULL;
			if (broken)
				break;
			parts[np++] = k;
		}
		if (!np || other_kind || at - t->end > 80)
			return;
		/* "waarvan onder meer …" or "zoals": the parts need not be all */
		int partial = 0;
		for (size_t x = w + 1; x < we && x <= w + 3; x++)
			partial |= word_in(d, x, subset);
		double tlo, thi;
		tl_quantity_range(t, &tlo, &thi);
		double sum = 0, slo = 0, shi = 0;
		int exact = t->approx == TL_APPROX_EXACT;
		for (size_t k = 0; k < np; k++) {
			const struct tl_quantity *q = &d->p.q[parts[k]];
			double lo, hi;
			tl_quantity_range(q, &lo, &hi);
			sum += q->value;
			slo += lo;
			shi += hi;
			exact &= q->approx == TL_APPROX_EXACT;
		}
		tl_buf b = TL_BUF_INIT;
		tl_buf_printf(&b, "%s, waarvan ", quote(c, d, t->start, t->noun_end > t->end ? t->noun_end : t->end));
		for (size_t k = 0; k < np; k++) {
			const struct tl_quantity *q = &d->p.q[parts[k]];
			if (k)
				tl_buf_puts(&b, k + 1 == np ? " \xe2\x80\xa6 en " : " \xe2\x80\xa6, ");
			tl_buf_puts(&b, quote(c, d, q->start, q->end));
		}
		tl_buf_puts(&b, " \xe2\x80\xa6");
		int dec = t->decimals;
		if (np == 1) {
			if (slo > thi + 1e-9)
				report(c, d, t->start, exact, "parts",
				       "\"%s\": the part (%s) is larger than the total (%s); correct one of the numbers",
				       b.data, fmt_num(c, sum, dec), fmt_num(c, t->value, dec));
		} else if (!partial && exact && fabs(sum - t->value) > 1e-6 * fmax(1, fabs(t->value))) {
			if (sum > t->value)
				report(c, d, t->start, 1, "parts",
				       "\"%s\": the parts add up to %s, not %s; correct one of the numbers, or say \"onder meer\" if the parts overlap",
				       b.data, fmt_num(c, sum, dec), fmt_num(c, t->value, dec));
			else
				report(c, d, t->start, 1, "parts",
				       "\"%s\": the parts add up to %s, not %s; correct one of the numbers, or say what the other %s are",
				       b.data, fmt_num(c, sum, dec), fmt_num(c, t->value, dec),
				       fmt_num(c, t->value - sum, dec));
		} else if (!partial && !exact && (slo > thi + 1e-9 || shi < tlo - 1e-9)) {
			report(c, d, t->start, 0, "parts",
			       "\"%s\": even allowing for the rounding words, the parts (about %s) do not make the total (%s); check the numbers",
			       b.data, fmt_num(c, sum, dec), fmt_num(c, t->value, dec));
		}
		tl_buf_free(&b);
		return;
	}
}

/* Text [a, b) holds only blanks and these separators: ",", "en", "of". */
static int list_glue(const char *t, size_t a, size_t b)
{
	size_t i = a;
	while (i < b) {
		char ch = t[i];
		if (ch == ' ' || ch == ',' || ch == '\n' || ch == '(' || ch == ')') {
			i++;
			continue;
		}
		if (i + 2 <= b && (!memcmp(t + i, "en", 2) || !memcmp(t + i, "of", 2)) &&
		    (i + 2 == b || t[i + 2] == ' ')) {
			i += 2;
			continue;
		}
		return 0;
	}
	return 1;
}

/* "12 vrijwilligers: 4 bestuursleden en 8 deelnemers" and
 * "vijf initiatieven genomineerd: A, B, C, D en E". */
static void parts_list(struct ctx *c, struct doc *d, size_t si)
{
	const struct tl_sentence *s = &d->p.sent[si];
	size_t qb, qe;
	sent_q(d, si, &qb, &qe);
	const char *t = d->text;
	for (size_t ti = qb; ti < qe; ti++) {
		const struct tl_quantity *tq = &d->p.q[ti];
		if (tq->kind != TL_Q_COUNT || !countable(tq) || tq->noun_end <= tq->noun_start)
			continue;
		/* the list opens with ":" or "(" within six words after the noun */
		size_t i = tq->noun_end, words = 0;
		size_t open = 0;
		char opener = 0;
		while (i < s->end && words <= 6) {
			char ch = t[i];
			if (ch == ':' || ch == '(') {
				open = i + 1;
				opener = ch;
				break;
			}
			if (ch == '.' || ch == ';' || ch == ',' || ch == ')')
				break;
			if (ch == ' ' && i + 1 < s->end && t[i + 1] != ' ')
				words++;
			if (i + 1 < s->end && (t[i + 1] >= '0' && t[i + 1] <= '9') && ch == ' ' && words > 0)
				break;
			i++;
		}
		if (!open)
			continue;
		/* skip "(erkende)"-style asides before a colon */
		if (opener == '(') {
			size_t j = open;
			while (j < s->end && t[j] != ')')
				j++;
			size_t k = j + 1;
			while (k < s->end && t[k] == ' ')
				k++;
			if (j < s->end && j - open < 20 && !memchr(t + open, ',', j - open) &&
			    !strstr(tl_arena_strndup(c->a, t + open, j - open), " en ")) {
				/* an aside like "(erkende)": look on for a colon */
				size_t m = k, ww = 0;
				open = 0;
				while (m < s->end && ww <= 4) {
					if (t[m] == ':') {
						open = m + 1;
						opener = ':';
						break;
					}
					if (t[m] == '.' || t[m] == ',' || t[m] == ';')
						break;
					if (t[m] == ' ')
						ww++;
					m++;
				}
				if (!open)
					continue;
			}
		}
		size_t end = s->end;
		if (opener == '(') {
			size_t j = open;
			while (j < s->end && t[j] != ')')
				j++;
			if (j >= s->end)
				continue;
			end = j;
		} else {
			/* a colon list runs to the end of the sentence (or a ";") */
			for (size_t j = open; j < s->end; j++)
				if (t[j] == ';') {
					end = j;
					break;
				}
			while (end > open && (t[end - 1] == '.' || t[end - 1] == ' '))
				end--;
		}
		/* numeric parts? */
		size_t parts[8], np = 0;
		int other = 0;
		for (size_t k = ti + 1; k < qe; k++) {
			const struct tl_quantity *q = &d->p.q[k];
			if (q->start < open || q->start >= end)
				continue;
			if (q->kind != TL_Q_COUNT || !countable(q) || np == 8) {
				other = 1;
				continue;
			}
			parts[np++] = k;
		}
		if (other)
			continue;
		if (np >= 2) {
			/* parts glued by "," and "en", each with a noun */
			int glued = 1;
			for (size_t k = 1; k < np; k++) {
				const struct tl_quantity *a = &d->p.q[parts[k - 1]], *b = &d->p.q[parts[k]];
				size_t from = a->noun_end > a->end ? a->noun_end : a->end;
				glued &= list_glue(t, from, b->start) && a->noun_end > a->noun_start;
			}
			if (!glued)
				continue;
			double sum = 0;
			int exact = tq->approx == TL_APPROX_EXACT;
			for (size_t k = 0; k < np; k++) {
				sum += d->p.q[parts[k]].value;
				exact &= d->p.q[parts[k]].approx == TL_APPROX_EXACT;
			}
			if (!exact || fabs(sum - tq->value) < 1e-9)
				continue;
			tl_buf b = TL_BUF_INIT;
			tl_buf_printf(&b, "%s: ", quote(c, d, tq->start, tq->noun_end));
			for (size_t k = 0; k < np; k++) {
				const struct tl_quantity *q = &d->p.q[parts[k]];
				if (k)
					tl_buf_puts(&b, k + 1 == np ? " en " : ", ");
				tl_buf_puts(&b, quote(c, d, q->start, q->noun_end > q->end ? q->noun_end : q->end));
			}
			report(c, d, tq->start, 1, "parts",
			       "\"%s\": the parts add up to %s, not %s; correct one of the numbers",
			       b.data, fmt_num(c, sum, 0), fmt_num(c, tq->value, 0));
			tl_buf_free(&b);
			continue;
		}
		if (np || tq->value < 2 || tq->value > 20 || tq->approx != TL_APPROX_EXACT)
			continue;
		/* a list of names: items split by "," and a last " en " */
		size_t commas = 0, ens = 0, longest = 0, cur = 0;
		int last_has_en = 0;
		for (size_t j = open; j < end; j++) {
			if (t[j] == ',' && (j + 1 >= end || t[j + 1] == ' ')) {
				commas++;
				last_has_en = 0;
				cur = 0;
				continue;
			}
			if (t[j] == ' ' && j + 4 <= end && !memcmp(t + j, " en ", 4)) {
				ens++;
				last_has_en = 1;
			}
			if (t[j] == ' ') {
				cur++;
				if (cur > longest)
					longest = cur;
			}
		}
		if (other || (!commas && !ens) || longest > 6 || !last_has_en)
			continue;
		/* An item may itself hold "en" ("Aa en Hunze"), so the count is
		 * a range; a known region name with "en" counts as one item. */
		size_t lo = commas + 2, hi = commas + ens; /* last_has_en holds here */
		if (lo > hi)
			hi = lo;
		if (c->m) {
			for (size_t k = ment_from(d, open); k < d->n_ment && d->ment[k].start < end; k++) {
				const struct mention *m = &d->ment[k];
				if (m->end <= end &&
				    strstr(tl_arena_strndup(c->a, t + m->start, m->end - m->start), " en ") &&
				    hi > lo)
					hi--;
			}
		}
		double n = tq->value;
		if (n >= (double)lo - 1e-9 && n <= (double)hi + 1e-9)
			continue;
		char range[32];
		if (lo == hi)
			snprintf(range, sizeof range, "%zu", lo);
		else
			snprintf(range, sizeof range, "%zu or %zu", lo, hi);
		report(c, d, tq->start, 0, "parts",
		       "\"%s %s\": the list that follows names %s, not %s; correct the number or the list",
		       quote(c, d, tq->start, tq->noun_end), opener == ':' ? "\xe2\x80\xa6:" : "(\xe2\x80\xa6)",
		       range, fmt_num(c, n, 0));
	}
}

/* The number of municipalities: from the model, else from the text. */
static int muni_count(struct ctx *c, const char **source)
{
	if (c->n_munis) {
		*source = "in agenda.yml";
		return (int)c->n_munis;
	}
	if (c->text_munis > 0) {
		*source = NULL;
		return c->text_munis;
	}
	return 0;
}

/* "… gemeenten" right after the figure, with at most one adjective between
 * ("twaalf Drentse gemeenten"); *end is the end of "gemeenten". */
static int gemeenten_after(const struct doc *d, const struct tl_quantity *q, size_t *end)
{
	size_t wi = tl_prose_word_at(&d->p, q->end);
	for (size_t k = wi; k < d->p.n_words && k <= wi + 1; k++) {
		for (size_t i = k ? d->p.words[k - 1].end : 0; k > wi && i < d->p.words[k].start; i++)
			if (d->text[i] != ' ')
				return 0;
		if (word_is(d, k, "gemeenten") || word_is(d, k, "gemeentes")) {
			for (size_t i = q->end; i < d->p.words[wi].start; i++)
				if (d->text[i] != ' ')
					return 0;
			*end = d->p.words[k].end;
			return 1;
		}
	}
	return 0;
}

/* "alle twaalf Drentse gemeenten" states the number of municipalities. */
static void learn_munis(struct ctx *c, struct doc *d)
{
	for (size_t qi = 0; qi < d->p.n_q; qi++) {
		const struct tl_quantity *q = &d->p.q[qi];
		size_t e;
		if (q->kind != TL_Q_COUNT || q->approx != TL_APPROX_EXACT || q->decimals ||
		    !word_before(d, q->start, "alle") || !gemeenten_after(d, q, &e))
			continue;
		if (!c->text_munis) {
			c->text_munis = (int)q->value;
			c->text_munis_doc = d;
			c->text_munis_off = q->start;
		} else if (c->text_munis != (int)q->value) {
			c->text_munis = -1; /* the text disagrees with itself: unknown */
		}
	}
}

/* "25 …, twee in iedere gemeente"; "alle elf Drentse gemeenten". */
static void parts_municipalities(struct ctx *c, struct doc *d, size_t si)
{
	size_t qb, qe;
	sent_q(d, si, &qb, &qe);
	const char *src = NULL;
	int m = muni_count(c, &src);
	for (size_t k = qb; k < qe; k++) {
		const struct tl_quantity *q = &d->p.q[k];
		if (q->kind != TL_Q_COUNT || q->decimals)
			continue;
		size_t e;
		/* "alle N gemeenten" against the model */
		if (c->n_munis && gemeenten_after(d, q, &e) && word_before(d, q->start, "alle") &&
		    q->approx == TL_APPROX_EXACT && fabs(q->value - (double)c->n_munis) > 1e-9) {
			size_t wa = tl_prose_word_at(&d->p, q->start) - 1;
			report(c, d, d->p.words[wa].start, 1, "parts",
			       "\"alle %s\": %s has %zu gemeenten in agenda.yml, not %s; correct the number",
			       quote(c, d, q->start, e), c->focus ? c->focus->name : "the focus region",
			       c->n_munis, fmt_num(c, q->value, 0));
			continue;
		}
		/* "K in iedere/elke gemeente", "K per gemeente" */
		size_t wi = tl_prose_word_at(&d->p, q->end);
		int each = (word_is(d, wi, "in") && (word_is(d, wi + 1, "iedere") || word_is(d, wi + 1, "elke")) &&
			    word_is(d, wi + 2, "gemeente")) ||
			   (word_is(d, wi, "per") && word_is(d, wi + 1, "gemeente"));
		if (!each || !m || k == qb)
			continue;
		size_t each_end = d->p.words[word_is(d, wi, "per") ? wi + 1 : wi + 2].end;
		/* the total: the nearest count before it */
		long ti = -1;
		for (size_t j = qb; j < k; j++)
			if (d->p.q[j].kind == TL_Q_COUNT && !d->p.q[j].decimals)
				ti = (long)j;
		if (ti < 0)
			continue;
		const struct tl_quantity *t = &d->p.q[ti];
		double want = q->value * m;
		int rough = q->approx != TL_APPROX_EXACT || t->approx != TL_APPROX_EXACT ||
			    word_before(d, q->start, "gemiddeld");
		int bad;
		if (q->approx == TL_APPROX_OVER)
			bad = t->value + 1e-9 < want;
		else if (rough)
			bad = fabs(t->value / m - q->value) > 0.5 + 1e-9;
		else
			bad = fabs(t->value - want) > 1e-9;
		if (!bad)
			continue;
		char from[200];
		if (src) {
			snprintf(from, sizeof from, "%s", src);
		} else {
			unsigned line, col;
			position(c->text_munis_doc, c->text_munis_off, &line, &col);
			snprintf(from, sizeof from, "as the text says at line %u", line);
		}
		report(c, d, t->start, !rough, "parts",
		       "\"%s \xe2\x80\xa6, %s\": with %d gemeenten (%s) that makes %s, not %s; correct the total, or write \"gemiddeld %s per gemeente\"",
		       quote(c, d, t->start, t->noun_end > t->end ? t->noun_end : t->end),
		       quote(c, d, q->start, each_end), m, from, fmt_num(c, want, 0),
		       fmt_num(c, t->value, 0), fmt_num(c, t->value / m, 1));
	}
}

static void rule_parts(struct ctx *c, struct doc *d)
{
	for (size_t si = 0; si < d->p.n_sent; si++) {
		if (d->p.para[d->p.sent[si].para].heading)
			continue;
		parts_waarvan(c, d, si);
		parts_list(c, d, si);
		parts_municipalities(c, d, si);
	}
}

/* ======================================================================
 * Rule 5: dates
 * ==================================================================== */

static void rule_dates(struct ctx *c, struct doc *d)
{
	for (size_t k = 0; k < d->p.n_dates; k++) {
		const struct tl_written_date *t = &d->p.dates[k];
		if (!t->day)
			continue;
		int y = t->year ? t->year : c->o.report_year;
		const char *q = quote(c, d, t->start, t->end);
		if (t->day > tl_days_in_month(y ? y : 2024, t->month)) {
			report(c, d, t->start, 1, "date", "\"%s\": %s has %d days; correct the date", q,
			       tl_month_name(t->month, TL_LANG_NL), tl_days_in_month(y ? y : 2024, t->month));
			continue;
		}
		if (!t->weekday || !y)
			continue;
		int wd = tl_weekday(y, t->month, t->day);
		if (wd == t->weekday)
			continue;
		if (t->year)
			report(c, d, t->start, 1, "date",
			       "\"%s\": %d %s %d is a %s; correct the weekday or the date", q, t->day,
			       tl_month_name(t->month, TL_LANG_NL), y, tl_weekday_name(wd));
		else
			report(c, d, t->start, 0, "date",
			       "\"%s\": in %d (the report year), %d %s is a %s; correct the weekday, or add the year",
			       q, y, t->day, tl_month_name(t->month, TL_LANG_NL), tl_weekday_name(wd));
	}
}

/* ======================================================================
 * Rule 4: direction and comparison claims
 * ==================================================================== */

static const char *claim_words(enum tl_claim_kind k)
{
	switch (k) {
	case TL_CLAIM_UP: return "rises";
	case TL_CLAIM_DOWN: return "falls";
	case TL_CLAIM_STABLE: return "is stable";
	case TL_CLAIM_BETTER: return "improves";
	case TL_CLAIM_WORSE: return "worsens";
	case TL_CLAIM_HIGHER: return "is higher";
	case TL_CLAIM_LOWER: return "is lower";
	case TL_CLAIM_EQUAL: return "is equal";
	case TL_CLAIM_FAVOURABLE: return "scores favourably";
	case TL_CLAIM_UNFAVOURABLE: return "scores unfavourably";
	}
	return "";
}

static void remember_direction(struct ctx *c, const struct doc *d, const struct tl_claim *cl,
			       const char *ind, const char *reg)
{
	if (c->n_dcl >= MAX_FACTS)
		return;
	GROW(c, c->dcl, c->n_dcl, c->cap_dcl);
	size_t si = tl_prose_sentence_at(&d->p, cl->start);
	size_t para = si < d->p.n_sent ? d->p.sent[si].para : 0;
	c->dcl[c->n_dcl++] = (struct dclaim){ind, reg, cl->kind, d, cl->start, cl->end, para};
}

/* Movement over time: the latest value against the one before it and
 * against the earliest comparable one of the last five years.  A claim is
 * contradicted only when both comparisons go against it. */
static void claim_direction(struct ctx *c, struct doc *d, const struct tl_claim *cl,
			    const struct tl_indicator *ind, const char *reg, int strong, int via,
			    const struct tl_binding *bnd)
{
	size_t n;
	const struct tl_observation *s = tl_model_series(c->m, ind->slug, reg, &n);
	long last = tl_series_latest(s, n);
	/* "stijgt naar {{x PV22 2024}}": the movement up to the bound period */
	if (bnd && !bnd->latest && last >= 0) {
		last = -1;
		for (size_t i = 0; i < n; i++)
			if (!tl_period_cmp(&s[i].period, &bnd->period) && tl_status_has_value(s[i].status))
				last = (long)i;
	}
	if (last < 0)
		return;
	long prev = -1, early = -1;
	for (long i = last - 1; i >= 0; i--) {
		if (!tl_status_has_value(s[i].status) || s[i].period.kind != s[last].period.kind)
			continue;
		if (tl_series_breaks_between(ind, &s[i].period, &s[last].period))
			break;
		if (s[last].period.year - s[i].period.year > 6)
			break;
		if (prev < 0)
			prev = i;
		early = i;
	}
	if (prev < 0)
		return;
	const struct tl_observation *L = &s[last], *P = &s[prev], *E = &s[early];
	int d1 = tl_compare_rounded(L->value, P->value, ind->decimals);
	int d2 = tl_compare_rounded(L->value, E->value, ind->decimals);
	int bad = 0;
	switch (cl->kind) {
	case TL_CLAIM_UP: bad = d1 <= 0 && d2 <= 0; break;
	case TL_CLAIM_DOWN: bad = d1 >= 0 && d2 >= 0; break;
	case TL_CLAIM_STABLE:
		bad = d1 == d2 && d1 != 0 && fabs(L->value - E->value) > 0.05 * fabs(E->value);
		break;
	case TL_CLAIM_BETTER:
	case TL_CLAIM_WORSE: {
		if (ind->polarity == TL_POLARITY_NEUTRAL)
			return;
		int j1 = tl_judge_change(ind->polarity, P->value, L->value, ind->decimals);
		int j2 = tl_judge_change(ind->polarity, E->value, L->value, ind->decimals);
		bad = cl->kind == TL_CLAIM_BETTER ? (j1 <= 0 && j2 <= 0) : (j1 >= 0 && j2 >= 0);
		break;
	}
	default: return;
	}
	if (!bad)
		return;
	const char *dir = d2 > 0 ? "up" : d2 < 0 ? "down" : "level";
	tl_buf b = TL_BUF_INIT;
	tl_buf_printf(&b, "\"%s\" (%s, %s%s): the data say %s in %d", quote(c, d, cl->start, cl->end),
		      ind->slug, region_name(c, reg),
		      via == 4 ? ", the chart after this paragraph" : via == 3 ? ", as in the sentence before" : "",
		      fmt_value(c, ind, L->value), L->period.year);
	if (prev != early)
		tl_buf_printf(&b, ", %s in %d and %s in %d", fmt_value(c, ind, P->value), P->period.year,
			      fmt_value(c, ind, E->value), E->period.year);
	else
		tl_buf_printf(&b, " and %s in %d", fmt_value(c, ind, P->value), P->period.year);
	tl_buf_printf(&b, " (%s), so it does not %s; change the words or drop the claim", dir,
		      cl->kind == TL_CLAIM_UP ? "rise" : cl->kind == TL_CLAIM_DOWN ? "fall" :
		      cl->kind == TL_CLAIM_STABLE ? "stay stable" :
		      cl->kind == TL_CLAIM_BETTER ? "improve" : "worsen");
	report(c, d, cl->start, strong && via == 1, "claim", "%s", b.data);
	tl_buf_free(&b);
}

/* The latest period in which both regions have a value (the year named in
 * the sentence when there is one). */
static int both_values(struct ctx *c, const char *ind, const char *a, const char *b, const int *years,
		       size_t ny, const struct tl_observation **oa, const struct tl_observation **ob)
{
	size_t n;
	const struct tl_observation *s = tl_model_series(c->m, ind, a, &n);
	int y = 0;
	for (size_t i = 0; i < ny; i++)
		if (years[i] > y)
			y = years[i];
	for (size_t i = n; i-- > 0;) {
		if (!tl_status_has_value(s[i].status) || (y && s[i].period.year != y))
			continue;
		const struct tl_observation *o = tl_model_obs(c->m, ind, b, &s[i].period);
		if (o && tl_status_has_value(o->status)) {
			*oa = &s[i];
			*ob = o;
			return 1;
		}
	}
	return 0;
}

static void claim_compare(struct ctx *c, struct doc *d, size_t si, const struct tl_claim *cl,
			  const struct tl_indicator *ind, const char *subj_hint, int strong, int via)
{
	const struct tl_sentence *s = &d->p.sent[si];
	if (!c->national || !c->focus)
		return;
	/* subject: the nearest region before the claim, or the hint (a binding's) */
	const char *subj = NULL;
	for (size_t k = ment_from(d, s->start); k < d->n_ment && d->ment[k].start < cl->start; k++) {
		const struct mention *m = &d->ment[k];
		if (m->end <= cl->start && m->code && cl->start - m->end < 400 &&
		    clauses_between(d, m->end, cl->start) == 0)
			subj = m->code;
	}
	if (!subj)
		subj = subj_hint ? subj_hint : c->focus->code;
	/* reference: a region named after the claim in the same clause */
	const char *ref = NULL;
	for (size_t k = ment_from(d, cl->end); k < d->n_ment && d->ment[k].start < s->end; k++) {
		const struct mention *m = &d->ment[k];
		if (m->start - cl->end >= 80)
			break;
		if (m->code && clauses_between(d, cl->end, m->start) == 0) {
			ref = m->code;
			break;
		}
	}
	size_t wi = tl_prose_word_at(&d->p, cl->start);
	int bovengemiddeld = word_is(d, wi, "bovengemiddeld") || word_is(d, wi, "bovengemiddelde") ||
			     word_is(d, wi, "ondergemiddeld") || word_is(d, wi, "ondergemiddelde");
	if (!ref && (cl->flags & TL_CF_THAN) && !bovengemiddeld) {
		/* "lager dan voor de coronapandemie", "dan in stedelijke kernen":
		 * compared with something that is not a region */
		size_t wd = tl_prose_word_at(&d->p, cl->end);
		int named_national = 0;
		for (size_t w = wd; w < d->p.n_words && w < wd + 10 && d->p.words[w].start < s->end; w++) {
			if (word_is(d, w, "dan") || word_is(d, w, "als")) {
				for (size_t k = ment_from(d, d->p.words[w].start);
				     k < d->n_ment && d->ment[k].start < d->p.words[w].start + 40; k++)
					if (d->ment[k].level == ML_NATIONAL)
						named_national = 1;
				break;
			}
		}
		if (!named_national)
			return;
	}
	if (!ref) {
		if ((cl->flags & TL_CF_NATIONAL) || bovengemiddeld)
			ref = c->national->code;
		else if (!strcmp(subj, c->national->code))
			ref = c->focus->code;
	}
	if (!ref || !strcmp(subj, ref))
		return;
	if (!strcmp(ref, c->national->code) && strcmp(subj, c->focus->code) && !is_muni(c, subj))
		return;
	int years[8], future;
	size_t ny = years_in(c, d, si, years, 8, &future);
	if (future)
		return;
	const struct tl_observation *oa, *ob;
	if (!both_values(c, ind->slug, subj, ref, years, ny, &oa, &ob))
		return;
	int cmp = tl_compare_rounded(oa->value, ob->value, ind->decimals);
	int bad;
	int loose = word_is(d, wi, "in"); /* "in lijn met": within 2% */
	switch (cl->kind) {
	case TL_CLAIM_HIGHER: bad = cmp <= 0; break;
	case TL_CLAIM_LOWER: bad = cmp >= 0; break;
	case TL_CLAIM_EQUAL:
		bad = loose ? fabs(oa->value - ob->value) > 0.02 * fabs(ob->value) + 1e-9 : cmp != 0;
		break;
	default: return;
	}
	if (!bad)
		return;
	const char *rel = cmp > 0 ? "higher than" : cmp < 0 ? "lower than" : "equal to";
	report(c, d, cl->start, strong && via == 1, "claim",
	       "\"%s\" (%s, %s against %s%s): the data say %s for %s and %s for %s in %d — %s is %s %s; change the words",
	       quote(c, d, cl->start, cl->end), ind->slug, region_name(c, subj), region_name(c, ref),
	       via == 4 ? ", the chart after this paragraph" : via == 3 ? ", as in the sentence before" : "",
	       fmt_value(c, ind, oa->value), region_name(c, subj), fmt_value(c, ind, ob->value),
	       region_name(c, ref), oa->period.year, region_name(c, subj), rel, region_name(c, ref));
}

static int cmp_desc(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* "Emmen scoort ongunstig": the municipality's place among the focus
 * region's municipalities on the indicators the sentence names. */
static void claim_ranking(struct ctx *c, struct doc *d, size_t si, const struct tl_claim *cl)
{
	if (c->n_munis < 4)
		return;
	const struct tl_sentence *s = &d->p.sent[si];
	const char *subj = NULL;
	for (size_t k = ment_from(d, s->start); k < d->n_ment && d->ment[k].start < cl->start; k++)
		if (d->ment[k].end <= cl->start && d->ment[k].muni)
			subj = d->ment[k].code;
	if (!subj)
		for (size_t k = ment_from(d, cl->end); k < d->n_ment && !subj && d->ment[k].start < s->end; k++)
			if (d->ment[k].muni)
				subj = d->ment[k].code;
	if (!subj)
		return;
	/* the indicators: named here, or "deze indicatoren" before, or "Dit
	 * betreft …" right after */
	struct cand cand[8];
	size_t nc = 0;
	nc = binds_in(d, si, cl->start, cand, 8, c->m);
	if (!nc)
		nc = titles_in(c, d, si, cl->start, cand, 8, 1);
	if (!nc) {
		static const char *const these[] = {"deze", NULL};
		if (sent_has(d, si, these)) {
			for (size_t back = 1; back <= 3 && back <= si && !nc; back++) {
				size_t p = si - back;
				if (d->p.sent[p].para != d->p.sent[si].para)
					break;
				nc = binds_in(d, p, d->p.sent[p].end, cand, 8, c->m);
				if (!nc)
					nc = titles_in(c, d, p, d->p.sent[p].end, cand, 8, 1);
			}
		}
		if (!nc && si + 1 < d->p.n_sent) {
			size_t wb, we;
			sent_words(d, si + 1, &wb, &we);
			if (word_is(d, wb, "dit") && word_is(d, wb + 1, "betreft"))
				nc = titles_in(c, d, si + 1, d->p.sent[si + 1].start, cand, 8, 1);
		}
	}
	if (!nc)
		return;
	/* all indicators, not only the nearest: a list "zoals A en B" */
	int want_bad = cl->kind == TL_CLAIM_UNFAVOURABLE;
	size_t with_data = 0, contradicted = 0;
	tl_buf detail = TL_BUF_INIT;
	const char *seen[8];
	size_t nseen = 0;
	for (size_t k = 0; k < nc; k++) {
		const struct tl_indicator *ind = cand[k].d;
		if (!ind || ind->polarity == TL_POLARITY_NEUTRAL)
			continue;
		int dup = 0;
		for (size_t j = 0; j < nseen; j++)
			dup |= seen[j] == ind->slug;
		if (dup)
			continue;
		seen[nseen++] = ind->slug;
		struct tl_period p;
		size_t cov;
		if (tl_best_period(c->m, ind->slug, c->munis, c->n_munis, &p, &cov) || cov < 4)
			continue;
		const struct tl_observation *so = tl_model_obs(c->m, ind->slug, subj, &p);
		if (!so || !tl_status_has_value(so->status))
			continue;
		double vals[512];
		size_t nv = 0;
		for (size_t r = 0; r < c->n_munis && nv < 512; r++) {
			const struct tl_observation *o = tl_model_obs(c->m, ind->slug, c->munis[r]->code, &p);
			if (o && tl_status_has_value(o->status))
				vals[nv++] = ind->polarity == TL_POLARITY_HIGHER_BETTER ? o->value : -o->value;
		}
		qsort(vals, nv, sizeof *vals, cmp_desc);
		double mine = ind->polarity == TL_POLARITY_HIGHER_BETTER ? so->value : -so->value;
		size_t rank = 1;
		for (size_t r = 0; r < nv; r++)
			if (vals[r] > mine + 1e-12)
				rank++;
		with_data++;
		int good_third = rank <= nv / 3;
		int bad_third = rank > nv - nv / 3;
		int contra = want_bad ? good_third : bad_third;
		if (contra) {
			contradicted++;
			tl_buf_printf(&detail, "%s%s ranks %zu of %zu on %s (%s, %d)", detail.len ? "; " : "",
				      region_name(c, subj), rank, nv, ind->slug, fmt_value(c, ind, so->value),
				      p.year);
		}
	}
	if (with_data && contradicted == with_data) {
		report(c, d, cl->start, 0, "claim",
		       "\"%s\" (%s): %s (1 = best); the claim that %s %s does not hold there — name the indicators where it does, or drop it",
		       quote(c, d, cl->start, cl->end), region_name(c, subj), detail.data,
		       region_name(c, subj), claim_words(cl->kind));
	}
	tl_buf_free(&detail);
}

static void rule_claims(struct ctx *c, struct doc *d)
{
	if (!c->m)
		return;
	for (size_t k = 0; k < d->p.n_claims; k++) {
		const struct tl_claim *cl = &d->p.claims[k];
		if (cl->flags & (TL_CF_NEGATED | TL_CF_FUTURE))
			continue;
		size_t si = tl_prose_sentence_at(&d->p, cl->start);
		if (si >= d->p.n_sent || d->p.para[d->p.sent[si].para].heading)
			continue;
		if (cl->kind == TL_CLAIM_FAVOURABLE || cl->kind == TL_CLAIM_UNFAVOURABLE) {
			claim_ranking(c, d, si, cl);
			continue;
		}
		struct cand cand[8];
		size_t nc = candidates(c, d, si, cl->start, 1, cand, 8);
		if (!nc)
			continue;
		/* one indicator, or the same verdict from all candidates: take
		 * the first candidate that has data (warnings only when weak) */
		for (size_t i = 0; i < nc; i++) {
			const struct tl_indicator *ind = cand[i].d;
			if (!ind)
				continue;
			int strong = cand[i].via == 1 || cand[i].via == 2;
			if (cl->kind == TL_CLAIM_HIGHER || cl->kind == TL_CLAIM_LOWER || cl->kind == TL_CLAIM_EQUAL) {
				if (nc > 1 && cand[i].via != 1)
					break; /* ambiguous: several indicators named */
				claim_compare(c, d, si, cl, ind, cand[i].region, strong, cand[i].via);
				break;
			}
			const char *regs[6];
			size_t nr;
			if (cand[i].region && cand[i].via == 1) {
				regs[0] = cand[i].region;
				nr = 1;
			} else {
				nr = regions_at(c, d, si, cl->start, regs, 6);
			}
			if (nr != 1 || (nc > 1 && cand[i].via != 1))
				break;
			if (strong && (cl->kind == TL_CLAIM_UP || cl->kind == TL_CLAIM_DOWN ||
				       cl->kind == TL_CLAIM_STABLE))
				remember_direction(c, d, cl, ind->slug, regs[0]);
			claim_direction(c, d, cl, ind, regs[0], strong, cand[i].via,
					cand[i].via == 1 ? cand[i].b : NULL);
			break;
		}
	}
}

/* ======================================================================
 * Rule 7: form
 * ==================================================================== */

/* Does a link target point at a story page ("verhalen/x.html",
 * "./verhalen/x.html")?  Returns the length of that prefix, or 0. */
static size_t story_target(const char *t, size_t n)
{
	static const char *const pre[] = {"verhalen/", "./verhalen/", "../verhalen/", NULL};
	for (size_t i = 0; pre[i]; i++) {
		size_t l = strlen(pre[i]);
		if (n > l && !strncmp(t, pre[i], l))
			return l;
	}
	return 0;
}

/* "[Lees het interview](verhalen/x.html)": x must be a published story,
 * when the caller knows the stories. */
static void check_story_link(struct ctx *c, struct doc *d, size_t close, size_t end, const char *slug,
			     size_t n)
{
	if (!c->o.know_stories)
		return;
	size_t l = 0;
	while (l < n && slug[l] != '.' && slug[l] != '#' && slug[l] != '?' && slug[l] != ' ')
		l++;
	for (size_t i = 0; i < c->o.n_stories; i++)
		if (c->o.stories[i] && strlen(c->o.stories[i]) == l && !strncmp(c->o.stories[i], slug, l))
			return;
	/* the link text: back to "[" on the same line */
	size_t k = close;
	while (k > 0 && close - k < 512 && d->src[k - 1] != '\n' && d->src[k] != '[')
		k--;
	if (d->src[k] != '[')
		k = close;
	report(c, d, k, 0, "form",
	       "\"%s\": the story link goes nowhere: there is no published story \"%.*s\"; link one of the "
	       "stories in stories/, or publish this one",
	       quote(c, d, k, end + 1), (int)l, slug);
}

/* Links with no target: "[lees artikel](#)", "[tekst]()". */
static void form_links(struct ctx *c, struct doc *d)
{
	const char *t = d->src;
	for (size_t i = 0; i + 1 < d->len; i++) {
		if (t[i] != ']' || t[i + 1] != '(')
			continue;
		size_t j = i + 2;
		while (j < d->len && j < i + 2 + 512 && t[j] != ')' && t[j] != '\n')
			j++;
		if (j >= d->len || t[j] != ')')
			continue;
		size_t a = i + 2, b = j;
		while (a < b && t[a] == ' ')
			a++;
		while (b > a && t[b - 1] == ' ')
			b--;
		size_t story = story_target(t + a, b - a);
		if (story) {
			check_story_link(c, d, i, j, t + a + story, b - a - story);
			i = j;
			continue;
		}
		if (!(b == a || (b - a == 1 && t[a] == '#')))
			continue;
		/* the link text: back to the unescaped "[" on the same line */
		size_t k = i;
		int depth = 0;
		while (k > 0 && i - k < 512 && t[k - 1] != '\n') {
			k--;
			if (t[k] == ']' && !(k > 0 && t[k - 1] == '\\'))
				depth++;
			if (t[k] == '[' && !(k > 0 && t[k - 1] == '\\')) {
				if (depth == 0)
					break;
				depth--;
			}
		}
		if (t[k] != '[')
			continue;
		report(c, d, k, 0, "form", "\"%s\": the link goes nowhere (%s); add the address or remove the link",
		       quote(c, d, k, j + 1), b == a ? "empty target" : "target \"#\"");
		i = j;
	}
}

/* "€ 750,000,-", "1,234.5", "74.2%": English notation in Dutch text. */
static void form_numbers(struct ctx *c, struct doc *d)
{
	for (size_t k = 0; k < d->p.n_q; k++) {
		const struct tl_quantity *q = &d->p.q[k];
		if (!(q->flags & TL_QF_FOREIGN))
			continue;
		tl_buf b = TL_BUF_INIT;
		double v = q->value;
		int dec = q->decimals;
		if (q->flags & TL_QF_SCALED) {
			/* "2.5 miljoen": rewrite the figure only */
			v = q->value / (q->value >= 1e9 ? 1e9 : q->value >= 1e6 ? 1e6 : 1e3);
		}
		if (q->kind == TL_Q_EURO)
			tl_buf_puts(&b, "\xe2\x82\xac ");
		tl_fmt_number(&b, v, dec, TL_LANG_NL);
		if (q->flags & TL_QF_SCALED)
			tl_buf_puts(&b, q->value >= 1e9 ? " miljard" : q->value >= 1e6 ? " miljoen" : " duizend");
		if (q->flags & TL_QF_DASH)
			tl_buf_puts(&b, ",-");
		if (q->kind == TL_Q_PERCENT)
			tl_buf_puts(&b, "%");
		report(c, d, q->num_start, 1, "form",
		       "\"%s\": English notation (a comma between thousands, a point before decimals); in Dutch write %s",
		       quote(c, d, q->num_start, q->num_end), b.data);
		tl_buf_free(&b);
	}
}

/* ======================================================================
 * Rule 8: consistency — facts collected per document, compared across
 * ==================================================================== */

static int topics_match(const struct fact *a, const struct fact *b)
{
	for (size_t i = 0; i < a->n_topic; i++)
		for (size_t j = 0; j < b->n_topic; j++) {
			const char *x = a->topic[i], *y = b->topic[j];
			if (!strcmp(x, y))
				return 1;
			/* one contains the other as whole words */
			const char *sh = strlen(x) < strlen(y) ? x : y, *lg = sh == x ? y : x;
			size_t sl = strlen(sh);
			if (!strchr(sh, ' '))
				continue;
			for (const char *p = strstr(lg, sh); p; p = strstr(p + 1, sh))
				if ((p == lg || p[-1] == ' ') && (p[sl] == '\0' || p[sl] == ' '))
					return 1;
		}
	return 0;
}

/* Topics of sentence si: quoted names in it, else the most recent name
 * within the last eight paragraphs (a quoted programme name, or an
 * interview title in capitals). */
static size_t topics_of(const struct doc *d, size_t si, const char **out, int *in_sentence)
{
	const struct tl_sentence *s = &d->p.sent[si];
	size_t n = 0;
	*in_sentence = 0;
	size_t k0 = name_from(d, s->start);
	for (size_t k = k0; k < d->n_names && n < MAX_TOPICS && d->names[k].start < s->end; k++)
		if (d->names[k].end <= s->end && d->names[k].quoted)
			out[n++] = d->names[k].norm;
	if (n) {
		*in_sentence = 1;
		return n;
	}
	/* the most recent name before the sentence, if near enough */
	if (k0 > 0 && d->names[k0 - 1].para + 8 >= d->p.sent[si].para)
		out[n++] = d->names[k0 - 1].norm;
	return n;
}

static unsigned predicates(const struct doc *d, size_t si)
{
	static const char *const work[] = {"baan", "banen", "werk", "werken", "betaalde", "arbeidsmarkt", NULL};
	static const char *const funded[] = {"subsidie", "bijdrage", "toegekend", "ondersteund",
					     "ontvingen", "ontving", "gefinancierd", NULL};
	static const char *const join[] = {"deelnemers", "deelgenomen", "deelname", "meegedaan", NULL};
	static const char *const nominated[] = {"genomineerd", "nominaties", NULL};
	unsigned p = 0;
	if (sent_has(d, si, work))
		p |= P_WORK;
	if (sent_has(d, si, funded))
		p |= P_FUNDED;
	if (sent_has(d, si, join))
		p |= P_JOIN;
	if (sent_has(d, si, nominated))
		p |= P_NOMINATED;
	return p;
}

static unsigned scopes(const struct doc *d, size_t si)
{
	static const char *const pilot[] = {"pilot", "pilotjaar", "pilotproject", "proef", "proefperiode", NULL};
	static const char *const target[] = {"doel", "doelen", "streven", "ambitie", "beoogd", "moet",
					     "moeten", "willen", NULL};
	unsigned s = 0;
	if (sent_has(d, si, pilot))
		s |= S_PILOT;
	if (sent_has(d, si, target))
		s |= S_TARGET;
	return s;
}

static const char *people_suffix[] = {"bewoners", "zoekers", "houders", "deelnemers", "vrijwilligers",
				      "inwoners", "mensen", "personen", "jongeren", "kinderen",
				      "leerlingen", "gezinnen", "huishoudens", "mantelzorgers", NULL};

static void noun_class(const struct doc *d, size_t s, size_t e, char *out, size_t cap)
{
	char w[40];
	out[0] = '\0';
	if (e <= s || !tl_prose_lower(d->text + s, e - s, w, sizeof w))
		return;
	size_t l = strlen(w);
	for (size_t i = 0; people_suffix[i]; i++) {
		size_t sl = strlen(people_suffix[i]);
		if (l >= sl && !strcmp(w + l - sl, people_suffix[i])) {
			snprintf(out, cap, "people");
			return;
		}
	}
	snprintf(out, cap, "%s", w);
}

static void add_fact(struct ctx *c, const struct fact *f)
{
	if (c->n_facts >= MAX_FACTS)
		return;
	GROW(c, c->facts, c->n_facts, c->cap_facts);
	c->facts[c->n_facts++] = *f;
}

/* Counts and amounts with a topic and a predicate: "Gedurende de pilot
 * vonden 22 asielzoekers een betaalde baan"; "In het eerste pilotjaar van
 * 2024 waren dat er 31" (the noun and predicate of the sentence before). */
static void collect_counts(struct ctx *c, struct doc *d)
{
	struct fact prev_sent_fact, cache;
	memset(&cache, 0, sizeof cache);
	size_t cached = SIZE_MAX;
	int have_prev = 0;
	size_t prev_si = (size_t)-1;
	for (size_t qi = 0; qi < d->p.n_q; qi++) {
		const struct tl_quantity *q = &d->p.q[qi];
		if ((q->kind != TL_Q_COUNT && q->kind != TL_Q_EURO) || (q->flags & (TL_QF_ODD | TL_QF_DOTDEC)))
			continue;
		size_t si = tl_prose_sentence_at(&d->p, q->start);
		if (si >= d->p.n_sent || d->p.para[d->p.sent[si].para].heading)
			continue;
		if (have_prev && prev_si != si && prev_si + 1 != si)
			have_prev = 0;
		struct fact f;
		memset(&f, 0, sizeof f);
		f.kind = q->kind == TL_Q_EURO ? F_MONEY : F_COUNT;
		f.d = d;
		f.start = q->start;
		f.end = q->noun_end > q->end ? q->noun_end : q->end;
		f.sent = si;
		f.value = q->value;
		tl_quantity_range(q, &f.lo, &f.hi);
		if (si != cached) {
			int fut;
			cached = si;
			cache.pred = predicates(d, si);
			cache.scope = scopes(d, si);
			cache.n_years = years_in(c, d, si, cache.years, 4, &fut);
			cache.n_topic = topics_of(d, si, cache.topic, &cache.topic_in_sentence);
		}
		f.pred = cache.pred;
		f.scope = cache.scope;
		f.n_years = cache.n_years;
		memcpy(f.years, cache.years, sizeof f.years);
		f.n_topic = cache.n_topic;
		memcpy(f.topic, cache.topic, sizeof f.topic);
		f.topic_in_sentence = cache.topic_in_sentence;
		if (f.kind == F_MONEY) {
			snprintf(f.cls, sizeof f.cls, "euro");
		} else if (q->noun_end > q->noun_start) {
			noun_class(d, q->noun_start, q->noun_end, f.cls, sizeof f.cls);
		} else {
			/* "waren dat er 31": the thing counted in the sentence before */
			size_t wi = tl_prose_word_at(&d->p, q->start);
			int anaphor = wi > 0 && word_is(d, wi - 1, "er");
			if (anaphor && have_prev && prev_si + 1 == si &&
			    d->p.sent[prev_si].para == d->p.sent[si].para) {
				snprintf(f.cls, sizeof f.cls, "%s", prev_sent_fact.cls);
				f.pred |= prev_sent_fact.pred;
				if (!f.n_topic) {
					f.n_topic = prev_sent_fact.n_topic;
					memcpy(f.topic, prev_sent_fact.topic, sizeof f.topic);
				}
			}
		}
		if (f.kind == F_COUNT && f.cls[0]) {
			prev_sent_fact = f;
			have_prev = 1;
			prev_si = si;
		}
		if (!f.cls[0] || !f.n_topic || !f.pred)
			continue;
		add_fact(c, &f);
	}
}

/* Start years: "Sinds 2023 loopt … het pilotproject 'X'", "in juni 2024 is
 * de pilot gestart". */
static void collect_starts(struct ctx *c, struct doc *d)
{
	static const char *const verbs[] = {"gestart", "startte", "startten", "begonnen", "begon",
					    "opgestart", NULL};
	static const char *const running[] = {"loopt", "lopen", "bestaat", "draait", NULL};
	static const char *const since[] = {"sinds", "vanaf", NULL};
	static const char *const subjects[] = {"pilot", "pilotproject", "project", "programma",
					       "regeling", "steunpunt", "aanpak", "initiatief", NULL};
	for (size_t si = 0; si < d->p.n_sent; si++) {
		if (d->p.para[d->p.sent[si].para].heading)
			continue;
		size_t wb, we;
		sent_words(d, si, &wb, &we);
		long verb = -1;
		int since_form = 0;
		for (size_t w = wb; w < we && verb < 0; w++) {
			if (word_in(d, w, verbs))
				verb = (long)w;
			else if (word_is(d, w, "van") && word_is(d, w + 1, "start"))
				verb = (long)w;
		}
		if (verb < 0) {
			int has_since = 0;
			for (size_t w = wb; w < we; w++)
				has_since |= word_in(d, w, since);
			if (has_since && sent_has(d, si, running)) {
				since_form = 1;
				verb = (long)wb;
			}
		}
		if (verb < 0)
			continue;
		static const char *const future[] = {"gaat", "gaan", "zal", "zullen", "wordt", "verwacht", NULL};
		if (sent_has(d, si, future))
			continue;
		/* the subject class, named in the sentence */
		char cls[40] = "";
		for (size_t w = wb; w < we && !cls[0]; w++)
			for (size_t k = 0; subjects[k]; k++)
				if (word_is(d, w, subjects[k]))
					snprintf(cls, sizeof cls, "%s",
						 !strncmp(subjects[k], "pilot", 5) ? "pilot" : subjects[k]);
		/* the year: after "sinds", else the one nearest before the verb */
		int year = 0;
		size_t ystart = 0, yend = 0;
		size_t voff = d->p.words[verb].start;
		const struct tl_sentence *s = &d->p.sent[si];
		for (size_t k = q_from(d, s->start); k < d->p.n_q && d->p.q[k].start < s->end; k++) {
			const struct tl_quantity *q = &d->p.q[k];
			if (q->kind != TL_Q_YEAR)
				continue;
			if (since_form) {
				if (word_before(d, q->start, "sinds") || word_before(d, q->start, "vanaf")) {
					year = (int)q->value;
					ystart = q->start;
					yend = q->end;
				}
			} else if (q->end <= voff || !year) {
				year = (int)q->value;
				ystart = q->start;
				yend = q->end;
			}
		}
		for (size_t k = date_from(d, s->start); k < d->p.n_dates && !since_form &&
							     d->p.dates[k].start < s->end; k++) {
			const struct tl_written_date *t = &d->p.dates[k];
			if (!t->year || t->end > voff)
				continue;
			if (!year || t->start > ystart) {
				year = t->year;
				ystart = t->start;
				yend = t->end;
			}
		}
		if (!year)
			continue;
		struct fact f;
		memset(&f, 0, sizeof f);
		f.kind = F_START;
		f.d = d;
		/* quote from the year (or "sinds") to the verb, or the other way round */
		size_t vb = d->p.words[verb].start, ve = d->p.words[verb].end;
		if (verb + 1 < (long)we && word_is(d, (size_t)verb, "van"))
			ve = d->p.words[verb + 1].end;
		f.start = ystart < vb ? ystart : vb;
		f.end = yend > ve ? yend : ve;
		if (since_form) {
			size_t ws = tl_prose_word_at(&d->p, ystart);
			f.start = ws ? d->p.words[ws - 1].start : ystart;
		}
		if (f.end - f.start > 160) {
			f.start = ystart;
			f.end = yend;
		}
		f.sent = si;
		f.value = f.lo = f.hi = year;
		snprintf(f.cls, sizeof f.cls, "%s", cls);
		f.n_topic = topics_of(d, si, f.topic, &f.topic_in_sentence);
		if (!f.n_topic || (!cls[0] && !f.topic_in_sentence))
			continue;
		add_fact(c, &f);
	}
}

static int years_compatible(const struct fact *a, const struct fact *b)
{
	if (!a->n_years || !b->n_years)
		return 1;
	for (size_t i = 0; i < a->n_years; i++)
		for (size_t j = 0; j < b->n_years; j++)
			if (a->years[i] == b->years[j])
				return 1;
	return 0;
}

static void cross_facts(struct ctx *c)
{
	for (size_t j = 1; j < c->n_facts; j++) {
		const struct fact *b = &c->facts[j];
		for (size_t i = 0; i < j; i++) {
			const struct fact *a = &c->facts[i];
			if (a->kind != b->kind || !topics_match(a, b))
				continue;
			if (a->d == b->d && a->sent == b->sent)
				continue;
			if (a->kind == F_START) {
				if (a->cls[0] && b->cls[0] && strcmp(a->cls, b->cls))
					continue;
				if (a->value == b->value)
					continue;
				unsigned line, col;
				position(a->d, a->start, &line, &col);
				report(c, b->d, b->start, 0, "consistency",
				       "\"%s\": the start year %d differs from %d in \"%s\" (%s:%u); correct one of them",
				       quote(c, b->d, b->start, b->end), (int)b->value, (int)a->value,
				       quote(c, a->d, a->start, a->end), a->d->name, line);
				break;
			}
			if (strcmp(a->cls, b->cls) || !(a->pred & b->pred) || a->scope != b->scope ||
			    !years_compatible(a, b))
				continue;
			if (b->lo <= a->hi + 1e-9 && a->lo <= b->hi + 1e-9)
				continue; /* the same, within their rounding */
			unsigned line, col;
			position(a->d, a->start, &line, &col);
			char where[300];
			if (a->d == b->d)
				snprintf(where, sizeof where, "line %u", line);
			else
				snprintf(where, sizeof where, "%s:%u", a->d->name, line);
			report(c, b->d, b->start, 0, "consistency",
			       "\"%s\" (%s): %s says \"%s\" for what looks like the same quantity; correct one, or say what differs (period, group)",
			       quote(c, b->d, b->start, b->end), b->topic[0], where,
			       quote(c, a->d, a->start, a->end));
			break;
		}
	}
}

/* Direction claims about one indicator and region that contradict each
 * other: "stabiel" in one place, "neemt af" in another. */
static void cross_directions(struct ctx *c)
{
	unsigned char *used = tl_arena_alloc(c->a, c->n_dcl + 1);
	for (size_t j = 1; j < c->n_dcl; j++) {
		const struct dclaim *b = &c->dcl[j];
		for (size_t i = 0; i < j; i++) {
			const struct dclaim *a = &c->dcl[i];
			if (used[i] || strcmp(a->indicator, b->indicator) || strcmp(a->region, b->region) ||
			    a->kind == b->kind)
				continue;
			/* "na een daling … nu weer een stijging": a story in one
			 * paragraph is not a contradiction */
			if (a->d == b->d && a->para == b->para)
				continue;
			used[i] = 1;
			unsigned line, col;
			position(a->d, a->start, &line, &col);
			report(c, b->d, b->start, 0, "consistency",
			       "\"%s\" (%s, %s) contradicts \"%s\" at %s:%u; say the same thing in both places",
			       quote(c, b->d, b->start, b->end), b->indicator, region_name(c, b->region),
			       quote(c, a->d, a->start, a->end), a->d->name, line);
			break;
		}
	}
}

/* ---- Duplicate paragraphs and names spelt two ways ---------------------- */

struct pref {
	uint64_t h;
	size_t doc; /* index in ctx.docs: text order across documents */
	size_t para;
	const char *norm;
};

static int pref_cmp(const void *x, const void *y)
{
	const struct pref *a = x, *b = y;
	if (a->h != b->h)
		return a->h < b->h ? -1 : 1;
	/* keep text order within equal hashes */
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return a->para < b->para ? -1 : a->para > b->para;
}

static void cross_duplicates(struct ctx *c)
{
	size_t total = 0;
	for (size_t i = 0; i < c->n_docs; i++)
		total += c->docs[i]->p.n_para;
	struct pref *v = TL_NEW_ARRAY(c->a, struct pref, total ? total : 1);
	size_t n = 0;
	for (size_t i = 0; i < c->n_docs; i++) {
		const struct doc *d = c->docs[i];
		for (size_t p = 0; p < d->p.n_para; p++) {
			const struct tl_paragraph *pp = &d->p.para[p];
			if (pp->heading || pp->end - pp->start < 150)
				continue;
			/* one sentence repeated is often a formula ("… met de
			 * volgende doelstellingen:"); two or more is a paste */
			size_t ns = 0;
			for (size_t k = tl_prose_sentence_at(&d->p, pp->start);
			     k < d->p.n_sent && d->p.sent[k].para == p && ns < 2; k++)
				ns++;
			if (ns < 2)
				continue;
			size_t nw;
			char *nm = norm_name(c, d->text + pp->start, pp->end - pp->start, &nw);
			uint64_t h = 1469598103934665603ULL;
			for (const char *s = nm; *s; s++)
				h = (h ^ (unsigned char)*s) * 1099511628211ULL;
			v[n++] = (struct pref){h, i, p, nm};
		}
	}
	qsort(v, n, sizeof *v, pref_cmp);
	for (size_t i = 1; i < n; i++) {
		if (v[i].h != v[i - 1].h || strcmp(v[i].norm, v[i - 1].norm))
			continue;
		const struct pref *first = &v[i - 1];
		while (first > v && first[-1].h == v[i].h && !strcmp(first[-1].norm, v[i].norm))
			first--;
		const struct doc *fd = c->docs[first->doc], *sd = c->docs[v[i].doc];
		const struct tl_paragraph *fp = &fd->p.para[first->para];
		const struct tl_paragraph *sp = &sd->p.para[v[i].para];
		unsigned line, col;
		position(fd, fp->start, &line, &col);
		char where[300];
		if (fd == sd)
			snprintf(where, sizeof where, "line %u", line);
		else
			snprintf(where, sizeof where, "%s:%u", fd->name, line);
		report(c, sd, sp->start, 1, "form",
		       "\"%s\": this paragraph repeats the one at %s word for word; delete one of them",
		       quote(c, sd, sp->start, sp->start + 60 < sp->end ? sp->start + 60 : sp->end), where);
	}
}

/* Equal when ASCII and Latin-1 capitals are folded, and of equal length. */
static int same_but_case(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char x[256], y[256];
	if (la != lb || !tl_prose_lower(a, la, x, sizeof x) || !tl_prose_lower(b, lb, y, sizeof y))
		return 0;
	return !strcmp(x, y);
}

struct nref {
	const char *norm;
	size_t doc, idx;
};

static int nref_cmp(const void *x, const void *y)
{
	const struct nref *a = x, *b = y;
	int r = strcmp(a->norm, b->norm);
	if (r)
		return r;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* A quoted name written with other capitals elsewhere: reported once per
 * spelling, at its first use, pointing to the first spelling. */
static void cross_names(struct ctx *c)
{
	size_t total = 0;
	for (size_t i = 0; i < c->n_docs; i++)
		total += c->docs[i]->n_names;
	struct nref *v = TL_NEW_ARRAY(c->a, struct nref, total ? total : 1);
	size_t n = 0;
	for (size_t i = 0; i < c->n_docs; i++)
		for (size_t k = 0; k < c->docs[i]->n_names; k++)
			if (c->docs[i]->names[k].quoted)
				v[n++] = (struct nref){c->docs[i]->names[k].norm, i, k};
	qsort(v, n, sizeof *v, nref_cmp);
	for (size_t g = 0; g < n;) {
		size_t e = g + 1;
		while (e < n && !strcmp(v[e].norm, v[g].norm))
			e++;
		const struct doc *fd = c->docs[v[g].doc];
		const struct name *first = &fd->names[v[g].idx];
		for (size_t k = g + 1; k < e; k++) {
			const struct doc *d = c->docs[v[k].doc];
			const struct name *b = &d->names[v[k].idx];
			if (!strcmp(b->raw, first->raw) || !same_but_case(b->raw, first->raw))
				continue;
			int seen = 0; /* this spelling reported already? */
			for (size_t j = g + 1; j < k && !seen && k - j < 64; j++)
				seen = !strcmp(c->docs[v[j].doc]->names[v[j].idx].raw, b->raw);
			if (seen)
				continue;
			unsigned line, col;
			position(fd, first->start, &line, &col);
			report(c, d, b->start, 0, "form", "\"%s\" is written \"%s\" at %s%s%u; use one spelling",
			       b->raw, first->raw, fd == d ? "line " : fd->name, fd == d ? "" : ":", line);
		}
		g = e;
	}
}

/* ======================================================================
 * Rule 6: targets (and rule 5's passed target dates)
 * ==================================================================== */

static const char *const target_marks[] = {"doel", "doelen", "doelstelling", "doelstellingen",
					   "streven", "streeft", "streefwaarde", "ambitie", "droom",
					   "beoogd", "beogen", "moet", "moeten", NULL};
/* Words that promise a change of unstated size. */
static const char *const vague_words[] = {"substantieel", "substantiële", "aanzienlijk",
					  "aanzienlijke", "flink", "fors", "merkbaar", "significant",
					  NULL};
/* Words that say what became of a target. */
static const char *const result_words[] = {"bereikt", "gehaald", "behaald", "gerealiseerd",
					   "gelukt", "haalden", "bereikten", "realiseerden",
					   "niet gehaald", NULL};
/* Prepositions before a deadline: "in 2027", "voor 2030", "aan het einde van 2026". */
static const char *const deadline_preps[] = {"in", "voor", "vóór", "uiterlijk", "eind", "einde",
					     "tot", "per", "medio", NULL};

/* Is the year or date starting at `off` a deadline: one of deadline_preps
 * among the three words before it, in the same sentence?  Returns where
 * that word starts ("einde" of "aan het einde van 2026"), or SIZE_MAX. */
static size_t deadline_at(const struct doc *d, size_t si, size_t off)
{
	size_t wb, we;
	sent_words(d, si, &wb, &we);
	size_t w = tl_prose_word_at(&d->p, off), found = SIZE_MAX;
	for (size_t k = 1; k <= 3 && w >= wb + k; k++)
		if (word_in(d, w - k, deadline_preps))
			found = d->p.words[w - k].start;
	return found;
}

/* The deadline of sentence si: the first year or dated phrase preceded by
 * a deadline word.  Returns the offset of that word, or SIZE_MAX. */
static size_t sentence_deadline(const struct doc *d, size_t si, int *year, int *month)
{
	const struct tl_sentence *s = &d->p.sent[si];
	size_t best = SIZE_MAX, at;
	for (size_t k = date_from(d, s->start); k < d->p.n_dates && d->p.dates[k].start < s->end; k++) {
		const struct tl_written_date *t = &d->p.dates[k];
		if (t->year && (at = deadline_at(d, si, t->start)) != SIZE_MAX) {
			best = at;
			*year = t->year;
			*month = t->month;
			break;
		}
	}
	for (size_t k = q_from(d, s->start); k < d->p.n_q && d->p.q[k].start < s->end; k++) {
		const struct tl_quantity *q = &d->p.q[k];
		if (q->kind != TL_Q_YEAR || q->start >= best)
			continue;
		if ((at = deadline_at(d, si, q->start)) != SIZE_MAX) {
			best = at;
			*year = (int)q->value;
			*month = 0;
			break;
		}
	}
	return best;
}

/* A phrase of words in paragraph pi (for "niet gehaald" and single words). */
static int para_has(const struct doc *d, size_t pi, size_t from, const char *const *list)
{
	const struct tl_paragraph *p = &d->p.para[pi];
	for (size_t w = tl_prose_word_at(&d->p, from); w < d->p.n_words && d->p.words[w].start < p->end; w++)
		for (size_t i = 0; list[i]; i++)
			if (!strchr(list[i], ' ') && word_is(d, w, list[i]))
				return 1;
	return 0;
}

static int same_noun(const struct doc *d, const struct tl_quantity *a, const struct tl_quantity *b)
{
	size_t la = a->noun_end - a->noun_start, lb = b->noun_end - b->noun_start;
	if (!la || !lb)
		return 0;
	char x[40], y[40];
	noun_class(d, a->noun_start, a->noun_end, x, sizeof x);
	noun_class(d, b->noun_start, b->noun_end, y, sizeof y);
	return x[0] && !strcmp(x, y);
}

/* Targets stated in the text: a sentence with a target word ("doel",
 * "streven", "moeten") or a word of unstated change ("substantieel"), and a
 * deadline ("in 2027", "aan het einde van 2026").  A sentence without a
 * deadline is a wish, not a target the report can be held to. */
static size_t prose_targets(struct ctx *c, const struct doc *d, struct tl_check_target **out,
			    size_t **offs)
{
	size_t n = 0, cap = 0, ocap = 0;
	*out = NULL;
	*offs = NULL;
	for (size_t si = 0; si < d->p.n_sent; si++) {
		int vague = sent_has(d, si, vague_words);
		if (!vague && !sent_has(d, si, target_marks))
			continue;
		int year = 0, month = 0;
		size_t at = sentence_deadline(d, si, &year, &month);
		if (at == SIZE_MAX)
			continue;
		/* "in 2024 vroeg X subsidie aan, met als doel …" tells what happened
		 * in 2024; the year is a deadline only after the target word, or
		 * with a modal ("In 2027 moeten er nog drie bijkomen") or vague
		 * change ("In 2027 … substantieel gestegen"). */
		size_t mark = SIZE_MAX, wb, we;
		sent_words(d, si, &wb, &we);
		for (size_t w = wb; w < we && mark == SIZE_MAX; w++)
			if (word_in(d, w, target_marks))
				mark = d->p.words[w].start;
		if (!vague && !sent_has(d, si, (const char *const[]){"moet", "moeten", "zal", "zullen", NULL}) &&
		    (mark == SIZE_MAX || mark > at))
			continue;
		size_t from = mark < at ? mark : at;
		struct tl_check_target t;
		memset(&t, 0, sizeof t);
		t.name = quote(c, d, from, d->p.sent[si].end);
		t.deadline_year = year;
		t.deadline_month = month;
		t.vague = vague;
		/* the figure to reach: the first countable or percentage figure that
		 * is not part of a date */
		size_t qb, qe;
		const struct tl_quantity *fig = NULL;
		sent_q(d, si, &qb, &qe);
		for (size_t k = qb; k < qe && !fig; k++) {
			const struct tl_quantity *q = &d->p.q[k];
			if (q->kind == TL_Q_YEAR || (q->flags & (TL_QF_ODD | TL_QF_DOTDEC | TL_QF_FOREIGN)))
				continue;
			if (time_noun(d, q) || in_parens(d, d->p.sent[si].start, q->start))
				continue;
			if (q->kind == TL_Q_EURO)
				continue; /* money is what is spent, not what is reached */
			fig = q;
		}
		int absolute = sent_has(d, si, (const char *const[]){"iedereen", "alle", "ieder", "elke", NULL});
		if (fig) {
			t.has_target = 1;
			t.target = fig->value;
			/* a baseline: the same thing counted elsewhere in the text,
			 * or a relative target ("nog drie", "erbij") */
			int relative = word_before(d, fig->start, "nog") ||
				       sent_has(d, si, (const char *const[]){"bij", "erbij", "extra", "meer",
									     "bijkomen", NULL});
			t.has_baseline = relative || fig->noun_end == fig->noun_start || fig->kind == TL_Q_PERCENT;
			size_t pi = d->p.sent[si].para;
			size_t plo = pi > 4 ? pi - 4 : 0, phi = pi + 4 < d->p.n_para ? pi + 4 : d->p.n_para - 1;
			size_t qlo = q_from(d, d->p.para[plo].start);
			for (size_t k = qlo; k < d->p.n_q && d->p.q[k].start < d->p.para[phi].end && !t.has_baseline; k++)
				if (&d->p.q[k] != fig && same_noun(d, &d->p.q[k], fig))
					t.has_baseline = 1;
		} else if (absolute) {
			t.has_target = 1; /* "iedereen", "alle inwoners": 100% */
			t.target = 100;
			t.has_baseline = 1;
		}
		t.result_reported = para_has(d, d->p.sent[si].para, d->p.sent[si].start, result_words);
		if (n == cap) {
			size_t nc = cap ? 2 * cap : 8;
			struct tl_check_target *nv = tl_arena_array(c->a, nc, sizeof *nv);
			if (n)
				memcpy(nv, *out, n * sizeof *nv);
			*out = nv;
			cap = nc;
		}
		GROW(c, *offs, n, ocap);
		(*out)[n] = t;
		(*offs)[n] = from;
		n++;
	}
	return n;
}

/* Months from year 0, for straight-line progress. */
static double months_of(int year, int month)
{
	return year * 12.0 + (month ? month : 12);
}

/* Judge one target; the finding goes to (d, off) for a text target, or to
 * t->file:line:col for a structured one (d NULL). */
static void judge_target(struct ctx *c, struct doc *d, size_t off, const struct tl_check_target *t,
			 int structured)
{
	const char *name = t->name ? t->name : "?";
	int ry = c->o.report_year;
/* Every finding here is a warning: targets are the text's own business. */
#define FINDING(rule, ...)                                                                             \
	do {                                                                                           \
		if (d)                                                                                 \
			report(c, d, off, 0, rule, __VA_ARGS__);                                       \
		else if (!tl_agenda_check_off(c->off, rule))                                           \
			tl_errors_warn(c->out, t->file ? t->file : "agenda", t->file ? t->line : 0,    \
				       t->file ? t->col : 0, rule, __VA_ARGS__);                       \
	} while (0)
	if (!t->has_target) {
		if (t->vague || structured)
			FINDING("target",
				"\"%s\": a target without a figure%s; say from what to what, e.g. \"van 68%% in "
				"2023 naar 75%% in %d\", so the report can show whether it is on track",
				name, t->vague ? " (how much is \"substantieel\"?)" : "",
				t->deadline_year ? t->deadline_year : ry ? ry + 2 : 2030);
	} else if (!t->has_baseline) {
		FINDING("target",
			"\"%s\": a target of %s without a baseline: the report does not say how many or how "
			"much there is now; add the current figure and its date",
			name, fmt_num(c, t->target, t->target == floor(t->target) ? 0 : 1));
	}
	if (!t->deadline_year && structured)
		FINDING("target", "\"%s\": a target without a deadline; say by when", name);
	/* rule 5: the date passed before the report year and nothing is said */
	if (ry && t->deadline_year && t->deadline_year < ry && !t->result_reported &&
	    !(t->has_progress && t->progress_year >= t->deadline_year)) {
		FINDING("date",
			"\"%s\": the target date (%d) passed before the report year %d, and the report does "
			"not say whether it was reached; report the result, or the new date",
			name, t->deadline_year, ry);
		return;
	}
	/* off track: behind the straight line from baseline to target by more
	 * than a quarter of the way */
	if (t->has_target && t->has_baseline && t->has_progress && t->baseline_year &&
	    t->deadline_year && t->target != t->baseline) {
		double tb = months_of(t->baseline_year, t->baseline_month);
		double td = months_of(t->deadline_year, t->deadline_month);
		double tp = months_of(t->progress_year, t->progress_month);
		if (td <= tb || tp <= tb)
			return;
		double expect = tp >= td ? 1.0 : (tp - tb) / (td - tb);
		double got = (t->progress - t->baseline) / (t->target - t->baseline);
		if (got < expect - 0.25)
			FINDING("target",
				"\"%s\": off track: %s of the way from %s to %s by %d, where a straight line "
				"gives %s; say what is done to catch up, or adjust the target",
				name, fmt_num(c, 100 * got, 0), fmt_num(c, t->baseline, 0),
				fmt_num(c, t->target, 0), t->progress_year, fmt_num(c, 100 * expect, 0));
	}
#undef FINDING
}

static void rule_targets(struct ctx *c, struct doc *d)
{
	struct tl_check_target *t;
	size_t *offs;
	size_t n = prose_targets(c, d, &t, &offs);
	for (size_t i = 0; i < n; i++)
		judge_target(c, d, offs[i], &t[i], 0);
}

/* The caller's structured targets, once per check. */
static void cross_targets(struct ctx *c)
{
	for (size_t i = 0; i < c->o.n_targets; i++)
		judge_target(c, NULL, 0, &c->o.targets[i], 1);
}

/* "examples/x/chapters/a.md" → "examples/x/NAME": the agenda folder's own
 * files, for findings about agenda.yml and report.yml. */
static const char *folder_file(struct ctx *c, const char *name)
{
	for (size_t i = 0; c->m && i < c->m->n_chapters; i++) {
		const char *p = c->m->chapters[i].path, *cut = p ? strstr(p, "chapters/") : NULL;
		if (cut)
			return tl_arena_printf(c->a, "%.*s%s", (int)(cut - p), p, name);
	}
	return name;
}

/* Is the start of `text` (its first sentence, up to 60 bytes) written in
 * one of the documents or goal titles?  Then the text rules judge it,
 * with a position, and the structured copy is not judged again. */
static int stated_in_text(struct ctx *c, const char *text)
{
	if (!text || !*text)
		return 0;
	size_t n = 0;
	while (text[n] && text[n] != '.' && n < 60)
		n++;
	if (n < 12)
		return 0;
	char *probe = tl_arena_strndup(c->a, text, n);
	for (size_t i = 0; i < c->n_docs; i++)
		if (strstr(c->docs[i]->src, probe))
			return 1;
	for (size_t g = 0; c->m && g < c->m->n_goals; g++)
		if (c->m->goals[g].title && strstr(c->m->goals[g].title, probe))
			return 1;
	return 0;
}

/* The model's structured targets (report.yml) as rule 6 sees them.  A
 * target without a baseline but with measurements starts from its first
 * measurement. */
/* Where target `slug` stands in report.yml (text[0..len)): the line and
 * column of "slug: <slug>" in the top-level targets: section; 0 when not
 * found.  The model keeps no positions, so the file is read again. */
static void yml_target_pos(const char *text, size_t len, const char *slug, unsigned *line, unsigned *col)
{
	*line = *col = 0;
	if (!text || !slug)
		return;
	size_t sl = strlen(slug);
	unsigned ln = 1;
	int in_targets = 0;
	for (size_t i = 0; i < len;) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		if (e > i && text[i] != ' ' && text[i] != '-' && text[i] != '#')
			in_targets = e - i >= 8 && !strncmp(text + i, "targets:", 8);
		if (in_targets) {
			for (size_t k = i; k + 5 + sl <= e; k++) {
				if (strncmp(text + k, "slug:", 5))
					continue;
				size_t v = k + 5;
				while (v < e && (text[v] == ' ' || text[v] == '"' || text[v] == '\''))
					v++;
				size_t after = v + sl;
				if (after <= e && !strncmp(text + v, slug, sl) &&
				    (after == e || strchr(" \"',}#\r", text[after]))) {
					size_t first = i;
					while (first < e && text[first] == ' ')
						first++;
					*line = ln;
					*col = (unsigned)(first - i) + 1;
					return;
				}
			}
		}
		ln++;
		i = e + 1;
	}
}

static void model_targets(struct ctx *c)
{
	const struct tl_model *m = c->m;
	if (!m || c->o.n_targets || !m->n_targets)
		return;
	const char *file = folder_file(c, "report.yml");
	char *yml = NULL;
	size_t yml_len = 0;
	tl_errors ye = TL_ERRORS_INIT;
	if (tl_file_read(file, 16u << 20, c->a, &yml, &yml_len, &ye))
		yml = NULL;
	tl_errors_free(&ye);
	for (size_t i = 0; i < m->n_targets; i++) {
		const struct tl_target *tg = &m->targets[i];
		if (stated_in_text(c, tg->text))
			continue;
		struct tl_check_target t;
		memset(&t, 0, sizeof t);
		t.name = tl_arena_printf(c->a, "%s (%s)", tg->title ? tg->title : "?", tg->slug ? tg->slug : "?");
		t.file = file;
		yml_target_pos(yml, yml_len, tg->slug, &t.line, &t.col);
		t.has_target = tg->has_target;
		t.target = tg->target;
		t.has_baseline = tg->has_baseline;
		t.baseline = tg->baseline;
		t.baseline_year = tg->baseline_date.year;
		t.baseline_month = tg->baseline_date.month;
		t.deadline_year = tg->deadline.year;
		t.deadline_month = tg->deadline.month;
		if (tg->n_progress) {
			const struct tl_target_entry *last = &tg->progress[tg->n_progress - 1];
			if (!t.has_baseline && tg->n_progress > 1) {
				t.has_baseline = 1;
				t.baseline = tg->progress[0].value;
				t.baseline_year = tg->progress[0].date.year;
				t.baseline_month = tg->progress[0].date.month;
			} else if (!t.has_baseline) {
				t.has_baseline = 1; /* one measurement: where it stands */
			}
			t.has_progress = 1;
			t.progress = last->value;
			t.progress_year = last->date.year;
			t.progress_month = last->date.month;
		}
		if (!t.has_target && tg->title) {
			/* "Iedereen kan veilig sporten": everyone is a figure, 100% */
			struct doc *d = doc_text(c, file, tg->title, strlen(tg->title));
			tl_prose_scan(d->text, d->len, c->a, &d->p);
			for (size_t w = 0; w < d->p.n_words && !t.has_target; w++)
				if (word_in(d, w, (const char *const[]){"iedereen", "alle", "ieder", "elke", NULL}))
					t.has_target = t.has_baseline = 1, t.target = 100;
		}
		judge_target(c, NULL, 0, &t, 1);
	}
}

/* The agenda's goals are targets too ("In 2027 … substantieel gestegen").
 * A goal is reported where the report prints it: the {{doelstellingen}}
 * line of its theme's chapter; without one, in agenda.yml (no position:
 * the model keeps none for it). */
static void goal_targets(struct ctx *c)
{
	const struct tl_model *m = c->m;
	if (!m)
		return;
	const char *file = "agenda.yml";
	for (size_t i = 0; i < m->n_chapters; i++) {
		const char *p = m->chapters[i].path, *cut = p ? strstr(p, "chapters/") : NULL;
		if (cut) {
			file = tl_arena_printf(c->a, "%.*sagenda.yml", (int)(cut - p), p);
			break;
		}
	}
	size_t ndocs = c->n_docs;
	for (size_t g = 0; g < m->n_goals; g++) {
		const struct tl_goal *goal = &m->goals[g];
		if (!goal->title)
			continue;
		struct doc *at = NULL;
		for (size_t i = 0; i < ndocs && !at; i++)
			if (c->docs[i]->ch && c->docs[i]->goals_at != SIZE_MAX && c->docs[i]->ch->theme &&
			    goal->theme && !strcmp(c->docs[i]->ch->theme, goal->theme))
				at = c->docs[i];
		struct doc *d = doc_text(c, file, goal->title, strlen(goal->title));
		tl_prose_scan(d->text, d->len, c->a, &d->p);
		struct tl_check_target *t;
		size_t *offs;
		size_t n = prose_targets(c, d, &t, &offs);
		for (size_t k = 0; k < n; k++) {
			t[k].name = tl_arena_printf(c->a, "doelstelling %d (agenda.yml): %s", goal->number, t[k].name);
			if (at) {
				judge_target(c, at, at->goals_at, &t[k], 0);
			} else {
				t[k].file = file;
				judge_target(c, NULL, 0, &t[k], 0);
			}
		}
	}
}

/* A past participle: ge…d, ge…t, ge…en, also after a separable prefix
 * ("afgerond", "opgeleverd", "uitgebreid"). */
static int participle(const char *w, size_t n)
{
	static const char *const prefix[] = {"", "af", "op", "uit", "in", "aan", "mee", "door", "over",
					     "toe", "terug", "bij", "vast", "voor", "na", "weg", "samen",
					     NULL};
	if (n < 5 || !(w[n - 1] == 'd' || w[n - 1] == 't' || (w[n - 2] == 'e' && w[n - 1] == 'n')))
		return 0;
	for (size_t i = 0; prefix[i]; i++) {
		size_t l = strlen(prefix[i]);
		if (n > l + 4 && !strncmp(w, prefix[i], l) && w[l] == 'g' && w[l + 1] == 'e')
			return 1;
	}
	return 0;
}

/* Rule 5: a date well after the report year told in the past tense: "in
 * september 2027 is de pilot afgerond" in the 2025 report.  "Well after":
 * from the second half of the year after the report year (a report is
 * written in the first months of that year), or any later year. */
static void dates_future_past(struct ctx *c, struct doc *d)
{
	int ry = c->o.report_year;
	if (!ry)
		return;
	static const char *const past[] = {"was", "waren", "werd", "werden", "vond", "vonden", "had",
					   "hadden", "kwam", "kwamen", "ging", "gingen", "startte",
					   "startten", "opende", "sloot", "sloten", NULL};
	static const char *const perfect_aux[] = {"is", "zijn", "heeft", "hebben", NULL};
	static const char *const future[] = {"zal", "zullen", "wordt", "worden", "gaat", "gaan",
					     "verwacht", "verwachten", "wil", "willen", "moet",
					     "moeten", "plannen", "gepland", "kan", "kunnen", "vanaf",
					     "tot", "naar", "voor", "richting", NULL};
	size_t last_si = SIZE_MAX;
	for (size_t k = 0; k < d->p.n_dates + d->p.n_q; k++) {
		size_t start;
		int year, month;
		if (k < d->p.n_dates) {
			const struct tl_written_date *t = &d->p.dates[k];
			start = t->start;
			year = t->year;
			month = t->month;
		} else {
			const struct tl_quantity *q = &d->p.q[k - d->p.n_dates];
			if (q->kind != TL_Q_YEAR)
				continue;
			start = q->start;
			year = (int)q->value;
			month = 0;
		}
		if (!year || !(year > ry + 1 || (year == ry + 1 && month >= 7)))
			continue;
		size_t si = tl_prose_sentence_at(&d->p, start);
		if (si >= d->p.n_sent || si == last_si || d->p.para[d->p.sent[si].para].heading)
			continue;
		if (sent_has(d, si, future) || sent_has(d, si, target_marks) || sent_has(d, si, vague_words))
			continue;
		int is_past = sent_has(d, si, past);
		size_t wb, we;
		sent_words(d, si, &wb, &we);
		for (size_t w = wb; !is_past && w < we; w++) {
			if (!word_in(d, w, perfect_aux))
				continue;
			/* a participle after it: ge…d / ge…t / ge…en */
			for (size_t x = w + 1; x < we && x < w + 8 && !is_past; x++) {
				is_past = participle(d->text + d->p.words[x].start,
						     d->p.words[x].end - d->p.words[x].start);
			}
		}
		if (!is_past)
			continue;
		last_si = si;
		report(c, d, start, 0, "date",
		       "\"%s\": %d is after the report year %d, but the sentence tells it as past; "
		       "correct the year, or write it as a plan",
		       quote(c, d, d->p.sent[si].start, d->p.sent[si].end), year, ry);
	}
}

/* ======================================================================
 * Rule 1: stale bindings
 * ==================================================================== */

/* "waarde ervaren-gezondheid PV22 laatste": the binding as one canonical
 * text, the same however it was written ({{x PV22 latest}} …). */
static char *binding_key(tl_arena *a, const struct tl_binding *b)
{
	char code[9];
	if (b->period.kind == TL_PERIOD_YEAR)
		snprintf(code, sizeof code, "%d", b->period.year);
	else
		tl_period_code(&b->period, code);
	return tl_arena_printf(a, "%s %s %s %s", b->kind == TL_BIND_YEAR ? "jaar" : "waarde",
			       b->indicator ? b->indicator : "", b->region ? b->region : "",
			       b->latest ? "laatste" : code);
}

/* What the report prints for a value or year binding now, in Dutch, and
 * the period it comes from (NULL without data). */
static void bound_now(tl_arena *a, const struct tl_model *m, const struct tl_binding *b,
		      const char **shown, const char **period)
{
	const struct tl_observation *o = tl_binding_resolve(b, m);
	const struct tl_indicator *d = b->indicator ? tl_model_indicator(m, b->indicator) : NULL;
	*shown = "";
	*period = NULL;
	if (!o || !d || !tl_status_has_value(o->status))
		return;
	char code[9];
	tl_period_code(&o->period, code);
	*period = tl_arena_strdup(a, code);
	if (b->kind == TL_BIND_YEAR) {
		*shown = tl_arena_printf(a, "%d", o->period.year);
		return;
	}
	tl_buf buf = TL_BUF_INIT;
	tl_fmt_value(&buf, o->value, d->decimals, tl_unit_kind(d->unit), TL_LANG_NL);
	*shown = tl_arena_strndup(a, buf.data ? buf.data : "", buf.len);
	tl_buf_free(&buf);
}

static const struct tl_accepted *accepted_for(const struct ctx *c, const char *chapter,
					      const char *key)
{
	for (size_t i = 0; i < c->o.n_accepted; i++) {
		const struct tl_accepted *v = &c->o.accepted[i];
		if (v->chapter && v->binding && !strcmp(v->chapter, chapter) && !strcmp(v->binding, key))
			return v;
	}
	return NULL;
}

/* "74,2% (2024)", or "no figure". */
static const char *shown_text(struct ctx *c, const char *shown, const char *period, int year)
{
	if (!period || !shown || !*shown)
		return "no figure";
	if (year)
		return shown;
	struct tl_period p;
	if (tl_period_parse(period, strlen(period), &p) || p.kind != TL_PERIOD_YEAR)
		return tl_arena_printf(c->a, "%s (%s)", shown, period);
	return tl_arena_printf(c->a, "%s (%d)", shown, p.year);
}

/* A binding whose printed figure or period differs from what was accepted:
 * the figure itself is right (it comes from the data), but the words
 * around it were written for the old one ("stijgt", "in 2024", "bijna"). */
static void rule_stale(struct ctx *c, struct doc *d)
{
	if (!d->ch || !d->ch->slug || !c->o.n_accepted || !c->m)
		return;
	for (size_t i = 0; i < d->n_binds; i++) {
		const struct tl_binding *b = d->binds[i].b;
		if (b->kind != TL_BIND_VALUE && b->kind != TL_BIND_YEAR)
			continue;
		const char *key = binding_key(c->a, b);
		const struct tl_accepted *v = accepted_for(c, d->ch->slug, key);
		if (!v)
			continue; /* never accepted: nothing to compare with */
		const char *shown, *period;
		bound_now(c->a, c->m, b, &shown, &period);
		int same = !strcmp(v->shown ? v->shown : "", shown) &&
			   (v->period == NULL) == (period == NULL) &&
			   (!period || !strcmp(v->period, period));
		if (same)
			continue;
		report(c, d, d->binds[i].start, 1, "stale",
		       "\"%s\": the data changed since the text was accepted%s%s: it showed %s, now %s; "
		       "reread the sentence around it, then record the new figures with "
		       "`telling check --db FILE --accept`",
		       quote(c, d, d->binds[i].start, d->binds[i].end), v->accepted_at ? " on " : "",
		       v->accepted_at ? tl_arena_strndup(c->a, v->accepted_at, 10) : "",
		       shown_text(c, v->shown, v->period, b->kind == TL_BIND_YEAR),
		       shown_text(c, shown, period, b->kind == TL_BIND_YEAR));
	}
}

/* ======================================================================
 * Rules, in order
 * ==================================================================== */

static void form_triples(struct ctx *c, struct doc *d);

/* One entry per rule that reads a single document. */
static const struct {
	const char *name;
	void (*run)(struct ctx *c, struct doc *d);
} doc_rules[] = {
	{"stale", rule_stale},
	{"number", rule_numbers},
	{"parts", rule_parts},
	{"claim", rule_claims},
	{"date", rule_dates},
	{"date", dates_future_past},
	{"target", rule_targets},
	{"form", form_links},
	{"form", form_numbers},
	{"form", form_triples},
	{"consistency", collect_counts},
	{"consistency", collect_starts},
};

/* A programme name with its words in another order: "Hulp en op om
 * Scholen" against "Hulp op en om Scholen".  Candidates are runs of four to
 * six words in one sentence that start and end with a capital and hold a
 * lowercase word other than "en"/"of" (a name, not a list of places:
 * "Aa en Hunze en De Wolden"); two runs with the same
 * words in a different order are one name spelt two ways.  The spelling
 * used most (or first) is taken as right. */
struct phrase {
	char *key;   /* the words sorted, lowercase */
	char *order; /* the words as written, lowercase */
	size_t doc, start, end;
};

static int cap_word(const struct doc *d, size_t w)
{
	unsigned char ch = (unsigned char)d->text[d->p.words[w].start];
	return (ch >= 'A' && ch <= 'Z') ||
	       (ch == 0xC3 && d->p.words[w].end - d->p.words[w].start > 1 &&
		(unsigned char)d->text[d->p.words[w].start + 1] >= 0x80 &&
		(unsigned char)d->text[d->p.words[w].start + 1] <= 0x9E);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int phrase_cmp(const void *x, const void *y)
{
	const struct phrase *a = x, *b = y;
	int r = strcmp(a->key, b->key);
	if (r)
		return r;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

#define MAX_PHRASES 20000

static void cross_name_order(struct ctx *c)
{
	struct phrase *v = NULL;
	size_t n = 0, cap = 0;
	for (size_t di = 0; di < c->n_docs; di++) {
		const struct doc *d = c->docs[di];
		for (size_t si = 0; si < d->p.n_sent && n < MAX_PHRASES; si++) {
			size_t wb, we;
			sent_words(d, si, &wb, &we);
			for (size_t w = wb; w < we && n < MAX_PHRASES; w++) {
				if (!cap_word(d, w))
					continue;
				for (size_t k = 4; k <= 6 && w + k <= we; k++) {
					size_t last = w + k - 1;
					if (!cap_word(d, last))
						continue;
					int lower = 0, ok = 1;
					char words[6][40];
					for (size_t x = 0; x < k && ok; x++) {
						const struct tl_word *tw = &d->p.words[w + x];
						if (!tl_prose_lower(d->text + tw->start, tw->end - tw->start, words[x],
								    sizeof words[x]))
							ok = 0;
						else if (!cap_word(d, w + x) && strcmp(words[x], "en") &&
							 strcmp(words[x], "of"))
							lower = 1; /* only "en"/"of": a list, not a name */
					}
					/* the run must be contiguous: blanks only between the words */
					for (size_t x = w; x < last && ok; x++)
						for (size_t b = d->p.words[x].end; b < d->p.words[x + 1].start; b++)
							if (d->text[b] != ' ')
								ok = 0;
					if (!ok || !lower)
						continue;
					char *sorted[6];
					for (size_t x = 0; x < k; x++)
						sorted[x] = words[x];
					qsort(sorted, k, sizeof *sorted, str_cmp);
					tl_buf kb = TL_BUF_INIT, ob = TL_BUF_INIT;
					for (size_t x = 0; x < k; x++) {
						tl_buf_printf(&kb, "%s%s", x ? " " : "", sorted[x]);
						tl_buf_printf(&ob, "%s%s", x ? " " : "", words[x]);
					}
					GROW(c, v, n, cap);
					v[n++] = (struct phrase){tl_arena_strndup(c->a, kb.data, kb.len),
								 tl_arena_strndup(c->a, ob.data, ob.len), di,
								 d->p.words[w].start, d->p.words[last].end};
					tl_buf_free(&kb);
					tl_buf_free(&ob);
				}
			}
		}
	}
	if (n < 2)
		return;
	qsort(v, n, sizeof *v, phrase_cmp);
	for (size_t g = 0; g < n;) {
		size_t e = g + 1;
		while (e < n && !strcmp(v[e].key, v[g].key))
			e++;
		/* the spelling used most; ties go to the first */
		size_t best = g, best_n = 0;
		for (size_t i = g; i < e; i++) {
			size_t cnt = 0;
			for (size_t j = g; j < e; j++)
				cnt += !strcmp(v[i].order, v[j].order);
			if (cnt > best_n) {
				best = i;
				best_n = cnt;
			}
		}
		for (size_t i = g; i < e; i++) {
			if (!strcmp(v[i].order, v[best].order))
				continue;
			int seen = 0;
			for (size_t j = g; j < i && !seen; j++)
				seen = !strcmp(v[j].order, v[i].order);
			if (seen)
				continue;
			const struct doc *bd = c->docs[v[best].doc];
			struct doc *d = c->docs[v[i].doc];
			unsigned line, col;
			position(bd, v[best].start, &line, &col);
			report(c, d, v[i].start, 0, "form",
			       "\"%s\" has the words of \"%s\" (%s%s%u) in another order; use one spelling",
			       quote(c, d, v[i].start, v[i].end), quote(c, bd, v[best].start, v[best].end),
			       bd == d ? "line " : bd->name, bd == d ? "" : ":", line);
		}
		g = e;
	}
}

/* Markers that silenced nothing: stale, or put in the wrong place. */
static void unused_oks(struct ctx *c)
{
	for (size_t i = 0; i < c->n_docs; i++) {
		struct doc *d = c->docs[i];
		for (size_t k = 0; k < d->n_oks; k++) {
			if (d->oks[k].used)
				continue;
			struct okmark keep = d->oks[k];
			d->oks[k].from = d->oks[k].at = SIZE_MAX; /* do not silence itself */
			report(c, d, keep.at, 0, "ok",
			       "{{ok%s%s}} silences nothing here: no finding of the check%s in this sentence; "
			       "remove the marker", keep.rule ? " " : "", keep.rule ? keep.rule : "",
			       keep.rule ? " for that rule" : "");
			d->oks[k] = keep;
		}
	}
}

/* ---- Rule 7: typing slips ------------------------------------------------
 * Two slips that spelling checkers miss in names and that no Dutch word
 * makes: a letter three times in a row ("JAAAR VERSLAG": Dutch writes a
 * hyphen or a diaeresis where a compound would give three, zee-egel,
 * zeeëend), and a word split in two with the letter at the break typed
 * twice, whose one-word form the text uses elsewhere and whose first or
 * second part the text never uses on its own ("Het Familiep pad" against
 * "Familiepad").  Both warnings. */

/* Letters only (UTF-8 bytes of accented letters count as letters). */
static int all_letters(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (!(ch >= 0x80 || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')))
			return 0;
	}
	return n > 0;
}

/* Roman numerals (XIII), or one letter repeated (zzz, www): not slips. */
static int triple_exempt(const char *s, size_t n)
{
	int roman = 1, same = 1;
	for (size_t i = 0; i < n; i++) {
		roman = roman && strchr("IVXLCDM", s[i]) != NULL;
		same = same && (s[i] | 0x20) == (s[0] | 0x20);
	}
	return roman || same;
}

static void form_triples(struct ctx *c, struct doc *d)
{
	for (size_t w = 0; w < d->p.n_words; w++) {
		const char *s = d->text + d->p.words[w].start;
		size_t n = d->p.words[w].end - d->p.words[w].start;
		if (n < 3 || !all_letters(s, n) || triple_exempt(s, n))
			continue;
		for (size_t i = 2; i < n; i++) {
			char a = (char)(s[i] | 0x20);
			if (!(a >= 'a' && a <= 'z') || (s[i - 1] | 0x20) != a || (s[i - 2] | 0x20) != a)
				continue;
			char fix[128];
			if (n >= sizeof fix)
				break;
			memcpy(fix, s, i);
			memcpy(fix + i, s + i + 1, n - i - 1);
			fix[n - 1] = '\0';
			report(c, d, d->p.words[w].start, 0, "form",
			       "\"%s\": the letter %c three times in a row, which no Dutch word has; "
			       "a slip for \"%s\"?", quote(c, d, d->p.words[w].start, d->p.words[w].end),
			       s[i], fix);
			break;
		}
	}
}

struct oneword {
	const struct doc *d;
	size_t start, end;
};

/* Lower-case copy of a word of at most 63 bytes into buf; 0 when too long. */
static int lower_word(const char *s, size_t n, char *buf, size_t cap)
{
	return n < cap && tl_prose_lower(s, n, buf, cap) != 0;
}

/* A pair of words "a b" whose joined form the text also uses. */
struct splitpair {
	const struct oneword *one;
	long n; /* how often the pair stands in the text */
};

/* The split pair at words w, w+1 of d as "a b" in key and its joined forms
 * in j1 ("ab") and j2 ("a" + "b" less a doubled first letter), or 0. */
static int split_key(const struct doc *d, size_t w, char *key, size_t cap, char *j1, char *j2, char *la,
		     char *lb)
{
	const struct tl_word *a = &d->p.words[w], *b = &d->p.words[w + 1];
	size_t na = a->end - a->start, nb = b->end - b->start;
	/* one space between, nothing else: the same phrase */
	if (b->start != a->end + 1 || d->text[a->end] != ' ' || na < 3 || nb < 3 ||
	    !all_letters(d->text + a->start, na) || !all_letters(d->text + b->start, nb) || na + nb + 2 >= cap)
		return 0;
	if (!lower_word(d->text + a->start, na, la, 64) || !lower_word(d->text + b->start, nb, lb, 64))
		return 0;
	snprintf(key, cap, "%s %s", la, lb);
	snprintf(j1, cap, "%s%s", la, lb);
	j2[0] = '\0';
	if (la[strlen(la) - 1] == lb[0])
		snprintf(j2, cap, "%s%s", la, lb + 1);
	return 1;
}

static void cross_split_words(struct ctx *c)
{
	tl_strmap *one = tl_strmap_new(c->a);   /* long words -> first struct oneword */
	tl_strmap *count = tl_strmap_new(c->a); /* every word -> how often */
	tl_strmap *pairs = tl_strmap_new(c->a); /* "a b" -> struct splitpair */
	char lw[64], key[128], j1[128], j2[128], la[64], lb[64];
	for (size_t i = 0; i < c->n_docs; i++) {
		const struct doc *d = c->docs[i];
		for (size_t w = 0; w < d->p.n_words; w++) {
			const char *s = d->text + d->p.words[w].start;
			size_t n = d->p.words[w].end - d->p.words[w].start;
			if (!all_letters(s, n) || !lower_word(s, n, lw, sizeof lw))
				continue;
			long k = (long)(intptr_t)tl_strmap_get(count, lw, NULL);
			tl_strmap_put(count, lw, (void *)(intptr_t)(k + 1));
			if (n < 8 || tl_strmap_get(one, lw, NULL))
				continue;
			struct oneword *o = TL_NEW(c->a, struct oneword);
			*o = (struct oneword){d, d->p.words[w].start, d->p.words[w].end};
			tl_strmap_put(one, lw, o);
		}
	}
	for (size_t i = 0; i < c->n_docs; i++) {
		const struct doc *d = c->docs[i];
		for (size_t w = 0; w + 1 < d->p.n_words; w++) {
			if (!split_key(d, w, key, sizeof key, j1, j2, la, lb))
				continue;
			struct splitpair *sp = tl_strmap_get(pairs, key, NULL);
			if (!sp) {
				/* Only the slip's signature: the letter at the break typed
				 * twice.  A plain split ("Regio Deal" beside "Regiodeal") is
				 * as often a choice of style in a name as a slip. */
				const struct oneword *o = j2[0] && !tl_strmap_get(one, j1, NULL)
								  ? tl_strmap_get(one, j2, NULL) : NULL;
				if (!o)
					continue;
				sp = TL_NEW(c->a, struct splitpair);
				sp->one = o;
				tl_strmap_put(pairs, key, sp);
			}
			sp->n++;
		}
	}
	/* A slip leaves a fragment: a part that the text never uses on its own
	 * ("familiep").  "samen werken" next to "samenwerken" is Dutch. */
	for (size_t i = 0; i < c->n_docs; i++) {
		struct doc *d = c->docs[i];
		for (size_t w = 0; w + 1 < d->p.n_words; w++) {
			if (!split_key(d, w, key, sizeof key, j1, j2, la, lb))
				continue;
			const struct splitpair *sp = tl_strmap_get(pairs, key, NULL);
			if (!sp)
				continue;
			long ca = (long)(intptr_t)tl_strmap_get(count, la, NULL);
			long cb = (long)(intptr_t)tl_strmap_get(count, lb, NULL);
			if (ca > sp->n && cb > sp->n)
				continue;
			const struct oneword *o = sp->one;
			const struct tl_word *a = &d->p.words[w], *b = &d->p.words[w + 1];
			unsigned line, col;
			position(o->d, o->start, &line, &col);
			report(c, d, a->start, 0, "form",
			       "\"%s\" is written as one word, \"%s\", at %s%s%u, and \"%s\" is no word of "
			       "its own here; a slip?",
			       quote(c, d, a->start, b->end), quote(c, o->d, o->start, o->end),
			       o->d == d ? "line " : o->d->name, o->d == d ? "" : ":", line, ca > sp->n ? lb : la);
			w++;
		}
	}
	tl_strmap_free(one);
	tl_strmap_free(count);
	tl_strmap_free(pairs);
}

/* A programme name in two word forms: "schakeltraject Oriënteren en
 * Schakelen" against "Schakeltraject Oriëntatie en schakelen".  Candidates
 * are "HEAD Name en WORD" (HEAD a word of eight letters or more, Name with
 * a capital); two of them with the same HEAD and WORD whose Names differ
 * but share their first five letters are one name written two ways.
 * Reported once per form, at its first use, pointing to the first form. */
struct nform {
	const struct doc *d;
	size_t start, end; /* the three words Name en WORD */
	char name[64];     /* Name, lower case */
};

static void cross_name_forms(struct ctx *c)
{
	tl_strmap *first = tl_strmap_new(c->a); /* "head|word" -> list head (struct nform *) */
	char head[64], word[64], key[140];
	for (size_t i = 0; i < c->n_docs; i++) {
		const struct doc *d = c->docs[i];
		for (size_t w = 0; w + 3 < d->p.n_words; w++) {
			const struct tl_word *h = &d->p.words[w], *n = &d->p.words[w + 1];
			const struct tl_word *y = &d->p.words[w + 3];
			size_t hn = h->end - h->start, nn = n->end - n->start, yn = y->end - y->start;
			unsigned char cap = (unsigned char)d->text[n->start];
			if (hn < 8 || nn < 5 || yn < 3 || !word_is(d, w + 2, "en") ||
			    !(cap >= 'A' && cap <= 'Z') || !all_letters(d->text + h->start, hn) ||
			    !all_letters(d->text + n->start, nn) || !all_letters(d->text + y->start, yn) ||
			    !lower_word(d->text + h->start, hn, head, sizeof head) ||
			    !lower_word(d->text + y->start, yn, word, sizeof word))
				continue;
			/* the four words in one phrase: single spaces between */
			int plain = 1;
			for (size_t k = w; k < w + 3 && plain; k++)
				plain = d->p.words[k + 1].start == d->p.words[k].end + 1 &&
					d->text[d->p.words[k].end] == ' ';
			if (!plain)
				continue;
			struct nform *f = TL_NEW(c->a, struct nform);
			f->d = d;
			f->start = n->start;
			f->end = y->end;
			if (!lower_word(d->text + n->start, nn, f->name, sizeof f->name))
				continue;
			snprintf(key, sizeof key, "%s|%s", head, word);
			struct nform *f0 = tl_strmap_get(first, key, NULL);
			if (!f0) {
				tl_strmap_put(first, key, f);
				continue;
			}
			if (!strcmp(f0->name, f->name) || strncmp(f0->name, f->name, 5) != 0)
				continue;
			unsigned line, col;
			position(f0->d, f0->start, &line, &col);
			report(c, d, f->start, 0, "form",
			       "\"%s\" is written \"%s\" at %s%s%u; use one name", quote(c, d, f->start, f->end),
			       quote(c, f0->d, f0->start, f0->end), f0->d == d ? "line " : f0->d->name,
			       f0->d == d ? "" : ":", line);
			/* report this form once: it becomes the one compared against */
			tl_strmap_put(first, key, f);
		}
	}
	tl_strmap_free(first);
}

/* A name with a word in capitals where the text elsewhere writes it with one
 * capital: "AA en Hunze" against "Aa en Hunze".  The capitals word leads
 * a phrase of one or two more words on the same line, single spaces apart,
 * ending in a capitalised word, with small letters in it (so a heading in
 * capitals is not a name written otherwise).  Acronyms that the text never
 * writes as a word ("GGD Drenthe") are left alone. */
static int caps_word(const char *s, size_t n)
{
	if (n < 2 || n > 12)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

static void cross_caps_names(struct ctx *c)
{
	char cand[160];
	/* each phrase is looked for in every word of every text: bounded, so a
	 * text of nothing but capitals phrases stays fast (a report has tens) */
	long budget = 20L * 1000 * 1000;
	for (size_t i = 0; i < c->n_docs; i++) {
		const struct doc *d = c->docs[i];
		for (size_t w = 0; w + 1 < d->p.n_words; w++) {
			const struct tl_word *h = &d->p.words[w];
			if (!caps_word(d->text + h->start, h->end - h->start))
				continue;
			/* the phrase: up to two more words, single spaces apart, to the last capitalised one */
			size_t last = w, small = 0;
			for (size_t k = w + 1; k <= w + 2 && k < d->p.n_words; k++) {
				const struct tl_word *x = &d->p.words[k];
				if (x->start != d->p.words[k - 1].end + 1 || d->text[x->start - 1] != ' ')
					break;
				for (size_t j = x->start; j < x->end; j++)
					small += d->text[j] >= 'a' && d->text[j] <= 'z';
				unsigned char f = (unsigned char)d->text[x->start];
				if (f >= 'A' && f <= 'Z')
					last = k;
			}
			if (last == w || !small)
				continue;
			size_t n = d->p.words[last].end - h->start;
			if (n >= sizeof cand)
				continue;
			memcpy(cand, d->text + h->start, n);
			for (size_t j = 1; j < h->end - h->start; j++)
				cand[j] = (char)(cand[j] - 'A' + 'a');
			/* the same phrase with one capital, as whole words, anywhere */
			const struct doc *fd = NULL;
			size_t at = 0;
			for (size_t e = 0; e < c->n_docs && !fd; e++) {
				const struct doc *o = c->docs[e];
				if ((budget -= (long)o->p.n_words) < 0)
					return;
				for (size_t v = 0; v < o->p.n_words; v++) {
					const struct tl_word *y = &o->p.words[v];
					if (y->start + n > o->len || memcmp(o->text + y->start, cand, n) != 0)
						continue;
					unsigned char after = y->start + n < o->len ? (unsigned char)o->text[y->start + n] : ' ';
					if ((after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') || after >= 0x80)
						continue;
					fd = o;
					at = y->start;
					break;
				}
			}
			if (!fd)
				continue;
			unsigned line, col;
			position(fd, at, &line, &col);
			report(c, d, h->start, 0, "form", "\"%s\" is written \"%s\" at %s%s%u; use one spelling",
			       quote(c, d, h->start, h->start + n), quote(c, fd, at, at + n),
			       fd == d ? "line " : fd->name, fd == d ? "" : ":", line);
		}
	}
}

static void run_docs(struct ctx *c)
{
	for (size_t i = 0; i < c->n_docs; i++)
		learn_munis(c, c->docs[i]);
	for (size_t i = 0; i < c->n_docs; i++)
		for (size_t r = 0; r < sizeof doc_rules / sizeof *doc_rules; r++)
			if (doc_rules[r].run)
				doc_rules[r].run(c, c->docs[i]);
	cross_duplicates(c);
	cross_names(c);
	cross_caps_names(c);
	cross_name_order(c);
	cross_split_words(c);
	cross_name_forms(c);
	cross_facts(c);
	cross_directions(c);
}

/* Findings in text order: by document (in checking order), line, column.
 * Only the entries this call added (from n0) are moved. */
static size_t doc_index(const struct ctx *c, const char *file)
{
	for (size_t i = 0; file && i < c->n_docs; i++)
		if (!strcmp(c->docs[i]->name, file))
			return i;
	return SIZE_MAX;
}

struct order {
	size_t doc, seq;
	unsigned line, col;
};

static int order_cmp(const void *x, const void *y)
{
	const struct order *a = x, *b = y;
	if (a->doc != b->doc)
		return a->doc < b->doc ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void sort_findings(struct ctx *c, size_t n0)
{
	tl_errors *e = c->out;
	if (e->n <= n0 + 1)
		return;
	size_t n = e->n - n0;
	struct order *o = tl_arena_array(c->a, n, sizeof *o);
	for (size_t i = 0; i < n; i++)
		o[i] = (struct order){doc_index(c, e->items[n0 + i].file), i, e->items[n0 + i].line,
				      e->items[n0 + i].col};
	qsort(o, n, sizeof *o, order_cmp);
	struct tl_error *items = tl_arena_array(c->a, n, sizeof *items);
	unsigned char *warn = tl_arena_alloc(c->a, n);
	for (size_t i = 0; i < n; i++) {
		items[i] = e->items[n0 + o[i].seq];
		warn[i] = e->is_warning[n0 + o[i].seq];
	}
	memcpy(e->items + n0, items, n * sizeof *items);
	memcpy(e->is_warning + n0, warn, n);
}

static void ctx_init(struct ctx *c, const struct tl_model *m, const struct tl_check_opts *o,
		     tl_errors *out)
{
	memset(c, 0, sizeof *c);
	c->m = m;
	if (o)
		c->o = *o;
	else
		c->o.lang = TL_LANG_NL;
	if (!c->o.report_year && m)
		c->o.report_year = m->agenda.report_year;
	c->out = out;
	c->a = tl_arena_new();
	/* story links: the model's published stories, unless the caller says */
	if (!c->o.know_stories && m) {
		const char **v = tl_arena_array(c->a, m->n_stories ? m->n_stories : 1, sizeof *v);
		size_t n = 0;
		for (size_t i = 0; i < m->n_stories; i++)
			if (m->stories[i].published && m->stories[i].slug)
				v[n++] = m->stories[i].slug;
		c->o.stories = v;
		c->o.n_stories = n;
		c->o.know_stories = 1;
	}
	prepare_titles(c);
	prepare_regions(c);
}

int tl_check_chapter(const struct tl_model *m, const struct tl_chapter *ch,
		     const struct tl_check_opts *o, tl_errors *out)
{
	struct ctx c;
	size_t n0 = out->n;
	ctx_init(&c, m, o, out);
	c.off = m ? &m->agenda : NULL;
	if (ch && ch->markdown && m)
		doc_chapter(&c, ch);
	run_docs(&c);
	unused_oks(&c);
	sort_findings(&c, n0);
	tl_arena_free(c.a);
	return c.errors;
}

/* ---- Stories ---------------------------------------------------------------
 * A story's body is text of the report like a chapter's (without
 * bindings).  Its positions are in the story's file: the body starts after
 * the front matter, found by looking the body up in the file (the model
 * keeps the path, not the offset).  Findings quote the text, so they are
 * redacted like every other output of a story: no name without consent. */

/* Lines of the story's file before its body; 0 when the file is not there. */
static unsigned body_line0(struct ctx *c, const struct tl_story *st)
{
	if (!st->path || !st->markdown || !st->markdown[0])
		return 0;
	char *text;
	size_t len;
	tl_errors e = TL_ERRORS_INIT;
	int rc = tl_file_read(st->path, 16u << 20, c->a, &text, &len, &e);
	tl_errors_free(&e);
	if (rc)
		return 0;
	size_t n = strlen(st->markdown);
	if (n > 60)
		n = 60;
	for (size_t i = 0; i + n <= len; i++)
		if (!memcmp(text + i, st->markdown, n)) {
			unsigned lines = 0;
			for (size_t k = 0; k < i; k++)
				lines += text[k] == '\n';
			return lines;
		}
	return 0;
}

static void doc_stories(struct ctx *c)
{
	for (size_t i = 0; c->m && i < c->m->n_stories; i++) {
		const struct tl_story *st = &c->m->stories[i];
		if (!st->markdown || !st->markdown[0])
			continue;
		const char *name = st->path ? st->path : tl_arena_printf(c->a, "stories/%s.md", st->slug);
		struct doc *d = doc_text(c, name, st->markdown, strlen(st->markdown));
		d->line0 = body_line0(c, st);
		d->story = st;
		finish_doc(c, d);
	}
}

/* Findings in a story's body with its people's names redacted. */
static void redact_story_findings(struct ctx *c, size_t n0)
{
	tl_errors *e = c->out;
	for (size_t i = n0; i < e->n; i++) {
		const struct doc *d = NULL;
		for (size_t k = 0; k < c->n_docs && !d; k++)
			if (c->docs[k]->story && e->items[i].file && !strcmp(c->docs[k]->name, e->items[i].file))
				d = c->docs[k];
		if (!d || !e->items[i].msg)
			continue;
		tl_buf b = TL_BUF_INIT;
		tl_story_redact(d->story, e->items[i].msg, strlen(e->items[i].msg), c->o.lang, &b);
		free(e->items[i].msg);
		e->items[i].msg = strdup(b.data ? b.data : "");
		tl_buf_free(&b);
	}
}

int tl_check_model(const struct tl_model *m, const struct tl_check_opts *o, tl_errors *out)
{
	struct ctx c;
	size_t n0 = out->n;
	ctx_init(&c, m, o, out);
	c.off = m ? &m->agenda : NULL;
	for (size_t i = 0; m && i < m->n_chapters; i++)
		if (m->chapters[i].markdown)
			doc_chapter(&c, &m->chapters[i]);
	doc_stories(&c);
	run_docs(&c);
	/* the agenda's own targets: its goals, and the structured ones */
	goal_targets(&c);
	cross_targets(&c);
	model_targets(&c);
	unused_oks(&c);
	redact_story_findings(&c, n0);
	sort_findings(&c, n0);
	tl_arena_free(c.a);
	return c.errors;
}

int tl_check_text(const char *name, const char *text, size_t len, const struct tl_model *m,
		  const struct tl_check_opts *o, tl_errors *out)
{
	struct ctx c;
	size_t n0 = out->n;
	ctx_init(&c, m, o, out);
	struct doc *d = doc_text(&c, name, text, len);
	finish_doc(&c, d);
	run_docs(&c);
	sort_findings(&c, n0);
	tl_arena_free(c.a);
	return c.errors;
}

struct tl_accepted *tl_check_bound_values(const struct tl_model *m, tl_arena *a, size_t *n)
{
	size_t cap = 16, k = 0;
	struct tl_accepted *v = tl_arena_array(a, cap, sizeof *v);
	tl_arena *tmp = tl_arena_new();
	for (size_t ci = 0; m && ci < m->n_chapters; ci++) {
		const struct tl_chapter *ch = &m->chapters[ci];
		if (!ch->markdown || !ch->slug)
			continue;
		tl_errors pe = TL_ERRORS_INIT;
		struct tl_block *blocks = NULL;
		size_t nb = 0, first = k;
		tl_chapter_parse(ch, m, tmp, &blocks, &nb, &pe);
		tl_errors_free(&pe);
		for (size_t i = 0; i < nb; i++)
			for (size_t j = 0; blocks[i].kind == TL_BLOCK_TEXT && j < blocks[i].n_bindings; j++) {
				const struct tl_binding *b = &blocks[i].bindings[j];
				if (b->kind != TL_BIND_VALUE && b->kind != TL_BIND_YEAR)
					continue;
				char *key = binding_key(a, b);
				int seen = 0;
				for (size_t x = first; x < k && !seen; x++)
					seen = !strcmp(v[x].binding, key);
				if (seen)
					continue;
				if (k == cap) {
					struct tl_accepted *nv = tl_arena_array(a, 2 * cap, sizeof *nv);
					memcpy(nv, v, k * sizeof *v);
					v = nv;
					cap *= 2;
				}
				const char *shown, *period;
				bound_now(a, m, b, &shown, &period);
				v[k++] = (struct tl_accepted){ch->slug, key, shown, period, NULL};
			}
	}
	tl_arena_free(tmp);
	*n = k;
	return v;
}
