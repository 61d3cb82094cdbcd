/* Syscall stops: fetch the call, decide, decode, print. */
#ifndef SCTRACE_SYSCALL_H
#define SCTRACE_SYSCALL_H

#include <stdbool.h>

struct tracee;

enum syscall_action {
	SYSCALL_RESUME,	/* let it go on */
	SYSCALL_DETACH,	/* -b execve: let it go */
	SYSCALL_GONE,	/* it vanished (ESRCH): wait4 will say how */
};

/* A syscall-entry or -exit stop of TP. */
enum syscall_action syscall_stop(struct tracee *tp);

/* A seccomp stop of ours: the entry of a traced call. */
enum syscall_action syscall_seccomp_stop(struct tracee *tp);

/* Makes the call TP is entering fail with ENOSYS without being made. */
int syscall_skip(struct tracee *tp);

/* The call that just returned installed a seccomp filter of its own. */
bool syscall_installed_filter(const struct tracee *tp);

/* TP ended inside a syscall: finish its line the way strace does. */
void syscall_unfinished(struct tracee *tp);

/* TP was detached inside a syscall: " <detached ...>". */
void syscall_detached(struct tracee *tp);

#endif
