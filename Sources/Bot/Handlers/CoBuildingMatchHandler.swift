import Domain

/// 匹配需求: with a need id alone, the resources and services that fit it,
/// ranked; with a resource or service id too, records the match (who
/// provides what, when) and moves the need to 已匹配.
struct CoBuildingMatchHandler: IntentHandler {
    let intent = "cobuild.match"
    static let maximumListed = 5

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired(["need_id"]) { return ask }
        let lists = r.services.coBuilding, needID = r.string("need_id")!
        if let provider = r.string("resource_id") ?? r.string("service_id") {
            let (need, match) = try lists.recordMatch(needID: needID, providerID: provider, by: r.session.operatorName)
            let text = "已记录匹配 \(match.id)：需求 \(need.id) 由 \(match.unitName)（\(match.unitCode)）提供 \(match.provides)，时间 \(match.window)。\n"
                + "需求状态：\(need.status.chinese)。解决后请说：办结需求 \(need.id)"
            return .reply(.done(intent, text, data: ["need": CoBuildingJSON.need(need, clock: r.clock), "match": CoBuildingJSON.match(match, clock: r.clock)]))
        }
        let (need, candidates) = try lists.candidates(needID: needID)
        var lines = [CoBuildingText.need(need)]
        if candidates.isEmpty {
            lines.append("暂时没有类别、时段都合适的资源或服务。可以先登记新的资源，或提交议事会协调。")
        } else {
            lines.append("可对接的资源和服务（共 \(candidates.count) 项\(candidates.count > Self.maximumListed ? "，显示前 \(Self.maximumListed) 项" : "")）：")
            for (i, c) in candidates.prefix(Self.maximumListed).enumerated() {
                lines.append("\(i + 1). \(c.id) \(c.name) \(c.amount)｜\(c.unitName)｜\(c.community)\(c.place)｜\(c.window)｜\(c.reasons.joined(separator: "，"))")
            }
            lines.append("确认对接请说：匹配需求 \(need.id) \(candidates[0].id)")
        }
        return .reply(.done(intent, lines.joined(separator: "\n"),
                            data: ["need": CoBuildingJSON.need(need, clock: r.clock), "candidates": .array(candidates.prefix(10).map(CoBuildingJSON.candidate))]))
    }
}
