import Foundation
import Testing
@testable import CareReview

/// Paths stay inside the dataset, special files are refused without
/// blocking, sizes are capped, and costly inputs stay cheap.
@Suite struct ContainmentTests {
    private func withCopy(_ body: (String) throws -> Void) throws {
        let path = try Fixture.copy()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try body(path)
    }

    private func edit(_ dir: String, _ file: String, _ change: (String) -> String) throws {
        let url = URL(fileURLWithPath: dir + "/" + file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let edited = change(text)
        precondition(edited != text, "the edit changed nothing")
        try edited.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The problems reported for `texts/beta.txt`'s document.
    private func betaProblem(_ dir: String) -> String? {
        CorpusLoader.validate(.directory(dir)).first { $0.file.hasSuffix("documents.yaml") }?.message
    }

    @Test func parentPathLeavingTheDatasetIsRefused() throws {
        try withCopy { dir in
            try "outside\n".write(toFile: dir + "/../carereview-outside-\(UUID().uuidString).txt", atomically: true, encoding: .utf8)
            try edit(dir, "documents.yaml") { $0.replacingOccurrences(of: "texts/beta.txt", with: "../../../../etc/passwd") }
            let message = try #require(betaProblem(dir))
            #expect(message.hasPrefix("text file '\(dir)/../../../../etc/passwd': path resolves to '/etc/passwd', outside the dataset directory"))
            #expect(throws: CorpusLoadError.self) { try CorpusLoader.load(.directory(dir)) }
        }
    }

    @Test func absolutePathIsRefused() throws {
        try withCopy { dir in
            try edit(dir, "documents.yaml") { $0.replacingOccurrences(of: "texts/beta.txt", with: "/etc/hostname") }
            #expect(betaProblem(dir)?.contains("path is absolute") == true)
        }
    }

    @Test func symlinkOutOfTheDatasetIsRefused() throws {
        try withCopy { dir in
            try FileManager.default.removeItem(atPath: dir + "/texts/beta.txt")
            try FileManager.default.createSymbolicLink(atPath: dir + "/texts/beta.txt", withDestinationPath: "/etc/passwd")
            let message = try #require(betaProblem(dir))
            #expect(message.contains("texts/beta.txt': path resolves to '/etc/passwd', outside the dataset directory"))
        }
    }

    @Test func symlinkInsideTheDatasetIsFollowed() throws {
        try withCopy { dir in
            try FileManager.default.moveItem(atPath: dir + "/texts/beta.txt", toPath: dir + "/beta-real.txt")
            try FileManager.default.createSymbolicLink(atPath: dir + "/texts/beta.txt", withDestinationPath: "../beta-real.txt")
            #expect(CorpusLoader.validate(.directory(dir)).isEmpty)
        }
    }

    @Test func symlinkLoopIsCalledALoop() throws {
        try withCopy { dir in
            try FileManager.default.removeItem(atPath: dir + "/texts/beta.txt")
            try FileManager.default.createSymbolicLink(atPath: dir + "/texts/beta.txt", withDestinationPath: "loop.txt")
            try FileManager.default.createSymbolicLink(atPath: dir + "/texts/loop.txt", withDestinationPath: "beta.txt")
            #expect(betaProblem(dir)?.contains("symlink loop") == true)
            #expect(betaProblem(dir)?.contains("missing") == false)
        }
    }

    @Test func fifoTextIsRefusedWithoutBlocking() throws {
        try withCopy { dir in
            try FileManager.default.removeItem(atPath: dir + "/texts/beta.txt")
            #expect(mkfifo(dir + "/texts/beta.txt", 0o644) == 0)
            #expect(betaProblem(dir)?.hasSuffix("texts/beta.txt': file is a FIFO, not a regular file") == true)
        }
    }

    @Test func fifoYAMLIsRefusedWithoutBlocking() throws {
        try withCopy { dir in
            try FileManager.default.removeItem(atPath: dir + "/positions.yaml")
            #expect(mkfifo(dir + "/positions.yaml", 0o644) == 0)
            let problems = CorpusLoader.validate(.directory(dir))
            #expect(problems.map(\.description) == ["\(dir)/positions.yaml:1:1: file is a FIFO, not a regular file"])
        }
    }

    @Test func directoryAsTextIsRefused() throws {
        try withCopy { dir in
            try FileManager.default.removeItem(atPath: dir + "/texts/beta.txt")
            try FileManager.default.createDirectory(atPath: dir + "/texts/beta.txt", withIntermediateDirectories: false)
            #expect(betaProblem(dir)?.hasSuffix("file is a directory, not a regular file") == true)
        }
    }

    @Test func fifoInPlaceOfTheCacheFileIsAMiss() throws {
        try withCopy { dir in
            let cacheDir = URL(fileURLWithPath: dir + "/.cache")
            let cache = CorpusCache(directory: cacheDir)
            _ = try CorpusLoader.load(.directory(dir), cache: cache)
            let entry = try #require(cache.entries().first)
            try FileManager.default.removeItem(at: entry)
            #expect(mkfifo(entry.path, 0o644) == 0)
            let (result, outcome) = CachedLoad.run(.directory(dir), cache: cache)
            #expect(outcome == .miss(.noEntry))
            #expect(try result.get().positions.count == 3)
        }
    }

    @Test func sizeCapAppliesToTextsAndYAML() throws {
        // positions.yaml is 971 bytes, the YAML others under 500, alpha.txt 218, beta.txt 133.
        let yaml = CorpusLoader.validate(.directory(Fixture.dir, maxFileBytes: 500))
        #expect(yaml.map(\.message) == ["file is 971 bytes, over the limit of 500 bytes (raise it with --max-file-mb)"])
        #expect(yaml.first?.file.hasSuffix("positions.yaml") == true)
        try withCopy { dir in
            let handle = try #require(FileHandle(forWritingAtPath: dir + "/texts/alpha.txt"))
            handle.seekToEndOfFile()
            handle.write(Data(String(repeating: "x", count: 1500).utf8))
            try handle.close()
            let texts = CorpusLoader.validate(.directory(dir, maxFileBytes: 1500)).map(\.message)
            #expect(texts.contains { $0.hasSuffix("texts/alpha.txt': file is 1718 bytes, over the limit of 1500 bytes (raise it with --max-file-mb)") })
        }
        #expect(CorpusLoader.validate(.directory(Fixture.dir, maxFileBytes: 971)).isEmpty)
    }

    @Test func missingDatasetDirectoryIsNamed() {
        let problems = CorpusLoader.validate(.directory("/nonexistent-carereview-\(UUID().uuidString)"))
        #expect(problems.count == 5)   // the four files and events.yaml
        #expect(problems.allSatisfy { $0.message.hasPrefix("the dataset directory '") && $0.message.hasSuffix("' is missing") })
    }

    @Test func aliasedBadQuoteIsCheckedAndReportedOnce() throws {
        try withCopy { dir in
            // One bad quote anchored, then repeated through aliases 2,000 times.
            var yaml = try String(contentsOfFile: dir + "/positions.yaml", encoding: .utf8)
            yaml = yaml.replacingOccurrences(of: "    - document: alpha\n      start: 64", with: "    - &bad\n      document: alpha\n      start: 65")
            yaml += "- id: many.aliases\n  stakeholder: council\n  proposal: care-plan\n  stance: opposes\n  summary: Repeats.\n  date: \"2022\"\n  quotes:\n"
            yaml += String(repeating: "    - *bad\n", count: 2000)
            try yaml.write(toFile: dir + "/positions.yaml", atomically: true, encoding: .utf8)
            let problems = CorpusLoader.validate(.directory(dir))
            #expect(problems.count == 1)
            #expect(problems.first?.message.hasPrefix("quote does not match document 'alpha' at 65..121") == true)
        }
    }

    @Test func diagnosticsAreCappedAndSummarised() throws {
        try withCopy { dir in
            var yaml = try String(contentsOfFile: dir + "/positions.yaml", encoding: .utf8)
            for i in 0..<250 {
                yaml += "- id: bad.\(i)\n  stakeholder: council\n  proposal: care-plan\n  stance: hates\n  summary: S.\n  date: \"2022\"\n  quotes:\n    - document: alpha\n      start: 64\n      end: 121\n      text: \"We oppose the plan entirely, it is drastic and dangerous.\"\n"
            }
            try yaml.write(toFile: dir + "/positions.yaml", atomically: true, encoding: .utf8)
            do {
                _ = try CorpusLoader.load(.directory(dir))
                Issue.record("loaded")
            } catch let error as CorpusLoadError {
                #expect(error.total == 250)
                #expect(error.diagnostics.count == CorpusLoadError.shownLimit)
                #expect(error.description.hasSuffix("\n… and 150 more"))
                #expect(error.description.split(separator: "\n").count == CorpusLoadError.shownLimit + 1)
            }
        }
    }

    @Test func thousandsAreGrouped() {
        #expect(Diagnostic.grouped(89990) == "89,990")
        #expect(Diagnostic.grouped(999) == "999")
        #expect(Diagnostic.grouped(1_234_567) == "1,234,567")
    }

    @Test func finderAgreesWithANaiveSearch() {
        // KMP against a plain scan, over texts of a small alphabet where borders abound.
        var rng = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "b", " ", "\u{201C}", "\""]
        for _ in 0..<300 {
            let text = String((0..<Int.random(in: 0...60, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            let quote = String((0..<Int.random(in: 1...6, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            #expect(QuoteAnchor.locate(quote, in: text) == naiveLocate(quote, in: text), "\(quote) in \(text)")
        }
    }

    private func naiveLocate(_ quote: String, in text: String) -> Range<Int>? {
        let needle = QuoteAnchor.normalize(quote.unicodeScalars)
        guard !needle.isEmpty else { return nil }
        let scalars = Array(text.unicodeScalars)
        for start in scalars.indices where !scalars[start].properties.isWhitespace {
            for end in start..<scalars.count where !scalars[end].properties.isWhitespace {
                if QuoteAnchor.normalize(scalars[start...end]) == needle { return start..<(end + 1) }
            }
        }
        return nil
    }
}
