import Domain
import Foundation

/// 预约资源 / 预约车位: books places of a shared resource for its opening on a
/// day (the same capacity rules as activities: full → waiting list).
struct CoBuildingResourceBookHandler: IntentHandler {
    let intent = "cobuild.resource.book"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired(["resource_id", "time", "phone"]) { return ask }
        let slots = CoBuildingSlots(request: r)
        guard let time = r.string("time").flatMap(Clock.parseISO) else { return .ask(slot: "time", question: "请问预约哪一天？") }
        let day = CalendarDay(time, calendar: r.clock.calendar)
        let booking = try r.services.sharing.book(resourceID: r.string("resource_id")!, on: day, places: slots.quantity?.count ?? 1,
                                                  name: r.string("name"), phone: r.string("phone")!, plate: r.string("plate"))
        let (booked, capacity, _) = try r.services.sharing.occupancy(resourceID: booking.resourceID, start: booking.start)
        let what = "\(booking.resourceName)（\(booking.resourceID)）\(r.clock.display(booking.start))–\(r.clock.display(booking.end))，\(booking.places) 个"
            + (booking.plate.map { "，车牌 \($0)" } ?? "")
        let text: String
        switch booking.status {
        case .confirmed:
            text = "预约成功，预约号 \(booking.id)。\n\(what)。该时段已约 \(booked)/\(capacity)。\n取消请说：取消资源预约 \(booking.id)"
        case .waitlisted:
            text = "该时段已满（\(booked)/\(capacity)），已登记候补，预约号 \(booking.id)，候补第 \(booking.waitlistPosition ?? 0) 位。\n\(what)。\n有人取消时按顺序递补。"
        case .cancelled:
            text = "资源预约 \(booking.id) 已取消。"
        }
        return .reply(.done(intent, text, data: ["booking": CoBuildingJSON.booking(booking, clock: r.clock)]))
    }
}
