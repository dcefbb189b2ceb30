import ArgumentParser
import CareReview
import Foundation

/// `carereview`: on a terminal, the browser; in a pipe, the proposal list.
struct CareReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "carereview",
        abstract: "Browse stakeholder responses to England's Independent Review of Children's Social Care.",
        discussion: """
        With no subcommand on a terminal, opens the browser; otherwise prints
        the list of proposals. Subcommands serve scripts and pipes.
        """,
        subcommands: [ProposalsCommand.self, ShowCommand.self, StakeholdersCommand.self, StakeholderCommand.self,
                      SearchCommand.self, ValidateCommand.self, ExportCommand.self, ImportCommand.self, OpenCommand.self,
                      MatrixCommand.self, CompareCommand.self, BriefCommand.self, AgreeCommand.self,
                      InitCommand.self, AddCommand.self, CodeCommand.self, ReanchorCommand.self])

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let c = try corpus.load()
        guard isatty(0) == 1, isatty(1) == 1 else {
            print(Reports.proposals(c), terminator: "")
            print("\n(Run carereview in a terminal to open the browser; 'carereview --help' lists the subcommands.)")
            return
        }
        try openBrowser(c, display: display, deepLink: nil)
    }
}

@main
enum Main {
    static func main() {
        do {
            var command = try CareReviewCommand.parseAsRoot()
            try command.run()
        } catch {
            // argument-parser uses 64 (EX_USAGE) for usage errors; we promise 2.
            let code = CareReviewCommand.exitCode(for: error)
            let message = CareReviewCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                exit(0)
            }
            if !message.isEmpty { printError(message) }
            exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
