/* Signals: siginfo_t as strace prints it in "--- SIG {...} ---" lines. */
#include <signal.h>
#include <stddef.h>
#include <string.h>

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
	emit_int(tp, si->si_pid);
	emit_field(tp, "si_uid");
	emit_uint(tp, si->si_uid);
}

static void print_sigval(struct tracee *tp, const siginfo_t *si)
{
	emit_field(tp, "si_value");
	emit_struct_begin(tp);
	emit_field(tp, "int");
	emit_int(tp, si->si_value.sival_int);
	emit_field(tp, "ptr");
	emit_ptr(tp, (unsigned long)si->si_value.sival_ptr);
	emit_struct_end(tp);
}

static void print_code_fields(struct tracee *tp, const siginfo_t *si)
{
	int sig = si->si_signo;

	switch (si->si_code) {
	case SI_USER:
	case SI_TKILL:
		print_sender(tp, si);
		return;
	case SI_QUEUE:
	case SI_MESGQ:
		print_sender(tp, si);
		print_sigval(tp, si);
		return;
	case SI_TIMER:
		emit_field(tp, "si_timerid");
		emit_hex(tp, (unsigned int)si->si_timerid);
		emit_field(tp, "si_overrun");
		emit_int(tp, si->si_overrun);
		print_sigval(tp, si);
		return;
	}
	if (si->si_code < 0)
		return;
	if (sig == SIGCHLD && si->si_code != SI_KERNEL) {
		print_sender(tp, si);
		emit_field(tp, "si_status");
		if (si->si_code == CLD_EXITED)
			emit_int(tp, si->si_status);
		else
			print_signal(tp, si->si_status);
		emit_field(tp, "si_utime");
		emit_int(tp, si->si_utime);
		emit_field(tp, "si_stime");
		emit_int(tp, si->si_stime);
	} else if (is_fault(sig)) {
		emit_field(tp, "si_addr");
		emit_ptr(tp, (unsigned long)si->si_addr);
	} else if (sig == SIGPOLL && si->si_code != SI_KERNEL) {
		emit_field(tp, "si_band");
		emit_int(tp, si->si_band);
		emit_field(tp, "si_fd");
		emit_int(tp, si->si_fd);
	} else if (sig == SIGSYS && si->si_code != SI_KERNEL) {
		emit_field(tp, "si_call_addr");
		emit_ptr(tp, (unsigned long)si->si_call_addr);
		emit_field(tp, "si_syscall");
		emit_int(tp, si->si_syscall);
		emit_field(tp, "si_arch");
		emit_hex(tp, si->si_arch);
	}
}

void print_siginfo(struct tracee *tp, const siginfo_t *si)
{
	emit_struct_begin(tp);
	emit_field(tp, "si_signo");
	print_signal(tp, si->si_signo);
	emit_field(tp, "si_code");
	emit_enum(tp, code_table(si->si_signo, si->si_code),
		  (uint64_t)(int64_t)si->si_code);
	if (si->si_errno) {
		emit_field(tp, "si_errno");
		emit_enum(tp, &xlat_errnos, (unsigned int)si->si_errno);
	}
	print_code_fields(tp, si);
	emit_struct_end(tp);
}

/* A signal name inside a set: no "SIG" prefix, as strace prints it. */
static const char *set_member_name(int sig)
{
	const char *name = signame(sig);

	return strncmp(name, "SIG", 3) == 0 ? name + 3 : name;
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
		emit_sym(tp, "SIG_DFL");
	else if (sa.handler == 1)
		emit_sym(tp, "SIG_IGN");
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
