/// The contents of one cache file: everything a clean load produced, except
/// the documents' texts, which are re-read (and re-hashed) on every load.
///
/// File layout (all ours; any change bumps `version`, and with it the key):
///
///     magic "CRVCACHE" · version (varint) · key (16 bytes)
///     · payload length (varint) · payload hash (16 bytes) · payload
///
/// The payload hash catches truncated or damaged files, so a damaged cache
/// is always noticed and never decodes into a subtly different corpus.
struct CorpusCacheEntry {
    /// A document without its text, plus where the text was read from and
    /// the hash of the bytes it had then.
    struct DocumentRecord {
        let id: String, title: String, author: String?, publisher: String?
        let date: PartialDate, dateNote: String?, stage: Stage, url: String?
        let textPath: String
        let textHash: ContentHash

        func document(text: String) -> Document {
            Document(id: id, title: title, author: author, publisher: publisher, date: date,
                     dateNote: dateNote, stage: stage, url: url, text: text)
        }
    }

    var documents: [DocumentRecord]
    var stakeholders: [Stakeholder]
    var proposals: [Proposal]
    var positions: [Position]
    var events: [GovernmentEvent]

    static let magic: [UInt8] = Array("CRVCACHE".utf8)
    static let version: UInt64 = 2
    /// Goes into the key: a new loader or format never meets an old entry.
    /// Bump when the format or what a clean load returns changes (including a Yams upgrade).
    static let keyPrefix = "carereview corpus cache v\(version); loader v2 (libyaml events); Yams 6.2.2"

    init(corpus: Corpus, textPaths: [String]) {
        precondition(textPaths.count == corpus.documents.count)
        documents = zip(corpus.documents, textPaths).map { d, path in
            DocumentRecord(id: d.id, title: d.title, author: d.author, publisher: d.publisher, date: d.date,
                           dateNote: d.dateNote, stage: d.stage, url: d.url, textPath: path, textHash: .of(d.text))
        }
        stakeholders = corpus.stakeholders
        proposals = corpus.proposals
        positions = corpus.positions
        events = corpus.events
    }

    // MARK: - Encoding

    func encoded(key: ContentHash) -> [UInt8] {
        var w = BinaryWriter(capacity: 1 << 16)
        w.array(documents) { w, d in
            w.string(d.id); w.string(d.title)
            w.optional(d.author) { $0.string($1) }
            w.optional(d.publisher) { $0.string($1) }
            w.date(d.date)
            w.optional(d.dateNote) { $0.string($1) }
            w.string(d.stage.rawValue)
            w.optional(d.url) { $0.string($1) }
            w.string(d.textPath)
            w.hash(d.textHash)
        }
        w.array(stakeholders) { w, s in
            w.string(s.id); w.string(s.name)
            w.array(s.aliases) { $0.string($1) }
            w.string(s.kind.rawValue); w.string(s.description)
        }
        w.array(proposals) { w, p in
            w.string(p.id); w.string(p.title)
            w.array(p.aliases) { $0.string($1) }
            w.string(p.summary); w.string(p.stage.rawValue); w.int(p.theme.rawValue)
            w.array(p.reviewWords) { $0.quote($1) }
        }
        w.array(positions) { w, p in
            w.string(p.id); w.string(p.stakeholder); w.string(p.proposal)
            w.string(p.stance.rawValue); w.string(p.summary); w.date(p.date)
            w.array(p.quotes) { $0.quote($1) }
            w.optional(p.reportedBy) { $0.string($1) }
            w.optional(p.dateNote) { $0.string($1) }
        }
        w.array(events) { w, e in
            w.string(e.proposal); w.date(e.date); w.string(e.kind.rawValue)
            w.string(e.instrument); w.string(e.summary); w.string(e.sourceTitle); w.string(e.sourceURL)
            w.date(e.checked)
        }
        let payload = w.bytes
        var file = BinaryWriter(capacity: payload.count + 64)
        file.raw(Self.magic)
        file.varint(Self.version)
        file.hash(key)
        file.varint(UInt64(payload.count))
        file.hash(.of(payload))
        file.raw(payload)
        return file.bytes
    }

    // MARK: - Decoding

    /// Reads a cache file, checking magic, version, key and payload hash first.
    init(decoding bytes: [UInt8], key: ContentHash) throws(BinaryDecodingError) {
        var r = BinaryReader(bytes)
        guard Array(try r.raw(Self.magic.count)) == Self.magic else { throw BinaryDecodingError("not a corpus cache file") }
        let version = try r.varint()
        guard version == Self.version else { throw BinaryDecodingError("cache format version \(version), expected \(Self.version)") }
        guard try r.hash() == key else { throw BinaryDecodingError("cache file is for another dataset") }
        let length = try r.count()
        let payloadHash = try r.hash()
        guard length == bytes.count - r.offset else { throw BinaryDecodingError("payload is \(bytes.count - r.offset) bytes, expected \(length)") }
        let payloadStart = r.offset
        let actual = bytes.withUnsafeBytes { ContentHash.of(UnsafeRawBufferPointer(rebasing: $0[payloadStart...])) }
        guard actual == payloadHash else { throw BinaryDecodingError("payload hash mismatch") }

        documents = try r.array { r throws(BinaryDecodingError) in
            let id = try r.string(), title = try r.string()
            let author = try r.optional { r throws(BinaryDecodingError) in try r.string() }
            let publisher = try r.optional { r throws(BinaryDecodingError) in try r.string() }
            let date = try r.date()
            let dateNote = try r.optional { r throws(BinaryDecodingError) in try r.string() }
            let stage = try r.word(Stage.self)
            let url = try r.optional { r throws(BinaryDecodingError) in try r.string() }
            return DocumentRecord(id: id, title: title, author: author, publisher: publisher, date: date, dateNote: dateNote,
                                  stage: stage, url: url, textPath: try r.string(), textHash: try r.hash())
        }
        stakeholders = try r.array { r throws(BinaryDecodingError) in
            let id = try r.string(), name = try r.string()
            let aliases = try r.array { r throws(BinaryDecodingError) in try r.string() }
            return Stakeholder(id: id, name: name, aliases: aliases, kind: try r.word(StakeholderKind.self), description: try r.string())
        }
        proposals = try r.array { r throws(BinaryDecodingError) in
            let id = try r.string(), title = try r.string()
            let aliases = try r.array { r throws(BinaryDecodingError) in try r.string() }
            let summary = try r.string(), stage = try r.word(Stage.self)
            let n = try r.int()
            guard let theme = Theme(rawValue: n) else { throw BinaryDecodingError("unknown theme \(n)") }
            let reviewWords = try r.array { r throws(BinaryDecodingError) in try r.quote() }
            return Proposal(id: id, title: title, aliases: aliases, summary: summary, stage: stage, theme: theme, reviewWords: reviewWords)
        }
        positions = try r.array { r throws(BinaryDecodingError) in
            let id = try r.string(), stakeholder = try r.string(), proposal = try r.string()
            let stance = try r.word(Stance.self), summary = try r.string(), date = try r.date()
            let quotes = try r.array { r throws(BinaryDecodingError) in try r.quote() }
            let reportedBy = try r.optional { r throws(BinaryDecodingError) in try r.string() }
            let dateNote = try r.optional { r throws(BinaryDecodingError) in try r.string() }
            return Position(id: id, stakeholder: stakeholder, proposal: proposal, stance: stance, summary: summary,
                            date: date, quotes: quotes, reportedBy: reportedBy, dateNote: dateNote)
        }
        events = try r.array { r throws(BinaryDecodingError) in
            let proposal = try r.string(), date = try r.date(), kind = try r.word(GovernmentEventKind.self)
            let instrument = try r.string(), summary = try r.string(), title = try r.string(), url = try r.string()
            return GovernmentEvent(proposal: proposal, date: date, kind: kind, instrument: instrument, summary: summary,
                                   sourceTitle: title, sourceURL: url, checked: try r.date())
        }
        guard r.isAtEnd else { throw BinaryDecodingError("\(bytes.count - r.offset) unexpected bytes after the payload") }
    }
}

private extension BinaryWriter {
    mutating func date(_ d: PartialDate) {
        int(d.year)
        optional(d.month) { $0.int($1) }
        optional(d.day) { $0.int($1) }
    }

    mutating func quote(_ q: Quote) {
        string(q.document); string(q.text); int(q.start); int(q.end)
    }
}

private extension BinaryReader {
    mutating func date() throws(BinaryDecodingError) -> PartialDate {
        let year = try int()
        let month = try optional { r throws(BinaryDecodingError) in try r.int() }
        let day = try optional { r throws(BinaryDecodingError) in try r.int() }
        return PartialDate(year: year, month: month, day: day)
    }

    mutating func quote() throws(BinaryDecodingError) -> Quote {
        let document = try string(), text = try string()
        let start = try int()
        return Quote(document: document, text: text, start: start, end: try int())
    }
}
