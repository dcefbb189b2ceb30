import Foundation
import Testing
@testable import CareReviewUI

/// Golden files live beside this file in Goldens/. Run with UPDATE_GOLDENS=1
/// to rewrite them, then review every changed file by eye before keeping it.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    /// The frame's text, where the cursor is (screen readers follow it),
    /// then a style layer: one letter per cell for its role, upper case
    /// where bold, so highlights, the cursor row and selections are reviewed
    /// and tested as well as the characters.
    static func snapshot(_ buffer: ScreenBuffer) -> String {
        let cursor = buffer.cursor.map { "\($0.row),\($0.col)" } ?? "none"
        var out = buffer.text + "\n-- \(buffer.width)x\(buffer.height) cursor \(cursor)\n"
        out += "-- styles: " + legend + "\n"
        for r in 0..<buffer.height {
            var line = ""
            for cell in buffer.row(r) { line += code(cell.style) }
            while line.last == "." { line.removeLast() }
            out += line + "\n"
        }
        return out
    }

    static let legend = ". normal  c chrome  t title  g group  s selection  f focused selection  h highlight  q quote  "
        + "o other quote  d dim  1-5 stances  e error  k key  b border  i input; upper case = bold"

    static func code(_ style: Style) -> String {
        let c: String
        switch style.role {
        case .normal: c = style.bold ? "n" : "."
        case .chrome: c = "c"
        case .title: c = "t"
        case .groupHeader: c = "g"
        case .selection: c = "s"
        case .focusedSelection: c = "f"
        case .highlight: c = "h"
        case .quote: c = "q"
        case .otherQuote: c = "o"
        case .dim: c = "d"
        case .stance(let s): return String(s.rank + 1)
        case .error: c = "e"
        case .key: c = "k"
        case .border: c = "b"
        case .input: c = "i"
        }
        return style.bold ? c.uppercased() : c
    }

    static func check(_ name: String, _ buffer: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = snapshot(buffer)
        if updating {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("Missing golden \(name).txt; run with UPDATE_GOLDENS=1 and review it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record("Golden \(name) differs.\n--- expected\n\(expected)\n--- actual\n\(actual)", sourceLocation: sourceLocation)
        }
    }
}
