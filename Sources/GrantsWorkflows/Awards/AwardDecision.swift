import GrantsCore
import GrantsImport
import GrantsRules

/// Records an award on a bid: finds the fund and allocation, checks the bid against its rules and the ledger,
/// refuses an ineligible bid or more than was asked for unless overridden (the reason kept in the history),
/// records the bid and applicant when new, and the award, all in one change.
public enum AwardDecision {
    /// Records `request`, or throws why not; nothing is recorded on a throw.
    public static func record(
        _ request: AwardRequest, in store: any LedgerStore, by stamp: Stamp, rulebooks: inout RulebookLibrary
    ) throws(WorkflowError) -> AwardResult {
        let plan = try plan(request, in: store, rulebooks: &rulebooks)
        let outcome = try store.record(plan.batch, by: stamp, because: plan.why)
        return AwardResult(awardID: plan.award.id, verdict: plan.verdict, outcome: outcome)
    }

    /// An award worked out and checked but not recorded: what the confirmation page shows, and what is recorded
    /// if the officer confirms (checked again then: the ledger may have changed in between).
    public struct Plan: Sendable {
        /// The award as it would be recorded.
        public let award: Award
        /// Its fund.
        public let fund: Fund
        /// The verdict of the bid's check, when it ran.
        public let verdict: Eligibility?
        /// What is left to commit where the award draws (the CSP's allocation, or the fund), before the award.
        public let available: Money
        /// The same after it (negative: the ledger will refuse the award).
        public let availableAfter: Money
        /// Why, as the history will say it.
        public let why: String
        let batch: LedgerBatch
    }

    /// Works `request` out and checks it, recording nothing: refused as `record` would refuse it, but for what the
    /// ledger itself refuses (more than is left, a closed year), which the plan shows as `availableAfter`.
    public static func plan(
        _ request: AwardRequest, in store: any LedgerStore, rulebooks: inout RulebookLibrary
    ) throws(WorkflowError) -> Plan {
        var request = request
        if request.form == nil,
           let submission = try reading({ () throws(LedgerError) in try store.submission(bid: request.bid) })
        {
            // A bid submitted through the web is checked, and its plans and priorities taken, from the document it
            // was when submitted.
            request.form = try BidSubmissions.form(of: submission)
        }
        let bid = request.bid
        _ = try Input.identifier(request.decision, field: "--decision")
        _ = try Input.identifier(request.id, field: "--id")
        let stored = try reading { () throws(LedgerError) in try store.bid(bid) }
        let fund = try self.fund(for: request, stored: stored, in: store)
        if let override = request.override, override.allSatisfy(\.isWhitespace) {
            throw .usage("--override needs a reason")
        }
        var why = "award on bid \(bid) (decision \(request.decision))"
        if let requested = request.form?.requested ?? stored?.requested, request.amount > requested {
            guard let override = request.override else {
                throw .checkFailed(
                    "awarding \(request.amount.formatted) is more than the \(requested.formatted) bid \(bid) asked for, "
                        + "which the check covered; award it only with --override REASON")
            }
            why += "; awarding more than the \(requested.formatted) requested: \(override)"
        }
        let awardID = request.id ?? Identifiers.award(onBid: bid)
        let verdict = try check(request, rulebooks: &rulebooks, store: store, why: &why)
        let otherAwards = try stored.map { stored throws(WorkflowError) in
            try self.otherAwards(on: stored, than: awardID, in: store)
        } ?? []
        if !otherAwards.isEmpty {
            guard let again = request.again, !again.allSatisfy(\.isWhitespace) else {
                throw .checkFailed(
                    "bid \(bid) has \(otherAwards.count == 1 ? "an award" : "awards") already "
                        + "(\(otherAwards.joined(separator: ", "))); award it again only with --again REASON")
            }
            why += "; awarded again (the bid has \(otherAwards.joined(separator: ", "))): \(again)"
        }
        if let conditions = request.conditions { why += "; conditions: \(conditions)" }

        var batch = LedgerBatch()
        let applicant = try applicantAndBid(request, stored: stored, fund: fund.id, in: store, into: &batch)
        let allocation = try self.allocation(for: request, fund: fund, csp: applicant.csp, in: store)
        let award = Award(
            id: awardID, bid: bid, fund: fund.id, allocation: allocation,
            recipient: applicant.id, title: applicant.title.isEmpty ? bid : applicant.title, amount: request.amount,
            decision: request.decision, awardDate: request.date, plannedStart: request.form?.plannedStart ?? request.date,
            plannedEnd: request.form?.plannedEnd ?? fund.year.lastDay,
            priorities: Priority.eachOnce((request.form?.priorities ?? []).compactMap { try? Priority(parsing: $0) }),
            purpose: request.purpose, reasons: request.reasons, conditions: request.conditions)
        batch.awards.append(Sourced(award))
        let available = try self.available(fund: fund, csp: applicant.csp, allocation: allocation, in: store)
        let after: Money
        do {
            after = try available.subtracting(request.amount)
        } catch {
            throw .cannotTotal(error)
        }
        return Plan(
            award: award, fund: fund, verdict: verdict, available: available, availableAfter: after,
            why: why, batch: batch)
    }

    /// The awards on `bid` other than `awardID` that are not withdrawn.
    public static func otherAwards(on bid: Bid, than awardID: String, in store: any LedgerStore) throws(WorkflowError)
        -> [String]
    {
        let awards = try reading { () throws(LedgerError) in try store.awards(recipient: bid.applicant) }
        var others: [String] = []
        for award in awards where award.bid == bid.id && award.id != awardID {
            let state = try reading { () throws(LedgerError) in try store.state(ofAward: award.id) }
            if state != .withdrawn { others.append(award.id) }
        }
        return others
    }

    /// What is left to commit where an award draws: its CSP's allocations in the fund less what they have
    /// committed, or the fund's unallocated money for an award made on the fund directly.
    static func available(fund: Fund, csp: OrganisationID?, allocation: String?, in store: any LedgerStore)
        throws(WorkflowError) -> Money
    {
        guard allocation != nil, let csp else {
            return try reading { () throws(LedgerError) in try store.unallocated(fund: fund.id) }
        }
        let report = try reading { () throws(LedgerError) in
            try store.status(StatusReport.Scope(fund: fund.id, csp: csp))
        }
        guard let line = report.csps.first(where: { $0.csp == csp }) else { return .zero }
        do {
            return try line.allocated.subtracting(line.committed)
        } catch {
            throw .cannotTotal(error)
        }
    }

    /// Records a plan the officer confirmed. Checked again by the ledger as it is recorded: when another officer
    /// has committed the money since, the refusal says so and nothing is written.
    public static func record(_ plan: Plan, in store: any LedgerStore, by stamp: Stamp) throws(WorkflowError)
        -> RecordOutcome
    {
        try store.record(plan.batch, by: stamp, because: plan.why)
    }

    /// The bid with this id in an applicant's bid file.
    public static func form(_ bid: String, inFile file: String) throws(WorkflowError) -> BidForm {
        let forms: [Sourced<BidForm>]
        do {
            forms = try BidFile.read(file: file)
        } catch {
            throw WorkflowError(error)
        }
        guard let match = forms.first(where: { $0.value.id == bid }) else { throw .badData("\(file) holds no bid \(bid)") }
        return match.value
    }

    /// The fund: named, the stored bid's, or the only one of the form's scheme and year.
    static func fund(for request: AwardRequest, stored: Bid?, in store: any LedgerStore) throws(WorkflowError) -> Fund {
        let fundID: String
        if let stored {
            fundID = request.fund ?? stored.fund
        } else if let form = request.form {
            if let fund = request.fund {
                fundID = fund
            } else {
                let candidates = try reading { () throws(LedgerError) in try store.funds(scheme: form.scheme, year: form.year) }
                guard candidates.count == 1 else {
                    throw .usage("\(candidates.count) \(form.scheme.rawValue) funds in \(form.year); name one with --fund")
                }
                fundID = candidates[0].id
            }
        } else {
            throw .badData("no bid \(request.bid) is in the ledger; give its file with --bid-file")
        }
        guard let fund = try reading({ () throws(LedgerError) in try store.fund(fundID) }) else {
            throw .badData("no fund \(fundID) is in the ledger")
        }
        return fund
    }

    /// Checks the bid's form against its rulebook, unless overridden; notes an override in `why`.
    static func check(
        _ request: AwardRequest, rulebooks: inout RulebookLibrary, store: any LedgerStore, why: inout String
    ) throws(WorkflowError) -> Eligibility? {
        guard let form = request.form else {
            guard let override = request.override else {
                throw .usage("the bid's check cannot run without its file: give --bid-file, or --override REASON")
            }
            why += "; awarded without a check: \(override)"
            return nil
        }
        let verdict = try BidScreening.check(form, rulebooks: &rulebooks, store: store)
        if verdict.outcome != .eligible {
            guard let override = request.override else {
                throw .checkFailed(
                    "bid \(request.bid) is \(verdict.outcome.rawValue) "
                        + "(\((verdict.failedRules + verdict.unknownRules).joined(separator: ", "))); "
                        + "award it only with --override REASON", verdict: verdict)
            }
            why += "; overriding the check (\(verdict.outcome.rawValue)): \(override)"
        }
        return verdict
    }

    /// Who the award goes to, what it is for, and the CSP it is in; adds the bid (and a new applicant) to `batch`
    /// when the bid is not yet recorded.
    static func applicantAndBid(
        _ request: AwardRequest, stored: Bid?, fund: String, in store: any LedgerStore, into batch: inout LedgerBatch
    ) throws(WorkflowError) -> (id: OrganisationID, title: String, csp: OrganisationID?) {
        if let stored { return (stored.applicant, stored.title, stored.csp) }
        guard let form = request.form else { throw .badData("no bid \(request.bid)") }
        var csp: OrganisationID?
        if form.scheme == .cspGrant, let name = form.csp {
            csp = try reading { () throws(LedgerError) in try store.facts(year: form.year) }.partnership(named: name)?.id
        }
        let applicant = form.applicant.id
        if try reading({ () throws(LedgerError) in try store.organisation(applicant) }) == nil {
            batch.organisations.append(Sourced(Organisation(
                id: applicant, name: form.applicant.name, kind: OrganisationKind(applicantType: form.applicant.type))))
        }
        batch.bids.append(Sourced(Bid(
            id: form.id, fund: fund, applicant: applicant, title: form.title, requested: form.requested,
            submitted: form.submitted, csp: csp)))
        return (applicant, form.title, csp)
    }

    /// The allocation drawn on: named, or the CSP's only one in a fund split into allocations.
    static func allocation(for request: AwardRequest, fund: Fund, csp: OrganisationID?, in store: any LedgerStore)
        throws(WorkflowError) -> String?
    {
        guard fund.scheme.awardsDrawOnAllocations, request.allocation == nil else { return request.allocation }
        guard let csp else { throw .usage("bid \(request.bid) names no CSP; give --allocation") }
        let allocations = try reading { () throws(LedgerError) in try store.allocations(fund: fund.id, csp: csp) }
        guard allocations.count == 1 else {
            throw .usage("\(csp) has \(allocations.count) allocations in \(fund.id); name one with --allocation")
        }
        return allocations[0].id
    }
}

extension OrganisationKind {
    /// The kind of organisation an applicant says it is on a bid form.
    init(applicantType type: BidForm.ApplicantType) {
        switch type {
        case .communityGroup: self = .communityGroup
        case .registeredCharity: self = .registeredCharity
        case .cic: self = .cic
        case .company: self = .company
        case .school: self = .school
        case .localAuthority: self = .localAuthority
        case .police: self = .police
        case .fire: self = .fireAndRescue
        case .probation: self = .probation
        case .health: self = .health
        case .individual, .other: self = .other
        }
    }
}
