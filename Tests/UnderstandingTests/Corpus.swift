import Foundation

/// Loads an outside corpus (JSON Lines) from `$GUANLAN_CORPORA`, else the project's
/// copy of `../shared/corpora` in `Tests/UnderstandingTests/Corpora`.
/// Returns [] when the file is not there.
enum Corpus {
    /// `$GUANLAN_CORPORA`, else the project's own copy of `../shared/corpora` (with its
    /// licences), so that a clone anywhere runs and prints the yardsticks.
    static var directory: String {
        if let dir = ProcessInfo.processInfo.environment["GUANLAN_CORPORA"] { return dir }
        return PackageRoot.url.appendingPathComponent("Tests/UnderstandingTests/Corpora").path
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

/// The package's root folder (the one with Package.swift), found from this file.
enum PackageRoot {
    static let url: URL = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir
    }()
}
