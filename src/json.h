/*
 * A small, strict JSON parser for the readers of sctrace's JSON Lines
 * traces (render, diff): one line in, a tree out.
 *
 * Strict means RFC 8259 and nothing more: no comments, no trailing commas,
 * no leading zeros, no NaN, no control characters or invalid UTF-8 in
 * strings, no lone surrogates, nothing after the value but whitespace.
 * Objects keep their members in the order of the text (duplicate keys are
 * kept too; json_get() finds the first).  Integers (no fraction, no
 * exponent) that fit are JSON_INT, larger positive ones up to 2^64-1
 * JSON_UINT, every other number JSON_DOUBLE.  Strings are decoded into
 * UTF-8 bytes (\u0000 included, so they carry a length).
 */
#ifndef SCTRACE_JSON_H
#define SCTRACE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Deeper nesting is an error, not a stack overflow. */
#define JSON_MAX_DEPTH 64

enum json_type {
	JSON_NULL,
	JSON_FALSE,
	JSON_TRUE,
	JSON_INT,
	JSON_UINT,
	JSON_DOUBLE,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

struct json_member;

struct json_value {
	enum json_type type;
	union {
		int64_t i;
		uint64_t u;
		double d;
		struct {
			char *s; /* NUL-terminated, but may hold NULs */
			size_t len;
		} str;
		struct {
			struct json_value *items;
			size_t n;
		} arr;
		struct {
			struct json_member *members;
			size_t n;
		} obj;
	} u;
};

struct json_member {
	char *key;
	size_t keylen;
	struct json_value val;
};

struct json_error {
	size_t column; /* 1-based byte column of the problem */
	char msg[80];
};

/*
 * Parses TEXT[0..LEN) (one complete JSON value) into OUT.  0, or -1 with
 * ERR filled in and OUT left as JSON_NULL (nothing to free).
 */
int json_parse(const char *text, size_t len, struct json_value *out,
	       struct json_error *err);
void json_free(struct json_value *v);

/* The first member KEY of an object, or NULL (also when V is no object). */
const struct json_value *json_get(const struct json_value *v, const char *key);
/* The string member KEY, or NULL. */
const char *json_get_str(const struct json_value *v, const char *key);
/* True if the member KEY is the literal true. */
bool json_get_true(const struct json_value *v, const char *key);
/* An integer member KEY (JSON_INT) into *OUT: true if there is one. */
bool json_get_int(const struct json_value *v, const char *key, int64_t *out);

#endif
