internal import Yams

extension PositionIDMap {
    /// Reads a map from YAML (the embedded `Resources/id-map.yaml`): a list of
    /// `old: ID` / `new: [ID, ...]` entries; a split lists several new ids, a
    /// merge maps several old ids to one, and a split whose old id survives
    /// lists it among the new ones.
    public init(name: String, yaml: String) throws(IdMapError) {
        let node: Node?
        do { node = try Yams.compose(yaml: yaml) } catch { throw IdMapError(description: "id map is not valid YAML: \(error)") }
        guard let items = node?.sequence else { throw IdMapError(description: "id map must be a list") }
        var mapping: [String: [String]] = [:]
        for item in items {
            let line = (item.mark?.line ?? 0)
            guard let m = item.mapping, let old = m["old"]?.string,
                  let new = m["new"]?.sequence?.compactMap(\.string), !new.isEmpty else {
                throw IdMapError(description: "id map entry at line \(line) needs 'old' and a non-empty 'new' list")
            }
            guard mapping[old] == nil else { throw IdMapError(description: "id map: '\(old)' is mapped twice (line \(line))") }
            mapping[old] = new
        }
        self.init(name: name, mapping: mapping)
    }
}

public struct IdMapError: Error, CustomStringConvertible, Sendable { public let description: String }
