#include "download.h"

#include <stdio.h>
#include <string.h>

/* A plain number: optional sign, digits, at most one decimal point or comma. */
static int plain_number(const char *s)
{
	if (*s == '-' || *s == '+')
		s++;
	int digits = 0, sep = 0;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits++;
		else if ((*s == '.' || *s == ',') && !sep)
			sep = 1;
		else
			return 0;
	}
	return digits > 0;
}

/* A cell a spreadsheet would run as a formula (OWASP "CSV injection"):
 * it starts with = + - @ tab or CR and is not a plain signed number. */
static int formula_like(const char *s)
{
	if (s[0] == '\0' || !strchr("=+-@\t\r", s[0]))
		return 0;
	return !plain_number(s);
}

void tl_csv_field(tl_buf *b, const char *s)
{
	if (!s)
		return;
	int guard = formula_like(s);
	if (!guard && !strpbrk(s, ",\"\r\n")) {
		tl_buf_puts(b, s);
		return;
	}
	tl_buf_putc(b, '"');
	if (guard)
		tl_buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			tl_buf_putc(b, '"');
		tl_buf_putc(b, *s);
	}
	tl_buf_putc(b, '"');
}

void tl_download_csv(tl_buf *b, const struct tl_model *m, const char *slug)
{
	tl_buf_puts(b, "indicator,region,region_name,period,value,status,source,note\n");
	for (size_t i = 0; i < m->n_obs; i++) {
		const struct tl_observation *o = &m->obs[i];
		if (slug && strcmp(o->indicator, slug) != 0)
			continue;
		const struct tl_region *r = tl_model_region(m, o->region);
		const struct tl_indicator *d = tl_model_indicator(m, o->indicator);
		char code[9];
		tl_period_code(&o->period, code);
		tl_csv_field(b, o->indicator);
		tl_buf_putc(b, ',');
		tl_csv_field(b, o->region);
		tl_buf_putc(b, ',');
		tl_csv_field(b, r ? r->name : "");
		tl_buf_putc(b, ',');
		tl_buf_puts(b, code);
		tl_buf_putc(b, ',');
		if (tl_status_has_value(o->status))
			tl_buf_printf(b, "%.15g", o->value);
		tl_buf_putc(b, ',');
		tl_buf_puts(b, tl_status_name(o->status));
		tl_buf_putc(b, ',');
		tl_csv_field(b, o->source ? o->source : (d ? d->source : NULL));
		tl_buf_putc(b, ',');
		tl_csv_field(b, o->note);
		tl_buf_putc(b, '\n');
	}
}

/* ---- JSON --------------------------------------------------------------- */

void tl_json_string(tl_buf *b, const char *s)
{
	if (!s) {
		tl_buf_puts(b, "null");
		return;
	}
	tl_buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\') {
			tl_buf_putc(b, '\\');
			tl_buf_putc(b, (char)c);
		} else if (c == '\n') {
			tl_buf_puts(b, "\\n");
		} else if (c < 0x20 || c == 0x7f) {
			tl_buf_printf(b, "\\u%04x", c);
		} else {
			tl_buf_putc(b, (char)c);
		}
	}
	tl_buf_putc(b, '"');
}

static void json_indicator(tl_buf *b, const struct tl_indicator *d)
{
	tl_buf_puts(b, "{\"slug\": ");
	tl_json_string(b, d->slug);
	tl_buf_puts(b, ", \"title\": ");
	tl_json_string(b, d->title);
	tl_buf_puts(b, ", \"subject\": ");
	tl_json_string(b, d->subject);
	tl_buf_puts(b, ", \"theme\": ");
	tl_json_string(b, d->theme);
	tl_buf_puts(b, ", \"unit\": ");
	tl_json_string(b, d->unit);
	tl_buf_printf(b, ", \"decimals\": %d, \"polarity\": ", d->decimals);
	tl_json_string(b, tl_polarity_name(d->polarity));
	tl_buf_puts(b, ", \"source\": ");
	tl_json_string(b, d->source);
	tl_buf_puts(b, ", \"source_detail\": ");
	tl_json_string(b, d->source_detail);
	tl_buf_puts(b, "}");
}

void tl_download_json(tl_buf *b, const struct tl_model *m, const char *slug)
{
	tl_buf_puts(b, "{\n\"report\": ");
	tl_json_string(b, m->agenda.report_title ? m->agenda.report_title : m->agenda.title);
	tl_buf_puts(b, ",\n\"indicators\": [");
	int first = 1;
	for (size_t i = 0; i < m->n_indicators; i++) {
		if (slug && strcmp(m->indicators[i].slug, slug) != 0)
			continue;
		tl_buf_puts(b, first ? "\n  " : ",\n  ");
		json_indicator(b, &m->indicators[i]);
		first = 0;
	}
	tl_buf_puts(b, "\n],\n\"observations\": [");
	first = 1;
	for (size_t i = 0; i < m->n_obs; i++) {
		const struct tl_observation *o = &m->obs[i];
		if (slug && strcmp(o->indicator, slug) != 0)
			continue;
		const struct tl_region *r = tl_model_region(m, o->region);
		const struct tl_indicator *d = tl_model_indicator(m, o->indicator);
		char code[9];
		tl_period_code(&o->period, code);
		tl_buf_puts(b, first ? "\n  {\"indicator\": " : ",\n  {\"indicator\": ");
		first = 0;
		tl_json_string(b, o->indicator);
		tl_buf_puts(b, ", \"region\": ");
		tl_json_string(b, o->region);
		tl_buf_puts(b, ", \"region_name\": ");
		tl_json_string(b, r ? r->name : NULL);
		tl_buf_puts(b, ", \"period\": ");
		tl_json_string(b, code);
		tl_buf_puts(b, ", \"value\": ");
		if (tl_status_has_value(o->status))
			tl_buf_printf(b, "%.15g", o->value);
		else
			tl_buf_puts(b, "null");
		tl_buf_puts(b, ", \"status\": ");
		tl_json_string(b, tl_status_name(o->status));
		tl_buf_puts(b, ", \"source\": ");
		tl_json_string(b, o->source ? o->source : (d ? d->source : NULL));
		tl_buf_puts(b, ", \"note\": ");
		tl_json_string(b, o->note);
		tl_buf_puts(b, "}");
	}
	tl_buf_puts(b, "\n]\n}\n");
}
