import ArgumentParser
import CareReview
import EmbeddedCorpus
import Foundation

/// `--data DIR` (or CAREREVIEW_DATA): browse another corpus in the same format.
struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the dataset from DIR instead of the embedded one (also CAREREVIEW_DATA).", valueName: "DIR"))
    var data: String?

    /// The dataset directory chosen by --data or CAREREVIEW_DATA, if any.
    /// `~/…` is expanded with $HOME (the shell does not in `--data=~/x`).
    var directory: String? {
        guard let dir = data ?? ProcessInfo.processInfo.environment["CAREREVIEW_DATA"], !dir.isEmpty else { return nil }
        return UserDirectories().expandingTilde(dir)
    }

    @Option(name: .customLong("max-file-mb"), help: ArgumentHelp("Refuse any dataset file (YAML or text) over N MiB (default \(CorpusSource.defaultMaxFileBytes >> 20)).", valueName: "N"))
    var maxFileMB: Int?

    var source: CorpusSource {
        guard let directory else { return EmbeddedCorpus.source }
        return CorpusSource.directory(directory, maxFileBytes: maxFileMB.map { max(0, $0) << 20 } ?? CorpusSource.defaultMaxFileBytes)
    }

    /// The corpus, or exit status 1 with every problem found. A directory
    /// dataset whose bytes already loaded cleanly comes from the validated
    /// cache (`$XDG_CACHE_HOME/carereview`); the embedded one needs none.
    func load() throws -> Corpus {
        do {
            let cache = directory == nil ? nil : UserDirectories().cache.map { CorpusCache(directory: $0) }
            return try CorpusLoader.load(source, cache: cache)
        } catch {
            // libyaml's allocation failure is not a problem in the data.
            if error.description.contains("invalid YAML: Memory error") {
                printError("carereview: out of memory while reading the dataset; nothing was loaded")
                throw ExitCode(1)
            }
            printError(error.description)
            printError("carereview: the dataset has \(error.total) problem\(error.total == 1 ? "" : "s"); nothing was loaded")
            throw ExitCode(1)
        }
    }
}

func printError(_ text: String, newline: Bool = true) {
    StandardOutput.errorLine(text, newline: newline)
}

/// Resolves a proposal name or fails with the candidates (a usage error, exit 2).
func resolveProposal(_ name: String, in corpus: Corpus) throws -> Proposal {
    try resolve(name, NameResolver.proposals(corpus), what: "proposal", label: { corpus.proposalTitle($0) }, list: "carereview proposals")
        .flatMap(corpus.proposal)!
}

func resolveStakeholder(_ name: String, in corpus: Corpus) throws -> Stakeholder {
    try resolve(name, NameResolver.stakeholders(corpus), what: "stakeholder", label: { corpus.stakeholderName($0) }, list: "carereview stakeholders")
        .flatMap(corpus.stakeholder)!
}

private func resolve(_ name: String, _ resolver: NameResolver, what: String, label: (String) -> String, list: String) throws -> String? {
    func names(_ ids: [String]) -> String { ids.map { "  \($0)  (\(label($0)))" }.joined(separator: "\n") }
    switch resolver.resolve(name) {
    case .found(let id):
        return id
    case .ambiguous(let ids):
        throw ValidationError("'\(name)' matches several \(what)s; which one?\n\(names(ids))")
    case .notFound(let near) where !near.isEmpty:
        throw ValidationError("no \(what) matches '\(name)'; did you mean:\n\(names(near))")
    case .notFound:
        throw ValidationError("no \(what) matches '\(name)'; see '\(list)'")
    }
}
