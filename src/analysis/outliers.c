#include "outliers.h"

#include <string.h>

#include "position.h"
#include "series.h"

size_t tl_outlier_threshold(size_t judged)
{
	if (judged < 2)
		return 0;
	size_t k = (2 * judged + 2) / 3; /* ceil(2J/3) */
	return k < 2 ? 2 : k;
}

size_t tl_outliers_count(const struct tl_outlier_input *ind, size_t n_ind, size_t n,
			 struct tl_outlier_count *counts)
{
	memset(counts, 0, n * sizeof *counts);
	size_t judged = 0;
	for (size_t i = 0; i < n_ind; i++) {
		const struct tl_outlier_input *d = &ind[i];
		size_t m = 0;
		for (size_t r = 0; r < n; r++)
			m += d->has[r] != 0;
		if (d->polarity == TL_POLARITY_NEUTRAL || m < 3)
			continue;
		judged++;
		for (size_t r = 0; r < n; r++) {
			if (!d->has[r])
				continue;
			counts[r].judged++;
			struct tl_position p = tl_position_of(d->v, d->has, n, d->polarity, d->decimals, r);
			counts[r].favourable += p.third == TL_THIRD_FAVOURABLE;
			counts[r].unfavourable += p.third == TL_THIRD_UNFAVOURABLE;
		}
	}
	return judged;
}

int tl_theme_outliers(const struct tl_model *m, const char *theme,
		      const struct tl_region *const *regions, size_t n, tl_arena *a,
		      struct tl_outliers *out)
{
	memset(out, 0, sizeof *out);
	if (!tl_model_theme(m, theme))
		return -1;
	size_t n_ind = 0;
	for (size_t i = 0; i < m->n_indicators; i++)
		n_ind += m->indicators[i].theme && strcmp(m->indicators[i].theme, theme) == 0;
	struct tl_outlier_input *in = TL_NEW_ARRAY(a, struct tl_outlier_input, n_ind + 1);
	size_t k = 0;
	for (size_t i = 0; i < m->n_indicators; i++) {
		const struct tl_indicator *d = &m->indicators[i];
		if (!d->theme || strcmp(d->theme, theme) != 0)
			continue;
		double *v = TL_NEW_ARRAY(a, double, n + 1);
		unsigned char *has = TL_NEW_ARRAY(a, unsigned char, n + 1);
		struct tl_period p;
		size_t cov;
		if (n > 0 && tl_best_period(m, d->slug, regions, n, &p, &cov) == 0) {
			for (size_t r = 0; r < n; r++) {
				const struct tl_observation *o = tl_model_obs(m, d->slug, regions[r]->code, &p);
				has[r] = o && tl_status_has_value(o->status);
				v[r] = has[r] ? o->value : 0;
			}
		}
		in[k++] = (struct tl_outlier_input){v, has, d->polarity, d->decimals};
	}
	out->counts = TL_NEW_ARRAY(a, struct tl_outlier_count, n + 1);
	out->judged = tl_outliers_count(in, k, n, out->counts);
	out->threshold = tl_outlier_threshold(out->judged);
	out->unfavourable = TL_NEW_ARRAY(a, const struct tl_region *, n + 1);
	out->favourable = TL_NEW_ARRAY(a, const struct tl_region *, n + 1);
	if (out->threshold == 0)
		return 0;
	for (size_t r = 0; r < n; r++) {
		if (out->counts[r].unfavourable >= out->threshold)
			out->unfavourable[out->n_unfavourable++] = regions[r];
		if (out->counts[r].favourable >= out->threshold)
			out->favourable[out->n_favourable++] = regions[r];
	}
	return 0;
}
