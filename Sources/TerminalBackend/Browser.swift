import CNcursesw
import CTerminalGuard
import CareReview
import CareReviewNotes
import CareReviewUI
import Foundation
import Glibc
import TerminalText

/// How the browser should start.
public struct BrowserOptions: Sendable {
    /// A theme chosen by flag, environment or config; nil keeps the session's.
    public var theme: ThemeName?
    public var colors: Bool
    public var fresh: Bool
    public var deepLink: DeepLink?
    public var stateDirectory: URL
    /// Where marks and notes are kept.
    public var annotations: AnnotationStore
    /// Start in presenter mode (`--present`); echo keys (`--show-keys`).
    public var present: Bool
    public var showKeys: Bool
    /// The `--data` directory to code in; nil: the read-only embedded corpus.
    public var dataset: String?
    /// Mouse reports (`--no-mouse`, `mouse = no` turn them off).
    public var mouse = true
    /// The config file's theme: beneath a theme chosen with `:theme`, which is remembered.
    public var configTheme: ThemeName?

    public init(theme: ThemeName?, colors: Bool, fresh: Bool, deepLink: DeepLink?, stateDirectory: URL,
                annotations: AnnotationStore, present: Bool = false, showKeys: Bool = false, dataset: String? = nil) {
        self.dataset = dataset
        self.theme = theme; self.colors = colors; self.fresh = fresh; self.deepLink = deepLink
        self.stateDirectory = stateDirectory; self.annotations = annotations
        self.present = present; self.showKeys = showKeys
    }
}

/// The interactive browser: reads input, maps it to actions, runs the
/// reducer, paints the rendered frame, performs effects. All screen logic
/// is in CareReviewUI; this is the loop around it.
public enum Browser {
    /// Runs until the user quits; returns the exit status (0, or 128 plus
    /// the signal that ended it, as shells report).
    public static func run(_ corpus: Corpus, options: BrowserOptions) throws -> Int32 {
        // Coding: the dataset as DatasetSession reads it (validated), before the screen changes.
        let (corpus, dataset, datasetProblem) = DatasetCoding.open(options.dataset, corpus: corpus)
        let terminal = try Terminal(colors: options.colors, mouse: options.mouse)
        defer {
            terminal.end()
            // The whole story of a notes file that could not be used, once the screen is back.
            if let problem = options.annotations.problemMessage {
                try? OutputFile.writeAll(Data(("carereview: " + TerminalSafeText.sanitize(problem) + "\n").utf8), to: 2)
            }
        }
        let glyphs: GlyphSet = terminal.utf8 ? .unicode : .ascii
        let size = terminal.size
        let sessions = SessionStore(directory: options.stateDirectory)
        let annotationSession = AnnotationSession(store: options.annotations)
        var state = initialState(corpus, options, sessions, annotations: annotationSession.initial, glyphs: glyphs, size: size)
        if terminal.depth == .none { state.apply(.setMonochrome(true)) }
        if let dataset { state.enableCoding(in: dataset.session.directory) }
        if let datasetProblem { state.apply(.showMessage(datasetProblem, isError: true)) }
        let effects = EffectRunner(terminal: terminal, sessions: sessions, stateDirectory: options.stateDirectory,
                                   annotations: annotationSession, dataset: dataset)
        // Coding: the loop sleeps until input; another program's change to the
        // dataset wakes it (inotify on the directory and texts/, so an idle
        // browser stays asleep; a two-second timer only where inotify fails).
        if let dir = dataset?.session.directory { DatasetWatcher.start(dir) }
        var painter = Painter()

        // The search index is proportional to the corpus: build it off the
        // input path and hand it over when it is ready (waking the loop).
        let mailbox = IndexMailbox()
        Thread.detachNewThread { mailbox.put(SearchIndex(corpus: corpus)); crg_wake() }

        while true {
            if crg_take_continued() != 0 {           // back from Ctrl-Z
                Terminal.enableKeys()
                painter.invalidate()
                let size = terminal.size
                state.apply(.resize(width: size.width, height: size.height))
            }
            if crg_take_resized() != 0 {
                terminal.followResize()
                painter.invalidate()
                let size = terminal.size
                state.apply(.resize(width: size.width, height: size.height))
            }
            let signal = crg_take_quit()
            if signal != 0 {                         // Ctrl-C, SIGTERM, SIGHUP: leave cleanly
                sessions.save(state.session)
                return 128 + signal
            }
            if let index = mailbox.take() { state.apply(.searchIndexReady(index)) }

            // Effects before painting: "Marked …" and "Note saved" reach the
            // screen only once the save has committed (or its error instead).
            while let pending = state.effects.first {
                switch effects.perform(pending.effect, in: state) {
                case .quit:
                    return 0
                case .ask(let question, let effect):
                    state.apply(.effectFinished(id: pending.id))
                    state.apply(.confirm(question: question, effect: effect))
                case .done(let message, let isError, let repaint):
                    if repaint { painter.invalidate() }
                    state.apply(.effectFinished(id: pending.id, message: message, isError: isError))
                case .dispatch(let action, let repaint):
                    if repaint { painter.invalidate() }
                    state.apply(.effectFinished(id: pending.id))
                    state.apply(action)
                    if case .datasetChanged(let o) = action, let c = o.corpus { Thread.detachNewThread { mailbox.put(SearchIndex(corpus: c)); crg_wake() } }
                }
            }

            painter.paint(render(state, width: state.width, height: state.height), palette: state.palette, on: terminal)

            switch nextInput(terminal) {
            case .action(let action):
                if case .resize = action { painter.invalidate() }
                state.apply(action)
            case .timeout:
                // Another program's change to the dataset is reloaded, and the user told.
                if let outcome = dataset?.checkOutside() {
                    state.apply(.datasetChanged(outcome))
                    if let c = outcome.corpus { Thread.detachNewThread { mailbox.put(SearchIndex(corpus: c)); crg_wake() } }
                }
                continue
            case .closed:
                sessions.save(state.session)
                return 0
            }
        }
    }

    /// The next key or mouse event, sleeping (no timeout) until there is one
    /// or a signal or the index thread wakes us (`.timeout` then).
    static func nextInput(_ terminal: Terminal) -> TerminalInput {
        var ch: wint_t = 0
        var status = wget_wch(cr_stdscr(), &ch)
        if status == ERR {
            switch crg_wait() {
            case -1: return .closed
            case 0: return .timeout
            default:
                status = wget_wch(cr_stdscr(), &ch)
                // Readable yet nothing to read: the end of input.
                if status == ERR { return crg_input_empty() != 0 && isatty(0) != 1 ? .closed : .timeout }
            }
        }
        if status == KEY_CODE_YES { return InputDecoder.keyCode(Int32(bitPattern: ch), terminal) }
        return InputDecoder.character(UInt32(ch))
    }

    static func initialState(_ corpus: Corpus, _ options: BrowserOptions, _ sessions: SessionStore, annotations: Annotations,
                             glyphs: GlyphSet, size: (width: Int, height: Int)) -> State {
        // Marks and notes: an unreadable file set aside, or read-only mode, is told in full.
        var problems: [String] = []
        if let problem = options.annotations.shortProblemMessage { problems.append(problem) }
        let (w, h) = size
        // The theme: a flag or the environment, else the one last chosen (`:theme`, kept in the session), else the config's.
        var theme = options.theme
        if theme == nil, let data = FileManager.default.contents(atPath: sessions.file.path),
           let saved = try? JSONDecoder().decode(Session.self, from: data) { theme = saved.theme }
        var options = options
        options.theme = theme ?? options.configTheme
        var state: State
        if let link = options.deepLink {
            state = State(corpus: corpus, deepLink: link, glyphs: glyphs, theme: options.theme ?? .default, width: w, height: h,
                          annotations: annotations, presenting: options.present, showKeys: options.showKeys)
        } else if !options.fresh, let saved = sessions.load() {
            switch saved {
            case .success(let session):
                state = State(restoring: session, corpus: corpus, glyphs: glyphs, width: w, height: h,
                              annotations: annotations, presenting: options.present, showKeys: options.showKeys)
                if let theme = options.theme { state.apply(.setTheme(theme)) }
            case .failure(let problem):
                problems.append(problem.message)
                state = State(corpus: corpus, glyphs: glyphs, theme: options.theme ?? .default, width: w, height: h,
                              annotations: annotations, presenting: options.present, showKeys: options.showKeys)
            }
        } else {
            state = State(corpus: corpus, glyphs: glyphs, theme: options.theme ?? .default, width: w, height: h,
                          annotations: annotations, presenting: options.present, showKeys: options.showKeys)
        }
        if !problems.isEmpty { state.apply(.showMessage(problems.joined(separator: " "), isError: true)) }
        return state
    }
}

/// Hands the search index from the thread that builds it to the loop.
final class IndexMailbox: @unchecked Sendable {
    private let lock = NSLock()
    private var index: SearchIndex?
    func put(_ i: SearchIndex) { lock.lock(); index = i; lock.unlock() }
    func take() -> SearchIndex? { lock.lock(); defer { index = nil; lock.unlock() }; return index }
}
