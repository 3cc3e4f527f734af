/*
 * libFuzzer target for the agenda loader: agenda.yml text in, a model or a
 * list of positioned errors out, never a crash, leak or undefined behaviour.
 * After a successful parse the model's invariants must hold.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "import/agenda.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	tl_arena *a = tl_arena_new();
	tl_errors e = TL_ERRORS_INIT;
	struct tl_model *m;
	if (tl_agenda_parse("agenda.yml", (const char *)data, size, a, &m, &e) == 0) {
		if (tl_model_check(m, NULL) != 0)
			__builtin_trap();
	} else if (!tl_errors_failed(&e)) {
		__builtin_trap(); /* a failure must say why */
	}
	tl_errors_free(&e);
	tl_arena_free(a);
	return 0;
}
