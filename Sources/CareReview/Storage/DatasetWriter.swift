import Foundation

/// The dataset's one canonical YAML style (see README "The dataset"):
/// one list per file, two-space indents, ids, references, vocabulary words,
/// numbers and paths plain, every other string double-quoted and escaped so
/// any text reads back exactly. Entries keep the order they are given in, so
/// a file already in this style changes only where its data changes: adding
/// one position adds only that position's lines.
public enum DatasetWriter {
    /// What a dataset directory holds.
    public struct Contents: Sendable {
        public var documents: [Document]
        public var stakeholders: [Stakeholder]
        public var proposals: [Proposal]
        public var positions: [Position]
        public var events: [GovernmentEvent]
        /// Each document's text path relative to the dataset (default `texts/<id>.txt`).
        public var textPaths: [String: String]

        public init(documents: [Document], stakeholders: [Stakeholder], proposals: [Proposal], positions: [Position],
                    events: [GovernmentEvent] = [], textPaths: [String: String] = [:]) {
            self.documents = documents; self.stakeholders = stakeholders; self.proposals = proposals
            self.positions = positions; self.events = events; self.textPaths = textPaths
        }

        public init(_ corpus: Corpus) {
            self.init(documents: corpus.documents, stakeholders: corpus.stakeholders, proposals: corpus.proposals,
                      positions: corpus.positions, events: corpus.events)
        }

        public func textPath(_ document: Document) -> String { textPaths[document.id] ?? "texts/\(document.id).txt" }
    }

    /// Every file of the dataset, by path relative to its directory. events.yaml
    /// only when there are events.
    public static func files(_ c: Contents) -> [String: String] {
        var files = [CorpusLoader.documentsFile: documents(c.documents, c),
                     CorpusLoader.stakeholdersFile: stakeholders(c.stakeholders),
                     CorpusLoader.proposalsFile: proposals(c.proposals),
                     CorpusLoader.positionsFile: positions(c.positions)]
        if !c.events.isEmpty { files[CorpusLoader.eventsFile] = events(c.events) }
        for d in c.documents { files[c.textPath(d)] = d.text }
        return files
    }

    /// Writes every file into `directory` (created if need be), each atomically.
    public static func write(_ c: Contents, to directory: String) throws {
        let root = URL(fileURLWithPath: directory)
        // Referred-to files first (see DatasetEditor.writeRank).
        for (path, text) in files(c).sorted(by: { DatasetEditor.writeRank($0.key) < DatasetEditor.writeRank($1.key) }) {
            try AtomicFile.write(Data(text.utf8), to: root.appendingPathComponent(path))
        }
    }

    public static func documents(_ docs: [Document], _ c: Contents? = nil) -> String {
        var y = docs.isEmpty ? "[]\n" : ""
        for d in docs {
            y += "- id: \(plain(d.id))\n"
            y += "  title: \(q(d.title))\n"
            y += "  author: \(q(d.author))\n"
            y += "  publisher: \(q(d.publisher))\n"
            y += "  date: \(q(d.date.description))\n"
            if let note = d.dateNote { y += "  date_note: \(q(note))\n" }
            y += "  stage: \(d.stage.rawValue)\n"
            y += "  url: \(q(d.url))\n"
            y += "  text: \(plain(c?.textPath(d) ?? "texts/\(d.id).txt"))\n"
        }
        return y
    }

    public static func stakeholders(_ list: [Stakeholder]) -> String {
        var y = list.isEmpty ? "[]\n" : ""
        for s in list {
            y += "- id: \(plain(s.id))\n"
            y += "  name: \(q(s.name))\n"
            y += "  aliases: \(flow(s.aliases))\n"
            y += "  kind: \(s.kind.rawValue)\n"
            y += "  description: \(q(s.description))\n"
        }
        return y
    }

    public static func proposals(_ list: [Proposal]) -> String {
        var y = list.isEmpty ? "[]\n" : ""
        for p in list {
            y += "- id: \(plain(p.id))\n"
            y += "  title: \(q(p.title))\n"
            y += "  aliases: \(flow(p.aliases))\n"
            y += "  summary: \(q(p.summary))\n"
            y += "  stage: \(p.stage.rawValue)\n"
            y += "  theme: \(p.theme.rawValue)\n"
            y += "  review_words:" + quotes(p.reviewWords)
        }
        return y
    }

    public static func positions(_ list: [Position]) -> String {
        var y = list.isEmpty ? "[]\n" : ""
        for p in list { y += position(p) }
        return y
    }

    /// One position's lines, as they appear in positions.yaml.
    public static func position(_ p: Position) -> String {
        var y = "- id: \(plain(p.id))\n"
        y += "  stakeholder: \(plain(p.stakeholder))\n"
        y += "  proposal: \(plain(p.proposal))\n"
        y += "  stance: \(p.stance.rawValue)\n"
        y += "  summary: \(q(p.summary))\n"
        y += "  date: \(q(p.date.description))\n"
        if let note = p.dateNote { y += "  date_note: \(q(note))\n" }
        if let by = p.reportedBy { y += "  reported_by: \(q(by))\n" }
        y += "  quotes:" + quotes(p.quotes)
        return y
    }

    public static func events(_ list: [GovernmentEvent]) -> String {
        var y = list.isEmpty ? "[]\n" : ""
        for e in list {
            y += "- proposal: \(plain(e.proposal))\n"
            y += "  date: \(q(e.date.description))\n"
            y += "  kind: \(e.kind.rawValue)\n"
            y += "  instrument: \(q(e.instrument))\n"
            y += "  summary: \(q(e.summary))\n"
            y += "  source_title: \(q(e.sourceTitle))\n"
            y += "  source_url: \(q(e.sourceURL))\n"
            y += "  checked: \(q(e.checked.description))\n"
        }
        return y
    }

    private static func quotes(_ list: [Quote]) -> String {
        guard !list.isEmpty else { return " []\n" }
        var y = "\n"
        for qt in list {
            y += "    - document: \(plain(qt.document))\n"
            y += "      start: \(qt.start)\n"
            y += "      end: \(qt.end)\n"
            y += "      text: \(q(qt.text))\n"
        }
        return y
    }

    /// Ids, references and paths plain where that reads back as the same
    /// string in any YAML reader (no number, boolean or null look-alikes),
    /// else double-quoted.
    static func plain(_ s: String) -> String {
        let safe = s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-._/".unicodeScalars.contains($0) }
        let first = s.unicodeScalars.first.map { ("a"..."z").contains($0) || ("A"..."Z").contains($0) } ?? false
        let reserved: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]
        return safe && first && !reserved.contains(s.lowercased()) ? s : q(s)
    }

    private static func flow(_ items: [String]) -> String { "[" + items.map(q).joined(separator: ", ") + "]" }

    private static func q(_ s: String?) -> String { s.map(q) ?? "null" }

    /// A YAML double-quoted scalar; anything YAML cannot hold printed is escaped.
    public static func q(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x09: out += "\\t"
            case 0x0D: out += "\\r"
            case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF:
                out.unicodeScalars.append(u)
            default:
                let hex = String(u.value, radix: 16, uppercase: true)
                out += u.value <= 0xFF ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                                       : "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return out + "\""
    }
}
