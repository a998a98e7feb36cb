import GRDB
import GrantsCore

extension Fund {
    /// The ids and text checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("name", .text(name)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        try writer.requirePositive(amount, field: "amount", of: id, origin: origin)
        _ = try writer.requireOrganisation(funder, field: "funder", of: id, origin: origin)
        try writer.db.execute(
            sql: "INSERT INTO funds (id, name, scheme, year_start, amount, funder_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, name, scheme.rawValue, year.startYear, amount.pence,
                        funder.rawValue])
    }
}
