/*
 * -e inject= and -e fault=: make chosen calls fail, return a value,
 * raise a signal or wait, on chosen invocations (when=).
 */
#ifndef SCTRACE_INJECT_H
#define SCTRACE_INJECT_H

#include <stdbool.h>
#include <stddef.h>

struct tracee;

struct inject_rule {
	bool *nrs;		/* the x86-64 syscalls it applies to */
	int error;		/* error=: the errno to return, or 0 */
	bool has_retval;	/* retval= */
	unsigned long retval;
	long replace_nr;	/* syscall=: run this instead, or -1 */
	int signal;		/* signal=, or 0 */
	unsigned long delay_enter, delay_exit;	/* microseconds */
	unsigned long first, last, step;	/* when= */
};

/* One -e inject=/fault= value: SET:OPTION[:OPTION]...; 0 or -1. */
int inject_parse(const char *arg, bool fault, char *err, size_t errlen);
/* Any rule for this x86-64 syscall (so the seccomp filter stops on it). */
bool inject_wanted(unsigned long nr);
/* Counts this invocation; the rule that applies to it now, or NULL. */
const struct inject_rule *inject_match(struct tracee *tp);
/* Whether the call is skipped (error= or retval=). */
bool inject_skips(const struct inject_rule *r);

#endif
