import Foundation

/// The firms of the subdistrict: lookup by name (full, short, one wrong
/// character), credit code or contact phone, and registration of new firms.
public struct EnterpriseRegistry: Sendable {
    let db: any SQLDatabase

    public init(db: any SQLDatabase) { self.db = db }

    public func all() throws -> [Enterprise] {
        try db.read { conn in try conn.query("SELECT * FROM enterprises ORDER BY name").map(Enterprise.init(row:)) }
    }

    public func enterprise(uscc: String) throws -> Enterprise? {
        try db.read { conn in try conn.queryOne("SELECT * FROM enterprises WHERE uscc = ?", [.text(uscc)]).map(Enterprise.init(row:)) }
    }

    public func enterprises(phone: String) throws -> [Enterprise] {
        try db.read { conn in try conn.query("SELECT * FROM enterprises WHERE contact_phone = ?", [.text(phone)]).map(Enterprise.init(row:)) }
    }

    /// Firms named in `text`: full or short name exactly, else a full or short
    /// name (3+ characters) with one wrong character. Best first.
    public func enterprises(mentionedIn text: String) throws -> [Enterprise] {
        let firms = try all()
        let exact = firms.filter { text.contains($0.name) || text.contains($0.shortName) }
        if !exact.isEmpty { return exact.sorted { $0.name.count > $1.name.count } }
        let scalars = Array(text)
        return firms.filter { firm in
            [firm.name, firm.shortName].contains { name in
                let n = Array(name)
                guard n.count >= 3, scalars.count >= n.count else { return false }
                return (0...(scalars.count - n.count)).contains { start in
                    zip(scalars[start..<(start + n.count)], n).filter { $0 != $1 }.count == 1
                }
            }
        }
    }

    /// Registers a firm not yet in the registry (待核实 until the economic office checks it).
    public func register(name: String, uscc: String, community: String?, phone: String?, contact: String?) throws -> Enterprise {
        try db.write { conn in
            if let existing = try conn.queryOne("SELECT * FROM enterprises WHERE uscc = ?", [.text(uscc)]) {
                return Enterprise(row: existing)
            }
            try conn.execute(
                """
                INSERT INTO enterprises (uscc, name, park, community, party_committee, industry, scale, contact, contact_phone)
                VALUES (?, ?, '待核实', ?, '街道经济服务办', '待核实', '新登记', ?, ?)
                """, [.text(uscc), .text(name), .text(community ?? "待核实"), .text(contact ?? ""), .text(phone ?? "")])
            return Enterprise(row: try conn.queryOne("SELECT * FROM enterprises WHERE uscc = ?", [.text(uscc)])!)
        }
    }
}
