/*
 * Benchmark workloads.
 *   workload getppid N      N getppid calls
 *   workload openat N       N openat+close of /dev/null
 *   workload mixed N        N getppid, and one openat per 1000
 *   workload write N        N 64-byte writes to /dev/null
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "getppid";
	long n = argc > 2 ? atol(argv[2]) : 1000000;
	char buf[64] = { 0 };
	int fd;

	for (long i = 0; i < n; i++) {
		if (!strcmp(what, "getppid")) {
			syscall(SYS_getppid);
		} else if (!strcmp(what, "openat")) {
			fd = open("/dev/null", O_RDONLY);
			close(fd);
		} else if (!strcmp(what, "mixed")) {
			syscall(SYS_getppid);
			if (i % 1000 == 0)
				close(open("/dev/null", O_RDONLY));
		} else if (!strcmp(what, "write")) {
			if (i == 0)
				fd = open("/dev/null", O_WRONLY);
			if (write(fd, buf, sizeof(buf)) < 0)
				return 1;
		} else {
			return 2;
		}
	}
	return 0;
}
