// The allocation-site recorder's entry from the counting allocator (CAllocCounter.c).
// Internal to the target; the contract is include/AllocationSites.h.
#ifndef MEMGATE_SITE_RECORDER_H
#define MEMGATE_SITE_RECORDER_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__linux__)

/// What is recorded: 0 nothing, 1 allocations (memgate_sites_start), 2 retains
/// (memgate_sites_start_retains); back to 0 at memgate_sites_stop.
extern _Atomic int memgate_sites_recording;

/// Records the calling stack for `count` events (allocations or retains) of `size` bytes
/// in all. Called by the hooks after counting, only while recording; never inlined (its
/// frame is skipped).
void memgate_record_site(uint32_t count, size_t size);

/// The allocator's hook: one relaxed load when not recording allocations.
static inline __attribute__((always_inline)) void memgate_maybe_record_site(size_t size) {
    if (__builtin_expect(atomic_load_explicit(&memgate_sites_recording, memory_order_relaxed) == 1, 0)) {
        memgate_record_site(1, size);
    }
}

/// The retain hooks' entry: one relaxed load when not recording retains.
static inline __attribute__((always_inline)) void memgate_maybe_record_retain(uint32_t count) {
    if (__builtin_expect(atomic_load_explicit(&memgate_sites_recording, memory_order_relaxed) == 2, 0)) {
        memgate_record_site(count, 0);
    }
}

#endif
#endif
