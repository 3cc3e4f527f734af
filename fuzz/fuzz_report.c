/*
 * libFuzzer target for the annual report's parsers: report.yml (first byte
 * even) or a story file with front matter (first byte odd), checked against
 * a small fixed framework.  A model or positioned errors, never a crash,
 * leak or undefined behaviour; after a successful parse the model's
 * invariants (references resolve, slugs unique) must hold.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "import/agenda.h"
#include "import/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char agenda_yml[] =
	"agenda: {slug: f, title: F, report_year: 2025, focus_region: PV22}\n"
	"themes:\n"
	"  - {slug: thema, title: Thema, goals: [{number: 1, title: Een}, {number: 2, title: Twee}]}\n"
	"regions:\n"
	"  - {code: PV22, name: Drenthe, level: provincie}\n"
	"  - {code: GM0106, name: Assen, level: gemeente, parent: PV22}\n";

static const char report_yml[] = "instruments:\n  - {slug: regeling, name: R, kind: regeling}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	if (tl_agenda_parse("agenda.yml", agenda_yml, strlen(agenda_yml), a, &m, &e))
		__builtin_trap();
	const char *text = (const char *)data + 1;
	size_t len = size - 1;
	int rc;
	struct tl_story s = {0}; /* outlives the branch: the model points at it */
	if (data[0] % 2 == 0) {
		rc = tl_report_parse("report.yml", text, len, m, &e);
		/* listed stories get their title from their own file (not read here) */
		for (size_t i = 0; rc == 0 && i < m->n_stories; i++)
			if (!m->stories[i].slug || !m->stories[i].path)
				__builtin_trap();
		m->n_stories = 0;
	} else {
		if (tl_report_parse("report.yml", report_yml, strlen(report_yml), m, &e))
			__builtin_trap();
		s.slug = "verhaal";
		rc = tl_story_parse("verhaal.md", text, len, m, &s, &e);
		if (rc == 0) {
			/* a parsed story is complete enough to be stored and shown */
			if (!s.title || !s.markdown)
				__builtin_trap();
			m->stories = &s;
			m->n_stories = 1;
		}
	}
	if (rc == 0 && tl_model_check(m, stderr) != 0)
		__builtin_trap();
	if (rc != 0 && !tl_errors_failed(&e))
		__builtin_trap(); /* a failure must say why */
	tl_errors_free(&e);
	tl_arena_free(a);
	return 0;
}
