import CLibPQ
import Domain
import Foundation

/// One libpq connection, used by one thread at a time (the pool sees to it).
final class PGConnection: SQLConnection {
    private let handle: OpaquePointer
    /// False once the server went away: the pool then closes it and opens a new one.
    private(set) var isUsable = true

    init(url: String) throws {
        let keywords = ["dbname", "fallback_application_name", "connect_timeout"]
        let values = [url, "guanlan", "5"]
        let conn = Self.withCStrings(keywords) { k in
            Self.withCStrings(values) { v in PQconnectdbParams(k, v, 1) }
        }
        guard let conn else { throw StorageError.unavailable("libpq: out of memory") }
        guard PQstatus(conn) == CONNECTION_OK else {
            let message = Self.message(PQerrorMessage(conn))
            PQfinish(conn)
            throw StorageError.unavailable(message)
        }
        handle = conn
        guanlan_pq_silence_notices(conn)
        // Durable commits (the default, stated so a server setting can't weaken it).
        try run("SET synchronous_commit = on")
    }

    deinit { PQfinish(handle) }

    /// A statement without parameters (BEGIN, COMMIT, SET …).
    func run(_ sql: String) throws {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        try check(result)
    }

    func execute(_ sql: String, _ bindings: [SQLValue]) throws -> Int {
        try withResult(sql, bindings) { result in Int(String(cString: PQcmdTuples(result))) ?? 0 }
    }

    func query(_ sql: String, _ bindings: [SQLValue]) throws -> [SQLRow] {
        try withResult(sql, bindings) { result in
            let rows = Int(PQntuples(result)), columns = Int(PQnfields(result))
            let names = (0..<columns).map { String(cString: PQfname(result, Int32($0))).lowercased() }
            let types = (0..<columns).map { PQftype(result, Int32($0)) }
            var out: [SQLRow] = []
            out.reserveCapacity(rows)
            for r in 0..<rows {
                var values: [String: SQLValue] = [:]
                for c in 0..<columns {
                    if PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                        values[names[c]] = .null
                    } else {
                        values[names[c]] = Self.value(String(cString: PQgetvalue(result, Int32(r), Int32(c))), type: types[c])
                    }
                }
                out.append(SQLRow(values))
            }
            return out
        }
    }

    // MARK: - Parameters and results

    private func withResult<T>(_ sql: String, _ bindings: [SQLValue], _ body: (OpaquePointer) throws -> T) throws -> T {
        let (text, count) = Placeholders.translate(sql)
        guard count == bindings.count else {
            throw StorageError.failed("\(count) placeholders but \(bindings.count) values: \(sql)")
        }
        // Integers go as int8 and reals as float8; text and NULL as `unknown`
        // (0), so the server infers the column's type, as SQLite would.
        let types: [Oid] = bindings.map {
            switch $0 {
            case .integer: return 20
            case .real: return 701
            case .text, .null: return 0
            }
        }
        let strings: [String?] = bindings.map {
            switch $0 {
            case .null: return nil
            case .integer(let i): return String(i)
            case .real(let d): return String(d)
            case .text(let s): return s
            }
        }
        let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { $0.flatMap { strdup($0) } }
        defer { pointers.forEach { free($0) } }
        let result = pointers.withUnsafeBufferPointer { values in
            types.withUnsafeBufferPointer { oids in
                values.withMemoryRebound(to: UnsafePointer<CChar>?.self) { cValues in
                    PQexecParams(handle, text, Int32(bindings.count), oids.baseAddress, cValues.baseAddress, nil, nil, 0)
                }
            }
        }
        defer { PQclear(result) }
        try check(result)
        return try body(result!)
    }

    /// Values come in text format and are parsed by the column's type OID.
    static func value(_ text: String, type: Oid) -> SQLValue {
        switch type {
        case 20, 21, 23, 26:                        // int8, int2, int4, oid
            return Int64(text).map { .integer($0) } ?? .text(text)
        case 700, 701:                              // float4, float8
            return Double(text).map { .real($0) } ?? .text(text)
        case 1700:                                  // numeric (e.g. SUM of BIGINT)
            if let i = Int64(text) { return .integer(i) }
            return Double(text).map { .real($0) } ?? .text(text)
        case 16:                                    // bool, as SQLite's 0/1
            return .integer(text == "t" ? 1 : 0)
        default:
            return .text(text)
        }
    }

    // MARK: - Errors

    private func check(_ result: OpaquePointer?) throws {
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        if status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK { return }
        let state = result.flatMap { guanlan_pq_sqlstate($0) }.map { String(cString: $0) } ?? ""
        let message = result.map { Self.message(PQresultErrorMessage($0)) }.flatMap { $0.isEmpty ? nil : $0 }
            ?? Self.message(PQerrorMessage(handle))
        if PQstatus(handle) != CONNECTION_OK { isUsable = false }
        throw Self.map(sqlState: state, message: message, connectionLost: !isUsable)
    }

    /// SQLSTATE → the storage errors services and messages understand.
    static func map(sqlState: String, message: String, connectionLost: Bool) -> StorageError {
        if connectionLost || sqlState.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(sqlState) {
            return .unavailable(message)
        }
        switch sqlState {
        case "23505", "40001", "40P01": return .conflict(message)
        case "53300", "55P03", "57014": return .unavailable(message) // too many connections, lock not available, cancelled
        default: return .failed(sqlState.isEmpty ? message : "\(message) [\(sqlState)]")
        }
    }

    static func message(_ text: UnsafePointer<CChar>?) -> String {
        text.map { String(cString: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
    }

    private static func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) } + [nil]
        defer { copies.forEach { free($0) } }
        return copies.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { body($0.baseAddress!) }
        }
    }
}
