import Foundation
@testable import GrantsXML
import GrantsCore
import Testing

/// The schema's keys and keyrefs are checked as a return streams by, not by libxml2, which would hold every value
/// until the document ends.
@Suite struct IdentityConstraintTests {
    @Test func theValidatorCompilesTheSchemaWithoutItsIdentityConstraintsAndThePublishedOneKeepsThem() throws {
        let url = try #require(ReturnValidator.schemaURL)
        let published = Array(try Data(contentsOf: url))
        let text = String(decoding: published, as: UTF8.self)
        for name in ["key", "keyref", "unique"] { #expect(text.contains("<xs:\(name) ")) }
        let compiled = String(decoding: CompiledSchema.withoutIdentityConstraints(published), as: UTF8.self)
        for name in ["key", "keyref", "unique"] {
            #expect(!compiled.contains("<xs:\(name) ") && !compiled.contains("</xs:\(name)>"))
        }
        // Everything else is as published.
        #expect(compiled.contains("<xs:element name=\"return\">"))
        #expect(compiled.count < text.count && compiled.count > text.count * 9 / 10)
    }

    @Test func aCompactSetFindsEveryStringAndTheLineOfItsFirstUse() {
        var set = CompactStringSet()
        let ids = (0..<50_000).map { "AWD-\($0 * 7919 % 100_003)" } + ["", "é£\u{1F600}", String(repeating: "x", count: 70_000)]
        for (index, id) in ids.enumerated() { #expect(set.insert(id, line: index + 1) == nil, "\(id.prefix(20))") }
        #expect(set.count == ids.count)
        for (index, id) in ids.enumerated() where index % 97 == 0 || index >= 50_000 {
            #expect(set.contains(id))
            #expect(set.insert(id, line: 999_999) == index + 1)
        }
        #expect(!set.contains("AWD-100003"))
        #expect(!set.contains("AWD-1 "))
        #expect(set.count == ids.count)
    }
}
