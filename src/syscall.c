#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <time.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/user.h>
#include <sys/socket.h>
#include <asm/unistd_64.h>
#include <linux/audit.h>

#include "decode/decode.h"
#include "fdinfo.h"
#include "inject.h"
#include "options.h"
#include "pathtrace.h"
#include "qualify.h"
#include "summary.h"
#include "sink.h"
#include "stack.h"
#include "syscall.h"
#include "sysent.h"
#include "tracee.h"
#include "util.h"
#include "xlat.h"

#define NR_execve 59
#define NR_execveat 322
#define NR_prctl 157
#define NR_seccomp 317

/* Probed on the first stop: does the kernel have PTRACE_GET_SYSCALL_INFO? */
static enum { PROBE_UNKNOWN, PROBE_YES, PROBE_NO } have_info;

const struct sysent *sysent_lookup(unsigned long nr)
{
	if (nr < nsysent_x86_64 && sysent_x86_64[nr].name)
		return &sysent_x86_64[nr];
	return NULL;
}

long sysent_nr_by_name(const char *name)
{
	for (unsigned long nr = 0; nr < nsysent_x86_64; nr++)
		if (sysent_x86_64[nr].name &&
		    !strcmp(sysent_x86_64[nr].name, name))
			return (long)nr;
	return -1;
}

static const struct sysent *lookup(const struct tracee *tp)
{
	if (tp->arch == ARCH_X86_64)
		return sysent_lookup(tp->scno);
	if (tp->scno < nsysent_i386 && sysent_i386[tp->scno].name)
		return &sysent_i386[tp->scno];
	return NULL;
}

/*
 * -e trace= sets are of x86-64 numbers; an i386 call is traced when its
 * x86-64 namesake is (strace's sets name calls of every ABI).  One
 * without a namesake (socketcall...) is traced when everything is.
 */
static bool traced(const struct tracee *tp, const struct sysent *se)
{
	static int *map;

	if (tp->arch == ARCH_X86_64 || !se)
		return qual_trace(tp->scno);
	if (!map) {
		map = calloc(nsysent_i386, sizeof(*map));
		for (unsigned int i = 0; map && i < nsysent_i386; i++) {
			const char *name = sysent_i386[i].name;

			map[i] = name ? (int)sysent_nr_by_name(name) : -1;
		}
		if (!map)
			return true;
	}
	return map[tp->scno] >= 0 ? qual_trace(map[tp->scno]) :
				    qual_trace_is_all();
}

enum stop_kind {
	STOP_ENTRY,
	STOP_EXIT,
	STOP_SECCOMP,	/* asked for: a seccomp stop, the entry of a call */
};

static void set_result(struct tracee *tp, long rval)
{
	tp->rval = rval;
	tp->error =
		(unsigned long)rval >= (unsigned long)-4095 ? (int)-rval : 0;
}

static int fetch_info(struct tracee *tp, enum stop_kind *kind)
{
	struct __ptrace_syscall_info info;
	long n = ptrace(PTRACE_GET_SYSCALL_INFO, tp->pid, sizeof(info), &info);

	if (n < 0) {
		if (errno == ESRCH)
			return -1;
		if (have_info == PROBE_UNKNOWN) {
			have_info = PROBE_NO;
			return 1;
		}
		return -1;
	}
	have_info = PROBE_YES;
	switch (info.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		*kind = STOP_ENTRY;
		tp->arch = info.arch == AUDIT_ARCH_I386 ? ARCH_I386 : ARCH_X86_64;
		tp->scno = info.entry.nr;
		memcpy(tp->args, info.entry.args, sizeof(tp->args));
		return 0;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		*kind = STOP_ENTRY;
		tp->arch = info.arch == AUDIT_ARCH_I386 ? ARCH_I386 : ARCH_X86_64;
		tp->scno = info.seccomp.nr;
		memcpy(tp->args, info.seccomp.args, sizeof(tp->args));
		return 0;
	case PTRACE_SYSCALL_INFO_EXIT:
		*kind = STOP_EXIT;
		set_result(tp, info.exit.rval);
		return 0;
	}
	return 1; /* no answer for this stop: use the registers */
}

/*
 * The fallback: x86-64 passes the number in orig_rax and the arguments in
 * rdi, rsi, rdx, r10, r8, r9 (not rcx: the syscall instruction overwrites
 * rcx and r11 with the return rip and rflags).  Entry or exit is not in
 * the registers, so it is tracked; before the first execve, where the
 * stops may start in the middle of a call, rax == -ENOSYS (what the
 * kernel sets on entry) resynchronises it.
 */
static int fetch_regs(struct tracee *tp, enum stop_kind *kind)
{
	struct user_regs_struct r;

	if (ptrace(PTRACE_GETREGS, tp->pid, 0, &r) < 0)
		return -1;
	if (*kind == STOP_SECCOMP)
		*kind = STOP_ENTRY;	/* a seccomp stop is always an entry */
	else if (tp->flags & TRC_HIDE)
		*kind = (long)r.rax == -ENOSYS ? STOP_ENTRY : STOP_EXIT;
	else
		*kind = tp->flags & TRC_INSYSCALL ? STOP_EXIT : STOP_ENTRY;
	if (*kind == STOP_ENTRY) {
		tp->scno = r.orig_rax;
		tp->args[0] = r.rdi;
		tp->args[1] = r.rsi;
		tp->args[2] = r.rdx;
		tp->args[3] = r.r10;
		tp->args[4] = r.r8;
		tp->args[5] = r.r9;
	} else {
		set_result(tp, (long)r.rax);
	}
	return 0;
}

static int fetch_syscall(struct tracee *tp, enum stop_kind *kind)
{
	if (opt.fetch != FETCH_GETREGS && have_info != PROBE_NO) {
		int rc = fetch_info(tp, kind);

		if (rc <= 0)
			return rc;
	}
	return fetch_regs(tp, kind);
}

/* A register of the stopped tracee, by its offset in struct user. */
static void poke_reg(struct tracee *tp, size_t offset, unsigned long v)
{
	ptrace(PTRACE_POKEUSER, tp->pid, offset, v);
}

/*
 * -e inject=: a call to fail or to fake is not made: its number becomes
 * an invalid one (or syscall='s), and its result is set on exit.
 */
static void inject_enter(struct tracee *tp)
{
	const struct inject_rule *r = inject_match(tp);

	tp->inject = r;
	if (!r)
		return;
	if (inject_skips(r))
		poke_reg(tp, offsetof(struct user, regs.orig_rax),
			 r->replace_nr >= 0 ? (unsigned long)r->replace_nr :
					      (unsigned long)-1);
	tp->delay_us = r->delay_enter;
}

static void inject_exit(struct tracee *tp)
{
	const struct inject_rule *r = tp->inject;

	if (!r)
		return;
	if (inject_skips(r)) {
		long v = r->error ? -r->error : (long)r->retval;

		poke_reg(tp, offsetof(struct user, regs.rax), (unsigned long)v);
		set_result(tp, v);
	}
	tp->resume_sig = r->signal;
	tp->delay_us = r->delay_exit;
}

/* -e status= selects calls by how they end: nothing prints before. */
static bool status_filtering(void)
{
	static int filtering = -1;

	if (filtering < 0)
		filtering = !(qual_status(STATUS_SUCCESSFUL) &&
			      qual_status(STATUS_FAILED) &&
			      qual_status(STATUS_UNFINISHED) &&
			      qual_status(STATUS_UNAVAILABLE) &&
			      qual_status(STATUS_DETACHED));
	return filtering;
}

/* Keeps the entry half aside: signal lines may come before the end. */
static void hold(struct tracee *tp)
{
	struct strbuf t = tp->held;

	tp->held = tp->line;
	tp->line = t;
	sb_reset(&tp->line);
	tp->held_em = tp->em;
	tp->flags |= TRC_HELD;
}

static void unhold(struct tracee *tp)
{
	struct strbuf t = tp->line;

	if (!(tp->flags & TRC_HELD))
		return;
	tp->line = tp->held;
	tp->held = t;
	sb_reset(&tp->held);
	tp->em = tp->held_em; /* a signal line in between used it */
	tp->flags &= ~TRC_HELD;
}

/* The end of a line: out if -e status= wants calls that end so. */
static void finish_line(struct tracee *tp, enum qual_status how)
{
	if (qual_status(how)) {
		sink_end_line(tp);
	} else {
		sb_reset(&tp->line);
		emit_reset(&tp->em);
	}
}

/* -e raw=SET: undecoded arguments and result. */
static bool raw(const struct tracee *tp)
{
	return tp->arch == ARCH_X86_64 && qual_raw(tp->scno);
}

static void syscall_entry(struct tracee *tp)
{
	const struct sysent *se = lookup(tp);
	int rc;

	tp->flags |= TRC_INSYSCALL;
	tp->flags &= ~(TRC_DECODED | TRC_HIDDEN_CALL | TRC_COUNTED);
	if (opt.syscall_times >= 0 || opt.summary.wall || opt.json)
		clock_gettime(CLOCK_MONOTONIC, &tp->entry_time);
	tp->entry_stime = tp->stime;
	tp->prev_se = tp->se;
	tp->se = se;
	tp->ret_xlat = NULL;
	tp->ret_fd = false;
	tp->error = 0;
	tp->rval = 0;
	tp->argi = 0;

	if (tp->flags & TRC_HIDE) {
		if (tp->scno != NR_execve && tp->scno != NR_execveat) {
			tp->flags |= TRC_HIDDEN_CALL;
			return;
		}
		tp->flags &= ~TRC_HIDE;
		tp->flags |= TRC_FIRST_EXEC;
	}
	inject_enter(tp);
	if (!traced(tp, se) ||
	    (pathtrace_active() && !pathtrace_match(tp, se))) {
		tp->flags |= TRC_HIDDEN_CALL;
		return;
	}
	if (opt.count && se)
		tp->flags |= TRC_COUNTED;
	if (opt.count == 1) {	/* -c: the table only */
		tp->flags |= TRC_HIDDEN_CALL;
		return;
	}
	if (tp->arch != tp->shown_arch) {
		tp->shown_arch = tp->arch;
		if (!qual_quiet(QUIET_PERSONALITY) && opt.quiet < 1)
			sink_personality(tp, tp->arch == ARCH_I386 ? 32 : 64);
	}

	sink_begin_line(tp);
	if (se && raw(tp)) {
		/* -e raw=: every argument the call takes, in hex. */
		tp->name = se->name;
		emit_call_begin(tp, se->name);
		for (int i = 0; i < se->nargs; i++)
			emit_hex(tp, tp->args[i]);
		rc = DEC_DONE;
	} else if (se) {
		tp->name = se->name;
		emit_call_begin(tp, se->name);
		rc = se->decode ? se->decode(tp, 0) : decode_generic(tp, 0);
	} else {
		/* "<... syscall_0x270f resumed>" needs the name later too. */
		snprintf(tp->unknown_name, sizeof(tp->unknown_name),
			 "syscall_%#lx", tp->scno);
		tp->name = tp->unknown_name;
		emit_call_begin(tp, tp->name);
		print_raw_args(tp);
		rc = DEC_DONE;
	}
	if (rc == DEC_DONE)
		tp->flags |= TRC_DECODED;
	else if (rc == DEC_MORE)
		emit_call_pause(tp);
	/* A JSON record is written whole, when the call ends. */
	if (status_filtering() || opt.json)
		hold(tp);
	else
		sink_flush_partial(tp);
	if (opt.stack_trace)
		stack_capture(tp);
}

/* Kernel-internal codes: the call is restarted, so there is no result. */
static const char *restart_text(int err, const char **name)
{
	switch (err) {
	case 512:
		*name = "ERESTARTSYS";
		return "To be restarted if SA_RESTART is set";
	case 513:
		*name = "ERESTARTNOINTR";
		return "To be restarted";
	case 514:
		*name = "ERESTARTNOHAND";
		return "To be restarted if no handler";
	case 516:
		*name = "ERESTART_RESTARTBLOCK";
		return "Interrupted by signal";
	}
	return NULL;
}

static const char *internal_errstr(int err)
{
	switch (err) {
	case 515:
		return "Inappropriate ioctl for device";
	case 517:
		return "Driver requests probe retry";
	case 518:
		return "Open found a stale dentry";
	case 519:
		return "Parameter not supported";
	case 521:
		return "Illegal NFS file handle";
	case 522:
		return "Update synchronization mismatch";
	case 523:
		return "Cookie is stale";
	case 524:
		return "Operation is not supported";
	case 525:
		return "Buffer or request is too small";
	case 526:
		return "An untranslatable error occurred";
	case 527:
		return "Type not supported by server";
	case 528:
		return "Request initiated, but will not complete before "
		       "timeout";
	case 529:
		return "iocb queued, will get completion event";
	case 530:
		return "Conflict with recalled state";
	case 531:
		return "NFS file lock reclaim refused";
	}
	return NULL;
}

static void print_error(struct tracee *tp)
{
	const char *name = xlat_name(&xlat_errnos, (uint64_t)tp->error);
	const char *text = restart_text(tp->error, &name);
	bool restart = text != NULL;
	char num[32];

	if (!text)
		text = tp->error < 512 ? strerror(tp->error)
				       : internal_errstr(tp->error);
	if (!text)
		text = "Unknown error";
	if (!name) {
		snprintf(num, sizeof(num), "ERRNO_%d", tp->error);
		name = num;
	}
	if (tp->em.json) {
		emit_raw(tp, restart ? ",\"retval\":null" : ",\"retval\":-1");
		emit_member_str(tp, "errno", name);
		emit_member_str(tp, "strerror", text);
	} else {
		emit_rawf(tp, "%s %s (%s)", restart ? "?" : "-1", name, text);
	}
}

/* -y: the descriptor a call returned, "</etc/passwd>"; false if none. */
static bool fd_result(struct tracee *tp, int ret, struct strbuf *desc)
{
	return ret == RET_FD && tp->rval >= 0 && tp->rval <= INT_MAX &&
	       fdinfo_describe(tp->pid, (int)tp->rval, desc);
}

/* JSON: "retval", and "ret" when strace shows it other than in decimal. */
static void json_result(struct tracee *tp, int ret)
{
	struct strbuf desc = { 0 };

	emit_member_int(tp, "retval", tp->rval);
	switch (ret) {
	case RET_FD:
		if (fd_result(tp, ret, &desc)) {
			emit_member(tp, "ret");
			emit_fd(tp, (int)tp->rval, NULL, desc.buf);
		}
		sb_free(&desc);
		break;
	case RET_HEX:
		emit_member(tp, "ret");
		emit_rawf(tp, "{\"hex\":\"%#lx\"}", (unsigned long)tp->rval);
		break;
	case RET_OCT:
		emit_member(tp, "ret");
		emit_rawf(tp, "{\"oct\":\"%#03lo\"}", (unsigned long)tp->rval);
		break;
	case RET_FLAGS:
		if (!tp->rval)
			break;
		emit_member(tp, "ret");
		emit_rawf(tp, "{\"hex\":\"%#lx\"", (unsigned long)tp->rval);
		emit_member_flags(tp, "flags", tp->ret_xlat,
				  (unsigned long)tp->rval);
		emit_raw(tp, "}");
		break;
	}
}

static void print_result(struct tracee *tp, int ret)
{
	emit_call_end(tp);
	if (!tp->em.json)
		emit_result_column(tp);
	if (ret == RET_NONE) {
		emit_raw(tp, tp->em.json ? ",\"retval\":null" : "?");
		return;
	}
	if (tp->error) {
		print_error(tp);
		return;
	}
	if (tp->ret_xlat)
		ret = RET_FLAGS;
	else if (tp->ret_fd)
		ret = RET_FD;
	if (tp->em.json) {
		json_result(tp, ret);
		decode_result_note(tp);
		return;
	}
	switch (ret) {
	case RET_HEX:
		emit_rawf(tp, "%#lx", (unsigned long)tp->rval);
		break;
	case RET_OCT:
		emit_rawf(tp, "%#03lo", (unsigned long)tp->rval);
		break;
	case RET_FLAGS:
		if (tp->rval) {
			struct strbuf sb = { 0 };

			/* strace leaves F_GETFL's open flags named. */
			if (tp->ret_xlat == &xlat_open_flags)
				xlat_format_flags(&sb, tp->ret_xlat,
						  (unsigned long)tp->rval);
			else
				format_flags_styled(&sb, tp->ret_xlat,
						    (unsigned long)tp->rval);
			emit_rawf(tp, "%#lx (flags %s)",
				  (unsigned long)tp->rval, sb.buf);
			sb_free(&sb);
			break;
		}
		/* fall through */
	case RET_FD:
	case RET_PID:
	default: {
		struct strbuf desc = { 0 };
		char num[24];

		fmt_long(num, tp->rval);
		emit_raw(tp, num);
		if (fd_result(tp, ret, &desc))
			emit_raw(tp, desc.buf);
		else if (ret == RET_PID && opt.decode_pids && tp->rval > 0 &&
			 proc_comm((int)tp->rval, num, sizeof(num)))
			emit_rawf(tp, "<%s>", num);
		sb_free(&desc);
		break;
	}
	}
	/* What strace explains after some results: "= 0 (Timeout)". */
	decode_result_note(tp);
}

/* -T: " <0.000123>", the time from entry to exit. */
static void print_duration(struct tracee *tp)
{
	struct timespec now;
	long long sec, nsec, div = 1;

	if (opt.syscall_times < 0 && !tp->em.json)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	sec = now.tv_sec - tp->entry_time.tv_sec;
	nsec = now.tv_nsec - tp->entry_time.tv_nsec;
	if (nsec < 0) {
		sec--;
		nsec += 1000000000;
	}
	if (tp->em.json) {
		emit_rawf(tp, ",\"duration\":%lld.%06lld", sec, nsec / 1000);
		return;
	}
	for (int i = opt.syscall_times; i < 9; i++)
		div *= 10;
	if (opt.syscall_times)
		emit_rawf(tp, " <%lld.%0*lld>", sec, opt.syscall_times,
			  nsec / div);
	else
		emit_rawf(tp, " <%lld>", sec);
}

/*
 * -e read=FD / -e write=FD: the data, after the line, as strace dumps it:
 * " | 00000  68 65 6c 6c 6f 0a     ...     hello.           |".
 */
static void dump_bytes(struct tracee *tp, unsigned long addr, unsigned long len)
{
	unsigned char buf[16];
	char line[96];

	for (unsigned long off = 0; off < len; off += 16) {
		size_t n = len - off < 16 ? len - off : 16;
		int p;

		if (!fetch(tp, addr + off, buf, n))
			return;
		p = snprintf(line, sizeof(line), " | %05lx  ", off);
		for (size_t i = 0; i < 16; i++) {
			if (i < n)
				p += snprintf(line + p, sizeof(line) - p,
					      "%02x ", buf[i]);
			else
				p += snprintf(line + p, sizeof(line) - p, "   ");
			if (i == 7)
				line[p++] = ' ';
		}
		line[p++] = ' ';
		for (size_t i = 0; i < 16; i++)
			line[p++] = i >= n ? ' ' :
				    buf[i] >= ' ' && buf[i] < 0x7f ? (char)buf[i] : '.';
		snprintf(line + p, sizeof(line) - p, " |");
		sink_raw_line(tp, line);
	}
}

/* " * 3 bytes in buffer 0", then its bytes; LIMIT < 0: all of them. */
static void dump_iov(struct tracee *tp, unsigned long iov, unsigned long cnt,
		     long limit)
{
	char line[64];

	for (unsigned long i = 0; i < cnt && i < 1024 && limit != 0; i++) {
		struct iovec v;
		unsigned long len;

		if (!fetch(tp, iov + i * sizeof(v), &v, sizeof(v)))
			return;
		len = v.iov_len;
		if (limit >= 0 && (unsigned long)limit < len)
			len = (unsigned long)limit;
		if (!len)
			return; /* strace stops at an empty buffer */
		if (limit > 0)
			limit -= (long)len;
		snprintf(line, sizeof(line), " * %lu bytes in buffer %lu", len, i);
		sink_raw_line(tp, line);
		dump_bytes(tp, (unsigned long)v.iov_base, len);
	}
}

static void dump_msghdr(struct tracee *tp, unsigned long addr, long limit)
{
	struct msghdr m;

	if (fetch(tp, addr, &m, sizeof(m)))
		dump_iov(tp, (unsigned long)m.msg_iov, m.msg_iovlen, limit);
}

static void dump_io(struct tracee *tp)
{
	int fd = (int)tp->args[0];
	unsigned long *a = tp->args;

	if (tp->error || tp->arch != ARCH_X86_64 || tp->rval < 0)
		return;
	switch (tp->scno) {
	case __NR_read:
	case __NR_pread64:
	case __NR_recvfrom:
		if (qual_read_fd(fd))
			dump_bytes(tp, a[1], (unsigned long)tp->rval);
		break;
	case __NR_readv:
	case __NR_preadv:
	case __NR_preadv2:
		if (qual_read_fd(fd))
			dump_iov(tp, a[1], a[2], tp->rval);
		break;
	case __NR_recvmsg:
		if (qual_read_fd(fd))
			dump_msghdr(tp, a[1], tp->rval);
		break;
	case __NR_write:
	case __NR_pwrite64:
	case __NR_sendto:
		if (qual_write_fd(fd))
			dump_bytes(tp, a[1], a[2]);
		break;
	case __NR_writev:
	case __NR_pwritev:
	case __NR_pwritev2:
		if (qual_write_fd(fd))
			dump_iov(tp, a[1], a[2], -1);
		break;
	case __NR_sendmsg:
		if (qual_write_fd(fd))
			dump_msghdr(tp, a[1], -1);
		break;
	}
}

static void print_exit(struct tracee *tp)
{
	int ret;

	unhold(tp);
	if (sink_was_cut(tp)) {
		sink_begin_line(tp);
		emit_call_resumed(tp, tp->name);
	}
	if (tp->se && raw(tp))
		ret = RET_HEX;
	else if (tp->flags & TRC_DECODED)
		ret = tp->se ? tp->se->ret : RET_DEC;
	else
		ret = tp->se->decode ? tp->se->decode(tp, 1) :
				       decode_generic(tp, 1);
	print_result(tp, ret);
	if (tp->inject && inject_skips(tp->inject))
		emit_raw(tp, tp->em.json ? ",\"injected\":true" : " (INJECTED)");
	if (tp->inject && (tp->inject->delay_enter || tp->inject->delay_exit))
		emit_raw(tp, tp->em.json ? ",\"delayed\":true" : " (DELAYED)");
	print_duration(tp);
	finish_line(tp, tp->error ? STATUS_FAILED : STATUS_SUCCESSFUL);
	if (!tp->line.len && !tp->em.json) /* the line went out */
		dump_io(tp);
	if (opt.stack_trace && !tp->line.len)	/* the line went out */
		stack_print(tp);
}

/* -c: the call's time, system time by default, wall time with -w. */
static void count_call(struct tracee *tp)
{
	uint64_t ns;

	if (opt.summary.wall) {
		struct timespec now;

		clock_gettime(CLOCK_MONOTONIC, &now);
		ns = (now.tv_sec - tp->entry_time.tv_sec) * 1000000000ULL +
		     now.tv_nsec - tp->entry_time.tv_nsec;
	} else {
		ns = (tp->stime.tv_sec - tp->entry_stime.tv_sec) * 1000000000ULL +
		     (tp->stime.tv_usec - tp->entry_stime.tv_usec) * 1000LL;
	}
	summary_add(tp->arch == ARCH_I386 ? SUMMARY_I386 : SUMMARY_X86_64,
		    tp->scno, tp->se->name, ns, tp->error);
}

static void syscall_exit(struct tracee *tp)
{
	tp->flags &= ~TRC_INSYSCALL;
	inject_exit(tp);
	if (tp->flags & TRC_COUNTED)
		count_call(tp);
	if (!(tp->flags & TRC_HIDDEN_CALL))
		print_exit(tp);
	tp->flags &= ~TRC_HIDDEN_CALL;
	/*
	 * The command could not be run: what the child does next is sctrace's
	 * own error path, not the program, so it is not shown (as in strace).
	 */
	if (tp->flags & TRC_FIRST_EXEC) {
		tp->flags &= ~TRC_FIRST_EXEC;
		if (tp->error)
			tp->flags |= TRC_HIDE;
	}
}

/* -b execve: any execve but the one that starts the command. */
static bool detach_here(const struct tracee *tp)
{
	return opt.detach_on_execve &&
	       (tp->scno == NR_execve || tp->scno == NR_execveat) &&
	       !(tp->flags & (TRC_FIRST_EXEC | TRC_HIDE));
}

enum syscall_action syscall_stop(struct tracee *tp)
{
	enum stop_kind kind = STOP_ENTRY;

	if (fetch_syscall(tp, &kind) < 0)
		return SYSCALL_GONE;
	if (kind == STOP_ENTRY) {
		syscall_entry(tp);
		if (detach_here(tp))
			return SYSCALL_DETACH;
	} else if (tp->flags & TRC_INSYSCALL) {
		syscall_exit(tp);
	}
	return SYSCALL_RESUME;
}

void syscall_unfinished(struct tracee *tp)
{
	unhold(tp);
	if (!(tp->flags & TRC_INSYSCALL) || (tp->flags & TRC_HIDDEN_CALL) ||
	    !(tp->flags & TRC_LINE_OPEN || tp->line.len))
		return;
	tp->flags &= ~TRC_INSYSCALL;
	if (tp->em.json) {
		print_result(tp, RET_NONE);
		if (!(tp->flags & TRC_DECODED))
			emit_raw(tp, ",\"unfinished\":true");
	} else {
		if (sink_was_cut(tp)) {
			sink_begin_line(tp);
			emit_call_resumed(tp, tp->name);
		} else if (!(tp->flags & TRC_DECODED)) {
			emit_raw(tp, " <unfinished ...>");
		}
		print_result(tp, RET_NONE);
	}
	finish_line(tp, STATUS_UNFINISHED);
}

void syscall_detached(struct tracee *tp)
{
	unhold(tp);
	if ((tp->flags & TRC_LINE_OPEN || tp->line.len) && !sink_was_cut(tp)) {
		if (tp->em.json) {
			emit_call_end(tp);
			emit_raw(tp, ",\"detached\":true");
		} else {
			emit_raw(tp, " <detached ...>");
		}
		finish_line(tp, STATUS_DETACHED);
	}
	tp->flags &= ~(TRC_INSYSCALL | TRC_HIDDEN_CALL);
}

enum syscall_action syscall_seccomp_stop(struct tracee *tp)
{
	enum stop_kind kind = STOP_SECCOMP;

	if (fetch_syscall(tp, &kind) < 0)
		return SYSCALL_GONE;
	syscall_entry(tp);
	return detach_here(tp) ? SYSCALL_DETACH : SYSCALL_RESUME;
}

/*
 * What the kernel does with a RET_TRACE when nobody traces: the call
 * is not made and fails with ENOSYS.  orig_rax = -1 skips it.
 */
int syscall_skip(struct tracee *tp)
{
	struct user_regs_struct r;

	if (ptrace(PTRACE_GETREGS, tp->pid, 0, &r) < 0)
		return -1;
	r.orig_rax = -1;
	return ptrace(PTRACE_SETREGS, tp->pid, 0, &r) < 0 ? -1 : 0;
}

bool syscall_installed_filter(const struct tracee *tp)
{
	return !tp->error &&
	       ((tp->scno == NR_seccomp && tp->args[0] == 1) ||
		(tp->scno == NR_prctl && tp->args[0] == PR_SET_SECCOMP &&
		 tp->args[1] == 2));
}
