/*
 * The -c summary.  Times are kept in nanoseconds; where strace 6.1 goes
 * through a double (percentages, usecs/call), the same double arithmetic
 * is done here, so that the truncations land on the same digits
 * (0.000354 s over one call prints as 353 usecs/call in strace).
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "summary.h"
#include "util.h"
#include "xlat.h"

#define NS_PER_SEC UINT64_C(1000000000)
#define NR_SLOTS 1024

/*
 * Latency histogram: values below 2^SUB_BITS are counted exactly; above,
 * each power of two [2^e, 2^(e+1)) is split into 2^SUB_BITS buckets of
 * width 2^(e-SUB_BITS), so a bucket's midpoint is within 2^-(SUB_BITS+1)
 * (0.39%) of any value in it.  Octaves are allocated on first use.
 */
#define SUB_BITS 7
#define SUB_COUNT (1u << SUB_BITS)
#define NOCTAVES (64 - SUB_BITS + 1)

struct histogram {
	uint64_t *octave[NOCTAVES];
};

struct errno_count {
	int err;
	uint64_t count;
};

struct sc_stats {
	const char *name;
	unsigned long nr;
	uint64_t calls, errors;
	uint64_t total, min, max; /* ns */
	uint64_t p50, p99;	  /* ns, filled in when printing */
	struct histogram hist;
	struct errno_count *errnos;
	size_t nerrnos;
};

/* Per ABI (strace's personalities): x86-64, then i386 (int 0x80). */
static struct sc_stats *stats[SUMMARY_NABI][NR_SLOTS];
/* every call of an ABI: the total line's p50/p99 */
static struct histogram all_hist[SUMMARY_NABI];
static uint64_t overhead;

/* ---- options ---- */

static const struct {
	const char *name;
	uint8_t column;
} column_names[] = {
	{ "time", SCOL_PERCENT },
	{ "time_percent", SCOL_PERCENT },
	{ "time-percent", SCOL_PERCENT },
	{ "time_total", SCOL_TOTAL },
	{ "time-total", SCOL_TOTAL },
	{ "total_time", SCOL_TOTAL },
	{ "total-time", SCOL_TOTAL },
	{ "min_time", SCOL_MIN },
	{ "min-time", SCOL_MIN },
	{ "shortest", SCOL_MIN },
	{ "time_min", SCOL_MIN },
	{ "time-min", SCOL_MIN },
	{ "longest", SCOL_MAX },
	{ "max_time", SCOL_MAX },
	{ "max-time", SCOL_MAX },
	{ "time_max", SCOL_MAX },
	{ "time-max", SCOL_MAX },
	{ "avg_time", SCOL_AVG },
	{ "avg-time", SCOL_AVG },
	{ "time_avg", SCOL_AVG },
	{ "time-avg", SCOL_AVG },
	{ "calls", SCOL_CALLS },
	{ "count", SCOL_CALLS },
	{ "error", SCOL_ERRORS },
	{ "errors", SCOL_ERRORS },
	{ "name", SCOL_NAME },
	{ "syscall", SCOL_NAME },
	{ "syscall_name", SCOL_NAME },
	{ "syscall-name", SCOL_NAME },
	{ "p50", SCOL_P50 },
	{ "p99", SCOL_P99 },
	{ "errno", SCOL_ERRNOS },
	{ "errnos", SCOL_ERRNOS },
	/* -S only: no sorting. */
	{ "none", SCOL_NONE },
	{ "nothing", SCOL_NONE },
};

static const int8_t sort_of_column[SCOL_COUNT] = {
	[SCOL_NONE] = SSORT_NOTHING, [SCOL_PERCENT] = SSORT_TIME,
	[SCOL_TOTAL] = SSORT_TIME,   [SCOL_MIN] = SSORT_MIN_TIME,
	[SCOL_MAX] = SSORT_MAX_TIME, [SCOL_AVG] = SSORT_AVG_TIME,
	[SCOL_CALLS] = SSORT_CALLS,  [SCOL_ERRORS] = SSORT_ERRORS,
	[SCOL_NAME] = SSORT_NAME,    [SCOL_P50] = SSORT_P50,
	[SCOL_P99] = SSORT_P99,	     [SCOL_ERRNOS] = SSORT_ERRORS,
};

void summary_opts_init(struct summary_opts *o)
{
	static const uint8_t def[] = { SCOL_PERCENT, SCOL_TOTAL,  SCOL_AVG,
				       SCOL_CALLS,   SCOL_ERRORS, SCOL_NAME };

	memset(o, 0, sizeof(*o));
	o->sortby = SSORT_TIME;
	o->ncolumns = ARRAY_SIZE(def);
	memcpy(o->columns, def, sizeof(def));
}

int summary_parse_sortby(const char *s)
{
	for (size_t i = 0; i < ARRAY_SIZE(column_names); i++)
		if (!strcmp(s, column_names[i].name))
			return sort_of_column[column_names[i].column];
	return -1;
}

/* The column an item of -U names (len bytes at s), or -1. */
static int column_lookup(const char *s, size_t len, const char **name)
{
	for (size_t i = 0; i < ARRAY_SIZE(column_names); i++) {
		const char *n = column_names[i].name;

		if (column_names[i].column == SCOL_NONE)
			continue;
		if (strlen(n) == len && !strncmp(n, s, len)) {
			*name = n;
			return column_names[i].column;
		}
	}
	return -1;
}

int summary_parse_columns(const char *s, struct summary_opts *o, char *err,
			  size_t errlen)
{
	bool seen[SCOL_COUNT] = { false };
	uint8_t cols[SCOL_COUNT];
	unsigned int n = 0;
	const char *item = s;

	for (;;) {
		const char *comma = strchr(item, ',');
		size_t len = comma ? (size_t)(comma - item) : strlen(item);
		const char *name;
		int c = column_lookup(item, len, &name);

		if (c < 0)
			return set_err(err, errlen,
					   "unknown column name: '%.*s'",
					   (int)len, item);
		if (seen[c])
			return set_err(
				err, errlen,
				"call summary column has been provided more "
				"than once: '%s' (-U option residual: '%s')",
				name, item);
		seen[c] = true;
		cols[n++] = (uint8_t)c;
		if (!comma)
			break;
		item = comma + 1;
	}
	/* A table without names means nothing: strace adds them. */
	if (!seen[SCOL_NAME])
		cols[n++] = SCOL_NAME;
	memcpy(o->columns, cols, n);
	o->ncolumns = n;
	return 0;
}

/* strace's -O: a float (or integer) with an optional unit, default us. */
int summary_parse_overhead(const char *s, uint64_t *ns)
{
	size_t float_len = strspn(s, "eE.-+0123456789");
	size_t int_len = strspn(s, "+0123456789");
	double v, scale;
	char *end;

	errno = 0;
	if (float_len > int_len) {
		v = strtod(s, &end);
		if (end == s || errno || v < 0)
			return -1;
	} else {
		long long iv = strtoll(s, &end, 10);

		if (end == s || errno || iv < 0)
			return -1;
		v = (double)iv;
	}
	if (!strcmp(end, "") || !strcmp(end, "us"))
		scale = 1e3;
	else if (!strcmp(end, "s"))
		scale = 1e9;
	else if (!strcmp(end, "ms"))
		scale = 1e6;
	else if (!strcmp(end, "ns"))
		scale = 1;
	else
		return -1;
	v *= scale;
	*ns = v >= 18446744073709551615.0 ? UINT64_MAX : (uint64_t)v;
	return 0;
}

void summary_set_overhead(uint64_t ns)
{
	overhead = ns;
}

/* ---- counting ---- */

static unsigned int hist_octave(uint64_t v, unsigned int *sub)
{
	unsigned int e;

	if (v < SUB_COUNT) {
		*sub = (unsigned int)v;
		return 0;
	}
	e = 63 - (unsigned int)__builtin_clzll(v);
	*sub = (unsigned int)(v >> (e - SUB_BITS)) - SUB_COUNT;
	return e - SUB_BITS + 1;
}

static void hist_add(struct histogram *h, uint64_t v)
{
	unsigned int sub, oct = hist_octave(v, &sub);

	if (!h->octave[oct])
		h->octave[oct] = xcalloc(SUB_COUNT, sizeof(uint64_t));
	h->octave[oct][sub]++;
}

/* The midpoint of a bucket. */
static uint64_t hist_value(unsigned int oct, unsigned int sub)
{
	unsigned int shift;
	uint64_t base;

	if (oct == 0)
		return sub;
	shift = oct - 1;
	base = (uint64_t)(SUB_COUNT + sub) << shift;
	return base + (((UINT64_C(1) << shift) - 1) >> 1);
}

/* The value at rank ceil(pct% of n), clamped to the exact extremes. */
static uint64_t hist_percentile(const struct histogram *h, uint64_t n,
				unsigned int pct, uint64_t min, uint64_t max)
{
	uint64_t rank = (n * pct + 99) / 100, seen = 0;

	if (rank == 0)
		rank = 1;
	for (unsigned int oct = 0; oct < NOCTAVES; oct++) {
		if (!h->octave[oct])
			continue;
		for (unsigned int sub = 0; sub < SUB_COUNT; sub++) {
			uint64_t v;

			seen += h->octave[oct][sub];
			if (seen < rank)
				continue;
			v = hist_value(oct, sub);
			return v < min ? min : v > max ? max : v;
		}
	}
	return max;
}

static void hist_free(struct histogram *h)
{
	for (unsigned int oct = 0; oct < NOCTAVES; oct++) {
		free(h->octave[oct]);
		h->octave[oct] = NULL;
	}
}

static void count_errno(struct sc_stats *s, int err)
{
	for (size_t i = 0; i < s->nerrnos; i++) {
		if (s->errnos[i].err == err) {
			s->errnos[i].count++;
			return;
		}
	}
	s->errnos = xrealloc(s->errnos, (s->nerrnos + 1) * sizeof(*s->errnos));
	s->errnos[s->nerrnos].err = err;
	s->errnos[s->nerrnos].count = 1;
	s->nerrnos++;
}

void summary_add(enum summary_abi abi, unsigned long nr, const char *name,
		 uint64_t ns, int error)
{
	struct sc_stats *s;

	if (abi >= SUMMARY_NABI || nr >= NR_SLOTS || !name)
		return;
	s = stats[abi][nr];
	if (!s) {
		s = stats[abi][nr] = xcalloc(1, sizeof(*s));
		s->nr = nr;
		s->min = UINT64_MAX;
	}
	s->name = name;
	ns = ns > overhead ? ns - overhead : 0;
	s->calls++;
	s->total += ns;
	if (ns < s->min)
		s->min = ns;
	if (ns > s->max)
		s->max = ns;
	hist_add(&s->hist, ns);
	hist_add(&all_hist[abi], ns);
	if (error) {
		s->errors++;
		count_errno(s, error);
	}
}

void summary_reset(void)
{
	for (int abi = 0; abi < SUMMARY_NABI; abi++) {
		for (size_t nr = 0; nr < NR_SLOTS; nr++) {
			struct sc_stats *s = stats[abi][nr];

			if (!s)
				continue;
			hist_free(&s->hist);
			free(s->errnos);
			free(s);
			stats[abi][nr] = NULL;
		}
		hist_free(&all_hist[abi]);
	}
}

/* ---- printing ---- */

/* strace's timespec -> double: seconds plus nanoseconds / 1e9. */
static double ts_float(uint64_t ns)
{
	return (double)(ns / NS_PER_SEC) + (double)(ns % NS_PER_SEC) / 1e9;
}

/* Rounded to the nearest nanosecond, as strace divides a timespec. */
static uint64_t avg_ns(const struct sc_stats *s)
{
	return (s->total + s->calls / 2) / s->calls;
}

static uint64_t usecs(double seconds)
{
	return (uint64_t)(seconds * 1e6);
}

/* What the table needs besides the rows. */
struct totals {
	uint64_t time, calls, errors;
	uint64_t min, max; /* over every call */
	uint64_t max_min;  /* the largest per-syscall minimum */
	uint64_t max_avg;  /* the largest per-syscall average */
	size_t name_len;   /* the longest name */
	struct sc_stats **rows;
	size_t nrows;
	struct sc_stats all; /* the total line's extras: p50, p99, errnos */
	uint64_t p50_max, p99_max;
	int errnos_width;
};

static int sort_key;

static int cmp_u64_desc(uint64_t a, uint64_t b)
{
	return a < b ? 1 : a > b ? -1 : 0;
}

static void percentiles(struct sc_stats *s)
{
	s->p50 = hist_percentile(&s->hist, s->calls, 50, s->min, s->max);
	s->p99 = hist_percentile(&s->hist, s->calls, 99, s->min, s->max);
}

/* Ties keep syscall number order: strace's merge sort is stable. */
static int row_cmp(const void *pa, const void *pb)
{
	const struct sc_stats *a = *(struct sc_stats *const *)pa;
	const struct sc_stats *b = *(struct sc_stats *const *)pb;
	int c = 0;

	switch (sort_key) {
	case SSORT_TIME:
		c = cmp_u64_desc(a->total, b->total);
		break;
	case SSORT_MIN_TIME:
		c = cmp_u64_desc(a->min, b->min);
		break;
	case SSORT_MAX_TIME:
		c = cmp_u64_desc(a->max, b->max);
		break;
	case SSORT_AVG_TIME:
		c = cmp_u64_desc(avg_ns(a), avg_ns(b));
		break;
	case SSORT_CALLS:
		c = cmp_u64_desc(a->calls, b->calls);
		break;
	case SSORT_ERRORS:
		c = cmp_u64_desc(a->errors, b->errors);
		break;
	case SSORT_NAME:
		c = strcmp(a->name, b->name);
		break;
	case SSORT_P50:
		c = cmp_u64_desc(a->p50, b->p50);
		break;
	case SSORT_P99:
		c = cmp_u64_desc(a->p99, b->p99);
		break;
	}
	if (c)
		return c;
	return a->nr < b->nr ? -1 : a->nr > b->nr;
}

static int errno_cmp(const void *pa, const void *pb)
{
	const struct errno_count *a = pa, *b = pb;
	int c = cmp_u64_desc(a->count, b->count);

	return c ? c : (a->err > b->err) - (a->err < b->err);
}

/* "41 ENOENT, 2 EACCES" into buf; returns its length. */
static int format_errnos(struct sc_stats *s, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	if (s->nerrnos > 1)
		qsort(s->errnos, s->nerrnos, sizeof(*s->errnos), errno_cmp);
	for (size_t i = 0; i < s->nerrnos; i++) {
		const char *name =
			xlat_name(&xlat_errnos, (uint64_t)s->errnos[i].err);
		int n;

		if (name)
			n = snprintf(buf + len, size - len, "%s%" PRIu64 " %s",
				     i ? ", " : "", s->errnos[i].count, name);
		else
			n = snprintf(buf + len, size - len,
				     "%s%" PRIu64 " errno %d", i ? ", " : "",
				     s->errnos[i].count, s->errnos[i].err);
		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
	return (int)len;
}

static void merge_errnos(struct sc_stats *dst, const struct sc_stats *src)
{
	for (size_t i = 0; i < src->nerrnos; i++) {
		const struct errno_count *e = &src->errnos[i];
		size_t j = 0;

		while (j < dst->nerrnos && dst->errnos[j].err != e->err)
			j++;
		if (j == dst->nerrnos) {
			dst->errnos = xrealloc(dst->errnos,
					       (j + 1) * sizeof(*dst->errnos));
			dst->errnos[j].err = e->err;
			dst->errnos[j].count = 0;
			dst->nerrnos++;
		}
		dst->errnos[j].count += e->count;
	}
}

#define ERRNOS_BUF 1024

/* The widths of our own columns: whatever the rows and total need. */
static void widen(struct totals *t, struct sc_stats *s, char *buf, size_t size)
{
	int len = format_errnos(s, buf, size);

	if (len > t->errnos_width)
		t->errnos_width = len;
	if (s->p50 > t->p50_max)
		t->p50_max = s->p50;
	if (s->p99 > t->p99_max)
		t->p99_max = s->p99;
}

static void collect(struct totals *t, int abi)
{
	char buf[ERRNOS_BUF];

	memset(t, 0, sizeof(*t));
	t->min = UINT64_MAX;
	t->rows = xcalloc(NR_SLOTS, sizeof(*t->rows));
	for (size_t nr = 0; nr < NR_SLOTS; nr++) {
		struct sc_stats *s = stats[abi][nr];
		size_t len;

		if (!s || !s->calls)
			continue;
		t->rows[t->nrows++] = s;
		t->time += s->total;
		t->calls += s->calls;
		t->errors += s->errors;
		if (s->min < t->min)
			t->min = s->min;
		if (s->min > t->max_min)
			t->max_min = s->min;
		if (s->max > t->max)
			t->max = s->max;
		if (avg_ns(s) > t->max_avg)
			t->max_avg = avg_ns(s);
		len = strlen(s->name);
		if (len > t->name_len)
			t->name_len = len;
		percentiles(s);
		widen(t, s, buf, sizeof(buf));
		merge_errnos(&t->all, s);
	}
	t->all.name = "total";
	t->all.total = t->time;
	t->all.calls = t->calls;
	t->all.errors = t->errors;
	t->all.min = t->min;
	t->all.max = t->max;
	t->all.hist = all_hist[abi];
	percentiles(&t->all);
	widen(t, &t->all, buf, sizeof(buf));
}

static int num_width(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

static int num_width(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	return n > 0 ? n : 0;
}

static int max_int(int a, int b)
{
	return a > b ? a : b;
}

/* "%lld.000000": the width of a time with that many whole seconds. */
static int secs_width(uint64_t ns)
{
	return num_width("%" PRIu64 ".000000", ns / NS_PER_SEC);
}

static const char *const headers[SCOL_COUNT] = {
	[SCOL_PERCENT] = "% time", [SCOL_TOTAL] = "seconds",
	[SCOL_MIN] = "shortest",   [SCOL_MAX] = "longest",
	[SCOL_AVG] = "usecs/call", [SCOL_CALLS] = "calls",
	[SCOL_ERRORS] = "errors",  [SCOL_NAME] = "syscall",
	[SCOL_P50] = "p50",	   [SCOL_P99] = "p99",
	[SCOL_ERRNOS] = "errnos",
};

/*
 * strace's widths: at least the header (the historical 11 for seconds
 * and usecs/call, 9 for calls and errors, 16 for the name), grown to fit
 * the largest value.
 */
static void column_widths(const struct totals *t, int *w)
{
	w[SCOL_PERCENT] = 6; /* "% time", "100.00" */
	w[SCOL_TOTAL] = max_int(11, num_width("%.6f", ts_float(t->time)));
	w[SCOL_MIN] = max_int(8, secs_width(t->max_min));
	w[SCOL_MAX] = max_int(7, secs_width(t->max));
	w[SCOL_AVG] =
		max_int(11, num_width("%" PRIu64, usecs(ts_float(t->max_avg))));
	w[SCOL_CALLS] = max_int(9, num_width("%" PRIu64, t->calls));
	w[SCOL_ERRORS] = max_int(9, num_width("%" PRIu64, t->errors));
	w[SCOL_NAME] = max_int(16, (int)t->name_len + 1);
	w[SCOL_P50] = max_int(3, secs_width(t->p50_max));
	w[SCOL_P99] = max_int(3, secs_width(t->p99_max));
	w[SCOL_ERRNOS] = max_int(6, t->errnos_width);
}

static bool left_aligned(int col)
{
	return col == SCOL_NAME || col == SCOL_ERRNOS;
}

static void print_text(FILE *out, int col, bool last, int width, const char *s)
{
	if (!left_aligned(col))
		fprintf(out, "%*s", width, s);
	else if (last)
		fputs(s, out);
	else
		fprintf(out, "%-*s", width, s);
}

static void print_dashes(FILE *out, const struct summary_opts *o, const int *w)
{
	for (unsigned int i = 0; i < o->ncolumns; i++) {
		if (i)
			fputc(' ', out);
		for (int j = 0; j < w[o->columns[i]]; j++)
			fputc('-', out);
	}
	fputc('\n', out);
}

/*
 * One row; total_line switches the cells that are not a plain sum: the
 * percentage is 100.00 and usecs/call is the overall mean.
 */
static void print_row(FILE *out, const struct summary_opts *o, const int *w,
		      struct sc_stats *s, const struct totals *t,
		      bool total_line)
{
	double total_f = ts_float(t->time);

	for (unsigned int i = 0; i < o->ncolumns; i++) {
		int c = o->columns[i];
		bool last = i + 1 == o->ncolumns;
		char buf[ERRNOS_BUF];
		double pct;

		if (i)
			fputc(' ', out);
		switch (c) {
		case SCOL_PERCENT:
			/* strace's order of operations, and no 0/0. */
			pct = 100.0 * ts_float(s->total);
			if (pct != 0.0)
				pct /= total_f;
			fprintf(out, "%*.2f", w[c], total_line ? 100.0 : pct);
			break;
		case SCOL_TOTAL:
			fprintf(out, "%*.6f", w[c], ts_float(s->total));
			break;
		case SCOL_MIN:
			fprintf(out, "%*.6f", w[c], ts_float(s->min));
			break;
		case SCOL_MAX:
			fprintf(out, "%*.6f", w[c], ts_float(s->max));
			break;
		case SCOL_AVG:
			fprintf(out, "%*" PRIu64, w[c],
				total_line ? usecs(total_f / (double)t->calls)
					   : usecs(ts_float(avg_ns(s))));
			break;
		case SCOL_CALLS:
			fprintf(out, "%*" PRIu64, w[c], s->calls);
			break;
		case SCOL_ERRORS:
			/* Precision 0: a zero prints as blanks. */
			fprintf(out, "%*.0" PRIu64, w[c], s->errors);
			break;
		case SCOL_NAME:
			print_text(out, c, last, w[c], s->name);
			break;
		case SCOL_P50:
		case SCOL_P99:
			fprintf(out, "%*.6f", w[c],
				ts_float(c == SCOL_P50 ? s->p50 : s->p99));
			break;
		case SCOL_ERRNOS:
			format_errnos(s, buf, sizeof(buf));
			print_text(out, c, last, w[c], buf);
			break;
		}
	}
	fputc('\n', out);
}

/* The table of one ABI; nothing when none of its calls was counted. */
static void print_abi(FILE *out, const struct summary_opts *o, int abi)
{
	struct totals t;
	int w[SCOL_COUNT];

	collect(&t, abi);
	if (!t.nrows) {
		free(t.rows);
		return;
	}
	if (abi == SUMMARY_I386)
		fputs("System call usage summary for 32 bit mode:\n", out);
	column_widths(&t, w);
	sort_key = o->sortby;
	if (o->sortby != SSORT_NOTHING)
		qsort(t.rows, t.nrows, sizeof(*t.rows), row_cmp);

	for (unsigned int i = 0; i < o->ncolumns; i++) {
		int c = o->columns[i];

		if (i)
			fputc(' ', out);
		print_text(out, c, i + 1 == o->ncolumns, w[c], headers[c]);
	}
	fputc('\n', out);
	print_dashes(out, o, w);
	for (size_t r = 0; r < t.nrows; r++)
		print_row(out, o, w, t.rows[r], &t, false);
	print_dashes(out, o, w);
	print_row(out, o, w, &t.all, &t, true);

	free(t.all.errnos);
	free(t.rows);
}

void summary_print(FILE *out, const struct summary_opts *o)
{
	for (int abi = 0; abi < SUMMARY_NABI; abi++)
		print_abi(out, o, abi);
}
