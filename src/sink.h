/*
 * The sink: where finished text goes.  Lines are assembled per tracee;
 * when two tracees' lines interleave in one output, the first is closed
 * with " <unfinished ...>" and later continued as "<... NAME resumed>".
 * Each line starts with strace's pid prefix where strace prints one.
 */
#ifndef SCTRACE_SINK_H
#define SCTRACE_SINK_H

#include <stdbool.h>
#include <stddef.h>

struct tracee;
struct output;

/* Opens -o FILE (or stderr); exits with a message when it cannot. */
void sink_open(void);
/* Gives TP its output: the shared one, or FILE.PID with -ff. */
void sink_attach(struct tracee *tp);
/* TP's pid changed (execve in a thread): the line moves to the new pid. */
void sink_pid_changed(struct tracee *tp);

/* Before TP starts a new line: cut another tracee's open half line. */
void sink_begin_line(struct tracee *tp);
/* TP's open half line was cut by another line since it went out. */
bool sink_was_cut(const struct tracee *tp);
/* Writes what TP has so far and keeps the line open (syscall entry). */
void sink_flush_partial(struct tracee *tp);
/* Writes the rest of TP's line and a newline. */
void sink_end_line(struct tracee *tp);
/* TP goes away: an open half line is closed first, its -ff file too. */
void sink_forget(struct tracee *tp);
/* The output column TP's text has reached. */
size_t sink_column(struct tracee *tp);

/* Before a tracee runs: output shared with the tracee must be out first. */
void sink_sync(void);
/* Before sctrace blocks, or writes a message of its own to stderr. */
void sink_flush(void);
/* Output someone reads as it grows (terminal, pipe, stderr): flush
 * before blocking.  Files are flushed lazily (sink_pending()). */
bool sink_interactive(void);
bool sink_pending(void);
/* A line of TP's without the prefix (-k frames). */
void sink_raw_line(struct tracee *tp, const char *text);
/* The tracee switched between 64-bit and i386 system calls. */
void sink_personality(struct tracee *tp, int bits);
/* -c, -C: the summary table, at the end. */
void sink_summary(void);
/* A write to the output failed (reported once): tracing must stop. */
bool sink_failed(void);
/* Final flush and close; false if anything was lost. */
bool sink_close(void);

#endif
