/* Small helpers every room may use: allocation and fatal errors. */
#ifndef SCTRACE_UTIL_H
#define SCTRACE_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* The command name of PID (/proc/PID/comm), false if it is gone. */
bool proc_comm(int pid, char *buf, size_t size);

/* Formats a message into ERR (if any) for the caller to print; -1. */
int set_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* "sctrace: MESSAGE" on stderr. */
void error_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "sctrace: MESSAGE: strerror(errno)" on stderr. */
void perror_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same, then exit(1). */
void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
void pdie(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
