/*
 * server — libmicrohttpd glue, snapshots, the answer cache and the route
 * table of `telling serve` (see server.h for the design).
 */
#include "server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "../core/arena.h"
#include "../core/buf.h"
#include "../core/file.h"
#include "../core/strmap.h"
#include "../core/xalloc.h"
#include "../import/statfile.h"
#include "../model/report.h"
#include "../render/download.h"
#include "../render/html.h"
#include "../render/pages.h"
#include "../render/pages_dash.h"
#include "../render/pages_web.h"
#include "../render/site.h"
#include "../store/store.h"
#include "../store/store_web.h"
#include "../text/chapter.h"
#include "api.h"
#include "auth.h"
#include "form.h"

#define SESSION_SECONDS (8 * 3600)
#define CACHE_MAX 4096 /* answers cached per snapshot; beyond, answers are built per request */
#define GZIP_MIN 1024

/* ==== Snapshots and the answer cache ===================================== */

struct entry {
	struct MHD_Response *plain, *gz, *not_modified; /* owned (one reference each) */
	char etag[40];
	int asked; /* a request was answered from it (under the snapshot's lock) */
};

struct snap {
	atomic_int refs;
	pthread_mutex_t lock; /* rendering (the model's arena) and the cache */
	tl_arena *arena;      /* the model, the site, cache keys */
	struct tl_model *m;
	tl_site *site;
	int64_t pub_id;       /* publication served publicly; 0 = live pages */
	char lastmod[64];     /* HTTP date of the snapshot */
	tl_strmap *cache;     /* key → struct entry * */
};

struct server {
	const struct tl_serve_opts *o;
	tl_store *st;               /* the shared connection: sessions, users, audit, edits */
	pthread_mutex_t db_lock;    /* held around every use of st */
	pthread_mutex_t write_lock; /* one write (edit, import, publish) at a time */
	pthread_mutex_t snap_lock;  /* guards cur */
	struct snap *cur;
	int64_t data_version;
	struct entry assets[2];     /* nlds.css, telling.css */
	pthread_mutex_t conn_mx;    /* guards conns */
	struct conn *conns;         /* open connections (slow-client deadlines) */
	atomic_int active;          /* requests in flight */
	atomic_int stopping;
	pthread_mutex_t stop_mx;
	pthread_cond_t stop_cv;
};

static const char *const asset_names[2] = {"nlds.css", "telling.css"};

static const char *const security_headers[][2] = {
	{"Content-Security-Policy",
	 "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
	 "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "same-origin"},
	{"X-Frame-Options", "DENY"},
};

static void add_security_headers(struct MHD_Response *r)
{
	for (size_t i = 0; i < sizeof security_headers / sizeof *security_headers; i++)
		MHD_add_response_header(r, security_headers[i][0], security_headers[i][1]);
}

static void http_date(time_t t, char *out, size_t n)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, n, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

/* gzip (RFC 1952) of data into out; 0 when it does not pay. */
static int gzip_bytes(const char *data, size_t len, tl_buf *out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	uLong bound = deflateBound(&z, (uLong)len);
	char *dst = xmalloc(bound);
	z.next_in = (Bytef *)(uintptr_t)data;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)dst;
	z.avail_out = (uInt)bound;
	int rc = deflate(&z, Z_FINISH);
	size_t n = z.total_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END || n >= len - len / 10) {
		free(dst);
		return 0;
	}
	tl_buf_put(out, dst, n);
	free(dst);
	return 1;
}

/* Build a cache entry from bytes: ETag from their hash, a gzip variant when
 * it pays, a shared 304.  cache_control says who may keep it. */
static void entry_fill(struct entry *e, const char *data, size_t len, const char *ctype,
		       const char *lastmod, const char *cache_control)
{
	unsigned char h[16];
	crypto_generichash(h, sizeof h, (const unsigned char *)data, len, NULL, 0);
	e->etag[0] = '"';
	sodium_bin2hex(e->etag + 1, 33, h, sizeof h);
	strcat(e->etag, "\"");
	tl_buf gz = TL_BUF_INIT;
	int zipped = len >= GZIP_MIN && gzip_bytes(data, len, &gz);
	struct MHD_Response *rs[3] = {
		MHD_create_response_from_buffer(len, (void *)(uintptr_t)data, MHD_RESPMEM_MUST_COPY),
		zipped ? MHD_create_response_from_buffer(gz.len, gz.data, MHD_RESPMEM_MUST_COPY) : NULL,
		MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT),
	};
	tl_buf_free(&gz);
	for (int i = 0; i < 3; i++) {
		if (!rs[i])
			continue;
		if (i < 2)
			MHD_add_response_header(rs[i], MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
		MHD_add_response_header(rs[i], MHD_HTTP_HEADER_ETAG, e->etag);
		if (lastmod)
			MHD_add_response_header(rs[i], MHD_HTTP_HEADER_LAST_MODIFIED, lastmod);
		MHD_add_response_header(rs[i], MHD_HTTP_HEADER_CACHE_CONTROL, cache_control);
		MHD_add_response_header(rs[i], MHD_HTTP_HEADER_VARY, "Accept-Encoding");
		add_security_headers(rs[i]);
	}
	if (rs[1])
		MHD_add_response_header(rs[1], MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	e->plain = rs[0];
	e->gz = rs[1];
	e->not_modified = rs[2];
}

static void entry_free(struct entry *e)
{
	if (e->plain)
		MHD_destroy_response(e->plain);
	if (e->gz)
		MHD_destroy_response(e->gz);
	if (e->not_modified)
		MHD_destroy_response(e->not_modified);
}

static void entry_free_cb(const char *key, void *value, void *ctx)
{
	(void)key;
	(void)ctx;
	entry_free(value);
	free(value);
}

static void snap_release(struct snap *s)
{
	if (!s || atomic_fetch_sub(&s->refs, 1) != 1)
		return;
	tl_strmap_each(s->cache, entry_free_cb, NULL);
	tl_strmap_free(s->cache);
	pthread_mutex_destroy(&s->lock);
	tl_arena_free(s->arena);
	free(s);
}

static struct snap *snap_get(struct server *sv)
{
	pthread_mutex_lock(&sv->snap_lock);
	struct snap *s = sv->cur;
	atomic_fetch_add(&s->refs, 1);
	pthread_mutex_unlock(&sv->snap_lock);
	return s;
}

/* Whether a request was answered from the old snapshot's entry for key. */
static int was_asked(struct snap *old, const char *key)
{
	pthread_mutex_lock(&old->lock);
	const struct entry *e = tl_strmap_get(old->cache, key, NULL);
	int asked = e && e->asked;
	pthread_mutex_unlock(&old->lock);
	return asked;
}

/* Render pages of the live report into a new snapshot's cache before it
 * goes live, so that no request waits on a cold cache after a change: the
 * old snapshot keeps answering until this is done.  At start-up (no old
 * snapshot) every page; after a change the pages readers asked the old
 * snapshot for, the rest on demand: rendering the whole site on every
 * commit (the watcher reloads once a second while imports run) cost
 * seconds of CPU per reload for a national report of 346 pages. */
static void prerender(struct snap *s, struct snap *old)
{
	const char *const *paths;
	size_t n = tl_site_paths(s->site, &paths);
	for (size_t i = 0; i < n && tl_strmap_size(s->cache) < CACHE_MAX; i++) {
		if (old && !was_asked(old, tl_arena_printf(s->arena, "p:%s", paths[i])))
			continue;
		tl_buf b = TL_BUF_INIT;
		tl_errors quiet = TL_ERRORS_INIT; /* binding warnings: the build reports them */
		if (tl_site_render(s->site, paths[i], &b, &quiet) == TL_OK) {
			struct entry *e = xcalloc(1, sizeof *e);
			entry_fill(e, b.data ? b.data : "", b.len, tl_site_content_type(paths[i]), s->lastmod,
				   "no-cache");
			tl_strmap_put(s->cache, tl_arena_printf(s->arena, "p:%s", paths[i]), e);
		}
		tl_errors_free(&quiet);
		tl_buf_free(&b);
	}
}

/* Load the store into a new snapshot and parse its site; the caller holds
 * db_lock (and may be inside a transaction: the snapshot then shows what
 * it is about to commit).  NULL, with the reason in errs, when the data
 * cannot make a report. */
static struct snap *snap_build(struct server *sv, tl_errors *errs)
{
	struct snap *s = xcalloc(1, sizeof *s);
	s->arena = tl_arena_new();
	int rc = tl_store_load(sv->st, s->arena, &s->m, errs);
	s->pub_id = tl_store_publication_latest(sv->st);
	if (!rc)
		rc = tl_site_open(s->m, sv->o->lang, &s->site, errs);
	if (!rc) /* the report's pages, served, link to the dashboard */
		tl_site_set_served(s->site, 1);
	if (rc) {
		tl_arena_free(s->arena);
		free(s);
		return NULL;
	}
	pthread_mutex_init(&s->lock, NULL);
	atomic_init(&s->refs, 1);
	s->cache = tl_strmap_new(s->arena);
	http_date(time(NULL), s->lastmod, sizeof s->lastmod);
	return s;
}

/* Render the new snapshot's pages and make it current (without db_lock:
 * the old snapshot answers meanwhile). */
static void snap_install(struct server *sv, struct snap *s)
{
	if (!s->pub_id) {
		pthread_mutex_lock(&sv->snap_lock);
		struct snap *old = sv->cur;
		if (old)
			atomic_fetch_add(&old->refs, 1);
		pthread_mutex_unlock(&sv->snap_lock);
		prerender(s, old);
		snap_release(old);
	}
	pthread_mutex_lock(&sv->snap_lock);
	struct snap *old = sv->cur;
	sv->cur = s;
	pthread_mutex_unlock(&sv->snap_lock);
	snap_release(old);
}

/* Load the store into a new snapshot and make it current.  On failure the
 * old snapshot stays (and the reason is in errs).  The change counter is
 * read before the load: a commit by another process that lands while the
 * snapshot is built then still counts as unseen, and the watcher loads
 * again.  Read after the load, it marked such a commit as seen without
 * its data (a PostgreSQL notification arriving mid-build), and the server
 * went on showing the old text until the next change. */
static int reload(struct server *sv, tl_errors *errs)
{
	pthread_mutex_lock(&sv->db_lock);
	int64_t dv = tl_store_data_version(sv->st);
	struct snap *s = snap_build(sv, errs);
	sv->data_version = dv;
	pthread_mutex_unlock(&sv->db_lock);
	if (!s)
		return tl_errors_failed(errs) ? TL_ERR_INPUT : TL_ERR_STORE;
	snap_install(sv, s);
	return TL_OK;
}

/* ---- Slow clients ---------------------------------------------------------
 * The idle timeout (--timeout) drops a client that stops sending, but one
 * that trickles a byte every few seconds (slow loris) would hold its thread
 * for ever, and with a thread per connection enough of them exhaust the
 * server.  So every connection gets a deadline, --request-time after it was
 * accepted.  Past it the watcher (once a second) cuts the connection's idle
 * allowance to one second: a client that keeps sending or reading at speed
 * (a large upload, a long answer) goes on; a slow one is closed within a
 * second or two.  A connection whose request is inside a handler (an import
 * that takes a while) is left alone until the handler returns.  Each
 * client address may hold at most --per-ip connections. */

struct conn {
	struct MHD_Connection *c;
	time_t deadline;
	atomic_int busy; /* a handler is running for it */
	int cut;         /* allowance already cut */
	struct conn *prev, *next;
};

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	struct server *sv = cls;
	pthread_mutex_lock(&sv->conn_mx);
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		struct conn *k = xcalloc(1, sizeof *k);
		k->c = c;
		k->deadline = time(NULL) + (time_t)sv->o->request_time;
		k->next = sv->conns;
		if (sv->conns)
			sv->conns->prev = k;
		sv->conns = k;
		*socket_context = k;
	} else if (*socket_context) {
		/* MHD frees the connection only after this returns, and the
		 * watcher touches it only while it is listed, under conn_mx. */
		struct conn *k = *socket_context;
		if (k->prev)
			k->prev->next = k->next;
		else
			sv->conns = k->next;
		if (k->next)
			k->next->prev = k->prev;
		free(k);
		*socket_context = NULL;
	}
	pthread_mutex_unlock(&sv->conn_mx);
}

static struct conn *conn_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci ? ci->socket_context : NULL;
}

static void cut_slow_connections(struct server *sv)
{
	time_t now = time(NULL);
	pthread_mutex_lock(&sv->conn_mx);
	for (struct conn *k = sv->conns; k; k = k->next)
		if (!k->cut && now >= k->deadline && !atomic_load(&k->busy)) {
			MHD_set_connection_option(k->c, MHD_CONNECTION_OPTION_TIMEOUT, 1u);
			k->cut = 1;
		}
	pthread_mutex_unlock(&sv->conn_mx);
}

/* Watch for commits by other processes (telling import, telling init). */
static void *watcher(void *arg)
{
	struct server *sv = arg;
	pthread_mutex_lock(&sv->stop_mx);
	while (!atomic_load(&sv->stopping)) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		pthread_cond_timedwait(&sv->stop_cv, &sv->stop_mx, &ts);
		if (atomic_load(&sv->stopping))
			break;
		pthread_mutex_unlock(&sv->stop_mx);
		cut_slow_connections(sv);
		pthread_mutex_lock(&sv->db_lock);
		int64_t dv = tl_store_data_version(sv->st);
		int changed = dv != sv->data_version;
		pthread_mutex_unlock(&sv->db_lock);
		if (changed) {
			pthread_mutex_lock(&sv->write_lock);
			tl_errors errs = TL_ERRORS_INIT;
			if (reload(sv, &errs)) {
				fprintf(stderr, "telling serve: the store changed but cannot be loaded; "
						"still serving the previous data:\n");
				tl_errors_print(&errs, stderr);
				pthread_mutex_lock(&sv->db_lock);
				sv->data_version = dv; /* do not retry until it changes again */
				pthread_mutex_unlock(&sv->db_lock);
			}
			tl_errors_free(&errs);
			pthread_mutex_unlock(&sv->write_lock);
		}
		pthread_mutex_lock(&sv->stop_mx);
	}
	pthread_mutex_unlock(&sv->stop_mx);
	return NULL;
}

/* ==== Requests =========================================================== */

enum { M_GET = 1, M_POST = 2 };

/* Who may use a route. */
enum {
	PUBLIC = 0,
	VIEWER = 1 << 0,
	PARTNER = 1 << 1,
	EDITOR = 1 << 2,
	ADMIN = 1 << 3,
	LOGGED_IN = VIEWER | PARTNER | EDITOR | ADMIN,
	EDITORS = EDITOR | ADMIN,
};

struct req {
	tl_arena *a;
	tl_buf body;
	size_t limit;
	int too_big;
	int method;
	time_t started;
};

struct ctx {
	struct server *sv;
	struct MHD_Connection *c;
	struct req *r;
	struct snap *snap;
	const char *url;
	const char *rest;     /* the url after the route's prefix */
	tl_arena *a;
	struct tl_user user;  /* id 0 = not logged in */
	const char *csrf;     /* the session's token */
	struct tl_form form;  /* the POST body */
	const char *cookies;  /* extra Set-Cookie headers, "\n"-separated (arena) */
	const char *route;    /* the matched route's path */
};

static int role_bit(const char *role)
{
	if (!role)
		return 0;
	if (!strcmp(role, "admin"))
		return ADMIN;
	if (!strcmp(role, "editor"))
		return EDITOR;
	if (!strcmp(role, "partner"))
		return PARTNER;
	if (!strcmp(role, "viewer"))
		return VIEWER;
	return 0;
}

static const char *header(struct ctx *x, const char *name)
{
	return MHD_lookup_connection_value(x->c, MHD_HEADER_KIND, name);
}

static int secure(struct ctx *x)
{
	const char *p = header(x, "X-Forwarded-Proto");
	return x->sv->o->secure_cookies || (p && !strcmp(p, "https"));
}

static void add_cookie(struct ctx *x, const char *name, const char *value, const char *path,
		       long max_age)
{
	char *c = tl_arena_printf(x->a, "%s=%s; Path=%s; Max-Age=%ld; HttpOnly; SameSite=Strict%s", name,
				  value, path, max_age, secure(x) ? "; Secure" : "");
	x->cookies = x->cookies ? tl_arena_printf(x->a, "%s\n%s", x->cookies, c) : c;
}

/* Queue a freshly built answer; takes the bytes of b. */
static enum MHD_Result send_buf(struct ctx *x, unsigned status, const char *ctype, tl_buf *b,
				const char *location)
{
	size_t len;
	char *data = tl_buf_detach(b, &len);
	struct MHD_Response *resp = MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
				x->user.id ? "private, no-store" : "no-cache");
	add_security_headers(resp);
	if (location)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, location);
	if (status == 429)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_RETRY_AFTER, "60");
	if (x->cookies) {
		const char *p = x->cookies;
		while (*p) {
			const char *e = strchr(p, '\n');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, tl_arena_strndup(x->a, p, n));
			p += n + (e ? 1 : 0);
		}
	}
	enum MHD_Result ok = MHD_queue_response(x->c, status, resp);
	MHD_destroy_response(resp);
	return ok;
}

static struct tl_page page_for(struct ctx *x, const char *title)
{
	struct tl_page p = {x->snap->m, x->sv->o->lang, title, NULL, "/", 0, 0};
	return p;
}

/* A page with a heading and one sentence, with its status. */
static enum MHD_Result send_message(struct ctx *x, unsigned status, const char *heading,
				    const char *text)
{
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, heading);
	tl_page_message(&b, &p, heading, text);
	return send_buf(x, status, "text/html; charset=utf-8", &b, NULL);
}

static const char *L(struct ctx *x, const char *nl, const char *en)
{
	return tl_word(x->sv->o->lang, nl, en);
}

static enum MHD_Result not_found(struct ctx *x)
{
	return send_message(x, 404, L(x, "Pagina niet gevonden", "Page not found"),
			    L(x, "Deze pagina bestaat niet (meer). Controleer het adres.",
			      "This page does not exist. Check the address."));
}

static enum MHD_Result forbidden(struct ctx *x)
{
	return send_message(x, 403, L(x, "Geen toegang", "Forbidden"),
			    L(x, "Uw account heeft geen toegang tot deze pagina.",
			      "Your account may not use this page."));
}

static enum MHD_Result redirect(struct ctx *x, const char *to)
{
	tl_buf b = TL_BUF_INIT;
	return send_buf(x, 303, "text/plain; charset=utf-8", &b, to);
}

/* Queue a cached entry, honouring If-None-Match and Accept-Encoding. */
static enum MHD_Result send_entry(struct ctx *x, const struct entry *e)
{
	const char *inm = header(x, MHD_HTTP_HEADER_IF_NONE_MATCH);
	if (inm && strstr(inm, e->etag))
		return MHD_queue_response(x->c, 304, e->not_modified);
	const char *ae = header(x, MHD_HTTP_HEADER_ACCEPT_ENCODING);
	if (e->gz && ae && strstr(ae, "gzip"))
		return MHD_queue_response(x->c, 200, e->gz);
	return MHD_queue_response(x->c, 200, e->plain);
}

/* Produces the bytes of an answer for the cache; returns 200, 404 or 400. */
typedef int (*producer)(struct ctx *x, const char *what, tl_buf *b, const char **ctype);

/* Look key up in the snapshot's cache, producing and caching it on a miss
 * (under the snapshot lock: rendering uses the model's arena).  Answers
 * other than 200 are sent but not cached. */
static enum MHD_Result cached(struct ctx *x, const char *key, const char *what, producer fn,
			      const char *cache_control)
{
	struct snap *s = x->snap;
	pthread_mutex_lock(&s->lock);
	int found = 0;
	struct entry *e = tl_strmap_get(s->cache, key, &found);
	if (found) {
		e->asked = 1;
		pthread_mutex_unlock(&s->lock);
		return send_entry(x, e);
	}
	tl_buf b = TL_BUF_INIT;
	const char *ctype = "text/html; charset=utf-8";
	int status = fn(x, what, &b, &ctype);
	if (status != 200) {
		pthread_mutex_unlock(&s->lock);
		if (status == 404 && !b.len) {
			tl_buf_free(&b);
			return not_found(x);
		}
		return send_buf(x, (unsigned)status, ctype, &b, NULL);
	}
	e = xcalloc(1, sizeof *e);
	entry_fill(e, b.data ? b.data : "", b.len, ctype, s->lastmod, cache_control);
	tl_buf_free(&b);
	if (tl_strmap_size(s->cache) < CACHE_MAX) {
		e->asked = 1;
		tl_strmap_put(s->cache, tl_arena_strdup(s->arena, key), e);
		pthread_mutex_unlock(&s->lock);
		return send_entry(x, e);
	}
	pthread_mutex_unlock(&s->lock);
	enum MHD_Result ok = send_entry(x, e);
	entry_free(e);
	free(e);
	return ok;
}

/* ---- Public pages, drafts, assets --------------------------------------- */

static int produce_live(struct ctx *x, const char *path, tl_buf *b, const char **ctype)
{
	tl_errors quiet = TL_ERRORS_INIT; /* binding warnings: the build reports them */
	int rc = tl_site_render(x->snap->site, path, b, &quiet);
	tl_errors_free(&quiet);
	*ctype = tl_site_content_type(path);
	return rc == TL_ERR_NOTFOUND ? 404 : 200;
}

static int produce_published(struct ctx *x, const char *path, tl_buf *b, const char **ctype)
{
	char *data;
	size_t len;
	pthread_mutex_lock(&x->sv->db_lock);
	int rc = tl_store_publication_get(x->sv->st, x->snap->pub_id, path, x->a, &data, &len);
	pthread_mutex_unlock(&x->sv->db_lock);
	*ctype = tl_site_content_type(path);
	if (rc)
		return 404;
	tl_buf_put(b, data, len);
	return 200;
}

static enum MHD_Result send_asset(struct ctx *x, const char *name)
{
	for (int i = 0; i < 2; i++)
		if (!strcmp(name, asset_names[i]) && x->sv->assets[i].plain)
			return send_entry(x, &x->sv->assets[i]);
	return not_found(x);
}

static const char *site_path(const char *rest)
{
	return *rest ? rest : "index.html";
}

static enum MHD_Result h_public(struct ctx *x)
{
	const char *path = site_path(x->rest);
	if (!strncmp(path, "assets/", 7))
		return send_asset(x, path + 7);
	const char *key = tl_arena_printf(x->a, "p:%s", path);
	if (x->snap->pub_id)
		return cached(x, key, path, produce_published, "no-cache");
	return cached(x, key, path, produce_live, "no-cache");
}

static enum MHD_Result h_concept(struct ctx *x)
{
	const char *path = site_path(x->rest);
	if (!strncmp(path, "assets/", 7))
		return send_asset(x, path + 7);
	return cached(x, tl_arena_printf(x->a, "c:%s", path), path, produce_live, "private, no-cache");
}

/* ---- API ---------------------------------------------------------------- */

struct qcollect {
	tl_arena *a;
	struct tl_form *q;
	tl_buf *key;
	int bad;
};

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				   const char *value)
{
	(void)kind;
	struct qcollect *qc = cls;
	if (!value)
		value = "";
	if (qc->q->n == TL_FORM_MAX_FIELDS || !tl_text_valid(key, strlen(key)) ||
	    !tl_text_valid(value, strlen(value))) {
		qc->bad = 1;
		return MHD_NO;
	}
	struct tl_field *f = &qc->q->f[qc->q->n++];
	f->key = tl_arena_strdup(qc->a, key);
	f->val = tl_arena_strdup(qc->a, value);
	f->len = strlen(value);
	tl_buf_printf(qc->key, "&%s=%s", key, value);
	return MHD_YES;
}

static int produce_api(struct ctx *x, const char *what, tl_buf *b, const char **ctype)
{
	return tl_api_answer(x->snap->m, what, &x->form, x->a, b, ctype);
}

static enum MHD_Result h_api(struct ctx *x)
{
	tl_buf key = TL_BUF_INIT;
	tl_buf_printf(&key, "a:%s?", x->rest);
	x->form.f = TL_NEW_ARRAY(x->a, struct tl_field, TL_FORM_MAX_FIELDS);
	x->form.n = 0;
	struct qcollect qc = {x->a, &x->form, &key, 0};
	MHD_get_connection_values(x->c, MHD_GET_ARGUMENT_KIND, collect_arg, &qc);
	if (qc.bad) {
		tl_buf_free(&key);
		tl_buf b = TL_BUF_INIT;
		tl_buf_puts(&b, "{\"error\":\"query parameters must be UTF-8 text, at most 256\",\"parameter\":null}\n");
		return send_buf(x, 400, "application/json", &b, NULL);
	}
	enum MHD_Result ok = cached(x, key.data, x->rest, produce_api, "no-cache");
	tl_buf_free(&key);
	return ok;
}

/* ---- Dashboard: explorer, compare, search ------------------------------- */

/* The query string, checked into q: known slugs and codes only, years in
 * range, at most TL_DASH_MAX_REGIONS regions; every refusal in errs naming
 * the parameter. */
static long parse_year(const char *s);

static int dash_query(struct ctx *x, struct tl_dash_query *q, tl_errors *errs)
{
	const struct tl_model *m = x->snap->m;
	memset(q, 0, sizeof *q);
	x->form.f = TL_NEW_ARRAY(x->a, struct tl_field, TL_FORM_MAX_FIELDS);
	x->form.n = 0;
	tl_buf raw = TL_BUF_INIT;
	struct qcollect qc = {x->a, &x->form, &raw, 0};
	MHD_get_connection_values(x->c, MHD_GET_ARGUMENT_KIND, collect_arg, &qc);
	tl_buf_free(&raw);
	if (qc.bad) {
		tl_errors_add(errs, NULL, 0, 0, NULL, "%s",
			      L(x, "de vraag bevat tekens die geen tekst zijn, of te veel delen",
				"the query holds bytes that are not text, or too many parts"));
		return -1;
	}
	for (size_t i = 0; i < x->form.n; i++) {
		const char *k = x->form.f[i].key, *v = x->form.f[i].val;
		if (!*v)
			continue;
		if (!strcmp(k, "thema")) {
			if (tl_model_theme(m, v))
				q->theme = v;
			else
				tl_errors_add(errs, NULL, 0, 0, "thema", "%s \"%s\"", L(x, "onbekend thema", "unknown theme"), v);
		} else if (!strcmp(k, "indicator")) {
			if (tl_model_indicator(m, v))
				q->indicator = v;
			else
				tl_errors_add(errs, NULL, 0, 0, "indicator", "%s \"%s\"",
					      L(x, "onbekende indicator", "unknown indicator"), v);
		} else if (!strcmp(k, "regio") || !strcmp(k, "links") || !strcmp(k, "rechts")) {
			if (!tl_model_region(m, v)) {
				tl_errors_add(errs, NULL, 0, 0, k, "%s \"%s\"", L(x, "onbekende regio", "unknown region"), v);
			} else if (!strcmp(k, "links")) {
				q->left = v;
			} else if (!strcmp(k, "rechts")) {
				q->right = v;
			} else if (q->n_regions == TL_DASH_MAX_REGIONS) {
				tl_errors_add(errs, NULL, 0, 0, k, "%s %d %s", L(x, "hoogstens", "at most"),
					      TL_DASH_MAX_REGIONS, L(x, "regio's tegelijk", "regions at a time"));
			} else {
				q->regions[q->n_regions++] = v;
			}
		} else if (!strcmp(k, "van") || !strcmp(k, "tot") || !strcmp(k, "jaar_links") ||
			   !strcmp(k, "jaar_rechts")) {
			long y = parse_year(v);
			if (y < 0)
				tl_errors_add(errs, NULL, 0, 0, k, "%s", L(x, "een jaartal, zoals 2024", "a year, such as 2024"));
			else if (!strcmp(k, "van"))
				q->from = (int)y;
			else if (!strcmp(k, "tot"))
				q->to = (int)y;
			else if (!strcmp(k, "jaar_links"))
				q->left_year = (int)y;
			else
				q->right_year = (int)y;
		} else if (!strcmp(k, "q")) {
			if (strlen(v) > TL_DASH_MAX_QUERY)
				tl_errors_add(errs, NULL, 0, 0, "q", "%s %d %s", L(x, "hoogstens", "at most"), TL_DASH_MAX_QUERY,
					      L(x, "tekens", "characters"));
			else
				q->q = v;
		}
		/* Other parameters are ignored, as a browser's form may add some. */
	}
	return tl_errors_failed(errs) ? -1 : 0;
}

/* The three pages are rendered per request from the snapshot's model,
 * without its lock and without the cache: they allocate nothing in the
 * model's arena (render/pages_dash.h), and caching arbitrary queries would
 * let anyone fill the memory. */
/* Does the publication in effect have this page? (tl_dash_query.in_report) */
static int in_publication(void *ctx, const char *path)
{
	struct ctx *x = ctx;
	pthread_mutex_lock(&x->sv->db_lock);
	int has = tl_store_publication_has(x->sv->st, x->snap->pub_id, path);
	pthread_mutex_unlock(&x->sv->db_lock);
	return has;
}

static enum MHD_Result h_dash(struct ctx *x)
{
	struct tl_dash_query q;
	tl_errors errs = TL_ERRORS_INIT;
	int bad = dash_query(x, &q, &errs) != 0;
	if (x->snap->pub_id) { /* the current data, said so; links only into the published report */
		pthread_mutex_lock(&x->sv->db_lock);
		if (tl_store_publication_at(x->sv->st, x->snap->pub_id, x->a, &q.published_at) == TL_OK) {
			q.in_report = in_publication;
			q.in_report_ctx = x;
		}
		pthread_mutex_unlock(&x->sv->db_lock);
	}
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, "");
	if (!strcmp(x->url, "/verkennen")) {
		p.title = L(x, "Cijfers verkennen", "Explore figures");
		tl_page_explore(&b, &p, &q, &errs);
	} else if (!strcmp(x->url, "/vergelijken")) {
		p.title = L(x, "Vergelijken", "Compare");
		tl_page_compare(&b, &p, &q, &errs);
	} else {
		p.title = L(x, "Zoeken", "Search");
		tl_page_search(&b, &p, &q, &errs);
	}
	tl_errors_free(&errs);
	return send_buf(x, bad ? 400 : 200, "text/html; charset=utf-8", &b, NULL);
}

/* ---- Login and sessions ------------------------------------------------- */

static int64_t now_s(void)
{
	return (int64_t)time(NULL);
}

static const char *client_addr(struct ctx *x)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(x->c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	char buf[INET6_ADDRSTRLEN] = "?";
	if (ci && ci->client_addr) {
		const struct sockaddr *sa = ci->client_addr;
		if (sa->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, buf, sizeof buf);
		else if (sa->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, buf,
				  sizeof buf);
	}
	return tl_arena_strdup(x->a, buf);
}

/* Fill x->user and x->csrf from the session cookie, if any. */
static void load_session(struct ctx *x)
{
	const char *tok = tl_cookie_get(header(x, MHD_HTTP_HEADER_COOKIE), "tl_session", x->a);
	if (!tok || strlen(tok) != 64)
		return;
	char h[TL_TOKEN_HEX];
	tl_auth_token_hash(tok, h);
	pthread_mutex_lock(&x->sv->db_lock);
	if (tl_store_session_get(x->sv->st, h, now_s(), x->a, &x->user, &x->csrf))
		memset(&x->user, 0, sizeof x->user);
	pthread_mutex_unlock(&x->sv->db_lock);
}

static enum MHD_Result login_page(struct ctx *x, unsigned status, const char *name, const char *error)
{
	char csrf[TL_TOKEN_HEX];
	tl_auth_token(csrf);
	add_cookie(x, "tl_login", csrf, "/inloggen", 3600);
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, L(x, "Inloggen", "Log in"));
	tl_page_login(&b, &p, csrf, name, error);
	return send_buf(x, status, "text/html; charset=utf-8", &b, NULL);
}

static enum MHD_Result h_login_form(struct ctx *x)
{
	load_session(x);
	if (x->user.id)
		return redirect(x, "/beheer");
	return login_page(x, 200, NULL, NULL);
}

static enum MHD_Result h_login(struct ctx *x)
{
	const char *name = tl_form_get(&x->form, "name");
	const char *pw = tl_form_get(&x->form, "password");
	const char *token = tl_form_get(&x->form, "csrf");
	const char *cookie = tl_cookie_get(header(x, MHD_HTTP_HEADER_COOKIE), "tl_login", x->a);
	if (!token || !cookie || !tl_auth_token_eq(token, cookie))
		return send_message(x, 403, L(x, "Formulier verlopen", "Form expired"),
				    L(x, "Het formulier is verlopen of niet van deze site. Laad de inlogpagina opnieuw.",
				      "The form expired or did not come from this site. Reload the login page."));
	if (!name || !pw || !*name || strlen(name) > 64 || strlen(pw) > 1024)
		return login_page(x, 400, name && strlen(name) <= 64 ? name : NULL,
				  L(x, "Vul uw gebruikersnaam en wachtwoord in.", "Enter your user name and password."));
	const char *kip = tl_arena_printf(x->a, "ip:%s", client_addr(x));
	const char *kname = tl_arena_printf(x->a, "name:%s", name);
	int64_t now = now_s();
	if (tl_ratelimit_wait(kip, now) || tl_ratelimit_wait(kname, now))
		return send_message(x, 429, L(x, "Te veel pogingen", "Too many attempts"),
				    L(x, "Te veel mislukte inlogpogingen. Probeer het over enkele minuten opnieuw.",
				      "Too many failed logins. Try again in a few minutes."));
	struct tl_user u = {0};
	const char *hash = NULL;
	pthread_mutex_lock(&x->sv->db_lock);
	int rc = tl_store_user_get(x->sv->st, name, x->a, &u, &hash);
	pthread_mutex_unlock(&x->sv->db_lock);
	int ok = 0;
	if (rc == TL_OK)
		ok = tl_auth_verify(hash, pw);
	else
		tl_auth_verify_dummy(pw);
	if (!ok) {
		tl_ratelimit_fail(kip, now);
		tl_ratelimit_fail(kname, now);
		return login_page(x, 401, name,
				  L(x, "Onjuiste gebruikersnaam of wachtwoord.", "Wrong user name or password."));
	}
	char tok[TL_TOKEN_HEX], th[TL_TOKEN_HEX], csrf[TL_TOKEN_HEX];
	tl_auth_token(tok);
	tl_auth_token(csrf);
	tl_auth_token_hash(tok, th);
	tl_errors errs = TL_ERRORS_INIT;
	pthread_mutex_lock(&x->sv->db_lock);
	rc = tl_store_session_put(x->sv->st, th, u.id, csrf, now + SESSION_SECONDS, now, &errs);
	pthread_mutex_unlock(&x->sv->db_lock);
	tl_errors_print(&errs, stderr);
	tl_errors_free(&errs);
	if (rc)
		return send_message(x, 503, L(x, "Even niet beschikbaar", "Unavailable"),
				    L(x, "De sessie kon niet worden opgeslagen. Probeer het opnieuw.",
				      "The session could not be stored. Try again."));
	tl_ratelimit_reset(kname);
	add_cookie(x, "tl_session", tok, "/", SESSION_SECONDS);
	add_cookie(x, "tl_login", "", "/inloggen", 0);
	return redirect(x, "/beheer");
}

static enum MHD_Result h_logout(struct ctx *x)
{
	const char *tok = tl_cookie_get(header(x, MHD_HTTP_HEADER_COOKIE), "tl_session", x->a);
	if (tok) {
		char h[TL_TOKEN_HEX];
		tl_auth_token_hash(tok, h);
		pthread_mutex_lock(&x->sv->db_lock);
		tl_store_session_delete(x->sv->st, h);
		pthread_mutex_unlock(&x->sv->db_lock);
	}
	add_cookie(x, "tl_session", "", "/", 0);
	memset(&x->user, 0, sizeof x->user);
	return redirect(x, "/");
}

/* ---- Editor ------------------------------------------------------------- */

static enum MHD_Result h_admin(struct ctx *x)
{
	const char *note = NULL;
	const char *q = MHD_lookup_connection_value(x->c, MHD_GET_ARGUMENT_KIND, "klaar");
	if (q && !strcmp(q, "publicatie"))
		note = L(x, "Het concept is gepubliceerd.", "The draft has been published.");
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, L(x, "Beheer", "Editor"));
	tl_page_admin(&b, &p, &x->user, x->csrf, note);
	return send_buf(x, 200, "text/html; charset=utf-8", &b, NULL);
}

/* ---- Version-checked edits and deletes ----------------------------------
 * An edit form carries the version its item was read at.  run_edit() reads
 * the item again inside the write transaction; if its version moved on the
 * answer is a 409 page with both versions and the sender's values in a form
 * (nothing typed is lost), otherwise the store writes it with the same
 * version check in its statement, plus an audit row with before and after. */

/* The version a form was loaded at; -1 when absent or not a number. */
static int64_t form_version(struct ctx *x)
{
	const char *v = tl_form_get(&x->form, "version");
	if (!v || !*v || strlen(v) > 18 || strspn(v, "0123456789") != strlen(v))
		return -1;
	return (int64_t)strtoll(v, NULL, 10);
}

static enum MHD_Result missing_version(struct ctx *x)
{
	return send_message(x, 400, L(x, "Onvolledig formulier", "Incomplete form"),
			    L(x, "Het formulier mist de versie waarop het is geopend. Open de pagina opnieuw.",
			      "The form lacks the version it was opened at. Open the page again."));
}

enum { EDIT_FORBIDDEN = 1 }; /* positive: not an error of the store */

struct entity;

/* An item keyed by a parent's slug and a position there (grants, progress
 * entries), or by a position alone (next steps). */
struct keyed {
	const char *key;
	int pos;
};

struct edit {
	const struct entity *ent;           /* the kind of item (report content), or NULL */
	struct keyed k;                     /* its key, when keyed by position */
	const char *title;                  /* what the heading names after the action, or NULL */
	const char *entity, *key;           /* for the audit trail */
	int deleting;
	int adding;                         /* a new item (no stored one to compare) */
	int64_t version;                    /* the form's */
	const struct tl_form_field *fields; /* what the item's form shows */
	size_t nf;
	const char *const *mine;            /* the sent values, per field */
	const void *item;                   /* the new item (saves) */
	/* Read the stored item: fill theirs, their_version and before; may
	 * return TL_ERR_NOTFOUND or EDIT_FORBIDDEN. */
	int (*get)(struct ctx *x, tl_store *st, struct edit *e);
	/* Update or delete, checking e->version again in the statement. */
	int (*put)(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs);
	/* Read the saved item back as get does, for the audit trail's "after"
	 * (report content); NULL: the form's values are the "after" (chapters
	 * are stored as sent; an account's password shows as "changed"). */
	int (*reread)(struct ctx *x, tl_store *st, struct edit *e);
	const char **theirs;                /* filled by get: the stored values, per field */
	int64_t their_version;
	const void *stored;                 /* stories, instruments: get's copy of the stored item */
	int partner_keep;                   /* story: a partner keeps the stored publish flag */
};

static json_t *people_json(const char *rows);

/* JSON text of an item's values, field by field (NULL or "" = null). */
static json_t *values_obj(const struct tl_form_field *f, size_t nf, const char *const *v)
{
	json_t *o = json_object();
	for (size_t i = 0; i < nf; i++) {
		int given = v && v[i] && *v[i];
		if (f[i].kind == TL_FIELD_PASSWORD) /* never the password itself */
			json_object_set_new(o, f[i].name, given ? json_string("changed") : json_null());
		else if (f[i].kind == TL_FIELD_PEOPLE)
			json_object_set_new(o, f[i].name, people_json(given ? v[i] : ""));
		else
			json_object_set_new(o, f[i].name, given ? json_string(v[i]) : json_null());
	}
	return o;
}

static const char *values_json(struct ctx *x, const struct tl_form_field *f, size_t nf,
			       const char *const *v)
{
	json_t *o = values_obj(f, nf, v);
	char *t = json_dumps(o, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(o);
	const char *r = tl_arena_strdup(x->a, t ? t : "null");
	free(t);
	return r;
}

/* The end of every write from a form (an edit, a delete, an add), called
 * with write_lock and db_lock held inside the transaction; rc says whether
 * its writes succeeded.  The changed data is loaded into the next snapshot
 * before the commit: data that leaves no report is rolled back with the
 * reason (TL_ERR_INPUT), so the store never holds what the server cannot
 * serve.  Releases db_lock; on success the new snapshot is current. */
static int check_commit(struct server *sv, int rc, tl_errors *errs)
{
	struct snap *next = NULL;
	if (!rc && !(next = snap_build(sv, errs)))
		rc = TL_ERR_INPUT;
	if (!rc)
		rc = tl_store_commit(sv->st, errs);
	else
		tl_store_rollback(sv->st);
	pthread_mutex_unlock(&sv->db_lock);
	if (!rc)
		snap_install(sv, next);
	else if (next)
		snap_release(next);
	return rc;
}

/* The audit trail's "after" of a saved item: read back through e->reread
 * when set, so it is the stored value formatted as "before" is (12500,5, not
 * the form's 12500,50; a partner's kept fields as kept); else the form's
 * values.  A delete has none. */
static int audit_after(struct ctx *x, tl_store *st, const struct edit *e, const char *const **after)
{
	*after = e->deleting ? NULL : e->mine;
	if (e->deleting || !e->reread)
		return TL_OK;
	struct edit back = *e;
	int rc = e->reread(x, st, &back);
	if (!rc)
		*after = back.theirs;
	return rc;
}

/* Read, compare versions, write and audit in one transaction.  Before it
 * commits, the changed data is loaded into the next snapshot: a change that
 * leaves no report (a story a chapter still shows, deleted) is rolled back
 * with the reason (TL_ERR_INPUT), so the store never holds what the server
 * cannot serve. */
static int run_edit(struct ctx *x, struct edit *e, tl_errors *errs)
{
	tl_store *st = x->sv->st;
	pthread_mutex_lock(&x->sv->write_lock);
	pthread_mutex_lock(&x->sv->db_lock);
	int rc = tl_store_begin(st, errs);
	if (!rc) {
		rc = e->get(x, st, e);
		if (!rc && e->their_version != e->version)
			rc = TL_ERR_CONFLICT;
		if (!rc)
			rc = e->put(x, st, e, errs);
		const char *const *after = NULL;
		if (!rc)
			rc = audit_after(x, st, e, &after);
		if (!rc)
			rc = tl_store_audit_add(st, x->user.name, e->adding ? "add" : e->deleting ? "delete" : "edit",
						e->entity, e->key,
						e->adding ? NULL : values_json(x, e->fields, e->nf, e->theirs),
						after ? values_json(x, e->fields, e->nf, after) : NULL, errs);
		rc = check_commit(x->sv, rc, errs);
	} else {
		pthread_mutex_unlock(&x->sv->db_lock);
	}
	pthread_mutex_unlock(&x->sv->write_lock);
	return rc;
}

/* Run an edit and answer: back to done on success, 409 with both versions,
 * 404 (with the sent values) when the item is gone, 403, or 500. */
static enum MHD_Result finish_edit(struct ctx *x, struct edit *e, const char *heading,
				   const char *back, const char *action, const char *done_url)
{
	tl_errors errs = TL_ERRORS_INIT;
	int rc = run_edit(x, e, &errs);
	if (rc == TL_OK) {
		tl_errors_free(&errs);
		return redirect(x, done_url);
	}
	if (rc == EDIT_FORBIDDEN) {
		tl_errors_free(&errs);
		return forbidden(x);
	}
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, heading);
	unsigned status = 500;
	if (rc == TL_ERR_CONFLICT) {
		status = 409;
		tl_page_conflict(&b, &p, x->csrf, heading, back, action, e->deleting ? 1 : 0, e->fields, e->nf,
				 e->mine, e->theirs, e->their_version);
	} else if (rc == TL_ERR_NOTFOUND) {
		status = 404;
		tl_page_conflict(&b, &p, x->csrf, heading, back, action, 2, e->fields, e->nf, e->mine, NULL, 0);
	} else if (rc == TL_ERR_INPUT) {
		status = 422;
		tl_page_item_edit(&b, &p, x->csrf, heading, back, action, e->fields, e->nf,
				  e->deleting ? e->theirs : e->mine, e->version, &errs, 1);
	} else {
		tl_page_message(&b, &p, L(x, "Niet opgeslagen", "Not saved"),
				L(x, "De wijziging kon niet worden opgeslagen; er is niets veranderd.",
				  "The change could not be stored; nothing changed."));
		tl_errors_print(&errs, stderr);
	}
	tl_errors_free(&errs);
	return send_buf(x, status, "text/html; charset=utf-8", &b, NULL);
}

static int get_chapter(struct ctx *x, tl_store *st, struct edit *e)
{
	const char *md = NULL;
	int rc = tl_store_chapter_get(st, e->key, x->a, &md, &e->their_version);
	if (rc)
		return rc;
	e->theirs = TL_NEW_ARRAY(x->a, const char *, 2);
	e->theirs[0] = md;
	return TL_OK;
}

static int put_chapter(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs)
{
	(void)x;
	int64_t nv;
	return tl_store_chapter_update(st, e->key, e->mine[0], e->version, &nv, errs);
}

static const struct tl_chapter *find_chapter(const struct tl_model *m, const char *slug)
{
	for (size_t i = 0; i < m->n_chapters; i++)
		if (!strcmp(m->chapters[i].slug, slug))
			return &m->chapters[i];
	return NULL;
}

static enum MHD_Result h_chapter_form(struct ctx *x)
{
	const struct tl_chapter *c = find_chapter(x->snap->m, x->rest);
	if (!c)
		return not_found(x);
	const char *md = c->markdown;
	int64_t version = 0;
	pthread_mutex_lock(&x->sv->db_lock);
	tl_store_chapter_get(x->sv->st, c->slug, x->a, &md, &version);
	pthread_mutex_unlock(&x->sv->db_lock);
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, tl_chapter_title(x->snap->m, c));
	tl_page_chapter_edit(&b, &p, x->csrf, c, md, version, NULL, NULL);
	return send_buf(x, 200, "text/html; charset=utf-8", &b, NULL);
}

/* JSON text of v (consumed), in the arena. */
static const char *json_text(tl_arena *a, json_t *v)
{
	char *s = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(v);
	const char *r = tl_arena_strdup(a, s ? s : "null");
	free(s);
	return r;
}

static enum MHD_Result h_chapter_save(struct ctx *x)
{
	const struct tl_chapter *c = find_chapter(x->snap->m, x->rest);
	if (!c)
		return not_found(x);
	const char *md = tl_form_get(&x->form, "markdown");
	const char *action = tl_form_get(&x->form, "action");
	if (!md)
		return send_message(x, 400, L(x, "Onvolledig formulier", "Incomplete form"),
				    L(x, "Het veld markdown ontbreekt.", "The field markdown is missing."));
	int preview = action && !strcmp(action, "preview");
	int64_t version = form_version(x);
	if (!preview && version < 0)
		return missing_version(x);
	struct tl_chapter edited = *c;
	edited.markdown = md;
	edited.path = tl_arena_printf(x->a, "%s.md", c->slug);
	tl_errors errs = TL_ERRORS_INIT;
	struct tl_block *blocks;
	size_t nb;
	struct tl_page p = page_for(x, tl_chapter_title(x->snap->m, c));
	tl_buf b = TL_BUF_INIT;
	/* Check the text against the agenda; the page, with its figures, is
	 * rendered from the model, so under the snapshot's lock. */
	pthread_mutex_lock(&x->snap->lock);
	int bad = tl_chapter_parse(&edited, x->snap->m, x->snap->arena, &blocks, &nb, &errs) != TL_OK;
	tl_buf pv = TL_BUF_INIT;
	if (!bad && preview) {
		struct tl_page pp = p;
		pp.root = "";
		tl_errors quiet = TL_ERRORS_INIT;
		tl_chapter_body(&pv, &pp, &edited, blocks, nb, 2, &quiet);
		tl_errors_free(&quiet);
	}
	pthread_mutex_unlock(&x->snap->lock);
	if (bad || preview) {
		tl_page_chapter_edit(&b, &p, x->csrf, c, md, version < 0 ? 0 : version, bad ? &errs : NULL,
				     preview && !bad ? &pv : NULL);
		tl_buf_free(&pv);
		tl_errors_free(&errs);
		return send_buf(x, bad ? 422 : 200, "text/html; charset=utf-8", &b, NULL);
	}
	tl_buf_free(&pv);
	tl_buf_free(&b);

	/* Save the text and its audit row in one transaction, if the chapter
	 * is still at the version the form was loaded at. */
	struct tl_form_field *f = TL_NEW_ARRAY(x->a, struct tl_form_field, 1);
	f[0] = (struct tl_form_field){"markdown", L(x, "Tekst (Markdown)", "Text (Markdown)"), TL_FIELD_TEXTAREA, NULL, 1};
	const char **mine = TL_NEW_ARRAY(x->a, const char *, 2);
	mine[0] = md;
	struct edit e = {0};
	e.entity = "chapter";
	e.key = c->slug;
	e.version = version;
	e.fields = f;
	e.nf = 1;
	e.mine = mine;
	e.get = get_chapter;
	e.put = put_chapter;
	return finish_edit(x, &e, tl_chapter_title(x->snap->m, c), "/beheer",
			   tl_arena_printf(x->a, "/beheer/hoofdstuk/%s", c->slug),
			   tl_arena_printf(x->a, "/beheer/hoofdstuk/%s", c->slug));
}

static enum MHD_Result h_import_form(struct ctx *x)
{
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, L(x, "Importeren", "Import"));
	tl_page_import(&b, &p, x->csrf, NULL, NULL);
	return send_buf(x, 200, "text/html; charset=utf-8", &b, NULL);
}

/* A file name safe to create in our temporary directory, keeping the
 * extension and as much of the name as is plain. */
static char *safe_name(tl_arena *a, const char *name)
{
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *bs = strrchr(base, '\\');
	base = bs ? bs + 1 : base;
	size_t n = strlen(base);
	if (n > 100)
		base += n - 100;
	char *out = tl_arena_strdup(a, *base ? base : "upload");
	for (char *p = out; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		      *p == '.' || *p == '-' || *p == '_'))
			*p = '_';
	if (out[0] == '.')
		out[0] = '_';
	return out;
}

/* Messages name the temporary file; show the uploaded name instead. */
static void rename_in_errors(tl_errors *errs, const char *tmp, const char *shown)
{
	size_t tn = strlen(tmp);
	for (size_t i = 0; i < errs->n; i++) {
		char *f = errs->items[i].file;
		if (f && !strncmp(f, tmp, tn)) {
			errs->items[i].file = xstrdup(shown);
			free(f);
		}
	}
}

static enum MHD_Result h_import(struct ctx *x)
{
	const struct tl_field *file = tl_form_field(&x->form, "file");
	struct tl_page p = page_for(x, L(x, "Importeren", "Import"));
	tl_buf b = TL_BUF_INIT;
	tl_errors errs = TL_ERRORS_INIT;
	if (!file || !file->filename || !file->len) {
		tl_errors_add(&errs, NULL, 0, 0, "file", "%s",
			      L(x, "kies een bestand om te importeren", "choose a file to import"));
		tl_page_import(&b, &p, x->csrf, &errs, NULL);
		tl_errors_free(&errs);
		return send_buf(x, 400, "text/html; charset=utf-8", &b, NULL);
	}
	char dir[] = "/tmp/telling-upload-XXXXXX";
	if (!mkdtemp(dir)) {
		tl_errors_free(&errs);
		return send_message(x, 500, L(x, "Serverfout", "Server error"),
				    L(x, "Het bestand kon niet tijdelijk worden opgeslagen.",
				      "The file could not be stored for import."));
	}
	const char *shown = safe_name(x->a, file->filename);
	char *path = tl_arena_printf(x->a, "%s/%s", dir, shown);
	int rc = tl_file_write(path, file->val, file->len, &errs);

	/* Its own connection: the import may take a while, and pages, logins
	 * and other reads go on meanwhile (WAL). */
	pthread_mutex_lock(&x->sv->write_lock);
	tl_store *st = NULL;
	struct tl_path_stats stats = {0};
	if (!rc)
		rc = tl_store_open(&st, x->sv->o->db, &errs);
	if (!rc) {
		tl_arena *fa = tl_arena_new();
		struct tl_model *fm;
		struct tl_import_opts io = {0};
		rc = tl_store_load_framework(st, fa, &fm, &errs);
		if (!rc)
			rc = tl_store_begin(st, &errs);
		if (!rc) {
			rc = tl_import_path(st, fm, path, &io, &stats, &errs);
			if (!rc) {
				json_t *after = json_object();
				json_object_set_new(after, "file", json_string(shown));
				json_object_set_new(after, "observations", json_integer(stats.observations));
				json_object_set_new(after, "rows", json_integer(stats.rows));
				rc = tl_store_audit_add(st, x->user.name, "import", "observations", shown, NULL,
							json_text(x->a, after), &errs);
			}
			if (!rc)
				rc = tl_store_commit(st, &errs);
			else
				tl_store_rollback(st);
		}
		tl_arena_free(fa);
		tl_store_close(st);
	}
	unlink(path);
	rmdir(dir);
	if (!rc)
		rc = reload(x->sv, &errs);
	pthread_mutex_unlock(&x->sv->write_lock);
	rename_in_errors(&errs, dir, shown);
	if (rc || tl_errors_failed(&errs)) {
		if (!tl_errors_failed(&errs))
			tl_errors_add(&errs, shown, 0, 0, NULL, "import failed");
		tl_page_import(&b, &p, x->csrf, &errs, NULL);
		tl_errors_free(&errs);
		return send_buf(x, 422, "text/html; charset=utf-8", &b, NULL);
	}
	char *result = tl_arena_printf(x->a, "%s: %ld %s", shown, stats.observations,
				       L(x, "waarnemingen geïmporteerd.", "observations imported."));
	tl_page_import(&b, &p, x->csrf, errs.n ? &errs : NULL, result);
	tl_errors_free(&errs);
	return send_buf(x, 200, "text/html; charset=utf-8", &b, NULL);
}

/* Freeze every page and download of the live report into a publication,
 * with a digest of all of it: the same data gives the same digest. */
static enum MHD_Result h_publish(struct ctx *x)
{
	const char *note = tl_form_get(&x->form, "note");
	if (note && strlen(note) > 200)
		return send_message(x, 400, L(x, "Te lange toelichting", "Note too long"),
				    L(x, "De toelichting mag hoogstens 200 tekens zijn.",
				      "The note may be at most 200 characters."));
	pthread_mutex_lock(&x->sv->write_lock);
	struct snap *s = snap_get(x->sv);
	const char *const *paths;
	size_t np = tl_site_paths(s->site, &paths);
	tl_buf *bufs = xcalloc(np, sizeof *bufs);
	crypto_generichash_state hs;
	crypto_generichash_init(&hs, NULL, 0, 32);
	pthread_mutex_lock(&s->lock);
	for (size_t i = 0; i < np; i++) {
		tl_errors quiet = TL_ERRORS_INIT;
		tl_site_render(s->site, paths[i], &bufs[i], &quiet);
		tl_errors_free(&quiet);
		crypto_generichash_update(&hs, (const unsigned char *)paths[i], strlen(paths[i]) + 1);
		crypto_generichash_update(&hs, (const unsigned char *)(bufs[i].data ? bufs[i].data : ""),
					  bufs[i].len);
	}
	pthread_mutex_unlock(&s->lock);
	unsigned char h[32];
	char digest[65];
	crypto_generichash_final(&hs, h, sizeof h);
	sodium_bin2hex(digest, sizeof digest, h, sizeof h);

	tl_errors errs = TL_ERRORS_INIT;
	int64_t id = 0;
	pthread_mutex_lock(&x->sv->db_lock);
	int rc = tl_store_begin(x->sv->st, &errs);
	if (!rc) {
		rc = tl_store_publication_begin(x->sv->st, x->user.name, note, digest, &id, &errs);
		for (size_t i = 0; !rc && i < np; i++)
			rc = tl_store_publication_put(x->sv->st, id, paths[i], bufs[i].data, bufs[i].len, &errs);
		if (!rc) {
			json_t *after = json_object();
			json_object_set_new(after, "digest", json_string(digest));
			json_object_set_new(after, "files", json_integer((json_int_t)np));
			json_object_set_new(after, "note", note ? json_string(note) : json_null());
			rc = tl_store_audit_add(x->sv->st, x->user.name, "publish", "report",
						tl_arena_printf(x->a, "%lld", (long long)id), NULL,
						json_text(x->a, after), &errs);
		}
		if (!rc)
			rc = tl_store_commit(x->sv->st, &errs);
		else
			tl_store_rollback(x->sv->st);
	}
	pthread_mutex_unlock(&x->sv->db_lock);
	for (size_t i = 0; i < np; i++)
		tl_buf_free(&bufs[i]);
	free(bufs);
	snap_release(s);
	if (!rc)
		rc = reload(x->sv, &errs);
	pthread_mutex_unlock(&x->sv->write_lock);
	tl_errors_print(&errs, stderr);
	tl_errors_free(&errs);
	if (rc)
		return send_message(x, 500, L(x, "Niet gepubliceerd", "Not published"),
				    L(x, "De publicatie kon niet worden opgeslagen; er is niets veranderd.",
				      "The publication could not be stored; nothing changed."));
	return redirect(x, "/beheer?klaar=publicatie");
}

/* ---- Report content: stories, target progress, grants, next steps ------- */

/* May this account write for instrument in?  Editors and admins: any.  A
 * partner: those that list its organisation among their partners. */
static int may_use_instrument(const struct ctx *x, const struct tl_instrument *in)
{
	if (role_bit(x->user.role) & EDITORS)
		return 1;
	if (!in || !x->user.organisation)
		return 0;
	for (size_t j = 0; j < in->n_partners; j++)
		if (!strcmp(in->partners[j], x->user.organisation))
			return 1;
	return 0;
}

static int may_use_target(const struct ctx *x, const struct tl_target *t)
{
	if (role_bit(x->user.role) & EDITORS)
		return 1;
	return t->instrument && may_use_instrument(x, tl_model_instrument(x->snap->m, t->instrument));
}

/* Select options: value, label pairs, NULL-terminated, in the arena. */
struct opts {
	const char **v;
	size_t n, cap;
};

static void opt_add(struct ctx *x, struct opts *o, const char *value, const char *label)
{
	if (o->n + 3 > o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 32;
		const char **v = TL_NEW_ARRAY(x->a, const char *, cap);
		if (o->n)
			memcpy(v, o->v, o->n * sizeof *v);
		o->v = v;
		o->cap = cap;
	}
	o->v[o->n++] = value;
	o->v[o->n++] = label;
	o->v[o->n] = NULL;
}

static const char *const *municipality_options(struct ctx *x)
{
	struct opts o = {0};
	opt_add(x, &o, "", L(x, "(geen)", "(none)"));
	const struct tl_model *m = x->snap->m;
	for (size_t i = 0; i < m->n_regions; i++)
		if (!strcmp(m->regions[i].level, "gemeente"))
			opt_add(x, &o, m->regions[i].code, m->regions[i].name);
	return o.v;
}

static const char *const *instrument_options(struct ctx *x, int allow_none)
{
	struct opts o = {0};
	if (allow_none)
		opt_add(x, &o, "", L(x, "(geen)", "(none)"));
	const struct tl_model *m = x->snap->m;
	for (size_t i = 0; i < m->n_instruments; i++)
		if (may_use_instrument(x, &m->instruments[i]))
			opt_add(x, &o, m->instruments[i].slug, m->instruments[i].name);
	if (!o.v)
		opt_add(x, &o, "", L(x, "(geen instrumenten van uw organisatie)", "(no instruments of your organisation)"));
	return o.v;
}

static const char *const *step_status_options(struct ctx *x)
{
	static const char *const st_nl[] = {"planned", "gepland", "started", "gestart", "done", "gedaan",
					    "dropped", "geschrapt", NULL};
	static const char *const st_en[] = {"planned", "planned", "started", "started", "done", "done",
					    "dropped", "dropped", NULL};
	return x->sv->o->lang == TL_LANG_NL ? st_nl : st_en;
}

static const char *const *theme_options(struct ctx *x)
{
	const struct tl_model *m = x->snap->m;
	struct opts th = {0};
	for (size_t i = 0; i < m->n_themes; i++)
		opt_add(x, &th, m->themes[i].slug, m->themes[i].title);
	return th.v;
}

/* Every value sent for a field, one per line (NULL when none): a
 * TL_FIELD_CHOICES field sends one per ticked box. */
static const char *form_all(struct ctx *x, const char *name)
{
	tl_buf b = TL_BUF_INIT;
	int any = 0;
	for (size_t i = 0; i < x->form.n; i++)
		if (!strcmp(x->form.f[i].key, name)) {
			if (any++)
				tl_buf_putc(&b, '\n');
			tl_buf_puts(&b, x->form.f[i].val);
		}
	const char *r = any ? tl_arena_strndup(x->a, b.data ? b.data : "", b.len) : NULL;
	tl_buf_free(&b);
	return r;
}

static const char *people_sent(struct ctx *x);

/* The form's values for fields, to refill a refused form. */
static const char **refill(struct ctx *x, const struct tl_form_field *f, size_t n)
{
	const char **v = TL_NEW_ARRAY(x->a, const char *, n + 1);
	for (size_t i = 0; i < n; i++)
		v[i] = f[i].kind == TL_FIELD_CHOICES  ? form_all(x, f[i].name)
		       : f[i].kind == TL_FIELD_PEOPLE ? people_sent(x)
						      : tl_form_get(&x->form, f[i].name);
	return v;
}

/* A form text value trimmed of blanks; NULL when absent or empty. */
static const char *val(struct ctx *x, const char *name)
{
	const char *v = tl_form_get(&x->form, name);
	if (!v)
		return NULL;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	size_t n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	return n ? tl_arena_strndup(x->a, v, n) : NULL;
}

static void need(struct ctx *x, tl_errors *errs, const char *field, const char *v, size_t max)
{
	if (!v)
		tl_errors_add(errs, NULL, 0, 0, field, "%s", L(x, "dit veld is verplicht", "this field is required"));
	else if (strlen(v) > max)
		tl_errors_add(errs, NULL, 0, 0, field, "%s %zu %s", L(x, "hoogstens", "at most"), max,
			      L(x, "tekens", "characters"));
}

static void at_most(struct ctx *x, tl_errors *errs, const char *field, const char *v, size_t max)
{
	if (v)
		need(x, errs, field, v, max);
}

/* A number as people type it: "74,2", "1500.5", "1.500,50" is refused
 * (ambiguous).  0 or -1. */
static int parse_number(const char *s, double *out)
{
	if (!s || strlen(s) > 30)
		return -1;
	char buf[32];
	size_t k = 0;
	int seps = 0;
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (c == ',' || c == '.') {
			c = '.';
			seps++;
		} else if (!(c >= '0' && c <= '9') && !(c == '-' && p == s)) {
			return -1;
		}
		buf[k++] = c;
	}
	buf[k] = '\0';
	if (seps > 1 || k == 0)
		return -1;
	char *end;
	*out = strtod(buf, &end);
	return *end ? -1 : 0;
}

static long parse_year(const char *s)
{
	if (!s || strlen(s) != 4 || strspn(s, "0123456789") != 4)
		return -1;
	long y = atol(s);
	return y >= 1900 && y <= 2100 ? y : -1;
}

/* Add one item and its audit row in one transaction, checked as an edit is
 * (check_commit): TL_ERR_INPUT, with the reason, when the report would not
 * build; nothing is then stored. */
typedef int (*item_writer)(tl_store *st, const void *item, tl_errors *errs);

static int write_item(struct ctx *x, item_writer fn, const void *item, const char *entity,
		      const char *key, json_t *after, tl_errors *errs)
{
	const char *aj = json_text(x->a, after);
	pthread_mutex_lock(&x->sv->write_lock);
	pthread_mutex_lock(&x->sv->db_lock);
	int rc = tl_store_begin(x->sv->st, errs);
	if (!rc) {
		rc = fn(x->sv->st, item, errs);
		if (!rc)
			rc = tl_store_audit_add(x->sv->st, x->user.name, "add", entity, key, NULL, aj, errs);
		rc = check_commit(x->sv, rc, errs);
	} else {
		pthread_mutex_unlock(&x->sv->db_lock);
	}
	pthread_mutex_unlock(&x->sv->write_lock);
	return rc;
}

static int w_story(tl_store *st, const void *item, tl_errors *errs)
{
	return tl_store_story_add(st, item, errs);
}

static int w_step(tl_store *st, const void *item, tl_errors *errs)
{
	return tl_store_next_step_add(st, item, errs);
}

static int w_grant(tl_store *st, const void *item, tl_errors *errs)
{
	return tl_store_grant_add(st, item, errs);
}

struct progress_item {
	const char *target;
	struct tl_target_entry e;
};

static int w_progress(tl_store *st, const void *item, tl_errors *errs)
{
	const struct progress_item *p = item;
	return tl_store_progress_add(st, p->target, &p->e, errs);
}

static enum MHD_Result content_page(struct ctx *x, unsigned status, const char *heading,
				    const char *intro, const char *action, const char **items,
				    const char **links, size_t n_items, const struct tl_form_field *f,
				    size_t nf, const char *const *values, const tl_errors *errs,
				    const char *note)
{
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, heading);
	tl_page_content(&b, &p, x->csrf, heading, intro, action, items, links, n_items, f, nf, values, errs,
			note);
	return send_buf(x, status, "text/html; charset=utf-8", &b, NULL);
}

static int story_visible(const struct ctx *x, const struct tl_story *y)
{
	if (role_bit(x->user.role) & EDITORS)
		return 1;
	for (size_t j = 0; j < y->n_instruments; j++)
		if (may_use_instrument(x, tl_model_instrument(x->snap->m, y->instruments[j])))
			return 1;
	return 0;
}

/* The story's own fields from the form, checked (not its slug, instrument
 * or publish flag). */
static void story_from_form(struct ctx *x, struct tl_story *y, tl_errors *errs)
{
	const struct tl_model *m = x->snap->m;
	y->title = val(x, "title");
	y->kicker = val(x, "kicker");
	y->lead = val(x, "lead");
	y->place = val(x, "place");
	y->municipality = val(x, "municipality");
	y->markdown = val(x, "markdown");
	const char *date = val(x, "date");
	need(x, errs, "title", y->title, 200);
	need(x, errs, "markdown", y->markdown, 100000);
	at_most(x, errs, "kicker", y->kicker, 200);
	at_most(x, errs, "lead", y->lead, 1000);
	at_most(x, errs, "place", y->place, 200);
	const struct tl_region *r = y->municipality ? tl_model_region(m, y->municipality) : NULL;
	if (y->municipality && (!r || strcmp(r->level, "gemeente") != 0))
		tl_errors_add(errs, NULL, 0, 0, "municipality", "%s", L(x, "onbekende gemeente", "unknown municipality"));
	if (date && tl_ymd_parse(date, strlen(date), &y->date))
		tl_errors_add(errs, NULL, 0, 0, "date", "%s",
			      L(x, "een datum is jjjj, jjjj-mm of jjjj-mm-dd", "a date is yyyy, yyyy-mm or yyyy-mm-dd"));
}

/* The add forms of grants, progress entries and next steps: the fields of
 * their edit pages (the entity table below), after the instrument or target
 * that an edit page has in its URL. */
static struct tl_form_field *grant_add_fields(struct ctx *x, size_t *nf);
static struct tl_form_field *progress_add_fields(struct ctx *x, const char *const *targets, size_t *nf);
static struct tl_form_field *step_add_fields(struct ctx *x, size_t *nf);

static enum MHD_Result progress_page(struct ctx *x, unsigned status, const tl_errors *errs,
				     const char *note, int refill_form)
{
	const struct tl_model *m = x->snap->m;
	struct opts to = {0};
	size_t n = 0;
	for (size_t i = 0; i < m->n_targets; i++)
		n += m->targets[i].n_progress;
	const char **items = TL_NEW_ARRAY(x->a, const char *, n + 1);
	const char **links = TL_NEW_ARRAY(x->a, const char *, n + 1);
	n = 0;
	for (size_t i = 0; i < m->n_targets; i++) {
		const struct tl_target *t = &m->targets[i];
		if (!may_use_target(x, t))
			continue;
		opt_add(x, &to, t->slug, t->title);
		for (size_t j = 0; j < t->n_progress; j++) {
			char d[11];
			tl_ymd_text(&t->progress[j].date, d);
			tl_buf v = TL_BUF_INIT;
			tl_fmt_number(&v, t->progress[j].value, t->decimals, x->sv->o->lang);
			links[n] = tl_arena_printf(x->a, "/beheer/voortgang/%s/%d", t->slug, t->progress[j].position);
			items[n++] = tl_arena_printf(x->a, "%s: %s %s%s%s", t->title, d, v.data ? v.data : "",
						     t->unit ? " " : "", t->unit ? t->unit : "");
			tl_buf_free(&v);
		}
	}
	if (!to.v)
		opt_add(x, &to, "", L(x, "(geen streefdoelen van uw organisatie)", "(no targets of your organisation)"));
	size_t nf;
	const struct tl_form_field *f = progress_add_fields(x, to.v, &nf);
	return content_page(x, status, L(x, "Voortgang van streefdoelen", "Progress on targets"), NULL,
			    "/beheer/voortgang", items, links, n, f, nf, refill_form ? refill(x, f, nf) : NULL, errs,
			    note);
}

static enum MHD_Result h_progress(struct ctx *x)
{
	const char *q = MHD_lookup_connection_value(x->c, MHD_GET_ARGUMENT_KIND, "klaar");
	return progress_page(x, 200, NULL, q ? L(x, "De voortgang is opgeslagen.", "The progress has been saved.") : NULL, 0);
}

/* A progress entry's fields from the form, checked. */
static void progress_from_form(struct ctx *x, struct tl_target_entry *e, tl_errors *errs)
{
	const char *date = val(x, "date"), *value = val(x, "value");
	if (!date || tl_ymd_parse(date, strlen(date), &e->date))
		tl_errors_add(errs, NULL, 0, 0, "date", "%s",
			      L(x, "een datum is jjjj, jjjj-mm of jjjj-mm-dd", "a date is yyyy, yyyy-mm or yyyy-mm-dd"));
	if (parse_number(value, &e->value))
		tl_errors_add(errs, NULL, 0, 0, "value", "%s",
			      L(x, "een getal, zoals 12 of 74,2", "a number, such as 12 or 74.2"));
	e->source = val(x, "source");
	e->note = val(x, "note");
	at_most(x, errs, "source", e->source, 200);
	at_most(x, errs, "note", e->note, 500);
}

static enum MHD_Result h_progress_add(struct ctx *x)
{
	tl_errors errs = TL_ERRORS_INIT;
	struct progress_item it;
	memset(&it, 0, sizeof it);
	const char *slug = val(x, "target"), *date = val(x, "date");
	const struct tl_target *t = slug ? tl_model_target(x->snap->m, slug) : NULL;
	int denied = t && !may_use_target(x, t);
	if (!t || denied)
		tl_errors_add(&errs, NULL, 0, 0, "target", "%s",
			      L(x, "kies een streefdoel dat u mag bijwerken", "choose a target you may update"));
	progress_from_form(x, &it.e, &errs);
	if (tl_errors_failed(&errs)) {
		enum MHD_Result ok = progress_page(x, denied ? 403 : 422, &errs, NULL, 1);
		tl_errors_free(&errs);
		return ok;
	}
	it.target = t->slug;
	json_t *after = json_object();
	json_object_set_new(after, "date", json_string(date));
	json_object_set_new(after, "value", json_real(it.e.value));
	json_object_set_new(after, "source", it.e.source ? json_string(it.e.source) : json_null());
	json_object_set_new(after, "note", it.e.note ? json_string(it.e.note) : json_null());
	int rc = write_item(x, w_progress, &it, "target progress", t->slug, after, &errs);
	if (rc) {
		enum MHD_Result ok = progress_page(x, rc == TL_ERR_INPUT ? 422 : 500, &errs, NULL, 1);
		tl_errors_free(&errs);
		return ok;
	}
	tl_errors_free(&errs);
	return redirect(x, "/beheer/voortgang?klaar=1");
}

static int *goals_from(struct ctx *x, const char *field, size_t *n, tl_errors *errs);

static enum MHD_Result grants_page(struct ctx *x, unsigned status, const tl_errors *errs,
				   const char *note, int refill_form)
{
	const struct tl_model *m = x->snap->m;
	size_t n = 0;
	for (size_t i = 0; i < m->n_instruments; i++)
		n += m->instruments[i].n_grants;
	const char **items = TL_NEW_ARRAY(x->a, const char *, n + 1);
	const char **links = TL_NEW_ARRAY(x->a, const char *, n + 1);
	n = 0;
	for (size_t i = 0; i < m->n_instruments; i++) {
		const struct tl_instrument *in = &m->instruments[i];
		if (!may_use_instrument(x, in))
			continue;
		for (size_t j = 0; j < in->n_grants; j++) {
			const struct tl_grant *g = &in->grants[j];
			tl_buf v = TL_BUF_INIT;
			if (g->has_amount)
				tl_fmt_value(&v, g->amount, 0, TL_UNIT_EURO, x->sv->o->lang);
			links[n] = tl_arena_printf(x->a, "/beheer/toekenningen/%s/%d", in->slug, g->position);
			items[n++] = tl_arena_printf(x->a, "%s: %s%s%s, %d%s%s", in->name,
						     g->recipient ? g->recipient : "", g->recipient && g->project ? ", " : "",
						     g->project ? g->project : "", g->year, v.data ? ", " : "",
						     v.data ? v.data : "");
			tl_buf_free(&v);
		}
	}
	size_t nf;
	const struct tl_form_field *f = grant_add_fields(x, &nf);
	return content_page(x, status, L(x, "Toekenningen", "Grants"),
			    L(x, "Vul een ontvanger, een project of allebei in.", "Give a recipient, a project or both."),
			    "/beheer/toekenningen", items, links, n, f, nf, refill_form ? refill(x, f, nf) : NULL,
			    errs, note);
}

static enum MHD_Result h_grants(struct ctx *x)
{
	const char *q = MHD_lookup_connection_value(x->c, MHD_GET_ARGUMENT_KIND, "klaar");
	return grants_page(x, 200, NULL, q ? L(x, "De toekenning is opgeslagen.", "The grant has been saved.") : NULL, 0);
}

/* A grant's fields from the form, checked (not its instrument). */
static void grant_from_form(struct ctx *x, struct tl_grant *g, tl_errors *errs)
{
	const struct tl_model *m = x->snap->m;
	const char *year = val(x, "year"), *amount = val(x, "amount");
	g->recipient = val(x, "recipient");
	g->project = val(x, "project");
	g->municipality = val(x, "municipality");
	g->note = val(x, "note");
	g->goals = goals_from(x, "goals", &g->n_goals, errs);
	if (!g->recipient && !g->project)
		tl_errors_add(errs, NULL, 0, 0, "recipient", "%s",
			      L(x, "vul een ontvanger of een project in", "give a recipient or a project"));
	at_most(x, errs, "recipient", g->recipient, 200);
	at_most(x, errs, "project", g->project, 200);
	at_most(x, errs, "note", g->note, 200);
	const struct tl_region *r = g->municipality ? tl_model_region(m, g->municipality) : NULL;
	if (g->municipality && (!r || strcmp(r->level, "gemeente") != 0))
		tl_errors_add(errs, NULL, 0, 0, "municipality", "%s", L(x, "onbekende gemeente", "unknown municipality"));
	long y = parse_year(year);
	if (y < 0)
		tl_errors_add(errs, NULL, 0, 0, "year", "%s", L(x, "een jaartal, zoals 2025", "a year, such as 2025"));
	g->year = (int)y;
	if (amount) {
		if (parse_number(amount, &g->amount) || g->amount < 0)
			tl_errors_add(errs, NULL, 0, 0, "amount", "%s",
				      L(x, "een bedrag, zoals 2500 of 1500,50", "an amount, such as 2500 or 1500.50"));
		g->has_amount = 1;
	}
}

static enum MHD_Result h_grant_add(struct ctx *x)
{
	const struct tl_model *m = x->snap->m;
	tl_errors errs = TL_ERRORS_INIT;
	struct tl_grant g;
	memset(&g, 0, sizeof g);
	const char *ins = val(x, "instrument");
	const struct tl_instrument *in = ins ? tl_model_instrument(m, ins) : NULL;
	int denied = in && !may_use_instrument(x, in);
	if (!in || denied)
		tl_errors_add(&errs, NULL, 0, 0, "instrument", "%s",
			      L(x, "kies een instrument van uw organisatie", "choose an instrument of your organisation"));
	grant_from_form(x, &g, &errs);
	if (tl_errors_failed(&errs)) {
		enum MHD_Result ok = grants_page(x, denied ? 403 : 422, &errs, NULL, 1);
		tl_errors_free(&errs);
		return ok;
	}
	g.instrument = in->slug;
	json_t *after = json_object();
	json_object_set_new(after, "recipient", g.recipient ? json_string(g.recipient) : json_null());
	json_object_set_new(after, "project", g.project ? json_string(g.project) : json_null());
	json_object_set_new(after, "municipality", g.municipality ? json_string(g.municipality) : json_null());
	json_object_set_new(after, "year", json_integer(g.year));
	json_object_set_new(after, "amount", g.has_amount ? json_real(g.amount) : json_null());
	json_object_set_new(after, "note", g.note ? json_string(g.note) : json_null());
	json_t *goals = json_array();
	for (size_t i = 0; i < g.n_goals; i++)
		json_array_append_new(goals, json_integer(g.goals[i]));
	json_object_set_new(after, "goals", goals);
	int rc = write_item(x, w_grant, &g, "grant", in->slug, after, &errs);
	if (rc) {
		enum MHD_Result ok = grants_page(x, rc == TL_ERR_INPUT ? 422 : 500, &errs, NULL, 1);
		tl_errors_free(&errs);
		return ok;
	}
	tl_errors_free(&errs);
	return redirect(x, "/beheer/toekenningen?klaar=1");
}

static enum MHD_Result steps_page(struct ctx *x, unsigned status, const tl_errors *errs,
				  const char *note, int refill_form)
{
	const struct tl_model *m = x->snap->m;
	const char **items = TL_NEW_ARRAY(x->a, const char *, m->n_next_steps + 1);
	const char **links = TL_NEW_ARRAY(x->a, const char *, m->n_next_steps + 1);
	for (size_t i = 0; i < m->n_next_steps; i++) {
		const struct tl_next_step *s = &m->next_steps[i];
		links[i] = tl_arena_printf(x->a, "/beheer/stappen/%d", s->position);
		const struct tl_theme *t = s->theme ? tl_model_theme(m, s->theme) : NULL;
		items[i] = tl_arena_printf(x->a, "%s %d (%s): %s", t ? t->title : "", s->year,
					   tl_step_status_name(s->status), s->text);
	}
	size_t nf;
	const struct tl_form_field *f = step_add_fields(x, &nf);
	return content_page(x, status, L(x, "Volgende stappen", "Next steps"), NULL, "/beheer/stappen",
			    items, links, m->n_next_steps, f, nf, refill_form ? refill(x, f, nf) : NULL, errs, note);
}

static enum MHD_Result h_steps(struct ctx *x)
{
	const char *q = MHD_lookup_connection_value(x->c, MHD_GET_ARGUMENT_KIND, "klaar");
	return steps_page(x, 200, NULL, q ? L(x, "De stap is opgeslagen.", "The step has been saved.") : NULL, 0);
}

/* A next step's fields from the form, checked. */
static void step_from_form(struct ctx *x, struct tl_next_step *n, tl_errors *errs)
{
	n->theme = val(x, "theme");
	n->text = val(x, "text");
	const char *status = val(x, "status");
	if (!n->theme || !tl_model_theme(x->snap->m, n->theme))
		tl_errors_add(errs, NULL, 0, 0, "theme", "%s", L(x, "kies een thema", "choose a theme"));
	long y = parse_year(val(x, "year"));
	if (y < 0)
		tl_errors_add(errs, NULL, 0, 0, "year", "%s", L(x, "een jaartal, zoals 2026", "a year, such as 2026"));
	n->year = (int)y;
	if (!status || tl_step_status_parse(status, &n->status) < 0)
		tl_errors_add(errs, NULL, 0, 0, "status", "%s",
			      L(x, "gepland, gestart, gedaan of geschrapt", "planned, started, done or dropped"));
	need(x, errs, "text", n->text, 2000);
}

static enum MHD_Result h_step_add(struct ctx *x)
{
	tl_errors errs = TL_ERRORS_INIT;
	struct tl_next_step n;
	memset(&n, 0, sizeof n);
	step_from_form(x, &n, &errs);
	if (tl_errors_failed(&errs)) {
		enum MHD_Result ok = steps_page(x, 422, &errs, NULL, 1);
		tl_errors_free(&errs);
		return ok;
	}
	json_t *after = json_object();
	json_object_set_new(after, "theme", json_string(n.theme));
	json_object_set_new(after, "year", json_integer(n.year));
	json_object_set_new(after, "status", json_string(tl_step_status_name(n.status)));
	json_object_set_new(after, "text", json_string(n.text));
	int rc = write_item(x, w_step, &n, "next step", n.theme, after, &errs);
	if (rc) {
		enum MHD_Result ok = steps_page(x, rc == TL_ERR_INPUT ? 422 : 500, &errs, NULL, 1);
		tl_errors_free(&errs);
		return ok;
	}
	tl_errors_free(&errs);
	return redirect(x, "/beheer/stappen?klaar=1");
}

/* ---- Editing and deleting report content -------------------------------
 * /beheer/verhalen/SLUG, /beheer/toekenningen/INSTRUMENT/POSITION,
 * /beheer/voortgang/TARGET/POSITION, /beheer/stappen/POSITION,
 * /beheer/instrumenten/SLUG and /beheer/streefdoelen/SLUG: GET shows the
 * item as stored now (not the snapshot, which may be a second behind) with
 * its version; POST saves (action=save) or deletes (action=delete) through
 * run_edit().  Instruments and targets are also added from their list
 * page (POST /beheer/instrumenten, /beheer/streefdoelen).
 *
 * Each kind of item is one `struct entity` below: its fields and labels,
 * how each is checked, how its url names it, how it is read, parsed from a
 * form and written.  h_item_form(), h_item_edit(), h_item_list() and
 * h_item_add() do the rest for all of them; the route table hands them the
 * entity. */

static struct tl_form_field *fields_copy(struct ctx *x, const struct tl_form_field *f, size_t n)
{
	struct tl_form_field *c = TL_NEW_ARRAY(x->a, struct tl_form_field, n);
	memcpy(c, f, n * sizeof *f);
	return c;
}

/* A number as the form shows it: "74,2" in Dutch, "74.2" in English. */
static const char *num_text(struct ctx *x, double v)
{
	char t[64];
	snprintf(t, sizeof t, "%.12g", v);
	if (x->sv->o->lang == TL_LANG_NL)
		for (char *p = t; *p; p++)
			if (*p == '.')
				*p = ',';
	return tl_arena_strdup(x->a, t);
}

static const char *int_text(struct ctx *x, long v)
{
	return tl_arena_printf(x->a, "%ld", v);
}

static const char *ymd_text(struct ctx *x, const struct tl_ymd *d)
{
	char t[11];
	tl_ymd_text(d, t);
	return tl_arena_strdup(x->a, t);
}

/* "KEY/POSITION" from the rest of the url.  0 or -1. */
static int split_key(struct ctx *x, const char **key, int *pos)
{
	const char *slash = strrchr(x->rest, '/');
	if (!slash || slash == x->rest)
		return -1;
	const char *d = slash + 1;
	if (!*d || strlen(d) > 6 || strspn(d, "0123456789") != strlen(d))
		return -1;
	*key = tl_arena_strndup(x->a, x->rest, (size_t)(slash - x->rest));
	*pos = atoi(d);
	return 0;
}

static int position_of(const char *s, int *pos)
{
	if (!*s || strlen(s) > 6 || strspn(s, "0123456789") != strlen(s))
		return -1;
	*pos = atoi(s);
	return 0;
}

static enum MHD_Result edit_page(struct ctx *x, unsigned status, const char *heading, const char *back,
				 const struct tl_form_field *f, size_t nf, const char *const *values,
				 int64_t version, const tl_errors *errs, int can_delete)
{
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, heading);
	tl_page_item_edit(&b, &p, x->csrf, heading, back, x->url, f, nf, values, version, errs, can_delete);
	return send_buf(x, status, "text/html; charset=utf-8", &b, NULL);
}

/* What an edit POST asks: action=delete or a save; the form's version. */
static int edit_request(struct ctx *x, struct edit *e)
{
	const char *action = tl_form_get(&x->form, "action");
	e->deleting = action && !strcmp(action, "delete");
	e->version = form_version(x);
	return e->version < 0 ? -1 : 0;
}

/* Where a select field's options come from. */
enum { OPT_NONE = 0, OPT_MUNICIPALITIES, OPT_THEMES, OPT_STEP_STATUS, OPT_ALL_MUNICIPALITIES, OPT_GOALS,
       OPT_MY_INSTRUMENTS, OPT_THEMES_OR_NONE, OPT_INSTRUMENTS_OR_NONE, OPT_POLARITY };

/* How parse_fields() reads and checks a field's value; every error names
 * the field.  V_NONE: the entity's own parser reads it. */
enum {
	V_NONE = 0,
	V_TEXT,           /* text of at most max characters */
	V_LINES,          /* one entry a line, repeats dropped: at most max entries of 120 characters */
	V_MONEY,          /* an amount in euros, 0 or more */
	V_NUMBER,         /* a number: "74,2", "1500.5" */
	V_YEAR,           /* a year */
	V_YEAR_END,       /* a year, not before the V_YEAR field just above it */
	V_DATE,           /* yyyy, yyyy-mm or yyyy-mm-dd */
	V_GOALS,          /* ticked goals of the agenda */
	V_MUNICIPALITIES, /* ticked municipalities of the agenda */
	V_THEME,          /* one of the agenda's themes */
	V_INSTRUMENT,     /* one of the agenda's instruments */
	V_POLARITY,       /* higher-is-better, lower-is-better or neutral */
	V_DECIMALS,       /* a whole number of decimals, 0 to 6 (as report.yml allows) */
	V_STATED,         /* totals a source states, one a line (stated_line()): at most max */
	V_FLAG,           /* a ticked checkbox: "1" (has), or absent */
};

/* One field of an item's form, in both languages, and how it is checked. */
struct field_spec {
	const char *name, *nl, *en;
	int kind;     /* TL_FIELD_* */
	int options;  /* OPT_*, for TL_FIELD_SELECT and TL_FIELD_CHOICES */
	int required;
	int check;    /* V_* */
	size_t max;   /* V_TEXT: characters; V_LINES: entries */
};

/* A field's value as parse_fields() read it (empty: NULL, 0, has 0). */
struct value {
	const char *text;          /* V_TEXT, V_THEME, V_INSTRUMENT */
	double num;                /* V_MONEY, V_NUMBER, when has */
	int has;                   /* also V_FLAG: ticked */
	int year;                  /* V_YEAR, V_YEAR_END */
	struct tl_ymd date;        /* V_DATE */
	int *goals;                /* V_GOALS */
	const char **list;         /* V_LINES, V_MUNICIPALITIES */
	size_t n;                  /* entries of goals or list */
	enum tl_polarity polarity; /* V_POLARITY */
	int whole;                 /* V_DECIMALS */
	struct tl_stated_total *stated; /* V_STATED, n of them */
};

/* Items that are the rows of a table in the model, each named by a slug
 * (instruments, targets).  table_locate(), table_items(), table_new_key()
 * and table_add() serve all of them from this description, so what differs
 * between them is data: where the table is and what names a row.  (Stories,
 * listed and added on pages of their own, use it for table_new_key().) */
struct table {
	size_t rows, count;   /* offsetof(struct tl_model, …): the array and its length */
	size_t size;          /* of one row */
	size_t slug, title;   /* offsetof in a row: its slug and what names it (const char *) */
	const char *fallback; /* the slug of a new row whose name gives none */
	/* May this account write the row?  NULL: whoever the route lets in. */
	int (*may)(const struct ctx *x, const void *row);
	/* Insert the row (its slug set), with its lists. */
	int (*insert)(tl_store *st, const void *row, tl_errors *errs);
};

/* A kind of item the editor changes and deletes. */
struct entity {
	const char *name;          /* in the audit trail: "grant" */
	const char *list;          /* the list page: the back link; a save lands on list?klaar=1 */
	const char *nl, *en;       /* heading of its page */
	const struct field_spec *fields;
	size_t nf;
	size_t editors_tail;       /* the last this many fields are shown to editors and admins only */
	/* The item the url names: e->key (for the audit trail), e->k and
	 * e->title (NULL: the heading alone).  0, 403 or 404. */
	int (*locate)(struct ctx *x, struct edit *e);
	/* Read the stored item (see struct edit's get). */
	int (*get)(struct ctx *x, tl_store *st, struct edit *e);
	/* The new item from the form into e->item, each error named by its field. */
	void (*parse)(struct ctx *x, struct edit *e, tl_errors *errs);
	/* Update or delete (see struct edit's put). */
	int (*put)(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs);
	/* Items that are also added from their list page (POST LIST): */
	int (*add)(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs);
	/* A free key for the parsed new item (add() stores it under it). */
	const char *(*new_key)(struct ctx *x, struct edit *e);
	/* The items this account may edit: text and edit link, *n of them. */
	void (*items)(struct ctx *x, const struct entity *ent, const char ***items, const char ***links, size_t *n);
	/* The add form's values for this account, or NULL (all empty). */
	const char **(*fresh)(struct ctx *x, const struct tl_form_field *f, size_t nf);
	const char *list_nl, *list_en;   /* heading of the list page */
	const char *intro_nl, *intro_en;
	const char *saved_nl, *saved_en; /* notice after a save */
	struct table tab;                /* rows of a table of the model (instruments, targets), or all 0 */
};

static const char *const *options_of(struct ctx *x, int which)
{
	const struct tl_model *m = x->snap->m;
	struct opts o = {0};
	switch (which) {
	case OPT_ALL_MUNICIPALITIES:
		for (size_t i = 0; i < m->n_regions; i++)
			if (!strcmp(m->regions[i].level, "gemeente"))
				opt_add(x, &o, m->regions[i].code, m->regions[i].name);
		return o.v;
	case OPT_GOALS:
		for (size_t i = 0; i < m->n_goals; i++)
			opt_add(x, &o, int_text(x, m->goals[i].number),
				tl_arena_printf(x->a, "%s %d: %s", L(x, "Doel", "Goal"), m->goals[i].number,
						m->goals[i].title));
		return o.v;
	case OPT_MY_INSTRUMENTS:
		for (size_t i = 0; i < m->n_instruments; i++)
			if (may_use_instrument(x, &m->instruments[i]))
				opt_add(x, &o, m->instruments[i].slug, m->instruments[i].name);
		return o.v;
	case OPT_THEMES_OR_NONE:
		opt_add(x, &o, "", L(x, "(geen)", "(none)"));
		for (size_t i = 0; i < m->n_themes; i++)
			opt_add(x, &o, m->themes[i].slug, m->themes[i].title);
		return o.v;
	case OPT_INSTRUMENTS_OR_NONE:
		return instrument_options(x, 1);
	case OPT_POLARITY:
		opt_add(x, &o, "higher-is-better", L(x, "hoger is beter", "higher is better"));
		opt_add(x, &o, "lower-is-better", L(x, "lager is beter", "lower is better"));
		opt_add(x, &o, "neutral", L(x, "neutraal", "neutral"));
		return o.v;
	case OPT_MUNICIPALITIES:
		return municipality_options(x);
	case OPT_THEMES:
		return theme_options(x);
	case OPT_STEP_STATUS:
		return step_status_options(x);
	default:
		return NULL;
	}
}

/* The form fields of specs[0..n) in the page language; *shown: how many
 * this account sees (the last editors_tail are for editors and admins). */
static struct tl_form_field *spec_fields(struct ctx *x, const struct field_spec *specs, size_t n,
					 size_t editors_tail, size_t *shown)
{
	struct tl_form_field *f = TL_NEW_ARRAY(x->a, struct tl_form_field, n);
	for (size_t i = 0; i < n; i++) {
		const struct field_spec *s = &specs[i];
		f[i] = (struct tl_form_field){s->name, L(x, s->nl, s->en), s->kind, options_of(x, s->options),
					      s->required};
	}
	*shown = n - ((role_bit(x->user.role) & EDITORS) ? 0 : editors_tail);
	return f;
}

/* The entity's fields for this account after lead (may be NULL): an add
 * form. */
static struct tl_form_field *add_fields(struct ctx *x, const struct tl_form_field *lead, const struct entity *ent,
					size_t *nf)
{
	size_t n;
	struct tl_form_field *f = spec_fields(x, ent->fields, ent->nf, ent->editors_tail, &n);
	struct tl_form_field *all = TL_NEW_ARRAY(x->a, struct tl_form_field, n + 1);
	size_t k = 0;
	if (lead)
		all[k++] = *lead;
	memcpy(all + k, f, n * sizeof *f);
	*nf = k + n;
	return all;
}

/* The form fields this account sees for the entity: e->fields, e->nf. */
static void edit_fields(struct ctx *x, struct edit *e)
{
	e->fields = spec_fields(x, e->ent->fields, e->ent->nf, e->ent->editors_tail, &e->nf);
}

static const char *edit_heading(struct ctx *x, const struct edit *e)
{
	const char *h = L(x, e->ent->nl, e->ent->en);
	return e->title ? tl_arena_printf(x->a, "%s: %s", h, e->title) : h;
}

/* -- Rows of a table of the model, named by a slug (struct table) -- */

static const void *table_row(const struct tl_model *m, const struct table *t, size_t i)
{
	const char *rows = *(const char *const *)((const char *)m + t->rows);
	return rows + i * t->size;
}

static size_t table_count(const struct tl_model *m, const struct table *t)
{
	return *(const size_t *)((const char *)m + t->count);
}

/* The text field at offset at of a row. */
static const char *table_text(const void *row, size_t at)
{
	return *(const char *const *)((const char *)row + at);
}

/* The row named slug, or NULL. */
static const void *table_find(const struct tl_model *m, const struct table *t, const char *slug)
{
	for (size_t i = 0; slug && i < table_count(m, t); i++) {
		const void *row = table_row(m, t, i);
		if (!strcmp(table_text(row, t->slug), slug))
			return row;
	}
	return NULL;
}

static int table_may(struct ctx *x, const struct table *t, const void *row)
{
	return !t->may || t->may(x, row);
}

/* SLUG, if this account may write the row. */
static int table_locate(struct ctx *x, struct edit *e)
{
	const struct table *t = &e->ent->tab;
	const void *row = table_find(x->snap->m, t, x->rest);
	if (!row)
		return 404;
	e->title = table_text(row, t->title);
	e->key = table_text(row, t->slug);
	return table_may(x, t, row) ? 0 : 403;
}

static void table_items(struct ctx *x, const struct entity *ent, const char ***items, const char ***links,
			size_t *n)
{
	const struct tl_model *m = x->snap->m;
	const struct table *t = &ent->tab;
	size_t count = table_count(m, t);
	*items = TL_NEW_ARRAY(x->a, const char *, count + 1);
	*links = TL_NEW_ARRAY(x->a, const char *, count + 1);
	*n = 0;
	for (size_t i = 0; i < count; i++) {
		const void *row = table_row(m, t, i);
		if (table_may(x, t, row)) {
			(*links)[*n] = tl_arena_printf(x->a, "%s/%s", ent->list, table_text(row, t->slug));
			(*items)[(*n)++] = table_text(row, t->title);
		}
	}
}

/* A free slug for the parsed new row from its name: lower case, dashes,
 * and a number after it when another row has it. */
static const char *table_new_key(struct ctx *x, struct edit *e)
{
	const struct table *t = &e->ent->tab;
	const char *name = table_text(e->item, t->title);
	char base[72];
	tl_html_idify(base, sizeof base, name ? name : "");
	if (!base[0])
		snprintf(base, sizeof base, "%s", t->fallback);
	const char *slug = base;
	for (int i = 2; table_find(x->snap->m, t, slug); i++)
		slug = tl_arena_printf(x->a, "%s-%d", base, i);
	return tl_arena_strdup(x->a, slug);
}

/* Insert a copy of the parsed row under e->key. */
static int table_add(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs)
{
	const struct table *t = &e->ent->tab;
	char *row = tl_arena_alloc(x->a, t->size);
	memcpy(row, e->item, t->size);
	memcpy(row + t->slug, &e->key, sizeof e->key);
	return t->insert(st, row, errs);
}

/* -- Lists in form fields -- */

/* The lines of a "\n"-joined value (a textarea, or a choices field),
 * trimmed, empty ones dropped; into the request arena. */
static const char **lines_of(struct ctx *x, const char *v, size_t *n)
{
	size_t cap = 1;
	for (const char *p = v; p && *p; p++)
		cap += *p == '\n';
	const char **out = TL_NEW_ARRAY(x->a, const char *, cap + 1);
	*n = 0;
	for (const char *p = v; p && *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		const char *s = p;
		while (len && (*s == ' ' || *s == '\t' || *s == '\r')) {
			s++;
			len--;
		}
		while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
			len--;
		if (len)
			out[(*n)++] = tl_arena_strndup(x->a, s, len);
		p = e ? e + 1 : p + strlen(p);
	}
	return out;
}

/* Drop repeated entries of v (n updated), keeping the first of each. */
static void unique(const char **v, size_t *n)
{
	size_t k = 0;
	for (size_t i = 0; i < *n; i++) {
		size_t j = 0;
		while (j < k && strcmp(v[j], v[i]) != 0)
			j++;
		if (j == k)
			v[k++] = v[i];
	}
	*n = k;
}

/* v joined by "\n", in the request arena ("" for none). */
static const char *joined(struct ctx *x, const char *const *v, size_t n)
{
	tl_buf b = TL_BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		if (i)
			tl_buf_putc(&b, '\n');
		tl_buf_puts(&b, v[i]);
	}
	const char *r = tl_arena_strndup(x->a, b.data ? b.data : "", b.len);
	tl_buf_free(&b);
	return r;
}

static const char *goals_text(struct ctx *x, const int *g, size_t n)
{
	const char **v = TL_NEW_ARRAY(x->a, const char *, n + 1);
	for (size_t i = 0; i < n; i++)
		v[i] = int_text(x, g[i]);
	return joined(x, v, n);
}

/* Goal numbers from a choices field; each must be one of the agenda's. */
static int *goals_from(struct ctx *x, const char *field, size_t *n, tl_errors *errs)
{
	size_t nl;
	const char **l = lines_of(x, form_all(x, field), &nl);
	int *g = TL_NEW_ARRAY(x->a, int, nl + 1);
	*n = 0;
	for (size_t i = 0; i < nl; i++) {
		int num;
		if (position_of(l[i], &num) || !tl_model_goal(x->snap->m, num)) {
			tl_errors_add(errs, NULL, 0, 0, field, "%s \"%s\"", L(x, "onbekend doel", "unknown goal"), l[i]);
			continue;
		}
		int seen = 0;
		for (size_t k = 0; k < *n; k++)
			seen |= g[k] == num;
		if (!seen)
			g[(*n)++] = num;
	}
	return g;
}

static void field_error(struct ctx *x, tl_errors *errs, const char *field, const char *nl, const char *en)
{
	tl_errors_add(errs, NULL, 0, 0, field, "%s", L(x, nl, en));
}

/* The form's values for specs[0..n), read and checked as each field's
 * check says, into an array in the request arena (index = field). */
/* An instrument's stated totals as the form shows them: one a line,
 * "year | theme | count | amount | the source's words", each part may be
 * empty (no year, all themes, not stated); the words may hold "|". */
static const char *stated_text(struct ctx *x, const struct tl_stated_total *t, size_t n)
{
	tl_buf b = TL_BUF_INIT;
	for (size_t i = 0; i < n; i++)
		tl_buf_printf(&b, "%s%s | %s | %s | %s | %s", i ? "\n" : "", t[i].year ? int_text(x, t[i].year) : "",
			      t[i].theme ? t[i].theme : "", t[i].count >= 0 ? int_text(x, t[i].count) : "",
			      t[i].has_amount ? num_text(x, t[i].amount) : "", t[i].text ? t[i].text : "");
	const char *r = tl_arena_strdup(x->a, b.data ? b.data : "");
	tl_buf_free(&b);
	return r;
}

/* One part of a stated-total line, trimmed, into the arena ("" -> NULL). */
static const char *stated_part(struct ctx *x, const char *p, size_t len)
{
	while (len && (*p == ' ' || *p == '\t'))
		p++, len--;
	while (len && (p[len - 1] == ' ' || p[len - 1] == '\t' || p[len - 1] == '\r'))
		len--;
	return len ? tl_arena_strndup(x->a, p, len) : NULL;
}

/* Parse stated_text()'s lines; every error names the field and the line. */
static struct tl_stated_total *stated_from(struct ctx *x, const char *field, const char *text, size_t max,
					   size_t *n, tl_errors *errs)
{
	const struct tl_model *m = x->snap->m;
	size_t lines = 1;
	for (const char *c = text; *c; c++)
		lines += *c == '\n';
	struct tl_stated_total *v = TL_NEW_ARRAY(x->a, struct tl_stated_total, lines + 1);
	*n = 0;
	size_t line = 0;
	for (const char *r = text; *r;) {
		const char *e = strchr(r, '\n');
		size_t len = e ? (size_t)(e - r) : strlen(r);
		line++;
		const char *part[5] = {0};
		size_t k = 0;
		for (const char *p = r, *end = r + len; p <= end && k < 5; k++) {
			const char *bar = k < 4 ? memchr(p, '|', (size_t)(end - p)) : NULL;
			const char *stop = bar ? bar : end;
			part[k] = stated_part(x, p, (size_t)(stop - p));
			if (!bar) {
				k++;
				break;
			}
			p = bar + 1;
		}
		r = e ? e + 1 : r + len;
		if (!part[0] && !part[1] && !part[2] && !part[3] && !part[4])
			continue; /* an empty line */
		const char *why = NULL;
		struct tl_stated_total *t = &v[*n];
		t->count = -1;
		long y = part[0] ? parse_year(part[0]) : 0;
		char *endp = NULL;
		if (k < 3)
			why = L(x, "schrijf jaar | thema | aantal | bedrag | woorden", "write year | theme | count | amount | words");
		else if (y < 0)
			why = L(x, "het jaar is een jaartal, zoals 2025, of leeg", "the year is a year, such as 2025, or empty");
		else if (part[1] && !tl_model_theme(m, part[1]))
			why = L(x, "onbekend thema (laat leeg voor alle thema's)", "unknown theme (leave empty for all themes)");
		else if (part[2] && (strspn(part[2], "0123456789") != strlen(part[2]) || strlen(part[2]) > 9))
			why = L(x, "het aantal is een heel getal, 0 of meer", "the count is a whole number, 0 or more");
		else if (part[3] && (parse_number(part[3], &t->amount) || t->amount < 0))
			why = L(x, "het bedrag is een getal, 0 of meer", "the amount is a number, 0 or more");
		else if (!part[2] && !part[3])
			why = L(x, "noem een aantal, een bedrag of allebei", "give a count, an amount or both");
		else if (part[4] && strlen(part[4]) > 500)
			why = L(x, "de woorden van de bron hebben hoogstens 500 tekens",
				"the source's words have at most 500 characters");
		if (why) {
			tl_errors_add(errs, NULL, 0, 0, field, "%s %zu: %s", L(x, "regel", "line"), line, why);
			continue;
		}
		t->year = (int)y;
		t->theme = part[1];
		if (part[2])
			t->count = strtol(part[2], &endp, 10);
		t->has_amount = part[3] != NULL;
		t->text = part[4];
		(*n)++;
	}
	if (*n > max)
		tl_errors_add(errs, NULL, 0, 0, field, "%s %zu %s", L(x, "hoogstens", "at most"), max,
			      L(x, "regels", "lines"));
	return v;
}

static struct value *parse_fields(struct ctx *x, const struct field_spec *specs, size_t n, tl_errors *errs)
{
	const struct tl_model *m = x->snap->m;
	struct value *v = TL_NEW_ARRAY(x->a, struct value, n + 1);
	for (size_t i = 0; i < n; i++) {
		const struct field_spec *f = &specs[i];
		struct value *o = &v[i];
		const char *t = f->kind == TL_FIELD_CHOICES ? form_all(x, f->name) : val(x, f->name);
		if (f->check == V_NONE)
			continue;
		if (!t || !*t) {
			if (f->required)
				field_error(x, errs, f->name, "dit veld is verplicht", "this field is required");
			if (f->check == V_GOALS || f->check == V_LINES || f->check == V_MUNICIPALITIES) {
				o->goals = TL_NEW_ARRAY(x->a, int, 1);
				o->list = TL_NEW_ARRAY(x->a, const char *, 1);
			}
			continue;
		}
		switch (f->check) {
		case V_TEXT:
			o->text = t;
			at_most(x, errs, f->name, t, f->max);
			break;
		case V_LINES:
			o->list = lines_of(x, tl_form_get(&x->form, f->name), &o->n);
			unique(o->list, &o->n);
			for (size_t k = 0; k < o->n; k++)
				at_most(x, errs, f->name, o->list[k], 120);
			if (o->n > f->max)
				tl_errors_add(errs, NULL, 0, 0, f->name, "%s %zu %s", L(x, "hoogstens", "at most"), f->max,
					      L(x, "regels", "lines"));
			break;
		case V_MONEY:
		case V_NUMBER:
			o->has = 1;
			if (parse_number(t, &o->num))
				field_error(x, errs, f->name, "een getal, zoals 12 of 74,2", "a number, such as 12 or 74.2");
			else if (f->check == V_MONEY && o->num < 0)
				field_error(x, errs, f->name, "een bedrag van 0 of meer", "an amount of 0 or more");
			break;
		case V_YEAR:
		case V_YEAR_END: {
			long y = parse_year(t);
			if (y < 0)
				field_error(x, errs, f->name, "een jaartal, zoals 2025", "a year, such as 2025");
			o->year = y < 0 ? 0 : (int)y;
			if (f->check == V_YEAR_END && i > 0 && v[i - 1].year && o->year && o->year < v[i - 1].year)
				field_error(x, errs, f->name, "het eindjaar ligt niet voor het beginjaar",
					    "the last year is not before the first");
			break;
		}
		case V_DATE:
			if (tl_ymd_parse(t, strlen(t), &o->date))
				field_error(x, errs, f->name, "een datum is jjjj, jjjj-mm of jjjj-mm-dd",
					    "a date is yyyy, yyyy-mm or yyyy-mm-dd");
			break;
		case V_GOALS:
			o->goals = goals_from(x, f->name, &o->n, errs);
			break;
		case V_MUNICIPALITIES:
			o->list = lines_of(x, t, &o->n);
			unique(o->list, &o->n);
			for (size_t k = 0; k < o->n; k++) {
				const struct tl_region *r = tl_model_region(m, o->list[k]);
				if (!r || strcmp(r->level, "gemeente") != 0)
					field_error(x, errs, f->name, "onbekende gemeente", "unknown municipality");
			}
			break;
		case V_THEME:
			o->text = t;
			if (!tl_model_theme(m, t))
				field_error(x, errs, f->name, "kies een thema", "choose a theme");
			break;
		case V_INSTRUMENT:
			o->text = t;
			if (!tl_model_instrument(m, t))
				field_error(x, errs, f->name, "onbekend instrument", "unknown instrument");
			break;
		case V_POLARITY:
			if (tl_polarity_parse(t, &o->polarity))
				field_error(x, errs, f->name, "hoger is beter, lager is beter of neutraal",
					    "higher is better, lower is better or neutral");
			break;
		case V_STATED:
			o->stated = stated_from(x, f->name, t, f->max, &o->n, errs);
			break;
		case V_FLAG:
			if (strcmp(t, "1") != 0)
				field_error(x, errs, f->name, "aangevinkt (1) of leeg", "ticked (1) or empty");
			o->has = 1;
			break;
		case V_DECIMALS:
			if (strlen(t) != 1 || t[0] < '0' || t[0] > '6')
				field_error(x, errs, f->name, "een heel getal van 0 tot en met 6",
					    "a whole number from 0 to 6");
			else
				o->whole = t[0] - '0';
			break;
		}
	}
	return v;
}

/* -- Stories -- */

/* People travel between form, page and audit trail as one value: a row a
 * person, "name TAB role TAB consent TAB alias", consent "1" or "" (see
 * TL_FIELD_PEOPLE).  The form has inputs per person: people_N_name,
 * _role, _consent, _alias and _remove. */
enum { PEOPLE_MAX = 30, PEOPLE_COL = 120 };

static const char *people_text(struct ctx *x, const struct tl_story *y)
{
	const char **l = TL_NEW_ARRAY(x->a, const char *, y->n_people + 1);
	for (size_t i = 0; i < y->n_people; i++) {
		const struct tl_person *p = &y->people[i];
		l[i] = tl_arena_printf(x->a, "%s\t%s\t%s\t%s", p->name ? p->name : "", p->role ? p->role : "",
				       p->consent ? "1" : "", p->alias ? p->alias : "");
	}
	return joined(x, l, y->n_people);
}

/* One person's input, trimmed, with tabs and line breaks (which a single
 * line input cannot hold) as spaces; "" when absent. */
static const char *person_part(struct ctx *x, int row, const char *part)
{
	char key[48];
	snprintf(key, sizeof key, "people_%d_%s", row, part);
	const char *v = tl_form_get(&x->form, key);
	if (!v)
		return "";
	char *c = tl_arena_strdup(x->a, v);
	for (char *p = c; *p; p++)
		if (*p == '\t' || *p == '\r' || *p == '\n')
			*p = ' ';
	while (*c == ' ')
		c++;
	size_t n = strlen(c);
	while (n && c[n - 1] == ' ')
		c[--n] = '\0';
	return c;
}

/* The people the form sends, as one value (see above): rows ticked for
 * removal and empty rows are left out. */
static const char *people_sent(struct ctx *x)
{
	tl_buf b = TL_BUF_INIT;
	int any = 0;
	/* a form has a row per person and one to add: at most PEOPLE_MAX + 1
	 * are read, more is an error of the parse */
	for (int i = 0; i <= PEOPLE_MAX + 1; i++) {
		char key[48];
		snprintf(key, sizeof key, "people_%d_remove", i);
		if (tl_form_get(&x->form, key))
			continue;
		const char *name = person_part(x, i, "name"), *role = person_part(x, i, "role"),
			   *alias = person_part(x, i, "alias");
		int consent = *person_part(x, i, "consent") != '\0';
		if (!*name && !*role && !*alias)
			continue;
		if (any++)
			tl_buf_putc(&b, '\n');
		tl_buf_printf(&b, "%s\t%s\t%s\t%s", name, role, consent ? "1" : "", alias);
	}
	const char *r = tl_arena_strndup(x->a, b.data ? b.data : "", b.len);
	tl_buf_free(&b);
	return r;
}

/* The rows of a people value: *n of them, each 4 columns (NULL = empty). */
static const char *(*people_rows(struct ctx *x, const char *v, size_t *n))[4]
{
	/* not lines_of(): a row may start with an empty column (a tab) */
	size_t nl = 0;
	for (const char *p = v; p && *p; p++)
		nl += *p == '\n';
	const char **l = TL_NEW_ARRAY(x->a, const char *, nl + 2);
	nl = 0;
	for (const char *p = v; p && *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		if (len)
			l[nl++] = tl_arena_strndup(x->a, p, len);
		p = e ? e + 1 : p + len;
	}
	const char *(*rows)[4] = tl_arena_alloc(x->a, (nl + 1) * sizeof *rows);
	for (size_t i = 0; i < nl; i++) {
		const char *p = l[i];
		for (int k = 0; k < 4; k++) {
			const char *tab = k < 3 ? strchr(p, '\t') : NULL;
			size_t len = tab ? (size_t)(tab - p) : strlen(p);
			rows[i][k] = len ? tl_arena_strndup(x->a, p, len) : NULL;
			p = tab ? tab + 1 : p + len;
		}
	}
	*n = nl;
	return rows;
}

/* A people value as the audit trail keeps it: a list of objects. */
static json_t *people_json(const char *v)
{
	json_t *a = json_array();
	for (const char *p = v; p && *p;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		const char *col[4] = {0};
		size_t cl[4] = {0};
		const char *q = p;
		for (int k = 0; k < 4; k++) {
			const char *tab = k < 3 ? memchr(q, '\t', (size_t)(p + len - q)) : NULL;
			col[k] = q;
			cl[k] = tab ? (size_t)(tab - q) : (size_t)(p + len - q);
			q = tab ? tab + 1 : p + len;
		}
		json_t *o = json_object();
		json_object_set_new(o, "name", json_stringn(col[0], cl[0]));
		json_object_set_new(o, "role", cl[1] ? json_stringn(col[1], cl[1]) : json_null());
		json_object_set_new(o, "consent", json_boolean(cl[2] > 0));
		json_object_set_new(o, "alias", cl[3] ? json_stringn(col[3], cl[3]) : json_null());
		json_array_append_new(a, o);
		p = e ? e + 1 : p + len;
	}
	return a;
}

/* The people of the form into y, checked: each error names the field and
 * the person by number. */
static void people_from_form(struct ctx *x, struct tl_story *y, tl_errors *errs)
{
	size_t n;
	const char *(*rows)[4] = people_rows(x, people_sent(x), &n);
	if (n > PEOPLE_MAX) {
		tl_errors_add(errs, NULL, 0, 0, "people", "%s %d %s", L(x, "hoogstens", "at most"), PEOPLE_MAX,
			      L(x, "mensen", "people"));
		n = PEOPLE_MAX;
	}
	y->people = TL_NEW_ARRAY(x->a, struct tl_person, n + 1);
	y->n_people = 0;
	for (size_t i = 0; i < n; i++) {
		struct tl_person *pe = &y->people[y->n_people];
		pe->name = rows[i][0];
		pe->role = rows[i][1];
		pe->consent = rows[i][2] != NULL;
		pe->alias = rows[i][3];
		if (!pe->name) {
			tl_errors_add(errs, NULL, 0, 0, "people", "%s %zu: %s", L(x, "persoon", "person"), i + 1,
				      L(x, "de naam ontbreekt", "the name is missing"));
			continue;
		}
		if (strlen(pe->name) > PEOPLE_COL || (pe->role && strlen(pe->role) > PEOPLE_COL) ||
		    (pe->alias && strlen(pe->alias) > PEOPLE_COL)) {
			tl_errors_add(errs, NULL, 0, 0, "people", "%s %zu: %s %d %s", L(x, "persoon", "person"), i + 1,
				      L(x, "naam, rol en schuilnaam hebben elk hoogstens", "name, role and alias have at most"),
				      PEOPLE_COL, L(x, "tekens", "characters each"));
			continue;
		}
		y->n_people++;
	}
}

static const char **story_values(struct ctx *x, const struct tl_story *y)
{
	const char **v = TL_NEW_ARRAY(x->a, const char *, 12);
	v[0] = y->title;
	v[1] = y->kicker;
	v[2] = y->lead;
	v[3] = y->place;
	v[4] = y->municipality;
	v[5] = ymd_text(x, &y->date);
	v[6] = y->markdown;
	v[7] = people_text(x, y);
	v[8] = goals_text(x, y->goals, y->n_goals);
	v[9] = joined(x, y->instruments, y->n_instruments);
	v[10] = y->published ? "1" : "";
	return v;
}

/* Refuse what this account may not touch before looking at the form
 * (get checks again against the row run_edit writes). */
static int story_locate(struct ctx *x, struct edit *e)
{
	struct tl_story cur;
	int64_t cur_version;
	pthread_mutex_lock(&x->sv->db_lock);
	int rc = tl_store_story_get(x->sv->st, x->rest, x->a, &cur, &cur_version);
	pthread_mutex_unlock(&x->sv->db_lock);
	if (rc == TL_OK && !story_visible(x, &cur))
		return 403;
	if (rc == TL_ERR_NOTFOUND && !(role_bit(x->user.role) & EDITORS))
		return 404;
	e->key = x->rest;
	return 0;
}

static int story_get(struct ctx *x, tl_store *st, struct edit *e)
{
	struct tl_story *y = TL_NEW(x->a, struct tl_story);
	int rc = tl_store_story_get(st, e->key, x->a, y, &e->their_version);
	if (rc)
		return rc;
	if (!story_visible(x, y))
		return EDIT_FORBIDDEN;
	e->stored = y;
	e->theirs = story_values(x, y);
	return TL_OK;
}

/* A story's fields, people, goals and instruments from the form (not its
 * slug or publish flag), checked.  1 when an instrument it names is one this
 * account may not use, else 0. */
static int story_content_from_form(struct ctx *x, struct tl_story *y, tl_errors *errs)
{
	int denied = 0;
	story_from_form(x, y, errs);
	people_from_form(x, y, errs);
	y->goals = goals_from(x, "goals", &y->n_goals, errs);
	/* the instruments ticked: only those this account may use are offered
	 * (put keeps a partner's story's links to others' instruments) */
	y->instruments = lines_of(x, form_all(x, "instruments"), &y->n_instruments);
	unique(y->instruments, &y->n_instruments);
	for (size_t i = 0; i < y->n_instruments; i++)
		if (!tl_model_instrument(x->snap->m, y->instruments[i]))
			tl_errors_add(errs, NULL, 0, 0, "instruments", "%s \"%s\"", L(x, "onbekend instrument", "unknown instrument"),
				      y->instruments[i]);
		else if (!may_use_instrument(x, tl_model_instrument(x->snap->m, y->instruments[i]))) {
			tl_errors_add(errs, NULL, 0, 0, "instruments", "%s \"%s\"",
				      L(x, "geen instrument dat u mag kiezen", "not an instrument you may choose"),
				      y->instruments[i]);
			denied = 1;
		}
	if (!y->n_instruments && !(role_bit(x->user.role) & EDITORS))
		tl_errors_add(errs, NULL, 0, 0, "instruments", "%s",
			      L(x, "kies een instrument van uw organisatie", "choose an instrument of your organisation"));
	return denied;
}

static void story_parse(struct ctx *x, struct edit *e, tl_errors *errs)
{
	struct tl_story *y = TL_NEW(x->a, struct tl_story);
	story_content_from_form(x, y, errs);
	y->slug = e->key;
	y->published = tl_form_get(&x->form, "published") != NULL;
	e->partner_keep = !(role_bit(x->user.role) & EDITORS);
	e->item = y;
}

static int story_put(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs)
{
	if (e->deleting)
		return tl_store_story_delete(st, e->key, e->version, errs);
	struct tl_story y = *(const struct tl_story *)e->item;
	const struct tl_story *old = e->stored;
	if (e->partner_keep) { /* only editors publish; a partner keeps others' instrument links */
		y.published = old->published;
		const char **ins = TL_NEW_ARRAY(x->a, const char *, old->n_instruments + y.n_instruments + 1);
		size_t n = 0;
		for (size_t i = 0; i < old->n_instruments; i++)
			if (!may_use_instrument(x, tl_model_instrument(x->snap->m, old->instruments[i])))
				ins[n++] = old->instruments[i];
		for (size_t i = 0; i < y.n_instruments; i++)
			ins[n++] = y.instruments[i];
		y.instruments = ins;
		y.n_instruments = n;
	}
	int64_t nv;
	return tl_store_story_update(st, &y, e->version, &nv, errs);
}

static const struct field_spec story_fields[] = {
	{"title", "Titel", "Title", TL_FIELD_TEXT, OPT_NONE, 1, V_NONE, 0},
	{"kicker", "Bovenkop (het instrument zoals de bron het noemt)", "Kicker", TL_FIELD_TEXT, OPT_NONE, 0, V_NONE, 0},
	{"lead", "Inleiding", "Lead", TL_FIELD_TEXT, OPT_NONE, 0, V_NONE, 0},
	{"place", "Plaats", "Place", TL_FIELD_TEXT, OPT_NONE, 0, V_NONE, 0},
	{"municipality", "Gemeente", "Municipality", TL_FIELD_SELECT, OPT_MUNICIPALITIES, 0, V_NONE, 0},
	{"date", "Datum (jjjj, jjjj-mm of jjjj-mm-dd)", "Date (yyyy, yyyy-mm or yyyy-mm-dd)", TL_FIELD_DATE, OPT_NONE, 0, V_NONE, 0},
	{"markdown", "Tekst (Markdown)", "Text (Markdown)", TL_FIELD_TEXTAREA, OPT_NONE, 1, V_NONE, 0},
	{"people", "Mensen in het verhaal", "People in the story", TL_FIELD_PEOPLE, OPT_NONE, 0, V_NONE, 0},
	{"goals", "Doelen van de agenda", "Goals of the agenda", TL_FIELD_CHOICES, OPT_GOALS, 0, V_NONE, 0},
	{"instruments", "Instrumenten", "Instruments", TL_FIELD_CHOICES, OPT_MY_INSTRUMENTS, 0, V_NONE, 0},
	{"published", "Publiceren in het verslag", "Publish in the report", TL_FIELD_CHECKBOX, OPT_NONE, 0, V_NONE, 0},
};

static const struct entity story_entity = {
	.name = "story",
	.list = "/beheer/verhalen",
	.nl = "Verhaal wijzigen",
	.en = "Edit story",
	.fields = story_fields,
	.nf = sizeof story_fields / sizeof *story_fields,
	.editors_tail = 1,
	.locate = story_locate,
	.get = story_get,
	.parse = story_parse,
	.put = story_put,
	/* the stories' own list and add pages use its table for a new slug only */
	.tab = {offsetof(struct tl_model, stories), offsetof(struct tl_model, n_stories), sizeof(struct tl_story),
		offsetof(struct tl_story, slug), offsetof(struct tl_story, title), "verhaal", NULL, NULL},
};

/* The list of stories this account may see, and the form that adds one:
 * the same fields as a story's edit page. */
static enum MHD_Result stories_page(struct ctx *x, unsigned status, const tl_errors *errs,
				    const char *note, int refill_form)
{
	const struct tl_model *m = x->snap->m;
	int editor = (role_bit(x->user.role) & EDITORS) != 0;
	size_t nf;
	struct tl_form_field *f = spec_fields(x, story_entity.fields, story_entity.nf, story_entity.editors_tail, &nf);
	const char **items = TL_NEW_ARRAY(x->a, const char *, m->n_stories + 1);
	const char **links = TL_NEW_ARRAY(x->a, const char *, m->n_stories + 1);
	size_t n = 0;
	for (size_t i = 0; i < m->n_stories; i++)
		if (story_visible(x, &m->stories[i])) {
			links[n] = tl_arena_printf(x->a, "/beheer/verhalen/%s", m->stories[i].slug);
			items[n++] = tl_arena_printf(x->a, "%s (%s)", m->stories[i].title,
						     m->stories[i].published ? L(x, "gepubliceerd", "published")
									     : L(x, "concept", "draft"));
		}
	return content_page(x, status, L(x, "Verhalen", "Stories"),
			    editor ? NULL
				   : L(x, "Als partner voegt u verhalen toe over de instrumenten van uw organisatie; "
					  "een redacteur publiceert ze.",
				       "As a partner you add stories about your organisation's instruments; an "
				       "editor publishes them."),
			    "/beheer/verhalen", items, links, n, f, nf, refill_form ? refill(x, f, nf) : NULL, errs,
			    note);
}

static enum MHD_Result h_stories(struct ctx *x)
{
	const char *q = MHD_lookup_connection_value(x->c, MHD_GET_ARGUMENT_KIND, "klaar");
	return stories_page(x, 200, NULL, q ? L(x, "Het verhaal is opgeslagen.", "The story has been saved.") : NULL, 0);
}

static enum MHD_Result h_story_add(struct ctx *x)
{
	int editor = (role_bit(x->user.role) & EDITORS) != 0;
	tl_errors errs = TL_ERRORS_INIT;
	struct tl_story y;
	memset(&y, 0, sizeof y);
	int denied = story_content_from_form(x, &y, &errs);
	if (tl_errors_failed(&errs)) {
		enum MHD_Result ok = stories_page(x, denied ? 403 : 422, &errs, NULL, 1);
		tl_errors_free(&errs);
		return ok;
	}
	/* A slug from the title, unique among the stories. */
	struct edit e = {.ent = &story_entity, .item = &y};
	y.slug = table_new_key(x, &e);
	y.published = editor && tl_form_get(&x->form, "published") != NULL;
	size_t nf;
	struct tl_form_field *f = spec_fields(x, story_entity.fields, story_entity.nf, story_entity.editors_tail, &nf);
	/* the audit row's "after" as an edit's: the parsed story, formatted as stored */
	int rc = write_item(x, w_story, &y, "story", y.slug, values_obj(f, nf, story_values(x, &y)), &errs);
	if (rc) {
		enum MHD_Result ok = stories_page(x, rc == TL_ERR_INPUT ? 422 : 500, &errs, NULL, 1);
		tl_errors_free(&errs);
		return ok;
	}
	tl_errors_free(&errs);
	return redirect(x, "/beheer/verhalen?klaar=1");
}

/* -- Grants -- */

static const char **grant_values(struct ctx *x, const struct tl_grant *g)
{
	const char **v = TL_NEW_ARRAY(x->a, const char *, 8);
	v[0] = g->recipient;
	v[1] = g->project;
	v[2] = g->municipality;
	v[3] = int_text(x, g->year);
	v[4] = g->has_amount ? num_text(x, g->amount) : "";
	v[5] = g->note;
	v[6] = goals_text(x, g->goals, g->n_goals);
	return v;
}

/* INSTRUMENT/POSITION, if this account may write for the instrument. */
static int grant_locate(struct ctx *x, struct edit *e)
{
	if (split_key(x, &e->k.key, &e->k.pos))
		return 404;
	const struct tl_instrument *in = tl_model_instrument(x->snap->m, e->k.key);
	if (!in)
		return 404;
	e->title = in->name;
	e->key = tl_arena_printf(x->a, "%s/%d", in->slug, e->k.pos);
	return may_use_instrument(x, in) ? 0 : 403;
}

static int grant_get(struct ctx *x, tl_store *st, struct edit *e)
{
	struct tl_grant g;
	int rc = tl_store_grant_get(st, e->k.key, e->k.pos, x->a, &g, &e->their_version);
	if (rc)
		return rc;
	e->theirs = grant_values(x, &g);
	return TL_OK;
}

static void grant_parse(struct ctx *x, struct edit *e, tl_errors *errs)
{
	struct tl_grant *g = TL_NEW(x->a, struct tl_grant);
	grant_from_form(x, g, errs);
	g->instrument = e->k.key;
	e->item = g;
}

static int grant_put(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs)
{
	(void)x;
	if (e->deleting)
		return tl_store_grant_delete(st, e->k.key, e->k.pos, e->version, errs);
	int64_t nv;
	return tl_store_grant_update(st, e->k.pos, e->item, e->version, &nv, errs);
}

static const struct field_spec grant_fields[] = {
	{"recipient", "Ontvanger", "Recipient", TL_FIELD_TEXT, OPT_NONE, 0, V_NONE, 0},
	{"project", "Project", "Project", TL_FIELD_TEXT, OPT_NONE, 0, V_NONE, 0},
	{"municipality", "Gemeente", "Municipality", TL_FIELD_SELECT, OPT_MUNICIPALITIES, 0, V_NONE, 0},
	{"year", "Jaar", "Year", TL_FIELD_NUMBER, OPT_NONE, 1, V_NONE, 0},
	{"amount", "Bedrag in euro", "Amount in euros", TL_FIELD_NUMBER, OPT_NONE, 0, V_NONE, 0},
	{"note", "Toelichting (bijvoorbeeld winnaar)", "Note (e.g. winner)", TL_FIELD_TEXT, OPT_NONE, 0, V_NONE, 0},
	{"goals", "Doelen van de agenda", "Goals of the agenda", TL_FIELD_CHOICES, OPT_GOALS, 0, V_NONE, 0},
};

static const struct entity grant_entity = {
	.name = "grant",
	.list = "/beheer/toekenningen",
	.nl = "Toekenning wijzigen",
	.en = "Edit grant",
	.fields = grant_fields,
	.nf = sizeof grant_fields / sizeof *grant_fields,
	.editors_tail = 0,
	.locate = grant_locate,
	.get = grant_get,
	.parse = grant_parse,
	.put = grant_put,
};

static struct tl_form_field *grant_add_fields(struct ctx *x, size_t *nf)
{
	struct tl_form_field lead = {"instrument", L(x, "Instrument", "Instrument"), TL_FIELD_SELECT,
				     instrument_options(x, 0), 1};
	return add_fields(x, &lead, &grant_entity, nf);
}

/* -- Target progress -- */

static const char **progress_values(struct ctx *x, const struct tl_target_entry *pe)
{
	const char **v = TL_NEW_ARRAY(x->a, const char *, 5);
	v[0] = ymd_text(x, &pe->date);
	v[1] = num_text(x, pe->value);
	v[2] = pe->source;
	v[3] = pe->note;
	return v;
}

/* TARGET/POSITION, if this account may write for the target. */
static int progress_locate(struct ctx *x, struct edit *e)
{
	if (split_key(x, &e->k.key, &e->k.pos))
		return 404;
	const struct tl_target *t = tl_model_target(x->snap->m, e->k.key);
	if (!t)
		return 404;
	e->title = t->title;
	e->key = tl_arena_printf(x->a, "%s/%d", t->slug, e->k.pos);
	return may_use_target(x, t) ? 0 : 403;
}

static int progress_get(struct ctx *x, tl_store *st, struct edit *e)
{
	struct tl_target_entry pe;
	int rc = tl_store_progress_get(st, e->k.key, e->k.pos, x->a, &pe, &e->their_version);
	if (rc)
		return rc;
	e->theirs = progress_values(x, &pe);
	return TL_OK;
}

static void progress_parse(struct ctx *x, struct edit *e, tl_errors *errs)
{
	struct tl_target_entry *pe = TL_NEW(x->a, struct tl_target_entry);
	progress_from_form(x, pe, errs);
	e->item = pe;
}

static int progress_put(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs)
{
	(void)x;
	if (e->deleting)
		return tl_store_progress_delete(st, e->k.key, e->k.pos, e->version, errs);
	int64_t nv;
	return tl_store_progress_update(st, e->k.key, e->k.pos, e->item, e->version, &nv, errs);
}

static const struct field_spec progress_fields[] = {
	{"date", "Datum van de meting (jjjj, jjjj-mm of jjjj-mm-dd)", "Date measured (yyyy, yyyy-mm or yyyy-mm-dd)",
	 TL_FIELD_DATE, OPT_NONE, 1, V_NONE, 0},
	{"value", "Stand (getal)", "Value (number)", TL_FIELD_NUMBER, OPT_NONE, 1, V_NONE, 0},
	{"source", "Bron", "Source", TL_FIELD_TEXT, OPT_NONE, 0, V_NONE, 0},
	{"note", "Toelichting", "Note", TL_FIELD_TEXT, OPT_NONE, 0, V_NONE, 0},
};

static const struct entity progress_entity = {
	.name = "target progress",
	.list = "/beheer/voortgang",
	.nl = "Voortgang wijzigen",
	.en = "Edit progress",
	.fields = progress_fields,
	.nf = sizeof progress_fields / sizeof *progress_fields,
	.editors_tail = 0,
	.locate = progress_locate,
	.get = progress_get,
	.parse = progress_parse,
	.put = progress_put,
};

static struct tl_form_field *progress_add_fields(struct ctx *x, const char *const *targets, size_t *nf)
{
	struct tl_form_field lead = {"target", L(x, "Streefdoel", "Target"), TL_FIELD_SELECT, targets, 1};
	return add_fields(x, &lead, &progress_entity, nf);
}

/* -- Next steps -- */

static const char **step_values(struct ctx *x, const struct tl_next_step *n)
{
	const char **v = TL_NEW_ARRAY(x->a, const char *, 5);
	v[0] = n->theme;
	v[1] = int_text(x, n->year);
	v[2] = tl_step_status_name(n->status);
	v[3] = n->text;
	return v;
}

static int step_locate(struct ctx *x, struct edit *e)
{
	if (position_of(x->rest, &e->k.pos))
		return 404;
	e->key = x->rest;
	return 0;
}

static int step_get(struct ctx *x, tl_store *st, struct edit *e)
{
	struct tl_next_step n;
	int rc = tl_store_next_step_get(st, e->k.pos, x->a, &n, &e->their_version);
	if (rc)
		return rc;
	e->theirs = step_values(x, &n);
	return TL_OK;
}

static void step_parse(struct ctx *x, struct edit *e, tl_errors *errs)
{
	struct tl_next_step *n = TL_NEW(x->a, struct tl_next_step);
	step_from_form(x, n, errs);
	n->position = e->k.pos;
	e->item = n;
}

static int step_put(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs)
{
	(void)x;
	if (e->deleting)
		return tl_store_next_step_delete(st, e->k.pos, e->version, errs);
	int64_t nv;
	return tl_store_next_step_update(st, e->item, e->version, &nv, errs);
}

static const struct field_spec step_fields[] = {
	{"theme", "Thema", "Theme", TL_FIELD_SELECT, OPT_THEMES, 1, V_NONE, 0},
	{"year", "Jaar", "Year", TL_FIELD_NUMBER, OPT_NONE, 1, V_NONE, 0},
	{"status", "Stand", "Status", TL_FIELD_SELECT, OPT_STEP_STATUS, 1, V_NONE, 0},
	{"text", "Wat we gaan doen", "What we will do", TL_FIELD_TEXTAREA, OPT_NONE, 1, V_NONE, 0},
};

static const struct entity step_entity = {
	.name = "next step",
	.list = "/beheer/stappen",
	.nl = "Volgende stap wijzigen",
	.en = "Edit next step",
	.fields = step_fields,
	.nf = sizeof step_fields / sizeof *step_fields,
	.editors_tail = 0,
	.locate = step_locate,
	.get = step_get,
	.parse = step_parse,
	.put = step_put,
};

static struct tl_form_field *step_add_fields(struct ctx *x, size_t *nf)
{
	return add_fields(x, NULL, &step_entity, nf);
}

/* -- Instruments: name, kind, theme, description, partners, municipalities,
 * budget, period, stated totals, goals, source, part of the agenda -- */

enum { IN_NAME, IN_KIND, IN_THEME, IN_DESCRIPTION, IN_PARTNERS, IN_MUNICIPALITIES, IN_BUDGET, IN_BUDGET_NOTE,
       IN_START, IN_END, IN_STATED, IN_GOALS, IN_SOURCE, IN_AGENDA, IN_FIELDS };

static const struct field_spec instrument_fields[IN_FIELDS] = {
	[IN_NAME] = {"name", "Naam", "Name", TL_FIELD_TEXT, OPT_NONE, 1, V_TEXT, 200},
	[IN_KIND] = {"kind", "Soort (bijvoorbeeld regeling, programma, project, netwerk, prijs)",
		     "Kind (e.g. scheme, programme, project, network, prize)", TL_FIELD_TEXT, OPT_NONE, 1, V_TEXT, 120},
	[IN_THEME] = {"theme", "Thema", "Theme", TL_FIELD_SELECT, OPT_THEMES_OR_NONE, 0, V_THEME, 0},
	[IN_DESCRIPTION] = {"description", "Beschrijving (Markdown)", "Description (Markdown)", TL_FIELD_TEXTAREA,
			    OPT_NONE, 0, V_TEXT, 5000},
	[IN_PARTNERS] = {"partners", "Partners (één organisatie per regel)", "Partners (one organisation per line)",
			 TL_FIELD_TEXTAREA, OPT_NONE, 0, V_LINES, 50},
	[IN_MUNICIPALITIES] = {"municipalities", "Gemeenten waar het instrument loopt", "Municipalities where it runs",
			       TL_FIELD_CHOICES, OPT_ALL_MUNICIPALITIES, 0, V_MUNICIPALITIES, 0},
	[IN_BUDGET] = {"budget", "Budget in euro", "Budget in euros", TL_FIELD_NUMBER, OPT_NONE, 0, V_MONEY, 0},
	[IN_BUDGET_NOTE] = {"budget_note", "Toelichting bij het budget (bijvoorbeeld voor drie jaar)",
			    "Note on the budget (e.g. for three years)", TL_FIELD_TEXT, OPT_NONE, 0, V_TEXT, 200},
	[IN_START] = {"start_year", "Eerste jaar", "First year", TL_FIELD_NUMBER, OPT_NONE, 0, V_YEAR, 0},
	[IN_END] = {"end_year", "Laatste jaar", "Last year", TL_FIELD_NUMBER, OPT_NONE, 0, V_YEAR_END, 0},
	[IN_STATED] = {"stated", "Totalen zoals de bron ze noemt, één per regel: jaar | thema | aantal | bedrag | woorden"
		       " van de bron (leeg laten wat de bron niet noemt)",
		       "Totals as the source states them, one a line: year | theme | count | amount | the source's"
		       " words (leave empty what the source does not state)",
		       TL_FIELD_TEXTAREA, OPT_NONE, 0, V_STATED, 20},
	[IN_GOALS] = {"goals", "Doelen van de agenda", "Goals of the agenda", TL_FIELD_CHOICES, OPT_GOALS, 0, V_GOALS, 0},
	[IN_SOURCE] = {"source", "Bron (waar het instrument beschreven staat)", "Source (where the instrument is described)",
		       TL_FIELD_TEXT, OPT_NONE, 0, V_TEXT, 300},
	/* editors only (editors_tail): whether an instrument counts as part of
	 * the agenda is the province's call, not a partner's */
	[IN_AGENDA] = {"in_agenda", "Onderdeel van de agenda (uitvinken voor een verwant instrument buiten de agenda)",
		       "Part of the agenda (untick for a related instrument outside it)", TL_FIELD_CHECKBOX, OPT_NONE, 0,
		       V_FLAG, 0},
};

static const char **instrument_values(struct ctx *x, const struct tl_instrument *in)
{
	const char **v = TL_NEW_ARRAY(x->a, const char *, IN_FIELDS + 1);
	v[IN_NAME] = in->name;
	v[IN_KIND] = in->kind;
	v[IN_THEME] = in->theme;
	v[IN_DESCRIPTION] = in->description;
	v[IN_PARTNERS] = joined(x, in->partners, in->n_partners);
	v[IN_MUNICIPALITIES] = joined(x, in->municipalities, in->n_municipalities);
	v[IN_BUDGET] = in->has_budget ? num_text(x, in->budget) : "";
	v[IN_BUDGET_NOTE] = in->budget_note;
	v[IN_START] = in->start_year ? int_text(x, in->start_year) : "";
	v[IN_END] = in->end_year ? int_text(x, in->end_year) : "";
	v[IN_STATED] = stated_text(x, in->stated, in->n_stated);
	v[IN_GOALS] = goals_text(x, in->goals, in->n_goals);
	v[IN_SOURCE] = in->source;
	v[IN_AGENDA] = in->in_agenda ? "1" : "";
	return v;
}

static int instrument_get(struct ctx *x, tl_store *st, struct edit *e)
{
	struct tl_instrument *in = TL_NEW(x->a, struct tl_instrument);
	int rc = tl_store_instrument_get(st, e->key, x->a, in, &e->their_version);
	if (rc)
		return rc;
	e->stored = in;
	e->theirs = instrument_values(x, in);
	return TL_OK;
}

static void instrument_parse(struct ctx *x, struct edit *e, tl_errors *errs)
{
	const struct value *v = parse_fields(x, instrument_fields, IN_FIELDS, errs);
	struct tl_instrument *in = TL_NEW(x->a, struct tl_instrument);
	in->slug = e->key;
	in->name = v[IN_NAME].text;
	in->kind = v[IN_KIND].text;
	in->theme = v[IN_THEME].text;
	in->description = v[IN_DESCRIPTION].text;
	in->partners = v[IN_PARTNERS].list;
	in->n_partners = v[IN_PARTNERS].n;
	in->municipalities = v[IN_MUNICIPALITIES].list;
	in->n_municipalities = v[IN_MUNICIPALITIES].n;
	in->budget = v[IN_BUDGET].num;
	in->has_budget = v[IN_BUDGET].has;
	in->budget_note = v[IN_BUDGET_NOTE].text;
	in->start_year = v[IN_START].year;
	in->end_year = v[IN_END].year;
	in->stated = v[IN_STATED].stated;
	in->n_stated = v[IN_STATED].stated ? v[IN_STATED].n : 0;
	in->goals = v[IN_GOALS].goals;
	in->n_goals = v[IN_GOALS].n;
	in->source = v[IN_SOURCE].text;
	/* a partner's new instrument is in the agenda; its edit keeps the
	 * stored flag (instrument_put) */
	in->in_agenda = (role_bit(x->user.role) & EDITORS) ? v[IN_AGENDA].has : 1;
	if (!(role_bit(x->user.role) & EDITORS)) {
		int mine = 0;
		for (size_t i = 0; i < in->n_partners; i++)
			mine |= !strcmp(in->partners[i], x->user.organisation);
		if (!mine)
			field_error(x, errs, "partners", "uw organisatie blijft partner van dit instrument",
				    "your organisation stays a partner of this instrument");
	}
	e->item = in;
}

/* Refuse (in the page language) to delete what others still point at; the
 * store checks again inside the transaction. */
static int instrument_in_use(struct ctx *x, const char *slug, tl_errors *errs)
{
	const struct tl_model *m = x->snap->m;
	const struct tl_instrument *in = tl_model_instrument(m, slug);
	size_t grants = in ? in->n_grants : 0, targets = 0, stories = 0;
	for (size_t i = 0; i < m->n_targets; i++)
		targets += m->targets[i].instrument && !strcmp(m->targets[i].instrument, slug);
	for (size_t i = 0; i < m->n_stories; i++)
		for (size_t j = 0; j < m->stories[i].n_instruments; j++)
			stories += !strcmp(m->stories[i].instruments[j], slug);
	if (!grants && !targets && !stories)
		return 0;
	tl_errors_add(errs, NULL, 0, 0, NULL, "%s: %zu %s, %zu %s, %zu %s. %s",
		      L(x, "Nog in gebruik", "Still in use"), grants, L(x, "toekenning(en)", "grant(s)"), targets,
		      L(x, "streefdoel(en)", "target(s)"), stories, L(x, "verhaal/verhalen", "story/stories"),
		      L(x, "Verwijder of wijzig die eerst.", "Delete or change those first."));
	return 1;
}

static int instrument_put(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs)
{
	if (e->deleting)
		return instrument_in_use(x, e->key, errs) ? TL_ERR_INPUT
							  : tl_store_instrument_delete(st, e->key, e->version, errs);
	struct tl_instrument in = *(const struct tl_instrument *)e->item;
	if (!(role_bit(x->user.role) & EDITORS))
		in.in_agenda = ((const struct tl_instrument *)e->stored)->in_agenda;
	int64_t nv;
	int rc = tl_store_instrument_update(st, &in, e->version, &nv, errs);
	return rc ? rc : tl_store_instrument_origin_update(st, &in, errs);
}

static int instrument_may(const struct ctx *x, const void *row)
{
	return may_use_instrument(x, row);
}

static int instrument_insert(tl_store *st, const void *row, tl_errors *errs)
{
	return tl_store_instrument_add(st, row, errs);
}

/* A new instrument starts in the agenda; a partner's with its organisation
 * as partner. */
static const char **instrument_fresh(struct ctx *x, const struct tl_form_field *f, size_t nf)
{
	(void)f;
	(void)nf; /* a partner's form lacks the last field: index by IN_* */
	const char **v = TL_NEW_ARRAY(x->a, const char *, IN_FIELDS + 1);
	if (role_bit(x->user.role) & EDITORS)
		v[IN_AGENDA] = "1";
	else
		v[IN_PARTNERS] = x->user.organisation;
	return v;
}

static const struct entity instrument_entity = {
	.name = "instrument",
	.list = "/beheer/instrumenten",
	.nl = "Instrument wijzigen",
	.en = "Edit instrument",
	.fields = instrument_fields,
	.nf = IN_FIELDS,
	.editors_tail = 1,
	.locate = table_locate,
	.get = instrument_get,
	.parse = instrument_parse,
	.put = instrument_put,
	.add = table_add,
	.new_key = table_new_key,
	.items = table_items,
	.fresh = instrument_fresh,
	.list_nl = "Instrumenten",
	.list_en = "Instruments",
	.intro_nl = "Soort, thema, beschrijving, partners, gemeenten, budget, looptijd, doelen en bron van elk instrument. "
		    "Een instrument waar nog toekenningen, streefdoelen of verhalen naar verwijzen, kan niet worden "
		    "verwijderd.",
	.intro_en = "Kind, theme, description, partners, municipalities, budget, period, goals and source of each instrument. "
		    "An instrument that grants, targets or stories still refer to cannot be deleted.",
	.saved_nl = "Het instrument is opgeslagen.",
	.saved_en = "The instrument has been saved.",
	.tab = {offsetof(struct tl_model, instruments), offsetof(struct tl_model, n_instruments),
		sizeof(struct tl_instrument), offsetof(struct tl_instrument, slug), offsetof(struct tl_instrument, name),
		"instrument", instrument_may, instrument_insert},
};

/* -- Targets: what, theme, instrument, unit, decimals, polarity, baseline
 * (value and date), target value, deadline, the source's sentence and its
 * source, goals -- */

enum { TG_TITLE, TG_THEME, TG_INSTRUMENT, TG_UNIT, TG_DECIMALS, TG_POLARITY, TG_BASELINE, TG_BASELINE_DATE,
       TG_TARGET, TG_DEADLINE, TG_TEXT, TG_SOURCE, TG_GOALS, TG_FIELDS };

static const struct field_spec target_fields[TG_FIELDS] = {
	[TG_TITLE] = {"title", "Wat we willen bereiken", "What is to be reached", TL_FIELD_TEXT, OPT_NONE, 1, V_TEXT, 300},
	[TG_THEME] = {"theme", "Thema", "Theme", TL_FIELD_SELECT, OPT_THEMES_OR_NONE, 0, V_THEME, 0},
	[TG_INSTRUMENT] = {"instrument", "Instrument", "Instrument", TL_FIELD_SELECT, OPT_INSTRUMENTS_OR_NONE, 0,
			   V_INSTRUMENT, 0},
	[TG_UNIT] = {"unit", "Eenheid (bijvoorbeeld tuinen of %)", "Unit (e.g. gardens or %)", TL_FIELD_TEXT, OPT_NONE, 0,
		     V_TEXT, 120},
	[TG_DECIMALS] = {"decimals", "Decimalen in de getallen (0 tot en met 6)", "Decimals in the figures (0 to 6)",
			 TL_FIELD_NUMBER, OPT_NONE, 0, V_DECIMALS, 0},
	[TG_POLARITY] = {"polarity", "Richting (wat is beter)", "Direction (what is better)", TL_FIELD_SELECT,
			 OPT_POLARITY, 1, V_POLARITY, 0},
	[TG_BASELINE] = {"baseline", "Beginwaarde (getal)", "Baseline (number)", TL_FIELD_NUMBER, OPT_NONE, 0, V_NUMBER, 0},
	[TG_BASELINE_DATE] = {"baseline_date", "Datum van de beginwaarde (jjjj, jjjj-mm of jjjj-mm-dd)",
			      "Date of the baseline (yyyy, yyyy-mm or yyyy-mm-dd)", TL_FIELD_DATE, OPT_NONE, 0, V_DATE, 0},
	[TG_TARGET] = {"target", "Streefwaarde (getal)", "Target value (number)", TL_FIELD_NUMBER, OPT_NONE, 0, V_NUMBER, 0},
	[TG_DEADLINE] = {"deadline", "Uiterlijk (jjjj, jjjj-mm of jjjj-mm-dd)", "Deadline (yyyy, yyyy-mm or yyyy-mm-dd)",
			 TL_FIELD_DATE, OPT_NONE, 0, V_DATE, 0},
	[TG_TEXT] = {"text", "Het streefdoel in de woorden van de bron", "The target in the source's own words",
		     TL_FIELD_TEXTAREA, OPT_NONE, 0, V_TEXT, 2000},
	[TG_SOURCE] = {"source", "Bron", "Source", TL_FIELD_TEXT, OPT_NONE, 0, V_TEXT, 300},
	[TG_GOALS] = {"goals", "Doelen van de agenda", "Goals of the agenda", TL_FIELD_CHOICES, OPT_GOALS, 0, V_GOALS, 0},
};

static const char **target_values(struct ctx *x, const struct tl_target *t)
{
	const char **v = TL_NEW_ARRAY(x->a, const char *, TG_FIELDS + 1);
	v[TG_TITLE] = t->title;
	v[TG_THEME] = t->theme;
	v[TG_INSTRUMENT] = t->instrument;
	v[TG_UNIT] = t->unit;
	v[TG_DECIMALS] = int_text(x, t->decimals);
	v[TG_POLARITY] = tl_polarity_name(t->polarity);
	v[TG_BASELINE] = t->has_baseline ? num_text(x, t->baseline) : "";
	v[TG_BASELINE_DATE] = ymd_text(x, &t->baseline_date);
	v[TG_TARGET] = t->has_target ? num_text(x, t->target) : "";
	v[TG_DEADLINE] = ymd_text(x, &t->deadline);
	v[TG_TEXT] = t->text;
	v[TG_SOURCE] = t->source;
	v[TG_GOALS] = goals_text(x, t->goals, t->n_goals);
	return v;
}

static int target_get(struct ctx *x, tl_store *st, struct edit *e)
{
	struct tl_target t;
	int rc = tl_store_target_get(st, e->key, x->a, &t, &e->their_version);
	if (rc)
		return rc;
	e->theirs = target_values(x, &t);
	return TL_OK;
}

static void target_parse(struct ctx *x, struct edit *e, tl_errors *errs)
{
	const struct value *v = parse_fields(x, target_fields, TG_FIELDS, errs);
	struct tl_target *t = TL_NEW(x->a, struct tl_target);
	t->slug = e->key;
	t->title = v[TG_TITLE].text;
	t->theme = v[TG_THEME].text;
	t->instrument = v[TG_INSTRUMENT].text;
	t->unit = v[TG_UNIT].text;
	t->decimals = v[TG_DECIMALS].whole;
	t->polarity = v[TG_POLARITY].polarity;
	t->baseline = v[TG_BASELINE].num;
	t->has_baseline = v[TG_BASELINE].has;
	t->baseline_date = v[TG_BASELINE_DATE].date;
	t->target = v[TG_TARGET].num;
	t->has_target = v[TG_TARGET].has;
	t->deadline = v[TG_DEADLINE].date;
	t->text = v[TG_TEXT].text;
	t->source = v[TG_SOURCE].text;
	t->goals = v[TG_GOALS].goals;
	t->n_goals = v[TG_GOALS].n;
	e->item = t;
}

static int target_put(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs)
{
	if (e->deleting) {
		const struct tl_target *t = tl_model_target(x->snap->m, e->key);
		if (t && t->n_progress) {
			tl_errors_add(errs, NULL, 0, 0, NULL, "%s: %zu %s. %s", L(x, "Nog in gebruik", "Still in use"),
				      t->n_progress, L(x, "voortgangsmeting(en)", "progress entr(y/ies)"),
				      L(x, "Verwijder die eerst onder Voortgang van streefdoelen.",
					"Delete those first under Progress on targets."));
			return TL_ERR_INPUT;
		}
		return tl_store_target_delete(st, e->key, e->version, errs);
	}
	int64_t nv;
	return tl_store_target_update(st, e->item, e->version, &nv, errs);
}

static int target_insert(tl_store *st, const void *row, tl_errors *errs)
{
	return tl_store_target_add(st, row, errs);
}

/* A new target's direction starts at "higher is better". */
static const char **target_fresh(struct ctx *x, const struct tl_form_field *f, size_t nf)
{
	(void)f;
	const char **v = TL_NEW_ARRAY(x->a, const char *, nf + 1);
	v[TG_POLARITY] = "higher-is-better";
	v[TG_DECIMALS] = "0";
	return v;
}

static const struct entity target_entity = {
	.name = "target",
	.list = "/beheer/streefdoelen",
	.nl = "Streefdoel wijzigen",
	.en = "Edit target",
	.fields = target_fields,
	.nf = TG_FIELDS,
	.locate = table_locate,
	.get = target_get,
	.parse = target_parse,
	.put = target_put,
	.add = table_add,
	.new_key = table_new_key,
	.items = table_items,
	.fresh = target_fresh,
	.list_nl = "Streefdoelen",
	.list_en = "Targets",
	.intro_nl = "Wat, thema, instrument, eenheid, richting, beginwaarde, streefwaarde, uiterlijke datum en doelen van "
		    "elk streefdoel; de voortgang staat onder Voortgang van streefdoelen.",
	.intro_en = "What, theme, instrument, unit, direction, baseline, target value, deadline and goals of each "
		    "target; progress is under Progress on targets.",
	.saved_nl = "Het streefdoel is opgeslagen.",
	.saved_en = "The target has been saved.",
	.tab = {offsetof(struct tl_model, targets), offsetof(struct tl_model, n_targets), sizeof(struct tl_target),
		offsetof(struct tl_target, slug), offsetof(struct tl_target, title), "streefdoel", NULL, target_insert},
};

/* -- The list pages of items that are also added there -- */

static enum MHD_Result entity_list_page(struct ctx *x, const struct entity *ent, unsigned status,
					const tl_errors *errs, const char *const *values, const char *note)
{
	const char **items, **links;
	size_t n;
	ent->items(x, ent, &items, &links, &n);
	size_t nf;
	struct tl_form_field *f = spec_fields(x, ent->fields, ent->nf, ent->editors_tail, &nf);
	if (!values && ent->fresh)
		values = ent->fresh(x, f, nf);
	return content_page(x, status, L(x, ent->list_nl, ent->list_en), L(x, ent->intro_nl, ent->intro_en), ent->list,
			    items, links, n, f, nf, values, errs, note);
}

/* -- All of them -- */

/* Every kind of item; its edit pages are LIST/KEY. */
static const struct entity *const entities[] = {&story_entity,      &grant_entity,      &progress_entity,
						&step_entity,       &instrument_entity, &target_entity};

/* The kind of item the matched route (LIST/ or LIST) edits. */
static const struct entity *entity_of(const struct ctx *x)
{
	for (size_t i = 0; i < sizeof entities / sizeof *entities; i++) {
		size_t n = strlen(entities[i]->list);
		if (!strncmp(x->route, entities[i]->list, n) && (!x->route[n] || !strcmp(x->route + n, "/")))
			return entities[i];
	}
	tl_panic("no entity for route %s", x->route);
}

/* GET: the item as stored now, in its form. */
static enum MHD_Result h_item_form(struct ctx *x)
{
	struct edit e = {0};
	e.ent = entity_of(x);
	int bad = e.ent->locate(x, &e);
	if (bad)
		return bad == 403 ? forbidden(x) : not_found(x);
	pthread_mutex_lock(&x->sv->db_lock);
	int rc = e.ent->get(x, x->sv->st, &e);
	pthread_mutex_unlock(&x->sv->db_lock);
	if (rc == EDIT_FORBIDDEN)
		return forbidden(x);
	if (rc)
		return not_found(x);
	edit_fields(x, &e);
	return edit_page(x, 200, edit_heading(x, &e), e.ent->list, e.fields, e.nf, e.theirs, e.their_version,
			 NULL, 1);
}

/* POST: save or delete, version-checked (run_edit); a refused form comes
 * back with the sender's values and what is wrong, per field. */
static enum MHD_Result h_item_edit(struct ctx *x)
{
	struct edit e = {0};
	e.ent = entity_of(x);
	int bad = e.ent->locate(x, &e);
	if (bad)
		return bad == 403 ? forbidden(x) : not_found(x);
	if (edit_request(x, &e))
		return missing_version(x);
	const char *heading = edit_heading(x, &e);
	e.entity = e.ent->name;
	edit_fields(x, &e);
	e.mine = refill(x, e.fields, e.nf);
	e.get = e.ent->get;
	e.put = e.ent->put;
	e.reread = e.ent->get;
	if (!e.deleting) {
		tl_errors errs = TL_ERRORS_INIT;
		e.ent->parse(x, &e, &errs);
		if (tl_errors_failed(&errs)) {
			enum MHD_Result ok = edit_page(x, 422, heading, e.ent->list, e.fields, e.nf, e.mine,
						       e.version, &errs, 1);
			tl_errors_free(&errs);
			return ok;
		}
		tl_errors_free(&errs);
	}
	return finish_edit(x, &e, heading, e.ent->list, x->url, tl_arena_printf(x->a, "%s?klaar=1", e.ent->list));
}

/* GET LIST: the items this account may edit and the form that adds one. */
static enum MHD_Result h_item_list(struct ctx *x)
{
	const struct entity *ent = entity_of(x);
	const char *q = MHD_lookup_connection_value(x->c, MHD_GET_ARGUMENT_KIND, "klaar");
	return entity_list_page(x, ent, 200, NULL, NULL, q ? L(x, ent->saved_nl, ent->saved_en) : NULL);
}

static int get_nothing(struct ctx *x, tl_store *st, struct edit *e)
{
	(void)x;
	(void)st;
	e->their_version = e->version;
	return TL_OK;
}

/* POST LIST: add an item, with its audit row, in one transaction
 * (run_edit); a refused form comes back with what is wrong per field. */
static enum MHD_Result h_item_add(struct ctx *x)
{
	struct edit e = {0};
	e.ent = entity_of(x);
	e.adding = 1;
	e.entity = e.ent->name;
	edit_fields(x, &e);
	e.mine = refill(x, e.fields, e.nf);
	tl_errors errs = TL_ERRORS_INIT;
	e.ent->parse(x, &e, &errs);
	unsigned status = 422;
	if (!tl_errors_failed(&errs)) {
		e.key = e.ent->new_key(x, &e);
		e.get = get_nothing;
		e.put = e.ent->add;
		e.reread = e.ent->get;
		int rc = run_edit(x, &e, &errs);
		if (rc == TL_OK) {
			tl_errors_free(&errs);
			return redirect(x, tl_arena_printf(x->a, "%s?klaar=1", e.ent->list));
		}
		if (rc != TL_ERR_INPUT) {
			status = 500;
			tl_errors_print(&errs, stderr);
		}
	}
	enum MHD_Result ok = entity_list_page(x, e.ent, status, &errs, e.mine, NULL);
	tl_errors_free(&errs);
	return ok;
}

/* ---- Audit trail and accounts (admins) ---------------------------------- */

static long query_long(struct ctx *x, const char *name, long dflt, long max)
{
	const char *v = MHD_lookup_connection_value(x->c, MHD_GET_ARGUMENT_KIND, name);
	if (!v || !*v || strlen(v) > 9 || strspn(v, "0123456789") != strlen(v))
		return dflt;
	long n = atol(v);
	return n > max ? max : n;
}

static enum MHD_Result h_audit(struct ctx *x)
{
	long offset = query_long(x, "offset", 0, 1000000000L), limit = 50, total = 0;
	struct tl_audit *e;
	size_t n;
	pthread_mutex_lock(&x->sv->db_lock);
	tl_store_audit_list(x->sv->st, offset, limit, x->a, &e, &n, &total);
	pthread_mutex_unlock(&x->sv->db_lock);
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, L(x, "Wijzigingslog", "Audit trail"));
	tl_page_audit(&b, &p, e, n, total, offset, limit);
	return send_buf(x, 200, "text/html; charset=utf-8", &b, NULL);
}

static enum MHD_Result h_audit_export(struct ctx *x, int csv)
{
	struct tl_audit *e;
	size_t n;
	long total = 0;
	pthread_mutex_lock(&x->sv->db_lock);
	tl_store_audit_list(x->sv->st, 0, 0, x->a, &e, &n, &total);
	tl_store_audit_list(x->sv->st, 0, total, x->a, &e, &n, &total);
	pthread_mutex_unlock(&x->sv->db_lock);
	tl_buf b = TL_BUF_INIT;
	if (csv) {
		tl_buf_puts(&b, "id,at,user,action,entity,key,before,after\n");
		for (size_t i = 0; i < n; i++) {
			tl_buf_printf(&b, "%lld,", (long long)e[i].id);
			const char *f[] = {e[i].at, e[i].user, e[i].action, e[i].entity, e[i].key,
					   e[i].before, e[i].after};
			for (int k = 0; k < 7; k++) {
				tl_csv_field(&b, f[k]);
				tl_buf_putc(&b, k < 6 ? ',' : '\n');
			}
		}
		return send_buf(x, 200, "text/csv; charset=utf-8", &b, NULL);
	}
	json_t *arr = json_array();
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "id", json_integer(e[i].id));
		json_object_set_new(o, "at", json_string(e[i].at));
		json_object_set_new(o, "user", json_string(e[i].user));
		json_object_set_new(o, "action", json_string(e[i].action));
		json_object_set_new(o, "entity", json_string(e[i].entity));
		json_object_set_new(o, "key", json_string(e[i].key));
		json_object_set_new(o, "before", e[i].before ? json_loads(e[i].before, 0, NULL) : json_null());
		json_object_set_new(o, "after", e[i].after ? json_loads(e[i].after, 0, NULL) : json_null());
		json_array_append_new(arr, o);
	}
	tl_buf_puts(&b, json_text(x->a, arr));
	tl_buf_putc(&b, '\n');
	return send_buf(x, 200, "application/json", &b, NULL);
}

static enum MHD_Result h_audit_csv(struct ctx *x)
{
	return h_audit_export(x, 1);
}

static enum MHD_Result h_audit_json(struct ctx *x)
{
	return h_audit_export(x, 0);
}

static enum MHD_Result users_page(struct ctx *x, unsigned status, const tl_errors *errs)
{
	struct tl_user *u;
	size_t n;
	pthread_mutex_lock(&x->sv->db_lock);
	tl_store_user_list(x->sv->st, x->a, &u, &n);
	pthread_mutex_unlock(&x->sv->db_lock);
	tl_buf b = TL_BUF_INIT;
	struct tl_page p = page_for(x, L(x, "Gebruikers", "Accounts"));
	tl_page_users(&b, &p, x->csrf, u, n, errs);
	return send_buf(x, status, "text/html; charset=utf-8", &b, NULL);
}

static enum MHD_Result h_users(struct ctx *x)
{
	return users_page(x, 200, NULL);
}

static enum MHD_Result h_user_add(struct ctx *x)
{
	const char *name = tl_form_get(&x->form, "name"), *pw = tl_form_get(&x->form, "password");
	const char *role = tl_form_get(&x->form, "role"), *org = tl_form_get(&x->form, "organisation");
	tl_errors errs = TL_ERRORS_INIT;
	if (!name || !*name || strlen(name) > 64 || strpbrk(name, " \t\r\n"))
		tl_errors_add(&errs, NULL, 0, 0, "name", "%s",
			      L(x, "een gebruikersnaam is 1 tot 64 tekens zonder spaties",
				"a user name is 1 to 64 characters without spaces"));
	if (!pw || strlen(pw) < 12 || strlen(pw) > 1024)
		tl_errors_add(&errs, NULL, 0, 0, "password", "%s",
			      L(x, "een wachtwoord heeft minstens 12 tekens",
				"a password has at least 12 characters"));
	if (org && !*org)
		org = NULL;
	if (org && strlen(org) > 120)
		tl_errors_add(&errs, NULL, 0, 0, "organisation", "%s",
			      L(x, "hoogstens 120 tekens", "at most 120 characters"));
	char hash[256];
	if (!tl_errors_failed(&errs) && tl_auth_hash(pw, hash, sizeof hash))
		tl_errors_add(&errs, NULL, 0, 0, "password", "cannot hash the password (out of memory)");
	if (!tl_errors_failed(&errs)) {
		if (role && strcmp(role, "partner") != 0)
			org = NULL;
		pthread_mutex_lock(&x->sv->write_lock);
		pthread_mutex_lock(&x->sv->db_lock);
		int rc = tl_store_begin(x->sv->st, &errs);
		if (!rc) {
			rc = tl_store_user_add(x->sv->st, name, hash, role, org, &errs);
			if (!rc) {
				json_t *after = json_object();
				json_object_set_new(after, "name", json_string(name));
				json_object_set_new(after, "role", json_string(role));
				json_object_set_new(after, "organisation", org ? json_string(org) : json_null());
				rc = tl_store_audit_add(x->sv->st, x->user.name, "user-add", "user", name, NULL,
							json_text(x->a, after), &errs);
			}
			if (!rc)
				rc = tl_store_commit(x->sv->st, &errs);
			else
				tl_store_rollback(x->sv->st);
		}
		pthread_mutex_unlock(&x->sv->db_lock);
		pthread_mutex_unlock(&x->sv->write_lock);
	}
	sodium_memzero(hash, sizeof hash);
	if (tl_errors_failed(&errs)) {
		enum MHD_Result ok = users_page(x, 422, &errs);
		tl_errors_free(&errs);
		return ok;
	}
	tl_errors_free(&errs);
	return redirect(x, "/beheer/gebruikers");
}

/* ---- Accounts: change role, organisation or password; delete ---------- */

static struct tl_form_field *user_edit_fields(struct ctx *x, size_t *nf)
{
	static const char *const roles_nl[] = {"viewer", "lezer (concept)", "partner", "partner", "editor", "redacteur",
					       "admin", "beheerder", NULL};
	static const char *const roles_en[] = {"viewer", "viewer (draft)", "partner", "partner", "editor", "editor",
					       "admin", "administrator", NULL};
	struct tl_form_field f[] = {
		{"role", L(x, "Rol", "Role"), TL_FIELD_SELECT, x->sv->o->lang == TL_LANG_NL ? roles_nl : roles_en, 1},
		{"organisation", L(x, "Organisatie (alleen voor een partner)", "Organisation (partners only)"), TL_FIELD_TEXT, NULL, 0},
		{"password", L(x, "Nieuw wachtwoord (leeg: blijft hetzelfde)", "New password (empty: unchanged)"), TL_FIELD_PASSWORD, NULL, 0},
	};
	*nf = sizeof f / sizeof *f;
	return fields_copy(x, f, *nf);
}

static const char **user_values(struct ctx *x, const struct tl_user *u)
{
	const char **v = TL_NEW_ARRAY(x->a, const char *, 4);
	v[0] = u->role;
	v[1] = u->organisation;
	v[2] = NULL;
	return v;
}

struct user_item {
	int64_t id;
	const char *role, *organisation;
	char hash[256]; /* "" = keep the password */
};

static int get_user(struct ctx *x, tl_store *st, struct edit *e)
{
	const struct user_item *it = e->item;
	struct tl_user u;
	int rc = tl_store_user_get_id(st, it->id, x->a, &u, &e->their_version);
	if (rc)
		return rc;
	e->theirs = user_values(x, &u);
	return TL_OK;
}

static int put_user(struct ctx *x, tl_store *st, struct edit *e, tl_errors *errs)
{
	(void)x;
	const struct user_item *it = e->item;
	if (e->deleting)
		return tl_store_user_delete(st, it->id, e->version, errs);
	int64_t nv;
	int rc = tl_store_user_update(st, it->id, it->role, it->organisation, it->hash[0] ? it->hash : NULL,
				      e->version, &nv, errs);
	if (!rc && it->hash[0]) /* a new password ends every session of the account */
		rc = tl_store_session_delete_user(st, it->id, errs);
	return rc;
}

static int user_id(struct ctx *x, int64_t *id)
{
	const char *s = x->rest;
	if (!*s || strlen(s) > 18 || strspn(s, "0123456789") != strlen(s))
		return -1;
	*id = (int64_t)strtoll(s, NULL, 10);
	return 0;
}

static enum MHD_Result h_user_form(struct ctx *x)
{
	int64_t id, version = 0;
	if (user_id(x, &id))
		return not_found(x);
	struct tl_user u;
	pthread_mutex_lock(&x->sv->db_lock);
	int rc = tl_store_user_get_id(x->sv->st, id, x->a, &u, &version);
	pthread_mutex_unlock(&x->sv->db_lock);
	if (rc)
		return not_found(x);
	size_t nf;
	struct tl_form_field *f = user_edit_fields(x, &nf);
	return edit_page(x, 200, tl_arena_printf(x->a, "%s: %s", L(x, "Account wijzigen", "Edit account"), u.name),
			 "/beheer/gebruikers", f, nf, user_values(x, &u), version, NULL, 1);
}

static enum MHD_Result h_user_edit(struct ctx *x)
{
	struct user_item *it = TL_NEW(x->a, struct user_item);
	if (user_id(x, &it->id))
		return not_found(x);
	struct edit e = {0};
	if (edit_request(x, &e))
		return missing_version(x);
	e.entity = "user";
	e.key = x->rest;
	e.fields = user_edit_fields(x, &e.nf);
	e.mine = refill(x, e.fields, e.nf);
	e.get = get_user;
	e.put = put_user;
	e.item = it;
	const char *heading = L(x, "Account wijzigen", "Edit account");
	if (e.deleting && it->id == x->user.id)
		return send_message(x, 422, heading,
				    L(x, "U kunt uw eigen account niet verwijderen.", "You cannot delete your own account."));
	if (!e.deleting) {
		tl_errors errs = TL_ERRORS_INIT;
		it->role = val(x, "role");
		it->organisation = val(x, "organisation");
		const char *pw = tl_form_get(&x->form, "password");
		if (!it->role || !role_bit(it->role))
			tl_errors_add(&errs, NULL, 0, 0, "role", "%s", L(x, "kies een rol", "choose a role"));
		if (it->organisation && strlen(it->organisation) > 120)
			tl_errors_add(&errs, NULL, 0, 0, "organisation", "%s", L(x, "hoogstens 120 tekens", "at most 120 characters"));
		if (it->role && !strcmp(it->role, "partner") && !it->organisation)
			tl_errors_add(&errs, NULL, 0, 0, "organisation", "%s",
				      L(x, "een partner hoort bij een organisatie", "a partner belongs to an organisation"));
		if (pw && *pw && (strlen(pw) < 12 || strlen(pw) > 1024))
			tl_errors_add(&errs, NULL, 0, 0, "password", "%s",
				      L(x, "een wachtwoord heeft minstens 12 tekens", "a password has at least 12 characters"));
		if (!tl_errors_failed(&errs) && pw && *pw && tl_auth_hash(pw, it->hash, sizeof it->hash))
			tl_errors_add(&errs, NULL, 0, 0, "password", "cannot hash the password (out of memory)");
		if (tl_errors_failed(&errs)) {
			enum MHD_Result ok = edit_page(x, 422, heading, "/beheer/gebruikers", e.fields, e.nf, e.mine,
						       e.version, &errs, 1);
			tl_errors_free(&errs);
			return ok;
		}
		tl_errors_free(&errs);
	}
	enum MHD_Result ok = finish_edit(x, &e, heading, "/beheer/gebruikers", x->url, "/beheer/gebruikers");
	sodium_memzero(it->hash, sizeof it->hash);
	return ok;
}

/* ==== The route table ===================================================== */

static const struct route {
	int method;
	const char *path;
	int prefix; /* path is a prefix; the rest goes to the handler */
	int roles;  /* PUBLIC, or the roles that may use it */
	int upload; /* body may be a statistics file (max_upload) */
	enum MHD_Result (*fn)(struct ctx *x);
} routes[] = {
	{M_GET, "/api/v1/", 1, PUBLIC, 0, h_api},
	{M_GET, "/verkennen", 0, PUBLIC, 0, h_dash},
	{M_GET, "/vergelijken", 0, PUBLIC, 0, h_dash},
	{M_GET, "/zoeken", 0, PUBLIC, 0, h_dash},
	{M_GET, "/inloggen", 0, PUBLIC, 0, h_login_form},
	{M_POST, "/inloggen", 0, PUBLIC, 0, h_login},
	{M_POST, "/uitloggen", 0, LOGGED_IN, 0, h_logout},
	{M_GET, "/beheer", 0, LOGGED_IN, 0, h_admin},
	{M_GET, "/beheer/hoofdstuk/", 1, EDITORS, 0, h_chapter_form},
	{M_POST, "/beheer/hoofdstuk/", 1, EDITORS, 0, h_chapter_save},
	{M_GET, "/beheer/import", 0, EDITORS, 0, h_import_form},
	{M_POST, "/beheer/import", 0, EDITORS, 1, h_import},
	{M_POST, "/beheer/publiceren", 0, EDITORS, 0, h_publish},
	{M_GET, "/beheer/verhalen/", 1, EDITORS | PARTNER, 0, h_item_form},
	{M_POST, "/beheer/verhalen/", 1, EDITORS | PARTNER, 0, h_item_edit},
	{M_GET, "/beheer/voortgang/", 1, EDITORS | PARTNER, 0, h_item_form},
	{M_POST, "/beheer/voortgang/", 1, EDITORS | PARTNER, 0, h_item_edit},
	{M_GET, "/beheer/toekenningen/", 1, EDITORS | PARTNER, 0, h_item_form},
	{M_POST, "/beheer/toekenningen/", 1, EDITORS | PARTNER, 0, h_item_edit},
	{M_GET, "/beheer/stappen/", 1, EDITORS, 0, h_item_form},
	{M_POST, "/beheer/stappen/", 1, EDITORS, 0, h_item_edit},
	{M_GET, "/beheer/instrumenten/", 1, EDITORS | PARTNER, 0, h_item_form},
	{M_POST, "/beheer/instrumenten/", 1, EDITORS | PARTNER, 0, h_item_edit},
	{M_GET, "/beheer/streefdoelen/", 1, EDITORS, 0, h_item_form},
	{M_POST, "/beheer/streefdoelen/", 1, EDITORS, 0, h_item_edit},
	{M_GET, "/beheer/instrumenten", 0, EDITORS | PARTNER, 0, h_item_list},
	{M_POST, "/beheer/instrumenten", 0, EDITORS | PARTNER, 0, h_item_add},
	{M_GET, "/beheer/streefdoelen", 0, EDITORS, 0, h_item_list},
	{M_POST, "/beheer/streefdoelen", 0, EDITORS, 0, h_item_add},
	{M_GET, "/beheer/verhalen", 0, EDITORS | PARTNER, 0, h_stories},
	{M_POST, "/beheer/verhalen", 0, EDITORS | PARTNER, 0, h_story_add},
	{M_GET, "/beheer/voortgang", 0, EDITORS | PARTNER, 0, h_progress},
	{M_POST, "/beheer/voortgang", 0, EDITORS | PARTNER, 0, h_progress_add},
	{M_GET, "/beheer/toekenningen", 0, EDITORS | PARTNER, 0, h_grants},
	{M_POST, "/beheer/toekenningen", 0, EDITORS | PARTNER, 0, h_grant_add},
	{M_GET, "/beheer/stappen", 0, EDITORS, 0, h_steps},
	{M_POST, "/beheer/stappen", 0, EDITORS, 0, h_step_add},
	{M_GET, "/beheer/audit", 0, ADMIN, 0, h_audit},
	{M_GET, "/beheer/audit.csv", 0, ADMIN, 0, h_audit_csv},
	{M_GET, "/beheer/audit.json", 0, ADMIN, 0, h_audit_json},
	{M_GET, "/beheer/gebruikers/", 1, ADMIN, 0, h_user_form},
	{M_POST, "/beheer/gebruikers/", 1, ADMIN, 0, h_user_edit},
	{M_GET, "/beheer/gebruikers", 0, ADMIN, 0, h_users},
	{M_POST, "/beheer/gebruikers", 0, ADMIN, 0, h_user_add},
	{M_GET, "/concept/", 1, LOGGED_IN, 0, h_concept},
	{M_GET, "/", 1, PUBLIC, 0, h_public},
};

static int path_matches(const struct route *rt, const char *url)
{
	size_t n = strlen(rt->path);
	return rt->prefix ? !strncmp(url, rt->path, n) : !strcmp(url, rt->path);
}

/* The route for url and method; *wrong_method when only another method
 * matches. */
static const struct route *route_find(const char *url, int method, int *wrong_method)
{
	*wrong_method = 0;
	for (size_t i = 0; i < sizeof routes / sizeof *routes; i++) {
		if (!path_matches(&routes[i], url))
			continue;
		if (routes[i].method == method)
			return &routes[i];
		*wrong_method = 1;
	}
	return NULL;
}

static enum MHD_Result dispatch(struct ctx *x)
{
	int wrong = 0;
	const struct route *rt = route_find(x->url, x->r->method, &wrong);
	if (!rt) {
		if (wrong)
			return send_message(x, 405, L(x, "Methode niet toegestaan", "Method not allowed"),
					    L(x, "Deze pagina kan zo niet worden opgevraagd.",
					      "This page cannot be requested this way."));
		return not_found(x);
	}
	x->rest = x->url + strlen(rt->path);
	x->route = rt->path;
	if (rt->roles != PUBLIC || x->r->method == M_POST)
		load_session(x);
	if (rt->roles != PUBLIC) {
		if (!x->user.id) {
			if (x->r->method == M_GET)
				return redirect(x, "/inloggen");
			return send_message(x, 401, L(x, "Niet ingelogd", "Not logged in"),
					    L(x, "Log eerst in.", "Log in first."));
		}
		if (!(role_bit(x->user.role) & rt->roles))
			return forbidden(x);
	}
	if (x->r->method == M_POST) {
		const char *ct = header(x, MHD_HTTP_HEADER_CONTENT_TYPE);
		tl_errors errs = TL_ERRORS_INIT;
		int rc;
		if (ct && !strncasecmp(ct, "multipart/form-data", 19))
			rc = tl_multipart_parse(ct, x->r->body.data ? x->r->body.data : "", x->r->body.len,
						x->a, &x->form, &errs);
		else
			rc = tl_form_parse(x->r->body.data ? x->r->body.data : "", x->r->body.len, x->a,
					   &x->form, &errs);
		if (rc) {
			char *msg = errs.n ? tl_error_format(&errs.items[0], 0) : xstrdup("bad form");
			const char *m = tl_arena_strdup(x->a, msg);
			free(msg);
			tl_errors_free(&errs);
			return send_message(x, 400, L(x, "Onleesbaar formulier", "Malformed form"), m);
		}
		tl_errors_free(&errs);
		/* CSRF: every form of a session carries its token.  (The login
		 * form has its own, checked in h_login.) */
		if (rt->roles != PUBLIC) {
			const char *tok = tl_form_get(&x->form, "csrf");
			if (!tok || !x->csrf || !tl_auth_token_eq(tok, x->csrf))
				return send_message(x, 403, L(x, "Formulier verlopen", "Form expired"),
						    L(x, "Het formulier is verlopen of niet van deze site. "
							 "Open de pagina opnieuw.",
						      "The form expired or did not come from this site. "
						      "Open the page again."));
		}
	}
	return rt->fn(x);
}

static size_t limit_for(const struct tl_serve_opts *o, const char *url, int method)
{
	int wrong;
	const struct route *rt = route_find(url, method, &wrong);
	return rt && rt->upload ? o->max_upload : o->max_body;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url,
				  const char *method, const char *version, const char *upload_data,
				  size_t *upload_size, void **con_cls)
{
	(void)version;
	struct server *sv = cls;
	struct req *r = *con_cls;
	if (!r) {
		r = xcalloc(1, sizeof *r);
		r->a = tl_arena_new();
		r->started = time(NULL);
		r->method = !strcmp(method, "GET") || !strcmp(method, "HEAD") ? M_GET
			    : !strcmp(method, "POST")                         ? M_POST
									      : 0;
		*con_cls = r;
		atomic_fetch_add(&sv->active, 1);
		r->limit = limit_for(sv->o, url, r->method);
		const char *cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_LENGTH);
		if (cl && strtoull(cl, NULL, 10) > r->limit)
			r->too_big = 1;
		if (r->too_big || !r->method || !tl_path_valid(url))
			goto answer; /* before the body: it is not read */
		return MHD_YES;
	}
	if (*upload_size) {
		if (!r->too_big && r->body.len + *upload_size > r->limit)
			r->too_big = 1;
		if (!r->too_big)
			tl_buf_put(&r->body, upload_data, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
answer:;
	struct ctx x = {0};
	x.sv = sv;
	x.c = c;
	x.r = r;
	x.a = r->a;
	x.url = url;
	x.snap = snap_get(sv);
	enum MHD_Result ok;
	if (!r->method)
		ok = send_message(&x, 405, L(&x, "Methode niet toegestaan", "Method not allowed"),
				  L(&x, "Alleen GET, HEAD en POST.", "Only GET, HEAD and POST."));
	else if (r->too_big)
		ok = send_message(&x, 413, L(&x, "Te groot", "Too large"),
				  L(&x, "Het verzoek is groter dan deze server aanneemt.",
				    "The request is larger than this server accepts."));
	else if (!tl_path_valid(url))
		ok = send_message(&x, 400, L(&x, "Ongeldig adres", "Bad address"),
				  L(&x, "Dit adres bevat tekens of delen die niet zijn toegestaan.",
				    "This address holds characters or parts that are not allowed."));
	else {
		struct conn *k = conn_of(c);
		if (k)
			atomic_store(&k->busy, 1);
		ok = dispatch(&x);
		if (k)
			atomic_store(&k->busy, 0);
	}
	snap_release(x.snap);
	return ok;
}

static void on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)c;
	(void)toe;
	struct server *sv = cls;
	struct req *r = *con_cls;
	if (!r)
		return;
	tl_buf_free(&r->body);
	tl_arena_free(r->a);
	free(r);
	*con_cls = NULL;
	atomic_fetch_sub(&sv->active, 1);
}

/* ==== Start and stop ====================================================== */

static int load_assets(struct server *sv, tl_errors *errs)
{
	char date[64];
	http_date(time(NULL), date, sizeof date);
	for (int i = 0; i < 2; i++) {
		tl_arena *a = tl_arena_new();
		char *data;
		size_t len;
		int rc = tl_site_asset(sv->o->assets, asset_names[i], a, &data, &len, errs);
		if (!rc)
			entry_fill(&sv->assets[i], data, len, "text/css; charset=utf-8", date, "no-cache");
		tl_arena_free(a);
		if (rc)
			return rc;
	}
	return TL_OK;
}

int tl_serve_run(const struct tl_serve_opts *o, tl_errors *errs)
{
	struct server sv;
	memset(&sv, 0, sizeof sv);
	sv.o = o;
	if (tl_auth_init()) {
		tl_errors_add(errs, NULL, 0, 0, NULL, "serve: cannot initialise libsodium");
		return TL_ERR_IO;
	}
	if (tl_store_open(&sv.st, o->db, errs))
		return TL_ERR_STORE;
	pthread_mutex_init(&sv.db_lock, NULL);
	pthread_mutex_init(&sv.write_lock, NULL);
	pthread_mutex_init(&sv.snap_lock, NULL);
	pthread_mutex_init(&sv.stop_mx, NULL);
	pthread_mutex_init(&sv.conn_mx, NULL);
	pthread_cond_init(&sv.stop_cv, NULL);
	int rc = reload(&sv, errs);
	if (!rc)
		rc = load_assets(&sv, errs);
	if (rc) {
		tl_store_close(sv.st);
		return rc;
	}

	struct sockaddr_in addr;
	memset(&addr, 0, sizeof addr);
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)o->port);
	if (inet_pton(AF_INET, o->bind, &addr.sin_addr) != 1) {
		tl_errors_add(errs, NULL, 0, 0, "--bind", "serve: %s is not an IPv4 address", o->bind);
		rc = TL_ERR_INPUT;
		goto out;
	}

	/* Signals are taken by sigwait() below; every thread started from here
	 * on inherits the mask. */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_POLL |
			MHD_USE_ITC | MHD_USE_ERROR_LOG,
		(uint16_t)o->port, NULL, NULL, on_request, &sv, MHD_OPTION_SOCK_ADDR, &addr,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, &sv, MHD_OPTION_NOTIFY_CONNECTION, on_connection,
		&sv, MHD_OPTION_CONNECTION_TIMEOUT, o->timeout, MHD_OPTION_CONNECTION_LIMIT, 1000u,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, o->per_ip, MHD_OPTION_CONNECTION_MEMORY_LIMIT,
		(size_t)65536, MHD_OPTION_LISTENING_ADDRESS_REUSE, 1u, MHD_OPTION_END);
	if (!d) {
		tl_errors_add(errs, NULL, 0, 0, NULL, "serve: cannot listen on %s:%d (%s)", o->bind, o->port,
			      strerror(errno ? errno : EADDRINUSE));
		rc = TL_ERR_IO;
		goto out;
	}
	pthread_t wt;
	pthread_create(&wt, NULL, watcher, &sv);
	fprintf(stderr, "telling serve: http://%s:%d/ (%s); stop with Ctrl-C or SIGTERM\n", o->bind,
		o->port, o->db);

	int sig = 0;
	sigwait(&set, &sig);
	fprintf(stderr, "telling serve: %s: finishing running requests\n",
		sig == SIGTERM ? "SIGTERM" : "SIGINT");
	/* Stop accepting; let requests in flight finish (each write commits or
	 * rolls back inside its request), at most 30 s. */
	MHD_socket ls = MHD_quiesce_daemon(d);
	if (ls != MHD_INVALID_SOCKET)
		close(ls); /* new connections are refused now, not left waiting */
	for (int i = 0; i < 3000 && atomic_load(&sv.active) > 0; i++)
		usleep(10000);
	MHD_stop_daemon(d);
	pthread_mutex_lock(&sv.stop_mx);
	atomic_store(&sv.stopping, 1);
	pthread_cond_signal(&sv.stop_cv);
	pthread_mutex_unlock(&sv.stop_mx);
	pthread_join(wt, NULL);
	fprintf(stderr, "telling serve: stopped\n");
out:
	for (int i = 0; i < 2; i++)
		entry_free(&sv.assets[i]);
	snap_release(sv.cur);
	tl_store_close(sv.st);
	return rc;
}
