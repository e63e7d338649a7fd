import Foundation
import Yams

/// A keyword slot's values kept once for several intents: a file in
/// `intents/vocabularies/` named after the vocabulary (`cobuild-kind.yaml`),
/// mapping each value to the words that mean it, in the order that breaks ties.
/// A slot takes it with `values_from: cobuild-kind` instead of `values`.
struct SharedVocabulary {
    let name: String
    let file: String
    let values: [(value: String, words: [String])]

    /// Every vocabulary in `directory` (none when the folder is absent).
    static func loadAll(from directory: URL) throws -> [String: SharedVocabulary] {
        let fm = FileManager.default
        guard fm.fileExists(atPath: directory.path) else { return [:] }
        var found: [String: SharedVocabulary] = [:]
        for file in try fm.contentsOfDirectory(atPath: directory.path).filter({ $0.hasSuffix(".yaml") }).sorted() {
            let path = directory.appendingPathComponent(file).path
            let vocabulary = try parse(contentsOf: path, name: String(file.dropLast(".yaml".count)))
            found[vocabulary.name] = vocabulary
        }
        return found
    }

    static func parse(contentsOf path: String, name: String) throws -> SharedVocabulary {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw IntentFileError(file: path, line: 0, message: "无法读取文件或不是 UTF-8")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw IntentFileError(file: path, line: 0, message: "YAML 语法错误：\(error)")
        }
        guard let mapping = root?.mapping, !mapping.isEmpty else {
            throw IntentFileError(file: path, line: 1, message: "词表应为「值: [词, …]」的映射且不能为空")
        }
        var values: [(value: String, words: [String])] = []
        for (key, node) in mapping {
            let line = key.mark?.line ?? 0
            guard let value = key.string, !value.isEmpty else { throw IntentFileError(file: path, line: line, message: "词表的值不能为空") }
            guard let words = node.sequence?.compactMap(\.string), words.count == node.sequence?.count, !words.isEmpty else {
                throw IntentFileError(file: path, line: line, message: "词表的值 \(value) 需要一列词")
            }
            values.append((value, words))
        }
        return SharedVocabulary(name: name, file: path, values: values)
    }
}
