import Domain
import GRDB
import GRDBSQLite

/// Runs a prepared (GRDB-cached) statement with `SQLValue` bindings through SQLite's C
/// interface, which GRDB allows on its statements inside a database access: binding,
/// stepping, and reading rows straight into `SQLRow`.
///
/// Why not `Statement.execute(arguments:)`: building GRDB's `StatementArguments` from our
/// values goes through unspecialised generic code across the module boundary — one
/// existential per value, 29 of them per filed ticket — and showed as ≈10 % of the
/// committer's CPU in the filing profile (docs/PERFORMANCE.md). Binding directly costs a
/// call per value. Same checks as GRDB's: the number of values must match the statement's
/// parameters, and a failing step throws `DatabaseError` with SQLite's code and message.
enum BoundStatement {
    /// SQLite copies the text before the call returns (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Binds `bindings` and steps `statement` to the end; returns the rows changed.
    static func execute(_ statement: Statement, _ bindings: [SQLValue], in db: Database) throws -> Int {
        let handle = try bind(statement, bindings, in: db)
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            if code != SQLITE_ROW { throw error(code, statement, db) }
        }
        return Int(sqlite3_changes(db.sqliteConnection))
    }

    /// Binds `bindings` and reads every row, by lower-cased column name.
    static func query(_ statement: Statement, _ bindings: [SQLValue], in db: Database) throws -> [SQLRow] {
        let handle = try bind(statement, bindings, in: db)
        defer { sqlite3_reset(handle) }
        let count = sqlite3_column_count(handle)
        let columns = (0..<count).map { String(cString: sqlite3_column_name(handle, $0)).lowercased() }
        var rows: [SQLRow] = []
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            if code != SQLITE_ROW { throw error(code, statement, db) }
            var values = [String: SQLValue](minimumCapacity: columns.count)
            for (index, column) in zip(Int32(0)..., columns) {
                values[column] = value(handle, index)
            }
            rows.append(SQLRow(values))
        }
        return rows
    }

    /// Resets the statement and binds `bindings` to its parameters, in order.
    private static func bind(_ statement: Statement, _ bindings: [SQLValue], in db: Database) throws -> SQLiteStatement {
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        guard Int(sqlite3_bind_parameter_count(handle)) == bindings.count else {
            throw DatabaseError(resultCode: .SQLITE_MISUSE,
                                message: "wrong number of statement arguments: \(bindings.count)", sql: statement.sql)
        }
        for (offset, binding) in bindings.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch binding {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let i): code = sqlite3_bind_int64(handle, index, i)
            case .real(let d): code = sqlite3_bind_double(handle, index, d)
            case .text(let s) where s.isEmpty:
                code = sqlite3_bind_text(handle, index, "", 0, transient)
            case .text(var s):
                code = s.withUTF8 { bytes in
                    bytes.withMemoryRebound(to: CChar.self) { chars in
                        sqlite3_bind_text(handle, index, chars.baseAddress, Int32(chars.count), transient)
                    }
                }
            }
            guard code == SQLITE_OK else { throw error(code, statement, db) }
        }
        return handle
    }

    /// A column of the current row, as GRDB's `DatabaseValue` mapping did it (a blob as UTF-8 text).
    private static func value(_ handle: SQLiteStatement, _ index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard let bytes = sqlite3_column_blob(handle, index), count > 0 else { return .text("") }
            return .text(String(decoding: UnsafeRawBufferPointer(start: bytes, count: count), as: UTF8.self))
        default:
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        }
    }

    private static func error(_ code: Int32, _ statement: Statement, _ db: Database) -> DatabaseError {
        let message = sqlite3_errmsg(db.sqliteConnection).map { String(cString: $0) }
        return DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
    }
}
