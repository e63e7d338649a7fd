import Foundation
import Bot

/// How a JSON reply is compared with its expectation: as parsed values, where
/// the expectation may be a subset — every key written in an expected object
/// must be present in the actual object with a matching value, keys not
/// written are ignored. This applies at every depth. Arrays must have the same
/// length and match element by element; numbers compare by value (1 == 1.0).
public enum JSONMatch {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    /// Parses one JSON value (any top-level value).
    public static func parse(_ text: String) throws -> JSONValue {
        guard let data = text.data(using: .utf8) else { throw ParseError(description: "not UTF-8") }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw ParseError(description: "invalid JSON")
        }
    }

    /// Whether `actual` satisfies `expected` (subset rule above).
    public static func matches(expected: JSONValue, actual: JSONValue) -> Bool {
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            for (key, value) in e {
                guard let other = a[key], matches(expected: value, actual: other) else { return false }
            }
            return true
        case (.array(let e), .array(let a)):
            return e.count == a.count && zip(e, a).allSatisfy { matches(expected: $0, actual: $1) }
        case (.int(let e), .double(let a)): return Double(e) == a
        case (.double(let e), .int(let a)): return e == Double(a)
        default:
            return expected == actual
        }
    }

    /// `actual` with every object cut down to the keys `expected` has at the same
    /// place, so that a diff shows only what the expectation talks about.
    public static func project(_ actual: JSONValue, onto expected: JSONValue) -> JSONValue {
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            var kept: [String: JSONValue] = [:]
            for (key, value) in a where e[key] != nil {
                kept[key] = project(value, onto: e[key]!)
            }
            return .object(kept)
        case (.array(let e), .array(let a)):
            return .array(a.enumerated().map { i, v in i < e.count ? project(v, onto: e[i]) : v })
        default:
            return actual
        }
    }

    /// Pretty, sorted-key lines for diffing (two-space indent, CJK unescaped).
    public static func prettyLines(_ value: JSONValue) -> [String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return ["<unencodable>"] }
        return String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
    }
}
