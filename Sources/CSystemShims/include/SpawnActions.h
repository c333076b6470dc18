// File actions for posix_spawn that not every C library has.
#ifndef MEMGATE_SPAWN_ACTIONS_H
#define MEMGATE_SPAWN_ACTIONS_H

#include <spawn.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Adds to `actions` the closing, in the child, of every descriptor from `lowest` up
/// (`posix_spawn_file_actions_addclosefrom_np`, glibc 2.34 and later), so a spawned process
/// inherits only the descriptors the caller set up below `lowest`. Returns 0 when added,
/// ENOSYS where the C library lacks it (the child then inherits the parent's descriptors
/// that are not close-on-exec), or the function's error number.
int memgate_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

#ifdef __cplusplus
}
#endif

#endif
