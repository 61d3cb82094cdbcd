/*
 * Processes: wait4/waitid and their statuses, ids and groups, resource
 * usage, uname, sysinfo, scheduling, capabilities, umask, the working
 * directory, prctl.  Prints the trace lines it expects between the markers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "expect.h"

static const char *ticks(long t)
{
	static char buf[2][64];
	static int n;
	char *b = buf[n++ % 2];

	if (t)
		snprintf(b, sizeof(buf[0]), "%ld /* %ld.%02ld s */", t, t / 100,
			 t % 100);
	else
		snprintf(b, sizeof(buf[0]), "0");
	return b;
}

static void cpus(char *out, size_t size, const unsigned char *set, long n)
{
	size_t len = 0;

	out[len++] = '[';
	for (long i = 0; i < n * 8; i++)
		if (set[i / 8] & (1 << (i % 8)))
			len += snprintf(out + len, size - len, "%s%ld",
					out[len - 1] == '[' ? "" : " ", i);
	snprintf(out + len, size - len, "]");
}

static void waits(char *bad, unsigned int uid)
{
	struct rusage ru;
	siginfo_t si;
	long rc;
	int st;
	pid_t c;

	c = syscall(SYS_fork);
	if (c == 0)
		_exit(3);
	expect("fork() = %d", c);
	rc = wait4(c, &st, 0, NULL);
	expect("wait4(%d, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = "
	       "%ld",
	       c, rc);

	c = syscall(SYS_fork);
	if (c == 0) {
		pause();
		_exit(0);
	}
	expect("fork() = %d", c);
	kill(c, SIGSTOP);
	expect("kill(%d, SIGSTOP) = 0", c);
	rc = wait4(c, &st, WUNTRACED, NULL);
	expect("wait4(%d, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], "
	       "WSTOPPED, NULL) = %ld",
	       c, rc);
	kill(c, SIGCONT);
	expect("kill(%d, SIGCONT) = 0", c);
	rc = wait4(c, &st, WCONTINUED, NULL);
	expect("wait4(%d, [{WIFCONTINUED(s)}], WCONTINUED, NULL) = %ld", c, rc);
	kill(c, SIGKILL);
	expect("kill(%d, SIGKILL) = 0", c);
	rc = wait4(c, &st, __WALL, &ru);
	expect("wait4(%d, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], "
	       "__WALL, "
	       "{ru_utime={tv_sec=%ld, tv_usec=%ld}, ru_stime={tv_sec=%ld, "
	       "tv_usec=%ld}, ...}) = %ld",
	       c, (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
	       (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec, rc);

	rc = wait4(-1, &st, WNOHANG | WUNTRACED | __WCLONE, NULL);
	expect("wait4(-1, %p, WNOHANG|WSTOPPED|__WCLONE, NULL) = %s",
	       (void *)&st, res(rc, errno));
	rc = syscall(SYS_wait4, -1, bad, 0x1234000, bad);
	expect("wait4(-1, %p, WNOWAIT|0x234000, %p) = %s", bad, bad,
	       res(rc, errno));

	c = syscall(SYS_fork);
	if (c == 0)
		_exit(0);
	expect("fork() = %d", c);
	memset(&si, 0, sizeof(si));
	rc = waitid(P_PID, c, &si, WEXITED | WNOWAIT);
	expect("waitid(P_PID, %d, {si_signo=SIGCHLD, si_code=CLD_EXITED, "
	       "si_pid=%d, si_uid=%u, si_status=0, si_utime=%s, si_stime=%s}, "
	       "WEXITED|WNOWAIT, NULL) = %ld",
	       c, c, uid, ticks(si.si_utime), ticks(si.si_stime), rc);
	rc = syscall(SYS_waitid, P_PID, c, &si, WEXITED, &ru);
	expect("waitid(P_PID, %d, {si_signo=SIGCHLD, si_code=CLD_EXITED, "
	       "si_pid=%d, si_uid=%u, si_status=0, si_utime=%s, si_stime=%s}, "
	       "WEXITED, {ru_utime={tv_sec=%ld, tv_usec=%ld}, "
	       "ru_stime={tv_sec=%ld, tv_usec=%ld}, ...}) = %ld",
	       c, c, uid, ticks(si.si_utime), ticks(si.si_stime),
	       (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
	       (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec, rc);
	rc = waitid(7, 0, &si, WEXITED | WNOHANG);
	expect("waitid(0x7 /* P_??? */, 0, %p, WNOHANG|WEXITED, NULL) = %s",
	       (void *)&si, res(rc, errno));
	rc = waitid(P_ALL, 0, (siginfo_t *)bad, WEXITED | WNOHANG);
	expect("waitid(P_ALL, 0, %p, WNOHANG|WEXITED, NULL) = %s", bad,
	       res(rc, errno));
}

static void ids(char *bad, unsigned int uid)
{
	uid_t r, e, s;
	gid_t groups[64];
	char list[512];
	long rc;
	int n;

	rc = setreuid(-1, -1);
	expect("setreuid(-1, -1) = %ld", rc);
	rc = setresgid(-1, -1, -1);
	expect("setresgid(-1, -1, -1) = %ld", rc);
	rc = syscall(SYS_setfsuid, -1);
	expect("setfsuid(-1) = %ld", rc);
	rc = getresuid(&r, &e, &s);
	expect("getresuid([%u], [%u], [%u]) = %ld", r, e, s, rc);
	rc = syscall(SYS_getresgid, bad, bad, bad);
	expect("getresgid(%p, %p, %p) = %s", bad, bad, bad, res(rc, errno));
	(void)uid;

	n = getgroups(0, NULL);
	expect("getgroups(0, NULL) = %d", n);
	n = getgroups(64, groups);
	list[0] = '\0';
	for (int i = 0, len = 0; i < n && i < 32; i++)
		len += snprintf(list + len, sizeof(list) - len, "%s%u",
				i ? ", " : "", groups[i]);
	expect("getgroups(64, [%s%s]) = %d", list, n > 32 ? ", ..." : "", n);
	rc = syscall(SYS_getgroups, 64, bad);
	if (rc == 0) /* nothing to write, so no fault */
		expect("getgroups(64, []) = 0");
	else
		expect("getgroups(64, %p) = %s", bad, res(rc, errno));
	rc = syscall(SYS_getgroups, -1, groups);
	expect("getgroups(-1, %p) = %s", (void *)groups, res(rc, errno));
	rc = syscall(SYS_setgroups, n, groups);
	expect("setgroups(%d, [%s%s]) = %s", n, list, n > 32 ? ", ..." : "",
	       res(rc, errno));
	gid_t g3[3] = { 0, 1, (gid_t)-1 };
	rc = syscall(SYS_setgroups, 3, g3);
	expect("setgroups(3, [0, 1, -1]) = %s", res(rc, errno));
	rc = syscall(SYS_setgroups, 70000, g3);
	expect("setgroups(70000, %p) = %s", (void *)g3, res(rc, errno));
	rc = syscall(SYS_setgroups, 1, bad);
	expect("setgroups(1, %p) = %s", bad, res(rc, errno));
}

static void info(char *bad)
{
	struct utsname u;
	struct sysinfo si;
	struct rusage ru;
	long rc;

	rc = uname(&u);
	expect("uname({sysname=\"%s\", nodename=\"%s\", ...}) = %ld", u.sysname,
	       u.nodename, rc);
	rc = syscall(SYS_uname, bad);
	expect("uname(%p) = %s", bad, res(rc, errno));
	rc = sysinfo(&si);
	expect("sysinfo({uptime=%ld, loads=[%lu, %lu, %lu], totalram=%lu, "
	       "freeram=%lu, sharedram=%lu, bufferram=%lu, totalswap=%lu, "
	       "freeswap=%lu, procs=%u, totalhigh=%lu, freehigh=%lu, "
	       "mem_unit=%u}) = %ld",
	       si.uptime, si.loads[0], si.loads[1], si.loads[2], si.totalram,
	       si.freeram, si.sharedram, si.bufferram, si.totalswap,
	       si.freeswap, si.procs, si.totalhigh, si.freehigh, si.mem_unit,
	       rc);
	rc = syscall(SYS_sysinfo, bad);
	expect("sysinfo(%p) = %s", bad, res(rc, errno));
	rc = getrusage(RUSAGE_CHILDREN, &ru);
	expect("getrusage(RUSAGE_CHILDREN, {ru_utime={tv_sec=%ld, "
	       "tv_usec=%ld}, ru_stime={tv_sec=%ld, tv_usec=%ld}, ...}) = %ld",
	       (long)ru.ru_utime.tv_sec, (long)ru.ru_utime.tv_usec,
	       (long)ru.ru_stime.tv_sec, (long)ru.ru_stime.tv_usec, rc);
	rc = syscall(SYS_getrusage, 5, bad);
	expect("getrusage(0x5 /* RUSAGE_??? */, %p) = %s", bad, res(rc, errno));
}

static void sched(char *bad)
{
	unsigned char set[128];
	struct sched_param sp;
	struct timespec ts;
	char list[4096];
	long rc;

	memset(set, 0, sizeof(set));
	rc = syscall(SYS_sched_getaffinity, 0, sizeof(set), set);
	cpus(list, sizeof(list), set, rc);
	expect("sched_getaffinity(0, 128, %s) = %ld", list, rc);
	rc = syscall(SYS_sched_setaffinity, 0, sizeof(set), set);
	cpus(list, sizeof(list), set, sizeof(set));
	expect("sched_setaffinity(0, 128, %s) = %ld", list, rc);
	rc = syscall(SYS_sched_getaffinity, 0, 3, set);
	expect("sched_getaffinity(0, 3, %p) = %s", (void *)set, res(rc, errno));
	rc = syscall(SYS_sched_setaffinity, 0, 8, bad);
	expect("sched_setaffinity(0, 8, %p) = %s", bad, res(rc, errno));
	rc = sched_yield();
	expect("sched_yield() = %ld", rc);
	rc = sched_getparam(0, &sp);
	expect("sched_getparam(0, [%d]) = %ld", sp.sched_priority, rc);
	rc = sched_setscheduler(0, SCHED_OTHER, &sp);
	expect("sched_setscheduler(0, SCHED_OTHER, [%d]) = %ld",
	       sp.sched_priority, rc);
	rc = syscall(SYS_sched_setparam, 0, bad);
	expect("sched_setparam(0, %p) = %s", bad, res(rc, errno));
	rc = sched_get_priority_max(SCHED_FIFO);
	expect("sched_get_priority_max(SCHED_FIFO) = %ld", rc);
	rc = sched_rr_get_interval(0, &ts);
	expect("sched_rr_get_interval(0, {tv_sec=%ld, tv_nsec=%ld}) = %ld",
	       (long)ts.tv_sec, ts.tv_nsec, rc);
	rc = syscall(SYS_getpriority, PRIO_PROCESS, 0);
	expect("getpriority(PRIO_PROCESS, 0) = %ld", rc);
}

static void caps(char *bad)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	long rc;

	memset(d, 0, sizeof(d));
	d[0].effective = 1 << CAP_CHOWN | 1 << CAP_KILL;
	d[0].permitted = d[0].effective;
	d[1].permitted = 1 << (CAP_MAC_ADMIN - 32);
	rc = syscall(SYS_capset, &h, d);
	expect("capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, "
	       "{effective=1<<CAP_CHOWN|1<<CAP_KILL, permitted=1<<CAP_CHOWN|"
	       "1<<CAP_KILL|1<<CAP_MAC_ADMIN, inheritable=0}) = %s",
	       res(rc, errno));
	memset(d, 0, sizeof(d));
	rc = syscall(SYS_capset, &h, d);
	expect("capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, "
	       "{effective=0, permitted=0, inheritable=0}) = %ld",
	       rc);
	h.version = _LINUX_CAPABILITY_VERSION_1;
	rc = syscall(SYS_capget, &h, d);
	expect("capget({version=_LINUX_CAPABILITY_VERSION_1, pid=0}, "
	       "{effective=0, permitted=0, inheritable=0}) = %ld",
	       rc);
	h.version = 0x12345;
	rc = syscall(SYS_capget, &h, d);
	expect("capget({version=0x12345 /* _LINUX_CAPABILITY_VERSION_??? */, "
	       "pid=0}, %p) = %s",
	       (void *)d, res(rc, errno));
	rc = syscall(SYS_capget, bad, bad);
	expect("capget(%p, %p) = %s", bad, bad, res(rc, errno));
}

static void files(char *bad)
{
	char cwd[256];
	long rc;
	int fd;

	rc = umask(022);
	expect("umask(022) = %#03lo", rc);
	rc = umask(0777);
	expect("umask(0777) = 022");
	umask(022);
	expect("umask(022) = 0777");
	rc = syscall(SYS_getcwd, cwd, sizeof(cwd));
	expect("getcwd(\"%s\", 256) = %ld", cwd, rc);
	rc = syscall(SYS_getcwd, cwd, 1);
	expect("getcwd(%p, 1) = %s", (void *)cwd, res(rc, errno));
	rc = chdir("/");
	expect("chdir(\"/\") = %ld", rc);
	rc = chdir(bad);
	expect("chdir(%p) = %s", bad, res(rc, errno));
	fd = open(cwd, O_RDONLY | O_DIRECTORY);
	expect("openat(AT_FDCWD, \"%s\", O_RDONLY|O_DIRECTORY) = %d", cwd, fd);
	rc = fchdir(fd);
	expect("fchdir(%d) = %ld", fd, rc);
	close(fd);
	expect("close(%d) = 0", fd);
	rc = fchdir(-1);
	expect("fchdir(-1) = %s", res(rc, errno));
}

static void prctls(char *bad)
{
	unsigned long addr;
	char name[16];
	long rc;
	int v;

	rc = prctl(PR_SET_NAME, "decode-process");
	expect("prctl(PR_SET_NAME, \"decode-process\") = %ld", rc);
	rc = prctl(PR_SET_NAME, "a name that is longer than sixteen");
	expect("prctl(PR_SET_NAME, \"a name that is \"...) = %ld", rc);
	rc = prctl(PR_GET_NAME, name);
	expect("prctl(PR_GET_NAME, \"%s\") = %ld", name, rc);
	rc = prctl(PR_SET_NAME, bad);
	expect("prctl(PR_SET_NAME, %p) = %s", bad, res(rc, errno));
	rc = prctl(PR_SET_PDEATHSIG, SIGTERM);
	expect("prctl(PR_SET_PDEATHSIG, SIGTERM) = %ld", rc);
	rc = prctl(PR_GET_PDEATHSIG, &v);
	expect("prctl(PR_GET_PDEATHSIG, [SIGTERM]) = %ld", rc);
	rc = prctl(PR_SET_PDEATHSIG, 0);
	expect("prctl(PR_SET_PDEATHSIG, 0) = %ld", rc);
	rc = prctl(PR_GET_PDEATHSIG, bad);
	expect("prctl(PR_GET_PDEATHSIG, %p) = %s", bad, res(rc, errno));
	rc = prctl(PR_SET_DUMPABLE, 7);
	expect("prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? */) = %s",
	       res(rc, errno));
	rc = prctl(PR_SET_DUMPABLE, 1);
	expect("prctl(PR_SET_DUMPABLE, SUID_DUMP_USER) = %ld", rc);
	rc = prctl(PR_GET_KEEPCAPS);
	expect("prctl(PR_GET_KEEPCAPS) = %ld", rc);
	rc = prctl(PR_SET_CHILD_SUBREAPER, 1);
	expect("prctl(PR_SET_CHILD_SUBREAPER, 1) = %ld", rc);
	rc = prctl(PR_GET_CHILD_SUBREAPER, &v);
	expect("prctl(PR_GET_CHILD_SUBREAPER, [%d]) = %ld", v, rc);
	rc = prctl(PR_GET_TID_ADDRESS, &addr);
	expect("prctl(PR_GET_TID_ADDRESS, [%#lx]) = %ld", addr, rc);
	rc = prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN);
	expect("prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN) = %ld", rc);
	rc = prctl(PR_CAPBSET_READ, 99);
	expect("prctl(PR_CAPBSET_READ, 0x63 /* CAP_??? */) = %s",
	       res(rc, errno));
	rc = prctl(PR_SET_TIMERSLACK, 50000);
	expect("prctl(PR_SET_TIMERSLACK, 50000) = %ld", rc);
	rc = prctl(PR_GET_TIMERSLACK);
	expect("prctl(PR_GET_TIMERSLACK) = %ld", rc);
	rc = prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	expect("prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = %ld", rc);
	rc = prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0);
	expect("prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) = %ld", rc);
	rc = prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0);
	expect("prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, "
	       "0) = %ld",
	       rc);
	rc = prctl(PR_SET_MM, PR_SET_MM_START_CODE, 0x1000, 0, 0);
	expect("prctl(PR_SET_MM, PR_SET_MM_START_CODE, 0x1000, 0, 0) = %s",
	       res(rc, errno));
	rc = prctl(PR_SET_PTRACER, -1);
	expect("prctl(PR_SET_PTRACER, PR_SET_PTRACER_ANY) = %s",
	       res(rc, errno));
	rc = prctl(PR_SET_SECCOMP, 0x11, 0x22, 0x33, 0x44);
	expect("prctl(PR_SET_SECCOMP, 0x11 /* SECCOMP_MODE_??? */, 0x22, "
	       "0x33, 0x44) = %s",
	       res(rc, errno));
	rc = prctl(0x12345, 1, 2, 3, 4);
	expect("prctl(0x12345 /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = %s",
	       res(rc, errno));
}

/* Results strace explains after the value, and umask's 000. */
static void notes(void)
{
	long rc, old;

	rc = syscall(SYS_sched_getscheduler, 0);
	expect("sched_getscheduler(0) = %ld (SCHED_OTHER)", rc);
	old = personality(0xffffffff);
	if (old == 0)
		expect("personality(0xffffffff) = 0 (PER_LINUX)");
	else if (old == ADDR_NO_RANDOMIZE)
		expect("personality(0xffffffff) = %#lx (PER_LINUX|"
		       "ADDR_NO_RANDOMIZE)",
		       old);
	else
		expect("personality(0xffffffff) = %#lx (unexpected)", old);
	rc = personality(PER_LINUX32 | ADDR_NO_RANDOMIZE);
	expect("personality(PER_LINUX32|ADDR_NO_RANDOMIZE) = %s",
	       old ? "0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)" : "0 (PER_LINUX)");
	rc = personality(old);
	expect("personality(%s) = %#lx (PER_LINUX32|ADDR_NO_RANDOMIZE)",
	       old ? "PER_LINUX|ADDR_NO_RANDOMIZE" : "PER_LINUX", rc);
	prctl(PR_SET_DUMPABLE, 1);
	expect("prctl(PR_SET_DUMPABLE, SUID_DUMP_USER) = 0");
	rc = prctl(PR_GET_DUMPABLE);
	expect("prctl(PR_GET_DUMPABLE) = %ld (SUID_DUMP_USER)", rc);
	rc = prctl(PR_MCE_KILL_GET, 0, 0, 0, 0);
	expect("prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = %ld (PR_MCE_KILL_DEFAULT)",
	       rc);
	old = umask(0);
	expect("umask(000) = %#03lo", old);
	rc = umask(old);
	expect("umask(%#03lo) = 000", old);
}

int main(int argc, char **argv)
{
	unsigned int uid = getuid();
	sigset_t set;
	char *bad;

	bad = unmapped_page();
	/* No SIGCHLD lines: they would come at any moment. */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);

	marker_begin();
	waits(bad, uid);
	ids(bad, uid);
	info(bad);
	sched(bad);
	files(bad);
	prctls(bad);
	caps(bad);
	if (argc > 1 && strcmp(argv[1], "notes") == 0)
		notes();
	marker_end();
	return 0;
}
