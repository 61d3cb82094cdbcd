/*
 * io_uring_setup's struct io_uring_params (what the caller asks for on
 * entry, what the kernel answers on exit) and io_uring_register's
 * argument for the opcodes that take plain arrays.
 */
#include <linux/io_uring.h>
#include <stddef.h>
#include <string.h>
#include <sys/uio.h>

#include "decode.h"

/*
 * struct io_sqring_offsets and io_cqring_offsets: seven __u32 each, the
 * same first four, then what strace prints of the rest.
 */
#define RING_OFF_FIELDS 7

static void print_ring_offsets(struct tracee *tp, const void *off,
			       const char *const names[RING_OFF_FIELDS])
{
	__u32 v[RING_OFF_FIELDS];

	memcpy(v, off, sizeof(v));
	emit_struct_begin(tp);
	for (int i = 0; i < RING_OFF_FIELDS; i++)
		emit_field_uint(tp, names[i], v[i]);
	emit_struct_end(tp);
}

static const char *const sq_off_names[RING_OFF_FIELDS] = {
	"head",	 "tail",    "ring_mask", "ring_entries",
	"flags", "dropped", "array",
};
static const char *const cq_off_names[RING_OFF_FIELDS] = {
	"head",	    "tail", "ring_mask", "ring_entries",
	"overflow", "cqes", "flags",
};
_Static_assert(offsetof(struct io_sqring_offsets, array) ==
		       (RING_OFF_FIELDS - 1) * sizeof(__u32),
	       "sq_off: seven __u32 first");
_Static_assert(offsetof(struct io_cqring_offsets, flags) ==
		       (RING_OFF_FIELDS - 1) * sizeof(__u32),
	       "cq_off: seven __u32 first");

/* NAME=[0, 0x9, 0], unless all of it is zero. */
static void print_resv(struct tracee *tp, const char *name, const __u32 *v,
		       size_t n)
{
	size_t i;

	for (i = 0; i < n && !v[i]; i++)
		;
	if (i == n)
		return;
	emit_field(tp, name);
	emit_array_begin(tp);
	for (i = 0; i < n; i++)
		emit_hex(tp, v[i]);
	emit_array_end(tp);
}

/*
 * Entry: "{flags=..., sq_thread_cpu=0x3, sq_thread_idle=7" and the
 * structure stays open; the exit adds what the kernel filled in.
 */
int decode_io_uring_setup(struct tracee *tp, int exiting)
{
	struct io_uring_params p;

	if (!exiting) {
		emit_uint(tp, (unsigned int)tp->args[0]);
		if (!fetch_or_addr(tp, tp->args[1], &p, sizeof(p)))
			return DEC_DONE;
		emit_struct_begin(tp);
		emit_field(tp, "flags");
		emit_flags(tp, &xlat_io_uring_setup_flags, p.flags);
		emit_field(tp, "sq_thread_cpu");
		emit_hex(tp, p.sq_thread_cpu);
		emit_field_uint(tp, "sq_thread_idle", p.sq_thread_idle);
		if (p.flags & IORING_SETUP_ATTACH_WQ) {
			emit_field(tp, "wq_fd");
			print_fd(tp, (int)p.wq_fd);
		}
		print_resv(tp, "resv", p.resv,
			   sizeof(p.resv) / sizeof(p.resv[0]));
		return DEC_INOUT;
	}
	if (!syserr(tp) && fetch(tp, tp->args[1], &p, sizeof(p))) {
		emit_field_uint(tp, "sq_entries", p.sq_entries);
		emit_field_uint(tp, "cq_entries", p.cq_entries);
		emit_field(tp, "features");
		emit_flags(tp, &xlat_io_uring_features, p.features);
		emit_field(tp, "sq_off");
		print_ring_offsets(tp, &p.sq_off, sq_off_names);
		emit_field(tp, "cq_off");
		print_ring_offsets(tp, &p.cq_off, cq_off_names);
	}
	emit_struct_end(tp);
	return RET_FD;
}

static void print_fd_elem(struct tracee *tp, const void *elem, unsigned long i,
			  void *ctx)
{
	print_fd(tp, *(const int *)elem);
}

static void print_fds(struct tracee *tp, unsigned long addr, unsigned long n)
{
	int fd;

	print_array(tp, addr, n, &fd, sizeof(fd), print_fd_elem, NULL);
}

/* {offset=1, fds=[0, 1]} */
static void print_files_update(struct tracee *tp, unsigned long addr,
			       unsigned long n)
{
	struct io_uring_files_update up;

	if (!fetch_or_addr(tp, addr, &up, sizeof(up)))
		return;
	emit_struct_begin(tp);
	emit_field_uint(tp, "offset", up.offset);
	emit_field(tp, "fds");
	print_fds(tp, up.fds, n);
	emit_struct_end(tp);
}

static void print_probe_op(struct tracee *tp, const void *elem, unsigned long i,
			   void *ctx)
{
	const struct io_uring_probe_op *op = elem;

	emit_struct_begin(tp);
	emit_field(tp, "op");
	emit_enum(tp, &xlat_io_uring_ops, op->op);
	if (op->resv) {
		emit_field(tp, "resv");
		emit_hex(tp, op->resv);
	}
	emit_field(tp, "flags");
	emit_flags(tp, &xlat_io_uring_op_flags, op->flags);
	emit_struct_end(tp);
}

/* The kernel takes at most this many ops; strace prints no more either. */
_Static_assert(sizeof(struct io_uring_probe) ==
		       2 * sizeof(struct io_uring_probe_op),
	       "the probe header is two ops long");
#define PROBE_OPS_MAX 256

/* What the kernel wrote for IORING_REGISTER_PROBE: N ops after the header. */
static void print_probe(struct tracee *tp, unsigned long addr, unsigned long n)
{
	struct io_uring_probe_op op, all[PROBE_OPS_MAX + 2];
	struct io_uring_probe p;

	/* strace reads it all at once: any of it unreadable, the address. */
	if (n > PROBE_OPS_MAX ||
	    !fetch(tp, addr, all, sizeof(p) + n * sizeof(op))) {
		emit_ptr(tp, addr);
		return;
	}
	memcpy(&p, all, sizeof(p));
	emit_struct_begin(tp);
	emit_field(tp, "last_op");
	emit_enum(tp, &xlat_io_uring_ops, p.last_op);
	emit_field_uint(tp, "ops_len", p.ops_len);
	if (p.resv) {
		emit_field(tp, "resv");
		emit_hex(tp, p.resv);
	}
	print_resv(tp, "resv2", p.resv2, sizeof(p.resv2) / sizeof(p.resv2[0]));
	emit_field(tp, "ops");
	print_array(tp, addr + sizeof(p), n, &op, sizeof(op), print_probe_op,
		    NULL);
	emit_struct_end(tp);
}

int decode_io_uring_register(struct tracee *tp, int exiting)
{
	unsigned int op = tp->args[1];
	unsigned long arg = tp->args[2];
	unsigned int n = tp->args[3];

	if (exiting) {
		print_probe(tp, arg, n);
		emit_uint(tp, n);
		return RET_DEC;
	}
	print_fd(tp, (int)tp->args[0]);
	emit_enum(tp, &xlat_io_uring_register_opcodes, op);
	switch (op) {
	case IORING_REGISTER_PROBE:
		return DEC_MORE;
	case IORING_REGISTER_BUFFERS:
		print_iovec(tp, arg, n, IOV_DATA_NONE);
		break;
	case IORING_REGISTER_FILES:
	case IORING_REGISTER_EVENTFD:
	case IORING_REGISTER_EVENTFD_ASYNC:
		print_fds(tp, arg, n);
		break;
	case IORING_REGISTER_FILES_UPDATE:
		print_files_update(tp, arg, n);
		break;
	default:
		emit_ptr(tp, arg);
		break;
	}
	emit_uint(tp, n);
	return DEC_DONE;
}
