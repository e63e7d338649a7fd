/// What a service refuses, and why. The Chinese wording for each case is made
/// in one place, in the Bot module's `ErrorMessages`.
public enum DomainError: Error, Sendable, Equatable {
    // Activities
    case unknownActivity(String)
    case noSessionOn(activity: String, day: String)
    case sessionStarted(activity: String)
    case sessionCancelled(activity: String)
    case partyTooLarge(activity: String, maxParty: Int)
    case invalidPartySize
    case duplicateBooking(existing: String)
    case overlappingBooking(existing: String, activity: String)
    case bookingNotFound(String)
    case bookingAlreadyCancelled(String)
    case sessionAlreadyCancelled(activity: String, day: String)
    case invalidActivityDefinition(String)
    // Grievances and enterprise requests
    case ticketNotFound(String)
    case requestNotFound(String)
    case illegalTransition(id: String, from: String, action: String)
    case concurrentUpdate(id: String)
    case reasonRequired(action: String)
    case ratingRequired(id: String)
    case unknownChannel(String)
    // Enterprises
    case unknownEnterprise(String)
    case invalidCreditCode(String)
}
