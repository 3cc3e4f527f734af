/*
 * libFuzzer target for import spec files (telling import --spec): spec YAML
 * in, an extended copy of a fixed agenda or a list of positioned errors out,
 * never a crash, leak or undefined behaviour.  After a successful parse the
 * model's invariants (mergers included) must hold, and the agenda it was
 * given must be unchanged.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "import/agenda.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char agenda_yml[] =
	"agenda: {slug: f, title: F, report_year: 2025, focus_region: PV22, national_region: NL01}\n"
	"themes: [{slug: t, title: T, goals: [{number: 1, title: G}]}]\n"
	"indicators:\n"
	"  - {slug: a, theme: t, title: A, unit: '%', polarity: higher-is-better, source: S,\n"
	"     import: [{topic: A_1}]}\n"
	"  - {slug: b, theme: t, title: B, unit: aantal, polarity: neutral, source: S}\n"
	"regions:\n"
	"  - {code: NL01, name: Nederland, level: land}\n"
	"  - {code: PV22, name: Drenthe, level: provincie, parent: NL01}\n"
	"mergers:\n"
	"  - {old: [GM0001, GM0002], new: GM0003, year: 2000}\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *agenda, *m;
	if (tl_agenda_parse("agenda.yml", agenda_yml, sizeof agenda_yml - 1, a, &agenda, &e) != 0)
		__builtin_trap();
	if (tl_spec_parse("spec.yml", (const char *)data, size, agenda, a, &m, &e) == 0) {
		if (tl_model_check(m, NULL) != 0)
			__builtin_trap();
		if (agenda->indicators[0].n_imports != 1 || agenda->indicators[1].n_imports != 0 ||
		    agenda->n_mergers != 1 || m->n_mergers < 1)
			__builtin_trap(); /* the agenda must not change */
	} else if (!tl_errors_failed(&e)) {
		__builtin_trap(); /* a failure must say why */
	}
	tl_errors_free(&e);
	tl_arena_free(a);
	return 0;
}
