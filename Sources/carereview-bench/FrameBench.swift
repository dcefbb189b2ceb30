import CareReview
import CareReviewUI
import Foundation

/// Time to render one frame of each screen at 200×60, and to handle a
/// keystroke, on a loaded corpus.
enum FrameBench {
    static func measure(_ corpus: Corpus, index: SearchIndex, label: String) {
        let t0 = now()
        var home = State(corpus: corpus, width: 200, height: 60)
        figure("\(label).ui_state_init", (now() - t0) * 1000, "ms")
        home.apply(.searchIndexReady(index))

        // The proposal with most positions, its first position, and that position's stakeholder.
        let busiest = corpus.proposals(order: .positions).first!
        var positions = home
        positions.apply(.openProposal(busiest.id, stakeholder: nil))
        var source = positions
        source.apply(.command(.open))
        source.apply(.command(.open))
        var stakeholder = positions
        stakeholder.apply(.command(.openStakeholder))
        var search = home
        search.apply(.runCommand("search kinship"))
        var help = home
        help.apply(.command(.toggleHelp))
        var matrix = home
        matrix.apply(.runCommand("matrix"))
        for _ in 0..<30 { matrix.apply(.key(.down)); matrix.apply(.key(.right)) }   // scrolled both ways

        for (name, state) in [("proposals", home), ("positions", positions), ("source", source),
                              ("stakeholder", stakeholder), ("search", search), ("help", help), ("matrix", matrix)] {
            var times: [Double] = []
            for _ in 0..<200 {
                let t = now()
                _ = render(state, width: 200, height: 60)
                times.append((now() - t) * 1000)
            }
            figure("\(label).frame_\(name)_200x60_median", percentile(times, 0.5), "ms")
            figure("\(label).frame_\(name)_200x60_p95", percentile(times, 0.95), "ms")
        }
        var keys: [Double] = []
        var state = home
        for i in 0..<400 {
            let t = now()
            state.apply(.key(i % 50 < 40 ? .down : .up))
            keys.append((now() - t) * 1000)
        }
        figure("\(label).keystroke_median", percentile(keys, 0.5), "ms")
        figure("\(label).keystroke_p95", percentile(keys, 0.95), "ms")
    }
}
