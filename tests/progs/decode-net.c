/*
 * Sockets: addresses of each family in and out, lengths that come back,
 * send/recv with and without addresses, msghdr with control messages,
 * the mmsg calls, socket options.  Prints the trace lines it expects
 * between the markers.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <netinet/tcp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <unistd.h>

#include "expect.h"

static char *bad;
static struct ucred me;
static char ifname[IF_NAMESIZE];

static const char *in4(const struct sockaddr_in *a)
{
	static char buf[2][128];
	static int n;
	char *b = buf[n++ % 2];
	char ip[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &a->sin_addr, ip, sizeof(ip));
	snprintf(b, sizeof(buf[0]),
		 "{sa_family=AF_INET, sin_port=htons(%u), "
		 "sin_addr=inet_addr(\"%s\")}",
		 ntohs(a->sin_port), ip);
	return b;
}

static void tcp(void)
{
	struct sockaddr_in a, peer;
	unsigned short port;
	socklen_t len;
	char buf[64];
	long rc;
	int s, c, x, y, v;

	memset(&a, 0, sizeof(a));
	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	s = socket(AF_INET, SOCK_STREAM, 0);
	expect("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = %d", s);
	/* A port whose bytes print as "AB" in sa_data below. */
	for (port = 0x4142;; port++) {
		a.sin_port = htons(port);
		rc = bind(s, (struct sockaddr *)&a, sizeof(a));
		expect("bind(%d, %s, 16) = %s", s, in4(&a), res(rc, errno));
		if (rc == 0)
			break;
	}
	rc = listen(s, 5);
	expect("listen(%d, 5) = %ld", s, rc);
	len = sizeof(a);
	rc = getsockname(s, (struct sockaddr *)&a, &len);
	expect("getsockname(%d, %s, [16]) = %ld", s, in4(&a), rc);

	c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	expect("socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = %d",
	       c);
	rc = connect(c, (struct sockaddr *)&a, sizeof(a));
	expect("connect(%d, %s, 16) = %ld", c, in4(&a), rc);
	len = sizeof(peer);
	x = accept(s, (struct sockaddr *)&peer, &len);
	expect("accept(%d, %s, [16]) = %d", s, in4(&peer), x);
	len = 4;
	rc = getpeername(c, (struct sockaddr *)&peer, &len);
	expect("getpeername(%d, {sa_family=AF_INET, sa_data=\"%c%c\"}, "
	       "[4 => 16]) = %ld",
	       c, port >> 8, port & 0xff, rc);
	len = sizeof(peer);
	rc = getpeername(c, (struct sockaddr *)bad, &len);
	expect("getpeername(%d, %p, [16]) = %s", c, bad, res(rc, errno));
	rc = getpeername(c, (struct sockaddr *)&peer, (socklen_t *)bad);
	expect("getpeername(%d, %p, %p) = %s", c, (void *)&peer, bad,
	       res(rc, errno));

	y = socket(AF_INET, SOCK_STREAM, 0);
	expect("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = %d", y);
	connect(y, (struct sockaddr *)&a, sizeof(a));
	expect("connect(%d, %s, 16) = 0", y, in4(&a));
	close(y);
	expect("close(%d) = 0", y);
	y = accept4(s, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	expect("accept4(%d, NULL, NULL, SOCK_CLOEXEC|SOCK_NONBLOCK) = %d", s,
	       y);
	close(y);
	expect("close(%d) = 0", y);

	rc = sendto(c, "hello", 5, MSG_NOSIGNAL, NULL, 0);
	expect("sendto(%d, \"hello\", 5, MSG_NOSIGNAL, NULL, 0) = %ld", c, rc);
	len = sizeof(peer);
	rc = recvfrom(x, buf, sizeof(buf), 0, (struct sockaddr *)&peer, &len);
	expect("recvfrom(%d, \"hello\", 64, 0, %p, [16 => 0]) = %ld", x,
	       (void *)&peer, rc);
	rc = recvfrom(x, buf, sizeof(buf), MSG_DONTWAIT, NULL, NULL);
	expect("recvfrom(%d, %p, 64, MSG_DONTWAIT, NULL, NULL) = %s", x,
	       (void *)buf, res(rc, errno));

	v = 1;
	rc = setsockopt(c, SOL_SOCKET, SO_REUSEADDR, &v, sizeof(v));
	expect("setsockopt(%d, SOL_SOCKET, SO_REUSEADDR, [1], 4) = %ld", c, rc);
	rc = setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &v, sizeof(v));
	expect("setsockopt(%d, SOL_TCP, TCP_NODELAY, [1], 4) = %ld", c, rc);
	struct linger lg = { 1, 5 };
	rc = setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	expect("setsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, "
	       "8) = %ld",
	       c, rc);
	rc = setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, 3);
	expect("setsockopt(%d, SOL_SOCKET, SO_LINGER, %p, 3) = %s", c,
	       (void *)&lg, res(rc, errno));
	rc = setsockopt(c, SOL_SOCKET, 9999, "\1\2\3\4\5\6\7\10", 8);
	expect("setsockopt(%d, SOL_SOCKET, 0x270f /* SO_??? */, "
	       "\"\\1\\2\\3\\4\\5\\6\\7\\10\", 8) = %s",
	       c, res(rc, errno));
	len = sizeof(v);
	rc = getsockopt(c, SOL_SOCKET, SO_TYPE, &v, &len);
	expect("getsockopt(%d, SOL_SOCKET, SO_TYPE, [1], [4]) = %ld", c, rc);
	len = 16;
	rc = getsockopt(c, SOL_SOCKET, SO_RCVBUF, buf, &len);
	expect("getsockopt(%d, SOL_SOCKET, SO_RCVBUF, [%d], [16 => 4]) = %ld",
	       c, *(int *)buf, rc);
	len = sizeof(lg);
	rc = getsockopt(c, SOL_SOCKET, SO_LINGER, &lg, &len);
	expect("getsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=%d, "
	       "l_linger=%d}, [8]) = %ld",
	       c, lg.l_onoff, lg.l_linger, rc);
	len = sizeof(v);
	rc = getsockopt(c, IPPROTO_IP, IP_TTL, &v, &len);
	expect("getsockopt(%d, SOL_IP, IP_TTL, [%d], [4]) = %ld", c, v, rc);
	rc = getsockopt(c, 9999, 1, &v, &len);
	expect("getsockopt(%d, 0x270f /* SOL_?? */, 1, %p, [4]) = %s", c,
	       (void *)&v, res(rc, errno));
	rc = shutdown(c, SHUT_WR);
	expect("shutdown(%d, SHUT_WR) = %ld", c, rc);
	rc = shutdown(c, 7);
	expect("shutdown(%d, 0x7 /* SHUT_??? */) = %s", c, res(rc, errno));
	close(x);
	expect("close(%d) = 0", x);
	close(c);
	expect("close(%d) = 0", c);
	close(s);
	expect("close(%d) = 0", s);
}

static void messages(void)
{
	struct iovec iov[2] = { { "ab", 2 }, { "cde", 3 } };
	char cbuf[CMSG_SPACE(sizeof(struct ucred))];
	char rb[10], rcb[256];
	struct iovec riov = { rb, sizeof(rb) };
	struct msghdr m = { 0 }, rm = { 0 };
	struct cmsghdr *cm;
	struct ucred uc = me;
	int fds[2] = { 0, 1 }, got[2];
	long rc;
	int sv[2], v = 1;

	rc = socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	expect("socketpair(AF_UNIX, SOCK_STREAM, 0, [%d, %d]) = %ld", sv[0],
	       sv[1], rc);
	rc = socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, (int *)bad);
	expect("socketpair(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0, %p) = %s", bad,
	       res(rc, errno));

	memset(cbuf, 0, sizeof(cbuf));
	m.msg_iov = iov;
	m.msg_iovlen = 2;
	m.msg_control = cbuf;
	m.msg_controllen = CMSG_SPACE(sizeof(fds));
	cm = CMSG_FIRSTHDR(&m);
	cm->cmsg_level = SOL_SOCKET;
	cm->cmsg_type = SCM_RIGHTS;
	cm->cmsg_len = CMSG_LEN(sizeof(fds));
	memcpy(CMSG_DATA(cm), fds, sizeof(fds));
	rc = sendmsg(sv[0], &m, 0);
	expect("sendmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="
	       "\"ab\", iov_len=2}, {iov_base=\"cde\", iov_len=3}], "
	       "msg_iovlen=2, msg_control=[{cmsg_len=24, "
	       "cmsg_level=SOL_SOCKET, "
	       "cmsg_type=SCM_RIGHTS, cmsg_data=[0, 1]}], msg_controllen=24, "
	       "msg_flags=0}, 0) = %ld",
	       sv[0], rc);
	rm.msg_iov = &riov;
	rm.msg_iovlen = 1;
	rm.msg_control = rcb;
	rm.msg_controllen = sizeof(rcb);
	rc = recvmsg(sv[1], &rm, MSG_CMSG_CLOEXEC);
	memcpy(got, CMSG_DATA(CMSG_FIRSTHDR(&rm)), sizeof(got));
	expect("recvmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="
	       "\"abcde\", iov_len=10}], msg_iovlen=1, "
	       "msg_control=[{cmsg_len=24, "
	       "cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[%d, "
	       "%d]}], "
	       "msg_controllen=24, msg_flags=MSG_CMSG_CLOEXEC}, "
	       "MSG_CMSG_CLOEXEC) = %ld",
	       sv[1], got[0], got[1], rc);
	close(got[0]);
	expect("close(%d) = 0", got[0]);
	close(got[1]);
	expect("close(%d) = 0", got[1]);

	rc = setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &v, sizeof(v));
	expect("setsockopt(%d, SOL_SOCKET, SO_PASSCRED, [1], 4) = %ld", sv[1],
	       rc);
	m.msg_controllen = sizeof(cbuf);
	cm = CMSG_FIRSTHDR(&m);
	cm->cmsg_type = SCM_CREDENTIALS;
	cm->cmsg_len = CMSG_LEN(sizeof(uc));
	memcpy(CMSG_DATA(cm), &uc, sizeof(uc));
	rc = sendmsg(sv[0], &m, MSG_NOSIGNAL);
	expect("sendmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="
	       "\"ab\", iov_len=2}, {iov_base=\"cde\", iov_len=3}], "
	       "msg_iovlen=2, msg_control=[{cmsg_len=28, "
	       "cmsg_level=SOL_SOCKET, "
	       "cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=%d, uid=%u, "
	       "gid=%u}}], "
	       "msg_controllen=32, msg_flags=0}, MSG_NOSIGNAL) = %ld",
	       sv[0], uc.pid, uc.uid, uc.gid, rc);
	rm.msg_controllen = sizeof(rcb);
	rc = recvmsg(sv[1], &rm, 0);
	expect("recvmsg(%d, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base="
	       "\"abcde\", iov_len=10}], msg_iovlen=1, "
	       "msg_control=[{cmsg_len=28, "
	       "cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, "
	       "cmsg_data={pid=%d, uid=%u, gid=%u}}], msg_controllen=32, "
	       "msg_flags=0}, 0) = %ld",
	       sv[1], uc.pid, uc.uid, uc.gid, rc);
	rc = recvmsg(sv[1], &rm, MSG_DONTWAIT);
	expect("recvmsg(%d, {msg_namelen=0}, MSG_DONTWAIT) = %s", sv[1],
	       res(rc, errno));
	rc = sendmsg(sv[0], (struct msghdr *)bad, 0);
	expect("sendmsg(%d, %p, 0) = %s", sv[0], bad, res(rc, errno));
	close(sv[0]);
	expect("close(%d) = 0", sv[0]);
	close(sv[1]);
	expect("close(%d) = 0", sv[1]);

	struct mmsghdr mm[2], rmm[2];
	char r1[8], r2[8];
	struct iovec ri[2] = { { r1, 8 }, { r2, 8 } };

	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	expect("socketpair(AF_UNIX, SOCK_DGRAM, 0, [%d, %d]) = 0", sv[0],
	       sv[1]);
	memset(mm, 0, sizeof(mm));
	memset(rmm, 0, sizeof(rmm));
	for (int i = 0; i < 2; i++) {
		mm[i].msg_hdr.msg_iov = &iov[i];
		mm[i].msg_hdr.msg_iovlen = 1;
		rmm[i].msg_hdr.msg_iov = &ri[i];
		rmm[i].msg_hdr.msg_iovlen = 1;
	}
	rc = sendmmsg(sv[0], mm, 2, 0);
	expect("sendmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, "
	       "msg_iov=[{iov_base=\"ab\", iov_len=2}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}, msg_len=2}, {msg_hdr={"
	       "msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"cde\", "
	       "iov_len=3}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, "
	       "msg_len=3}], 2, 0) = %ld",
	       sv[0], rc);
	rc = recvmmsg(sv[1], rmm, 2, MSG_DONTWAIT, NULL);
	expect("recvmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, "
	       "msg_iov=[{iov_base=\"ab\", iov_len=8}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}, msg_len=2}, {msg_hdr={"
	       "msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"cde\", "
	       "iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, "
	       "msg_len=3}], 2, MSG_DONTWAIT, NULL) = %ld",
	       sv[1], rc);
	rc = recvmmsg(sv[1], rmm, 2, MSG_DONTWAIT, NULL);
	expect("recvmmsg(%d, %p, 2, MSG_DONTWAIT, NULL) = %s", sv[1],
	       (void *)rmm, res(rc, errno));
	struct timespec ts = { 1, 0 };

	rc = send(sv[0], "ab", 2, 0);
	expect("sendto(%d, \"ab\", 2, 0, NULL, 0) = %ld", sv[0], rc);
	rc = recvmmsg(sv[1], rmm, 1, MSG_DONTWAIT, &ts);
	expect("recvmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, "
	       "msg_iov=[{iov_base=\"ab\", iov_len=8}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}, msg_len=2}], 1, MSG_DONTWAIT, "
	       "{tv_sec=1, tv_nsec=0}) = %ld (left {tv_sec=%lld, tv_nsec=%ld})",
	       sv[1], rc, (long long)ts.tv_sec, ts.tv_nsec);
	rc = recvmmsg(sv[1], rmm, 1, MSG_DONTWAIT, &ts);
	expect("recvmmsg(%d, %p, 1, MSG_DONTWAIT, {tv_sec=%lld, tv_nsec=%ld}) "
	       "= %s",
	       sv[1], (void *)rmm, (long long)ts.tv_sec, ts.tv_nsec,
	       res(rc, errno));
	rc = recvmmsg(sv[1], rmm, 1, MSG_DONTWAIT, (struct timespec *)bad);
	expect("recvmmsg(%d, %p, 1, MSG_DONTWAIT, %p) = %s", sv[1], (void *)rmm,
	       bad, res(rc, errno));
	/* The second entry is past the end of memory. */
	struct mmsghdr *edge = (struct mmsghdr *)(bad - sizeof(*edge));

	memset(edge, 0, sizeof(*edge));
	rc = sendmmsg(sv[0], edge, 2, 0);
	expect("sendmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, "
	       "msg_iov=NULL, msg_iovlen=0, msg_controllen=0, msg_flags=0}, "
	       "msg_len=0}, ... /* %p */], 2, 0) = %ld",
	       sv[0], bad, rc);
	rc = recvmmsg(sv[1], rmm, 1, MSG_DONTWAIT, NULL);
	expect("recvmmsg(%d, [{msg_hdr={msg_name=NULL, msg_namelen=0, "
	       "msg_iov=[{iov_base=\"\", iov_len=8}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}, msg_len=0}], 1, MSG_DONTWAIT, "
	       "NULL) = %ld",
	       sv[1], rc);
	rc = sendmmsg(-1, mm, 1, 0);
	expect("sendmmsg(-1, [{msg_hdr={msg_name=NULL, msg_namelen=0, "
	       "msg_iov=[{iov_base=\"ab\", iov_len=2}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}}], 1, 0) = %s",
	       res(rc, errno));
	close(sv[0]);
	expect("close(%d) = 0", sv[0]);
	close(sv[1]);
	expect("close(%d) = 0", sv[1]);
}

static void families(void)
{
	struct sockaddr_un un = { AF_UNIX, "" };
	struct sockaddr_nl nl = { AF_NETLINK, 0, 0, 0 };
	struct sockaddr_in6 a6;
	struct sockaddr_ll ll = { AF_PACKET, htons(ETH_P_IP),	  1, 1, 4,
				  6,	     { 1, 2, 3, 4, 5, 6 } };
	socklen_t len;
	long rc;
	int u, s;

	u = socket(AF_UNIX, SOCK_DGRAM, 0);
	expect("socket(AF_UNIX, SOCK_DGRAM, 0) = %d", u);
	len = sizeof(un);
	rc = getsockname(u, (struct sockaddr *)&un, &len);
	expect("getsockname(%d, {sa_family=AF_UNIX}, [110 => 2]) = %ld", u, rc);
	snprintf(un.sun_path + 1, sizeof(un.sun_path) - 1,
		 "sctrace-decode-net-%d", me.pid);
	rc = bind(u, (struct sockaddr *)&un,
		  offsetof(struct sockaddr_un, sun_path) + 1 +
			  strlen(un.sun_path + 1));
	expect("bind(%d, {sa_family=AF_UNIX, sun_path=@\"%s\"}, %zu) = %ld", u,
	       un.sun_path + 1,
	       offsetof(struct sockaddr_un, sun_path) + 1 +
		       strlen(un.sun_path + 1),
	       rc);
	len = sizeof(un);
	rc = getsockname(u, (struct sockaddr *)&un, &len);
	expect("getsockname(%d, {sa_family=AF_UNIX, sun_path=@\"%s\"}, "
	       "[110 => %u]) = %ld",
	       u, un.sun_path + 1, len, rc);
	struct sockaddr_un path = { AF_UNIX, "/nonexistent/sctrace.sock" };
	rc = connect(u, (struct sockaddr *)&path, sizeof(path));
	expect("connect(%d, {sa_family=AF_UNIX, sun_path="
	       "\"/nonexistent/sctrace.sock\"}, 110) = %s",
	       u, res(rc, errno));
	close(u);
	expect("close(%d) = 0", u);

	s = socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP);
	expect("socket(AF_INET6, SOCK_DGRAM, IPPROTO_UDP) = %d", s);
	memset(&a6, 0, sizeof(a6));
	a6.sin6_family = AF_INET6;
	a6.sin6_port = htons(53);
	inet_pton(AF_INET6, "::1", &a6.sin6_addr);
	a6.sin6_flowinfo = htonl(5);
	rc = connect(s, (struct sockaddr *)&a6, sizeof(a6));
	expect("connect(%d, {sa_family=AF_INET6, sin6_port=htons(53), "
	       "sin6_flowinfo=htonl(5), inet_pton(AF_INET6, \"::1\", "
	       "&sin6_addr), sin6_scope_id=0}, 28) = %s",
	       s, res(rc, errno));
	/* Any socket prints the address it is given. */
	rc = connect(s, (struct sockaddr *)&ll, sizeof(ll));
	{
		char idx[64];

		if (ifname[0])
			snprintf(idx, sizeof(idx), "if_nametoindex(\"%s\")",
				 ifname);
		else
			snprintf(idx, sizeof(idx), "1");
		expect("connect(%d, {sa_family=AF_PACKET, sll_protocol="
		       "htons(ETH_P_IP), sll_ifindex=%s, "
		       "sll_hatype=ARPHRD_ETHER, "
		       "sll_pkttype=PACKET_OUTGOING, sll_halen=6, "
		       "sll_addr=[0x1, "
		       "0x2, 0x3, 0x4, 0x5, 0x6]}, 20) = %s",
		       s, idx, res(rc, errno));
	}
	rc = connect(s, (struct sockaddr *)bad, 16);
	expect("connect(%d, %p, 16) = %s", s, bad, res(rc, errno));
	rc = bind(s, (struct sockaddr *)&a6, 2);
	expect("bind(%d, {sa_family=AF_INET6}, 2) = %s", s, res(rc, errno));
	close(s);
	expect("close(%d) = 0", s);

	s = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	expect("socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = %d",
	       s);
	rc = bind(s, (struct sockaddr *)&nl, sizeof(nl));
	expect("bind(%d, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, "
	       "12) = %s",
	       s, res(rc, errno));
	len = sizeof(nl);
	rc = getsockname(s, (struct sockaddr *)&nl, &len);
	expect("getsockname(%d, {sa_family=AF_NETLINK, nl_pid=%u, "
	       "nl_groups=00000000}, [12]) = %ld",
	       s, nl.nl_pid, rc);
	close(s);
	expect("close(%d) = 0", s);
	rc = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ARP));
	expect("socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ARP)) = %s",
	       res(rc, errno));
	if (rc >= 0) {
		close(rc);
		expect("close(%ld) = 0", rc);
	}
	rc = socket(AF_NETLINK, SOCK_RAW, 99);
	expect("socket(AF_NETLINK, SOCK_RAW, 0x63 /* NETLINK_??? */) = %s",
	       res(rc, errno));
	rc = socket(AF_INET, SOCK_DGRAM, 999);
	expect("socket(AF_INET, SOCK_DGRAM, 0x3e7 /* IPPROTO_??? */) = %s",
	       res(rc, errno));
}

/* Options of the other levels, on fd -1 where the kernel need not agree. */
static void options(void)
{
	struct packet_mreq mr = { 1, PACKET_MR_MULTICAST, 3, { 1, 2, 0xab } };
	struct tpacket_req rq = { 4096, 4, 2048, 8 };
	struct ip_mreq im;
	struct ipv6_mreq m6;
	struct group_req gr;
	struct sockaddr_in *gin = (struct sockaddr_in *)&gr.gr_group;
	struct linger lg;
	unsigned int filter;
	socklen_t len;
	char idx[64];
	long rc;
	int v = 1, s;

	if (ifname[0])
		snprintf(idx, sizeof(idx), "if_nametoindex(\"%s\")", ifname);
	else
		snprintf(idx, sizeof(idx), "1");
	rc = setsockopt(-1, SOL_PACKET, PACKET_VERSION, &v, sizeof(v));
	expect("setsockopt(-1, SOL_PACKET, PACKET_VERSION, [1], 4) = %s",
	       res(rc, errno));
	rc = setsockopt(-1, SOL_PACKET, 4, &v, sizeof(v));
	expect("setsockopt(-1, SOL_PACKET, 0x4 /* PACKET_??? */, [1], 4) = %s",
	       res(rc, errno));
	rc = setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr));
	expect("setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, {mr_ifindex="
	       "%s, mr_type=PACKET_MR_MULTICAST, mr_alen=3, "
	       "mr_address=01:02:ab}, 16) = %s",
	       idx, res(rc, errno));
	mr.mr_type = 9;
	mr.mr_alen = 2;
	rc = setsockopt(-1, SOL_PACKET, PACKET_DROP_MEMBERSHIP, &mr,
			sizeof(mr));
	expect("setsockopt(-1, SOL_PACKET, PACKET_DROP_MEMBERSHIP, {mr_ifindex="
	       "%s, mr_type=0x9 /* PACKET_MR_??? */, mr_alen=2, "
	       "mr_address=01:02}, "
	       "16) = %s",
	       idx, res(rc, errno));
	rc = setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, 4);
	expect("setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, %p, 4) = %s",
	       (void *)&mr, res(rc, errno));
	rc = setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, bad - 8, 16);
	expect("setsockopt(-1, SOL_PACKET, PACKET_ADD_MEMBERSHIP, %p, 16) = %s",
	       bad - 8, res(rc, errno));
	rc = setsockopt(-1, SOL_PACKET, PACKET_RX_RING, &rq, sizeof(rq));
	expect("setsockopt(-1, SOL_PACKET, PACKET_RX_RING, "
	       "{tp_block_size=4096, "
	       "tp_block_nr=4, tp_frame_size=2048, tp_frame_nr=8}, 16) = %s",
	       res(rc, errno));
	s = socket(AF_PACKET, SOCK_DGRAM, 0);
	expect("socket(AF_PACKET, SOCK_DGRAM, htons(0 /* ETH_P_??? */)) = %s",
	       res(s, errno));
	if (s >= 0) {
		struct tpacket_stats st;

		len = sizeof(st);
		rc = getsockopt(s, SOL_PACKET, PACKET_STATISTICS, &st, &len);
		expect("getsockopt(%d, SOL_PACKET, PACKET_STATISTICS, "
		       "{tp_packets=%u, tp_drops=%u}, [8]) = %ld",
		       s, st.tp_packets, st.tp_drops, rc);
		len = 6;
		rc = getsockopt(s, SOL_PACKET, PACKET_STATISTICS, &st, &len);
		expect("getsockopt(%d, SOL_PACKET, PACKET_STATISTICS, "
		       "{tp_packets=%u, tp_drops=\"\\x%02x\\x%02x\"}, [6]) = "
		       "%ld",
		       s, st.tp_packets, ((unsigned char *)&st.tp_drops)[0],
		       ((unsigned char *)&st.tp_drops)[1], rc);
		close(s);
		expect("close(%d) = 0", s);
	}

	filter = 1U << ICMP_ECHOREPLY | 1U << ICMP_ECHO | 1U << 20;
	rc = setsockopt(-1, SOL_RAW, 1 /* ICMP_FILTER */, &filter,
			sizeof(filter));
	expect("setsockopt(-1, SOL_RAW, ICMP_FILTER, [ICMP_ECHOREPLY ICMP_ECHO "
	       "0x14 /* ICMP_??? */], 4) = %s",
	       res(rc, errno));
	filter = ~(1U << ICMP_ECHOREPLY);
	rc = setsockopt(-1, SOL_RAW, 1 /* ICMP_FILTER */, &filter,
			sizeof(filter));
	expect("setsockopt(-1, SOL_RAW, ICMP_FILTER, ~[ICMP_ECHOREPLY], 4) = "
	       "%s",
	       res(rc, errno));
	rc = setsockopt(-1, SOL_RAW, 2, &v, sizeof(v));
	expect("setsockopt(-1, SOL_RAW, 0x2 /* RAW_??? */, [1], 4) = %s",
	       res(rc, errno));

	im.imr_multiaddr.s_addr = htonl(0xe0000001);
	im.imr_interface.s_addr = htonl(INADDR_LOOPBACK);
	rc = setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, &im, sizeof(im));
	expect("setsockopt(-1, SOL_IP, IP_ADD_MEMBERSHIP, {imr_multiaddr="
	       "inet_addr(\"224.0.0.1\"), "
	       "imr_interface=inet_addr(\"127.0.0.1\")},"
	       " 8) = %s",
	       res(rc, errno));
	rc = setsockopt(-1, SOL_IP, IP_DROP_MEMBERSHIP, &im, 4);
	expect("setsockopt(-1, SOL_IP, IP_DROP_MEMBERSHIP, %p, 4) = %s",
	       (void *)&im, res(rc, errno));
	memset(&gr, 0, sizeof(gr));
	gr.gr_interface = 1;
	gin->sin_family = AF_INET;
	gin->sin_addr.s_addr = htonl(0xe0000001);
	rc = setsockopt(-1, SOL_IP, MCAST_JOIN_GROUP, &gr, sizeof(gr));
	expect("setsockopt(-1, SOL_IP, MCAST_JOIN_GROUP, {gr_interface=%s, "
	       "gr_group={sa_family=AF_INET, sin_port=htons(0), "
	       "sin_addr=inet_addr(\"224.0.0.1\")}}, %zu) = %s",
	       idx, sizeof(gr), res(rc, errno));
	inet_pton(AF_INET6, "ff02::1", &m6.ipv6mr_multiaddr);
	m6.ipv6mr_interface = 0;
	rc = setsockopt(-1, SOL_IPV6, IPV6_ADD_MEMBERSHIP, &m6, sizeof(m6));
	expect("setsockopt(-1, SOL_IPV6, IPV6_ADD_MEMBERSHIP, {inet_pton("
	       "AF_INET6, \"ff02::1\", &ipv6mr_multiaddr), "
	       "ipv6mr_interface=0}, "
	       "20) = %s",
	       res(rc, errno));
	rc = setsockopt(-1, SOL_IP, 64, &v, sizeof(v));
	expect("setsockopt(-1, SOL_IP, IPT_SO_SET_REPLACE, [1], 4) = %s",
	       res(rc, errno));
	len = sizeof(v);
	rc = getsockopt(-1, SOL_IP, 64, &v, &len);
	expect("getsockopt(-1, SOL_IP, IPT_SO_GET_INFO, %p, [4]) = %s",
	       (void *)&v, res(rc, errno));
	rc = getsockopt(-1, SOL_IPV6, 68, &v, &len);
	expect("getsockopt(-1, SOL_IPV6, IP6T_SO_GET_REVISION_MATCH, %p, [4]) "
	       "= %s",
	       (void *)&v, res(rc, errno));
	rc = setsockopt(-1, SOL_TCP, TCP_CONGESTION, "cubic", 5);
	expect("setsockopt(-1, SOL_TCP, TCP_CONGESTION, \"cubic\", 5) = %s",
	       res(rc, errno));
	rc = setsockopt(-1, SOL_TCP, TCP_CONGESTION, "reno", 4);
	expect("setsockopt(-1, SOL_TCP, TCP_CONGESTION, [%d], 4) = %s",
	       *(int *)"reno", res(rc, errno));

	s = socket(AF_INET, SOCK_STREAM, 0);
	expect("socket(AF_INET, SOCK_STREAM, IPPROTO_IP) = %d", s);
	rc = setsockopt(s, SOL_SOCKET, SO_LINGER, &v, sizeof(v));
	expect("setsockopt(%d, SOL_SOCKET, SO_LINGER, %p, 4) = %s", s,
	       (void *)&v, res(rc, errno));
	len = 4;
	rc = getsockopt(s, SOL_SOCKET, SO_LINGER, &lg, &len);
	expect("getsockopt(%d, SOL_SOCKET, SO_LINGER, {l_onoff=%d}, [4]) = %ld",
	       s, lg.l_onoff, rc);
	close(s);
	expect("close(%d) = 0", s);
}

static const char *nlhdr(unsigned int len, const char *type, const char *flags,
			 unsigned int seq, unsigned int pid)
{
	static char buf[4][256];
	static int n;
	char *b = buf[n++ % 4];

	snprintf(b, sizeof(buf[0]),
		 "{nlmsg_len=%u, nlmsg_type=%s, nlmsg_flags=%s, nlmsg_seq=%u, "
		 "nlmsg_pid=%u}",
		 len, type, flags, seq, pid);
	return b;
}

struct addr_req {
	struct nlmsghdr h;
	struct ifaddrmsg a;
};

static void addr_req(struct addr_req *r, unsigned short type,
		     unsigned short flags, unsigned int seq)
{
	memset(r, 0, sizeof(*r));
	r->h.nlmsg_len = sizeof(*r);
	r->h.nlmsg_type = type;
	r->h.nlmsg_flags = flags;
	r->h.nlmsg_seq = seq;
	r->a.ifa_family = AF_INET;
	r->a.ifa_index = 999;
}

/* The answer to addr_req(): an error, and the request echoed. */
static const char *nl_ack(int err, unsigned int seq, unsigned int pid)
{
	static char buf[1024];

	snprintf(buf, sizeof(buf),
		 "[%s, {error=-%s, msg=[%s, {ifa_family=AF_INET, "
		 "ifa_prefixlen=0, ifa_flags=0, ifa_scope=RT_SCOPE_UNIVERSE, "
		 "ifa_index=999}]}]",
		 nlhdr(44, "NLMSG_ERROR", "0", seq, pid),
		 err == -ENODEV	 ? "ENODEV"
		 : err == -EPERM ? "EPERM"
				 : "E???",
		 nlhdr(24, "RTM_DELADDR", "NLM_F_REQUEST|NLM_F_ACK", seq, 0));
	return buf;
}

static void put_attr(unsigned char **p, unsigned short type, const void *data,
		     unsigned short len)
{
	struct nlattr a = { NLA_HDRLEN + len, type };

	memcpy(*p, &a, sizeof(a));
	memcpy(*p + NLA_HDRLEN, data, len);
	*p += NLA_ALIGN(a.nla_len);
}

/* NETLINK_ROUTE requests and the kernel's answers, as strace shows them. */
static void netlink(void)
{
	struct addr_req two[2];
	struct sockaddr_nl nl = { AF_NETLINK, 0, 0, 0 };
	struct iovec iov;
	struct msghdr m;
	union {
		struct nlmsghdr h;
		unsigned char b[512];
	} u;
	unsigned char *p;
	socklen_t len = sizeof(nl);
	unsigned int ext = RTEXT_FILTER_VF, flags = IFA_F_PERMANENT;
	struct ifa_cacheinfo ci = { 10, 20, 30, 40 };
	struct in_addr ip4 = { htonl(INADDR_LOOPBACK) };
	char idx[64];
	unsigned int port;
	long rc;
	int s, err;

	if (ifname[0])
		snprintf(idx, sizeof(idx), "if_nametoindex(\"%s\")", ifname);
	else
		snprintf(idx, sizeof(idx), "1");
	s = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	expect("socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) = %d", s);
	/* Not bound yet: the kernel does not list it, nor its protocol. */
	addr_req(&two[0], RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, 1);
	rc = sendto(s, &two[0], sizeof(two[0]), 0, NULL, 0);
	expect("sendto(%d, [%s, \"\\x02\\x00\\x00\\x00\\xe7\\x03\\x00\\x00\"], "
	       "24, 0, NULL, 0) = %ld",
	       s,
	       nlhdr(24, "0x15 /* NLMSG_??? */", "NLM_F_REQUEST|NLM_F_ACK", 1,
		     0),
	       rc);
	rc = getsockname(s, (struct sockaddr *)&nl, &len);
	expect("getsockname(%d, {sa_family=AF_NETLINK, nl_pid=%u, "
	       "nl_groups=00000000}, [12]) = %ld",
	       s, nl.nl_pid, rc);
	port = nl.nl_pid;
	rc = recvfrom(s, &u, sizeof(u), 0, NULL, NULL);
	memcpy(&err, u.b + NLMSG_HDRLEN, sizeof(err));
	expect("recvfrom(%d, %s, %zu, 0, NULL, NULL) = %ld", s,
	       nl_ack(err, 1, port), sizeof(u), rc);

	/* Two requests in one buffer, the answers through recvmsg. */
	addr_req(&two[0], RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, 2);
	addr_req(&two[1], RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, 3);
	rc = sendto(s, two, sizeof(two), 0, NULL, 0);
	{
		char a[512];

		snprintf(a, sizeof(a), "%s",
			 nlhdr(24, "RTM_DELADDR", "NLM_F_REQUEST|NLM_F_ACK", 2,
			       0));
		expect("sendto(%d, [[%s, {ifa_family=AF_INET, ifa_prefixlen=0, "
		       "ifa_flags=0, ifa_scope=RT_SCOPE_UNIVERSE, "
		       "ifa_index=999}], [%s, {ifa_family=AF_INET, "
		       "ifa_prefixlen=0, ifa_flags=0, "
		       "ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=999}]], 48, 0, "
		       "NULL, 0) = %ld",
		       s, a,
		       nlhdr(24, "RTM_DELADDR", "NLM_F_REQUEST|NLM_F_ACK", 3,
			     0),
		       rc);
	}
	iov.iov_base = &u;
	iov.iov_len = sizeof(u);
	memset(&m, 0, sizeof(m));
	m.msg_name = &nl;
	m.msg_namelen = sizeof(nl);
	m.msg_iov = &iov;
	m.msg_iovlen = 1;
	rc = recvmsg(s, &m, 0);
	memcpy(&err, u.b + NLMSG_HDRLEN, sizeof(err));
	expect("recvmsg(%d, {msg_name={sa_family=AF_NETLINK, nl_pid=0, "
	       "nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=%s, "
	       "iov_len=%zu}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, "
	       "0) = %ld",
	       s, nl_ack(err, 2, port), sizeof(u), rc);
	rc = recvmsg(s, &m, 0);
	expect("recvmsg(%d, {msg_name={sa_family=AF_NETLINK, nl_pid=0, "
	       "nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=%s, "
	       "iov_len=%zu}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, "
	       "0) = %ld",
	       s, nl_ack(err, 3, port), sizeof(u), rc);

	/* A link request with attributes: several in a list, one bare. */
	memset(&u, 0, sizeof(u));
	u.h.nlmsg_type = RTM_GETLINK;
	u.h.nlmsg_flags = NLM_F_REQUEST;
	u.h.nlmsg_seq = 4;
	((struct ifinfomsg *)NLMSG_DATA(&u.h))->ifi_index = 1;
	p = u.b + NLMSG_LENGTH(sizeof(struct ifinfomsg));
	put_attr(&p, IFLA_EXT_MASK, &ext, sizeof(ext));
	u.h.nlmsg_len = p - u.b;
	rc = sendto(s, &u, u.h.nlmsg_len, MSG_DONTWAIT, NULL, 0);
	expect("sendto(%d, [%s, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, "
	       "ifi_index=%s, ifi_flags=0, ifi_change=0}, [{nla_len=8, "
	       "nla_type=IFLA_EXT_MASK}, RTEXT_FILTER_VF]], 40, MSG_DONTWAIT, "
	       "NULL, 0) = %ld",
	       s, nlhdr(40, "RTM_GETLINK", "NLM_F_REQUEST", 4, 0), idx, rc);
	put_attr(&p, IFLA_IFNAME, "lo", 3);
	put_attr(&p, 0x43, "\1", 1);
	u.h.nlmsg_len = p - u.b;
	u.h.nlmsg_type = RTM_NEWLINK;
	u.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | NLM_F_EXCL;
	rc = sendto(s, &u, u.h.nlmsg_len, MSG_DONTWAIT, NULL, 0);
	expect("sendto(%d, [%s, {ifi_family=AF_UNSPEC, ifi_type=ARPHRD_NETROM, "
	       "ifi_index=%s, ifi_flags=0, ifi_change=0}, [[{nla_len=8, "
	       "nla_type=IFLA_EXT_MASK}, RTEXT_FILTER_VF], [{nla_len=7, "
	       "nla_type=IFLA_IFNAME}, \"lo\"], [{nla_len=5, "
	       "nla_type=0x43 /* IFLA_??? */}, \"\\x01\"]]], 56, MSG_DONTWAIT, "
	       "NULL, 0) = %ld",
	       s,
	       nlhdr(56, "RTM_NEWLINK", "NLM_F_REQUEST|NLM_F_EXCL|NLM_F_CREATE",
		     4, 0),
	       idx, rc);

	/* An address request with attributes, to an interface not there. */
	memset(&u, 0, sizeof(u));
	u.h.nlmsg_type = RTM_NEWADDR;
	u.h.nlmsg_flags = NLM_F_REQUEST;
	u.h.nlmsg_seq = 5;
	*(struct ifaddrmsg *)NLMSG_DATA(&u.h) =
		(struct ifaddrmsg){ AF_INET, 8, IFA_F_PERMANENT, RT_SCOPE_HOST,
				    999 };
	p = u.b + NLMSG_LENGTH(sizeof(struct ifaddrmsg));
	put_attr(&p, IFA_LOCAL, &ip4, sizeof(ip4));
	put_attr(&p, IFA_FLAGS, &flags, sizeof(flags));
	put_attr(&p, IFA_CACHEINFO, &ci, sizeof(ci));
	u.h.nlmsg_len = p - u.b;
	iov.iov_base = &u;
	iov.iov_len = u.h.nlmsg_len;
	m.msg_name = &nl;
	nl.nl_pid = 0;
	rc = sendmsg(s, &m, MSG_DONTWAIT);
	expect("sendmsg(%d, {msg_name={sa_family=AF_NETLINK, nl_pid=0, "
	       "nl_groups=00000000}, msg_namelen=12, msg_iov=[{iov_base=[%s, "
	       "{ifa_family=AF_INET, ifa_prefixlen=8, "
	       "ifa_flags=IFA_F_PERMANENT, "
	       "ifa_scope=RT_SCOPE_HOST, ifa_index=999}, [[{nla_len=8, "
	       "nla_type=IFA_LOCAL}, inet_addr(\"127.0.0.1\")], [{nla_len=8, "
	       "nla_type=IFA_FLAGS}, IFA_F_PERMANENT], [{nla_len=20, "
	       "nla_type=IFA_CACHEINFO}, {ifa_prefered=10, ifa_valid=20, "
	       "cstamp=30, tstamp=40}]]], iov_len=%u}], msg_iovlen=1, "
	       "msg_controllen=0, msg_flags=0}, MSG_DONTWAIT) = %ld",
	       s, nlhdr(60, "RTM_NEWADDR", "NLM_F_REQUEST", 5, 0),
	       u.h.nlmsg_len, rc);

	/* A short body, a type strace does not know, less than a header. */
	memset(&u, 0, sizeof(u));
	u.h.nlmsg_len = NLMSG_LENGTH(4);
	u.h.nlmsg_type = RTM_GETADDR;
	u.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	u.b[NLMSG_HDRLEN] = AF_INET;
	rc = sendto(s, &u, u.h.nlmsg_len, MSG_DONTWAIT, NULL, 0);
	expect("sendto(%d, [%s, {ifa_family=AF_INET, ...}], 20, MSG_DONTWAIT, "
	       "NULL, 0) = %ld",
	       s, nlhdr(20, "RTM_GETADDR", "NLM_F_REQUEST|NLM_F_DUMP", 0, 0),
	       rc);
	u.h.nlmsg_len = NLMSG_LENGTH(3);
	u.h.nlmsg_type = 0x99;
	u.h.nlmsg_flags = NLM_F_REQUEST | 0x1000;
	rc = sendto(s, &u, u.h.nlmsg_len, MSG_DONTWAIT, NULL, 0);
	expect("sendto(%d, [%s, {family=AF_INET, data=\"\\x00\\x00\"}], 19, "
	       "MSG_DONTWAIT, NULL, 0) = %ld",
	       s, nlhdr(19, "0x99 /* RTM_??? */", "NLM_F_REQUEST|0x1000", 0, 0),
	       rc);
	rc = sendto(s, &u, 10, MSG_DONTWAIT, NULL, 0);
	expect("sendto(%d, "
	       "\"\\x13\\x00\\x00\\x00\\x99\\x00\\x01\\x10\\x00\\x00\", "
	       "10, MSG_DONTWAIT, NULL, 0) = %ld",
	       s, rc);
	rc = sendto(s, bad - 8, 16, MSG_DONTWAIT, NULL, 0);
	expect("sendto(%d, %p, 16, MSG_DONTWAIT, NULL, 0) = %s", s, bad - 8,
	       res(rc, errno));
	close(s);
	expect("close(%d) = 0", s);
}

int main(void)
{

	bad = unmapped_page();
	me.pid = getpid();
	me.uid = getuid();
	me.gid = getgid();
	if (!if_indextoname(1, ifname))
		ifname[0] = '\0';

	marker_begin();
	tcp();
	messages();
	families();
	options();
	netlink();
	marker_end();
	return 0;
}
