/*
 * The -c summary: per-syscall counts and times, printed at the end as
 * strace 6.1's table.
 *
 * Option errors (options.c prints "sctrace: MESSAGE", then the "Try
 * 'sctrace -h' for more information." line -- strace prints that line for
 * all three -- and exits 1):
 *   -S  invalid sortby: '%s'
 *   -U  unknown column name: '%s'
 *       call summary column has been provided more than once: '%s'
 *       (-U option residual: '%s')     [one line]
 *   -O  invalid -O argument: '%s'
 *
 * Beyond strace, -U takes three more columns (strace has no such names,
 * so a strace command line never selects them):
 *   p50, p99  the median and 99th percentile of the call times, printed
 *             like "shortest"/"longest" (seconds, 6 decimals).  They come
 *             from a log-linear histogram (128 buckets per power of two,
 *             exact below 128 ns) and are within 0.4% of the exact value
 *             (and never outside shortest..longest).
 *   errnos    how the errors split by errno, most frequent first, then by
 *             errno value: "41 ENOENT, 2 EACCES"; blank for no errors.
 *             A left-aligned text column like the name; the total line
 *             sums every syscall.
 * -S also accepts p50 and p99 (slowest first) and errnos (as errors).
 */
#ifndef SCTRACE_SUMMARY_H
#define SCTRACE_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum summary_column {
	SCOL_NONE = 0,
	SCOL_PERCENT, /* "% time" */
	SCOL_TOTAL,   /* "seconds" */
	SCOL_MIN,     /* "shortest" */
	SCOL_MAX,     /* "longest" */
	SCOL_AVG,     /* "usecs/call" */
	SCOL_CALLS,
	SCOL_ERRORS,
	SCOL_NAME, /* "syscall" */
	SCOL_P50,
	SCOL_P99,
	SCOL_ERRNOS,
	SCOL_COUNT
};

enum summary_sort {
	SSORT_TIME, /* the default: total time, largest first */
	SSORT_MIN_TIME,
	SSORT_MAX_TIME,
	SSORT_AVG_TIME,
	SSORT_CALLS,
	SSORT_ERRORS,
	SSORT_NAME,
	SSORT_NOTHING, /* syscall number order */
	SSORT_P50,
	SSORT_P99,
};

struct summary_opts {
	int sortby; /* enum summary_sort (-S) */
	/*
	 * -w: the caller passes wall-clock latency to summary_add()
	 * instead of system CPU time; the table itself is the same.
	 */
	bool wall;
	unsigned int ncolumns;	     /* -U */
	uint8_t columns[SCOL_COUNT]; /* enum summary_column, in order */
};

/* The defaults: -S time, -U time-percent,total-time,avg-time,calls,
 * errors,name. */
void summary_opts_init(struct summary_opts *o);

/* -S value -> enum summary_sort, or -1.  Case-sensitive, as strace. */
int summary_parse_sortby(const char *s);

/*
 * -U value into o->columns; the name column is appended when not
 * listed.  Returns 0, or -1 with the message in err (o unchanged).
 */
int summary_parse_columns(const char *s, struct summary_opts *o, char *err,
			  size_t errlen);

/* -O value (default unit us; s, ms, us, ns suffixes) -> ns, or -1. */
int summary_parse_overhead(const char *s, uint64_t *ns);
/* Subtracted from every call's time (floored at 0), as strace's -O. */
void summary_set_overhead(uint64_t ns);

/* strace's personalities: each gets a table of its own. */
enum summary_abi {
	SUMMARY_X86_64,
	SUMMARY_I386, /* int 0x80: "System call usage summary for 32 bit mode:" */
	SUMMARY_NABI
};

/*
 * One finished call: its ABI and number in that ABI, its name (NULL for
 * a number the table does not name: not counted, as in strace),
 * duration, errno or 0.
 */
void summary_add(enum summary_abi abi, unsigned long nr, const char *name,
		 uint64_t ns, int error);

/*
 * The tables: x86-64's, then i386's under its title line; nothing for
 * an ABI none of whose calls was counted.
 */
void summary_print(FILE *out, const struct summary_opts *o);

void summary_reset(void);

#endif
