// See include/ExitWait.h.
#include "ExitWait.h"

#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>

int memgate_pidfd_open(pid_t pid) {
#if defined(SYS_pidfd_open)
    return (int)syscall(SYS_pidfd_open, pid, 0);
#else
    (void)pid;
    return -1;
#endif
}

#else

int memgate_pidfd_open(pid_t pid) {
    (void)pid;
    return -1;
}

#endif
