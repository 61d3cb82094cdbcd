#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <pwd.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "options.h"
#include "pathtrace.h"
#include "qualify.h"
#include "stack.h"
#include "util.h"

struct options opt = {
	.max_strlen = 32,
	.acolumn = 40,
	.rel_ts = -1,
	.syscall_times = -1,
};

static const char usage_text[] =
	"Usage: sctrace [-fhqVx] [-a COLUMN] [-I N] [-o FILE] [-s STRSIZE]\n"
	"               [-p PID]... { -p PID | PROG [ARGS] }\n"
	"   or: sctrace diff [OPTIONS] OLD NEW   (compare two traces; --help)\n"
	"   or: sctrace render [OPTIONS] FILE    (a JSON trace as text; --help)\n"
	"\n"
	"Trace the system calls of PROG, or of the running processes PID,\n"
	"printed as strace prints them.\n"
	"\n"
	"Filtering:\n"
	"  -e trace=[!][?]{SYSCALL|/REGEX|%CLASS|all|none},...}, --trace=...\n"
	"                 trace only the given set of syscalls; classes:\n"
	"                 %file %process %network %signal %ipc %desc %memory\n"
	"                 %creds %clock %pure %stat %lstat %fstat %%stat\n"
	"                 %statfs %fstatfs %%statfs\n"
	"  -P PATH, --trace-path=PATH\n"
	"                 trace only syscalls that name PATH, or a descriptor\n"
	"                 open on it; may be repeated\n"
	"  --trace-fds=[!]{FD[,FD]...|all|none}\n"
	"                 trace only syscalls using these descriptors\n"
	"  -e signal=SET, --signal=SET\n"
	"                 print only the given signals (default all)\n"
	"  -e status=SET, --status=SET\n"
	"                 print only calls that ended so: successful, failed,\n"
	"                 unfinished, unavailable, detached\n"
	"  -z, --successful-only  -e status=successful\n"
	"  -Z, --failed-only      -e status=failed\n"
	"  -e quiet=SET, --quiet=SET\n"
	"                 suppress messages: attach, exit, thread-execve...\n"
	"  -e inject=SET:error=ERRNO|retval=N[:signal=SIG][:delay_enter=US]\n"
	"             [:delay_exit=US][:syscall=NAME][:when=EXPR]\n"
	"                 tamper with the calls in SET; -e fault=SET[:error=..]\n"
	"\n"
	"Tracing:\n"
	"  -f, --follow-forks\n"
	"                 follow forks, vforks and clones (threads)\n"
	"  -ff, --output-separately\n"
	"                 with -o FILE, write each process's trace to FILE.PID\n"
	"  -I INTERRUPTIBLE, --interruptible=INTERRUPTIBLE\n"
	"                 when SIGHUP, SIGINT, SIGQUIT, SIGTERM stop sctrace:\n"
	"                   1, anywhere:   at once\n"
	"                   2, waiting:    at once (the default)\n"
	"                   3, never:      never (the default with -o FILE PROG)\n"
	"                   4, never_tstp: never, and SIGTSTP is blocked too\n"
	"  -p PID, --attach=PID\n"
	"                 trace the process PID (all its threads with -f);\n"
	"                 may be repeated, or a list: -p PID,PID...\n"
	"  --seccomp-bpf  stop only on traced syscalls with a seccomp filter\n"
	"                 (on by default when -e trace= leaves some out)\n"
	"  --no-seccomp   trace without the filter\n"
	"  -b execve, --detach-on=execve\n"
	"                 detach from a process when it calls execve\n"
	"  -q, --quiet    suppress messages about attaching and detaching\n"
	"  -qq            ... and the lines about process exit status\n"
	"  -qqq           ... and the lines about superseded processes\n"
	"  -k, --stack-trace\n"
	"                 print the stack of the tracee after each syscall\n"
	"\n"
	"Startup:\n"
	"  -D, --daemonize\n"
	"                 run the tracer as a detached grandchild, so that the\n"
	"                 command stays the direct child of the caller\n"
	"  -DD            ... in a new process group\n"
	"  -DDD           ... in a new session\n"
	"  -E VAR=VAL, --env=VAR=VAL\n"
	"                 put VAR=VAL in the environment of the command\n"
	"  -E VAR, --env=VAR\n"
	"                 remove VAR from the environment of the command\n"
	"  -u USERNAME, --user=USERNAME\n"
	"                 run the command with the user id, group id and\n"
	"                 supplementary groups of USERNAME (as root)\n"
	"\n"
	"Statistics:\n"
	"  -c, --summary-only\n"
	"                 count time, calls and errors per syscall; print a\n"
	"                 summary table at the end instead of the trace\n"
	"  -C, --summary  the summary table, and the trace as usual\n"
	"  -S SORTBY, --summary-sort-by=SORTBY\n"
	"                 sort the table by time (default), calls, errors,\n"
	"                 name, min-time, max-time, avg-time, p50, p99, nothing\n"
	"  -U COLUMNS, --summary-columns=COLUMNS\n"
	"                 the table's columns: time-percent, total-time,\n"
	"                 min-time, max-time, avg-time, calls, errors, name,\n"
	"                 and beyond strace: p50, p99 (latency percentiles),\n"
	"                 errnos (errors by errno)\n"
	"  -w, --summary-wall-clock\n"
	"                 count wall-clock time instead of system time\n"
	"  -O OVERHEAD, --summary-syscall-overhead=OVERHEAD\n"
	"                 subtract OVERHEAD (us, or with s/ms/us/ns) per call\n"
	"\n"
	"Output format:\n"
	"  -t, --absolute-timestamps\n"
	"                 print the time of day on each line\n"
	"  -tt            ... with microseconds\n"
	"  -ttt           ... as seconds since the epoch, with microseconds\n"
	"  --absolute-timestamps=[[format:]FORMAT[,[precision:]PRECISION]]\n"
	"                 FORMAT: none, time, unix; PRECISION: s, ms, us, ns\n"
	"  -r, --relative-timestamps[=PRECISION]\n"
	"                 print the time since the previous line\n"
	"  -T, --syscall-times[=PRECISION]\n"
	"                 print the time spent in each syscall\n"
	"  -a COLUMN, --columns=COLUMN\n"
	"                 alignment COLUMN for printing syscall results "
	"(default 40)\n"
	"  -o FILE, --output=FILE\n"
	"                 send trace output to FILE instead of stderr\n"
	"                 (|COMMAND or !COMMAND: to COMMAND's standard input)\n"
	"  -A, --output-append-mode\n"
	"                 open the file provided in the -o option in append mode\n"
	"  -s STRSIZE, --string-limit=STRSIZE\n"
	"                 limit length of print strings to STRSIZE chars "
	"(default 32)\n"
	"  -v, --no-abbrev\n"
	"                 print the environment, stat structures and the like\n"
	"                 in full (-e abbrev=none)\n"
	"  -x             print non-ASCII strings in hex\n"
	"  -xx            print all strings in hex\n"
	"  -e verbose=SET, --verbose=SET\n"
	"                 decode structures only for SET (default all)\n"
	"  -e raw=SET, --raw=SET\n"
	"                 print the arguments of SET undecoded, in hex\n"
	"  -e read=FDS, --read=FDS\n"
	"                 dump the data read from these descriptors\n"
	"  -e write=FDS, --write=FDS\n"
	"                 dump the data written to these descriptors\n"
	"  --decode-pids=comm\n"
	"                 print command names after pids: 1234<sh>\n"
	"  -X FORMAT, --const-print-style=FORMAT\n"
	"                 constants as: abbrev (names, the default), raw\n"
	"                 (numbers), verbose (numbers /* names */)\n"
	"  -y, --decode-fds=path\n"
	"                 print the paths of descriptors: 3</etc/passwd>\n"
	"  -yy, --decode-fds=all\n"
	"                 ... and socket endpoints (TCP:[1.2.3.4:5->...]),\n"
	"                 device numbers (</dev/null<char 1:3>>)\n"
	"  --json, --output-format=json\n"
	"                 write JSON Lines, one record per event, instead of\n"
	"                 text (the format: man 5 sctrace-json)\n"
	"  --no-aslr      run PROG without address space randomization, so\n"
	"                 that addresses repeat from run to run\n"
	"\n"
	"Miscellaneous:\n"
	"  -h, --help     print help message\n"
	"  -V, --version  print version\n"
	"\n"
	"Environment:\n"
	"  SCTRACE_FETCH=getregs\n"
	"                 read syscalls with PTRACE_GETREGS instead of\n"
	"                 PTRACE_GET_SYSCALL_INFO (for testing the fallback)\n";

void usage_error(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fflush(stdout);
	fprintf(stderr, "sctrace: %s\nTry 'sctrace -h' for more information.\n",
		buf);
	exit(1);
}

/* Long options that are -e qualifiers: --trace=SET is -e trace=SET. */
#define LONG_QUAL 512

/* KIND -1: a whole -e EXPR.  strace prints these errors without usage. */
static void qualify_or_die(int kind, const char *arg)
{
	char err[512];
	int rc = kind < 0 ? qualify_parse(arg, err, sizeof(err)) :
			    qualify_parse_kind((enum qual_kind)kind, arg, err,
					       sizeof(err));

	if (rc)
		die("%s", err);
}

static void add_attach(const char *arg)
{
	char *copy = xstrdup(arg), *save = NULL;

	for (char *tok = strtok_r(copy, ", \t\n", &save); tok;
	     tok = strtok_r(NULL, ", \t\n", &save)) {
		char *end;
		long pid;

		errno = 0;
		pid = strtol(tok, &end, 10);
		if (errno || end == tok || *end || pid <= 0 || pid > INT_MAX)
			die("Invalid process id: '%s'", tok);
		if (pid == getpid())
			die("I'm sorry, I can't let you do that, Dave.");
		opt.attach = xrealloc(opt.attach,
				      (opt.nattach + 1) * sizeof(*opt.attach));
		opt.attach[opt.nattach++] = (pid_t)pid;
	}
	free(copy);
}

extern char **environ;

/* -E VAR=VAL sets, -E VAR removes: applied in order to a copy of ours. */
static void edit_env(const char *arg)
{
	size_t n = 0, len = strcspn(arg, "=");
	char **env = opt.cmd_envp;

	if (!env) {
		for (char **e = environ; *e; e++)
			n++;
		env = xcalloc(n + 1, sizeof(*env));
		memcpy(env, environ, n * sizeof(*env));
	} else {
		while (env[n])
			n++;
	}
	for (size_t i = 0; i < n; i++) {
		if (strncmp(env[i], arg, len) || env[i][len] != '=')
			continue;
		memmove(&env[i], &env[i + 1], (n - i) * sizeof(*env));
		n--;
		break;
	}
	if (arg[len] == '=') {
		env = xrealloc(env, (n + 2) * sizeof(*env));
		env[n++] = (char *)arg;
		env[n] = NULL;
	}
	opt.cmd_envp = env;
}

static void set_user(const char *name)
{
	struct passwd *pw = getpwnam(name);

	if (!pw)
		die("Cannot find user '%s'", name);
	opt.username = name;
	opt.run_uid = pw->pw_uid;
	opt.run_gid = pw->pw_gid;
}

/* s, ms, us, ns -> digits after the point; -1 if none of them. */
static int parse_precision(const char *s)
{
	static const char *const names[] = { "s", "ms", "us", "ns" };

	for (int i = 0; i < 4; i++)
		if (!strcmp(s, names[i]))
			return 3 * i;
	return -1;
}

static int parse_ts_format(const char *s)
{
	static const char *const names[] = { "none", "time", "unix" };

	for (int i = 0; i < 3; i++)
		if (!strcmp(s, names[i]))
			return i;
	return -1;
}

/* --absolute-timestamps=[[format:]FORMAT[,[precision:]PRECISION]] */
static void parse_abs_ts(const char *arg)
{
	char *copy = xstrdup(arg), *save = NULL;

	opt.abs_ts.format = TS_TIME;
	opt.abs_ts.precision = 0;
	for (char *tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		bool want_format = !strncmp(tok, "format:", 7);
		bool want_prec = !strncmp(tok, "precision:", 10);
		const char *v = want_format ? tok + 7 : want_prec ? tok + 10 : tok;
		int f = want_prec ? -1 : parse_ts_format(v);
		int p = want_format ? -1 : parse_precision(v);

		if (f >= 0)
			opt.abs_ts.format = (enum ts_format)f;
		else if (p >= 0)
			opt.abs_ts.precision = p;
		else
			usage_error("invalid --absolute-timestamps argument: '%s'",
				    arg);
	}
	free(copy);
}

static int parse_precision_arg(const char *arg, const char *optname)
{
	int prec;

	if (!arg)
		return 6;
	if (!strncmp(arg, "precision:", 10))
		arg += 10;
	prec = parse_precision(arg);
	if (prec < 0)
		usage_error("invalid %s argument: '%s'", optname, arg);
	return prec;
}

static enum intr_mode parse_intr(const char *s)
{
	static const char *const names[] = {
		NULL, "anywhere", "waiting", "never", "never_tstp"
	};

	for (int i = INTR_ANYWHERE; i <= INTR_NEVER_TSTP; i++) {
		char num[2] = { (char)('0' + i), '\0' };

		if (!strcmp(s, num) || !strcmp(s, names[i]))
			return (enum intr_mode)i;
	}
	usage_error("invalid -I argument: '%s'", s);
}

static int parse_nonneg(const char *s, const char *optname)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > INT_MAX)
		usage_error("invalid %s argument: '%s'", optname, s);
	return (int)v;
}

/* Like strace: a name without '/' is looked up in PATH. */
static const char *resolve_command(const char *name)
{
	struct stat st;

	if (*name && !strchr(name, '/')) {
		const char *path = getenv("PATH");
		char buf[PATH_MAX];

		/* As strace: without PATH, no search (not execvp's default). */
		if (!path)
			path = "";
		while (*path) {
			const char *colon = strchr(path, ':');
			size_t dlen =
				colon ? (size_t)(colon - path) : strlen(path);
			int n;

			if (dlen == 0)
				n = snprintf(buf, sizeof(buf), "%s", name);
			else
				n = snprintf(buf, sizeof(buf), "%.*s/%s",
					     (int)dlen, path, name);
			if (n > 0 && n < (int)sizeof(buf) &&
			    stat(buf, &st) == 0 && S_ISREG(st.st_mode) &&
			    (st.st_mode & 0111))
				return xstrdup(buf);
			path += dlen + (colon != NULL);
		}
	}
	if (stat(name, &st) < 0)
		pdie("Can't stat '%s'", name);
	return name;
}

static void print_version(void)
{
	printf("sctrace -- version %s\n"
	       "Optional features enabled:"
#ifdef HAVE_LIBSECCOMP
	       " seccomp-bpf"
#endif
#ifdef HAVE_LIBUNWIND
	       " stack-trace=libunwind"
#endif
#ifdef HAVE_LIBDW
	       " libdw"
#endif
	       "\n",
	       PACKAGE_VERSION);
}

void options_parse(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "columns", required_argument, NULL, 'a' },
		{ "trace", required_argument, NULL, LONG_QUAL + QUAL_TRACE },
		{ "abbrev", required_argument, NULL, LONG_QUAL + QUAL_ABBREV },
		{ "verbose", required_argument, NULL, LONG_QUAL + QUAL_VERBOSE },
		{ "raw", required_argument, NULL, LONG_QUAL + QUAL_RAW },
		{ "signal", required_argument, NULL, LONG_QUAL + QUAL_SIGNAL },
		{ "signals", required_argument, NULL, LONG_QUAL + QUAL_SIGNAL },
		{ "status", required_argument, NULL, LONG_QUAL + QUAL_STATUS },
		{ "silent", required_argument, NULL, LONG_QUAL + QUAL_QUIET },
		{ "silence", required_argument, NULL, LONG_QUAL + QUAL_QUIET },
		{ "read", required_argument, NULL, LONG_QUAL + QUAL_READ },
		{ "write", required_argument, NULL, LONG_QUAL + QUAL_WRITE },
		{ "fault", required_argument, NULL, LONG_QUAL + QUAL_FAULT },
		{ "inject", required_argument, NULL, LONG_QUAL + QUAL_INJECT },
		{ "kvm", required_argument, NULL, LONG_QUAL + QUAL_KVM },
		{ "decode-fds", required_argument, NULL, LONG_QUAL + QUAL_DECODE_FDS },
		{ "decode-pids", required_argument, NULL, LONG_QUAL + QUAL_DECODE_PIDS },
		{ "attach", required_argument, NULL, 'p' },
		{ "daemonize", no_argument, NULL, 'D' },
		{ "detach-on", required_argument, NULL, 'b' },
		{ "seccomp-bpf", no_argument, NULL, 'S' + 256 },
		{ "absolute-timestamps", optional_argument, NULL, 'A' + 256 },
		{ "summary-only", no_argument, NULL, 'c' },
		{ "stack-trace", no_argument, NULL, 'k' },
		{ "no-abbrev", no_argument, NULL, 'v' },
		{ "trace-path", required_argument, NULL, 'P' },
		{ "trace-fds", required_argument, NULL, 'F' + 256 },
		{ "summary", no_argument, NULL, 'C' },
		{ "summary-sort-by", required_argument, NULL, 'S' },
		{ "summary-columns", required_argument, NULL, 'U' },
		{ "summary-wall-clock", no_argument, NULL, 'w' },
		{ "summary-syscall-overhead", required_argument, NULL, 'O' },
		{ "successful-only", no_argument, NULL, 'z' },
		{ "failed-only", no_argument, NULL, 'Z' },
		{ "timestamps", optional_argument, NULL, 'A' + 256 },
		{ "relative-timestamps", optional_argument, NULL, 'R' + 256 },
		{ "syscall-times", optional_argument, NULL, 'T' + 256 },
		{ "no-seccomp", no_argument, NULL, 'N' + 256 },
		{ "env", required_argument, NULL, 'E' },
		{ "user", required_argument, NULL, 'u' },
		{ "interruptible", required_argument, NULL, 'I' },
		{ "follow-forks", no_argument, NULL, 'f' },
		{ "output-separately", no_argument, NULL, 'F' },
		{ "quiet", optional_argument, NULL, 'q' },
		{ "output", required_argument, NULL, 'o' },
		{ "output-append-mode", no_argument, NULL, 'A' },
		{ "string-limit", required_argument, NULL, 's' },
		{ "const-print-style", required_argument, NULL, 'X' },
		{ "json", no_argument, NULL, 'J' + 256 },
		{ "output-format", required_argument, NULL, 'j' + 256 },
		{ "no-aslr", no_argument, NULL, 'n' + 256 },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *fetch = getenv("SCTRACE_FETCH");
	uint64_t overhead;
	char err[512];
	int c, yflag = 0;

	summary_opts_init(&opt.summary);
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:a:Ab:cCDe:E:fI:ko:O:p:P:qrs:S:tTu:U:hvVwxX:yzZ", longopts, NULL)) !=
	       -1) {
		switch (c) {
		case 'a':
			opt.acolumn = parse_nonneg(optarg, "-a");
			break;
		case 'b':
			if (strcmp(optarg, "execve"))
				die("Syscall '%s' for -b isn't supported", optarg);
			opt.detach_on_execve = true;
			break;
		case 'D':
			opt.daemonize++;
			break;
		case 'c':
			opt.count = 1;
			break;
		case 'v':	/* -e abbrev=none */
			qualify_or_die(QUAL_ABBREV, "none");
			break;
		case 'k': {
			const char *why = stack_load();

			if (why)
				die("%s", why);
			opt.stack_trace = true;
			break;
		}
		case 'P':
			pathtrace_add_path(optarg);
			break;
		case 'F' + 256:
			if (pathtrace_set_fds(optarg, err, sizeof(err)))
				die("%s", err);
			break;
		case 'C':
			opt.count = 2;
			break;
		case 'S':
			opt.summary.sortby = summary_parse_sortby(optarg);
			if (opt.summary.sortby < 0)
				usage_error("invalid sortby: '%s'", optarg);
			break;
		case 'U':
			if (summary_parse_columns(optarg, &opt.summary, err,
						  sizeof(err)))
				usage_error("%s", err);
			break;
		case 'w':
			opt.summary.wall = true;
			break;
		case 'O':
			if (summary_parse_overhead(optarg, &overhead))
				usage_error("invalid -O argument: '%s'", optarg);
			summary_set_overhead(overhead);
			break;
		case 'z':
			qualify_or_die(QUAL_STATUS, "successful");
			break;
		case 'Z':
			qualify_or_die(QUAL_STATUS, "failed");
			break;
		case 't':
			if (opt.abs_ts.format == TS_NONE)
				opt.abs_ts = (struct ts_spec){ TS_TIME, 0 };
			else if (opt.abs_ts.precision == 0)
				opt.abs_ts.precision = 6;
			else
				opt.abs_ts.format = TS_UNIX;
			break;
		case 'A' + 256:
			if (optarg)
				parse_abs_ts(optarg);
			else
				opt.abs_ts = (struct ts_spec){ TS_TIME, 0 };
			break;
		case 'r':
			opt.rel_ts = 6;
			break;
		case 'R' + 256:
			opt.rel_ts = parse_precision_arg(optarg,
							 "--relative-timestamps");
			break;
		case 'T':
			opt.syscall_times = 6;
			break;
		case 'T' + 256:
			opt.syscall_times = parse_precision_arg(optarg,
								"--syscall-times");
			break;
		case 'S' + 256:
			opt.seccomp = SECCOMP_FORCE;
			break;
		case 'J' + 256:
			opt.json = true;
			break;
		case 'j' + 256:
			if (strcmp(optarg, "json") && strcmp(optarg, "text"))
				usage_error("invalid --output-format argument: "
					    "'%s' (json or text)", optarg);
			opt.json = !strcmp(optarg, "json");
			break;
		case 'n' + 256:
			opt.no_aslr = true;
			break;
		case 'N' + 256:
			opt.seccomp = SECCOMP_OFF;
			break;
		case 'E':
			edit_env(optarg);
			break;
		case 'f':
			opt.follow_forks++;
			break;
		case 'u':
			set_user(optarg);
			break;
		case 'F':
			opt.follow_forks = 2;
			break;
		case 'I':
			opt.intr = parse_intr(optarg);
			break;
		case 'o':
			opt.outfile = optarg;
			break;
		case 'A':
			opt.append = true;
			break;
		case 'p':
			add_attach(optarg);
			break;
		case 'q':
			if (optarg)	/* --quiet=SET is -e quiet=SET */
				qualify_or_die(QUAL_QUIET, optarg);
			else
				opt.quiet++;
			break;
		case 'e':
			qualify_or_die(-1, optarg);
			break;
		case 's':
			opt.max_strlen = parse_nonneg(optarg, "-s");
			break;
		case 'x':
			opt.xflag++;
			break;
		case 'X':
			if (!strcmp(optarg, "raw"))
				opt.xlat_style = XLAT_RAW;
			else if (!strcmp(optarg, "abbrev"))
				opt.xlat_style = XLAT_ABBREV;
			else if (!strcmp(optarg, "verbose"))
				opt.xlat_style = XLAT_VERBOSE;
			else
				usage_error("invalid -X argument: '%s'", optarg);
			break;
		case 'y':	/* -y: decode-fds=path; -yy: all */
			qualify_or_die(QUAL_DECODE_FDS,
				       ++yflag > 1 ? "all" : "path");
			break;
		case 'h':
			fputs(usage_text, stdout);
			exit(0);
		case 'V':
			print_version();
			exit(0);
		case ':':
			usage_error("option requires an argument -- '%c'",
				    optopt);
		default:
			if (c >= LONG_QUAL && c <= LONG_QUAL + QUAL_DECODE_PIDS) {
				qualify_or_die(c - LONG_QUAL, optarg);
				break;
			}
			if (optopt)
				usage_error("invalid option -- '%c'", optopt);
			usage_error("unrecognized option '%s'",
				    argv[optind - 1]);
		}
	}
	if (optind >= argc && !opt.nattach)
		usage_error("must have PROG [ARGS] or -p PID");

	if (fetch && *fetch) {
		if (!strcmp(fetch, "getregs"))
			opt.fetch = FETCH_GETREGS;
		else if (strcmp(fetch, "auto"))
			usage_error("invalid SCTRACE_FETCH value: '%s'", fetch);
	}

	if (optind < argc) {
		opt.cmd_argv = argv + optind;
		opt.cmd_path = resolve_command(argv[optind]);
	}
	if (opt.append && !opt.outfile)
		error_msg("-A/--output-append-mode has no effect without "
			  "-o/--output");
	if (opt.outfile && (*opt.outfile == '|' || *opt.outfile == '!') &&
	    opt.follow_forks >= 2)
		usage_error("piping the output and -ff/--output-separately are "
			    "mutually exclusive");
	if (opt.count && opt.follow_forks >= 2 && opt.outfile)
		usage_error("(-c/--summary-only or -C/--summary) and "
			    "-ff/--output-separately are mutually exclusive");
	/* Parsed as strace parses them, but not done: refused, not ignored. */
	/* Asked once here, not at every descriptor, pid and line. */
	opt.decode_fds = qual_decode_fd(DECODE_FD_PATH) ||
			 qual_decode_fd(DECODE_FD_SOCKET) ||
			 qual_decode_fd(DECODE_FD_DEV) ||
			 qual_decode_fd(DECODE_FD_PIDFD);
	opt.decode_pids = qual_decode_pid(DECODE_PID_COMM);
	if (qual_decode_pid(DECODE_PID_PIDNS))
		usage_error("-e decode-pids=pidns is not supported yet");
	if (qual_kvm())
		usage_error("-e kvm=vcpu (--kvm) is not supported yet");
	if (opt.json && opt.count)
		usage_error("--json and -c/-C are mutually exclusive "
			    "(the summary is a text table)");
	if (opt.json && opt.stack_trace)
		usage_error("--json and -k are mutually exclusive");
	if (opt.no_aslr && !opt.cmd_path)
		usage_error("--no-aslr needs PROG [ARGS]");
	opt.argc = argc;
	opt.argv = argv;
	if (opt.daemonize && !opt.cmd_path)
		usage_error("PROG [ARGS] must be specified with -D/--daemonize");
	if (!opt.intr)
		opt.intr = opt.outfile && opt.cmd_path ? INTR_NEVER : INTR_WAITING;
}
