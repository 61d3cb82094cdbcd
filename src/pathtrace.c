#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "memory.h"
#include "options.h"
#include "pathtrace.h"
#include "qualify.h"
#include "sysent.h"
#include "tracee.h"
#include "util.h"

#define MAX_FD_SET 1024

static char **paths;
static size_t npaths;
static bool fd_set_given;
static bool fd_set_inverted;
static bool fds[MAX_FD_SET];

static void add(const char *p)
{
	for (size_t i = 0; i < npaths; i++)
		if (!strcmp(paths[i], p))
			return;
	paths = xrealloc(paths, (npaths + 1) * sizeof(*paths));
	paths[npaths++] = xstrdup(p);
}

void pathtrace_add_path(const char *path)
{
	char real[PATH_MAX];

	add(path);
	/* As strace: a link is also its target, said once on stderr. */
	if (realpath(path, real) && strcmp(real, path)) {
		if (!opt.quiet && !qual_quiet(QUIET_PATH_RESOLUTION))
			error_msg("Requested path \"%s\" resolved into \"%s\"",
				  path, real);
		add(real);
	}
}

int pathtrace_set_fds(const char *set, char *err, size_t errlen)
{
	char *copy, *save = NULL;
	bool all = false;

	fd_set_inverted = false;
	while (*set == '!') {
		fd_set_inverted = !fd_set_inverted;
		set++;
	}
	memset(fds, 0, sizeof(fds));
	if (!strcmp(set, "all"))
		all = true;
	else if (strcmp(set, "none")) {
		copy = xstrdup(set);
		for (char *tok = strtok_r(copy, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save)) {
			char *end;
			long fd;

			errno = 0;
			fd = strtol(tok, &end, 10);
			if (errno || end == tok || *end || fd < 0 ||
			    fd >= MAX_FD_SET) {
				snprintf(err, errlen, "invalid descriptor '%s'",
					 tok);
				free(copy);
				return -1;
			}
			fds[fd] = true;
		}
		free(copy);
	}
	if (all)
		memset(fds, 1, sizeof(fds));
	fd_set_given = true;
	return 0;
}

bool pathtrace_active(void)
{
	return npaths || fd_set_given;
}

static bool fd_in_set(int fd)
{
	bool in = fd >= 0 && fd < MAX_FD_SET && fds[fd];

	return fd_set_given && fd >= 0 && in != fd_set_inverted;
}

static bool path_listed(const char *p)
{
	for (size_t i = 0; i < npaths; i++)
		if (!strcmp(paths[i], p))
			return true;
	return false;
}

/* What the tracee's descriptor refers to, from /proc. */
static bool fd_names_path(const struct tracee *tp, int fd)
{
	char link[64], target[PATH_MAX];
	ssize_t n;

	if (!npaths || fd < 0)
		return false;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", tp->pid, fd);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0)
		return false;
	target[n] = '\0';
	return path_listed(target);
}

static bool arg_path_listed(const struct tracee *tp, unsigned long addr)
{
	char buf[PATH_MAX + 1];
	bool terminated;

	if (!npaths || !addr)
		return false;
	return mem_read_str(tp->pid, addr, buf, PATH_MAX, &terminated) >= 0 &&
	       terminated && path_listed(buf);
}

bool pathtrace_match(struct tracee *tp, const struct sysent *se)
{
	if (!se)
		return false;
	for (int i = 0; i < se->nargs; i++) {
		int fd = (int)tp->args[i];

		switch (se->args[i].type) {
		case ARG_path:
			if (arg_path_listed(tp, tp->args[i]))
				return true;
			break;
		case ARG_dirfd:
			if (fd == -100)	/* AT_FDCWD */
				break;
			/* fall through */
		case ARG_fd:
			if (fd_in_set(fd) || fd_names_path(tp, fd))
				return true;
			break;
		default:
			break;
		}
	}
	return false;
}
