import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A directory of validated-load caches: one file per dataset that loaded
/// cleanly, named by a hash of the dataset's four YAML files, holding every
/// entity (see CorpusCacheEntry). Loading a dataset whose bytes are unchanged
/// then skips YAML parsing and validation, which dominate load time.
///
/// A cache never changes what loading returns: texts are re-read and
/// re-hashed on every load, and anything unexpected (a changed or missing
/// text, a damaged file, an older format) means a full load, which validates
/// and rewrites the cache. Failing to read or write the directory only means
/// no cache.
public struct CorpusCache: Sendable {
    public let directory: URL
    /// Cache files kept; the least recently used beyond this are deleted.
    public let limit: Int

    public init(directory: URL, limit: Int = 4) {
        self.directory = directory
        self.limit = max(1, limit)
    }

    /// `$XDG_CACHE_HOME/carereview`, else `~/.cache/carereview`; nil when
    /// neither can be found. (A relative XDG_CACHE_HOME is ignored, as the XDG spec says.)
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> CorpusCache? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return CorpusCache(directory: URL(fileURLWithPath: xdg).appendingPathComponent("carereview"))
        }
        let home = environment["HOME"] ?? FileManager.default.homeDirectoryForCurrentUser.path
        guard home.hasPrefix("/") else { return nil }
        return CorpusCache(directory: URL(fileURLWithPath: home).appendingPathComponent(".cache/carereview"))
    }

    func fileURL(for key: ContentHash) -> URL {
        directory.appendingPathComponent("corpus-\(key).bin")
    }

    /// The cache files present, most recently used first.
    func entries() -> [URL] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return [] }
        let files = names.filter { $0.hasPrefix("corpus-") && $0.hasSuffix(".bin") }.map {
            let url = directory.appendingPathComponent($0)
            let date = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? .distantPast
            return (url: url, date: date)
        }
        return files.sorted { ($0.date, $1.url.lastPathComponent) > ($1.date, $0.url.lastPathComponent) }.map(\.url)
    }

    /// The file's bytes, read straight into an array (these files run to
    /// tens of MB). Anything but a regular file (a FIFO or device put in its
    /// place) is no entry, found without blocking.
    func read(_ key: ContentHash) -> [UInt8]? {
        try? readRegularFileBytes(fileURL(for: key).path, maxBytes: Int(Int32.max)).get()
    }

    /// Marks an entry as just used, so pruning keeps it.
    func touch(_ key: ContentHash) {
        _ = utimes(fileURL(for: key).path, nil)
    }

    /// Writes atomically (AtomicFile: temporary file in the same directory,
    /// fsync, rename), so readers see the old file or the new one, never half
    /// of one; then prunes. Returns whether the file was written.
    @discardableResult
    func write(_ bytes: [UInt8], key: ContentHash) -> Bool {
        guard (try? AtomicFile.write(Data(bytes), to: fileURL(for: key))) != nil else { return false }
        prune()
        return true
    }

    /// Keeps the `limit` most recently used entries, and deletes temporary
    /// files (AtomicFile's `.corpus-….tmp`) that a writer killed mid-write left behind an hour or more ago.
    func prune() {
        let fm = FileManager.default
        for url in entries().dropFirst(limit) { try? fm.removeItem(at: url) }
        guard let names = try? fm.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(".corpus-") && name.hasSuffix(".tmp") {
            let path = directory.appendingPathComponent(name).path
            if let date = try? fm.attributesOfItem(atPath: path)[.modificationDate] as? Date, date.timeIntervalSinceNow < -3600 {
                try? fm.removeItem(atPath: path)
            }
        }
    }
}

/// How a cached load went; for tests and diagnostics.
enum CacheOutcome: Equatable {
    case hit
    case miss(CacheMiss)
}

enum CacheMiss: Error, Equatable {
    case noEntry            // first load of these bytes (or the entry was pruned)
    case damagedEntry       // unreadable, truncated, other version: replaced if the load is clean
    case textChanged        // a text file changed, vanished or became unreadable
    case yamlUnreadable     // a YAML file is missing or unreadable: the full load reports it
}

/// `CorpusLoader.load(_:cache:)`.
enum CachedLoad {
    static func run(_ source: CorpusSource, cache: CorpusCache) -> (result: Result<Corpus, CorpusLoadError>, outcome: CacheOutcome) {
        let names = [CorpusLoader.documentsFile, CorpusLoader.stakeholdersFile, CorpusLoader.proposalsFile,
                     CorpusLoader.positionsFile, CorpusLoader.eventsFile]
        // Stat data first (before any read, so a change while reading shows next time):
        // when every YAML file's size, mtime, ctime and inode are those recorded
        // with an entry, its key is known without reading or hashing them.
        let stamps = source.stamp.map { stamp in names.map { stamp($0) } }
        if let stamps, let identity = source.identity, let known = StampIndex.key(cache, identity, stamps),
           let bytes = cache.read(known), case .success(let corpus) = restore(bytes, key: known, source: source) {
            cache.touch(known)
            return (.success(corpus), .hit)
        }
        var outcome = runHashing(source, cache: cache, names: names)
        if let stamps, let identity = source.identity, let key = outcome.key {
            StampIndex.record(cache, identity, stamps, key: key)
        }
        outcome.key = nil
        return (outcome.result, outcome.outcome)
    }

    /// The load that reads and hashes every YAML file; `key` is set when an entry now exists for it.
    private static func runHashing(_ source: CorpusSource, cache: CorpusCache, names: [String])
        -> (result: Result<Corpus, CorpusLoadError>, outcome: CacheOutcome, key: ContentHash?) {
        // Read and hash the files on all cores (positions.yaml is most of the bytes).
        // events.yaml is optional: a missing one hashes as a marker no file can have.
        let read = parallelMap(names.count) { i -> (text: String, hash: ContentHash)? in
            switch source.read(names[i]) {
            case .text(let text): return (text, ContentHash.of(text))
            case .missing where names[i] == CorpusLoader.eventsFile: return ("", ContentHash.of("\u{0}no events file"))
            default: return nil
            }
        }
        let files = read.compactMap { $0 }
        guard files.count == names.count else {
            return (Result { () throws(CorpusLoadError) in try CorpusLoader.load(source) }, .miss(.yamlUnreadable), nil)
        }
        let key = self.key(files.map { ($0.text.utf8.count, $0.hash) })

        var miss = CacheMiss.noEntry
        if let bytes = cache.read(key) {
            switch restore(bytes, key: key, source: source) {
            case .success(let corpus):
                cache.touch(key)
                return (.success(corpus), .hit, key)
            case .failure(let why):
                miss = why
            }
        }
        // The full load parses the very strings hashed for the key (not a
        // second read of the files, which could have changed in between).
        var pinnedFiles = Dictionary(uniqueKeysWithValues: zip(names, files.map(\.text)))
        if case .missing = source.read(CorpusLoader.eventsFile) { pinnedFiles[CorpusLoader.eventsFile] = nil }
        let pinned = pinnedFiles
        let parsed = CorpusSource(displayRoot: source.displayRoot) { pinned[$0].map(CorpusSource.FileContents.text) ?? source.read($0) }
        do {
            let (corpus, textPaths) = try CorpusLoader.loadValidated(parsed)
            let written = cache.write(CorpusCacheEntry(corpus: corpus, textPaths: textPaths).encoded(key: key), key: key)
            return (.success(corpus), .miss(miss), written ? key : nil)
        } catch {
            return (.failure(error), .miss(miss), nil)
        }
    }

    /// The key: a hash of the format and loader version and of each YAML file's bytes.
    static func key(_ files: [(length: Int, hash: ContentHash)]) -> ContentHash {
        var w = BinaryWriter()
        w.string(CorpusCacheEntry.keyPrefix)
        for file in files {
            w.varint(UInt64(file.length))
            w.hash(file.hash)
        }
        return ContentHash.of(w.bytes)
    }

    /// The corpus a cache file describes, if every text still has the bytes it had.
    private static func restore(_ bytes: [UInt8], key: ContentHash, source: CorpusSource) -> Result<Corpus, CacheMiss> {
        let entry: CorpusCacheEntry
        do { entry = try CorpusCacheEntry(decoding: bytes, key: key) } catch { return .failure(.damagedEntry) }
        let docs = entry.documents
        let texts: [String?] = parallelMap(docs.count) { i in
            guard case .text(let text) = source.read(docs[i].textPath), ContentHash.of(text) == docs[i].textHash else { return nil }
            return text
        }
        var documents: [Document] = []
        documents.reserveCapacity(docs.count)
        for (record, text) in zip(docs, texts) {
            guard let text else { return .failure(.textChanged) }
            documents.append(record.document(text: text))
        }
        // A checksum proves the file is whole, not that it is ours: an entry
        // written by hand (or by a buggy writer) is checked as a load would
        // check it (ids, references, every quote verbatim at its offsets in
        // the re-read texts), so it can neither crash the browser nor show
        // words the texts do not hold. Only the YAML parse is skipped.
        guard consistent(documents, entry) else { return .failure(.damagedEntry) }
        return .success(Corpus(documents: documents, stakeholders: entry.stakeholders,
                               proposals: entry.proposals, positions: entry.positions, events: entry.events))
    }

    static func consistent(_ documents: [Document], _ entry: CorpusCacheEntry) -> Bool {
        let here = SourceLocation(file: "cache", line: 0, column: 0)
        var r = CorpusRecords()
        r.documents = documents.map { Located(value: $0, at: here) }
        r.stakeholders = entry.stakeholders.map { Located(value: $0, at: here) }
        r.proposals = entry.proposals.map { Located(value: $0, at: here) }
        r.positions = entry.positions.map { Located(value: $0, at: here) }
        r.events = entry.events.map { Located(value: $0, at: here) }
        r.quotes = (entry.proposals.flatMap(\.reviewWords) + entry.positions.flatMap(\.quotes)).map { Located(value: $0, at: here) }
        r.declared = [.document: Set(documents.map(\.id)), .stakeholder: Set(entry.stakeholders.map(\.id)),
                      .proposal: Set(entry.proposals.map(\.id)), .position: Set(entry.positions.map(\.id))]
        return CorpusValidator.validate(r).isEmpty
    }
}

/// Per dataset directory, the stat data of its YAML files when an entry was
/// last served or written for them, and that entry's key (git's index, in
/// small). A stamp younger than `racyNanoseconds` when recorded is not kept:
/// a file written within the clock's resolution of the record could change
/// again without its mtime showing it.
enum StampIndex {
    static let racyNanoseconds: Int64 = 2_000_000_000
    static let magic = "carereview stamps v1"

    static func url(_ cache: CorpusCache, _ identity: String) -> URL {
        cache.directory.appendingPathComponent("stamps-\(ContentHash.of(identity)).bin")
    }

    static func key(_ cache: CorpusCache, _ identity: String, _ stamps: [FileStamp?]) -> ContentHash? {
        guard let bytes = try? readRegularFileBytes(url(cache, identity).path, maxBytes: 1 << 16).get() else { return nil }
        var r = BinaryReader(bytes)
        do {
            guard try r.string() == magic, try r.string() == identity else { return nil }
            let key = try r.hash()
            let recorded = try r.array { r throws(BinaryDecodingError) -> FileStamp? in
                try r.optional { r throws(BinaryDecodingError) in
                    FileStamp(size: Int64(try r.int()), mtime: Int64(try r.int()), ctime: Int64(try r.int()),
                              inode: try r.varint(), device: try r.varint())
                }
            }
            return r.isAtEnd && recorded == stamps ? key : nil
        } catch {
            return nil
        }
    }

    static func record(_ cache: CorpusCache, _ identity: String, _ stamps: [FileStamp?], key: ContentHash) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let nowNs = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        guard stamps.allSatisfy({ $0.map { nowNs - max($0.mtime, $0.ctime) >= racyNanoseconds } ?? true }) else {
            try? FileManager.default.removeItem(at: url(cache, identity))
            return
        }
        var w = BinaryWriter()
        w.string(magic); w.string(identity); w.hash(key)
        w.array(stamps) { w, stamp in
            w.optional(stamp) { w, s in
                w.int(Int(s.size)); w.int(Int(s.mtime)); w.int(Int(s.ctime)); w.varint(s.inode); w.varint(s.device)
            }
        }
        try? AtomicFile.write(Data(w.bytes), to: url(cache, identity))
    }
}
