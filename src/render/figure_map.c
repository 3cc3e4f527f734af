/*
 * figure_map — a map of one indicator as the report places it with
 * {{kaart SLUG}}: heading, map with its legend, caption, data table with
 * links to the municipalities' pages, downloads.
 */
#include <stdio.h>
#include <string.h>

#include "../analysis/series.h"
#include "figure.h"
#include "html.h"
#include "map.h"


const struct tl_region **tl_report_municipalities(const struct tl_model *m, size_t *n)
{
	*n = 0;
	const struct tl_region **r = NULL;
	if (m->agenda.focus_region)
		r = tl_model_children(m, m->agenda.focus_region, "gemeente", n);
	if (*n)
		return r;
	/* No municipalities under the focus region (a national agenda whose
	 * municipalities name no province, or no focus): all of them. */
	size_t k = 0;
	for (size_t i = 0; i < m->n_regions; i++)
		k += m->regions[i].level && !strcmp(m->regions[i].level, "gemeente");
	r = TL_NEW_ARRAY(m->arena, const struct tl_region *, k + 1);
	for (size_t i = 0; i < m->n_regions; i++)
		if (m->regions[i].level && !strcmp(m->regions[i].level, "gemeente"))
			r[(*n)++] = &m->regions[i];
	return r;
}

void tl_region_page_file(const struct tl_region *r, char *out, size_t n)
{
	snprintf(out, n, "gemeente/%s.html", r->code);
}

/* Names of the items in class cls, "A, B en C", into out. */
static void class_members(tl_buf *out, const struct tl_map_item *items, size_t n, int cls, int present,
			  enum tl_lang lang)
{
	size_t total = 0, k = 0;
	for (size_t i = 0; i < n; i++)
		total += items[i].present == present && (!present || items[i].cls == cls);
	for (size_t i = 0; i < n; i++) {
		if (items[i].present != present || (present && items[i].cls != cls))
			continue;
		k++;
		if (k > 1)
			tl_buf_puts(out, k == total ? tl_word(lang, " en ", " and ") : ", ");
		tl_buf_puts(out, items[i].label);
	}
}

void tl_render_map(tl_buf *b, const struct tl_page *p, const struct tl_indicator *d, int heading_level)
{
	const struct tl_model *m = p->m;
	enum tl_lang lang = p->lang;
	tl_arena *a = m->arena;
	char id[112];
	snprintf(id, sizeof id, "kaart-%s", d->slug);
	tl_figure_open(b, "tl-map", id, heading_level, tl_word(lang, "Kaart: ", "Map: "), d->title);

	size_t n;
	const struct tl_region **gm = tl_report_municipalities(m, &n);
	struct tl_period per;
	size_t cov;
	if (n == 0 || tl_best_period(m, d->slug, (const struct tl_region *const *)gm, n, &per, &cov)) {
		tl_html_lit(b, "<p class=\"tl-nodata\">");
		tl_html_text(b, tl_word(lang, "Voor deze kaart zijn (nog) geen cijfers per gemeente beschikbaar.",
					"There are no municipal figures for this map (yet)."));
		tl_html_lit(b, "</p>\n</section>\n");
		return;
	}
	struct tl_map_item *items = TL_NEW_ARRAY(a, struct tl_map_item, n + 1);
	double *vals = TL_NEW_ARRAY(a, double, n + 1);
	size_t nv = 0;
	for (size_t i = 0; i < n; i++) {
		const struct tl_observation *o = tl_model_obs(m, d->slug, gm[i]->code, &per);
		char file[64];
		tl_region_page_file(gm[i], file, sizeof file);
		items[i].label = gm[i]->name;
		items[i].href = tl_arena_printf(a, "%s%s", p->root ? p->root : "", file);
		items[i].shape = tl_model_shape(m, gm[i]->code);
		items[i].present = o && tl_status_has_value(o->status);
		items[i].value = items[i].present ? o->value : 0;
		if (items[i].present)
			vals[nv++] = o->value;
	}
	double bounds[TL_MAP_MAX_CLASSES];
	int nc = tl_map_classify(vals, nv, tl_map_class_count(nv), bounds);
	for (size_t i = 0; i < n; i++)
		if (items[i].present)
			items[i].cls = tl_map_class_of(items[i].value, bounds, nc);

	const struct tl_region *focus = m->agenda.focus_region ? tl_model_region(m, m->agenda.focus_region) : NULL;
	const char *what = tl_arena_printf(a, "%s %s, %d", tl_word(lang, "Gemeenten in", "Municipalities in"),
					   focus ? focus->name : tl_word(lang, "Nederland", "the Netherlands"), per.year);
	/* The text alternative: what the map shows and who is at either end. */
	tl_buf desc = TL_BUF_INIT;
	tl_buf_printf(&desc, tl_word(lang, "Kaart van %zu gemeenten in %d klassen. ",
				     "Map of %zu municipalities in %d classes. "), n, nc);
	if (nc >= 2) {
		int hi_cls = nc - 1, lo_cls = 0;
		int judged = d->polarity != TL_POLARITY_NEUTRAL;
		int fav = d->polarity == TL_POLARITY_LOWER_BETTER ? lo_cls : hi_cls;
		int unf = fav == hi_cls ? lo_cls : hi_cls;
		tl_buf_puts(&desc, judged ? tl_word(lang, "Gunstigst: ", "Most favourable: ")
					  : tl_word(lang, "Hoogst: ", "Highest: "));
		class_members(&desc, items, n, judged ? fav : hi_cls, 1, lang);
		tl_buf_puts(&desc, judged ? tl_word(lang, ". Ongunstigst: ", ". Least favourable: ")
					  : tl_word(lang, ". Laagst: ", ". Lowest: "));
		class_members(&desc, items, n, judged ? unf : lo_cls, 1, lang);
		tl_buf_puts(&desc, ". ");
	}
	if (nv < n) {
		tl_buf_puts(&desc, tl_word(lang, "Geen gegevens: ", "No data: "));
		class_members(&desc, items, n, 0, 0, lang);
		tl_buf_puts(&desc, ". ");
	}
	tl_buf_puts(&desc, tl_word(lang, "De tabel bij de kaart geeft alle cijfers.",
				   "The table with the map gives every figure."));

	struct tl_map_chart mc = {0};
	mc.id = id;
	mc.title = tl_arena_printf(a, "%s: %s", d->title, what);
	mc.desc = desc.data;
	mc.items = items;
	mc.n_items = n;
	mc.n_classes = nc;
	mc.polarity = d->polarity;
	mc.decimals = d->decimals;
	mc.kind = tl_unit_kind(d->unit);
	mc.lang = lang;
	mc.width = 600;

	tl_html_lit(b, "<figure class=\"utrecht-figure tl-figure tl-map__figure\">\n<div class=\"tl-map__layout\">\n");
	tl_map_svg(b, &mc);
	tl_map_legend(b, &mc);
	tl_html_lit(b, "</div>\n<figcaption class=\"utrecht-figure__caption tl-caption\"><span class=\"tl-caption__title\">");
	tl_html_text(b, d->title);
	if (d->subject && !tl_title_names(d->title, d->subject)) {
		tl_html_lit(b, ", ");
		tl_html_text(b, d->subject);
	}
	tl_html_lit(b, "</span> <span class=\"tl-caption__what\">");
	tl_html_text(b, what);
	tl_html_lit(b, "</span><span class=\"tl-caption__source\">");
	tl_html_int(b, per.year);
	tl_html_lit(b, " | ");
	tl_html_text(b, tl_word(lang, "Bron: ", "Source: "));
	tl_html_text(b, d->source);
	if (m->agenda.boundaries_source) {
		tl_html_text(b, tl_word(lang, "; kaart: ", "; map: "));
		tl_html_text(b, m->agenda.boundaries_source);
	}
	tl_html_lit(b, "</span></figcaption>\n</figure>\n");
	tl_buf_free(&desc);

	/* The same figures as a table, with links to every municipality's page. */
	tl_html_lit(b, p->print ? "<details class=\"tl-data\" open><summary>" : "<details class=\"tl-data\"><summary>");
	tl_html_text(b, tl_word(lang, "Tabel bij deze kaart", "Table for this map"));
	tl_html_lit(b, "</summary>\n");
	{ /* named apart from the chart's table of the same figures (a landmark's name is unique) */
		tl_buf label = TL_BUF_INIT;
		tl_buf_puts(&label, d->title);
		tl_buf_puts(&label, ": ");
		tl_buf_puts(&label, what);
		tl_html_scroll_begin(b, tl_word(lang, "Tabel bij de kaart", "Table for the map"), label.data);
		tl_buf_free(&label);
	}
	tl_html_lit(b, "<table class=\"utrecht-table tl-table\">\n<caption class=\"utrecht-table__caption\">");
	tl_html_text(b, d->title);
	tl_html_lit(b, ": ");
	tl_html_text(b, what);
	tl_html_lit(b, "</caption>\n<thead class=\"utrecht-table__header\"><tr><th scope=\"col\" class=\"utrecht-table__header-cell\">");
	tl_html_text(b, tl_word(lang, "Gemeente", "Municipality"));
	tl_html_lit(b, "</th><th scope=\"col\" class=\"utrecht-table__header-cell utrecht-table__header-cell--numeric-column\">");
	tl_html_int(b, per.year);
	tl_html_lit(b, "</th><th scope=\"col\" class=\"utrecht-table__header-cell\">");
	tl_html_text(b, tl_word(lang, "Klasse op de kaart", "Class on the map"));
	tl_html_lit(b, "</th></tr></thead>\n<tbody class=\"utrecht-table__body\">\n");
	for (size_t i = 0; i < n; i++) {
		const struct tl_map_item *it = &items[i];
		tl_html_lit(b, "<tr><th scope=\"row\" class=\"utrecht-table__header-cell\">");
		tl_html_link(b, it->href, it->label);
		tl_html_lit(b, "</th><td class=\"utrecht-table__cell utrecht-table__cell--numeric-column tl-num\">");
		if (it->present) {
			tl_html_value(b, it->value, d->decimals, mc.kind, lang);
		} else {
			tl_html_lit(b, "<span class=\"tl-missing\">");
			tl_html_text(b, tl_word(lang, "geen gegevens", "no data"));
			tl_html_lit(b, "</span>");
		}
		tl_html_lit(b, "</td><td class=\"utrecht-table__cell\">");
		if (it->present) {
			int j = tl_map_class_judgement(it->cls, nc, d->polarity);
			tl_buf cls = TL_BUF_INIT;
			/* Classes counted from the favourable (or lowest) end, as in the legend. */
			int rank = d->polarity == TL_POLARITY_HIGHER_BETTER ? nc - it->cls : it->cls + 1;
			tl_buf_printf(&cls, tl_word(lang, "%d van %d", "%d of %d"), rank, nc);
			if (j)
				tl_buf_printf(&cls, " (%s)", j > 0 ? tl_word(lang, "gunstigst", "most favourable")
								   : tl_word(lang, "ongunstigst", "least favourable"));
			tl_html_text(b, cls.data);
			tl_buf_free(&cls);
		}
		tl_html_lit(b, "</td></tr>\n");
	}
	tl_html_lit(b, "</tbody></table></div></details>\n");
	tl_render_downloads(b, p, d);
	tl_html_lit(b, "</section>\n");
}
