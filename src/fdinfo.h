/* -y / -yy: a tracee's descriptor described as strace prints it. */
#ifndef SCTRACE_FDINFO_H
#define SCTRACE_FDINFO_H

#include <stdbool.h>
#include <sys/types.h>

#include "strbuf.h"

#define FDINFO_CWD (-100) /* AT_FDCWD: the working directory */

/* Any of -e decode-fds=path,socket,dev,pidfd on. */
bool fdinfo_enabled(void);
/*
 * Appends "<...>" ("</etc/passwd>", "<TCP:[...]>", "</tmp/x>(deleted)")
 * for descriptor FD (or FDINFO_CWD) of PID; false, with nothing
 * appended, when there is nothing to say (closed, gone, decoding off).
 */
bool fdinfo_describe(pid_t pid, int fd, struct strbuf *sb);

#endif
