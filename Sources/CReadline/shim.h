#ifndef GUANLAN_CREADLINE_SHIM_H
#define GUANLAN_CREADLINE_SHIM_H
// stdio.h must come before readline.h (readline uses FILE without including it).
#include <stdio.h>
#include <readline/readline.h>
#include <readline/history.h>

// Swift 6 rejects direct use of mutable C globals; these accessors wrap them.
static inline void guanlan_rl_set_name(const char *name) { rl_readline_name = name; }
static inline void guanlan_rl_disable_completion(void) { rl_bind_key('\t', rl_insert); }
static inline void guanlan_rl_set_catch_signals(int on) { rl_catch_signals = on; }
/// Abandon the line being edited (after Ctrl-C): clear it and show a fresh prompt.
static inline void guanlan_rl_abandon_line(void) {
    rl_free_line_state();
    rl_replace_line("", 0);
    rl_crlf();
    rl_on_new_line();
    rl_redisplay();
}
static inline void guanlan_rl_set_done(void) { rl_done = 1; }

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <string.h>

// --- Locale -----------------------------------------------------------------

/// Applies the environment's locale; returns 1 when its character set is UTF-8.
static inline int guanlan_apply_locale_is_utf8(void) {
    setlocale(LC_ALL, "");
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// --- History ------------------------------------------------------------------

/// The newest history entry's text, or NULL.
static inline const char *guanlan_history_last_line(void) {
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry != NULL ? entry->line : NULL;
}

// --- Ctrl-C -------------------------------------------------------------------

static volatile sig_atomic_t guanlan_sigint_pending = 0;
static void guanlan_on_sigint(int signo) { (void)signo; guanlan_sigint_pending = 1; }

/// SIGINT sets a flag instead of killing the process. No SA_RESTART, so a
/// blocked poll() returns EINTR and the REPL sees the flag at once.
static inline int guanlan_install_sigint_flag(void) {
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = guanlan_on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(SIGINT, &action, NULL);
}

/// Returns 1 if SIGINT arrived since the last call, and clears the flag.
static inline int guanlan_take_sigint(void) {
    int pending = guanlan_sigint_pending;
    guanlan_sigint_pending = 0;
    return pending;
}

// --- Callback interface -----------------------------------------------------
// readline's alternate interface: the REPL polls stdin itself, so a Ctrl-C can
// interrupt the wait, and feeds readline one character at a time.

static char *guanlan_finished_line = NULL;
/// 0: editing, 1: a line is finished, 2: end of input (Ctrl-D on an empty line).
static int guanlan_line_status = 0;

static void guanlan_on_line(char *line) {
    // Leave callback mode at once: the terminal is restored, so the reply is
    // printed before the next prompt, which the REPL installs afresh.
    rl_callback_handler_remove();
    guanlan_finished_line = line;
    guanlan_line_status = line != NULL ? 1 : 2;
}

/// Shows `prompt` and starts editing a new line.
static inline void guanlan_rl_begin_line(const char *prompt) {
    guanlan_line_status = 0;
    guanlan_finished_line = NULL;
    rl_callback_handler_install(prompt, guanlan_on_line);
}

static inline int guanlan_rl_line_status(void) { return guanlan_line_status; }

/// The finished line (malloc'd; the caller frees it), or NULL.
static inline char *guanlan_rl_take_line(void) {
    char *line = guanlan_finished_line;
    guanlan_finished_line = NULL;
    guanlan_line_status = 0;
    return line;
}

/// Waits until stdin is readable. Returns 1, or -errno (-EINTR after a signal).
static inline int guanlan_wait_for_input(void) {
    struct pollfd descriptor = { .fd = fileno(rl_instream != NULL ? rl_instream : stdin), .events = POLLIN, .revents = 0 };
    int result = poll(&descriptor, 1, -1);
    return result < 0 ? -errno : 1;
}

/// Throws away the line being edited (after Ctrl-C) and leaves callback mode.
static inline void guanlan_rl_discard_line(void) {
    rl_free_line_state();
    rl_callback_sigcleanup();
    rl_replace_line("", 0);
    rl_point = 0;
    rl_end = 0;
    rl_callback_handler_remove();
}

#endif
