import CReadline
import Foundation

/// readline's history, kept in a file across runs and capped at `limit` entries.
struct History {
    let path: String
    let limit: Int32
    private(set) var last: String?

    init(path: String, limit: Int32 = 1000) {
        self.path = path
        self.limit = limit
    }

    /// Creates the file (and its directory) if needed and loads it.
    mutating func load() {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        _ = read_history(path)
        stifle_history(limit)
        if let line = guanlan_history_last_line() {
            last = String(cString: line)
        }
    }

    /// Adds a line (not a repeat of the previous one) and appends it to the file at once.
    mutating func add(_ line: String) {
        guard !line.isEmpty, line != last else { return }
        add_history(line)
        _ = append_history(1, path)
        last = line
    }

    /// Trims the file to the cap (it grows by appends during a run).
    func save() {
        _ = history_truncate_file(path, limit)
    }
}
