import ArgumentParser
import CareReview
import CareReviewUI

// The model's vocabularies as command-line values: argument-parser checks
// them, lists them in --help and in usage errors, and completes them.

extension Stance: ExpressibleByArgument {}
extension StakeholderKind: ExpressibleByArgument {}
extension Stage: ExpressibleByArgument {}
extension ThemeName: ExpressibleByArgument {}

/// A chapter of the final report, 1 to 9 (the dataset's `theme`).
extension Theme: ExpressibleByArgument {
    public init?(argument: String) {
        guard let n = Int(argument.trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(rawValue: n)
    }
    public static var allValueStrings: [String] { allCases.map { String($0.rawValue) } }
    public static var defaultCompletionKind: CompletionKind { .list(allValueStrings) }
}

/// Row order of the proposal list and the matrix.
enum ProposalSort: String, CaseIterable, ExpressibleByArgument {
    case chapter, positions, divided

    /// `theme` is the name this order had before chapters were called chapters.
    init?(argument: String) {
        if argument == "theme" { self = .chapter; return }
        self.init(rawValue: argument)
    }

    var order: ProposalOrder {
        switch self {
        case .chapter: .theme
        case .positions: .positions
        case .divided: .divided
        }
    }
}
