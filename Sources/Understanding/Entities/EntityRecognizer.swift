/// Runs every extractor over already-normalised text and resolves overlaps.
///
/// Overlap rules, in order: identifiers (ticket, booking, request, activity
/// ids, USCC) beat everything; otherwise the longer span wins; on equal
/// length phone, then money and duration, time, party size beat a plain number. Numbers
/// that lie wholly inside a kept span are dropped. The result is sorted by
/// start.
public struct EntityRecognizer: Sendable {
    public init() {}

    /// Every extractor in turn (identifiers, USCC, phone, money, time,
    /// duration, party size, number), called directly rather than through an
    /// array of existentials; money and numbers share one scan for numerals.
    public func entities(in text: ScalarText, context: ParseContext) -> [Entity] {
        let cues = Cues(text.scalars)
        var all: [Entity] = []
        // The first extractor's finds taken as they are, not copied into a new array
        // (appending to the empty array allocated one per line in a count of allocations).
        // Finds added to others get room for those of the extractors still to run at once: grown by
        // each append, the array was reallocated and copied on most lines with entities of two kinds.
        func add(_ found: [Entity]) {
            if all.isEmpty { all = found } else if !found.isEmpty {
                if all.capacity < all.count + found.count { all.reserveCapacity(all.count + found.count + 6) }
                all.append(contentsOf: found)
            }
        }
        if cues.asciiLetters >= 2 { add(IdentifierExtractor().extract(from: text, context: context)) }
        if cues.asciiLetters + cues.asciiDigits >= 18 { add(USCCExtractor().extract(from: text, context: context)) }
        if cues.asciiDigits > 0 || cues.spokenDigits >= 7 { add(PhoneExtractor().extract(from: text, spokenRuns: cues.spokenDigits >= 7)) }
        let numbers = NumberExtractor.spans(in: text.scalars)
        add(MoneyExtractor().extract(from: text, spans: numbers))
        // Ids (found first, always kept) are no place for a time to start.
        let identifiers = all.isEmpty ? [] : all.compactMap { Self.rank($0.type) == 5 ? $0.range : nil }
        add(TimeExtractor().extract(from: text, context: context, outside: identifiers))
        // A length of time ends in a unit (天, 小时 …): a line with none of their first characters has none.
        if text.present & LineCharacters.durationUnit != 0 { add(DurationExtractor().extract(from: text, context: context)) }
        add(PartySizeExtractor().extract(from: text, context: context))
        add(NumberExtractor.entities(text, spans: numbers))
        return Self.resolve(all)
    }

    /// Convenience: normalise and recognise a raw string.
    public func entities(in string: String, context: ParseContext) -> [Entity] {
        entities(in: ScalarText(Normalizer.normalize(string)), context: context)
    }

    static func rank(_ t: EntityType) -> Int {
        switch t {
        case .ticketId, .bookingId, .requestId, .activityId, .uscc, .meetingId, .taskId, .visitId: return 5
        case .needId, .resourceId, .matchId, .resourceBookingId, .serviceId, .unitId: return 5
        case .phone: return 4
        case .money, .foreignMoney, .duration: return 3 // 五点五分钟 is five and a half minutes, not 5:05
        case .time: return 2
        case .partySize, .address: return 1
        case .number: return 0
        }
    }

    static func resolve(_ all: consuming [Entity]) -> [Entity] {
        // Nothing to resolve (most lines have one entity or none): no arrays sorted or made.
        if all.count <= 1 { return all }
        // Sorted in place: the finds are handed over (`consuming`), and `sorted` made a
        // copy of them (an allocation and a copy of every entity, each a few references).
        var ordered = all
        ordered.sort { a, b in
            let ia = rank(a.type) == 5, ib = rank(b.type) == 5
            if ia != ib { return ia }
            if a.end - a.start != b.end - b.start { return a.end - a.start > b.end - b.start }
            if rank(a.type) != rank(b.type) { return rank(a.type) > rank(b.type) }
            return a.start < b.start
        }
        // Made at its largest size at once and sorted in place: grown and then
        // copied sorted, it cost three or four allocations a line.
        var kept: [Entity] = []
        kept.reserveCapacity(ordered.count)
        for e in ordered where !kept.contains(where: { $0.start < e.end && e.start < $0.end }) {
            kept.append(e)
        }
        kept.sort { $0.start < $1.start }
        return kept
    }
}

/// What a line has that some extractors cannot do without, counted in one
/// pass, so that an extractor runs only on lines that have its cue: an id
/// needs two ASCII letters (its prefix), a credit code 18 letters and digits,
/// a phone number an ASCII digit or seven spoken digits (一三九…). Each of
/// them walked every line on its own, a few per cent of a parse in all.
struct Cues {
    var asciiLetters = 0
    var asciiDigits = 0
    /// Characters `PhoneExtractor.spokenDigit` reads as a digit.
    var spokenDigits = 0

    init(_ scalars: [Unicode.Scalar]) {
        // Read once: a static's accessor (`swift_once`) per character of every line showed in a profile.
        let digits = ChineseNumber.digitTable
        for s in scalars {
            let v = s.value
            if v < 0x80 {
                if v >= 0x30 && v <= 0x39 { asciiDigits += 1 }
                else if (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) { asciiLetters += 1 }
            } else if digits[s] >= 0 || s == "洞" || s == "拐" || s == "勾" { // PhoneExtractor.spokenDigit(s) != nil
                spokenDigits += 1
            }
        }
    }
}
