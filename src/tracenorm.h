/*
 * A trace as sctrace diff compares it: the events of a JSON Lines trace
 * or of a strace-style text trace, each with the logical id of its thread
 * and its line normalized, so that two runs of the same program compare
 * equal however their pids, addresses and timing differ.
 *
 * Logical ids come from the process tree, not from pids or the order in
 * which tracees started: the first tracee is "1" (further roots, as with
 * several -p, are "2", "3" ...), and the k-th child or thread that
 * logical thread X creates (its k-th successful clone, clone3, fork or
 * vfork) is "X.k".
 *
 * Normalization of a line (the same for both formats, on the text that
 * strace prints, so a JSON trace compares with a text trace):
 *   - timestamps, -T durations and the result column's padding go;
 *   - hex numbers of 0x10000 and above (addresses) become 0xADDR;
 *   - inode numbers (st_ino, stx_ino, d_ino), stat times (st_atime,
 *     st_mtime, st_ctime and their _nsec, stx_atime, stx_btime,
 *     stx_ctime, stx_mtime), a child's CPU times in a siginfo
 *     (si_utime, si_stime) and random bytes (getrandom's buffer, byte
 *     strings strace prints all in hex) become "*";
 *   - pids (kill, tgkill, wait4 ... arguments, the results of clone,
 *     fork, wait4, getpid ..., si_pid, pid=, l_pid=, parent_tid=, the
 *     pid of "superseded by execve") become <ID> with the logical id of
 *     that process, or <?> for a pid that is not in the trace;
 *   - file descriptors and everything else stay.
 */
#ifndef SCTRACE_TRACENORM_H
#define SCTRACE_TRACENORM_H

#include <stddef.h>
#include <stdint.h>

#include "intmap.h"
#include "strbuf.h"

enum trace_ev_kind {
	EV_SYSCALL,
	EV_SIGNAL, /* --- SIGNAL {...} --- */
	EV_OTHER,  /* stopped by, exited, killed, superseded */
};

struct trace_event {
	enum trace_ev_kind kind;
	int64_t tid;   /* -1: a text trace without pids */
	int64_t child; /* a successful clone and the like: the new tid */
	size_t line;   /* in the file, 1-based */
	char *name;    /* the syscall's or signal's, NULL for EV_OTHER */
	char *text;    /* the line without prefix, timestamps or -T */
	char *norm;    /* trace_normalize() */
	const char *lid;
};

struct trace {
	const char *path;
	struct trace_event *ev;
	size_t n, cap;
	char **lids; /* the logical ids, owned */
	size_t nlids;
	struct intmap tid_lid; /* tid (or pid) -> index in lids */
	struct text_state *ts; /* while text lines are read */
};

/*
 * Reads PATH (JSON Lines or strace text, told apart by the first byte),
 * then assigns the logical ids and normalizes every event.  0, or -1
 * with "PATH[:LINE]: why" in ERR.
 */
int trace_load(struct trace *t, const char *path, char *err, size_t errlen);
void trace_free(struct trace *t);

/* For tests: parse text lines one by one, then finish. */
int trace_add_text_line(struct trace *t, const char *line, size_t lineno,
			char *err, size_t errlen);
void trace_finish(struct trace *t);

/* The logical id of pid/tid PID, NULL if the trace does not know it. */
const char *trace_lid_of(const struct trace *t, int64_t pid);

/* Appends the normalized form of one event's text. */
void trace_normalize_line(struct strbuf *out, const struct trace *t,
			  const char *text, enum trace_ev_kind kind,
			  const char *name);

#endif
