import Domain

/// 办结需求 / 撤销匹配: moves a matched need to 已解决, or back to 待匹配.
struct CoBuildingNeedUpdateHandler: IntentHandler {
    let intent = "cobuild.need.update"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired(["need_id", "action"]) { return ask }
        guard let action = r.string("action").flatMap(NeedAction.init(rawValue:)) else {
            return .ask(slot: "action", question: "请问是办结需求，还是撤销匹配？")
        }
        let need = try r.services.coBuilding.update(needID: r.string("need_id")!, action: action, by: r.session.operatorName)
        let text = "需求 \(need.id) 已\(action.chinese)，当前状态：\(need.status.chinese)。\n\(CoBuildingText.need(need))"
        return .reply(.done(intent, text, data: ["need": CoBuildingJSON.need(need, clock: r.clock)]))
    }
}
