import Domain

/// 查服务 / 服务清单: services the member units run, by community, kind, place, unit and time.
struct CoBuildingServiceSearchHandler: IntentHandler {
    let intent = "cobuild.service.search"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let slots = CoBuildingSlots(request: r)
        let listing = CoBuildingListing(intent: intent, key: "services", noun: "项服务", describe: CoBuildingText.service, json: CoBuildingJSON.service)
        return listing.reply(try r.services.coBuilding.services(slots.filter), scope: slots.scope)
    }
}
