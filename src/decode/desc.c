/* Descriptors: fcntl. */
#include <fcntl.h>

#include "decode.h"

static void print_flock(struct tracee *tp, unsigned long addr, bool with_pid)
{
	struct flock fl;

	if (!fetch_or_addr(tp, addr, &fl, sizeof(fl)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "l_type");
	emit_enum(tp, &xlat_lock_types, (unsigned short)fl.l_type);
	emit_field(tp, "l_whence");
	emit_enum(tp, &xlat_whence, (unsigned short)fl.l_whence);
	emit_field(tp, "l_start");
	emit_int(tp, fl.l_start);
	emit_field(tp, "l_len");
	emit_int(tp, fl.l_len);
	if (with_pid) {
		emit_field(tp, "l_pid");
		emit_int(tp, fl.l_pid);
	}
	emit_struct_end(tp);
}

#ifndef F_GETOWN_EX
# define F_SETOWN_EX 15
# define F_GETOWN_EX 16
#endif

static void print_f_owner_ex(struct tracee *tp, unsigned long addr)
{
	struct {
		int type;
		int pid;
	} o;

	if (!fetch_or_addr(tp, addr, &o, sizeof(o)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "type");
	emit_enum(tp, &xlat_owner_types, (unsigned int)o.type);
	emit_field(tp, "pid");
	emit_int(tp, o.pid);
	emit_struct_end(tp);
}

int decode_fcntl(struct tracee *tp, int exiting)
{
	unsigned int cmd = tp->args[1];
	unsigned long arg = tp->args[2];

	if (exiting) {
		/* A lease or seals: "= 0x2 (F_UNLCK)". */
		if (cmd == F_GETLEASE || cmd == F_GET_SEALS)
			return RET_HEX;
		/* The queries that fill in a structure. */
		if (syserr(tp))
			emit_ptr(tp, arg);
		else if (cmd == F_GETOWN_EX)
			print_f_owner_ex(tp, arg);
		else
			print_flock(tp, arg, true);
		return RET_DEC;
	}
	print_fd(tp, (int)tp->args[0]);
	emit_enum(tp, &xlat_fcntl_cmds, cmd);
	tp->ret_fd = cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC;
	switch (cmd) {
	case F_GETFD:
		tp->ret_xlat = &xlat_fd_flags;
		break;
	case F_GETFL:
		tp->ret_xlat = &xlat_open_flags;
		break;
	case F_SETFD:
		emit_flags(tp, &xlat_fd_flags, (unsigned int)arg);
		break;
	case F_SETFL:
		emit_flags(tp, &xlat_open_flags, (unsigned int)arg);
		break;
	case F_GETLK:
	case F_OFD_GETLK:
	case F_GETOWN_EX:
		return DEC_MORE;
	case F_SETOWN_EX:
		print_f_owner_ex(tp, arg);
		break;
	case F_SETSIG:
		print_signal(tp, (int)arg);
		break;
	case F_SETLEASE:
		emit_enum(tp, &xlat_lock_types, (unsigned int)arg);
		break;
	case F_ADD_SEALS:
		emit_flags(tp, &xlat_seal_flags, (unsigned int)arg);
		break;
	case F_NOTIFY:
		emit_flags(tp, &xlat_dnotify_flags, (unsigned int)arg);
		break;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		print_flock(tp, arg, false);
		break;
	case F_GETLEASE:
	case F_GET_SEALS:
		return DEC_INOUT;
	case F_GETOWN:
	case F_GETSIG:
	case F_GETPIPE_SZ:
		break;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETOWN:
	case F_SETPIPE_SZ:
		emit_int(tp, (int)arg);
		break;
	default:
		emit_hex(tp, arg);
		break;
	}
	return DEC_DONE;
}
