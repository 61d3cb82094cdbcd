/*
 * What a program sees under -e inject= (built static, so that only its
 * own calls count for when=):
 *   inject open N      N openat of /dev/null, each result
 *   inject getppid N   N getppid, each result
 *   inject signal      one getppid; says whether SIGUSR1 arrived
 *   inject delay       one getppid; how long it took, in ms
 *   inject both        one openat, then one getppid
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
	got = sig;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";
	int n = argc > 2 ? atoi(argv[2]) : 1;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (!strcmp(mode, "open")) {
		for (int i = 1; i <= n; i++) {
			int fd = open("/dev/null", O_RDONLY);

			printf("%d: %s\n", i, fd < 0 ? strerror(errno) : "ok");
			if (fd >= 0)
				close(fd);
		}
	} else if (!strcmp(mode, "getppid")) {
		for (int i = 1; i <= n; i++) {
			long r = syscall(SYS_getppid);

			if (r < 0)
				printf("%d: -1 %s\n", i, strerror(errno));
			else
				printf("%d: %s\n", i, r == 42 ? "42" : "ppid");
		}
	} else if (!strcmp(mode, "signal")) {
		signal(SIGUSR1, on_usr1);
		syscall(SYS_getppid);
		printf("signal: %s\n", got == SIGUSR1 ? "SIGUSR1" : "none");
	} else if (!strcmp(mode, "both")) {
		int fd = open("/dev/null", O_RDONLY);
		long r = syscall(SYS_getppid);

		printf("%s %ld\n", fd < 0 ? strerror(errno) : "ok", r);
	} else if (!strcmp(mode, "delay")) {
		struct timespec a, b;

		clock_gettime(CLOCK_MONOTONIC, &a);
		syscall(SYS_getppid);
		clock_gettime(CLOCK_MONOTONIC, &b);
		printf("%ld\n", (b.tv_sec - a.tv_sec) * 1000 +
				(b.tv_nsec - a.tv_nsec) / 1000000);
	} else {
		return 2;
	}
	return 0;
}
