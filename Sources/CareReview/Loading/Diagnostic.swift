/// One problem found in the data, located as `FILE:LINE:COLUMN: message`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible, Comparable {
    public let file: String
    public let line: Int
    public let column: Int
    public let message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.file, a.line, a.column, a.message) < (b.file, b.line, b.column, b.message)
    }
}

/// Loading refused the corpus. The first `shownLimit` problems are kept, in
/// file order, and the rest counted: one mistake repeated through a large
/// file must not bury the terminal (or the memory) in copies of itself.
public struct CorpusLoadError: Error, Sendable, CustomStringConvertible {
    public static let shownLimit = 100
    /// The first problems, in file order, each once.
    public let diagnostics: [Diagnostic]
    /// How many distinct problems there were in all.
    public let total: Int
    public var omitted: Int { total - diagnostics.count }

    public init(_ diagnostics: [Diagnostic]) {
        let all = Diagnostic.distinctSorted(diagnostics)
        total = all.count
        self.diagnostics = Array(all.prefix(Self.shownLimit))
    }

    public var description: String {
        let lines = diagnostics.map(\.description).joined(separator: "\n")
        return omitted == 0 ? lines : lines + "\n… and \(Diagnostic.grouped(omitted)) more"
    }
}

extension Diagnostic {
    /// In file order, identical ones (a node repeated through aliases) once.
    static func distinctSorted(_ items: [Diagnostic]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        out.reserveCapacity(items.count)
        for d in items.sorted() where out.last != d { out.append(d) }
        return out
    }

    /// 89990 → "89,990".
    static func grouped(_ n: Int) -> String {
        var digits = String(n)
        var i = digits.count - 3
        while i > 0 { digits.insert(",", at: digits.index(digits.startIndex, offsetBy: i)); i -= 3 }
        return digits
    }
}

/// Where a value came from, for diagnostics.
public struct SourceLocation: Sendable, Hashable {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file; self.line = line; self.column = column
    }

    func diagnostic(_ message: String) -> Diagnostic {
        Diagnostic(file: file, line: line, column: column, message: message)
    }
}
