import Domain

/// 取消资源预约: frees the places and moves waiting bookings up in order.
struct CoBuildingResourceCancelHandler: IntentHandler {
    let intent = "cobuild.resource.cancel"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired(["resource_booking_id"]) { return ask }
        let (booking, promoted) = try r.services.sharing.cancel(bookingID: r.string("resource_booking_id")!)
        var lines = ["已取消资源预约 \(booking.id)：\(booking.resourceName) \(r.clock.display(booking.start))，\(booking.places) 个。"]
        lines += promoted.map { "候补 \($0.id)（\($0.places) 个，电话 \($0.phone)）已递补为正式预约。" }
        return .reply(.done(intent, lines.joined(separator: "\n"),
                            data: ["booking": CoBuildingJSON.booking(booking, clock: r.clock),
                                   "promoted": .array(promoted.map { .string($0.id) })]))
    }
}
