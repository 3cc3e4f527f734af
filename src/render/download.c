#include "download.h"

#include <stdio.h>
#include <string.h>

void tl_csv_field(tl_buf *b, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		tl_buf_puts(b, s);
		return;
	}
	tl_buf_putc(b, '"');
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
