import CareReview
import CareReviewNotes
import CareReviewUI
import Foundation

/// Performs the effects the reducer asks for: the only side effects of
/// the browser besides painting.
struct EffectRunner {
    let terminal: Terminal
    let sessions: SessionStore
    let stateDirectory: URL
    let annotations: AnnotationSession
    /// The `--data` dataset being coded, if any.
    let dataset: DatasetCoding?

    enum Outcome {
        case done(message: String?, isError: Bool, repaint: Bool)
        /// Needs a yes first (e.g. overwriting a file): the browser asks.
        case ask(question: String, effect: Effect)
        case quit
        /// Done, with an action carrying the result (a dataset change, an editor's text).
        case dispatch(Action, repaint: Bool)
    }

    func perform(_ effect: Effect, in state: State) -> Outcome {
        let corpus = state.corpus
        switch effect {
        case .editDataset, .undoDatasetEdit, .editText:
            return DatasetCoding.perform(effect, dataset, terminal: terminal)
        case .quit(let session):
            sessions.save(session)
            return .quit
        case .redraw:
            return .done(message: nil, isError: false, repaint: true)
        case .suspend:
            terminal.suspend()
            raise(SIGTSTP)
            terminal.resume()
            return .done(message: nil, isError: false, repaint: true)
        case .pager(let title, let text):
            return pager(title: title, text: text)
        case .copy(let text):
            return copy(text)
        case .export(let request):
            return export(request, corpus)
        case .saveAnnotations(let marks):
            do {
                try annotations.save(marks)
                return .done(message: nil, isError: false, repaint: false)
            } catch {
                return .done(message: "Could not save your marks and notes: \(error.localizedDescription)", isError: true, repaint: false)
            }
        case .exportBrief(let path, let overwrite):
            let url = Self.url(path)
            if !overwrite, FileManager.default.fileExists(atPath: url.path) {
                return .ask(question: "\(url.path) exists. Replace it?", effect: .exportBrief(path: path, overwrite: true))
            }
            // Everything stored now: other browsers' and CLI runs' marks too.
            let marks = (try? annotations.current()) ?? state.annotations
            let positions = marks.markedPositions(in: corpus)
            let text = BriefExport.render(positions, corpus: corpus, notes: marks.notes)
            return write(text, to: url, what: "a brief of \(positions.count) marked position\(positions.count == 1 ? "" : "s")")
        }
    }

    /// Shows text in $PAGER (default `less`), then restores the browser.
    private func pager(title: String, text: String) -> Outcome {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("carereview-\(getpid()).txt")
        do { try Data((title + "\n\n" + text + "\n").utf8).write(to: file) } catch {
            return .done(message: "Could not write a temporary file for the pager: \(error.localizedDescription)", isError: true, repaint: false)
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let pager = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less"
        terminal.suspend()
        let status = runShell("\(pager) \"$1\"", argument: file.path)
        terminal.resume()
        if status == 127 { return .done(message: "The pager '\(pager)' was not found (set $PAGER)", isError: true, repaint: true) }
        return .done(message: nil, isError: false, repaint: true)
    }

    /// `/bin/sh -c COMMAND sh ARGUMENT`, on this terminal, waiting for it.
    private func runShell(_ command: String, argument: String) -> Int32 { Self.shell(command, argument: argument) }

    static func shell(_ command: String, argument: String) -> Int32 {
        var pid: pid_t = 0
        let args = ["/bin/sh", "-c", command, "sh", argument]
        var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, &cargs, environ) == 0 else { return 127 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }

    /// The terminal's clipboard escape (OSC 52) where the terminal is likely
    /// to honour it, and always a file, so the text is never lost.
    private func copy(_ text: String) -> Outcome {
        let file = stateDirectory.appendingPathComponent("copied.txt")
        do { try AtomicFile.write(Data(text.utf8), to: file) } catch {
            return .done(message: "Could not save the copied text: \(error.localizedDescription)", isError: true, repaint: false)
        }
        let env = ProcessInfo.processInfo.environment
        let term = env["TERM"] ?? ""
        let clipboard = env["TMUX"] != nil || ["xterm", "tmux", "screen", "alacritty", "foot", "wezterm", "kitty"].contains { term.hasPrefix($0) }
        if clipboard {
            let osc = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
            FileHandle.standardOutput.write(Data(osc.utf8))
            return .done(message: "Copied to the terminal clipboard and saved to \(file.path)", isError: false, repaint: false)
        }
        return .done(message: "Saved to \(file.path)", isError: false, repaint: false)
    }

    private func export(_ request: ExportRequest, _ corpus: Corpus) -> Outcome {
        let url = Self.url(request.path)
        if !request.overwrite, FileManager.default.fileExists(atPath: url.path) {
            var yes = request
            yes.overwrite = true
            return .ask(question: "\(url.path) exists. Replace it?", effect: .export(yes))
        }
        return write(request.render(corpus), to: url, what: "\(request.scope(corpus)) as \(request.format.label)")
    }

    /// A path the user typed: relative to the working directory, `~` as $HOME.
    static func url(_ path: String) -> URL {
        let expanded = UserDirectories().expandingTilde(path)
        return URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// Writes a file the user named.
    private func write(_ text: String, to url: URL, what: String) -> Outcome {
        do {
            try OutputFile.write(Data(text.utf8), toPath: url.path)
            return .done(message: "Exported \(what) to \(url.path)", isError: false, repaint: false)
        } catch {
            return .done(message: "Could not write \(url.path): \(error.localizedDescription)", isError: true, repaint: false)
        }
    }
}
