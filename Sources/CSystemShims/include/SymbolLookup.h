// The dynamic linker's address-to-symbol lookup, which glibc declares only with _GNU_SOURCE.
#ifndef MEMGATE_SYMBOL_LOOKUP_H
#define MEMGATE_SYMBOL_LOOKUP_H

#ifdef __cplusplus
extern "C" {
#endif

/// What the dynamic linker knows about an address.
typedef struct {
    /// The path of the object (executable or shared library) containing the address.
    const char *file;
    /// Where that object is mapped (its lowest address).
    const void *file_base;
    /// The nearest exported symbol at or below the address, or NULL.
    const char *symbol;
    /// That symbol's address, or NULL.
    const void *symbol_address;
} memgate_symbol_info;

/// Fills `info` for `address` and returns 1, or returns 0 when no loaded object contains
/// it. The corresponding C function is `dladdr`. Allocates nothing.
int memgate_symbol_lookup(const void *address, memgate_symbol_info *info);

/// The return address of this call: an address inside the function that called it (for
/// anchoring a lookup in the caller's object, and for tests). Never inlined.
const void *memgate_caller_address(void);

#ifdef __cplusplus
}
#endif

#endif
