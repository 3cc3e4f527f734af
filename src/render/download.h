/*
 * download — the figures behind the report as CSV and JSON files.
 *
 * Every chart links to a CSV of its indicator, and the site has one file with
 * all figures.  Columns: indicator, region, region_name, period, value,
 * status, source, note.  Values are written with a decimal point and full
 * stored precision (a download is for reuse, not for reading); status keeps
 * why a cell has no value.  Comma-separated, RFC 4180 quoting, UTF-8, LF.
 */
#ifndef TL_DOWNLOAD_H
#define TL_DOWNLOAD_H

#include "../core/buf.h"
#include "../model/model.h"

/* Observations of one indicator (or of all when slug is NULL). */
void tl_download_csv(tl_buf *b, const struct tl_model *m, const char *slug);
/* One CSV field, quoted when needed. A cell a spreadsheet would take as a
 * formula (leading = + - @ tab CR, except a plain signed number) is quoted
 * and prefixed with an apostrophe so it stays text. */
void tl_csv_field(tl_buf *b, const char *s);

/*
 * The same figures as JSON: {"report": …, "indicators": [{slug, title,
 * subject, theme, unit, decimals, polarity, source, source_detail}],
 * "observations": [{indicator, region, region_name, period, value (a
 * number or null), status, source, note}]}, in the model's order, UTF-8.
 * Values keep full stored precision (%.15g); a cell without a value has
 * "value": null and its status.
 */
void tl_download_json(tl_buf *b, const struct tl_model *m, const char *slug);
/* A JSON string literal (escaped), or null for NULL. */
void tl_json_string(tl_buf *b, const char *s);

#endif
