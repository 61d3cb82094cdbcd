/*
 * The -e grammar.  Every accepted form, every rejected one and every
 * message here was checked against strace 6.1 (strace -e EXPR true).
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "qualify.h"
#include "sysent.h"

static void reset(void)
{
	qualify_reset();
}

TestSuite(qualify, .init = reset);

/* The error message, or NULL if EXPR was accepted. */
static const char *perr(const char *expr)
{
	static char err[256];

	err[0] = '\0';
	if (qualify_parse(expr, err, sizeof(err)) == 0)
		return NULL;
	cr_assert_neq(err[0], '\0', "no message for %s", expr);
	return err;
}

static void ok(const char *expr)
{
	const char *e = perr(expr);

	cr_assert_null(e, "%s: %s", expr, e);
}

static void bad(const char *expr, const char *msg)
{
	const char *e = perr(expr);

	cr_assert_not_null(e, "%s was accepted", expr);
	cr_assert_str_eq(e, msg, "%s", expr);
}

static unsigned long nr(const char *name)
{
	long n = sysent_nr_by_name(name);

	cr_assert_geq(n, 0, "no syscall %s", name);
	return (unsigned long)n;
}

static bool tr(const char *name)
{
	return qual_trace(nr(name));
}

static unsigned int ntraced(void)
{
	unsigned int n = 0;

	for (unsigned long i = 0; i < nsysent_x86_64; i++)
		if (sysent_x86_64[i].name && qual_trace(i))
			n++;
	return n;
}

static unsigned int nnamed(void)
{
	unsigned int n = 0;

	for (unsigned long i = 0; i < nsysent_x86_64; i++)
		if (sysent_x86_64[i].name)
			n++;
	return n;
}

/* Traced exactly the calls that have every flag of mask. */
static void assert_class(const char *expr, uint32_t mask)
{
	ok(expr);
	for (unsigned long i = 0; i < nsysent_x86_64; i++) {
		const struct sysent *se = &sysent_x86_64[i];

		if (se->name)
			cr_assert_eq(qual_trace(i), (se->flags & mask) == mask,
				     "%s: %s", expr, se->name);
	}
}

static unsigned int nflagged(uint32_t mask)
{
	unsigned int n = 0;

	for (unsigned long i = 0; i < nsysent_x86_64; i++)
		if (sysent_x86_64[i].name &&
		    (sysent_x86_64[i].flags & mask) == mask)
			n++;
	return n;
}

Test(qualify, defaults)
{
	cr_assert(qual_trace_is_all());
	cr_assert_eq(ntraced(), nnamed());
	cr_assert(qual_abbrev(nr("read")));
	cr_assert(qual_verbose(nr("read")));
	cr_assert_not(qual_raw(nr("read")));
	for (int sig = 0; sig < 300; sig++)
		cr_assert(qual_signal(sig));
	cr_assert(qual_status(STATUS_SUCCESSFUL));
	cr_assert(qual_status(STATUS_DETACHED));
	cr_assert_not(qual_quiet(QUIET_ATTACH));
	cr_assert_not(qual_quiet(QUIET_THREAD_EXECVE));
	cr_assert_not(qual_read_fd(0));
	cr_assert_not(qual_write_fd(1));
	cr_assert_not(qual_decode_fd(DECODE_FD_PATH));
	cr_assert_not(qual_decode_pid(DECODE_PID_COMM));
	cr_assert_not(qual_kvm());
}

Test(qualify, no_qualifier_is_trace)
{
	ok("open,close");
	cr_assert(tr("open") && tr("close"));
	cr_assert_not(tr("read"));
	cr_assert_eq(ntraced(), 2);
	cr_assert_not(qual_trace_is_all());
	ok("!open");
	cr_assert_not(tr("open"));
	cr_assert(tr("close"));
	cr_assert_eq(ntraced(), nnamed() - 1);
	ok("%memory");
	cr_assert(tr("mmap"));
	cr_assert_not(tr("open"));
}

Test(qualify, qualifier_aliases)
{
	ok("t=read");
	cr_assert_eq(ntraced(), 1);
	cr_assert(tr("read"));
	ok("trace=write");
	cr_assert(tr("write") && !tr("read"));

	ok("a=none");
	cr_assert_not(qual_abbrev(nr("read")));
	ok("abbrev=read");
	cr_assert(qual_abbrev(nr("read")) && !qual_abbrev(nr("write")));
	ok("v=none");
	cr_assert_not(qual_verbose(nr("read")));
	ok("verbose=all");
	cr_assert(qual_verbose(nr("read")));
	ok("x=all");
	cr_assert(qual_raw(nr("read")));
	ok("raw=!read");
	cr_assert(!qual_raw(nr("read")) && qual_raw(nr("write")));

	static const char *const sig[] = { "signal", "signals", "s" };
	for (size_t i = 0; i < 3; i++) {
		char buf[32];

		qualify_reset();
		snprintf(buf, sizeof(buf), "%s=none", sig[i]);
		ok(buf);
		cr_assert_not(qual_signal(9), "%s", buf);
	}

	static const char *const rd[] = { "read", "reads", "r" };
	static const char *const wr[] = { "write", "writes", "w" };
	for (size_t i = 0; i < 3; i++) {
		char buf[32];

		qualify_reset();
		snprintf(buf, sizeof(buf), "%s=3", rd[i]);
		ok(buf);
		snprintf(buf, sizeof(buf), "%s=4", wr[i]);
		ok(buf);
		cr_assert(qual_read_fd(3) && !qual_read_fd(4), "%s", rd[i]);
		cr_assert(qual_write_fd(4) && !qual_write_fd(3), "%s", wr[i]);
	}

	static const char *const q[] = { "quiet", "silent", "silence", "q" };
	for (size_t i = 0; i < 4; i++) {
		char buf[32];

		qualify_reset();
		snprintf(buf, sizeof(buf), "%s=attach", q[i]);
		ok(buf);
		cr_assert(qual_quiet(QUIET_ATTACH), "%s", buf);
		cr_assert_not(qual_quiet(QUIET_EXIT), "%s", buf);
	}

	ok("status=failed");
	cr_assert(qual_status(STATUS_FAILED));
	cr_assert_not(qual_status(STATUS_SUCCESSFUL));
	ok("decode-fds=path");
	cr_assert(qual_decode_fd(DECODE_FD_PATH));
	ok("decode-fd=socket");
	cr_assert(qual_decode_fd(DECODE_FD_SOCKET));
	cr_assert_not(qual_decode_fd(DECODE_FD_PATH));
	ok("decode-pids=comm");
	cr_assert(qual_decode_pid(DECODE_PID_COMM));
	ok("decode-pid=pidns");
	cr_assert(qual_decode_pid(DECODE_PID_PIDNS));
	cr_assert_not(qual_decode_pid(DECODE_PID_COMM));
	ok("kvm=vcpu");
	cr_assert(qual_kvm());
}

Test(qualify, negation)
{
	ok("trace=!open,close");
	cr_assert(!tr("open") && !tr("close") && tr("read"));
	ok("trace=!!open");
	cr_assert_eq(ntraced(), 1);
	cr_assert(tr("open"));
	ok("trace=!!!open");
	cr_assert_eq(ntraced(), nnamed() - 1);
	ok("trace=!all");
	cr_assert_eq(ntraced(), 0);
	ok("trace=!none");
	cr_assert(qual_trace_is_all());
	ok("signal=!SIGCHLD");
	cr_assert(!qual_signal(17) && qual_signal(9));
	ok("signal=!!9");
	cr_assert(qual_signal(9) && !qual_signal(17));
	ok("status=!failed");
	cr_assert(!qual_status(STATUS_FAILED) &&
		  qual_status(STATUS_SUCCESSFUL));
	ok("quiet=!attach");
	cr_assert(!qual_quiet(QUIET_ATTACH) && qual_quiet(QUIET_EXIT));
	ok("read=!3");
	cr_assert(!qual_read_fd(3) && qual_read_fd(4));
	ok("decode-fds=!path");
	cr_assert(!qual_decode_fd(DECODE_FD_PATH) &&
		  qual_decode_fd(DECODE_FD_DEV));
}

Test(qualify, all_and_none)
{
	ok("trace=none");
	cr_assert_eq(ntraced(), 0);
	cr_assert_not(qual_trace_is_all());
	ok("trace=all");
	cr_assert(qual_trace_is_all());
	ok("none");
	cr_assert_eq(ntraced(), 0);
	/* Inside a list, "all" is the legacy class of every call. */
	ok("trace=open,all");
	cr_assert(qual_trace_is_all());
	ok("trace=all,open");
	cr_assert(qual_trace_is_all());
	ok("trace=!all,open");
	cr_assert_eq(ntraced(), 0);
	/* ... but "none" is not a class. */
	bad("trace=none,open", "invalid system call 'none'");
	bad("trace=open,none", "invalid system call 'none'");
	ok("trace=?none");
	cr_assert_eq(ntraced(), 0);
	ok("trace=?all");
	cr_assert(qual_trace_is_all());
	/* Case matters. */
	bad("trace=ALL", "invalid system call 'ALL'");
	bad("trace=None", "invalid system call 'None'");
	ok("signal=none");
	cr_assert_not(qual_signal(9));
	ok("signal=all");
	cr_assert(qual_signal(9));
	ok("signal=!all");
	cr_assert_not(qual_signal(1));
	ok("status=none");
	cr_assert_not(qual_status(STATUS_FAILED));
	ok("quiet=all");
	cr_assert(qual_quiet(QUIET_PERSONALITY));
	ok("quiet=none");
	cr_assert_not(qual_quiet(QUIET_PERSONALITY));
	ok("read=all");
	cr_assert(qual_read_fd(12345));
	ok("decode-fds=all");
	cr_assert(qual_decode_fd(DECODE_FD_PIDFD));
	ok("decode-pids=all");
	cr_assert(qual_decode_pid(DECODE_PID_PIDNS));
}

Test(qualify, repeated_options_replace)
{
	ok("trace=open");
	ok("trace=close");
	cr_assert(tr("close") && !tr("open"));
	ok("trace=openat");
	ok("!openat");
	cr_assert_eq(ntraced(), nnamed() - 1);
	ok("status=failed");
	ok("status=successful");
	cr_assert(qual_status(STATUS_SUCCESSFUL) &&
		  !qual_status(STATUS_FAILED));
	ok("quiet=exit");
	ok("quiet=attach");
	cr_assert(qual_quiet(QUIET_ATTACH) && !qual_quiet(QUIET_EXIT));
	ok("signal=9");
	ok("signal=15");
	cr_assert(qual_signal(15) && !qual_signal(9));
}

Test(qualify, failure_changes_nothing)
{
	ok("trace=open");
	bad("trace=close,foo", "invalid system call 'foo'");
	cr_assert(tr("open") && !tr("close"));
	ok("signal=9");
	bad("signal=15,foo", "invalid signal 'foo'");
	cr_assert(qual_signal(9) && !qual_signal(15));
}

Test(qualify, empty_items)
{
	ok("trace=open,,close");
	cr_assert_eq(ntraced(), 2);
	ok("trace=,open");
	ok("trace=open,");
	cr_assert_eq(ntraced(), 1);
	ok("quiet=attach,,exit");
	cr_assert(qual_quiet(QUIET_EXIT));
	ok("read=3,,4");
	cr_assert(qual_read_fd(4));
	ok("status=failed,");
	/* A list without an item names the whole value. */
	bad("trace=", "invalid system call ''");
	bad("", "invalid system call ''");
	bad("trace=,", "invalid system call ','");
	bad("trace=!", "invalid system call '!'");
	bad("trace=!,", "invalid system call '!,'");
	bad("signal=", "invalid signal ''");
	bad("signal=,", "invalid signal ','");
	bad("signal=!,", "invalid signal '!,'");
	bad("signal=!", "invalid signal '!'");
	bad("status=", "invalid status ''");
	bad("quiet=,", "invalid quiet ','");
	bad("read=", "invalid descriptor ''");
	bad("read=,", "invalid descriptor ','");
	bad("read=!", "invalid descriptor '!'");
	bad("trace=open, close", "invalid system call ' close'");
}

static const struct {
	const char *name;
	uint32_t mask;
	const char *in, *out;
} classes[] = {
	{ "%desc", TD, "read", "getpid" },
	{ "%file", TF, "open", "read" },
	{ "%memory", TM, "munmap", "read" },
	{ "%process", TP, "clone", "read" },
	{ "%signal", TS, "rt_sigaction", "read" },
	{ "%ipc", TI, "shmget", "read" },
	{ "%network", TN, "socket", "read" },
	{ "%net", TN, "socket", "open" },
	{ "%stat", TST, "stat", "fstat" },
	{ "%lstat", TLST, "lstat", "stat" },
	{ "%fstat", TFST, "fstat", "stat" },
	{ "%%stat", TSTA, "newfstatat", "statfs" },
	{ "%statfs", TSF, "statfs", "fstatfs" },
	{ "%fstatfs", TFSF, "fstatfs", "statfs" },
	{ "%%statfs", TSFA, "ustat", "stat" },
	{ "%pure", PU, "getpid", "read" },
	{ "%creds", TC, "capget", "read" },
	{ "%clock", TCL, "clock_gettime", "read" },
	/* The legacy names, without '%'. */
	{ "desc", TD, "close", "getpid" },
	{ "file", TF, "execve", "close" },
	{ "memory", TM, "mmap", "close" },
	{ "process", TP, "exit_group", "close" },
	{ "signal", TS, "kill", "close" },
	{ "ipc", TI, "shmget", "close" },
	{ "network", TN, "socket", "close" },
};

Test(qualify, every_class)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		char buf[64];

		snprintf(buf, sizeof(buf), "trace=%s", classes[i].name);
		assert_class(buf, classes[i].mask);
		cr_assert(tr(classes[i].in), "%s", buf);
		cr_assert_not(tr(classes[i].out), "%s", buf);
		cr_assert_eq(ntraced(), nflagged(classes[i].mask), "%s", buf);
	}
	/* Sizes of a few classes in the table (strace 6.1's plus newer). */
	ok("%file");
	cr_assert_geq(ntraced(), 70);
	ok("%%stat");
	cr_assert_eq(ntraced(), 5);
	ok("%%statfs");
	cr_assert_eq(ntraced(), 3);
	ok("%pure");
	cr_assert_eq(ntraced(), 8);
	/* Union of classes and names. */
	ok("trace=%ipc,%network,read");
	cr_assert_eq(ntraced(), nflagged(TI) + nflagged(TN) + 1);
	/* Unknown, or the wrong spelling. */
	bad("trace=%foo", "invalid system call '%foo'");
	bad("trace=%FILE", "invalid system call '%FILE'");
	bad("trace=net", "invalid system call 'net'");
	bad("trace=creds", "invalid system call 'creds'");
	bad("trace=clock", "invalid system call 'clock'");
	bad("trace=pure", "invalid system call 'pure'");
	bad("trace=%", "invalid system call '%'");
	bad("trace=%%", "invalid system call '%%'");
	bad("trace=%%file", "invalid system call '%%file'");
	bad("trace=%all", "invalid system call '%all'");
	/* "stat" is not a legacy class but the syscall. */
	ok("trace=stat");
	cr_assert_eq(ntraced(), 1);
	cr_assert(tr("stat"));
}

Test(qualify, numbers)
{
	ok("trace=2");
	cr_assert_eq(ntraced(), 1);
	cr_assert(tr("open"));
	ok("trace=00000000000000000002,read");
	cr_assert(tr("open") && tr("read"));
	/* Numbers of the i386 and x32 ABIs: accepted, nothing on x86-64. */
	ok("trace=400");
	cr_assert_eq(ntraced(), 0);
	ok("trace=386");
	ok("trace=393");
	ok("trace=414");
	ok("trace=416");
	ok("trace=512");
	ok("trace=547");
	cr_assert_eq(ntraced(), 0);
	bad("trace=387", "invalid system call '387'");
	bad("trace=392", "invalid system call '392'");
	bad("trace=415", "invalid system call '415'");
	bad("trace=511", "invalid system call '511'");
	bad("trace=548", "invalid system call '548'");
	bad("trace=1000", "invalid system call '1000'");
	bad("trace=2147483648", "invalid system call '2147483648'");
	bad("trace=99999999999999999999",
	    "invalid system call '99999999999999999999'");
	bad("trace=2 ", "invalid system call '2 '");
	bad("trace=2abc", "invalid system call '2abc'");
	bad("trace=0x2", "invalid system call '0x2'");
	bad("trace=+2", "invalid system call '+2'");
	bad("trace=-1", "invalid system call '-1'");
}

Test(qualify, optional_items)
{
	ok("trace=?foo");
	cr_assert_eq(ntraced(), 0);
	ok("trace=?foo,openat");
	cr_assert_eq(ntraced(), 1);
	ok("trace=??openat");
	cr_assert(tr("openat"));
	ok("trace=!?foo");
	cr_assert(qual_trace_is_all());
	ok("trace=?");
	cr_assert_eq(ntraced(), 0);
	ok("trace=?%foo");
	ok("trace=?9999");
	ok("trace=?/zzzz");
	cr_assert_eq(ntraced(), 0);
	/* A bad regex is an error even so. */
	bad("trace=?/(", "regcomp: (: Unmatched ( or \\(");
	bad("trace=?foo,bar", "invalid system call 'bar'");
}

Test(qualify, regex)
{
	ok("trace=/^open");
	cr_assert(tr("open") && tr("openat") && tr("open_by_handle_at"));
	cr_assert_not(tr("read"));
	ok("trace=/^open$");
	cr_assert_eq(ntraced(), 1);
	/* Unanchored, extended. */
	ok("trace=/stat(fs)?$");
	cr_assert(tr("stat") && tr("fstatfs") && tr("lstat"));
	cr_assert_not(tr("newfstatat"));
	cr_assert_not(tr("statx"));
	ok("trace=/");
	cr_assert(qual_trace_is_all());
	ok("trace=/open|");
	cr_assert(qual_trace_is_all());
	/* Matching only i386 names is valid and traces nothing here. */
	ok("trace=/^_(llseek|newselect)$");
	cr_assert_eq(ntraced(), 0);
	ok("trace=/^socketcall$");
	bad("trace=/OPEN", "invalid system call '/OPEN'");
	bad("trace=/^64:", "invalid system call '/^64:'");
	bad("trace=/foo", "invalid system call '/foo'");
	bad("trace=/(", "regcomp: (: Unmatched ( or \\(");
	bad("trace=/[", "regcomp: [: Invalid regular expression");
	bad("trace=/a{1", "regcomp: a{1: Unmatched \\{");
	bad("trace=/*", "regcomp: *: Invalid preceding regular expression");
	bad("trace=/\\", "regcomp: \\: Trailing backslash");
}

Test(qualify, other_abi_names)
{
	static const char *const names[] = {
		"stat64",	   "socketcall", "waitpid", "mmap2",
		"_llseek",	   "send",	 "recv",    "sigreturn",
		"oldolduname",	   "idle",	 "nice",    "chown32",
		"clock_gettime64",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char buf[64];

		snprintf(buf, sizeof(buf), "trace=%s", names[i]);
		ok(buf);
		cr_assert_eq(ntraced(), 0, "%s", buf);
	}
	/* Other architectures' calls are not known. */
	bad("trace=cacheflush", "invalid system call 'cacheflush'");
	bad("trace=sysmips", "invalid system call 'sysmips'");
	bad("trace=64:rt_sigaction", "invalid system call '64:rt_sigaction'");
}

Test(qualify, unknown_numbers_always_traced)
{
	ok("trace=none");
	cr_assert(qual_trace(400));
	cr_assert(qual_trace(520));
	cr_assert(qual_trace(1000));
	cr_assert(qual_trace(1UL << 40));
	cr_assert_not(qual_trace(nr("read")));
	ok("trace=!400");
	cr_assert(qual_trace(400));
	/* The same holds for raw, abbrev and verbose. */
	ok("raw=none");
	cr_assert(qual_raw(1000));
	ok("abbrev=none");
	cr_assert(qual_abbrev(1000));
	/* Unnamed numbers do not count against "everything traced". */
	ok("trace=all");
	cr_assert(qual_trace_is_all());
}

Test(qualify, signals)
{
	static const struct {
		const char *s;
		int sig;
	} good[] = {
		{ "SIGCHLD", 17 },   { "sigchld", 17 }, { "chld", 17 },
		{ "sIgHuP", 1 },     { "9", 9 },	{ "02", 2 },
		{ "0", 0 },	     { "255", 255 },	{ "SIGRTMIN", 32 },
		{ "rtmin", 32 },     { "SIGRT_3", 35 }, { "rt_1", 33 },
		{ "SIGRT_32", 64 },  { "SIGIO", 29 },	{ "SIGSYS", 31 },
		{ "SIGSTKFLT", 16 }, { "SIGPWR", 30 },	{ "abrt", 6 },
	};
	static const char *const invalid[] = {
		"X",	   "SIGRT_33",	"SIGRTMAX", "SIGIOT", "SIGPOLL",
		"SIGCLD",  "SIGUNUSED", "256",	    "2x",     "-1",
		" 2",	   "0x2",	"sig",	    "SIG",    "sigsighup",
		"SIGRT_0", "SIGEMT",	"ALL",	    "None",   "?hup",
		"+2",	   "SIGLOST",
	};

	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		char buf[64];

		snprintf(buf, sizeof(buf), "signal=%s", good[i].s);
		ok(buf);
		for (int sig = 0; sig < 260; sig++)
			cr_assert_eq(qual_signal(sig), sig == good[i].sig,
				     "%s: %d", buf, sig);
	}
	for (size_t i = 0; i < sizeof(invalid) / sizeof(invalid[0]); i++) {
		char buf[64], msg[80];

		snprintf(buf, sizeof(buf), "signal=%s", invalid[i]);
		snprintf(msg, sizeof(msg), "invalid signal '%s'", invalid[i]);
		bad(buf, msg);
	}
	ok("signal=hup,INT,9,9");
	cr_assert(qual_signal(1) && qual_signal(2) && qual_signal(9));
	cr_assert_not(qual_signal(3));
	bad("signal=all,hup", "invalid signal 'all'");
	bad("signal=hup,none", "invalid signal 'none'");
	bad("signal=signal=9", "invalid signal 'signal=9'");
}

Test(qualify, status_values)
{
	static const char *const names[] = { "successful", "failed",
					     "unfinished", "unavailable",
					     "detached" };

	for (int i = 0; i < 5; i++) {
		char buf[64];

		snprintf(buf, sizeof(buf), "status=%s", names[i]);
		ok(buf);
		for (int j = 0; j < 5; j++)
			cr_assert_eq(qual_status((enum qual_status)j), i == j,
				     "%s", buf);
	}
	ok("status=SUCCESSFUL,Detached");
	cr_assert(qual_status(STATUS_SUCCESSFUL) &&
		  qual_status(STATUS_DETACHED) && !qual_status(STATUS_FAILED));
	bad("status=x", "invalid status 'x'");
	bad("status=success", "invalid status 'success'");
	bad("status=fail", "invalid status 'fail'");
	bad("status=0", "invalid status '0'");
	bad("status=NONE", "invalid status 'NONE'");
	bad("status=failed,all", "invalid status 'all'");
}

Test(qualify, quiet_values)
{
	static const struct {
		const char *s;
		enum qual_quiet q;
	} names[] = {
		{ "attach", QUIET_ATTACH },
		{ "exit", QUIET_EXIT },
		{ "exits", QUIET_EXIT },
		{ "Exits", QUIET_EXIT },
		{ "path-resolution", QUIET_PATH_RESOLUTION },
		{ "personality", QUIET_PERSONALITY },
		{ "thread-execve", QUIET_THREAD_EXECVE },
		{ "superseded", QUIET_THREAD_EXECVE },
		{ "ATTACH", QUIET_ATTACH },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char buf[64];

		snprintf(buf, sizeof(buf), "quiet=%s", names[i].s);
		ok(buf);
		for (int j = 0; j <= QUIET_THREAD_EXECVE; j++)
			cr_assert_eq(qual_quiet((enum qual_quiet)j),
				     (int)names[i].q == j, "%s", buf);
	}
	bad("quiet=x", "invalid quiet 'x'");
	bad("quiet=", "invalid quiet ''");
	bad("quiet=detach", "invalid quiet 'detach'");
	bad("quiet=path", "invalid quiet 'path'");
	bad("quiet=?attach", "invalid quiet '?attach'");
	bad("quiet=all,exit", "invalid quiet 'all'");
	bad("quiet=attach,none", "invalid quiet 'none'");
	bad("quiet=ALL", "invalid quiet 'ALL'");
	bad("quiet=1", "invalid quiet '1'");
}

Test(qualify, descriptors)
{
	ok("read=3,5");
	cr_assert(qual_read_fd(3) && qual_read_fd(5) && !qual_read_fd(4));
	/* strtol's leading blanks and signs pass, as in strace. */
	ok("read=+3");
	cr_assert(qual_read_fd(3));
	ok("read= 3");
	cr_assert(qual_read_fd(3));
	ok("read=-0");
	cr_assert(qual_read_fd(0));
	ok("write=2147483647,03");
	cr_assert(qual_write_fd(2147483647) && qual_write_fd(3));
	bad("read=x", "invalid descriptor 'x'");
	bad("read=-1", "invalid descriptor '-1'");
	bad("read=2147483648", "invalid descriptor '2147483648'");
	bad("read=3 ", "invalid descriptor '3 '");
	bad("read=3x", "invalid descriptor '3x'");
	bad("read=stdin", "invalid descriptor 'stdin'");
	bad("read=all,3", "invalid descriptor 'all'");
	bad("read=ALL", "invalid descriptor 'ALL'");
	bad("write=x", "invalid descriptor 'x'");
}

Test(qualify, decode_and_kvm)
{
	ok("decode-fds=PATH,dev");
	cr_assert(qual_decode_fd(DECODE_FD_PATH) &&
		  qual_decode_fd(DECODE_FD_DEV) &&
		  !qual_decode_fd(DECODE_FD_SOCKET));
	ok("decode-fds=pidfd");
	cr_assert(qual_decode_fd(DECODE_FD_PIDFD));
	bad("decode-fds=x", "invalid decode-fds 'x'");
	bad("decode-fd=x", "invalid decode-fds 'x'");
	bad("decode-fds=signalfd", "invalid decode-fds 'signalfd'");
	bad("decode-fds=path,none", "invalid decode-fds 'none'");
	bad("decode-fds=ALL", "invalid decode-fds 'ALL'");
	ok("decode-pids=COMM");
	cr_assert(qual_decode_pid(DECODE_PID_COMM));
	bad("decode-pids=x", "invalid decode-pids 'x'");
	bad("decode-pid=x", "invalid decode-pids 'x'");
	bad("kvm=VCPU", "invalid -e kvm= argument: 'VCPU'");
	bad("kvm=", "invalid -e kvm= argument: ''");
	bad("kvm=!vcpu", "invalid -e kvm= argument: '!vcpu'");
	cr_assert_not(qual_kvm());
	ok("kvm=vcpu");
	cr_assert(qual_kvm());
}

Test(qualify, unknown_qualifiers_are_syscalls)
{
	bad("foo", "invalid system call 'foo'");
	bad("trace=foo", "invalid system call 'foo'");
	bad("bogus=x", "invalid system call 'bogus=x'");
	bad("Trace=open", "invalid system call 'Trace=open'");
	bad("=open", "invalid system call '=open'");
	bad("trace", "invalid system call 'trace'");
	bad("t", "invalid system call 't'");
	bad("trace=trace=open", "invalid system call 'trace=open'");
	bad("abbrev=foo", "invalid system call 'foo'");
	bad("verbose=foo", "invalid system call 'foo'");
	bad("raw=foo", "invalid system call 'foo'");
	bad("fault=getppid:foo=1", "invalid fault argument 'getppid:foo=1'");
	bad("inject=getppid", "invalid inject argument 'getppid'");
}

Test(qualify, long_option_values)
{
	char err[256];

	cr_assert_eq(qualify_parse_kind(QUAL_TRACE, "%file", err, sizeof(err)),
		     0);
	cr_assert(tr("open") && !tr("read"));
	/* The value is never split at '=': --trace=trace=open. */
	cr_assert_eq(
		qualify_parse_kind(QUAL_TRACE, "trace=open", err, sizeof(err)),
		-1);
	cr_assert_str_eq(err, "invalid system call 'trace=open'");
	cr_assert_eq(
		qualify_parse_kind(QUAL_SIGNAL, "signal=9", err, sizeof(err)),
		-1);
	cr_assert_str_eq(err, "invalid signal 'signal=9'");
	cr_assert_eq(qualify_parse_kind(QUAL_QUIET, "attach", err, sizeof(err)),
		     0);
	cr_assert(qual_quiet(QUIET_ATTACH));
	cr_assert_eq(qualify_parse_kind(QUAL_STATUS, "x", err, sizeof(err)),
		     -1);
	cr_assert_str_eq(err, "invalid status 'x'");
	cr_assert_eq(qualify_parse_kind(QUAL_KVM, "x", err, sizeof(err)), -1);
	cr_assert_str_eq(err, "invalid -e kvm= argument: 'x'");
}
