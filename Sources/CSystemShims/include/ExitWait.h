// Waiting for a child's exit without polling.
#ifndef MEMGATE_EXIT_WAIT_H
#define MEMGATE_EXIT_WAIT_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A descriptor that becomes readable when process `pid` exits (close it after use), or -1
/// where the kernel has none (before Linux 5.3, not Linux, or refused by a sandbox). The
/// corresponding C function is `pidfd_open`.
int memgate_pidfd_open(pid_t pid);

#ifdef __cplusplus
}
#endif

#endif
