#include "compare.h"

#include <math.h>

#include "../model/model.h"
#include "series.h"

int tl_compare_tolerance(double a, double b, int decimals, double margin)
{
	if (margin > 0 && isfinite(margin)) {
		double d = a - b;
		if (fabs(d) <= margin)
			return 0;
		return d < 0 ? -1 : 1;
	}
	return tl_compare_rounded(a, b, decimals);
}

int tl_compare_favour(int polarity, double a, double b, int decimals, double margin)
{
	int c = tl_compare_tolerance(a, b, decimals, margin);
	if (polarity == TL_POLARITY_HIGHER_BETTER)
		return c;
	if (polarity == TL_POLARITY_LOWER_BETTER)
		return -c;
	return 0;
}
