/// Estates said with typos or sound-alikes: votes of the characters that agree
/// with an estate's name, then `FuzzyName` on the few stretches with enough.
extension PlaceFinder {
    /// An estate that has a character, where, and the votes its name needs: 32-bit
    /// fields read together (the vote loop looked each estate's length up per entry).
    struct FuzzyEntry: Sendable {
        var estate: Int32
        var position: Int32
        var needed: Int32
    }

    /// Typos and sound-alikes (香榭丽景, 香谢郦景, 香榭景 for 香榭郦景): the
    /// estates that share enough (sound-alike) characters with a stretch of the
    /// text are scored with `FuzzyName`; the cheapest wins when it is alone.
    /// Three-character names allow one sound-alike only. Confidence = 1 - cost.
    func fuzzyEstate(in scalars: [Unicode.Scalar], free: (Range<Int>) -> Bool) -> (String, Range<Int>, Double)? {
        let limit = min(scalars.count, 4096) // bounded work on pasted junk
        // Votes: estate index << 16 | (anchor + 8), one per character agreeing;
        // sorted and counted rather than hashed (a dictionary's hashing and
        // growth showed in a profile, and its order changed from run to run).
        // Votes per estate first: a vote passes only with as many agreeing as its
        // name needs (below), all of them the estate's, so an estate with fewer
        // votes in all cannot pass and its keys are neither made nor sorted
        // (on most lines none is: the sort was a few per cent of a parse).
        // `total`: the votes of the estates that pass, counted as they come (a
        // second pass over every estate was most of this function's own time).
        // The per-estate counts live on the stack: an array per line cost an
        // allocation, a zero fill and a generic-metadata lookup.
        var keys: [Int] = withUnsafeTemporaryAllocation(of: Int32.self, capacity: estateLengths.count) { perEstate in
            perEstate.initialize(repeating: 0)
            var total = 0
            for i in 0..<limit {
                fuzzyTable.forEach(scalars[i]) { hit in
                    guard i - Int(hit.position) > -8 else { return }
                    let e = Int(hit.estate)
                    perEstate[e] += 1
                    let n = perEstate[e]
                    if n == hit.needed { total += Int(n) } else if n > hit.needed { total += 1 }
                }
            }
            guard total > 0 else { return [] }
            var keys: [Int] = []
            keys.reserveCapacity(total)
            for i in 0..<limit {
                fuzzyTable.forEach(scalars[i]) { hit in
                    if i - Int(hit.position) > -8, perEstate[Int(hit.estate)] >= hit.needed {
                        keys.append(Int(hit.estate) << 16 | (i - Int(hit.position) + 8))
                    }
                }
            }
            return keys
        }
        // No estate has the votes its name needs (`total` was 0): there are no keys.
        guard !keys.isEmpty else { return nil }
        // The line's sound-alike keys, for `FuzzyName.mayMatch` before each try (the group table read once).
        let groups = Confusables.groupTable
        let lineKeys = scalars.map { s in
            let g = groups[s]
            return g < 0 ? s.value : 0x8000_0000 | UInt32(g)
        }
        keys.sort()
        var votes: [(key: Int, count: Int)] = []
        votes.reserveCapacity(keys.count)
        for key in keys {
            if let last = votes.last, last.key == key { votes[votes.count - 1].count += 1 } else { votes.append((key, 1)) }
        }
        var best: [(estate: Int, range: Range<Int>, cost: Double)] = []
        // The starts tried, per estate: an estate's votes come together and by anchor, and each
        // vote tries the starts anchor-1…anchor+1, so a start not above the last one tried for
        // the estate has been tried (a set of tried starts cost a hash per try).
        var triedEstate = -1, lastTried = Int.min
        for (v, (key, count)) in votes.enumerated() {
            let estate = key >> 16, anchor = (key & 0xFFFF) - 8
            let nameLength = estateLengths[estate]
            let agreeing = (v > 0 && votes[v - 1].key == key - 1 ? votes[v - 1].count : 0) + count
                + (v + 1 < votes.count && votes[v + 1].key == key + 1 ? votes[v + 1].count : 0)
            guard agreeing >= Self.votesNeeded(nameLength) else { continue }
            // The name itself only for the few votes that pass (a retain per vote showed in a profile).
            let name = gazetteer.estatesByLength[estate]
            let maxCost = nameLength >= 4 ? 0.3 : FuzzyName.soundAlikeCost
            if estate != triedEstate { triedEstate = estate; lastTried = Int.min }
            let first = max(0, anchor - 1, lastTried + 1)
            guard first <= anchor + 1 else { continue }
            for start in first...(anchor + 1) {
                lastTried = start
                guard start < scalars.count,
                      FuzzyName.mayMatch(estateKeys[Int(estateStarts[estate])..<Int(estateStarts[estate + 1])],
                                         lineKeys[start..<min(scalars.count, start + nameLength + 1)], limit: maxCost),
                      let (cost, length) = FuzzyName.match(name, in: scalars, at: start, limit: maxCost),
                      free(start..<(start + length)),
                      cost <= FuzzyName.soundAlikeCost + 1e-9 || Self.keepsItsOwnPart(name, scalars[start..<(start + length)]) else { continue }
                if best.isEmpty || cost < best[0].cost - 1e-9 { best = [(estate, start..<(start + length), cost)] }
                else if abs(cost - best[0].cost) < 1e-9, !best.contains(where: { $0.estate == estate }) {
                    best.append((estate, start..<(start + length), cost))
                }
            }
        }
        // Two estates equally close: do not guess.
        guard best.count == 1 else { return nil }
        return (gazetteer.estateNames[best[0].estate], best[0].range, (1 - best[0].cost * 1.0))
    }

    /// Whether a window read as `name` with a character wrong or missing still has every
    /// character of the name's own part (the name without a common ending such as 小区 or
    /// 花园, `EstateShortForms.suffixes`), when that part is two characters: with one of
    /// them wrong the window is another estate, one the gazetteer does not know (幸福里小区
    /// is not 福安小区, 碧水湾小区 not 澜湾小区; rounds 251 and 253). Longer own parts
    /// (香榭郦景) keep the usual one mistake.
    static func keepsItsOwnPart(_ name: [Unicode.Scalar], _ window: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let ending = EstateShortForms.suffixScalars.first(where: { name.count - $0.count == 2 && name.suffix($0.count).elementsEqual($0) })
        else { return true }
        let said = window.suffix(ending.count).elementsEqual(ending) ? window.dropLast(ending.count) : window
        return name.prefix(2).allSatisfy { c in said.contains { Confusables.soundAlike($0, c) } }
    }

    /// How many characters of a sound-alike reading must agree with an estate's name of `length`.
    @inline(__always)
    static func votesNeeded(_ length: Int) -> Int { length >= 4 ? length - 1 : length }
}
