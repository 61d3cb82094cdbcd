/*
 * Files: directories, the stat family, links, renames with flags, modes
 * and owners, truncate, file times, syncing, fallocate, xattrs, inotify,
 * access checks, mknod.  Prints the trace lines it expects between the
 * markers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/time.h>
#include <sys/xattr.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "expect.h"

static char *bad;
static char dir[64], path[128], path2[128], path3[128];

/* A file time as strace comments it, in the time zone we share with it. */
static const char *when(long sec, long frac, int digits)
{
	static char buf[4][96];
	static int n;
	char *b = buf[n++ % 4];
	char date[64], zone[16];
	time_t t = sec;
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(date, sizeof(date), "%FT%T", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	if (frac)
		snprintf(b, sizeof(buf[0]), "%s.%0*ld%s", date, digits, frac,
			 zone);
	else
		snprintf(b, sizeof(buf[0]), "%s%s", date, zone);
	return b;
}

static void names(void)
{
	struct stat st;
	char buf[64];
	long rc;

	rc = mkdir(dir, 0755);
	expect("mkdir(\"%s\", 0755) = %ld", dir, rc);
	snprintf(path, sizeof(path), "%s/sub", dir);
	rc = mkdirat(AT_FDCWD, path, 0700);
	expect("mkdirat(AT_FDCWD, \"%s\", 0700) = %ld", path, rc);
	rc = rmdir(path);
	expect("rmdir(\"%s\") = %ld", path, rc);
	rc = rmdir(path);
	expect("rmdir(\"%s\") = %s", path, res(rc, errno));

	snprintf(path, sizeof(path), "%s/f", dir);
	snprintf(path2, sizeof(path2), "%s/g", dir);
	snprintf(path3, sizeof(path3), "%s/h", dir);
	int fd = open(path, O_CREAT | O_RDWR | O_EXCL, 0644);
	expect("openat(AT_FDCWD, \"%s\", O_RDWR|O_CREAT|O_EXCL, 0644) = %d",
	       path, fd);
	write(fd, "data", 4);
	expect("write(%d, \"data\", 4) = 4", fd);
	rc = syscall(SYS_stat, path, &st);
	expect("stat(\"%s\", {st_mode=S_IFREG|0644, st_size=4, ...}) = %ld",
	       path, rc);
	rc = syscall(SYS_fstat, fd, &st);
	expect("fstat(%d, {st_mode=S_IFREG|0644, st_size=4, ...}) = %ld", fd,
	       rc);
	rc = syscall(SYS_newfstatat, AT_FDCWD, dir, &st,
		     AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT);
	expect("newfstatat(AT_FDCWD, \"%s\", {st_mode=S_IFDIR|0755, "
	       "st_size=%ld, ...}, AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT) = %ld",
	       dir, (long)st.st_size, rc);
	rc = syscall(SYS_lstat, bad, &st);
	expect("lstat(%p, %p) = %s", bad, (void *)&st, res(rc, errno));
	rc = syscall(SYS_stat, "/", bad);
	expect("stat(\"/\", %p) = %s", bad, res(rc, errno));
	struct statx sx;
	rc = statx(AT_FDCWD, path3, AT_STATX_SYNC_AS_STAT, STATX_ALL, &sx);
	expect("statx(AT_FDCWD, \"%s\", AT_STATX_SYNC_AS_STAT, STATX_ALL, %p) "
	       "= %s",
	       path3, (void *)&sx, res(rc, errno));

	rc = link(path, path2);
	expect("link(\"%s\", \"%s\") = %ld", path, path2, rc);
	rc = linkat(AT_FDCWD, path, AT_FDCWD, path3, AT_SYMLINK_FOLLOW);
	expect("linkat(AT_FDCWD, \"%s\", AT_FDCWD, \"%s\", AT_SYMLINK_FOLLOW) "
	       "= %ld",
	       path, path3, rc);
	rc = unlinkat(AT_FDCWD, path3, 0);
	expect("unlinkat(AT_FDCWD, \"%s\", 0) = %ld", path3, rc);
	rc = symlink("f", path3);
	expect("symlink(\"f\", \"%s\") = %ld", path3, rc);
	rc = readlink(path3, buf, sizeof(buf));
	expect("readlink(\"%s\", \"f\", 64) = %ld", path3, rc);
	rc = readlinkat(AT_FDCWD, path, buf, sizeof(buf));
	expect("readlinkat(AT_FDCWD, \"%s\", %p, 64) = %s", path, (void *)buf,
	       res(rc, errno));
	rc = lchown(path3, -1, -1);
	expect("lchown(\"%s\", -1, -1) = %ld", path3, rc);
	rc = unlink(path3);
	expect("unlink(\"%s\") = %ld", path3, rc);
	rc = symlinkat("f", AT_FDCWD, path3);
	expect("symlinkat(\"f\", AT_FDCWD, \"%s\") = %ld", path3, rc);
	rc = renameat2(AT_FDCWD, path2, AT_FDCWD, path3, RENAME_NOREPLACE);
	expect("renameat2(AT_FDCWD, \"%s\", AT_FDCWD, \"%s\", "
	       "RENAME_NOREPLACE) "
	       "= %s",
	       path2, path3, res(rc, errno));
	rc = syscall(SYS_renameat2, AT_FDCWD, path2, AT_FDCWD, path3,
		     RENAME_EXCHANGE | RENAME_WHITEOUT | 8);
	expect("renameat2(AT_FDCWD, \"%s\", AT_FDCWD, \"%s\", RENAME_EXCHANGE|"
	       "RENAME_WHITEOUT|0x8) = %s",
	       path2, path3, res(rc, errno));
	rc = rename(path2, path3);
	expect("rename(\"%s\", \"%s\") = %ld", path2, path3, rc);
	rc = renameat(AT_FDCWD, path3, AT_FDCWD, path2);
	expect("renameat(AT_FDCWD, \"%s\", AT_FDCWD, \"%s\") = %ld", path3,
	       path2, rc);
	rc = unlink(path2);
	expect("unlink(\"%s\") = %ld", path2, rc);
	rc = unlinkat(AT_FDCWD, path2, AT_REMOVEDIR);
	expect("unlinkat(AT_FDCWD, \"%s\", AT_REMOVEDIR) = %s", path2,
	       res(rc, errno));
	close(fd);
	expect("close(%d) = 0", fd);
}

static void attributes(unsigned int uid, unsigned int gid)
{
	struct timespec ts[2] = { { 1, 2 }, { 3, UTIME_NOW } };
	struct timeval tv[2] = { { 1, 0 }, { 3, 4 } };
	struct utimbuf ub = { 5, 6 };
	long rc;
	int fd;

	fd = open(path, O_RDWR);
	expect("openat(AT_FDCWD, \"%s\", O_RDWR) = %d", path, fd);
	rc = chmod(path, 04755);
	expect("chmod(\"%s\", 04755) = %ld", path, rc);
	rc = fchmod(fd, 0600);
	expect("fchmod(%d, 0600) = %ld", fd, rc);
	rc = fchmodat(AT_FDCWD, path, 0640, 0);
	expect("fchmodat(AT_FDCWD, \"%s\", 0640) = %ld", path, rc);
	rc = chown(path, -1, -1);
	expect("chown(\"%s\", -1, -1) = %ld", path, rc);
	rc = fchown(fd, uid, gid);
	expect("fchown(%d, %u, %u) = %ld", fd, uid, gid, rc);
	rc = fchownat(AT_FDCWD, path, uid, -1, AT_SYMLINK_NOFOLLOW);
	expect("fchownat(AT_FDCWD, \"%s\", %u, -1, AT_SYMLINK_NOFOLLOW) = %ld",
	       path, uid, rc);
	rc = truncate(path, 10);
	expect("truncate(\"%s\", 10) = %ld", path, rc);
	rc = ftruncate(fd, 3);
	expect("ftruncate(%d, 3) = %ld", fd, rc);

	rc = utimensat(AT_FDCWD, path, ts, 0);
	expect("utimensat(AT_FDCWD, \"%s\", [{tv_sec=1, tv_nsec=2} /* %s */, "
	       "UTIME_NOW], 0) = %ld",
	       path, when(1, 2, 9), rc);
	ts[0].tv_nsec = UTIME_OMIT;
	rc = futimens(fd, ts);
	expect("utimensat(%d, NULL, [UTIME_OMIT, UTIME_NOW], 0) = %ld", fd, rc);
	rc = utimensat(AT_FDCWD, path, NULL, AT_SYMLINK_NOFOLLOW);
	expect("utimensat(AT_FDCWD, \"%s\", NULL, AT_SYMLINK_NOFOLLOW) = %ld",
	       path, rc);
	ts[0].tv_nsec = 1000000000;
	rc = utimensat(AT_FDCWD, path, ts, 0);
	expect("utimensat(AT_FDCWD, \"%s\", [{tv_sec=1, tv_nsec=1000000000}, "
	       "UTIME_NOW], 0) = %s",
	       path, res(rc, errno));
	rc = utimensat(AT_FDCWD, path, (struct timespec *)bad, 0);
	expect("utimensat(AT_FDCWD, \"%s\", %p, 0) = %s", path, bad,
	       res(rc, errno));
	rc = syscall(SYS_utimes, path, tv);
	expect("utimes(\"%s\", [{tv_sec=1, tv_usec=0} /* %s */, {tv_sec=3, "
	       "tv_usec=4} /* %s */]) = %ld",
	       path, when(1, 0, 6), when(3, 4, 6), rc);
	rc = syscall(SYS_futimesat, AT_FDCWD, path, NULL);
	expect("futimesat(AT_FDCWD, \"%s\", NULL) = %ld", path, rc);
	rc = syscall(SYS_utime, path, &ub);
	expect("utime(\"%s\", {actime=5 /* %s */, modtime=6 /* %s */}) = %ld",
	       path, when(5, 0, 0), when(6, 0, 0), rc);

	rc = fsync(fd);
	expect("fsync(%d) = %ld", fd, rc);
	rc = fdatasync(fd);
	expect("fdatasync(%d) = %ld", fd, rc);
	rc = syncfs(fd);
	expect("syncfs(%d) = %ld", fd, rc);
	rc = sync_file_range(fd, 0, 10, SYNC_FILE_RANGE_WRITE);
	expect("sync_file_range(%d, 0, 10, SYNC_FILE_RANGE_WRITE) = %ld", fd,
	       rc);
	rc = fallocate(fd, 0, 0, 100);
	expect("fallocate(%d, 0, 0, 100) = %s", fd, res(rc, errno));
	rc = fallocate(fd, FALLOC_FL_KEEP_SIZE | FALLOC_FL_PUNCH_HOLE, 0, 10);
	expect("fallocate(%d, FALLOC_FL_KEEP_SIZE|FALLOC_FL_PUNCH_HOLE, 0, 10) "
	       "= %s",
	       fd, res(rc, errno));
	rc = posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
	expect("fadvise64(%d, 0, 0, POSIX_FADV_SEQUENTIAL) = %ld", fd, rc);

	char buf[64];
	rc = fsetxattr(fd, "user.k", "\1\2", 2, XATTR_CREATE);
	expect("fsetxattr(%d, \"user.k\", \"\\1\\2\", 2, XATTR_CREATE) = %s",
	       fd, res(rc, errno));
	rc = getxattr(path, "user.k", buf, sizeof(buf));
	if (rc == 2)
		expect("getxattr(\"%s\", \"user.k\", \"\\1\\2\", 64) = 2",
		       path);
	else
		expect("getxattr(\"%s\", \"user.k\", %p, 64) = %s", path,
		       (void *)buf, res(rc, errno));
	rc = lgetxattr(path, "user.k", NULL, 0);
	expect("lgetxattr(\"%s\", \"user.k\", NULL, 0) = %s", path,
	       res(rc, errno));
	rc = listxattr(path, buf, 1);
	expect("listxattr(\"%s\", %p, 1) = %s", path, (void *)buf,
	       res(rc, errno));
	rc = fremovexattr(fd, "user.k");
	expect("fremovexattr(%d, \"user.k\") = %s", fd, res(rc, errno));
	rc = removexattr(path, "user.q");
	expect("removexattr(\"%s\", \"user.q\") = %s", path, res(rc, errno));
	close(fd);
	expect("close(%d) = 0", fd);
}

/* f_handle as strace shows it: every byte in hex, at most 128. */
static const char *hexbytes(const unsigned char *b, unsigned int n)
{
	static char buf[4 * 128 + 8];
	size_t len = 0;

	for (unsigned int i = 0; i < n && i < 128; i++)
		len += snprintf(buf + len, sizeof(buf) - len, "\\x%02x", b[i]);
	buf[len] = '\0';
	return buf;
}

static void handles(void)
{
	struct file_handle *fh = (void *)(bad - sizeof(*fh) - 200);
	struct file_handle *edge = (void *)(bad - sizeof(*fh) - 4);
	unsigned int given;
	long rc;
	int mnt, fd;

	fh->handle_bytes = 0;
	rc = name_to_handle_at(AT_FDCWD, path, fh, &mnt, AT_SYMLINK_FOLLOW);
	if (fh->handle_bytes)
		expect("name_to_handle_at(AT_FDCWD, \"%s\", {handle_bytes=0 => "
		       "%u}, %p, AT_SYMLINK_FOLLOW) = %s",
		       path, fh->handle_bytes, (void *)&mnt, res(rc, errno));
	else
		expect("name_to_handle_at(AT_FDCWD, \"%s\", {handle_bytes=0}, "
		       "%p, AT_SYMLINK_FOLLOW) = %s",
		       path, (void *)&mnt, res(rc, errno));
	given = fh->handle_bytes = 128;
	rc = name_to_handle_at(AT_FDCWD, path, fh, &mnt, 0);
	if (rc == 0) {
		char bytes[32];

		snprintf(bytes, sizeof(bytes), "%u => %u", given,
			 fh->handle_bytes);
		if (fh->handle_bytes == given)
			snprintf(bytes, sizeof(bytes), "%u", given);
		expect("name_to_handle_at(AT_FDCWD, \"%s\", {handle_bytes=%s, "
		       "handle_type=%d, f_handle=\"%s\"}, [%d], 0) = 0",
		       path, bytes, fh->handle_type,
		       hexbytes(fh->f_handle, fh->handle_bytes), mnt);
		fd = open_by_handle_at(AT_FDCWD, fh, O_RDONLY | O_CLOEXEC);
		expect("open_by_handle_at(-100, {handle_bytes=%u, "
		       "handle_type=%d, "
		       "f_handle=\"%s\"}, O_RDONLY|O_CLOEXEC) = %s",
		       fh->handle_bytes, fh->handle_type,
		       hexbytes(fh->f_handle, fh->handle_bytes),
		       res(fd, errno));
		if (fd >= 0) {
			close(fd);
			expect("close(%d) = 0", fd);
		}
	} else {
		expect("name_to_handle_at(AT_FDCWD, \"%s\", "
		       "{handle_bytes=128}, "
		       "%p, 0) = %s",
		       path, (void *)&mnt, res(rc, errno));
	}
	rc = name_to_handle_at(AT_FDCWD, path, NULL, &mnt, 0x100);
	expect("name_to_handle_at(AT_FDCWD, \"%s\", NULL, %p, 0x100 /* AT_??? "
	       "*/) "
	       "= %s",
	       path, (void *)&mnt, res(rc, errno));
	rc = name_to_handle_at(AT_FDCWD, path, (void *)(bad - 4), &mnt, 0);
	expect("name_to_handle_at(AT_FDCWD, \"%s\", %p, %p, 0) = %s", path,
	       bad - 4, (void *)&mnt, res(rc, errno));

	/* More than 128 bytes: strace shows 128 and "...". */
	fh->handle_bytes = 200;
	fh->handle_type = 255;
	memset(fh->f_handle, 0x5a, 200);
	rc = open_by_handle_at(-1, fh, O_RDONLY);
	expect("open_by_handle_at(-1, {handle_bytes=200, handle_type=255, "
	       "f_handle=\"%s\"...}, O_RDONLY) = %s",
	       hexbytes(fh->f_handle, 128), res(rc, errno));
	edge->handle_bytes = 8;
	edge->handle_type = 1;
	rc = open_by_handle_at(-1, edge, O_RDONLY);
	expect("open_by_handle_at(-1, {handle_bytes=8, handle_type=1, "
	       "f_handle=???}, O_RDONLY) = %s",
	       res(rc, errno));
	rc = open_by_handle_at(-1, NULL, O_RDONLY);
	expect("open_by_handle_at(-1, NULL, O_RDONLY) = %s", res(rc, errno));
	rc = open_by_handle_at(-1, (void *)(bad - 4), O_RDONLY);
	expect("open_by_handle_at(-1, %p, O_RDONLY) = %s", bad - 4,
	       res(rc, errno));
}

static void others(void)
{
	long rc;
	int in, w;

	in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	expect("inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = %d", in);
	w = inotify_add_watch(in, dir, IN_CREATE | IN_DELETE | IN_ONLYDIR);
	expect("inotify_add_watch(%d, \"%s\", IN_CREATE|IN_DELETE|IN_ONLYDIR) "
	       "= %d",
	       in, dir, w);
	rc = inotify_rm_watch(in, w);
	expect("inotify_rm_watch(%d, %d) = %ld", in, w, rc);
	rc = inotify_add_watch(in, dir, 0);
	expect("inotify_add_watch(%d, \"%s\", 0) = %s", in, dir,
	       res(rc, errno));
	close(in);
	expect("close(%d) = 0", in);

	rc = access(path, F_OK);
	expect("access(\"%s\", F_OK) = %ld", path, rc);
	rc = access(path, R_OK | W_OK | X_OK);
	expect("access(\"%s\", R_OK|W_OK|X_OK) = %s", path, res(rc, errno));
	rc = syscall(SYS_faccessat2, AT_FDCWD, path, R_OK,
		     AT_EACCESS | AT_SYMLINK_NOFOLLOW);
	expect("faccessat2(AT_FDCWD, \"%s\", R_OK, AT_SYMLINK_NOFOLLOW|"
	       "AT_EACCESS) = %ld",
	       path, rc);

	snprintf(path2, sizeof(path2), "%s/fifo", dir);
	rc = mknod(path2, S_IFIFO | 0600, 0);
	expect("mknodat(AT_FDCWD, \"%s\", S_IFIFO|0600) = %ld", path2, rc);
	rc = syscall(SYS_mknod, path3, S_IFCHR | 0600, makedev(1, 3));
	expect("mknod(\"%s\", S_IFCHR|0600, makedev(0x1, 0x3)) = %s", path3,
	       res(rc, errno));
	unlink(path2);
	expect("unlink(\"%s\") = 0", path2);
	unlink(path);
	expect("unlink(\"%s\") = 0", path);
	rc = unlink(path3);
	expect("unlink(\"%s\") = %s", path3, res(rc, errno));
	rc = syscall(SYS_readlink, bad, path2, 4);
	expect("readlink(%p, %p, 4) = %s", bad, (void *)path2, res(rc, errno));
	rmdir(dir);
	expect("rmdir(\"%s\") = 0", dir);
}

int main(void)
{
	unsigned int uid = getuid(), gid = getgid();

	bad = unmapped_page();
	snprintf(dir, sizeof(dir), "/tmp/sctrace-decode-file-%d", getpid());
	/* The zone is read now, not in the traced part. */
	tzset();

	marker_begin();
	names();
	attributes(uid, gid);
	handles();
	others();
	marker_end();
	return 0;
}
