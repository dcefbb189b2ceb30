import ArgumentParser
import CareReview

/// `--stance`, `--kind`, `--stage`, `--chapter`: each repeatable or
/// comma-separated, each value one of the model's vocabulary (an unknown
/// one is a usage error naming the values there are).
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only these stances: \(Values<Stance>.list).", valueName: "stance"),
            completion: .list(Stance.allValueStrings), transform: Values<Stance>.parse)
    var stance: [[Stance]] = []

    @Option(help: ArgumentHelp("Only stakeholders of these kinds: \(Values<StakeholderKind>.list).", valueName: "kind"),
            completion: .list(StakeholderKind.allValueStrings), transform: Values<StakeholderKind>.parse)
    var kind: [[StakeholderKind]] = []

    @Option(help: ArgumentHelp("Only these stages: \(Values<Stage>.list).", valueName: "stage"),
            completion: .list(Stage.allValueStrings), transform: Values<Stage>.parse)
    var stage: [[Stage]] = []

    @Option(help: ArgumentHelp("Only proposals in these chapters of the final report, 1 to 9.", valueName: "n"),
            completion: .list(Theme.allValueStrings), transform: Values<Theme>.parse)
    var chapter: [[Theme]] = []

    func filter() -> PositionFilter {
        PositionFilter(stances: Set(stance.joined()), kinds: Set(kind.joined()), stages: Set(stage.joined()), themes: Set(chapter.joined()))
    }
}

/// Parses "a,b" into values of a vocabulary, or says which word is wrong
/// and what it could be.
enum Values<Value: ExpressibleByArgument> {
    static var list: String { Value.allValueStrings.joined(separator: ", ") }

    static func parse(_ argument: String) throws -> [Value] {
        let words = argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !words.isEmpty else { throw ValidationError("give at least one value: \(list)") }
        return try words.map { word in
            if let v = Value(argument: word) ?? Value(argument: word.lowercased()) { return v }
            throw ValidationError(problem(word))
        }
    }

    static func problem(_ word: String) -> String {
        if Value.self == Theme.self { return "'\(word)' is not a chapter; chapters are numbered 1 to 9" }
        let what = Value.self == Stance.self ? "stance" : Value.self == Stage.self ? "stage" : "kind"
        var message = "'\(word)' is not a \(what)"
        if let hint = DidYouMean(Value.allValueStrings).sentence(for: word) { message += "; \(hint)" }
        return message + " (one of: \(list))"
    }
}

extension PositionFilter {
    /// "stance=opposes chapter=5": as the options are named on the command line.
    var commandLineDescription: String {
        var parts: [String] = []
        if !stances.isEmpty { parts.append("stance=" + stances.sorted().map(\.rawValue).joined(separator: ",")) }
        if !kinds.isEmpty { parts.append("kind=" + kinds.sorted().map(\.rawValue).joined(separator: ",")) }
        if !stages.isEmpty { parts.append("stage=" + stages.sorted().map(\.rawValue).joined(separator: ",")) }
        if !themes.isEmpty { parts.append("chapter=" + themes.sorted().map { String($0.rawValue) }.joined(separator: ",")) }
        return parts.joined(separator: " ")
    }
}
