import Domain
import Foundation
import Understanding

/// 企业服务: finds (or registers) the firm, asks for what the service type
/// needs (data: `requires` in enterprise_services.csv), records the request
/// durably, routes it, and for space lists the matching offers or needs.
struct EnterpriseRequestHandler: IntentHandler {
    let intent = "enterprise.request"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let code = r.string("uscc"), !USCC.isValid(code) {
            // In a dialogue, ask again; a one-line request is refused outright.
            guard r.session.dialogue?.intent == intent else { throw DomainError.invalidCreditCode(code) }
            return .ask(slot: "uscc", question: "统一社会信用代码 \(code) 校验位不正确，请核对后重新输入。")
        }
        if let ask = r.missingRequired(["service_type"]) { return ask }
        let firm: Enterprise
        switch try EnterpriseFinder(request: r).find() {
        case .found(let f): firm = f
        case .outcome(let outcome): return outcome
        }
        let registry = r.services.enterprises
        let type = r.string("service_type")!
        let service = registry.serviceType(type) ?? registry.serviceType("other")!
        for slot in service.requires where r.slots[slot] == nil {
            return .ask(slot: slot, question: r.spec.slot(slot)?.ask ?? "请补充\(slot)。")
        }
        let details = self.details(type: type, r)
        let (request, matches) = try registry.request(type: type, enterprise: firm, details: details,
                                                      phone: r.string("phone") ?? firm.contactPhone, actor: r.session.operatorName)
        var lines = ["已登记企业服务 \(request.id)，已保存。",
                     "企业：\(firm.name)（\(firm.park)，\(firm.scale)）",
                     "服务：\(service.label)" + summary(request, details, clock: r.clock)]
        lines.append("已转交：\(request.routedTo)；办理时限：\(r.clock.display(request.dueAt, withTime: false)) 前")
        if let space = details.space {
            if matches.isEmpty {
                lines.append("暂无匹配的\(space.direction == .need ? "可出租空间" : "空间需求")，已登记入库，有匹配时会通知。")
            } else {
                lines.append("匹配到 \(matches.count) 条\(space.direction == .need ? "可出租空间" : "空间需求")：")
                lines += matches.prefix(5).map { "· \($0.requestID) \($0.enterprise) \($0.draft.kind) \(Int($0.draft.area)) 平方米\($0.draft.community.map { "（\($0)）" } ?? "")" }
            }
        }
        if !firm.contactPhone.isEmpty { lines.append("企业联系人：\(firm.contact)（\(firm.contactPhone)）") }
        var data: [String: JSONValue] = ["request": DomainJSON.request(request, clock: r.clock)]
        if details.space != nil { data["matches"] = .array(matches.map { .string($0.requestID) }) }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: .object(data)))
    }

    private func details(type: String, _ r: IntentRequest) -> EnterpriseRequestDetails {
        var d = EnterpriseRequestDetails(text: r.string("description") ?? "")
        switch type {
        case "financing":
            d.amount = r.slots["amount"]?.double
            d.purpose = r.string("purpose")
            d.termMonths = r.slots["term"]?.int
        case "policy": d.programme = r.string("programme")
        case "hiring": d.headcount = r.slots["headcount"]?.int
        case "visit": d.visitAt = r.string("time").flatMap(Clock.parseISO)
        case "space":
            let direction: SpaceListing.Direction = r.string("space_direction") == "offer" ? .offer : .need
            d.space = SpaceListing.Draft(direction: direction, kind: r.string("space_kind") ?? "厂房", area: r.slots["area"]?.double ?? 0,
                                         community: r.string("community"), place: r.string("estate"),
                                         budget: direction == .need ? r.slots["amount"]?.double : nil)
        default: break
        }
        return d
    }

    private func summary(_ q: EnterpriseRequest, _ d: EnterpriseRequestDetails, clock: Clock) -> String {
        var parts: [String] = []
        if let a = q.amount { parts.append("金额 \(Labels.yuan(a))") }
        if let t = q.termMonths { parts.append(t % 12 == 0 ? "期限 \(t / 12) 年" : "期限 \(t) 个月") }
        if let p = q.purpose { parts.append("用途 \(p)") }
        if let p = q.programme { parts.append("政策 \(p)") }
        if let h = q.headcount { parts.append("招聘 \(h) 人") }
        if let v = q.visitAt { parts.append("走访时间 \(clock.display(v))") }
        if let s = d.space { parts.append("\(s.direction.chinese) \(s.kind) \(Int(s.area)) 平方米") }
        return parts.isEmpty ? "" : "，" + parts.joined(separator: "，")
    }
}

/// Finds the firm a request is about: by credit code, by name (full, short,
/// one wrong character), or by the caller's phone — or registers a new one
/// in the dialogue (name, then credit code).
struct EnterpriseFinder {
    let request: IntentRequest

    enum Result {
        case found(Enterprise)
        case outcome(Outcome)
    }

    func find() throws -> Result {
        let r = request
        let registry = r.services.enterprises.registry
        if let code = r.string("uscc") {
            if let firm = try registry.enterprise(uscc: code) { return .found(firm) }
            guard let name = r.string("new_enterprise") else {
                return .outcome(.ask(slot: "new_enterprise", question: "企业名录中没有信用代码为 \(code) 的企业。请说企业全称，以便登记新企业。"))
            }
            return .found(try registry.register(name: name, uscc: code, community: r.string("community"),
                                                phone: r.string("phone"), contact: r.string("name")))
        }
        for text in [r.string("enterprise"), r.string("new_enterprise"), r.string("description")].compactMap({ $0 }) {
            if let firm = try registry.enterprises(mentionedIn: text).first { return .found(firm) }
        }
        if let phone = r.string("phone"), let firm = try registry.enterprises(phone: phone).first { return .found(firm) }
        if let name = r.string("new_enterprise") {
            return .outcome(.ask(slot: "uscc", question: "企业名录中没有“\(name)”。如需登记新企业，请提供 18 位统一社会信用代码。"))
        }
        return .outcome(.ask(slot: "enterprise", question: "请问是哪家企业？请说企业全称或统一社会信用代码。"))
    }
}
