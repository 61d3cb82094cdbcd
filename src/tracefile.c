#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracefile.h"
#include "util.h"

int tracefile_read(struct tracefile *tf, const char *path, char *err,
		   size_t errlen)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *fp = is_stdin ? stdin : fopen(path, "r");
	size_t cap = 0, bufcap = 0;
	char *buf = NULL;
	ssize_t len;

	memset(tf, 0, sizeof(*tf));
	tf->path = path;
	if (!fp)
		return set_err(err, errlen, "%s: %s", path, strerror(errno));
	while ((len = getline(&buf, &bufcap, fp)) >= 0) {
		tf->last_cut = !len || buf[len - 1] != '\n';
		if (!tf->last_cut)
			buf[--len] = '\0';
		if (tf->n == cap) {
			cap = cap ? cap * 2 : 1024;
			tf->lines =
				xrealloc(tf->lines, cap * sizeof(*tf->lines));
		}
		tf->lines[tf->n++] = xstrdup(buf);
	}
	free(buf);
	if (ferror(fp)) {
		int e = errno;

		if (!is_stdin)
			fclose(fp);
		tracefile_free(tf);
		return set_err(err, errlen, "%s: %s", path, strerror(e));
	}
	if (!is_stdin)
		fclose(fp);
	return 0;
}

void tracefile_free(struct tracefile *tf)
{
	for (size_t i = 0; i < tf->n; i++)
		free(tf->lines[i]);
	free(tf->lines);
	tf->lines = NULL;
	tf->n = 0;
}

bool tracefile_is_json(const struct tracefile *tf)
{
	for (size_t i = 0; i < tf->n; i++) {
		const char *s = tf->lines[i] + strspn(tf->lines[i], " \t\r");

		if (*s)
			return *s == '{';
	}
	return false;
}

static int check_header(struct tracefile *tf, size_t i,
			const struct json_value *rec, char *err, size_t errlen)
{
	const struct json_value *v = json_get(rec, "schema_version");

	if (!v || v->type != JSON_INT)
		return set_err(err, errlen,
			       "%s:%zu: header without a schema_version number",
			       tf->path, i + 1);
	if (i) {
		if (v->u.i != tf->version)
			return set_err(err, errlen,
				       "%s:%zu: mixed schema versions: %" PRId64
				       " here, %" PRId64 " in the header",
				       tf->path, i + 1, v->u.i, tf->version);
		return set_err(err, errlen,
			       "%s:%zu: a second header (concatenated traces?)",
			       tf->path, i + 1);
	}
	if (v->u.i != TRACE_SCHEMA_VERSION)
		return set_err(err, errlen,
			       "%s:1: unknown schema_version %" PRId64
			       " (this sctrace reads version %d)",
			       tf->path, v->u.i, TRACE_SCHEMA_VERSION);
	tf->version = v->u.i;
	return 0;
}

int tracefile_record(struct tracefile *tf, size_t i, struct json_value *rec,
		     char *err, size_t errlen)
{
	const char *line = tf->lines[i], *type;
	struct json_error je;

	rec->type = JSON_NULL;
	if (!line[strspn(line, " \t\r")] && i)
		return 0;
	if (json_parse(line, strlen(line), rec, &je) < 0)
		return set_err(err, errlen, "%s:%zu:%zu: invalid JSON: %s%s",
			       tf->path, i + 1, je.column, je.msg,
			       i + 1 == tf->n && tf->last_cut
				       ? " (the trace was cut short?)"
				       : "");
	type = json_get_str(rec, "type");
	if (rec->type != JSON_OBJECT || !type) {
		json_free(rec);
		return set_err(err, errlen,
			       "%s:%zu: not a trace record "
			       "(no \"type\")",
			       tf->path, i + 1);
	}
	if (!i && strcmp(type, "header") != 0) {
		json_free(rec);
		return set_err(err, errlen,
			       "%s:1: not a trace: the first "
			       "record is not a header",
			       tf->path);
	}
	if (strcmp(type, "header") == 0 &&
	    check_header(tf, i, rec, err, errlen) < 0) {
		json_free(rec);
		return -1;
	}
	return 1;
}

int subcmd_usage_error(const char *cmd, int status, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fprintf(stderr,
		"sctrace: %s: %s\n"
		"Try 'sctrace %s --help' for more information.\n",
		cmd, buf, cmd);
	return status;
}

int subcmd_option_error(const char *cmd, int status, int c, char **argv)
{
	if (c == ':')
		return subcmd_usage_error(cmd, status,
					  "option '%s' requires an argument",
					  argv[optind - 1]);
	return subcmd_usage_error(cmd, status, "unrecognized option '%s'",
				  argv[optind - 1]);
}

bool subcmd_flush(const char *cmd)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return true;
	perror_msg("%s: write error", cmd);
	return false;
}
