// dladdr, declared by glibc only with _GNU_SOURCE. See include/SymbolLookup.h.
#define _GNU_SOURCE
#include "SymbolLookup.h"

#include <dlfcn.h>
#include <stddef.h>

int memgate_symbol_lookup(const void *address, memgate_symbol_info *info) {
    Dl_info found;
    if (dladdr(address, &found) == 0) return 0;
    info->file = found.dli_fname;
    info->file_base = found.dli_fbase;
    info->symbol = found.dli_sname;
    info->symbol_address = found.dli_saddr;
    return 1;
}

__attribute__((noinline)) const void *memgate_caller_address(void) { return __builtin_return_address(0); }
