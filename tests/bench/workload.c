/*
 * Benchmark workloads, all deterministic: the same calls, in the same
 * number, every run (tests/bench/README says which counts are checked).
 *
 *   workload getppid N        N getppid calls
 *   workload pipe N           N 64-byte write+read pairs on a pipe
 *   workload file N           N openat+stat+close of one file (the stat
 *                             is the stat syscall, so that its count is
 *                             the workload's alone)
 *   workload enoent N         N openat that fail with ENOENT
 *   workload forktree D W N   a process tree of depth D (the root is
 *                             depth 0), W children per inner node, each
 *                             process making N getppid calls:
 *                             (W^(D+1)-1)/(W-1) processes in all
 *   workload threads T N      T threads making N getppid calls each
 *   workload hold P N         P children alive at once: each makes N
 *                             getppid calls, sleeps 10 ms and waits
 *                             until all P exist, then exits
 *   workload mixed N          N getppid, and one openat+close per 1000
 *   workload write N          N 64-byte writes to /dev/null
 *   workload openat N         N openat+close of /dev/null
 *
 * Helpers for tests/bench/run:
 *   workload tree DIR D F     make D directories of F empty files in DIR
 *   workload measure [-c CPU] [-o FILE] PROG [ARGS]
 *                             run PROG (stdin, stdout and stderr on
 *                             /dev/null, or stdout and stderr on FILE;
 *                             pinned to CPU with -c, as taskset -c does)
 *                             and print on stdout:
 *                               STATUS WALL_US CPU_US MAXRSS_KIB
 *                             STATUS: the exit status, 128+N if killed by
 *                             signal N; CPU_US: user+sys time of PROG's
 *                             process itself (for a tracer: the tracer's
 *                             own, without its tracees), read from
 *                             /proc/PID/stat before it is reaped;
 *                             MAXRSS_KIB: the largest peak RSS among
 *                             PROG and all its descendants (wait4).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FILE_PATH "/etc/passwd"
#define ENOENT_PATH "/nonexistent-sctrace-bench/file"

static long arg(int argc, char **argv, int i, long dflt)
{
	return argc > i ? atol(argv[i]) : dflt;
}

/* Wait for every child; 1 if one did not exit with 0. */
static int reap_all(void)
{
	int status, bad = 0;

	while (wait(&status) > 0)
		if (!WIFEXITED(status) || WEXITSTATUS(status))
			bad = 1;
	return bad;
}

static void getppids(long n)
{
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
}

static int forktree(int depth, int width, long n)
{
	if (depth > 0)
		for (int i = 0; i < width; i++) {
			pid_t pid = fork();

			if (pid < 0)
				return 1;
			if (pid == 0)
				_exit(forktree(depth - 1, width, n));
		}
	getppids(n);
	return reap_all();
}

static void *thread_main(void *n)
{
	getppids((long)n);
	return NULL;
}

static int threads(long t, long n)
{
	pthread_t th[64];

	if (t < 1 || t > 64)
		return 2;
	for (long i = 0; i < t; i++)
		if (pthread_create(&th[i], NULL, thread_main, (void *)n))
			return 1;
	for (long i = 0; i < t; i++)
		pthread_join(th[i], NULL);
	return 0;
}

static int hold(long p, long n)
{
	struct timespec ten_ms = { 0, 10000000 }, fifty_ms = { 0, 50000000 };
	int gate[2];
	char c;

	if (pipe(gate) < 0)
		return 1;
	for (long i = 0; i < p; i++) {
		pid_t pid = fork();

		if (pid < 0)
			return 1;
		if (pid == 0) {
			close(gate[1]);
			getppids(n);
			nanosleep(&ten_ms, NULL);
			/* EOF once the parent has made all P and closed. */
			_exit(read(gate[0], &c, 1) != 0);
		}
	}
	close(gate[0]);
	nanosleep(&fifty_ms, NULL);
	close(gate[1]);
	return reap_all();
}

static int make_tree(const char *dir, long d, long f)
{
	char path[4096];

	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return 1;
	for (long i = 0; i < d; i++) {
		snprintf(path, sizeof(path), "%s/d%03ld", dir, i);
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			return 1;
		for (long j = 0; j < f; j++) {
			snprintf(path, sizeof(path), "%s/d%03ld/f%04ld", dir, i,
				 j);
			int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

			if (fd < 0)
				return 1;
			close(fd);
		}
	}
	return 0;
}

/*
 * CPU time (user+sys) of the process PID, in microseconds: utime+stime
 * of the whole process from /proc/PID/stat, in clock ticks; or, when
 * larger, the nanosecond run time of its main thread from
 * /proc/PID/schedstat (the same figure, precise, for a one-thread
 * process such as a tracer).
 */
static long proc_cpu_us(pid_t pid)
{
	char path[64], buf[4096], *p;
	unsigned long long ut, st, ns;
	long us = -1;
	ssize_t len;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len <= 0)
		return -1;
	buf[len] = 0;
	p = strrchr(buf, ')');	/* comm may hold spaces */
	if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u "
			 "%llu %llu", &ut, &st) != 2)
		return -1;
	us = (long)((ut + st) * (1000000.0 / sysconf(_SC_CLK_TCK)));
	snprintf(path, sizeof(path), "/proc/%d/schedstat", (int)pid);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return us;
	len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (len > 0) {
		buf[len] = 0;
		if (sscanf(buf, "%llu", &ns) == 1 && (long)(ns / 1000) > us)
			us = (long)(ns / 1000);
	}
	return us;
}

static int measure(int argc, char **argv)
{
	const char *out = "/dev/null";
	struct timespec t0, t1;
	struct rusage ru;
	siginfo_t si;
	int cpu = -1, status, opt;
	long cpu_us;
	pid_t pid;

	while ((opt = getopt(argc, argv, "+c:o:")) != -1) {
		if (opt == 'c')
			cpu = atoi(optarg);
		else if (opt == 'o')
			out = optarg;
		else
			return 2;
	}
	if (optind >= argc)
		return 2;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid = fork();
	if (pid < 0)
		return 1;
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (in < 0 || fd < 0)
			_exit(126);
		dup2(in, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (cpu >= 0) {
			cpu_set_t set;

			CPU_ZERO(&set);
			CPU_SET(cpu, &set);
			if (sched_setaffinity(0, sizeof(set), &set) < 0)
				_exit(126);
		}
		execvp(argv[optind], argv + optind);
		_exit(127);
	}
	/* Exited but not reaped: its own times are still in /proc. */
	if (waitid(P_PID, pid, &si, WEXITED | WNOWAIT) < 0)
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	cpu_us = proc_cpu_us(pid);
	if (wait4(pid, &status, 0, &ru) != pid)
		return 1;
	printf("%d %ld %ld %ld\n",
	       WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
	       (t1.tv_sec - t0.tv_sec) * 1000000L +
		       (t1.tv_nsec - t0.tv_nsec) / 1000,
	       cpu_us, ru.ru_maxrss);
	return 0;
}

int main(int argc, char **argv)
{
	const char *what = argc > 1 ? argv[1] : "getppid";
	long n = arg(argc, argv, 2, 1000000);
	char buf[64] = { 0 };
	struct stat st;
	int fd, p[2];

	if (!strcmp(what, "measure"))
		return measure(argc - 1, argv + 1);
	if (!strcmp(what, "tree"))
		return argc == 5 ? make_tree(argv[2], arg(argc, argv, 3, 0),
					     arg(argc, argv, 4, 0))
				 : 2;
	if (!strcmp(what, "forktree"))
		return forktree(n, arg(argc, argv, 3, 4),
				arg(argc, argv, 4, 1000));
	if (!strcmp(what, "threads"))
		return threads(n, arg(argc, argv, 3, 25000));
	if (!strcmp(what, "hold"))
		return hold(n, arg(argc, argv, 3, 3));
	if (!strcmp(what, "getppid")) {
		getppids(n);
		return 0;
	}
	if (!strcmp(what, "pipe")) {
		if (pipe(p) < 0)
			return 1;
		for (long i = 0; i < n; i++)
			if (write(p[1], buf, sizeof(buf)) != sizeof(buf) ||
			    read(p[0], buf, sizeof(buf)) != sizeof(buf))
				return 1;
		return 0;
	}
	for (long i = 0; i < n; i++) {
		if (!strcmp(what, "file")) {
			fd = open(FILE_PATH, O_RDONLY);
			if (fd < 0 || syscall(SYS_stat, FILE_PATH, &st) < 0)
				return 1;
			close(fd);
		} else if (!strcmp(what, "enoent")) {
			if (open(ENOENT_PATH, O_RDONLY) >= 0 || errno != ENOENT)
				return 1;
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
