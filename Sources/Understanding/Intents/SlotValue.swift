/// A slot's value as the contract writes it: text, an integer or a number.
public enum SlotValue: Sendable, Equatable, Codable, CustomStringConvertible {
    case string(String)
    case int(Int)
    case number(Double)

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .int(let i): try c.encode(i)
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { try c.encode(Int64(d)) } else { try c.encode(d) }
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else { self = .string(try c.decode(String.self)) }
    }

    public var description: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .number(let d): return d == d.rounded() ? String(Int64(d)) : String(d)
        }
    }

    public var string: String { description }

    public var int: Int? {
        switch self {
        case .int(let i): return i
        case .number(let d): return Int(d)
        case .string(let s): return Int(s)
        }
    }

    public var double: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .number(let d): return d
        case .string(let s): return Double(s)
        }
    }
}

public typealias Slots = [String: SlotValue]
