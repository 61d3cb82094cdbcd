/*
 * Process control: start the command under PTRACE_SEIZE, run the event
 * loop, restart and detach.  Knows nothing about how a syscall prints.
 */
#ifndef SCTRACE_TRACER_H
#define SCTRACE_TRACER_H

/*
 * Attaches to the -p processes and runs the command in opt, until every
 * tracee is gone.  Returns the wait status of the command (for exit
 * status or death by signal; 0 without a command), or -1 when tracing
 * was cut short (interrupted, the trace output failed, nothing could be
 * attached).
 */
int tracer_run(void);

/* The signal that made sctrace stop tracing (SIGINT...), or 0. */
int tracer_interrupted(void);

/* Dies of SIG, without a core dump, the way the command died. */
void tracer_mimic_death(int sig);

#endif
