import CReadline
import Foundation

/// Makes sure the process reads and writes UTF-8 (Chinese input in readline).
enum UTF8Locale {
    /// Applies the environment's locale; when its character set is not UTF-8
    /// (`LANG` unset, `C`, `POSIX` …), switches to `C.UTF-8`, setting the
    /// environment too, since readline reads `LC_ALL`/`LC_CTYPE` itself.
    static func ensure() {
        if guanlan_apply_locale_is_utf8() != 0 { return }
        setenv("LC_CTYPE", "C.UTF-8", 1)
        setenv("LC_ALL", "C.UTF-8", 1)
        _ = setlocale(LC_ALL, "C.UTF-8")
    }
}
