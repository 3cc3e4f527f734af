#include "position.h"

#include "series.h"

/* -1 when a is less favourable than b, 0 equal after rounding, 1 more. */
static int favour(enum tl_polarity p, double a, double b, int decimals)
{
	int c = tl_compare_rounded(a, b, decimals);
	return p == TL_POLARITY_LOWER_BETTER ? -c : c;
}

struct tl_position tl_position_of(const double *v, const unsigned char *has, size_t n,
				  enum tl_polarity p, int decimals, size_t i)
{
	size_t m = 0;
	for (size_t j = 0; j < n; j++)
		m += has[j] != 0;
	struct tl_position o = {0, 0, 0, m, TL_THIRD_NONE};
	if (i >= n || !has[i])
		return o;
	size_t better = 0, worse = 0, same = 0;
	for (size_t j = 0; j < n; j++) {
		if (!has[j])
			continue;
		int f = favour(p, v[j], v[i], decimals);
		if (f > 0)
			better++;
		else if (f < 0)
			worse++;
		else
			same++;
	}
	o.has = 1;
	o.rank = better + 1;
	o.tied = same;
	size_t k = m / 3;
	if (p == TL_POLARITY_NEUTRAL || k == 0)
		return o;
	int fav = better < k, unfav = worse < k;
	o.third = fav && !unfav ? TL_THIRD_FAVOURABLE :
		  unfav && !fav ? TL_THIRD_UNFAVOURABLE : TL_THIRD_MIDDLE;
	return o;
}

void tl_positions(const double *v, const unsigned char *has, size_t n, enum tl_polarity p,
		  int decimals, struct tl_position *out)
{
	for (size_t i = 0; i < n; i++)
		out[i] = tl_position_of(v, has, n, p, decimals, i);
}

int tl_positions_model(const struct tl_model *m, const struct tl_indicator *d,
		       const struct tl_region *const *regions, size_t n, struct tl_period *period,
		       double *v, unsigned char *has, struct tl_position *out)
{
	size_t cov;
	if (n == 0 || tl_best_period(m, d->slug, regions, n, period, &cov))
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct tl_observation *o = tl_model_obs(m, d->slug, regions[i]->code, period);
		has[i] = o && tl_status_has_value(o->status);
		v[i] = has[i] ? o->value : 0;
	}
	tl_positions(v, has, n, d->polarity, d->decimals, out);
	return 0;
}
