/* -k: unwinding with libunwind-ptrace, symbols from the ELF files. */
#include "options.h"
#include "stack.h"
#include "tracee.h"

bool stack_available(void)
{
#ifdef HAVE_LIBUNWIND
	return true;
#else
	return false;
#endif
}

void stack_print(struct tracee *tp)
{
	(void)tp;
}

void stack_forget(struct tracee *tp)
{
	(void)tp;
}
