import Domain
import Foundation

/// 走访: a 四个万家 member's visit to the paired household. Problems found
/// become grievances (入户走访) routed to the community (社区接单); wants the
/// units can meet become co-building needs (VisitFindingRule).
struct VisitRecordHandler: IntentHandler {
    let intent = "cobuild.visit.record"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let service = r.services.visits
        let said = r.string("description") ?? ""
        let pairing: Pairing
        if let code = r.string("pairing"), let p = try service.pairings().first(where: { $0.code == code }) {
            pairing = p
        } else {
            let member = CoBuildingWorkText.said(try service.memberNames(), in: said).first
            guard member != nil || r.string("estate") != nil else {
                return .ask(slot: "description", question: "请问是哪位党员走访了哪一户？例如：走访 党员程佳怡 香榭郦景3栋502 发现 楼道灯坏了")
            }
            var found = try service.pairings(member: member, community: r.string("community"), estate: r.string("estate"),
                                             building: r.string("building"))
            if let room = Self.room(in: said, after: r.string("building")) {
                let exact = found.filter { $0.room == room }
                if !exact.isEmpty || member == nil { found = exact }
            }
            guard !found.isEmpty else {
                throw CoBuildingWorkError.pairingNotFound([member.map { "党员\($0)" }, [r.string("estate"), r.string("building")].compactMap { $0 }.joined()]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " "))
            }
            if found.count > 1 {
                return .clarify(question: "有 \(found.count) 个结对户符合，请问是哪一户？", choices: found.prefix(9).map { p in
                    Dialogue.Choice(title: "\(p.member) → \(p.community) \(p.household)（\(p.householdType)）", slots: ["pairing": .string(p.code)])
                })
            }
            pairing = found[0]
        }
        var visitedAt = r.clock.now
        if let t = r.string("time").flatMap(Clock.parseISO) {
            let c = r.clock.calendar.dateComponents([.hour, .minute], from: t)
            let dayOnly = c.hour == 0 && c.minute == 0
            // A 老村 house number (大富老村7号) is read as a date too: not a visit time.
            let houseNumber = r.string("building").flatMap { $0.hasSuffix("号") ? Int($0.dropLast()) : nil }
            let isHouseNumber = dayOnly && houseNumber == r.clock.calendar.component(.day, from: t)
            // 今天 alone means now; another day alone means that day.
            if !isHouseNumber {
                visitedAt = dayOnly && r.clock.calendar.isDate(t, inSameDayAs: r.clock.now) ? r.clock.now : t
            }
        }
        let needs = (r.string("needs") ?? "").split(whereSeparator: { "；;。".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let v = try service.record(pairing: pairing, visitedAt: visitedAt, notes: r.string("notes"), needs: needs,
                                   rule: Self.rule(r), actor: r.session.operatorName)
        var lines = ["已登记走访 \(v.id)，已保存。",
                     "党员：\(pairing.member)（\(pairing.memberPhone)）→ 结对户：\(pairing.community) \(pairing.household)（\(pairing.householdType)）",
                     "走访时间：\(r.clock.display(v.visitedAt))"]
        if let notes = v.notes { lines.append("情况：\(notes)") }
        var tickets: [JSONValue] = []
        var needsFiled: [JSONValue] = []
        if v.needs.isEmpty {
            lines.append("未发现需要派单的问题。")
        } else {
            let wanted = v.needs.filter(\.isNeed).count
            let parts = [wanted < v.needs.count ? "已派单至社区（社区接单）" : nil, wanted > 0 ? "想要的资源和服务已登记为共建需求" : nil]
            lines.append("发现问题 \(v.needs.count) 项，\(parts.compactMap { $0 }.joined(separator: "，"))：")
            for need in v.needs {
                guard let id = need.targetId else { continue }
                if need.isNeed, let n = try r.services.coBuilding.need(id: id) {
                    needsFiled.append(CoBuildingJSON.need(n, clock: r.clock))
                    if need.kind == "need_repeat" {
                        lines.append("· \(need.description) → 该户此前走访已登记共建需求 \(n.id)（\(n.kind)，\(n.status.chinese)），不重复登记")
                        continue
                    }
                    lines.append("· \(need.description) → 共建需求 \(n.id)（\(n.kind)，\(n.status.chinese)），可说：匹配需求 \(n.id)")
                    continue
                }
                guard let t = try r.services.grievances.ticket(id: id) else { continue }
                tickets.append(DomainJSON.ticket(t, clock: r.clock))
                if need.kind == "attached" {
                    lines.append("· \(need.description) → 已有在办工单 \(t.id)（\(t.status.chinese)），已并入，不重复派单")
                } else {
                    lines.append("· \(need.description) → 工单 \(t.id)（\(t.category)，\(t.grade) 级），\(Labels.level(t.level))接单：\(t.assignee ?? "—")（\(t.assigneePhone ?? "")）；时限：\(r.clock.display(t.dueAt)) 前")
                }
            }
        }
        return .reply(.done(intent, lines.joined(separator: "\n"),
                            data: ["visit": CoBuildingWorkJSON.visit(v, clock: r.clock), "tickets": .array(tickets),
                                   "needs": .array(needsFiled)]))
    }

    /// The grievance-or-need rule, with the need kinds of 登记需求 (its 类别 slot), so both read a need the same way.
    static func rule(_ r: IntentRequest) -> VisitFindingRule {
        VisitFindingRule(needKinds: r.understander.catalog.spec("cobuild.need.add")?.slots.first { $0.name == "kind" }?.values ?? [:])
    }

    /// The room said right after the building (3栋502) or with 室/房 (502室).
    static func room(in text: String, after building: String?) -> String? {
        if let building, let range = text.range(of: building) {
            let digits = text[range.upperBound...].prefix { $0.isASCII && $0.isNumber }
            if digits.count >= 3 && digits.count <= 4 { return String(digits) }
        }
        if let m = text.range(of: #"\d{3,4}(?=[室房])"#, options: .regularExpression) { return String(text[m]) }
        return nil
    }
}
