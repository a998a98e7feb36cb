/// What the ledger knows that eligibility rules need, for one financial year: who has applied, who has been
/// funded, and each CSP's members and money left. A snapshot, so that checking a round of bids asks the
/// database once rather than once per bid.
public struct LedgerFacts: Hashable, Sendable {
    /// A bid recorded in the ledger.
    public struct Application: Hashable, Sendable {
        /// The bid's id, so that a bid checked again after it was recorded is not counted against itself.
        public let bidID: String
        /// The organisation that applied.
        public let applicant: OrganisationID
        /// The scheme of the fund applied to: repeat applications are counted per scheme.
        public let scheme: Scheme
        /// The id of the fund applied to.
        public let fundID: String

        /// Creates an application as the ledger records it.
        public init(bidID: String, applicant: OrganisationID, scheme: Scheme, fundID: String) {
            self.bidID = bidID
            self.applicant = applicant
            self.scheme = scheme
            self.fundID = fundID
        }
    }

    /// An award recorded in the ledger.
    public struct Funding: Hashable, Sendable {
        /// The award's id, which a rule names when it reports the funding.
        public let awardID: String
        /// The bid the award answers, when there was one.
        public let bidID: String?
        /// The organisation funded.
        public let recipient: OrganisationID
        /// The scheme of the fund it came from, so that funding from another stream can be told apart.
        public let scheme: Scheme
        /// The id of the fund it came from.
        public let fundID: String
        /// The amount awarded.
        public let amount: Money

        /// Creates a funding as the ledger records it.
        public init(awardID: String, bidID: String?, recipient: OrganisationID, scheme: Scheme, fundID: String, amount: Money) {
            self.awardID = awardID
            self.bidID = bidID
            self.recipient = recipient
            self.scheme = scheme
            self.fundID = fundID
            self.amount = amount
        }
    }

    /// A community safety partnership: its members, and its CSP grant allocation and commitments this year.
    public struct Partnership: Hashable, Sendable {
        /// The partnership's org-id, which a bid may name it by.
        public let id: OrganisationID
        /// The partnership's name, which a bid may also name it by.
        public let name: String
        /// The area the partnership serves, such as an ONS district code.
        public let locationCode: String?
        /// Its responsible authorities, which may bid for its money as well as the partnership itself.
        public let members: [OrganisationID]
        /// What its CSP grant allocations for the year add up to, after any changes.
        public let allocated: Money
        /// What awards have committed against those allocations.
        public let committed: Money

        /// Creates a partnership's facts as read from the ledger.
        public init(
            id: OrganisationID, name: String, locationCode: String?, members: [OrganisationID], allocated: Money,
            committed: Money
        ) {
            self.id = id
            self.name = name
            self.locationCode = locationCode
            self.members = members
            self.allocated = allocated
            self.committed = committed
        }

        /// What is left of the allocation to commit.
        public func remaining() throws(MoneyError) -> Money { try allocated.subtracting(committed) }

        /// Whether `name` names this partnership: its id, or its name with or without "Community Safety
        /// Partnership" or "CSP" at the end (case and spacing ignored).
        public func isNamed(_ name: String) -> Bool {
            Self.fold(name) == Self.fold(id.rawValue) || Self.shortName(name) == Self.shortName(self.name)
        }

        /// The folded name without a trailing "community safety partnership" or "csp".
        static func shortName(_ name: String) -> String {
            let folded = fold(name)
            for suffix in [" community safety partnership", " csp"] where folded.hasSuffix(suffix) {
                return String(folded.dropLast(suffix.count))
            }
            return folded
        }

        static func fold(_ text: String) -> String {
            text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// The financial year the facts are for.
    public let year: FinancialYear
    /// Every bid to a fund of that year.
    public let applications: [Application]
    /// Every award from a fund of that year.
    public let fundings: [Funding]
    /// Every community safety partnership in the ledger, by name.
    public let partnerships: [Partnership]

    /// Creates the facts for a year, as the ledger reads them in one go.
    public init(year: FinancialYear, applications: [Application], fundings: [Funding], partnerships: [Partnership]) {
        self.year = year
        self.applications = applications
        self.fundings = fundings
        self.partnerships = partnerships
    }

    /// The partnership a bid names, if any.
    public func partnership(named name: String) -> Partnership? {
        partnerships.first { $0.isNamed(name) }
    }
}
