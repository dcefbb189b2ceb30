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

    /// Metadata of a proposal that has no standard place, kept in a Note's Description.
    struct ProposalMeta: Codable, Equatable {
        var id: String
        var aliases: [String]
        var stage: String
        var theme: Int
    }

    /// Metadata of a position, kept in a Note referenced from each of its quotes.
    struct PositionMeta: Codable, Equatable {
        var id: String
        var date: String
        var reported_by: String?
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

    /// A stance from a code name: "supports", "Supports", "qualified support" → nil.
    static func stance(fromCodeName name: String) -> Stance? {
        Stance(rawValue: name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }

    /// A theme from a grouping code's name such as "5 Transforming care".
    static func theme(fromCodeName name: String) -> Theme? {
        let digits = name.trimmingCharacters(in: .whitespaces).prefix { $0.isASCII && $0.isNumber }
        guard let n = Int(digits) else { return nil }
        return Theme(rawValue: n)
    }
}
