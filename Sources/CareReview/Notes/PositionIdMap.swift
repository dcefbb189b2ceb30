internal import Yams

/// Position ids that changed when the embedded dataset was recoded
/// (`Resources/id-map.yaml`): each old id and the id or ids that replace it
/// (a split lists several; a merge maps several old ids to one). Marks and
/// notes made on an old id follow it, so nothing a reader saved is lost.
public struct PositionIdMap: Sendable, Equatable {
    public let entries: [(old: String, new: [String])]

    public static func == (a: PositionIdMap, b: PositionIdMap) -> Bool {
        a.entries.map(\.old) == b.entries.map(\.old) && a.entries.map(\.new) == b.entries.map(\.new)
    }

    public init(_ entries: [(old: String, new: [String])]) { self.entries = entries }

    /// Reads the YAML list of `old:` / `new: [...]` entries.
    public init(yaml: String) throws(IdMapError) {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch { throw IdMapError(description: "id map is not valid YAML: \(error)") }
        guard let items = node?.sequence else { throw IdMapError(description: "id map must be a list") }
        var entries: [(String, [String])] = []
        for item in items {
            guard let m = item.mapping, let old = m["old"]?.string,
                  let new = m["new"]?.sequence?.compactMap(\.string), !new.isEmpty else {
                throw IdMapError(description: "id map entry at line \(item.mark?.line ?? 0) needs 'old' and a non-empty 'new' list")
            }
            entries.append((old, new))
        }
        self.entries = entries
    }

    /// Marks and notes moved from old ids to their successors. A split copies
    /// the mark and the note to every new id; notes meeting on one id (a
    /// merge, or a note already there) are joined, never dropped.
    public func apply(to a: Annotations) -> Annotations {
        var out = a
        for (old, new) in entries {
            let wasMarked = a.marked.contains(old)
            let note = a.notes[old]
            guard wasMarked || note != nil else { continue }
            if !new.contains(old) {
                out.marked.remove(old)
                out.notes[old] = nil
            }
            for id in new {
                if wasMarked { out.marked.insert(id) }
                if let note, id != old {
                    if let existing = out.notes[id], existing != note, !existing.contains(note) {
                        out.notes[id] = existing + "\n\n" + note
                    } else if out.notes[id] == nil {
                        out.notes[id] = note
                    }
                }
            }
        }
        return out
    }
}

public struct IdMapError: Error, CustomStringConvertible, Sendable { public let description: String }
