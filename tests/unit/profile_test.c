/*
 * Region pages: the annual report's grants and stories for a municipality
 * (tl_render_region_annual) and the page around them.  The model is built
 * in code; names and amounts are made up for the test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "core/buf.h"
#include "model/report.h"
#include "render/pages.h"

#include "test_count.h"

struct fx {
	tl_arena *a;
	struct tl_model *m;
	struct tl_region regions[4];
	struct tl_instrument in;
	struct tl_grant grants[2];
	struct tl_story stories[2];
	struct tl_person people[2];
	struct tl_region_group group;
	const char *members[2];
};

static struct fx *fixture(void)
{
	static struct fx f;
	memset(&f, 0, sizeof f);
	f.a = tl_arena_new();
	f.m = tl_model_new(f.a);
	f.regions[0] = (struct tl_region){"GM0106", "Assen", "gemeente", "PV22", 2025};
	f.regions[1] = (struct tl_region){"GM0114", "Emmen", "gemeente", "PV22", 2025};
	f.regions[2] = (struct tl_region){"NL01", "Nederland", "land", NULL, 2025};
	f.regions[3] = (struct tl_region){"PV22", "Drenthe", "provincie", "NL01", 2025};
	f.m->regions = f.regions;
	f.m->n_regions = 4;
	f.m->agenda = (struct tl_agenda){.slug = "t", .title = "T", .focus_region = "PV22", .national_region = "NL01",
					 .lang = "nl"};
	f.grants[0] = (struct tl_grant){.instrument = "regeling", .project = "Buurtfeest <samen>", .recipient = "Stichting X",
					.municipality = "GM0106", .year = 2025, .amount = 36200, .has_amount = 1};
	f.grants[1] = (struct tl_grant){.instrument = "regeling", .recipient = "Vereniging Y", .municipality = "GM0114",
					.year = 2025};
	f.in = (struct tl_instrument){.slug = "regeling", .name = "Regeling Z", .grants = f.grants, .n_grants = 2};
	f.m->instruments = &f.in;
	f.m->n_instruments = 1;
	f.people[0] = (struct tl_person){"Jan Jansen", "deelnemer", 0, NULL};
	f.people[1] = (struct tl_person){"Els Bos", "coördinator", 1, NULL};
	f.stories[0] = (struct tl_story){.slug = "s1", .title = "Jan Jansen vertelt", .lead = "Els Bos en Jan Jansen over de buurt.",
					 .people = f.people, .n_people = 2, .place = "Assen", .municipality = "GM0106",
					 .published = 1};
	f.stories[1] = (struct tl_story){.slug = "s2", .title = "Nog niet af", .municipality = "GM0106", .published = 0};
	f.m->stories = f.stories;
	f.m->n_stories = 2;
	f.members[0] = "GM0106";
	f.members[1] = "GM0114";
	f.group = (struct tl_region_group){"zuid", "Zuid", NULL, f.members, 2};
	f.m->groups = &f.group;
	f.m->n_groups = 1;
	return &f;
}

/* The fixture's model with these indicators and observations, indexed, and
 * its profile context; *gm: the fixture's two municipalities. */
static struct tl_profile_ctx *with_figures(struct fx *f, struct tl_indicator *ind, size_t n_ind,
					   struct tl_observation *obs, size_t n_obs,
					   const struct tl_region *const **gm)
{
	f->m->indicators = ind;
	f->m->n_indicators = n_ind;
	f->m->obs = obs;
	f->m->n_obs = n_obs;
	tl_model_index(f->m);
	struct tl_profile_ctx *c = tl_profile_ctx_new(f->m, NULL);
	size_t n;
	*gm = tl_profile_municipalities(c, &n);
	assert_int_equal(n, 2);
	return c;
}

static void test_grants_and_stories_of_a_municipality(void **state)
{
	(void)state;
	struct fx *f = fixture();
	struct tl_page p = {f->m, TL_LANG_NL, "Assen", "gemeente/GM0106.html", "../", 0, 0};
	tl_buf b = TL_BUF_INIT;
	const char *code = "GM0106";
	tl_render_region_annual(&b, &p, &code, 1, "Assen");
	assert_non_null(strstr(b.data, "<h2 id=\"subsidies-en-verhalen\">Subsidies en verhalen in Assen</h2>"));
	assert_non_null(strstr(b.data, "Regeling Z"));
	assert_non_null(strstr(b.data, "Buurtfeest &lt;samen&gt; (Stichting X)"));
	assert_non_null(strstr(b.data, "€\u00a036.200"));
	assert_null(strstr(b.data, "Vereniging Y")); /* Emmen's grant */
	/* Jan Jansen did not consent: his name appears nowhere; Els Bos did. */
	assert_null(strstr(b.data, "Jan Jansen"));
	assert_non_null(strstr(b.data, "[Naam weggelaten] vertelt")); /* opens the title */
	assert_non_null(strstr(b.data, "Els Bos en [naam weggelaten] over de buurt."));
	assert_null(strstr(b.data, "Nog niet af")); /* unpublished */
	tl_buf_free(&b);
	tl_arena_free(f->a);
}

static void test_a_group_lists_its_members_grants_with_the_municipality(void **state)
{
	(void)state;
	struct fx *f = fixture();
	struct tl_page p = {f->m, TL_LANG_NL, "Zuid", "groep/zuid.html", "../", 0, 0};
	tl_buf b = TL_BUF_INIT;
	tl_render_region_annual(&b, &p, f->members, 2, "Zuid");
	assert_non_null(strstr(b.data, "Subsidies en verhalen in Zuid"));
	assert_non_null(strstr(b.data, ">Gemeente</th>"));
	assert_non_null(strstr(b.data, "Vereniging Y"));
	assert_non_null(strstr(b.data, "niet genoemd")); /* no amount: not stated, never 0 */
	tl_buf_free(&b);
	tl_arena_free(f->a);
}

static void test_nothing_when_the_model_has_nothing_for_the_region(void **state)
{
	(void)state;
	struct fx *f = fixture();
	struct tl_page p = {f->m, TL_LANG_NL, "Drenthe", NULL, "../", 0, 0};
	tl_buf b = TL_BUF_INIT;
	const char *code = "PV22";
	tl_render_region_annual(&b, &p, &code, 1, "Drenthe");
	assert_int_equal(b.len, 0);
	tl_buf_free(&b);
	tl_arena_free(f->a);
}

/* The page: heading, position column, the group, the hook; English too. */
static void test_the_municipality_page(void **state)
{
	(void)state;
	struct fx *f = fixture();
	struct tl_profile_ctx *c = tl_profile_ctx_new(f->m, NULL);
	size_t n;
	const struct tl_region *const *gm = tl_profile_municipalities(c, &n);
	assert_int_equal(n, 2);
	struct tl_page p = {f->m, TL_LANG_EN, "Assen", "gemeente/GM0106.html", "../", 0, 0};
	tl_buf b = TL_BUF_INIT;
	tl_page_region(&b, &p, c, gm[0]);
	assert_non_null(strstr(b.data, "<h1 class=\"tl-chapter__title\">Assen</h1>"));
	assert_non_null(strstr(b.data, "Municipality in Drenthe"));
	assert_non_null(strstr(b.data, "Grants and stories in Assen"));
	assert_non_null(strstr(b.data, "href=\"../groep/zuid.html\""));
	assert_non_null(strstr(b.data, "href=\"../assets/telling.css\""));
	tl_buf_free(&b);
	tl_arena_free(f->a);
}

/* An indicator no municipality has a figure for (a file with only
 * provincial rows) is not a row of "no data" on every municipality's and
 * group's page: it is named once as not listed.  One that some
 * municipality has stays, with "no data" where a municipality has none. */
static void test_an_indicator_without_municipal_figures_is_named_not_listed(void **state)
{
	(void)state;
	struct fx *f = fixture();
	static struct tl_indicator ind[2];
	ind[0] = (struct tl_indicator){.slug = "gezond", .title = "Gezond", .unit = "%", .decimals = 1,
				       .polarity = TL_POLARITY_HIGHER_BETTER, .source = "T"};
	ind[1] = (struct tl_indicator){.slug = "inwoners", .title = "Inwoners", .unit = "aantal", .decimals = 0,
				       .polarity = TL_POLARITY_NEUTRAL, .source = "T"};
	static struct tl_observation obs[3];
	obs[0] = (struct tl_observation){"gezond", "GM0106", {2022, TL_PERIOD_YEAR, 0}, 71.1, TL_STATUS_FINAL, NULL, NULL};
	obs[1] = (struct tl_observation){"gezond", "PV22", {2022, TL_PERIOD_YEAR, 0}, 72.5, TL_STATUS_FINAL, NULL, NULL};
	obs[2] = (struct tl_observation){"inwoners", "PV22", {2019, TL_PERIOD_YEAR, 0}, 416623, TL_STATUS_FINAL, NULL, NULL};
	const struct tl_region *const *gm;
	struct tl_profile_ctx *c = with_figures(f, ind, 2, obs, 3, &gm);
	for (size_t k = 0; k < 2; k++) {
		struct tl_page p = {f->m, TL_LANG_EN, gm[k]->name, "gemeente/x.html", "../", 0, 0};
		tl_buf b = TL_BUF_INIT;
		tl_page_region(&b, &p, c, gm[k]);
		assert_non_null(strstr(b.data, ">Gezond</th>"));
		assert_null(strstr(b.data, ">Inwoners</th>"));
		assert_non_null(strstr(b.data, "Not listed, because no municipality has a figure for them:</p>\n<ul>\n<li>Inwoners</li>\n</ul>"));
		/* Emmen has no figure for Gezond: its cell says so; Assen's has one */
		int emmen = !strcmp(gm[k]->code, "GM0114");
		assert_true((strstr(b.data, ">Gezond</th><td class=\"utrecht-table__cell utrecht-table__cell--numeric-column "
					   "tl-num\"><span class=\"tl-missing\">no data</span>") != NULL) == emmen);
		assert_true((strstr(b.data, ">71.1%") != NULL) == !emmen);
		tl_buf_free(&b);
	}
	struct tl_page p = {f->m, TL_LANG_NL, "Zuid", "groep/zuid.html", "../", 0, 0};
	tl_buf b = TL_BUF_INIT;
	tl_page_group(&b, &p, c, &f->group);
	assert_non_null(strstr(b.data, "header-cell\">Gezond"));
	assert_null(strstr(b.data, "header-cell\">Inwoners"));
	assert_non_null(strstr(b.data, "Niet opgenomen, omdat geen enkele gemeente er een cijfer voor heeft:</p>\n<ul>\n<li>Inwoners</li>\n</ul>"));
	tl_buf_free(&b);
	tl_arena_free(f->a);
}

/* A municipality without a figure for an indicator still shows the
 * province's and the nation's own latest figures, each with its year, and
 * "no data" where one has none: never an empty cell. */
static void test_province_and_nation_show_their_own_figure_when_the_municipality_has_none(void **state)
{
	(void)state;
	struct fx *f = fixture();
	static struct tl_indicator ind[1];
	ind[0] = (struct tl_indicator){.slug = "samen", .title = "Samen", .unit = "%", .decimals = 1,
				       .polarity = TL_POLARITY_HIGHER_BETTER, .source = "T"};
	static struct tl_observation obs[3];
	obs[0] = (struct tl_observation){"samen", "GM0106", {2022, TL_PERIOD_YEAR, 0}, 60.4, TL_STATUS_FINAL, NULL, NULL};
	obs[1] = (struct tl_observation){"samen", "PV22", {2020, TL_PERIOD_YEAR, 0}, 58.3, TL_STATUS_FINAL, NULL, NULL};
	obs[2] = (struct tl_observation){"samen", "PV22", {2022, TL_PERIOD_YEAR, 0}, 61.2, TL_STATUS_FINAL, NULL, NULL};
	const struct tl_region *const *gm;
	struct tl_profile_ctx *c = with_figures(f, ind, 1, obs, 3, &gm);
	assert_string_equal(gm[1]->code, "GM0114"); /* Emmen: no figure of its own */
	struct tl_page p = {f->m, TL_LANG_EN, "Emmen", "gemeente/GM0114.html", "../", 0, 0};
	tl_buf b = TL_BUF_INIT;
	tl_page_region(&b, &p, c, gm[1]);
	const char *cell = "<td class=\"utrecht-table__cell utrecht-table__cell--numeric-column tl-num\">";
	tl_buf want = TL_BUF_INIT;
	tl_buf_printf(&want,
		      ">Samen</th>%s<span class=\"tl-missing\">no data</span></td>"
		      "%s61.2%% <span class=\"tl-period\">(2022)</span></td>"
		      "%s<span class=\"tl-missing\">no data</span></td>",
		      cell, cell, cell);
	assert_non_null(strstr(b.data, want.data));
	char empty[160];
	snprintf(empty, sizeof empty, "%s</td>", cell);
	assert_null(strstr(b.data, empty));
	/* Emmen's own cell, the nation's and the position: nothing else. */
	assert_int_equal(count_of(b.data, ">no data</span>"), 3);
	tl_buf_free(&want);
	tl_buf_free(&b);
	tl_arena_free(f->a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grants_and_stories_of_a_municipality),
		cmocka_unit_test(test_a_group_lists_its_members_grants_with_the_municipality),
		cmocka_unit_test(test_nothing_when_the_model_has_nothing_for_the_region),
		cmocka_unit_test(test_the_municipality_page),
		cmocka_unit_test(test_an_indicator_without_municipal_figures_is_named_not_listed),
		cmocka_unit_test(test_province_and_nation_show_their_own_figure_when_the_municipality_has_none),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
