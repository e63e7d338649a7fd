import Foundation
import Testing
@testable import Understanding

/// Reports passed on by the people of the grid (rounds 154–157): the 楼栋长 or
/// 网格员 named just before what they said is where the account came from, not
/// a question about who they are — a near pattern, whose parts stand at most
/// `IntentSpec.nearGap` characters apart (room for a short name).
@Suite struct RelayedReportsTests {
    func intent(_ text: String) -> String? { Fixtures.understander.understand(text, context: Fixtures.context).intent }

    @Test func aReportPassedOnIsFiled() {
        #expect(intent("楼栋长老陈说香榭郦景3栋楼道灯坏了好几天了") == "grievance.file")
        #expect(intent("网格员小周说黎光老村9号有个独居老人两天没出门了") == "grievance.file")
        #expect(intent("楼栋长刘姐说银湖新村7栋天台有人加盖了一层，问我们管不管") == "grievance.file")
    }

    @Test func aCallerWhoSaysWhoTheyAreThenTellsAProblemIsReporting() {
        // 我是…的楼栋长: a place between counts for nothing in a near pattern's gap.
        #expect(intent("我是安居小区14栋的楼栋长，物业把后门锁了，老人去菜市场要绕一大圈") == "grievance.file")
        #expect(intent("我是福安苑12栋的楼栋长，有户租客天天把电动车电池拿到楼道里充电") == "grievance.file")
        // …but not when they go on to ask who someone is, or to book.
        #expect(intent("我是新来的楼长，想知道紫荆家园这一片的街区长是谁") == "grid.lookup")
        #expect(intent("我是楼栋长，帮我们楼三个老人一起报周三的山歌传唱，电话用我的13808080808") == "activity.book")
    }

    @Test func whoPassedItOnIsNotTheCallersName() {
        // 刘姐说 is not a name (说 ends it); 派给网格员王强 still names the one assigned.
        #expect(Fixtures.understander.understand("楼栋长刘姐说5栋天台漏水", context: Fixtures.context).slots["name"] == nil)
        #expect(Fixtures.understander.understand("派给网格员王强 GL20261129-0001", context: Fixtures.context).slots["name"]?.string == "王强")
    }

    @Test func aQuestionAboutThemIsStillALookUp() {
        // 说 far from the 楼栋长 (…我想跟他说点事) is no account passed on.
        #expect(intent("泰华豪庭20栋有楼栋长吗，我想跟他说点事") == "grid.lookup")
        #expect(intent("香榭郦景3栋的楼栋长是谁") == "grid.lookup")
        #expect(intent("我妈住在岭南雅居20栋，她想找网格员问点事，你告诉我网格员叫啥") == "grid.lookup")
    }

    @Test func whatTheWorkerPromisedIsAProgressCheck() {
        #expect(intent("我昨天报的漏水，号码13723390418，网格员说今天会来，到现在没人联系我") == "grievance.status")
    }

    @Test func nearPatternsAreReadAndChecked() throws {
        let head = "intent: x.y\nlabel: 测试\nsummary: 测试\ntriggers: [测试]\n"
        let spec = try IntentCatalog.parse(head + "near_patterns: [楼栋长…说]\n", file: "x.y.yaml")
        #expect(spec.nearPatterns == ["楼栋长…说"])
        // Without its two parts it is refused, as a pattern is.
        do {
            _ = try IntentCatalog.parse(head + "near_patterns: [楼栋长说]\n", file: "x.y.yaml")
            Issue.record("a near pattern without … was accepted")
        } catch {
            #expect("\(error)".contains("前…后"))
        }
    }
}
