// Async-signal-safe terminal restoration and the browser's sleep.
//
// Every signal whose default action ends the process restores the terminal
// first (leave the alternate screen, show the cursor, mouse off, saved
// termios), using only write() and tcsetattr():
// - SIGINT, SIGTERM and SIGHUP ask the input loop for a clean quit (it saves
//   the session); a second one while the first is pending restores the
//   terminal at once and exits with 128+signal;
// - SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF, SIGIO,
//   SIGPWR, SIGSTKFLT and the crash signals (SIGSEGV, SIGBUS, SIGFPE,
//   SIGILL, SIGTRAP, SIGABRT, SIGSYS) restore and then die by the signal.
// SIGPIPE and SIGXFSZ are ignored, so a failed write returns EPIPE or EFBIG
// and is reported as failed (and a pager quitting early kills nothing).
//
// The input loop sleeps in crg_wait(): poll() on the terminal and on a
// self-pipe that the handlers (SIGWINCH, SIGCONT, the quit signals) and
// crg_wake() write to. No timeout: an idle browser never wakes.
#ifndef CARE_REVIEW_TERMINAL_GUARD_H
#define CARE_REVIEW_TERMINAL_GUARD_H

// Saves the terminal's current settings and the byte sequence that undoes
// curses' changes. Call before initscr/newterm (so curses leaves our
// SIGWINCH, SIGINT and SIGTERM handlers in place).
void crg_install(const char *restore_sequence);

// Call after curses has been ended normally; removes the handlers.
void crg_uninstall(void);

// Set by SIGCONT (after Ctrl-Z then fg); the input loop clears it and
// re-enables keypad mode, which ncurses does not restore.
int crg_take_continued(void);

// Set by SIGWINCH; the loop clears it and resizes.
int crg_take_resized(void);

// The pending quit signal (SIGINT, SIGTERM, SIGHUP), or 0; clears it.
int crg_take_quit(void);

// Sleeps until the terminal has input (1), a handler or crg_wake() woke us
// (0), or the terminal is gone (-1: hung up, closed).
int crg_wait(void);

// Wakes crg_wait() from another thread (work finished in the background).
void crg_wake(void);

// The kernel's idea of the terminal's size; 0 on success.
int crg_window_size(int *rows, int *cols);

// True when standard input has no bytes waiting (to tell end of input
// from an incomplete key after poll() said it was readable).
int crg_input_empty(void);
#endif
