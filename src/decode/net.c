/* Network: socket() and socket addresses. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "decode.h"
#include "strquote.h"

int decode_socket(struct tracee *tp, int exiting)
{
	int family = (int)tp->args[0];
	int proto = (int)tp->args[2];

	emit_enum(tp, &xlat_address_families, (unsigned int)family);
	emit_flags(tp, &xlat_socket_type_flags, (unsigned int)tp->args[1]);
	if (family == AF_INET || family == AF_INET6)
		emit_enum(tp, &xlat_ip_protocols, (unsigned int)proto);
	else
		emit_int(tp, proto);
	return DEC_DONE;
}

static void print_sun_path(struct tracee *tp, const struct sockaddr_un *sun,
			   size_t len)
{
	size_t off = offsetof(struct sockaddr_un, sun_path);
	size_t n = len > off ? len - off : 0;

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

static void print_in(struct tracee *tp, const struct sockaddr_in *sin)
{
	char ip[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &sin->sin_addr, ip, sizeof(ip));
	emit_field(tp, "sin_port");
	emit_symf(tp, "htons(%u)", ntohs(sin->sin_port));
	emit_field(tp, "sin_addr");
	emit_symf(tp, "inet_addr(\"%s\")", ip);
}

static void print_in6(struct tracee *tp, const struct sockaddr_in6 *sin6)
{
	char ip[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, &sin6->sin6_addr, ip, sizeof(ip));
	emit_field(tp, "sin6_port");
	emit_symf(tp, "htons(%u)", ntohs(sin6->sin6_port));
	emit_field(tp, "sin6_flowinfo");
	emit_symf(tp, "htonl(%u)", ntohl(sin6->sin6_flowinfo));
	emit_symf(tp, "inet_pton(AF_INET6, \"%s\", &sin6_addr)", ip);
	emit_field(tp, "sin6_scope_id");
	emit_uint(tp, sin6->sin6_scope_id);
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
		if (len >= sizeof(struct sockaddr_in))
			print_in(tp, (struct sockaddr_in *)&ss);
		break;
	case AF_INET6:
		if (len >= sizeof(struct sockaddr_in6))
			print_in6(tp, (struct sockaddr_in6 *)&ss);
		break;
	default:
		if (len > sizeof(family)) {
			emit_field(tp, "sa_data");
			emit_bytes(tp, (char *)&ss + sizeof(family),
				   len - sizeof(family), 0);
		}
		break;
	}
	emit_struct_end(tp);
}
