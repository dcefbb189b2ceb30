internal import CYaml

/// The nodes of one YAML file, in a flat arena: value types indexed by
/// number, so building and reading them costs no reference counting (the
/// cost that dominated Yams's class-based node tree). Aliases are resolved
/// to the anchored node's number, so a node repeated through aliases is one
/// node, read (and checked) once.
final class YAMLTree {
    enum Kind: UInt8 { case scalar, sequence, mapping }

    struct Node {
        var kind: Kind
        /// A plain (unquoted) scalar: only these can mean null.
        var plain: Bool
        var line: Int32
        var column: Int32
        /// Children in `children`: items of a sequence; key, value pairs of a mapping.
        var first: Int32 = 0
        var count: Int32 = 0
        var scalar: String = ""
    }

    private(set) var nodes: [Node] = []
    private(set) var children: [Int32] = []

    subscript(_ id: Int32) -> Node { nodes[Int(id)] }

    /// The items of a sequence, or the keys and values (alternating) of a mapping.
    func items(_ id: Int32) -> ArraySlice<Int32> {
        let n = nodes[Int(id)]
        return children[Int(n.first)..<Int(n.first + n.count)]
    }

    fileprivate func add(_ node: Node) -> Int32 {
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    fileprivate func close(_ id: Int32, _ kids: ArraySlice<Int32>) {
        nodes[Int(id)].first = Int32(children.count)
        nodes[Int(id)].count = Int32(kids.count)
        children.append(contentsOf: kids)
    }

    /// Forgets every node from `mark` on (an entry already converted, holding no anchor).
    fileprivate func truncate(to mark: (nodes: Int, children: Int)) {
        nodes.removeSubrange(mark.nodes...)
        children.removeSubrange(mark.children...)
    }

    fileprivate var mark: (nodes: Int, children: Int) { (nodes.count, children.count) }
}

/// Reads a YAML file straight from libyaml's event stream (the C parser
/// Yams is built on) into a YAMLTree, handing over each entry of the
/// top-level list as soon as it is complete. One pass, one thread, the whole
/// file: anchors, aliases and multi-line scalars mean what YAML says they mean.
enum YAMLEventReader {
    enum Outcome {
        case done
        case failed(line: Int, column: Int, message: String)
    }

    /// Calls `entry` with each top-level list item. A file with no document
    /// is an empty list; any other non-list root is an error.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, entry: (YAMLTree, Int32) -> Void) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .failed(line: 1, column: 1, message: "cannot read YAML: out of memory") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_input_string(&parser, bytes.baseAddress ?? UnsafePointer(bitPattern: 1), bytes.count)
        // No encoding set: libyaml then reads (and skips) a byte order mark.

        let tree = YAMLTree()
        var anchors: [String: Int32] = [:]
        // Open containers: node id, where its children start in `pending`, its anchor.
        var open: [(id: Int32, start: Int, anchor: String?)] = []
        var pending: [Int32] = []
        var documents = 0
        var entryMark = tree.mark
        var entryHasAnchor = false

        func finished(_ id: Int32, anchor: String?) -> Outcome? {
            if let anchor { anchors[anchor] = id; entryHasAnchor = true }
            switch open.count {
            case 0:
                // The root itself: only a list is accepted.
                let n = tree[id]
                return .failed(line: Int(n.line), column: Int(n.column), message: "expected a list of entries (lines starting with '- ')")
            case 1:
                entry(tree, id)
                if !entryHasAnchor { tree.truncate(to: entryMark) }
                entryMark = tree.mark
                entryHasAnchor = false
            default:
                pending.append(id)
            }
            return nil
        }

        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return failure(parser, bytes) }
            defer { yaml_event_delete(&event) }
            let line = Int32(event.start_mark.line + 1), column = Int32(event.start_mark.column + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return .done
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    return .failed(line: Int(line), column: Int(column), message: "invalid YAML: expected a single document in the stream")
                }
            case YAML_SCALAR_EVENT:
                let s = event.data.scalar
                let text = s.length == 0 ? "" : String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                let id = tree.add(.init(kind: .scalar, plain: s.style == YAML_PLAIN_SCALAR_STYLE, line: line, column: column, scalar: text))
                if let failed = finished(id, anchor: s.anchor.map { String(cString: $0) }) { return failed }
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let target = anchors[name] else {
                    return .failed(line: Int(line), column: Int(column), message: "invalid YAML: found undefined alias '\(name)'")
                }
                if open.isEmpty { return .failed(line: Int(line), column: Int(column), message: "expected a list of entries (lines starting with '- ')") }
                if open.count == 1 { entry(tree, target) } else { pending.append(target) }
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let anchor = isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                let id = tree.add(.init(kind: isSequence ? .sequence : .mapping, plain: false, line: line, column: column))
                if open.isEmpty {
                    if !isSequence {
                        return .failed(line: Int(line), column: Int(column), message: "expected a list of entries (lines starting with '- ')")
                    }
                    entryMark = tree.mark
                }
                open.append((id, pending.count, anchor.map { String(cString: $0) }))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let top = open.removeLast()
                if open.isEmpty { continue }   // the root list: its entries were handed over one by one
                tree.close(top.id, pending[top.start...])
                pending.removeSubrange(top.start...)
                if let failed = finished(top.id, anchor: top.anchor) { return failed }
            default:
                break
            }
        }
    }

    private static func failure(_ parser: yaml_parser_t, _ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown error"
        if parser.error == YAML_READER_ERROR {
            // A byte offset: count lines up to it.
            let offset = min(parser.problem_offset, bytes.count)
            var line = 1, lineStart = 0
            for i in 0..<offset where bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<offset]), as: UTF8.self).unicodeScalars.count + 1
            return .failed(line: line, column: column, message: "cannot read YAML: \(problem)")
        }
        if parser.error == YAML_MEMORY_ERROR { return .failed(line: 1, column: 1, message: "cannot read YAML: out of memory") }
        let detail = parser.context.map { "\(problem) \(String(cString: $0))" } ?? problem
        return .failed(line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1, message: "invalid YAML: \(detail)")
    }
}
