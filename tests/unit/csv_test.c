/* The streaming CSV reader: RFC 4180 rules, positions, errors, limits, and
 * the same result whether the input is one memory block or a FILE read in
 * chunks of 1, 2, 7 bytes or 64 KiB. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/err.h"
#include "import/csv.h"

/* ---- Harness ------------------------------------------------------------
 * run() reads the whole input and describes every call's result, one line
 * each:  a row as "L:C=text L:C=\"quoted\" …", an error as "E<code> <message
 * with position>".  Byte values outside printable ASCII are shown as \xNN. */

enum { MODE_MEM, MODE_CHUNK1, MODE_CHUNK2, MODE_CHUNK7, MODE_FILE, N_MODES };

static void show(tl_buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			tl_buf_puts(b, "\\n");
		else if (c == '\r')
			tl_buf_puts(b, "\\r");
		else if (c < 0x20 || c >= 0x7F)
			tl_buf_printf(b, "\\x%02X", c);
		else
			tl_buf_putc(b, (char)c);
	}
}

static char *run_opts(const char *in, size_t len, const struct tl_csv_opts *given, int mode)
{
	struct tl_csv_opts o = {0};
	if (given)
		o = *given;
	FILE *f = NULL;
	tl_csv *c;
	if (mode == MODE_MEM) {
		c = tl_csv_open_mem(in, len, "t.csv", &o);
	} else {
		f = tmpfile();
		assert_non_null(f);
		if (len)
			assert_int_equal(fwrite(in, 1, len, f), len);
		rewind(f);
		o.chunk = mode == MODE_CHUNK1 ? 1 : mode == MODE_CHUNK2 ? 2 : mode == MODE_CHUNK7 ? 7 : 0;
		c = tl_csv_open_file(f, "t.csv", &o);
	}
	tl_buf out = TL_BUF_INIT;
	tl_errors errs = TL_ERRORS_INIT;
	errs.limit = 1000;
	const struct tl_csv_field *fl;
	size_t n;
	int r, guard = 0;
	while ((r = tl_csv_next(c, &fl, &n, &errs)) != 0) {
		assert_true(++guard < 100000);
		if (r < 0) {
			assert_null(fl);
			assert_int_equal(n, 0);
			assert_true(errs.n > 0);
			char *msg = tl_error_format(&errs.items[errs.n - 1], 0);
			tl_buf_printf(&out, "E%d %s\n", r, msg);
			free(msg);
			continue;
		}
		assert_int_equal(r, 1);
		assert_true(n >= 1);
		for (size_t i = 0; i < n; i++) {
			assert_int_equal(fl[i].s[fl[i].n], '\0');
			tl_buf_printf(&out, "%s%u:%u=%s", i ? " " : "", fl[i].line, fl[i].col,
				      fl[i].quoted ? "\"" : "");
			show(&out, fl[i].s, fl[i].n);
			if (fl[i].quoted)
				tl_buf_putc(&out, '"');
		}
		tl_buf_putc(&out, '\n');
	}
	assert_int_equal(tl_csv_next(c, &fl, &n, &errs), 0); /* stays at the end */
	tl_csv_close(c);
	if (f)
		fclose(f);
	tl_errors_free(&errs);
	return tl_buf_detach(&out, NULL);
}

/* The description of `in`, checked to be the same in every input mode. */
static char *run_all(const char *in, size_t len, const struct tl_csv_opts *o)
{
	char *first = run_opts(in, len, o, MODE_MEM);
	for (int m = 1; m < N_MODES; m++) {
		char *other = run_opts(in, len, o, m);
		if (strcmp(first, other) != 0)
			fail_msg("mode %d differs from memory input:\n--- memory\n%s--- mode %d\n%s", m,
				 first, m, other);
		free(other);
	}
	return first;
}

static void expect_n(const char *in, size_t len, char delim, const char *want)
{
	struct tl_csv_opts o = {.delim = delim};
	char *got = run_all(in, len, &o);
	assert_string_equal(got, want);
	free(got);
}

static void expect(const char *in, const char *want)
{
	expect_n(in, strlen(in), 0, want);
}

static char detected(const char *in)
{
	tl_csv *c = tl_csv_open_mem(in, strlen(in), "t.csv", NULL);
	char d = tl_csv_delim(c);
	tl_csv_close(c);
	return d;
}

/* ---- Records, delimiters, line ends -------------------------------------- */

static void test_rows_split_on_semicolon_with_positions(void **state)
{
	(void)state;
	expect("a;bb;c\nd;e;ff\n", "1:1=a 1:3=bb 1:6=c\n2:1=d 2:3=e 2:5=ff\n");
}

static void test_comma_is_detected_when_first_record_has_no_semicolon(void **state)
{
	(void)state;
	assert_int_equal(detected("a,b,c\n1;2,3\n"), ',');
	expect("a,b\n1,2\n", "1:1=a 1:3=b\n2:1=1 2:3=2\n");
}

static void test_semicolon_wins_when_first_record_has_both(void **state)
{
	(void)state;
	assert_int_equal(detected("a,x;b\n"), ';');
	expect("a,x;b\n", "1:1=a,x 1:5=b\n");
}

static void test_delimiters_inside_quotes_do_not_count_for_detection(void **state)
{
	(void)state;
	assert_int_equal(detected("\"a;b\",c\n"), ',');
	assert_int_equal(detected("\"x\ny;\",c\n"), ',');
}

static void test_detection_looks_only_at_the_first_record(void **state)
{
	(void)state;
	assert_int_equal(detected("a,b\nc;d\n"), ',');
}

static void test_file_without_delimiter_is_one_column(void **state)
{
	(void)state;
	expect("waarde\n1\n2\n", "1:1=waarde\n2:1=1\n3:1=2\n");
	assert_int_equal(detected("waarde\n"), ';');
}

static void test_given_delimiter_overrides_detection(void **state)
{
	(void)state;
	const char in[] = "a;b\tc\n";
	expect_n(in, strlen(in), '\t', "1:1=a;b 1:5=c\n");
	expect_n(in, strlen(in), ',', "1:1=a;b\\x09c\n");
}

static void test_bom_is_stripped_and_columns_start_at_one_after_it(void **state)
{
	(void)state;
	expect("\xEF\xBB\xBF" "a;b\nc;d\n", "1:1=a 1:3=b\n2:1=c 2:3=d\n");
	expect("\xEF\xBB\xBF\"a\";b\n", "1:1=\"a\" 1:5=b\n");
}

static void test_bom_only_in_front_is_special(void **state)
{
	(void)state;
	/* A BOM later on is an ordinary character (U+FEFF), one column wide. */
	expect("a;\xEF\xBB\xBF" "b;c\n", "1:1=a 1:3=\\xEF\\xBB\\xBFb 1:6=c\n");
}

static void test_crlf_lf_and_lone_cr_all_end_records(void **state)
{
	(void)state;
	expect("a;b\r\nc;d\ne;f\rg;h", "1:1=a 1:3=b\n2:1=c 2:3=d\n3:1=e 3:3=f\n4:1=g 4:3=h\n");
}

static void test_lone_cr_at_the_end_of_the_last_record(void **state)
{
	(void)state;
	expect("a;b\r", "1:1=a 1:3=b\n");
}

static void test_last_record_without_line_end(void **state)
{
	(void)state;
	expect("a;b\nc;d", "1:1=a 1:3=b\n2:1=c 2:3=d\n");
}

static void test_trailing_delimiter_gives_an_empty_last_field(void **state)
{
	(void)state;
	expect("a;b;\nc;;\n", "1:1=a 1:3=b 1:5=\n2:1=c 2:3= 2:4=\n");
	expect("a;", "1:1=a 1:3=\n");
}

/* ---- Quotes --------------------------------------------------------------- */

static void test_quoted_fields_keep_delimiters_and_decode_doubled_quotes(void **state)
{
	(void)state;
	expect("\"a;b\";\"say \"\"hi\"\"\";\"\"\n",
	       "1:1=\"a;b\" 1:7=\"say \"hi\"\" 1:20=\"\"\n");
}

static void test_embedded_newline_keeps_line_numbers_of_next_row(void **state)
{
	(void)state;
	expect("\"x\ny\nz\";b\nc;d\n", "1:1=\"x\\ny\\nz\" 3:4=b\n4:1=c 4:3=d\n");
}

static void test_embedded_crlf_and_lone_cr_each_count_one_line(void **state)
{
	(void)state;
	expect("\"x\r\ny\";\"p\rq\"\nc\n", "1:1=\"x\\r\\ny\" 2:4=\"p\\rq\"\n4:1=c\n");
}

static void test_empty_quoted_field_is_not_a_blank_line(void **state)
{
	(void)state;
	expect("a\n\"\"\nb\n", "1:1=a\n2:1=\"\"\n3:1=b\n");
}

static void test_quote_at_end_of_input_after_closing_quote_is_fine(void **state)
{
	(void)state;
	expect("\"a\"", "1:1=\"a\"\n");
	expect("\"a\"\"\"", "1:1=\"a\"\"\n");
}

/* ---- Blank lines ---------------------------------------------------------- */

static void test_blank_lines_at_the_end_are_ignored(void **state)
{
	(void)state;
	expect("a;b\n\n\r\n\r\n\n", "1:1=a 1:3=b\n");
	expect("a;b\r\n\r\n", "1:1=a 1:3=b\n");
}

static void test_blank_line_in_the_middle_is_a_row_with_one_empty_field(void **state)
{
	(void)state;
	expect("a;b\n\nc;d\n", "1:1=a 1:3=b\n2:1=\n3:1=c 3:3=d\n");
	expect("a;b\r\n\r\n\r\nc;d\r\n\r\n", "1:1=a 1:3=b\n2:1=\n3:1=\n4:1=c 4:3=d\n");
}

static void test_blank_lines_before_the_first_record_are_rows(void **state)
{
	(void)state;
	expect("\n\na\n", "1:1=\n2:1=\n3:1=a\n");
}

static void test_empty_input_and_bom_only_input_have_no_rows(void **state)
{
	(void)state;
	expect("", "");
	expect("\xEF\xBB\xBF", "");
	expect("\n\n\r\n", "");
	expect_n(NULL, 0, 0, "");
}

static void test_line_of_blanks_is_a_field_of_blanks(void **state)
{
	(void)state;
	expect("a\n   \nb\n", "1:1=a\n2:1=   \n3:1=b\n");
}

/* ---- Errors --------------------------------------------------------------- */

static void test_quote_inside_unquoted_field_is_an_error_and_reading_goes_on(void **state)
{
	(void)state;
	expect("a;b\"c;d\ne;f\n",
	       "E-1 t.csv:1:4: quote inside an unquoted field (field: \"b\\\"c;d\"); put the whole "
	       "field in quotes and write a quote in it as \"\"\n"
	       "2:1=e 2:3=f\n");
}

static void test_text_after_closing_quote_is_an_error_at_that_text(void **state)
{
	(void)state;
	expect("\"ab\"x;y\nz\n",
	       "E-1 t.csv:1:5: text after the closing quote of a field (field: \"\\\"ab\\\"x;y\"); "
	       "write a quote inside a quoted field as \"\"\n"
	       "2:1=z\n");
	expect("\"ab\" ;y\n", "E-1 t.csv:1:5: text after the closing quote of a field (field: "
			    "\"\\\"ab\\\" ;y\"); write a quote inside a quoted field as \"\"\n");
}

static void test_unterminated_quote_reports_where_it_started_and_ends_input(void **state)
{
	(void)state;
	expect("a;b\nc;\"abc\ndef\n",
	       "1:1=a 1:3=b\nE-1 t.csv:2:3: unterminated quoted field (started here: \"abc\\ndef\\n\")\n");
}

static void test_unterminated_quote_snippet_is_shortened(void **state)
{
	(void)state;
	expect("\"0123456789012345678901234567890123456789012345678901234567890",
	       "E-1 t.csv:1:1: unterminated quoted field (started here: "
	       "\"0123456789012345678901234567890123456789\xE2\x80\xA6\")\n");
}

static void test_nul_byte_is_an_error_with_position(void **state)
{
	(void)state;
	const char in[] = "ab;c\0d\nok\n";
	expect_n(in, sizeof in - 1, 0,
		 "E-1 t.csv:1:5: NUL byte in the data (field: \"c\\x00d\"); is this a UTF-16 or "
		 "binary file?\n2:1=ok\n");
	const char inq[] = "\"c\0\"\nok\n";
	expect_n(inq, sizeof inq - 1, 0,
		 "E-1 t.csv:1:3: NUL byte in the data (field: \"c\\x00\\\"\"); is this a UTF-16 or "
		 "binary file?\n2:1=ok\n");
}

static void test_invalid_utf8_is_an_error_at_the_bad_byte(void **state)
{
	(void)state;
	expect("caf\xE9;x\nok\n",
	       "E-1 t.csv:1:4: invalid UTF-8 (byte 0xE9) (field: \"caf\\xE9;x\"); save the file as "
	       "UTF-8\n2:1=ok\n");
	/* overlong, surrogate, above U+10FFFF, lone continuation, cut off at the end */
	expect("\xC0\x80\n", "E-1 t.csv:1:1: invalid UTF-8 (byte 0xC0) (field: \"\\xC0\\x80\"); save "
			  "the file as UTF-8\n");
	expect("\"\xED\xA0\x80\"\n", "E-1 t.csv:1:2: invalid UTF-8 (byte 0xED) (field: "
				   "\"\\xED\\xA0\\x80\\\"\"); save the file as UTF-8\n");
	expect("\xF4\x90\x80\x80\n", "E-1 t.csv:1:1: invalid UTF-8 (byte 0xF4) (field: "
				   "\"\\xF4\\x90\\x80\\x80\"); save the file as UTF-8\n");
	expect("a\x80\n", "E-1 t.csv:1:2: invalid UTF-8 (byte 0x80) (field: \"a\\x80\"); save the "
			 "file as UTF-8\n");
	expect("ab\xE2\x82", "E-1 t.csv:1:3: invalid UTF-8 (byte 0xE2) (field: \"ab\\xE2\\x82\"); "
			    "save the file as UTF-8\n");
}

static void test_utf8_columns_count_characters_not_bytes(void **state)
{
	(void)state;
	/* é (2 bytes), € (3 bytes), 😀 (4 bytes) are one column each */
	expect("\xC3\xA9;\xE2\x82\xAC;\xF0\x9F\x98\x80;x\n",
	       "1:1=\\xC3\\xA9 1:3=\\xE2\\x82\\xAC 1:5=\\xF0\\x9F\\x98\\x80 1:7=x\n");
}

static void test_error_position_after_bom_and_embedded_newline(void **state)
{
	(void)state;
	expect("\xEF\xBB\xBF\"a\nb\";c\"d\n",
	       "E-1 t.csv:2:5: quote inside an unquoted field (field: \"c\\\"d\"); put the whole "
	       "field in quotes and write a quote in it as \"\"\n");
}

static void test_only_the_first_error_of_a_record_is_reported(void **state)
{
	(void)state;
	expect("a\"b;c\"d;\xFF\n1\n",
	       "E-1 t.csv:1:2: quote inside an unquoted field (field: \"a\\\"b;c\\\"d;\\xFF\"); put "
	       "the whole field in quotes and write a quote in it as \"\"\n2:1=1\n");
}

/* ---- Limits --------------------------------------------------------------- */

static void test_field_over_max_field_is_an_error_at_field_start(void **state)
{
	(void)state;
	struct tl_csv_opts o = {.max_field = 4};
	char *got = run_all("ab;cdef;ghijk\nok\n", 17, &o);
	assert_string_equal(got, "E-4 t.csv:1:9: field longer than 4 bytes (starts: \"ghijk\")\n"
				 "2:1=ok\n");
	free(got);
}

static void test_row_over_max_fields_is_an_error_at_the_extra_field(void **state)
{
	(void)state;
	struct tl_csv_opts o = {.max_fields = 3};
	char *got = run_all("a;b;c\na;b;c;d;e\nok\n", 19, &o);
	assert_string_equal(got, "1:1=a 1:3=b 1:5=c\nE-4 t.csv:2:7: row has more than 3 fields\n"
				 "3:1=ok\n");
	free(got);
}

static void test_row_over_max_record_is_an_error(void **state)
{
	(void)state;
	struct tl_csv_opts o = {.max_record = 8};
	char *got = run_all("abcd;efgh;ijkl\nok\n", 18, &o);
	assert_string_equal(got, "E-4 t.csv:1:11: row longer than 8 bytes (field starts: \"ijkl\")\n"
				 "2:1=ok\n");
	free(got);
}

/* A field that runs past the row limit before its own: the row limit is
 * met first in byte order, and every read mode must say so (found by
 * fuzz_csv: a whole-buffer read used to name the field limit). */
static void test_row_limit_met_before_field_limit_is_named_in_every_mode(void **state)
{
	(void)state;
	struct tl_csv_opts o = {.max_field = 6, .max_record = 8};
	char *got = run_all("abcd;efghijkl\nok\n", 17, &o);
	assert_string_equal(got, "E-4 t.csv:1:6: row longer than 8 bytes (field starts: \"efghijkl\")\n"
				 "2:1=ok\n");
	free(got);
}

static void test_long_field_across_many_chunks(void **state)
{
	(void)state;
	size_t n = 300000;
	char *in = malloc(n + 8);
	in[0] = '"';
	for (size_t i = 1; i < n; i++)
		in[i] = (char)('a' + i % 26);
	memcpy(in + n, "\";x\n", 4);
	for (int m = 0; m < N_MODES; m++) {
		if (m == MODE_CHUNK1 || m == MODE_CHUNK2)
			continue; /* fine but slow */
		struct tl_csv_opts o = {0};
		char *got = run_opts(in, n + 4, &o, m);
		assert_int_equal(strlen(got), n - 1 + strlen("1:1=\"\" 1:300003=x\n"));
		assert_non_null(strstr(got, "\" 1:300003=x\n"));
		free(got);
	}
	free(in);
}

/* ---- Offsets, read errors, snippets -------------------------------------- */

static void test_offset_counts_every_byte_including_the_bom(void **state)
{
	(void)state;
	const char in[] = "\xEF\xBB\xBF" "a;b\r\nc;d\n\n";
	FILE *f = tmpfile();
	fwrite(in, 1, sizeof in - 1, f);
	rewind(f);
	struct tl_csv_opts o = {.chunk = 2};
	tl_csv *c = tl_csv_open_file(f, "t.csv", &o);
	tl_errors e = TL_ERRORS_INIT;
	const struct tl_csv_field *fl;
	size_t n;
	assert_int_equal(tl_csv_next(c, &fl, &n, &e), 1);
	assert_int_equal(tl_csv_offset(c), 8);
	assert_int_equal(tl_csv_next(c, &fl, &n, &e), 1);
	assert_int_equal(tl_csv_next(c, &fl, &n, &e), 0);
	assert_int_equal(tl_csv_offset(c), sizeof in - 1);
	tl_csv_close(c);
	fclose(f);
	assert_int_equal(e.n, 0);
}

static void test_read_error_is_reported_once(void **state)
{
	(void)state;
	FILE *f = fopen("/dev/null", "w"); /* reading a write-only stream fails */
	assert_non_null(f);
	tl_csv *c = tl_csv_open_file(f, "w.csv", NULL);
	tl_errors e = TL_ERRORS_INIT;
	const struct tl_csv_field *fl;
	size_t n;
	assert_int_equal(tl_csv_next(c, &fl, &n, &e), TL_ERR_IO);
	assert_int_equal(tl_csv_next(c, &fl, &n, &e), 0);
	assert_int_equal(e.n, 1);
	assert_non_null(strstr(e.items[0].msg, "read error"));
	tl_csv_close(c);
	fclose(f);
	tl_errors_free(&e);
}

static void test_snippet_escapes_and_shortens_at_a_character_boundary(void **state)
{
	(void)state;
	tl_buf b = TL_BUF_INIT;
	tl_csv_snippet(&b, "a\"b\\c\n\t\x01\xFF\xC3\xA9", 11);
	assert_string_equal(b.data, "\"a\\\"b\\\\c\\n\\t\\x01\\xFF\xC3\xA9\"");
	tl_buf_reset(&b);
	char in[64];
	memset(in, 'x', 39);
	memcpy(in + 39, "\xE2\x82\xAC" "yyyyy", 8);
	tl_csv_snippet(&b, in, 47);
	/* 39 x, then the whole euro sign (not cut in half), then the ellipsis */
	assert_int_equal(b.len, 1 + 39 + 3 + 3 + 1);
	assert_memory_equal(b.data + 40, "\xE2\x82\xAC\xE2\x80\xA6\"", 7);
	tl_buf_free(&b);
}

/* ---- Differential check: every input mode agrees ------------------------- */

static void test_generated_inputs_read_the_same_from_memory_and_in_chunks(void **state)
{
	(void)state;
	static const char *const pieces[] = {"a", "bc", ";", ",", "\"", "\"\"", "\n", "\r\n", "\r",
					     "\xEF\xBB\xBF", "\xC3\xA9", "\xE2\x82", "\xAC", " ",
					     "\t", "x\"y", "\0"};
	unsigned seed = 12345;
	for (int round = 0; round < 400; round++) {
		char in[256];
		size_t len = 0;
		int parts = round % 40;
		for (int i = 0; i < parts; i++) {
			seed = seed * 1103515245u + 12345u;
			size_t k = (seed >> 16) % (sizeof pieces / sizeof *pieces);
			size_t pl = pieces[k][0] ? strlen(pieces[k]) : 1;
			if (len + pl > sizeof in)
				break;
			memcpy(in + len, pieces[k], pl);
			len += pl;
		}
		struct tl_csv_opts o = {.delim = (char)(round % 3 == 0 ? ',' : 0), .max_field = 9};
		free(run_all(in, len, &o)); /* run_all fails on any difference */
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_split_on_semicolon_with_positions),
		cmocka_unit_test(test_comma_is_detected_when_first_record_has_no_semicolon),
		cmocka_unit_test(test_semicolon_wins_when_first_record_has_both),
		cmocka_unit_test(test_delimiters_inside_quotes_do_not_count_for_detection),
		cmocka_unit_test(test_detection_looks_only_at_the_first_record),
		cmocka_unit_test(test_file_without_delimiter_is_one_column),
		cmocka_unit_test(test_given_delimiter_overrides_detection),
		cmocka_unit_test(test_bom_is_stripped_and_columns_start_at_one_after_it),
		cmocka_unit_test(test_bom_only_in_front_is_special),
		cmocka_unit_test(test_crlf_lf_and_lone_cr_all_end_records),
		cmocka_unit_test(test_lone_cr_at_the_end_of_the_last_record),
		cmocka_unit_test(test_last_record_without_line_end),
		cmocka_unit_test(test_trailing_delimiter_gives_an_empty_last_field),
		cmocka_unit_test(test_quoted_fields_keep_delimiters_and_decode_doubled_quotes),
		cmocka_unit_test(test_embedded_newline_keeps_line_numbers_of_next_row),
		cmocka_unit_test(test_embedded_crlf_and_lone_cr_each_count_one_line),
		cmocka_unit_test(test_empty_quoted_field_is_not_a_blank_line),
		cmocka_unit_test(test_quote_at_end_of_input_after_closing_quote_is_fine),
		cmocka_unit_test(test_blank_lines_at_the_end_are_ignored),
		cmocka_unit_test(test_blank_line_in_the_middle_is_a_row_with_one_empty_field),
		cmocka_unit_test(test_blank_lines_before_the_first_record_are_rows),
		cmocka_unit_test(test_empty_input_and_bom_only_input_have_no_rows),
		cmocka_unit_test(test_line_of_blanks_is_a_field_of_blanks),
		cmocka_unit_test(test_quote_inside_unquoted_field_is_an_error_and_reading_goes_on),
		cmocka_unit_test(test_text_after_closing_quote_is_an_error_at_that_text),
		cmocka_unit_test(test_unterminated_quote_reports_where_it_started_and_ends_input),
		cmocka_unit_test(test_unterminated_quote_snippet_is_shortened),
		cmocka_unit_test(test_nul_byte_is_an_error_with_position),
		cmocka_unit_test(test_invalid_utf8_is_an_error_at_the_bad_byte),
		cmocka_unit_test(test_utf8_columns_count_characters_not_bytes),
		cmocka_unit_test(test_error_position_after_bom_and_embedded_newline),
		cmocka_unit_test(test_only_the_first_error_of_a_record_is_reported),
		cmocka_unit_test(test_field_over_max_field_is_an_error_at_field_start),
		cmocka_unit_test(test_row_over_max_fields_is_an_error_at_the_extra_field),
		cmocka_unit_test(test_row_over_max_record_is_an_error),
		cmocka_unit_test(test_row_limit_met_before_field_limit_is_named_in_every_mode),
		cmocka_unit_test(test_long_field_across_many_chunks),
		cmocka_unit_test(test_offset_counts_every_byte_including_the_bom),
		cmocka_unit_test(test_read_error_is_reported_once),
		cmocka_unit_test(test_snippet_escapes_and_shortens_at_a_character_boundary),
		cmocka_unit_test(test_generated_inputs_read_the_same_from_memory_and_in_chunks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
