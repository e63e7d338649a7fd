import Domain
import Understanding

/// 企服进度: a request by QF id (with its history), or a firm's requests.
struct EnterpriseStatusHandler: IntentHandler {
    let intent = "enterprise.status"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let service = r.services.enterprises
        if let id = r.string("request_id") {
            guard let q = try service.request(id: id) else { throw DomainError.requestNotFound(id) }
            var lines = ["企业服务 \(q.id)：\(q.statusChinese)",
                         "企业：\(q.enterprise)；服务：\(service.serviceType(q.serviceType)?.label ?? q.serviceType)",
                         "转交：\(q.routedTo)；时限：\(r.clock.display(q.dueAt, withTime: false)) 前"]
            lines += try service.history(id: id).map { e in
                let action = e.action == "file" ? "登记" : EnterpriseRequestAction(rawValue: e.action)?.chinese ?? e.action
                return "· \(r.clock.display(e.at)) \(action) → \(EnterpriseRequestStatus(rawValue: e.toStatus)?.chinese ?? e.toStatus)\(e.note.map { "：\($0)" } ?? "")"
            }
            return .reply(.done(intent, lines.joined(separator: "\n"), data: ["request": DomainJSON.request(q, clock: r.clock)]))
        }
        var firm: Enterprise? = nil
        if let code = r.string("uscc") {
            guard USCC.isValid(code) else { throw DomainError.invalidCreditCode(code) }
            firm = try service.registry.enterprise(uscc: code)
        } else if let name = r.string("enterprise") {
            firm = try service.registry.enterprises(mentionedIn: name).first
        }
        guard let firm else { return .ask(slot: "request_id", question: "请提供企业服务单号（QF 开头）或企业名称。") }
        let requests = try service.requests(uscc: firm.uscc)
        guard !requests.isEmpty else { return .reply(.done(intent, "\(firm.name) 目前没有企业服务记录。", data: ["requests": []])) }
        let lines = ["\(firm.name) 共 \(requests.count) 条企业服务："] + requests.map {
            "\($0.id) \(service.serviceType($0.serviceType)?.label ?? $0.serviceType) \($0.statusChinese)"
        }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: ["requests": .array(requests.map { DomainJSON.request($0, clock: r.clock) })]))
    }
}

/// 对接 / 办结 / 重新打开 an enterprise request.
struct EnterpriseUpdateHandler: IntentHandler {
    let intent = "enterprise.update"

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired() { return ask }
        let id = r.string("request_id")!
        guard let action = EnterpriseRequestAction(rawValue: r.string("action")!) else {
            return .ask(slot: "action", question: r.spec.slot("action")?.ask ?? "请问要做什么操作？")
        }
        let q = try r.services.enterprises.update(id: id, action: action, note: r.string("description"), actor: r.session.operatorName)
        return .reply(.done(intent, "企业服务 \(q.id) 已\(action.chinese)，当前状态：\(q.statusChinese)。",
                            data: ["request": DomainJSON.request(q, clock: r.clock)]))
    }
}
