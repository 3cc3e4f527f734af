/*
 * auth — argon2id passwords, CSPRNG tokens, login rate limit (see auth.h).
 */
#include "auth.h"

#include <pthread.h>
#include <sodium.h>
#include <string.h>

#include "../core/err.h"

static char dummy_hash[crypto_pwhash_STRBYTES];

int tl_auth_init(void)
{
	if (sodium_init() < 0)
		return TL_ERR_IO;
	if (!dummy_hash[0] && tl_auth_hash("telling-dummy-password", dummy_hash, sizeof dummy_hash))
		return TL_ERR_LIMIT;
	return TL_OK;
}

int tl_auth_hash(const char *password, char *out, size_t out_size)
{
	if (out_size < crypto_pwhash_STRBYTES)
		return TL_ERR_LIMIT;
	if (crypto_pwhash_str_alg(out, password, strlen(password), crypto_pwhash_OPSLIMIT_INTERACTIVE,
				  crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
		return TL_ERR_LIMIT;
	return TL_OK;
}

int tl_auth_verify(const char *stored_hash, const char *password)
{
	return crypto_pwhash_str_verify(stored_hash, password, strlen(password)) == 0;
}

void tl_auth_verify_dummy(const char *password)
{
	if (crypto_pwhash_str_verify(dummy_hash, password, strlen(password)) == 0)
		return; /* cannot happen: nobody's password is the dummy's */
}

void tl_auth_token(char out[TL_TOKEN_HEX])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, TL_TOKEN_HEX, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
}

void tl_auth_token_hash(const char *token, char out[TL_TOKEN_HEX])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, TL_TOKEN_HEX, h, sizeof h);
}

int tl_auth_token_eq(const char *a, const char *b)
{
	size_t n = strlen(a);
	if (n != strlen(b) || n == 0)
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

/* ---- Rate limit: a small open-addressed table of recent failures -------- */

#define SLOTS 1024

static struct slot {
	uint64_t key; /* hash of the key; 0 = empty */
	int64_t start;
	int fails;
} slots[SLOTS];
static pthread_mutex_t rl_lock = PTHREAD_MUTEX_INITIALIZER;

static uint64_t key_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h ? h : 1;
}

/* The slot for key; an expired or empty one is taken over (and reset).
 * Called with rl_lock held. */
static struct slot *find(const char *key, int64_t now, int create)
{
	uint64_t h = key_hash(key);
	struct slot *victim = NULL;
	for (size_t i = 0; i < 8; i++) {
		struct slot *s = &slots[(h + i) % SLOTS];
		if (s->key == h) {
			if (now - s->start >= TL_LOGIN_WINDOW) {
				s->fails = 0;
				s->start = now;
			}
			return s;
		}
		if (!victim && (s->key == 0 || now - s->start >= TL_LOGIN_WINDOW))
			victim = s;
	}
	if (!create)
		return NULL;
	if (!victim) /* all 8 busy: reuse the first (under attack, keys share) */
		victim = &slots[h % SLOTS];
	victim->key = h;
	victim->start = now;
	victim->fails = 0;
	return victim;
}

long tl_ratelimit_wait(const char *key, int64_t now)
{
	pthread_mutex_lock(&rl_lock);
	struct slot *s = find(key, now, 0);
	long wait = 0;
	if (s && s->fails >= TL_LOGIN_MAX_FAILS)
		wait = (long)(s->start + TL_LOGIN_WINDOW - now);
	pthread_mutex_unlock(&rl_lock);
	return wait > 0 ? wait : 0;
}

void tl_ratelimit_fail(const char *key, int64_t now)
{
	pthread_mutex_lock(&rl_lock);
	find(key, now, 1)->fails++;
	pthread_mutex_unlock(&rl_lock);
}

void tl_ratelimit_reset(const char *key)
{
	pthread_mutex_lock(&rl_lock);
	struct slot *s = find(key, 0, 0);
	if (s)
		s->key = 0;
	pthread_mutex_unlock(&rl_lock);
}
