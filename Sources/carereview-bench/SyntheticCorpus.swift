import CareReview
import Foundation

/// Writes a deterministic synthetic dataset: `copies` copies of a corpus
/// with suffixed ids, same shape (documents, stakeholders, proposals,
/// positions, quotes) and the same text, in the YAML format we load.
enum SyntheticCorpus {
    static func write(_ corpus: Corpus, copies: Int, to dir: URL) throws {
        let fm = FileManager.default
        try? fm.removeItem(at: dir)
        try fm.createDirectory(at: dir.appendingPathComponent("texts"), withIntermediateDirectories: true)
        var documents = "", stakeholders = "", proposals = "", positions = ""
        for k in 0..<copies {
            let s = copies == 1 ? "" : "-\(k)"
            for d in corpus.documents {
                // A line appended at the end makes each copy's text distinct without moving any quote.
                let text = d.text + "\nSynthetic copy \(k) of \(d.id).\n"
                try Data(text.utf8).write(to: dir.appendingPathComponent("texts/\(d.id)\(s).txt"))
                documents += """
                - id: \(d.id)\(s)
                  title: \(q(d.title))
                  author: \(d.author.map(q) ?? "null")
                  publisher: \(d.publisher.map(q) ?? "null")
                  date: "\(d.date)"
                  stage: \(d.stage.rawValue)
                  url: \(d.url.map(q) ?? "null")
                  text: texts/\(d.id)\(s).txt

                """
            }
            for x in corpus.stakeholders {
                stakeholders += """
                - id: \(x.id)\(s)
                  name: \(q(x.name + (copies == 1 ? "" : " \(k)")))
                  aliases: [\(x.aliases.map(q).joined(separator: ", "))]
                  kind: \(x.kind.rawValue)
                  description: \(q(x.description))

                """
            }
            for p in corpus.proposals {
                proposals += """
                - id: \(p.id)\(s)
                  title: \(q(p.title))
                  aliases: [\(p.aliases.map(q).joined(separator: ", "))]
                  summary: \(q(p.summary))
                  stage: \(p.stage.rawValue)
                  theme: \(p.theme.rawValue)
                \(quotes("review_words", p.reviewWords, s))
                """
            }
            for p in corpus.positions {
                positions += """
                - id: \(p.id)\(s)
                  stakeholder: \(p.stakeholder)\(s)
                  proposal: \(p.proposal)\(s)
                  stance: \(p.stance.rawValue)
                  summary: \(q(p.summary))
                  date: "\(p.date)"
                \(p.reportedBy.map { "  reported_by: \(q($0))\n" } ?? "")\(quotes("quotes", p.quotes, s))
                """
            }
        }
        for (name, text) in [("documents.yaml", documents), ("stakeholders.yaml", stakeholders),
                             ("proposals.yaml", proposals), ("positions.yaml", positions)] {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
    }

    private static func quotes(_ key: String, _ quotes: [Quote], _ s: String) -> String {
        guard !quotes.isEmpty else { return "" }
        return "  \(key):\n" + quotes.map {
            "    - document: \($0.document)\(s)\n      start: \($0.start)\n      end: \($0.end)\n      text: \(q($0.text))\n"
        }.joined()
    }

    /// A YAML double-quoted scalar (JSON string syntax is valid YAML).
    private static func q(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: try! encoder.encode(text), as: UTF8.self)
    }
}
