/*
 * The difference of two sequences (of line ids): Myers' O((N+M)D)
 * algorithm in linear space (the "middle snake" divide and conquer, as
 * GNU diff does it), after the common prefix and suffix are set aside.
 * When D grows large it stops looking for the shortest script and takes
 * a good split instead, as GNU diff does without --minimal, so a long
 * trace against an unrelated one stays fast.
 */
#ifndef SCTRACE_SEQDIFF_H
#define SCTRACE_SEQDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Sets DEL[i] for the items of A that are not in the common subsequence
 * found and INS[j] for those of B (both arrays zeroed by the caller).
 * MINIMAL: never give up on the shortest edit script.
 */
void seqdiff(const uint32_t *a, size_t n, const uint32_t *b, size_t m,
	     bool *del, bool *ins, bool minimal);

#endif
