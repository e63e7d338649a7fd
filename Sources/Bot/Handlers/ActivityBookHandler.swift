import Domain

/// 预约: books a session within its capacity; a full session puts the booking
/// on the waiting list with its position.
struct ActivityBookHandler: IntentHandler {
    let intent = "activity.book"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let session: ActivitySession
        switch try SessionResolver(request: r).resolve() {
        case .outcome(let outcome): return outcome
        case .session(let s): session = s
        }
        if let ask = r.missingRequired(["phone"]) { return ask }
        let party = r.slots["party_size"]?.int ?? 1
        let booking = try r.services.activities.book(activityCode: session.activity.code, start: session.start, partySize: party,
                                                     name: r.string("name"), phone: r.string("phone")!)
        let what = "\(session.activity.name)（\(session.activity.code)）\(r.clock.display(session.start))，\(session.activity.venueName)"
        let text: String
        switch booking.status {
        case .confirmed:
            text = "预约成功，预约号 \(booking.id)。\n\(what)，\(party) 人。\n取消请说：取消预约 \(booking.id)"
        case .waitlisted:
            text = "该场次已满，已为您登记候补，预约号 \(booking.id)，候补第 \(booking.waitlistPosition ?? 0) 位。\n\(what)，\(party) 人。\n有人取消时按顺序递补。"
        case .cancelled:
            text = "预约 \(booking.id) 已取消。"
        }
        return .reply(.done(intent, text, data: ["booking": DomainJSON.booking(booking, clock: r.clock)]))
    }
}
