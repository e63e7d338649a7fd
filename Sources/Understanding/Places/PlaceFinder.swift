/// Finds places in normalised text against the gazetteer: a grid code, a
/// community (full or short name), an estate (exactly, or with one wrong
/// character, at lower confidence) and the building after it.
///
/// An estate in two communities with no community named comes back with
/// `community` unset and `candidates` listing both: the caller must ask.
public struct PlaceFinder: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    public struct Place: Sendable, Equatable {
        public var community: String?
        public var estate: String?
        public var building: String?
        public var gridCode: String?
        /// Communities the estate could be in, when more than one.
        public var candidates: [String] = []
        public var start: Int
        public var end: Int
        public var confidence: Double = 1
    }

    public func find(in text: ScalarText) -> Place? {
        var place: Place? = nil
        func widen(_ start: Int, _ end: Int) {
            if place == nil { place = Place(start: start, end: end) }
            place!.start = min(place!.start, start)
            place!.end = max(place!.end, end)
        }
        var communityRange: Range<Int>? = nil
        if let (community, range) = findCommunity(in: text) {
            widen(range.lowerBound, range.upperBound)
            place!.community = community
            communityRange = range
        }
        if let (estate, range, confidence) = findEstate(in: text, excluding: communityRange) {
            widen(range.lowerBound, range.upperBound)
            place!.estate = estate
            place!.confidence = confidence
            let communities = gazetteer.estateCommunities[estate] ?? []
            if let c = place!.community, !communities.contains(c) {
                // The community named does not have this estate: keep both and let the caller say so.
                place!.candidates = communities
            } else if place!.community == nil {
                if communities.count == 1 { place!.community = communities[0] } else { place!.candidates = communities }
            }
            var after = range.upperBound
            if after < text.count, text[after] == "的" { after += 1 }
            if let (number, length) = BuildingLabel.read(text, at: after) {
                let labels = gazetteer.buildingLabels(estate: estate, community: place!.community)
                place!.building = BuildingLabel.canonical(number, among: labels) ?? "\(number)栋"
                widen(after, after + length)
            }
        }
        if let (code, range) = findGridCode(in: text) {
            widen(range.lowerBound, range.upperBound)
            place!.gridCode = code
        }
        return place
    }

    private func findCommunity(in text: ScalarText) -> (String, Range<Int>)? {
        let s = text[0..<text.count]
        for c in gazetteer.communities {
            if let r = s.range(of: c) { return (c, scalarRange(s, r)) }
        }
        for (short, full) in gazetteer.communityShortNames.sorted(by: { $0.key.count > $1.key.count }) {
            guard let r = s.range(of: short) else { continue }
            // 大富 inside an estate name (大富苑) is the estate, not the community.
            let inEstate = gazetteer.estates.contains { $0.contains(short) && s.contains($0) }
            if !inEstate { return (full, scalarRange(s, r)) }
        }
        return nil
    }

    private func findEstate(in text: ScalarText, excluding: Range<Int>?) -> (String, Range<Int>, Double)? {
        let scalars = text.scalars
        for (index, estate) in gazetteer.estatesByLength.enumerated() {
            if let start = firstIndex(of: estate, in: scalars), excluding.map({ !$0.overlaps(start..<(start + estate.count)) }) ?? true {
                return (gazetteer.estateNames[index], start..<(start + estate.count), 1)
            }
        }
        // One substituted character (香榭丽景 for 香榭郦景), estates of 4+ characters only,
        // and only when a single estate fits.
        var fuzzy: [(String, Range<Int>)] = []
        for (index, estate) in gazetteer.estatesByLength.enumerated() where estate.count >= 4 && scalars.count >= estate.count {
            for start in 0...(scalars.count - estate.count) {
                var mismatches = 0
                for k in 0..<estate.count where scalars[start + k] != estate[k] {
                    mismatches += 1
                    if mismatches > 1 { break }
                }
                if mismatches == 1, scalars[start] == estate[0] || scalars[start + estate.count - 1] == estate[estate.count - 1] {
                    fuzzy.append((gazetteer.estateNames[index], start..<(start + estate.count)))
                    break
                }
            }
        }
        if fuzzy.count == 1 { return (fuzzy[0].0, fuzzy[0].1, 0.8) }
        return nil
    }

    private func findGridCode(in text: ScalarText) -> (String, Range<Int>)? {
        let scalars = text.scalars
        var i = 0
        while i < scalars.count {
            guard scalars[i].properties.isASCIIHexDigit || (scalars[i].value >= 0x41 && scalars[i].value <= 0x7A) else { i += 1; continue }
            var j = i
            while j < scalars.count, scalars[j].isASCII, scalars[j] == "-" || scalars[j].properties.isAlphabetic || (0x30...0x39).contains(scalars[j].value) { j += 1 }
            let candidate = text[i..<j].uppercased()
            if candidate.contains("-"), gazetteer.gridCodes.contains(candidate) { return (candidate, i..<j) }
            i = j + 1
        }
        return nil
    }

    private func firstIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar]) -> Int? {
        guard needle.count <= haystack.count, let first = needle.first else { return nil }
        var i = 0
        while i <= haystack.count - needle.count {
            if haystack[i] == first, Array(haystack[i..<(i + needle.count)]) == needle { return i }
            i += 1
        }
        return nil
    }

    private func scalarRange(_ s: String, _ r: Range<String.Index>) -> Range<Int> {
        let start = s.unicodeScalars.distance(from: s.unicodeScalars.startIndex, to: r.lowerBound)
        let length = s.unicodeScalars.distance(from: r.lowerBound, to: r.upperBound)
        return start..<(start + length)
    }
}
