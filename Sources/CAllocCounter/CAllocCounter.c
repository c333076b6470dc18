// The counting allocator. See include/CAllocCounter.h for the contract.
//
// Cost model (measured on the reference machine, see docs/performance.md): one
// thread-local pointer load and three relaxed stores per call, no read-modify-write
// and no shared cache line between threads.

#define _GNU_SOURCE
#include "CAllocCounter.h"

#include <errno.h>
#include <stddef.h>
#include <stdatomic.h>

#if defined(__linux__)
#include <malloc.h>

// glibc's own entry points: the real allocator we forward to.
extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *ptr, size_t size);
extern void  __libc_free(void *ptr);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

// One cache line per thread, written only by that thread.
typedef struct {
    _Atomic uint64_t allocations;
    _Atomic uint64_t frees;
    _Atomic uint64_t bytes;
    char padding[64 - 3 * sizeof(uint64_t)];
} __attribute__((aligned(64))) counter_slot;

// Threads beyond this count share the overflow slot, updated with atomic adds.
#define SLOT_COUNT 4096
static counter_slot slots[SLOT_COUNT];
static counter_slot overflow_slot;
static _Atomic uint32_t slots_used = 0;

static __thread counter_slot *this_thread_slot __attribute__((tls_model("initial-exec")));

// Claims a slot for the calling thread on its first allocation. A slot is never given
// back: an exited thread's counts stay part of the totals.
static counter_slot *claim_slot(void) {
    uint32_t index = atomic_fetch_add_explicit(&slots_used, 1, memory_order_relaxed);
    counter_slot *slot = index < SLOT_COUNT ? &slots[index] : &overflow_slot;
    this_thread_slot = slot;
    return slot;
}

static inline void bump(_Atomic uint64_t *counter, uint64_t amount, counter_slot *slot) {
    if (__builtin_expect(slot == &overflow_slot, 0)) {
        atomic_fetch_add_explicit(counter, amount, memory_order_relaxed);
    } else {
        // Only this thread writes the slot: a load and a store, no locked instruction.
        uint64_t value = atomic_load_explicit(counter, memory_order_relaxed);
        atomic_store_explicit(counter, value + amount, memory_order_relaxed);
    }
}

static inline void count_allocation(size_t size) {
    counter_slot *slot = this_thread_slot;
    if (__builtin_expect(slot == NULL, 0)) slot = claim_slot();
    bump(&slot->allocations, 1, slot);
    bump(&slot->bytes, size, slot);
}

static inline void count_free(void) {
    counter_slot *slot = this_thread_slot;
    if (__builtin_expect(slot == NULL, 0)) slot = claim_slot();
    bump(&slot->frees, 1, slot);
}

memgate_alloc_counts memgate_alloc_snapshot(void) {
    memgate_alloc_counts total = {0, 0, 0};
    uint32_t used = atomic_load_explicit(&slots_used, memory_order_acquire);
    if (used > SLOT_COUNT) used = SLOT_COUNT;
    for (uint32_t i = 0; i < used; i++) {
        total.allocations += atomic_load_explicit(&slots[i].allocations, memory_order_relaxed);
        total.frees += atomic_load_explicit(&slots[i].frees, memory_order_relaxed);
        total.bytes += atomic_load_explicit(&slots[i].bytes, memory_order_relaxed);
    }
    total.allocations += atomic_load_explicit(&overflow_slot.allocations, memory_order_relaxed);
    total.frees += atomic_load_explicit(&overflow_slot.frees, memory_order_relaxed);
    total.bytes += atomic_load_explicit(&overflow_slot.bytes, memory_order_relaxed);
    return total;
}

int memgate_alloc_is_active(void) {
    memgate_alloc_counts before = memgate_alloc_snapshot();
    // A volatile pointer keeps the compiler from eliding the pair.
    void *volatile probe = malloc(24);
    free(probe);
    memgate_alloc_counts after = memgate_alloc_snapshot();
    return after.allocations > before.allocations;
}

int memgate_malloc_trim(void) { return malloc_trim(0); }

// MARK: - The malloc family. The corresponding C functions are glibc's.

void *malloc(size_t size) {
    void *result = __libc_malloc(size);
    if (result) count_allocation(size);
    return result;
}

void *calloc(size_t count, size_t size) {
    void *result = __libc_calloc(count, size);
    if (result) count_allocation(count * size);
    return result;
}

void *realloc(void *ptr, size_t size) {
    void *result = __libc_realloc(ptr, size);
    if (ptr != NULL && size == 0) {        // realloc(p, 0) frees p (glibc).
        count_free();
    } else if (result != NULL) {
        if (ptr != NULL) count_free();     // The old block is released...
        count_allocation(size);            // ...and a block of `size` bytes handed out.
    }
    return result;
}

void free(void *ptr) {
    if (ptr == NULL) return;
    count_free();
    __libc_free(ptr);
}

void *memalign(size_t alignment, size_t size) {
    void *result = __libc_memalign(alignment, size);
    if (result) count_allocation(size);
    return result;
}

void *aligned_alloc(size_t alignment, size_t size) { return memalign(alignment, size); }

int posix_memalign(void **out, size_t alignment, size_t size) {
    // POSIX: a power of two that is a multiple of sizeof(void *).
    if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0 || alignment == 0) {
        return EINVAL;
    }
    void *result = __libc_memalign(alignment, size);
    if (result == NULL) return ENOMEM;
    count_allocation(size);
    *out = result;
    return 0;
}

void *valloc(size_t size) {
    void *result = __libc_valloc(size);
    if (result) count_allocation(size);
    return result;
}

void *pvalloc(size_t size) {
    void *result = __libc_pvalloc(size);
    if (result) count_allocation(size);
    return result;
}

#else  // Not Linux: no interposition; counters stay at zero and is_active reports 0.

memgate_alloc_counts memgate_alloc_snapshot(void) {
    memgate_alloc_counts zero = {0, 0, 0};
    return zero;
}
int memgate_alloc_is_active(void) { return 0; }
int memgate_malloc_trim(void) { return 0; }

#endif
