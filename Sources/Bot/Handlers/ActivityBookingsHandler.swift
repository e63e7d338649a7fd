import Domain

/// 我的预约: a phone's upcoming bookings.
struct ActivityBookingsHandler: IntentHandler {
    let intent = "activity.bookings"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        let phone = r.string("phone")!
        let bookings = try r.services.activities.bookings(phone: phone)
        guard !bookings.isEmpty else { return .reply(.done(intent, "电话 \(phone) 目前没有预约。", data: ["bookings": []])) }
        let lines = ["电话 \(phone) 共有 \(bookings.count) 个预约："] + bookings.map { b in
            let status = b.status == .confirmed ? "已确认" : "候补第 \(b.waitlistPosition ?? 0) 位"
            return "\(b.id) \(b.activityName) \(r.clock.display(b.start)) \(b.partySize) 人，\(status)"
        }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: ["bookings": .array(bookings.map { DomainJSON.booking($0, clock: r.clock) })]))
    }
}
