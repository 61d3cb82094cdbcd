/* futex: which arguments exist depends on the operation. */
#include <linux/futex.h>

#include "decode.h"

static void print_op(struct tracee *tp, unsigned int op)
{
	unsigned int cmd = op & FUTEX_CMD_MASK;
	const char *name = xlat_name(&xlat_futex_ops, cmd);
	struct strbuf sb = { 0 };

	if (name)
		sb_puts(&sb, name);
	else
		sb_printf(&sb, "%#x", cmd);
	if (op & FUTEX_PRIVATE_FLAG)
		sb_puts(&sb, "_PRIVATE");
	if (op & FUTEX_CLOCK_REALTIME)
		sb_puts(&sb, "|FUTEX_CLOCK_REALTIME");
	emit_sym(tp, sb.buf);
	sb_free(&sb);
}

static void print_bitset(struct tracee *tp, unsigned int v)
{
	if (v == FUTEX_BITSET_MATCH_ANY)
		emit_sym(tp, "FUTEX_BITSET_MATCH_ANY");
	else
		emit_hex(tp, v);
}

int decode_futex(struct tracee *tp, int exiting)
{
	unsigned long *a = tp->args;
	unsigned int op = a[1];

	emit_ptr(tp, a[0]);
	print_op(tp, op);
	switch (op & FUTEX_CMD_MASK) {
	case FUTEX_WAIT:
		emit_uint(tp, (unsigned int)a[2]);
		print_timespec(tp, a[3]);
		break;
	case FUTEX_WAIT_BITSET:
		emit_uint(tp, (unsigned int)a[2]);
		print_timespec(tp, a[3]);
		print_bitset(tp, a[5]);
		break;
	case FUTEX_WAKE:
	case FUTEX_FD:
		emit_int(tp, (int)a[2]);
		break;
	case FUTEX_WAKE_BITSET:
		emit_int(tp, (int)a[2]);
		print_bitset(tp, a[5]);
		break;
	case FUTEX_REQUEUE:
		emit_int(tp, (int)a[2]);
		emit_uint(tp, (unsigned int)a[3]);
		emit_ptr(tp, a[4]);
		break;
	case FUTEX_CMP_REQUEUE:
	case FUTEX_CMP_REQUEUE_PI:
		emit_int(tp, (int)a[2]);
		emit_uint(tp, (unsigned int)a[3]);
		emit_ptr(tp, a[4]);
		emit_uint(tp, (unsigned int)a[5]);
		break;
	case FUTEX_WAKE_OP:
		emit_int(tp, (int)a[2]);
		emit_uint(tp, (unsigned int)a[3]);
		emit_ptr(tp, a[4]);
		emit_hex(tp, (unsigned int)a[5]);
		break;
	case FUTEX_LOCK_PI:
	case FUTEX_LOCK_PI2:
		print_timespec(tp, a[3]);
		break;
	case FUTEX_TRYLOCK_PI:
	case FUTEX_UNLOCK_PI:
		break;
	case FUTEX_WAIT_REQUEUE_PI:
		emit_uint(tp, (unsigned int)a[2]);
		print_timespec(tp, a[3]);
		emit_ptr(tp, a[4]);
		break;
	default:
		emit_uint(tp, (unsigned int)a[2]);
		emit_hex(tp, a[3]);
		emit_ptr(tp, a[4]);
		emit_hex(tp, (unsigned int)a[5]);
		break;
	}
	return DEC_DONE;
}
