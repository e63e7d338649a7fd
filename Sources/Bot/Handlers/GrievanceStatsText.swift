import Domain
import Foundation

/// The grievance part of 统计: text tables with terminal bar charts.
enum GrievanceStatsText {
    static func lines(_ f: GrievanceFigures) -> [String] {
        var out: [String] = []
        out += table("按社区", f.byCommunity)
        out += table("按分类", f.byCategory)
        let onTime = f.resolved == 0 ? "—" : String(format: "%.1f%%", Double(f.resolvedOnTime) * 100 / Double(f.resolved))
        let hours = { (h: Double?) in h.map { String(format: "%.1f 小时", $0) } ?? "—" }
        out.append("按时化解率：\(onTime)（\(f.resolvedOnTime)/\(f.resolved)）；平均受理用时 \(hours(f.averageHoursToAccept))，平均化解用时 \(hours(f.averageHoursToResolve))")
        let rated = f.ratings.values.reduce(0, +)
        let satisfaction = TicketRating.allCases.map { "\($0.chinese) \(f.ratings[$0.rawValue] ?? 0)" }.joined(separator: "，")
        out.append("回访评价：\(rated == 0 ? "—" : satisfaction)")
        return out
    }

    static func table(_ title: String, _ rows: [(String, Int)]) -> [String] {
        guard let top = rows.map(\.1).max(), top > 0 else { return [] }
        return ["\(title)："] + rows.map { name, n in
            "  \(name)\(String(repeating: "　", count: max(0, 6 - name.count))) \(String(repeating: "█", count: max(1, n * 20 / top))) \(n)"
        }
    }
}
