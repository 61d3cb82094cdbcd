/* What decoders share: argument printers built on the emitter. */
#ifndef SCTRACE_DECODE_H
#define SCTRACE_DECODE_H

#include <signal.h>
#include <stdbool.h>

#include "emit.h"
#include "options.h"
#include "sysent.h"
#include "tracee.h"
#include "xlat.h"

static inline bool syserr(const struct tracee *tp)
{
	return tp->error != 0;
}

/* The C decoders that syscallent/ names with @NAME. */
#define DECODER(name) int decode_##name(struct tracee *tp, int exiting);
DECODER(arch_prctl)
DECODER(capget)
DECODER(capset)
DECODER(clone)
DECODER(clone3)
DECODER(creat)
DECODER(epoll_wait)
DECODER(execve)
DECODER(execveat)
DECODER(fcntl)
DECODER(futex)
DECODER(ioctl)
DECODER(getgroups)
DECODER(memfd_create)
DECODER(open)
DECODER(openat)
DECODER(personality)
DECODER(poll)
DECODER(ppoll)
DECODER(prctl)
DECODER(preadv2)
DECODER(pselect6)
DECODER(pwritev2)
DECODER(rt_sigreturn)
DECODER(seccomp)
DECODER(select)
DECODER(sendfile)
DECODER(setgroups)
DECODER(socket)
#undef DECODER

/*
 * After a successful call's return value, what strace explains in
 * parentheses: "= 0 (Timeout)".  Prints nothing for most calls.
 */
void decode_result_note(struct tracee *tp);

/* The decoder used when a syscall has no C decoder: its signature. */
int decode_generic(struct tracee *tp, int exiting);
/* Argument I as its signature in syscallent/ describes it. */
void print_arg(struct tracee *tp, int i);
/* Unknown syscall numbers: six raw arguments. */
void print_raw_args(struct tracee *tp);

void print_fd(struct tracee *tp, int fd);
void print_dirfd(struct tracee *tp, int fd);
void print_signal(struct tracee *tp, int sig);
void print_mode(struct tracee *tp, unsigned int mode);	   /* S_IFREG|0644 */
void print_dev(struct tracee *tp, unsigned long long dev); /* makedev() */

/* Tracee memory; each prints the address instead when it cannot read. */
void print_path(struct tracee *tp, unsigned long addr);
void print_str(struct tracee *tp, unsigned long addr);
/* At most MAX bytes, "..." after when the string goes on. */
void print_str_max(struct tracee *tp, unsigned long addr, size_t max);
void print_buf(struct tracee *tp, unsigned long addr, unsigned long len,
	       unsigned style);
bool fetch(struct tracee *tp, unsigned long addr, void *buf, size_t len);
/* fetch(), printing the address instead when it fails. */
bool fetch_or_addr(struct tracee *tp, unsigned long addr, void *buf,
		   size_t len);
/* [N] for a pointer to an int. */
void print_int_at(struct tracee *tp, unsigned long addr);

/* Structures (file.c, process.c, net.c, signal.c). */
void print_stat(struct tracee *tp, unsigned long addr);
void print_statx(struct tracee *tp, unsigned long addr);
void print_statfs(struct tracee *tp, unsigned long addr);
void print_dirents(struct tracee *tp, unsigned long addr);
void print_strarray(struct tracee *tp, unsigned long addr);
void print_envp(struct tracee *tp, unsigned long addr);
void print_rlimit(struct tracee *tp, unsigned long addr);
void print_timespec(struct tracee *tp, unsigned long addr);
void print_wstatus(struct tracee *tp, unsigned long addr);
void print_rusage(struct tracee *tp, unsigned long addr);
void print_utsname(struct tracee *tp, unsigned long addr);
void print_sysinfo(struct tracee *tp, unsigned long addr);
void print_cpuset(struct tracee *tp, unsigned long addr, unsigned long size);
void print_sock_fprog(struct tracee *tp, unsigned long addr);
void print_int2(struct tracee *tp, unsigned long addr);
void print_loff(struct tracee *tp, unsigned long addr);
void print_timeval(struct tracee *tp, unsigned long addr);
void print_itimerspec(struct tracee *tp, unsigned long addr);
void print_itimerval(struct tracee *tp, unsigned long addr);
void print_epoll_event(struct tracee *tp, unsigned long addr);
/* print_iovec()'s DATA: all of each element, or none (addresses). */
#define IOV_DATA_ALL (~0UL)
#define IOV_DATA_NONE (~0UL - 1)
void print_iovec(struct tracee *tp, unsigned long addr, unsigned long count,
		 unsigned long data);
/* OUT: the kernel wrote it, as much as the return value says. */
void print_iovec_arg(struct tracee *tp, unsigned long addr,
		     unsigned long count, bool out);
void print_sockaddr(struct tracee *tp, unsigned long addr, unsigned long len);
void print_siginfo(struct tracee *tp, const siginfo_t *si);
void print_siginfo_at(struct tracee *tp, unsigned long addr);
void print_stack_t(struct tracee *tp, unsigned long addr);
void print_sigset(struct tracee *tp, unsigned long addr, unsigned long size);
void print_sigaction(struct tracee *tp, unsigned long addr);

#endif
