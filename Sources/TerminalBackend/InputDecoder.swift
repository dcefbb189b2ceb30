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
        case 27: return .action(.key(.escape))
        case 1...26: return .action(.key(.ctrl(Character(Unicode.Scalar(value + 96)!))))
        case 0..<32: return .timeout
        default:
            guard let scalar = Unicode.Scalar(value) else { return .timeout }
            return .action(.key(.char(Character(scalar))))
        }
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
