/*
 * Signals: kill and friends, the signal frame rt_sigreturn reads its mask
 * from, pending and waited-for signals, siginfo in both directions,
 * sigaltstack.  Prints the trace lines it expects between the markers.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "expect.h"

static void on_signal(int sig)
{
	(void)sig;
}

static long sys_sigmask(int how, int sig)
{
	unsigned long set = 1UL << (sig - 1);

	return syscall(SYS_rt_sigprocmask, how, &set, NULL, 8);
}

/* The signal rt_sigtimedwait returns: "= 12 (SIGUSR2)". */
static void notes(pid_t pid, unsigned int uid)
{
	unsigned long set = 1UL << (SIGUSR2 - 1);
	struct timespec ts = { 0, 1000 };
	siginfo_t si;
	long rc;

	syscall(SYS_tgkill, pid, pid, SIGUSR2);
	expect("tgkill(%d, %d, SIGUSR2) = 0", pid, pid);
	rc = syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
	expect("rt_sigtimedwait([USR2], {si_signo=SIGUSR2, si_code=SI_TKILL, "
	       "si_pid=%d, si_uid=%u}, {tv_sec=0, tv_nsec=1000}, 8) = %ld "
	       "(SIGUSR2)",
	       pid, uid, rc);
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	pid_t pid = getpid();
	unsigned int uid = getuid();
	char *bad;
	long rc;

	bad = unmapped_page();

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	sigaction(SIGSYS, &sa, NULL);
	sys_sigmask(SIG_BLOCK, SIGUSR2);

	marker_begin();

	rc = syscall(SYS_kill, pid, SIGUSR1);
	expect("kill(%d, SIGUSR1) = %ld", pid, rc);
	expect("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%d, "
	       "si_uid=%u} ---",
	       pid, uid);
	expect("rt_sigreturn({mask=[USR2]}) = 0");
	rc = syscall(SYS_tkill, pid, SIGUSR1);
	expect("tkill(%d, SIGUSR1) = %ld", pid, rc);
	expect("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=%d, "
	       "si_uid=%u} ---",
	       pid, uid);
	expect("rt_sigreturn({mask=[USR2]}) = 0");
	rc = syscall(SYS_tgkill, pid, pid, 0);
	expect("tgkill(%d, %d, 0) = %ld", pid, pid, rc);
	rc = syscall(SYS_kill, -1234567, 99);
	expect("kill(-1234567, 99) = -1 ESRCH (No such process)");

	/* Pending while blocked, then let in. */
	rc = syscall(SYS_tgkill, pid, pid, SIGUSR2);
	expect("tgkill(%d, %d, SIGUSR2) = %ld", pid, pid, rc);
	unsigned long pending = 0;
	rc = syscall(SYS_rt_sigpending, &pending, 8);
	expect("rt_sigpending([USR2], 8) = %ld", rc);
	rc = syscall(SYS_rt_sigpending, bad, 8);
	expect("rt_sigpending(%p, 8) = -1 EFAULT (Bad address)", bad);
	rc = sys_sigmask(SIG_UNBLOCK, SIGUSR2);
	expect("rt_sigprocmask(SIG_UNBLOCK, [USR2], NULL, 8) = %ld", rc);
	expect("--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=%d, "
	       "si_uid=%u} ---",
	       pid, uid);
	expect("rt_sigreturn({mask=[]}) = %ld", rc);
	sys_sigmask(SIG_BLOCK, SIGUSR2);
	expect("rt_sigprocmask(SIG_BLOCK, [USR2], NULL, 8) = 0");

	unsigned long set = 1UL << (SIGUSR2 - 1);
	siginfo_t si;
	struct timespec ts = { 0, 1000 };
	rc = syscall(SYS_rt_sigtimedwait, &set, &si, &ts, 8);
	expect("rt_sigtimedwait([USR2], %p, {tv_sec=0, tv_nsec=1000}, 8) = "
	       "-1 EAGAIN (Resource temporarily unavailable)",
	       (void *)&si);
	rc = syscall(SYS_rt_sigtimedwait, &set, NULL, bad, 8);
	expect("rt_sigtimedwait([USR2], NULL, %p, 8) = -1 EFAULT (Bad "
	       "address)",
	       bad);
	rc = syscall(SYS_rt_sigtimedwait, bad, NULL, &ts, 8);
	expect("rt_sigtimedwait(%p, NULL, {tv_sec=0, tv_nsec=1000}, 8) = "
	       "-1 EFAULT (Bad address)",
	       bad);

	/* siginfo the caller fills in, as the kernel delivers it. */
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = SI_QUEUE;
	si.si_pid = pid;
	si.si_uid = uid;
	si.si_value.sival_int = 42;
	rc = syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si);
	expect("rt_sigqueueinfo(%d, SIGUSR1, {si_signo=SIGUSR1, "
	       "si_code=SI_QUEUE, si_pid=%d, si_uid=%u, si_int=42, "
	       "si_ptr=0x2a}) = %ld",
	       pid, pid, uid, rc);
	expect("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=%d, "
	       "si_uid=%u, si_int=42, si_ptr=0x2a} ---",
	       pid, uid);
	expect("rt_sigreturn({mask=[USR2]}) = 0");
	si.si_code = SI_TIMER;
	si.si_timerid = 5;
	si.si_overrun = 7;
	si.si_value.sival_ptr = NULL;
	rc = syscall(SYS_rt_tgsigqueueinfo, pid, pid, SIGUSR1, &si);
	expect("rt_tgsigqueueinfo(%d, %d, SIGUSR1, {si_signo=SIGUSR1, "
	       "si_code=SI_TIMER, si_timerid=0x5, si_overrun=7, si_int=0, "
	       "si_ptr=NULL}) = %ld",
	       pid, pid, rc);
	expect("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TIMER, "
	       "si_timerid=0x5, si_overrun=7, si_int=0, si_ptr=NULL} ---");
	expect("rt_sigreturn({mask=[USR2]}) = 0");
	/* Kernel codes, sent to oneself: the fields depend on the signal. */
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGCHLD;
	si.si_code = CLD_KILLED;
	si.si_pid = 5;
	si.si_uid = 7;
	si.si_status = SIGKILL;
	si.si_utime = 150;
	rc = syscall(SYS_rt_sigqueueinfo, pid, SIGCHLD, &si);
	expect("rt_sigqueueinfo(%d, SIGCHLD, {si_signo=SIGCHLD, "
	       "si_code=CLD_KILLED, si_pid=5, si_uid=7, si_status=SIGKILL, "
	       "si_utime=150 /* 1.50 s */, si_stime=0}) = %ld",
	       pid, rc);
	expect("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=5, "
	       "si_uid=7, si_status=SIGKILL, si_utime=150 /* 1.50 s */, "
	       "si_stime=0} ---");
	expect("rt_sigreturn({mask=[USR2]}) = 0");
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGSYS;
	si.si_code = 1;
	si.si_syscall = SYS_write;
	si.si_arch = 0xc000003e;
	rc = syscall(SYS_rt_sigqueueinfo, pid, SIGSYS, &si);
	expect("rt_sigqueueinfo(%d, SIGSYS, {si_signo=SIGSYS, "
	       "si_code=SYS_SECCOMP, si_call_addr=NULL, si_syscall=__NR_write, "
	       "si_arch=AUDIT_ARCH_X86_64}) = %ld",
	       pid, rc);
	expect("--- SIGSYS {si_signo=SIGSYS, si_code=SYS_SECCOMP, "
	       "si_call_addr=NULL, si_syscall=__NR_write, "
	       "si_arch=AUDIT_ARCH_X86_64} ---");
	expect("rt_sigreturn({mask=[USR2]}) = 0");
	memset(&si, 0, sizeof(si));
	si.si_signo = SIGUSR1;
	si.si_code = -100;
	rc = syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, &si);
	expect("rt_sigqueueinfo(%d, SIGUSR1, {si_signo=SIGUSR1, "
	       "si_code=0xffffff9c, si_pid=0, si_uid=0}) = %ld",
	       pid, rc);
	expect("--- SIGUSR1 {si_signo=SIGUSR1, si_code=0xffffff9c, si_pid=0, "
	       "si_uid=0} ---");
	expect("rt_sigreturn({mask=[USR2]}) = 0");
	rc = syscall(SYS_rt_sigqueueinfo, pid, SIGUSR1, bad);
	expect("rt_sigqueueinfo(%d, SIGUSR1, %p) = -1 EFAULT (Bad address)",
	       pid, bad);

	static char stack[65536];
	stack_t ss = { .ss_sp = stack, .ss_size = sizeof(stack) }, old;
	rc = sigaltstack(&ss, &old);
	expect("sigaltstack({ss_sp=%p, ss_flags=0, ss_size=65536}, "
	       "{ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = %ld",
	       stack, rc);
	rc = sigaltstack(NULL, &old);
	expect("sigaltstack(NULL, {ss_sp=%p, ss_flags=0, ss_size=65536}) = "
	       "%ld",
	       stack, rc);
	ss.ss_flags = SS_DISABLE;
	rc = sigaltstack(&ss, NULL);
	expect("sigaltstack({ss_sp=%p, ss_flags=SS_DISABLE, ss_size=65536}, "
	       "NULL) = %ld",
	       stack, rc);
	rc = syscall(SYS_sigaltstack, bad, bad);
	expect("sigaltstack(%p, %p) = -1 EFAULT (Bad address)", bad, bad);

	/* Suspended with a signal already pending: it comes in at once. */
	sys_sigmask(SIG_BLOCK, SIGUSR1);
	expect("rt_sigprocmask(SIG_BLOCK, [USR1], NULL, 8) = 0");
	syscall(SYS_kill, pid, SIGUSR1);
	expect("kill(%d, SIGUSR1) = 0", pid);
	set = 0;
	rc = syscall(SYS_rt_sigsuspend, &set, 8);
	expect("rt_sigsuspend([], 8) = ? ERESTARTNOHAND (To be restarted if "
	       "no handler)");
	expect("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%d, "
	       "si_uid=%u} ---",
	       pid, uid);
	expect("rt_sigreturn({mask=[USR1 USR2]}) = -1 EINTR (Interrupted "
	       "system call)");
	rc = syscall(SYS_rt_sigsuspend, bad, 8);
	expect("rt_sigsuspend(%p, 8) = -1 EFAULT (Bad address)", bad);
	rc = alarm(1);
	expect("alarm(1) = %ld", rc);
	rc = pause();
	expect("pause() = ? ERESTARTNOHAND (To be restarted if no handler)");
	expect("--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---");
	expect("rt_sigreturn({mask=[USR1 USR2]}) = -1 EINTR (Interrupted "
	       "system call)");
	if (argc > 1 && strcmp(argv[1], "notes") == 0)
		notes(pid, uid);

	marker_end();
	return 0;
}
