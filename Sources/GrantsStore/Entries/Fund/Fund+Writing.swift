import GRDB
import GrantsCore

extension Fund {
    func insert(by writer: BatchWriter, origin: Origin?) throws { try writer.insert(self, origin: origin) }
}

extension BatchWriter {
    fileprivate func insert(_ fund: Fund, origin: Origin?) throws {
        try requirePositive(fund.amount, field: "amount", of: fund.id, origin: origin)
        _ = try requireOrganisation(fund.funder, field: "funder", of: fund.id, origin: origin)
        try db.execute(
            sql: "INSERT INTO funds (id, name, scheme, year_start, amount, funder_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [fund.id, fund.name, fund.scheme.rawValue, fund.year.startYear, fund.amount.pence,
                        fund.funder.rawValue])
    }
}
