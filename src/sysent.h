/* The syscall table: what syscallent/ describes, as C. */
#ifndef SCTRACE_SYSENT_H
#define SCTRACE_SYSENT_H

#include <stdint.h>

struct tracee;
struct xlat;

enum argtype {
#define ARGTYPE(name, how) ARG_##name,
#include "argtype.def"
#undef ARGTYPE
	ARG_TYPE_COUNT
};

/* When an argument is printed: on entry, or on exit once the kernel wrote it.
 */
enum argdir {
	DIR_IN = 0,
	DIR_OUT,   /* printed on exit; as an address if the call failed */
	DIR_INOUT, /* printed on entry and again on exit: [in => out] */
};

/* argspec.len: where a buffer or array takes its length from. */
#define LEN_NONE (-1)
#define LEN_RVAL (-2)

struct argspec {
	uint8_t type;		 /* enum argtype */
	uint8_t dir;		 /* enum argdir */
	int8_t len;		 /* 0..5 argument index, LEN_RVAL or LEN_NONE */
	const struct xlat *xlat; /* for flags / enum */
};

/* How the return value prints. */
enum rettype {
	RET_DEC = 0, /* signed decimal, -1 ERRNO (strerror) on failure */
	RET_HEX,     /* 0x..., for addresses (mmap, brk) */
	RET_OCT,     /* umask */
	RET_FD,
	RET_PID,   /* a process or thread: 1234<sh> with --decode-pids=comm */
	RET_NONE,  /* never returns: exit, exit_group -> "= ?" */
	RET_FLAGS, /* 0x8002 (flags O_RDWR|O_LARGEFILE): tracee.ret_xlat */
};

/* Class flags, strace's classes: -e trace=%file and friends (issue 5). */
enum {
	TD = 1 << 0,	/* %desc */
	TF = 1 << 1,	/* %file */
	TI = 1 << 2,	/* %ipc */
	TN = 1 << 3,	/* %network */
	TP = 1 << 4,	/* %process */
	TS = 1 << 5,	/* %signal */
	TM = 1 << 6,	/* %memory */
	TST = 1 << 7,	/* %stat */
	TLST = 1 << 8,	/* %lstat */
	TFST = 1 << 9,	/* %fstat */
	TSTA = 1 << 10, /* %%stat */
	TSF = 1 << 11,	/* %statfs */
	TFSF = 1 << 12, /* %fstatfs */
	TSFA = 1 << 13, /* %%statfs */
	PU = 1 << 14,	/* %pure */
	TC = 1 << 15,	/* %creds */
	TCL = 1 << 16,	/* %clock */
};

/*
 * A decoder is called on entry (exiting == 0) and, unless it returned
 * DEC_DONE there, again on exit.  It prints arguments through the emitter.
 * On exit it returns the return-value format (an enum rettype).
 */
#define DEC_MORE 0 /* entry: call again on exit */
#define DEC_DONE 1 /* entry: all arguments printed */
/* entry: call again on exit, which goes on with the same argument
 * ({...} => {...}), so no ", " is put out after it */
#define DEC_INOUT 2
typedef int (*decode_fn)(struct tracee *tp, int exiting);

struct sysent {
	const char *name;
	uint32_t flags;
	uint8_t nargs;
	uint8_t ret; /* enum rettype */
	struct argspec args[6];
	decode_fn decode; /* NULL: the signature is enough */
};

/* The generated x86-64 table, indexed by syscall number. */
extern const struct sysent sysent_x86_64[];
extern const unsigned int nsysent_x86_64;
/* i386, for int 0x80 from 64-bit processes (generic decoding only). */
extern const struct sysent sysent_i386[];
extern const unsigned int nsysent_i386;

/* NULL for numbers the table does not know. */
const struct sysent *sysent_lookup(unsigned long nr);
/* The x86-64 number of the syscall NAME, -1 if there is none. */
long sysent_nr_by_name(const char *name);

#endif
