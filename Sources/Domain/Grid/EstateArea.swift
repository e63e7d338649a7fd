/// The part of the grid an estate lies in, for a report that names the estate
/// but not the building. An emergency (a fight, a fire, someone collapsed) is
/// filed at once and routed here rather than waiting for the building.
public struct EstateArea: Sendable, Equatable {
    public var community: String
    public var estate: String
    /// Set when every building of the estate lies in that one block or grid.
    public var blockCode: String?
    public var gridCode: String?
    /// Who answers for the narrowest unit holding every building of the estate:
    /// its grid worker, else its block leader (小事不出街区), else the community secretary.
    public var lead: GridPlacement.Person
    /// 网格员, 街区长 or 社区书记.
    public var leadRole: String

    /// The area of `placements` (the buildings of one estate), nil when they
    /// are none or lie in more than one community (the bot asks which one).
    public init?(_ placements: [GridPlacement]) {
        guard let first = placements.first, placements.allSatisfy({ $0.community == first.community && $0.estate == first.estate }) else {
            return nil
        }
        community = first.community
        estate = first.estate
        if placements.allSatisfy({ $0.gridCode == first.gridCode }) {
            (blockCode, gridCode, lead, leadRole) = (first.blockCode, first.gridCode, first.gridWorker, "网格员")
        } else if placements.allSatisfy({ $0.blockCode == first.blockCode }) {
            (blockCode, gridCode, lead, leadRole) = (first.blockCode, nil, first.blockLeader, "街区长")
        } else {
            (blockCode, gridCode, lead, leadRole) = (nil, nil, first.communitySecretary, "社区书记")
        }
    }
}

extension GridService {
    /// The area of the estate (in `community`, when given): see `EstateArea`.
    public func area(community: String?, estate: String) throws -> EstateArea? {
        EstateArea(try placements(community: community, estate: estate))
    }
}
