#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <dirent.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sched.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <time.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "decode/decode.h"
#include "options.h"
#include "qualify.h"
#include "seccomp_accel.h"
#include "signame.h"
#include "sink.h"
#include "stack.h"
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
	EV_INTERRUPT,  /* PTRACE_INTERRUPT, or a new tracee's first stop */
	EV_EXEC,
	EV_FORK,       /* fork, vfork or clone: a new tracee */
	EV_SECCOMP,    /* a RET_TRACE of a seccomp filter */
	EV_OTHER_EVENT,
	EV_EXITED,
	EV_KILLED,
};

static const int fatal_signals[] = { SIGHUP, SIGINT, SIGQUIT, SIGTERM };
static struct sigaction saved_fatal[ARRAY_SIZE(fatal_signals)], saved_pipe,
	saved_chld;
static sigset_t saved_mask;
static volatile sig_atomic_t interrupted;
static volatile sig_atomic_t timer_due;	/* the flush or the delay timer */
static bool may_spin;	/* another CPU may run the tracee: spin_wait() */
static volatile pid_t wake_pid; /* a live tracee, to wake a blocked wait4 */
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

static void on_timer(int sig)
{
	timer_due = 1;
}

/*
 * A trace file is written in large blocks; a timer makes sure what is
 * buffered is out within 100 ms anyway (tail -f, a tracee stuck in a
 * call), interrupting wait4 to do it.
 */
static void start_flush_timer(void)
{
	struct itimerval it = { { 0, 100000 }, { 0, 100000 } };

	setitimer(ITIMER_REAL, &it, NULL);
}

/*
 * -e inject=...:delay_enter=, delay_exit=: the tracee stays stopped for
 * a while, the others go on.  A timer (SIGALRM too) ends the wait.
 */
struct delayed {
	struct tracee *tp;
	struct timespec when;
	int sig;
};

static struct delayed *delayed;
static size_t ndelayed;
static timer_t delay_timer;
static bool have_delay_timer;

static bool before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	       (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static void arm_delay_timer(void)
{
	struct itimerspec its = { { 0, 0 }, { 0, 0 } };

	if (!have_delay_timer) {
		struct sigevent sev = { .sigev_notify = SIGEV_SIGNAL,
					.sigev_signo = SIGALRM };

		if (timer_create(CLOCK_MONOTONIC, &sev, &delay_timer) < 0)
			pdie("timer_create");
		have_delay_timer = true;
	}
	for (size_t i = 0; i < ndelayed; i++)
		if (i == 0 || before(&delayed[i].when, &its.it_value))
			its.it_value = delayed[i].when;
	timer_settime(delay_timer, TIMER_ABSTIME, &its, NULL);
}

static void delay_resume(struct tracee *tp, int sig)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	now.tv_sec += tp->delay_us / 1000000;
	now.tv_nsec += (long)(tp->delay_us % 1000000) * 1000;
	if (now.tv_nsec >= 1000000000) {
		now.tv_sec++;
		now.tv_nsec -= 1000000000;
	}
	tp->delay_us = 0;
	tp->flags |= TRC_DELAYED;
	delayed = xrealloc(delayed, (ndelayed + 1) * sizeof(*delayed));
	delayed[ndelayed++] = (struct delayed){ tp, now, sig };
	arm_delay_timer();
}

static void resume_tracee(struct tracee *tp, int sig);

/* The tracees whose delay is over go on. */
static void run_delays(void)
{
	struct timespec now;

	if (!ndelayed)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	for (size_t i = 0; i < ndelayed;) {
		struct delayed d = delayed[i];

		if (before(&now, &d.when)) {
			i++;
			continue;
		}
		delayed[i] = delayed[--ndelayed];
		d.tp->flags &= ~TRC_DELAYED;
		resume_tracee(d.tp, d.sig);
	}
	if (ndelayed)
		arm_delay_timer();
}

static void undelay(struct tracee *tp)
{
	for (size_t i = 0; i < ndelayed; i++)
		if (delayed[i].tp == tp) {
			delayed[i] = delayed[--ndelayed];
			break;
		}
	tp->flags &= ~TRC_DELAYED;
}

/*
 * Every stop wakes the tracer and every resume wakes the tracee: on
 * different CPUs each wake-up is a cross-CPU interrupt, which costs more
 * than the stop itself (on a VM several times more).  With another CPU
 * for the tracee, the tracer looks for stops before sleeping (see
 * spin_wait()) and keeps to the CPU it is on rather than wandering onto
 * the tracee's.  Only sctrace's own affinity changes; tracees keep theirs.
 */
static void stay_on_one_cpu(void)
{
	cpu_set_t set;
	int cpu = sched_getcpu();
	const char *spin;

	if (cpu < 0 || sched_getaffinity(0, sizeof(set), &set) < 0 ||
	    CPU_COUNT(&set) < 2)
		return;
	spin = getenv("SCTRACE_SPIN");
	may_spin = !spin || strcmp(spin, "0");
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	sched_setaffinity(0, sizeof(set), &set);
}

/*
 * A stop usually comes within microseconds of the resume; sleeping in
 * wait4 and being woken from another CPU costs far more (on a VM, about
 * 5x the whole stop).  So look a few times first, when there is another
 * CPU for the tracee to run on.  Looking in vain costs CPU time and, if
 * the tracee shares our CPU after all, its time: after a run of misses
 * spinning pauses, and is tried again later.
 */
#define SPIN_TRIES 300
#define SPIN_WINDOW 64
#define SPIN_PAUSE 4096

static unsigned int spin_tries, spin_hits, spin_paused;

static pid_t spin_wait(int *status, struct rusage *ru)
{
	pid_t pid;

	if (may_spin && !spin_paused) {
		for (int i = 0; i < SPIN_TRIES; i++) {
			pid = wait4(-1, status, __WALL | WNOHANG, ru);
			if (pid != 0) {
				spin_hits++;
				break;
			}
		}
		/* Mostly in vain over the last window: pause for a while. */
		if (++spin_tries == SPIN_WINDOW) {
			if (spin_hits < SPIN_WINDOW / 4)
				spin_paused = SPIN_PAUSE;
			spin_tries = spin_hits = 0;
		}
		if (pid != 0)
			return pid;
	} else if (spin_paused) {
		spin_paused--;
	}
	return wait4(-1, status, __WALL, ru);
}

/*
 * A signal ignored when sctrace starts (nohup, a background job) stays
 * ignored, as strace does; the others make sctrace stop tracing, unless
 * -I 3/4 (the default with -o FILE PROG) blocks them: then a ^C reaches
 * only the command, and its trace is complete to its end.
 */
static void install_handlers(void)
{
	struct sigaction sa;
	sigset_t block;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_fatal_signal; /* no SA_RESTART: wait4 returns */
	sigemptyset(&sa.sa_mask);
	sigemptyset(&block);
	for (size_t i = 0; i < ARRAY_SIZE(fatal_signals); i++) {
		sigaction(fatal_signals[i], NULL, &saved_fatal[i]);
		if (saved_fatal[i].sa_handler != SIG_IGN)
			sigaction(fatal_signals[i], &sa, NULL);
		sigaddset(&block, fatal_signals[i]);
	}
	if (opt.intr == INTR_NEVER_TSTP)
		sigaddset(&block, SIGTSTP);
	sigprocmask(SIG_BLOCK, opt.intr >= INTR_NEVER ? &block : NULL,
		    &saved_mask);
	/* The flush and delay timers: no SA_RESTART, wait4 returns. */
	sa.sa_handler = on_timer;
	sigaction(SIGALRM, &sa, NULL);
	/* A closed trace pipe is a write error, not sctrace's death. */
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &saved_pipe);
	/*
	 * Every ptrace stop would send us a SIGCHLD, which we never look at:
	 * SA_NOCLDSTOP spares the kernel that work at each stop (wait4 is
	 * woken all the same).  SIG_DFL, not an inherited SIG_IGN, under
	 * which the command's exit status would be reaped away from us.
	 */
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = SA_NOCLDSTOP;
	sigaction(SIGCHLD, &sa, &saved_chld);
}

/* The command starts with the dispositions and mask sctrace was given. */
static void restore_handlers(void)
{
	signal(SIGALRM, SIG_DFL);	/* the flush timer is ours */
	for (size_t i = 0; i < ARRAY_SIZE(fatal_signals); i++)
		sigaction(fatal_signals[i], &saved_fatal[i], NULL);
	sigaction(SIGPIPE, &saved_pipe, NULL);
	sigaction(SIGCHLD, &saved_chld, NULL);
	sigprocmask(SIG_SETMASK, &saved_mask, NULL);
}

/*
 * "sctrace: Process N attached", in order with trace text on stderr.
 * Not when the trace goes to a file and sctrace runs the command: strace
 * then says nothing of attaching or detaching, whatever -e quiet= says.
 */
static void notice(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void notice(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	if (opt.quiet || qual_quiet(QUIET_ATTACH) ||
	    (opt.outfile && opt.cmd_path))
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	sink_flush();
	error_msg("%s", buf);
}

/*
 * Everything that runs under our filter must have us as its tracer, or
 * its traced calls fail with ENOSYS: without -f the command's children
 * and threads are followed anyway, silently.
 */
static bool follow_silently(void)
{
	return !opt.follow_forks && seccomp_enabled();
}

static long ptrace_options(bool started)
{
	long o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC;

	if (opt.follow_forks || (started && follow_silently()))
		o |= PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK |
		     PTRACE_O_TRACECLONE;
	if (started && seccomp_enabled())
		o |= PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL;
	return o;
}

/* JSON: a record of its own; strace only says "Process N attached". */
static void record_event(struct tracee *tp, const char *type)
{
	if (!opt.json)
		return;
	sink_begin_line(tp);
	emit_record_begin(tp, type);
	sink_end_line(tp);
}

static struct tracee *add_tracee(pid_t pid, unsigned int flags)
{
	struct tracee *tp = tracee_new(pid);

	tp->flags |= flags;
	sink_attach(tp);
	if (flags || !follow_silently())
		record_event(tp, "attach");
	return tp;
}

static void drop_tracee(struct tracee *tp)
{
	if (tp->flags & TRC_DELAYED)
		undelay(tp);
	if (opt.stack_trace)
		stack_forget(tp);
	sink_forget(tp);
	tracee_free(tp);
}

extern char **environ;

/* -u USER: its groups, then its ids, as strace does it. */
static void become_user(void)
{
	if (initgroups(opt.username, opt.run_gid) < 0 ||
	    setregid(opt.run_gid, opt.run_gid) < 0 ||
	    setreuid(opt.run_uid, opt.run_uid) < 0) {
		perror_msg("-u %s", opt.username);
		_exit(1);
	}
}

static void exec_command(int gate)
{
	char c;

	/* Wait until the tracer has seized us: EOF on the gate. */
	while (gate >= 0 && read(gate, &c, 1) < 0 && errno == EINTR)
		;
	if (gate >= 0)
		close(gate);
	/* --no-aslr: addresses that repeat from run to run, as setarch -R. */
	if (opt.no_aslr) {
		int persona = personality(0xffffffff);

		if (persona == -1 ||
		    personality((unsigned long)persona | ADDR_NO_RANDOMIZE) == -1)
			perror_msg("--no-aslr: personality");
	}
	/*
	 * Traced from here: a call the filter sends to the tracer finds
	 * one.  Root's filter needs no NO_NEW_PRIVS, so it goes in first.
	 */
	seccomp_install();
	if (opt.username)
		become_user();
	execve(opt.cmd_path, opt.cmd_argv,
	       opt.cmd_envp ? opt.cmd_envp : environ);
	perror_msg("exec");
	_exit(1);
}

static void start_command(void)
{
	/* Without a tracer, our seccomp filter or half-traced state must not
	 * outlive us: the command dies with sctrace. */
	const long options = ptrace_options(true) | PTRACE_O_EXITKILL;
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
	add_tracee(pid, TRC_STARTED | TRC_HIDE);
}

/*
 * -D: this process becomes the command, and the tracer is a grandchild
 * that is nobody's child: the caller waits for the command itself.  The
 * tracer seizes us, then lets us exec; if it cannot, it says why and we
 * exit without running the command.  Returns in the tracer only.
 */
static void start_command_detached(void)
{
	const long options = ptrace_options(true) | PTRACE_O_EXITKILL;
	pid_t target = getpid(), mid;
	int gate[2], status;
	char c;

	if (pipe2(gate, O_CLOEXEC) < 0)
		pdie("pipe");
	/* Yama: let a process that is not our ancestor trace us. */
	prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY, 0, 0, 0);
	fflush(NULL);
	mid = fork();
	if (mid < 0)
		pdie("fork");
	if (mid == 0) {
		if (fork() != 0)
			_exit(0);	/* the grandchild goes on alone */
		close(gate[0]);
		if (opt.daemonize >= 3)
			setsid();
		else if (opt.daemonize == 2)
			setpgid(0, 0);
		if (ptrace(PTRACE_SEIZE, target, 0, options) < 0 ||
		    ptrace(PTRACE_INTERRUPT, target, 0, 0) < 0) {
			perror_msg("PTRACE_SEIZE pid %d", target);
			if (write(gate[1], "!", 1) < 0)
				_exit(1);
			_exit(1);
		}
		close(gate[1]);
		add_tracee(target, TRC_STARTED | TRC_HIDE);
		return;
	}
	close(gate[1]);
	waitpid(mid, &status, 0);
	if (read(gate[0], &c, 1) != 0)
		_exit(1);	/* the tracer could not seize us */
	close(gate[0]);
	prctl(PR_SET_PTRACER, 0, 0, 0, 0);
	exec_command(-1);
}

/* Seizes one thread; 0, or an errno. */
static int seize(pid_t tid)
{
	if (ptrace(PTRACE_SEIZE, tid, 0, ptrace_options(false)) < 0)
		return errno;
	/* Its first stop comes from this; then it is traced from there. */
	ptrace(PTRACE_INTERRUPT, tid, 0, 0);
	add_tracee(tid, TRC_ATTACHED);
	return 0;
}

static void attach_error(pid_t pid, int err)
{
	errno = err;
	if (err == EPERM)
		perror_msg("attach: ptrace(PTRACE_SEIZE, %d) (ptrace may be "
			   "restricted: see /proc/sys/kernel/yama/ptrace_scope)",
			   pid);
	else
		perror_msg("attach: ptrace(PTRACE_SEIZE, %d)", pid);
}

/* Every thread in /proc/PID/task, rescanned until no new one appears. */
static int seize_threads(pid_t pid, unsigned int *count)
{
	char path[64];
	bool added;

	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	do {
		DIR *dir = opendir(path);
		struct dirent *de;

		if (!dir)
			return *count ? 0 : errno == ENOENT ? ESRCH : errno;
		added = false;
		while ((de = readdir(dir))) {
			pid_t tid = (pid_t)strtol(de->d_name, NULL, 10);
			int err;

			if (tid <= 0 || tracee_find(tid))
				continue;
			err = seize(tid);
			if (err == 0) {
				++*count;
				added = true;
			} else if (err != ESRCH || tid == pid) {
				closedir(dir);
				return err;
			}
		}
		closedir(dir);
	} while (added);
	return 0;
}

static void attach_process(pid_t pid)
{
	unsigned int count = 0;
	int err;

	if (tracee_find(pid))
		return;		/* -p given twice, or a thread of another -p */
	err = opt.follow_forks ? seize_threads(pid, &count) : seize(pid);
	if (err) {
		attach_error(pid, err);
		return;
	}
	if (count > 1)
		notice("Process %d attached with %u threads", pid, count);
	else
		notice("Process %d attached", pid);
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
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		return EV_FORK;
	case PTRACE_EVENT_SECCOMP:
		return EV_SECCOMP;
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

/*
 * Under our filter alone a tracee runs with PTRACE_CONT and stops only
 * where the filter says; in a traced call it goes on to the exit stop.
 */
static void resume_tracee(struct tracee *tp, int sig)
{
	bool sparse = (tp->flags & TRC_SECCOMP) && !(tp->flags & TRC_INSYSCALL);

	resume(tp, sparse ? PTRACE_CONT : PTRACE_SYSCALL, sig);
}

/*
 * Sparse stops only while our filter is the only one: a filter of the
 * program's own could make a call fail before ours would stop it.
 * others_filters: -1 until the command's first check, then whether a
 * filter other than ours may be in force anywhere.
 */
static int others_filters = -1;

/* Whether TP stops only where our filter says. */
static void choose_mode(struct tracee *tp)
{
	bool only_ours;

	/*
	 * Filters are inherited, and installing one always stops: while
	 * the command ran under ours alone and nothing has installed one
	 * since, its children and threads do too, without reading /proc
	 * (which costs more than the rest of a new tracee's start).
	 */
	if (others_filters == 0 && !opt.nattach)
		only_ours = true;
	else
		only_ours = seccomp_only_ours(tp->pid);
	if (tp->flags & TRC_STARTED && others_filters < 0)
		others_filters = !only_ours;
	if (only_ours)
		tp->flags |= TRC_SECCOMP;
	else
		tp->flags &= ~TRC_SECCOMP;
	tp->flags |= TRC_MODE_SET;
}

/* A tracee installed a filter: it, and threads sharing it, step again. */
static void recheck_modes(void)
{
	others_filters = 1;
	for (struct tracee *tp = tracee_first(); tp; tp = tp->lnext)
		if (tp->flags & TRC_SECCOMP)
			choose_mode(tp);
}

/*
 * A line of its own: "--- SIG ... ---", "+++ exited ... +++", or a JSON
 * record of TYPE.  A syscall of TP still in progress resumes after it.
 */
static unsigned int event_begin(struct tracee *tp, const char *type)
{
	unsigned int open = tp->flags & (TRC_LINE_OPEN | TRC_CUT);

	sink_begin_line(tp);
	if (opt.json)
		emit_record_begin(tp, type);
	return open;
}

static void event_end(struct tracee *tp, unsigned int open)
{
	sink_end_line(tp);
	tp->flags |= open ? TRC_LINE_OPEN | TRC_CUT : 0;
}

static void print_event_line(struct tracee *tp, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void print_event_line(struct tracee *tp, const char *fmt, ...)
{
	char buf[256];
	unsigned int open;
	va_list ap;

	if (opt.count == 1)
		return; /* -c: the table only */
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	open = event_begin(tp, NULL);
	emit_raw(tp, buf);
	event_end(tp, open);
}

static void print_signal_line(struct tracee *tp, const siginfo_t *si)
{
	unsigned int open;

	if (opt.count == 1)
		return;
	open = event_begin(tp, "signal");
	if (opt.json) {
		emit_member_str(tp, "signal", signame(si->si_signo));
		emit_member(tp, "siginfo");
	} else {
		emit_reset(&tp->em);
		emit_rawf(tp, "--- %s ", signame(si->si_signo));
	}
	print_siginfo(tp, si);
	if (!opt.json)
		emit_raw(tp, " ---");
	event_end(tp, open);
}

/* "--- stopped by SIGSTOP ---" */
static void print_stop_line(struct tracee *tp, int sig)
{
	unsigned int open;

	if (!opt.json) {
		print_event_line(tp, "--- stopped by %s ---", signame(sig));
		return;
	}
	open = event_begin(tp, "stop");
	emit_member_str(tp, "signal", signame(sig));
	event_end(tp, open);
}

/* "+++ exited with 0 +++", "+++ killed by SIGSEGV (core dumped) +++" */
static void print_exit_line(struct tracee *tp, int status)
{
	unsigned int open;

	if (!opt.json) {
		if (WIFEXITED(status))
			print_event_line(tp, "+++ exited with %d +++",
					 WEXITSTATUS(status));
		else
			print_event_line(tp, "+++ killed by %s%s +++",
					 signame(WTERMSIG(status)),
					 WCOREDUMP(status) ? " (core dumped)" :
							     "");
		return;
	}
	if (WIFEXITED(status)) {
		open = event_begin(tp, "exit");
		emit_member_int(tp, "status", WEXITSTATUS(status));
	} else {
		open = event_begin(tp, "killed");
		emit_member_str(tp, "signal", signame(WTERMSIG(status)));
		emit_raw(tp, WCOREDUMP(status) ? ",\"core_dumped\":true" :
						 ",\"core_dumped\":false");
	}
	event_end(tp, open);
}

static void on_signal(struct tracee *tp, int sig)
{
	siginfo_t si;

	if (opt.count == 1) { /* -c prints no signal lines: nothing to ask */
		resume_tracee(tp, sig);
		return;
	}
	if (ptrace(PTRACE_GETSIGINFO, tp->pid, 0, &si) < 0)
		return; /* gone */
	if (!(tp->flags & TRC_HIDE) && qual_signal(si.si_signo)) {
		print_signal_line(tp, &si);
		if (opt.stack_trace && opt.count != 1)
			stack_print(tp);
	}
	resume_tracee(tp, sig); /* delivered as without us */
}

static void on_group_stop(struct tracee *tp, int sig)
{
	if (!(tp->flags & TRC_HIDE) && qual_signal(sig)) {
		print_stop_line(tp, sig);
		if (opt.stack_trace && opt.count != 1)
			stack_print(tp);
	}
	/* Stay stopped, as without a tracer, until SIGCONT. */
	resume(tp, PTRACE_LISTEN, 0);
}

/* A child of a traced process (-f): traced from its first instruction. */
static struct tracee *new_child(pid_t pid)
{
	struct tracee *tp = add_tracee(pid, 0);

	if (follow_silently()) {
		tracee_set_silent(tp, true);
		tp->flags |= TRC_SECCOMP | TRC_MODE_SET;
		return tp;
	}
	choose_mode(tp);
	notice("Process %d attached", pid);
	return tp;
}

/*
 * The new tracee is made when its own first stop arrives, which may come
 * before or after this event, or after it has already run and exited:
 * making it here could bring back one that is gone.
 */
static void on_fork(struct tracee *tp)
{
	resume_tracee(tp, 0);
}

/*
 * execve in a thread other than the leader: the other threads are gone,
 * the leader's pid goes to the thread that ran execve, and its tracee
 * takes the pid over, as strace shows it ("superseded by execve").
 */
static struct tracee *on_exec(struct tracee *tp)
{
	unsigned long old = 0;
	struct tracee *thread;
	pid_t leader = tp->pid;

	if (ptrace(PTRACE_GETEVENTMSG, leader, 0, &old) < 0 ||
	    (pid_t)old == leader)
		return tp;
	thread = tracee_find((pid_t)old);
	if (!thread)
		return tp;
	/* The process is the same one: sctrace's child, or attached, and
	 * shown if it was (a thread followed only silently takes over). */
	thread->flags |= tp->flags & (TRC_STARTED | TRC_ATTACHED);
	tracee_set_silent(thread, tp->flags & TRC_SILENT);
	syscall_unfinished(tp);
	drop_tracee(tp);
	tracee_rekey(thread, leader);
	sink_pid_changed(thread);
	if (opt.quiet < 3 && !qual_quiet(QUIET_THREAD_EXECVE) &&
	    !(thread->flags & TRC_SILENT)) {
		if (opt.json) {
			unsigned int open = event_begin(thread, "superseded");

			emit_member_int(thread, "old_tid", (long long)old);
			event_end(thread, open);
		} else {
			print_event_line(thread,
					 "+++ superseded by execve in pid %lu +++",
					 old);
		}
	}
	return thread;
}

static void on_tracee_exit(struct tracee *tp, int status)
{
	syscall_unfinished(tp);
	if (opt.quiet < 2 && !qual_quiet(QUIET_EXIT))
		print_exit_line(tp, status);
	if (tp->flags & TRC_STARTED)
		command_status = status;
	drop_tracee(tp);
}

static void on_syscall_action(struct tracee *tp, enum syscall_action act)
{
	int sig;

	switch (act) {
	case SYSCALL_RESUME:
		if (!(tp->flags & TRC_INSYSCALL)) {
			if (tp->flags & TRC_HIDE)
				;	/* sctrace's own code, before exec */
			else if (!(tp->flags & TRC_MODE_SET))
				choose_mode(tp);	/* after its first execve */
			else if (syscall_installed_filter(tp))
				recheck_modes();
		} else if (!(tp->flags & TRC_HIDE) &&
			   syscall_installed_filter(tp)) {
			/* About to install one: its stops may come before the
			 * exit stop of this call (TSYNC), so ask from now on. */
			others_filters = 1;
		}
		sig = tp->resume_sig;	/* -e inject=...:signal= */
		tp->resume_sig = 0;
		if (tp->delay_us)
			delay_resume(tp, sig);
		else
			resume_tracee(tp, sig);
		break;
	case SYSCALL_DETACH:
		/* -b execve: the line stays as it is, like strace's. */
		ptrace(PTRACE_DETACH, tp->pid, 0, 0);
		drop_tracee(tp);
		break;
	case SYSCALL_GONE:
		break;
	}
}

/*
 * The SECCOMP_RET_DATA of a seccomp stop: ours, or from a filter of the
 * program's own.  While no other filter can be in force (none inherited
 * by sctrace, none installed since), it is ours without asking: one
 * ptrace call less for every traced call.  Not without -f: the threads
 * followed silently are not watched for filters they install.
 */
static unsigned long seccomp_stop_data(const struct tracee *tp)
{
	unsigned long data = 0;

	if (opt.follow_forks && others_filters == 0 && !opt.nattach &&
	    !seccomp_inherited())
		return SCTRACE_SECCOMP_TAG;
	ptrace(PTRACE_GETEVENTMSG, tp->pid, 0, &data);
	return data;
}

static void on_seccomp(struct tracee *tp)
{
	if (seccomp_stop_data(tp) != SCTRACE_SECCOMP_TAG) {
		/* The program's own RET_TRACE: as if nobody traced it. */
		if (!(tp->flags & TRC_INSYSCALL))
			syscall_seccomp_stop(tp);
		syscall_skip(tp);
		resume(tp, PTRACE_SYSCALL, 0);
		return;
	}
	if (tp->flags & TRC_INSYSCALL) {
		/* Stepping anyway: the entry stop came first. */
		resume(tp, PTRACE_SYSCALL, 0);
		return;
	}
	on_syscall_action(tp, syscall_seccomp_stop(tp));
}

/* A silent tracee only needs its calls to go through: nothing prints. */
static void dispatch_silent(struct tracee *tp, int status)
{
	siginfo_t si;

	switch (classify(status)) {
	case EV_SECCOMP:
		if (seccomp_stop_data(tp) != SCTRACE_SECCOMP_TAG)
			syscall_skip(tp);	/* its own RET_TRACE */
		resume(tp, PTRACE_CONT, 0);
		break;
	case EV_SIGNAL:
		if (ptrace(PTRACE_GETSIGINFO, tp->pid, 0, &si) == 0)
			resume(tp, PTRACE_CONT, WSTOPSIG(status));
		break;
	case EV_GROUP_STOP:
		resume(tp, PTRACE_LISTEN, 0);
		break;
	case EV_EXEC:
		resume(on_exec(tp), PTRACE_CONT, 0);
		break;
	case EV_EXITED:
	case EV_KILLED:
		if (tp->flags & TRC_STARTED)
			command_status = status;
		drop_tracee(tp);
		break;
	default:
		resume(tp, PTRACE_CONT, 0);
		break;
	}
}

static void dispatch(struct tracee *tp, int status)
{
	if (tp->flags & TRC_SILENT) {
		dispatch_silent(tp, status);
		return;
	}
	switch (classify(status)) {
	case EV_SYSCALL:
		on_syscall_action(tp, syscall_stop(tp));
		break;
	case EV_SECCOMP:
		on_seccomp(tp);
		break;
	case EV_SIGNAL:
		on_signal(tp, WSTOPSIG(status));
		break;
	case EV_GROUP_STOP:
		on_group_stop(tp, WSTOPSIG(status));
		break;
	case EV_FORK:
		on_fork(tp);
		break;
	case EV_EXEC:
		resume_tracee(on_exec(tp), 0);
		break;
	case EV_INTERRUPT:
	case EV_OTHER_EVENT:
		resume_tracee(tp, 0);
		break;
	case EV_EXITED:
	case EV_KILLED:
		on_tracee_exit(tp, status);
		break;
	}
}

static void detach_tracee(struct tracee *tp, int sig)
{
	ptrace(PTRACE_DETACH, tp->pid, 0, sig);
	/* After a failed trace output, its one message says it all. */
	if (!(tp->flags & TRC_HIDE) && !sink_failed())
		notice("Process %d detached", tp->pid);
	syscall_detached(tp);
	if (!(tp->flags & (TRC_HIDE | TRC_SILENT)))
		record_event(tp, "detach");
	drop_tracee(tp);
}

/*
 * Under our filter a process cannot run without us: its traced calls
 * would fail with ENOSYS.  Those are not let go; EXITKILL ends them
 * when sctrace exits (or they are traced on, silently, to their end).
 */
static bool under_our_filter(const struct tracee *tp)
{
	return seccomp_enabled() && !(tp->flags & TRC_ATTACHED);
}

/*
 * Let every tracee go: interrupt it, and detach at its next stop, giving
 * back a signal it was about to receive.
 */
static void detach_all(void)
{
	unsigned int left = 0;
	struct tracee *tp, *next;

	wake_pid = 0;
	for (tp = tracee_first(); tp; tp = next) {
		next = tp->lnext;
		if (under_our_filter(tp))
			continue;
		if (tp->flags & TRC_DELAYED) {
			detach_tracee(tp, 0);	/* stopped: no stop to wait for */
			continue;
		}
		tp->flags |= TRC_DETACHING;
		ptrace(PTRACE_INTERRUPT, tp->pid, 0, 0);
		left++;
	}
	while (left) {
		int status;
		pid_t pid = wait4(-1, &status, __WALL, NULL);
		bool mine;

		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		tp = tracee_find(pid);
		if (!tp)
			continue;
		mine = tp->flags & TRC_DETACHING;
		switch (classify(status)) {
		case EV_EXITED:
		case EV_KILLED:
			on_tracee_exit(tp, status);
			break;
		case EV_SIGNAL:
			if (mine)
				detach_tracee(tp, WSTOPSIG(status));
			break;
		default:
			if (mine)
				detach_tracee(tp, 0);
			break;
		}
		left -= mine;
	}
}

/*
 * sctrace was told to stop: as strace, the command gets the signal too,
 * and the others are let go.  Those under our filter cannot be: they are
 * followed silently to their end, so nothing of theirs breaks.
 */
static void on_interrupted(int sig)
{
	struct tracee *tp;

	for (tp = tracee_first(); tp; tp = tp->lnext)
		if (tp->flags & TRC_STARTED)
			kill(tp->pid, sig);
	cut_short = true;
	detach_all();
	for (tp = tracee_first(); tp; tp = tp->lnext) {
		syscall_detached(tp);
		sink_forget(tp);
		tracee_set_silent(tp, true);
	}
}

int tracer_run(void)
{
	struct rusage usage, *ru = opt.count && !opt.summary.wall ? &usage : NULL;
	bool interactive = sink_interactive();
	struct tracee *tp;
	pid_t pid;

	if (opt.cmd_path)
		seccomp_prepare();
	if (opt.daemonize && opt.cmd_path)
		start_command_detached();
	install_handlers();
	for (unsigned int i = 0; i < opt.nattach; i++)
		attach_process(opt.attach[i]);
	if (opt.cmd_path && !opt.daemonize)
		start_command();
	if (!tracee_first())
		return -1;	/* every attach failed: said so already */
	if (!interactive)
		start_flush_timer();
	stay_on_one_cpu();

	while (tracee_first()) {
		int status;

		if (interrupted && !cut_short) {
			on_interrupted(interrupted);
			continue;
		}
		if (timer_due) {
			timer_due = 0;
			if (!interactive && sink_pending())
				sink_flush();
			run_delays();
		}
		if (sink_failed() && !cut_short) {
			cut_short = true;
			detach_all();
			/* What is left runs under our filter: trace on, silently. */
			continue;
		}
		/*
		 * Output read live is flushed before sleeping; a file only by
		 * the lazy timer, so most stops cost one wait4.  -c wants the
		 * tracee's system time at each stop.
		 */
		if (interactive) {
			pid = wait4(-1, &status, __WALL | WNOHANG, ru);
			if (pid == 0) {
				sink_flush();
				wake_pid = tracee_first()->pid;
				pid = wait4(-1, &status, __WALL, ru);
			}
		} else {
			wake_pid = tracee_first()->pid;
			pid = spin_wait(&status, ru);
		}
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				break;
			pdie("wait4");
		}
		tp = tracee_find(pid);
		/* A new child can report before its parent's fork event. */
		if (!tp && (opt.follow_forks || follow_silently()) &&
		    WIFSTOPPED(status))
			tp = new_child(pid);
		if (!tp)
			continue;
		if (ru)
			tp->stime = ru->ru_stime;
		dispatch(tp, status);
	}
	if (cut_short)
		return -1;
	/* Only attached processes (-p), traced to their end: success. */
	return opt.cmd_path ? command_status : 0;
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
