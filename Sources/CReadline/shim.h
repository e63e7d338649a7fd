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
#endif
