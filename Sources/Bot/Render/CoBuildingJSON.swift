import Domain

/// The `data` shapes of the co-building intents (docs/CO-BUILDING.md).
enum CoBuildingJSON {
    static func resource(_ r: SharedResource) -> JSONValue {
        ["id": .string(r.id), "unit_code": .string(r.unitCode), "unit": .string(r.unitName), "kind": .string(r.kind), "name": .string(r.name),
         "quantity": .int(r.quantity), "measure": .string(r.measure), "community": .string(r.community), "place": .string(r.place),
         "window": .string(r.window.description), "mode": .string(r.mode)]
    }

    static func service(_ s: CommunityService) -> JSONValue {
        ["id": .string(s.id), "unit_code": .string(s.unitCode), "unit": .string(s.unitName), "kind": .string(s.kind), "name": .string(s.name),
         "community": .string(s.community), "place": .string(s.place), "window": .string(s.window.description), "capacity": .int(s.capacity)]
    }

    static func need(_ n: Need, clock: Clock) -> JSONValue {
        ["id": .string(n.id), "community": .string(n.community), "place": .optional(n.place), "kind": .string(n.kind),
         "description": .string(n.description), "window": .optional(n.window?.description), "status": .string(n.status.rawValue),
         "source": .string(n.source), "created_at": .string(clock.iso(n.createdAt))]
    }

    static func candidate(_ c: MatchCandidate) -> JSONValue {
        ["provider": .string(c.provider.rawValue), "id": .string(c.id), "unit_code": .string(c.unitCode), "unit": .string(c.unitName),
         "kind": .string(c.kind), "name": .string(c.name), "amount": .string(c.amount), "community": .string(c.community),
         "place": .string(c.place), "window": .string(c.window.description), "overlap_minutes": .int(c.overlapMinutes),
         "score": .int(c.score), "reasons": .array(c.reasons.map { .string($0) })]
    }

    static func match(_ m: NeedMatch, clock: Clock) -> JSONValue {
        ["id": .string(m.id), "need_id": .string(m.needID), "provider": .string(m.provider.rawValue), "provider_id": .string(m.providerID),
         "unit_code": .string(m.unitCode), "unit": .string(m.unitName), "provides": .string(m.provides), "window": .string(m.window),
         "created_at": .string(clock.iso(m.createdAt)), "withdrawn": .bool(m.withdrawnAt != nil)]
    }

    static func booking(_ b: ResourceBooking, clock: Clock) -> JSONValue {
        var o: [String: JSONValue] = ["id": .string(b.id), "resource_id": .string(b.resourceID), "resource": .string(b.resourceName),
                                      "start": .string(clock.iso(b.start)), "end": .string(clock.iso(b.end)), "places": .int(b.places),
                                      "phone": .string(b.phone), "plate": .optional(b.plate), "status": .string(b.status.rawValue)]
        if let p = b.waitlistPosition { o["waitlist_position"] = .int(p) }
        return .object(o)
    }
}

/// Reply lines for co-building records, shared by the handlers.
enum CoBuildingText {
    static func resource(_ r: SharedResource) -> String {
        "\(r.id) \(label(r.offer)) \(r.quantity) \(r.measure)｜\(r.community)\(r.place)｜\(r.window)｜\(r.mode)｜\(r.unitName)（\(r.unitCode)）"
    }

    static func service(_ s: CommunityService) -> String {
        "\(s.id) \(label(s.offer)) 每次 \(s.capacity) 人｜\(s.community)\(s.place)｜\(s.window)｜\(s.unitName)（\(s.unitCode)）"
    }

    /// 车位·地下停车场车位, or 车位 when the name is the kind.
    static func label(_ o: Offer) -> String { o.name == o.kind ? o.kind : "\(o.kind)·\(o.name)" }

    static func need(_ n: Need) -> String {
        "\(n.id) [\(n.status.chinese)] \(n.kind)｜\(n.community)\(n.place ?? "")｜\(n.description)\(n.window.map { "｜\($0)" } ?? "")"
    }

    /// The part of `description` that is the operator's own words: without
    /// the place names and the time words already read into slots.
    static func remainder(_ description: String?, removing words: [String?]) -> String {
        var text = description ?? ""
        for word in words.compactMap({ $0 }).filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: word, with: " ")
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "，" || $0 == "," }).joined(separator: " ")
    }
}
