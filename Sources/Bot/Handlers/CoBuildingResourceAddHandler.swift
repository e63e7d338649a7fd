import Domain

/// 登记资源: records a resource a member unit offers — kind, quantity,
/// weekly window and how it is shared.
struct CoBuildingResourceAddHandler: IntentHandler {
    let intent = "cobuild.resource.add"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired(["unit_id", "kind"]) { return ask }
        let slots = CoBuildingSlots(request: r)
        guard let quantity = slots.quantity else {
            return .ask(slot: "description", question: "请问有多少？（例如：车位 40个）")
        }
        guard let window = slots.window?.window else {
            return .ask(slot: "description", question: "请问什么时间开放？（例如：工作日 19:00-次日08:00、周末、每天 09:00-17:00）")
        }
        let resource = try r.services.coBuilding.addResource(
            unitCode: r.string("unit_id")!, kind: r.string("kind")!, name: slots.name, quantity: quantity.count, measure: quantity.measure,
            place: r.string("estate"), window: window, mode: r.string("mode") ?? "错时共享", by: r.session.operatorName)
        let text = "已登记资源 \(resource.id)。\n\(CoBuildingText.resource(resource))"
        return .reply(.done(intent, text, data: ["resource": CoBuildingJSON.resource(resource)]))
    }
}
