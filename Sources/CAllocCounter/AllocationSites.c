// Recording allocation call stacks. See include/AllocationSites.h for the contract.

#define _GNU_SOURCE
#include "AllocationSites.h"
#include "SiteRecorder.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <string.h>

#if defined(__linux__)
#include <unwind.h>

_Atomic int memgate_sites_recording = 0;

// Open addressing on the stack hash; a full table drops (and counts) new stacks.
#define TABLE_CAPACITY 4096
static memgate_site_entry table[TABLE_CAPACITY];
static uint64_t hashes[TABLE_CAPACITY];   // 0: empty slot
static size_t used_order[TABLE_CAPACITY]; // slot indices in insertion order
static size_t used = 0;
static _Atomic int run_index = 0;
static _Atomic uint64_t dropped[2];
static atomic_flag table_lock = ATOMIC_FLAG_INIT;
static __thread int inside_recorder __attribute__((tls_model("initial-exec")));
// Threads inside memgate_record_site: memgate_sites_stop waits for them to leave.
static _Atomic int active_recorders = 0;

// What a spinning thread does between tries: tells the CPU (and a hyperthread sibling).
static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

static void count_dropped(int run, uint32_t count) { atomic_fetch_add_explicit(&dropped[run], count, memory_order_relaxed); }

typedef struct {
    uintptr_t *frames;
    uint32_t depth;
    uint32_t skip;
    uint32_t truncated;
} unwind_state;

static _Unwind_Reason_Code collect_frame(struct _Unwind_Context *context, void *argument) {
    unwind_state *state = argument;
    uintptr_t ip = (uintptr_t)_Unwind_GetIP(context);
    if (ip == 0) return _URC_END_OF_STACK;
    if (state->skip > 0) {
        state->skip--;
        return _URC_NO_REASON;
    }
    if (state->depth == MEMGATE_SITE_MAX_DEPTH) {
        state->truncated = 1;
        return _URC_END_OF_STACK;
    }
    state->frames[state->depth++] = ip;
    return _URC_NO_REASON;
}

// FNV-1a over the addresses; never 0 (0 marks an empty slot).
static uint64_t hash_frames(const uintptr_t *frames, uint32_t depth) {
    uint64_t hash = 14695981039346656037ull;
    for (uint32_t i = 0; i < depth; i++) {
        hash ^= (uint64_t)frames[i];
        hash *= 1099511628211ull;
    }
    return hash == 0 ? 1 : hash;
}

static memgate_site_entry *find_or_insert(uint64_t hash, const unwind_state *stack) {
    size_t slot = (size_t)(hash % TABLE_CAPACITY);
    for (size_t probe = 0; probe < TABLE_CAPACITY; probe++, slot = (slot + 1) % TABLE_CAPACITY) {
        if (hashes[slot] == 0) {
            if (used * 4 >= TABLE_CAPACITY * 3) return NULL;  // keep probes short: 75% full is full
            hashes[slot] = hash;
            memgate_site_entry *entry = &table[slot];
            memcpy(entry->frames, stack->frames, stack->depth * sizeof(uintptr_t));
            entry->depth = stack->depth;
            entry->truncated = stack->truncated;
            used_order[used++] = slot;
            return entry;
        }
        memgate_site_entry *entry = &table[slot];
        if (hashes[slot] == hash && entry->depth == stack->depth
            && memcmp(entry->frames, stack->frames, stack->depth * sizeof(uintptr_t)) == 0) {
            return entry;
        }
    }
    return NULL;
}

__attribute__((noinline)) void memgate_record_site(uint32_t count, size_t size) {
    if (inside_recorder) {
        count_dropped(atomic_load_explicit(&run_index, memory_order_relaxed), count);
        return;
    }
    inside_recorder = 1;
    // Announce, then re-check the flag (both sequentially consistent): either stop sees this
    // thread and waits for it, or this thread sees recording stopped and leaves.
    atomic_fetch_add(&active_recorders, 1);
    if (!atomic_load(&memgate_sites_recording)) {
        atomic_fetch_sub(&active_recorders, 1);
        inside_recorder = 0;
        return;
    }
    // The run this allocation happened in: read before the unwinding, which takes a while.
    int run = atomic_load_explicit(&run_index, memory_order_relaxed);
    uintptr_t frames[MEMGATE_SITE_MAX_DEPTH];
    // Skip this function's own frame: frames[0] is inside the malloc-family function.
    unwind_state stack = {frames, 0, 1, 0};
    _Unwind_Backtrace(collect_frame, &stack);
    uint64_t hash = hash_frames(frames, stack.depth);
    while (atomic_flag_test_and_set_explicit(&table_lock, memory_order_acquire)) cpu_relax();
    memgate_site_entry *entry = find_or_insert(hash, &stack);
    if (entry) {
        entry->allocations[run] += count;
        entry->bytes[run] += size;
    } else {
        count_dropped(run, count);
    }
    atomic_flag_clear_explicit(&table_lock, memory_order_release);
    atomic_fetch_sub(&active_recorders, 1);
    inside_recorder = 0;
}

extern int memgate_alloc_is_active(void);

int memgate_sites_is_available(void) { return memgate_alloc_is_active(); }

static int start_recording(int mode) {
    if (!memgate_sites_is_available()) return 0;
    while (atomic_flag_test_and_set_explicit(&table_lock, memory_order_acquire)) cpu_relax();
    for (size_t i = 0; i < used; i++) {
        hashes[used_order[i]] = 0;
        memset(&table[used_order[i]], 0, sizeof(memgate_site_entry));
    }
    used = 0;
    atomic_store(&dropped[0], 0);
    atomic_store(&dropped[1], 0);
    atomic_flag_clear_explicit(&table_lock, memory_order_release);
    // The unwinder's first use may load libgcc_s's tables and allocate: do it now.
    uintptr_t frames[MEMGATE_SITE_MAX_DEPTH];
    unwind_state warmup = {frames, 0, 0, 0};
    _Unwind_Backtrace(collect_frame, &warmup);
    atomic_store(&run_index, 0);
    atomic_store(&memgate_sites_recording, mode);
    return 1;
}

int memgate_sites_start(void) { return start_recording(1); }

int memgate_sites_start_retains(void) { return start_recording(2); }

void memgate_sites_set_run(int run) { atomic_store(&run_index, run == 0 ? 0 : 1); }

void memgate_sites_stop(void) {
    atomic_store(&memgate_sites_recording, 0);
    while (atomic_load(&active_recorders) != 0) cpu_relax();
}

size_t memgate_sites_count(void) { return used; }

const memgate_site_entry *memgate_sites_entry(size_t index) { return index < used ? &table[used_order[index]] : NULL; }

uint64_t memgate_sites_dropped(int run) { return atomic_load(&dropped[run == 0 ? 0 : 1]); }

#else  // Not Linux: nothing is recorded.

int memgate_sites_is_available(void) { return 0; }
int memgate_sites_start(void) { return 0; }
int memgate_sites_start_retains(void) { return 0; }
void memgate_sites_set_run(int run) { (void)run; }
void memgate_sites_stop(void) {}
size_t memgate_sites_count(void) { return 0; }
const memgate_site_entry *memgate_sites_entry(size_t index) { (void)index; return NULL; }
uint64_t memgate_sites_dropped(int run) { (void)run; return 0; }

#endif
