/*
 * Descriptors and I/O: pipes, dup, scatter/gather, poll and select, epoll,
 * eventfd, timerfd, signalfd, sendfile and splice, flock, memfd, fcntl,
 * ioctl.  Prints the trace lines it expects between the markers.
 *
 * With the argument "notes" it also makes the calls whose result strace
 * explains after the value ("= 0 (Timeout)").
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/io_uring.h>
#include <linux/loop.h>
#include <linux/random.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/sendfile.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

#include "expect.h"

static char *bad;
static pid_t pid;

static void pipes_and_dups(int p[2])
{
	int q[2];
	long rc;

	rc = pipe2(q, O_CLOEXEC | O_NONBLOCK);
	expect("pipe2([%d, %d], O_NONBLOCK|O_CLOEXEC) = %ld", q[0], q[1], rc);
	close(q[0]);
	expect("close(%d) = 0", q[0]);
	close(q[1]);
	expect("close(%d) = 0", q[1]);
	rc = syscall(SYS_pipe, bad);
	expect("pipe(%p) = %s", bad, res(rc, errno));
	rc = syscall(SYS_pipe2, q, 1);
	expect("pipe2(%p, 0x1 /* O_??? */) = %s", (void *)q, res(rc, errno));
	rc = pipe(p);
	expect("pipe2([%d, %d], 0) = %ld", p[0], p[1], rc);

	rc = dup(p[0]);
	expect("dup(%d) = %ld", p[0], rc);
	close(rc);
	expect("close(%ld) = 0", rc);
	rc = dup2(p[0], 100);
	expect("dup2(%d, 100) = %ld", p[0], rc);
	rc = dup3(p[0], 100, O_CLOEXEC);
	expect("dup3(%d, 100, O_CLOEXEC) = %ld", p[0], rc);
	rc = dup3(p[0], 100, 4);
	expect("dup3(%d, 100, 0x4 /* O_??? */) = %s", p[0], res(rc, errno));
	close(100);
	expect("close(100) = 0");
}

static void vectors(int p[2])
{
	struct iovec w[3] = { { "hello", 5 }, { "world!", 6 }, { bad, 0 } };
	char b1[4], b2[20];
	struct iovec r[2] = { { b1, 4 }, { b2, 20 } };
	struct iovec many[40];
	char big[100];
	long rc;
	int m;

	rc = writev(p[1], w, 3);
	expect("writev(%d, [{iov_base=\"hello\", iov_len=5}, "
	       "{iov_base=\"world!\", "
	       "iov_len=6}, {iov_base=\"\", iov_len=0}], 3) = %ld",
	       p[1], rc);
	rc = writev(p[1], w, 0);
	expect("writev(%d, [], 0) = %ld", p[1], rc);
	rc = writev(p[1], (struct iovec *)bad, 2);
	expect("writev(%d, %p, 2) = %s", p[1], bad, res(rc, errno));
	w[0].iov_base = bad;
	rc = writev(-1, w, 2);
	expect("writev(-1, [{iov_base=%p, iov_len=5}, {iov_base=\"world!\", "
	       "iov_len=6}], 2) = %s",
	       bad, res(rc, errno));
	rc = readv(p[0], r, 2);
	expect("readv(%d, [{iov_base=\"hell\", iov_len=4}, "
	       "{iov_base=\"oworld!\", iov_len=20}], 2) = %ld",
	       p[0], rc);
	rc = readv(-1, r, 2);
	expect("readv(-1, [{iov_base=%p, iov_len=4}, {iov_base=%p, "
	       "iov_len=20}], 2) = %s",
	       (void *)b1, (void *)b2, res(rc, errno));

	for (int i = 0; i < 40; i++) {
		many[i].iov_base = "x";
		many[i].iov_len = 1;
	}
	rc = writev(p[1], many, 40);
	{
		char line[2048];
		size_t len = 0;

		for (int i = 0; i < 32; i++)
			len += snprintf(line + len, sizeof(line) - len,
					"{iov_base=\"x\", iov_len=1}, ");
		expect("writev(%d, [%s...], 40) = %ld", p[1], line, rc);
	}
	memset(big, 'A', sizeof(big));
	w[0].iov_base = big;
	w[0].iov_len = sizeof(big);
	rc = writev(p[1], w, 1);
	expect("writev(%d, [{iov_base=\"%.32s\"..., iov_len=100}], 1) = %ld",
	       p[1], big, rc);
	{
		char all[200];

		rc = read(p[0], all, sizeof(all));
		expect("read(%d, \"%.32s\"..., 200) = %ld", p[0], all, rc);
	}

	/* The remote vector is the other process's: addresses only. */
	{
		char src[8] = "abcdefg";
		struct iovec l = { b1, 4 }, rv = { src, 4 };

		rc = process_vm_readv(pid, &l, 1, &rv, 1, 0);
		if (rc == 4)
			expect("process_vm_readv(%d, [{iov_base=\"abcd\", "
			       "iov_len=4}], 1, [{iov_base=%p, iov_len=4}], 1, "
			       "0) = 4",
			       pid, (void *)src);
		else
			expect("process_vm_readv(%d, [{iov_base=%p, "
			       "iov_len=4}], "
			       "1, [{iov_base=%p, iov_len=4}], 1, 0) = %s",
			       pid, (void *)b1, (void *)src, res(rc, errno));
	}

	m = memfd_create("vec", MFD_CLOEXEC);
	expect("memfd_create(\"vec\", MFD_CLOEXEC) = %d", m);
	w[0].iov_base = "hello";
	w[0].iov_len = 5;
	rc = pwritev(m, w, 2, 100);
	expect("pwritev(%d, [{iov_base=\"hello\", iov_len=5}, {iov_base="
	       "\"world!\", iov_len=6}], 2, 100) = %ld",
	       m, rc);
	rc = preadv(m, r, 2, 98);
	expect("preadv(%d, [{iov_base=\"\\0\\0he\", iov_len=4}, {iov_base="
	       "\"lloworld!\", iov_len=20}], 2, 98) = %ld",
	       m, rc);
	rc = pwritev2(m, w, 2, 0, RWF_DSYNC | RWF_HIPRI);
	expect("pwritev2(%d, [{iov_base=\"hello\", iov_len=5}, {iov_base="
	       "\"world!\", iov_len=6}], 2, 0, RWF_HIPRI|RWF_DSYNC) = %ld",
	       m, rc);
	rc = preadv2(m, r, 1, -1, 0);
	expect("preadv2(%d, [{iov_base=\"hell\", iov_len=4}], 1, -1, 0) = %ld",
	       m, rc);
	rc = preadv2(-1, r, 1, 0x123456789, RWF_NOWAIT | 0x100);
	expect("preadv2(-1, [{iov_base=%p, iov_len=4}], 1, 4886718345, "
	       "RWF_NOWAIT|0x100) = %s",
	       (void *)b1, res(rc, errno));
	close(m);
	expect("close(%d) = 0", m);
	rc = syscall(SYS_memfd_create, "huge", MFD_HUGETLB | (21 << 26));
	expect("memfd_create(\"huge\", MFD_HUGETLB|21<<MFD_HUGE_SHIFT) = %s",
	       res(rc, errno));
	if (rc >= 0) {
		close(rc);
		expect("close(%ld) = 0", rc);
	}
}

static void polls(int p[2])
{
	struct pollfd pf[2] = { { p[0], POLLIN | POLLPRI, 0 },
				{ -1, POLLIN, 0 } };
	struct epoll_event ev = { EPOLLIN | EPOLLET,
				  { .u64 = 0x123456789aULL } };
	struct epoll_event out[4];
	struct timespec ts = { 0, 1000 };
	sigset_t mask;
	long rc;
	int ep;

	rc = poll((struct pollfd *)bad, 1, 0);
	expect("poll(%p, 1, 0) = %s", bad, res(rc, errno));
	rc = syscall(SYS_select, -1, NULL, NULL, NULL, NULL);
	expect("select(-1, NULL, NULL, NULL, NULL) = %s", res(rc, errno));
	rc = syscall(SYS_select, 2000, bad, NULL, NULL, NULL);
	expect("select(2000, %p, NULL, NULL, NULL) = %s", bad, res(rc, errno));
	rc = syscall(SYS_ppoll, pf, 2, bad, NULL, 8);
	expect("ppoll([{fd=%d, events=POLLIN|POLLPRI}, {fd=-1}], 2, %p, NULL, "
	       "8) = %s",
	       p[0], bad, res(rc, errno));

	ep = epoll_create1(EPOLL_CLOEXEC);
	expect("epoll_create1(EPOLL_CLOEXEC) = %d", ep);
	rc = epoll_ctl(ep, EPOLL_CTL_ADD, p[1], &ev);
	expect("epoll_ctl(%d, EPOLL_CTL_ADD, %d, {events=EPOLLIN|EPOLLET, "
	       "data={u32=878082202, u64=78187493530}}) = %ld",
	       ep, p[1], rc);
	ev.events = EPOLLOUT;
	rc = epoll_ctl(ep, EPOLL_CTL_MOD, p[1], &ev);
	expect("epoll_ctl(%d, EPOLL_CTL_MOD, %d, {events=EPOLLOUT, "
	       "data={u32=878082202, u64=78187493530}}) = %ld",
	       ep, p[1], rc);
	rc = epoll_wait(ep, out, 4, 0);
	expect("epoll_wait(%d, [{events=EPOLLOUT, data={u32=878082202, "
	       "u64=78187493530}}], 4, 0) = %ld",
	       ep, rc);
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	rc = epoll_pwait(ep, out, 4, 0, &mask);
	expect("epoll_pwait(%d, [{events=EPOLLOUT, data={u32=878082202, "
	       "u64=78187493530}}], 4, 0, [USR1], 8) = %ld",
	       ep, rc);
	rc = epoll_ctl(ep, EPOLL_CTL_DEL, p[1], NULL);
	expect("epoll_ctl(%d, EPOLL_CTL_DEL, %d, NULL) = %ld", ep, p[1], rc);
	rc = syscall(SYS_epoll_pwait2, ep, out, 4, &ts, NULL, 8);
	expect("epoll_pwait2(%d, [], 4, {tv_sec=0, tv_nsec=1000}, NULL, 8) = "
	       "%s",
	       ep, res(rc, errno));
	rc = epoll_wait(-1, out, 4, 0);
	expect("epoll_wait(-1, %p, 4, 0) = %s", (void *)out, res(rc, errno));
	rc = epoll_ctl(ep, 9, p[0], (struct epoll_event *)bad);
	expect("epoll_ctl(%d, 0x9 /* EPOLL_CTL_??? */, %d, %p) = %s", ep, p[0],
	       bad, res(rc, errno));
	close(ep);
	expect("close(%d) = 0", ep);
}

static void special_fds(void)
{
	struct itimerspec its = { { 1, 0 }, { 0, 500000000 } }, old;
	sigset_t mask;
	long rc;
	int fd;

	fd = eventfd(5, EFD_CLOEXEC | EFD_NONBLOCK | EFD_SEMAPHORE);
	expect("eventfd2(5, EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK) = %d", fd);
	close(fd);
	expect("close(%d) = 0", fd);

	fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	expect("timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = %d",
	       fd);
	rc = timerfd_settime(fd, 0, &its, &old);
	expect("timerfd_settime(%d, 0, {it_interval={tv_sec=1, tv_nsec=0}, "
	       "it_value={tv_sec=0, tv_nsec=500000000}}, {it_interval="
	       "{tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = %ld",
	       fd, rc);
	rc = timerfd_gettime(fd, &old);
	expect("timerfd_gettime(%d, {it_interval={tv_sec=%ld, tv_nsec=%ld}, "
	       "it_value={tv_sec=%ld, tv_nsec=%ld}}) = %ld",
	       fd, (long)old.it_interval.tv_sec, old.it_interval.tv_nsec,
	       (long)old.it_value.tv_sec, old.it_value.tv_nsec, rc);
	rc = timerfd_settime(fd, TFD_TIMER_ABSTIME, (struct itimerspec *)bad,
			     NULL);
	expect("timerfd_settime(%d, TFD_TIMER_ABSTIME, %p, NULL) = %s", fd, bad,
	       res(rc, errno));
	close(fd);
	expect("close(%d) = 0", fd);

	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	sigaddset(&mask, SIGRTMIN + 1);
	fd = signalfd(-1, &mask, SFD_CLOEXEC);
	expect("signalfd4(-1, [USR1 RT_3], 8, SFD_CLOEXEC) = %d", fd);
	rc = signalfd(fd, &mask, 0);
	expect("signalfd4(%d, [USR1 RT_3], 8, 0) = %ld", fd, rc);
	close(fd);
	expect("close(%d) = 0", fd);
}

static void copies(int p[2], int file)
{
	off_t off = 2;
	loff_t a = 1, b = 0;
	long rc;
	int q[2], m;

	pipe(q);
	expect("pipe2([%d, %d], 0) = 0", q[0], q[1]);
	rc = sendfile(q[1], file, &off, 3);
	expect("sendfile(%d, %d, [2] => [%ld], 3) = %ld", q[1], file, (long)off,
	       rc);
	rc = sendfile(q[1], file, NULL, 2);
	expect("sendfile(%d, %d, NULL, 2) = %ld", q[1], file, rc);
	rc = sendfile(q[1], -1, &off, 2);
	expect("sendfile(%d, -1, [%ld], 2) = %s", q[1], (long)off,
	       res(rc, errno));
	rc = sendfile(q[1], file, (off_t *)bad, 2);
	expect("sendfile(%d, %d, %p, 2) = %s", q[1], file, bad, res(rc, errno));
	rc = splice(q[0], NULL, p[1], NULL, 3,
		    SPLICE_F_NONBLOCK | SPLICE_F_MORE);
	expect("splice(%d, NULL, %d, NULL, 3, SPLICE_F_NONBLOCK|SPLICE_F_MORE) "
	       "= %ld",
	       q[0], p[1], rc);
	rc = splice(file, &a, q[1], NULL, 2, 0);
	expect("splice(%d, [1], %d, NULL, 2, 0) = %ld", file, q[1], rc);
	rc = tee(p[0], q[1], 2, 0);
	expect("tee(%d, %d, 2, 0) = %ld", p[0], q[1], rc);
	m = memfd_create("copy", 0);
	expect("memfd_create(\"copy\", 0) = %d", m);
	a = 1;
	rc = copy_file_range(file, &a, m, &b, 4, 0);
	expect("copy_file_range(%d, [1], %d, [0], 4, 0) = %s", file, m,
	       res(rc, errno));
	rc = copy_file_range(file, NULL, m, NULL, 4, 0);
	expect("copy_file_range(%d, NULL, %d, NULL, 4, 0) = %s", file, m,
	       res(rc, errno));
	close(m);
	expect("close(%d) = 0", m);
	close(q[0]);
	expect("close(%d) = 0", q[0]);
	close(q[1]);
	expect("close(%d) = 0", q[1]);
}

static void fcntls(int p[2], int file)
{
	struct f_owner_ex owner;
	long rc;
	int m, d;

	rc = flock(file, LOCK_EX | LOCK_NB);
	expect("flock(%d, LOCK_EX|LOCK_NB) = %ld", file, rc);
	rc = flock(file, LOCK_UN);
	expect("flock(%d, LOCK_UN) = %ld", file, rc);
	rc = fcntl(file, F_GETOWN_EX, &owner);
	expect("fcntl(%d, F_GETOWN_EX, {type=F_OWNER_TID, pid=0}) = %ld", file,
	       rc);
	owner.type = F_OWNER_PID;
	owner.pid = pid;
	rc = fcntl(file, F_SETOWN_EX, &owner);
	expect("fcntl(%d, F_SETOWN_EX, {type=F_OWNER_PID, pid=%d}) = %ld", file,
	       pid, rc);
	rc = fcntl(file, F_GETOWN_EX, bad);
	expect("fcntl(%d, F_GETOWN_EX, %p) = %s", file, bad, res(rc, errno));
	rc = fcntl(file, F_SETOWN, 0);
	expect("fcntl(%d, F_SETOWN, 0) = %ld", file, rc);
	rc = fcntl(file, F_SETSIG, SIGUSR1);
	expect("fcntl(%d, F_SETSIG, SIGUSR1) = %ld", file, rc);
	rc = fcntl(file, F_SETSIG, 0);
	expect("fcntl(%d, F_SETSIG, 0) = %ld", file, rc);
	rc = fcntl(file, F_SETLEASE, F_RDLCK);
	expect("fcntl(%d, F_SETLEASE, F_RDLCK) = %s", file, res(rc, errno));
	rc = fcntl(file, F_SETLEASE, F_UNLCK);
	expect("fcntl(%d, F_SETLEASE, F_UNLCK) = %s", file, res(rc, errno));
	m = memfd_create("seals", MFD_ALLOW_SEALING);
	expect("memfd_create(\"seals\", MFD_ALLOW_SEALING) = %d", m);
	rc = fcntl(m, F_ADD_SEALS, F_SEAL_GROW | F_SEAL_SHRINK);
	expect("fcntl(%d, F_ADD_SEALS, F_SEAL_SHRINK|F_SEAL_GROW) = %ld", m,
	       rc);
	close(m);
	expect("close(%d) = 0", m);
	d = open("/", O_RDONLY | O_DIRECTORY);
	expect("openat(AT_FDCWD, \"/\", O_RDONLY|O_DIRECTORY) = %d", d);
	rc = fcntl(d, F_NOTIFY, DN_ACCESS | DN_MULTISHOT);
	expect("fcntl(%d, F_NOTIFY, DN_ACCESS|DN_MULTISHOT) = %ld", d, rc);
	close(d);
	expect("close(%d) = 0", d);
	rc = fcntl(p[0], F_SETPIPE_SZ, 8192);
	expect("fcntl(%d, F_SETPIPE_SZ, 8192) = %ld", p[0], rc);
	rc = fcntl(p[0], F_GETPIPE_SZ);
	expect("fcntl(%d, F_GETPIPE_SZ) = %ld", p[0], rc);
	rc = fcntl(file, F_DUPFD, 100);
	expect("fcntl(%d, F_DUPFD, 100) = %ld", file, rc);
	close(rc);
	expect("close(%ld) = 0", rc);
	rc = fcntl(file, 9999, 5);
	expect("fcntl(%d, 0x270f /* F_??? */, 0x5) = %s", file, res(rc, errno));
}

static void ioctls(int p[2], int file)
{
	long rc;
	int n = 0;

	rc = ioctl(p[0], FIONREAD, &n);
	expect("ioctl(%d, FIONREAD, [%d]) = %ld", p[0], n, rc);
	rc = ioctl(file, FIOCLEX);
	expect("ioctl(%d, FIOCLEX) = %ld", file, rc);
	rc = ioctl(file, FIONCLEX);
	expect("ioctl(%d, FIONCLEX) = %ld", file, rc);
	n = 0;
	rc = ioctl(p[0], FIONBIO, &n);
	expect("ioctl(%d, FIONBIO, [0]) = %ld", p[0], rc);
	rc = ioctl(file, TIOCGPGRP, &n);
	expect("ioctl(%d, TIOCGPGRP, %p) = %s", file, (void *)&n,
	       res(rc, errno));
	n = 1;
	rc = ioctl(file, TIOCSPGRP, &n);
	expect("ioctl(%d, TIOCSPGRP, [1]) = %s", file, res(rc, errno));
	rc = ioctl(file, TCFLSH, TCIOFLUSH);
	expect("ioctl(%d, TCFLSH, TCIOFLUSH) = %s", file, res(rc, errno));
	rc = ioctl(file, TCXONC, TCOON);
	expect("ioctl(%d, TCXONC, TCOON) = %s", file, res(rc, errno));
	rc = ioctl(file, TCSBRK, 1);
	expect("ioctl(%d, TCSBRK, 1) = %s", file, res(rc, errno));
	rc = ioctl(file, TIOCSTI, "x");
	expect("ioctl(%d, TIOCSTI, \"x\") = %s", file, res(rc, errno));
	n = TIOCM_DTR | TIOCM_RTS;
	rc = ioctl(file, TIOCMBIS, &n);
	expect("ioctl(%d, TIOCMBIS, [TIOCM_DTR|TIOCM_RTS]) = %s", file,
	       res(rc, errno));
	rc = ioctl(file, TIOCNXCL);
	expect("ioctl(%d, TIOCNXCL) = %s", file, res(rc, errno));
	rc = ioctl(p[1], FICLONE, file);
	expect("ioctl(%d, BTRFS_IOC_CLONE or FICLONE, %d) = %s", p[1], file,
	       res(rc, errno));
	rc = ioctl(file, _IOR('x', 5, int), &n);
	expect("ioctl(%d, _IOC(_IOC_READ, 0x78, 0x5, 0x4), %p) = %s", file,
	       (void *)&n, res(rc, errno));
	rc = ioctl(file, _IOWR('y', 6, long), 0);
	expect("ioctl(%d, _IOC(_IOC_READ|_IOC_WRITE, 0x79, 0x6, 0x8), 0) = %s",
	       file, res(rc, errno));
	rc = ioctl(file, 0x1234, 7);
	expect("ioctl(%d, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0x7) = %s", file,
	       res(rc, errno));
}

/* The calls strace explains after the return value. */
static void notes(int file)
{
	int p[2];
	struct pollfd pf[3] = { { -1, POLLIN | POLLPRI, 0 },
				{ -1, POLLOUT, 0 },
				{ -1, POLLIN, 0 } };
	struct timespec ts = { 0, 1000 };
	struct timeval tv = { 0, 100 };
	fd_set rs, ws;
	sigset_t mask;
	long rc;

	pipe(p);
	expect("pipe2([%d, %d], 0) = 0", p[0], p[1]);
	pf[0].fd = p[0];
	pf[1].fd = p[1];
	rc = poll(pf, 3, 0);
	expect("poll([{fd=%d, events=POLLIN|POLLPRI}, {fd=%d, events=POLLOUT}, "
	       "{fd=-1}], 3, 0) = %ld ([{fd=%d, revents=POLLOUT}])",
	       p[0], p[1], rc, p[1]);
	rc = poll(pf, 1, 0);
	expect("poll([{fd=%d, events=POLLIN|POLLPRI}], 1, 0) = %ld (Timeout)",
	       p[0], rc);
	rc = poll(NULL, 0, 0);
	expect("poll(NULL, 0, 0) = %ld (Timeout)", rc);
	sigemptyset(&mask);
	sigaddset(&mask, SIGUSR1);
	rc = syscall(SYS_ppoll, pf, 2, &ts, &mask, 8);
	expect("ppoll([{fd=%d, events=POLLIN|POLLPRI}, {fd=%d, "
	       "events=POLLOUT}], 2, {tv_sec=0, tv_nsec=1000}, [USR1], 8) = "
	       "%ld "
	       "([{fd=%d, revents=POLLOUT}], left {tv_sec=%ld, tv_nsec=%ld})",
	       p[0], p[1], rc, p[1], (long)ts.tv_sec, ts.tv_nsec);
	rc = ppoll(pf + 1, 1, NULL, NULL);
	expect("ppoll([{fd=%d, events=POLLOUT}], 1, NULL, NULL, 8) = %ld "
	       "([{fd=%d, revents=POLLOUT}])",
	       p[1], rc, p[1]);

	FD_ZERO(&rs);
	FD_ZERO(&ws);
	FD_SET(p[0], &rs);
	FD_SET(p[1], &ws);
	rc = syscall(SYS_select, p[1] + 1, &rs, &ws, NULL, &tv);
	expect("select(%d, [%d], [%d], NULL, {tv_sec=0, tv_usec=100}) = %ld "
	       "(out [%d], left {tv_sec=%ld, tv_usec=%ld})",
	       p[1] + 1, p[0], p[1], rc, p[1], (long)tv.tv_sec,
	       (long)tv.tv_usec);
	FD_ZERO(&rs);
	FD_SET(p[0], &rs);
	ts.tv_nsec = 1000;
	rc = pselect(p[0] + 1, &rs, NULL, NULL, &ts, &mask);
	expect("pselect6(%d, [%d], NULL, NULL, {tv_sec=0, tv_nsec=1000}, "
	       "{sigmask=[USR1], sigsetsize=8}) = %ld (Timeout)",
	       p[0] + 1, p[0], rc);
	FD_SET(p[1], &ws);
	rc = pselect(p[1] + 1, NULL, &ws, NULL, NULL, NULL);
	expect("pselect6(%d, NULL, [%d], NULL, NULL, {sigmask=NULL, "
	       "sigsetsize=8}) = %ld (out [%d])",
	       p[1] + 1, p[1], rc, p[1]);

	fcntl(file, F_SETSIG, SIGUSR1);
	expect("fcntl(%d, F_SETSIG, SIGUSR1) = 0", file);
	rc = fcntl(file, F_GETSIG);
	expect("fcntl(%d, F_GETSIG) = %ld (SIGUSR1)", file, rc);
	fcntl(file, F_SETSIG, 0);
	expect("fcntl(%d, F_SETSIG, 0) = 0", file);
	rc = fcntl(file, F_GETSIG);
	expect("fcntl(%d, F_GETSIG) = %ld", file, rc);
	rc = fcntl(file, F_GETLEASE);
	expect("fcntl(%d, F_GETLEASE) = %#lx (F_UNLCK)", file, rc);
	int m = memfd_create("seals", MFD_ALLOW_SEALING);
	expect("memfd_create(\"seals\", MFD_ALLOW_SEALING) = %d", m);
	rc = fcntl(m, F_GET_SEALS);
	expect("fcntl(%d, F_GET_SEALS) = 0", m);
	fcntl(m, F_ADD_SEALS, F_SEAL_SEAL | F_SEAL_WRITE);
	expect("fcntl(%d, F_ADD_SEALS, F_SEAL_SEAL|F_SEAL_WRITE) = 0", m);
	rc = fcntl(m, F_GET_SEALS);
	expect("fcntl(%d, F_GET_SEALS) = %#lx (seals F_SEAL_SEAL|F_SEAL_WRITE)",
	       m, rc);
	close(m);
	expect("close(%d) = 0", m);
}

/* ifr_flags as strace names them (the low 16 bits are all ifreq has). */
static const char *iff(unsigned short f)
{
	static const char *const names[] = {
		"UP",	       "BROADCAST",  "DEBUG",	  "LOOPBACK",
		"POINTOPOINT", "NOTRAILERS", "RUNNING",	  "NOARP",
		"PROMISC",     "ALLMULTI",   "MASTER",	  "SLAVE",
		"MULTICAST",   "PORTSEL",    "AUTOMEDIA", "DYNAMIC",
	};
	static char buf[512];
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; i < 16; i++)
		if (f & (1U << i))
			n += snprintf(buf + n, sizeof(buf) - n, "%sIFF_%s",
				      n ? "|" : "", names[i]);
	return n ? buf : "0";
}

static const char *ifc_entry(const struct ifreq *r)
{
	static char buf[256];
	const struct sockaddr_in *in = (const struct sockaddr_in *)&r->ifr_addr;
	char ip[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
	snprintf(buf, sizeof(buf),
		 "{ifr_name=\"%s\", ifr_addr={sa_family=AF_INET, "
		 "sin_port=htons(%u), sin_addr=inet_addr(\"%s\")}}",
		 r->ifr_name, ntohs(in->sin_port), ip);
	return buf;
}

/* Network interfaces, block and loop devices, the random device. */
static void dev_ioctls(void)
{
	struct ifreq r, *edge = (struct ifreq *)(bad - 8);
	struct ifreq list[32];
	struct ifconf c;
	struct loop_info64 li;
	struct loop_info lo;
	struct loop_config lc;
	char entries[4096];
	unsigned long long size;
	long rc;
	int s, fd, n;
	size_t len = 0;

	s = socket(AF_INET, SOCK_DGRAM, 0);
	expect("socket(AF_INET, SOCK_DGRAM, IPPROTO_IP) = %d", s);
	memset(&r, 0, sizeof(r));
	strcpy(r.ifr_name, "lo");
	rc = ioctl(s, SIOCGIFINDEX, &r);
	expect("ioctl(%d, SIOCGIFINDEX, {ifr_name=\"lo\", ifr_ifindex=%d}) = "
	       "%ld",
	       s, r.ifr_ifindex, rc);
	rc = ioctl(s, SIOCGIFNAME, &r);
	expect("ioctl(%d, SIOCGIFNAME, {ifr_ifindex=%d, ifr_name=\"%s\"}) = "
	       "%ld",
	       s, r.ifr_ifindex, r.ifr_name, rc);
	rc = ioctl(s, SIOCGIFFLAGS, &r);
	expect("ioctl(%d, SIOCGIFFLAGS, {ifr_name=\"lo\", ifr_flags=%s}) = %ld",
	       s, iff(r.ifr_flags), rc);
	rc = ioctl(s, SIOCGIFMTU, &r);
	expect("ioctl(%d, SIOCGIFMTU, {ifr_name=\"lo\", ifr_mtu=%d}) = %ld", s,
	       r.ifr_mtu, rc);
	strcpy(r.ifr_name, "sctrace-none");
	rc = ioctl(s, SIOCGIFFLAGS, &r);
	expect("ioctl(%d, SIOCGIFFLAGS, {ifr_name=\"sctrace-none\"}) = %s", s,
	       res(rc, errno));
	rc = ioctl(s, SIOCGIFINDEX, NULL);
	expect("ioctl(%d, SIOCGIFINDEX, NULL) = %s", s, res(rc, errno));
	rc = ioctl(s, SIOCGIFINDEX, edge);
	expect("ioctl(%d, SIOCGIFINDEX, %p) = %s", s, (void *)edge,
	       res(rc, errno));
	strcpy(r.ifr_name, "lo");
	r.ifr_mtu = 1500;
	rc = ioctl(-1, SIOCSIFMTU, &r);
	expect("ioctl(-1, SIOCSIFMTU, {ifr_name=\"lo\", ifr_mtu=1500}) = %s",
	       res(rc, errno));
	r.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(r.ifr_hwaddr.sa_data, "\x00\x11\x22\x33\x44\x55", 6);
	rc = ioctl(-1, SIOCSIFHWADDR, &r);
	expect("ioctl(-1, SIOCSIFHWADDR, {ifr_name=\"lo\", "
	       "ifr_hwaddr={sa_family="
	       "ARPHRD_ETHER, sa_data=00:11:22:33:44:55}}) = %s",
	       res(rc, errno));

	c.ifc_len = 0;
	c.ifc_buf = NULL;
	rc = ioctl(s, SIOCGIFCONF, &c);
	n = c.ifc_len / (int)sizeof(struct ifreq);
	expect("ioctl(%d, SIOCGIFCONF, {ifc_len=%d%s, ifc_buf=NULL}) = %ld", s,
	       c.ifc_len,
	       n ? (snprintf(entries, sizeof(entries),
			     " /* %d * sizeof(struct ifreq) */", n),
		    entries)
		 : "",
	       rc);
	c.ifc_len = sizeof(list) - 4;
	c.ifc_buf = (char *)list;
	rc = ioctl(s, SIOCGIFCONF, &c);
	n = c.ifc_len / (int)sizeof(struct ifreq);
	entries[0] = '\0';
	for (int i = 0; i < n && len < sizeof(entries); i++) {
		if (i == 32) { /* -s 32 */
			len += snprintf(entries + len, sizeof(entries) - len,
					", ...");
			break;
		}
		len += snprintf(entries + len, sizeof(entries) - len, "%s%s",
				i ? ", " : "", ifc_entry(&list[i]));
	}
	expect("ioctl(%d, SIOCGIFCONF, {ifc_len=%zu => %d /* %d * "
	       "sizeof(struct "
	       "ifreq) */, ifc_buf=[%s]}) = %ld",
	       s, sizeof(list) - 4, c.ifc_len, n, entries, rc);
	close(s);
	expect("close(%d) = 0", s);

	rc = ioctl(-1, BLKGETSIZE64, &size);
	expect("ioctl(-1, BLKGETSIZE64, %p) = %s", (void *)&size,
	       res(rc, errno));
	rc = ioctl(-1, BLKFLSBUF);
	expect("ioctl(-1, BLKFLSBUF) = %s", res(rc, errno));
	rc = ioctl(-1, BLKRASET, 256);
	expect("ioctl(-1, BLKRASET, 256) = %s", res(rc, errno));
	n = 1;
	rc = ioctl(-1, BLKROSET, &n);
	expect("ioctl(-1, BLKROSET, [1]) = %s", res(rc, errno));

	memset(&li, 0, sizeof(li));
	li.lo_offset = 4096;
	li.lo_flags = LO_FLAGS_READ_ONLY | LO_FLAGS_AUTOCLEAR;
	strcpy((char *)li.lo_file_name, "/tmp/img");
	rc = ioctl(-1, LOOP_SET_STATUS64, &li);
	expect("ioctl(-1, LOOP_SET_STATUS64, {lo_offset=0x1000, lo_number=0, "
	       "lo_flags=LO_FLAGS_READ_ONLY|LO_FLAGS_AUTOCLEAR, "
	       "lo_file_name=\"/tmp/img\", ...}) = %s",
	       res(rc, errno));
	li.lo_encrypt_type = LO_CRYPT_XOR;
	li.lo_encrypt_key_size = 3;
	li.lo_flags = 0x100;
	strcpy((char *)li.lo_crypt_name, "x");
	rc = ioctl(-1, LOOP_SET_STATUS64, &li);
	expect("ioctl(-1, LOOP_SET_STATUS64, {lo_offset=0x1000, lo_number=0, "
	       "lo_encrypt_type=LO_CRYPT_XOR, lo_encrypt_key_size=3, "
	       "lo_flags=0x100 /* LO_FLAGS_??? */, lo_file_name=\"/tmp/img\", "
	       "lo_crypt_name=\"x\", lo_encrypt_key=\"\\0\\0\\0\", ...}) = %s",
	       res(rc, errno));
	rc = ioctl(-1, LOOP_GET_STATUS64, &li);
	expect("ioctl(-1, LOOP_GET_STATUS64, %p) = %s", (void *)&li,
	       res(rc, errno));
	memset(&lo, 0, sizeof(lo));
	lo.lo_offset = 512;
	lo.lo_flags = LO_FLAGS_AUTOCLEAR;
	strcpy(lo.lo_name, "abc");
	rc = ioctl(-1, LOOP_SET_STATUS, &lo);
	expect("ioctl(-1, LOOP_SET_STATUS, {lo_number=0, lo_offset=0x200, "
	       "lo_flags=LO_FLAGS_AUTOCLEAR, lo_name=\"abc\", ...}) = %s",
	       res(rc, errno));
	memset(&lc, 0, sizeof(lc));
	lc.fd = 5;
	lc.block_size = 512;
	rc = ioctl(-1, LOOP_CONFIGURE, &lc);
	expect("ioctl(-1, LOOP_CONFIGURE, {fd=5, block_size=512, info={"
	       "lo_offset=0, lo_number=0, lo_flags=0, lo_file_name=\"\", "
	       "...}}) = %s",
	       res(rc, errno));
	rc = ioctl(-1, LOOP_CONFIGURE, bad);
	expect("ioctl(-1, LOOP_CONFIGURE, %p) = %s", bad, res(rc, errno));
	rc = ioctl(-1, LOOP_CTL_ADD, 77);
	expect("ioctl(-1, LOOP_CTL_ADD, 77) = %s", res(rc, errno));
	rc = ioctl(-1, LOOP_CLR_FD);
	expect("ioctl(-1, LOOP_CLR_FD) = %s", res(rc, errno));

	fd = open("/dev/urandom", O_RDONLY);
	expect("openat(AT_FDCWD, \"/dev/urandom\", O_RDONLY) = %d", fd);
	rc = ioctl(fd, RNDGETENTCNT, &n);
	expect("ioctl(%d, RNDGETENTCNT, [%d]) = %ld", fd, n, rc);
	rc = ioctl(fd, RNDGETENTCNT, NULL);
	expect("ioctl(%d, RNDGETENTCNT, NULL) = %s", fd, res(rc, errno));
	close(fd);
	expect("close(%d) = 0", fd);
}

/* features=...: the names strace 6.1 knows, then the rest in hex. */
static const char *uring_features(unsigned int f)
{
	static const char *const names[] = {
		"SINGLE_MMAP",	  "NODROP",	     "SUBMIT_STABLE",
		"RW_CUR_POS",	  "CUR_PERSONALITY", "FAST_POLL",
		"POLL_32BITS",	  "SQPOLL_NONFIXED", "EXT_ARG",
		"NATIVE_WORKERS", "RSRC_TAGS",	     "CQE_SKIP",
		"LINKED_FILE",
	};
	static char buf[1024];
	size_t n = 0;
	unsigned int i;

	buf[0] = '\0';
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (f & (1U << i))
			n += snprintf(buf + n, sizeof(buf) - n,
				      "%sIORING_FEAT_%s", n ? "|" : "",
				      names[i]);
	f &= ~((1U << i) - 1);
	if (f)
		snprintf(buf + n, sizeof(buf) - n, n ? "|%#x" : "%#x", f);
	else if (!n)
		snprintf(buf, sizeof(buf), "0");
	return buf;
}

static void io_urings(void)
{
	struct io_uring_params p;
	struct io_uring_probe *probe =
		(void *)(bad - sizeof(*probe) - 2 * sizeof(probe->ops[0]));
	struct io_uring_files_update up;
	struct iovec iov[2] = { { bad, 16 }, { NULL, 0 } };
	int fds[2] = { 0, 1 };
	long rc;
	int fd;

	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP;
	p.cq_entries = 16;
	fd = syscall(__NR_io_uring_setup, 2, &p);
	if (fd < 0) {
		expect("io_uring_setup(2, {flags=IORING_SETUP_CQSIZE|"
		       "IORING_SETUP_CLAMP, sq_thread_cpu=0, "
		       "sq_thread_idle=0}) "
		       "= %s",
		       res(fd, errno));
		return;
	}
	expect("io_uring_setup(2, "
	       "{flags=IORING_SETUP_CQSIZE|IORING_SETUP_CLAMP, "
	       "sq_thread_cpu=0, sq_thread_idle=0, sq_entries=%u, "
	       "cq_entries=%u, features=%s, sq_off={head=%u, tail=%u, "
	       "ring_mask=%u, ring_entries=%u, flags=%u, dropped=%u, "
	       "array=%u}, cq_off={head=%u, tail=%u, ring_mask=%u, "
	       "ring_entries=%u, overflow=%u, cqes=%u, flags=%u}}) = %d",
	       p.sq_entries, p.cq_entries, uring_features(p.features),
	       p.sq_off.head, p.sq_off.tail, p.sq_off.ring_mask,
	       p.sq_off.ring_entries, p.sq_off.flags, p.sq_off.dropped,
	       p.sq_off.array, p.cq_off.head, p.cq_off.tail, p.cq_off.ring_mask,
	       p.cq_off.ring_entries, p.cq_off.overflow, p.cq_off.cqes,
	       p.cq_off.flags, fd);
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_ATTACH_WQ | 0x80000000U;
	p.sq_thread_cpu = 3;
	p.sq_thread_idle = 7;
	p.wq_fd = fd;
	p.resv[1] = 9;
	rc = syscall(__NR_io_uring_setup, 2, &p);
	expect("io_uring_setup(2, {flags=IORING_SETUP_ATTACH_WQ|0x80000000, "
	       "sq_thread_cpu=0x3, sq_thread_idle=7, wq_fd=%d, resv=[0, 0x9, "
	       "0]}) = %s",
	       fd, res(rc, errno));
	rc = syscall(__NR_io_uring_setup, 2, NULL);
	expect("io_uring_setup(2, NULL) = %s", res(rc, errno));
	rc = syscall(__NR_io_uring_setup, 2, bad - sizeof(p) / 2);
	expect("io_uring_setup(2, %p) = %s", bad - sizeof(p) / 2,
	       res(rc, errno));

	rc = syscall(__NR_io_uring_enter, fd, 0, 0, IORING_ENTER_GETEVENTS,
		     NULL, 8);
	expect("io_uring_enter(%d, 0, 0, IORING_ENTER_GETEVENTS, NULL, 8) = %s",
	       fd, res(rc, errno));
	rc = syscall(__NR_io_uring_enter, fd, 0, 0, 0x100, NULL, 8);
	expect("io_uring_enter(%d, 0, 0, 0x100 /* IORING_ENTER_??? */, NULL, "
	       "8) = %s",
	       fd, res(rc, errno));

	rc = syscall(__NR_io_uring_register, fd, IORING_REGISTER_FILES, fds, 2);
	expect("io_uring_register(%d, IORING_REGISTER_FILES, [0, 1], 2) = %s",
	       fd, res(rc, errno));
	up.offset = 1;
	up.resv = 0;
	up.fds = (unsigned long)fds;
	rc = syscall(__NR_io_uring_register, fd, IORING_REGISTER_FILES_UPDATE,
		     &up, 1);
	expect("io_uring_register(%d, IORING_REGISTER_FILES_UPDATE, "
	       "{offset=1, fds=[0]}, 1) = %s",
	       fd, res(rc, errno));
	rc = syscall(__NR_io_uring_register, fd, IORING_UNREGISTER_FILES, NULL,
		     0);
	expect("io_uring_register(%d, IORING_UNREGISTER_FILES, NULL, 0) = %s",
	       fd, res(rc, errno));
	rc = syscall(__NR_io_uring_register, fd, IORING_REGISTER_FILES,
		     bad - sizeof(int), 2);
	expect("io_uring_register(%d, IORING_REGISTER_FILES, [0, ... /* %p "
	       "*/], 2) "
	       "= %s",
	       fd, bad, res(rc, errno));
	rc = syscall(__NR_io_uring_register, fd, IORING_REGISTER_EVENTFD, bad,
		     1);
	expect("io_uring_register(%d, IORING_REGISTER_EVENTFD, %p, 1) = %s", fd,
	       bad, res(rc, errno));
	rc = syscall(__NR_io_uring_register, fd, IORING_REGISTER_BUFFERS, iov,
		     1);
	expect("io_uring_register(%d, IORING_REGISTER_BUFFERS, [{iov_base=%p, "
	       "iov_len=16}], 1) = %s",
	       fd, bad, res(rc, errno));

	/* The ops run into the unmapped page after the second one. */
	memset(probe, 0, sizeof(*probe) + 2 * sizeof(probe->ops[0]));
	rc = syscall(__NR_io_uring_register, fd, IORING_REGISTER_PROBE, probe,
		     3);
	expect("io_uring_register(%d, IORING_REGISTER_PROBE, %p, 3) = %s", fd,
	       (void *)probe, res(rc, errno));
	probe->ops_len = 1;
	probe->resv = 4;
	probe->ops[0].resv = 3;
	probe->ops[1].op = 1;
	probe->ops[1].flags = 2;
	rc = syscall(__NR_io_uring_register, fd, IORING_REGISTER_PROBE, probe,
		     2);
	expect("io_uring_register(%d, IORING_REGISTER_PROBE, {last_op="
	       "IORING_OP_NOP, ops_len=1, resv=0x4, ops=[{op=IORING_OP_NOP, "
	       "resv=0x3, flags=0}, {op=IORING_OP_READV, flags=0x2 /* "
	       "IO_URING_OP_??? */}]}, 2) = %s",
	       fd, res(rc, errno));
	memset(probe, 0, sizeof(*probe) + 2 * sizeof(probe->ops[0]));
	rc = syscall(__NR_io_uring_register, fd, IORING_REGISTER_PROBE, probe,
		     2);
	if (rc == 0)
		expect("io_uring_register(%d, IORING_REGISTER_PROBE, "
		       "{last_op=%u"
		       "%s, ops_len=%u, ops=[{op=IORING_OP_NOP, flags=%s}, "
		       "{op=IORING_OP_READV, flags=%s}]}, 2) = 0",
		       fd, probe->last_op,
		       probe->last_op > 46 ? " /* IORING_OP_??? */" : "",
		       probe->ops_len,
		       probe->ops[0].flags ? "IO_URING_OP_SUPPORTED" : "0",
		       probe->ops[1].flags ? "IO_URING_OP_SUPPORTED" : "0");
	else
		expect("io_uring_register(%d, IORING_REGISTER_PROBE, %p, 2) = "
		       "%s",
		       fd, (void *)probe, res(rc, errno));
	rc = syscall(__NR_io_uring_register, fd, IORING_REGISTER_PROBE, probe,
		     257);
	expect("io_uring_register(%d, IORING_REGISTER_PROBE, %p, 257) = %s", fd,
	       (void *)probe, res(rc, errno));
	rc = syscall(__NR_io_uring_register, fd, 999, bad, 0);
	expect("io_uring_register(%d, 0x3e7 /* IORING_REGISTER_??? */, %p, 0) "
	       "= %s",
	       fd, bad, res(rc, errno));
	close(fd);
	expect("close(%d) = 0", fd);
}

int main(int argc, char **argv)
{
	bool with_notes = argc > 1 && strcmp(argv[1], "notes") == 0;
	char path[64];
	int p[2], file;

	/* Does the tracer print "= 0 (Timeout)"? */
	if (argc > 1 && strcmp(argv[1], "probe") == 0)
		return poll(NULL, 0, 0);

	bad = unmapped_page();
	snprintf(path, sizeof(path), "/tmp/sctrace-decode-desc-%d", getpid());
	file = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (file < 0 || write(file, "0123456789", 10) != 10)
		return 99;
	/* A read lease wants no writer: reopen read-only. */
	close(file);
	file = open(path, O_RDONLY);
	unlink(path);
	if (file < 0)
		return 99;
	pid = getpid();

	marker_begin();
	pipes_and_dups(p);
	vectors(p);
	polls(p);
	special_fds();
	copies(p, file);
	fcntls(p, file);
	ioctls(p, file);
	dev_ioctls();
	io_urings();
	if (with_notes)
		notes(file);
	marker_end();
	return 0;
}
