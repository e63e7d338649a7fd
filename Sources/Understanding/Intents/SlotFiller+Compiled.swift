/// The slot filler's slots compiled once per intent: each slot's kind and tables.
extension SlotFiller {
    /// One slot, read once: its kind and, for a keyword slot, its table.
    /// A final class: iterating `SlotSpec` values copied each one (retains of
    /// its strings and dictionaries), and switching on the type string per
    /// slot per line compared strings, both in a profile.
    final class CompiledSlot: Sendable {
        let spec: SlotSpec
        let kind: Kind
        let keywords: KeywordTable?
        /// `keywords` by word, for the words a line has (`KeywordIndex`).
        let keywordIndex: KeywordIndex?
        /// A `marked` slot's words and its intent's markers, as scalars.
        let marked: MarkedText.Words?

        init(_ spec: SlotSpec, keywords: KeywordTable?, wordCount: Int = 0, markers: [String] = []) {
            self.spec = spec
            kind = Kind(spec.type)
            self.keywords = keywords
            keywordIndex = keywords.map { KeywordIndex($0, wordCount: wordCount) }
            marked = spec.type == "marked" ? MarkedText.Words(spec, markers: markers) : nil
        }
    }

    /// An intent's slots compiled, with the marker words of its `marked` slots.
    final class CompiledSlots: Sendable {
        let slots: [CompiledSlot]
        let markers: [String]
        /// The intent's command word (its `label`, 报事), as scalars: the description drops it where it opens the line.
        let command: [Unicode.Scalar]

        init(_ slots: [CompiledSlot], markers: [String], command: String = "") {
            self.slots = slots
            self.markers = markers
            self.command = Array(command.unicodeScalars)
        }
    }

    /// How a slot's value is found, from its type (`SlotSpec.type`).
    enum Kind: Sendable {
        case community, estate, building, grid
        /// The first entity of the type, its value as a string.
        case entity(EntityType)
        /// Every entity of the type, joined by commas.
        case all(EntityType)
        case marked, timeEnd, partySize, money, name, activity, enterprise, keyword, company
        case area, term, headcount, description, window, quantity, plate
        case none

        init(_ type: String) {
            switch type {
            case "community": self = .community
            case "estate": self = .estate
            case "building": self = .building
            case "grid": self = .grid
            case "ticket_ids": self = .all(.ticketId)
            case "need_ids": self = .all(.needId)
            case "marked": self = .marked
            case "time_end": self = .timeEnd
            case "party_size": self = .partySize
            case "money": self = .money
            case "name": self = .name
            case "activity": self = .activity
            case "enterprise": self = .enterprise
            case "keyword": self = .keyword
            case "company": self = .company
            case "area": self = .area
            case "term": self = .term
            case "headcount": self = .headcount
            case "description": self = .description
            case "window": self = .window
            case "quantity": self = .quantity
            case "plate": self = .plate
            // The rest are entity types by their own names (phone, time, uscc, the ids), as for `Analysis.Need`.
            default: self = EntityType(rawValue: type).map { .entity($0) } ?? .none
            }
        }
    }
}
