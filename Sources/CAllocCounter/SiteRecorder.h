// The allocation-site recorder's entry from the counting allocator (CAllocCounter.c).
// Internal to the target; the contract is include/AllocationSites.h.
#ifndef MEMGATE_SITE_RECORDER_H
#define MEMGATE_SITE_RECORDER_H

#include <stdatomic.h>
#include <stddef.h>

#if defined(__linux__)

/// Nonzero while stacks are recorded (between memgate_sites_start and memgate_sites_stop).
extern _Atomic int memgate_sites_recording;

/// Records the calling stack for one allocation of `size` bytes. Called by the malloc
/// family after counting, only while recording; never inlined (its frame is skipped).
void memgate_record_site(size_t size);

/// The allocator's hook: one relaxed load when not recording.
static inline __attribute__((always_inline)) void memgate_maybe_record_site(size_t size) {
    if (__builtin_expect(atomic_load_explicit(&memgate_sites_recording, memory_order_relaxed) != 0, 0)) {
        memgate_record_site(size);
    }
}

#endif
#endif
