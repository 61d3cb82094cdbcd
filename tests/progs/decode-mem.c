/*
 * Memory: mmap with huge page sizes, mremap, madvise, msync, the mlock
 * family, mincore, NUMA policies, membarrier.  Prints the trace lines it
 * expects between the markers.  With the argument "notes" also the
 * membarrier query, whose result strace explains after the value.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/membarrier.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "expect.h"

#define PG 4096

static const char *addr_res(void *p, int err)
{
	static char buf[128];

	if (p == MAP_FAILED)
		return res(-1, err);
	snprintf(buf, sizeof(buf), "%p", p);
	return buf;
}

int main(int argc, char **argv)
{
	bool with_notes = argc > 1 && strcmp(argv[1], "notes") == 0;
	unsigned char vec[8];
	unsigned long nodes[2] = { 1, 0 };
	char *p, *q;
	long rc;
	int mode;

	marker_begin();

	p = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	expect("mmap(NULL, 16384, PROT_READ|PROT_WRITE, MAP_PRIVATE|"
	       "MAP_ANONYMOUS, -1, 0) = %p",
	       p);
	p[PG] = 1;
	q = mmap(NULL, PG, PROT_READ,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB |
			 (21 << MAP_HUGE_SHIFT),
		 -1, 0);
	expect("mmap(NULL, 4096, PROT_READ, MAP_PRIVATE|MAP_ANONYMOUS|"
	       "MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = %s",
	       addr_res(q, errno));
	if (q != MAP_FAILED) {
		munmap(q, PG);
		expect("munmap(%p, 4096) = 0", q);
	}
	q = mmap(NULL, PG, PROT_READ, MAP_SHARED_VALIDATE | MAP_SYNC, -1, 0);
	expect("mmap(NULL, 4096, PROT_READ, MAP_SHARED_VALIDATE|MAP_SYNC, -1, "
	       "0) "
	       "= %s",
	       addr_res(q, errno));

	rc = mincore(p, 3 * PG, vec);
	expect("mincore(%p, 12288, [%u, %u, %u]) = %ld", p, vec[0], vec[1],
	       vec[2], rc);
	rc = mincore(p + 1, PG, vec);
	expect("mincore(%p, 4096, %p) = %s", p + 1, (void *)vec,
	       res(rc, errno));

	q = mremap(p, 4 * PG, 8 * PG, MREMAP_MAYMOVE);
	expect("mremap(%p, 16384, 32768, MREMAP_MAYMOVE) = %s", p,
	       addr_res(q, errno));
	p = q;
	q = mremap(p, 8 * PG, 4 * PG, 0);
	expect("mremap(%p, 32768, 16384, 0) = %s", p, addr_res(q, errno));
	q = mremap(p, PG, PG, MREMAP_MAYMOVE | MREMAP_FIXED, p + 2 * PG);
	expect("mremap(%p, 4096, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, %p) = %s",
	       p, p + 2 * PG, addr_res(q, errno));
	q = (char *)syscall(SYS_mremap, p, PG, PG, 0x10, 0);
	expect("mremap(%p, 4096, 4096, 0x10 /* MREMAP_??? */) = %s", p,
	       res((long)q, errno));

	p += PG; /* the first page moved away */
	rc = madvise(p, PG, MADV_DONTNEED);
	expect("madvise(%p, 4096, MADV_DONTNEED) = %s", p, res(rc, errno));
	rc = madvise(p, PG, 999);
	expect("madvise(%p, 4096, 0x3e7 /* MADV_??? */) = %s", p,
	       res(rc, errno));
	rc = msync(p, PG, MS_SYNC | MS_INVALIDATE);
	expect("msync(%p, 4096, MS_SYNC|MS_INVALIDATE) = %s", p,
	       res(rc, errno));
	rc = msync(p, PG, 0x10);
	expect("msync(%p, 4096, 0x10 /* MS_??? */) = %s", p, res(rc, errno));
	rc = mlock(p, PG);
	expect("mlock(%p, 4096) = %s", p, res(rc, errno));
	rc = munlock(p, PG);
	expect("munlock(%p, 4096) = %s", p, res(rc, errno));
	rc = mlock2(p, PG, MLOCK_ONFAULT);
	expect("mlock2(%p, 4096, MLOCK_ONFAULT) = %s", p, res(rc, errno));
	rc = mlockall(0);
	expect("mlockall(0) = %s", res(rc, errno));
	rc = munlockall();
	expect("munlockall() = %s", res(rc, errno));
	rc = mprotect(p, PG, PROT_READ | PROT_EXEC | PROT_GROWSDOWN);
	expect("mprotect(%p, 4096, PROT_READ|PROT_EXEC|PROT_GROWSDOWN) = %s", p,
	       res(rc, errno));

	rc = syscall(SYS_set_mempolicy, 2 | (1 << 15), nodes, 64);
	expect("set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, "
	       "[0x00000000000001], 64) = %s",
	       res(rc, errno));
	rc = syscall(SYS_set_mempolicy, 0, NULL, 0);
	expect("set_mempolicy(MPOL_DEFAULT, NULL, 0) = %s", res(rc, errno));
	mode = -1;
	rc = syscall(SYS_get_mempolicy, &mode, NULL, 0, NULL, 0);
	if (rc == 0)
		expect("get_mempolicy([MPOL_DEFAULT], NULL, 0, NULL, 0) = 0");
	else
		expect("get_mempolicy(%p, NULL, 0, NULL, 0) = %s",
		       (void *)&mode, res(rc, errno));
	rc = syscall(SYS_mbind, p, PG, 1, nodes, 3, 2);
	expect("mbind(%p, 4096, MPOL_PREFERRED, [0x00000000000001], 3, "
	       "MPOL_MF_MOVE) = %s",
	       p, res(rc, errno));

	rc = syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED,
		     0, 0);
	expect("membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0) = %s",
	       res(rc, errno));
	rc = syscall(SYS_membarrier, 0x400, MEMBARRIER_CMD_FLAG_CPU, 2);
	expect("membarrier(0x400 /* MEMBARRIER_CMD_??? */, "
	       "MEMBARRIER_CMD_FLAG_CPU, 2) = %s",
	       res(rc, errno));
	if (with_notes) {
		static const char *const cmds[] = {
			"MEMBARRIER_CMD_GLOBAL",
			"MEMBARRIER_CMD_GLOBAL_EXPEDITED",
			"MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED",
			"MEMBARRIER_CMD_PRIVATE_EXPEDITED",
			"MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED",
			"MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE",
			"MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE",
			"MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ",
			"MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ",
		};
		char set[1024];
		size_t len = 0;

		rc = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
		set[0] = '\0';
		for (int i = 0; i < 9; i++)
			if (rc & (1L << i))
				len += snprintf(set + len, sizeof(set) - len,
						"%s%s", len ? "|" : "",
						cmds[i]);
		if (rc >> 9)
			snprintf(set + len, sizeof(set) - len, "%s%#lx",
				 len ? "|" : "", rc & ~0x1ffL);
		if (rc > 0)
			expect("membarrier(MEMBARRIER_CMD_QUERY, 0) = %#lx "
			       "(%s)",
			       rc, set);
		else
			expect("membarrier(MEMBARRIER_CMD_QUERY, 0) = %s",
			       res(rc, errno));
	}
	rc = munmap(p - PG, 4 * PG);
	expect("munmap(%p, 16384) = %ld", p - PG, rc);

	marker_end();
	return 0;
}
