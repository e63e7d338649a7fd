/// Field checks for imported rows; each failure names the file, line and column.
struct RowValidator {
    let table: CSVTable
    let row: CSVTable.Row

    func text(_ column: String) throws -> String {
        let value = row[column]
        if value.isEmpty { throw error(column, "不能为空") }
        return value
    }

    func phone(_ column: String) throws -> String {
        let value = try text(column)
        guard value.count == 11, value.hasPrefix("1"), value.allSatisfy(\.isASCIIDigit) else {
            throw error(column, "电话号码应为 11 位手机号：\(value)")
        }
        return value
    }

    func int(_ column: String, in range: ClosedRange<Int>) throws -> Int {
        let value = try text(column)
        guard let i = Int(value), range.contains(i) else {
            throw error(column, "应为 \(range.lowerBound)–\(range.upperBound) 之间的整数：\(value)")
        }
        return i
    }

    func date(_ column: String) throws -> String {
        let value = try text(column)
        guard CalendarDay(value) != nil else { throw error(column, "日期格式应为 YYYY-MM-DD：\(value)") }
        return value
    }

    func clockTime(_ column: String) throws -> String {
        let value = try text(column)
        let parts = value.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else {
            throw error(column, "时间格式应为 HH:MM：\(value)")
        }
        return value
    }

    func error(_ column: String, _ message: String) -> ImportError {
        ImportError(file: table.file, line: row.line, column: column, message: message)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
