/* strace's string syntax: "...", C escapes, octal or hex for the rest. */
#ifndef SCTRACE_STRQUOTE_H
#define SCTRACE_STRQUOTE_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

enum quote_style {
	QUOTE_HEX_ALL = 1 << 0, /* every byte as \xNN (getrandom, -xx) */
	QUOTE_HEX_NONPRINT = 1
			     << 1, /* all in hex if one byte is not text (-x) */
	QUOTE_ELLIPSIS = 1 << 2,   /* the string was cut: "..."... */
	QUOTE_BARE = 1 << 3,	   /* no quotes around it (-y paths) */
	QUOTE_ANGLE = 1 << 4,	   /* '<' and '>' escaped too (-y paths) */
};

void quote_bytes(struct strbuf *sb, const unsigned char *s, size_t n,
		 unsigned style);

/* True if S is well-formed UTF-8 (no overlongs, surrogates or > U+10FFFF). */
bool utf8_valid(const unsigned char *s, size_t n);
/* S as a JSON string, quotes included; S must be valid UTF-8. */
void quote_json(struct strbuf *sb, const char *s, size_t n);

#endif
