// ARCCounter: counts Swift's reference-counting traffic (retains, releases) and Swift
// object allocations, from every thread, while it is switched on, without changing what
// any of them does.
//
// The Swift runtime (libswiftCore) exports its entry points `_swift_retain_n`,
// `_swift_release`, `_swift_release_n` and `_swift_allocObject` as function pointers, which
// it calls instead of its own implementation only while
// `_swift_enableSwizzlingOfAllocationAndRefCountingFunctions_forInstrumentsOnly` is true; they
// receive exactly the caller's arguments. swift_retain is different: while the flag is set it
// jumps through a local pointer, `_swift_retain_adapter`, whose default target (Swift 6.3.1,
// Linux) masks the argument's spare bits before calling `_swift_retain`, which turns a value
// the runtime would skip (a small string's tagged payload) into an address, and retaining
// that address corrupts memory. So memgate replaces the adapter itself: its retain hook
// receives swift_retain's argument unmasked and calls the runtime's own retain
// (`_swift_retain_`) with it, exactly as swift_retain does with the flag off. Nothing is
// guessed: `memgate_arc_configure` takes the adapter slot, the adapter and the runtime's
// retain as named by libswiftCore's symbol table, and refuses (the pass is then unavailable)
// unless the slot holds that adapter and `_swift_retain` is that retain.
//
// `memgate_arc_start` installs the wrappers (once) and sets the flag; `memgate_arc_stop`
// clears it, so code outside a counting window runs the runtime's direct path, untouched.
//
// What is counted: every swift_retain/swift_release (the `_n` forms add n) of a value the
// runtime acts on (positive as a signed integer: not null, not a tagged value), including
// retains the runtime turns into no-ops (immortal and static objects, such as the empty
// array); swift_bridgeObjectRetain and swift_unknownObjectRetain on Linux reach swift_retain
// and are counted with it. Not counted: swift_tryRetain (weak to strong), unowned and weak
// reference counts, swift_nonatomic_* (not used by the compiler by default). Objects are
// swift_allocObject calls: class instances, closure contexts, boxes and the storage of
// arrays, dictionaries and strings.
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

/// Tells the counter where the runtime's retain adapter is: `adapter_slot` is the address of
/// libswiftCore's `_swift_retain_adapter`, `runtime_adapter` the address of the adapter it holds
/// (`_swift_retain_adapterImpl`), `runtime_retain_impl` the runtime's own retain
/// (`_swift_retain_`). Returns 1 when the runtime exports its hooks and has exactly that shape
/// (the slot holds the adapter, `_swift_retain` is the runtime's retain), else 0 and the pass
/// stays unavailable. Once configured, later calls return 1 and change nothing.
int memgate_arc_configure(void **adapter_slot, const void *runtime_adapter, const void *runtime_retain_impl);

/// Whether counting can start: 1 once `memgate_arc_configure` succeeded, else 0.
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
