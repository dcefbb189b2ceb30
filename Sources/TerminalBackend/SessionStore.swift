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

enum AtomicFile {
    /// Temporary file, fsync, rename: a crash leaves the old file or the new one.
    static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let tmp = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: tmp)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(tmp.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? handle.close()
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
    }
}
