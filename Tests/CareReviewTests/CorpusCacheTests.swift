import EmbeddedCorpus
import Foundation
import Testing
@testable import CareReview

@Suite struct CorpusCacheTests {
    /// A fresh, empty cache directory (not yet created: the cache creates it).
    private func tempCache(limit: Int = 4) -> CorpusCache {
        CorpusCache(directory: FileManager.default.temporaryDirectory.appendingPathComponent("carereview-cache-\(UUID().uuidString)"),
                    limit: limit)
    }

    private func cleanUp(_ paths: String...) {
        for p in paths { try? FileManager.default.removeItem(atPath: p) }
    }

    /// Loads through the cache, returning the outcome and the corpus (or the error).
    private func load(_ path: String, _ cache: CorpusCache) -> (Result<Corpus, CorpusLoadError>, CacheOutcome) {
        let run = CachedLoad.run(.directory(path), cache: cache)
        return (run.result, run.outcome)
    }

    /// Every public field of every entity, and the derived lookups, agree.
    private func expectSame(_ a: Corpus, _ b: Corpus, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        func dumped<T>(_ x: T) -> String { var s = ""; dump(x, to: &s); return s }
        #expect(dumped(a.documents) == dumped(b.documents), sourceLocation: sourceLocation)
        #expect(dumped(a.stakeholders) == dumped(b.stakeholders), sourceLocation: sourceLocation)
        #expect(dumped(a.proposals) == dumped(b.proposals), sourceLocation: sourceLocation)
        #expect(dumped(a.positions) == dumped(b.positions), sourceLocation: sourceLocation)
        for d in a.documents {
            #expect(a.quotes(inDocument: d.id) == b.quotes(inDocument: d.id), sourceLocation: sourceLocation)
        }
        for p in a.proposals {
            #expect(a.positions(onProposal: p.id).map(\.id) == b.positions(onProposal: p.id).map(\.id), sourceLocation: sourceLocation)
        }
    }

    @Test func warmLoadEqualsColdLoad() throws {
        let path = try Fixture.copy(), cache = tempCache()
        defer { cleanUp(path, cache.directory.path) }
        let cold = try CorpusLoader.load(.directory(path))

        let (first, firstOutcome) = load(path, cache)
        #expect(firstOutcome == .miss(.noEntry))
        #expect(cache.entries().count == 1)
        expectSame(try first.get(), cold)

        let (warm, warmOutcome) = load(path, cache)
        #expect(warmOutcome == .hit)
        let w = try warm.get()
        expectSame(w, cold)
        // A few fields spelt out, including the optional ones on both sides of nil.
        #expect(w.document("beta")?.author == nil)
        #expect(w.document("beta")?.dateNote == "month of the final report")
        #expect(w.document("beta")?.url == "https://example.org/beta")
        #expect(w.document("alpha")?.text == cold.document("alpha")?.text)
        #expect(w.position("the-charity.iro-abolition")?.reportedBy == "Beta round-up")
        #expect(w.position("council.care-plan")?.quotes == [Quote(document: "alpha", text: "We oppose the plan entirely, it is drastic and dangerous.", start: 64, end: 121)])
        #expect(w.proposal("care-plan")?.aliases == ["CPR"])
        #expect(w.stakeholder("council")?.kind == .localGovernment)
        // The public entry point gives the same.
        expectSame(try CorpusLoader.load(.directory(path), cache: cache), cold)
    }

    @Test func warmEmbeddedCorpusEqualsCold() throws {
        let cache = tempCache()
        defer { cleanUp(cache.directory.path) }
        let cold = try CorpusLoader.load(EmbeddedCorpus.source)
        #expect(CachedLoad.run(EmbeddedCorpus.source, cache: cache).outcome == .miss(.noEntry))
        let warm = CachedLoad.run(EmbeddedCorpus.source, cache: cache)
        #expect(warm.outcome == .hit)
        expectSame(try warm.result.get(), cold)
        #expect(try warm.result.get().proposals.contains { !$0.reviewWords.isEmpty })
    }

    @Test func changingOneYAMLByteMisses() throws {
        let path = try Fixture.copy(), cache = tempCache()
        defer { cleanUp(path, cache.directory.path) }
        _ = load(path, cache)
        let url = URL(fileURLWithPath: path + "/stakeholders.yaml")
        var bytes = try Data(contentsOf: url)
        let at = try #require(bytes.firstRange(of: Data("A local authority".utf8))).lowerBound
        bytes[at] = UInt8(ascii: "B")
        try bytes.write(to: url)

        let (result, outcome) = load(path, cache)
        #expect(outcome == .miss(.noEntry))
        #expect(try result.get().stakeholder("council")?.description == "B local authority.")
        #expect(cache.entries().count == 2)
        #expect(load(path, cache).1 == .hit)
    }

    @Test func changedTextMissesAndIsRevalidated() throws {
        let path = try Fixture.copy(), cache = tempCache()
        defer { cleanUp(path, cache.directory.path) }
        _ = load(path, cache)
        let alpha = path + "/texts/alpha.txt"
        let original = try String(contentsOfFile: alpha, encoding: .utf8)

        // A change that moves no quote: a miss, a clean full load, and a rewritten entry.
        try (original + "An added closing line.\n").write(toFile: alpha, atomically: true, encoding: .utf8)
        let (grown, grownOutcome) = load(path, cache)
        #expect(grownOutcome == .miss(.textChanged))
        #expect(try grown.get().document("alpha")?.text.hasSuffix("An added closing line.\n") == true)
        #expect(load(path, cache).1 == .hit)

        // A change under a quote: reported exactly as a full load reports it, never accepted from the cache.
        try original.replacingOccurrences(of: "drastic and dangerous", with: "drastic and necessary")
            .write(toFile: alpha, atomically: true, encoding: .utf8)
        let (broken, brokenOutcome) = load(path, cache)
        #expect(brokenOutcome == .miss(.textChanged))
        guard case .failure(let error) = broken else { Issue.record("a text that no longer holds its quote loaded"); return }
        #expect(error.diagnostics == CorpusLoader.validate(.directory(path)))
        #expect(error.diagnostics.contains { $0.message.hasPrefix("quote does not match document 'alpha' at 64..121") })
        // And again: the stale entry still does not let it through.
        #expect(load(path, cache).1 == .miss(.textChanged))

        // A vanished text is a miss too, and the full load reports it.
        try FileManager.default.removeItem(atPath: path + "/texts/beta.txt")
        let (missing, _) = load(path, cache)
        guard case .failure(let missingError) = missing else { Issue.record("a dataset without a text loaded"); return }
        #expect(missingError.diagnostics.contains { $0.message.hasSuffix("texts/beta.txt' is missing") })
    }

    @Test(arguments: ["truncated", "empty", "flipped", "magic", "version", "otherKey"])
    func damagedCacheFallsBackAndIsReplaced(_ damage: String) throws {
        let path = try Fixture.copy(), cache = tempCache()
        defer { cleanUp(path, cache.directory.path) }
        let cold = try CorpusLoader.load(.directory(path))
        _ = load(path, cache)
        let file = try #require(cache.entries().first)
        var bytes = [UInt8](try Data(contentsOf: file))
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 2)
        case "empty": bytes = []
        case "flipped": bytes[bytes.count - 40] ^= 0x20   // inside the payload
        case "magic": bytes[0] = UInt8(ascii: "X")
        case "version": bytes[8] = 99
        default:   // another dataset's entry under this one's name
            let other = try Fixture.copy(editing: "proposals.yaml") { $0.replacingOccurrences(of: "theme: 4", with: "theme: 5") }
            defer { cleanUp(other) }
            let otherCache = tempCache()
            defer { cleanUp(otherCache.directory.path) }
            _ = load(other, otherCache)
            bytes = [UInt8](try Data(contentsOf: try #require(otherCache.entries().first)))
        }
        try Data(bytes).write(to: file)

        let (result, outcome) = load(path, cache)
        #expect(outcome == .miss(.damagedEntry))
        expectSame(try result.get(), cold)
        #expect(cache.entries() == [file])
        #expect(load(path, cache).1 == .hit)
    }

    /// Entries with a valid checksum but contents a load would refuse: a
    /// quote whose start is past its end (the crash once seen), offsets past
    /// the text, words the text does not hold, a dangling reference.
    @Test(arguments: ["startAfterEnd", "pastTheEnd", "otherWords", "unknownStakeholder"])
    func craftedEntryFallsBackToAFullLoad(_ craft: String) throws {
        let path = try Fixture.copy(), cache = tempCache()
        defer { cleanUp(path, cache.directory.path) }
        let cold = try CorpusLoader.load(.directory(path))
        _ = load(path, cache)
        let file = try #require(cache.entries().first)
        let bytes = [UInt8](try Data(contentsOf: file))
        // The key follows the 8-byte magic and the one-byte version.
        var reader = BinaryReader(bytes, offset: 9)
        let key = try reader.hash()
        let p = cold.positions[0], q = p.quotes[0]
        let quote: Quote
        var stakeholder = p.stakeholder
        switch craft {
        case "startAfterEnd": quote = Quote(document: q.document, text: q.text, start: q.end, end: q.start)
        case "pastTheEnd": quote = Quote(document: q.document, text: q.text, start: q.start, end: q.end + 100_000)
        case "otherWords": quote = Quote(document: q.document, text: "Words nobody wrote.", start: q.start, end: q.end)
        default: quote = q; stakeholder = "nobody"
        }
        let forged = Position(id: p.id, stakeholder: stakeholder, proposal: p.proposal, stance: p.stance, summary: p.summary,
                              date: p.date, quotes: [quote], reportedBy: p.reportedBy)
        let corpus = Corpus(documents: cold.documents, stakeholders: cold.stakeholders, proposals: cold.proposals,
                            positions: [forged] + cold.positions.dropFirst(), events: cold.events)
        let entry = CorpusCacheEntry(corpus: corpus, textPaths: ["texts/alpha.txt", "texts/beta.txt"])
        try Data(entry.encoded(key: key)).write(to: file)
        let (result, outcome) = load(path, cache)
        #expect(outcome == .miss(.damagedEntry))
        expectSame(try result.get(), cold)
        #expect(load(path, cache).1 == .hit)
    }

    /// Unchanged stat data (size, mtime, ctime, inode) means the YAML files
    /// are not even read; a rewrite with the same bytes is read and hashed
    /// again (and still hits); changed bytes miss.
    @Test func statDataSkipsReadingUnchangedYAML() throws {
        let path = try Fixture.copy(), cache = tempCache()
        defer { cleanUp(path, cache.directory.path) }
        Thread.sleep(forTimeInterval: Double(StampIndex.racyNanoseconds) / 1e9 + 0.2)   // older than the racy window
        let base = CorpusSource.directory(path)
        let reads = ReadCounter()
        let counted = CorpusSource(displayRoot: base.displayRoot, reader: { name in
            if name.hasSuffix(".yaml") { reads.bump() }
            return base.read(name)
        }, identity: base.identity, stamp: base.stamp)
        #expect(CachedLoad.run(counted, cache: cache).outcome == .miss(.noEntry))
        #expect(reads.count > 0)
        reads.reset()
        let warm = CachedLoad.run(counted, cache: cache)
        #expect(warm.outcome == .hit)
        #expect(reads.count == 0, "unchanged stat data: no YAML file read")
        expectSame(try warm.result.get(), try CorpusLoader.load(.directory(path)))

        let positions = path + "/positions.yaml"
        let text = try String(contentsOfFile: positions, encoding: .utf8)
        try FileManager.default.removeItem(atPath: positions)
        try text.write(toFile: positions, atomically: false, encoding: .utf8)   // same bytes, new inode and times
        reads.reset()
        #expect(CachedLoad.run(counted, cache: cache).outcome == .hit)
        #expect(reads.count > 0, "changed stat data: the files are read and hashed")

        try text.replacingOccurrences(of: "drastic", with: "Drastic").write(toFile: positions, atomically: false, encoding: .utf8)
        let changed = CachedLoad.run(counted, cache: cache)
        #expect(changed.outcome != .hit)
    }

    @Test func datasetWithProblemsWritesNoCache() throws {
        let path = try Fixture.copy(editing: "positions.yaml") { $0.replacingOccurrences(of: "stance: opposes", with: "stance: hates") }
        let cache = tempCache()
        defer { cleanUp(path, cache.directory.path) }
        for _ in 0..<2 {
            let (result, outcome) = load(path, cache)
            #expect(outcome == .miss(.noEntry))
            guard case .failure(let error) = result else { Issue.record("a broken dataset loaded"); return }
            #expect(error.diagnostics == CorpusLoader.validate(.directory(path)))
            #expect(error.diagnostics.map(\.message) == [
                "'hates' is not a valid stance (expected one of: supports, qualified, mixed, concerned, opposes)",
            ])
        }
        #expect(cache.entries().isEmpty)
    }

    @Test func missingYAMLIsReportedAsWithoutCache() throws {
        let path = try Fixture.copy(), cache = tempCache()
        defer { cleanUp(path, cache.directory.path) }
        try FileManager.default.removeItem(atPath: path + "/proposals.yaml")
        let (result, outcome) = load(path, cache)
        #expect(outcome == .miss(.yamlUnreadable))
        guard case .failure(let error) = result else { Issue.record("loaded without proposals.yaml"); return }
        #expect(error.diagnostics == CorpusLoader.validate(.directory(path)))
        #expect(cache.entries().isEmpty)
    }

    @Test func pruningKeepsTheFourMostRecentlyUsed() throws {
        let cache = tempCache()
        var paths: [String] = []
        defer { cleanUp(cache.directory.path); for p in paths { cleanUp(p) } }
        // File times can be as coarse as a clock tick: space the loads out so "least recently used" is well defined.
        func load(_ path: String, _ cache: CorpusCache) -> (Result<Corpus, CorpusLoadError>, CacheOutcome) {
            Thread.sleep(forTimeInterval: 0.03)
            return self.load(path, cache)
        }
        func variant(_ k: Int) throws -> String {
            try Fixture.copy(editing: "proposals.yaml") { $0.replacingOccurrences(of: "Financial support", with: "Financial support \(k)") }
        }
        for k in 0..<5 {
            paths.append(try variant(k))
            #expect(load(paths[k], cache).1 == .miss(.noEntry))
        }
        #expect(cache.entries().count == 4)
        #expect(load(paths[0], cache).1 == .miss(.noEntry))   // the oldest went
        #expect(load(paths[1], cache).1 == .miss(.noEntry))   // which pushed out 1, now back, pushing out 2
        #expect(load(paths[3], cache).1 == .hit)              // used: now the most recent
        paths.append(try variant(5))
        _ = load(paths[5], cache)                              // pushes out the least recently used: 4
        #expect(cache.entries().count == 4)
        #expect(load(paths[3], cache).1 == .hit)
        #expect(load(paths[4], cache).1 == .miss(.noEntry))
    }

    @Test func unwritableCacheDirectoryStillLoads() throws {
        let path = try Fixture.copy()
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("carereview-blocker-\(UUID().uuidString)")
        defer { cleanUp(path, blocker.path) }
        try Data("a file, not a directory".utf8).write(to: blocker)
        let cache = CorpusCache(directory: blocker.appendingPathComponent("carereview"))
        for _ in 0..<2 {
            let (result, outcome) = load(path, cache)
            #expect(outcome == .miss(.noEntry))
            expectSame(try result.get(), try CorpusLoader.load(.directory(path)))
        }
    }

    @Test func standardLocation() {
        #expect(CorpusCache.standard(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/h"])?.directory.path == "/x/cache/carereview")
        #expect(CorpusCache.standard(environment: ["HOME": "/h"])?.directory.path == "/h/.cache/carereview")
        #expect(CorpusCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])?.directory.path == "/h/.cache/carereview")
    }

    @Test func hashTellsNearbyInputsApart() {
        var seen: Set<ContentHash> = []
        var bytes: [UInt8] = []
        for n in 0..<200 {
            #expect(seen.insert(.of(bytes)).inserted, "length \(n)")
            for bit in [0, 7] where !bytes.isEmpty {
                var flipped = bytes
                flipped[n / 2] ^= UInt8(1 << bit)
                let a = ContentHash.of(bytes), b = ContentHash.of(flipped)
                #expect(a.high != b.high && a.low != b.low)
            }
            bytes.append(UInt8(truncatingIfNeeded: n &* 31))
        }
        #expect(ContentHash.of("héllo") == ContentHash.of(Array("héllo".utf8)))
        #expect(ContentHash.of([]).description.count == 32)
    }

    @Test func binaryPrimitivesRoundTrip() throws {
        let ints = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int.max, Int.min]
        let strings = ["", "a", "Carolyne Willow", "“curly” — é 😀", String(repeating: "x", count: 200)]
        var w = BinaryWriter()
        for i in ints { w.int(i) }
        for s in strings { w.string(s) }
        w.varint(UInt64.max)
        w.optional(nil as String?) { $0.string($1) }
        w.optional("x") { $0.string($1) }
        var r = BinaryReader(w.bytes)
        for i in ints { #expect(try r.int() == i) }
        for s in strings { #expect(try r.string() == s) }
        #expect(try r.varint() == UInt64.max)
        #expect(try r.optional { r throws(BinaryDecodingError) in try r.string() } == nil)
        #expect(try r.optional { r throws(BinaryDecodingError) in try r.string() } == "x")
        #expect(r.isAtEnd)
        #expect(throws: BinaryDecodingError.self) { _ = try r.byte() }
    }
}

final class ReadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func bump() { lock.lock(); n += 1; lock.unlock() }
    func reset() { lock.lock(); n = 0; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return n }
}
