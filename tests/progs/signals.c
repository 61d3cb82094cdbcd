/*
 * Signals must arrive as without a tracer: each handler records what it
 * saw and the exit status says whether all did.  Prints the "---" and
 * "+++" lines it expects.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1, got_alrm;

static void on_usr1(int sig)
{
	got_usr1++;
}

static void on_alrm(int sig)
{
	got_alrm++;
}

int main(void)
{
	pid_t me = getpid(), child;
	uid_t uid = getuid();
	int status;
	sigset_t set;

	signal(SIGUSR1, on_usr1);
	signal(SIGALRM, on_alrm);

	child = fork();
	if (child == 0)
		_exit(3);
	waitpid(child, &status, 0);
	printf("--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=%d, "
	       "si_uid=%u, si_status=3, si_utime=0, si_stime=0} ---\n",
	       child, uid);

	kill(me, SIGUSR1);
	printf("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_USER, si_pid=%d, "
	       "si_uid=%u} ---\n",
	       me, uid);

	union sigval v = { .sival_int = 42 };
	sigqueue(me, SIGUSR1, v);
	printf("--- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=%d, "
	       "si_uid=%u, si_int=42, si_ptr=0x2a} ---\n",
	       me, uid);

	/* Blocked, then taken with sigwaitinfo: no delivery stop. */
	sigemptyset(&set);
	sigaddset(&set, SIGALRM);
	sigprocmask(SIG_BLOCK, &set, NULL);
	alarm(1);
	if (sigwaitinfo(&set, NULL) != SIGALRM)
		return 10;
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	alarm(1);
	pause();
	printf("--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---\n");

	/* Ignored signals are still reported, and stay ignored. */
	signal(SIGUSR2, SIG_IGN);
	raise(SIGUSR2);
	printf("--- SIGUSR2 {si_signo=SIGUSR2, si_code=SI_TKILL, si_pid=%d, "
	       "si_uid=%u} ---\n",
	       me, uid);

	printf("+++ exited with 0 +++\n");
	fflush(stdout);
	if (got_usr1 != 2 || got_alrm != 1)
		return 20 + got_usr1 * 2 + got_alrm;
	return 0;
}
