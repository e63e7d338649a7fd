import Foundation

/// A CSV file read into rows by header name (RFC 4180: quoted fields, doubled
/// quotes, commas and newlines inside quotes). Errors name the file, line and column.
public struct CSVTable: Sendable {
    public struct Row: Sendable {
        /// 1-based line number in the file where the row starts.
        public let line: Int
        public let fields: [String: String]
        public subscript(column: String) -> String { fields[column] ?? "" }
    }

    public let file: String
    public let header: [String]
    public let rows: [Row]

    public init(file: String, text: String) throws {
        self.file = file
        var records: [(line: Int, fields: [String])] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                    } else { inQuotes = false }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: inQuotes = true
            case ",": record.append(field); field = ""
            case "\r": continue
            case "\n":
                record.append(field); field = ""
                records.append((recordLine, record)); record = []
                line += 1; recordLine = line
            default: field.unicodeScalars.append(c)
            }
        }
        if inQuotes { throw ImportError(file: file, line: recordLine, column: nil, message: "引号没有闭合") }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append((recordLine, record)) }
        records.removeAll { $0.fields.count == 1 && $0.fields[0].trimmingCharacters(in: .whitespaces).isEmpty }
        guard let first = records.first else { throw ImportError(file: file, line: 1, column: nil, message: "文件为空") }
        var header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        if let h = header.first, h.hasPrefix("\u{FEFF}") { header[0] = String(h.dropFirst()) }
        self.header = header
        var rows: [Row] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.count else {
                throw ImportError(file: file, line: record.line, column: nil,
                                  message: "应有 \(header.count) 列，实际 \(record.fields.count) 列")
            }
            var fields: [String: String] = [:]
            for (name, value) in zip(header, record.fields) { fields[name] = value.trimmingCharacters(in: .whitespaces) }
            rows.append(Row(line: record.line, fields: fields))
        }
        self.rows = rows
    }

    public static func load(_ url: URL) throws -> CSVTable {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ImportError(file: url.path, line: 0, column: nil, message: "无法读取文件")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportError(file: url.path, line: 0, column: nil, message: "文件不是 UTF-8 编码")
        }
        return try CSVTable(file: url.path, text: text)
    }

    /// Fails unless every named column is in the header.
    public func require(_ columns: [String]) throws {
        for column in columns where !header.contains(column) {
            throw ImportError(file: file, line: 1, column: column, message: "缺少列")
        }
    }
}

/// A row that cannot be imported: where, and why (Chinese, for the operator).
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: String?
    public var message: String

    public init(file: String, line: Int, column: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let place = column.map { "\(file):\(line) 列 \($0)" } ?? "\(file):\(line)"
        return "\(place)：\(message)"
    }
}
