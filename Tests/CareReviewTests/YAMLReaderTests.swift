import Foundation
import Testing
import Yams
@testable import CareReview

/// The loader's YAML reader (libyaml events, one pass) against a whole-file
/// reference parse (Yams compose), on YAML that a chunked or line-based
/// reader gets wrong: anchors and aliases across entries, multi-line quoted
/// scalars with "- " at column 0, block scalars, flow style, CRLF, a BOM,
/// multibyte characters before a node. Both must give the same entries,
/// with the same text, style and line:column for every node.
@Suite struct YAMLReaderTests {
    static let tricky: [String] = [
        "- &a {x: 1, y: two}\n- id: b\n  ref: *a\n- *a\n",
        "- id: one\n  text: \"first line\n- second line at column 0\n  third\"\n- id: two\n",
        "- id: one\n  text: 'single\n- quoted\n\n  with a blank line'\n- id: two\n",
        "- id: one\n  text: |\n    - not an entry\n    still text\n  after: >\n    folded\n    - lines\n- id: two\n",
        "- id: one\r\n  list: [a, b, \"c d\"]\r\n  map: {k: v, \"q\": 'w'}\r\n- id: two\r\n",
        "\u{FEFF}- id: bom\n  text: after a byte order mark\n",
        "# comment\n---\n- id: explicit\n  n: !!str 12\n...\n",
        "- {é: ü, ключ: \"значение\", k: v}\n- id: \"ü\"\n  text: \"ñ \\u00e9 \\t tab\"\n",
        "- id: empty\n  a:\n  b: ~\n  c: null\n  d: ''\n  e: \"\"\n",
        "- &x one\n- &x two\n- *x\n- [*x, &y three, *y]\n",
        "- &q\n  document: alpha\n  start: 1\n  end: 2\n- quotes: [*q, *q]\n- quotes:\n    - *q\n",
        "-   id: deep\n    nested:\n      - - a\n        - b\n      - {c: [d, {e: f}]}\n",
        "[]\n",
        "- a\n-\n- - b\n",
    ]

    @Test(arguments: tricky.indices)
    func readerAgreesWithWholeFileParse(_ i: Int) throws {
        let yaml = Self.tricky[i]
        #expect(try ours(yaml) == reference(yaml))
    }

    /// Structure-aware random YAML: entries mixing anchors, aliases (to
    /// earlier entries too), quoted multi-line scalars, block scalars and flow style.
    @Test func randomEntriesAgree() throws {
        var rng = SplitMix(seed: 20221)
        var parsed = 0
        for _ in 0..<400 {
            var generator = RandomYAML(rng: &rng)
            let yaml = generator.document()
            let reference = try? reference(yaml)
            let mine = try? ours(yaml)
            #expect(mine == reference, "\(yaml)")
            if mine != nil { parsed += 1 }
        }
        #expect(parsed >= 360, "the generator should write valid YAML")
    }

    @Test func emptyFileIsAnEmptyList() throws {
        #expect(try ours("") == [])
        #expect(try ours("# only a comment\n") == [])
    }

    @Test func errorsAreLocated() {
        #expect(failure("- a: [b\n- c\n")?.message.hasPrefix("invalid YAML") == true)
        #expect(failure("- *nowhere\n").map { "\($0.line):\($0.column): \($0.message)" } == "1:3: invalid YAML: found undefined alias 'nowhere'")
        #expect(failure("a: b\n").map { "\($0.line):\($0.column): \($0.message)" } == "1:1: expected a list of entries (lines starting with '- ')")
        #expect(failure("- a\n---\n- b\n").map { "\($0.line):\($0.column)" } == "2:1")
        #expect(failure("- a\n- \u{7}\n")?.message.hasPrefix("cannot read YAML") == true)
    }

    // MARK: - Canonical forms

    /// Each entry as text: kind, line:column, plain or quoted, value; children nested.
    private func ours(_ yaml: String) throws -> [String] {
        var out: [String] = []
        let outcome = Array(yaml.utf8).withUnsafeBufferPointer { buffer in
            YAMLEventReader.read(buffer) { tree, id in out.append(canonical(tree, id)) }
        }
        if case .failed(let line, let column, let message) = outcome { throw ReadFailure(line: line, column: column, message: message) }
        return out
    }

    private func failure(_ yaml: String) -> ReadFailure? {
        do { _ = try ours(yaml); return nil } catch { return error as? ReadFailure }
    }

    struct ReadFailure: Error { let line: Int, column: Int, message: String }

    private func canonical(_ tree: YAMLTree, _ id: Int32) -> String {
        let n = tree[id]
        let at = "\(n.line):\(n.column)"
        switch n.kind {
        case .scalar: return "S\(at)\(n.plain ? "p" : "q")\(n.scalar.debugDescription)"
        case .sequence: return "Q\(at)[" + tree.items(id).map { canonical(tree, $0) }.joined(separator: ",") + "]"
        case .mapping: return "M\(at){" + tree.items(id).map { canonical(tree, $0) }.joined(separator: ",") + "}"
        }
    }

    /// Yams compose over the whole file. Yams tells libyaml the encoding,
    /// which then takes a byte order mark for content (the misleading error
    /// the old loader gave), so the reference is given the text without it:
    /// a BOM is not content, and YAML allows one at the start of a stream.
    private func reference(_ yaml: String) throws -> [String] {
        let text = yaml.hasPrefix("\u{FEFF}") ? String(yaml.dropFirst()) : yaml
        guard let root = try Yams.compose(yaml: text, Resolver.basic.removing(.null)) else { return [] }
        guard case .sequence(let seq) = root else { throw ReadFailure(line: 0, column: 0, message: "not a list") }
        return seq.map(canonical)
    }

    private func canonical(_ node: Node) -> String {
        let at = node.mark.map { "\($0.line):\($0.column)" } ?? "?"
        switch node {
        case .scalar(let s): return "S\(at)\(s.style == .plain ? "p" : "q")\(s.string.debugDescription)"
        case .sequence(let q): return "Q\(at)[" + q.map(canonical).joined(separator: ",") + "]"
        case .mapping(let m): return "M\(at){" + m.flatMap { [canonical($0.key), canonical($0.value)] }.joined(separator: ",") + "}"
        case .alias: return "A\(at)"
        }
    }
}

/// A small deterministic generator (tests must reproduce).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random entry lists in the shape of the dataset files, with the YAML
/// features that broke the old chunked reader.
struct RandomYAML {
    var rng: SplitMix
    private var anchors: [String] = []
    private var counter = 0

    init(rng: inout SplitMix) {
        self.rng = SplitMix(seed: rng.next())
    }

    mutating func document() -> String {
        let newline = Bool.random(using: &rng) ? "\n" : "\r\n"
        var out = Int.random(in: 0..<4, using: &rng) == 0 ? "\u{FEFF}" : ""
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            out += entry()
        }
        return out.replacingOccurrences(of: "\n", with: newline)
    }

    private mutating func entry() -> String {
        if !anchors.isEmpty && Int.random(in: 0..<6, using: &rng) == 0 { return "- *\(anchors.randomElement(using: &rng)!)\n" }
        var out = "- "
        if Int.random(in: 0..<4, using: &rng) == 0 { out += "&\(newAnchor())\n  " }
        let keys = ["id", "text", "summary", "quotes", "aliases", "date"].shuffled(using: &rng).prefix(Int.random(in: 1...5, using: &rng))
        for (i, key) in keys.enumerated() {
            if i > 0 { out += "  " }
            out += "\(key):" + value(indent: 2) + "\n"
        }
        return out
    }

    private mutating func newAnchor() -> String {
        counter += 1
        let name = "a\(counter)"
        return name
    }

    /// A value after "key:", at the given indentation of its mapping.
    private mutating func value(indent: Int) -> String {
        let pad = String(repeating: " ", count: indent)
        switch Int.random(in: 0..<9, using: &rng) {
        case 0: return " " + plainWord()
        case 1: return " \"" + words() + "\n- \(plainWord()) at column 0\n" + pad + "  end\""
        case 2: return " '" + words() + "\n\n" + pad + "  it''s - more'"
        case 3: return " |\n" + pad + "  - literal \(plainWord())\n" + pad + "  second"
        case 4: return " [\(plainWord()), \"\(words())\", {k: \(plainWord())}]"
        case 5:
            if let a = anchors.randomElement(using: &rng) { return " *\(a)" }
            return " ~"
        case 6:
            let name = newAnchor()
            let v = " &\(name) \"\(words())\""
            anchors.append(name)
            return v
        case 7:
            var out = ""
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                out += "\n" + pad + "  - document: \(plainWord())\n" + pad + "    start: \(Int.random(in: 0...99, using: &rng))"
            }
            return out
        default:
            let name = newAnchor()
            let out = " &\(name)\n" + pad + "  - \(plainWord())\n" + pad + "  - \"é \(words())\""
            anchors.append(name)
            return out
        }
    }

    private mutating func plainWord() -> String {
        ["alpha", "beta", "ü-word", "x1", "kinship", "care.plan", "RCC"].randomElement(using: &rng)!
    }

    private mutating func words() -> String {
        (0..<Int.random(in: 1...4, using: &rng)).map { _ in ["a", "step", "too", "far", "“quoted”", "- dash", "#hash"].randomElement(using: &rng)! }.joined(separator: " ")
    }
}
