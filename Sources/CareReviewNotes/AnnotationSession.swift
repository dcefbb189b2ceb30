import CareReview
import Foundation

/// One browser's view of the store: it remembers what it last saved, so
/// each save sends only what this browser changed since, and another
/// browser's or a CLI run's changes in between survive.
public final class AnnotationSession: @unchecked Sendable {
    public let store: AnnotationStore
    private var baseline: Annotations
    private let lock = NSLock()

    /// Starts from what is stored now (empty when the store is read-only).
    public init(store: AnnotationStore) {
        self.store = store
        baseline = (try? store.load()) ?? Annotations()
    }

    /// What this session started from.
    public var initial: Annotations { lock.withLock { baseline } }

    /// Saves the difference between the last saved state and `annotations`;
    /// returns once it is durable. On failure nothing is forgotten: the
    /// next save sends the change again.
    public func save(_ annotations: Annotations) throws {
        try lock.withLock {
            let changes = baseline.changes(to: annotations)
            guard !changes.isEmpty else { return }
            try store.apply(changes)
            baseline = annotations
        }
    }

    /// Everything stored now, this session's changes and everyone else's.
    public func current() throws -> Annotations { try store.load() }
}
