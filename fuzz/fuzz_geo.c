/*
 * libFuzzer target for boundary files (GeoJSON / TopoJSON, import/geo.h and
 * its JSON reader): any bytes in, outlines or positioned errors out, never a
 * crash, leak or undefined behaviour.  Every outline that comes out must be
 * consistent (rings adding up to its points, finite coordinates, sorted
 * unique codes), and a map of them must draw.
 */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/buf.h"
#include "import/geo.h"
#include "render/map.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_shape *s;
	size_t n;
	if (tl_geo_parse("fuzz.json", (const char *)data, size, a, &s, &n, &e) == 0) {
		struct tl_map_item *items = TL_NEW_ARRAY(a, struct tl_map_item, n + 1);
		for (size_t i = 0; i < n; i++) {
			size_t sum = 0;
			for (size_t k = 0; k < s[i].n_rings; k++) {
				if (s[i].ring_len[k] < 3)
					__builtin_trap();
				sum += s[i].ring_len[k];
			}
			if (sum != s[i].n_points || (i > 0 && strcmp(s[i - 1].region, s[i].region) >= 0))
				__builtin_trap();
			for (size_t k = 0; k < 2 * s[i].n_points; k++)
				if (!isfinite(s[i].xy[k]))
					__builtin_trap();
			items[i] = (struct tl_map_item){s[i].region, NULL, &s[i], (double)i, (int)(i % 3 != 0), 0};
		}
		/* Draw only shapes of one crs together, as a file has one. */
		struct tl_map_chart c = {"f", "t", "d", items, n, 1, TL_POLARITY_NEUTRAL, 1, TL_UNIT_NUMBER, TL_LANG_NL, 300};
		tl_buf b = TL_BUF_INIT;
		tl_map_svg(&b, &c);
		tl_map_legend(&b, &c);
		/* Path data holds only M, L, Z, digits, '.', '-' and blanks (no nan, no inf). */
		for (const char *d = b.data ? strstr(b.data, " d=\"M") : NULL; d; d = strstr(d + 1, " d=\"M"))
			for (const char *q = d + 4; *q && *q != '"'; q++)
				if (!strchr("MLZ0123456789.- ", *q))
					__builtin_trap();
		tl_buf_free(&b);
	} else if (!tl_errors_failed(&e)) {
		__builtin_trap(); /* a failure must say why */
	}
	tl_errors_free(&e);
	tl_arena_free(a);
	return 0;
}
