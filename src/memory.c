#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <unistd.h>

#include "memory.h"

/* Cleared once if the kernel refuses process_vm_readv (ENOSYS, EPERM). */
static bool use_vm_readv = true;

static size_t page_size(void)
{
	static size_t ps;

	if (!ps)
		ps = (size_t)sysconf(_SC_PAGESIZE);
	return ps;
}

static int peek_read(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	unsigned char *dst = buf;
	size_t wsz = sizeof(long);
	unsigned long off = addr % wsz;

	addr -= off;
	while (len) {
		long word;
		size_t n = wsz - off;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, pid, addr, 0);
		if (errno)
			return -1;
		if (n > len)
			n = len;
		memcpy(dst, (unsigned char *)&word + off, n);
		dst += n;
		len -= n;
		addr += wsz;
		off = 0;
	}
	return 0;
}

static ssize_t vm_read(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	struct iovec local = { buf, len };
	struct iovec remote = { (void *)addr, len };
	ssize_t n = process_vm_readv(pid, &local, 1, &remote, 1, 0);

	if (n < 0 && (errno == ENOSYS || errno == EPERM))
		use_vm_readv = false;
	return n;
}

static const unsigned char *fake_image;
static size_t fake_len;
static unsigned long fake_base;

void mem_fake(const void *image, size_t len, unsigned long base)
{
	fake_image = image;
	fake_len = len;
	fake_base = base;
}

int mem_read(pid_t pid, unsigned long addr, void *buf, size_t len)
{
	if (!len)
		return 0;
	if (addr + len < addr)
		return -1;
	if (fake_image) {
		unsigned long off = addr - fake_base;

		if (addr < fake_base || off > fake_len || len > fake_len - off)
			return -1;
		memcpy(buf, fake_image + off, len);
		return 0;
	}
	if (use_vm_readv) {
		ssize_t n = vm_read(pid, addr, buf, len);

		if (n == (ssize_t)len)
			return 0;
		if (use_vm_readv)
			return -1;
	}
	return peek_read(pid, addr, buf, len);
}

long mem_read_str(pid_t pid, unsigned long addr, char *buf, size_t max,
		  bool *terminated)
{
	size_t got = 0;

	*terminated = false;
	/* One page at a time: the string may end before an unmapped page. */
	while (got < max + 1) {
		size_t chunk = page_size() - (addr + got) % page_size();
		char *nul;

		if (chunk > max + 1 - got)
			chunk = max + 1 - got;
		if (mem_read(pid, addr + got, buf + got, chunk) < 0)
			return -1; /* unterminated up to a hole: as strace */
		nul = memchr(buf + got, '\0', chunk);
		if (nul) {
			*terminated = true;
			return nul - buf;
		}
		got += chunk;
	}
	if (got > max)
		got = max;
	buf[got] = '\0';
	return (long)got;
}
