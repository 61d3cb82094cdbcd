#include <ctype.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "tracefile.h"
#include "tracenorm.h"
#include "util.h"

/* The largest pid Linux hands out (PID_MAX_LIMIT): a bigger number at the
 * start of a text line is a timestamp, not a pid column. */
#define PID_MAX_LIMIT 4194304

static bool in_list(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return true;
	return false;
}

static const char *const clone_calls[] = { "clone", "clone3", "fork", "vfork",
					   NULL };

/* Calls whose result is a pid (when positive). */
static const char *const pid_results[] = {
	"clone",   "clone3", "fork",   "vfork",		  "wait4",
	"waitpid", "getpid", "gettid", "getppid",	  "getpgrp",
	"getpgid", "getsid", "setsid", "set_tid_address", NULL,
};

/* Calls with pids among their arguments: a bit per argument. */
static const struct pid_args {
	const char *name;
	unsigned args;
	unsigned maybe; /* pids only if the trace knows them */
} pid_args[] = {
	{ "kill", 1, 0 },
	{ "tkill", 1, 0 },
	{ "tgkill", 3, 0 },
	{ "wait4", 1, 0 },
	{ "waitpid", 1, 0 },
	{ "waitid", 2, 0 },
	{ "pidfd_open", 1, 0 },
	{ "ptrace", 2, 0 },
	{ "setpgid", 3, 0 },
	{ "getpgid", 1, 0 },
	{ "getsid", 1, 0 },
	{ "sched_setaffinity", 1, 0 },
	{ "sched_getaffinity", 1, 0 },
	{ "sched_setscheduler", 1, 0 },
	{ "sched_getscheduler", 1, 0 },
	{ "sched_setparam", 1, 0 },
	{ "sched_getparam", 1, 0 },
	{ "sched_setattr", 1, 0 },
	{ "sched_getattr", 1, 0 },
	{ "sched_rr_get_interval", 1, 0 },
	{ "prlimit64", 1, 0 },
	{ "kcmp", 3, 0 },
	{ "rt_sigqueueinfo", 1, 0 },
	{ "rt_tgsigqueueinfo", 3, 0 },
	{ "process_vm_readv", 1, 0 },
	{ "process_vm_writev", 1, 0 },
	{ "get_robust_list", 1, 0 },
	{ "migrate_pages", 1, 0 },
	{ "move_pages", 1, 0 },
	{ "process_madvise", 1, 0 },
	/* pthread_join() waits on the word that holds the thread's tid. */
	{ "futex", 0, 4 },
};

/* How a decimal number is read. */
enum num_kind {
	NUM_PLAIN,
	NUM_PID,
	NUM_MAYBE_PID, /* a pid if the trace has it, else a number */
};

/* Fields whose values change from run to run whatever the program does. */
static const char *const masked_keys[] = {
	"st_ino",	 "stx_ino",   "d_ino",	       "st_atime",
	"st_atime_nsec", "st_mtime",  "st_mtime_nsec", "st_ctime",
	"st_ctime_nsec", "stx_atime", "stx_btime",     "stx_ctime",
	"stx_mtime",	 "si_utime",  "si_stime",      NULL,
};

static const char *const pid_keys[] = { "si_pid", "pid", "l_pid", "parent_tid",
					NULL };

/* ---- building the event list ---- */

static struct trace_event *add_event(struct trace *t, enum trace_ev_kind kind,
				     int64_t tid, size_t line, const char *name,
				     char *text)
{
	struct trace_event *e;

	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 1024;
		t->ev = xrealloc(t->ev, t->cap * sizeof(*t->ev));
	}
	e = &t->ev[t->n++];
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->tid = tid;
	e->child = -1;
	e->line = line;
	e->name = name ? xstrdup(name) : NULL;
	e->text = text;
	return e;
}

/* Index of the bracket that closes the call (*CLOSED), or of the end. */
static size_t call_end(const char *s, bool *closed)
{
	size_t i = strcspn(s, "(");
	int depth = 0;

	*closed = false;
	for (; s[i]; i++) {
		if (s[i] == '"') {
			for (i++; s[i] && s[i] != '"'; i++)
				if (s[i] == '\\' && s[i + 1])
					i++;
			if (!s[i])
				break;
		} else if (s[i] == '(' || s[i] == '[' || s[i] == '{') {
			depth++;
		} else if (s[i] == ')' || s[i] == ']' || s[i] == '}') {
			if (--depth == 0) {
				*closed = true;
				return i;
			}
		}
	}
	return i;
}

/* The decimal result of a call line ("...) = 42"): true if it has one. */
static bool call_result(const char *s, int64_t *val)
{
	bool closed;
	const char *p = s + call_end(s, &closed);
	char *end;

	if (!closed)
		return false;
	p += 1 + strspn(p + 1, " ");
	if (p[0] != '=' || p[1] != ' ')
		return false;
	p += 2;
	if (!isdigit((unsigned char)*p) && *p != '-')
		return false;
	*val = strtoll(p, &end, 10);
	return end != p && (!*end || *end == ' ');
}

static void note_child(struct trace_event *e)
{
	int64_t v;

	if (e->kind == EV_SYSCALL && in_list(e->name, clone_calls) &&
	    call_result(e->text, &v) && v > 0)
		e->child = v;
}

/* JSON Lines: the records rendered as strace prints them. */
static int load_json(struct trace *t, struct tracefile *tf, char *err,
		     size_t errlen)
{
	const struct render_opts o = { .acolumn = 0, .mask_random = true };
	struct strbuf sb = { 0 };
	int rc = 0;

	for (size_t i = 0; i < tf->n && rc >= 0; i++) {
		struct json_value rec;
		const char *type, *name = NULL;
		enum trace_ev_kind kind = EV_OTHER;
		int64_t tid;
		char why[256];

		rc = tracefile_record(tf, i, &rec, err, errlen);
		if (rc <= 0)
			continue;
		type = json_get_str(&rec, "type");
		if (strcmp(type, "syscall") == 0) {
			kind = EV_SYSCALL;
			name = json_get_str(&rec, "name");
		} else if (strcmp(type, "signal") == 0) {
			kind = EV_SIGNAL;
			name = json_get_str(&rec, "signal");
		}
		sb_reset(&sb);
		rc = strcmp(type, "personality") == 0
			     ? RENDER_SKIP
			     : render_record(&sb, &rec, 0, &o, why,
					     sizeof(why));
		if (rc == RENDER_LINE) {
			if (!json_get_int(&rec, "tid", &tid))
				tid = -1;
			note_child(add_event(t, kind, tid, i + 1, name,
					     xstrdup(sb.buf)));
		} else if (rc == RENDER_ERROR) {
			set_err(err, errlen, "%s:%zu: %s", tf->path, i + 1,
				why);
		}
		json_free(&rec);
	}
	sb_free(&sb);
	return rc < 0 ? -1 : 0;
}

/* ---- strace's text ---- */

struct pending {
	int64_t tid;
	size_t line;
	char *name;
	char *text; /* up to " <unfinished ...>" */
};

struct text_state {
	struct pending *p;
	size_t n, cap;
	struct intmap live; /* [pid N] traces: who may own a bare line */
	bool prefixed;	    /* a line had a pid */
};

static const char *skip_digits(const char *p)
{
	while (isdigit((unsigned char)*p))
		p++;
	return p;
}

/* -t, -tt, -ttt, -r and their combinations. */
static const char *strip_time(const char *s)
{
	const char *p = s;

	if (isdigit((unsigned char)p[0]) && isdigit((unsigned char)p[1]) &&
	    p[2] == ':' && isdigit((unsigned char)p[3]) &&
	    isdigit((unsigned char)p[4]) && p[5] == ':' &&
	    isdigit((unsigned char)p[6]) && isdigit((unsigned char)p[7])) {
		p += 8;
	} else {
		p += strspn(p, " ");
		if (!isdigit((unsigned char)*p))
			return s;
		p = skip_digits(p);
	}
	if (*p == '.')
		p = skip_digits(p + 1);
	if (*p != ' ')
		return s;
	p++;
	if (p[0] == '(' && p[1] == '+') { /* -t -r: "(+     0.000123) " */
		const char *q = skip_digits(p + 2 + strspn(p + 2, " "));

		if (*q == '.')
			q = skip_digits(q + 1);
		if (q[0] == ')' && q[1] == ' ')
			p = q + 2;
	}
	return p;
}

/* "[pid  1234] ", "1234  " (strace -f -o FILE), or nothing: -1. */
static const char *strip_prefix(const char *s, int64_t *tid)
{
	const char *p;

	*tid = -1;
	if (strncmp(s, "[pid ", 5) == 0) {
		p = s + 5 + strspn(s + 5, " ");
		if (isdigit((unsigned char)*p)) {
			int64_t v = strtoll(p, NULL, 10);

			p = skip_digits(p);
			if (p[0] == ']' && p[1] == ' ') {
				*tid = v;
				s = p + 2;
			}
		}
	} else if (isdigit((unsigned char)*s)) {
		int64_t v = strtoll(s, NULL, 10);

		p = skip_digits(s);
		if (*p == ' ' && v <= PID_MAX_LIMIT) {
			*tid = v;
			s = p + strspn(p, " ");
		}
	}
	return strip_time(s);
}

/* A copy of S without -T's " <0.000012>" at the end. */
static char *strip_duration(const char *s)
{
	size_t n = strlen(s);
	const char *lt = n && s[n - 1] == '>' ? strrchr(s, '<') : NULL;

	if (lt && lt > s && lt[-1] == ' ' && isdigit((unsigned char)lt[1])) {
		const char *p = skip_digits(lt + 1);

		if (*p == '.')
			p = skip_digits(p + 1);
		if (p == s + n - 1)
			n = (size_t)(lt - 1 - s);
	}
	return strndup(s, n) ?: (die("out of memory"), NULL);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* The syscall name at S ("read" of "read(0, ..."), or NULL. */
static char *call_name(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
			     "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_?");

	return n && s[n] == '(' ? strndup(s, n) : NULL;
}

/* A bare line in a [pid N] trace belongs to the one tracee left. */
static int64_t bare_line_tid(struct text_state *ts)
{
	if (!ts->prefixed || ts->live.n != 1)
		return -1;
	for (size_t i = 0; i < ts->live.cap; i++)
		if (ts->live.slots[i].used)
			return ts->live.slots[i].key;
	return -1;
}

static struct pending *find_pending(struct text_state *ts, int64_t tid,
				    const char *name)
{
	for (size_t i = 0; i < ts->n; i++)
		if (ts->p[i].tid == tid && strcmp(ts->p[i].name, name) == 0)
			return &ts->p[i];
	return NULL;
}

/* "<... NAME resumed>REST": the first half is pending for this tid (or,
 * in a [pid N] trace, was printed before there were pids). */
static void resume(struct trace *t, int64_t tid, size_t lineno,
		   const char *rest)
{
	struct text_state *ts = t->ts;
	const char *end = strstr(rest, " resumed>");
	char *name = strndup(rest + 5, end ? (size_t)(end - rest - 5) : 0);
	struct pending *p = find_pending(ts, tid, name);
	char *text;

	if (!p)
		p = find_pending(ts, -1, name);
	if (!p || !end) {
		note_child(add_event(t, EV_SYSCALL, tid, lineno, name,
				     xstrdup(rest)));
		free(name);
		return;
	}
	text = xmalloc(strlen(p->text) + strlen(end + 9) + 1);
	strcpy(stpcpy(text, p->text), end + 9);
	note_child(add_event(t, EV_SYSCALL, tid, p->line, name, text));
	free(name);
	free(p->name);
	free(p->text);
	*p = ts->p[--ts->n];
}

static void add_pending(struct text_state *ts, int64_t tid, size_t lineno,
			char *name, const char *text)
{
	if (ts->n == ts->cap) {
		ts->cap = ts->cap ? 2 * ts->cap : 16;
		ts->p = xrealloc(ts->p, ts->cap * sizeof(*ts->p));
	}
	ts->p[ts->n].tid = tid;
	ts->p[ts->n].line = lineno;
	ts->p[ts->n].name = name;
	ts->p[ts->n].text = strndup(text, strlen(text) - 17);
	ts->n++;
}

static bool ignorable(const char *line)
{
	return !line[strspn(line, " \t\r")] ||
	       strncmp(line, "strace: ", 8) == 0 ||
	       strncmp(line, "sctrace: ", 9) == 0 ||
	       strncmp(line, " > ", 3) == 0 || /* -k frames */
	       strncmp(line, "[ Process PID=", 14) == 0;
}

/* "--- SIGCHLD {...} ---", "+++ exited with 0 +++" ... */
static void event_line(struct trace *t, int64_t tid, size_t lineno,
		       const char *rest)
{
	enum trace_ev_kind kind = EV_OTHER;
	char *name = NULL;

	if (strncmp(rest, "--- SIG", 7) == 0) {
		kind = EV_SIGNAL;
		name = strndup(rest + 4, strcspn(rest + 4, " "));
	}
	add_event(t, kind, tid, lineno, name, strip_duration(rest));
	free(name);
	if (tid >= 0 && (strncmp(rest, "+++ exited", 10) == 0 ||
			 strncmp(rest, "+++ killed", 10) == 0))
		intmap_del(&t->ts->live, tid);
}

int trace_add_text_line(struct trace *t, const char *line, size_t lineno,
			char *err, size_t errlen)
{
	struct text_state *ts = t->ts ?: (t->ts = xcalloc(1, sizeof(*ts)));
	const char *rest;
	char *name, *text;
	int64_t tid;

	if (ignorable(line))
		return 0;
	rest = strip_prefix(line, &tid);
	if (tid >= 0) {
		ts->prefixed = true;
		intmap_put(&ts->live, tid, 1);
	} else {
		tid = bare_line_tid(ts);
	}
	if (strncmp(rest, "--- ", 4) == 0 || strncmp(rest, "+++ ", 4) == 0) {
		event_line(t, tid, lineno, rest);
		return 0;
	}
	if (strncmp(rest, "<... ", 5) == 0) {
		text = strip_duration(rest);
		resume(t, tid, lineno, text);
		free(text);
		return 0;
	}
	name = call_name(rest);
	if (!name)
		return set_err(err, errlen, "%s:%zu: not a trace: '%.40s%s'",
			       t->path, lineno, line,
			       strlen(line) > 40 ? "..." : "");
	if (ends_with(rest, " <unfinished ...>")) {
		add_pending(ts, tid, lineno, name, rest);
		return 0;
	}
	note_child(add_event(t, EV_SYSCALL, tid, lineno, name,
			     strip_duration(rest)));
	free(name);
	return 0;
}

static int load_text(struct trace *t, struct tracefile *tf, char *err,
		     size_t errlen)
{
	for (size_t i = 0; i < tf->n; i++)
		if (trace_add_text_line(t, tf->lines[i], i + 1, err, errlen) <
		    0)
			return -1;
	if (!t->n)
		return set_err(err, errlen,
			       "%s: not a trace: no syscalls, "
			       "signals or exits in it",
			       t->path);
	return 0;
}

/* Calls cut short by the end of the file stay as they were printed. */
static void flush_pending(struct trace *t)
{
	struct text_state *ts = t->ts;

	if (!ts)
		return;
	for (size_t i = 0; i < ts->n; i++) {
		char *text = xmalloc(strlen(ts->p[i].text) + 18);

		strcpy(stpcpy(text, ts->p[i].text), " <unfinished ...>");
		add_event(t, EV_SYSCALL, ts->p[i].tid, ts->p[i].line,
			  ts->p[i].name, text);
		free(ts->p[i].name);
		free(ts->p[i].text);
	}
	free(ts->p);
	intmap_free(&ts->live);
	free(ts);
	t->ts = NULL;
}

/* ---- logical ids ---- */

struct node {
	int64_t tid;
	int64_t *children;
	size_t nchildren;
};

static const char *lid_at(const struct trace *t, int64_t idx)
{
	return t->lids[idx];
}

static void set_lid(struct trace *t, int64_t tid, char *lid)
{
	t->lids = xrealloc(t->lids, (t->nlids + 1) * sizeof(*t->lids));
	t->lids[t->nlids] = lid;
	intmap_put(&t->tid_lid, tid, (int64_t)t->nlids++);
}

/* Names TID's subtree (breadth first: no recursion on deep trees). */
static void name_tree(struct trace *t, struct node *nodes,
		      const struct intmap *node_of, int64_t tid, char *lid)
{
	int64_t *queue = xmalloc(sizeof(*queue)), idx;
	size_t head = 0, tail = 0, cap = 1;

	set_lid(t, tid, lid);
	queue[tail++] = tid;
	while (head < tail) {
		int64_t cur = queue[head++], pidx, lidx;
		struct node *nd;

		if (!intmap_get(node_of, cur, &pidx))
			continue;
		nd = &nodes[pidx];
		intmap_get(&t->tid_lid, cur, &lidx);
		for (size_t k = 0; k < nd->nchildren; k++) {
			int64_t c = nd->children[k];
			const char *parent = lid_at(t, lidx);
			char *name;

			if (intmap_get(&t->tid_lid, c, &idx))
				continue; /* a reused pid: the first wins */
			name = xmalloc(strlen(parent) + 24);
			sprintf(name, "%s.%zu", parent, k + 1);
			set_lid(t, c, name);
			if (tail == cap) {
				cap *= 2;
				queue = xrealloc(queue, cap * sizeof(*queue));
			}
			queue[tail++] = c;
		}
	}
	free(queue);
}

/* In a [pid N] trace, lines before the second tracee had no pid: they
 * are the first tracee's, the first one seen that nobody created. */
static void resolve_bare_lines(struct trace *t, const struct intmap *is_child)
{
	int64_t root = -1;
	bool bare = false;

	for (size_t i = 0; i < t->n; i++) {
		if (t->ev[i].tid < 0)
			bare = true;
		else if (root < 0 && !intmap_get(is_child, t->ev[i].tid, NULL))
			root = t->ev[i].tid;
	}
	if (!bare || root < 0)
		return;
	for (size_t i = 0; i < t->n; i++)
		if (t->ev[i].tid < 0)
			t->ev[i].tid = root;
}

static void assign_lids(struct trace *t)
{
	struct intmap node_of = { 0 }, is_child = { 0 };
	struct node *nodes = NULL;
	size_t nnodes = 0, roots = 0;
	int64_t idx;

	for (size_t i = 0; i < t->n; i++)
		if (t->ev[i].child > 0)
			intmap_put(&is_child, t->ev[i].child, 1);
	resolve_bare_lines(t, &is_child);
	for (size_t i = 0; i < t->n; i++) {
		struct trace_event *e = &t->ev[i];
		struct node *nd;

		if (!intmap_get(&node_of, e->tid, &idx)) {
			nodes = xrealloc(nodes, (nnodes + 1) * sizeof(*nodes));
			memset(&nodes[nnodes], 0, sizeof(*nodes));
			nodes[nnodes].tid = e->tid;
			idx = (int64_t)nnodes++;
			intmap_put(&node_of, e->tid, idx);
		}
		if (e->child <= 0)
			continue;
		nd = &nodes[idx];
		nd->children = xrealloc(nd->children,
					(nd->nchildren + 1) * sizeof(int64_t));
		nd->children[nd->nchildren++] = e->child;
	}
	/* Roots in order of appearance; then whoever a pid reuse left out. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < nnodes; i++) {
			char *lid;

			if (intmap_get(&t->tid_lid, nodes[i].tid, NULL) ||
			    (!pass &&
			     intmap_get(&is_child, nodes[i].tid, NULL)))
				continue;
			lid = xmalloc(24);
			snprintf(lid, 24, "%zu", ++roots);
			name_tree(t, nodes, &node_of, nodes[i].tid, lid);
		}
	for (size_t i = 0; i < nnodes; i++)
		free(nodes[i].children);
	free(nodes);
	intmap_free(&node_of);
	intmap_free(&is_child);
	for (size_t i = 0; i < t->n; i++) {
		intmap_get(&t->tid_lid, t->ev[i].tid, &idx);
		t->ev[i].lid = lid_at(t, idx);
	}
}

/* A trace without pids: its own pid shows in getpid() and the like. */
static void learn_own_pid(struct trace *t)
{
	static const char *const own[] = { "getpid", "gettid",
					   "set_tid_address", NULL };
	int64_t idx, v;

	if (!intmap_get(&t->tid_lid, -1, &idx))
		return;
	for (size_t i = 0; i < t->n; i++) {
		const struct trace_event *e = &t->ev[i];

		if (e->tid == -1 && e->kind == EV_SYSCALL &&
		    in_list(e->name, own) && call_result(e->text, &v) &&
		    v > 0 && !intmap_get(&t->tid_lid, v, NULL)) {
			intmap_put(&t->tid_lid, v, idx);
			return;
		}
	}
}

const char *trace_lid_of(const struct trace *t, int64_t pid)
{
	int64_t idx;

	return intmap_get(&t->tid_lid, pid, &idx) ? lid_at(t, idx) : NULL;
}

void trace_finish(struct trace *t)
{
	struct strbuf sb = { 0 };

	flush_pending(t);
	assign_lids(t);
	learn_own_pid(t);
	for (size_t i = 0; i < t->n; i++) {
		struct trace_event *e = &t->ev[i];

		sb_reset(&sb);
		trace_normalize_line(&sb, t, e->text, e->kind, e->name);
		e->norm = xstrdup(sb.buf ?: "");
	}
	sb_free(&sb);
}

int trace_load(struct trace *t, const char *path, char *err, size_t errlen)
{
	struct tracefile tf;
	int rc;

	memset(t, 0, sizeof(*t));
	t->path = path;
	if (tracefile_read(&tf, path, err, errlen) < 0)
		return -1;
	if (!tf.n)
		rc = set_err(err, errlen, "%s: not a trace: empty file", path);
	else if (tracefile_is_json(&tf))
		rc = load_json(t, &tf, err, errlen);
	else
		rc = load_text(t, &tf, err, errlen);
	tracefile_free(&tf);
	if (rc < 0) {
		flush_pending(t);
		return -1;
	}
	trace_finish(t);
	return 0;
}

void trace_free(struct trace *t)
{
	flush_pending(t);
	for (size_t i = 0; i < t->n; i++) {
		free(t->ev[i].name);
		free(t->ev[i].text);
		free(t->ev[i].norm);
	}
	free(t->ev);
	for (size_t i = 0; i < t->nlids; i++)
		free(t->lids[i]);
	free(t->lids);
	intmap_free(&t->tid_lid);
	memset(t, 0, sizeof(*t));
}

/* ---- normalization ---- */

struct scan {
	const char *s;
	size_t i;
	struct strbuf *out;
	const struct trace *t;
};

static bool ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* A quoted string, and the "..." after a cut one. */
static void copy_string(struct scan *sc)
{
	size_t start = sc->i;

	for (sc->i++; sc->s[sc->i] && sc->s[sc->i] != '"'; sc->i++)
		if (sc->s[sc->i] == '\\' && sc->s[sc->i + 1])
			sc->i++;
	if (sc->s[sc->i])
		sc->i++;
	if (strncmp(sc->s + sc->i, "...", 3) == 0)
		sc->i += 3;
	sb_add(sc->out, sc->s + start, sc->i - start);
}

static void copy_comment(struct scan *sc)
{
	const char *end = strstr(sc->s + sc->i + 2, "*/");
	size_t n = end ? (size_t)(end + 2 - (sc->s + sc->i))
		       : strlen(sc->s + sc->i);

	sb_add(sc->out, sc->s + sc->i, n);
	sc->i += n;
}

/* Where the value at sc->i ends: a ',' or a closing bracket of the
 * enclosing level, or the end. */
static size_t value_end(const struct scan *sc)
{
	const char *s = sc->s;
	size_t i = sc->i;
	int depth = 0;

	while (s[i]) {
		if (s[i] == '"') {
			for (i++; s[i] && s[i] != '"'; i++)
				if (s[i] == '\\' && s[i + 1])
					i++;
			if (s[i])
				i++;
			continue;
		}
		if (s[i] == '/' && s[i + 1] == '*') {
			const char *end = strstr(s + i + 2, "*/");

			i = end ? (size_t)(end + 2 - s) : strlen(s);
			continue;
		}
		if (s[i] == '(' || s[i] == '[' || s[i] == '{')
			depth++;
		else if (s[i] == ')' || s[i] == ']' || s[i] == '}') {
			if (!depth)
				break;
			depth--;
		} else if (s[i] == ',' && !depth) {
			break;
		}
		i++;
	}
	return i;
}

static void put_pid(struct scan *sc, int64_t pid, enum num_kind kind)
{
	const char *lid;

	if (pid > 0 || pid < -1) {
		lid = trace_lid_of(sc->t, pid > 0 ? pid : -pid);
		if (!lid && kind == NUM_MAYBE_PID) {
			sb_printf(sc->out, "%" PRId64, pid);
			return;
		}
		sb_printf(sc->out, "%s<%s>", pid < 0 ? "-" : "", lid ?: "?");
	} else {
		sb_printf(sc->out, "%" PRId64, pid);
	}
}

/* A number: an address becomes 0xADDR, a pid its logical id. */
static void number(struct scan *sc, enum num_kind kind)
{
	const char *s = sc->s + sc->i;
	size_t n = s[0] == '-';
	char *end;

	if (s[n] == '0' && (s[n + 1] == 'x' || s[n + 1] == 'X')) {
		unsigned long long v = strtoull(s + n + 2, &end, 16);

		n = (size_t)(end - s);
		if (v >= 0x10000 && s[0] != '-')
			sb_puts(sc->out, "0xADDR");
		else
			sb_add(sc->out, s, n);
	} else {
		int64_t v = strtoll(s, &end, 10);

		n = (size_t)(end - s);
		if (kind != NUM_PLAIN && !ident_char(*end) && *end != '.')
			put_pid(sc, v, kind);
		else
			sb_add(sc->out, s, n);
	}
	sc->i += n;
}

static void scan_until(struct scan *sc, size_t end, enum num_kind kind);

/* KEY=VALUE with a key whose value is masked or a pid. */
static bool keyed_value(struct scan *sc, const char *key, size_t keylen)
{
	char buf[32];
	size_t end;

	if (keylen >= sizeof(buf))
		return false;
	memcpy(buf, key, keylen);
	buf[keylen] = '\0';
	if (in_list(buf, masked_keys)) {
		sb_printf(sc->out, "%s=" RENDER_MASK, buf);
		sc->i++;
		sc->i = value_end(sc);
		return true;
	}
	if (in_list(buf, pid_keys)) {
		sb_printf(sc->out, "%s=", buf);
		sc->i++;
		end = value_end(sc);
		scan_until(sc, end, NUM_PID);
		return true;
	}
	return false;
}

/* One token at sc->i; PIDS: decimal numbers are pids. */
static void token(struct scan *sc, enum num_kind kind)
{
	const char *s = sc->s;
	size_t i = sc->i;

	if (s[i] == '"') {
		copy_string(sc);
	} else if (s[i] == '/' && s[i + 1] == '*') {
		copy_comment(sc);
	} else if (isalpha((unsigned char)s[i]) || s[i] == '_') {
		size_t n = 0;

		while (ident_char(s[i + n]))
			n++;
		sc->i += n;
		if (s[sc->i] == '=' && s[sc->i + 1] != '=' &&
		    keyed_value(sc, s + i, n))
			return;
		sb_add(sc->out, s + i, n);
	} else if (isdigit((unsigned char)s[i]) ||
		   (s[i] == '-' && isdigit((unsigned char)s[i + 1]) &&
		    (!i || !ident_char(s[i - 1])))) {
		number(sc, kind);
	} else {
		sb_putc(sc->out, s[i]);
		sc->i++;
	}
}

static void scan_until(struct scan *sc, size_t end, enum num_kind kind)
{
	while (sc->i < end && sc->s[sc->i])
		token(sc, kind);
}

/* How argument ARGI of NAME is read. */
static enum num_kind arg_kind(const char *name, unsigned argi)
{
	for (size_t i = 0; i < ARRAY_SIZE(pid_args) && argi < 32; i++) {
		if (strcmp(pid_args[i].name, name) != 0)
			continue;
		if (pid_args[i].args >> argi & 1)
			return NUM_PID;
		if (pid_args[i].maybe >> argi & 1)
			return NUM_MAYBE_PID;
	}
	return NUM_PLAIN;
}

/* "name(args) = result rest": argument by argument, then the result. */
static void normalize_call(struct scan *sc, const char *name)
{
	bool random = strcmp(name, "getrandom") == 0;
	bool closed;
	size_t close = call_end(sc->s, &closed);
	unsigned argi = 0;

	sc->i = strcspn(sc->s, "(");
	sb_add(sc->out, sc->s, sc->i + 1);
	sc->i++;
	while (sc->i < close && sc->s[sc->i]) {
		size_t end = value_end(sc);
		bool value = sc->s[sc->i] != ' ' && sc->s[sc->i] != '<';

		if (value && argi == 0 && random) {
			sb_puts(sc->out, RENDER_MASK);
			sc->i = end;
		} else {
			scan_until(sc, end,
				   value ? arg_kind(name, argi) : NUM_PLAIN);
		}
		if (sc->s[sc->i] == ',') {
			size_t n = 1 + strspn(sc->s + sc->i + 1, " ");

			/* Both spaces of "read(0,  <unfinished ...>" stay. */
			sb_add(sc->out, sc->s + sc->i, n);
			sc->i += n;
			argi++;
		} else if (sc->s[sc->i] && sc->i < close) {
			sb_putc(sc->out, sc->s[sc->i++]);
		}
	}
	if (!closed)
		return; /* <detached ...> */
	sb_putc(sc->out, ')');
	sc->i++;
	sc->i += strspn(sc->s + sc->i, " ");
	if (sc->s[sc->i] == '=') {
		sb_add(sc->out, " = ", 3);
		sc->i += 1 + strspn(sc->s + sc->i + 1, " ");
		if (in_list(name, pid_results) &&
		    isdigit((unsigned char)sc->s[sc->i]))
			number(sc, NUM_PID);
	}
	scan_until(sc, strlen(sc->s), NUM_PLAIN);
}

void trace_normalize_line(struct strbuf *out, const struct trace *t,
			  const char *text, enum trace_ev_kind kind,
			  const char *name)
{
	struct scan sc = { .s = text, .out = out, .t = t };
	const char *sup = "+++ superseded by execve in pid ";

	if (kind == EV_SYSCALL && strchr(text, '(')) {
		normalize_call(&sc, name);
		return;
	}
	if (strncmp(text, sup, strlen(sup)) == 0) {
		sb_puts(out, sup);
		sc.i = strlen(sup);
		number(&sc, NUM_PID);
	}
	scan_until(&sc, strlen(text), NUM_PLAIN);
}
