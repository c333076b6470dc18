// Counting Swift's retains, releases and object allocations. See include/ARCCounter.h.

#define _GNU_SOURCE
#include "ARCCounter.h"
#include "CounterSlots.h"
#include "SiteRecorder.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__linux__)

// The Swift runtime's hook pointers and the flag that makes it call them (libswiftCore,
// `SWIFT_STDLIB_OVERRIDABLE_RETAIN_RELEASE`). Weak: absent in a process without Swift.
extern void *(*_swift_retain)(void *object) __attribute__((weak));
extern void *(*_swift_retain_n)(void *object, uint32_t n) __attribute__((weak));
extern void (*_swift_release)(void *object) __attribute__((weak));
extern void (*_swift_release_n)(void *object, uint32_t n) __attribute__((weak));
extern void *(*_swift_allocObject)(void const *metadata, size_t size, size_t alignment_mask) __attribute__((weak));
extern _Atomic bool _swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly __attribute__((weak));

// The runtime's retain adapter slot (`_swift_retain_adapter`, a local variable of libswiftCore)
// and the runtime's own retain (`_swift_retain_`), set by memgate_arc_configure.
static void **retain_adapter_slot;
static void *(*runtime_retain)(void *);
// The runtime's own implementations of the other hooks, saved when the wrappers are installed.
static void *(*original_retain_n)(void *, uint32_t);
static void (*original_release)(void *);
static void (*original_release_n)(void *, uint32_t);
static void *(*original_alloc_object)(void const *, size_t, size_t);
static _Atomic int configured = 0;
static _Atomic int installed = 0;  // 0 no, 1 installing, 2 yes
static _Atomic int counting = 0;

// What the runtime acts on: its retain and release return at once for a value that is null
// or negative as a signed integer (a tagged value such as a small string's payload), and
// touch the object at the (masked) address otherwise. The hooks count exactly those.
static inline bool runtime_acts_on(const void *object) { return (intptr_t)object > 0; }

// Adds `amount` to the counter at `offset` of the calling thread's slot, while counting;
// returns whether it counted (a retain is recorded only then, so recorded never exceeds counted).
static inline bool count(size_t offset, uint64_t amount) {
    if (!atomic_load_explicit(&counting, memory_order_relaxed)) return false;
    memgate_counter_slot *slot = memgate_slot();
    memgate_bump((_Atomic uint64_t *)((char *)slot + offset), amount, slot);
    return true;
}

// The wrappers stay installed once installed: the runtime calls them only while its flag is
// set, and a thread may still be on its way into one after the flag is cleared. Each passes
// its arguments on unchanged and returns what the runtime returned.

// Stands in for the runtime's retain adapter: swift_retain jumps here with its own argument,
// unmasked, and this calls the runtime's own retain with it, as swift_retain does unhooked.
static void *memgate_counting_retain(void *object) {
    if (runtime_acts_on(object) && count(offsetof(memgate_counter_slot, retains), 1)) memgate_maybe_record_retain(1);
    return runtime_retain(object);
}

static void *memgate_counting_retain_n(void *object, uint32_t n) {
    if (runtime_acts_on(object) && count(offsetof(memgate_counter_slot, retains), n)) memgate_maybe_record_retain(n);
    return original_retain_n(object, n);
}

static void counting_release(void *object) {
    if (runtime_acts_on(object)) count(offsetof(memgate_counter_slot, releases), 1);
    original_release(object);
}

static void counting_release_n(void *object, uint32_t n) {
    if (runtime_acts_on(object)) count(offsetof(memgate_counter_slot, releases), n);
    original_release_n(object, n);
}

static void *counting_alloc_object(void const *metadata, size_t size, size_t alignment_mask) {
    count(offsetof(memgate_counter_slot, objects), 1);
    return original_alloc_object(metadata, size, alignment_mask);
}

static int hooks_are_exported(void) {
    return &_swift_retain != NULL && &_swift_retain_n != NULL && &_swift_release != NULL && &_swift_release_n != NULL
        && &_swift_allocObject != NULL && &_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly != NULL;
}

int memgate_arc_configure(void **adapter_slot, const void *runtime_adapter, const void *runtime_retain_impl) {
    if (atomic_load(&configured)) return 1;
    if (!hooks_are_exported() || adapter_slot == NULL || runtime_adapter == NULL || runtime_retain_impl == NULL) return 0;
    // The shape this file relies on: the slot holds the runtime's adapter, and the retain hook
    // is still the runtime's own retain (nobody else swizzled it).
    if (*adapter_slot != runtime_adapter || (const void *)_swift_retain != runtime_retain_impl) return 0;
    retain_adapter_slot = adapter_slot;
    runtime_retain = (void *(*)(void *))runtime_retain_impl;
    atomic_store(&configured, 1);
    return 1;
}

int memgate_arc_is_available(void) { return atomic_load(&configured); }

// Installs the wrappers, once, while the runtime's flag is still off (no thread calls
// through the pointers while they change).
static void install_once(void) {
    int expected = 0;
    if (atomic_compare_exchange_strong(&installed, &expected, 1)) {
        original_retain_n = _swift_retain_n;
        original_release = _swift_release;
        original_release_n = _swift_release_n;
        original_alloc_object = _swift_allocObject;
        *retain_adapter_slot = (void *)memgate_counting_retain;
        _swift_retain_n = memgate_counting_retain_n;
        _swift_release = counting_release;
        _swift_release_n = counting_release_n;
        atomic_store(&installed, 2);
    }
    while (atomic_load(&installed) != 2) {}
}

int memgate_arc_start(void) {
    if (!memgate_arc_is_available()) return 0;
    install_once();
    atomic_store(&counting, 1);
    // swift_allocObject calls its pointer whenever it differs from the runtime's own (and
    // then sets the flag itself), so it is pointed at the wrapper only while counting.
    _swift_allocObject = counting_alloc_object;
    atomic_store_explicit(&_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly, true, memory_order_seq_cst);
    return 1;
}

void memgate_arc_stop(void) {
    if (!memgate_arc_is_available() || atomic_load(&installed) != 2) return;
    _swift_allocObject = original_alloc_object;
    atomic_store(&counting, 0);
    atomic_store_explicit(&_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly, false, memory_order_seq_cst);
}

void memgate_arc_quiesce(void) {
    if (atomic_load_explicit(&installed, memory_order_relaxed) != 2 || atomic_load_explicit(&counting, memory_order_relaxed)) return;
    if (atomic_load_explicit(&_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly, memory_order_relaxed)) {
        atomic_store_explicit(&_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly, false, memory_order_relaxed);
    }
}

memgate_arc_counts memgate_arc_snapshot(void) {
    memgate_arc_counts total = {
        memgate_sum(offsetof(memgate_counter_slot, retains)),
        memgate_sum(offsetof(memgate_counter_slot, releases)),
        memgate_sum(offsetof(memgate_counter_slot, objects)),
    };
    return total;
}

#else  // Not Linux: not counted.

int memgate_arc_configure(void **adapter_slot, const void *runtime_adapter, const void *runtime_retain_impl) { return 0; }
int memgate_arc_is_available(void) { return 0; }
int memgate_arc_start(void) { return 0; }
void memgate_arc_stop(void) {}
void memgate_arc_quiesce(void) {}

memgate_arc_counts memgate_arc_snapshot(void) {
    memgate_arc_counts zero = {0, 0, 0};
    return zero;
}

#endif
