/* ioctl: the command by name, terminal structures, _IOC() for the rest. */
#include <asm/ioctls.h>
#include <asm/termios.h>
#include <linux/ioctl.h>

#include "decode.h"

static void print_ioc(struct tracee *tp, unsigned int cmd)
{
	static const char *const dirs[] = { "_IOC_NONE", "_IOC_WRITE",
					    "_IOC_READ",
					    "_IOC_READ|_IOC_WRITE" };

	emit_symf(tp, "_IOC(%s, %#x, %#x, %#x)", dirs[_IOC_DIR(cmd) & 3],
		  _IOC_TYPE(cmd), _IOC_NR(cmd), _IOC_SIZE(cmd));
}

/* One multi-bit field by name, then "|". */
static void add_field(struct strbuf *sb, const struct xlat *x, unsigned int v,
		      unsigned int mask)
{
	const char *name = xlat_name(x, v & mask);

	if (name)
		sb_printf(sb, "%s|", name);
	else
		sb_printf(sb, "%#x|", v & mask);
}

/*
 * strace 6.1 prints the multi-bit fields each followed by '|', and the
 * remaining flags after them, so an empty rest leaves the '|' in place.
 */
static void emit_composite(struct tracee *tp, struct strbuf *sb,
			   const struct xlat *rest, unsigned int v)
{
	if (v)
		xlat_format_flags(sb, rest, v);
	emit_sym(tp, sb->buf);
	sb_free(sb);
}

/* strace 6.1 prints a zero flag word as nothing at all. */
static void print_termios_flags(struct tracee *tp, const struct xlat *x,
				unsigned int v)
{
	if (v)
		emit_flags(tp, x, v);
	else
		emit_sym(tp, "");
}

static void print_oflag(struct tracee *tp, unsigned int v)
{
	struct strbuf sb = { 0 };

	add_field(&sb, &xlat_termios_nldly, v, NLDLY);
	add_field(&sb, &xlat_termios_crdly, v, CRDLY);
	add_field(&sb, &xlat_termios_tabdly, v, TABDLY);
	add_field(&sb, &xlat_termios_bsdly, v, BSDLY);
	add_field(&sb, &xlat_termios_vtdly, v, VTDLY);
	add_field(&sb, &xlat_termios_ffdly, v, FFDLY);
	v &= ~(NLDLY | CRDLY | TABDLY | BSDLY | VTDLY | FFDLY);
	emit_composite(tp, &sb, &xlat_termios_oflags, v);
}

static void print_cflag(struct tracee *tp, unsigned int v)
{
	struct strbuf sb = { 0 };

	add_field(&sb, &xlat_termios_baud, v, CBAUD);
	add_field(&sb, &xlat_termios_csize, v, CSIZE);
	v &= ~(CBAUD | CSIZE);
	emit_composite(tp, &sb, &xlat_termios_cflags, v);
}

static void print_termios(struct tracee *tp, unsigned long addr)
{
	struct termios t;

	if (!fetch_or_addr(tp, addr, &t, sizeof(t)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "c_iflag");
	print_termios_flags(tp, &xlat_termios_iflags, t.c_iflag);
	emit_field(tp, "c_oflag");
	print_oflag(tp, t.c_oflag);
	emit_field(tp, "c_cflag");
	print_cflag(tp, t.c_cflag);
	emit_field(tp, "c_lflag");
	print_termios_flags(tp, &xlat_termios_lflags, t.c_lflag);
	emit_ellipsis(tp);
	emit_struct_end(tp);
}

static void print_winsize(struct tracee *tp, unsigned long addr)
{
	struct winsize ws;

	if (!fetch_or_addr(tp, addr, &ws, sizeof(ws)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "ws_row");
	emit_uint(tp, ws.ws_row);
	emit_field(tp, "ws_col");
	emit_uint(tp, ws.ws_col);
	emit_field(tp, "ws_xpixel");
	emit_uint(tp, ws.ws_xpixel);
	emit_field(tp, "ws_ypixel");
	emit_uint(tp, ws.ws_ypixel);
	emit_struct_end(tp);
}

/* What the kernel writes, printed on exit. */
static bool arg_is_output(unsigned int cmd)
{
	switch (cmd) {
	case TCGETS:
	case TIOCGWINSZ:
	case FIONREAD:
	case TIOCGPGRP:
	case TIOCGSID:
	case TIOCOUTQ:
		return true;
	}
	return false;
}

static void print_ioctl_arg(struct tracee *tp, unsigned int cmd,
			    unsigned long arg)
{
	if (arg_is_output(cmd) && syserr(tp)) {
		emit_ptr(tp, arg);
		return;
	}
	switch (cmd) {
	case TCGETS:
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		print_termios(tp, arg);
		break;
	case TIOCGWINSZ:
	case TIOCSWINSZ:
		print_winsize(tp, arg);
		break;
	case FIONREAD:
	case FIONBIO:
	case TIOCGPGRP:
	case TIOCSPGRP:
	case TIOCGSID:
	case TIOCOUTQ:
		print_int_at(tp, arg);
		break;
	default:
		emit_hex(tp, arg);
		break;
	}
}

int decode_ioctl(struct tracee *tp, int exiting)
{
	unsigned int cmd = tp->args[1];

	if (!exiting) {
		const char *name = xlat_name(&xlat_ioctl_cmds, cmd);

		print_fd(tp, (int)tp->args[0]);
		if (name)
			emit_sym(tp, name);
		else
			print_ioc(tp, cmd);
		if (arg_is_output(cmd))
			return DEC_MORE;
		print_ioctl_arg(tp, cmd, tp->args[2]);
		return DEC_DONE;
	}
	print_ioctl_arg(tp, cmd, tp->args[2]);
	return RET_DEC;
}
