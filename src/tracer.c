#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "decode/decode.h"
#include "options.h"
#include "signame.h"
#include "sink.h"
#include "syscall.h"
#include "tracee.h"
#include "tracer.h"
#include "util.h"

#ifndef PTRACE_EVENT_STOP
# define PTRACE_EVENT_STOP 128
#endif

enum event {
	EV_SYSCALL,    /* syscall-entry or -exit stop */
	EV_SIGNAL,     /* signal-delivery stop */
	EV_GROUP_STOP, /* the tracee stopped (SIGSTOP and friends) */
	EV_INTERRUPT,  /* our PTRACE_INTERRUPT */
	EV_EXEC,
	EV_OTHER_EVENT,
	EV_EXITED,
	EV_KILLED,
};

static const int fatal_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
static struct sigaction saved_fatal[ARRAY_SIZE(fatal_signals)], saved_pipe;
static volatile sig_atomic_t interrupted;
static volatile pid_t wake_pid;	/* a live tracee, to wake a blocked wait4 */
static int command_status = -1;
static bool cut_short;

/*
 * The flag alone could arrive just after the loop checked it and before
 * it blocked in wait4, which would then sleep until the tracee's next
 * event.  Interrupting a tracee makes that event happen now.
 */
static void on_fatal_signal(int sig)
{
	int saved_errno = errno;

	interrupted = sig;
	if (wake_pid > 0)
		syscall(SYS_ptrace, PTRACE_INTERRUPT, wake_pid, 0, 0);
	errno = saved_errno;
}

/*
 * A signal ignored when sctrace starts (nohup, a background job) stays
 * ignored, as strace does; the others make sctrace stop tracing.
 */
static void install_handlers(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal; /* no SA_RESTART: wait4 returns */
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < ARRAY_SIZE(fatal_signals); i++) {
		sigaction(fatal_signals[i], NULL, &saved_fatal[i]);
		if (saved_fatal[i].sa_handler != SIG_IGN)
			sigaction(fatal_signals[i], &sa, NULL);
	}
	/* A closed trace pipe is a write error, not sctrace's death. */
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &saved_pipe);
}

/* The command starts with the dispositions sctrace was given. */
static void restore_handlers(void)
{
	for (size_t i = 0; i < ARRAY_SIZE(fatal_signals); i++)
		sigaction(fatal_signals[i], &saved_fatal[i], NULL);
	sigaction(SIGPIPE, &saved_pipe, NULL);
}

static void exec_command(int gate)
{
	char c;

	/* Wait until the tracer has seized us: EOF on the gate. */
	while (read(gate, &c, 1) < 0 && errno == EINTR)
		;
	close(gate);
	execv(opt.cmd_path, opt.cmd_argv);
	perror_msg("exec");
	_exit(1);
}

static pid_t start_command(void)
{
	const long options =
		PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_EXITKILL;
	int gate[2];
	pid_t pid;

	if (pipe2(gate, O_CLOEXEC) < 0)
		pdie("pipe");
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		pdie("fork");
	if (pid == 0) {
		close(gate[1]);
		restore_handlers();
		exec_command(gate[0]);
	}
	close(gate[0]);
	/*
	 * Seize, then interrupt: the child stops before it can run a single
	 * instruction past the gate, so the first syscall stop comes before
	 * its execve.
	 */
	if (ptrace(PTRACE_SEIZE, pid, 0, options) < 0 ||
	    ptrace(PTRACE_INTERRUPT, pid, 0, 0) < 0) {
		int err = errno;

		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		errno = err;
		pdie("PTRACE_SEIZE pid %d", pid);
	}
	close(gate[1]);
	return pid;
}

static enum event classify(int status)
{
	if (WIFEXITED(status))
		return EV_EXITED;
	if (WIFSIGNALED(status))
		return EV_KILLED;
	if (WSTOPSIG(status) == (SIGTRAP | 0x80))
		return EV_SYSCALL;
	switch (status >> 16) {
	case 0:
		return EV_SIGNAL;
	case PTRACE_EVENT_EXEC:
		return EV_EXEC;
	case PTRACE_EVENT_STOP:
		switch (WSTOPSIG(status)) {
		case SIGSTOP:
		case SIGTSTP:
		case SIGTTIN:
		case SIGTTOU:
			return EV_GROUP_STOP;
		}
		return EV_INTERRUPT;
	}
	return EV_OTHER_EVENT;
}

static void resume(struct tracee *tp, int request, int sig)
{
	sink_sync();
	/* ESRCH: it died meanwhile; wait4 will tell. */
	ptrace(request, tp->pid, 0, sig);
}

static void print_signal_line(struct tracee *tp, const siginfo_t *si)
{
	sink_begin_line(tp);
	emit_reset(&tp->em);
	emit_rawf(tp, "--- %s ", signame(si->si_signo));
	print_siginfo(tp, si);
	emit_raw(tp, " ---");
	sink_end_line(tp);
}

static void on_signal(struct tracee *tp, int sig)
{
	siginfo_t si;

	if (ptrace(PTRACE_GETSIGINFO, tp->pid, 0, &si) < 0)
		return; /* gone */
	if (!(tp->flags & TRC_HIDE))
		print_signal_line(tp, &si);
	resume(tp, PTRACE_SYSCALL, sig); /* delivered as without us */
}

static void on_group_stop(struct tracee *tp, int sig)
{
	if (!(tp->flags & TRC_HIDE)) {
		sink_begin_line(tp);
		emit_rawf(tp, "--- stopped by %s ---", signame(sig));
		sink_end_line(tp);
	}
	/* Stay stopped, as without a tracer, until SIGCONT. */
	resume(tp, PTRACE_LISTEN, 0);
}

static void on_tracee_exit(struct tracee *tp, int status)
{
	syscall_unfinished(tp);
	sink_begin_line(tp);
	if (WIFEXITED(status))
		emit_rawf(tp, "+++ exited with %d +++", WEXITSTATUS(status));
	else
		emit_rawf(tp, "+++ killed by %s%s +++",
			  signame(WTERMSIG(status)),
			  WCOREDUMP(status) ? " (core dumped)" : "");
	sink_end_line(tp);
	if (tp->flags & TRC_STARTED)
		command_status = status;
	tracee_free(tp);
}

static void dispatch(struct tracee *tp, int status)
{
	switch (classify(status)) {
	case EV_SYSCALL:
		if (syscall_stop(tp) == 0)
			resume(tp, PTRACE_SYSCALL, 0);
		break;
	case EV_SIGNAL:
		on_signal(tp, WSTOPSIG(status));
		break;
	case EV_GROUP_STOP:
		on_group_stop(tp, WSTOPSIG(status));
		break;
	case EV_EXEC:
	case EV_INTERRUPT:
	case EV_OTHER_EVENT:
		resume(tp, PTRACE_SYSCALL, 0);
		break;
	case EV_EXITED:
	case EV_KILLED:
		on_tracee_exit(tp, status);
		break;
	}
}

/*
 * Let every tracee go: interrupt it, and detach at its next stop, giving
 * back a signal it was about to receive.  EXITKILL then spares them.
 */
static void detach_all(void)
{
	struct tracee *tp;

	wake_pid = 0;
	for (tp = tracee_first(); tp; tp = tp->lnext)
		ptrace(PTRACE_INTERRUPT, tp->pid, 0, 0);
	while (tracee_first()) {
		int status;
		pid_t pid = wait4(-1, &status, __WALL, NULL);

		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		tp = tracee_find(pid);
		if (!tp)
			continue;
		switch (classify(status)) {
		case EV_EXITED:
		case EV_KILLED:
			on_tracee_exit(tp, status);
			continue;
		case EV_SIGNAL:
			ptrace(PTRACE_DETACH, pid, 0, WSTOPSIG(status));
			break;
		default:
			ptrace(PTRACE_DETACH, pid, 0, 0);
			break;
		}
		syscall_unfinished(tp);
		sink_forget(tp);
		tracee_free(tp);
	}
}

/* sctrace was told to stop: as strace, the command gets the signal too. */
static void on_interrupted(int sig)
{
	for (struct tracee *tp = tracee_first(); tp; tp = tp->lnext)
		if (tp->flags & TRC_STARTED)
			kill(tp->pid, sig);
	cut_short = true;
	detach_all();
}

int tracer_run(void)
{
	struct tracee *tp;
	pid_t pid;

	install_handlers();
	tp = tracee_new(start_command());
	tp->flags |= TRC_STARTED | TRC_HIDE;

	while (tracee_first()) {
		int status;

		if (interrupted) {
			on_interrupted(interrupted);
			break;
		}
		if (sink_failed()) {
			cut_short = true;
			detach_all();
			break;
		}
		/* Collect what is ready; flush before sleeping. */
		pid = wait4(-1, &status, __WALL | WNOHANG, NULL);
		if (pid == 0) {
			sink_flush();
			wake_pid = tracee_first()->pid;
			pid = wait4(-1, &status, __WALL, NULL);
		}
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				break;
			pdie("wait4");
		}
		tp = tracee_find(pid);
		if (tp)
			dispatch(tp, status);
	}
	if (cut_short)
		return -1;
	return command_status;
}

int tracer_interrupted(void)
{
	return interrupted;
}

/* Die the way the command died, so that the shell sees the same end. */
void tracer_mimic_death(int sig)
{
	struct rlimit no_core = { 0, 0 };
	sigset_t set;

	/* Our core would overwrite the command's. */
	setrlimit(RLIMIT_CORE, &no_core);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
}
