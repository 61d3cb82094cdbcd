/* SysV IPC (shm, sem, msg) and POSIX message queues. */
#include <fcntl.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include "decode.h"

#define IPC_64_ 0x100U

static void print_ipc_key(struct tracee *tp, unsigned long key)
{
	if ((int)key == IPC_PRIVATE)
		emit_sym(tp, "IPC_PRIVATE");
	else
		emit_hex(tp, (unsigned int)key);
}

/* IPC_CREAT|IPC_EXCL|0600: the flags, then the mode in octal. */
static void print_ipc_flags(struct tracee *tp, const struct xlat *x,
			    unsigned int flags)
{
	struct strbuf sb = { 0 };

	if (flags & ~0777U) {
		xlat_format_flags(&sb, x, flags & ~0777U);
		sb_putc(&sb, '|');
	}
	sb_printf(&sb, "%#03o", flags & 0777U);
	emit_sym(tp, sb.buf);
	sb_free(&sb);
}

/* IPC_64|IPC_STAT */
static void print_ipc_cmd(struct tracee *tp, const struct xlat *x,
			  unsigned int cmd)
{
	struct strbuf sb = { 0 };

	if (cmd & IPC_64_) {
		sb_puts(&sb, "IPC_64|");
		cmd &= ~IPC_64_;
	}
	xlat_format_enum(&sb, x, cmd);
	emit_sym(tp, sb.buf);
	sb_free(&sb);
}

int decode_shmget(struct tracee *tp, int exiting)
{
	print_ipc_key(tp, tp->args[0]);
	emit_uint(tp, tp->args[1]);
	print_ipc_flags(tp, &xlat_shm_resource_flags,
			(unsigned int)tp->args[2]);
	return DEC_DONE;
}

int decode_semget(struct tracee *tp, int exiting)
{
	print_ipc_key(tp, tp->args[0]);
	emit_int(tp, (int)tp->args[1]);
	print_ipc_flags(tp, &xlat_ipc_flags, (unsigned int)tp->args[2]);
	return DEC_DONE;
}

int decode_msgget(struct tracee *tp, int exiting)
{
	print_ipc_key(tp, tp->args[0]);
	print_ipc_flags(tp, &xlat_ipc_flags, (unsigned int)tp->args[1]);
	return DEC_DONE;
}

static void print_perm(struct tracee *tp, const char *name,
		       const struct ipc_perm *p, bool full)
{
	emit_field(tp, name);
	emit_struct_begin(tp);
	emit_field(tp, "uid");
	emit_uint(tp, p->uid);
	emit_field(tp, "gid");
	emit_uint(tp, p->gid);
	emit_field(tp, "mode");
	emit_oct(tp, p->mode);
	if (full) {
		emit_field(tp, "key");
		emit_uint(tp, (unsigned int)p->__key);
		emit_field(tp, "cuid");
		emit_uint(tp, p->cuid);
		emit_field(tp, "cgid");
		emit_uint(tp, p->cgid);
	}
	emit_struct_end(tp);
}

static void print_shmid_ds(struct tracee *tp, unsigned long addr, bool full)
{
	struct shmid_ds ds;

	if (!fetch_or_addr(tp, addr, &ds, sizeof(ds)))
		return;
	emit_struct_begin(tp);
	print_perm(tp, "shm_perm", &ds.shm_perm, full);
	if (full) {
		emit_field_uint(tp, "shm_segsz", ds.shm_segsz);
		emit_field_int(tp, "shm_cpid", ds.shm_cpid);
		emit_field_int(tp, "shm_lpid", ds.shm_lpid);
		emit_field_uint(tp, "shm_nattch", ds.shm_nattch);
		emit_field_int(tp, "shm_atime", ds.shm_atime);
		emit_field_int(tp, "shm_dtime", ds.shm_dtime);
		emit_field_int(tp, "shm_ctime", ds.shm_ctime);
	}
	emit_struct_end(tp);
}

static void print_semid_ds(struct tracee *tp, unsigned long addr, bool full)
{
	struct semid_ds ds;

	if (!fetch_or_addr(tp, addr, &ds, sizeof(ds)))
		return;
	emit_struct_begin(tp);
	print_perm(tp, "sem_perm", &ds.sem_perm, full);
	if (full) {
		emit_field_int(tp, "sem_otime", ds.sem_otime);
		emit_field_int(tp, "sem_ctime", ds.sem_ctime);
		emit_field_uint(tp, "sem_nsems", ds.sem_nsems);
	}
	emit_struct_end(tp);
}

static void print_msqid_ds(struct tracee *tp, unsigned long addr, bool full)
{
	struct msqid_ds ds;

	if (!fetch_or_addr(tp, addr, &ds, sizeof(ds)))
		return;
	emit_struct_begin(tp);
	print_perm(tp, "msg_perm", &ds.msg_perm, full);
	if (full) {
		emit_field_int(tp, "msg_stime", ds.msg_stime);
		emit_field_int(tp, "msg_rtime", ds.msg_rtime);
		emit_field_int(tp, "msg_ctime", ds.msg_ctime);
		emit_field_uint(tp, "msg_qnum", ds.msg_qnum);
	}
	emit_field_uint(tp, "msg_qbytes", ds.msg_qbytes);
	if (full) {
		emit_field_int(tp, "msg_lspid", ds.msg_lspid);
		emit_field_int(tp, "msg_lrpid", ds.msg_lrpid);
	}
	emit_struct_end(tp);
}

enum ipc_kind { IPC_SHM, IPC_SEM, IPC_MSG };

static void print_ipc_ds(struct tracee *tp, enum ipc_kind kind,
			 unsigned long addr, bool full)
{
	switch (kind) {
	case IPC_SHM:
		print_shmid_ds(tp, addr, full);
		break;
	case IPC_SEM:
		print_semid_ds(tp, addr, full);
		break;
	case IPC_MSG:
		print_msqid_ds(tp, addr, full);
		break;
	}
}

/* The *_STAT commands fill the structure in; IPC_SET reads a part of it. */
static bool is_stat_cmd(enum ipc_kind kind, unsigned int cmd)
{
	if (cmd == IPC_STAT)
		return true;
	switch (kind) {
	case IPC_SHM:
		return cmd == SHM_STAT || cmd == SHM_STAT_ANY;
	case IPC_SEM:
		return cmd == SEM_STAT || cmd == SEM_STAT_ANY;
	case IPC_MSG:
		return cmd == MSG_STAT || cmd == MSG_STAT_ANY;
	}
	return false;
}

static int decode_ctl(struct tracee *tp, int exiting, enum ipc_kind kind,
		      const struct xlat *cmds, int cmd_arg)
{
	unsigned int cmd = (unsigned int)tp->args[cmd_arg] & ~IPC_64_;
	unsigned long buf = tp->args[cmd_arg + 1];

	if (exiting) {
		if (syserr(tp))
			emit_ptr(tp, buf);
		else
			print_ipc_ds(tp, kind, buf, true);
		return RET_DEC;
	}
	emit_int(tp, (int)tp->args[0]);
	if (kind == IPC_SEM)
		emit_int(tp, (int)tp->args[1]);
	print_ipc_cmd(tp, cmds, (unsigned int)tp->args[cmd_arg]);
	if (is_stat_cmd(kind, cmd))
		return DEC_MORE;
	if (cmd == IPC_SET)
		print_ipc_ds(tp, kind, buf, false);
	else if (kind == IPC_SEM && cmd == SETVAL)
		emit_hex(tp, buf);
	else
		emit_ptr(tp, buf);
	return DEC_DONE;
}

int decode_shmctl(struct tracee *tp, int exiting)
{
	return decode_ctl(tp, exiting, IPC_SHM, &xlat_shmctl_cmds, 1);
}

int decode_semctl(struct tracee *tp, int exiting)
{
	return decode_ctl(tp, exiting, IPC_SEM, &xlat_semctl_cmds, 2);
}

int decode_msgctl(struct tracee *tp, int exiting)
{
	return decode_ctl(tp, exiting, IPC_MSG, &xlat_msgctl_cmds, 1);
}

/* [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}] */
static void print_sembuf_elem(struct tracee *tp, const void *elem,
			      unsigned long i, void *ctx)
{
	const struct sembuf *sb = elem;

	emit_struct_begin(tp);
	emit_field_uint(tp, "sem_num", sb->sem_num);
	emit_field_int(tp, "sem_op", sb->sem_op);
	emit_field(tp, "sem_flg");
	emit_flags(tp, &xlat_semop_flags, (unsigned short)sb->sem_flg);
	emit_struct_end(tp);
}

static void print_sembufs(struct tracee *tp, unsigned long addr,
			  unsigned long n)
{
	struct sembuf sb;

	/* Even for none, the address is read (and shown if it cannot be). */
	if (!n && !fetch_or_addr(tp, addr, &sb, sizeof(sb)))
		return;
	print_array(tp, addr, n, &sb, sizeof(sb), print_sembuf_elem, NULL);
}

int decode_semop(struct tracee *tp, int exiting)
{
	emit_int(tp, (int)tp->args[0]);
	print_sembufs(tp, tp->args[1], (unsigned int)tp->args[2]);
	emit_uint(tp, (unsigned int)tp->args[2]);
	if (tp->se->nargs > 3) /* semtimedop */
		print_timespec(tp, tp->args[3]);
	return DEC_DONE;
}

/* {mtype=1, mtext="..."}: SIZE bytes of text. */
static void print_msgbuf(struct tracee *tp, unsigned long addr,
			 unsigned long size)
{
	long mtype;

	if (!fetch_or_addr(tp, addr, &mtype, sizeof(mtype)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "mtype");
	emit_int(tp, mtype);
	emit_field(tp, "mtext");
	print_buf(tp, addr + sizeof(mtype), size, 0);
	emit_struct_end(tp);
}

int decode_msgsnd(struct tracee *tp, int exiting)
{
	emit_int(tp, (int)tp->args[0]);
	print_msgbuf(tp, tp->args[1], tp->args[2]);
	emit_uint(tp, tp->args[2]);
	emit_flags(tp, &xlat_msgrcv_flags, (unsigned int)tp->args[3]);
	return DEC_DONE;
}

int decode_msgrcv(struct tracee *tp, int exiting)
{
	if (!exiting) {
		emit_int(tp, (int)tp->args[0]);
		return DEC_MORE;
	}
	if (syserr(tp))
		emit_ptr(tp, tp->args[1]);
	else
		print_msgbuf(tp, tp->args[1], tp->args[2]);
	emit_uint(tp, tp->args[2]);
	emit_int(tp, (long)tp->args[3]);
	emit_flags(tp, &xlat_msgrcv_flags, (unsigned int)tp->args[4]);
	return RET_DEC;
}

void print_mq_attr(struct tracee *tp, unsigned long addr)
{
	long a[4];

	if (!fetch_or_addr(tp, addr, a, sizeof(a)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "mq_flags");
	emit_flags(tp, &xlat_mq_flags, (unsigned long)a[0]);
	emit_field_int(tp, "mq_maxmsg", a[1]);
	emit_field_int(tp, "mq_msgsize", a[2]);
	emit_field_int(tp, "mq_curmsgs", a[3]);
	emit_struct_end(tp);
}

int decode_mq_open(struct tracee *tp, int exiting)
{
	unsigned int flags = tp->args[1];

	print_str(tp, tp->args[0]);
	emit_flags(tp, &xlat_open_flags, flags);
	if (flags & O_CREAT) {
		emit_oct(tp, (unsigned int)tp->args[2]);
		print_mq_attr(tp, tp->args[3]);
	}
	return DEC_DONE;
}
