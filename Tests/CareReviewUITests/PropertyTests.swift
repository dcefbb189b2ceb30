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
                           "export csv /tmp/x.csv", "proposal zzz", "clear", "help"]

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
        case 96..<98: return .setGlyphs(Bool.random(using: &rng) ? .unicode : .ascii)
        default: return .searchIndexReady(Fixture.index)
        }
    }

    static func checkInvariants(_ s: State, _ buf: ScreenBuffer, _ context: String) {
        #expect(s.history.indices.contains(s.historyIndex), "\(context): history index")
        #expect(s.history.count <= 100)
        #expect(s.current.panes.indices.contains(s.current.focus), "\(context): focus")
        switch s.current.screen {
        case .browse:
            if let p = s.current.proposal { #expect(s.proposalList.index(of: p) != nil, "\(context): proposal") }
            else { #expect(s.proposalList.isEmpty) }
            if let p = s.current.position { #expect(s.positionList.index(of: p) != nil, "\(context): position") }
            else { #expect(s.positionList.isEmpty) }
        case .stakeholder:
            if let p = s.current.position { #expect(s.stakeholderList.index(of: p) != nil, "\(context): position") }
        case .search:
            #expect(s.search.hits.isEmpty || s.search.hits.indices.contains(s.search.selected), "\(context): hit")
        case .source(let d):
            #expect(s.current.quote >= -1 && s.current.quote < max(1, Fixture.corpus.quotes(inDocument: d).count))
        }
        #expect(buf.cells.count == buf.width * buf.height, "\(context): dimensions")
        for (i, cell) in buf.cells.enumerated() {
            let col = i % max(1, buf.width)
            #expect(cell.width >= 0 && cell.width <= 2)
            if cell.width == 0 { #expect(col > 0 && buf.cells[i - 1].width == 2, "\(context): orphan continuation") }
            if cell.width == 2 { #expect(col + 1 < buf.width && buf.cells[i + 1].width == 0, "\(context): wide at edge") }
            if cell.width > 0 { #expect(!cell.grapheme.isEmpty) }
            let bad = cell.grapheme.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
            #expect(!bad, "\(context): control character in a cell")
            if !s.glyphs.isUnicode { let ascii = cell.grapheme.unicodeScalars.allSatisfy { $0.isASCII }; #expect(ascii, "\(context): non-ASCII") }
        }
        if let c = buf.cursor { #expect(c.row >= 0 && c.row < buf.height && c.col >= 0 && c.col < buf.width, "\(context): cursor") }
    }

    @Test(arguments: 0..<8)
    func randomActionSequencesKeepInvariants(_ seed: Int) {
        var rng = SplitMix(state: UInt64(seed) &* 0x1234_5678_9ABC)
        for run in 0..<60 {
            var s = Fixture.state(Bool.random(using: &rng) ? .unicode : .ascii,
                                  width: Int.random(in: 1...300, using: &rng), height: Int.random(in: 1...100, using: &rng),
                                  indexed: Bool.random(using: &rng))
            for step in 0..<50 {
                let action = Self.randomAction(&rng)
                s = reduce(s, action)
                // Render at the state's size, and sometimes at another size.
                let w = step % 7 == 0 ? Int.random(in: 1...300, using: &rng) : s.width
                let h = step % 7 == 0 ? Int.random(in: 1...100, using: &rng) : s.height
                let buf = render(s, width: w, height: h)
                #expect(buf.width == w && buf.height == h)
                Self.checkInvariants(s, buf, "seed \(seed) run \(run) step \(step) \(action)")
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
