import Domain
import Foundation

/// 活动管理 (operators): 新增活动 / 修改活动 with `名称=… 容量=…` fields, and
/// 取消场次 of one dated session — its bookings are cancelled and a notice to
/// each resident is recorded.
struct ActivityManageHandler: IntentHandler {
    let intent = "activity.manage"

    func handle(_ r: IntentRequest) throws -> Outcome {
        switch r.string("action") {
        case "cancel_session": return try cancelSession(r)
        case "add", "change": return try save(r)
        default:
            return .reply(.failure(intent, code: "unknown_action",
                                   message: "请说明要做什么：取消场次 HD-004 12月5日 原因=场地维修；修改活动 HD-004 容量=25；新增活动 HD-055 名称=… 场馆=QL-01 …"))
        }
    }

    /// `原因=…` / `原因：…`, else the default.
    static func reason(in details: String?) -> String {
        guard let d = details, let range = d.range(of: #"(原因|因为|由于)[=:：]?\s*"#, options: .regularExpression) else { return "场次调整" }
        let rest = d[range.upperBound...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? "场次调整" : rest
    }

    private func cancelSession(_ r: IntentRequest) throws -> Outcome {
        let session: ActivitySession
        switch try SessionResolver(request: r, allowCancelled: true).resolve() {
        case .outcome(let outcome): return outcome
        case .session(let s): session = s
        }
        let done = try r.services.activities.cancelSession(activityCode: session.activity.code, start: session.start,
                                                            reason: Self.reason(in: r.string("details")), by: r.session.operatorName)
        var lines = ["已取消场次：\(done.activity.name)（\(done.activity.code)）\(r.clock.display(done.start))，\(done.activity.venueName)。原因：\(done.reason)。"]
        if done.notified.isEmpty {
            lines.append("该场次没有预约。")
        } else {
            lines.append("已作废 \(done.notified.count) 个预约，并记录了对居民的通知：")
            lines += done.notified.map { b in
                "\(b.id) \(b.name ?? "居民") \(b.phone) \(b.partySize) 人（\(b.status == .confirmed ? "已确认" : "候补")）"
            }
        }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: [
            "session": DomainJSON.session(session, clock: r.clock),
            "reason": .string(done.reason),
            "notified": .array(done.notified.map { DomainJSON.booking($0, clock: r.clock) }),
        ]))
    }

    private func save(_ r: IntentRequest) throws -> Outcome {
        guard let code = r.string("activity_id") else {
            return .ask(slot: "activity_id", question: "请给出活动编号（如 HD-055）。")
        }
        let definition = ActivityDefinition.parse(code: code, text: r.string("details") ?? "")
        guard !definition.fields.isEmpty else {
            return .reply(.failure(intent, code: "invalid_activity",
                                   message: "没有读到要修改的内容。请用“字段=值”，如：容量=25 开始=10:00 日程=周二|周四 主持=张老师。"))
        }
        let (activity, created, promoted) = try r.services.activities.saveActivity(definition, by: r.session.operatorName)
        var lines = ["\(created ? "已新增" : "已修改")活动 \(activity.code) \(activity.name)：\(activity.schedule.display) \(activity.startTime)，\(activity.minutes) 分钟，"
                     + "\(activity.venueName)（开放 \(activity.venueOpenHours)），容量 \(activity.capacity)，每单最多 \(activity.maxParty) 人，"
                     + "\(activity.audience)，主持 \(activity.host.isEmpty ? "未定" : activity.host)，\(activity.from)–\(activity.until)。"]
        for p in promoted { lines.append("候补 \(p.id)（\(p.partySize) 人，电话 \(p.phone)）已递补为正式预约，已记录通知。") }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: [
            "activity_id": .string(activity.code), "created": .bool(created),
            "promoted": .array(promoted.map { .string($0.id) }),
        ]))
    }
}
