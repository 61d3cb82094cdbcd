/*
 * What strace adds after a successful call's return value, in
 * parentheses: "= 1 ([{fd=3, revents=POLLIN}])", "= 0 (Timeout)",
 * "= 12 (SIGUSR2)".  The syscall room calls decode_result_note() once the
 * value is out; the note is read from the tracee at that point.
 */
#include <asm/unistd_64.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <sys/prctl.h>

#include "decode.h"
#include "signame.h"

static void note_sym(struct tracee *tp, const char *s)
{
	if (!s)
		return;
	emit_note_begin(tp);
	emit_sym(tp, s);
	emit_note_end(tp);
}

static void note_flags(struct tracee *tp, const struct xlat *x)
{
	if (!tp->rval)
		return;
	emit_note_begin(tp);
	emit_flags(tp, x, (unsigned long)tp->rval);
	emit_note_end(tp);
}

/* No more entries looked at than RLIMIT_NOFILE allows in practice. */
#define POLL_NOTE_MAX (1024 * 1024)

/* The descriptors with events: at most -s of them. */
static void note_revents(struct tracee *tp, unsigned long addr,
			 unsigned long nfds)
{
	struct pollfd pfd;
	int shown = 0;

	if (nfds > POLL_NOTE_MAX)
		nfds = POLL_NOTE_MAX;
	emit_array_begin(tp);
	for (unsigned long i = 0; i < nfds; i++) {
		if (!fetch(tp, addr + i * sizeof(pfd), &pfd, sizeof(pfd)))
			break;
		if (!pfd.revents)
			continue;
		if (shown++ >= opt.max_strlen) {
			emit_ellipsis(tp);
			break;
		}
		emit_struct_begin(tp);
		emit_field(tp, "fd");
		emit_int(tp, pfd.fd);
		emit_field(tp, "revents");
		emit_flags(tp, &xlat_poll_events, (unsigned short)pfd.revents);
		emit_struct_end(tp);
	}
	emit_array_end(tp);
}

/* ", left {...}": what remains of the timeout the kernel updated. */
static void note_left(struct tracee *tp, unsigned long addr, bool timeval)
{
	if (!addr)
		return;
	emit_raw(tp, "left ");
	if (timeval)
		print_timeval(tp, addr);
	else
		print_timespec(tp, addr);
}

static void note_poll(struct tracee *tp, bool with_timeout)
{
	emit_note_begin(tp);
	if (!tp->rval) {
		emit_sym(tp, "Timeout");
	} else {
		note_revents(tp, tp->args[0], (unsigned int)tp->args[1]);
		if (with_timeout && tp->args[2]) {
			emit_raw(tp, ", ");
			note_left(tp, tp->args[2], false);
		}
	}
	emit_note_end(tp);
}

#define FDSET_NOTE_MAX_BITS (1024 * 1024)

/*
 * "in [3]": the descriptors a set came back with; false if none.  No more
 * than *left in all: bits past the kernel's own limit are never cleared.
 */
static bool note_fdset(struct tracee *tp, const char *label, unsigned long addr,
		       int nfds, bool sep, long *left)
{
	struct strbuf sb = { 0 };
	unsigned long *set;
	size_t size;
	int n = 0;

	if (!addr || nfds <= 0 || nfds > FDSET_NOTE_MAX_BITS)
		return false;
	size = ((size_t)nfds + 63) / 64 * sizeof(*set);
	set = malloc(size);
	if (!set || !fetch(tp, addr, set, size)) {
		free(set);
		return false;
	}
	for (int fd = 0; fd<nfds && * left> 0; fd++) {
		if (set[fd / 64] & (1UL << (fd % 64))) {
			sb_printf(&sb, n++ ? " %d" : "%d", fd);
			--*left;
		}
	}
	free(set);
	if (n)
		emit_rawf(tp, "%s%s [%s]", sep ? ", " : "", label, sb.buf);
	sb_free(&sb);
	return n;
}

static void note_select(struct tracee *tp, bool timeval)
{
	static const char *const labels[] = { "in", "out", "except" };
	int nfds = (int)tp->args[0];
	long left = tp->rval;
	bool any = false;

	emit_note_begin(tp);
	if (!tp->rval) {
		emit_sym(tp, "Timeout");
	} else {
		for (int i = 0; i < 3; i++)
			any |= note_fdset(tp, labels[i], tp->args[i + 1], nfds,
					  any, &left);
		if (tp->args[4]) {
			if (any)
				emit_raw(tp, ", ");
			note_left(tp, tp->args[4], timeval);
		}
	}
	emit_note_end(tp);
}

#ifndef PR_GET_SPECULATION_CTRL
# define PR_GET_SPECULATION_CTRL 52
#endif
#ifndef F_GETSIG
# define F_GETSIG 11
#endif
#ifndef F_GETLEASE
# define F_GETLEASE 1025
#endif
#ifndef F_GET_SEALS
# define F_GET_SEALS 1034
#endif

static void note_prctl(struct tracee *tp)
{
	switch ((unsigned int)tp->args[0]) {
	case PR_GET_DUMPABLE:
		note_sym(tp, xlat_name(&xlat_suid_dump, tp->rval));
		break;
	case PR_MCE_KILL_GET:
		note_sym(tp, xlat_name(&xlat_pr_mce_kill_policy, tp->rval));
		break;
	case PR_GET_SECUREBITS:
		note_flags(tp, &xlat_securebits);
		break;
	case PR_GET_SPECULATION_CTRL:
		note_flags(tp, &xlat_pr_spec_flags);
		break;
	}
}

static void note_fcntl(struct tracee *tp)
{
	switch ((unsigned int)tp->args[1]) {
	case F_GETSIG:
		if (tp->rval)
			note_sym(tp, signame((int)tp->rval));
		break;
	case F_GETLEASE:
		note_sym(tp, xlat_name(&xlat_lock_types, tp->rval));
		break;
	case F_GET_SEALS:
		if (tp->rval) {
			emit_note_begin(tp);
			emit_raw(tp, "seals ");
			emit_flags(tp, &xlat_seal_flags, tp->rval);
			emit_note_end(tp);
		}
		break;
	}
}

void decode_result_note(struct tracee *tp)
{
	if (tp->arch != ARCH_X86_64 || !tp->se || syserr(tp))
		return;
	switch (tp->scno) {
	case __NR_poll:
		note_poll(tp, false);
		break;
	case __NR_ppoll:
		note_poll(tp, true);
		break;
	case __NR_select:
		note_select(tp, true);
		break;
	case __NR_pselect6:
		note_select(tp, false);
		break;
	case __NR_rt_sigtimedwait:
		note_sym(tp, signame((int)tp->rval));
		break;
	case __NR_sched_getscheduler:
		note_sym(tp, xlat_name(&xlat_sched_policies, tp->rval));
		break;
	case __NR_personality:
		emit_note_begin(tp);
		emit_flags(tp, &xlat_personality_flags, (unsigned int)tp->rval);
		emit_note_end(tp);
		break;
	case __NR_prctl:
		note_prctl(tp);
		break;
	case __NR_time: {
		struct strbuf sb = { 0 };

		format_time(&sb, tp->rval);
		note_sym(tp, sb.buf);
		sb_free(&sb);
		break;
	}
	case __NR_membarrier:
		if (!tp->args[0]) /* MEMBARRIER_CMD_QUERY */
			note_flags(tp, &xlat_membarrier_cmd_bits);
		break;
	case __NR_adjtimex:
	case __NR_clock_adjtime:
		note_sym(tp, xlat_name(&xlat_adjtimex_state, tp->rval));
		break;
	case __NR_fcntl:
		note_fcntl(tp);
		break;
	case __NR_recvmmsg:
		if (tp->args[4]) {
			emit_note_begin(tp);
			note_left(tp, tp->args[4], false);
			emit_note_end(tp);
		}
		break;
	}
}
