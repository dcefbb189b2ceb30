import Testing
import TerminalText

/// Widths as tmux (the end-to-end terminal) lays text out; WidthEndToEndTests checks them against tmux itself.
@Suite struct TerminalTextTests {
    func shown(_ s: String) -> String { TerminalSafeText.sanitize(s) }

    @Test func widthsOfWideAndJoinedText() {
        #expect(DisplayWidth.of("中文") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)                       // combining accent
        #expect(DisplayWidth.of("\u{2764}\u{FE0F}") == 1)               // text-default heart, VS16 ignored
        #expect(DisplayWidth.of("\u{1F600}") == 2)
        #expect(DisplayWidth.of("\u{1F1EC}") == 1)                      // a lone regional indicator
        // Sanitised, sequences show as their parts, each 1 or 2 wide on every terminal.
        #expect(shown("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}") == "\u{1F468}\u{1F469}\u{1F467}")
        #expect(DisplayWidth.of(shown("\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}")) == 6)
        #expect(shown("\u{1F1EC}\u{1F1E7}") == "GB")
        #expect(shown("\u{1F44D}\u{1F3FD}") == "\u{1F44D}")
        for c in shown("The \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} \u{1F1EC}\u{1F1E7} e\u{301} 中 \u{1F44D}\u{1F3FD}") {
            #expect(DisplayWidth.of(c) <= 2, "\(c)")
        }
    }

    @Test func controlsEscapesAndBidiAreMadeVisible() {
        #expect(shown("a\u{1B}]0;title\u{07}b") == "a\u{241B}]0;title\u{2407}b")
        #expect(shown("x\u{9B}31m") == "x\u{FFFD}31m")
        #expect(shown("a\u{202E}b\u{2066}c\u{2069}\u{200F}") == "a<RLO>b<LRI>c<PDI><RLM>")
        #expect(TerminalSafeText.sanitize("line\nnext", keepNewlines: true) == "line\nnext")
        #expect(TerminalSafeText.sanitize("a\u{1B}b", unicode: false) == "a^[b")
        #expect(shown(shown("a\u{202E}\u{1B}")) == shown("a\u{202E}\u{1B}"))   // idempotent: padding after sanitising is stable
    }
}
