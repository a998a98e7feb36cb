/// What the ledger knows that eligibility rules need, for one financial year: who has applied, who has been
/// funded, and each CSP's members and money left. A snapshot, so that checking a round of bids asks the
/// database once rather than once per bid.
public struct LedgerFacts: Hashable, Sendable {
    /// A bid recorded in the ledger.
    public struct Application: Hashable, Sendable {
        public let bidID: String
        public let applicant: OrganisationID
        public let scheme: Scheme
        public let fundID: String

        public init(bidID: String, applicant: OrganisationID, scheme: Scheme, fundID: String) {
            self.bidID = bidID
            self.applicant = applicant
            self.scheme = scheme
            self.fundID = fundID
        }
    }

    /// An award recorded in the ledger.
    public struct Funding: Hashable, Sendable {
        public let awardID: String
        public let bidID: String?
        public let recipient: OrganisationID
        public let scheme: Scheme
        public let fundID: String
        public let amount: Money

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
        public let id: OrganisationID
        public let name: String
        public let locationCode: String?
        public let members: [OrganisationID]
        public let allocated: Money
        public let committed: Money

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

    public let year: FinancialYear
    public let applications: [Application]
    public let fundings: [Funding]
    public let partnerships: [Partnership]

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
