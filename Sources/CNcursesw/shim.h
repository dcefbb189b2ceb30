// libncursesw for Swift. The wide-character API needs these defined before
// any include (SwiftPM drops pkg-config's -D flags, so we set them here).
#ifndef CARE_REVIEW_NCURSES_SHIM_H
#define CARE_REVIEW_NCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <curses.h>
#include <term.h>

// Macros and C globals Swift cannot import (or, for globals, cannot touch
// under strict concurrency), wrapped as functions.
static inline attr_t cr_attr_bold(void) { return A_BOLD; }
static inline attr_t cr_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cr_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t cr_attr_dim(void) { return A_DIM; }
static inline attr_t cr_attr_normal(void) { return A_NORMAL; }
static inline WINDOW *cr_stdscr(void) { return stdscr; }
static inline WINDOW *cr_curscr(void) { return curscr; }
static inline int cr_lines(void) { return LINES; }
static inline int cr_cols(void) { return COLS; }
static inline int cr_colors(void) { return COLORS; }
static inline int cr_color_pairs(void) { return COLOR_PAIRS; }
static inline void cr_set_escdelay(int ms) { set_escdelay(ms); }
static inline mmask_t cr_mouse_mask(void) {
    return BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}
static inline mmask_t cr_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t cr_button1_double(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t cr_wheel_up(void) { return BUTTON4_PRESSED; }
static inline mmask_t cr_wheel_down(void) { return BUTTON5_PRESSED; }
static inline int cr_key_f(int n) { return KEY_F(n); }
// Draw one cell: a wide-character string (a base character with any
// combining marks) with attributes and a colour pair.
static inline int cr_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t c;
    if (setcchar(&c, wch, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &c);
}
#endif
