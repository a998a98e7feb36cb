import GrantsCore

extension Fund {
    /// The ids, text and amounts checked before anything is recorded (see `EntryShape`).
    var shape: EntryShape {
        EntryShape([
            ("id", .identifier(id)), ("name", .text(name)), ("amount", .amount(amount)),
        ])
    }

    func insert(by writer: BatchWriter, origin: Origin?) throws {
        try writer.requirePositive(amount, field: "amount", of: id, origin: origin)
        _ = try writer.requireOrganisation(funder, field: "funder", of: id, origin: origin)
        // Every fund's budget together is the total the status adds up and nothing else bounds: it must stay exact.
        try writer.requireTotal(
            try writer.db.sum("funds", []), adding: amount, of: "every fund's budget", field: "amount", id: id,
            origin: origin)
        try writer.db.execute(
            cachedSQL: "INSERT INTO funds (id, name, scheme, year_start, amount, funder_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, name, scheme.rawValue, year.startYear, amount.pence,
                        funder.rawValue])
    }
}
