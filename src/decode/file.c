/* Files: open family, the stat family, statfs, directory reads. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include "decode.h"
#include "qualify.h"
#include "strquote.h"

#ifndef O_TMPFILE
# define O_TMPFILE 020200000
#endif

static bool open_has_mode(unsigned int flags)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
}

static void print_open_tail(struct tracee *tp, int flags_arg)
{
	unsigned int flags = tp->args[flags_arg];

	emit_flags(tp, &xlat_open_flags, flags);
	if (open_has_mode(flags))
		emit_oct(tp, (unsigned int)tp->args[flags_arg + 1]);
}

int decode_open(struct tracee *tp, int exiting)
{
	print_path(tp, tp->args[0]);
	print_open_tail(tp, 1);
	return DEC_DONE;
}

int decode_openat(struct tracee *tp, int exiting)
{
	print_dirfd(tp, (int)tp->args[0]);
	print_path(tp, tp->args[1]);
	print_open_tail(tp, 2);
	return DEC_DONE;
}

int decode_creat(struct tracee *tp, int exiting)
{
	print_path(tp, tp->args[0]);
	emit_oct(tp, (unsigned int)tp->args[1]);
	return DEC_DONE;
}

static void stat_size_or_rdev(struct tracee *tp, const struct stat *st)
{
	if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
		emit_field(tp, "st_rdev");
		print_dev(tp, st->st_rdev);
	} else {
		emit_field(tp, "st_size");
		emit_int(tp, st->st_size);
	}
}

/* -v: every field, times with their dates, as strace -v prints them. */
static void print_stat_whole(struct tracee *tp, const struct stat *st)
{
	emit_field(tp, "st_dev");
	print_dev(tp, st->st_dev);
	emit_field(tp, "st_ino");
	emit_uint(tp, st->st_ino);
	emit_field(tp, "st_mode");
	print_mode(tp, st->st_mode);
	emit_field(tp, "st_nlink");
	emit_uint(tp, st->st_nlink);
	emit_field(tp, "st_uid");
	emit_uint(tp, st->st_uid);
	emit_field(tp, "st_gid");
	emit_uint(tp, st->st_gid);
	emit_field(tp, "st_blksize");
	emit_int(tp, st->st_blksize);
	emit_field(tp, "st_blocks");
	emit_int(tp, st->st_blocks);
	stat_size_or_rdev(tp, st);
	print_time_field(tp, "st_atime", st->st_atim.tv_sec,
			 st->st_atim.tv_nsec);
	emit_field(tp, "st_atime_nsec");
	emit_int(tp, st->st_atim.tv_nsec);
	print_time_field(tp, "st_mtime", st->st_mtim.tv_sec,
			 st->st_mtim.tv_nsec);
	emit_field(tp, "st_mtime_nsec");
	emit_int(tp, st->st_mtim.tv_nsec);
	print_time_field(tp, "st_ctime", st->st_ctim.tv_sec,
			 st->st_ctim.tv_nsec);
	emit_field(tp, "st_ctime_nsec");
	emit_int(tp, st->st_ctim.tv_nsec);
}

/* strace's abbreviated form (without -v): type and size, or the device. */
void print_stat(struct tracee *tp, unsigned long addr)
{
	struct stat st;

	if (!fetch_or_addr(tp, addr, &st, sizeof(st)))
		return;
	emit_struct_begin(tp);
	if (verbose(tp)) {
		print_stat_whole(tp, &st);
	} else {
		emit_field(tp, "st_mode");
		print_mode(tp, st.st_mode);
		stat_size_or_rdev(tp, &st);
		emit_ellipsis(tp);
	}
	emit_struct_end(tp);
}

static void print_statx_ts(struct tracee *tp, const char *name,
			   const struct statx_timestamp *ts)
{
	struct strbuf sb = { 0 };

	emit_field(tp, name);
	emit_struct_begin(tp);
	emit_field(tp, "tv_sec");
	emit_int(tp, ts->tv_sec);
	emit_field(tp, "tv_nsec");
	emit_uint(tp, ts->tv_nsec);
	emit_struct_end(tp);
	format_time_ns(&sb, ts->tv_sec, ts->tv_nsec);
	emit_comment(tp, "%s", sb.buf);
	sb_free(&sb);
}

/* -v: strace's order, which is not the structure's. */
static void print_statx_whole(struct tracee *tp, const struct statx *stx)
{
	emit_field(tp, "stx_mask");
	emit_flags(tp, &xlat_statx_mask, stx->stx_mask);
	emit_field(tp, "stx_blksize");
	emit_uint(tp, stx->stx_blksize);
	emit_field(tp, "stx_attributes");
	emit_flags(tp, &xlat_statx_attrs, stx->stx_attributes);
	emit_field(tp, "stx_nlink");
	emit_uint(tp, stx->stx_nlink);
	emit_field(tp, "stx_uid");
	emit_uint(tp, stx->stx_uid);
	emit_field(tp, "stx_gid");
	emit_uint(tp, stx->stx_gid);
	emit_field(tp, "stx_mode");
	print_mode(tp, stx->stx_mode);
	emit_field(tp, "stx_ino");
	emit_uint(tp, stx->stx_ino);
	emit_field(tp, "stx_size");
	emit_uint(tp, stx->stx_size);
	emit_field(tp, "stx_blocks");
	emit_uint(tp, stx->stx_blocks);
	emit_field(tp, "stx_attributes_mask");
	emit_flags(tp, &xlat_statx_attrs, stx->stx_attributes_mask);
	print_statx_ts(tp, "stx_atime", &stx->stx_atime);
	if (stx->stx_mask & STATX_BTIME) /* as strace: only if known */
		print_statx_ts(tp, "stx_btime", &stx->stx_btime);
	print_statx_ts(tp, "stx_ctime", &stx->stx_ctime);
	print_statx_ts(tp, "stx_mtime", &stx->stx_mtime);
	emit_field(tp, "stx_rdev_major");
	emit_uint(tp, stx->stx_rdev_major);
	emit_field(tp, "stx_rdev_minor");
	emit_uint(tp, stx->stx_rdev_minor);
	emit_field(tp, "stx_dev_major");
	emit_uint(tp, stx->stx_dev_major);
	emit_field(tp, "stx_dev_minor");
	emit_uint(tp, stx->stx_dev_minor);
	emit_field(tp, "stx_mnt_id");
	emit_hex(tp, stx->stx_mnt_id);
}

void print_statx(struct tracee *tp, unsigned long addr)
{
	struct statx stx;

	if (!fetch_or_addr(tp, addr, &stx, sizeof(stx)))
		return;
	emit_struct_begin(tp);
	if (verbose(tp)) {
		print_statx_whole(tp, &stx);
	} else {
		emit_field(tp, "stx_mask");
		emit_flags(tp, &xlat_statx_mask, stx.stx_mask);
		emit_field(tp, "stx_attributes");
		emit_flags(tp, &xlat_statx_attrs, stx.stx_attributes);
		emit_field(tp, "stx_mode");
		print_mode(tp, stx.stx_mode);
		emit_field(tp, "stx_size");
		emit_uint(tp, stx.stx_size);
		emit_ellipsis(tp);
	}
	emit_struct_end(tp);
}

void print_statfs(struct tracee *tp, unsigned long addr)
{
	struct statfs sf;

	if (!fetch_or_addr(tp, addr, &sf, sizeof(sf)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "f_type");
	emit_enum(tp, &xlat_fsmagic, (unsigned long)sf.f_type);
	emit_field(tp, "f_bsize");
	emit_int(tp, sf.f_bsize);
	emit_field(tp, "f_blocks");
	emit_uint(tp, sf.f_blocks);
	emit_field(tp, "f_bfree");
	emit_uint(tp, sf.f_bfree);
	emit_field(tp, "f_bavail");
	emit_uint(tp, sf.f_bavail);
	emit_field(tp, "f_files");
	emit_uint(tp, sf.f_files);
	emit_field(tp, "f_ffree");
	emit_uint(tp, sf.f_ffree);
	emit_field(tp, "f_fsid");
	emit_struct_begin(tp);
	emit_field(tp, "val");
	emit_array_begin(tp);
	emit_hex(tp, (unsigned int)sf.f_fsid.__val[0]);
	emit_hex(tp, (unsigned int)sf.f_fsid.__val[1]);
	emit_array_end(tp);
	emit_struct_end(tp);
	emit_field(tp, "f_namelen");
	emit_int(tp, sf.f_namelen);
	emit_field(tp, "f_frsize");
	emit_int(tp, sf.f_frsize);
	emit_field(tp, "f_flags");
	emit_flags(tp, &xlat_statfs_flags, (unsigned long)sf.f_flags);
	emit_struct_end(tp);
}

/* struct linux_dirent64: d_ino 8, d_off 8, d_reclen 2, d_type 1, d_name */
#define DIRENT64_RECLEN_OFF 16
#define DIRENT64_MIN 19
#define DIRENTS_MAX (1024 * 1024)

/* -v: each record, as {d_ino=.., d_off=.., d_reclen=.., d_type=..,
 * d_name=".."}. */
static void print_dirent_records(struct tracee *tp, const unsigned char *buf,
				 unsigned long len)
{
	emit_array_begin(tp);
	for (unsigned long off = 0; off + DIRENT64_MIN <= len;) {
		const unsigned char *d = buf + off;
		unsigned short reclen = d[DIRENT64_RECLEN_OFF] |
					d[DIRENT64_RECLEN_OFF + 1] << 8;
		unsigned long long ino;
		long long doff;

		if (reclen < DIRENT64_MIN || off + reclen > len)
			break;
		memcpy(&ino, d, sizeof(ino));
		memcpy(&doff, d + 8, sizeof(doff));
		emit_struct_begin(tp);
		emit_field(tp, "d_ino");
		emit_uint(tp, ino);
		emit_field(tp, "d_off");
		emit_int(tp, doff);
		emit_field(tp, "d_reclen");
		emit_uint(tp, reclen);
		emit_field(tp, "d_type");
		emit_enum(tp, &xlat_dirent_types, d[18]);
		emit_field(tp, "d_name");
		emit_bytes(tp, d + 19,
			   strnlen((const char *)d + 19, reclen - 19), 0);
		emit_struct_end(tp);
		off += reclen;
	}
	emit_array_end(tp);
}

void print_dirents(struct tracee *tp, unsigned long addr)
{
	unsigned long len = tp->rval;
	unsigned long count = 0;
	unsigned char *buf;

	if (len > DIRENTS_MAX || !qual_verbose(tp->scno)) {
		emit_ptr(tp, addr);
		return;
	}
	buf = malloc(len ? len : 1);
	if (!buf || !fetch(tp, addr, buf, len)) {
		free(buf);
		emit_ptr(tp, addr);
		if (len)
			return;
		buf = NULL;
	} else if (verbose(tp)) {
		print_dirent_records(tp, buf, len);
		free(buf);
		return;
	} else {
		emit_ptr(tp, addr);
	}
	for (unsigned long off = 0; buf && off + DIRENT64_MIN <= len; count++) {
		unsigned short reclen;

		reclen = buf[off + DIRENT64_RECLEN_OFF] |
			 buf[off + DIRENT64_RECLEN_OFF + 1] << 8;
		if (reclen < DIRENT64_MIN)
			break;
		off += reclen;
	}
	free(buf);
	emit_comment(tp, "%lu entries", count);
}

/* " /- 2026-11-21T19:53:02.000000005+0000 -/" after a time of a file. */
static void time_comment(struct tracee *tp, long long sec, long frac,
			 int digits)
{
	struct strbuf sb = { 0 };
	size_t at;

	format_time(&sb, sec);
	if (frac) {
		/* The fraction goes before the zone: "+0000" is 5 wide. */
		at = sb.len >= 5 ? sb.len - 5 : sb.len;
		struct strbuf t = { 0 };

		sb_add(&t, sb.buf, at);
		sb_printf(&t, ".%0*ld%s", digits, frac, sb.buf + at);
		sb_free(&sb);
		sb = t;
	}
	emit_comment(tp, "%s", sb.buf);
	sb_free(&sb);
}

#define UTIME_NOW_ ((1L << 30) - 1)
#define UTIME_OMIT_ ((1L << 30) - 2)

/* utimensat: [{tv_sec=1, tv_nsec=2} /- ... -/, UTIME_NOW] */
void print_utimespec2(struct tracee *tp, unsigned long addr)
{
	long long ts[2][2];

	if (!fetch_or_addr(tp, addr, ts, sizeof(ts)))
		return;
	emit_array_begin(tp);
	for (int i = 0; i < 2; i++) {
		if (ts[i][1] == UTIME_NOW_) {
			emit_sym(tp, "UTIME_NOW");
			continue;
		}
		if (ts[i][1] == UTIME_OMIT_) {
			emit_sym(tp, "UTIME_OMIT");
			continue;
		}
		emit_struct_begin(tp);
		emit_field(tp, "tv_sec");
		emit_int(tp, ts[i][0]);
		emit_field(tp, "tv_nsec");
		emit_int(tp, ts[i][1]);
		emit_struct_end(tp);
		if (ts[i][1] >= 0 && ts[i][1] < 1000000000)
			time_comment(tp, ts[i][0], ts[i][1], 9);
	}
	emit_array_end(tp);
}

/* utimes, futimesat: [{tv_sec=1, tv_usec=2} /- ... -/, ...] */
void print_utimeval2(struct tracee *tp, unsigned long addr)
{
	long long tv[2][2];

	if (!fetch_or_addr(tp, addr, tv, sizeof(tv)))
		return;
	emit_array_begin(tp);
	for (int i = 0; i < 2; i++) {
		print_timeval_val(tp, tv[i][0], tv[i][1]);
		if (tv[i][1] >= 0 && tv[i][1] < 1000000)
			time_comment(tp, tv[i][0], tv[i][1], 6);
	}
	emit_array_end(tp);
}

void print_utimbuf(struct tracee *tp, unsigned long addr)
{
	long long ub[2];

	if (!fetch_or_addr(tp, addr, ub, sizeof(ub)))
		return;
	emit_struct_begin(tp);
	emit_field(tp, "actime");
	emit_int(tp, ub[0]);
	time_comment(tp, ub[0], 0, 0);
	emit_field(tp, "modtime");
	emit_int(tp, ub[1]);
	time_comment(tp, ub[1], 0, 0);
	emit_struct_end(tp);
}

/* The device number only for the device types. */
static void print_mknod_tail(struct tracee *tp, int mode_arg)
{
	unsigned int mode = tp->args[mode_arg];

	print_mode(tp, mode);
	if (S_ISCHR(mode) || S_ISBLK(mode))
		print_dev(tp, tp->args[mode_arg + 1]);
}

int decode_mknod(struct tracee *tp, int exiting)
{
	print_path(tp, tp->args[0]);
	print_mknod_tail(tp, 1);
	return DEC_DONE;
}

int decode_mknodat(struct tracee *tp, int exiting)
{
	print_dirfd(tp, (int)tp->args[0]);
	print_path(tp, tp->args[1]);
	print_mknod_tail(tp, 2);
	return DEC_DONE;
}

/* MAX_HANDLE_SZ: strace shows at most this much of f_handle, whatever -s. */
#define HANDLE_SHOWN_MAX 128

struct file_handle_hdr {
	unsigned int handle_bytes;
	int handle_type;
};

/* handle_type=1, f_handle="\x5d\x03..." (the header already read). */
static void print_handle_rest(struct tracee *tp, unsigned long addr,
			      const struct file_handle_hdr *h)
{
	unsigned char buf[HANDLE_SHOWN_MAX];
	size_t n =
		h->handle_bytes < sizeof(buf) ? h->handle_bytes : sizeof(buf);

	emit_field_int(tp, "handle_type", h->handle_type);
	emit_field(tp, "f_handle");
	if (n && !fetch(tp, addr + sizeof(*h), buf, n)) {
		emit_sym(tp, "???");
		return;
	}
	emit_bytes(tp, buf, n,
		   QUOTE_HEX_ALL | (h->handle_bytes > n ? QUOTE_ELLIPSIS : 0));
}

/*
 * name_to_handle_at(dirfd, path, {handle_bytes=128 => 8, handle_type=1,
 * f_handle="..."}, [mount_id], flags): handle_bytes is what the caller
 * has room for, and what the kernel needs or used.  aux[0] holds the
 * size given, ~0 when the structure could not be read.
 */
int decode_name_to_handle_at(struct tracee *tp, int exiting)
{
	struct file_handle_hdr h;

	if (!exiting) {
		print_dirfd(tp, (int)tp->args[0]);
		print_path(tp, tp->args[1]);
		if (!fetch_or_addr(tp, tp->args[2], &h, sizeof(h))) {
			tp->aux[0] = ~0UL;
			return DEC_MORE;
		}
		tp->aux[0] = h.handle_bytes;
		emit_struct_begin(tp);
		emit_field_uint(tp, "handle_bytes", h.handle_bytes);
		return DEC_INOUT;
	}
	if (tp->aux[0] != ~0UL) {
		if (fetch(tp, tp->args[2], &h, sizeof(h))) {
			if (h.handle_bytes != tp->aux[0]) {
				emit_arrow(tp);
				emit_uint(tp, h.handle_bytes);
			}
			if (!syserr(tp))
				print_handle_rest(tp, tp->args[2], &h);
		}
		emit_struct_end(tp);
	}
	if (syserr(tp))
		emit_ptr(tp, tp->args[3]);
	else
		print_int_at(tp, tp->args[3]);
	emit_flags(tp, &xlat_name_to_handle_at_flags,
		   (unsigned int)tp->args[4]);
	return RET_DEC;
}

int decode_open_by_handle_at(struct tracee *tp, int exiting)
{
	struct file_handle_hdr h;

	print_fd(tp, (int)tp->args[0]);
	if (fetch_or_addr(tp, tp->args[1], &h, sizeof(h))) {
		emit_struct_begin(tp);
		emit_field_uint(tp, "handle_bytes", h.handle_bytes);
		print_handle_rest(tp, tp->args[1], &h);
		emit_struct_end(tp);
	}
	emit_flags(tp, &xlat_open_flags, (unsigned int)tp->args[2]);
	return DEC_DONE;
}
