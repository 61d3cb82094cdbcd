/*
 * Makes known syscalls and prints, on stdout, the exact trace lines it
 * expects between the two marker calls.  The harness traces it and diffs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "expect.h"

int main(void)
{
	char *tail;
	char path[64];
	int fd;
	long rc;

	tail = unmapped_page();

	snprintf(path, sizeof(path), "/tmp/sctrace-decode-%d", getpid());

	marker_begin();

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_EXCL, 0640);
	expect("openat(AT_FDCWD, \"%s\", "
	       "O_WRONLY|O_CREAT|O_EXCL|O_TRUNC|O_APPEND, 0640) = %d",
	       path, fd);

	static const char bytes[] = "a\ab\bc\033d\177e\200\377\0"
				    "1\0x\"\\\t\n\r\v\f";
	rc = write(fd, bytes, sizeof(bytes));
	expect("write(%d, "
	       "\"a\\7b\\10c\\33d\\177e\\200\\377\\0001\\0x\\\"\\\\\\t\\n\\r\\v"
	       "\\f\\0\", %zu) = %ld",
	       fd, sizeof(bytes), rc);

	static const char longstr[] = "0123456789abcdefghijklmnopqrstuvwxyz";
	rc = write(fd, longstr, 36);
	expect("write(%d, \"0123456789abcdefghijklmnopqrstuv\"..., 36) = %ld",
	       fd, rc);

	rc = close(fd);
	expect("close(%d) = 0", fd);

	fd = open(path, O_RDONLY | O_CLOEXEC);
	expect("openat(AT_FDCWD, \"%s\", O_RDONLY|O_CLOEXEC) = %d", path, fd);
	char buf[8];
	rc = read(fd, buf, sizeof(buf));
	expect("read(%d, \"a\\7b\\10c\\33d\\177\", 8) = 8", fd);
	rc = lseek(fd, 0, 77);
	expect("lseek(%d, 0, 0x4d /* SEEK_??? */) = -1 EINVAL (Invalid "
	       "argument)",
	       fd);
	rc = lseek(fd, -3, SEEK_END);
	expect("lseek(%d, -3, SEEK_END) = %ld", fd, rc);
	close(fd);
	expect("close(%d) = 0", fd);
	unlink(path);
	expect("unlink(\"%s\") = 0", path);

	/* A path that runs into the unmapped page: the address is printed. */
	memset(tail - 4, 'x', 4);
	rc = open(tail - 4, O_RDONLY);
	expect("openat(AT_FDCWD, %p, O_RDONLY) = -1 EFAULT (Bad address)",
	       tail - 4);
	/* A path ending just before it prints. */
	memcpy(tail - 4, "/nx", 4);
	rc = open(tail - 4, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	expect("openat(AT_FDCWD, \"/nx\", O_RDONLY|O_NOFOLLOW|O_DIRECTORY) = "
	       "-1 ENOENT (No such file or directory)");
	rc = syscall(SYS_openat, AT_FDCWD, NULL, O_RDWR | 0x80000000);
	expect("openat(AT_FDCWD, NULL, O_RDWR|0x80000000) = -1 EFAULT (Bad "
	       "address)");
	/* A write buffer that cannot be read. */
	rc = write(-1, tail, 10);
	expect("write(-1, %p, 10) = -1 EBADF (Bad file descriptor)",
	       (void *)tail);

	struct stat st;
	rc = stat("/dev/null", &st);
	expect("newfstatat(AT_FDCWD, \"/dev/null\", {st_mode=S_IFCHR|0666, "
	       "st_rdev=makedev(0x1, 0x3), ...}, 0) = 0");
	rc = fstatat(AT_FDCWD, "/nonexistent", &st, AT_SYMLINK_NOFOLLOW);
	expect("newfstatat(AT_FDCWD, \"/nonexistent\", %p, "
	       "AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file or directory)",
	       (void *)&st);
	rc = access("/", R_OK | W_OK);
	expect("access(\"/\", R_OK|W_OK) = %ld", rc);

	rc = syscall(9999, 1, 2, 3, 4, 5, 6);
	expect("syscall_0x270f(0x1, 0x2, 0x3, 0x4, 0x5, 0x6) = -1 ENOSYS "
	       "(Function not implemented)");
	rc = syscall(-1L, 0, 0, 0, 0, 0, 0);
	expect("syscall_0xffffffffffffffff(0, 0, 0, 0, 0, 0) = -1 ENOSYS "
	       "(Function not implemented)");

	unsigned char rnd[6];
	rc = syscall(SYS_getrandom, rnd, sizeof(rnd), 1);
	expect("getrandom(\"\\x%02x\\x%02x\\x%02x\\x%02x\\x%02x\\x%02x\", 6, "
	       "GRND_NONBLOCK) = 6",
	       rnd[0], rnd[1], rnd[2], rnd[3], rnd[4], rnd[5]);

	void *p = mmap(NULL, 4096, PROT_READ,
		       MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	expect("mmap(NULL, 4096, PROT_READ, "
	       "MAP_SHARED|MAP_ANONYMOUS|MAP_POPULATE, -1, 0) = %p",
	       p);
	rc = mprotect(p, 4096, PROT_NONE);
	expect("mprotect(%p, 4096, PROT_NONE) = 0", p);
	rc = munmap(p, 4096);
	expect("munmap(%p, 4096) = 0", p);

	marker_end();
	return 0;
}
