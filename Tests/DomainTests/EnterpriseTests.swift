import Domain
import Foundation
import Testing

@Suite struct EnterpriseTests {
    func service() throws -> EnterpriseService {
        EnterpriseService(db: try TestDatabase.memory(), clock: TestDatabase.clock,
                          serviceTypes: try EnterpriseService.loadServiceTypes(from: TestDatabase.dataDirectory))
    }

    @Test func theRegistryFindsFullShortAndMistypedNames() throws {
        let registry = try service().registry
        #expect(try registry.enterprises(mentionedIn: "深圳市鸿澜科技有限公司").first?.uscc == "914403003UNNR94Q4P")
        #expect(try registry.enterprises(mentionedIn: "我们鸿澜科技要贷款").first?.uscc == "914403003UNNR94Q4P")
        #expect(try registry.enterprises(mentionedIn: "深圳市鸿兰科技有限公司").first?.uscc == "914403003UNNR94Q4P")
        #expect(try registry.enterprises(mentionedIn: "完全不相干的话").isEmpty)
    }

    @Test func requestsAreRoutedAndMoveAlongTheSharedLoop() throws {
        let s = try service()
        let firm = try s.registry.enterprise(uscc: "914403003UNNR94Q4P")!
        let (q, _) = try s.request(type: "financing", enterprise: firm, details: EnterpriseRequestDetails(amount: 5_000_000, termMonths: 36), phone: nil)
        #expect(q.id == "QF20261129-0001" && q.routedTo.hasPrefix(firm.partyCommittee) && q.termMonths == 36)
        #expect(throws: DomainError.self) { _ = try s.update(id: q.id, action: .reopen, note: nil, actor: nil) }
        _ = try s.update(id: q.id, action: .match, note: "已联系银行", actor: "op")
        #expect(try s.update(id: q.id, action: .close, note: nil, actor: "op").status == .closed)
        #expect(try s.history(id: q.id).map(\.action) == ["file", "match", "close"])
    }

    @Test func aNewSpaceNeedListsTheOffersThatFit() throws {
        let s = try service()
        let firms = try s.registry.all()
        func listing(_ direction: SpaceListing.Direction, _ kind: String, _ area: Double) -> EnterpriseRequestDetails {
            EnterpriseRequestDetails(space: SpaceListing.Draft(direction: direction, kind: kind, area: area, community: nil, place: nil, budget: nil))
        }
        let (offer, none) = try s.request(type: "space", enterprise: firms[0], details: listing(.offer, "厂房", 2000), phone: nil)
        #expect(none.isEmpty)
        _ = try s.request(type: "space", enterprise: firms[1], details: listing(.offer, "仓储", 2000), phone: nil)
        _ = try s.request(type: "space", enterprise: firms[2], details: listing(.offer, "厂房", 5000), phone: nil)
        let (_, matches) = try s.request(type: "space", enterprise: firms[3], details: listing(.need, "厂房", 1800), phone: nil)
        #expect(matches.map(\.requestID) == [offer.id])
        _ = try s.update(id: offer.id, action: .close, note: nil, actor: nil)
        let (_, after) = try s.request(type: "space", enterprise: firms[4], details: listing(.need, "厂房", 2100), phone: nil)
        #expect(after.isEmpty)
    }

    @Test func spaceMatchingKeepsWithinTheTolerance() {
        let matcher = SpaceMatcher(tolerance: 0.2)
        let need = SpaceListing.Draft(direction: .need, kind: "厂房", area: 1000, community: "大富社区", place: nil, budget: nil)
        #expect(matcher.matches(for: need, among: []).isEmpty)
    }

    @Test func aNewFirmIsRegisteredOnce() throws {
        let registry = try service().registry
        let a = try registry.register(name: "深圳市新创光电有限公司", uscc: "91440300MA5G0000XK", community: nil, phone: "13900000000", contact: nil)
        let b = try registry.register(name: "别的名字", uscc: "91440300MA5G0000XK", community: nil, phone: nil, contact: nil)
        #expect(a == b && a.park == "待核实")
    }
}
