/* ioctl: the command by name, terminal structures, _IOC() for the rest. */
#include <asm/ioctls.h>
#include <asm/termios.h>
#include <linux/ioctl.h>
#include <stdbool.h>

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

#ifndef TIOCGPTN
# define TIOCGPTN 0x80045430
# define TIOCSPTLCK 0x40045431
#endif
#ifndef TIOCGEXCL
# define TIOCGEXCL 0x80045440
#endif
#define FIOSETOWN_ 0x8901
#define FIOGETOWN_ 0x8903
#define FICLONE_ 0x40049409U
#define FS_IOC_GETFLAGS_ 0x80086601U
#define FS_IOC_SETFLAGS_ 0x40086602U

/* How a command's third argument prints, and whether the kernel writes it. */
enum ioctl_arg {
	IA_HEX,	  /* unknown: the raw value */
	IA_NONE,  /* no argument */
	IA_INT,	  /* a number: TCSBRK */
	IA_FLOW,  /* TCXONC */
	IA_FLUSH, /* TCFLSH */
	IA_PINT,  /* [N] */
	IA_MODEM, /* [TIOCM_DTR|...] */
	IA_TERMIOS,
	IA_WINSIZE,
	IA_CHAR,    /* TIOCSTI: "x" */
	IA_FSFLAGS, /* [FS_EXTENT_FL] */
};

struct ioctl_kind {
	enum ioctl_arg arg;
	bool out;
};

static struct ioctl_kind classify(unsigned int cmd)
{
	switch (cmd) {
	case TIOCEXCL:
	case TIOCNXCL:
	case TIOCNOTTY:
	case TIOCCONS:
	case TIOCVHANGUP:
	case TIOCSBRK:
	case TIOCCBRK:
	case FIOCLEX:
	case FIONCLEX:
		return (struct ioctl_kind){ IA_NONE, false };
	case TCSBRK:
	case TCSBRKP:
	case TIOCSCTTY:
	case FICLONE_:
		return (struct ioctl_kind){ IA_INT, false };
	case FS_IOC_GETFLAGS_:
		return (struct ioctl_kind){ IA_FSFLAGS, true };
	case FS_IOC_SETFLAGS_:
		return (struct ioctl_kind){ IA_FSFLAGS, false };
	case TCXONC:
		return (struct ioctl_kind){ IA_FLOW, false };
	case TCFLSH:
		return (struct ioctl_kind){ IA_FLUSH, false };
	case TIOCSPTLCK:
	case TIOCSETD:
	case TIOCPKT:
	case TIOCSSOFTCAR:
	case TIOCSPGRP:
	case FIONBIO:
	case FIOASYNC:
	case FIOSETOWN_:
		return (struct ioctl_kind){ IA_PINT, false };
	case TIOCGPTN:
	case TIOCGETD:
	case TIOCGEXCL:
	case TIOCOUTQ:
	case FIONREAD:
	case TIOCGPGRP:
	case TIOCGSID:
	case TIOCGSOFTCAR:
	case FIOGETOWN_:
		return (struct ioctl_kind){ IA_PINT, true };
	case TIOCMSET:
	case TIOCMBIS:
	case TIOCMBIC:
		return (struct ioctl_kind){ IA_MODEM, false };
	case TIOCMGET:
		return (struct ioctl_kind){ IA_MODEM, true };
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TIOCSLCKTRMIOS:
		return (struct ioctl_kind){ IA_TERMIOS, false };
	case TCGETS:
	case TIOCGLCKTRMIOS:
		return (struct ioctl_kind){ IA_TERMIOS, true };
	case TIOCSWINSZ:
		return (struct ioctl_kind){ IA_WINSIZE, false };
	case TIOCGWINSZ:
		return (struct ioctl_kind){ IA_WINSIZE, true };
	case TIOCSTI:
		return (struct ioctl_kind){ IA_CHAR, false };
	}
	return (struct ioctl_kind){ IA_HEX, false };
}

static void print_modem_at(struct tracee *tp, unsigned long addr)
{
	int v;

	if (!fetch_or_addr(tp, addr, &v, sizeof(v)))
		return;
	emit_array_begin(tp);
	emit_flags(tp, &xlat_modem_flags, (unsigned int)v);
	emit_array_end(tp);
}

static void print_fsflags_at(struct tracee *tp, unsigned long addr)
{
	unsigned int v;

	if (!fetch_or_addr(tp, addr, &v, sizeof(v)))
		return;
	emit_array_begin(tp);
	emit_flags(tp, &xlat_fs_flags, v);
	emit_array_end(tp);
}

static void print_ioctl_arg(struct tracee *tp, struct ioctl_kind k,
			    unsigned long arg)
{
	if (k.out && syserr(tp)) {
		emit_ptr(tp, arg);
		return;
	}
	switch (k.arg) {
	case IA_NONE:
		break;
	case IA_INT:
		emit_int(tp, (int)arg);
		break;
	case IA_FLOW:
		emit_enum(tp, &xlat_termios_flow, (unsigned int)arg);
		break;
	case IA_FLUSH:
		emit_enum(tp, &xlat_termios_flush, (unsigned int)arg);
		break;
	case IA_PINT:
		print_int_at(tp, arg);
		break;
	case IA_MODEM:
		print_modem_at(tp, arg);
		break;
	case IA_TERMIOS:
		print_termios(tp, arg);
		break;
	case IA_WINSIZE:
		print_winsize(tp, arg);
		break;
	case IA_CHAR:
		print_buf(tp, arg, 1, 0);
		break;
	case IA_FSFLAGS:
		print_fsflags_at(tp, arg);
		break;
	default:
		emit_hex(tp, arg);
		break;
	}
}

int decode_ioctl(struct tracee *tp, int exiting)
{
	unsigned int cmd = tp->args[1];
	struct ioctl_kind k = classify(cmd);

	if (!exiting) {
		const char *name = xlat_name(&xlat_ioctl_cmds, cmd);

		print_fd(tp, (int)tp->args[0]);
		if (name)
			emit_sym(tp, name);
		else
			print_ioc(tp, cmd);
		if (k.out)
			return DEC_MORE;
		print_ioctl_arg(tp, k, tp->args[2]);
		return DEC_DONE;
	}
	print_ioctl_arg(tp, k, tp->args[2]);
	return RET_DEC;
}
