/*
 * auth — passwords, tokens and the login rate limit.
 *
 * Passwords are hashed with argon2id (libsodium crypto_pwhash, interactive
 * limits) and only the encoded hash string is stored.  Session and CSRF
 * tokens are 32 bytes from libsodium's CSPRNG, written as 64 hex digits;
 * the store keeps a BLAKE2b hash of a session token, never the token.
 * Token comparison is constant-time.
 *
 * tl_auth_init() must run once before any other call (sodium_init).
 */
#ifndef TL_AUTH_H
#define TL_AUTH_H

#include <stddef.h>
#include <stdint.h>

#define TL_TOKEN_HEX 65 /* 64 hex digits and NUL */

int tl_auth_init(void);

/* Encoded argon2id hash of password into out (crypto_pwhash_STRBYTES).
 * TL_ERR_LIMIT when out of memory for the hash. */
int tl_auth_hash(const char *password, char *out, size_t out_size);
/* 1 when password matches the stored hash. */
int tl_auth_verify(const char *stored_hash, const char *password);
/* Verify against a fixed dummy hash: the same cost for unknown accounts, so
 * timing does not tell which account names exist. */
void tl_auth_verify_dummy(const char *password);

/* A fresh random token, 64 hex digits. */
void tl_auth_token(char out[TL_TOKEN_HEX]);
/* BLAKE2b-256 of a token, hex: what the store keeps. */
void tl_auth_token_hash(const char *token, char out[TL_TOKEN_HEX]);
/* Constant-time equality of two NUL-terminated tokens (1 = equal). */
int tl_auth_token_eq(const char *a, const char *b);

/* ---- Login rate limit -----------------------------------------------------
 * At most TL_LOGIN_MAX_FAILS failed logins per key (client address, and
 * account name) per TL_LOGIN_WINDOW seconds.  Thread-safe. */
#define TL_LOGIN_MAX_FAILS 5
#define TL_LOGIN_WINDOW 300

/* Seconds until key may try again; 0 when it may try now. */
long tl_ratelimit_wait(const char *key, int64_t now);
void tl_ratelimit_fail(const char *key, int64_t now);
void tl_ratelimit_reset(const char *key);

#endif
