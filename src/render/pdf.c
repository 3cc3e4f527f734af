#include "pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../core/buf.h"
#include "../core/file.h"

extern char **environ;

static const char *find_browser(void)
{
	const char *env = getenv("TELLING_CHROMIUM");
	if (env && *env)
		return env;
	static const char *const names[] = {"/usr/bin/chromium", "/usr/bin/chromium-browser",
					    "/usr/bin/google-chrome"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (access(names[i], X_OK) == 0)
			return names[i];
	return NULL;
}

/* Remove a directory tree made by mkdtemp (the browser profile). */
static void remove_tree(const char *dir)
{
	char *argv[] = {"rm", "-rf", (char *)(uintptr_t)dir, NULL};
	pid_t pid;
	if (posix_spawnp(&pid, "rm", NULL, NULL, argv, environ) == 0)
		waitpid(pid, NULL, 0);
}

/* Run argv[0] (found on PATH when use_path, else as given) with its
 * stdout, and its stderr when mute_stderr, on /dev/null, and wait for it.
 * Returns 0 or posix_spawn's error; *code is its exit status, -1 when it
 * was not started or ended by a signal. */
static int run_quiet(char *const argv[], int use_path, int mute_stderr, int *code)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	if (mute_stderr)
		posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int rc = use_path ? posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ)
			  : posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	*code = -1;
	int status;
	if (rc == 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status))
		*code = WEXITSTATUS(status);
	return rc;
}

int tl_pdf_print(const char *html_path, const char *pdf_path, tl_errors *errs)
{
	const char *browser = find_browser();
	if (!browser) {
		tl_errors_add(errs, pdf_path, 0, 0, NULL,
			      "cannot make a PDF: Chromium is not installed (apt-get install -y chromium, "
			      "or set TELLING_CHROMIUM)");
		return TL_ERR_IO;
	}
	char *abs = realpath(html_path, NULL);
	if (!abs) {
		tl_errors_add(errs, html_path, 0, 0, NULL, "cannot make a PDF: %s", strerror(errno));
		return TL_ERR_IO;
	}
	char profile[] = "/tmp/telling-chromium-XXXXXX";
	if (!mkdtemp(profile)) {
		free(abs);
		tl_errors_add(errs, pdf_path, 0, 0, NULL, "cannot make a PDF: no temporary folder: %s",
			      strerror(errno));
		return TL_ERR_IO;
	}
	tl_buf url = TL_BUF_INIT, out = TL_BUF_INIT, prof = TL_BUF_INIT;
	tl_buf_printf(&url, "file://%s", abs);
	tl_buf_printf(&out, "--print-to-pdf=%s", pdf_path);
	tl_buf_printf(&prof, "--user-data-dir=%s", profile);
	free(abs);
	char *argv[] = {
		(char *)(uintptr_t)browser, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--no-first-run", "--disable-quic", "--no-pdf-header-footer",
		"--generate-pdf-document-outline", prof.data, out.data, url.data, NULL,
	};
	remove(pdf_path);
	/* Chromium is chatty on stderr; its messages are not ours to show. */
	int code;
	int rc = run_quiet(argv, 0, 1, &code);
	remove_tree(profile);
	tl_buf_free(&url);
	tl_buf_free(&out);
	tl_buf_free(&prof);
	struct stat sb;
	if (rc != 0 || code != 0 || stat(pdf_path, &sb) != 0 || sb.st_size == 0) {
		tl_errors_add(errs, pdf_path, 0, 0, NULL, "Chromium did not produce the PDF (%s, status %d)",
			      rc ? strerror(rc) : "exit", code);
		return TL_ERR_IO;
	}
	return TL_OK;
}

int tl_pdf_text(const char *pdf_path, tl_arena *a, char **text, size_t *len, tl_errors *errs)
{
	const char *tool = getenv("TELLING_PDFTOTEXT");
	if (!tool || !*tool)
		tool = "pdftotext";
	char txt[] = "/tmp/telling-pdftext-XXXXXX";
	int fd = mkstemp(txt);
	if (fd < 0) {
		tl_errors_add(errs, pdf_path, 0, 0, NULL, "cannot read the PDF's pages: no temporary file: %s",
			      strerror(errno));
		return TL_ERR_IO;
	}
	close(fd);
	char *argv[] = {(char *)(uintptr_t)tool, "-q", "-enc", "UTF-8", (char *)(uintptr_t)pdf_path, txt, NULL};
	int code;
	int rc = run_quiet(argv, 1, 0, &code);
	if (rc != 0 || code != 0) {
		remove(txt);
		if (rc == ENOENT || code == 127)
			tl_errors_add(errs, pdf_path, 0, 0, NULL,
				      "cannot number the PDF's contents: pdftotext is not installed "
				      "(apt-get install -y poppler-utils, or set TELLING_PDFTOTEXT)");
		else
			tl_errors_add(errs, pdf_path, 0, 0, NULL, "pdftotext could not read the PDF (%s, status %d)",
				      rc ? strerror(rc) : "exit", code);
		return TL_ERR_IO;
	}
	rc = tl_file_read(txt, (size_t)256 << 20, a, text, len, errs);
	remove(txt);
	return rc;
}
