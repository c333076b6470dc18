// See include/ParentDeath.h.
#include "ParentDeath.h"

#if defined(__linux__)
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

int memgate_die_with_parent(pid_t expected_parent) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return -1;
    // The parent may have died between fork and prctl: then we were re-parented already.
    return getppid() == expected_parent ? 1 : 0;
}

#else

int memgate_die_with_parent(pid_t expected_parent) {
    (void)expected_parent;
    return -1;
}

#endif
