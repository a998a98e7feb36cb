import CLibXML2
import Foundation
import GrantsCore
import GrantsFiles

/// Writes a spend return as XML in the namespace `urn:lancashire-opcc:grants:return:1`, described by the shipped
/// `Schema/grants-return-1.xsd`, through libxml2's streaming writer.
///
/// Award lines are written one at a time as they come, so memory stays flat however many there are; the same
/// return always gives the same bytes (UTF-8, two-space indent, no time stamps).
public enum ReturnXMLWriter {
    /// The namespace of version 1 of the format.
    public static let namespace = "urn:lancashire-opcc:grants:return:1"
    private static let namespaceName: StaticString = "urn:lancashire-opcc:grants:return:1"

    /// Writes `r` to the file at `path`, replacing it.
    ///
    /// A regular file is written beside the destination and moved into place only once complete, so a failed
    /// write never leaves half a return behind; anything else (a pipe, `/dev/stdout`) is written directly.
    /// Only for a return held in memory: a streamed one is written `into` an `OutputFile` that its caller commits
    /// once the ledger's read has ended well.
    public static func write(_ r: SpendReturn, to path: String) throws(XMLReturnError) {
        let output = try outputFile(path)
        try write(r, into: output)
        try commit(output)
    }

    /// The return as the bytes `write(_:to:)` would put in a file.
    public static func data(_ r: SpendReturn) throws(XMLReturnError) -> [UInt8] {
        LibXML.initialise()
        guard let buffer = xmlBufferCreate() else {
            throw XMLReturnError(.writeFailed, "libxml2 could not create a buffer (out of memory)")
        }
        defer { xmlBufferFree(buffer) }
        guard let raw = xmlNewTextWriterMemory(buffer, 0) else {
            throw XMLReturnError(.writeFailed, "libxml2 could not create a writer (out of memory)")
        }
        let writer = try XMLTextWriter(raw, target: "memory")
        // Free the writer (which flushes into the buffer) before the buffer, on every path.
        defer { writer.free() }
        try LibXML.capturingErrors(into: writer.errors) { () throws(XMLReturnError) in
            try emit(Document(r), into: writer)
            writer.free()
        }
        let count = Int(xmlBufferLength(buffer))
        guard count > 0, let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: count))
    }

    /// Writes a return whose award lines come from any sequence, consuming it once, one line at a time: a million
    /// lines take no more memory than ten. `totals` are written as given (they need not be the lines' sums: tests
    /// write broken returns this way), those per CSP first.
    public static func write(
        header: SpendReturn.Header, lines: some Sequence<SpendReturn.AwardLine>, totals: [SpendReturn.Total],
        contributions: [SpendReturn.ContributionLine], extras: Extras = Extras(), to path: String
    ) throws(XMLReturnError) {
        let output = try outputFile(path)
        let document = Document(
            header: header, lines: lines, totals: totals, funds: [], contributions: contributions,
            budgets: extras.fundBudgets + extras.partnershipBudgets, payments: extras.payments, claims: extras.claims)
        try write(document, into: output)
        try commit(output)
    }

    /// Writes `r` into `output`'s new file without putting it in place, so it can be validated first; errors name
    /// the path the person gave. The caller commits or abandons `output`. The award lines are walked once, and the
    /// totals added up as they go by.
    public static func write(_ r: some SpendReturnContent, into output: OutputFile) throws(XMLReturnError) {
        try write(Document(r), into: output)
    }

    private static func outputFile(_ path: String) throws(XMLReturnError) -> OutputFile {
        do {
            return try OutputFile(path: path)
        } catch {
            throw XMLReturnError(.cannotCreate, error.message, path: path)
        }
    }

    private static func commit(_ output: OutputFile) throws(XMLReturnError) {
        do {
            try output.commit()
        } catch {
            throw XMLReturnError(.writeFailed, error.message, path: output.path)
        }
    }

    private static func write(_ document: Document<some Any, some Any, some Any>, into output: OutputFile)
        throws(XMLReturnError)
    {
        LibXML.initialise()
        let path = output.path
        guard let file = fopen(output.writingPath, "wb") else {
            output.abandon()
            throw XMLReturnError(.cannotCreate, "could not create the file (\(LibXML.systemError()))", path: path)
        }
        do throws(XMLReturnError) {
            guard let buffer = xmlOutputBufferCreateFile(file, nil) else {
                throw XMLReturnError(.writeFailed, "libxml2 could not create an output buffer", path: path)
            }
            // Once the writer exists it owns the buffer (freeing the writer closes it); the file stays ours.
            guard let raw = xmlNewTextWriter(buffer) else {
                xmlOutputBufferClose(buffer)
                throw XMLReturnError(.writeFailed, "libxml2 could not create a writer", path: path)
            }
            let writer = try XMLTextWriter(raw, target: path)
            // Free the writer (which flushes into the file) before the file is closed, on every path.
            defer { writer.free() }
            try LibXML.capturingErrors(into: writer.errors) { () throws(XMLReturnError) in
                try emit(document, into: writer)
                writer.free()
            }
        } catch {
            fclose(file)
            output.abandon()
            throw error
        }
        let flushed = fflush(file) == 0 && ferror(file) == 0
        let flushError = errno
        let closed = fclose(file) == 0
        guard flushed, closed else {
            let reason = LibXML.systemError(flushed ? errno : flushError)
            output.abandon()
            throw XMLReturnError(.writeFailed, "could not write the file (\(reason))", path: path)
        }
    }

    // MARK: - The document

    /// What a return carries beside its award lines, totals and contributions: the budgets of its funds and
    /// partnerships, and the payments and claims of its period.
    public struct Extras: Sendable {
        public var fundBudgets: [StatusReport.Line] = []
        public var partnershipBudgets: [StatusReport.Line] = []
        public var payments: [SpendReturn.PaymentLine] = []
        public var claims: [SpendReturn.ClaimLine] = []

        public init() {}
    }

    /// Everything the document holds, its lines as sequences walked once; `totals` `nil` to add them up from the
    /// lines as they are written.
    fileprivate struct Document<Lines: Sequence<SpendReturn.AwardLine>, Payments: Sequence<SpendReturn.PaymentLine>,
                            Claims: Sequence<SpendReturn.ClaimLine>> {
        let header: SpendReturn.Header
        let lines: Lines
        let totals: [SpendReturn.Total]?
        let funds: [SpendReturn.FundRef]
        let contributions: [SpendReturn.ContributionLine]
        let budgets: [StatusReport.Line]
        let payments: Payments
        let claims: Claims
    }

    private static func emit<Lines, Payments, Claims>(
        _ d: Document<Lines, Payments, Claims>, into w: XMLTextWriter
    ) throws(XMLReturnError) {
        try w.startDocument()
        try w.startRoot("return", namespace: namespaceName)
        try emit(d.header, into: w)
        try w.start("awards")
        var sums = SpendReturn.Totals(funds: d.funds)
        for line in d.lines {
            try emit(line, into: w)
            if d.totals == nil {
                do {
                    try sums.add(line)
                } catch {
                    throw XMLReturnError(.overflow, "the return's totals do not fit in pence: \(error)")
                }
            }
        }
        try w.end()
        let totals: [SpendReturn.Total]
        do {
            totals = try d.totals ?? sums.result()
        } catch {
            throw XMLReturnError(.overflow, "the return's totals do not fit in pence: \(error)")
        }
        try w.start("totals")
        for total in totals where total.level == .csp {
            try emit(total, into: w)
        }
        for total in totals where total.level == .fund {
            try emit(total, into: w)
        }
        try w.end()
        try w.start("contributions")
        for contribution in d.contributions {
            try emit(contribution, into: w)
        }
        try w.end()
        try w.start("budgets")
        for budget in d.budgets { try emit(budget, into: w) }
        try w.end()
        try w.start("payments")
        for payment in d.payments { try emit(payment, into: w) }
        try w.end()
        try w.start("claims")
        for claim in d.claims { try emit(claim, into: w) }
        try w.end()
        try w.end()
        try w.endDocument()
    }

    private static func emit(_ h: SpendReturn.Header, into w: XMLTextWriter) throws(XMLReturnError) {
        try w.start("header")
        if !h.funderID.isEmpty {
            try w.start("funder")
            try w.element("id", h.funderID, field: "the funder's id")
            try w.element("name", h.funderName, field: "the funder's name")
            try w.end()
        }
        try w.start("period")
        try w.element("label", h.period.label, field: "the period label")
        try w.element("financialYear", plain: h.period.year.label)
        if let quarter = h.period.quarter { try w.element("quarter", plain: quarter.rawValue) }
        if let asOf = h.period.asOf { try w.element("asOf", plain: asOf.description) }
        let days = h.period.days
        try w.element("firstDay", plain: days.lowerBound.description)
        try w.element("lastDay", plain: days.upperBound.description)
        try w.end()
        try w.start("scope")
        if let fund = h.fund {
            try w.element("fund", fund, field: "the scope's fund")
        } else {
            try w.empty("allFunds")
        }
        if let csp = h.csp {
            try w.element("csp", csp, field: "the scope's CSP")
        } else {
            try w.empty("allCSPs")
        }
        try w.end()
        try w.element("asOf", plain: h.asOf.description)
        try w.element("fingerprint", h.fingerprint, field: "the fingerprint")
        try w.end()
    }

    private static func emit(_ a: SpendReturn.AwardLine, into w: XMLTextWriter) throws(XMLReturnError) {
        func field(_ name: String) -> String { "award \(a.awardID): \(name)" }
        try w.start("award")
        try w.element("id", a.awardID, field: "an award id")
        try w.element("decision", a.decision, field: field("decision"))
        try w.element("title", a.title, field: field("title"))
        try w.start("recipient")
        try w.element("id", a.recipientID, field: field("recipient id"))
        try w.element("name", a.recipientName, field: field("recipient name"))
        try w.element("charityNumber", a.charityNumber, field: field("charity number"))
        try w.element("companyNumber", a.companyNumber, field: field("company number"))
        try w.end()
        if let cspID = a.cspID {
            try w.start("csp")
            try w.element("id", cspID, field: field("CSP id"))
            try w.element("name", a.cspName, field: field("CSP name"))
            try w.element("locationCode", a.cspLocationCode, field: field("CSP location code"))
            try w.end()
        }
        try w.start("fund")
        try w.element("id", a.fundID, field: field("fund id"))
        try w.element("name", a.fundName, field: field("fund name"))
        try w.element("scheme", plain: a.scheme.rawValue)
        try w.element("schemeName", a.scheme.title, field: field("scheme name"))
        try w.end()
        try w.start("priorities")
        for priority in a.priorities {
            try w.element(
                "priority", priority, attribute: "name", Priority.known[priority] ?? priority, field: field("priority"))
        }
        try w.end()
        try w.element("awardDate", plain: a.awardDate.description)
        try w.element("plannedStart", plain: a.plannedStart.description)
        try w.element("plannedEnd", plain: a.plannedEnd.description)
        try w.element("state", plain: a.state.rawValue)
        if let applied = a.amountAppliedFor { try w.element("appliedFor", plain: applied.plain) }
        try emitMoney(
            awarded: a.awarded, released: a.released, committed: a.committed, paidInPeriod: a.paidInPeriod,
            paidToDate: a.paidToDate, outstanding: a.outstanding, returned: a.returned, into: w)
        try w.end()
    }

    private static func emit(_ t: SpendReturn.Total, into w: XMLTextWriter) throws(XMLReturnError) {
        switch t.level {
        case .csp:
            try w.start("cspTotal")
            try w.element("csp", t.key, field: "a CSP total's CSP")
            if !t.name.isEmpty { try w.element("name", t.name, field: "a CSP total's name") }
            try w.element("fund", t.fundID, field: "a CSP total's fund")
        case .fund:
            try w.start("fundTotal")
            try w.element("fund", t.key, field: "a fund total's fund")
            try w.element("name", t.name, field: "a fund total's name")
        }
        try w.element("awards", plain: String(t.awards))
        try emitMoney(
            awarded: t.awarded, released: t.released, committed: t.committed, paidInPeriod: t.paidInPeriod,
            paidToDate: t.paidToDate, outstanding: t.outstanding, returned: t.returned, into: w)
        try w.end()
    }

    /// The money an award line and a total both carry, in the schema's order.
    private static func emitMoney(
        awarded: Money, released: Money, committed: Money, paidInPeriod: Money, paidToDate: Money,
        outstanding: Money, returned: Money, into w: XMLTextWriter
    ) throws(XMLReturnError) {
        let fields: [(StaticString, Money)] = [
            ("awarded", awarded), ("released", released), ("committed", committed), ("paidInPeriod", paidInPeriod),
            ("paidToDate", paidToDate), ("outstanding", outstanding), ("returned", returned),
        ]
        for (name, amount) in fields {
            try w.element(name, plain: amount.plain)
        }
    }

    private static func emit(_ c: SpendReturn.ContributionLine, into w: XMLTextWriter) throws(XMLReturnError) {
        func field(_ name: String) -> String { "contribution \(c.contributionID): \(name)" }
        try w.start("contribution")
        try w.element("id", c.contributionID, field: "a contribution id")
        try w.start("contributor")
        try w.element("id", c.contributorID, field: field("contributor id"))
        try w.element("name", c.contributorName, field: field("contributor name"))
        try w.end()
        try w.element("service", c.service, field: field("service"))
        try w.element("financialYear", plain: c.year.label)
        try w.element("scheduled", plain: c.scheduled.plain)
        if let day = c.withdrawnOn {
            try w.start("withdrawn")
            try w.element("effective", plain: day.description)
            try w.element("reason", c.withdrawalReason, field: field("withdrawal reason"))
            try w.end()
        }
        try w.element("expected", plain: c.expected.plain)
        try w.element("received", plain: c.received.plain)
        try w.element("outstanding", plain: c.outstanding.plain)
        try w.end()
    }

    private static func emit(_ b: StatusReport.Line, into w: XMLTextWriter) throws(XMLReturnError) {
        let remaining: Money, variance: Money
        do {
            remaining = try b.remaining()
            variance = try b.variance()
        } catch {
            throw XMLReturnError(.overflow, "the budget of \(b.csp?.rawValue ?? b.fundID) does not fit in pence: \(error)")
        }
        if let csp = b.csp {
            try w.start("cspBudget")
            try w.element("csp", csp.rawValue, field: "a CSP budget's CSP")
            try w.element("name", b.cspName, field: "a CSP budget's name")
            try w.element("fund", b.fundID, field: "a CSP budget's fund")
        } else {
            try w.start("fundBudget")
            try w.element("fund", b.fundID, field: "a fund budget's fund")
            try w.element("name", b.fundName, field: "a fund budget's name")
        }
        let amounts: [(StaticString, Money)] = [
            ("budget", b.budget), ("allocated", b.allocated), ("committed", b.committed), ("paidToDate", b.paid),
            ("returned", b.returned), ("remaining", remaining), ("forecast", b.forecast), ("variance", variance),
        ]
        for (name, amount) in amounts { try w.element(name, plain: amount.plain) }
        try w.end()
    }

    private static func emit(_ p: SpendReturn.PaymentLine, into w: XMLTextWriter) throws(XMLReturnError) {
        func field(_ name: String) -> String { "payment \(p.paymentID): \(name)" }
        try w.start("payment")
        try w.element("id", p.paymentID, field: "a payment id")
        try w.element("award", p.awardID, field: field("award"))
        try w.element("claim", p.claimID, field: field("claim"))
        try w.element("date", plain: p.date.description)
        try w.element("amount", plain: p.amount.plain)
        try w.element("reference", p.reference, field: field("reference"))
        try w.end()
    }

    private static func emit(_ c: SpendReturn.ClaimLine, into w: XMLTextWriter) throws(XMLReturnError) {
        func field(_ name: String) -> String { "claim \(c.claimID): \(name)" }
        try w.start("claim")
        try w.element("id", c.claimID, field: "a claim id")
        try w.element("award", c.awardID, field: field("award"))
        try w.element("periodStart", plain: c.periodStart.description)
        try w.element("periodEnd", plain: c.periodEnd.description)
        try w.element("date", plain: c.date.description)
        try w.element("amount", plain: c.amount.plain)
        try w.element("paidBy", c.paidBy, field: field("paid by"))
        try w.end()
    }
}

extension ReturnXMLWriter.Document {
    /// A whole return, its totals added up as the lines are written.
    fileprivate init<R: SpendReturnContent>(_ r: R) where R.Lines == Lines, R.Payments == Payments, R.Claims == Claims {
        self.init(
            header: r.header, lines: r.lines, totals: nil, funds: r.funds, contributions: r.contributions,
            budgets: r.fundBudgets + r.partnershipBudgets, payments: r.payments, claims: r.claims)
    }
}
