import Foundation
import Testing
@testable import CareReviewUI

/// Golden files live beside this file in Goldens/. Run with UPDATE_GOLDENS=1
/// to rewrite them, then review every changed file by eye before keeping it.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    /// The frame's text plus where the cursor is (screen readers follow it).
    static func snapshot(_ buffer: ScreenBuffer) -> String {
        let cursor = buffer.cursor.map { "\($0.row),\($0.col)" } ?? "none"
        return buffer.text + "\n-- \(buffer.width)x\(buffer.height) cursor \(cursor)\n"
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
