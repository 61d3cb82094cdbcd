/* -k: the user-space stack of the tracee after each printed syscall. */
#ifndef SCTRACE_STACK_H
#define SCTRACE_STACK_H

#include <stdbool.h>

struct tracee;

/*
 * -k: loads libunwind (and libdw for symbols); NULL, or why it cannot
 * be done (not built with it, a library missing).
 */
const char *stack_load(void);
/*
 * After TP's syscall line went out: its frames, one line each,
 * " > /usr/lib/x86_64-linux-gnu/libc.so.6(__open64+0x72) [0x10e0f2]".
 */
void stack_print(struct tracee *tp);
/*
 * At a syscall's entry: the calls whose stack is gone by their exit
 * (execve, exit, exit_group) keep it now, for stack_print().
 */
void stack_capture(struct tracee *tp);
/* TP is gone: drop what is cached for it. */
void stack_forget(struct tracee *tp);

#endif
