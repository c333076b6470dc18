// AllocationSites: while switched on, records the call stack of every allocation the
// counting allocator counts (CAllocCounter.h), on every thread, aggregated by stack.
//
// Recording is off outside the harness's profile pass: then each malloc-family call pays one
// relaxed load of a global flag. While on, each counted allocation unwinds its stack through
// the unwind tables (`_Unwind_Backtrace`: Swift's release code keeps no frame pointers) into
// a stack buffer, hashes the return addresses and adds the allocation to its entry of a
// fixed table under a spin lock. Nothing on that path allocates; an allocation made by the
// unwinder itself (never seen after `memgate_sites_start`'s warm-up) is counted by the
// allocator but not recorded (a per-thread guard stops the recursion), and is reported as
// dropped. Each entry keeps two tallies, one per run (0 and 1), so the harness can record the
// body for N iterations and then 2N and take the difference per stack.
//
// Addresses are raw return addresses; symbolization is the reader's job, after recording.
#ifndef MEMGATE_ALLOCATION_SITES_H
#define MEMGATE_ALLOCATION_SITES_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Frames kept per stack, innermost first; deeper stacks are cut (and flagged).
#define MEMGATE_SITE_MAX_DEPTH 64

/// One recorded stack and its tallies.
typedef struct {
    /// Return addresses, innermost first: the recorder's own frame is skipped, so frames[0]
    /// lies in the malloc-family function that called it, frames[1] in that one's caller, ...
    uintptr_t frames[MEMGATE_SITE_MAX_DEPTH];
    /// Frames used.
    uint32_t depth;
    /// 1 when the stack was deeper than MEMGATE_SITE_MAX_DEPTH and was cut.
    uint32_t truncated;
    /// Allocations and requested bytes recorded in run 0 and run 1.
    uint64_t allocations[2];
    uint64_t bytes[2];
} memgate_site_entry;

/// Whether stacks can be recorded in this process (Linux with the counting allocator): 1 or 0.
int memgate_sites_is_available(void);

/// Clears the table, warms the unwinder up (so its one-time setup allocates outside
/// recording) and starts recording into run 0. Returns 1 when recording, 0 when unavailable.
int memgate_sites_start(void);

/// The same, recording the stack of every retain the reference-counting hooks count
/// (ARCCounter.h; counting must be on) instead of allocations: an entry's `allocations` are
/// then retains (`swift_retain_n` adds n) and its `bytes` 0.
int memgate_sites_start_retains(void);

/// Switches recording to run `run` (0 or 1) without clearing.
void memgate_sites_set_run(int run);

/// Stops recording. Threads already inside the recorder finish their entry.
void memgate_sites_stop(void);

/// Stacks in the table.
size_t memgate_sites_count(void);

/// The entry at `index` (< memgate_sites_count()), valid until the next start.
const memgate_site_entry *memgate_sites_entry(size_t index);

/// Events (allocations, or retains with a retain_n's n) counted in run `run` that could not be
/// recorded (table full, or made inside the recorder). A diagnostic: the profile's unattributed
/// part already holds them.
uint64_t memgate_sites_dropped(int run);

#ifdef __cplusplus
}
#endif

#endif
