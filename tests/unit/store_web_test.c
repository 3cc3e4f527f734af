/* What telling serve keeps in the store (src/store/store_web.c): accounts,
 * sessions, the audit trail, publications, and version-checked edits and
 * deletes of chapters, stories, grants, progress entries and next steps,
 * and version-checked edits, additions and deletes of instruments and
 * targets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_web.h"
#include "test_store.h"

struct fx {
	char path[64];
	tl_store *st;
	tl_arena *a;
};

static void ok(int rc, tl_errors *e)
{
	if (rc)
		tl_errors_print(e, stderr);
	assert_int_equal(rc, 0);
}

/* A theme, a municipality, a chapter, an instrument and a target: what the
 * report content below refers to. */
static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	snprintf(f->path, sizeof f->path, "/tmp/tl-store-web-test-%d.db", (int)getpid());
	unlink(f->path);
	tl_errors e = TL_ERRORS_INIT;
	if (tl_store_open(&f->st, f->path, &e))
		return -1;
	f->a = tl_arena_new();
	struct tl_theme th = {"thema", 1, "Thema", NULL};
	struct tl_region r = {"GM0106", "Assen", "gemeente", NULL, 2025};
	struct tl_chapter c = {"thema", 1, "thema", NULL, "thema.md", "Eerste tekst"};
	struct tl_instrument in;
	memset(&in, 0, sizeof in);
	in.slug = "regeling";
	in.name = "Regeling";
	in.kind = "regeling";
	in.in_agenda = 1;
	struct tl_target t;
	memset(&t, 0, sizeof t);
	t.slug = "doel";
	t.title = "Doel";
	t.polarity = TL_POLARITY_HIGHER_BETTER;
	int rc = tl_store_begin(f->st, &e) || tl_store_put_theme(f->st, &th, &e) ||
		 tl_store_put_region(f->st, &r, &e) || tl_store_put_chapter(f->st, &c, &e) ||
		 tl_store_put_instrument(f->st, &in, &e) || tl_store_put_target(f->st, &t, &e) ||
		 tl_store_commit(f->st, &e);
	if (rc)
		tl_errors_print(&e, stderr);
	tl_errors_free(&e);
	*state = f;
	return rc ? -1 : 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	tl_store_close(f->st);
	tl_arena_free(f->a);
	test_store_remove(f->path);
	free(f);
	return 0;
}

static void add_story(struct fx *f, const char *slug, const char *title)
{
	tl_errors e = TL_ERRORS_INIT;
	static const char *ins[] = {"regeling"};
	struct tl_story y;
	memset(&y, 0, sizeof y);
	y.slug = slug;
	y.title = title;
	y.markdown = "Tekst";
	y.instruments = ins;
	y.n_instruments = 1;
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_story_add(f->st, &y, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);
	tl_errors_free(&e);
}

static void test_an_added_story_has_a_version_and_reads_back_with_its_instrument(void **state)
{
	struct fx *f = *state;
	add_story(f, "een", "Een verhaal");
	struct tl_story y;
	int64_t v = -1;
	assert_int_equal(tl_store_story_get(f->st, "een", f->a, &y, &v), 0);
	assert_true(v > 0);
	assert_string_equal(y.title, "Een verhaal");
	assert_int_equal(y.n_instruments, 1);
	assert_string_equal(y.instruments[0], "regeling");
	assert_int_equal(tl_store_story_get(f->st, "geen", f->a, &y, &v), TL_ERR_NOTFOUND);
}

static void test_a_save_at_an_old_version_conflicts_and_changes_nothing(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	add_story(f, "een", "Een verhaal");
	struct tl_story y;
	int64_t v0, v1, nv;
	ok(tl_store_story_get(f->st, "een", f->a, &y, &v0), &e);
	y.title = "Eerste wijziging";
	y.date = (struct tl_ymd){2025, 10, 0};
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_story_update(f->st, &y, v0, &nv, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);
	ok(tl_store_story_get(f->st, "een", f->a, &y, &v1), &e);
	assert_int_equal(v1, nv);
	assert_true(v1 > v0);
	assert_string_equal(y.title, "Eerste wijziging");
	assert_int_equal(y.date.month, 10);
	assert_int_equal(y.n_instruments, 1); /* kept */

	/* Someone else's form, loaded at v0. */
	y.title = "Verouderde wijziging";
	ok(tl_store_begin(f->st, &e), &e);
	assert_int_equal(tl_store_story_update(f->st, &y, v0, &nv, &e), TL_ERR_CONFLICT);
	assert_string_equal(e.items[e.n - 1].field, "version");
	tl_store_rollback(f->st);
	ok(tl_store_story_get(f->st, "een", f->a, &y, &v1), &e);
	assert_string_equal(y.title, "Eerste wijziging");
	tl_errors_free(&e);
}

static void test_a_delete_checks_the_version_and_takes_the_stories_links_along(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	add_story(f, "een", "Een verhaal");
	struct tl_story y;
	int64_t v;
	ok(tl_store_story_get(f->st, "een", f->a, &y, &v), &e);
	ok(tl_store_begin(f->st, &e), &e);
	assert_int_equal(tl_store_story_delete(f->st, "een", v + 1, &e), TL_ERR_CONFLICT);
	ok(tl_store_story_delete(f->st, "een", v, &e), &e);
	assert_int_equal(tl_store_story_delete(f->st, "een", v, &e), TL_ERR_NOTFOUND);
	ok(tl_store_commit(f->st, &e), &e);
	assert_int_equal(tl_store_story_get(f->st, "een", f->a, &y, &v), TL_ERR_NOTFOUND);
	tl_errors_free(&e);
	/* The instrument link went with it: a new story of the same slug starts clean. */
	add_story(f, "een", "Opnieuw");
	ok(tl_store_story_get(f->st, "een", f->a, &y, &v), &e);
	assert_int_equal(y.n_instruments, 1);
}

static void add_grant(struct fx *f, const char *recipient)
{
	tl_errors e = TL_ERRORS_INIT;
	struct tl_grant g;
	memset(&g, 0, sizeof g);
	g.instrument = "regeling";
	g.recipient = recipient;
	g.year = 2025;
	g.amount = 1500.5;
	g.has_amount = 1;
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_grant_add(f->st, &g, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);
	tl_errors_free(&e);
}

static void test_a_reused_grant_position_never_returns_to_a_version_a_stale_form_holds(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	add_grant(f, "Eerste");
	struct tl_grant g;
	int64_t v_old, v_new;
	ok(tl_store_grant_get(f->st, "regeling", 0, f->a, &g, &v_old), &e);
	assert_string_equal(g.recipient, "Eerste");
	assert_true(g.has_amount);
	assert_true(g.amount == 1500.5);
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_grant_delete(f->st, "regeling", 0, v_old, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);
	add_grant(f, "Tweede"); /* takes position 0 again */
	ok(tl_store_grant_get(f->st, "regeling", 0, f->a, &g, &v_new), &e);
	assert_string_equal(g.recipient, "Tweede");
	assert_true(v_new != v_old);
	/* The stale form of the deleted grant cannot overwrite the new one. */
	g.recipient = "Verouderd";
	int64_t nv;
	ok(tl_store_begin(f->st, &e), &e);
	assert_int_equal(tl_store_grant_update(f->st, 0, &g, v_old, &nv, &e), TL_ERR_CONFLICT);
	g.has_amount = 0;
	g.recipient = "Tweede, zonder bedrag";
	ok(tl_store_grant_update(f->st, 0, &g, v_new, &nv, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);
	ok(tl_store_grant_get(f->st, "regeling", 0, f->a, &g, &v_new), &e);
	assert_false(g.has_amount);
	assert_int_equal(v_new, nv);
	assert_int_equal(tl_store_grant_get(f->st, "regeling", 7, f->a, &g, &v_new), TL_ERR_NOTFOUND);
	tl_errors_free(&e);
}

static void test_progress_and_next_steps_update_and_delete_by_version(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	struct tl_target_entry pe;
	memset(&pe, 0, sizeof pe);
	pe.date = (struct tl_ymd){2025, 6, 0};
	pe.value = 4;
	pe.source = "Bron";
	struct tl_next_step n;
	memset(&n, 0, sizeof n);
	n.theme = "thema";
	n.year = 2026;
	n.status = TL_STEP_PLANNED;
	n.text = "Een stap";
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_progress_add(f->st, "doel", &pe, &e), &e);
	ok(tl_store_next_step_add(f->st, &n, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);

	struct tl_target_entry got;
	int64_t v, nv;
	ok(tl_store_progress_get(f->st, "doel", 0, f->a, &got, &v), &e);
	assert_int_equal(got.date.month, 6);
	assert_string_equal(got.source, "Bron");
	got.value = 5.5;
	got.note = "Herzien";
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_progress_update(f->st, "doel", 0, &got, v, &nv, &e), &e);
	assert_int_equal(tl_store_progress_delete(f->st, "doel", 0, v, &e), TL_ERR_CONFLICT);
	ok(tl_store_progress_delete(f->st, "doel", 0, nv, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);
	assert_int_equal(tl_store_progress_get(f->st, "doel", 0, f->a, &got, &v), TL_ERR_NOTFOUND);

	struct tl_next_step s;
	ok(tl_store_next_step_get(f->st, 1, f->a, &s, &v), &e);
	assert_string_equal(s.text, "Een stap");
	assert_int_equal(s.position, 1);
	s.status = TL_STEP_DONE;
	s.text = "Gedaan";
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_next_step_update(f->st, &s, v, &nv, &e), &e);
	assert_int_equal(tl_store_next_step_update(f->st, &s, v, &nv, &e), TL_ERR_CONFLICT);
	ok(tl_store_commit(f->st, &e), &e);
	ok(tl_store_next_step_get(f->st, 1, f->a, &s, &v), &e);
	assert_int_equal(s.status, TL_STEP_DONE);
	assert_int_equal(tl_store_next_step_delete(f->st, 9, v, &e), TL_ERR_NOTFOUND);
	tl_errors_free(&e);
}

static void test_chapter_text_is_version_checked_from_version_zero(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	const char *md;
	int64_t v, nv;
	ok(tl_store_chapter_get(f->st, "thema", f->a, &md, &v), &e);
	assert_int_equal(v, 0); /* as imported */
	assert_string_equal(md, "Eerste tekst");
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_chapter_update(f->st, "thema", "Tweede tekst", 0, &nv, &e), &e);
	assert_int_equal(tl_store_chapter_update(f->st, "thema", "Derde tekst", 0, &nv, &e), TL_ERR_CONFLICT);
	assert_int_equal(tl_store_chapter_update(f->st, "geen", "x", 0, &nv, &e), TL_ERR_NOTFOUND);
	ok(tl_store_commit(f->st, &e), &e);
	ok(tl_store_chapter_get(f->st, "thema", f->a, &md, &v), &e);
	assert_string_equal(md, "Tweede tekst");
	assert_true(v > 0);
	tl_errors_free(&e);
}

static void test_accounts_refuse_duplicates_unknown_roles_and_partners_without_organisation(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	ok(tl_store_user_add(f->st, "anna", "$argon2id$x", "editor", NULL, &e), &e);
	assert_int_equal(tl_store_user_add(f->st, "anna", "$argon2id$y", "viewer", NULL, &e), TL_ERR_INPUT);
	assert_int_equal(tl_store_user_add(f->st, "bob", "h", "root", NULL, &e), TL_ERR_INPUT);
	assert_int_equal(tl_store_user_add(f->st, "carla", "h", "partner", NULL, &e), TL_ERR_INPUT);
	ok(tl_store_user_add(f->st, "carla", "h", "partner", "Stichting", &e), &e);
	/* An organisation given to a non-partner is not kept. */
	ok(tl_store_user_add(f->st, "dirk", "h", "viewer", "Stichting", &e), &e);
	assert_int_equal(tl_store_user_count(f->st), 3);
	struct tl_user u;
	const char *h;
	ok(tl_store_user_get(f->st, "carla", f->a, &u, &h), &e);
	assert_string_equal(u.role, "partner");
	assert_string_equal(u.organisation, "Stichting");
	ok(tl_store_user_get(f->st, "dirk", f->a, &u, &h), &e);
	assert_null(u.organisation);
	assert_int_equal(tl_store_user_get(f->st, "anna' OR '1'='1", f->a, &u, &h), TL_ERR_NOTFOUND);
	struct tl_user *list;
	size_t n;
	ok(tl_store_user_list(f->st, f->a, &list, &n), &e);
	assert_int_equal(n, 3);
	assert_string_equal(list[0].name, "anna");
	assert_string_equal(list[2].name, "dirk");
	tl_errors_free(&e);
}

static void test_the_last_admin_can_be_neither_demoted_nor_deleted(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	ok(tl_store_user_add(f->st, "anna", "h1", "admin", NULL, &e), &e);
	struct tl_user u;
	const char *h;
	int64_t v, nv;
	ok(tl_store_user_get(f->st, "anna", f->a, &u, &h), &e);
	ok(tl_store_user_get_id(f->st, u.id, f->a, &u, &v), &e);
	assert_true(v > 0);
	assert_int_equal(tl_store_user_update(f->st, u.id, "editor", NULL, NULL, v, &nv, &e), TL_ERR_INPUT);
	assert_int_equal(tl_store_user_delete(f->st, u.id, v, &e), TL_ERR_INPUT);
	/* With a second admin both are allowed; the password hash changes only when given. */
	ok(tl_store_user_add(f->st, "bob", "h2", "admin", NULL, &e), &e);
	ok(tl_store_user_update(f->st, u.id, "partner", "Stichting", NULL, v, &nv, &e), &e);
	ok(tl_store_user_get(f->st, "anna", f->a, &u, &h), &e);
	assert_string_equal(h, "h1");
	assert_string_equal(u.organisation, "Stichting");
	assert_int_equal(tl_store_user_update(f->st, u.id, "viewer", NULL, "h3", v, &nv, &e), TL_ERR_CONFLICT);
	ok(tl_store_user_get_id(f->st, u.id, f->a, &u, &v), &e);
	ok(tl_store_user_update(f->st, u.id, "viewer", "ignored", "h3", v, &nv, &e), &e);
	ok(tl_store_user_get(f->st, "anna", f->a, &u, &h), &e);
	assert_string_equal(h, "h3");
	assert_null(u.organisation);
	ok(tl_store_user_delete(f->st, u.id, nv, &e), &e);
	assert_int_equal(tl_store_user_get_id(f->st, u.id, f->a, &u, &v), TL_ERR_NOTFOUND);
	tl_errors_free(&e);
}

static void test_sessions_expire_and_can_be_deleted(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	ok(tl_store_user_add(f->st, "anna", "h", "editor", NULL, &e), &e);
	struct tl_user u;
	const char *h, *csrf;
	ok(tl_store_user_get(f->st, "anna", f->a, &u, &h), &e);
	ok(tl_store_session_put(f->st, "hash-a", u.id, "csrf-a", 1000, 100, &e), &e);
	ok(tl_store_session_get(f->st, "hash-a", 999, f->a, &u, &csrf), &e);
	assert_string_equal(csrf, "csrf-a");
	assert_string_equal(u.name, "anna");
	assert_int_equal(tl_store_session_get(f->st, "hash-a", 1000, f->a, &u, &csrf), TL_ERR_NOTFOUND);
	/* A new session clears expired ones on the way. */
	ok(tl_store_session_put(f->st, "hash-b", u.id, "csrf-b", 5000, 2000, &e), &e);
	assert_int_equal(tl_store_session_get(f->st, "hash-a", 500, f->a, &u, &csrf), TL_ERR_NOTFOUND);
	tl_store_session_delete(f->st, "hash-b");
	assert_int_equal(tl_store_session_get(f->st, "hash-b", 2001, f->a, &u, &csrf), TL_ERR_NOTFOUND);
	tl_errors_free(&e);
}

static void test_audit_lists_newest_first_in_pages_with_the_total(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	char key[16];
	ok(tl_store_begin(f->st, &e), &e);
	for (int i = 0; i < 5; i++) {
		snprintf(key, sizeof key, "k%d", i);
		ok(tl_store_audit_add(f->st, "anna", "edit", "chapter", key, i ? "{\"a\":1}" : NULL, "{\"a\":2}", &e), &e);
	}
	ok(tl_store_commit(f->st, &e), &e);
	struct tl_audit *v;
	size_t n;
	long total;
	ok(tl_store_audit_list(f->st, 1, 2, f->a, &v, &n, &total), &e);
	assert_int_equal(total, 5);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].key, "k3");
	assert_string_equal(v[1].key, "k2");
	assert_string_equal(v[0].before, "{\"a\":1}");
	assert_non_null(v[0].at);
	ok(tl_store_audit_list(f->st, 4, 10, f->a, &v, &n, &total), &e);
	assert_int_equal(n, 1);
	assert_null(v[0].before);
	ok(tl_store_audit_list(f->st, 0, 0, f->a, &v, &n, &total), &e);
	assert_int_equal(n, 0);
	assert_int_equal(total, 5);
	tl_errors_free(&e);
}

static void test_publications_keep_their_bytes_and_the_latest_wins(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	assert_int_equal(tl_store_publication_latest(f->st), 0);
	int64_t id1, id2;
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_publication_begin(f->st, "anna", "eerste", "d1", &id1, &e), &e);
	ok(tl_store_publication_put(f->st, id1, "index.html", "a\0b", 3, &e), &e);
	ok(tl_store_publication_put(f->st, id1, "leeg.txt", "", 0, &e), &e);
	ok(tl_store_publication_begin(f->st, "anna", NULL, "d2", &id2, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);
	assert_true(id2 > id1);
	assert_int_equal(tl_store_publication_latest(f->st), id2);
	char *data;
	size_t len;
	ok(tl_store_publication_get(f->st, id1, "index.html", f->a, &data, &len), &e);
	assert_int_equal(len, 3);
	assert_memory_equal(data, "a\0b", 3);
	ok(tl_store_publication_get(f->st, id1, "leeg.txt", f->a, &data, &len), &e);
	assert_int_equal(len, 0);
	assert_int_equal(tl_store_publication_get(f->st, id2, "index.html", f->a, &data, &len), TL_ERR_NOTFOUND);
	tl_errors_free(&e);
}

/* An instrument's partners, municipalities, budget, period and goals are
 * saved at the version read, replacing the lists; a stale version changes
 * nothing. */
static void test_an_instrument_update_replaces_its_lists_and_checks_the_version(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	struct tl_instrument in;
	int64_t v0, v1, nv;
	ok(tl_store_instrument_get(f->st, "regeling", f->a, &in, &v0), &e);
	assert_int_equal(v0, 0);
	assert_int_equal(in.n_partners, 0);
	const char *partners[] = {"Partner Een", "Partner Twee"};
	const char *gm[] = {"GM0106"};
	in.partners = partners;
	in.n_partners = 2;
	in.municipalities = gm;
	in.n_municipalities = 1;
	in.budget = 1500.5;
	in.has_budget = 1;
	in.start_year = 2024;
	in.end_year = 2026;
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_instrument_update(f->st, &in, v0, &nv, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);
	struct tl_instrument back;
	ok(tl_store_instrument_get(f->st, "regeling", f->a, &back, &v1), &e);
	assert_int_equal(v1, nv);
	assert_true(v1 > v0);
	assert_int_equal(back.n_partners, 2);
	assert_string_equal(back.partners[1], "Partner Twee");
	assert_int_equal(back.n_municipalities, 1);
	assert_true(back.has_budget && back.budget == 1500.5);
	assert_int_equal(back.end_year, 2026);
	in.n_partners = 1;
	ok(tl_store_begin(f->st, &e), &e);
	assert_int_equal(tl_store_instrument_update(f->st, &in, v0, &nv, &e), TL_ERR_CONFLICT);
	tl_store_rollback(f->st);
	tl_errors_free(&e);
	ok(tl_store_instrument_get(f->st, "regeling", f->a, &back, &v1), &e);
	assert_int_equal(back.n_partners, 2);
	assert_int_equal(tl_store_instrument_get(f->st, "geen", f->a, &back, &v1), TL_ERR_NOTFOUND);
}

/* A target's wording, unit, baseline, target value and deadline, likewise. */
static void test_a_target_update_checks_the_version(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	struct tl_target t;
	int64_t v0, v1, nv;
	ok(tl_store_target_get(f->st, "doel", f->a, &t, &v0), &e);
	assert_false(t.has_target);
	t.title = "Tien tuinen";
	t.target = 10;
	t.has_target = 1;
	t.deadline = (struct tl_ymd){2028, 1, 0};
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_target_update(f->st, &t, v0, &nv, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);
	struct tl_target back;
	ok(tl_store_target_get(f->st, "doel", f->a, &back, &v1), &e);
	assert_string_equal(back.title, "Tien tuinen");
	assert_true(back.has_target && back.target == 10);
	assert_int_equal(back.deadline.month, 1);
	ok(tl_store_begin(f->st, &e), &e);
	assert_int_equal(tl_store_target_update(f->st, &t, v0, &nv, &e), TL_ERR_CONFLICT);
	tl_store_rollback(f->st);
	tl_errors_free(&e);
}

/* A new instrument with its lists, agenda flag and source, after the others
 * at a version of its own (flag and source are then rewritten on their own);
 * a delete is refused while a grant or target points at it, and then takes
 * its lists along. */
static void test_instruments_are_added_and_deleted_only_when_nothing_points_at_them(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	struct tl_goal g = {1, "thema", "Doel een", NULL};
	ok(tl_store_begin(f->st, &e) || tl_store_put_goal(f->st, &g, &e) || tl_store_commit(f->st, &e), &e);
	struct tl_instrument in;
	memset(&in, 0, sizeof in);
	const char *partners[] = {"Partner Een"};
	int goals[] = {1};
	in.slug = "fonds";
	in.name = "Fonds";
	in.kind = "fonds";
	in.theme = "thema";
	in.description = "Een *fonds*.";
	in.partners = partners;
	in.n_partners = 1;
	in.goals = goals;
	in.n_goals = 1;
	in.in_agenda = 1;
	in.source = "Een nota";
	ok(tl_store_begin(f->st, &e), &e);
	ok(tl_store_instrument_add(f->st, &in, &e), &e);
	ok(tl_store_commit(f->st, &e), &e);
	struct tl_instrument back;
	int64_t v;
	ok(tl_store_instrument_get(f->st, "fonds", f->a, &back, &v), &e);
	assert_true(v > 0);
	assert_string_equal(back.kind, "fonds");
	assert_string_equal(back.theme, "thema");
	assert_string_equal(back.description, "Een *fonds*.");
	assert_int_equal(back.n_partners, 1);
	assert_int_equal(back.n_goals, 1);
	assert_int_equal(back.in_agenda, 1);
	assert_string_equal(back.source, "Een nota");
	back.in_agenda = 0;
	back.source = NULL;
	ok(tl_store_begin(f->st, &e) || tl_store_instrument_origin_update(f->st, &back, &e) || tl_store_commit(f->st, &e),
	   &e);
	ok(tl_store_instrument_get(f->st, "fonds", f->a, &back, &v), &e);
	assert_int_equal(back.in_agenda, 0);
	assert_null(back.source);
	struct tl_grant gr;
	memset(&gr, 0, sizeof gr);
	gr.instrument = "fonds";
	gr.recipient = "Stichting";
	gr.year = 2025;
	gr.goals = goals;
	gr.n_goals = 1;
	ok(tl_store_begin(f->st, &e) || tl_store_grant_add(f->st, &gr, &e) || tl_store_commit(f->st, &e), &e);
	ok(tl_store_begin(f->st, &e), &e);
	assert_int_equal(tl_store_instrument_delete(f->st, "fonds", v, &e), TL_ERR_INPUT);
	assert_non_null(strstr(e.items[0].msg, "1 grant(s)"));
	tl_store_rollback(f->st);
	tl_errors_free(&e);
	int64_t gv;
	ok(tl_store_grant_get(f->st, "fonds", 0, f->a, &gr, &gv), &e);
	assert_int_equal(gr.n_goals, 1);
	ok(tl_store_begin(f->st, &e) || tl_store_grant_delete(f->st, "fonds", 0, gv, &e) || tl_store_commit(f->st, &e), &e);
	ok(tl_store_begin(f->st, &e), &e);
	assert_int_equal(tl_store_instrument_delete(f->st, "fonds", v - 1, &e), TL_ERR_CONFLICT);
	tl_store_rollback(f->st);
	tl_errors_free(&e);
	ok(tl_store_begin(f->st, &e) || tl_store_instrument_delete(f->st, "fonds", v, &e) || tl_store_commit(f->st, &e), &e);
	assert_int_equal(tl_store_instrument_get(f->st, "fonds", f->a, &back, &v), TL_ERR_NOTFOUND);
	tl_errors_free(&e);
}

/* A grant's goals are replaced by an update; a target's theme, direction and
 * goals too; a new target is deleted unless it has progress. */
static void test_goals_and_direction_are_replaced_and_a_target_with_progress_stays(void **state)
{
	struct fx *f = *state;
	tl_errors e = TL_ERRORS_INIT;
	struct tl_goal g1 = {1, "thema", "Doel een", NULL}, g2 = {2, "thema", "Doel twee", NULL};
	ok(tl_store_begin(f->st, &e) || tl_store_put_goal(f->st, &g1, &e) || tl_store_put_goal(f->st, &g2, &e) ||
		   tl_store_commit(f->st, &e),
	   &e);
	int one[] = {1}, two[] = {1, 2};
	struct tl_grant gr;
	memset(&gr, 0, sizeof gr);
	gr.instrument = "regeling";
	gr.project = "Project";
	gr.year = 2025;
	gr.goals = one;
	gr.n_goals = 1;
	ok(tl_store_begin(f->st, &e) || tl_store_grant_add(f->st, &gr, &e) || tl_store_commit(f->st, &e), &e);
	int64_t gv, nv;
	ok(tl_store_grant_get(f->st, "regeling", 0, f->a, &gr, &gv), &e);
	gr.goals = two;
	gr.n_goals = 2;
	ok(tl_store_begin(f->st, &e) || tl_store_grant_update(f->st, 0, &gr, gv, &nv, &e) || tl_store_commit(f->st, &e),
	   &e);
	ok(tl_store_grant_get(f->st, "regeling", 0, f->a, &gr, &gv), &e);
	assert_int_equal(gr.n_goals, 2);
	assert_int_equal(gr.goals[1], 2);

	struct tl_target t;
	int64_t tv;
	ok(tl_store_target_get(f->st, "doel", f->a, &t, &tv), &e);
	assert_int_equal(t.polarity, TL_POLARITY_HIGHER_BETTER);
	t.theme = "thema";
	t.instrument = "regeling";
	t.polarity = TL_POLARITY_LOWER_BETTER;
	t.goals = two;
	t.n_goals = 2;
	ok(tl_store_begin(f->st, &e) || tl_store_target_update(f->st, &t, tv, &nv, &e) || tl_store_commit(f->st, &e), &e);
	ok(tl_store_target_get(f->st, "doel", f->a, &t, &tv), &e);
	assert_int_equal(t.polarity, TL_POLARITY_LOWER_BETTER);
	assert_string_equal(t.instrument, "regeling");
	assert_int_equal(t.n_goals, 2);

	struct tl_target n;
	memset(&n, 0, sizeof n);
	n.slug = "nieuw";
	n.title = "Nieuw doel";
	n.polarity = TL_POLARITY_NEUTRAL;
	n.goals = one;
	n.n_goals = 1;
	ok(tl_store_begin(f->st, &e) || tl_store_target_add(f->st, &n, &e) || tl_store_commit(f->st, &e), &e);
	struct tl_target_entry pe = {{2025, 1, 0}, 3, NULL, NULL, 0};
	ok(tl_store_begin(f->st, &e) || tl_store_progress_add(f->st, "nieuw", &pe, &e) || tl_store_commit(f->st, &e), &e);
	ok(tl_store_target_get(f->st, "nieuw", f->a, &n, &tv), &e);
	ok(tl_store_begin(f->st, &e), &e);
	assert_int_equal(tl_store_target_delete(f->st, "nieuw", tv, &e), TL_ERR_INPUT);
	tl_store_rollback(f->st);
	tl_errors_free(&e);
	int64_t pv;
	ok(tl_store_progress_get(f->st, "nieuw", 0, f->a, &pe, &pv), &e);
	ok(tl_store_begin(f->st, &e) || tl_store_progress_delete(f->st, "nieuw", 0, pv, &e) ||
		   tl_store_target_delete(f->st, "nieuw", tv, &e) || tl_store_commit(f->st, &e),
	   &e);
	assert_int_equal(tl_store_target_get(f->st, "nieuw", f->a, &n, &tv), TL_ERR_NOTFOUND);
	tl_errors_free(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_an_added_story_has_a_version_and_reads_back_with_its_instrument, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_save_at_an_old_version_conflicts_and_changes_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_delete_checks_the_version_and_takes_the_stories_links_along, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_reused_grant_position_never_returns_to_a_version_a_stale_form_holds, setup, teardown),
		cmocka_unit_test_setup_teardown(test_progress_and_next_steps_update_and_delete_by_version, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chapter_text_is_version_checked_from_version_zero, setup, teardown),
		cmocka_unit_test_setup_teardown(test_accounts_refuse_duplicates_unknown_roles_and_partners_without_organisation, setup, teardown),
		cmocka_unit_test_setup_teardown(test_the_last_admin_can_be_neither_demoted_nor_deleted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sessions_expire_and_can_be_deleted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_lists_newest_first_in_pages_with_the_total, setup, teardown),
		cmocka_unit_test_setup_teardown(test_publications_keep_their_bytes_and_the_latest_wins, setup, teardown),
		cmocka_unit_test_setup_teardown(test_an_instrument_update_replaces_its_lists_and_checks_the_version, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_target_update_checks_the_version, setup, teardown),
		cmocka_unit_test_setup_teardown(test_instruments_are_added_and_deleted_only_when_nothing_points_at_them, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_goals_and_direction_are_replaced_and_a_target_with_progress_stays, setup,
						teardown),
	};
	return cmocka_run_group_tests_name("store_web", tests, NULL, NULL);
}
