/* The strict JSON parser of the trace readers. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

static struct json_value parse_ok(const char *s)
{
	struct json_value v;
	struct json_error e = { 0 };

	cr_assert_eq(json_parse(s, strlen(s), &v, &e), 0, "%s: %zu: %s", s,
		     e.column, e.msg);
	return v;
}

/* "COLUMN: MESSAGE" of a rejected text. */
static const char *parse_err(const char *s, size_t len)
{
	static char buf[128];
	struct json_value v;
	struct json_error e = { 0 };

	cr_assert_eq(json_parse(s, len, &v, &e), -1, "accepted: %s", s);
	cr_assert_eq(v.type, JSON_NULL);
	snprintf(buf, sizeof(buf), "%zu: %s", e.column, e.msg);
	return buf;
}

#define REJECT(s, want) cr_assert_str_eq(parse_err(s, strlen(s)), want)

Test(json, scalars)
{
	struct json_value v;

	v = parse_ok(" true ");
	cr_assert_eq(v.type, JSON_TRUE);
	v = parse_ok("false");
	cr_assert_eq(v.type, JSON_FALSE);
	v = parse_ok("null");
	cr_assert_eq(v.type, JSON_NULL);
	v = parse_ok("-42");
	cr_assert_eq(v.type, JSON_INT);
	cr_assert_eq(v.u.i, -42);
	v = parse_ok("9223372036854775807");
	cr_assert_eq(v.type, JSON_INT);
	cr_assert_eq(v.u.i, INT64_MAX);
	v = parse_ok("-9223372036854775808");
	cr_assert_eq(v.u.i, INT64_MIN);
	v = parse_ok("18446744073709551615");
	cr_assert_eq(v.type, JSON_UINT);
	cr_assert_eq(v.u.u, UINT64_MAX);
	v = parse_ok("18446744073709551616");
	cr_assert_eq(v.type, JSON_DOUBLE);
	v = parse_ok("1795294800.123456");
	cr_assert_eq(v.type, JSON_DOUBLE);
	cr_assert_float_eq(v.u.d, 1795294800.123456, 1e-6);
	v = parse_ok("1e3");
	cr_assert_eq(v.type, JSON_DOUBLE);
	cr_assert_float_eq(v.u.d, 1000.0, 1e-9);
	v = parse_ok("-0.5E-1");
	cr_assert_float_eq(v.u.d, -0.05, 1e-12);
}

Test(json, strings_decode_to_utf8)
{
	struct json_value v;

	v = parse_ok("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\"");
	cr_assert_eq(v.type, JSON_STRING);
	cr_assert_str_eq(v.u.str.s, "a\"\\/\b\f\n\r\t");
	json_free(&v);
	v = parse_ok("\"\\u00e9\\u20ac\"");
	cr_assert_str_eq(v.u.str.s, "\xc3\xa9\xe2\x82\xac");
	json_free(&v);
	/* A surrogate pair is one code point: U+1F600. */
	v = parse_ok("\"\\ud83d\\ude00\"");
	cr_assert_str_eq(v.u.str.s, "\xf0\x9f\x98\x80");
	cr_assert_eq(v.u.str.len, 4);
	json_free(&v);
	v = parse_ok("\"a\\u0000b\"");
	cr_assert_eq(v.u.str.len, 3);
	cr_assert_eq(memcmp(v.u.str.s, "a\0b", 3), 0);
	json_free(&v);
	v = parse_ok("\"\xc3\xa9\"");
	cr_assert_str_eq(v.u.str.s, "\xc3\xa9");
	json_free(&v);
}

Test(json, objects_keep_their_order)
{
	struct json_value v = parse_ok(
		"{\"z\":1, \"a\":[true,{\"b\":\"c\"}], \"m\":{}, \"z\":2}");

	cr_assert_eq(v.type, JSON_OBJECT);
	cr_assert_eq(v.u.obj.n, 4);
	cr_assert_str_eq(v.u.obj.members[0].key, "z");
	cr_assert_str_eq(v.u.obj.members[1].key, "a");
	cr_assert_str_eq(v.u.obj.members[2].key, "m");
	/* The first of two equal keys. */
	cr_assert_eq(json_get(&v, "z")->u.i, 1);
	cr_assert_eq(json_get(&v, "a")->u.arr.n, 2);
	cr_assert_str_eq(json_get_str(&json_get(&v, "a")->u.arr.items[1], "b"),
			 "c");
	cr_assert_eq(json_get(&v, "m")->u.obj.n, 0);
	cr_assert_null(json_get(&v, "nope"));
	json_free(&v);
	v = parse_ok("[]");
	cr_assert_eq(v.u.arr.n, 0);
	json_free(&v);
}

Test(json, errors_say_where)
{
	REJECT("", "1: unexpected end of line, a value expected");
	REJECT("{\"a\":1", "7: unexpected end of line, ',' or '}' expected");
	REJECT("{\"a\":\"xy", "9: unexpected end of line in a string");
	REJECT("{\"a\" 1}", "6: unexpected '1', ':' expected");
	REJECT("[1,]", "4: unexpected ']', a value expected");
	REJECT("{\"a\":1,}", "8: unexpected '}', a string key expected");
	REJECT("{a:1}", "2: unexpected 'a', a string key expected");
	REJECT("01", "2: leading zero in a number");
	REJECT("-", "2: unexpected end of line, a digit expected");
	REJECT("1.", "3: unexpected end of line, a digit expected");
	REJECT("1e", "3: unexpected end of line, a digit expected");
	REJECT("NaN", "1: unexpected 'N', a value expected");
	REJECT("tru", "1: unexpected 't', a value expected");
	REJECT("1 2", "3: unexpected '2', the end of the line expected");
	REJECT("\"\\x\"", "2: invalid escape");
	REJECT("\"\\u12g4\"", "6: bad hex digit in \\u escape");
	REJECT("\"\\ud800\"", "2: lone high surrogate \\ud800");
	REJECT("\"\\ud800\\u0041\"", "2: lone high surrogate \\ud800");
	REJECT("\"\\udc00\"", "2: lone low surrogate \\udc00");
	REJECT("\"a\tb\"", "3: control character 0x09 in a string");
	REJECT("\"\xff\"", "2: invalid UTF-8 in a string");
	REJECT("\"\xc0\xaf\"", "2: invalid UTF-8 in a string"); /* overlong */
	REJECT("\"\xed\xa0\x80\"",
	       "2: invalid UTF-8 in a string"); /* surrogate */
	REJECT("1e999", "1: number out of range");
	cr_assert_str_eq(parse_err("[1\0]", 4),
			 "3: unexpected byte 0x00, ',' or ']' expected");
}

Test(json, depth_is_bounded)
{
	char deep[2 * JSON_MAX_DEPTH + 3];
	struct json_value v;

	memset(deep, '[', JSON_MAX_DEPTH);
	memset(deep + JSON_MAX_DEPTH, ']', JSON_MAX_DEPTH);
	deep[2 * JSON_MAX_DEPTH] = '\0';
	v = parse_ok(deep);
	json_free(&v);
	memset(deep, '[', JSON_MAX_DEPTH + 1);
	memset(deep + JSON_MAX_DEPTH + 1, ']', JSON_MAX_DEPTH + 1);
	deep[2 * JSON_MAX_DEPTH + 2] = '\0';
	cr_assert_str_eq(parse_err(deep, strlen(deep)),
			 "65: nested deeper than 64");
}

Test(json, a_failed_parse_frees_what_it_built)
{
	/* Run under ASan: nothing may leak from the half-built trees. */
	parse_err("[\"a\",{\"b\":[\"c\",{\"d\":\"e\"", 24);
	parse_err("{\"a\":[1,2,{\"b\":\"x", 17);
}
