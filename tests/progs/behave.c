/*
 * Behaviours a tracer must not change.  Each mode prints what the
 * program saw and exits with a status that depends on it; the test runs
 * it with and without sctrace and compares.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int vfork_exec(void)
{
	int status;
	pid_t pid = vfork();

	if (pid == 0) {
		execl("/bin/sh", "sh", "-c", "exit 42", (char *)NULL);
		_exit(127);
	}
	waitpid(pid, &status, 0);
	printf("child exit %d\n", WEXITSTATUS(status));
	return WEXITSTATUS(status) == 42 ? 0 : 1;
}

/* Stops itself; a child continues it. */
static int self_stop(void)
{
	pid_t me = getpid(), pid = fork();
	int status;

	if (pid == 0) {
		/* Wait until the parent is really stopped. */
		for (int i = 0; i < 500; i++) {
			char path[64], buf[512], *p;
			FILE *f;

			snprintf(path, sizeof(path), "/proc/%d/stat", me);
			f = fopen(path, "r");
			if (!f)
				_exit(1);
			p = fgets(buf, sizeof(buf), f);
			fclose(f);
			p = p ? strrchr(buf, ')') : NULL;
			if (p && (p[2] == 'T' || p[2] == 't'))
				break;
			usleep(10000);
		}
		kill(me, SIGCONT);
		_exit(0);
	}
	raise(SIGSTOP);
	printf("continued\n");
	waitpid(pid, &status, 0);
	return 0;
}

/* Writes to a pipe whose reader is gone: dies of SIGPIPE. */
static int sigpipe(int ignore)
{
	int p[2];

	if (ignore)
		signal(SIGPIPE, SIG_IGN);
	if (pipe(p))
		return 2;
	close(p[0]);
	if (write(p[1], "x", 1) < 0)
		printf("write: %s\n", strerror(errno));
	return ignore ? 3 : 4;
}

static void *exec_thread(void *arg)
{
	usleep(50000);
	execl("/bin/sh", "sh", "-c", "echo exec from thread; exit 9", (char *)NULL);
	return arg;
}

static int thread_exec(void)
{
	pthread_t t;

	pthread_create(&t, NULL, exec_thread, NULL);
	for (;;)
		pause();
	return 1;	/* not reached: the thread's execve replaces us */
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	setvbuf(stdout, NULL, _IONBF, 0);
	if (!strcmp(mode, "vfork"))
		return vfork_exec();
	if (!strcmp(mode, "selfstop"))
		return self_stop();
	if (!strcmp(mode, "sigpipe"))
		return sigpipe(0);
	if (!strcmp(mode, "epipe"))
		return sigpipe(1);
	if (!strcmp(mode, "thread-exec"))
		return thread_exec();
	return 100;
}
