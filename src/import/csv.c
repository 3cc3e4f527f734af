/*
 * csv — the streaming CSV reader of csv.h.
 *
 * Design: the input is a window of bytes (the whole block for memory input,
 * one chunk for a FILE) with the line and column of its next byte.  A record
 * is parsed by two loops, one for unquoted and one for quoted fields, that
 * skip ordinary bytes with a 256-entry class table and copy each run into the
 * record buffer with one memcpy; only special bytes (delimiter, quote, CR,
 * LF, NUL, non-ASCII) leave the fast loop.  When the window runs out, the
 * next chunk replaces it: everything already taken is in the record buffer,
 * so nothing of the window needs to be kept.  Only two places look ahead
 * further (the BOM check and delimiter detection at the start, and a UTF-8
 * sequence that straddles two chunks); they append to the window instead.
 *
 * Errors: the first problem in a record is recorded with its position and
 * marks the record bad; the rest of the record is then parsed leniently
 * (quotes in plain text are plain text) without storing anything, so that the
 * next call starts cleanly at the next record.
 */
#include "csv.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/xalloc.h"

enum {
	DEFAULT_CHUNK = 64 * 1024,
	DEFAULT_MAX_FIELD = 1 << 20,
	DEFAULT_MAX_FIELDS = 10000,
	DEFAULT_MAX_RECORD = 16 << 20,
	DETECT_MAX = 1 << 20, /* bytes of the first record looked at for the delimiter */
	CONTEXT = 48,         /* bytes of upcoming input shown in an error */
};

/* Byte classes for the scanning loops; K_PLAIN bytes are copied in runs. */
enum { K_PLAIN = 0, K_DELIM, K_QUOTE, K_CR, K_LF, K_NUL, K_HIGH };

/* How a field ended. */
enum end { END_DELIM, END_LINE, END_EOF };

struct tl_csv {
	FILE *f;      /* borrowed; NULL for memory input */
	char *name;   /* owned copy, for messages */
	char delim;
	size_t max_field, max_fields, max_record, chunk;
	unsigned char ucls[256]; /* classes outside quotes */
	unsigned char qcls[256]; /* classes inside quotes (the delimiter is plain) */

	/* Input window: win[wpos..wlen) is not consumed yet. */
	const char *win;
	size_t wlen, wpos;
	char *own;               /* FILE input: the window's storage (owned) */
	size_t own_cap;
	unsigned long long base; /* input bytes before win[0] */
	int eof;                 /* FILE input: nothing more to read */
	int io_error;            /* errno of a failed read, 0 if none */
	unsigned line, col;      /* position of win[wpos] */

	/* State between calls. */
	int done;                /* end reached or a final error returned */
	int fatal;               /* the current record ended the input */
	unsigned pending_blank;  /* blank lines seen ahead, still to return */
	unsigned pending_line;   /* line of the next of those */

	/* The current record: field bytes, each followed by a NUL. */
	char *rec;
	size_t rec_len, rec_cap;
	struct tl_csv_field *fields;
	size_t *offs; /* fields[i].s = rec + offs[i] once the record is complete */
	size_t nf, fcap;
	int bad;      /* 0, or the tl_err of the first problem in this record */
	size_t fstart; /* the current field: its offset in rec … */
	unsigned fline, fcol; /* … and where it starts */
};

/* ---- UTF-8 and message snippets ---------------------------------------- */

/* Length of the valid UTF-8 sequence at s (at most avail bytes), 0 when it
 * is invalid or cut off.  Rejects overlongs, surrogates and > U+10FFFF. */
static size_t utf8_len(const unsigned char *s, size_t avail)
{
	unsigned b = s[0];
	size_t need;
	unsigned lo = 0x80, hi = 0xBF;
	if (b < 0x80)
		return 1;
	if (b >= 0xC2 && b <= 0xDF)
		need = 2;
	else if (b == 0xE0)
		need = 3, lo = 0xA0;
	else if (b == 0xED)
		need = 3, hi = 0x9F;
	else if (b >= 0xE1 && b <= 0xEF)
		need = 3;
	else if (b == 0xF0)
		need = 4, lo = 0x90;
	else if (b >= 0xF1 && b <= 0xF3)
		need = 4;
	else if (b == 0xF4)
		need = 4, hi = 0x8F;
	else
		return 0;
	if (avail < need || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < need; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	return need;
}

const char *tl_csv_quoted(tl_buf *q, const char *s, size_t n)
{
	tl_buf_reset(q);
	tl_csv_snippet(q, s ? s : "", s ? n : 0);
	return q->data;
}

void tl_csv_snippet(tl_buf *b, const char *s, size_t n)
{
	enum { SHOW = 40 };
	const unsigned char *u = (const unsigned char *)s;
	tl_buf_putc(b, '"');
	size_t i = 0;
	while (i < n) {
		if (i >= SHOW) {
			tl_buf_puts(b, "\xE2\x80\xA6"); /* … */
			break;
		}
		unsigned ch = u[i];
		if (ch >= 0x80) {
			size_t k = utf8_len(u + i, n - i);
			if (k) {
				tl_buf_put(b, s + i, k);
				i += k;
			} else {
				tl_buf_printf(b, "\\x%02X", ch);
				i++;
			}
			continue;
		}
		switch (ch) {
		case '"': tl_buf_puts(b, "\\\""); break;
		case '\\': tl_buf_puts(b, "\\\\"); break;
		case '\n': tl_buf_puts(b, "\\n"); break;
		case '\r': tl_buf_puts(b, "\\r"); break;
		case '\t': tl_buf_puts(b, "\\t"); break;
		default:
			if (ch < 0x20 || ch == 0x7F)
				tl_buf_printf(b, "\\x%02X", ch);
			else
				tl_buf_putc(b, (char)ch);
		}
		i++;
	}
	tl_buf_putc(b, '"');
}

/* ---- Input window ------------------------------------------------------- */

/* FILE input: append up to one chunk to the window, keeping the unconsumed
 * bytes win[wpos..wlen) (moved to the front).  Returns the bytes added; 0 at
 * the end of the input or after a read error (then io_error is set). */
static size_t more(tl_csv *c)
{
	if (!c->f || c->eof)
		return 0;
	size_t keep = c->wlen - c->wpos;
	if (c->wpos) {
		memmove(c->own, c->own + c->wpos, keep);
		c->base += c->wpos;
		c->wpos = 0;
		c->wlen = keep;
	}
	if (c->own_cap - keep < c->chunk) {
		/* Grow geometrically: a record longer than a chunk (and the
		 * delimiter sniffer, which asks for a few bytes at a time) would
		 * otherwise copy the window once per chunk, quadratic in the
		 * record's length. */
		size_t cap = 2 * c->own_cap;
		c->own_cap = cap > keep + c->chunk ? cap : keep + c->chunk;
		c->own = xrealloc(c->own, c->own_cap);
	}
	c->win = c->own;
	errno = 0;
	size_t n = fread(c->own + keep, 1, c->chunk, c->f);
	if (n < c->chunk) {
		c->eof = 1;
		if (ferror(c->f))
			c->io_error = errno ? errno : EIO;
	}
	c->wlen = keep + n;
	return n;
}

/* 1 when at least one unconsumed byte is in the window (reading the next
 * chunk if needed), 0 at the end of the input. */
static inline int avail(tl_csv *c)
{
	return c->wpos < c->wlen || more(c) > 0;
}

/* Try to have k unconsumed bytes in the window (fewer near the end). */
static void ensure(tl_csv *c, size_t k)
{
	while (c->wlen - c->wpos < k && more(c) > 0)
		;
}

/* The first index in w[j..e) whose class is not K_PLAIN, or e.  Unrolled:
 * this loop is where the time goes on long fields. */
static inline size_t scan(const unsigned char *cls, const unsigned char *w, size_t j, size_t e)
{
	while (e - j >= 4) {
		if (cls[w[j]])
			return j;
		if (cls[w[j + 1]])
			return j + 1;
		if (cls[w[j + 2]])
			return j + 2;
		if (cls[w[j + 3]])
			return j + 3;
		j += 4;
	}
	while (j < e && !cls[w[j]])
		j++;
	return j;
}

/* Consume the line end at win[wpos]: CR, LF or CR LF. */
static void eat_newline(tl_csv *c)
{
	char ch = c->win[c->wpos++];
	if (ch == '\r' && avail(c) && c->win[c->wpos] == '\n')
		c->wpos++;
	c->line++;
	c->col = 1;
}

/* ---- Record buffer and errors ------------------------------------------- */

static void reserve(tl_csv *c, size_t n)
{
	if (n <= c->rec_cap - c->rec_len)
		return;
	size_t cap = c->rec_cap ? c->rec_cap : 256;
	while (cap - c->rec_len < n)
		cap *= 2;
	c->rec = xrealloc(c->rec, cap);
	c->rec_cap = cap;
}

/* Record the first problem of this record: "msg (ctx_label: "text…")hint"
 * where text is the current field so far followed by the upcoming input up
 * to the line end.  `closed` wraps the field text in the quotes it had. */
static void fail(tl_csv *c, tl_errors *errs, int code, unsigned line, unsigned col, int closed,
		 const char *msg, const char *label, const char *hint)
{
	if (c->bad && code != TL_ERR_IO && !c->fatal)
		return;
	if (!c->bad)
		c->bad = code;
	ensure(c, CONTEXT); /* the same context whatever the chunk size */
	tl_buf ctx = TL_BUF_INIT, out = TL_BUF_INIT;
	if (closed)
		tl_buf_putc(&ctx, '"');
	tl_buf_put(&ctx, c->rec + c->fstart, c->rec_len - c->fstart);
	if (closed)
		tl_buf_putc(&ctx, '"');
	for (size_t i = c->wpos; i < c->wlen && i - c->wpos < CONTEXT; i++) {
		if (c->win[i] == '\r' || c->win[i] == '\n')
			break;
		tl_buf_putc(&ctx, c->win[i]);
	}
	tl_buf_puts(&out, msg);
	if (label) {
		tl_buf_printf(&out, " (%s: ", label);
		tl_csv_snippet(&out, ctx.data ? ctx.data : "", ctx.len);
		tl_buf_putc(&out, ')');
	}
	if (hint)
		tl_buf_puts(&out, hint);
	tl_errors_add(errs, c->name, line, col, NULL, "%s", out.data);
	tl_buf_free(&ctx);
	tl_buf_free(&out);
}

/* Append n bytes to the current field, unless the record is bad already or
 * a limit is hit.  Over a limit, the record becomes bad and the bytes that
 * still fit are kept (so that an unterminated-quote message shows the same
 * start of the field whatever the chunk size).  s is either one byte or
 * win + wpos: reporting the limit may move the window, and s is re-read. */
static void put(tl_csv *c, const char *s, size_t n, tl_errors *errs)
{
	if (c->bad || n == 0)
		return;
	size_t field_room = c->max_field - (c->rec_len - c->fstart);
	size_t rec_room = c->max_record - (c->rec_len - c->nf); /* content, not the NULs */
	if (n > field_room || n > rec_room) {
		char msg[80];
		/* The limit met first in byte order, whatever the chunk size:
		 * on a tie a one-byte put reports the field, so this does too. */
		int whole = field_room <= rec_room;
		snprintf(msg, sizeof msg, whole ? "field longer than %zu bytes" : "row longer than %zu bytes",
			 whole ? c->max_field : c->max_record);
		fail(c, errs, TL_ERR_LIMIT, c->fline, c->fcol, 0, msg, whole ? "starts" : "field starts",
		     NULL);
		n = field_room < rec_room ? field_room : rec_room;
		if (n == 0)
			return;
		s = c->win + c->wpos; /* n > 1 here, so s was the window */
	}
	reserve(c, n + 1);
	memcpy(c->rec + c->rec_len, s, n);
	c->rec_len += n;
}

/* Take the run of plain bytes win[wpos..wpos+n) into the field.  put() may
 * reshape the window (for an error's context), so callers re-read win and
 * wpos afterwards. */
static void take_run(tl_csv *c, size_t n, tl_errors *errs)
{
	put(c, c->win + c->wpos, n, errs);
	c->wpos += n;
	c->col += (unsigned)n;
}

/* win[wpos] is a byte >= 0x80: take one UTF-8 character, or report invalid
 * UTF-8 and take the byte. */
static void take_utf8(tl_csv *c, tl_errors *errs)
{
	if (c->wlen - c->wpos < 4)
		ensure(c, 4);
	const unsigned char *s = (const unsigned char *)c->win + c->wpos;
	size_t k = utf8_len(s, c->wlen - c->wpos);
	if (!k) {
		char msg[80];
		snprintf(msg, sizeof msg, "invalid UTF-8 (byte 0x%02X)", s[0]);
		fail(c, errs, TL_ERR_INPUT, c->line, c->col, 0, msg, "field",
		     "; save the file as UTF-8");
		k = 1;
	}
	put(c, c->win + c->wpos, k, errs);
	c->wpos += k;
	c->col++;
}

/* ---- Fields ------------------------------------------------------------- */

/* The rest of an unquoted field (or the text after a bad closing quote),
 * consuming its terminator. */
static enum end unquoted(tl_csv *c, tl_errors *errs)
{
	for (;;) {
		const unsigned char *w = (const unsigned char *)c->win;
		size_t i = c->wpos, e = c->wlen;
		i = scan(c->ucls, w, i, e);
		if (i > c->wpos) {
			take_run(c, i - c->wpos, errs);
			continue;
		}
		if (i == e) {
			if (!avail(c))
				return END_EOF;
			continue;
		}
		switch (c->ucls[w[i]]) {
		case K_DELIM:
			c->wpos++;
			c->col++;
			return END_DELIM;
		case K_CR:
		case K_LF:
			eat_newline(c);
			return END_LINE;
		case K_QUOTE:
			fail(c, errs, TL_ERR_INPUT, c->line, c->col, 0, "quote inside an unquoted field",
			     "field", "; put the whole field in quotes and write a quote in it as \"\"");
			put(c, "\"", 1, errs);
			c->wpos++;
			c->col++;
			break;
		case K_NUL:
			fail(c, errs, TL_ERR_INPUT, c->line, c->col, 0, "NUL byte in the data", "field",
			     "; is this a UTF-16 or binary file?");
			c->wpos++;
			c->col++;
			break;
		default:
			take_utf8(c, errs);
			break;
		}
	}
}

/* After a closing quote: a delimiter, a line end or the end of input must
 * follow.  Anything else is an error; the rest is then read as plain text. */
static enum end after_close(tl_csv *c, tl_errors *errs)
{
	if (!avail(c))
		return END_EOF;
	switch (c->ucls[(unsigned char)c->win[c->wpos]]) {
	case K_DELIM:
		c->wpos++;
		c->col++;
		return END_DELIM;
	case K_CR:
	case K_LF:
		eat_newline(c);
		return END_LINE;
	default:
		fail(c, errs, TL_ERR_INPUT, c->line, c->col, 1, "text after the closing quote of a field",
		     "field", "; write a quote inside a quoted field as \"\"");
		return unquoted(c, errs);
	}
}

/* A quoted field from its opening quote at win[wpos] to its terminator. */
static enum end quoted(tl_csv *c, tl_errors *errs)
{
	c->wpos++;
	c->col++;
	for (;;) {
		const unsigned char *w = (const unsigned char *)c->win;
		size_t i = c->wpos, e = c->wlen;
		i = scan(c->qcls, w, i, e);
		if (i > c->wpos) {
			take_run(c, i - c->wpos, errs);
			continue;
		}
		if (i == e) {
			if (avail(c))
				continue;
			if (c->io_error)
				return END_EOF;
			c->fatal = 1;
			fail(c, errs, TL_ERR_INPUT, c->fline, c->fcol, 0, "unterminated quoted field",
			     "started here", NULL);
			return END_EOF;
		}
		switch (c->qcls[w[i]]) {
		case K_QUOTE:
			c->wpos++;
			c->col++;
			if (avail(c) && c->win[c->wpos] == '"') {
				put(c, "\"", 1, errs);
				c->wpos++;
				c->col++;
				break;
			}
			return after_close(c, errs);
		case K_CR:
			put(c, "\r", 1, errs);
			c->wpos++;
			if (avail(c) && c->win[c->wpos] == '\n') {
				put(c, "\n", 1, errs);
				c->wpos++;
			}
			c->line++;
			c->col = 1;
			break;
		case K_LF:
			put(c, "\n", 1, errs);
			c->wpos++;
			c->line++;
			c->col = 1;
			break;
		case K_NUL:
			fail(c, errs, TL_ERR_INPUT, c->line, c->col, 0, "NUL byte in the data", "field",
			     "; is this a UTF-16 or binary file?");
			c->wpos++;
			c->col++;
			break;
		default:
			take_utf8(c, errs);
			break;
		}
	}
}

/* ---- Records ------------------------------------------------------------ */

/* The common case in one go: a field wholly inside the window, of plain
 * bytes and valid UTF-8 only (and, when quoted, without "" or line ends), whose
 * terminator is also in the window.  Returns 1 with the field taken, or 0
 * having changed nothing: the general loops above then handle it.  Both
 * paths give the same result; fuzz_csv checks this by comparing memory
 * input with FILE input read in tiny chunks (which rarely takes this path). */
static inline int fast_field(tl_csv *c, int *q, enum end *how)
{
	const unsigned char *w = (const unsigned char *)c->win;
	size_t i = c->wpos, e = c->wlen;
	if (i >= e)
		return 0;
	int quoted = w[i] == '"';
	const unsigned char *cls = quoted ? c->qcls : c->ucls;
	size_t s = i + (size_t)quoted, j = s, extra = 0; /* extra: UTF-8 continuation bytes */
	for (;;) {
		j = scan(cls, w, j, e);
		if (j == e || cls[w[j]] != K_HIGH)
			break;
		size_t k = utf8_len(w + j, e - j);
		if (!k)
			return 0;
		j += k;
		extra += k - 1;
	}
	size_t n = j - s, k = j; /* content length; where the terminator is */
	if (quoted) {
		if (j >= e || w[j] != '"')
			return 0;
		k = j + 1;
	}
	if (k >= e)
		return 0;
	int t = c->ucls[w[k]];
	if (t == K_CR) {
		if (k + 1 >= e)
			return 0;
	} else if (t != K_DELIM && t != K_LF) {
		return 0;
	}
	if (n > c->max_field || n > c->max_record - (c->rec_len - c->nf))
		return 0;
	reserve(c, n + 1);
	memcpy(c->rec + c->rec_len, w + s, n);
	c->rec_len += n;
	if (t == K_DELIM) {
		c->col += (unsigned)(k - i - extra) + 1;
		c->wpos = k + 1;
		*how = END_DELIM;
	} else {
		c->wpos = k + 1 + (t == K_CR && w[k + 1] == '\n');
		c->line++;
		c->col = 1;
		*how = END_LINE;
	}
	*q = quoted;
	return 1;
}

/* Parse one record into rec/fields.  Returns 1, 0 at the end of the input,
 * or the tl_err of the record's first problem (recorded). */
static int read_record(tl_csv *c, tl_errors *errs)
{
	c->rec_len = 0;
	c->nf = 0;
	c->bad = 0;
	if (!avail(c))
		return 0;
	for (;;) {
		c->fstart = c->rec_len;
		c->fline = c->line;
		c->fcol = c->col;
		if (c->nf == c->max_fields) {
			char msg[80];
			snprintf(msg, sizeof msg, "row has more than %zu fields", c->max_fields);
			fail(c, errs, TL_ERR_LIMIT, c->line, c->col, 0, msg, NULL, NULL);
		}
		int q;
		enum end how;
		if (!fast_field(c, &q, &how)) {
			q = avail(c) && c->win[c->wpos] == '"';
			how = q ? quoted(c, errs) : unquoted(c, errs);
		}
		if (c->nf < c->max_fields) {
			if (c->nf == c->fcap) {
				c->fcap *= 2;
				c->fields = xrealloc(c->fields, c->fcap * sizeof *c->fields);
				c->offs = xrealloc(c->offs, c->fcap * sizeof *c->offs);
			}
			reserve(c, 1);
			c->offs[c->nf] = c->fstart;
			c->fields[c->nf] = (struct tl_csv_field){NULL, c->rec_len - c->fstart, c->fline,
								 c->fcol, q};
			c->rec[c->rec_len++] = '\0';
			c->nf++;
		}
		if (how != END_DELIM)
			break;
	}
	if (c->bad)
		return c->bad;
	for (size_t i = 0; i < c->nf; i++)
		c->fields[i].s = c->rec + c->offs[i];
	return 1;
}

/* Pick the delimiter from the first record: ';' when it occurs outside
 * quotes, else ',' when that does, else ';' (a one-column file). */
static void detect(tl_csv *c)
{
	int inq = 0, comma = 0;
	for (size_t i = 0; i < DETECT_MAX; i++) {
		if (c->wpos + i == c->wlen && !more(c))
			break;
		char ch = c->win[c->wpos + i];
		if (ch == '"') {
			inq = !inq;
		} else if (!inq) {
			if (ch == ';') {
				c->delim = ';';
				return;
			}
			if (ch == ',')
				comma = 1;
			else if (ch == '\r' || ch == '\n')
				break;
		}
	}
	c->delim = comma ? ',' : ';';
}

static tl_csv *open_common(const char *name, const struct tl_csv_opts *o)
{
	static const struct tl_csv_opts defaults;
	if (!o)
		o = &defaults;
	unsigned char d = (unsigned char)o->delim;
	if (d == '"' || d == '\r' || d == '\n' || d >= 0x80)
		tl_panic("csv: invalid delimiter 0x%02X", d);
	tl_csv *c = xcalloc(1, sizeof *c);
	c->name = xstrdup(name ? name : "-");
	c->delim = o->delim;
	c->max_field = o->max_field ? o->max_field : DEFAULT_MAX_FIELD;
	c->max_fields = o->max_fields ? o->max_fields : DEFAULT_MAX_FIELDS;
	c->max_record = o->max_record ? o->max_record : DEFAULT_MAX_RECORD;
	c->chunk = o->chunk ? o->chunk : DEFAULT_CHUNK;
	c->line = c->col = 1;
	c->fcap = 16;
	c->fields = xmalloc(c->fcap * sizeof *c->fields);
	c->offs = xmalloc(c->fcap * sizeof *c->offs);
	reserve(c, 1);
	return c;
}

/* Strip a BOM, settle the delimiter, build the class tables. */
static tl_csv *start(tl_csv *c)
{
	ensure(c, 3);
	if (c->wlen - c->wpos >= 3 && memcmp(c->win + c->wpos, "\xEF\xBB\xBF", 3) == 0)
		c->wpos += 3;
	if (!c->delim)
		detect(c);
	for (int i = 0x80; i < 256; i++)
		c->qcls[i] = K_HIGH;
	c->qcls['"'] = K_QUOTE;
	c->qcls['\r'] = K_CR;
	c->qcls['\n'] = K_LF;
	c->qcls[0] = K_NUL;
	memcpy(c->ucls, c->qcls, sizeof c->ucls);
	c->ucls[(unsigned char)c->delim] = K_DELIM;
	return c;
}

tl_csv *tl_csv_open_file(FILE *f, const char *name, const struct tl_csv_opts *o)
{
	tl_csv *c = open_common(name, o);
	c->f = f;
	c->win = "";
	return start(c);
}

tl_csv *tl_csv_open_mem(const char *data, size_t len, const char *name,
			const struct tl_csv_opts *o)
{
	tl_csv *c = open_common(name, o);
	c->win = data ? data : "";
	c->wlen = data ? len : 0;
	return start(c);
}

/* A row of one empty field on `line` (a blank line in the middle). */
static void blank_row(tl_csv *c, unsigned line)
{
	c->rec[0] = '\0';
	c->fields[0] = (struct tl_csv_field){c->rec, 0, line, 1, 0};
	c->nf = 1;
}

int tl_csv_next(tl_csv *c, const struct tl_csv_field **fields, size_t *n, tl_errors *errs)
{
	*fields = NULL;
	*n = 0;
	if (c->pending_blank) {
		c->pending_blank--;
		blank_row(c, c->pending_line++);
		*fields = c->fields;
		*n = 1;
		return 1;
	}
	if (c->done)
		return 0;
	int r = read_record(c, errs);
	if (r == 1 && c->nf == 1 && c->fields[0].n == 0 && !c->fields[0].quoted) {
		/* A blank line: ignored if only blank lines follow up to the end. */
		unsigned next = c->fields[0].line + 1, k = 0;
		while (avail(c) && (c->win[c->wpos] == '\r' || c->win[c->wpos] == '\n')) {
			eat_newline(c);
			k++;
		}
		if (!c->io_error && c->wpos == c->wlen) {
			c->done = 1;
			return 0;
		}
		c->pending_blank = k;
		c->pending_line = next;
	}
	if (c->io_error) {
		tl_errors_add(errs, c->name, c->line, c->col, NULL, "read error: %s",
			      strerror(c->io_error));
		c->done = 1;
		c->pending_blank = 0;
		return TL_ERR_IO;
	}
	if (r <= 0 || c->fatal) {
		c->done = r == 0 || c->fatal;
		return r;
	}
	*fields = c->fields;
	*n = c->nf;
	return 1;
}

char tl_csv_delim(const tl_csv *c)
{
	return c->delim;
}

unsigned long long tl_csv_offset(const tl_csv *c)
{
	return c->base + c->wpos;
}

void tl_csv_close(tl_csv *c)
{
	if (!c)
		return;
	free(c->name);
	free(c->own);
	free(c->rec);
	free(c->fields);
	free(c->offs);
	free(c);
}
