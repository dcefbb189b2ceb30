import CareReview
import CareReviewUI
import Foundation

/// Where the browser left off, in the XDG state directory. Written
/// atomically; an unreadable file is set aside, never silently lost.
struct SessionStore {
    let directory: URL
    var file: URL { directory.appendingPathComponent("session.json") }

    /// nil when there is no saved session.
    struct Unreadable: Error { let message: String }

    func load() -> Result<Session, Unreadable>? {
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        do {
            return .success(try JSONDecoder().decode(Session.self, from: data))
        } catch {
            let aside = directory.appendingPathComponent("session.unreadable.json")
            try? FileManager.default.removeItem(at: aside)
            try? FileManager.default.moveItem(at: file, to: aside)
            return .failure(Unreadable(message: "Could not read the saved session (kept as \(aside.path)); starting at home."))
        }
    }

    func save(_ session: Session) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(session) else { return }
        try? AtomicFile.write(data, to: file)
    }
}
