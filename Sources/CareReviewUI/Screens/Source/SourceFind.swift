import CareReview
import Foundation

/// `/` inside the source reader: find words within the article (case and
/// accents ignored); every match is highlighted, n and N step through them.
extension KeyBindings {
    static let sourceReaderKeys: [KeyBinding] = [
        .init(keys: [.char("/")], command: .startFind, context: .sourceReader, help: "find in this article"),
        .init(keys: [.char("n")], command: .findNext, context: .sourceReader, help: "next match in the article"),
        .init(keys: [.char("N")], command: .findPrevious, context: .sourceReader, help: "previous match in the article"),
    ]
    static let findInputKeys: [KeyBinding] = [
        .init(keys: [.enter], command: .lineSubmit, context: .findInput, help: "keep the matches (n/N step)"),
        .init(keys: [.escape, .ctrl("c")], command: .lineCancel, context: .findInput, help: "stop finding"),
    ]
}

extension State {
    mutating func startFind() {
        guard case .source = current.screen else { return }
        mode = .findInput
        line = LineEditor()
    }

    /// Each edit of the find line: the matches, and the first at or after the top of the view.
    mutating func findChanged() {
        guard case .source(let doc) = current.screen, let d = corpus.document(doc) else { return }
        let ranges = Self.matches(of: line.text, in: d.text)
        current.marks = ranges
        current.quote = -1
        let top = current.tops[0]
        current.markFocus = ranges.firstIndex { $0.lowerBound >= max(0, top) } ?? 0
        if !ranges.isEmpty { current.tops[0] = -1 }
        message = line.text.trimmingSpaces.isEmpty ? nil
            : Message(text: ranges.isEmpty ? "Not in this article" : "\(ranges.count) match\(ranges.count == 1 ? "" : "es") in the article", isError: false)
    }

    mutating func stepFind(by delta: Int) {
        let n = current.marks.count
        guard n > 0 else { return message = Message(text: "Nothing found here (/ finds in the article)", isError: false) }
        let i = ((current.markFocus ?? 0) + delta % n + n) % n
        current.markFocus = i
        current.tops[0] = -1
        message = Message(text: "Match \(i + 1)/\(n)", isError: false)
    }

    /// Scalar ranges of `query` in `text`, case and accents ignored.
    static func matches(of query: String, in text: String) -> [Range<Int>] {
        let q = query.trimmingSpaces
        guard !q.isEmpty else { return [] }
        var out: [Range<Int>] = []
        var from = text.startIndex, offset = 0, counted = text.startIndex
        while let r = text.range(of: q, options: [.caseInsensitive, .diacriticInsensitive], range: from..<text.endIndex) {
            offset += text.unicodeScalars.distance(from: counted, to: r.lowerBound)
            let length = text.unicodeScalars.distance(from: r.lowerBound, to: r.upperBound)
            out.append(offset..<(offset + length))
            offset += length
            counted = r.upperBound
            from = r.upperBound
            if out.count >= 1000 { break }
        }
        return out
    }
}
