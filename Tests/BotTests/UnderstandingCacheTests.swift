@testable import Bot
import Domain
import Foundation
import SQLiteStorage
import Testing
import Transcripts
import Understanding

/// The engine's memo of understanding results: the same replies as without it,
/// nothing carried over a reload, nothing stale when the clock moves.
@Suite struct UnderstandingCacheTests {
    /// A clock a test moves by hand.
    final class MovableTime: @unchecked Sendable {
        private let lock = NSLock()
        private var instant: Date
        init(_ iso: String) { instant = Clock.parseISO(iso)! }
        var now: Date { lock.withLock { instant } }
        func set(_ iso: String) { lock.withLock { instant = Clock.parseISO(iso)! } }
    }

    static let zone = TimeZone(secondsFromGMT: 8 * 3600)!

    static func engine(_ time: MovableTime, cacheSize: Int = UnderstandingCache.defaultCapacity) throws -> Engine {
        try BotEnvironment.makeEngine(db: try SQLiteDatabase(path: ":memory:"), root: TranscriptDiscovery.packageRoot()!,
                                      clock: Clock(timeZone: zone) { time.now }, understandingCacheSize: cacheSize)
    }

    static func json(_ reply: Reply) -> String { WireFormat.jsonReply(reply, id: nil) }

    @Test func aCachedUnderstandingGivesTheSameRepliesAsNone() throws {
        let time = MovableTime("2026-11-29T09:00:00+08:00")
        let cached = try Self.engine(time), uncached = try Self.engine(time, cacheSize: 0)
        let texts = ["查询网格 香榭郦景3栋", "帮助", "报事 香榭郦景3栋电梯坏了 电话13800138000", "三点 报事 电梯坏了 电话13800138000",
                     "工单列表", "查询网格 翠湖花园", "随便说点什么"]
        for round in 1...2 {
            for text in texts {
                let a = cached.handle(text, session: Session(id: "a")), b = uncached.handle(text, session: Session(id: "b"))
                #expect(Self.json(a) == Self.json(b), "round \(round): \(text)")
            }
        }
        #expect(cached.understandingCache.count == texts.count)
        #expect(uncached.understandingCache.count == 0)
    }

    @Test func aReloadedEngineStartsEmpty() throws {
        let time = MovableTime("2026-11-29T09:00:00+08:00")
        let before = try Self.engine(time)
        _ = before.handle("查询网格 香榭郦景3栋", session: Session(id: "a"))
        #expect(before.understandingCache.count == 1)
        // SIGHUP builds a new engine from the files (Serve.reloadOnHangup): it keeps nothing of the old one's.
        let after = try Self.engine(time)
        #expect(after.understandingCache.count == 0)
    }

    /// 三点 to book is today's 15:00 at nine in the morning and tomorrow's at four in the afternoon.
    /// (A report's 三点 looks back since rounds 202–205: today's either way.)
    @Test func aTimeIsResolvedAgainWhenTheClockMoves() throws {
        let time = MovableTime("2026-11-29T09:00:00+08:00")
        let engine = try Self.engine(time)
        let text = "预约 三点 书法 2人"
        func cached() -> Understanding {
            let context = engine.context
            return engine.understandingCache.understanding(of: text, context: context) {
                engine.understander.understand(text, context: context)
            }
        }
        let morning = cached()
        #expect(morning.slots["time"]?.string == "2026-11-29T15:00:00+08:00")
        time.set("2026-11-29T16:00:00+08:00")
        let afternoon = cached()
        #expect(afternoon.slots["time"]?.string == "2026-11-30T15:00:00+08:00")
        #expect(afternoon.entities == engine.understander.understand(text, context: engine.context).entities)
    }

    @Test func aClockFreeResultServesItsDayOnly() throws {
        let understander = try Self.engine(MovableTime("2026-11-29T09:00:00+08:00")).understander
        let cache = UnderstandingCache(capacity: 8)
        var computed = 0
        func ask(_ iso: String) {
            let context = ParseContext(now: Clock.parseISO(iso)!, timeZone: Self.zone)
            _ = cache.understanding(of: "查询网格 香榭郦景3栋", context: context) {
                computed += 1
                return understander.understand("查询网格 香榭郦景3栋", context: context)
            }
        }
        ask("2026-11-29T09:00:00+08:00")
        ask("2026-11-29T23:59:00+08:00")
        #expect(computed == 1)
        ask("2026-11-30T00:01:00+08:00")   // local midnight passed (16:01 UTC, same UTC day)
        #expect(computed == 2)
    }

    @Test func theCacheStaysWithinItsCapacity() throws {
        let understander = try Self.engine(MovableTime("2026-11-29T09:00:00+08:00")).understander
        let cache = UnderstandingCache(capacity: 32, shardCount: 4)
        let context = ParseContext(now: Clock.parseISO("2026-11-29T09:00:00+08:00")!, timeZone: Self.zone)
        for i in 0..<200 {
            let text = "查询网格 \(i)"
            _ = cache.understanding(of: text, context: context) { understander.understand(text, context: context) }
        }
        #expect(cache.count == cache.capacity)
        #expect(cache.capacity == 32)
        #expect(UnderstandingCache(capacity: 0).capacity == 0)
    }
}
