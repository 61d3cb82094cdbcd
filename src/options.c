#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "options.h"
#include "util.h"

struct options opt = {
	.max_strlen = 32,
	.acolumn = 40,
};

static const char usage_text[] =
	"Usage: sctrace [-hVx] [-a COLUMN] [-o FILE] [-s STRSIZE] PROG [ARGS]\n"
	"\n"
	"Trace the system calls of PROG, printed as strace prints them.\n"
	"\n"
	"Output format:\n"
	"  -a COLUMN, --columns=COLUMN\n"
	"                 alignment COLUMN for printing syscall results "
	"(default 40)\n"
	"  -o FILE, --output=FILE\n"
	"                 send trace output to FILE instead of stderr\n"
	"  -s STRSIZE, --string-limit=STRSIZE\n"
	"                 limit length of print strings to STRSIZE chars "
	"(default 32)\n"
	"  -x             print non-ASCII strings in hex\n"
	"  -xx            print all strings in hex\n"
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

		if (!path)
			path = "/usr/local/bin:/usr/bin:/bin";
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
		{ "output", required_argument, NULL, 'o' },
		{ "string-limit", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *fetch = getenv("SCTRACE_FETCH");
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:a:o:s:hVx", longopts, NULL)) !=
	       -1) {
		switch (c) {
		case 'a':
			opt.acolumn = parse_nonneg(optarg, "-a");
			break;
		case 'o':
			opt.outfile = optarg;
			break;
		case 's':
			opt.max_strlen = parse_nonneg(optarg, "-s");
			break;
		case 'x':
			opt.xflag++;
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
			if (optopt)
				usage_error("invalid option -- '%c'", optopt);
			usage_error("unrecognized option '%s'",
				    argv[optind - 1]);
		}
	}
	if (optind >= argc)
		usage_error("must have PROG [ARGS]");

	if (fetch && *fetch) {
		if (!strcmp(fetch, "getregs"))
			opt.fetch = FETCH_GETREGS;
		else if (strcmp(fetch, "auto"))
			usage_error("invalid SCTRACE_FETCH value: '%s'", fetch);
	}

	opt.cmd_argv = argv + optind;
	opt.cmd_path = resolve_command(argv[optind]);
}
