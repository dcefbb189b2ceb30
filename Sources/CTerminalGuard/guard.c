#include "CTerminalGuard.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved_termios;
static int have_termios = 0;
static char restore_seq[256];
static size_t restore_len = 0;
static volatile sig_atomic_t continued = 0;
static volatile sig_atomic_t resized = 0;
static volatile sig_atomic_t quit_requested = 0;
static int wake_pipe[2] = { -1, -1 };

static const int fatal_signals[] = {
    SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGXCPU, SIGVTALRM, SIGPROF,
#ifdef SIGIO
    SIGIO,
#endif
#ifdef SIGPWR
    SIGPWR,
#endif
#ifdef SIGSTKFLT
    SIGSTKFLT,
#endif
    SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGSYS,
};
#define FATAL_COUNT (sizeof fatal_signals / sizeof fatal_signals[0])
static struct sigaction previous_fatal[FATAL_COUNT];
static const int quit_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define QUIT_COUNT (sizeof quit_signals / sizeof quit_signals[0])
static struct sigaction previous_quit[QUIT_COUNT];
static struct sigaction previous_cont, previous_winch, previous_pipe, previous_xfsz;
static stack_t alternate_stack;

static void restore_terminal(void) {
    if (restore_len > 0) {
        ssize_t ignored = write(STDOUT_FILENO, restore_seq, restore_len);
        (void)ignored;
    }
    if (have_termios) tcsetattr(STDIN_FILENO, TCSANOW, &saved_termios);
}

static void wake_from_handler(void) {
    int saved = errno;
    if (wake_pipe[1] >= 0) {
        char byte = 1;
        ssize_t ignored = write(wake_pipe[1], &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

static void on_fatal(int sig) {
    restore_terminal();
    signal(sig, SIG_DFL);
    // The signal is blocked while its handler runs: unblock it so the
    // re-raise takes effect now, with the default action (and core dump).
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    raise(sig);
    _exit(128 + sig);
}

static void on_continue(int sig) {
    continued = 1;
    wake_from_handler();
    if (previous_cont.sa_handler != SIG_DFL && previous_cont.sa_handler != SIG_IGN && previous_cont.sa_handler != NULL)
        previous_cont.sa_handler(sig);
}

static void on_resize(int sig) {
    (void)sig;
    resized = 1;
    wake_from_handler();
}

static void on_quit(int sig) {
    if (quit_requested) {
        restore_terminal();
        _exit(128 + sig);
    }
    quit_requested = sig;
    wake_from_handler();
}

static void set_handler(int sig, void (*handler)(int), int flags, struct sigaction *previous) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    sigaction(sig, &sa, previous);
}

void crg_install(const char *restore_sequence) {
    // A parent may have left these blocked (posix_spawn inherits the signal
    // mask); then Ctrl-C, Ctrl-Z and resizes would never reach us.
    sigset_t wanted;
    sigemptyset(&wanted);
    int unblock[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH, SIGUSR1, SIGUSR2, SIGALRM,
                      SIGXCPU, SIGVTALRM, SIGPROF };
    for (size_t i = 0; i < sizeof unblock / sizeof unblock[0]; i++) sigaddset(&wanted, unblock[i]);
    sigprocmask(SIG_UNBLOCK, &wanted, NULL);

    size_t n = strlen(restore_sequence);
    if (n >= sizeof restore_seq) n = sizeof restore_seq - 1;
    memcpy(restore_seq, restore_sequence, n);
    restore_len = n;
    have_termios = tcgetattr(STDIN_FILENO, &saved_termios) == 0;

    if (wake_pipe[0] < 0 && pipe(wake_pipe) == 0) {
        for (int i = 0; i < 2; i++) {
            fcntl(wake_pipe[i], F_SETFL, fcntl(wake_pipe[i], F_GETFL) | O_NONBLOCK);
            fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
        }
    }
    // A stack for the crash handlers, so a stack overflow still restores.
    if (alternate_stack.ss_sp == NULL) {
        alternate_stack.ss_size = 64 * 1024;
        alternate_stack.ss_sp = malloc(alternate_stack.ss_size);
        if (alternate_stack.ss_sp) sigaltstack(&alternate_stack, NULL);
    }
    for (size_t i = 0; i < FATAL_COUNT; i++) set_handler(fatal_signals[i], on_fatal, SA_ONSTACK, &previous_fatal[i]);
    // No SA_RESTART: a blocking call returns, so the loop sees the request at once.
    for (size_t i = 0; i < QUIT_COUNT; i++) set_handler(quit_signals[i], on_quit, 0, &previous_quit[i]);
    set_handler(SIGCONT, on_continue, SA_RESTART, &previous_cont);
    set_handler(SIGWINCH, on_resize, SA_RESTART, &previous_winch);
    set_handler(SIGPIPE, SIG_IGN, 0, &previous_pipe);
    set_handler(SIGXFSZ, SIG_IGN, 0, &previous_xfsz);
}

void crg_uninstall(void) {
    for (size_t i = 0; i < FATAL_COUNT; i++) sigaction(fatal_signals[i], &previous_fatal[i], NULL);
    for (size_t i = 0; i < QUIT_COUNT; i++) sigaction(quit_signals[i], &previous_quit[i], NULL);
    sigaction(SIGCONT, &previous_cont, NULL);
    sigaction(SIGWINCH, &previous_winch, NULL);
    sigaction(SIGPIPE, &previous_pipe, NULL);
    sigaction(SIGXFSZ, &previous_xfsz, NULL);
    restore_len = 0;
}

int crg_take_continued(void) { int c = continued; continued = 0; return c; }

int crg_take_resized(void) { int r = resized; resized = 0; return r; }

int crg_take_quit(void) { int q = quit_requested; quit_requested = 0; return q; }

int crg_wait(void) {
    struct pollfd fds[2] = { { STDIN_FILENO, POLLIN, 0 }, { wake_pipe[0], POLLIN, 0 } };
    int n = poll(fds, wake_pipe[0] >= 0 ? 2 : 1, -1);
    if (n < 0) return 0;                                 // interrupted by a signal: look at the flags
    if (fds[1].revents & POLLIN) {
        char drain[64];
        while (read(wake_pipe[0], drain, sizeof drain) > 0) {}
    }
    if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) return -1;
    return (fds[0].revents & POLLIN) ? 1 : 0;
}

void crg_wake(void) { wake_from_handler(); }

int crg_window_size(int *rows, int *cols) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return -1;
    *rows = ws.ws_row;
    *cols = ws.ws_col;
    return 0;
}

int crg_input_empty(void) {
    int pending = 0;
    if (ioctl(STDIN_FILENO, FIONREAD, &pending) != 0) return 1;
    return pending == 0;
}
