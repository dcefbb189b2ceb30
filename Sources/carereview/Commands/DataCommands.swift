import ArgumentParser
import CareReview
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the dataset: quotes verbatim at their offsets, references, ids, vocabularies.",
        discussion: """
        Each problem is printed as FILE:LINE:COLUMN: message; exit status 1 if any.
        Examples:
          carereview validate
          carereview validate --data ~/my-corpus
        """)

    @OptionGroup var corpus: CorpusOptions

    func run() throws {
        do {
            let c = try CorpusLoader.load(corpus.source)
            let quotes = c.positions.reduce(0) { $0 + $1.quotes.count } + c.proposals.reduce(0) { $0 + $1.reviewWords.count }
            print("ok: \(c.documents.count) documents, \(c.stakeholders.count) stakeholders, \(c.proposals.count) proposals, \(c.positions.count) positions, \(quotes) quotes")
        } catch {
            for p in error.diagnostics { print(p.description) }
            printError("carereview: \(error.diagnostics.count) problem\(error.diagnostics.count == 1 ? "" : "s") in the dataset")
            throw ExitCode(1)
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export positions as JSON, CSV or Markdown.",
        discussion: """
        JSON is a stable contract (see README): documents, stakeholders,
        proposals and positions, quotes with offsets in Unicode scalars.
        CSV has one row per quote (RFC 4180). Markdown is a readable report.
        Examples:
          carereview export --format json > carereview.json
          carereview export --format csv --proposal iro --output iro.csv
          carereview export --format markdown --stakeholder become
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, markdown }

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var filters: FilterOptions
    @Option(help: "json, csv or markdown.") var format: Format
    @Option(help: "Only positions on this proposal.") var proposal: String?
    @Option(help: "Only positions of this stakeholder.") var stakeholder: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let c = try corpus.load()
        let p = try proposal.map { try resolveProposal($0, in: c).id }
        let s = try stakeholder.map { try resolveStakeholder($0, in: c).id }
        let selection = ExportSelection(c, proposal: p, stakeholder: s, filter: try filters.filter())
        let text: String
        switch format {
        case .json: text = JSONExport.render(selection)
        case .csv: text = CSVExport.render(selection, corpus: c)
        case .markdown: text = MarkdownExport.render(selection, corpus: c)
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            printError("carereview: cannot write \(output): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
