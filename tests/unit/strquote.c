/* strace's string syntax. */
#include <criterion/criterion.h>
#include <string.h>

#include "strquote.h"

static char *quote(const char *s, size_t n, unsigned style)
{
	static struct strbuf sb;

	sb_reset(&sb);
	quote_bytes(&sb, (const unsigned char *)s, n, style);
	return sb.buf;
}

Test(strquote, printable_and_c_escapes)
{
	cr_assert_str_eq(quote("abc", 3, 0), "\"abc\"");
	cr_assert_str_eq(quote("\"\\\f\n\r\t\v", 7, 0),
			 "\"\\\"\\\\\\f\\n\\r\\t\\v\"");
	cr_assert_str_eq(quote("", 0, 0), "\"\"");
}

Test(strquote, octal_is_shortest_unless_a_digit_follows)
{
	cr_assert_str_eq(quote("\a\b\033\177\200\377", 6, 0),
			 "\"\\7\\10\\33\\177\\200\\377\"");
	cr_assert_str_eq(quote("\0"
			       "1",
			       2, 0),
			 "\"\\0001\"");
	cr_assert_str_eq(quote("\0"
			       "8",
			       2, 0),
			 "\"\\08\"");
	cr_assert_str_eq(quote("\1"
			       "7x",
			       3, 0),
			 "\"\\0017x\"");
	/* The last byte has no follower. */
	cr_assert_str_eq(quote("a\0", 2, 0), "\"a\\0\"");
}

Test(strquote, hex_styles)
{
	cr_assert_str_eq(quote("a\n\xff", 3, QUOTE_HEX_ALL),
			 "\"\\x61\\x0a\\xff\"");
	/* -x: one byte that is not text turns the whole string to hex. */
	cr_assert_str_eq(quote("a\n\xff", 3, QUOTE_HEX_NONPRINT),
			 "\"\\x61\\x0a\\xff\"");
	cr_assert_str_eq(quote("a\n\t", 3, QUOTE_HEX_NONPRINT), "\"a\\n\\t\"");
}

Test(strquote, ellipsis)
{
	cr_assert_str_eq(quote("abc", 3, QUOTE_ELLIPSIS), "\"abc\"...");
}
