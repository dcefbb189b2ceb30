import ArgumentParser
import CareReview
import CareReviewNotes
import CareReviewUI
import TerminalBackend
import Foundation

/// Options for how the browser looks and starts.
struct DisplayOptions: ParsableArguments {
    @Option(help: "The browser's colour theme (also CAREREVIEW_THEME).")
    var theme: ThemeName?
    @Flag(name: .customLong("no-color"), help: "No colour (also NO_COLOR).")
    var noColor = false
    @Flag(help: "Start at the home screen instead of where you left off.")
    var fresh = false
    @Flag(help: "Presenter mode for screen-sharing: slides, high contrast, no chrome.")
    var present = false
    @Flag(name: .customLong("show-keys"), help: "Show the last keys pressed, so an audience can follow.")
    var showKeys = false
    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (also mouse = no in the config).")
    var noMouse = false
}

struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open the browser on a proposal (and optionally a stakeholder's position).",
        discussion: """
        Examples:
          carereview open iro
          carereview open iro --stakeholder article-39
        """)

    @OptionGroup var corpus: CorpusOptions
    @OptionGroup var display: DisplayOptions
    @Argument(help: "The proposal.", completion: NameCompletion.proposals) var proposal: String
    @Option(help: "Select this stakeholder's position.", completion: NameCompletion.stakeholders) var stakeholder: String?

    func run() throws {
        let c = try corpus.load()
        let p = try resolveProposal(proposal, in: c)
        let s = try stakeholder.map { try resolveStakeholder($0, in: c) }
        guard isatty(0) == 1, isatty(1) == 1 else {
            print(Reports.show(p, c), terminator: "")
            return
        }
        try openBrowser(c, display: display, deepLink: (p.id, s?.id), dataset: corpus.notesDataset, codingDirectory: corpus.directory)
    }
}

/// Opens the terminal browser; where the terminal cannot show it, says
/// why and prints the plain-text equivalent instead.
/// `codingDirectory`: the `--data` directory, coded in (the embedded corpus is read-only).
func openBrowser(_ corpus: Corpus, display: DisplayOptions, deepLink: (proposal: String, stakeholder: String?)?,
                 dataset: NotesDataset,
                 codingDirectory: String? = nil) throws {
    let settings = try BrowserSettings.resolve(display)
    var options = BrowserOptions(theme: settings.theme, colors: settings.colors, fresh: display.fresh,
                                 deepLink: deepLink.map { DeepLink(proposal: $0.proposal, stakeholder: $0.stakeholder) },
                                 stateDirectory: BrowserSettings.stateDirectory,
                                 annotations: notesStore(dataset), present: display.present, showKeys: display.showKeys,
                                 dataset: codingDirectory)
    options.mouse = settings.mouse
    options.configTheme = settings.configTheme
    do {
        let status = try Browser.run(corpus, options: options)
        if status != 0 { throw ExitCode(status) }
    } catch let error as TerminalUnavailable {
        printError("carereview: cannot open the browser: \(error.description); printing the list instead")
        if let deepLink, let p = corpus.proposal(deepLink.proposal) {
            print(Reports.show(p, corpus), terminator: "")
        } else {
            print(Reports.proposals(corpus), terminator: "")
        }
    }
}
