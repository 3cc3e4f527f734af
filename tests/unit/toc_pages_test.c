/* The PDF's contents: on which page each entry's heading landed
 * (render/toc_pages.h), read from pdftotext's text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "render/toc_pages.h"

/* cover, contents, then the pages as Chromium prints the example */
static const char doc[] = "Jaarverslag 2025\nProvincie\n\f"
			  "Inhoud\nVoorwoord 3\nNaoberschap 4\nInterviews 6\n\f"
			  "Voorwoord\nDrenthe is een provincie. Naoberschap is hier gewoon.\n\f"
			  "Naoberschap\nBehouden en versterken\n\f"
			  "vervolg van Naoberschap\n\f"
			  "Interviews\nSUBSIDIEREGELING BEWONERSINITIATIEVEN\nFamiliepad 't Opgaonde toegankelijk voor\niedereen\n\f"
			  "HÉT COMPLIMENT\nSweelpop wint\n\f";

static void find(const char *const *titles, size_t n, int *pages)
{
	tl_toc_find_pages(doc, strlen(doc), titles, n, 2, pages);
}

static void test_each_entry_is_found_where_its_heading_opens_a_page(void **state)
{
	(void)state;
	const char *t[] = {"Voorwoord", "Naoberschap", "Interviews",
			   "Familiepad 't Opgaonde toegankelijk voor iedereen", "Sweelpop wint"};
	int p[5];
	assert_int_equal(tl_toc_find_pages(doc, strlen(doc), t, 5, 2, p), 5);
	assert_int_equal(p[0], 3);
	assert_int_equal(p[1], 4);
	assert_int_equal(p[2], 6);
	assert_int_equal(p[3], 6); /* after its kicker, wrapped over two lines, same page as the part */
	assert_int_equal(p[4], 7);
}

static void test_the_contents_own_listing_is_not_taken(void **state)
{
	(void)state;
	/* "Voorwoord 3" on page 2 is not a whole line "Voorwoord", and page 2 is
	 * skipped anyway; a title inside running text is not a heading */
	const char *t[] = {"Naoberschap"};
	int p[1];
	find(t, 1, p);
	assert_int_equal(p[0], 4);
	/* without skipping the contents, a whole-line match on page 2 would not exist either */
	assert_int_equal(tl_toc_find_pages(doc, strlen(doc), t, 1, 0, p), 1);
	assert_int_equal(p[0], 4);
}

static void test_a_heading_deeper_in_a_page_is_not_its_start(void **state)
{
	(void)state;
	/* only the first TL_TOC_HEAD_LINES (4) lines of a page are its head */
	const char text[] = "a\nb\nc\nd\nTitel\n\fTitel\n";
	const char *t[] = {"Titel"};
	int p[1];
	assert_int_equal(tl_toc_find_pages(text, strlen(text), t, 1, 0, p), 1);
	assert_int_equal(p[0], 2);
}

static void test_entries_are_looked_for_in_order(void **state)
{
	(void)state;
	/* "Gezondheid" heads page 1 too, but the entry before it is on page 2 */
	const char text[] = "Gezondheid\n\fVoorwoord\n\fGezondheid\n";
	const char *t[] = {"Voorwoord", "Gezondheid"};
	int p[2];
	assert_int_equal(tl_toc_find_pages(text, strlen(text), t, 2, 0, p), 2);
	assert_int_equal(p[0], 2);
	assert_int_equal(p[1], 3);
}

static void test_a_missing_heading_gives_zero_and_the_rest_go_on(void **state)
{
	(void)state;
	const char *t[] = {"Voorwoord", "Bestaat niet", "Naoberschap"};
	int p[3];
	assert_int_equal(tl_toc_find_pages(doc, strlen(doc), t, 3, 2, p), 2);
	assert_int_equal(p[0], 3);
	assert_int_equal(p[1], 0);
	assert_int_equal(p[2], 4);
	/* a longer line that starts with the title is not the heading */
	const char text[] = "Naoberschap en meer\n\fNaoberschap\n";
	const char *u[] = {"naoberschap"}; /* ASCII case ignored (CSS uppercases kickers) */
	assert_int_equal(tl_toc_find_pages(text, strlen(text), u, 1, 0, p), 1);
	assert_int_equal(p[0], 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_entry_is_found_where_its_heading_opens_a_page),
		cmocka_unit_test(test_the_contents_own_listing_is_not_taken),
		cmocka_unit_test(test_a_heading_deeper_in_a_page_is_not_its_start),
		cmocka_unit_test(test_entries_are_looked_for_in_order),
		cmocka_unit_test(test_a_missing_heading_gives_zero_and_the_rest_go_on),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
