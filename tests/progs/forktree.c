/*
 * A tree: the root makes N getppid calls and forks 3 children, each of
 * which forks 3 workers making N getppid calls each: 10 * N in all.
 * Exits 0 only if every process did its part.
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void calls(long n)
{
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
}

static int wait_all(int count)
{
	int status, bad = 0;

	for (int i = 0; i < count; i++)
		if (wait(&status) < 0 || !WIFEXITED(status) ||
		    WEXITSTATUS(status))
			bad = 1;
	return bad;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;

	for (int i = 0; i < 3; i++) {
		if (fork() == 0) {
			for (int j = 0; j < 3; j++)
				if (fork() == 0) {
					calls(n);
					_exit(0);
				}
			_exit(wait_all(3));
		}
	}
	calls(n);
	return wait_all(3);
}
