/* futex: which arguments exist depends on the operation. */
#include <linux/futex.h>

#include "decode.h"

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
	/* The table names every combination with the flags, as strace does. */
	emit_enum(tp, &xlat_futex_ops, op);
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
