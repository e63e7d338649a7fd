import Domain
import Understanding

/// 企业服务: records a request from a known firm, routed to the firm's party
/// committee and the office for the service type.
struct EnterpriseRequestHandler: IntentHandler {
    let intent = "enterprise.request"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let registry = r.services.enterprises
        if let code = r.string("uscc"), !USCC.isValid(code) { throw DomainError.invalidCreditCode(code) }
        if let ask = r.missingRequired(["service_type"]) { return ask }
        var firm: Enterprise? = nil
        if let code = r.string("uscc") {
            firm = try registry.enterprise(uscc: code)
            if firm == nil { throw DomainError.unknownEnterprise(code) }
        } else if let name = r.string("enterprise") {
            firm = try registry.enterprises(mentionedIn: name).first
        } else if let description = r.string("description"), let found = try registry.enterprises(mentionedIn: description).first {
            firm = found
        } else if let phone = r.string("phone") {
            firm = try registry.enterprises(phone: phone).first
        }
        guard let firm else {
            return .ask(slot: "enterprise", question: "请问是哪家企业？请说企业全称或统一社会信用代码。")
        }
        let type = r.string("service_type")!
        let amount = r.slots["amount"]?.double
        let details = r.string("description") ?? ""
        let request = try registry.request(type: type, enterprise: firm, amount: type == "financing" ? amount : nil,
                                           details: details, phone: r.string("phone") ?? firm.contactPhone)
        let label = registry.serviceType(type)?.label ?? type
        var lines = ["已登记企业服务 \(request.id)，已保存。",
                     "企业：\(firm.name)（\(firm.park)，\(firm.scale)）",
                     "服务：\(label)\(request.amount.map { "，金额 \(Labels.yuan($0))" } ?? "")"]
        lines.append("已转交：\(request.routedTo)；办理时限：\(r.clock.display(request.dueAt, withTime: false)) 前")
        lines.append("企业联系人：\(firm.contact)（\(firm.contactPhone)）")
        return .reply(.done(intent, lines.joined(separator: "\n"), data: ["request": DomainJSON.request(request, clock: r.clock)]))
    }
}
