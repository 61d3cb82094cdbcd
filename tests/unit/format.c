/* The emitter and flag formatting: strace's text from described values. */
#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "emit.h"
#include "strquote.h"
#include "tracee.h"
#include "xlat.h"

static char *fmt_flags(const struct xlat *x, uint64_t v)
{
	static struct strbuf sb;

	sb_reset(&sb);
	xlat_format_flags(&sb, x, v);
	return sb.buf;
}

static char *fmt_enum(const struct xlat *x, uint64_t v)
{
	static struct strbuf sb;

	sb_reset(&sb);
	xlat_format_enum(&sb, x, v);
	return sb.buf;
}

Test(format, flags_with_a_field)
{
	cr_assert_str_eq(fmt_flags(&xlat_open_flags, 0), "O_RDONLY");
	cr_assert_str_eq(fmt_flags(&xlat_open_flags, 02000000 | 1),
			 "O_WRONLY|O_CLOEXEC");
	cr_assert_str_eq(fmt_flags(&xlat_open_flags, 2 | 0x80000000),
			 "O_RDWR|0x80000000");
	cr_assert_str_eq(fmt_flags(&xlat_mmap_flags, 0x22),
			 "MAP_PRIVATE|MAP_ANONYMOUS");
	cr_assert_str_eq(
		fmt_flags(&xlat_socket_type_flags, 1 | 02000000 | 04000),
		"SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK");
	cr_assert_str_eq(fmt_flags(&xlat_socket_type_flags, 1 | 0x100),
			 "SOCK_STREAM|0x100 /* SOCK_??? */");
}

Test(format, plain_flags)
{
	cr_assert_str_eq(fmt_flags(&xlat_mmap_prot, 0), "PROT_NONE");
	cr_assert_str_eq(fmt_flags(&xlat_mmap_prot, 3), "PROT_READ|PROT_WRITE");
	cr_assert_str_eq(fmt_flags(&xlat_at_flags, 0), "0");
	cr_assert_str_eq(fmt_flags(&xlat_access_modes, 0), "F_OK");
	cr_assert_str_eq(fmt_flags(&xlat_access_modes, 6), "R_OK|W_OK");
	/* No bit has a name: the table's comment follows the number. */
	cr_assert_str_eq(fmt_flags(&xlat_o_flags, 3), "0x3 /* O_??? */");
}

Test(format, enums)
{
	cr_assert_str_eq(fmt_enum(&xlat_whence, 2), "SEEK_END");
	cr_assert_str_eq(fmt_enum(&xlat_whence, 77), "0x4d /* SEEK_??? */");
	cr_assert_str_eq(fmt_enum(&xlat_rlimit_resources, 3), "RLIMIT_STACK");
}

static struct tracee *new_tracee(void)
{
	static struct tracee *tp;

	if (tp)
		tracee_free(tp);
	tp = tracee_new(12345);
	return tp;
}

Test(format, call_with_nesting)
{
	struct tracee *tp = new_tracee();

	emit_call_begin(tp, "newfstatat");
	emit_int(tp, 3);
	emit_bytes(tp, "", 0, 0);
	emit_struct_begin(tp);
	emit_field(tp, "st_mode");
	emit_sym(tp, "S_IFREG|0644");
	emit_field(tp, "st_size");
	emit_int(tp, 43287);
	emit_ellipsis(tp);
	emit_struct_end(tp);
	emit_flags(tp, &xlat_at_flags, 0x1000);
	emit_call_end(tp);
	cr_assert_str_eq(tp->line.buf,
			 "newfstatat(3, \"\", {st_mode=S_IFREG|0644, "
			 "st_size=43287, ...}, AT_EMPTY_PATH)");
}

Test(format, arrays_comments_and_pointers)
{
	struct tracee *tp = new_tracee();

	emit_call_begin(tp, "execve");
	emit_bytes(tp, "/bin/ls", 7, 0);
	emit_array_begin(tp);
	emit_bytes(tp, "ls", 2, 0);
	emit_bytes(tp, "-la", 3, QUOTE_ELLIPSIS);
	emit_array_end(tp);
	emit_ptr(tp, 0x7ffe1000);
	emit_comment(tp, "%d vars", 37);
	emit_ptr(tp, 0);
	emit_hex(tp, 0);
	emit_oct(tp, 0);
	emit_oct(tp, 0640);
	emit_call_end(tp);
	cr_assert_str_eq(tp->line.buf,
			 "execve(\"/bin/ls\", [\"ls\", \"-la\"...], 0x7ffe1000 "
			 "/* 37 vars */, NULL, 0, 000, 0640)");
}

/* Entry ends with the separator; exit continues without another. */
Test(format, call_split_between_entry_and_exit)
{
	struct tracee *tp = new_tracee();

	emit_call_begin(tp, "read");
	emit_int(tp, 0);
	emit_call_pause(tp);
	cr_assert_str_eq(tp->line.buf, "read(0, ");
	emit_bytes(tp, "abc", 3, 0);
	emit_uint(tp, 3);
	emit_call_end(tp);
	cr_assert_str_eq(tp->line.buf, "read(0, \"abc\", 3)");

	tp = new_tracee();
	emit_call_begin(tp, "pause");
	emit_call_pause(tp);
	cr_assert_str_eq(tp->line.buf, "pause(");
}

Test(format, fmt_long_as_printf)
{
	static const long v[] = { 0, 7, -1, 10, -4095, 123456789, LONG_MAX,
				  LONG_MIN };
	char got[24], want[24];

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(want, sizeof(want), "%ld", v[i]);
		cr_assert_eq(fmt_long(got, v[i]), strlen(want));
		cr_assert_str_eq(got, want);
	}
}
