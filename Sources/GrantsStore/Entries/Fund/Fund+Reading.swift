import GRDB
import GrantsCore

extension Fund: StoredEntry {
    static let table = "funds"

    init(row: Row, _ db: Database) throws {
        let t = Self.table
        self.init(
            id: try row.text("id", in: t), name: try row.text("name", in: t), scheme: try row.scheme("scheme", in: t),
            year: try row.year("year_start", in: t), amount: try row.money("amount", in: t),
            funder: try row.organisationID("funder_id", in: t))
    }
}
