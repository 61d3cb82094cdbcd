/* Dies of a SIGSEGV at address 8. */
#include <stdlib.h>

int main(void)
{
	/* Computed at run time, so the compiler cannot see the bad address. */
	volatile int *p = (volatile int *)strtoul("8", NULL, 0);

	return *p;
}
