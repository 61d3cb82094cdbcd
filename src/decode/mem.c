/* Memory: mmap's huge page sizes, mremap, mincore, NUMA policies, membarrier.
 */
#include <stdlib.h>
#include <sys/mman.h>

#include "decode.h"

#define MAP_HUGETLB_ 0x40000U
#define HUGE_SHIFT 26
#define HUGE_MASK 0x3fU

/* MAP_HUGETLB|21<<MAP_HUGE_SHIFT: the page size is a number, not flags. */
static void print_mmap_flags(struct tracee *tp, unsigned int flags)
{
	unsigned int huge = (flags >> HUGE_SHIFT) & HUGE_MASK;
	struct strbuf sb = { 0 };

	if (!(flags & MAP_HUGETLB_) || !huge) {
		emit_flags(tp, &xlat_mmap_flags, flags);
		return;
	}
	xlat_format_flags(&sb, &xlat_mmap_flags,
			  flags & ~(HUGE_MASK << HUGE_SHIFT));
	sb_printf(&sb, "|%u<<MAP_HUGE_SHIFT", huge);
	emit_sym(tp, sb.buf);
	sb_free(&sb);
}

int decode_mmap(struct tracee *tp, int exiting)
{
	emit_ptr(tp, tp->args[0]);
	emit_uint(tp, tp->args[1]);
	emit_flags(tp, &xlat_mmap_prot, (unsigned int)tp->args[2]);
	print_mmap_flags(tp, (unsigned int)tp->args[3]);
	print_fd(tp, (int)tp->args[4]);
	emit_hex(tp, tp->args[5]);
	return DEC_DONE;
}

#define MREMAP_FIXED_ 2U
#define MREMAP_DONTUNMAP_ 4U

/* The new address only when a flag says it is used. */
int decode_mremap(struct tracee *tp, int exiting)
{
	unsigned int flags = tp->args[3];

	emit_ptr(tp, tp->args[0]);
	emit_uint(tp, tp->args[1]);
	emit_uint(tp, tp->args[2]);
	emit_flags(tp, &xlat_mremap_flags, flags);
	if (flags & (MREMAP_FIXED_ | MREMAP_DONTUNMAP_))
		emit_ptr(tp, tp->args[4]);
	return DEC_DONE;
}

#define MINCORE_MAX (1024 * 1024)

/* [0, 1, 0]: a byte per page, at most -s of them. */
int decode_mincore(struct tracee *tp, int exiting)
{
	unsigned long addr = tp->args[2];
	unsigned long pages = (tp->args[1] + 4095) / 4096;
	unsigned char *vec;

	if (!exiting) {
		emit_ptr(tp, tp->args[0]);
		emit_uint(tp, tp->args[1]);
		return DEC_MORE;
	}
	if (pages > (unsigned long)opt.max_strlen)
		pages = opt.max_strlen + 1;
	if (syserr(tp) || pages > MINCORE_MAX || !(vec = malloc(pages + 1))) {
		emit_ptr(tp, addr);
		return RET_DEC;
	}
	if (fetch_or_addr(tp, addr, vec, pages)) {
		emit_array_begin(tp);
		for (unsigned long i = 0; i < pages; i++) {
			if (i >= (unsigned long)opt.max_strlen) {
				emit_ellipsis(tp);
				break;
			}
			emit_uint(tp, vec[i]);
		}
		emit_array_end(tp);
	}
	free(vec);
	return RET_DEC;
}

/*
 * [0x00000000000005, 0000000000000000]: the kernel reads MAXNODE - 1
 * bits, in longs.
 */
static void print_nodemask_elem(struct tracee *tp, const void *elem,
				unsigned long i, void *ctx)
{
	emit_symf(tp, "%#016lx", *(const unsigned long *)elem);
}

static void print_nodemask(struct tracee *tp, unsigned long addr,
			   unsigned long maxnode)
{
	unsigned long n = maxnode ? (maxnode - 1 + 63) / 64 : 0, v;

	if (!addr)
		emit_ptr(tp, addr);
	else
		print_array(tp, addr, n, &v, sizeof(v), print_nodemask_elem,
			    NULL);
}

int decode_set_mempolicy(struct tracee *tp, int exiting)
{
	emit_flags(tp, &xlat_mpol_mode_flags, (unsigned int)tp->args[0]);
	print_nodemask(tp, tp->args[1], tp->args[2]);
	emit_uint(tp, tp->args[2]);
	return DEC_DONE;
}

int decode_mbind(struct tracee *tp, int exiting)
{
	emit_ptr(tp, tp->args[0]);
	emit_uint(tp, tp->args[1]);
	emit_flags(tp, &xlat_mpol_mode_flags, (unsigned int)tp->args[2]);
	print_nodemask(tp, tp->args[3], tp->args[4]);
	emit_uint(tp, tp->args[4]);
	emit_flags(tp, &xlat_mbind_flags, (unsigned int)tp->args[5]);
	return DEC_DONE;
}

int decode_get_mempolicy(struct tracee *tp, int exiting)
{
	int mode;

	if (!exiting)
		return DEC_MORE;
	if (syserr(tp) || !tp->args[0] ||
	    !fetch(tp, tp->args[0], &mode, sizeof(mode))) {
		emit_ptr(tp, tp->args[0]);
	} else {
		emit_array_begin(tp);
		emit_flags(tp, &xlat_mpol_mode_flags, (unsigned int)mode);
		emit_array_end(tp);
	}
	if (syserr(tp))
		emit_ptr(tp, tp->args[1]);
	else
		print_nodemask(tp, tp->args[1], tp->args[2]);
	emit_uint(tp, tp->args[2]);
	emit_ptr(tp, tp->args[3]);
	emit_flags(tp, &xlat_get_mempolicy_flags, (unsigned int)tp->args[4]);
	return RET_DEC;
}

#define MEMBARRIER_CMD_QUERY_ 0
#define MEMBARRIER_CMD_FLAG_CPU_ 1U

int decode_membarrier(struct tracee *tp, int exiting)
{
	unsigned int cmd = tp->args[0];
	unsigned int flags = tp->args[1];

	if (exiting) /* the query: a set of commands */
		return RET_HEX;
	emit_enum(tp, &xlat_membarrier_cmds, cmd);
	emit_flags(tp, &xlat_membarrier_flags, flags);
	if (flags & MEMBARRIER_CMD_FLAG_CPU_)
		emit_int(tp, (int)tp->args[2]);
	return cmd == MEMBARRIER_CMD_QUERY_ ? DEC_INOUT : DEC_DONE;
}
