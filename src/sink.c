#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emit.h"
#include "options.h"
#include "sink.h"
#include "summary.h"
#include "tracee.h"
#include "util.h"

struct output {
	FILE *fp;
	struct tracee *open_line;	/* whose half line is on it */
	unsigned int users;
};

enum prefix_mode {
	PREFIX_NONE,
	PREFIX_COLUMN,	/* "1234  " on every line: -f with -o FILE */
	PREFIX_BRACKET,	/* "[pid  1234] " while several are traced */
};

static struct output shared_out;
static bool shared_is_stderr;
static bool per_pid;		/* -ff -o FILE */
static enum prefix_mode prefix_mode;
static bool failed;
static bool interactive;	/* someone may be reading it as it grows */
static bool pending;		/* written since the last flush */

static void report_failure(void)
{
	if (failed)
		return;
	failed = true;
	/* errno still tells why the last write failed. */
	if (shared_is_stderr && !per_pid)
		return;	/* nowhere left to say it */
	sink_flush();
	perror_msg("write error on trace output");
}

/*
 * -o '|COMMAND' (or '!COMMAND'): the trace is COMMAND's standard input,
 * as strace's.  COMMAND runs under sh -c, untraced, with the signal
 * dispositions sctrace was given; sctrace waits for it before exiting,
 * so that what it prints is out when sctrace's caller goes on.
 */
static pid_t pipe_pid;

static FILE *open_pipe(const char *command)
{
	int fds[2];
	FILE *fp;

	if (pipe2(fds, O_CLOEXEC) < 0)
		pdie("pipe");
	fflush(NULL);
	pipe_pid = fork();
	if (pipe_pid < 0)
		pdie("fork");
	if (pipe_pid == 0) {
		if (dup2(fds[0], 0) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		perror_msg("Can't execute '/bin/sh'");
		_exit(127);
	}
	close(fds[0]);
	fp = fdopen(fds[1], "w");
	if (!fp)
		pdie("fdopen");
	return fp;
}

/* "e": the file is not inherited by the command. */
static FILE *open_file(const char *path, const char *mode)
{
	FILE *fp = *path == '|' || *path == '!' ? open_pipe(path + 1)
						: fopen(path, mode);

	if (!fp)
		pdie("Can't fopen '%s'", path);
	if (setvbuf(fp, NULL, _IOFBF, 1 << 16) != 0)
		die("out of memory");
	return fp;
}

/* A terminal, pipe or socket: a person or a program reads it live. */
static bool is_interactive(int fd)
{
	struct stat st;

	return isatty(fd) || fstat(fd, &st) < 0 || S_ISFIFO(st.st_mode) ||
	       S_ISSOCK(st.st_mode);
}

static void put(struct output *o, const char *s, size_t n);

/* "2026-11-21T21:00:00.123456Z" */
static void put_utc_now(struct strbuf *sb)
{
	struct timespec now;
	struct tm tm;
	char buf[64];

	clock_gettime(CLOCK_REALTIME, &now);
	gmtime_r(&now.tv_sec, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
	sb_printf(sb, "\"%s.%06ldZ\"", buf, now.tv_nsec / 1000);
}

static void put_json_argv(struct strbuf *sb, char **argv, int argc)
{
	sb_putc(sb, '[');
	for (int i = 0; i < argc; i++) {
		if (i)
			sb_putc(sb, ',');
		json_bytes(sb, (const unsigned char *)argv[i], strlen(argv[i]),
			   0);
	}
	sb_putc(sb, ']');
}

/* The first record of a JSON trace (of each file with -ff). */
static void put_header(struct output *o)
{
	struct strbuf sb = { 0 };
	int ncmd = 0;

	while (opt.cmd_argv && opt.cmd_argv[ncmd])
		ncmd++;
	sb_printf(&sb, "{\"type\":\"header\",\"schema_version\":%d,"
		       "\"sctrace_version\":\"%s\",\"command\":",
		  JSON_SCHEMA_VERSION, PACKAGE_VERSION);
	put_json_argv(&sb, opt.cmd_argv, ncmd);
	sb_puts(&sb, ",\"argv\":");
	put_json_argv(&sb, opt.argv, opt.argc);
	sb_puts(&sb, ",\"start_time\":");
	put_utc_now(&sb);
	sb_puts(&sb, ",\"abi\":\"x86_64\"}\n");
	put(o, sb.buf, sb.len);
	sb_free(&sb);
}

void sink_open(void)
{
	static char errbuf[1 << 16];

	if (!opt.outfile) {
		shared_out.fp = stderr;
		shared_is_stderr = true;
		interactive = true;
		setvbuf(stderr, errbuf, _IOFBF, sizeof(errbuf));
		prefix_mode = opt.json ? PREFIX_NONE : PREFIX_BRACKET;
	} else if (opt.follow_forks >= 2) {
		per_pid = true;	/* FILE.PID, made as tracees appear */
		return;
	} else {
		shared_out.fp =
			open_file(opt.outfile, opt.append ? "ae" : "we");
		if ((opt.follow_forks || opt.nattach > 1) && !opt.json)
			prefix_mode = PREFIX_COLUMN;
		interactive = is_interactive(fileno(shared_out.fp));
	}
	if (opt.json)
		put_header(&shared_out);
}

static void attach_output(struct tracee *tp, const char *mode)
{
	if (per_pid) {
		char path[4096];

		snprintf(path, sizeof(path), "%s.%d", opt.outfile, tp->pid);
		tp->out = xcalloc(1, sizeof(*tp->out));
		tp->out->fp = open_file(path, mode);
		if (opt.json && *mode == 'w')
			put_header(tp->out);
	} else {
		tp->out = &shared_out;
	}
	tp->out->users++;
}

static void detach_output(struct tracee *tp)
{
	struct output *o = tp->out;

	tp->out = NULL;
	if (--o->users == 0 && o != &shared_out) {
		if (fclose(o->fp) != 0)
			report_failure();
		free(o);
	}
}

void sink_attach(struct tracee *tp)
{
	attach_output(tp, opt.append ? "ae" : "we");
}

static void put(struct output *o, const char *s, size_t n)
{
	if (failed || !n)
		return;
	pending = true;
	if (fwrite(s, 1, n, o->fp) != n)
		report_failure();
}

/* The time of the previous line, for -r. */
static struct timespec last_line;
static bool have_last_line;

/* "." and PRECISION digits of NSEC, or nothing for whole seconds. */
static int fraction(char *buf, size_t size, long nsec, int precision)
{
	long div = 1;

	if (!precision)
		return snprintf(buf, size, "%s", "");
	for (int i = precision; i < 9; i++)
		div *= 10;
	return snprintf(buf, size, ".%0*ld", precision, nsec / div);
}

static int absolute_ts(char *buf, size_t size)
{
	struct timespec now;
	struct tm tm;
	int n;

	clock_gettime(CLOCK_REALTIME, &now);
	if (opt.abs_ts.format == TS_UNIX) {
		n = snprintf(buf, size, "%lld", (long long)now.tv_sec);
	} else {
		localtime_r(&now.tv_sec, &tm);
		n = (int)strftime(buf, size, "%H:%M:%S", &tm);
	}
	return n + fraction(buf + n, size - n, now.tv_nsec, opt.abs_ts.precision);
}

/* Seconds since the previous line; COMMIT makes this line the previous. */
static int relative_ts(char *buf, size_t size, bool commit)
{
	struct timespec now, d = { 0, 0 };
	int n;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (have_last_line) {
		d.tv_sec = now.tv_sec - last_line.tv_sec;
		d.tv_nsec = now.tv_nsec - last_line.tv_nsec;
		if (d.tv_nsec < 0) {
			d.tv_sec--;
			d.tv_nsec += 1000000000;
		}
	}
	if (commit) {
		last_line = now;
		have_last_line = true;
	}
	n = snprintf(buf, size, "%6lld", (long long)d.tv_sec);
	return n + fraction(buf + n, size - n, d.tv_nsec, opt.rel_ts);
}

/* strace's line start: the pid, then the timestamps. */
/*
 * --decode-pids=comm: the tracee's command name, remembered for the lines
 * that come after it is reaped ("+++ exited with 0 +++").
 */
static const char *tracee_comm(struct tracee *tp)
{
	if (!opt.decode_pids)
		return NULL;
	proc_comm(tp->pid, tp->comm, sizeof(tp->comm));
	return tp->comm[0] ? tp->comm : NULL;
}

static size_t prefix(struct tracee *tp, char *buf, size_t size, bool commit)
{
	const char *comm = prefix_mode == PREFIX_NONE ? NULL : tracee_comm(tp);
	size_t n = 0;

	switch (prefix_mode) {
	case PREFIX_COLUMN:	/* "%-5d ", or "1234<sh> " (--decode-pids) */
		n = fmt_long(buf, tp->pid);
		if (comm) {
			n += snprintf(buf + n, size - n, "<%s> ", comm);
			break;
		}
		while (n < 5)
			buf[n++] = ' ';
		buf[n++] = ' ';
		break;
	case PREFIX_BRACKET:
		if (tracee_visible_count() <= 1)
			break;
		if (comm)
			n = snprintf(buf, size, "[pid %5d<%s>] ", tp->pid, comm);
		else
			n = snprintf(buf, size, "[pid %5d] ", tp->pid);
		break;
	case PREFIX_NONE:
		break;
	}
	buf[n] = '\0';
	if (opt.abs_ts.format != TS_NONE) {
		n += absolute_ts(buf + n, size - n);
		if (opt.rel_ts >= 0) {
			n += snprintf(buf + n, size - n, " (+");
			n += relative_ts(buf + n, size - n, commit);
			n += snprintf(buf + n, size - n, ")");
		}
		n += snprintf(buf + n, size - n, " ");
	} else if (opt.rel_ts >= 0) {
		n += relative_ts(buf + n, size - n, commit);
		n += snprintf(buf + n, size - n, " ");
	}
	return n;
}

/* The start of a physical line: the prefix goes out first. */
static void start_line(struct tracee *tp)
{
	char buf[128];

	if (tp->outcol || opt.json)
		return;
	tp->outcol = prefix(tp, buf, sizeof(buf), true);
	put(tp->out, buf, tp->outcol);
}

void sink_begin_line(struct tracee *tp)
{
	struct output *o = tp->out;
	struct tracee *other = o->open_line;

	if (other && other != tp) {
		put(o, " <unfinished ...>\n", 18);
		other->flags |= TRC_CUT;
		other->outcol = 0;
		o->open_line = NULL;
	}
}

bool sink_was_cut(const struct tracee *tp)
{
	return (tp->flags & TRC_CUT) != 0;
}

void sink_flush_partial(struct tracee *tp)
{
	sink_begin_line(tp);
	start_line(tp);
	put(tp->out, tp->line.buf, tp->line.len);
	tp->outcol += tp->line.len;
	sb_reset(&tp->line);
	tp->flags |= TRC_LINE_OPEN;
	tp->flags &= ~TRC_CUT;
	tp->out->open_line = tp;
}

void sink_end_line(struct tracee *tp)
{
	sink_begin_line(tp);
	start_line(tp);
	if (opt.json)
		sb_putc(&tp->line, '}'); /* emit_record_begin() opened it */
	sb_putc(&tp->line, '\n');
	put(tp->out, tp->line.buf, tp->line.len);
	sb_reset(&tp->line);
	tp->outcol = 0;
	tp->flags &= ~(TRC_LINE_OPEN | TRC_CUT);
	if (tp->out->open_line == tp)
		tp->out->open_line = NULL;
}

void sink_pid_changed(struct tracee *tp)
{
	char buf[64];
	bool open = tp->out->open_line == tp;

	if (per_pid) {
		/* The old file ends here; the line goes on in the new pid's. */
		if (open) {
			snprintf(buf, sizeof(buf), " <pid changed to %d ...>\n",
				 tp->pid);
			put(tp->out, buf, strlen(buf));
			tp->out->open_line = NULL;
		}
		detach_output(tp);
		attach_output(tp, "ae");
	} else if (open) {
		/* The rest of the line needs the new pid's prefix. */
		put(tp->out, " <unfinished ...>\n", 18);
		tp->out->open_line = NULL;
	}
	if (tp->flags & TRC_LINE_OPEN)
		tp->flags |= TRC_CUT;
	tp->outcol = 0;
}

void sink_forget(struct tracee *tp)
{
	struct output *o = tp->out;

	if (!o)
		return;
	if (o->open_line == tp) {
		put(o, " <unfinished ...>\n", 18);
		o->open_line = NULL;
	}
	sb_reset(&tp->line);
	tp->flags &= ~(TRC_LINE_OPEN | TRC_CUT);
	tp->outcol = 0;
	detach_output(tp);
}

size_t sink_column(struct tracee *tp)
{
	char buf[128];

	return (tp->outcol ? tp->outcol : prefix(tp, buf, sizeof(buf), false)) +
	       tp->line.len;
}

void sink_sync(void)
{
	if (shared_is_stderr)
		sink_flush();
}

bool sink_interactive(void)
{
	return interactive;
}

bool sink_pending(void)
{
	return pending;
}

void sink_flush(void)
{
	if (failed)
		return;
	pending = false;
	if (shared_out.fp && fflush(shared_out.fp) != 0) {
		report_failure();
		return;
	}
	if (per_pid)
		for (struct tracee *tp = tracee_first(); tp; tp = tp->lnext)
			if (tp->out && fflush(tp->out->fp) != 0) {
				report_failure();
				return;
			}
}

/*
 * "[ Process PID=N runs in 32 bit mode. ]": strace puts it in the trace
 * when the trace goes to stderr, and leaves it out of -o files.
 */
void sink_personality(struct tracee *tp, int bits)
{
	char buf[96];

	if (opt.json) {
		emit_record_begin(tp, "personality");
		emit_member_int(tp, "bits", bits);
		sink_end_line(tp);
		return;
	}
	if (!shared_is_stderr)
		return;
	snprintf(buf, sizeof(buf), "[ Process PID=%d runs in %d bit mode. ]",
		 tp->pid, bits);
	sink_begin_line(tp);
	sb_puts(&tp->line, buf);
	sink_end_line(tp);
}

void sink_raw_line(struct tracee *tp, const char *text)
{
	sink_begin_line(tp);
	put(tp->out, text, strlen(text));
	put(tp->out, "\n", 1);
}

void sink_summary(void)
{
	FILE *out = shared_out.fp ? shared_out.fp : stderr;

	if (failed)
		return;
	summary_print(out, &opt.summary);
	if (ferror(out))
		report_failure();
}

bool sink_failed(void)
{
	return failed;
}

bool sink_close(void)
{
	sink_flush();
	if (shared_out.fp && !shared_is_stderr) {
		if (fclose(shared_out.fp) != 0)
			report_failure();
		shared_out.fp = NULL;
	}
	/* ECHILD: it ended before, and the tracer's wait4 took it. */
	while (pipe_pid > 0 && waitpid(pipe_pid, NULL, 0) < 0 && errno == EINTR)
		;
	pipe_pid = 0;
	return !failed;
}
