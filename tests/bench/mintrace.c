/*
 * The floors: tracers that do the least work any tracer must do for a
 * configuration, so that the benchmark can say how much of sctrace's
 * time is its own and how much is the kernel's.
 *
 *   mintrace openat,close -- PROG [ARGS]
 *	the floor for seccomp-accelerated tracing: a filter that stops on
 *	the syscalls named (RET_TRACE) and lets everything else run; every
 *	stop is resumed with PTRACE_CONT.
 *   mintrace -s -- PROG [ARGS]
 *	the ptrace floor of a full trace: stops at every syscall entry and
 *	exit (PTRACE_SYSCALL) and does nothing else.
 *   mintrace -c -- PROG [ARGS]
 *	the floor of -c: the same stops, one PTRACE_GET_SYSCALL_INFO at
 *	each, and per syscall number the calls, errors and system time,
 *	the time as strace -c (and sctrace -c) count it: the tracee's
 *	ru_stime that wait4 gives at the entry and exit stops.  The totals
 *	go to stderr at the end when MINTRACE_SUMMARY is set.
 *
 * All follow forks, vforks and clones, and give signals back.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static scmp_filter_ctx build(char *names)
{
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ALLOW);

	for (char *n = strtok(names, ","); ctx && n; n = strtok(NULL, ",")) {
		int nr = seccomp_syscall_resolve_name(n);

		if (nr == __NR_SCMP_ERROR ||
		    seccomp_rule_add(ctx, SCMP_ACT_TRACE(1), nr, 0)) {
			fprintf(stderr, "mintrace: bad syscall '%s'\n", n);
			exit(2);
		}
	}
	return ctx;
}

/* -c: per syscall number, and per tracee (indexed by tid) its entry. */
#define NR_MAX 512
#define TID_SLOTS 65536
static unsigned long calls[NR_MAX], errors[NR_MAX];
static long long nsecs[NR_MAX];
static struct {
	pid_t tid;
	int nr;
	long long t0;
} entry[TID_SLOTS];

static void count(pid_t pid, const struct rusage *ru)
{
	struct __ptrace_syscall_info info;
	unsigned int slot = (unsigned int)pid % TID_SLOTS;
	long long t = ru->ru_stime.tv_sec * 1000000000LL +
		      ru->ru_stime.tv_usec * 1000LL;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof(info), &info) <= 0)
		return;
	if (info.op == PTRACE_SYSCALL_INFO_ENTRY) {
		entry[slot].tid = pid;
		entry[slot].nr = (int)info.entry.nr;
		entry[slot].t0 = t;
	} else if (info.op == PTRACE_SYSCALL_INFO_EXIT &&
		   entry[slot].tid == pid && entry[slot].nr >= 0 &&
		   entry[slot].nr < NR_MAX) {
		int nr = entry[slot].nr;

		calls[nr]++;
		errors[nr] += info.exit.is_error != 0;
		nsecs[nr] += t - entry[slot].t0;
		entry[slot].nr = -1;
	}
}

int main(int argc, char **argv)
{
	scmp_filter_ctx ctx = NULL;
	int status, rc = 1, mode = 0;
	long opts = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
		    PTRACE_O_TRACECLONE | PTRACE_O_EXITKILL;
	pid_t child, pid;
	struct rusage ru;

	if (argc < 4 || strcmp(argv[2], "--")) {
		fprintf(stderr, "usage: mintrace SYSCALL,...|-s|-c -- PROG [ARGS]\n");
		return 2;
	}
	if (!strcmp(argv[1], "-s") || !strcmp(argv[1], "-c")) {
		mode = argv[1][1];
		opts |= PTRACE_O_TRACESYSGOOD;
	} else {
		ctx = build(argv[1]);
		opts |= PTRACE_O_TRACESECCOMP;
	}
	child = fork();
	if (child == 0) {
		raise(SIGSTOP);
		if (ctx && seccomp_load(ctx))
			_exit(126);
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	waitpid(child, &status, WSTOPPED);
	if (ptrace(PTRACE_SEIZE, child, 0, opts) < 0) {
		perror("mintrace: PTRACE_SEIZE");
		return 1;
	}
	kill(child, SIGCONT);
	/* With -s and -c, the first stop is SIGCONT's: from there on, syscalls. */
	while ((pid = wait4(-1, &status, __WALL, mode == 'c' ? &ru : NULL)) > 0) {
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (pid == child)
				rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
			continue;
		}
		/* Signal-delivery stops give the signal back; the rest go on. */
		int sig = (status >> 16) == 0 ? WSTOPSIG(status) : 0;

		if (sig == (SIGTRAP | 0x80)) {
			sig = 0;
			if (mode == 'c')
				count(pid, &ru);
		}
		if ((status >> 16) == PTRACE_EVENT_STOP)
			sig = 0;
		ptrace(mode ? PTRACE_SYSCALL : PTRACE_CONT, pid, 0,
		       sig == SIGSTOP ? 0 : sig);
	}
	if (mode == 'c' && getenv("MINTRACE_SUMMARY")) {
		unsigned long c = 0, e = 0;
		long long ns = 0;

		for (int i = 0; i < NR_MAX; i++)
			c += calls[i], e += errors[i], ns += nsecs[i];
		fprintf(stderr, "mintrace: %lu calls, %lu errors, %lld us\n", c,
			e, ns / 1000);
	}
	return rc;
}
