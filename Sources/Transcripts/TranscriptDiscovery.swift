import Foundation

/// Finds transcript files: `*.txt` and `*.transcript`.
public enum TranscriptDiscovery {
    /// File name extensions recognised in folders.
    public static let extensions: Set<String> = ["txt", "transcript"]

    /// The transcript files named by `paths`, sorted by path and without duplicates.
    /// A file is taken as given, whatever its extension. A folder is searched
    /// recursively for `*.txt` and `*.transcript`, skipping hidden files and
    /// folders (names starting with `.`). Throws `TranscriptError.notFound` for a
    /// path that does not exist.
    public static func files(in paths: [URL]) throws -> [URL] {
        let fm = FileManager.default
        var found: Set<String> = []
        for url in paths {
            let path = url.standardizedFileURL.path
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw TranscriptError.notFound(path: url.path)
            }
            if !isDirectory.boolValue {
                found.insert(path)
                continue
            }
            try collect(folder: path, into: &found)
        }
        return found.sorted().map { URL(fileURLWithPath: $0) }
    }

    /// `files(in:)` for path strings (relative to the current directory).
    public static func files(in paths: [String]) throws -> [URL] {
        try files(in: paths.map { URL(fileURLWithPath: $0) })
    }

    private static func collect(folder: String, into found: inout Set<String>) throws {
        let fm = FileManager.default
        let names = try fm.contentsOfDirectory(atPath: folder)
        for name in names where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                try collect(folder: path, into: &found)
            } else if extensions.contains((name as NSString).pathExtension.lowercased()) {
                found.insert(path)
            }
        }
    }
}
