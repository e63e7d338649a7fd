import Domain

/// 登记需求: records a residents' need (待匹配) with its community, place,
/// kind and wanted time, and says how to match it.
struct CoBuildingNeedAddHandler: IntentHandler {
    let intent = "cobuild.need.add"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired(["community", "description", "kind"]) { return ask }
        let slots = CoBuildingSlots(request: r)
        let window = slots.window
        let what = CoBuildingText.remainder(r.string("description"),
                                            removing: [r.string("community"), r.string("estate")] + (r.string("window")?.split(separator: " ").map(String.init) ?? []))
        guard !what.isEmpty else { return .ask(slot: "description", question: "请问居民需要什么？（例如：缺少儿童活动场地）") }
        let need = try r.services.coBuilding.addNeed(community: r.string("community")!, place: r.string("estate"), kind: r.string("kind")!,
                                                     description: what, window: window, name: r.string("name"),
                                                     phone: r.string("phone"), by: r.session.operatorName)
        let text = "已登记需求 \(need.id)（待匹配）。\n\(CoBuildingText.need(need))\n查找可对接的资源和服务请说：匹配需求 \(need.id)"
        return .reply(.done(intent, text, data: ["need": CoBuildingJSON.need(need, clock: r.clock)]))
    }
}
