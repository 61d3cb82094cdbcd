/* Processes: execve, clone, resource limits, arch_prctl. */
#include <sched.h>
#include <stdint.h>
#include <string.h>

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
	if (v == ~0ULL)
		emit_sym(tp, "RLIM64_INFINITY");
	else if (v && v % 1024 == 0)
		emit_symf(tp, "%llu*1024", v / 1024);
	else
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

	if (!fetch_or_addr(tp, addr, ts, sizeof(ts)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "tv_sec");
	emit_int(tp, ts[0]);
	emit_field(tp, "tv_nsec");
	emit_int(tp, ts[1]);
	emit_struct_end(tp);
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
		return RET_DEC;
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
	if (size < 64)	/* CLONE_ARGS_SIZE_VER0 */
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
			return RET_DEC;
		emit_ptr(tp, tp->args[0]);
		emit_uint(tp, tp->args[1]);
		return DEC_DONE;
	}
	if (exiting) {
		if (!syserr(tp) && (ca.flags & (CLONE_PIDFD | CLONE_PARENT_SETTID))) {
			emit_arrow(tp);
			emit_struct_begin(tp);
			if (ca.flags & CLONE_PIDFD)
				print_tid_at(tp, "pidfd", ca.pidfd);
			if (ca.flags & CLONE_PARENT_SETTID)
				print_tid_at(tp, "parent_tid", ca.parent_tid);
			emit_struct_end(tp);
		}
		emit_uint(tp, tp->args[1]);
		return RET_DEC;
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
