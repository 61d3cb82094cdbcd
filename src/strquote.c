#include "strquote.h"

static const char hexdigits[] = "0123456789abcdef";

static void put_hex(struct strbuf *sb, unsigned char c)
{
	char e[4] = { '\\', 'x', hexdigits[c >> 4], hexdigits[c & 15] };

	sb_add(sb, e, 4);
}

/*
 * Octal escapes are as short as possible, except before an octal digit,
 * where a short escape would swallow it ("\0" "1" must read "\0001").
 */
static void put_oct(struct strbuf *sb, unsigned char c, int next)
{
	char e[4];
	int n = 0;

	e[n++] = '\\';
	if (next >= '0' && next <= '7') {
		e[n++] = '0' + (c >> 6);
		e[n++] = '0' + ((c >> 3) & 7);
	} else {
		if (c >> 6)
			e[n++] = '0' + (c >> 6);
		if (c >> 3)
			e[n++] = '0' + ((c >> 3) & 7);
	}
	e[n++] = '0' + (c & 7);
	sb_add(sb, e, n);
}

/* Printable, or one of the whitespace characters with a C escape. */
static int is_text(unsigned char c)
{
	return (c >= ' ' && c < 0x7f) || (c >= '\t' && c <= '\r');
}

void quote_bytes(struct strbuf *sb, const unsigned char *s, size_t n,
		 unsigned style)
{
	if (style & QUOTE_HEX_NONPRINT) {
		for (size_t i = 0; i < n; i++)
			if (!is_text(s[i])) {
				style |= QUOTE_HEX_ALL;
				break;
			}
	}
	sb_grow(sb, n + 8);
	if (!(style & QUOTE_BARE))
		sb_putc(sb, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (style & QUOTE_HEX_ALL) {
			put_hex(sb, c);
			continue;
		}
		switch (c) {
		case '"':
			sb_add(sb, "\\\"", 2);
			continue;
		case '\\':
			sb_add(sb, "\\\\", 2);
			continue;
		case '\f':
			sb_add(sb, "\\f", 2);
			continue;
		case '\n':
			sb_add(sb, "\\n", 2);
			continue;
		case '\r':
			sb_add(sb, "\\r", 2);
			continue;
		case '\t':
			sb_add(sb, "\\t", 2);
			continue;
		case '\v':
			sb_add(sb, "\\v", 2);
			continue;
		}
		if (c >= ' ' && c < 0x7f &&
		    !((style & QUOTE_ANGLE) && (c == '<' || c == '>')))
			sb_putc(sb, c);
		else
			put_oct(sb, c, i + 1 < n ? s[i + 1] : -1);
	}
	if (!(style & QUOTE_BARE))
		sb_putc(sb, '"');
	if (style & QUOTE_ELLIPSIS)
		sb_add(sb, "...", 3);
}

bool utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		unsigned int cp, need, min;

		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0) {
			need = 1, cp = c & 0x1f, min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			need = 2, cp = c & 0x0f, min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			need = 3, cp = c & 0x07, min = 0x10000;
		} else {
			return false;
		}
		if (n - i <= need)
			return false;
		for (unsigned int k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return false;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += need + 1;
	}
	return true;
}

void quote_json(struct strbuf *sb, const char *s, size_t n)
{
	sb_putc(sb, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"':
			sb_add(sb, "\\\"", 2);
			break;
		case '\\':
			sb_add(sb, "\\\\", 2);
			break;
		case '\n':
			sb_add(sb, "\\n", 2);
			break;
		case '\t':
			sb_add(sb, "\\t", 2);
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				sb_printf(sb, "\\u%04x", c);
			else
				sb_putc(sb, (char)c);
		}
	}
	sb_putc(sb, '"');
}
