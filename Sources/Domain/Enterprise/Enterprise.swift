import Foundation

/// A firm in the registry (`enterprises.csv`).
public struct Enterprise: Sendable, Equatable {
    public var uscc: String
    public var name: String
    public var park: String
    public var community: String
    public var partyCommittee: String
    public var industry: String
    public var scale: String
    public var contact: String
    public var contactPhone: String

    init(row: SQLRow) {
        uscc = row.string("uscc")
        name = row.string("name")
        park = row.string("park")
        community = row.string("community")
        partyCommittee = row.string("party_committee")
        industry = row.string("industry")
        scale = row.string("scale")
        contact = row.string("contact")
        contactPhone = row.string("contact_phone")
    }

    /// The distinctive part of the name: 深圳市鸿澜科技有限公司 → 鸿澜.
    public var shortName: String {
        var s = name
        for prefix in ["深圳市", "深圳"] where s.hasPrefix(prefix) { s.removeFirst(prefix.count); break }
        for suffix in ["股份有限公司", "有限责任公司", "有限公司", "集团", "公司"] where s.hasSuffix(suffix) {
            s.removeLast(suffix.count)
            break
        }
        for industry in ["智能装备", "新材料", "科技", "电子", "实业", "精密", "智能", "生物", "医药", "物流", "贸易", "技术", "制造", "光电", "信息"] where s.hasSuffix(industry) && s.count > industry.count + 1 {
            s.removeLast(industry.count)
            break
        }
        return s
    }
}

/// An enterprise service request (企服工单).
public struct EnterpriseRequest: Sendable, Equatable {
    public var id: String
    public var serviceType: String
    public var uscc: String?
    public var enterprise: String
    public var routedTo: String
    public var status: EnterpriseRequestStatus
    public var amount: Double?
    public var details: String
    public var phone: String?
    public var purpose: String?
    public var termMonths: Int?
    public var programme: String?
    public var headcount: Int?
    public var visitAt: Date?
    public var createdAt: Date
    public var dueAt: Date
    public var version: Int

    init(row: SQLRow) {
        id = row.string("id")
        serviceType = row.string("service_type")
        uscc = row.optionalString("uscc")
        enterprise = row.string("enterprise")
        routedTo = row.string("routed_to")
        status = EnterpriseRequestStatus(rawValue: row.string("status")) ?? .accepted
        amount = row.double("amount")
        details = row.string("details")
        phone = row.optionalString("phone")
        purpose = row.optionalString("purpose")
        termMonths = row.optionalInt("term_months")
        programme = row.optionalString("programme")
        headcount = row.optionalInt("headcount")
        visitAt = row.optionalInt("visit_at").map { Date(timeIntervalSince1970: TimeInterval($0)) }
        createdAt = Date(timeIntervalSince1970: TimeInterval(row.int("created_at")))
        dueAt = Date(timeIntervalSince1970: TimeInterval(row.int("due_at")))
        version = row.int("version")
    }

    public var statusChinese: String { status.chinese }
}

/// What a firm asks for, by service type (each type uses some of these).
public struct EnterpriseRequestDetails: Sendable, Equatable {
    public var amount: Double?
    public var purpose: String?
    public var termMonths: Int?
    public var programme: String?
    public var headcount: Int?
    public var visitAt: Date?
    public var space: SpaceListing.Draft?
    /// The request as told.
    public var text: String

    public init(amount: Double? = nil, purpose: String? = nil, termMonths: Int? = nil, programme: String? = nil,
                headcount: Int? = nil, visitAt: Date? = nil, space: SpaceListing.Draft? = nil, text: String = "") {
        self.amount = amount
        self.purpose = purpose
        self.termMonths = termMonths
        self.programme = programme
        self.headcount = headcount
        self.visitAt = visitAt
        self.space = space
        self.text = text
    }
}

/// One service type's routing row (`enterprise_services.csv`).
public struct EnterpriseServiceType: Sendable, Equatable {
    public var type: String
    public var label: String
    public var keywords: [String]
    public var office: String
    public var deadlineDays: Int
    /// Slots this type needs before it can be recorded (amount for financing …).
    public var requires: [String]
}
