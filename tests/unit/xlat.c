/* The generated constant tables (syscallent/xlat/NAME.in ->
 * src/gen/xlat_data.c). */
#include <stdint.h>
#include <string.h>

#include <criterion/criterion.h>

#include "xlat.h"

struct named_xlat {
	const char *name;
	const struct xlat *x;
};

#define XLAT_ENTRY(n) { #n, &xlat_##n },
static const struct named_xlat all_tables[] = { XLAT_TABLES(XLAT_ENTRY) };
#undef XLAT_ENTRY
#define NTABLES (sizeof(all_tables) / sizeof(all_tables[0]))

/* The entry of X named NAME (its printed text), or NULL. */
static const struct xlat_data *find_str(const struct xlat *x, const char *name)
{
	for (uint32_t i = 0; i < x->size; i++)
		if (strcmp(x->data[i].str, name) == 0)
			return &x->data[i];
	return NULL;
}

static int index_of(const struct xlat *x, const char *name)
{
	for (uint32_t i = 0; i < x->size; i++)
		if (strcmp(x->data[i].str, name) == 0)
			return (int)i;
	return -1;
}

static void expect_name(const struct xlat *x, uint64_t val, const char *want)
{
	const char *got = xlat_name(x, val);

	cr_expect_not_null(got, "value %#llx: no name, want %s",
			   (unsigned long long)val, want);
	if (got)
		cr_expect_str_eq(got, want, "value %#llx",
				 (unsigned long long)val);
}

Test(xlat, errnos)
{
	expect_name(&xlat_errnos, 1, "EPERM");
	expect_name(&xlat_errnos, 2, "ENOENT");
	expect_name(&xlat_errnos, 11, "EAGAIN");
	expect_name(&xlat_errnos, 35, "EDEADLK");
	expect_name(&xlat_errnos, 95, "EOPNOTSUPP");
	expect_name(&xlat_errnos, 133, "EHWPOISON");
	expect_name(&xlat_errnos, 512, "ERESTARTSYS");
	expect_name(&xlat_errnos, 516, "ERESTART_RESTARTBLOCK");
	expect_name(&xlat_errnos, 530, "ERECALLCONFLICT");
	cr_expect_null(xlat_name(&xlat_errnos, 0));
	cr_expect_null(xlat_name(&xlat_errnos, 41)); /* EWOULDBLOCK slot */
	cr_expect_null(find_str(&xlat_errnos, "EWOULDBLOCK"));
	cr_expect_null(find_str(&xlat_errnos, "EDEADLOCK"));
	cr_expect_null(find_str(&xlat_errnos, "ENOTSUP"));
	cr_expect_eq(xlat_errnos.kind, XLAT_ENUM);
	cr_expect_eq(xlat_errnos.fmt, XFMT_DEC);
}

Test(xlat, signals)
{
	expect_name(&xlat_signals, 1, "SIGHUP");
	expect_name(&xlat_signals, 6, "SIGABRT");
	expect_name(&xlat_signals, 11, "SIGSEGV");
	expect_name(&xlat_signals, 17, "SIGCHLD");
	expect_name(&xlat_signals, 29, "SIGIO");
	expect_name(&xlat_signals, 31, "SIGSYS");
	cr_expect_null(xlat_name(&xlat_signals, 0));
	cr_expect_null(find_str(&xlat_signals, "SIGIOT"));
	cr_expect_null(find_str(&xlat_signals, "SIGPOLL"));
	cr_expect_null(find_str(&xlat_signals, "SIGCLD"));
}

Test(xlat, open_flags)
{
	cr_expect_eq(xlat_open_flags.kind, XLAT_FLAGS);
	cr_expect_eq(xlat_open_flags.field_mask, 3);
	cr_expect_eq(xlat_open_flags.field, &xlat_open_access);
	cr_expect_eq(xlat_open_access.kind, XLAT_ENUM);
	expect_name(&xlat_open_access, 0, "O_RDONLY");
	expect_name(&xlat_open_access, 1, "O_WRONLY");
	expect_name(&xlat_open_access, 2, "O_RDWR");
	expect_name(&xlat_open_flags, 0100000, "O_LARGEFILE");
	expect_name(&xlat_open_flags, 02000000, "O_CLOEXEC");
	/* Combinations come before their parts. */
	cr_expect_lt(index_of(&xlat_open_flags, "O_SYNC"),
		     index_of(&xlat_open_flags, "O_DSYNC"));
	cr_expect_lt(index_of(&xlat_open_flags, "O_TMPFILE"),
		     index_of(&xlat_open_flags, "O_DIRECTORY"));
	cr_expect_lt(index_of(&xlat_open_flags, "O_CREAT"),
		     index_of(&xlat_open_flags, "O_TRUNC"));
	expect_name(&xlat_open_flags, 04010000, "O_SYNC");
	expect_name(&xlat_open_flags, 020200000, "O_TMPFILE");
	cr_expect_eq(xlat_o_flags.field, NULL);
	cr_expect_str_eq(xlat_o_flags.unknown, "O_???");
}

Test(xlat, fields)
{
	cr_expect_eq(xlat_mmap_flags.field, &xlat_mmap_types);
	cr_expect_eq(xlat_mmap_flags.field_mask, 0xf);
	expect_name(&xlat_mmap_types, 2, "MAP_PRIVATE");
	cr_expect_eq(xlat_socket_type_flags.field, &xlat_socket_types);
	expect_name(&xlat_socket_types, 1, "SOCK_STREAM");
	cr_expect_eq(xlat_statx_flags.field, &xlat_at_statx_sync);
	cr_expect_eq(xlat_statx_flags.field_mask, 0x6000);
	expect_name(&xlat_at_statx_sync, 0, "AT_STATX_SYNC_AS_STAT");
	cr_expect_lt(index_of(&xlat_statx_mask, "STATX_BASIC_STATS"),
		     index_of(&xlat_statx_mask, "STATX_TYPE"));
}

Test(xlat, enums_and_unknown)
{
	expect_name(&xlat_whence, 0, "SEEK_SET");
	expect_name(&xlat_whence, 4, "SEEK_HOLE");
	cr_expect_str_eq(xlat_whence.unknown, "SEEK_???");
	expect_name(&xlat_clocks, 11, "CLOCK_TAI");
	expect_name(&xlat_futex_ops, 0, "FUTEX_WAIT");
	expect_name(&xlat_futex_ops, 13, "FUTEX_LOCK_PI2");
	expect_name(&xlat_futex_ops, 0x80, "FUTEX_WAIT_PRIVATE");
	expect_name(&xlat_arch_prctl_codes, 0x1002, "ARCH_SET_FS");
	expect_name(&xlat_address_families, 10, "AF_INET6");
	expect_name(&xlat_fadvise_advice, 4, "POSIX_FADV_DONTNEED");
	expect_name(&xlat_rlimit_resources, 7, "RLIMIT_NOFILE");
	expect_name(&xlat_fsmagic, 0xef53, "EXT2_SUPER_MAGIC");
	expect_name(&xlat_fsmagic, 0x01021994, "TMPFS_MAGIC");
}

Test(xlat, ioctls)
{
	expect_name(&xlat_ioctl_cmds, 0x5401, "TCGETS");
	expect_name(&xlat_ioctl_cmds, 0x5402, "SNDCTL_TMR_START or TCSETS");
	expect_name(&xlat_ioctl_cmds, 0x5413, "TIOCGWINSZ");
	expect_name(&xlat_ioctl_cmds, 0x541b, "FIONREAD");
	expect_name(&xlat_ioctl_cmds, 0x5451, "FIOCLEX");
	expect_name(&xlat_ioctl_cmds, 0x80086601, "FS_IOC_GETFLAGS");
}

Test(xlat, signed_values)
{
	/* Negative ints are stored sign-extended. */
	expect_name(&xlat_si_codes, 0, "SI_USER");
	expect_name(&xlat_si_codes, 0x80, "SI_KERNEL");
	expect_name(&xlat_si_codes, (uint64_t)(int64_t)-1, "SI_QUEUE");
	expect_name(&xlat_si_codes, (uint64_t)(int64_t)-6, "SI_TKILL");
	expect_name(&xlat_si_codes, (uint64_t)(int64_t)-60, "SI_ASYNCNL");
	cr_expect_null(xlat_name(&xlat_si_codes, 0xffffffffu));
	expect_name(&xlat_rusage_who, (uint64_t)(int64_t)-1, "RUSAGE_CHILDREN");
	expect_name(&xlat_sigchld_codes, 1, "CLD_EXITED");
	expect_name(&xlat_sigsegv_codes, 2, "SEGV_ACCERR");
	expect_name(&xlat_sigsys_codes, 1, "SYS_SECCOMP");
}

Test(xlat, zero_names)
{
	cr_expect_eq(xlat_access_modes.kind, XLAT_FLAGS);
	expect_name(&xlat_access_modes, 0, "F_OK");
	expect_name(&xlat_mmap_prot, 0, "PROT_NONE");
	cr_expect_null(xlat_name(&xlat_getrandom_flags, 0));
	cr_expect_eq(xlat_file_types.fmt, XFMT_OCT);
	cr_expect_eq(xlat_mode_bits.fmt, XFMT_OCT);
}

/* Sanity of every generated table. */
Test(xlat, every_table_is_sane)
{
	cr_assert_gt(NTABLES, 100, "XLAT_TABLES lists only %zu tables",
		     (size_t)NTABLES);
	for (size_t t = 0; t < NTABLES; t++) {
		const char *tn = all_tables[t].name;
		const struct xlat *x = all_tables[t].x;

		cr_expect_not_null(x->data, "%s: no data", tn);
		cr_expect_gt(x->size, 0, "%s: empty", tn);
		cr_expect(x->kind == XLAT_FLAGS || x->kind == XLAT_ENUM,
			  "%s: bad kind %d", tn, x->kind);
		cr_expect(x->fmt == XFMT_HEX || x->fmt == XFMT_DEC ||
				  x->fmt == XFMT_OCT,
			  "%s: bad fmt %d", tn, x->fmt);
		if (x->unknown)
			cr_expect(x->unknown[0] != '\0' &&
					  strstr(x->unknown, "*/") == NULL,
				  "%s: bad unknown string", tn);
		cr_expect((x->field == NULL) == (x->field_mask == 0),
			  "%s: field and field_mask disagree", tn);
		if (x->field) {
			cr_expect_eq(x->kind, XLAT_FLAGS,
				     "%s: a field in an enum table", tn);
			cr_expect_eq(x->field->kind, XLAT_ENUM,
				     "%s: field table is not an enum", tn);
			for (uint32_t i = 0; i < x->field->size; i++)
				cr_expect_eq(
					x->field->data[i].val & ~x->field_mask,
					0,
					"%s: field value %s outside the mask",
					tn, x->field->data[i].str);
		}

		int zeros = 0;

		for (uint32_t i = 0; i < x->size; i++) {
			const struct xlat_data *a = &x->data[i];

			cr_expect_not_null(a->str, "%s[%u]: NULL name", tn, i);
			if (!a->str)
				continue;
			cr_expect(a->str[0] != '\0', "%s[%u]: empty name", tn,
				  i);
			if (a->val == 0)
				zeros++;
			if (x->kind == XLAT_FLAGS)
				cr_expect_eq(a->val & x->field_mask, 0,
					     "%s: flag %s overlaps the field",
					     tn, a->str);
			for (uint32_t j = i + 1; j < x->size; j++) {
				const struct xlat_data *b = &x->data[j];

				if (!b->str)
					continue;
				cr_expect(strcmp(a->str, b->str) != 0,
					  "%s: duplicate name %s", tn, a->str);
				cr_expect(a->val != b->val,
					  "%s: %s and %s have the same value",
					  tn, a->str, b->str);
				/*
				 * Flags print in table order, removing the
				 * bits of each match: a name listed after
				 * one of its parts could never print.
				 */
				if (x->kind == XLAT_FLAGS && a->val &&
				    (a->val & b->val) == a->val)
					cr_expect(0,
						  "%s: %s is shadowed by "
						  "the earlier %s",
						  tn, b->str, a->str);
			}
		}
		if (x->kind == XLAT_FLAGS)
			cr_expect_leq(zeros, 1, "%s: several zero names", tn);
	}
}
