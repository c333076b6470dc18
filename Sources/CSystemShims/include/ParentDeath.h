// Ties a child process's life to its parent's.
#ifndef MEMGATE_PARENT_DEATH_H
#define MEMGATE_PARENT_DEATH_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Asks the kernel to send SIGKILL to the calling process when its parent thread exits,
/// then checks that the parent is still `expected_parent` (it may have died before the
/// request). Returns 1 when the parent is alive and the request is in place, 0 when the
/// parent is already gone (the caller should exit), -1 where this is not supported (not
/// Linux). The corresponding C function is `prctl(PR_SET_PDEATHSIG)`.
int memgate_die_with_parent(pid_t expected_parent);

#ifdef __cplusplus
}
#endif

#endif
