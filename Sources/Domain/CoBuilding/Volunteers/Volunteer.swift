import Foundation

/// A volunteer team (我去帮服务队, 楼道红马甲, 亲邻帮帮团) of a community.
public struct VolunteerTeam: Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: String
    public var community: String
    public var leader: String
    public var leaderPhone: String

    init(row: SQLRow) {
        code = row.string("team_code")
        name = row.string("name")
        kind = row.string("kind")
        community = row.string("community")
        leader = row.string("leader")
        leaderPhone = row.string("leader_phone")
    }
}

/// A team member: skills and when they can serve.
public struct Volunteer: Sendable, Equatable {
    public var code: String
    public var name: String
    public var phone: String
    public var teamCode: String
    public var community: String
    public var skills: [String]
    public var availability: String

    init(row: SQLRow) {
        code = row.string("volunteer_code")
        name = row.string("name")
        phone = row.string("phone")
        teamCode = row.string("team_code")
        community = row.string("community")
        skills = row.string("skills").split(separator: "|").map(String.init)
        availability = row.string("availability")
    }

    public func has(skill: String?) -> Bool { skill.map { s in skills.contains { $0.contains(s) || s.contains($0) } } ?? true }
}

/// A task volunteers sign up for: a time window, a place, a skill wanted and a headcount.
public struct VolunteerTask: Sendable, Equatable {
    public var id: String
    public var title: String
    public var community: String
    public var place: String
    public var skill: String?
    public var startsAt: Date
    public var endsAt: Date
    public var headcount: Int
    public var signed: Int

    init(row: SQLRow) {
        id = row.string("id")
        title = row.string("title")
        community = row.string("community")
        place = row.string("place")
        skill = row.optionalString("skill")
        startsAt = Date(timeIntervalSince1970: TimeInterval(row.int("starts_at")))
        endsAt = Date(timeIntervalSince1970: TimeInterval(row.int("ends_at")))
        headcount = row.int("headcount")
        signed = row.int("signed")
    }

    public var hours: Double { endsAt.timeIntervalSince(startsAt) / 3600 }
}

/// A member signed up for a task, and the hours served once recorded.
public struct TaskSignup: Sendable, Equatable {
    public var volunteer: Volunteer
    public var viaTeam: String?
    public var hours: Double?
}

/// Hours served, summed for a volunteer, team or community.
public struct VolunteerHours: Sendable, Equatable {
    public var name: String
    public var tasks: Int
    public var hours: Double
}
