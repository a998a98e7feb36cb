import Testing
@testable import GrantsCore

@Suite struct FieldsTests {
    /// Differences as plain arrays, since tuples are not Equatable.
    private func flat(_ differences: [(field: String, mine: String, theirs: String)]) -> [[String]] {
        differences.map { [$0.field, $0.mine, $0.theirs] }
    }

    @Test func dropsAbsentValuesAndKeepsOrder() {
        let fields = Fields([("id", "P-1"), ("reference", nil), ("amount", "10.00")])
        #expect(fields.pairs.map(\.name) == ["id", "amount"])
        #expect(fields.pairs.map(\.value) == ["P-1", "10.00"])
        #expect(fields["id"] == "P-1")
        #expect(fields["reference"] == nil)
        #expect(fields["missing"] == nil)
        #expect(fields.summary == "id=P-1; amount=10.00")
    }

    @Test func emptySummary() {
        #expect(Fields([]).summary == "")
        #expect(Fields([("a", nil)]).pairs.isEmpty)
    }

    @Test func equalityIsOrderSensitive() {
        let a = Fields([("id", "1"), ("amount", "10.00")])
        #expect(a == Fields([("id", "1"), ("amount", "10.00")]))
        #expect(a == Fields([("id", "1"), ("note", nil), ("amount", "10.00")]))
        #expect(a != Fields([("amount", "10.00"), ("id", "1")]))
        #expect(a != Fields([("id", "1"), ("amount", "10.01")]))
        #expect(a != Fields([("id", "1")]))
        #expect(Set([a, Fields([("id", "1"), ("amount", "10.00")])]).count == 1)
    }

    @Test func noDifferencesWhenEqual() {
        let a = Fields([("id", "1"), ("amount", "10.00")])
        #expect(a.differences(from: a).isEmpty)
        // Order alone is not a difference of values.
        #expect(a.differences(from: Fields([("amount", "10.00"), ("id", "1")])).isEmpty)
    }

    @Test func differencesListChangedAddedAndRemovedFields() {
        let stored = Fields([("id", "P-1"), ("amount", "10.00"), ("date", "2018-01-01"), ("award", "A-1")])
        let incoming = Fields([("id", "P-1"), ("amount", "12.00"), ("award", "A-1"), ("reference", "BACS 42")])
        #expect(
            flat(stored.differences(from: incoming)) == [
                ["amount", "10.00", "12.00"],
                ["date", "2018-01-01", "(none)"],
                ["reference", "(none)", "BACS 42"],
            ]
        )
        #expect(
            flat(incoming.differences(from: stored)) == [
                ["amount", "12.00", "10.00"],
                ["reference", "BACS 42", "(none)"],
                ["date", "(none)", "2018-01-01"],
            ]
        )
    }

    @Test func differenceAgainstEmpty() {
        let stored = Fields([("id", "1"), ("name", "Safer Lancashire")])
        #expect(
            flat(stored.differences(from: Fields([]))) == [["id", "1", "(none)"], ["name", "Safer Lancashire", "(none)"]]
        )
    }
}
