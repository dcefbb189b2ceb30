internal import Yams

/// Collects every problem found while reading, so one run reports them all.
final class DiagnosticSink {
    private(set) var items: [Diagnostic] = []
    func add(_ d: Diagnostic) { items.append(d) }
    func add(_ at: SourceLocation, _ message: String) { items.append(at.diagnostic(message)) }
}

/// Reads typed fields out of one YAML mapping, reporting each problem at
/// the line and column of the offending node.
struct YAMLFields {
    let context: YAMLContext
    let node: Node
    let sink: DiagnosticSink
    private let values: [String: (key: Node, value: Node)]

    /// nil (after reporting) when `node` is not a mapping.
    init?(_ node: Node, _ context: YAMLContext, what: String, sink: DiagnosticSink) {
        self.context = context
        self.node = node
        self.sink = sink
        guard case .mapping(let mapping) = node else {
            sink.add(context.location(of: node), "expected a mapping (key: value lines) for \(what)")
            return nil
        }
        var values: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                sink.add(context.location(of: key), "keys must be plain words")
                continue
            }
            if values[name] != nil {
                sink.add(context.location(of: key), "duplicate key '\(name)'")
            }
            values[name] = (key, value)
        }
        self.values = values
    }

    var location: SourceLocation { context.location(of: node) }

    func location(of key: String) -> SourceLocation {
        guard let pair = values[key] else { return location }
        return context.location(of: pair.value)
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    /// Reports keys outside `allowed`: a misspelt key would otherwise be silently ignored.
    func rejectUnknownKeys(_ allowed: [String]) {
        for (name, pair) in values where !allowed.contains(name) {
            sink.add(context.location(of: pair.key),
                     "unknown key '\(name)' (expected one of: \(allowed.joined(separator: ", ")))")
        }
    }

    private func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// A required, non-empty string.
    func string(_ key: String) -> String? {
        guard let pair = values[key] else {
            sink.add(location, "missing required key '\(key)'")
            return nil
        }
        return nonEmptyString(pair.value, key: key)
    }

    /// An optional string: absent or null gives nil; present must be non-empty text.
    func optionalString(_ key: String) -> String? {
        guard let pair = values[key], !isNull(pair.value) else { return nil }
        return nonEmptyString(pair.value, key: key)
    }

    private func nonEmptyString(_ node: Node, key: String) -> String? {
        let at = context.location(of: node)
        guard case .scalar(let s) = node, !isNull(node) else {
            sink.add(at, "'\(key)' must be text")
            return nil
        }
        if s.string.trimmingWhitespace().isEmpty {
            sink.add(at, "'\(key)' is empty")
            return nil
        }
        return s.string
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
        guard let pair = values[key], !isNull(pair.value) else { return [] }
        guard case .sequence(let seq) = pair.value else {
            sink.add(context.location(of: pair.value), "'\(key)' must be a list")
            return []
        }
        return seq.compactMap { nonEmptyString($0, key: key) }
    }

    /// A list of mappings; absent gives [] (or a diagnostic when required).
    func nodes(_ key: String, required: Bool) -> [Node] {
        guard let pair = values[key], !isNull(pair.value) else {
            if required { sink.add(location, "missing required key '\(key)'") }
            return []
        }
        guard case .sequence(let seq) = pair.value else {
            sink.add(context.location(of: pair.value), "'\(key)' must be a list")
            return []
        }
        if required && seq.isEmpty { sink.add(context.location(of: pair.value), "'\(key)' is empty") }
        return Array(seq)
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        var s = self[...]
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
