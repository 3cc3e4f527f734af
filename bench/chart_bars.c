/*
 * chart_bars — bench/chart.sh's timer: a responsive bar chart (wide and
 * narrow drawing) of N rows, rendered RUNS times; prints one line
 *   bars N: median S s, min S s, BYTES bytes
 * (CPU seconds of tl_chart_bar alone, not the set-up).
 *
 *   chart_bars N [RUNS]
 *
 * Benchmark code: not part of telling.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/buf.h"
#include "render/chart.h"

static double cpu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int by_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 0;
	int runs = argc > 2 ? atoi(argv[2]) : 5;
	if (n < 1 || runs < 1) {
		fprintf(stderr, "usage: chart_bars N [RUNS]\n");
		return 2;
	}
	/* The rows of tests/unit/chart_test.c's many_items: spread values,
	 * every 17th without a figure, one highlighted. */
	struct tl_bar_item *it = calloc((size_t)n, sizeof *it);
	char (*labels)[32] = calloc((size_t)n, sizeof *labels);
	double *t = calloc((size_t)runs, sizeof *t);
	if (!it || !labels || !t)
		return 1;
	for (long i = 0; i < n; i++) {
		snprintf(labels[i], sizeof labels[i], "Gemeente %ld", i + 1);
		it[i] = (struct tl_bar_item){labels[i], 40 + (double)((i * 7919) % 400) / 10, i % 17 != 5, i == 100};
	}
	struct tl_bar_chart c = {.id = "bench", .title = "Alle gemeenten", .items = it, .n_items = (size_t)n,
				 .decimals = 1, .kind = TL_UNIT_PERCENT, .lang = TL_LANG_NL, .ref_label = "Nederland",
				 .ref_value = 60, .has_ref = 1, .layout = TL_CHART_RESPONSIVE};
	size_t bytes = 0;
	for (int r = 0; r < runs; r++) {
		tl_buf b = TL_BUF_INIT;
		double t0 = cpu();
		tl_chart_bar(&b, &c);
		t[r] = cpu() - t0;
		bytes = b.len;
		tl_buf_free(&b);
	}
	qsort(t, (size_t)runs, sizeof *t, by_double);
	printf("bars %ld: median %.4f s, min %.4f s, %zu bytes\n", n, t[runs / 2], t[0], bytes);
	free(t);
	free(labels);
	free(it);
	return 0;
}
