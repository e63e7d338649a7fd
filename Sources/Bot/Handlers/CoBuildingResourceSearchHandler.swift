import Domain

/// 查资源 / 资源清单: member units' resources by community, kind, place, unit and time.
struct CoBuildingResourceSearchHandler: IntentHandler {
    let intent = "cobuild.resource.search"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let slots = CoBuildingSlots(request: r)
        let resources = try r.services.coBuilding.resources(slots.filter)
        let listing = CoBuildingListing(intent: intent, key: "resources", noun: "项共享资源", describe: CoBuildingText.resource, json: CoBuildingJSON.resource)
        return listing.reply(resources, scope: slots.scope,
                             hint: resources.first.map { "预约请说：预约资源 资源编号 日期 电话，例如：预约资源 \($0.id) 明天 电话138…" })
    }
}
