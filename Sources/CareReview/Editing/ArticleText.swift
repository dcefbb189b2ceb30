/// An article's text made ready to be a document: one line-ending
/// convention (LF), no byte-order mark, no trailing whitespace on a line,
/// one final newline. Nothing else changes: Markdown stays as written.
public enum ArticleText {
    public static func normalise(_ raw: String) -> String {
        var text = raw
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var l = Substring(line)
            while let last = l.unicodeScalars.last, last.properties.isWhitespace { l = Substring(l.unicodeScalars.dropLast()) }
            return String(l)
        }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A document id from a title: its first words, lower case, joined by '-'.
    public static func slug(_ title: String, avoiding taken: Set<String>) -> String {
        let words = TextFolding.fold(title).split { !($0.isLetter || $0.isNumber) }.filter { $0.allSatisfy(\.isASCII) }
        var base = words.prefix(6).joined(separator: "-")
        if base.isEmpty || !(base.first?.isLetter ?? false) { base = "document" + (base.isEmpty ? "" : "-" + base) }
        var id = base, n = 2
        while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
        return id
    }
}
