/*
 * Time: clocks, sleeps (and the time left when a signal cuts one short),
 * gettimeofday, POSIX timers and their sigevent, itimers, alarm, times,
 * clock_adjtime.  Prints the trace lines it expects between the markers.
 * With the argument "notes" also time() and clock_adjtime(), whose
 * results strace explains after the value.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

#include "expect.h"

static char *bad;

static void on_alarm(int sig)
{
	(void)sig;
}

static const char *ts(const struct timespec *t)
{
	static char buf[4][64];
	static int n;
	char *b = buf[n++ % 4];

	snprintf(b, sizeof(buf[0]), "{tv_sec=%ld, tv_nsec=%ld}",
		 (long)t->tv_sec, t->tv_nsec);
	return b;
}

static const char *tv(const struct timeval *t)
{
	static char buf[4][64];
	static int n;
	char *b = buf[n++ % 4];

	snprintf(b, sizeof(buf[0]), "{tv_sec=%ld, tv_usec=%ld}",
		 (long)t->tv_sec, (long)t->tv_usec);
	return b;
}

static void clocks(void)
{
	struct timespec t, req = { 0, 1000 }, rem;
	struct timeval now;
	struct timezone tz;
	long rc;

	rc = syscall(SYS_clock_gettime, CLOCK_REALTIME, &t);
	expect("clock_gettime(CLOCK_REALTIME, %s) = %ld", ts(&t), rc);
	rc = syscall(SYS_clock_gettime, CLOCK_BOOTTIME, bad);
	expect("clock_gettime(CLOCK_BOOTTIME, %p) = %s", bad, res(rc, errno));
	rc = syscall(SYS_clock_gettime, 99, &t);
	expect("clock_gettime(0x63 /* CLOCK_??? */, %p) = %s", (void *)&t,
	       res(rc, errno));
	rc = syscall(SYS_clock_gettime, -6, &t); /* a thread's CPU clock */
	expect("clock_gettime(0xfffffffa /* CLOCK_??? */, %s) = %s", ts(&t),
	       res(rc, errno));
	rc = syscall(SYS_clock_getres, CLOCK_MONOTONIC, &t);
	expect("clock_getres(CLOCK_MONOTONIC, %s) = %ld", ts(&t), rc);
	rc = syscall(SYS_clock_getres, CLOCK_REALTIME, NULL);
	expect("clock_getres(CLOCK_REALTIME, NULL) = %ld", rc);
	rc = syscall(SYS_clock_settime, CLOCK_MONOTONIC, &t);
	expect("clock_settime(CLOCK_MONOTONIC, %s) = %s", ts(&t),
	       res(rc, errno));

	rc = syscall(SYS_nanosleep, &req, &rem);
	expect("nanosleep({tv_sec=0, tv_nsec=1000}, %p) = %ld", (void *)&rem,
	       rc);
	rc = syscall(SYS_nanosleep, bad, NULL);
	expect("nanosleep(%p, NULL) = %s", bad, res(rc, errno));
	rc = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, &rem);
	expect("clock_nanosleep(CLOCK_MONOTONIC, 0, {tv_sec=0, tv_nsec=1000}, "
	       "%p) = %ld",
	       (void *)&rem, rc);
	syscall(SYS_clock_gettime, CLOCK_MONOTONIC, &t);
	expect("clock_gettime(CLOCK_MONOTONIC, %s) = 0", ts(&t));
	rc = syscall(SYS_clock_nanosleep, CLOCK_MONOTONIC, TIMER_ABSTIME, &t,
		     &rem);
	expect("clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, %s, %p) = %ld",
	       ts(&t), (void *)&rem, rc);

	/* Cut short: the time left is printed. */
	struct itimerval it = { { 0, 0 }, { 0, 20000 } };
	setitimer(ITIMER_REAL, &it, NULL);
	expect("setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, "
	       "it_value={tv_sec=0, tv_usec=20000}}, NULL) = 0");
	req.tv_sec = 10;
	rc = syscall(SYS_nanosleep, &req, &rem);
	expect("nanosleep({tv_sec=10, tv_nsec=1000}, %s) = ? "
	       "ERESTART_RESTARTBLOCK (Interrupted by signal)",
	       ts(&rem));
	expect("--- SIGALRM {si_signo=SIGALRM, si_code=SI_KERNEL} ---");
	expect("rt_sigreturn({mask=[]}) = -1 EINTR (Interrupted system call)");

	rc = syscall(SYS_gettimeofday, &now, &tz);
	expect("gettimeofday(%s, {tz_minuteswest=%d, tz_dsttime=%d}) = %ld",
	       tv(&now), tz.tz_minuteswest, tz.tz_dsttime, rc);
	rc = syscall(SYS_gettimeofday, &now, NULL);
	expect("gettimeofday(%s, NULL) = %ld", tv(&now), rc);
	rc = syscall(SYS_gettimeofday, bad, NULL);
	expect("gettimeofday(%p, NULL) = %s", bad, res(rc, errno));
	now.tv_usec = 2000000;
	rc = syscall(SYS_settimeofday, &now, NULL);
	expect("settimeofday(%s, NULL) = %s", tv(&now), res(rc, errno));
}

static void timers(pid_t pid)
{
	struct itimerspec its = { { 0, 0 }, { 100, 0 } }, old;
	struct sigevent sev;
	int id;
	long rc;

	memset(&sev, 0, sizeof(sev));
	sev.sigev_notify = SIGEV_NONE;
	rc = syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &id);
	expect("timer_create(CLOCK_MONOTONIC, {sigev_signo=0, "
	       "sigev_notify=SIGEV_NONE}, [%d]) = %ld",
	       id, rc);
	rc = syscall(SYS_timer_delete, id);
	expect("timer_delete(%d) = %ld", id, rc);
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev.sigev_signo = SIGUSR1;
	sev.sigev_value.sival_int = 42;
	sev._sigev_un._tid = pid;
	rc = syscall(SYS_timer_create, CLOCK_REALTIME, &sev, &id);
	expect("timer_create(CLOCK_REALTIME, {sigev_value={sival_int=42, "
	       "sival_ptr=0x2a}, sigev_signo=SIGUSR1, "
	       "sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=%d}, "
	       "[%d]) = %ld",
	       pid, id, rc);
	rc = syscall(SYS_timer_settime, id, 0, &its, &old);
	expect("timer_settime(%d, 0, {it_interval={tv_sec=0, tv_nsec=0}, "
	       "it_value={tv_sec=100, tv_nsec=0}}, {it_interval={tv_sec=0, "
	       "tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = %ld",
	       id, rc);
	rc = syscall(SYS_timer_gettime, id, &old);
	expect("timer_gettime(%d, {it_interval=%s, it_value=%s}) = %ld", id,
	       ts(&old.it_interval), ts(&old.it_value), rc);
	rc = syscall(SYS_timer_getoverrun, id);
	expect("timer_getoverrun(%d) = %ld", id, rc);
	rc = syscall(SYS_timer_delete, id);
	expect("timer_delete(%d) = %ld", id, rc);
	rc = syscall(SYS_timer_delete, id);
	expect("timer_delete(%d) = %s", id, res(rc, errno));
	sev.sigev_notify = 77;
	rc = syscall(SYS_timer_create, CLOCK_MONOTONIC, &sev, &id);
	expect("timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=42, "
	       "sival_ptr=0x2a}, sigev_signo=10, sigev_notify=0x4d /* "
	       "SIGEV_??? */}, %p) = %s",
	       (void *)&id, res(rc, errno));
	rc = syscall(SYS_timer_create, CLOCK_MONOTONIC, bad, &id);
	expect("timer_create(CLOCK_MONOTONIC, %p, %p) = %s", bad, (void *)&id,
	       res(rc, errno));

	struct itimerval iv = { { 0, 0 }, { 100, 0 } }, oiv;
	rc = setitimer(ITIMER_REAL, &iv, &oiv);
	expect("setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, "
	       "it_value={tv_sec=100, tv_usec=0}}, {it_interval=%s, "
	       "it_value=%s}) = %ld",
	       tv(&oiv.it_interval), tv(&oiv.it_value), rc);
	rc = getitimer(ITIMER_REAL, &oiv);
	expect("getitimer(ITIMER_REAL, {it_interval=%s, it_value=%s}) = %ld",
	       tv(&oiv.it_interval), tv(&oiv.it_value), rc);
	memset(&iv, 0, sizeof(iv));
	rc = setitimer(ITIMER_REAL, &iv, NULL);
	expect("setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, "
	       "it_value={tv_sec=0, tv_usec=0}}, NULL) = %ld",
	       rc);
	rc = syscall(SYS_getitimer, 9, &oiv);
	expect("getitimer(0x9 /* ITIMER_??? */, %p) = %s", (void *)&oiv,
	       res(rc, errno));
	rc = alarm(100);
	expect("alarm(100) = %ld", rc);
	rc = alarm(0);
	expect("alarm(0) = %ld", rc);

	struct tms t;
	rc = syscall(SYS_times, &t);
	expect("times({tms_utime=%ld, tms_stime=%ld, tms_cutime=%ld, "
	       "tms_cstime=%ld}) = %ld",
	       (long)t.tms_utime, (long)t.tms_stime, (long)t.tms_cutime,
	       (long)t.tms_cstime, rc);
	rc = syscall(SYS_times, bad);
	expect("times(%p) = %s", bad, res(rc, errno));
}

static void notes(void)
{
	const char *states[] = { "TIME_OK",  "TIME_INS",  "TIME_DEL",
				 "TIME_OOP", "TIME_WAIT", "TIME_ERROR" };
	struct timex tx;
	struct tm tm;
	char when[64];
	long rc;
	time_t t;

	rc = syscall(SYS_time, &t);
	/* localtime_r(): no new look at /etc/localtime in the traced part. */
	strftime(when, sizeof(when), "%FT%T%z", localtime_r(&t, &tm));
	expect("time([%ld /* %s */]) = %ld (%s)", (long)t, when, rc, when);
	memset(&tx, 0, sizeof(tx));
	rc = syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
	expect("clock_adjtime(CLOCK_REALTIME, {modes=0, offset=%ld, freq=%ld, "
	       "maxerror=%ld, esterror=%ld, status=%s, constant=%ld, "
	       "precision=%ld, tolerance=%ld, time={tv_sec=%ld, tv_usec=%ld}, "
	       "tick=%ld, ppsfreq=%ld, jitter=%ld, shift=%d, stabil=%ld, "
	       "jitcnt=%ld, calcnt=%ld, errcnt=%ld, stbcnt=%ld, tai=%d}) = %ld "
	       "(%s)",
	       tx.offset, tx.freq, tx.maxerror, tx.esterror,
	       tx.status == STA_UNSYNC ? "STA_UNSYNC"
	       : tx.status == 0	       ? "0"
				       : "(status)",
	       tx.constant, tx.precision, tx.tolerance, (long)tx.time.tv_sec,
	       (long)tx.time.tv_usec, tx.tick, tx.ppsfreq, tx.jitter, tx.shift,
	       tx.stabil, tx.jitcnt, tx.calcnt, tx.errcnt, tx.stbcnt, tx.tai,
	       rc, rc >= 0 && rc <= 5 ? states[rc] : "?");
}

int main(int argc, char **argv)
{
	bool with_notes = argc > 1 && strcmp(argv[1], "notes") == 0;
	struct sigaction sa;
	pid_t pid = getpid();

	bad = unmapped_page();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	tzset();

	marker_begin();
	clocks();
	timers(pid);
	if (with_notes)
		notes();
	marker_end();
	return 0;
}
