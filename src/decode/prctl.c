/*
 * prctl: what the other arguments are depends on the option, and strace
 * prints only the ones the option uses.
 */
#include <limits.h>
#include <sys/prctl.h>

#include "decode.h"

#ifndef PR_SET_VMA
# define PR_SET_VMA 0x53564d41
#endif
#ifndef PR_SCHED_CORE
# define PR_SCHED_CORE 62
#endif
#ifndef PR_SET_SYSCALL_USER_DISPATCH
# define PR_SET_SYSCALL_USER_DISPATCH 59
#endif
#ifndef PR_PAC_SET_ENABLED_KEYS
# define PR_PAC_SET_ENABLED_KEYS 60
# define PR_PAC_GET_ENABLED_KEYS 61
#endif
#ifndef PR_SME_SET_VL
# define PR_SME_SET_VL 63
# define PR_SME_GET_VL 64
#endif

#define SECCOMP_MODE_FILTER_ 2
#define PR_SET_VMA_ANON_NAME_ 0

static void print_hex_from(struct tracee *tp, int first)
{
	for (int i = first; i < 5; i++)
		emit_hex(tp, tp->args[i]);
}

static void print_sig_value(struct tracee *tp, unsigned long v)
{
	if (v <= INT_MAX)
		print_signal(tp, (int)v);
	else
		emit_uint(tp, v);
}

/* struct sock_fprog: {len=N, filter=0x...} without -v. */
void print_sock_fprog(struct tracee *tp, unsigned long addr)
{
	struct {
		unsigned short len;
		unsigned long filter;
	} prog;

	if (!fetch_or_addr(tp, addr, &prog, sizeof(prog)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "len");
	emit_uint(tp, prog.len);
	emit_field(tp, "filter");
	emit_ptr(tp, prog.filter);
	emit_struct_end(tp);
}

static void print_out_value(struct tracee *tp, unsigned int option)
{
	unsigned long addr = tp->args[1];
	unsigned long v = 0;
	int i;

	if (syserr(tp) || !addr) {
		emit_ptr(tp, addr);
		return;
	}
	switch (option) {
	case PR_GET_NAME:
		print_str_max(tp, addr, 15);
		return;
	case PR_GET_TID_ADDRESS:
		if (!fetch_or_addr(tp, addr, &v, sizeof(v)))
			return;
		emit_array_begin(tp);
		emit_ptr(tp, v);
		emit_array_end(tp);
		return;
	}
	if (!fetch_or_addr(tp, addr, &i, sizeof(i)))
		return;
	emit_array_begin(tp);
	switch (option) {
	case PR_GET_PDEATHSIG:
		print_signal(tp, i);
		break;
	case PR_GET_TSC:
		emit_enum(tp, &xlat_pr_tsc, (unsigned int)i);
		break;
	default:
		emit_int(tp, i);
		break;
	}
	emit_array_end(tp);
}

static bool is_output_option(unsigned int option)
{
	switch (option) {
	case PR_GET_PDEATHSIG:
	case PR_GET_UNALIGN:
	case PR_GET_FPEMU:
	case PR_GET_FPEXC:
	case PR_GET_NAME:
	case PR_GET_ENDIAN:
	case PR_GET_TSC:
	case PR_GET_CHILD_SUBREAPER:
	case PR_GET_TID_ADDRESS:
		return true;
	}
	return false;
}

static void print_cap_ambient(struct tracee *tp)
{
	unsigned long op = tp->args[1];

	emit_enum(tp, &xlat_pr_cap_ambient, op);
	switch (op) {
	case PR_CAP_AMBIENT_IS_SET:
	case PR_CAP_AMBIENT_RAISE:
	case PR_CAP_AMBIENT_LOWER:
		emit_enum(tp, &xlat_capabilities, tp->args[2]);
		print_hex_from(tp, 3);
		break;
	default:
		print_hex_from(tp, 2);
		break;
	}
}

static void print_input(struct tracee *tp, unsigned int option)
{
	unsigned long *a = tp->args;

	switch (option) {
	case PR_GET_DUMPABLE:
	case PR_GET_KEEPCAPS:
	case PR_GET_TIMING:
	case PR_GET_SECCOMP:
	case PR_GET_SECUREBITS:
	case PR_GET_TIMERSLACK:
	case PR_TASK_PERF_EVENTS_DISABLE:
	case PR_TASK_PERF_EVENTS_ENABLE:
	case PR_GET_FP_MODE:
	case PR_SVE_GET_VL:
	case PR_SME_GET_VL:
		break;
	case PR_SET_PDEATHSIG:
		print_sig_value(tp, a[1]);
		break;
	case PR_SET_DUMPABLE:
		emit_enum(tp, &xlat_suid_dump, a[1]);
		break;
	case PR_SET_KEEPCAPS:
	case PR_SET_FPEMU:
	case PR_SET_FPEXC:
	case PR_SET_TIMING:
	case PR_SET_ENDIAN:
	case PR_SET_CHILD_SUBREAPER:
		emit_uint(tp, a[1]);
		break;
	case PR_SET_TIMERSLACK:
		emit_int(tp, (long)a[1]);
		break;
	case PR_SET_NAME:
		print_str_max(tp, a[1], 15);
		break;
	case PR_SET_UNALIGN:
		emit_flags(tp, &xlat_pr_unalign, (unsigned int)a[1]);
		break;
	case PR_SET_FP_MODE:
		emit_flags(tp, &xlat_pr_fp_mode, (unsigned int)a[1]);
		break;
	case PR_SET_TSC:
		emit_enum(tp, &xlat_pr_tsc, (unsigned int)a[1]);
		break;
	case PR_SET_SECCOMP:
		emit_enum(tp, &xlat_seccomp_mode, a[1]);
		if (a[1] == SECCOMP_MODE_FILTER_)
			print_sock_fprog(tp, a[2]);
		else if (a[1] != 1)
			print_hex_from(tp, 2);
		break;
	case PR_CAPBSET_READ:
	case PR_CAPBSET_DROP:
		emit_enum(tp, &xlat_capabilities, a[1]);
		break;
	case PR_SET_SECUREBITS:
		emit_flags(tp, &xlat_securebits, a[1]);
		break;
	case PR_MCE_KILL:
		emit_enum(tp, &xlat_pr_mce_kill, a[1]);
		if (a[1] == PR_MCE_KILL_SET) {
			emit_enum(tp, &xlat_pr_mce_kill_policy, a[2]);
			print_hex_from(tp, 3);
		} else {
			print_hex_from(tp, 2);
		}
		break;
	case PR_SET_MM:
		emit_enum(tp, &xlat_pr_set_mm, (unsigned int)a[1]);
		print_hex_from(tp, 2);
		break;
	case PR_SET_NO_NEW_PRIVS:
	case PR_SET_THP_DISABLE:
	case PR_SET_IO_FLUSHER:
		emit_uint(tp, a[1]);
		print_hex_from(tp, 2);
		break;
	case PR_CAP_AMBIENT:
		print_cap_ambient(tp);
		break;
	case PR_GET_SPECULATION_CTRL:
		emit_enum(tp, &xlat_pr_spec_which, a[1]);
		break;
	case PR_SET_SPECULATION_CTRL:
		emit_enum(tp, &xlat_pr_spec_which, a[1]);
		if (xlat_name(&xlat_pr_spec_which, a[1]))
			emit_enum(tp, &xlat_pr_spec_value, a[2]);
		else
			emit_hex(tp, a[2]);
		break;
	case PR_SET_PTRACER:
		if ((int)a[1] == -1)
			emit_sym(tp, "PR_SET_PTRACER_ANY");
		else
			emit_int(tp, (long)a[1]);
		break;
	case PR_SET_VMA:
		emit_enum(tp, &xlat_pr_set_vma, (unsigned int)a[1]);
		if (a[1] == PR_SET_VMA_ANON_NAME_) {
			emit_ptr(tp, a[2]);
			emit_uint(tp, a[3]);
			print_str(tp, a[4]);
		} else {
			print_hex_from(tp, 2);
		}
		break;
	case PR_SET_SYSCALL_USER_DISPATCH:
		emit_enum(tp, &xlat_pr_sys_dispatch, a[1]);
		emit_hex(tp, a[2]);
		emit_hex(tp, a[3]);
		if (xlat_name(&xlat_pr_sys_dispatch, a[1]))
			emit_ptr(tp, a[4]);
		else
			emit_hex(tp, a[4]);
		break;
	case PR_SCHED_CORE:
		emit_enum(tp, &xlat_pr_sched_core, (unsigned int)a[1]);
		emit_int(tp, (int)a[2]);
		emit_hex(tp, (unsigned int)a[3]);
		emit_comment(tp, "%s",
			     xlat_name(&xlat_pidtypes, (unsigned int)a[3])
				     ?: "PIDTYPE_???");
		emit_ptr(tp, a[4]);
		break;
	case PR_PAC_RESET_KEYS:
		emit_flags(tp, &xlat_pr_pac_keys, a[1]);
		print_hex_from(tp, 2);
		break;
	case PR_PAC_SET_ENABLED_KEYS:
		emit_flags(tp, &xlat_pr_pac_keys, a[1]);
		emit_flags(tp, &xlat_pr_pac_keys, a[2]);
		print_hex_from(tp, 3);
		break;
	default:
		print_hex_from(tp, 1);
		break;
	}
}

/* The options whose result is a bit set: "= 0x11 (SECBIT_NOROOT|...)". */
static bool returns_hex(unsigned int option)
{
	return option == PR_GET_SECUREBITS || option == PR_GET_SPECULATION_CTRL;
}

int decode_prctl(struct tracee *tp, int exiting)
{
	unsigned int option = tp->args[0];

	if (exiting) {
		if (returns_hex(option))
			return RET_HEX;
		print_out_value(tp, option);
		return RET_DEC;
	}
	emit_enum(tp, &xlat_prctl_options, option);
	if (is_output_option(option))
		return DEC_MORE;
	print_input(tp, option);
	return returns_hex(option) ? DEC_INOUT : DEC_DONE;
}

#define SECCOMP_SET_MODE_FILTER_ 1

int decode_seccomp(struct tracee *tp, int exiting)
{
	emit_enum(tp, &xlat_seccomp_ops, (unsigned int)tp->args[0]);
	emit_flags(tp, &xlat_seccomp_flags, (unsigned int)tp->args[1]);
	if (tp->args[0] == SECCOMP_SET_MODE_FILTER_)
		print_sock_fprog(tp, tp->args[2]);
	else
		emit_ptr(tp, tp->args[2]);
	return DEC_DONE;
}
