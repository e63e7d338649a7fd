import Foundation

/// A typed span found in the text: a time, a number, a phone number, a place …
///
/// `start`/`end` are offsets in Unicode scalars of the *original* text (end
/// exclusive). Normalisation maps scalar to scalar, so offsets in the
/// normalised text are offsets in the original.
public struct Entity: Sendable, Equatable, Codable {
    public var type: EntityType
    public var text: String
    public var start: Int
    public var end: Int
    public var value: EntityValue
    /// Exclusive end of an interval (times only), ISO 8601 with offset.
    public var valueEnd: String?
    /// second, minute, hour, day, week, month, quarter, year (times only).
    public var grain: String?
    /// 0…1 where matching was inexact (fuzzy estate names).
    public var confidence: Double?
    /// The high end of an amount said as a range (两到三万, 三五百块, 几十万): `value` is the low end.
    public var valueMax: Double?
    /// ISO 4217 code of a `foreign_money` amount (HKD, USD …); `money` is always in yuan.
    public var currency: String?

    public init(type: EntityType, text: String, start: Int, end: Int, value: EntityValue,
                valueEnd: String? = nil, grain: String? = nil, confidence: Double? = nil,
                valueMax: Double? = nil, currency: String? = nil) {
        self.type = type
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.valueEnd = valueEnd
        self.grain = grain
        self.confidence = confidence
        self.valueMax = valueMax
        self.currency = currency
    }

    enum CodingKeys: String, CodingKey {
        case type, text, start, end, value, grain, confidence, currency
        case valueEnd = "value_end"
        case valueMax = "value_max"
    }

    public var range: Range<Int> { start..<end }
}

/// Entity types. The first seven are fixed by CONTRACT §2.
public enum EntityType: String, Sendable, Codable, CaseIterable {
    case time, number, money, phone
    case ticketId = "ticket_id"
    case address, uscc
    case bookingId = "booking_id"
    case requestId = "request_id"
    case activityId = "activity_id"
    case partySize = "party_size"
    /// A length of time (两个小时, 三天内): value in seconds, grain the unit said.
    case duration
    /// An amount in another currency (25481港元, 4.287亿美元): value in that currency, `currency` its ISO code.
    case foreignMoney = "foreign_money"
    /// Co-building work: 议事 meeting YS, volunteer task RW, 四个万家 visit ZF, co-building need XQ.
    case meetingId = "meeting_id"
    case taskId = "task_id"
    case visitId = "visit_id"
    case needId = "need_id"
    // Co-building (docs/CO-BUILDING.md).
    case resourceId = "resource_id"
    case matchId = "match_id"
    case resourceBookingId = "resource_booking_id"
    case serviceId = "service_id"
    case unitId = "unit_id"
}

/// The JSON value of an entity: a string, a number or a small object (an address).
public enum EntityValue: Sendable, Equatable, Codable {
    case string(String)
    case number(Double)
    case object([String: String])

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15 { try container.encode(Int64(n)) } else { try container.encode(n) }
        case .object(let o): try container.encode(o)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Double.self) { self = .number(n) }
        else if let s = try? container.decode(String.self) { self = .string(s) }
        else { self = .object(try container.decode([String: String].self)) }
    }

    public var stringValue: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n == n.rounded() ? String(Int64(n)) : String(n)
        case .object: return nil
        }
    }

    public var numberValue: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
}
