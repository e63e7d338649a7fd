/// A small line-based unified diff (the format of `diff -u`), computed from a
/// longest common subsequence. Used to show how a reply differs from the
/// transcript's expectation.
public enum UnifiedDiff {
    /// One line of an edit script.
    public enum Edit: Equatable, Sendable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// The edit script turning `old` into `new` (LCS based; removals are listed
    /// before additions within a changed run).
    public static func edits(_ old: [String], _ new: [String]) -> [Edit] {
        let n = old.count, m = new.count
        // lcs[i][j] = length of the LCS of old[i...] and new[j...].
        var lcs = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = old[i] == new[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
        }
        var result: [Edit] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n && j < m && old[i] == new[j] {
                result.append(.same(old[i])); i += 1; j += 1
            } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
                result.append(.removed(old[i])); i += 1
            } else {
                result.append(.added(new[j])); j += 1
            }
        }
        return result
    }

    /// The unified diff of two lists of lines: `--- oldName`, `+++ newName`, then
    /// hunks `@@ -a,b +c,d @@` with `context` lines of context around each change.
    /// Counts are always written; an empty range is numbered after the line it
    /// follows, as `diff -u` does (`-0,0` before the first line).
    /// Returns the empty string when the lists are equal. Ends with a newline otherwise.
    public static func diff(old: [String], new: [String], oldName: String = "expected", newName: String = "actual", context: Int = 3) -> String {
        let script = edits(old, new)
        let changed = script.indices.filter { if case .same = script[$0] { return false } else { return true } }
        guard let firstChange = changed.first else { return "" }
        _ = firstChange

        // Group changes into hunks: a hunk spans from `context` before its first
        // change to `context` after its last; hunks closer than 2*context merge.
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let lo = max(0, index - context), hi = min(script.count - 1, index + context)
            if let last = ranges.last, lo <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, hi)
            } else {
                ranges.append(lo...hi)
            }
        }

        // Line numbers (1-based) of each script entry in old and new.
        var oldLineBefore = [Int](repeating: 0, count: script.count) // old lines consumed before entry
        var newLineBefore = [Int](repeating: 0, count: script.count)
        var o = 0, w = 0
        for (k, edit) in script.enumerated() {
            oldLineBefore[k] = o; newLineBefore[k] = w
            switch edit {
            case .same: o += 1; w += 1
            case .removed: o += 1
            case .added: w += 1
            }
        }

        var out = "--- \(oldName)\n+++ \(newName)\n"
        for range in ranges {
            var oldCount = 0, newCount = 0
            var body = ""
            for k in range {
                switch script[k] {
                case .same(let s): oldCount += 1; newCount += 1; body += " \(s)\n"
                case .removed(let s): oldCount += 1; body += "-\(s)\n"
                case .added(let s): newCount += 1; body += "+\(s)\n"
                }
            }
            let oldStart = oldCount == 0 ? oldLineBefore[range.lowerBound] : oldLineBefore[range.lowerBound] + 1
            let newStart = newCount == 0 ? newLineBefore[range.lowerBound] : newLineBefore[range.lowerBound] + 1
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n" + body
        }
        return out
    }
}
