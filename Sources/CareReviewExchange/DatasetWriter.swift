import CareReview
import Foundation

/// Writes a dataset in our YAML format (see README "The dataset"):
/// documents.yaml, stakeholders.yaml, proposals.yaml, positions.yaml and
/// texts/<document id>.txt. Every string is double-quoted and escaped, so
/// any text reads back exactly.
public enum DatasetWriter {
    public static func write(_ d: ImportedDataset, to directory: String) throws {
        let root = URL(fileURLWithPath: directory)
        let texts = root.appendingPathComponent("texts")
        try FileManager.default.createDirectory(at: texts, withIntermediateDirectories: true)
        for doc in d.documents {
            try Data(doc.text.utf8).write(to: texts.appendingPathComponent("\(doc.id).txt"), options: .atomic)
        }
        let files = [(CorpusLoader.documentsFile, documents(d.documents)),
                     (CorpusLoader.stakeholdersFile, stakeholders(d.stakeholders)),
                     (CorpusLoader.proposalsFile, proposals(d.proposals)),
                     (CorpusLoader.positionsFile, positions(d.positions))]
        for (name, text) in files {
            try Data(text.utf8).write(to: root.appendingPathComponent(name), options: .atomic)
        }
    }

    /// Writes into a staging folder beside `directory`, validates it as
    /// `carereview validate` does, and only when it has no problem moves the
    /// files into `directory`. The problems name files as they would be in `directory`.
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
            let to = target.appendingPathComponent(name)
            if name == "texts", fm.fileExists(atPath: to.path) {
                for t in try fm.contentsOfDirectory(atPath: staging.appendingPathComponent(name).path) {
                    let dest = to.appendingPathComponent(t)
                    try? fm.removeItem(at: dest)
                    try fm.moveItem(at: staging.appendingPathComponent(name).appendingPathComponent(t), to: dest)
                }
                continue
            }
            try? fm.removeItem(at: to)
            try fm.moveItem(at: staging.appendingPathComponent(name), to: to)
        }
        return []
    }

    static func documents(_ docs: [Document]) -> String {
        var y = ""
        for d in docs {
            y += "- id: \(q(d.id))\n"
            y += "  title: \(q(d.title))\n"
            y += "  author: \(q(d.author))\n"
            y += "  publisher: \(q(d.publisher))\n"
            y += "  date: \(q(d.date.description))\n"
            if let note = d.dateNote { y += "  date_note: \(q(note))\n" }
            y += "  stage: \(d.stage.rawValue)\n"
            y += "  url: \(q(d.url))\n"
            y += "  text: \(q("texts/\(d.id).txt"))\n"
        }
        return y
    }

    static func stakeholders(_ list: [Stakeholder]) -> String {
        var y = ""
        for s in list {
            y += "- id: \(q(s.id))\n"
            y += "  name: \(q(s.name))\n"
            y += "  aliases: \(flow(s.aliases))\n"
            y += "  kind: \(s.kind.rawValue)\n"
            y += "  description: \(q(s.description))\n"
        }
        return y
    }

    static func proposals(_ list: [Proposal]) -> String {
        var y = ""
        for p in list {
            y += "- id: \(q(p.id))\n"
            y += "  title: \(q(p.title))\n"
            y += "  aliases: \(flow(p.aliases))\n"
            y += "  summary: \(q(p.summary))\n"
            y += "  stage: \(p.stage.rawValue)\n"
            y += "  theme: \(p.theme.rawValue)\n"
            y += "  review_words:" + quotes(p.reviewWords)
        }
        return y
    }

    static func positions(_ list: [Position]) -> String {
        var y = ""
        for p in list {
            y += "- id: \(q(p.id))\n"
            y += "  stakeholder: \(q(p.stakeholder))\n"
            y += "  proposal: \(q(p.proposal))\n"
            y += "  stance: \(p.stance.rawValue)\n"
            y += "  summary: \(q(p.summary))\n"
            y += "  date: \(q(p.date.description))\n"
            if let note = p.dateNote { y += "  date_note: \(q(note))\n" }
            if let by = p.reportedBy { y += "  reported_by: \(q(by))\n" }
            y += "  quotes:" + quotes(p.quotes)
        }
        return y
    }

    private static func quotes(_ list: [Quote]) -> String {
        guard !list.isEmpty else { return " []\n" }
        var y = "\n"
        for qt in list {
            y += "    - document: \(q(qt.document))\n"
            y += "      start: \(qt.start)\n"
            y += "      end: \(qt.end)\n"
            y += "      text: \(q(qt.text))\n"
        }
        return y
    }

    private static func flow(_ items: [String]) -> String { "[" + items.map(q).joined(separator: ", ") + "]" }

    private static func q(_ s: String?) -> String { s.map(q) ?? "null" }

    /// A YAML double-quoted scalar; anything YAML cannot hold printed is escaped.
    static func q(_ s: String) -> String {
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
