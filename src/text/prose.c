/*
 * prose — see prose.h.  Four passes over the text, each linear:
 *   1. structure: lines → paragraphs (blank lines, headings, list items) →
 *      sentences (end punctuation followed by a capital, minus abbreviations);
 *   2. tokens: words, numbers (with their separators interpreted), punctuation;
 *   3. patterns over tokens within one sentence: dates first (so "12" in
 *      "12 december" is not a count), then fractions, then figures with their
 *      approximation words, currency, scale and unit;
 *   4. claim words.
 * Scratch arrays grow on the heap (xrealloc) and are copied into the
 * caller's arena at the end, so the arena holds exactly what is returned.
 */
#include "prose.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"

#define VPUSH(arr, n, cap, item)                                             \
	do {                                                                 \
		if ((n) == (cap)) {                                          \
			(cap) = (cap) ? 2 * (cap) : 16;                      \
			(arr) = xrealloc((arr), (cap) * sizeof *(arr));      \
		}                                                            \
		(arr)[(n)++] = (item);                                       \
	} while (0)

/* ======================================================================
 * Characters
 * ==================================================================== */

/* Decode one UTF-8 code point at s[i]; invalid bytes come back as themselves
 * with length 1 (and count as letters, see is_letter). */
static size_t u8(const char *s, size_t n, size_t i, unsigned *cp)
{
	const unsigned char *p = (const unsigned char *)s + i;
	size_t left = n - i;
	unsigned c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
	if (len == 0 || len > left || c >= 0xF8) {
		*cp = c;
		return 1;
	}
	unsigned v = c & (0x3F >> (len - 1));
	for (size_t k = 1; k < len; k++) {
		if ((p[k] & 0xC0) != 0x80) {
			*cp = c;
			return 1;
		}
		v = (v << 6) | (p[k] & 0x3F);
	}
	*cp = v;
	return len;
}

static int space_cp(unsigned cp)
{
	return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == '\v' ||
	       cp == 0xA0 || cp == 0x2009 || cp == 0x202F || cp == 0x200B || cp == 0x2007;
}

/* Length of the blank at s[i] (0 when none). */
static size_t space_at(const char *s, size_t n, size_t i)
{
	unsigned cp;
	size_t l = u8(s, n, i, &cp);
	return space_cp(cp) ? l : 0;
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int letter_cp(unsigned cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp < 0xC0)
		return cp >= 0x80 && cp < 0xA0 ? 1 : 0; /* stray continuation bytes: letters */
	if (cp <= 0x24F)
		return cp != 0xD7 && cp != 0xF7;
	if (cp >= 0x2000 && cp <= 0x2BFF)
		return 0; /* punctuation, symbols, arrows, shapes */
	if (cp >= 0x3000 && cp <= 0x303F)
		return 0;
	if (cp == 0xFEFF || cp == 0xFFFD)
		return 0;
	return 1;
}

static int upper_at(const char *s, size_t n, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (c >= 'A' && c <= 'Z')
		return 1;
	if (c == 0xC3 && i + 1 < n) {
		unsigned char d = (unsigned char)s[i + 1];
		return d >= 0x80 && d <= 0x9E && d != 0x97;
	}
	return 0;
}

/* Case-insensitive: does s[0..n) spell w (lowercase UTF-8)?  Folds ASCII and
 * Latin-1 capitals (É → é). */
static int weq(const char *s, size_t n, const char *w)
{
	size_t k = 0;
	for (; k < n && w[k]; k++) {
		unsigned char a = (unsigned char)s[k], b = (unsigned char)w[k];
		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a + 32);
		if (a == b)
			continue;
		/* previous byte 0xC3: a Latin-1 letter's second byte */
		if (k > 0 && (unsigned char)s[k - 1] == 0xC3 && a >= 0x80 && a <= 0x9E &&
		    (unsigned char)(a + 0x20) == b)
			continue;
		return 0;
	}
	return k == n && w[k] == '\0';
}

static int wany(const char *s, size_t n, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (weq(s, n, list[i]))
			return 1;
	return 0;
}

/* ======================================================================
 * Structure: paragraphs and sentences
 * ==================================================================== */

struct vecs {
	struct tl_paragraph *para;
	size_t n_para, cap_para;
	struct tl_sentence *sent;
	size_t n_sent, cap_sent;
};

static void trim(const char *s, size_t *b, size_t *e)
{
	while (*b < *e) {
		size_t l = space_at(s, *e, *b);
		if (!l)
			break;
		*b += l;
	}
	while (*e > *b) {
		unsigned char c = (unsigned char)s[*e - 1];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			(*e)--;
		else if (*e - *b >= 2 && c == 0xA0 && (unsigned char)s[*e - 2] == 0xC2)
			*e -= 2;
		else
			break;
	}
}

static void add_para(struct vecs *v, const char *s, size_t b, size_t e, int heading, int list)
{
	trim(s, &b, &e);
	if (b >= e)
		return;
	struct tl_paragraph p = {b, e, heading, list};
	VPUSH(v->para, v->n_para, v->cap_para, p);
}

/* Length of a list marker at s[k] ("- ", "* ", "+ ", "• ", "■ ", "12. ", "3) "),
 * 0 when none. */
static size_t list_marker(const char *s, size_t e, size_t k)
{
	if (k >= e)
		return 0;
	char c = s[k];
	if ((c == '-' || c == '*' || c == '+') && k + 1 < e && (s[k + 1] == ' ' || s[k + 1] == '\t'))
		return 2;
	unsigned cp;
	size_t l = u8(s, e, k, &cp);
	if ((cp == 0x2022 || cp == 0x25A0 || cp == 0x25AA || cp == 0x25CF) && k + l < e &&
	    s[k + l] == ' ')
		return l + 1;
	size_t d = k;
	while (d < e && d - k < 3 && is_digit(s[d]))
		d++;
	if (d > k && d + 1 < e && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ')
		return d + 2 - k;
	return 0;
}

static const char *const abbrevs[] = {
	"o.a", "oa", "bijv", "bv", "ca", "nr", "vs", "t/m", "e.d", "d.w.z", "m.b.t", "i.p.v", "jl",
	"evt", "incl", "excl", "resp", "mr", "dr", "drs", "ir", "ing", "prof", "mevr", "dhr", "st",
	"blz", "p", "pag", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
	"nov", "dec", "z.g.a", "etc", "enz", "m.n", "a.s", "i.s.m", "t.a.v", "e.a", "cf", "vgl", NULL,
};

/* Is the word ending just before s[i] (a '.') an abbreviation or an initial? */
static int abbreviation_before(const char *s, size_t ps, size_t i)
{
	size_t b = i;
	while (b > ps && i - b < 32 && s[b - 1] != ' ' && s[b - 1] != '\n' && s[b - 1] != '\t' &&
	       s[b - 1] != '(')
		b--;
	if (i - b >= 32)
		return 0; /* no abbreviation is this long */
	size_t n = i - b;
	if (n == 0)
		return 0;
	if (is_digit(s[i - 1]))
		return 0;
	if (n == 1 && ((s[b] >= 'A' && s[b] <= 'Z') || (s[b] >= 'a' && s[b] <= 'z')))
		return 1; /* an initial, "p." */
	if (memchr(s + b, '.', n))
		return 1; /* "o.a", "A.M.D.G", "d.w.z" */
	return wany(s + b, n, abbrevs);
}

/* Could a sentence start at s[k]? */
static int sentence_start(const char *s, size_t e, size_t k)
{
	char c = s[k];
	if (upper_at(s, e, k) || is_digit(c))
		return 1;
	if (c == '"' || c == '\'' || c == '(' || c == '[' || c == '*' || c == '_' || c == '#' ||
	    c == '{' || c == '\xe2' /* “ ‘ ■ • € … */)
		return 1;
	return 0;
}

/* A closing mark that may follow the full stop: ) ] " ' * _ ” ’ */
static size_t closer_at(const char *s, size_t e, size_t j)
{
	char c = s[j];
	if (c == ')' || c == ']' || c == '"' || c == '\'' || c == '*' || c == '_')
		return 1;
	unsigned cp;
	size_t l = u8(s, e, j, &cp);
	if (cp == 0x201D || cp == 0x2019 || cp == 0xBB)
		return l;
	return 0;
}

static void add_sentence(struct vecs *v, const char *s, size_t b, size_t e, size_t para)
{
	trim(s, &b, &e);
	if (b >= e)
		return;
	struct tl_sentence t = {b, e, para};
	VPUSH(v->sent, v->n_sent, v->cap_sent, t);
}

static void split_sentences(struct vecs *v, const char *s, size_t pi)
{
	const struct tl_paragraph *p = &v->para[pi];
	size_t ps = p->start, pe = p->end;
	if (p->heading) {
		add_sentence(v, s, ps, pe, pi);
		return;
	}
	size_t start = ps;
	for (size_t i = ps; i < pe; i++) {
		char c = s[i];
		size_t plen = 0;
		if (c == '.' || c == '!' || c == '?')
			plen = 1;
		else if ((unsigned char)c == 0xE2 && i + 2 < pe && (unsigned char)s[i + 1] == 0x80 &&
			 (unsigned char)s[i + 2] == 0xA6)
			plen = 3;
		if (!plen)
			continue;
		size_t j = i + plen;
		int single_dot = c == '.' && !(j < pe && s[j] == '.');
		while (j < pe && (s[j] == '.' || s[j] == '!' || s[j] == '?'))
			j++;
		size_t cl;
		while (j < pe && (cl = closer_at(s, pe, j)) != 0)
			j += cl;
		if (j >= pe)
			break;
		if (!space_at(s, pe, j)) {
			i = j - 1;
			continue;
		}
		size_t k = j, l;
		while (k < pe && (l = space_at(s, pe, k)) != 0)
			k += l;
		if (k >= pe)
			break;
		if (single_dot && abbreviation_before(s, ps, i)) {
			i = j - 1;
			continue;
		}
		if (!sentence_start(s, pe, k)) {
			i = j - 1;
			continue;
		}
		add_sentence(v, s, start, j, pi);
		start = k;
		i = k - 1;
	}
	add_sentence(v, s, start, pe, pi);
}

static void structure(const char *s, size_t n, struct vecs *v)
{
	size_t i = 0;
	int open = 0, open_list = 0;
	size_t pstart = 0, pend = 0;
#define CLOSE()                                                       \
	do {                                                          \
		if (open)                                             \
			add_para(v, s, pstart, pend, 0, open_list);   \
		open = 0;                                             \
		open_list = 0;                                        \
	} while (0)
	while (i < n) {
		size_t le = i;
		while (le < n && s[le] != '\n')
			le++;
		size_t k = i;
		while (k < le && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
			k++;
		size_t nb = k;
		while (nb < le && space_at(s, le, nb))
			nb += space_at(s, le, nb);
		if (nb >= le) {
			CLOSE();
		} else if (s[k] == '#' && k - i < 4) {
			size_t h = k;
			while (h < le && s[h] == '#' && h - k < 7)
				h++;
			int level = (int)(h - k);
			if (level <= 6 && (h >= le || s[h] == ' ' || s[h] == '\t')) {
				CLOSE();
				add_para(v, s, h, le, level, 0);
			} else {
				if (!open) {
					open = 1;
					pstart = k;
				}
				pend = le;
			}
		} else if (list_marker(s, le, k)) {
			CLOSE();
			open = 1;
			open_list = 1;
			pstart = k + list_marker(s, le, k);
			/* "- 1. Versterken …": a numbered item inside a bullet */
			while (pstart < le && s[pstart] == ' ')
				pstart++;
			if (list_marker(s, le, pstart))
				pstart += list_marker(s, le, pstart);
			pend = le;
		} else {
			if (!open) {
				open = 1;
				pstart = k;
			}
			pend = le;
		}
		i = le + 1;
	}
	CLOSE();
#undef CLOSE
	for (size_t p = 0; p < v->n_para; p++)
		split_sentences(v, s, p);
}

/* ======================================================================
 * Tokens
 * ==================================================================== */

enum tk { TK_WORD, TK_NUM, TK_PUNCT };

struct tok {
	size_t s, e;
	enum tk k;
	unsigned cp;    /* TK_PUNCT: the code point */
	double v;       /* TK_NUM: the value */
	int dec;        /* TK_NUM: decimals written */
	int ndigits;    /* TK_NUM: digits of the integer part */
	int tzeros;     /* TK_NUM: trailing zeros of the integer part */
	unsigned flags; /* TK_NUM: TL_QF_* of the notation */
	size_t sent;    /* sentence index, (size_t)-1 outside any */
	int used;       /* consumed by a date or quantity */
};

/* Interpret a run of digits with '.' and ',' separators at s[b..e). */
static void number_value(const char *s, size_t b, size_t e, struct tok *t)
{
	size_t glen[64] = {0};
	char sep[64] = {0};
	size_t ng = 0;
	size_t i = b, total = 0;
	while (i < e && ng < 64) {
		size_t g = i;
		while (i < e && is_digit(s[i]))
			i++;
		glen[ng] = i - g;
		total += i - g;
		sep[ng] = i < e ? s[i] : 0;
		ng++;
		if (i < e)
			i++;
	}
	t->flags = 0;
	t->dec = 0;
	if (ng == 64 || total > 15) {
		t->flags = TL_QF_ODD;
		t->v = 0;
		return;
	}
	/* Which separator is decimal, which grouping? */
	int dec_at = -1; /* index of the group after the decimal separator */
	if (ng == 1) {
		/* plain integer */
	} else {
		int ndot = 0, ncomma = 0;
		for (size_t g = 0; g + 1 < ng; g++) {
			if (sep[g] == '.')
				ndot++;
			else
				ncomma++;
		}
		int inner3 = 1;
		for (size_t g = 1; g + 1 < ng; g++)
			if (glen[g] != 3)
				inner3 = 0;
		int last3 = glen[ng - 1] == 3;
		int first_ok = glen[0] >= 1 && glen[0] <= 3;
		char lastsep = sep[ng - 2];
		if (ncomma == 0) {
			if (ng == 2 && !last3) {
				dec_at = 1; /* "74.2", "2.0" */
				t->flags |= TL_QF_DOTDEC;
			} else if (first_ok && inner3 && last3) {
				t->flags |= TL_QF_GROUPED; /* "260.000", "34.820.423" */
			} else {
				t->flags |= TL_QF_ODD; /* "1.2.3", "12.12.2025" */
			}
		} else if (ndot == 0) {
			if (ng == 2) {
				dec_at = 1; /* "74,2" */
				if (last3 && first_ok)
					t->flags |= TL_QF_AMBIGUOUS; /* "750,000" */
			} else if (first_ok && inner3 && last3) {
				t->flags |= TL_QF_FOREIGN | TL_QF_GROUPED; /* "1,234,567" */
			} else {
				t->flags |= TL_QF_ODD;
			}
		} else if (lastsep == ',' && ncomma == 1) {
			if (first_ok && inner3) {
				dec_at = (int)ng - 1; /* "1.234,5" */
				t->flags |= TL_QF_GROUPED;
			} else {
				t->flags |= TL_QF_ODD;
			}
		} else if (lastsep == '.' && ndot == 1) {
			if (first_ok && inner3) {
				dec_at = (int)ng - 1; /* "1,234.5" */
				t->flags |= TL_QF_FOREIGN | TL_QF_GROUPED;
			} else {
				t->flags |= TL_QF_ODD;
			}
		} else {
			t->flags |= TL_QF_ODD;
		}
	}
	double v = 0, frac = 0, scale = 1;
	int ndig = 0, tz = 0;
	i = b;
	for (size_t g = 0; g < ng; g++) {
		int is_dec = dec_at >= 0 && (size_t)dec_at == g;
		for (size_t k = 0; k < glen[g]; k++, i++) {
			int d = s[i] - '0';
			if (is_dec) {
				scale /= 10;
				frac += d * scale;
			} else {
				v = v * 10 + d;
				ndig++;
				tz = d == 0 ? tz + 1 : 0;
			}
		}
		if (is_dec)
			t->dec = (int)glen[g];
		i++; /* separator */
	}
	t->v = v + frac;
	t->ndigits = ndig;
	t->tzeros = tz;
}

static void tokenize(const char *s, size_t n, struct tok **out, size_t *nout)
{
	struct tok *t = NULL;
	size_t nt = 0, cap = 0;
	size_t i = 0;
	while (i < n) {
		unsigned cp;
		size_t l = u8(s, n, i, &cp);
		if (space_cp(cp)) {
			i += l;
			continue;
		}
		struct tok k;
		memset(&k, 0, sizeof k);
		k.s = i;
		k.sent = (size_t)-1;
		if (is_digit(s[i])) {
			size_t j = i;
			while (j < n) {
				while (j < n && is_digit(s[j]))
					j++;
				if (j + 1 < n && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1]))
					j++;
				else
					break;
			}
			number_value(s, i, j, &k);
			/* ",-" after a whole amount */
			if (j + 1 < n && s[j] == ',' && s[j + 1] == '-' && !(j + 2 < n && is_digit(s[j + 2]))) {
				k.flags |= TL_QF_DASH;
				j += 2;
			}
			k.k = TK_NUM;
			k.e = j;
			VPUSH(t, nt, cap, k);
			i = j;
			continue;
		}
		if (letter_cp(cp)) {
			size_t j = i + l;
			while (j < n) {
				unsigned c2;
				size_t l2 = u8(s, n, j, &c2);
				if (letter_cp(c2) || (c2 < 0x80 && is_digit((char)c2))) {
					j += l2;
					continue;
				}
				if ((c2 == '\'' || c2 == 0x2019 || c2 == '-') && j + l2 < n) {
					unsigned c3;
					u8(s, n, j + l2, &c3);
					if (letter_cp(c3)) {
						j += l2;
						continue;
					}
				}
				break;
			}
			k.k = TK_WORD;
			k.e = j;
			VPUSH(t, nt, cap, k);
			i = j;
			continue;
		}
		k.k = TK_PUNCT;
		k.cp = cp;
		k.e = i + l;
		VPUSH(t, nt, cap, k);
		i += l;
	}
	*out = t;
	*nout = nt;
}

/* ======================================================================
 * Number words
 * ==================================================================== */

static const char *const units_nl[] = {"nul", "een", "twee", "drie", "vier", "vijf", "zes",
				       "zeven", "acht", "negen", NULL};
static const char *const teens_nl[] = {"tien", "elf", "twaalf", "dertien", "veertien",
				       "vijftien", "zestien", "zeventien", "achttien", "negentien",
				       NULL};
static const char *const tens_nl[] = {"", "", "twintig", "dertig", "veertig", "vijftig",
				      "zestig", "zeventig", "tachtig", "negentig", NULL};

/* Lowercase copy of a short word into buf (ASCII and Latin-1 capitals
 * folded); 0 when too long. */
static size_t lower(const char *s, size_t n, char *buf, size_t cap)
{
	if (n + 1 > cap)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E)
			c = (unsigned char)(c + 0x20);
		buf[i] = (char)c;
	}
	buf[n] = '\0';
	return n;
}

static int unit_word(const char *w, size_t n, int *v)
{
	for (int i = 1; units_nl[i]; i++) {
		if (strlen(units_nl[i]) == n && !memcmp(w, units_nl[i], n)) {
			*v = i;
			return 1;
		}
	}
	if (n == 5 && !memcmp(w, "\xc3\xa9\xc3\xa9n", 5)) { /* één */
		*v = 1;
		return 1;
	}
	return 0;
}

int tl_prose_number_word(const char *s, size_t n, double *v)
{
	char w[48];
	if (!lower(s, n, w, sizeof w))
		return -1;
	int u;
	if (unit_word(w, n, &u)) {
		*v = u;
		return 0;
	}
	for (int i = 0; teens_nl[i]; i++)
		if (!strcmp(w, teens_nl[i])) {
			*v = 10 + i;
			return 0;
		}
	for (int i = 2; tens_nl[i]; i++)
		if (!strcmp(w, tens_nl[i])) {
			*v = 10 * i;
			return 0;
		}
	if (!strcmp(w, "honderd")) {
		*v = 100;
		return 0;
	}
	if (!strcmp(w, "duizend")) {
		*v = 1000;
		return 0;
	}
	/* <unit>(en|ën)<tens>: vijfentwintig, tweeëntwintig */
	for (int t = 2; tens_nl[t]; t++) {
		size_t tl = strlen(tens_nl[t]);
		if (n <= tl || strcmp(w + n - tl, tens_nl[t]))
			continue;
		size_t head = n - tl;
		size_t cl = 0;
		if (head >= 2 && !memcmp(w + head - 2, "en", 2))
			cl = 2;
		else if (head >= 3 && !memcmp(w + head - 3, "\xc3\xabn", 3))
			cl = 3;
		if (!cl)
			continue;
		int uu;
		if (unit_word(w, head - cl, &uu) ||
		    (head - cl == 4 && !memcmp(w, "drie", 4) && (uu = 3)) ||
		    (head - cl == 4 && !memcmp(w, "twee", 4) && (uu = 2))) {
			*v = 10 * t + uu;
			return 0;
		}
	}
	/* <unit>honderd / <unit>duizend */
	static const char *const big[] = {"honderd", "duizend"};
	for (int b = 0; b < 2; b++) {
		size_t bl = strlen(big[b]);
		if (n > bl && !strcmp(w + n - bl, big[b])) {
			int uu;
			if (unit_word(w, n - bl, &uu) && uu > 1) {
				*v = uu * (b ? 1000 : 100);
				return 0;
			}
		}
	}
	return -1;
}

static const char *const stopwords[] = {
	"de", "het", "een", "van", "en", "in", "op", "met", "voor", "aan", "of", "dat", "die", "dit",
	"deze", "te", "is", "zijn", "er", "bij", "om", "tot", "naar", "als", "ook", "uit", "over",
	"door", "wordt", "worden", "was", "waren", "heeft", "hebben", "hun", "haar", "zich", "niet",
	"nog", "wel", "maar", "dan", "al", "meer", "minder", "we", "wij", "ze", "zij", "u", "hij",
	"ons", "onze", "per", "elke", "iedere", "ieder", "alle", "andere", "waarvan", "waarin",
	"welke", "wat", "wie", "hoe", "zo", "zeer", "kan", "kunnen", "zal", "zullen", "tussen",
	"sinds", "vanaf", "t", "s", "jaar", "jaren", "keer", NULL,
};

int tl_prose_stopword(const char *s, size_t n)
{
	return wany(s, n, stopwords);
}

int tl_prose_word_eq(const char *s, size_t n, const char *w)
{
	return weq(s, n, w);
}

size_t tl_prose_lower(const char *s, size_t n, char *buf, size_t cap)
{
	return lower(s, n, buf, cap);
}

/* ======================================================================
 * Weekdays and months
 * ==================================================================== */

static const char *const weekdays_nl[] = {"maandag", "dinsdag", "woensdag", "donderdag",
					  "vrijdag", "zaterdag", "zondag", NULL};
static const char *const months_full[] = {"januari", "februari", "maart", "april", "mei",
					  "juni", "juli", "augustus", "september", "oktober",
					  "november", "december", NULL};
static const char *const months_abbr[] = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul",
					  "aug", "sep", "okt", "nov", "dec", NULL};

int tl_days_in_month(int year, int month)
{
	static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0))
		return 29;
	return d[month - 1];
}

int tl_weekday(int year, int month, int day)
{
	if (year < 1 || year > 9999 || day < 1 || day > tl_days_in_month(year, month))
		return 0;
	/* Sakamoto's method: 0 = Sunday. */
	static const int t[12] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	int y = month < 3 ? year - 1 : year;
	int w = (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7;
	return w == 0 ? 7 : w;
}

const char *tl_weekday_name(int weekday)
{
	return weekday >= 1 && weekday <= 7 ? weekdays_nl[weekday - 1] : NULL;
}

static int index_of(const char *s, size_t n, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (weq(s, n, list[i]))
			return i;
	return -1;
}

/* ======================================================================
 * Patterns over tokens
 * ==================================================================== */

struct scan {
	const char *s;
	size_t n;
	struct tok *t;
	size_t nt;
	struct tl_quantity *q;
	size_t nq, capq;
	struct tl_written_date *d;
	size_t nd, capd;
	struct tl_claim *c;
	size_t nc, capc;
};

static int tw(const struct scan *x, size_t i, const char *w)
{
	return i < x->nt && x->t[i].k == TK_WORD && weq(x->s + x->t[i].s, x->t[i].e - x->t[i].s, w);
}

static int tp(const struct scan *x, size_t i, unsigned cp)
{
	return i < x->nt && x->t[i].k == TK_PUNCT && x->t[i].cp == cp;
}

/* Same sentence (both inside one). */
static int same(const struct scan *x, size_t i, size_t j)
{
	return i < x->nt && j < x->nt && x->t[i].sent != (size_t)-1 && x->t[i].sent == x->t[j].sent;
}

static int free_tok(const struct scan *x, size_t i)
{
	return i < x->nt && !x->t[i].used;
}

/* A bare integer with no notation flags (a day, a year, a plain count). */
static int plain_int(const struct tok *t)
{
	return t->k == TK_NUM && t->dec == 0 && t->flags == 0;
}

static void dates(struct scan *x)
{
	for (size_t i = 0; i < x->nt; i++) {
		struct tok *t = &x->t[i];
		if (t->k != TK_WORD && t->k != TK_NUM)
			continue;
		size_t j = i;
		int wd = 0;
		if (t->k == TK_WORD) {
			int w = index_of(x->s + t->s, t->e - t->s, weekdays_nl);
			if (w >= 0) {
				wd = w + 1;
				j = i + 1;
			}
		}
		int day = 0, month = 0, year = 0;
		size_t k = j;
		if (k < x->nt && plain_int(&x->t[k]) && x->t[k].v >= 1 && x->t[k].v <= 31 &&
		    x->t[k].e - x->t[k].s <= 2 && (k == i || same(x, i, k))) {
			day = (int)x->t[k].v;
			k++;
		}
		/* month name, or an abbreviation with its full stop */
		size_t mtok = k;
		if (mtok < x->nt && x->t[mtok].k == TK_WORD && (mtok == i || same(x, i, mtok))) {
			const char *ms = x->s + x->t[mtok].s;
			size_t ml = x->t[mtok].e - x->t[mtok].s;
			int m = index_of(ms, ml, months_full);
			size_t after = mtok + 1;
			if (m < 0) {
				m = index_of(ms, ml, months_abbr);
				if (m >= 0 && tp(x, mtok + 1, '.') && x->t[mtok + 1].s == x->t[mtok].e)
					after = mtok + 2;
				else
					m = -1;
			}
			if (m >= 0) {
				month = m + 1;
				k = after;
			}
		}
		if (!month)
			continue;
		if (k < x->nt && plain_int(&x->t[k]) && x->t[k].v >= 1000 && x->t[k].v <= 2999 &&
		    same(x, mtok, k)) {
			year = (int)x->t[k].v;
			k++;
		}
		/* "mei" alone or "juni" alone is not a date; a month needs a day or a year. */
		if (!day && !year)
			continue;
		/* A weekday only belongs to the date when a day follows it. */
		if (wd && !day) {
			wd = 0;
			j = i + 1;
		}
		size_t first = wd ? i : j;
		struct tl_written_date d = {x->t[first].s, x->t[k - 1].e, wd, day, month, year};
		VPUSH(x->d, x->nd, x->capd, d);
		for (size_t u = first; u < k; u++)
			x->t[u].used = 1;
		i = k - 1;
	}
}

/* Approximation words ending just before token i (same sentence).  Sets
 * *first to the first token of the phrase. */
static enum tl_approx approx_before(const struct scan *x, size_t i, size_t *first)
{
	*first = i;
	if (i == 0)
		return TL_APPROX_EXACT;
	static const struct {
		const char *w[3];
		enum tl_approx a;
	} phrases[] = {
		{{"iets", "meer", "dan"}, TL_APPROX_JUST_OVER},
		{{"iets", "minder", "dan"}, TL_APPROX_UNDER},
		{{"ruim", "meer", "dan"}, TL_APPROX_OVER},
		{{"naar", "schatting", NULL}, TL_APPROX_ABOUT},
		{{"meer", "dan", NULL}, TL_APPROX_OVER},
		{{"minder", "dan", NULL}, TL_APPROX_UNDER},
		{{"onder", "de", NULL}, TL_APPROX_UNDER},
		{{"boven", "de", NULL}, TL_APPROX_OVER},
		{{"nog", "geen", NULL}, TL_APPROX_UNDER},
		{{"net", "geen", NULL}, TL_APPROX_ALMOST},
		{{"ten", "minste", NULL}, TL_APPROX_OVER},
		{{"rond", "de", NULL}, TL_APPROX_ABOUT},
		{{"tot", "wel", NULL}, TL_APPROX_UNDER},
		{{"bijna", NULL, NULL}, TL_APPROX_ALMOST},
		{{"nagenoeg", NULL, NULL}, TL_APPROX_ALMOST},
		{{"vrijwel", NULL, NULL}, TL_APPROX_ALMOST},
		{{"krap", NULL, NULL}, TL_APPROX_ALMOST},
		{{"ruim", NULL, NULL}, TL_APPROX_JUST_OVER},
		{{"dik", NULL, NULL}, TL_APPROX_JUST_OVER},
		{{"ongeveer", NULL, NULL}, TL_APPROX_ABOUT},
		{{"rond", NULL, NULL}, TL_APPROX_ABOUT},
		{{"rondom", NULL, NULL}, TL_APPROX_ABOUT},
		{{"circa", NULL, NULL}, TL_APPROX_ABOUT},
		{{"zo'n", NULL, NULL}, TL_APPROX_ABOUT},
		{{"zo\xe2\x80\x99n", NULL, NULL}, TL_APPROX_ABOUT},
		{{"tenminste", NULL, NULL}, TL_APPROX_OVER},
		{{"minstens", NULL, NULL}, TL_APPROX_OVER},
		{{"hooguit", NULL, NULL}, TL_APPROX_UNDER},
		{{"maximaal", NULL, NULL}, TL_APPROX_UNDER},
		{{"hoogstens", NULL, NULL}, TL_APPROX_UNDER},
	};
	for (size_t p = 0; p < sizeof phrases / sizeof *phrases; p++) {
		size_t len = phrases[p].w[2] ? 3 : phrases[p].w[1] ? 2 : 1;
		if (i < len)
			continue;
		size_t b = i - len;
		int ok = 1;
		for (size_t k = 0; k < len && ok; k++)
			ok = tw(x, b + k, phrases[p].w[k]) && same(x, b + k, i) && free_tok(x, b + k);
		if (ok) {
			*first = b;
			return phrases[p].a;
		}
	}
	/* "ca." */
	if (i >= 2 && tw(x, i - 2, "ca") && tp(x, i - 1, '.') && same(x, i - 2, i)) {
		*first = i - 2;
		return TL_APPROX_ABOUT;
	}
	return TL_APPROX_EXACT;
}

/* Step for a figure of `v` written as a bare integer with ndig digits and tz
 * trailing zeros: keep at least two significant digits. */
static double int_step(int ndig, int tz)
{
	if (ndig - tz < 2)
		tz = ndig - 2;
	if (tz < 0)
		tz = 0;
	return pow(10, tz);
}

static double word_step(double v)
{
	if (v < 20)
		return 1;
	double p = pow(10, floor(log10(v)) - 1);
	return p < 1 ? 1 : p;
}

/* The counted word after token k (0,0 when the next token is no fitting word). */
static void noun_after(const struct scan *x, size_t k, struct tl_quantity *q)
{
	q->noun_start = q->noun_end = q->end;
	if (k < x->nt && x->t[k].k == TK_WORD && same(x, k - 1, k) && !x->t[k].used) {
		const char *w = x->s + x->t[k].s;
		size_t l = x->t[k].e - x->t[k].s;
		if (!tl_prose_stopword(w, l) || weq(w, l, "jaar") || weq(w, l, "jaren")) {
			q->noun_start = x->t[k].s;
			q->noun_end = x->t[k].e;
		}
	}
}

static void push_q(struct scan *x, struct tl_quantity *q, size_t first, size_t last)
{
	for (size_t u = first; u <= last && u < x->nt; u++)
		x->t[u].used = 1;
	VPUSH(x->q, x->nq, x->capq, *q);
}

/* Number word at token i (not "een"/"één", which are too often articles). */
static int number_word_at(const struct scan *x, size_t i, double *v, int allow_one)
{
	if (i >= x->nt || x->t[i].k != TK_WORD)
		return 0;
	if (tl_prose_number_word(x->s + x->t[i].s, x->t[i].e - x->t[i].s, v))
		return 0;
	return allow_one || *v != 1;
}

/* Fractions in words at token i: "de helft", "een kwart", "driekwart",
 * "twee derde", "één op de tien", "vier op de vijf".  Returns the number of
 * tokens, 0 when none; *v is the share as a percentage. */
static size_t fraction_at(const struct scan *x, size_t i, double *v)
{
	if (i >= x->nt || x->t[i].k != TK_WORD)
		return 0;
	if (tw(x, i, "driekwart")) {
		*v = 75;
		return 1;
	}
	if (tw(x, i, "tweederde")) {
		*v = 200.0 / 3;
		return 1;
	}
	if ((tw(x, i, "de") || tw(x, i, "een") || tw(x, i, "\xc3\xa9\xc3\xa9n") || tw(x, i, "e\xc3\xa9n")) &&
	    same(x, i, i + 1)) {
		if (tw(x, i, "de") && tw(x, i + 1, "helft")) {
			*v = 50;
			return 2;
		}
		if (!tw(x, i, "de") && tw(x, i + 1, "kwart")) {
			*v = 25;
			return 2;
		}
		if (!tw(x, i, "de") && tw(x, i + 1, "derde") &&
		    (i + 2 >= x->nt || x->t[i + 2].k != TK_WORD || tw(x, i + 2, "van"))) {
			*v = 100.0 / 3;
			return 2;
		}
	}
	double m = 0, d = 0;
	if (tw(x, i + 1, "kwart") && number_word_at(x, i, &m, 0) && m == 3 && same(x, i, i + 1)) {
		*v = 75;
		return 2;
	}
	if (tw(x, i + 1, "derde") && number_word_at(x, i, &m, 0) && m == 2 && same(x, i, i + 1)) {
		*v = 200.0 / 3;
		return 2;
	}
	/* M op de/elke/iedere N */
	int mok = number_word_at(x, i, &m, 1) || (plain_int(&x->t[i]) && (m = x->t[i].v) > 0);
	if (mok && tw(x, i + 1, "op") && (tw(x, i + 2, "de") || tw(x, i + 2, "elke") ||
					  tw(x, i + 2, "iedere")) &&
	    same(x, i, i + 3) && i + 3 < x->nt) {
		int dok = number_word_at(x, i + 3, &d, 0) ||
			  (plain_int(&x->t[i + 3]) && (d = x->t[i + 3].v) > 0);
		if (dok && d >= 2 && m < d && m >= 1) {
			*v = 100.0 * m / d;
			return 4;
		}
	}
	return 0;
}

static void quantities(struct scan *x)
{
	for (size_t i = 0; i < x->nt; i++) {
		if (x->t[i].used || x->t[i].sent == (size_t)-1)
			continue;
		struct tl_quantity q;
		memset(&q, 0, sizeof q);
		double v;
		size_t fl = fraction_at(x, i, &v);
		if (fl) {
			size_t first;
			q.approx = approx_before(x, i, &first);
			q.kind = TL_Q_SHARE;
			q.value = v;
			q.step = 1;
			q.flags = TL_QF_WORDS;
			q.start = x->t[first].s;
			q.num_start = x->t[i].s;
			q.num_end = q.end = x->t[i + fl - 1].e;
			noun_after(x, i + fl, &q);
			push_q(x, &q, first, i + fl - 1);
			i += fl - 1;
			continue;
		}
		size_t num = i, last = i;
		int is_word = 0;
		int euro = 0;
		size_t fig_start = i;
		/* "€ 5", "EUR 5" */
		if (x->t[i].k == TK_PUNCT && x->t[i].cp == 0x20AC && i + 1 < x->nt &&
		    x->t[i + 1].k == TK_NUM && same(x, i, i + 1)) {
			euro = 1;
			num = last = i + 1;
		} else if (tw(x, i, "eur") && i + 1 < x->nt && x->t[i + 1].k == TK_NUM && same(x, i, i + 1)) {
			euro = 1;
			num = last = i + 1;
		} else if (x->t[i].k == TK_NUM) {
			/* digits */
		} else if (number_word_at(x, i, &v, 0)) {
			/* a word number is dropped before an article ("Vier de
			 * Verschillen") and when glued into a longer phrase */
			if (tw(x, i + 1, "de") || tw(x, i + 1, "het") || tw(x, i + 1, "een"))
				continue;
			is_word = 1;
		} else {
			continue;
		}
		struct tok *t = &x->t[num];
		if (!is_word) {
			if (t->flags & TL_QF_ODD)
				continue;
			/* glued to letters: "2e", "3de", "10x", "85-plussers" keep the
			 * number but drop ordinals and codes */
			if (t->e < x->n && num + 1 < x->nt && x->t[num + 1].s == t->e &&
			    x->t[num + 1].k == TK_WORD)
				continue;
			/* glued after letters: "ZO!34", "Q1" */
			if (num > 0 && x->t[num - 1].e == t->s && x->t[num - 1].k == TK_WORD)
				continue;
			q.value = t->v;
			q.decimals = t->dec;
			q.flags = t->flags;
			q.step = t->dec ? pow(10, -t->dec) : int_step(t->ndigits, t->tzeros);
		} else {
			q.value = v;
			q.flags = TL_QF_WORDS;
			q.step = word_step(v);
		}
		/* scale: duizend, miljoen, miljard */
		double scale = 1;
		if (same(x, last, last + 1)) {
			if (tw(x, last + 1, "duizend"))
				scale = 1e3;
			else if (tw(x, last + 1, "miljoen"))
				scale = 1e6;
			else if (tw(x, last + 1, "miljard"))
				scale = 1e9;
			if (scale > 1) {
				last++;
				q.flags |= TL_QF_SCALED;
				q.value *= scale;
				q.step *= scale;
				if (q.decimals && !is_word)
					q.step = pow(10, -q.decimals) * scale;
			}
		}
		q.kind = TL_Q_COUNT;
		if (euro) {
			q.kind = TL_Q_EURO;
		} else if (tp(x, last + 1, '%') && same(x, last, last + 1)) {
			q.kind = TL_Q_PERCENT;
			last++;
		} else if ((tw(x, last + 1, "procent") || tw(x, last + 1, "percent")) && same(x, last, last + 1)) {
			q.kind = TL_Q_PERCENT;
			last++;
		} else if ((tw(x, last + 1, "euro") || tw(x, last + 1, "eur")) && same(x, last, last + 1)) {
			q.kind = TL_Q_EURO;
			last++;
		} else if (!is_word && !(q.flags & (TL_QF_SCALED | TL_QF_DASH)) && plain_int(t) &&
			   t->v >= 1900 && t->v <= 2100 && t->e - t->s == 4) {
			q.kind = TL_Q_YEAR;
		}
		if (q.flags & TL_QF_DASH)
			q.kind = TL_Q_EURO;
		/* English notation that cannot be a version number or a decimal */
		if ((q.flags & TL_QF_DOTDEC) &&
		    (q.kind == TL_Q_PERCENT || q.kind == TL_Q_EURO || (q.flags & TL_QF_SCALED)))
			q.flags |= TL_QF_FOREIGN;
		if ((q.flags & TL_QF_AMBIGUOUS) && (q.kind == TL_Q_EURO || (q.flags & TL_QF_DASH))) {
			/* "€ 750,000" means 750 thousand: Dutch would write 750.000 */
			q.flags |= TL_QF_FOREIGN;
			q.value = q.value * 1000;
			q.decimals = 0;
			q.step = int_step(6, 3);
		}
		size_t first = fig_start;
		q.approx = q.kind == TL_Q_YEAR ? TL_APPROX_EXACT : approx_before(x, fig_start, &first);
		q.start = x->t[first].s;
		q.num_start = x->t[fig_start].s;
		q.num_end = q.end = x->t[last].e;
		noun_after(x, last + 1, &q);
		push_q(x, &q, first, last);
		i = last;
	}
}

/* ---- Claims -------------------------------------------------------------- */

static void push_claim(struct scan *x, size_t b, size_t e, enum tl_claim_kind k)
{
	struct tl_claim c = {x->t[b].s, x->t[e].e, k, 0};
	/* flags from the neighbourhood, within the sentence */
	size_t sent = x->t[b].sent;
	for (size_t j = b + 1; j < e; j++)
		if (tw(x, j, "iets") || tw(x, j, "licht") || tw(x, j, "langzaam") || tw(x, j, "enigszins"))
			c.flags |= TL_CF_SLIGHT;
	for (size_t j = b; j-- > 0 && b - j <= 3 && x->t[j].sent == sent;) {
		if (tw(x, j, "iets") || tw(x, j, "licht") || tw(x, j, "langzaam") || tw(x, j, "enigszins") ||
		    tw(x, j, "wat") || tw(x, j, "lichtjes"))
			c.flags |= TL_CF_SLIGHT;
		if (tw(x, j, "niet") || tw(x, j, "geen") || tw(x, j, "nauwelijks"))
			c.flags |= TL_CF_NEGATED;
	}
	for (size_t j = e + 1; j < x->nt && j <= e + 10 && x->t[j].sent == sent; j++) {
		if (tw(x, j, "landelijk") || tw(x, j, "landelijke") || tw(x, j, "nederland") ||
		    tw(x, j, "elders") || (tw(x, j, "land") && j > 0 && tw(x, j - 1, "het")))
			c.flags |= TL_CF_NATIONAL;
		if (tw(x, j, "dan") || tw(x, j, "als"))
			c.flags |= TL_CF_THAN;
	}
	for (size_t j = b; j-- > 0 && b - j <= 40 && x->t[j].sent == sent;)
		if (tw(x, j, "zal") || tw(x, j, "zullen") || tw(x, j, "verwacht") || tw(x, j, "verwachten") ||
		    tw(x, j, "gaat") || tw(x, j, "gaan") || tw(x, j, "moet") || tw(x, j, "moeten") ||
		    tw(x, j, "doel") || tw(x, j, "streven") || tw(x, j, "ambitie"))
			c.flags |= TL_CF_FUTURE;
	for (size_t j = e + 1; j < x->nt && j <= e + 40 && x->t[j].sent == sent; j++)
		if (tw(x, j, "zal") || tw(x, j, "zullen") || tw(x, j, "verwacht"))
			c.flags |= TL_CF_FUTURE;
	VPUSH(x->c, x->nc, x->capc, c);
}

static void claims(struct scan *x)
{
	static const char *const up[] = {"stijgt", "stijgen", "steeg", "stegen", "gestegen",
					 "stijging", "groeit", "groeien", "groeide", "gegroeid",
					 "toegenomen", "toename", "toeneemt", "toenemen",
					 "opgelopen", "hoger geworden", NULL};
	static const char *const down[] = {"daalt", "dalen", "daalde", "daalden", "gedaald",
					   "daling", "afgenomen", "afname", "afneemt", "afnemen",
					   "teruggelopen", "terugloopt", NULL};
	static const char *const stable[] = {"stabiel", "onveranderd", NULL};
	static const char *const better[] = {"verbetert", "verbeterd", "verbeterde", NULL};
	static const char *const worse[] = {"verslechtert", "verslechterd", "verslechterde", NULL};
	static const char *const higher[] = {"hoger", "bovengemiddeld", "bovengemiddelde", NULL};
	static const char *const lower_[] = {"lager", "ondergemiddeld", "ondergemiddelde", NULL};
	static const char *const fav[] = {"gunstig", "gunstige", "gunstiger", "positief", "beter", NULL};
	static const char *const unfav[] = {"ongunstig", "ongunstige", "ongunstiger", "negatief",
					    "slechter", NULL};
	for (size_t i = 0; i < x->nt; i++) {
		struct tok *t = &x->t[i];
		if (t->k != TK_WORD || t->sent == (size_t)-1)
			continue;
		const char *w = x->s + t->s;
		size_t l = t->e - t->s;
		if (wany(w, l, up)) {
			push_claim(x, i, i, TL_CLAIM_UP);
		} else if (wany(w, l, down)) {
			push_claim(x, i, i, TL_CLAIM_DOWN);
		} else if (wany(w, l, stable)) {
			push_claim(x, i, i, TL_CLAIM_STABLE);
		} else if (wany(w, l, better)) {
			push_claim(x, i, i, TL_CLAIM_BETTER);
		} else if (wany(w, l, worse)) {
			push_claim(x, i, i, TL_CLAIM_WORSE);
		} else if (wany(w, l, higher)) {
			push_claim(x, i, i, TL_CLAIM_HIGHER);
		} else if (wany(w, l, lower_)) {
			push_claim(x, i, i, TL_CLAIM_LOWER);
		} else if (wany(w, l, unfav)) {
			push_claim(x, i, i, TL_CLAIM_UNFAVOURABLE);
		} else if (wany(w, l, fav)) {
			push_claim(x, i, i, TL_CLAIM_FAVOURABLE);
		} else if (weq(w, l, "neemt") || weq(w, l, "nemen") || weq(w, l, "nam") ||
			   weq(w, l, "namen") || weq(w, l, "loopt") || weq(w, l, "lopen")) {
			int loop = weq(w, l, "loopt") || weq(w, l, "lopen");
			for (size_t j = i + 1; j < x->nt && j <= i + 12 && same(x, i, j); j++) {
				if (x->t[j].k == TK_PUNCT && (x->t[j].cp == ',' || x->t[j].cp == ':' ||
							       x->t[j].cp == ';' || x->t[j].cp == '('))
					break;
				if (loop && j > i + 4)
					break;
				if (!loop && tw(x, j, "toe")) {
					push_claim(x, i, j, TL_CLAIM_UP);
					break;
				}
				if (!loop && tw(x, j, "af")) {
					push_claim(x, i, j, TL_CLAIM_DOWN);
					break;
				}
				if (loop && tw(x, j, "op") && (j + 1 >= x->nt || !same(x, j, j + 1) ||
							      x->t[j + 1].k == TK_PUNCT)) {
					push_claim(x, i, j, TL_CLAIM_UP);
					break;
				}
				if (loop && tw(x, j, "terug")) {
					push_claim(x, i, j, TL_CLAIM_DOWN);
					break;
				}
			}
		} else if (weq(w, l, "steeds") && i + 1 < x->nt && same(x, i, i + 1)) {
			if (tw(x, i + 1, "meer") && !tw(x, i + 2, "dan"))
				push_claim(x, i, i + 1, TL_CLAIM_UP);
			else if (tw(x, i + 1, "minder") && !tw(x, i + 2, "dan"))
				push_claim(x, i, i + 1, TL_CLAIM_DOWN);
		} else if (weq(w, l, "gelijk") && i + 1 < x->nt && same(x, i, i + 1)) {
			if (tw(x, i + 1, "aan"))
				push_claim(x, i, i + 1, TL_CLAIM_EQUAL);
			else if (tw(x, i + 1, "gebleven") || tw(x, i + 1, "blijft"))
				push_claim(x, i, i + 1, TL_CLAIM_STABLE);
		} else if (weq(w, l, "in") && tw(x, i + 1, "lijn") && tw(x, i + 2, "met") && same(x, i, i + 2)) {
			push_claim(x, i, i + 2, TL_CLAIM_EQUAL);
		} else if (weq(w, l, "even") && (tw(x, i + 1, "hoog") || tw(x, i + 1, "groot")) &&
			   tw(x, i + 2, "als") && same(x, i, i + 2)) {
			push_claim(x, i, i + 2, TL_CLAIM_EQUAL);
		} else if ((weq(w, l, "meer") || weq(w, l, "minder")) && !x->t[i].used) {
			/* "meer volwassenen … dan in de rest van Nederland" */
			for (size_t j = i + 1; j < x->nt && j <= i + 8 && same(x, i, j); j++) {
				if (x->t[j].k == TK_PUNCT && x->t[j].cp != '-')
					break;
				if (tw(x, j, "dan")) {
					push_claim(x, i, i, weq(w, l, "meer") ? TL_CLAIM_HIGHER : TL_CLAIM_LOWER);
					break;
				}
			}
		}
	}
}

/* ======================================================================
 * Public
 * ==================================================================== */

#define TO_ARENA(a, dst, src, n)                                               \
	do {                                                                   \
		(dst) = tl_arena_array((a), (n) ? (n) : 1, sizeof *(src));     \
		if (n)                                                         \
			memcpy((dst), (src), (n) * sizeof *(src));             \
	} while (0)

int tl_prose_scan(const char *text, size_t len, tl_arena *a, struct tl_prose *out)
{
	memset(out, 0, sizeof *out);
	if (!text)
		len = 0;
	struct vecs v;
	memset(&v, 0, sizeof v);
	structure(text, len, &v);

	struct scan x;
	memset(&x, 0, sizeof x);
	x.s = text;
	x.n = len;
	tokenize(text, len, &x.t, &x.nt);
	/* sentence of each token (both sorted by offset) */
	size_t si = 0;
	for (size_t i = 0; i < x.nt; i++) {
		while (si < v.n_sent && v.sent[si].end <= x.t[i].s)
			si++;
		if (si < v.n_sent && v.sent[si].start <= x.t[i].s && x.t[i].e <= v.sent[si].end)
			x.t[i].sent = si;
	}
	dates(&x);
	quantities(&x);
	claims(&x);

	size_t nw = 0;
	for (size_t i = 0; i < x.nt; i++)
		nw += x.t[i].k == TK_WORD;
	out->words = TL_NEW_ARRAY(a, struct tl_word, nw ? nw : 1);
	for (size_t i = 0; i < x.nt; i++)
		if (x.t[i].k == TK_WORD)
			out->words[out->n_words++] = (struct tl_word){x.t[i].s, x.t[i].e};
	TO_ARENA(a, out->q, x.q, x.nq);
	out->n_q = x.nq;
	TO_ARENA(a, out->dates, x.d, x.nd);
	out->n_dates = x.nd;
	TO_ARENA(a, out->claims, x.c, x.nc);
	out->n_claims = x.nc;
	TO_ARENA(a, out->sent, v.sent, v.n_sent);
	out->n_sent = v.n_sent;
	TO_ARENA(a, out->para, v.para, v.n_para);
	out->n_para = v.n_para;
	free(x.t);
	free(x.q);
	free(x.d);
	free(x.c);
	free(v.sent);
	free(v.para);
	return 0;
}

size_t tl_prose_sentence_at(const struct tl_prose *p, size_t offset)
{
	size_t lo = 0, hi = p->n_sent;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->sent[mid].start <= offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo ? lo - 1 : 0;
}

size_t tl_prose_word_at(const struct tl_prose *p, size_t offset)
{
	size_t lo = 0, hi = p->n_words;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p->words[mid].start < offset)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const char *tl_approx_name(enum tl_approx a)
{
	switch (a) {
	case TL_APPROX_EXACT: return "";
	case TL_APPROX_ALMOST: return "bijna";
	case TL_APPROX_JUST_OVER: return "ruim";
	case TL_APPROX_OVER: return "meer dan";
	case TL_APPROX_UNDER: return "minder dan";
	case TL_APPROX_ABOUT: return "ongeveer";
	}
	return "";
}

void tl_quantity_range(const struct tl_quantity *q, double *lo, double *hi)
{
	double v = q->value;
	double av = fabs(v);
	if (q->kind == TL_Q_SHARE) {
		switch (q->approx) {
		case TL_APPROX_EXACT: *lo = v - fmax(0.12 * av, 1.5); *hi = v + fmax(0.12 * av, 1.5); return;
		case TL_APPROX_ALMOST: *lo = v - fmax(0.2 * av, 2); *hi = v + 0.5; return;
		case TL_APPROX_JUST_OVER: *lo = v - 0.5; *hi = v + fmax(0.3 * av, 3); return;
		case TL_APPROX_OVER: *lo = v - 0.5; *hi = INFINITY; return;
		case TL_APPROX_UNDER: *lo = -INFINITY; *hi = v + 0.5; return;
		case TL_APPROX_ABOUT: *lo = v - fmax(0.15 * av, 2); *hi = v + fmax(0.15 * av, 2); return;
		}
	}
	double s = q->step > 0 ? q->step : 1, half = s / 2;
	switch (q->approx) {
	case TL_APPROX_EXACT: *lo = v - half; *hi = v + half; return;
	case TL_APPROX_ALMOST: *lo = v - fmax(0.07 * av, s); *hi = v + half; return;
	case TL_APPROX_JUST_OVER: *lo = v - half; *hi = v + fmax(0.25 * av, s); return;
	case TL_APPROX_OVER: *lo = v - half; *hi = INFINITY; return;
	case TL_APPROX_UNDER: *lo = -INFINITY; *hi = v + half; return;
	case TL_APPROX_ABOUT: *lo = v - fmax(0.1 * av, s); *hi = v + fmax(0.1 * av, s); return;
	}
	*lo = v - half;
	*hi = v + half;
}
