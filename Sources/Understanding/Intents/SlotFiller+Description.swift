/// The `description` slot: the problem as told, without the command word,
/// phone numbers with their labels, ids and the caller's name.
extension SlotFiller {
    /// Entities that are not part of a problem as told: phones and record ids.
    /// A switch, not a `Set`: the set hashed each entity's type for every description.
    static func isRemovedFromDescription(_ type: EntityType) -> Bool {
        switch type {
        case .phone, .ticketId, .bookingId, .requestId, .needId, .resourceId, .matchId, .resourceBookingId, .serviceId, .unitId,
             .meetingId, .taskId, .visitId: return true
        case .time, .number, .money, .foreignMoney, .address, .uscc, .activityId, .partySize, .duration: return false
        }
    }

    /// Made once rather than per line. Longest first where one ends another
    /// (我的电话 before 电话): the label and whose number it is leave together.
    static let phoneLabels = ["我的联系电话", "反映人电话", "来电人电话", "我的电话", "我的手机", "我手机号", "我电话", "我手机",
                              "联系电话", "联系方式", "电话号码", "手机号码", "来电号码", "我的号码", "我号码", "手机号", "电话", "手机", "号码", "tel", "TEL"].map { Array($0.unicodeScalars) }

    /// What separates words in a description: trimmed from its ends, and not
    /// counted as telling anything. A switch, not Foundation's CharacterSet
    /// and trimming (a tenth of a parse in a profile).
    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case " ", "/", ",", "，", "。", ".", ";", "；", ":", "：", "、", "|": return true
        default: return false
        }
    }

    /// Whether `range` opens the line (at most two characters before it: 匿名举报) or only separators follow it.
    static func opensOrCloses(_ range: Range<Int>, _ s: [Unicode.Scalar]) -> Bool {
        var before = 0
        for c in s[..<range.lowerBound] where !isSeparator(c) { before += 1 }
        return before <= 2 || s[range.upperBound...].allSatisfy(isSeparator)
    }

    /// The problem as told: the text without the command word, phone numbers
    /// (with their labels), ids and the person's name.
    /// `command`: the intent's command word (报事), dropped where it opens the line even when
    /// another trigger decided the intent (报事 明珠小区5栋老板拖欠工资三个月: 拖欠…工资 weighs more).
    func description(_ analysis: Analysis, trigger: IntentClassifier.Trigger?, name: NameOnce, command: [Unicode.Scalar] = []) -> String? {
        // What is taken out, on the stack: an array per line cost an allocation and a zero fill.
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: analysis.text.count) { removed in
            removed.initialize(repeating: false)
            return told(analysis, trigger: trigger, name: name, command: command, removed: removed)
        }
    }

    /// `description`'s work, with `removed` (one flag per scalar, all false) to mark what leaves it.
    private func told(_ analysis: Analysis, trigger: IntentClassifier.Trigger?, name: NameOnce, command: [Unicode.Scalar],
                      removed: UnsafeMutableBufferPointer<Bool>) -> String? {
        let scalars = analysis.text.scalars
        func remove(_ range: Range<Int>) { for i in range where i < removed.count { removed[i] = true } }
        // The command word goes when it opens or closes the line (报事 …, … 投诉); inside the
        // account it is part of what was said (公司刚成立，营业执照的经营范围想变更).
        // A system's field (type=financing) is never part of an account. A two-part trigger is the
        // account itself, with whatever stands between its parts (老板拖欠工资三个月了 kept only 老板三个月了;
        // 借给朋友五万块…拉黑 lost the whole story): it stays.
        if let trigger, !trigger.isPattern, Self.opensOrCloses(trigger.start..<trigger.end, scalars) || scalars[trigger.start].isASCII {
            remove(trigger.start..<trigger.end)
        }
        var opening = 0
        while opening < scalars.count, Self.isSeparator(scalars[opening]) { opening += 1 }
        if !command.isEmpty, scalars[opening...].starts(with: command) { remove(opening..<(opening + command.count)) }
        let labels = Self.phoneLabels
        for e in analysis.entities where Self.isRemovedFromDescription(e.type) {
            remove(e.start..<e.end)
            var start = e.start
            while start > 0, scalars[start - 1] == ":" || scalars[start - 1] == " " || scalars[start - 1] == "是" || scalars[start - 1] == "：" {
                start -= 1
            }
            for label in labels where start >= label.count && scalars[(start - label.count)..<start].elementsEqual(label) {
                remove((start - label.count)..<e.start)
                break
            }
        }
        if let (_, range) = name.find(in: analysis.text) { remove(range) }
        let placeRange = analysis.place.map { $0.start..<$0.end } ?? 0..<0
        // A place alone ("香榭郦景3栋") is not a description of a problem.
        var told = 0
        for (i, s) in scalars.enumerated() where !removed[i] && !placeRange.contains(i) {
            if !Self.isSeparator(s), s != "的", s != "在" { told += 1 }
        }
        if told < 2 { return nil }
        // What is left, without separators at either end and with each pair of spaces made one.
        var first = 0, last = scalars.count - 1
        while first <= last, removed[first] || Self.isSeparator(scalars[first]) { first += 1 }
        while last >= first, removed[last] || Self.isSeparator(scalars[last]) { last -= 1 }
        guard first <= last else { return nil }
        // Gathered on the stack and encoded once (an array per description was an allocation).
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: last - first + 1) { out in
            var n = 0
            var pendingSpace = false
            for i in first...last where !removed[i] {
                let s = scalars[i]
                if s == " " {
                    if pendingSpace { pendingSpace = false; continue }
                    pendingSpace = true
                } else {
                    pendingSpace = false
                    // A word taken out between two stops leaves one (…还在施工，说了多少次了。我们是… → 施工,我们是).
                    if Self.isSeparator(s), n > 0, out[n - 1] != " ", Self.isSeparator(out[n - 1]) { continue }
                }
                out.initializeElement(at: n, to: s)
                n += 1
            }
            return ScalarString.make(UnsafeBufferPointer(rebasing: out[0..<n]))
        }
    }
}
