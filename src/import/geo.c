#include "geo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/str.h"
#include "json.h"

struct gctx {
	const char *name;
	tl_arena *a;
	tl_errors *errs;
	int failed;
	enum tl_crs crs;
	/* TopoJSON */
	const struct tl_json *arcs;
	double sx, sy, tx, ty;
	int quantized;
	/* the shape being built */
	tl_buf xy;    /* doubles */
	tl_buf rings; /* unsigned */
	size_t total;
	/* the result */
	struct tl_shape *out;
	const struct tl_json **where; /* node of each shape, for duplicate messages */
	size_t n, cap;
};

#define GERR(c, node, ...)                                                                          \
	do {                                                                                        \
		tl_errors_add((c)->errs, (c)->name, (node) ? (node)->line : 0, (node) ? (node)->col : 0, \
			      NULL, __VA_ARGS__);                                                   \
		(c)->failed = 1;                                                                    \
	} while (0)

static int is(const struct tl_json *v, enum tl_json_type t)
{
	return v && v->type == t;
}

static int str_is(const struct tl_json *v, const char *s)
{
	return is(v, TL_JSON_STRING) && !strcmp(v->str, s);
}

/* Read [x, y, …] into *x, *y; checks range in WGS84. */
static int position(struct gctx *c, const struct tl_json *p, double *x, double *y)
{
	if (!is(p, TL_JSON_ARRAY) || p->len < 2 || !is(p->items[0], TL_JSON_NUMBER) ||
	    !is(p->items[1], TL_JSON_NUMBER)) {
		GERR(c, p, "a position must be an array of two numbers [x, y]");
		return -1;
	}
	*x = p->items[0]->num;
	*y = p->items[1]->num;
	if (!isfinite(*x) || !isfinite(*y)) {
		GERR(c, p, "coordinate is not a finite number");
		return -1;
	}
	if (c->crs == TL_CRS_WGS84 && !c->quantized && (fabs(*x) > 180 || fabs(*y) > 90)) {
		GERR(c, p,
		     "coordinate (%.10g, %.10g) lies outside longitude/latitude range; a file in RD New (EPSG:28992) must say so in \"crs\"",
		     *x, *y);
		return -1;
	}
	return 0;
}

static void add_point(struct gctx *c, double x, double y)
{
	tl_buf_put(&c->xy, &x, sizeof x);
	tl_buf_put(&c->xy, &y, sizeof y);
	c->total++;
}

static size_t npoints(const struct gctx *c)
{
	return c->xy.len / (2 * sizeof(double));
}

static void point_at(const struct gctx *c, size_t i, double *x, double *y)
{
	memcpy(x, c->xy.data + i * 2 * sizeof(double), sizeof *x);
	memcpy(y, c->xy.data + (i * 2 + 1) * sizeof(double), sizeof *y);
}

/* Close the ring that started at point `start`: drop the repeated closing
 * point, refuse a ring of fewer than three distinct points. */
static int end_ring(struct gctx *c, size_t start, const struct tl_json *node)
{
	size_t end = npoints(c);
	double fx, fy, lx, ly;
	if (end > start + 1) {
		point_at(c, start, &fx, &fy);
		point_at(c, end - 1, &lx, &ly);
		if (fx == lx && fy == ly) {
			c->xy.len -= 2 * sizeof(double);
			c->total--;
			end--;
		}
	}
	/* Distinct points, counted up to three (all a ring needs). */
	size_t distinct = 0;
	double dx[2] = {0}, dy[2] = {0};
	for (size_t i = start; i < end && distinct < 3; i++) {
		double x, y;
		point_at(c, i, &x, &y);
		int seen = 0;
		for (size_t k = 0; k < distinct; k++)
			seen |= dx[k] == x && dy[k] == y;
		if (seen)
			continue;
		if (distinct < 2) {
			dx[distinct] = x;
			dy[distinct] = y;
		}
		distinct++;
	}
	if (distinct < 3) {
		GERR(c, node, "a ring needs at least three distinct points (it has %zu)", distinct);
		c->xy.len = start * 2 * sizeof(double);
		return -1;
	}
	unsigned len = (unsigned)(end - start);
	tl_buf_put(&c->rings, &len, sizeof len);
	return 0;
}

/* GeoJSON ring: an array of positions. */
static int geojson_ring(struct gctx *c, const struct tl_json *r)
{
	if (!is(r, TL_JSON_ARRAY)) {
		GERR(c, r, "a ring must be an array of positions, not %s", r ? tl_json_type_name(r->type) : "nothing");
		return -1;
	}
	size_t start = npoints(c);
	for (size_t i = 0; i < r->len; i++) {
		double x, y;
		if (position(c, r->items[i], &x, &y)) {
			c->xy.len = start * 2 * sizeof(double);
			return -1;
		}
		if (c->total >= TL_GEO_MAX_POINTS) {
			GERR(c, r->items[i], "more than %u points: too large for a map", TL_GEO_MAX_POINTS);
			return -1;
		}
		add_point(c, x, y);
	}
	return end_ring(c, start, r);
}

/* TopoJSON arc i (possibly reversed) appended to the current ring. */
static int topo_arc(struct gctx *c, const struct tl_json *idx, int first)
{
	if (!is(idx, TL_JSON_NUMBER) || idx->num != floor(idx->num) || fabs(idx->num) > 1e9) {
		GERR(c, idx, "an arc reference must be a whole number");
		return -1;
	}
	long k = (long)idx->num;
	int rev = k < 0;
	size_t i = rev ? (size_t)(~k) : (size_t)k;
	if (!c->arcs || i >= c->arcs->len) {
		if (rev)
			GERR(c, idx, "arc reference %ld (arc %zu, reversed) does not exist (the topology has %zu arcs)", k, i,
			     c->arcs ? c->arcs->len : 0);
		else
			GERR(c, idx, "arc %ld does not exist (the topology has %zu arcs)", k, c->arcs ? c->arcs->len : 0);
		return -1;
	}
	const struct tl_json *arc = c->arcs->items[i];
	if (!is(arc, TL_JSON_ARRAY) || arc->len < 2) {
		GERR(c, arc, "an arc must be an array of at least two positions");
		return -1;
	}
	/* Decode the whole arc (delta-encoded when quantized), then append in
	 * the requested direction, skipping the point it shares with the arc
	 * before it. */
	size_t n = arc->len;
	double *pts = TL_NEW_ARRAY(c->a, double, 2 * n);
	double qx = 0, qy = 0;
	for (size_t j = 0; j < n; j++) {
		double x, y;
		if (position(c, arc->items[j], &x, &y))
			return -1;
		if (c->quantized) {
			qx += x;
			qy += y;
			x = qx * c->sx + c->tx;
			y = qy * c->sy + c->ty;
			if (fabs(x) > 180 || fabs(y) > 90) {
				GERR(c, arc->items[j], "arc point (%.10g, %.10g) lies outside longitude/latitude range", x, y);
				return -1;
			}
		}
		pts[2 * j] = x;
		pts[2 * j + 1] = y;
	}
	for (size_t j = first ? 0 : 1; j < n; j++) {
		size_t at = rev ? n - 1 - j : j;
		if (c->total >= TL_GEO_MAX_POINTS) {
			GERR(c, idx, "more than %u points: too large for a map", TL_GEO_MAX_POINTS);
			return -1;
		}
		add_point(c, pts[2 * at], pts[2 * at + 1]);
	}
	return 0;
}

static int topo_ring(struct gctx *c, const struct tl_json *r)
{
	if (!is(r, TL_JSON_ARRAY) || r->len == 0) {
		GERR(c, r, "a ring must be a non-empty array of arc references");
		return -1;
	}
	size_t start = npoints(c);
	for (size_t i = 0; i < r->len; i++)
		if (topo_arc(c, r->items[i], i == 0)) {
			c->xy.len = start * 2 * sizeof(double);
			return -1;
		}
	return end_ring(c, start, r);
}

/* A polygon: an array of rings (outer first, then holes). */
static int polygon(struct gctx *c, const struct tl_json *p, int topo)
{
	if (!is(p, TL_JSON_ARRAY) || p->len == 0) {
		GERR(c, p, "a polygon must be a non-empty array of rings");
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < p->len; i++)
		rc |= topo ? topo_ring(c, p->items[i]) : geojson_ring(c, p->items[i]);
	return rc ? -1 : 0;
}

/* The region code of a feature (GeoJSON) or geometry (TopoJSON). */
static const char *region_code(struct gctx *c, const struct tl_json *f)
{
	const struct tl_json *props = tl_json_get(f, "properties");
	static const char *const keys[] = {"statcode", "code"};
	const struct tl_json *v = NULL;
	for (size_t i = 0; i < 2 && !v; i++) {
		v = tl_json_get(props, keys[i]);
		if (v && !is(v, TL_JSON_STRING))
			v = NULL;
	}
	if (!v)
		v = tl_json_get(f, "id");
	if (!is(v, TL_JSON_STRING)) {
		GERR(c, f, "feature without a region code: it needs a property \"statcode\" or \"code\", or an \"id\" (a string such as \"GM0106\")");
		return NULL;
	}
	size_t n = v->len;
	const char *s = tl_trim(v->str, &n);
	if (n == 0 || memchr(s, '\0', n)) {
		GERR(c, v, "empty region code");
		return NULL;
	}
	return tl_arena_strndup(c->a, s, n);
}

/* One geometry (with its code taken from feature f) to a shape. */
static void shape(struct gctx *c, const struct tl_json *f, const struct tl_json *g, int topo)
{
	const char *code = region_code(c, f);
	if (!is(g, TL_JSON_OBJECT)) {
		GERR(c, g ? g : f, "feature without a geometry object");
		return;
	}
	const struct tl_json *type = tl_json_get(g, "type");
	const struct tl_json *coords = tl_json_get(g, topo ? "arcs" : "coordinates");
	int multi;
	if (str_is(type, "Polygon")) {
		multi = 0;
	} else if (str_is(type, "MultiPolygon")) {
		multi = 1;
	} else {
		GERR(c, type ? type : g, "geometry type must be Polygon or MultiPolygon, not %s%s%s",
		     is(type, TL_JSON_STRING) ? "\"" : "", is(type, TL_JSON_STRING) ? type->str : "missing",
		     is(type, TL_JSON_STRING) ? "\"" : "");
		return;
	}
	if (!coords) {
		GERR(c, g, "geometry without \"%s\"", topo ? "arcs" : "coordinates");
		return;
	}
	tl_buf_reset(&c->xy);
	tl_buf_reset(&c->rings);
	int rc = 0;
	if (!multi) {
		rc = polygon(c, coords, topo);
	} else if (!is(coords, TL_JSON_ARRAY) || coords->len == 0) {
		GERR(c, coords, "a MultiPolygon needs a non-empty array of polygons");
		rc = -1;
	} else {
		for (size_t i = 0; i < coords->len; i++)
			rc |= polygon(c, coords->items[i], topo);
	}
	if (rc || !code)
		return;
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->out[i].region, code)) {
			GERR(c, f, "region %s has a second outline (the first is at line %u, column %u)", code,
			     c->where[i]->line, c->where[i]->col);
			return;
		}
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct tl_shape *o = TL_NEW_ARRAY(c->a, struct tl_shape, cap);
		const struct tl_json **w = TL_NEW_ARRAY(c->a, const struct tl_json *, cap);
		if (c->n) {
			memcpy(o, c->out, c->n * sizeof *o);
			memcpy(w, c->where, c->n * sizeof *w);
		}
		c->out = o;
		c->where = w;
		c->cap = cap;
	}
	struct tl_shape *s = &c->out[c->n];
	c->where[c->n] = f;
	c->n++;
	s->region = code;
	s->crs = c->crs;
	s->n_points = npoints(c);
	double *xy = TL_NEW_ARRAY(c->a, double, 2 * s->n_points + 1);
	memcpy(xy, c->xy.data, c->xy.len);
	s->xy = xy;
	s->n_rings = c->rings.len / sizeof(unsigned);
	unsigned *rl = TL_NEW_ARRAY(c->a, unsigned, s->n_rings + 1);
	memcpy(rl, c->rings.data, c->rings.len);
	s->ring_len = rl;
}

static void read_crs(struct gctx *c, const struct tl_json *root)
{
	const struct tl_json *crs = tl_json_get(root, "crs");
	if (!crs || is(crs, TL_JSON_NULL))
		return;
	const struct tl_json *name = tl_json_get(tl_json_get(crs, "properties"), "name");
	if (!is(name, TL_JSON_STRING)) {
		GERR(c, crs, "\"crs\" must name its system in properties.name (e.g. \"urn:ogc:def:crs:EPSG::28992\")");
		return;
	}
	if (strstr(name->str, "28992"))
		c->crs = TL_CRS_RD;
	else if (strstr(name->str, "4326") || strstr(name->str, "CRS84"))
		c->crs = TL_CRS_WGS84;
	else
		GERR(c, name, "coordinate system \"%s\" is not supported (WGS84 or EPSG:28992, RD New)", name->str);
}

static void read_geojson(struct gctx *c, const struct tl_json *root)
{
	read_crs(c, root);
	const struct tl_json *fs = tl_json_get(root, "features");
	if (!is(fs, TL_JSON_ARRAY)) {
		GERR(c, fs ? fs : root, "a FeatureCollection needs an array \"features\"");
		return;
	}
	for (size_t i = 0; i < fs->len; i++) {
		const struct tl_json *f = fs->items[i];
		if (!is(f, TL_JSON_OBJECT) || !str_is(tl_json_get(f, "type"), "Feature")) {
			GERR(c, f, "each element of \"features\" must be an object with \"type\": \"Feature\"");
			continue;
		}
		shape(c, f, tl_json_get(f, "geometry"), 0);
	}
}

static double num_at(const struct tl_json *arr, size_t i, int *bad)
{
	if (!is(arr, TL_JSON_ARRAY) || arr->len != 2 || !is(arr->items[i], TL_JSON_NUMBER) ||
	    !isfinite(arr->items[i]->num)) {
		*bad = 1;
		return 0;
	}
	return arr->items[i]->num;
}

static void read_topojson(struct gctx *c, const struct tl_json *root)
{
	c->arcs = tl_json_get(root, "arcs");
	if (!is(c->arcs, TL_JSON_ARRAY)) {
		GERR(c, c->arcs ? c->arcs : root, "a Topology needs an array \"arcs\"");
		return;
	}
	const struct tl_json *tr = tl_json_get(root, "transform");
	if (tr) {
		int bad = 0;
		const struct tl_json *sc = tl_json_get(tr, "scale"), *tt = tl_json_get(tr, "translate");
		c->sx = num_at(sc, 0, &bad);
		c->sy = num_at(sc, 1, &bad);
		c->tx = num_at(tt, 0, &bad);
		c->ty = num_at(tt, 1, &bad);
		if (bad) {
			GERR(c, tr, "\"transform\" needs \"scale\" and \"translate\", each two numbers");
			return;
		}
		c->quantized = 1;
	}
	const struct tl_json *objs = tl_json_get(root, "objects");
	if (!is(objs, TL_JSON_OBJECT) || objs->len == 0) {
		GERR(c, objs ? objs : root, "a Topology needs an object \"objects\" with at least one member");
		return;
	}
	for (size_t k = 0; k < objs->len; k++) {
		const struct tl_json *o = objs->items[k];
		if (str_is(tl_json_get(o, "type"), "GeometryCollection")) {
			const struct tl_json *gs = tl_json_get(o, "geometries");
			if (!is(gs, TL_JSON_ARRAY)) {
				GERR(c, gs ? gs : o, "a GeometryCollection needs an array \"geometries\"");
				continue;
			}
			for (size_t i = 0; i < gs->len; i++)
				shape(c, gs->items[i], gs->items[i], 1);
		} else {
			shape(c, o, o, 1);
		}
	}
}

static int by_region(const void *x, const void *y)
{
	return strcmp(((const struct tl_shape *)x)->region, ((const struct tl_shape *)y)->region);
}

int tl_geo_parse(const char *name, const char *text, size_t len, tl_arena *a, struct tl_shape **shapes,
		 size_t *n, tl_errors *errs)
{
	*shapes = NULL;
	*n = 0;
	if (len > TL_GEO_MAX_FILE) {
		tl_errors_add(errs, name, 0, 0, NULL, "boundary file too large (the limit is %u bytes)", TL_GEO_MAX_FILE);
		return TL_ERR_LIMIT;
	}
	struct tl_json *root;
	if (tl_json_parse(name, text, len, a, &root, errs))
		return TL_ERR_INPUT;
	struct gctx c = {0};
	c.name = name;
	c.a = a;
	c.errs = errs;
	const struct tl_json *type = tl_json_get(root, "type");
	if (str_is(type, "FeatureCollection"))
		read_geojson(&c, root);
	else if (str_is(type, "Topology"))
		read_topojson(&c, root);
	else
		GERR(&c, type ? type : root,
		     "not a boundary file: expected a GeoJSON \"FeatureCollection\" or a TopoJSON \"Topology\"");
	tl_buf_free(&c.xy);
	tl_buf_free(&c.rings);
	if (!c.failed && c.n == 0)
		GERR(&c, root, "the file holds no outlines");
	if (c.failed)
		return TL_ERR_INPUT;
	qsort(c.out, c.n, sizeof *c.out, by_region);
	*shapes = c.out;
	*n = c.n;
	return TL_OK;
}
