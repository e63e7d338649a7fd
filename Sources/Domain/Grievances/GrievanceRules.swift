import Foundation

/// The data-driven grading table (`grievance_categories.csv`,
/// `grievance_grades.csv`): which words put a grievance in which category,
/// which grade (A–D) that category gets, whether it is an emergency, and each
/// grade's handling level and deadline in working days; the holiday calendar
/// (`holidays.csv`) and the settings (`grievance_settings.csv`).
public struct GrievanceRules: Sendable {
    public struct Category: Sendable, Equatable {
        public var name: String
        public var keywords: [String]
        public var grade: String
        public var urgent: Bool
        /// What the operator should also do (call 119 …), for emergencies.
        public var advice: String
        /// 人民调解 / 行政调解 / 司法调解 for disputes, empty otherwise.
        public var mediation: String = ""
    }

    public struct Grade: Sendable, Equatable {
        public var grade: String
        /// `block` `community` `subdistrict` `district`.
        public var level: String
        public var handler: String
        public var deadlineWorkingDays: Int
        /// Emergencies: calendar hours, not working days.
        public var urgentDeadlineHours: Int
        public var description: String
    }

    public var categories: [Category] {
        didSet { matcher = Self.matcher(categories) }
    }
    /// `categories`' keywords, indexed for `classify`.
    private var matcher: KeywordMatcher
    public var grades: [String: Grade]
    public var calendar: WorkingCalendar
    /// `grievance_settings.csv`: key → value.
    public var settings: [String: String]

    public init(categories: [Category], grades: [Grade], calendar: WorkingCalendar = WorkingCalendar(), settings: [String: String] = [:]) {
        self.categories = categories
        self.matcher = Self.matcher(categories)
        self.grades = Dictionary(grades.map { ($0.grade, $0) }, uniquingKeysWith: { a, _ in a })
        self.calendar = calendar
        self.settings = settings
    }

    public func setting(_ key: String, default value: String) -> String { settings[key] ?? value }

    /// Open tickets at the same place in the same category this recent are shown as possible duplicates.
    public var duplicateWindowHours: Int { Int(setting("duplicate_window_hours", default: "72")) ?? 72 }

    /// The grade row whose handling level is `level` (for deadlines after escalation).
    public func grade(forLevel level: String) -> Grade? { grades.values.sorted { $0.grade < $1.grade }.first { $0.level == level } }

    /// The deadline for `grade` counted from `start`: hours for emergencies, working days otherwise.
    public func deadline(grade: Grade, urgent: Bool, from start: Date, calendar zone: Calendar) -> Date {
        urgent ? start.addingTimeInterval(TimeInterval(grade.urgentDeadlineHours * 3600))
            : calendar.deadline(workingDays: grade.deadlineWorkingDays, from: start, calendar: zone)
    }

    public static func load(from directory: URL) throws -> GrievanceRules {
        let categoryTable = try CSVTable.load(directory.appendingPathComponent("grievance_categories.csv"))
        try categoryTable.require(["category", "keywords", "grade", "urgent", "advice", "mediation"])
        let gradeTable = try CSVTable.load(directory.appendingPathComponent("grievance_grades.csv"))
        try gradeTable.require(["grade", "level", "handler", "deadline_working_days", "urgent_deadline_hours", "description"])
        let grades = try gradeTable.rows.map { row -> Grade in
            let v = RowValidator(table: gradeTable, row: row)
            let level = try v.text("level")
            guard ["block", "community", "subdistrict", "district"].contains(level) else {
                throw v.error("level", "处理层级应为 block/community/subdistrict/district：\(level)")
            }
            return Grade(grade: try v.text("grade"), level: level, handler: try v.text("handler"),
                         deadlineWorkingDays: try v.int("deadline_working_days", in: 1...250),
                         urgentDeadlineHours: try v.int("urgent_deadline_hours", in: 1...10_000),
                         description: row["description"])
        }
        let known = Set(grades.map(\.grade))
        let categories = try categoryTable.rows.map { row -> Category in
            let v = RowValidator(table: categoryTable, row: row)
            let grade = try v.text("grade")
            guard known.contains(grade) else { throw v.error("grade", "未定义的等级：\(grade)") }
            let mediation = row["mediation"]
            guard ["", "人民调解", "行政调解", "司法调解"].contains(mediation) else {
                throw v.error("mediation", "调解渠道应为 人民调解/行政调解/司法调解 或留空：\(mediation)")
            }
            return Category(name: try v.text("category"),
                            keywords: row["keywords"].split(separator: "|").map(String.init),
                            grade: grade, urgent: row["urgent"] == "1", advice: row["advice"], mediation: mediation)
        }
        guard categories.contains(where: { $0.keywords.isEmpty }) else {
            throw ImportError(file: categoryTable.file, line: 1, column: "keywords", message: "需要一行没有关键词的兜底分类（如“其他”）")
        }
        let settingsTable = try CSVTable.load(directory.appendingPathComponent("grievance_settings.csv"))
        try settingsTable.require(["key", "value"])
        let settings = Dictionary(settingsTable.rows.map { ($0["key"], $0["value"]) }, uniquingKeysWith: { a, _ in a })
        let closing = Int(settings["closing_hour"] ?? "18") ?? 18
        let calendar = try WorkingCalendar.load(from: directory.appendingPathComponent("holidays.csv"), closingHour: closing)
        return GrievanceRules(categories: categories, grades: grades, calendar: calendar, settings: settings)
    }

    /// The category of a description: an emergency's row when one of its
    /// keywords is found (冒烟 beside 楼道充电: a fire is a fire), otherwise the
    /// row with the longest keyword found (电梯困人 beats 电梯), ties to the
    /// earlier row; the fallback row when none is. A keyword right after a
    /// negation or a fear (没有着火, 怕着火) is not what happened and does not count.
    public func classify(_ description: String) -> Category {
        // One pass over the text (`KeywordMatcher`): a search per keyword was a hot spot
        // of filing (before that, Foundation's locale-aware `contains` was).
        if let row = matcher.bestRow(in: description) { return categories[row] }
        return categories.first { $0.keywords.isEmpty }!
    }

    private static func matcher(_ categories: [Category]) -> KeywordMatcher {
        KeywordMatcher(rows: categories.map { ($0.keywords, $0.urgent) }, notHappened: notHappened)
    }

    /// Words before a keyword that say it did not happen: negations and fears.
    /// The same list as understanding's keyword slots (`SlotFiller.negations`),
    /// so that what `parse` says is the category the ticket gets.
    static let notHappened = ["不太", "不是很", "没有", "不", "没", "未", "别", "怕", "担心", "万一", "以防", "防止", "容易", "无人员", "无人"].map { Array($0.utf8) }

    public func grade(_ letter: String) -> Grade? { grades[letter] }
}
