import GrantsCore
import GrantsImport
import GrantsReports
import GrantsRules

/// The bid checker in a browser: a form with every grants-bid/1 field, read into the same document tree a bid file
/// becomes and then read by the same reader (`BidFile`), so a form and a file are refused for the same reasons with
/// the same words; the field at fault is named next to its input and in the error summary.
enum Checker {
    /// The most budget lines the form holds: as many as a bid may have, so that a file's budget fills the form whole.
    static let maximumLines = BidFile.maximumBudgetLines

    /// A field the reader refused, as the form shows it: the id of the input it belongs to, and the reader's words.
    struct FieldError: Error, Sendable {
        let id: String
        let message: String
    }

    /// The form's fields read into a bid document and through the bid reader.
    static func bid(from form: FormData, book: Rulebook) throws(FieldError) -> BidForm {
        do {
            return try BidFile.bid(from: document(form, book: book), file: "the form", formatRequired: false).value
        } catch {
            throw FieldError(id: inputID(for: error.field), message: error.message)
        }
    }

    /// How many budget lines the form holds, from its hidden count (at least one).
    static func lineCount(_ form: FormData) -> Int {
        min(max(Int(form["budget-lines"]) ?? 1, 1), maximumLines)
    }

    /// The bid document the form makes: the same keys as a grants-bid/1 file, each empty field left out.
    static func document(_ form: FormData, book: Rulebook) -> DocNode {
        func scalar(_ text: String) -> DocNode { .scalar(text, isNull: text.isEmpty, line: 1) }
        func list(_ items: [String]) -> DocNode {
            let values = items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return values.isEmpty ? .scalar("", isNull: true, line: 1) : .sequence(values.map(scalar), line: 1)
        }
        var applicant: [(key: String, value: DocNode)] = [
            ("id", scalar(form["applicant-id"])), ("name", scalar(form["applicant-name"])),
            ("type", scalar(form["applicant-type"])),
        ]
        switch form["applicant-constituted"] {
        case "yes": applicant.append(("constituted", scalar("true")))
        case "no": applicant.append(("constituted", scalar("false")))
        default: break
        }
        applicant.append(("unrestricted_reserves", scalar(money(form["applicant-reserves"]))))
        applicant.append(("documents", list(form.all("applicant-documents"))))
        var top: [(key: String, value: DocNode)] = [
            ("id", scalar("web-check")), ("scheme", scalar(book.scheme.rawValue)),
            ("financial_year", scalar(book.year.label)), ("submitted", scalar(day(form, "submitted"))),
            ("applicant", .mapping(applicant, line: 1)), ("title", scalar(form["title"])),
            ("description", scalar(form["description"])), ("requested", scalar(money(form["requested"]))),
            ("total_project_cost", scalar(money(form["total-cost"]))), ("planned_start", scalar(day(form, "start"))),
            ("planned_end", scalar(day(form, "end"))), ("priorities", list(form.all("priorities"))),
            ("works_with", list(form.all("works-with"))), ("locations", list(form.all("locations"))),
            ("csp", scalar(form["csp"])),
        ]
        var lines: [DocNode] = []
        for index in 0..<lineCount(form) {
            let prefix = "budget-\(index)-"
            let category = form[prefix + "category"]
            let description = form[prefix + "description"]
            let amount = money(form[prefix + "amount"])
            if category.isEmpty && description.isEmpty && amount.isEmpty { continue }
            lines.append(.mapping([
                ("category", scalar(category)), ("description", scalar(description)), ("amount", scalar(amount)),
                ("vat_reclaimable", scalar(vat(form, prefix))),
            ], line: 1))
        }
        top.append(("budget", lines.isEmpty ? .scalar("", isNull: true, line: 1) : .sequence(lines, line: 1)))
        return .mapping(top, line: 1)
    }

    /// The id of the upload's file input, which an error about the file is shown next to.
    static let fileInput = "bid-file"

    /// The endings of a bid file the checker takes: one bid, in YAML or JSON.
    static let fileExtensions = [".yaml", ".yml", ".json"]

    /// The bid in an uploaded file, read as `grants check` reads a file; an error names the file, its line and the
    /// field, and belongs to the file input. A bid for another scheme or year than the page's is refused: the
    /// page's rules are the ones the applicant asked about.
    static func bid(uploaded file: Multipart.Part?, book: Rulebook) throws(FieldError) -> BidForm {
        guard let file, let name = file.filename, !name.isEmpty else {
            throw FieldError(id: fileInput, message: "Select a bid file")
        }
        let shown = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? name
        guard fileExtensions.contains(where: { shown.lowercased().hasSuffix($0) }) else {
            throw FieldError(id: fileInput, message: "The selected file must be a YAML or JSON bid file (.yaml, .yml or .json)")
        }
        guard !file.bytes.isEmpty else { throw FieldError(id: fileInput, message: "The selected file is empty") }
        guard file.bytes.count <= BidFile.maximumSingleBidSize else {
            throw FieldError(id: fileInput, message: "The selected file must be 1 MiB or smaller")
        }
        let bid: BidForm
        do {
            bid = try BidFile.bid(bytes: file.bytes, file: shown).value
        } catch {
            let place = error.line > 0 ? "\(shown), line \(error.line)" : shown
            throw FieldError(
                id: fileInput,
                message: error.field.isEmpty ? "\(place): \(error.message)" : "\(place), \(error.field): \(error.message)")
        }
        guard bid.scheme == book.scheme && bid.year == book.year else {
            throw FieldError(
                id: fileInput,
                message: "\(shown) is a bid for \(bid.scheme.rawValue) \(bid.year.label); this page checks bids for "
                    + "\(book.title)")
        }
        return bid
    }

    /// The form's fields holding a bid's answers, so that a bid read from a file can be changed in the form.
    static func form(from bid: BidForm) -> FormData {
        var pairs: [(String, String)] = [
            ("applicant-name", bid.applicant.name), ("applicant-id", bid.applicant.id.rawValue),
            ("applicant-type", bid.applicant.type.rawValue), ("title", bid.title),
            ("description", bid.description ?? ""), ("requested", bid.requested.plain),
            ("total-cost", bid.totalProjectCost?.plain ?? ""), ("csp", bid.csp ?? ""),
            ("applicant-reserves", bid.applicant.unrestrictedReserves?.plain ?? ""),
        ]
        if let constituted = bid.applicant.constituted { pairs.append(("applicant-constituted", constituted ? "yes" : "no")) }
        pairs += bid.applicant.documents.map { ("applicant-documents", $0) }
        pairs += bid.priorities.map { ("priorities", $0) }
        pairs += bid.worksWith.map { ("works-with", $0) }
        pairs += bid.locations.map { ("locations", $0) }
        for (name, day) in [("submitted", bid.submitted), ("start", bid.plannedStart), ("end", bid.plannedEnd)] {
            guard let day else { continue }
            pairs += [("\(name)-day", String(day.day)), ("\(name)-month", String(day.month)), ("\(name)-year", String(day.year))]
        }
        let lines = bid.budget ?? []
        for (index, line) in lines.enumerated() {
            pairs += [
                ("budget-\(index)-category", line.category), ("budget-\(index)-description", line.description),
                ("budget-\(index)-amount", line.amount.plain),
            ]
            switch line.vatReclaimable {
            case true?: pairs.append(("budget-\(index)-vat", "yes"))
            case false?: break
            case nil: pairs.append(("budget-\(index)-vat-unsaid", "yes"))
            }
        }
        pairs.append(("budget-lines", String(max(lines.count, 1))))
        return FormData(pairs)
    }

    /// A budget line's VAT answer: ticked is true; not ticked is false, unless the line came from a file that did
    /// not say (its hidden `…vat-unsaid` field), which stays unsaid (the rule that reads it then cannot tell).
    static func vat(_ form: FormData, _ prefix: String) -> String {
        if form[prefix + "vat"] == "yes" { return "true" }
        return form[prefix + "vat-unsaid"] == "yes" ? "" : "false"
    }

    /// An amount as people type it: a leading £ and the commas between thousands are not part of it.
    static func money(_ text: String) -> String {
        var value = Substring(text.trimmingCharacters(in: .whitespaces))
        if value.hasPrefix("£") { value = value.dropFirst() }
        return value.replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// A date from its three inputs (`submitted-day`, `-month`, `-year`) as YYYY-MM-DD; empty when all three are.
    /// A part that is not a number is kept as typed, so the reader refuses it with the date as given.
    static func day(_ form: FormData, _ name: String) -> String {
        let day = form["\(name)-day"], month = form["\(name)-month"], year = form["\(name)-year"]
        if day.isEmpty && month.isEmpty && year.isEmpty { return "" }
        func padded(_ text: String, _ width: Int) -> String {
            guard !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), text.count < width else {
                return text
            }
            return String(repeating: "0", count: width - text.count) + text
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    /// The id of the input a reader's field path belongs to: `applicant.name` → `applicant-name`,
    /// `budget[2].amount` → `budget-2-amount`, `planned_start` → `start-day`.
    static func inputID(for path: String) -> String {
        let fixed: [String: String] = [
            "submitted": "submitted-day", "applicant": "applicant-id", "applicant.id": "applicant-id",
            "applicant.name": "applicant-name", "applicant.type": "applicant-type",
            "applicant.constituted": "applicant-constituted", "applicant.unrestricted_reserves": "applicant-reserves",
            "applicant.documents": "applicant-documents", "title": "title", "description": "description",
            "requested": "requested", "total_project_cost": "total-cost", "planned_start": "start-day",
            "planned_end": "end-day", "priorities": "priorities", "works_with": "works-with",
            "locations": "locations", "csp": "csp", "budget": "budget-0-category",
        ]
        if let id = fixed[path] { return id }
        // A list's item (`priorities[3]`) belongs to the list's inputs.
        if let open = path.firstIndex(of: "["), !path.hasPrefix("budget") {
            return inputID(for: String(path[..<open]))
        }
        if path.hasPrefix("budget[") {
            let rest = path.dropFirst("budget[".count)
            if let close = rest.firstIndex(of: "]") {
                let index = rest[..<close]
                let field = rest[rest.index(after: close)...].drop { $0 == "." }
                let names = ["category": "category", "description": "description", "amount": "amount",
                             "vat_reclaimable": "vat"]
                return "budget-\(index)-\(names[String(field)] ?? "category")"
            }
        }
        return "title"
    }
}
