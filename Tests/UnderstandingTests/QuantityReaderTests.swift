import Testing
@testable import Understanding

@Suite struct QuantityReaderTests {
    @Test(arguments: [("需要厂房2000平方米", 2000.0), ("闲置500平", 500), ("三百平米办公室", 300), ("1.5千平米", 1500), ("300㎡", 300)])
    func areas(_ text: String, _ value: Double) {
        #expect(QuantityReader.area(in: text) == value)
    }

    @Test(arguments: [("贷款300万3年", 36), ("期限18个月", 18), ("半年", 6), ("三年期", 36)])
    func terms(_ text: String, _ months: Int) {
        #expect(QuantityReader.termMonths(in: text) == months)
    }

    @Test(arguments: [("招聘20人", 20), ("招普工十五名", 15)])
    func headcounts(_ text: String, _ n: Int) {
        #expect(QuantityReader.headcount(in: text) == n)
    }

    @Test func noUnitNoQuantity() {
        #expect(QuantityReader.area(in: "需要厂房") == nil)
        #expect(QuantityReader.termMonths(in: "贷款五百万") == nil)
    }

    @Test func aSchoolGradeIsNoTerm() {
        #expect(QuantityReader.termMonths(in: "孩子读二年级，又收了三百块资料费") == nil)
        #expect(QuantityReader.termMonths(in: "孩子三年级了，想贷款两年") == 24)
    }

    @Test(arguments: [("企业服务 税务 深圳市新创光电有限公司", "深圳市新创光电有限公司"), ("我们是新华五金厂", "新华五金厂"),
                            ("我们是新开的公司叫深圳市澜启机器人有限公司，想贷款", "深圳市澜启机器人有限公司"), ("新厂名叫宏达五金厂", "宏达五金厂")])
    func companyNames(_ text: String, _ name: String) {
        #expect(CompanyName.find(in: text) == name)
    }
}
