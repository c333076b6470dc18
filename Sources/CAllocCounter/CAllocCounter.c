// The counting allocator. See include/CAllocCounter.h for the contract.
//
// Cost model (measured on the reference machine, see docs/performance.md): one
// thread-local pointer load and three relaxed stores per call, no read-modify-write
// and no shared cache line between threads (the slots: CounterSlots.h).

#define _GNU_SOURCE
#include "CAllocCounter.h"
#include "CounterSlots.h"
#include "SiteRecorder.h"

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

memgate_counter_slot memgate_slots[MEMGATE_SLOT_COUNT];
memgate_counter_slot memgate_overflow_slot;
_Atomic uint32_t memgate_slots_used = 0;
__thread memgate_counter_slot *memgate_this_thread_slot __attribute__((tls_model("initial-exec")));

memgate_counter_slot *memgate_claim_slot(void) {
    uint32_t index = atomic_fetch_add_explicit(&memgate_slots_used, 1, memory_order_relaxed);
    memgate_counter_slot *slot = index < MEMGATE_SLOT_COUNT ? &memgate_slots[index] : &memgate_overflow_slot;
    memgate_this_thread_slot = slot;
    return slot;
}

// Always inlined, in debug builds too: the site recorder skips exactly its own frame.
static inline __attribute__((always_inline)) void count_allocation(size_t size) {
    memgate_counter_slot *slot = memgate_slot();
    memgate_bump(&slot->allocations, 1, slot);
    memgate_bump(&slot->bytes, size, slot);
    memgate_maybe_record_site(size);
}

static inline void count_free(void) {
    memgate_counter_slot *slot = memgate_slot();
    memgate_bump(&slot->frees, 1, slot);
}

memgate_alloc_counts memgate_alloc_snapshot(void) {
    memgate_alloc_counts total = {
        memgate_sum(offsetof(memgate_counter_slot, allocations)),
        memgate_sum(offsetof(memgate_counter_slot, frees)),
        memgate_sum(offsetof(memgate_counter_slot, bytes)),
    };
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
