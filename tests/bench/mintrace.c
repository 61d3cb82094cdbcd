/*
 * The floor for seccomp-accelerated tracing: a tracer that does nothing
 * but resume.  It installs a filter that stops on the syscalls named on
 * its command line (RET_TRACE) and lets everything else run, then
 * follows the command and its children with PTRACE_CONT everywhere.
 *
 *   mintrace openat,close -- PROG [ARGS]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <seccomp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
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

int main(int argc, char **argv)
{
	scmp_filter_ctx ctx;
	int status, rc = 1;
	pid_t child, pid;

	if (argc < 4 || strcmp(argv[2], "--")) {
		fprintf(stderr, "usage: mintrace SYSCALL,... -- PROG [ARGS]\n");
		return 2;
	}
	ctx = build(argv[1]);
	child = fork();
	if (child == 0) {
		raise(SIGSTOP);
		if (seccomp_load(ctx))
			_exit(126);
		execvp(argv[3], argv + 3);
		_exit(127);
	}
	waitpid(child, &status, WSTOPPED);
	if (ptrace(PTRACE_SEIZE, child, 0,
		   PTRACE_O_TRACESECCOMP | PTRACE_O_TRACEFORK |
		   PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
		   PTRACE_O_EXITKILL) < 0) {
		perror("mintrace: PTRACE_SEIZE");
		return 1;
	}
	kill(child, SIGCONT);
	while ((pid = wait4(-1, &status, __WALL, NULL)) > 0) {
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (pid == child)
				rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
			continue;
		}
		/* Signal-delivery stops give the signal back; the rest go on. */
		int sig = (status >> 16) == 0 ? WSTOPSIG(status) : 0;

		if ((status >> 16) == PTRACE_EVENT_STOP)
			sig = 0;
		ptrace(PTRACE_CONT, pid, 0, sig == SIGSTOP ? 0 : sig);
	}
	return rc;
}
