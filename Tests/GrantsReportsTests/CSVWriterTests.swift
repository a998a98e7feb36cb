import Testing
@testable import GrantsReports

@Suite struct CSVWriterTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\",\"click\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""),
        ("+44 1772 000000", "'+44 1772 000000"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTabbed", "'\tTabbed"),
        ("\rReturn", "\"'\rReturn\""),
        ("Plain text", "Plain text"),
        ("Comma, inside", "\"Comma, inside\""),
        ("Quote \" inside", "\"Quote \"\" inside\""),
        ("Line\nbreak", "\"Line\nbreak\""),
        // A CRLF is one Character in Swift, neither "\r" nor "\n": it must be quoted all the same.
        ("Windows\r\nline break", "\"Windows\r\nline break\""),
        ("Ends with a CRLF\r\n", "\"Ends with a CRLF\r\n\""),
        ("£10,000 for Ōtautahi", "\"£10,000 for Ōtautahi\""),
    ])
    func textCellsAreInertAndQuoted(input: String, expected: String) {
        var writer = CSVWriter()
        writer.row([.text(input)])
        #expect(writer.output == expected + "\r\n")
    }

    @Test func valuesWithACRLFAreQuotedToo() {
        var bytes: [UInt8] = []
        CSVWriter.row(values: ["a\r\nb", "c"], into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a\r\nb\",c\r\n")
    }

    @Test func valuesAreWrittenAsGiven() {
        var writer = CSVWriter()
        writer.row([.value("-12.34"), .value("2017/18"), .text("x")])
        writer.row(values: ["a", "b"])
        #expect(writer.output == "-12.34,2017/18,x\r\na,b\r\n")
    }
}

@Suite struct JSONValueTests {
    @Test func keepsKeyOrderAndEscapes() {
        let value = JSONValue.object([
            ("z", .string("quote \" back \\ newline \n tab \t bell \u{07} £")),
            ("a", .array([.int(-1), .bool(true), .null, .array([]), .object([])])),
        ])
        #expect(value.rendered() == """
            {
              "z": "quote \\" back \\\\ newline \\n tab \\t bell \\u0007 £",
              "a": [
                -1,
                true,
                null,
                [],
                {}
              ]
            }
            """)
    }
}

@Suite struct TextTableTests {
    @Test func alignsColumnsAndRulesOffFooters() {
        var table = TextTable([("Name", .left), ("Amount", .right)])
        table.add(["South Ribble", "£10,000.00"])
        table.add(["Wyre", "£5.00"])
        table.addFooter(["Total", "£10,005.00"])
        #expect(table.rendered() == """
            Name              Amount
            ------------------------
            South Ribble  £10,000.00
            Wyre               £5.00
            ------------------------
            Total         £10,005.00

            """)
    }
}

@Suite struct HTMLTextTests {
    /// A quote followed by a combining mark is one Swift Character; it is escaped all the same, as a browser reads
    /// the scalars and would end an attribute at the quote.
    @Test func quotesAreEscapedEvenWithACombiningMarkAfterThem() {
        let typed = "\"" + "\u{301} onmouseover=x '" + "\u{301}" + " <b>&"
        let escaped = "&quot;" + "\u{301} onmouseover=x &#39;" + "\u{301}" + " &lt;b&gt;&amp;"
        #expect(HTMLText.escape(typed) == escaped)
    }
}

