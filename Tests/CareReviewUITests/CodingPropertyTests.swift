import CareReview
import Foundation
import Testing
@testable import CareReviewUI

/// Random key, mouse and dataset-change sequences with coding on, from the
/// source reader: the browser's invariants hold, and so do coding's.
@Suite struct CodingPropertyTests {
    static let keys: [Key] = KeyBindings.all.flatMap(\.keys).filter { $0 != .char("q") && $0 != .char("Q") }
        + "vcedu12345wb(){}/o".map { Key.char($0) } + [.enter, .escape, .backspace, .char("x"), .char(" ")]

    /// The fixture without some positions (as after a delete or an undo), or with them.
    static func corpus(_ rng: inout SplitMix) -> Corpus {
        let c = Fixture.corpus
        let kept = c.positions.filter { _ in Bool.random(using: &rng) }
        return Corpus(documents: c.documents, stakeholders: c.stakeholders, proposals: c.proposals, positions: kept)
    }

    static func action(_ rng: inout SplitMix) -> Action {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<75: return .key(keys.randomElement(using: &rng)!)
        case 75..<88:
            let kinds: [MouseEvent.Kind] = [.click, .drag, .drag, .release, .wheelDown]
            return .mouse(MouseEvent(kinds.randomElement(using: &rng)!, row: Int.random(in: -1...40, using: &rng),
                                     col: Int.random(in: -1...130, using: &rng)))
        case 88..<92: return .resize(width: Int.random(in: 20...200, using: &rng), height: Int.random(in: 5...60, using: &rng))
        case 92..<96:
            let kinds: [DatasetOutcome.Kind] = [.saved(DatasetUndo(label: "x", before: [:], after: [:])), .undone, .reloaded, .failed]
            return .datasetChanged(DatasetOutcome(kind: kinds.randomElement(using: &rng)!, corpus: corpus(&rng), message: "m",
                                                  position: Fixture.positions.randomElement(using: &rng)!.id))
        case 96..<98: return .editorFinished(Bool.random(using: &rng) ? "two\nlines" : nil)
        default: return .effectFinished(id: Int.random(in: 0...30, using: &rng))
        }
    }

    @Test(arguments: 0..<2)
    func randomCodingSequencesKeepInvariants(_ seed: Int) {
        var rng = SplitMix(state: UInt64(seed + 7) &* 0x9E37_79B9)
        for run in 0..<300 {
            var s = CodingReducerTests.reader(Bool.random(using: &rng) ? .unicode : .ascii, width: 120, height: 40)
            for step in 0..<30 {
                let a = Self.action(&rng)
                s = reduce(s, a)
                var p = PropertyTests.problems(s, step % 5 == 4 ? render(s, width: s.width, height: s.height) : nil)
                if s.mode == .coding && s.coding.flow == nil { p.append("coding mode without prompts") }
                if s.mode != .coding && s.coding.flow != nil { p.append("prompts outside coding mode") }
                if let sel = s.coding.selection {
                    let n = s.corpus.document(sel.document)?.text.unicodeScalars.count ?? -1
                    if !(0...n).contains(sel.anchor) || !(0...n).contains(sel.head) { p.append("selection outside its text") }
                }
                if let f = s.coding.flow, f.step.isPicker, f.cursor >= max(1, s.pickerItems.count) { p.append("picker cursor") }
                if !p.isEmpty {
                    Issue.record("seed \(seed) run \(run) step \(step) \(a): \(p.prefix(3))")
                    return
                }
            }
        }
    }
}
