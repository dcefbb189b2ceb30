import CNcursesw
import Glibc
import CareReviewUI

/// What one read from the terminal produced.
enum TerminalInput {
    case action(Action)
    case timeout      // nothing within the read timeout
    case closed       // the terminal is gone (end of input)
}

/// Turns curses' key codes, characters and mouse reports into actions.
enum InputDecoder {
    static func read(_ terminal: Terminal) -> TerminalInput {
        var ch: wint_t = 0
        let status = wget_wch(cr_stdscr(), &ch)
        if status == ERR {
            // A timeout and an interrupted read look alike; a closed terminal
            // shows as stdin no longer being a terminal.
            return isatty(0) == 1 ? .timeout : .closed
        }
        if status == KEY_CODE_YES { return keyCode(Int32(bitPattern: ch), terminal) }
        return character(UInt32(ch))
    }

    static func keyCode(_ code: Int32, _ terminal: Terminal) -> TerminalInput {
        let key: Key
        switch code {
        case KEY_UP: key = .up
        case KEY_DOWN: key = .down
        case KEY_LEFT: key = .left
        case KEY_RIGHT: key = .right
        case KEY_PPAGE: key = .pageUp
        case KEY_NPAGE: key = .pageDown
        case KEY_HOME: key = .home
        case KEY_END: key = .end
        case KEY_BACKSPACE: key = .backspace
        case KEY_DC: key = .delete
        case KEY_BTAB: key = .backTab
        case KEY_ENTER: key = .enter
        case Terminal.altLeftCode: key = .altLeft
        case Terminal.altRightCode: key = .altRight
        case KEY_RESIZE:
            let size = terminal.size
            return .action(.resize(width: size.width, height: size.height))
        case KEY_MOUSE:
            return mouse()
        default:
            return .timeout   // a key we have no use for
        }
        return .action(.key(key))
    }

    static func character(_ value: UInt32) -> TerminalInput {
        switch value {
        case 9: return .action(.key(.tab))
        case 10, 13: return .action(.key(.enter))
        case 8, 127: return .action(.key(.backspace))
        case 27: return escape()
        case 1...26: return .action(.key(.ctrl(Character(Unicode.Scalar(value + 96)!))))
        case 0..<32: return .timeout
        default:
            guard let scalar = Unicode.Scalar(value) else { return .timeout }
            return .action(.key(.char(Character(scalar))))
        }
    }

    /// Esc alone, or the start of an SGR (1006) mouse report, which curses
    /// passes through as characters when the terminfo entry expects X10
    /// reports: ESC [ < button ; column ; row M (press) or m (release).
    static func escape() -> TerminalInput {
        func next() -> UInt32? {
            var ch: wint_t = 0
            wtimeout(cr_stdscr(), 0)
            defer { wtimeout(cr_stdscr(), 100) }
            return wget_wch(cr_stdscr(), &ch) == OK ? UInt32(ch) : nil
        }
        guard let open = next() else { return .action(.key(.escape)) }
        guard open == 0x5B else {   // not "[": Esc, then that key
            unget_wch(wchar_t(bitPattern: open))
            return .action(.key(.escape))
        }
        guard next() == 0x3C else { return .timeout }   // "<": anything else is a sequence we have no use for
        var body = ""
        while let c = next(), body.count < 24 {
            let ch = Character(Unicode.Scalar(c) ?? " ")
            if ch == "M" || ch == "m" { return sgrMouse(body, pressed: ch == "M") }
            body.append(ch)
        }
        return .timeout
    }

    /// When the last press was, for telling a double click from two clicks.
    nonisolated(unsafe) static var lastPress: (row: Int, col: Int, time: Double)?

    static func sgrMouse(_ body: String, pressed: Bool) -> TerminalInput {
        let parts = body.split(separator: ";").compactMap { Int($0) }
        guard parts.count == 3 else { return .timeout }
        let (button, col, row) = (parts[0], parts[1] - 1, parts[2] - 1)
        if button & 64 != 0 { return pressed ? .action(.mouse(MouseEvent(button & 1 == 0 ? .wheelUp : .wheelDown, row: row, col: col))) : .timeout }
        // The left button only: moved while held (a drag, to select text), let go, pressed.
        guard button & 3 == 0 else { return .timeout }
        if !pressed { return .action(.mouse(MouseEvent(.release, row: row, col: col))) }
        if button & 32 != 0 { return .action(.mouse(MouseEvent(.drag, row: row, col: col))) }
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let t = Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
        defer { lastPress = (row, col, t) }
        if let last = lastPress, last.row == row, last.col == col, t - last.time < 0.4 {
            lastPress = nil
            return .action(.mouse(MouseEvent(.doubleClick, row: row, col: col)))
        }
        return .action(.mouse(MouseEvent(.click, row: row, col: col)))
    }

    static func mouse() -> TerminalInput {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return .timeout }
        let row = Int(event.y), col = Int(event.x)
        let state = event.bstate
        if state & cr_button1_double() != 0 { return .action(.mouse(MouseEvent(.doubleClick, row: row, col: col))) }
        if state & cr_wheel_up() != 0 { return .action(.mouse(MouseEvent(.wheelUp, row: row, col: col))) }
        if state & cr_wheel_down() != 0 { return .action(.mouse(MouseEvent(.wheelDown, row: row, col: col))) }
        if state & cr_button1_clicked() != 0 { return .action(.mouse(MouseEvent(.click, row: row, col: col))) }
        return .timeout
    }
}
