/*
 * The generated syscall tables (syscallent/x86_64.in, syscallent/i386.in)
 * against the kernel headers, and against themselves.  These look at the
 * arrays directly, not through sysent_lookup().
 */
#include <stddef.h>
#include <string.h>

#include <criterion/criterion.h>

#include "sysent.h"

/*
 * The i386 table.  src/sysent.h declares it too once the int $0x80 support
 * is in; repeating a compatible extern declaration is harmless.
 */
extern const struct sysent sysent_i386[];
extern const unsigned int nsysent_i386;

struct hdr_name {
	const char *name;
	long nr;
};

/* Every __NR_ name of <asm/unistd_64.h>, made by the build. */
static const struct hdr_name unistd[] = {
#include "gen/unistd_names.h"
};

/* Every __NR_ name of <asm/unistd_32.h>, made by the build. */
static const struct hdr_name unistd32[] = {
#include "gen/unistd32_names.h"
};

#define NUNISTD (sizeof(unistd) / sizeof(unistd[0]))
#define NUNISTD32 (sizeof(unistd32) / sizeof(unistd32[0]))

struct newer_call {
	const char *name;
	unsigned int nr;
};

/*
 * Syscalls newer than the Debian 12 <asm/unistd_64.h>, as of Linux 6.18.
 * 335 and 336 fall below the header's highest number, so they are the
 * only table entries the header may not know.
 */
static const struct newer_call newer[] = {
	{ "uretprobe", 335 },	      { "uprobe", 336 },
	{ "cachestat", 451 },	      { "fchmodat2", 452 },
	{ "map_shadow_stack", 453 },  { "futex_wake", 454 },
	{ "futex_wait", 455 },	      { "futex_requeue", 456 },
	{ "statmount", 457 },	      { "listmount", 458 },
	{ "lsm_get_self_attr", 459 }, { "lsm_set_self_attr", 460 },
	{ "lsm_list_modules", 461 },  { "mseal", 462 },
	{ "setxattrat", 463 },	      { "getxattrat", 464 },
	{ "listxattrat", 465 },	      { "removexattrat", 466 },
	{ "open_tree_attr", 467 },    { "file_getattr", 468 },
	{ "file_setattr", 469 },
};

/*
 * Syscalls newer than the Debian 12 <asm/unistd_32.h> (which ends at 450),
 * as of Linux 6.18.  All lie above the header's highest number.
 */
static const struct newer_call newer32[] = {
	{ "cachestat", 451 },	      { "fchmodat2", 452 },
	{ "map_shadow_stack", 453 },  { "futex_wake", 454 },
	{ "futex_wait", 455 },	      { "futex_requeue", 456 },
	{ "statmount", 457 },	      { "listmount", 458 },
	{ "lsm_get_self_attr", 459 }, { "lsm_set_self_attr", 460 },
	{ "lsm_list_modules", 461 },  { "mseal", 462 },
	{ "setxattrat", 463 },	      { "getxattrat", 464 },
	{ "listxattrat", 465 },	      { "removexattrat", 466 },
	{ "open_tree_attr", 467 },    { "file_getattr", 468 },
	{ "file_setattr", 469 },
};

/* One generated table, the header it is checked against, and the calls
 * the header is too old to know. */
struct table {
	const char *abi;
	const struct sysent *se;
	unsigned int n;
	const struct hdr_name *hdr;
	size_t nhdr;
	const struct newer_call *newer;
	size_t nnewer;
};

static struct table tbl_x86_64(void)
{
	return (struct table){
		"x86_64",
		sysent_x86_64,
		nsysent_x86_64,
		unistd,
		NUNISTD,
		newer,
		sizeof(newer) / sizeof(newer[0]),
	};
}

static struct table tbl_i386(void)
{
	return (struct table){
		"i386",
		sysent_i386,
		nsysent_i386,
		unistd32,
		NUNISTD32,
		newer32,
		sizeof(newer32) / sizeof(newer32[0]),
	};
}

#define ALL_CLASSES                                                          \
 (TD | TF | TI | TN | TP | TS | TM | TST | TLST | TFST | TSTA | TSF | TFSF | \
  TSFA | PU | TC | TCL)

static long header_max(const struct table *t)
{
	long max = -1;

	for (size_t i = 0; i < t->nhdr; i++)
		if (t->hdr[i].nr > max)
			max = t->hdr[i].nr;
	return max;
}

static const char *header_name(const struct table *t, long nr)
{
	for (size_t i = 0; i < t->nhdr; i++)
		if (t->hdr[i].nr == nr)
			return t->hdr[i].name;
	return NULL;
}

static const struct sysent *table_entry(const struct table *t, unsigned int nr)
{
	if (nr >= t->n || !t->se[nr].name)
		return NULL;
	return &t->se[nr];
}

static const struct sysent *table_by_name(const struct table *t,
					  const char *name, unsigned int *nrp)
{
	for (unsigned int nr = 0; nr < t->n; nr++) {
		const char *n = t->se[nr].name;

		if (n && strcmp(n, name) == 0) {
			if (nrp)
				*nrp = nr;
			return &t->se[nr];
		}
	}
	return NULL;
}

static const struct sysent *by_name(const char *name, unsigned int *nrp)
{
	struct table t = tbl_x86_64();

	return table_by_name(&t, name, nrp);
}

static const struct sysent *by_name32(const char *name, unsigned int *nrp)
{
	struct table t = tbl_i386();

	return table_by_name(&t, name, nrp);
}

static int is_newer(const struct table *t, const char *name, unsigned int nr)
{
	for (size_t i = 0; i < t->nnewer; i++)
		if (t->newer[i].nr == nr && strcmp(t->newer[i].name, name) == 0)
			return 1;
	return 0;
}

/* Types whose argspec.len says where a length comes from. */
static int is_len_type(unsigned int type)
{
	switch (type) {
	case ARG_buf:
	case ARG_hexbuf:
	case ARG_sockaddr:
	case ARG_sigset:
	case ARG_iovec:
	case ARG_pollfd:
	case ARG_fdset:
	case ARG_cpuset:
	case ARG_mmsghdr:
		return 1;
	default:
		return 0;
	}
}

static void check_table_size(const struct table *t)
{
	cr_assert_gt(t->n, 0, "%s: empty table", t->abi);
	cr_assert_leq(t->n, 1024, "%s: table has %u slots", t->abi, t->n);
	/* The last slot is used: the table is no bigger than it has to be. */
	cr_expect_not_null(t->se[t->n - 1].name, "%s: last slot %u unused",
			   t->abi, t->n - 1);
}

static void check_header_in_table(const struct table *t)
{
	for (size_t i = 0; i < t->nhdr; i++) {
		long nr = t->hdr[i].nr;

		cr_expect(nr >= 0 && (unsigned long)nr < t->n &&
				  t->se[nr].name != NULL,
			  "%s: __NR_%s (%ld) is not in the table", t->abi,
			  t->hdr[i].name, nr);
		if (nr < 0 || (unsigned long)nr >= t->n || !t->se[nr].name)
			continue;
		cr_expect_str_eq(t->se[nr].name, t->hdr[i].name,
				 "%s: syscall %ld is \"%s\" in the table but "
				 "__NR_%s in the header",
				 t->abi, nr, t->se[nr].name, t->hdr[i].name);
	}
}

static void check_table_in_header(const struct table *t)
{
	long max = header_max(t);

	for (unsigned int nr = 0; nr < t->n && (long)nr <= max; nr++) {
		const char *name = t->se[nr].name;
		const char *hname;

		if (!name)
			continue;
		hname = header_name(t, nr);
		if (!hname && is_newer(t, name, nr))
			continue;
		cr_expect_not_null(hname,
				   "%s: table has %s at %u, the header has no "
				   "syscall there",
				   t->abi, name, nr);
		if (hname)
			cr_expect_str_eq(name, hname,
					 "%s: table has %s at %u, the header "
					 "__NR_%s",
					 t->abi, name, nr, hname);
	}
}

static void check_names_unique(const struct table *t)
{
	for (unsigned int a = 0; a < t->n; a++) {
		if (!t->se[a].name)
			continue;
		for (unsigned int b = a + 1; b < t->n; b++) {
			if (!t->se[b].name)
				continue;
			cr_expect(strcmp(t->se[a].name, t->se[b].name) != 0,
				  "%s: %s is both %u and %u", t->abi,
				  t->se[a].name, a, b);
		}
	}
}

static void check_names_identifiers(const struct table *t)
{
	for (unsigned int nr = 0; nr < t->n; nr++) {
		const char *n = t->se[nr].name;

		if (!n)
			continue;
		cr_expect(n[0] != '\0', "%s: empty name at %u", t->abi, nr);
		cr_expect(strspn(n, "abcdefghijklmnopqrstuvwxyz0123456789_") ==
				  strlen(n),
			  "%s: odd name \"%s\" at %u", t->abi, n, nr);
	}
}

static void check_holes_empty(const struct table *t)
{
	static const struct sysent zero;

	for (unsigned int nr = 0; nr < t->n; nr++) {
		if (t->se[nr].name)
			continue;
		cr_expect(memcmp(&t->se[nr], &zero, sizeof(zero)) == 0,
			  "%s: unnamed slot %u is not all zero", t->abi, nr);
	}
}

static void check_well_formed(const struct table *t)
{
	for (unsigned int nr = 0; nr < t->n; nr++) {
		const struct sysent *s = table_entry(t, nr);

		if (!s)
			continue;
		cr_expect_leq(s->nargs, 6, "%s: %s has %u arguments", t->abi,
			      s->name, s->nargs);
		cr_expect_leq(s->ret, RET_NONE, "%s: %s: bad return type %u",
			      t->abi, s->name, s->ret);
		cr_expect_eq(s->flags & ~(uint32_t)ALL_CLASSES, 0,
			     "%s: %s: unknown class bits %#x", t->abi, s->name,
			     (unsigned int)(s->flags & ~(uint32_t)ALL_CLASSES));

		for (unsigned int i = 0; i < s->nargs && i < 6; i++) {
			const struct argspec *a = &s->args[i];

			cr_expect_lt(a->type, ARG_TYPE_COUNT,
				     "%s: %s arg %u: type %u out of range",
				     t->abi, s->name, i + 1, a->type);
			cr_expect_leq(a->dir, DIR_INOUT,
				      "%s: %s arg %u: direction %u out of "
				      "range",
				      t->abi, s->name, i + 1, a->dir);

			if (a->type == ARG_flags || a->type == ARG_enum)
				cr_expect_not_null(a->xlat,
						   "%s: %s arg %u: flags/enum "
						   "without a table",
						   t->abi, s->name, i + 1);
			else
				cr_expect_null(a->xlat,
					       "%s: %s arg %u: a table on a "
					       "type that takes none",
					       t->abi, s->name, i + 1);

			if (is_len_type(a->type)) {
				cr_expect(a->len == LEN_RVAL ||
						  (a->len >= 0 &&
						   a->len < s->nargs &&
						   (unsigned int)a->len != i),
					  "%s: %s arg %u: bad length source %d",
					  t->abi, s->name, i + 1, a->len);
			} else {
				cr_expect_eq(a->len, LEN_NONE,
					     "%s: %s arg %u: length source %d "
					     "on a type that takes none",
					     t->abi, s->name, i + 1, a->len);
			}
		}
		/* Unused argument slots stay zero. */
		for (unsigned int i = s->nargs; i < 6; i++) {
			const struct argspec *a = &s->args[i];

			cr_expect(a->type == 0 && a->dir == 0 && a->len == 0 &&
					  a->xlat == NULL,
				  "%s: %s: unused argument slot %u is set",
				  t->abi, s->name, i + 1);
		}
	}
}

static void check_newer(const struct table *t)
{
	for (size_t i = 0; i < t->nnewer; i++) {
		const struct sysent *s = table_entry(t, t->newer[i].nr);

		cr_expect_not_null(s, "%s: %s (%u) is missing", t->abi,
				   t->newer[i].name, t->newer[i].nr);
		if (s)
			cr_expect_str_eq(s->name, t->newer[i].name,
					 "%s: %u is %s, want %s", t->abi,
					 t->newer[i].nr, s->name,
					 t->newer[i].name);
	}
}

/* x86-64 ----------------------------------------------------------------- */

Test(syscallent, header_is_not_empty)
{
	struct table t = tbl_x86_64();

	cr_assert_gt(NUNISTD, 300, "gen/unistd_names.h has only %zu names",
		     (size_t)NUNISTD);
	cr_assert_eq(header_name(&t, 0) ? strcmp(header_name(&t, 0), "read")
					: -1,
		     0, "__NR_read is not 0 in gen/unistd_names.h");
}

Test(syscallent, table_size)
{
	struct table t = tbl_x86_64();

	check_table_size(&t);
}

Test(syscallent, every_header_syscall_is_in_the_table)
{
	struct table t = tbl_x86_64();

	check_header_in_table(&t);
}

Test(syscallent, table_agrees_with_header)
{
	struct table t = tbl_x86_64();

	check_table_in_header(&t);
}

Test(syscallent, names_are_unique)
{
	struct table t = tbl_x86_64();

	check_names_unique(&t);
}

Test(syscallent, names_are_identifiers)
{
	struct table t = tbl_x86_64();

	check_names_identifiers(&t);
}

Test(syscallent, holes_are_empty)
{
	struct table t = tbl_x86_64();

	check_holes_empty(&t);
}

Test(syscallent, no_x32_numbers)
{
	for (unsigned int nr = 512; nr <= 547 && nr < nsysent_x86_64; nr++)
		cr_expect_null(sysent_x86_64[nr].name,
			       "x32 number %u (%s) is in the table", nr,
			       sysent_x86_64[nr].name);
}

Test(syscallent, entries_are_well_formed)
{
	struct table t = tbl_x86_64();

	check_well_formed(&t);
}

/* The calls newer than the Debian 12 headers, as of Linux 6.18. */
Test(syscallent, newer_than_the_headers)
{
	struct table t = tbl_x86_64();

	check_newer(&t);
	/* Nothing between the x86-64-only block and the common block. */
	for (unsigned int nr = 337; nr < 424 && nr < nsysent_x86_64; nr++)
		cr_expect_null(sysent_x86_64[nr].name, "%u is %s", nr,
			       sysent_x86_64[nr].name);
}

/* A few entries checked in full, as strace 6.1 prints and classes them. */
Test(syscallent, spot_checks)
{
	const struct sysent *s;
	unsigned int nr;

	s = by_name("read", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 0);
	cr_expect_eq(s->flags, TD);
	cr_expect_eq(s->nargs, 3);
	cr_expect_eq(s->ret, RET_DEC);
	cr_expect_eq(s->args[0].type, ARG_fd);
	cr_expect_eq(s->args[1].type, ARG_buf);
	cr_expect_eq(s->args[1].dir, DIR_OUT);
	cr_expect_eq(s->args[1].len, LEN_RVAL);
	cr_expect_eq(s->args[2].type, ARG_ulong);
	cr_expect_null(s->decode);

	s = by_name("write", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->args[1].type, ARG_buf);
	cr_expect_eq(s->args[1].dir, DIR_IN);
	cr_expect_eq(s->args[1].len, 2);

	s = by_name("mmap", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 9);
	cr_expect_eq(s->flags, TD | TM);
	cr_expect_eq(s->nargs, 6);
	cr_expect_eq(s->ret, RET_HEX);
	cr_expect_eq(s->args[2].type, ARG_flags);
	cr_expect_eq(s->args[4].type, ARG_fd);

	s = by_name("exit_group", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 231);
	cr_expect_eq(s->ret, RET_NONE);
	cr_expect_eq(s->flags, TP);

	s = by_name("umask", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->ret, RET_OCT);

	s = by_name("openat", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 257);
	cr_expect_eq(s->flags, TD | TF);
	cr_expect_eq(s->nargs, 4);
	cr_expect_eq(s->ret, RET_FD);
	cr_expect_not_null(s->decode);

	s = by_name("execve", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TF | TP);
	cr_expect_not_null(s->decode);

	s = by_name("newfstatat", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 262);
	cr_expect_eq(s->flags, TD | TF | TFST | TSTA);
	cr_expect_eq(s->args[2].type, ARG_stat);
	cr_expect_eq(s->args[2].dir, DIR_OUT);

	s = by_name("stat", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TF | TST | TSTA);
	s = by_name("lstat", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TF | TLST | TSTA);
	s = by_name("fstat", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TD | TFST | TSTA);
	s = by_name("statfs", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TF | TSF | TSFA);
	s = by_name("fstatfs", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TD | TFSF | TSFA);
	s = by_name("ustat", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TSFA);

	s = by_name("getpid", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, PU);
	cr_expect_eq(s->nargs, 0);
	s = by_name("getuid", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, PU | TC);
	s = by_name("clock_gettime", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TCL);
	cr_expect_eq(s->args[0].type, ARG_clockid);
	s = by_name("shmat", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TI | TM);
	cr_expect_eq(s->ret, RET_HEX);
	s = by_name("kill", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TP | TS);
	s = by_name("sendfile", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TD | TN);

	s = by_name("connect", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TN);
	cr_expect_eq(s->args[1].type, ARG_sockaddr);
	cr_expect_eq(s->args[1].len, 2);

	s = by_name("getrandom", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, 0);
	cr_expect_eq(s->args[0].type, ARG_hexbuf);
	cr_expect_eq(s->args[0].len, LEN_RVAL);
}

/* i386 (int $0x80 from a 64-bit process) --------------------------------- */

Test(syscallent_i386, header_is_not_empty)
{
	struct table t = tbl_i386();

	cr_assert_gt(NUNISTD32, 300, "gen/unistd32_names.h has only %zu names",
		     (size_t)NUNISTD32);
	cr_assert_eq(header_name(&t, 0)
			     ? strcmp(header_name(&t, 0), "restart_syscall")
			     : -1,
		     0,
		     "__NR_restart_syscall is not 0 in gen/unistd32_names.h");
	cr_assert_eq(header_name(&t, 3) ? strcmp(header_name(&t, 3), "read")
					: -1,
		     0, "__NR_read is not 3 in gen/unistd32_names.h");
}

Test(syscallent_i386, table_size)
{
	struct table t = tbl_i386();

	check_table_size(&t);
}

Test(syscallent_i386, every_header_syscall_is_in_the_table)
{
	struct table t = tbl_i386();

	check_header_in_table(&t);
}

Test(syscallent_i386, table_agrees_with_header)
{
	struct table t = tbl_i386();

	check_table_in_header(&t);
}

Test(syscallent_i386, names_are_unique)
{
	struct table t = tbl_i386();

	check_names_unique(&t);
}

Test(syscallent_i386, names_are_identifiers)
{
	struct table t = tbl_i386();

	check_names_identifiers(&t);
}

Test(syscallent_i386, holes_are_empty)
{
	struct table t = tbl_i386();

	check_holes_empty(&t);
}

Test(syscallent_i386, entries_are_well_formed)
{
	struct table t = tbl_i386();

	check_well_formed(&t);
}

/* The calls newer than the Debian 12 headers, as of Linux 6.18, and the
 * numbers i386 leaves unused. */
Test(syscallent_i386, newer_than_the_headers)
{
	static const unsigned int unused[] = { 222, 223, 251, 285, 387, 388,
					       389, 390, 391, 392, 415 };
	struct table t = tbl_i386();

	check_newer(&t);
	cr_expect_eq(nsysent_i386, 470, "i386 table has %u slots, want 470",
		     nsysent_i386);
	for (size_t i = 0; i < sizeof(unused) / sizeof(unused[0]); i++)
		cr_expect_null(table_entry(&t, unused[i]), "%u is %s",
			       unused[i],
			       table_entry(&t, unused[i])
				       ? table_entry(&t, unused[i])->name
				       : "");
}

/*
 * The arguments are 32-bit registers, and the printers read x86-64
 * layouts: no 64-bit-only scalar, no structure laid out differently on
 * i386, and no hand-written decoder.
 */
Test(syscallent_i386, no_x86_64_layouts)
{
	for (unsigned int nr = 0; nr < nsysent_i386; nr++) {
		const struct sysent *s = &sysent_i386[nr];

		if (!s->name)
			continue;
		cr_expect_null(s->decode, "%s has a decoder", s->name);
		for (unsigned int i = 0; i < s->nargs && i < 6; i++) {
			unsigned int type = s->args[i].type;
			int bad = 0;

			switch (type) {
			case ARG_long:
			case ARG_stat:
			case ARG_statfs:
			case ARG_rlimit:
			case ARG_timeval:
			case ARG_itimerval:
			case ARG_sigaction:
			case ARG_siginfo:
			case ARG_stack_t:
			case ARG_rusage:
			case ARG_sysinfo:
			case ARG_tms:
			case ARG_iovec:
			case ARG_msghdr:
			case ARG_mmsghdr:
			case ARG_strarray:
			case ARG_envp:
				bad = 1;
				break;
			case ARG_timespec:
			case ARG_itimerspec:
				/* Only the 64-bit __kernel_timespec: the
				 * time64 block 403..423 and a few later. */
				bad = !(nr >= 403 && nr <= 423) &&
				      strcmp(s->name, "epoll_pwait2") != 0 &&
				      strcmp(s->name, "futex_waitv") != 0 &&
				      strcmp(s->name, "futex_wait") != 0;
				break;
			case ARG_dirents:
				/* struct linux_dirent64 only */
				bad = strcmp(s->name, "getdents64") != 0;
				break;
			default:
				break;
			}
			cr_expect(!bad,
				  "%s arg %u: type %u has an x86-64 layout",
				  s->name, i + 1, type);
		}
	}
}

/* A few entries checked in full, as strace 6.1's i386 table has them. */
Test(syscallent_i386, spot_checks)
{
	const struct sysent *s;
	unsigned int nr;

	s = by_name32("restart_syscall", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 0);
	cr_expect_eq(s->nargs, 0);

	s = by_name32("exit", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 1);
	cr_expect_eq(s->flags, TP);
	cr_expect_eq(s->ret, RET_NONE);
	s = by_name32("exit_group", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 252);
	cr_expect_eq(s->ret, RET_NONE);

	s = by_name32("read", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 3);
	cr_expect_eq(s->flags, TD);
	cr_expect_eq(s->args[1].type, ARG_buf);
	cr_expect_eq(s->args[1].len, LEN_RVAL);

	s = by_name32("open", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 5);
	cr_expect_eq(s->flags, TD | TF);
	cr_expect_eq(s->ret, RET_FD);

	s = by_name32("oldstat", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 18);
	cr_expect_eq(s->flags, TF | TST | TSTA);
	s = by_name32("oldfstat", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 28);
	cr_expect_eq(s->flags, TD | TFST | TSTA);
	s = by_name32("oldlstat", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 84);
	cr_expect_eq(s->flags, TF | TLST | TSTA);
	s = by_name32("stat64", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 195);
	cr_expect_eq(s->flags, TF | TST | TSTA);
	cr_expect_eq(s->args[1].type, ARG_other);
	cr_expect_eq(s->args[1].dir, DIR_OUT);
	s = by_name32("lstat64", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TF | TLST | TSTA);
	s = by_name32("fstat64", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TD | TFST | TSTA);
	s = by_name32("fstatat64", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 300);
	cr_expect_eq(s->flags, TD | TF | TFST | TSTA);
	s = by_name32("statfs64", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 268);
	cr_expect_eq(s->flags, TF | TSF | TSFA);
	cr_expect_eq(s->nargs, 3);
	s = by_name32("fstatfs64", NULL);
	cr_assert_not_null(s);
	cr_expect_eq(s->flags, TD | TFSF | TSFA);
	s = by_name32("statx", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 383);
	cr_expect_eq(s->args[4].type, ARG_statx);

	s = by_name32("_llseek", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 140);
	cr_expect_eq(s->flags, TD);
	cr_expect_eq(s->nargs, 5);
	cr_expect_eq(s->args[3].type, ARG_loff);
	s = by_name32("_newselect", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 142);
	cr_expect_eq(s->flags, TD);
	cr_expect_eq(s->nargs, 5);
	s = by_name32("select", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 82);
	cr_expect_eq(s->nargs, 1);

	s = by_name32("mmap", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 90);
	cr_expect_eq(s->flags, TD | TM);
	cr_expect_eq(s->nargs, 1);
	cr_expect_eq(s->ret, RET_HEX);
	s = by_name32("mmap2", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 192);
	cr_expect_eq(s->flags, TD | TM);
	cr_expect_eq(s->nargs, 6);
	cr_expect_eq(s->ret, RET_HEX);
	cr_expect_eq(s->args[2].type, ARG_flags);
	cr_expect_eq(s->args[4].type, ARG_fd);

	s = by_name32("pread64", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 180);
	cr_expect_eq(s->nargs, 5);
	s = by_name32("fadvise64_64", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 272);
	cr_expect_eq(s->nargs, 6);

	s = by_name32("socketcall", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 102);
	cr_expect_eq(s->flags, TD);
	cr_expect_eq(s->nargs, 2);
	s = by_name32("ipc", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 117);
	cr_expect_eq(s->flags, TI);
	cr_expect_eq(s->nargs, 6);
	s = by_name32("socket", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 359);
	cr_expect_eq(s->flags, TN);
	cr_expect_eq(s->ret, RET_FD);
	s = by_name32("shmat", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 397);
	cr_expect_eq(s->flags, TI | TM);
	cr_expect_eq(s->ret, RET_HEX);

	s = by_name32("sigaction", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 67);
	cr_expect_eq(s->flags, TS);
	s = by_name32("sigreturn", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 119);
	cr_expect_eq(s->flags, TS);
	s = by_name32("signal", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 48);
	cr_expect_eq(s->flags, TS);

	s = by_name32("getpid", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 20);
	cr_expect_eq(s->flags, PU);
	s = by_name32("getuid", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 24);
	cr_expect_eq(s->flags, PU | TC);
	s = by_name32("getuid32", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 199);
	cr_expect_eq(s->flags, PU | TC);
	s = by_name32("setfsuid32", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 215);
	cr_expect_eq(s->flags, TC);

	s = by_name32("time", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 13);
	cr_expect_eq(s->flags, TCL);
	s = by_name32("clock_gettime", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 265);
	cr_expect_eq(s->flags, TCL);
	cr_expect_eq(s->args[1].type, ARG_other);
	s = by_name32("clock_gettime64", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 403);
	cr_expect_eq(s->flags, TCL);
	cr_expect_eq(s->args[0].type, ARG_clockid);
	cr_expect_eq(s->args[1].type, ARG_timespec);
	cr_expect_eq(s->args[1].dir, DIR_OUT);

	s = by_name32("execve", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 11);
	cr_expect_eq(s->flags, TF | TP);
	s = by_name32("clone3", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 435);
	cr_expect_eq(s->flags, TP);
	s = by_name32("arch_prctl", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 384);
	cr_expect_eq(s->nargs, 2);
	s = by_name32("set_mempolicy_home_node", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 450);
	cr_expect_eq(s->flags, TM);
	s = by_name32("file_setattr", &nr);
	cr_assert_not_null(s);
	cr_expect_eq(nr, 469);
}
