import Domain
import Foundation

/// 取消预约 by booking id, or by phone plus the session (activity and/or day);
/// the waiting list moves up.
struct ActivityCancelHandler: IntentHandler {
    let intent = "activity.cancel"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let service = r.services.activities
        let id: String
        if let given = r.string("booking_id") {
            id = given
            if let phone = r.string("phone"), let booking = try service.booking(id: given), booking.phone != phone {
                return .reply(.failure(intent, code: "phone_mismatch", message: "预约 \(given) 登记的电话与 \(phone) 不符，未取消。"))
            }
        } else if let phone = r.string("phone") {
            switch try booking(of: phone, r) {
            case .outcome(let o): return o
            case .id(let found): id = found
            }
        } else {
            return .ask(slot: "booking_id", question: "请问要取消哪个预约？请给出预约号（YY 开头），或预约时留的电话。")
        }
        let (booking, promoted) = try service.cancel(bookingID: id)
        var lines = ["已取消预约 \(booking.id)：\(booking.activityName) \(r.clock.display(booking.start))，\(booking.partySize) 人。"]
        for p in promoted {
            lines.append("候补 \(p.id)（\(p.partySize) 人，电话 \(p.phone)）已递补为正式预约，已记录通知。")
        }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: [
            "booking": DomainJSON.booking(booking, clock: r.clock),
            "promoted": .array(promoted.map { .string($0.id) }),
        ]))
    }

    private enum Found { case id(String), outcome(Outcome) }

    /// The one booking of `phone` that matches the activity and day said; asks when several do.
    private func booking(of phone: String, _ r: IntentRequest) throws -> Found {
        var bookings = try r.services.activities.bookings(phone: phone)
        if let code = r.string("activity_id") { bookings = bookings.filter { $0.activityCode == code } }
        if r.string("activity") != nil {
            let codes = Set(try r.services.activities.activities(SessionResolver.filter(r)).map(\.code))
            bookings = bookings.filter { codes.contains($0.activityCode) }
        }
        if let time = r.string("time").flatMap(Clock.parseISO) {
            let day = CalendarDay(time, calendar: r.clock.calendar)
            bookings = bookings.filter { CalendarDay($0.start, calendar: r.clock.calendar) == day }
        }
        guard !bookings.isEmpty else {
            return .outcome(.reply(.failure(intent, code: "booking_not_found", message: "电话 \(phone) 没有符合条件的预约。可以先说“我的预约 \(phone)”查看。")))
        }
        if bookings.count == 1 { return .id(bookings[0].id) }
        let choices = bookings.map { b -> Dialogue.Choice in
            var slots = r.slots
            slots["booking_id"] = .string(b.id)
            return Dialogue.Choice(title: "\(b.id) \(b.activityName) \(r.clock.display(b.start)) \(b.partySize) 人", slots: slots)
        }
        return .outcome(.clarify(question: "电话 \(phone) 有 \(bookings.count) 个预约，请问取消哪一个？", choices: choices))
    }
}
