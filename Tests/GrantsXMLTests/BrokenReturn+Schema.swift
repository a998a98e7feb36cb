extension BrokenReturn {
    /// Broken in ways the schema says: xmllint refuses each of these on its own.
    static let refusedBySchema: [BrokenReturn] = [
        BrokenReturn(
            "a negative amount on an award line",
            [replace("<awarded>2500.00</awarded>", "<awarded>-2500.00</awarded>", after: firstCAFAward)],
            [atEdit(pattern("awarded", "-2500.00", money))]),
        BrokenReturn(
            "a negative amount in a total",
            [replace("<returned>0.00</returned>", "<returned>-0.01</returned>", after: "<fund>IDVA-2017-18</fund>")],
            [atEdit(pattern("returned", "-0.01", money))]),
        BrokenReturn(
            "an amount with a leading zero",
            [replace("<awarded>2500.00</awarded>", "<awarded>02500.00</awarded>", after: firstCAFAward)],
            [atEdit(pattern("awarded", "02500.00", money))]),
        BrokenReturn(
            "an amount past what 64-bit pence hold",
            [replace("<awarded>2500.00</awarded>", "<awarded>92233720368547758.08</awarded>", after: firstCAFAward)],
            [atEdit("Element 'awarded': [facet 'maxInclusive'] The value '92233720368547758.08' is greater than the "
                + "maximum value allowed ('92233720368547758.07').")]),
        BrokenReturn(
            "a financial year before 1000/01",
            [replace("<financialYear>2017/18</financialYear>", "<financialYear>0217/18</financialYear>")],
            [atEdit(pattern("financialYear", "0217/18", "[1-9][0-9]{3}/[0-9]{2}"))]),
        BrokenReturn(
            "an award whose fund has no fund total",
            [replace("<id>CAF-2017-18</id>", "<id>CAF-2017-19</id>", after: "<id>AWD-CAF-2017-18-02</id>")],
            [at("<fund>", after: "<id>AWD-CAF-2017-18-02</id>",
                "Element 'fund': No match found for key-sequence ['CAF-2017-19'] of keyref 'awardFundTotal'.")]),
        BrokenReturn(
            "an award whose CSP has no CSP total",
            [replace("<id>360G-LancashirePCC-CSP-BURNLEY</id>", "<id>360G-LancashirePCC-CSP-PENDLE</id>")],
            [at("<award>", after: blackpoolAward, noCSPTotal("360G-LancashirePCC-CSP-PENDLE"))]),
        BrokenReturn(
            "a CSP total whose fund has no fund total",
            [replace("<fund>CSP-2017-18</fund>", "<fund>CSP-2017-19</fund>",
                     after: "<csp>360G-LancashirePCC-CSP-BURNLEY</csp>")],
            [
                // Burnley's award has lost its CSP total too.
                at("<award>", after: blackpoolAward, noCSPTotal("360G-LancashirePCC-CSP-BURNLEY")),
                at("<cspTotal>", after: "<csp>360G-LancashirePCC-CSP-BLACKPOOL</csp>",
                   "Element 'cspTotal': No match found for key-sequence ['CSP-2017-19'] of keyref "
                       + "'cspTotalFundTotal'."),
            ]),
        BrokenReturn(
            "a fund total given twice",
            [replace("<fund>IDVA-2017-18</fund>", "<fund>CAF-2017-18</fund>", after: "<totals>")],
            [at("<fundTotal>", after: "<name>Community Safety Partnership grant 2017/18</name>\n      <awards>",
                "Element 'fundTotal': Duplicate key-sequence ['CAF-2017-18'] in key identity-constraint "
                    + "'fundTotalKey'.")]),
        BrokenReturn(
            "a location code that is not an ONS code",
            [replace("<locationCode>E07000117</locationCode>", "<locationCode>somewhere</locationCode>")],
            [atEdit(pattern("locationCode", "somewhere", "[EJKLMNSW][0-9]{8}"))]),
        BrokenReturn(
            "a charity number that is not one",
            [replace("<charityNumber>9990003</charityNumber>", "<charityNumber>abc</charityNumber>")],
            [atEdit(pattern("charityNumber", "abc", "[0-9]{6,7}(-[0-9]{1,3})?|SC[0-9]{6}|NIC[0-9]{6}"))]),
        BrokenReturn(
            "a company number that is not one",
            [replace("<charityNumber>9990003</charityNumber>",
                     "<charityNumber>9990003</charityNumber><companyNumber>abc</companyNumber>")],
            [atEdit(pattern("companyNumber", "abc", "[0-9]{8}|[A-Z]{2}[0-9]{6}|[A-Z][0-9]{7}"))]),
        BrokenReturn(
            "a recipient id that is not an org-id",
            [replace("<id>360G-LancashirePCC-ORG-0001</id>", "<id>x</id>")],
            [atEdit(pattern("id", "x", organisationID))]),
        BrokenReturn(
            "a contributor id that is not an org-id",
            [replace("<id>GB-LAE-SRI</id>", "<id>South Ribble</id>", after: "<contributions>")],
            [atEdit(pattern("id", "South Ribble", organisationID))]),
        BrokenReturn(
            "a decision reference with a space",
            [replace("<decision>2017/90</decision>", "<decision>2017 90</decision>")],
            [atEdit(pattern("decision", "2017 90", #"[A-Za-z0-9][A-Za-z0-9\-._/]{0,99}"#))]),
        BrokenReturn(
            "a period with both a quarter and a year-to-date day",
            [replace("<financialYear>2017/18</financialYear>",
                     "<financialYear>2017/18</financialYear><quarter>Q4</quarter><asOf>2018-03-31</asOf>")],
            [atEdit("Element 'asOf': This element is not expected. Expected is ( firstDay ).")]),
    ]

    static let firstCAFAward = "<id>AWD-CAF-2017-18-01</id>"
    /// The award before Burnley's.
    static let blackpoolAward = "<id>AWD-CSP-2017-18-BPL-01</id>"
    static let money = #"(0|[1-9][0-9]*)\.[0-9]{2}"#
    static let organisationID = #"([A-Z]{2}-[A-Z0-9]{2,8}|360G-[A-Za-z0-9]+)-[A-Za-z0-9\-._]+"#

    /// libxml2's message for a value its type's pattern refuses.
    static func pattern(_ element: String, _ value: String, _ pattern: String) -> String {
        "Element '\(element)': [facet 'pattern'] The value '\(value)' is not accepted by the pattern '\(pattern)'."
    }

    /// libxml2's message for a CSP award line of CSP-2017-18 with no total for its CSP.
    static func noCSPTotal(_ csp: String) -> String {
        "Element 'award': No match found for key-sequence ['\(csp)', 'CSP-2017-18'] of keyref 'awardCSPTotal'."
    }
}
