import Foundation

extension TranscriptRunner {
    /// What `guanlan replay [--update] PATH ...` does: finds the transcripts under
    /// `paths` (`TranscriptDiscovery`), runs (or, with `update`, updates) each one,
    /// and writes one summary line per file to `output` followed by the diffs of
    /// its mismatches; errors (a malformed file, say) are written to `errors` and
    /// count as failures without stopping the other files. Returns true when every
    /// transcript matched (with `update`: when every file could be run and written).
    /// The executable exits 0 exactly when this returns true.
    public func replay(paths: [String], update: Bool = false, mode: Mode = .inProcess,
                       output: (String) -> Void = { print($0) },
                       errors: (String) -> Void = { TranscriptRunner.printError($0) }) -> Bool {
        let files: [URL]
        do { files = try TranscriptDiscovery.files(in: paths.isEmpty ? ["transcripts"] : paths) } catch {
            errors("guanlan replay: \(error)")
            return false
        }
        if files.isEmpty {
            errors("guanlan replay: no transcript files (*.txt, *.transcript) under \(paths.joined(separator: " "))")
            return false
        }
        var ok = true, failed = 0, rewritten = 0
        for file in files {
            do {
                if update {
                    let result = try self.update(file: file, mode: mode)
                    if result.passed {
                        output("ok   \(TranscriptPaths.display(file)) (unchanged)")
                    } else {
                        rewritten += 1
                        output("updated \(TranscriptPaths.display(file)) (\(result.mismatches.count) of \(result.exchanges) replies rewritten)")
                    }
                } else {
                    let result = try run(file: file, mode: mode)
                    output(result.report)
                    if !result.passed { ok = false; failed += 1 }
                }
            } catch {
                errors("\(error)")
                ok = false
                failed += 1
            }
        }
        if update {
            output("\(files.count) transcripts, \(rewritten) updated\(failed > 0 ? ", \(failed) failed" : "")")
        } else {
            output(failed == 0 ? "\(files.count) transcripts passed" : "\(failed) of \(files.count) transcripts failed")
        }
        return ok
    }

    public static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

extension TranscriptDiscovery {
    /// The package root (the folder holding Package.swift) above `filePath` —
    /// pass `#filePath` from a test to find the repository's `transcripts/`.
    public static func packageRoot(from filePath: String = #filePath) -> URL? {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url = url.deletingLastPathComponent()
        }
        return nil
    }
}
