import Foundation

/// Which dataset marks and notes belong to: the embedded corpus, or a
/// `--data` directory by its real path (symlinks resolved, so two ways of
/// naming one directory share notes, and two directories never do).
public struct NotesDataset: Sendable, Hashable, CustomStringConvertible {
    /// `embedded`, or `dir:/real/path`.
    public let identity: String

    public static let embedded = NotesDataset(identity: "embedded")

    public init(identity: String) { self.identity = identity }

    public static func directory(_ path: String) -> NotesDataset {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let real = realpath(absolute, nil) else { return NotesDataset(identity: "dir:" + absolute) }
        defer { free(real) }
        return NotesDataset(identity: "dir:" + String(cString: real))
    }

    public var isEmbedded: Bool { identity == NotesDataset.embedded.identity }

    public var description: String { isEmbedded ? "the embedded dataset" : String(identity.dropFirst(4)) }
}

/// A renaming of the embedded dataset's position ids (old id → the new id
/// or ids it became), applied to stored marks and notes once: the store
/// records `name` in the same transaction, so a second run does nothing.
/// A mark on an old id marks every new id; a note is copied to each new id
/// (appended, on its own paragraph, to a note the new id already has).
public struct PositionIDMap: Sendable, Hashable {
    public let name: String
    public let mapping: [String: [String]]

    public init(name: String, mapping: [String: [String]]) {
        self.name = name
        self.mapping = mapping
    }
}
