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
        version: CareReviewVersion.current,
        subcommands: [ProposalsCommand.self, ShowCommand.self, StakeholdersCommand.self, StakeholderCommand.self,
                      SearchCommand.self, ValidateCommand.self, ExportCommand.self, ImportCommand.self, OpenCommand.self,
                      MatrixCommand.self, CompareCommand.self, BriefCommand.self, AgreeCommand.self,
                      InitCommand.self, AddCommand.self, CodeCommand.self, ReanchorCommand.self, MarkCommand.self, NoteCommand.self])

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let c = try corpus.load()
        guard isatty(0) == 1, isatty(1) == 1 else {
            print(Reports.proposals(c), terminator: "")
            print("\n(Run carereview in a terminal to open the browser; 'carereview --help' lists the subcommands.)")
            return
        }
        try openBrowser(c, display: display, deepLink: nil, dataset: corpus.notesDataset, codingDirectory: corpus.directory)
    }
}

@main
enum Main {
    static func main() {
        StandardOutput.prepare()
        let arguments = Array(CommandLine.arguments.dropFirst())
        let isShellCall = arguments.first == "---completion" || arguments.first == "--generate-completion-script"
        if !isShellCall, let problem = CommandLineChecks.problem(arguments) { exitWithUsageError(problem.message, command: problem.command) }
        var command: ParsableCommand
        do {
            command = try CareReviewCommand.parseAsRoot(arguments)
        } catch {
            if !isShellCall, let typo = CommandLineChecks.unknownSubcommand(arguments) { exitWithUsageError(typo, command: CareReviewCommand.self) }
            exitFor(error)
        }
        do {
            try command.run()
        } catch let error as ValidationError {
            // Thrown while running (a name that matches nothing): the usage
            // shown is the subcommand's, not the top-level one.
            exitWithUsageError(error.message, command: type(of: command))
        } catch {
            exitFor(error)
        }
    }

    /// argument-parser's message and status, except that usage errors exit
    /// 2 (we promise 2; argument-parser uses 64, EX_USAGE).
    static func exitFor(_ error: Error) -> Never {
        let code = CareReviewCommand.exitCode(for: error)
        let message = CareReviewCommand.fullMessage(for: error)
        if code == .success {
            if !message.isEmpty { print(message) }
            exit(0)
        }
        if !message.isEmpty { printError(message) }
        exit(code == .validationFailure ? 2 : code.rawValue)
    }

    static func exitWithUsageError(_ message: String, command: ParsableCommand.Type) -> Never {
        let usage = CareReviewCommand.usageString(for: command)
        let name = command == CareReviewCommand.self ? "carereview" : "carereview \(command._commandName)"
        printError("Error: \(message)\nUsage: \(usage)\n  See '\(name) --help' for more information.")
        exit(2)
    }
}
