import ArgumentParser
import CareReview
import EmbeddedCorpus
import Foundation

/// Shell completion of proposal and stakeholder names: argument-parser's
/// generated scripts call `carereview ---completion …`, which runs these.
/// The candidates start with what is typed (the shell shows them as they
/// are): ids, and names and aliases too once something is typed (the
/// resolver accepts all three); the dataset is the
/// one `--data DIR` on the line being completed names, else
/// CAREREVIEW_DATA, else the embedded one.
enum NameCompletion {
    static let proposals = CompletionKind.custom { words, _, prefix in
        guard let c = corpus(words) else { return [] }
        return candidates(c.proposals.map { ($0.id, [$0.title] + $0.aliases) }, prefix)
    }

    static let stakeholders = CompletionKind.custom { words, _, prefix in
        guard let c = corpus(words) else { return [] }
        return candidates(c.stakeholders.map { ($0.id, [$0.name] + $0.aliases) }, prefix)
    }

    static func candidates(_ entries: [(id: String, names: [String])], _ prefix: String) -> [String] {
        let p = prefix.lowercased()
        guard !p.isEmpty else { return entries.map(\.id) }
        var out: [String] = []
        for e in entries {
            for word in [e.id] + e.names where word.lowercased().hasPrefix(p) && !out.contains(word) { out.append(word) }
        }
        return out
    }

    private static func corpus(_ words: [String]) -> Corpus? {
        var directory = ProcessInfo.processInfo.environment["CAREREVIEW_DATA"].flatMap { $0.isEmpty ? nil : $0 }
        for (i, w) in words.enumerated() {
            if w == "--data", i + 1 < words.count { directory = words[i + 1] }
            if w.hasPrefix("--data=") { directory = String(w.dropFirst(7)) }
        }
        let source = directory.map { CorpusSource.directory(UserDirectories().expandingTilde($0)) } ?? EmbeddedCorpus.source
        return try? CorpusLoader.load(source)
    }
}
