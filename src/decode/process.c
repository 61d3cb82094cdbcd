/* Processes: execve, clone, resource limits, arch_prctl. */
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>

#include "decode.h"
#include "signame.h"

#define STRARRAY_MAX_ITEMS (1 << 20)

/* ["ls", "-la"]: at most -s elements, like strace. */
void print_strarray(struct tracee *tp, unsigned long addr)
{
	unsigned long ptr;
	unsigned int n;

	if (!fetch_or_addr(tp, addr, &ptr, sizeof(ptr)))
		return;
	emit_array_begin(tp);
	for (n = 0; ptr; n++) {
		if (n >= (unsigned int)opt.max_strlen) {
			emit_ellipsis(tp);
			break;
		}
		print_str(tp, ptr);
		if (!fetch(tp, addr + (n + 1) * sizeof(ptr), &ptr,
			   sizeof(ptr))) {
			emit_hex(tp, addr + (n + 1) * sizeof(ptr));
			break;
		}
	}
	emit_array_end(tp);
}

/* Without -v strace counts the environment instead of printing it. */
void print_envp(struct tracee *tp, unsigned long addr)
{
	unsigned long ptr;
	unsigned int n = 0;

	if (verbose(tp)) {	/* -v: the environment itself */
		print_strarray(tp, addr);
		return;
	}
	emit_ptr(tp, addr);
	if (!addr)
		return;
	for (;;) {
		if (!fetch(tp, addr + n * sizeof(ptr), &ptr, sizeof(ptr)))
			return;
		if (!ptr || n >= STRARRAY_MAX_ITEMS)
			break;
		n++;
	}
	emit_comment(tp, "%u var%s", n, n == 1 ? "" : "s");
}

int decode_execve(struct tracee *tp, int exiting)
{
	print_path(tp, tp->args[0]);
	print_strarray(tp, tp->args[1]);
	print_envp(tp, tp->args[2]);
	return DEC_DONE;
}

int decode_execveat(struct tracee *tp, int exiting)
{
	print_dirfd(tp, (int)tp->args[0]);
	print_path(tp, tp->args[1]);
	print_strarray(tp, tp->args[2]);
	print_envp(tp, tp->args[3]);
	emit_flags(tp, &xlat_at_flags, (unsigned int)tp->args[4]);
	return DEC_DONE;
}

static void print_rlim_value(struct tracee *tp, unsigned long long v)
{
	char mul[32];

	if (v == ~0ULL) {
		emit_named(tp, "RLIM64_INFINITY", (int64_t)v, XFMT_UDEC);
	} else if (v && v % 1024 == 0) {
		snprintf(mul, sizeof(mul), "%llu*1024", v / 1024);
		emit_named(tp, mul, (int64_t)v, XFMT_UDEC);
	} else
		emit_uint(tp, v);
}

void print_rlimit(struct tracee *tp, unsigned long addr)
{
	unsigned long long rl[2];

	if (!fetch_or_addr(tp, addr, rl, sizeof(rl)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "rlim_cur");
	print_rlim_value(tp, rl[0]);
	emit_field(tp, "rlim_max");
	print_rlim_value(tp, rl[1]);
	emit_struct_end(tp);
}

void print_timespec(struct tracee *tp, unsigned long addr)
{
	long long ts[2];

	if (fetch_or_addr(tp, addr, ts, sizeof(ts)))
		print_timespec_val(tp, ts);
}

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

int decode_arch_prctl(struct tracee *tp, int exiting)
{
	unsigned int code = tp->args[0];

	if (!exiting) {
		emit_enum(tp, &xlat_arch_prctl_codes, code);
		if (code == ARCH_GET_FS || code == ARCH_GET_GS)
			return DEC_MORE;
		emit_hex(tp, tp->args[1]);
		return DEC_DONE;
	}
	if (syserr(tp)) {
		emit_ptr(tp, tp->args[1]);
	} else {
		unsigned long v;

		if (fetch(tp, tp->args[1], &v, sizeof(v))) {
			emit_array_begin(tp);
			emit_hex(tp, v);
			emit_array_end(tp);
		} else {
			emit_ptr(tp, tp->args[1]);
		}
	}
	return RET_DEC;
}

/* x86-64 order: clone(flags, stack, parent_tid, child_tid, tls). */
int decode_clone(struct tracee *tp, int exiting)
{
	unsigned long flags = tp->args[0];
	unsigned int sig = flags & 0xff;

	if (exiting)
		return RET_PID;
	emit_field(tp, "child_stack");
	emit_ptr(tp, tp->args[1]);
	emit_field(tp, "flags");
	if (sig && (flags & ~0xffUL)) {
		struct strbuf sb = { 0 };

		xlat_format_flags(&sb, &xlat_clone_flags, flags & ~0xffUL);
		sb_printf(&sb, "|%s", signame(sig));
		emit_sym(tp, sb.buf);
		sb_free(&sb);
	} else if (sig) {
		print_signal(tp, sig);
	} else {
		emit_flags(tp, &xlat_clone_flags, flags);
	}
	if (flags & CLONE_PARENT_SETTID) {
		emit_field(tp, "parent_tid");
		emit_ptr(tp, tp->args[2]);
	}
	if (flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		emit_field(tp, "child_tidptr");
		emit_ptr(tp, tp->args[3]);
	}
	if (flags & CLONE_SETTLS) {
		emit_field(tp, "tls");
		emit_ptr(tp, tp->args[4]);
	}
	return DEC_DONE;
}

/* struct clone_args, as far as the kernel of the day defines it. */
struct k_clone_args {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal;
	uint64_t stack, stack_size, tls, set_tid, set_tid_size, cgroup;
};

#ifndef CLONE_PIDFD
# define CLONE_PIDFD 0x00001000
#endif
#ifndef CLONE_INTO_CGROUP
# define CLONE_INTO_CGROUP 0x200000000ULL
#endif

static bool fetch_clone_args(struct tracee *tp, struct k_clone_args *ca)
{
	size_t size = tp->args[1];

	memset(ca, 0, sizeof(*ca));
	if (size < 64) /* CLONE_ARGS_SIZE_VER0 */
		return false;
	if (size > sizeof(*ca))
		size = sizeof(*ca);
	return fetch(tp, tp->args[0], ca, size);
}

static void print_tid_at(struct tracee *tp, const char *field, uint64_t addr)
{
	emit_field(tp, field);
	print_int_at(tp, addr);
}

/*
 * clone3({flags=..., child_tid=..., ...} => {parent_tid=[N]}, 88): the
 * structure on entry, and what the kernel wrote into it on exit.
 */
int decode_clone3(struct tracee *tp, int exiting)
{
	struct k_clone_args ca;

	if (!fetch_clone_args(tp, &ca)) {
		if (exiting)
			return RET_PID;
		emit_ptr(tp, tp->args[0]);
		emit_uint(tp, tp->args[1]);
		return DEC_DONE;
	}
	if (exiting) {
		if (!syserr(tp) &&
		    (ca.flags & (CLONE_PIDFD | CLONE_PARENT_SETTID))) {
			emit_arrow(tp);
			emit_struct_begin(tp);
			if (ca.flags & CLONE_PIDFD)
				print_tid_at(tp, "pidfd", ca.pidfd);
			if (ca.flags & CLONE_PARENT_SETTID)
				print_tid_at(tp, "parent_tid", ca.parent_tid);
			emit_struct_end(tp);
		}
		emit_uint(tp, tp->args[1]);
		return RET_PID;
	}
	emit_struct_begin(tp);
	emit_field(tp, "flags");
	emit_flags(tp, &xlat_clone_flags, ca.flags);
	if (ca.flags & CLONE_PIDFD) {
		emit_field(tp, "pidfd");
		emit_ptr(tp, ca.pidfd);
	}
	if (ca.flags & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		emit_field(tp, "child_tid");
		emit_ptr(tp, ca.child_tid);
	}
	if (ca.flags & CLONE_PARENT_SETTID) {
		emit_field(tp, "parent_tid");
		emit_ptr(tp, ca.parent_tid);
	}
	emit_field(tp, "exit_signal");
	if (ca.exit_signal)
		print_signal(tp, (int)ca.exit_signal);
	else
		emit_uint(tp, 0);
	emit_field(tp, "stack");
	emit_ptr(tp, ca.stack);
	emit_field(tp, "stack_size");
	emit_hex(tp, ca.stack_size);
	if (ca.flags & CLONE_SETTLS) {
		emit_field(tp, "tls");
		emit_ptr(tp, ca.tls);
	}
	if (ca.set_tid_size) {
		emit_field(tp, "set_tid");
		emit_ptr(tp, ca.set_tid);
		emit_field(tp, "set_tid_size");
		emit_uint(tp, ca.set_tid_size);
	}
	if (ca.flags & CLONE_INTO_CGROUP) {
		emit_field(tp, "cgroup");
		emit_uint(tp, ca.cgroup);
	}
	emit_struct_end(tp);
	return DEC_INOUT;
}

/* [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], as strace spells a status. */
static void format_wstatus(struct strbuf *sb, int s)
{
	unsigned int event = (unsigned int)s >> 16;

	if (WIFSTOPPED(s)) {
		sb_printf(sb, "{WIFSTOPPED(s) && WSTOPSIG(s) == %s}",
			  signame(WSTOPSIG(s)));
	} else if (WIFSIGNALED(s)) {
		sb_printf(sb, "{WIFSIGNALED(s) && WTERMSIG(s) == %s%s}",
			  signame(WTERMSIG(s)),
			  WCOREDUMP(s) ? " && WCOREDUMP(s)" : "");
	} else if (WIFEXITED(s)) {
		sb_printf(sb, "{WIFEXITED(s) && WEXITSTATUS(s) == %d}",
			  WEXITSTATUS(s));
		event = 0;
	} else if (WIFCONTINUED(s)) {
		sb_puts(sb, "{WIFCONTINUED(s)}");
		event = 0;
	} else {
		sb_printf(sb, "%#x", (unsigned int)s);
		return;
	}
	if (event) {
		const char *name = xlat_name(&xlat_ptrace_events, event);

		if (name)
			sb_printf(sb, " | %s << 16", name);
		else
			sb_printf(sb, " | %#x", event << 16);
	}
}

void print_wstatus(struct tracee *tp, unsigned long addr)
{
	struct strbuf sb = { 0 };
	int s;

	/* Nothing was written when no child had changed state. */
	if (!tp->rval || !fetch_or_addr(tp, addr, &s, sizeof(s))) {
		if (!tp->rval)
			emit_ptr(tp, addr);
		return;
	}
	format_wstatus(&sb, s);
	emit_array_begin(tp);
	emit_sym(tp, sb.buf);
	emit_array_end(tp);
	sb_free(&sb);
}

/* Without -v strace shows the times only. */
void print_rusage(struct tracee *tp, unsigned long addr)
{
	struct rusage ru;

	if (!fetch_or_addr(tp, addr, &ru, sizeof(ru)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "ru_utime");
	print_timeval_val(tp, ru.ru_utime.tv_sec, ru.ru_utime.tv_usec);
	emit_field(tp, "ru_stime");
	print_timeval_val(tp, ru.ru_stime.tv_sec, ru.ru_stime.tv_usec);
	emit_ellipsis(tp);
	emit_struct_end(tp);
}

static void print_cstring_field(struct tracee *tp, const char *name,
				const char *s, size_t size)
{
	emit_field(tp, name);
	emit_bytes(tp, s, strnlen(s, size), 0);
}

void print_utsname(struct tracee *tp, unsigned long addr)
{
	struct utsname u;

	if (!fetch_or_addr(tp, addr, &u, sizeof(u)))
		return;
	emit_struct_begin(tp);
	print_cstring_field(tp, "sysname", u.sysname, sizeof(u.sysname));
	print_cstring_field(tp, "nodename", u.nodename, sizeof(u.nodename));
	emit_ellipsis(tp);
	emit_struct_end(tp);
}

void print_sysinfo(struct tracee *tp, unsigned long addr)
{
	struct sysinfo si;

	if (!fetch_or_addr(tp, addr, &si, sizeof(si)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "uptime");
	emit_int(tp, si.uptime);
	emit_field(tp, "loads");
	emit_array_begin(tp);
	for (int i = 0; i < 3; i++)
		emit_uint(tp, si.loads[i]);
	emit_array_end(tp);
	emit_field(tp, "totalram");
	emit_uint(tp, si.totalram);
	emit_field(tp, "freeram");
	emit_uint(tp, si.freeram);
	emit_field(tp, "sharedram");
	emit_uint(tp, si.sharedram);
	emit_field(tp, "bufferram");
	emit_uint(tp, si.bufferram);
	emit_field(tp, "totalswap");
	emit_uint(tp, si.totalswap);
	emit_field(tp, "freeswap");
	emit_uint(tp, si.freeswap);
	emit_field(tp, "procs");
	emit_uint(tp, si.procs);
	emit_field(tp, "totalhigh");
	emit_uint(tp, si.totalhigh);
	emit_field(tp, "freehigh");
	emit_uint(tp, si.freehigh);
	emit_field(tp, "mem_unit");
	emit_uint(tp, si.mem_unit);
	emit_struct_end(tp);
}

#define CPUSET_MAX (1024 * 1024)

/* [0 1 5]: the CPUs in a mask of SIZE bytes. */
void print_cpuset(struct tracee *tp, unsigned long addr, unsigned long size)
{
	struct strbuf sb = { 0 };
	unsigned char *set;
	unsigned int n = 0;

	if (size > CPUSET_MAX || !(set = malloc(size ? size : 1))) {
		emit_ptr(tp, addr);
		return;
	}
	if (!fetch_or_addr(tp, addr, set, size)) {
		free(set);
		return;
	}
	sb_putc(&sb, '[');
	for (unsigned long i = 0; i < size * 8; i++) {
		if (!(set[i / 8] & (1U << (i % 8))))
			continue;
		sb_printf(&sb, n++ ? " %lu" : "%lu", i);
	}
	sb_putc(&sb, ']');
	emit_sym(tp, sb.buf);
	sb_free(&sb);
	free(set);
}

#define NGROUPS_MAX_KERNEL 65536

/* [0, 1, -1]: at most -s of them, like strace's arrays. */
static void print_gid_elem(struct tracee *tp, const void *elem,
			   unsigned long i, void *ctx)
{
	unsigned int g = *(const unsigned int *)elem;

	if (g == (unsigned int)-1)
		emit_int(tp, -1);
	else
		emit_uint(tp, g);
}

static void print_gids(struct tracee *tp, unsigned long addr,
		       unsigned long count)
{
	unsigned int g;

	if (!addr || count > NGROUPS_MAX_KERNEL)
		emit_ptr(tp, addr);
	else
		print_array(tp, addr, count, &g, sizeof(g), print_gid_elem,
			    NULL);
}

int decode_getgroups(struct tracee *tp, int exiting)
{
	unsigned long size = (unsigned int)tp->args[0];

	if (!exiting) {
		emit_int(tp, (int)tp->args[0]);
		return DEC_MORE;
	}
	if (syserr(tp))
		emit_ptr(tp, tp->args[1]);
	else
		print_gids(tp, tp->args[1], size ? (unsigned long)tp->rval : 0);
	return RET_DEC;
}

int decode_setgroups(struct tracee *tp, int exiting)
{
	emit_int(tp, (int)tp->args[0]);
	print_gids(tp, tp->args[1], (unsigned int)tp->args[0]);
	return DEC_DONE;
}

struct k_cap_header {
	uint32_t version;
	int pid;
};

struct k_cap_data {
	uint32_t effective, permitted, inheritable;
};

#define CAP_V1 0x19980330

static bool fetch_cap_header(struct tracee *tp, struct k_cap_header *h)
{
	return fetch(tp, tp->args[0], h, sizeof(*h));
}

static void print_cap_header(struct tracee *tp)
{
	struct k_cap_header h;

	if (!fetch_or_addr(tp, tp->args[0], &h, sizeof(h)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "version");
	emit_enum(tp, &xlat_cap_versions, h.version);
	emit_field(tp, "pid");
	emit_int(tp, h.pid);
	emit_struct_end(tp);
}

static void print_cap_set(struct tracee *tp, const char *name, uint32_t lo,
			  uint32_t hi)
{
	struct strbuf sb = { 0 };

	emit_field(tp, name);
	if (lo || !hi)
		xlat_format_flags(&sb, &xlat_cap_mask0, lo);
	if (hi) {
		if (lo)
			sb_putc(&sb, '|');
		xlat_format_flags(&sb, &xlat_cap_mask1, hi);
	}
	emit_sym(tp, sb.buf);
	sb_free(&sb);
}

/* Version 1 has one 32-bit word per set, versions 2 and 3 two. */
static void print_cap_data(struct tracee *tp, unsigned long addr)
{
	struct k_cap_header h = { 0 };
	struct k_cap_data d[2] = { 0 };
	size_t n;

	if (!fetch_cap_header(tp, &h)) {
		emit_ptr(tp, addr);
		return;
	}
	n = h.version == CAP_V1 ? 1 : 2;
	if (!fetch_or_addr(tp, addr, d, n * sizeof(d[0])))
		return;
	emit_struct_begin(tp);
	print_cap_set(tp, "effective", d[0].effective, d[1].effective);
	print_cap_set(tp, "permitted", d[0].permitted, d[1].permitted);
	print_cap_set(tp, "inheritable", d[0].inheritable, d[1].inheritable);
	emit_struct_end(tp);
}

int decode_capget(struct tracee *tp, int exiting)
{
	if (!exiting) {
		print_cap_header(tp);
		return DEC_MORE;
	}
	if (syserr(tp))
		emit_ptr(tp, tp->args[1]);
	else
		print_cap_data(tp, tp->args[1]);
	return RET_DEC;
}

int decode_capset(struct tracee *tp, int exiting)
{
	print_cap_header(tp);
	print_cap_data(tp, tp->args[1]);
	return DEC_DONE;
}

int decode_personality(struct tracee *tp, int exiting)
{
	unsigned int v = tp->args[0];

	if (v == 0xffffffff)
		emit_hex(tp, v);
	else
		emit_flags(tp, &xlat_personality_flags, v);
	return DEC_DONE;
}
