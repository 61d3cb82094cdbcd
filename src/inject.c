#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inject.h"
#include "qualify.h"
#include "signame.h"
#include "sysent.h"
#include "tracee.h"
#include "util.h"
#include "xlat.h"

static struct inject_rule *rules;
static size_t nrules;

static bool parse_ulong(const char *s, unsigned long *v)
{
	char *end;

	errno = 0;
	*v = strtoul(s, &end, 10);
	return !errno && end != s && !*end && *s != '-';
}

static bool parse_error(const char *s, int *e)
{
	unsigned long v;

	for (uint32_t i = 0; i < xlat_errnos.size; i++)
		if (!strcmp(xlat_errnos.data[i].str, s)) {
			*e = (int)xlat_errnos.data[i].val;
			return true;
		}
	if (!parse_ulong(s, &v) || v < 1 || v > 4095)
		return false;
	*e = (int)v;
	return true;
}

static bool parse_signal(const char *s, int *sig)
{
	unsigned long v;

	for (int i = 1; i <= 64; i++) {
		const char *name = signame(i);

		if (!strcmp(s, name) || (!strncmp(name, "SIG", 3) &&
					 !strcmp(s, name + 3))) {
			*sig = i;
			return true;
		}
	}
	if (!parse_ulong(s, &v) || v < 1 || v > 64)
		return false;
	*sig = (int)v;
	return true;
}

/* when=N, N+, N+S, N..M, N..M+S (the N-th call counts from 1). */
static bool parse_when(const char *s, struct inject_rule *r)
{
	char buf[64], *plus, *dots;
	unsigned long v;

	if (strlen(s) >= sizeof(buf))
		return false;
	strcpy(buf, s);
	r->step = 0;
	r->last = 0;
	plus = strchr(buf, '+');
	if (plus) {
		*plus++ = '\0';
		r->step = 1;
		if (*plus && (!parse_ulong(plus, &r->step) || !r->step))
			return false;
	}
	dots = strstr(buf, "..");
	if (dots) {
		*dots = '\0';
		if (!parse_ulong(dots + 2, &r->last))
			return false;
		if (!r->step)
			r->step = 1;
	}
	if (!parse_ulong(buf, &v) || !v || (dots && r->last < v))
		return false;
	r->first = v;
	if (!plus && !dots)
		r->last = v;	/* that call only */
	return true;
}

static bool parse_option(char *opt, struct inject_rule *r, bool fault)
{
	char *val = strchr(opt, '=');

	if (!val)
		return false;
	*val++ = '\0';
	if (!strcmp(opt, "error"))
		return !r->has_retval && parse_error(val, &r->error);
	if (!strcmp(opt, "retval") && !fault) {
		if (r->error || r->has_retval)
			return false;
		r->has_retval = true;
		return parse_ulong(val, &r->retval) ||
		       (val[0] == '-' && parse_ulong(val + 1, &r->retval) &&
			(r->retval = -r->retval, true));
	}
	if (!strcmp(opt, "signal") && !fault)
		return parse_signal(val, &r->signal);
	if (!strcmp(opt, "delay_enter") && !fault)
		return parse_ulong(val, &r->delay_enter);
	if (!strcmp(opt, "delay_exit") && !fault)
		return parse_ulong(val, &r->delay_exit);
	if (!strcmp(opt, "syscall") && !fault) {
		r->replace_nr = sysent_nr_by_name(val);
		return r->replace_nr >= 0;
	}
	if (!strcmp(opt, "when"))
		return parse_when(val, r);
	return false;
}

int inject_parse(const char *arg, bool fault, char *err, size_t errlen)
{
	const char *what = fault ? "fault" : "inject";
	struct inject_rule r = { .replace_nr = -1, .first = 1, .step = 1 };
	char *copy = xstrdup(arg), *colon = strchr(copy, ':');
	char *save = NULL;
	bool ok = true;

	if (colon)
		*colon++ = '\0';
	r.nrs = xcalloc(nsysent_x86_64, sizeof(*r.nrs));
	if (qualify_syscall_set(copy, r.nrs, nsysent_x86_64, err, errlen) < 0) {
		free(r.nrs);
		free(copy);
		return -1;
	}
	for (char *o = colon ? strtok_r(colon, ":", &save) : NULL; ok && o;
	     o = strtok_r(NULL, ":", &save))
		ok = parse_option(o, &r, fault);
	if (fault && !r.error)
		r.error = ENOSYS;
	/* Something to do: strace refuses a bare set. */
	if (ok && !r.error && !r.has_retval && !r.signal && !r.delay_enter &&
	    !r.delay_exit)
		ok = false;
	free(copy);
	if (!ok) {
		free(r.nrs);
		return set_err(err, errlen, "invalid %s argument '%s'", what,
			       arg);
	}
	if (r.has_retval && r.retval >= (unsigned long)-4095)
		error_msg("Inadvertent injection of error %lu is possible for "
			  "retval=%lu", -r.retval, r.retval);
	rules = xrealloc(rules, (nrules + 1) * sizeof(*rules));
	rules[nrules++] = r;
	return 0;
}

bool inject_wanted(unsigned long nr)
{
	for (size_t i = 0; i < nrules; i++)
		if (nr < nsysent_x86_64 && rules[i].nrs[nr])
			return true;
	return false;
}

bool inject_skips(const struct inject_rule *r)
{
	return r->error || r->has_retval;
}

static bool when_matches(const struct inject_rule *r, unsigned long n)
{
	if (n < r->first || (r->last && n > r->last))
		return false;
	return r->step ? (n - r->first) % r->step == 0 : n == r->first;
}

const struct inject_rule *inject_match(struct tracee *tp)
{
	unsigned long nr = tp->scno;

	if (!nrules || tp->arch != ARCH_X86_64 || nr >= nsysent_x86_64)
		return NULL;
	/* The last option naming a syscall is the one for it. */
	for (size_t i = nrules; i-- > 0;) {
		if (!rules[i].nrs[nr])
			continue;
		if (!tp->inject_counts)
			tp->inject_counts = xcalloc(nsysent_x86_64,
						    sizeof(*tp->inject_counts));
		return when_matches(&rules[i], ++tp->inject_counts[nr]) ?
			       &rules[i] : NULL;
	}
	return NULL;
}
