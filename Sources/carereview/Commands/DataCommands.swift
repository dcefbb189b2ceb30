import ArgumentParser
import CareReview
import CareReviewExchange
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
            let c = try CorpusLoader.load(corpus.source)   // always a full validation, never the cache
            let quotes = c.positions.reduce(0) { $0 + $1.quotes.count } + c.proposals.reduce(0) { $0 + $1.reviewWords.count }
            print("ok: \(c.documents.count) documents, \(c.stakeholders.count) stakeholders, \(c.proposals.count) proposals, \(c.positions.count) positions, \(quotes) quotes")
        } catch {
            print(error.description)
            printError("carereview: \(error.total) problem\(error.total == 1 ? "" : "s") in the dataset")
            throw ExitCode(1)
        }
    }
}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export positions as JSON, CSV, Markdown or a REFI-QDA project.",
        discussion: """
        JSON is a stable contract (see README): documents, stakeholders,
        proposals and positions, quotes with offsets in Unicode scalars.
        CSV has one row per quote (RFC 4180). Markdown is a readable report.
        qdpx is a REFI-QDA project (NVivo, ATLAS.ti, MAXQDA, QualCoder):
        proposals as codes with a child code per stance, stakeholders as
        cases, articles as text sources, quotes as coded selections. qdc is
        the codebook alone. Both need --output.
        Examples:
          carereview export --format json > carereview.json
          carereview export --format csv --proposal iro --output iro.csv
          carereview export --format markdown --stakeholder become
          carereview export --format qdpx --output carereview.qdpx
          carereview export --format qdc --output carereview.qdc
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, markdown, qdpx, qdc }

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var filters: FilterOptions
    @Option(help: "json, csv, markdown, qdpx or qdc.") var format: Format
    @Option(help: "Only positions on this proposal.", completion: NameCompletion.proposals) var proposal: String?
    @Option(help: "Only positions of this stakeholder.", completion: NameCompletion.stakeholders) var stakeholder: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output ('-' for standard output).", valueName: "FILE"))
    var output: String?

    func validate() throws {
        if (format == .qdpx || format == .qdc) && output == nil {
            throw ValidationError("--format \(format.rawValue) writes a file: give --output FILE (e.g. --output carereview.\(format.rawValue))")
        }
    }

    func run() throws {
        let c = try corpus.load()
        let p = try proposal.map { try resolveProposal($0, in: c).id }
        let s = try stakeholder.map { try resolveStakeholder($0, in: c).id }
        let selection = ExportSelection(c, proposal: p, stakeholder: s, filter: filters.filter())
        let bytes: Data
        do {
            switch format {
            case .json: bytes = Data(JSONExport.render(selection).utf8)
            case .csv: bytes = Data(CSVExport.render(selection, corpus: c).utf8)
            case .markdown: bytes = Data(MarkdownExport.render(selection, corpus: c).utf8)
            case .qdpx: bytes = try REFIQDAExport.qdpx(selection)
            case .qdc: bytes = Data(try REFIQDAExport.codebook(selection).utf8)
            }
        } catch {
            printError("carereview: \(error)")
            throw ExitCode(1)
        }
        try StandardOutput.deliver(bytes, to: output)
    }
}
