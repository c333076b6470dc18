// ARCCounter: counts Swift's reference-counting traffic (retains, releases) and Swift
// object allocations, from every thread, while it is switched on.
//
// The Swift runtime (libswiftCore, Linux and Darwin) exports its entry points
// `_swift_retain`, `_swift_retain_n`, `_swift_release`, `_swift_release_n` and
// `_swift_allocObject` as function pointers, which it calls instead of its own
// implementation only while `_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly`
// is true. `memgate_arc_start` points them at counting wrappers (once) and sets that flag;
// `memgate_arc_stop` clears it, so code outside a counting window runs the runtime's
// direct path, untouched.
//
// What is counted: every swift_retain/swift_release of a non-null object (the `_n` forms
// add n), including retains the runtime turns into no-ops (immortal and static objects,
// such as the empty array); swift_bridgeObjectRetain and swift_unknownObjectRetain on
// Linux reach swift_retain and are counted with it. Not counted: swift_tryRetain (weak to
// strong), unowned and weak reference counts, swift_nonatomic_* (not used by the compiler
// by default). Objects are swift_allocObject calls: class instances, closure contexts,
// boxes and the storage of arrays, dictionaries and strings.
//
// The retain and release hooks forward, and count, only values that can be objects: 16-byte
// aligned addresses in a readable, writable mapping (ObjectAddresses.h, a guard against
// Swift 6.3's masked small-string payloads). An object at an address aligned to 8 only (a
// stack-promoted one, if any) is neither counted nor retained through the hook, for its
// retains and releases alike, so its count stays balanced.
//
// Counters live in per-thread slots, as the allocation counters do.
#ifndef MEMGATE_ARC_COUNTER_H
#define MEMGATE_ARC_COUNTER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Totals counted while switched on, summed over all threads (live and exited).
typedef struct {
    /// Strong retains of non-null objects (swift_retain, swift_retain_n by n).
    uint64_t retains;
    /// Strong releases of non-null objects (swift_release, swift_release_n by n).
    uint64_t releases;
    /// Swift heap objects allocated (swift_allocObject).
    uint64_t objects;
} memgate_arc_counts;

/// Whether this process's Swift runtime offers the hooks (libswiftCore is loaded and
/// exports them): 1 or 0.
int memgate_arc_is_available(void);

/// Starts counting (installing the wrappers on first use). Returns 1 when counting, 0
/// when the hooks are unavailable.
int memgate_arc_start(void);

/// Stops counting: the runtime goes back to its direct path.
void memgate_arc_stop(void);

/// Clears the runtime's flag again when not counting: swift_allocObject may set it (it does
/// when its pointer is not the runtime's own) on a thread that was inside it as counting
/// stopped. One relaxed load and, rarely, a store; the harness calls it before each sample.
void memgate_arc_quiesce(void);

/// The totals counted so far. Costs one pass over the used slots; allocates nothing.
memgate_arc_counts memgate_arc_snapshot(void);

#ifdef __cplusplus
}
#endif

#endif
