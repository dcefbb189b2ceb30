/// A one-line text field (the `/` search and `:` command lines), edited by
/// Characters so the cursor never lands inside one.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character] = []
    public private(set) var cursor: Int = 0
    /// Tab completion in progress: the candidates and which one is shown.
    public struct Completion: Hashable, Sendable {
        var candidates: [String]
        var index: Int
        var prefix: String   // the line before the completed word
    }
    var completion: Completion?

    public init(_ text: String = "") { characters = Array(text); cursor = characters.count }

    public var text: String { String(characters) }

    mutating func insert(_ c: Character) { characters.insert(c, at: cursor); cursor += 1 }
    mutating func backspace() { if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 } }
    mutating func delete() { if cursor < characters.count { characters.remove(at: cursor) } }
    mutating func left() { cursor = max(0, cursor - 1) }
    mutating func right() { cursor = min(characters.count, cursor + 1) }
    mutating func home() { cursor = 0 }
    mutating func end() { cursor = characters.count }
    mutating func clear() { characters = []; cursor = 0 }
    mutating func set(_ text: String) { characters = Array(text); cursor = characters.count }

    /// Deletes the word before the cursor (and the spaces after it).
    mutating func deleteWord() {
        var i = cursor
        while i > 0, characters[i - 1] == " " { i -= 1 }
        while i > 0, characters[i - 1] != " " { i -= 1 }
        characters.removeSubrange(i..<cursor)
        cursor = i
    }
}
