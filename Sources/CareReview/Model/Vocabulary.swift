// The controlled vocabularies of the dataset. Each raw value is the word
// used in the YAML files and in exports; changing one breaks the data format.

/// A stakeholder's stance on a proposal, ordered from support to opposition.
public enum Stance: String, CaseIterable, Sendable, Comparable, Codable {
    case supports
    case qualified   // supports, with conditions or reservations
    case mixed       // welcomes parts and rejects parts, or withholds judgement
    case concerned   // leans against, raises serious concerns
    case opposes

    public var rank: Int { Stance.allCases.firstIndex(of: self)! }
    public static func < (a: Stance, b: Stance) -> Bool { a.rank < b.rank }

    /// A short ASCII symbol, so stance never depends on colour alone.
    public var symbol: String {
        switch self {
        case .supports: "++"
        case .qualified: "+?"
        case .mixed: "+-"
        case .concerned: "-?"
        case .opposes: "--"
        }
    }

    public var explanation: String {
        switch self {
        case .supports: "supports"
        case .qualified: "supports with conditions or reservations"
        case .mixed: "welcomes parts and rejects parts, or withholds judgement"
        case .concerned: "leans against, raises serious concerns"
        case .opposes: "opposes"
        }
    }
}

/// The stages of the Review at which documents were written and proposals made.
public enum Stage: String, CaseIterable, Sendable, Comparable, Codable {
    case termsOfReference = "terms-of-reference"
    case caseForChange = "case-for-change"
    case finalReport = "final-report"
    case governmentResponse = "government-response"

    public static func < (a: Stage, b: Stage) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    public var label: String {
        switch self {
        case .termsOfReference: "Terms of reference (Jan 2021)"
        case .caseForChange: "Case for Change (Jun 2021)"
        case .finalReport: "Final report (May 2022)"
        case .governmentResponse: "Government response"
        }
    }

    public var shortLabel: String {
        switch self {
        case .termsOfReference: "ToR 2021"
        case .caseForChange: "CfC 2021"
        case .finalReport: "Final 2022"
        case .governmentResponse: "Gov resp"
        }
    }
}

/// The final report's nine chapters; earlier-stage themes map onto the nearest one.
public enum Theme: Int, CaseIterable, Sendable, Comparable, Codable {
    case reset = 1
    case familyHelp
    case childProtection
    case familyNetworks
    case transformingCare
    case careExperience
    case workforce
    case focusedSystem
    case implementation

    public static func < (a: Theme, b: Theme) -> Bool { a.rawValue < b.rawValue }

    public var title: String {
        switch self {
        case .reset: "Reset children's social care"
        case .familyHelp: "A revolution in Family Help"
        case .childProtection: "A just and decisive child protection system"
        case .familyNetworks: "Unlocking the potential of family networks"
        case .transformingCare: "Transforming care"
        case .careExperience: "The care experience"
        case .workforce: "Realising the potential of the workforce"
        case .focusedSystem: "A system that is relentlessly focused on children and families"
        case .implementation: "Implementation"
        }
    }

    /// "3 A just and decisive child protection system"
    public var label: String { "\(rawValue) \(title)" }
}

/// What kind of person or organisation a stakeholder is.
public enum StakeholderKind: String, CaseIterable, Sendable, Comparable, Codable {
    case charity
    case professionalBody = "professional-body"
    case directorsBody = "directors-body"
    case localGovernment = "local-government"
    case academic
    case commentator
    case practitioner
    case government
    case statutoryOffice = "statutory-office"
    case careExperiencedGroup = "care-experienced-group"
    case alliance
    case media
    /// The Independent Review itself, speaking through its chair: neither
    /// government (it was independent of it) nor a commentator.
    case review

    public static func < (a: StakeholderKind, b: StakeholderKind) -> Bool { a.rawValue < b.rawValue }

    public var label: String {
        switch self {
        case .charity: "charity"
        case .professionalBody: "professional body"
        case .directorsBody: "representative body of directors"
        case .localGovernment: "local government"
        case .academic: "academic"
        case .commentator: "commentator"
        case .practitioner: "practitioner"
        case .government: "government"
        case .statutoryOffice: "statutory office"
        case .careExperiencedGroup: "care-experienced group"
        case .alliance: "alliance"
        case .media: "media"
        case .review: "the Review (its chair)"
        }
    }
}
