import Domain

/// 取消预约 by booking id; the waiting list moves up.
struct ActivityCancelHandler: IntentHandler {
    let intent = "activity.cancel"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        let id = r.string("booking_id")!
        if let phone = r.string("phone"), let booking = try r.services.activities.booking(id: id), booking.phone != phone {
            return .reply(.failure(intent, code: "phone_mismatch", message: "预约 \(id) 登记的电话与 \(phone) 不符，未取消。"))
        }
        let (booking, promoted) = try r.services.activities.cancel(bookingID: id)
        var lines = ["已取消预约 \(booking.id)：\(booking.activityName) \(r.clock.display(booking.start))，\(booking.partySize) 人。"]
        for p in promoted {
            lines.append("候补 \(p.id)（\(p.partySize) 人，电话 \(p.phone)）已递补为正式预约，请通知居民。")
        }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: [
            "booking": DomainJSON.booking(booking, clock: r.clock),
            "promoted": .array(promoted.map { .string($0.id) }),
        ]))
    }
}
