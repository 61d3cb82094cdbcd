/*
 * JSON trace records (sctrace-json(5)) back to strace's text: the line
 * sctrace's text backend prints, without the pid and time prefixes.
 * A call is always one line, as if no other tracee had cut it
 * (no "<unfinished ...>" / "<... resumed>" pairs).
 */
#ifndef SCTRACE_RENDER_H
#define SCTRACE_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "json.h"
#include "strbuf.h"

struct render_opts {
	int acolumn; /* the result column, as -a (strace's default 40) */
	/* For diffs: byte strings strace prints all in hex (random bytes,
	 * "hex":true) print as the placeholder RENDER_MASK. */
	bool mask_random;
};

/* What a masked value prints as. */
#define RENDER_MASK "*"

enum render_rc {
	RENDER_ERROR = -1,
	RENDER_LINE = 0, /* SB has the line */
	RENDER_SKIP = 1, /* a record strace does not print in the trace */
};

/*
 * Appends the text of value V.  RENDER_LINE, or RENDER_ERROR with the
 * reason in ERR for something that is no value of sctrace-json(5).
 */
int render_value(struct strbuf *sb, const struct json_value *v,
		 const struct render_opts *o, char *err, size_t errlen);

/*
 * Appends the line of record REC; COL0 is the width of the prefix that
 * will be put before it (the result column counts from the line start).
 * header, attach, detach and record types this sctrace does not know
 * are RENDER_SKIP.
 */
int render_record(struct strbuf *sb, const struct json_value *rec, size_t col0,
		  const struct render_opts *o, char *err, size_t errlen);

/* sctrace render [OPTIONS] FILE: the exit status. */
int render_main(int argc, char **argv);

#endif
