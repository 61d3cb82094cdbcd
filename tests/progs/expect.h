/*
 * For test programs: collect the trace lines they expect and print them
 * after the end marker (printing earlier would add write() calls to the
 * traced part).  The result column is collapsed to " = "; the harness
 * collapses the traced lines the same way.
 */
#ifndef SCTRACE_TEST_EXPECT_H
#define SCTRACE_TEST_EXPECT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char expect_buf[1 << 16];
static size_t expect_len;

__attribute__((format(printf, 1, 2))) static inline void expect(const char *fmt,
								...)
{
	size_t room = sizeof(expect_buf) - expect_len;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(expect_buf + expect_len, room, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n + 1 >= room)
		abort();
	expect_len += n;
	expect_buf[expect_len++] = '\n';
}

/* The harness keeps the trace lines between these two calls. */
static inline void marker_begin(void)
{
	fflush(stdout);
	if (chdir("/sctrace-marker-begin") == 0)
		abort();
}

static inline void marker_end(void)
{
	if (chdir("/sctrace-marker-end") == 0)
		abort();
	fwrite(expect_buf, 1, expect_len, stdout);
	fflush(stdout);
}

#endif
