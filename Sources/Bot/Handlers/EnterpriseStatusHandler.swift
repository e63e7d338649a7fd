import Domain
import Understanding

/// 企服进度: a request by QF id, or a firm's requests.
struct EnterpriseStatusHandler: IntentHandler {
    let intent = "enterprise.status"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let registry = r.services.enterprises
        if let id = r.string("request_id") {
            guard let q = try registry.request(id: id) else { throw DomainError.requestNotFound(id) }
            let text = "企业服务 \(q.id)：\(q.statusChinese)\n企业：\(q.enterprise)；服务：\(registry.serviceType(q.serviceType)?.label ?? q.serviceType)\n转交：\(q.routedTo)；时限：\(r.clock.display(q.dueAt, withTime: false)) 前"
            return .reply(.done(intent, text, data: ["request": DomainJSON.request(q, clock: r.clock)]))
        }
        var firm: Enterprise? = nil
        if let code = r.string("uscc") {
            guard USCC.isValid(code) else { throw DomainError.invalidCreditCode(code) }
            firm = try registry.enterprise(uscc: code)
        } else if let name = r.string("enterprise") {
            firm = try registry.enterprises(mentionedIn: name).first
        }
        guard let firm else { return .ask(slot: "request_id", question: "请提供企业服务单号（QF 开头）或企业名称。") }
        let requests = try registry.requests(uscc: firm.uscc)
        guard !requests.isEmpty else { return .reply(.done(intent, "\(firm.name) 目前没有企业服务记录。", data: ["requests": []])) }
        let lines = ["\(firm.name) 共 \(requests.count) 条企业服务："] + requests.map {
            "\($0.id) \(registry.serviceType($0.serviceType)?.label ?? $0.serviceType) \($0.statusChinese)"
        }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: ["requests": .array(requests.map { DomainJSON.request($0, clock: r.clock) })]))
    }
}
