/* sctrace diff: logical ids, normalization, the sequence diff. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "seqdiff.h"
#include "tracenorm.h"

/* A text trace from its lines (NULL-terminated). */
static void load(struct trace *t, const char *const *lines)
{
	char err[256];

	memset(t, 0, sizeof(*t));
	t->path = "t";
	for (size_t i = 0; lines[i]; i++)
		cr_assert_eq(trace_add_text_line(t, lines[i], i + 1, err,
						 sizeof(err)),
			     0, "%s", err);
	trace_finish(t);
}

static const char *norm1(const char *line)
{
	static char buf[512];
	const char *lines[] = { line, NULL };
	struct trace t;

	load(&t, lines);
	cr_assert_eq(t.n, 1, "%s", line);
	snprintf(buf, sizeof(buf), "%s", t.ev[0].norm);
	trace_free(&t);
	return buf;
}

/* The events of LINES: their logical ids and normalized text. */
static void check_events(const char *const *lines, const char *want[][2],
			 size_t n)
{
	struct trace t;

	load(&t, lines);
	cr_assert_eq(t.n, n);
	for (size_t i = 0; i < t.n; i++) {
		cr_expect_str_eq(t.ev[i].lid, want[i][0], "event %zu", i);
		cr_expect_str_eq(t.ev[i].norm, want[i][1], "event %zu", i);
	}
	trace_free(&t);
}

#define NORM(line, want) cr_assert_str_eq(norm1(line), want)

Test(normalize, addresses_and_padding)
{
	NORM("mmap(NULL, 8192, PROT_READ|PROT_WRITE, "
	     "MAP_PRIVATE|MAP_ANONYMOUS, "
	     "-1, 0) = 0x7f3a1c2b4000",
	     "mmap(NULL, 8192, PROT_READ|PROT_WRITE, "
	     "MAP_PRIVATE|MAP_ANONYMOUS, "
	     "-1, 0) = 0xADDR");
	/* Below 0x10000 it is no address; strings keep theirs. */
	NORM("fcntl(3, F_GETFD)                       = 0x1 (flags FD_CLOEXEC)",
	     "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
	NORM("write(1, \"0x7fff0000\\n\", 11)         = 11",
	     "write(1, \"0x7fff0000\\n\", 11) = 11");
	NORM("execve(\"/bin/true\", [\"true\"], 0x7ffd2c3b1e40 /* 23 vars */) "
	     "= 0",
	     "execve(\"/bin/true\", [\"true\"], 0xADDR /* 23 vars */) = 0");
	NORM("ioctl(1, TCGETS, 0xffff)                = -1 ENOTTY "
	     "(Inappropriate ioctl for device)",
	     "ioctl(1, TCGETS, 0xffff) = -1 ENOTTY "
	     "(Inappropriate ioctl for device)");
}

Test(normalize, timestamps_and_durations)
{
	NORM("12:00:01.123456 close(3)               = 0 <0.000012>",
	     "close(3) = 0");
	NORM("1795294800.123456 close(3) = 0", "close(3) = 0");
	NORM("     0.000123 close(3) = 0", "close(3) = 0");
	NORM("12:00:01 (+     0.000123) close(3) = 0", "close(3) = 0");
}

Test(normalize, masked_fields)
{
	NORM("newfstatat(3, \"\", {st_dev=makedev(0x8, 0x1), st_ino=1234, "
	     "st_mode=S_IFREG|0644, st_nlink=1, st_size=5, st_atime=1700000000 "
	     "/* 2023-11-14T22:13:20.123456789+0000 */, "
	     "st_atime_nsec=123456789, "
	     "st_mtime=1700000000, st_mtime_nsec=1, st_ctime=1700000000, "
	     "st_ctime_nsec=2}, AT_EMPTY_PATH) = 0",
	     "newfstatat(3, \"\", {st_dev=makedev(0x8, 0x1), st_ino=*, "
	     "st_mode=S_IFREG|0644, st_nlink=1, st_size=5, st_atime=*, "
	     "st_atime_nsec=*, st_mtime=*, st_mtime_nsec=*, st_ctime=*, "
	     "st_ctime_nsec=*}, AT_EMPTY_PATH) = 0");
	NORM("statx(AT_FDCWD, \"/\", 0, STATX_ALL, "
	     "{stx_mask=STATX_BASIC_STATS, "
	     "stx_ino=2, stx_atime={tv_sec=1700000000, tv_nsec=5}, "
	     "stx_size=4096}) = 0",
	     "statx(AT_FDCWD, \"/\", 0, STATX_ALL, "
	     "{stx_mask=STATX_BASIC_STATS, "
	     "stx_ino=*, stx_atime=*, stx_size=4096}) = 0");
	NORM("getdents64(3, [{d_ino=2, d_off=1, d_reclen=24, d_type=DT_DIR, "
	     "d_name=\".\"}], 32768) = 24",
	     "getdents64(3, [{d_ino=*, d_off=1, d_reclen=24, d_type=DT_DIR, "
	     "d_name=\".\"}], 32768) = 24");
	NORM("getrandom(\"\\x5c\\x9e\\x21\\x0f\\x11\\xa3\\x4b\\x17\", 8, "
	     "GRND_NONBLOCK) = 8",
	     "getrandom(*, 8, GRND_NONBLOCK) = 8");
}

Test(normalize, pids_become_logical_ids)
{
	const char *lines[] = {
		"4242  clone(child_stack=NULL, "
		"flags=CLONE_CHILD_SETTID|SIGCHLD, "
		"child_tidptr=0x7f0000001a10) = 4243",
		"4243  getpid()                 = 4243",
		"4243  getppid()                = 4242",
		"4242  clone3({flags=CLONE_VM|CLONE_THREAD, exit_signal=0}, "
		"88) "
		"= 4250",
		"4250  gettid()                 = 4250",
		"4242  kill(4243, SIGTERM)      = 0",
		"4242  kill(-4243, SIGTERM)     = 0",
		"4242  tgkill(4242, 4250, SIGUSR1) = 0",
		"4243  +++ killed by SIGTERM +++",
		"4242  wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], "
		"0, "
		"NULL) = 4243",
		"4242  --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, "
		"si_pid=4243, si_uid=0, si_status=SIGTERM, si_utime=3, "
		"si_stime=1} ---",
		"4242  kill(999, 0)             = -1 ESRCH (No such process)",
		"4242  getppid()                = 1000",
		"4242  exit_group(0)            = ?",
		NULL,
	};
	const char *want[][2] = {
		{ "1",
		  "clone(child_stack=NULL, flags=CLONE_CHILD_SETTID|SIGCHLD, "
		  "child_tidptr=0xADDR) = <1.1>" },
		{ "1.1", "getpid() = <1.1>" },
		{ "1.1", "getppid() = <1>" },
		{ "1",
		  "clone3({flags=CLONE_VM|CLONE_THREAD, exit_signal=0}, 88) "
		  "= <1.2>" },
		{ "1.2", "gettid() = <1.2>" },
		{ "1", "kill(<1.1>, SIGTERM) = 0" },
		{ "1", "kill(-<1.1>, SIGTERM) = 0" },
		{ "1", "tgkill(<1>, <1.2>, SIGUSR1) = 0" },
		{ "1.1", "+++ killed by SIGTERM +++" },
		{ "1",
		  "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], 0, "
		  "NULL) = <1.1>" },
		{ "1", "--- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_KILLED, "
		       "si_pid=<1.1>, si_uid=0, si_status=SIGTERM, si_utime=*, "
		       "si_stime=*} ---" },
		{ "1", "kill(<?>, 0) = -1 ESRCH (No such process)" },
		{ "1", "getppid() = <?>" },
		{ "1", "exit_group(0) = ?" },
	};

	check_events(lines, want, sizeof(want) / sizeof(want[0]));
}

Test(normalize, children_may_come_before_the_clone)
{
	/* [pid N] prefixes; the child's lines are before the parent's
	 * resumed clone, and the first lines have no prefix at all. */
	const char *lines[] = {
		"execve(\"./a\", [\"./a\"], 0x7ffd0000 /* 3 vars */) = 0",
		"clone(child_stack=NULL, flags=SIGCHLD <unfinished ...>",
		"[pid   501] write(1, \"x\", 1) = 1",
		"[pid   500] <... clone resumed>) = 501",
		"[pid   500] clone(child_stack=NULL, flags=SIGCHLD) = 502",
		"[pid   502] read(0,  <unfinished ...>",
		"[pid   501] +++ exited with 0 +++",
		"[pid   502] <... read resumed> <unfinished ...>) = ?",
		"[pid   502] +++ killed by SIGKILL +++",
		"exit_group(0) = ?",
		NULL,
	};
	const char *want[][2] = {
		{ "1", "execve(\"./a\", [\"./a\"], 0xADDR /* 3 vars */) = 0" },
		{ "1.1", "write(1, \"x\", 1) = 1" },
		{ "1", "clone(child_stack=NULL, flags=SIGCHLD) = <1.1>" },
		{ "1", "clone(child_stack=NULL, flags=SIGCHLD) = <1.2>" },
		{ "1.1", "+++ exited with 0 +++" },
		{ "1.2", "read(0,  <unfinished ...>) = ?" },
		{ "1.2", "+++ killed by SIGKILL +++" },
		{ "1", "exit_group(0) = ?" },
	};

	check_events(lines, want, sizeof(want) / sizeof(want[0]));
}

Test(normalize, not_a_trace)
{
	struct trace t = { .path = "x.txt" };
	char err[256];

	cr_assert_eq(
		trace_add_text_line(&t, "hello world", 7, err, sizeof(err)),
		-1);
	cr_assert_str_eq(err, "x.txt:7: not a trace: 'hello world'");
	trace_free(&t);
}

/* ---- the sequence diff ---- */

static size_t count(const bool *v, size_t n)
{
	size_t c = 0;

	for (size_t i = 0; i < n; i++)
		c += v[i];
	return c;
}

/* The kept items of A and B must be the same sequence. */
static void check_common(const uint32_t *a, size_t n, const uint32_t *b,
			 size_t m, const bool *del, const bool *ins)
{
	size_t i = 0, j = 0;

	for (;;) {
		while (i < n && del[i])
			i++;
		while (j < m && ins[j])
			j++;
		if (i == n || j == m)
			break;
		cr_assert_eq(a[i], b[j], "kept items differ at %zu/%zu", i, j);
		i++;
		j++;
	}
	cr_assert(i == n && j == m, "kept subsequences differ in length");
}

Test(seqdiff, shortest_script)
{
	/* Myers' example: ABCABBA -> CBABAC, D = 5. */
	const uint32_t a[] = { 'A', 'B', 'C', 'A', 'B', 'B', 'A' };
	const uint32_t b[] = { 'C', 'B', 'A', 'B', 'A', 'C' };
	bool del[7] = { 0 }, ins[6] = { 0 };

	seqdiff(a, 7, b, 6, del, ins, true);
	cr_assert_eq(count(del, 7) + count(ins, 6), 5);
	check_common(a, 7, b, 6, del, ins);
}

Test(seqdiff, empty_and_equal)
{
	const uint32_t a[] = { 1, 2, 3 };
	bool del[3] = { 0 }, ins[3] = { 0 };

	seqdiff(a, 3, a, 3, del, ins, false);
	cr_assert_eq(count(del, 3) + count(ins, 3), 0);
	seqdiff(a, 3, NULL, 0, del, ins, false);
	cr_assert_eq(count(del, 3), 3);
	memset(del, 0, sizeof(del));
	seqdiff(NULL, 0, a, 3, del, ins, false);
	cr_assert_eq(count(ins, 3), 3);
}

/* Random sequences against brute-force LCS lengths. */
static size_t lcs(const uint32_t *a, size_t n, const uint32_t *b, size_t m)
{
	size_t *row = calloc((m + 1) * (n + 1), sizeof(*row)), r;

	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++)
			row[i * (m + 1) + j] =
				a[i - 1] == b[j - 1]
					? row[(i - 1) * (m + 1) + j - 1] + 1
				: row[(i - 1) * (m + 1) + j] >
						row[i * (m + 1) + j - 1]
					? row[(i - 1) * (m + 1) + j]
					: row[i * (m + 1) + j - 1];
	r = row[n * (m + 1) + m];
	free(row);
	return r;
}

Test(seqdiff, random_against_lcs)
{
	srand(7);
	for (int round = 0; round < 300; round++) {
		size_t n = (size_t)rand() % 40, m = (size_t)rand() % 40;
		uint32_t a[40], b[40];
		bool del[40] = { 0 }, ins[40] = { 0 };

		for (size_t i = 0; i < n; i++)
			a[i] = (uint32_t)rand() % 4;
		for (size_t j = 0; j < m; j++)
			b[j] = (uint32_t)rand() % 4;
		seqdiff(a, n, b, m, del, ins, true);
		check_common(a, n, b, m, del, ins);
		cr_assert_eq(n - count(del, n), lcs(a, n, b, m), "round %d",
			     round);
	}
}

Test(seqdiff, long_equal_runs_are_cheap)
{
	/* 1M equal items around one change: linear, not quadratic. */
	size_t n = 1000000;
	uint32_t *a = malloc(n * sizeof(*a)), *b = malloc(n * sizeof(*b));
	bool *del = calloc(n, 1), *ins = calloc(n, 1);

	for (size_t i = 0; i < n; i++)
		a[i] = b[i] = (uint32_t)(i % 1000);
	b[n / 2] = 5000;
	seqdiff(a, n, b, n, del, ins, false);
	cr_assert_eq(count(del, n), 1);
	cr_assert_eq(count(ins, n), 1);
	cr_assert(del[n / 2] && ins[n / 2]);
	free(a);
	free(b);
	free(del);
	free(ins);
}

Test(seqdiff, unrelated_long_sequences_finish)
{
	/* D near N + M: the heuristic keeps it from taking (N+M)D. */
	size_t n = 50000;
	uint32_t *a = malloc(n * sizeof(*a)), *b = malloc(n * sizeof(*b));
	bool *del = calloc(n, 1), *ins = calloc(n, 1);

	for (size_t i = 0; i < n; i++) {
		a[i] = (uint32_t)(i * 7919 % 100003);
		b[i] = (uint32_t)(i * 104729 % 100019) + 200000;
	}
	seqdiff(a, n, b, n, del, ins, false);
	cr_assert_eq(count(del, n), n);
	cr_assert_eq(count(ins, n), n);
	free(a);
	free(b);
	free(del);
	free(ins);
}

/* ---- the printed diff ---- */

static char *diff_text(const char *const *old, const char *const *new,
		       const struct diff_opts *o, int *rc)
{
	struct trace a, b;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	load(&a, old);
	a.path = "old";
	load(&b, new);
	b.path = "new";
	*rc = diff_traces(fp, &a, &b, o);
	fclose(fp);
	trace_free(&a);
	trace_free(&b);
	return buf;
}

Test(diff, hunks_with_context)
{
	const char *old[] = { "a(1) = 0", "a(2) = 0",  "a(3) = 0",  "a(4) = 0",
			      "a(5) = 0", "a(6) = 0",  "a(7) = 0",  "a(8) = 0",
			      "a(9) = 0", "a(10) = 0", "a(11) = 0", NULL };
	const char *new[] = { "a(1) = 0", "b(2) = 0",  "a(3) = 0",  "a(4) = 0",
			      "a(5) = 0", "a(6) = 0",  "a(7) = 0",  "a(8) = 0",
			      "a(9) = 0", "a(10) = 0", "a(11) = 0", "c() = 0",
			      NULL };
	struct diff_opts o = { .context = 1 };
	int rc;
	char *out = diff_text(old, new, &o, &rc);

	cr_assert_eq(rc, 1);
	cr_assert_str_eq(out,
			 "--- old\n+++ new\n"
			 "@@ thread 1 @@\n a(1) = 0\n-a(2) = 0\n+b(2) = 0\n"
			 " a(3) = 0\n"
			 "@@ thread 1 @@\n a(11) = 0\n+c() = 0\n");
	free(out);
	/* Nine lines apart: five lines of context join the two hunks. */
	o.context = 4;
	out = diff_text(old, new, &o, &rc);
	cr_assert_neq(strstr(out, "\n@@ thread 1 @@\n a(8)"), NULL, "%s", out);
	free(out);
	o.context = 5;
	out = diff_text(old, new, &o, &rc);
	cr_assert_eq(strstr(strstr(out, "@@ thread") + 2, "@@ thread"), NULL,
		     "%s", out);
	free(out);
	o.quiet = true;
	out = diff_text(old, new, &o, &rc);
	cr_assert_eq(rc, 1);
	cr_assert_str_eq(out, "");
	free(out);
	out = diff_text(old, old, &o, &rc);
	cr_assert_eq(rc, 0);
	free(out);
}
