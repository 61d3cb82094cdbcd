/*
 * -k: openat of a marker path from level3(), called by level2(), called
 * by level1().  Built as PIE and as non-PIE, with frame pointers and
 * without inlining, clones or sibling calls, so the three frames exist.
 *
 *   stack-levels [plain]   main calls level1()
 *   stack-levels fork      ... and a child process does it too
 *   stack-levels thread    ... and a second thread does it too
 *   stack-levels signal    ... and a signal handler does it too
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifdef __clang__
# define NOINLINE __attribute__((noinline, used))
#else
# define NOINLINE __attribute__((noinline, noclone, used))
#endif

#define MARKER "/sctrace-stack-marker"

static volatile int depth;

NOINLINE int level3(void)
{
	int fd = openat(AT_FDCWD, MARKER, O_RDONLY);

	depth++;
	return fd;
}

NOINLINE int level2(void)
{
	int r = level3();

	depth++;
	return r;
}

NOINLINE int level1(void)
{
	int r = level2();

	depth++;
	return r;
}

static void *thread_main(void *arg)
{
	(void)arg;
	level1();
	return NULL;
}

static void on_usr1(int sig)
{
	(void)sig;
	level1();
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "plain";

	level1();
	if (!strcmp(mode, "fork")) {
		pid_t pid = fork();

		if (pid == 0) {
			level1();
			_exit(0);
		}
		waitpid(pid, NULL, 0);
	} else if (!strcmp(mode, "thread")) {
		pthread_t t;

		if (pthread_create(&t, NULL, thread_main, NULL))
			return 1;
		pthread_join(t, NULL);
	} else if (!strcmp(mode, "signal")) {
		signal(SIGUSR1, on_usr1);
		raise(SIGUSR1);
	}
	return 0;
}
