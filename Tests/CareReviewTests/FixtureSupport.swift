import Foundation
import Testing
@testable import CareReview

/// The small fixture dataset in Fixtures/mini, and copies of it to break.
enum Fixture {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mini").path

    static func corpus() throws -> Corpus { try CorpusLoader.load(.directory(dir)) }

    /// A temporary copy of the fixture with `edit` applied to one file.
    static func copy(editing file: String? = nil, _ edit: (String) -> String = { $0 }) throws -> String {
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("carereview-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: dir, toPath: tmp.path)
        if let file {
            let url = tmp.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let edited = edit(text)
            precondition(edited != text, "the edit changed nothing in \(file)")
            try edited.write(to: url, atomically: true, encoding: .utf8)
        }
        return tmp.path
    }

    /// The diagnostics loading a broken copy gives (and checks nothing was loaded).
    static func problems(editing file: String, _ edit: (String) -> String) throws -> [Diagnostic] {
        let path = try copy(editing: file, edit)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try CorpusLoader.load(.directory(path))
            Issue.record("a broken dataset loaded")
            return []
        } catch {
            #expect(error.diagnostics == CorpusLoader.validate(.directory(path)))
            return error.diagnostics.map {
                Diagnostic(file: String($0.file.dropFirst(path.count + 1)), line: $0.line, column: $0.column, message: $0.message)
            }
        }
    }

    /// 1-based line number of the first line containing `needle` in a fixture file.
    static func line(of needle: String, in file: String) throws -> Int {
        let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        guard let i = lines.firstIndex(where: { $0.contains(needle) }) else { throw FixtureError.notFound(needle) }
        return i + 1
    }

    enum FixtureError: Error { case notFound(String) }
}
