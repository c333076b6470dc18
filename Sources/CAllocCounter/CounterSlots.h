// Per-thread counter slots shared by the allocation counters (CAllocCounter.c) and the
// reference-counting counters (ARCCounter.c). Internal to the target.
//
// A thread writes only its own slot (a load and a store, no locked instruction); readers
// sum all slots. Threads beyond SLOT_COUNT share the overflow slot, updated with atomic adds.
#ifndef MEMGATE_COUNTER_SLOTS_H
#define MEMGATE_COUNTER_SLOTS_H

#include <stdatomic.h>
#include <stdint.h>

#if defined(__linux__)

/// One cache line per thread, written only by that thread.
typedef struct {
    _Atomic uint64_t allocations;
    _Atomic uint64_t frees;
    _Atomic uint64_t bytes;
    _Atomic uint64_t retains;
    _Atomic uint64_t releases;
    _Atomic uint64_t objects;
    char padding[64 - 6 * sizeof(uint64_t)];
} __attribute__((aligned(64))) memgate_counter_slot;

#define MEMGATE_SLOT_COUNT 4096
extern memgate_counter_slot memgate_slots[MEMGATE_SLOT_COUNT];
extern memgate_counter_slot memgate_overflow_slot;
extern _Atomic uint32_t memgate_slots_used;
extern __thread memgate_counter_slot *memgate_this_thread_slot __attribute__((tls_model("initial-exec")));

/// Claims a slot for the calling thread on its first count. A slot is never given back:
/// an exited thread's counts stay part of the totals.
memgate_counter_slot *memgate_claim_slot(void);

/// The calling thread's slot.
static inline memgate_counter_slot *memgate_slot(void) {
    memgate_counter_slot *slot = memgate_this_thread_slot;
    if (__builtin_expect(slot == NULL, 0)) slot = memgate_claim_slot();
    return slot;
}

/// Adds `amount` to one of the calling thread's counters.
static inline void memgate_bump(_Atomic uint64_t *counter, uint64_t amount, memgate_counter_slot *slot) {
    if (__builtin_expect(slot == &memgate_overflow_slot, 0)) {
        atomic_fetch_add_explicit(counter, amount, memory_order_relaxed);
    } else {
        uint64_t value = atomic_load_explicit(counter, memory_order_relaxed);
        atomic_store_explicit(counter, value + amount, memory_order_relaxed);
    }
}

/// The sum over all slots of the counter at `offset` (offsetof(memgate_counter_slot, ...)).
static inline uint64_t memgate_sum(size_t offset) {
    uint32_t used = atomic_load_explicit(&memgate_slots_used, memory_order_acquire);
    if (used > MEMGATE_SLOT_COUNT) used = MEMGATE_SLOT_COUNT;
    uint64_t total = 0;
    for (uint32_t i = 0; i < used; i++) {
        total += atomic_load_explicit((_Atomic uint64_t *)((char *)&memgate_slots[i] + offset), memory_order_relaxed);
    }
    return total + atomic_load_explicit((_Atomic uint64_t *)((char *)&memgate_overflow_slot + offset), memory_order_relaxed);
}

#endif
#endif
