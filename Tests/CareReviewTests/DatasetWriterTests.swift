import Foundation
import Testing
@testable import CareReview

/// The canonical YAML style: Resources/ is in it, so writing the loaded
/// dataset gives back the same bytes, and a write changes only what changed.
@Suite struct DatasetWriterTests {
    static let resources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources").path

    @Test func resourcesAreInTheCanonicalStyle() throws {
        let corpus = try CorpusLoader.load(.directory(Self.resources))
        let files = DatasetWriter.files(.init(corpus))
        for name in [CorpusLoader.documentsFile, CorpusLoader.stakeholdersFile, CorpusLoader.proposalsFile,
                     CorpusLoader.positionsFile, CorpusLoader.eventsFile] {
            guard let onDisk = try? String(contentsOfFile: Self.resources + "/" + name, encoding: .utf8) else {
                #expect(files[name] == nil, "\(name) is written but not in Resources")
                continue
            }
            #expect(files[name] == onDisk, "\(name) is not in the canonical style: rewrite it with the dataset writer")
        }
    }

    @Test func writtenDatasetLoadsBackTheSame() throws {
        let corpus = try CorpusLoader.load(.directory(Self.resources))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("crv-writer-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try DatasetWriter.write(.init(corpus), to: dir)
        let again = try CorpusLoader.load(.directory(dir))
        #expect(again.positions.map(\.id) == corpus.positions.map(\.id))
        #expect(again.positions.map(\.quotes) == corpus.positions.map(\.quotes))
        #expect(again.positions.map(\.dateNote) == corpus.positions.map(\.dateNote))
        #expect(again.events == corpus.events)
        #expect(again.documents.map(\.text) == corpus.documents.map(\.text))
    }

    @Test func plainOnlyWhereItReadsBackTheSame() {
        #expect(DatasetWriter.plain("article-39.iro-abolition") == "article-39.iro-abolition")
        #expect(DatasetWriter.plain("texts/a.txt") == "texts/a.txt")
        #expect(DatasetWriter.plain("null") == "\"null\"")
        #expect(DatasetWriter.plain("2022") == "\"2022\"")
        #expect(DatasetWriter.plain("Two words") == "\"Two words\"")
    }
}
