#include "fmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const months_nl[12] = {
	"januari", "februari", "maart", "april", "mei", "juni",
	"juli", "augustus", "september", "oktober", "november", "december",
};
static const char *const months_en[12] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};

enum tl_unit_kind tl_unit_kind(const char *unit)
{
	if (!unit)
		return TL_UNIT_NUMBER;
	if (strcmp(unit, "%") == 0 || strcmp(unit, "procent") == 0 || strcmp(unit, "percent") == 0)
		return TL_UNIT_PERCENT;
	if (strcmp(unit, "euro") == 0 || strcmp(unit, "€") == 0 || strcmp(unit, "EUR") == 0)
		return TL_UNIT_EURO;
	return TL_UNIT_NUMBER;
}

double tl_round(double v, int decimals)
{
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	double p = 1;
	for (int i = 0; i < decimals; i++)
		p *= 10;
	/* The nudge makes values typed as 74,25 (stored as 74.2499999…) round the
	 * way a reader expects. */
	double x = v * p;
	x = x >= 0 ? floor(x + 0.5 + 1e-9) : -floor(-x + 0.5 + 1e-9);
	return x / p;
}

void tl_fmt_number(tl_buf *b, double v, int decimals, enum tl_lang lang)
{
	if (!isfinite(v)) {
		tl_buf_putc(b, '?');
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	char raw[64];
	double r = tl_round(v, decimals);
	if (r == 0)
		r = 0; /* no "-0" */
	int n = snprintf(raw, sizeof raw, "%.*f", decimals, r);
	if (n < 0 || (size_t)n >= sizeof raw) {
		tl_buf_putc(b, '?');
		return;
	}
	char group = lang == TL_LANG_NL ? '.' : ',';
	char point = lang == TL_LANG_NL ? ',' : '.';
	const char *p = raw;
	if (*p == '-') {
		tl_buf_putc(b, '-');
		p++;
	}
	const char *dot = strchr(p, '.');
	size_t intlen = dot ? (size_t)(dot - p) : strlen(p);
	for (size_t i = 0; i < intlen; i++) {
		if (i > 0 && (intlen - i) % 3 == 0)
			tl_buf_putc(b, group);
		tl_buf_putc(b, p[i]);
	}
	if (dot) {
		tl_buf_putc(b, point);
		tl_buf_puts(b, dot + 1);
	}
}

void tl_fmt_value(tl_buf *b, double v, int decimals, enum tl_unit_kind kind, enum tl_lang lang)
{
	switch (kind) {
	case TL_UNIT_EURO:
		/* nl: "€ 36.200" with a no-break space; en: "€36,200". */
		tl_buf_puts(b, lang == TL_LANG_NL ? "€\xc2\xa0" : "€");
		tl_fmt_number(b, v, decimals, lang);
		break;
	case TL_UNIT_PERCENT:
		tl_fmt_number(b, v, decimals, lang);
		tl_buf_putc(b, '%');
		break;
	case TL_UNIT_NUMBER:
		tl_fmt_number(b, v, decimals, lang);
		break;
	}
}

const char *tl_month_name(int month, enum tl_lang lang)
{
	if (month < 1 || month > 12)
		return NULL;
	return lang == TL_LANG_NL ? months_nl[month - 1] : months_en[month - 1];
}

void tl_fmt_date(tl_buf *b, int year, int month, int day, enum tl_lang lang)
{
	const char *m = tl_month_name(month, lang);
	if (!m) {
		tl_buf_putc(b, '?');
		return;
	}
	tl_buf_printf(b, "%d %s %d", day, m, year);
}

int tl_parse_decimal(const char *s, size_t n, char dec, double *out)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	while (n > i && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (i == n)
		return -1;
	int neg = 0;
	if (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-';
		i++;
	}
	/* Accumulate digits as an integer mantissa and a decimal exponent, then
	 * convert once: exact for the up-to-15-digit values statistics carry and
	 * independent of the C library's locale. */
	double mant = 0;
	int digits = 0, frac = 0, seen_dec = 0;
	for (; i < n; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9') {
			if (digits < 17)
				mant = mant * 10 + (c - '0');
			else if (!seen_dec)
				return -1; /* too many digits to be a statistic */
			else
				continue; /* ignore excess fraction digits */
			digits++;
			if (seen_dec)
				frac++;
		} else if (c == dec && !seen_dec) {
			seen_dec = 1;
		} else {
			return -1;
		}
	}
	if (digits == 0)
		return -1;
	double v = mant;
	static const double pow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
				       1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17};
	if (frac > 17)
		return -1;
	v /= pow10[frac];
	*out = neg ? -v : v;
	return 0;
}
