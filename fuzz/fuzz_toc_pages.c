/*
 * libFuzzer target for the reading half of the PDF's page numbers
 * (render/toc_pages.h): pdftotext output in, a page per contents entry out.
 * The titles come from the input's first lines (up to a blank line), the
 * text is the rest.  Never a crash; every page found is within the text's
 * pages and entries are in page order.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/toc_pages.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = malloc(size + 1);
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	buf[size] = 0;
	const char *titles[8];
	size_t n = 0, i = 0;
	while (n < 8 && i < size && buf[i] != '\n') {
		titles[n++] = buf + i;
		char *nl = memchr(buf + i, '\n', size - i);
		if (!nl)
			break;
		*nl = 0;
		i = (size_t)(nl - buf) + 1;
	}
	const char *text = i < size ? buf + i : "";
	size_t len = i < size ? size - i : 0;
	int pages[8];
	size_t found = tl_toc_find_pages(text, len, titles, n, (int)(size % 3), pages);
	int npages = 1, last = 0;
	for (size_t k = 0; k < len; k++)
		npages += text[k] == '\f';
	size_t seen = 0;
	for (size_t k = 0; k < n; k++) {
		if (!pages[k])
			continue;
		seen++;
		if (pages[k] < last || pages[k] > npages)
			__builtin_trap();
		last = pages[k];
	}
	if (seen != found)
		__builtin_trap();
	free(buf);
	return 0;
}
