import Testing

/// `MachineClaims`, the lock that keeps timed package-building tests alone.
@Suite struct MachineClaimTests {
    /// Records the order in which claims are granted.
    actor Grants {
        var order: [String] = []
        func add(_ name: String) { order.append(name) }
    }

    /// Starts a claim that records `name` when granted; returns once it waits or holds.
    func claim(_ claims: MachineClaims, _ name: String, alone: Bool, _ grants: Grants) async -> Task<Void, Never> {
        let granted = await grants.order.count, waiting = await claims.waitingCount
        let task = Task {
            await claims.acquire(alone: alone)
            await grants.add(name)
        }
        while await grants.order.count == granted, await claims.waitingCount == waiting { await Task.yield() }
        return task
    }

    @Test func anExclusiveClaimWaitsForSharedOnesAndGoesBeforeLaterShared() async {
        let claims = MachineClaims(), grants = Grants()
        let first = await claim(claims, "shared 1", alone: false, grants)
        let second = await claim(claims, "shared 2", alone: false, grants)
        await first.value
        await second.value
        #expect(await grants.order == ["shared 1", "shared 2"])  // shared claims share
        let alone = await claim(claims, "alone", alone: true, grants)
        let later = await claim(claims, "shared 3", alone: false, grants)
        #expect(await grants.order == ["shared 1", "shared 2"])  // both wait for the two shared
        await claims.release(alone: false)
        #expect(await grants.order == ["shared 1", "shared 2"])  // one shared still held
        await claims.release(alone: false)
        await alone.value
        #expect(await grants.order == ["shared 1", "shared 2", "alone"])  // before the later shared one
        await claims.release(alone: true)
        await later.value
        #expect(await grants.order == ["shared 1", "shared 2", "alone", "shared 3"])
        await claims.release(alone: false)
        #expect(await claims.waitingCount == 0)
    }
}
