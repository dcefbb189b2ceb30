import CareReview
import Testing
@testable import CareReviewUI

/// A deterministic PRNG (SplitMix64) so failures reproduce from the seed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct PropertyTests {
    static let keys: [Key] = KeyBindings.all.flatMap(\.keys).filter { $0 != .char("q") }
        + [.char("a"), .char("r"), .char("e"), .char(" "), .char("児"), .char("\u{1B}"), .backspace, .enter, .escape]
    static let commands = ["proposal iro", "stakeholder become", "search regional", "theme mono", "sort divided",
                           "export csv /tmp/x.csv", "proposal zzz", "clear", "help", "matrix", "compare become adcs",
                           "compare article 39 robin sen", "compare zzz", "export brief /tmp/brief.md", "sort positions"]

    static func randomAction(_ rng: inout SplitMix) -> Action {
        switch Int.random(in: 0..<100, using: &rng) {
        case 0..<70: return .key(keys.randomElement(using: &rng)!)
        case 70..<78:
            return .resize(width: Int.random(in: 1...300, using: &rng), height: Int.random(in: 1...100, using: &rng))
        case 78..<86:
            let kinds: [MouseEvent.Kind] = [.click, .doubleClick, .wheelUp, .wheelDown]
            return .mouse(MouseEvent(kinds.randomElement(using: &rng)!, row: Int.random(in: -1...100, using: &rng),
                                     col: Int.random(in: -1...300, using: &rng)))
        case 86..<90: return .runCommand(commands.randomElement(using: &rng)!)
        case 90..<93: return .openProposal(Fixture.proposals.randomElement(using: &rng)!.id,
                                           stakeholder: Fixture.stakeholders.randomElement(using: &rng)!.id)
        case 93..<96: return .effectFinished(id: Int.random(in: 0...20, using: &rng), message: "done")
        case 96..<97: return .setGlyphs(Bool.random(using: &rng) ? .unicode : .ascii)
        case 97..<98: return .showMessage("A load problem", isError: true)
        default: return .searchIndexReady(Fixture.index)
        }
    }

    /// The invariants, checked with plain code (an #expect per cell would
    /// dominate the run time); returns what is wrong.
    static func problems(_ s: State, _ frame: ScreenBuffer?) -> [String] {
        var p: [String] = []
        func check(_ ok: Bool, _ what: @autoclosure () -> String) { if !ok { p.append(what()) } }
        check(s.history.indices.contains(s.historyIndex), "history index")
        check(s.history.count <= 100, "history length")
        check(s.current.panes.indices.contains(s.current.focus), "focus")
        switch s.current.screen {
        case .browse:
            check(s.current.proposal.map { s.proposalList.index(of: $0) != nil } ?? s.proposalList.isEmpty, "proposal selection")
            check(s.current.position.map { s.positionList.index(of: $0) != nil } ?? s.positionList.isEmpty, "position selection")
        case .stakeholder:
            check(s.current.position.map { s.stakeholderList.index(of: $0) != nil } ?? s.stakeholderList.isEmpty, "position selection")
        case .search:
            check(s.search.hits.isEmpty || s.search.hits.indices.contains(s.search.selected), "hit selection")
        case .source(let d):
            check(s.current.quote >= -1 && s.current.quote < max(1, Fixture.corpus.quotes(inDocument: d).count), "quote")
        case .matrix:
            if let m = s.matrix, let g = s.current.grid {
                check(g.row >= -1 && g.row < max(0, m.rows.count) && g.col >= -1 && g.col < max(0, m.columns.count), "matrix cursor")
                check(m.rows.isEmpty || m.columns.isEmpty || g.row >= 0 || g.col >= 0, "matrix cursor in the corner")
                check(g.row < 0 || (g.row >= g.top && g.top >= 0), "matrix row scrolled out")
                check(g.col < 0 || (g.col >= g.left && g.left >= 0), "matrix column scrolled out")
            } else { p.append("matrix not built") }
        case .compare:
            if let c = s.comparison, let g = s.current.grid {
                check(c.rows.isEmpty || c.rows.indices.contains(g.row), "compare row")
            } else { p.append("comparison not built") }
        case .stakeholders:
            if let g = s.current.grid {
                check(Fixture.corpus.stakeholders.indices.contains(g.row), "stakeholder index row")
            } else { p.append("stakeholder index cursor missing") }
        }
        if let pr = s.presenter {
            check(pr.slide >= 0 && pr.slide <= s.slidePositions(pr.proposal).count, "slide")
            check(pr.page >= 0 && pr.page < s.slidePageCount, "slide page")
        }
        check(s.mode != .noteInput || s.noteTarget.flatMap(Fixture.corpus.position) != nil, "note target")
        guard let buf = frame else { return p }
        check(buf.cells.count == buf.width * buf.height, "dimensions")
        for (i, cell) in buf.cells.enumerated() {
            let col = i % max(1, buf.width)
            check(cell.width >= 0 && cell.width <= 2, "cell width")
            if cell.width == 0 { check(col > 0 && buf.cells[i - 1].width == 2, "orphan continuation at \(i)") }
            if cell.width == 2 { check(col + 1 < buf.width && buf.cells[i + 1].width == 0, "wide cell at edge \(i)") }
            if cell.width > 0 { check(!cell.grapheme.isEmpty, "empty cell") }
            let bad = cell.grapheme.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
            check(!bad, "control character in a cell")
            if !s.glyphs.isUnicode { check(cell.grapheme.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII cell \(cell.grapheme)") }
        }
        if let c = buf.cursor { check(c.row >= 0 && c.row < buf.height && c.col >= 0 && c.col < buf.width, "cursor") }
        return p
    }

    static func checkInvariants(_ s: State, _ buf: ScreenBuffer, _ context: String) {
        let p = problems(s, buf)
        #expect(p.isEmpty, "\(context): \(p.prefix(3))")
    }

    /// 4 × 500 = 2000 sequences of 25 actions; state checked after every action.
    @Test(arguments: 0..<4)
    func randomActionSequencesKeepInvariants(_ seed: Int) {
        var rng = SplitMix(state: UInt64(seed + 1) &* 0x1234_5678_9ABC)
        for run in 0..<500 {
            var s = Fixture.state(Bool.random(using: &rng) ? .unicode : .ascii,
                                  width: Int.random(in: 1...300, using: &rng), height: Int.random(in: 1...100, using: &rng),
                                  indexed: Bool.random(using: &rng), presenting: Int.random(in: 0..<8, using: &rng) == 0,
                                  showKeys: Bool.random(using: &rng))
            for step in 0..<25 {
                let action = Self.randomAction(&rng)
                s = reduce(s, action)
                // Render at the state's size, and sometimes at another size.
                let w = step % 7 == 0 ? Int.random(in: 1...300, using: &rng) : s.width
                let h = step % 7 == 0 ? Int.random(in: 1...100, using: &rng) : s.height
                // Rendering dominates the run time in debug builds: render a
                // sixth of the frames (and the last), check the state always.
                let buf = step % 6 == 5 || step == 24 ? render(s, width: w, height: h) : nil
                let p = Self.problems(s, buf) + (buf.map { $0.width == w && $0.height == h } ?? true ? [] : ["size"])
                if !p.isEmpty {
                    Issue.record("seed \(seed) run \(run) step \(step) \(action): \(p.prefix(3))")
                    return
                }
            }
        }
    }

    @Test func everySizeRenders() {
        let s = Fixture.state()
        for w in [1, 2, 3, 10, 39, 40, 41, 79, 80, 119, 120, 300] {
            for h in [1, 2, 3, 9, 10, 11, 19, 20, 100] {
                let buf = render(s, width: w, height: h)
                Self.checkInvariants(s, buf, "\(w)x\(h)")
            }
        }
    }
}
