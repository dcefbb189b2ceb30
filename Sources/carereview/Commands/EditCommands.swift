import ArgumentParser
import CareReview
import EmbeddedCorpus
import Foundation

// Growing a dataset from the command line: `init`, `add`, `code`, `reanchor`.
// The embedded corpus stays read-only; these write a dataset directory, in
// the canonical YAML style, and never leave it invalid or half-written.

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write the embedded corpus (or an empty dataset) into a directory to code in.",
        discussion: """
        Examples:
          carereview init my-corpus            # the five articles and their coding, to extend
          carereview init --empty my-corpus    # an empty dataset that validates
          carereview --data my-corpus
        """)

    @Argument(help: ArgumentHelp("The directory to create (it must be empty or absent).", valueName: "DIR")) var directory: String
    @Flag(help: "Start from an empty dataset instead of the embedded corpus.") var empty = false

    func run() throws {
        try requireEmptyDirectory(directory)
        let contents: DatasetWriter.Contents
        if empty {
            contents = .init(documents: [], stakeholders: [], proposals: [], positions: [])
        } else {
            contents = .init(try CorpusLoader.load(EmbeddedCorpus.source))
        }
        do { try DatasetWriter.write(contents, to: directory) } catch {
            printError("carereview: cannot write \(directory): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let c = contents
        print("wrote \(empty ? "an empty dataset" : "the embedded corpus") to \(directory): \(c.documents.count) documents, \(c.stakeholders.count) stakeholders, \(c.proposals.count) proposals, \(c.positions.count) positions")
    }
}

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a plain-text or Markdown article to a dataset as a document.",
        discussion: """
        The text is normalised (line endings, a byte-order mark, trailing
        whitespace) and stored under texts/. Markdown is kept as text, markup
        and all. --title, --date and --stage are required: on a terminal the
        command asks for any that is missing; in a pipe it is an error.
        Examples:
          carereview add my-corpus stable-homes.md --title "Stable Homes, Built on Love" \\
              --publisher "Department for Education" --date 2023-02-02 --stage government-response
        """)

    @Argument(help: ArgumentHelp("The dataset directory.", valueName: "DIR")) var directory: String
    @Argument(help: ArgumentHelp("The article, as plain text or Markdown.", valueName: "FILE")) var file: String
    @Option(help: "The document's id (default: from the title).") var id: String?
    @Option(help: "The article's title.") var title: String?
    @Option(help: "Its author (omit for an unsigned article).") var author: String?
    @Option(help: "Its publisher.") var publisher: String?
    @Option(help: "Its date: YYYY, YYYY-MM or YYYY-MM-DD.") var date: String?
    @Option(help: "How the date was established, when it is not printed on the article.") var dateNote: String?
    @Option(help: "Its URL.") var url: String?
    @Option(help: "The Review's stage it answers: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")).") var stage: String?

    func run() throws {
        var editor = try openEditor(directory)
        guard let data = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
        guard let raw = String(validatingUTF8Bytes: data) else { throw ValidationError("\(file) is not valid UTF-8 text") }
        let text = ArticleText.normalise(raw)
        let title = try required(self.title, "title", "the article's title")
        let dateText = try required(self.date, "date", "its date (YYYY, YYYY-MM or YYYY-MM-DD)")
        guard let when = PartialDate(iso: dateText) else { throw ValidationError("'\(dateText)' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)") }
        let stageText = try required(self.stage, "stage", "the stage (\(Stage.allCases.map(\.rawValue).joined(separator: ", ")))")
        guard let stage = Stage(rawValue: stageText) else {
            throw ValidationError("'\(stageText)' is not a stage (expected one of: \(Stage.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let taken = Set(editor.contents.documents.map(\.id))
        let docId = id ?? ArticleText.slug(title, avoiding: taken)
        let doc = Document(id: docId, title: title, author: author, publisher: publisher, date: when, dateNote: dateNote,
                           stage: stage, url: url, text: text)
        try editResult { () throws(EditError) in
            try editor.add(doc)
            try editor.save()
        }
        print("added document \(docId) to \(directory) (texts/\(docId).txt, \(text.unicodeScalars.count) characters)")
    }

    /// A required field: from its option, else asked for on a terminal, else a usage error.
    private func required(_ value: String?, _ name: String, _ what: String) throws -> String {
        if let value, !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        guard isatty(0) == 1, isatty(2) == 1 else { throw ValidationError("missing --\(name): \(what) is required") }
        printError("\(what.prefix(1).uppercased() + what.dropFirst()): ", newline: false)
        guard let line = readLine(), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("missing --\(name): \(what) is required")
        }
        return line.trimmingCharacters(in: .whitespaces)
    }
}

struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Code a quote from a document as a stakeholder's position on a proposal.",
        discussion: """
        The quote's offsets are found in the document's text (exactly, else
        with whitespace and quote marks normalised). No match is an error;
        several matches are listed, and --occurrence N picks one. If the
        stakeholder already has a position on the proposal from the same
        document, the quote is added to it. A new stakeholder or proposal can
        be created on the way with --new-stakeholder or --new-proposal.
        Examples:
          carereview code my-corpus --document stable-homes --quote "We will not abolish the role" \\
              --stakeholder department-for-education --proposal iro-abolition --stance opposes \\
              --summary "Keeps the IRO role."
        """)

    @Argument(help: ArgumentHelp("The dataset directory.", valueName: "DIR")) var directory: String
    @Option(help: "The document's id.") var document: String
    @Option(help: "The quote, verbatim.") var quote: String
    @Option(help: "Which occurrence, when the quote occurs more than once (1 is the first).") var occurrence: Int?
    @Option(help: "The stakeholder (id or name).") var stakeholder: String
    @Option(help: "The proposal (id or name).") var proposal: String
    @Option(help: "supports, qualified, mixed, concerned or opposes.") var stance: Stance
    @Option(help: "One line in your words (for a new position).") var summary: String?
    @Option(help: "The view's date, when not the document's (YYYY, YYYY-MM or YYYY-MM-DD).") var date: String?
    @Option(help: "Who reports the words, when the document reports someone else's statement.") var reportedBy: String?
    @Option(help: "Create the stakeholder: its name (the --stakeholder value is its id).") var newStakeholder: String?
    @Option(help: "The new stakeholder's kind.") var kind: StakeholderKind?
    @Option(help: "The new stakeholder's description.") var description: String?
    @Option(help: "Create the proposal: its title (the --proposal value is its id).") var newProposal: String?
    @Option(help: "The new proposal's summary.") var proposalSummary: String?
    @Option(help: "The new proposal's chapter of the final report, 1 to 9.") var chapter: Int?
    @Option(help: "The new proposal's stage.") var stage: Stage?

    func run() throws {
        var editor = try openEditor(directory)
        let corpus = editor.corpus
        guard let doc = corpus.document(document) else {
            throw ValidationError("no document '\(document)' in \(directory); documents: \(corpus.documents.map(\.id).joined(separator: ", "))")
        }
        let range = try locate(in: doc)
        let located = Quote(document: doc.id, text: QuoteLocator.slice(doc.text, range), start: range.lowerBound, end: range.upperBound)
        let when = try date.map { d in
            guard let p = PartialDate(iso: d) else { throw ValidationError("'\(d)' is not a date") }
            return p
        }
        let stakeholderId = try stakeholderId(&editor, corpus)
        let proposalId = try proposalId(&editor, corpus)
        let coded = try editResult { () throws(EditError) in
            let result = try editor.code(located, stakeholder: stakeholderId, proposal: proposalId, stance: stance,
                                         summary: summary ?? "", date: when, reportedBy: reportedBy)
            if case .newPosition = result, (summary ?? "").isEmpty {
                throw EditError(.invalidChange, "a new position needs --summary (one line in your words)")
            }
            try editor.save()
            return result
        }
        switch coded {
        case .newPosition(let id): print("coded \(doc.id) \(range.lowerBound)–\(range.upperBound) as a new position \(id) (\(stance.rawValue))")
        case .quoteAdded(let id): print("added the quote \(doc.id) \(range.lowerBound)–\(range.upperBound) to position \(id) (its stance and summary are unchanged)")
        }
    }

    private func locate(in doc: Document) throws -> Range<Int> {
        var hits = QuoteLocator.exact(quote, in: doc.text)
        if hits.isEmpty { hits = QuoteLocator.normalised(quote, in: doc.text) }
        guard !hits.isEmpty else {
            printError("carereview: the quote does not occur in document '\(doc.id)' (even with whitespace and quote marks normalised); nothing was written")
            throw ExitCode(1)
        }
        if let occurrence {
            guard (1...hits.count).contains(occurrence) else {
                throw ValidationError("--occurrence \(occurrence): the quote occurs \(hits.count) time\(hits.count == 1 ? "" : "s")")
            }
            return hits[occurrence - 1]
        }
        guard hits.count == 1 else {
            let list = hits.enumerated().map { i, r in
                let before = QuoteLocator.slice(doc.text, max(0, r.lowerBound - 30)..<r.lowerBound)
                return "  --occurrence \(i + 1): \(r.lowerBound)–\(r.upperBound)  …\(PlainText.safe(before))[quote]…"
            }
            throw ValidationError("the quote occurs \(hits.count) times in '\(doc.id)'; choose one:\n" + list.joined(separator: "\n"))
        }
        return hits[0]
    }

    private func stakeholderId(_ editor: inout DatasetEditor, _ corpus: Corpus) throws -> String {
        if let name = newStakeholder {
            guard let kind else { throw ValidationError("--new-stakeholder needs --kind (\(StakeholderKind.allCases.map(\.rawValue).joined(separator: ", ")))") }
            guard let description else { throw ValidationError("--new-stakeholder needs --description") }
            try editResult { () throws(EditError) in
                try editor.add(Stakeholder(id: stakeholder, name: name, aliases: [], kind: kind, description: description))
            }
            return stakeholder
        }
        return try resolveStakeholder(stakeholder, in: corpus).id
    }

    private func proposalId(_ editor: inout DatasetEditor, _ corpus: Corpus) throws -> String {
        if let title = newProposal {
            guard let n = chapter, let theme = Theme(rawValue: n) else { throw ValidationError("--new-proposal needs --chapter 1 to 9") }
            guard let summary = proposalSummary else { throw ValidationError("--new-proposal needs --proposal-summary") }
            guard let stage else { throw ValidationError("--new-proposal needs --stage") }
            try editResult { () throws(EditError) in
                try editor.add(Proposal(id: proposal, title: title, aliases: [], summary: summary, stage: stage, theme: theme, reviewWords: []))
            }
            return proposal
        }
        return try resolveProposal(proposal, in: corpus).id
    }
}

struct ReanchorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reanchor",
        abstract: "Find every quote again after a document's text was corrected.",
        discussion: """
        Each quote is looked for exactly (nearest its old place), then with
        whitespace and quote marks normalised, then approximately with a score
        (the quote's text then becomes the document's words there). Each is
        reported as unchanged, moved, ambiguous or lost. Nothing is written
        while any quote is lost, unless --force (lost quotes are then left as
        they were, for 'carereview validate' to point at).
        Examples:
          carereview reanchor my-corpus
          carereview reanchor my-corpus --dry-run
        """)

    @Argument(help: ArgumentHelp("The dataset directory.", valueName: "DIR")) var directory: String
    @Flag(help: "Write even if some quotes are lost.") var force = false
    @Flag(help: "Report only; write nothing.") var dryRun = false

    func run() throws {
        // The texts may no longer match the quotes, so the dataset is read
        // without quote checks first, then re-anchored and validated whole.
        var editor: DatasetEditor
        do { editor = try DatasetEditor(directory: directory, checkingQuotes: false) } catch {
            printError("carereview: \(error.description)")
            throw ExitCode(1)
        }
        let r = Reanchor(editor.contents)
        var counts: [String: Int] = [:]
        for item in r.items {
            let q = item.old
            switch item.outcome {
            case .unchanged: counts["unchanged", default: 0] += 1
            case .moved(let from, let to, let how):
                counts["moved", default: 0] += 1
                let method = switch how { case .exact: "exact"; case .normalised: "whitespace and quote marks normalised"; case .approximate(let s): String(format: "approximate, score %.2f; text now “%@”", s, PlainText.safe(item.new.text)) }
                print("moved      \(item.owner)  \(q.document) \(from.lowerBound)–\(from.upperBound) → \(to.lowerBound)–\(to.upperBound)  (\(method))")
            case .ambiguous(let chosen, let candidates):
                counts["ambiguous", default: 0] += 1
                print("ambiguous  \(item.owner)  \(q.document): \(candidates.count) places (\(candidates.map { "\($0.lowerBound)" }.joined(separator: ", "))); using \(chosen.lowerBound)–\(chosen.upperBound), nearest the old one")
            case .lost:
                counts["lost", default: 0] += 1
                print("lost       \(item.owner)  \(q.document) \(q.start)–\(q.end)  “\(PlainText.safe(String(q.text.prefix(70))))”")
            }
        }
        print(["unchanged", "moved", "ambiguous", "lost"].map { "\(counts[$0, default: 0]) \($0)" }.joined(separator: ", "))
        if dryRun { return }
        if !r.lost.isEmpty && !force {
            printError("carereview: \(r.lost.count) quote\(r.lost.count == 1 ? " is" : "s are") lost; nothing was written (fix the quote\(r.lost.count == 1 ? "" : "s") or the text, or use --force)")
            throw ExitCode(1)
        }
        do {
            editor.apply(r)
            let written = try editor.save(validating: r.lost.isEmpty)
            print(written.isEmpty ? "nothing to write" : "wrote \(written.joined(separator: ", "))")
        } catch {
            printError("carereview: \(error.description)")
            throw ExitCode(1)
        }
    }
}

// MARK: - Shared

func requireEmptyDirectory(_ path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
    guard isDirectory.boolValue else { throw ValidationError("\(path) exists and is not a directory") }
    if !((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).isEmpty {
        throw ValidationError("\(path) is not empty; choose a new directory")
    }
}

func openEditor(_ directory: String) throws -> DatasetEditor {
    do { return try DatasetEditor(directory: directory) } catch {
        printError("carereview: \(error.description)")
        throw ExitCode(1)
    }
}

/// Runs a change; an edit error is printed and ends the command with status 1, nothing written.
@discardableResult
func editResult<T>(_ body: () throws(EditError) -> T) throws -> T {
    do { return try body() } catch {
        printError("carereview: \(error.description)")
        throw ExitCode(1)
    }
}

// Stance, StakeholderKind and Stage are ExpressibleByArgument in ArgumentValues.swift.

private extension String {
    init?(validatingUTF8Bytes data: Data) {
        guard let s = String(data: data, encoding: .utf8) else { return nil }
        self = s
    }
}
