/* A map from integer keys (pids, tids) to integer values. */
#ifndef SCTRACE_INTMAP_H
#define SCTRACE_INTMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct intmap {
	struct intmap_slot {
		int64_t key;
		int64_t val;
		bool used;
	} * slots;
	size_t cap; /* a power of two, or 0 */
	size_t n;
};

/* Sets KEY to VAL (overwriting). */
void intmap_put(struct intmap *m, int64_t key, int64_t val);
/* The value of KEY into *VAL (if VAL): true if KEY is there. */
bool intmap_get(const struct intmap *m, int64_t key, int64_t *val);
void intmap_del(struct intmap *m, int64_t key);
void intmap_free(struct intmap *m);

#endif
