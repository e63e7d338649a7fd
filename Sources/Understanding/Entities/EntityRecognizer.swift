// Temporary recognizer until the full entity layer lands (helper branch `understanding`).
public struct EntityRecognizer: Sendable {
    public init() {}
    public func entities(in text: ScalarText, context: ParseContext) -> [Entity] {
        NumberExtractor().extract(from: text, context: context)
    }
}
