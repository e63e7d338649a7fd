import Foundation
import Testing
@testable import Understanding

@Suite struct USCCTests {
    static let ctx = ParseContext(now: Date(timeIntervalSince1970: 0), timeZone: TimeZone(identifier: "Asia/Shanghai")!)

    static let codes: [String] = {
        guard let data = FileManager.default.contents(atPath: PackageRoot.url.appendingPathComponent("data/enterprises.csv").path),
              let text = String(data: data, encoding: .utf8) else { return ["91350100M000100Y43"] }
        return text.split(whereSeparator: \.isNewline).dropFirst().compactMap { $0.split(separator: ",").first.map(String.init) }
    }()

    @Test func sampleCodesAreValid() {
        #expect(!Self.codes.isEmpty)
        for code in Self.codes { #expect(USCC.isValid(code), "\(code)") }
        #expect(USCC.isValid("91350100M000100Y43"))
    }

    @Test func everySingleCorruptionIsInvalid() {
        let code = Array(Self.codes[0].unicodeScalars)
        for i in 0..<18 {
            for c in USCC.charset where c != code[i] {
                var bad = code
                bad[i] = c
                var s = String.UnicodeScalarView(); s.append(contentsOf: bad)
                #expect(!USCC.isValid(String(s)))
            }
            var withO = code
            withO[i] = "O"
            var s = String.UnicodeScalarView(); s.append(contentsOf: withO)
            #expect(!USCC.isValid(String(s)))
        }
    }

    @Test func checkCharacter() {
        let code = Self.codes[0]
        #expect(USCC.checkCharacter(for: String(code.prefix(17))) == code.last)
        #expect(USCC.checkCharacter(for: "123") == nil)
    }

    @Test func extractor() {
        let code = Self.codes[0]
        let good = USCCExtractor().extract(from: ScalarText("信用代码\(code.lowercased())申请贷款"), context: Self.ctx)
        #expect(good.count == 1)
        #expect(good.first?.value == .string(code))
        #expect(good.first?.confidence == 1.0)
        let badCode = String(code.prefix(17)) + (code.last == "0" ? "1" : "0")
        let bad = USCCExtractor().extract(from: ScalarText("代码 \(badCode)"), context: Self.ctx)
        #expect(bad.count == 1)
        #expect(bad.first?.confidence == 0.0)
        #expect(USCCExtractor().extract(from: ScalarText("代码 \(code)1"), context: Self.ctx).isEmpty)
    }
}
