// CAllocCounter: counts every call into the malloc family, from every thread.
//
// Linking this target into an executable replaces malloc, calloc, realloc, free,
// posix_memalign, aligned_alloc, memalign, valloc and pvalloc for the whole process
// (Swift runtime, Foundation, Dispatch threads, Tasks). Each call is forwarded to
// glibc's own implementation (`__libc_malloc` and friends), so block sizes and
// `malloc_usable_size` are unchanged; only counters are added.
//
// Counters live in per-thread slots: a thread writes only its own slot, readers sum
// all slots. A snapshot is therefore exact for work that has finished on every thread
// before the snapshot is taken.
#ifndef CALLOCCOUNTER_H
#define CALLOCCOUNTER_H

#include <stdint.h>

// The Swift reference-counting counters share the slots and the module.
#include "ARCCounter.h"
// So do the allocation-site recorder's.
#include "AllocationSites.h"

#ifdef __cplusplus
extern "C" {
#endif

/// Totals since process start, summed over all threads (live and exited).
typedef struct {
    /// Successful allocations: malloc, calloc, memalign family, and realloc that
    /// returned a new block (realloc(NULL, n) included).
    uint64_t allocations;
    /// Calls that released a block: free(p) with p != NULL, and realloc(p, n) with p != NULL.
    uint64_t frees;
    /// Bytes requested by the allocations above (not the usable size glibc rounded to).
    uint64_t bytes;
} memgate_alloc_counts;

/// Returns the current totals. Costs one pass over the used slots; allocates nothing.
memgate_alloc_counts memgate_alloc_snapshot(void);

/// Returns 1 when this process's malloc is the counting one (the interposer is linked
/// and in use), 0 otherwise. Use it to refuse to report allocation counts that would be 0
/// only because nothing was counted.
int memgate_alloc_is_active(void);

/// Returns glibc's resident-set trimming result: calls `malloc_trim(0)` so freed heap
/// pages are returned to the kernel before a peak-RSS measurement starts.
int memgate_malloc_trim(void);

#ifdef __cplusplus
}
#endif

#endif
