/*
 * Descriptors and I/O: pipes, scatter/gather vectors, poll and select,
 * epoll, the copy-between-descriptors calls, timerfd.
 */
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/uio.h>

#include "decode.h"
#include "strquote.h"

/* [3, 4] */
void print_int2(struct tracee *tp, unsigned long addr)
{
	int fds[2];

	if (!fetch_or_addr(tp, addr, fds, sizeof(fds)))
		return;
	emit_array_begin(tp);
	print_fd(tp, fds[0]);
	print_fd(tp, fds[1]);
	emit_array_end(tp);
}

/* [N] for a 64-bit value (loff_t, off_t). */
void print_loff(struct tracee *tp, unsigned long addr)
{
	print_num_at(tp, addr, sizeof(long long), true);
}

struct iovec_ctx {
	unsigned long data; /* as print_iovec()'s DATA */
	int proto;	    /* as print_sock_data()'s */
};

static void print_iovec_elem(struct tracee *tp, const void *elem,
			     unsigned long i, void *ctx)
{
	const struct iovec *iov = elem;
	struct iovec_ctx *c = ctx;

	emit_struct_begin(tp);
	emit_field(tp, "iov_base");
	if (c->data == IOV_DATA_NONE) {
		emit_ptr(tp, (unsigned long)iov->iov_base);
	} else {
		unsigned long n =
			iov->iov_len < c->data ? iov->iov_len : c->data;

		print_sock_data(tp, c->proto, (unsigned long)iov->iov_base, n);
		if (c->data != IOV_DATA_ALL)
			c->data -= n;
	}
	emit_field(tp, "iov_len");
	emit_uint(tp, iov->iov_len);
	emit_struct_end(tp);
}

/*
 * [{iov_base="...", iov_len=N}, ...]: at most -s elements.  DATA is how
 * many bytes of data there are to show in all (the return value of a
 * read), IOV_DATA_ALL for what the caller wrote, IOV_DATA_NONE for
 * addresses only (a read that failed).
 */
void print_iovec_sock(struct tracee *tp, unsigned long addr,
		      unsigned long count, unsigned long data, int proto)
{
	struct iovec_ctx ctx = { data, proto };
	struct iovec iov;

	if (!addr)
		emit_ptr(tp, addr);
	else
		print_array(tp, addr, count, &iov, sizeof(iov),
			    print_iovec_elem, &ctx);
}

void print_iovec(struct tracee *tp, unsigned long addr, unsigned long count,
		 unsigned long data)
{
	print_iovec_sock(tp, addr, count, data, NOT_NETLINK);
}

/* An iovec argument as the signature describes it. */
void print_iovec_arg(struct tracee *tp, unsigned long addr, unsigned long count,
		     bool out)
{
	if (!out)
		print_iovec(tp, addr, count, IOV_DATA_ALL);
	else if (syserr(tp))
		print_iovec(tp, addr, count, IOV_DATA_NONE);
	else
		print_iovec(tp, addr, count, tp->rval);
}

/* preadv2/pwritev2: the offset is one register on x86-64, pos_h unused. */
static int decode_rwv2(struct tracee *tp, int exiting, bool out)
{
	if (!exiting) {
		print_fd(tp, (int)tp->args[0]);
		if (out)
			return DEC_MORE;
	}
	print_iovec_arg(tp, tp->args[1], tp->args[2], out);
	emit_uint(tp, tp->args[2]);
	emit_int(tp, (long)tp->args[3]);
	emit_flags(tp, &xlat_rwf_flags, (unsigned int)tp->args[5]);
	return exiting ? RET_DEC : DEC_DONE;
}

int decode_preadv2(struct tracee *tp, int exiting)
{
	return decode_rwv2(tp, exiting, true);
}

int decode_pwritev2(struct tracee *tp, int exiting)
{
	return decode_rwv2(tp, exiting, false);
}

#define MFD_HUGETLB_ 4U
#define MFD_HUGE_SHIFT_ 26
#define MFD_HUGE_MASK_ 0x3fU

int decode_memfd_create(struct tracee *tp, int exiting)
{
	unsigned int flags = tp->args[1];
	unsigned int huge = (flags >> MFD_HUGE_SHIFT_) & MFD_HUGE_MASK_;

	print_str(tp, tp->args[0]);
	if ((flags & MFD_HUGETLB_) && huge) {
		struct strbuf sb = { 0 };

		xlat_format_flags(&sb, &xlat_memfd_flags,
				  flags & ~(MFD_HUGE_MASK_ << MFD_HUGE_SHIFT_));
		sb_printf(&sb, "|%u<<MFD_HUGE_SHIFT", huge);
		emit_sym(tp, sb.buf);
		sb_free(&sb);
	} else {
		emit_flags(tp, &xlat_memfd_flags, flags);
	}
	return DEC_DONE;
}

/* sendfile(out, in, [off] => [off], count): the offset before and after. */
int decode_sendfile(struct tracee *tp, int exiting)
{
	unsigned long off = tp->args[2];
	long long v;

	if (!exiting) {
		print_fd(tp, (int)tp->args[0]);
		print_fd(tp, (int)tp->args[1]);
		if (!off || !fetch(tp, off, &v, sizeof(v))) {
			emit_ptr(tp, off);
			emit_uint(tp, tp->args[3]);
			return DEC_DONE;
		}
		print_loff(tp, off);
		return DEC_INOUT;
	}
	if (!syserr(tp) && fetch(tp, off, &v, sizeof(v))) {
		emit_arrow(tp);
		print_loff(tp, off);
	}
	emit_uint(tp, tp->args[3]);
	return RET_DEC;
}

/* Only the events that came back: "([{fd=3, revents=POLLIN}])". */
static void print_pollfd_elem(struct tracee *tp, const void *elem,
			      unsigned long i, void *ctx)
{
	const struct pollfd *pfd = elem;

	emit_struct_begin(tp);
	emit_field(tp, "fd");
	emit_int(tp, pfd->fd);
	if (pfd->fd >= 0) {
		emit_field(tp, "events");
		emit_flags(tp, &xlat_poll_events, (unsigned short)pfd->events);
	}
	emit_struct_end(tp);
}

static void print_pollfds(struct tracee *tp, unsigned long addr,
			  unsigned long nfds)
{
	struct pollfd pfd;

	if (!addr)
		emit_ptr(tp, addr);
	else
		print_array(tp, addr, nfds, &pfd, sizeof(pfd),
			    print_pollfd_elem, NULL);
}

int decode_poll(struct tracee *tp, int exiting)
{
	print_pollfds(tp, tp->args[0], (unsigned int)tp->args[1]);
	emit_uint(tp, (unsigned int)tp->args[1]);
	emit_int(tp, (int)tp->args[2]);
	return DEC_DONE;
}

int decode_ppoll(struct tracee *tp, int exiting)
{
	print_pollfds(tp, tp->args[0], (unsigned int)tp->args[1]);
	emit_uint(tp, (unsigned int)tp->args[1]);
	print_timespec(tp, tp->args[2]);
	print_sigset(tp, tp->args[3], tp->args[4]);
	emit_uint(tp, tp->args[4]);
	return DEC_DONE;
}

#define FDSET_MAX_BITS (1024 * 1024)

/* [0 7]: the descriptors below NFDS in an fd_set. */
static void print_fdset(struct tracee *tp, unsigned long addr, int nfds)
{
	struct strbuf sb = { 0 };
	unsigned long *set;
	size_t size;
	int n = 0;

	if (!addr || nfds < 0 || nfds > FDSET_MAX_BITS) {
		emit_ptr(tp, addr);
		return;
	}
	size = ((size_t)nfds + 63) / 64 * sizeof(*set);
	set = malloc(size ? size : 1);
	if (!set || (size && !fetch(tp, addr, set, size))) {
		free(set);
		emit_ptr(tp, addr);
		return;
	}
	sb_putc(&sb, '[');
	for (int fd = 0; fd < nfds; fd++)
		if (set[fd / 64] & (1UL << (fd % 64)))
			sb_printf(&sb, n++ ? " %d" : "%d", fd);
	sb_putc(&sb, ']');
	emit_sym(tp, sb.buf);
	sb_free(&sb);
	free(set);
}

void print_timeval_val(struct tracee *tp, long long sec, long long usec)
{
	emit_struct_begin(tp);
	emit_field_int(tp, "tv_sec", sec);
	emit_field_int(tp, "tv_usec", usec);
	emit_struct_end(tp);
}

void print_timeval(struct tracee *tp, unsigned long addr)
{
	long long tv[2];

	if (fetch_or_addr(tp, addr, tv, sizeof(tv)))
		print_timeval_val(tp, tv[0], tv[1]);
}

static void print_select_sets(struct tracee *tp)
{
	int nfds = (int)tp->args[0];

	emit_int(tp, nfds);
	for (int i = 1; i <= 3; i++)
		print_fdset(tp, tp->args[i], nfds);
}

int decode_select(struct tracee *tp, int exiting)
{
	print_select_sets(tp);
	print_timeval(tp, tp->args[4]);
	return DEC_DONE;
}

/* pselect6's sixth argument: {sigmask=[...], sigsetsize=8}. */
static void print_pselect_sig(struct tracee *tp, unsigned long addr)
{
	unsigned long d[2];

	if (!fetch_or_addr(tp, addr, d, sizeof(d)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "sigmask");
	print_sigset(tp, d[0], d[1]);
	emit_field(tp, "sigsetsize");
	emit_uint(tp, d[1]);
	emit_struct_end(tp);
}

int decode_pselect6(struct tracee *tp, int exiting)
{
	print_select_sets(tp);
	print_timespec(tp, tp->args[4]);
	print_pselect_sig(tp, tp->args[5]);
	return DEC_DONE;
}

static void print_epoll_event_val(struct tracee *tp, const void *elem,
				  unsigned long i, void *ctx)
{
	const struct epoll_event *ev = elem;

	emit_struct_begin(tp);
	emit_field(tp, "events");
	emit_flags(tp, &xlat_epoll_events, ev->events);
	emit_field(tp, "data");
	emit_struct_begin(tp);
	emit_field(tp, "u32");
	emit_uint(tp, (uint32_t)ev->data.u64);
	emit_field(tp, "u64");
	emit_uint(tp, ev->data.u64);
	emit_struct_end(tp);
	emit_struct_end(tp);
}

void print_epoll_event(struct tracee *tp, unsigned long addr)
{
	struct epoll_event ev;

	if (fetch_or_addr(tp, addr, &ev, sizeof(ev)))
		print_epoll_event_val(tp, &ev, 0, NULL);
}

/* The events epoll_wait returned: as many as the return value. */
static void print_epoll_events(struct tracee *tp, unsigned long addr)
{
	struct epoll_event ev;

	if (syserr(tp))
		emit_ptr(tp, addr);
	else
		print_array(tp, addr, tp->rval, &ev, sizeof(ev),
			    print_epoll_event_val, NULL);
}

/* epoll_wait, epoll_pwait, epoll_pwait2: the events come back. */
int decode_epoll_wait(struct tracee *tp, int exiting)
{
	if (!exiting) {
		print_fd(tp, (int)tp->args[0]);
		return DEC_MORE;
	}
	print_epoll_events(tp, tp->args[1]);
	emit_int(tp, (int)tp->args[2]);
	if (tp->se->nargs > 4) {
		if (tp->scno == 441) /* epoll_pwait2 */
			print_timespec(tp, tp->args[3]);
		else
			emit_int(tp, (int)tp->args[3]);
		print_sigset(tp, tp->args[4], tp->args[5]);
		emit_uint(tp, tp->args[5]);
	} else {
		emit_int(tp, (int)tp->args[3]);
	}
	return RET_DEC;
}

void print_timespec_val(struct tracee *tp, const long long ts[2])
{
	emit_struct_begin(tp);
	emit_field(tp, "tv_sec");
	emit_int(tp, ts[0]);
	emit_field(tp, "tv_nsec");
	emit_int(tp, ts[1]);
	emit_struct_end(tp);
}

void print_itimerspec(struct tracee *tp, unsigned long addr)
{
	long long its[4];

	if (!fetch_or_addr(tp, addr, its, sizeof(its)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "it_interval");
	print_timespec_val(tp, its);
	emit_field(tp, "it_value");
	print_timespec_val(tp, its + 2);
	emit_struct_end(tp);
}

void print_itimerval(struct tracee *tp, unsigned long addr)
{
	long long itv[4];

	if (!fetch_or_addr(tp, addr, itv, sizeof(itv)))
		return;
	emit_struct_begin(tp);
	for (int i = 0; i < 2; i++) {
		emit_field(tp, i ? "it_value" : "it_interval");
		print_timeval_val(tp, itv[2 * i], itv[2 * i + 1]);
	}
	emit_struct_end(tp);
}

/* The remote vector is in the other process: its addresses only. */
static int decode_process_vm(struct tracee *tp, int exiting, bool read)
{
	if (!exiting) {
		emit_int(tp, (int)tp->args[0]);
		if (read)
			return DEC_MORE;
	}
	print_iovec_arg(tp, tp->args[1], tp->args[2], read);
	emit_uint(tp, tp->args[2]);
	print_iovec(tp, tp->args[3], tp->args[4], IOV_DATA_NONE);
	emit_uint(tp, tp->args[4]);
	emit_uint(tp, tp->args[5]);
	return exiting ? RET_DEC : DEC_DONE;
}

int decode_process_vm_readv(struct tracee *tp, int exiting)
{
	return decode_process_vm(tp, exiting, true);
}

int decode_process_vm_writev(struct tracee *tp, int exiting)
{
	return decode_process_vm(tp, exiting, false);
}
