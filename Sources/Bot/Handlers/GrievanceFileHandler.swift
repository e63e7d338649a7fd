import Domain
import Foundation
import Understanding

/// 报事: collects what happened, where and a phone number, then files a
/// graded ticket routed to the building's grid worker (or to the triage queue
/// when the place is unknown). A possible duplicate is shown first. The reply
/// is sent only after the ticket is durably written.
struct GrievanceFileHandler: IntentHandler {
    let intent = "grievance.file"
    /// Files and attaches through `.pending`: a socket server files on its event loop
    /// and answers when the group commit holding the ticket is durable.
    var writesOnlyWithCompletion: Bool { true }

    func handle(_ r: IntentRequest) throws -> Outcome {
        if let ask = r.missingRequired(["description"]) { return ask }
        // An emergency's advice (call 110 / 119 / 120) comes with the first reply,
        // even when the bot still has to ask for the building or a phone number.
        // Classified only then: a filing classifies once, in the service.
        let outcome = try file(r)
        switch outcome {
        case .ask, .clarify:
            let category = r.services.grievances.assess(Self.cleaned(r.string("description")!)).category
            return category.urgent ? Self.urging(category.advice, outcome) : outcome
        default:
            return outcome
        }
    }

    /// `outcome` with an emergency's advice in front of a question asked before filing.
    static func urging(_ advice: String, _ outcome: Outcome) -> Outcome {
        guard !advice.isEmpty else { return outcome }
        switch outcome {
        case let .ask(slot, question): return .ask(slot: slot, question: "【紧急】\(advice)\n\(question)")
        case let .clarify(question, choices): return .clarify(question: "【紧急】\(advice)\n\(question)", choices: choices)
        default: return outcome
        }
    }

    private func file(_ r: IntentRequest) throws -> Outcome {
        let placeUnknown = r.string("place_unknown") != nil && r.string("estate") == nil
        var placement: GridPlacement? = nil
        var area: EstateArea? = nil
        if !placeUnknown {
            if let (question, choices) = PlaceChoices.forShortForm(request: r) { return .clarify(question: question, choices: choices) }
            guard let estate = r.string("estate") else {
                return .ask(slot: "estate", question: "请问在哪个小区、哪一栋？（地点不明请回复“地址不详”，工单将进入分拨队列）")
            }
            if r.string("community") == nil, let choices = PlaceChoices.forAmbiguousEstate(estate, request: r) {
                return .clarify(question: "“\(estate)”在多个社区都有，请问是哪个社区的？", choices: choices)
            }
            if let building = r.string("building") {
                guard let found = try r.services.grid.placement(community: r.string("community"), estate: estate, building: building) else {
                    return .ask(slot: "estate", question: "没有找到 \(r.string("community") ?? "")\(estate)\(building)，请重新说一下地址（小区和楼栋），地点不明请回复“地址不详”。")
                }
                placement = found
            } else if let urgent = try Self.emergencyArea(r, estate: estate) {
                // An emergency does not wait for the building: filed now, routed to the estate's area.
                area = urgent
            } else {
                return .ask(slot: "building", question: "请问是\(estate)的哪一栋？")
            }
        }
        let anonymous = r.string("anonymous") != nil
        if !anonymous, let ask = r.missingRequired(["phone"]) { return ask }
        var told = GrievanceIntake(
            description: Self.cleaned(r.string("description")!), placement: placement, community: placement?.community,
            estate: placement?.estate ?? area?.estate, building: placement?.building, reporterName: r.string("name"), reporterPhone: r.string("phone"),
            channel: r.string("channel") ?? "热线", actor: r.session.operatorName, anonymous: anonymous,
            occurredAt: OccurrenceTime.past(r.string("time").flatMap(Clock.parseISO), now: r.services.clock.now))
        told.area = area
        told.community = told.community ?? area?.community
        let intake = told
        let service = r.services.grievances
        switch r.string("duplicate") {
        case nil:
            let duplicates = try service.possibleDuplicates(intake)
            if !duplicates.isEmpty {
                let choices = duplicates.prefix(3).map { t in
                    Dialogue.Choice(title: "并入 \(t.id)（\(t.status.chinese)：\(t.description)）", slots: ["duplicate": .string(t.id)])
                } + [Dialogue.Choice(title: "仍然新建工单", slots: ["duplicate": .string("new")])]
                let hours = service.rules.duplicateWindowHours
                return .clarify(question: "\(hours) 小时内同一地点已有同类在办工单，可能是重复报事。请选择：", choices: Array(choices))
            }
        case "new"?:
            break
        case let id?:
            let intent = self.intent, clock = r.clock
            return .pending { finish in
                service.attach(intake, to: id) { result in
                    finish(result.map { t in
                        let text = "已并入工单 \(t.id)，本次来电已记入该工单，没有新建工单。\n请告知居民工单号 \(t.id)，当前状态：\(t.status.chinese)；时限：\(clock.display(t.dueAt)) 前。"
                        return .done(intent, text, data: ["ticket": DomainJSON.ticket(t, clock: clock), "attached": true])
                    })
                }
            }
        }
        // The pending write keeps only what the reply needs, not the whole request
        // (copying `IntentRequest` into the closure showed in the filing profile).
        let placed = placement, intent = self.intent, clock = r.clock
        return .pending { finish in
            service.file(intake) { result in
                finish(result.map { ticket in
                    // The JSON bytes written directly; the `JSONValue` only if asked for (not on a socket).
                    let now = clock.now
                    return .done(intent, Self.text(ticket, placed, area: intake.area, rules: service.rules, clock: clock),
                                 dataCapacity: 768 + ticket.description.utf8.count,
                                 writeData: { TicketJSONBytes.writeFiled(ticket, clock: clock, now: now, to: &$0) }) {
                        ["ticket": DomainJSON.ticket(ticket, clock: clock, now: now)]
                    }
                })
            }
        }
    }

    /// The estate's area when the report is an emergency (classified only on this
    /// path, where the building is missing) and the estate lies in one community.
    static func emergencyArea(_ r: IntentRequest, estate: String) throws -> EstateArea? {
        guard r.services.grievances.assess(cleaned(r.string("description")!)).category.urgent else { return nil }
        return try r.services.grid.area(community: r.string("community"), estate: estate)
    }

    /// Words that set the channel, anonymity or an unknown place are not part of the problem.
    static func cleaned(_ description: String) -> String {
        var d = description
        // Foundation's replace and trim only where they change something (per ticket, they showed in profiles).
        let literal = !d.hasCompatibilityIdeograph
        for word in cleanedWords where !literal || d.containsBytes(word) {
            d = d.replacingOccurrences(of: word, with: "")
        }
        d = d.trimmed(cleanedEdges) { " ，,。；;".unicodeScalars.contains($0) }
        return d.isEmpty ? description : d
    }

    private static let cleanedWords = ["四个万家", "入户走访", "网格巡查", "巡查发现", "系统对接", "系统推送", "不愿留名", "匿名", "地址不详", "地点不详", "位置不详"]
    private static let cleanedEdges = CharacterSet(charactersIn: " ，,。；;")

    /// The filing's reply text, appended to one string: built once per ticket on the
    /// committer, where an array of interpolated lines joined showed in the profile.
    private static func text(_ t: Ticket, _ p: GridPlacement?, area: EstateArea? = nil, rules: GrievanceRules, clock: Clock) -> String {
        let grade = rules.grade(t.grade)
        var s = ""
        s.reserveCapacity(640 + t.description.utf8.count)
        s += "已登记工单 "
        s += t.id
        s += "，已保存。"
        if t.urgent {
            s += "\n【紧急】"
            s += rules.classify(t.description).advice
        }
        s += "\n问题："
        s += t.description
        s += "\n分类："
        s += t.category
        s += "；等级："
        s += t.grade
        s += "（"
        s += grade?.handler ?? Labels.level(t.level)
        s += "）；办理时限："
        s += clock.display(t.dueAt)
        s += " 前（"
        if t.urgent {
            s += String(grade?.urgentDeadlineHours ?? 0)
            s += " 小时）"
        } else {
            s += String(grade?.deadlineWorkingDays ?? 0)
            s += " 个工作日）"
        }
        if t.channel != "热线" || t.anonymous {
            s += "\n来源："
            s += t.channel
            if t.anonymous { s += "；匿名报事，不向承办人透露报事人" }
        }
        if let p {
            s += "\n地点："
            for part in [p.community, " › ", p.block, " › ", p.grid, " › 楼栋格 ", p.buildingGridCode, " › ", p.estate, p.building] { s += part }
            s += "\n已派给网格员 "
            for part in [p.gridWorker.name, "（", p.gridWorker.phone, "），楼栋长 ", p.buildingLeader.name, "（", p.buildingLeader.phone, "）"] { s += part }
        } else if let a = area {
            s += "\n地点："
            for part in [a.community, " › ", a.estate, "（楼栋未说明）"] { s += part }
            s += "\n紧急事项不等楼栋，已派给"
            for part in [a.leadRole, " ", a.lead.name, "（", a.lead.phone, "），请到场核实具体楼栋。"] { s += part }
        } else {
            s += "\n地点：不详，已进入分拨队列："
            s += t.assignee ?? ""
            s += "（"
            s += t.assigneePhone ?? ""
            s += "），分拨后派单。"
        }
        if let m = t.mediation {
            s += "\n纠纷类诉求，同时转"
            s += m
            s += "："
            s += GrievanceText.mediationDesk(m)
        }
        return s
    }
}

/// Shared wording for grievance replies.
enum GrievanceText {
    static func mediationDesk(_ channel: String) -> String {
        switch channel {
        case "人民调解": return "社区人民调解委员会（小事不出街区，大事不出社区）"
        case "行政调解": return "街道行政调解（劳动、城建等职能部门）"
        case "司法调解": return "观澜法庭诉前调解（司法所对接）"
        default: return channel
        }
    }

    static func actionName(_ action: String) -> String {
        switch action {
        case "file": return "登记"
        case "attach": return "重复来电"
        default: return TicketAction(rawValue: action)?.chinese ?? action
        }
    }

    /// One line of a list: the phone masked.
    static func listLine(_ t: Ticket, clock: Clock) -> String {
        var flags = ""
        if t.isOverdue(at: clock.now) { flags += "【超期】" }
        if t.supervised { flags += "【督办】" }
        if t.triage && t.status == .reported { flags += "【待分拨】" }
        let place = "\(t.community ?? "")\(t.estate ?? "")\(t.building ?? "")"
        return "\(t.id) \(t.grade)级 \(t.status.chinese)\(flags) \(place.isEmpty ? "地点不详" : place) \(t.description)（时限 \(clock.display(t.dueAt))；\(t.anonymous ? "匿名" : t.maskedPhone ?? "无电话")）"
    }
}
