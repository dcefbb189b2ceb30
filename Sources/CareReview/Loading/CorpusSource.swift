import Foundation

/// Where the dataset's files come from: a directory on disk or files embedded
/// in the binary. Paths are relative to the dataset root (`positions.yaml`,
/// `texts/sen-two-tier-workforce.txt`).
public struct CorpusSource: Sendable {
    /// Prefix for file names in diagnostics (`Resources`, or the directory given).
    public let displayRoot: String
    private let reader: @Sendable (String) -> FileContents

    public enum FileContents: Sendable {
        case text(String)
        case missing
        case unreadable(String)
    }

    public init(displayRoot: String, reader: @escaping @Sendable (String) -> FileContents) {
        self.displayRoot = displayRoot
        self.reader = reader
    }

    public func read(_ path: String) -> FileContents { reader(path) }

    public func displayPath(_ path: String) -> String {
        displayRoot.isEmpty ? path : (displayRoot.hasSuffix("/") ? displayRoot + path : displayRoot + "/" + path)
    }

    /// A dataset in a directory (`--data DIR`, `CAREREVIEW_DATA`).
    public static func directory(_ path: String) -> CorpusSource {
        let root = URL(fileURLWithPath: path)
        return CorpusSource(displayRoot: path) { relative in
            let url = root.appendingPathComponent(relative)
            guard FileManager.default.fileExists(atPath: url.path) else { return .missing }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                return .unreadable("cannot read file")
            }
            guard let text = String(validatingUTF8Data: data) else {
                return .unreadable("file is not valid UTF-8")
            }
            return .text(text)
        }
    }

    /// Files held in memory, e.g. the corpus embedded in the binary.
    public static func files(_ files: [String: String], displayRoot: String) -> CorpusSource {
        CorpusSource(displayRoot: displayRoot) { files[$0].map(FileContents.text) ?? .missing }
    }
}

extension String {
    /// Decodes UTF-8 strictly: nil for invalid bytes (rather than repairing them).
    init?(validatingUTF8Data data: Data) {
        var decoded: String?
        data.withUnsafeBytes { raw in
            decoded = String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self)
        }
        guard let decoded else { return nil }
        self = decoded
    }
}
