/*
 * Every read of tracee memory goes through here: process_vm_readv,
 * page by page where a string may end early, PTRACE_PEEKDATA when
 * process_vm_readv is not available.
 */
#ifndef SCTRACE_MEMORY_H
#define SCTRACE_MEMORY_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* 0 when all LEN bytes were read, -1 otherwise. */
int mem_read(pid_t pid, unsigned long addr, void *buf, size_t len);

/*
 * Reads a NUL-terminated string of at most MAX bytes into BUF (which has
 * room for MAX + 1).  Returns the length, or -1 if memory ends before the
 * NUL or byte MAX + 1; *terminated tells whether the NUL was within MAX.
 */
long mem_read_str(pid_t pid, unsigned long addr, char *buf, size_t max,
		  bool *terminated);

/*
 * Tests and fuzzing: every read is served from IMAGE, mapped at BASE,
 * instead of from a process (NULL: back to processes).
 */
void mem_fake(const void *image, size_t len, unsigned long base);

#endif
