/*
 * Netlink messages in the data of sendto, recvfrom, sendmsg and recvmsg
 * on AF_NETLINK sockets: the nlmsghdr of each message, and for
 * NETLINK_ROUTE the link and address bodies and their attributes, as
 * strace 6.1 prints them.
 */
#include <arpa/inet.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "decode.h"
#include "strquote.h"

/* More than this of a buffer is not looked at. */
#define NETLINK_BUF_MAX (256 * 1024)
#define NLHDR ((size_t)sizeof(struct nlmsghdr))

/*
 * What socket FD of the tracee is: NOT_NETLINK, or a netlink socket of
 * the protocol the kernel lists for it, or NETLINK_UNKNOWN when it lists
 * none (an unbound socket is not listed; strace cannot tell either, and
 * prints such messages without their protocol).
 */
int netlink_protocol(struct tracee *tp, int fd)
{
	char path[64], link[64], line[256], name[32];
	unsigned long inode, ino;
	int proto = NETLINK_UNKNOWN, eth;
	ssize_t n;
	FILE *f;

	if (fd < 0)
		return NOT_NETLINK;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", tp->pid, fd);
	n = getxattr(path, "system.sockprotoname", name, sizeof(name) - 1);
	if (n < 0)
		return NOT_NETLINK;
	name[n] = '\0';
	if (strcmp(name, "NETLINK") != 0)
		return NOT_NETLINK;
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return NETLINK_UNKNOWN;
	link[n] = '\0';
	if (sscanf(link, "socket:[%lu]", &inode) != 1)
		return NETLINK_UNKNOWN;
	snprintf(path, sizeof(path), "/proc/%d/net/netlink", tp->pid);
	f = fopen(path, "r");
	if (!f)
		return NETLINK_UNKNOWN;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%*x %d %*u %*x %*d %*d %*d %*d %*d %lu", &eth,
			   &ino) == 2 &&
		    ino == inode) {
			proto = eth;
			break;
		}
	}
	fclose(f);
	return proto;
}

void print_sock_data(struct tracee *tp, int proto, unsigned long addr,
		     unsigned long len)
{
	if (proto == NOT_NETLINK)
		print_buf(tp, addr, len, 0);
	else
		print_netlink(tp, proto, addr, len);
}

static void print_hex_bytes(struct tracee *tp, const unsigned char *p, size_t n)
{
	emit_bytes(tp, p, n, QUOTE_HEX_ALL);
}

/* A value of a fixed size, or its bytes when the size is not that. */
static bool attr_u(struct tracee *tp, const unsigned char *p, size_t n,
		   size_t size)
{
	uint32_t v32 = 0;
	uint8_t v8;

	if (n != size)
		return false;
	if (size == 1) {
		memcpy(&v8, p, 1);
		emit_uint(tp, v8);
	} else {
		memcpy(&v32, p, 4);
		emit_uint(tp, v32);
	}
	return true;
}

/* "lo": up to the first NUL. */
static bool attr_str(struct tracee *tp, const unsigned char *p, size_t n)
{
	emit_bytes(tp, p, strnlen((const char *)p, n), 0);
	return true;
}

/* 00:11:22:33:44:55 */
static bool attr_mac(struct tracee *tp, const unsigned char *p, size_t n)
{
	struct strbuf sb = { 0 };

	for (size_t i = 0; i < n; i++)
		sb_printf(&sb, "%s%02x", i ? ":" : "", p[i]);
	emit_sym(tp, sb.buf ? sb.buf : "");
	sb_free(&sb);
	return true;
}

static const char *const link_stats_fields[] = {
	"rx_packets",
	"tx_packets",
	"rx_bytes",
	"tx_bytes",
	"rx_errors",
	"tx_errors",
	"rx_dropped",
	"tx_dropped",
	"multicast",
	"collisions",
	"rx_length_errors",
	"rx_over_errors",
	"rx_crc_errors",
	"rx_frame_errors",
	"rx_fifo_errors",
	"rx_missed_errors",
	"tx_aborted_errors",
	"tx_carrier_errors",
	"tx_fifo_errors",
	"tx_heartbeat_errors",
	"tx_window_errors",
	"rx_compressed",
	"tx_compressed",
	"rx_nohandler",
	"rx_otherhost_dropped",
};

/*
 * struct rtnl_link_stats (24 __u32) or rtnl_link_stats64 (25 __u64, the
 * fields strace 6.1 knows); fewer bytes than that print as bytes.
 */
static bool attr_stats(struct tracee *tp, const unsigned char *p, size_t n,
		       size_t width, size_t fields)
{
	if (n < width * fields)
		return false;
	emit_struct_begin(tp);
	for (size_t i = 0; i < fields; i++) {
		uint64_t v = 0;

		memcpy(&v, p + i * width, width);
		emit_field_uint(tp, link_stats_fields[i], v);
	}
	emit_struct_end(tp);
	return true;
}

static bool print_ifla_value(struct tracee *tp, unsigned int type,
			     const unsigned char *p, size_t n)
{
	uint32_t v;

	switch (type) {
	case IFLA_IFNAME:
	case IFLA_QDISC:
	case IFLA_IFALIAS:
	case IFLA_PHYS_PORT_NAME:
	case IFLA_ALT_IFNAME:
	case 56: /* IFLA_PARENT_DEV_NAME */
	case 57: /* IFLA_PARENT_DEV_BUS_NAME */
		return attr_str(tp, p, n);
	case IFLA_ADDRESS:
	case IFLA_BROADCAST:
	case IFLA_PERM_ADDRESS:
		return attr_mac(tp, p, n);
	case IFLA_OPERSTATE:
	case IFLA_LINKMODE:
	case IFLA_CARRIER:
	case IFLA_PROTO_DOWN:
		return attr_u(tp, p, n, 1);
	case IFLA_MTU:
	case IFLA_LINK:
	case IFLA_TXQLEN:
	case IFLA_WEIGHT:
	case IFLA_MASTER:
	case IFLA_NET_NS_PID:
	case IFLA_NUM_VF:
	case IFLA_GROUP:
	case IFLA_PROMISCUITY:
	case IFLA_NUM_TX_QUEUES:
	case IFLA_NUM_RX_QUEUES:
	case IFLA_CARRIER_CHANGES:
	case IFLA_GSO_MAX_SEGS:
	case IFLA_GSO_MAX_SIZE:
	case IFLA_CARRIER_UP_COUNT:
	case IFLA_CARRIER_DOWN_COUNT:
	case IFLA_NEW_IFINDEX:
	case IFLA_MIN_MTU:
	case IFLA_MAX_MTU:
	case 58: /* IFLA_GRO_MAX_SIZE */
	case 59: /* IFLA_TSO_MAX_SIZE */
	case 60: /* IFLA_TSO_MAX_SEGS */
	case 61: /* IFLA_ALLMULTI */
		return attr_u(tp, p, n, 4);
	case IFLA_EXT_MASK:
		if (n != 4)
			return false;
		memcpy(&v, p, 4);
		emit_flags(tp, &xlat_rtext_filter_flags, v);
		return true;
	case IFLA_STATS:
		return attr_stats(tp, p, n, 4, 24);
	case IFLA_STATS64:
		return attr_stats(tp, p, n, 8, 25);
	}
	return false;
}

/* inet_addr("127.0.0.1"), or inet_pton(AF_INET6, "::1") */
static bool attr_inet(struct tracee *tp, int family, const unsigned char *p,
		      size_t n)
{
	char ip[INET6_ADDRSTRLEN];

	if (family == AF_INET && n == 4) {
		print_inet_addr(tp, p);
		return true;
	}
	if (family == AF_INET6 && n == 16) {
		inet_ntop(AF_INET6, p, ip, sizeof(ip));
		emit_symf(tp, "inet_pton(AF_INET6, \"%s\")", ip);
		return true;
	}
	return false;
}

static bool print_ifa_value(struct tracee *tp, unsigned int type, int family,
			    const unsigned char *p, size_t n)
{
	struct ifa_cacheinfo ci;
	uint32_t v;

	switch (type) {
	case IFA_ADDRESS:
	case IFA_LOCAL:
	case IFA_BROADCAST:
	case IFA_ANYCAST:
	case IFA_MULTICAST:
		return attr_inet(tp, family, p, n);
	case IFA_LABEL:
		return attr_str(tp, p, n);
	case IFA_FLAGS:
		if (n != 4)
			return false;
		memcpy(&v, p, 4);
		emit_flags(tp, &xlat_ifa_flags, v);
		return true;
	case IFA_RT_PRIORITY:
		return attr_u(tp, p, n, 4);
	case IFA_CACHEINFO:
		if (n < sizeof(ci))
			return false;
		memcpy(&ci, p, sizeof(ci));
		emit_struct_begin(tp);
		emit_field_uint(tp, "ifa_prefered", ci.ifa_prefered);
		emit_field_uint(tp, "ifa_valid", ci.ifa_valid);
		emit_field_uint(tp, "cstamp", ci.cstamp);
		emit_field_uint(tp, "tstamp", ci.tstamp);
		emit_struct_end(tp);
		return true;
	}
	return false;
}

/*
 * Netlink messages and attributes both start with their length (32 and
 * 16 bits) and are padded to 4 bytes.  A list of them at P: one bare,
 * several in brackets, at most -s of them; a length shorter than the
 * header ends the list.
 */
typedef void (*tlv_fn)(struct tracee *tp, const unsigned char *p, size_t n,
		       void *ctx);

static size_t tlv_len(const unsigned char *p, size_t hdr)
{
	uint32_t len32;
	uint16_t len16;

	if (hdr == NLA_HDRLEN) {
		memcpy(&len16, p, sizeof(len16));
		return len16;
	}
	memcpy(&len32, p, sizeof(len32));
	return len32;
}

static void print_tlvs(struct tracee *tp, const unsigned char *p, size_t n,
		       size_t hdr, tlv_fn each, void *ctx)
{
	size_t off, count = 0, len;

	for (off = 0; off + hdr <= n; off += NLMSG_ALIGN(len)) {
		count++;
		len = tlv_len(p + off, hdr);
		if (len < hdr)
			break;
	}
	if (count == 1)
		each(tp, p, n, ctx);
	if (count <= 1)
		return;
	emit_array_begin(tp);
	for (off = 0, count = 0; off + hdr <= n;
	     off += NLMSG_ALIGN(len), count++) {
		if (count >= (size_t)opt.max_strlen) {
			emit_ellipsis(tp);
			break;
		}
		len = tlv_len(p + off, hdr);
		each(tp, p + off, n - off, ctx);
		if (len < hdr)
			break;
	}
	emit_array_end(tp);
}

enum attr_kind { ATTR_IFLA, ATTR_IFA };

static void print_attr(struct tracee *tp, enum attr_kind kind, int family,
		       const unsigned char *p, size_t n)
{
	struct nlattr a;
	size_t len;
	bool done;

	memcpy(&a, p, sizeof(a));
	len = a.nla_len < n ? a.nla_len : n;
	if (len > sizeof(a))
		emit_array_begin(tp);
	emit_struct_begin(tp);
	emit_field_uint(tp, "nla_len", a.nla_len);
	emit_field(tp, "nla_type");
	emit_enum(tp, kind == ATTR_IFLA ? &xlat_ifla_types : &xlat_ifa_types,
		  a.nla_type);
	emit_struct_end(tp);
	if (len <= sizeof(a))
		return;
	p += sizeof(a);
	len -= sizeof(a);
	if (kind == ATTR_IFLA)
		done = print_ifla_value(tp, a.nla_type, p, len);
	else
		done = print_ifa_value(tp, a.nla_type, family, p, len);
	if (!done)
		print_hex_bytes(tp, p, len);
	emit_array_end(tp);
}

struct attr_ctx {
	enum attr_kind kind;
	int family;
};

static void print_attr_item(struct tracee *tp, const unsigned char *p, size_t n,
			    void *ctx)
{
	const struct attr_ctx *c = ctx;

	print_attr(tp, c->kind, c->family, p, n);
}

static void print_attrs(struct tracee *tp, enum attr_kind kind, int family,
			const unsigned char *p, size_t n)
{
	struct attr_ctx c = { kind, family };

	print_tlvs(tp, p, n, NLA_HDRLEN, print_attr_item, &c);
}

/* The fields of a body after its family (the first byte). */
static void ifinfomsg_fields(struct tracee *tp, const unsigned char *p)
{
	struct ifinfomsg m;

	memcpy(&m, p, sizeof(m));
	emit_field(tp, "ifi_type");
	emit_enum(tp, &xlat_arp_hardware_types, m.ifi_type);
	emit_field(tp, "ifi_index");
	print_ifindex(tp, m.ifi_index);
	emit_field(tp, "ifi_flags");
	emit_flags(tp, &xlat_iff_flags, m.ifi_flags);
	emit_field(tp, "ifi_change");
	emit_hex(tp, m.ifi_change);
}

static void ifaddrmsg_fields(struct tracee *tp, const unsigned char *p)
{
	struct ifaddrmsg m;

	memcpy(&m, p, sizeof(m));
	emit_field_uint(tp, "ifa_prefixlen", m.ifa_prefixlen);
	emit_field(tp, "ifa_flags");
	emit_flags(tp, &xlat_ifa_flags, m.ifa_flags);
	emit_field(tp, "ifa_scope");
	emit_enum(tp, &xlat_rt_scopes, m.ifa_scope);
	emit_field(tp, "ifa_index");
	print_ifindex(tp, (int)m.ifa_index);
}

struct rt_body {
	const char *family; /* the name of the first field */
	size_t size;
	void (*fields)(struct tracee *tp, const unsigned char *p);
	enum attr_kind attrs;
};

static const struct rt_body link_body = { "ifi_family",
					  sizeof(struct ifinfomsg),
					  ifinfomsg_fields, ATTR_IFLA };
static const struct rt_body addr_body = { "ifa_family",
					  sizeof(struct ifaddrmsg),
					  ifaddrmsg_fields, ATTR_IFA };

/* {ifi_family=AF_UNSPEC, ...} when it is short, attributes after it. */
static void print_rt_body(struct tracee *tp, const struct rt_body *b,
			  const unsigned char *p, size_t n)
{
	size_t aligned = NLMSG_ALIGN(b->size);

	emit_struct_begin(tp);
	emit_field(tp, b->family);
	emit_enum(tp, &xlat_address_families, p[0]);
	if (n < b->size) {
		emit_ellipsis(tp);
		emit_struct_end(tp);
		return;
	}
	b->fields(tp, p);
	emit_struct_end(tp);
	if (n > aligned)
		print_attrs(tp, b->attrs, p[0], p + aligned, n - aligned);
}

/* A route message strace has no decoder for here: {family=..., data=...} */
static void print_rtgen(struct tracee *tp, const unsigned char *p, size_t n)
{
	emit_struct_begin(tp);
	emit_field(tp, "family");
	emit_enum(tp, &xlat_address_families, p[0]);
	if (n > 1) {
		emit_field(tp, "data");
		print_hex_bytes(tp, p + 1, n - 1);
	}
	emit_struct_end(tp);
}

static const struct xlat *nlmsg_flags_table(int proto, unsigned int type)
{
	if (type == NLMSG_ERROR)
		return &xlat_nlm_flags;
	if (proto != NETLINK_ROUTE || type < RTM_BASE)
		return &xlat_nlm_flags;
	switch ((type - RTM_BASE) % 4) {
	case 0:
		return &xlat_nlm_new_flags;
	case 1:
		return &xlat_nlm_del_flags;
	case 2:
		return &xlat_nlm_get_flags;
	}
	return &xlat_nlm_flags;
}

static void print_nlmsghdr(struct tracee *tp, int proto,
			   const struct nlmsghdr *h)
{
	emit_struct_begin(tp);
	emit_field_uint(tp, "nlmsg_len", h->nlmsg_len);
	emit_field(tp, "nlmsg_type");
	if (proto == NETLINK_ROUTE && h->nlmsg_type >= RTM_BASE)
		emit_enum(tp, &xlat_rtnl_types, h->nlmsg_type);
	else
		emit_enum(tp, &xlat_nlmsg_types, h->nlmsg_type);
	emit_field(tp, "nlmsg_flags");
	emit_flags(tp, nlmsg_flags_table(proto, h->nlmsg_type), h->nlmsg_flags);
	emit_field_uint(tp, "nlmsg_seq", h->nlmsg_seq);
	emit_field_uint(tp, "nlmsg_pid", h->nlmsg_pid);
	emit_struct_end(tp);
}

static void print_nlmsg(struct tracee *tp, int proto, const unsigned char *p,
			size_t n, bool echoed);

/*
 * {error=-ENODEV, msg=[{...}, {...}]}: the error and the request echoed.
 * An error inside an echoed request is not looked into: a hostile buffer
 * could nest them as deep as it is long.
 */
static void print_nlmsgerr(struct tracee *tp, int proto, const unsigned char *p,
			   size_t n, bool echoed)
{
	const char *name;
	int err;

	if (n < sizeof(err) || echoed) {
		print_hex_bytes(tp, p, n);
		return;
	}
	memcpy(&err, p, sizeof(err));
	emit_struct_begin(tp);
	emit_field(tp, "error");
	name = err < 0 ? xlat_name(&xlat_errnos, (unsigned int)-err) : NULL;
	if (name)
		emit_symf(tp, "-%s", name);
	else
		emit_int(tp, err);
	if (n > sizeof(err)) {
		emit_field(tp, "msg");
		if (n - sizeof(err) < NLHDR)
			print_hex_bytes(tp, p + sizeof(err), n - sizeof(err));
		else
			print_nlmsg(tp, proto, p + sizeof(err), n - sizeof(err),
				    true);
	}
	emit_struct_end(tp);
}

/* One message: {header}, or [{header}, body] when it has a body. */
static void print_nlmsg(struct tracee *tp, int proto, const unsigned char *p,
			size_t n, bool echoed)
{
	struct nlmsghdr h;
	size_t len, plen;
	int done;

	memcpy(&h, p, NLHDR);
	len = h.nlmsg_len < n ? h.nlmsg_len : n;
	if (len <= NLHDR) {
		print_nlmsghdr(tp, proto, &h);
		return;
	}
	plen = len - NLHDR;
	p += NLHDR;
	emit_array_begin(tp);
	print_nlmsghdr(tp, proto, &h);
	if (h.nlmsg_type == NLMSG_ERROR) {
		print_nlmsgerr(tp, proto, p, plen, echoed);
	} else if (h.nlmsg_type == NLMSG_DONE && plen >= sizeof(done)) {
		memcpy(&done, p, sizeof(done));
		emit_int(tp, done);
	} else if (proto != NETLINK_ROUTE || h.nlmsg_type < RTM_BASE) {
		print_hex_bytes(tp, p, plen);
	} else if (h.nlmsg_type >= RTM_NEWLINK && h.nlmsg_type <= RTM_SETLINK) {
		print_rt_body(tp, &link_body, p, plen);
	} else if (h.nlmsg_type >= RTM_NEWADDR && h.nlmsg_type <= RTM_GETADDR) {
		print_rt_body(tp, &addr_body, p, plen);
	} else {
		print_rtgen(tp, p, plen);
	}
	emit_array_end(tp);
}

static void print_nlmsg_item(struct tracee *tp, const unsigned char *p,
			     size_t n, void *ctx)
{
	print_nlmsg(tp, *(int *)ctx, p, n, false);
}

/*
 * LEN bytes of netlink messages at ADDR: one message bare, several in a
 * list of at most -s.  Less than a header prints as bytes.
 */
void print_netlink(struct tracee *tp, int proto, unsigned long addr,
		   unsigned long len)
{
	unsigned char *buf;
	size_t n = len < NETLINK_BUF_MAX ? len : NETLINK_BUF_MAX;

	if (n < NLHDR) {
		print_buf(tp, addr, len, QUOTE_HEX_ALL);
		return;
	}
	buf = malloc(n);
	if (!buf || !fetch(tp, addr, buf, n)) {
		free(buf);
		emit_ptr(tp, addr);
		return;
	}
	print_tlvs(tp, buf, n, NLHDR, print_nlmsg_item, &proto);
	free(buf);
}
