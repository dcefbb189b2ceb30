import ArgumentParser
import CareReview
import Foundation

struct MatrixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Print the stance matrix: proposals as rows, stakeholders as columns.",
        discussion: """
        Columns are abbreviated and paged to fit the width (the terminal's,
        or $COLUMNS; in a pipe, one page); each page lists what its
        abbreviations stand for.
        Examples:
          carereview matrix
          carereview matrix --sort divided --kind charity,directors-body
          carereview matrix --format csv > matrix.csv
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var filters: FilterOptions
    @Option(help: "Row order: chapter, positions or divided.") var sort: ProposalSort = .chapter
    @Option(help: "text or csv.") var format: Format = .text
    @Option(help: "Print only this page of columns (text format).") var page: Int?

    func validate() throws {
        if let page, page < 1 { throw ValidationError("--page starts at 1") }
    }

    func run() throws {
        let c = try corpus.load()
        let m = StanceMatrix(corpus: c, order: sort.order, filter: filters.filter())
        switch format {
        case .csv: StandardOutput.writeData(Data(AnalysisReports.matrixCSV(m).utf8))
        case .text:
            let count = AnalysisReports.pages(m).count
            if let page, page > count { throw ValidationError("there \(count == 1 ? "is only 1 page" : "are only \(count) pages") of columns") }
            print(AnalysisReports.matrix(m, page: page), terminator: "")
        }
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare two stakeholders, proposal by proposal.",
        discussion: """
        Every proposal either takes a position on, both stances, whether they
        agree, and the quotes.
        Examples:
          carereview compare become adcs
          carereview compare "Robin Sen" "Christian Kerr"
        """)

    @OptionGroup var corpus: CorpusOptions
    @Argument(help: "The first stakeholder.", completion: NameCompletion.stakeholders) var first: String
    @Argument(help: "The second stakeholder.", completion: NameCompletion.stakeholders) var second: String

    func run() throws {
        let c = try corpus.load()
        let a = try resolveStakeholder(first, in: c), b = try resolveStakeholder(second, in: c)
        guard a.id != b.id else { throw ValidationError("'\(first)' and '\(second)' are the same stakeholder") }
        print(AnalysisReports.compare(Comparison(corpus: c, first: a.id, second: b.id)!, c), terminator: "")
    }
}

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write a Markdown briefing of the positions marked in the browser.",
        discussion: """
        Marks and notes live in $XDG_DATA_HOME/carereview/notes.sqlite
        (default ~/.local/share/carereview/); mark with m in the browser
        or with 'carereview mark'.
        Examples:
          carereview brief --marked
          carereview brief --marked -o briefing.md
        """)

    @OptionGroup var corpus: CorpusOptions
    @Flag(help: "Brief the marked positions (the default and, for now, the only selection).") var marked = false
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE instead of standard output ('-' for standard output).", valueName: "FILE"))
    var output: String?

    func run() throws {
        let c = try corpus.load()
        let annotations = try loadAnnotations(corpus.notesDataset)
        let text = BriefExport.render(annotations.markedPositions(in: c), corpus: c, notes: annotations.notes)
        try StandardOutput.deliver(Data(text.utf8), to: output)
    }
}
