extension BrokenReturn {
    /// Valid against the schema, so xmllint passes each of these, but inconsistent: `validate-return` refuses each
    /// with the problems listed. A case that changes a line's figure changes its totals to match, so that only the
    /// rule it is about is broken.
    static let inconsistent: [BrokenReturn] = [
        // The period.
        BrokenReturn(
            "a financial year whose years do not follow",
            [replace("<financialYear>2017/18</financialYear>", "<financialYear>2017/19</financialYear>")],
            [atEdit(notConsecutive("2017/19", "2017/18"))]),
        BrokenReturn(
            "a contribution's financial year whose years do not follow",
            [replace("<financialYear>2017/18</financialYear>", "<financialYear>2018/20</financialYear>",
                     after: "<contributions>")],
            [atEdit(notConsecutive("2018/20", "2018/19"))]),
        BrokenReturn(
            "a first day outside the year",
            [replace("<firstDay>2017-04-01</firstDay>", "<firstDay>2017-03-31</firstDay>")],
            [atEdit("Element 'firstDay': 2017-03-31 is outside the financial year 2017/18 (2017-04-01 to 2018-03-31); "
                + "expected 2017-04-01, the first day of 2017/18.")]),
        BrokenReturn(
            "a last day outside the year",
            [replace("<lastDay>2018-03-31</lastDay>", "<lastDay>2018-04-30</lastDay>")],
            [atEdit("Element 'lastDay': 2018-04-30 is outside the financial year 2017/18 (2017-04-01 to 2018-03-31); "
                + "expected 2018-03-31, the last day of 2017/18.")]),
        BrokenReturn(
            "a quarter's first day that is not the quarter's", in: .quarter3,
            [replace("<firstDay>2017-10-01</firstDay>", "<firstDay>2017-10-02</firstDay>")],
            [atEdit("Element 'firstDay': 2017-10-02 is not the first day of 2017/18 Q3; expected 2017-10-01, the first "
                + "day of 2017/18 Q3.")]),
        BrokenReturn(
            "a year-to-date day outside the year", in: .toDecember,
            [replace("<asOf>2017-12-31</asOf>", "<asOf>2018-04-30</asOf>")],
            [atEdit("Element 'asOf': 2018-04-30 is outside the financial year 2017/18; expected a day from 2017-04-01 "
                + "to 2018-03-31.")]),
        BrokenReturn(
            "a year-to-date last day that is not its day", in: .toDecember,
            [replace("<lastDay>2017-12-31</lastDay>", "<lastDay>2017-12-30</lastDay>")],
            [atEdit("Element 'lastDay': 2017-12-30 is not the last day of 2017/18 to 2017-12-31; expected 2017-12-31, "
                + "the last day of 2017/18 to 2017-12-31.")]),
        BrokenReturn(
            "an as-of date that is not the period's last day",
            [replace("<asOf>2018-03-31</asOf>", "<asOf>2018-03-30</asOf>", after: "</scope>")],
            [atEdit("Element 'asOf': 2018-03-30 is not the period's last day; expected 2018-03-31, the last day of "
                + "2017/18.")]),
        BrokenReturn(
            "a label that names another period", in: .quarter3,
            [replace("<label>2017/18 Q3</label>", "<label>2017/18 Q2</label>")],
            [atEdit("Element 'label': '2017/18 Q2' does not name the period; expected '2017/18 Q3'.")]),
        // The award lines.
        BrokenReturn(
            "an award date after the as-of day",
            [replace("<awardDate>2017-09-25</awardDate>", "<awardDate>2018-04-02</awardDate>")],
            [atEdit("Element 'awardDate': 2018-04-02 is after the period's last day, 2018-03-31; expected a day from "
                + "2017-04-01 to 2018-03-31.")]),
        BrokenReturn(
            "an award date before the year",
            [replace("<awardDate>2017-07-24</awardDate>", "<awardDate>2017-03-31</awardDate>")],
            [atEdit("Element 'awardDate': 2017-03-31 is before the financial year 2017/18; expected a day from "
                + "2017-04-01 to 2018-03-31.")]),
        BrokenReturn(
            "an award date after the quarter", in: .quarter3,
            [replace("<awardDate>2017-07-24</awardDate>", "<awardDate>2018-01-15</awardDate>")],
            [atEdit("Element 'awardDate': 2018-01-15 is after the period's last day, 2017-12-31; expected a day from "
                + "2017-04-01 to 2017-12-31.")]),
        BrokenReturn(
            "a planned start after the planned end",
            [replace("<plannedStart>2017-08-26</plannedStart>", "<plannedStart>2017-10-29</plannedStart>")],
            [at("<plannedEnd>2017-10-28</plannedEnd>", "Element 'plannedEnd': 2017-10-28 is before the plannedStart, "
                + "2017-10-29; expected a day on or after it.")]),
        BrokenReturn(
            "committed that is not awarded less released",
            [
                replace("<committed>0.00</committed>", "<committed>5000.00</committed>", after: burnleyAward),
                replace("<committed>0.00</committed>", "<committed>5000.00</committed>", after: burnleyTotal),
                replace("<committed>83250.00</committed>", "<committed>88250.00</committed>"),
            ],
            [atEdit("Element 'committed': 5000.00 is not awarded less released (5000.00 - 5000.00); expected 0.00.")]),
        BrokenReturn(
            "outstanding that is not committed less paid to date",
            [
                replace("<outstanding>1200.00</outstanding>", "<outstanding>0.00</outstanding>", after: thirdCAFAward),
                replace("<outstanding>2175.00</outstanding>", "<outstanding>975.00</outstanding>"),
            ],
            [atEdit("Element 'outstanding': 0.00 is not committed less paid to date (2400.00 - 1200.00); expected "
                + "1200.00.")]),
        BrokenReturn(
            "released more than awarded",
            [
                replace("<released>0.00</released>", "<released>1000.00</released>", after: fifthCAFAward),
                replace("<released>0.00</released>", "<released>1000.00</released>", after: cafTotal),
            ],
            [atEdit("Element 'released': 1000.00 is more than the 975.00 awarded; expected at most 975.00.")]),
        BrokenReturn(
            "paid to date more than committed",
            [
                replace("<paidToDate>0.00</paidToDate>", "<paidToDate>1000.00</paidToDate>", after: fifthCAFAward),
                replace("<outstanding>975.00</outstanding>", "<outstanding>0.00</outstanding>", after: fifthCAFAward),
                replace("<paidToDate>7750.00</paidToDate>", "<paidToDate>8750.00</paidToDate>", after: cafTotal),
                replace("<outstanding>2175.00</outstanding>", "<outstanding>1200.00</outstanding>", after: cafTotal),
            ],
            [atEdit("Element 'paidToDate': 1000.00 is more than the 975.00 committed (awarded less released); expected "
                + "at most 975.00.")]),
        BrokenReturn(
            "paid in the period more than paid to date",
            [
                replace("<paidInPeriod>1200.00</paidInPeriod>", "<paidInPeriod>1500.00</paidInPeriod>",
                        after: thirdCAFAward),
                replace("<paidInPeriod>7750.00</paidInPeriod>", "<paidInPeriod>8050.00</paidInPeriod>",
                        after: cafTotal),
            ],
            [atEdit("Element 'paidInPeriod': 1500.00 is more than the 1200.00 paid to date; expected at most "
                + "1200.00.")]),
        BrokenReturn(
            "awards outside the return's CSP", in: .southRibble,
            [replace("<csp>\(southRibble)</csp>", "<csp>\(chorley)</csp>")],
            [
                at("<id>\(southRibble)</id>", after: "<id>AWD-CSP-2017-18-SRI-01</id>", awardOutsideCSP),
                at("<id>\(southRibble)</id>", after: "<id>AWD-CSP-2017-18-SRI-02</id>", awardOutsideCSP),
                at("<id>\(southRibble)</id>", after: "<id>AWD-CSP-2017-18-SRI-03</id>", awardOutsideCSP),
                at("<csp>\(southRibble)</csp>", after: "<totals>", "Element 'csp': the total's CSP \(southRibble) is "
                    + "outside the return's scope; expected \(chorley)."),
            ]),
        // The totals.
        BrokenReturn(
            "a fund total that is not the sum of its lines",
            [replace("<awarded>9925.00</awarded>", "<awarded>9952.00</awarded>")],
            [atEdit("Element 'awarded': the total of fund CAF-2017-18 is 9952.00, but its award lines add up to "
                + "9925.00; expected 9925.00.")]),
        BrokenReturn(
            "a fund total that miscounts its lines",
            [replace("<awards>5</awards>", "<awards>6</awards>", after: cafTotal)],
            [atEdit("Element 'awards': the total of fund CAF-2017-18 counts 6 award lines, but the return has 5; "
                + "expected 5.")]),
        BrokenReturn(
            "a CSP total that is not the sum of its lines",
            [replace("<paidToDate>12500.00</paidToDate>", "<paidToDate>12000.00</paidToDate>",
                     after: "<csp>360G-LancashirePCC-CSP-BLACKBURN-WITH-DARWEN</csp>")],
            [atEdit("Element 'paidToDate': the total of CSP 360G-LancashirePCC-CSP-BLACKBURN-WITH-DARWEN in fund "
                + "CSP-2017-18 is 12000.00, but its award lines add up to 12500.00; expected 12500.00.")]),
        BrokenReturn(
            "a fund total with no lines that is not zero",
            [replace("<awarded>0.00</awarded>", "<awarded>100.00</awarded>", after: "<fund>IDVA-2017-18</fund>")],
            [atEdit("Element 'awarded': the total of fund IDVA-2017-18 is 100.00, but its award lines add up to 0.00; "
                + "expected 0.00.")]),
        // The contributions.
        BrokenReturn(
            "a contribution's outstanding that is not expected less received",
            [replace("<outstanding>0.00</outstanding>", "<outstanding>8000.00</outstanding>",
                     after: "<contributions>")],
            [atEdit("Element 'outstanding': 8000.00 is not expected less received, never below zero (8000.00 - "
                + "8000.00); expected 0.00.")]),
    ]

    static let thirdCAFAward = "<id>AWD-CAF-2017-18-03</id>"
    static let fifthCAFAward = "<id>AWD-CAF-2017-18-05</id>"
    static let burnleyAward = "<id>AWD-CSP-2017-18-BUR-01</id>"
    static let burnleyTotal = "<csp>360G-LancashirePCC-CSP-BURNLEY</csp>"
    static let cafTotal = "<fund>CAF-2017-18</fund>"
    static let southRibble = "360G-LancashirePCC-CSP-SOUTH-RIBBLE"
    static let chorley = "360G-LancashirePCC-CSP-CHORLEY"
    static let awardOutsideCSP =
        "Element 'id': the award's CSP \(southRibble) is outside the return's scope; expected \(chorley)."

    static func notConsecutive(_ label: String, _ expected: String) -> String {
        "Element 'financialYear': \(label) is not a financial year: its second year does not follow the first; "
            + "expected \(expected)."
    }
}
