/// What the co-building services refuse, and why. The Chinese wording is
/// made in one place, the Bot module's `ErrorMessages`.
public enum CoBuildingError: Error, Sendable, Equatable {
    case unknownUnit(String)
    case resourceNotFound(String)
    case serviceNotFound(String)
    case providerNotFound(String)
    case needNotFound(String)
    case bookingNotFound(String)
    case invalidWindow(String)
    case invalidQuantity
    case invalidMode(String)
    case missing(String)
    case illegalNeedMove(id: String, status: String, action: String)
    /// The resource does not open on that day.
    case closedOn(resource: String, day: String, window: String)
    case openingStarted(resource: String)
    case tooMany(resource: String, capacity: Int)
    case duplicateBooking(existing: String)
    case overlappingBooking(existing: String, resource: String)
    case bookingAlreadyCancelled(String)
}
