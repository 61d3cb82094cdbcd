#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "strbuf.h"
#include "util.h"

struct parser {
	const unsigned char *s;
	size_t len;
	size_t pos;
	unsigned depth;
	struct json_error *err;
};

__attribute__((format(printf, 3, 4))) static int
fail_at(struct parser *p, size_t pos, const char *fmt, ...)
{
	va_list ap;

	if (p->err) {
		p->err->column = pos + 1;
		va_start(ap, fmt);
		vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* What was found where something else was expected. */
static int unexpected(struct parser *p, const char *wanted)
{
	if (p->pos >= p->len)
		return fail_at(p, p->pos, "unexpected end of line, %s expected",
			       wanted);
	if (p->s[p->pos] >= ' ' && p->s[p->pos] < 0x7f)
		return fail_at(p, p->pos, "unexpected '%c', %s expected",
			       p->s[p->pos], wanted);
	return fail_at(p, p->pos, "unexpected byte 0x%02x, %s expected",
		       p->s[p->pos], wanted);
}

static void skip_ws(struct parser *p)
{
	while (p->pos < p->len &&
	       (p->s[p->pos] == ' ' || p->s[p->pos] == '\t' ||
		p->s[p->pos] == '\n' || p->s[p->pos] == '\r'))
		p->pos++;
}

static int parse_value(struct parser *p, struct json_value *v);

/* Whitespace, then C if it is next. */
static bool eat(struct parser *p, char c)
{
	skip_ws(p);
	if (p->pos < p->len && p->s[p->pos] == (unsigned char)c) {
		p->pos++;
		return true;
	}
	return false;
}

/* After an item: 1 if another follows, 0 at CLOSE, or -1. */
static int next_item(struct parser *p, char close, const char *expected)
{
	if (eat(p, ','))
		return 1;
	if (eat(p, close))
		return 0;
	return unexpected(p, expected);
}

static int literal(struct parser *p, const char *word, enum json_type t,
		   struct json_value *v)
{
	size_t n = strlen(word);

	if (p->len - p->pos < n || memcmp(p->s + p->pos, word, n) != 0)
		return unexpected(p, "a value");
	p->pos += n;
	v->type = t;
	return 0;
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static size_t digits(struct parser *p)
{
	size_t start = p->pos;

	while (p->pos < p->len && is_digit(p->s[p->pos]))
		p->pos++;
	return p->pos - start;
}

static int parse_number(struct parser *p, struct json_value *v)
{
	size_t start = p->pos;
	bool integral = true;
	char buf[64], *end;

	if (p->s[p->pos] == '-')
		p->pos++;
	if (p->pos < p->len && p->s[p->pos] == '0') {
		p->pos++;
		if (p->pos < p->len && is_digit(p->s[p->pos]))
			return fail_at(p, p->pos, "leading zero in a number");
	} else if (!digits(p)) {
		return unexpected(p, "a digit");
	}
	if (p->pos < p->len && p->s[p->pos] == '.') {
		integral = false;
		p->pos++;
		if (!digits(p))
			return unexpected(p, "a digit");
	}
	if (p->pos < p->len && (p->s[p->pos] == 'e' || p->s[p->pos] == 'E')) {
		integral = false;
		p->pos++;
		if (p->pos < p->len &&
		    (p->s[p->pos] == '+' || p->s[p->pos] == '-'))
			p->pos++;
		if (!digits(p))
			return unexpected(p, "a digit");
	}
	if (p->pos - start >= sizeof(buf))
		return fail_at(p, start, "number too long");
	memcpy(buf, p->s + start, p->pos - start);
	buf[p->pos - start] = '\0';
	errno = 0;
	if (integral && buf[0] == '-') {
		v->u.i = strtoll(buf, &end, 10);
		if (!errno) {
			v->type = JSON_INT;
			return 0;
		}
	} else if (integral) {
		v->u.u = strtoull(buf, &end, 10);
		if (!errno) {
			v->type = v->u.u > INT64_MAX ? JSON_UINT : JSON_INT;
			return 0;
		}
	}
	errno = 0;
	v->u.d = strtod(buf, &end);
	if (errno == ERANGE && (v->u.d > 1 || v->u.d < -1))
		return fail_at(p, start, "number out of range");
	v->type = JSON_DOUBLE;
	return 0;
}

static int hex4(struct parser *p, unsigned *out)
{
	unsigned v = 0;

	if (p->len - p->pos < 4)
		return fail_at(p, p->pos,
			       "unexpected end of line in \\u escape");
	for (int i = 0; i < 4; i++) {
		unsigned char c = p->s[p->pos];

		v <<= 4;
		if (is_digit(c))
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return fail_at(p, p->pos,
				       "bad hex digit in \\u escape");
		p->pos++;
	}
	*out = v;
	return 0;
}

static void put_utf8(struct strbuf *sb, unsigned cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | cp >> 12);
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		b[0] = (char)(0xf0 | cp >> 18);
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	sb_add(sb, b, n);
}

/* \uXXXX, or a surrogate pair \uD8XX\uDCXX, as one code point. */
static int unicode_escape(struct parser *p, struct strbuf *sb)
{
	size_t at = p->pos - 2;
	unsigned hi, lo;

	if (hex4(p, &hi) < 0)
		return -1;
	if (hi >= 0xdc00 && hi <= 0xdfff)
		return fail_at(p, at, "lone low surrogate \\u%04x", hi);
	if (hi >= 0xd800 && hi <= 0xdbff) {
		if (p->len - p->pos < 2 || p->s[p->pos] != '\\' ||
		    p->s[p->pos + 1] != 'u')
			return fail_at(p, at, "lone high surrogate \\u%04x",
				       hi);
		p->pos += 2;
		if (hex4(p, &lo) < 0)
			return -1;
		if (lo < 0xdc00 || lo > 0xdfff)
			return fail_at(p, at, "lone high surrogate \\u%04x",
				       hi);
		hi = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
	}
	put_utf8(sb, hi);
	return 0;
}

/* The length of the well-formed UTF-8 sequence at S, or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	unsigned cp, need;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		need = 1, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		need = 2, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		need = 3, cp = s[0] & 0x07;
	else
		return 0;
	if (n < need + 1)
		return 0;
	for (unsigned i = 1; i <= need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((need == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (need == 3 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return need + 1;
}

static int parse_string(struct parser *p, char **out, size_t *outlen)
{
	struct strbuf sb = { 0 };

	p->pos++; /* the opening quote */
	sb_grow(&sb, 16);
	for (;;) {
		unsigned char c;
		size_t n;

		if (p->pos >= p->len) {
			sb_free(&sb);
			return fail_at(p, p->pos,
				       "unexpected end of line in a string");
		}
		c = p->s[p->pos];
		if (c == '"')
			break;
		if (c < ' ') {
			sb_free(&sb);
			return fail_at(p, p->pos,
				       "control character 0x%02x in a string",
				       c);
		}
		if (c != '\\') {
			n = utf8_seq(p->s + p->pos, p->len - p->pos);
			if (!n) {
				sb_free(&sb);
				return fail_at(p, p->pos,
					       "invalid UTF-8 in a string");
			}
			sb_add(&sb, (const char *)p->s + p->pos, n);
			p->pos += n;
			continue;
		}
		p->pos += 2;
		switch (p->pos - 1 < p->len ? p->s[p->pos - 1] : 0) {
		case '"':
		case '\\':
		case '/':
			sb_putc(&sb, (char)p->s[p->pos - 1]);
			break;
		case 'b':
			sb_putc(&sb, '\b');
			break;
		case 'f':
			sb_putc(&sb, '\f');
			break;
		case 'n':
			sb_putc(&sb, '\n');
			break;
		case 'r':
			sb_putc(&sb, '\r');
			break;
		case 't':
			sb_putc(&sb, '\t');
			break;
		case 'u':
			if (unicode_escape(p, &sb) < 0) {
				sb_free(&sb);
				return -1;
			}
			break;
		default:
			sb_free(&sb);
			if (p->pos - 1 >= p->len)
				return fail_at(
					p, p->len,
					"unexpected end of line in a string");
			return fail_at(p, p->pos - 2, "invalid escape");
		}
	}
	p->pos++;
	*out = sb.buf;
	*outlen = sb.len;
	return 0;
}

/* Grows *ITEMS (of SIZE bytes each) to hold N + 1. */
static void *grow(void *items, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return items;
	*cap = *cap ? *cap * 2 : 4;
	return xrealloc(items, *cap * size);
}

static int parse_array(struct parser *p, struct json_value *v)
{
	size_t cap = 0;
	int rc;

	v->type = JSON_ARRAY;
	v->u.arr.items = NULL;
	v->u.arr.n = 0;
	p->pos++;
	if (eat(p, ']'))
		return 0;
	for (;;) {
		v->u.arr.items = grow(v->u.arr.items, v->u.arr.n, &cap,
				      sizeof(*v->u.arr.items));
		/* Counted first: what a failed item holds is freed too. */
		if (parse_value(p, &v->u.arr.items[v->u.arr.n++]) < 0)
			return -1;
		rc = next_item(p, ']', "',' or ']'");
		if (rc <= 0)
			return rc;
	}
}

static int parse_object(struct parser *p, struct json_value *v)
{
	size_t cap = 0;
	int rc;

	v->type = JSON_OBJECT;
	v->u.obj.members = NULL;
	v->u.obj.n = 0;
	p->pos++;
	if (eat(p, '}'))
		return 0;
	for (;;) {
		struct json_member *m;

		skip_ws(p);
		if (p->pos >= p->len || p->s[p->pos] != '"')
			return unexpected(p, "a string key");
		v->u.obj.members = grow(v->u.obj.members, v->u.obj.n, &cap,
					sizeof(*v->u.obj.members));
		m = &v->u.obj.members[v->u.obj.n];
		m->val.type = JSON_NULL;
		if (parse_string(p, &m->key, &m->keylen) < 0)
			return -1;
		v->u.obj.n++;
		if (!eat(p, ':'))
			return unexpected(p, "':'");
		if (parse_value(p, &m->val) < 0)
			return -1;
		rc = next_item(p, '}', "',' or '}'");
		if (rc <= 0)
			return rc;
	}
}

static int parse_value(struct parser *p, struct json_value *v)
{
	int rc;

	v->type = JSON_NULL;
	skip_ws(p);
	if (p->pos >= p->len)
		return unexpected(p, "a value");
	switch (p->s[p->pos]) {
	case '{':
	case '[':
		if (p->depth >= JSON_MAX_DEPTH)
			return fail_at(p, p->pos, "nested deeper than %d",
				       JSON_MAX_DEPTH);
		p->depth++;
		rc = p->s[p->pos] == '{' ? parse_object(p, v)
					 : parse_array(p, v);
		p->depth--;
		return rc;
	case '"':
		v->type = JSON_STRING;
		v->u.str.s = NULL;
		return parse_string(p, &v->u.str.s, &v->u.str.len);
	case 't':
		return literal(p, "true", JSON_TRUE, v);
	case 'f':
		return literal(p, "false", JSON_FALSE, v);
	case 'n':
		return literal(p, "null", JSON_NULL, v);
	default:
		if (p->s[p->pos] == '-' || is_digit(p->s[p->pos]))
			return parse_number(p, v);
		return unexpected(p, "a value");
	}
}

int json_parse(const char *text, size_t len, struct json_value *out,
	       struct json_error *err)
{
	struct parser p = {
		.s = (const unsigned char *)text,
		.len = len,
		.err = err,
	};

	if (parse_value(&p, out) == 0) {
		skip_ws(&p);
		if (p.pos == p.len)
			return 0;
		unexpected(&p, "the end of the line");
	}
	json_free(out);
	return -1;
}

void json_free(struct json_value *v)
{
	switch (v->type) {
	case JSON_STRING:
		free(v->u.str.s);
		break;
	case JSON_ARRAY:
		for (size_t i = 0; i < v->u.arr.n; i++)
			json_free(&v->u.arr.items[i]);
		free(v->u.arr.items);
		break;
	case JSON_OBJECT:
		for (size_t i = 0; i < v->u.obj.n; i++) {
			free(v->u.obj.members[i].key);
			json_free(&v->u.obj.members[i].val);
		}
		free(v->u.obj.members);
		break;
	default:
		break;
	}
	v->type = JSON_NULL;
}

const struct json_value *json_get(const struct json_value *v, const char *key)
{
	size_t n = strlen(key);

	if (!v || v->type != JSON_OBJECT)
		return NULL;
	for (size_t i = 0; i < v->u.obj.n; i++)
		if (v->u.obj.members[i].keylen == n &&
		    memcmp(v->u.obj.members[i].key, key, n) == 0)
			return &v->u.obj.members[i].val;
	return NULL;
}

const char *json_get_str(const struct json_value *v, const char *key)
{
	const struct json_value *m = json_get(v, key);

	return m && m->type == JSON_STRING ? m->u.str.s : NULL;
}

bool json_get_true(const struct json_value *v, const char *key)
{
	const struct json_value *m = json_get(v, key);

	return m && m->type == JSON_TRUE;
}

bool json_get_int(const struct json_value *v, const char *key, int64_t *out)
{
	const struct json_value *m = json_get(v, key);

	if (!m || m->type != JSON_INT)
		return false;
	*out = m->u.i;
	return true;
}
