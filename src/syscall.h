/* Syscall stops: fetch the call, decide, decode, print. */
#ifndef SCTRACE_SYSCALL_H
#define SCTRACE_SYSCALL_H

struct tracee;

/* A syscall-entry or -exit stop of TP.  -1 if TP vanished (ESRCH). */
int syscall_stop(struct tracee *tp);

/* TP ended inside a syscall: finish its line the way strace does. */
void syscall_unfinished(struct tracee *tp);

/* TP was detached inside a syscall: " <detached ...>". */
void syscall_detached(struct tracee *tp);

#endif
