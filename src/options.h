/* argv -> struct options, validated before anything is started. */
#ifndef SCTRACE_OPTIONS_H
#define SCTRACE_OPTIONS_H

#include <stdbool.h>
#include <sys/types.h>

#include "summary.h"

enum fetch_mode {
	FETCH_AUTO,    /* PTRACE_GET_SYSCALL_INFO when the kernel has it */
	FETCH_GETREGS, /* always PTRACE_GETREGS (SCTRACE_FETCH=getregs) */
};

/* -I: when fatal signals (SIGINT, SIGTERM...) may interrupt sctrace. */
enum intr_mode {
	INTR_ANYWHERE = 1,
	INTR_WAITING,	/* the default */
	INTR_NEVER,	/* blocked: the default with -o FILE PROG */
	INTR_NEVER_TSTP,	/* ... and SIGTSTP too */
};

enum ts_format { TS_NONE, TS_TIME, TS_UNIX };

/* Digits after the point: s 0, ms 3, us 6, ns 9. */
struct ts_spec {
	enum ts_format format;
	int precision;
};

struct options {
	char **cmd_argv;      /* the command and its arguments */
	const char *cmd_path; /* the command resolved through PATH */
	const char *outfile;  /* -o FILE, or NULL for stderr */
	int max_strlen;	      /* -s */
	int acolumn;	      /* -a */
	int xflag;	      /* -x, -xx */
	enum fetch_mode fetch;
	int follow_forks;	/* -f: 1, -ff: 2 */
	pid_t *attach;		/* -p PID... */
	unsigned int nattach;
	int quiet;		/* -q, -qq, -qqq */
	enum intr_mode intr;
	char **cmd_envp;	/* the environment, after -E */
	const char *username;	/* -u */
	uid_t run_uid;
	gid_t run_gid;
	bool detach_on_execve;	/* -b execve */
	int daemonize;		/* -D, -DD, -DDD */
	enum { SECCOMP_AUTO, SECCOMP_FORCE, SECCOMP_OFF } seccomp;
	struct ts_spec abs_ts;	/* -t, -tt, -ttt, --absolute-timestamps */
	int rel_ts;		/* -r: precision, or -1 */
	int syscall_times;	/* -T: precision, or -1 */
	int count;		/* -c: 1 (table only), -C: 2 (trace too) */
	bool stack_trace;	/* -k */
	bool json;		/* --json: JSON Lines (man/sctrace-json.5) */
	bool decode_fds;	/* -y, -yy, -e decode-fds=: any of them */
	bool decode_pids;	/* --decode-pids=comm */
	enum { XLAT_ABBREV, XLAT_RAW, XLAT_VERBOSE } xlat_style; /* -X */
	bool append;		/* -A: -o FILE opened for appending */
	bool no_aslr;		/* --no-aslr: ADDR_NO_RANDOMIZE for the command */
	int argc;		/* sctrace's own command line, for the */
	char **argv;		/* JSON header */
	struct summary_opts summary;	/* -S, -U, -w */
};

/* Read-only once options_parse() has returned. */
extern struct options opt;

/* Parses argv into opt; on bad input prints one message and exits 1. */
void options_parse(int argc, char **argv);

/* The usage error tail: "Try 'sctrace -h' ..." and exit(1). */
void usage_error(const char *fmt, ...)
	__attribute__((format(printf, 1, 2), noreturn));

#endif
