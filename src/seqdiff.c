#include <stdint.h>
#include <stdlib.h>

#include "seqdiff.h"
#include "util.h"

struct ctx {
	const uint32_t *a, *b;
	bool *del, *ins;
	ptrdiff_t *fd, *bd; /* furthest x per diagonal k = x - y, offset */
	ptrdiff_t too_expensive;
};

struct part {
	ptrdiff_t xmid, ymid;
	bool lo_minimal, hi_minimal;
};

/* Gave up on the shortest script: the diagonal that got furthest. */
static void best_split(const struct ctx *c, ptrdiff_t xoff, ptrdiff_t xlim,
		       ptrdiff_t yoff, ptrdiff_t ylim, ptrdiff_t fmin,
		       ptrdiff_t fmax, ptrdiff_t bmin, ptrdiff_t bmax,
		       struct part *p)
{
	ptrdiff_t fxybest = -1, fxbest = 0, bxybest = PTRDIFF_MAX, bxbest = 0;

	for (ptrdiff_t d = fmax; d >= fmin; d -= 2) {
		ptrdiff_t x = c->fd[d] < xlim ? c->fd[d] : xlim, y = x - d;

		if (ylim < y) {
			x = ylim + d;
			y = ylim;
		}
		if (fxybest < x + y) {
			fxybest = x + y;
			fxbest = x;
		}
	}
	for (ptrdiff_t d = bmax; d >= bmin; d -= 2) {
		ptrdiff_t x = c->bd[d] > xoff ? c->bd[d] : xoff, y = x - d;

		if (y < yoff) {
			x = yoff + d;
			y = yoff;
		}
		if (x + y < bxybest) {
			bxybest = x + y;
			bxbest = x;
		}
	}
	if ((xlim + ylim) - bxybest < fxybest - (xoff + yoff)) {
		p->xmid = fxbest;
		p->ymid = fxybest - fxbest;
		p->lo_minimal = true;
		p->hi_minimal = false;
	} else {
		p->xmid = bxbest;
		p->ymid = bxybest - bxbest;
		p->lo_minimal = false;
		p->hi_minimal = true;
	}
}

/* The middle snake of the shortest script for a[xoff..xlim) and
 * b[yoff..ylim), searched from both ends at once. */
static void middle(struct ctx *c, ptrdiff_t xoff, ptrdiff_t xlim,
		   ptrdiff_t yoff, ptrdiff_t ylim, bool minimal, struct part *p)
{
	ptrdiff_t *fd = c->fd, *bd = c->bd;
	const uint32_t *a = c->a, *b = c->b;
	ptrdiff_t dmin = xoff - ylim, dmax = xlim - yoff;
	ptrdiff_t fmid = xoff - yoff, bmid = xlim - ylim;
	ptrdiff_t fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
	bool odd = (fmid - bmid) & 1;

	fd[fmid] = xoff;
	bd[bmid] = xlim;
	for (ptrdiff_t cost = 1;; cost++) {
		if (fmin > dmin)
			fd[--fmin - 1] = -1;
		else
			fmin++;
		if (fmax < dmax)
			fd[++fmax + 1] = -1;
		else
			fmax--;
		for (ptrdiff_t d = fmax; d >= fmin; d -= 2) {
			ptrdiff_t tlo = fd[d - 1], thi = fd[d + 1];
			ptrdiff_t x = tlo >= thi ? tlo + 1 : thi, y = x - d;

			while (x < xlim && y < ylim && a[x] == b[y])
				x++, y++;
			fd[d] = x;
			if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
				p->xmid = x;
				p->ymid = y;
				p->lo_minimal = p->hi_minimal = true;
				return;
			}
		}
		if (bmin > dmin)
			bd[--bmin - 1] = PTRDIFF_MAX;
		else
			bmin++;
		if (bmax < dmax)
			bd[++bmax + 1] = PTRDIFF_MAX;
		else
			bmax--;
		for (ptrdiff_t d = bmax; d >= bmin; d -= 2) {
			ptrdiff_t tlo = bd[d - 1], thi = bd[d + 1];
			ptrdiff_t x = tlo < thi ? tlo : thi - 1, y = x - d;

			while (xoff < x && yoff < y && a[x - 1] == b[y - 1])
				x--, y--;
			bd[d] = x;
			if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
				p->xmid = x;
				p->ymid = y;
				p->lo_minimal = p->hi_minimal = true;
				return;
			}
		}
		if (!minimal && cost >= c->too_expensive) {
			best_split(c, xoff, xlim, yoff, ylim, fmin, fmax, bmin,
				   bmax, p);
			return;
		}
	}
}

struct range {
	ptrdiff_t xoff, xlim, yoff, ylim;
	bool minimal;
};

void seqdiff(const uint32_t *a, size_t n, const uint32_t *b, size_t m,
	     bool *del, bool *ins, bool minimal)
{
	struct ctx c = { .a = a, .b = b, .del = del, .ins = ins };
	size_t diags = n + m + 3, cap = 64, top = 0;
	struct range *stack = xmalloc(cap * sizeof(*stack));
	ptrdiff_t *fdiag = xmalloc(2 * diags * sizeof(*fdiag));

	/* Diagonals run from -m - 1 to n + 1. */
	c.fd = fdiag + m + 1;
	c.bd = fdiag + diags + m + 1;
	c.too_expensive = 1;
	for (size_t d = diags; d; d >>= 2)
		c.too_expensive <<= 1;
	if (c.too_expensive < 4096)
		c.too_expensive = 4096;
	stack[top++] =
		(struct range){ 0, (ptrdiff_t)n, 0, (ptrdiff_t)m, minimal };
	/* An explicit stack: a split need not halve the range. */
	while (top) {
		struct range r = stack[--top];
		struct part p;

		while (r.xoff < r.xlim && r.yoff < r.ylim &&
		       a[r.xoff] == b[r.yoff])
			r.xoff++, r.yoff++;
		while (r.xoff < r.xlim && r.yoff < r.ylim &&
		       a[r.xlim - 1] == b[r.ylim - 1])
			r.xlim--, r.ylim--;
		if (r.xoff == r.xlim) {
			while (r.yoff < r.ylim)
				ins[r.yoff++] = true;
			continue;
		}
		if (r.yoff == r.ylim) {
			while (r.xoff < r.xlim)
				del[r.xoff++] = true;
			continue;
		}
		middle(&c, r.xoff, r.xlim, r.yoff, r.ylim, r.minimal, &p);
		if (top + 2 > cap) {
			cap *= 2;
			stack = xrealloc(stack, cap * sizeof(*stack));
		}
		stack[top++] = (struct range){ p.xmid, r.xlim, p.ymid, r.ylim,
					       p.hi_minimal || r.minimal };
		stack[top++] = (struct range){ r.xoff, p.xmid, r.yoff, p.ymid,
					       p.lo_minimal || r.minimal };
	}
	free(stack);
	free(fdiag);
}
