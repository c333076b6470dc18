// Whether a value the Swift runtime hands to a retain or release hook can be a heap object.
// Internal to the target.
//
// Why it is needed: on Linux, Swift 6.3's `_swift_retain_adapterImpl` and
// `_swift_release_adapterImpl` (the path the runtime takes to a hook) mask the spare bits
// of their argument, which turns some values that are not objects (the tagged payload of a
// small string, which the runtime's own check would skip) into plausible-looking
// addresses; forwarding those to the runtime's retain faults (`Bad pointer dereference`,
// seen with Swift 6.3.1; fixed upstream for 6.4). A hook forwards only what this says can
// be an object: 16-byte aligned and inside a readable, writable mapping of the process.
#ifndef MEMGATE_OBJECT_ADDRESSES_H
#define MEMGATE_OBJECT_ADDRESSES_H

/// Re-reads the process's mappings (/proc/self/maps). Allocates nothing.
void memgate_object_addresses_refresh(void);

/// 1 when `pointer` is 16-byte aligned and lies in a readable, writable mapping, else 0.
/// A miss re-reads the mappings, unless the page was found unmapped before and the
/// mappings have not changed since (a page found unmapped is remembered until a re-read
/// shows different mappings). The remaining risk, stated: a page found unmapped that gets
/// mapped later, with no re-read in between, rejects a real object's retain there.
int memgate_is_object_address(const void *pointer);

#endif
