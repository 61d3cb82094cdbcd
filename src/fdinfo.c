/*
 * -y / -yy: what a tracee's descriptor is, as strace prints it after the
 * number: 3</etc/passwd>, 1<pipe:[1500102]>, 3</tmp/x>(deleted),
 * 4<TCP:[127.0.0.1:43268->127.0.0.1:80]>, 0</dev/null<char 1:3>>.
 * Read from /proc at the moment the descriptor is printed.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include "fdinfo.h"
#include "options.h"
#include "qualify.h"
#include "strquote.h"
#include "util.h"
#include "xlat.h"

/* -y is decode-fds=path; -yy all of them. */
static bool want(enum qual_decode_fd what)
{
	return qual_decode_fd(what);
}

bool fdinfo_enabled(void)
{
	return opt.decode_fds;
}

static void put_path(struct strbuf *sb, const char *s, size_t n)
{
	unsigned style = QUOTE_BARE | QUOTE_ANGLE;

	if (opt.xflag >= 2)
		style |= QUOTE_HEX_ALL;
	else if (opt.xflag)
		style |= QUOTE_HEX_NONPRINT;
	quote_bytes(sb, (const unsigned char *)s, n, style);
}

/* One NETLINK_SOCK_DIAG request; the reply goes to fn until it says stop. */
static bool sock_diag(const void *req, size_t len,
		      bool (*fn)(const struct nlmsghdr *h, void *ctx), void *ctx)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	union {
		struct nlmsghdr nlh;
		char buf[32768];
	} reply;
	bool done = false, found = false;
	int fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);

	if (fd < 0)
		return false;
	if (sendto(fd, req, len, 0, (struct sockaddr *)&nl, sizeof(nl)) < 0)
		done = true;
	while (!done && !found) {
		ssize_t n = recv(fd, &reply, sizeof(reply), 0);
		int left = (int)n;

		if (n <= 0)
			break;
		for (const struct nlmsghdr *h = &reply.nlh; NLMSG_OK(h, left);
		     h = NLMSG_NEXT(h, left)) {
			if (h->nlmsg_type != SOCK_DIAG_BY_FAMILY) {
				done = true; /* NLMSG_DONE, NLMSG_ERROR */
				break;
			}
			if (fn(h, ctx)) {
				found = true;
				break;
			}
		}
		if (!(reply.nlh.nlmsg_flags & NLM_F_MULTI))
			done = true;
	}
	close(fd);
	return found;
}

struct inet_ctx {
	unsigned long ino;
	int family;
	const char *proto;
	struct strbuf *sb;
};

static void put_endpoint(struct strbuf *sb, int family, const __be32 *addr,
			 __be16 port)
{
	char host[INET6_ADDRSTRLEN] = "?";

	inet_ntop(family, addr, host, sizeof(host));
	sb_printf(sb, family == AF_INET6 ? "[%s]:%u" : "%s:%u", host,
		  ntohs(port));
}

/* TCP:[local->remote], or TCP:[local] when not connected. */
static bool inet_match(const struct nlmsghdr *h, void *ctx)
{
	const struct inet_diag_msg *m = NLMSG_DATA(h);
	struct inet_ctx *c = ctx;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*m)) || m->idiag_inode != c->ino)
		return false;
	if (!m->id.idiag_sport)
		return false; /* not bound: the inode number says it all */
	sb_printf(c->sb, "%s:[", c->proto);
	put_endpoint(c->sb, c->family, m->id.idiag_src, m->id.idiag_sport);
	if (m->id.idiag_dport) {
		sb_puts(c->sb, "->");
		put_endpoint(c->sb, c->family, m->id.idiag_dst,
			     m->id.idiag_dport);
	}
	sb_putc(c->sb, ']');
	return true;
}

static bool describe_inet(const char *proto, unsigned long ino,
			  struct strbuf *sb)
{
	struct {
		struct nlmsghdr nlh;
		struct inet_diag_req_v2 req;
	} msg = {
		.nlh = { .nlmsg_len = sizeof(msg),
			 .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			 .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP },
		.req = { .idiag_states = -1U },
	};
	struct inet_ctx c = { ino, AF_INET, proto, sb };
	bool v6 = strchr(proto, '6') != NULL;

	if (!strncmp(proto, "TCP", 3))
		msg.req.sdiag_protocol = IPPROTO_TCP;
	else if (!strncmp(proto, "UDPLITE", 7))
		msg.req.sdiag_protocol = IPPROTO_UDPLITE;
	else if (!strncmp(proto, "UDP", 3))
		msg.req.sdiag_protocol = IPPROTO_UDP;
	else
		return false;
	c.family = msg.req.sdiag_family = v6 ? AF_INET6 : AF_INET;
	return sock_diag(&msg, sizeof(msg), inet_match, &c);
}

struct unix_ctx {
	unsigned long ino;
	struct strbuf *sb;
	bool endpoints; /* a peer or a name: worth remembering */
};

/* UNIX-STREAM:[ino->peer,"path"] */
static bool unix_match(const struct nlmsghdr *h, void *ctx)
{
	const struct unix_diag_msg *m = NLMSG_DATA(h);
	struct unix_ctx *c = ctx;
	const struct rtattr *a = (const void *)(m + 1);
	int left = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*m));
	const char *type, *name = NULL;
	size_t namelen = 0;
	unsigned int peer = 0;

	if (left < 0 || m->udiag_ino != c->ino)
		return false;
	for (; RTA_OK(a, left); a = RTA_NEXT(a, left)) {
		if (a->rta_type == UNIX_DIAG_NAME) {
			name = RTA_DATA(a);
			namelen = RTA_PAYLOAD(a);
		} else if (a->rta_type == UNIX_DIAG_PEER &&
			   RTA_PAYLOAD(a) >= 4) {
			memcpy(&peer, RTA_DATA(a), 4);
		}
	}
	type = m->udiag_type == SOCK_STREAM    ? "STREAM" :
	       m->udiag_type == SOCK_DGRAM     ? "DGRAM" :
	       m->udiag_type == SOCK_SEQPACKET ? "SEQPACKET" : NULL;
	if (type)
		sb_printf(c->sb, "UNIX-%s:[%lu", type, c->ino);
	else
		sb_printf(c->sb, "UNIX:[%lu", c->ino);
	c->endpoints = peer || (name && namelen);
	if (peer)
		sb_printf(c->sb, "->%u", peer);
	if (name && namelen) {
		sb_putc(c->sb, ',');
		if (name[0] == '\0') { /* abstract: "@name" */
			sb_puts(c->sb, "\"@");
			quote_bytes(c->sb, (const unsigned char *)name + 1,
				    namelen - 1, QUOTE_BARE);
			sb_putc(c->sb, '"');
		} else {
			quote_bytes(c->sb, (const unsigned char *)name,
				    strnlen(name, namelen), 0);
		}
	}
	sb_putc(c->sb, ']');
	return true;
}

static bool describe_unix(unsigned long ino, struct strbuf *sb, bool *keep)
{
	struct {
		struct nlmsghdr nlh;
		struct unix_diag_req req;
	} msg = {
		.nlh = { .nlmsg_len = sizeof(msg),
			 .nlmsg_type = SOCK_DIAG_BY_FAMILY,
			 .nlmsg_flags = NLM_F_REQUEST },
		.req = { .sdiag_family = AF_UNIX,
			 .udiag_states = -1U,
			 .udiag_ino = (unsigned int)ino,
			 .udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
			 .udiag_cookie = { -1U, -1U } },
	};
	struct unix_ctx c = { ino, sb, false };
	bool found = sock_diag(&msg, sizeof(msg), unix_match, &c);

	*keep = c.endpoints;
	return found;
}

/* NETLINK:[ROUTE:portid] from /proc/PID/net/netlink. */
static bool describe_netlink(pid_t pid, unsigned long ino, struct strbuf *sb)
{
	char path[64], line[512];
	unsigned int proto, portid;
	unsigned long inode;
	bool found = false;
	FILE *fp;

	snprintf(path, sizeof(path), "/proc/%d/net/netlink", pid);
	fp = fopen(path, "re");
	if (!fp)
		return false;
	while (!found && fgets(line, sizeof(line), fp)) {
		const char *name;

		if (sscanf(line, "%*x %u %u %*x %*d %*d %*d %*d %*d %lu",
			   &proto, &portid, &inode) != 3 ||
		    inode != ino)
			continue;
		found = true;
		name = xlat_name(&xlat_netlink_protocols, proto);
		if (name && !strncmp(name, "NETLINK_", 8))
			sb_printf(sb, "NETLINK:[%s:%u]", name + 8, portid);
		else
			sb_printf(sb, "NETLINK:[%u:%u]", proto, portid);
	}
	fclose(fp);
	return found;
}

/*
 * A socket's endpoints, once found, are kept as strace keeps them: later
 * lines show the same text even when the peer has gone since.  A bare
 * "UNIX-STREAM:[INO]" is not kept (the socket may be bound later).
 */
#define SOCK_CACHE_SIZE 1024

static struct {
	unsigned long ino;
	char *text;
} sock_cache[SOCK_CACHE_SIZE];

static void remember(unsigned long ino, const char *text)
{
	size_t slot = ino % SOCK_CACHE_SIZE;

	free(sock_cache[slot].text);
	sock_cache[slot].ino = ino;
	sock_cache[slot].text = xstrdup(text);
}

/* -yy: "TCP:[...]" for "socket:[INO]", by the protocol's own name. */
static bool describe_socket(pid_t pid, const char *fdpath, unsigned long ino,
			    struct strbuf *sb)
{
	size_t slot = ino % SOCK_CACHE_SIZE, start = sb->len;
	bool keep = false;
	char proto[32];
	ssize_t n;

	if (sock_cache[slot].text && sock_cache[slot].ino == ino) {
		sb_puts(sb, sock_cache[slot].text);
		return true;
	}
	n = getxattr(fdpath, "system.sockprotoname", proto, sizeof(proto) - 1);
	if (n <= 0)
		return false;
	proto[n] = '\0';
	if (!strncmp(proto, "UNIX", 4) && describe_unix(ino, sb, &keep)) {
		if (keep)
			remember(ino, sb->buf + start);
		return true;
	}
	if ((!strcmp(proto, "NETLINK") && describe_netlink(pid, ino, sb)) ||
	    describe_inet(proto, ino, sb)) {
		remember(ino, sb->buf + start);
		return true;
	}
	sb_printf(sb, "%s:[%lu]", proto, ino);
	return true;
}

static void describe_link(pid_t pid, const char *fdpath, const char *target,
			  size_t len, struct strbuf *sb)
{
	static const char deleted[] = " (deleted)";
	size_t dl = sizeof(deleted) - 1;
	unsigned long ino;
	struct stat st;

	sb_putc(sb, '<');
	if (want(DECODE_FD_SOCKET) &&
	    sscanf(target, "socket:[%lu]", &ino) == 1 &&
	    describe_socket(pid, fdpath, ino, sb)) {
		sb_putc(sb, '>');
		return;
	}
	if (target[0] == '/' && len > dl &&
	    !memcmp(target + len - dl, deleted, dl) &&
	    stat(fdpath, &st) == 0 && st.st_nlink == 0) {
		put_path(sb, target, len - dl);
		sb_puts(sb, ">(deleted)");
		return;
	}
	put_path(sb, target, len);
	if (want(DECODE_FD_DEV) && target[0] == '/' &&
	    stat(fdpath, &st) == 0 &&
	    (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
		sb_printf(sb, "<%s %u:%u>", S_ISCHR(st.st_mode) ? "char" : "block",
			  major(st.st_rdev), minor(st.st_rdev));
	sb_putc(sb, '>');
}

bool fdinfo_describe(pid_t pid, int fd, struct strbuf *sb)
{
	char fdpath[64], target[4096];
	ssize_t n;

	if ((fd < 0 && fd != FDINFO_CWD) || !fdinfo_enabled())
		return false;
	if (fd == FDINFO_CWD)
		snprintf(fdpath, sizeof(fdpath), "/proc/%d/cwd", pid);
	else
		snprintf(fdpath, sizeof(fdpath), "/proc/%d/fd/%d", pid, fd);
	n = readlink(fdpath, target, sizeof(target) - 1);
	if (n <= 0)
		return false;
	target[n] = '\0';
	describe_link(pid, fdpath, target, (size_t)n, sb);
	return true;
}
