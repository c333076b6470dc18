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

/// Adds to `actions` a change of the child's working directory to `path` before it runs
/// (`posix_spawn_file_actions_addchdir_np`: glibc 2.29 and later, macOS 10.15 and later).
/// Returns 0 when added, ENOSYS where the C library lacks it, or the function's error number.
int memgate_spawn_chdir(posix_spawn_file_actions_t *actions, const char *path);

/// Makes a pipe whose two ends are close-on-exec (`pipe2(O_CLOEXEC)` on Linux, atomically;
/// `pipe` then `fcntl` elsewhere). Returns 0, or -1 with `errno` set.
int memgate_pipe_cloexec(int ends[2]);

#ifdef __cplusplus
}
#endif

#endif
