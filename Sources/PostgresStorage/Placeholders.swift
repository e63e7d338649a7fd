/// Rewrites the services' `?` placeholders as PostgreSQL's `$1, $2, …`,
/// leaving `?` inside string literals, quoted identifiers and comments alone.
enum Placeholders {
    static func translate(_ sql: String) -> (sql: String, count: Int) {
        guard sql.contains("?") else { return (sql, 0) }
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var count = 0
        var quote: Character? = nil      // ' or " while inside one
        var lineComment = false
        var previous: Character? = nil
        for c in sql {
            if lineComment {
                if c == "\n" { lineComment = false }
            } else if let q = quote {
                if c == q { quote = nil }   // a doubled quote closes and reopens: same result
            } else if c == "'" || c == "\"" {
                quote = c
            } else if c == "-" && previous == "-" {
                lineComment = true
            } else if c == "?" {
                count += 1
                out += "$\(count)"
                previous = c
                continue
            }
            out.append(c)
            previous = c
        }
        return (out, count)
    }
}
