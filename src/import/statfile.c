#include "statfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/file.h"
#include "../core/xalloc.h"
#include "cbs_meta.h"
#include "cbs_v3.h"
#include "cbs_v4.h"
#include "obs_import.h"
#include "rmbw.h"
#include "statline_csv.h"

const char *tl_format_name(enum tl_format f)
{
	switch (f) {
	case TL_FORMAT_LONG_CSV: return "telling long CSV";
	case TL_FORMAT_CBS_V3_CSV: return "CBS OData v3 CSV";
	case TL_FORMAT_CBS_V3_JSON: return "CBS OData v3 JSON";
	case TL_FORMAT_CBS_V4_BULK: return "CBS OData v4 bulk download";
	case TL_FORMAT_STATLINE_CSV: return "StatLine CSV download";
	case TL_FORMAT_RMBW_LONG: return "RMBW long CSV";
	case TL_FORMAT_RMBW_WIDE: return "RMBW wide CSV";
	case TL_FORMAT_CBS_META_JSON: return "CBS OData v3 metadata (JSON)";
	case TL_FORMAT_CBS_META_CSV: return "CBS metadata CSV";
	case TL_FORMAT_UNKNOWN: break;
	}
	return "unknown";
}

/* Our own long format: a header row with indicator, region and period. */
static int sniff_long_csv(const char *h, size_t n)
{
	char line[512];
	size_t k = 0;
	if (n >= 3 && (unsigned char)h[0] == 0xEF && (unsigned char)h[1] == 0xBB && (unsigned char)h[2] == 0xBF) {
		h += 3;
		n -= 3;
	}
	while (k < n && k + 1 < sizeof line && h[k] != '\n' && h[k] != '\r') {
		char c = h[k];
		line[k++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	line[k] = '\0';
	/* A header that starts with an indicator column is ours even when other
	 * columns are wrong: the long-CSV importer then names what is wrong. */
	return (!strncmp(line, "indicator,", 10) || !strncmp(line, "indicator;", 10) ||
		!strncmp(line, "\"indicator\"", 11)) && !strstr(line, "statcode");
}


static enum tl_format sniff(const char *path, const char *head, size_t n);

enum tl_format tl_format_detect(const char *path, tl_errors *errs)
{
	if (tl_is_dir(path))
		return tl_sniff_cbs_v4_bulk(path) ? TL_FORMAT_CBS_V4_BULK : TL_FORMAT_UNKNOWN;
	FILE *f = fopen(path, "rb");
	if (!f) {
		tl_errors_add(errs, path, 0, 0, NULL, "cannot open");
		return TL_FORMAT_UNKNOWN;
	}
	char *head = xmalloc(65536);
	size_t n = fread(head, 1, 65536, f);
	fclose(f);
	/* An empty file goes to the long-CSV importer, which says it is empty. */
	enum tl_format fmt = n == 0 ? TL_FORMAT_LONG_CSV : sniff(path, head, n);
	free(head);
	return fmt;
}

/* The readers telling has, in the order their sniffers are asked.  A reader
 * of a structured format (a folder, named metadata) comes before the CSV
 * families, and our own long format before the others. */
struct reader {
	enum tl_format format;
	int (*sniff_head)(const char *head, size_t n); /* NULL: decided by path */
	int (*read)(const char *path, const struct tl_raw_sink *sink, tl_errors *errs);
};

static const struct reader readers[] = {
	{TL_FORMAT_LONG_CSV, sniff_long_csv, NULL},
	{TL_FORMAT_RMBW_LONG, tl_sniff_rmbw_long, tl_read_rmbw_long},
	{TL_FORMAT_RMBW_WIDE, tl_sniff_rmbw_wide, tl_read_rmbw_wide},
	{TL_FORMAT_CBS_META_CSV, tl_sniff_cbs_meta_csv, tl_read_cbs_meta_csv},
	{TL_FORMAT_CBS_META_JSON, tl_sniff_cbs_meta_json, tl_read_cbs_meta_json},
	{TL_FORMAT_CBS_V3_JSON, tl_sniff_cbs_v3_json, tl_read_cbs_v3_json},
	{TL_FORMAT_CBS_V3_CSV, tl_sniff_cbs_v3_csv, tl_read_cbs_v3_csv},
	{TL_FORMAT_STATLINE_CSV, tl_sniff_statline_csv, tl_read_statline_csv},
};

static enum tl_format sniff(const char *path, const char *head, size_t n)
{
	if (tl_sniff_cbs_v4_bulk(path))
		return TL_FORMAT_CBS_V4_BULK;
	for (size_t i = 0; i < sizeof readers / sizeof *readers; i++)
		if (readers[i].sniff_head && readers[i].sniff_head(head, n))
			return readers[i].format;
	return TL_FORMAT_UNKNOWN;
}

static int read_with(enum tl_format f, const char *path, const struct tl_raw_sink *sink, tl_errors *errs)
{
	if (f == TL_FORMAT_CBS_V4_BULK)
		return tl_read_cbs_v4_bulk(path, sink, errs);
	for (size_t i = 0; i < sizeof readers / sizeof *readers; i++)
		if (readers[i].format == f && readers[i].read)
			return readers[i].read(path, sink, errs);
	return TL_ERR_INPUT;
}

static void add_stats(struct tl_mapper_stats *to, const struct tl_mapper_stats *s)
{
	to->rows += s->rows;
	to->cells += s->cells;
	to->observations += s->observations;
	to->missing += s->missing;
	to->skip_topic += s->skip_topic;
	to->skip_dims += s->skip_dims;
	to->skip_table += s->skip_table;
	to->skip_region += s->skip_region;
	to->skip_period += s->skip_period;
	to->regions_added += s->regions_added;
	to->regions_seen += s->regions_seen;
	to->regions_registered += s->regions_registered;
	to->groups_registered += s->groups_registered;
	to->merged_cells += s->merged_cells;
	to->merged_obs += s->merged_obs;
	to->skip_merged += s->skip_merged;
	to->mergers_applied += s->mergers_applied;
	to->mergers_broken += s->mergers_broken;
	memcpy(to->table, s->table, sizeof to->table);
}

/* Whether path is a file inside a v4 bulk download folder. */
static int part_of_v4_bulk(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash || tl_is_dir(path))
		return 0;
	char *dir = xstrndup(path, (size_t)(slash - path));
	int yes = tl_sniff_cbs_v4_bulk(dir);
	free(dir);
	return yes;
}

/* Files a CBS download carries beside its data that its reader opens itself
 * (OData v3 category groups): in a folder they are not data of their own. */
static int is_companion(const char *name)
{
	return !strcmp(name, "CategoryGroups.json");
}

static int import_file(tl_store *st, const struct tl_model *m, const char *path,
		       const struct tl_import_opts *o, tl_mapper_run *run, struct tl_path_stats *ps,
		       tl_errors *errs)
{
	enum tl_format f = tl_format_detect(path, errs);
	const char *base = strrchr(path, '/');
	int dirlen = base ? (int)(base - path) : 1;
	const char *dir = base ? path : ".";
	if (f == TL_FORMAT_UNKNOWN && is_companion(base ? base + 1 : path)) {
		tl_errors_add(errs, path, 0, 0, NULL,
			      "part of the CBS OData v3 download in folder %.*s (its category groups, read with "
			      "DataProperties.json): import the folder", dirlen, dir);
		return TL_ERR_INPUT;
	}
	if (f == TL_FORMAT_UNKNOWN && part_of_v4_bulk(path)) {
		tl_errors_add(errs, path, 0, 0, NULL,
			      "part of the CBS OData v4 bulk download in folder %.*s, which is read as a whole: "
			      "import the folder", dirlen, dir);
		return TL_ERR_INPUT;
	}
	if (f == TL_FORMAT_UNKNOWN) {
		tl_errors_add(errs, path, 0, 0, NULL,
			      "not a format telling reads (telling long CSV, CBS OData v3 CSV/JSON, OData v4 bulk, "
			      "StatLine CSV, RIVM, RMBW): refused rather than guessed at");
		return TL_ERR_INPUT;
	}
	int64_t id;
	if (tl_store_import_begin(st, path, &id, errs))
		return TL_ERR_STORE;
	int rc;
	if (f == TL_FORMAT_LONG_CSV) {
		struct tl_import_stats is = {0};
		rc = tl_obs_import_file(st, path, id, &is, errs);
		ps->rows += is.rows;
		ps->observations += is.observations;
		if (!rc)
			rc = tl_store_import_end(st, id, is.rows, is.observations, errs);
	} else {
		struct tl_mapper_opts mo = {o ? o->add_regions : 0, o ? o->progress : 0, run};
		tl_mapper *mp = tl_mapper_new(st, m, path, id, &mo, errs);
		rc = read_with(f, path, tl_mapper_sink(mp), errs);
		struct tl_mapper_stats ms;
		int frc = tl_mapper_finish(mp, &ms);
		tl_mapper_free(mp);
		if (!rc)
			rc = frc;
		if (!rc && tl_errors_failed(errs))
			rc = TL_ERR_INPUT;
		add_stats(&ps->cells, &ms);
		ps->observations += ms.observations;
		if (!rc)
			rc = tl_store_import_end(st, id, ms.cells, ms.observations, errs);
	}
	ps->files++;
	return rc;
}

static int import_dir(tl_store *st, const struct tl_model *m, const char *path,
		      const struct tl_import_opts *o, tl_mapper_run *run, struct tl_path_stats *ps,
		      tl_errors *errs)
{
	int rc = TL_OK;
	tl_arena *a = tl_arena_new();
	size_t n;
	char **names = tl_dir_list(path, "", a, &n);
	for (size_t i = 0; i < n; i++) {
		char *p = tl_arena_printf(a, "%s/%s", path, names[i]);
		size_t l = strlen(names[i]);
		int r;
		if (tl_is_dir(p)) {
			/* A plain subfolder is walked; a v4 download is one import. */
			r = tl_sniff_cbs_v4_bulk(p) ? import_file(st, m, p, o, run, ps, errs)
						    : import_dir(st, m, p, o, run, ps, errs);
		} else if ((l > 4 && !strcmp(names[i] + l - 4, ".csv")) || (l > 5 && !strcmp(names[i] + l - 5, ".json"))) {
			if (is_companion(names[i]))
				continue;
			/* TableInfos.json is read with the DataProperties.json beside it. */
			if (!strcmp(names[i], "TableInfos.json") &&
			    tl_is_file(tl_arena_printf(a, "%s/DataProperties.json", path)))
				continue;
			r = import_file(st, m, p, o, run, ps, errs);
		} else {
			continue;
		}
		/* Report every file's errors, then let the caller roll back. */
		if (r)
			rc = TL_ERR_INPUT;
	}
	tl_arena_free(a);
	return rc;
}

int tl_import_path(tl_store *st, const struct tl_model *m, const char *path,
		   const struct tl_import_opts *o, struct tl_path_stats *stats, tl_errors *errs)
{
	struct tl_path_stats ps = {0};
	tl_mapper_run *run = tl_mapper_run_new();
	int rc;
	if (tl_is_dir(path) && !tl_sniff_cbs_v4_bulk(path))
		rc = import_dir(st, m, path, o, run, &ps, errs);
	else
		rc = import_file(st, m, path, o, run, &ps, errs);
	tl_mapper_run_free(run);
	if (stats)
		*stats = ps;
	return rc;
}
