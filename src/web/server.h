/*
 * server — `telling serve`: the report, the dashboard, the JSON API and the
 * editor over HTTP, on GNU libmicrohttpd.
 *
 * Design (docs/architecture.md, "telling serve"):
 *  - One snapshot = a model loaded from the store with its parsed site
 *    (render/site.h), an arena, and a cache of finished answers (bytes,
 *    gzip variant, ETag).  Requests take a reference to the current
 *    snapshot; a change (an edit here, or a commit by another process seen
 *    through the store's change counter, polled each second) builds a new one and
 *    swaps it in.  Page views never touch the database.
 *  - Public pages are the latest published snapshot's frozen bytes, or,
 *    before anything was published, the live report.  /concept/ is always
 *    the live draft, for logged-in accounts.
 *  - A thread per connection, so a slow request (an import, a password hash)
 *    never holds up another; writes are serialised by one lock and each runs
 *    in one store transaction together with its audit row.
 *  - SIGTERM / SIGINT: stop accepting, let running requests finish (every
 *    write completes or rolls back), close the store, then exit 0.
 *  - Slow clients: an idle timeout, a per-connection deadline after which
 *    only a client that keeps moving stays, and a cap per client address.
 *
 * Every route is a row of one const table with its method, the roles that
 * may use it and its handler; see the table in server.c.
 */
#ifndef TL_SERVER_H
#define TL_SERVER_H

#include <stddef.h>

#include "../core/err.h"
#include "../core/fmt.h"

struct tl_serve_opts {
	const char *db;       /* store URI */
	const char *bind;     /* address to listen on: "127.0.0.1" */
	int port;             /* 8080 */
	const char *assets;   /* directory with nlds.css and telling.css */
	enum tl_lang lang;
	size_t max_body;      /* bytes of a form body (64 KiB) */
	size_t max_upload;    /* bytes of an uploaded statistics file (32 MiB) */
	unsigned timeout;     /* seconds a connection may stay idle (30) */
	unsigned request_time; /* seconds after which a connection must keep moving (60) */
	unsigned per_ip;      /* connections one client address may hold (64) */
	int secure_cookies;   /* always mark cookies Secure (behind a TLS proxy) */
	int quiet;            /* no request log on stderr */
};

/* Serve until SIGTERM or SIGINT.  Returns TL_OK after a graceful stop, or an
 * error (store cannot be opened, no agenda loaded, port in use) in errs. */
int tl_serve_run(const struct tl_serve_opts *o, tl_errors *errs);

#endif
