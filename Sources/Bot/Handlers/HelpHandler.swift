/// 帮助: what the bot does, one example per intent, from the intent files.
struct HelpHandler: IntentHandler {
    let intent = "help"

    func handle(_ r: IntentRequest) throws -> Outcome {
        let specs = r.understander.catalog.specs
        var lines = ["观澜街道服务热线助手可以："]
        for spec in specs {
            let example = spec.examples.first?.text ?? spec.label
            lines.append("· \(spec.label)：\(spec.summary)。例：\(example)")
        }
        lines.append("对话中输入“取消”可放弃当前操作。")
        let data: JSONValue = ["intents": .array(specs.map { ["intent": .string($0.intent), "label": .string($0.label),
                                                               "example": .string($0.examples.first?.text ?? "")] })]
        return .reply(.done(intent, lines.joined(separator: "\n"), data: data))
    }
}

/// 取消 outside a dialogue: nothing to abandon.
struct CancelHandler: IntentHandler {
    let intent = "cancel"

    func handle(_ r: IntentRequest) throws -> Outcome {
        .reply(.done(intent, "当前没有进行中的对话，无需取消。"))
    }
}
