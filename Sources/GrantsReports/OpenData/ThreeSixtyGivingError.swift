import GrantsCore

/// Why a spend return could not be published in the 360Giving Data Standard. Each case names the grant at fault
/// by its 360Giving id, so the ledger entry to fix can be found.
public enum ThreeSixtyGivingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The publisher prefix is not the letters and digits 360Giving issued (`LancashirePCC` in
    /// `360G-LancashirePCC-…`).
    case badPrefix(String)
    /// The last-modified time is not a full date-time such as `2018-04-30T09:00:00Z`.
    case badLastModified(String)
    /// The data source is not a web address (http or https).
    case badDataSource(String)
    /// The licence is not a web address (the licence's canonical http or https address).
    case badLicence(String)
    /// The publisher's website is not a web address.
    case badPublisherWebsite(String)
    /// The return has no award lines, and a 360Giving package must hold at least one grant.
    case noGrants
    /// The return's header does not name the funder (the OPCC) by id and name.
    case noFundingOrganisation
    /// An award id has a character the ledger's ids never have (a space, a quote, …).
    case badAwardID(String)
    /// Two award lines would give the same grant id: the official converter would merge them silently.
    case duplicateID(String)
    /// A grant of nothing.
    case zeroAmount(grantID: String)
    /// A negative amount awarded or paid.
    case negativeAmount(grantID: String, field: String, amount: Money)
    /// A date outside the years 1900 to 2099: a typing error, not a grant.
    case impossibleDate(grantID: String, field: String, day: Day)
    /// The planned start is after the planned end.
    case plannedStartAfterEnd(grantID: String, start: Day, end: Day)
    /// A field 360Giving needs (title, recipient id or name) is empty.
    case missingField(grantID: String, field: String)

    public var description: String {
        switch self {
        case .badPrefix(let prefix):
            return "'\(prefix)' is not a 360Giving publisher prefix; expected letters and digits, such as "
                + "LancashirePCC for grant ids 360G-LancashirePCC-…"
        case .badLastModified(let text):
            return "'\(text)' is not a last-modified time; expected a full date-time such as 2018-04-30T09:00:00Z"
        case .badDataSource(let text):
            return "'\(text)' is not a data source; expected a web address starting http:// or https://"
        case .badLicence(let text):
            return "'\(text)' is not a licence; expected the licence's web address, such as "
                + "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
        case .badPublisherWebsite(let text):
            return "'\(text)' is not a website; expected a web address starting http:// or https://"
        case .noGrants:
            return "the return has no awards, and a 360Giving file must hold at least one grant"
        case .noFundingOrganisation:
            return "the return does not name its funder (id and name), which every 360Giving grant must carry"
        case .badAwardID(let id):
            return "award id '\(id)' cannot make a 360Giving grant id; expected letters, digits and - . _ /"
        case .duplicateID(let id):
            return "grant id \(id) is given to more than one award; 360Giving grant ids must be unique"
        case .zeroAmount(let id):
            return "grant \(id) is for £0.00; a 360Giving grant must be for an amount"
        case .negativeAmount(let id, let field, let amount):
            return "grant \(id) has \(field) of \(amount.formatted); amounts cannot be negative"
        case .impossibleDate(let id, let field, let day):
            return "grant \(id) has \(field) \(day), outside the years 1900 to 2099"
        case .plannedStartAfterEnd(let id, let start, let end):
            return "grant \(id) is planned to start on \(start), after its planned end on \(end)"
        case .missingField(let id, let field):
            return "grant \(id) has no \(field)"
        }
    }
}
