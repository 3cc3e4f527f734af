/* The Dutch prose scanner: figures in Dutch and English notation, number
 * words, fractions, approximation words and the ranges they allow, dates
 * and weekdays, sentences, claims.  Examples are taken from the Drenthe
 * annual report where possible. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text/prose.h"

struct scan {
	tl_arena *a;
	struct tl_prose p;
	const char *s;
};

static struct scan scan(const char *s)
{
	struct scan x = {tl_arena_new(), {0}, s};
	assert_int_equal(tl_prose_scan(s, strlen(s), x.a, &x.p), 0);
	return x;
}

static void done(struct scan *x)
{
	tl_arena_free(x->a);
}

/* The only quantity of kind k (fails when there is not exactly one). */
static const struct tl_quantity *only(const struct scan *x, enum tl_qkind k)
{
	const struct tl_quantity *q = NULL;
	for (size_t i = 0; i < x->p.n_q; i++)
		if (x->p.q[i].kind == k) {
			assert_null(q);
			q = &x->p.q[i];
		}
	assert_non_null(q);
	return q;
}

static int text_is(const struct scan *x, size_t s, size_t e, const char *want)
{
	return e - s == strlen(want) && !memcmp(x->s + s, want, e - s);
}

static void test_dutch_numbers(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum tl_qkind kind;
		double value;
		int decimals;
	} cases[] = {
		{"ruim 260.000 vrijwilligers", TL_Q_COUNT, 260000, 0},
		{"74,2% van de volwassenen", TL_Q_PERCENT, 74.2, 1},
		{"16,4 procent", TL_Q_PERCENT, 16.4, 1},
		{"naar € 36.200,- per jaar", TL_Q_EURO, 36200, 0},
		{"€36.200,-", TL_Q_EURO, 36200, 0},
		{"€ 5 miljoen beschikbaar", TL_Q_EURO, 5e6, 0},
		{"€ 28,2 miljoen", TL_Q_EURO, 28.2e6, 1},
		{"Iets meer dan 11 duizend Drenten", TL_Q_COUNT, 11000, 0},
		{"34.820.423 inwoners", TL_Q_COUNT, 34820423, 0},
		{"1.234,5 kilo", TL_Q_COUNT, 1234.5, 1},
		{"3000 euro", TL_Q_EURO, 3000, 0},
		{"alle twaalf Drentse gemeenten", TL_Q_COUNT, 12, 0},
		{"vijfentwintig gemeenschappen", TL_Q_COUNT, 25, 0},
		{"tweeëntwintig deelnemers", TL_Q_COUNT, 22, 0},
		{"in 2025 opnieuw", TL_Q_YEAR, 2025, 0},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct scan x = scan(cases[i].text);
		const struct tl_quantity *q = only(&x, cases[i].kind);
		assert_true(fabs(q->value - cases[i].value) < 1e-6);
		assert_int_equal(q->decimals, cases[i].decimals);
		assert_false(q->flags & TL_QF_FOREIGN);
		done(&x);
	}
}

static void test_english_notation_is_marked(void **state)
{
	(void)state;
	struct scan x = scan("De provincie stelt € 750,000,- beschikbaar.");
	const struct tl_quantity *q = only(&x, TL_Q_EURO);
	assert_true(q->flags & TL_QF_FOREIGN);
	assert_true(q->value == 750000);
	assert_true(text_is(&x, q->num_start, q->num_end, "€ 750,000,-"));
	done(&x);

	x = scan("Dat is 1,234.5 ton.");
	assert_true(only(&x, TL_Q_COUNT)->flags & TL_QF_FOREIGN);
	done(&x);
	x = scan("Het aandeel is 74.2% in 2024.");
	assert_true(only(&x, TL_Q_PERCENT)->flags & TL_QF_FOREIGN);
	done(&x);
	/* a version number is not English notation, "1,5" is a Dutch decimal */
	x = scan("De Gelijke Kansen Agenda 2.0 en 1,5 procent.");
	for (size_t i = 0; i < x.p.n_q; i++)
		assert_false(x.p.q[i].flags & TL_QF_FOREIGN);
	done(&x);
}

static void test_fractions_in_words(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		double value;
		enum tl_approx approx;
	} cases[] = {
		{"Ruim de helft van de Drenten", 50, TL_APPROX_JUST_OVER},
		{"meer dan de helft van de inwoners", 50, TL_APPROX_OVER},
		{"iets meer dan een kwart (26%)", 25, TL_APPROX_JUST_OVER},
		{"bijna één op de tien huishoudens", 10, TL_APPROX_ALMOST},
		{"Vier op de vijf inwoners", 80, TL_APPROX_EXACT},
		{"driekwart van de scholen", 75, TL_APPROX_EXACT},
		{"twee derde van de jongeren", 200.0 / 3, TL_APPROX_EXACT},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct scan x = scan(cases[i].text);
		const struct tl_quantity *q = only(&x, TL_Q_SHARE);
		assert_true(fabs(q->value - cases[i].value) < 1e-6);
		assert_int_equal(q->approx, cases[i].approx);
		assert_true(q->flags & TL_QF_WORDS);
		done(&x);
	}
	/* "een derde partij" is not a fraction */
	struct scan x = scan("Er komt een derde partij bij.");
	for (size_t i = 0; i < x.p.n_q; i++)
		assert_int_not_equal(x.p.q[i].kind, TL_Q_SHARE);
	done(&x);
}

static void test_approximation_words_set_the_range(void **state)
{
	(void)state;
	double lo, hi;
	struct scan x = scan("Bijna 70 procent van de Drenten");
	const struct tl_quantity *q = only(&x, TL_Q_PERCENT);
	assert_int_equal(q->approx, TL_APPROX_ALMOST);
	assert_true(text_is(&x, q->start, q->end, "Bijna 70 procent"));
	tl_quantity_range(q, &lo, &hi);
	assert_true(lo > 64.5 && lo < 65.5); /* "bijna 70" means 65–70 */
	assert_true(hi >= 70 && hi <= 70.5);
	done(&x);

	x = scan("ruim 70% van de inwoners");
	tl_quantity_range(only(&x, TL_Q_PERCENT), &lo, &hi);
	assert_true(lo <= 70 && lo >= 69.4 && hi > 80);
	done(&x);

	x = scan("onder de 60% zit");
	q = only(&x, TL_Q_PERCENT);
	assert_int_equal(q->approx, TL_APPROX_UNDER);
	tl_quantity_range(q, &lo, &hi);
	assert_true(isinf(lo) && hi >= 60 && hi < 61);
	done(&x);

	x = scan("rond duizend leerlingen");
	q = only(&x, TL_Q_COUNT);
	assert_int_equal(q->approx, TL_APPROX_ABOUT);
	tl_quantity_range(q, &lo, &hi);
	assert_true(lo <= 900 && hi >= 1100);
	done(&x);

	/* exact figures allow their rounding only */
	x = scan("74,2%");
	tl_quantity_range(only(&x, TL_Q_PERCENT), &lo, &hi);
	assert_true(fabs(lo - 74.15) < 1e-9 && fabs(hi - 74.25) < 1e-9);
	done(&x);

	x = scan("zo'n tachtig vrijwilligers en ca. 12 jongeren");
	assert_int_equal(x.p.n_q, 2);
	assert_int_equal(x.p.q[0].approx, TL_APPROX_ABOUT);
	assert_true(x.p.q[0].value == 80);
	assert_int_equal(x.p.q[1].approx, TL_APPROX_ABOUT);
	done(&x);
}

static void test_counted_noun(void **state)
{
	(void)state;
	struct scan x = scan("In totaal ontvingen 42 initiatieven een bijdrage.");
	const struct tl_quantity *q = only(&x, TL_Q_COUNT);
	assert_true(text_is(&x, q->noun_start, q->noun_end, "initiatieven"));
	done(&x);
	/* word numbers before an article are verbs or names: "Vier de Verschillen" */
	x = scan("het festival 'Vier de Verschillen' in Emmen");
	assert_int_equal(x.p.n_q, 0);
	done(&x);
	/* ordinals and codes are not figures */
	x = scan("het 2e kwartaal, Q1 en Play4Peace");
	assert_int_equal(x.p.n_q, 0);
	done(&x);
}

static void test_dates_and_weekdays(void **state)
{
	(void)state;
	struct scan x = scan("De uitreiking vond plaats op donderdag 12 december 2025 in Assen.");
	assert_int_equal(x.p.n_dates, 1);
	const struct tl_written_date *d = &x.p.dates[0];
	assert_int_equal(d->weekday, 4);
	assert_int_equal(d->day, 12);
	assert_int_equal(d->month, 12);
	assert_int_equal(d->year, 2025);
	assert_true(text_is(&x, d->start, d->end, "donderdag 12 december 2025"));
	/* the day and year of a date are not counts or years */
	assert_int_equal(x.p.n_q, 0);
	done(&x);

	assert_int_equal(tl_weekday(2025, 12, 12), 5); /* a Friday */
	assert_string_equal(tl_weekday_name(5), "vrijdag");
	assert_int_equal(tl_weekday(2024, 7, 10), 3);
	assert_int_equal(tl_weekday(2024, 2, 29), 4);
	assert_int_equal(tl_weekday(2025, 2, 29), 0); /* no such day */
	assert_int_equal(tl_days_in_month(2000, 2), 29);
	assert_int_equal(tl_days_in_month(1900, 2), 28);

	x = scan("in juni 2024 is de pilot gestart, op 8 okt. 2022 en op 25 november");
	assert_int_equal(x.p.n_dates, 3);
	assert_int_equal(x.p.dates[0].day, 0);
	assert_int_equal(x.p.dates[0].month, 6);
	assert_int_equal(x.p.dates[1].month, 10);
	assert_int_equal(x.p.dates[1].year, 2022);
	assert_int_equal(x.p.dates[2].year, 0);
	done(&x);
	/* a month alone is no date */
	x = scan("Het pad werd in oktober geopend.");
	assert_int_equal(x.p.n_dates, 0);
	done(&x);
}

static void test_sentences_and_paragraphs(void **state)
{
	(void)state;
	const char *s = "# Kop\n\nDit is o.a. een zin. Daarna 42 initiatieven (vs. 40)! En nog:\n"
			"een regel.\n\n- 1. Een punt\n- Nog een punt\n\nMantelzorger... opeens ben je het! Slot "
			"A.M.D.G.\n";
	struct scan x = scan(s);
	assert_int_equal(x.p.n_para, 5);
	assert_int_equal(x.p.para[0].heading, 1);
	assert_int_equal(x.p.para[2].list, 1);
	assert_int_equal(x.p.n_sent, 8);
	assert_true(text_is(&x, x.p.sent[1].start, x.p.sent[1].end, "Dit is o.a. een zin."));
	assert_true(text_is(&x, x.p.sent[2].start, x.p.sent[2].end,
			    "Daarna 42 initiatieven (vs. 40)!"));
	assert_true(text_is(&x, x.p.sent[6].start, x.p.sent[6].end,
			    "Mantelzorger... opeens ben je het!"));
	assert_int_equal(tl_prose_sentence_at(&x.p, x.p.sent[2].start + 3), 2);
	done(&x);
}

static void test_claim_words(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		enum tl_claim_kind kind;
		unsigned flags;
	} cases[] = {
		{"Het aandeel neemt in afgelopen jaren toe.", TL_CLAIM_UP, 0},
		{"Het vertrouwen neemt langzaam af.", TL_CLAIM_DOWN, TL_CF_SLIGHT},
		{"Het mediaan inkomen stijgt naar € 36.200.", TL_CLAIM_UP, 0},
		{"Het vertrouwen is stabiel.", TL_CLAIM_STABLE, 0},
		{"Dit is gelijk aan het landelijk gemiddelde.", TL_CLAIM_EQUAL, TL_CF_NATIONAL},
		{"Het ligt hoger dan landelijk.", TL_CLAIM_HIGHER, TL_CF_NATIONAL | TL_CF_THAN},
		{"Emmen scoort ongunstig.", TL_CLAIM_UNFAVOURABLE, 0},
		{"Dit betekent niet dat het daalt.", TL_CLAIM_DOWN, TL_CF_NEGATED},
		{"De tekorten zullen verder toenemen.", TL_CLAIM_UP, TL_CF_FUTURE},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct scan x = scan(cases[i].text);
		assert_int_equal(x.p.n_claims, 1);
		assert_int_equal(x.p.claims[0].kind, cases[i].kind);
		assert_int_equal(x.p.claims[0].flags & cases[i].flags, cases[i].flags);
		done(&x);
	}
	/* adjectives describe, they do not claim */
	struct scan x = scan("De stijgende kosten en een toenemende zorgbehoefte.");
	assert_int_equal(x.p.n_claims, 0);
	done(&x);
}

static void test_words_helpers(void **state)
{
	(void)state;
	double v;
	assert_int_equal(tl_prose_number_word("Twaalf", 6, &v), 0);
	assert_true(v == 12);
	assert_int_equal(tl_prose_number_word("\xc3\x89\xc3\xa9n", 5, &v), 0); /* Één */
	assert_true(v == 1);
	assert_int_equal(tl_prose_number_word("driehonderd", 11, &v), 0);
	assert_true(v == 300);
	assert_int_equal(tl_prose_number_word("tientallen", 10, &v), -1);
	assert_true(tl_prose_stopword("De", 2));
	assert_false(tl_prose_stopword("gemeente", 8));
	assert_true(tl_prose_word_eq("DRENTHE", 7, "drenthe"));
	char buf[8];
	assert_int_equal(tl_prose_lower("Ab", 2, buf, sizeof buf), 2);
	assert_string_equal(buf, "ab");
	assert_int_equal(tl_prose_lower("123456789", 9, buf, sizeof buf), 0);
	assert_string_equal(tl_approx_name(TL_APPROX_ALMOST), "bijna");
}

/* Hostile input: every byte value, no NUL terminator, long digit runs,
 * unbalanced quotes.  Must not crash or read out of bounds (ASan). */
static void test_any_bytes(void **state)
{
	(void)state;
	tl_arena *a = tl_arena_new();
	size_t n = 70000;
	char *s = malloc(n);
	for (size_t i = 0; i < n; i++)
		s[i] = (char)((i * 7919u + (i >> 3)) & 0xFF);
	struct tl_prose p;
	tl_prose_scan(s, n, a, &p);
	memset(s, '9', n);
	tl_prose_scan(s, n, a, &p);
	assert_true(p.n_q <= 1);
	for (size_t i = 0; i < n; i++)
		s[i] = "1.,\xe2\x82\xac \n"[i % 7];
	tl_prose_scan(s, n - 1, a, &p);
	tl_prose_scan(s, 0, a, &p);
	tl_prose_scan(NULL, 5, a, &p);
	assert_int_equal(p.n_sent, 0);
	free(s);
	tl_arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dutch_numbers),
		cmocka_unit_test(test_english_notation_is_marked),
		cmocka_unit_test(test_fractions_in_words),
		cmocka_unit_test(test_approximation_words_set_the_range),
		cmocka_unit_test(test_counted_noun),
		cmocka_unit_test(test_dates_and_weekdays),
		cmocka_unit_test(test_sentences_and_paragraphs),
		cmocka_unit_test(test_claim_words),
		cmocka_unit_test(test_words_helpers),
		cmocka_unit_test(test_any_bytes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
