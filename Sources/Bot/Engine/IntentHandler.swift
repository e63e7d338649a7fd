import Domain
import Understanding

/// What a handler decides for the slots it has: finished, a question, or a
/// choice between options.
public enum Outcome: Sendable {
    case reply(Reply)
    /// Ask for `slot`; the dialogue continues.
    case ask(slot: String, question: String)
    /// Ambiguous: the user picks one of `choices`.
    case clarify(question: String, choices: [Dialogue.Choice])
    /// A write handed to the database with a completion (`SQLDatabase.write(_:completion:)`):
    /// call it with what receives the reply, or the error, once the write is durable.
    case pending(PendingWrite)

    public typealias PendingWrite = @Sendable (@escaping @Sendable (Result<Reply, any Error>) -> Void) -> Void
}

/// Everything a handler may use for one request.
public struct IntentRequest: Sendable {
    public let spec: IntentSpec
    public var slots: Slots
    public let session: Session
    /// The engine's services and understander, by reference: copying the two structs (dozens
    /// of references each) into every request, and again into a pending write's closure,
    /// showed in the lookup and filing profiles (docs/PERFORMANCE.md).
    let shared: EngineParts
    public var services: Services { shared.services }
    public var understander: Understander { shared.understander }
    /// What the line itself said (entities of the last line), when useful.
    public let place: PlaceFinder.Place?

    public var clock: Clock { services.clock }

    /// The first required slot (by the spec's order) that is missing, as an `.ask`.
    public func missingRequired(_ names: [String]? = nil) -> Outcome? {
        for slot in spec.slots where slot.required && (names?.contains(slot.name) ?? true) && slots[slot.name] == nil {
            return .ask(slot: slot.name, question: slot.ask ?? "请补充\(slot.name)。")
        }
        return nil
    }

    public func string(_ name: String) -> String? { slots[name]?.string }
}

/// What every request of one engine shares (`IntentRequest.shared`).
final class EngineParts: Sendable {
    let services: Services
    let understander: Understander

    init(services: Services, understander: Understander) {
        self.services = services
        self.understander = understander
    }
}

/// One intent's behaviour. Recognition is data (`intents/`); what to do with
/// the slots is code, one small handler per intent.
public protocol IntentHandler: Sendable {
    var intent: String { get }
    func handle(_ request: IntentRequest) throws -> Outcome
    /// True when `handle` never waits on a write (it reads at most, and writes only
    /// through `.pending`): the socket server may then run it on its event loop.
    var writesOnlyWithCompletion: Bool { get }
}

extension IntentHandler {
    public var writesOnlyWithCompletion: Bool { false }
}
