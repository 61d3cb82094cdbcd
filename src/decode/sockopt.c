/*
 * Socket options for getsockopt and setsockopt: the name by level (and,
 * where strace has names for one direction only, by direction), and the
 * value as strace 6.1 decodes it for the options it knows.
 */
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>

#include "decode.h"
#include "strquote.h"

#define SOL_RAW_ 255
#define SOL_PACKET_ 263
#define SOL_NETLINK_ 270
#define ICMP_FILTER_ 1
#define SO_ATTACH_FILTER_ 26
#define SO_ATTACH_REUSEPORT_CBPF_ 51
#define SO_TXREHASH_ 74
#define TCP_CONGESTION_ 13
#define SO_RCVTIMEO_OLD_ 20
#define SO_SNDTIMEO_OLD_ 21

static const struct xlat *sockopt_names(int level)
{
	switch (level) {
	case SOL_SOCKET:
		return &xlat_sockopt_sol_socket;
	case IPPROTO_IP:
		return &xlat_sockopt_ip;
	case IPPROTO_IPV6:
		return &xlat_sockopt_ipv6;
	case IPPROTO_TCP:
		return &xlat_sockopt_tcp;
	case IPPROTO_UDP:
		return &xlat_sockopt_udp;
	case SOL_RAW_:
		return &xlat_sockopt_raw;
	case SOL_PACKET_:
		return &xlat_sockopt_packet;
	case SOL_NETLINK_:
		return &xlat_sockopt_netlink;
	}
	return NULL;
}

/* The names that mean one thing in getsockopt and another in setsockopt. */
static const struct xlat *sockopt_names_dir(int level, bool get)
{
	switch (level) {
	case SOL_SOCKET:
		return get ? &xlat_sockopt_sol_socket_get
			   : &xlat_sockopt_sol_socket_set;
	case IPPROTO_IP:
		return get ? &xlat_sockopt_ip_get : &xlat_sockopt_ip_set;
	case IPPROTO_IPV6:
		return get ? &xlat_sockopt_ipv6_get : &xlat_sockopt_ipv6_set;
	}
	return NULL;
}

void print_sockopt_name(struct tracee *tp, int level, unsigned int name,
			bool get)
{
	const struct xlat *dir = sockopt_names_dir(level, get);
	const struct xlat *x = sockopt_names(level);

	if (dir && xlat_name(dir, name))
		emit_enum(tp, dir, name);
	else if (x)
		emit_enum(tp, x, name);
	else
		emit_uint(tp, name);
}

static bool sockopt_is(int level, unsigned int name, int l, unsigned int n)
{
	return level == l && name == n;
}

/*
 * What the kernel wrote of a structure of 32-bit fields: the fields that
 * fit in LEN, then the bytes of one cut short: {tp_packets=0,
 * tp_drops="\x00\x00"}.
 */
static void print_u32_fields(struct tracee *tp, unsigned long addr, int len,
			     const char *const *names, size_t n, bool sign)
{
	unsigned char buf[64];
	size_t size = (size_t)len < n * 4 ? (size_t)len : n * 4;

	if (size > sizeof(buf) || !fetch_or_addr(tp, addr, buf, size))
		return;
	emit_struct_begin(tp);
	for (size_t i = 0; i < n && i * 4 < size; i++) {
		uint32_t v;

		emit_field(tp, names[i]);
		if (size - i * 4 < 4) {
			emit_bytes(tp, buf + i * 4, size - i * 4,
				   QUOTE_HEX_ALL);
			break;
		}
		memcpy(&v, buf + i * 4, 4);
		if (sign)
			emit_int(tp, (int32_t)v);
		else
			emit_uint(tp, v);
	}
	emit_struct_end(tp);
}

static const char *const linger_fields[] = { "l_onoff", "l_linger" };
static const char *const tpacket_stats_fields[] = { "tp_packets", "tp_drops",
						    "tp_freeze_q_cnt" };
static const char *const tpacket_req_fields[] = {
	"tp_block_size", "tp_block_nr", "tp_frame_size", "tp_frame_nr"
};

/* The bits of an ICMP_FILTER, as strace prints a set: ~[...] when most are. */
static void print_icmp_filter(struct tracee *tp, uint32_t v)
{
	bool complement = __builtin_popcount(v) > 16;
	struct strbuf sb = { 0 };
	int n = 0;

	if (complement)
		sb_putc(&sb, '~');
	sb_putc(&sb, '[');
	for (unsigned int i = 0; i < 32; i++) {
		if (!!(v & (1U << i)) == complement)
			continue;
		if (n++)
			sb_putc(&sb, ' ');
		xlat_format_enum(&sb, &xlat_icmp_filter_types, i);
	}
	sb_putc(&sb, ']');
	emit_sym(tp, sb.buf);
	sb_free(&sb);
}

/*
 * {mr_ifindex=if_nametoindex("lo"), mr_type=..., mr_address=01:02:...}.
 * (With mr_alen 0, strace 6.1 shows bytes left over from an earlier
 * call; we show none.)
 */
static void print_packet_mreq(struct tracee *tp, const struct packet_mreq *m)
{
	struct strbuf sb = { 0 };
	unsigned int n = m->mr_alen < sizeof(m->mr_address)
				 ? m->mr_alen
				 : sizeof(m->mr_address);

	emit_struct_begin(tp);
	emit_field(tp, "mr_ifindex");
	print_ifindex(tp, m->mr_ifindex);
	emit_field(tp, "mr_type");
	emit_enum(tp, &xlat_packet_mr_types, m->mr_type);
	emit_field_uint(tp, "mr_alen", m->mr_alen);
	for (unsigned int i = 0; i < n; i++)
		sb_printf(&sb, "%s%02x", i ? ":" : "", m->mr_address[i]);
	emit_field(tp, "mr_address");
	emit_sym(tp, sb.buf ? sb.buf : "");
	emit_struct_end(tp);
	sb_free(&sb);
}

static void print_ip_mreq(struct tracee *tp, const struct ip_mreq *m)
{
	emit_struct_begin(tp);
	emit_field(tp, "imr_multiaddr");
	print_inet_addr(tp, &m->imr_multiaddr);
	emit_field(tp, "imr_interface");
	print_inet_addr(tp, &m->imr_interface);
	emit_struct_end(tp);
}

static void print_ipv6_mreq(struct tracee *tp, const struct ipv6_mreq *m)
{
	emit_struct_begin(tp);
	print_inet6_addr(tp, &m->ipv6mr_multiaddr, "ipv6mr_multiaddr");
	emit_field(tp, "ipv6mr_interface");
	print_ifindex(tp, (int)m->ipv6mr_interface);
	emit_struct_end(tp);
}

static void print_group_req(struct tracee *tp, unsigned long addr,
			    const struct group_req *g)
{
	emit_struct_begin(tp);
	emit_field(tp, "gr_interface");
	print_ifindex(tp, (int)g->gr_interface);
	emit_field(tp, "gr_group");
	print_sockaddr(tp, addr + offsetof(struct group_req, gr_group),
		       sizeof(g->gr_group));
	emit_struct_end(tp);
}

/* Reads SIZE bytes when COND holds; prints the address otherwise. */
static bool need(struct tracee *tp, bool cond, unsigned long addr, void *buf,
		 size_t size)
{
	if (!cond) {
		emit_ptr(tp, addr);
		return false;
	}
	return fetch_or_addr(tp, addr, buf, size);
}

static bool print_sol_socket(struct tracee *tp, unsigned int name,
			     unsigned long addr, int len, bool get)
{
	uint32_t v;

	switch (name) {
	case SO_LINGER:
		if (!get && len < 8)
			emit_ptr(tp, addr);
		else
			print_u32_fields(tp, addr, len, linger_fields, 2, true);
		return true;
	case SO_ATTACH_FILTER_: /* SO_GET_FILTER in getsockopt */
	case SO_ATTACH_REUSEPORT_CBPF_:
		if (get || len != 16)
			emit_ptr(tp, addr);
		else
			print_sock_fprog(tp, addr);
		return true;
	case SO_TXREHASH_:
		if (len < 4)
			return false;
		if (fetch_or_addr(tp, addr, &v, sizeof(v))) {
			emit_array_begin(tp);
			emit_enum(tp, &xlat_sock_txrehash, v);
			emit_array_end(tp);
		}
		return true;
	}
	return false;
}

static bool print_sol_ip(struct tracee *tp, int level, unsigned int name,
			 unsigned long addr, int len, bool get)
{
	union {
		struct ip_mreq im;
		struct ipv6_mreq i6;
		struct group_req gr;
	} u;

	if (level == IPPROTO_IP &&
	    (name == IP_ADD_MEMBERSHIP || name == IP_DROP_MEMBERSHIP)) {
		if (need(tp, !get && len >= (int)sizeof(u.im), addr, &u.im,
			 sizeof(u.im)))
			print_ip_mreq(tp, &u.im);
		return true;
	}
	if (name == MCAST_JOIN_GROUP || name == MCAST_LEAVE_GROUP) {
		if (need(tp, !get && len >= (int)sizeof(u.gr), addr, &u.gr,
			 sizeof(u.gr)))
			print_group_req(tp, addr, &u.gr);
		return true;
	}
	if (level == IPPROTO_IPV6 &&
	    (name == IPV6_ADD_MEMBERSHIP || name == IPV6_DROP_MEMBERSHIP ||
	     name == IPV6_JOIN_ANYCAST || name == IPV6_LEAVE_ANYCAST)) {
		if (need(tp, !get && len >= (int)sizeof(u.i6), addr, &u.i6,
			 sizeof(u.i6)))
			print_ipv6_mreq(tp, &u.i6);
		return true;
	}
	return false;
}

static bool print_sol_packet(struct tracee *tp, unsigned int name,
			     unsigned long addr, int len, bool get)
{
	struct packet_mreq pm;

	switch (name) {
	case PACKET_ADD_MEMBERSHIP:
	case PACKET_DROP_MEMBERSHIP:
		if (need(tp, !get && len == (int)sizeof(pm), addr, &pm,
			 sizeof(pm)))
			print_packet_mreq(tp, &pm);
		return true;
	case PACKET_RX_RING:
	case PACKET_TX_RING:
		if (get || len != 16)
			emit_ptr(tp, addr);
		else
			print_u32_fields(tp, addr, len, tpacket_req_fields, 4,
					 false);
		return true;
	case PACKET_STATISTICS:
		if (!get)
			return false;
		print_u32_fields(tp, addr, len, tpacket_stats_fields, 3, false);
		return true;
	}
	return false;
}

/* A structure strace decodes; false when the value is not one of them. */
static bool print_sockopt_struct(struct tracee *tp, int level,
				 unsigned int name, unsigned long addr, int len,
				 bool get)
{
	uint32_t v;

	switch (level) {
	case SOL_SOCKET:
		return print_sol_socket(tp, name, addr, len, get);
	case IPPROTO_IP:
	case IPPROTO_IPV6:
		return print_sol_ip(tp, level, name, addr, len, get);
	case SOL_PACKET_:
		return print_sol_packet(tp, name, addr, len, get);
	case SOL_RAW_:
		if (name != ICMP_FILTER_ || len < 4)
			return false;
		if (fetch_or_addr(tp, addr, &v, sizeof(v)))
			print_icmp_filter(tp, v);
		return true;
	}
	return false;
}

/* Known options strace 6.1 prints as it prints an unknown one. */
static bool undecoded(int level, unsigned int name)
{
	return sockopt_is(level, name, IPPROTO_TCP, TCP_CONGESTION_) ||
	       sockopt_is(level, name, SOL_SOCKET, SO_BINDTODEVICE) ||
	       sockopt_is(level, name, SOL_SOCKET, SO_RCVTIMEO_OLD_) ||
	       sockopt_is(level, name, SOL_SOCKET, SO_SNDTIMEO_OLD_);
}

/*
 * The option's value, LEN bytes of it.  Known options take an int unless
 * decoded above; an unknown one is an int when it is int-sized, bytes
 * otherwise.
 */
void print_sockopt_value(struct tracee *tp, int level, unsigned int name,
			 unsigned long addr, int len, bool get)
{
	const struct xlat *x = sockopt_names(level);
	bool known = x && xlat_name(x, name) && !undecoded(level, name);

	if (len <= 0) {
		emit_ptr(tp, addr);
		return;
	}
	if (print_sockopt_struct(tp, level, name, addr, len, get))
		return;
	if (sockopt_is(level, name, SOL_SOCKET, SO_PEERCRED) &&
	    len >= (int)sizeof(struct ucred)) {
		struct ucred uc;

		if (fetch_or_addr(tp, addr, &uc, sizeof(uc)))
			print_ucred(tp, &uc);
		return;
	}
	if (!known && len != (int)sizeof(int)) {
		print_buf(tp, addr, len, 0);
		return;
	}
	if (sockopt_is(level, name, SOL_SOCKET, SO_ERROR) &&
	    len >= (int)sizeof(int)) {
		int err;

		if (!fetch_or_addr(tp, addr, &err, sizeof(err)))
			return;
		emit_array_begin(tp);
		emit_enum(tp, &xlat_errnos, (unsigned int)err);
		emit_array_end(tp);
		return;
	}
	if (len < (int)sizeof(int)) {
		if (get)
			print_buf(tp, addr, len, QUOTE_HEX_ALL);
		else
			emit_ptr(tp, addr);
		return;
	}
	print_int_at(tp, addr);
}
