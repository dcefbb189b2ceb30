import Dispatch

/// Runs `body` for 0..<count on all cores and returns the results in order.
/// Each slot is written by exactly one iteration, so no lock is needed.
func parallelMap<T>(_ count: Int, _ body: (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let slots = UnsafeMutablePointer<T?>.allocate(capacity: count)
    slots.initialize(repeating: nil, count: count)
    defer { slots.deinitialize(count: count); slots.deallocate() }
    let box = UncheckedBox(slots)
    withoutActuallyEscaping(body) { body in
        let work = UncheckedBox(body)
        DispatchQueue.concurrentPerform(iterations: count) { i in box.value[i] = work.value(i) }
    }
    return (0..<count).map { slots[$0]! }
}

/// Lets a value cross into concurrentPerform's closure; parallelMap's
/// disjoint writes make that safe.
private final class UncheckedBox<V>: @unchecked Sendable {
    let value: V
    init(_ value: V) { self.value = value }
}
