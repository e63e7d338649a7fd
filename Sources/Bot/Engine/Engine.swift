import Domain
import Foundation
import Understanding

/// The one engine: `handle(line, session) -> Reply`. It understands the line,
/// continues or starts a dialogue, routes to the intent's handler, and turns
/// failures into Chinese error replies. Front ends only render the reply.
public final class Engine: LineHandler {
    public let understander: Understander
    public let services: Services
    let handlers: [String: any IntentHandler]
    /// Results of `understander.understand` by text (`UnderstandingCache` says when one is served
    /// again). A new engine (SIGHUP reload) starts with an empty one.
    public let understandingCache: UnderstandingCache
    /// `services` and `understander` in one object that requests share.
    let parts: EngineParts
    /// "您是不是想……" for lines not understood.
    let suggestions: Suggestions

    /// - Parameter understandingCacheSize: texts whose understanding is kept (0: none).
    public init(understander: Understander, services: Services,
                understandingCacheSize: Int = UnderstandingCache.defaultCapacity) {
        self.understander = understander
        self.services = services
        self.understandingCache = UnderstandingCache(capacity: understandingCacheSize)
        self.parts = EngineParts(services: services, understander: understander)
        self.suggestions = Suggestions(catalog: understander.catalog)
        let all: [any IntentHandler] = [
            GrievanceFileHandler(), GrievanceStatusHandler(), GrievanceUpdateHandler(), GrievanceListHandler(),
            GridLookupHandler(), ActivitySearchHandler(), ActivityBookHandler(), ActivityCancelHandler(),
            ActivityBookingsHandler(), ActivityManageHandler(), EnterpriseRequestHandler(), EnterpriseStatusHandler(),
            EnterpriseUpdateHandler(), StatsHandler(),
            MeetingScheduleHandler(), MeetingRecordHandler(), MeetingSearchHandler(), VisitRecordHandler(), VisitSearchHandler(),
            VolunteerTaskHandler(), VolunteerSignupHandler(), VolunteerFreeHandler(), VolunteerHoursHandler(),
            CoBuildingResourceSearchHandler(), CoBuildingResourceAddHandler(), CoBuildingServiceSearchHandler(),
            CoBuildingNeedAddHandler(), CoBuildingNeedSearchHandler(), CoBuildingMatchHandler(), CoBuildingNeedUpdateHandler(),
            CoBuildingResourceBookHandler(), CoBuildingResourceCancelHandler(),
            HelpHandler(), CancelHandler(),
        ]
        handlers = Dictionary(all.map { ($0.intent, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public var context: ParseContext { ParseContext(now: services.clock.now, timeZone: services.clock.timeZone) }

    /// Staff work: moving tickets, enterprise requests and needs along their loops,
    /// running sessions, recording matches, meetings, visits, volunteer tasks and hours,
    /// registering a unit's resources. Limited to operators where the front end says so
    /// (`Session.mayOperate`). Residents and other systems may still file, ask, book,
    /// cancel their own bookings, register a need and sign up as volunteers.
    public static let operatorOnlyIntents: Set<String> = [
        "grievance.update", "enterprise.update", "activity.manage",
        "cobuild.match", "cobuild.need.update", "cobuild.resource.add",
        "cobuild.meeting.schedule", "cobuild.meeting.record", "cobuild.visit.record",
        "cobuild.volunteer.task", "cobuild.volunteer.hours",
    ]

    /// Intents whose handlers never write: answered in `prepare` itself (on a
    /// socket server's event loop). A handler joins only if it reads and nothing
    /// else — `EngineReadOnlyTests` runs each one's examples on a database that
    /// refuses writes.
    public static let answeredWithoutWriting: Set<String> = ["grid.lookup", "help", "grievance.status", "grievance.list"]

    /// Intents whose handlers write only through completions (`IntentHandler.writesOnlyWithCompletion`).
    public var intentsWritingOnlyWithCompletion: Set<String> {
        Set(handlers.values.filter(\.writesOnlyWithCompletion).map(\.intent))
    }

    public func handle(_ line: String, session: Session) -> Reply {
        prepare(line, session: session).run()
    }

    /// The building's 查询网格 reply kept for exactly `text` (below, in `prepare`), outside a
    /// dialogue: `prepare(text, session)` would serve it. Its checks need not run: a reply is
    /// kept only under a text that passed them (no control character, trimmed, not empty, not
    /// too long), and a line equal to that text passes them and trims to itself.
    public func keptReply(for text: String, session: Session) -> Reply? {
        guard session.dialogue == nil else { return nil }
        return understandingCache.keptReply(for: text, context: context)
    }

    public func prepare(_ line: String, session: Session) -> PreparedReply {
        let text: String
        switch LineInput.check(line) {
        case .failure(let rejected): return .ready(rejected.reply)
        case .success(let t): text = t.trimmedWhitespace
        }
        guard !text.isEmpty else {
            return .ready(.failure(nil, code: "empty_line", message: "请输入指令。输入“帮助”查看能做的事。"))
        }
        if Understander.isTooLong(text) {
            return .ready(.failure(nil, code: "text_too_long",
                                   message: "内容过长：一条指令最多 \(Understander.maximumCharacters) 字，请精简或分条发送。本次未做任何改动。"))
        }
        let context = self.context
        let (understanding, kept) = understandingCache.understandingAndReply(of: text, context: context) {
            understander.understand(text, context: context)
        }
        // A lookup answered before, kept beside its understanding (below): no routing,
        // request or handler. Only outside a dialogue, which the text could change.
        if let kept, session.dialogue == nil { return .ready(kept) }
        if let dialogue = session.dialogue {
            if understanding.intent == "cancel" && understanding.confidence >= 0.95 {
                session.dialogue = nil
                return .ready(Self.cancelled(dialogue))
            }
            // A confident command (its word first in the line) starts anew: while a question is
            // open, when it is another intent; while choices are listed, when it picks none of them
            // (查询网格 … typed instead of a session's number).
            let startsNewCommand = understanding.intent != nil && understanding.confidence >= 0.95
                && (dialogue.choices.isEmpty ? understanding.intent != dialogue.intent : pick(text, from: dialogue.choices) == nil)
            if !startsNewCommand && !opensNewAccount(understanding, over: dialogue) {
                return continueDialogue(dialogue, line: text, understanding: understanding, session: session)
            }
            session.dialogue = nil
            return answer(understanding, text: text, context: context, session: session).map { Self.noting(dialogue, dropped: $0) }
        }
        return answer(understanding, text: text, context: context, session: session)
    }

    /// A line understood outside any dialogue: its intent's handler, a question between two
    /// close intents, or "not understood".
    func answer(_ understanding: Understanding, text: String, context: ParseContext, session: Session) -> PreparedReply {
        guard let intent = understanding.intent else { return .ready(unknown(text)) }
        if understanding.close.count == 2, let question = understanding.clarifyQuestion {
            return .ready(clarifyIntent(understanding, text: text, question: question, session: session))
        }
        let outsideDialogue = session.dialogue == nil
        let prepared = route(intent: intent, slots: understanding.slots, place: understanding.place, session: session)
        // A building's 查询网格 reply (kept by `GridReplyMemo`, hence `rendered`) is a function of
        // the understanding alone while this engine's grid stands: kept beside it, to be served
        // as is the next time the same text comes outside a dialogue (`LookupReplyMemoTests`).
        if intent == "grid.lookup", outsideDialogue, session.dialogue == nil,
           case .ready(let reply) = prepared, reply.rendered != nil, reply.state == .done {
            understandingCache.keep(reply, for: text, context: context)
        }
        return prepared
    }

    /// `proceed` now for an intent that never writes; deferred for one whose handler writes only
    /// through a completion, on a database that completes later (a socket server starts it on its
    /// event loop); else later, where blocking is fine.
    private func route(intent: String, slots: Slots, place: PlaceFinder.Place?, session: Session) -> PreparedReply {
        if Self.answeredWithoutWriting.contains(intent) {
            return .ready(proceed(intent: intent, slots: slots, place: place, session: session))
        }
        if services.writesAsynchronously, handlers[intent]?.writesOnlyWithCompletion == true {
            return .deferred { done in self.proceed(intent: intent, slots: slots, place: place, session: session, completion: done) }
        }
        return .blocking { self.proceed(intent: intent, slots: slots, place: place, session: session) }
    }

    private func continueDialogue(_ dialogue: Dialogue, line: String, understanding: Understanding, session: Session) -> PreparedReply {
        var d = dialogue
        if !d.choices.isEmpty {
            guard let choice = pick(line, from: d.choices) else {
                if let switched = switchesAway(from: d, understanding: understanding, line: line, session: session) { return switched }
                return .ready(Reply.clarify(d.intent, "请回复选项编号（1–\(d.choices.count)），或输入“取消”放弃。\n" + Self.list(d.choices),
                                     choices: d.choices.map { ["title": .string($0.title)] }))
            }
            if let intent = choice.intent, let spec = understander.catalog.spec(intent) {
                d.intent = intent
                d.label = spec.label
                d.slots = [:]
            }
            d.slots.merge(choice.slots) { _, new in new }
            d.choices = []
        } else {
            var fresh = understander.slots(for: d.intent, in: line, context: context)
            // The free text of a follow-up is the description only when that is
            // what was asked, or when nothing else was recognised.
            let typed = fresh.keys.filter { $0 != "description" }
            if d.awaiting != "description" && (!typed.isEmpty || d.slots["description"] != nil) {
                fresh["description"] = nil
            }
            let awaitsFreeText = d.awaiting.flatMap { understander.catalog.spec(d.intent)?.slot($0) }
                .map { ["description", "name", "marked"].contains($0.type) } ?? false
            // Not the answer (明天有什么活动 while a report waits for its phone): what else the line is.
            if let awaiting = d.awaiting, fresh[awaiting] == nil, !awaitsFreeText,
               let switched = switchesAway(from: d, understanding: understanding, line: line, session: session) {
                return switched
            }
            if fresh.isEmpty, let awaiting = d.awaiting, awaitsFreeText {
                fresh[awaiting] = .string(line)
            }
            if fresh.isEmpty, let awaiting = d.awaiting {
                let question = understander.catalog.spec(d.intent)?.slot(awaiting)?.ask ?? "请补充信息。"
                session.dialogue = d
                return .ready(.ask(d.intent, "没有听懂这条回答。\(question)（输入“取消”可放弃）"))
            }
            // A new place replaces the old one whole (a correction), not part by part.
            if fresh["estate"] != nil || fresh["community"] != nil {
                for key in ["community", "estate", "building", "grid"] where fresh[key] == nil { d.slots[key] = nil }
            }
            d.slots.merge(fresh) { _, new in new }
        }
        return route(intent: d.intent, slots: d.slots, place: understanding.place, session: session)
    }

    /// Runs the intent's handler and keeps, updates or ends the dialogue; waits for a write
    /// the handler left pending (REPL, transcripts, request threads).
    func proceed(intent: String, slots: Slots, place: PlaceFinder.Place?, session: Session) -> Reply {
        PreparedReply.wait(for: { done in self.proceed(intent: intent, slots: slots, place: place, session: session, completion: done) })
    }

    /// `proceed` that returns at once when the handler's write is still pending: `completion`
    /// gets the reply once it is durable, on the thread that finished it (a group committer's).
    func proceed(intent: String, slots: Slots, place: PlaceFinder.Place?, session: Session,
                 completion: @escaping @Sendable (Reply) -> Void) {
        if Self.operatorOnlyIntents.contains(intent) && !session.mayOperate {
            session.dialogue = nil
            return completion(.failure(intent, code: "forbidden", message: "该操作（受理、派单、办结、匹配、议事记录等）仅限值班工作人员，当前连接无此权限。"))
        }
        guard let spec = understander.catalog.spec(intent), let handler = handlers[intent] else {
            return completion(.failure(intent, code: "no_handler", message: "暂不支持该功能：\(intent)"))
        }
        let request = IntentRequest(spec: spec, slots: slots, session: session, shared: parts, place: place)
        let outcome: Outcome
        do {
            outcome = try handler.handle(request)
        } catch {
            session.dialogue = nil
            return completion(ErrorMessages.reply(for: error, intent: intent))
        }
        switch outcome {
        case .reply(let reply):
            session.dialogue = nil
            completion(reply)
        case .ask(let slot, let question):
            // The slot asked for is unknown by definition: a rejected value (a credit
            // code with a wrong check digit) is not kept.
            var kept = slots
            kept[slot] = nil
            session.dialogue = Dialogue(intent: intent, slots: kept, awaiting: slot, label: spec.label)
            completion(.ask(intent, Self.summary(spec, kept, clock: services.clock) + question,
                            data: ["awaiting": .string(slot), "slots": Self.json(kept)]))
        case .clarify(let question, let choices):
            session.dialogue = Dialogue(intent: intent, slots: slots, awaiting: nil, choices: choices, label: spec.label)
            completion(.clarify(intent, question + "\n" + Self.list(choices),
                                choices: choices.map { ["title": .string($0.title), "slots": Self.json($0.slots)] }))
        case .pending(let write):
            // The connection waits for this reply before its next request, so nothing
            // else touches `session` until `completion` has run.
            write { result in
                session.dialogue = nil
                switch result {
                case .success(let reply): completion(reply)
                case .failure(let error): completion(ErrorMessages.reply(for: error, intent: intent))
                }
            }
        }
    }

    /// Two intents too close to call: ask which, with each one's slots ready
    /// so that the answer (a number or a label) carries on without retyping.
    private func clarifyIntent(_ u: Understanding, text: String, question: String, session: Session) -> Reply {
        let choices = u.close.map { c in
            Dialogue.Choice(title: c.label, slots: understander.slots(for: c.intent, in: text, context: context), intent: c.intent)
        }
        session.dialogue = Dialogue(intent: u.close[0].intent, slots: [:], choices: choices, label: u.close[0].label)
        return .clarify(nil, question + "\n" + Self.list(choices),
                        choices: choices.map { ["title": .string($0.title), "intent": .string($0.intent ?? ""), "slots": Self.json($0.slots)] })
    }

    private func pick(_ line: String, from choices: [Dialogue.Choice]) -> Dialogue.Choice? {
        let digits = line.filter(\.isNumber)
        if let n = Int(digits), (1...choices.count).contains(n), digits.count == line.filter({ !$0.isWhitespace && $0 != "第" && $0 != "个" }).count {
            return choices[n - 1]
        }
        let chinese = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]
        for (i, c) in chinese.enumerated() where i < choices.count && (line == c || line == "第\(c)个") { return choices[i] }
        return choices.first { line.contains($0.title) || $0.title.contains(line) }
    }

    private func unknown(_ text: String) -> Reply {
        var message = "抱歉，没有听懂“\(text)”。"
        if let suggestion = suggestions.closest(to: text) {
            message += "\n您是不是想：\(suggestion.label)？例如：\(suggestion.example)"
        }
        message += "\n输入“帮助”查看能做的事。"
        return .failure(nil, code: "unknown_command", message: message)
    }

    static func list(_ choices: [Dialogue.Choice]) -> String {
        choices.enumerated().map { "\($0.offset + 1). \($0.element.title)" }.joined(separator: "\n")
    }

    /// `（已记录：问题=…；地点=…）` before a question, so the operator sees what is kept.
    static func summary(_ spec: IntentSpec, _ slots: Slots, clock: Clock) -> String {
        let names: [String: String] = ["description": "问题", "phone": "电话", "name": "姓名", "party_size": "人数",
                                       "activity": "活动", "activity_id": "活动编号", "time": "时间", "ticket_id": "工单",
                                       "booking_id": "预约号", "service_type": "服务类型", "enterprise": "企业", "amount": "金额",
                                       "kind": "类别", "need_id": "需求", "resource_id": "资源", "unit_id": "单位",
                                       "topic": "议题", "participants": "参会", "title": "内容", "skill": "技能",
                                       "headcount": "人数", "meeting_id": "议事", "task_id": "任务"]
        var parts: [String] = []
        let place = [slots["community"], slots["estate"], slots["building"]].compactMap { $0?.string }.joined()
        if !place.isEmpty { parts.append("地点=\(place)") }
        for slot in spec.slots {
            guard let value = slots[slot.name], let label = names[slot.name] else { continue }
            if slot.type == "time", let date = Clock.parseISO(value.string) {
                let hasTime = clock.calendar.component(.hour, from: date) != 0 || clock.calendar.component(.minute, from: date) != 0
                parts.append("\(label)=\(clock.display(date, withTime: hasTime))")
            } else {
                parts.append("\(label)=\(value.string)")
            }
        }
        return parts.isEmpty ? "" : "（已记录：\(parts.joined(separator: "；"))）\n"
    }

    static func json(_ slots: Slots) -> JSONValue {
        .object(slots.mapValues { v in
            switch v {
            case .string(let s): return .string(s)
            case .int(let i): return .int(i)
            case .number(let d): return d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .double(d)
            }
        })
    }
}
