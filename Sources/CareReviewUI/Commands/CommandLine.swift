import CareReview

/// The `:` commands: names, usage for help and errors, and completion.
public enum CommandLineCommands {
    public static let all: [(name: String, usage: String)] = [
        ("proposal", "proposal NAME — open a proposal (id, alias, acronym…)"),
        ("stakeholder", "stakeholder NAME — open a stakeholder"),
        ("stakeholders", "stakeholders — the index of stakeholders"),
        ("search", "search WORDS — search everything"),
        ("matrix", "matrix — the stance matrix, proposals by stakeholders"),
        ("compare", "compare NAME NAME — two stakeholders side by side"),
        ("export", "export markdown|csv|json FILE — export the positions in view"),
        ("export brief", "export brief FILE — a Markdown brief of the marked positions"),
        ("theme", "theme default|light|high-contrast|mono (remembered)"),
        ("sort", "sort theme|positions|divided"),
        ("clear", "clear — clear all filters"),
        ("help", "help — the key table"),
        ("messages", "messages — the messages shown so far"),
        ("quit", "quit"),
    ]
    static var names: [String] { all.map(\.name).filter { !$0.contains(" ") } }

    /// A command name from what was typed: exact, `q`, or a unique prefix.
    static func resolve(_ word: String) -> Result<String, CommandLineError> {
        let w = word.lowercased()
        if names.contains(w) { return .success(w) }
        if w == "q" || w == "q!" { return .success("quit") }
        let hits = names.filter { $0.hasPrefix(w) }
        if hits.count == 1 { return .success(hits[0]) }
        // "stak": stakeholder, not stakeholders — the shortest when it prefixes the rest.
        if let shortest = hits.min(by: { $0.count < $1.count }), hits.allSatisfy({ $0.hasPrefix(shortest) }) { return .success(shortest) }
        if hits.isEmpty {
            // The same "did you mean" as the command line's subcommands.
            let hint = DidYouMean(names).sentence(for: w).map { "; " + $0 } ?? "; commands: " + names.joined(separator: ", ")
            return .failure(.init(message: "Unknown command “\(word)”" + hint))
        }
        return .failure(.init(message: "“\(word)” is ambiguous; did you mean " + hits.joined(separator: ", ") + "?"))
    }
}

public struct CommandLineError: Error, Hashable, Sendable { public let message: String }

/// A `:` command, parsed once from what was typed; running it is a switch
/// over these cases, so a misspelt name cannot reach the reducer.
public enum LineCommand: Hashable, Sendable {
    case proposal(String)
    case stakeholder(String)
    case stakeholders
    case search(String)
    case matrix
    case compare(String)
    case export(ExportFormat, path: String)
    case exportBrief(path: String)
    case theme(ThemeName)
    case sort(ProposalOrder)
    case clear
    case help
    case messages
    case quit

    /// Parses a command line (without the `:`): the name (exact, `q`, or a
    /// unique prefix), then its argument, checked here.
    public static func parse(_ text: String) -> Result<LineCommand, CommandLineError> {
        let (word, arg) = State.splitFirstWord(text)
        let name: String
        switch CommandLineCommands.resolve(word) {
        case .success(let n): name = n
        case .failure(let e): return .failure(e)
        }
        func usage(_ u: String) -> Result<LineCommand, CommandLineError> { .failure(.init(message: "Usage: :" + u)) }
        switch name {
        case "proposal": return arg.isEmpty ? usage("proposal NAME") : .success(.proposal(arg))
        case "stakeholder": return arg.isEmpty ? .success(.stakeholders) : .success(.stakeholder(arg))
        case "stakeholders": return .success(.stakeholders)
        case "search": return .success(.search(arg))
        case "matrix": return .success(.matrix)
        case "compare": return .success(.compare(arg))
        case "export":
            let (fmt, path) = State.splitFirstWord(arg)
            if fmt.lowercased() == "brief" {
                return path.isEmpty ? usage("export brief FILE") : .success(.exportBrief(path: path))
            }
            let format = fmt.lowercased() == "md" ? ExportFormat.markdown : ExportFormat(rawValue: fmt.lowercased())
            guard let format, !path.isEmpty else { return usage("export markdown|csv|json|brief FILE") }
            return .success(.export(format, path: path))
        case "theme":
            guard let t = State.uniquePrefix(arg, ThemeName.allCases.map(\.rawValue)).flatMap(ThemeName.init(rawValue:)) else {
                return .failure(.init(message: "Themes: " + ThemeName.allCases.map(\.rawValue).joined(separator: ", ")))
            }
            return .success(.theme(t))
        case "sort":
            guard let o = State.uniquePrefix(arg, ProposalOrder.allCases.map(\.rawValue)).flatMap(ProposalOrder.init(rawValue:)) else {
                return .failure(.init(message: "Sort by: theme, positions, divided"))
            }
            return .success(.sort(o))
        case "clear": return .success(.clear)
        case "help": return .success(.help)
        case "messages": return .success(.messages)
        default: return .success(.quit)
        }
    }
}

extension State {
    /// Runs a command line (without the leading `:`).
    mutating func runCommandLine(_ text: String) {
        guard !text.trimmingSpaces.isEmpty else { return }
        switch LineCommand.parse(text) {
        case .success(let command): run(command)
        case .failure(let e): error(e.message)
        }
    }

    mutating func run(_ command: LineCommand) {
        switch command {
        case .proposal(let arg):
            guard let id = resolveName(arg, proposalResolver, "proposal") else { return }
            if presenter != nil { present(id) } else { openProposal(id, stakeholder: nil) }
        case .stakeholder(let arg):
            if let id = resolveName(arg, stakeholderResolver, "stakeholder") { push(Location(screen: .stakeholder(id))) }
        case .stakeholders: openStakeholderIndex()
        case .search(let arg):
            guard !arg.isEmpty else { return startSearch() }
            showSearch(arg)
        case .export(let format, let path): export(format, path)
        case .exportBrief(let path): exportBrief(path)
        case .matrix: openMatrix()
        case .compare(let arg): runCompare(arg)
        case .theme(let t): chooseTheme(t)
        case .sort(let o):
            sort = o
            message = Message(text: "Sorted by " + sortLabel, isError: false)
        case .clear: clearFilters()
        case .help: openHelp()
        case .messages: openMessageLog()
        case .quit: enqueue(.quit(session))
        }
    }

    private mutating func error(_ text: String) { message = Message(text: text, isError: true) }

    /// Resolves a name, or explains (ambiguity, near misses) in the message line.
    private mutating func resolveName(_ arg: String, _ resolver: NameResolver, _ kind: String) -> String? {
        switch resolver.resolve(arg) {
        case .found(let id): return id
        case .ambiguous(let ids):
            error("“\(arg)” matches several: did you mean \(ids.prefix(6).joined(separator: ", "))\(ids.count > 6 ? ", …" : "")?")
        case .notFound(let near):
            error("No \(kind) matches “\(arg)”" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"))
        }
        return nil
    }

    private mutating func export(_ format: ExportFormat, _ path: String) {
        var proposal: String?, stakeholder: String?
        switch current.screen {
        case .browse where current.focusedPane != .proposals: proposal = current.proposal
        case .stakeholder(let id): stakeholder = id
        default: break
        }
        let request = ExportRequest(format: format, path: path, proposal: proposal, stakeholder: stakeholder, filter: filter)
        enqueue(.export(request))
        message = Message(text: "Exporting \(request.scope(corpus)) as \(format.label) to \(path)…", isError: false)
    }

    static func splitFirstWord(_ text: String) -> (String, String) {
        let t = text.trimmingSpaces
        guard let space = t.firstIndex(where: \.isWhitespace) else { return (t, "") }
        return (String(t[..<space]), String(t[space...]).trimmingSpaces)
    }

    static func uniquePrefix(_ word: String, _ options: [String]) -> String? {
        let w = word.lowercased().trimmingSpaces
        if options.contains(w) { return w }
        let hits = options.filter { $0.hasPrefix(w) }
        return !w.isEmpty && hits.count == 1 ? hits[0] : nil
    }

    /// Tab: complete the word being typed; again: the next candidate.
    mutating func complete(forward: Bool) {
        if var c = line.completion, !c.candidates.isEmpty {
            let n = c.candidates.count
            c.index = ((c.index + (forward ? 1 : -1)) % n + n) % n
            line.set(c.prefix + c.candidates[c.index])
            line.completion = c
            return
        }
        let text = line.text
        let prefix: String
        let candidates: [String]
        if !text.contains(" ") {
            prefix = ""
            let hits = CommandLineCommands.names.filter { $0.hasPrefix(text.lowercased()) }
            // "stak": stakeholder (as the name resolves), not a choice with stakeholders.
            if case .success(let name) = CommandLineCommands.resolve(text), hits.count > 1, !text.isEmpty { candidates = [name] }
            else { candidates = hits }
        } else {
            let (word, arg) = Self.splitFirstWord(text)
            guard case .success(let name) = CommandLineCommands.resolve(word) else { return error("Unknown command “\(word)”") }
            prefix = name + " "
            if name == "compare" { return completeCompare(arg) }
            switch name {
            case "proposal": candidates = proposalResolver.completions(arg)
            case "stakeholder": candidates = stakeholderResolver.completions(arg)
            case "theme": candidates = ThemeName.allCases.map(\.rawValue).filter { $0.hasPrefix(arg.lowercased()) }
            case "sort": candidates = ProposalOrder.allCases.map(\.rawValue).filter { $0.hasPrefix(arg.lowercased()) }
            case "export" where !arg.contains(" "):
                candidates = (ExportFormat.allCases.map(\.rawValue) + ["brief"]).filter { $0.hasPrefix(arg.lowercased()) }
            default: candidates = []
            }
        }
        guard !candidates.isEmpty else { message = Message(text: "No completions", isError: false); return }
        let suffix = candidates.count == 1 && prefix.isEmpty ? " " : ""
        line.set(prefix + candidates[0] + suffix)
        if candidates.count > 1 {
            line.completion = .init(candidates: candidates, index: 0, prefix: prefix)
            message = Message(text: "\(candidates.count) matches: " + candidates.prefix(8).joined(separator: ", ")
                              + (candidates.count > 8 ? ", …" : ""), isError: false)
        }
    }

    /// Tab after `:compare`: completes the stakeholder name being typed.
    private mutating func completeCompare(_ arg: String) {
        let (prefix, candidates) = compareCompletions(arg)
        guard !candidates.isEmpty else { message = Message(text: "No completions", isError: false); return }
        // A unique first name gets a space, ready for the second.
        let suffix = candidates.count == 1 && prefix == "compare " ? " " : ""
        line.set(prefix + candidates[0] + suffix)
        if candidates.count > 1 {
            line.completion = .init(candidates: candidates, index: 0, prefix: prefix)
            message = Message(text: "\(candidates.count) matches: " + candidates.prefix(8).joined(separator: ", ")
                              + (candidates.count > 8 ? ", …" : ""), isError: false)
        }
    }
}
