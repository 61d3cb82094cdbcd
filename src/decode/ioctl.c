/* ioctl: the command by name, terminal structures, _IOC() for the rest. */
#include <asm/ioctls.h>
#include <asm/termios.h>
#include <linux/fs.h>
#include <linux/ioctl.h>
#include <linux/loop.h>
#include <linux/random.h>
#include <linux/sockios.h>
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
#ifndef BLKGETDISKSEQ
# define BLKGETDISKSEQ _IOR(0x12, 128, __u64)
#endif
#ifndef BLKGETZONESZ
# define BLKGETZONESZ _IOR(0x12, 132, __u32)
# define BLKGETNRZONES _IOR(0x12, 133, __u32)
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
	IA_PLONG,   /* [N], 64 bits: BLKGETSIZE64 */
	IA_PUSHORT, /* [N], 16 bits: BLKSECTGET */
	IA_IFREQ,   /* struct ifreq: SIOCGIFINDEX */
	IA_IFCONF,  /* SIOCGIFCONF */
	IA_LOOP,    /* struct loop_info */
	IA_LOOP64,  /* struct loop_info64 */
	IA_LOOPCFG, /* struct loop_config */
};

struct ioctl_kind {
	enum ioctl_arg arg;
	bool out;
};

static struct ioctl_kind classify(unsigned int cmd)
{
	bool out;

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
	case BLKFLSBUF:
	case BLKRRPART:
	case LOOP_CLR_FD:
	case LOOP_SET_CAPACITY:
	case LOOP_CTL_GET_FREE:
	case RNDZAPENTCNT:
	case RNDCLEARPOOL:
	case RNDRESEEDCRNG:
		return (struct ioctl_kind){ IA_NONE, false };
	case TCSBRK:
	case TCSBRKP:
	case TIOCSCTTY:
	case FICLONE_:
	case LOOP_SET_FD:
	case LOOP_CHANGE_FD:
	case LOOP_SET_DIRECT_IO:
	case LOOP_SET_BLOCK_SIZE:
	case LOOP_CTL_ADD:
	case LOOP_CTL_REMOVE:
	case BLKRASET:
	case BLKFRASET:
		return (struct ioctl_kind){ IA_INT, false };
	case BLKGETSIZE64:
	case BLKGETSIZE:
	case BLKRAGET:
	case BLKFRAGET:
	case BLKGETDISKSEQ:
		return (struct ioctl_kind){ IA_PLONG, true };
	case BLKBSZSET:
		return (struct ioctl_kind){ IA_PLONG, false };
	case BLKSECTGET:
	case BLKROTATIONAL:
		return (struct ioctl_kind){ IA_PUSHORT, true };
	case BLKSSZGET:
	case BLKPBSZGET:
	case BLKBSZGET:
	case BLKROGET:
	case BLKIOMIN:
	case BLKIOOPT:
	case BLKDISCARDZEROES:
	case BLKALIGNOFF:
	case BLKGETZONESZ:
	case BLKGETNRZONES:
	case RNDGETENTCNT:
		return (struct ioctl_kind){ IA_PINT, true };
	case BLKROSET:
	case RNDADDTOENTCNT:
		return (struct ioctl_kind){ IA_PINT, false };
	case SIOCGIFCONF:
		return (struct ioctl_kind){ IA_IFCONF, true };
	case LOOP_SET_STATUS:
		return (struct ioctl_kind){ IA_LOOP, false };
	case LOOP_GET_STATUS:
		return (struct ioctl_kind){ IA_LOOP, true };
	case LOOP_SET_STATUS64:
		return (struct ioctl_kind){ IA_LOOP64, false };
	case LOOP_GET_STATUS64:
		return (struct ioctl_kind){ IA_LOOP64, true };
	case LOOP_CONFIGURE:
		return (struct ioctl_kind){ IA_LOOPCFG, false };
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
	if (ifreq_cmd(cmd, &out))
		return (struct ioctl_kind){ IA_IFREQ, out };
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
	case IA_PLONG:
		print_loff(tp, arg);
		break;
	case IA_PUSHORT:
		print_num_at(tp, arg, sizeof(unsigned short), false);
		break;
	case IA_LOOP:
		print_loop_info(tp, arg);
		break;
	case IA_LOOP64:
		print_loop_info64(tp, arg);
		break;
	case IA_LOOPCFG:
		print_loop_config(tp, arg);
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
			emit_named(tp, name, cmd, XFMT_HEX);
		else
			print_ioc(tp, cmd);
		/* These leave the structure open for the exit. */
		if (k.arg == IA_IFREQ)
			return print_ifreq_entry(tp, cmd, tp->args[2], k.out)
				       ? DEC_INOUT
				       : DEC_DONE;
		if (k.arg == IA_IFCONF)
			return print_ifconf_entry(tp, tp->args[2]) ? DEC_INOUT
								   : DEC_DONE;
		if (k.out)
			return DEC_MORE;
		print_ioctl_arg(tp, k, tp->args[2]);
		return DEC_DONE;
	}
	if (k.arg == IA_IFREQ)
		print_ifreq_exit(tp, cmd, tp->args[2]);
	else if (k.arg == IA_IFCONF)
		print_ifconf_exit(tp, tp->args[2]);
	else
		print_ioctl_arg(tp, k, tp->args[2]);
	return RET_DEC;
}
