import Domain

/// 登记资源: records a resource a member unit offers — kind, quantity,
/// weekly window and how it is shared.
struct CoBuildingResourceAddHandler: IntentHandler {
    let intent = "cobuild.resource.add"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        let slots = CoBuildingSlots(request: r)
        guard let quantity = slots.quantity else { throw CoBuildingError.invalidQuantity }
        guard let window = slots.window else { throw CoBuildingError.invalidWindow(r.string("window") ?? "") }
        let resource = try r.services.coBuilding.addResource(
            unitCode: r.string("unit_id")!, kind: r.string("kind")!, name: slots.name, quantity: quantity.count, measure: quantity.measure,
            place: r.string("estate"), window: window, mode: r.string("mode") ?? "错时共享", by: r.session.operatorName)
        let text = "已登记资源 \(resource.id)。\n\(CoBuildingText.resource(resource))"
        return .reply(.done(intent, text, data: ["resource": CoBuildingJSON.resource(resource)]))
    }
}
