#include "folder.h"

#include <string.h>

#include "../core/file.h"
#include "../text/chapter.h"
#include "agenda.h"
#include "report.h"
#include "statfile.h"

static int put_framework(tl_store *st, const struct tl_model *m, tl_errors *errs)
{
	if (tl_store_put_agenda(st, &m->agenda, errs))
		return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_themes; i++)
		if (tl_store_put_theme(st, &m->themes[i], errs))
			return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_goals; i++)
		if (tl_store_put_goal(st, &m->goals[i], errs))
			return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_regions; i++)
		if (tl_store_put_region(st, &m->regions[i], errs))
			return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_indicators; i++)
		if (tl_store_put_indicator(st, &m->indicators[i], errs))
			return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_groups; i++)
		if (tl_store_put_group(st, &m->groups[i], errs))
			return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_mergers; i++)
		if (tl_store_put_merger(st, &m->mergers[i], errs))
			return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_chapters; i++)
		if (tl_store_put_chapter(st, &m->chapters[i], errs))
			return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_instruments; i++)
		if (tl_store_put_instrument(st, &m->instruments[i], errs))
			return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_targets; i++)
		if (tl_store_put_target(st, &m->targets[i], errs))
			return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_stories; i++)
		if (tl_store_put_story(st, &m->stories[i], errs))
			return TL_ERR_STORE;
	for (size_t i = 0; i < m->n_next_steps; i++)
		if (tl_store_put_next_step(st, &m->next_steps[i], errs))
			return TL_ERR_STORE;
	return TL_OK;
}

/* Chapters must refer only to what the agenda declares; check them at load
 * time so a broken binding never reaches a store. */
static int check_chapters(const struct tl_model *m, tl_arena *a, tl_errors *errs)
{
	int rc = TL_OK;
	for (size_t i = 0; i < m->n_chapters; i++) {
		struct tl_block *blocks;
		size_t n;
		if (tl_chapter_parse(&m->chapters[i], m, a, &blocks, &n, errs))
			rc = TL_ERR_INPUT;
	}
	return rc;
}

int tl_folder_load(tl_store *st, const char *dir, int replace_data, struct tl_folder_stats *stats,
		   tl_errors *errs)
{
	tl_arena *a = tl_arena_new();
	size_t dl = strlen(dir);
	while (dl > 1 && dir[dl - 1] == '/')
		dl--;
	dir = tl_arena_strndup(a, dir, dl);
	struct tl_model *m;
	struct tl_folder_stats s = {0};
	int rc = tl_agenda_load(dir, a, &m, errs);
	if (!rc)
		rc = tl_report_load(dir, m, errs);
	if (!rc)
		rc = check_chapters(m, a, errs);
	if (rc) {
		tl_arena_free(a);
		return rc;
	}
	if ((rc = tl_store_begin(st, errs))) {
		tl_arena_free(a);
		return rc;
	}
	rc = tl_store_clear(st, replace_data, errs);
	if (!rc)
		rc = put_framework(st, m, errs);
	if (!rc) {
		char *datadir = tl_arena_printf(a, "%s/data", dir);
		struct tl_path_stats ps = {0};
		if (tl_is_dir(datadir)) {
			struct tl_import_opts io = {0};
			rc = tl_import_path(st, m, datadir, &io, &ps, errs);
		}
		s.files = (size_t)ps.files;
		s.rows = ps.rows + ps.cells.cells;
		s.observations = ps.observations;
	}
	if (!rc)
		rc = tl_store_commit(st, errs);
	else
		tl_store_rollback(st);
	if (!rc) {
		s.themes = m->n_themes;
		s.goals = m->n_goals;
		s.indicators = m->n_indicators;
		s.regions = m->n_regions;
		s.groups = m->n_groups;
		s.chapters = m->n_chapters;
		s.instruments = m->n_instruments;
		for (size_t i = 0; i < m->n_instruments; i++)
			s.grants += m->instruments[i].n_grants;
		s.targets = m->n_targets;
		s.stories = m->n_stories;
		s.next_steps = m->n_next_steps;
		if (stats)
			*stats = s;
	}
	tl_arena_free(a);
	return rc;
}
