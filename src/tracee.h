/* One struct tracee per traced thread: everything from entry to exit. */
#ifndef SCTRACE_TRACEE_H
#define SCTRACE_TRACEE_H

#include <stdbool.h>
#include <sys/types.h>
#include <sys/time.h>
#include <time.h>

#include "emit.h"
#include "strbuf.h"

struct inject_rule;
struct output;
struct sysent;
struct xlat;

enum tracee_flags {
	TRC_INSYSCALL = 1 << 0,	  /* between syscall entry and exit */
	TRC_HIDE = 1 << 1,	  /* our child before its first execve */
	TRC_STARTED = 1 << 2,	  /* the command sctrace started */
	TRC_LINE_OPEN = 1 << 3,	  /* half a line is out (entry printed) */
	TRC_CUT = 1 << 4,	  /* ... and another line cut it */
	TRC_DECODED = 1 << 5,	  /* entry printed every argument */
	TRC_HIDDEN_CALL = 1 << 6, /* this call is not printed */
	TRC_FIRST_EXEC = 1 << 7,  /* in the execve that ends TRC_HIDE */
	TRC_ATTACHED = 1 << 8,	  /* attached with -p: detached at the end */
	TRC_SECCOMP = 1 << 9,	  /* stops only where our filter says */
	TRC_MODE_SET = 1 << 10,	  /* TRC_SECCOMP was decided */
	TRC_DETACHING = 1 << 11,  /* interrupted, to be let go */
	TRC_COUNTED = 1 << 13,	  /* -c counts this call */
	TRC_DELAYED = 1 << 15,	  /* held back by delay_enter/delay_exit */
	TRC_HELD = 1 << 14,	  /* its entry waits in held (-e status=) */
	TRC_SILENT = 1 << 12,	  /* traced only because it runs under our
				     filter (without -f): never printed */
};

enum { ARCH_X86_64, ARCH_I386 };

struct tracee {
	pid_t pid;
	pid_t tgid;	   /* 0 until tracee_tgid() */
	unsigned int lid;  /* logical id: 1, 2, ... in order of creation */
	char comm[16];	   /* --decode-pids=comm: its name, last seen */
	unsigned int flags;

	/* The syscall in progress, from entry to exit. */
	unsigned long scno;
	unsigned char arch;	/* ARCH_X86_64, or ARCH_I386 for int 0x80 */
	unsigned char shown_arch; /* for "[ Process PID=N runs in ... ]" */
	const struct sysent *se;
	const struct sysent *prev_se; /* the call before: restart_syscall's */
	const char *name; /* for "<... NAME resumed>" */
	const struct inject_rule *inject; /* applied to the current call */
	unsigned long *inject_counts;	  /* calls so far, per syscall */
	unsigned long delay_us;		  /* wait this long before resuming */
	int resume_sig;			  /* signal= of an injection */
	char unknown_name[32]; /* syscall_0x270f */
	unsigned long args[6];
	long rval;
	int error;	      /* errno of a failed call, 0 otherwise */
	int argi;	      /* next argument the generic decoder prints */
	unsigned long aux[4]; /* decoder scratch between entry and exit */
	struct timespec entry_time; /* -T, -c: CLOCK_MONOTONIC at entry */
	struct timeval stime;	    /* -c: system time at the latest stop */
	struct timeval entry_stime; /* ... and at the entry of this call */
	const struct xlat *ret_xlat; /* for RET_FLAGS */
	bool ret_fd;		     /* the result is a descriptor (F_DUPFD) */

	/* Output. */
	struct strbuf line; /* text not yet handed to the sink */
	struct strbuf held; /* -e status=: a call's entry, until its end */
	size_t outcol;	    /* columns of this line already written */
	struct output *out;	/* where its lines go (sink.c) */
	struct emitter em;
	struct emitter held_em; /* the emitter of the held entry */

	struct tracee *hnext; /* pid hash chain */
	struct tracee *lnext; /* list of all tracees */
};

struct tracee *tracee_new(pid_t pid);
struct tracee *tracee_find(pid_t pid);
/* The thread that ran execve takes over the leader's pid. */
void tracee_rekey(struct tracee *tp, pid_t pid);
pid_t tracee_tgid(struct tracee *tp);
void tracee_free(struct tracee *tp);
struct tracee *tracee_first(void); /* iterate with tp->lnext */
/* How many are traced, and how many of those are printed. */
unsigned int tracee_count(void);
unsigned int tracee_visible_count(void);
void tracee_set_silent(struct tracee *tp, bool silent);

#endif
