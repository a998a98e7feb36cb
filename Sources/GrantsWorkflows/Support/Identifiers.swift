/// How the ledger names the entries a workflow makes: one scheme for every front end.
public enum Identifiers {
    /// An id with a two-digit sequence number: `AWD-1` → `AWD-1-C01`.
    public static func numbered(_ base: String, _ letter: String, _ number: Int) -> String {
        "\(base)-\(letter)\(twoDigits(number))"
    }

    /// `7` → `07`; `12` → `12`.
    static func twoDigits(_ number: Int) -> String {
        "\(number < 10 ? "0" : "")\(number)"
    }

    /// A decision reference made safe for an id: every character that is not a letter or digit becomes `-`
    /// (`2017/12` → `2017-12`).
    public static func slug(_ decision: String) -> String {
        String(decision.map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    /// The award made on a bid: `AWD-<bid>`.
    public static func award(onBid bid: String) -> String { "AWD-\(bid)" }

    /// The n-th (1-based) allocation of a fund made by a decision: `CSP-2018-19-2018-07-01`.
    public static func allocation(fund: String, decision: String, position: Int) -> String {
        "\(fund)-\(slug(decision))-\(twoDigits(position))"
    }

    /// An award's closure: `<award>-CLOSE`.
    public static func closure(of award: String) -> String { "\(award)-CLOSE" }

    /// An award's withdrawal: `<award>-WITHDRAWN`.
    public static func withdrawal(of award: String) -> String { "\(award)-WITHDRAWN" }

    /// A contribution's withdrawal: `<schedule>-WITHDRAWN`.
    public static func contributionWithdrawal(of schedule: String) -> String { "\(schedule)-WITHDRAWN" }
}
