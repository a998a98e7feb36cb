import Foundation
import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules
import GrantsStore
import GrantsTestSupport
import GrantsWorkflows
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import GrantsWeb

/// The checker's upload of a bid file: read as `grants check` reads the file, refused next to the file input with
/// the file's line and field, and never read past its limits.
@Suite struct UploadTests {
    static let uri = "/schemes/community-action-fund/2017-18/check/file"
    static let token = String(repeating: "0123456789abcdef", count: 4)
    static let boundary = "----grants-test-boundary-7MA4YWxkTrZu0gW"
    /// Nine levels of ten aliases each, the last level used as a key.
    static let aliasBomb: String = {
        var lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for (previous, name) in zip(names, names.dropFirst()) {
            lines.append("\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
        }
        lines.append("*i : 1")
        return lines.joined(separator: "\n") + "\n"
    }()

    private func withSite(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let site = try Site(store: try Fixtures.sampleLedger(reason: "web"))
        try await Application(router: site.router()).test(.router, body)
    }

    /// A body as a browser sends the upload form: the token, then the file (with its name as given).
    static func body(filename: String?, _ bytes: [UInt8], token: String? = UploadTests.token) -> [UInt8] {
        var out: [UInt8] = []
        func line(_ text: String) { out += Array((text + "\r\n").utf8) }
        if let token {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"csrf\"")
            line("")
            line(token)
        }
        line("--\(boundary)")
        if let filename {
            line("Content-Disposition: form-data; name=\"bid-file\"; filename=\"\(filename)\"")
            line("Content-Type: application/octet-stream")
        } else {
            line("Content-Disposition: form-data; name=\"bid-file\"; filename=\"\"")
        }
        line("")
        out += bytes
        line("")
        out += Array("--\(boundary)--\r\n".utf8)
        return out
    }

    private static func upload(
        _ client: any TestClientProtocol, _ body: [UInt8], token: String? = UploadTests.token,
        type: String = "multipart/form-data; boundary=\(UploadTests.boundary)",
        _ check: @escaping @Sendable (TestResponse) async throws -> Void
    ) async throws {
        var headers: HTTPFields = [.contentType: type]
        if let token { headers[.cookie] = "\(CSRF(secure: false).cookie)=\(token)" }
        try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body), testCallback: check)
    }

    /// Each sample bid of the Community Action Fund 2017/18, uploaded as the file it is, gets the verdict
    /// `grants check` gives it alone, and its answers fill the form.
    @Test(arguments: ["caf-friday-boxing.yaml", "caf-over-cap.yaml", "caf-individual.yaml", "caf-retrospective.yaml",
                      "caf-repeat.json"])
    func aSampleBidFileGetsItsVerdict(file: String) async throws {
        let path = PackageFiles.bids + "/" + file
        let bid = try BidFile.read(file: path)[0].value
        let ledger = try Fixtures.sampleLedger(reason: "web")
        var library = try RulebookLibrary()
        let verdict = try #require(try BidScreening.screen([bid], rulebooks: &library, store: ledger).verdicts.first)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        try await withSite { client in
            try await Self.upload(client, Self.body(filename: file, bytes)) { response in
                #expect(response.status == .ok, "\(file): \(String(buffer: response.body).prefix(600))")
                let page = String(buffer: response.body)
                CheckerFormTests.expectVerdictShown(page, verdict, file)
                #expect(page.contains("id=\"title\" name=\"title\" type=\"text\" value=\"\(HTMLText.escape(bid.title))\""), "\(file)")
                #expect(page.contains("id=\"requested\" name=\"requested\" type=\"text\" value=\"\(bid.requested.plain)\""), "\(file)")
            }
        }
    }

    /// The form filled from a bid reads back as the same bid: a file's answers can be changed and checked again.
    @Test(arguments: ["caf-friday-boxing.yaml", "caf-over-cap.yaml", "caf-individual.yaml", "caf-retrospective.yaml",
                      "csp-south-ribble.yaml", "csp-over-allocation.yaml"])
    func theFormFilledFromABidReadsBackAsTheSameBid(file: String) throws {
        let bid = try BidFile.read(file: PackageFiles.bids + "/" + file)[0].value
        let library = try RulebookLibrary.shipped()
        let book = try #require(library.rulebook(scheme: bid.scheme, year: bid.year))
        let again = try Checker.bid(from: Checker.form(from: bid), book: book)
        #expect(again.applicant == bid.applicant)
        #expect(again.requested == bid.requested && again.totalProjectCost == bid.totalProjectCost)
        #expect(again.submitted == bid.submitted && again.plannedStart == bid.plannedStart && again.plannedEnd == bid.plannedEnd)
        #expect(again.title == bid.title && again.description == bid.description && again.csp == bid.csp)
        #expect(again.priorities == bid.priorities && again.worksWith == bid.worksWith && again.locations == bid.locations)
        #expect(again.budget == bid.budget)
    }

    @Test func noFileChosenIsAskedFor() async throws {
        try await withSite { client in
            try await Self.upload(client, Self.body(filename: nil, [])) { response in
                #expect(response.status == .unprocessableContent)
                let page = String(buffer: response.body)
                #expect(page.contains("<title>Error: "))
                #expect(page.contains("<a href=\"#bid-file\">Select a bid file</a>"))
                #expect(page.contains("<p id=\"bid-file-error\" class=\"error-message\">"))
                #expect(page.contains("aria-describedby=\"bid-file-hint bid-file-error\""))
            }
        }
    }

    /// Each file refused, with what the page says next to the file input.
    @Test(arguments: [
        ("bid.txt", Array("format: grants-bid/1\n".utf8), "must be a YAML or JSON bid file"),
        ("bid.yaml", [], "The selected file is empty"),
        ("bid.yaml", Array("format: grants-bid/1\nid: X\nscheme: community-action-fund\n".utf8), "bid.yaml, line"),
        ("bid.json", Array("{\"format\": \"grants-bid/1\", ".utf8), "bid.json, line 1"),
        ("bid.yaml", [0xFF, 0xFE, 0x00, 0x41], "bid.yaml"),
        ("C:\\Users\\me\\bid.yml", Array("- a list\n".utf8), "bid.yml, line 1"),
        // Aliases of aliases, the last used as a key: refused before the YAML library would hash a billion nodes.
        ("bomb.yaml", Array(UploadTests.aliasBomb.utf8), "bomb.yaml, line 10: anchors and aliases"),
    ] as [(String, [UInt8], String)])
    func aFileThatIsNotABidIsRefusedNextToItsInput(name: String, content: [UInt8], says: String) async throws {
        try await withSite { client in
            try await Self.upload(client, Self.body(filename: name, content)) { response in
                #expect(response.status == .unprocessableContent, "\(name)")
                let page = String(buffer: response.body)
                #expect(page.contains("<a href=\"#bid-file\">"), "\(name)")
                let error = page.range(of: "<p id=\"bid-file-error\" class=\"error-message\">").map { page[$0.upperBound...].prefix(300) }
                #expect(error?.contains(HTMLText.escape(says)) == true, "\(name): \(error ?? "no error shown")")
                #expect(!page.contains("C:\\Users"), "the folders of the sender's machine are not shown")
            }
        }
    }

    @Test func aBidForAnotherSchemeIsSentToItsOwnPage() async throws {
        let path = PackageFiles.bids + "/csp-south-ribble.yaml"
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        try await withSite { client in
            try await Self.upload(client, Self.body(filename: "csp-south-ribble.yaml", bytes)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("is a bid for csp-grant 2017/18; this page checks bids for"))
            }
        }
    }

    @Test func anUploadWithoutItsTokenOrNotMultipartOrMalformedOrTooLargeIsRefused() async throws {
        let bytes = Array("format: grants-bid/1\n".utf8)
        try await withSite { client in
            try await Self.upload(client, Self.body(filename: "bid.yaml", bytes, token: nil), token: nil) { response in
                #expect(response.status == .forbidden)
            }
            try await Self.upload(client, Self.body(filename: "bid.yaml", bytes), type: "application/json") { response in
                #expect(response.status == .unsupportedMediaType)
            }
            // No closing boundary: the body ends part way through the file.
            let cut = Array(Self.body(filename: "bid.yaml", bytes).dropLast(20))
            try await Self.upload(client, cut) { response in
                #expect(response.status == .badRequest)
            }
            // A file of 1 MiB and one byte: said next to the input.
            let big = [UInt8](repeating: 0x23, count: BidFile.maximumSingleBidSize + 1)
            try await Self.upload(client, Self.body(filename: "big.yaml", big)) { response in
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("The selected file must be 1 MiB or smaller"))
            }
            // A body over the upload's limit is not read at all.
            let huge = [UInt8](repeating: 0x23, count: Site.uploadLimit + 1)
            try await Self.upload(client, Self.body(filename: "huge.yaml", huge)) { response in
                #expect(response.status == .contentTooLarge)
            }
        }
    }
}

/// The `multipart/form-data` reader on its own.
@Suite struct MultipartTests {
    @Test func theBoundaryIsReadFromTheContentType() {
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=abc") == "abc")
        #expect(Multipart.boundary(contentType: "Multipart/Form-Data;boundary=\"a b:c\"") == "a b:c")
        #expect(Multipart.boundary(contentType: "multipart/form-data; charset=utf-8; boundary=x-y") == "x-y")
        #expect(Multipart.boundary(contentType: "multipart/mixed; boundary=abc") == nil)
        #expect(Multipart.boundary(contentType: "multipart/form-data") == nil)
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=") == nil)
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "a", count: 71)) == nil)
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=a\u{7F}b") == nil)
    }

    /// A quote or `;` followed by a combining mark (one Swift Character with it) still ends what it ends.
    @Test func parametersAreReadAScalarAtATime() {
        let mark = "\u{301}"
        let items = Multipart.parameters("form-data; name=\"a\"" + mark + "; filename=\"b.yaml\"")
        #expect(items.map(\.name) == ["form-data", "name", "filename"])
        #expect(items.map(\.value) == [nil, "a", "b.yaml"])
        let token = Multipart.parameters("form-data;" + mark + " name = x ")
        #expect(token.last?.value == "x")
    }

    @Test func partsAreReadWithTheirNamesFilesAndBytes() throws {
        let body = Array((
            "preamble to ignore\r\n--B\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nt0k\r\n"
                + "--B  \r\ncontent-disposition: form-data; name=\"f\"; filename=\"a;b.yaml\"\r\nContent-Type: x\r\n\r\n"
                + "line 1\r\n-- B is not it\r\nnor is x--B\r\n--B--\r\nepilogue"
        ).utf8)
        let form = try #require(Multipart(body: body, boundary: "B"))
        #expect(form.parts.count == 2)
        #expect(form.fields["csrf"] == "t0k")
        let file = try #require(form.file("f"))
        #expect(file.filename == "a;b.yaml")
        #expect(String(decoding: file.bytes, as: UTF8.self) == "line 1\r\n-- B is not it\r\nnor is x--B")
        #expect(form.file("csrf") == nil)
        // A part with no content at all: its separator follows its headers' line break directly.
        let empty = Array("--B\r\nContent-Disposition: form-data; name=\"e\"\r\n\r\n--B\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--B--".utf8)
        let two = try #require(Multipart(body: empty, boundary: "B"))
        #expect(two.parts.map(\.name) == ["e", "f"])
        #expect(two.fields["e"] == "" && two.fields["f"] == "x")
    }

    @Test(arguments: [
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno closing boundary",
        "--B\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--B--",
        "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--",
        "--B\r\nno colon here\r\n\r\nx\r\n--B--",
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\nno blank line before the end\r\n--B--",
        "--Bx\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--B--",
        "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--Bnot the end\r\n--B--",
        "no boundary at all",
        "",
    ])
    func aMalformedBodyIsRefusedWhole(text: String) {
        #expect(Multipart(body: Array(text.utf8), boundary: "B") == nil, "\(text.debugDescription)")
    }

    @Test func tooManyPartsOrHeadersTooLongAreRefused() {
        let part = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n"
        let many = String(repeating: part, count: Multipart.maximumParts + 1) + "--B--\r\n"
        #expect(Multipart(body: Array(many.utf8), boundary: "B") == nil)
        let enough = String(repeating: part, count: Multipart.maximumParts) + "--B--\r\n"
        #expect(Multipart(body: Array(enough.utf8), boundary: "B")?.parts.count == Multipart.maximumParts)
        let long = "--B\r\nContent-Disposition: form-data; name=\"a\"\r\nX: "
            + String(repeating: "y", count: Multipart.maximumHeaderBytes) + "\r\n\r\nx\r\n--B--\r\n"
        #expect(Multipart(body: Array(long.utf8), boundary: "B") == nil)
    }

    /// Any bytes at all, cut anywhere: the reader answers (a form or nil) and never traps.
    @Test func anyPrefixOfABodyIsReadOrRefusedWithoutATrap() {
        let body = UploadTests.body(filename: "bid.yaml", Array("format: grants-bid/1\r\n--x\r\n".utf8))
        for end in 0...body.count {
            let form = Multipart(body: Array(body[..<end]), boundary: UploadTests.boundary)
            if end == body.count { #expect(form?.parts.count == 2) }
        }
    }
}

/// How the site is reached and how long it waits: cookies and headers behind TLS, and a body too slow to arrive.
@Suite struct SettingsTests {
    @Test func behindTLSTheCookieIsSecureAndHostOnlyAndHSTSIsSent() async throws {
        let site = try Site(store: nil, settings: Site.Settings(behindTLS: true))
        try await Application(router: site.router()).test(.router) { client in
            try await client.execute(uri: "/schemes/community-action-fund/2017-18/check", method: .get) { response in
                let cookie = response.headers[.setCookie] ?? ""
                #expect(cookie.hasPrefix("__Host-grants-csrf="), "\(cookie)")
                #expect(cookie.contains("Secure") && cookie.contains("Path=/") && !cookie.contains("Domain"), "\(cookie)")
                #expect(response.headers[HTTPField.Name("Strict-Transport-Security")!] == "max-age=31536000")
            }
        }
        let plain = try Site(store: nil)
        try await Application(router: plain.router()).test(.router) { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.headers[HTTPField.Name("Strict-Transport-Security")!] == nil)
            }
        }
    }

    /// A body that never finishes arriving is answered 408 once the request timeout has passed (the time limit
    /// only stops a hang: how soon the timeout fires depends on how busy the test run keeps the machine).
    @Test(.timeLimit(.minutes(2))) func aBodyTooSlowToArriveIsARequestTimeout() async throws {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        continuation.yield(ByteBuffer(string: "format: grants-bid/1\n"))
        let request = Request(
            head: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/api/v1/bids/check"),
            body: RequestBody(asyncSequence: stream))
        await #expect {
            _ = try await BodyGuard<SiteContext>.read(request.body, limit: Site.bodyLimit, timeout: .milliseconds(200))
        } throws: { error in
            (error as? Problem)?.status == .requestTimeout
        }
        continuation.finish()
        // A body that does arrive in time is read whole.
        let (done, ending) = AsyncStream<ByteBuffer>.makeStream()
        ending.yield(ByteBuffer(string: "{}"))
        ending.finish()
        let quick = Request(
            head: HTTPRequest(method: .post, scheme: "http", authority: "localhost", path: "/api/v1/bids/check"),
            body: RequestBody(asyncSequence: done))
        #expect(String(buffer: try await BodyGuard<SiteContext>.read(
            quick.body, limit: Site.bodyLimit, timeout: .seconds(60))) == "{}")
        // A body over the limit is refused whole.
        let (big, sending) = AsyncStream<ByteBuffer>.makeStream()
        sending.yield(ByteBuffer(repeating: 0x20, count: 10))
        sending.yield(ByteBuffer(repeating: 0x20, count: 10))
        sending.finish()
        await #expect {
            _ = try await BodyGuard<SiteContext>.read(RequestBody(asyncSequence: big), limit: 15, timeout: .seconds(60))
        } throws: { error in
            (error as? Problem)?.status == .contentTooLarge
        }
    }
}

/// What the page shows after an upload, sent back unchanged, is the same bid: every answer the file gave is on the
/// page, in an input, a ticked box or a hidden field.
@Suite struct UploadRoundTripTests {
    /// The fields a browser would send from the page's checker form: text inputs and areas, ticked boxes and
    /// radios, hidden inputs.
    static func fields(of page: String) throws -> [(String, String)] {
        let start = try #require(page.range(of: "action=\"/schemes/community-action-fund/2017-18/check\""))
        let form = page[start.upperBound...]
        var pairs: [(String, String)] = []
        func attribute(_ name: String, in tag: Substring) -> String? {
            guard let range = tag.range(of: " \(name)=\"") else { return nil }
            let rest = tag[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            return unescape(String(rest[..<end]))
        }
        func unescape(_ text: String) -> String {
            text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
        var rest = form
        while let open = rest.range(of: "<input") ?? rest.range(of: "<textarea") {
            let tagEnd = try #require(rest[open.upperBound...].firstIndex(of: ">"))
            let tag = rest[open.lowerBound...tagEnd]
            if let name = attribute("name", in: tag) {
                if tag.hasPrefix("<textarea") {
                    let body = rest[rest.index(after: tagEnd)...]
                    let close = try #require(body.range(of: "</textarea>"))
                    pairs.append((name, unescape(String(body[..<close.lowerBound]))))
                } else {
                    let type = attribute("type", in: tag) ?? "text"
                    if type == "checkbox" || type == "radio" {
                        if tag.contains(" checked") { pairs.append((name, attribute("value", in: tag) ?? "on")) }
                    } else {
                        pairs.append((name, attribute("value", in: tag) ?? ""))
                    }
                }
            }
            rest = rest[rest.index(after: tagEnd)...]
        }
        return pairs
    }

    @Test func aFileWithAnswersTheFormDoesNotOfferComesBackTheSame() async throws {
        // The Friday boxing bid with VAT left unsaid on every line, 60 budget lines, a priority and a place the
        // rulebook does not list, and a CSP on a scheme that does not ask for one.
        var text = try String(contentsOfFile: PackageFiles.bids + "/caf-friday-boxing.yaml", encoding: .utf8)
        let budget = text.range(of: "budget:")!
        text = String(text[..<budget.lowerBound])
        text = text.replacingOccurrences(of: "priorities: [anti-social-behaviour, reoffending]",
                                         with: "priorities: [anti-social-behaviour, not-a-listed-priority]")
        text = text.replacingOccurrences(of: "locations: [South Ribble]", with: "locations: [South Ribble, Atlantis]")
        text += "csp: 360G-LancashirePCC-CSP-PRESTON\nbudget:\n"
        for index in 0..<60 { text += "  - {category: equipment, description: Item \(index), amount: \"10.00\"}\n" }
        let file = Array(text.utf8)
        let bid = try BidFile.bid(bytes: file, file: "odd.yaml").value
        #expect(bid.budget?.count == 60 && bid.budget?.allSatisfy { $0.vatReclaimable == nil } == true)
        let site = try Site(store: try Fixtures.sampleLedger(reason: "web"))
        try await Application(router: site.router()).test(.router) { client in
            let uploaded = try await client.execute(
                uri: UploadTests.uri, method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(UploadTests.boundary)",
                          .cookie: "\(CSRF(secure: false).cookie)=\(UploadTests.token)"],
                body: ByteBuffer(bytes: UploadTests.body(filename: "odd.yaml", file)))
            #expect(uploaded.status == .ok)
            let fields = try Self.fields(of: String(buffer: uploaded.body))
            let book = try #require(try RulebookLibrary.shipped().rulebook(scheme: bid.scheme, year: bid.year))
            let again = try Checker.bid(from: FormData(fields), book: book)
            #expect(again.applicant == bid.applicant && again.requested == bid.requested)
            #expect(again.priorities == bid.priorities && again.locations == bid.locations && again.csp == bid.csp)
            #expect(again.budget == bid.budget)
            // Sent back as it stands, the page gives the same verdict.
            let resent = try await client.execute(
                uri: "/schemes/community-action-fund/2017-18/check", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded",
                          .cookie: "\(CSRF(secure: false).cookie)=\(UploadTests.token)"],
                body: CheckerFormTests.encode(fields.filter { $0.0 != "csrf" } + [("csrf", UploadTests.token), ("action", "check")]))
            #expect(resent.status == .ok)
            let verdict = { (page: String) in page.range(of: "<h2 class=\"panel__title\">").map { page[$0.upperBound...].prefix(200) } }
            #expect(verdict(String(buffer: resent.body)) == verdict(String(buffer: uploaded.body)))
            #expect(verdict(String(buffer: resent.body)) != nil)
        }
    }
}
