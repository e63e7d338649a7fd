import Foundation

/// Loads an outside corpus (JSON Lines) from /work/shared/corpora, or the
/// path in $GUANLAN_CORPORA. Returns [] when the file is not there.
enum Corpus {
    static var directory: String {
        ProcessInfo.processInfo.environment["GUANLAN_CORPORA"] ?? "/work/shared/corpora"
    }

    static func load(_ name: String) -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: directory + "/" + name),
              let text = String(data: data, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).compactMap { line in
            try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        }
    }

    static func number(_ any: Any?) -> Double? {
        if let n = any as? NSNumber { return n.doubleValue }
        if let s = any as? String { return Double(s) }
        return nil
    }
}
