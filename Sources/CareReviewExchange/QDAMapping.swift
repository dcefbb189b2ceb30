import CareReview
import Foundation

/// How our dataset maps onto REFI-QDA, shared by export and import:
/// the XML namespaces, the names of the variables we declare, the GUID
/// names of each element, and the small JSON metadata we put in Notes.
enum QDAMapping {
    static let projectNamespace = "urn:QDA-XML:project:1.0"
    static let codebookNamespace = "urn:QDA-XML:codebook:1.0"
    static let origin = "carereview"

    /// Variables declared in the project. Case variables describe stakeholders,
    /// source variables describe documents. All are Text: our dates may be
    /// partial (`2022-05`), which xsd:date cannot hold.
    enum Variable: String, CaseIterable {
        case kind
        case stakeholderId = "stakeholder id"
        case aliases
        case documentId = "document id"
        case author, publisher, date
        case dateNote = "date note"
        case stage, url

        var guid: String { StableGUID.make("variable:\(rawValue)") }

        var description: String {
            switch self {
            case .kind: "Kind of stakeholder: " + StakeholderKind.allCases.map(\.rawValue).joined(separator: ", ")
            case .stakeholderId: "The stakeholder's id in carereview"
            case .aliases: "Other names of the stakeholder, as a JSON array of strings"
            case .documentId: "The document's id in carereview"
            case .author: "Author of the article (absent where unsigned)"
            case .publisher: "Publisher of the article"
            case .date: "Date of the article, ISO 8601 to the precision the source gives"
            case .dateNote: "How the date was established, when not printed on the article"
            case .stage: "Stage of the Review: " + Stage.allCases.map(\.rawValue).joined(separator: ", ")
            case .url: "Web address, where the text itself states it"
            }
        }
    }

    // GUID names: one per element, derived from our ids.
    static func themeGUID(_ t: Theme) -> String { StableGUID.make("theme:\(t.rawValue)") }
    static func proposalGUID(_ id: String) -> String { StableGUID.make("proposal:\(id)") }
    static func stanceGUID(_ proposal: String, _ s: Stance) -> String { StableGUID.make("stance:\(proposal):\(s.rawValue)") }
    static func caseGUID(_ id: String) -> String { StableGUID.make("stakeholder:\(id)") }
    static func sourceGUID(_ id: String) -> String { StableGUID.make("document:\(id)") }
    static func proposalNoteGUID(_ id: String) -> String { StableGUID.make("note:proposal:\(id)") }
    static func positionNoteGUID(_ id: String) -> String { StableGUID.make("note:position:\(id)") }
    static func projectGUID() -> String { StableGUID.make("project") }
    static func stakeholderCategoryGUID() -> String { StableGUID.make("stakeholders") }
    /// Not the Case's GUID: QualCoder turns a Code that shares a Case's GUID into case links and drops the Code.
    static func stakeholderCodeGUID(_ id: String) -> String { StableGUID.make("stakeholder-code:\(id)") }
    static func stanceSetGUID(_ s: Stance) -> String { StableGUID.make("set:stance:\(s.rawValue)") }
    static func userGUID() -> String { StableGUID.make("user:carereview") }
    static let userName = "carereview"

    /// The code tree's top-level category holding one Code per stakeholder.
    static let stakeholderCategoryName = "Stakeholders"

    /// "supports: iro-abolition": unique in the project, stance first so a
    /// code tree reads as a list of stances under each proposal.
    static func stanceCodeName(_ proposal: String, _ s: Stance) -> String { "\(s.rawValue): \(proposal)" }

    /// One colour per stance in every export, from the Okabe–Ito palette
    /// (distinguishable with the common colour-vision deficiencies): blues
    /// for support, grey for mixed, orange and vermilion for opposition.
    static func colour(_ s: Stance) -> String {
        switch s {
        case .supports: "#0072B2"
        case .qualified: "#56B4E9"
        case .mixed: "#999999"
        case .concerned: "#E69F00"
        case .opposes: "#D55E00"
        }
    }
    static let themeColour = "#000000"
    static let proposalColour = "#CC79A7"
    static let stakeholderColour = "#009E73"

    /// Metadata in a description that tools show and keep: the text, a blank
    /// line, then `carereview: {JSON}` (QualCoder keeps descriptions as memos,
    /// but drops our Notes).
    static let metaPrefix = "carereview: "
    static func describe<T: Encodable>(_ text: String, _ meta: T) -> String {
        text + "\n\n" + metaPrefix + encodeJSON(meta)
    }
    /// The text and the metadata of such a description (nil where it has none).
    static func split<T: Decodable>(_ description: String?, _ type: T.Type) -> (text: String, meta: T?) {
        guard let description else { return ("", nil) }
        let trimmed = description.replacingOccurrences(of: "\r\n", with: "\n")
        guard let range = trimmed.range(of: "\n\n" + metaPrefix, options: .backwards),
              let meta = decodeJSON(type, String(trimmed[range.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return (description, nil)
        }
        return (String(trimmed[..<range.lowerBound]), meta)
    }

    /// Metadata of a proposal that has no standard place, kept in a Note's Description.
    struct ProposalMeta: Codable, Equatable {
        var id: String
        var aliases: [String]
        var stage: String
        var theme: Int
    }

    /// Metadata of a position, kept in a Note referenced from each of its
    /// quotes, and in each quote's selection Description.
    struct PositionMeta: Codable, Equatable {
        var id: String
        var date: String
        var reported_by: String?
        var date_note: String? = nil
        /// The stakeholder's id, for tools that split a selection's codings
        /// apart (QualCoder), where two stakeholders quote the same span.
        var stakeholder: String? = nil
        var quote: String? = nil
    }

    /// A quote's own text where it differs from its document's span (our
    /// quotes may differ in whitespace and quote marks; a selection's name is the span).
    struct QuoteMeta: Codable, Equatable {
        var quote: String?
    }

    /// Metadata of a stakeholder, in its Code's description.
    struct StakeholderMeta: Codable, Equatable {
        var stakeholder: String
        var kind: String
        var aliases: [String]
    }

    static func encodeJSON<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Strings, numbers and arrays of them always encode.
        return String(decoding: try! encoder.encode(value), as: UTF8.self)
    }

    static func decodeJSON<T: Decodable>(_ type: T.Type, _ text: String?) -> T? {
        guard let text, let data = text.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(type, from: data)
    }

    /// A stance from a code name: "supports", "Supports", "supports: iro",
    /// "Opposes - RCC", "RCC: opposes"; "qualified support" → nil.
    static func stance(fromCodeName name: String) -> Stance? {
        let n = name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        if let s = Stance(rawValue: n) { return s }
        for s in Stance.allCases {
            for sep in [":", " -", " –", " —", " ("] where n.hasPrefix(s.rawValue + sep) { return s }
            for sep in [": ", "- ", "– ", "— "] where n.hasSuffix(sep + s.rawValue) { return s }
        }
        return nil
    }

    /// The stance and what it is on, from a flat code's name:
    /// "Kinship deal: supports", "opposes - RCC" (nil for a bare stance).
    static func stanceAndSubject(_ name: String) -> (Stance, String)? {
        let n = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = n.lowercased()
        for s in Stance.allCases {
            for sep in [":", " -", " –", " —"] where lower.hasPrefix(s.rawValue + sep) {
                let rest = n.dropFirst(s.rawValue.count + sep.count).trimmingCharacters(in: .whitespaces)
                if !rest.isEmpty { return (s, rest) }
            }
            for sep in [":", " -", " –", " —"] where lower.hasSuffix(sep + " " + s.rawValue) || lower.hasSuffix(sep + s.rawValue) {
                let cut = lower.hasSuffix(sep + " " + s.rawValue) ? sep.count + 1 + s.rawValue.count : sep.count + s.rawValue.count
                let rest = n.dropLast(cut).trimmingCharacters(in: .whitespaces)
                if !rest.isEmpty { return (s, rest) }
            }
        }
        return nil
    }

    /// A theme from a grouping code's name such as "5 Transforming care".
    static func theme(fromCodeName name: String) -> Theme? {
        let digits = name.trimmingCharacters(in: .whitespaces).prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits) else { return nil }
        return Theme(rawValue: n)
    }
}
