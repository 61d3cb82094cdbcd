#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sink.h"
#include "tracee.h"
#include "util.h"

static FILE *out;
static bool shared; /* stderr: the tracee writes there too */
static bool failed;
static struct tracee *open_line; /* whose half line is on the output */

void sink_open(const char *path)
{
	static char buf[1 << 16];

	if (path) {
		out = fopen(path, "we"); /* not inherited by the command */
		if (!out)
			pdie("Can't fopen '%s'", path);
	} else {
		out = stderr;
		shared = true;
	}
	setvbuf(out, buf, _IOFBF, sizeof(buf));
}

static void check(void)
{
	if (!failed && ferror(out)) {
		failed = true;
		/* errno still tells why the last write failed. */
		if (out == stderr)
			return; /* nowhere left to say it */
		perror_msg("write error on trace output");
	}
}

static void put(const char *s, size_t n)
{
	if (failed || !n)
		return;
	if (fwrite(s, 1, n, out) != n)
		check();
}

void sink_begin_line(struct tracee *tp)
{
	if (open_line && open_line != tp) {
		put(" <unfinished ...>\n", 18);
		open_line->flags |= TRC_CUT;
		open_line->outcol = 0;
		open_line = NULL;
	}
}

bool sink_was_cut(const struct tracee *tp)
{
	return (tp->flags & TRC_CUT) != 0;
}

void sink_flush_partial(struct tracee *tp)
{
	sink_begin_line(tp);
	put(tp->line.buf, tp->line.len);
	tp->outcol += tp->line.len;
	sb_reset(&tp->line);
	tp->flags |= TRC_LINE_OPEN;
	tp->flags &= ~TRC_CUT;
	open_line = tp;
}

void sink_end_line(struct tracee *tp)
{
	sink_begin_line(tp);
	sb_putc(&tp->line, '\n');
	put(tp->line.buf, tp->line.len);
	sb_reset(&tp->line);
	tp->outcol = 0;
	tp->flags &= ~(TRC_LINE_OPEN | TRC_CUT);
	if (open_line == tp)
		open_line = NULL;
}

void sink_forget(struct tracee *tp)
{
	if (open_line == tp)
		sink_begin_line(NULL);
	sb_reset(&tp->line);
	tp->flags &= ~(TRC_LINE_OPEN | TRC_CUT);
}

size_t sink_column(const struct tracee *tp)
{
	return tp->outcol + tp->line.len;
}

void sink_sync(void)
{
	if (shared)
		sink_flush();
}

void sink_flush(void)
{
	if (!failed && fflush(out) != 0)
		check();
}

bool sink_failed(void)
{
	return failed;
}

bool sink_close(void)
{
	sink_flush();
	if (out && out != stderr) {
		if (fclose(out) != 0 && !failed) {
			failed = true;
			perror_msg("write error on trace output");
		}
		out = NULL;
	}
	return !failed;
}
