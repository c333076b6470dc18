// A hardware instruction counter for the calling thread, where the kernel
// allows perf_event_open (Linux; /proc/sys/kernel/perf_event_paranoid <= 2 for user-space
// counting). Everything fails soft: -1 means "not available".
#ifndef MEMGATE_INSTRUCTION_COUNTER_H
#define MEMGATE_INSTRUCTION_COUNTER_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Opens a counter of user-space instructions retired by the calling thread (kernel and
/// hypervisor excluded), already running. Returns its file descriptor, or -1 when perf
/// events are unavailable (not Linux, no PMU in the VM, or forbidden by perf_event_paranoid).
/// The corresponding C function is `perf_event_open`.
int memgate_instructions_open(void);

/// The counter's current value, or -1 on error. Costs a read system call (~2 µs in a VM).
int64_t memgate_instructions_read(int fd);

/// Closes a counter opened by `memgate_instructions_open`.
void memgate_instructions_close(int fd);

#ifdef __cplusplus
}
#endif

#endif
