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
            return (Result { () throws(CorpusLoadError) in try CorpusLoader.load(source) }, .miss(.yamlUnreadable))
        }
        let key = self.key(files.map { ($0.text.utf8.count, $0.hash) })

        var miss = CacheMiss.noEntry
        if let bytes = cache.read(key) {
            switch restore(bytes, key: key, source: source) {
            case .success(let corpus):
                cache.touch(key)
                return (.success(corpus), .hit)
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
            cache.write(CorpusCacheEntry(corpus: corpus, textPaths: textPaths).encoded(key: key), key: key)
            return (.success(corpus), .miss(miss))
        } catch {
            return (.failure(error), .miss(miss))
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
