import CareReview
import CareReviewUI
import Foundation

/// The backend half of coding in the browser: the `--data` dataset open in
/// a `DatasetSession`, the effects that change it, undo, `$EDITOR` for a
/// longer summary, and the idle check for another program's changes.
final class DatasetCoding {
    let session: DatasetSession

    init(_ session: DatasetSession) { self.session = session }

    /// Opens the dataset to code in. A dataset that does not open for
    /// changes is browsed read-only, with the reason.
    static func open(_ directory: String?, corpus: Corpus) -> (Corpus, DatasetCoding?, String?) {
        guard let directory else { return (corpus, nil, nil) }
        do {
            let session = try DatasetSession(directory: directory)
            return (session.corpus, DatasetCoding(session), nil)
        } catch {
            return (corpus, nil, "Read-only: \(error.description)")
        }
    }

    static func perform(_ effect: Effect, _ coding: DatasetCoding?, terminal: Terminal) -> EffectRunner.Outcome {
        switch effect {
        case .editText(let text):
            return .dispatch(.editorFinished(editInEditor(text, terminal: terminal)), repaint: true)
        case .editDataset(let edit):
            guard let coding else { return .done(message: State.readOnlyMessage, isError: true, repaint: false) }
            return .dispatch(.datasetChanged(coding.session.apply(edit)), repaint: false)
        case .undoDatasetEdit(let undo):
            guard let coding else { return .done(message: State.readOnlyMessage, isError: true, repaint: false) }
            return .dispatch(.datasetChanged(coding.session.undo(undo)), repaint: false)
        default:
            return .done(message: nil, isError: false, repaint: false)
        }
    }

    /// When the loop wakes (DatasetWatcher wakes it when a file of the
    /// dataset changes): another program's change, reloaded.
    func checkOutside() -> DatasetOutcome? {
        session.reloadIfChangedOutside()
    }

    /// Writes the text to a temporary file, runs $VISUAL or $EDITOR (else vi)
    /// on this terminal, and reads the file back; nil if that failed.
    static func editInEditor(_ text: String, terminal: Terminal) -> String? {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("carereview-summary-\(getpid()).txt")
        guard (try? Data((text + "\n").utf8).write(to: file)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: file) }
        let env = ProcessInfo.processInfo.environment
        let editor = [env["VISUAL"], env["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        terminal.suspend()
        let status = EffectRunner.shell("\(editor) \"$1\"", argument: file.path)
        terminal.resume()
        guard status == 0, let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
