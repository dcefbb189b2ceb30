#include "CTerminalGuard.h"
#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_termios;
static int have_termios = 0;
static char restore_seq[256];
static size_t restore_len = 0;
static volatile sig_atomic_t continued = 0;
static volatile sig_atomic_t quit_requested = 0;
static struct sigaction previous_int, previous_term;
static const int fatal_signals[] = { SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV };
static struct sigaction previous[sizeof fatal_signals / sizeof fatal_signals[0]];
static struct sigaction previous_cont;

static void restore_terminal(void) {
    if (restore_len > 0) {
        ssize_t ignored = write(STDOUT_FILENO, restore_seq, restore_len);
        (void)ignored;
    }
    if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
}

static void on_fatal(int sig) {
    restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void on_continue(int sig) {
    (void)sig;
    continued = 1;
    if (previous_cont.sa_handler != SIG_DFL && previous_cont.sa_handler != SIG_IGN && previous_cont.sa_handler != NULL)
        previous_cont.sa_handler(sig);
}

static void on_quit(int sig) {
    if (quit_requested) {
        restore_terminal();
        _exit(128 + sig);
    }
    quit_requested = sig;
}

void crg_install(const char *restore_sequence) {
    // A parent may have left these blocked (posix_spawn inherits the signal
    // mask); then Ctrl-C, Ctrl-Z and resizes would never reach us.
    sigset_t wanted;
    sigemptyset(&wanted);
    int unblock[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH };
    for (size_t i = 0; i < sizeof unblock / sizeof unblock[0]; i++) sigaddset(&wanted, unblock[i]);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);
    size_t n = strlen(restore_sequence);
    if (n >= sizeof restore_seq) n = sizeof restore_seq - 1;
    memcpy(restore_seq, restore_sequence, n);
    restore_len = n;
    have_termios = tcgetattr(STDIN_FILENO, &saved_termios) == 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        sigaction(fatal_signals[i], &sa, &previous[i]);
    struct sigaction cont;
    memset(&cont, 0, sizeof cont);
    cont.sa_handler = on_continue;
    sigemptyset(&cont.sa_mask);
    cont.sa_flags = SA_RESTART;
    sigaction(SIGCONT, &cont, &previous_cont);
    // No SA_RESTART: a blocking read returns, so the loop sees the request at once.
    struct sigaction q;
    memset(&q, 0, sizeof q);
    q.sa_handler = on_quit;
    sigemptyset(&q.sa_mask);
    sigaction(SIGINT, &q, &previous_int);
    sigaction(SIGTERM, &q, &previous_term);
}

void crg_uninstall(void) {
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        sigaction(fatal_signals[i], &previous[i], NULL);
    sigaction(SIGCONT, &previous_cont, NULL);
    sigaction(SIGINT, &previous_int, NULL);
    sigaction(SIGTERM, &previous_term, NULL);
    restore_len = 0;
}

int crg_take_continued(void) { int c = continued; continued = 0; return c; }

int crg_take_quit(void) { int q = quit_requested; quit_requested = 0; return q; }
