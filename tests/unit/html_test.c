/* The escaping vocabulary and the Markdown renderer built on it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "render/html.h"
#include "render/markdown.h"

static void test_text_escapes_every_markup_character(void **state)
{
	(void)state;
	tl_buf b = TL_BUF_INIT;
	tl_html_text(&b, "<script>alert(\"x\" & 'y')</script>");
	assert_string_equal(b.data, "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;");
	tl_buf_free(&b);
}

static void test_attr_escapes_quotes(void **state)
{
	(void)state;
	tl_buf b = TL_BUF_INIT;
	tl_html_attr(&b, "title", "a\" onmouseover=\"x");
	assert_string_equal(b.data, " title=\"a&quot; onmouseover=&quot;x\"");
	tl_buf_free(&b);
}

static void test_href_refuses_javascript_and_data_urls(void **state)
{
	(void)state;
	tl_buf b = TL_BUF_INIT;
	tl_html_href(&b, "javascript:alert(1)");
	assert_string_equal(b.data, " href=\"#\"");
	tl_buf_reset(&b);
	tl_html_href(&b, "data:text/html,<b>");
	assert_string_equal(b.data, " href=\"#\"");
	tl_buf_reset(&b);
	tl_html_href(&b, "https://www.cbs.nl/?a=1&b=2");
	assert_string_equal(b.data, " href=\"https://www.cbs.nl/?a=1&amp;b=2\"");
	tl_buf_reset(&b);
	tl_html_href(&b, "gezondheid.html#indicator-x");
	assert_string_equal(b.data, " href=\"gezondheid.html#indicator-x\"");
	tl_buf_free(&b);
}

static void test_coordinates_are_locale_free_and_trimmed(void **state)
{
	(void)state;
	tl_buf b = TL_BUF_INIT;
	tl_html_coord(&b, 12.5);
	tl_buf_putc(&b, ' ');
	tl_html_coord(&b, 3.0);
	tl_buf_putc(&b, ' ');
	tl_html_coord(&b, -0.001);
	tl_buf_putc(&b, ' ');
	tl_html_coord(&b, 1.0 / 0.0);
	assert_string_equal(b.data, "12.5 3 0 0");
	tl_buf_free(&b);
}

static void test_value_is_formatted_dutch_and_escaped(void **state)
{
	(void)state;
	tl_buf b = TL_BUF_INIT;
	tl_html_value(&b, 74.2, 1, TL_UNIT_PERCENT, TL_LANG_NL);
	assert_string_equal(b.data, "74,2%");
	tl_buf_free(&b);
}

static char *md(const char *src)
{
	static char out[4096];
	tl_buf b = TL_BUF_INIT;
	tl_markdown_render(&b, src, strlen(src), NULL);
	snprintf(out, sizeof out, "%s", b.data ? b.data : "");
	tl_buf_free(&b);
	return out;
}

static void test_markdown_raw_html_is_shown_as_text(void **state)
{
	(void)state;
	char *o = md("Hallo <script>alert(1)</script> wereld\n");
	assert_null(strstr(o, "<script>"));
	assert_non_null(strstr(o, "&lt;script&gt;"));
}

static void test_markdown_links_without_target_become_text(void **state)
{
	(void)state;
	char *o = md("[Meer lezen](#) en [CBS](https://www.cbs.nl)\n");
	assert_null(strstr(o, "href=\"#\""));
	assert_non_null(strstr(o, "Meer lezen"));
	assert_non_null(strstr(o, "<a href=\"https://www.cbs.nl\">CBS</a>"));
}

static void test_markdown_javascript_link_is_neutralised(void **state)
{
	(void)state;
	char *o = md("[klik](javascript:alert(1))\n");
	assert_null(strstr(o, "javascript"));
}

static void test_markdown_headings_get_ids(void **state)
{
	(void)state;
	char *o = md("## Waar staan we nu?\n\nTekst.\n");
	assert_non_null(strstr(o, "<h2 id=\"waar-staan-we-nu\">Waar staan we nu?</h2>"));
	assert_non_null(strstr(o, "<p>Tekst.</p>"));
}

static void test_markdown_lists_and_emphasis(void **state)
{
	(void)state;
	char *o = md("- **1. Verminderen van armoede**\n- *twee*\n");
	assert_non_null(strstr(o, "<ul>"));
	assert_non_null(strstr(o, "<strong>1. Verminderen van armoede</strong>"));
	assert_non_null(strstr(o, "<em>twee</em>"));
}

/* A table may be wider than a phone: its box scrolls, can be focused with
 * the keyboard and has a name that is unique on the page (axe:
 * scrollable-region-focusable, landmark-unique). */
static void test_markdown_tables_scroll_in_a_named_focusable_region(void **state)
{
	(void)state;
	char *o = md("## Deelnemers <2025>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n| c |\n|---|\n| 3 |\n");
	assert_non_null(strstr(o, "<div class=\"tl-table-scroll\" role=\"region\" tabindex=\"0\" "
				  "aria-label=\"Tabel 1: Deelnemers &lt;2025&gt;\"><table"));
	assert_non_null(strstr(o, "aria-label=\"Tabel 2: Deelnemers &lt;2025&gt;\""));
	/* without a heading above: the number alone; in English */
	tl_buf b = TL_BUF_INIT;
	struct tl_md_opts en = {0, NULL, 0, TL_LANG_EN};
	const char *src = "| a |\n|---|\n| 1 |\n";
	tl_markdown_render(&b, src, strlen(src), &en);
	assert_non_null(strstr(b.data, "aria-label=\"Table 1\">"));
	tl_buf_free(&b);
	/* the helper: label parts escaped and joined */
	tl_buf_reset(&b);
	tl_html_scroll_begin(&b, "Subsidies", "\"Aa\" & Hunze");
	assert_string_equal(b.data, "<div class=\"tl-table-scroll\" role=\"region\" tabindex=\"0\" "
				    "aria-label=\"Subsidies: &quot;Aa&quot; &amp; Hunze\">");
	tl_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_escapes_every_markup_character),
		cmocka_unit_test(test_attr_escapes_quotes),
		cmocka_unit_test(test_href_refuses_javascript_and_data_urls),
		cmocka_unit_test(test_coordinates_are_locale_free_and_trimmed),
		cmocka_unit_test(test_value_is_formatted_dutch_and_escaped),
		cmocka_unit_test(test_markdown_raw_html_is_shown_as_text),
		cmocka_unit_test(test_markdown_links_without_target_become_text),
		cmocka_unit_test(test_markdown_javascript_link_is_neutralised),
		cmocka_unit_test(test_markdown_headings_get_ids),
		cmocka_unit_test(test_markdown_lists_and_emphasis),
		cmocka_unit_test(test_markdown_tables_scroll_in_a_named_focusable_region),
	};
	return cmocka_run_group_tests_name("html", tests, NULL, NULL);
}
