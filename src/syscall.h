/* Syscall stops: fetch the call, decide, decode, print. */
#ifndef SCTRACE_SYSCALL_H
#define SCTRACE_SYSCALL_H

struct tracee;

enum syscall_action {
	SYSCALL_RESUME,	/* let it go on */
	SYSCALL_DETACH,	/* -b execve: let it go */
	SYSCALL_GONE,	/* it vanished (ESRCH): wait4 will say how */
};

/* A syscall-entry or -exit stop of TP. */
enum syscall_action syscall_stop(struct tracee *tp);

/* TP ended inside a syscall: finish its line the way strace does. */
void syscall_unfinished(struct tracee *tp);

/* TP was detached inside a syscall: " <detached ...>". */
void syscall_detached(struct tracee *tp);

#endif
