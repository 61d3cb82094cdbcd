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

/* -v (-e abbrev=none): structures and arrays printed whole. */
bool verbose(const struct tracee *tp);

/* The C decoders that syscallent/ names with @NAME. */
#define DECODER(name) int decode_##name(struct tracee *tp, int exiting);
DECODER(arch_prctl)
DECODER(capget)
DECODER(capset)
DECODER(clock_nanosleep)
DECODER(clone)
DECODER(clone3)
DECODER(creat)
DECODER(epoll_wait)
DECODER(execve)
DECODER(execveat)
DECODER(fcntl)
DECODER(futex)
DECODER(ioctl)
DECODER(io_uring_register)
DECODER(io_uring_setup)
DECODER(get_mempolicy)
DECODER(getgroups)
DECODER(getsockopt)
DECODER(mbind)
DECODER(membarrier)
DECODER(memfd_create)
DECODER(mincore)
DECODER(mknod)
DECODER(mknodat)
DECODER(mmap)
DECODER(mq_open)
DECODER(mremap)
DECODER(msgctl)
DECODER(msgget)
DECODER(msgrcv)
DECODER(msgsnd)
DECODER(name_to_handle_at)
DECODER(nanosleep)
DECODER(open)
DECODER(open_by_handle_at)
DECODER(openat)
DECODER(personality)
DECODER(poll)
DECODER(ppoll)
DECODER(prctl)
DECODER(preadv2)
DECODER(process_vm_readv)
DECODER(process_vm_writev)
DECODER(pselect6)
DECODER(pwritev2)
DECODER(recvfrom)
DECODER(recvmmsg)
DECODER(recvmsg)
DECODER(restart_syscall)
DECODER(rt_sigreturn)
DECODER(seccomp)
DECODER(select)
DECODER(semctl)
DECODER(semget)
DECODER(semop)
DECODER(sendfile)
DECODER(sendmmsg)
DECODER(sendmsg)
DECODER(sendto)
DECODER(set_mempolicy)
DECODER(setgroups)
DECODER(setsockopt)
DECODER(shmctl)
DECODER(shmget)
DECODER(sockname)
DECODER(socket)
DECODER(socketpair)
DECODER(time)
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
void print_pid(struct tracee *tp, int pid); /* 1234<sh> with --decode-pids */
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
/*
 * An array of N elements of SIZE bytes at ADDR, as strace prints arrays:
 * at most -s elements then "...", "..." and a comment with the address
 * where memory ends, the address when the first element cannot be read.  EACH
 * prints element I, read into ELEM; CTX is the caller's.
 */
typedef void (*array_elem_fn)(struct tracee *tp, const void *elem,
			      unsigned long i, void *ctx);
void print_array(struct tracee *tp, unsigned long addr, unsigned long n,
		 void *elem, size_t size, array_elem_fn each, void *ctx);
/* [N] for a pointer to an int. */
void print_int_at(struct tracee *tp, unsigned long addr);
/* [N] for a pointer to a number of SIZE bytes (2, 4 or 8). */
void print_num_at(struct tracee *tp, unsigned long addr, size_t size,
		  bool sign);

/* Structures (file.c, process.c, net.c, signal.c). */
void print_stat(struct tracee *tp, unsigned long addr);
void print_statx(struct tracee *tp, unsigned long addr);
void print_statfs(struct tracee *tp, unsigned long addr);
void print_utimespec2(struct tracee *tp, unsigned long addr);
void print_utimeval2(struct tracee *tp, unsigned long addr);
void print_utimbuf(struct tracee *tp, unsigned long addr);
void print_dirents(struct tracee *tp, unsigned long addr);
void print_strarray(struct tracee *tp, unsigned long addr);
void print_envp(struct tracee *tp, unsigned long addr);
void print_rlimit(struct tracee *tp, unsigned long addr);
void print_timespec(struct tracee *tp, unsigned long addr);
/* {tv_sec=.., tv_nsec=..} of a timespec already read. */
void print_timespec_val(struct tracee *tp, const long long ts[2]);
void print_wstatus(struct tracee *tp, unsigned long addr);
void print_rusage(struct tracee *tp, unsigned long addr);
void print_utsname(struct tracee *tp, unsigned long addr);
void print_sysinfo(struct tracee *tp, unsigned long addr);
void print_cpuset(struct tracee *tp, unsigned long addr, unsigned long size);
void print_sock_fprog(struct tracee *tp, unsigned long addr);
void print_int2(struct tracee *tp, unsigned long addr);
void print_loff(struct tracee *tp, unsigned long addr);
void print_timeval(struct tracee *tp, unsigned long addr);
/* {tv_sec=.., tv_usec=..} of a timeval already read. */
void print_timeval_val(struct tracee *tp, long long sec, long long usec);
void print_itimerspec(struct tracee *tp, unsigned long addr);
void print_itimerval(struct tracee *tp, unsigned long addr);
void print_epoll_event(struct tracee *tp, unsigned long addr);
void print_timezone(struct tracee *tp, unsigned long addr);
void print_tms(struct tracee *tp, unsigned long addr);
void print_sigevent(struct tracee *tp, unsigned long addr);
void print_timex(struct tracee *tp, unsigned long addr);
void print_mq_attr(struct tracee *tp, unsigned long addr);
/* 2026-11-21T19:53:02+0000 */
void format_time(struct strbuf *sb, long long t);
/* The same with nanoseconds when there are some: ...T19:20:58.424235196+0000 */
void format_time_ns(struct strbuf *sb, long long t, long nsec);
/* NAME=T /- date -/ */
void print_time_field(struct tracee *tp, const char *name, long long t,
		      long nsec);
/* print_iovec()'s DATA: all of each element, or none (addresses). */
#define IOV_DATA_ALL (~0UL)
#define IOV_DATA_NONE (~0UL - 1)
void print_iovec(struct tracee *tp, unsigned long addr, unsigned long count,
		 unsigned long data);
/* OUT: the kernel wrote it, as much as the return value says. */
void print_iovec_arg(struct tracee *tp, unsigned long addr, unsigned long count,
		     bool out);
void print_sockaddr(struct tracee *tp, unsigned long addr, unsigned long len);
struct ucred;
void print_ucred(struct tracee *tp, const struct ucred *uc);
/* if_nametoindex("lo"), or the number. */
void print_ifindex(struct tracee *tp, int index);
/* inet_addr("127.0.0.1") of a struct in_addr already read. */
void print_inet_addr(struct tracee *tp, const void *in_addr);
/* inet_pton(AF_INET6, "::1", &FIELD) of a struct in6_addr already read. */
void print_inet6_addr(struct tracee *tp, const void *in6_addr,
		      const char *field);
/* Netlink (netlink.c): what socket FD is, and the data sent or received. */
#define NOT_NETLINK (-2)
#define NETLINK_UNKNOWN (-1)
int netlink_protocol(struct tracee *tp, int fd);
void print_netlink(struct tracee *tp, int proto, unsigned long addr,
		   unsigned long len);
/* PROTO from netlink_protocol(): netlink messages, or a plain buffer. */
void print_sock_data(struct tracee *tp, int proto, unsigned long addr,
		     unsigned long len);
/* print_iovec() for the data of socket calls: PROTO as above. */
void print_iovec_sock(struct tracee *tp, unsigned long addr,
		      unsigned long count, unsigned long data, int proto);
/* Device ioctls (ioctl_dev.c).  Is CMD an ifreq one, and a get (OUT)? */
bool ifreq_cmd(unsigned int cmd, bool *out);
/* These return whether the structure was left open for the exit. */
bool print_ifreq_entry(struct tracee *tp, unsigned int cmd, unsigned long addr,
		       bool out);
void print_ifreq_exit(struct tracee *tp, unsigned int cmd, unsigned long addr);
bool print_ifconf_entry(struct tracee *tp, unsigned long addr);
void print_ifconf_exit(struct tracee *tp, unsigned long addr);
void print_loop_info(struct tracee *tp, unsigned long addr);
void print_loop_info64(struct tracee *tp, unsigned long addr);
void print_loop_config(struct tracee *tp, unsigned long addr);
/* Socket options (sockopt.c): GET is getsockopt, the kernel's answer. */
void print_sockopt_name(struct tracee *tp, int level, unsigned int name,
			bool get);
void print_sockopt_value(struct tracee *tp, int level, unsigned int name,
			 unsigned long addr, int len, bool get);
void print_siginfo(struct tracee *tp, const siginfo_t *si);
void print_siginfo_at(struct tracee *tp, unsigned long addr);
void print_stack_t(struct tracee *tp, unsigned long addr);
void print_sigset(struct tracee *tp, unsigned long addr, unsigned long size);
void print_sigaction(struct tracee *tp, unsigned long addr);

#endif
