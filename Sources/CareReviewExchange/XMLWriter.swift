/// A small, deterministic XML writer: elements with attributes in the order
/// given, two-space indentation, and escaping that survives a parser's
/// normalisation (tabs, newlines and carriage returns in attributes, and
/// carriage returns in text, become character references).
struct XMLWriter {
    private(set) var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var open: [String] = []

    /// Text XML 1.0 cannot carry at all, even escaped.
    struct InvalidCharacter: Error { let text: String }

    static func checkCharacters(_ s: String) throws(InvalidCharacter) {
        for u in s.unicodeScalars {
            switch u.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: continue
            default: throw InvalidCharacter(text: s)
            }
        }
    }

    private var indent: String { String(repeating: "  ", count: open.count) }

    private static func attributes(_ attrs: [(String, String?)]) throws(InvalidCharacter) -> String {
        var s = ""
        for (name, value) in attrs {
            guard let value else { continue }
            try checkCharacters(value)
            s += " \(name)=\"\(escape(value, attribute: true))\""
        }
        return s
    }

    /// `<name a="…">` and descends into it.
    mutating func start(_ name: String, _ attrs: [(String, String?)] = []) throws(InvalidCharacter) {
        output += "\(indent)<\(name)\(try XMLWriter.attributes(attrs))>\n"
        open.append(name)
    }

    mutating func end() {
        let name = open.removeLast()
        output += "\(indent)</\(name)>\n"
    }

    /// `<name a="…"/>`
    mutating func empty(_ name: String, _ attrs: [(String, String?)]) throws(InvalidCharacter) {
        output += "\(indent)<\(name)\(try XMLWriter.attributes(attrs))/>\n"
    }

    /// `<name>text</name>` (text kept exactly, including leading/trailing spaces).
    mutating func text(_ name: String, _ value: String) throws(InvalidCharacter) {
        try XMLWriter.checkCharacters(value)
        output += "\(indent)<\(name)>\(XMLWriter.escape(value, attribute: false))</\(name)>\n"
    }

    static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\r": out += "&#13;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
}
