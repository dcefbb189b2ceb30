import Foundation

/// A value computed on first use, once, whichever thread asks first; shared
/// by the copies of the struct that holds it.
final class LazyValue<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: T?
    private var make: (@Sendable () -> T)?

    init(_ make: @escaping @Sendable () -> T) { self.make = make }

    var value: T {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        let v = make!()
        cached = v
        make = nil
        return v
    }
}
