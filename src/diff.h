/*
 * sctrace diff [OPTIONS] OLD NEW: two traces (JSON Lines or strace's
 * text), normalized (tracenorm.h), compared thread by thread (or as one
 * sequence with --global-order), printed as a unified diff.
 */
#ifndef SCTRACE_DIFF_H
#define SCTRACE_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tracenorm.h"

struct diff_opts {
	int context;	   /* -U N */
	bool global_order; /* one sequence, not one per thread */
	bool summary;	   /* counts per syscall instead of the diff */
	bool quiet;	   /* -q */
	char **ignore;	   /* --ignore: names of syscalls or signals */
	size_t nignore;
	bool *trace; /* --trace=SET by x86-64 number, or NULL */
};

/*
 * Compares two loaded traces and writes the diff (or summary) to OUT:
 * 0 when equal, 1 when not.
 */
int diff_traces(FILE *out, const struct trace *old, const struct trace *new,
		const struct diff_opts *o);

/* The exit status: 0 equal, 1 different, 2 trouble. */
int diff_main(int argc, char **argv);

#endif
