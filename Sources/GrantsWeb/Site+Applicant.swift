import GrantsCore
import GrantsWorkflows
import Hummingbird

/// An applicant's pages: their organisation's bids and grants, and each grant. Every page asks the workflow for
/// the organisation the account acts for; an award of another organisation is "not found", as one that does not
/// exist is, so guessing ids tells nothing.
extension Site {
    static let applicant: Access = .signedIn([.applicant])

    var applicantRoutes: [Route] {
        [
            .get("/organisation", Site.applicant) { request, context in
                let account = try context.signedIn()
                let record = try Applicants.record(for: account, in: self.ledger())
                let drafts = try BidSubmissions.drafts(for: account, in: self.draftStore()).filter { $0.bid == nil }
                let checks = try self.ledger().submissions(bids: record.bids.map(\.bid.id))
                return self.html(
                    "organisation", title: record.organisation.name,
                    OrganisationPage(record, drafts: drafts, checks: checks), context: context)
            },
            .get("/organisation/awards/{award}", Site.applicant) { request, context in
                let id = try context.parameters.require("award")
                let account = try context.signedIn()
                guard let line = try Applicants.award(id, for: account, in: self.ledger()) else {
                    throw Problem.notFound("There is no grant \(id) to your organisation.")
                }
                let claims = try Applicants.claims(of: line, in: self.ledger())
                let query = try self.query(request)
                let reports = try self.reportStore()
                let report = try GrantReports.latest(award: id, in: reports).map {
                    ReportView($0, categories: try reports.monitoringCategories(), sentBy: nil)
                }
                return self.html(
                    "organisationaward", title: line.award.title,
                    OrganisationAwardPage(
                        line, claims: claims, claimed: claims.first { $0.claim.id == query["claimed"] }?.claim,
                        report: report, reported: query["reported"] == "1" && report != nil),
                    context: context)
            },
        ]
    }
}

struct OrganisationPage {
    struct BidRow {
        let id: String
        let href: String
        let title: String
        let requested: String
        let submitted: String
        let check: String
        let outcome: String
    }

    struct DraftRow {
        let href: String
        let scheme: String
        let title: String
        let saved: String
    }

    struct AwardRow {
        let id: String
        let href: String
        let title: String
        let amount: String
        let date: String
        let state: String
    }

    let name: String
    let id: String
    let bids: [BidRow]
    let hasBids: Bool
    let awards: [AwardRow]
    let hasAwards: Bool
    let drafts: [DraftRow]
    let hasDrafts: Bool

    init(_ record: Applicants.Record, drafts: [BidDraft], checks: [String: BidSubmission]) {
        name = record.organisation.name
        id = record.organisation.id.rawValue
        bids = record.bids.map { line in
            BidRow(
                id: line.bid.id, href: "/organisation/bids/\(Site.percentEncoded(line.bid.id))", title: line.bid.title,
                requested: line.bid.requested.formatted, submitted: line.bid.submitted.description,
                check: checks[line.bid.id].map { $0.outcome.prefix(1).uppercased() + $0.outcome.dropFirst() } ?? "Not kept",
                outcome: line.award.map { "Awarded (\($0))" } ?? "No award")
        }
        self.drafts = drafts.map { draft in
            let fields = FormData(body: Array(draft.form.utf8)) ?? FormData()
            return DraftRow(
                href: "/organisation/drafts/\(draft.id)", scheme: "\(draft.scheme.title) \(draft.year.label)",
                title: fields["title"].isEmpty ? "Untitled bid" : fields["title"], saved: draft.saved.text)
        }
        hasDrafts = !drafts.isEmpty
        hasBids = !bids.isEmpty
        awards = record.awards.map { line in
            AwardRow(
                id: line.award.id, href: "/organisation/awards/\(Site.percentEncoded(line.award.id))",
                title: line.award.title, amount: line.award.amount.formatted, date: line.award.awardDate.description,
                state: OrganisationAwardPage.stateText(line.state))
        }
        hasAwards = !awards.isEmpty
    }
}

struct OrganisationAwardPage {
    typealias Row = SummaryRow

    let title: String
    let rows: [Row]
    let claims: [ClaimRow]
    let hasClaims: Bool
    let claimHref: String?
    let claimed: String?
    let report: ReportView?
    /// Where the end-of-grant report is sent (or corrected), while the grant is not withdrawn.
    let reportHref: String?
    let reportLabel: String
    let reported: Bool

    init(
        _ line: Applicants.AwardLine, claims: [Applicants.ClaimLine], claimed: Claim?, report: ReportView?,
        reported: Bool
    ) {
        let award = line.award
        title = award.title
        self.report = report
        self.reported = reported
        reportHref = line.state == .withdrawn ? nil : "/organisation/awards/\(Site.percentEncoded(award.id))/report"
        reportLabel = report == nil ? "Send the end-of-grant report" : "Correct the end-of-grant report"
        self.claims = claims.map { ClaimRow($0, namingPayment: false, payHref: nil) }
        hasClaims = !claims.isEmpty
        claimHref = line.state == .awarded || line.state == .claiming
            ? "/organisation/awards/\(Site.percentEncoded(award.id))/claim" : nil
        self.claimed = claimed.map { "Claim \($0.id) of \($0.amount.formatted) is sent. The office will pay it or tell you why not." }
        rows = [
            Row(key: "Grant", value: award.id),
            Row(key: "Amount", value: award.amount.formatted),
            Row(key: "Decision", value: "\(award.decision), \(award.awardDate)"),
            Row(key: "Project", value: "\(award.plannedStart) to \(award.plannedEnd)"),
            Row(key: "Where it stands", value: Self.stateText(line.state)),
            Row(key: "Money", value: line.summary),
        ] + [("Purpose", award.purpose), ("Conditions", award.conditions)].compactMap { key, value in
            value.map { Row(key: key, value: $0) }
        }
    }

    static func stateText(_ state: AwardState) -> String {
        switch state {
        case .awarded: "Awarded, no claim yet"
        case .claiming: "Claims in progress"
        case .closed: "Closed: end-of-grant report received"
        case .withdrawn: "Withdrawn"
        }
    }
}
