/*
 * Seccomp acceleration: a filter in the command makes only the traced
 * syscalls stop, so the others run at full speed.  The program must not
 * be able to tell the filter is there (DESIGN.md).
 *
 * Named apart from <seccomp.h>, libseccomp's header, which "-I src"
 * would otherwise hide.
 */
#ifndef SCTRACE_SECCOMP_ACCEL_H
#define SCTRACE_SECCOMP_ACCEL_H

#include <stdbool.h>
#include <sys/types.h>

/* SECCOMP_RET_DATA of our RET_TRACE: what PTRACE_GETEVENTMSG reads. */
#define SCTRACE_SECCOMP_TAG 0x5c7

/*
 * Decides whether the command gets a filter, and builds it (in sctrace,
 * so that a failure is a warning before anything starts).  True when
 * the child should install it.
 */
bool seccomp_prepare(void);
/* In the child, before exec: installs it, or says why not. */
void seccomp_install(void);
/* Does TID run under our filter, and under no filter of its own? */
bool seccomp_only_ours(pid_t tid);
/* Does sctrace itself run under filters (a container's, say)? */
bool seccomp_inherited(void);
/* Our filter was wanted: stops of tracees started under it are sparse. */
bool seccomp_enabled(void);

#endif
