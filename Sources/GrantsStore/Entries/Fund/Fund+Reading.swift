import GrantsCore

extension Fund: StoredEntry {
    static let table = "funds"

    init(row: StoredRow, _ db: SQLConnection) throws {
        self.init(
            id: try row.text("id"), name: try row.text("name"), scheme: try row.choice("scheme"),
            year: try row.year("year_start"), amount: try row.money("amount"),
            funder: try row.organisationID("funder_id"))
    }
}
