/*
 * For test programs: collect the trace lines they expect and print them
 * after the end marker (printing earlier would add write() calls to the
 * traced part).  The result column is collapsed to " = "; the harness
 * collapses the traced lines the same way.
 */
#ifndef SCTRACE_TEST_EXPECT_H
#define SCTRACE_TEST_EXPECT_H

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
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

/*
 * An address where nothing is mapped, just after a page that is: reads
 * that run into it fail, so the tracer prints the address or "...".
 */
static inline char *unmapped_page(void)
{
	long page = sysconf(_SC_PAGESIZE);
	char *area = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (area == MAP_FAILED)
		exit(99);
	munmap(area + page, page);
	return area + page;
}

/*
 * A result as strace prints it: "0", or "-1 ENOENT (No such file or
 * directory)" for the errnos the test programs meet.
 */
static inline const char *res(long rc, int err)
{
	static const struct {
		int err;
		const char *name;
	} names[] = {
		{ EACCES, "EACCES" },
		{ EADDRINUSE, "EADDRINUSE" },
		{ EADDRNOTAVAIL, "EADDRNOTAVAIL" },
		{ EAFNOSUPPORT, "EAFNOSUPPORT" },
		{ EAGAIN, "EAGAIN" },
		{ EBADF, "EBADF" },
		{ EBUSY, "EBUSY" },
		{ ECHILD, "ECHILD" },
		{ EEXIST, "EEXIST" },
		{ EFAULT, "EFAULT" },
		{ EINVAL, "EINVAL" },
		{ EISCONN, "EISCONN" },
		{ ENETUNREACH, "ENETUNREACH" },
		{ ENODATA, "ENODATA" },
		{ ENODEV, "ENODEV" },
		{ ENOENT, "ENOENT" },
		{ ENOMEM, "ENOMEM" },
		{ ENOMSG, "ENOMSG" },
		{ ENOPROTOOPT, "ENOPROTOOPT" },
		{ ENOSYS, "ENOSYS" },
		{ ENOTDIR, "ENOTDIR" },
		{ ENOTTY, "ENOTTY" },
		{ EOPNOTSUPP, "EOPNOTSUPP" },
		{ EOVERFLOW, "EOVERFLOW" },
		{ EPERM, "EPERM" },
		{ EPROTONOSUPPORT, "EPROTONOSUPPORT" },
		{ ERANGE, "ERANGE" },
		{ ESRCH, "ESRCH" },
		{ ETIMEDOUT, "ETIMEDOUT" },
		{ EXDEV, "EXDEV" },
	};
	static char buf[4][128];
	static int n;
	char *b = buf[n++ % 4];

	snprintf(b, sizeof(buf[0]), "%ld", rc);
	if (rc == -1)
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (names[i].err == err)
				snprintf(b, sizeof(buf[0]), "-1 %s (%s)",
					 names[i].name, strerror(err));
	return b;
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
