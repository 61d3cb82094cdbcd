/* sendmsg, recvmsg, sendmmsg, recvmmsg: struct msghdr and its cmsgs. */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "decode.h"

#define CMSG_BUF_MAX (64 * 1024)

/* The data of the kinds strace knows; nothing for the others. */
static void print_cmsg_data(struct tracee *tp, const struct cmsghdr *c,
			    const unsigned char *data, size_t n)
{
	if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
		emit_field(tp, "cmsg_data");
		emit_array_begin(tp);
		for (size_t i = 0; i + sizeof(int) <= n; i += sizeof(int)) {
			int fd;

			memcpy(&fd, data + i, sizeof(fd));
			print_fd(tp, fd);
		}
		emit_array_end(tp);
	} else if (c->cmsg_level == SOL_SOCKET &&
		   c->cmsg_type == SCM_CREDENTIALS &&
		   n >= sizeof(struct ucred)) {
		struct ucred uc;

		emit_field(tp, "cmsg_data");
		memcpy(&uc, data, sizeof(uc));
		print_ucred(tp, &uc);
	} else if (c->cmsg_level == IPPROTO_IP && n >= sizeof(int) &&
		   (c->cmsg_type == IP_TTL || c->cmsg_type == IP_TOS)) {
		int v;

		emit_field(tp, "cmsg_data");
		memcpy(&v, data, sizeof(v));
		emit_array_begin(tp);
		emit_int(tp, v);
		emit_array_end(tp);
	}
}

/* [{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, ...}] */
static void print_cmsgs(struct tracee *tp, unsigned long addr, size_t len)
{
	unsigned char *buf;
	size_t off = 0;

	if (len > CMSG_BUF_MAX)
		len = CMSG_BUF_MAX;
	buf = malloc(len);
	if (!buf || !fetch(tp, addr, buf, len)) {
		free(buf);
		emit_ptr(tp, addr);
		return;
	}
	emit_array_begin(tp);
	while (off + sizeof(struct cmsghdr) <= len) {
		struct cmsghdr c;
		size_t clen, dlen;

		memcpy(&c, buf + off, sizeof(c));
		clen = c.cmsg_len;
		emit_struct_begin(tp);
		emit_field(tp, "cmsg_len");
		emit_uint(tp, clen);
		emit_field(tp, "cmsg_level");
		/* Here strace's unknown level has three '?'. */
		if (xlat_name(&xlat_socket_levels, (unsigned int)c.cmsg_level))
			emit_enum(tp, &xlat_socket_levels,
				  (unsigned int)c.cmsg_level);
		else
			emit_symf(tp, "%#x /* SOL_??? */",
				  (unsigned int)c.cmsg_level);
		emit_field(tp, "cmsg_type");
		if (c.cmsg_level == SOL_SOCKET)
			emit_enum(tp, &xlat_scm_types,
				  (unsigned int)c.cmsg_type);
		else if (c.cmsg_level == IPPROTO_IP)
			emit_enum(tp, &xlat_sockopt_ip,
				  (unsigned int)c.cmsg_type);
		else
			emit_hex(tp, (unsigned int)c.cmsg_type);
		if (clen > sizeof(c)) {
			dlen = clen - sizeof(c);
			if (dlen > len - off - sizeof(c))
				dlen = len - off - sizeof(c);
			print_cmsg_data(tp, &c, buf + off + sizeof(c), dlen);
		}
		emit_struct_end(tp);
		/* A length that runs past the buffer ends the list. */
		if (clen < sizeof(c) || clen > len - off)
			break;
		off += CMSG_ALIGN(clen);
	}
	emit_array_end(tp);
	free(buf);
}

/*
 * DATA as for print_iovec(): how much of the vector holds data (the
 * return value of a receive), or IOV_DATA_ALL for a send.
 */
/*
 * strace shows the data as netlink messages only when the message names
 * a netlink address: PROTO is the socket's, from netlink_protocol().
 */
static int msghdr_proto(struct tracee *tp, const struct msghdr *m, int proto)
{
	sa_family_t family;

	if (proto == NOT_NETLINK || !m->msg_name ||
	    m->msg_namelen < sizeof(family) ||
	    !fetch(tp, (unsigned long)m->msg_name, &family, sizeof(family)) ||
	    family != AF_NETLINK)
		return NOT_NETLINK;
	return proto;
}

static void print_msghdr_val(struct tracee *tp, const struct msghdr *m,
			     unsigned long data, int proto)
{
	emit_struct_begin(tp);
	emit_field(tp, "msg_name");
	if (m->msg_name && m->msg_namelen)
		print_sockaddr(tp, (unsigned long)m->msg_name, m->msg_namelen);
	else
		emit_ptr(tp, (unsigned long)m->msg_name);
	emit_field(tp, "msg_namelen");
	emit_uint(tp, m->msg_namelen);
	emit_field(tp, "msg_iov");
	print_iovec_sock(tp, (unsigned long)m->msg_iov, m->msg_iovlen, data,
			 msghdr_proto(tp, m, proto));
	emit_field(tp, "msg_iovlen");
	emit_uint(tp, m->msg_iovlen);
	if (m->msg_controllen) {
		emit_field(tp, "msg_control");
		print_cmsgs(tp, (unsigned long)m->msg_control,
			    m->msg_controllen);
	}
	emit_field(tp, "msg_controllen");
	emit_uint(tp, m->msg_controllen);
	emit_field(tp, "msg_flags");
	emit_flags(tp, &xlat_msg_flags, (unsigned int)m->msg_flags);
	emit_struct_end(tp);
}

int decode_sendmsg(struct tracee *tp, int exiting)
{
	struct msghdr m;

	print_fd(tp, (int)tp->args[0]);
	if (fetch_or_addr(tp, tp->args[1], &m, sizeof(m)))
		print_msghdr_val(tp, &m, IOV_DATA_ALL,
				 netlink_protocol(tp, (int)tp->args[0]));
	emit_flags(tp, &xlat_msg_flags, (unsigned int)tp->args[2]);
	return DEC_DONE;
}

int decode_recvmsg(struct tracee *tp, int exiting)
{
	struct msghdr m;

	if (!exiting) {
		print_fd(tp, (int)tp->args[0]);
		return DEC_MORE;
	}
	if (!fetch_or_addr(tp, tp->args[1], &m, sizeof(m))) {
		/* printed the address */
	} else if (syserr(tp)) {
		emit_struct_begin(tp);
		emit_field(tp, "msg_namelen");
		emit_uint(tp, m.msg_namelen);
		emit_struct_end(tp);
	} else {
		print_msghdr_val(tp, &m, tp->rval,
				 netlink_protocol(tp, (int)tp->args[0]));
	}
	emit_flags(tp, &xlat_msg_flags, (unsigned int)tp->args[2]);
	return RET_DEC;
}

/*
 * [{msg_hdr={...}, msg_len=5}, ...]: COUNT entries, the first SENT of
 * which the kernel filled in (msg_len, and data for a receive).
 */
struct mmsg_ctx {
	unsigned long sent;
	bool recv;
	int proto;
};

static void print_mmsghdr_elem(struct tracee *tp, const void *elem,
			       unsigned long i, void *ctx)
{
	const struct mmsghdr *mm = elem;
	const struct mmsg_ctx *c = ctx;

	emit_struct_begin(tp);
	emit_field(tp, "msg_hdr");
	print_msghdr_val(tp, &mm->msg_hdr, c->recv ? mm->msg_len : IOV_DATA_ALL,
			 c->proto);
	if (i < c->sent) {
		emit_field(tp, "msg_len");
		emit_uint(tp, mm->msg_len);
	}
	emit_struct_end(tp);
}

static void print_mmsghdrs(struct tracee *tp, unsigned long addr,
			   unsigned long count, unsigned long sent, bool recv)
{
	struct mmsg_ctx ctx = { sent, recv,
				netlink_protocol(tp, (int)tp->args[0]) };
	struct mmsghdr mm;

	if (!addr)
		emit_ptr(tp, addr);
	else
		print_array(tp, addr, count, &mm, sizeof(mm),
			    print_mmsghdr_elem, &ctx);
}

int decode_sendmmsg(struct tracee *tp, int exiting)
{
	if (!exiting) {
		print_fd(tp, (int)tp->args[0]);
		return DEC_MORE;
	}
	print_mmsghdrs(tp, tp->args[1], (unsigned int)tp->args[2],
		       syserr(tp) ? 0 : tp->rval, false);
	emit_uint(tp, (unsigned int)tp->args[2]);
	emit_flags(tp, &xlat_msg_flags, (unsigned int)tp->args[3]);
	return RET_DEC;
}

/*
 * The kernel updates the timeout: strace shows it as it was on entry, kept
 * in aux[1..2] (aux[0] says it was read), and what is left in the note
 * after the result.
 */
int decode_recvmmsg(struct tracee *tp, int exiting)
{
	long long ts[2];

	if (!exiting) {
		print_fd(tp, (int)tp->args[0]);
		tp->aux[0] = fetch(tp, tp->args[4], ts, sizeof(ts));
		tp->aux[1] = ts[0];
		tp->aux[2] = ts[1];
		return DEC_MORE;
	}
	if (syserr(tp))
		emit_ptr(tp, tp->args[1]);
	else
		print_mmsghdrs(tp, tp->args[1], tp->rval, tp->rval, true);
	emit_uint(tp, (unsigned int)tp->args[2]);
	emit_flags(tp, &xlat_msg_flags, (unsigned int)tp->args[3]);
	if (tp->aux[0]) {
		ts[0] = tp->aux[1];
		ts[1] = tp->aux[2];
		print_timespec_val(tp, ts);
	} else {
		emit_ptr(tp, tp->args[4]);
	}
	return RET_DEC;
}
