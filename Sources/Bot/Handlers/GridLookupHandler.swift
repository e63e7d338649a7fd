import Domain

/// 查询网格: which community › block › grid › building grid a place is in, and
/// who is responsible, with phone numbers.
struct GridLookupHandler: IntentHandler {
    let intent = "grid.lookup"
    /// One per engine (handlers are made with it).
    let memo = GridReplyMemo()

    func handle(_ r: IntentRequest) throws -> Outcome {
        let grid = r.services.grid
        if let (question, choices) = PlaceChoices.forShortForm(request: r) { return .clarify(question: question, choices: choices) }
        if let estate = r.string("estate") {
            if r.string("community") == nil, let choices = PlaceChoices.forAmbiguousEstate(estate, request: r) {
                return .clarify(question: "“\(estate)”在多个社区都有，请问是哪个社区的？", choices: choices)
            }
            let community = r.string("community")
            guard let building = r.string("building") else {
                let found = try grid.placements(community: community, estate: estate, building: nil)
                guard !found.isEmpty else { return .reply(notFound(estate, nil)) }
                return .reply(.done(intent, estateSummary(estate, found), data: ["matches": .array(found.prefix(50).map(DomainJSON.placement))]))
            }
            return .reply(try memo.reply(for: "\(community ?? "")\u{1F}\(estate)\u{1F}\(building)") {
                let found = try grid.placements(community: community, estate: estate, building: building)
                guard !found.isEmpty else { return notFound(estate, building) }
                let text = found.map(describe).joined(separator: "\n")
                return .done(intent, text, data: ["matches": .array(found.map(DomainJSON.placement))])
            })
        }
        if let code = r.string("grid") {
            let found = try grid.placements(gridCode: code)
            guard let first = found.first else {
                return .reply(.failure(intent, code: "place_not_found", message: "没有找到网格 \(code)。"))
            }
            let estates = Set(found.map(\.estate)).sorted()
            let text = "\(code)：\(first.community) › \(first.block) › \(first.grid)\n网格员 \(first.gridWorker.name)（\(first.gridWorker.phone)），街区长 \(first.blockLeader.name)（\(first.blockLeader.phone)）\n共 \(found.count) 栋楼：\(estates.joined(separator: "、"))"
            return .reply(.done(intent, text, data: ["summary": ["code": .string(code), "buildings": .int(found.count)],
                                                     "matches": .array(found.prefix(50).map(DomainJSON.placement))]))
        }
        if let community = r.string("community") {
            let found = try grid.placements(community: community)
            guard let first = found.first else { return .reply(.failure(intent, code: "place_not_found", message: "没有找到\(community)。")) }
            let blocks = Set(found.map(\.blockCode)).count, grids = Set(found.map(\.gridCode)).count
            let estates = Set(found.map(\.estate)).count
            let text = "\(community)：\(blocks) 个街区，\(grids) 个网格，\(estates) 个小区，\(found.count) 栋楼\n社区书记 \(first.communitySecretary.name)（\(first.communitySecretary.phone)）"
            return .reply(.done(intent, text, data: ["summary": ["community": .string(community), "blocks": .int(blocks), "grids": .int(grids),
                                                                  "estates": .int(estates), "buildings": .int(found.count),
                                                                  "community_secretary": DomainJSON.person(first.communitySecretary)]]))
        }
        return .ask(slot: "estate", question: "请问要查询哪个小区、哪一栋？（例如：香榭郦景3栋）")
    }

    private func notFound(_ estate: String, _ building: String?) -> Reply {
        .failure(intent, code: "place_not_found", message: "没有找到 \(estate)\(building ?? "")，请核对楼栋号。")
    }

    private func describe(_ p: GridPlacement) -> String {
        """
        \(p.estate)\(p.building) 属于 \(p.community) › \(p.block) › \(p.grid) › 楼栋格 \(p.buildingGridCode)
        网格员 \(p.gridWorker.name)（\(p.gridWorker.phone)）
        街区长 \(p.blockLeader.name)（\(p.blockLeader.phone)）
        楼栋长 \(p.buildingLeader.name)（\(p.buildingLeader.phone)）
        """
    }

    private func estateSummary(_ estate: String, _ found: [GridPlacement]) -> String {
        var lines = ["\(estate) 共 \(found.count) 栋楼，属于 \(Set(found.map(\.community)).sorted().joined(separator: "、"))："]
        let byGrid = Dictionary(grouping: found, by: \.gridCode)
        for code in byGrid.keys.sorted() {
            let ps = byGrid[code]!
            lines.append("\(ps[0].grid)（网格员 \(ps[0].gridWorker.name) \(ps[0].gridWorker.phone)）：\(ps.map(\.building).joined(separator: "、"))")
        }
        lines.append("查询具体楼栋可输入：查询网格 \(estate)\(found[0].building)")
        return lines.joined(separator: "\n")
    }
}

/// Choices for an estate found in more than one community (翠湖花园).
enum PlaceChoices {
    static func forAmbiguousEstate(_ estate: String, request r: IntentRequest) -> [Dialogue.Choice]? {
        let communities = r.understander.places.gazetteer.estateCommunities[estate] ?? []
        guard communities.count > 1 else { return nil }
        return communities.map { c in
            var slots = r.slots
            slots["community"] = .string(c)
            return Dialogue.Choice(title: c, slots: slots)
        }
    }

    /// A short form several estates share (观峰5栋: 观峰公馆, 观峰豪庭 …): one
    /// choice per estate, keeping the building and whatever else was said.
    static func forShortForm(request r: IntentRequest) -> (question: String, choices: [Dialogue.Choice])? {
        guard r.string("estate") == nil, let place = r.place, place.estateCandidates.count > 1 else { return nil }
        let gazetteer = r.understander.places.gazetteer
        let choices = place.estateCandidates.map { estate in
            var slots = r.slots
            slots["estate"] = .string(estate)
            if let communities = gazetteer.estateCommunities[estate], communities.count == 1 { slots["community"] = .string(communities[0]) }
            if let building = place.building { slots["building"] = .string(building) }
            return Dialogue.Choice(title: estate, slots: slots)
        }
        return ("请问是哪个小区？", choices)
    }
}
