/*
 * The signature interpreter: a syscall whose syscallent/ line describes it
 * fully needs no C.  Arguments are printed in order; the first one the
 * kernel writes (out:) waits for the exit, and so does everything after.
 */
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "decode.h"
#include "fdinfo.h"
#include "qualify.h"
#include "memory.h"
#include "signame.h"
#include "strquote.h"
#include "util.h"

/*
 * -e verbose=SET: outside SET, structures and arrays the tracee points to
 * are not read, so their address is printed instead (strings still are).
 */
bool fetch(struct tracee *tp, unsigned long addr, void *buf, size_t len)
{
	return addr && qual_verbose(tp->scno) &&
	       mem_read(tp->pid, addr, buf, len) == 0;
}

bool verbose(const struct tracee *tp)
{
	return !qual_abbrev(tp->scno);
}

bool fetch_or_addr(struct tracee *tp, unsigned long addr, void *buf, size_t len)
{
	if (fetch(tp, addr, buf, len))
		return true;
	emit_ptr(tp, addr);
	return false;
}

/* -y: "3</etc/passwd>", "AT_FDCWD</home/me>". */
static void print_fd_as(struct tracee *tp, int fd, const char *sym)
{
	struct strbuf desc = { 0 };

	if (fdinfo_describe(tp->pid, fd, &desc))
		emit_fd(tp, fd, sym, desc.buf);
	else if (sym)
		emit_named(tp, sym, fd, XFMT_DEC);
	else
		emit_int(tp, fd);
	sb_free(&desc);
}

void print_fd(struct tracee *tp, int fd)
{
	print_fd_as(tp, fd, NULL);
}

void print_dirfd(struct tracee *tp, int fd)
{
	print_fd_as(tp, fd, fd == FDINFO_CWD ? "AT_FDCWD" : NULL);
}

/* --decode-pids=comm: "1234<sh>", while the process is there to ask. */
void print_pid(struct tracee *tp, int pid)
{
	char comm[32];

	if (pid > 0 && opt.decode_pids && !tp->em.json &&
	    proc_comm(pid, comm, sizeof(comm)))
		emit_symf(tp, "%d<%s>", pid, comm);
	else
		emit_int(tp, pid);
}

void print_signal(struct tracee *tp, int sig)
{
	emit_named(tp, signame(sig), sig, XFMT_DEC);
}

void print_mode(struct tracee *tp, unsigned int mode)
{
	struct strbuf sb = { 0 };
	const char *type = NULL;

	if (mode & S_IFMT) {
		type = xlat_name(&xlat_file_types, mode & S_IFMT);
		if (!type) {
			emit_oct(tp, mode);
			return;
		}
		sb_puts(&sb, type);
		sb_putc(&sb, '|');
	}
	if (mode & S_ISUID)
		sb_puts(&sb, "S_ISUID|");
	if (mode & S_ISGID)
		sb_puts(&sb, "S_ISGID|");
	if (mode & S_ISVTX)
		sb_puts(&sb, "S_ISVTX|");
	sb_printf(&sb, "%#03o", mode & 0777);
	emit_named(tp, sb.buf, mode, XFMT_OCT);
	sb_free(&sb);
}

void print_dev(struct tracee *tp, unsigned long long dev)
{
	char text[64];

	snprintf(text, sizeof(text), "makedev(%#x, %#x)", major(dev),
		 minor(dev));
	emit_named(tp, text, (int64_t)dev, XFMT_HEX);
}

void print_path(struct tracee *tp, unsigned long addr)
{
	char buf[PATH_MAX + 1];
	bool terminated;
	long n;

	if (!addr) {
		emit_ptr(tp, 0);
		return;
	}
	n = mem_read_str(tp->pid, addr, buf, PATH_MAX - 1, &terminated);
	if (n < 0)
		emit_ptr(tp, addr);
	else
		emit_bytes(tp, buf, n, terminated ? 0 : QUOTE_ELLIPSIS);
}

void print_str_max(struct tracee *tp, unsigned long addr, size_t max)
{
	char stackbuf[256];
	char *buf = max < sizeof(stackbuf) ? stackbuf : malloc(max + 1);
	bool terminated;
	long n;

	if (!addr) {
		emit_ptr(tp, 0);
	} else if (!buf) {
		emit_ptr(tp, addr);
	} else {
		n = mem_read_str(tp->pid, addr, buf, max, &terminated);
		if (n < 0)
			emit_ptr(tp, addr);
		else
			emit_bytes(tp, buf, n, terminated ? 0 : QUOTE_ELLIPSIS);
	}
	if (buf != stackbuf)
		free(buf);
}

void print_str(struct tracee *tp, unsigned long addr)
{
	print_str_max(tp, addr, opt.max_strlen);
}

void print_buf(struct tracee *tp, unsigned long addr, unsigned long len,
	       unsigned style)
{
	size_t max = (size_t)opt.max_strlen;
	size_t n = len < max ? len : max;
	char stackbuf[256];
	char *buf = n <= sizeof(stackbuf) ? stackbuf : malloc(n);

	if (!addr) {
		emit_ptr(tp, 0);
	} else if (!buf || mem_read(tp->pid, addr, buf, n) < 0) {
		emit_ptr(tp, addr);
	} else {
		if (len > n)
			style |= QUOTE_ELLIPSIS;
		emit_bytes(tp, buf, n, style);
	}
	if (buf != stackbuf)
		free(buf);
}

void print_array(struct tracee *tp, unsigned long addr, unsigned long n,
		 void *elem, size_t size, array_elem_fn each, void *ctx)
{
	if (n && !fetch_or_addr(tp, addr, elem, size))
		return;
	emit_array_begin(tp);
	for (unsigned long i = 0; i < n; i++) {
		if (i >= (unsigned long)opt.max_strlen) {
			emit_ellipsis(tp);
			break;
		}
		if (i && !fetch(tp, addr + i * size, elem, size)) {
			/* strace says where memory ended. */
			emit_ellipsis(tp);
			emit_comment(tp, "%#lx", addr + i * size);
			break;
		}
		each(tp, elem, i, ctx);
	}
	emit_array_end(tp);
}

void print_num_at(struct tracee *tp, unsigned long addr, size_t size, bool sign)
{
	union {
		int16_t s16;
		uint16_t u16;
		int32_t s32;
		uint32_t u32;
		int64_t s64;
		uint64_t u64;
	} v;

	if (size != 2 && size != 4 && size != 8) {
		emit_ptr(tp, addr);
		return;
	}
	if (!fetch_or_addr(tp, addr, &v, size))
		return;
	emit_array_begin(tp);
	if (size == 2)
		sign ? emit_int(tp, v.s16) : emit_uint(tp, v.u16);
	else if (size == 4)
		sign ? emit_int(tp, v.s32) : emit_uint(tp, v.u32);
	else
		sign ? emit_int(tp, v.s64) : emit_uint(tp, v.u64);
	emit_array_end(tp);
}

void print_int_at(struct tracee *tp, unsigned long addr)
{
	print_num_at(tp, addr, sizeof(int), true);
}

static void print_id(struct tracee *tp, unsigned long v)
{
	if ((unsigned int)v == (unsigned int)-1)
		emit_int(tp, -1);
	else
		emit_uint(tp, (unsigned int)v);
}

static unsigned long arg_len(const struct tracee *tp, const struct argspec *a)
{
	if (a->len == LEN_RVAL)
		return tp->rval;
	if (a->len >= 0 && a->len < 6)
		return tp->args[a->len];
	return 0;
}

void print_arg(struct tracee *tp, int i)
{
	const struct argspec *a = &tp->se->args[i];
	unsigned long v = tp->args[i];

	if (a->type == ARG_iovec) {
		print_iovec_arg(tp, v, arg_len(tp, a), a->dir != DIR_IN);
		return;
	}
	if (a->dir != DIR_IN && syserr(tp)) {
		emit_ptr(tp, v);
		return;
	}
	switch (a->type) {
	case ARG_int:
	case ARG_pid:
		print_pid(tp, (int)v);
		break;
	case ARG_uint:
		emit_uint(tp, (unsigned int)v);
		break;
	case ARG_long:
		emit_int(tp, (long)v);
		break;
	case ARG_ulong:
		emit_uint(tp, v);
		break;
	case ARG_hex:
		emit_hex(tp, v);
		break;
	case ARG_oct:
		emit_oct(tp, (unsigned int)v);
		break;
	case ARG_fd:
		print_fd(tp, (int)v);
		break;
	case ARG_dirfd:
		print_dirfd(tp, (int)v);
		break;
	case ARG_uid:
	case ARG_gid:
		print_id(tp, v);
		break;
	case ARG_sig:
		print_signal(tp, (int)v);
		break;
	case ARG_clockid:
		emit_enum(tp, &xlat_clocks, (unsigned int)v);
		break;
	case ARG_flags:
		emit_flags(tp, a->xlat, (unsigned int)v);
		break;
	case ARG_enum:
		emit_enum(tp, a->xlat, (uint64_t)(int64_t)(int)v);
		break;
	case ARG_mode_t:
		print_mode(tp, (unsigned int)v);
		break;
	case ARG_path:
		print_path(tp, v);
		break;
	case ARG_str:
		print_str(tp, v);
		break;
	case ARG_buf:
		print_buf(tp, v, arg_len(tp, a), 0);
		break;
	case ARG_hexbuf:
		print_buf(tp, v, arg_len(tp, a), QUOTE_HEX_ALL);
		break;
	case ARG_strarray:
		print_strarray(tp, v);
		break;
	case ARG_envp:
		print_envp(tp, v);
		break;
	case ARG_stat:
		print_stat(tp, v);
		break;
	case ARG_statx:
		print_statx(tp, v);
		break;
	case ARG_statfs:
		print_statfs(tp, v);
		break;
	case ARG_dirents:
		print_dirents(tp, v);
		break;
	case ARG_rlimit:
	case ARG_rlimit64:
		print_rlimit(tp, v);
		break;
	case ARG_timespec:
		print_timespec(tp, v);
		break;
	case ARG_sockaddr:
		print_sockaddr(tp, v, arg_len(tp, a));
		break;
	case ARG_sigset:
		print_sigset(tp, v, arg_len(tp, a));
		break;
	case ARG_sigaction:
		print_sigaction(tp, v);
		break;
	case ARG_intptr:
		print_int_at(tp, v);
		break;
	case ARG_wstatus:
		print_wstatus(tp, v);
		break;
	case ARG_rusage:
		print_rusage(tp, v);
		break;
	case ARG_utsname:
		print_utsname(tp, v);
		break;
	case ARG_sysinfo:
		print_sysinfo(tp, v);
		break;
	case ARG_cpuset:
		print_cpuset(tp, v, arg_len(tp, a));
		break;
	case ARG_sched_param:
		print_int_at(tp, v);
		break;
	case ARG_int2:
		print_int2(tp, v);
		break;
	case ARG_loff:
		print_loff(tp, v);
		break;
	case ARG_epoll_event:
		print_epoll_event(tp, v);
		break;
	case ARG_timeval:
		print_timeval(tp, v);
		break;
	case ARG_itimerspec:
		print_itimerspec(tp, v);
		break;
	case ARG_itimerval:
		print_itimerval(tp, v);
		break;
	case ARG_timezone:
		print_timezone(tp, v);
		break;
	case ARG_tms:
		print_tms(tp, v);
		break;
	case ARG_sigevent:
		print_sigevent(tp, v);
		break;
	case ARG_timex:
		print_timex(tp, v);
		break;
	case ARG_utimespec2:
		print_utimespec2(tp, v);
		break;
	case ARG_utimeval2:
		print_utimeval2(tp, v);
		break;
	case ARG_utimbuf:
		print_utimbuf(tp, v);
		break;
	case ARG_mq_attr:
		print_mq_attr(tp, v);
		break;
	case ARG_siginfo:
		print_siginfo_at(tp, v);
		break;
	case ARG_stack_t:
		print_stack_t(tp, v);
		break;
	default:
		/* Not decoded yet: the address, as strace prints a pointer. */
		emit_ptr(tp, v);
		break;
	}
}

void print_raw_args(struct tracee *tp)
{
	for (int i = 0; i < 6; i++)
		emit_hex(tp, tp->args[i]);
}

int decode_generic(struct tracee *tp, int exiting)
{
	const struct sysent *se = tp->se;
	int i;

	if (!exiting) {
		for (i = 0; i < se->nargs; i++) {
			if (se->args[i].dir != DIR_IN) {
				tp->argi = i;
				return DEC_MORE;
			}
			print_arg(tp, i);
		}
		return DEC_DONE;
	}
	for (i = tp->argi; i < se->nargs; i++)
		print_arg(tp, i);
	return se->ret;
}
