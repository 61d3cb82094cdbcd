/* Signal names as strace prints them: SIGSEGV, SIGRTMIN, SIGRT_3, 77. */
#ifndef SCTRACE_SIGNAME_H
#define SCTRACE_SIGNAME_H

const char *signame(int sig);

#endif
