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

int decode_fcntl(struct tracee *tp, int exiting)
{
	unsigned int cmd = tp->args[1];
	unsigned long arg = tp->args[2];

	if (exiting) {
		/* Only the lock queries come back here. */
		if (syserr(tp))
			emit_ptr(tp, arg);
		else
			print_flock(tp, arg, true);
		return RET_DEC;
	}
	print_fd(tp, (int)tp->args[0]);
	emit_enum(tp, &xlat_fcntl_cmds, cmd);
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
		return DEC_MORE;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		print_flock(tp, arg, false);
		break;
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
		break;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETOWN:
	case F_SETSIG:
	case F_SETLEASE:
	case F_NOTIFY:
	case F_SETPIPE_SZ:
	case F_ADD_SEALS:
		emit_int(tp, (int)arg);
		break;
	default:
		emit_hex(tp, arg);
		break;
	}
	return DEC_DONE;
}
