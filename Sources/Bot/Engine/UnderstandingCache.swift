import Domain
import Foundation
import Understanding

/// A bounded memo of `Understander.understand`, which is a pure function of the
/// text, the parse context (clock and zone) and the catalogue the engine was
/// built with. Each engine has its own, so a SIGHUP reload (a new engine)
/// starts empty.
///
/// What may be served again, and when:
/// - a result with a time entity (明天, 三点) was resolved against the clock:
///   served only for the same instant (`ParseContext.now` equal to the bit, as
///   with a frozen `--now`);
/// - any other result is served only on the same local day: only the time
///   extractor reads the clock, and a day bound keeps even a date that exists
///   in one year and not another (2月29日) from being served stale.
///
/// Eviction: a clock hand per shard (second chance), so a hit only sets a flag.
/// Shards, each behind its own lock, keyed by the text's hash: threads on
/// different texts rarely meet on one lock (no global lock on the hot path).
///
/// `@unchecked Sendable`: each shard's storage is touched only under its own lock.
public final class UnderstandingCache: @unchecked Sendable {
    /// Enough for the commands a hotline repeats all day; a few MiB at most.
    public static let defaultCapacity = 1024

    /// Entries in all shards together.
    public let capacity: Int
    private let shards: [Shard]

    /// - Parameter capacity: the most results kept (rounded up to a multiple of the shard count); 0 keeps none.
    public init(capacity: Int = defaultCapacity, shardCount: Int = 16) {
        let count = max(1, shardCount)
        let perShard = capacity <= 0 ? 0 : (capacity + count - 1) / count
        self.capacity = perShard * count
        self.shards = (0..<count).map { _ in Shard(capacity: perShard) }
    }

    /// The cached result for `text` under `context`, or `compute()`'s (kept when the cache has room).
    public func understanding(of text: String, context: ParseContext, compute: () -> Understanding) -> Understanding {
        understandingAndReply(of: text, context: context, compute: compute).understanding
    }

    /// `understanding(of:context:compute:)` with the reply kept beside it (`keep`), if any:
    /// the engine answers a lookup it has answered before without routing it again.
    func understandingAndReply(of text: String, context: ParseContext,
                               compute: () -> Understanding) -> (understanding: Understanding, reply: Reply?) {
        guard capacity > 0 else { return (compute(), nil) }
        let day = Self.localDay(context)
        let key = TextKey(text)
        let shard = shard(for: key)
        if let hit = shard.lookupWithReply(key, day: day, now: context.now) { return hit }
        let fresh = compute()
        let instant = fresh.entities.contains { $0.type == .time } ? context.now : nil
        shard.store(key, Entry(understanding: fresh, day: day, instant: instant))
        return (fresh, nil)
    }

    /// Keeps `reply` beside the understanding of `text` while that entry serves (the same
    /// local day, or instant for a result that read the clock): the engine keeps only a reply
    /// that is a function of the understanding alone (a building's 查询网格, `Engine.prepare`).
    /// Evicted or refreshed with its understanding; a new engine (SIGHUP) starts empty.
    func keep(_ reply: Reply, for text: String, context: ParseContext) {
        guard capacity > 0 else { return }
        let key = TextKey(text)
        shard(for: key).keep(reply, for: key, day: Self.localDay(context), now: context.now)
    }

    /// The reply kept for `text` now, if any (tests).
    func keptReply(for text: String, context: ParseContext) -> Reply? {
        guard capacity > 0 else { return nil }
        let key = TextKey(text)
        return shard(for: key).keptReply(key, day: Self.localDay(context), now: context.now)
    }

    /// Results held now (for tests and the benchmark's notes).
    public var count: Int { shards.reduce(0) { $0 + $1.count } }

    private func shard(for key: TextKey) -> Shard {
        shards[Int(UInt(bitPattern: key.hashValue) % UInt(shards.count))]
    }

    /// Days since 1970 in the context's zone.
    static func localDay(_ context: ParseContext) -> Int {
        let seconds = context.now.timeIntervalSince1970 + Double(context.timeZone.secondsFromGMT(for: context.now))
        return Int((seconds / 86_400).rounded(.down))
    }

    struct Entry {
        var understanding: Understanding
        var day: Int
        /// The instant a clock-dependent result was resolved at; nil when it read no clock.
        var instant: Date?
        /// The engine's reply to the text, when it depends on the understanding alone (`keep`).
        var reply: Reply? = nil

        func serves(day: Int, now: Date) -> Bool {
            guard self.day == day else { return false }
            if let instant { return instant == now }
            return true
        }
    }

    /// One lock's worth of entries: a ring of slots swept by a clock hand, and an
    /// index from text to slot.
    final class Shard: @unchecked Sendable {
        private let lock = NSLock()
        private let capacity: Int
        private var slots: [(text: TextKey, entry: Entry, referenced: Bool)] = []
        private var index: [TextKey: Int] = [:]
        private var hand = 0

        init(capacity: Int) {
            self.capacity = capacity
            slots.reserveCapacity(capacity)
            index.reserveCapacity(capacity)
        }

        var count: Int { lock.withLock { slots.count } }

        func lookupWithReply(_ text: TextKey, day: Int, now: Date) -> (understanding: Understanding, reply: Reply?)? {
            lock.withLock {
                guard let i = index[text], slots[i].entry.serves(day: day, now: now) else { return nil }
                slots[i].referenced = true
                return (slots[i].entry.understanding, slots[i].entry.reply)
            }
        }

        /// `lookupWithReply`'s reply alone (no copy of the understanding: the socket's quick lane asks per request).
        func keptReply(_ text: TextKey, day: Int, now: Date) -> Reply? {
            lock.withLock {
                guard let i = index[text], slots[i].entry.serves(day: day, now: now), let reply = slots[i].entry.reply else { return nil }
                slots[i].referenced = true
                return reply
            }
        }

        func keep(_ reply: Reply, for text: TextKey, day: Int, now: Date) {
            lock.withLock {
                guard let i = index[text], slots[i].entry.serves(day: day, now: now) else { return }
                slots[i].entry.reply = reply
            }
        }

        func store(_ text: TextKey, _ entry: Entry) {
            lock.withLock {
                if let i = index[text] {
                    // A stale entry (another day or instant) is refreshed in place.
                    slots[i].entry = entry
                    slots[i].referenced = true
                    return
                }
                if slots.count < capacity {
                    index[text] = slots.count
                    slots.append((text, entry, false))
                    return
                }
                // Second chance: skip (and clear) entries used since the hand last passed.
                while slots[hand].referenced {
                    slots[hand].referenced = false
                    hand = (hand + 1) % capacity
                }
                index[slots[hand].text] = nil
                index[text] = hand
                slots[hand] = (text, entry, false)
                hand = (hand + 1) % capacity
            }
        }
    }
}
