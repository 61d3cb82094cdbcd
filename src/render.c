#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "intmap.h"
#include "render.h"
#include "strquote.h"
#include "sysent.h"
#include "tracefile.h"
#include "util.h"

/* The string member KEY of an object value, NULL if absent or not one. */
static const struct json_value *member(const struct json_value *v,
				       const char *key, enum json_type t)
{
	const struct json_value *m = json_get(v, key);

	return m && m->type == t ? m : NULL;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* {"bytes":"6869","truncated":true,"hex":true} */
static int bytes_value(struct strbuf *sb, const struct json_value *v,
		       const struct render_opts *o, char *err, size_t errlen)
{
	const struct json_value *hex = member(v, "bytes", JSON_STRING);
	unsigned style = json_get_true(v, "truncated") ? QUOTE_ELLIPSIS : 0;
	unsigned char *bytes;
	size_t n = hex->u.str.len / 2;

	if (json_get_true(v, "hex")) {
		if (o->mask_random) {
			sb_puts(sb, RENDER_MASK);
			return RENDER_LINE;
		}
		style |= QUOTE_HEX_ALL;
	}
	if (hex->u.str.len % 2)
		return set_err(err, errlen,
			       "odd number of hex digits in "
			       "\"bytes\"");
	bytes = xmalloc(n + 1);
	for (size_t i = 0; i < n; i++) {
		int hi = hexval(hex->u.str.s[2 * i]);
		int lo = hexval(hex->u.str.s[2 * i + 1]);

		if (hi < 0 || lo < 0) {
			free(bytes);
			return set_err(err, errlen,
				       "bad hex digit in \"bytes\"");
		}
		bytes[i] = (unsigned char)(hi << 4 | lo);
	}
	quote_bytes(sb, bytes, n, style);
	free(bytes);
	return RENDER_LINE;
}

/* {"flags":["O_RDONLY","O_CLOEXEC"]}: O_RDONLY|O_CLOEXEC. */
static int flags_value(struct strbuf *sb, const struct json_value *flags,
		       char *err, size_t errlen)
{
	if (!flags->u.arr.n)
		sb_putc(sb, '0');
	for (size_t i = 0; i < flags->u.arr.n; i++) {
		if (flags->u.arr.items[i].type != JSON_STRING)
			return set_err(err, errlen, "a flag that is no string");
		if (i)
			sb_putc(sb, '|');
		sb_puts(sb, flags->u.arr.items[i].u.str.s);
	}
	return RENDER_LINE;
}

/* {"struct":{...}}: members in order; "#N" has no name, "..." elides. */
static int struct_value(struct strbuf *sb, const struct json_value *s,
			const struct render_opts *o, char *err, size_t errlen)
{
	sb_putc(sb, '{');
	for (size_t i = 0; i < s->u.obj.n; i++) {
		const struct json_member *m = &s->u.obj.members[i];

		if (i)
			sb_add(sb, ", ", 2);
		if (strcmp(m->key, "...") == 0) {
			sb_add(sb, "...", 3);
			continue;
		}
		if (m->key[0] != '#') {
			sb_puts(sb, m->key);
			sb_putc(sb, '=');
		}
		if (render_value(sb, &m->val, o, err, errlen) < 0)
			return RENDER_ERROR;
	}
	sb_putc(sb, '}');
	return RENDER_LINE;
}

/* The text member KEY, printed as is. */
static bool verbatim(struct strbuf *sb, const struct json_value *v,
		     const char *key)
{
	const struct json_value *m = member(v, key, JSON_STRING);

	if (m)
		sb_add(sb, m->u.str.s, m->u.str.len);
	return m != NULL;
}

/* A pair of values with TEXT between them: in => out, name=value. */
static int pair(struct strbuf *sb, const struct json_value *a, const char *text,
		const struct json_value *b, const struct render_opts *o,
		char *err, size_t errlen)
{
	if (render_value(sb, a, o, err, errlen) < 0)
		return RENDER_ERROR;
	sb_puts(sb, text);
	return render_value(sb, b, o, err, errlen);
}

static int object_value(struct strbuf *sb, const struct json_value *v,
			const struct render_opts *o, char *err, size_t errlen)
{
	const struct json_value *m, *m2;

	if ((m = member(v, "str", JSON_STRING))) {
		quote_bytes(sb, (const unsigned char *)m->u.str.s, m->u.str.len,
			    json_get_true(v, "truncated") ? QUOTE_ELLIPSIS : 0);
		return RENDER_LINE;
	}
	if (member(v, "bytes", JSON_STRING))
		return bytes_value(sb, v, o, err, errlen);
	if ((m = json_get(v, "fd")) &&
	    (m2 = member(v, "desc", JSON_STRING))) { /* -y: 3</etc/passwd> */
		if (!verbatim(sb, v, "sym") &&
		    render_value(sb, m, o, err, errlen) < 0)
			return RENDER_ERROR;
		sb_add(sb, m2->u.str.s, m2->u.str.len);
		return RENDER_LINE;
	}
	if (verbatim(sb, v, "sym") || verbatim(sb, v, "hex") ||
	    verbatim(sb, v, "oct"))
		return RENDER_LINE;
	if ((m = member(v, "flags", JSON_ARRAY)))
		return flags_value(sb, m, err, errlen);
	if ((m = member(v, "struct", JSON_OBJECT)))
		return struct_value(sb, m, o, err, errlen);
	if ((m = member(v, "name", JSON_STRING)) &&
	    (m2 = json_get(v, "value"))) {
		sb_add(sb, m->u.str.s, m->u.str.len);
		sb_putc(sb, '=');
		return render_value(sb, m2, o, err, errlen);
	}
	if ((m = json_get(v, "in")) && (m2 = json_get(v, "out")))
		return pair(sb, m, " => ", m2, o, err, errlen);
	if ((m2 = member(v, "comment", JSON_STRING))) {
		m = json_get(v, "value");
		if (m && render_value(sb, m, o, err, errlen) < 0)
			return RENDER_ERROR;
		sb_printf(sb, m ? " /* %s */" : "/* %s */", m2->u.str.s);
		return RENDER_LINE;
	}
	return set_err(err, errlen,
		       "an object that is no value of "
		       "schema_version 1 (first key \"%s\")",
		       v->u.obj.n ? v->u.obj.members[0].key : "");
}

int render_value(struct strbuf *sb, const struct json_value *v,
		 const struct render_opts *o, char *err, size_t errlen)
{
	switch (v->type) {
	case JSON_INT:
		sb_printf(sb, "%" PRId64, v->u.i);
		return RENDER_LINE;
	case JSON_UINT:
		sb_printf(sb, "%" PRIu64, v->u.u);
		return RENDER_LINE;
	case JSON_DOUBLE:
		sb_printf(sb, "%.17g", v->u.d);
		return RENDER_LINE;
	case JSON_STRING:
		quote_bytes(sb, (const unsigned char *)v->u.str.s, v->u.str.len,
			    0);
		return RENDER_LINE;
	case JSON_ARRAY:
		sb_putc(sb, '[');
		for (size_t i = 0; i < v->u.arr.n; i++) {
			if (i)
				sb_add(sb, ", ", 2);
			if (render_value(sb, &v->u.arr.items[i], o, err,
					 errlen) < 0)
				return RENDER_ERROR;
		}
		sb_putc(sb, ']');
		return RENDER_LINE;
	case JSON_OBJECT:
		return object_value(sb, v, o, err, errlen);
	default:
		return set_err(err, errlen, "true, false or null as a value");
	}
}

/* How many arguments the call takes: its registers, or the table's. */
static size_t call_nargs(const struct json_value *rec, const char *name,
			 size_t printed)
{
	const struct json_value *regs = member(rec, "regs", JSON_ARRAY);
	const char *abi = json_get_str(rec, "abi");
	const struct sysent *se;

	if (regs)
		return regs->u.arr.n;
	if (abi && strcmp(abi, "x86_64") != 0)
		return printed;
	se = sysent_lookup((unsigned long)sysent_nr_by_name(name));
	return se ? se->nargs : printed;
}

/* Pads to the result column as strace's -a does, then "= ". */
static void result_column(struct strbuf *sb, size_t start, size_t col0,
			  int acolumn)
{
	size_t col = col0 + sb->len - start + 1;

	sb_putc(sb, ' ');
	while (col++ < (size_t)acolumn)
		sb_putc(sb, ' ');
	sb_add(sb, "= ", 2);
}

static int result(struct strbuf *sb, const struct json_value *rec,
		  const struct render_opts *o, char *err, size_t errlen)
{
	const struct json_value *retval = json_get(rec, "retval");
	const struct json_value *ret = member(rec, "ret", JSON_OBJECT);
	const char *errno_name = json_get_str(rec, "errno");
	const char *note = json_get_str(rec, "note");
	const struct json_value *flags;

	if (errno_name) {
		if (retval && retval->type != JSON_NULL) {
			if (render_value(sb, retval, o, err, errlen) < 0)
				return RENDER_ERROR;
			sb_putc(sb, ' ');
		} else {
			sb_add(sb, "? ", 2);
		}
		sb_puts(sb, errno_name);
		sb_printf(sb, " (%s)", json_get_str(rec, "strerror") ?: "");
	} else if (!retval || retval->type == JSON_NULL) {
		sb_putc(sb, '?');
	} else if (ret && (flags = member(ret, "flags", JSON_ARRAY)) &&
		   verbatim(sb, ret, "hex")) {
		sb_add(sb, " (flags ", 8);
		if (flags_value(sb, flags, err, errlen) < 0)
			return RENDER_ERROR;
		sb_putc(sb, ')');
	} else if (ret) {
		if (render_value(sb, ret, o, err, errlen) < 0)
			return RENDER_ERROR;
	} else if (render_value(sb, retval, o, err, errlen) < 0) {
		return RENDER_ERROR;
	}
	if (note)
		sb_printf(sb, " (%s)", note);
	if (json_get_true(rec, "injected"))
		sb_puts(sb, " (INJECTED)");
	if (json_get_true(rec, "delayed"))
		sb_puts(sb, " (DELAYED)");
	return RENDER_LINE;
}

static int syscall_line(struct strbuf *sb, const struct json_value *rec,
			size_t col0, const struct render_opts *o, char *err,
			size_t errlen)
{
	const char *name = json_get_str(rec, "name");
	const struct json_value *args = member(rec, "args", JSON_ARRAY);
	bool unfinished = json_get_true(rec, "unfinished");
	bool detached = json_get_true(rec, "detached");
	size_t start = sb->len, nargs = args ? args->u.arr.n : 0;

	if (!name)
		return set_err(err, errlen, "a syscall record without a name");
	sb_puts(sb, name);
	if (args) {
		if (render_value(sb, args, o, err, errlen) < 0)
			return RENDER_ERROR;
		/* The arguments are the array without its brackets. */
		sb->buf[start + strlen(name)] = '(';
		sb->buf[--sb->len] = '\0';
	} else {
		sb_putc(sb, '(');
	}
	if (unfinished || detached) {
		/* strace had put out "read(0, " and was waiting for the rest.
		 */
		if (nargs && nargs < call_nargs(rec, name, nargs))
			sb_add(sb, ", ", 2);
		sb_puts(sb, detached ? " <detached ...>" : " <unfinished ...>");
		if (detached)
			return RENDER_LINE;
	}
	sb_putc(sb, ')');
	result_column(sb, start, col0, o->acolumn);
	return result(sb, rec, o, err, errlen);
}

static const char *sig_member(const struct json_value *rec, char *err,
			      size_t errlen)
{
	const char *sig = json_get_str(rec, "signal");

	if (!sig)
		set_err(err, errlen, "a %s record without a signal",
			json_get_str(rec, "type"));
	return sig;
}

int render_record(struct strbuf *sb, const struct json_value *rec, size_t col0,
		  const struct render_opts *o, char *err, size_t errlen)
{
	const char *type = json_get_str(rec, "type"), *sig;
	const struct json_value *si;
	int64_t n;

	if (!type)
		return set_err(err, errlen, "a record without a type");
	if (strcmp(type, "syscall") == 0)
		return syscall_line(sb, rec, col0, o, err, errlen);
	if (strcmp(type, "signal") == 0) {
		if (!(sig = sig_member(rec, err, errlen)))
			return RENDER_ERROR;
		sb_printf(sb, "--- %s ", sig);
		si = json_get(rec, "siginfo");
		if (si && render_value(sb, si, o, err, errlen) < 0)
			return RENDER_ERROR;
		sb_puts(sb, si ? " ---" : "---");
		return RENDER_LINE;
	}
	if (strcmp(type, "stop") == 0) {
		if (!(sig = sig_member(rec, err, errlen)))
			return RENDER_ERROR;
		sb_printf(sb, "--- stopped by %s ---", sig);
		return RENDER_LINE;
	}
	if (strcmp(type, "exit") == 0) {
		if (!json_get_int(rec, "status", &n))
			return set_err(err, errlen,
				       "an exit record without "
				       "a status");
		sb_printf(sb, "+++ exited with %" PRId64 " +++", n);
		return RENDER_LINE;
	}
	if (strcmp(type, "killed") == 0) {
		if (!(sig = sig_member(rec, err, errlen)))
			return RENDER_ERROR;
		sb_printf(sb, "+++ killed by %s%s +++", sig,
			  json_get_true(rec, "core_dumped") ? " (core dumped)"
							    : "");
		return RENDER_LINE;
	}
	if (strcmp(type, "superseded") == 0) {
		if (!json_get_int(rec, "old_tid", &n))
			return set_err(err, errlen,
				       "a superseded record "
				       "without old_tid");
		sb_printf(sb, "+++ superseded by execve in pid %" PRId64 " +++",
			  n);
		return RENDER_LINE;
	}
	if (strcmp(type, "personality") == 0) {
		int64_t pid = 0;

		json_get_int(rec, "pid", &pid);
		if (!json_get_int(rec, "bits", &n))
			return set_err(err, errlen,
				       "a personality record "
				       "without bits");
		sb_printf(sb,
			  "[ Process PID=%" PRId64 " runs in %" PRId64
			  " bit mode. ]",
			  pid, n);
		return RENDER_LINE;
	}
	return RENDER_SKIP;
}

/* ---- sctrace render ---- */

enum prefix_mode {
	PREFIX_AUTO,
	PREFIX_NONE,
	PREFIX_COLUMN,	 /* "1234  ", as strace -f -o FILE */
	PREFIX_BRACKETS, /* "[pid  1234] " while several live (stderr) */
};

static const char render_usage[] =
	"Usage: sctrace render [-a COLUMN] [--prefix=MODE] FILE\n"
	"\n"
	"Print the JSON trace FILE (written by sctrace --json; - for stdin)\n"
	"as strace's text.  Each call is one line.\n"
	"\n"
	"  -a COLUMN, --columns=COLUMN\n"
	"                 alignment COLUMN for syscall results (default 40)\n"
	"  --prefix=MODE  the pid at the start of each line:\n"
	"                   auto      \"PID \" when the trace has more than\n"
	"                             one thread, as strace -f -o FILE\n"
	"                             (the default)\n"
	"                   column    \"PID \" on every line\n"
	"                   brackets  \"[pid PID] \" while more than one\n"
	"                             tracee lives, as strace prints to\n"
	"                             stderr (with its \"[ Process PID=N\n"
	"                             runs in 32 bit mode. ]\" lines)\n"
	"                   none      no pid\n"
	"  -h, --help     print this help\n"
	"\n"
	"Exit status: 0, or 1 on an error (a usage error, an unreadable\n"
	"file, a line that is not a record of a known schema_version).\n";

static int64_t record_tid(const struct json_value *rec)
{
	int64_t tid;

	return json_get_int(rec, "tid", &tid) ? tid : -1;
}

/* More than one thread in the whole trace? */
static int count_threads(struct tracefile *tf, bool *many, char *err,
			 size_t errlen)
{
	int64_t first = -1;

	*many = false;
	for (size_t i = 0; i < tf->n; i++) {
		struct json_value rec;
		int rc = tracefile_record(tf, i, &rec, err, errlen);
		int64_t tid;

		if (rc < 0)
			return -1;
		tid = record_tid(&rec);
		json_free(&rec);
		if (tid < 0)
			continue;
		if (first >= 0 && tid != first)
			*many = true;
		first = tid;
	}
	return 0;
}

static size_t put_prefix(struct strbuf *sb, enum prefix_mode mode, int64_t tid,
			 size_t live)
{
	if (tid < 0)
		return 0;
	if (mode == PREFIX_COLUMN)
		sb_printf(sb, "%-5" PRId64 " ", tid);
	else if (mode == PREFIX_BRACKETS && live > 1)
		sb_printf(sb, "[pid %5" PRId64 "] ", tid);
	return sb->len;
}

/* Brackets: strace's prefix depends on how many tracees live now. */
static void track_live(struct intmap *live, const struct json_value *rec,
		       bool after)
{
	const char *type = json_get_str(rec, "type");
	int64_t tid = record_tid(rec);
	bool gone = strcmp(type, "exit") == 0 || strcmp(type, "killed") == 0 ||
		    strcmp(type, "detach") == 0;

	if (tid < 0)
		return;
	if (!after)
		intmap_put(live, tid, 1);
	else if (gone)
		intmap_del(live, tid);
}

static int render_file(struct tracefile *tf, enum prefix_mode mode,
		       const struct render_opts *o, char *err, size_t errlen)
{
	struct strbuf sb = { 0 };
	struct intmap live = { 0 };
	int rc = 0;

	for (size_t i = 0; i < tf->n && rc >= 0; i++) {
		struct json_value rec;
		char why[256];
		size_t col0;

		rc = tracefile_record(tf, i, &rec, err, errlen);
		if (rc <= 0)
			continue;
		track_live(&live, &rec, false);
		sb_reset(&sb);
		col0 = put_prefix(&sb, mode, record_tid(&rec), live.n);
		rc = render_record(&sb, &rec, col0, o, why, sizeof(why));
		if (rc == RENDER_LINE &&
		    (mode == PREFIX_BRACKETS ||
		     strcmp(json_get_str(&rec, "type"), "personality") != 0)) {
			sb_putc(&sb, '\n');
			fwrite(sb.buf, 1, sb.len, stdout);
		}
		track_live(&live, &rec, true);
		json_free(&rec);
		if (rc == RENDER_ERROR)
			set_err(err, errlen, "%s:%zu: %s", tf->path, i + 1,
				why);
	}
	sb_free(&sb);
	intmap_free(&live);
	return rc < 0 ? -1 : 0;
}

int render_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "columns", required_argument, NULL, 'a' },
		{ "prefix", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct render_opts o = { .acolumn = 40 };
	enum prefix_mode mode = PREFIX_AUTO;
	struct tracefile tf;
	char err[512];
	int c, rc;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:a:h", longopts, NULL)) != -1) {
		char *end;
		long v;

		switch (c) {
		case 'a':
			v = strtol(optarg, &end, 10);
			if (end == optarg || *end || v < 0 || v > INT_MAX)
				return subcmd_usage_error(
					"render", 1,
					"invalid -a argument: '%s'", optarg);
			o.acolumn = (int)v;
			break;
		case 'P':
			if (strcmp(optarg, "auto") == 0)
				mode = PREFIX_AUTO;
			else if (strcmp(optarg, "none") == 0)
				mode = PREFIX_NONE;
			else if (strcmp(optarg, "column") == 0)
				mode = PREFIX_COLUMN;
			else if (strcmp(optarg, "brackets") == 0)
				mode = PREFIX_BRACKETS;
			else
				return subcmd_usage_error(
					"render", 1,
					"invalid --prefix argument: '%s'",
					optarg);
			break;
		case 'h':
			fputs(render_usage, stdout);
			return 0;
		default:
			return subcmd_option_error("render", 1, c, argv);
		}
	}
	if (argc - optind != 1)
		return subcmd_usage_error("render", 1,
					  argc == optind ? "no FILE"
							 : "one FILE only");
	if (tracefile_read(&tf, argv[optind], err, sizeof(err)) < 0) {
		fprintf(stderr, "sctrace: render: %s\n", err);
		return 1;
	}
	rc = 0;
	if (!tf.n) {
		set_err(err, sizeof(err), "%s: not a trace: empty file",
			tf.path);
		rc = -1;
	}
	if (!rc && mode == PREFIX_AUTO) {
		bool many;

		rc = count_threads(&tf, &many, err, sizeof(err));
		mode = many ? PREFIX_COLUMN : PREFIX_NONE;
	}
	if (!rc)
		rc = render_file(&tf, mode, &o, err, sizeof(err));
	tracefile_free(&tf);
	if (!subcmd_flush("render"))
		return 1;
	if (rc < 0) {
		fprintf(stderr, "sctrace: render: %s\n", err);
		return 1;
	}
	return 0;
}
