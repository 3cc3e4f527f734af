/*
 * fuzz_csv — libFuzzer target for the streaming CSV reader (import/csv.h).
 *
 * The first byte picks the options and the entry point:
 *   bit 0     FILE input read in small chunks (1) or one memory block (0)
 *   bit 1     delimiter forced (1) or detected (0)
 *   bits 2-3  the forced delimiter: ';' ',' '\t' '|'
 *   bits 4-5  chunk size for FILE input: 1, 2, 7 or 4096 bytes
 *   bit 6     tiny limits (16-byte fields, 8 fields, 64-byte rows)
 *   bit 7     differential: also read from memory and require the same rows,
 *             positions and error messages
 * The rest is the CSV text.  Besides the sanitizers, the target checks the
 * reader's promises: fields NUL-terminated without inner NULs, positions
 * moving forward, the offset within the input, a bounded number of calls.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "import/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read everything; describe it into out (rows, positions, errors). */
static void read_all(tl_csv *c, size_t size, tl_buf *out)
{
	tl_errors errs = TL_ERRORS_INIT;
	errs.limit = 20;
	const struct tl_csv_field *f;
	size_t n;
	int r;
	unsigned long calls = 0;
	unsigned last_line = 0;
	while ((r = tl_csv_next(c, &f, &n, &errs)) != 0) {
		if (++calls > size + 2)
			abort(); /* more results than input bytes: a loop */
		if (tl_csv_offset(c) > size)
			abort();
		if (r < 0) {
			if (f || n)
				abort();
			tl_buf_printf(out, "E%d\n", r);
			continue;
		}
		if (n == 0)
			abort();
		for (size_t i = 0; i < n; i++) {
			if (f[i].s[f[i].n] != '\0' || memchr(f[i].s, '\0', f[i].n))
				abort();
			if (f[i].line < last_line || f[i].line == 0 || f[i].col == 0)
				abort();
			last_line = f[i].line;
			tl_buf_printf(out, "%u:%u:%d:", f[i].line, f[i].col, f[i].quoted);
			tl_buf_put(out, f[i].s, f[i].n);
			tl_buf_putc(out, '|');
		}
		tl_buf_putc(out, '\n');
	}
	if (tl_csv_next(c, &f, &n, &errs) != 0)
		abort(); /* the end is sticky */
	for (size_t i = 0; i < errs.n; i++) {
		char *s = tl_error_format(&errs.items[i], 0);
		tl_buf_puts(out, s);
		tl_buf_putc(out, '\n');
		free(s);
	}
	tl_errors_free(&errs);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	static const char delims[] = {';', ',', '\t', '|'};
	static const size_t chunks[] = {1, 2, 7, 4096};
	unsigned mode = data[0];
	const char *text = (const char *)data + 1;
	size_t len = size - 1;

	struct tl_csv_opts o = {0};
	if (mode & 2)
		o.delim = delims[(mode >> 2) & 3];
	if (mode & 64) {
		o.max_field = 16;
		o.max_fields = 8;
		o.max_record = 64;
	}

	tl_buf a = TL_BUF_INIT, b = TL_BUF_INIT;
	if ((mode & 1) && len > 0) {
		char *copy = malloc(len);
		memcpy(copy, text, len);
		FILE *f = fmemopen(copy, len, "r");
		if (f) {
			o.chunk = chunks[(mode >> 4) & 3];
			tl_csv *c = tl_csv_open_file(f, "fuzz.csv", &o);
			read_all(c, len, &a);
			tl_csv_close(c);
			fclose(f);
		}
		free(copy);
		o.chunk = 0;
	} else {
		tl_csv *c = tl_csv_open_mem(text, len, "fuzz.csv", &o);
		read_all(c, len, &a);
		tl_csv_close(c);
	}
	if (mode & 128) {
		tl_csv *c = tl_csv_open_mem(text, len, "fuzz.csv", &o);
		read_all(c, len, &b);
		tl_csv_close(c);
		if (a.len != b.len || (a.len && memcmp(a.data, b.data, a.len) != 0))
			abort(); /* chunked and whole reads disagree */
	}

	tl_buf s = TL_BUF_INIT;
	tl_csv_snippet(&s, text, len);
	tl_buf_free(&s);
	tl_buf_free(&a);
	tl_buf_free(&b);
	return 0;
}
