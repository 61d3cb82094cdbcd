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
# include <linux/capability.h>
# include <seccomp.h>
# include <sys/syscall.h>

static scmp_filter_ctx filter;

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

static int build(void)
{
	const uint32_t trace = SCMP_ACT_TRACE(SCTRACE_SECCOMP_TAG);
	int rc;

	/*
	 * Everything stops but the known calls that are not traced: so
	 * numbers no table names (syscall(9999)) and x32 calls still show.
	 * Other ABIs (i386 int 0x80) stop too, instead of the bad-arch
	 * default killing the program.
	 */
	filter = seccomp_init(trace);
	if (!filter)
		return -ENOMEM;
	rc = seccomp_attr_set(filter, SCMP_FLTATR_ACT_BADARCH, trace);
	if (!rc)
		rc = seccomp_attr_set(filter, SCMP_FLTATR_CTL_NNP,
				      !have_cap_sys_admin());
	for (unsigned long nr = 0; !rc && nr < nsysent_x86_64; nr++) {
		if (!sysent_x86_64[nr].name || qual_trace(nr) || must_stop(nr) ||
		    inject_wanted(nr))
			continue;
		if (nr == NR_prctl)
			rc = seccomp_rule_add(filter, SCMP_ACT_ALLOW, nr, 1,
					      SCMP_A0(SCMP_CMP_NE,
						      PR_SET_SECCOMP));
		else
			rc = seccomp_rule_add(filter, SCMP_ACT_ALLOW, nr, 0);
	}
	if (rc) {
		seccomp_release(filter);
		filter = NULL;
	}
	return rc;
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
	int rc;

	if (!filter)
		return;
	rc = seccomp_load(filter);
	if (rc) {
		errno = -rc;
		perror_msg("seccomp filter not installed, tracing without it");
	}
}

bool seccomp_enabled(void)
{
	return filter != NULL;
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
static long inherited_filters = -1;

bool seccomp_only_ours(pid_t tid)
{
	if (!seccomp_enabled())
		return false;
	if (inherited_filters < 0)
		inherited_filters = filter_count(getpid());
	return inherited_filters >= 0 &&
	       filter_count(tid) == inherited_filters + 1;
}
