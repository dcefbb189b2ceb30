// Async-signal-safe terminal restoration: on a fatal signal (SIGHUP, a
// Swift trap, SIGSEGV, SIGQUIT) the terminal is put back the way it was
// before curses started, using only write() and tcsetattr(), then the
// signal is re-raised with its default action.
#ifndef CARE_REVIEW_TERMINAL_GUARD_H
#define CARE_REVIEW_TERMINAL_GUARD_H

// Saves the terminal's current settings and the byte sequence that undoes
// curses' changes (leave the alternate screen, show the cursor, mouse off).
// Call before initscr/newterm.
void crg_install(const char *restore_sequence);

// Call after curses has been ended normally; removes the handlers.
void crg_uninstall(void);

// Set by SIGCONT (after Ctrl-Z then fg); the input loop clears it and
// re-enables keypad mode, which ncurses does not restore.
int crg_take_continued(void);

// SIGINT and SIGTERM ask for a clean quit (the input loop saves the
// session and restores the terminal); a second one while the first is
// pending restores the terminal at once and exits with 128+signal.
int crg_take_quit(void);
#endif
