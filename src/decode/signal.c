/* Signals: siginfo_t as strace prints it in "--- SIG {...} ---" lines. */
#include <errno.h>
#include <signal.h>
#include <stddef.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/user.h>

#include "decode.h"
#include "signame.h"

static const struct xlat *code_table(int sig, int code)
{
	if (code <= 0 || code == SI_KERNEL)
		return &xlat_si_codes;
	switch (sig) {
	case SIGCHLD:
		return &xlat_sigchld_codes;
	case SIGSEGV:
		return &xlat_sigsegv_codes;
	case SIGBUS:
		return &xlat_sigbus_codes;
	case SIGILL:
		return &xlat_sigill_codes;
	case SIGFPE:
		return &xlat_sigfpe_codes;
	case SIGTRAP:
		return &xlat_sigtrap_codes;
	case SIGPOLL:
		return &xlat_sigpoll_codes;
	case SIGSYS:
		return &xlat_sigsys_codes;
	}
	return &xlat_si_codes;
}

static bool is_fault(int sig)
{
	return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL ||
	       sig == SIGFPE || sig == SIGTRAP;
}

static void print_sender(struct tracee *tp, const siginfo_t *si)
{
	emit_field(tp, "si_pid");
	print_pid(tp, si->si_pid);
	emit_field(tp, "si_uid");
	emit_uint(tp, si->si_uid);
}

static void print_sigval(struct tracee *tp, const siginfo_t *si)
{
	emit_field(tp, "si_int");
	emit_int(tp, si->si_value.sival_int);
	emit_field(tp, "si_ptr");
	emit_ptr(tp, (unsigned long)si->si_value.sival_ptr);
}

/* clock_t in ticks, with the seconds when there are any (USER_HZ 100). */
static void print_ticks(struct tracee *tp, const char *field, long v)
{
	unsigned long long t = (unsigned long)v;

	emit_field(tp, field);
	emit_uint(tp, t);
	if (t)
		emit_comment(tp, "%llu.%02llu s", t / 100, t % 100);
}

#define AUDIT_ARCH_X86_64_VAL 0xc000003eU
#define AUDIT_ARCH_I386_VAL 0x40000003U
#define X32_SYSCALL_BIT 0x40000000U

/* The syscall's name when it is of our own ABI, a comment otherwise. */
static void print_sigsys_nr(struct tracee *tp, unsigned int arch, int nr)
{
	const struct sysent *se = NULL;
	bool native = false;

	if (arch == AUDIT_ARCH_X86_64_VAL) {
		native = !(nr & X32_SYSCALL_BIT);
		se = sysent_lookup(nr & ~X32_SYSCALL_BIT);
	} else if (arch == AUDIT_ARCH_I386_VAL) {
		if (nr >= 0 && (unsigned int)nr < nsysent_i386 &&
		    sysent_i386[nr].name)
			se = &sysent_i386[nr];
	}
	if (se && native) {
		emit_symf(tp, "__NR_%s", se->name);
		return;
	}
	emit_int(tp, nr);
	if (se)
		emit_comment(tp, "%s", se->name);
}

/* Fields of a signal a process sent (si_code <= 0). */
static void print_user_fields(struct tracee *tp, const siginfo_t *si)
{
	switch (si->si_code) {
	case SI_USER:
	case SI_TKILL:
		print_sender(tp, si);
		break;
	case SI_TIMER:
		emit_field(tp, "si_timerid");
		emit_hex(tp, (unsigned int)si->si_timerid);
		emit_field(tp, "si_overrun");
		emit_int(tp, si->si_overrun);
		print_sigval(tp, si);
		break;
	case SI_SIGIO:
		emit_field(tp, "si_band");
		emit_int(tp, si->si_band);
		emit_field(tp, "si_fd");
		emit_int(tp, si->si_fd);
		break;
	default:
		print_sender(tp, si);
		if (si->si_value.sival_ptr)
			print_sigval(tp, si);
		break;
	}
}

/* The kernel's _sigfault extras, after si_addr and si_addr_lsb. */
struct k_sigfault {
	int signo, errno_, code, pad;
	unsigned long addr;
	short addr_lsb;
	union {
		struct {
			unsigned long lower, upper;
		} bnd;
		unsigned int pkey;
	};
};

#ifndef SEGV_BNDERR
# define SEGV_BNDERR 3
#endif
#ifndef SEGV_PKUERR
# define SEGV_PKUERR 4
#endif
#ifndef BUS_MCEERR_AR
# define BUS_MCEERR_AR 4
# define BUS_MCEERR_AO 5
#endif

static void print_fault_fields(struct tracee *tp, const siginfo_t *si)
{
	const struct k_sigfault *f = (const void *)si;

	emit_field(tp, "si_addr");
	emit_ptr(tp, f->addr);
	if (si->si_signo == SIGSEGV && si->si_code == SEGV_BNDERR) {
		emit_field(tp, "si_lower");
		emit_ptr(tp, f->bnd.lower);
		emit_field(tp, "si_upper");
		emit_ptr(tp, f->bnd.upper);
	} else if (si->si_signo == SIGSEGV && si->si_code == SEGV_PKUERR) {
		emit_field(tp, "si_pkey");
		emit_uint(tp, f->pkey);
	} else if (si->si_signo == SIGBUS && (si->si_code == BUS_MCEERR_AR ||
					      si->si_code == BUS_MCEERR_AO)) {
		emit_field(tp, "si_addr_lsb");
		emit_hex(tp, (unsigned short)f->addr_lsb);
	}
}

/* Fields of a signal the kernel sent: they depend on the signal. */
static void print_kernel_fields(struct tracee *tp, const siginfo_t *si)
{
	int sig = si->si_signo;

	if (is_fault(sig)) {
		print_fault_fields(tp, si);
		return;
	}
	switch (sig) {
	case SIGCHLD:
		print_sender(tp, si);
		emit_field(tp, "si_status");
		if (si->si_code == CLD_EXITED)
			emit_int(tp, si->si_status);
		else
			print_signal(tp, si->si_status);
		print_ticks(tp, "si_utime", si->si_utime);
		print_ticks(tp, "si_stime", si->si_stime);
		return;
	case SIGPOLL:
		if (si->si_code >= POLL_IN && si->si_code <= POLL_HUP) {
			emit_field(tp, "si_band");
			emit_int(tp, si->si_band);
			emit_field(tp, "si_fd");
			emit_int(tp, si->si_fd);
		}
		return;
	case SIGSYS:
		emit_field(tp, "si_call_addr");
		emit_ptr(tp, (unsigned long)si->si_call_addr);
		emit_field(tp, "si_syscall");
		print_sigsys_nr(tp, si->si_arch, si->si_syscall);
		emit_field(tp, "si_arch");
		emit_enum(tp, &xlat_audit_arch, si->si_arch);
		return;
	}
	if (si->si_pid || si->si_uid)
		print_sender(tp, si);
	if (si->si_value.sival_ptr)
		print_sigval(tp, si);
}

static void print_si_code(struct tracee *tp, const siginfo_t *si)
{
	const struct xlat *x = code_table(si->si_signo, si->si_code);
	const char *name = xlat_name(x, (uint64_t)(int64_t)si->si_code);

	emit_field(tp, "si_code");
	if (name)
		emit_named(tp, name, (unsigned int)si->si_code, XFMT_HEX);
	else
		emit_hex(tp, (unsigned int)si->si_code);
}

void print_siginfo(struct tracee *tp, const siginfo_t *si)
{
	emit_struct_begin(tp);
	if (!si->si_signo) {
		emit_struct_end(tp);
		return;
	}
	emit_field(tp, "si_signo");
	print_signal(tp, si->si_signo);
	print_si_code(tp, si);
	if (si->si_errno) {
		emit_field(tp, "si_errno");
		emit_enum(tp, &xlat_errnos, (unsigned int)si->si_errno);
	}
	if (si->si_code <= 0)
		print_user_fields(tp, si);
	else
		print_kernel_fields(tp, si);
	emit_struct_end(tp);
}

void print_siginfo_at(struct tracee *tp, unsigned long addr)
{
	siginfo_t si;

	if (fetch_or_addr(tp, addr, &si, sizeof(si)))
		print_siginfo(tp, &si);
}

/*
 * A signal name inside a set: no "SIG" prefix, as strace prints it; its
 * number with -X raw and -X verbose.
 */
static const char *set_member_name(int sig)
{
	static char num[48];
	const char *name = signame(sig);

	if (strncmp(name, "SIG", 3) == 0)
		name += 3;
	if (opt.xlat_style == XLAT_RAW)
		snprintf(num, sizeof(num), "%d", sig);
	else if (opt.xlat_style == XLAT_VERBOSE)
		snprintf(num, sizeof(num), "%d /* %s */", sig, name);
	else
		return name;
	return num;
}

/* [INT QUIT], or ~[...] when more than half of the signals are in. */
void print_sigset(struct tracee *tp, unsigned long addr, unsigned long size)
{
	unsigned char set[128];
	unsigned int nbits, in = 0;
	bool complement;
	struct strbuf sb = { 0 };

	if (!size || size > sizeof(set) || !fetch(tp, addr, set, size)) {
		emit_ptr(tp, addr);
		return;
	}
	nbits = size * 8;
	for (unsigned int i = 0; i < nbits; i++)
		in += (set[i / 8] >> (i % 8)) & 1;
	complement = in > nbits / 2;
	if (complement)
		sb_putc(&sb, '~');
	sb_putc(&sb, '[');
	for (unsigned int i = 0, n = 0; i < nbits; i++) {
		bool bit = (set[i / 8] >> (i % 8)) & 1;

		if (bit == complement)
			continue;
		if (n++)
			sb_putc(&sb, ' ');
		sb_puts(&sb, set_member_name(i + 1));
	}
	sb_putc(&sb, ']');
	emit_sym(tp, sb.buf);
	sb_free(&sb);
}

/* The kernel's struct sigaction on x86-64. */
struct k_sigaction {
	unsigned long handler;
	unsigned long flags;
	unsigned long restorer;
	uint64_t mask;
};

#define K_SA_RESTORER 0x04000000UL

void print_sigaction(struct tracee *tp, unsigned long addr)
{
	struct k_sigaction sa;

	if (!fetch_or_addr(tp, addr, &sa, sizeof(sa)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "sa_handler");
	if (sa.handler == 0)
		emit_named(tp, "SIG_DFL", 0, XFMT_HEX);
	else if (sa.handler == 1)
		emit_named(tp, "SIG_IGN", 1, XFMT_HEX);
	else
		emit_ptr(tp, sa.handler);
	emit_field(tp, "sa_mask");
	print_sigset(tp, addr + offsetof(struct k_sigaction, mask),
		     sizeof(sa.mask));
	emit_field(tp, "sa_flags");
	emit_flags(tp, &xlat_sa_flags, sa.flags);
	if (sa.flags & K_SA_RESTORER) {
		emit_field(tp, "sa_restorer");
		emit_ptr(tp, sa.restorer);
	}
	emit_struct_end(tp);
}

void print_stack_t(struct tracee *tp, unsigned long addr)
{
	stack_t ss;

	if (!fetch_or_addr(tp, addr, &ss, sizeof(ss)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "ss_sp");
	emit_ptr(tp, (unsigned long)ss.ss_sp);
	emit_field(tp, "ss_flags");
	emit_flags(tp, &xlat_ss_flags, (unsigned int)ss.ss_flags);
	emit_field(tp, "ss_size");
	emit_uint(tp, ss.ss_size);
	emit_struct_end(tp);
}

/*
 * "<... resuming interrupted clock_nanosleep ...>": the call this tracee
 * made before.  strace says "read" when it has seen none (after -p).
 */
int decode_restart_syscall(struct tracee *tp, int exiting)
{
	if (exiting)
		return RET_DEC;
	emit_symf(tp, "<... resuming interrupted %s ...>",
		  tp->prev_se ? tp->prev_se->name : "read");
	return DEC_DONE;
}

/*
 * The handler returned into the restorer, which popped pretcode: the stack
 * pointer is at the struct ucontext of the signal frame, and the mask to
 * restore is its uc_sigmask, after uc_flags, uc_link, uc_stack (24 bytes)
 * and the 256-byte sigcontext.
 */
#define UC_SIGMASK_OFFSET (8 + 8 + 24 + 256)

int decode_rt_sigreturn(struct tracee *tp, int exiting)
{
	unsigned long sp;

	if (exiting)
		return RET_DEC;
	errno = 0;
	sp = ptrace(PTRACE_PEEKUSER, tp->pid,
		    offsetof(struct user_regs_struct, rsp), 0);
	if (errno)
		return DEC_DONE;
	emit_struct_begin(tp);
	emit_field(tp, "mask");
	print_sigset(tp, sp + UC_SIGMASK_OFFSET, sizeof(uint64_t));
	emit_struct_end(tp);
	return DEC_DONE;
}
