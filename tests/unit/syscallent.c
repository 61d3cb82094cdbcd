/*
 * The generated x86-64 syscall table (syscallent/x86_64.in) against the
 * kernel headers, and against itself.  These look at the array directly,
 * not through sysent_lookup().
 */
#include <stddef.h>
#include <string.h>

#include <criterion/criterion.h>

#include "sysent.h"

/* Every __NR_ name of <asm/unistd_64.h>, made by the build. */
static const struct {
	const char *name;
	long nr;
} unistd[] = {
#include "gen/unistd_names.h"
};

#define NUNISTD (sizeof(unistd) / sizeof(unistd[0]))

#define ALL_CLASSES                                                          \
 (TD | TF | TI | TN | TP | TS | TM | TST | TLST | TFST | TSTA | TSF | TFSF | \
  TSFA | PU | TC | TCL)

static long header_max(void)
{
	long max = -1;

	for (size_t i = 0; i < NUNISTD; i++)
		if (unistd[i].nr > max)
			max = unistd[i].nr;
	return max;
}

static const char *header_name(long nr)
{
	for (size_t i = 0; i < NUNISTD; i++)
		if (unistd[i].nr == nr)
			return unistd[i].name;
	return NULL;
}

static const struct sysent *entry(unsigned int nr)
{
	if (nr >= nsysent_x86_64 || !sysent_x86_64[nr].name)
		return NULL;
	return &sysent_x86_64[nr];
}

static const struct sysent *by_name(const char *name, unsigned int *nrp)
{
	for (unsigned int nr = 0; nr < nsysent_x86_64; nr++) {
		const char *n = sysent_x86_64[nr].name;

		if (n && strcmp(n, name) == 0) {
			if (nrp)
				*nrp = nr;
			return &sysent_x86_64[nr];
		}
	}
	return NULL;
}

/*
 * Syscalls newer than the Debian 12 <asm/unistd_64.h>, as of Linux 6.18.
 * 335 and 336 fall below the header's highest number, so they are the
 * only table entries the header may not know.
 */
static const struct {
	const char *name;
	unsigned int nr;
} newer[] = {
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

#define NNEWER (sizeof(newer) / sizeof(newer[0]))

static int is_newer(const char *name, unsigned int nr)
{
	for (size_t i = 0; i < NNEWER; i++)
		if (newer[i].nr == nr && strcmp(newer[i].name, name) == 0)
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

Test(syscallent, header_is_not_empty)
{
	cr_assert_gt(NUNISTD, 300, "gen/unistd_names.h has only %zu names",
		     (size_t)NUNISTD);
	cr_assert_eq(header_name(0) ? strcmp(header_name(0), "read") : -1, 0,
		     "__NR_read is not 0 in gen/unistd_names.h");
}

Test(syscallent, table_size)
{
	cr_assert_gt(nsysent_x86_64, 0);
	cr_assert_leq(nsysent_x86_64, 1024, "table has %u slots",
		      nsysent_x86_64);
	/* The last slot is used: the table is no bigger than it has to be. */
	cr_expect_not_null(sysent_x86_64[nsysent_x86_64 - 1].name);
}

Test(syscallent, every_header_syscall_is_in_the_table)
{
	for (size_t i = 0; i < NUNISTD; i++) {
		long nr = unistd[i].nr;

		cr_expect(nr >= 0 && (unsigned long)nr < nsysent_x86_64 &&
				  sysent_x86_64[nr].name != NULL,
			  "__NR_%s (%ld) is not in the table", unistd[i].name,
			  nr);
		if (nr < 0 || (unsigned long)nr >= nsysent_x86_64 ||
		    !sysent_x86_64[nr].name)
			continue;
		cr_expect_str_eq(sysent_x86_64[nr].name, unistd[i].name,
				 "syscall %ld is \"%s\" in the table but "
				 "__NR_%s in the header",
				 nr, sysent_x86_64[nr].name, unistd[i].name);
	}
}

Test(syscallent, table_agrees_with_header)
{
	long max = header_max();

	for (unsigned int nr = 0; nr < nsysent_x86_64 && (long)nr <= max;
	     nr++) {
		const char *name = sysent_x86_64[nr].name;
		const char *hname;

		if (!name)
			continue;
		hname = header_name(nr);
		if (!hname && is_newer(name, nr))
			continue;
		cr_expect_not_null(
			hname,
			"table has %s at %u, the header has no syscall there",
			name, nr);
		if (hname)
			cr_expect_str_eq(
				name, hname,
				"table has %s at %u, the header __NR_%s", name,
				nr, hname);
	}
}

Test(syscallent, names_are_unique)
{
	for (unsigned int a = 0; a < nsysent_x86_64; a++) {
		if (!sysent_x86_64[a].name)
			continue;
		for (unsigned int b = a + 1; b < nsysent_x86_64; b++) {
			if (!sysent_x86_64[b].name)
				continue;
			cr_expect(strcmp(sysent_x86_64[a].name,
					 sysent_x86_64[b].name) != 0,
				  "%s is both %u and %u", sysent_x86_64[a].name,
				  a, b);
		}
	}
}

Test(syscallent, names_are_identifiers)
{
	for (unsigned int nr = 0; nr < nsysent_x86_64; nr++) {
		const char *n = sysent_x86_64[nr].name;

		if (!n)
			continue;
		cr_expect(n[0] != '\0', "empty name at %u", nr);
		cr_expect(strspn(n, "abcdefghijklmnopqrstuvwxyz0123456789_") ==
				  strlen(n),
			  "odd name \"%s\" at %u", n, nr);
	}
}

Test(syscallent, holes_are_empty)
{
	static const struct sysent zero;

	for (unsigned int nr = 0; nr < nsysent_x86_64; nr++) {
		if (sysent_x86_64[nr].name)
			continue;
		cr_expect(memcmp(&sysent_x86_64[nr], &zero, sizeof(zero)) == 0,
			  "unnamed slot %u is not all zero", nr);
	}
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
	for (unsigned int nr = 0; nr < nsysent_x86_64; nr++) {
		const struct sysent *s = entry(nr);

		if (!s)
			continue;
		cr_expect_leq(s->nargs, 6, "%s has %u arguments", s->name,
			      s->nargs);
		cr_expect_leq(s->ret, RET_NONE, "%s: bad return type %u",
			      s->name, s->ret);
		cr_expect_eq(s->flags & ~(uint32_t)ALL_CLASSES, 0,
			     "%s: unknown class bits %#x", s->name,
			     (unsigned int)(s->flags & ~(uint32_t)ALL_CLASSES));

		for (unsigned int i = 0; i < s->nargs && i < 6; i++) {
			const struct argspec *a = &s->args[i];

			cr_expect_lt(a->type, ARG_TYPE_COUNT,
				     "%s arg %u: type %u out of range", s->name,
				     i + 1, a->type);
			cr_expect_leq(a->dir, DIR_INOUT,
				      "%s arg %u: direction %u out of range",
				      s->name, i + 1, a->dir);

			if (a->type == ARG_flags || a->type == ARG_enum)
				cr_expect_not_null(
					a->xlat,
					"%s arg %u: flags/enum without a table",
					s->name, i + 1);
			else
				cr_expect_null(a->xlat,
					       "%s arg %u: a table on a type "
					       "that takes none",
					       s->name, i + 1);

			if (is_len_type(a->type)) {
				cr_expect(a->len == LEN_RVAL ||
						  (a->len >= 0 &&
						   a->len < s->nargs &&
						   (unsigned int)a->len != i),
					  "%s arg %u: bad length source %d",
					  s->name, i + 1, a->len);
			} else {
				cr_expect_eq(a->len, LEN_NONE,
					     "%s arg %u: length source %d on a "
					     "type that takes none",
					     s->name, i + 1, a->len);
			}
		}
		/* Unused argument slots stay zero. */
		for (unsigned int i = s->nargs; i < 6; i++) {
			const struct argspec *a = &s->args[i];

			cr_expect(a->type == 0 && a->dir == 0 && a->len == 0 &&
					  a->xlat == NULL,
				  "%s: unused argument slot %u is set", s->name,
				  i + 1);
		}
	}
}

/* The calls newer than the Debian 12 headers, as of Linux 6.18. */
Test(syscallent, newer_than_the_headers)
{
	for (size_t i = 0; i < NNEWER; i++) {
		const struct sysent *s = entry(newer[i].nr);

		cr_expect_not_null(s, "%s (%u) is missing", newer[i].name,
				   newer[i].nr);
		if (s)
			cr_expect_str_eq(s->name, newer[i].name,
					 "%u is %s, want %s", newer[i].nr,
					 s->name, newer[i].name);
	}
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
