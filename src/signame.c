#include <stdio.h>

#include "signame.h"
#include "xlat.h"

#define KERNEL_SIGRTMIN 32
#define KERNEL_SIGRTMAX 64

const char *signame(int sig)
{
	static char buf[32];
	const char *name;

	if (sig > 0 && sig < KERNEL_SIGRTMIN) {
		name = xlat_name(&xlat_signals, (uint64_t)sig);
		if (name)
			return name;
	}
	if (sig == KERNEL_SIGRTMIN)
		return "SIGRTMIN";
	if (sig > KERNEL_SIGRTMIN && sig <= KERNEL_SIGRTMAX) {
		snprintf(buf, sizeof(buf), "SIGRT_%d", sig - KERNEL_SIGRTMIN);
		return buf;
	}
	snprintf(buf, sizeof(buf), "%d", sig);
	return buf;
}
