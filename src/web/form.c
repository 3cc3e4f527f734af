/*
 * form — request body, query, cookie and path parsers (see form.h).
 */
#include "form.h"

#include <string.h>

int tl_text_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = p[i];
		if (c < 0x80) {
			if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f)
				return 0;
			i++;
			continue;
		}
		size_t len;
		unsigned cp;
		if (c >= 0xc2 && c <= 0xdf) {
			len = 2;
			cp = c & 0x1f;
		} else if (c >= 0xe0 && c <= 0xef) {
			len = 3;
			cp = c & 0x0f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			len = 4;
			cp = c & 0x07;
		} else {
			return 0;
		}
		if (n - i < len)
			return 0;
		for (size_t k = 1; k < len; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decode s[0..n) (%XX, '+') into the arena; NULL (offset in *bad_at) on a
 * bad escape. */
static char *decode(const char *s, size_t n, tl_arena *a, size_t *out_len, size_t *bad_at)
{
	char *d = tl_arena_alloc(a, n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '+') {
			d[k++] = ' ';
		} else if (s[i] == '%') {
			int h = -1;
			if (n - i < 3 || (h = hexval(s[i + 1])) < 0 || hexval(s[i + 2]) < 0) {
				*bad_at = i;
				return NULL;
			}
			d[k++] = (char)(h * 16 + hexval(s[i + 2]));
			i += 2;
		} else {
			d[k++] = s[i];
		}
	}
	d[k] = '\0';
	*out_len = k;
	return d;
}

int tl_form_parse(const char *s, size_t n, tl_arena *a, struct tl_form *out, tl_errors *errs)
{
	out->f = NULL;
	out->n = 0;
	size_t fields = 0;
	for (size_t i = 0; i < n; i++)
		fields += s[i] == '&';
	fields++;
	if (fields > TL_FORM_MAX_FIELDS) {
		tl_errors_add(errs, NULL, 0, 0, NULL, "more than %d form fields", TL_FORM_MAX_FIELDS);
		return TL_ERR_LIMIT;
	}
	out->f = TL_NEW_ARRAY(a, struct tl_field, fields);
	size_t i = 0;
	while (i < n) {
		size_t end = i;
		while (end < n && s[end] != '&')
			end++;
		if (end > i) {
			size_t eq = i;
			while (eq < end && s[eq] != '=')
				eq++;
			size_t klen, vlen, bad = 0;
			size_t vstart = eq < end ? eq + 1 : end;
			char *k = decode(s + i, eq - i, a, &klen, &bad);
			char *v = k ? decode(s + vstart, end - vstart, a, &vlen, &bad) : NULL;
			if (!k || !v) {
				/* bad is relative to the part that failed: the key or the value */
				size_t at = (k ? vstart : i) + bad + 1;
				tl_errors_add(errs, NULL, 0, (unsigned)(i + 1), NULL,
					      "bad %%-escape in form data at byte %zu", at);
				return TL_ERR_INPUT;
			}
			if (!tl_text_valid(k, klen) || !tl_text_valid(v, vlen)) {
				tl_errors_add(errs, NULL, 0, (unsigned)(i + 1), klen ? k : NULL,
					      "form field is not UTF-8 text (control characters or bad bytes)");
				return TL_ERR_INPUT;
			}
			struct tl_field *f = &out->f[out->n++];
			f->key = k;
			f->val = v;
			f->len = vlen;
		}
		i = end + 1;
	}
	return TL_OK;
}

const struct tl_field *tl_form_field(const struct tl_form *f, const char *key)
{
	for (size_t i = 0; f && i < f->n; i++)
		if (!strcmp(f->f[i].key, key))
			return &f->f[i];
	return NULL;
}

const char *tl_form_get(const struct tl_form *f, const char *key)
{
	const struct tl_field *x = tl_form_field(f, key);
	return x ? x->val : NULL;
}

/* ---- multipart/form-data ------------------------------------------------ */

static const char *memfind(const char *h, size_t hn, const char *n, size_t nn)
{
	if (nn == 0 || hn < nn)
		return NULL;
	for (size_t i = 0; i + nn <= hn; i++)
		if (h[i] == n[0] && !memcmp(h + i, n, nn))
			return h + i;
	return NULL;
}

/* The value of param `name` (name="..." or name=token) in a header line. */
static char *header_param(const char *h, size_t n, const char *name, tl_arena *a)
{
	size_t nl = strlen(name);
	for (size_t i = 0; i + nl + 1 < n; i++) {
		if ((i == 0 || h[i - 1] == ' ' || h[i - 1] == ';') && !strncmp(h + i, name, nl) &&
		    h[i + nl] == '=') {
			size_t v = i + nl + 1;
			if (v < n && h[v] == '"') {
				size_t e = v + 1;
				while (e < n && h[e] != '"')
					e++;
				if (e >= n)
					return NULL;
				return tl_arena_strndup(a, h + v + 1, e - v - 1);
			}
			size_t e = v;
			while (e < n && h[e] != ';' && h[e] != ' ')
				e++;
			return tl_arena_strndup(a, h + v, e - v);
		}
	}
	return NULL;
}

int tl_multipart_parse(const char *content_type, const char *body, size_t n, tl_arena *a,
		       struct tl_form *out, tl_errors *errs)
{
	out->f = NULL;
	out->n = 0;
	const char *b = content_type ? header_param(content_type, strlen(content_type), "boundary", a) : NULL;
	if (!b || !*b || strlen(b) > 70) {
		tl_errors_add(errs, NULL, 0, 0, NULL, "multipart body without a usable boundary");
		return TL_ERR_INPUT;
	}
	char *delim = tl_arena_printf(a, "\r\n--%s", b);
	size_t dl = strlen(delim);
	/* The body starts with the delimiter without its CRLF. */
	if (n < dl - 2 || memcmp(body, delim + 2, dl - 2) != 0) {
		tl_errors_add(errs, NULL, 0, 0, NULL, "multipart body does not start with its boundary");
		return TL_ERR_INPUT;
	}
	out->f = TL_NEW_ARRAY(a, struct tl_field, TL_FORM_MAX_FIELDS);
	size_t pos = dl - 2;
	for (;;) {
		if (n - pos >= 2 && body[pos] == '-' && body[pos + 1] == '-')
			return TL_OK; /* closing delimiter */
		if (n - pos < 2 || body[pos] != '\r' || body[pos + 1] != '\n')
			break;
		pos += 2;
		const char *hend = memfind(body + pos, n - pos, "\r\n\r\n", 4);
		if (!hend)
			break;
		size_t hlen = (size_t)(hend - (body + pos));
		const char *hdr = body + pos;
		char *name = NULL, *filename = NULL;
		/* Find the Content-Disposition line. */
		size_t ls = 0;
		while (ls < hlen) {
			size_t le = ls;
			while (le < hlen && !(hdr[le] == '\r' && le + 1 < hlen && hdr[le + 1] == '\n'))
				le++;
			if (le - ls > 20 && !strncasecmp(hdr + ls, "content-disposition:", 20)) {
				name = header_param(hdr + ls + 20, le - ls - 20, "name", a);
				filename = header_param(hdr + ls + 20, le - ls - 20, "filename", a);
			}
			ls = le + 2;
		}
		pos += hlen + 4;
		const char *end = memfind(body + pos, n - pos, delim, dl);
		if (!end || !name)
			break;
		size_t vlen = (size_t)(end - (body + pos));
		if (out->n == TL_FORM_MAX_FIELDS) {
			tl_errors_add(errs, NULL, 0, 0, NULL, "more than %d form fields", TL_FORM_MAX_FIELDS);
			return TL_ERR_LIMIT;
		}
		if (!tl_text_valid(name, strlen(name)) ||
		    (filename && !tl_text_valid(filename, strlen(filename))) ||
		    (!filename && !tl_text_valid(body + pos, vlen))) {
			tl_errors_add(errs, NULL, 0, 0, name, "form field is not UTF-8 text");
			return TL_ERR_INPUT;
		}
		struct tl_field *f = &out->f[out->n++];
		f->key = name;
		f->val = tl_arena_strndup(a, body + pos, vlen);
		f->len = vlen;
		f->filename = filename;
		pos = (size_t)(end - body) + dl;
	}
	tl_errors_add(errs, NULL, 0, 0, NULL, "multipart body is cut off or malformed near byte %zu",
		      pos + 1);
	return TL_ERR_INPUT;
}

/* ---- Cookies and paths -------------------------------------------------- */

const char *tl_cookie_get(const char *header, const char *name, tl_arena *a)
{
	if (!header)
		return NULL;
	size_t nl = strlen(name);
	const char *p = header;
	while (*p) {
		while (*p == ' ' || *p == ';')
			p++;
		const char *e = p;
		while (*e && *e != ';')
			e++;
		if ((size_t)(e - p) > nl && !strncmp(p, name, nl) && p[nl] == '=')
			return tl_arena_strndup(a, p + nl + 1, (size_t)(e - p) - nl - 1);
		p = e;
	}
	return NULL;
}

int tl_path_valid(const char *path)
{
	size_t n = strlen(path);
	if (n == 0 || n > 512 || path[0] != '/')
		return 0;
	if (!tl_text_valid(path, n))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (path[i] == '\\' || path[i] == '\r' || path[i] == '\n' || path[i] == '\t')
			return 0;
	const char *seg = path + 1;
	for (;;) {
		const char *e = strchr(seg, '/');
		size_t len = e ? (size_t)(e - seg) : strlen(seg);
		if ((len == 1 && seg[0] == '.') || (len == 2 && seg[0] == '.' && seg[1] == '.'))
			return 0;
		if (len == 0 && e)
			return 0; /* "//" */
		if (!e)
			break;
		seg = e + 1;
	}
	return 1;
}
