/*
 * The -e expression grammar: which calls, signals, results and messages are
 * shown.  strace 6.1's language; no printing and no exit() in here.
 *
 * EXPR is [QUALIFIER=][!]...VALUE[,VALUE]...  The qualifier names and
 * their aliases:
 *
 *   trace t, abbrev a, verbose v, raw x, signal signals s, status,
 *   read reads r, write writes w, fault, inject, kvm,
 *   quiet silent silence q, decode-fds decode-fd, decode-pids decode-pid
 *
 * A string that does not start with one of those followed by '=' is a
 * whole trace= set ("-e open", "-e bogus=x" -> invalid system call
 * 'bogus=x').  Every -e of a kind replaces the earlier one of that kind.
 * Each leading '!' inverts the set; "all" and "none" mean something only
 * as the whole value (after the '!'s); empty items (",,") are skipped.
 *
 * Syscall sets (trace, abbrev, verbose, raw) take, per item:
 *   NAME      a syscall of any ABI strace 6.1 knows (i386-only names such
 *             as stat64 are accepted and select nothing on x86-64)
 *   NUMBER    decimal; valid if some ABI has a syscall with that number
 *   /REGEX    POSIX extended, unanchored, over the names; valid if it
 *             matches one
 *   %CLASS    %desc %file %memory %process %signal %ipc %network (%net)
 *             %stat %lstat %fstat %%stat %statfs %fstatfs %%statfs %pure
 *             %creds %clock; the legacy forms desc file memory process
 *             signal ipc network select the same; "all" inside a list
 *             selects every named call
 *   ?ITEM     no error if ITEM is unknown (a bad regex is still an error)
 *
 * Error messages (what qualify_parse() puts in err), printed by strace
 * as "strace: MESSAGE" with NO "Try 'strace -h'..." line:
 *   invalid system call '%s'     item, or the whole value if it has none
 *   regcomp: %s: %s              the regex (after '/'), regerror() text
 *   invalid signal '%s'
 *   invalid status '%s'
 *   invalid quiet '%s'
 *   invalid descriptor '%s'      read=, write=
 *   invalid decode-fds '%s'
 *   invalid decode-pids '%s'
 *   invalid -e kvm= argument: '%s'
 * fault= and inject= are parsed by inject.c (inject_parse()).
 */
#ifndef SCTRACE_QUALIFY_H
#define SCTRACE_QUALIFY_H

#include <stdbool.h>
#include <stddef.h>

enum qual_kind {
	QUAL_TRACE,
	QUAL_ABBREV,
	QUAL_VERBOSE,
	QUAL_RAW,
	QUAL_SIGNAL,
	QUAL_STATUS,
	QUAL_QUIET,
	QUAL_READ,
	QUAL_WRITE,
	QUAL_FAULT,
	QUAL_INJECT,
	QUAL_KVM,
	QUAL_DECODE_FDS,
	QUAL_DECODE_PIDS,
};

/* -e status=, names case-insensitive; default all. */
enum qual_status {
	STATUS_SUCCESSFUL,  /* returned without an error */
	STATUS_FAILED,	    /* returned an error */
	STATUS_UNFINISHED,  /* never returned (execve in another thread) */
	STATUS_UNAVAILABLE, /* returned, but the result could not be read */
	STATUS_DETACHED,    /* we detached before it returned */
};

/* -e quiet=, names case-insensitive; default none. */
enum qual_quiet {
	QUIET_ATTACH,	       /* attach: "[ Process NNNN attached ]" */
	QUIET_EXIT,	       /* exit, exits: "+++ exited with N +++" */
	QUIET_PATH_RESOLUTION, /* path-resolution: -P "Requested path..." */
	QUIET_PERSONALITY,     /* personality: "[ Process PID=N runs in..." */
	QUIET_THREAD_EXECVE,   /* thread-execve, superseded */
};

/* -e decode-fds=: path, socket, dev, pidfd; default none. */
enum qual_decode_fd {
	DECODE_FD_PATH,
	DECODE_FD_SOCKET,
	DECODE_FD_DEV,
	DECODE_FD_PIDFD,
};

/* -e decode-pids=: comm, pidns; default none. */
enum qual_decode_pid {
	DECODE_PID_COMM,
	DECODE_PID_PIDNS,
};

/*
 * One -e argument ("trace=open,close", "%file", "signal=!SIGCHLD").
 * Returns 0, or -1 with the message (no "sctrace: " prefix) in err; on
 * error nothing changes.
 */
int qualify_parse(const char *expr, char *err, size_t errlen);
/* The value of a long option: --trace=SET is (QUAL_TRACE, "SET"). */
int qualify_parse_kind(enum qual_kind kind, const char *set, char *err,
		       size_t errlen);

/*
 * Is this x86-64 syscall traced?  A number the table does not name is
 * always traced (and printed raw), whatever the set: strace 6.1 does the
 * same, so "-e trace=none" still shows syscall_0x190(...).
 */
bool qual_trace(unsigned long nr);
/* True when every named syscall is traced: no seccomp filter needed. */
bool qual_trace_is_all(void);
/* abbrev= (default all), verbose= (default all), raw= (default none). */
bool qual_abbrev(unsigned long nr);
bool qual_verbose(unsigned long nr);
bool qual_raw(unsigned long nr);

bool qual_signal(int sig); /* default all */
bool qual_status(enum qual_status st);
bool qual_quiet(enum qual_quiet q);
bool qual_read_fd(int fd);  /* -e read=, default none */
bool qual_write_fd(int fd); /* -e write=, default none */
bool qual_decode_fd(enum qual_decode_fd d);
bool qual_decode_pid(enum qual_decode_pid d);
bool qual_kvm(void); /* -e kvm=vcpu */

/*
 * A syscall set in trace= syntax, as a table of the N first x86-64
 * numbers (for -e inject= and -e fault=).  0, or -1 with a message.
 */
int qualify_syscall_set(const char *set, bool *in, size_t n, char *err,
			size_t errlen);

/* Back to the defaults (for tests). */
void qualify_reset(void);

#endif
