import Foundation

/// Runs `body` for 0..<count on all cores and returns the results in order.
/// Each slot is written by exactly one iteration, so no lock is needed.
func parallelMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let slots = UnsafeMutablePointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil, count: count)
    defer { slots.deinitialize(count: count); slots.deallocate() }
    let box = UncheckedBox(slots)
    // Threads of our own, not Dispatch's pool: once that pool has started,
    // libdispatch wakes the process every second for good (its worker
    // monitor), and an idle browser must sleep.
    withoutActuallyEscaping(body) { body in
        let work = UncheckedBox(body)
        let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
        // Worker w takes w, w + workers, w + 2·workers, …: disjoint slots.
        let stride = UncheckedBox({ (w: Int) in
            var i = w
            while i < count { box.value[i] = work.value(i); i += workers }
        })
        // Joined before returning, so nothing outlives `body`.
        var threads: [pthread_t] = []
        for w in 1..<workers {
            let job = Unmanaged.passRetained(UncheckedBox({ stride.value(w) })).toOpaque()
            var thread = pthread_t()
            let started = pthread_create(&thread, nil, { raw in
                Unmanaged<UncheckedBox<() -> Void>>.fromOpaque(raw!).takeRetainedValue().value()
                return nil
            }, job)
            if started == 0 { threads.append(thread) } else {
                Unmanaged<UncheckedBox<() -> Void>>.fromOpaque(job).takeRetainedValue().value()   // run it here instead
            }
        }
        stride.value(0)
        for t in threads { pthread_join(t, nil) }
    }
    return (0..<count).map { slots[$0]! }
}

/// Lets a value cross into concurrentPerform's closure; parallelMap's
/// disjoint writes make that safe.
private final class UncheckedBox<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}
