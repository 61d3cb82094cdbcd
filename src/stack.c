/*
 * -k: unwinding with libunwind-ptrace, symbols from the ELF files.
 *
 * What strace 6.1 (its libunwind backend) prints, and so what we print:
 * after each printed syscall, one line per frame, innermost first,
 *
 *	" > PATH(SYMBOL+0xOFF) [0xFILEOFF]"	a symbol was found
 *	" > PATH() [0xFILEOFF]"			no symbol
 *	" > unexpected_backtracing_error [0xIP]" the IP is in no executable
 *						mapping with a name: the end
 *	" > too many stack frames"		after 256 frames
 *
 * PATH is the mapping's name in /proc/PID/maps ("[vdso]" too), FILEOFF =
 * IP - start of the mapping + its file offset, IP the return address
 * (not IP - 1).  SYMBOL is what libunwind 1.6's unw_get_proc_name()
 * finds, which we reproduce from the ELF files themselves: the closest
 * STT_FUNC symbol (defined; IFUNCs and NOTYPE are not functions to it)
 * at or below the address, from every SHT_SYMTAB and SHT_DYNSYM section
 * in section order, the first one on a tie, its value relocated by
 * "start of the mapping - p_vaddr of the PT_LOAD whose p_offset is the
 * mapping's offset" (0 without one); no size check, only that the
 * distance is below the size of the file.  A .gnu_debuglink file next to
 * the object, in its .debug/ or under /usr/lib/debug/DIR/ replaces it
 * (not the build-id tree).  For frames other than the first (unless the
 * previous frame is a signal frame), the lookup is at IP - 1 and the
 * offset one more.  C++ names are demangled (as libiberty does for
 * "_Z" names).  No frames for i386 system calls.
 *
 * strace takes the stack of execve, execveat, exit and exit_group at
 * their entry (stack_capture) and prints it after the call's line, or,
 * for the exits, after the "+++ exited" line (stack_forget); there a
 * frame without a symbol is "PATH(+0x0) [0xFILEOFF]".  It also prints
 * the stack after "--- SIGNAL ... ---" and "--- stopped by ... ---".
 *
 * Caches, so that a traced system call costs one PTRACE_GETREGS and a
 * process_vm_readv or two of the stack rather than rereading files:
 *  - per process (tgid; its threads share it): the mappings of
 *    /proc/PID/maps, reread after the calls that change them (mmap,
 *    munmap, mremap, mprotect, brk, execve...), or when an address is in
 *    none of them (a library mapped by a call that was not printed), and
 *    a libunwind address space with its global cache;
 *  - per file: the mmapped image, its symbols (sorted once), the
 *    .eh_frame_hdr table libunwind searches, and the read-only segments
 *    libunwind reads CFI and code from, served from the image instead of
 *    the tracee's memory.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/stat.h>
#include <sys/user.h>
#include <unistd.h>
#include <asm/unistd_64.h>

#include "memory.h"
#include "options.h"
#include "sink.h"
#include "stack.h"
#include "tracee.h"
#include "util.h"

#ifdef HAVE_LIBUNWIND
# include <dlfcn.h>
# include <libunwind-ptrace.h>
# ifdef HAVE_LIBDW
#  include <gelf.h>
#  include <elfutils/libdwelf.h>
# endif
#endif

#ifndef HAVE_LIBUNWIND

const char *stack_load(void)
{
	return "not built with stack trace support (-k needs libunwind)";
}

void stack_print(struct tracee *tp)
{
	(void)tp;
}

void stack_forget(struct tracee *tp)
{
	(void)tp;
}

void stack_capture(struct tracee *tp)
{
	(void)tp;
}

#else /* HAVE_LIBUNWIND */

#define MAX_FRAMES 256	/* strace's limit */

/* Exported by libunwind (perf uses it the same way), not declared. */
extern int _Ux86_64_dwarf_search_unwind_table(unw_addr_space_t as,
					      unw_word_t ip,
					      unw_dyn_info_t *di,
					      unw_proc_info_t *pi,
					      int need_unwind_info, void *arg);

/*
 * libunwind and elfutils are loaded when -k asks for them.  Linked in,
 * they cost every start of sctrace about half a millisecond (eight
 * libraries to map and relocate), which is a tenth of a short traced
 * run that never prints a stack.  dl.NAME is NAME, called through the
 * pointer dlsym() gave (libunwind's names are macros for _Ux86_64_...,
 * which is what the library exports).
 */
enum { LIB_UNWIND, LIB_UPT, LIB_ELF, LIB_DW, NLIBS };

/*
 * In this order, and global: libunwind-ptrace uses libunwind-x86_64's
 * functions (and liblzma's) without naming the libraries it needs.
 */
/* clang-format off */
static const char *const lib_names[NLIBS] = {
	"libunwind-x86_64.so.8", "libunwind-ptrace.so.0", "libelf.so.1",
	"libdw.so.1",
};

#ifdef HAVE_LIBDW
# define STACK_DW_FUNCS(X)			\
	X(LIB_ELF, gelf_getsym)			\
	X(LIB_ELF, gelf_getshdr)		\
	X(LIB_ELF, gelf_getphdr)		\
	X(LIB_ELF, gelf_getehdr)		\
	X(LIB_ELF, gelf_getclass)		\
	X(LIB_ELF, elf_version)			\
	X(LIB_ELF, elf_strptr)			\
	X(LIB_ELF, elf_nextscn)			\
	X(LIB_ELF, elf_memory)			\
	X(LIB_ELF, elf_kind)			\
	X(LIB_ELF, elf_getphdrnum)		\
	X(LIB_ELF, elf_getdata)			\
	X(LIB_ELF, elf_end)			\
	X(LIB_DW, dwelf_elf_gnu_debuglink)
#else
# define STACK_DW_FUNCS(X)
#endif

#define STACK_FUNCS(X)				\
	X(LIB_UPT, _UPT_create)			\
	X(LIB_UPT, _UPT_destroy)		\
	X(LIB_UPT, _UPT_find_proc_info)		\
	X(LIB_UNWIND, unw_get_proc_name)	\
	X(LIB_UNWIND, unw_step)			\
	X(LIB_UNWIND, unw_set_caching_policy)	\
	X(LIB_UNWIND, unw_is_signal_frame)	\
	X(LIB_UNWIND, unw_init_remote)		\
	X(LIB_UNWIND, unw_get_reg)		\
	X(LIB_UNWIND, unw_flush_cache)		\
	X(LIB_UNWIND, unw_destroy_addr_space)	\
	X(LIB_UNWIND, unw_create_addr_space)	\
	X(LIB_UNWIND, _Ux86_64_dwarf_search_unwind_table) \
	STACK_DW_FUNCS(X)

static struct {
#define X(lib, fn) __typeof__(fn) *fn;
	STACK_FUNCS(X)
#undef X
	struct unw_accessors *upt_accessors;
} dl;

#define NAME_(fn) #fn
#define NAME(fn) NAME_(fn)	/* the name after macro expansion */

const char *stack_load(void)
{
	static char why[512];
	void *h[NLIBS];

	for (int i = 0; i < NLIBS; i++) {
#ifndef HAVE_LIBDW
		if (i >= LIB_ELF)
			break;
#endif
		h[i] = dlopen(lib_names[i], RTLD_NOW | RTLD_GLOBAL);
		if (!h[i]) {
			snprintf(why, sizeof(why), "-k: cannot load %s",
				 dlerror());
			return why;
		}
	}
#define X(lib, fn)                                                     \
	*(void **)&dl.fn = dlsym(h[lib], NAME(fn));                    \
	if (!dl.fn) {                                                  \
		snprintf(why, sizeof(why), "-k: no %s in %s", NAME(fn), \
			 lib_names[lib]);                              \
		return why;                                            \
	}
	STACK_FUNCS(X)
#undef X
	dl.upt_accessors = dlsym(h[LIB_UPT], "_UPT_accessors");
	if (!dl.upt_accessors)
		return "-k: no _UPT_accessors in libunwind-ptrace.so.0";
	return NULL;
}
/* clang-format on */

/* ---------------------------------------------------------------- files */

struct esym {
	uint64_t value;
	const char *name;
	unsigned int order;	/* position in the section order */
};

/* An ELF image: the object itself, or its .gnu_debuglink file. */
struct image {
	unsigned char *data;
	size_t size;
	struct timespec mtime;
#ifdef HAVE_LIBDW
	Elf *elf;
	GElf_Phdr *phdr;
	size_t phnum;
#endif
};

struct efile {
	struct efile *next;	/* hash chain */
	char *path;
	unsigned long ino;
	bool bad;		/* not opened, not an ELF64 file, replaced */
	unsigned int checked;	/* maps_gen when last seen unchanged */
	struct image img;
	bool textrel;		/* text relocations: memory differs from file */
	/* .eh_frame_hdr's binary search table */
	bool eh_ok;
	uint64_t eh_vaddr;	/* of .eh_frame_hdr */
	uint64_t eh_table;	/* of its table */
	uint64_t fde_count;
	uint64_t lo_vaddr, hi_vaddr; /* span of the PT_LOAD segments */
	/* symbols, sorted by value then order; absolute ones apart */
	bool syms_loaded;
	struct image symimg;	/* where they come from */
	bool own_symimg;	/* symimg is a debuglink file */
	struct esym *syms, *abs_syms;
	size_t nsyms, nabs;
	char **demangled;	/* per syms[]/abs_syms[] entry, lazily */
};

#ifdef HAVE_LIBDW
#define FILE_HASH 256
static struct efile *files[FILE_HASH];
#endif
static unsigned int maps_gen;	/* mapping lists read so far */

/* ------------------------------------------------------------- mappings */

enum { PROT_R = 1, PROT_W = 2, PROT_X = 4, PROT_S = 8 };

struct mapping {
	unsigned long start, end, offset, ino;
	unsigned int prot;
	char *path;
	struct efile *file;	/* when resolved */
	bool file_tried;
};

struct proc {
	struct proc *next;
	pid_t tgid;
	unsigned int refs;	/* threads */
	unw_addr_space_t as;
	bool maps_valid;
	struct mapping *maps;
	size_t nmaps;
	char *names;		/* the mappings' paths */
	unsigned long misses[8]; /* pages in no mapping after a reread */
	unsigned int nmiss;
};

struct thr {
	struct thr *next;
	const struct tracee *tp;
	pid_t tid;
	struct proc *proc;
	void *upt;		/* dl._UPT_create(tid) */
	char **queue;		/* frames captured at a syscall's entry */
	size_t nqueue, qcap;
};

#define PROC_HASH 64
#define THR_HASH 256
static struct proc *procs[PROC_HASH];
static struct thr *thrs[THR_HASH];

static unw_accessors_t accessors;
static bool accessors_ready;

/* The walk in progress: our accessors read through it. */
#define CHUNK 4096
#define NCHUNKS 8
static struct {
	pid_t pid;
	struct proc *proc;
	struct user_regs_struct regs;
	bool refreshed;		/* the maps were reread during this walk */
	struct mapping *last;	/* access_mem's last mapping */
	unsigned long chunk_addr[NCHUNKS];
	bool chunk_valid[NCHUNKS];
	unsigned int next_chunk;
	unsigned char chunk[NCHUNKS][CHUNK];
} w;

/* --------------------------------------------------------- small things */

static unsigned int hash_ul(unsigned long v)
{
	v ^= v >> 33;
	v *= 0xff51afd7ed558ccdUL;
	v ^= v >> 33;
	return (unsigned int)v;
}

#ifdef HAVE_LIBDW
static unsigned int hash_str(const char *s, unsigned long ino)
{
	unsigned long h = 5381 + ino;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return hash_ul(h);
}
#endif

static bool read_whole(const char *name, char **buf, size_t *len)
{
	int fd = open(name, O_RDONLY | O_CLOEXEC);
	size_t cap = 16384, n = 0;
	char *b;

	if (fd < 0)
		return false;
	b = xmalloc(cap + 1);
	for (;;) {
		ssize_t r;

		if (n == cap) {
			cap *= 2;
			b = xrealloc(b, cap + 1);
		}
		r = read(fd, b + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			free(b);
			close(fd);
			return false;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	b[n] = '\0';
	*buf = b;
	*len = n;
	return true;
}

/* ------------------------------------------------------------ ELF files */

#ifdef HAVE_LIBDW

static bool image_open(struct image *im, const char *path, unsigned long ino)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	void *p;
	GElf_Ehdr eh;

	memset(im, 0, sizeof(*im));
	if (fd < 0)
		return false;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) ||
	    (ino && st.st_ino != ino) || st.st_size < (off_t)sizeof(eh)) {
		close(fd);
		return false;
	}
	p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (p == MAP_FAILED)
		return false;
	im->data = p;
	im->size = (size_t)st.st_size;
	im->mtime = st.st_mtim;
	im->elf = dl.elf_memory(p, im->size);
	if (!im->elf || dl.elf_kind(im->elf) != ELF_K_ELF ||
	    dl.gelf_getclass(im->elf) != ELFCLASS64 || !dl.gelf_getehdr(im->elf, &eh) ||
	    dl.elf_getphdrnum(im->elf, &im->phnum) < 0)
		goto bad;
	if (im->phnum) {
		im->phdr = xcalloc(im->phnum, sizeof(*im->phdr));
		for (size_t i = 0; i < im->phnum; i++)
			if (!dl.gelf_getphdr(im->elf, (int)i, &im->phdr[i]))
				goto bad;
	}
	return true;
bad:
	if (im->elf)
		dl.elf_end(im->elf);
	free(im->phdr);
	munmap(p, im->size);
	memset(im, 0, sizeof(*im));
	return false;
}

/*
 * libunwind's load offset of IM for a mapping at START with file offset
 * OFFSET: the PT_LOAD whose p_offset is OFFSET; false without one.
 */
static bool image_bias(const struct image *im, unsigned long start,
		       unsigned long offset, uint64_t *bias)
{
	for (size_t i = 0; i < im->phnum; i++)
		if (im->phdr[i].p_type == PT_LOAD &&
		    im->phdr[i].p_offset == offset) {
			*bias = start - im->phdr[i].p_vaddr;
			return true;
		}
	return false;
}

static size_t encoded_size(unsigned int enc)
{
	if (enc == 0xff)	/* DW_EH_PE_omit */
		return 0;
	switch (enc & 0x0f) {
	case 0x00: return 8;	/* absptr */
	case 0x02: case 0x0a: return 2;
	case 0x03: case 0x0b: return 4;
	case 0x04: case 0x0c: return 8;
	default: return (size_t)-1; /* uleb128 and such: not handled */
	}
}

static uint64_t read_u(const unsigned char *p, size_t n)
{
	uint64_t v = 0;

	memcpy(&v, p, n);	/* little endian */
	return v;
}

/* PT_GNU_EH_FRAME with a binary search table, as libunwind wants it. */
static void file_parse_eh(struct efile *f)
{
	const struct image *im = &f->img;
	const GElf_Phdr *eh = NULL;
	bool have_load = false;
	const unsigned char *h;
	size_t off, n;

	f->lo_vaddr = UINT64_MAX;
	f->hi_vaddr = 0;
	for (size_t i = 0; i < im->phnum; i++) {
		const GElf_Phdr *ph = &im->phdr[i];

		if (ph->p_type == PT_LOAD) {
			have_load = true;
			if (ph->p_vaddr < f->lo_vaddr)
				f->lo_vaddr = ph->p_vaddr;
			if (ph->p_vaddr + ph->p_memsz > f->hi_vaddr)
				f->hi_vaddr = ph->p_vaddr + ph->p_memsz;
		} else if (ph->p_type == PT_GNU_EH_FRAME) {
			eh = ph;
		} else if (ph->p_type == PT_DYNAMIC &&
			   ph->p_offset + ph->p_filesz <= im->size) {
			/* DT_TEXTREL, or DF_TEXTREL in DT_FLAGS */
			const unsigned char *d = im->data + ph->p_offset;

			for (n = 0; (n + 1) * 16 <= ph->p_filesz; n++) {
				uint64_t tag = read_u(d + n * 16, 8);
				uint64_t val = read_u(d + n * 16 + 8, 8);

				if (tag == DT_NULL)
					break;
				if (tag == DT_TEXTREL ||
				    (tag == DT_FLAGS && (val & DF_TEXTREL)))
					f->textrel = true;
			}
		}
	}
	if (!have_load || !eh || eh->p_offset + 4 > im->size)
		return;
	h = im->data + eh->p_offset;
	/* version, eh_frame_ptr_enc, fde_count_enc, table_enc */
	if (h[0] != 1 || h[3] != 0x3b)	/* DW_EH_PE_datarel | sdata4 */
		return;
	off = 4;
	n = encoded_size(h[1]);
	if (n == (size_t)-1)
		return;
	off += n;
	n = encoded_size(h[2]);
	if (n == (size_t)-1 || n == 0 || eh->p_offset + off + n > im->size)
		return;
	f->fde_count = read_u(h + off, n);
	off += n;
	if (eh->p_offset + off + f->fde_count * 8 > im->size)
		return;
	f->eh_vaddr = eh->p_vaddr;
	f->eh_table = eh->p_vaddr + off;
	f->eh_ok = true;
}

static struct efile *file_get(const char *path, unsigned long ino)
{
	unsigned int h = hash_str(path, ino) % FILE_HASH;
	struct efile *f;

	for (struct efile **ff = &files[h]; (f = *ff); ff = &f->next) {
		struct stat st;

		if (f->ino != ino || strcmp(f->path, path))
			continue;
		if (f->bad || f->checked == maps_gen)
			return f;
		/*
		 * Once per reading of the mappings: a file rewritten in place
		 * (same inode) is not read again, and the old copy not used:
		 * a shorter file would fault in our mapping of it.
		 */
		f->checked = maps_gen;
		if (stat(path, &st) == 0 && st.st_ino == ino &&
		    (size_t)st.st_size == f->img.size &&
		    st.st_mtim.tv_sec == f->img.mtime.tv_sec &&
		    st.st_mtim.tv_nsec == f->img.mtime.tv_nsec)
			return f;
		f->bad = true;	/* mappings may still point to it */
		*ff = f->next;
		break;
	}
	f = xcalloc(1, sizeof(*f));
	f->path = xstrdup(path);
	f->ino = ino;
	f->checked = maps_gen;
	f->next = files[h];
	files[h] = f;
	if (!image_open(&f->img, path, ino)) {
		f->bad = true;
		return f;
	}
	file_parse_eh(f);
	return f;
}

/* ---------------------------------------------------------------- symbols */

static int esym_cmp(const void *a, const void *b)
{
	const struct esym *x = a, *y = b;

	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* libunwind 1.6's search for a .gnu_debuglink file. */
static bool open_debuglink(struct efile *f)
{
	GElf_Word crc;
	const char *link = dl.dwelf_elf_gnu_debuglink(f->img.elf, &crc);
	const char *slash = strrchr(f->path, '/');
	size_t dirlen = slash ? (size_t)(slash - f->path) : 0;
	char *name;
	bool ok = false;

	if (!link || !*link)
		return false;
	name = xmalloc(strlen("/usr/lib/debug") + dirlen + strlen(link) +
		       sizeof("/.debug/"));
	for (int i = 0; i < 3 && !ok; i++) {
		if (i == 0)
			sprintf(name, "%.*s/%s", (int)dirlen, f->path, link);
		else if (i == 1)
			sprintf(name, "%.*s/.debug/%s", (int)dirlen, f->path,
				link);
		else
			sprintf(name, "/usr/lib/debug%.*s/%s", (int)dirlen,
				f->path, link);
		ok = image_open(&f->symimg, name, 0);
	}
	free(name);
	return ok;
}

static void file_load_syms(struct efile *f)
{
	Elf_Scn *scn = NULL;
	size_t cap = 0, acap = 0;
	unsigned int order = 0;
	Elf *elf;

	f->syms_loaded = true;
	if (open_debuglink(f))
		f->own_symimg = true;
	else
		f->symimg = f->img;
	elf = f->symimg.elf;
	while ((scn = dl.elf_nextscn(elf, scn))) {
		GElf_Shdr sh;
		Elf_Data *data;
		size_t n;

		if (!dl.gelf_getshdr(scn, &sh) ||
		    (sh.sh_type != SHT_SYMTAB && sh.sh_type != SHT_DYNSYM) ||
		    !sh.sh_entsize || !(data = dl.elf_getdata(scn, NULL)))
			continue;
		n = sh.sh_size / sh.sh_entsize;
		for (size_t i = 0; i < n; i++) {
			GElf_Sym s;
			const char *name;
			struct esym *e;

			if (!dl.gelf_getsym(data, (int)i, &s) ||
			    GELF_ST_TYPE(s.st_info) != STT_FUNC ||
			    s.st_shndx == SHN_UNDEF)
				continue;
			name = dl.elf_strptr(elf, sh.sh_link, s.st_name);
			if (!name)
				continue;
			if (s.st_shndx == SHN_ABS) {
				if (f->nabs == acap) {
					acap = acap ? acap * 2 : 8;
					f->abs_syms = xrealloc(f->abs_syms,
						acap * sizeof(*e));
				}
				e = &f->abs_syms[f->nabs++];
			} else {
				if (f->nsyms == cap) {
					cap = cap ? cap * 2 : 256;
					f->syms = xrealloc(f->syms,
							   cap * sizeof(*e));
				}
				e = &f->syms[f->nsyms++];
			}
			e->value = s.st_value;
			e->name = name;
			e->order = order++;
		}
	}
	if (f->nsyms)
		qsort(f->syms, f->nsyms, sizeof(*f->syms), esym_cmp);
	if (f->nsyms + f->nabs)
		f->demangled = xcalloc(f->nsyms + f->nabs, sizeof(char *));
}

/* __cxa_demangle, from libstdc++ when a mangled name shows up. */
typedef char *(*demangle_fn)(const char *, char *, size_t *, int *);

static char *cxx_demangle(const char *name)
{
	static demangle_fn fn;
	static bool tried;
	int status;
	char *r;

	if (!tried) {
		void *h;

		tried = true;
		h = dlopen("libstdc++.so.6", RTLD_LAZY | RTLD_LOCAL);
		if (h)
			*(void **)&fn = dlsym(h, "__cxa_demangle");
	}
	if (!fn)
		return NULL;
	r = fn(name, NULL, NULL, &status);
	if (status) {
		free(r);
		return NULL;
	}
	return r;
}

/*
 * What libiberty's cplus_demangle(DMGL_PARAMS | DMGL_AUTO) gives strace
 * for the names that are C++'s.
 */
static char *demangle(const char *name)
{
	static const char ctor[] = "global constructors keyed to ";
	static const char dtor[] = "global destructors keyed to ";

	if (name[0] == '_' && name[1] == 'Z')
		return cxx_demangle(name);
	if (!strncmp(name, "_GLOBAL_", 8) && strchr("._$", name[8]) &&
	    (name[9] == 'D' || name[9] == 'I') && name[10] == '_' &&
	    name[11]) {
		const char *rest = name + 11;
		const char *what = name[9] == 'I' ? ctor : dtor;
		char *inner = (rest[0] == '_' && rest[1] == 'Z') ?
				      cxx_demangle(rest) : NULL;
		char *r = xmalloc(strlen(what) + strlen(rest) +
				  (inner ? strlen(inner) : 0) + 1);

		sprintf(r, "%s%s", what, inner ? inner : rest);
		free(inner);
		return r;
	}
	return NULL;
}

static const char *sym_name(struct efile *f, size_t idx, const char *raw)
{
	static char not_mangled;
	char *d = f->demangled[idx];

	if (!d) {
		d = demangle(raw);
		if (!d)
			d = &not_mangled;
		f->demangled[idx] = d;
	}
	return d == &not_mangled ? raw : d;
}

/*
 * The symbol unw_get_proc_name() finds for IP in the file of mapping M;
 * NULL when none.
 */
static const char *symbolize(struct efile *f, const struct mapping *m,
			     unsigned long ip, unsigned long *offp)
{
	uint64_t bias = 0, target, best_dist = UINT64_MAX;
	const struct esym *best = NULL;
	size_t best_idx = 0, lo, hi;

	if (!f->syms_loaded)
		file_load_syms(f);
	if (!f->nsyms && !f->nabs)
		return NULL;
	image_bias(&f->symimg, m->start, m->offset, &bias);
	target = ip - bias;
	/* the last symbol at or below target, then the first of its value */
	lo = 0;
	hi = f->nsyms;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (f->syms[mid].value <= target)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo) {
		size_t i = lo - 1;

		while (i && f->syms[i - 1].value == f->syms[i].value)
			i--;
		best = &f->syms[i];
		best_idx = i;
		best_dist = target - best->value;
	}
	for (size_t i = 0; i < f->nabs; i++) {
		const struct esym *e = &f->abs_syms[i];
		uint64_t d = ip - e->value;

		if (d < best_dist || (d == best_dist && best &&
				      e->order < best->order)) {
			best = e;
			best_idx = f->nsyms + i;
			best_dist = d;
		}
	}
	if (!best || best_dist >= f->symimg.size)
		return NULL;
	*offp = best_dist;
	return sym_name(f, best_idx, best->name);
}

#endif /* HAVE_LIBDW */

/* --------------------------------------------------------- mapping list */

static void maps_free(struct proc *p)
{
	free(p->maps);
	free(p->names);
	p->maps = NULL;
	p->names = NULL;
	p->nmaps = 0;
	p->maps_valid = false;
}

/* Parses one line of /proc/PID/maps as strace does; false if skipped. */
static bool parse_map_line(char *line, struct mapping *m, char **pathp)
{
	char *s = line, *e;
	char perms[4];

	m->start = strtoul(s, &e, 16);
	if (e == s || *e != '-')
		return false;
	s = e + 1;
	m->end = strtoul(s, &e, 16);
	if (e == s || *e != ' ')
		return false;
	s = e + 1;
	for (int i = 0; i < 4; i++) {
		if (!s[i])
			return false;
		perms[i] = s[i];
	}
	s += 4;
	if (*s != ' ')
		return false;
	if ((perms[0] != '-' && perms[0] != 'r') ||
	    (perms[1] != '-' && perms[1] != 'w') ||
	    (perms[2] != '-' && perms[2] != 'x') ||
	    (perms[3] != 'p' && perms[3] != 's'))
		return false;
	m->prot = (perms[0] == 'r' ? PROT_R : 0) |
		  (perms[1] == 'w' ? PROT_W : 0) |
		  (perms[2] == 'x' ? PROT_X : 0) |
		  (perms[3] == 's' ? PROT_S : 0);
	m->offset = strtoul(s, &e, 16);
	if (e == s)
		return false;
	s = e;
	strtoul(s, &e, 16);	/* major:minor */
	if (e == s || *e != ':')
		return false;
	s = e + 1;
	strtoul(s, &e, 16);
	if (e == s)
		return false;
	s = e;
	m->ino = strtoul(s, &e, 10);
	if (e == s)
		return false;
	s = e;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s)		/* no name: strace skips these */
		return false;
	*pathp = s;
	return m->end >= m->start;
}

static bool maps_load(struct proc *p)
{
	char name[64], *buf, *line, *next;
	size_t len, cap = 0, namelen = 0;

	maps_free(p);
	maps_gen++;
	snprintf(name, sizeof(name), "/proc/%d/maps", w.pid);
	if (!read_whole(name, &buf, &len)) {
		snprintf(name, sizeof(name), "/proc/%d/maps", p->tgid);
		if (!read_whole(name, &buf, &len))
			return false;
	}
	/* the names are kept in one block: offsets first, pointers after */
	p->names = xmalloc(len + 1);
	for (line = buf; *line; line = next) {
		struct mapping m = { 0 };
		char *path;
		size_t pl;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);
		if (!parse_map_line(line, &m, &path))
			continue;
		if (p->nmaps) {
			const struct mapping *prev = &p->maps[p->nmaps - 1];

			if (prev->start == m.start && prev->end == m.end)
				continue;
			if (m.start <= prev->start || m.start < prev->end)
				continue;
		}
		if (p->nmaps == cap) {
			cap = cap ? cap * 2 : 64;
			p->maps = xrealloc(p->maps, cap * sizeof(*p->maps));
		}
		pl = strlen(path);
		memcpy(p->names + namelen, path, pl + 1);
		m.path = (char *)(uintptr_t)namelen;
		namelen += pl + 1;
		p->maps[p->nmaps++] = m;
	}
	free(buf);
	for (size_t i = 0; i < p->nmaps; i++)
		p->maps[i].path = p->names + (uintptr_t)p->maps[i].path;
	p->maps_valid = true;
	p->nmiss = 0;
	w.last = NULL;
	dl.unw_flush_cache(p->as, 0, 0);
	return p->nmaps > 0;
}

static struct mapping *maps_search(struct proc *p, unsigned long addr)
{
	size_t lo = 0, hi = p->nmaps;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		struct mapping *m = &p->maps[mid];

		if (addr < m->start)
			hi = mid;
		else if (addr >= m->end)
			lo = mid + 1;
		else
			return m;
	}
	return NULL;
}

/*
 * The mapping of ADDR; once per walk, an address in none of them rereads
 * the list (something was mapped by a call we did not see), unless that
 * page was already missed since the last reread.
 */
static struct mapping *maps_find(unsigned long addr)
{
	struct proc *p = w.proc;
	struct mapping *m = maps_search(p, addr);
	unsigned long page = addr & ~4095UL;

	if (m || w.refreshed)
		return m;
	for (unsigned int i = 0; i < p->nmiss && i < ARRAY_SIZE(p->misses); i++)
		if (p->misses[i] == page)
			return NULL;
	w.refreshed = true;
	maps_load(p);
	m = maps_search(p, addr);
	if (!m)
		p->misses[p->nmiss++ % ARRAY_SIZE(p->misses)] = page;
	return m;
}

#ifdef HAVE_LIBDW
static struct efile *map_file(struct mapping *m)
{
	if (!m->file_tried) {
		m->file_tried = true;
		if (m->path[0] == '/' && m->ino)
			m->file = file_get(m->path, m->ino);
	}
	return m->file && !m->file->bad ? m->file : NULL;
}
#endif

/* ----------------------------------------------------------- accessors */

/* Tracee memory, through the walk's chunks of what was read. */
static int remote_read(unsigned long addr, unsigned char *dst, size_t len)
{
	while (len) {
		unsigned long base = addr & ~(unsigned long)(CHUNK - 1);
		size_t off = addr - base, n = CHUNK - off;
		int i;

		if (n > len)
			n = len;
		for (i = 0; i < NCHUNKS; i++)
			if (w.chunk_valid[i] && w.chunk_addr[i] == base)
				break;
		if (i == NCHUNKS) {
			i = (int)(w.next_chunk++ % NCHUNKS);
			w.chunk_valid[i] = false;
			if (mem_read(w.pid, base, w.chunk[i], CHUNK) < 0)
				return mem_read(w.pid, addr, dst, len);
			w.chunk_addr[i] = base;
			w.chunk_valid[i] = true;
		}
		memcpy(dst, w.chunk[i] + off, n);
		dst += n;
		addr += n;
		len -= n;
	}
	return 0;
}

#ifdef HAVE_LIBDW
/* The file's bytes where memory holds the same: read-only segments. */
static bool file_read(unsigned long addr, unsigned char *dst, size_t len)
{
	struct mapping *m = w.last;
	struct efile *f;
	unsigned long off;

	if (!m || addr < m->start || addr + len > m->end) {
		m = maps_search(w.proc, addr);
		if (!m)
			return false;
		w.last = m;
	}
	if (addr + len > m->end || (m->prot & (PROT_W | PROT_S)) ||
	    !(f = map_file(m)) || f->textrel)
		return false;
	off = addr - m->start + m->offset;
	for (size_t i = 0; i < f->img.phnum; i++) {
		const GElf_Phdr *ph = &f->img.phdr[i];

		if (ph->p_type == PT_LOAD && !(ph->p_flags & PF_W) &&
		    off >= ph->p_offset && off + len <= ph->p_offset + ph->p_filesz &&
		    off + len <= f->img.size) {
			memcpy(dst, f->img.data + off, len);
			return true;
		}
	}
	return false;
}
#endif

static int acc_access_mem(unw_addr_space_t as, unw_word_t addr,
			  unw_word_t *val, int write, void *arg)
{
	(void)as;
	(void)arg;
	if (write)
		return -UNW_EINVAL;
#ifdef HAVE_LIBDW
	if (file_read(addr, (unsigned char *)val, sizeof(*val)))
		return 0;
#endif
	if (remote_read(addr, (unsigned char *)val, sizeof(*val)) < 0)
		return -UNW_EINVAL;
	return 0;
}

static int acc_access_reg(unw_addr_space_t as, unw_regnum_t reg,
			  unw_word_t *val, int write, void *arg)
{
	const struct user_regs_struct *r = &w.regs;

	(void)as;
	(void)arg;
	if (write)
		return -UNW_EINVAL;
	switch (reg) {
	case UNW_X86_64_RAX: *val = r->rax; break;
	case UNW_X86_64_RDX: *val = r->rdx; break;
	case UNW_X86_64_RCX: *val = r->rcx; break;
	case UNW_X86_64_RBX: *val = r->rbx; break;
	case UNW_X86_64_RSI: *val = r->rsi; break;
	case UNW_X86_64_RDI: *val = r->rdi; break;
	case UNW_X86_64_RBP: *val = r->rbp; break;
	case UNW_X86_64_RSP: *val = r->rsp; break;
	case UNW_X86_64_R8: *val = r->r8; break;
	case UNW_X86_64_R9: *val = r->r9; break;
	case UNW_X86_64_R10: *val = r->r10; break;
	case UNW_X86_64_R11: *val = r->r11; break;
	case UNW_X86_64_R12: *val = r->r12; break;
	case UNW_X86_64_R13: *val = r->r13; break;
	case UNW_X86_64_R14: *val = r->r14; break;
	case UNW_X86_64_R15: *val = r->r15; break;
	case UNW_X86_64_RIP: *val = r->rip; break;
	default:
		return -UNW_EBADREG;
	}
	return 0;
}

static int acc_get_dyn_info_list_addr(unw_addr_space_t as, unw_word_t *dil,
				      void *arg)
{
	(void)as;
	(void)dil;
	(void)arg;
	return -UNW_ENOINFO;
}

#ifdef HAVE_LIBDW
/*
 * The unwind info of IP from the file's .eh_frame_hdr, as libunwind's
 * own _UPT_find_proc_info finds it, without reading the file again.
 */
static int acc_find_proc_info(unw_addr_space_t as, unw_word_t ip,
			      unw_proc_info_t *pi, int need_unwind_info,
			      void *arg)
{
	struct mapping *m = maps_find(ip);
	struct efile *f;
	unw_dyn_info_t di;
	uint64_t bias;

	if (!m)
		return -UNW_ENOINFO;
	if (m->path[0] != '/')	/* [vdso] and such: libunwind has none */
		return -UNW_ENOINFO;
	f = map_file(m);
	if (!f)
		return -UNW_ENOINFO;
	if (!f->eh_ok)
		return dl._UPT_find_proc_info(as, ip, pi, need_unwind_info, arg);
	if (!image_bias(&f->img, m->start, m->offset, &bias))
		return -UNW_ENOINFO;
	memset(&di, 0, sizeof(di));
	di.start_ip = f->lo_vaddr + bias;
	di.end_ip = f->hi_vaddr + bias;
	if (ip < di.start_ip || ip >= di.end_ip)
		return -UNW_ENOINFO;
	di.format = UNW_INFO_FORMAT_REMOTE_TABLE;
	di.u.rti.name_ptr = 0;
	di.u.rti.segbase = f->eh_vaddr + bias;
	di.u.rti.table_len = f->fde_count * 8 / sizeof(unw_word_t);
	di.u.rti.table_data = f->eh_table + bias;
	return dl._Ux86_64_dwarf_search_unwind_table(as, ip, &di, pi,
						  need_unwind_info, arg);
}
#endif

static void accessors_init(void)
{
	if (accessors_ready)
		return;
	accessors = *dl.upt_accessors;
#ifdef HAVE_LIBDW
	accessors.find_proc_info = acc_find_proc_info;
#endif
	accessors.get_dyn_info_list_addr = acc_get_dyn_info_list_addr;
	accessors.access_mem = acc_access_mem;
	accessors.access_reg = acc_access_reg;
	accessors_ready = true;
#ifdef HAVE_LIBDW
	dl.elf_version(EV_CURRENT);
#endif
}

/* ------------------------------------------------ processes and threads */

static pid_t read_tgid(pid_t tid)
{
	char name[64], *buf, *s;
	size_t len;
	pid_t tgid = tid;

	snprintf(name, sizeof(name), "/proc/%d/status", tid);
	if (!read_whole(name, &buf, &len))
		return tid;
	s = strstr(buf, "\nTgid:");
	if (s)
		tgid = (pid_t)strtol(s + 6, NULL, 10);
	free(buf);
	return tgid > 0 ? tgid : tid;
}

static struct proc *proc_get(pid_t tgid)
{
	unsigned int h = hash_ul((unsigned long)tgid) % PROC_HASH;
	struct proc *p;

	for (p = procs[h]; p; p = p->next)
		if (p->tgid == tgid)
			break;
	if (!p) {
		p = xcalloc(1, sizeof(*p));
		p->tgid = tgid;
		p->as = dl.unw_create_addr_space(&accessors, 0);
		if (!p->as) {
			free(p);
			return NULL;
		}
		dl.unw_set_caching_policy(p->as, UNW_CACHE_GLOBAL);
		p->next = procs[h];
		procs[h] = p;
	}
	p->refs++;
	return p;
}

static void proc_put(struct proc *p)
{
	unsigned int h = hash_ul((unsigned long)p->tgid) % PROC_HASH;
	struct proc **pp;

	if (--p->refs)
		return;
	for (pp = &procs[h]; *pp; pp = &(*pp)->next)
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	if (w.proc == p)
		w.proc = NULL;
	maps_free(p);
	dl.unw_destroy_addr_space(p->as);
	free(p);
}

static struct thr **thr_slot(const struct tracee *tp)
{
	unsigned int h = hash_ul((unsigned long)(uintptr_t)tp) % THR_HASH;
	struct thr **tt;

	for (tt = &thrs[h]; *tt; tt = &(*tt)->next)
		if ((*tt)->tp == tp)
			break;
	return tt;
}

static void thr_detach(struct thr *t)
{
	if (t->upt)
		dl._UPT_destroy(t->upt);
	t->upt = NULL;
	if (t->proc)
		proc_put(t->proc);
	t->proc = NULL;
}

static bool thr_attach(struct thr *t, pid_t tid)
{
	t->tid = tid;
	t->proc = proc_get(read_tgid(tid));
	if (!t->proc)
		return false;
	t->upt = dl._UPT_create(tid);
	if (!t->upt) {
		proc_put(t->proc);
		t->proc = NULL;
		return false;
	}
	return true;
}

static struct thr *thr_get(struct tracee *tp)
{
	struct thr **tt = thr_slot(tp), *t = *tt;

	if (!t) {
		t = xcalloc(1, sizeof(*t));
		t->tp = tp;
		*tt = t;
	} else if (t->proc && t->tid != tp->pid) {
		/* execve in a thread: it took over the leader's pid */
		thr_detach(t);
	}
	if (!t->proc && !thr_attach(t, tp->pid))
		return NULL;
	return t;
}

/* -------------------------------------------------------------- the walk */

static bool changes_mappings(unsigned long scno)
{
	switch (scno) {
	case __NR_mmap:
	case __NR_mprotect:
	case __NR_munmap:
	case __NR_brk:
	case __NR_mremap:
	case __NR_shmat:
	case __NR_shmdt:
	case __NR_remap_file_pages:
	case __NR_pkey_mprotect:
	case __NR_execve:
	case __NR_execveat:
		return true;
	default:
		return false;
	}
}

/* The same, for int 0x80 (asm/unistd_32.h is not always there). */
static bool changes_mappings_i386(unsigned long scno)
{
	switch (scno) {
	case 11:	/* execve */
	case 45:	/* brk */
	case 90:	/* mmap */
	case 91:	/* munmap */
	case 117:	/* ipc: shmat, shmdt */
	case 125:	/* mprotect */
	case 163:	/* mremap */
	case 192:	/* mmap2 */
	case 257:	/* remap_file_pages */
	case 358:	/* execveat */
	case 380:	/* pkey_mprotect */
		return true;
	default:
		return false;
	}
}

/* Where a walk's lines go: out, or into the thread's queue. */
struct frame_out {
	struct tracee *tp;
	struct thr *queue;	/* capturing */
};

static void put_frame(struct frame_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put_frame(struct frame_out *o, const char *fmt, ...)
{
	static char *buf;
	static size_t cap;
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(buf, cap, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
		if ((size_t)n < cap)
			break;
		cap = (size_t)n + 256;
		buf = xrealloc(buf, cap);
	}
	if (o->queue) {
		struct thr *t = o->queue;

		if (t->nqueue == t->qcap) {
			t->qcap = t->qcap ? t->qcap * 2 : 32;
			t->queue = xrealloc(t->queue,
					    t->qcap * sizeof(*t->queue));
		}
		t->queue[t->nqueue++] = xstrdup(buf);
	} else {
		sink_raw_line(o->tp, buf);
	}
}

static void walk(struct frame_out *o, struct thr *t)
{
	struct tracee *tp = o->tp;
	struct proc *p = t->proc;
	unw_cursor_t cursor;
	bool prev_instr = false;
	int depth;

	w.pid = tp->pid;
	w.proc = p;
	w.refreshed = false;
	w.last = NULL;
	memset(w.chunk_valid, 0, sizeof(w.chunk_valid));
	if (ptrace(PTRACE_GETREGS, tp->pid, 0, &w.regs) < 0)
		return;
	if (!p->maps_valid) {
		w.refreshed = true;
		if (!maps_load(p))
			return;
	}
	if (dl.unw_init_remote(&cursor, p->as, t->upt) < 0)
		return;
	for (depth = 0; depth < MAX_FRAMES; depth++) {
		struct mapping *m;
		unw_word_t ip;
		unsigned long true_off;
		const char *name = NULL;
		unsigned long off = 0;

		if (dl.unw_get_reg(&cursor, UNW_REG_IP, &ip) < 0) {
			perror_msg("cannot walk the stack of process %d",
				   tp->pid);
			break;
		}
		m = maps_find(ip);
		if (!m || !(m->prot & PROT_X)) {
			if (ip)
				put_frame(o,
					" > unexpected_backtracing_error [%#lx]",
					(unsigned long)ip);
			break;
		}
		true_off = ip - m->start + m->offset;
#ifdef HAVE_LIBDW
		{
			struct efile *f = map_file(m);

			if (f) {
				name = symbolize(f, m, prev_instr ? ip - 1 : ip,
						 &off);
				if (prev_instr)
					off++;
			}
		}
#else
		(void)prev_instr;	/* no symbols: offsets only */
#endif
		/*
		 * strace formats captured frames apart, and there a frame
		 * without a symbol is "PATH(+0x0)".
		 */
		if ((name && *name) || o->queue)
			put_frame(o, " > %s(%s+0x%lx) [0x%lx]", m->path,
				  name ? name : "", name ? off : 0, true_off);
		else
			put_frame(o, " > %s() [0x%lx]", m->path, true_off);
		prev_instr = dl.unw_is_signal_frame(&cursor) <= 0;
		if (dl.unw_step(&cursor) <= 0)
			break;
	}
	if (depth >= MAX_FRAMES)
		put_frame(o, " > too many stack frames");
}

/* Prints, and empties, what was captured for T. */
static void queue_flush(struct thr *t, struct tracee *tp)
{
	for (size_t i = 0; i < t->nqueue; i++) {
		sink_raw_line(tp, t->queue[i]);
		free(t->queue[i]);
	}
	t->nqueue = 0;
}

void stack_print(struct tracee *tp)
{
	struct frame_out o = { tp, NULL };
	struct thr *t;

	/* strace prints no frames for the i386 personality */
	if (tp->arch != ARCH_X86_64) {
		t = *thr_slot(tp);
		if (t && t->proc && changes_mappings_i386(tp->scno))
			t->proc->maps_valid = false;
		return;
	}
	accessors_init();
	t = thr_get(tp);
	if (!t)
		return;
	if (changes_mappings(tp->scno)) {
		t->proc->maps_valid = false;
		if (tp->scno == __NR_execve || tp->scno == __NR_execveat) {
			/* a new program: libunwind's own image cache too */
			dl._UPT_destroy(t->upt);
			t->upt = dl._UPT_create(tp->pid);
			if (!t->upt) {
				thr_detach(t);
				return;
			}
		}
	}
	if (t->nqueue)
		queue_flush(t, tp);
	else
		walk(&o, t);
}

/*
 * Not in stack.h yet.  At the entry of a printed execve, execveat, exit
 * or exit_group, strace takes the stack then (after the call, the
 * program or the process is gone) and prints it at the exit instead,
 * or, for the exits, when the tracee goes away (stack_forget), after
 * its "+++ exited" line.  Other calls: nothing.
 */
void stack_capture(struct tracee *tp)
{
	struct frame_out o = { tp, NULL };
	struct thr *t;

	if (!opt.stack_trace || tp->arch != ARCH_X86_64 ||
	    (tp->flags & (TRC_HIDE | TRC_FIRST_EXEC | TRC_HIDDEN_CALL)))
		return;
	switch (tp->scno) {
	case __NR_execve:
	case __NR_execveat:
	case __NR_exit:
	case __NR_exit_group:
		break;
	default:
		return;
	}
	accessors_init();
	t = thr_get(tp);
	if (!t)
		return;
	queue_flush(t, tp);	/* strace dies there: it cannot happen */
	o.queue = t;
	walk(&o, t);
}

void stack_forget(struct tracee *tp)
{
	struct thr **tt = thr_slot(tp), *t = *tt;

	if (!t)
		return;
	queue_flush(t, tp);
	free(t->queue);
	*tt = t->next;
	thr_detach(t);
	free(t);
}

#endif /* HAVE_LIBUNWIND */
