import Foundation

/// The JSON export: a stable contract for other tools (see README).
public enum JSONExport {
    struct Root: Encodable {
        let documents: [DocumentJSON]
        let stakeholders: [StakeholderJSON]
        let proposals: [ProposalJSON]
        let positions: [PositionJSON]
        let events: [EventJSON]
    }
    /// What happened next: a government event on a proposal, not a position.
    struct EventJSON: Encodable {
        let proposal, date, kind, instrument, summary, source_title, source_url, checked: String
    }
    struct DocumentJSON: Encodable {
        let id, title: String
        let author, publisher: String?
        let date, stage: String
        let url: String?
        let text: String
        let date_note: String?
        enum CodingKeys: String, CodingKey { case id, title, author, publisher, date, date_inferred, date_note, stage, url, text }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(title, forKey: .title)
            try c.encode(author, forKey: .author); try c.encode(publisher, forKey: .publisher)   // null, not absent
            try c.encode(date, forKey: .date); try c.encode(stage, forKey: .stage)
            try c.encode(date_note != nil, forKey: .date_inferred); try c.encode(date_note, forKey: .date_note)
            try c.encode(url, forKey: .url); try c.encode(text, forKey: .text)
        }
    }
    struct StakeholderJSON: Encodable { let id, name, kind, description: String; let aliases: [String] }
    struct QuoteJSON: Encodable { let document, text: String; let start, end: Int }
    struct ProposalJSON: Encodable {
        let id, title, summary, stage: String
        let theme: Int
        let aliases: [String]
        let review_words: [QuoteJSON]
    }
    struct PositionJSON: Encodable {
        let id, stakeholder, proposal, stance, summary, date: String
        let reported_by: String?
        let date_note: String?
        let quotes: [QuoteJSON]
        enum CodingKeys: String, CodingKey { case id, stakeholder, proposal, stance, summary, date, date_inferred, date_note, reported_by, quotes }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id); try c.encode(stakeholder, forKey: .stakeholder)
            try c.encode(proposal, forKey: .proposal); try c.encode(stance, forKey: .stance)
            try c.encode(summary, forKey: .summary); try c.encode(date, forKey: .date)
            try c.encode(date_note != nil, forKey: .date_inferred); try c.encode(date_note, forKey: .date_note)
            try c.encode(reported_by, forKey: .reported_by); try c.encode(quotes, forKey: .quotes)
        }
    }

    static func quote(_ q: Quote) -> QuoteJSON { QuoteJSON(document: q.document, text: q.text, start: q.start, end: q.end) }

    public static func render(_ s: ExportSelection) -> String {
        let root = Root(
            documents: s.documents.map {
                DocumentJSON(id: $0.id, title: $0.title, author: $0.author, publisher: $0.publisher,
                             date: $0.date.description, stage: $0.stage.rawValue, url: $0.url, text: $0.text,
                             date_note: $0.dateNote)
            },
            stakeholders: s.stakeholders.map {
                StakeholderJSON(id: $0.id, name: $0.name, kind: $0.kind.rawValue, description: $0.description, aliases: $0.aliases)
            },
            proposals: s.proposals.map {
                ProposalJSON(id: $0.id, title: $0.title, summary: $0.summary, stage: $0.stage.rawValue,
                             theme: $0.theme.rawValue, aliases: $0.aliases, review_words: $0.reviewWords.map(quote))
            },
            positions: s.positions.map {
                PositionJSON(id: $0.id, stakeholder: $0.stakeholder, proposal: $0.proposal, stance: $0.stance.rawValue,
                             summary: $0.summary, date: $0.date.description, reported_by: $0.reportedBy,
                             date_note: $0.dateNote, quotes: $0.quotes.map(quote))
            },
            events: s.events.map {
                EventJSON(proposal: $0.proposal, date: $0.date.description, kind: $0.kind.rawValue, instrument: $0.instrument,
                          summary: $0.summary, source_title: $0.sourceTitle, source_url: $0.sourceURL,
                          checked: $0.checked.description)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        let data = try! encoder.encode(root)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
