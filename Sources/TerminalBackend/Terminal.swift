import CNcursesw
import CTerminalGuard
import CareReviewUI
import Glibc

/// Why the browser cannot start on this terminal; the message says what to do.
public struct TerminalUnavailable: Error, CustomStringConvertible {
    public let description: String
}

/// The curses session: started once, always ended (normal exit, error,
/// signal), with the terminal restored.
final class Terminal {
    let depth: ColorDepth
    let utf8: Bool
    private var pairs: [TerminalPairKey: Int16] = [:]
    private var screen: OpaquePointer?
    static let altLeftCode: Int32 = 0x1001
    static let altRightCode: Int32 = 0x1002

    /// Sets the locale, checks the terminal, and starts curses.
    /// Mouse reports are on (so they are turned off for a child program, and back on).
    private var mouseReports = false

    init(colors: Bool, mouse: Bool = true) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw TerminalUnavailable(description: "the browser needs a terminal on standard input and output")
        }
        setlocale(LC_ALL, "")
        // Under a non-UTF-8 locale we draw ASCII only, but still read input
        // as UTF-8 internally: otherwise one non-ASCII key jams get_wch.
        utf8 = Terminal.localeIsUTF8()
        if !utf8 { setlocale(LC_CTYPE, "C.UTF-8") }

        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        var status: Int32 = 0
        guard !term.isEmpty, setupterm(term, 1, &status) == OK else {
            throw TerminalUnavailable(description: term.isEmpty
                ? "TERM is not set, so the terminal's capabilities are unknown; set TERM (e.g. TERM=xterm-256color)"
                : "the terminal type '\(term)' is not known to this system (no terminfo entry); try TERM=xterm-256color")
        }
        guard let cup = tigetstr("cup"), Int(bitPattern: cup) != -1 else {
            throw TerminalUnavailable(description: "the terminal type '\(term)' cannot move the cursor, so it cannot show the browser")
        }
        // What undoes our changes if we die abruptly: leave the alternate
        // screen, show the cursor, stop mouse reports, reset attributes.
        var restore = "\u{1B}[?1000l\u{1B}[?1002l\u{1B}[?1003l\u{1B}[?1006l"
        for cap in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let s = tigetstr(cap), Int(bitPattern: s) != -1 { restore += String(cString: s) }
        }
        crg_install(restore)

        guard let input = fdopen(0, "r"), let output = fdopen(1, "w"),
              let screen = newterm(nil, output, input) else {
            crg_uninstall()
            throw TerminalUnavailable(description: "could not start the terminal interface for TERM='\(term)'")
        }
        self.screen = screen
        cbreak()
        noecho()
        nonl()
        intrflush(cr_stdscr(), false)
        Terminal.enableKeys()
        if mouse {   // SGR (1006) reports: no column limit; InputDecoder reads them (--no-mouse: none)
            mousemask(cr_mouse_mask(), nil)
            // 1002: moves with a button held too (drag to select a passage).
            _ = "\u{1B}[?1002h\u{1B}[?1006h".withCString { write(1, $0, strlen($0)) }
            mouseReports = true
        }
        mouseinterval(200)
        cr_set_escdelay(25)
        // Never block in curses: the loop sleeps in crg_wait() until a key or a signal.
        wtimeout(cr_stdscr(), 0)
        curs_set(1)
        define_key("\u{1B}[1;3D", Terminal.altLeftCode)
        define_key("\u{1B}[1;3C", Terminal.altRightCode)
        define_key("\u{1B}\u{1B}[D", Terminal.altLeftCode)
        define_key("\u{1B}\u{1B}[C", Terminal.altRightCode)
        if colors, has_colors() {
            start_color()
            use_default_colors()
            depth = cr_colors() >= 256 ? .full256 : (cr_colors() >= 8 ? .eight : .none)
        } else {
            depth = .none
        }
    }

    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Keypad mode (arrows as KEY_* codes); re-enabled after Ctrl-Z/fg,
    /// where ncurses restores the screen but not this.
    static func enableKeys() {
        keypad(cr_stdscr(), true)
    }

    /// After SIGWINCH (our handler, not curses'): take the kernel's size.
    func followResize() {
        var rows: Int32 = 0, cols: Int32 = 0
        if crg_window_size(&rows, &cols) == 0 { resize_term(rows, cols) }
    }

    var size: (width: Int, height: Int) {
        (Int(getmaxx(cr_stdscr())), Int(getmaxy(cr_stdscr())))
    }

    /// The colour pair for a foreground/background, made on first use.
    func pair(foreground: Int, background: Int) -> Int16 {
        guard depth != .none, foreground != -1 || background != -1 else { return 0 }
        let key = TerminalPairKey(foreground: foreground, background: background)
        if let p = pairs[key] { return p }
        let next = Int16(pairs.count + 1)
        guard Int32(next) < cr_color_pairs() else { return 0 }
        init_pair(next, Int16(foreground), Int16(background))
        pairs[key] = next
        return next
    }

    /// Leaves curses for a child program (the pager); `resume` comes back.
    func suspend() {
        def_prog_mode()
        endwin()
        // A pager or editor gets no drag reports of ours.
        if mouseReports { _ = "\u{1B}[?1002l\u{1B}[?1006l".withCString { write(1, $0, strlen($0)) } }
    }

    func resume() {
        reset_prog_mode()
        if mouseReports { _ = "\u{1B}[?1002h\u{1B}[?1006h".withCString { write(1, $0, strlen($0)) } }
        Terminal.enableKeys()
        clearok(cr_curscr(), true)
        refresh()
    }

    /// Ends curses and restores the terminal. Safe to call twice.
    func end() {
        guard let screen else { return }
        endwin()
        _ = "\u{1B}[?1002l\u{1B}[?1006l".withCString { write(1, $0, strlen($0)) }
        delscreen(screen)
        self.screen = nil
        crg_uninstall()
    }

    deinit { end() }
}

struct TerminalPairKey: Hashable {
    let foreground: Int
    let background: Int
}
