internal import Yams

/// Parsing one YAML file in pieces on several cores. Our files are a block
/// sequence at column 0 ("- id: …" entries), so the text between two lines
/// starting with "- " is one whole entry; a run of entries parses on its
/// own, and its marks only need the run's first line added back.
struct YAMLChunk {
    let text: String
    let lineOffset: Int   // lines before this chunk in the file
}

enum YAMLChunks {
    /// About `count` chunks of whole entries; nil when the file is not a
    /// plain column-0 block sequence (then it is parsed whole).
    static func split(_ text: String, into count: Int) -> [YAMLChunk]? {
        let bytes = Array(text.utf8)
        var entryStarts: [(byte: Int, line: Int)] = []
        var line = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "-") && (i + 1 == bytes.count || bytes[i + 1] == UInt8(ascii: " ") || bytes[i + 1] == UInt8(ascii: "\n")) {
                if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "-") { return nil }   // "---" document marker
                entryStarts.append((i, line))
            } else if b != UInt8(ascii: " ") && b != UInt8(ascii: "\n") && b != UInt8(ascii: "#") && b != UInt8(ascii: "\r") {
                return nil   // other content at column 0: not the simple shape
            }
            // To the next line.
            while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
            i += 1
            line += 1
        }
        guard entryStarts.count >= 2 * count, count > 1 else { return nil }
        let perChunk = (entryStarts.count + count - 1) / count
        var chunks: [YAMLChunk] = []
        var k = 0
        while k < entryStarts.count {
            let from = k == 0 ? 0 : entryStarts[k].byte
            let next = k + perChunk
            let to = next < entryStarts.count ? entryStarts[next].byte : bytes.count
            chunks.append(YAMLChunk(text: String(decoding: bytes[from..<to], as: UTF8.self),
                                    lineOffset: k == 0 ? 0 : entryStarts[k].line))
            k = next
        }
        return chunks
    }

    enum Parsed {
        case entries([Node])
        case failed(Diagnostic)
    }

    /// The entries of a chunk (or a whole file), or the problem that stopped parsing.
    static func parse(_ text: String, file: String, lineOffset: Int = 0) -> Parsed {
        let root: Node?
        do {
            // No tag resolution (we read raw strings; the regex resolvers are slow), and
            // objects of its own per chunk: every node retains them, and sharing
            // them across threads makes reference counting contend.
            root = try Yams.compose(yaml: text, Resolver.basic.removing(.null), Constructor(Constructor.defaultScalarMap))
        } catch let error as YamlError {
            return .failed(diagnostic(error, file: file, lineOffset: lineOffset))
        } catch {
            return .failed(Diagnostic(file: file, line: 1, column: 1, message: "cannot parse YAML: \(error)"))
        }
        guard let root else { return .entries([]) }   // an empty file is an empty list
        guard case .sequence(let seq) = root else {
            let at = YAMLContext(file: file, lineOffset: lineOffset).location(of: root)
            return .failed(at.diagnostic("expected a list of entries (lines starting with '- ')"))
        }
        return .entries(Array(seq))
    }

    private static func diagnostic(_ error: YamlError, file: String, lineOffset: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) \($0.text)" } ?? problem
            return Diagnostic(file: file, line: mark.line + lineOffset, column: mark.column, message: "invalid YAML: \(detail)")
        case .reader(let problem, _, _, _):
            return Diagnostic(file: file, line: 1, column: 1, message: "cannot read YAML: \(problem)")
        default:
            return Diagnostic(file: file, line: 1, column: 1, message: "invalid YAML: \(error)")
        }
    }
}

/// The file a node came from and where its chunk began, for locations.
struct YAMLContext {
    let file: String
    let lineOffset: Int

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
    }
}
