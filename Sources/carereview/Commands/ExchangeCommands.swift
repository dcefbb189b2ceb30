import ArgumentParser
import CareReview
import CareReviewExchange
import Foundation

/// `carereview import --format qdpx FILE --output DIR`: a REFI-QDA project
/// back into the dataset format, then validated like `carereview validate`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a REFI-QDA project (.qdpx) as a dataset directory.",
        discussion: """
        Writes documents.yaml, stakeholders.yaml, proposals.yaml,
        positions.yaml and texts/ into DIR, then checks them as
        'carereview validate' does. A project exported by carereview comes
        back exactly. From another tool: a code with children named after
        stances (supports, qualified, mixed, concerned, opposes) becomes a
        proposal; a case becomes a stakeholder (kind from its 'kind'
        variable, else commentator); each selection coded with a stance and
        linked to a case becomes a quote of that stakeholder's position.
        Examples:
          carereview import --format qdpx coded.qdpx --output my-corpus
          carereview validate --data my-corpus
          carereview --data my-corpus
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case qdpx }

    @Option(help: "qdpx (a REFI-QDA project).") var format: Format
    @Argument(help: ArgumentHelp("The project to import.", valueName: "FILE")) var file: String
    @Option(name: .shortAndLong, help: ArgumentHelp("The dataset directory to write.", valueName: "DIR")) var output: String
    @Flag(help: "Write into DIR even if it is not empty (files of the same names are replaced).") var force = false

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw ValidationError("\(output) exists and is not a directory") }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        if !contents.isEmpty && !force {
            throw ValidationError("\(output) is not empty; choose another directory or add --force to write into it")
        }
    }

    func run() throws {
        let dataset: ImportedDataset
        do {
            dataset = try REFIQDAImport.read(qdpx: file)
        } catch {
            printError("carereview: cannot import \(error)")
            throw ExitCode(1)
        }
        do {
            try DatasetWriter.write(dataset, to: output)
        } catch {
            printError("carereview: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        for w in dataset.warnings { printError("warning: \(w)") }
        let problems = CorpusLoader.validate(.directory(output))
        guard problems.isEmpty else {
            for p in problems { print(p.description) }
            printError("carereview: imported into \(output), but the dataset has \(problems.count) problem\(problems.count == 1 ? "" : "s") (fix them, then 'carereview validate --data \(output)')")
            throw ExitCode(1)
        }
        let quotes = dataset.positions.reduce(0) { $0 + $1.quotes.count } + dataset.proposals.reduce(0) { $0 + $1.reviewWords.count }
        print("imported \(file) into \(output): \(dataset.documents.count) documents, \(dataset.stakeholders.count) stakeholders, \(dataset.proposals.count) proposals, \(dataset.positions.count) positions, \(quotes) quotes")
    }
}
