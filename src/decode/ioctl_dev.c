/*
 * The structures of device ioctls: network interfaces (struct ifreq,
 * struct ifconf) and loop devices (loop_info, loop_info64, loop_config).
 */
#include <linux/loop.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stddef.h>
#include <string.h>

#include "decode.h"
#include "strquote.h"

#define IFREQ_SIZE ((int)sizeof(struct ifreq))

/* A fixed-size name field: up to its first NUL. */
static void print_name_field(struct tracee *tp, const char *name, const char *s,
			     size_t size)
{
	emit_field(tp, name);
	emit_bytes(tp, s, strnlen(s, size), 0);
}

/* {sa_family=ARPHRD_ETHER, sa_data=00:11:22:33:44:55} */
static void print_hwaddr(struct tracee *tp, const struct sockaddr *sa)
{
	struct strbuf sb = { 0 };

	emit_struct_begin(tp);
	emit_field(tp, "sa_family");
	emit_enum(tp, &xlat_arp_hardware_types, sa->sa_family);
	for (int i = 0; i < 6; i++)
		sb_printf(&sb, "%s%02x", i ? ":" : "",
			  (unsigned char)sa->sa_data[i]);
	emit_field(tp, "sa_data");
	emit_sym(tp, sb.buf);
	sb_free(&sb);
	emit_struct_end(tp);
}

static void print_ifmap(struct tracee *tp, const struct ifmap *m)
{
	emit_struct_begin(tp);
	emit_field(tp, "mem_start");
	emit_hex(tp, m->mem_start);
	emit_field(tp, "mem_end");
	emit_hex(tp, m->mem_end);
	emit_field(tp, "base_addr");
	emit_hex(tp, m->base_addr);
	emit_field_uint(tp, "irq", m->irq);
	emit_field_uint(tp, "dma", m->dma);
	emit_field_uint(tp, "port", m->port);
	emit_struct_end(tp);
}

/* The member of the ifreq union that CMD reads or writes. */
static void print_ifreq_value(struct tracee *tp, unsigned int cmd,
			      unsigned long addr, const struct ifreq *r)
{
	unsigned long sa = addr + offsetof(struct ifreq, ifr_addr);

	switch (cmd) {
	case SIOCGIFNAME:
		print_name_field(tp, "ifr_name", r->ifr_name,
				 sizeof(r->ifr_name));
		break;
	case SIOCGIFINDEX:
		emit_field_int(tp, "ifr_ifindex", r->ifr_ifindex);
		break;
	case SIOCGIFFLAGS:
	case SIOCSIFFLAGS:
		emit_field(tp, "ifr_flags");
		emit_flags(tp, &xlat_iff_flags, (unsigned short)r->ifr_flags);
		break;
	case SIOCGIFMTU:
	case SIOCSIFMTU:
		emit_field_int(tp, "ifr_mtu", r->ifr_mtu);
		break;
	case SIOCGIFMETRIC:
	case SIOCSIFMETRIC:
		emit_field_int(tp, "ifr_metric", r->ifr_metric);
		break;
	case SIOCGIFTXQLEN:
	case SIOCSIFTXQLEN:
		emit_field_int(tp, "ifr_qlen", r->ifr_qlen);
		break;
	case SIOCGIFADDR:
	case SIOCSIFADDR:
		emit_field(tp, "ifr_addr");
		print_sockaddr(tp, sa, sizeof(r->ifr_addr));
		break;
	case SIOCGIFNETMASK:
	case SIOCSIFNETMASK:
		emit_field(tp, "ifr_netmask");
		print_sockaddr(tp, sa, sizeof(r->ifr_addr));
		break;
	case SIOCGIFBRDADDR:
	case SIOCSIFBRDADDR:
		emit_field(tp, "ifr_broadaddr");
		print_sockaddr(tp, sa, sizeof(r->ifr_addr));
		break;
	case SIOCGIFDSTADDR:
	case SIOCSIFDSTADDR:
		emit_field(tp, "ifr_dstaddr");
		print_sockaddr(tp, sa, sizeof(r->ifr_addr));
		break;
	case SIOCGIFHWADDR:
	case SIOCSIFHWADDR:
		emit_field(tp, "ifr_hwaddr");
		print_hwaddr(tp, &r->ifr_hwaddr);
		break;
	case SIOCGIFMAP:
	case SIOCSIFMAP:
		emit_field(tp, "ifr_map");
		print_ifmap(tp, &r->ifr_map);
		break;
	case SIOCSIFNAME:
		print_name_field(tp, "ifr_newname", r->ifr_newname,
				 sizeof(r->ifr_newname));
		break;
	}
}

bool ifreq_cmd(unsigned int cmd, bool *out)
{
	switch (cmd) {
	case SIOCGIFNAME:
	case SIOCGIFINDEX:
	case SIOCGIFFLAGS:
	case SIOCGIFMTU:
	case SIOCGIFMETRIC:
	case SIOCGIFTXQLEN:
	case SIOCGIFADDR:
	case SIOCGIFNETMASK:
	case SIOCGIFBRDADDR:
	case SIOCGIFDSTADDR:
	case SIOCGIFHWADDR:
	case SIOCGIFMAP:
		*out = true;
		return true;
	case SIOCSIFFLAGS:
	case SIOCSIFMTU:
	case SIOCSIFMETRIC:
	case SIOCSIFTXQLEN:
	case SIOCSIFADDR:
	case SIOCSIFNETMASK:
	case SIOCSIFBRDADDR:
	case SIOCSIFDSTADDR:
	case SIOCSIFHWADDR:
	case SIOCSIFMAP:
	case SIOCSIFNAME:
		*out = false;
		return true;
	}
	return false;
}

/*
 * Entry: {ifr_name="lo", VALUE} for a set; for a get, what identifies the
 * interface ({ifr_name="lo" or {ifr_ifindex=1) and the structure stays
 * open for the exit.  Returns whether it is still open.
 */
bool print_ifreq_entry(struct tracee *tp, unsigned int cmd, unsigned long addr,
		       bool out)
{
	struct ifreq r;

	if (!fetch_or_addr(tp, addr, &r, sizeof(r)))
		return false;
	emit_struct_begin(tp);
	if (cmd == SIOCGIFNAME)
		emit_field_int(tp, "ifr_ifindex", r.ifr_ifindex);
	else
		print_name_field(tp, "ifr_name", r.ifr_name,
				 sizeof(r.ifr_name));
	if (out)
		return true;
	print_ifreq_value(tp, cmd, addr, &r);
	emit_struct_end(tp);
	return false;
}

/* Exit of a get whose entry left the structure open. */
void print_ifreq_exit(struct tracee *tp, unsigned int cmd, unsigned long addr)
{
	struct ifreq r;

	if (!syserr(tp) && fetch(tp, addr, &r, sizeof(r)))
		print_ifreq_value(tp, cmd, addr, &r);
	emit_struct_end(tp);
}

static void print_ifconf_elem(struct tracee *tp, const void *elem,
			      unsigned long i, void *ctx)
{
	const struct ifreq *r = elem;
	unsigned long *base = ctx;

	emit_struct_begin(tp);
	print_name_field(tp, "ifr_name", r->ifr_name, sizeof(r->ifr_name));
	emit_field(tp, "ifr_addr");
	print_sockaddr(
		tp, *base + i * IFREQ_SIZE + offsetof(struct ifreq, ifr_addr),
		sizeof(r->ifr_addr));
	emit_struct_end(tp);
}

/* 80 /- 2 * sizeof(struct ifreq) -/ */
static void print_ifc_len(struct tracee *tp, int len)
{
	emit_int(tp, len);
	if (len > 0 && len % IFREQ_SIZE == 0)
		emit_comment(tp, "%d * sizeof(struct ifreq)", len / IFREQ_SIZE);
}

/*
 * SIOCGIFCONF: {ifc_len=1024 => 80, ifc_buf=[...]}.  With a NULL buffer
 * the kernel only says how much it needs: {ifc_len=80, ifc_buf=NULL}.
 * aux[0] keeps the length given.
 */
bool print_ifconf_entry(struct tracee *tp, unsigned long addr)
{
	struct ifconf c;

	if (!fetch_or_addr(tp, addr, &c, sizeof(c)))
		return false;
	tp->aux[0] = (unsigned int)c.ifc_len;
	emit_struct_begin(tp);
	if (c.ifc_buf) {
		emit_field(tp, "ifc_len");
		print_ifc_len(tp, c.ifc_len);
	}
	return true;
}

void print_ifconf_exit(struct tracee *tp, unsigned long addr)
{
	struct ifconf c;
	struct ifreq r;
	unsigned long base;

	if (!fetch(tp, addr, &c, sizeof(c))) {
		emit_struct_end(tp);
		return;
	}
	if (!c.ifc_buf) {
		emit_field(tp, "ifc_len");
		print_ifc_len(tp, syserr(tp) ? (int)tp->aux[0] : c.ifc_len);
		emit_field(tp, "ifc_buf");
		emit_ptr(tp, 0);
		emit_struct_end(tp);
		return;
	}
	if (syserr(tp)) {
		emit_field(tp, "ifc_buf");
		emit_ptr(tp, (unsigned long)c.ifc_buf);
		emit_struct_end(tp);
		return;
	}
	if ((unsigned int)c.ifc_len != tp->aux[0]) {
		emit_arrow(tp);
		print_ifc_len(tp, c.ifc_len);
	}
	emit_field(tp, "ifc_buf");
	base = (unsigned long)c.ifc_buf;
	print_array(tp, base, c.ifc_len > 0 ? c.ifc_len / IFREQ_SIZE : 0, &r,
		    sizeof(r), print_ifconf_elem, &base);
	emit_struct_end(tp);
}

static void print_lo_flags(struct tracee *tp, unsigned int flags)
{
	emit_field(tp, "lo_flags");
	emit_flags(tp, &xlat_loop_flags, flags);
}

/* The encryption fields, when any is set; then "..." */
static void print_lo_crypt(struct tracee *tp, unsigned int type,
			   unsigned int key_size)
{
	if (type) {
		emit_field(tp, "lo_encrypt_type");
		emit_enum(tp, &xlat_loop_crypt_types, type);
	}
	if (key_size) {
		emit_field(tp, "lo_encrypt_key_size");
		emit_uint(tp, key_size);
	}
}

static void print_lo_key(struct tracee *tp, const unsigned char *key,
			 unsigned int key_size)
{
	if (!key_size)
		return;
	if (key_size > LO_KEY_SIZE)
		key_size = LO_KEY_SIZE;
	emit_field(tp, "lo_encrypt_key");
	emit_bytes(tp, key, key_size, 0);
}

static void print_loop_info64_val(struct tracee *tp,
				  const struct loop_info64 *li)
{
	emit_struct_begin(tp);
	emit_field(tp, "lo_offset");
	emit_hex(tp, li->lo_offset);
	emit_field_uint(tp, "lo_number", li->lo_number);
	print_lo_crypt(tp, li->lo_encrypt_type, li->lo_encrypt_key_size);
	print_lo_flags(tp, li->lo_flags);
	print_name_field(tp, "lo_file_name", (const char *)li->lo_file_name,
			 sizeof(li->lo_file_name));
	if (li->lo_crypt_name[0])
		print_name_field(tp, "lo_crypt_name",
				 (const char *)li->lo_crypt_name,
				 sizeof(li->lo_crypt_name));
	print_lo_key(tp, li->lo_encrypt_key, li->lo_encrypt_key_size);
	emit_ellipsis(tp);
	emit_struct_end(tp);
}

void print_loop_info64(struct tracee *tp, unsigned long addr)
{
	struct loop_info64 li;

	if (fetch_or_addr(tp, addr, &li, sizeof(li)))
		print_loop_info64_val(tp, &li);
}

void print_loop_info(struct tracee *tp, unsigned long addr)
{
	struct loop_info li;

	if (!fetch_or_addr(tp, addr, &li, sizeof(li)))
		return;
	emit_struct_begin(tp);
	emit_field_int(tp, "lo_number", li.lo_number);
	emit_field(tp, "lo_offset");
	emit_hex(tp, (unsigned int)li.lo_offset);
	print_lo_crypt(tp, li.lo_encrypt_type, li.lo_encrypt_key_size);
	print_lo_flags(tp, li.lo_flags);
	print_name_field(tp, "lo_name", li.lo_name, sizeof(li.lo_name));
	print_lo_key(tp, li.lo_encrypt_key, li.lo_encrypt_key_size);
	emit_ellipsis(tp);
	emit_struct_end(tp);
}

void print_loop_config(struct tracee *tp, unsigned long addr)
{
	struct loop_config lc;

	if (!fetch_or_addr(tp, addr, &lc, sizeof(lc)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "fd");
	print_fd(tp, (int)lc.fd);
	emit_field_uint(tp, "block_size", lc.block_size);
	emit_field(tp, "info");
	print_loop_info64_val(tp, &lc.info);
	emit_struct_end(tp);
}
