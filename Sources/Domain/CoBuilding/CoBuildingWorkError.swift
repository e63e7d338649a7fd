/// What the co-building work services (meetings, volunteers, visits) refuse,
/// and why. The Chinese wording is made in one place, the Bot module's
/// `ErrorMessages`.
public enum CoBuildingWorkError: Error, Sendable, Equatable {
    case unknownCommunity(String)
    // Meetings
    case meetingNotFound(String)
    case meetingInPast
    case meetingStepsMissing
    case meetingConflict(id: String)
    case illegalMeetingStep(id: String, status: String, step: String, allowed: [String])
    case decisionTextRequired(id: String)
    case linksNeedDecision(id: String)
    case otherCommunity(id: String, community: String, meetingCommunity: String)
    // Volunteers
    case taskNotFound(String)
    case taskInPast
    case invalidTaskWindow
    case invalidHeadcount(Int)
    case taskStarted(String)
    case taskNotStarted(String)
    case taskFull(id: String, headcount: Int)
    case skillMismatch(name: String, skill: String)
    case alreadySignedUp(name: String, taskId: String)
    case volunteerBusy(name: String, taskId: String)
    case noFreeMember(team: String)
    case notSignedUp(name: String, taskId: String)
    case invalidHours(Double)
    case volunteerNotFound(String)
    // Visits
    case pairingNotFound(String)
    case visitInFuture
    case visitNotFound(String)
}
