import Domain

/// The reply of a co-building list search: a count with the filter said back,
/// the first lines, a hint, and `data.<key>` (at most 100 entries).
struct CoBuildingListing<Item> {
    let intent: String
    /// `data` key: resources, services, needs.
    let key: String
    /// 项共享资源, 项服务, 条需求 …
    let noun: String
    let describe: (Item) -> String
    let json: (Item) -> JSONValue
    static var maximumListed: Int { 20 }

    func reply(_ items: [Item], scope: [String], hint: String? = nil) -> Outcome {
        let said = scope.isEmpty ? "" : "（\(scope.joined(separator: "，"))）"
        guard !items.isEmpty else {
            return .reply(.done(intent, "没有找到符合条件的\(noun.dropFirst())\(said)。", data: [key: []]))
        }
        var lines = ["找到 \(items.count) \(noun)\(said)" + (items.count > Self.maximumListed ? "，显示前 \(Self.maximumListed) \(noun.prefix(1))" : "") + "："]
        lines += items.prefix(Self.maximumListed).map(describe)
        if let hint { lines.append(hint) }
        return .reply(.done(intent, lines.joined(separator: "\n"), data: [key: .array(items.prefix(100).map(json))]))
    }
}
