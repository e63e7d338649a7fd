import Domain

/// 需求清单 / 查需求: residents' needs by community, kind, status and time;
/// with a need id, that need with its matches and moves.
struct CoBuildingNeedSearchHandler: IntentHandler {
    let intent = "cobuild.need.search"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let lists = r.services.coBuilding
        if let id = r.string("need_id") {
            guard let need = try lists.need(id: id) else { throw CoBuildingError.needNotFound(id) }
            let matches = try lists.matches(needID: id)
            var lines = [CoBuildingText.need(need), "来源：\(need.source)，登记于 \(r.clock.display(need.createdAt))"]
            lines += matches.map { "匹配 \($0.id)\($0.withdrawnAt == nil ? "" : "（已撤销）")：\($0.unitName) 提供 \($0.provides)（\($0.providerID)），时间 \($0.window)" }
            lines += try lists.history(needID: id).map { e in
                // The note of a settlement says who settled it (a 议事 decision names its meeting); a match's
                // note is its provider, already shown above, and a registration's its source.
                let note = e.action == NeedAction.settle.rawValue || e.action == NeedAction.reopen.rawValue ? e.note.map { "：\($0)" } ?? "" : ""
                return "\(r.clock.display(e.at)) \(NeedAction(rawValue: e.action)?.chinese ?? "登记") → \(NeedStatus(rawValue: e.toStatus)?.chinese ?? e.toStatus)\(note)"
            }
            return .reply(.done(intent, lines.joined(separator: "\n"),
                                data: ["need": CoBuildingJSON.need(need, clock: r.clock),
                                       "matches": .array(matches.map { CoBuildingJSON.match($0, clock: r.clock) })]))
        }
        let slots = CoBuildingSlots(request: r)
        var filter = slots.filter
        filter.status = r.string("status").flatMap(NeedStatus.init(rawValue:))
        let needs = try lists.needs(filter)
        let listing = CoBuildingListing(intent: intent, key: "needs", noun: "条需求", describe: CoBuildingText.need,
                                        json: { CoBuildingJSON.need($0, clock: r.clock) })
        return listing.reply(needs, scope: slots.scope + [filter.status?.chinese].compactMap { $0 },
                             hint: needs.first { $0.status == .open }.map { "为需求找资源请说：匹配需求 \($0.id)" })
    }
}
