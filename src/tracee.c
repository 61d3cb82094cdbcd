#include <stdio.h>
#include <stdlib.h>

#include "tracee.h"
#include "util.h"

#define HASH_SIZE 1024 /* power of two; chains stay short for any tree */

static struct tracee *hash[HASH_SIZE];
static struct tracee *all;
static unsigned int count, silent, created;

static unsigned int slot(pid_t pid)
{
	return (unsigned int)pid & (HASH_SIZE - 1);
}

struct tracee *tracee_new(pid_t pid)
{
	struct tracee *tp = xcalloc(1, sizeof(*tp));

	tp->pid = pid;
	tp->lid = ++created;
	emit_init(&tp->em, &tp->line);
	tp->hnext = hash[slot(pid)];
	hash[slot(pid)] = tp;
	tp->lnext = all;
	all = tp;
	count++;
	return tp;
}

struct tracee *tracee_find(pid_t pid)
{
	for (struct tracee *tp = hash[slot(pid)]; tp; tp = tp->hnext)
		if (tp->pid == pid)
			return tp;
	return NULL;
}

static void unhash(struct tracee *tp)
{
	struct tracee **pp;

	for (pp = &hash[slot(tp->pid)]; *pp; pp = &(*pp)->hnext)
		if (*pp == tp) {
			*pp = tp->hnext;
			break;
		}
}

/* From /proc at the first need; the thread that runs execve keeps it. */
pid_t tracee_tgid(struct tracee *tp)
{
	char path[64], line[128];
	FILE *fp;

	if (tp->tgid)
		return tp->tgid;
	snprintf(path, sizeof(path), "/proc/%d/status", tp->pid);
	fp = fopen(path, "re");
	while (fp && fgets(line, sizeof(line), fp))
		if (sscanf(line, "Tgid: %d", &tp->tgid) == 1)
			break;
	if (fp)
		fclose(fp);
	if (tp->tgid <= 0)
		tp->tgid = tp->pid; /* gone: the best there is */
	return tp->tgid;
}

void tracee_rekey(struct tracee *tp, pid_t pid)
{
	unhash(tp);
	tp->pid = pid;
	tp->tgid = pid;
	tp->hnext = hash[slot(pid)];
	hash[slot(pid)] = tp;
}

void tracee_free(struct tracee *tp)
{
	struct tracee **pp;

	unhash(tp);
	for (pp = &all; *pp; pp = &(*pp)->lnext)
		if (*pp == tp) {
			*pp = tp->lnext;
			break;
		}
	count--;
	if (tp->flags & TRC_SILENT)
		silent--;
	sb_free(&tp->line);
	sb_free(&tp->held);
	free(tp->inject_counts);
	free(tp);
}

struct tracee *tracee_first(void)
{
	return all;
}

unsigned int tracee_count(void)
{
	return count;
}

unsigned int tracee_visible_count(void)
{
	return count - silent;
}

void tracee_set_silent(struct tracee *tp, bool on)
{
	if (on == !!(tp->flags & TRC_SILENT))
		return;
	if (on) {
		silent++;
		tp->flags |= TRC_SILENT;
	} else {
		silent--;
		tp->flags &= ~TRC_SILENT;
	}
}
