/*
 * geo — reads municipal (or any region's) boundaries for maps from a
 * GeoJSON or TopoJSON file.
 *
 * GeoJSON (RFC 7946): a FeatureCollection of Polygon or MultiPolygon
 * features.  Coordinates are WGS84 longitude/latitude unless the file has the
 * old-style member "crs" naming EPSG:28992 (RD New, metres), as Dutch
 * government exports often do; another crs is refused.
 * TopoJSON: a Topology whose objects are GeometryCollections of Polygon and
 * MultiPolygon geometries referring to shared arcs (index ~i = arc i
 * reversed), with or without a quantizing "transform" (delta-encoded arcs);
 * coordinates WGS84.
 *
 * A feature's region is its property "statcode" (CBS: GM0106), else "code",
 * else its "id"; blanks around it are trimmed.  Rings keep their points
 * without the repeated closing point.  Every problem is reported with the
 * file, line and column of the value concerned, and reading goes on with
 * the next feature, so one run names them all: a missing or non-polygon
 * geometry, a ring of fewer than three distinct points, a coordinate that is
 * not a number or lies outside WGS84's range, an arc index out of range, a
 * region with two outlines, a feature without a region code.
 *
 * Memory: the JSON tree and the shapes live in the caller's arena.
 */
#ifndef TL_GEO_H
#define TL_GEO_H

#include <stddef.h>

#include "../core/arena.h"
#include "../core/err.h"
#include "../model/model.h"

/* Largest boundary file read (bytes) and most points kept. */
#define TL_GEO_MAX_FILE (64u * 1024 * 1024)
#define TL_GEO_MAX_POINTS 8000000u

/* Parse a boundary file's text (name for messages).  On success *shapes
 * holds one shape per feature, sorted by region code, *n their count.
 * Returns TL_ERR_INPUT (errors in errs) when anything is wrong. */
int tl_geo_parse(const char *name, const char *text, size_t len, tl_arena *a, struct tl_shape **shapes,
		 size_t *n, tl_errors *errs);

#endif
