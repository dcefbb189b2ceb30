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
        linked to a case (or coded with a stakeholder's code) becomes a quote
        of that stakeholder's position. A coded selection that cannot be
        placed stops the import with nothing written, unless --skip-unmapped.
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
    @Flag(help: "Leave out selections that cannot be placed (each is reported) instead of refusing the import.") var skipUnmapped = false

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
            dataset = try REFIQDAImport.read(qdpx: file, skipUnmapped: skipUnmapped)
        } catch {
            printError("carereview: cannot import \(error)")
            throw ExitCode(1)
        }
        for w in dataset.warnings { printError("warning: \(w)") }
        for s in dataset.skipped { printError("skipped: \(s)") }
        // Written and validated beside DIR first: a dataset with problems leaves DIR untouched.
        let problems: [Diagnostic]
        do {
            problems = try DatasetWriter.writeValidated(dataset, to: output)
        } catch {
            printError("carereview: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        guard problems.isEmpty else {
            for p in problems { print(p.description) }
            printError("carereview: nothing imported: the dataset would have \(problems.count) problem\(problems.count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        if !dataset.skipped.isEmpty { printError("carereview: \(dataset.skipped.count) selection\(dataset.skipped.count == 1 ? "" : "s") skipped (--skip-unmapped)") }
        let quotes = dataset.positions.reduce(0) { $0 + $1.quotes.count } + dataset.proposals.reduce(0) { $0 + $1.reviewWords.count }
        print("imported \(file) into \(output): \(dataset.documents.count) documents, \(dataset.stakeholders.count) stakeholders, \(dataset.proposals.count) proposals, \(dataset.positions.count) positions, \(quotes) quotes")
    }
}
