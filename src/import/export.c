#include "export.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/file.h"
#include "../core/fmt.h"

/* ---- scalars ------------------------------------------------------------ */

void tl_export_number(double v, char *out, size_t n)
{
	if (!isfinite(v)) {
		snprintf(out, n, "0");
		return;
	}
	for (int d = 0; d <= 17; d++) {
		snprintf(out, n, "%.*f", d, v);
		double back;
		if (!tl_parse_decimal(out, strlen(out), '.', &back) && back == v)
			break;
	}
	/* "-0" reads back as 0 and writes as 0 */
	if (!strcmp(out, "-0"))
		snprintf(out, n, "0");
}

static void num(tl_buf *b, double v)
{
	char t[64];
	tl_export_number(v, t, sizeof t);
	tl_buf_puts(b, t);
}

/* A YAML double-quoted scalar: every string, so that nothing is read back
 * as a number, a boolean or null. */
static void q(tl_buf *b, const char *s)
{
	tl_buf_putc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': tl_buf_puts(b, "\\\""); break;
		case '\\': tl_buf_puts(b, "\\\\"); break;
		case '\n': tl_buf_puts(b, "\\n"); break;
		case '\t': tl_buf_puts(b, "\\t"); break;
		case '\r': tl_buf_puts(b, "\\r"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				tl_buf_printf(b, "\\x%02x", *p);
			else
				tl_buf_putc(b, (char)*p);
		}
	}
	tl_buf_putc(b, '"');
}

/* "key: "value"\n" at an indent, only when the value is there. */
static void kv(tl_buf *b, int indent, const char *key, const char *v)
{
	if (!v)
		return;
	tl_buf_printf(b, "%*s%s: ", indent, "", key);
	q(b, v);
	tl_buf_putc(b, '\n');
}

static void ki(tl_buf *b, int indent, const char *key, long v)
{
	tl_buf_printf(b, "%*s%s: %ld\n", indent, "", key, v);
}

static void kn(tl_buf *b, int indent, const char *key, double v)
{
	tl_buf_printf(b, "%*s%s: ", indent, "", key);
	num(b, v);
	tl_buf_putc(b, '\n');
}

static void kgoals(tl_buf *b, int indent, const int *goals, size_t n)
{
	if (!n)
		return;
	tl_buf_printf(b, "%*sgoals: [", indent, "");
	for (size_t i = 0; i < n; i++)
		tl_buf_printf(b, "%s%d", i ? ", " : "", goals[i]);
	tl_buf_puts(b, "]\n");
}

static void klist(tl_buf *b, int indent, const char *key, const char *const *v, size_t n)
{
	if (!n)
		return;
	tl_buf_printf(b, "%*s%s: [", indent, "", key);
	for (size_t i = 0; i < n; i++) {
		if (i)
			tl_buf_puts(b, ", ");
		q(b, v[i]);
	}
	tl_buf_puts(b, "]\n");
}

static void kdate(tl_buf *b, int indent, const char *key, const struct tl_ymd *d)
{
	char t[11];
	tl_ymd_text(d, t);
	if (t[0])
		kv(b, indent, key, t);
}

/* ---- agenda.yml --------------------------------------------------------- */

static void agenda_yml(tl_buf *b, const struct tl_model *m)
{
	const struct tl_agenda *g = &m->agenda;
	tl_buf_puts(b, "# Written by telling export: the agenda framework as it is in the store.\n");
	tl_buf_puts(b, "agenda:\n");
	kv(b, 2, "slug", g->slug);
	kv(b, 2, "title", g->title);
	kv(b, 2, "subtitle", g->subtitle);
	kv(b, 2, "organisation", g->organisation);
	if (g->period_start || g->period_end)
		tl_buf_printf(b, "  period: [%d, %d]\n", g->period_start, g->period_end);
	ki(b, 2, "report_year", g->report_year);
	kv(b, 2, "report_title", g->report_title);
	kv(b, 2, "focus_region", g->focus_region);
	kv(b, 2, "national_region", g->national_region);
	kv(b, 2, "lang", g->lang);
	if (m->n_shapes) {
		kv(b, 2, "boundaries", g->boundaries ? g->boundaries : "geo/boundaries.geojson");
		kv(b, 2, "boundaries_source", g->boundaries_source);
	}

	if (g->check_off) { /* "form date" -> check: {off: [form, date]} */
		tl_buf_puts(b, "\ncheck:\n  off: [");
		for (const char *p = g->check_off; *p; p++) {
			if (*p == ' ')
				tl_buf_puts(b, ", ");
			else
				tl_buf_putc(b, *p);
		}
		tl_buf_puts(b, "]\n");
	}

	tl_buf_puts(b, "\nthemes:\n");
	for (size_t i = 0; i < m->n_themes; i++) {
		const struct tl_theme *t = &m->themes[i];
		tl_buf_puts(b, "  - slug: ");
		q(b, t->slug);
		tl_buf_putc(b, '\n');
		kv(b, 4, "title", t->title);
		kv(b, 4, "subtitle", t->subtitle);
		int any = 0;
		for (size_t k = 0; k < m->n_goals; k++) {
			const struct tl_goal *gl = &m->goals[k];
			if (strcmp(gl->theme, t->slug) != 0)
				continue;
			if (!any++)
				tl_buf_puts(b, "    goals:\n");
			tl_buf_printf(b, "      - number: %d\n", gl->number);
			kv(b, 8, "title", gl->title);
			kv(b, 8, "text", gl->text);
		}
	}

	if (m->n_indicators)
		tl_buf_puts(b, "\nindicators:\n");
	for (size_t i = 0; i < m->n_indicators; i++) {
		const struct tl_indicator *d = &m->indicators[i];
		tl_buf_puts(b, "  - slug: ");
		q(b, d->slug);
		tl_buf_putc(b, '\n');
		kv(b, 4, "theme", d->theme);
		kv(b, 4, "title", d->title);
		kv(b, 4, "subject", d->subject);
		kv(b, 4, "unit", d->unit ? d->unit : "");
		ki(b, 4, "decimals", d->decimals);
		kv(b, 4, "polarity", tl_polarity_name(d->polarity));
		kv(b, 4, "source", d->source);
		kv(b, 4, "source_detail", d->source_detail);
		kv(b, 4, "notes", d->notes);
		kgoals(b, 4, d->goals, d->n_goals);
		if (d->n_breaks)
			tl_buf_puts(b, "    breaks:\n");
		for (size_t k = 0; k < d->n_breaks; k++) {
			tl_buf_printf(b, "      - year: %d\n", d->breaks[k].year);
			kv(b, 8, "explanation", d->breaks[k].explanation);
		}
		if (d->n_imports)
			tl_buf_puts(b, "    import:\n");
		for (size_t k = 0; k < d->n_imports; k++) {
			const struct tl_import_spec *sp = &d->imports[k];
			tl_buf_puts(b, "      - topic: ");
			q(b, sp->topic);
			tl_buf_putc(b, '\n');
			kv(b, 8, "table", sp->table);
			if (sp->scale != 1)
				kn(b, 8, "scale", sp->scale);
			kv(b, 8, "source", sp->source);
			if (sp->n_dims) {
				tl_buf_puts(b, "        dimensions: {");
				for (size_t j = 0; j < sp->n_dims; j++) {
					if (j)
						tl_buf_puts(b, ", ");
					q(b, sp->dim_keys[j]);
					tl_buf_puts(b, ": ");
					q(b, sp->dim_codes[j]);
				}
				tl_buf_puts(b, "}\n");
			}
		}
	}

	tl_buf_puts(b, "\nregions:\n");
	for (size_t i = 0; i < m->n_regions; i++) {
		const struct tl_region *r = &m->regions[i];
		tl_buf_puts(b, "  - {code: ");
		q(b, r->code);
		tl_buf_puts(b, ", name: ");
		q(b, r->name);
		tl_buf_puts(b, ", level: ");
		q(b, r->level);
		if (r->parent) {
			tl_buf_puts(b, ", parent: ");
			q(b, r->parent);
		}
		if (r->classification_year)
			tl_buf_printf(b, ", classification_year: %d", r->classification_year);
		tl_buf_puts(b, "}\n");
	}

	if (m->n_groups)
		tl_buf_puts(b, "\nregion_groups:\n");
	for (size_t i = 0; i < m->n_groups; i++) {
		const struct tl_region_group *g2 = &m->groups[i];
		tl_buf_puts(b, "  - slug: ");
		q(b, g2->slug);
		tl_buf_putc(b, '\n');
		kv(b, 4, "name", g2->name);
		kv(b, 4, "description", g2->description);
		tl_buf_puts(b, "    members: [");
		for (size_t k = 0; k < g2->n_members; k++) {
			if (k)
				tl_buf_puts(b, ", ");
			q(b, g2->members[k]);
		}
		tl_buf_puts(b, "]\n");
	}

	if (m->n_mergers)
		tl_buf_puts(b, "\nmergers:\n");
	for (size_t i = 0; i < m->n_mergers; i++) {
		const struct tl_merger *g3 = &m->mergers[i];
		tl_buf_puts(b, "  - old: [");
		for (size_t k = 0; k < g3->n_old; k++) {
			if (k)
				tl_buf_puts(b, ", ");
			q(b, g3->old_codes[k]);
		}
		tl_buf_puts(b, "]\n    new: ");
		q(b, g3->new_code);
		tl_buf_printf(b, "\n    year: %d\n    action: %s\n", g3->year,
			      g3->action == TL_MERGER_MAP ? "map" : "break");
	}

	if (m->n_chapters)
		tl_buf_puts(b, "\nchapters:\n");
	for (size_t i = 0; i < m->n_chapters; i++) {
		const struct tl_chapter *c = &m->chapters[i];
		char *file = tl_arena_printf(m->arena, "%s.md", c->slug);
		tl_buf_puts(b, "  - file: ");
		q(b, file);
		tl_buf_putc(b, '\n');
		kv(b, 4, "theme", c->theme);
		kv(b, 4, "title", c->title);
	}
}

/* ---- data/observations.csv ---------------------------------------------- */

static void csv_field(tl_buf *b, const char *s)
{
	if (!s)
		return;
	tl_buf_putc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			tl_buf_putc(b, '"');
		tl_buf_putc(b, *s);
	}
	tl_buf_putc(b, '"');
}

static void observations_csv(tl_buf *b, const struct tl_model *m)
{
	tl_buf_puts(b, "indicator,region,period,value,status,source,note\n");
	for (size_t i = 0; i < m->n_obs; i++) {
		const struct tl_observation *o = &m->obs[i];
		char per[9];
		tl_period_code(&o->period, per);
		csv_field(b, o->indicator);
		tl_buf_putc(b, ',');
		csv_field(b, o->region);
		tl_buf_printf(b, ",%s,", per);
		if (tl_status_has_value(o->status))
			num(b, o->value);
		tl_buf_printf(b, ",%s,", tl_status_name(o->status));
		csv_field(b, o->source);
		tl_buf_putc(b, ',');
		csv_field(b, o->note);
		tl_buf_putc(b, '\n');
	}
}

/* ---- report.yml and stories --------------------------------------------- */

static void report_yml(tl_buf *b, const struct tl_model *m)
{
	tl_buf_puts(b, "# Written by telling export: the report's content as it is in the store.\n");
	if (m->n_instruments)
		tl_buf_puts(b, "instruments:\n");
	for (size_t i = 0; i < m->n_instruments; i++) {
		const struct tl_instrument *in = &m->instruments[i];
		tl_buf_puts(b, "  - slug: ");
		q(b, in->slug);
		tl_buf_putc(b, '\n');
		kv(b, 4, "name", in->name);
		kv(b, 4, "kind", in->kind);
		kv(b, 4, "theme", in->theme);
		kgoals(b, 4, in->goals, in->n_goals);
		klist(b, 4, "partners", in->partners, in->n_partners);
		klist(b, 4, "municipalities", in->municipalities, in->n_municipalities);
		if (in->has_budget)
			kn(b, 4, "budget", in->budget);
		kv(b, 4, "budget_note", in->budget_note);
		if (in->start_year)
			tl_buf_printf(b, "    period: [%d, %d]\n", in->start_year, in->end_year);
		if (!in->in_agenda)
			tl_buf_puts(b, "    in_agenda: false\n");
		kv(b, 4, "description", in->description);
		kv(b, 4, "source", in->source);
		if (in->n_stated)
			tl_buf_puts(b, "    stated:\n");
		for (size_t k = 0; k < in->n_stated; k++) {
			const struct tl_stated_total *t = &in->stated[k];
			tl_buf_printf(b, "      - year: %d\n", t->year);
			kv(b, 8, "theme", t->theme);
			if (t->count >= 0)
				ki(b, 8, "count", t->count);
			if (t->has_amount)
				kn(b, 8, "amount", t->amount);
			kv(b, 8, "text", t->text);
		}
		if (in->n_grants)
			tl_buf_puts(b, "    grants:\n");
		for (size_t k = 0; k < in->n_grants; k++) {
			const struct tl_grant *g = &in->grants[k];
			tl_buf_printf(b, "      - year: %d\n", g->year);
			kv(b, 8, "recipient", g->recipient);
			kv(b, 8, "project", g->project);
			kv(b, 8, "municipality", g->municipality);
			if (g->has_amount)
				kn(b, 8, "amount", g->amount);
			kgoals(b, 8, g->goals, g->n_goals);
			kv(b, 8, "note", g->note);
		}
	}
	if (m->n_targets)
		tl_buf_puts(b, "\ntargets:\n");
	for (size_t i = 0; i < m->n_targets; i++) {
		const struct tl_target *t = &m->targets[i];
		tl_buf_puts(b, "  - slug: ");
		q(b, t->slug);
		tl_buf_putc(b, '\n');
		kv(b, 4, "title", t->title);
		kv(b, 4, "theme", t->theme);
		kgoals(b, 4, t->goals, t->n_goals);
		kv(b, 4, "instrument", t->instrument);
		kv(b, 4, "unit", t->unit);
		ki(b, 4, "decimals", t->decimals);
		kv(b, 4, "polarity", tl_polarity_name(t->polarity));
		if (t->has_baseline || t->baseline_date.year) {
			tl_buf_puts(b, "    baseline:\n");
			if (t->has_baseline)
				kn(b, 6, "value", t->baseline);
			kdate(b, 6, "date", &t->baseline_date);
		}
		if (t->has_target || t->deadline.year) {
			tl_buf_puts(b, "    target:\n");
			if (t->has_target)
				kn(b, 6, "value", t->target);
			kdate(b, 6, "date", &t->deadline);
		}
		kv(b, 4, "text", t->text);
		kv(b, 4, "source", t->source);
		if (t->n_progress)
			tl_buf_puts(b, "    progress:\n");
		for (size_t k = 0; k < t->n_progress; k++) {
			const struct tl_target_entry *e = &t->progress[k];
			char d[11];
			tl_ymd_text(&e->date, d);
			tl_buf_puts(b, "      - date: ");
			q(b, d);
			tl_buf_putc(b, '\n');
			kn(b, 8, "value", e->value);
			kv(b, 8, "source", e->source);
			kv(b, 8, "note", e->note);
		}
	}
	if (m->n_next_steps)
		tl_buf_puts(b, "\nnext_steps:\n");
	for (size_t i = 0; i < m->n_next_steps; i++) {
		const struct tl_next_step *n = &m->next_steps[i];
		tl_buf_puts(b, "  - theme: ");
		q(b, n->theme);
		tl_buf_putc(b, '\n');
		kv(b, 4, "slug", n->slug);
		ki(b, 4, "year", n->year);
		kv(b, 4, "status", tl_step_status_name(n->status));
		kv(b, 4, "text", n->text);
		kv(b, 4, "outcome", n->outcome);
	}
	if (m->n_stories)
		tl_buf_puts(b, "\nstories:\n");
	for (size_t i = 0; i < m->n_stories; i++) {
		char *file = tl_arena_printf(m->arena, "%s.md", m->stories[i].slug);
		tl_buf_puts(b, "  - ");
		q(b, file);
		tl_buf_putc(b, '\n');
	}
}

static void story_md(tl_buf *b, const struct tl_story *s)
{
	tl_buf_puts(b, "---\n");
	kv(b, 0, "title", s->title);
	kv(b, 0, "kicker", s->kicker);
	kv(b, 0, "lead", s->lead);
	if (s->n_people)
		tl_buf_puts(b, "people:\n");
	for (size_t i = 0; i < s->n_people; i++) {
		const struct tl_person *p = &s->people[i];
		tl_buf_puts(b, "  - name: ");
		q(b, p->name);
		tl_buf_putc(b, '\n');
		kv(b, 4, "role", p->role);
		tl_buf_printf(b, "    consent: %s\n", p->consent ? "true" : "false");
		kv(b, 4, "alias", p->alias);
	}
	kv(b, 0, "place", s->place);
	kv(b, 0, "municipality", s->municipality);
	kgoals(b, 0, s->goals, s->n_goals);
	klist(b, 0, "instruments", s->instruments, s->n_instruments);
	kdate(b, 0, "date", &s->date);
	tl_buf_printf(b, "published: %s\n", s->published ? "true" : "false");
	tl_buf_puts(b, "---\n");
	tl_buf_puts(b, s->markdown ? s->markdown : "");
}

/* The store's region outlines as GeoJSON: one MultiPolygon per region, each
 * ring a polygon of its own (maps draw a region's rings with the even-odd
 * rule, so holes stay holes); coordinates exact (%.17g). */
static void boundaries_geojson(tl_buf *b, const struct tl_model *m)
{
	tl_buf_puts(b, "{\"type\":\"FeatureCollection\",");
	if (m->n_shapes && m->shapes[0].crs == TL_CRS_RD)
		tl_buf_puts(b, "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}},");
	tl_buf_puts(b, "\"features\":[");
	for (size_t i = 0; i < m->n_shapes; i++) {
		const struct tl_shape *sh = &m->shapes[i];
		tl_buf_printf(b, "%s\n{\"type\":\"Feature\",\"properties\":{\"statcode\":\"%s\"},"
				 "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[",
			      i ? "," : "", sh->region);
		const double *xy = sh->xy;
		for (size_t r = 0; r < sh->n_rings; r++) {
			tl_buf_puts(b, r ? ",[[" : "[[");
			for (unsigned k = 0; k <= sh->ring_len[r]; k++) {
				unsigned at = k % sh->ring_len[r];
				tl_buf_printf(b, "%s[%.17g,%.17g]", k ? "," : "", xy[2 * at], xy[2 * at + 1]);
			}
			tl_buf_puts(b, "]]");
			xy += 2 * (size_t)sh->ring_len[r];
		}
		tl_buf_puts(b, "]}}");
	}
	tl_buf_puts(b, "\n]}\n");
}

/* ---- the folder --------------------------------------------------------- */

static int put(const char *dir, const char *name, tl_buf *b, struct tl_export_stats *st, tl_errors *errs)
{
	tl_buf path = TL_BUF_INIT;
	tl_buf_printf(&path, "%s/%s", dir, name);
	int rc = tl_file_write(path.data, b->data ? b->data : "", b->len, errs);
	tl_buf_free(&path);
	st->files++;
	tl_buf_reset(b);
	return rc;
}

int tl_export_folder(const struct tl_model *m, const char *dir, struct tl_export_stats *stats,
		     tl_errors *errs)
{
	struct tl_export_stats st = {0, 0};
	tl_arena *a = m->arena;
	if (tl_mkdirs(dir, errs) || tl_mkdirs(tl_arena_printf(a, "%s/chapters", dir), errs) ||
	    tl_mkdirs(tl_arena_printf(a, "%s/data", dir), errs))
		return TL_ERR_IO;
	tl_buf b = TL_BUF_INIT;
	int rc = TL_OK;
	agenda_yml(&b, m);
	rc |= put(dir, "agenda.yml", &b, &st, errs);
	for (size_t i = 0; i < m->n_chapters; i++) {
		tl_buf_puts(&b, m->chapters[i].markdown ? m->chapters[i].markdown : "");
		rc |= put(dir, tl_arena_printf(a, "chapters/%s.md", m->chapters[i].slug), &b, &st, errs);
	}
	if (m->n_shapes) {
		/* Under the agenda's own name (the reader knows GeoJSON from TopoJSON
		 * by content), so the exported folder loads to the same store. */
		const char *name = m->agenda.boundaries ? m->agenda.boundaries : "geo/boundaries.geojson";
		const char *slash = strrchr(name, '/');
		if (slash && tl_mkdirs(tl_arena_printf(a, "%s/%.*s", dir, (int)(slash - name), name), errs))
			rc = TL_ERR_IO;
		boundaries_geojson(&b, m);
		rc |= put(dir, name, &b, &st, errs);
	}
	observations_csv(&b, m);
	st.observations = m->n_obs;
	rc |= put(dir, "data/observations.csv", &b, &st, errs);
	if (m->n_instruments || m->n_targets || m->n_stories || m->n_next_steps) {
		report_yml(&b, m);
		rc |= put(dir, "report.yml", &b, &st, errs);
	}
	if (m->n_stories && tl_mkdirs(tl_arena_printf(a, "%s/stories", dir), errs))
		rc = TL_ERR_IO;
	for (size_t i = 0; !rc && i < m->n_stories; i++) {
		story_md(&b, &m->stories[i]);
		rc |= put(dir, tl_arena_printf(a, "stories/%s.md", m->stories[i].slug), &b, &st, errs);
	}
	tl_buf_free(&b);
	if (rc)
		return TL_ERR_IO;
	if (stats)
		*stats = st;
	return TL_OK;
}
