import CareReview

/// Work with side effects that the reducer asks the backend to do. The
/// backend performs each pending effect once, then dispatches
/// `.effectFinished(id:message:isError:)`.
public enum Effect: Hashable, Sendable {
    /// Show text in $PAGER, then restore the screen.
    case pager(title: String, text: String)
    /// Copy text (clipboard escape or a file, whatever the backend supports).
    case copy(text: String)
    /// Write an export file; `ExportRequest.render(_:)` produces the content.
    case export(ExportRequest)
    /// Clear and repaint the whole terminal (Ctrl-L).
    case redraw
    /// Suspend the process (Ctrl-Z); the screen is repainted on resume.
    case suspend
    /// Save the session and leave.
    case quit(Session)
    /// Persist the reader's marks and notes (the whole set, after each change).
    case saveAnnotations(Annotations)
    /// Write a Markdown briefing of the marked positions to a file.
    case exportBrief(path: String, overwrite: Bool = false)
    /// Change the dataset (`--data DIR`) through `DatasetSession`; ends with `.datasetChanged`.
    case editDataset(DatasetEdit)
    /// Put back the files as they were before a change; ends with `.datasetChanged`.
    case undoDatasetEdit(DatasetUndo)
    /// Edit text in $EDITOR (a longer summary); ends with `.editorFinished`.
    case editText(String)
}

/// An effect waiting for the backend, with an id for its completion action.
public struct PendingEffect: Hashable, Sendable {
    public let id: Int
    public let effect: Effect
}

public enum ExportFormat: String, CaseIterable, Sendable {
    case markdown, csv, json
    public var label: String { self == .markdown ? "Markdown" : rawValue.uppercased() }
}

/// What to export: the positions in view (a proposal's, a stakeholder's or
/// all) under the active filter.
public struct ExportRequest: Hashable, Sendable {
    public let format: ExportFormat
    public let path: String
    public let proposal: String?
    public let stakeholder: String?
    public let filter: PositionFilter
    /// Replace an existing file (after the user said yes).
    public var overwrite = false

    public init(format: ExportFormat, path: String, proposal: String?, stakeholder: String?, filter: PositionFilter,
                overwrite: Bool = false) {
        self.format = format; self.path = path; self.proposal = proposal; self.stakeholder = stakeholder
        self.filter = filter; self.overwrite = overwrite
    }

    /// What is exported, in words: "the 3 positions on “Abolish IROs”".
    public func scope(_ corpus: Corpus) -> String {
        let n = ExportSelection(corpus, proposal: proposal, stakeholder: stakeholder, filter: filter).positions.count
        let what = "\(n) position\(n == 1 ? "" : "s")"
        let narrowed = filter.isEmpty ? "" : " (filter: \(filter.description))"
        if let p = proposal { return "the \(what) on “\(corpus.proposalTitle(p))”" + narrowed }
        if let s = stakeholder { return "\(corpus.stakeholderName(s))’s \(what)" + narrowed }
        return "all \(what)" + narrowed
    }

    /// The file's content. Proportional to the export; run it off the main path.
    public func render(_ corpus: Corpus) -> String {
        let selection = ExportSelection(corpus, proposal: proposal, stakeholder: stakeholder, filter: filter)
        switch format {
        case .markdown: return MarkdownExport.render(selection, corpus: corpus)
        case .csv: return CSVExport.render(selection, corpus: corpus)
        case .json: return JSONExport.render(selection)
        }
    }
}
