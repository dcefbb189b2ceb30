import ArgumentParser
import CareReview
import CareReviewExchange
import Foundation

/// `carereview agree A B`: inter-coder agreement between two codings of the
/// same documents (dataset directories, or a directory and a .qdpx project).
struct AgreeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agree",
        abstract: "Measure agreement between two codings of the same documents.",
        discussion: """
        A and B are dataset directories or REFI-QDA projects (.qdpx). Positions
        are matched by stakeholder and proposal, and where the ids differ, by
        overlapping quotes in the same document. On the matched pairs'
        stances: percent agreement, Cohen's kappa, and a quadratically weighted
        kappa (the stances are ordered from supports to opposes), overall and
        per proposal; then every disagreement with both stances and quotes.
        Examples:
          carereview agree coder-a coder-b
          carereview agree my-corpus colleague.qdpx --format json
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("The first coding (a dataset directory or a .qdpx).", valueName: "A")) var first: String
    @Argument(help: ArgumentHelp("The second coding (a dataset directory or a .qdpx).", valueName: "B")) var second: String
    @Option(help: "text or json.") var format: Format = .text

    func run() throws {
        let a = try Self.coding(first), b = try Self.coding(second)
        let report = AgreementReport(a, b)
        switch format {
        case .text: print(AgreementText.render(report, a: first, b: second, corpusA: a, corpusB: b), terminator: "")
        case .json: print(AgreementText.json(report, a: first, b: second), terminator: "")
        }
    }

    /// Loads one side: a directory as a dataset, a .qdpx through the importer
    /// (written to a temporary directory and validated like any dataset).
    static func coding(_ path: String) throws -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ValidationError("\(path) does not exist (expected a dataset directory or a .qdpx project)")
        }
        if isDirectory.boolValue { return try load(.directory(path)) }
        guard path.lowercased().hasSuffix(".qdpx") else {
            throw ValidationError("\(path) is neither a dataset directory nor a .qdpx project")
        }
        let dataset: ImportedDataset
        do { dataset = try REFIQDAImport.read(qdpx: path) } catch {
            printError("carereview: cannot import \(error)")
            throw ExitCode(1)
        }
        let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("carereview-agree-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        do { try DatasetWriter.write(dataset, to: tmp) } catch {
            printError("carereview: cannot unpack \(path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        for w in dataset.warnings { printError("warning: \(path): \(w)") }
        return try load(.directory(tmp), shownAs: path)
    }

    private static func load(_ source: CorpusSource, shownAs name: String? = nil) throws -> Corpus {
        do { return try CorpusLoader.load(source) } catch {
            printError(error.description)
            printError("carereview: \(name ?? source.displayRoot) has \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s"); nothing was compared")
            throw ExitCode(1)
        }
    }
}
