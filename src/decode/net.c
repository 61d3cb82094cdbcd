/* Network: socket() and socket addresses. */
#include <arpa/inet.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "decode.h"
#include "strquote.h"

/* htons(ETH_P_IP) */
static void print_ethproto(struct tracee *tp, unsigned int be16)
{
	struct strbuf sb = { 0 };

	sb_puts(&sb, "htons(");
	xlat_format_enum(&sb, &xlat_ethernet_protocols, ntohs(be16));
	sb_putc(&sb, ')');
	emit_sym(tp, sb.buf);
	sb_free(&sb);
}

static void print_socket_args(struct tracee *tp)
{
	int family = (int)tp->args[0];
	int proto = (int)tp->args[2];

	emit_enum(tp, &xlat_address_families, (unsigned int)family);
	emit_flags(tp, &xlat_socket_type_flags, (unsigned int)tp->args[1]);
	switch (family) {
	case AF_INET:
	case AF_INET6:
		emit_enum(tp, &xlat_ip_protocols, (unsigned int)proto);
		break;
	case AF_NETLINK:
		emit_enum(tp, &xlat_netlink_protocols, (unsigned int)proto);
		break;
	case AF_PACKET:
		print_ethproto(tp, (uint16_t)proto);
		break;
	default:
		emit_int(tp, proto);
		break;
	}
}

int decode_socket(struct tracee *tp, int exiting)
{
	print_socket_args(tp);
	return DEC_DONE;
}

int decode_socketpair(struct tracee *tp, int exiting)
{
	if (!exiting) {
		print_socket_args(tp);
		return DEC_MORE;
	}
	if (syserr(tp))
		emit_ptr(tp, tp->args[3]);
	else
		print_int2(tp, tp->args[3]);
	return RET_DEC;
}

static void print_sun_path(struct tracee *tp, const struct sockaddr_un *sun,
			   size_t len)
{
	size_t off = offsetof(struct sockaddr_un, sun_path);
	size_t n = len > off ? len - off : 0;

	if (!n)
		return;
	if (n > sizeof(sun->sun_path))
		n = sizeof(sun->sun_path);
	emit_field(tp, "sun_path");
	if (n && sun->sun_path[0] == '\0') {
		/* Abstract: strace marks it with '@'. */
		struct strbuf sb = { 0 };

		sb_putc(&sb, '@');
		quote_bytes(&sb, (const unsigned char *)sun->sun_path + 1,
			    n - 1, 0);
		emit_sym(tp, sb.buf);
		sb_free(&sb);
		return;
	}
	emit_bytes(tp, sun->sun_path, strnlen(sun->sun_path, n), 0);
}

/* if_nametoindex("lo"), or the number when no interface has it. */
void print_ifindex(struct tracee *tp, int index)
{
	char name[IF_NAMESIZE];

	if (index > 0 && if_indextoname(index, name))
		emit_symf(tp, "if_nametoindex(\"%s\")", name);
	else
		emit_int(tp, index);
}

void print_inet_addr(struct tracee *tp, const void *in_addr)
{
	char ip[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, in_addr, ip, sizeof(ip));
	emit_symf(tp, "inet_addr(\"%s\")", ip);
}

void print_inet6_addr(struct tracee *tp, const void *in6_addr,
		      const char *field)
{
	char ip[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, in6_addr, ip, sizeof(ip));
	emit_symf(tp, "inet_pton(AF_INET6, \"%s\", &%s)", ip, field);
}

static void print_in(struct tracee *tp, const struct sockaddr_in *sin)
{
	emit_field(tp, "sin_port");
	emit_symf(tp, "htons(%u)", ntohs(sin->sin_port));
	emit_field(tp, "sin_addr");
	print_inet_addr(tp, &sin->sin_addr);
}

static void print_in6(struct tracee *tp, const struct sockaddr_in6 *sin6)
{
	emit_field(tp, "sin6_port");
	emit_symf(tp, "htons(%u)", ntohs(sin6->sin6_port));
	emit_field(tp, "sin6_flowinfo");
	emit_symf(tp, "htonl(%u)", ntohl(sin6->sin6_flowinfo));
	print_inet6_addr(tp, &sin6->sin6_addr, "sin6_addr");
	emit_field(tp, "sin6_scope_id");
	emit_uint(tp, sin6->sin6_scope_id);
}

static void print_nl(struct tracee *tp, const struct sockaddr_nl *nl)
{
	emit_field(tp, "nl_pid");
	emit_uint(tp, nl->nl_pid);
	emit_field(tp, "nl_groups");
	emit_symf(tp, "%#08x", nl->nl_groups);
}

static void print_ll(struct tracee *tp, const struct sockaddr_ll *ll)
{
	emit_field(tp, "sll_protocol");
	print_ethproto(tp, ll->sll_protocol);
	emit_field(tp, "sll_ifindex");
	print_ifindex(tp, ll->sll_ifindex);
	emit_field(tp, "sll_hatype");
	emit_enum(tp, &xlat_arp_hardware_types, ll->sll_hatype);
	emit_field(tp, "sll_pkttype");
	emit_enum(tp, &xlat_packet_types, ll->sll_pkttype);
	emit_field(tp, "sll_halen");
	emit_uint(tp, ll->sll_halen);
	if (ll->sll_halen) {
		unsigned int n = ll->sll_halen;

		emit_field(tp, "sll_addr");
		emit_array_begin(tp);
		for (unsigned int i = 0; i < n && i < sizeof(ll->sll_addr); i++)
			emit_symf(tp, "%#02x", ll->sll_addr[i]);
		if (n > sizeof(ll->sll_addr))
			emit_ellipsis(tp);
		emit_array_end(tp);
	}
}

void print_sockaddr(struct tracee *tp, unsigned long addr, unsigned long len)
{
	struct sockaddr_storage ss;
	sa_family_t family;

	if (len > sizeof(ss))
		len = sizeof(ss);
	memset(&ss, 0, sizeof(ss));
	if (len < sizeof(family) || !fetch(tp, addr, &ss, len)) {
		emit_ptr(tp, addr);
		return;
	}
	family = ss.ss_family;
	emit_struct_begin(tp);
	emit_field(tp, "sa_family");
	emit_enum(tp, &xlat_address_families, family);
	switch (family) {
	case AF_UNIX:
		print_sun_path(tp, (struct sockaddr_un *)&ss, len);
		break;
	case AF_INET:
		if (len < sizeof(struct sockaddr_in))
			goto raw;
		print_in(tp, (struct sockaddr_in *)&ss);
		break;
	case AF_INET6:
		if (len < sizeof(struct sockaddr_in6))
			goto raw;
		print_in6(tp, (struct sockaddr_in6 *)&ss);
		break;
	case AF_NETLINK:
		if (len < sizeof(struct sockaddr_nl))
			goto raw;
		print_nl(tp, (struct sockaddr_nl *)&ss);
		break;
	case AF_PACKET:
		if (len < sizeof(struct sockaddr_ll))
			goto raw;
		print_ll(tp, (struct sockaddr_ll *)&ss);
		break;
	default:
	raw:
		if (len > sizeof(family)) {
			emit_field(tp, "sa_data");
			emit_bytes(tp, (char *)&ss + sizeof(family),
				   len - sizeof(family), 0);
		}
		break;
	}
	emit_struct_end(tp);
}

/*
 * An address the kernel wrote, with its in-out length: "{...}, [16]" or
 * "{...}, [128 => 16]".  The length before the call is kept in aux[0].
 */
static void save_socklen(struct tracee *tp, unsigned long lenp)
{
	unsigned int len;

	tp->aux[0] = fetch(tp, lenp, &len, sizeof(len)) ? len : ~0UL;
}

static void print_socklen_inout(struct tracee *tp, unsigned long lenp)
{
	unsigned int len;

	if (!lenp) {
		emit_ptr(tp, lenp);
		return;
	}
	if (tp->aux[0] == ~0UL) {
		emit_ptr(tp, lenp);
		return;
	}
	emit_array_begin(tp);
	emit_uint(tp, tp->aux[0]);
	if (!syserr(tp) && fetch(tp, lenp, &len, sizeof(len)) &&
	    len != tp->aux[0]) {
		emit_arrow(tp);
		emit_uint(tp, len);
	}
	emit_array_end(tp);
}

static void print_sockaddr_out(struct tracee *tp, unsigned long addr,
			       unsigned long lenp)
{
	unsigned int len;

	if (syserr(tp) || !addr || !lenp ||
	    !fetch(tp, lenp, &len, sizeof(len)) || !len) {
		emit_ptr(tp, addr);
		return;
	}
	if (tp->aux[0] != ~0UL && len > tp->aux[0])
		len = tp->aux[0];
	print_sockaddr(tp, addr, len);
}

/* accept, accept4, getsockname, getpeername: fd, address, length. */
int decode_sockname(struct tracee *tp, int exiting)
{
	if (!exiting) {
		print_fd(tp, (int)tp->args[0]);
		save_socklen(tp, tp->args[2]);
		return DEC_MORE;
	}
	print_sockaddr_out(tp, tp->args[1], tp->args[2]);
	print_socklen_inout(tp, tp->args[2]);
	if (tp->se->nargs > 3) /* accept4 */
		emit_flags(tp, &xlat_sock_flags, (unsigned int)tp->args[3]);
	return tp->se->ret;
}

int decode_sendto(struct tracee *tp, int exiting)
{
	print_fd(tp, (int)tp->args[0]);
	print_sock_data(tp, netlink_protocol(tp, (int)tp->args[0]), tp->args[1],
			tp->args[2]);
	emit_uint(tp, tp->args[2]);
	emit_flags(tp, &xlat_msg_flags, (unsigned int)tp->args[3]);
	print_sockaddr(tp, tp->args[4], tp->args[5]);
	emit_int(tp, (int)tp->args[5]);
	return DEC_DONE;
}

int decode_recvfrom(struct tracee *tp, int exiting)
{
	if (!exiting) {
		print_fd(tp, (int)tp->args[0]);
		save_socklen(tp, tp->args[5]);
		return DEC_MORE;
	}
	if (syserr(tp))
		emit_ptr(tp, tp->args[1]);
	else
		print_sock_data(tp, netlink_protocol(tp, (int)tp->args[0]),
				tp->args[1], tp->rval);
	emit_uint(tp, tp->args[2]);
	emit_flags(tp, &xlat_msg_flags, (unsigned int)tp->args[3]);
	print_sockaddr_out(tp, tp->args[4], tp->args[5]);
	print_socklen_inout(tp, tp->args[5]);
	return RET_DEC;
}

int decode_setsockopt(struct tracee *tp, int exiting)
{
	int level = (int)tp->args[1];
	unsigned int name = tp->args[2];

	print_fd(tp, (int)tp->args[0]);
	emit_enum(tp, &xlat_socket_levels, (unsigned int)level);
	print_sockopt_name(tp, level, name, false);
	print_sockopt_value(tp, level, name, tp->args[3], (int)tp->args[4],
			    false);
	emit_int(tp, (int)tp->args[4]);
	return DEC_DONE;
}

int decode_getsockopt(struct tracee *tp, int exiting)
{
	int level = (int)tp->args[1];
	unsigned int name = tp->args[2];
	unsigned int len;

	if (!exiting) {
		print_fd(tp, (int)tp->args[0]);
		emit_enum(tp, &xlat_socket_levels, (unsigned int)level);
		print_sockopt_name(tp, level, name, true);
		save_socklen(tp, tp->args[4]);
		return DEC_MORE;
	}
	if (syserr(tp) || !fetch(tp, tp->args[4], &len, sizeof(len)))
		emit_ptr(tp, tp->args[3]);
	else
		print_sockopt_value(tp, level, name, tp->args[3], (int)len,
				    true);
	print_socklen_inout(tp, tp->args[4]);
	return RET_DEC;
}

void print_ucred(struct tracee *tp, const struct ucred *uc)
{
	emit_struct_begin(tp);
	emit_field(tp, "pid");
	emit_int(tp, uc->pid);
	emit_field(tp, "uid");
	if (uc->uid == (uid_t)-1)
		emit_int(tp, -1);
	else
		emit_uint(tp, uc->uid);
	emit_field(tp, "gid");
	if (uc->gid == (gid_t)-1)
		emit_int(tp, -1);
	else
		emit_uint(tp, uc->gid);
	emit_struct_end(tp);
}
