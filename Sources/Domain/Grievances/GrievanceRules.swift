import Foundation

/// The data-driven grading table (`grievance_categories.csv`,
/// `grievance_grades.csv`): which words put a grievance in which category,
/// which grade (A–D) that category gets, whether it is an emergency, and each
/// grade's handling level and deadline.
public struct GrievanceRules: Sendable {
    public struct Category: Sendable, Equatable {
        public var name: String
        public var keywords: [String]
        public var grade: String
        public var urgent: Bool
        /// What the operator should also do (call 119 …), for emergencies.
        public var advice: String
    }

    public struct Grade: Sendable, Equatable {
        public var grade: String
        /// `block` `community` `subdistrict` `district`.
        public var level: String
        public var handler: String
        public var deadlineHours: Int
        public var urgentDeadlineHours: Int
        public var description: String
    }

    public var categories: [Category]
    public var grades: [String: Grade]

    public init(categories: [Category], grades: [Grade]) {
        self.categories = categories
        self.grades = Dictionary(grades.map { ($0.grade, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public static func load(from directory: URL) throws -> GrievanceRules {
        let categoryTable = try CSVTable.load(directory.appendingPathComponent("grievance_categories.csv"))
        try categoryTable.require(["category", "keywords", "grade", "urgent", "advice"])
        let gradeTable = try CSVTable.load(directory.appendingPathComponent("grievance_grades.csv"))
        try gradeTable.require(["grade", "level", "handler", "deadline_hours", "urgent_deadline_hours", "description"])
        let grades = try gradeTable.rows.map { row -> Grade in
            let v = RowValidator(table: gradeTable, row: row)
            let level = try v.text("level")
            guard ["block", "community", "subdistrict", "district"].contains(level) else {
                throw v.error("level", "处理层级应为 block/community/subdistrict/district：\(level)")
            }
            return Grade(grade: try v.text("grade"), level: level, handler: try v.text("handler"),
                         deadlineHours: try v.int("deadline_hours", in: 1...10_000),
                         urgentDeadlineHours: try v.int("urgent_deadline_hours", in: 1...10_000),
                         description: row["description"])
        }
        let known = Set(grades.map(\.grade))
        let categories = try categoryTable.rows.map { row -> Category in
            let v = RowValidator(table: categoryTable, row: row)
            let grade = try v.text("grade")
            guard known.contains(grade) else { throw v.error("grade", "未定义的等级：\(grade)") }
            return Category(name: try v.text("category"),
                            keywords: row["keywords"].split(separator: "|").map(String.init),
                            grade: grade, urgent: row["urgent"] == "1", advice: row["advice"])
        }
        guard categories.contains(where: { $0.keywords.isEmpty }) else {
            throw ImportError(file: categoryTable.file, line: 1, column: "keywords", message: "需要一行没有关键词的兜底分类（如“其他”）")
        }
        return GrievanceRules(categories: categories, grades: grades)
    }

    /// The category of a description: the row with the longest keyword found
    /// (电梯困人 beats 电梯), ties to the earlier row; the fallback row otherwise.
    public func classify(_ description: String) -> Category {
        // Compared as UTF-8 bytes (a scalar-exact substring match): `String.contains`
        // went through Foundation's locale-aware search and was a hot spot.
        let text = Array(description.utf8)
        var best: (category: Category, length: Int)? = nil
        for category in categories {
            for keyword in category.keywords where Self.bytes(text, contain: keyword) {
                if keyword.count > (best?.length ?? 0) { best = (category, keyword.count) }
            }
        }
        return best?.category ?? categories.first { $0.keywords.isEmpty }!
    }

    public func grade(_ letter: String) -> Grade? { grades[letter] }

    private static func bytes(_ text: [UInt8], contain keyword: String) -> Bool {
        let needle = Array(keyword.utf8)
        guard let first = needle.first, needle.count <= text.count else { return needle.isEmpty }
        var start = 0
        let last = text.count - needle.count
        while start <= last {
            if text[start] == first && text[start..<start + needle.count].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
