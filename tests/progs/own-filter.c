/*
 * Installs a seccomp filter of its own, then calls getppid: with "errno"
 * the filter makes it fail with EPERM, with "trace" it asks for a tracer
 * (and gets ENOSYS when there is none), with "int80" it makes an i386
 * getpid through int 0x80 under no filter at all.  Prints what it got;
 * the test compares traced with untraced.  "status" prints its
 * NoNewPrivs and Seccomp lines.
 */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

static int install(unsigned int action)
{
	struct sock_filter code[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, SYS_getppid, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, action),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { sizeof(code) / sizeof(code[0]), code };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
}

static void show(const char *what, long rc)
{
	if (rc < 0)
		printf("%s: -1 %s\n", what, strerror(errno));
	else
		printf("%s: ok\n", what);
}

int main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "";

	if (!strcmp(mode, "status")) {
		char line[256];
		FILE *f = fopen("/proc/self/status", "r");

		while (f && fgets(line, sizeof(line), f))
			if (!strncmp(line, "NoNewPrivs:", 11))
				fputs(line, stdout);
		return 0;
	}
	if (!strcmp(mode, "int80")) {
		long rc;

		__asm__ volatile("int $0x80" : "=a"(rc) : "a"(20L) : "memory");
		printf("int80 getpid: %s\n", rc == getpid() ? "ok" : "wrong");
		return 0;
	}
	show("getppid before", syscall(SYS_getppid));
	if (install(!strcmp(mode, "trace") ? SECCOMP_RET_TRACE | 42 :
					     SECCOMP_RET_ERRNO | EPERM)) {
		perror("seccomp");
		return 1;
	}
	show("getppid after", syscall(SYS_getppid));
	show("getppid again", syscall(SYS_getppid));
	return 0;
}
