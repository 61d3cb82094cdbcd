/* A growable byte buffer: the line being assembled for one tracee. */
#ifndef SCTRACE_STRBUF_H
#define SCTRACE_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

void sb_grow(struct strbuf *sb, size_t extra);
void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_free(struct strbuf *sb);
/* V in decimal and a NUL into BUF (22 bytes will do); its length.  For
 * the few numbers on every line, where printf is the slow part. */
size_t fmt_long(char *buf, long v);

static inline void sb_putc(struct strbuf *sb, char c)
{
	if (sb->len + 1 >= sb->cap)
		sb_grow(sb, 1);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

static inline void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
}

#endif
