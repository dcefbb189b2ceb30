import CareReview
import Foundation

/// An imported project is written as any dataset is, in the canonical style.
extension DatasetWriter {
    public static func write(_ d: ImportedDataset, to directory: String) throws {
        try write(Contents(documents: d.documents, stakeholders: d.stakeholders, proposals: d.proposals,
                           positions: d.positions), to: directory)
    }

    /// Writes into a staging folder beside `directory`, validates it as
    /// `carereview validate` does, and only when it has no problem moves the
    /// files into `directory`, so a failed import leaves nothing behind. The
    /// problems name files as they would be in `directory`.
    public static func writeValidated(_ d: ImportedDataset, to directory: String) throws -> [Diagnostic] {
        let fm = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let staging = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).import-\(getpid())")
        try? fm.removeItem(at: staging)
        defer { try? fm.removeItem(at: staging) }
        try write(d, to: staging.path)
        let problems = CorpusLoader.validate(.directory(staging.path)).map {
            Diagnostic(file: $0.file.replacingOccurrences(of: staging.path, with: directory), line: $0.line, column: $0.column, message: $0.message)
        }
        guard problems.isEmpty else { return problems }
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try fm.contentsOfDirectory(atPath: staging.path) {
            let from = staging.appendingPathComponent(name), to = target.appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: to.path, isDirectory: &isDirectory), isDirectory.boolValue {
                // texts/: replace the files of the same names, keep the others (--force).
                for t in try fm.contentsOfDirectory(atPath: from.path) {
                    try? fm.removeItem(at: to.appendingPathComponent(t))
                    try fm.moveItem(at: from.appendingPathComponent(t), to: to.appendingPathComponent(t))
                }
                continue
            }
            try? fm.removeItem(at: to)
            try fm.moveItem(at: from, to: to)
        }
        return []
    }
}
