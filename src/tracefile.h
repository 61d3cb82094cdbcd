/*
 * Trace files as the readers (sctrace render, sctrace diff) see them: all
 * lines in memory, and the JSON Lines checks of sctrace-json(5) (header
 * first, a known schema_version, one version per file).
 */
#ifndef SCTRACE_TRACEFILE_H
#define SCTRACE_TRACEFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "json.h"

/* The schema_version this sctrace reads. */
#define TRACE_SCHEMA_VERSION 1

struct tracefile {
	const char *path; /* as given; "-" is stdin */
	char **lines;	  /* without their newlines */
	size_t n;
	bool last_cut; /* the last line has no newline: cut short? */
	int64_t version;
};

/* Reads PATH ("-": stdin).  0, or -1 with "PATH: why" in ERR. */
int tracefile_read(struct tracefile *tf, const char *path, char *err,
		   size_t errlen);
void tracefile_free(struct tracefile *tf);

/* Does it look like JSON Lines (its first non-blank byte is '{')? */
bool tracefile_is_json(const struct tracefile *tf);

/*
 * The record on line I (0-based) into REC (json_free() it): 1, 0 for a
 * blank line, -1 with "PATH:LINE[:COLUMN]: why" in ERR.  The header must
 * be line 0: it is checked, its version kept in tf->version, and returned
 * like any record.  A later header is an error.
 */
int tracefile_record(struct tracefile *tf, size_t i, struct json_value *rec,
		     char *err, size_t errlen);

/* For the subcommands (sctrace render, sctrace diff). */

/* "sctrace: CMD: MESSAGE" and the --help hint on stderr; STATUS. */
int subcmd_usage_error(const char *cmd, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* getopt_long() returned ':' or '?' for argv[optind - 1]: STATUS. */
int subcmd_option_error(const char *cmd, int status, int c, char **argv);
/* Flushes stdout; false (after saying so) if some output was lost. */
bool subcmd_flush(const char *cmd);

#endif
