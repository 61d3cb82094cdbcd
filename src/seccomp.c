#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "inject.h"
#include "options.h"
#include "qualify.h"
#include "seccomp_accel.h"
#include "sysent.h"
#include "util.h"

#ifdef HAVE_LIBSECCOMP
# include <stddef.h>
# include <linux/audit.h>
# include <linux/capability.h>
# include <linux/filter.h>
# include <linux/seccomp.h>
# include <sys/syscall.h>

/*
 * The filter is written here as classic BPF, not compiled by libseccomp:
 * libseccomp takes milliseconds to build and load a filter with a rule
 * for each of the ~400 calls (in every traced command's start), and what
 * it makes tests the call number against the rules one after another, so
 * a call far down the list (newfstatat is 262) runs hundreds of
 * instructions.  Here the numbers become runs of the same action, looked
 * up by binary search: a handful of instructions for any call.
 */
static struct sock_filter *insns;
static unsigned int ninsns;
static bool filter;

#define NR_prctl 157
#define NR_execve 59
#define NR_execveat 322
#define NR_seccomp 317

/* Without CAP_SYS_ADMIN the kernel wants NO_NEW_PRIVS, which would stop
 * setuid programs from gaining privileges: set it only when needed. */
static bool have_cap_sys_admin(void)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data) < 0)
		return false;
	return data[CAP_SYS_ADMIN / 32].effective & (1U << (CAP_SYS_ADMIN % 32));
}

/* Always stopped on: execve (the mode check), and anything that may
 * install a filter of the program's own. */
static bool must_stop(unsigned long nr)
{
	return nr == NR_execve || nr == NR_execveat || nr == NR_seccomp;
}

/* What the filter does with a call number. */
enum verdict { V_ALLOW, V_TRACE, V_PRCTL };

/*
 * Everything stops but the known calls that are not traced: so numbers
 * no table names (syscall(9999)) and x32 calls still show.  prctl stops
 * only as PR_SET_SECCOMP.
 */
static enum verdict verdict(unsigned long nr)
{
	if (nr >= nsysent_x86_64 || !sysent_x86_64[nr].name || qual_trace(nr) ||
	    must_stop(nr) || inject_wanted(nr))
		return V_TRACE;
	return nr == NR_prctl ? V_PRCTL : V_ALLOW;
}

/* The call numbers in runs of one verdict: run i starts at start[i]. */
static uint32_t *start;
static enum verdict *run_verdict;
static unsigned int nruns;

static void make_runs(void)
{
	start = xcalloc(nsysent_x86_64 + 1, sizeof(*start));
	run_verdict = xcalloc(nsysent_x86_64 + 1, sizeof(*run_verdict));
	for (unsigned long nr = 0; nr <= nsysent_x86_64; nr++) {
		enum verdict v = verdict(nr);

		if (nruns && run_verdict[nruns - 1] == v)
			continue;
		start[nruns] = (uint32_t)nr;
		run_verdict[nruns++] = v;
	}
}

#define RET_TRACE (SECCOMP_RET_TRACE | SCTRACE_SECCOMP_TAG)

/* Instructions for a leaf: the verdict of one run. */
static unsigned int leaf_size(enum verdict v)
{
	return v == V_PRCTL ? 4 : 1;
}

static void put(uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	insns[ninsns++] = (struct sock_filter)BPF_JUMP(code, k, jt, jf);
}

static void put_leaf(enum verdict v)
{
	switch (v) {
	case V_ALLOW:
		put(BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW);
		break;
	case V_TRACE:
		put(BPF_RET | BPF_K, 0, 0, RET_TRACE);
		break;
	case V_PRCTL:
		/* The kernel reads option as an int: the low half of arg 0. */
		put(BPF_LD | BPF_W | BPF_ABS, 0, 0,
		    offsetof(struct seccomp_data, args[0]));
		put(BPF_JMP | BPF_JEQ | BPF_K, 0, 1, PR_SET_SECCOMP);
		put(BPF_RET | BPF_K, 0, 0, RET_TRACE);
		put(BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW);
		break;
	}
}

/* Instructions for the search over runs [lo, hi). */
static unsigned int tree_size(unsigned int lo, unsigned int hi)
{
	unsigned int mid = lo + (hi - lo) / 2, left;

	if (hi - lo == 1)
		return leaf_size(run_verdict[lo]);
	left = tree_size(lo, mid);
	/* A far right half is reached through a ja. */
	return 1 + (left > 255) + left + tree_size(mid, hi);
}

static void put_tree(unsigned int lo, unsigned int hi)
{
	unsigned int mid = lo + (hi - lo) / 2, left;

	if (hi - lo == 1) {
		put_leaf(run_verdict[lo]);
		return;
	}
	left = tree_size(lo, mid);
	if (left > 255) {
		put(BPF_JMP | BPF_JGE | BPF_K, 0, 1, start[mid]);
		put(BPF_JMP | BPF_JA, 0, 0, left);
	} else {
		put(BPF_JMP | BPF_JGE | BPF_K, (uint8_t)left, 0, start[mid]);
	}
	put_tree(lo, mid);
	put_tree(mid, hi);
}

static int build(void)
{
	unsigned int size;

	make_runs();
	size = 4 + tree_size(0, nruns);
	if (size > BPF_MAXINSNS)
		return -E2BIG;
	insns = xcalloc(size, sizeof(*insns));
	/* Other ABIs (i386 int 0x80) stop, rather than be taken for x86-64. */
	put(BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, arch));
	put(BPF_JMP | BPF_JEQ | BPF_K, 1, 0, AUDIT_ARCH_X86_64);
	put(BPF_RET | BPF_K, 0, 0, RET_TRACE);
	put(BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, nr));
	put_tree(0, nruns);
	free(start);
	free(run_verdict);
	filter = true;
	return 0;
}

bool seccomp_prepare(void)
{
	int rc;

	if (opt.seccomp == SECCOMP_OFF || !opt.cmd_path || qual_trace_is_all())
		return false;
	/* A process let go under our filter would see ENOSYS: not with -b. */
	if (opt.detach_on_execve) {
		if (opt.seccomp == SECCOMP_FORCE)
			error_msg("--seccomp-bpf is not used with -b execve");
		return false;
	}
	rc = build();
	if (rc) {
		errno = -rc;
		perror_msg("seccomp filter not built, tracing without it");
		return false;
	}
	return true;
}

void seccomp_install(void)
{
	struct sock_fprog prog = { (unsigned short)ninsns, insns };

	if (!filter)
		return;
	if ((!have_cap_sys_admin() &&
	     prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0)
		perror_msg("seccomp filter not installed, tracing without it");
}

bool seccomp_enabled(void)
{
	return filter;
}

#else /* !HAVE_LIBSECCOMP */

bool seccomp_prepare(void)
{
	if (opt.seccomp == SECCOMP_FORCE)
		error_msg("built without libseccomp: --seccomp-bpf is ignored");
	return false;
}

void seccomp_install(void)
{
}

bool seccomp_enabled(void)
{
	return false;
}

#endif

/* /proc/TID/status "Seccomp_filters:": how many filters TID runs under. */
static long filter_count(pid_t tid)
{
	char path[64], line[128];
	long n = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "Seccomp_filters:", 16)) {
			n = strtol(line + 16, NULL, 10);
			break;
		}
	fclose(f);
	return n;
}

/* sctrace may itself run under filters (a container's): the command
 * inherits those, and ours comes on top. */
static long inherited_filters = -2;	/* -2: not read yet; -1: unknown */

bool seccomp_inherited(void)
{
	if (inherited_filters == -2)
		inherited_filters = filter_count(getpid());
	return inherited_filters != 0;	/* or unknown */
}

bool seccomp_only_ours(pid_t tid)
{
	if (!seccomp_enabled())
		return false;
	seccomp_inherited();
	return inherited_filters >= 0 &&
	       filter_count(tid) == inherited_filters + 1;
}
