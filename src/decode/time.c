/* Time: timezones, times(), timers' sigevent, timex, time(), sleeps. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/timex.h>
#include <time.h>

#include "decode.h"

void print_timezone(struct tracee *tp, unsigned long addr)
{
	struct timezone tz;

	if (!fetch_or_addr(tp, addr, &tz, sizeof(tz)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "tz_minuteswest");
	emit_int(tp, tz.tz_minuteswest);
	emit_field(tp, "tz_dsttime");
	emit_int(tp, tz.tz_dsttime);
	emit_struct_end(tp);
}

void print_tms(struct tracee *tp, unsigned long addr)
{
	struct tms t;

	if (!fetch_or_addr(tp, addr, &t, sizeof(t)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "tms_utime");
	emit_uint(tp, (unsigned long)t.tms_utime);
	emit_field(tp, "tms_stime");
	emit_uint(tp, (unsigned long)t.tms_stime);
	emit_field(tp, "tms_cutime");
	emit_uint(tp, (unsigned long)t.tms_cutime);
	emit_field(tp, "tms_cstime");
	emit_uint(tp, (unsigned long)t.tms_cstime);
	emit_struct_end(tp);
}

/* The kernel's struct sigevent on x86-64. */
struct k_sigevent {
	union {
		int sival_int;
		unsigned long sival_ptr;
	} value;
	int signo;
	int notify;
	union {
		int tid;
		struct {
			unsigned long function;
			unsigned long attributes;
		} thread;
	} un;
};

void print_sigevent(struct tracee *tp, unsigned long addr)
{
	struct k_sigevent ev;

	if (!fetch_or_addr(tp, addr, &ev, sizeof(ev)))
		return;
	emit_struct_begin(tp);
	if (ev.value.sival_ptr) {
		emit_field(tp, "sigev_value");
		emit_struct_begin(tp);
		emit_field(tp, "sival_int");
		emit_int(tp, ev.value.sival_int);
		emit_field(tp, "sival_ptr");
		emit_ptr(tp, ev.value.sival_ptr);
		emit_struct_end(tp);
	}
	emit_field(tp, "sigev_signo");
	switch (ev.notify) {
	case SIGEV_SIGNAL:
	case SIGEV_THREAD:
	case SIGEV_THREAD_ID:
		print_signal(tp, ev.signo);
		break;
	default:
		emit_int(tp, ev.signo);
		break;
	}
	emit_field(tp, "sigev_notify");
	emit_enum(tp, &xlat_sigev_notify, (unsigned int)ev.notify);
	if (ev.notify == SIGEV_THREAD_ID) {
		emit_field(tp, "sigev_notify_thread_id");
		emit_int(tp, ev.un.tid);
	} else if (ev.notify == SIGEV_THREAD) {
		emit_field(tp, "sigev_notify_function");
		emit_ptr(tp, ev.un.thread.function);
		emit_field(tp, "sigev_notify_attributes");
		emit_ptr(tp, ev.un.thread.attributes);
	}
	emit_struct_end(tp);
}

void print_timex(struct tracee *tp, unsigned long addr)
{
	struct timex t;

	if (!fetch_or_addr(tp, addr, &t, sizeof(t)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "modes");
	emit_flags(tp, &xlat_adjtimex_modes, t.modes);
	emit_field_int(tp, "offset", t.offset);
	emit_field_int(tp, "freq", t.freq);
	emit_field_int(tp, "maxerror", t.maxerror);
	emit_field_int(tp, "esterror", t.esterror);
	emit_field(tp, "status");
	emit_flags(tp, &xlat_adjtimex_status, (unsigned int)t.status);
	emit_field_int(tp, "constant", t.constant);
	emit_field_int(tp, "precision", t.precision);
	emit_field_int(tp, "tolerance", t.tolerance);
	emit_field(tp, "time");
	print_timeval_val(tp, t.time.tv_sec, t.time.tv_usec);
	emit_field_int(tp, "tick", t.tick);
	emit_field_int(tp, "ppsfreq", t.ppsfreq);
	emit_field_int(tp, "jitter", t.jitter);
	emit_field_int(tp, "shift", t.shift);
	emit_field_int(tp, "stabil", t.stabil);
	emit_field_int(tp, "jitcnt", t.jitcnt);
	emit_field_int(tp, "calcnt", t.calcnt);
	emit_field_int(tp, "errcnt", t.errcnt);
	emit_field_int(tp, "stbcnt", t.stbcnt);
	emit_field_int(tp, "tai", t.tai);
	emit_struct_end(tp);
}

/* 2026-11-21T19:53:02+0000, in the tracer's time zone as strace does. */
void format_time(struct strbuf *sb, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[64];

	if (!localtime_r(&tt, &tm) ||
	    !strftime(buf, sizeof(buf), "%FT%T%z", &tm)) {
		sb_printf(sb, "%lld", t);
		return;
	}
	sb_puts(sb, buf);
}

void format_time_ns(struct strbuf *sb, long long t, long nsec)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char date[64], zone[16];

	if (!localtime_r(&tt, &tm) ||
	    !strftime(date, sizeof(date), "%FT%T", &tm) ||
	    !strftime(zone, sizeof(zone), "%z", &tm)) {
		sb_printf(sb, "%lld", t);
		return;
	}
	if (nsec)
		sb_printf(sb, "%s.%09ld%s", date, nsec, zone);
	else
		sb_printf(sb, "%s%s", date, zone);
}

void print_time_field(struct tracee *tp, const char *name, long long t,
		      long nsec)
{
	struct strbuf sb = { 0 };

	format_time_ns(&sb, t, nsec);
	emit_field(tp, name);
	emit_int(tp, t);
	emit_comment(tp, "%s", sb.buf);
	sb_free(&sb);
}

int decode_time(struct tracee *tp, int exiting)
{
	unsigned long addr = tp->args[0];
	struct strbuf sb = { 0 };
	long long t;

	if (!exiting)
		return DEC_MORE;
	if (syserr(tp) || !addr || !fetch(tp, addr, &t, sizeof(t))) {
		emit_ptr(tp, addr);
		return RET_DEC;
	}
	sb_printf(&sb, "[%lld /* ", t);
	format_time(&sb, t);
	sb_puts(&sb, " */]");
	emit_sym(tp, sb.buf);
	sb_free(&sb);
	return RET_DEC;
}

/* The time left is there only when a signal cut the sleep short. */
static void print_remaining(struct tracee *tp, unsigned long addr)
{
	switch (tp->error) {
	case EINTR:
	case 512: /* ERESTARTSYS */
	case 513: /* ERESTARTNOINTR */
	case 514: /* ERESTARTNOHAND */
	case 516: /* ERESTART_RESTARTBLOCK */
		print_timespec(tp, addr);
		break;
	default:
		emit_ptr(tp, addr);
		break;
	}
}

int decode_nanosleep(struct tracee *tp, int exiting)
{
	if (!exiting) {
		print_timespec(tp, tp->args[0]);
		return DEC_MORE;
	}
	print_remaining(tp, tp->args[1]);
	return RET_DEC;
}

#define TIMER_ABSTIME_ 1

int decode_clock_nanosleep(struct tracee *tp, int exiting)
{
	if (!exiting) {
		emit_enum(tp, &xlat_clocks, (unsigned int)tp->args[0]);
		emit_flags(tp, &xlat_timer_flags, (unsigned int)tp->args[1]);
		print_timespec(tp, tp->args[2]);
		return DEC_MORE;
	}
	if (tp->args[1] & TIMER_ABSTIME_)
		emit_ptr(tp, tp->args[3]);
	else
		print_remaining(tp, tp->args[3]);
	return RET_DEC;
}
