// See ObjectAddresses.h.

#define _GNU_SOURCE
#include "ObjectAddresses.h"

#include <fcntl.h>
#include <stdatomic.h>
#include <unistd.h>

#if defined(__linux__)

#define MAX_RANGES 4096
#define BAD_PAGES 4096
static uintptr_t range_start[MAX_RANGES], range_end[MAX_RANGES];
static int range_count = 0;
static uintptr_t read_start[MAX_RANGES], read_end[MAX_RANGES];
// The mappings' generation: it changes only when a re-read finds different mappings.
static uint32_t generation = 1;
// Pages found unmapped, and the generation they were found in (0: empty): a value that
// is not an object (a small string's payload) is rejected without re-reading the
// mappings each time it comes back.
static uintptr_t bad_page[BAD_PAGES];
static uint32_t bad_generation[BAD_PAGES];
static atomic_flag lock = ATOMIC_FLAG_INIT;
static char maps_text[1 << 20];

static uintptr_t parse_hex(const char **cursor, const char *end) {
    uintptr_t value = 0;
    for (; *cursor < end; (*cursor)++) {
        char c = **cursor;
        int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (digit < 0) break;
        value = value * 16 + (uintptr_t)digit;
    }
    return value;
}

// Reads the readable, writable ranges of /proc/self/maps (sorted by address) into
// read_start/read_end; returns their count. Allocates nothing.
static int read_maps(void) {
    int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);
    if (fd < 0) return 0;
    size_t length = 0;
    ssize_t got;
    while (length < sizeof(maps_text) && (got = read(fd, maps_text + length, sizeof(maps_text) - length)) > 0) length += (size_t)got;
    close(fd);
    int count = 0;
    const char *cursor = maps_text, *end = maps_text + length;
    while (cursor < end && count < MAX_RANGES) {
        uintptr_t start = parse_hex(&cursor, end);
        if (cursor < end && *cursor == '-') cursor++;
        uintptr_t stop = parse_hex(&cursor, end);
        if (cursor + 2 < end && cursor[1] == 'r' && cursor[2] == 'w') {
            read_start[count] = start;
            read_end[count] = stop;
            count++;
        }
        while (cursor < end && *cursor != '\n') cursor++;
        cursor++;
    }
    return count;
}

// Re-reads the mappings; a new generation when they changed. Called with the lock held.
static void refresh(void) {
    int count = read_maps();
    int same = count == range_count;
    for (int i = 0; same && i < count; i++) same = read_start[i] == range_start[i] && read_end[i] == range_end[i];
    if (same) return;
    for (int i = 0; i < count; i++) {
        range_start[i] = read_start[i];
        range_end[i] = read_end[i];
    }
    range_count = count;
    generation++;
}

static int lookup(uintptr_t address) {
    int low = 0, high = range_count - 1;
    while (low <= high) {
        int middle = (low + high) / 2;
        if (address < range_start[middle]) high = middle - 1;
        else if (address >= range_end[middle]) low = middle + 1;
        else return 1;
    }
    return 0;
}

void memgate_object_addresses_refresh(void) {
    while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire)) {}
    refresh();
    atomic_flag_clear_explicit(&lock, memory_order_release);
}

int memgate_is_object_address(const void *pointer) {
    uintptr_t address = (uintptr_t)pointer;
    // Heap objects come from malloc (16-byte aligned); mappings are whole pages, so the
    // object's 16-byte header is in the same mapping as its address.
    if (address == 0 || (address & 15) != 0) return 0;
    uintptr_t page = address >> 12;
    unsigned slot = (unsigned)((page * 0x9E3779B97F4A7C15ull) >> 52) % BAD_PAGES;
    while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire)) {}
    int found = lookup(address);
    if (!found && !(bad_page[slot] == page && bad_generation[slot] == generation)) {
        refresh();  // a mapping made since the last read (a large allocation, a new thread's stack)
        found = lookup(address);
        if (!found) {
            bad_page[slot] = page;
            bad_generation[slot] = generation;
        }
    }
    atomic_flag_clear_explicit(&lock, memory_order_release);
    return found;
}

#else

void memgate_object_addresses_refresh(void) {}
int memgate_is_object_address(const void *pointer) { return pointer != 0; }

#endif
