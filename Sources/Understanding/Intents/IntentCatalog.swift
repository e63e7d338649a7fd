import Foundation
import Yams

/// Every intent spec, loaded from the `intents/` folder at start-up (the only
/// I/O of the understanding layer; parsing itself is pure).
public struct IntentCatalog: Sendable {
    public let specs: [IntentSpec]
    /// Words of requests the hotline does not serve (挂号, 高铁票, 公积金) and
    /// of chit-chat: when one outweighs every trigger, the text is out of
    /// scope (`intent: null`). From `intents/out-of-scope.txt`, one a line.
    public let outOfScope: [String]
    /// English words of other systems' key=value lines, each standing for a
    /// word of the catalogue (close → 办结): `intents/field-words.txt`.
    public let fieldWords: [(alias: String, word: String)]

    public init(specs: [IntentSpec], outOfScope: [String] = [], fieldWords: [(alias: String, word: String)] = []) {
        self.specs = specs.sorted { ($0.order, $0.intent) < ($1.order, $1.intent) }
        self.fieldWords = fieldWords
        self.outOfScope = outOfScope.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }
        var byFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for word in self.outOfScope where !word.isEmpty { byFirst[word.unicodeScalars.first!, default: []].append(Array(word.unicodeScalars)) }
        self.outOfScopeByFirst = byFirst
    }

    /// The catalogue with one keyword slot's values taken from data (values
    /// without words are left out: they cannot be said). Unchanged when the
    /// intent or slot is not there. The `outranking` words (emergencies) also
    /// become words of the intent's descriptive fallback.
    public func replacingValues(intent: String, slot: String, with ordered: [(value: String, words: [String])],
                                outranking: [String] = []) -> IntentCatalog {
        let said = ordered.filter { !$0.words.isEmpty }
        let specs = self.specs.map { spec -> IntentSpec in
            guard spec.intent == intent, !said.isEmpty else { return spec }
            var spec = spec
            for i in spec.slots.indices where spec.slots[i].name == slot && spec.slots[i].type == "keyword" { spec.slots[i].setValues(said, outranking: outranking) }
            // An emergency's word at a place is an account of a problem even in a line
            // that also asks something (…晕低咗喺门口…你哋都派人嚟睇下, after 是观澜街道吗？).
            for k in spec.fallbacks.indices where spec.fallbacks[k].descriptive == true {
                spec.fallbacks[k].words += outranking.filter { !spec.fallbacks[k].words.contains($0) }
            }
            return spec
        }
        return IntentCatalog(specs: specs, outOfScope: outOfScope, fieldWords: fieldWords)
    }

    /// The out-of-scope words by their first character, for one pass over a line.
    let outOfScopeByFirst: [Unicode.Scalar: [[Unicode.Scalar]]]

    /// The out-of-scope word list: one phrase a line, `#` starts a comment.
    static func loadOutOfScope(_ url: URL) throws -> [String] {
        try lines(of: url).map(\.text)
    }

    /// A list file's lines without comments (`#` to the end) and blank lines, with their line numbers.
    static func lines(of url: URL) throws -> [(text: String, line: Int)] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
            throw IntentFileError(file: url.path, line: 0, message: "无法读取文件或不是 UTF-8")
        }
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().compactMap { number, line in
            let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
            return word.isEmpty ? nil : (word, number + 1)
        }
    }

    /// The field words: `alias 词` a line. Each word must be one of the
    /// catalogue's triggers, cues or keyword words, or the alias would find nothing.
    static func loadFieldWords(_ url: URL, specs: [IntentSpec]) throws -> [(alias: String, word: String)] {
        var known = Set<String>()
        for spec in specs {
            known.formUnion(spec.triggers)
            known.formUnion(spec.cues)
            for slot in spec.slots { for words in (slot.values ?? [:]).values { known.formUnion(words) } }
        }
        return try lines(of: url).map { text, line in
            let parts = text.split(whereSeparator: \.isWhitespace)
            guard parts.count == 2 else {
                throw IntentFileError(file: url.path, line: line, message: "每行应为“英文字段词 中文词”两项：\(text)")
            }
            guard known.contains(String(parts[1])) else {
                throw IntentFileError(file: url.path, line: line, message: "“\(parts[1])”不是任何意图的触发词、线索词或关键词")
            }
            return (String(parts[0]), String(parts[1]))
        }
    }

    public func spec(_ intent: String) -> IntentSpec? { specs.first { $0.intent == intent } }

    /// Loads every `*.yaml` file in `directory`. An error names the file and line.
    public static func load(from directory: URL) throws -> IntentCatalog {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard !files.isEmpty else {
            throw IntentFileError(file: directory.path, line: 0, message: "目录中没有意图文件（*.yaml）")
        }
        var specs: [IntentSpec] = []
        for file in files {
            let path = directory.appendingPathComponent(file).path
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw IntentFileError(file: path, line: 0, message: "无法读取文件或不是 UTF-8")
            }
            specs.append(try parse(text, file: path))
        }
        var seen = Set<String>()
        for spec in specs where !seen.insert(spec.intent).inserted {
            throw IntentFileError(file: spec.source, line: 1, message: "意图重复定义：\(spec.intent)")
        }
        try resolveSharedValues(&specs, from: directory.appendingPathComponent("vocabularies"))
        return IntentCatalog(specs: specs, outOfScope: try loadOutOfScope(directory.appendingPathComponent("out-of-scope.txt")),
                             fieldWords: try loadFieldWords(directory.appendingPathComponent("field-words.txt"), specs: specs))
    }

    /// Gives each `values_from` slot its shared vocabulary's values.
    private static func resolveSharedValues(_ specs: inout [IntentSpec], from directory: URL) throws {
        let vocabularies = try SharedVocabulary.loadAll(from: directory)
        for s in specs.indices {
            for i in specs[s].slots.indices {
                guard let name = specs[s].slots[i].valuesFrom else { continue }
                guard specs[s].slots[i].values == nil else {
                    throw IntentFileError(file: specs[s].source, line: 0, message: "槽位 \(specs[s].slots[i].name) 不能同时有 values 和 values_from")
                }
                guard let vocabulary = vocabularies[name] else {
                    throw IntentFileError(file: specs[s].source, line: 0,
                                          message: "槽位 \(specs[s].slots[i].name) 的 values_from 词表不存在：intents/vocabularies/\(name).yaml")
                }
                specs[s].slots[i].setValues(vocabulary.values)
            }
        }
    }

    /// Parses one intent file's text.
    public static func parse(_ text: String, file: String) throws -> IntentSpec {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw IntentFileError(file: file, line: 1, message: "文件为空")
            }
            node = composed
        } catch let error as YamlError {
            throw IntentFileError(file: file, line: Self.line(of: error), message: "YAML 语法错误：\(error)")
        }
        do {
            var spec = try YAMLDecoder().decode(IntentSpec.self, from: text)
            spec.source = file
            spec.examples = zip(spec.examples, exampleLines(node)).map { example, line in
                IntentSpec.Example(text: example.text, slots: example.slots, line: line)
            }
            guard !spec.triggers.isEmpty || spec.fallback != nil else {
                throw IntentFileError(file: file, line: 1, message: "意图 \(spec.intent) 既没有 triggers 也没有 fallback")
            }
            return spec
        } catch var error as IntentFileError {
            error.file = file
            throw error
        } catch let error as DecodingError {
            if case .dataCorrupted(let ctx) = error, var inner = ctx.underlyingError as? IntentFileError {
                inner.file = file
                throw inner
            }
            let (path, message) = Self.describe(error)
            throw IntentFileError(file: file, line: Self.line(at: path, in: node), message: message)
        }
    }

    private static func exampleLines(_ node: Node) -> [Int?] {
        guard let examples = node["examples"]?.sequence else { return [] }
        return examples.map { $0.mark.map(\.line) }
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return 0
        }
    }

    /// The line of the node at a coding path (the deepest that exists).
    private static func line(at path: [CodingKey], in root: Node) -> Int {
        var node = root
        for key in path {
            if let index = key.intValue, let seq = node.sequence, index < seq.count {
                node = seq[index]
            } else if let next = node[key.stringValue] {
                node = next
            } else { break }
        }
        return node.mark?.line ?? 1
    }

    private static func describe(_ error: DecodingError) -> ([CodingKey], String) {
        switch error {
        case .keyNotFound(let key, let ctx):
            return (ctx.codingPath, "缺少字段 \(key.stringValue)")
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx), .dataCorrupted(let ctx):
            let where_ = ctx.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
            return (ctx.codingPath, "字段 \(where_) 的值不正确：\(ctx.debugDescription)")
        @unknown default:
            return ([], "\(error)")
        }
    }
}

/// An intent file that cannot be loaded: which file, which line, why.
public struct IntentFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public var description: String { "\(file):\(line)：\(message)" }
}
