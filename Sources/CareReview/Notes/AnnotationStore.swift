import Foundation

/// Marks and notes on disk: `$XDG_DATA_HOME/carereview/annotations.json`
/// (default `~/.local/share/carereview/`). Written atomically. A file that
/// cannot be read is never overwritten: it is moved aside and the user is
/// told where, and the browser starts with no annotations.
public struct AnnotationStore: Sendable {
    public let file: URL

    public init(directory: URL) { file = directory.appendingPathComponent("annotations.json") }

    /// The default location, from the environment.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> AnnotationStore {
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share")
        return AnnotationStore(directory: base.appendingPathComponent("carereview"))
    }

    public enum Loaded: Sendable {
        case none                                   // no file yet
        case loaded(Annotations)
        case setAside(movedTo: URL, reason: String) // unreadable; kept, not lost
    }

    public func load() -> Loaded {
        guard FileManager.default.fileExists(atPath: file.path) else { return .none }
        do {
            let data = try Data(contentsOf: file)
            return .loaded(try JSONDecoder().decode(Annotations.self, from: data))
        } catch {
            let stamp = Int(Date().timeIntervalSince1970)
            let aside = file.deletingLastPathComponent().appendingPathComponent("annotations.unreadable-\(stamp).json")
            do {
                try FileManager.default.moveItem(at: file, to: aside)
            } catch {
                // Could not move it: leave it where it is and never write over it.
                return .setAside(movedTo: file, reason: "cannot read or move it: \(error.localizedDescription)")
            }
            return .setAside(movedTo: aside, reason: Self.describe(error))
        }
    }

    public func save(_ annotations: Annotations) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(try encoder.encode(annotations), to: file)
    }

    static func describe(_ error: Error) -> String {
        if let d = error as? DecodingError {
            switch d {
            case .dataCorrupted(let c), .keyNotFound(_, let c), .typeMismatch(_, let c), .valueNotFound(_, let c):
                return c.debugDescription
            @unknown default: break
            }
        }
        return error.localizedDescription
    }
}
