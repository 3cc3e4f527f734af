/*
 * page_web — the served-only pages (see pages_web.h).
 */
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "pages_web.h"
#include "parts.h"

static const char *W(const struct tl_page *p, const char *nl, const char *en)
{
	return tl_word(p->lang, nl, en);
}

static void csrf_field(tl_buf *b, const char *csrf)
{
	tl_html_lit(b, "<input type=\"hidden\" name=\"csrf\"");
	tl_html_attr(b, "value", csrf ? csrf : "");
	tl_html_lit(b, ">\n");
}

/* What was wrong with a form, as an alert block. */
static void error_list(tl_buf *b, const struct tl_page *p, const tl_errors *errs)
{
	tl_part_errors(b, W(p, "Niet opgeslagen:", "Not saved:"), errs, NULL, NULL, 0);
}

/* The same for a form of fields: each error names its field by label,
 * linked to the input. */
static void field_errors(tl_buf *b, const struct tl_page *p, const tl_errors *errs,
			 const struct tl_form_field *fields, size_t n)
{
	if (!errs || !errs->n)
		return;
	const char **names = calloc(n + 1, sizeof *names), **labels = calloc(n + 1, sizeof *labels);
	if (!names || !labels)
		abort();
	for (size_t i = 0; i < n; i++) {
		names[i] = fields[i].name;
		labels[i] = fields[i].label;
	}
	tl_part_errors(b, W(p, "Niet opgeslagen:", "Not saved:"), errs, names, labels, n);
	free(names);
	free(labels);
}

static void notice(tl_buf *b, const char *text)
{
	if (!text)
		return;
	tl_html_lit(b, "<div class=\"tl-alert tl-alert--ok\" role=\"status\"><p>");
	tl_html_text(b, text);
	tl_html_lit(b, "</p></div>\n");
}

static void hidden_version(tl_buf *b, int64_t version);

void tl_page_message(tl_buf *b, const struct tl_page *p, const char *heading, const char *text)
{
	tl_layout_begin(b, p);
	tl_part_h1(b, heading);
	tl_html_lit(b, "<p>");
	tl_html_text(b, text);
	tl_html_lit(b, "</p>\n<p><a href=\"/\">");
	tl_html_text(b, W(p, "Naar het verslag", "To the report"));
	tl_html_lit(b, "</a></p>\n");
	tl_layout_end(b, p);
}

void tl_page_login(tl_buf *b, const struct tl_page *p, const char *csrf, const char *name,
		   const char *error)
{
	tl_layout_begin(b, p);
	tl_part_h1(b, W(p, "Inloggen", "Log in"));
	if (error) {
		tl_html_lit(b, "<div class=\"tl-alert tl-alert--error\" role=\"alert\"><p>");
		tl_html_text(b, error);
		tl_html_lit(b, "</p></div>\n");
	}
	tl_html_lit(b, "<form class=\"tl-form\" method=\"post\" action=\"/inloggen\">\n");
	csrf_field(b, csrf);
	tl_html_lit(b, "<p><label for=\"name\">");
	tl_html_text(b, W(p, "Gebruikersnaam", "User name"));
	tl_html_lit(b, "</label><br><input id=\"name\" name=\"name\" autocomplete=\"username\" required");
	tl_html_attr(b, "value", name ? name : "");
	tl_html_lit(b, "></p>\n<p><label for=\"password\">");
	tl_html_text(b, W(p, "Wachtwoord", "Password"));
	tl_html_lit(b, "</label><br><input id=\"password\" name=\"password\" type=\"password\" "
		       "autocomplete=\"current-password\" required></p>\n<p><button class=\"utrecht-button\" type=\"submit\">");
	tl_html_text(b, W(p, "Inloggen", "Log in"));
	tl_html_lit(b, "</button></p>\n</form>\n");
	tl_layout_end(b, p);
}

static const char *role_name(const struct tl_page *p, const char *role)
{
	if (!strcmp(role, "admin"))
		return W(p, "beheerder", "administrator");
	if (!strcmp(role, "editor"))
		return W(p, "redacteur", "editor");
	if (!strcmp(role, "partner"))
		return W(p, "partner", "partner");
	return W(p, "meelezer", "viewer");
}

/* One entry of the editor's menu; editor_only: not shown to partners. */
struct menu_entry {
	const char *href, *nl, *en;
	int editor_only;
};

static const struct menu_entry content_menu[] = {
	{"/beheer/verhalen", "Verhalen", "Stories", 0},
	{"/beheer/voortgang", "Voortgang van streefdoelen", "Progress on targets", 0},
	{"/beheer/toekenningen", "Toekenningen", "Grants", 0},
	{"/beheer/instrumenten", "Instrumenten", "Instruments", 0},
	{"/beheer/streefdoelen", "Streefdoelen", "Targets", 1},
};

static const struct menu_entry steps_menu[] = {
	{"/beheer/stappen", "Hoe gaan we verder? (volgende stappen per thema)", "How do we go on? (next steps per theme)",
	 1},
};

static const struct menu_entry figures_menu[] = {
	{"/beheer/import", "Statistiekbestand importeren", "Import a statistics file", 1},
};

static const struct menu_entry admin_menu[] = {
	{"/beheer/audit", "Wijzigingslog", "Audit trail", 1},
	{"/beheer/gebruikers", "Gebruikers", "Accounts", 1},
};

/* The entries of menu[0..n) this account sees, as a list of links. */
static void menu_list(tl_buf *b, const struct tl_page *p, const struct menu_entry *menu, size_t n, int editor)
{
	tl_html_lit(b, "<ul>\n");
	for (size_t i = 0; i < n; i++)
		if (editor || !menu[i].editor_only) {
			tl_html_lit(b, "<li>");
			tl_html_link(b, menu[i].href, W(p, menu[i].nl, menu[i].en));
			tl_html_lit(b, "</li>\n");
		}
	tl_html_lit(b, "</ul>\n");
}

void tl_page_admin(tl_buf *b, const struct tl_page *p, const struct tl_user *u, const char *csrf,
		   const char *note)
{
	const struct tl_model *m = p->m;
	int admin = !strcmp(u->role, "admin");
	int editor = admin || !strcmp(u->role, "editor");
	tl_layout_begin(b, p);
	tl_part_h1(b, W(p, "Beheer", "Editor"));
	notice(b, note);
	tl_html_lit(b, "<p>");
	tl_html_text(b, W(p, "Ingelogd als ", "Logged in as "));
	tl_html_lit(b, "<strong>");
	tl_html_text(b, u->name);
	tl_html_lit(b, "</strong> (");
	tl_html_text(b, role_name(p, u->role));
	if (u->organisation) {
		tl_html_lit(b, ", ");
		tl_html_text(b, u->organisation);
	}
	tl_html_lit(b, ").</p>\n<form method=\"post\" action=\"/uitloggen\">\n");
	csrf_field(b, csrf);
	tl_html_lit(b, "<p><button class=\"utrecht-button\" type=\"submit\">");
	tl_html_text(b, W(p, "Uitloggen", "Log out"));
	tl_html_lit(b, "</button></p>\n</form>\n");

	tl_html_lit(b, "<h2 class=\"utrecht-heading-2\">");
	tl_html_text(b, W(p, "Concept bekijken", "View the draft"));
	tl_html_lit(b, "</h2>\n<p><a href=\"/concept/index.html\">");
	tl_html_text(b, W(p, "Het verslag met de laatste wijzigingen", "The report with the latest changes"));
	tl_html_lit(b, "</a></p>\n");
	if (editor || !strcmp(u->role, "partner")) {
		tl_html_lit(b, "<h2 class=\"utrecht-heading-2\">");
		tl_html_text(b, W(p, "Verhalen, voortgang en toekenningen", "Stories, progress and grants"));
		tl_html_lit(b, "</h2>\n");
		menu_list(b, p, content_menu, sizeof content_menu / sizeof *content_menu, editor);
	}
	if (editor) {
		tl_html_lit(b, "<h2 class=\"utrecht-heading-2\">");
		tl_html_text(b, W(p, "Hoofdstukken bewerken", "Edit chapters"));
		tl_html_lit(b, "</h2>\n<ul>\n");
		for (size_t i = 0; i < m->n_chapters; i++) {
			const struct tl_chapter *c = &m->chapters[i];
			tl_buf url = TL_BUF_INIT;
			tl_buf_printf(&url, "/beheer/hoofdstuk/%s", c->slug);
			tl_html_lit(b, "<li>");
			tl_html_link(b, url.data, tl_chapter_title(m, c));
			tl_html_lit(b, "</li>\n");
			tl_buf_free(&url);
		}
		tl_html_lit(b, "</ul>\n<h2 class=\"utrecht-heading-2\">");
		tl_html_text(b, W(p, "Volgende stappen", "Next steps"));
		tl_html_lit(b, "</h2>\n");
		menu_list(b, p, steps_menu, sizeof steps_menu / sizeof *steps_menu, editor);
		tl_html_lit(b, "<h2 class=\"utrecht-heading-2\">");
		tl_html_text(b, W(p, "Cijfers en publicatie", "Figures and publication"));
		tl_html_lit(b, "</h2>\n");
		menu_list(b, p, figures_menu, sizeof figures_menu / sizeof *figures_menu, editor);
		tl_html_lit(b, "<form method=\"post\" action=\"/beheer/publiceren\">\n");
		csrf_field(b, csrf);
		tl_html_lit(b, "<p><label for=\"note\">");
		tl_html_text(b, W(p, "Toelichting bij de publicatie", "Note on the publication"));
		tl_html_lit(b, "</label><br><input id=\"note\" name=\"note\" maxlength=\"200\"></p>\n"
			       "<p><button class=\"utrecht-button\" type=\"submit\">");
		tl_html_text(b, W(p, "Concept publiceren", "Publish the draft"));
		tl_html_lit(b, "</button></p>\n</form>\n");
	}
	if (admin) {
		tl_html_lit(b, "<h2 class=\"utrecht-heading-2\">");
		tl_html_text(b, W(p, "Beheerder", "Administrator"));
		tl_html_lit(b, "</h2>\n");
		menu_list(b, p, admin_menu, sizeof admin_menu / sizeof *admin_menu, editor);
	}
	tl_layout_end(b, p);
}

void tl_page_chapter_edit(tl_buf *b, const struct tl_page *p, const char *csrf,
			  const struct tl_chapter *c, const char *markdown, int64_t version,
			  const tl_errors *errs, const tl_buf *preview)
{
	tl_layout_begin(b, p);
	tl_part_page_top(b, "/beheer", W(p, "Beheer", "Editor"), tl_chapter_title(p->m, c));
	error_list(b, p, errs);
	tl_buf url = TL_BUF_INIT;
	tl_buf_printf(&url, "/beheer/hoofdstuk/%s", c->slug);
	tl_html_lit(b, "<form class=\"tl-form\" method=\"post\"");
	tl_html_attr(b, "action", url.data);
	tl_buf_free(&url);
	tl_html_lit(b, ">\n");
	csrf_field(b, csrf);
	hidden_version(b, version);
	tl_html_lit(b, "<p><label for=\"markdown\">");
	tl_html_text(b, W(p, "Tekst (Markdown met {{…}}-koppelingen)", "Text (Markdown with {{…}} bindings)"));
	tl_html_lit(b, "</label><br><textarea id=\"markdown\" name=\"markdown\" rows=\"24\" cols=\"80\">");
	tl_html_text(b, markdown ? markdown : "");
	tl_html_lit(b, "</textarea></p>\n<p><button class=\"utrecht-button\" type=\"submit\" name=\"action\" value=\"preview\">");
	tl_html_text(b, W(p, "Voorbeeld", "Preview"));
	tl_html_lit(b, "</button> <button class=\"utrecht-button\" type=\"submit\" name=\"action\" value=\"save\">");
	tl_html_text(b, W(p, "Opslaan", "Save"));
	tl_html_lit(b, "</button></p>\n</form>\n");
	if (preview) {
		tl_html_lit(b, "<section class=\"tl-preview\" aria-labelledby=\"preview-h\">\n<h2 id=\"preview-h\" class=\"utrecht-heading-2\">");
		tl_html_text(b, W(p, "Voorbeeld (niet opgeslagen)", "Preview (not saved)"));
		tl_html_lit(b, "</h2>\n");
		/* Rendered by tl_chapter_body through html.h: already markup. */
		tl_buf_put(b, preview->data ? preview->data : "", preview->len);
		tl_html_lit(b, "</section>\n");
	}
	tl_layout_end(b, p);
}

void tl_page_import(tl_buf *b, const struct tl_page *p, const char *csrf, const tl_errors *errs,
		    const char *result)
{
	tl_layout_begin(b, p);
	tl_part_page_top(b, "/beheer", W(p, "Beheer", "Editor"), W(p, "Statistiekbestand importeren", "Import a statistics file"));
	if (errs && tl_errors_failed(errs)) {
		tl_html_lit(b, "<p>");
		tl_html_text(b, W(p, "Er is niets geïmporteerd; de cijfers zijn ongewijzigd.",
				  "Nothing was imported; the figures are unchanged."));
		tl_html_lit(b, "</p>\n");
	}
	error_list(b, p, errs);
	notice(b, result);
	tl_html_lit(b, "<p>");
	tl_html_text(b, W(p, "Een CSV-bestand in het eigen formaat, CBS OData (v3, v4), StatLine-CSV, "
			     "RIVM of RMBW. Alles of niets: bij één fout wordt niets geïmporteerd.",
			  "A CSV file in telling's own format, CBS OData (v3, v4), StatLine CSV, RIVM or "
			  "RMBW. All or nothing: one error and nothing is imported."));
	tl_html_lit(b, "</p>\n<form class=\"tl-form\" method=\"post\" action=\"/beheer/import\" enctype=\"multipart/form-data\">\n");
	csrf_field(b, csrf);
	tl_html_lit(b, "<p><label for=\"file\">");
	tl_html_text(b, W(p, "Bestand", "File"));
	tl_html_lit(b, "</label><br><input id=\"file\" name=\"file\" type=\"file\" required></p>\n"
		       "<p><button class=\"utrecht-button\" type=\"submit\">");
	tl_html_text(b, W(p, "Importeren", "Import"));
	tl_html_lit(b, "</button></p>\n</form>\n");
	tl_layout_end(b, p);
}

static void cell(tl_buf *b, const char *s)
{
	tl_html_lit(b, "<td class=\"utrecht-table__cell\">");
	tl_html_text(b, s ? s : "");
	tl_html_lit(b, "</td>");
}

/* Is value one of the lines of list? */
static int choice_in(const char *list, const char *value)
{
	size_t n = strlen(value);
	for (const char *p = list; *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len == n && !strncmp(p, value, n))
			return 1;
		p = e ? e + 1 : p + len;
	}
	return 0;
}

/* Column k (0 name, 1 role, 2 consent, 3 alias) of a people row (see
 * TL_FIELD_PEOPLE), copied into out (cut at its size). */
static void person_col(const char *row, size_t len, int k, char *out, size_t size)
{
	const char *p = row, *end = row + len;
	for (int i = 0; i < k && p < end; i++) {
		const char *tab = memchr(p, '\t', (size_t)(end - p));
		p = tab ? tab + 1 : end;
	}
	const char *tab = p < end ? memchr(p, '\t', (size_t)(end - p)) : NULL;
	size_t n = (size_t)((tab ? tab : end) - p);
	if (n >= size)
		n = size - 1;
	memcpy(out, p, n);
	out[n] = '\0';
}

/* One input of a person: <p><label>…</label><br><input …></p>, or a check
 * box with its label after it. */
static void person_input(tl_buf *b, const char *field, size_t row, const char *part, const char *label,
			 const char *value, int checkbox, int optional, const struct tl_page *p)
{
	char name[96], id[96];
	snprintf(name, sizeof name, "%s_%zu_%s", field, row, part);
	tl_html_idify(id, sizeof id, name);
	tl_html_lit(b, "<p>");
	if (checkbox) {
		tl_html_lit(b, "<input type=\"checkbox\" value=\"1\"");
		tl_html_attr(b, "id", id);
		tl_html_attr(b, "name", name);
		if (value && *value)
			tl_html_lit(b, " checked");
		tl_html_lit(b, "> <label");
		tl_html_attr(b, "for", id);
		tl_html_lit(b, ">");
		tl_html_text(b, label);
		tl_html_lit(b, "</label></p>\n");
		return;
	}
	tl_html_lit(b, "<label");
	tl_html_attr(b, "for", id);
	tl_html_lit(b, ">");
	tl_html_text(b, label);
	if (optional) {
		tl_html_lit(b, " ");
		tl_html_text(b, W(p, "(niet verplicht)", "(optional)"));
	}
	tl_html_lit(b, "</label><br><input maxlength=\"120\"");
	tl_html_attr(b, "id", id);
	tl_html_attr(b, "name", name);
	tl_html_attr(b, "value", value ? value : "");
	tl_html_lit(b, "></p>\n");
}

/* The people of a story, a group of inputs each, and an empty group that
 * adds one (see TL_FIELD_PEOPLE). */
static void people_fields(tl_buf *b, const struct tl_page *p, const struct tl_form_field *f, const char *id,
			  const char *v)
{
	tl_html_lit(b, "<fieldset class=\"tl-people\"");
	tl_html_attr(b, "id", id);
	tl_html_lit(b, "><legend>");
	tl_html_text(b, f->label);
	tl_html_lit(b, "</legend>\n<p>");
	tl_html_text(b, W(p, "Zonder toestemming verschijnt de naam nergens; het verslag noemt dan de schuilnaam.",
			  "Without consent the name appears nowhere; the report uses the alias instead."));
	tl_html_lit(b, "</p>\n");
	size_t row = 0;
	for (const char *r = v; r && *r; row++) {
		const char *e = strchr(r, '\n');
		size_t len = e ? (size_t)(e - r) : strlen(r);
		char col[4][512];
		for (int k = 0; k < 4; k++)
			person_col(r, len, k, col[k], sizeof col[k]);
		tl_buf legend = TL_BUF_INIT;
		tl_buf_printf(&legend, "%s %zu", W(p, "Persoon", "Person"), row + 1);
		tl_html_lit(b, "<fieldset class=\"tl-person\"><legend>");
		tl_html_text(b, legend.data);
		tl_buf_free(&legend);
		tl_html_lit(b, "</legend>\n");
		person_input(b, f->name, row, "name", W(p, "Naam", "Name"), col[0], 0, 0, p);
		person_input(b, f->name, row, "role", W(p, "Rol of organisatie", "Role or organisation"), col[1], 0, 1, p);
		person_input(b, f->name, row, "consent", W(p, "Toestemming om de naam te noemen", "Consent to be named"),
			     col[2], 1, 0, p);
		person_input(b, f->name, row, "alias", W(p, "Schuilnaam (zonder toestemming)", "Alias (without consent)"),
			     col[3], 0, 1, p);
		person_input(b, f->name, row, "remove", W(p, "Deze persoon weghalen", "Remove this person"), NULL, 1, 0, p);
		tl_html_lit(b, "</fieldset>\n");
		r = e ? e + 1 : r + len;
	}
	tl_html_lit(b, "<fieldset class=\"tl-person\"><legend>");
	tl_html_text(b, W(p, "Iemand toevoegen", "Add someone"));
	tl_html_lit(b, "</legend>\n");
	person_input(b, f->name, row, "name", W(p, "Naam", "Name"), NULL, 0, 0, p);
	person_input(b, f->name, row, "role", W(p, "Rol of organisatie", "Role or organisation"), NULL, 0, 1, p);
	person_input(b, f->name, row, "consent", W(p, "Toestemming om de naam te noemen", "Consent to be named"), NULL, 1,
		     0, p);
	person_input(b, f->name, row, "alias", W(p, "Schuilnaam (zonder toestemming)", "Alias (without consent)"), NULL,
		     0, 1, p);
	tl_html_lit(b, "</fieldset>\n</fieldset>\n");
}

/* A people value as the 409 page shows it: "name | role | toestemming:
 * ja | alias" (role and alias when given), a line each. */
static void people_cell(tl_buf *b, const struct tl_page *p, const char *v)
{
	tl_html_lit(b, "<td class=\"utrecht-table__cell\">");
	for (const char *r = v; r && *r;) {
		const char *e = strchr(r, '\n');
		size_t len = e ? (size_t)(e - r) : strlen(r);
		char col[4][512];
		for (int k = 0; k < 4; k++)
			person_col(r, len, k, col[k], sizeof col[k]);
		tl_buf t = TL_BUF_INIT;
		tl_buf_printf(&t, "%s%s%s | %s %s%s%s", col[0], col[1][0] ? " | " : "", col[1],
			      W(p, "toestemming:", "consent:"), col[2][0] ? W(p, "ja", "yes") : W(p, "nee", "no"),
			      col[3][0] ? " | " : "", col[3]);
		tl_html_text(b, t.data);
		tl_buf_free(&t);
		if (e)
			tl_html_lit(b, "<br>");
		r = e ? e + 1 : r + len;
	}
	tl_html_lit(b, "</td>");
}

/* The fields of an editor form; values[i] (may be NULL) fills field i. */
static void form_fields(tl_buf *b, const struct tl_page *p, const struct tl_form_field *fields,
			size_t n_fields, const char *const *values)
{
	for (size_t i = 0; i < n_fields; i++) {
		const struct tl_form_field *f = &fields[i];
		const char *v = values ? values[i] : NULL;
		char id[64];
		tl_html_idify(id, sizeof id, f->name);
		if (f->kind == TL_FIELD_PEOPLE) {
			people_fields(b, p, f, id, v);
			continue;
		}
		if (f->kind == TL_FIELD_CHOICES) {
			/* one box per option; v holds the ticked values, one per line */
			tl_html_lit(b, "<fieldset class=\"tl-choices\"");
			tl_html_attr(b, "id", id);
			tl_html_lit(b, "><legend>");
			tl_html_text(b, f->label);
			tl_html_lit(b, "</legend>\n");
			for (size_t k = 0; f->options && f->options[k]; k += 2) {
				char oid[128];
				tl_buf ob = TL_BUF_INIT;
				tl_buf_printf(&ob, "%s-%s", f->name, f->options[k]);
				tl_html_idify(oid, sizeof oid, ob.data);
				tl_buf_free(&ob);
				tl_html_lit(b, "<p><input type=\"checkbox\"");
				tl_html_attr(b, "id", oid);
				tl_html_attr(b, "name", f->name);
				tl_html_attr(b, "value", f->options[k]);
				if (v && choice_in(v, f->options[k]))
					tl_html_lit(b, " checked");
				tl_html_lit(b, "> <label");
				tl_html_attr(b, "for", oid);
				tl_html_lit(b, ">");
				tl_html_text(b, f->options[k + 1]);
				tl_html_lit(b, "</label></p>\n");
			}
			tl_html_lit(b, "</fieldset>\n");
			continue;
		}
		tl_html_lit(b, "<p>");
		if (f->kind == TL_FIELD_CHECKBOX) {
			tl_html_lit(b, "<input type=\"checkbox\" value=\"1\"");
			tl_html_attr(b, "id", id);
			tl_html_attr(b, "name", f->name);
			if (v && *v)
				tl_html_lit(b, " checked");
			tl_html_lit(b, "> <label");
			tl_html_attr(b, "for", id);
			tl_html_lit(b, ">");
			tl_html_text(b, f->label);
			tl_html_lit(b, "</label></p>\n");
			continue;
		}
		tl_html_lit(b, "<label");
		tl_html_attr(b, "for", id);
		tl_html_lit(b, ">");
		tl_html_text(b, f->label);
		if (!f->required) {
			tl_html_lit(b, " ");
			tl_html_text(b, W(p, "(niet verplicht)", "(optional)"));
		}
		tl_html_lit(b, "</label><br>");
		if (f->kind == TL_FIELD_TEXTAREA) {
			tl_html_lit(b, "<textarea rows=\"12\" cols=\"80\"");
			tl_html_attr(b, "id", id);
			tl_html_attr(b, "name", f->name);
			if (f->required)
				tl_html_lit(b, " required");
			tl_html_lit(b, ">");
			tl_html_text(b, v ? v : "");
			tl_html_lit(b, "</textarea>");
		} else if (f->kind == TL_FIELD_SELECT) {
			tl_html_lit(b, "<select");
			tl_html_attr(b, "id", id);
			tl_html_attr(b, "name", f->name);
			tl_html_lit(b, ">");
			for (size_t k = 0; f->options && f->options[k]; k += 2) {
				tl_html_lit(b, "<option");
				tl_html_attr(b, "value", f->options[k]);
				if (v && !strcmp(v, f->options[k]))
					tl_html_lit(b, " selected");
				tl_html_lit(b, ">");
				tl_html_text(b, f->options[k + 1]);
				tl_html_lit(b, "</option>");
			}
			tl_html_lit(b, "</select>");
		} else {
			tl_html_lit(b, "<input");
			tl_html_attr(b, "id", id);
			tl_html_attr(b, "name", f->name);
			if (f->kind == TL_FIELD_PASSWORD)
				tl_html_lit(b, " type=\"password\" autocomplete=\"new-password\"");
			if (f->kind == TL_FIELD_NUMBER)
				tl_html_lit(b, " inputmode=\"decimal\"");
			if (f->kind == TL_FIELD_DATE)
				tl_html_lit(b, " placeholder=\"2026-03-31\"");
			if (f->required)
				tl_html_lit(b, " required");
			tl_html_attr(b, "value", v && f->kind != TL_FIELD_PASSWORD ? v : "");
			tl_html_lit(b, ">");
		}
		tl_html_lit(b, "</p>\n");
	}
}

static void hidden_version(tl_buf *b, int64_t version)
{
	tl_html_lit(b, "<input type=\"hidden\" name=\"version\"");
	tl_html_attr_int(b, "value", (long)version);
	tl_html_lit(b, ">\n");
}

void tl_page_content(tl_buf *b, const struct tl_page *p, const char *csrf, const char *heading,
		     const char *intro, const char *action, const char *const *items,
		     const char *const *links, size_t n_items, const struct tl_form_field *fields,
		     size_t n_fields, const char *const *values, const tl_errors *errs, const char *note)
{
	tl_layout_begin(b, p);
	tl_part_page_top(b, "/beheer", W(p, "Beheer", "Editor"), heading);
	field_errors(b, p, errs, fields, n_fields);
	notice(b, note);
	if (intro) {
		tl_html_lit(b, "<p>");
		tl_html_text(b, intro);
		tl_html_lit(b, "</p>\n");
	}
	if (n_items) {
		tl_html_lit(b, "<ul class=\"tl-content-list\">\n");
		for (size_t i = 0; i < n_items; i++) {
			tl_html_lit(b, "<li>");
			tl_html_text(b, items[i]);
			if (links && links[i]) {
				/* the same visible words on every row: the item's name,
				 * hidden, tells the links apart (WCAG 2.4.4, 2.4.9) */
				tl_html_lit(b, " <a");
				tl_html_href(b, links[i]);
				tl_html_lit(b, ">");
				tl_html_text(b, W(p, "wijzigen of verwijderen", "edit or delete"));
				tl_html_lit(b, "<span class=\"tl-visually-hidden\">: ");
				tl_html_text(b, items[i]);
				tl_html_lit(b, "</span></a>");
			}
			tl_html_lit(b, "</li>\n");
		}
		tl_html_lit(b, "</ul>\n");
	}
	if (!n_fields) {
		tl_layout_end(b, p);
		return;
	}
	tl_html_lit(b, "<h2 class=\"utrecht-heading-2\">");
	tl_html_text(b, W(p, "Toevoegen", "Add"));
	tl_html_lit(b, "</h2>\n<form class=\"tl-form\" method=\"post\"");
	tl_html_attr(b, "action", action);
	tl_html_lit(b, ">\n");
	csrf_field(b, csrf);
	form_fields(b, p, fields, n_fields, values);
	tl_html_lit(b, "<p><button class=\"utrecht-button\" type=\"submit\">");
	tl_html_text(b, W(p, "Toevoegen", "Add"));
	tl_html_lit(b, "</button></p>\n</form>\n");
	tl_layout_end(b, p);
}

void tl_page_item_edit(tl_buf *b, const struct tl_page *p, const char *csrf, const char *heading,
		       const char *back, const char *action, const struct tl_form_field *fields,
		       size_t n_fields, const char *const *values, int64_t version, const tl_errors *errs,
		       int can_delete)
{
	tl_layout_begin(b, p);
	tl_part_page_top(b, back, W(p, "Terug naar het overzicht", "Back to the list"), heading);
	field_errors(b, p, errs, fields, n_fields);
	tl_html_lit(b, "<form class=\"tl-form\" method=\"post\"");
	tl_html_attr(b, "action", action);
	tl_html_lit(b, ">\n");
	csrf_field(b, csrf);
	hidden_version(b, version);
	form_fields(b, p, fields, n_fields, values);
	tl_html_lit(b, "<p><button class=\"utrecht-button\" type=\"submit\" name=\"action\" value=\"save\">");
	tl_html_text(b, W(p, "Opslaan", "Save"));
	tl_html_lit(b, "</button></p>\n</form>\n");
	if (!can_delete) {
		tl_layout_end(b, p);
		return;
	}
	tl_html_lit(b, "<h2 class=\"utrecht-heading-2\">");
	tl_html_text(b, W(p, "Verwijderen", "Delete"));
	tl_html_lit(b, "</h2>\n<form class=\"tl-form\" method=\"post\"");
	tl_html_attr(b, "action", action);
	tl_html_lit(b, ">\n");
	csrf_field(b, csrf);
	hidden_version(b, version);
	tl_html_lit(b, "<p>");
	tl_html_text(b, W(p, "Verwijderen kan niet ongedaan worden gemaakt; het wijzigingslog bewaart wat er stond.",
			  "Deleting cannot be undone; the audit trail keeps what it was."));
	tl_html_lit(b, "</p>\n<p><button class=\"utrecht-button\" type=\"submit\" name=\"action\" value=\"delete\">");
	tl_html_text(b, W(p, "Verwijderen", "Delete"));
	tl_html_lit(b, "</button></p>\n</form>\n");
	tl_layout_end(b, p);
}

void tl_page_conflict(tl_buf *b, const struct tl_page *p, const char *csrf, const char *heading,
		      const char *back, const char *action, int deleting,
		      const struct tl_form_field *fields, size_t n_fields, const char *const *mine,
		      const char *const *theirs, int64_t their_version)
{
	tl_layout_begin(b, p);
	tl_part_page_top(b, back, W(p, "Terug naar het overzicht", "Back to the list"), heading);
	tl_html_lit(b, "<div class=\"tl-alert tl-alert--error\" role=\"alert\">\n<p><strong>");
	if (deleting == 2) {
		tl_html_text(b, W(p, "Niet opgeslagen: dit onderdeel is intussen verwijderd.",
				  "Not saved: this item has been deleted in the meantime."));
		tl_html_lit(b, "</strong></p>\n<p>");
		tl_html_text(b, W(p, "Uw versie staat hieronder, zodat er niets verloren gaat. Voeg het opnieuw "
				     "toe als het moet blijven.",
				  "Your version is below, so nothing is lost. Add it again if it should stay."));
		tl_html_lit(b, "</p>\n</div>\n");
	} else {
		tl_html_text(b, W(p, "Niet opgeslagen: iemand anders heeft dit intussen gewijzigd.",
				  "Not saved: someone else changed this in the meantime."));
		tl_html_lit(b, "</strong></p>\n<p>");
		tl_html_text(b, deleting
				     ? W(p, "U wilde een versie verwijderen die niet meer de opgeslagen versie is. "
					    "Er is niets verwijderd. Hieronder staat de opgeslagen versie.",
					 "You tried to delete a version that is no longer the stored one. Nothing was "
					 "deleted. The stored version is below.")
				     : W(p, "Uw wijziging is niet verloren: hieronder staan uw versie en de opgeslagen "
					    "versie naast elkaar. Neem over wat u wilt houden en sla opnieuw op.",
					 "Your change is not lost: your version and the stored version are shown side "
					 "by side below. Take over what you want to keep and save again."));
		tl_html_lit(b, "</p>\n</div>\n");
	}
	const char *heads[] = {W(p, "Veld", "Field"),
			       deleting ? W(p, "Versie die u opende", "Version you opened") : W(p, "Uw versie", "Your version"),
			       W(p, "Opgeslagen versie", "Stored version")};
	tl_html_scroll_begin(b, W(p, "Beide versies", "Both versions"), NULL);
	tl_part_table_begin(b, W(p, "Beide versies", "Both versions"), heads, deleting != 2 ? 3 : 2);
	for (size_t i = 0; i < n_fields; i++) {
		const char *a = mine && mine[i] ? mine[i] : "";
		const char *t = theirs && theirs[i] ? theirs[i] : "";
		if (fields[i].kind == TL_FIELD_PASSWORD) {
			a = *a ? W(p, "(ingevuld)", "(given)") : "";
			t = "";
		}
		tl_html_lit(b, "<tr class=\"utrecht-table__row\"><th scope=\"row\" class=\"utrecht-table__header-cell\">");
		tl_html_text(b, fields[i].label);
		if (deleting != 2 && strcmp(a, t)) {
			tl_html_lit(b, " <strong>");
			tl_html_text(b, W(p, "(verschilt)", "(differs)"));
			tl_html_lit(b, "</strong>");
		}
		tl_html_lit(b, "</th>");
		if (fields[i].kind == TL_FIELD_PEOPLE) {
			people_cell(b, p, a);
			if (deleting != 2)
				people_cell(b, p, t);
		} else {
			cell(b, a);
			if (deleting != 2)
				cell(b, t);
		}
		tl_html_lit(b, "</tr>\n");
	}
	tl_html_lit(b, "</tbody>\n</table></div>\n");
	if (deleting == 2) {
		tl_layout_end(b, p);
		return;
	}
	if (!deleting) {
		tl_html_lit(b, "<h2 class=\"utrecht-heading-2\">");
		tl_html_text(b, W(p, "Uw versie, opnieuw op te slaan", "Your version, to save again"));
		tl_html_lit(b, "</h2>\n<p>");
		tl_html_text(b, W(p, "Opslaan vervangt de opgeslagen versie hierboven door wat in dit formulier staat.",
				  "Saving replaces the stored version above with what this form holds."));
		tl_html_lit(b, "</p>\n<form class=\"tl-form\" method=\"post\"");
		tl_html_attr(b, "action", action);
		tl_html_lit(b, ">\n");
		csrf_field(b, csrf);
		hidden_version(b, their_version);
		form_fields(b, p, fields, n_fields, mine);
		tl_html_lit(b, "<p><button class=\"utrecht-button\" type=\"submit\" name=\"action\" value=\"save\">");
		tl_html_text(b, W(p, "Mijn versie opslaan", "Save my version"));
		tl_html_lit(b, "</button></p>\n</form>\n");
	} else {
		tl_html_lit(b, "<form class=\"tl-form\" method=\"post\"");
		tl_html_attr(b, "action", action);
		tl_html_lit(b, ">\n");
		csrf_field(b, csrf);
		hidden_version(b, their_version);
		tl_html_lit(b, "<p><button class=\"utrecht-button\" type=\"submit\" name=\"action\" value=\"delete\">");
		tl_html_text(b, W(p, "De opgeslagen versie toch verwijderen", "Delete the stored version anyway"));
		tl_html_lit(b, "</button></p>\n</form>\n");
	}
	tl_html_lit(b, "<p>");
	tl_html_link(b, action, W(p, "Of open de opgeslagen versie opnieuw (uw wijziging vervalt)",
				  "Or open the stored version again (your change is dropped)"));
	tl_html_lit(b, "</p>\n");
	tl_layout_end(b, p);
}


void tl_page_audit(tl_buf *b, const struct tl_page *p, const struct tl_audit *e, size_t n,
		   long total, long offset, long limit)
{
	tl_layout_begin(b, p);
	tl_part_page_top(b, "/beheer", W(p, "Beheer", "Editor"), W(p, "Wijzigingslog", "Audit trail"));
	tl_html_lit(b, "<p>");
	tl_html_int(b, total);
	tl_html_text(b, W(p, " wijzigingen. Exporteren: ", " changes. Export: "));
	tl_html_lit(b, "<a href=\"/beheer/audit.csv\">CSV</a>, <a href=\"/beheer/audit.json\">JSON</a>.</p>\n");
	tl_html_scroll_begin(b, W(p, "Wijzigingslog", "Audit trail"), W(p, "wijzigingen, nieuwste eerst", "changes, newest first"));
	const char *heads[] = {W(p, "Wanneer (UTC)", "When (UTC)"), W(p, "Wie", "Who"), W(p, "Actie", "Action"),
			       W(p, "Wat", "What"), W(p, "Voor", "Before"), W(p, "Na", "After")};
	tl_part_table_begin(b, W(p, "Wijzigingen, nieuwste eerst", "Changes, newest first"), heads, 6);
	for (size_t i = 0; i < n; i++) {
		tl_html_lit(b, "<tr>");
		cell(b, e[i].at);
		cell(b, e[i].user);
		cell(b, e[i].action);
		tl_buf what = TL_BUF_INIT;
		tl_buf_printf(&what, "%s %s", e[i].entity, e[i].key);
		cell(b, what.data);
		tl_buf_free(&what);
		for (int k = 0; k < 2; k++) {
			const char *v = k ? e[i].after : e[i].before;
			tl_html_lit(b, "<td class=\"utrecht-table__cell\">");
			if (v) {
				tl_html_lit(b, "<pre class=\"tl-audit-value\">");
				/* Long texts are cut for the table; the export has them whole. */
				size_t len = strlen(v);
				tl_html_textn(b, v, len > 400 ? 400 : len);
				if (len > 400)
					tl_html_lit(b, "…");
				tl_html_lit(b, "</pre>");
			}
			tl_html_lit(b, "</td>");
		}
		tl_html_lit(b, "</tr>\n");
	}
	tl_html_lit(b, "</tbody>\n</table></div>\n<nav");
	tl_html_attr(b, "aria-label", W(p, "Bladeren", "Pages"));
	tl_html_lit(b, "><p>");
	if (offset > 0) {
		tl_buf u = TL_BUF_INIT;
		tl_buf_printf(&u, "/beheer/audit?offset=%ld", offset > limit ? offset - limit : 0);
		tl_html_link(b, u.data, W(p, "Nieuwer", "Newer"));
		tl_buf_free(&u);
		tl_html_lit(b, " ");
	}
	if (offset + limit < total) {
		tl_buf u = TL_BUF_INIT;
		tl_buf_printf(&u, "/beheer/audit?offset=%ld", offset + limit);
		tl_html_link(b, u.data, W(p, "Ouder", "Older"));
		tl_buf_free(&u);
	}
	tl_html_lit(b, "</p></nav>\n");
	tl_layout_end(b, p);
}

void tl_page_users(tl_buf *b, const struct tl_page *p, const char *csrf, const struct tl_user *u,
		   size_t n, const tl_errors *errs)
{
	tl_layout_begin(b, p);
	tl_part_page_top(b, "/beheer", W(p, "Beheer", "Editor"), W(p, "Gebruikers", "Accounts"));
	error_list(b, p, errs);
	const char *heads[] = {W(p, "Naam", "Name"), W(p, "Rol", "Role"), W(p, "Organisatie", "Organisation")};
	tl_html_scroll_begin(b, W(p, "Gebruikers", "Accounts"), NULL);
	tl_part_table_begin(b, W(p, "Accounts", "Accounts"), heads, 3);
	for (size_t i = 0; i < n; i++) {
		tl_html_lit(b, "<tr><td class=\"utrecht-table__cell\">");
		tl_buf url = TL_BUF_INIT;
		tl_buf_printf(&url, "/beheer/gebruikers/%lld", (long long)u[i].id);
		tl_html_link(b, url.data, u[i].name);
		tl_buf_free(&url);
		tl_html_lit(b, "</td>");
		cell(b, role_name(p, u[i].role));
		cell(b, u[i].organisation);
		tl_html_lit(b, "</tr>\n");
	}
	tl_html_lit(b, "</tbody>\n</table></div>\n<h2 class=\"utrecht-heading-2\">");
	tl_html_text(b, W(p, "Account toevoegen", "Add an account"));
	tl_html_lit(b, "</h2>\n<form class=\"tl-form\" method=\"post\" action=\"/beheer/gebruikers\">\n");
	csrf_field(b, csrf);
	tl_html_lit(b, "<p><label for=\"name\">");
	tl_html_text(b, W(p, "Gebruikersnaam", "User name"));
	tl_html_lit(b, "</label><br><input id=\"name\" name=\"name\" required maxlength=\"64\"></p>\n<p><label for=\"password\">");
	tl_html_text(b, W(p, "Wachtwoord (minstens 12 tekens)", "Password (at least 12 characters)"));
	tl_html_lit(b, "</label><br><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"new-password\" required minlength=\"12\"></p>\n<p><label for=\"role\">");
	tl_html_text(b, W(p, "Rol", "Role"));
	tl_html_lit(b, "</label><br><select id=\"role\" name=\"role\">");
	static const char *const roles[] = {"viewer", "partner", "editor", "admin"};
	for (size_t i = 0; i < 4; i++) {
		tl_html_lit(b, "<option");
		tl_html_attr(b, "value", roles[i]);
		tl_html_lit(b, ">");
		tl_html_text(b, role_name(p, roles[i]));
		tl_html_lit(b, "</option>");
	}
	tl_html_lit(b, "</select></p>\n<p><label for=\"organisation\">");
	tl_html_text(b, W(p, "Organisatie (alleen voor een partner)", "Organisation (partners only)"));
	tl_html_lit(b, "</label><br><input id=\"organisation\" name=\"organisation\" maxlength=\"120\"></p>\n"
		       "<p><button class=\"utrecht-button\" type=\"submit\">");
	tl_html_text(b, W(p, "Toevoegen", "Add"));
	tl_html_lit(b, "</button></p>\n</form>\n");
	tl_layout_end(b, p);
}
