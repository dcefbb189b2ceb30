/// Collects every problem found while reading, so one run reports them all.
final class DiagnosticSink {
    private(set) var items: [Diagnostic] = []
    func add(_ d: Diagnostic) { items.append(d) }
    func add(_ at: SourceLocation, _ message: String) { items.append(at.diagnostic(message)) }
}

/// The file a tree came from, for locations.
struct YAMLContext {
    let file: String
    let tree: YAMLTree

    func location(of id: Int32) -> SourceLocation {
        let n = tree[id]
        return SourceLocation(file: file, line: Int(n.line), column: Int(n.column))
    }

    func isNull(_ id: Int32) -> Bool {
        let n = tree[id]
        guard n.kind == .scalar, n.plain else { return false }
        switch n.scalar { case "", "~", "null", "Null", "NULL": return true; default: return false }
    }
}

/// Reads typed fields out of one YAML mapping, reporting each problem at
/// the line and column of the offending node.
struct YAMLFields {
    let context: YAMLContext
    let node: Int32
    let sink: DiagnosticSink
    /// Our mappings have a handful of keys: a list is faster than a dictionary.
    private var values: [(name: String, key: Int32, value: Int32)] = []

    /// nil (after reporting) when `node` is not a mapping.
    init?(_ node: Int32, _ context: YAMLContext, what: String, sink: DiagnosticSink) {
        self.context = context
        self.node = node
        self.sink = sink
        let tree = context.tree
        guard tree[node].kind == .mapping else {
            sink.add(context.location(of: node), "expected a mapping (key: value lines) for \(what)")
            return nil
        }
        let items = tree.items(node)
        values.reserveCapacity(items.count / 2)
        var i = items.startIndex
        while i < items.endIndex {
            let key = items[i], value = items[i + 1]
            i += 2
            guard tree[key].kind == .scalar else {
                sink.add(context.location(of: key), "keys must be plain words")
                continue
            }
            let name = tree[key].scalar
            if let earlier = values.firstIndex(where: { $0.name == name }) {
                // Reported where the repeat is, naming the first; the later value wins, as in YAML loaders that allow it.
                sink.add(context.location(of: key), "duplicate key '\(name)' (first at line \(tree[values[earlier].key].line))")
                values[earlier] = (name, key, value)
            } else {
                values.append((name, key, value))
            }
        }
    }

    var location: SourceLocation { context.location(of: node) }

    private func pair(_ key: String) -> (name: String, key: Int32, value: Int32)? {
        values.first { $0.name == key }
    }

    func location(of key: String) -> SourceLocation {
        guard let pair = pair(key) else { return location }
        return context.location(of: pair.value)
    }

    func has(_ key: String) -> Bool { pair(key) != nil }

    /// Reports keys outside `allowed`: a misspelt key would otherwise be silently ignored.
    func rejectUnknownKeys(_ allowed: [String]) {
        for pair in values where !allowed.contains(pair.name) {
            sink.add(context.location(of: pair.key),
                     "unknown key '\(pair.name)' (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    /// A required, non-empty string.
    func string(_ key: String) -> String? {
        guard let pair = pair(key) else {
            sink.add(location, "missing required key '\(key)'")
            return nil
        }
        return nonEmptyString(pair.value, key: key)
    }

    /// An optional string: absent or null gives nil; present must be non-empty text.
    func optionalString(_ key: String) -> String? {
        guard let pair = pair(key), !context.isNull(pair.value) else { return nil }
        return nonEmptyString(pair.value, key: key)
    }

    private func nonEmptyString(_ id: Int32, key: String) -> String? {
        let n = context.tree[id]
        guard n.kind == .scalar, !context.isNull(id) else {
            sink.add(context.location(of: id), "'\(key)' must be text")
            return nil
        }
        if n.scalar.isBlank {
            sink.add(context.location(of: id), "'\(key)' is empty")
            return nil
        }
        return n.scalar
    }

    func int(_ key: String) -> Int? {
        guard let text = string(key) else { return nil }
        guard let n = Int(text), n >= 0 else {
            sink.add(location(of: key), "'\(key)' must be a whole number ≥ 0, not '\(text)'")
            return nil
        }
        return n
    }

    /// A value from a controlled vocabulary.
    func word<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(key) else { return nil }
        if let value = T(rawValue: text) { return value }
        let words = T.allCases.map(\.rawValue).joined(separator: ", ")
        sink.add(location(of: key), "'\(text)' is not a valid \(key) (expected one of: \(words))")
        return nil
    }

    func date(_ key: String) -> PartialDate? {
        guard let text = string(key) else { return nil }
        guard let date = PartialDate(iso: text) else {
            sink.add(location(of: key), "'\(text)' is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
            return nil
        }
        return date
    }

    /// An optional list of strings; absent gives [].
    func stringList(_ key: String) -> [String] {
        guard let pair = pair(key), !context.isNull(pair.value) else { return [] }
        guard context.tree[pair.value].kind == .sequence else {
            sink.add(context.location(of: pair.value), "'\(key)' must be a list")
            return []
        }
        return context.tree.items(pair.value).compactMap { nonEmptyString($0, key: key) }
    }

    /// A list of mappings; absent gives [] (or a diagnostic when required).
    func nodes(_ key: String, required: Bool) -> ArraySlice<Int32> {
        guard let pair = pair(key), !context.isNull(pair.value) else {
            if required { sink.add(location, "missing required key '\(key)'") }
            return []
        }
        guard context.tree[pair.value].kind == .sequence else {
            sink.add(context.location(of: pair.value), "'\(key)' must be a list")
            return []
        }
        let items = context.tree.items(pair.value)
        if required && items.isEmpty { sink.add(context.location(of: pair.value), "'\(key)' is empty") }
        return items
    }
}

extension String {
    /// Empty or whitespace only; without Character work when it starts with
    /// a visible ASCII byte (nearly every value).
    var isBlank: Bool {
        if let b = utf8.first, b > 0x20, b < 0x7F { return false }
        return trimmingWhitespace().isEmpty
    }

    func trimmingWhitespace() -> Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
