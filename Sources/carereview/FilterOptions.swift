import ArgumentParser
import CareReview

/// `--stance`, `--kind`, `--stage`, `--theme`: each repeatable or comma-separated.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only these stances: \(Stance.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "STANCE"))
    var stance: [String] = []

    @Option(help: ArgumentHelp("Only stakeholders of these kinds: \(StakeholderKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "KIND"))
    var kind: [String] = []

    @Option(help: ArgumentHelp("Only these stages: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "STAGE"))
    var stage: [String] = []

    @Option(help: ArgumentHelp("Only these themes (final report chapters 1-9).", valueName: "N"))
    var theme: [String] = []

    func filter() throws -> PositionFilter {
        PositionFilter(stances: try words(stance, "stance"), kinds: try words(kind, "kind"),
                       stages: try words(stage, "stage"),
                       themes: Set(try split(theme).map { n in
                           guard let t = Int(n).flatMap(Theme.init(rawValue:)) else {
                               throw ValidationError("'\(n)' is not a theme; expected a chapter number 1 to 9")
                           }
                           return t
                       }))
    }

    func validate() throws { _ = try filter() }

    private func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    private func words<T: RawRepresentable & CaseIterable & Hashable>(_ values: [String], _ what: String) throws -> Set<T> where T.RawValue == String {
        Set(try split(values).map { word in
            guard let value = T(rawValue: word.lowercased()) else {
                throw ValidationError("'\(word)' is not a \(what); expected one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return value
        })
    }
}

import Foundation
