// See include/InstructionCounter.h.
#include "InstructionCounter.h"

#if defined(__linux__)
#include <linux/perf_event.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int memgate_instructions_open(void) {
    struct perf_event_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.type = PERF_TYPE_HARDWARE;
    attr.size = sizeof attr;
    attr.config = PERF_COUNT_HW_INSTRUCTIONS;
    attr.exclude_kernel = 1;
    attr.exclude_hv = 1;
    // pid 0, cpu -1: the calling thread, on whichever CPU it runs.
    long fd = syscall(SYS_perf_event_open, &attr, 0, -1, -1, PERF_FLAG_FD_CLOEXEC);
    return fd < 0 ? -1 : (int)fd;
}

int64_t memgate_instructions_read(int fd) {
    uint64_t value = 0;
    return read(fd, &value, sizeof value) == (ssize_t)sizeof value ? (int64_t)value : -1;
}

void memgate_instructions_close(int fd) {
    if (fd >= 0) close(fd);
}

#else

int memgate_instructions_open(void) { return -1; }
int64_t memgate_instructions_read(int fd) { (void)fd; return -1; }
void memgate_instructions_close(int fd) { (void)fd; }

#endif
