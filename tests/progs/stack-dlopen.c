/*
 * -k: the library that makes the system call is loaded with dlopen after
 * the program started (and its mappings are new to the tracer).
 *   stack-dlopen LIBRARY
 */
#include <dlfcn.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	int (*fn)(const char *);
	void *h;

	if (argc < 2)
		return 2;
	h = dlopen(argv[1], RTLD_NOW);
	if (!h) {
		fprintf(stderr, "%s\n", dlerror());
		return 1;
	}
	*(void **)&fn = dlsym(h, "lib_level1");
	if (!fn)
		return 1;
	fn("/sctrace-stack-marker");
	return 0;
}
