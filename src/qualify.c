/*
 * The -e expression grammar.  Every set is "the listed members, or all but
 * them": a set of numbers plus a flag that inverts it, which is how "!"
 * and "all" compose ("!all" is none, "!!open" is open).
 */
#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inject.h"
#include "qualify.h"
#include "signame.h"
#include "sysent.h"
#include "util.h"

/* Syscall numbers in the table: syscallent/README allows 0..1023. */
#define NR_SLOTS 1024
#define WORD_BITS 64

struct scset {
	bool inverted;
	uint64_t bits[NR_SLOTS / WORD_BITS];
};

/* Small sets of other numbers (signals, fds, status...): sorted, unique. */
struct numset {
	bool inverted;
	size_t n, cap;
	int *v;
};

/* The syscall sets, indexed by enum qual_kind (QUAL_TRACE..QUAL_RAW). */
#define NSCSETS (QUAL_RAW + 1)
static struct scset scsets[NSCSETS];
static struct numset signals, statuses, quiets, read_fds, write_fds;
static struct numset decode_fds, decode_pids;
static bool kvm;
static bool initialised;

/* strace's number syntax: strtol, whole string, 0..max. */
static long parse_uint(const char *s, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end || errno == ERANGE || v < 0 || v > max)
		return -1;
	return v;
}

/* ---- number sets ---- */

static bool numset_find(const struct numset *ns, int x)
{
	size_t lo = 0, hi = ns->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ns->v[mid] == x)
			return true;
		if (ns->v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static bool numset_has(const struct numset *ns, int x)
{
	return numset_find(ns, x) != ns->inverted;
}

static void numset_add(struct numset *ns, int x)
{
	size_t i = ns->n;

	if (numset_find(ns, x))
		return;
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? 2 * ns->cap : 8;
		ns->v = xrealloc(ns->v, ns->cap * sizeof(*ns->v));
	}
	while (i > 0 && ns->v[i - 1] > x) {
		ns->v[i] = ns->v[i - 1];
		i--;
	}
	ns->v[i] = x;
	ns->n++;
}

static void numset_set(struct numset *ns, bool all)
{
	free(ns->v);
	memset(ns, 0, sizeof(*ns));
	ns->inverted = all;
}

/* ---- syscall sets ---- */

static bool nr_named(unsigned long nr)
{
	return nr < nsysent_x86_64 && nr < NR_SLOTS && sysent_x86_64[nr].name;
}

static void scset_add(struct scset *s, unsigned long nr)
{
	s->bits[nr / WORD_BITS] |= UINT64_C(1) << (nr % WORD_BITS);
}

static bool scset_has(const struct scset *s, unsigned long nr)
{
	/* strace traces (and prints raw) what its table does not name. */
	if (!nr_named(nr))
		return true;
	return !!(s->bits[nr / WORD_BITS] &
		  (UINT64_C(1) << (nr % WORD_BITS))) != s->inverted;
}

/*
 * strace 6.1 accepts the names and numbers of all three x86-64 ABIs.  We
 * trace x86-64 only, so these select nothing, but a command line written
 * for strace must still parse: the i386 names missing from the x86-64
 * table (x32 adds no new names), ...
 */
static const char *const other_abi_names[] = {
	"_llseek",
	"_newselect",
	"bdflush",
	"break",
	"chown32",
	"clock_adjtime64",
	"clock_getres_time64",
	"clock_gettime64",
	"clock_nanosleep_time64",
	"clock_settime64",
	"fadvise64_64",
	"fchown32",
	"fcntl64",
	"fstat64",
	"fstatat64",
	"fstatfs64",
	"ftime",
	"ftruncate64",
	"futex_time64",
	"getegid32",
	"geteuid32",
	"getgid32",
	"getgroups32",
	"getresgid32",
	"getresuid32",
	"getuid32",
	"gtty",
	"idle",
	"io_pgetevents_time64",
	"ipc",
	"lchown32",
	"lock",
	"lstat64",
	"mmap2",
	"mpx",
	"mq_timedreceive_time64",
	"mq_timedsend_time64",
	"nice",
	"oldfstat",
	"oldlstat",
	"oldolduname",
	"oldstat",
	"olduname",
	"ppoll_time64",
	"prof",
	"profil",
	"pselect6_time64",
	"readdir",
	"recv",
	"recvmmsg_time64",
	"rt_sigtimedwait_time64",
	"sched_rr_get_interval_time64",
	"semtimedop_time64",
	"send",
	"sendfile64",
	"setfsgid32",
	"setfsuid32",
	"setgid32",
	"setgroups32",
	"setregid32",
	"setresgid32",
	"setresuid32",
	"setreuid32",
	"setuid32",
	"sgetmask",
	"sigaction",
	"signal",
	"sigpending",
	"sigprocmask",
	"sigreturn",
	"sigsuspend",
	"socketcall",
	"ssetmask",
	"stat64",
	"statfs64",
	"stime",
	"stty",
	"timer_gettime64",
	"timer_settime64",
	"timerfd_gettime64",
	"timerfd_settime64",
	"truncate64",
	"ugetrlimit",
	"ulimit",
	"umount",
	"utimensat_time64",
	"vm86",
	"vm86old",
	"waitpid",
};

/* ... and the numbers that have a syscall in i386 or x32. */
static const struct {
	unsigned int lo, hi;
} other_abi_numbers[] = {
	{ 0, 386 },   /* i386 */
	{ 393, 414 }, /* i386: SysV IPC, time64 */
	{ 416, 450 }, /* i386 */
	{ 512, 547 }, /* x32 */
};

static bool number_known(long n)
{
	if (nr_named((unsigned long)n))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(other_abi_numbers); i++)
		if (n >= other_abi_numbers[i].lo &&
		    n <= other_abi_numbers[i].hi)
			return true;
	return false;
}

static const struct {
	const char *name;
	uint32_t mask; /* a call is in the class if it has all these flags */
} classes[] = {
	{ "%desc", TD },
	{ "%file", TF },
	{ "%memory", TM },
	{ "%process", TP },
	{ "%signal", TS },
	{ "%ipc", TI },
	{ "%net", TN },
	{ "%network", TN },
	{ "%stat", TST },
	{ "%lstat", TLST },
	{ "%fstat", TFST },
	{ "%%stat", TSTA },
	{ "%statfs", TSF },
	{ "%fstatfs", TFSF },
	{ "%%statfs", TSFA },
	{ "%pure", PU },
	{ "%creds", TC },
	{ "%clock", TCL },
	/* The legacy names, before classes had a '%'. */
	{ "all", 0 },
	{ "desc", TD },
	{ "file", TF },
	{ "memory", TM },
	{ "process", TP },
	{ "signal", TS },
	{ "ipc", TI },
	{ "network", TN },
};

static bool add_class(struct scset *s, const char *item)
{
	for (size_t c = 0; c < ARRAY_SIZE(classes); c++) {
		uint32_t mask = classes[c].mask;

		if (strcmp(item, classes[c].name))
			continue;
		for (unsigned long nr = 0; nr < nsysent_x86_64; nr++)
			if (nr_named(nr) &&
			    (sysent_x86_64[nr].flags & mask) == mask)
				scset_add(s, nr);
		return true;
	}
	return false;
}

static bool add_name(struct scset *s, const char *item)
{
	long nr = sysent_nr_by_name(item);

	if (nr >= 0 && nr_named((unsigned long)nr)) {
		scset_add(s, (unsigned long)nr);
		return true;
	}
	for (size_t i = 0; i < ARRAY_SIZE(other_abi_names); i++)
		if (!strcmp(item, other_abi_names[i]))
			return true;
	return false;
}

static bool add_number(struct scset *s, const char *item)
{
	long n = parse_uint(item, INT_MAX);

	if (n < 0 || !number_known(n))
		return false;
	if (nr_named((unsigned long)n))
		scset_add(s, (unsigned long)n);
	return true;
}

/* Returns 1 if the regex matched a name, 0 if not, -1 if it is invalid. */
static int add_regex(struct scset *s, const char *rx, char *err, size_t errlen)
{
	bool found = false;
	regex_t re;
	int rc;

	rc = regcomp(&re, rx, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		char msg[256];

		regerror(rc, &re, msg, sizeof(msg));
		return set_err(err, errlen, "regcomp: %s: %s", rx, msg);
	}
	for (unsigned long nr = 0; nr < nsysent_x86_64; nr++) {
		if (nr_named(nr) &&
		    !regexec(&re, sysent_x86_64[nr].name, 0, NULL, 0)) {
			scset_add(s, nr);
			found = true;
		}
	}
	for (size_t i = 0; i < ARRAY_SIZE(other_abi_names); i++)
		if (!regexec(&re, other_abi_names[i], 0, NULL, 0))
			found = true;
	regfree(&re);
	return found;
}

/* One item of a syscall set: 1 if valid (or '?'), 0 if not, -1 on error. */
static int add_syscall_item(struct scset *s, const char *item, char *err,
			    size_t errlen)
{
	bool optional = false;
	int rc;

	while (*item == '?') {
		item++;
		optional = true;
	}
	if (*item >= '0' && *item <= '9')
		rc = add_number(s, item);
	else if (*item == '/')
		rc = add_regex(s, item + 1, err, errlen);
	else
		rc = add_class(s, item) || add_name(s, item);
	if (rc < 0)
		return rc;
	return rc || optional;
}

/*
 * The common frame of every set: leading '!'s, then "all", "none" or a
 * comma-separated list.  Calls item(ctx, ITEM) for each non-empty item;
 * the list must have one.  *inverted receives the inversion.
 */
typedef int (*frame_item_fn)(void *ctx, const char *item, char *err,
			     size_t errlen);

static int parse_frame(const char *str, bool *inverted, frame_item_fn item,
		       void *ctx, const char *what, char *err, size_t errlen)
{
	const char *s = str;
	char *copy, *tok, *save = NULL;
	int nitems = 0, rc = 0;

	*inverted = false;
	for (; *s == '!'; s++)
		*inverted = !*inverted;
	if (!strcmp(s, "none"))
		return 0;
	if (!strcmp(s, "all")) {
		*inverted = !*inverted;
		return 0;
	}
	copy = xstrdup(s);
	for (tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		nitems++;
		rc = item(ctx, tok, err, errlen);
		if (rc < 0)
			break;
		if (rc == 0) {
			rc = set_err(err, errlen, "invalid %s '%s'", what, tok);
			break;
		}
	}
	free(copy);
	if (rc >= 0 && !nitems)
		rc = set_err(err, errlen, "invalid %s '%s'", what, str);
	return rc < 0 ? -1 : 0;
}

static int syscall_item(void *ctx, const char *item, char *err, size_t errlen)
{
	return add_syscall_item(ctx, item, err, errlen);
}

static int parse_syscall_set(struct scset *dst, const char *str, char *err,
			     size_t errlen)
{
	struct scset s;

	memset(&s, 0, sizeof(s));
	if (parse_frame(str, &s.inverted, syscall_item, &s, "system call", err,
			errlen) < 0)
		return -1;
	*dst = s;
	return 0;
}

/* ---- the other sets: each item names one number ---- */

struct numset_ctx {
	struct numset set;
	int (*lookup)(const char *item); /* the number, or -1 */
};

static int number_item(void *ctx, const char *item, char *err, size_t errlen)
{
	struct numset_ctx *c = ctx;
	int n = c->lookup(item);

	(void)err;
	(void)errlen;
	if (n < 0)
		return 0;
	numset_add(&c->set, n);
	return 1;
}

static int parse_numset(struct numset *dst, const char *str,
			int (*lookup)(const char *), const char *what,
			char *err, size_t errlen)
{
	struct numset_ctx c = { .lookup = lookup };

	if (parse_frame(str, &c.set.inverted, number_item, &c, what, err,
			errlen) < 0) {
		free(c.set.v);
		return -1;
	}
	free(dst->v);
	*dst = c.set;
	return 0;
}

struct name_value {
	const char *name;
	int value;
};

static int lookup_nocase(const struct name_value *t, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (!strcasecmp(s, t[i].name))
			return t[i].value;
	return -1;
}

static const struct name_value status_names[] = {
	{ "successful", STATUS_SUCCESSFUL },
	{ "failed", STATUS_FAILED },
	{ "unfinished", STATUS_UNFINISHED },
	{ "unavailable", STATUS_UNAVAILABLE },
	{ "detached", STATUS_DETACHED },
};

static const struct name_value quiet_names[] = {
	{ "attach", QUIET_ATTACH },
	{ "exit", QUIET_EXIT },
	{ "exits", QUIET_EXIT },
	{ "path-resolution", QUIET_PATH_RESOLUTION },
	{ "personality", QUIET_PERSONALITY },
	{ "thread-execve", QUIET_THREAD_EXECVE },
	{ "superseded", QUIET_THREAD_EXECVE },
};

static const struct name_value decode_fd_names[] = {
	{ "path", DECODE_FD_PATH },
	{ "socket", DECODE_FD_SOCKET },
	{ "dev", DECODE_FD_DEV },
	{ "pidfd", DECODE_FD_PIDFD },
};

static const struct name_value decode_pid_names[] = {
	{ "comm", DECODE_PID_COMM },
	{ "pidns", DECODE_PID_PIDNS },
};

static int lookup_status(const char *s)
{
	return lookup_nocase(status_names, ARRAY_SIZE(status_names), s);
}

static int lookup_quiet(const char *s)
{
	return lookup_nocase(quiet_names, ARRAY_SIZE(quiet_names), s);
}

static int lookup_decode_fd(const char *s)
{
	return lookup_nocase(decode_fd_names, ARRAY_SIZE(decode_fd_names), s);
}

static int lookup_decode_pid(const char *s)
{
	return lookup_nocase(decode_pid_names, ARRAY_SIZE(decode_pid_names), s);
}

/* Unlike syscall and signal numbers, strtol's leading blanks and sign
 * pass here ("read=+3"), as in strace. */
static int lookup_fd(const char *s)
{
	return (int)parse_uint(s, INT_MAX);
}

#define MAX_SIGNAL 255

/* A number up to 255, or a name as signame() prints it, SIG optional,
 * any case ("SIGRTMIN", "rt_3", "hup"); no aliases such as SIGIOT. */
static int lookup_signal(const char *s)
{
	if (*s >= '0' && *s <= '9')
		return (int)parse_uint(s, MAX_SIGNAL);
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	for (int sig = 0; sig <= MAX_SIGNAL; sig++) {
		const char *name = signame(sig);

		if (!strncasecmp(name, "SIG", 3) && !strcasecmp(name + 3, s))
			return sig;
	}
	return -1;
}

/* ---- qualifiers ---- */

static const struct {
	const char *name;
	enum qual_kind kind;
} qualifiers[] = {
	{ "trace", QUAL_TRACE },
	{ "t", QUAL_TRACE },
	{ "abbrev", QUAL_ABBREV },
	{ "a", QUAL_ABBREV },
	{ "verbose", QUAL_VERBOSE },
	{ "v", QUAL_VERBOSE },
	{ "raw", QUAL_RAW },
	{ "x", QUAL_RAW },
	{ "signal", QUAL_SIGNAL },
	{ "signals", QUAL_SIGNAL },
	{ "s", QUAL_SIGNAL },
	{ "status", QUAL_STATUS },
	{ "read", QUAL_READ },
	{ "reads", QUAL_READ },
	{ "r", QUAL_READ },
	{ "write", QUAL_WRITE },
	{ "writes", QUAL_WRITE },
	{ "w", QUAL_WRITE },
	{ "fault", QUAL_FAULT },
	{ "inject", QUAL_INJECT },
	{ "kvm", QUAL_KVM },
	{ "quiet", QUAL_QUIET },
	{ "silent", QUAL_QUIET },
	{ "silence", QUAL_QUIET },
	{ "q", QUAL_QUIET },
	{ "decode-fds", QUAL_DECODE_FDS },
	{ "decode-fd", QUAL_DECODE_FDS },
	{ "decode-pids", QUAL_DECODE_PIDS },
	{ "decode-pid", QUAL_DECODE_PIDS },
};

static void init_defaults(void)
{
	memset(scsets, 0, sizeof(scsets));
	scsets[QUAL_TRACE].inverted = true;
	scsets[QUAL_ABBREV].inverted = true;
	scsets[QUAL_VERBOSE].inverted = true;
	numset_set(&signals, true);
	numset_set(&statuses, true);
	numset_set(&quiets, false);
	numset_set(&read_fds, false);
	numset_set(&write_fds, false);
	numset_set(&decode_fds, false);
	numset_set(&decode_pids, false);
	kvm = false;
	initialised = true;
}

static void ensure_init(void)
{
	if (!initialised)
		init_defaults();
}

void qualify_reset(void)
{
	init_defaults();
}

int qualify_parse_kind(enum qual_kind kind, const char *set, char *err,
		       size_t errlen)
{
	ensure_init();
	switch (kind) {
	case QUAL_TRACE:
	case QUAL_ABBREV:
	case QUAL_VERBOSE:
	case QUAL_RAW:
		return parse_syscall_set(&scsets[kind], set, err, errlen);
	case QUAL_SIGNAL:
		return parse_numset(&signals, set, lookup_signal, "signal", err,
				    errlen);
	case QUAL_STATUS:
		return parse_numset(&statuses, set, lookup_status, "status",
				    err, errlen);
	case QUAL_QUIET:
		return parse_numset(&quiets, set, lookup_quiet, "quiet", err,
				    errlen);
	case QUAL_READ:
		return parse_numset(&read_fds, set, lookup_fd, "descriptor",
				    err, errlen);
	case QUAL_WRITE:
		return parse_numset(&write_fds, set, lookup_fd, "descriptor",
				    err, errlen);
	case QUAL_DECODE_FDS:
		return parse_numset(&decode_fds, set, lookup_decode_fd,
				    "decode-fds", err, errlen);
	case QUAL_DECODE_PIDS:
		return parse_numset(&decode_pids, set, lookup_decode_pid,
				    "decode-pids", err, errlen);
	case QUAL_KVM:
		if (strcmp(set, "vcpu"))
			return set_err(err, errlen,
				    "invalid -e kvm= argument: '%s'", set);
		kvm = true;
		return 0;
	case QUAL_FAULT:
		return inject_parse(set, true, err, errlen);
	case QUAL_INJECT:
		return inject_parse(set, false, err, errlen);
	}
	return set_err(err, errlen, "unknown qualifier");
}

int qualify_parse(const char *expr, char *err, size_t errlen)
{
	for (size_t i = 0; i < ARRAY_SIZE(qualifiers); i++) {
		size_t len = strlen(qualifiers[i].name);

		if (!strncmp(expr, qualifiers[i].name, len) && expr[len] == '=')
			return qualify_parse_kind(qualifiers[i].kind,
						  expr + len + 1, err, errlen);
	}
	return qualify_parse_kind(QUAL_TRACE, expr, err, errlen);
}

int qualify_syscall_set(const char *set, bool *in, size_t n, char *err,
			size_t errlen)
{
	struct scset s;

	if (parse_syscall_set(&s, set, err, errlen) < 0)
		return -1;
	for (size_t nr = 0; nr < n; nr++)
		in[nr] = nr_named(nr) && scset_has(&s, nr);
	return 0;
}

/* ---- queries ---- */

bool qual_trace(unsigned long nr)
{
	ensure_init();
	return scset_has(&scsets[QUAL_TRACE], nr);
}

bool qual_trace_is_all(void)
{
	for (unsigned long nr = 0; nr < nsysent_x86_64; nr++)
		if (!qual_trace(nr))
			return false;
	return true;
}

bool qual_abbrev(unsigned long nr)
{
	ensure_init();
	return scset_has(&scsets[QUAL_ABBREV], nr);
}

bool qual_verbose(unsigned long nr)
{
	ensure_init();
	return scset_has(&scsets[QUAL_VERBOSE], nr);
}

bool qual_raw(unsigned long nr)
{
	ensure_init();
	return scset_has(&scsets[QUAL_RAW], nr);
}

bool qual_signal(int sig)
{
	ensure_init();
	return numset_has(&signals, sig);
}

bool qual_status(enum qual_status st)
{
	ensure_init();
	return numset_has(&statuses, (int)st);
}

bool qual_quiet(enum qual_quiet q)
{
	ensure_init();
	return numset_has(&quiets, (int)q);
}

bool qual_read_fd(int fd)
{
	ensure_init();
	return numset_has(&read_fds, fd);
}

bool qual_write_fd(int fd)
{
	ensure_init();
	return numset_has(&write_fds, fd);
}

bool qual_decode_fd(enum qual_decode_fd d)
{
	ensure_init();
	return numset_has(&decode_fds, (int)d);
}

bool qual_decode_pid(enum qual_decode_pid d)
{
	ensure_init();
	return numset_has(&decode_pids, (int)d);
}

bool qual_kvm(void)
{
	return kvm;
}
