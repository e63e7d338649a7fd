/// Fills an intent's slots from the analysed text, each by its slot type.
struct SlotFiller: Sendable {
    /// Activity names, kinds and their short forms, longest first.
    let activityTerms: [String]
    let enterpriseNames: [String]

    func slots(for spec: IntentSpec, analysis: Analysis, trigger: IntentClassifier.Trigger?) -> Slots {
        var slots: Slots = [:]
        for slot in spec.slots {
            if let value = value(of: slot, analysis: analysis, trigger: trigger) { slots[slot.name] = value }
        }
        return slots
    }

    private func value(of slot: SlotSpec, analysis: Analysis, trigger: IntentClassifier.Trigger?) -> SlotValue? {
        let place = analysis.place
        switch slot.type {
        case "community": return (place?.community).map { .string($0) }
        case "estate": return (place?.estate).map { .string($0) }
        case "building": return (place?.building).map { .string($0) }
        case "grid": return (place?.gridCode).map { .string($0) }
        case "phone": return entity(.phone, analysis).flatMap { $0.value.stringValue }.map { .string($0) }
        case "ticket_id": return entity(.ticketId, analysis).flatMap { $0.value.stringValue }.map { .string($0) }
        case "booking_id": return entity(.bookingId, analysis).flatMap { $0.value.stringValue }.map { .string($0) }
        case "request_id": return entity(.requestId, analysis).flatMap { $0.value.stringValue }.map { .string($0) }
        case "activity_id": return entity(.activityId, analysis).flatMap { $0.value.stringValue }.map { .string($0) }
        case "uscc": return entity(.uscc, analysis).flatMap { $0.value.stringValue }.map { .string($0) }
        case "time": return entity(.time, analysis).flatMap { $0.value.stringValue }.map { .string($0) }
        case "time_end": return entity(.time, analysis)?.valueEnd.map { .string($0) }
        case "party_size": return entity(.partySize, analysis).flatMap { $0.value.numberValue }.map { .int(Int($0)) }
        case "money":
            return (entity(.money, analysis) ?? entity(.number, analysis)).flatMap { $0.value.numberValue }.map { .number($0) }
        case "name": return PersonName.find(in: analysis.string).map { .string($0) }
        case "activity": return (analysis.activity ?? activity(in: analysis.string)).map { .string($0) }
        case "enterprise": return enterpriseNames.filter { analysis.string.contains($0) }.max { $0.count < $1.count }.map { .string($0) }
        case "keyword": return keyword(slot, in: analysis.string).map { .string($0) }
        case "company": return CompanyName.find(in: analysis.string).map { .string($0) }
        case "area": return QuantityReader.area(in: analysis.string).map { .number($0) }
        case "term": return QuantityReader.termMonths(in: analysis.string).map { .int($0) }
        case "headcount":
            return (QuantityReader.headcount(in: analysis.string)
                ?? entity(.partySize, analysis).flatMap { $0.value.numberValue }.map { Int($0) }).map { .int($0) }
        case "description": return description(analysis, trigger: trigger).map { .string($0) }
        default: return nil
        }
    }

    private func entity(_ type: EntityType, _ analysis: Analysis) -> Entity? {
        analysis.entities.first { $0.type == type }
    }

    func activity(in text: String) -> String? {
        activityTerms.first { text.contains($0) }
    }

    /// The value whose word occurs latest-longest: the longest word wins.
    private func keyword(_ slot: SlotSpec, in text: String) -> String? {
        var best: (value: String, length: Int)? = nil
        for (value, words) in slot.values ?? [:] {
            for word in words where text.contains(word) && word.count > (best?.length ?? 0) {
                best = (value, word.count)
            }
        }
        return best?.value
    }

    /// Made once rather than per line.
    private static let phoneLabels = ["联系电话", "联系方式", "电话号码", "手机号码", "手机号", "电话", "手机", "tel", "TEL"].map { Array($0.unicodeScalars) }
    private static let separators = CharacterSet(charactersIn: " /,，。.;；:：、|")

    /// The problem as told: the text without the command word, phone numbers
    /// (with their labels), ids and the person's name.
    private func description(_ analysis: Analysis, trigger: IntentClassifier.Trigger?) -> String? {
        var removed = [Bool](repeating: false, count: analysis.text.count)
        func remove(_ range: Range<Int>) { for i in range where i < removed.count { removed[i] = true } }
        if let trigger { remove(trigger.start..<trigger.end) }
        let labels = Self.phoneLabels
        for e in analysis.entities where [.phone, .ticketId, .bookingId, .requestId].contains(e.type) {
            remove(e.start..<e.end)
            var start = e.start
            while start > 0, [":", " ", "是", "："].contains(analysis.text[start - 1]) { start -= 1 }
            for label in labels where start >= label.count && Array(analysis.text.scalars[(start - label.count)..<start]) == label {
                remove((start - label.count)..<e.start)
                break
            }
        }
        if let (name, range) = PersonName.findRange(in: analysis.text) { _ = name; remove(range) }
        var out = String.UnicodeScalarView()
        var outWithoutPlace = String.UnicodeScalarView()
        let placeRange = analysis.place.map { $0.start..<$0.end } ?? 0..<0
        for (i, s) in analysis.text.scalars.enumerated() where !removed[i] {
            out.append(s)
            if !placeRange.contains(i) { outWithoutPlace.append(s) }
        }
        let separators = Self.separators
        // A place alone ("香榭郦景3栋") is not a description of a problem.
        let rest = String(outWithoutPlace).unicodeScalars.filter { !separators.contains($0) && $0 != "的" && $0 != "在" }
        if rest.count < 2 { return nil }
        let result = String(out).trimmingCharacters(in: separators)
            .replacingOccurrences(of: "  ", with: " ")
        return result.unicodeScalars.filter { !separators.contains($0) }.isEmpty ? nil : result
    }
}

import Foundation

/// The activity words an operator may say: catalogue names (书法培训班), kinds
/// (培训), and short forms (书法, 瑜伽) — longest first.
enum ActivityVocabulary {
    static let suffixes = ["培训班", "友谊赛", "课堂", "传唱", "班", "课", "赛"]

    static func terms(from names: [String]) -> [String] {
        var terms = Set<String>()
        for name in names where !name.isEmpty {
            terms.insert(name)
            for part in name.split(separator: "·") { terms.insert(String(part)) }
            for suffix in suffixes where name.hasSuffix(suffix) && name.count > suffix.count + 1 {
                terms.insert(String(name.dropLast(suffix.count)))
            }
            if name.hasPrefix("轻松") { terms.insert(String(name.dropFirst(2))) }
            if name.hasPrefix("智能") { terms.insert(String(name.dropFirst(2))) }
            if name.hasPrefix("健康") { terms.insert(String(name.dropFirst(2))) }
        }
        return terms.filter { $0.count >= 2 }.sorted { ($0.count, $0) > ($1.count, $1) }
    }
}
