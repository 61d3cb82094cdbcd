#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "qualify.h"
#include "seqdiff.h"
#include "sysent.h"
#include "tracefile.h"
#include "util.h"

/* ---- strings to small numbers ---- */

struct interner {
	char **strs; /* by id */
	uint32_t n;
	uint32_t *slots; /* id + 1, 0 empty */
	size_t cap;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

static void intern_grow(struct interner *in)
{
	size_t cap = in->cap ? in->cap * 2 : 1024;

	free(in->slots);
	in->slots = xcalloc(cap, sizeof(*in->slots));
	in->cap = cap;
	for (uint32_t id = 0; id < in->n; id++) {
		size_t i = hash_str(in->strs[id]) & (cap - 1);

		while (in->slots[i])
			i = (i + 1) & (cap - 1);
		in->slots[i] = id + 1;
	}
}

/* The id of S; S is not copied and must outlive the interner. */
static uint32_t intern(struct interner *in, char *s)
{
	size_t i;

	if (2 * ((size_t)in->n + 1) > in->cap)
		intern_grow(in);
	for (i = hash_str(s) & (in->cap - 1); in->slots[i];
	     i = (i + 1) & (in->cap - 1))
		if (strcmp(in->strs[in->slots[i] - 1], s) == 0)
			return in->slots[i] - 1;
	in->strs = xrealloc(in->strs, ((size_t)in->n + 1) * sizeof(char *));
	in->strs[in->n] = s;
	in->slots[i] = in->n + 1;
	return in->n++;
}

static void interner_free(struct interner *in)
{
	free(in->strs);
	free(in->slots);
	memset(in, 0, sizeof(*in));
}

/* ---- which events take part ---- */

struct nr_name {
	const char *name;
	long nr;
};

static struct nr_name *by_name;
static size_t nby_name;

static int cmp_nr_name(const void *a, const void *b)
{
	return strcmp(((const struct nr_name *)a)->name,
		      ((const struct nr_name *)b)->name);
}

static long nr_of(const char *name)
{
	struct nr_name key = { name, 0 }, *hit;

	if (!by_name) {
		by_name = xmalloc(nsysent_x86_64 * sizeof(*by_name));
		for (unsigned nr = 0; nr < nsysent_x86_64; nr++)
			if (sysent_x86_64[nr].name)
				by_name[nby_name++] = (struct nr_name){
					sysent_x86_64[nr].name, (long)nr
				};
		qsort(by_name, nby_name, sizeof(*by_name), cmp_nr_name);
	}
	hit = bsearch(&key, by_name, nby_name, sizeof(*by_name), cmp_nr_name);
	return hit ? hit->nr : -1;
}

static bool wanted(const struct trace_event *e, const struct diff_opts *o)
{
	long nr;

	if (e->name)
		for (size_t i = 0; i < o->nignore; i++)
			if (strcmp(e->name, o->ignore[i]) == 0)
				return false;
	if (e->kind != EV_SYSCALL || !o->trace)
		return true;
	/* As strace: what the table does not name (syscall_0x...) stays. */
	nr = nr_of(e->name);
	return nr < 0 ? strncmp(e->name, "syscall_", 8) == 0 : o->trace[nr];
}

/* ---- logical ids in tree order: 1 < 1.1 < 1.1.1 < 1.2 < 2 ---- */

static int cmp_lid(const char *a, const char *b)
{
	while (*a && *b) {
		unsigned long x = strtoul(a, (char **)&a, 10);
		unsigned long y = strtoul(b, (char **)&b, 10);

		if (x != y)
			return x < y ? -1 : 1;
		a += *a == '.';
		b += *b == '.';
	}
	return (*a != 0) - (*b != 0);
}

/* ---- the sequences to compare ---- */

struct seq {
	uint32_t *ids; /* interned lines */
	size_t n, cap;
};

static void seq_add(struct seq *s, uint32_t id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->ids = xrealloc(s->ids, s->cap * sizeof(*s->ids));
	}
	s->ids[s->n++] = id;
}

struct group {
	const char *lid; /* NULL: the whole trace (--global-order) */
	struct seq side[2];
};

struct compare {
	struct interner lines, lids;
	struct group *groups; /* by lid id */
	size_t ngroups;
	char **owned; /* "[1.2] line" strings of --global-order */
	size_t nowned;
};

static void add_events(struct compare *c, const struct trace *t, int side,
		       const struct diff_opts *o)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct trace_event *e = &t->ev[i];
		uint32_t g = 0, id;
		char *line = e->norm;

		if (!wanted(e, o))
			continue;
		if (o->global_order) {
			line = xmalloc(strlen(e->lid) + strlen(e->norm) + 4);
			sprintf(line, "[%s] %s", e->lid, e->norm);
			c->owned = xrealloc(c->owned,
					    (c->nowned + 1) * sizeof(char *));
			c->owned[c->nowned++] = line;
		} else {
			g = intern(&c->lids, (char *)e->lid);
		}
		if (g >= c->ngroups) {
			c->groups = xrealloc(c->groups,
					     (g + 1) * sizeof(*c->groups));
			memset(&c->groups[c->ngroups], 0,
			       (g + 1 - c->ngroups) * sizeof(*c->groups));
			c->ngroups = g + 1;
			c->groups[g].lid = o->global_order ? NULL : e->lid;
		}
		id = intern(&c->lines, line);
		if (id != c->lines.n - 1 && line != e->norm) {
			/* Known already: the copy is not needed. */
			free(c->owned[--c->nowned]);
		}
		seq_add(&c->groups[g].side[side], id);
	}
}

static int cmp_group(const void *a, const void *b)
{
	const struct group *x = a, *y = b;

	if (!x->lid || !y->lid)
		return 0;
	return cmp_lid(x->lid, y->lid);
}

/* ---- output ---- */

enum op { OP_SAME = ' ', OP_DEL = '-', OP_ADD = '+' };

struct edit {
	char op;
	uint32_t id;
};

/* The edit script: within a change, what goes before what comes. */
static struct edit *edits(const struct seq *a, const struct seq *b,
			  const bool *del, const bool *ins, size_t *nedits)
{
	struct edit *e = xmalloc((a->n + b->n + 1) * sizeof(*e));
	size_t i = 0, j = 0, n = 0;

	while (i < a->n || j < b->n) {
		if (i < a->n && del[i])
			e[n++] = (struct edit){ OP_DEL, a->ids[i++] };
		else if (j < b->n && ins[j])
			e[n++] = (struct edit){ OP_ADD, b->ids[j++] };
		else {
			e[n++] = (struct edit){ OP_SAME, a->ids[i] };
			i++;
			j++;
		}
	}
	*nedits = n;
	return e;
}

/* The next change at or after K, or N. */
static size_t next_change(const struct edit *e, size_t n, size_t k)
{
	while (k < n && e[k].op == OP_SAME)
		k++;
	return k;
}

static void print_hunks(FILE *out, const struct compare *c,
			const struct group *g, const struct edit *e, size_t n,
			size_t context)
{
	size_t k = next_change(e, n, 0);

	while (k < n) {
		size_t start = k > context ? k - context : 0, last = k, end;

		/* Changes with at most twice the context between them share
		 * a hunk. */
		for (size_t m; (m = next_change(e, n, last + 1)) < n &&
			       m - last - 1 <= 2 * context;)
			last = m;
		end = n - last - 1 > context ? last + 1 + context : n;
		if (g->lid)
			fprintf(out, "@@ thread %s @@\n", g->lid);
		else
			fputs("@@ global order @@\n", out);
		for (size_t m = start; m < end; m++)
			fprintf(out, "%c%s\n", e[m].op, c->lines.strs[e[m].id]);
		k = next_change(e, n, last + 1);
	}
}

/* Compares one group; prints its hunks unless QUIET. */
static bool diff_group(FILE *out, const struct compare *c,
		       const struct group *g, const struct diff_opts *o,
		       bool *header, const char *old, const char *new)
{
	const struct seq *a = &g->side[0], *b = &g->side[1];
	bool *del = xcalloc(a->n + 1, 1), *ins = xcalloc(b->n + 1, 1);
	struct edit *e;
	size_t n;
	bool differ = false;

	seqdiff(a->ids, a->n, b->ids, b->n, del, ins, false);
	e = edits(a, b, del, ins, &n);
	for (size_t k = 0; k < n && !differ; k++)
		differ = e[k].op != OP_SAME;
	if (differ && !o->quiet && !o->summary) {
		if (!*header)
			fprintf(out, "--- %s\n+++ %s\n", old, new);
		*header = true;
		print_hunks(out, c, g, e, n, (size_t)o->context);
	}
	free(e);
	free(del);
	free(ins);
	return differ;
}

/* ---- --summary ---- */

struct count {
	const char *name;
	long n[2];
};

static int cmp_count(const void *a, const void *b)
{
	return strcmp(((const struct count *)a)->name,
		      ((const struct count *)b)->name);
}

static void count_calls(struct interner *names, struct count **counts,
			const struct trace *t, int side,
			const struct diff_opts *o)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct trace_event *e = &t->ev[i];
		uint32_t id, known = names->n;

		if (e->kind != EV_SYSCALL || !wanted(e, o))
			continue;
		id = intern(names, e->name);
		if (names->n > known) {
			*counts =
				xrealloc(*counts, names->n * sizeof(**counts));
			(*counts)[id] = (struct count){ e->name, { 0, 0 } };
		}
		(*counts)[id].n[side]++;
	}
}

static void print_summary(FILE *out, const struct trace *old,
			  const struct trace *new, const struct diff_opts *o)
{
	struct interner names = { 0 };
	struct count *counts = NULL;
	bool any = false;

	count_calls(&names, &counts, old, 0, o);
	count_calls(&names, &counts, new, 1, o);
	qsort(counts, names.n, sizeof(*counts), cmp_count);
	for (uint32_t i = 0; i < names.n; i++) {
		if (counts[i].n[0] == counts[i].n[1])
			continue;
		if (!any)
			fprintf(out, "%-24s %9s %9s %9s\n", "syscall", "old",
				"new", "change");
		any = true;
		fprintf(out, "%-24s %9ld %9ld %+9ld\n", counts[i].name,
			counts[i].n[0], counts[i].n[1],
			counts[i].n[1] - counts[i].n[0]);
	}
	if (!any)
		fputs("no syscall count changed\n", out);
	free(counts);
	interner_free(&names);
}

int diff_traces(FILE *out, const struct trace *old, const struct trace *new,
		const struct diff_opts *o)
{
	struct compare c = { 0 };
	bool header = false, differ = false;

	add_events(&c, old, 0, o);
	add_events(&c, new, 1, o);
	qsort(c.groups, c.ngroups, sizeof(*c.groups), cmp_group);
	for (size_t g = 0; g < c.ngroups; g++)
		differ |= diff_group(out, &c, &c.groups[g], o, &header,
				     old->path, new->path);
	if (differ && o->summary && !o->quiet)
		print_summary(out, old, new, o);
	for (size_t g = 0; g < c.ngroups; g++) {
		free(c.groups[g].side[0].ids);
		free(c.groups[g].side[1].ids);
	}
	free(c.groups);
	for (size_t i = 0; i < c.nowned; i++)
		free(c.owned[i]);
	free(c.owned);
	interner_free(&c.lines);
	interner_free(&c.lids);
	return differ;
}

/* ---- sctrace diff ---- */

static const char diff_usage[] =
	"Usage: sctrace diff [OPTIONS] OLD NEW\n"
	"\n"
	"Compare two traces of a program: JSON Lines (sctrace --json) or\n"
	"strace's text (strace or sctrace -o FILE, with or without -f).\n"
	"Pids, addresses, times, inode numbers and random bytes are\n"
	"normalized away; threads are named by the process tree (1, 1.1,\n"
	"1.2 ...) and compared one by one.\n"
	"\n"
	"  --ignore=NAME[,NAME]...\n"
	"                 leave out these syscalls (or signals: SIGCHLD)\n"
	"  --trace=SET    compare only the syscalls in SET, as -e trace=SET:\n"
	"                 [!][?]{SYSCALL|/REGEX|%CLASS|all|none},...\n"
	"  --global-order compare the order of the whole trace, not each\n"
	"                 thread's own\n"
	"  --summary      print the syscalls whose number of calls changed,\n"
	"                 instead of the diff\n"
	"  -U N, --unified=N\n"
	"                 N lines of context (default 3)\n"
	"  -q, --quiet    print nothing, just exit with the status\n"
	"  -h, --help     print this help\n"
	"\n"
	"Exit status: 0 the traces are the same, 1 they differ, 2 trouble.\n";

static void add_ignore(struct diff_opts *o, const char *list)
{
	char *copy = xstrdup(list), *save = NULL;

	for (char *tok = strtok_r(copy, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		o->ignore = xrealloc(o->ignore,
				     (o->nignore + 1) * sizeof(*o->ignore));
		o->ignore[o->nignore++] = xstrdup(tok);
	}
	free(copy);
}

static void free_opts(struct diff_opts *o)
{
	for (size_t i = 0; i < o->nignore; i++)
		free(o->ignore[i]);
	free(o->ignore);
	free(o->trace);
}

/* 0 to go on, or the exit status. */
static int parse_args(int argc, char **argv, struct diff_opts *o)
{
	static const struct option longopts[] = {
		{ "ignore", required_argument, NULL, 'I' },
		{ "trace", required_argument, NULL, 'T' },
		{ "global-order", no_argument, NULL, 'G' },
		{ "summary", no_argument, NULL, 'S' },
		{ "unified", required_argument, NULL, 'U' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char err[512];
	int c;

	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:U:qh", longopts, NULL)) != -1) {
		char *end;
		long v;

		switch (c) {
		case 'I':
			add_ignore(o, optarg);
			break;
		case 'T':
			free(o->trace);
			o->trace = xcalloc(nsysent_x86_64, sizeof(bool));
			if (qualify_syscall_set(optarg, o->trace,
						nsysent_x86_64, err,
						sizeof(err)) < 0) {
				fprintf(stderr, "sctrace: diff: %s\n", err);
				return 2;
			}
			break;
		case 'G':
			o->global_order = true;
			break;
		case 'S':
			o->summary = true;
			break;
		case 'U':
			v = strtol(optarg, &end, 10);
			if (end == optarg || *end || v < 0 || v > INT_MAX / 4)
				return subcmd_usage_error(
					"diff", 2, "invalid -U argument: '%s'",
					optarg);
			o->context = (int)v;
			break;
		case 'q':
			o->quiet = true;
			break;
		case 'h':
			fputs(diff_usage, stdout);
			return -1;
		default:
			return subcmd_option_error("diff", 2, c, argv);
		}
	}
	if (argc - optind != 2)
		return subcmd_usage_error("diff", 2,
					  "need two traces, OLD and NEW");
	return 0;
}

int diff_main(int argc, char **argv)
{
	struct diff_opts o = { .context = 3 };
	struct trace t[2];
	char err[512];
	int rc = parse_args(argc, argv, &o);

	if (rc) {
		free_opts(&o);
		return rc < 0 ? 0 : rc;
	}
	memset(t, 0, sizeof(t));
	for (int i = 0; i < 2 && rc == 0; i++)
		if (trace_load(&t[i], argv[optind + i], err, sizeof(err)) < 0) {
			fprintf(stderr, "sctrace: diff: %s\n", err);
			rc = 2;
		}
	if (!rc)
		rc = diff_traces(stdout, &t[0], &t[1], &o);
	trace_free(&t[0]);
	trace_free(&t[1]);
	free_opts(&o);
	return subcmd_flush("diff") ? rc : 2;
}
