/// Where the classifier's words occur in one line: the table the triggers, cues and
/// fallbacks read, made once per line from the line's hits.
extension IntentClassifier {
    /// Where the classifier's words occur in one line, found in one pass.
    struct Matches {
        /// Every occurrence, by start.
        let hits: ArraySlice<ScalarTrie.Hit>
        /// One table per line, in two parts:
        /// - from 0, `bitWords` words: per word of the catalogue, one bit, set when it occurs at all;
        /// - from `bitWords`, `slotMask + 1` slots of three entries, open-addressed by word: the
        ///   word (-1 in an empty slot), the start of its first occurrence not inside an entity
        ///   (-1 when every occurrence is inside one), and that occurrence's length (a field
        ///   word, `financing` for 融资, is longer than the word it stands for).
        /// A line has a few words of the catalogue's thousands: a table with an entry for every
        /// word of the catalogue was tens of KiB to allocate per line. The slots are at least
        /// twice as many as the line's hits, so a present word is found in a probe or two.
        var table: [Int32]
        let wordCount: Int
        let bitWords: Int
        let slotMask: Int

        static let absent: Int32 = -2

        /// How many bit words `wordCount` words need.
        @inline(__always) static func bitWords(_ wordCount: Int) -> Int { (wordCount + 31) >> 5 }

        /// Whether word `w` occurs at all (a cue or fallback word counts anywhere).
        @inline(__always) func present(_ w: Int) -> Bool { table[w >> 5] & (1 << Int32(w & 31)) != 0 }

        /// The start of word `w`'s first occurrence not inside an entity; -1 when every
        /// occurrence is inside one, `absent` (-2) when it does not occur at all.
        @inline(__always) func firstFree(_ w: Int) -> Int32 { present(w) ? table[entry(w) + 1] : Matches.absent }

        /// The length of the occurrence `firstFree(w)` gives (asked only where that is one).
        @inline(__always) func firstFreeLength(_ w: Int) -> Int32 { table[entry(w) + 2] }

        /// Where present word `w`'s three entries start.
        @inline(__always) private func entry(_ w: Int) -> Int {
            Matches.slot(of: Int32(w), bitWords: bitWords, slotMask: slotMask) { table[$0] }
        }

        /// How many slots a line of `hits` hits gets, less one (a power of two, at least twice the hits).
        static func slotMask(hits: Int) -> Int {
            var slots = 8
            while slots < 2 * hits { slots <<= 1 }
            return slots - 1
        }

        /// Where word `w`'s slot starts: its own, or the empty one it would take (the word -1);
        /// `word(at)` reads the table being read or written.
        @inline(__always) static func slot(of w: Int32, bitWords: Int, slotMask: Int, word: (Int) -> Int32) -> Int {
            var k = Int(truncatingIfNeeded: (UInt32(bitPattern: w) &* 0x9E37_79B1) >> 16) & slotMask
            while true {
                let at = bitWords + 3 * k
                let found = word(at)
                if found == w || found == -1 { return at }
                k = (k + 1) & slotMask
            }
        }

        /// The first occurrence of word `number` at or after `from` not inside an entity.
        func free(_ number: Int32?, from: Int, _ analysis: Analysis) -> Int? {
            guard let number else { return nil }
            if from == 0 {
                let at = firstFree(Int(number))
                return at < 0 ? nil : Int(at)
            }
            for hit in hits where hit.word == number && Int(hit.start) >= from && !Matches.inside(hit, analysis) {
                return Int(hit.start)
            }
            return nil
        }

        func has(_ number: Int32?) -> Bool { number.map { present(Int($0)) } ?? false }

        /// Inside an entity (取消 inside a name does not count; a place does not
        /// hide words; a number or a party size may share characters with a
        /// trigger: 加我一个, 给我报一个).
        static func inside(_ hit: ScalarTrie.Hit, _ analysis: Analysis) -> Bool {
            inside(hit, analysis.entities)
        }

        static func inside(_ hit: ScalarTrie.Hit, _ entities: [Entity]) -> Bool {
            let i = Int(hit.start), end = i + Int(hit.length)
            // By index, reading fields: `contains(where:)` copied each entity (retaining its strings) for the closure.
            for k in entities.indices where entities[k].start < end && i < entities[k].end {
                let type = entities[k].type
                if type != .address && type != .number && type != .partySize { return true }
            }
            return false
        }
    }

    /// The catalogue's words in the line: the hits found with the other lists when the analysis has them.
    func matches(_ analysis: Analysis) -> Matches {
        Self.matches(analysis, words, hits: analysis.words?.classifier ?? words.hits(in: analysis.text.scalars)[...])
    }

    static func matches(_ analysis: Analysis, _ words: ScalarTrie, hits: ArraySlice<ScalarTrie.Hit>) -> Matches {
        let n = words.wordCount, b = Matches.bitWords(n)
        // The entities alone: the closure below copied the whole analysis (retaining each of its fields).
        let entities = analysis.entities
        let mask = Matches.slotMask(hits: hits.count), size = b + 3 * (mask + 1)
        let table = [Int32].written(capacity: size) { buffer in
            buffer[..<b].initialize(repeating: 0)
            buffer[b...].initialize(repeating: -1)
            for hit in hits {
                let w = Int(hit.word)
                buffer[w >> 5] |= Int32(1) << Int32(w & 31)
                let entry = Matches.slot(of: hit.word, bitWords: b, slotMask: mask) { buffer[$0] }
                if buffer[entry] == -1 {
                    buffer[entry] = hit.word
                    buffer[entry + 2] = 0
                }
                if buffer[entry + 1] < 0, !Matches.inside(hit, entities) {
                    buffer[entry + 1] = hit.start
                    buffer[entry + 2] = hit.length
                }
            }
            return size
        }
        return Matches(hits: hits, table: table, wordCount: n, bitWords: b, slotMask: mask)
    }
}
