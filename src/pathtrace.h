/* -P PATH and --trace-fds=SET: only the calls that touch them. */
#ifndef SCTRACE_PATHTRACE_H
#define SCTRACE_PATHTRACE_H

#include <stdbool.h>
#include <stddef.h>

struct tracee;
struct sysent;

/* -P PATH; a symlink is also matched as what it resolves to. */
void pathtrace_add_path(const char *path);
/* --trace-fds=SET: [!]all|none|FD[,FD]...  0, or -1 with a message. */
int pathtrace_set_fds(const char *set, char *err, size_t errlen);
bool pathtrace_active(void);
/* Does the call TP is entering name one of the paths or fds? */
bool pathtrace_match(struct tracee *tp, const struct sysent *se);

#endif
