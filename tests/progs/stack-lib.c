/* -k: a shared library whose functions make the system call. */
#include <fcntl.h>
#include <unistd.h>

#ifdef __clang__
# define NOINLINE __attribute__((noinline, used))
#else
# define NOINLINE __attribute__((noinline, noclone, used))
#endif

static volatile int depth;

NOINLINE int lib_level3(const char *path)
{
	int fd = openat(AT_FDCWD, path, O_RDONLY);

	depth++;
	return fd;
}

NOINLINE int lib_level2(const char *path)
{
	int r = lib_level3(path);

	depth++;
	return r;
}

NOINLINE int lib_level1(const char *path)
{
	int r = lib_level2(path);

	depth++;
	return r;
}
