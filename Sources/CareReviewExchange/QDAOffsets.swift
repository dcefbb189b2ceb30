import CareReview

/// A source's text as tools store it, and the ways tools count offsets
/// into it. We keep texts without a byte-order mark and with LF line
/// endings, offsets in Unicode scalars; a project may count UTF-16 code
/// units (NVivo) or UTF-8 bytes, and count CRLF (and a BOM) as stored.
struct QDASourceText {
    /// The text as we keep it.
    let text: String
    let scalars: [Unicode.Scalar]
    let hadBOM: Bool
    let hadCRLF: Bool
    /// The text as stored (BOM and CRLF kept), for the other ways of counting.
    private let stored: [Unicode.Scalar]

    init(stored raw: String) {
        var s = Array(raw.unicodeScalars)
        stored = s
        hadBOM = s.first == "\u{FEFF}"
        if hadBOM { s.removeFirst() }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var crlf = false
        for (i, u) in s.enumerated() {
            if u == "\r", i + 1 < s.count, s[i + 1] == "\n" { crlf = true; continue }
            out.append(u)
        }
        hadCRLF = crlf
        scalars = out
        text = String(String.UnicodeScalarView(out))
    }

    /// One way of counting offsets.
    struct Unit: Hashable, CustomStringConvertible {
        enum Count: String { case scalars = "Unicode scalars", utf16 = "UTF-16 code units", utf8 = "UTF-8 bytes" }
        let count: Count
        let crlfAsTwo: Bool
        let bomCounted: Bool

        static let ours = Unit(count: .scalars, crlfAsTwo: false, bomCounted: false)

        var description: String {
            var s = count.rawValue
            if crlfAsTwo { s += ", CRLF counted as two" }
            if bomCounted { s += ", the byte-order mark counted" }
            return s
        }
    }

    /// Ours first, then the others this text can tell apart.
    var units: [Unit] {
        var out: [Unit] = []
        for count in [Unit.Count.scalars, .utf16, .utf8] {
            for crlf in hadCRLF ? [false, true] : [false] {
                for bom in hadBOM ? [false, true] : [false] { out.append(Unit(count: count, crlfAsTwo: crlf, bomCounted: bom)) }
            }
        }
        return out
    }

    private var tables: [Unit: [Int]] = [:]

    /// Offsets counted in `unit`, as offsets into `scalars`; nil where an
    /// offset is past the end or inside a character.
    mutating func convert(_ start: Int, _ end: Int, _ unit: Unit) -> (Int, Int)? {
        if unit == .ours { return end <= scalars.count ? (start, end) : nil }
        if tables[unit] == nil { tables[unit] = table(unit) }
        let t = tables[unit]!
        guard end < t.count, t[start] >= 0, t[end] >= 0 else { return nil }
        return (t[start], t[end])
    }

    /// For every offset in `unit`, the scalar offset in our text (-1 inside a character).
    private func table(_ unit: Unit) -> [Int] {
        var t: [Int] = [0]
        var ours = 0
        for (i, u) in stored.enumerated() {
            let dropped = (i == 0 && hadBOM) || (u == "\r" && i + 1 < stored.count && stored[i + 1] == "\n")
            let counted = dropped ? (u == "\r" ? unit.crlfAsTwo : unit.bomCounted) : true
            if !dropped { ours += 1 }
            guard counted else { continue }
            let width: Int
            switch unit.count {
            case .scalars: width = 1
            case .utf16: width = u.utf16.count
            case .utf8: width = u.utf8.count
            }
            for _ in 1..<width { t.append(-1) }
            t.append(ours)
        }
        return t
    }

    /// Whether the text at `start..<end` is the selection's name, up to
    /// whitespace, quote marks and line endings; a name ending in an
    /// ellipsis need only begin the text.
    func agrees(_ start: Int, _ end: Int, name: String) -> Bool {
        let slice = QuoteAnchor.normalize(scalars[start..<end])
        var n = QuoteAnchor.normalize(name.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars)
        for ellipsis in ["…", "..."] where n.count > 0 && String(String.UnicodeScalarView(n)).hasSuffix(ellipsis) {
            n.removeLast(ellipsis.unicodeScalars.count)
            while n.last.map({ $0.properties.isWhitespace }) == true { n.removeLast() }
            return !n.isEmpty && slice.starts(with: n)
        }
        return slice == n
    }
}
