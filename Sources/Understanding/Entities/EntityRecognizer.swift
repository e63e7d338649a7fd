// Temporary recognizer until the full entity layer lands (helper branch `understanding`).
public struct EntityRecognizer: Sendable {
    public init() {}
    public func entities(in text: ScalarText, context: ParseContext) -> [Entity] {
        let extractors: [any EntityExtractor] = [IdentifierExtractor(), USCCExtractor(), PhoneExtractor(), PartySizeExtractor(), MoneyExtractor(), NumberExtractor()]
        var chosen: [Entity] = []
        for e in extractors.flatMap({ $0.extract(from: text, context: context) }) where !chosen.contains(where: { $0.range.overlaps(e.range) }) {
            chosen.append(e)
        }
        return chosen.sorted { $0.start < $1.start }
    }
}
