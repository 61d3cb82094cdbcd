#include <stdlib.h>

#include "intmap.h"
#include "util.h"

static size_t slot_of(const struct intmap *m, int64_t key)
{
	uint64_t h = (uint64_t)key * 0x9e3779b97f4a7c15ULL;

	return (size_t)(h >> 17) & (m->cap - 1);
}

/* The slot of KEY, or the empty one where it would go. */
static struct intmap_slot *find(const struct intmap *m, int64_t key)
{
	size_t i = slot_of(m, key);

	while (m->slots[i].used && m->slots[i].key != key)
		i = (i + 1) & (m->cap - 1);
	return &m->slots[i];
}

static void rehash(struct intmap *m, size_t cap)
{
	struct intmap old = *m;

	m->slots = xcalloc(cap, sizeof(*m->slots));
	m->cap = cap;
	m->n = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.slots[i].used)
			intmap_put(m, old.slots[i].key, old.slots[i].val);
	free(old.slots);
}

void intmap_put(struct intmap *m, int64_t key, int64_t val)
{
	struct intmap_slot *s;

	if (2 * (m->n + 1) > m->cap)
		rehash(m, m->cap ? 2 * m->cap : 16);
	s = find(m, key);
	if (!s->used) {
		s->used = true;
		s->key = key;
		m->n++;
	}
	s->val = val;
}

bool intmap_get(const struct intmap *m, int64_t key, int64_t *val)
{
	const struct intmap_slot *s;

	if (!m->cap)
		return false;
	s = find(m, key);
	if (s->used && val)
		*val = s->val;
	return s->used;
}

/* Linear probing: the entries after the hole move up to stay findable. */
void intmap_del(struct intmap *m, int64_t key)
{
	struct intmap_slot *s;
	size_t i;

	if (!m->cap || !(s = find(m, key))->used)
		return;
	s->used = false;
	m->n--;
	i = (size_t)(s - m->slots);
	for (i = (i + 1) & (m->cap - 1); m->slots[i].used;
	     i = (i + 1) & (m->cap - 1)) {
		struct intmap_slot e = m->slots[i];

		m->slots[i].used = false;
		m->n--;
		intmap_put(m, e.key, e.val);
	}
}

void intmap_free(struct intmap *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}
